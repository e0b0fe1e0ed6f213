/**
 * Errors that began long after a rollout: when the ready pods of the new revision logged work
 * without errors for a long stretch after they started and only then began to fail, the rollout
 * is not what changed at the onset. Claimed only from what the logs show (a stamped line that is
 * not an error, after the pods started and before the first error line), never from lines missing.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { isPodFailing } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, earliest, formatAgo, formatSpan, latest, msBetween } from './time-span.js';
import { isErrorLine } from './unexplained.js';
import { WHOLE_READ_STRETCH_MS, findCleanWork, readsFromStart } from './errors-since-start.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';
import { rolloutTimeOf } from './revision-rollback.js';

/** Errors that begin this long after the new revision's last pod started did not come with it. */
export const LATE_ONSET_MS = 30 * MINUTE_MS;
/** What a revision changed in how its process runs: its faults may wait for load or a race (gunicorn's --preload). */
const CHANGED_HOW_IT_RUNS = / (command|args)\b| env (added|removed|\S+[: ])/;

/** The revision changed the command, args or env of a container: a quiet first hour does not clear it. */
function changedHowItRuns(ev: TriageEvidence, revision: RevisionEvidence): boolean {
  const sorted = sortRevisions(ev.revisions);
  const previous = sorted[sorted.findIndex((r) => r.revision === revision.revision) + 1];
  return previous !== undefined && diffRevisions(previous, revision).some((l) => CHANGED_HOW_IT_RUNS.test(l));
}

/** Why the revision is not the cause, or undefined when the evidence does not show a quiet stretch. */
export function describeLateLogErrors(ev: TriageEvidence, pods: readonly PodEvidence[], revision: RevisionEvidence): string | undefined {
  if (pods.length === 0 || pods.some((p) => !p.ready || isPodFailing(p, ev.collectedAt) || p.revisionHash !== revision.hash)) return undefined;
  if (changedHowItRuns(ev, revision)) return undefined;
  const started = latest(pods.map((p) => p.startTime ?? p.createdAt));
  if (started === undefined) return undefined;
  const names = new Set(pods.map((p) => p.name));
  const reads = ev.logs.filter((l) => !l.previous && names.has(l.pod));
  const stamped = reads.flatMap((l) => l.lines).flatMap((line) => {
    const at = readLineTime(line);
    return at === undefined ? [] : [{ at, error: isErrorLine(line) }];
  });
  const onset = earliest(stamped.filter((s) => s.error).map((s) => s.at));
  if (onset === undefined || msBetween(started, onset) < LATE_ONSET_MS) return undefined;
  // The logs must reach back into the quiet stretch: clean work after the pods' start-up (a banner is not work), well before the first error.
  // A read whole since its pod started shows every line of the stretch: clean work a little before the first error is enough there.
  const startOf = (pod: string) => { const p = pods.find((q) => q.name === pod); return p?.startTime ?? p?.createdAt ?? started; };
  const clean = earliest(reads.flatMap((l) => findCleanWork(l.lines, started, onset, readsFromStart(l.lines, startOf(l.pod)) ? WHOLE_READ_STRETCH_MS : undefined) ?? []));
  if (clean === undefined) return undefined;
  const now = ev.collectedAt;
  return `its pods' errors began ${formatAgo(onset, now)}, ${formatSpan(msBetween(rolloutTimeOf(ev, revision), onset))} after the rollout; their logs show work without errors before that (from ${formatAgo(clean, now)})`;
}
