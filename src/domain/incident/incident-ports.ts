/**
 * The ports the incident flows are built from: PagerDuty and the incident store, in domain words,
 * beside the chat, the timeline and the rest. No flow takes them all: each declares the few it
 * uses (a `Pick` of IncidentPorts), and the composition root hands each flow just that.
 */
import type { ServiceCatalog } from '../service-catalog.js';
import type { TriageRequest } from '../triage/triage-request.js';
import type { Chat, Clock, CommonMessage, Log, PostLedger } from '../ports.js';
import type { ClusterWatch, TimelineStore } from '../timeline/timeline-ports.js';
import type { EarlierIncident, Incident, PagedIncident } from './incident.js';

/** The incident's card in its channel: its state, who is on it, its buttons; redrawn as it changes. */
export type IncidentCardMessage = { key: string; kind: 'incident-card'; incident: Incident };
/** What the incident flows post. */
export type IncidentMessage = IncidentCardMessage | CommonMessage;

export interface Pager {
  /** False without an API token: no e-mail lookups, no incident reads. */
  readonly canRead: boolean;
  /** False without an API token and a From e-mail: no notes. */
  readonly canWriteNotes: boolean;
  getUserEmail(userId: string): Promise<string | undefined>;
  getIncident(incidentId: string): Promise<PagedIncident | undefined>;
  addIncidentNote(incidentId: string, content: string): Promise<void>;
  listIncidentNotes(incidentId: string): Promise<string[]>;
}

export interface IncidentStore {
  get(id: string): Promise<Incident | undefined>;
  save(incident: Incident): Promise<void>;
  /** Runs `fn` while this process alone holds the incident; throws INCIDENT_BUSY if it cannot get it soon. */
  withLock<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** Claims a chat channel for an incident; false if another incident holds it. */
  claimChannel(channelId: string, incidentId: string): Promise<boolean>;
  incidentForChannel(channelId: string): Promise<string | undefined>;
  /** The incident a request (a `/incident declare`) made, if it made one. */
  incidentForRequest(requestId: string): Promise<string | undefined>;
  /** Ties a request to the incident it made; returns the incident that holds it (the first claim wins). */
  claimRequest(requestId: string, incidentId: string): Promise<string>;
  /** The next number for an incident declared in Slack (1, 2, …), shared by all replicas. */
  nextDeclaredNumber(): Promise<number>;
  /** Adds the incident to the history of a service (PagerDuty service id or catalog name). */
  addToServiceHistory(serviceKey: string, incident: Incident): Promise<void>;
  /** Incidents of the service created before `before`, newest first, at most `limit`, with the total. */
  earlierIncidents(serviceKey: string, before: string, limit: number): Promise<{ count: number; recent: EarlierIncident[] }>;
}


/**
 * What follows a resolve, however it arrived (the post-mortem, wired by the composition root, so
 * the incident never depends on what comes after it). Runs under the incident's lock, once per
 * resolve and again on a retry, so it must be safe to run twice; returns the incident as saved.
 */
export type AfterResolve = (incident: Incident, resolverSlackId: string | undefined) => Promise<Incident>;

export interface IncidentPorts {
  chat: Chat<IncidentMessage>;
  ledger: PostLedger;
  pager: Pager;
  incidents: IncidentStore;
  timeline: TimelineStore;
  catalog: ServiceCatalog;
  clock: Clock;
  log: Log;
  /** Queues a triage (the worker posts it); undefined where this process cannot queue one. */
  requestTriage: ((request: TriageRequest) => Promise<void>) | undefined;
  /** Cluster events of the incident's workload onto its timeline; undefined where not available. */
  clusterWatch?: ClusterWatch | undefined;
  /** Channel ID where new incidents and permanent failures are announced; undefined: none. */
  announceChannel: string | undefined;
  afterResolve: AfterResolve;
}
