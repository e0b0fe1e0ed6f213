// A NoExecute taint the pods tolerate for a while: the scheduler admits a pod onto a node whose
// NoExecute taint it tolerates, however briefly, and the taint manager deletes it when its
// tolerationSeconds run out. On a tainted node that is not cordoned (no NoSchedule taint), every
// replacement can land there again: the pods churn every tolerationSeconds for as long as the
// taint stays. Node-pressure advice (requests, freeing memory) is wrong for it.
import type { EventEvidence, IsoTime, NodeEvidence, TolerationEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, countReadyPods, limitLines } from '../pod-status.js';
import { CHURN_MIN } from '../replaced-pods.js';
import { earliest, formatAgo, formatSpan, isWithin } from '../time-span.js';
import { formatTaint, untoleratedTaints } from './placement.js';

type Taint = NodeEvidence['taints'][number];

export interface TolerationChurn {
  taint: Taint;
  /** Schedulable nodes carrying the taint, where the workload's pods run. */
  nodes: string[];
  /** The toleration that admits the pods there; its tolerationSeconds is the shortest that matches. */
  toleration: TolerationEvidence;
  seconds: number;
  /** The taint manager's evictions of the workload's pods in the last hour. */
  evictions: EventEvidence[];
  /** When the taint was put on (its timeAdded, else the first node event naming it). */
  since?: IsoTime;
}

function tolerates(tol: TolerationEvidence, t: Taint): boolean {
  return (tol.key === undefined || tol.key === t.key) && (tol.effect === undefined || tol.effect === t.effect) && (tol.operator === 'Exists' || tol.value === t.value);
}

/** The shortest tolerationSeconds among the tolerations matching `t`; undefined when none matches or one tolerates it for ever. */
function boundedToleration(tolerations: readonly TolerationEvidence[], t: Taint): { toleration: TolerationEvidence; seconds: number } | undefined {
  const matching = tolerations.filter((tol) => tolerates(tol, t));
  if (matching.length === 0 || matching.some((tol) => tol.tolerationSeconds === undefined)) return undefined;
  const shortest = matching.reduce((a, b) => ((b.tolerationSeconds ?? 0) < (a.tolerationSeconds ?? 0) ? b : a));
  return { toleration: shortest, seconds: Math.max(0, shortest.tolerationSeconds ?? 0) };
}

/** The NoExecute taint that keeps evicting the workload's pods it lets in, when the evidence shows one. */
export function findTolerationChurn(ev: TriageEvidence): TolerationChurn | undefined {
  const placement = ev.workload?.templatePlacement;
  if (placement === undefined) return undefined;
  const evictions = ev.events.filter((e) => e.object.kind === 'Pod' && e.reason === 'TaintManagerEviction' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  // One eviction is a node going away; the same eviction again and again is the churn.
  if (evictions.length < CHURN_MIN) return undefined;
  const byTaint = new Map<string, Omit<TolerationChurn, 'evictions' | 'since'> & { added: (IsoTime | undefined)[] }>();
  for (const node of ev.nodes) {
    // A cordoned or not-ready node takes no new pods: the churn needs a node the scheduler still uses.
    if (node.unschedulable || findCondition(node.conditions, 'Ready')?.status !== 'True' || untoleratedTaints(node, placement).length > 0) continue;
    for (const t of node.taints.filter((x) => x.effect === 'NoExecute')) {
      const bounded = boundedToleration(placement.tolerations, t);
      if (bounded === undefined) continue;
      const key = formatTaint(t);
      const seen = byTaint.get(key) ?? { taint: t, nodes: [], ...bounded, added: [] };
      seen.nodes.push(node.name);
      seen.added.push(t.timeAdded);
      byTaint.set(key, seen);
    }
  }
  const best = [...byTaint.values()].sort((a, b) => b.nodes.length - a.nodes.length)[0];
  if (best === undefined) return undefined;
  const { added, ...churn } = best;
  const named = ev.events.filter((e) => e.object.kind === 'Node' && churn.nodes.includes(e.object.name) && e.message.includes(churn.taint.key)).map((e) => e.firstSeen);
  const since = earliest(added) ?? earliest(named);
  return { ...churn, evictions, ...(since !== undefined ? { since } : {}) };
}

function describeToleration(c: TolerationChurn): string {
  const t = c.toleration;
  const what = t.key === undefined ? `blanket ${t.effect === undefined ? '' : `${t.effect} `}toleration` : `toleration of ${t.key}`;
  return `${what} (tolerationSeconds ${c.seconds})`;
}

export function analyzeTolerationChurn(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (!w || w.kind === 'Job' || w.kind === 'CronJob' || w.kind === 'DaemonSet') return [];
  const c = findTolerationChurn(ev);
  if (c === undefined) return [];
  const taint = formatTaint(c.taint);
  const few = c.nodes.length <= 2;
  const where = few ? `node${c.nodes.length === 1 ? '' : 's'} ${c.nodes.join(', ')}` : `${c.nodes.length} nodes`;
  const verb = c.nodes.length === 1 ? 'was' : 'were';
  const cycle = formatSpan(c.seconds * 1000);
  const tainted = c.since !== undefined ? `since ${where} ${verb} tainted ${formatAgo(c.since, ev.collectedAt)} with ${taint}` : `from ${where} tainted ${taint}`;
  const ready = countReadyPods(ev);
  const short = ready < w.specReplicas;
  const toleration = describeToleration(c);
  const spread = (w.templatePlacement?.topologySpread ?? []).find((s) => s.topologyKey === 'kubernetes.io/hostname' && s.whenUnsatisfiable === 'DoNotSchedule');
  const onNodes = ev.pods.filter((p) => p.nodeName !== undefined && c.nodes.includes(p.nodeName)).map((p) => p.name);
  const removal = c.toleration.key === undefined ? 'drop the blanket NoExecute toleration (or its tolerationSeconds) from the pod template' : `drop the pod template's toleration of ${c.toleration.key} (or its tolerationSeconds)`;
  const fix = `cordon the tainted node${c.nodes.length === 1 ? '' : 's'} (or add a NoSchedule taint with the NoExecute one) while the taint stays, and ${removal}`;
  return [
    {
      id: `eviction/toleration-churn/${c.taint.key}`,
      kind: 'eviction',
      title: `${w.name} pods evicted every ~${cycle} ${tainted} (not cordoned): its ${toleration} lets them be scheduled there until the taint manager evicts them`,
      ...(c.since !== undefined ? { datesChange: true } : {}),
      layer: 'node/eviction',
      severity: short && ready * 2 <= w.specReplicas ? 'critical' : 'warning',
      confidence: 'high',
      decisive: taint,
      evidence: [
        ...c.nodes.map((n) => `node ${n}: taint ${taint}${c.since !== undefined ? ` (added ${formatAgo(c.since, ev.collectedAt)})` : ''}, schedulable (not cordoned)`),
        `pod template: ${toleration}${spread ? `; topology spread kubernetes.io/hostname maxSkew ${spread.maxSkew} DoNotSchedule` : ''}`,
        ...limitLines(c.evictions.map((e) => `${e.object.name}: ${e.reason} ${formatAgo(e.lastSeen, ev.collectedAt)}: ${e.message}`), 3),
        `${c.evictions.length} taint-manager evictions in the last hour; ${ready}/${w.specReplicas} ready now`,
      ],
      likelyCause:
        `The nodes carry a NoExecute taint but stay schedulable. The pods tolerate the taint for ${c.seconds}s, so the scheduler places them there` +
        `${spread ? ' (the hostname spread even sends each replacement back to the node its predecessor left)' : ''}` +
        ` and the taint manager evicts them ${c.seconds}s later: the pods on those nodes are recreated every ~${cycle} and requests in flight are cut at each eviction.`,
      fix,
      nextAction:
        `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Restarting the pods does not help: they land on the tainted nodes again.` +
        `${spread ? ' With the hostname spread, cordoned nodes still count as domains (nodeTaintsPolicy Ignore by default): replacements may stay Pending until the taint goes, unless the spread sets nodeTaintsPolicy: Honor.' : ''}`,
      confirmCommands: [
        formatKubectl(ev.target, 'get events --field-selector reason=TaintManagerEviction'),
        ...c.nodes.slice(0, 2).map((n) => describeNodeCommand(ev.target, n)),
      ],
      affected: { pods: onNodes, nodes: c.nodes },
    },
  ];
}
