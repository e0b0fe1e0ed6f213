// Two bot processes on one Redis, as production runs them: each has its own Redis connection and
// its own KubeConfig, and they share only Redis and the (fake) API server.
import { createConnection } from 'node:net';
import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClusterEventWatchers } from '../../../src/adapters/kubernetes/cluster-event-watchers.js';
import { EventWatcher } from '../../../src/adapters/kubernetes/event-watcher.js';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RedisClusterEventSink } from '../../../src/adapters/redis/redis-cluster-event-sink.js';
import { RedisTimelineStore } from '../../../src/adapters/redis/redis-timeline-store.js';
import { watchIdOf } from '../../../src/adapters/redis/redis-watch-targets.js';
import { FakeKubeApi } from '../../../src/demo/fakes/fake-kube-api.js';
import { DEADLINE_MS, PATIENTLY, waitUntil } from '../../helpers/deadline.js';
import { TEST_REDIS_URL, connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';
import { POD, countsByText, event, loadKubeConfig, repeat, seedCluster, target } from './watch-fixtures.js';

const INCIDENT = 'PINC7';
const BACKOFF = `pod/${POD}: BackOff — Back-off restarting failed container app`;
// A live holder must not lose its lease to a stall of a busy machine; a crashed holder's lease is
// made to run out by the test itself, so its length costs no time.
const OPTS = { pollMs: 50, leaseMs: DEADLINE_MS, watcher: { initialBackoffMs: 20, maxBackoffMs: 200 } };

/**
 * Counts each process's polls as Redis sees them, for "still so after several polls": every poll
 * starts by reading the registry, and a process never runs two polls at once. MONITOR on a plain
 * socket (ioredis's monitor() can mistake the first monitored lines for replies on a busy Redis).
 */
class PollCounter {
  private readonly byClient = new Map<string, number>();
  private readonly addresses = new Map<Redis, string>();
  private pending = '';

  private constructor(
    private readonly socket: Socket,
    private readonly registryKey: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.read(chunk.toString('latin1')));
    socket.on('error', () => undefined);
  }

  static async start(registryKey: string): Promise<PollCounter> {
    const url = new URL(TEST_REDIS_URL);
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const counter = new PollCounter(socket, registryKey);
    socket.write('MONITOR\r\n');
    return counter;
  }

  /** Waits until each connection has started `more` polls after this call. */
  async waitForMore(connections: Redis[], more: number): Promise<void> {
    const addresses = await Promise.all(connections.map((c) => this.addressOf(c)));
    const from = addresses.map((a) => this.byClient.get(a) ?? 0);
    const done = () => addresses.map((a, i) => (this.byClient.get(a) ?? 0) - from[i]!);
    await waitUntil(() => done().every((n) => n >= more), () => `polls so far: ${done().join(', ')} of ${more}`);
  }

  stop(): void {
    this.socket.destroy();
  }

  /** Lines like `+1796309802.483225 [0 127.0.0.1:38048] "hgetall" "<key>"`. */
  private read(text: string): void {
    const lines = (this.pending + text).split('\r\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^\+\S+ \[\d+ (\S+)\] "hgetall" "([^"]*)"$/i.exec(line);
      if (m !== null && m[2] === this.registryKey) this.byClient.set(m[1]!, (this.byClient.get(m[1]!) ?? 0) + 1);
    }
  }

  private async addressOf(connection: Redis): Promise<string> {
    let address = this.addresses.get(connection);
    if (address === undefined) {
      const info = String(await connection.client('INFO'));
      address = /\baddr=(\S+)/.exec(info)?.[1] ?? 'unknown';
      this.addresses.set(connection, address);
    }
    return address;
  }
}

describe('ClusterEventWatchers', () => {
  let fake: FakeKubeApi;
  let prefix: string;
  let keys: RedisKeys;
  let admin: Redis;
  let store: RedisTimelineStore;
  const connections: Redis[] = [];
  const instances: ClusterEventWatchers[] = [];
  const connectionOf = new Map<ClusterEventWatchers, Redis>();
  let polls: PollCounter;

  beforeEach(async () => {
    fake = await FakeKubeApi.start();
    seedCluster(fake);
    prefix = randomPrefix();
    keys = new RedisKeys(prefix);
    admin = connectTestRedis();
    store = new RedisTimelineStore(admin, keys);
    polls = await PollCounter.start(keys.clusterWatchTargets);
  });

  afterEach(async () => {
    polls.stop();
    await Promise.all(instances.splice(0).map((i) => i.close()));
    connectionOf.clear();
    expect(fake.writeAttempts).toEqual([]);
    await fake.close();
    await deleteKeys(admin, prefix);
    await Promise.all([admin, ...connections.splice(0)].map((c) => c.quit()));
  });

  /** One "process": its own Redis connection and its own kubeconfig. */
  function startProcess(): ClusterEventWatchers {
    const redis = connectTestRedis();
    connections.push(redis);
    const instance = new ClusterEventWatchers(redis, keys, loadKubeConfig(fake), OPTS);
    instances.push(instance);
    connectionOf.set(instance, redis);
    instance.start();
    return instance;
  }

  const timeline = async () => countsByText(await store.list(INCIDENT));
  const waitForTimeline = (expected: Record<string, number>) =>
    vi.waitFor(async () => expect(await timeline()).toEqual(expected), PATIENTLY);
  const holders = (all: ClusterEventWatchers[]) => all.filter((i) => i.watching.length > 0);
  const morePolls = (all: ClusterEventWatchers[], n: number) => polls.waitForMore(all.map((i) => connectionOf.get(i)!), n);

  it('runs one watcher across two processes, counts each event once, and fails over on close', async () => {
    const a = startProcess();
    const b = startProcess();
    await a.watch(target(INCIDENT));
    await vi.waitFor(() => expect(holders([a, b])).toHaveLength(1), PATIENTLY);
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
    // Several polls later, still one watcher (the other process keeps finding the lease taken).
    await morePolls([a, b], 3);
    expect(holders([a, b])).toHaveLength(1);
    expect(fake.openWatches).toBe(2);

    const backOff = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 1 }));
    const e3 = repeat(fake, backOff, 3);
    await waitForTimeline({ [BACKOFF]: 3 });

    const [holder] = holders([a, b]);
    const other = holder === a ? b : a;
    await holder?.close();
    await vi.waitFor(() => expect(other.watching).toEqual([watchIdOf(target(INCIDENT))]), PATIENTLY);
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);

    // The new holder re-lists (count 3 again: nothing added) and carries on.
    repeat(fake, e3, 5);
    fake.add(event('Node', 'node-a', 'NodeNotReady', 'Node node-a status is now: NodeNotReady'));
    await waitForTimeline({ [BACKOFF]: 5, 'node/node-a: NodeNotReady — Node node-a status is now: NodeNotReady': 1 });
  });

  it('takes over a lease that its holder stopped renewing (a crashed process)', async () => {
    const t = target(INCIDENT);
    // A process that died holding the lease: nobody renews it.
    const lease = keys.clusterWatchLease(watchIdOf(t));
    await admin.set(lease, 'crashed-process', 'PX', 10 * DEADLINE_MS);
    const a = startProcess();
    await a.watch(t);
    await morePolls([a], 2);
    expect(a.watching).toEqual([]);
    // It runs out (now, rather than after a wait).
    await admin.pexpire(lease, 1);
    await vi.waitFor(() => expect(a.watching).toEqual([watchIdOf(t)]), PATIENTLY);
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 2 }));
    await waitForTimeline({ [BACKOFF]: 2 });
  });

  it('unwatch stops the watch in every process', async () => {
    const a = startProcess();
    const b = startProcess();
    await a.watch(target(INCIDENT));
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
    // Resolved from the process that does not hold the watch: the holder notices within a poll.
    const [holder] = holders([a, b]);
    await (holder === a ? b : a).unwatch(INCIDENT);
    await vi.waitFor(() => expect(fake.openWatches).toBe(0), PATIENTLY);
    await vi.waitFor(() => expect(holders([a, b])).toEqual([]), PATIENTLY);
    expect(await admin.hlen(keys.clusterWatchTargets)).toBe(0);
    expect(await admin.exists(keys.clusterWatchLease(watchIdOf(target(INCIDENT))))).toBe(0);
    // Nothing restarts it: every poll that could have read the registry before the removal is over.
    await morePolls([a, b], 2);
    expect(holders([a, b])).toEqual([]);
    expect(fake.openWatches).toBe(0);
  });

  it('keeps the first start time when a target is registered again', async () => {
    const a = startProcess();
    await a.watch(target(INCIDENT));
    await a.watch(target(INCIDENT, { since: new Date().toISOString() }));
    const stored = await admin.hget(keys.clusterWatchTargets, watchIdOf(target(INCIDENT)));
    expect(JSON.parse(stored ?? '{}')).toEqual(target(INCIDENT));
  });

  it('counts each event once even when two watchers run at the same time (a lease lost during a pause)', async () => {
    const sinks = [connectTestRedis(), connectTestRedis()].map((r) => {
      connections.push(r);
      return new RedisClusterEventSink(r, keys);
    });
    const watchers = sinks.map((sink) => new EventWatcher(loadKubeConfig(fake), target(INCIDENT), sink, { initialBackoffMs: 20 }));
    for (const w of watchers) w.start();
    try {
      await vi.waitFor(() => expect(fake.openWatches).toBe(4), PATIENTLY);
      let e = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 1 }));
      for (let count = 2; count <= 30; count++) e = repeat(fake, e, count);
      fake.add(event('Pod', POD, 'Killing', 'Stopping container app'));
      await waitForTimeline({ [BACKOFF]: 30, [`pod/${POD}: Killing — Stopping container app`]: 1 });
      // Both wrote: the sink, not luck, kept the counts right.
      expect(sinks.every((s) => s.stats.records > 0)).toBe(true);
    } finally {
      await Promise.all(watchers.map((w) => w.stop()));
    }
  });
});
