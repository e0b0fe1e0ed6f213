/**
 * A CronJob the CronJob controller will not schedule at all: its spec.timeZone is no zone the
 * controller can load (UnknownTimeZone, "invalid timeZone: \"Europe/Frankfurt\": unknown time
 * zone …") or its schedule does not parse (UnparseableSchedule, InvalidSchedule). The controller
 * says so on every sync and creates no Job: runs stop silently while the last ones look fine.
 */
import type { EventEvidence, TriageEvidence } from './evidence.js';
import { HISTORY_MS } from './pod-status.js';
import { formatAgo, isWithin } from './time-span.js';

const REFUSALS = new Set(['UnknownTimeZone', 'UnparseableSchedule', 'InvalidSchedule', 'InvalidTimeZone']);

export interface ControllerRefusal {
  event: EventEvidence;
  /** What the controller cannot read: "timeZone \"Europe/Frankfurt\"" or "schedule \"0 3 * * * *\"". */
  what: string;
  zone: boolean;
}

export function findControllerRefusal(ev: TriageEvidence, cronJob: string, spec: { cron: string; timeZone?: string }): ControllerRefusal | undefined {
  const event = ev.events
    .filter((e) => e.type === 'Warning' && REFUSALS.has(e.reason) && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))[0];
  if (event === undefined) return undefined;
  const zone = /time ?zone/i.test(`${event.reason} ${event.message}`);
  const what = zone ? `timeZone "${spec.timeZone ?? /"([^"]+)"/.exec(event.message)?.[1] ?? '?'}"` : `schedule "${spec.cron}"`;
  return { event, what, zone };
}

/** The clause of the title, why, what to do, and the evidence line. */
export function explainControllerRefusal(r: ControllerRefusal, ref: string, name: string, collectedAt: string): { clause: string; cause: string; action: string; fix: string; evidence: string } {
  const said = r.event.message;
  const fix = r.zone
    ? 'set spec.timeZone to a valid IANA zone name (Region/City from the tz database, e.g. the zone\'s main city) or remove it for UTC'
    : 'fix spec.schedule to five cron fields the controller parses';
  return {
    clause: r.zone ? `the controller cannot load its ${r.what} (unknown time zone) and schedules nothing` : `the controller cannot parse its ${r.what} (unparseable schedule) and schedules nothing`,
    cause: `The CronJob controller refuses to schedule the CronJob: "${said}" (${r.event.reason}${r.event.count > 1 ? ` ×${r.event.count}` : ''}). It creates no Job until the spec is fixed, and the runs it skips are not made up later; the Jobs and pods themselves are not at fault.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (\`kubectl edit ${ref}\` — the bot will not), then run what was missed by hand (\`kubectl create job --from=${ref} ${name}-manual\`).`,
    fix: `${fix}, then run the missed runs by hand`,
    evidence: `${r.event.reason}${r.event.count > 1 ? ` ×${r.event.count}` : ''} on the CronJob (${r.event.source ?? 'cronjob-controller'}), first ${formatAgo(r.event.firstSeen, collectedAt)}, last ${formatAgo(r.event.lastSeen, collectedAt)}: ${said}`,
  };
}
