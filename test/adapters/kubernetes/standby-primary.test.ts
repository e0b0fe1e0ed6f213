// A PostgreSQL standby whose own log says its primary's system identifier differs: the primary
// behind the Service its log names is read — one pod, its log tail, its claims and their volumes.
// Nothing of it while the standby streams; never a Secret.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, boundClaim, container, endpointSliceFor, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'payroll';
const target = { service: 'payroll-pg-standby', namespace: NS, kind: 'StatefulSet' as const, name: 'payroll-pg-standby' };
const DIFFERS = 'FATAL:  database system identifier differs between the primary and standby';
const REFUSED = `FATAL:  could not connect to the primary server: connection to server at "payroll-pg.${NS}.svc.cluster.local" (172.20.4.9), port 5432 failed: Connection refused`;

function cluster(log: string) {
  const pg = (name: string, createdAgo: number, node: string) => statefulSetApp({
    namespace: NS, name, replicas: 1, createdAgo,
    revisions: [{ revision: 1, createdAgo, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [5432], volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node, createdAgo }],
  });
  const primary = pg('payroll-pg', 30, NODE_A);
  const standby = pg('payroll-pg-standby', 40 * DAYS, NODE_B);
  const svc = service({ namespace: NS, name: 'payroll-pg', selector: { app: 'payroll-pg' }, ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] });
  for (const x of [
    ...threeNodes(), ...primary.objects, ...standby.objects, svc, endpointSliceFor(svc, primary.pods, 5432),
    ...boundClaim({ namespace: NS, name: 'data-payroll-pg-0', storage: '20Gi', zone: 'eu-west-1a', createdAgo: 30 }),
    ...boundClaim({ namespace: NS, name: 'data-payroll-pg-standby-0', storage: '20Gi', zone: 'eu-west-1b', createdAgo: 40 * DAYS }),
  ]) h.fake.add(x);
  for (const p of standby.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: log });
  for (const p of primary.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: 'PostgreSQL init process complete; ready for start up.\n' });
}

const primaryReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods/payroll-pg-0` || /persistentvolumeclaims\/data-payroll-pg-0|persistentvolumes\/.*data-payroll-pg-0/.test(r.path));

describe('the primary a standby says is another database cluster', () => {
  it('is read — its pod, log tail, claim and volume — when the standby logs that the identifier differs', async () => {
    cluster(`${REFUSED}\n${DIFFERS}\n${DIFFERS}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.standbyPrimary?.service).toBe('payroll-pg');
    expect(ev.standbyPrimary?.pod.ownerWorkload).toEqual({ kind: 'StatefulSet', name: 'payroll-pg' });
    expect(ev.standbyPrimary?.logs[0]?.lines).toEqual(['PostgreSQL init process complete; ready for start up.']);
    expect(ev.standbyPrimary?.claims.map((c) => c.name)).toEqual(['data-payroll-pg-0']);
    expect(ev.standbyPrimary?.volumes.map((v) => v.claim)).toEqual([`${NS}/data-payroll-pg-0`]);
    expect(primaryReads().length).toBeGreaterThanOrEqual(2);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('is not read while the standby streams', async () => {
    cluster('LOG:  started streaming WAL from primary at 3/A1000000 on timeline 1\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.standbyPrimary).toBeUndefined();
    expect(primaryReads()).toEqual([]);
  });
});
