// Writes refused as read-only through a writer Service whose selector names one pod: one page of
// the pods the rest of its selector selects is listed, for their role labels. Nothing of it while
// the writes go through, nor when the Service selects by role; never a Secret.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, endpointSliceFor, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'billing';
const target = { service: 'invoices', namespace: NS, kind: 'Deployment' as const, name: 'invoices' };
const PIN = 'statefulset.kubernetes.io/pod-name';
const REFUSED = 'save invoice: Error 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this statement';

function cluster(o: { log: string; selector: Record<string, string> }) {
  const db = statefulSetApp({
    namespace: NS, name: 'ledger-db', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.4.2', ports: [3306] })] } }],
    pods: [0, 1].map((k) => ({ revision: 3, ordinal: k, node: k === 0 ? NODE_A : NODE_B, createdAgo: 40 * DAYS })),
  });
  db.pods.forEach((p, i) => { p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, role: i === 1 ? 'primary' : 'replica' } }; });
  const writer = service({ namespace: NS, name: 'ledger-writer', selector: o.selector, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }] });
  const app = deploymentApp({
    namespace: NS, name: 'invoices', replicas: 2,
    revisions: [{ revision: 8, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoices:2.3.0', env: [{ name: 'LEDGER_DSN', value: 'invoices@tcp(ledger-writer:3306)/ledger' }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 5 * DAYS }, { revision: 8, node: NODE_B, createdAgo: 5 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, ...db.objects, writer, endpointSliceFor(writer, db.pods, 3306)]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: o.log });
}

const memberLists = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods` && r.query['labelSelector'] === 'app=ledger-db');

describe('the members beside the pod a writer Service pins', () => {
  it('are listed by the rest of its selector when writes through it are refused as read-only', async () => {
    cluster({ log: `${REFUSED}\n${REFUSED}\n`, selector: { app: 'ledger-db', [PIN]: 'ledger-db-0' } });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(memberLists()).toHaveLength(1);
    expect(ev.writerService?.service).toBe('ledger-writer');
    expect(ev.writerService?.pin).toEqual({ key: PIN, value: 'ledger-db-0' });
    expect(ev.writerService?.pods.map((p) => [p.name, p.labels['role']])).toEqual([['ledger-db-0', 'replica'], ['ledger-db-1', 'primary']]);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('are not read while the writes go through', async () => {
    cluster({ log: 'saved invoice INV-1\nsaved invoice INV-2\n', selector: { app: 'ledger-db', [PIN]: 'ledger-db-0' } });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(memberLists()).toEqual([]);
    expect(ev.writerService).toBeUndefined();
  });

  it('are not read when the Service selects by role', async () => {
    cluster({ log: `${REFUSED}\n${REFUSED}\n`, selector: { app: 'ledger-db', role: 'primary' } });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(memberLists()).toEqual([]);
    expect(ev.writerService).toBeUndefined();
  });
});
