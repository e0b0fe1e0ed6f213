import type { ConditionEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand } from '../kubectl-command.js';
import { STARTUP_GRACE_MS, formatPodShare, groupBy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatSpan, msBetween } from '../time-span.js';

/** Conditions the kubelet and the scheduler write; any other on a pod comes from a readiness gate. */
const BUILT_IN = new Set(['PodScheduled', 'Initialized', 'ContainersReady', 'Ready', 'PodReadyToStartContainers', 'DisruptionTarget', 'PodHasNetwork', 'PodResizePending', 'PodResizeInProgress']);

interface Held {
  pod: PodEvidence;
  gate: ConditionEvidence;
}

/** Who writes a gate, from its condition type: the controller to ask. */
function describeGateOwner(type: string): string {
  if (/elbv2\.k8s\.aws/i.test(type)) return 'the AWS Load Balancer Controller (the ALB/NLB target group\'s health check)';
  if (/cloud\.google\.com\/load-balancer-neg/i.test(type)) return 'the GKE NEG controller (the load balancer\'s health check)';
  return 'the controller that owns this readiness gate';
}

/**
 * Pods whose containers are all ready but which stay unready because a readiness gate (a
 * condition an outside controller writes, e.g. a load balancer's target health) is not True:
 * the kube probes pass, the load balancer's own health check does not. The rollout waits on it.
 */
export function analyzeReadinessGates(ev: TriageEvidence): Finding[] {
  const held: Held[] = [];
  for (const pod of ev.pods) {
    if (pod.ready || pod.phase !== 'Running' || pod.deletionTimestamp !== undefined) continue;
    const containersReady = pod.conditions.find((c) => c.type === 'ContainersReady')?.status === 'True' || (pod.containers.length > 0 && pod.containers.every((c) => c.ready));
    if (!containersReady) continue;
    const gate = pod.conditions.find((c) => !BUILT_IN.has(c.type) && c.status !== 'True');
    if (gate === undefined) continue;
    const since = gate.lastTransitionTime ?? pod.startTime;
    if (since !== undefined && msBetween(since, ev.collectedAt) < STARTUP_GRACE_MS) continue;
    held.push({ pod, gate });
  }
  return [...groupBy(held, (h) => `${h.gate.type}/${h.gate.reason ?? ''}`).values()].map((group) => {
    const first = group[0] as Held;
    const { gate } = first;
    const pods = unique(group.map((h) => h.pod.name));
    const said = [gate.reason, gate.message].filter((x) => x !== undefined && x !== '').join(': ');
    const longest = Math.max(...group.map((h) => (h.gate.lastTransitionTime ? msBetween(h.gate.lastTransitionTime, ev.collectedAt) : 0)));
    const healthy = ev.pods.filter((p) => p.ready && p.conditions.some((c) => c.type === gate.type && c.status === 'True')).length;
    const owner = describeGateOwner(gate.type);
    return {
      id: `readiness-gate/${gate.type}`,
      kind: 'readiness-gate',
      title: `Readiness gate ${gate.type} is ${gate.status === 'False' ? 'False' : gate.status} on ${formatPodShare(ev, pods.length)}${said ? ` (${said})` : ''}: containers ready, pods not${longest > 0 ? ` for ${formatSpan(longest)}` : ''}`,
      layer: 'network/routing',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: [
        ...group.slice(0, 3).map((h) => `${h.pod.name}: ContainersReady=True, ${h.gate.type}=${h.gate.status}${h.gate.reason ? ` (${h.gate.reason})` : ''}${h.gate.message ? `: ${h.gate.message}` : ''}`),
        ...(healthy > 0 ? [`${healthy} other pod${healthy === 1 ? '' : 's'} pass${healthy === 1 ? 'es' : ''} the same gate`] : []),
      ],
      ...(said ? { decisive: `${gate.type}: ${said}` } : {}),
      likelyCause: `The kube probes pass but ${owner} does not report these pods healthy, so they never become Ready and the rollout waits. Usually the load balancer's health check (path, port, expected codes) no longer matches what the new pods serve.`,
      nextAction: `Compare the load balancer's health-check settings (the Ingress/Service annotations, e.g. alb.ingress.kubernetes.io/healthcheck-path) with the path and port the pods now serve; fix the one that is wrong.`,
      fix: 'make the load balancer\'s health check match what the pods serve',
      confirmCommands: [describePodCommand(ev.target, first.pod.name)],
      affected: { pods, nodes: listNodesOf(group.map((h) => h.pod)) },
    } satisfies Finding;
  });
}
