/** The reminder DM: what is due, when, for which incident, with Done and Snooze buttons. */
import { channel } from '../../domain/document.js';
import { mrkdwn } from './render-document.js';
import { describeDue } from '../../domain/postmortem/action-item.js';
import type { ActionItem } from '../../domain/postmortem/action-item.js';
import { button, context, escapeMrkdwn, section } from './block-kit.js';
import type { Block } from './block-kit.js';

export const ACTION_ITEM_DONE = 'rootcause_item_done';
export const ACTION_ITEM_SNOOZE = 'rootcause_item_snooze';

const WHEN = { 'day-before': 'is coming due', due: 'is due now', overdue: 'is overdue' } as const;

export function reminderText(item: ActionItem, reminder: keyof typeof WHEN, incidentTitle: string): string {
  const what = item.kind === 'postmortem' ? 'The post-mortem' : `Action item ${item.id}`;
  return `${what} ${WHEN[reminder]} (due ${describeDue(item)}): ${item.text} — incident "${incidentTitle}"`;
}

export function reminderBlocks(item: ActionItem, reminder: keyof typeof WHEN, incidentTitle: string, channelId: string | undefined): Block[] {
  const what = item.kind === 'postmortem' ? '*The post-mortem*' : `*Action item ${item.id}*`;
  // The adapter's payload pass draws an exact deadline in the reader's zone; a date stays a date.
  const due = describeDue(item);
  return [
    section(`:alarm_clock: ${what} ${WHEN[reminder]} — due ${due}\n>${escapeMrkdwn(item.text)}`),
    context(`Incident "${escapeMrkdwn(incidentTitle)}"${channelId ? ` in ${mrkdwn(channel(channelId))}` : ''} · \`/incident done ${item.id}\` works too`),
    {
      type: 'actions',
      block_id: `item_${item.id}`,
      elements: [button('Done', ACTION_ITEM_DONE, item.id, 'primary'), button('Snooze 1 day', ACTION_ITEM_SNOOZE, item.id)],
    },
  ];
}
