// The connection pool's settings as a container's ConfigMap holds them, read where its logs show
// the pool exhausted (pool-config.ts): the file it mounts (database.yml, application.yml) or the
// variables it takes. Only the pool's lines are kept; the rest of the data is dropped.

/** `pool: 5` in key database.yml of ConfigMap orders-api-database, mounted at /rails/config/database.yml. */
export interface PoolConfigEvidence {
  configMap: string;
  key: string;
  /** How the container sees the key: the file's mount path, `envFrom`, or the env var that takes it. */
  via: string;
  /** The pool's settings as written: `pool: 5`, `checkout_timeout: 5`, `DB_POOL=5`. */
  lines: string[];
}
