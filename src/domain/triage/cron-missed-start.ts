/**
 * Runs the CronJob controller reached too late: with spec.startingDeadlineSeconds set, a run it
 * cannot start within that many seconds of its time is skipped, and it says so with a MissSchedule
 * event ("Missed scheduled time to start a job: …"). A deadline of seconds is shorter than the lag
 * of a busy or freshly upgraded kube-controller-manager, and then every run is skipped while the
 * Job itself is fine.
 */
import type { EventEvidence, TriageEvidence } from './evidence.js';
import { HISTORY_MS } from './pod-status.js';
import { formatAgo, isWithin } from './time-span.js';

export interface MissedStart {
  event: EventEvidence;
  deadlineSeconds?: number;
}

export function findMissedStart(ev: TriageEvidence, cronJob: string, deadlineSeconds: number | undefined): MissedStart | undefined {
  const event = ev.events
    .filter((e) => e.reason === 'MissSchedule' && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))[0];
  return event ? { event, ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}) } : undefined;
}

/** The clause of the title, why, what to do, and the evidence lines. */
export function explainMissedStart(m: MissedStart, ref: string, name: string, collectedAt: string): { clause: string; cause: string; action: string; fix: string; evidence: string[] } {
  const d = m.deadlineSeconds;
  const setting = d !== undefined ? `startingDeadlineSeconds: ${d}` : 'its startingDeadlineSeconds';
  const raise = d !== undefined && d < 300 ? 'raise startingDeadlineSeconds (to a few minutes, e.g. 300) or remove it' : 'raise startingDeadlineSeconds or remove it';
  return {
    clause: `each missed its ${setting} (MissSchedule)`,
    cause: `The CronJob controller skips a run it cannot start within ${d !== undefined ? `${d}s` : 'startingDeadlineSeconds'} of its scheduled time, and it reached these runs later than that (MissSchedule: "${m.event.message}"). The Job itself is not at fault: kube-controller-manager starts CronJob runs late (load, or a control-plane upgrade), and ${d !== undefined && d < 60 ? 'a deadline of seconds leaves it no slack' : 'the deadline leaves it too little slack'}.`,
    action: `${raise.charAt(0).toUpperCase()}${raise.slice(1)}, run the missed windows by hand (\`kubectl create job --from=${ref} ${name}-manual\` — the bot will not), and look into the controller-manager's lag.`,
    fix: `${raise}, and run the missed windows by hand`,
    evidence: [
      `MissSchedule${m.event.count > 1 ? ` ×${m.event.count}` : ''} on the CronJob, last ${formatAgo(m.event.lastSeen, collectedAt)}: ${m.event.message}`,
    ],
  };
}
