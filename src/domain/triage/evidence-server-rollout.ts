/**
 * The StatefulSet revision a refusing server's pod runs, and the one before it: read only for a
 * refusal the server's own settings decide (a library it preloads, its sql_mode), whose pod was
 * read and belongs to a StatefulSet — a rollout of the server (an upgrade, a config checksum) is
 * the change its clients' own history does not show.
 */
import type { RevisionEvidence } from './evidence-spec.js';

export interface ServerRolloutEvidence {
  statefulSet: string;
  /** The revision its pod runs (controller-revision-hash). */
  current: RevisionEvidence;
  /** The revision before it, when kept. */
  previous?: RevisionEvidence;
}
