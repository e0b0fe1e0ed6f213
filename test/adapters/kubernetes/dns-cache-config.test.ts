// Pods failing on a host's old address while younger ones reach its new one: the ConfigMap the JVM's
// -Djava.security.properties file is mounted from is got, once, and only its DNS cache TTL lines are
// kept (never the rest of its data, never a Secret). Nothing is got while no pod reaches another address.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, deploymentApp, nameOf } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'billing';
const HOST = 'billing-db.cluster-x1.eu-west-1.rds.amazonaws.com';
const target = { service: 'invoices', namespace: NS, kind: 'Deployment' as const, name: 'invoices' };

function cluster(youngReaches: boolean) {
  const app = deploymentApp({
    namespace: NS,
    name: 'invoices',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 5 * DAYS, template: {
      containers: [container({ image: 'registry.example/invoices:1.0', ports: [8080], env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Djava.security.properties=/etc/jvm/java.security' }], volumeMounts: [{ name: 'jvm', mountPath: '/etc/jvm', readOnly: true }] })],
      volumes: [{ name: 'creds', secret: { secretName: 'invoices-db' } }, { name: 'jvm', configMap: { name: 'invoices-jvm' } }],
    } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 5 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 20 }],
  });
  const cm = configMap({ namespace: NS, name: 'invoices-jvm', createdAgo: 90 * DAYS, data: { 'java.security': 'networkaddress.cache.ttl=-1\nsecret.like.value=hunter2\n' } });
  for (const x of [...app.objects, cm]) h.fake.add(x);
  const [old, young] = app.pods;
  if (old !== undefined) h.fake.setLogs(NS, nameOf(old), 'app', { current: `2026-11-21 03:00:00.000  WARN 1 --- [pool] c.e.Probe : connect to ${HOST}/10.1.4.17:5432 failed after 10000 ms\n` });
  if (young !== undefined) h.fake.setLogs(NS, nameOf(young), 'app', { current: youngReaches ? `2026-11-21 02:55:00.000  INFO 1 --- [main] c.e.Probe : connected to ${HOST}/10.1.9.200:5432 in 9 ms\n` : 'started\n' });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);

describe('the JVM DNS cache of pods split by a host\'s address', () => {
  it('gets the ConfigMap the security file is mounted from and keeps only its TTL line', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/invoices-jvm`]);
    expect(h.fake.requests.filter((r) => r.path.includes('/secrets'))).toEqual([]);
    expect(ev.dnsCacheConfig).toEqual([{ configMap: 'invoices-jvm', key: 'java.security', setting: 'networkaddress.cache.ttl', seconds: -1 }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('gets nothing while no pod reaches the host elsewhere', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.dnsCacheConfig).toBeUndefined();
  });
});
