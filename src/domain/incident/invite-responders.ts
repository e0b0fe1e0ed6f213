/**
 * Brings the responders into the channel: PagerDuty assignees (PagerDuty user →
 * e-mail → Slack user) and, the first time, the catalog owners. People who cannot
 * be found or invited are named on the incident card, with the reason, instead of vanishing.
 * While a look-up fails (PagerDuty down), the others are invited anyway, the card says
 * who is still to come and why, the step is retried, and the card is updated when they are in.
 * Side notes live on the card so the card stays the channel's first message.
 */
import { icon, joinInline, mention } from '../document.js';
import { RootcauseError, describeError } from '../../errors.js';
import type { Incident, IncidentProgress } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';
import { channelOf } from './incident.js';
import { refreshCard } from './refresh-incident.js';

export type InviteDeps = Pick<IncidentPorts, 'chat' | 'pager' | 'catalog' | 'incidents'>;

export async function inviteResponders(deps: InviteDeps, incident: Incident, includeOwners: boolean): Promise<Incident> {
  const channel = channelOf(incident);
  const found = { ...incident.assigneeSlackIds };
  const unreachable = { ...incident.progress.unreachable };
  const inviteFailures = { ...incident.progress.inviteFailures };
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
    }
  }
  if (includeOwners) {
    // The first time only: a later change of lead invites the new lead itself.
    if (incident.leadSlackId !== undefined) toInvite.add(incident.leadSlackId);
    for (const service of incident.services) for (const owner of deps.catalog.find(service)?.owners ?? []) toInvite.add(owner);
  }

  if (toInvite.size > 0) {
    const result = await deps.chat.inviteUsers(channel, [...toInvite]);
    const failed = new Map(result.failed.map((f) => [f.userId, f.reason]));
    for (const userId of toInvite) {
      const why = failed.get(userId);
      if (why === undefined) delete inviteFailures[userId];
      else inviteFailures[userId] = why;
    }
  }
  const before = incident;
  const { invitesPending: _was, ...rest } = incident.progress;
  const progress: IncidentProgress = { ...rest, unreachable, inviteFailures };
  if (pending.length > 0) progress.invitesPending = { names: pending.map((p) => p.name), why: pending[0]?.why ?? 'a look-up failed' };
  incident = { ...incident, assigneeSlackIds: found, progress };
  // The card was posted before the look-ups (it never waits for them): now it can mention them,
  // and say who could not be invited or is still to come.
  if (cardChanged(before, incident)) await refreshCard(deps, incident);
  await deps.incidents.save(incident);
  incident = await settleLegacyPendingLine(deps, incident, pending.length > 0);
  // The step is retried (the job's backoff) until the look-ups answer; the rest of the incident went on.
  if (lookupError !== undefined) throw lookupError;
  return incident;
}

function cardChanged(before: Incident, after: Incident): boolean {
  const seen = (i: Incident) =>
    JSON.stringify([i.assigneeSlackIds, i.progress.unreachable ?? {}, i.progress.inviteFailures ?? {}, i.progress.invitesPending ?? null]);
  return seen(before) !== seen(after);
}

/**
 * An incident opened by an earlier version may have its own "not invited yet" line in the
 * channel: once nobody is pending any more, that line says they are in.
 */
async function settleLegacyPendingLine(deps: InviteDeps, incident: Incident, stillPending: boolean): Promise<Incident> {
  const ts = incident.progress.pendingInvitesTs;
  if (ts === undefined || stillPending) return incident;
  const names = (incident.pagerduty?.assignees ?? []).filter((a) => incident.assigneeSlackIds[a.id] !== undefined).map((a) => mention(incident.assigneeSlackIds[a.id] ?? ''));
  const invited = names.length > 0 ? joinInline(names, ', ') : 'the responders';
  await deps.chat.update(channelOf(incident), ts, { key: `${incident.id}/invites-pending`, kind: 'text', text: [icon('resolved'), ' Invited ', invited, ' once PagerDuty answered again.'] });
  const { pendingInvitesTs: _done, ...progress } = incident.progress;
  incident = { ...incident, progress };
  await deps.incidents.save(incident);
  return incident;
}

async function findSlackUser(deps: InviteDeps, pagerDutyUserId: string): Promise<{ slackId: string } | { why: string }> {
  if (!deps.pager.canRead) return { why: 'PAGERDUTY_API_TOKEN is not set, so their e-mail cannot be looked up' };
  const email = await deps.pager.getUserEmail(pagerDutyUserId);
  if (email === undefined) return { why: `PagerDuty user ${pagerDutyUserId} not found` };
  const slackId = await deps.chat.findUserIdByEmail(email);
  return slackId === undefined ? { why: `no Slack user with the e-mail ${email}` } : { slackId };
}
