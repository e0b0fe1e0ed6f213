// Two bot processes on one Redis, as production runs them: each has its own Redis connection and
// its own KubeConfig, and they share only Redis and the (fake) API server.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClusterEventWatchers } from '../../../src/adapters/kubernetes/cluster-event-watchers.js';
import { EventWatcher } from '../../../src/adapters/kubernetes/event-watcher.js';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RedisClusterEventSink } from '../../../src/adapters/redis/redis-cluster-event-sink.js';
import { RedisTimelineStore } from '../../../src/adapters/redis/redis-timeline-store.js';
import { watchIdOf } from '../../../src/adapters/redis/redis-watch-targets.js';
import { FakeKubeApi } from '../../fakes/fake-kube-api.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';
import { POD, countsByText, event, loadKubeConfig, repeat, seedCluster, target } from './watch-fixtures.js';

const INCIDENT = 'PINC7';
const BACKOFF = `pod/${POD}: BackOff — Back-off restarting failed container app`;
const OPTS = { pollMs: 50, leaseMs: 400, watcher: { initialBackoffMs: 20, maxBackoffMs: 200 } };

describe('ClusterEventWatchers', () => {
  let fake: FakeKubeApi;
  let prefix: string;
  let keys: RedisKeys;
  let admin: Redis;
  let store: RedisTimelineStore;
  const connections: Redis[] = [];
  const instances: ClusterEventWatchers[] = [];

  beforeEach(async () => {
    fake = await FakeKubeApi.start();
    seedCluster(fake);
    prefix = randomPrefix();
    keys = new RedisKeys(prefix);
    admin = connectTestRedis();
    store = new RedisTimelineStore(admin, keys);
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map((i) => i.close()));
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
    instance.start();
    return instance;
  }

  const timeline = async () => countsByText(await store.list(INCIDENT));
  const waitForTimeline = (expected: Record<string, number>) =>
    vi.waitFor(async () => expect(await timeline()).toEqual(expected), { timeout: 5_000, interval: 20 });
  const holders = (all: ClusterEventWatchers[]) => all.filter((i) => i.watching.length > 0);

  it('runs one watcher across two processes, counts each event once, and fails over on close', async () => {
    const a = startProcess();
    const b = startProcess();
    await a.watch(target(INCIDENT));
    await vi.waitFor(() => expect(holders([a, b])).toHaveLength(1));
    await vi.waitFor(() => expect(fake.openWatches).toBe(2));
    // Several polls later, still one watcher (the other process keeps finding the lease taken).
    await new Promise((r) => setTimeout(r, 300));
    expect(holders([a, b])).toHaveLength(1);
    expect(fake.openWatches).toBe(2);

    const backOff = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 1 }));
    const e3 = repeat(fake, backOff, 3);
    await waitForTimeline({ [BACKOFF]: 3 });

    const [holder] = holders([a, b]);
    const other = holder === a ? b : a;
    await holder?.close();
    await vi.waitFor(() => expect(other.watching).toEqual([watchIdOf(target(INCIDENT))]));
    await vi.waitFor(() => expect(fake.openWatches).toBe(2));

    // The new holder re-lists (count 3 again: nothing added) and carries on.
    repeat(fake, e3, 5);
    fake.add(event('Node', 'node-a', 'NodeNotReady', 'Node node-a status is now: NodeNotReady'));
    await waitForTimeline({ [BACKOFF]: 5, 'node/node-a: NodeNotReady — Node node-a status is now: NodeNotReady': 1 });
  });

  it('takes over a lease that its holder stopped renewing (a crashed process)', async () => {
    const t = target(INCIDENT);
    // A process that died holding the lease: nobody renews it, it runs out.
    await admin.set(keys.clusterWatchLease(watchIdOf(t)), 'crashed-process', 'PX', 400);
    const a = startProcess();
    await a.watch(t);
    await new Promise((r) => setTimeout(r, 150));
    expect(a.watching).toEqual([]);
    await vi.waitFor(() => expect(a.watching).toEqual([watchIdOf(t)]), { timeout: 2_000 });
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 2 }));
    await waitForTimeline({ [BACKOFF]: 2 });
  });

  it('unwatch stops the watch in every process', async () => {
    const a = startProcess();
    const b = startProcess();
    await a.watch(target(INCIDENT));
    await vi.waitFor(() => expect(fake.openWatches).toBe(2));
    // Resolved from the process that does not hold the watch: the holder notices within a poll.
    const [holder] = holders([a, b]);
    await (holder === a ? b : a).unwatch(INCIDENT);
    await vi.waitFor(() => expect(fake.openWatches).toBe(0));
    await vi.waitFor(() => expect(holders([a, b])).toEqual([]));
    expect(await admin.hlen(keys.clusterWatchTargets)).toBe(0);
    expect(await admin.exists(keys.clusterWatchLease(watchIdOf(target(INCIDENT))))).toBe(0);
    // Nothing restarts it.
    await new Promise((r) => setTimeout(r, 200));
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
      await vi.waitFor(() => expect(fake.openWatches).toBe(4));
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
