import { describe, expect, it } from 'vitest';
import { analyzeTolerationChurn } from '../../../../src/domain/triage/analyzers/toleration-churn.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TolerationEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NOW, NS, container, event, minutesAgo, node, pod, running, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const TAINT = { key: 'maintenance.example.io/pending', value: 'kernel-6.1', effect: 'NoExecute' as const, timeAdded: minutesAgo(128) };
const RS = { kind: 'ReplicaSet', name: 'payment-service-7c9d8f6b5d', namespace: NS };

/**
 * Node C carries a NoExecute taint and is not cordoned; the template tolerates every NoExecute
 * taint for 300 s, so the pod placed there is evicted every ~5 minutes and replaced on it again.
 */
function churn(opts: { tolerations?: TolerationEvidence[]; cordoned?: boolean; evictions?: number } = {}): TriageEvidence {
  const ev = healthyScenario();
  const tolerations = opts.tolerations ?? [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
  ev.workload = workload({ readyReplicas: 4, templatePlacement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations } });
  ev.nodes = [node(NODE_A), node(NODE_B), node(NODE_C, { taints: [TAINT], unschedulable: opts.cordoned ?? false })];
  ev.pods = [...ev.pods.slice(0, 4), pod(4, { nodeName: NODE_C, ready: false, createdAt: minutesAgo(0.4), startTime: minutesAgo(0.4), containers: [container({ ready: false, state: running(0.3) })] })];
  const gone = Array.from({ length: opts.evictions ?? 4 }, (_, i) => `payment-service-7c9d8f6b5d-g0ne${i}`);
  ev.events = [
    ...ev.events,
    ...gone.map((name, i) => event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstSeen: minutesAgo(5.4 + 5 * i), lastSeen: minutesAgo(5.4 + 5 * i), source: 'replicaset-controller' })),
    ...gone.map((name, i) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${NS}/${name}`, firstSeen: minutesAgo(0.4 + 5 * i), lastSeen: minutesAgo(0.4 + 5 * i), source: 'taint-eviction-controller' })),
  ];
  return ev;
}

describe('pods that tolerate a NoExecute taint for a while churn on an uncordoned tainted node', () => {
  it('names the taint, the toleration and the cycle, dated by the taint', () => {
    const report = buildTriageReport(churn(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^payment-service pods evicted every ~5m since node ip-10-0-3-17\S* was tainted 2h 8m ago with maintenance\.example\.io\/pending=kernel-6\.1:NoExecute \(not cordoned\): its blanket NoExecute toleration \(tolerationSeconds 300\) lets them be scheduled there until the taint manager evicts them/);
    expect(report.headline).not.toMatch(/no change found|requests near real use|PodDisruptionBudget/);
    expect(report.headline).toMatch(/Cordon the tainted node \(or add a NoSchedule taint with the NoExecute one\) while the taint stays, and drop the blanket NoExecute toleration \(or its tolerationSeconds\)/);
  });

  it('names a keyed toleration by its key', () => {
    const [f] = analyzeTolerationChurn(churn({ tolerations: [{ key: TAINT.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 }] }));
    expect(f?.title).toMatch(/every ~2m .*its toleration of maintenance\.example\.io\/pending \(tolerationSeconds 120\)/);
    expect(f?.fix).toMatch(/drop the pod template's toleration of maintenance\.example\.io\/pending/);
  });

  it('stays silent when the pods tolerate the taint for ever, the node is cordoned, or one pod was evicted once', () => {
    expect(analyzeTolerationChurn(churn({ tolerations: [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists' }] }))).toEqual([]);
    expect(analyzeTolerationChurn(churn({ cordoned: true }))).toEqual([]);
    expect(analyzeTolerationChurn(churn({ evictions: 1 }))).toEqual([]);
    expect(analyzeTolerationChurn(churn({ tolerations: [] }))).toEqual([]);
  });
});
