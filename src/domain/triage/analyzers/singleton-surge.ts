import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { type SingletonSurge, findSingletonSurge } from '../singleton-surge.js';
import { capitalize, joinAnd, truncate } from '../../text.js';

/**
 * A singleton consumer's rolling update (singleton-surge.ts): the old pod holds a one-holder
 * resource, the surge starts the new pod beside it, and the new pod is refused. The strategy is the
 * mechanism and stopping the old pod first the fix; a rollback is a rollout that meets the same holder.
 */
export function analyzeSingletonSurge(ev: TriageEvidence): Finding[] {
  const s = findSingletonSurge(ev);
  return s === undefined ? [] : [describe(ev, s)];
}

function describe(ev: TriageEvidence, s: SingletonSurge): Finding {
  const ref = formatWorkloadRef(ev.target);
  const what = s.resource !== undefined ? `${s.sign.name} ${s.resource}` : `the ${s.sign.name}`;
  const id = s.holderId !== undefined ? `${s.sign.holderWord ?? 'holder'} ${s.holderId}` : undefined;
  const held = id !== undefined ? ` (${id})` : '';
  const old = `the old pod ${s.holder.name}`;
  const oldTold = `${old}${s.from !== undefined || id !== undefined ? ` (${[...(s.from !== undefined ? [`revision ${s.from}`] : []), ...(id !== undefined ? [id] : [])].join(', ')})` : ''}`;
  const names = s.refused.map((r) => r.pod);
  const worst = [...s.refused].sort((a, b) => b.restarts - a.restarts)[0];
  const fails = s.crashing && worst !== undefined
    ? `the new pod ${worst.pod} is refused and exits at every start (${worst.restarts} restarts)`
    : `the new pod ${joinAnd(names.slice(0, 2))} is refused (${s.refused.reduce((n, r) => n + r.lines, 0)} times in its logs)`;
  const strategy = `strategy RollingUpdate (${s.surge})`;
  const setBy = s.setBy?.changeCause !== undefined ? `; revision ${s.to.revision}'s change-cause names the strategy ("${truncate(s.setBy.changeCause, 80)}")` : '';
  const fix = `set strategy Recreate on ${ref} (or have the consumer wait on a leader lock), so the old pod lets go of the ${s.sign.noun} before the new one takes it`;
  return {
    id: `resource-exhaustion/singleton-surge/${s.resource ?? s.sign.name}`,
    kind: 'resource-exhaustion',
    title: `${capitalize(what)} takes one holder at a time and is held by ${oldTold}: ${strategy} starts revision ${s.to.revision}'s pod beside it, so ${fails}${setBy}`,
    // The rollout is when it began; the revision may have brought the strategy (ReplicaSets do not record it).
    datesChange: true,
    layer: 'rollout/change',
    severity: severityForPods(ev, names.length),
    confidence: s.crashing && s.holderLine !== undefined ? 'high' : 'medium',
    evidence: [
      `${ref}: ${strategy}, ${ev.workload?.specReplicas ?? 1} replica — the new pod starts before the old one stops`,
      `${oldTold} on node ${s.holder.nodeName ?? '?'} is ${s.holder.ready ? 'Ready' : s.holder.phase} and still runs`,
      ...(s.holderLine !== undefined ? [`its own log shows it took ${what}: ${truncate(s.holderLine, 300)}`] : []),
      ...s.refused.slice(0, 3).map((r) => `${r.pod} (revision ${s.to.revision}): refused ${r.lines} time${r.lines === 1 ? '' : 's'} in its logs; ${r.restarts} restarts`),
      ...(s.chartChange !== undefined ? [`revision ${s.to.revision} changed the chart that renders ${ref} (${s.chartChange}): a chart sets the strategy too`] : []),
      ...(s.setBy === undefined ? [`ReplicaSets do not record the strategy: whether revision ${s.to.revision} changed it (a singleton's earlier rollouts would have met the same holder), the Deployment's source says`] : []),
    ],
    decisive: truncate(s.quote, 220),
    ...(s.onset !== undefined ? { onset: s.onset } : {}),
    likelyCause: `${capitalize(s.sign.rule)}. ${capitalize(ref)} runs one replica, a singleton consumer of ${what}, and ${strategy} starts the new pod before it stops the old one: ${old} still holds it${held}, so revision ${s.to.revision}'s pod is refused and the rollout can never finish while the old pod keeps working. Nothing shows the new code at fault: any rollout under this strategy, a rollback's too, starts its pod beside the holder.${s.chartChange !== undefined ? ` Revision ${s.to.revision} changed the chart that renders the Deployment: check whether it changed the strategy (from Recreate) with it.` : ''}`,
    nextAction: `${capitalize(fix)}; the rollout then completes with a short pause in consuming. A rollback is not the fix: its rollout meets the same holder.`,
    fix,
    noRollback: `a rollback restores the pod template, not the strategy: its rollout too would start a pod beside the one that holds the ${s.sign.noun}`,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.strategy}'`),
      formatKubectl(ev.target, `logs ${names[0] ?? ''} ${s.crashing ? '--previous ' : ''}--tail=50`),
      ...(s.holderId !== undefined ? [formatKubectl(ev.target, `logs ${s.holder.name} --tail=500 | grep -w ${s.holderId}`)] : []),
    ],
    affected: { pods: names, nodes: listNodesOf(ev.pods.filter((p) => names.includes(p.name))) },
  };
}
