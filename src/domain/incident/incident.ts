/** The incident as Rootcause keeps it, in domain words (no Slack or PagerDuty wire shapes). */

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface PagerDutyPerson {
  /** PagerDuty user ID (`PJ0LVEB`). */
  id: string;
  name: string;
}

/** An incident as PagerDuty describes it in a webhook or the REST API. */
export interface PagedIncident {
  id: string;
  number: number;
  title: string;
  status: IncidentStatus;
  htmlUrl: string;
  createdAt: string;
  service: { id: string; name: string };
  assignees: PagerDutyPerson[];
  urgency: string | undefined;
  priority: string | undefined;
  escalationPolicy: string | undefined;
}

export interface EarlierIncident {
  id: string;
  title: string;
  createdAt: string;
  rootCauseRecorded: boolean;
}

/** What the bot knew of the service's history when this incident opened (frozen then). */
export interface Recurrence {
  count: number;
  /** The most recent ones, newest first. */
  recent: EarlierIncident[];
}

/** Steps of opening an incident channel; each is done at most once, and a retry resumes after the last done. */
export interface IncidentProgress {
  /** A channel name we asked Slack for and may have got before a crash. */
  channelRequested?: string;
  topicSet?: boolean;
  invitesDone?: boolean;
  announced?: boolean;
  pagerDutyNoted?: boolean;
  autoTriageRequested?: boolean;
  /** PagerDuty users we could not find in Slack, with why; named on the card. */
  unreachable?: Record<string, string>;
  /** Slack users the invite was refused for (Slack user id → reason); named on the card. */
  inviteFailures?: Record<string, string>;
  /**
   * Responders not invited yet because a look-up is failing (PagerDuty down), and why; named on
   * the card until they are invited.
   */
  invitesPending?: { names: string[]; why: string };
  /** A separate "not invited yet" line posted by an earlier version; updated once they are in. */
  pendingInvitesTs?: string;
}

export interface Incident {
  /** `pd-<PagerDuty id>` for paged incidents. */
  id: string;
  source: 'pagerduty' | 'declared';
  title: string;
  status: IncidentStatus;
  /** When the current status was set at its source; older events never overwrite it. */
  statusAt: string;
  createdAt: string;
  resolvedAt?: string | undefined;
  /** Set when resolved from Slack: who, the request that did it, and what they said. */
  resolvedBy?: string | undefined;
  resolveRequest?: string | undefined;
  resolutionSummary?: string | undefined;
  pagerduty?: PagedIncident | undefined;
  /** For incidents declared in Slack: their number (`d3` in the channel name). */
  declaredNumber?: number | undefined;
  /** The Slack user who declared it. */
  declaredBy?: string | undefined;
  /** Slack user IDs of the people invited or found for the assignees. */
  assigneeSlackIds: Record<string, string>;
  /** Catalog workloads the paging service maps to (names). */
  services: string[];
  severity?: number | undefined;
  leadSlackId?: string | undefined;
  recurrence?: Recurrence | undefined;
  channel?: { id: string; name: string } | undefined;
  cardTs?: string | undefined;
  rootCause?: string | undefined;
  /** The post-mortem's action item, made at the first resolve and kept through reopens. */
  postmortemItemId?: string | undefined;
  /** The announcement in the announce channel, edited in place as the incident moves. */
  announcementTs?: string | undefined;
  /** Who set the current status at its source (a PagerDuty user's name); absent when unknown. */
  statusBy?: string | undefined;
  progress: IncidentProgress;
}

export function incidentIdForPagerDuty(pagerDutyIncidentId: string): string {
  return `pd-${pagerDutyIncidentId}`;
}

export function newPagedIncident(paged: PagedIncident, services: string[]): Incident {
  return {
    id: incidentIdForPagerDuty(paged.id),
    source: 'pagerduty',
    title: paged.title,
    status: paged.status,
    statusAt: paged.createdAt,
    createdAt: paged.createdAt,
    resolvedAt: undefined,
    pagerduty: paged,
    assigneeSlackIds: {},
    services,
    progress: {},
  };
}

/**
 * Applies a newer view of the PagerDuty incident. Status only moves forward in time:
 * PagerDuty delivers in order per incident, but our retries and replicas may not.
 */
export function applyPagedIncident(incident: Incident, paged: PagedIncident, occurredAt: string): Incident {
  const newer = occurredAt >= incident.statusAt;
  if (!newer) return incident;
  return {
    ...incident,
    title: paged.title,
    status: paged.status,
    statusAt: occurredAt,
    resolvedAt: paged.status === 'resolved' ? occurredAt : undefined,
    pagerduty: paged,
  };
}

export function newDeclaredIncident(number: number, title: string, declaredBy: string, at: string): Incident {
  return {
    id: `decl-${number}`,
    source: 'declared',
    title,
    status: 'triggered',
    statusAt: at,
    createdAt: at,
    declaredNumber: number,
    declaredBy,
    // Whoever declares leads until someone else is named.
    leadSlackId: declaredBy,
    assigneeSlackIds: {},
    services: [],
    progress: {},
  };
}
