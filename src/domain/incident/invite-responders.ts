/**
 * Brings the responders into the channel: PagerDuty assignees (PagerDuty user →
 * e-mail → Slack user) and, the first time, the catalog owners. People who cannot
 * be found are named in the channel once, with the reason, instead of vanishing.
 * While a look-up fails (PagerDuty down), the others are invited anyway, the channel says
 * who is still to come and why, the step is retried, and that line is updated when they are in.
 */
import { RootcauseError, describeError } from '../../errors.js';
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

  const pending: { name: string; why: string }[] = [];
  let lookupError: unknown;
  for (const person of incident.pagerduty?.assignees ?? []) {
    if (found[person.id] !== undefined) continue;
    if (unreachable[person.id] !== undefined) continue;
    let reason: Awaited<ReturnType<typeof findSlackUser>>;
    try {
      reason = await findSlackUser(deps, person.id);
    } catch (err) {
      if (!(err instanceof RootcauseError) || !err.retryable) throw err;
      lookupError = err;
      pending.push({ name: person.name, why: describeError(err) });
      continue;
    }
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
  const newlyFound = Object.keys(found).length > Object.keys(incident.assigneeSlackIds).length;
  incident = { ...incident, assigneeSlackIds: found };
  // The card was posted before the look-ups (it never waits for them): now it can mention them.
  if (newlyFound && incident.cardTs !== undefined) {
    await deps.chat.update(channel, incident.cardTs, { key: `${incident.id}/card`, kind: 'incident-card', incident });
  }
  if (newlyUnreachable.length > 0) {
    // Keyed by who is missing, so a retry finds the message it may already have posted.
    const step = `unreachable/${Object.keys(unreachable).filter((id) => incident.progress.unreachable?.[id] === undefined).join(',')}/${newlyUnreachable.length}`;
    const text = `:bust_in_silhouette: Could not invite: ${newlyUnreachable.join('; ')}. Please add them by hand.`;
    await postOnce(deps, incident, step, channel, { kind: 'text', text });
  }
  incident = { ...incident, progress: { ...incident.progress, unreachable } };
  await deps.incidents.save(incident);
  incident = await tellPending(deps, incident, pending);
  // The step is retried (the job's backoff) until the look-ups answer; the rest of the incident went on.
  if (lookupError !== undefined) throw lookupError;
  return incident;
}

/**
 * Says in the channel who is not invited yet and why, once; when nobody is pending any more,
 * updates that line to say they are in.
 */
async function tellPending(deps: IncidentDeps, incident: Incident, pending: { name: string; why: string }[]): Promise<Incident> {
  const channel = channelOf(incident);
  const ts = incident.progress.pendingInvitesTs;
  if (pending.length > 0) {
    const text = `:hourglass_flowing_sand: Not invited yet: ${pending.map((p) => p.name).join(', ')} — ${pending[0]?.why ?? 'a look-up failed'}. Retrying; this line will say when they are in.`;
    if (ts !== undefined) return incident;
    const posted = await postOnce(deps, incident, 'invites-pending', channel, { kind: 'text', text });
    incident = { ...incident, progress: { ...incident.progress, pendingInvitesTs: posted } };
    await deps.incidents.save(incident);
    return incident;
  }
  if (ts === undefined) return incident;
  const names = (incident.pagerduty?.assignees ?? []).filter((a) => incident.assigneeSlackIds[a.id] !== undefined).map((a) => deps.chat.userMention(incident.assigneeSlackIds[a.id] ?? ''));
  await deps.chat.update(channel, ts, { key: `${incident.id}/invites-pending`, kind: 'text', text: `:white_check_mark: Invited ${names.join(', ') || 'the responders'} once PagerDuty answered again.` });
  const { pendingInvitesTs: _done, ...progress } = incident.progress;
  incident = { ...incident, progress };
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
