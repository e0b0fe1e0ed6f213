/**
 * Only the large answers of a peer time out, from several of the workload's pods, while small
 * requests to the same peer succeed: packets of full size never cross the path (an MTU black hole),
 * the peer is up. When no node group sets the failing pods apart (node-group-timeouts owns that
 * case), the mismatch lives between the nodes, wherever the two ends sit: a node's CNI stating a
 * pod MTU above its overlay's (a tunnel MTU 1450 under pods still given 1500) names it and dates it.
 * The pods stay Ready and their logs hold few errors: a count threshold would call this healthy.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { splitTimeoutsByNode } from '../node-group-split.js';
import { readMtuMismatch, readSizeSplit } from '../packet-size.js';
import type { MtuMismatch, SizeSplit } from '../packet-size.js';
import { limitLines, severityForPods, unique } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { MINUTE_MS, earliest, formatAgo, msBetween } from '../time-span.js';

/** The newest large call that timed out must be this recent: the black hole is still there. */
const STILL_FAILING_MS = 30 * MINUTE_MS;

/** A node that states its pods' MTU above its overlay's, and since when. */
interface NodeMismatch {
  node: string;
  mismatch: MtuMismatch;
  since?: string;
}

/** Node events and CNI agents' logs that state a pod MTU above the overlay path's. */
function findNodeMismatches(ev: TriageEvidence): NodeMismatch[] {
  const fromEvents = ev.events.flatMap((e): NodeMismatch[] => {
    const mismatch = e.object.kind === 'Node' ? readMtuMismatch(e.message) : undefined;
    return mismatch === undefined ? [] : [{ node: e.object.name, mismatch, ...(e.firstSeen ? { since: e.firstSeen } : {}) }];
  });
  const fromAgents = (ev.cniAgents ?? []).flatMap((a) =>
    (a.log?.lines ?? []).flatMap((l): NodeMismatch[] => {
      const mismatch = readMtuMismatch(l);
      return mismatch === undefined ? [] : [{ node: a.node, mismatch }];
    }),
  );
  const all = [...fromEvents, ...fromAgents];
  return unique(all.map((m) => m.node)).map((node) => {
    const mine = all.filter((m) => m.node === node);
    const since = earliest(mine.map((m) => m.since));
    return { node, mismatch: (mine[0] as NodeMismatch).mismatch, ...(since ? { since } : {}) };
  });
}

function currentLines(logs: readonly LogEvidence[], pod: PodEvidence): string[] {
  return logs.filter((l) => l.pod === pod.name && !l.previous).flatMap((l) => l.lines);
}

export function analyzeMtuBlackHole(ev: TriageEvidence): Finding[] {
  // Split by node group, the node-group analyzer tells it (and which nodes to drain).
  const nodes = [...ev.nodes, ...(ev.clusterNodes ?? []).filter((n) => !ev.nodes.some((m) => m.name === n.name))];
  if (splitTimeoutsByNode(ev.pods, ev.logs, nodes, ev.collectedAt) !== undefined) return [];
  const splits = ev.pods
    .filter((p) => p.ready && p.deletionTimestamp === undefined)
    .flatMap((p) => {
      const split = readSizeSplit(currentLines(ev.logs, p));
      return split === undefined ? [] : [{ pod: p, split }];
    });
  // The same failure on more than one pod, more than once, and still in the newest lines.
  if (splits.length < 2) return [];
  const large = splits.flatMap((s) => s.split.large);
  if (large.length < 3) return [];
  const times = large.map(readLineTime).filter((t): t is string => t !== undefined);
  if (times.length > 0 && !times.some((t) => msBetween(t, ev.collectedAt) <= STILL_FAILING_MS)) return [];

  const hosts = unique(splits.flatMap((s) => s.split.hosts));
  const callee = (ev.calledServices ?? []).find((c) => hosts.some((h) => h.split('.')[0] === c.service));
  const stated = findNodeMismatches(ev);
  const peerNodes = unique((callee?.pods ?? []).flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
  const ours = unique(ev.pods.flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
  const involved = stated.filter((m) => ours.includes(m.node) || peerNodes.includes(m.node));
  const [first] = involved;
  const since = earliest(involved.map((m) => m.since));
  const mismatchNodes = involved.map((m) => m.node);
  // A Service's cluster DNS name is told by the Service's name.
  const peer = callee?.service ?? hosts.map((h) => /^([a-z0-9-]+)\.[a-z0-9-]+\.svc(?:\.|$)/.exec(h)?.[1] ?? h)[0] ?? 'a peer';
  const example: SizeSplit = (splits[0] as { split: SizeSplit }).split;
  const pods = splits.map((s) => s.pod);

  const overlay = first
    ? ` — pods get MTU ${first.mismatch.pod} over a ${first.mismatch.path}-byte overlay on ${mismatchNodes.join(', ')}${since ? ` since its change ${formatAgo(since, ev.collectedAt)}` : ''}`
    : '';
  const title = `Large responses from ${peer} time out while small ones succeed: an MTU black hole between the nodes${overlay}; ${large.length} timeouts in ${pods.length} ready pods`;
  const setTo = first ? `${first.mismatch.path}` : 'the overlay\'s';

  return [
    {
      id: `network/mtu-black-hole/${peer}`,
      kind: 'dependency-error',
      title,
      ...(since ? { datesChange: true as const } : {}),
      onset: since ?? earliest(times) ?? ev.collectedAt,
      layer: 'network/routing',
      severity: severityForPods(ev, pods.length),
      confidence: first ? 'high' : 'medium',
      evidence: [
        ...splits.map((s) => `${s.pod.name} on ${s.pod.nodeName ?? '?'}: ${s.split.large.length} large call${s.split.large.length === 1 ? '' : 's'} timed out, e.g. ${(s.split.large[0] ?? '').trim().slice(0, 260)}`),
        ...limitLines(example.small.map((l) => `small call that succeeds from the same pod: ${l.trim().slice(0, 200)}`), 2),
        ...involved.map((m) => `node ${m.node}${m.since ? ` (${formatAgo(m.since, ev.collectedAt)})` : ''}: ${m.mismatch.line.slice(0, 260)}`),
        ...(peerNodes.length > 0 ? [`${peer}'s pods run on ${peerNodes.join(', ')}`] : []),
      ],
      decisive: first?.mismatch.line ?? (large[0] ?? '').trim(),
      likelyCause:
        `Small answers from ${peer} arrive and the large ones stall after their first packet until the client's timeout: packets larger than the path carries are dropped silently (no ICMP "fragmentation needed" comes back), an MTU black hole. ${peer} is up; every revision of this workload would fail the same way.` +
        (first
          ? ` The CNI on ${mismatchNodes.join(', ')} states pods MTU ${first.mismatch.pod} over an overlay of MTU ${first.mismatch.path}: a pod sends full-size ${first.mismatch.pod}-byte packets that the encapsulated path cannot carry, so any answer larger than one packet between pods on different nodes is lost.`
          : ' Compare the pods\' interface MTU with the overlay\'s on the nodes of both ends before changing anything.'),
      nextAction:
        `Set the pods' MTU to ${setTo} in the CNI's configuration${mismatchNodes.length > 0 ? ` for ${mismatchNodes.join(', ')}` : ''} (its veth / workload MTU: the overlay's MTU minus its encapsulation header), then recreate the pods on those nodes so their interfaces take it` +
        `${since ? ' — or roll the overlay change back on those nodes' : ''}. Restarting the workload alone changes nothing: new pods get the same MTU.`,
      fix: `set the pod MTU to ${setTo} to match the overlay`,
      outsideWorkload: `the nodes' overlay drops packets larger than it carries, whatever the revision`,
      confirmCommands: [
        ...mismatchNodes.slice(0, 1).map((n) => describeNodeCommand(ev.target, n)),
        formatKubectl(ev.target, `logs ${(pods[0] as PodEvidence).name} --tail=200`),
        formatKubectl(ev.target, 'get configmaps -n kube-system', 'cluster'),
      ],
      affected: { pods: pods.map((p) => p.name), nodes: unique([...mismatchNodes, ...ours]), services: [peer] },
    },
  ];
}
