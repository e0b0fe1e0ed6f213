/** One line of an incident's timeline. Written once per `key`, whatever redelivers it. */
export type TimelineSource = 'pagerduty' | 'bot' | 'slack' | 'cluster';

export interface TimelineEntry {
  /** Idempotency key from the source: PagerDuty event id, Slack message ts, Kubernetes uid, step name. */
  key: string;
  /** ISO time at the source (for collapsed entries: the first occurrence). */
  at: string;
  source: TimelineSource;
  /** Plain text, no chat markup; people and channels it names are written `@U…` / `#C…`. */
  text: string;
  /** The ids of the people and channels `text` names (document.ts withMentions shows them as mentions). */
  mentions?: string[] | undefined;
  /** Decisions, actions, hypotheses, failures, pinned messages: shown first in post-mortems. */
  important?: boolean | undefined;
  /** Who said or did it: a Slack user id for messages and commands. */
  author?: string | undefined;
  /** Collapsed repeats (cluster events): how many, and the last occurrence. */
  count?: number | undefined;
  until?: string | undefined;
  /** A rollout the triage saw in the revision history: what the post-mortem names as the last change. */
  rollout?: RolloutRecord | undefined;
}

export interface RolloutRecord {
  /** "deployment/payment-service". */
  workload: string;
  revision: number;
  /** "app image payments:1.8.2 → 1.9.0", "no template change (a restart)", "first revision". */
  change: string;
}
