/** Queues, job names and their payloads. Payloads are small: workers reload state from Redis. */
import type { PageEvent } from '../../domain/incident/page-event.js';

export const QUEUES = {
  /** PagerDuty events, one job per event id. */
  pagerduty: 'pagerduty-events',
} as const;

export const JOBS = {
  handlePageEvent: 'handle-page-event',
} as const;

export interface HandlePageEventJob {
  event: PageEvent;
}

/** BullMQ job ids may not contain ':' nor be all digits. */
export function pageEventJobId(eventId: string): string {
  return `pd-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
