import type { RevisionEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findMeshEgressBlock } from '../mesh-egress-blocked.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/** Where a revision's spec names the host (env value or argument), e.g. "env SHIPPING_RATES_URL". */
function namedIn(rev: RevisionEvidence, host: string): string | undefined {
  for (const c of rev.containers) {
    const env = c.env.find((e) => 'value' in e && e.value.includes(host));
    if (env !== undefined) return `env ${env.name}`;
    if ([...(c.command ?? []), ...(c.args ?? [])].some((a) => a.includes(host))) return 'args';
  }
  return undefined;
}

/**
 * The Istio sidecar answers the pods' calls to a host outside its registry itself (502 on route
 * block_all, BlackHoleCluster): the mesh's outboundTrafficPolicy is REGISTRY_ONLY and no
 * ServiceEntry declares the host. The revision that started calling the host brought it on, but
 * its intent is sound: the fix is the ServiceEntry, a rollback only undoes the new calls.
 */
export function analyzeMeshEgressBlocked(ev: TriageEvidence): Finding[] {
  const own = new Set(ev.pods.map((p) => p.name));
  const block = findMeshEgressBlock([...(ev.meshProxyLogs ?? []), ...ev.logs].filter((l) => own.has(l.pod)));
  if (block === undefined) return [];
  const host = block.hosts[0];
  const what = host ?? 'hosts outside the mesh registry';
  // The newest revision that names the host where the one before did not: it started calling it.
  const revs = sortRevisions(ev.revisions ?? []);
  const idx = host === undefined ? -1 : revs.findIndex((r, i) => namedIn(r, host) !== undefined && (revs[i + 1] === undefined || namedIn(revs[i + 1] as RevisionEvidence, host) === undefined));
  const rev = idx >= 0 ? revs[idx] : undefined;
  const startedBy = rev === undefined || host === undefined ? '' : ` Revision ${rev.revision}${rev.createdAt === undefined ? '' : ` (${formatAgo(rev.createdAt, ev.collectedAt)})`} started calling it (${namedIn(rev, host) ?? 'its spec'}).`;
  const status = block.status ?? '502';
  const podObjects = ev.pods.filter((p) => block.pods.includes(p.name));
  // The HTTP line names the host and the sidecar's status; a TCP BlackHoleCluster line only an address.
  const last = [...block.lines].reverse().find((l) => host !== undefined && l.line.includes(`"${host}"`)) ?? block.lines[block.lines.length - 1];
  return [{
    id: `mesh-egress-blocked/${what}`,
    kind: 'dependency-error',
    title: `Calls to ${what} are blocked by the mesh: the Istio sidecar answers them itself with ${status} (route block_all / BlackHoleCluster) — outboundTrafficPolicy REGISTRY_ONLY and no ServiceEntry for ${what}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `${block.lines.length} sidecar access-log line${block.lines.length === 1 ? '' : 's'} on block_all/BlackHoleCluster in ${block.pods.length} pod${block.pods.length === 1 ? '' : 's'}${block.hosts.length > 0 ? `, to ${block.hosts.slice(0, 3).join(', ')}` : ''}`,
      ...block.lines.slice(-2).map((l) => `${l.pod}: ${l.line}`),
    ],
    ...(last === undefined ? {} : { decisive: last.line }),
    likelyCause: `With outboundTrafficPolicy REGISTRY_ONLY (the mesh config, istio-system/istio), a sidecar routes only to hosts in its registry — the cluster's Services and ServiceEntries; any other host gets the route block_all and a ${status} from the sidecar itself (BlackHoleCluster for TCP), the request never leaves the pod. No ServiceEntry declares ${what}.${startedBy}`,
    nextAction: `Add a ServiceEntry for ${what} (hosts: ${what}, location: MESH_EXTERNAL, its port and protocol; through the egress gateway if egress must pass it); the sidecars pick it up without a restart.${rev === undefined ? '' : ` Rolling back to revision ${rev.revision - 1} only stops the new calls.`}`,
    fix: `add a ServiceEntry for ${what}`,
    ...(rev === undefined ? {} : { rollbackUndoes: `drop the calls to ${what} that revision ${rev.revision} added` }),
    confirmCommands: [
      formatKubectl(ev.target, 'get serviceentries'),
      formatKubectl({ ...ev.target, namespace: 'istio-system' }, 'get configmap istio -o jsonpath={.data.mesh}'),
    ],
    affected: { pods: block.pods, nodes: listNodesOf(podObjects) },
  }];
}
