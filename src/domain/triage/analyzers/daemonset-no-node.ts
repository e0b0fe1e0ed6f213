import type { NodeEvidence, NodeRequirementEvidence, PlacementEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { findPlacementOrigin } from '../placement-origin.js';
import { sortRevisions } from '../revision-diff.js';
import { listSelectingServices } from '../service-match.js';
import { earliest, formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';
import { describeRequirement, formatTaint, matchesPlacement, meetsRequirement, nearLabels, untoleratedTaints } from './placement.js';

/**
 * Taints the DaemonSet controller tolerates on every pod it makes: a cordoned, not-ready or
 * pressured node still counts as one to run on.
 */
const DAEMON_TOLERATED = new Set([
  'node.kubernetes.io/unschedulable',
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/pid-pressure',
]);

/** What keeps every node out, and how a revision could have brought it in. */
interface NoNode {
  why: string;
  decisive: string;
  fix: string;
  /** Whether a template's placement holds the rule that keeps the nodes out. */
  holds: (p: PlacementEvidence) => boolean;
  /** "added nodeSelector x=y": what the revision that brought it in did; `before`: what the one before it did. */
  change: string;
  before: string;
  /** "added", "toleration dropped": the change in a word, for a title that dates it. */
  done: string;
  /** What the nodes show, as an evidence line. */
  seen: string;
}

/**
 * A DaemonSet has no replica count: it runs one pod on each node its nodeSelector, required node
 * affinity and tolerations admit. desiredNumberScheduled 0 means no node is admitted, so the
 * controller deleted the pods it ran and makes none — no Pending pod, no FailedScheduling event.
 * Says which rule no node passes (the label no node carries, the taint none is tolerated for) and
 * the revision that brought it in.
 */
export function analyzeDaemonSetNoNode(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (ev.target.kind !== 'DaemonSet' || w === null || w.specReplicas !== 0) return [];
  const name = ev.target.name;
  const p = w.templatePlacement;
  const nodes = ev.clusterNodes ?? [];
  const services = listSelectingServices(ev).map((s) => s.name);
  const ref = formatWorkloadRef(ev.target);
  const status = `desiredNumberScheduled 0, currentNumberScheduled ${w.replicas}, numberReady ${w.readyReplicas}; ${ev.pods.length} pods exist`;
  const rules = p === undefined ? [] : describePlacement(p);
  const deleted = ev.events.filter((e) => e.reason === 'SuccessfulDelete' && e.object.kind === 'DaemonSet' && e.object.name === name);
  const common = {
    kind: 'placement' as const,
    layer: 'capacity' as const,
    severity: 'critical' as const,
    ...(services.length > 0 ? { affected: { services } } : {}),
  };
  const judged = p === undefined || nodes.length === 0 ? undefined : judge(nodes, p);
  if (p === undefined || judged === undefined) {
    // Nodes unread, or admitted and not counted: the controller's status says 0, the reason is not in view.
    const admitted = p === undefined ? 0 : nodes.filter((n) => matchesPlacement(n, p) && daemonTaints(n, p).length === 0).length;
    return [
      {
        ...common,
        id: `placement/daemonset-no-node/${name}`,
        title: `${name} runs on no node: desiredNumberScheduled 0${admitted > 0 ? `, though ${admitted} of the ${nodes.length} nodes match its placement` : ''}`,
        confidence: 'medium',
        evidence: [status, ...rules, ...(nodes.length > 0 ? [`nodes: ${nodes.length}, ${admitted} admitted by its placement`] : ['the cluster\'s nodes were not read'])],
        likelyCause: admitted > 0
          ? 'Nodes match its placement, yet the DaemonSet controller counts none: its status is stale or the controller (kube-controller-manager) does not reconcile it.'
          : 'A DaemonSet runs one pod on each node its nodeSelector, node affinity and tolerations admit; it wants none, so no node is admitted.',
        nextAction: admitted > 0 ? 'Check kube-controller-manager (its daemonset-controller) and the DaemonSet\'s events.' : 'Compare its nodeSelector, required node affinity and tolerations with the nodes\' labels and taints.',
        fix: admitted > 0 ? 'check why the daemonset-controller counts no node' : 'make its nodeSelector, node affinity and tolerations admit the nodes it belongs on',
        confirmCommands: [formatKubectl(ev.target, `get ${ref} -o wide`), formatKubectl(ev.target, 'get nodes --show-labels', 'cluster')],
      },
    ];
  }
  const origin = findPlacementOrigin(ev.revisions, judged.holds);
  const [newest] = sortRevisions(ev.revisions);
  // The newest revision is the verdict's trigger already; an older one is named here, or nothing would date it.
  const dated = origin !== undefined && origin.revision !== newest ? ` (${judged.done} by revision ${origin.revision.revision}, ${formatAgo(origin.revision.createdAt, ev.collectedAt)})` : '';
  const deletedAt = earliest(deleted.map((e) => e.firstSeen));
  const onset = origin?.revision.createdAt ?? deletedAt;
  return [
    {
      ...common,
      id: `placement/daemonset-no-node/${name}`,
      title: `${name} runs on no node: desiredNumberScheduled 0, ${judged.why}${dated}`,
      confidence: 'high',
      decisive: judged.decisive,
      evidence: [
        status,
        ...rules,
        `nodes: ${nodes.length}; ${judged.seen}`,
        ...(origin ? [`revision ${origin.revision.revision} (${formatAgo(origin.revision.createdAt, ev.collectedAt)}) ${judged.change}; revision ${origin.previous.revision} ${judged.before}`] : []),
        ...(deleted.length > 0 ? [`daemonset-controller deleted ${deleted.length} pod${deleted.length === 1 ? '' : 's'} ${formatAgo(deletedAt ?? ev.collectedAt, ev.collectedAt)} (SuccessfulDelete)`] : []),
      ],
      likelyCause: `A DaemonSet has no replica count: it runs one pod on each node its nodeSelector, required node affinity and tolerations admit. ${capitalize(judged.why)}, so the controller wants no pod anywhere (desiredNumberScheduled 0), deletes the ones it ran, and leaves no Pending pod or FailedScheduling event to show for it: whatever it does per node (ship logs, export metrics, run an agent) happens nowhere.`,
      nextAction: `${capitalize(judged.fix)}${origin ? `, or roll back to revision ${origin.previous.revision}` : ''}; the controller then creates a pod on every admitted node.`,
      fix: judged.fix,
      ...(onset !== undefined ? { onset } : {}),
      ...(dated ? { datesChange: true as const } : {}),
      confirmCommands: [formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.template.spec.nodeSelector}{.spec.template.spec.affinity}{.status}'`), formatKubectl(ev.target, 'get nodes --show-labels', 'cluster')],
    },
  ];
}

function judge(nodes: readonly NodeEvidence[], p: PlacementEvidence): NoNode | undefined {
  const matching = nodes.filter((n) => matchesPlacement(n, p));
  if (matching.length === 0) return judgeUnmatched(nodes, p);
  if (matching.some((n) => daemonTaints(n, p).length === 0)) return undefined;
  const taints = unique(matching.flatMap((n) => daemonTaints(n, p).map(formatTaint)));
  const blocking = matching.flatMap((n) => daemonTaints(n, p));
  const by = Object.keys(p.nodeSelector).length > 0 ? ' its nodeSelector' : p.requiredNodeAffinity.length > 0 ? ' its node affinity' : '';
  const nodesSaid = by === '' ? `all ${matching.length} nodes` : `the ${matching.length} node${matching.length === 1 ? '' : 's'}${by} admits`;
  return {
    why: `${nodesSaid} carry taint ${taints.slice(0, 3).join(', ')}, which it does not tolerate`,
    decisive: `untolerated taint ${taints[0] ?? ''}`,
    fix: `add a toleration for ${taints.slice(0, 3).join(', ')}`,
    holds: (q) => blocking.some((t) => untoleratedTaints({ ...(matching[0] as NodeEvidence), taints: [t] }, q).length > 0),
    change: `no longer tolerates ${taints[0] ?? ''}`,
    before: 'did',
    done: 'toleration dropped',
    seen: `${matching.length} admitted by its placement, each tainted ${taints.slice(0, 3).join(', ')}; tolerations: ${p.tolerations.length === 0 ? 'none' : p.tolerations.map((t) => `${t.key ?? '*'}${t.operator === 'Exists' ? ' exists' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}`).join(', ')}`,
  };
}

/** The label or requirement no node carries; labels that each exist but never together, else. */
function judgeUnmatched(nodes: readonly NodeEvidence[], p: PlacementEvidence): NoNode {
  const of = `matches none of the ${nodes.length} nodes`;
  const missing = Object.entries(p.nodeSelector).find(([k, v]) => !nodes.some((n) => n.labels?.[k] === v));
  if (missing) {
    const [k, v] = missing;
    const label = formatLabel(k, v);
    const near = nearLabels(nodes, k, v);
    return {
      why: `its nodeSelector ${label} ${of}${near.length > 0 ? ` (nodes carry ${near.join(', ')})` : ''}`,
      decisive: `nodeSelector ${label}`,
      fix: near.length > 0 ? `replace the nodeSelector entry ${label} with the label the nodes carry (${near[0]})` : `remove the nodeSelector entry ${label} (or select on a label the nodes carry)`,
      holds: (q) => q.nodeSelector[k] === v,
      change: `added nodeSelector ${label}`,
      before: 'did not have it',
      done: 'added',
      seen: `none carries ${k}${v === '' ? '' : `=${v}`}${near.length > 0 ? `; they carry ${near.join(', ')}` : ''}`,
    };
  }
  const entries = Object.entries(p.nodeSelector);
  if (!nodes.some((n) => entries.every(([k, v]) => n.labels?.[k] === v))) {
    const wanted = entries.map(([k, v]) => formatLabel(k, v)).join(', ');
    return {
      why: `its nodeSelector ${wanted} ${of}: no node carries these labels together`,
      decisive: `nodeSelector ${wanted}`,
      fix: `fix the nodeSelector ${wanted} to labels one node group carries together`,
      holds: (q) => entries.every(([k, v]) => q.nodeSelector[k] === v),
      change: `set nodeSelector ${wanted}`,
      before: 'did not',
      done: 'set',
      seen: `each label is on some node, never all together`,
    };
  }
  const unmet = p.requiredNodeAffinity.flat().find((r) => !nodes.some((n) => meetsRequirement(n.labels ?? {}, r)));
  const first = unmet ?? p.requiredNodeAffinity[0]?.[0];
  const wanted = first ? describeRequirement(first) : 'its required node affinity';
  const existing = first ? unique(nodes.flatMap((n) => (n.labels?.[first.key] === undefined ? [] : [`${first.key}=${n.labels[first.key]}`]))) : [];
  const same = (r: NodeRequirementEvidence) => first !== undefined && r.key === first.key && r.operator === first.operator && r.values.join() === first.values.join();
  return {
    why: `its required node affinity ${wanted} ${of}${existing.length > 0 ? ` (nodes have ${existing.slice(0, 4).join(', ')})` : ''}`,
    decisive: `required node affinity ${wanted}`,
    fix: `point the required node affinity ${wanted} at labels the nodes carry${existing.length > 0 ? ` (${existing[0]})` : ''}`,
    holds: (q) => q.requiredNodeAffinity.flat().some(same),
    change: `added required node affinity ${wanted}`,
    before: 'did not have it',
    done: 'added',
    seen: `none meets ${wanted}${existing.length > 0 ? `; they have ${existing.slice(0, 4).join(', ')}` : ''}`,
  };
}

/** Taints that keep the DaemonSet's pods off a node: those it does not tolerate, less the node states it always does. */
function daemonTaints(n: NodeEvidence, p: PlacementEvidence): NodeEvidence['taints'] {
  return untoleratedTaints(n, p).filter((t) => !DAEMON_TOLERATED.has(t.key));
}

function describePlacement(p: PlacementEvidence): string[] {
  return [
    `nodeSelector: ${Object.entries(p.nodeSelector).map(([k, v]) => formatLabel(k, v)).join(', ') || '(none)'}`,
    ...(p.requiredNodeAffinity.length > 0 ? [`required node affinity: ${p.requiredNodeAffinity.map((t) => t.map(describeRequirement).join(' and ')).join(' or ')}`] : []),
  ];
}

/** `node-role.kubernetes.io/worker=""`: an empty value is shown, so the entry reads as a label. */
function formatLabel(k: string, v: string): string {
  return `${k}=${v === '' ? '""' : v}`;
}
