/**
 * The ports the incident flows are built from. No flow takes them all: each declares the few it
 * uses (a `Pick` of these), and the composition root hands each flow just that.
 */
import type { ServiceCatalog } from '../service-catalog.js';
import type { TriageRequest } from '../triage/triage-request.js';
import type { Chat, Clock, IncidentStore, Log, Pager, PostLedger } from '../ports.js';
import type { ClusterWatch, TimelineStore } from '../timeline/timeline-ports.js';
import type { Incident } from './incident.js';

/**
 * What follows a resolve, however it arrived (the post-mortem, wired by the composition root, so
 * the incident never depends on what comes after it). Runs under the incident's lock, once per
 * resolve and again on a retry, so it must be safe to run twice; returns the incident as saved.
 */
export type AfterResolve = (incident: Incident, resolverSlackId: string | undefined) => Promise<Incident>;

export interface IncidentPorts {
  chat: Chat;
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
