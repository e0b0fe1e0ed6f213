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
  /** The controller's MissSchedule event; absent when it skipped the runs silently (a deadline under its own delay). */
  event?: EventEvidence;
  deadlineSeconds?: number;
  /** When spec.startingDeadlineSeconds was last written, and by which field manager. */
  writtenAt?: string;
  writtenBy?: string;
}

/**
 * Below this many seconds a starting deadline is shorter than the CronJob controller's own delay in
 * reaching a run (its sync loop): the Kubernetes docs warn such a CronJob may never be scheduled,
 * and the controller skips those runs without an event (no MissSchedule).
 */
const TINY_DEADLINE_S = 10;

export function findMissedStart(ev: TriageEvidence, cronJob: string, deadlineSeconds: number | undefined, written?: { at?: string; by?: string }): MissedStart | undefined {
  const event = ev.events
    .filter((e) => e.reason === 'MissSchedule' && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))[0];
  const setter = { ...(written?.at ? { writtenAt: written.at } : {}), ...(written?.by ? { writtenBy: written.by } : {}) };
  if (event) return { event, ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}), ...setter };
  return deadlineSeconds !== undefined && deadlineSeconds < TINY_DEADLINE_S ? { deadlineSeconds, ...setter } : undefined;
}

/** The clause of the title, why, what to do, and the evidence lines. */
export function explainMissedStart(m: MissedStart, ref: string, name: string, collectedAt: string): { clause: string; cause: string; action: string; fix: string; evidence: string[]; decisive: string } {
  const d = m.deadlineSeconds;
  const setting = d !== undefined ? `startingDeadlineSeconds: ${d}` : 'its startingDeadlineSeconds';
  const raise = d !== undefined && d < 300 ? 'raise startingDeadlineSeconds (to a few minutes, e.g. 300) or remove it' : 'raise startingDeadlineSeconds or remove it';
  const set = m.writtenAt !== undefined ? `set ${formatAgo(m.writtenAt, collectedAt)}${m.writtenBy ? ` by ${m.writtenBy}` : ''}` : undefined;
  const byHand = `run the missed windows by hand (\`kubectl create job --from=${ref} ${name}-manual\` — the bot will not)`;
  if (m.event === undefined) {
    return {
      clause: `${setting}${set ? ` (${set})` : ''} is shorter than the CronJob controller's own delay, so it skips every run`,
      cause: `With ${setting} the CronJob controller must start each run within ${d ?? '?'}s of its scheduled time, but it reaches a run some seconds late (its sync loop, a busy kube-controller-manager): the Kubernetes docs warn that a deadline under ${TINY_DEADLINE_S} seconds may keep a CronJob from ever being scheduled. It skips each such run and records no event for it (no MissSchedule), so the runs just stop. The Job itself is not at fault${set ? `; the deadline was ${set}` : ''}.`,
      action: `${raise.charAt(0).toUpperCase()}${raise.slice(1)}, and ${byHand}.`,
      fix: `${raise}, and run the missed windows by hand`,
      evidence: [
        `${setting}${set ? `, ${set}` : ''}: under the controller's own delay (the docs warn below ${TINY_DEADLINE_S}s)`,
        'no MissSchedule or other event on the CronJob: the controller records none for a run it skips past its deadline',
      ],
      decisive: setting,
    };
  }
  return {
    clause: `each missed its ${setting} (MissSchedule)`,
    cause: `The CronJob controller skips a run it cannot start within ${d !== undefined ? `${d}s` : 'startingDeadlineSeconds'} of its scheduled time, and it reached these runs later than that (MissSchedule: "${m.event.message}"). The Job itself is not at fault: kube-controller-manager starts CronJob runs late (load, or a control-plane upgrade), and ${d !== undefined && d < 60 ? 'a deadline of seconds leaves it no slack' : 'the deadline leaves it too little slack'}.`,
    action: `${raise.charAt(0).toUpperCase()}${raise.slice(1)}, ${byHand}, and look into the controller-manager's lag.`,
    fix: `${raise}, and run the missed windows by hand`,
    evidence: [
      `MissSchedule${m.event.count > 1 ? ` ×${m.event.count}` : ''} on the CronJob, last ${formatAgo(m.event.lastSeen, collectedAt)}: ${m.event.message}`,
    ],
    decisive: m.event.message,
  };
}

/**
 * The controller gave up on the CronJob: without startingDeadlineSeconds it counts every run missed
 * since lastScheduleTime, and past 100 it starts none ("too many missed start time (> 100)",
 * FailedNeedsStart; TooManyMissedTimes in the newer controller). A CronJob resumed after a long
 * suspension meets it at once: the resume is the since, and a deadline is the fix.
 */
const TOO_MANY_MISSED = /too many missed start times?/i;

/** The controller's refusal to start any run: its event says so. */
export interface TooManyMissed {
  event: EventEvidence;
}

export function findTooManyMissed(ev: TriageEvidence, cronJob: string): TooManyMissed | undefined {
  const event = ev.events
    .filter((e) => (e.reason === 'FailedNeedsStart' || e.reason === 'TooManyMissedTimes' || TOO_MANY_MISSED.test(e.message)) && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))[0];
  return event ? { event } : undefined;
}

/** `resumed`: when spec.suspend was last written while it is not suspended (and by whom), after its last run: the resume. */
export function explainTooManyMissed(m: TooManyMissed, ref: string, name: string, collectedAt: string, resumed?: { at: string; by?: string }): { clause: string; cause: string; action: string; fix: string; evidence: string[]; since?: string } {
  const since = resumed ? `since it was resumed ${formatAgo(resumed.at, collectedAt)}${resumed.by ? ` by ${resumed.by}` : ''}` : undefined;
  return {
    clause: `the controller refuses to start any: too many missed start times (> 100) and no startingDeadlineSeconds (${m.event.reason}${m.event.count > 1 ? ` ×${m.event.count}` : ''})${since ? `, ${since}` : ''}`,
    cause: `Without spec.startingDeadlineSeconds the CronJob controller counts every run missed since lastScheduleTime, and once there are more than 100 it starts none at all ("${m.event.message}"). ${since ? `The CronJob was suspended for days and resumed ${formatAgo(resumed?.at ?? collectedAt, collectedAt)}: every run of the suspension counts as missed, so it has started nothing since the resume.` : 'A long suspension, a stopped controller or a clock skew left that many runs missed.'} The Job itself is not at fault.`,
    action: `Set spec.startingDeadlineSeconds (e.g. 300) so only recent misses count — the next run then starts — and trigger the run it owes by hand (\`kubectl create job --from=${ref} ${name}-manual\` — the bot will not).`,
    fix: 'set spec.startingDeadlineSeconds (e.g. 300), and trigger a run by hand',
    evidence: [`${m.event.reason}${m.event.count > 1 ? ` ×${m.event.count}` : ''} on the CronJob, last ${formatAgo(m.event.lastSeen, collectedAt)}: ${m.event.message}`],
    ...(since ? { since } : {}),
  };
}
