/**
 * An Akka/Pekko cluster member that stays UNREACHABLE and is never downed (unreachable-member.ts):
 * usually the member of a pod on a node that was lost, in a cluster with no downing provider. The
 * node's loss is the trigger; the missing Split Brain Resolver is why the cluster does not heal by
 * itself. The leader's stalled duties, a replacement that stays Joining, a shard coordinator that is
 * not moved and asks that time out are what it brings. Fix: down the member by hand now, configure
 * the Split Brain Resolver so the next lost node is downed by itself.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { MINUTE_MS, formatAgo, msBetween } from '../time-span.js';
import { readUnreachableMembers } from '../unreachable-member.js';

/** A downing provider decides within a minute or two (stable-after 20 s and up): past this, nobody is deciding. */
const NEVER_DOWNED_MS = 5 * MINUTE_MS;
/** Akka Management's default HTTP port. */
const MANAGEMENT_PORT = 8558;

export function analyzeUnreachableMembers(ev: TriageEvidence): Finding[] {
  const now = ev.collectedAt;
  const m = readUnreachableMembers(ev.logs, now).find((u) => u.since === undefined || msBetween(u.since, now) >= NEVER_DOWNED_MS);
  // Only a member nobody decides about: no downing provider said so at start-up, or the leader says it is stuck.
  if (m === undefined || (m.noDowning === undefined && m.leaderStuck === undefined)) return [];
  const pekko = m.address.startsWith('pekko');
  const runtime = pekko ? 'Pekko' : 'Akka';
  const lostPod = m.host === undefined ? undefined : ev.pods.find((p) => (p.podIPs ?? []).includes(m.host ?? ''));
  const node = lostPod?.nodeName === undefined ? undefined : ev.nodes.find((n) => n.name === lostPod.nodeName);
  const ready = node?.conditions.find((c) => c.type === 'Ready');
  const nodeDown = ready !== undefined && ready.status !== 'True';
  const on = lostPod ? ` (pod ${lostPod.name}${lostPod.nodeName ? ` on node ${lostPod.nodeName}${nodeDown ? `, ${ready?.status === 'Unknown' ? 'NotReady (Ready=Unknown)' : 'NotReady'}${ready?.lastTransitionTime ? ` since ${formatAgo(ready.lastTransitionTime, now)}` : ''}` : ''}` : ''})` : '';
  const since = m.since ? ` since ${formatAgo(m.since, now)}` : '';
  const why = m.noDowning ? 'no downing provider is configured (no Split Brain Resolver)' : 'no downing decision was logged (no downing provider or Split Brain Resolver acting)';
  const joiningPods = ev.pods.filter((p) => m.joining.some((a) => (p.podIPs ?? []).some((ip) => a.includes(`@${ip}:`))));
  const effects = [
    m.leaderStuck ? 'the leader cannot perform its duties' : undefined,
    m.joining.length > 0 ? `${m.joining.length} new member${m.joining.length === 1 ? '' : 's'} stay${m.joining.length === 1 ? 's' : ''} Joining${joiningPods.length > 0 ? ` (${joiningPods.map((p) => p.name).join(', ')}, unready)` : ''}` : undefined,
    m.coordinator ? 'the shard coordinator on it is not moved' : undefined,
    m.askTimeouts.length > 0 ? `${m.askTimeouts.length} asks timed out (AskTimeoutException) in ${unique(m.askTimeouts.map((a) => a.pod)).length} pods` : undefined,
  ].filter((x): x is string => x !== undefined);
  const title = `${runtime} cluster member ${m.address}${on} is UNREACHABLE${since} and never downed: ${why}${effects.length > 0 ? `, so ${effects.join(', ')}` : ''}`;
  const port = ev.workload?.templateContainers.flatMap((c) => c.ports ?? []).find((p) => p.name === 'management')?.containerPort ?? MANAGEMENT_PORT;
  const survivor = ev.pods.find((p) => p !== lostPod && p.ready);
  const down = `down it by hand: ${survivor ? formatKubectl(ev.target, `exec ${survivor.name} -- `) : ''}curl -X PUT -F operation=Down http://localhost:${port}/cluster/members/${m.address} (${runtime} Management)`;
  const sbr = `configure the Split Brain Resolver (${pekko ? 'pekko' : 'akka'}.cluster.downing-provider-class = "${pekko ? 'org.apache.pekko' : 'akka'}.cluster.sbr.SplitBrainResolverProvider")`;
  const affectedPods = unique([...m.askTimeouts.map((a) => a.pod), ...joiningPods.map((p) => p.name), ...(lostPod ? [lostPod.name] : [])]);
  return [{
    id: `cluster-state/unreachable-member/${m.address}`,
    kind: 'cluster-state',
    title,
    ...(m.since ? { datesChange: true as const, onset: m.since } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: m.noDowning && m.leaderStuck ? 'high' : 'medium',
    evidence: [
      `log: ${m.markedLine}`,
      ...(m.noDowning ? [`log: ${m.noDowning}`] : []),
      ...(m.leaderStuck ? [`log: ${m.leaderStuck}`] : []),
      ...(m.coordinator ? [`log: ${m.coordinator}`] : []),
      ...m.askTimeouts.slice(-2).map((a) => `log ${a.pod}: ${a.line}`),
      ...(lostPod && node ? [`member ${m.address} is pod ${lostPod.name} on node ${node.name}${ready ? ` (Ready=${ready.status}${ready.reason ? `, ${ready.reason}` : ''})` : ''}`] : []),
    ],
    decisive: m.markedLine.slice(0, 200),
    likelyCause:
      `${runtime} Cluster never removes an unreachable member by itself: a downing provider (the Split Brain Resolver) has to decide it is gone. ${m.noDowning ? 'None is configured, as the pods say at start-up, ' : 'None decided here, '}` +
      `so the member${lostPod?.nodeName ? ` on ${lostPod.nodeName}` : ''} stays UNREACHABLE for ever. While any member is unreachable the leader does not move members to Up or Removed: a replacement stays Joining (its readiness fails), and singletons that lived on the lost member (the shard coordinator) are never started elsewhere, so sharded requests buffer and asks time out.`,
    nextAction: `Mitigate: ${down}. Then ${sbr}, so the next lost node is downed by itself; a rollback or restart of the other pods does not help.`,
    fix: `${down}; then ${sbr}`,
    outsideWorkload: `the cluster membership still holds the unreachable member, whatever revision of the workload runs`,
    confirmCommands: [
      ...(survivor ? [formatKubectl(ev.target, `exec ${survivor.name} -- curl -s http://localhost:${port}/cluster/members`)] : []),
      ...(lostPod?.nodeName ? [formatKubectl(ev.target, `describe node ${lostPod.nodeName}`, 'cluster')] : []),
    ],
    affected: { pods: affectedPods, nodes: listNodesOf(ev.pods.filter((p) => affectedPods.includes(p.name))) },
  }];
}
