import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatBytes } from '../quantity.js';
import { findJvmPoolCap } from '../runtime-flags.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { findUptimeSplit } from '../uptime-split.js';
import { withConnectionLeak } from './pool-leak.js';
import { withRouteCap } from './route-pool.js';
import { withThreadsOverPool } from './pool-threads.js';
import { withPinnedCarriers } from './pool-pinned.js';
import { CONNECTION_POOL_TIMEOUT } from '../pool-timeout.js';
import { ROLE_LIMIT_LINE, describeRoleLimit, withRoleSharer } from '../pg-role-limit.js';
import { NOT_SOURCE_PORTS, SOURCE_PORTS_LINE, readSourcePortsDestination } from '../source-ports.js';
import { CACHE_STORAGE_LINE, describeCacheStorage } from '../cache-storage.js';
import { findDroppedInit, findPileUpStart, tellDroppedInit } from '../dropped-init.js';
import { withNodeFileTable } from '../node-file-table.js';

/**
 * A limit the process runs into, as its logs say it: file descriptors, a database's connection
 * slots, a connection pool, threads. When it is hit, requests fail and health checks time out or
 * error; the probe kills and restarts that follow are its effects, not the mechanism.
 */
interface Limit {
  id: string;
  pattern: RegExp;
  /** A line the pattern matches that says the limit was not hit after all. */
  unless?: RegExp;
  /** "runs out of file descriptors", completing "<workload> …"; from the line when it names where the limit was met. */
  what: string | ((line: string) => string);
  cause: string;
  nextAction: string;
  fix: string;
  /** Facts the limit's own line and the container's flags add: the cap and how much of it is used. */
  detail?: (ev: TriageEvidence, log: LogEvidence, line: string) => string | undefined;
  /** A cap all the clients' replicas share (database or pooler slots): a scale-up of theirs is its trigger (Finding.scalesWithReplicas). */
  scalesWithReplicas?: true;
  /** What the same logs say holds the limit (a pool's leak reports), rewriting the finding when they do. */
  refine?: (ev: TriageEvidence, finding: Finding, logs: readonly LogEvidence[]) => Finding;
}

/**
 * Netty's "(used: N, max: M)" and the flag that sets the cap: direct memory lives outside the
 * heap, so neither the heap size nor the container limit is the number that ran out.
 */
function directMemoryDetail(ev: TriageEvidence, log: LogEvidence, line: string): string | undefined {
  const used = /used: (\d+), max: (\d+)/.exec(line);
  const spec = findPod(ev, log.pod)?.containers.find((c) => c.name === log.container);
  const cap = spec === undefined ? undefined : findJvmPoolCap(spec, 'Direct buffer memory');
  const parts = [
    ...(cap ? [`${cap.flag} (${cap.where}) caps it${cap.bytes !== undefined ? ` at ${formatBytes(cap.bytes)}` : ''}`] : []),
    ...(used ? [`${formatBytes(Number(used[1]))} of ${formatBytes(Number(used[2]))} used (${used[1]} of ${used[2]} bytes)`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * The kernel refusing a new process or thread (EAGAIN from fork, clone or spawn): the pids limit,
 * as each runtime says it. A bare "Resource temporarily unavailable" is not one: a non-blocking
 * socket says the same.
 */
const PROCESS_LIMIT = /unable to create (new )?native thread|pthread_create(?: failed|:? (?:Resource temporarily unavailable|EAGAIN))|\bfork: (?:retry: )?Resource temporarily unavailable|Cannot allocate memory.*fork|\bspawn\b[^\n]{0,120}\bEAGAIN\b|failed to create new OS thread|fork\/exec [^\n]*: resource temporarily unavailable|failed to spawn thread[^\n]*(?:WouldBlock|Resource temporarily unavailable)/i;

/** MySQL's refusals for one account's connection budget: ER_TOO_MANY_USER_CONNECTIONS (1203) and ER_USER_LIMIT_REACHED (1226). */
const MYSQL_USER_LIMIT = /User '?([\w.-]+)'?(?:@'[^']*')? (?:already has more than 'max_user_connections' active connections|has exceeded the 'max_user_connections' resource)/i;

const LIMITS: Limit[] = [
  {
    id: 'file-descriptors',
    pattern: /\bEMFILE\b|\bENFILE\b|too many open files/i,
    what: 'runs out of file descriptors ("too many open files")',
    cause: 'Each process may hold a fixed number of open files and sockets (its nofile limit); once it is reached every new connection, file and accepted request fails, the health endpoint included, so probes time out and the kubelet restarts containers that will hit the same wall again.',
    nextAction: 'Mitigate: scale out so each pod carries less; then find what multiplies descriptors (a client without keep-alive pooling, files or sockets never closed) and raise the nofile limit if the load is real.',
    fix: 'stop the descriptor leak or pooling miss, and raise the nofile limit',
    // ENFILE is the node's file table, not the process's limit: the node and what holds it there read first.
    refine: (ev, f, logs) => {
      const table = withNodeFileTable(ev, f, logs);
      return table !== f ? table : withUptimeLeak(ev, f, 'descriptors', /"?(open_?fds|open_?files|fds_?open|num_?fds)"?\s*[=:]\s*(\d+)/i);
    },
  },
  // One role's own budget (CREATE/ALTER ROLE … CONNECTION LIMIT), not the server's slots: it has room for every other role.
  {
    id: 'role-connections',
    scalesWithReplicas: true,
    pattern: ROLE_LIMIT_LINE,
    what: (line) => `is refused by its database: role ${ROLE_LIMIT_LINE.exec(line)?.[1] ?? '?'} is at its own CONNECTION LIMIT ("too many connections for role"), not the server's max_connections`,
    cause: 'Postgres caps the connections of one role with its CONNECTION LIMIT (pg_roles.rolconnlimit), apart from max_connections: once the pods logging in as that role hold that many, every new login of the role is refused with "too many connections for role", while other roles still connect. Each replica opens its own pool, so scaling the workload out (replicas × pool size) passes the role\'s budget; pods whose pool never filled fail every request while they may stay Ready.',
    nextAction: "Mitigate: bring replicas × pool size back under the role's CONNECTION LIMIT (scale back, or shrink each pod's pool); or raise it if the database can afford it (ALTER ROLE … CONNECTION LIMIT n, and in the script that creates the role). Raising max_connections does not help.",
    fix: "keep replicas × pool size under the role's CONNECTION LIMIT, or raise that limit (ALTER ROLE … CONNECTION LIMIT)",
    detail: describeRoleLimit,
    refine: withRoleSharer,
  },
  // One MySQL account's own budget (max_user_connections, or MAX_USER_CONNECTIONS of the account), not the server's max_connections.
  {
    id: 'user-connections',
    scalesWithReplicas: true,
    pattern: MYSQL_USER_LIMIT,
    what: (line) => `is refused by its database: MySQL user ${MYSQL_USER_LIMIT.exec(line)?.[1] ?? '?'} is at its own max_user_connections, not the server's max_connections`,
    cause: "MySQL caps the connections one account may hold (max_user_connections, globally or per account with ALTER USER … WITH MAX_USER_CONNECTIONS), apart from max_connections: once the pods logging in as that user hold that many, every new connection of the user is refused (ERROR 1203/1226) while other accounts still connect. Each replica opens its own pool, so scaling out (replicas × pool size) or connections that are never closed pass the budget.",
    nextAction: "Mitigate: bring replicas × pool size back under the user's max_user_connections (scale back, shrink each pod's pool, close what leaks); or raise it if the database can afford it (ALTER USER … WITH MAX_USER_CONNECTIONS n). Raising max_connections does not help.",
    fix: "keep replicas × pool size under the user's max_user_connections, or raise that limit (ALTER USER … WITH MAX_USER_CONNECTIONS)",
  },
  {
    id: 'database-connections',
    scalesWithReplicas: true,
    pattern: /too many clients already|remaining connection slots are reserved|Too many connections|ERROR 1040|max_connections/i,
    unless: ROLE_LIMIT_LINE,
    what: "is refused by its database: all of the database's connection slots are taken",
    cause: 'The database accepts a fixed number of connections (max_connections); more replicas or bigger pools than it allows get "too many clients" and fail. Scaling the workload out makes it worse.',
    nextAction: 'Mitigate: bring the total connections under the database limit (fewer replicas or smaller pools, or a pooler such as PgBouncer); check what raised the count (an autoscaler, a pool size change).',
    fix: 'keep replicas × pool size under the database connection limit',
  },
  {
    id: 'connection-pool',
    pattern: CONNECTION_POOL_TIMEOUT,
    // Hikari's counts: with no connection in use nothing holds the pool; it cannot open one (the database is down or unresolvable).
    unless: /\bactive=0\b/,
    what: 'waits on an exhausted connection pool',
    cause: 'Every connection of the pool is held (slow queries, leaked connections, or more concurrent requests than the pool); requests wait for one and time out, health checks that use it fail.',
    nextAction: 'Look at what holds the connections (slow queries, leaks) before growing the pool; scale out only if the dependency can take more connections.',
    fix: 'find what holds the pool’s connections (slow queries, leaks)',
    // A leak the pool reports explains it first; else an HTTP client's figures may show its per-route cap full;
    // else its settings may hold fewer connections than the threads that share them.
    refine: (ev, f, logs) => {
      // Virtual threads pinned to their carriers hold the connections and stall everything: that reads first.
      const pinned = withPinnedCarriers(ev, f, logs);
      if (pinned !== f) return pinned;
      const leaked = withConnectionLeak(ev, f, logs);
      if (leaked !== f) return leaked;
      const routed = withRouteCap(ev, f, logs);
      return routed === f ? withThreadsOverPool(ev, f, logs) : routed;
    },
  },
  {
    id: 'source-ports',
    pattern: SOURCE_PORTS_LINE,
    unless: NOT_SOURCE_PORTS,
    what: (line) => {
      const to = readSourcePortsDestination(line);
      return `runs out of ephemeral source ports${to ? ` toward ${to}` : ''} (EADDRNOTAVAIL): connections are not reused`;
    },
    cause: 'Every outgoing TCP connection takes a local (ephemeral) port, and one the client closes stays in TIME_WAIT for a minute before its port is free again. A client that opens a new connection per call — an HTTP agent or client built per request, keep-alive off — uses up the pod\'s port range (net.ipv4.ip_local_port_range) toward one address under ordinary load, and connect() fails with EADDRNOTAVAIL ("Cannot assign requested address"). The destination is not at fault: it sees few connections, and the pods pass their probes.',
    nextAction: 'Make the client reuse its connections: one shared keep-alive agent or client (a connection pool) instead of one per request; roll back if the revision that brought the per-request client is the trigger. A restart only frees the ports for a while.',
    fix: 'reuse one keep-alive client (agent or pool) for calls to that destination instead of a new connection per request',
  },
  {
    id: 'threads',
    pattern: PROCESS_LIMIT,
    what: 'cannot create threads or processes (its pids/threads limit)',
    cause: 'The container hit its limit of processes and threads (the pod pids limit or a runaway thread pool); new work cannot start and the process fails. Processes count too: children that pile up, or zombies never reaped when PID 1 is not an init.',
    nextAction: 'Find what creates the threads (a thread per request, a runaway pool) and bound it; raise the pids limit only if the count is legitimate.',
    fix: 'bound the thread count (or raise the pids limit)',
    // A revision that dropped the init from the command explains it first: the pids go to zombies.
    refine: (ev, f, logs) => {
      const init = withDroppedInit(ev, f, logs);
      return init !== f ? init : withUptimeLeak(ev, f, 'threads', /"?(threads|thread_?count|goroutines)"?\s*[=:]\s*(\d+)/i);
    },
  },
  {
    id: 'direct-memory',
    pattern: /OutOfDirectMemoryError|OutOfMemoryError: Direct buffer memory/,
    what: 'runs out of JVM direct memory (off-heap buffers)',
    cause: 'The JVM caps the direct (off-heap) buffers that Netty and NIO allocate (-XX:MaxDirectMemorySize, by default the heap size); once they reach the cap every new allocation throws OutOfDirectMemoryError, so requests fail with 5xx and health checks time out while the heap and the container memory are fine: the kernel kills nothing and the pods do not restart. Buffers that are never released (a leak, often after a client or framework upgrade) fill it whatever the load.',
    nextAction: 'Mitigate: undo the change that started it (a new version of the HTTP client or framework) or restart the pods for a reprieve; then find the unreleased buffers (Netty\'s LEAK reports) before rolling forward. Raising the cap only delays a leak.',
    fix: 'find the direct buffers that are never released (or undo the upgrade that leaks them); raise -XX:MaxDirectMemorySize only if the need is real',
    detail: directMemoryDetail,
  },
  // A caching proxy's own storage (Varnish -s malloc,SIZE), not the container's memory: the objects it fetches do not fit.
  {
    id: 'cache-storage',
    pattern: CACHE_STORAGE_LINE,
    what: 'cannot store the objects it fetches: its cache storage has no room for them (FetchError "Could not get storage")',
    cause: 'Varnish keeps each object it fetches in its storage (-s malloc,SIZE or file,…,SIZE) and makes room by evicting the least recently used ones, up to nuke_limit; an object it cannot find room for (one larger than what eviction frees, or than the whole storage) ends its backend fetch with FetchError "Could not get storage", and the client gets 503 Backend fetch failed. Small objects are served and the backend answers fine, so the pods pass their probes; a buffered fetch (do_stream off) needs the whole body in storage at once.',
    nextAction: "Give the cache more storage (raise the size after -s, and the container's memory limit with it, above the largest objects), or stop caching those large responses: pass them (return (pass)) or stream them uncached in the VCL. The backend needs no change.",
    fix: 'size the cache storage above the largest objects, or pass or stream those responses instead of caching them',
    detail: describeCacheStorage,
  },
  // PgBouncer's own cap on client connections, apart from the database's max_connections behind it.
  {
    id: 'pooler-client-connections',
    scalesWithReplicas: true,
    pattern: /no more connections allowed \(max_client_conn\)/i,
    what: "is refused by PgBouncer: all of the pooler's client slots (max_client_conn) are taken",
    cause: 'PgBouncer accepts at most max_client_conn client connections per instance, whatever the database behind it could take; every replica of every client Deployment holds its own pool open against it, so once the clients together pass that cap each new connection is refused with "no more connections allowed (max_client_conn)". A client that recycles or grows its pool fails first; scaling any client out (this one or another that uses the same PgBouncer) makes it worse.',
    nextAction: "Mitigate: bring the clients' connections back under PgBouncer's max_client_conn (scale back the client that grew, or shrink its pool); then size max_client_conn (or the PgBouncer replicas) for all clients' replicas × pool size. Raising the database's max_connections does not help.",
    fix: "bring the clients' connections under PgBouncer's max_client_conn, or raise max_client_conn",
  },
];

/** Lines of one limit in one log tail before it counts: a single EMFILE is not an incident… */
const MIN_LINES = 3;
/** …unless it ended the run: in the previous (crashed) run's log of this many pods. */
const MIN_CRASHED_PODS = 2;
/**
 * …or it is a java.lang.OutOfMemoryError in the log of a JVM that lives on (no
 * ExitOnOutOfMemoryError): once is a failure, the work that hit it is lost and nothing restarts.
 */
const JVM_OOM = /java\.lang\.OutOfMemoryError/;
const JVM_EXITS = /(Terminating|Aborting) due to java\.lang\.OutOfMemoryError/;

export function analyzeResourceExhaustion(ev: TriageEvidence): Finding[] {
  const findings: Finding[] = [];
  for (const limit of LIMITS) {
    const seen: { log: LogEvidence; line: string; count: number; liveJvmOom: boolean }[] = [];
    for (const log of ev.logs) {
      const pod = findPod(ev, log.pod);
      if (pod === undefined) continue;
      const lines = log.lines.filter((l) => limit.pattern.test(l) && !(limit.unless?.test(l) ?? false));
      const state = pod.containers.find((c) => c.name === log.container)?.state;
      const liveJvmOom = !log.previous && state !== undefined && 'running' in state && lines.some((l) => JVM_OOM.test(l)) && !log.lines.some((l) => JVM_EXITS.test(l));
      if (lines.length > 0) seen.push({ log, line: lines.at(-1)!.trim(), count: lines.length, liveJvmOom });
    }
    const crashedPods = unique(seen.filter((h) => h.log.previous).map((h) => h.log.pod));
    const hits = seen.filter((h) => h.count >= MIN_LINES || h.liveJvmOom || (h.log.previous && crashedPods.length >= MIN_CRASHED_PODS));
    if (hits.length === 0) continue;
    const pods = unique(hits.map((h) => h.log.pod));
    const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
    const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
    const example = hits[0]!;
    const total = hits.reduce((n, h) => n + h.count, 0);
    const detail = limit.detail?.(ev, example.log, example.line);
    const what = typeof limit.what === 'string' ? limit.what : limit.what(example.line);
    // Ready pods show no failure in their status: when their logs hold the limit from their start, so does the onset.
    const onset = findErrorsSinceStart(ev, podObjects);
    const finding: Finding = {
      id: `resource-exhaustion/${limit.id}`,
      kind: 'resource-exhaustion',
      title: `${ev.target.name} ${what}${detail ? ` — ${detail}` : ''}: ${total} such lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: pods.length >= 2 || total >= 10 ? 'high' : 'medium',
      evidence: [`log ${example.log.pod}: ${example.line.slice(0, 300)}`, ...(detail ? [detail] : []), `${unhealthy.length}/${podObjects.length} of these pods not ready or restarting now`],
      decisive: excerpt(condenseStructuredLine(example.line), limit.pattern, 200),
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: limit.cause,
      nextAction: limit.nextAction,
      fix: limit.fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${example.log.container} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
      ...(limit.scalesWithReplicas ? { scalesWithReplicas: true } : {}),
    };
    // Every pod of the workload: the ones not yet dry are leaking too.
    const logs = ev.logs.filter((l) => findPod(ev, l.pod) !== undefined);
    findings.push(limit.refine ? limit.refine(ev, finding, logs) : finding);
  }
  return findings;
}

/**
 * Only the oldest pods of one revision hit the limit: what runs out piles up with uptime (a leak).
 * The title says so, and the action restarts the old pods first and looks for the leak after.
 */
function withUptimeLeak(ev: TriageEvidence, f: Finding, what: string, counter: RegExp): Finding {
  const split = findUptimeSplit(ev, f.affected?.pods ?? [], counter);
  if (split === undefined) return f;
  const names = split.oldest.map((p) => p.name).join(' ');
  return {
    ...f,
    title: `${f.title}, ${split.text}: ${what} pile up with uptime, a leak`,
    evidence: [...f.evidence, `the failing pods are the oldest: ${split.text}`, ...(split.climb ? [`the younger pods climb toward it: ${split.climb}`] : [])],
    likelyCause: `${f.likelyCause} Nothing separates the failing pods from the healthy ones but how long they have run: the same revision, and every pod that fails is older than every pod that serves. The process takes ${what} and never gives some back, so each pod reaches the limit after about as long as the oldest ones have run; the younger ones will follow.`,
    nextAction: `Mitigate: restart the oldest pods (kubectl delete pod ${names}, or a rollout restart), which buys about as long as they ran; then find the ${what} the process never releases (response bodies, files or sockets left open). Raising the limit only postpones it.`,
    fix: `restart the oldest pods for a reprieve (a rollout restart), then find and close the ${what} the process never releases`,
    confirmCommands: [...f.confirmCommands, formatKubectl(ev.target, 'get pods -o wide --sort-by=.status.startTime')],
  };
}

/**
 * The revision the pods run dropped the init from the command: the app is PID 1 and reaps nothing,
 * so zombies fill the pids limit. The title names it, dated by that revision; the pile-up began with
 * the pods' start, which is where the trigger is looked for before.
 */
function withDroppedInit(ev: TriageEvidence, f: Finding, logs: readonly LogEvidence[]): Finding {
  const names = new Set(f.affected?.pods ?? []);
  const pods = ev.pods.filter((p) => names.has(p.name));
  const container = logs.find((l) => names.has(l.pod) && l.lines.some((line) => PROCESS_LIMIT.test(line)))?.container;
  const dropped = container === undefined ? undefined : findDroppedInit(ev.revisions, pods, container);
  if (dropped === undefined) return f;
  const told = tellDroppedInit(dropped);
  const start = findPileUpStart(pods, dropped.container);
  return {
    ...f,
    title: f.title.replace(/^(\S+) cannot create threads or processes \(its pids\/threads limit\)/, `$1 ${told.what}`),
    evidence: [...f.evidence, ...told.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    buildsUp: told.buildsUp,
    ...(start !== undefined ? { onset: start } : {}),
    datesChange: true,
    // An exec would need a pid the pod has no more of: the kubelet counts the pod's processes.
    confirmCommands: [...f.confirmCommands, ...pods.slice(0, 1).flatMap((p) => (p.nodeName === undefined ? [] : [formatKubectl(ev.target, `get --raw /api/v1/nodes/${p.nodeName}/proxy/stats/summary | jq '.pods[] | select(.podRef.name=="${p.name}") | .process_stats'`, 'cluster')]))],
  };
}

/** The line, or in a long one (a stack trace's line) the stretch that names the limit. */
function excerpt(line: string, pattern: RegExp, max: number): string {
  if (line.length <= max) return line;
  const at = pattern.exec(line)?.index ?? 0;
  const start = Math.max(0, at - 60);
  const text = line.slice(start, start + max);
  return `${start > 0 ? '…' : ''}${text}${start + max < line.length ? '…' : ''}`;
}
