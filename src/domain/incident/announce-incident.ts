/**
 * The incident's post in the announce channel (PRODUCT §6): posted once when the channel opens,
 * then edited in place as the incident moves (acknowledged, escalated, resolved), so #incidents
 * always says where each incident stands without a second post. Every edit renders the whole
 * post from the saved incident, so a retried job sends the same content again and nothing else.
 */
import { RootcauseError } from '../../errors.js';
import type { Incident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';
import { buildAnnouncement } from './incident-text.js';
import { postOnce } from './post-once.js';

const STEP = 'announce';

export type AnnounceDeps = Pick<IncidentPorts, 'chat' | 'ledger' | 'clock' | 'log' | 'announceChannel'>;

/** Posts the announcement (once, whatever retries) and keeps its ts on the incident; the caller saves. */
export async function postAnnouncement(deps: AnnounceDeps, incident: Incident): Promise<Incident> {
  if (deps.announceChannel === undefined || incident.channel === undefined) return incident;
  const text = buildAnnouncement(incident);
  const ts = await postOnce(deps, incident, STEP, deps.announceChannel, { kind: 'text', text });
  return { ...incident, announcementTs: ts };
}

/**
 * Redraws the announcement from the incident as it is now. Never posts: an announcement that
 * was never made (no announce channel, or Slack refused it for good) stays unmade.
 * Returns the incident with the announcement's ts when it had to be looked up (the caller saves).
 */
export async function updateAnnouncement(deps: AnnounceDeps, incident: Incident): Promise<Incident> {
  const channel = deps.announceChannel;
  if (channel === undefined || incident.channel === undefined) return incident;
  const ts = incident.announcementTs ?? (await findAnnouncement(deps, incident, channel));
  if (ts === undefined) return incident;
  const key = `${incident.id}/${STEP}`;
  const text = buildAnnouncement(incident);
  try {
    await deps.chat.update(channel, ts, { key, kind: 'text', text });
  } catch (err) {
    // Someone deleted the post, or the bot left the channel: the incident goes on without it.
    if (!(err instanceof RootcauseError) || err.retryable) throw err;
    deps.log.warn({ incidentId: incident.id, err: err.message }, 'could not update the announcement');
  }
  return incident.announcementTs === ts ? incident : { ...incident, announcementTs: ts };
}

/** Announced before its ts was kept (a crash between Slack's answer and the save, or an older version). */
async function findAnnouncement(deps: AnnounceDeps, incident: Incident, channel: string): Promise<string | undefined> {
  const key = `${incident.id}/${STEP}`;
  const state = await deps.ledger.read(key);
  if (state !== undefined && 'posted' in state) return state.posted;
  return deps.chat.findPostedMessage(channel, key);
}
