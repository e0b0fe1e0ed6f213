// A container OOM-killed at its memory limit: the ConfigMap it mounts is got, once, and only the
// settings that size a server's memory pool are kept (never the rest of its data, never a Secret).
// Nothing is got while no container was OOM-killed.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, running, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'ledger-db', namespace: NS, kind: 'StatefulSet' as const, name: 'ledger-db' };
const CONF = ["listen_addresses = '*'", 'max_connections = 100', 'shared_buffers = 6GB', 'work_mem = 8MB', "ssl_key_file = '/etc/ssl/s3cret.key'", ''].join('\n');

function cluster(killed: boolean) {
  const db = statefulSetApp({
    namespace: NS,
    name: 'ledger-db',
    replicas: 1,
    serviceName: 'ledger-db-headless',
    revisions: [{
      revision: 2, createdAgo: 30 * DAYS,
      template: {
        containers: [container({ name: 'postgres', image: 'postgres:16.4', memory: '4Gi', volumeMounts: [{ name: 'config', mountPath: '/etc/postgresql' }] })],
        volumes: [{ name: 'creds', secret: { secretName: 'ledger-db-creds' } }, { name: 'config', configMap: { name: 'ledger-db-config' } }],
      },
    }],
    pods: [{ revision: 2, ordinal: 0, node: NODE_A, createdAgo: 2 * DAYS, ...(killed ? { containers: { postgres: running({ sinceAgo: 100, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 100.2, ranSeconds: 7200 } }) } } : {}) }],
  });
  const cm = configMap({ namespace: NS, name: 'ledger-db-config', createdAgo: 30 * DAYS, data: { 'postgresql.conf': CONF } });
  for (const x of [...threeNodes(), ...db.objects, cm]) h.fake.add(x);
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMap of a container OOM-killed at its limit', () => {
  it('gets the ConfigMap the container mounts and keeps only the memory-pool settings', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/ledger-db-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.memoryPoolConfig?.map((s) => `${s.setting} = ${s.value}`).sort()).toEqual(['max_connections = 100', 'shared_buffers = 6GB', 'work_mem = 8MB']);
    expect(JSON.stringify(ev)).not.toContain('s3cret');
  });

  it('gets no ConfigMap when no container was OOM-killed', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.memoryPoolConfig).toBeUndefined();
  });
});
