/** Queues, job names and their payloads. Payloads are small: workers reload state from Redis. */
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { TriageRequest } from '../../domain/triage/triage-request.js';

export const QUEUES = {
  /** PagerDuty events, one job per event id. */
  pagerduty: 'pagerduty-events',
  /** Kubernetes triage runs, one job per request. */
  triage: 'triage',
} as const;

export const JOBS = {
  handlePageEvent: 'handle-page-event',
  runTriage: 'run-triage',
} as const;

export interface HandlePageEventJob {
  event: PageEvent;
}

/** BullMQ job ids may not contain ':' nor be all digits. */
export function pageEventJobId(eventId: string): string {
  return `pd-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface RunTriageJob {
  request: TriageRequest;
}

export function triageJobId(requestId: string): string {
  return `triage-${requestId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
