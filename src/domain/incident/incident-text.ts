/** Short texts about an incident shared by the channel topic, the card and the announcement. */
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
export function announcementEmoji(incident: Incident): string {
  if (incident.status === 'resolved') return ':white_check_mark:';
  const level = incident.severity ?? priorityLevel(incident.pagerduty?.priority);
  if (level !== undefined) return level <= 2 ? ':rotating_light:' : level === 3 ? ':large_orange_circle:' : ':large_yellow_circle:';
  const urgency = incident.pagerduty?.urgency?.toLowerCase();
  if (urgency === 'high') return ':rotating_light:';
  if (urgency === 'low') return ':large_yellow_circle:';
  return ':large_orange_circle:';
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
export function buildAnnouncement(incident: Incident, channel: string, userMention: (slackId: string) => string): string {
  const pd = incident.pagerduty;
  const number = pd !== undefined && pd.number > 0 ? ` #${pd.number}` : '';
  const head = `${announcementEmoji(incident)} *Incident${number}: ${incident.title}*`;
  const details = [
    pd?.service.name,
    incident.severity !== undefined ? `SEV${incident.severity}` : undefined,
    pd?.priority,
    pd?.urgency ? `${pd.urgency} urgency` : undefined,
  ].filter(Boolean);
  const lines = [details.length > 0 ? `${head} — ${details.join(', ')}` : head, statusLine(incident, userMention), `Channel: ${channel}`];
  return lines.join('\n');
}

function statusLine(incident: Incident, userMention: (slackId: string) => string): string {
  const opened = `opened ${readerTime(incident.createdAt, 'datetime')}`;
  if (incident.status === 'resolved') {
    const at = incident.resolvedAt ?? incident.statusAt;
    const by = incident.resolvedBy !== undefined ? ` by ${userMention(incident.resolvedBy)}` : incident.statusBy ? ` by ${incident.statusBy}` : '';
    const lastedMs = Date.parse(at) - Date.parse(incident.createdAt);
    const lasted = Number.isNaN(lastedMs) || lastedMs < 0 ? undefined : formatSpan(lastedMs);
    return `*Resolved*${lasted === undefined ? '' : ` after ${lasted}`}${by} · ${opened}, resolved ${readerTime(at, 'datetime')}`;
  }
  const assignees = incident.pagerduty?.assignees.map((a) => a.name) ?? [];
  const lead = incident.leadSlackId !== undefined ? `lead ${userMention(incident.leadSlackId)}` : undefined;
  const who = [lead, assignees.length > 0 ? `assigned to ${assignees.join(', ')}` : undefined].filter(Boolean).join(', ');
  const status = incident.status === 'acknowledged' ? `*Acknowledged*${incident.statusBy ? ` by ${incident.statusBy}` : ''}` : '*Triggered*';
  return [status, who, opened].filter((p) => p !== '').join(' · ');
}
