// The master set names a Redis Sentinel monitors (`sentinel monitor <name> <host> <port> <quorum>`),
// from the namespace's ConfigMaps that hold a Sentinel config, read only where the workload's logs
// say Sentinel knows no master by the name the client asks for (sentinel-master-name.ts). Only
// those names are kept; the rest of the data is dropped.

/** `redis-configuration (sentinel.conf) monitors sessions-master`. */
export interface SentinelConfigEvidence {
  configMap: string;
  key: string;
  monitors: string[];
  /** The ConfigMap's newest managedFields time: a rename's date. */
  changedAt?: string;
}
