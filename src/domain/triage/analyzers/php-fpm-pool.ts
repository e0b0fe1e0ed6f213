import type { IsoTime, LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findLocalUpstreamErrors, type LocalUpstreamError } from '../local-upstream.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { earliest } from '../time-span.js';
import { listOpcacheFullLogs } from '../opcache-full.js';

/**
 * php-fpm runs at most pm.max_children PHP workers per pool; when every one is busy it says so
 * itself ("server reached pm.max_children setting (5), consider raising it"), new connections
 * wait in the socket's listen queue, and once that is full connect() fails with EAGAIN. The
 * proxy in front of it in the same pod (nginx) then answers 502 (EAGAIN) and 504 (queued past
 * fastcgi_read_timeout): its "upstream" errors are the pod's own worker pool at its cap, not a
 * dependency timing out. The pods usually stay Ready: their probes hit the proxy, not the pool.
 */

/** `[21-Nov-2026 03:10:12] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it` (php < 5.3.9: `max_children`). */
const REACHED = /\[pool ([^\]\s]+)\] server reached (?:pm\.)?max_children setting \((\d+)\)/;
/** php-fpm's own time stamp: `[21-Nov-2026 03:10:12]` (the container's zone, UTC in images). */
const FPM_TIME = /^\[(\d{2})-(\w{3})-(\d{4}) (\d{2}:\d{2}:\d{2})(?:\.\d+)?\]/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The proxy's access log status of a failed request: `"GET /x HTTP/1.1" 502 157`. */
const FAILED_STATUS = /" (50[234]) \d+/;
/** Saturation lines without any proxy error seen: enough to say the pool is at its cap again and again. */
const MIN_ALONE = 3;

export interface PoolSaturation {
  pool: string;
  maxChildren: number;
  line: string;
  at?: IsoTime;
}

export function parsePoolSaturation(line: string): PoolSaturation | undefined {
  const m = REACHED.exec(line);
  if (m === null) return undefined;
  const t = FPM_TIME.exec(line.trim());
  const month = MONTHS.indexOf(t?.[2] ?? '') + 1;
  const at = t && month > 0 ? Date.parse(`${t[3] ?? ''}-${String(month).padStart(2, '0')}-${t[1] ?? ''}T${t[4] ?? ''}Z`) : NaN;
  // The line from "WARNING:" on: the time stamp is noise in a quote.
  const quoted = line.trim().replace(FPM_TIME, '').trim();
  return { pool: m[1] ?? 'www', maxChildren: Number(m[2]), line: quoted, ...(Number.isNaN(at) ? {} : { at: new Date(at).toISOString() }) };
}

interface Seen {
  saturations: { log: LogEvidence; s: PoolSaturation }[];
  errors: { log: LogEvidence; e: LocalUpstreamError }[];
  statuses: Set<string>;
}

function collect(ev: TriageEvidence): Seen {
  const seen: Seen = { saturations: [], errors: [], statuses: new Set() };
  for (const log of ev.logs) {
    if (log.previous || findPod(ev, log.pod) === undefined) continue;
    for (const line of log.lines) {
      const s = parsePoolSaturation(line);
      if (s !== undefined) seen.saturations.push({ log, s });
    }
    const errors = findLocalUpstreamErrors(log).filter((e) => e.protocol === 'fastcgi');
    seen.errors.push(...errors.map((e) => ({ log, e })));
    if (errors.length > 0) for (const line of log.lines) seen.statuses.add(FAILED_STATUS.exec(line)?.[1] ?? '');
  }
  seen.statuses.delete('');
  return seen;
}

/** The first line of each problem the proxy reports, busy first: EAGAIN names the full queue. */
function exampleErrors(errors: Seen['errors']): Seen['errors'] {
  return (['busy', 'timeout', 'refused'] as const).flatMap((p) => errors.find((x) => x.e.problem === p) ?? []);
}

export function analyzePhpFpmPool(ev: TriageEvidence): Finding[] {
  // OPcache out of shared memory holds the workers recompiling: the cap is its symptom (php-opcache-full.ts).
  if (listOpcacheFullLogs(ev.logs).length > 0) return [];
  const seen = collect(ev);
  const latest = seen.saturations.at(-1);
  if (latest === undefined) return [];
  // The proxy's errors must be on a pool that logs its cap; other pods of the workload failing the
  // same way on the same socket run the same pool file (their php-fpm log may not have been read).
  const saturatedPods = new Set(seen.saturations.map((x) => x.log.pod));
  const busy = seen.errors.filter((x) => x.e.problem !== 'refused');
  const addresses = new Set(busy.filter((x) => saturatedPods.has(x.log.pod)).map((x) => x.e.address));
  const errors = busy.filter((x) => addresses.has(x.e.address));
  if (errors.length === 0 && seen.saturations.length < MIN_ALONE) return [];
  const { pool, maxChildren } = latest.s;
  const pods = unique([...seen.saturations.map((x) => x.log.pod), ...errors.map((x) => x.log.pod)]);
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const fpm = latest.log.container;
  const proxy = errors[0]?.log.container;
  const address = errors[0]?.e.address;
  const statuses = [...seen.statuses].sort();
  const answers = statuses.length > 0 ? `answers ${statuses.join('/')}` : 'fails requests';
  const consequence = proxy === undefined ? '' : `, so ${proxy} in the same pod ${answers} (${errors.length} upstream error${errors.length === 1 ? '' : 's'} on ${address ?? 'the socket'})`;
  const memory = podObjects.flatMap((p) => p.containers).find((c) => c.name === fpm)?.resources.limits?.['memory'];
  const within = memory === undefined ? 'within what the memory of the pod holds (each worker takes its share)' : `within the ${fpm} container's ${memory} memory limit (each worker takes its share)`;
  const onset = findErrorsSinceStart(ev, podObjects) ?? earliest(seen.saturations.flatMap((x) => (x.s.at ? [x.s.at] : [])));
  const ready = podObjects.filter((p) => p.ready).length;
  return [
    {
      id: 'resource-exhaustion/php-fpm-workers',
      kind: 'resource-exhaustion',
      title: `php-fpm pool ${pool} is at its pm.max_children limit (${maxChildren}): every PHP worker is busy${consequence}`,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: errors.length > 0 ? 'high' : 'medium',
      evidence: [
        `${seen.saturations.length} "server reached pm.max_children" line${seen.saturations.length === 1 ? '' : 's'} of container ${fpm} in ${saturatedPods.size} pod${saturatedPods.size === 1 ? '' : 's'}`,
        `log ${latest.log.pod}/${fpm}: ${latest.s.line}`,
        ...exampleErrors(errors).map((x) => `log ${x.log.pod}/${x.log.container}: ${x.e.line.slice(0, 300)}`),
        ...(address?.startsWith('unix:') ? [`${address} is a socket inside the pod: the upstream is the pod's own php-fpm, not a dependency`] : []),
        `${ready}/${podObjects.length} of these pods Ready: their probes do not wait for a PHP worker`,
      ],
      decisive: latest.s.line,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `php-fpm runs at most pm.max_children (${maxChildren}) PHP workers in pool ${pool} of each pod, and all of them are busy: new requests queue on the pool's socket, and once its listen queue is full connect() fails with EAGAIN ("Resource temporarily unavailable": 502) while queued ones wait past fastcgi_read_timeout (504). The pool is too small for the traffic: a lowered pm.max_children (a changed pool file) or slower requests holding the workers longer.`,
      nextAction: `Mitigate: roll back if a revision changed the pool file; raise pm.max_children of pool ${pool} ${within}, or restore the previous pool file. If the workers are slow rather than few (php-fpm's slowlog, a slow dependency), fix what holds them.`,
      fix: `raise pm.max_children of php-fpm pool ${pool} (now ${maxChildren}) ${within}, or restore the previous pool file`,
      confirmCommands: [formatKubectl(ev.target, `logs ${latest.log.pod} -c ${fpm} --tail=200`), ...(proxy === undefined ? [] : [formatKubectl(ev.target, `logs ${errors[0]?.log.pod ?? latest.log.pod} -c ${proxy} --tail=100`)])],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
