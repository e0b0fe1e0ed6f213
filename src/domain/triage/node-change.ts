/**
 * What changed on a node: when a workload's pods fail on one node only, its other pods run
 * elsewhere and the node reports no bad condition, the senior SRE's question is what started on
 * that node just before — a DaemonSet's new pod (a rollout of a node agent, a backup), a heavy
 * newcomer. Those pods are the node's trigger to test, never a verdict by themselves.
 */
import type { EventEvidence, IsoTime, NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { NodeChangeEvidence } from './evidence-node-change.js';
import { isPodFailing, isPodHealthy, unique } from './pod-status.js';
import { earliest, formatSpan, msBetween } from './time-span.js';
import { clipAround } from './collapse-events.js';
import { TRIGGER_WINDOW_MS, isInTriggerWindow } from './trigger-window.js';

/** A pod started this long before the failures began is a suspect (the trigger window). */
const WINDOW_MS = TRIGGER_WINDOW_MS;
/** At most this many newcomers are kept. */
export const MAX_NEWCOMERS = 5;

type Newcomer = NodeChangeEvidence['newcomers'][number];

function isBad(c: NodeEvidence['conditions'][number]): boolean {
  return c.type === 'Ready' ? c.status !== 'True' : c.status === 'True';
}

/**
 * The one node to read for its change: every failing pod of the workload (two or more) is on it,
 * two or more healthy pods run on others, and the node (read) reports no bad condition. When the failures there began:
 * the failing pods' first warning, else their creation. A node itself new (created in the window)
 * is the change already, and all its pods came with it: none is picked.
 */
export function pickChangedNode(pods: readonly PodEvidence[], nodes: readonly NodeEvidence[], events: readonly EventEvidence[], now: IsoTime): { node: string; onset: IsoTime } | undefined {
  const failing = pods.filter((p) => isPodFailing(p, now));
  const where = unique(failing.map((p) => p.nodeName ?? ''));
  const node = where[0];
  if (where.length !== 1 || node === undefined || node === '') return undefined;
  // One failing pod (or one healthy one) is on its node by chance: the verdict names no node then (pickSeparation).
  const healthyElsewhere = pods.filter((p) => p.nodeName !== undefined && p.nodeName !== node && isPodHealthy(p, now));
  if (failing.length < 2 || healthyElsewhere.length < 2) return undefined;
  const n = nodes.find((x) => x.name === node);
  if (n === undefined || n.conditions.some(isBad)) return undefined;
  const names = new Set(failing.map((p) => p.name));
  const warned = events.filter((e) => e.type === 'Warning' && e.object.kind === 'Pod' && names.has(e.object.name)).map((e) => e.firstSeen);
  const onset = earliest(warned) ?? earliest(failing.map((p) => p.createdAt));
  if (onset === undefined) return undefined;
  if (n.createdAt !== undefined && msBetween(n.createdAt, onset) <= WINDOW_MS) return undefined;
  return { node, onset };
}

function isDaemon(n: Newcomer): boolean {
  return n.owner?.startsWith('DaemonSet ') === true;
}

/**
 * Pods of other workloads that started running on the node in the window before the onset, the
 * likeliest first: a DaemonSet's pod (a node agent's rollout changes what runs beside everything),
 * then the newest. At most MAX_NEWCOMERS.
 */
export function rankNewcomers<T extends Newcomer>(pods: readonly T[], onset: IsoTime): T[] {
  const fresh = pods.filter(({ pod }) => {
    return pod.phase === 'Running' && isInTriggerWindow(pod.createdAt, onset);
  });
  return fresh.sort((a, b) => Number(isDaemon(b)) - Number(isDaemon(a)) || msBetween(a.pod.createdAt ?? '', b.pod.createdAt ?? '')).slice(0, MAX_NEWCOMERS);
}

/** A line that says what the pod is doing wrong (a warning, an overrun), else its last line. */
const TELLING = /\b(warn(ing)?|error|err|fatal|fail(ed|ure|ing)?|exceed(s|ed)?|timed? ?out|slow|throttl\w*|saturat\w*)\b/i;

export function pickTellingLine(lines: readonly string[]): string | undefined {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  return [...kept].reverse().find((l) => TELLING.test(l)) ?? kept[kept.length - 1];
}

export interface NodeChange {
  /** The clause of the verdict: what started on the node, when, and what its log says. */
  text: string;
  /** What to do about it once the pods are moved. */
  then: string;
  /** The command that shows what it is doing. */
  confirm: string;
}

/** The newcomer on `node` the verdict names as that node's change, when its pods were read. */
export function describeNodeChange(ev: TriageEvidence, node: string): NodeChange | undefined {
  const read = ev.nodeChange;
  const first = read?.node === node ? read.newcomers[0] : undefined;
  if (read === undefined || first === undefined || first.pod.createdAt === undefined) return undefined;
  const [kind, name] = first.owner?.split(' ') ?? [];
  const who = kind !== undefined && name !== undefined ? `${kind} ${first.namespace}/${name}` : `pod ${first.namespace}/${first.pod.name}`;
  const generation = kind === 'DaemonSet' ? first.pod.labels['pod-template-generation'] : undefined;
  const image = first.pod.containers[0]?.image.replace(/^.*\//, '');
  const details = [generation === undefined ? '' : `template generation ${generation}`, image ?? ''].filter((d) => d !== '').join(', ');
  const line = pickTellingLine(read.logs.find((l) => l.pod === first.pod.name)?.lines ?? []);
  const quote = line === undefined ? '' : `; its log: "${clipAround(line, 140)}"`;
  const others = read.newcomers.length - 1;
  const more = others > 0 ? `; ${others} other new pod${others === 1 ? '' : 's'} there too` : '';
  const pod = kind === undefined ? '' : ` (pod ${first.pod.name})`;
  return {
    text: `the node's change: ${who}${pod} started there ${formatSpan(Math.max(0, msBetween(first.pod.createdAt, read.onset)))} before the failures began${details ? ` (${details})` : ''}${quote}${more}`,
    then: `check what ${who} is doing there (it started just before the failures) and stop or throttle it if it starves the node, or find what else is wrong with the node`,
    confirm: `kubectl logs ${first.pod.name} -n ${first.namespace}${ev.target.context === undefined ? '' : ` --context ${ev.target.context}`}`,
  };
}
