/** A request to triage a service: who asked, where to answer. Small: it is a job payload. */
export interface TriageRequest {
  /** Idempotency key: the job id and the keys of every message the triage posts. */
  id: string;
  /** The name typed or the catalog key. */
  service: string;
  /** From `--namespace`, else the catalog, else searched. */
  namespace?: string | undefined;
  /** From `--context`, else the catalog, else the current context. */
  context?: string | undefined;
  /** Where the findings go. */
  channelId: string;
  /** The Slack user who asked; absent for automatic triage on a page. */
  requestedBy?: string | undefined;
  /** Slack response_url for answers only the requester should see (ambiguity, errors). */
  responseUrl?: string | undefined;
  /** The incident it belongs to, for the timeline. */
  incidentId?: string | undefined;
}
