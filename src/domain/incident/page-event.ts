import type { PagedIncident, PagerDutyPerson } from './incident.js';

/** The PagerDuty incident event types the bot acts on; anything else is acknowledged and ignored. */
export const PAGE_EVENT_TYPES = [
  'triggered',
  'acknowledged',
  'unacknowledged',
  'escalated',
  'reassigned',
  'delegated',
  'priority_updated',
  'annotated',
  'reopened',
  'resolved',
] as const;
export type PageEventType = (typeof PAGE_EVENT_TYPES)[number];

/** One PagerDuty webhook event, in domain words. Small enough to be a job payload. */
export interface PageEvent {
  /** PagerDuty's event id: the same on every redelivery. */
  id: string;
  type: PageEventType;
  occurredAt: string;
  /** Who did it (a user's name, or the integration). */
  agent: string | undefined;
  incidentId: string;
  /** The incident as of this event; absent for `annotated`, whose data is the note. */
  incident: PagedIncident | undefined;
  /** What PagerDuty tells of the incident when `incident` is absent. */
  incidentRef: { title: string | undefined; htmlUrl: string | undefined };
  /** `annotated`: the note's text. */
  note: string | undefined;
  resolveReason: string | undefined;
}

function names(people: PagerDutyPerson[]): string {
  return people.length === 0 ? 'nobody' : people.map((p) => p.name).join(', ');
}

/** The short line posted in the channel and written on the timeline for an event. */
export function describePageEvent(event: PageEvent): string {
  const by = event.agent === undefined ? '' : ` by ${event.agent}`;
  const inc = event.incident;
  switch (event.type) {
    case 'triggered':
      return `Triggered in PagerDuty${inc ? ` (${inc.urgency ?? 'unknown'} urgency)` : ''}`;
    case 'acknowledged':
      return `Acknowledged${by}`;
    case 'unacknowledged':
      return 'Unacknowledged: the acknowledgement timed out, the incident is triggered again';
    case 'escalated':
      return `Escalated${inc ? ` to ${names(inc.assignees)}` : ''}${by}`;
    case 'reassigned':
      return `Reassigned${inc ? ` to ${names(inc.assignees)}` : ''}${by}`;
    case 'delegated':
      return `Delegated${inc?.escalationPolicy ? ` to ${inc.escalationPolicy}` : ''}${by}`;
    case 'priority_updated':
      return `Priority changed to ${inc?.priority ?? 'none'}${by}`;
    case 'annotated':
      return `Note${by}: ${event.note ?? ''}`;
    case 'reopened':
      return `Reopened${by}`;
    case 'resolved':
      return `Resolved in PagerDuty${by}${event.resolveReason ? ` (${event.resolveReason})` : ''}`;
  }
}
