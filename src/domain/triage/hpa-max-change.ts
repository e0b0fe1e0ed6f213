/**
 * Was the HPA's ceiling always this low? An HPA pinned at maxReplicas is short of replicas either
 * because load grew or because someone lowered the maximum. The HPA's own record says which: a
 * SuccessfulRescale "Current number of replicas above Spec.MaxReplicas" is a scale DOWN to the
 * maximum, which only happens when the maximum was set below the replicas running; the managedFields
 * entry of the manager that owns spec.maxReplicas says who wrote it and when (an Argo CD sync,
 * helm, kubectl); the deployment controller's ScalingReplicaSet event says how many ran before.
 */
import type { HpaEvidence, IsoTime, TriageEvidence } from './evidence.js';
import { listEventsOf } from './evidence-lookup.js';
import { parseScaling, toolOf } from './replica-set-scaling.js';
import { HOUR_MS, MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/** Older than this, a change of the ceiling is history, not what happens now. */
const LOOKBACK_MS = 24 * HOUR_MS;
/** The manager's write and the rescale it caused are one change when this close (the controller syncs every 15 s). */
const SAME_CHANGE_MS = 10 * MINUTE_MS;
const ABOVE_MAX = /above Spec\.MaxReplicas/i;

export interface HpaMaxChange {
  /** When the maximum took effect: the scale down to it, else the owner's write. */
  at: IsoTime;
  /** The HPA scaled down to its maximum: the maximum was lowered below the replicas running. */
  lowered: boolean;
  /** Replicas the target ran before the scale down to the maximum, when its events say. */
  from?: number;
  /** The field manager that wrote spec.maxReplicas at that time, and the tool its name stands for. */
  manager?: string;
  tool?: string;
  /** The rescale event, as logged. */
  event?: string;
  /** "HPA catalog-api's maxReplicas was lowered to 4 52m ago (argocd-controller: an Argo CD sync; catalog-api ran 11 replicas)". */
  text: string;
}

/** The recent change of the HPA's maximum, when its events or managedFields show one; undefined otherwise. */
export function findHpaMaxChange(ev: TriageEvidence, hpa: HpaEvidence): HpaMaxChange | undefined {
  const now = ev.collectedAt;
  const recent = (t: IsoTime | undefined) => t !== undefined && msBetween(t, now) <= LOOKBACK_MS;
  const down = listEventsOf(ev, 'HorizontalPodAutoscaler', hpa.name).filter((e) => e.reason === 'SuccessfulRescale' && ABOVE_MAX.test(e.message) && recent(e.lastSeen));
  const first = down.sort((a, b) => msBetween(b.firstSeen, a.firstSeen))[0];
  const owner = hpa.maxReplicasOwners?.find((o) => recent(o.at) && (first === undefined || Math.abs(msBetween(o.at ?? now, first.firstSeen)) <= SAME_CHANGE_MS));
  if (first === undefined && owner === undefined) return undefined;
  const at = first?.firstSeen ?? owner?.at ?? now;
  const target = ev.target;
  const scaled = first === undefined ? undefined : listEventsOf(ev, target.kind, target.name).flatMap((e) => [parseScaling(e)].filter((s) => s !== undefined))
    .find((s) => s.dir === 'down' && s.to === hpa.maxReplicas && Math.abs(msBetween(s.event.firstSeen, first.firstSeen)) <= SAME_CHANGE_MS);
  const tool = owner ? toolOf(owner.manager) ?? hpa.gitOps?.tool : undefined;
  const how = tool === 'Argo CD' || tool === 'Flux' ? `${tool === 'Argo CD' ? 'an' : 'a'} ${tool} sync` : tool;
  const who = owner ? `${owner.manager}${how && how !== owner.manager ? `: ${how}` : ''}` : undefined;
  const ran = scaled ? `${target.name} ran ${scaled.from} replicas` : undefined;
  const detail = [who, ran].filter((x) => x !== undefined).join('; ');
  const what = first ? `was lowered to ${hpa.maxReplicas}` : `(now ${hpa.maxReplicas}) was last written`;
  return {
    at,
    lowered: first !== undefined,
    ...(scaled ? { from: scaled.from } : {}),
    ...(owner ? { manager: owner.manager } : {}),
    ...(tool ? { tool } : {}),
    ...(first ? { event: first.message } : {}),
    text: `HPA ${hpa.name}'s maxReplicas ${what} ${formatAgo(at, now)}${detail ? ` (${detail})` : ''}`,
  };
}

/** Where to restore the maximum: in what a sync applies from, or a manual edit is reverted by the next sync. */
export function describeMaxRestore(c: HpaMaxChange, hpa: HpaEvidence): string {
  const was = c.from !== undefined ? ` (it ran ${c.from} replicas before)` : '';
  const gitOps = c.tool === 'Argo CD' || c.tool === 'Flux' ? c.tool : hpa.gitOps?.tool;
  if (gitOps) return `restore HPA ${hpa.name}'s maxReplicas${was} in the source ${gitOps} syncs from (the GitOps repo's values): an edit of the live HPA is reverted by the next sync`;
  if (c.tool === 'Helm') return `restore HPA ${hpa.name}'s maxReplicas${was} in the Helm values and upgrade the release`;
  return `restore HPA ${hpa.name}'s maxReplicas${was} where it is kept (the manifest ${c.manager ?? 'its writer'} applies)`;
}
