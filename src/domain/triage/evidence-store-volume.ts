// The database a workload's queries find empty of its tables: one pod behind the Service its env
// names, its log tail, the claims it mounts and the volumes bound to them (store-volume-loss.ts); the
// log tail also read for a search_path set on the app's role or database (role-search-path.ts).
import type { PersistentVolumeEvidence } from './evidence-context.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { PvcEvidence } from './evidence-pvc.js';

export interface StoreVolumeEvidence {
  /** The Service of the namespace the workload's database address names. */
  service: string;
  pod: PodEvidence;
  logs: LogEvidence[];
  /** The claims the pod mounts (at most two). */
  claims: PvcEvidence[];
  /** The PersistentVolumes bound to them. */
  volumes: PersistentVolumeEvidence[];
}
