/**
 * PagerDuty Webhooks v3 envelope → PageEvent. Lenient about what PagerDuty may add,
 * strict about what we need; anything else is "ignored" with a reason, never thrown.
 */
import { z } from 'zod';
import type { IncidentStatus, PagedIncident } from '../../domain/incident/incident.js';
import { PAGE_EVENT_TYPES } from '../../domain/incident/page-event.js';
import type { PageEvent, PageEventType } from '../../domain/incident/page-event.js';
import { truncate } from '../../domain/text.js';

/**
 * Text longer than PagerDuty itself allows (titles and summaries: 1024 characters) is cut
 * here, so a freak payload cannot push a Slack message past its limits and fail the job
 * for good after the channel was opened.
 */
const LIMITS = { title: 1024, summary: 256, url: 2048, note: 10_000, word: 64 } as const;

function text(max: number) {
  return z.string().transform((s) => truncate(s, max));
}

/** Slack invites at most 100 users per call; no real incident has more assignees. */
const MAX_ASSIGNEES = 100;

const reference = z.object({ id: z.string().min(1), summary: text(LIMITS.summary).nullish() }).loose();

const incidentSchema = z
  .object({
    id: z.string().min(1).max(64),
    number: z.number().int().nonnegative().nullish(),
    status: z.string().nullish(),
    title: text(LIMITS.title).nullish(),
    html_url: text(LIMITS.url).nullish(),
    created_at: z.string().nullish(),
    service: reference.nullish(),
    assignees: z
      .array(reference)
      .transform((a) => a.slice(0, MAX_ASSIGNEES))
      .nullish(),
    escalation_policy: reference.nullish(),
    priority: z.object({ summary: text(LIMITS.summary).nullish() }).loose().nullish(),
    urgency: text(LIMITS.word).nullish(),
    resolve_reason: z.unknown().nullish(),
  })
  .loose();

const noteSchema = z
  .object({
    content: text(LIMITS.note).nullish(),
    incident: z
      .object({ id: z.string().min(1).max(64), html_url: text(LIMITS.url).nullish(), summary: text(LIMITS.title).nullish() })
      .loose(),
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
  const occurredAt = isoDate(e.occurred_at);
  if (occurredAt === undefined) return { kind: 'invalid', reason: 'event.occurred_at is not a date' };
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
  const createdAt = (d.created_at ? isoDate(d.created_at) : undefined) ?? fallbackTime;
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

/**
 * ISO 8601 UTC, or undefined when not a date. Years outside 0000–9999 count as not a date:
 * their ISO form ("+211714-09-20…") would put a "+" in the channel name, which Slack refuses.
 */
function isoDate(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

function toStatus(status: string | null | undefined): IncidentStatus {
  return status === 'acknowledged' || status === 'resolved' ? status : 'triggered';
}

function describeResolveReason(reason: unknown): string | undefined {
  if (reason === null || reason === undefined) return undefined;
  if (typeof reason === 'string') return truncate(reason, LIMITS.summary);
  if (typeof reason === 'object' && 'type' in reason && typeof reason.type === 'string') {
    return truncate(reason.type.replaceAll('_', ' '), LIMITS.summary);
  }
  return undefined;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || '(body)'}: ${issue.message}`;
}
