import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/domain/triage/analyzers/index.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NS, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, terminated } from './scenarios/builders.js';
import { crashScenario, oomKillScenario } from './scenarios/crashes.js';
import { replacedEveryRun } from './scenarios/cron-jobs.js';
import { healthyScenario } from './scenarios/healthy.js';
import { imagePullScenario } from './scenarios/images.js';
import { nodeNotReadyScenario } from './scenarios/nodes.js';
import { badRolloutScenario } from './scenarios/rollout.js';
import { hpaPendingScenario } from './scenarios/scheduling.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const FORBIDDEN_PODS = { what: 'pods in payments', source: 'pods' as const, reason: 'forbidden' as const, detail: 'pods is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "pods" in API group "" in the namespace "payments"' };

describe('buildTriageReport: an all-clear tells the error lines it saw', () => {
  it('counts error lines too few to call failing instead of saying there are none', () => {
    const ev = healthyScenario();
    ev.logs = ev.pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['GET /v1/payments 200 12ms', 'ERROR smtp: 451 4.7.1 greylisted, retry later'] }));
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toContain('and 2 error lines (too few to call failing) in the logs of 2 pods in the last hour.');
  });
});

describe('buildTriageReport: a CronJob is healthy by its recent successes, not by its kept history', () => {
  it('gives no all-clear when the kept runs completed hours ago and every run since was replaced before it ended', () => {
    const r = buildTriageReport(replacedEveryRun(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toBe(
      'CronJob ledger-reconcile: no run has completed for 9h 4m (last success 2026-11-20 18:09 UTC; 55 schedules since); concurrencyPolicy Replace deleted the run still going each time the next was due — "Deleted job ledger-reconcile-29920500". Set concurrencyPolicy Forbid (or a longer schedule) so a run can finish.',
    );
  });
});

describe('buildTriageReport', () => {
  it('gives a healthy workload a short all-clear that says what was checked, with no problem invented', () => {
    const r = buildTriageReport(healthyScenario(), times);
    expect(r.verdict).toBe('healthy');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.headline).toBe('deployment/payment-service in payments looks healthy: 5/5 ready, no restarts, no warning events in the last hour. Revision 6, rolled out 9d ago.');
    expect(r.checked).toEqual([
      'Deployment payment-service: 5/5 ready, revision 6, conditions',
      '5 pods on 3 nodes: container states, exit codes, restarts, probes',
      '3 events (3 after collapsing, 0 warnings)',
      'rollout history (2 revisions, latest 6 created 9d ago)',
      '3 nodes: conditions, taints, allocatable',
      '2 Services in payments (1 selects the workload), 2 EndpointSlices',
      'HPA payment-service: 5 replicas (3–10)',
      'no logs (no crashed or running containers)',
    ]);
    expect(r.durationMs).toBe(6250);
    expect(r.couldNotRead).toEqual([]);
  });

  it('gives no all-clear to Ready pods whose new revision runs `sleep infinity` where the Service sends traffic', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [container({ command: ['sleep', 'infinity'], probes: {}, state: running(19.5) })] }));
    const base = baseEvidence({ pods });
    const ev = { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(21), { replicas: 5, containers: [revisionContainer({ command: ['sleep', 'infinity'] })] })] };
    const report = buildTriageReport(ev, times);
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(21m ago: app command: \(none\) → "sleep" "infinity"\): Container app of 5\/5 pods runs `sleep infinity`/);
    expect(report.headline).toMatch(/Roll back to revision 6, or restore container app's real command/);
  });

  it('gives no all-clear to Ready pods behind a Service whose HTTP and gRPC target ports are crossed, and blames the Service, not the pods', () => {
    const app = container({ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'grpc', containerPort: 9090, protocol: 'TCP' }] });
    const base = healthyScenario();
    const bogus = '2026/11/21 03:13:00 WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET /v1/rates H\\""';
    const ev = {
      ...base,
      pods: base.pods.map((p) => ({ ...p, containers: [app] })),
      services: [{ ...(base.services[0] as TriageEvidence['services'][number]), ports: [{ name: 'http', port: 80, targetPort: 'grpc', protocol: 'TCP' as const }, { name: 'grpc', port: 9090, targetPort: 'http', protocol: 'TCP' as const }] }],
      logs: base.pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [bogus] })),
      namespaceObjects: [{ kind: 'Service' as const, name: 'payment-service', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(28) }],
    };
    ev.workload = { ...(base.workload as NonNullable<TriageEvidence['workload']>), templateContainers: [app] };
    const report = buildTriageReport(ev, times);
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since Service payment-service was changed 28m ago: Service payment-service has its target ports crossed: port 80 "http" → container port "grpc" \(9090\)/);
    expect(report.headline).not.toMatch(/roll back|rollout undo/i);
  });

  it('stays healthy while a PodDisruptionBudget blocks a node drain, and tells the blocked drain after the all-clear', () => {
    const ev = healthyScenario();
    const blocked = ev.pods[1]?.name ?? '';
    ev.events.push(event({ object: { kind: 'Pod', name: blocked, namespace: NS }, reason: 'FailedEviction', message: `evicting pod ${NS}/${blocked} violated a PDB`, count: 212, firstSeen: minutesAgo(47.8), lastSeen: minutesAgo(0.2), source: 'karpenter' }));
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('healthy');
    expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([['disruption-budget', 'info']]);
    expect(r.headline).toBe(
      'deployment/payment-service in payments looks healthy: 5/5 ready, no restarts, 1 warning event in the last hour. Revision 6, rolled out 9d ago. ' +
        `Meanwhile: Drain of node ${NODE_B} blocked for 47m: the PodDisruptionBudget refuses to evict ${blocked} (212 refusals); the workload itself is 5/5 ready.`,
    );
  });

  it('stays healthy when the only restart was an OOM kill three days ago', () => {
    const ev = healthyScenario();
    ev.pods[0] = pod(0, { containers: [container({ state: running(3 * 24 * 60 - 1), restartCount: 1, lastState: terminated(137, 'OOMKilled', 3 * 24 * 60) })] });
    expect(buildTriageReport(ev, times).verdict).toBe('healthy');
  });

  it('leads with the OOM kill and folds the crash loop, the unready replicas and the endpoints into it', () => {
    const r = buildTriageReport(oomKillScenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.findings.map((f) => f.kind)).toEqual(['oom-killed']);
    expect(r.findings[0]?.explains).toHaveLength(3);
    expect(r.headline).toBe('Container app OOMKilled at its 512Mi memory limit (3/5 pods); no change found in the 2h before it began. Raise the memory limit or find what grows.');
    expect(r.sections.podsByNode.find((n) => n.node === NODE_A)?.pods[0]).toEqual({
      name: 'payment-service-7c9d8f6b5d-x2kqj', phase: 'Running', ready: false, restarts: 7, revision: 6, status: 'CrashLoopBackOff (last exit 137 OOMKilled, 2m ago)',
    });
    expect(r.sections.events[0]?.line).toMatch(/^BackOff ×38 over 33m: Back-off restarting failed container app/);
    expect(r.sections.logs).toHaveLength(3);
  });

  it('names the mechanism first, the rollout as its trigger with the change that matters, and the rollback as the action', () => {
    const r = buildTriageReport(badRolloutScenario(), times);
    expect(r.findings.length).toBeLessThanOrEqual(3);
    expect(r.findings.map((f) => f.kind)).toEqual(['dependency-error', 'exit-code', 'recent-rollout']);
    expect(r.headline).toBe(
      'Since revision 7 (25m ago: app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"): ' +
        'Dependency postgress.payments.svc.cluster.local does not resolve (no such host) (logs of 3 pods) — ' +
        // The JSON log line told as a person reads it: message, then error.
        '"database unreachable: dial tcp: lookup postgress.payments.svc.cluster.local on 172.20.0.10:53: no such host". ' +
        'Roll back to revision 6, or check postgress.payments.svc.cluster.local.',
    );
    expect(r.diagnosis?.actionCommand).toBe('kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1');
    expect(r.sections.rollout[0]).toMatchObject({ revision: 7, current: true, age: '25m' });
    expect(r.sections.rollout[0]?.changes).toContain('app env LOG_LEVEL: "info" → "debug"');
  });

  it('puts the NotReady node first when it explains the unready pods', () => {
    const r = buildTriageReport(nodeNotReadyScenario(), times);
    expect(r.findings.map((f) => f.kind)).toEqual(['node-condition']);
    expect(r.sections.nodes.find((n) => n.ready === 'Unknown')?.taints).toContain('node.kubernetes.io/unreachable:NoExecute');
  });

  it('lists events warnings first, most recent first', () => {
    const r = buildTriageReport(hpaPendingScenario(), times);
    const types = r.sections.events.map((e) => e.type);
    expect(types.indexOf('Normal')).toBeGreaterThan(types.lastIndexOf('Warning'));
    const normals = r.sections.events.filter((e) => e.type === 'Normal').map((e) => e.line.split(':')[0]);
    expect(normals).toEqual(['NotTriggerScaleUp ×60 over 11m', 'SuccessfulRescale']);
  });

  it('lists the unscheduled pods under no node', () => {
    const r = buildTriageReport(hpaPendingScenario(), times);
    const unscheduled = r.sections.podsByNode.find((n) => n.node === null);
    expect(unscheduled?.nodeStatus).toBe('unscheduled');
    expect(unscheduled?.pods.map((p) => p.status)).toEqual(Array(4).fill('Pending: Unschedulable'));
  });

  it('is inconclusive, not healthy, when the pods could not be read', () => {
    const ev = healthyScenario();
    ev.pods = [];
    ev.readFailures = [FORBIDDEN_PODS];
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('inconclusive');
    expect(r.headline).toContain('pods in payments (forbidden)');
    expect(r.couldNotRead).toEqual([FORBIDDEN_PODS]);
    expect(r.checked.some((c) => c.includes('pods on'))).toBe(false);
  });

  it('is inconclusive when the workload itself could not be read', () => {
    const ev = healthyScenario();
    ev.workload = null;
    ev.readFailures = [{ what: 'deployment payment-service', source: 'workload', reason: 'timeout', detail: 'context deadline exceeded' }];
    expect(buildTriageReport(ev, times).verdict).toBe('inconclusive');
  });

  it('still reports problems found when other reads failed, and names what it could not read', () => {
    const ev = imagePullScenario();
    ev.readFailures = [{ what: 'events in payments', source: 'events', reason: 'forbidden', detail: 'events is forbidden' }];
    ev.events = [];
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.findings.some((f) => f.kind === 'image-pull')).toBe(true);
    expect(r.couldNotRead.map((f) => f.what)).toEqual(['events in payments']);
    expect(r.checked.some((c) => c.includes('events ('))).toBe(false);
  });

  it('redacts secrets from logs and findings before anything leaves the domain', () => {
    const leak = [
      'connecting to postgres://payments:hunter2@postgres.payments.svc:5432/payments?sslmode=require',
      'FATAL: could not connect: Error: connect ECONNREFUSED 10.100.42.7:5432 (DB_PASSWORD=hunter2)',
    ];
    const r = buildTriageReport(crashScenario(2, () => terminated(1, 'Error', 1), { logs: leak }), times);
    const text = JSON.stringify(r);
    expect(text).not.toContain('hunter2');
    expect(r.sections.logs[0]?.lines[0]).toBe('connecting to postgres://payments:[REDACTED]@postgres.payments.svc:5432/payments?sslmode=require');
    expect(text).toContain('10.100.42.7:5432');
  });

  it('keeps only the tail of long logs and says how much was left out', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line ${i}`);
    const r = buildTriageReport(crashScenario(1, () => terminated(1, 'Error', 1), { logs: lines }), times);
    expect(r.sections.logs[0]?.lines).toHaveLength(20);
    expect(r.sections.logs[0]?.lines[19]).toBe('line 119');
    expect(r.sections.logs[0]?.omitted).toBe(100);
  });

  it('lists a near-miss Service in the endpoints section as not selecting the workload', () => {
    const ev = healthyScenario();
    ev.services.push({ name: 'payment-service-canary', type: 'ClusterIP', selector: { app: 'payment-service', track: 'canary' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    const r = buildTriageReport(ev, times);
    expect(r.sections.endpoints).toEqual([
      { service: 'payment-service', selectsWorkload: true, ready: 5, notReady: 0, ports: ['80→http/TCP'] },
      { service: 'payment-service-canary', selectsWorkload: false, ready: 0, notReady: 0, ports: ['80→8080/TCP'] },
    ]);
    expect(r.verdict).toBe('healthy');
  });
});

describe('runAnalyzers', () => {
  it('records an analyzer that throws instead of losing the whole triage', () => {
    const run = runAnalyzers(healthyScenario(), {
      broken: () => {
        throw new Error('boom');
      },
      fine: () => [],
    });
    expect(run).toEqual({ findings: [], failures: [{ analyzer: 'broken', error: 'boom' }] });
  });
});
