import { describe, expect, it } from 'vitest';
import { analyzeDependencyWorkloads } from '../../../../src/domain/triage/analyzers/dependency-workload.js';
import { pickCalledServices } from '../../../../src/domain/triage/called-service.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { pickDependencyRevisionRead } from '../../../../src/domain/triage/dependency-revision.js';
import type { ServerRolloutEvidence } from '../../../../src/domain/triage/evidence-server-rollout.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, crashLooping, endpointSlice, event, minutesAgo, pod, revision, revisionContainer, running, service, terminated } from '../scenarios/builders.js';

// The app's own pods are Ready; the pooler it connects to keeps being OOM-killed.
const POOLER = 'orders-pooler';
const refused = `psycopg2.OperationalError: connection to server at "${POOLER}.${NS}.svc.cluster.local" (10.96.40.12), port 6432 failed: Connection refused`;
const poolerPods = [
  pod(0, { name: `${POOLER}-6c8d9f7b5-k2m4p`, labels: { app: POOLER }, ready: false, containers: [crashLooping(`${POOLER}-6c8d9f7b5-k2m4p`, terminated(137, 'OOMKilled', 2), 9, { name: 'pooler', resources: { requests: { memory: '32Mi' }, limits: { memory: '64Mi' } } })] }),
  pod(1, { name: `${POOLER}-6c8d9f7b5-r7t8w`, labels: { app: POOLER }, containers: [container({ name: 'pooler', state: running(3), lastState: terminated(137, 'OOMKilled', 3), restartCount: 7, resources: { requests: { memory: '32Mi' }, limits: { memory: '64Mi' } } })] }),
];

function scenario(over: { deps?: typeof poolerPods; lines?: string[]; rollout?: ServerRolloutEvidence } = {}) {
  const pods = [0, 1, 2].map((i) => pod(i));
  const lines = over.lines ?? ['GET /v1/orders 200', refused, 'GET /v1/orders 500'];
  return baseEvidence({
    pods,
    services: [service(), service({ name: POOLER, selector: { app: POOLER }, clusterIP: '10.96.40.12', ports: [{ name: 'pg', port: 6432, targetPort: 6432, protocol: 'TCP' }] })],
    endpointSlices: [endpointSlice('payment-service', pods), endpointSlice(POOLER, over.deps ?? poolerPods)],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    calledServices: [{ service: POOLER, pods: over.deps ?? poolerPods, events: [event({ reason: 'BackOff', message: 'Back-off restarting failed container pooler', object: { kind: 'Pod', name: poolerPods[0]?.name ?? '', namespace: NS }, firstSeen: minutesAgo(70), count: 30 })], ...(over.rollout ? { rollout: over.rollout } : {}) }],
  });
}

describe('a dependency of the namespace whose pods keep dying', () => {
  it('is followed when the logs fail to connect to it by name (not the workload\'s own Service, not a plain error)', () => {
    const ev = scenario();
    const own = new Set(['payment-service']);
    expect(pickCalledServices(ev.logs, ev.services, ev.target, own).map((s) => s.name)).toEqual([POOLER]);
    expect(pickCalledServices([{ pod: 'x', container: 'app', previous: false, lines: [`cache miss for ${POOLER}.${NS}.svc.cluster.local`] }], ev.services, ev.target, own)).toEqual([]);
    // By its cluster IP too.
    expect(pickCalledServices([{ pod: 'x', container: 'app', previous: false, lines: ['dial tcp 10.96.40.12:6432: connect: connection refused'] }], ev.services, ev.target, own).map((s) => s.name)).toEqual([POOLER]);
  });

  it('is the verdict, not an all-clear, though the ready pods log only a couple of errors: it names the dependency, how it dies and its memory limit', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(new RegExp(`^Dependency ${POOLER} keeps dying: both its pods are OOMKilled \\(exit 137\\), at the 64Mi memory limit of its container pooler — 9 and 7 restarts, 1 in CrashLoopBackOff`));
    expect(report.headline).toMatch(/more memory than 64Mi/);
  });

  it('does not blame the workload\'s own rollout that came after the dependency began to die', () => {
    const ev = scenario();
    ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(40), { replicas: 3 })];
    ev.pods = ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash }));
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/roll back to revision|Since revision 7/i);
  });

  it('says nothing when the dependency\'s pods are fine (the errors are someone else\'s story)', () => {
    const healthy = poolerPods.map((p) => ({ ...p, ready: true, containers: [container({ name: 'pooler' })] }));
    expect(analyzeDependencyWorkloads(scenario({ deps: healthy }))).toEqual([]);
  });

  // The dependency's own Deployment: its newest revision, and the one before it.
  const poolerRevision = (rev: { revision: number; hash: string }, ago: number, memory: string, image = 'registry.example/pooler:1.2') =>
    revision(rev, minutesAgo(ago), { name: `${POOLER}-${rev.hash}`, containers: [revisionContainer({ name: 'pooler', image, env: [], envFrom: [], resources: { requests: { memory: '32Mi' }, limits: { memory } } })] });
  const rollout = (current: ReturnType<typeof poolerRevision>, previous: ReturnType<typeof poolerRevision>): ServerRolloutEvidence => ({ deployment: POOLER, current, previous });

  it('names the dependency\'s own revision that cut the memory limit it dies at as the "since", and advises rolling the dependency back', () => {
    const ev = scenario({ rollout: rollout(poolerRevision(REV7, 75, '64Mi'), poolerRevision(REV6, 30 * 24 * 60, '256Mi')) });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(new RegExp(`since ${POOLER} revision 7 \\(1h 15m ago\\) cut its memory limit 256Mi → 64Mi`));
    expect(report.headline).toMatch(new RegExp(`Roll back Deployment ${POOLER} to revision 6`));
    expect(report.headline).not.toMatch(/no change (of the workload )?found/);
  });

  it('keeps "no change found" when the dependency\'s newest revision left its memory limit alone, or came long before', () => {
    const imageOnly = scenario({ rollout: rollout(poolerRevision(REV7, 75, '64Mi', 'registry.example/pooler:1.3'), poolerRevision(REV6, 30 * 24 * 60, '64Mi')) });
    const old = scenario({ rollout: rollout(poolerRevision(REV7, 5 * 24 * 60, '64Mi'), poolerRevision(REV6, 30 * 24 * 60, '256Mi')) });
    for (const ev of [imageOnly, old]) {
      const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
      expect(report.headline).not.toMatch(/revision 7 \(/);
      expect(report.headline).toMatch(/no change found/);
    }
  });

  it('reads the revisions of the workload that made a dying pod, and none for healthy pods', () => {
    const owned = poolerPods.map((p) => ({ ...p, revisionHash: REV7.hash, ownerWorkload: { kind: 'Deployment', name: POOLER } }));
    expect(pickDependencyRevisionRead(POOLER, owned, NOW)).toEqual({ service: POOLER, pod: owned[0]?.name, revisionHash: REV7.hash, deployment: POOLER });
    const healthy = owned.map((p) => ({ ...p, containers: [container({ name: 'pooler' })] }));
    expect(pickDependencyRevisionRead(POOLER, healthy, NOW)).toBeUndefined();
  });
});
