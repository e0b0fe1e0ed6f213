import { describe, expect, it } from 'vitest';
import { analyzeReadinessCycle } from '../../../../src/domain/triage/analyzers/readiness-cycle.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NODE_A, NODE_B, NODE_C, NOW, NS, baseEvidence, container, endpointSlice, event, minutesAgo, node, pod, running, service, workload } from '../scenarios/builders.js';

const OWN_IP = '172.20.41.7';
const DEP_IP = '172.20.88.19';
const DEP = 'ledger-api';

const unready = (i: number, over: Partial<PodEvidence> = {}): PodEvidence =>
  pod(i, { ready: false, createdAt: minutesAgo(40 - i * 0.2), containers: [container({ ready: false, state: running(39), env: [{ name: 'READY_CHECK_URL', value: `http://${DEP}.${NS}.svc.cluster.local/ping` }] })], ...over });

/** payment-service's readiness checks ledger-api and ledger-api's checks payment-service; both came back at once on new nodes. */
function cycle(): TriageEvidence {
  const pods = [0, 1, 2].map((i) => unready(i));
  const ledger = [0, 1].map((i) => unready(i, {
    name: `${DEP}-5d8f7c6b9-${i}x`,
    labels: { app: DEP },
    containers: [container({ ready: false, state: running(39), env: [{ name: 'UPSTREAM_HEALTH', value: `http://${APP}.${NS}.svc.cluster.local/internal/health` }] })],
  }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0 }),
    nodes: [NODE_A, NODE_B, NODE_C].map((n, k) => node(n, { createdAt: minutesAgo(44 - k * 0.3) })),
    services: [service({ clusterIP: OWN_IP }), service({ name: DEP, selector: { app: DEP }, clusterIP: DEP_IP })],
    endpointSlices: [endpointSlice(APP, pods), endpointSlice(DEP, ledger, { name: `${DEP}-x1` })],
    hpas: [],
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 230, firstSeen: minutesAgo(39), lastSeen: minutesAgo(0.2) })),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`{"level":"warn","msg":"readiness: dependency ${DEP} failed","err":"connect ECONNREFUSED ${DEP_IP}:80"}`] })),
    downServices: [{
      service: DEP,
      pods: ledger,
      events: ledger.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 230 })),
      logs: [{ pod: ledger[0]?.name ?? '', container: 'app', previous: false, lines: [`time=2026-11-21T03:13:00Z level=WARN msg="readiness check failed" error="Get \\"http://${APP}.${NS}.svc.cluster.local/internal/health\\": dial tcp ${OWN_IP}:80: connect: connection refused"`] }],
    }],
  });
}

describe('analyzeReadinessCycle', () => {
  it('names both workloads waiting on each other, the nodes replaced under them, and breaks the cycle on the side whose check names the other', () => {
    const [f, ...rest] = analyzeReadinessCycle(cycle());
    expect(rest).toEqual([]);
    expect(f?.title).toBe(`${APP} and ${DEP} wait on each other's readiness: each Service has no ready endpoint, so neither becomes ready, since their 3 nodes were all replaced 44m ago, restarting all 5 pods of both within 1m`);
    expect(f?.fix).toMatch(new RegExp(`^drop the check of ${APP} from ${DEP}'s readiness \\(env UPSTREAM_HEALTH\\) so that side becomes ready.*readiness probe check only its own pod`));
    expect(f?.decisive).toContain(`dial tcp ${OWN_IP}:80: connect: connection refused`);
    const report = buildTriageReport(cycle(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(new RegExp(`^${APP} and ${DEP} wait on each other's readiness`));
    expect(report.headline).not.toMatch(/no change found|roll back/i);
  });

  it('says only that all pods came back together when the nodes under them are old', () => {
    const ev = cycle();
    ev.nodes = ev.nodes.map((n) => ({ ...n, createdAt: minutesAgo(30 * 24 * 60) }));
    expect(analyzeReadinessCycle(ev)[0]?.title).toMatch(/so neither becomes ready; both went down together: all 5 pods of both within 1m, 40m ago, were re-created$/);
  });

  it('says nothing when the dependency waits on something else, or the workload\'s Service still has a ready endpoint', () => {
    const elsewhere = cycle();
    elsewhere.downServices = elsewhere.downServices?.map((d) => ({ ...d, logs: [{ pod: d.pods[0]?.name ?? '', container: 'app', previous: false, lines: ['level=WARN msg="readiness check failed" error="dial tcp 10.40.1.9:5432: connect: connection refused"'] }] }));
    expect(analyzeReadinessCycle(elsewhere)).toEqual([]);
    const serving = cycle();
    serving.pods = serving.pods.map((p, i) => (i === 0 ? { ...p, ready: true } : p));
    serving.endpointSlices = [endpointSlice(APP, serving.pods), ...serving.endpointSlices.slice(1)];
    expect(analyzeReadinessCycle(serving)).toEqual([]);
  });
});
