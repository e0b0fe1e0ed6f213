/**
 * The one way the incident's state is redrawn where people see it: its card in the channel and
 * its announcement. Each is rendered whole from the incident as it is now, so a retried job
 * sends the same content again and nothing else.
 */
import { updateAnnouncement } from './announce-incident.js';
import type { AnnounceDeps } from './announce-incident.js';
import { channelOf } from './incident.js';
import type { Incident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';

export type RefreshDeps = AnnounceDeps & Pick<IncidentPorts, 'incidents'>;

/** Redraws the card, once it has been posted. */
export async function refreshCard(deps: Pick<IncidentPorts, 'chat'>, incident: Incident): Promise<void> {
  if (incident.cardTs === undefined) return;
  await deps.chat.update(channelOf(incident), incident.cardTs, { key: `${incident.id}/card`, kind: 'incident-card', incident });
}

/**
 * The card (unless `card: false`: it was just posted from this very state), then the announcement
 * (unless `announcement: false`: nothing it shows changed). Returns the incident with the
 * announcement's ts when that had to be looked up, saved.
 */
export async function refreshIncidentPosts(deps: RefreshDeps, incident: Incident, show: { card?: boolean; announcement?: boolean } = {}): Promise<Incident> {
  if (show.card ?? true) await refreshCard(deps, incident);
  if (!(show.announcement ?? true)) return incident;
  const announced = await updateAnnouncement(deps, incident);
  if (announced !== incident) await deps.incidents.save(announced);
  return announced;
}
