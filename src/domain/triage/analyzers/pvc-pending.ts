import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { PvcEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { severityForPods } from '../pod-status.js';

interface Diagnosis {
  what: string;
  cause: string;
  action: string;
}

function diagnose(pvc: PvcEvidence, messages: string): Diagnosis {
  const sc = /storageclass[.\w]* "([^"]+)" not found/i.exec(messages);
  if (sc?.[1]) {
    return { what: `StorageClass ${sc[1]} does not exist`, cause: `The claim names StorageClass ${sc[1]}, which is not defined in this cluster (a name from another cluster or environment).`, action: 'Point the claim template at an existing StorageClass (kubectl get storageclass lists them).' };
  }
  if (/not found in the list of registered CSI drivers|driver name \S+ not found/i.test(messages)) {
    return { what: 'the CSI driver is not running', cause: 'The provisioner for this StorageClass is not registered on the cluster or its nodes: the CSI driver pods are down or not installed.', action: 'Check the CSI controller and node pods (kube-system or the driver\'s namespace).' };
  }
  if (/ResourceExhausted|quota|limit exceeded|VolumeLimitExceeded|insufficient capacity/i.test(messages)) {
    return { what: 'the storage backend refuses: capacity or quota exhausted', cause: 'The cloud or storage backend has no capacity or quota left for a volume of this size or type.', action: 'Free or raise the storage quota, or use another volume type or zone.' };
  }
  if (/no persistent volumes available|no storage class is set/i.test(messages) || (!pvc.storageClass && !pvc.volumeName)) {
    return { what: 'no StorageClass and no matching PersistentVolume', cause: 'The claim sets no StorageClass and the cluster has no default, so it waits for a manually created PersistentVolume that never comes.', action: 'Set storageClassName on the claim, or create the PersistentVolume it expects.' };
  }
  if (/waiting for a volume to be created/i.test(messages)) {
    return { what: 'the external provisioner does not act', cause: 'The claim waits for an external provisioner that does not create the volume: the CSI controller is down, crash-looping or lacks permissions.', action: 'Check the CSI controller pods and their logs.' };
  }
  return { what: 'not bound', cause: 'The claim stays unbound; its events say why.', action: 'Describe the claim and its StorageClass.' };
}

/**
 * PersistentVolumeClaims of the workload that are Pending (provisioning failed, missing
 * StorageClass, no provisioner) or Lost. A claim waiting for its first consumer is normal
 * until the pod is scheduled, so it is not reported on its own.
 */
export function analyzePvcPending(ev: TriageEvidence): Finding[] {
  return ev.pvcs.flatMap((pvc): Finding[] => {
    if (pvc.phase === 'Bound') return [];
    const events = listEventsOf(ev, 'PersistentVolumeClaim', pvc.name);
    const failed = events.filter((e) => e.type === 'Warning');
    if (pvc.phase === 'Pending' && failed.length === 0 && events.some((e) => e.reason === 'WaitForFirstConsumer')) return [];
    const lines = collapseEvents(events).slice(-3).map((e) => formatEventLine(e, { maxLength: 300 }));
    const confirm = [formatKubectl(ev.target, `describe pvc ${pvc.name}`), formatKubectl(ev.target, 'get storageclass', 'cluster')];
    const affected = { pods: pvc.usedByPods };
    if (pvc.phase === 'Lost') {
      return [
        {
          id: `pvc-pending/${pvc.name}`,
          kind: 'pvc-pending',
          title: `PVC ${pvc.name} is Lost: its PersistentVolume${pvc.volumeName ? ` ${pvc.volumeName}` : ''} is gone`,
          layer: 'storage',
          severity: 'critical',
          confidence: 'high',
          evidence: [`phase Lost, volume ${pvc.volumeName ?? 'unknown'}`, ...lines],
          likelyCause: 'The PersistentVolume bound to this claim was deleted or its backing disk removed; the data may be gone.',
          nextAction: 'Do not delete the claim: find the volume or its snapshot first (kubectl get pv), then restore.',
          confirmCommands: [...confirm, formatKubectl(ev.target, `get pv ${pvc.volumeName ?? ''}`.trim(), 'cluster')],
          affected,
        },
      ];
    }
    const d = diagnose(pvc, events.map((e) => e.message).join('\n'));
    return [
      {
        id: `pvc-pending/${pvc.name}`,
        kind: 'pvc-pending',
        title: `PVC ${pvc.name} Pending: ${d.what}`,
        layer: 'storage',
        severity: pvc.usedByPods.length > 0 ? severityForPods(ev, pvc.usedByPods.length) : 'warning',
        confidence: d.what === 'not bound' ? 'medium' : 'high',
        evidence: [`storage class ${pvc.storageClass ?? 'none'}, ${pvc.requested ?? '?'} ${pvc.accessModes.join(',')}; used by ${pvc.usedByPods.join(', ') || 'no pod yet'}`, ...lines],
        likelyCause: d.cause,
        nextAction: d.action,
        confirmCommands: confirm,
        affected,
      },
    ];
  });
}
