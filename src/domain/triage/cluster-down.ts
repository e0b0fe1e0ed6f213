/**
 * A clustered server that tells its clients the cluster itself is down (Redis CLUSTERDOWN, an
 * Elasticsearch cluster with no master): the client's pods stay Ready while every call fails, and
 * the cause is on the cluster's side — members it lost, whose replacements cannot start. Pure: the
 * adapter reads the cluster's pods (and the nodes lost around them) only when this names it.
 */
import type { IsoTime, LogEvidence, NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { EventEvidence } from './evidence-pod.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import { findCondition, pickDecisiveLine } from './evidence-lookup.js';
import { getLastTermination } from './pod-status.js';
import { truncate } from '../text.js';
import { isErrorLine } from './error-line.js';
import { findInClusterService } from './down-service.js';
import { RECLAIM_REASON } from './node-reclaims.js';
import { parseSchedulingMessage, summarizeSchedulingReasons } from './scheduling-message.js';
import { findServerAddress } from './server-address.js';
import type { ServerKind } from './server-address.js';
import { findServerServiceByPort } from './server-service.js';
import { MINUTE_MS, msBetween } from './time-span.js';
import { VAULT_SEALED } from './vault-sealed.js';
import { findNodeDown } from './node-reboot.js';
import { CLICKHOUSE_READONLY } from './clickhouse-readonly.js';
import { GALERA_NO_PRIMARY } from './galera-no-primary.js';
import { CONSUL_NO_LEADER } from './consul-no-leader.js';
import { KAFKA_BROKERS_SHORT } from './kafka-brokers-short.js';
import { KAFKA_COORDINATOR_DOWN } from './kafka-coordinator-down.js';
import { MONGO_WRITE_MAJORITY } from './mongo-write-majority.js';
import { findDiskFullLine, listPodClaims } from './server-disk-full.js';
import { CLICKHOUSE_DDL_UNFINISHED } from './clickhouse-ddl-unfinished.js';
import type { ClusterDownSign, MemberReadiness } from './cluster-down-sign.js';
import { findRefusedTopics } from './topic-replication.js';

export type { ClusterDownSign, MemberReadiness };

export const CLUSTER_DOWN: readonly ClusterDownSign[] = [
  // MinIO's S3 error code XMinioStorageQuorum / SlowDown-like 503 "Storage resources are insufficient
  // for the write operation": an erasure set with fewer drives online than its write quorum.
  {
    server: 'MinIO',
    cluster: 'MinIO',
    pattern: /Storage resources are insufficient for the (write|read) operation|XMinio(Write|Read)?Quorum|Insufficient number of drives online/i,
    token: 'insufficient drives online',
    state: 'lost write quorum',
    majority: true,
    meaning:
      'MinIO erasure-codes every object across the drives of its servers and writes only while at least half of them (plus one, at the default parity of half) are online: with members down it answers every PUT with 503 "Storage resources are insufficient for the write operation" (its own log says "Write failed. Insufficient number of drives online") while reads that still find enough shards work — the client pods stay Ready. Nothing in the client fixes it; the drives must come back.',
    check: 'mc admin info <alias>',
    recovers: 'enough drives are online again',
  },
  {
    server: 'Redis',
    cluster: 'Redis Cluster',
    pattern: /\bCLUSTERDOWN\b/,
    token: 'CLUSTERDOWN',
    meaning:
      'Redis Cluster answers CLUSTERDOWN when its cluster state is fail: a range of its 16384 hash slots has no reachable master — the master serving it failed and no replica of it could be promoted (it had none left, or its replica went down with it) — and with cluster-require-full-coverage (the default) the whole cluster then refuses every command, not only the keys of that range.',
    check: 'redis-cli cluster info; redis-cli cluster nodes',
  },
  {
    server: 'Elasticsearch',
    cluster: 'Elasticsearch cluster',
    pattern: /master_not_discovered_exception|SERVICE_UNAVAILABLE\/2\/no master/i,
    token: 'no master',
    meaning:
      'An Elasticsearch cluster with no elected master refuses writes and most reads: fewer than a quorum of its master-eligible nodes are up, so none can be elected.',
    check: 'curl -s localhost:9200/_cluster/health; curl -s localhost:9200/_cat/nodes',
  },
  // The drivers' words for a topology with no primary once server selection gave up: Node and Go
  // name the topology type, pymongo says no primary, the Java driver waits for a writable server
  // of a replica set. A lone "not primary" is a write that reached a secondary: not this. Nor a
  // driver that refused the servers' wire version: it selects none and calls that no primary.
  {
    server: 'MongoDB',
    cluster: 'MongoDB replica set',
    pattern: /^(?![^\n]*\b(?:minimum|maximum) wire version\b)[^\n]*(?:\bReplicaSetNoPrimary\b|No primary available for writes|No replica set members match selector "Primary\(\)"|waiting for a server that matches WritableServerSelector[^\n]*type=REPLICA_SET\b)/,
    token: 'ReplicaSetNoPrimary',
    state: 'has no primary',
    majority: true,
    meaning:
      'A MongoDB replica set has a primary only while a majority of its voting members see each other: with fewer up, the survivors cannot elect one (a primary that loses the majority steps down) and stay SECONDARY, so every write waits for server selection and times out while reads a secondary may serve still work — the client pods stay Ready. No connection string fixes that: there is no primary to follow.',
    check: "mongosh --quiet --eval 'rs.status().members.map(m => m.name + \" \" + m.stateStr)'",
    recovers: 'a primary is elected',
  },
  // The coordinator's Unavailable error, as the drivers pass it on: the Java driver's "Not enough
  // replicas available for query at consistency QUORUM (2 required but only 1 alive)", the Python
  // and Go drivers' "Cannot achieve consistency level QUORUM" (with required/alive counts).
  {
    server: 'Cassandra',
    cluster: 'Cassandra cluster',
    pattern: /Not enough replicas available for query at consistency \w+|Cannot achieve consistency level \w+/,
    token: 'Unavailable',
    state: 'has too few replicas alive',
    describe: describeUnavailable,
    meaning:
      'Cassandra refuses a request up front (Unavailable) when fewer replicas of its partition are alive, as gossip sees them, than its consistency level needs: QUORUM needs a majority of the replication factor (2 of 3), so with two of three replicas down every QUORUM read and write fails at once while the client pods stay Ready. Lowering the consistency level would hide it at the cost of the guarantees the application chose.',
    check: 'nodetool status',
    recovers: 'enough replicas are alive again',
  },
  // A broker refusing a produce with acks=all for its partition's shrunken ISR: the producer's
  // error code (logged at WARN while it retries) and the exception it ends with.
  {
    server: 'Kafka',
    cluster: 'Kafka cluster',
    pattern: /\bNOT_ENOUGH_REPLICAS(?:_AFTER_APPEND)?\b|NotEnoughReplicas(?:AfterAppend)?Exception/,
    token: 'NOT_ENOUGH_REPLICAS',
    state: 'has too few in-sync replicas',
    // The producer's lines say no more than the code; the broker's own message adds the sizes.
    describe: describeShortIsr,
    topics: findRefusedTopics,
    meaning:
      "A Kafka broker refuses a produce with acks=all (NOT_ENOUGH_REPLICAS) when the partition's in-sync replica set (ISR) is smaller than the topic's min.insync.replicas: brokers that are down drop out of the ISR, and once fewer than min.insync.replicas remain every such write is refused (the producer retries until its delivery timeout) while the client pods stay Ready. Lowering min.insync.replicas or acks would accept writes that a single broker's loss can erase.",
    check: 'kafka-topics.sh --bootstrap-server localhost:9092 --describe --under-min-isr-partitions',
    recovers: 'the in-sync replicas reach min.insync.replicas again',
  },
  // A Redis master whose min-replicas-to-write its connected replicas do not meet: the replicas sit
  // beside it under their own Service, so the members read are its whole set.
  {
    server: 'Redis',
    cluster: 'Redis master',
    pattern: /\bNOREPLICAS\b/,
    token: 'NOREPLICAS',
    state: 'refuses every write for want of a connected replica',
    wholeSet: true,
    settings: ['min-replicas-to-write', 'min-replicas-max-lag'],
    meaning:
      'A Redis master configured with min-replicas-to-write N refuses every write (NOREPLICAS Not enough good replicas to write) while fewer than N replicas are connected to it with a lag under min-replicas-max-lag seconds; reads still work, so the client pods stay Ready and only their writes fail. The master is healthy: its replicas are what is missing.',
    check: 'redis-cli info replication',
    recovers: 'the replica reconnects, the master accepts writes again',
    stopgap: 'As a stopgap, CONFIG SET min-replicas-to-write 0 on the master lets writes through meanwhile (they are then kept by the master alone)',
  },
  VAULT_SEALED,
  CLICKHOUSE_READONLY,
  GALERA_NO_PRIMARY,
  CONSUL_NO_LEADER,
  KAFKA_BROKERS_SHORT,
  MONGO_WRITE_MAJORITY,
  CLICKHOUSE_DDL_UNFINISHED,
  KAFKA_COORDINATOR_DOWN,
];

/** Selector labels that name a member's role (master, replica) rather than the set it belongs to. */
const ROLE_KEY = /(?:^|[./-])(?:component|role)$/i;
const ROLE_VALUE = /^(?:master|primary|leader|writer)$/i;

/**
 * A primary's Service selector without its role label: the selector of its whole set (the
 * replicas with it). Undefined when it has no role label or nothing else.
 */
export function widenToSet(selector: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const kept = Object.entries(selector).filter(([k, v]) => !ROLE_KEY.test(k) && !ROLE_VALUE.test(v));
  return kept.length > 0 && kept.length < Object.keys(selector).length ? Object.fromEntries(kept) : undefined;
}

/** ConfigMaps a member mounts, those named for config first (not its scripts or probes), at most `max`. Never its Secrets. */
export function listConfigMapsOf(pod: PodEvidence | undefined, max = 2): string[] {
  const mounted = [...new Set((pod?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [v.ref] : [])))];
  return [...mounted.filter((m) => /conf/i.test(m)), ...mounted.filter((m) => !/conf/i.test(m))].slice(0, max);
}

/** "has too few in-sync replicas (NOT_ENOUGH_REPLICAS; ISR Set(0) against min.isr 2)", from a producer's or a broker's line. */
function describeShortIsr(line: string): string {
  const sizes = /current ISR (Set\([\d, ]*\)) is insufficient to satisfy the min\.isr requirement of (\d+)/.exec(line);
  return `has too few in-sync replicas (NOT_ENOUGH_REPLICAS${sizes ? `; ISR ${sizes[1] ?? ''} against min.insync.replicas ${sizes[2] ?? ''}` : ''})`;
}

/** "cannot reach consistency QUORUM (2 required but only 1 alive)", from a driver's Unavailable line. */
function describeUnavailable(line: string): string | undefined {
  const java = /at consistency (\w+) \((\d+) required but only (\d+) alive\)/.exec(line);
  if (java) return `cannot reach consistency ${java[1] ?? ''} (${java[2] ?? ''} required but only ${java[3] ?? ''} alive)`;
  const level = /Cannot achieve consistency level (\w+)/.exec(line)?.[1];
  if (level === undefined) return undefined;
  const required = /required_replicas'?"?:\s*(\d+)/.exec(line)?.[1];
  const alive = /alive_replicas'?"?:\s*(\d+)/.exec(line)?.[1];
  return `cannot reach consistency ${level}${required && alive ? ` (${required} required but only ${alive} alive)` : ''}`;
}

/** Lines before it counts: one refused call is not an outage. */
const MIN_LINES = 2;

export interface ClusterDown {
  sign: ClusterDownSign;
  hits: { log: LogEvidence; line: string }[];
  /** The env var holding the cluster's address, and the host it names. */
  address?: { env: string; host: string };
  /** The Service that address names. */
  service?: { name: string; namespace: string };
}

/**
 * The first sign the workload's logs carry at least twice, with where its clients say the cluster
 * is: the address in their env, else (an address kept in a Secret) the namespace's one Service
 * whose port is that server's.
 */
export function findClusterDown(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services']; dependencyMembers?: TriageEvidence['dependencyMembers'] }): ClusterDown | undefined {
  for (const sign of CLUSTER_DOWN) {
    const hits = ev.logs.flatMap((log) => listStandingHits(sign, log.lines).map((line) => ({ log, line: line.trim() })));
    if (hits.length < (sign.once ? 1 : MIN_LINES) && !hits.some((h) => isReplayedRefusal(sign, h.log, ev.pods))) continue;
    const first = hits[0];
    if (sign.coordinator) return { sign, hits, ...findCoordinator(sign.coordinator, ev) };
    const c = ev.pods.find((p) => p.name === first?.log.pod)?.containers.find((x) => x.name === first?.log.container);
    // With no address in its env (a mounted agent config holds it), the refused call's own URL names the server.
    const address = (c ? findServerAddress(c, sign.server) : undefined) ?? (first ? findRefusedUrlHost(first.log) : undefined);
    const byPort = address || !ev.services ? undefined : findServerServiceByPort(ev.services, sign.server, ev.pods.find((p) => p.name === first?.log.pod)?.labels);
    const found = address ? findInClusterService(address.host, ev.target.namespace) : byPort ? { name: byPort.name, namespace: ev.target.namespace } : undefined;
    // Neither names it: the address a ConfigMap the container takes whole holds, read with the members.
    const kept = address || found ? undefined : ev.dependencyMembers?.find((m) => m.address !== undefined);
    const service = found ?? (kept ? { name: kept.service, namespace: kept.namespace } : undefined);
    const at = address ?? (kept?.address ? { env: kept.address.env, host: kept.address.host } : undefined);
    return { sign, hits, ...(at ? { address: at } : {}), ...(service ? { service } : {}) };
  }
  return undefined;
}

/**
 * A crashed run that gave up on the refusal (an error line at or after it) in a container that has
 * restarted again and again: every restart replays that run, so one line stands for each of them.
 */
function isReplayedRefusal(sign: ClusterDownSign, log: LogEvidence, pods: readonly PodEvidence[]): boolean {
  if (!log.previous) return false;
  const pod = pods.find((p) => p.name === log.pod);
  const c = [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])].find((x) => x.name === log.container);
  if (c === undefined || c.restartCount < MIN_LINES) return false;
  const at = log.lines.findIndex((l) => sign.pattern.test(l));
  return at >= 0 && log.lines.slice(at).some(isErrorLine);
}

/** The host of the URL a refused call names in the log ("URL: PUT http://secrets.example.internal:8200/v1/…"), as an address with no env. */
function findRefusedUrlHost(log: LogEvidence): { env: string; host: string } | undefined {
  const host = log.lines.map((l) => /\bURL: [A-Z]+ https?:\/\/([\w.-]+)/.exec(l)?.[1]).find((h) => h !== undefined);
  return host ? { env: 'URL', host } : undefined;
}

/** The lines of one log that show the sign, less those its clients' own later line says are over (the cluster found serving again). */
function listStandingHits(sign: ClusterDownSign, lines: readonly string[]): string[] {
  const cleared = sign.cleared === undefined ? -1 : lines.findLastIndex((l) => sign.cleared?.test(l) === true);
  return lines.filter((line, i) => i > cleared && sign.pattern.test(line));
}

/**
 * The coordination service a server's refusal points at (ClickHouse's Keeper or ZooKeeper): the one
 * Service of the clients' namespace so named, or none when there are several kinds or none.
 */
function findCoordinator(named: RegExp, ev: { target: TriageEvidence['target']; services?: TriageEvidence['services'] }): { service?: { name: string; namespace: string } } {
  const found = (ev.services ?? []).filter((s) => named.test(s.name) && Object.keys(s.selector).length > 0);
  // A client Service and a headless one over the same members: either selects them, the first kept.
  const sets = new Set(found.map((s) => Object.entries(s.selector).sort().map(([k, v]) => `${k}=${v}`).join(',')));
  const one = sets.size === 1 ? found[0] : undefined;
  return one ? { service: { name: one.name, namespace: ev.target.namespace } } : {};
}

/** The Service of a cluster the logs say is down, in any namespace: its pods are worth one read. */
export function pickClusterDownService(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }): { name: string; namespace: string; wholeSet?: true; settings?: readonly string[]; probes?: true; memberLogs?: true; syncLogs?: true; topics?: string[] } | undefined {
  const found = findClusterDown(ev);
  if (found?.service === undefined) return undefined;
  const topics = found.sign.topics?.(found.hits.map((h) => h.line)) ?? [];
  return { ...found.service, ...(topics.length > 0 ? { topics } : {}), ...(found.sign.wholeSet ? { wholeSet: true as const } : {}), ...(found.sign.settings ? { settings: found.sign.settings } : {}), ...(found.sign.readiness ? { probes: true as const } : {}), ...(found.sign.memberLogs ? { memberLogs: true as const } : {}), ...(found.sign.memberSync ? { syncLogs: true as const } : {}) };
}

/** Members whose probe events are read: at most this many, of those that run but are not ready. */
const MAX_PROBED = 2;

/** The members that run but are not ready (no crash, not going away): their failing readiness probe says why. */
export function listProbedMembers(pods: readonly PodEvidence[]): string[] {
  return listDownMembers(pods).filter((d) => d.state === RUNNING_NOT_READY).map((d) => d.pod.name).slice(0, MAX_PROBED);
}

/** The newest readiness-probe failure of a member, read by the sign: what it says of its own state. */
export function readMemberReadiness(sign: ClusterDownSign, members: DependencyMembersEvidence | undefined, pod: string): MemberReadiness | undefined {
  if (sign.readiness === undefined) return undefined;
  const failed = (members?.probeEvents ?? []).filter((e) => e.object.name === pod && /^Readiness probe failed/i.test(e.message)).sort((a, b) => msBetween(a.lastSeen, b.lastSeen))[0];
  return failed ? sign.readiness(failed.message) : undefined;
}

/** Ready members whose current log is read for whether they still catch up: at most this many, started within this window. */
const MAX_SYNCING = 2;
const SYNC_WINDOW_MS = 12 * 60 * MINUTE_MS;

/**
 * The members that run and are ready but were created recently (newest first, at most two): a
 * replica re-created on a new volume answers its probe while it still copies the data set.
 */
export function listRecentReadyMembers(pods: readonly PodEvidence[], now: IsoTime): { pod: string; container: string }[] {
  return pods
    .filter((p) => p.phase === 'Running' && p.ready && p.deletionTimestamp === undefined && p.createdAt !== undefined && msBetween(p.createdAt, now) >= 0 && msBetween(p.createdAt, now) <= SYNC_WINDOW_MS)
    .sort((a, b) => msBetween(a.createdAt ?? now, b.createdAt ?? now))
    .slice(0, MAX_SYNCING)
    .flatMap((p) => (p.containers[0] ? [{ pod: p.name, container: p.containers[0].name }] : []));
}

/** The ready members whose own current log says they are still catching up (in initial sync), by the sign. */
export function findSyncingMembers(sign: ClusterDownSign, members: DependencyMembersEvidence | undefined): { pod: string; said: string; line: string }[] {
  if (sign.memberSync === undefined || members?.logs === undefined) return [];
  return members.pods.filter((p) => p.phase === 'Running' && p.ready).flatMap((p) => {
    const log = members.logs?.find((l) => l.pod === p.name && !l.previous);
    const s = log ? sign.memberSync?.(log.lines) : undefined;
    return s ? [{ pod: p.name, ...s }] : [];
  });
}

/** Env sources a container takes whole, read for a cluster's address: at most this many. */
const MAX_ENV_FROM = 2;

/**
 * When the logs say a cluster is down but neither the client's env nor a Service on the server's
 * port names it: the ConfigMaps its container takes whole (envFrom), where the address may be.
 */
export function pickClusterDownConfigMaps(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }): { server: ServerKind; configMaps: string[]; topics?: string[] } | undefined {
  const found = findClusterDown(ev);
  if (found === undefined || found.service !== undefined || found.address !== undefined) return undefined;
  const first = found.hits[0];
  const c = ev.pods.find((p) => p.name === first?.log.pod)?.containers.find((x) => x.name === first?.log.container);
  const configMaps = (c?.envFrom ?? []).filter((e) => e.kind === 'configMap').map((e) => e.name).slice(0, MAX_ENV_FROM);
  const topics = found.sign.topics?.(found.hits.map((h) => h.line)) ?? [];
  return configMaps.length === 0 ? undefined : { server: found.sign.server, configMaps, ...(topics.length > 0 ? { topics } : {}) };
}

export interface DownMember {
  pod: PodEvidence;
  /** "Pending", "Running, not ready", "Terminating", "crash-looping (exit 100)". */
  state: string;
  /** The scheduler's reasons, summarized, for a Pending member it cannot place. */
  unschedulable?: string;
  /** For a member that keeps crashing: its container, and the line of its log that says why (short). */
  crash?: { container: string; exitCode?: number; restarts: number; said?: string; line?: string };
}

/** A container of a member that keeps dying: restarted, now waiting to start again or with a failed last run. */
function findCrashingContainer(pod: PodEvidence): PodEvidence['containers'][number] | undefined {
  return pod.containers.find((c) => {
    const last = getLastTermination(c);
    return c.restartCount > 0 && !c.ready && last !== undefined && last.exitCode !== 0 && !isLostToItsNode(c, last);
  });
}

/**
 * A run the runtime lost rather than one that crashed (exit 255, reason Unknown: its node rebooted
 * under it), now running again: the member is not crash-looping, its current run says what it is.
 */
function isLostToItsNode(c: PodEvidence['containers'][number], last: { exitCode?: number; reason?: string }): boolean {
  return last.exitCode === 255 && last.reason === 'Unknown' && c.state !== undefined && 'running' in c.state;
}

/** The members whose last run crashed and whose previous log says why: the adapter reads those tails (the first few). */
export function listCrashedMembers(pods: readonly PodEvidence[]): { pod: string; container: string }[] {
  return pods.flatMap((pod) => {
    const c = pod.deletionTimestamp === undefined ? findCrashingContainer(pod) : undefined;
    return c === undefined ? [] : [{ pod: pod.name, container: c.name }];
  });
}

/** A log line as a short reason: no timestamp or level prefix, a JVM exception by its simple name, clipped. */
export function shortenReason(line: string, max = 100): string {
  const t = line.trim()
    .replace(/^\[[^\]]*\d\d:\d\d[^\]]*\]\s*/, '')
    .replace(/^\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\s*/, '')
    .replace(/^(ERROR|FATAL|WARN|INFO)\s+(\[[^\]]*\]\s*)?/, '')
    .replace(/(?:[a-z_][\w]*\.){2,}(?:[A-Z][\w]*\$)?([A-Z][\w]*(?:Exception|Error))/g, '$1')
    .replace(/\s*\((?:[a-z_]+\.)+[\w$]+\)$/, '');
  return truncate(t, max);
}

const RUNNING_NOT_READY = 'Running, not ready';

/** Members that do not serve: Pending, not ready, or going away; a crashing one with what its log says. */
export function listDownMembers(pods: readonly PodEvidence[], logs: readonly LogEvidence[] = []): DownMember[] {
  return pods.flatMap((pod): DownMember[] => {
    if (pod.deletionTimestamp !== undefined) return [{ pod, state: 'Terminating' }];
    if (pod.phase === 'Pending' && pod.nodeName === undefined) {
      const said = findCondition(pod.conditions, 'PodScheduled')?.message;
      const reasons = said ? parseSchedulingMessage(said).reasons : [];
      return [{ pod, state: 'Pending', ...(reasons.length > 0 ? { unschedulable: summarizeSchedulingReasons(reasons) } : {}) }];
    }
    if (pod.phase === 'Running' && pod.ready) return [];
    const c = findCrashingContainer(pod);
    if (c !== undefined) {
      const exitCode = getLastTermination(c)?.exitCode;
      const tail = logs.find((l) => l.pod === pod.name && l.container === c.name && l.previous) ?? logs.find((l) => l.pod === pod.name && l.container === c.name);
      // A full disk is why, whatever panic or assertion the server logs after it: said with its volume.
      const full = tail ? findDiskFullLine(tail.lines) : undefined;
      const claims = full ? listPodClaims(pod) : [];
      const fullSaid = full ? `${truncate(full.said ?? shortenReason(full.line), 100)}${claims.length > 0 ? ` (its volume ${claims.join(', ')} is full)` : ''}` : undefined;
      const line = full?.line ?? (tail ? pickDecisiveLine(tail.lines) : undefined);
      const crash = { container: c.name, restarts: c.restartCount, ...(exitCode !== undefined ? { exitCode } : {}), ...(line ? { line, said: fullSaid ?? shortenReason(line) } : {}) };
      return [{ pod, state: `crash-looping${exitCode !== undefined ? ` (exit ${exitCode})` : ''}`, crash }];
    }
    return [{ pod, state: pod.phase === 'Running' ? RUNNING_NOT_READY : pod.phase }];
  });
}

/** A member that runs unready in a pod this old, restarted since, went down in place (not re-created). */
const IN_PLACE_AGE_MS = 60 * MINUTE_MS;

export interface RestartInPlace {
  /** The members restarted in their old pods, and when their current run began (the earliest). */
  pods: string[];
  startedAt: IsoTime;
  /** Their node's reboot (or NotReady) just before: why they restarted. */
  nodeDown?: EventEvidence;
}

/**
 * Members that run unready in old pods whose container restarted lately (a node's reboot restarts
 * them where they are): their pod's age says nothing of when they went down, their run's start does,
 * and their node's reboot or NotReady just before it is the trigger.
 */
export function findRestartInPlace(down: readonly DownMember[], events: readonly EventEvidence[], now: IsoTime): RestartInPlace | undefined {
  const restarted = down.flatMap((d) => {
    if (!d.state.startsWith(RUNNING_NOT_READY) || d.pod.createdAt === undefined || msBetween(d.pod.createdAt, now) < IN_PLACE_AGE_MS) return [];
    const c = d.pod.containers.find((x) => x.restartCount > 0 && x.state !== undefined && 'running' in x.state);
    const started = c?.state !== undefined && 'running' in c.state ? c.state.running.startedAt : undefined;
    return started !== undefined && msBetween(started, now) < IN_PLACE_AGE_MS ? [{ pod: d.pod, started }] : [];
  });
  const startedAt = restarted.map((r) => r.started).sort()[0];
  if (startedAt === undefined) return undefined;
  const nodeDown = findNodeDown({ events: [...events] }, restarted.map((r) => r.pod), startedAt);
  return { pods: restarted.map((r) => r.pod.name), startedAt, ...(nodeDown ? { nodeDown } : {}) };
}

/** The node controller's words for a node that went away. */
const LOSS_REASONS = new Set(['NodeNotReady', 'RemovingNode', 'DeletingNode', 'NodeTerminating']);
/** A node lost this long before its members were re-created (a drain's notice comes first), or shortly after. */
const BEFORE_MS = 30 * MINUTE_MS;
const AFTER_MS = 10 * MINUTE_MS;

export interface LostNode {
  node: string;
  /** Its loss events, oldest first: the reclaim notice, NotReady, the removal. */
  events: EventEvidence[];
}

/**
 * Nodes whose loss (NotReady, removed, reclaimed) falls around the time the down members were
 * re-created: the members most likely ran there. None when no member was re-created, or when the
 * node came back Ready after its loss.
 */
export function findLostNodes(members: DependencyMembersEvidence, down: readonly DownMember[]): LostNode[] {
  const created = down.flatMap((d) => (d.pod.createdAt === undefined ? [] : [d.pod.createdAt]));
  if (created.length === 0) return [];
  const near = (t: IsoTime): boolean => created.some((c) => msBetween(t, c) <= BEFORE_MS && msBetween(c, t) <= AFTER_MS);
  const byNode = new Map<string, EventEvidence[]>();
  for (const e of members.nodeLosses) {
    if (e.object.kind !== 'Node') continue;
    byNode.set(e.object.name, [...(byNode.get(e.object.name) ?? []), e]);
  }
  return [...byNode].flatMap(([node, events]) => {
    const losses = events.filter((e) => LOSS_REASONS.has(e.reason) || RECLAIM_REASON.test(e.reason)).sort((a, b) => msBetween(b.firstSeen, a.firstSeen));
    const last = losses.at(-1);
    if (last === undefined || !losses.some((e) => near(e.firstSeen))) return [];
    const back = events.some((e) => e.reason === 'NodeReady' && msBetween(last.lastSeen, e.lastSeen) > 0);
    return back ? [] : [{ node, events: losses }];
  });
}

/** A node under down members whose Ready condition is not True: it holds them, Terminating or not ready. */
export interface DeadNode {
  node: NodeEvidence;
  /** "Unknown" (stopped posting status) or "False". */
  ready: string;
  since?: IsoTime;
  message?: string;
  members: DownMember[];
}

/** The read nodes under down members that are not Ready, each with the members on it. */
export function findDeadNodes(members: DependencyMembersEvidence, down: readonly DownMember[]): DeadNode[] {
  return (members.nodes ?? []).flatMap((node) => {
    const ready = findCondition(node.conditions, 'Ready');
    const on = down.filter((d) => d.pod.nodeName === node.name);
    if (ready === undefined || ready.status === 'True' || on.length === 0) return [];
    return [{ node, ready: ready.status, ...(ready.lastTransitionTime ? { since: ready.lastTransitionTime } : {}), ...(ready.message ? { message: ready.message } : {}), members: on }];
  });
}

/** How many members serve against the majority an election needs: "1 of its 3 members up, a majority needs 2". */
export function describeMajority(pods: readonly PodEvidence[], down: readonly DownMember[]): { up: number; needed: number; text: string } {
  const total = pods.length;
  // A member that runs but is not ready still votes: a quorum's survivor fails its probe for want of the others.
  const up = total - down.filter((d) => d.state !== RUNNING_NOT_READY).length;
  const needed = Math.floor(total / 2) + 1;
  return { up, needed, text: `${up} of its ${total} members up, a majority needs ${needed}` };
}
