/**
 * The workload's cache came back empty and every read now goes to its database: the cache's pod
 * (re)started just before the workload's hit ratio collapsed, and its own logs show the database
 * refusing or timing out its queries (cache-hit-collapse.ts). A senior SRE names the chain — cold
 * cache → stampede of misses → database saturated — not the database's connection limit, and no
 * rollback: the workload is the victim, whatever revision it runs.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';
import { findInClusterService } from '../down-service.js';
import { findServerAddress } from '../server-address.js';
import type { ServerKind } from '../server-address.js';
import { findCacheRestart, findCacheService, findHitCollapse } from '../cache-hit-collapse.js';
import { formatAgo } from '../time-span.js';
import { findMembershipChange } from '../cache-membership.js';
import { describeCacheResize } from './cache-resize.js';

/** What a database says when the reads that used to hit the cache pile on it. */
const DATABASE_STRAIN = /too many clients already|remaining connection slots are reserved|Too many connections|canceling statement due to statement timeout|SQLSTATE 5(3300|7014)|Lock wait timeout exceeded|MaxTimeMSExpired|timed? ?out (while )?(acquiring|waiting for) (a )?connection|connection pool (exhausted|timeout)/i;
/** Lines before the database counts as strained: one slow query is not a stampede. */
const MIN_STRAIN_LINES = 3;
const DATABASES: readonly ServerKind[] = ['PostgreSQL', 'MySQL', 'MongoDB'];

function findDatabase(ev: TriageEvidence): string | undefined {
  for (const c of ev.pods[0]?.containers ?? []) {
    for (const server of DATABASES) {
      const address = findServerAddress(c, server);
      if (address === undefined) continue;
      const svc = findInClusterService(address.host, ev.target.namespace);
      return svc ? svc.name : address.host;
    }
  }
  return undefined;
}

function ratio(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

export function analyzeCacheStampede(ev: TriageEvidence): Finding[] {
  const collapse = findHitCollapse(ev.logs, ev.pods);
  if (collapse === undefined) return [];
  const own = new Set(ev.pods.map((p) => p.name));
  const strain = ev.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => DATABASE_STRAIN.test(line)).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (strain.length < MIN_STRAIN_LINES) return [];
  const database = findDatabase(ev) ?? 'its database';
  const cache = findCacheService(ev.pods, ev.target);
  const cachePods = cache === undefined ? [] : (ev.dependencyPods ?? []).filter((d) => d.service === cache.service && (d.namespace ?? ev.target.namespace) === ev.target.namespace).map((d) => d.pod);
  const restart = cache === undefined ? undefined : findCacheRestart(cachePods, cache.server, collapse.at);
  if (cache === undefined || restart === undefined) {
    // No cache pod that came back empty: the client's word that the cache was resized under it.
    const change = findMembershipChange(ev.logs, ev.pods, collapse.at);
    return change === undefined ? [] : [describeCacheResize({ ev, collapse, change, strain, database })];
  }
  const now = ev.collectedAt;
  const pods = [...new Set([...collapse.pods, ...strain.map((s) => s.pod)])];
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => isPodFailing(p, now)).length;
  const came = restart.newPod ? `its pod ${restart.pod} is new (started ${formatAgo(restart.at, now)}${restart.node ? ` on ${restart.node}` : ''})` : `its pod ${restart.pod} restarted ${formatAgo(restart.at, now)}`;
  const empty = restart.empty ? ` with ${restart.empty}` : '';
  const strainPods = new Set(strain.map((s) => s.pod)).size;
  const last = strain[strain.length - 1];
  const title = `Cache ${cache.service} (${cache.server}) came back empty — ${came}${empty} — so ${ev.target.name}'s cache hit ratio fell from ${ratio(collapse.warm)} to ${ratio(collapse.cold)} (${ratio(collapse.now)} now) and the misses stampede ${database}: ${strain.length} database errors in ${strainPods} pod${strainPods === 1 ? '' : 's'}`;
  const fix = `shield ${database} while ${cache.service} warms up (coalesce or rate-limit cache misses, shed load, pre-warm hot keys), then keep a restart from emptying ${cache.service} (persistence or a replica, off nodes that come and go)`;
  return [{
    id: `cache-cold/${cache.service}`,
    kind: 'cache-cold',
    title,
    layer: 'capacity',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: restart.empty ? 'high' : 'medium',
    evidence: [
      `${cache.env} names ${cache.service}; ${came}${empty}`,
      `log ${collapse.pods[0] ?? ''}: ${condenseStructuredLine(collapse.line).slice(0, 300)}`,
      ...(last ? [`log ${last.pod}: ${condenseStructuredLine(last.line).slice(0, 300)}`] : []),
    ],
    decisive: condenseStructuredLine(last?.line ?? collapse.line).slice(0, 200),
    likelyCause:
      `${cache.service} is the cache in front of ${database}; ${came}${restart.empty ? `, and it keeps nothing across a restart (${restart.empty})` : ''}, so it came back empty. ` +
      `Every read then missed and went to ${database} at once (a cache stampede): its connections and CPU saturate, queries time out and new connections are refused, so ${ev.target.name} answers slowly or not at all. ` +
      `${ev.target.name} and ${database} are the victims: the connection limit is only where it shows, and a rollback or more replicas of ${ev.target.name} would only add load.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    outsideWorkload: `the cache is empty whatever revision of ${ev.target.name} reads it`,
    datesChange: true,
    onset: restart.at,
    confirmCommands: [
      formatKubectl(ev.target, `get pod ${restart.pod} -o wide`),
      formatKubectl(ev.target, `logs ${collapse.pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [cache.service] },
  }];
}
