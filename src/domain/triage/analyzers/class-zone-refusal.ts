/**
 * Pods whose claim waits for its first consumer (volumeBindingMode WaitForFirstConsumer), pinned
 * by their nodeSelector or node affinity to a zone where the claim's StorageClass does not
 * provision: the scheduler refuses the nodes the pods may use with "didn't find available
 * persistent volumes to bind" (it may not create a volume there), and every other node with
 * "didn't match Pod's node affinity/selector". No node can ever take them: the class and the pin
 * disagree, so neither capacity nor waiting helps.
 */
import type { NodeEvidence, PodEvidence, PvcEvidence, StorageClassEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import type { PendingExplanation } from '../pending-explanation.js';
import type { SchedulingReason } from '../scheduling-message.js';
import { matchesPlacement } from './placement.js';

/** The pods' own spec is the cause: pods of any revision with the same pin wait alike, so outsideWorkload stays unset. */
export type ClassZoneRefusal = Omit<PendingExplanation, 'outsideWorkload'> & { outsideWorkload?: string };

/** The scheduler's VolumeBinding refusal of a node for a claim it has not bound yet. */
const NO_VOLUME_TO_BIND = /didn't find available persistent volumes to bind/i;

/** The node labels that say a node's zone (the current one first). */
const ZONE_KEYS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

function zoneOf(n: NodeEvidence): string | undefined {
  return ZONE_KEYS.map((k) => n.labels?.[k]).find((z) => z !== undefined);
}

/** How the pods are pinned to a zone: a nodeSelector entry, else a required node affinity on a zone key. */
function describePin(pod: PodEvidence): { by: 'nodeSelector' | 'node affinity'; text: string } | undefined {
  const p = pod.placement;
  const key = ZONE_KEYS.find((k) => p?.nodeSelector[k] !== undefined);
  if (key) return { by: 'nodeSelector', text: `nodeSelector ${key}=${p?.nodeSelector[key] ?? ''}` };
  const zoned = p?.requiredNodeAffinity.some((term) => term.some((r) => ZONE_KEYS.includes(r.key)));
  return zoned ? { by: 'node affinity', text: 'node affinity' } : undefined;
}

/** The claim of a pending pod that is not bound yet, with the class it names. */
function unboundClaimOf(ev: TriageEvidence, pod: PodEvidence): (PvcEvidence & { storageClass: string }) | undefined {
  const claim = ev.pvcs.find((c) => c.phase === 'Pending' && c.storageClass !== undefined && c.usedByPods.includes(pod.name));
  return claim?.storageClass === undefined ? undefined : { ...claim, storageClass: claim.storageClass };
}

export function explainClassZoneRefusal(ev: TriageEvidence, pending: readonly PodEvidence[], reasons: readonly SchedulingReason[]): ClassZoneRefusal | undefined {
  if (!reasons.some((r) => NO_VOLUME_TO_BIND.test(r.text))) return undefined;
  const pod = pending.find((p) => describePin(p) !== undefined && unboundClaimOf(ev, p) !== undefined);
  const claim = pod ? unboundClaimOf(ev, pod) : undefined;
  const pin = pod ? describePin(pod) : undefined;
  if (!pod?.placement || !claim || !pin) return undefined;
  const placement = pod.placement;
  const known = ev.clusterNodes?.length ? ev.clusterNodes : ev.nodes;
  const admitted = known.filter((n) => matchesPlacement(n, placement));
  const zones = [...new Set(admitted.flatMap((n) => zoneOf(n) ?? []))].sort();
  if (zones.length === 0) return undefined;
  const cls = ev.storageClasses?.find((c) => c.name === claim.storageClass);
  // A class read that sets no zones, or allows one of the pinned zones, is not why no volume comes.
  if (cls && (cls.allowedZones === undefined || zones.some((z) => cls.allowedZones?.includes(z)))) return undefined;
  const allowed = cls?.allowedZones;
  const zoneList = zones.join(', ');
  const only = `only ${zoneList}`;
  const waits = listEventsOf(ev, 'PersistentVolumeClaim', claim.name).filter((e) => e.reason === 'WaitForFirstConsumer' || e.reason === 'WaitForPodScheduled');
  const waitLine = waits.map((e) => e.message).find((m) => /first consumer/i.test(m)) ?? waits[0]?.message;
  const pinned = `the pods' ${pin.text} admits ${admitted.length === 1 ? `node ${admitted[0]?.name ?? ''}` : `${admitted.length} nodes`} (${zoneList}) only`;
  const evidence = [
    pinned,
    `PVC ${claim.name}: Pending, ${claim.requested ?? 'size unknown'}, StorageClass ${claim.storageClass}${waitLine ? `: ${waitLine}` : ''}`,
    ...(cls ? [describeClass(cls)] : []),
  ];
  const where = allowed ? `provisions only in ${allowed.join(', ')} (allowedTopologies)` : `may not provision in ${zoneList}: its allowedTopologies (or its driver's topology) leave ${zones.length === 1 ? 'that zone' : 'those zones'} out`;
  return {
    detail: allowed
      ? `StorageClass ${claim.storageClass} of claim ${claim.name} provisions only in ${allowed.join(', ')}, and the pods' ${pin.by} admits ${only}`
      : `claim ${claim.name} (StorageClass ${claim.storageClass}) gets no volume in ${zoneList}, the ${zones.length === 1 ? 'only zone' : 'only zones'} the pods' ${pin.by} admits`,
    evidence,
    cause: `Claim ${claim.name} waits for its first consumer: its volume is created in the zone of the node the scheduler picks for the pod. The pods' ${pin.text} admits ${only}, and there StorageClass ${claim.storageClass} ${where}, so the scheduler finds no volume to bind on the nodes the pods may use ("didn't find available persistent volumes to bind") and the selector refuses every other node. No node can ever take the pods: neither capacity nor waiting helps.`,
    action: `Give claim ${claim.name} a StorageClass that provisions in ${zoneList} (a claim's class cannot be changed: delete the Pending claim, which holds no data yet, and create it again with that class), or drop the pods' pin to ${zoneList} so they may run where ${claim.storageClass} provisions${allowed ? ` (${allowed.join(', ')})` : ''}.`,
    fix: `give claim ${claim.name} a StorageClass that provisions in ${zoneList} (recreate the Pending claim: it holds no data yet), or drop the pods' pin to ${zoneList}`,
    confirm: [
      formatKubectl(ev.target, `get storageclass ${claim.storageClass} -o yaml`, 'cluster'),
      formatKubectl(ev.target, `get nodes -L ${ZONE_KEYS[0] ?? ''}`, 'cluster'),
    ],
  };
}

function describeClass(c: StorageClassEvidence): string {
  const parts = [
    ...(c.provisioner ? [`provisioner ${c.provisioner}`] : []),
    `volumeBindingMode ${c.volumeBindingMode ?? 'Immediate'}`,
    c.allowedZones ? `allowedTopologies zones ${c.allowedZones.join(', ')}` : 'no allowedTopologies',
  ];
  return `StorageClass ${c.name}: ${parts.join(', ')}`;
}
