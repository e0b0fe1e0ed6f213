// A read_committed consumer whose position stands while its lag grows, with no error: the adapter
// lists the namespace's ReplicaSets once (bounded), whatever their age, so the verdict can name the
// transactional producer whose pod the namespace's Warnings (already read) say was lost. A consumer
// reading uncommitted, or one that progresses, reads nothing of the namespace's rollouts.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, event, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'ledger-sink', namespace: NS, kind: 'Deployment' as const, name: 'ledger-sink' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace('Z', '');

function lagLog(stalled: boolean): string {
  const out: string[] = [];
  for (let m = 40; m >= 1; m -= 4) {
    const stuck = stalled && m < 25;
    const position = 90_000 + (stuck ? 15 * 200 : (40 - m) * 200);
    const lag = stuck ? (25 - m) * 150 + 20 : 3;
    out.push(`${stamp(m)} INFO  [lag-1] c.e.LagReport - partition=entries-1 position=${position} lag=${lag}`);
  }
  return `${out.join('\n')}\n`;
}

function cluster(isolation: string, stalled: boolean) {
  const sink = deploymentApp({
    namespace: NS, name: 'ledger-sink', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger-sink:1.4.0', env: [{ name: 'KAFKA_ISOLATION_LEVEL', value: isolation }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 9 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const writer = deploymentApp({
    namespace: NS, name: 'entry-writer', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ image: 'registry.example.com/entry-writer:2.0.1', env: [{ name: 'KAFKA_TRANSACTIONAL_ID', value: 'entry-writer-1' }, { name: 'KAFKA_TRANSACTION_TIMEOUT_MS', value: '900000' }] })] } }],
    pods: [{ revision: 3, node: NODE_B, createdAgo: 24 }],
  });
  const lost = { kind: 'Pod', name: `${nameOf(writer.pods[0]!).replace(/-[a-z0-9]{5}$/, '')}-x7k2p`, namespace: NS };
  for (const o of [...threeNodes(), ...sink.objects, ...writer.objects, event({ on: lost, reason: 'Evicted', message: 'The node was low on resource: memory.', firstAgo: 25, lastAgo: 25 })]) h.fake.add(o);
  for (const p of sink.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: lagLog(stalled) });
}

const namespaceLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/replicasets` && r.query.labelSelector === undefined);

describe('the transactional producers of the namespace, for a read_committed consumer that stalls', () => {
  it('lists the namespace\'s ReplicaSets once, bounded, and keeps a producer however old its revision', async () => {
    cluster('read_committed', true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceRollouts?.map((r) => r.deployment)).toEqual(['entry-writer']);
    expect(namespaceLists()).toHaveLength(1);
    expect(Number(namespaceLists()[0]?.query.limit)).toBeLessThanOrEqual(300);
    expect(ev.namespaceWarnings?.some((e) => e.reason === 'Evicted')).toBe(true);
  });

  it('reads nothing of the namespace\'s rollouts for a consumer reading uncommitted, or one that progresses', async () => {
    cluster('read_uncommitted', true);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceRollouts).toBeUndefined();
    expect(namespaceLists()).toEqual([]);
  });

  it('reads nothing of them while the read_committed consumer progresses', async () => {
    cluster('read_committed', false);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceRollouts).toBeUndefined();
    expect(namespaceLists()).toEqual([]);
  });
});
