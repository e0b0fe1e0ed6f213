// Pods whose connection pool is exhausted again and again (ActiveRecord's ConnectionTimeoutError):
// the ConfigMap the container mounts is got, once, and only the pool's lines are kept (never the
// rest of its data, never a Secret). Nothing is got while the logs show no exhausted pool.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'storefront';
const target = { service: 'orders-api', namespace: NS, kind: 'Deployment' as const, name: 'orders-api' };
const DATABASE_YML = ['default: &default', '  adapter: postgresql', '  pool: 5', '  checkout_timeout: 5', '  password: s3cret-db-pass', ''].join('\n');
const TIMEOUT = '[9f1c2e3d-0a1b-4c2d-8e3f-5a6b7c8d9e0f] ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.004 seconds); all pooled connections were in use):';

function cluster(logLine: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'orders-api',
    replicas: 1,
    revisions: [{
      revision: 3, createdAgo: 30 * DAYS,
      template: {
        containers: [container({ image: 'orders-api:1.0', ports: [3000], env: [{ name: 'RAILS_MAX_THREADS', value: '16' }], volumeMounts: [{ name: 'db', mountPath: '/rails/config/database.yml', subPath: 'database.yml' }] })],
        volumes: [{ name: 'tls', secret: { secretName: 'orders-tls' } }, { name: 'db', configMap: { name: 'orders-database' } }],
      },
    }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'orders-database', createdAgo: 30 * DAYS, data: { 'database.yml': DATABASE_YML } });
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  const [p] = app.pods;
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${[logLine, logLine, logLine, logLine].join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMap of pods whose connection pool is exhausted', () => {
  it("gets the ConfigMap the container mounts and keeps only the pool's lines", async () => {
    cluster(TIMEOUT);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/orders-database`]);
    expect(secretReads()).toEqual([]);
    expect(ev.poolConfig).toEqual([{ configMap: 'orders-database', key: 'database.yml', via: '/rails/config/database.yml', lines: ['pool: 5', 'checkout_timeout: 5'] }]);
    expect(JSON.stringify(ev)).not.toContain('s3cret-db-pass');
  });

  it('gets no ConfigMap when the logs show no exhausted pool', async () => {
    cluster('[9f1c2e3d-0a1b-4c2d-8e3f-5a6b7c8d9e0f] Completed 200 OK in 31ms (Views: 0.4ms | ActiveRecord: 2.1ms)');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.poolConfig).toBeUndefined();
  });
});
