import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { type UnprobedReadiness, findUnprobedReadiness } from '../readiness-delay.js';
import { diffRevisions, shortenImageChange } from '../revision-diff.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';
import { capitalize, formatSpanLong } from '../../text.js';

/**
 * Pods kept unready by a readiness initialDelaySeconds longer than they have been up
 * (readiness-delay.ts): the probe has not run, so nothing judged the app. The delay is the
 * mechanism; the revision that set it is the trigger, and a new revision that sets it back is the fix.
 */
export function analyzeReadinessDelay(ev: TriageEvidence): Finding[] {
  return findUnprobedReadiness(ev).map((u) => describe(ev, u));
}

function describe(ev: TriageEvidence, u: UnprobedReadiness): Finding {
  const now = ev.collectedAt;
  const n = u.pods.length;
  const names = u.pods.map((p) => p.pod.name);
  const span = formatSpanLong(u.delaySeconds * 1000);
  const up = Math.min(...u.pods.map((p) => msBetween(p.startedAt, now)));
  const next = Math.min(...u.pods.map((p) => msBetween(now, p.firstCheckAt)));
  const whose = u.revision ? `the ${n === 1 ? 'pod' : `${n} pods`} of revision ${u.revision.revision}` : `${n === 1 ? 'the pod' : `the ${n} pods`}`;
  const was = u.previous && u.previous.delaySeconds !== u.delaySeconds ? u.previous : undefined;
  const before = was ? `; revision ${was.revision.revision} had ${was.delaySeconds}` : '';
  const back = was ? `back to ${was.delaySeconds}` : 'down to the seconds the app needs to start';
  const fix = `set the readiness probe's initialDelaySeconds ${back} in a new revision (a slow start is a startupProbe's job)`;
  // What else the revision changed, that a rollback would take away with the delay.
  const rest = was && u.revision ? diffRevisions(was.revision, u.revision).filter((l) => !/ readiness probe:/.test(l)) : [];
  return {
    id: `readiness-probe/${u.container}/initial-delay`,
    kind: 'readiness-probe',
    title: `Readiness probe of ${u.container} has not run yet: initialDelaySeconds ${u.delaySeconds} (${span}${before}) is longer than ${whose} ${n === 1 ? 'has' : 'have'} been up (${formatSpan(up)}): Running, with no restart and no failed probe, ${n === 1 ? 'it' : 'they'} cannot be Ready before the first check, in ${formatSpan(next)}`,
    layer: 'runtime/probes',
    severity: severityForPods(ev, n),
    confidence: 'high',
    evidence: [
      `readiness probe of ${u.container}: initialDelaySeconds ${u.delaySeconds}${was ? ` (revision ${was.revision.revision}: ${was.delaySeconds})` : ''}`,
      ...u.pods.slice(0, 5).map((p) => `${p.pod.name}: Running, not ready, 0 restarts, container started ${formatAgo(p.startedAt, now)}; first readiness check in ${formatSpan(msBetween(now, p.firstCheckAt))}`),
      `no Unhealthy event for ${n === 1 ? 'it' : 'them'} since the container started: no probe has run and failed`,
    ],
    likelyCause: `The kubelet runs the first readiness check only initialDelaySeconds (${u.delaySeconds} s) after the container starts, and a pod is Ready only once a check passes. These pods are up and nothing failed, but nothing judged them yet: they stay out of the Service's endpoints and do not count as available for ${span} after each start, so a rollout waits on them, and every later rollout, restart or scale-out adds capacity only after ${span}.${was ? ` Revision ${was.revision.revision} waited ${was.delaySeconds} s.` : ''}`,
    nextAction: `${capitalize(fix)}. These pods turn Ready by themselves once the first check passes (in ${formatSpan(next)}), but each new pod waits ${span} again; restarting them only restarts the wait.`,
    fix,
    ...(rest.length > 0 && u.revision ? { rollbackUndoes: `undo the rest of revision ${u.revision.revision} (${shortenImageChange(rest[0] ?? '')}${rest.length > 1 ? `, +${rest.length - 1} more` : ''})` } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `get pod ${names[0] ?? ''} -o jsonpath='{.spec.containers[?(@.name=="${u.container}")].readinessProbe}'`),
      describePodCommand(ev.target, names[0] ?? ''),
    ],
    affected: { pods: names, nodes: listNodesOf(u.pods.map((p) => p.pod)) },
  };
}
