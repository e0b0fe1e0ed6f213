/** PagerDuty Webhooks v3 deliveries built from a real capture (pagerduty-incident-triggered.json). */
import { randomBytes } from 'node:crypto';
import capture from './pagerduty-incident-triggered.json' with { type: 'json' };

const triggered = capture as unknown as Delivery;

export interface Delivery {
  event: {
    id: string;
    event_type: string;
    resource_type: string;
    occurred_at: string;
    agent: Record<string, unknown> | null;
    client: unknown;
    data: Record<string, unknown>;
  };
}

export function eventId(): string {
  return `01${randomBytes(12).toString('hex').toUpperCase()}`;
}

/** A delivery for `incident.<type>` about incident `incidentId`, based on the captured triggered event. */
export function incidentDelivery(
  type: string,
  incident: Partial<Record<string, unknown>> & { id: string },
  opts: { occurredAt?: string; eventId?: string; agentName?: string } = {},
): Delivery {
  const base = structuredClone(triggered);
  const status = type === 'acknowledged' ? 'acknowledged' : type === 'resolved' ? 'resolved' : 'triggered';
  return {
    event: {
      ...base.event,
      id: opts.eventId ?? eventId(),
      event_type: `incident.${type}`,
      occurred_at: opts.occurredAt ?? new Date().toISOString(),
      agent: { ...(base.event.agent ?? {}), summary: opts.agentName ?? 'PIG 208' },
      data: {
        ...base.event.data,
        self: `https://api.pagerduty.com/incidents/${incident.id}`,
        html_url: `https://pig208.pagerduty.com/incidents/${incident.id}`,
        status,
        created_at: '2026-11-21T03:12:00Z',
        ...incident,
      },
    },
  };
}

export function noteDelivery(incidentId: string, content: string, opts: { occurredAt?: string } = {}): Delivery {
  return {
    event: {
      id: eventId(),
      event_type: 'incident.annotated',
      resource_type: 'incident',
      occurred_at: opts.occurredAt ?? new Date().toISOString(),
      agent: { id: 'PJ0LVEB', summary: 'PIG 208', type: 'user_reference' },
      client: null,
      data: {
        id: 'PNOTE01',
        type: 'incident_note',
        content,
        trigger_source: null,
        incident: { id: incidentId, html_url: `https://pig208.pagerduty.com/incidents/${incidentId}`, summary: 'Test Incident 3', type: 'incident_reference' },
      },
    },
  };
}
