import type { IsoTime } from './evidence-spec.js';
// A setting that decides a mechanism the workload's logs show (an SQS visibility timeout, a Vault
// token's max TTL), found in a ConfigMap its container takes variables from — or, for a Vault
// role, in the namespace's ConfigMap that names the role the pods log in with. Only the setting as
// written is kept; the rest of the data is dropped (setting-config.ts).

/**
 * The mechanism a setting decides: an SQS consumer's visibility timeout, a Vault client's token
 * lifetime, the SQS queue a producer sends to when SQS refuses its sends as FIFO ones (queue-fifo),
 * the codec and brokers' version of a Kafka producer whose codec the brokers refuse (kafka-codec),
 * a MongoDB client's connection string when its writes are answered "not primary" — or the address,
 * bucket and region a dependency error of a known kind concerns (a standalone mongod refusing
 * transactions, S3's PermanentRedirect: addressed-dependency-error.ts) — (server-address),
 * a queue worker's redelivery timeout and job timeout when its jobs are taken again past their tries
 * (queue-redelivery), the checks a liveness endpoint includes when it fails a dependency's health
 * check (liveness-group), the JVM options holding a thread stack size when its threads overflow their
 * stack (thread-stack), the scrape jobs a Prometheus config file lists when a metrics store refuses its
 * remote_write at a limit (scrape-jobs), a Spring app's properties under a prefix Spring Boot 3 renamed
 * (spring.redis.*) when it is refused at that server's loopback default (renamed-property), the session
 * store (SESSION_DRIVER…) of replicas whose requests lose their session between pods (session-store), the
 * SASL mechanism of a Kafka client whose SCRAM logins are refused with it (sasl-mechanism), the lock
 * duration, lock auto-renewal and max delivery count of a peek-lock consumer whose settlements fail
 * for lost message locks (message-lock), the database host of a PHP MySQL client whose connections
 * fail on a missing Unix socket (socket-host: localhost means the socket), the database user a run
 * connects as when the database refuses it ownership or a privilege (db-user: "must be owner of
 * table", 42501, MySQL's "command denied to user"), the limit a service's own rate limiter enforces
 * when it refuses its callers at large (rate-limit: an Envoy token bucket, an nginx limit_req zone,
 * RATE_LIMIT_* variables), the PARTITION BY key a migration file gives a ClickHouse table whose
 * INSERTs are refused for too many partitions per block (partition-key: code 252), a time-limited
 * credential (a SAS, a presigned URL, a token) whose store refuses it as expired (credential-expiry:
 * only its expiry is kept, never its signature), a client's timeout settings when its timeout errors
 * state their own limit (client-timeout: "timeout of 20ms exceeded"), the queue a consumer or
 * producer is configured with when SQS says it does not exist (missing-queue: only values that are an
 * SQS queue URL, ARN, or a name under a queue key).
 */
export type SettingMechanism = 'queue-visibility' | 'vault-token' | 'queue-fifo' | 'kafka-codec' | 'server-address' | 'queue-redelivery' | 'liveness-group' | 'thread-stack' | 'scrape-jobs' | 'renamed-property' | 'session-store' | 'sasl-mechanism' | 'message-lock' | 'socket-host' | 'db-user' | 'rate-limit' | 'partition-key' | 'credential-expiry' | 'client-timeout' | 'missing-queue';

/** What a time-limited credential kept in configuration is, as its value shows it. */
export type SignedCredentialKind = 'SAS' | 'presigned URL' | 'signed URL' | 'token';

/** `SQS_VISIBILITY_TIMEOUT_SECONDS=30` in ConfigMap shipment-notifier-config, taken through envFrom. */
export interface SettingConfigEvidence {
  mechanism: SettingMechanism;
  configMap: string;
  key: string;
  /** `envFrom`, the env var that takes the key, `mount` for a config file the container mounts, or `role <name>` for a role's definition. */
  via: string;
  /** The setting as written: `SQS_VISIBILITY_TIMEOUT_SECONDS=30`, `token_max_ttl: 768h`. */
  written: string;
  /** credential-expiry: what the value is and when it runs out, as the value itself writes it. */
  credential?: { kind: SignedCredentialKind; expiry: IsoTime };
}
