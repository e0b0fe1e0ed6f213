import type { NodeEvidence, NodeRequirementEvidence, PlacementEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, pickDecisiveLine } from '../evidence-lookup.js';
import { type AgentIdentity, describeAgentState, findNodeAgent, isDevicePluginAgent } from '../node-agents.js';
import type { Finding } from '../finding.js';
import { advertisedAmount, formatAllocatable, listExtendedRequests } from '../extended-resources.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { groupBy, isPodFailing, severityForPods, unique } from '../pod-status.js';
import { judgeNodeState } from '../node-state-taints.js';
import { UNINITIALIZED_TAINT, explainUninitializedNodes } from './uninitialized-nodes.js';
import { describeAdmittedSelector, findAdmittedSelector } from '../admitted-node-selector.js';
import { describeRetiredKeys, findRetiredKeys, renameRetiredKeys } from '../retired-node-labels.js';
import { isSimilarName } from '../service-match.js';
import { capitalize } from '../../text.js';
import { HOUR_MS, formatAgo, isWithin, msBetween } from '../time-span.js';
import { TRIGGER_WINDOW_MS } from '../trigger-window.js';

/** Does the node satisfy one requirement of a node selector term? (The scheduler's semantics.) */
export function meetsRequirement(labels: Record<string, string>, r: NodeRequirementEvidence): boolean {
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v);
    case 'NotIn':
      return v === undefined || !r.values.includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
      return v !== undefined && Number(v) > Number(r.values[0]);
    case 'Lt':
      return v !== undefined && Number(v) < Number(r.values[0]);
  }
}

export function matchesPlacement(node: NodeEvidence, p: PlacementEvidence): boolean {
  const labels = node.labels ?? {};
  const selector = Object.entries(p.nodeSelector).every(([k, v]) => labels[k] === v);
  const affinity = p.requiredNodeAffinity.length === 0 || p.requiredNodeAffinity.some((term) => term.every((r) => meetsRequirement(labels, r)));
  return selector && affinity;
}

/** Taints that keep these pods off the node (NoSchedule / NoExecute they do not tolerate). */
export function untoleratedTaints(node: NodeEvidence, p: PlacementEvidence): NodeEvidence['taints'] {
  return node.taints.filter(
    (t) =>
      t.effect !== 'PreferNoSchedule' &&
      !p.tolerations.some((tol) => (tol.key === undefined || tol.key === t.key) && (tol.effect === undefined || tol.effect === t.effect) && (tol.operator === 'Exists' || tol.value === t.value)),
  );
}

export function formatTaint(t: NodeEvidence['taints'][number]): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** Node labels that look like what the selector meant: `disk-type=ssd` for `disktype=ssd`. */
export function nearLabels(nodes: readonly NodeEvidence[], key: string, value: string | undefined): string[] {
  const seen = new Set<string>();
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.labels ?? {})) {
      if (k === key && value !== undefined && v !== value) seen.add(`${k}=${v}`);
      else if (k !== key && isSimilarName(k.replace(/^.*\//, ''), key.replace(/^.*\//, '')) && (value === undefined || isSimilarName(v, value))) seen.add(`${k}=${v}`);
    }
  }
  return [...seen].slice(0, 4);
}

export function describeRequirement(r: NodeRequirementEvidence): string {
  return r.operator === 'In' && r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} ${r.operator}${r.values.length > 0 ? ` (${r.values.join(', ')})` : ''}`;
}

export function isSchedulable(n: NodeEvidence): boolean {
  return !n.unschedulable && findCondition(n.conditions, 'Ready')?.status === 'True';
}

interface Verdict {
  why: string;
  decisive: string;
  fix: string;
  /** Why this happens, when the placement rules are not what failed. */
  cause?: string;
  evidence?: string[];
  /** A node to look at: what it advertises and which pods (device plugins) run on it. */
  node?: string;
  /** See Finding.outsideWorkload: the nodes' state, not the pods' spec, keeps them out. */
  outside?: string;
  /** What follows the fix in the next action, when the pods do not simply schedule once a node fits. */
  then?: string;
  /** See Finding.datesChange: the title dates the change (nodes added lately). */
  dates?: boolean;
}

function names(nodes: readonly NodeEvidence[]): string {
  return `${nodes.slice(0, 3).map((n) => n.name).join(', ')}${nodes.length > 3 ? ` and ${nodes.length - 3} more` : ''}`;
}

/**
 * The nodes the pods may use are there, but none advertises an extended resource the pods ask
 * for (nvidia.com/gpu): no device plugin serves it on them. Nodes outside the placement that do
 * advertise it are named, since they show the plugin runs elsewhere. When the node agents of those
 * nodes were read, the device plugin's own state and log say why (a driver it cannot load), or its
 * absence says its DaemonSet does not cover them.
 */
function judgeExtended(ev: TriageEvidence, all: readonly NodeEvidence[], usable: readonly NodeEvidence[], pod: PodEvidence): Verdict | undefined {
  const missing = listExtendedRequests(pod).find((r) => !usable.some((n) => advertisedAmount(n, r.resource) > 0));
  if (!missing) return undefined;
  const { resource } = missing;
  const elsewhere = all.filter((n) => !usable.includes(n) && advertisedAmount(n, resource) > 0);
  const one = usable.length === 1;
  const [first] = usable;
  const where = one ? 'that node' : 'those nodes';
  const head = `the ${usable.length} node${one ? '' : 's'} it may use (${names(usable)}) advertise${one ? 's' : ''} no ${resource} in ${one ? 'its' : 'their'} allocatable`;
  const split = describeSplitDevices(usable, resource, missing.amount);
  const joined = describeJoined(usable, pod, ev.collectedAt);
  const dated = joined === undefined ? {} : { dates: true };
  if (split) {
    return {
      ...dated,
      why: `${head} but ${split.sibling}=${split.amount}: ${split.why}${joined?.said ?? ''}`,
      decisive: first ? `${one ? '' : `${first.name} `}allocatable: ${formatAllocatable(first)}` : `${split.sibling}=${split.amount}`,
      fix: split.fix,
      cause: split.cause,
      ...(first ? { node: first.name } : {}),
      evidence: [`each pod requests ${missing.amount} ${resource}`, ...usable.slice(0, 3).map((n) => `${n.name} advertises ${split.sibling}=${n.allocatable[split.sibling]} of the same vendor`)],
    };
  }
  const plugin = describeDevicePlugin(ev, usable, resource);
  return {
    ...dated,
    why: `${head}: ${plugin?.why ?? 'no device plugin serves it there'}${joined?.said ?? ''}`,
    // The title names a single node already; its allocatable is the evidence.
    decisive: plugin?.logLine ?? (first ? `${one ? '' : `${first.name} `}allocatable: ${formatAllocatable(first)} (no ${resource})` : `no ${resource}`),
    fix: plugin?.fix ?? `make the device plugin that provides ${resource} run on ${names(usable)} (its DaemonSet's nodeSelector, affinity or tolerations must cover ${where}), or check why its pod fails there`,
    cause: `A node offers ${resource} only while a device plugin on it registers the devices with the kubelet; the scheduler counts allocatable, so a node without a running plugin has none to give, whatever hardware it holds ("Insufficient ${resource}"). ${plugin?.cause ?? 'Usually the plugin\'s DaemonSet does not select the node (a new node group or instance type with other labels), or its pod there fails (driver missing).'}${joined ? ` ${one ? 'The node' : 'Those nodes'} joined just before the pods waited: one built from another image or launch template may lack the driver its device plugin needs.` : ''}`,
    ...(first ? { node: first.name } : {}),
    evidence: [
      `each pod requests ${missing.amount} ${resource}`,
      ...usable.slice(0, 3).map((n) => `node ${n.name} (matches the pods' placement): allocatable ${formatAllocatable(n)}; no ${resource}`),
      elsewhere.length > 0 ? `${resource} is advertised only by ${names(elsewhere)}, outside the pods' placement` : `no node of the ${all.length} advertises ${resource}`,
      ...(plugin?.evidence ?? []),
      ...(joined ? [joined.evidence] : []),
    ],
  };
}

/**
 * The nodes the pods may use, all of which lack what the pods need, joined the cluster in the
 * trigger window before the pods began to wait (or since): their arrival (a new node group, a
 * replacement from another image or launch template) is the change, not the pods' spec.
 */
function describeJoined(usable: readonly NodeEvidence[], pod: PodEvidence, now: string): { said: string; evidence: string } | undefined {
  const onset = pod.createdAt ?? now;
  const born = usable.map((n) => n.createdAt);
  if (born.length === 0 || !born.every((t): t is string => t !== undefined && msBetween(t, onset) <= TRIGGER_WINDOW_MS)) return undefined;
  const first = [...born].sort()[0] ?? now;
  const one = usable.length === 1;
  return {
    said: one ? `, since that node joined ${formatAgo(first, now)} (a new or replacement node)` : `, since those nodes joined, the first ${formatAgo(first, now)} (new or replacement nodes)`,
    evidence: usable.slice(0, 3).map((n) => `node ${n.name} created ${n.createdAt ?? ''} (${formatAgo(n.createdAt ?? now, now)})`).join('; '),
  };
}

/**
 * Every node the pods may use advertises, instead of the resource, another one of the same vendor
 * (nvidia.com/mig-1g.10gb beside nvidia.com/gpu=0): the plugin runs and serves the devices, cut
 * into partitions (MIG) or renamed, so the pods ask for a name the pool no longer offers.
 */
function describeSplitDevices(usable: readonly NodeEvidence[], resource: string, amount: number | string): { sibling: string; amount: string; why: string; cause: string; fix: string } | undefined {
  const slash = resource.indexOf('/');
  const [first] = usable;
  if (slash < 0 || !first) return undefined;
  const vendor = resource.slice(0, slash + 1);
  const sibling = Object.keys(first.allocatable)
    .filter((k) => k !== resource && k.startsWith(vendor))
    .filter((k) => usable.every((n) => advertisedAmount(n, k) > 0))
    .sort()[0];
  if (!sibling) return undefined;
  const mig = /^mig-/i.test(sibling.slice(vendor.length));
  const what = mig ? 'its GPUs were split into MIG partitions' : 'its devices are advertised under another name';
  return {
    sibling,
    amount: first.allocatable[sibling] ?? '',
    why: `${usable.length === 1 ? what : what.replace(/^its/, 'their')}, and the pods still ask for ${mig ? 'whole GPUs' : resource}`,
    cause: `The device plugin on ${names(usable)} runs and registers the devices as ${sibling}, not ${resource}${mig ? ' (the node pool was switched to MIG: each GPU cut into partitions, and with the mixed strategy the whole-GPU resource drops to 0)' : ''}; the pods still request ${amount} ${resource}, which no node they may use offers ("Insufficient ${resource}").`,
    fix: mig
      ? `request ${sibling} (a MIG profile that fits) instead of ${resource} in the pods, or give whole GPUs back on part of the pool (its MIG configuration)`
      : `request ${sibling} instead of ${resource} in the pods, or make the nodes advertise ${resource} again`,
  };
}

/** The device plugin's pod on the first read node the pods may use: failing (with its log), or absent. */
function describeDevicePlugin(ev: TriageEvidence, usable: readonly NodeEvidence[], resource: string): { why: string; cause: string; fix: string; evidence: string[]; logLine?: string } | undefined {
  const reads = usable.flatMap((n) => ev.nodeAgents?.filter((r) => r.node === n.name) ?? []);
  const isPlugin = (a: AgentIdentity) => isDevicePluginAgent(a, resource);
  const found = reads.map((r) => ({ node: r.node, found: findNodeAgent(r, isPlugin) }));
  const failing = found.find((f) => f.found !== undefined && describeAgentState(f.found.agent.pod).failing);
  if (failing?.found) {
    const { agent, logs } = failing.found;
    const state = describeAgentState(agent.pod).state;
    const name = `${agent.namespace}/${agent.pod.name}`;
    const logLine = logs.length > 0 ? pickDecisiveLine(logs) : undefined;
    const said = logLine ? `: "${logLine}"` : '';
    return {
      why: `the device plugin there (${name}${agent.owner ? `, ${agent.owner}` : ''}) is ${state}${said}`,
      cause: `On ${failing.node} the plugin's pod ${name} is ${state}${said}, so it registers no device; while it fails, no pod asking for ${resource} fits there.`,
      fix: `make ${agent.owner ?? name} run again on ${names(usable)}: fix what its log says (a driver, a runtime or a config it cannot load on those nodes); it registers the devices once it starts`,
      evidence: [`device plugin ${name} on ${failing.node}: ${state}`, ...(logLine ? [`log ${agent.pod.name}: ${logLine}`] : [])],
      ...(logLine ? { logLine } : {}),
    };
  }
  const absent = found.filter((f) => f.found === undefined).map((f) => f.node);
  if (absent.length === 0 || absent.length < found.length) return undefined;
  return {
    why: `no device plugin pod runs there`,
    cause: `No pod of a device plugin runs on ${absent.slice(0, 3).join(', ')}: its DaemonSet does not select ${absent.length === 1 ? 'that node' : 'those nodes'} (a new node group or instance type with other labels, or a taint it does not tolerate).`,
    fix: `make the device plugin that provides ${resource} run on ${names(usable)} (its DaemonSet's nodeSelector, affinity or tolerations must cover ${usable.length === 1 ? 'that node' : 'those nodes'})`,
    evidence: absent.slice(0, 2).map((n) => `no device plugin among the DaemonSet pods of ${n}`),
  };
}

/**
 * Nodes whose device plugin may say why pods cannot be placed: the nodes they may use (placement,
 * tolerations, schedulable) when none of them advertises an extended resource the pods ask for.
 * At most two, for the node agents to be read there.
 */
export function pickDeviceNodes(nodes: readonly NodeEvidence[], pods: readonly PodEvidence[]): { node: string; resource: string }[] {
  const picked = new Map<string, string>();
  const asking = pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined && p.placement !== undefined && listExtendedRequests(p).length > 0);
  for (const pod of groupBy(asking, (p) => JSON.stringify([p.placement, listExtendedRequests(p)])).values()) {
    const first = pod[0] as PodEvidence;
    const p = first.placement as PlacementEvidence;
    const usable = nodes.filter((n) => isSchedulable(n) && matchesPlacement(n, p) && untoleratedTaints(n, p).length === 0);
    for (const { resource } of listExtendedRequests(first)) {
      if (usable.some((n) => advertisedAmount(n, resource) > 0)) continue;
      for (const n of usable) if (!picked.has(n.name)) picked.set(n.name, resource);
    }
  }
  return [...picked].slice(0, MAX_DEVICE_NODES).map(([node, resource]) => ({ node, resource }));
}

const MAX_DEVICE_NODES = 2;

/** Why a node that carries the pods' selector still takes none of them. */
function describeUnfit(n: NodeEvidence, p: PlacementEvidence): string {
  if (n.unschedulable) return 'cordoned';
  if (!isSchedulable(n)) return 'not ready';
  const taints = untoleratedTaints(n, p);
  return taints.length > 0 ? `taint ${taints.map(formatTaint).join(', ')}` : 'outside the rest of the placement';
}

/**
 * The selector admission added (the template does not set it) is what keeps the pods off every
 * schedulable node: without it, some schedulable node would take them. Checked before the nodes'
 * state, since the cordoned nodes that still carry the label are then being retired, not forgotten.
 */
function judgeAdmitted(ev: TriageEvidence, nodes: readonly NodeEvidence[], pod: PodEvidence, p: PlacementEvidence): Verdict | undefined {
  const admitted = findAdmittedSelector(ev, pod);
  if (!admitted) return undefined;
  const fits = (q: PlacementEvidence) => nodes.filter((n) => isSchedulable(n) && matchesPlacement(n, q) && untoleratedTaints(n, q).length === 0);
  if (fits(p).length > 0) return undefined;
  const keys = new Set(admitted.entries.map(([k]) => k));
  const open = fits({ ...p, nodeSelector: Object.fromEntries(Object.entries(p.nodeSelector).filter(([k]) => !keys.has(k))) });
  if (open.length === 0) return undefined;
  const carrying = nodes.filter((n) => admitted.entries.every(([k, v]) => n.labels?.[k] === v)).map((n) => ({ name: n.name, state: describeUnfit(n, p) }));
  const instead = unique(admitted.entries.flatMap(([k, v]) => nearLabels(open, k, v)));
  // Nodes that carry the moved label, all added lately: their arrival dates the fault.
  const movers = open.filter((n) => instead.some((l) => n.labels?.[l.slice(0, l.indexOf('='))] === l.slice(l.indexOf('=') + 1)));
  const added = movers.map((n) => n.createdAt);
  const first = added.every((t): t is string => t !== undefined && isWithin(t, ev.collectedAt, RECENT_NODES_MS)) ? added.sort()[0] : undefined;
  const verdict = describeAdmittedSelector(admitted, carrying, instead, first === undefined || movers.length === 0 ? undefined : formatAgo(first, ev.collectedAt));
  return { ...verdict, dates: verdict.dated };
}

/** Nodes added this recently are the change that moved a label away from a selector. */
const RECENT_NODES_MS = 24 * HOUR_MS;

/**
 * The placement names a deprecated node label (failure-domain.beta.kubernetes.io/zone) the
 * schedulable nodes no longer carry, while they carry its GA replacement, and renaming the key would
 * let them take the pods. Checked before the nodes' state: an old node still carrying the label and
 * cordoned is being replaced, not forgotten.
 */
function judgeRetiredKey(ev: TriageEvidence, nodes: readonly NodeEvidence[], pod: PodEvidence, p: PlacementEvidence): Verdict | undefined {
  const open = nodes.filter((n) => isSchedulable(n) && untoleratedTaints(n, p).length === 0);
  if (open.some((n) => matchesPlacement(n, p))) return undefined;
  const keys = findRetiredKeys(p, open);
  if (keys.length === 0) return undefined;
  const renamed = renameRetiredKeys(p, keys);
  const fit = open.filter((n) => matchesPlacement(n, renamed));
  if (fit.length === 0) return undefined;
  const carrying = nodes.filter((n) => matchesPlacement(n, p)).map((n) => ({ name: n.name, state: describeUnfit(n, p) }));
  const born = fit.map((n) => n.createdAt);
  const newest = born.every((t): t is string => t !== undefined && isWithin(t, ev.collectedAt, RECENT_NODES_MS)) ? born.sort()[born.length - 1] : undefined;
  const rev = pod.revisionHash === undefined ? undefined : ev.revisions.find((r) => r.hash === pod.revisionHash);
  // The template older than the nodes that lack the label: the nodes changed under it.
  const unchanged = rev !== undefined && (newest === undefined ? !isWithin(rev.createdAt, ev.collectedAt, RECENT_NODES_MS) : rev.createdAt < newest);
  const template = rev === undefined ? undefined : { said: `The workload's template (revision ${rev.revision}) is ${unchanged ? 'unchanged since' : 'from'} ${formatAgo(rev.createdAt, ev.collectedAt)}`, unchanged };
  const verdict = describeRetiredKeys(keys, fit, carrying, newest === undefined ? undefined : formatAgo(newest, ev.collectedAt), template);
  return { ...verdict, dates: newest !== undefined };
}

/**
 * Every node the pods may use is kept out only by the cloud provider's uninitialized taint, some
 * Ready for minutes: the cloud-controller-manager, not the nodes, is what fails (uninitialized-nodes.ts).
 */
function judgeUninitialized(ev: TriageEvidence, matching: readonly NodeEvidence[], p: PlacementEvidence): Verdict | undefined {
  if (!matching.every((n) => untoleratedTaints(n, p).every((t) => t.key === UNINITIALIZED_TAINT))) return undefined;
  const told = explainUninitializedNodes(ev, matching, false);
  if (!told) return undefined;
  return {
    why: `the ${matching.length === 1 ? 'only node' : `${matching.length} nodes`} it may use carry taint ${UNINITIALIZED_TAINT}: ${told.detail}`,
    decisive: `untolerated taint ${UNINITIALIZED_TAINT}`,
    fix: told.fix,
    cause: told.cause,
    evidence: told.evidence,
    outside: told.outsideWorkload,
    then: '; the pods are placed once the taint is off.',
  };
}

/** Why no node can take pods with this placement, in the words of the labels and taints involved. */
function judge(ev: TriageEvidence, nodes: readonly NodeEvidence[], pod: PodEvidence, p: PlacementEvidence): Verdict | undefined {
  const admitted = judgeAdmitted(ev, nodes, pod, p);
  if (admitted) return admitted;
  const retired = judgeRetiredKey(ev, nodes, pod, p);
  if (retired) return retired;
  const matching = nodes.filter((n) => matchesPlacement(n, p));
  if (matching.length === 0) {
    const missing = Object.entries(p.nodeSelector).find(([k, v]) => !nodes.some((n) => n.labels?.[k] === v));
    const selectorFits = nodes.some((n) => Object.entries(p.nodeSelector).every(([k, v]) => n.labels?.[k] === v));
    if (!missing && !selectorFits) {
      // Every label exists somewhere, but no node carries them all.
      const wanted = Object.entries(p.nodeSelector).map(([k, v]) => `${k}=${v}`).join(', ');
      return {
        why: `nodeSelector ${wanted} matches none of the ${nodes.length} nodes: no node carries all of these labels together`,
        decisive: `nodeSelector ${wanted}`,
        fix: `fix the nodeSelector ${wanted} or add nodes that carry all of it`,
      };
    }
    if (missing) {
      const [k, v] = missing;
      const near = nearLabels(nodes, k, v);
      return {
        why: `nodeSelector ${k}=${v} matches none of the ${nodes.length} nodes${near.length > 0 ? ` (nodes carry ${near.join(', ')})` : ''}`,
        decisive: `nodeSelector ${k}=${v}`,
        fix: near.length > 0 ? `make the nodeSelector and the node labels agree (${near[0]} vs ${k}=${v})` : `fix the nodeSelector ${k}=${v} or add nodes that carry it`,
      };
    }
    const term = p.requiredNodeAffinity.flat().find((r) => !nodes.some((n) => meetsRequirement(n.labels ?? {}, r)));
    const first = term ?? p.requiredNodeAffinity[0]?.[0];
    const existing = first ? unique(nodes.flatMap((n) => (n.labels?.[first.key] === undefined ? [] : [`${first.key}=${n.labels[first.key]}`]))) : [];
    const wanted = first ? describeRequirement(first) : 'the required node affinity';
    return {
      why: `required node affinity ${wanted} matches none of the ${nodes.length} nodes${existing.length > 0 ? ` (nodes have ${existing.slice(0, 4).join(', ')})` : ''}`,
      decisive: `requiredDuringScheduling node affinity ${wanted}`,
      fix: `point the affinity at an existing node group, or bring back nodes with ${wanted}`,
    };
  }
  const usable = matching.filter((n) => untoleratedTaints(n, p).length === 0);
  const uninitialized = usable.length === 0 ? judgeUninitialized(ev, matching, p) : undefined;
  if (uninitialized) return uninitialized;
  // A cordon or a node condition taints the nodes too: their state, not a toleration, is what fails.
  const state = usable.length === 0 ? judgeNodeState(ev.target, matching, (n) => untoleratedTaints(n, p), ev.pods)
    : !usable.some(isSchedulable) && usable.every((n) => n.unschedulable) ? judgeNodeState(ev.target, usable, () => [], ev.pods) : undefined;
  if (state) return state;
  if (usable.length === 0) {
    const taints = unique(matching.flatMap((n) => untoleratedTaints(n, p).map(formatTaint)));
    return {
      why: `the ${matching.length} node${matching.length === 1 ? '' : 's'} it may use ${matching.length === 1 ? 'carries' : 'carry'} taint ${taints.slice(0, 3).join(', ')}, which the pods do not tolerate`,
      decisive: `untolerated taint ${taints[0] ?? ''}`,
      fix: `add the toleration the pods lost, or schedule them where they belong`,
    };
  }
  if (!usable.some(isSchedulable)) {
    return {
      why: `the ${usable.length} node${usable.length === 1 ? '' : 's'} it may use ${usable.length === 1 ? 'is' : 'are'} cordoned or not ready (${usable.slice(0, 3).map((n) => n.name).join(', ')})`,
      decisive: `only ${usable.map((n) => n.name).slice(0, 3).join(', ')} match, none schedulable`,
      fix: 'uncordon or repair those nodes, or widen where the pods may run',
    };
  }
  return judgeExtended(ev, nodes, usable.filter(isSchedulable), pod);
}

/**
 * Pods the scheduler cannot place because of where they ask to run: a nodeSelector or required
 * node affinity that no node satisfies (with the labels the nodes do carry), taints the pods do
 * not tolerate on every node they may use, or only cordoned nodes left. Read against every node
 * of the cluster; without that list it says nothing.
 */
export function analyzePlacement(ev: TriageEvidence): Finding[] {
  const nodes = ev.clusterNodes ?? [];
  if (nodes.length === 0) return [];
  const pending = ev.pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined && p.placement !== undefined && isPodFailing(p, ev.collectedAt));
  const groups = groupBy(pending, (p) => JSON.stringify(p.placement));
  return [...groups.values()].flatMap((group): Finding[] => {
    const first = group[0] as PodEvidence;
    const placement = first.placement as PlacementEvidence;
    const verdict = judge(ev, nodes, first, placement);
    if (!verdict) return [];
    const counted = Object.entries(ev.census?.byState ?? {}).filter(([s]) => s.startsWith('Pending (')).reduce((n, [, k]) => n + k, 0);
    const total = groups.size === 1 ? Math.max(group.length, counted) : group.length;
    const pods = group.map((p) => p.name);
    return [
      {
        id: `placement/${verdict.decisive}`,
        kind: 'placement',
        title: `${total} pod${total === 1 ? '' : 's'} cannot be placed: ${verdict.why}`,
        layer: 'capacity',
        severity: severityForPods(ev, total),
        confidence: 'high',
        evidence: [
          `nodeSelector: ${Object.entries(placement.nodeSelector).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}`,
          ...(placement.requiredNodeAffinity.length > 0 ? [`required node affinity: ${placement.requiredNodeAffinity.map((t) => t.map(describeRequirement).join(' and ')).join(' or ')}`] : []),
          `nodes: ${nodes.length} (${nodes.filter(isSchedulable).length} schedulable)`,
          ...(verdict.evidence ?? []),
        ],
        decisive: verdict.decisive,
        likelyCause: verdict.cause ?? `The scheduler only places a pod on a node that ${verdict.decisive.startsWith('untolerated') ? 'it tolerates' : 'matches its nodeSelector and required affinity'}; ${verdict.why}. A renamed label, a node group that was replaced, or a template change on one side only.`,
        nextAction: `${capitalize(verdict.fix)}${verdict.then ?? '; the pods schedule on their own once a node fits.'}`,
        fix: verdict.fix,
        ...(verdict.outside === undefined ? {} : { outsideWorkload: verdict.outside }),
        ...(verdict.dates === true ? { datesChange: true } : {}),
        confirmCommands: [
          describePodCommand(ev.target, first.name),
          ...(verdict.node
            ? [formatKubectl(ev.target, `get node ${verdict.node} -o jsonpath='{.status.allocatable}'`, 'cluster'), formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${verdict.node}`, 'cluster')]
            : [formatKubectl(ev.target, 'get nodes --show-labels', 'cluster')]),
        ],
        affected: { pods },
      },
    ];
  });
}
