// The primary that a replicated store's replicas log they sync with ("Connecting to MASTER
// host:port"), read when their own logs show the sync failing again and again (redis-replication-log.ts):
// its pod, its log tail, and the replication settings of the ConfigMaps it mounts.
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/** One line of a ConfigMap key that sets a replication limit ("client-output-buffer-limit replica 256mb 64mb 60"). */
export interface ReplicationSettingLine {
  configMap: string;
  /** The ConfigMap key (file name): "redis.conf". */
  key: string;
  line: string;
}

export interface ReplicationPrimaryEvidence {
  /** The address the replicas' logs name, as they name it. */
  host: string;
  pod: PodEvidence;
  logs: LogEvidence[];
  /** The ConfigMaps its pod mounts that were read (at most two); absent when none was. */
  configMaps?: string[];
  /** Their lines that set replication limits; the rest of the data is not kept. */
  settings?: ReplicationSettingLine[];
}
