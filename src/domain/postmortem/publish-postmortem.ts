/**
 * On resolve, once however the resolve arrives (PagerDuty, the command, the button): the
 * post-mortem becomes an item owned by the lead (else the resolver) due in five business
 * days, and its draft is posted in the channel and shared as a Markdown file. A reopened
 * and re-resolved incident keeps the one it has. The caller holds the incident's lock.
 */
import { code, icon, mention } from '../document.js';
import type { Inline } from '../document.js';
import { shareFileExactlyOnce } from '../post-exactly-once.js';
import type { Incident } from '../incident/incident.js';
import { channelOf } from '../incident/incident.js';
import { postOnce } from '../incident/post-once.js';
import type { ActionItem } from './action-item.js';
import { scheduleNextReminder } from './action-items.js';
import type { ActionItemPorts } from './postmortem-ports.js';
import { postmortemDueAt } from './business-days.js';
import { buildPostmortemDraft } from './postmortem-draft.js';

export type PostmortemDeps = Pick<ActionItemPorts, 'chat' | 'ledger' | 'items' | 'reminders' | 'incidents' | 'timeline' | 'clock'>;

export async function publishPostmortem(deps: PostmortemDeps, incident: Incident, resolverId: string | undefined): Promise<Incident> {
  if (incident.channel === undefined) return incident;
  const owner = incident.leadSlackId ?? resolverId ?? Object.values(incident.assigneeSlackIds)[0];
  const timeZone = owner === undefined ? 'UTC' : ((await deps.chat.userTimeZone(owner).catch(() => undefined)) ?? 'UTC');
  const now = deps.clock.now();

  let item = incident.postmortemItemId === undefined ? undefined : await deps.items.get(incident.postmortemItemId);
  if (item === undefined && owner !== undefined) {
    item = {
      id: await deps.items.nextId(),
      incidentId: incident.id,
      text: `Write the post-mortem of "${incident.title}"`,
      ownerId: owner,
      ownerTimeZone: timeZone,
      ...postmortemDueAt(new Date(incident.resolvedAt ?? now.toISOString()), timeZone),
      createdAt: now.toISOString(),
      createdBy: resolverId ?? owner,
      kind: 'postmortem',
      status: 'open',
    } satisfies ActionItem;
    await deps.items.save(item);
    incident = { ...incident, postmortemItemId: item.id };
    await deps.incidents.save(incident);
  }

  const [timeline, items] = await Promise.all([deps.timeline.list(incident.id), deps.items.forIncident(incident.id)]);
  const userNames = await lookUpNames(deps, [
    incident.leadSlackId,
    incident.resolvedBy,
    incident.declaredBy,
    resolverId,
    ...Object.values(incident.assigneeSlackIds),
    ...items.map((i) => i.ownerId),
    ...timeline.flatMap((e) => [e.author, ...(e.mentions ?? [])]),
  ]);
  const draft = buildPostmortemDraft({
    incident,
    timeline,
    actionItems: items.filter((i) => i.kind === 'action'),
    ...(item === undefined ? {} : { postmortemItem: item }),
    timeZone,
    now,
    userNames,
    readText: (text) => deps.chat.readText(text),
  });
  const channel = channelOf(incident);
  const ownerLine: Inline =
    item === undefined
      ? [icon('warning'), ' Nobody owns this post-mortem yet: name a lead with ', code('/incident lead @user'), '.']
      : [icon('note'), ' Post-mortem draft — owner ', mention(item.ownerId), `, due ${item.dueDate ?? item.dueAt.slice(0, 10)} (`, code(`/incident done ${item.id}`), ' when it is written).'];
  await postOnce(deps, incident, 'postmortem/intro', channel, { kind: 'text', text: ownerLine });
  for (const [i, document] of draft.summary.entries()) {
    await postOnce(deps, incident, `postmortem/${i}`, channel, { kind: 'document', document });
  }
  await shareFileExactlyOnce(deps, `${incident.id}/postmortem-file`, channel, { filename: draft.filename, title: draft.title, content: draft.markdown });
  if (item !== undefined) await scheduleNextReminder(deps, item);
  return incident;
}

const USER_ID = /^[UW][A-Z0-9]+$/;

/** Each person asked for once per draft; one the chat cannot name stays an id in the file. */
async function lookUpNames(deps: Pick<PostmortemDeps, 'chat'>, ids: (string | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== undefined && USER_ID.test(id)))];
  const names = new Map<string, string>();
  await Promise.all(
    unique.map(async (id) => {
      const name = await deps.chat.userName(id).catch(() => undefined);
      if (name !== undefined) names.set(id, name);
    }),
  );
  return names;
}
