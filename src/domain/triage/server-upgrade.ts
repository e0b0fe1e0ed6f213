/**
 * A server that refuses a client for being older than it (MongoDB 6.0 refusing OP_QUERY, an
 * Elasticsearch 8.x refusing a 7.x client's compatibility headers, a MySQL 8.0 refusing as a syntax
 * error a name it now reserves), or that began demanding credentials the client does not send (an
 * Elasticsearch 8.x with security on by default, server-auth-refusal.ts): nothing of the client need have
 * changed, so the server's own rollout is the trigger. The collector reads the pod of the Service
 * the client's address names, and its StatefulSet's or Deployment's revisions (read-server-rollout.ts);
 * a recent rollout (an image change) is then named as the "since".
 */
import type { ContainerSpecEvidence, TriageEvidence } from './evidence.js';
import type { ServerRolloutRead } from './evidence-server-rollout.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { LEGACY_OPCODE_REFUSAL } from './mongo-legacy-opcode.js';
import { COMPAT_HEADERS_REFUSAL } from './es-compat-headers.js';
import { describeServerRollout } from './server-rollout.js';
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
  { refusal: COMPAT_HEADERS_REFUSAL, schemes: [], variable: /ELASTIC|OPENSEARCH|(^|_)ES(_|$)/i },
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

/** The namespace Service an env value of the container addresses: a URL of the server's scheme, or a variable that names the server. */
function pickAddressedService(container: Pick<ContainerSpecEvidence, 'env'>, r: ServerRefusal, namespace: string): string | undefined {
  for (const e of container.env ?? []) {
    if (!('value' in e) || typeof e.value !== 'string') continue;
    const address = readAddress(e.value);
    // A variable that names the database, a user or a port holds no host, though its name names the server.
    const named = r.variable.test(e.name) && (address?.scheme !== undefined || !NOT_AN_ADDRESS.test(e.name));
    if (address === undefined || (!named && (address.scheme === undefined || !r.schemes.includes(address.scheme)))) continue;
    const service = findInClusterService(address.host, namespace);
    if (service?.namespace === namespace) return service.name;
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

/** The server's recent rollout, told: "StatefulSet db rolled to revision 7 52m ago (image … → …)"; undefined when it did not roll out lately. */
export function describeUpgradedServer(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target' | 'dependencyPods' | 'collectedAt'>): { said: string; evidence: string } | undefined {
  const service = findUpgradedServerService(ev);
  const d = service === undefined ? undefined : (ev.dependencyPods ?? []).find((x) => x.service === service && (x.namespace ?? ev.target.namespace) === ev.target.namespace && x.rollout !== undefined);
  return d === undefined ? undefined : describeServerRollout(d.rollout, ev.collectedAt);
}
