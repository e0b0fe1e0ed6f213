/**
 * What the triage needs from the outside world, in its own words: the cluster (read-only), the
 * messages it posts, and what a triage run in an incident writes to that incident. The timeline reads the triage's event
 * evidence (timeline/cluster-events.ts), so the triage does not import the timeline's ports back:
 * it declares the two calls it makes, and the timeline's TimelineStore and ClusterWatch fit them
 * (src/flows.ts hands those in).
 */
import type { CommonMessage } from '../ports.js';
import type { IsoTime, ReadFailure, TriageEvidence, TriageTarget, WorkloadKind } from './evidence.js';
import type { ReadStage, TriageProgress } from './triage-progress.js';
import type { TriageReport } from './triage-report.js';

/** The triage's verdict, in the summary's place. */
export type TriageSummaryMessage = { key: string; kind: 'triage-summary'; report: TriageReport };
/** The summary's place while the triage reads: updated in place, then replaced by the triage-summary. */
export type TriageProgressMessage = { key: string; kind: 'triage-progress'; progress: TriageProgress };
/** What a triage posts. */
export type TriageMessage = TriageSummaryMessage | TriageProgressMessage | CommonMessage;

/** A workload that a triage can look at. */
export interface WorkloadRef {
  namespace: string;
  kind: WorkloadKind;
  name: string;
  /** Kube context; absent: the current context. */
  context?: string | undefined;
}

export interface WorkloadSearch {
  found: WorkloadRef[];
  /** When nothing matched: workload names that look close to the one asked for (typos). */
  nearNames: string[];
  /** Namespaces or kinds that could not be searched (RBAC, timeout): named, never guessed around. */
  readFailures: ReadFailure[];
  /**
   * Set when nothing is called the asked name and found[0] was chosen by it as a prefix
   * (near-names.ts chooseByNamePrefix): `among` workloads matched, so the answer can say which it took.
   */
  chosenByPrefix?: { among: number } | undefined;
}

/** The cluster, read-only. Nothing here can change anything in it. */
export interface Cluster {
  /** Context names from the kubeconfig; the current one first. */
  contexts(): string[];
  /**
   * Finds the workload a user means: with `selector`, the workloads whose pod template carries
   * those labels; otherwise the Deployments, StatefulSets, DaemonSets, CronJobs and Jobs called
   * `name` — in `namespace`, or in every namespace the bot can read; when none is, the one
   * named `name-…` (or the newest of one Job family), with chosenByPrefix set.
   */
  findWorkloads(query: { name: string; namespace?: string | undefined; context?: string | undefined; selector?: string | undefined }): Promise<WorkloadSearch>;
  /** Reads everything a triage needs, in parallel, within `budgetMs`; what it could not read is in readFailures. */
  collectEvidence(target: TriageTarget, opts: { budgetMs: number; onRead?: ((stage: ReadStage) => void) | undefined }): Promise<TriageEvidence>;
}

/** An incident's timeline, as a triage in the incident writes to it (the timeline's TimelineStore). */
export interface IncidentTimeline {
  /** Appends the triage's line once per key; false when the key was already written. */
  append(incidentId: string, entry: { key: string; at: IsoTime; source: 'bot'; text: string; important: boolean }): Promise<boolean>;
}

/** Puts a triaged workload's cluster events on its incident's timeline (the timeline's ClusterWatch). */
export interface WorkloadWatch {
  /** Starts following the workload from `since` (idempotent: a target already watched keeps its `since`). */
  watch(target: WorkloadRef & { kind: 'Deployment' | 'StatefulSet'; incidentId: string; since: IsoTime }): Promise<void>;
}
