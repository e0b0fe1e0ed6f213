// The setting that sizes a server's memory pool (Postgres's shared_buffers, InnoDB's buffer pool,
// WiredTiger's cache, Redis's maxmemory) as a ConfigMap mounted by an OOM-killed container holds
// it (memory-pool.ts). Only those settings are kept; the rest of the data is dropped.

/** `shared_buffers = 3GB` in key postgresql.conf of ConfigMap main-db-config, mounted by container postgres. */
export interface MemoryPoolConfigEvidence {
  configMap: string;
  key: string;
  /** The container that mounts it and was OOM-killed. */
  container: string;
  setting: string;
  value: string;
}
