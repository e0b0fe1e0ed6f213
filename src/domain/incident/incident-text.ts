/** Short texts about an incident shared by the channel topic, the card and the announcement. */
import { channel, icon, joinInline, mention, strong } from '../document.js';
import type { Icon, Inline } from '../document.js';
import { readerTime } from '../time-ref.js';
import type { Incident, Recurrence } from './incident.js';
import { formatSpan, truncate } from '../text.js';

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
  const cut = truncate(head, room);
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

/**
 * The announcement's emoji: a siren only for what needs people now. Severity set in Slack wins,
 * then PagerDuty's priority, then its urgency; a resolved incident is ticked off.
 */
export function announcementIcon(incident: Incident): Icon {
  if (incident.status === 'resolved') return 'resolved';
  const level = incident.severity ?? priorityLevel(incident.pagerduty?.priority);
  if (level !== undefined) return level <= 2 ? 'incident' : level === 3 ? 'moderate' : 'minor';
  const urgency = incident.pagerduty?.urgency?.toLowerCase();
  if (urgency === 'high') return 'incident';
  if (urgency === 'low') return 'minor';
  return 'moderate';
}

/** "P1" → 1; priorities named otherwise say nothing about how urgent they are. */
function priorityLevel(priority: string | undefined): number | undefined {
  const m = /^\s*P([0-5])\b/i.exec(priority ?? '');
  return m === null ? undefined : Math.max(1, Number(m[1]));
}

/**
 * The #incidents post: what, how bad, where it stands and who has it, and where to go.
 * Resolved: for how long it lasted. Times are markers the chat draws in the reader's zone.
 */
export function buildAnnouncement(incident: Incident): Inline {
  const pd = incident.pagerduty;
  const number = pd !== undefined && pd.number > 0 ? ` #${pd.number}` : '';
  const head: Inline = [icon(announcementIcon(incident)), ' ', strong(`Incident${number}: ${incident.title}`)];
  const details = [
    pd?.service.name,
    incident.severity !== undefined ? `SEV${incident.severity}` : undefined,
    pd?.priority,
    pd?.urgency ? `${pd.urgency} urgency` : undefined,
  ].filter(Boolean);
  const where: Inline = incident.channel === undefined ? [] : ['\nChannel: ', channel(incident.channel.id)];
  return [details.length > 0 ? [head, ` — ${details.join(', ')}`] : head, '\n', statusLine(incident), where];
}

function statusLine(incident: Incident): Inline {
  const opened = `opened ${readerTime(incident.createdAt, 'datetime')}`;
  if (incident.status === 'resolved') {
    const at = incident.resolvedAt ?? incident.statusAt;
    const by: Inline = incident.resolvedBy !== undefined ? [' by ', mention(incident.resolvedBy)] : incident.statusBy ? ` by ${incident.statusBy}` : '';
    const lastedMs = Date.parse(at) - Date.parse(incident.createdAt);
    const lasted = Number.isNaN(lastedMs) || lastedMs < 0 ? undefined : formatSpan(lastedMs);
    return [strong('Resolved'), lasted === undefined ? '' : ` after ${lasted}`, by, ` · ${opened}, resolved ${readerTime(at, 'datetime')}`];
  }
  const assignees = incident.pagerduty?.assignees.map((a) => a.name) ?? [];
  const who: Inline[] = [];
  if (incident.leadSlackId !== undefined) who.push(['lead ', mention(incident.leadSlackId)]);
  if (assignees.length > 0) who.push(`assigned to ${assignees.join(', ')}`);
  const status: Inline = incident.status === 'acknowledged' ? [strong('Acknowledged'), incident.statusBy ? ` by ${incident.statusBy}` : ''] : strong('Triggered');
  return joinInline([status, ...(who.length > 0 ? [joinInline(who, ', ')] : []), opened], ' · ');
}
