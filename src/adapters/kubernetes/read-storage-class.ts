// The StorageClass of a pending pod's unbound claim (one cluster-scoped get): read only when the
// scheduler refuses the pod with "didn't find available persistent volumes to bind", so the report
// can say where the class provisions (allowedTopologies) beside where the pod is pinned.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, PodEvidence, PvcEvidence, StorageClassEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';

/** The scheduler's VolumeBinding refusal of a node for a claim it has not bound yet. */
const NO_VOLUME_TO_BIND = /didn't find available persistent volumes to bind/i;

/** Node label keys a class's allowedTopologies names zones by: the well-known one and the CSI drivers' own. */
const ZONE_KEY = /(^|\/)zone$/;

/** The class of the one unbound claim a pending pod waits on, when the scheduler says it finds no volume for it. */
export function pickStorageClass(pods: readonly PodEvidence[], events: readonly EventEvidence[], pvcs: readonly PvcEvidence[]): string | undefined {
  const refused = pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined).filter((p) => {
    const messages = [...events.filter((e) => e.reason === 'FailedScheduling' && e.object.name === p.name).map((e) => e.message), ...p.conditions.map((c) => c.message ?? '')];
    return messages.some((m) => NO_VOLUME_TO_BIND.test(m));
  });
  const claim = pvcs.find((c) => c.phase === 'Pending' && c.storageClass !== undefined && refused.some((p) => c.usedByPods.includes(p.name)));
  return claim?.storageClass;
}

export function mapStorageClass(sc: k8s.V1StorageClass): StorageClassEvidence {
  const zones = [...new Set((sc.allowedTopologies ?? []).flatMap((t) => (t.matchLabelExpressions ?? []).filter((e) => ZONE_KEY.test(e.key)).flatMap((e) => e.values)))];
  const mode = sc.volumeBindingMode;
  return {
    name: sc.metadata?.name ?? '',
    ...(sc.provisioner ? { provisioner: sc.provisioner } : {}),
    ...(mode === 'Immediate' || mode === 'WaitForFirstConsumer' ? { volumeBindingMode: mode } : {}),
    ...(zones.length > 0 ? { allowedZones: zones } : {}),
    ...(sc.allowVolumeExpansion !== undefined ? { allowVolumeExpansion: sc.allowVolumeExpansion } : {}),
  };
}

export async function readStorageClass(ctx: CollectContext, name: string): Promise<StorageClassEvidence | undefined> {
  const sc = await ctx.reads.one(`StorageClass ${name} (where it provisions, for a claim no node may bind)`, 'pvcs', (o) => ctx.clients.storage.readStorageClass({ name }, o));
  return sc === undefined ? undefined : mapStorageClass(sc);
}
