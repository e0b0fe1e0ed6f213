import type { ConditionEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describeGateOwner, describeGateReplacement } from '../gate-owner.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { formatComponentState, pickComponentLine, readComponentState } from '../component-down.js';
import { STARTUP_GRACE_MS, formatPodShare, groupBy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatSpan, msBetween } from '../time-span.js';
import { BUILT_IN_CONDITIONS, carriesGate, findLongUnsetGate, isHeldPastContainers } from '../unset-gates.js';

interface Held {
  pod: PodEvidence;
  gate: ConditionEvidence;
}

/**
 * Pods whose containers are all ready but which stay unready because a readiness gate (a
 * condition an outside controller writes, e.g. a load balancer's target health) is not True:
 * the kube probes pass, the load balancer's own health check does not. The rollout waits on it.
 * Or the gate's condition does not exist at all: nothing writes it any more (see describeUnsetGate).
 */
export function analyzeReadinessGates(ev: TriageEvidence): Finding[] {
  const held: Held[] = [];
  const unset: { pod: PodEvidence; gate: string }[] = [];
  for (const pod of ev.pods) {
    if (!isHeldPastContainers(pod)) continue;
    const gate = pod.conditions.find((c) => !BUILT_IN_CONDITIONS.has(c.type) && c.status !== 'True');
    if (gate === undefined) {
      // No condition at all: the controller that should write it has had time and did not.
      const missing = findLongUnsetGate(pod, ev.collectedAt);
      if (missing !== undefined) unset.push({ pod, gate: missing });
      continue;
    }
    const since = gate.lastTransitionTime ?? pod.startTime;
    if (since !== undefined && msBetween(since, ev.collectedAt) < STARTUP_GRACE_MS) continue;
    held.push({ pod, gate });
  }
  const never = [...groupBy(unset, (u) => u.gate).entries()].map(([gate, group]) => describeUnsetGate(ev, gate, group.map((u) => u.pod)));
  return [...never, ...[...groupBy(held, (h) => `${h.gate.type}/${h.gate.reason ?? ''}`).values()].map((group) => {
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
  })];
}

/**
 * A gate no controller writes (its owner is gone, or a successor writes other condition types):
 * every new pod that declares it waits forever. Pods of another revision that carry it, with a
 * condition set long ago, show the gate is not the new revision's doing.
 */
function describeUnsetGate(ev: TriageEvidence, gate: string, held: PodEvidence[]): Finding {
  const pods = held.map((p) => p.name);
  const heldRevisions = new Set(held.map((p) => p.revisionHash));
  const older = ev.pods.filter((p) => !heldRevisions.has(p.revisionHash) && carriesGate(p, gate));
  const setAt = older.map((p) => p.conditions.find((c) => c.type === gate && c.status === 'True')?.lastTransitionTime).filter((t) => t !== undefined).sort()[0];
  const revisions = unique(older.map((p) => ev.revisions.find((r) => r.hash === p.revisionHash)?.revision).filter((r) => r !== undefined)).join(', ');
  const which = revisions === '' ? 'other pods' : `pods of revision ${revisions}`;
  const setLongAgo = setAt === undefined ? '' : `, set True ${formatSpan(msBetween(setAt, ev.collectedAt))} ago`;
  const notReadySince = (p: PodEvidence) => p.conditions.find((c) => c.type === 'Ready')?.lastTransitionTime ?? p.startTime;
  const waiting = Math.max(...held.map((p) => { const t = notReadySince(p); return t === undefined ? 0 : msBetween(t, ev.collectedAt); }));
  const owner = describeGateOwner(gate);
  const replacement = describeGateReplacement(gate);
  const ready = held[0]?.conditions.find((c) => c.type === 'Ready');
  const writer = ev.gateWriter?.gate === gate ? ev.gateWriter : undefined;
  if (writer !== undefined && readComponentState(writer.pods).down) return describeWriterDown(ev, gate, held, writer, waiting);
  return {
    id: `readiness-gate/${gate}`,
    kind: 'readiness-gate',
    title: `Readiness gate ${gate} is never set on ${formatPodShare(ev, pods.length)} (nothing writes its condition): containers ready, pods not${waiting > 0 ? ` for ${formatSpan(waiting)}` : ''}`,
    layer: 'network/routing',
    severity: severityForPods(ev, pods.length),
    confidence: 'high',
    evidence: [
      ...held.slice(0, 3).map((p) => `${p.name}: ContainersReady=True, no ${gate} condition${ready?.message ? ` (Ready: ${ready.reason ?? 'False'}: ${ready.message})` : ''}`),
      ...(older.length > 0 ? [`${older.length} ${which} carry the same gate${setLongAgo}`] : []),
    ],
    decisive: ready?.message ?? `no ${gate} condition`,
    likelyCause: `The pod template declares readiness gate ${gate}, but nothing writes that condition any more: its owner, ${owner}, is gone or no longer sets this type. The kube probes pass; the pods can never become Ready and the rollout waits on them.`,
    nextAction: `Remove the stale readiness gate ${gate} from the pod template's readinessGates (nothing sets it, so every new pod waits on it), or restore ${owner}${replacement ? `; ${replacement}` : ''}.`,
    fix: 'remove the stale readiness gate from the pod template',
    ...(older.length > 0 ? { outsideWorkload: `the ${which} carry the same gate${setLongAgo}: any new pod waits on it, so a rollback would stall the same way` } : {}),
    confirmCommands: [describePodCommand(ev.target, pods[0] ?? '')],
    affected: { pods, nodes: listNodesOf(held) },
  };
}

/**
 * The gate's writer runs as pods and none is ready (crash-looping, OOM-killed): it cannot set the
 * condition, so every new pod that carries the gate waits, whatever its revision. Bring it back.
 */
function describeWriterDown(ev: TriageEvidence, gate: string, held: PodEvidence[], writer: NonNullable<TriageEvidence['gateWriter']>, waiting: number): Finding {
  const pods = held.map((p) => p.name);
  const state = readComponentState(writer.pods);
  const namespaces = [...new Set(writer.pods.map((p) => p.namespace))].join(', ');
  const line = pickComponentLine(writer.logs);
  const log = writer.logs[0];
  const stated = formatComponentState(state);
  return {
    id: `readiness-gate/${gate}`,
    kind: 'readiness-gate',
    title: `${writer.name} (namespace ${namespaces}) is down: ${stated}. It writes readiness gate ${gate}, never set on ${formatPodShare(ev, pods.length)}: containers ready, pods not${waiting > 0 ? ` for ${formatSpan(waiting)}` : ''}`,
    layer: 'network/routing',
    severity: severityForPods(ev, pods.length),
    confidence: 'high',
    evidence: [
      ...held.slice(0, 3).map((p) => `${p.name}: ContainersReady=True, no ${gate} condition`),
      `${writer.name} in ${namespaces}: ${stated}`,
      ...(line !== undefined && log !== undefined ? [`log ${log.pod}${log.previous ? ' (previous run)' : ''}: ${line}`] : []),
    ],
    decisive: line ?? `${writer.name}: ${stated}`,
    likelyCause: `${writer.name} writes the ${gate} condition (the load balancer's target health) on the pods it registers, and none of its pods is ready${line !== undefined ? ` — its log says why: ${line}` : ''}. Nothing sets the gate, so the pods pass their own probes and never become Ready; the rollout waits on them. Their revision is not at fault: a pod of any revision waits the same.`,
    nextAction: `Bring ${writer.name} back in ${namespaces}${line !== undefined ? ' (fix what its log names)' : ''}; once it runs it registers the waiting pods and sets their gate, and the rollout goes on. Keep the gate: removing it would hide that the load balancer no longer tracks the pods.`,
    fix: `bring ${writer.name} back so it sets the readiness gate`,
    outsideWorkload: `${writer.name} sets the gate on pods of any revision: every new pod waits on it while it is down`,
    confirmCommands: [
      formatKubectl({ ...ev.target, namespace: namespaces.split(', ')[0] ?? '' }, `get pods -l ${writer.labelSelector}`),
      ...(log !== undefined ? [formatKubectl({ ...ev.target, namespace: namespaces.split(', ')[0] ?? '' }, `logs ${log.pod} -c ${log.container}${log.previous ? ' --previous' : ''} --tail=50`)] : []),
      describePodCommand(ev.target, pods[0] ?? ''),
    ],
    affected: { pods, nodes: listNodesOf(held) },
  };
}
