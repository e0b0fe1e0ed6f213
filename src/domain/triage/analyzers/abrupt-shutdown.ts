import { type AbruptShutdown, countFailureLines, findAbruptShutdown } from '../abrupt-shutdown.js';
import type { TriageEvidence } from '../evidence.js';
import type { Finding, FindingKind } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { joinAnd, listFirst } from '../../text.js';
import { clipMiddle } from '../collapse-events.js';

/** A preStop sleep long enough for the endpoint update to reach every proxy, and well inside the grace period. */
function sleepSeconds(grace: number): number {
  return Math.max(3, Math.min(10, Math.floor(grace / 3)));
}

function describeExit(a: AbruptShutdown): string {
  const codes = [...new Set(a.stopped.map((s) => s.exitCode))].sort();
  const after = Math.max(...a.stopped.map((s) => Math.round((Date.parse(s.finishedAt) - Date.parse(s.deletedAt)) / 1000)), 0);
  const left = Math.min(...a.stopped.map((s) => s.graceSeconds - Math.max(0, Math.round((Date.parse(s.finishedAt) - Date.parse(s.deletedAt)) / 1000))));
  return `exit ${codes.join('/')} ${after <= 1 ? 'at the delete' : `${after} s after the delete`}, ${left} s of grace unused`;
}

/** Distinct nginx messages among the failures, most frequent first. */
function messagesOf(a: AbruptShutdown): string[] {
  const by = new Map<string, number>();
  for (const f of a.atStop) if (f.message !== undefined) by.set(f.message, (by.get(f.message) ?? 0) + 1);
  return [...by.entries()].sort((x, y) => y[1] - x[1]).map(([m]) => m.replace(/ while .*$/, ''));
}

/**
 * The proxy's 502s go to pods that are being deleted and already exited on SIGTERM, with no preStop
 * hook: the pods stop before the endpoint update reaches the proxy. Every stop does it (each
 * scale-down of every rollout), so neither the new revision nor a rollback is the answer.
 */
export function analyzeAbruptShutdown(ev: TriageEvidence): Finding[] {
  const a = findAbruptShutdown(ev);
  if (a === undefined) return [];
  const now = ev.collectedAt;
  const svc = ev.target.name;
  const stoppedNames = a.stopped.map((s) => s.pod.name);
  const revisions = [...new Set(a.stopped.flatMap((s) => (s.revision === undefined ? [] : [s.revision])))];
  const ofRevision = revisions.length === 1 ? ` of revision ${revisions[0]}` : '';
  const answered = a.atStop.filter((f) => f.status !== undefined);
  const fiveXx = countFailureLines(answered);
  const codes = [...new Set(answered.map((f) => f.status))].sort().join('/') || '502';
  const messages = messagesOf(a);
  const quoted = messages.slice(0, 2).map((m) => `"${m}"`).join(', ');
  const grace = Math.max(...a.stopped.map((s) => s.graceSeconds));
  const sleep = sleepSeconds(grace);
  const newest = a.newest;
  const inRollout = newest !== undefined && a.scaleDowns.every((d) => Date.parse(d.at) >= Date.parse(newest.createdAt));
  const scaleDowns = a.scaleDowns.length > 0 ? `, as at ${inRollout ? "this rollout's" : "the last hour's"} ${a.scaleDowns.length === 1 ? 'earlier scale-down' : `${a.scaleDowns.length} earlier scale-downs`}` : '';
  const earlier = a.earlierRollout ? ` and at the rollout of revision ${a.earlierRollout.revision.revision} ${formatAgo(a.earlierRollout.revision.createdAt, now)}` : '';
  const newestStops = newest !== undefined && revisions.includes(newest.revision);
  const cleared = newest !== undefined && !newestStops && a.newestReady > 0
    ? `; revision ${newest.revision} is not the cause (its ${a.newestReady} Ready pod${a.newestReady === 1 ? '' : 's'} take${a.newestReady === 1 ? 's' : ''} none of them)`
    : '';
  const said = messages[0] === undefined ? '' : ` ("${messages[0]}")`;
  const failed = fiveXx > 0 ? `${fiveXx} × ${codes}${said}` : `${countFailureLines(a.atStop)} failed tries${said}`;
  const title = `${svc}'s pods exit at once on SIGTERM (${describeExit(a)}) with no preStop hook, so ${a.controller} still sends to them until the endpoint update lands: ${failed} to the ${a.stopped.length} Terminating pod${a.stopped.length === 1 ? '' : 's'}${ofRevision} (${listFirst(stoppedNames, 2)})${scaleDowns}${earlier} — every rollout gives 502s${cleared}`;
  const fix = `add a preStop sleep (\`sleep ${sleep}\`, within terminationGracePeriodSeconds ${grace}) and graceful shutdown on SIGTERM (stop accepting, drain, then exit); a rollback would not help`;
  const kind: FindingKind = 'abrupt-shutdown';
  const sample = a.atStop.filter((f) => f.message !== undefined).slice(-2).concat(answered.slice(-1));
  return [{
    id: `${kind}/${svc}`,
    kind,
    title,
    layer: 'rollout/change',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      ...a.stopped.map((s) => `pod ${s.pod.name}${s.revision === undefined ? '' : ` (revision ${s.revision})`}: deleted ${formatAgo(s.deletedAt, now)} (deletionTimestamp ${s.pod.deletionTimestamp ?? ''}, grace ${s.graceSeconds} s); container ${s.container} terminated with exit ${s.exitCode} at ${s.finishedAt}, no preStop hook; address ${(s.pod.podIPs ?? []).join(', ')}`),
      `${a.controller} log: ${countFailureLines(a.atStop)} failure line${countFailureLines(a.atStop) === 1 ? '' : 's'} to those addresses between their delete and their deadline${quoted ? `: ${quoted}` : ''}`,
      ...sample.map((f) => `log ${a.namespace}/${f.pod}: ${clipMiddle(f.line, 300)}`),
      ...a.scaleDowns.map((s) => `scale-down at ${s.at}: ${s.failures} failure line${s.failures === 1 ? '' : 's'} to addresses of pods gone since`),
      ...(a.earlierRollout ? [`rollout of revision ${a.earlierRollout.revision.revision} (${a.earlierRollout.revision.createdAt}, ${formatAgo(a.earlierRollout.revision.createdAt, now)}): ${a.earlierRollout.failures} × 5xx for ${joinAnd(a.upstreams)} in its first minutes, from ${a.earlierRollout.first}`] : []),
      ...(newest !== undefined && !newestStops ? [`revision ${newest.revision}: ${a.newestReady} pod${a.newestReady === 1 ? '' : 's'} Ready, none of them among the failing addresses`] : []),
    ],
    decisive: messages[0] ?? `exit ${a.stopped[0]?.exitCode ?? 143}`,
    likelyCause: `When a pod is deleted the kubelet sends SIGTERM at once (no preStop hook to wait in) while the endpoint controller removes the pod and ${a.controller} reloads its upstreams a moment later. ${svc} does not wait: it exits on the signal (${a.stopped.map((s) => `exit ${s.exitCode}`)[0] ?? 'exit 143'}; a Node.js or Python process without a SIGTERM handler dies with 143) and closes its port while the controller still sends to it, so requests in flight are cut ("upstream prematurely closed connection") and new ones refused ("Connection refused"); what the controller cannot retry on another pod (POST, PATCH, or every try on dying pods) returns 502. Every scale-down of every rollout does it again, whichever revision runs.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Check with \`${formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.terminationGracePeriodSeconds} {.spec.template.spec.containers[*].lifecycle}'`)}\`.`,
    fix,
    datesChange: true,
    onset: a.atStop.map((f) => f.at).sort()[0] ?? now,
    confirmCommands: [
      formatKubectl(ev.target, `get pods ${stoppedNames.slice(0, 3).join(' ')} -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.deletionTimestamp} {.status.containerStatuses[*].state.terminated.exitCode}{"\\n"}{end}'`),
      formatKubectl({ ...ev.target, namespace: a.namespace }, `logs ${ev.ingressController?.logs[0]?.pod ?? ''} --tail=500 | grep -E '${(a.stopped[0]?.pod.podIPs ?? [])[0] ?? ''}|${a.upstreams[0] ?? svc}'`),
    ],
    affected: { pods: stoppedNames, services: a.upstreams },
  }];
}
