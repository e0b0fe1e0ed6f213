// A pod of a dependency's Service that the collector read because the workload's logs say the
// server refuses it, and the settings its mounted ConfigMaps set for the limit it refuses at.
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { PvcEvidence } from './evidence-pvc.js';
import type { ServerRolloutEvidence } from './evidence-server-rollout.js';

/** A setting a ConfigMap mounted by the server's pod sets: "app-db-cnf (my.cnf) sets max_allowed_packet = 4M". */
export interface ServerConfigEvidence {
  configMap: string;
  key: string;
  setting: string;
  value: string;
  /** When the ConfigMap was last written (its newest managedFields time), when that was after it was created: an edit. */
  editedAt?: string;
}

export interface DependencyPodEvidence {
  service: string;
  namespace?: string;
  pod: PodEvidence;
  logs: LogEvidence[];
  /** Settings of the limit it refuses at, from the ConfigMaps its pod mounts (read only for a refusal that names a setting). */
  config?: ServerConfigEvidence[];
  /**
   * Older lines of its log that say why it refuses (Postgres's "must be vacuumed within N
   * transactions"), from one deeper read when the tail held only the refusals themselves.
   */
  searched?: LogEvidence[];
  /** The claims its pod mounts, read only when its own log says its disk is full. */
  claims?: PvcEvidence[];
  /** Its StatefulSet's revision and the one before, read only for a refusal its own settings decide. */
  rollout?: ServerRolloutEvidence;
}
