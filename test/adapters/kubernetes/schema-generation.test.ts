// Pods whose queries find a table missing: the ConfigMap the container mounts is got, once, and only
// its schema-generation lines (ddl-auto) are kept with the time of its newest write (never the rest
// of its data, never a Secret). Nothing is got while the logs show no table missing.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'invoice-api', namespace: NS, kind: 'Deployment' as const, name: 'invoice-api' };
const PROPS = ['spring.datasource.url=jdbc:postgresql://db:5432/billing', 'spring.datasource.password=s3cret-db-pass', 'spring.jpa.hibernate.ddl-auto=create-drop', ''].join('\n');
const MISSING = '2026-11-21T03:00:00.000Z ERROR 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: relation "invoices" does not exist';

function cluster(logLine: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'invoice-api',
    replicas: 1,
    revisions: [{
      revision: 3, createdAgo: 30 * DAYS,
      template: {
        containers: [container({ image: 'invoice-api:1.0', ports: [8080], volumeMounts: [{ name: 'config', mountPath: '/config' }] })],
        volumes: [{ name: 'tls', secret: { secretName: 'invoice-tls' } }, { name: 'config', configMap: { name: 'invoice-config' } }],
      },
    }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'invoice-config', createdAgo: 30 * DAYS, updatedAgo: 41, data: { 'application.properties': PROPS } });
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  const [p] = app.pods;
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${[logLine, logLine, logLine].join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMap of pods whose queries find a table missing', () => {
  it('gets the ConfigMap the container mounts and keeps only its schema-generation line and last write', async () => {
    cluster(MISSING);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/invoice-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.schemaGeneration).toEqual([{ configMap: 'invoice-config', key: 'application.properties', via: '/config/application.properties', lines: ['spring.jpa.hibernate.ddl-auto=create-drop'], changedAt: expect.any(String), changedBy: 'kubectl-edit' }]);
    expect(JSON.stringify(ev)).not.toContain('s3cret-db-pass');
  });

  it('gets no ConfigMap when the logs show no table missing', async () => {
    cluster('2026-11-21T03:00:00.000Z INFO 1 --- [nio-8080-exec-2] c.b.InvoiceController : GET /invoices 200');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.schemaGeneration).toBeUndefined();
  });
});
