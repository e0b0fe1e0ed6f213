// A claim the logs say is full, applied by a GitOps tool: the adapter lists the events of that
// tool's object (an Argo CD Application, across namespaces when the tracking does not name one),
// where a refused expansion shows — once, bounded, and not at all while no claim is full.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, container, crashLoop, deploymentApp, event, nameOf, pvc, threeNodes, volumeOf } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'ledger-db', namespace: NS, kind: 'Deployment' as const, name: 'ledger-db' };
const FORBIDDEN = 'persistentvolumeclaims "ledger-db-data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'ledger-db',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 3 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'ledger-db-data' } }] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 3 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 6 }, 9) } }],
  });
  const claim = pvc({ namespace: NS, name: 'ledger-db-data', storage: '50Gi', storageClass: 'gp2', phase: 'Bound', volumeName: volumeOf(NS, 'ledger-db-data'), annotations: { 'argocd.argoproj.io/tracking-id': 'ledger-db:/PersistentVolumeClaim:ledger/ledger-db-data' } });
  const refused = event({ on: { kind: 'Application', name: 'ledger-db', namespace: 'argocd' }, reason: 'OperationCompleted', message: `Sync operation to 5f3c2a1 failed: one or more objects failed to apply, reason: ${FORBIDDEN}`, count: 7, firstAgo: 38, lastAgo: 3, component: 'argocd-application-controller' });
  for (const o of [...threeNodes(), ...app.objects, claim, refused]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: log, previous: log });
}

const byApplier = () => h.fake.requests.filter((r) => r.path === '/api/v1/events' && String(r.query?.['fieldSelector'] ?? '') === 'involvedObject.kind=Application,involvedObject.name=ledger-db');

describe('the events of what applies a full claim', () => {
  it('lists the Argo CD Application\'s events once, across namespaces, bounded, and keeps the refusal', async () => {
    cluster('2026-11-21 03:06:41.400 UTC [29] PANIC:  could not write to file "pg_wal/xlogtemp.29": No space left on device\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pvcs[0]?.appliedBy).toEqual({ kind: 'Application', name: 'ledger-db' });
    expect(ev.claimApplierEvents?.map((e) => `${e.object.kind} ${e.reason}`)).toEqual(['Application OperationCompleted']);
    expect(byApplier()).toHaveLength(1);
    expect(byApplier()[0]?.query?.['limit']).toBeDefined();
  });

  it('reads nothing of it while no claim is full', async () => {
    cluster('2026-11-21 03:06:41.400 UTC [29] FATAL:  password authentication failed for user "ledger"\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.claimApplierEvents).toBeUndefined();
    expect(byApplier()).toEqual([]);
  });
});
