/**
 * Why the cluster autoscaler adds no node for pods that fit nowhere: its status ConfigMap names
 * each node group whose scale-up is backed off and the cloud's error (EC2's
 * InsufficientInstanceCapacity, a GCE stockout, a quota); its pods' events only say "in backoff
 * after failed scale-up". A cloud out of capacity for one instance type in one zone is not fixed
 * by adding nodes of that type: the group needs more types or zones.
 */
import type { EventEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { AutoscalerStatusEvidence } from './evidence-autoscaler.js';
import { findCondition } from './evidence-lookup.js';
import { formatAgo } from './time-span.js';
import type { PendingExplanation } from './pending-explanation.js';

export interface BackedOffGroup {
  name: string;
  errorCode?: string;
  errorMessage?: string;
}

/** "the cluster autoscaler cannot add nodes to group X (InsufficientInstanceCapacity)", told like any reason pods wait; the workload is not at fault, so no outside reason or commands of its own. */
export type ScaleUpFailure = Omit<PendingExplanation, 'outsideWorkload' | 'confirm'>;

const CAPACITY = /InsufficientInstanceCapacity|InsufficientCapacity|ZONE_RESOURCE_POOL_EXHAUSTED|stockout|SkuNotAvailable|AllocationFailed|insufficient capacity|capacity in the Availability Zone/i;
const QUOTA = /quota|LimitExceeded|QUOTA_EXCEEDED/i;
const BACKOFF_EVENT = /in backoff after failed scale-?up/i;

/** A pod of the workload waits for a node: the autoscaler's status may say why none comes. */
export function needsAutoscalerStatus(pods: readonly PodEvidence[]): boolean {
  return pods.some((p) => p.nodeName === undefined && findCondition(p.conditions, 'PodScheduled')?.reason === 'Unschedulable');
}

/** Node groups whose scale-up is in Backoff, with the cloud's error; both the YAML (1.30+) and the older text format. */
export function listBackedOffGroups(status: string): BackedOffGroup[] {
  const start = status.search(/^\s*nodeGroups:\s*$/im);
  if (start < 0) return [];
  const blocks = status.slice(start).split(/^\s*-?\s*name:\s*/im).slice(1);
  const out: BackedOffGroup[] = [];
  for (const block of blocks) {
    const name = /^(\S+)/.exec(block)?.[1];
    const state = /scaleUp:\s*\n\s*status:\s*(\w+)/i.exec(block)?.[1] ?? /scaleUp:[ \t]+(\w+)/i.exec(block)?.[1];
    if (name === undefined || state === undefined || !/backoff/i.test(state)) continue;
    const errorCode = /errorCode:\s*(\S+)/i.exec(block)?.[1];
    const errorMessage = /errorMessage:\s*['"]?(.*?)['"]?\s*$/im.exec(block)?.[1];
    out.push({ name, ...(errorCode ? { errorCode } : {}), ...(errorMessage ? { errorMessage } : {}) });
  }
  return out;
}

function zoneOf(message: string): string | undefined {
  return /\b([a-z]{2}(?:-[a-z]+)+-\d[a-z]?)\b/.exec(message)?.[1];
}

function fromStatus(ev: TriageEvidence, s: AutoscalerStatusEvidence): ScaleUpFailure | undefined {
  const groups = listBackedOffGroups(s.status);
  const group = groups.find((g) => g.errorMessage !== undefined) ?? groups[0];
  if (group === undefined) return undefined;
  const message = group.errorMessage ?? group.errorCode ?? 'no error recorded';
  const code = /^(\w+):/.exec(message)?.[1] ?? group.errorCode;
  const updated = s.updatedAt ? `, written ${formatAgo(s.updatedAt, ev.collectedAt)}` : '';
  const evidence = groups.map((g) => `${s.namespace}/${s.name}${updated}: node group ${g.name} scale-up Backoff${g.errorCode ? ` (${g.errorCode})` : ''}${g.errorMessage ? `: ${g.errorMessage}` : ''}`);
  const detail = `the cluster autoscaler cannot add nodes to group ${group.name}${code ? ` (${code})` : ''}`;
  const refused = `The cluster autoscaler tried to grow node group ${group.name} for them, but the cloud refused every launch (${message}); it backs the group off, so no node joins.`;
  if (CAPACITY.test(message)) {
    const zone = zoneOf(message);
    return {
      detail, decisive: message, evidence,
      cause: `No node has room for the pods. ${refused} The cloud has no capacity for the group's instance type${zone ? ` in ${zone}` : ' in its zone'} right now: more nodes of that type there cannot be had.`,
      action: `Mitigate: let node group ${group.name} launch more instance types (similar sizes) and use other zones (subnets)${zone ? ` than ${zone}` : ''}, or add a node group or pool with flexible instance types; the autoscaler retries after its backoff.`,
      fix: `give node group ${group.name} more instance types and other availability zones (subnets): the cloud has no capacity for its instance type${zone ? ` in ${zone}` : ''}`,
    };
  }
  if (QUOTA.test(message)) {
    return { detail, decisive: message, evidence, cause: `No node has room for the pods. ${refused} The cloud account's limit is reached.`, action: `Mitigate: raise the cloud limit the error names for node group ${group.name}, or free room.`, fix: `raise the cloud limit the autoscaler's error names (${message})` };
  }
  return { detail, decisive: message, evidence, cause: `No node has room for the pods. ${refused}`, action: `Mitigate: fix what the cloud refuses for node group ${group.name} (the autoscaler's error), then it retries after its backoff.`, fix: `fix what the cloud refuses for node group ${group.name}: ${message}` };
}

/** Why no node comes: the autoscaler's status, else its events on the pods saying it is backed off. */
export function explainScaleUpFailure(ev: TriageEvidence, autoscalerEvents: readonly EventEvidence[]): ScaleUpFailure | undefined {
  const status = ev.autoscalerStatus ? fromStatus(ev, ev.autoscalerStatus) : undefined;
  if (status) return status;
  const backoff = autoscalerEvents.find((e) => e.reason === 'NotTriggerScaleUp' && BACKOFF_EVENT.test(e.message));
  if (backoff === undefined) return undefined;
  return {
    detail: 'the cluster autoscaler\'s scale-up failed and is backed off',
    evidence: [],
    cause: 'No node has room for the pods. The cluster autoscaler tried to add nodes and failed; it backs the node group off, so no node joins. Its status (kube-system/cluster-autoscaler-status) or its log names the cloud\'s error.',
    action: 'Mitigate: read why the scale-up failed (`kubectl -n kube-system get configmap cluster-autoscaler-status -o yaml`) and fix that (instance types, zones, limits of the node group); the autoscaler retries after its backoff.',
    fix: 'fix why the autoscaler\'s scale-up fails (its status ConfigMap in kube-system names the cloud\'s error)',
  };
}
