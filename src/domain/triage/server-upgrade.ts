/**
 * A server that refuses a client for being older than it (MongoDB 6.0 refusing OP_QUERY, a MongoDB
 * driver whose highest wire version is below the server's lowest, an
 * Elasticsearch 8.x refusing a 7.x client's compatibility headers, a MySQL 8.0 refusing as a syntax
 * error a name it now reserves, a PostgreSQL 16 that pg_dump 15 will not dump), or that began demanding credentials the client does not send (an
 * Elasticsearch 8.x with security on by default, server-auth-refusal.ts): nothing of the client need have
 * changed, so the server's own rollout is the trigger. The collector reads the pod of the Service
 * the client's address names (in its env, or a host flag in its command line), and its StatefulSet's or Deployment's revisions (read-server-rollout.ts);
 * a recent rollout (an image change) is then named as the "since".
 */
import type { ContainerSpecEvidence, IsoTime, TriageEvidence } from './evidence.js';
import type { ServerRolloutRead } from './evidence-server-rollout.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { LEGACY_OPCODE_REFUSAL } from './mongo-legacy-opcode.js';
import { MONGO_WIRE_CEILING } from './server-version-requirement.js';
import { COMPAT_HEADERS_REFUSAL } from './es-compat-headers.js';
import { describeServerRollout } from './server-rollout.js';
import { DUMP_VERSION_REFUSAL } from './client-version-refusal.js';
import { RESERVED_WORD_SYNTAX_ERROR } from './sql-reserved-word.js';
import { ES_AUTH_REFUSAL, MONGO_AUTH_REFUSAL, REDIS_AUTH_REFUSAL } from './server-auth-refusal.js';

interface ServerRefusal {
  /** A line the server's refusal of an older client leaves in the client's log. */
  refusal: { test(line: string): boolean };
  /** URL schemes of the server's address. */
  schemes: readonly string[];
  /** A variable that names the server (its address need not be a URL of its own scheme). */
  variable: RegExp;
}

const REFUSALS: readonly ServerRefusal[] = [
  { refusal: LEGACY_OPCODE_REFUSAL, schemes: ['mongodb', 'mongodb+srv'], variable: /MONGO/i },
  // A driver that supports at most an older wire version than the server's minimum (server-version-requirement.ts).
  { refusal: MONGO_WIRE_CEILING, schemes: ['mongodb', 'mongodb+srv'], variable: /MONGO/i },
  { refusal: COMPAT_HEADERS_REFUSAL, schemes: [], variable: /ELASTIC|OPENSEARCH|(^|_)ES(_|$)/i },
  // pg_dump older than the server it dumps: the tool did not change, the server did.
  { refusal: DUMP_VERSION_REFUSAL, schemes: ['postgres', 'postgresql'], variable: /POSTGRES|(^|_)PG|(^|_)DB(_|$)|DATABASE/i },
  { refusal: RESERVED_WORD_SYNTAX_ERROR, schemes: ['mysql', 'mariadb', 'postgres', 'postgresql'], variable: /MYSQL|MARIADB|POSTGRES|(^|_)PG|(^|_)DB(_|$)|DATABASE/i },
  // A server that began demanding authentication the unchanged client does not send (server-auth-refusal.ts).
  { refusal: ES_AUTH_REFUSAL.refusal, schemes: [], variable: /ELASTIC|OPENSEARCH|(^|_)ES(_|$)/i },
  { refusal: REDIS_AUTH_REFUSAL.refusal, schemes: ['redis', 'rediss'], variable: /REDIS/i },
  { refusal: MONGO_AUTH_REFUSAL.refusal, schemes: ['mongodb', 'mongodb+srv'], variable: /MONGO/i },
];

/** Variables of a server's connection settings that are not its address: the database's name, the user, the password, the port. */
const NOT_AN_ADDRESS = /(NAME|USER|PASS|PASSWORD|PORT|SCHEMA)$/i;

/** The host of an address: a URL (its scheme without a JDBC prefix or a "+driver" suffix), a Go DSN's tcp(host:port), or a bare host[:port]. */
function readAddress(value: string): { scheme?: string; host: string } | undefined {
  const first = value.split(',')[0]?.trim() ?? '';
  const url = /^(?:jdbc:)?([a-z][\w.-]*)(?:\+[\w.-]+)?:\/\/(?:[^@/\s]*@)?([^:/?\s,]+)/i.exec(first);
  if (url !== null) return { scheme: (url[1] ?? '').toLowerCase(), host: url[2] ?? '' };
  const dsn = /@tcp\(([^:)\s]+)(?::\d+)?\)/.exec(first);
  if (dsn !== null) return { host: dsn[1] ?? '' };
  const bare = /^([a-z0-9.-]+?)(?::\d+)?$/i.exec(first);
  return bare === null ? undefined : { host: bare[1] ?? '' };
}

/** Host flags of a client's command line: `-h db-0.db`, `--host=db`, a libpq `host=db`. */
const HOST_FLAG = /(?:^|\s)(?:-h\s*|--host[=\s]+|host=)([a-z0-9][a-z0-9.-]*)/gi;

/** The namespace Service of an address, when it is one of this namespace's. */
function toLocalService(address: { host: string } | undefined, namespace: string): string | undefined {
  const service = address === undefined ? undefined : findInClusterService(address.host, namespace);
  return service?.namespace === namespace ? service.name : undefined;
}

/** The namespace Service an env value of the container addresses (a URL of the server's scheme, or a variable that names the server), else a URL or host flag of its command line. */
function pickAddressedService(container: Pick<ContainerSpecEvidence, 'env' | 'command' | 'args'>, r: ServerRefusal, namespace: string): string | undefined {
  for (const e of container.env ?? []) {
    if (!('value' in e) || typeof e.value !== 'string') continue;
    const address = readAddress(e.value);
    // A variable that names the database, a user or a port holds no host, though its name names the server.
    const named = r.variable.test(e.name) && (address?.scheme !== undefined || !NOT_AN_ADDRESS.test(e.name));
    if (address === undefined || (!named && (address.scheme === undefined || !r.schemes.includes(address.scheme)))) continue;
    const service = toLocalService(address, namespace);
    if (service !== undefined) return service;
  }
  // A tool run by a script (a backup Job) names its server on its command line.
  const line = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  for (const word of line.split(/[\s'"]+/)) {
    const address = /^[a-z][\w.+-]*:\/\//i.test(word) ? readAddress(word) : undefined;
    const service = address?.scheme !== undefined && r.schemes.includes(address.scheme) ? toLocalService(address, namespace) : undefined;
    if (service !== undefined) return service;
  }
  for (const m of line.matchAll(HOST_FLAG)) {
    const service = toLocalService({ host: m[1] ?? '' }, namespace);
    if (service !== undefined && service !== 'localhost') return service;
  }
  return undefined;
}

/** The Service of the server whose refusal of an older client the workload's logs show (at most one). */
export function findUpgradedServerService(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): string | undefined {
  for (const log of ev.logs) {
    const r = REFUSALS.find((x) => log.lines.some((l) => x.refusal.test(l)));
    const container = ev.pods.find((p) => p.name === log.pod)?.containers.find((c) => c.name === log.container);
    const service = r && container ? pickAddressedService(container, r, ev.target.namespace) : undefined;
    if (service !== undefined) return service;
  }
  return undefined;
}

/** For the collector: that Service, whose pod to read. */
export function listUpgradedServerServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): string[] {
  const service = findUpgradedServerService(ev);
  return service === undefined ? [] : [service];
}

/** For the collector: the revisions to read of the workload that runs that Service's pod (its StatefulSet or Deployment). */
export function listUpgradedServerRolloutReads(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>, read: readonly DependencyPodEvidence[]): ServerRolloutRead[] {
  const service = findUpgradedServerService(ev);
  const d = service === undefined ? undefined : read.find((x) => x.service === service && (x.namespace ?? ev.target.namespace) === ev.target.namespace);
  const owner = d?.pod.ownerWorkload;
  const hash = d?.pod.revisionHash;
  if (d === undefined || owner === undefined || hash === undefined) return [];
  const base = { service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, revisionHash: hash };
  if (owner.kind === 'StatefulSet') return [{ ...base, statefulSet: owner.name }];
  if (owner.kind === 'Deployment') return [{ ...base, deployment: owner.name }];
  return [];
}

/**
 * The server's recent rollout, told: "StatefulSet db rolled to revision 7 52m ago (image … → …)";
 * undefined when it did not roll out lately — or, for a recurring client, since its last good run.
 */
export function describeUpgradedServer(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target' | 'dependencyPods' | 'collectedAt'>, lastGood?: IsoTime): { said: string; evidence: string } | undefined {
  const service = findUpgradedServerService(ev);
  const d = service === undefined ? undefined : (ev.dependencyPods ?? []).find((x) => x.service === service && (x.namespace ?? ev.target.namespace) === ev.target.namespace && x.rollout !== undefined);
  return d === undefined ? undefined : describeServerRollout(d.rollout, ev.collectedAt, lastGood);
}
