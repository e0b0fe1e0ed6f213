// A workload whose statements are cancelled at the client's own statement timeout again and again:
// the ConfigMaps its container takes variables from (envFrom, configMapKeyRef) are got, at most two,
// and only the statement-timeout setting as written is kept (never the rest of their data, never a
// Secret). Nothing is got while no statement is cancelled.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'finance';
const target = { service: 'report-api', namespace: NS, kind: 'Deployment' as const, name: 'report-api' };
const CANCELED = '2026-11-21 01:58:12,004 ERROR [report_api.reports] psycopg.errors.QueryCanceled: canceling statement due to statement timeout';

function cluster(o: { cancelling: boolean }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'report-api',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({
      image: 'registry.example/finance/report-api:5.3.1',
      envFrom: [{ configMapRef: { name: 'report-db' } }, { secretRef: { name: 'report-db-credentials' } }],
      env: [{ name: 'DB_OPTIONS', valueFrom: { configMapKeyRef: { name: 'report-tuning', key: 'options' } } }],
    })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const db = configMap({ namespace: NS, name: 'report-db', createdAgo: 200 * DAYS, updatedAgo: 38, data: { PGHOST: 'reports.internal', PGOPTIONS: '-c statement_timeout=2000 -c search_path=finance', API_TOKEN: 'hunter2' } });
  const tuning = configMap({ namespace: NS, name: 'report-tuning', createdAgo: 200 * DAYS, data: { options: '-c work_mem=64MB', other: 'statement_timeout=1s' } });
  const [p] = app.pods;
  for (const x of [...threeNodes(), ...app.objects, db, tuning]) h.fake.add(x);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${(o.cancelling ? [CANCELED, CANCELED, CANCELED] : ['GET /v1/reports/daily-close 200']).join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMaps a workload whose statements are cancelled takes its variables from', () => {
  it('gets them, at most two, and keeps only the statement-timeout setting of the keys the container takes', async () => {
    cluster({ cancelling: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/report-db`, `/api/v1/namespaces/${NS}/configmaps/report-tuning`]);
    expect(secretReads()).toEqual([]);
    expect(ev.timeoutConfig).toEqual([{ configMap: 'report-db', key: 'PGOPTIONS', via: 'envFrom', written: 'statement_timeout=2000' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
    expect(JSON.stringify(ev)).not.toContain('search_path');
  });

  it('gets no ConfigMap while no statement is cancelled', async () => {
    cluster({ cancelling: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.timeoutConfig).toBeUndefined();
  });
});
