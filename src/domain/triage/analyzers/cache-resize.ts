/**
 * The finding for a cache resized under its clients (cache-membership.ts): the server list changed,
 * the keys moved, the hit ratio collapsed and the misses strain the database. The workload and the
 * database are the victims; the fix is the client's hashing or the cache's size, never a rollback.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';
import type { HitCollapse } from '../cache-hit-collapse.js';
import { judgeHashing, keptShare } from '../cache-membership.js';
import type { MembershipChange } from '../cache-membership.js';
import { formatAgo } from '../time-span.js';

export interface CacheResizeInput {
  ev: TriageEvidence;
  collapse: HitCollapse;
  change: MembershipChange;
  strain: readonly { pod: string; line: string }[];
  database: string;
}

function ratio(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

function share(v: number): string {
  return `${Math.round(v * 100)}%`;
}

export function describeCacheResize({ ev, collapse, change, strain, database }: CacheResizeInput): Finding {
  const now = ev.collectedAt;
  const cache = change.cache ?? 'the cache';
  const grew = change.to > change.from ? 'scaled up' : 'scaled down';
  const when = change.at !== undefined ? ` ${formatAgo(change.at, now)}` : '';
  const hashing = judgeHashing(change, collapse.warm, collapse.cold);
  const modulo = keptShare(change.from, change.to, 'modulo');
  const consistent = keptShare(change.from, change.to, 'consistent');
  const pods = [...new Set([...collapse.pods, ...strain.map((s) => s.pod)])];
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => isPodFailing(p, now)).length;
  const strainPods = new Set(strain.map((s) => s.pod)).size;
  const last = strain[strain.length - 1];
  const how = hashing === 'modulo' ? 'modulo key hashing moved most keys' : 'the keys on the changed servers moved';
  const title = `Cache ${cache} was ${grew} ${change.from} → ${change.to} servers${when} and ${how}: ${ev.target.name}'s cache hit ratio fell from ${ratio(collapse.warm)} to ${ratio(collapse.cold)} (${ratio(collapse.now)} now) and the misses swamp ${database}: ${strain.length} database errors in ${strainPods} pod${strainPods === 1 ? '' : 's'}`;
  const depth = `Going ${change.from} → ${change.to}, consistent (ketama) hashing keeps ${share(consistent)} of the keys on their server and modulo hashing ${share(modulo)}; from ${ratio(collapse.warm)} the hit ratio fell to ${ratio(collapse.cold)}, ${hashing === 'modulo' ? `about what modulo keeps (${ratio(collapse.warm * modulo)}): the client very likely distributes keys by modulo` : `about what consistent hashing keeps (${ratio(collapse.warm * consistent)})`}.`;
  const fix = hashing === 'modulo'
    ? `switch ${ev.target.name}'s cache client to consistent (ketama) hashing before resizing ${cache}, or return ${cache} to ${change.from} servers and let it warm; shield ${database} meanwhile (coalesce or rate-limit misses)`
    : `let ${cache} warm (or return it to ${change.from} servers) while shielding ${database} (coalesce or rate-limit misses)`;
  return {
    id: `cache-resized/${cache}`,
    kind: 'cache-cold',
    title,
    layer: 'capacity',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: change.cache !== undefined ? 'high' : 'medium',
    evidence: [
      `log ${change.pod}: ${condenseStructuredLine(change.line).slice(0, 300)}`,
      `log ${collapse.pods[0] ?? ''}: ${condenseStructuredLine(collapse.line).slice(0, 300)}`,
      ...(last ? [`log ${last.pod}: ${condenseStructuredLine(last.line).slice(0, 300)}`] : []),
    ],
    decisive: condenseStructuredLine(change.line).slice(0, 200),
    likelyCause:
      `The cache client places each key by hashing it over its server list; when ${cache} went from ${change.from} to ${change.to} servers, keys now map to servers that do not hold them. ${depth} ` +
      `Every miss goes to ${database}: its connections saturate and queries time out, so ${ev.target.name} answers slowly or not at all. ` +
      `${ev.target.name} and ${database} are the victims: the connection limit is only where it shows, and a rollback of ${ev.target.name} would change nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    outsideWorkload: `the keys moved with ${cache}'s size, whatever revision of ${ev.target.name} reads it`,
    datesChange: true,
    ...(change.at !== undefined ? { onset: change.at } : {}),
    confirmCommands: [
      ...(change.cache !== undefined ? [formatKubectl(ev.target, `get statefulset,deployment ${change.cache} -o wide`)] : []),
      formatKubectl(ev.target, `logs ${collapse.pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(change.cache !== undefined ? { services: [change.cache] } : {}) },
  };
}
