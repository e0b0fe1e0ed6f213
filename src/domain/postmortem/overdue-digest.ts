/**
 * Once a week each incident lead gets one DM listing the overdue items of their
 * incidents. Keyed by week and lead, so a retried or doubled job sends it once.
 */
import { channel, icon, joinInline, mention, strong, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import { postExactlyOnce } from '../post-exactly-once.js';
import { describeDue } from './action-item.js';
import type { ActionItem } from './action-item.js';
import type { ActionItemPorts } from './postmortem-ports.js';

export async function sendOverdueDigests(deps: Pick<ActionItemPorts, 'chat' | 'ledger' | 'items' | 'incidents' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const overdue = (await deps.items.allOpen()).filter((i) => Date.parse(i.dueAt) < now.getTime());
  const byLead = new Map<string, { title: string; channelId: string | undefined; item: ActionItem }[]>();
  for (const item of overdue) {
    const incident = await deps.incidents.get(item.incidentId);
    const lead = incident?.leadSlackId ?? incident?.resolvedBy ?? item.ownerId;
    const list = byLead.get(lead) ?? [];
    list.push({ title: incident?.title ?? item.incidentId, channelId: incident?.channel?.id, item });
    byLead.set(lead, list);
  }
  const week = isoWeek(now);
  for (const [lead, entries] of byLead) {
    const lines = entries.map(({ title, channelId, item }): Inline => {
      const said = deps.chat.readText(item.text);
      return ['• ', strong(item.id), ' ', mention(item.ownerId), `, due ${describeDue(item)}: `, withMentions(said.text, said.mentions), ` — "${title}"`, channelId ? [' ', channel(channelId)] : ''];
    });
    const text: Inline = [icon('waiting'), ` Overdue follow-ups of incidents you lead (${entries.length}):\n`, joinInline(lines, '\n'), '\nRecurring incidents are unfinished ones: close these or give them a new date.'];
    await postExactlyOnce(deps, lead, { key: `digest/${week}/${lead}`, kind: 'text', text }, {}, (m) => deps.chat.postDirect(lead, m));
  }
  return byLead.size;
}

/** `2026-W47`: the digest's idempotency key. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
