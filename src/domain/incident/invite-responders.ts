/**
 * Brings the responders into the channel: PagerDuty assignees (PagerDuty user →
 * e-mail → Slack user) and, the first time, the catalog owners. People who cannot
 * be found are named in the channel once, with the reason, instead of vanishing.
 */
import type { Incident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';
import { channelOf } from './open-incident-channel.js';
import { postOnce } from './post-once.js';

export async function inviteResponders(deps: IncidentDeps, incident: Incident, includeOwners: boolean): Promise<Incident> {
  const channel = channelOf(incident);
  const found = { ...incident.assigneeSlackIds };
  const unreachable = { ...incident.progress.unreachable };
  const newlyUnreachable: string[] = [];
  const toInvite = new Set<string>();

  for (const person of incident.pagerduty?.assignees ?? []) {
    if (found[person.id] !== undefined) continue;
    if (unreachable[person.id] !== undefined) continue;
    const reason = await findSlackUser(deps, person.id);
    if ('slackId' in reason) {
      found[person.id] = reason.slackId;
      toInvite.add(reason.slackId);
    } else {
      unreachable[person.id] = reason.why;
      newlyUnreachable.push(`${person.name} (${reason.why})`);
    }
  }
  if (includeOwners) {
    // The first time only: a later change of lead invites the new lead itself.
    if (incident.leadSlackId !== undefined) toInvite.add(incident.leadSlackId);
    for (const service of incident.services) for (const owner of deps.catalog.find(service)?.owners ?? []) toInvite.add(owner);
  }

  if (toInvite.size > 0) {
    const result = await deps.chat.inviteUsers(channel, [...toInvite]);
    for (const f of result.failed) newlyUnreachable.push(`${deps.chat.userMention(f.userId)} (${f.reason})`);
  }
  incident = { ...incident, assigneeSlackIds: found };
  if (newlyUnreachable.length > 0) {
    // Keyed by who is missing, so a retry finds the message it may already have posted.
    const step = `unreachable/${Object.keys(unreachable).filter((id) => incident.progress.unreachable?.[id] === undefined).join(',')}/${newlyUnreachable.length}`;
    const text = `:bust_in_silhouette: Could not invite: ${newlyUnreachable.join('; ')}. Please add them by hand.`;
    await postOnce(deps, incident, step, channel, { kind: 'text', text });
  }
  incident = { ...incident, progress: { ...incident.progress, unreachable } };
  await deps.incidents.save(incident);
  return incident;
}

async function findSlackUser(deps: IncidentDeps, pagerDutyUserId: string): Promise<{ slackId: string } | { why: string }> {
  if (!deps.pager.canRead) return { why: 'PAGERDUTY_API_TOKEN is not set, so their e-mail cannot be looked up' };
  const email = await deps.pager.getUserEmail(pagerDutyUserId);
  if (email === undefined) return { why: `PagerDuty user ${pagerDutyUserId} not found` };
  const slackId = await deps.chat.findUserIdByEmail(email);
  return slackId === undefined ? { why: `no Slack user with the e-mail ${email}` } : { slackId };
}
