import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { GateControllerEvidence } from '../evidence-gate-controllers.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { groupBy, formatPodShare, severityForPods, unique } from '../pod-status.js';
import { listGatedPods } from '../scheduling-gates.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';

/** The revision (and the one before) a pod comes from: whether the gate is new in it. */
function gateIsNew(ev: TriageEvidence, pod: PodEvidence, gate: string): boolean | undefined {
  const sorted = [...ev.revisions].sort((a, b) => b.revision - a.revision);
  const i = sorted.findIndex((r) => r.hash !== undefined && r.hash === pod.revisionHash);
  const mine = sorted[i]?.template;
  const before = i >= 0 ? sorted[i + 1]?.template : undefined;
  if (mine === undefined || before === undefined) return undefined;
  return (mine.schedulingGates ?? []).includes(gate) && !(before.schedulingGates ?? []).includes(gate);
}

function describeController(c: GateControllerEvidence, now: string): { line: string; down: boolean; since?: string } {
  const owner = c.replicasOwners[0];
  const down = c.replicas === 0 || c.readyReplicas === 0;
  const state = c.replicas === 0 ? 'scaled to 0 replicas' : `${c.readyReplicas}/${c.replicas} replicas ready`;
  const by = c.replicas === 0 && owner !== undefined ? ` (by ${owner.manager}${owner.at ? `, ${formatAgo(owner.at, now)}` : ''})` : '';
  return { line: `Deployment ${c.namespace}/${c.name}${c.namesGate ? `, whose template names the gate,` : ''} is ${state}${by}`, down, ...(owner?.at !== undefined && c.replicas === 0 ? { since: owner.at } : {}) };
}

/**
 * Pods that keep a scheduling gate (spec.schedulingGates; PodScheduled=False, SchedulingGated) far
 * longer than its remover takes: the scheduler never sees them, so it says nothing of them and
 * capacity does not matter. What removes the gate is not working — named when a Deployment of the cluster
 * names the gate, with its replicas. The revision is innocent unless it added the gate.
 */
export function analyzeSchedulingGates(ev: TriageEvidence): Finding[] {
  const gated = listGatedPods(ev.pods, ev.collectedAt).flatMap((g) => g.gates.map((gate) => ({ pod: g.pod, gate })));
  return [...groupBy(gated, (g) => g.gate).entries()].map(([gate, group]) => {
    const pods = unique(group.map((g) => g.pod.name));
    const since = group.map((g) => g.pod.conditions.find((c) => c.type === 'PodScheduled')?.lastTransitionTime ?? g.pod.createdAt).filter((t): t is string => t !== undefined).sort()[0];
    const longest = since === undefined ? '' : ` for ${formatSpan(msBetween(since, ev.collectedAt))}`;
    const controllers = (ev.gateControllers ?? []).filter((c) => c.gate === gate).map((c) => ({ c, ...describeController(c, ev.collectedAt) }));
    const down = controllers.find((x) => x.down);
    const lifted = ev.pods.filter((p) => p.nodeName !== undefined && !pods.includes(p.name)).length;
    const added = group.some((g) => gateIsNew(ev, g.pod, gate) === true);
    const remover = down ? `Deployment ${down.c.namespace}/${down.c.name}` : 'the controller that lifts it';
    const scaleCmd = down ? formatKubectl({ ...ev.target, namespace: down.c.namespace }, `scale deployment/${down.c.name} --replicas=1`) : undefined;
    const evidence = [
      ...group.slice(0, 3).map((g) => `${g.pod.name}: Pending, PodScheduled=False (SchedulingGated), spec.schedulingGates: ${gate}`),
      ...controllers.map((x) => x.line),
      ...(lifted > 0 ? [`${lifted} other pod${lifted === 1 ? '' : 's'} of the workload got past the gate and run`] : []),
    ];
    return {
      id: `scheduling-gated/${gate}`,
      kind: 'scheduling-gated',
      title: `${formatPodShare(ev, pods.length)} held by scheduling gate ${gate} (PodScheduled=False, SchedulingGated)${longest}: the scheduler never sees ${pods.length === 1 ? 'it' : 'them'}${down ? `; ${down.line}` : '; whatever lifts the gate is not doing it'}`,
      layer: 'rollout/change',
      severity: severityForPods(ev, pods.length),
      confidence: down ? 'high' : 'medium',
      evidence,
      likelyCause: `A pod that carries a scheduling gate is not handed to the scheduler until something removes the gate (a controller or queue such as Kueue, once its own condition holds); the scheduler never reports on such a pod, and node capacity does not matter. ${down ? `${remover}, which lifts ${gate}, is ${down.c.replicas === 0 ? 'at 0 replicas' : 'not ready'}, so no new pod gets past it` : `Whatever removes ${gate} is not doing it: its controller is down, scaled to 0 or failing`}${added ? '.' : `; ${lifted > 0 ? 'older pods carried the same gate and had it lifted, so ' : ''}the revision is not what holds the pods.`}`,
      nextAction: down ? `Bring ${remover} back (\`${scaleCmd}\`; the bot will not run it) and check that it removes the gate from the waiting pods; a rollback changes nothing, the gate is in the template either way.` : `Find the controller that removes ${gate} (its name or its configuration names the gate) and bring it back; do not remove the gate by hand unless you know what it guards.`,
      fix: down ? `scale ${remover} back up so it lifts ${gate}` : `bring back the controller that lifts ${gate}`,
      ...(added ? {} : { outsideWorkload: `the gate is lifted by ${remover}, outside the workload; any new pod of any revision waits on it the same way` }),
      ...(down?.since !== undefined ? { onset: down.since } : {}),
      confirmCommands: [describePodCommand(ev.target, pods[0] ?? ''), formatKubectl(ev.target, `get pod ${pods[0] ?? ''} -o jsonpath='{.spec.schedulingGates}'`), ...(down ? [formatKubectl({ ...ev.target, namespace: down.c.namespace }, `get deployment ${down.c.name} -o wide`)] : [])],
      affected: { pods },
    } satisfies Finding;
  });
}
