/** PagerDuty events in domain words, for the flow tests: one incident, its events by type. */
import type { PagedIncident } from '../../src/domain/incident/incident.js';
import type { PageEvent, PageEventType } from '../../src/domain/incident/page-event.js';

export const PAGED: PagedIncident = {
  id: 'PFQZPSY',
  number: 9,
  title: 'Payment API: 5xx rate above 5%',
  status: 'triggered',
  htmlUrl: 'https://acme.pagerduty.com/incidents/PFQZPSY',
  createdAt: '2026-11-21T10:00:00.000Z',
  service: { id: 'PSVC001', name: 'Payment API' },
  assignees: [{ id: 'PALICE1', name: 'Alice Adams' }],
  urgency: 'high',
  priority: 'P1',
  escalationPolicy: 'Payments on-call',
};

const STATUS: Partial<Record<PageEventType, PagedIncident['status']>> = {
  triggered: 'triggered',
  acknowledged: 'acknowledged',
  unacknowledged: 'triggered',
  reopened: 'triggered',
  resolved: 'resolved',
};

/** The event `id` defaults to `ev-<type>`; the incident's status follows the type. */
export function pageEvent(type: PageEventType, opts: { id?: string; occurredAt?: string; agent?: string; incident?: Partial<PagedIncident> } = {}): PageEvent {
  const status = STATUS[type] ?? 'acknowledged';
  return {
    id: opts.id ?? `ev-${type}`,
    type,
    occurredAt: opts.occurredAt ?? PAGED.createdAt,
    agent: opts.agent,
    incidentId: PAGED.id,
    incident: { ...PAGED, status, ...opts.incident },
    incidentRef: { title: PAGED.title, htmlUrl: PAGED.htmlUrl },
    note: undefined,
    resolveReason: undefined,
  };
}
