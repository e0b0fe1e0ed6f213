/**
 * Settings that decide a mechanism the workload's logs show, where an SRE looks them up: an SQS
 * consumer whose deletes fail for expired receipt handles receives with a visibility timeout; a
 * Vault client refused on every pod at once has tokens with a max TTL; an SQS producer whose sends
 * are refused as FIFO sends (no MessageGroupId) sends to the `.fifo` queue a setting names; a Kafka
 * producer whose codec the brokers refuse has a codec and a brokers' version. All are often set in a
 * ConfigMap the container takes its variables from (envFrom, configMapKeyRef), and a Vault role's
 * max TTL in a ConfigMap of the namespace that names the role; a MongoDB client whose writes are
 * answered "not primary" has its connection string there (directConnection=true to one member), and a
 * SQL client whose writes are refused as read-only its host (a replicas' Service), and a client whose
 * dependency error says what its address points at (a standalone mongod refusing transactions, a
 * bucket of another region) that address, bucket and region (addressed-dependency-error.ts); a
 * queue worker whose jobs are taken again past their tries has the queue's redelivery timeout there
 * (retry_after, visibility timeout) and maybe its own job timeout; a container whose liveness
 * endpoint fails a dependency's health check has its liveness health group in its config file (a
 * ConfigMap it mounts) or its env; a JVM whose threads overflow their stack has its JVM options (a
 * thread stack size, -Xss) there; a Spring app refused at a server's loopback default has that server's
 * properties in its config file or env, perhaps under a prefix Spring Boot 3 renamed (spring.redis.*);
 * replicas whose requests lose their session between pods have their session store (SESSION_DRIVER) there;
 * a Kafka client whose SCRAM logins are refused has its sasl.mechanism in its config file or env;
 * a peek-lock consumer whose settlements fail for lost message locks has its lock duration, lock
 * auto-renewal and max delivery count there; a run the database refuses ownership or a privilege
 * ("must be owner of table", 42501) has the database user it connects as there; a service whose own rate
 * limiter refuses its callers at large has its limit in its config file (an Envoy token bucket, an
 * nginx limit_req zone) or env; a ClickHouse writer whose INSERTs are refused for too many partitions
 * per block (code 252) has the table's DDL (its PARTITION BY key) in a migration file a ConfigMap
 * mounts into its pod; a store that refuses the pods' signed requests as expired (a SAS, a presigned
 * URL, a token) has that credential there, and only its expiry is kept; an SQS client told its queue
 * does not exist (NonExistentQueue) has the queue's URL or name there, and only values naming a queue are kept.
 * Reads are conditional on the logs,
 * bounded, and keep only the settings' keys as written; never a Secret.
 */
import { listConfigMapSources } from './config-map-sources.js';
import { TIMEOUT_SETTING_KEY, findStatedTimeout } from './stated-client-timeout.js';
import type { ConfigMapSource } from './config-map-sources.js';
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { SettingConfigEvidence, SettingMechanism } from './evidence-setting-config.js';
import { VISIBILITY_SETTING, findExpiredReceipts } from './queue-visibility.js';
import { MAX_TTL_SETTING, ROLE_SETTING, findMaxTtl, findVaultDenials, findVaultRole } from './vault-token-ttl.js';
import { FIFO_VALUE, findFifoSendRefusals } from './sqs-fifo-send.js';
import { BROKER_VERSION_SETTING, CODEC_SETTING, findCodecRefusals } from './kafka-codec.js';
import { MONGO_ADDRESS_KEY, SQL_ADDRESS_KEY, findNotPrimaryWrites, findReadOnlyWrites, maskCredentials } from './server-address-config.js';
import { ADDRESSED_KEY, ADDRESSED_NAMED_KEY, findAddressedErrors } from './addressed-dependency-error.js';
import { REDELIVERY_SETTING, WORKER_TIMEOUT_SETTING, findRedeliveredJobs } from './job-redelivery.js';
import { LIVENESS_GROUP_ENV, findHealthCheckedLiveness, findLivenessGroupLine } from './liveness-group.js';
import { findRemoteWriteRefusals, listScrapeJobs } from './remote-write-refusal.js';
import { JVM_OPTIONS_KEY, STACK_SIZE_VALUE, findStackOverflows } from './thread-stack-size.js';
import { RENAMED_ENV_KEY, findRenamedSettingLine, findSpringLoopbackRefusal } from './spring-renamed-property.js';
import { SESSION_STORE_KEY, findLostSessions, hasLiteralStoreEnv } from './in-process-sessions.js';
import { SASL_MECHANISM_KEY, findSaslMechanismLine, findScramRefusal } from './scram-mechanism.js';
import { LOCK_SETTING, findLostLocks } from './message-lock-lost.js';
import { DB_HOST_KEY, SOCKET_HOST_VALUE, findMysqlSocketMissing } from './mysql-socket-host.js';
import { DB_USER_KEY, findDbPrivilegeRefusal, listDbUserSources } from './db-run-user.js';
import { findOwnLimiterRefusals } from './own-limiter-refusals.js';
import { RATE_LIMIT_KEY, summarizeRateLimit } from './rate-limit-config.js';
import { findPartitionKeyLine, findPartitionRefusals } from './clickhouse-partition-key.js';
import { findExpiredCredentialRefusals, readCredentialExpiry } from './expired-signed-credential.js';
import { findMissingQueueErrors, readQueueValue } from './missing-queue.js';

/** At most this many ConfigMaps read per mechanism, and as many for a Vault role's definition. */
const MAX_READS = 2;

/** A value longer than this is no setting (a whole file): it is not kept. */
const MAX_VALUE_CHARS = 120;
/** A connection string runs longer (hosts, options): up to this, with its password masked. */
const MAX_ADDRESS_CHARS = 400;

/** The keys each mechanism's setting is kept from. */
const SETTING_KEYS: Record<SettingMechanism, RegExp> = {
  'queue-visibility': VISIBILITY_SETTING,
  'vault-token': new RegExp(`${MAX_TTL_SETTING.source}|${ROLE_SETTING.source}`, 'i'),
  // Any key: what marks the setting is its value, a queue URL or name ending in .fifo.
  'queue-fifo': /./,
  'kafka-codec': new RegExp(`${BROKER_VERSION_SETTING.source}|${CODEC_SETTING.source}`, 'i'),
  'server-address': new RegExp(`${MONGO_ADDRESS_KEY.source}|${SQL_ADDRESS_KEY.source}|${ADDRESSED_NAMED_KEY.source}`, 'i'),
  'queue-redelivery': new RegExp(`${REDELIVERY_SETTING.source}|${WORKER_TIMEOUT_SETTING.source}`, 'i'),
  'liveness-group': LIVENESS_GROUP_ENV,
  'thread-stack': JVM_OPTIONS_KEY,
  // A config file it mounts (prometheus.yml): what is kept is read from the file, not a key.
  'scrape-jobs': /./,
  'renamed-property': RENAMED_ENV_KEY,
  'session-store': SESSION_STORE_KEY,
  'sasl-mechanism': SASL_MECHANISM_KEY,
  'message-lock': LOCK_SETTING,
  'socket-host': DB_HOST_KEY,
  'db-user': DB_USER_KEY,
  'rate-limit': RATE_LIMIT_KEY,
  // A migration file the pod mounts: what is kept is the refused table's PARTITION BY, read from the file.
  'partition-key': /./,
  // Any key: what marks the credential is its value, a signed URL or a token that states its expiry.
  'credential-expiry': /./,
  'client-timeout': TIMEOUT_SETTING_KEY,
  // Any key: what marks the setting is its value, an SQS queue URL or ARN (a bare name under a queue key).
  'missing-queue': /./,
};

/** The values a mechanism's setting is kept by, when its keys' names do not tell it. */
const SETTING_VALUES: Partial<Record<SettingMechanism, RegExp>> = {
  'queue-fifo': FIFO_VALUE,
  'thread-stack': STACK_SIZE_VALUE,
  'socket-host': SOCKET_HOST_VALUE,
};

export interface SettingConfigRead extends ConfigMapSource {
  mechanism: SettingMechanism;
  /** The table whose DDL is looked for (partition-key). */
  table?: string;
  /** server-address read for an error that says what its address points at: any URL key may hold that address. */
  anyUrl?: boolean;
}

interface Seen {
  logs: readonly LogEvidence[];
  pods: readonly PodEvidence[];
  now: IsoTime;
}

/** The logging container of the mechanism's first pod: the one whose settings decide it. */
function containerOf(pods: readonly PodEvidence[], pod: string | undefined, container: string) {
  return pods.find((p) => p.name === pod)?.containers.find((c) => c.name === container);
}

/** A ConfigMap the pod mounts into the container (`via: 'mount'`): where an application's config file lives. */
function listMountedSources(pods: readonly PodEvidence[], podName: string | undefined, container: string): ConfigMapSource[] {
  const pod = pods.find((p) => p.name === podName);
  const mounts = pod?.containers.find((c) => c.name === container)?.volumeMounts ?? [];
  return (pod?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined && mounts.some((m) => m.name === v.name) ? [{ configMap: v.ref, via: 'mount' }] : []));
}

/** ConfigMaps any container of the pod mounts (its init containers too: a migration step), the logging container's first; at most MAX_READS. */
function listPodMountedSources(pods: readonly PodEvidence[], podName: string | undefined, container: string): ConfigMapSource[] {
  const pod = pods.find((p) => p.name === podName);
  const own = listMountedSources(pods, podName, container);
  const mounted = new Set([...(pod?.initContainers ?? []), ...(pod?.containers ?? [])].flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
  const rest = (pod?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined && mounted.has(v.name) ? [{ configMap: v.ref, via: 'mount' }] : []));
  const all = [...own, ...rest];
  return all.filter((s, i) => all.findIndex((o) => o.configMap === s.configMap) === i).slice(0, MAX_READS);
}

/** The container's config files first, then the ConfigMaps it takes variables from; each once, at most MAX_READS. */
function listConfigSources(pods: readonly PodEvidence[], podName: string | undefined, container: string): ConfigMapSource[] {
  const all = [...listMountedSources(pods, podName, container), ...listConfigMapSources(containerOf(pods, podName, container), MAX_READS)];
  return all.filter((s, i) => all.findIndex((o) => o.configMap === s.configMap) === i).slice(0, MAX_READS);
}

/** The ConfigMaps to read, per mechanism the logs show: those the logging container takes variables from. */
export function pickSettingConfigReads(ev: Seen): SettingConfigRead[] {
  const queue = findExpiredReceipts(ev.logs, ev.pods, ev.now);
  const vault = findVaultDenials(ev.logs, ev.pods, ev.now);
  const fifo = findFifoSendRefusals(ev.logs, ev.pods, ev.now);
  const codec = findCodecRefusals(ev.logs, ev.pods, ev.now);
  // Writes refused as read-only, MongoDB's "not primary" or a SQL server's: the address the client takes may be a replica's.
  // An error whose kind says what the address points at (a standalone mongod, a bucket of another region): that address.
  const refusedWrites = findNotPrimaryWrites(ev.logs, ev.pods) ?? findReadOnlyWrites(ev.logs, ev.pods);
  const notPrimary = refusedWrites ?? findAddressedErrors(ev.logs, ev.pods);
  const redelivered = findRedeliveredJobs(ev.logs, ev.pods, ev.now);
  const liveness = findHealthCheckedLiveness(ev.logs, ev.pods);
  const overflow = findStackOverflows(ev.logs, ev.pods);
  const remote = findRemoteWriteRefusals(ev.logs, ev.pods);
  const loopback = findSpringLoopbackRefusal(ev.logs, ev.pods);
  const running = ev.pods.filter((p) => p.phase === 'Running');
  const sessions = running.length < 2 ? undefined : findLostSessions(ev.logs, new Set(running.map((p) => p.name)));
  const sessionContainer = sessions === undefined ? undefined : containerOf(ev.pods, sessions.pods[0], sessions.container);
  const scram = findScramRefusal(ev.logs)?.lines[0]?.log;
  const locks = findLostLocks(ev.logs, ev.pods, ev.now);
  const socket = findMysqlSocketMissing(ev.logs, ev.pods);
  const privilege = findDbPrivilegeRefusal(ev.logs, ev.pods);
  const limiter = findOwnLimiterRefusals(ev.logs)?.hits[0];
  const partitions = findPartitionRefusals(ev.logs, ev.pods);
  const table = partitions?.table;
  const expired = findExpiredCredentialRefusals(ev.logs, ev.pods, ev.now);
  const stated = findStatedTimeout(ev.logs, ev.pods);
  const missingQueue = findMissingQueueErrors(ev.logs, ev.pods, ev.now);
  return [
    ...(queue === undefined ? [] : listConfigMapSources(containerOf(ev.pods, queue.pods[0], queue.container), MAX_READS).map((s) => ({ mechanism: 'queue-visibility' as const, ...s }))),
    ...(vault === undefined ? [] : listConfigMapSources(containerOf(ev.pods, vault.pods[0], vault.container), MAX_READS).map((s) => ({ mechanism: 'vault-token' as const, ...s }))),
    ...(fifo === undefined ? [] : listConfigMapSources(containerOf(ev.pods, fifo.pods[0], fifo.container), MAX_READS).map((s) => ({ mechanism: 'queue-fifo' as const, ...s }))),
    ...(codec === undefined ? [] : listConfigMapSources(containerOf(ev.pods, codec.pods[0], codec.container), MAX_READS).map((s) => ({ mechanism: 'kafka-codec' as const, ...s }))),
    ...(notPrimary === undefined ? [] : listConfigMapSources(containerOf(ev.pods, notPrimary.pods[0], notPrimary.container), MAX_READS).map((s) => ({ mechanism: 'server-address' as const, ...s, ...(refusedWrites === undefined ? { anyUrl: true } : {}) }))),
    ...(redelivered === undefined ? [] : listConfigMapSources(containerOf(ev.pods, redelivered.pods[0], redelivered.container), MAX_READS).map((s) => ({ mechanism: 'queue-redelivery' as const, ...s }))),
    ...(liveness === undefined ? [] : listConfigSources(ev.pods, liveness.pod, liveness.container).map((s) => ({ mechanism: 'liveness-group' as const, ...s }))),
    ...(overflow === undefined ? [] : listConfigMapSources(containerOf(ev.pods, overflow.pods[0], overflow.container), MAX_READS).map((s) => ({ mechanism: 'thread-stack' as const, ...s }))),
    ...(remote === undefined ? [] : listMountedSources(ev.pods, remote.pods[0], remote.container).slice(0, MAX_READS).map((s) => ({ mechanism: 'scrape-jobs' as const, ...s }))),
    ...(loopback === undefined ? [] : listConfigSources(ev.pods, loopback.pod, loopback.container).map((s) => ({ mechanism: 'renamed-property' as const, ...s }))),
    ...(sessionContainer === undefined || hasLiteralStoreEnv([sessionContainer]) ? [] : listConfigMapSources(sessionContainer, MAX_READS).map((s) => ({ mechanism: 'session-store' as const, ...s }))),
    ...(scram === undefined ? [] : listConfigSources(ev.pods, scram.pod, scram.container).map((s) => ({ mechanism: 'sasl-mechanism' as const, ...s }))),
    ...(locks === undefined ? [] : listConfigMapSources(containerOf(ev.pods, locks.pods[0], locks.container), MAX_READS).map((s) => ({ mechanism: 'message-lock' as const, ...s }))),
    ...(socket === undefined ? [] : listConfigMapSources(containerOf(ev.pods, socket.pod, socket.container), MAX_READS).map((s) => ({ mechanism: 'socket-host' as const, ...s }))),
    ...(privilege === undefined ? [] : listDbUserSources(containerOf(ev.pods, privilege.pod, privilege.container), MAX_READS).map((s) => ({ mechanism: 'db-user' as const, ...s }))),
    ...(limiter === undefined ? [] : listConfigSources(ev.pods, limiter.pod, limiter.container).map((s) => ({ mechanism: 'rate-limit' as const, ...s }))),
    // Only when the refused INSERTs name their table: its DDL is what is looked for.
    ...(partitions === undefined || table === undefined ? [] : listPodMountedSources(ev.pods, partitions.pod, partitions.container).map((s) => ({ mechanism: 'partition-key' as const, table, ...s }))),
    ...(expired === undefined ? [] : listConfigSources(ev.pods, expired.pods[0], expired.container).map((s) => ({ mechanism: 'credential-expiry' as const, ...s }))),
    // A timeout error that states its limit: the timeout keys the container takes, to match the limit against.
    ...(stated === undefined ? [] : listConfigMapSources(containerOf(ev.pods, stated.pod, stated.container), MAX_READS).map((s) => ({ mechanism: 'client-timeout' as const, ...s }))),
    // SQS says the queue does not exist: the queue URL the container takes, its start-up line long gone from the tail.
    ...(missingQueue === undefined ? [] : listConfigMapSources(containerOf(ev.pods, missingQueue.pods[0], missingQueue.container), MAX_READS).map((s) => ({ mechanism: 'missing-queue' as const, ...s }))),
  ];
}

/** The keys of a ConfigMap read for `read` that hold its mechanism's setting, as the process sees them (`NAME=value`). */
export function keepSettings(read: SettingConfigRead, configMap: string, data: Readonly<Record<string, string>>): SettingConfigEvidence[] {
  if (read.mechanism === 'credential-expiry') return keepCredentialExpiries(read, configMap, data);
  if (read.mechanism === 'missing-queue') return keepQueueAddresses(read, configMap, data);
  const keys = read.mechanism === 'server-address' && read.anyUrl === true ? new RegExp(`${SETTING_KEYS['server-address'].source}|${ADDRESSED_KEY.source}`, 'i') : SETTING_KEYS[read.mechanism];
  const values = SETTING_VALUES[read.mechanism];
  const address = read.mechanism === 'server-address';
  // A JVM options line carries many flags: it runs longer than one setting.
  const long = address || read.mechanism === 'thread-stack';
  // A config file the container mounts: only the one line that sets the setting, as a property.
  if (read.via === 'mount') {
    // A Prometheus config file: the scrape jobs it lists, in its own order.
    if (read.mechanism === 'scrape-jobs') {
      return Object.entries(data).flatMap(([key, text]) => {
        const jobs = listScrapeJobs(text);
        return jobs.length === 0 ? [] : [{ mechanism: read.mechanism, configMap, key, via: 'mount', written: `scrape jobs: ${jobs.join(', ')}`.slice(0, MAX_ADDRESS_CHARS) }];
      });
    }
    // A Spring config file: the one setting it makes under a prefix Spring Boot 3 renamed.
    const table = read.table;
    const find = read.mechanism === 'partition-key' ? (table === undefined ? undefined : (text: string) => findPartitionKeyLine(text, table)) : read.mechanism === 'liveness-group' ? findLivenessGroupLine : read.mechanism === 'renamed-property' ? findRenamedSettingLine : read.mechanism === 'sasl-mechanism' ? findSaslMechanismLine : read.mechanism === 'rate-limit' ? summarizeRateLimit : undefined;
    return find === undefined ? [] : Object.entries(data).flatMap(([key, text]) => {
      const line = find(text);
      return line === undefined ? [] : [{ mechanism: read.mechanism, configMap, key, via: 'mount', written: line.slice(0, MAX_ADDRESS_CHARS) }];
    });
  }
  return Object.entries(data).flatMap(([key, raw]) => {
    if (raw.length > (long ? MAX_ADDRESS_CHARS : MAX_VALUE_CHARS) || raw.includes('\n')) return [];
    if (values !== undefined && !values.test(raw)) return [];
    const value = address ? maskCredentials(raw) : raw;
    if (read.via === 'envFrom') return keys.test(key) ? [{ mechanism: read.mechanism, configMap, key, via: 'envFrom', written: `${key}=${value}` }] : [];
    return key === read.key && (keys.test(read.via) || keys.test(key)) ? [{ mechanism: read.mechanism, configMap, key, via: read.via, written: `${read.via}=${value}` }] : [];
  });
}

/** The keys whose value names an SQS queue (a URL, an ARN, a bare name under a queue key), as the process sees them; nothing else. */
function keepQueueAddresses(read: SettingConfigRead, configMap: string, data: Readonly<Record<string, string>>): SettingConfigEvidence[] {
  return Object.entries(data).flatMap(([key, raw]) => {
    if (raw.length > MAX_ADDRESS_CHARS || raw.includes('\n')) return [];
    if (read.via !== 'envFrom' && key !== read.key) return [];
    const name = read.via === 'envFrom' ? key : read.via;
    return readQueueValue(name, raw) === undefined ? [] : [{ mechanism: read.mechanism, configMap, key, via: read.via, written: `${name}=${raw.trim()}` }];
  });
}

/** A value longer than this is a file, not one credential: its lines are read one by one. */
const MAX_CREDENTIAL_CHARS = 4000;

/**
 * The time-limited credentials a ConfigMap holds for the container, each as its expiry alone: the
 * URL without its query and the parameter that dates it (`se=…`), never the signature or the token.
 */
function keepCredentialExpiries(read: SettingConfigRead, configMap: string, data: Readonly<Record<string, string>>): SettingConfigEvidence[] {
  return Object.entries(data).flatMap(([key, raw]) => {
    if (read.via !== 'envFrom' && read.via !== 'mount' && key !== read.key) return [];
    const name = read.via === 'envFrom' || read.via === 'mount' ? key : read.via;
    const values = read.via === 'mount' ? raw.split('\n').slice(0, 200) : raw.length > MAX_CREDENTIAL_CHARS ? [] : [raw];
    const found = values.map((v) => readCredentialExpiry(v)).find((e) => e !== undefined);
    if (found === undefined) return [];
    const written = `${name}=${found.url !== undefined ? `${found.url}?…&` : '…'}${found.written}${found.url !== undefined ? '&…' : ''}`;
    return [{ mechanism: read.mechanism, configMap, key, via: read.via, written: written.slice(0, MAX_ADDRESS_CHARS), credential: { kind: found.kind, expiry: found.expiry } }];
  });
}

/**
 * Where the pods' Vault tokens are refused and neither their env nor the ConfigMaps they read set
 * a max TTL, but they name the role they log in with: the namespace's ConfigMaps whose name or a
 * key's name carries that role (a rendered copy of the role's definition), at most two.
 */
export function pickRoleConfigMaps(ev: Seen & { configMaps: readonly NamespaceObjectEvidence[] }, config: readonly SettingConfigEvidence[]): { role: string; configMaps: string[] } | undefined {
  const vault = findVaultDenials(ev.logs, ev.pods, ev.now);
  if (vault === undefined) return undefined;
  const container = containerOf(ev.pods, vault.pods[0], vault.container);
  if (findMaxTtl(container, config) !== undefined) return undefined;
  const role = findVaultRole(container, config);
  if (role === undefined) return undefined;
  const read = new Set(config.map((c) => c.configMap));
  const names = (o: NamespaceObjectEvidence) => [o.name, ...(o.keys ?? [])].some((n) => n.toLowerCase().includes(role.toLowerCase()));
  const configMaps = ev.configMaps.filter((o) => o.kind === 'ConfigMap' && !read.has(o.name) && names(o)).map((o) => o.name).slice(0, MAX_READS);
  return configMaps.length === 0 ? undefined : { role, configMaps };
}

/** Lines of a role's definition that set its max TTL: `token_max_ttl: 768h`. */
const MAX_TTL_LINE = /^\s*["']?\w*max_?ttl["']?\s*[:=]/i;

/** The max-TTL line of each key that is the role's definition (the ConfigMap's or the key's name carries the role). */
export function keepRoleSettings(role: string, configMap: string, data: Readonly<Record<string, string>>): SettingConfigEvidence[] {
  const r = role.toLowerCase();
  return Object.entries(data).flatMap(([key, text]) => {
    if (!configMap.toLowerCase().includes(r) && !key.toLowerCase().includes(r)) return [];
    const line = text.split('\n').find((l) => MAX_TTL_LINE.test(l));
    return line === undefined ? [] : [{ mechanism: 'vault-token' as const, configMap, key, via: `role ${role}`, written: line.trim().slice(0, MAX_VALUE_CHARS) }];
  });
}
