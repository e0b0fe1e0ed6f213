/**
 * A Redis Cluster StatefulSet whose replicas were lowered without taking the removed members out
 * of the cluster first: the controller deleted the highest ordinals, the members left mark them as
 * failing and wait for them, and the hash slots a removed master served have nobody to serve them
 * (clients get "CLUSTERDOWN Hash slot not served" for those keys) unless a replica took them over.
 * The pods left stay Ready: their probe only pings. The scale-down is the change; scaling back
 * brings the member back on the claim the StatefulSet kept, with its cluster config and data.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { joinAnd } from '../../text.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { readRedisClusterLogs } from '../redis-cluster-log.js';
import { findScaledAwayMembers } from '../statefulset-scale-down.js';
import { unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** Lines that say slots have no master now: the cluster's refusal, as a member or a client logs it. */
const NOT_SERVED = /\bCLUSTERDOWN\b|Hash slot not served|slots? (?:is |are )?not served/i;
/** A replica of a failed master won its election and took its slots. */
const FAILED_OVER = /Failover election won|configEpoch set to \d+ after successful failover/i;
/** The chart's (bitnami's) replicas per master: 0 leaves a removed master's slots to nobody. */
const REPLICAS_ENV = /^(?:REDIS_)?CLUSTER_REPLICAS$/;

const short = (id: string): string => id.slice(0, 8);

export function analyzeMemberScaledAway(ev: TriageEvidence): Finding[] {
  const removed = findScaledAwayMembers(ev);
  if (!removed) return [];
  const nodes = readRedisClusterLogs(ev.logs);
  const own = new Set(nodes.flatMap((n) => (n.self ? [n.self] : [])));
  const failing = unique(nodes.flatMap((n) => n.failed)).filter((id) => !own.has(id));
  const refused = ev.logs.flatMap((l) => l.lines.filter((x) => NOT_SERVED.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
  // Only a member the cluster still counts on: its peers mark it failing, or the keys it held are refused.
  if (failing.length === 0 && refused.length === 0) return [];
  const tookOver = ev.logs.some((l) => l.lines.some((x) => FAILED_OVER.test(x)));
  const replicas = ev.workload?.templateContainers.flatMap((c) => c.env ?? []).find((e) => REPLICAS_ENV.test(e.name) && 'value' in e);
  const noReplica = replicas !== undefined && 'value' in replicas && replicas.value.trim() === '0';
  const w = ev.workload;
  const name = w?.name ?? ev.target.name;
  const now = ev.collectedAt;
  const gone = joinAnd(removed.pods);
  const byWhom = removed.writer ? ` by ${removed.writer.manager}${removed.writer.subresource === 'scale' ? ' (scale subresource)' : ''}` : '';
  const marked = failing.length > 0 ? `its other members mark ${failing.length === 1 ? 'that node' : `${failing.length} nodes`} as failing (${failing.map(short).join(', ')})` : undefined;
  const served = tookOver
    ? 'a replica took its slots over'
    : noReplica
      ? `it had no replica (${replicas?.name}=0), so the hash slots it served are not served now: keys in them get CLUSTERDOWN Hash slot not served`
      : 'the hash slots it served as a master are not served now unless a replica of it took them over: keys in them get CLUSTERDOWN Hash slot not served';
  const title =
    `Redis Cluster ${name} lost ${gone}: the StatefulSet was scaled down from ${removed.from} to ${removed.to} replicas ${formatAgo(removed.at, now)}${byWhom} without moving ${removed.pods.length === 1 ? 'its' : 'their'} hash slots off first — ` +
    `${marked ? `${marked}; ` : ''}${served}`;
  const claims = (w?.claimTemplates ?? []).flatMap((t) => removed.pods.map((p) => `${t.name}-${p}`));
  const back = `scale back to ${removed.from} (${formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=${removed.from}`)})`;
  const rejoin = `${gone} come${removed.pods.length === 1 ? 's' : ''} back${claims.length > 0 ? ` on ${joinAnd(claims)}` : ''} with ${removed.pods.length === 1 ? 'its' : 'their'} nodes.conf and data and rejoin${removed.pods.length === 1 ? 's' : ''}`;
  const then = `move ${removed.pods.length === 1 ? 'its' : 'their'} slots off (redis-cli --cluster reshard) and remove ${removed.pods.length === 1 ? 'the node' : 'the nodes'} (redis-cli --cluster del-node) before scaling down again`;
  const first = ev.pods[0]?.name ?? `${name}-0`;
  return [
    {
      id: `member-scaled-away/${name}`,
      kind: 'cluster-state',
      title,
      layer: 'capacity',
      severity: tookOver ? 'warning' : 'critical',
      confidence: removed.writer && (failing.length > 0 || refused.length > 0) ? 'high' : 'medium',
      evidence: [
        ...removed.events.map((e) => `${e.message} (${formatAgo(e.lastSeen, now)})`),
        ...(removed.writer ? [`spec.replicas last written by ${removed.writer.manager}${removed.writer.subresource ? ` through the ${removed.writer.subresource} subresource` : ''} ${formatAgo(removed.writer.at ?? removed.at, now)}`] : []),
        ...nodes.filter((n) => n.failedLine).slice(0, 2).map((n) => `log ${n.log.pod}: ${n.failedLine ?? ''}`),
        ...refused.slice(0, 2).map((r) => `log ${r.pod}: ${r.line}`),
        ...(replicas && 'value' in replicas ? [`template env ${replicas.name}=${replicas.value}`] : []),
      ],
      decisive: nodes.find((n) => n.failedLine)?.failedLine ?? refused[0]?.line ?? removed.events[0]?.message ?? '',
      likelyCause:
        `Lowering a StatefulSet's replicas deletes its highest ordinals; Redis Cluster is not told. The removed node stays in every other node's cluster table, is marked failing, and the 16384 hash slots it was master of have no master unless a replica of it is promoted — ` +
        'with cluster-require-full-coverage no the other keys keep working and only part of the calls fail (with the default yes the whole cluster answers CLUSTERDOWN), and the pods left stay Ready (their probe only pings). A StatefulSet keeps a scaled-away member\'s claim by default, so its data and nodes.conf are most likely still there.',
      nextAction: `Mitigate: ${back}: ${rejoin}. Then ${then}.`,
      fix: `${back}, then reshard ${removed.pods.length === 1 ? 'its' : 'their'} slots away and del-node before scaling down`,
      onset: removed.at,
      datesChange: true,
      confirmCommands: [
        formatKubectl(ev.target, `exec ${first} -- redis-cli cluster info`),
        formatKubectl(ev.target, `exec ${first} -- redis-cli cluster nodes`),
        formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} --show-managed-fields -o yaml`),
        formatKubectl(ev.target, 'get pvc'),
      ],
      affected: { pods: ev.pods.map((p) => p.name) },
    },
  ];
}
