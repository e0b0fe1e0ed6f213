/**
 * A mesh sidecar that parses a TCP protocol as HTTP because the Service port says so. Istio picks
 * a port's protocol from its appProtocol, else from its name's prefix (`http-`, `http2-`, `grpc-`…),
 * and puts an HTTP codec on it: a database's or a broker's wire protocol then fails in the
 * client's own proxy (its access log: `400 DPE … http1.codec_error`), and the client reads an HTTP
 * error where it expected its server's answer ("invalid response to SSL negotiation: H").
 */
import { parseDependencyError } from './dependency-error-line.js';
import { findInClusterService, findServiceOf } from './down-service.js';
import type { IsoTime, LogEvidence, PodEvidence, ServiceEvidence, ServicePortEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { readLineTime } from './request-silence.js';
import { earliest, formatAgo } from './time-span.js';
import type { ToldReading } from './told-reading.js';

/** Servers that speak their own protocol over TCP, by their usual port; a slug for the port name. */
const TCP_PORTS: Record<number, { name: string; slug: string }> = {
  5432: { name: 'Postgres', slug: 'postgres' },
  3306: { name: 'MySQL', slug: 'mysql' },
  6379: { name: 'Redis', slug: 'redis' },
  5672: { name: 'AMQP', slug: 'amqp' },
  9092: { name: 'Kafka', slug: 'kafka' },
  27017: { name: 'MongoDB', slug: 'mongo' },
  11211: { name: 'Memcached', slug: 'memcached' },
  9042: { name: 'Cassandra', slug: 'cql' },
  1433: { name: 'SQL Server', slug: 'mssql' },
  2181: { name: 'ZooKeeper', slug: 'zookeeper' },
  4222: { name: 'NATS', slug: 'nats' },
};

/** The same servers by a word of the port's name (`http-postgres`, `grpc-redis`), for unusual port numbers. */
const TCP_WORDS: [RegExp, number][] = [
  [/\b(postgres(ql)?|pg)\b/, 5432], [/\b(mysql|mariadb)\b/, 3306], [/\bredis\b/, 6379], [/\b(amqp|rabbitmq)\b/, 5672],
  [/\bkafka\b/, 9092], [/\bmongo(db)?\b/, 27017], [/\bmemcached?\b/, 11211], [/\b(cassandra|cql)\b/, 9042],
  [/\b(mssql|sqlserver)\b/, 1433], [/\bzookeeper\b/, 2181], [/\bnats\b/, 4222],
];

/** Istio's HTTP-family protocols, by appProtocol or the name's prefix (`https` is TLS, inspected as such: not here). */
const HTTP_FAMILY = /^(http|http2|grpc|grpc-web|h2c|kubernetes\.io\/h2c)$/i;

/** Client-side words of a binary protocol answered in HTTP (an `HTTP/1.1 400` whose first byte is 'H'). */
const GARBAGE = [
  /http1\.codec_error|"\s*-\s*-\s*HTTP\/1\.1"\s+400\s+DPE/i,
  /invalid response to SSL negotiation: H\b/i,
  /error occurred while setting up the SSL connection/i,
  /Got packets out of order/i,
  /Protocol error, got "H"/i,
  /upstream connect error or disconnect\/reset before headers/i,
];

/** What declares the port HTTP to the mesh: `named http-postgres` or `has appProtocol http`. */
function readHttpDeclaration(port: ServicePortEvidence): { by: 'name' | 'appProtocol'; word: string } | undefined {
  // appProtocol, when set, decides; an explicit `tcp` there overrides any name.
  if (port.appProtocol !== undefined) return HTTP_FAMILY.test(port.appProtocol) ? { by: 'appProtocol', word: port.appProtocol } : undefined;
  const prefix = port.name?.split('-')[0] ?? '';
  return port.name !== undefined && HTTP_FAMILY.test(prefix) ? { by: 'name', word: port.name } : undefined;
}

function tcpProtocolOf(port: ServicePortEvidence): { name: string; slug: string } | undefined {
  const byWord = TCP_WORDS.find(([re]) => re.test((port.name ?? '').toLowerCase()))?.[1];
  const targetNumber = typeof port.targetPort === 'number' ? port.targetPort : undefined;
  return TCP_PORTS[byWord ?? port.port] ?? (targetNumber === undefined ? undefined : TCP_PORTS[targetNumber]);
}

const ISTIO_SIDECAR = /^istio-proxy$|istio\/proxyv2/;

/** Whether a container is Istio's proxy (its sidecar or its init container). */
export function isIstioProxy(c: { name: string; image: string }): boolean {
  return ISTIO_SIDECAR.test(c.name) || ISTIO_SIDECAR.test(c.image);
}

export function findIstioSidecar(p: PodEvidence): string | undefined {
  return [...p.containers, ...p.initContainers].find((c) => ISTIO_SIDECAR.test(c.name) || ISTIO_SIDECAR.test(c.image))?.name;
}

function hasIstioSidecar(p: PodEvidence): boolean {
  return findIstioSidecar(p) !== undefined;
}

/** A TCP port of the Service that the mesh reads as HTTP. */
function hasMisdeclaredPort(s: ServiceEvidence): boolean {
  return s.ports.some((p) => p.protocol === 'TCP' && readHttpDeclaration(p) !== undefined && tcpProtocolOf(p) !== undefined);
}

/**
 * The Istio sidecar whose log says how the mesh handles the calls (one, of a pod that logs failed
 * calls), when the pod's env or logs name a Service of the namespace whose TCP port is declared
 * HTTP: the proxy's access log shows the HTTP codec rejecting the wire protocol (400 DPE).
 */
export function pickMeshProxyLog(pods: readonly PodEvidence[], logs: readonly LogEvidence[], services: readonly ServiceEvidence[]): { pod: string; container: string } | undefined {
  const suspects = services.filter(hasMisdeclaredPort);
  if (suspects.length === 0) return undefined;
  for (const log of logs) {
    const pod = pods.find((p) => p.name === log.pod);
    const sidecar = pod === undefined ? undefined : findIstioSidecar(pod);
    if (pod === undefined || sidecar === undefined || log.container === sidecar) continue;
    if (!log.lines.some((l) => parseDependencyError(l) !== undefined || GARBAGE.some((re) => re.test(l)))) continue;
    const env = pod.containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : [])));
    const named = (s: ServiceEvidence): boolean => [...env, ...log.lines].some((t) => new RegExp(`(^|[^\\w.-])${s.name}([.:/]|$|[^\\w-])`).test(t));
    if (suspects.some(named)) return { pod: pod.name, container: sidecar };
  }
  return undefined;
}

export interface MeshProtocolMismatch {
  service: ServiceEvidence;
  namespace: string;
  port: ServicePortEvidence;
  declared: { by: 'name' | 'appProtocol'; word: string };
  /** The TCP protocol the port carries: "Postgres". */
  protocol: string;
  /** The name that declares it TCP: "tcp-postgres". */
  tcpName: string;
  /** Lines of the pods' logs (app or proxy) where the protocol came back as HTTP. */
  garbage: { log: LogEvidence; line: string }[];
  /** When the Service was last written (managedFields), when known. */
  changedAt?: IsoTime;
}

/** The Service a dependency address names: of this namespace, or one read one hop away. */
function findDependencyService(ev: TriageEvidence, dependency: string): { svc: ServiceEvidence; namespace: string; changedAt?: IsoTime } | undefined {
  const own = findServiceOf(ev, dependency);
  if (own !== undefined) {
    const o = ev.namespaceObjects?.find((x) => x.kind === 'Service' && x.name === own.name);
    const changedAt = o?.changedAt ?? o?.createdAt;
    return { svc: own, namespace: ev.target.namespace, ...(changedAt ? { changedAt } : {}) };
  }
  const ref = findInClusterService(dependency.replace(/:\d+$/, ''), ev.target.namespace);
  const other = ref === undefined ? undefined : ev.dependencyServices?.find((d) => d.namespace === ref.namespace && d.service.name === ref.name);
  return other === undefined ? undefined : { svc: other.service, namespace: other.namespace, ...(other.changedAt ? { changedAt: other.changedAt } : {}) };
}

/**
 * The failing pods call `dependency` (host:port) through an Istio sidecar, and that Service's port
 * declares an HTTP-family protocol while it carries a known TCP one: the mesh breaks every
 * connection. Undefined when any of the three is not so.
 */
export function findMeshProtocolMismatch(ev: TriageEvidence, pods: readonly PodEvidence[], dependency: string): MeshProtocolMismatch | undefined {
  if (!pods.some(hasIstioSidecar)) return undefined;
  const found = findDependencyService(ev, dependency);
  if (found === undefined) return undefined;
  const number = Number(/:(\d+)$/.exec(dependency)?.[1]);
  const ports = found.svc.ports.filter((p) => p.protocol === 'TCP');
  const port = Number.isFinite(number) && number > 0 ? ports.find((p) => p.port === number) : ports.length === 1 ? ports[0] : undefined;
  if (port === undefined) return undefined;
  const declared = readHttpDeclaration(port);
  const protocol = tcpProtocolOf(port);
  if (declared === undefined || protocol === undefined) return undefined;
  const names = new Set(pods.map((p) => p.name));
  const garbage = [...ev.logs, ...(ev.meshProxyLogs ?? [])].filter((l) => names.has(l.pod)).flatMap((log) => log.lines.filter((l) => GARBAGE.some((re) => re.test(l))).map((line) => ({ log, line: line.trim() })));
  const tcpName = declared.by === 'name' ? declared.word.replace(/^[a-z0-9]+(?=-|$)/i, 'tcp') : `tcp-${protocol.slug}`;
  return { service: found.svc, namespace: found.namespace, port, declared, protocol: protocol.name, tcpName: tcpName === 'tcp' ? `tcp-${protocol.slug}` : tcpName, garbage, ...(found.changedAt ? { changedAt: found.changedAt } : {}) };
}

/** "Service orders-db port 5432 is named http-postgres" / "… has appProtocol http". */
export function describeDeclaration(m: MeshProtocolMismatch): string {
  return `Service ${m.service.name} port ${m.port.port} ${m.declared.by === 'name' ? `is named ${m.declared.word}` : `has appProtocol ${m.declared.word}`}`;
}

/** The fix in a few words: name the port for TCP (or say so in appProtocol). */
export function describeMeshProtocolFix(m: MeshProtocolMismatch): string {
  const where = `Service ${m.service.name}'s port ${m.port.port}`;
  return m.declared.by === 'name' ? `name ${where} ${m.tcpName} (or set appProtocol: tcp)` : `set appProtocol: tcp on ${where}`;
}

export interface MeshProtocolExplanation extends ToldReading {
  evidence: string[];
  /** The client's (or its proxy's) own words of the HTTP answer, when the logs read have them. */
  decisive?: string;
  outsideWorkload: string;
  confirm: string[];
  /** The first HTTP answer the logs show: when it began, for pods whose status does not say. */
  onset?: IsoTime;
}

/** What the verdict says of a mismatch: the port's declaration is the mechanism, naming it TCP the fix. */
export function explainMeshProtocol(ev: TriageEvidence, m: MeshProtocolMismatch, pods: readonly string[]): MeshProtocolExplanation {
  const svc = m.service.name;
  const declared = describeDeclaration(m);
  const fix = describeMeshProtocolFix(m);
  // The client's own words lead; the proxy's access line backs them.
  const last = m.garbage.filter((g) => !ISTIO_SIDECAR.test(g.log.container)).at(-1) ?? m.garbage.at(-1);
  const onset = earliest(m.garbage.map((g) => readLineTime(g.line)));
  const meshed = ev.pods.filter((p) => pods.includes(p.name) && hasIstioSidecar(p)).length;
  return {
    title: `${declared}: the Istio sidecars parse ${m.protocol} as HTTP and break every connection`,
    cause: `Istio takes a port's protocol from its appProtocol, else from its name's prefix: ${m.declared.by === 'name' ? `"${m.declared.word}"` : `appProtocol "${m.declared.word}"`} puts an HTTP codec on ${svc}:${m.port.port} in every sidecar, so the callers' own istio-proxy rejects the ${m.protocol} wire protocol (400 DPE, http1.codec_error) and the client reads an HTTP error instead of its server's answer.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} in the chart or manifest that renders it, so the next sync keeps it; the sidecars then pass the port through as TCP and the clients reconnect by themselves (no restart, no rollback).`,
    fix,
    evidence: [
      `${declared}${m.declared.by === 'name' && m.port.appProtocol === undefined ? ' (no appProtocol)' : ''}: Istio treats it as HTTP, while port ${m.port.port} carries ${m.protocol}`,
      `${meshed} of the failing pods run an Istio sidecar (istio-proxy): their connections to ${svc} go through it`,
      ...(m.changedAt ? [`Service ${svc} was last written ${formatAgo(m.changedAt, ev.collectedAt)}`] : []),
      // The client's words and its proxy's, one of each where both were read.
      ...[...new Set(m.garbage.map((g) => g.log.container))].map((c) => m.garbage.filter((g) => g.log.container === c).at(-1)).flatMap((g) => (g ? [`log ${g.log.pod}/${g.log.container}: ${g.line}`] : [])),
    ],
    ...(last ? { decisive: last.line } : {}),
    ...(onset ? { onset } : {}),
    outsideWorkload: `the protocol the mesh speaks to ${svc} comes from its Service port's ${m.declared.by === 'name' ? 'name' : 'appProtocol'}, which no revision of ${ev.target.name} sets`,
    confirm: [
      formatKubectl({ ...ev.target, namespace: m.namespace }, `get service ${svc} -o jsonpath='{.spec.ports}'`),
      ...(pods[0] ? [formatKubectl(ev.target, `logs ${pods[0]} -c istio-proxy --tail=50`)] : []),
    ],
  };
}
