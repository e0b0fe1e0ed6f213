/**
 * On resolve, once however the resolve arrives (PagerDuty, the command, the button): the
 * post-mortem becomes an item owned by the lead (else the resolver) due in five business
 * days, and its draft is posted in the channel and shared as a Markdown file. A reopened
 * and re-resolved incident keeps the one it has. The caller holds the incident's lock.
 */
import type { Incident } from '../incident/incident.js';
import type { IncidentDeps } from '../incident/incident-deps.js';
import { channelOf } from '../incident/open-incident-channel.js';
import { postOnce } from '../incident/post-once.js';
import type { ActionItem } from './action-item.js';
import { scheduleNextReminder } from './action-items.js';
import { postmortemDueAt } from './business-days.js';
import { buildPostmortemDraft } from './postmortem-draft.js';

export async function publishPostmortem(deps: IncidentDeps, incident: Incident, resolverId: string | undefined): Promise<Incident> {
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
  const draft = buildPostmortemDraft({
    incident,
    timeline,
    actionItems: items.filter((i) => i.kind === 'action'),
    ...(item === undefined ? {} : { postmortemItem: item }),
    timeZone,
    now,
  });
  const channel = channelOf(incident);
  const ownerLine =
    item === undefined
      ? ':warning: Nobody owns this post-mortem yet: name a lead with `/incident lead @user`.'
      : `:memo: Post-mortem draft — owner ${deps.chat.userMention(item.ownerId)}, due ${item.dueDate ?? item.dueAt.slice(0, 10)} (\`/incident done ${item.id}\` when it is written).`;
  await postOnce(deps, incident, 'postmortem/intro', channel, { kind: 'text', text: ownerLine });
  for (const [i, document] of draft.summary.entries()) {
    await postOnce(deps, incident, `postmortem/${i}`, channel, { kind: 'document', document });
  }
  // A file share carries no key to find it by; the ledger keeps a retry from sharing it twice
  // (a crash mid-upload leaves it unshared rather than doubled: the draft is in the channel anyway).
  const fileKey = `${incident.id}/postmortem-file`;
  if (await deps.ledger.claim(fileKey, now.getTime())) {
    await deps.chat.uploadFile(channel, { filename: draft.filename, title: draft.title, content: draft.markdown });
    await deps.ledger.markPosted(fileKey, 'shared');
  }
  if (item !== undefined) await scheduleNextReminder(deps, item);
  return incident;
}
