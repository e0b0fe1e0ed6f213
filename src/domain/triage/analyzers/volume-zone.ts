import type { NodeEvidence, PersistentVolumeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { isPodFailing, severityForPods, unique } from '../pod-status.js';
import { meetsRequirement } from './placement.js';

const ZONE_KEYS = ['topology.kubernetes.io/zone', 'topology.ebs.csi.aws.com/zone', 'topology.gke.io/zone', 'failure-domain.beta.kubernetes.io/zone', 'topology.disk.csi.azure.com/zone'];

/** The zones a volume is pinned to by its node affinity; empty when it is not zonal. */
function zonesOf(v: PersistentVolumeEvidence): string[] {
  return unique(v.nodeAffinity.flat().filter((r) => ZONE_KEYS.includes(r.key) && r.operator === 'In').flatMap((r) => r.values));
}

function zoneOfNode(n: NodeEvidence): string | undefined {
  return ZONE_KEYS.map((k) => n.labels?.[k]).find((z) => z !== undefined);
}

function schedulable(n: NodeEvidence): boolean {
  return !n.unschedulable && findCondition(n.conditions, 'Ready')?.status === 'True' && !n.taints.some((t) => t.effect === 'NoSchedule' && t.key.startsWith('node.kubernetes.io/'));
}

/**
 * Pods that cannot be placed because their volume is pinned to a zone (zonal disks attach only
 * there) where no node can take them: the zone's nodes are gone, cordoned or not ready. Names
 * the claim, the volume, its zone and where the schedulable nodes are instead.
 */
export function analyzeVolumeZones(ev: TriageEvidence): Finding[] {
  const nodes = ev.clusterNodes ?? [];
  const volumes = ev.volumes ?? [];
  if (nodes.length === 0 || volumes.length === 0) return [];
  const findings: Finding[] = [];
  const pending = ev.pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined && isPodFailing(p, ev.collectedAt));
  for (const pod of pending) {
    for (const claim of (pod.volumes ?? []).filter((v) => v.source === 'pvc' && v.ref !== undefined)) {
      const pvc = ev.pvcs.find((c) => c.name === claim.ref);
      const pv = volumes.find((v) => v.name === pvc?.volumeName);
      if (pvc === undefined || pv === undefined) continue;
      const zones = zonesOf(pv);
      if (zones.length === 0) continue;
      const inZone = nodes.filter((n) => pv.nodeAffinity.some((term) => term.every((r) => meetsRequirement(n.labels ?? {}, r))));
      if (inZone.some(schedulable)) continue;
      const elsewhere = unique(nodes.filter(schedulable).flatMap((n) => zoneOfNode(n) ?? []));
      findings.push(describe(ev, pod, pvc.name, pv, zones, inZone, elsewhere));
    }
  }
  return findings;
}

function describe(ev: TriageEvidence, pod: PodEvidence, claim: string, pv: PersistentVolumeEvidence, zones: string[], inZone: NodeEvidence[], elsewhere: string[]): Finding {
  const zone = zones.join(', ');
  const state = inZone.length === 0 ? `no node is in ${zone}` : `the ${inZone.length === 1 ? 'only node' : `${inZone.length} nodes`} in ${zone} ${inZone.length === 1 ? 'is' : 'are'} ${inZone.map((n) => (n.unschedulable ? `cordoned (${n.name})` : `not ready (${n.name})`)).join(', ')}`;
  return {
    id: `volume-zone/${claim}`,
    kind: 'volume-zone',
    title: `${pod.name} cannot be placed: its volume ${pv.name} (claim ${claim}) is pinned to zone ${zone} and ${state}`,
    layer: 'storage',
    severity: severityForPods(ev, 1),
    confidence: 'high',
    evidence: [
      `PVC ${claim} → PersistentVolume ${pv.name}${pv.driver ? ` (${pv.driver})` : ''}, node affinity zone ${zone}`,
      ...inZone.map((n) => `node ${n.name} in ${zone}: ${n.unschedulable ? 'cordoned' : 'not ready'}`),
      `schedulable nodes are in: ${elsewhere.join(', ') || 'no zone'}`,
    ],
    decisive: `volume node affinity: zone ${zone}`,
    likelyCause: `A zonal disk can only be attached in its zone, so the pod can only run on a node in ${zone}; ${state}. This follows a drain, a node group change or a zone losing capacity.`,
    nextAction: `Bring back a schedulable node in ${zone} (uncordon it, or scale the node group there). Do not delete the claim: the data lives on that volume.`,
    fix: `get a schedulable node into ${zone}`,
    confirmCommands: [describePodCommand(ev.target, pod.name), formatKubectl(ev.target, `get pv ${pv.name} -o jsonpath='{.spec.nodeAffinity}'`, 'cluster'), formatKubectl(ev.target, `get nodes -L topology.kubernetes.io/zone`, 'cluster')],
    affected: { pods: [pod.name] },
  };
}
