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
  const userNames = await lookUpNames(deps, [
    incident.leadSlackId,
    incident.resolvedBy,
    incident.declaredBy,
    resolverId,
    ...Object.values(incident.assigneeSlackIds),
    ...items.map((i) => i.ownerId),
    ...timeline.flatMap((e) => [e.author, ...[...e.text.matchAll(MENTION)].map((m) => m[1])]),
  ]);
  const draft = buildPostmortemDraft({
    incident,
    timeline,
    actionItems: items.filter((i) => i.kind === 'action'),
    ...(item === undefined ? {} : { postmortemItem: item }),
    timeZone,
    now,
    userNames,
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
  await shareOnce(deps, incident.id, channel, { filename: draft.filename, title: draft.title, content: draft.markdown }, now);
  if (item !== undefined) await scheduleNextReminder(deps, item);
  return incident;
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const USER_ID = /^[UW][A-Z0-9]+$/;

/** Each person asked for once per draft; one the chat cannot name stays an id in the file. */
async function lookUpNames(deps: Pick<IncidentDeps, 'chat'>, ids: (string | undefined)[]): Promise<Map<string, string>> {
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

/**
 * The Markdown file, shared once. A share carries no key, so its file name (unique per incident)
 * is what a retry looks for: a share that happened before a crash or a failed answer is found in
 * the channel instead of being made twice; one that did not happen is made by the retry.
 */
async function shareOnce(deps: Pick<IncidentDeps, 'chat' | 'ledger'>, incidentId: string, channel: string, file: { filename: string; title: string; content: string }, now: Date): Promise<void> {
  const key = `${incidentId}/postmortem-file`;
  const state = await deps.ledger.read(key);
  if (state !== undefined && 'posted' in state) return;
  if (state !== undefined && (await deps.chat.findSharedFile(channel, file.filename))) {
    await deps.ledger.markPosted(key, 'shared');
    return;
  }
  if (state === undefined) await deps.ledger.claim(key, now.getTime());
  await deps.chat.uploadFile(channel, file);
  await deps.ledger.markPosted(key, 'shared');
}
