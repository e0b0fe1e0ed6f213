/**
 * The StatefulSet (or Deployment) revision a refusing server's pod runs, and the one before it: read
 * only for a refusal the server's own settings decide (a library it preloads, its sql_mode, a config
 * file it no longer finds), whose pod was read and belongs to one — a rollout of the server (an upgrade, a config checksum, a
 * moved mount) is the change its clients' own history does not show.
 */
import type { RevisionEvidence } from './evidence-spec.js';

export interface ServerRolloutEvidence {
  /** The server's StatefulSet, or (absent) its Deployment. */
  statefulSet?: string;
  deployment?: string;
  /** The revision its pod runs (controller-revision-hash, or its ReplicaSet by pod-template-hash). */
  current: RevisionEvidence;
  /** The revision before it, when kept. */
  previous?: RevisionEvidence;
}

/** Which server workload's revisions to read: a StatefulSet's (ControllerRevisions) or a Deployment's (ReplicaSets). */
export type ServerRolloutRead = { service: string; namespace?: string; pod: string; revisionHash: string } & ({ statefulSet: string } | { deployment: string });
