/** The incident card: what is happening, to what, who has it, and the buttons that act on it. */
import { link, mention } from '../../domain/document.js';
import { mrkdwn } from './render-document.js';
import type { Incident } from '../../domain/incident/incident.js';
import { describeRecurrence, serviceName } from '../../domain/incident/incident-text.js';
import { readerTime } from '../../domain/time-ref.js';
import { button, context, escapeMrkdwn, fields, header } from './block-kit.js';
import type { Block } from './block-kit.js';

export const ACTION_RUN_TRIAGE = 'rootcause_run_triage';
export const ACTION_RESOLVE = 'rootcause_resolve';

const STATUS = {
  triggered: { emoji: ':red_circle:', label: 'Triggered' },
  acknowledged: { emoji: ':large_yellow_circle:', label: 'Acknowledged' },
  resolved: { emoji: ':white_check_mark:', label: 'Resolved' },
} as const;

export function incidentCardText(incident: Incident): string {
  const number = incident.pagerduty?.number ? ` #${incident.pagerduty.number}` : '';
  return `Incident${number}: ${incident.title} (${STATUS[incident.status].label.toLowerCase()})`;
}

export function incidentCardBlocks(incident: Incident): Block[] {
  const pd = incident.pagerduty;
  const status = STATUS[incident.status];
  const assignees = (pd?.assignees ?? []).map((a) => {
    const slackId = incident.assigneeSlackIds[a.id];
    return slackId ? mrkdwn(mention(slackId)) : escapeMrkdwn(a.name);
  });
  const pairs: [string, string][] = [
    ['Status', `${status.emoji} ${status.label}`],
    ['Service', escapeMrkdwn(serviceName(incident))],
    ['Assignees', assignees.length > 0 ? assignees.join(', ') : 'nobody'],
  ];
  if (pd?.urgency) pairs.push(['Urgency', escapeMrkdwn(pd.urgency)]);
  if (pd?.priority) pairs.push(['Priority', escapeMrkdwn(pd.priority)]);
  if (incident.severity !== undefined) pairs.push(['Severity', `SEV${incident.severity}`]);
  if (incident.leadSlackId) pairs.push(['Lead', mrkdwn(mention(incident.leadSlackId))]);
  if (pd?.htmlUrl) pairs.push(['PagerDuty', mrkdwn(link(pd.htmlUrl, `#${pd.number || pd.id}`))]);

  const blocks: Block[] = [header(`${incident.status === 'resolved' ? '' : '🚨 '}${incident.title}`), fields(pairs)];
  // Times in each reader's own zone (the Slack adapter draws the markers as date tokens).
  const notes = [`Opened ${readerTime(incident.createdAt)}`];
  if (incident.resolvedAt) notes.push(`resolved ${readerTime(incident.resolvedAt)}`);
  blocks.push(context(notes.join(' · ')));
  const invites = inviteNotes(incident);
  if (invites) blocks.push(context(invites));
  const recurrence = describeRecurrence(serviceName(incident), incident.recurrence);
  if (recurrence) blocks.push(context(`:repeat: ${escapeMrkdwn(recurrence)}`));
  if (incident.status !== 'resolved') {
    blocks.push({
      type: 'actions',
      block_id: 'incident_actions',
      elements: [
        button('Run triage', ACTION_RUN_TRIAGE, incident.id, 'primary'),
        {
          ...button('Resolve', ACTION_RESOLVE, incident.id, 'danger'),
          confirm: {
            title: { type: 'plain_text', text: 'Resolve this incident?' },
            text: { type: 'mrkdwn', text: 'This marks the incident resolved in Rootcause.' },
            confirm: { type: 'plain_text', text: 'Resolve' },
            deny: { type: 'plain_text', text: 'Cancel' },
          },
        },
      ],
    });
  }
  return blocks;
}

/**
 * Who could not be invited, or is not invited yet, and why: on the card (not a message of its
 * own) so the card stays the channel's first message, and updated in place when they are in.
 * Once resolved nobody needs inviting any more.
 */
function inviteNotes(incident: Incident): string | undefined {
  if (incident.status === 'resolved') return undefined;
  const { unreachable = {}, inviteFailures = {}, invitesPending } = incident.progress;
  const nameOf = (pagerDutyId: string) => incident.pagerduty?.assignees.find((a) => a.id === pagerDutyId)?.name ?? pagerDutyId;
  const missing = [
    ...Object.entries(unreachable).map(([id, why]) => `${escapeMrkdwn(nameOf(id))} (${escapeMrkdwn(why)})`),
    ...Object.entries(inviteFailures).map(([userId, why]) => `${mrkdwn(mention(userId))} (${escapeMrkdwn(why)})`),
  ];
  const lines: string[] = [];
  if (missing.length > 0) lines.push(`:bust_in_silhouette: Could not invite: ${missing.join('; ')}. Please add them by hand.`);
  if (invitesPending !== undefined) {
    lines.push(`:hourglass_flowing_sand: Not invited yet: ${invitesPending.names.map(escapeMrkdwn).join(', ')} — ${escapeMrkdwn(invitesPending.why)}. Retrying; this card says when they are in.`);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}
