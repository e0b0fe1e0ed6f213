import type { ServiceCatalog } from '../service-catalog.js';
import type { TriageRequest } from '../triage/triage-request.js';
import type { ActionItemStore, Chat, Clock, ReminderScheduler, ClusterWatch, IncidentStore, Log, Pager, PostLedger, TimelineStore } from '../ports.js';

/** Everything the incident flows need, handed in by the composition root. */
export interface IncidentDeps {
  chat: Chat;
  items: ActionItemStore;
  reminders: ReminderScheduler;
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
}
