/**
 * One PagerDuty event, end to end: the incident record, the channel (opened first
 * if the bot has never seen the incident, whatever the event), the card kept in
 * step, a short line in the channel, and a timeline entry. Safe to run twice:
 * everything is keyed by the event id or guarded by "already done?".
 */
import { updateAnnouncement } from './announce-incident.js';
import { applyPagedIncident, incidentIdForPagerDuty, newPagedIncident } from './incident.js';
import type { Incident, PagedIncident } from './incident.js';
import type { IncidentDeps } from './incident-deps.js';
import { inviteResponders } from './invite-responders.js';
import { channelOf, openIncidentChannel } from './open-incident-channel.js';
import { describePageEvent } from './page-event.js';
import type { PageEvent } from './page-event.js';
import { postOnce } from './post-once.js';
import { publishPostmortem } from '../postmortem/publish-postmortem.js';

const RECURRENCE_SHOWN = 5;
const STATUS_EVENTS = new Set<PageEvent['type']>(['acknowledged', 'unacknowledged', 'reopened', 'resolved']);

export async function handlePageEvent(deps: IncidentDeps, event: PageEvent): Promise<Incident> {
  const id = incidentIdForPagerDuty(event.incidentId);
  return deps.incidents.withLock(id, async () => {
    let incident = await deps.incidents.get(id);
    if (incident === undefined) incident = await recordNewIncident(deps, event);
    else if (event.incident !== undefined) incident = applyPagedIncident(incident, event.incident, event.occurredAt);
    // Who moved it, for the announcement ("Acknowledged by Alice"), when this event moved it.
    if (STATUS_EVENTS.has(event.type) && incident.statusAt === event.occurredAt && incident.statusBy !== event.agent) incident = { ...incident, statusBy: event.agent };
    await deps.incidents.save(incident);

    const line = describePageEvent(event);
    await deps.timeline.append(incident.id, {
      key: `pagerduty/${event.id}`,
      at: event.occurredAt,
      source: 'pagerduty',
      text: line,
      important: event.type === 'resolved' || event.type === 'reopened' || event.type === 'annotated',
    });

    const isNew = incident.cardTs === undefined;
    incident = await openIncidentChannel(deps, incident);
    if (event.type === 'triggered' && isNew) return incident;

    if (incident.status === 'resolved') await deps.clusterWatch?.unwatch(incident.id);
    if (event.type === 'reopened' && deps.requestTriage !== undefined) {
      // A fresh look at the workload, which also watches its cluster events again.
      for (const service of incident.services) {
        await deps.requestTriage({ id: `reopen-${event.id}-${service}`, service, channelId: channelOf(incident), incidentId: incident.id });
      }
    }
    if (event.type === 'reassigned' || event.type === 'escalated' || event.type === 'delegated') {
      incident = await inviteResponders(deps, incident, false);
    }
    if (event.type !== 'triggered') {
      await postOnce(deps, incident, `event/${event.id}`, channelOf(incident), { kind: 'text', text: line });
    }
    if (incident.cardTs !== undefined && !isNew) {
      await deps.chat.update(channelOf(incident), incident.cardTs, { key: `${incident.id}/card`, kind: 'incident-card', incident });
    }
    incident = await followInAnnouncement(deps, incident);
    if (event.type === 'resolved' && incident.status === 'resolved') incident = await publishPostmortem(deps, incident, incident.resolvedBy);
    return incident;
  });
}

/** The #incidents post shows where the incident stands now; its ts is kept once looked up. */
async function followInAnnouncement(deps: IncidentDeps, incident: Incident): Promise<Incident> {
  const updated = await updateAnnouncement(deps, incident);
  if (updated !== incident) await deps.incidents.save(updated);
  return updated;
}

async function recordNewIncident(deps: IncidentDeps, event: PageEvent): Promise<Incident> {
  const paged = event.incident ?? (deps.pager.canRead ? await deps.pager.getIncident(event.incidentId) : undefined) ?? sketchFromReference(event);
  const services = deps.catalog.findByPagerDutyService(paged.service.id).map((s) => s.name);
  let incident = newPagedIncident(paged, services);
  if (event.incident !== undefined && event.occurredAt > incident.statusAt) {
    incident = applyPagedIncident(incident, event.incident, event.occurredAt);
  }
  const historyKey = `pagerduty/${paged.service.id}`;
  const recurrence = await deps.incidents.earlierIncidents(historyKey, paged.createdAt, RECURRENCE_SHOWN);
  incident = { ...incident, recurrence };
  await deps.incidents.save(incident);
  await deps.incidents.addToServiceHistory(historyKey, incident);
  return incident;
}

/** An `annotated` event for an incident we never saw, and no REST token to read it: open with what we know. */
function sketchFromReference(event: PageEvent): PagedIncident {
  return {
    id: event.incidentId,
    number: 0,
    title: event.incidentRef.title ?? `PagerDuty incident ${event.incidentId}`,
    status: 'triggered',
    htmlUrl: event.incidentRef.htmlUrl ?? '',
    createdAt: event.occurredAt,
    service: { id: 'unknown', name: 'unknown service' },
    assignees: [],
    urgency: undefined,
    priority: undefined,
    escalationPolicy: undefined,
  };
}
