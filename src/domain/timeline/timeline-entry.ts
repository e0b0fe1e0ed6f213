/** One line of an incident's timeline. Written once per `key`, whatever redelivers it. */
export type TimelineSource = 'pagerduty' | 'bot' | 'slack' | 'cluster';

export interface TimelineEntry {
  /** Idempotency key from the source: PagerDuty event id, Slack event id, Kubernetes uid, step name. */
  key: string;
  /** ISO time at the source. */
  at: string;
  source: TimelineSource;
  text: string;
  /** Decisions, actions, hypotheses, failures: shown first in post-mortems. */
  important?: boolean | undefined;
}
