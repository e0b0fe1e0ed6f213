// The event watcher through the real client-node against the fake API server, and the real Redis.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventWatcher } from '../../../src/adapters/kubernetes/event-watcher.js';
import type { EventWatcherOptions } from '../../../src/adapters/kubernetes/event-watcher.js';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RedisClusterEventSink } from '../../../src/adapters/redis/redis-cluster-event-sink.js';
import { RedisTimelineStore } from '../../../src/adapters/redis/redis-timeline-store.js';
import type { WatchTarget } from '../../../src/domain/timeline/cluster-events.js';
import { FakeKubeApi } from '../../../src/demo/fakes/fake-kube-api.js';
import type { RecordedRequest } from '../../../src/demo/fakes/fake-kube-api.js';
import { PATIENTLY, waitUntil } from '../../helpers/deadline.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';
import { at, container, pod, runningStatus } from './builders.js';
import { NS, POD, RS, countsByText, event, loadKubeConfig, ownedPod, repeat, seedCluster, target } from './watch-fixtures.js';
import type { Seeded } from './watch-fixtures.js';

const INCIDENT = 'PINC42';
const FAST: EventWatcherOptions = { initialBackoffMs: 20, maxBackoffMs: 200 };

/** Each scope refresh starts by reading the workload, and refreshes never overlap. */
const isScopeRead = (r: RecordedRequest): boolean => r.path === `/apis/apps/v1/namespaces/${NS}/deployments/payment`;

describe('EventWatcher', () => {
  let fake: FakeKubeApi;
  let redis: Redis;
  let prefix: string;
  let keys: RedisKeys;
  let store: RedisTimelineStore;
  let seeded: Seeded;
  const watchers: EventWatcher[] = [];

  beforeEach(async () => {
    fake = await FakeKubeApi.start();
    seeded = seedCluster(fake);
    redis = connectTestRedis();
    prefix = randomPrefix();
    keys = new RedisKeys(prefix);
    store = new RedisTimelineStore(redis, keys);
  });

  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    // Read-only toward the cluster, whatever happened.
    expect(fake.writeAttempts).toEqual([]);
    await fake.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  async function startWatcher(t: WatchTarget = target(INCIDENT), opts: EventWatcherOptions = {}): Promise<EventWatcher> {
    const w = new EventWatcher(loadKubeConfig(fake), t, new RedisClusterEventSink(redis, keys), { ...FAST, ...opts });
    watchers.push(w);
    w.start();
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
    return w;
  }

  const timeline = async () => countsByText(await store.list(INCIDENT));
  const waitForTimeline = (expected: Record<string, number>) =>
    vi.waitFor(async () => expect(await timeline()).toEqual(expected), PATIENTLY);

  it('lists then watches: events about the workload become entries, the rest of the namespace does not', async () => {
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 4 }));
    // Before the incident: over by `since`.
    fake.add(event('Pod', POD, 'Pulled', 'Container image "img" already present on machine', { minutes: -20, type: 'Normal' }));
    fake.add(event('Pod', 'other-5d4f9-abcde', 'BackOff', 'Back-off restarting failed container app'));
    await startWatcher();

    fake.add(event('Deployment', 'payment', 'ScalingReplicaSet', `Scaled up replica set ${RS} to 2`, { type: 'Normal' }));
    fake.add(event('ReplicaSet', RS, 'SuccessfulCreate', `Created pod: ${RS}-zx9qp`, { type: 'Normal' }));
    fake.add(event('Pod', `${RS}-zx9qp`, 'FailedScheduling', '0/4 nodes are available: 4 Insufficient memory.', { count: 2 }));
    fake.add(event('HorizontalPodAutoscaler', 'payment-hpa', 'SuccessfulRescale', 'New size: 2; reason: cpu resource utilization above target', { type: 'Normal' }));
    fake.add(event('Deployment', 'other', 'ScalingReplicaSet', 'Scaled up replica set other-5d4f9 to 2', { type: 'Normal' }));
    fake.add(event('PersistentVolumeClaim', 'payment-data', 'ProvisioningFailed', 'no storage class'));
    fake.add(event('Pod', 'payment-api-6b7c8-aaaaa', 'BackOff', 'Back-off restarting failed container app'));
    // Sentinel: the namespace stream is in order, so once this is written all of the above were seen.
    fake.add(event('Pod', POD, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'));

    await waitForTimeline({
      [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 4,
      'deployment/payment: ScalingReplicaSet — Scaled up replica set payment-7c9d5f6b8 to 2': 1,
      [`replicaset/${RS}: SuccessfulCreate — Created pod: ${RS}-zx9qp`]: 1,
      [`pod/${RS}-zx9qp: FailedScheduling — 0/4 nodes are available: 4 Insufficient memory.`]: 2,
      'horizontalpodautoscaler/payment-hpa: SuccessfulRescale — New size: 2; reason: cpu resource utilization above target': 1,
      [`pod/${POD}: Unhealthy — Readiness probe failed: HTTP probe failed with statuscode: 503`]: 1,
    });
    const entries = await store.list(INCIDENT);
    const importantReasons = entries.filter((e) => e.important).map((e) => /^\S+: (\S+) —/.exec(e.text)?.[1]);
    // A rollout's own steps are routine (collapsed on the timeline), not key.
    expect(importantReasons.sort()).toEqual(['FailedScheduling', 'SuccessfulRescale']);
    expect(entries.every((e) => e.source === 'cluster')).toBe(true);
  });

  it('counts a MODIFIED event whose count grows from 3 to 7 as 7, on one entry', async () => {
    await startWatcher();
    const e = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 3 }));
    await waitForTimeline({ [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 3 });
    repeat(fake, e, 7);
    await waitForTimeline({ [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 7 });
    const [entry] = await store.list(INCIDENT);
    expect(entry?.until).toBe(new Date(Date.parse(at(0).toISOString()) + 7000).toISOString().replace('.000Z', 'Z'));
  });

  for (const graceful of [false, true]) {
    it(`resumes a ${graceful ? 'timed-out' : 'dropped'} watch from its resourceVersion; later events arrive exactly once`, async () => {
      const w = await startWatcher();
      const backOff = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 1 }));
      await waitForTimeline({ [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 1 });
      const rvBefore = fake.resourceVersion;
      fake.resetRequests();

      fake.dropWatches({ graceful });
      await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
      repeat(fake, backOff, 2);
      fake.add(event('Node', 'node-a', 'NodeNotReady', 'Node node-a status is now: NodeNotReady'));
      fake.add(event('Pod', POD, 'Killing', 'Stopping container app'));

      await waitForTimeline({
        [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 2,
        'node/node-a: NodeNotReady — Node node-a status is now: NodeNotReady': 1,
        [`pod/${POD}: Killing — Stopping container app`]: 1,
      });
      // Resumed, not re-listed: each stream came back with a resourceVersion and nothing was listed.
      const watches = fake.requests.filter((r) => r.query['watch'] === 'true');
      expect(watches).toHaveLength(2);
      for (const r of watches) expect(Number(r.query['resourceVersion'])).toBeLessThanOrEqual(Number(rvBefore));
      expect(fake.requests.filter((r) => r.path.endsWith('/events') && r.query['watch'] === undefined)).toEqual([]);
      expect(w.stats.map((s) => s.lists)).toEqual([1, 1]);
    });
  }

  it('lists again after 410 Gone and still counts nothing twice', async () => {
    const w = await startWatcher();
    const backOff = fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 2 }));
    await waitForTimeline({ [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 2 });

    // While the bot is disconnected the event repeats, another happens, and the history it
    // would resume from is compacted away: the resume gets 410, the re-list has everything.
    fake.dropWatches();
    repeat(fake, backOff, 5);
    fake.add(event('Pod', POD, 'OOMKilling', 'Memory cgroup out of memory: Killed process 4242 (java)'));
    fake.expireHistory();

    await waitForTimeline({
      [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 5,
      [`pod/${POD}: OOMKilling — Memory cgroup out of memory: Killed process 4242 (java)`]: 1,
    });
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
    expect(w.stats[0]?.lists).toBe(2);
    expect(fake.requests.some((r) => r.path === `/api/v1/namespaces/${NS}/events` && r.status === 200 && r.query['watch'] === 'true')).toBe(true);

    // And it keeps going from the new list.
    repeat(fake, backOff, 6);
    await waitForTimeline({
      [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 6,
      [`pod/${POD}: OOMKilling — Memory cgroup out of memory: Killed process 4242 (java)`]: 1,
    });
  });

  it('keeps node events for the nodes of the workload’s pods, including nodes it learns of', async () => {
    await startWatcher(target(INCIDENT), { scopeRefreshMs: 100 });
    fake.add(event('Node', 'node-a', 'NodeHasDiskPressure', 'Node node-a status is now: NodeHasDiskPressure'));
    fake.add(event('Node', 'node-b', 'NodeNotReady', 'Node node-b status is now: NodeNotReady'));
    // The scheduler names the node of a new pod before the next scope refresh would.
    fake.add(event('Pod', `${RS}-newp1`, 'Scheduled', `Successfully assigned ${NS}/${RS}-newp1 to node-c`, { type: 'Normal' }));
    fake.add(event('Node', 'node-c', 'NodeNotReady', 'Node node-c status is now: NodeNotReady'));
    // node-d's event comes first; the pod that ties node-d to the workload is found by the refresh.
    fake.add(event('Node', 'node-d', 'Rebooted', 'Node node-d has been rebooted, boot id: 1234'));
    fake.add(ownedPod(`${RS}-newp2`, 'node-d', seeded.rsUid));

    await waitForTimeline({
      'node/node-a: NodeHasDiskPressure — Node node-a status is now: NodeHasDiskPressure': 1,
      [`pod/${RS}-newp1: Scheduled — Successfully assigned ${NS}/${RS}-newp1 to node-c`]: 1,
      'node/node-c: NodeNotReady — Node node-c status is now: NodeNotReady': 1,
      'node/node-d: Rebooted — Node node-d has been rebooted, boot id: 1234': 1,
    });
    // node-b only hosts the neighbour's pod. Its event was parked and looked at again with every
    // scope learned since; once a refresh that started after this point has finished (the next one
    // has begun), it has had every chance to be let in.
    const reads = fake.requests.filter(isScopeRead).length;
    await waitUntil(() => fake.requests.filter(isScopeRead).length >= reads + 2, 'two more scope refreshes');
    expect(Object.keys(await timeline()).some((t) => t.includes('node-b'))).toBe(false);
  });

  it('follows a StatefulSet by its ordinal pods', async () => {
    fake.add({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'ledger', namespace: NS },
      spec: { serviceName: 'ledger', selector: { matchLabels: { app: 'ledger' } }, template: { metadata: { labels: { app: 'ledger' } }, spec: { containers: [container({ image: 'pg' })] } } },
    });
    fake.add(pod({ namespace: NS, name: 'ledger-0', labels: { app: 'ledger' }, node: 'node-b', containers: [container({ image: 'pg' })], statuses: [runningStatus()], ready: true }));
    await startWatcher(target(INCIDENT, { kind: 'StatefulSet', name: 'ledger' }));
    fake.add(event('StatefulSet', 'ledger', 'SuccessfulCreate', 'create Pod ledger-1 in StatefulSet ledger successful', { type: 'Normal' }));
    fake.add(event('Pod', 'ledger-1', 'FailedScheduling', '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.'));
    fake.add(event('Pod', 'ledger-db-0', 'BackOff', 'Back-off restarting failed container'));
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app'));
    fake.add(event('Node', 'node-b', 'NodeNotReady', 'Node node-b status is now: NodeNotReady'));
    fake.add(event('Pod', 'ledger-0', 'Killing', 'Stopping container pg'));
    await waitForTimeline({
      'statefulset/ledger: SuccessfulCreate — create Pod ledger-1 in StatefulSet ledger successful': 1,
      'pod/ledger-1: FailedScheduling — 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.': 1,
      'node/node-b: NodeNotReady — Node node-b status is now: NodeNotReady': 1,
      'pod/ledger-0: Killing — Stopping container pg': 1,
    });
  });

  it('keeps retrying a watch the API server refuses, and catches up once allowed', async () => {
    const allow = fake.forbid({ verb: 'watch', resource: 'events' });
    const w = new EventWatcher(loadKubeConfig(fake), target(INCIDENT), new RedisClusterEventSink(redis, keys), FAST);
    watchers.push(w);
    w.start();
    await vi.waitFor(() => expect(fake.requests.filter((r) => r.query['watch'] === 'true' && r.status === 403).length).toBeGreaterThan(4), PATIENTLY);
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app', { count: 2 }));
    allow();
    await waitForTimeline({ [`pod/${POD}: BackOff — Back-off restarting failed container app`]: 2 });
    await vi.waitFor(() => expect(fake.openWatches).toBe(2), PATIENTLY);
  });

  it('stop() closes both watches and the scope refresh', async () => {
    const w = await startWatcher(target(INCIDENT), { scopeRefreshMs: 50 });
    await w.stop();
    // The server sees the connections close a moment later.
    await vi.waitFor(() => expect(fake.openWatches).toBe(0), PATIENTLY);
    fake.resetRequests();
    fake.add(event('Pod', POD, 'BackOff', 'Back-off restarting failed container app'));
    // A watcher still running refreshes every 50 ms: let a running one, on another API server,
    // refresh a few times meanwhile, then look.
    const control = await FakeKubeApi.start();
    seedCluster(control);
    const running = new EventWatcher(loadKubeConfig(control), target('PCONTROL'), new RedisClusterEventSink(redis, keys), { ...FAST, scopeRefreshMs: 50 });
    running.start();
    try {
      await waitUntil(() => control.requests.filter(isScopeRead).length >= 4, 'four scope refreshes of a running watcher');
    } finally {
      await running.stop();
      await control.close();
    }
    expect(fake.requests).toEqual([]);
    expect(await store.list(INCIDENT)).toEqual([]);
  });
});
