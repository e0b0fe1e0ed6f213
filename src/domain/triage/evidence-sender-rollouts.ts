/**
 * The recent rollouts of Deployments in other namespaces than the workload's, read only where its
 * logs show documents a search index refuses for its mapping (index-mapping-conflict.ts) and name
 * those namespaces (sender-namespaces.ts): the service that produces the events an indexer
 * consumes often lives in its own team's namespace, and its release is the change the indexer's
 * own history does not show.
 */
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';

export interface SenderRolloutEvidence extends NamespaceRolloutEvidence {
  /** The Deployment's namespace, another than the workload's. */
  namespace: string;
}
