/**
 * One PagerDuty event, end to end: the incident record, the channel (opened first
 * if the bot has never seen the incident, whatever the event), the card kept in
 * step, a short line in the channel, and a timeline entry. Safe to run twice:
 * everything is keyed by the event id or guarded by "already done?".
 */
import { applyPagedIncident, incidentIdForPagerDuty, newPagedIncident } from './incident.js';
import type { Incident, PagedIncident } from './incident.js';
import type { IncidentPorts } from './incident-ports.js';
import { inviteResponders } from './invite-responders.js';
import { channelOf } from './incident.js';
import { openIncidentChannel } from './open-incident-channel.js';
import type { OpenChannelDeps } from './open-incident-channel.js';
import { describePageEvent } from './page-event.js';
import type { PageEvent } from './page-event.js';
import { postOnce } from './post-once.js';
import { refreshIncidentPosts } from './refresh-incident.js';
import { resolveIncident } from './resolve-incident.js';
import type { ResolveDeps } from './resolve-incident.js';

const RECURRENCE_SHOWN = 5;
const STATUS_EVENTS = new Set<PageEvent['type']>(['acknowledged', 'unacknowledged', 'reopened', 'resolved']);

export type PageEventDeps = OpenChannelDeps & ResolveDeps & Pick<IncidentPorts, 'catalog'>;

export async function handlePageEvent(deps: PageEventDeps, event: PageEvent): Promise<Incident> {
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
    if (event.type === 'resolved' && incident.status === 'resolved') {
      return resolveIncident(deps, incident, { from: 'pagerduty', eventId: event.id, line, cardJustPosted: isNew });
    }

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
    // The #incidents post shows where the incident stands now; the card was just posted when new.
    return refreshIncidentPosts(deps, incident, { card: !isNew });
  });
}

async function recordNewIncident(deps: PageEventDeps, event: PageEvent): Promise<Incident> {
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
