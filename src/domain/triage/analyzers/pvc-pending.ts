import { diagnoseAccessModeRefusal } from '../access-mode-refusal.js';
import { findCloudDenial, quoteCloudDenial } from '../cloud-denial.js';
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, PvcEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { severityForPods } from '../pod-status.js';
import { diagnoseSnapshotSource } from '../snapshot-source.js';
import { findReleasedVolumeOf } from '../static-claims.js';
import { msBetween } from '../time-span.js';
import { PROVISION_STALL_MS, describeProvisionerController } from '../provisioner-controller.js';
import { findSchedulerBypass } from '../scheduler-bypassed-claim.js';
import { newestProvisioningFailure, provisionerAnswered, provisionerOfEvent, quoteProvisionerError } from '../provisioner-events.js';

interface Diagnosis {
  what: string;
  cause: string;
  action: string;
  /** The headline's short form of the action, when the action carries a long command. */
  fix?: string;
  /** The words of the refusal, quoted in the headline. */
  decisive?: string;
  /** A fact read beyond the claim (its provisioner's controller), and the command that shows it. */
  fact?: string;
  confirm?: string;
}

/** The claim waits on an external provisioner whose controller was read: what its state says. */
function diagnoseProvisioner(ev: TriageEvidence, events: readonly EventEvidence[], messages: string): Diagnosis | undefined {
  const p = ev.provisionerController;
  if (p === undefined || !messages.includes(`'${p.driver}'`)) return undefined;
  // A provisioner that wrote events about the claim runs, wherever its controller is: finding none says nothing.
  if (p.controller === undefined && provisionerAnswered(events, p.driver)) return undefined;
  const s = describeProvisionerController(p, ev.collectedAt);
  return s === undefined ? undefined : { what: s.what, cause: s.cause, action: s.action, fix: s.fix, fact: s.evidence, confirm: s.confirm };
}

const QUOTA = /ResourceExhausted|quota|limit exceeded|VolumeLimitExceeded|insufficient capacity/i;

/**
 * The provisioner acts, and the cloud refuses its identity (IAM role, service account): every
 * attempt fails the same way until the permission is back. A quota refusal is not this.
 */
function diagnoseDenied(events: readonly EventEvidence[]): Diagnosis | undefined {
  const failed = newestProvisioningFailure(events);
  if (failed === undefined || QUOTA.test(failed.message)) return undefined;
  const denial = findCloudDenial(failed.message);
  if (denial === undefined) return undefined;
  const driver = provisionerOfEvent(failed);
  const role = denial.principal !== undefined ? `role ${denial.principal}` : "the driver's cloud identity";
  const refused = `${denial.code}${denial.action !== undefined ? `: ${denial.action} not allowed` : ''}${denial.principal !== undefined ? ` for role ${denial.principal}` : ''}`;
  return {
    what: `the cloud refuses provisioner ${driver ?? 'of the StorageClass'} (${refused})`,
    cause: `The storage driver runs and tries, but the cloud refuses its own identity (${role}) the call that creates the volume, ${denial.action ?? 'the volume creation'}, on every attempt (×${failed.count}): its policy lost that permission or never had it. Not capacity, zone or quota; volumes that exist keep working, only new claims stay Pending.`,
    action: `Restore ${denial.action ?? 'the volume-creation permission'} on ${role} (the driver's managed policy, e.g. what an infrastructure change replaced); the provisioner retries by itself.`,
    fix: `restore ${denial.action ?? 'the volume-creation permission'} on ${role}; the provisioner retries by itself`,
    decisive: quoteCloudDenial(failed.message, denial),
  };
}

/**
 * The volume the claim names (spec.volumeName, or the binder's "already bound to a different
 * claim") is held by another claim: a live one, or — Released under a Retain policy — the claimRef
 * of a deleted one, which a claim recreated under the same name (a reinstall) cannot take over.
 */
function diagnoseHeldVolume(ev: TriageEvidence, pvc: PvcEvidence, messages: string): Diagnosis | undefined {
  const named = /volume "([^"]+)" already bound to a different claim/i.exec(messages)?.[1];
  // A claim that names no volume (static binding) is held off by a Released volume whose claimRef names it.
  const pv = ev.volumes?.find((v) => v.name === (named ?? pvc.volumeName)) ?? (named === undefined && pvc.volumeName === undefined ? findReleasedVolumeOf(ev.volumes, ev.target.namespace, pvc) : undefined);
  const mine = `${ev.target.namespace}/${pvc.name}`;
  const claimRef = pv?.claim === undefined ? '' : `${pv.claim}${pv.claimUid ? ` (uid ${pv.claimUid})` : ''}`;
  const sameName = pv?.claim === mine;
  const policy = pv?.reclaimPolicy ? ` (reclaimPolicy ${pv.reclaimPolicy})` : '';
  if (pv !== undefined && pv.phase === 'Released' && pv.claim !== undefined) {
    const stale = sameName ? `the deleted claim of the same name` : `claim ${pv.claim}`;
    const clear = `kubectl patch pv ${pv.name} --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`;
    return {
      what: `its volume ${pv.name} is Released${policy}, its claimRef still naming ${stale}`,
      cause: `${sameName ? 'The claim was deleted and created again under the same name (an uninstall and reinstall, or a chart that owns the claim): ' : ''}the volume outlived its claim${pv.reclaimPolicy === 'Retain' ? ' because its policy is Retain' : ''} and went Released with spec.claimRef still naming the old claim, ${claimRef}${pvc.uid ? ` (this claim's uid is ${pvc.uid})` : ''}; the binder gives a Released volume to no other claim. The data is still on it. Not capacity, not the StorageClass.`,
      action: `Remove the stale claimRef from volume ${pv.name} so it binds this claim, its data kept (\`${clear}\`, after checking the data is the one wanted); then keep the claim out of uninstalls (helm.sh/resource-policy: keep).`,
      fix: `remove the stale claimRef from volume ${pv.name} (kubectl patch pv ${pv.name}, remove /spec/claimRef) so it binds this claim, its data kept`,
    };
  }
  if (pv !== undefined && pv.phase === 'Bound' && pv.claim !== undefined && pv.claim !== mine) {
    return {
      what: `its volume ${pv.name} is bound to another claim, ${claimRef}`,
      cause: `The claim asks for volume ${pv.name} by name, and that volume belongs to claim ${pv.claim}; a volume binds one claim at a time.`,
      action: `Point the claim at a free volume (or drop spec.volumeName to provision one); ${pv.name} stays ${pv.claim}'s.`,
    };
  }
  if (named === undefined) return undefined;
  return {
    what: `volume ${named} is already bound to a different claim`,
    cause: `The claim asks for volume ${named}, and the binder says another claim holds it (a live claim, or the claimRef a deleted claim left on a Released volume).`,
    action: `Look at the volume's claimRef and phase (kubectl get pv ${named} -o yaml) before changing anything.`,
  };
}

/** The provisioner runs and answers each attempt with an error no reading above explains: its words are the lead. */
function diagnoseProvisionerError(events: readonly EventEvidence[]): Diagnosis | undefined {
  const failed = newestProvisioningFailure(events);
  const driver = failed === undefined ? undefined : provisionerOfEvent(failed);
  if (failed === undefined || driver === undefined) return undefined;
  return {
    what: `provisioner ${driver} fails ${failed.count > 1 ? `on every attempt (×${failed.count})` : 'to create the volume'}`,
    cause: `The provisioner ${driver} runs and answers the attempts to create the volume with the error quoted; the claim stays Pending until what it names is fixed (the claim's spec, its StorageClass's parameters or the storage backend).`,
    action: `Fix what the provisioner's error names (kubectl describe pvc shows it in full); the provisioner retries by itself.`,
    decisive: quoteProvisionerError(failed.message),
  };
}

function diagnose(pvc: PvcEvidence, events: readonly EventEvidence[], messages: string): Diagnosis {
  const sc = /storageclass[.\w]* "([^"]+)" not found/i.exec(messages);
  if (sc?.[1]) {
    return { what: `StorageClass ${sc[1]} does not exist`, cause: `The claim names StorageClass ${sc[1]}, which is not defined in this cluster (a name from another cluster or environment).`, action: 'Point the claim template at an existing StorageClass (kubectl get storageclass lists them).' };
  }
  if (/not found in the list of registered CSI drivers|driver name \S+ not found/i.test(messages)) {
    return { what: 'the CSI driver is not running', cause: 'The provisioner for this StorageClass is not registered on the cluster or its nodes: the CSI driver pods are down or not installed.', action: 'Check the CSI controller and node pods (kube-system or the driver\'s namespace).' };
  }
  if (QUOTA.test(messages)) {
    return { what: 'the storage backend refuses: capacity or quota exhausted', cause: 'The cloud or storage backend has no capacity or quota left for a volume of this size or type.', action: 'Free or raise the storage quota, or use another volume type or zone.' };
  }
  if (/no persistent volumes available|no storage class is set/i.test(messages) || (!pvc.storageClass && !pvc.volumeName)) {
    return { what: 'no StorageClass and no matching PersistentVolume', cause: 'The claim sets no StorageClass and the cluster has no default, so it waits for a manually created PersistentVolume that never comes.', action: 'Set storageClassName on the claim, or create the PersistentVolume it expects.' };
  }
  const answered = diagnoseProvisionerError(events);
  if (answered !== undefined) return answered;
  const external = /waiting for a volume to be created[^']*'([^']+)'/i.exec(messages)?.[1];
  if (external !== undefined) {
    return { what: `the external provisioner ${external} does not create the volume`, cause: `The claim waits for the external provisioner ${external}, which never creates the volume: its controller (the CSI driver's controller Deployment) is down, scaled to 0, crash-looping or lacks permissions. The scheduler's VolumeBinding then times out on the pods that need the claim.`, action: `Check the controller of ${external} (its Deployment and pods, usually in kube-system) and bring it back; the claim is provisioned by itself once it runs.` };
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
    // Waiting for its first consumer is normal, unless a provisioner was asked for the volume long ago and never made it.
    const stalled = events.some((e) => /waiting for a volume to be created/i.test(e.message) && msBetween(e.firstSeen, ev.collectedAt) >= PROVISION_STALL_MS);
    // …unless its consumer is on a node already, put there past the scheduler (spec.nodeName): then it waits forever.
    const bypass = findSchedulerBypass(ev, pvc, events);
    if (pvc.phase === 'Pending' && failed.length === 0 && !stalled && bypass === undefined && events.some((e) => e.reason === 'WaitForFirstConsumer')) return [];
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
    const messages = events.map((e) => e.message).join('\n');
    const held = diagnoseHeldVolume(ev, pvc, messages);
    // The provisioner's own refusal (a snapshot source, an access mode, the cloud) says more than its controller's state.
    const d: Diagnosis = bypass ?? held ?? diagnoseSnapshotSource(ev, pvc, events) ?? diagnoseAccessModeRefusal(pvc, events) ?? diagnoseDenied(events) ?? diagnoseProvisioner(ev, events, messages) ?? diagnose(pvc, events, messages);
    const volume = held === undefined ? undefined : /volume (\S+) /.exec(held.what)?.[1];
    return [
      {
        id: `pvc-pending/${pvc.name}`,
        kind: 'pvc-pending',
        title: `PVC ${pvc.name} Pending: ${d.what}`,
        layer: 'storage',
        severity: pvc.usedByPods.length > 0 ? severityForPods(ev, pvc.usedByPods.length) : 'warning',
        confidence: d.what === 'not bound' || (held !== undefined && !/Released|bound to another/.test(d.what)) ? 'medium' : 'high',
        evidence: [`storage class ${pvc.storageClass ?? 'none'}, ${pvc.requested ?? '?'} ${pvc.accessModes.join(',')}; used by ${pvc.usedByPods.join(', ') || 'no pod yet'}`, ...lines, ...(d.fact === undefined ? [] : [d.fact])],
        likelyCause: d.cause,
        nextAction: d.action,
        ...(d.fix === undefined ? {} : { fix: d.fix }),
        ...(d.decisive === undefined ? {} : { decisive: d.decisive }),
        confirmCommands: d.confirm !== undefined ? [...confirm, d.confirm] : volume === undefined ? confirm : [confirm[0] ?? '', formatKubectl(ev.target, `get pv ${volume} -o yaml`, 'cluster')],
        affected,
      },
    ];
  });
}
