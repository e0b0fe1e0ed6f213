/** ClusterWatch: one behaviour, run against ClusterEventWatchers (its registry in real Redis) and MemoryClusterWatch. */
import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { ClusterEventWatchers } from '../../src/adapters/kubernetes/cluster-event-watchers.js';
import { RedisWatchTargets } from '../../src/adapters/redis/redis-watch-targets.js';
import type { ClusterWatch } from '../../src/domain/timeline/timeline-ports.js';
import type { WatchTarget } from '../../src/domain/timeline/cluster-events.js';
import { MemoryClusterWatch } from '../support/memory-cluster-watch.js';
import { useTestRedis } from './redis-fixture.js';

const redis = useTestRedis();

interface Harness {
  watch: ClusterWatch;
  /** What is watched now, in any order. */
  watched(): Promise<WatchTarget[]>;
}

const harnesses: [string, () => Harness][] = [
  [
    'ClusterEventWatchers',
    () => {
      const keys = redis.keys();
      // Not started: watch/unwatch only write the registry every worker process reads.
      const watch = new ClusterEventWatchers(redis.redis(), keys, new k8s.KubeConfig());
      const registry = new RedisWatchTargets(redis.redis(), keys);
      return { watch, watched: async () => [...(await registry.list()).values()] };
    },
  ],
  [
    'MemoryClusterWatch',
    () => {
      const watch = new MemoryClusterWatch();
      return { watch, watched: async () => watch.targets() };
    },
  ],
];

const target = (over: Partial<WatchTarget> = {}): WatchTarget => ({
  incidentId: 'pd-P1',
  namespace: 'payments',
  kind: 'Deployment',
  name: 'payment-service',
  since: '2026-11-21T02:30:00.000Z',
  ...over,
});

const byName = (ts: WatchTarget[]) => [...ts].sort((a, b) => `${a.incidentId}/${a.name}`.localeCompare(`${b.incidentId}/${b.name}`));

describe.each(harnesses)('ClusterWatch contract: %s', (_name, makeHarness) => {
  it('watches a workload once per incident: a second watch keeps the first since', async () => {
    const h = makeHarness();
    await h.watch.watch(target());
    await h.watch.watch(target({ since: '2026-11-21T03:00:00.000Z' }));
    expect(await h.watched()).toEqual([target()]);
  });

  it('watches several workloads of an incident, and the same workload for two incidents', async () => {
    const h = makeHarness();
    await h.watch.watch(target());
    await h.watch.watch(target({ kind: 'StatefulSet', name: 'ledger-db', context: 'prod-us-east-1' }));
    await h.watch.watch(target({ incidentId: 'pd-P2' }));
    expect(byName(await h.watched())).toEqual(byName([target(), target({ kind: 'StatefulSet', name: 'ledger-db', context: 'prod-us-east-1' }), target({ incidentId: 'pd-P2' })]));
  });

  it('unwatch stops every watch of the incident and no other', async () => {
    const h = makeHarness();
    await h.watch.watch(target());
    await h.watch.watch(target({ name: 'fraud-service' }));
    await h.watch.watch(target({ incidentId: 'pd-P2' }));
    await h.watch.unwatch('pd-P1');
    expect(await h.watched()).toEqual([target({ incidentId: 'pd-P2' })]);
    await h.watch.unwatch('pd-P1');
    await h.watch.unwatch('pd-never');
    expect(await h.watched()).toEqual([target({ incidentId: 'pd-P2' })]);
  });
});
