import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { IsoTime, LogEvidence, NodeNetworkEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { describeCniAgentDown } from './node-cni-agent.js';
import { CONNECT_TIMEOUT, CONNTRACK_FULL, NEIGHBOUR_OVERFLOW, PROXY_SYNC_FAILED, isKubeProxy } from '../node-network.js';
import { nodePoolOf } from '../node-pool.js';
import { readKlogTime } from '../log-line-time.js';
import { limitLines, severityForPods } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { capitalize } from '../../text.js';

type NodePod = NodeNetworkEvidence['pods'][number];

/** A pod that started this long before the table filled may be what filled it. */
const NEWCOMER_WINDOW_MS = 60 * 60_000;

/**
 * The node's own network plumbing failing under the workload's pods there: the kernel's conntrack
 * table full (it drops new connections of every pod on the node), kube-proxy unable to write
 * the node's Service rules (ClusterIPs that changed since get no rule there), or the node's CNI
 * agent not ready (no pod network to the other nodes: node-cni-agent.ts). Both are node-bound:
 * the same pods elsewhere are fine, and the workload did not change.
 */
export function analyzeNodeNetwork(ev: TriageEvidence): Finding[] {
  const nodes = new Set(ev.pods.flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
  return [...[...nodes].flatMap((node) => [...describeConntrack(ev, node), ...describeKubeProxy(ev, node), ...describeCniAgentDown(ev, node)]), ...describeNeighbourOverflow(ev, [...nodes])];
}

function podsOn(ev: TriageEvidence, node: string): PodEvidence[] {
  const here = ev.pods.filter((p) => p.nodeName === node);
  const failing = here.filter((p) => !p.ready);
  return failing.length > 0 ? failing : here;
}

function podsWord(ev: TriageEvidence, pods: readonly PodEvidence[]): string {
  const named = pods.length <= 2 ? ` (${pods.map((p) => p.name).join(', ')})` : '';
  return `${pods.length} pod${pods.length === 1 ? '' : 's'} of ${ev.target.name} on it${named}`;
}

function nodeCommands(ev: TriageEvidence, node: string): string[] {
  return [
    formatKubectl(ev.target, `get events -A --field-selector involvedObject.kind=Node,involvedObject.name=${node}`, 'cluster'),
    formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node}`, 'cluster'),
    describeNodeCommand(ev.target, node),
  ];
}

/** What started on the node (not ours, not a node agent) in the hour before the table filled, newest first. */
function findNewcomers(ev: TriageEvidence, node: string, since: IsoTime): NodePod[] {
  const read = ev.nodeNetwork?.find((n) => n.node === node);
  const ours = new Set(ev.pods.map((p) => p.name));
  return (read?.pods ?? [])
    .filter((p) => !ours.has(p.pod.name) && !(p.owner ?? '').startsWith('DaemonSet ') && p.pod.createdAt !== undefined)
    .filter((p) => {
      const lead = msBetween(p.pod.createdAt as IsoTime, since);
      return lead >= 0 && lead <= NEWCOMER_WINDOW_MS;
    })
    .sort((a, b) => msBetween(a.pod.createdAt as IsoTime, b.pod.createdAt as IsoTime) * -1);
}

function describeConntrack(ev: TriageEvidence, node: string): Finding[] {
  const drops = listEventsOf(ev, 'Node', node).filter((e) => CONNTRACK_FULL.test(e.message));
  const first = drops.map((e) => e.firstSeen).sort()[0];
  const last = drops.map((e) => e.lastSeen).sort().at(-1);
  if (first === undefined || last === undefined) return [];
  const pods = podsOn(ev, node);
  const newcomers = findNewcomers(ev, node, first);
  const top = newcomers[0];
  const who = top === undefined ? undefined : `${top.owner ?? 'pod'} (${top.namespace}/${top.pod.name})`;
  const since = top === undefined ? `since ${formatAgo(first, ev.collectedAt)}` : `since ${who} started there ${formatAgo(top.pod.createdAt as IsoTime, ev.collectedAt)}`;
  const decisive = drops.find((e) => /dropping packet/i.test(e.message))?.message ?? drops[0]?.message;
  return [
    {
      id: `node-condition/conntrack/${node}`,
      kind: 'node-condition',
      title: `Node ${node}'s conntrack table is full ${since}: the kernel drops new connections of every pod there; ${podsWord(ev, pods)}`,
      layer: 'node/eviction',
      severity: severityForPods(ev, pods.filter((p) => !p.ready).length),
      confidence: 'high',
      evidence: [
        ...collapseEvents(drops).map((e) => formatEventLine(e, { maxLength: 220 })),
        ...limitLines(newcomers.map((p) => `${p.namespace}/${p.pod.name}${p.owner ? ` (${p.owner})` : ''} started on ${node} ${formatAgo(p.pod.createdAt as IsoTime, ev.collectedAt)}, ${formatAgo(p.pod.createdAt as IsoTime, first).replace(/ ago$/, '')} before the first drop`), 3),
      ],
      likelyCause:
        `Every connection through the node takes a conntrack entry; when the table is full the kernel drops new connections (SYNs get no answer), so every pod on ${node} times out to Services and to the internet while the same pods on other nodes are fine.` +
        (who === undefined ? ' Something on the node opens connections faster than they expire.' : ` ${who} started there just before: a load test or a connection-churning batch fills the table.`),
      nextAction:
        `Mitigate: ${who === undefined ? 'stop what churns connections on the node' : `stop ${who} or move it to a node of its own`}, and cordon ${node} and delete the failing pods so they start elsewhere (the bot will not). ` +
        `Then raise net.netfilter.nf_conntrack_max for the node group (or lower the conntrack timeouts) before the next load test.`,
      fix: who === undefined ? `find what fills the conntrack table of ${node}` : `stop ${who} and raise nf_conntrack_max on the node group`,
      ...(decisive === undefined ? {} : { decisive }),
      outsideWorkload: `the node's conntrack table drops the connections of any pod there, of any revision`,
      onset: first,
      confirmCommands: nodeCommands(ev, node),
      affected: { pods: pods.map((p) => p.name), nodes: [node] },
    },
  ];
}

/** The kube-proxy log of the node with its failed syncs, and when they began. */
function readProxyFailures(ev: TriageEvidence, node: string): { log: LogEvidence; failures: string[]; first?: IsoTime } | undefined {
  const read = ev.nodeNetwork?.find((n) => n.node === node);
  const proxy = read?.pods.find((p) => isKubeProxy(p.pod.name, p.owner));
  const log = read?.logs.find((l) => proxy !== undefined && l.pod === proxy.pod.name);
  const failures = (log?.lines ?? []).filter((l) => PROXY_SYNC_FAILED.test(l));
  if (log === undefined || failures.length === 0) return undefined;
  const first = failures.map((l) => readKlogTime(l, ev.collectedAt)).find((t) => t !== undefined);
  return { log, failures, ...(first === undefined ? {} : { first }) };
}

/** Services of the namespace created after kube-proxy stopped syncing that the failing pods' logs name. */
function findUnprogrammed(ev: TriageEvidence, pods: readonly PodEvidence[], since: IsoTime | undefined): string[] {
  if (since === undefined) return [];
  const lines = ev.logs.filter((l) => pods.some((p) => p.name === l.pod)).flatMap((l) => l.lines.filter((x) => CONNECT_TIMEOUT.test(x)));
  return ev.services.flatMap((s) => {
    const created = ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === s.name)?.createdAt;
    if (created === undefined || msBetween(since, created) < 0) return [];
    const named = lines.some((l) => (s.clusterIP !== undefined && l.includes(s.clusterIP)) || new RegExp(`\\b${s.name.replace(/[.-]/g, '\\$&')}\\.`).test(l));
    return named ? [`${s.name} (ClusterIP ${s.clusterIP ?? 'none'}, created ${formatAgo(created, ev.collectedAt)})`] : [];
  });
}

function describeKubeProxy(ev: TriageEvidence, node: string): Finding[] {
  const found = readProxyFailures(ev, node);
  if (found === undefined) return [];
  const pods = podsOn(ev, node);
  if (pods.every((p) => p.ready)) return [];
  const backend = readBackendMismatch(found.log.lines);
  const lockLine = backend === undefined ? found.log.lines.find((l) => /xtables lock/i.test(l))?.trim() : undefined;
  const decisive = backend?.line ?? lockLine ?? found.failures[0];
  const since = found.first === undefined ? '' : ` since ${formatAgo(found.first, ev.collectedAt)}`;
  const missing = backend === undefined ? findUnprogrammed(ev, pods, found.first) : [];
  const failure = backend === undefined
    ? 'fails to apply Service rules (iptables-restore)'
    : `cannot write any Service rule: its iptables${backend.mode ? ` (${backend.mode})` : ''} cannot initialize table '${backend.table}' on this node's kernel${backend.mode === 'legacy' ? ' (no ip_tables module: the node image ships only the nf_tables backend)' : ''}`;
  const title = `kube-proxy on node ${node} ${failure}${since}; ${podsWord(ev, pods)} time${pods.length === 1 ? 's' : ''} out${missing.length > 0 ? ` to ${missing.map((m) => m.replace(/ \(.*$/, '')).join(', ')} (a Service created since, with no rule there)` : backend !== undefined ? ' to every ClusterIP' : ''}`;
  if (backend !== undefined) return [describeBackendMismatch(ev, node, pods, found, backend, title)];
  return [
    {
      ...proxyFindingFrame(ev, node, pods, found, title),
      evidence: [
        ...limitLines(found.failures.map((l) => `${found.log.pod}: ${l.trim()}`), 4),
        ...missing.map((m) => `Service ${m}: no rule for it on ${node} since kube-proxy stopped syncing`),
      ],
      likelyCause:
        `kube-proxy writes every Service's ClusterIP rules on each node; on ${node} each sync fails, so the node keeps its old rules and any Service created or changed since has no rule there: connections to it from pods on ${node} time out, while the same pods on other nodes work.` +
        (lockLine !== undefined ? ' Another process on the node (a hung iptables call of a node agent) holds /run/xtables.lock.' : ''),
      nextAction:
        `Mitigate: cordon ${node} and delete its failing pods so they start elsewhere (the bot will not). ` +
        `Then on the node find and kill what holds the xtables lock (or restart kube-proxy there, or replace the node).`,
      fix: `free kube-proxy's iptables sync on ${node} (the xtables lock holder), or replace the node`,
      ...(decisive === undefined ? {} : { decisive: decisive.trim() }),
      outsideWorkload: `the node's Service rules are stale for any pod there, of any revision`,
    },
  ];
}

/** iptables of one backend on a kernel without its tables: "unable to initialize table 'nat'", "Module ip_tables not found". */
const BACKEND_MISSING = /unable to initialize table|can'?t initialize (?:ip6?tables|iptables) table|Table does not exist \(do you need to insmod|Module ip6?_tables not found|Module nf_tables not found/i;

interface BackendMismatch {
  /** The kube-proxy log line that says so. */
  line: string;
  /** "legacy" or "nf_tables", as iptables prints its mode ("iptables-restore v1.8.9 (legacy)"). */
  mode?: string;
  /** The table it could not initialize: "nat", "filter". */
  table: string;
}

/** kube-proxy's iptables and the node's kernel disagree on the backend: the tables of its mode do not exist there. */
function readBackendMismatch(lines: readonly string[]): BackendMismatch | undefined {
  const hits = lines.filter((l) => BACKEND_MISSING.test(l));
  const line = hits.find((l) => /initialize/i.test(l)) ?? hits[0];
  if (line === undefined) return undefined;
  const mode = hits.map((l) => /\((legacy|nf_tables)\)/i.exec(l)?.[1]?.toLowerCase()).find((m) => m !== undefined);
  const table = /table [`'"‘]?(\w+)/i.exec(line.replace(/initialize ip6?tables table/i, 'initialize table'))?.[1] ?? 'nat';
  return { line: line.trim(), ...(mode === undefined ? {} : { mode }), table };
}

function describeBackendMismatch(ev: TriageEvidence, node: string, pods: readonly PodEvidence[], found: NonNullable<ReturnType<typeof readProxyFailures>>, backend: BackendMismatch, title: string): Finding {
  const other = backend.mode === 'legacy' ? 'nf_tables' : backend.mode === 'nf_tables' ? 'legacy' : 'other';
  const missingLine = found.log.lines.find((l) => /Module \S+ not found/i.test(l));
  const module = missingLine === undefined ? undefined : /Module (\S+) not found/i.exec(missingLine)?.[1];
  return {
    ...proxyFindingFrame(ev, node, pods, found, title),
    evidence: [
      `${found.log.pod}: ${backend.line}`,
      ...(missingLine !== undefined && missingLine.trim() !== backend.line ? [`${found.log.pod}: ${missingLine.trim().slice(0, 300)}`] : []),
      ...limitLines(found.failures.map((l) => `${found.log.pod}: ${l.trim()}`), 2),
    ],
    likelyCause:
      `kube-proxy writes every Service's ClusterIP rules on each node with iptables; its iptables runs in ${backend.mode ?? 'one'} mode, but ${node}'s kernel has no such tables${module ? ` (${module} is not there)` : ''} — the node's image ships the ${other} backend — so no sync ever succeeds. ` +
      `The node has no Service rules at all: pods on it time out to every ClusterIP, the cluster DNS's included, while the same pods on other nodes work. It is not a lock held by another process, and the cluster DNS itself is not at fault.`,
    nextAction:
      `Mitigate: cordon ${node} (and the nodes of its image) and delete the failing pods so they start elsewhere (the bot will not). ` +
      `Then run kube-proxy with the iptables backend the node image has (${backend.mode === 'legacy' ? 'an image whose iptables wrapper picks nft, or kube-proxy in nftables mode' : 'an iptables of the matching mode'}), or go back to the previous node image; restarting kube-proxy changes nothing.`,
    fix: `run kube-proxy with the node image's iptables backend (${other}) on ${node}'s nodes, or cordon them`,
    decisive: backend.line,
    outsideWorkload: `the node has no Service rules for any pod there, of any revision`,
  };
}

/** What both kube-proxy findings of a node share: who, where, since when, and how to look. */
function proxyFindingFrame(ev: TriageEvidence, node: string, pods: readonly PodEvidence[], found: NonNullable<ReturnType<typeof readProxyFailures>>, title: string): Pick<Finding, 'id' | 'kind' | 'title' | 'layer' | 'severity' | 'confidence' | 'onset' | 'confirmCommands' | 'affected'> {
  return {
    id: `node-condition/kube-proxy/${node}`,
    kind: 'node-condition',
    title,
    layer: 'node/eviction',
    severity: severityForPods(ev, pods.filter((p) => !p.ready).length),
    confidence: 'high',
    ...(found.first === undefined ? {} : { onset: found.first }),
    confirmCommands: [formatKubectl(ev.target, `logs -n kube-system ${found.log.pod} --tail=50`, 'cluster'), ...nodeCommands(ev, node).slice(1)],
    affected: { pods: pods.map((p) => p.name), nodes: [node] },
  };
}

/**
 * The kernel's neighbour (ARP) table overflowing on the nodes under some of the pods: nodes that
 * talk to more pod and VPC addresses than gc_thresh3 (1024 by default) allows — large instances
 * with many pods — drop packets to next hops without an entry, so connections from their pods time
 * out at random while the same pods on other nodes are fine. One finding for all such nodes: the
 * fix is the node group's sysctls, not any one node or dependency.
 */
function describeNeighbourOverflow(ev: TriageEvidence, nodes: readonly string[]): Finding[] {
  const hit = nodes.flatMap((node) => {
    const overflows = listEventsOf(ev, 'Node', node).filter((e) => NEIGHBOUR_OVERFLOW.test(e.message));
    return overflows.length > 0 ? [{ node, overflows }] : [];
  });
  if (hit.length === 0) return [];
  const names = hit.map((h) => h.node);
  const drops = hit.flatMap((h) => h.overflows);
  const first = drops.map((e) => e.firstSeen).sort()[0];
  const pods = ev.pods.filter((p) => p.nodeName !== undefined && names.includes(p.nodeName));
  const timingOut = new Set(ev.logs.filter((l) => l.lines.some((x) => CONNECT_TIMEOUT.test(x))).map((l) => l.pod));
  const failing = pods.filter((p) => timingOut.has(p.name) || !p.ready);
  const elsewhere = ev.pods.filter((p) => p.nodeName !== undefined && !names.includes(p.nodeName));
  const fineElsewhere = elsewhere.length > 0 && elsewhere.every((p) => p.ready && !timingOut.has(p.name));
  const pools = [...new Set(hit.flatMap((h) => nodePoolOf(ev.nodes?.find((n) => n.name === h.node)) ?? []))];
  const where = `${names.length === 1 ? 'Node' : 'Nodes'} ${names.join(' and ')}${pools.length > 0 ? ` (node group ${pools.join(', ')})` : ''}`;
  const shown = failing.length > 0 ? failing : pods;
  const group = pools.length > 0 ? `node group ${pools.join(', ')}` : `the node group of ${names.join(' and ')}`;
  const fix = `raise net.ipv4.neigh.default.gc_thresh1/2/3 (e.g. 4096/8192/16384) on ${group}`;
  const decisive = drops[0]?.message;
  return [
    {
      id: `node-condition/neighbour-table/${names.join(',')}`,
      kind: 'node-condition',
      title: `${where} overflow${names.length === 1 ? 's' : ''} the kernel's ARP neighbour table ("neighbor table overflow"${first !== undefined ? `, since ${formatAgo(first, ev.collectedAt)}` : ''}): packets to next hops without an entry are dropped, so ${shown.length} pod${shown.length === 1 ? '' : 's'} of ${ev.target.name} there ${failing.length > 0 ? `time${failing.length === 1 ? 's' : ''} out on connect` : 'may lose connections'}${fineElsewhere ? ` while its pods on other nodes are fine` : ''}`,
      layer: 'node/eviction',
      severity: severityForPods(ev, failing.filter((p) => !p.ready).length),
      confidence: failing.length > 0 ? 'high' : 'medium',
      evidence: [
        ...collapseEvents(drops).map((e) => formatEventLine(e, { maxLength: 220 })),
        ...limitLines(shown.map((p) => `${p.name} on ${p.nodeName ?? '?'}${timingOut.has(p.name) ? ': connect timeouts in its log' : ''}`), 4),
        ...(fineElsewhere ? [`${elsewhere.length} pod${elsewhere.length === 1 ? '' : 's'} on other nodes: ready, no connect timeouts`] : []),
      ],
      likelyCause:
        `The kernel keeps one neighbour (ARP) entry per next-hop address; past net.ipv4.neigh.default.gc_thresh3 (1024 by default) it logs "neighbor table overflow" and drops packets to addresses it cannot add. Nodes that run many pods and talk to many pod and VPC addresses outgrow the default, so new connections from any pod there time out at random, to databases and caches alike, while the same pods on other nodes are fine; the dependencies are not at fault.`,
      nextAction:
        `${capitalize(fix)} (launch template user data or a sysctl DaemonSet). Meanwhile cordon and drain ${names.join(' and ')} so the pods run elsewhere (the bot will not); restarting the pods in place will not help.`,
      fix,
      ...(decisive === undefined ? {} : { decisive }),
      outsideWorkload: `the nodes' neighbour table drops the connections of any pod there, of any revision`,
      ...(first === undefined ? {} : { onset: first }),
      confirmCommands: names.flatMap((n) => nodeCommands(ev, n).slice(0, 1)),
      affected: { pods: shown.map((p) => p.name), nodes: names },
    },
  ];
}
