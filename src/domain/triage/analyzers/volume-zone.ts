import type { NodeEvidence, PersistentVolumeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { isPodFailing, severityForPods, unique } from '../pod-status.js';
import { type SchedulingReason, parseSchedulingMessage, summarizeSchedulingReasons } from '../scheduling-message.js';
import { latest } from '../time-span.js';
import { meetsRequirement } from './placement.js';
import { describeVolumeNodeGone } from './volume-node-gone.js';
import { ZONE_KEYS, listVolumeZones } from '../volume-zones.js';


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
      const gone = describeVolumeNodeGone(ev, pod, pvc.name, pv, nodes);
      if (gone) {
        findings.push(gone);
        continue;
      }
      const zones = listVolumeZones(pv);
      if (zones.length === 0) continue;
      const inZone = nodes.filter((n) => pv.nodeAffinity.some((term) => term.every((r) => meetsRequirement(n.labels ?? {}, r))));
      const elsewhere = unique(nodes.filter(schedulable).flatMap((n) => zoneOfNode(n) ?? []));
      if (!inZone.some(schedulable)) {
        findings.push(describe(ev, pod, pvc.name, pv, zones, inZone, elsewhere));
        continue;
      }
      const refusal = refusalInZone(ev, pod, nodes.length, inZone.length);
      if (refusal !== undefined) findings.push(describeRefused(ev, pod, pvc.name, pv, zones, inZone, elsewhere, refusal));
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

/** The scheduler's newest word on a pod: its FailedScheduling event, else its PodScheduled condition. */
function schedulingMessageOf(ev: TriageEvidence, pod: PodEvidence): string | undefined {
  const events = listPodEvents(ev, ['FailedScheduling'], [pod.name]);
  const newest = events.find((e) => e.lastSeen === latest(events.map((x) => x.lastSeen)));
  return newest?.message ?? findCondition(pod.conditions, 'PodScheduled')?.message;
}

/**
 * Why the nodes of the volume's zone refuse the pod, when the scheduler's message says it: every
 * node outside the zone gave "volume node affinity conflict", so the other reasons are the zone's.
 */
interface ZoneRefusal {
  /** The scheduler's reasons other than the volume's zone: the in-zone nodes' own. */
  reasons: SchedulingReason[];
  /** Nodes outside the zone (each refused for its volume node affinity). */
  outside: number;
  message: string;
}

function refusalInZone(ev: TriageEvidence, pod: PodEvidence, nodeCount: number, inZoneCount: number): ZoneRefusal | undefined {
  const message = schedulingMessageOf(ev, pod);
  if (message === undefined) return undefined;
  const parsed = parseSchedulingMessage(message);
  const conflict = parsed.reasons.find((r) => r.category === 'volume-zone');
  const reasons = parsed.reasons.filter((r) => r.category !== 'volume-zone');
  if (parsed.total !== nodeCount || conflict?.nodes !== nodeCount - inZoneCount || reasons.length === 0) return undefined;
  return { reasons, outside: conflict.nodes, message: message.replace(/\.?\s*preemption:[\s\S]*$/, '.') };
}

/** "the only node there, ip-…" / "the 2 nodes there (a, b)". */
function nameZoneNodes(inZone: readonly NodeEvidence[]): string {
  const [only] = inZone;
  const type = only?.labels?.['node.kubernetes.io/instance-type'];
  return inZone.length === 1 && only ? `the only node there, ${only.name}${type ? ` (${type})` : ''},` : `the ${inZone.length} nodes there (${inZone.map((n) => n.name).join(', ')})`;
}

/**
 * The volume's zone has schedulable nodes, but they refuse the pod for another reason: most
 * often no free volume attachment slot (the node's attach limit), a limit CPU and memory do not show.
 */
function describeRefused(ev: TriageEvidence, pod: PodEvidence, claim: string, pv: PersistentVolumeEvidence, zones: string[], inZone: NodeEvidence[], elsewhere: string[], refusal: ZoneRefusal): Finding {
  const zone = zones.join(', ');
  const nodes = nameZoneNodes(inZone);
  const names = inZone.map((n) => n.name);
  const full = refusal.reasons.some((r) => r.category === 'volume-limit');
  const said = summarizeSchedulingReasons(refusal.reasons);
  const state = full ? `${inZone.length === 1 ? 'has' : 'have'} no free volume attachment slot (max volume count reached)` : `${inZone.length === 1 ? 'refuses' : 'refuse'} it (${said})`;
  const capped = listPodEvents(ev, ['NotTriggerScaleUp'], [pod.name]).some((e) => /max node group size/i.test(e.message));
  const addNode = `add a node in ${zone}${capped ? ' (the cluster autoscaler reports max node group size reached: raise the node group\'s maximum)' : ''}`;
  const aws = pv.driver === 'ebs.csi.aws.com' ? ' On most AWS Nitro instance types EBS volumes share 28 attachment slots with the network interfaces.' : '';
  const podsThere = `kubectl get pods -A -o wide --field-selector spec.nodeName=${names[0] ?? ''}`;
  return {
    id: `volume-zone/${claim}`,
    kind: 'volume-zone',
    title: `${pod.name} cannot be placed: its volume ${pv.name} (claim ${claim}) is pinned to zone ${zone}, and ${nodes} ${state}`,
    layer: 'storage',
    severity: severityForPods(ev, 1),
    confidence: 'high',
    evidence: [
      `PVC ${claim} → PersistentVolume ${pv.name}${pv.driver ? ` (${pv.driver})` : ''}, node affinity zone ${zone}`,
      `schedulable in ${zone}: ${names.join(', ')}; refused there: ${said}`,
      `the ${refusal.outside} other node${refusal.outside === 1 ? '' : 's'} (${elsewhere.filter((z) => !zones.includes(z)).join(', ') || 'other zones'}) refuse it: volume node affinity conflict`,
      `scheduler: ${refusal.message}`,
    ],
    decisive: refusal.message,
    likelyCause: full
      ? `A zonal disk attaches only in its zone, so ${pod.name} can run only on a node in ${zone}, and ${nodes} already ${inZone.length === 1 ? 'has' : 'have'} as many volumes attached as ${inZone.length === 1 ? 'its' : 'their'} attach limit allows (the CSI driver's count in CSINode). CPU and memory do not show it: the volumes of the pods already there fill the slots.${aws}`
      : `A zonal disk attaches only in its zone, so ${pod.name} can run only on a node in ${zone}, and ${nodes} ${inZone.length === 1 ? 'refuses' : 'refuse'} it: ${said}.`,
    nextAction: full
      ? `Free an attachment slot in ${zone}: move pods with volumes off ${names.join(', ')} (\`${podsThere}\`), or ${addNode}. Do not delete the claim: the data lives on that volume.`
      : `Make room for the pod in ${zone}, or ${addNode}. Do not delete the claim: the data lives on that volume.`,
    fix: full ? `free a volume attachment slot in ${zone} (move pods with volumes off ${names.join(', ')}) or add a node there` : `make room for the pod in ${zone}`,
    confirmCommands: [
      describePodCommand(ev.target, pod.name),
      ...(full ? [formatKubectl(ev.target, `get csinode ${names[0] ?? ''} -o jsonpath='{.spec.drivers[*].allocatable.count}'`, 'cluster'), formatKubectl(ev.target, podsThere.replace(/^kubectl /, ''), 'cluster')] : []),
      formatKubectl(ev.target, `get nodes -L topology.kubernetes.io/zone`, 'cluster'),
    ],
    affected: { pods: [pod.name], nodes: names },
  };
}
