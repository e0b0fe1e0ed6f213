// Consumer lag on one partition while the other consumers of the group idle: a hot partition,
// logged at WARN by the one busy pod. A producer of the namespace that changed its message key
// for that topic just before is the trigger.
import { describe, expect, it } from 'vitest';
import { findKeyChange, findPartitionLagSkew } from '../../../src/domain/triage/partition-lag-skew.js';
import { analyzePartitionLagSkew } from '../../../src/domain/triage/analyzers/partition-lag-skew.js';
import type { NamespaceRolloutEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, pod } from './scenarios/builders.js';

const lagLine = (t: string, lag: number) => `{"level":"warn","ts":"${t}","logger":"consumer","msg":"consumer lag above threshold","topic":"order-events","partition":7,"lag":${lag},"threshold":10000,"oldest_record_age_s":${Math.round(lag / 105)}}`;
const idleLine = (p: number) => `{"level":"info","ts":"2026-11-21T03:10:00.000Z","logger":"consumer","msg":"batch processed","topic":"order-events","partition":${p},"records":3,"lag":0}`;
const logs = [
  { pod: 'hot', container: 'app', previous: false, lines: [lagLine('2026-11-21T01:10:00.000Z', 9000), lagLine('2026-11-21T03:10:00.000Z', 170000)] },
  { pod: 'idle-1', container: 'app', previous: false, lines: [idleLine(4), idleLine(10)] },
];
const rev = (revision: number, key: string, createdAt: string) => ({
  revision, name: `order-intake-${revision}`, hash: `h${revision}`, createdAt, changeCause: 'argocd: order-intake',
  containers: [{ name: 'app', image: 'i', env: [{ name: 'ORDER_EVENTS_TOPIC', value: 'order-events' }, { name: 'ORDER_EVENTS_PARTITION_KEY', value: key }], envFrom: [], resources: { requests: {}, limits: {} } }],
});
const rollouts: NamespaceRolloutEvidence[] = [{ deployment: 'order-intake', labels: {}, revisions: [rev(27, 'tenant_id', '2026-11-21T01:05:00Z'), rev(26, 'order_id', '2026-11-06T01:05:00Z')] }];

describe('a hot partition', () => {
  it('finds lag warnings on one partition of one pod while a peer on the topic idles', () => {
    expect(findPartitionLagSkew(logs)).toMatchObject({ topic: 'order-events', partition: 7, pod: 'hot', lag: 170000, idlePods: ['idle-1'] });
    expect(findPartitionLagSkew([logs[0]!])).toBeUndefined();
  });

  it("names the producer's key change for that topic", () => {
    expect(findKeyChange(rollouts, 'order-events')).toMatchObject({ deployment: 'order-intake', env: 'ORDER_EVENTS_PARTITION_KEY', from: 'order_id', to: 'tenant_id', revision: 27 });
    expect(findKeyChange(rollouts, 'payments')).toBeUndefined();
  });

  it('reports the hot partition, its lag and the key change, without advising more consumers', () => {
    const pods = ['hot', 'idle-1'].map((n, i) => ({ ...pod(i, { containers: [container({})] }), name: n }));
    const [f] = analyzePartitionLagSkew({ ...baseEvidence({ pods, logs }), namespaceRollouts: rollouts, collectedAt: NOW });
    expect(f?.title).toMatch(/^Consumer lag on one partition, order-events-7/);
    expect(f?.title).toMatch(/order-intake/);
    expect(f?.title).toMatch(/ORDER_EVENTS_PARTITION_KEY order_id → tenant_id/);
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/add(ing)? (more )?(consumers|replicas)|scale (up|out)/i);
  });
});
