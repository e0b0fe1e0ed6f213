import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { readRolloutHold } from '../rollout-control.js';
import { describePaused, describeStuck, pausedAction, stuckAction } from '../verdict/controller-hold.js';
import { isPodFailing } from '../pod-status.js';
import { capitalize } from '../../text.js';
import { budgetSpentAction, describeBudgetSpent } from '../daemonset-budget.js';

/**
 * What the controller holds back, said in the thread with the state it rests on: a paused
 * Deployment and the template change no ReplicaSet carries yet, or the StatefulSet pods of an
 * old revision its rolling update waits on forever. Context (info), never the mechanism: the
 * verdict folds it into its scope and action.
 */
export function analyzeRolloutHold(ev: TriageEvidence): Finding[] {
  const hold = readRolloutHold(ev);
  if (hold === undefined) return [];
  const ref = formatWorkloadRef(ev.target);
  const selector = formatWorkloadSelector(ev.target, ev.workload?.selector);
  if (hold.kind === 'paused') {
    // Every pod Ready on the running revision: the pause holds a change back on purpose (a canary
    // hold, a change window), so it is context; resuming is the pauser's call, not advice.
    const allReady = ev.pods.length > 0 && ev.pods.every((p) => p.ready && !isPodFailing(p, ev.collectedAt));
    const action = allReady ? undefined : pausedAction(ev, hold);
    return [{
      id: 'rollout-hold/paused',
      kind: 'rollout-hold',
      title: capitalize(describePaused(ev, hold)),
      layer: 'rollout/change',
      severity: 'info',
      confidence: 'high',
      evidence: [
        'spec.paused: true (Progressing: DeploymentPaused)',
        ...(hold.running ? [`newest ReplicaSet: revision ${hold.running.revision} (${hold.running.name})`] : []),
        ...hold.pending.map((l) => `template, not in any ReplicaSet: ${l}`),
        ...(hold.revertedTo ? [`template matches revision ${hold.revertedTo.revision} (${hold.revertedTo.name}) again`] : []),
      ],
      likelyCause: allReady
        ? 'Someone paused the Deployment (a canary or release hold, a change window, an incident); while paused, the controller makes no ReplicaSet for template changes, so the pods keep the revision they run.'
        : 'Someone paused the rollout (often during an incident, to stop a controller or GitOps sync from churning) and it was not resumed; while paused, the controller makes no ReplicaSet for template changes and refuses an undo.',
      nextAction: allReady
        ? 'Nothing to fix: every pod is Ready on the revision it runs. The newer template waits until whoever paused the Deployment lets it roll out; check with them before changing that.'
        : action ?? `Resume the rollout when the template holds the version to run (\`${formatKubectl(ev.target, `rollout resume ${ref}`)}\` — the bot will not).`,
      confirmCommands: [
        formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.paused} {.spec.template.spec.containers[*].image}'`),
        formatKubectl(ev.target, `get replicasets -o wide -l ${selector}`),
      ],
    }];
  }
  if (hold.kind === 'budget-spent') {
    return [{
      id: 'rollout-hold/budget-spent',
      kind: 'rollout-hold',
      title: capitalize(describeBudgetSpent(hold)),
      layer: 'rollout/change',
      severity: 'info',
      confidence: 'high',
      evidence: [
        `update revision: ${hold.update.revision} (${hold.update.name}); updatedNumberScheduled ${hold.updated} of desiredNumberScheduled ${hold.desired}; updateStrategy RollingUpdate, maxUnavailable ${hold.maxUnavailable}, maxSurge 0`,
        ...hold.unavailable.map((u) => `${u.pod.name}: revision hash ${u.pod.revisionHash ?? '?'}, not ready${u.pod.nodeName ? ` on ${u.pod.nodeName}${u.nodeDown ? ' (node NotReady)' : ''}` : ''}`),
      ],
      likelyCause: 'Without surge the DaemonSet controller deletes an old pod only while fewer than maxUnavailable nodes lack an available daemon pod, and it counts every unavailable pod, whatever its revision. DaemonSet pods tolerate the not-ready and unreachable taints, so a pod on a dead node is never evicted and holds that budget for as long as the Node object exists.',
      nextAction: `${budgetSpentAction(hold)}.`,
      confirmCommands: [
        formatKubectl(ev.target, `get ${ref} -o jsonpath='{.status.updatedNumberScheduled}/{.status.desiredNumberScheduled} {.status.numberUnavailable} {.spec.updateStrategy}'`),
        formatKubectl(ev.target, `get pods -o wide -L controller-revision-hash -l ${selector}`),
      ],
      affected: { pods: hold.unavailable.map((u) => u.pod.name), nodes: [...new Set(hold.unavailable.map((u) => u.pod.nodeName ?? ''))].filter((n) => n !== '') },
    }];
  }
  const pods = hold.pods.map((p) => p.pod.name);
  return [{
    id: 'rollout-hold/stuck-pods',
    kind: 'rollout-hold',
    // Starts with a pod's name, which keeps its case.
    title: describeStuck(ev, hold, 0),
    layer: 'rollout/change',
    severity: 'info',
    confidence: 'high',
    evidence: [
      `update revision: ${hold.update.revision} (${hold.update.name}); podManagementPolicy OrderedReady, updateStrategy RollingUpdate`,
      ...hold.pods.map((p) => `${p.pod.name}: controller-revision-hash ${p.pod.revisionHash ?? '?'}${p.revision ? ` (revision ${p.revision.revision})` : ''}, not ready`),
    ],
    likelyCause: 'The template was reverted or fixed after a bad revision reached these pods; the StatefulSet controller waits for each pod to be Running and Ready before it replaces any, and these never will (the documented "forced rollback" case).',
    nextAction: `${stuckAction(ev, hold)}.`,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.status.currentRevision} {.status.updateRevision}'`),
      formatKubectl(ev.target, `get pods -L controller-revision-hash -l ${selector}`),
    ],
    affected: { pods },
  }];
}
