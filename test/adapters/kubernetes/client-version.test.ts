// A Kafka consumer whose fetches the brokers refuse with error 76 (the records are zstd): the
// adapter lists the namespace's ReplicaSets once (the producer that set zstd) and, where the log
// tail does not state the consumer's client version, reads the head of one stalled pod's log
// (limitBytes, no tailLines) for its AppInfoParser line. Neither is read on a healthy consumer.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'invoice-sync', namespace: NS, kind: 'Deployment' as const, name: 'invoice-sync' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace('Z', '');
const head = `${stamp(3 * DAYS)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version : 2.0.1\n`;

function refused(): string {
  const lines: string[] = [];
  for (let m = 40; m > 0; m -= 1) {
    for (const p of [0, 1]) {
      lines.push(`${stamp(m)}  WARN 1 --- [ntainer#0-0-C-1] o.apache.kafka.common.protocol.Errors    : Unexpected error code: 76.`);
      lines.push(`${stamp(m)}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.consumer.internals.Fetcher       : [Consumer clientId=consumer-1, groupId=invoice-sync] Unknown error fetching data for topic-partition invoices-${p}`);
    }
  }
  return lines.join('\n') + '\n';
}

function cluster(log: string) {
  const env = (codec: string) => [{ name: 'KAFKA_TOPIC', value: 'invoices' }, { name: 'KAFKA_COMPRESSION_TYPE', value: codec }];
  const sync = deploymentApp({
    namespace: NS, name: 'invoice-sync', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/invoice-sync:1.4.0' })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 9, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const api = deploymentApp({
    namespace: NS, name: 'invoice-api', replicas: 2,
    revisions: [
      { revision: 30, createdAgo: 10 * DAYS, template: { containers: [container({ image: 'registry.example.com/invoice-api:3.1.0', env: env('lz4') })] } },
      { revision: 31, createdAgo: 45, template: { containers: [container({ image: 'registry.example.com/invoice-api:3.2.0', env: env('zstd') })] } },
    ],
    pods: [{ revision: 31, node: NODE_A, createdAgo: 44 }],
  });
  for (const o of [...threeNodes(), ...sync.objects, ...api.objects]) h.fake.add(o);
  for (const p of sync.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const headReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.query.limitBytes !== undefined && r.query.tailLines === undefined);

describe('a Kafka consumer refused its fetches for the records\' codec', () => {
  it('names the producer that set zstd and the client version from the head of one stalled pod\'s log', async () => {
    cluster(head + refused());
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceRollouts?.map((r) => r.deployment)).toEqual(['invoice-api']);
    expect(ev.clientVersion?.version).toBe('2.0.1');
    expect(headReads()).toHaveLength(1);
  });

  it('reads neither on a consumer whose logs show no fetch refused', async () => {
    cluster(head + `${stamp(1)}  INFO 1 --- [ntainer#0-0-C-1] c.e.invoices.Sync : synced 12 invoices\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceRollouts).toBeUndefined();
    expect(ev.clientVersion).toBeUndefined();
    expect(headReads()).toEqual([]);
  });
});
