/**
 * A Redis Cluster whose own nodes log "Cluster state changed: fail": some hash slots have no
 * reachable master, and (with cluster-require-full-coverage, the default) the cluster answers
 * commands CLUSTERDOWN while every pod stays Ready on a probe that only pings. When members were
 * re-created onto an emptyDir and came back as new, empty nodes, that is why no replica took over
 * and why the cluster cannot heal by itself: it is named as the cause, with how to re-form it.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { capitalize, joinAnd } from '../../text.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { readRedisClusterLogs } from '../redis-cluster-log.js';
import type { RedisClusterLog } from '../redis-cluster-log.js';
import { findClusterReset } from '../redis-cluster-reset.js';
import type { ClusterReset } from '../redis-cluster-reset.js';
import { listNodesOf, unique } from '../pod-status.js';
import { MINUTE_MS, earliest, formatAgo, msBetween } from '../time-span.js';

const CHECK = 'redis-cli cluster info; redis-cli cluster nodes';
const MEANING =
  'A Redis Cluster goes to state fail when a range of its 16384 hash slots has no reachable master (the master failed and no replica of it could be promoted); with cluster-require-full-coverage (the default) it then answers every command CLUSTERDOWN, not only those of that range.';
/** Members re-created this close together most likely went down together, from one node. */
const TOGETHER_MS = 5 * MINUTE_MS;

const short = (id: string): string => id.slice(0, 8);

export function analyzeRedisClusterState(ev: TriageEvidence): Finding[] {
  const nodes = readRedisClusterLogs(ev.logs);
  const failing = nodes.filter((n) => n.state?.value === 'fail');
  const ok = nodes.filter((n) => n.state?.value === 'ok');
  // A minority that sees fail while more see ok is a partition of a few, not the cluster down.
  if (failing.length === 0 || failing.length < ok.length) return [];
  const reset = findClusterReset(ev, nodes);
  return [describe(ev, nodes, failing, reset)];
}

function describe(ev: TriageEvidence, nodes: readonly RedisClusterLog[], failing: readonly RedisClusterLog[], reset: ClusterReset | undefined): Finding {
  const now = ev.collectedAt;
  const name = `Redis Cluster ${ev.target.name}`;
  const own = new Set(nodes.flatMap((n) => (n.self ? [n.self] : [])));
  // The IDs the survivors still wait for: marked failing and no current member's own.
  const dead = unique(failing.flatMap((n) => n.failed)).filter((id) => !own.has(id));
  const failingPods = unique(failing.map((n) => n.log.pod));
  const stateLine = failing[0]?.state?.line ?? '';
  const markedLine = failing.find((n) => n.failedLine)?.failedLine;
  const deadIds = dead.length > 0 ? ` (${dead.map(short).join(', ')})` : '';
  const marked = dead.length > 0 ? ` after ${dead.length} node${dead.length === 1 ? ' was' : 's were'} marked as failing${deadIds}` : '';
  // A big cluster's members are counted, a few named.
  const who = failingPods.length <= 3 ? joinAnd(failingPods) : `${failingPods.length} of its nodes (${failingPods.slice(0, 3).join(', ')}, …)`;
  const said = `${who} logged "Cluster state changed: fail"${marked}`;
  const evidence = [
    ...failing.slice(0, 2).map((n) => `log ${n.log.pod}: ${n.state?.line ?? ''}`),
    ...(markedLine ? [`log ${failing.find((n) => n.failedLine)?.log.pod ?? ''}: ${markedLine}`] : []),
  ];
  const selector = ev.workload?.selector;
  const confirm = [
    // kubectl's own flags go before `--`: after it they would be redis-cli's.
    formatKubectl(ev.target, `exec ${failingPods[0] ?? ''} -- redis-cli cluster info`),
    formatKubectl(ev.target, `exec ${failingPods[0] ?? ''} -- redis-cli cluster nodes`),
  ];
  if (reset === undefined) {
    const fix = `ask the cluster which slots have no master (${CHECK}) and bring back the failed nodes${deadIds}, or fail their slots over to a replica`;
    return {
      id: `cluster-state/${ev.target.name}`,
      kind: 'cluster-state',
      title: `${name} is in state fail, so it answers commands CLUSTERDOWN: ${said}`,
      layer: 'network/routing',
      severity: 'critical',
      confidence: 'medium',
      evidence,
      decisive: stateLine,
      likelyCause: `${MEANING} The pods stay Ready: their probe only pings, which a cluster in state fail still answers.`,
      nextAction: `${capitalize(fix)}. Restarting the pods does not restore a slot's master.`,
      fix,
      confirmCommands: confirm,
      affected: { pods: failingPods, nodes: listNodesOf(failing.flatMap((n) => ev.pods.find((p) => p.name === n.log.pod) ?? [])) },
    };
  }
  const pods = reset.members.map((m) => m.pod.name);
  const created = earliest(reset.members.map((m) => m.pod.createdAt)) ?? now;
  const where = reset.storage.kind === 'emptyDir' ? `${reset.storage.mountPath} (volume ${reset.storage.volume}) is an emptyDir` : 'they keep their data in the container\'s own filesystem (no volume)';
  const dir = reset.storage.kind === 'emptyDir' ? reset.storage.mountPath : 'the data directory';
  const times = reset.members.flatMap((m) => (m.pod.createdAt ? [m.pod.createdAt] : []));
  const together = reset.members.length > 1 && times.every((t) => Math.abs(msBetween(created, t)) <= TOGETHER_MS);
  const verb = reset.members.length === 1 ? 'was' : 'were';
  const title =
    `${name} is in state fail (CLUSTERDOWN): ${joinAnd(pods)} ${verb} re-created ${formatAgo(created, now)} and came back as new, empty cluster nodes — ` +
    `${reset.storage.kind === 'emptyDir' ? `${reset.storage.mountPath} is an emptyDir` : 'they keep no data volume'}, so nodes.conf and the data died with the old pods and their slots have no master`;
  const [first, ...rest] = pods;
  const assign = rest.length > 0
    ? `assign the uncovered slots to ${first ?? ''} (redis-cli --cluster fix, or CLUSTER ADDSLOTS) and make ${joinAnd(rest)} ${rest.length === 1 ? 'its replica' : 'replicas'} (CLUSTER REPLICATE)`
    : `assign the uncovered slots to ${first ?? ''} (redis-cli --cluster fix, or CLUSTER ADDSLOTS)`;
  const reform = `on every surviving node CLUSTER FORGET the failed node IDs${dead.length > 0 ? ` (${dead.join(', ')})` : ''}, CLUSTER MEET ${joinAnd(pods)}, ${assign}; the keys of those slots are lost`;
  const spread = together ? ', with pod anti-affinity (or topology spread) so a master and its replica never share a node' : '';
  const persist = `move ${dir} to volumeClaimTemplates so a re-created member keeps nodes.conf and its data${spread}`;
  const fix = `re-form the cluster (CLUSTER FORGET the failed IDs, CLUSTER MEET the new nodes, assign the uncovered slots — their keys are lost) and move ${dir} to volumeClaimTemplates${together ? ', with anti-affinity between masters and replicas' : ''}`;
  return {
    id: `cluster-state/${ev.target.name}`,
    kind: 'cluster-state',
    title,
    layer: 'storage',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      ...reset.members.map((m) => `pod ${m.pod.name}: created ${formatAgo(m.pod.createdAt ?? now, now)}${m.pod.nodeName ? ` on ${m.pod.nodeName}` : ''}, ${reset.storage.kind === 'emptyDir' ? `volume ${reset.storage.volume} emptyDir at ${reset.storage.mountPath} (no volumeClaimTemplate)` : 'no data volume'}`),
      ...reset.members.map((m) => `log ${m.pod.name}: ${m.line}`),
      ...evidence,
    ],
    decisive: reset.members[0]?.line ?? stateLine,
    likelyCause:
      `${MEANING} ${capitalize(where)}: its contents — the cluster config file nodes.conf (the node's ID, its slots, its peers) and the data — live only as long as the pod. ` +
      `${joinAnd(pods)} ${verb} re-created and started as brand-new nodes with new IDs, no slots and no peers, and never joined; ${who} went to state fail${marked}. ` +
      `${together ? `They were re-created together, so they most likely ran on one node that went away: a master and its replica on one node leave nothing to fail over to. ` : ''}` +
      'The pods stay Ready (the probe only pings). Restarting or rolling back changes nothing: on an emptyDir a re-created member comes back empty again.',
    nextAction: `Re-form the cluster: ${reform}. Then ${persist}.`,
    fix,
    datesChange: true,
    onset: created,
    confirmCommands: [...confirm, formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o yaml`), ...(selector ? [formatKubectl(ev.target, `get pods -l ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')} -o wide`)] : [])],
    affected: { pods, nodes: listNodesOf(reset.members.map((m) => m.pod)) },
  };
}
