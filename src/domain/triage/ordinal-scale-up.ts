/**
 * A StatefulSet scaled up: its highest ordinals are new (created minutes ago, of the revision the
 * older ordinals run), the lower ones ran long before. The previous count is the first new
 * ordinal; when spec.replicas was written (kubectl scale writes the scale subresource) and by whom
 * comes from managedFields. Told in an all-clear ("scaling up from 3 to 5") and as the trigger when
 * only the new ordinals fail: they meet something the old ones never did (a fresh node, a reused claim).
 */
import type { FieldOwnerEvidence, IsoTime } from './evidence-spec.js';
import type { PodEvidence } from './evidence-pod.js';
import { getWaiting } from './pod-status.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** A scale-up older than this is settled history. */
const SCALE_UP_WINDOW_MS = 6 * HOUR_MS;
/** The pods that ran before were created at least this long before the first new one. */
const MIN_GAP_MS = 10 * MINUTE_MS;
/** A write of spec.replicas this long before the first new pod is the scale-up that made it. */
const WRITE_LEAD_MS = 30 * MINUTE_MS;
/** Events that end a pod's life: a young top ordinal after one of these was re-created, not added. */
const REMOVED = new Set(['Killing', 'Evicted', 'Preempting', 'TaintManagerEviction', 'SuccessfulDelete']);

/** Waiting reasons of a container still on its way up (its image, its volumes, its init containers). */
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

export interface OrdinalScaleUp {
  from: number;
  to: number;
  /** When spec.replicas was raised (managedFields), else when the first new pod was created. */
  at: IsoTime;
  /** The field manager that raised it (kubectl, helm, argocd-controller…), when managedFields say. */
  by?: string;
  /** The pods of the new ordinals, lowest first. */
  added: PodEvidence[];
}

interface ScaleUpInput {
  kind: string;
  specReplicas: number;
  replicasOwners?: FieldOwnerEvidence[];
}

/** The ordinal scale-up the pods show, or undefined when they show none (or a re-creation, a rollout). */
export function findOrdinalScaleUp(
  w: ScaleUpInput | null | undefined,
  pods: readonly PodEvidence[],
  events: readonly { reason: string; message: string; object: { kind?: string; name: string }; firstSeen?: IsoTime; lastSeen: IsoTime }[],
  collectedAt: IsoTime,
): OrdinalScaleUp | undefined {
  if (w?.kind !== 'StatefulSet') return undefined;
  const live = pods.filter((p) => p.ordinal !== undefined && p.createdAt !== undefined && p.deletionTimestamp === undefined)
    .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  const young = (p: PodEvidence): boolean => msBetween(p.createdAt!, collectedAt) <= SCALE_UP_WINDOW_MS;
  const cut = live.findIndex(young);
  if (cut <= 0) return undefined;
  const before = live.slice(0, cut);
  const added = live.slice(cut);
  // New ordinals sit above every old one; a young pod among old ordinals is a re-creation.
  if (!added.every(young)) return undefined;
  const first = added.reduce((a, b) => (Date.parse(a.createdAt!) <= Date.parse(b.createdAt!) ? a : b));
  if (before.some((p) => msBetween(p.createdAt!, first.createdAt!) < MIN_GAP_MS)) return undefined;
  // Young top ordinals of another revision are a rolling update (it replaces the highest first).
  const revisions = new Set(before.map((p) => p.revisionHash));
  if (added.some((p) => p.revisionHash !== undefined && !revisions.has(p.revisionHash))) return undefined;
  // A pod of that name killed, evicted or deleted before this one was created: it was re-created.
  const removes = (e: (typeof events)[number], p: PodEvidence): boolean =>
    REMOVED.has(e.reason) && (e.object.name === p.name || e.message.includes(`Pod ${p.name} `)) && Date.parse(e.lastSeen) <= Date.parse(p.createdAt!);
  if (events.some((e) => added.some((p) => removes(e, p)))) return undefined;
  // Events of a pod by that name from before this one was created (its node lost, no Killing logged): an earlier pod, so a re-creation.
  const earlier = (e: (typeof events)[number], p: PodEvidence): boolean =>
    (e.object.kind === undefined || e.object.kind === 'Pod') && e.object.name === p.name && e.firstSeen !== undefined && msBetween(e.firstSeen, p.createdAt!) > MINUTE_MS;
  if (events.some((e) => added.some((p) => earlier(e, p)))) return undefined;
  const from = added[0]!.ordinal! - before[0]!.ordinal!;
  if (w.specReplicas <= from) return undefined;
  const write = (w.replicasOwners ?? []).find((o) => o.at !== undefined && msBetween(o.at, first.createdAt!) >= -MINUTE_MS && msBetween(o.at, first.createdAt!) <= WRITE_LEAD_MS);
  return { from, to: w.specReplicas, at: write?.at ?? first.createdAt!, ...(write ? { by: write.manager } : {}), added };
}

/** "scaling up from 3 to 5 (by kubectl, 7m ago): opensearch-data-3 ready, opensearch-data-4 starting". */
export function describeOrdinalScaleUp(s: OrdinalScaleUp, ago: string): string {
  const done = s.added.length >= s.to - s.from && s.added.every((p) => p.ready);
  const state = (p: PodEvidence): string => (p.ready ? 'ready' : p.phase === 'Pending' || p.containers.some((c) => STARTING.has(getWaiting(c)?.reason ?? '')) ? 'starting' : 'not ready yet');
  const pods = s.added.length <= 3 ? s.added.map((p) => `${p.name} ${state(p)}`) : [`${s.added.filter((p) => p.ready).length} of ${s.added.length} new pods ready`];
  const missing = s.to - s.from - s.added.length;
  if (missing > 0) pods.push(`${missing} more to create`);
  return `${done ? 'scaled' : 'scaling'} up from ${s.from} to ${s.to} (${s.by ? `by ${s.by}, ` : ''}${ago}): ${done ? 'all new pods ready' : pods.join(', ')}`;
}
