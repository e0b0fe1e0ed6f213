import type { NodeEvidence, PersistentVolumeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { severityForPods, unique } from '../pod-status.js';

const HOSTNAME = 'kubernetes.io/hostname';

/** The nodes a volume is pinned to by hostname (local, local-path, hostPath volumes); empty otherwise. */
export function hostsOf(v: PersistentVolumeEvidence): string[] {
  return unique(v.nodeAffinity.flat().filter((r) => r.key === HOSTNAME && r.operator === 'In').flatMap((r) => r.values));
}

/**
 * A volume pinned by hostname to a node the cluster no longer has (scaled down, replaced): it
 * lived on that node's disk, so no other node can ever take the pod ("volume node affinity
 * conflict" on every node) and the data went with the node. Only a new claim unblocks it.
 */
export function describeVolumeNodeGone(ev: TriageEvidence, pod: PodEvidence, claim: string, pv: PersistentVolumeEvidence, nodes: readonly NodeEvidence[]): Finding | undefined {
  const hosts = hostsOf(pv);
  if (hosts.length === 0) return undefined;
  const known = new Set(nodes.flatMap((n) => [n.name, n.labels?.[HOSTNAME] ?? n.name]));
  if (hosts.some((h) => known.has(h))) return undefined;
  const host = hosts.join(', ');
  const kind = pv.storageClass ? `StorageClass ${pv.storageClass}` : pv.driver ?? 'a local volume';
  const delPvc = formatKubectl(ev.target, `delete pvc ${claim}`);
  const delPod = formatKubectl(ev.target, `delete pod ${pod.name}`);
  return {
    id: `volume-zone/${claim}`,
    kind: 'volume-zone',
    title: `${pod.name} cannot be placed: its volume ${pv.name} (claim ${claim}, ${kind}) is pinned to node ${host}, which no longer exists`,
    layer: 'storage',
    severity: severityForPods(ev, 1),
    confidence: 'high',
    evidence: [
      `PVC ${claim} → PersistentVolume ${pv.name}${pv.storageClass ? `, StorageClass ${pv.storageClass}` : ''}${pv.driver ? ` (${pv.driver})` : ''}, node affinity ${HOSTNAME} In [${host}]`,
      `no node named ${host} among the ${nodes.length} nodes of the cluster`,
      ...(pv.reclaimPolicy ? [`reclaim policy ${pv.reclaimPolicy}`] : []),
    ],
    decisive: `volume ${pv.name} pinned to node ${host}, which is gone`,
    likelyCause: `${pv.name} is a directory or disk on node ${host} itself (${kind}), so the pod may only run there; that node was removed (a scale-down, a node replacement) and every remaining node answers "volume node affinity conflict". The data that lived on ${host} is gone with it. A cluster autoscaler may scale down such a node because it does not count a local-path volume as local storage.`,
    nextAction: `Give the pod a new volume: delete the claim ${claim} (and PersistentVolume ${pv.name} if it stays), then the pod so the controller recreates it with a fresh claim on a live node (\`${delPvc}\`, then \`${delPod}\` — the bot will not); the replica re-syncs its data from its peers. Keep node-local volumes off autoscaled nodes, or exclude those nodes from scale-down.`,
    fix: `delete the PVC ${claim} and its PersistentVolume ${pv.name} so a new volume is provisioned on a live node`,
    confirmCommands: [
      describePodCommand(ev.target, pod.name),
      formatKubectl(ev.target, `get pv ${pv.name} -o jsonpath='{.spec.nodeAffinity}'`, 'cluster'),
      formatKubectl(ev.target, `get node ${hosts[0] ?? ''}`, 'cluster'),
    ],
    affected: { pods: [pod.name] },
  };
}
