// A claim whose access mode the StorageClass's driver cannot give: ReadWriteMany on block storage
// (EBS, GCE PD, Azure Disk) that attaches to one node at a time. The provisioner answers every
// attempt with a refusal — so it runs — and the claim stays Pending until it asks a mode the
// driver has, or moves to a class whose driver has it (a shared file system).
import type { EventEvidence } from './evidence-pod.js';
import type { PvcEvidence } from './evidence.js';
import { newestProvisioningFailure, provisionerOfEvent, quoteProvisionerError } from './provisioner-events.js';

/** The provisioner's words refuse something: "not supported", "unsupported", "invalid". */
const REFUSED = /\bnot supported\b|\bunsupported\b|\binvalid\b/i;
/** …and what they refuse is an access mode (Kubernetes' or CSI's name of it), not a size, a zone or a volume mode. */
const ACCESS_MODE = /\baccess ?modes?\b|\b(?:MULTI|SINGLE)_NODE_[A-Z_]+\b|\bmulti[- ]?writer\b|\bReadWrite(?:Once|Many|OncePod)\b|\bReadOnlyMany\b/i;

/** CSI's names of the access modes, as a claim's spec.accessModes spells them. */
const CSI_MODES: Record<string, string> = {
  MULTI_NODE_MULTI_WRITER: 'ReadWriteMany',
  MULTI_NODE_SINGLE_WRITER: 'ReadWriteMany',
  MULTI_NODE_READER_ONLY: 'ReadOnlyMany',
  SINGLE_NODE_SINGLE_WRITER: 'ReadWriteOncePod',
};

/** Modes that need several nodes to mount one volume: block storage never gives them. */
const MULTI_NODE = new Set(['ReadWriteMany', 'ReadOnlyMany']);

export interface AccessModeRefusal {
  what: string;
  cause: string;
  action: string;
  fix: string;
  decisive: string;
}

/** The modes the provisioner says it supports: "Only AccessModes[ReadWriteOnce] supported", "only AccessModes [ReadWriteOnce] are supported". */
function readSupported(message: string): string[] {
  const list = /\bonly (?:access ?modes? ?)?\[([^\]]+)\]/i.exec(message)?.[1];
  return list === undefined ? [] : list.split(/[\s,]+/).filter((m) => /^(ReadWrite|ReadOnly)/.test(m));
}

/** The modes asked: the claim's spec.accessModes, else what the refusal names. */
function readAsked(pvc: PvcEvidence, message: string): string[] {
  if (pvc.accessModes.length > 0) return pvc.accessModes;
  const csi = /\b((?:MULTI|SINGLE)_NODE_[A-Z_]+)\b/.exec(message)?.[1];
  const mode = csi === undefined ? /\b(ReadWriteMany|ReadOnlyMany|ReadWriteOncePod)\b/.exec(message)?.[1] : CSI_MODES[csi];
  return mode === undefined ? [] : [mode];
}

/**
 * The claim's newest ProvisioningFailed refuses its access mode: what it asks, what the class's
 * driver gives instead, and where a volume with that mode comes from. Undefined for any other failure.
 */
export function diagnoseAccessModeRefusal(pvc: PvcEvidence, events: readonly EventEvidence[]): AccessModeRefusal | undefined {
  const failed = newestProvisioningFailure(events);
  if (failed === undefined || !REFUSED.test(failed.message) || !ACCESS_MODE.test(failed.message)) return undefined;
  const asked = readAsked(pvc, failed.message);
  if (asked.length === 0) return undefined;
  const supported = readSupported(failed.message).filter((m) => !asked.includes(m));
  const driver = provisionerOfEvent(failed);
  const cls = pvc.storageClass ?? /StorageClass "([^"]+)"/.exec(failed.message)?.[1];
  const askedText = asked.join(', ');
  const on = cls === undefined ? 'its StorageClass' : `StorageClass ${cls}`;
  const by = driver === undefined ? 'whose driver' : `whose driver ${driver}`;
  const gives = supported.length > 0 ? `supports only ${supported.join(', ')}` : `does not support ${askedText}`;
  const shared = asked.some((m) => MULTI_NODE.has(m));
  // spec.accessModes of a claim cannot be edited: the claim is recreated with the mode or class that fits.
  const fix = shared
    ? `put claim ${pvc.name} on a StorageClass whose driver supports ${askedText} (a shared file system: EFS, NFS, Filestore, Azure Files), or give each pod its own ReadWriteOnce volume (volumeClaimTemplates) or an emptyDir`
    : `recreate claim ${pvc.name} with a mode ${driver ?? 'the driver'} supports${supported.length > 0 ? ` (${supported.join(', ')})` : ''}, or on a StorageClass whose driver supports ${askedText}`;
  return {
    what: `it asks ${askedText} on ${on}, ${by} ${gives}`,
    cause: `The claim asks ${askedText} (spec.accessModes) and the driver of ${on} ${gives}${shared ? ': its volumes attach to one node at a time, and several pods on several nodes mount this claim' : ''}. The provisioner refuses the claim on every attempt (×${failed.count}), so it stays Pending and no pod that mounts it is scheduled. The provisioner runs (it answers each attempt), and more capacity or permissions would not change its answer.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; a claim's access modes cannot be edited, so create the new claim (or volume) and point the pods at it, then delete this one.`,
    fix,
    decisive: quoteProvisionerError(failed.message),
  };
}
