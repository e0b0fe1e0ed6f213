/** Queues, job names and their payloads. Payloads are small: workers reload state from Redis. */
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { IncidentCommandRequest } from '../../domain/incident/incident-command.js';
import type { TriageRequest } from '../../domain/triage/triage-request.js';

export const QUEUES = {
  /** PagerDuty events, one job per event id. */
  pagerduty: 'pagerduty-events',
  /** Kubernetes triage runs, one job per request. */
  triage: 'triage',
  /** `/incident` changes and card buttons, one job per request. */
  incidentCommands: 'incident-commands',
  /** Delayed reminder DMs, one job per reminder and time. */
  reminders: 'reminders',
  /** The weekly overdue digest to incident leads (a job scheduler). */
  digests: 'digests',
} as const;

export const JOBS = {
  handlePageEvent: 'handle-page-event',
  runTriage: 'run-triage',
  applyIncidentCommand: 'apply-incident-command',
  sendActionReminder: 'send-action-reminder',
  sendOverdueDigest: 'send-overdue-digest',
} as const;

export interface HandlePageEventJob {
  event: PageEvent;
}

export function pageEventJobId(eventId: string): string {
  return requestJobId('pd', eventId);
}

export interface RunTriageJob {
  request: TriageRequest;
}

export interface ApplyIncidentCommandJob {
  request: IncidentCommandRequest;
}

/** Job id from any request id: BullMQ ids may not hold ':' nor be all digits. */
export function requestJobId(kind: string, requestId: string): string {
  return `${kind}-${requestId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface SendReminderJob {
  itemId: string;
  reminderId: string;
  kind: 'day-before' | 'due' | 'overdue';
  /** When it was planned for (ISO). */
  at: string;
}
