/**
 * A native sidecar (an init container with restartPolicy: Always) runs beside the app for the pod's
 * life. Clusters before 1.29 do not have it on by default (the SidecarContainers feature: alpha and
 * off in 1.28, absent before): their API server drops the unknown field without an error, and what
 * was meant as a sidecar is stored as a plain init container. A log shipper or a proxy never exits,
 * so the pod stays in Init and the app containers never start. The manifest as applied (the
 * last-applied-configuration annotation) still shows the field the live spec lost.
 */
import type { ContainerEvidence, TriageEvidence } from './evidence.js';

/** The first minor version with native sidecars on by default. */
const SIDECARS_ON_BY_DEFAULT = 29;

export interface DroppedSidecar {
  container: string;
  /** The kubelet versions of the nodes read ("v1.27.16-eks-a18cd3a"), those before 1.29 only. */
  oldKubelets: string[];
}

export function findDroppedSidecar(ev: TriageEvidence, container: ContainerEvidence): DroppedSidecar | undefined {
  if (container.sidecar === true || !(ev.workload?.appliedSidecars ?? []).includes(container.name)) return undefined;
  const versions = [...new Set(ev.nodes.map((n) => n.kubeletVersion).filter((v): v is string => v !== undefined))];
  const minor = (v: string) => Number(/^v?1\.(\d+)\./.exec(v)?.[1] ?? NaN);
  // Nodes at 1.29 or later only: the gate was turned off on purpose, or something else dropped the field; still say it was dropped.
  return { container: container.name, oldKubelets: versions.filter((v) => minor(v) < SIDECARS_ON_BY_DEFAULT) };
}

export function tellDroppedSidecar(d: DroppedSidecar): { clause: string; cause: string; action: string; fix: string } {
  const on = d.oldKubelets.length > 0 ? `the nodes run kubelet ${d.oldKubelets.slice(0, 3).join(', ')}, and native sidecars (the SidecarContainers feature) are on by default only from 1.29` : 'the cluster does not have native sidecars (the SidecarContainers feature) turned on';
  return {
    clause: `it was applied as a native sidecar (restartPolicy: Always in the last-applied-configuration) but the live spec lost the field: ${on}, so it runs as a plain init container that never exits`,
    cause: `The manifest declares ${d.container} as an init container with restartPolicy: Always, a native sidecar meant to run beside the app. ${d.oldKubelets.length > 0 ? `The cluster is older than 1.29 (kubelet ${d.oldKubelets[0] ?? ''}), where that feature is off by default` : 'The cluster has that feature off'}: the API server drops the field without an error and stores a plain init container. ${d.container} is a long-running process, so it never exits and the pod stays in Init; the app containers never start.`,
    action: `Keep ${d.container} in containers (not initContainers) until the cluster runs 1.29 or later, or enable the SidecarContainers feature gate; rolling back restores the layout that works.`,
    fix: `move ${d.container} back to containers (native sidecars need 1.29+ or the SidecarContainers gate)`,
  };
}
