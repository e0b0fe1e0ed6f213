/**
 * PagerDuty Webhooks v3 envelope → PageEvent. Lenient about what PagerDuty may add,
 * strict about what we need; anything else is "ignored" with a reason, never thrown.
 */
import { z } from 'zod';
import type { IncidentStatus, PagedIncident } from '../../domain/incident/incident.js';
import { PAGE_EVENT_TYPES } from '../../domain/incident/page-event.js';
import type { PageEvent, PageEventType } from '../../domain/incident/page-event.js';

const reference = z.object({ id: z.string().min(1), summary: z.string().nullish() }).loose();

const incidentSchema = z
  .object({
    id: z.string().min(1).max(64),
    number: z.number().int().nonnegative().nullish(),
    status: z.string().nullish(),
    title: z.string().nullish(),
    html_url: z.string().nullish(),
    created_at: z.string().nullish(),
    service: reference.nullish(),
    assignees: z.array(reference).nullish(),
    escalation_policy: reference.nullish(),
    priority: z.object({ summary: z.string().nullish() }).loose().nullish(),
    urgency: z.string().nullish(),
    resolve_reason: z.unknown().nullish(),
  })
  .loose();

const noteSchema = z
  .object({
    content: z.string().nullish(),
    incident: z.object({ id: z.string().min(1).max(64), html_url: z.string().nullish(), summary: z.string().nullish() }).loose(),
  })
  .loose();

const envelopeSchema = z.object({
  event: z
    .object({
      id: z.string().min(1).max(128),
      event_type: z.string().min(1),
      resource_type: z.string().nullish(),
      occurred_at: z.string().min(1),
      agent: reference.nullish(),
      data: z.unknown(),
    })
    .loose(),
});

export type ParsedDelivery =
  | { kind: 'event'; event: PageEvent }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; reason: string };

export function parsePagerDutyDelivery(body: unknown): ParsedDelivery {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', reason: `not a PagerDuty v3 webhook: ${firstIssue(envelope.error)}` };
  const e = envelope.data.event;
  if (Number.isNaN(Date.parse(e.occurred_at))) return { kind: 'invalid', reason: 'event.occurred_at is not a date' };
  const occurredAt = new Date(e.occurred_at).toISOString();
  const type = e.event_type.startsWith('incident.') ? e.event_type.slice('incident.'.length) : undefined;
  if (type === undefined || !(PAGE_EVENT_TYPES as readonly string[]).includes(type)) {
    return { kind: 'ignored', reason: `event type ${e.event_type} is not used` };
  }
  const base = { id: e.id, type: type as PageEventType, occurredAt, agent: e.agent?.summary ?? undefined };

  if (type === 'annotated') {
    const note = noteSchema.safeParse(e.data);
    if (!note.success) return { kind: 'invalid', reason: `incident.annotated data is not a note: ${firstIssue(note.error)}` };
    return {
      kind: 'event',
      event: {
        ...base,
        incidentId: note.data.incident.id,
        incident: undefined,
        incidentRef: { title: note.data.incident.summary ?? undefined, htmlUrl: note.data.incident.html_url ?? undefined },
        note: note.data.content ?? '',
        resolveReason: undefined,
      },
    };
  }
  const data = incidentSchema.safeParse(e.data);
  if (!data.success) return { kind: 'invalid', reason: `${e.event_type} data is not an incident: ${firstIssue(data.error)}` };
  const incident = toPagedIncident(data.data, occurredAt);
  return {
    kind: 'event',
    event: {
      ...base,
      incidentId: incident.id,
      incident,
      incidentRef: { title: incident.title, htmlUrl: incident.htmlUrl },
      note: undefined,
      resolveReason: describeResolveReason(data.data.resolve_reason),
    },
  };
}

export function toPagedIncident(d: z.infer<typeof incidentSchema>, fallbackTime: string): PagedIncident {
  const createdAt = d.created_at && !Number.isNaN(Date.parse(d.created_at)) ? new Date(d.created_at).toISOString() : fallbackTime;
  return {
    id: d.id,
    number: d.number ?? 0,
    title: (d.title ?? '').trim() || `PagerDuty incident ${d.id}`,
    status: toStatus(d.status),
    htmlUrl: d.html_url ?? '',
    createdAt,
    service: { id: d.service?.id ?? 'unknown', name: d.service?.summary ?? 'unknown service' },
    assignees: (d.assignees ?? []).map((a) => ({ id: a.id, name: a.summary ?? a.id })),
    urgency: d.urgency ?? undefined,
    priority: d.priority?.summary ?? undefined,
    escalationPolicy: d.escalation_policy?.summary ?? undefined,
  };
}

export const pagerDutyIncidentSchema = incidentSchema;

function toStatus(status: string | null | undefined): IncidentStatus {
  return status === 'acknowledged' || status === 'resolved' ? status : 'triggered';
}

function describeResolveReason(reason: unknown): string | undefined {
  if (reason === null || reason === undefined) return undefined;
  if (typeof reason === 'string') return reason;
  if (typeof reason === 'object' && 'type' in reason && typeof reason.type === 'string') return reason.type.replaceAll('_', ' ');
  return undefined;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || '(body)'}: ${issue.message}`;
}
