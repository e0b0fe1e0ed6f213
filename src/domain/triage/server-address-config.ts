/**
 * A MongoDB client whose writes are answered "not primary" while its connection string is kept in
 * a ConfigMap (configMapKeyRef, envFrom), not in a literal env value: the string is what decides
 * it — `directConnection=true` to one member's pod name never follows an election, so after a
 * failover that member is a secondary and every write fails while reads work. The ConfigMap key
 * that holds the address is read (setting-config.ts) with any password masked; never a Secret.
 * So is a SQL client's whose writes are refused as read-only (PostgreSQL 25006, MySQL 1290): its
 * host may name the replicas' Service rather than the read-write one (replica-service.ts).
 */
import type { ContainerEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { READ_ONLY_REFUSAL } from './read-only-setting.js';
import { findServerAddress } from './server-address.js';
import type { ServerKind } from './server-address.js';

/** MongoDB's answer to a write sent to a member that is not the primary (code 10107 and its older words). */
export const MONGO_NOT_PRIMARY = /NotWritablePrimary|not master and slaveOk=false|\bnot primary\b/i;

/** The keys that hold a MongoDB address: MONGODB_URI, MONGO_URL, SPRING_DATA_MONGODB_URI, MONGO_HOSTS. */
export const MONGO_ADDRESS_KEY = /MONGO\w*(URI|URL|HOSTS?)$/i;

/** The keys that hold a SQL server's address: DB_HOST, PGHOST, MYSQL_HOST, DB_URL, SPRING_DATASOURCE_URL. */
export const SQL_ADDRESS_KEY = /(DATABASE|DATASOURCE|DB|POSTGRES\w*|PG|MYSQL|MARIADB)_?(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|URL|URI|DSN)$/i;

/** A read-only refusal may be one session's default; the same answer again is the state of the client. */
const MIN_LINES = 2;

/**
 * The pods and container whose current logs carry "not primary" answers, even one: a write a
 * secondary refused is lost, not retried into success, and the log read of a pod or two may hold
 * only one of them (dependency-refuses.ts takes it as decisive too).
 */
export function findNotPrimaryWrites(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pods: string[]; container: string } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => MONGO_NOT_PRIMARY.test(line)).map(() => l));
  const first = hits[0];
  return first === undefined ? undefined : { pods: [...new Set(hits.map((h) => h.pod))], container: first.container };
}

/**
 * The pods and container whose current logs carry writes refused as read-only, when at least two
 * lines do and the container names no address of its own in a literal env value.
 */
export function findReadOnlyWrites(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pods: string[]; container: string } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => READ_ONLY_REFUSAL.test(line)).map(() => l));
  const first = hits[0];
  if (first === undefined || hits.length < MIN_LINES) return undefined;
  const c = pods.find((p) => p.name === first.pod)?.containers.find((x) => x.name === first.container);
  const literal = c !== undefined && (findServerAddress(c, 'PostgreSQL') ?? findServerAddress(c, 'MySQL')) !== undefined;
  return literal ? undefined : { pods: [...new Set(hits.map((h) => h.pod))], container: first.container };
}

/** A connection string with its password masked (`mongodb://app:***@host`, `app:***@tcp(host)/db`, `?password=***`): a ConfigMap may hold one, the evidence never does. */
export function maskCredentials(value: string): string {
  return value
    .replace(/(\/\/[^:@/\s]+):[^@/\s]+@/g, '$1:***@')
    .replace(/^([^:@/\s]+):[^@\s]*@(tcp|unix)\(/i, '$1:***@$2(')
    .replace(/([?&;](?:password|pwd)=)[^&;\s]*/gi, '$1***');
}

/** The address a ConfigMap gives the client's env (the value as the process sees it), as findServerAddress reads an env; with the ConfigMap. */
export function findConfiguredServerAddress(config: readonly SettingConfigEvidence[], server: ServerKind): { env: string; host: string; value: string; configMap: string } | undefined {
  const read = config.filter((c) => c.mechanism === 'server-address');
  const env = read.map((c) => ({ name: c.written.slice(0, c.written.indexOf('=')), value: c.written.slice(c.written.indexOf('=') + 1) }));
  const found = findServerAddress({ env }, server);
  const at = found ? env.findIndex((e) => e.name === found.env) : -1;
  const value = env[at]?.value;
  const configMap = read[at]?.configMap;
  return found && value !== undefined && configMap !== undefined ? { ...found, value, configMap } : undefined;
}

/** Whether a MongoDB connection string turns replica-set discovery off (directConnection=true, or the legacy connect=direct). */
export function isDirectConnection(uri: string): boolean {
  return /[?&](directConnection=true|connect=direct)\b/i.test(uri);
}

/**
 * The connection string that pins a MongoDB client to one member, wherever the client takes it
 * from: a literal env value of the container, else the ConfigMap value read for it. Undefined when
 * the string discovers the replica set.
 */
export function findDirectConnection(c: Pick<ContainerEvidence, 'env'> | undefined, address: { env: string; host: string } | undefined, fromConfigMap: { env: string; host: string; value: string; configMap: string } | undefined): { env: string; host: string; value: string; configMap?: string } | undefined {
  if (fromConfigMap) return isDirectConnection(fromConfigMap.value) ? fromConfigMap : undefined;
  const literal = address ? c?.env?.find((e) => e.name === address.env && 'value' in e) : undefined;
  const value = literal && 'value' in literal ? literal.value : undefined;
  return address && value !== undefined && isDirectConnection(value) ? { ...address, value: maskCredentials(value) } : undefined;
}

/** The member a direct connection names: the pod of `mongo-0.mongo.ledger.svc.cluster.local`, or the host itself. */
export function describeDirectMember(host: string, service: string | undefined): string {
  const [first, second] = host.split('.');
  return first !== undefined && second !== undefined && second === service ? first : host;
}
