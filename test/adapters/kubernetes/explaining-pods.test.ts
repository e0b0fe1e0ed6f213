// Writes refused by a server of another namespace that logs why (an Elasticsearch disk watermark):
// the adapter lists that Service's EndpointSlices once and reads a log tail of at most three of its
// ready pods. Nothing of it is read while the workload's logs show no such refusal.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const ES_NS = 'search';
const target = { service: 'order-indexer', namespace: NS, kind: 'Deployment' as const, name: 'order-indexer' };
const BLOCKED = "ERROR bulk failed: cluster_block_exception index [orders] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block]";
const MASTER = '{"log.level":"WARN","message":"flood stage disk watermark [95%] exceeded on [x1][orders-es-3][/data] free: 4.1gb[2.1%], all indices on this node will be marked read-only"}';

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'order-indexer',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/order-indexer:2.0.1', env: [{ name: 'ELASTICSEARCH_URL', value: 'https://orders-es.search.svc:9200' }] })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 9, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const es = statefulSetApp({
    namespace: ES_NS,
    name: 'orders-es',
    replicas: 4,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3', ports: [9200] })] } }],
    pods: [NODE_A, NODE_B, NODE_C, NODE_A].map((node, k) => ({ revision: 2, ordinal: k, node, createdAgo: 40 * DAYS })),
  });
  for (const o of [...threeNodes(), ...app.objects, ...es.objects, ...exposed({ namespace: ES_NS, name: 'orders-es', selector: { app: 'orders-es' }, pods: es.pods, ports: [{ name: 'https', port: 9200, targetPort: 9200 }], endpointPort: 9200 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  const servers = es.pods.map(nameOf);
  servers.forEach((s, k) => h.fake.setLogs(ES_NS, s, 'elasticsearch', { current: `${k === 1 ? MASTER : '{"message":"ok"}'}\n` }));
  return { servers };
}

const logReads = (servers: readonly string[]) => h.fake.requests.filter((r) => servers.some((s) => r.path === `/api/v1/namespaces/${ES_NS}/pods/${s}/log`));

describe('the pods of a Service of another namespace whose servers log why they refuse', () => {
  it('reads at most three of its pods\' log tails, and the watermark line is in the evidence', async () => {
    const { servers } = cluster(`${BLOCKED}\n${BLOCKED}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const lines = (ev.dependencyPods ?? []).filter((d) => d.namespace === ES_NS).flatMap((d) => d.logs.flatMap((l) => l.lines));
    expect(lines.join('\n')).toContain('flood stage disk watermark [95%]');
    expect(logReads(servers).length).toBeGreaterThan(0);
    expect(logReads(servers).length).toBeLessThanOrEqual(3);
    expect(logReads(servers).every((r) => r.query?.['tailLines'] !== undefined || r.query?.['limitBytes'] !== undefined)).toBe(true);
  });

  it('reads nothing of it while the logs show no refusal', async () => {
    const { servers } = cluster('INFO bulk ok: 500 docs\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(logReads(servers)).toEqual([]);
  });
});
