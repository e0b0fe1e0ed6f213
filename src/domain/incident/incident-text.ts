/** Short texts about an incident shared by the channel topic, the card and the announcement. */
import { readerTime } from '../time-ref.js';
import type { Incident, Recurrence } from './incident.js';

/** Slack's topic limit. */
const MAX_TOPIC = 250;

export function buildTopic(incident: Incident): string {
  const pd = incident.pagerduty;
  const parts = [incident.title];
  if (pd?.priority) parts.push(pd.priority);
  if (pd?.urgency) parts.push(`${pd.urgency} urgency`);
  const link = pd?.htmlUrl ?? '';
  const head = parts.join(' | ');
  const room = MAX_TOPIC - (link === '' ? 0 : link.length + 3);
  const cut = head.length > room ? `${head.slice(0, Math.max(0, room - 1))}…` : head;
  return link === '' ? cut : `${cut} | ${link}`;
}

/**
 * "Has paged 3 times before: 2026-11-02 (root cause recorded), …" or undefined for a first incident.
 * Each date is the day in the reader's zone (an incident at 00:30 UTC was yesterday in New York).
 */
export function describeRecurrence(serviceName: string, recurrence: Recurrence | undefined): string | undefined {
  if (recurrence === undefined || recurrence.count === 0) return undefined;
  const times = recurrence.count === 1 ? 'once' : `${recurrence.count} times`;
  const recent = recurrence.recent
    .map((e) => `${readerTime(e.createdAt, 'date')} "${e.title}" (${e.rootCauseRecorded ? 'root cause recorded' : 'no root cause recorded'})`)
    .join('; ');
  const unfinished = recurrence.recent.filter((e) => !e.rootCauseRecorded).length;
  const warning = unfinished > 0 ? ` ${unfinished} of these never recorded a root cause: this may be the same problem again.` : '';
  return `${serviceName} has paged ${times} before: ${recent}.${warning}`;
}

export function serviceName(incident: Incident): string {
  return incident.services[0] ?? incident.pagerduty?.service.name ?? 'this service';
}
