import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { findPod, listPodEvents, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, groupBy, isPodFailing, severityForPods, unique } from '../pod-status.js';
import { type SandboxFailure, isCniAgent, isRefusedByApiServer, parseSandboxFailure } from '../sandbox-failure.js';
import { describeAgentState, findNodeAgent } from '../node-agents.js';
import { type AnnotatedMissingObject, findAnnotatedMissingObject } from '../sandbox-annotation.js';
import { HOUR_MS, formatAgo, isWithin, latest, msBetween } from '../time-span.js';
import { describeRefused } from './cni-refused.js';
import { describeSandboxImage } from './sandbox-image.js';
import { type EniPodLimit, findEniPodOvercommit } from '../eni-pod-limit.js';

/** The failures that are the node's own (the API server refusing the plugin is not: cni-refused.ts). */
type NodeLocalKind = Exclude<SandboxFailure['kind'], 'other' | 'unauthorized' | 'forbidden' | 'sandbox-image'>;

/** What the plugin cannot do, in the title's words. */
const FAILS: Record<NodeLocalKind, string> = {
  'agent-unreachable': 'cannot reach its agent on the node',
  'no-ip': 'cannot assign them an IP address',
  'plugin-missing': 'is not installed on the node',
  'not-ready': 'is not initialized on the node',
  network: 'fails to set up their network',
};

const WHY: Record<NodeLocalKind, string> = {
  'agent-unreachable': 'the plugin talks to an agent on the node (a DaemonSet pod) through a local socket or port, and nothing answers there: the agent is down, restarting or not yet started',
  'no-ip': 'the node has no pod IP address left to give (its IP pool, or on AWS what its network interfaces can address, is used up: a max-pods setting above that capacity, or leaked addresses)',
  'plugin-missing': 'the plugin binary is missing from the node (/opt/cni/bin): its installer (the CNI DaemonSet\'s init container) has not run there',
  'not-ready': 'the node has no CNI configuration yet: the CNI DaemonSet pod there has not started or has not written its config',
  network: 'the plugin fails for this node\'s new pods',
};

/** The plugin's agent on the node: a failing one first. */
function findAgent(ev: TriageEvidence, node: string, plugin: string | undefined): ReturnType<typeof findNodeAgent> {
  if (plugin === undefined) return undefined;
  return findNodeAgent(ev.nodeAgents?.find((n) => n.node === node), (a) => isCniAgent(a, plugin));
}

/** "an m5.large", "a c6i.xlarge": the article as the type's first letter is spoken. */
function withArticle(instanceType: string): string {
  return `${/^[aefhilmnorsx]/i.test(instanceType) ? 'an' : 'a'} ${instanceType}`;
}

/** The AWS VPC CNI out of addresses on a node whose max-pods its instance type's ENIs cannot address. */
function findOvercommit(ev: TriageEvidence, node: string, failure: SandboxFailure): EniPodLimit | undefined {
  if (failure.kind !== 'no-ip') return undefined;
  const n = [...ev.nodes, ...(ev.clusterNodes ?? [])].find((x) => x.name === node);
  if (n === undefined) return undefined;
  const onAws = /aws|vpc/i.test(failure.plugin ?? '') || (n.providerID ?? '').startsWith('aws://');
  return onAws ? findEniPodOvercommit(n) : undefined;
}

/** The bridge plugin finding the host's bridge on another subnet: `"cni0" already has an IP address different from 10.244.5.1/24`. */
const STALE_BRIDGE = /"?([\w.-]+)"? already has an IP address different from ([\d.]+\/\d+)/;

/**
 * The host's bridge kept an address from the node's old pod subnet (a node reset and re-joined
 * without a reboot gets a new podCIDR; the bridge outlives the reset): the node's re-registration, when
 * its Node object is new, is the trigger.
 */
function describeStaleBridge(ev: TriageEvidence, node: string, detail: string): { what: string; why: string; fix: string; onset?: string } | undefined {
  const m = STALE_BRIDGE.exec(detail);
  if (m === null) return undefined;
  const [, bridge = 'cni0', address = ''] = m;
  const created = ev.nodes.find((n) => n.name === node)?.createdAt;
  const rejoined = created !== undefined && msBetween(created, ev.collectedAt) <= 2 * HOUR_MS ? created : undefined;
  const since = rejoined ? `; node ${node} re-registered ${formatAgo(rejoined, ev.collectedAt)} (its Node object is that new), so it got a new podCIDR while the host kept its old bridge` : '';
  return {
    what: `the host's bridge ${bridge} still holds an address of an older pod subnet, not ${address} of the node's current podCIDR${since}`,
    why: `the bridge plugin finds the host's ${bridge} already addressed from another subnet than the node's podCIDR gives (${address}): a node reset and re-joined without a reboot gets a new podCIDR, and the bridge left from before keeps the old address, so every new pod's network setup fails`,
    fix: `delete the stale ${bridge} (and flannel.1) interface on ${node} (ip link delete ${bridge}) or reboot it, so the plugin recreates the bridge on the node's current podCIDR`,
    ...(rejoined ? { onset: rejoined } : {}),
  };
}

function describe(ev: TriageEvidence, node: string, pods: PodEvidence[], events: EventEvidence[]): Finding | undefined {
  const newest = events.find((e) => e.lastSeen === latest(events.map((x) => x.lastSeen))) ?? events[0];
  if (newest === undefined) return undefined;
  const failure = parseSandboxFailure(newest.message);
  if (failure.kind === 'other' || failure.kind === 'unauthorized' || failure.kind === 'forbidden' || failure.kind === 'sandbox-image') return undefined;
  const plugin = failure.plugin ? `CNI plugin ${failure.plugin}` : 'the CNI plugin';
  const found = findAgent(ev, node, failure.plugin);
  const agentState = found ? describeAgentState(found.agent.pod) : undefined;
  const agentName = found ? `${found.agent.namespace}/${found.agent.pod.name}` : undefined;
  const logLine = found && found.logs.length > 0 ? pickDecisiveLine(found.logs) : undefined;
  const n = pods.length;
  const stuck = `${n} pod${n === 1 ? '' : 's'} stuck in ContainerCreating`;
  const down = found !== undefined && agentState?.failing === true;
  // The plugin cannot reach its agent and the agent is down: one fact, said once.
  const stale = failure.kind === 'network' ? describeStaleBridge(ev, node, failure.detail) : undefined;
  const over = stale ? undefined : findOvercommit(ev, node, failure);
  const what = stale ? `${plugin} ${FAILS[failure.kind]}: ${stale.what}` : over
    ? `${plugin} ${FAILS[failure.kind]}: the node's max-pods ${over.maxPods} exceeds the ${over.limit} pod IPs the VPC CNI can give ${withArticle(over.instanceType)}`
    : down && failure.kind === 'agent-unreachable'
    ? `its CNI agent there, ${agentName}, is ${agentState.state}, so ${failure.plugin ?? 'the CNI plugin'} cannot set up their network`
    : `${plugin} ${FAILS[failure.kind]}${down ? `; its agent there, ${agentName}, is ${agentState.state}` : ''}`;
  const created = found?.agent.pod.createdAt;
  const young = created !== undefined && msBetween(created, ev.collectedAt) <= 2 * HOUR_MS;
  const image = found?.agent.pod.containers[0]?.image;
  const evidence = [
    ...collapseEvents(events, { acrossObjects: true }).sort((a, b) => b.count - a.count).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })),
    ...(found && agentState ? [`agent ${agentName}${found.agent.owner ? ` (${found.agent.owner})` : ''} on ${node}: ${agentState.state}${image ? `, image ${image}` : ''}${created ? `, created ${formatAgo(created, ev.collectedAt)}` : ''}`] : []),
    ...(logLine ? [`log ${found?.agent.pod.name ?? ''}: ${logLine}`] : []),
  ];
  if (over) evidence.push(`node ${node}: instance type ${over.instanceType}, max-pods ${over.maxPods}; without prefix delegation the VPC CNI addresses ${over.enis} ENIs × (${over.ipsPerEni} IPs − 1) + 2 = ${over.limit} pods`);
  if (failure.plugin && ev.nodeAgents?.some((a) => a.node === node) && found === undefined) evidence.push(`no pod of ${failure.plugin}'s agent was found among the node agents of ${node}`);
  const why = stale?.why ?? (over
    ? `the kubelet's max-pods (${over.maxPods}) is above what the VPC CNI can address on ${withArticle(over.instanceType)}: each of its ${over.enis} ENIs brings ${over.ipsPerEni} IPv4 addresses, one the interface's own, so without prefix delegation ${over.limit} pods at most get an IP. The scheduler counts pod slots, not IPs, so it keeps placing pods there, and every pod beyond the addresses waits in ContainerCreating (a launch template or kubelet flag that sets max-pods by hand, not from the ENI limit, is the usual cause)`
    : WHY[failure.kind]);
  const agentCause = down
    ? ` Its agent on ${node}, ${agentName}, is ${agentState.state}${logLine ? `: "${logLine}"` : ''}${young ? `; that pod was created ${formatAgo(created ?? ev.collectedAt, ev.collectedAt)}, so an update or restart of its DaemonSet is the likely start` : ''}.`
    : '';
  const agentFix = stale ? stale.fix : over
    ? `set max-pods to ${over.limit} for ${over.instanceType} nodes in ${node}'s node group (its launch template or kubelet flags), or enable prefix delegation (ENABLE_PREFIX_DELEGATION on the aws-node DaemonSet), then replace the node`
    : down ? `get ${agentName} running again${young ? ` (if its DaemonSet was just updated, roll that DaemonSet back)` : ''}` : `fix ${plugin} on ${node}`;
  return {
    id: `pod-sandbox/${node}`,
    kind: 'pod-sandbox',
    title: `New pods on node ${node} get no network (${stuck}): ${what}`,
    layer: 'network/routing',
    severity: severityForPods(ev, n),
    confidence: down ? 'high' : 'medium',
    evidence,
    decisive: logLine ?? failure.detail,
    likelyCause: `The kubelet asks ${plugin} to set up each new pod's network before any container starts; on ${node} ${why}.${agentCause} Pods already running there keep their network; every new pod on that node waits, whatever its revision.`,
    nextAction: `Mitigate: cordon ${node} and delete the stuck pod${n === 1 ? '' : 's'} so ${n === 1 ? 'it starts' : 'they start'} on another node (the bot will not). Then ${agentFix}.`,
    fix: `${agentFix}; meanwhile cordon ${node} and delete the stuck pod${n === 1 ? '' : 's'}`,
    outsideWorkload: 'any new pod on that node, of any revision, gets no network there',
    // The node's re-registration dates the stale bridge: that is the trigger.
    ...(stale?.onset ? { onset: stale.onset, datesChange: true as const } : {}),
    confirmCommands: [
      describePodCommand(ev.target, pods[0]?.name ?? ''),
      ...(found ? [`kubectl logs ${found.agent.pod.name} -n ${found.agent.namespace} --previous --tail=100${ev.target.context ? ` --context ${ev.target.context}` : ''}`] : []),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node}`, 'cluster'),
    ],
    affected: { pods: pods.map((p) => p.name), nodes: [node] },
  };
}

/** The pod's revision and the one before it, to tell whether the revision brought the annotation in. */
function revisionsOf(ev: TriageEvidence, pod: PodEvidence | undefined): { revision?: RevisionEvidence; previous?: RevisionEvidence } {
  const revision = ev.revisions.find((r) => r.hash === pod?.revisionHash);
  if (revision === undefined) return {};
  const previous = ev.revisions.filter((r) => r.revision < revision.revision).sort((a, b) => b.revision - a.revision)[0];
  return previous === undefined ? { revision } : { revision, previous };
}

/** The plugin cannot find an object the pods' own annotation names: their configuration, on any node. */
function describeMissingObject(ev: TriageEvidence, pods: PodEvidence[], events: EventEvidence[], failure: SandboxFailure, missing: AnnotatedMissingObject, revision: RevisionEvidence | undefined): Finding {
  const n = pods.length;
  const plugin = failure.plugin ? `CNI plugin ${failure.plugin}` : 'the CNI plugin';
  const object = `${missing.resource} ${missing.name}`;
  const whose = revision === undefined ? 'New pods' : `New pods of revision ${revision.revision}`;
  const brought = missing.introducedBy;
  const evidence = [
    ...collapseEvents(events, { acrossObjects: true }).sort((a, b) => b.count - a.count).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })),
    `pod template annotation ${missing.annotation}: ${JSON.stringify(missing.value)}`,
    ...(brought ? [`revision ${brought.revision}: ${brought.change}`] : []),
  ];
  const fix = `create ${object} in namespace ${ev.target.namespace}, or point annotation ${missing.annotation} at one that exists`;
  return {
    id: `pod-sandbox/${missing.resource}/${missing.name}`,
    kind: 'pod-sandbox',
    title: `${whose} get no network (${n} pod${n === 1 ? '' : 's'} stuck in ContainerCreating): ${plugin} cannot find ${object}, which their annotation ${missing.annotation} names${brought ? ` (revision ${brought.revision} changed it)` : ''}`,
    layer: 'network/routing',
    severity: severityForPods(ev, n),
    confidence: 'high',
    evidence,
    decisive: missing.quote,
    likelyCause: `The pod template's annotation ${missing.annotation} asks ${plugin} to attach ${missing.name}, and no ${missing.resource} of that name exists in namespace ${ev.target.namespace}: the plugin fails every sandbox of these pods, on any node. The node is not at fault; pods without that annotation start there.${brought ? ` Revision ${brought.revision} brought the annotation's value in.` : ''}`,
    nextAction: `Create ${object} in namespace ${ev.target.namespace}${brought ? ` or roll back to the previous revision (its annotation names what exists)` : ''}; the stuck pod${n === 1 ? '' : 's'} then start${n === 1 ? 's' : ''} on the next sandbox retry. No cordon helps: every node refuses them alike.`,
    fix,
    ...(brought ? {} : { outsideWorkload: `the annotation is unchanged across revisions; ${object} is missing for pods of any revision` }),
    confirmCommands: [describePodCommand(ev.target, pods[0]?.name ?? ''), formatKubectl(ev.target, `get ${missing.resource}s`)],
    affected: { pods: pods.map((p) => p.name), nodes: unique(pods.flatMap((p) => p.nodeName ?? [])) },
  };
}

/**
 * Pods placed on a node that never start because the kubelet cannot create their sandbox: the CNI
 * plugin fails to set up their network. Names the node, the plugin, how it fails and, when the
 * node's agents were read, the plugin's agent pod on that node and why it is down.
 */
export function analyzePodSandbox(ev: TriageEvidence): Finding[] {
  // Without a sandbox no container of the pod has started.
  const stuck = ev.pods.filter((p) => p.nodeName !== undefined && isPodFailing(p, ev.collectedAt) && !p.containers.some((c) => c.state !== undefined && 'running' in c.state));
  const events = listPodEvents(ev, ['FailedCreatePodSandBox'], stuck.map((p) => p.name)).filter((e) => e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  if (events.length === 0) return [];
  const newest = events.find((e) => e.lastSeen === latest(events.map((x) => x.lastSeen))) ?? events[0];
  const failing = unique(events.map((e) => e.object.name)).flatMap((name) => findPod(ev, name) ?? []);
  const { revision, previous } = revisionsOf(ev, failing[0]);
  const missing = newest === undefined ? undefined : findAnnotatedMissingObject(newest.message, revision, previous);
  if (newest !== undefined && missing !== undefined) return [describeMissingObject(ev, failing, events, parseSandboxFailure(newest.message), missing, revision)];
  // The API server refusing the plugin is one fault on every node, told once.
  const refused = newest === undefined ? undefined : parseSandboxFailure(newest.message);
  if (refused !== undefined && isRefusedByApiServer(refused)) {
    const group = events.filter((e) => isRefusedByApiServer(parseSandboxFailure(e.message)));
    return [describeRefused(ev, unique(group.map((e) => e.object.name)).flatMap((name) => findPod(ev, name) ?? []), group, refused)];
  }
  // The runtime's own sandbox image is the nodes' setting: one fault however many nodes carry it.
  const byImage = groupBy(events.filter((e) => parseSandboxFailure(e.message).kind === 'sandbox-image'), (e) => parseSandboxFailure(e.message).image ?? '');
  const images = [...byImage].map(([, group]) => {
    const pods = unique(group.map((e) => e.object.name)).flatMap((name) => findPod(ev, name) ?? []);
    const newestOf = group.find((e) => e.lastSeen === latest(group.map((x) => x.lastSeen))) ?? group[0];
    return describeSandboxImage(ev, pods, group, parseSandboxFailure(newestOf?.message ?? ''));
  });
  const byNode = groupBy(events.filter((e) => parseSandboxFailure(e.message).kind !== 'sandbox-image'), (e) => findPod(ev, e.object.name)?.nodeName ?? '');
  return [...images, ...[...byNode].flatMap(([node, group]) => {
    const pods = unique(group.map((e) => e.object.name)).flatMap((name) => findPod(ev, name) ?? []);
    return describe(ev, node, pods, group) ?? [];
  })];
}
