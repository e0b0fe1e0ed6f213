import type { CniAgentEvidence } from '../evidence-cni-agent.js';
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Confidence, Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { splitTimeoutsByNode } from '../node-group-split.js';
import { findMetadataUnreachable, tellMetadataUnreachable } from '../metadata-unreachable.js';
import { readMtuLines, readSizeSplit } from '../packet-size.js';
import type { SizeSplit } from '../packet-size.js';
import { limitLines, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** A node's CNI agent and the pod MTU it states (the smallest it names: the host's is larger). */
interface CniMtu {
  agent: CniAgentEvidence;
  lines: string[];
  pod: number;
  host: number;
}

function readCniMtu(agent: CniAgentEvidence): CniMtu | undefined {
  const found = readMtuLines(agent.log?.lines ?? []);
  const all = found.flatMap((f) => f.mtus);
  if (all.length === 0) return undefined;
  return { agent, lines: found.map((f) => f.line), pod: Math.min(...all), host: Math.max(...all) };
}

function revisionsOf(ev: TriageEvidence, pods: readonly PodEvidence[]): string {
  const revs = unique(pods.map((p) => ev.revisions.find((r) => r.hash === p.revisionHash)?.revision).filter((r): r is number => r !== undefined));
  return revs.length === 0 ? 'the same revision' : `revision ${revs.join(', ')}`;
}

/** "MTU 8951 (host 9001) there, 1450 (host 1500) on node group general" */
function describeMtus(bad: CniMtu, good: CniMtu | undefined, fineName: string): string {
  const side = (m: CniMtu) => (m.host !== m.pod ? `${m.pod} (host ${m.host})` : `${m.pod}`);
  return `its CNI gives pods MTU ${side(bad)}${good === undefined ? '' : `, ${side(good)} on ${fineName}`}`;
}

/**
 * Calls that time out only from the workload's pods on one node group (or on nodes added after
 * the others), while the same revision's pods elsewhere make them: the nodes' network path, not
 * the code nor the rollout. When only the large calls fail (uploads, TLS handshakes) while small
 * requests to the same host succeed, or the CNI agents state different MTUs on the two groups,
 * the mechanism is named: packets larger than the path carries vanish (an MTU black hole).
 */
export function analyzeNodeGroupTimeouts(ev: TriageEvidence): Finding[] {
  const nodes = [...ev.nodes, ...(ev.clusterNodes ?? []).filter((n) => !ev.nodes.some((m) => m.name === n.name))];
  const split = splitTimeoutsByNode(ev.pods, ev.logs, nodes, ev.collectedAt);
  if (split === undefined) return [];
  const { group } = split;
  const fineName = group.finePools.length > 0 && group.pool !== undefined ? `node group ${group.finePools.join(', ')}` : 'the older nodes';
  const linesOf = (p: PodEvidence) => ev.logs.filter((l) => l.pod === p.name && !l.previous).flatMap((l) => l.lines);
  const size: SizeSplit | undefined = split.failing.map((p) => readSizeSplit(linesOf(p))).find((s) => s !== undefined);
  const cni = (ev.cniAgents ?? []).map(readCniMtu);
  const bad = cni.find((m) => m !== undefined && group.nodes.includes(m.agent.node));
  const good = cni.find((m) => m !== undefined && split.fine.some((p) => p.nodeName === m.agent.node));
  const mtuDiffers = bad !== undefined && (good === undefined ? bad.host >= 9000 : bad.pod !== good.pod);
  const mtu = size !== undefined || mtuDiffers;
  // One failing pod on a node merely newer than the fine one's is chance (any two nodes differ in
  // age): without a pool that sets them apart, only the size of what fails makes it a lead.
  if (!mtu && group.pool === undefined && split.failing.length < 2) return [];

  const groupPods = ev.pods.filter((p) => p.nodeName !== undefined && group.nodes.includes(p.nodeName));
  const unread = groupPods.filter((p) => !split.failing.includes(p));
  const added = group.addedAt === undefined ? '' : ` (added ${formatAgo(group.addedAt, ev.collectedAt)})`;
  const hosts = unique(size?.hosts ?? []);
  const rev = revisionsOf(ev, split.fine);
  const confidence: Confidence = mtuDiffers ? 'high' : size !== undefined || (split.failing.length >= 2 && split.fine.length >= 2) ? 'medium' : 'low';

  // What times out is the node's metadata service: its settings (a hop limit), not the network path beyond.
  const unreachable = mtu ? undefined : findMetadataUnreachable(split.failing.flatMap((p) => split.timeouts.get(p.name) ?? []));
  const metadata = unreachable ? tellMetadataUnreachable(ev, unreachable, split.failing, ev.target.name, { fine: split.fine }) : undefined;
  const what = metadata
    ? capitalize(metadata.title.replace(/^: /, ''))
    : mtu
    ? `Large calls (uploads, TLS handshakes) from the pods on ${group.name}${added} time out while small ones${hosts.length > 0 ? ` to ${hosts.join(', ')}` : ''} succeed: an MTU black hole on those nodes${bad !== undefined ? ` — ${describeMtus(bad, good, fineName)}` : ''}`
    : `Calls time out only from the pods on ${group.name}${added}`;
  const title = `${what}; ${rev} is fine on ${fineName}`;

  const evidence = [
    ...split.failing.map((p) => `${p.name} on ${p.nodeName ?? '?'} (${group.name}): ${split.timeouts.get(p.name)?.length ?? 0} timeouts, e.g. ${(split.timeouts.get(p.name)?.[0] ?? '').trim().slice(0, 240)}`),
    ...limitLines((size?.small ?? []).map((l) => `small call that succeeds from the same pod: ${l.trim().slice(0, 200)}`), 2),
    ...split.fine.map((p) => `${p.name} on ${p.nodeName ?? '?'} (${fineName}), ${rev}: no timeout in its log`),
    ...(unread.length > 0 ? [`also on ${group.name}, log not read: ${unread.map((p) => p.name).join(', ')}`] : []),
    ...(metadata?.evidence ?? []),
    ...[bad, good].flatMap((m) => (m === undefined ? [] : limitLines(m.lines.map((l) => `${m.agent.pod} on ${m.agent.node}: ${l}`), 3))),
  ];
  const nodesText = group.nodes.join(', ');
  const mechanism = mtu
    ? ` Small requests succeed from the same pods while the calls that fill full-size packets — a large upload, a TLS handshake (the server's certificate chain) — time out: packets larger than the path carries are dropped silently, an MTU black hole (ICMP "fragmentation needed" filtered on the way, as across a VPN or a 1500-byte link). New nodes that came up with jumbo frames (MTU 9001) where the old ones were pinned to 1500 do exactly this.` +
      (bad !== undefined ? ` ${bad.agent.pod} on ${bad.agent.node} states MTU ${bad.pod}${bad.host !== bad.pod ? ` (host ${bad.host})` : ''}${good !== undefined ? `; ${good.agent.pod} on a node of ${fineName} states ${good.pod}${good.host !== good.pod ? ` (host ${good.host})` : ''}` : ''}.` : ' The CNI agent\'s MTU on those nodes was not read: compare it before changing anything.')
    : ' Something in the network path of those nodes differs: their MTU, security groups, routes or CNI configuration.';
  return [
    {
      id: `node-condition/node-group-timeouts/${group.pool ?? 'new-nodes'}`,
      kind: 'node-condition',
      title,
      layer: 'node/eviction',
      severity: severityForPods(ev, groupPods.length),
      confidence,
      evidence,
      likelyCause: `The pods on ${group.name} run ${rev}, the same as the pods on ${fineName} whose calls succeed: not the code, not the rollout.${metadata ? ` ${metadata.cause}` : mechanism}`,
      nextAction:
        `Mitigate: cordon and drain ${group.name} (${nodesText}) so the pods move back to ${fineName} (the bot will not). ` +
        (metadata
          ? `Then ${metadata.fix}.`
          : mtu
          ? `Then compare the MTU on a node of each group (\`ip link\` on the node, the CNI's MTU setting) and pin the new nodes' interface to MTU 1500 in their launch template, or set the CNI's MTU explicitly (1450 under VXLAN).`
          : `Then compare the network of a node of each group (MTU with \`ip link\`, security groups, routes, CNI configuration).`),
      fix: metadata ? metadata.fix : mtu ? `pin MTU 1500 on ${group.name} (or set the CNI's MTU explicitly)` : `fix the network path of ${group.name}`,
      ...(unreachable ? { decisive: unreachable.line } : size?.large[0] === undefined ? {} : { decisive: size.large.find((l) => !/TLS/.test(l))?.trim() ?? size.large[0].trim() }),
      outsideWorkload: `the same revision's pods on ${fineName} make the same calls: the nodes' network path fails them, whatever the revision`,
      confirmCommands: [
        formatKubectl(ev.target, `get nodes -L ${group.pool !== undefined ? 'eks.amazonaws.com/nodegroup,karpenter.sh/nodepool' : 'node.kubernetes.io/instance-type'} --sort-by=.metadata.creationTimestamp`, 'cluster'),
        ...(bad === undefined ? [] : [formatKubectl(ev.target, `logs -n ${bad.agent.namespace} ${bad.agent.pod} --tail=2000`, 'cluster')]),
        ...group.nodes.slice(0, 1).map((n) => describeNodeCommand(ev.target, n)),
      ],
      affected: { pods: groupPods.map((p) => p.name), nodes: group.nodes },
    },
  ];
}
