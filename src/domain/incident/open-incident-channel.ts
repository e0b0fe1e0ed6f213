/**
 * Page → channel (PRODUCT §6): the channel, its topic, the people, the card, the
 * announcement and the link back to PagerDuty. Each step checks "already done?"
 * first and saves when done, so a retry after any failure resumes where it stopped.
 * The caller holds the incident's lock.
 */
import { RootcauseError, dependencyRejected } from '../../errors.js';
import { postAnnouncement } from './announce-incident.js';
import type { AnnounceDeps } from './announce-incident.js';
import { buildChannelName, withSuffix } from './channel-name.js';
import { channelOf } from './incident.js';
import type { Incident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';
import { buildTopic } from './incident-text.js';
import { inviteResponders } from './invite-responders.js';
import type { InviteDeps } from './invite-responders.js';
import { postOnce } from './post-once.js';
import type { PostOnceDeps } from './post-once.js';
import { reportFailure } from './report-failure.js';
import type { ReportFailureDeps } from './report-failure.js';

const MAX_NAME_ATTEMPTS = 20;

export type OpenChannelDeps = AnnounceDeps & InviteDeps & PostOnceDeps & ReportFailureDeps & Pick<IncidentPorts, 'timeline' | 'requestTriage'>;

export async function openIncidentChannel(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  // What people need first never waits on an optional dependency: the channel, its topic, the
  // card, the announcement and the triage come before anything that asks PagerDuty.
  incident = await essential(deps, incident, 'create the incident channel', () => ensureChannel(deps, incident));
  incident = await optional(deps, incident, 'set the channel topic', 'topicSet', () => setTopic(deps, incident));
  incident = await essential(deps, incident, 'post the incident card', () => postCard(deps, incident));
  incident = await optional(deps, incident, 'announce the incident', 'announced', () => postAnnouncement(deps, incident));
  incident = await optional(deps, incident, 'start the triage', 'autoTriageRequested', () => requestAutoTriage(deps, incident));
  incident = await optional(deps, incident, 'invite the responders', 'invitesDone', () => inviteResponders(deps, incident, true));
  incident = await optional(deps, incident, 'post the channel link to PagerDuty', 'pagerDutyNoted', () =>
    noteInPagerDuty(deps, incident),
  );
  return incident;
}

type Flag = 'topicSet' | 'invitesDone' | 'announced' | 'pagerDutyNoted' | 'autoTriageRequested';

/** A step the incident cannot do without: a permanent failure is reported and fails the job. */
async function essential(deps: OpenChannelDeps, incident: Incident, what: string, run: () => Promise<Incident>): Promise<Incident> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RootcauseError && !err.retryable) await reportFailure(deps, incident, what, err);
    throw err;
  }
}

/** A step the incident can go on without: a permanent failure is reported and the step is not tried again. */
async function optional(
  deps: OpenChannelDeps,
  incident: Incident,
  what: string,
  flag: Flag,
  run: () => Promise<Incident>,
): Promise<Incident> {
  if (incident.progress[flag]) return incident;
  try {
    incident = await run();
  } catch (err) {
    if (!(err instanceof RootcauseError) || err.retryable) throw err;
    await reportFailure(deps, incident, what, err);
  }
  incident = { ...incident, progress: { ...incident.progress, [flag]: true } };
  await deps.incidents.save(incident);
  return incident;
}

async function ensureChannel(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  if (incident.channel) return incident;
  const requested = incident.progress.channelRequested;
  // Whether the name we asked for before is someone else's now; if nobody has it, ask again.
  let requestedTaken = false;
  if (requested !== undefined) {
    // We asked Slack for this name before and may have got it (a crash, or an answer lost after
    // Slack created it).
    const existing = await deps.chat.findChannelByName(requested);
    if (existing?.createdByBot && (await deps.incidents.claimChannel(existing.id, incident.id))) {
      return channelOpened(deps, incident, existing);
    }
    requestedTaken = existing !== undefined;
  }
  const pd = incident.pagerduty;
  // A sketch of an incident we could not read has no number: its PagerDuty id stands in.
  const number = pd !== undefined ? (pd.number > 0 ? pd.number : pd.id) : `d${incident.declaredNumber ?? incident.id}`;
  const base = buildChannelName(incident.createdAt, number, incident.title);
  for (let n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
    const name = n === 1 ? base : withSuffix(base, n);
    if (name === requested && requestedTaken) continue;
    incident = { ...incident, progress: { ...incident.progress, channelRequested: name } };
    await deps.incidents.save(incident);
    const result = await deps.chat.createChannel(name);
    if ('created' in result) {
      await deps.incidents.claimChannel(result.created.id, incident.id);
      return channelOpened(deps, incident, result.created);
    }
  }
  throw dependencyRejected('Slack', `the channel names ${base} to ${withSuffix(base, MAX_NAME_ATTEMPTS)} are all taken`);
}

async function channelOpened(deps: OpenChannelDeps, incident: Incident, channel: { id: string; name: string }): Promise<Incident> {
  incident = { ...incident, channel: { id: channel.id, name: channel.name } };
  await deps.incidents.save(incident);
  await deps.timeline.append(incident.id, {
    key: 'bot/channel-opened',
    at: deps.clock.now().toISOString(),
    source: 'bot',
    text: `Opened #${channel.name}`,
  });
  return incident;
}

async function setTopic(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  await deps.chat.setTopic(channelOf(incident), buildTopic(incident));
  return incident;
}

async function postCard(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  if (incident.cardTs !== undefined) return incident;
  const cardTs = await postOnce(deps, incident, 'card', channelOf(incident), { kind: 'incident-card', incident });
  incident = { ...incident, cardTs };
  await deps.incidents.save(incident);
  return incident;
}

async function noteInPagerDuty(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  const pd = incident.pagerduty;
  if (pd === undefined || !deps.pager.canWriteNotes) return incident;
  const url = await deps.chat.channelUrl(channelOf(incident));
  // Notes cannot carry our key, so after a possible crash mid-write we look for the link itself.
  // The incident's lock is held, so a claim found here is a crashed attempt's.
  const key = `${incident.id}/pagerduty-note`;
  const state = await deps.ledger.read(key);
  if (state !== undefined && 'posted' in state) return incident;
  if (state !== undefined) {
    const notes = await deps.pager.listIncidentNotes(pd.id);
    if (notes.some((n) => n.includes(url))) return incident;
  }
  await deps.ledger.claim(key, deps.clock.now().getTime());
  await deps.pager.addIncidentNote(pd.id, `Slack incident channel: #${incident.channel?.name ?? ''} ${url}`);
  await deps.ledger.markPosted(key, 'note');
  return incident;
}

/** Where the catalog maps the paging service to workloads, triage starts with the page. */
async function requestAutoTriage(deps: OpenChannelDeps, incident: Incident): Promise<Incident> {
  if (deps.requestTriage === undefined) return incident;
  for (const service of incident.services) {
    // The id makes a retried step queue the same job, which BullMQ keeps once.
    await deps.requestTriage({ id: `auto-${incident.id}-${service}`, service, channelId: channelOf(incident), incidentId: incident.id });
  }
  return incident;
}
