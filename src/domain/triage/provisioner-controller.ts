// A claim that waits on an external provisioner (a CSI driver's controller) that never creates its
// volume: which Deployment or StatefulSet runs that provisioner, and whether it runs at all — scaled
// to 0, no pod ready, or running and still silent. Read instead of told to check.
import type { EventEvidence, IsoTime, PvcEvidence } from './evidence.js';
import type { ControllerCandidate, ProvisionerControllerEvidence } from './evidence-provisioner.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/** How long a provisioner may take to create a volume before a claim waiting on it is a finding. */
export const PROVISION_STALL_MS = 5 * MINUTE_MS;

/** Where CSI drivers' controllers are installed by default (EKS, GKE and AKS add-ons, most charts). */
export const DRIVER_NAMESPACES: readonly string[] = ['kube-system'];

const EXTERNAL = /waiting for a volume to be created[^']*'([^']+)'/i;

/** The provisioner a claim of the workload has waited on for longer than a volume takes, with when it began. */
export function pickStalledProvisioner(pvcs: readonly PvcEvidence[], events: readonly EventEvidence[], now: IsoTime): { driver: string; since: IsoTime } | undefined {
  for (const pvc of pvcs) {
    if (pvc.phase !== 'Pending') continue;
    const waits = events.filter((e) => e.object.kind === 'PersistentVolumeClaim' && e.object.name === pvc.name && EXTERNAL.test(e.message));
    const first = waits.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen))[0];
    const driver = first === undefined ? undefined : EXTERNAL.exec(first.message)?.[1];
    if (first !== undefined && driver !== undefined && msBetween(first.firstSeen, now) >= PROVISION_STALL_MS) return { driver, since: first.firstSeen };
  }
  return undefined;
}

/** "ebs" of ebs.csi.aws.com, "local-path" of rancher.io/local-path: the part a controller is named after. */
function shortName(driver: string): string {
  const path = driver.includes('/') ? (driver.split('/').pop() ?? driver) : driver;
  const labels = path.split('.').filter((l) => !/^(csi|driver|provisioner)$/i.test(l));
  return (labels[0] ?? path).toLowerCase();
}

const PROVISIONER_SIDECAR = /csi-provisioner|external-provisioner/i;

function namesDriver(c: ControllerCandidate, driver: string): boolean {
  return c.containers.some((k) => k.args.some((a) => a === driver || a.endsWith(`=${driver}`)));
}

function namedAfter(c: ControllerCandidate, short: string): boolean {
  const name = c.name.toLowerCase();
  return name.split('-').includes(short) || (short.length >= 3 && name.includes(short));
}

function runsProvisioner(c: ControllerCandidate): boolean {
  return c.containers.some((k) => PROVISIONER_SIDECAR.test(k.image) || PROVISIONER_SIDECAR.test(k.name)) || /provisioner|csi/i.test(c.name);
}

/**
 * The candidate that runs `driver`'s provisioner: one whose container arguments name the driver,
 * else one named after it (ebs-csi-controller for ebs.csi.aws.com) that runs a provisioner sidecar.
 * Several such, or none: undefined (never a guess).
 */
export function findProvisionerController(driver: string, candidates: readonly ControllerCandidate[]): (ControllerCandidate & { matchedBy: string }) | undefined {
  const byArgs = candidates.filter((c) => namesDriver(c, driver));
  if (byArgs.length === 1 && byArgs[0] !== undefined) return { ...byArgs[0], matchedBy: `its arguments name ${driver}` };
  const short = shortName(driver);
  const byName = candidates.filter((c) => namedAfter(c, short) && runsProvisioner(c));
  if (byName.length === 1 && byName[0] !== undefined) return { ...byName[0], matchedBy: `named after ${short}, runs the provisioner` };
  return undefined;
}

export interface ProvisionerState {
  /** What the claim's finding title says after "PVC <name> Pending: ". */
  what: string;
  evidence: string;
  cause: string;
  action: string;
  fix: string;
  confirm: string;
}

function scaledBy(c: ControllerCandidate, now: IsoTime): string {
  const owner = c.replicasOwners?.[0];
  if (owner === undefined) return '';
  return ` (spec.replicas set by ${owner.manager}${owner.subresource === 'scale' ? ' through the scale subresource' : ''}${owner.at === undefined ? '' : `, ${formatAgo(owner.at, now)}`})`;
}

/** What the controller's state says about the stalled claim; undefined when it was not read. */
export function describeProvisionerController(p: ProvisionerControllerEvidence, now: IsoTime): ProvisionerState | undefined {
  const c = p.controller;
  const where = p.searched.join(', ');
  if (c === undefined) {
    if (!p.complete) return undefined;
    return {
      what: `the external provisioner ${p.driver} does not create the volume, and no Deployment or StatefulSet in ${where} runs it`,
      evidence: `no Deployment or StatefulSet in ${where} runs the provisioner ${p.driver} (none named after it with a provisioner container, none whose arguments name it)`,
      cause: `The claim waits for the external provisioner ${p.driver}, and no controller of it was found in ${where}: it was removed, or runs in another namespace and is down there.`,
      action: `Find the controller of ${p.driver} (kubectl get deploy,sts -A | grep -i csi) and bring it back, or reinstall the driver; the claim is provisioned by itself once it runs.`,
      fix: `bring the controller of ${p.driver} back`,
      confirm: `kubectl get deployments,statefulsets -n ${p.searched[0] ?? 'kube-system'}`,
    };
  }
  const ref = `${c.kind} ${c.namespace}/${c.name}`;
  const kubectlRef = `${c.kind.toLowerCase()}/${c.name}`;
  const confirm = `kubectl -n ${c.namespace} get ${kubectlRef} -o wide`;
  const state = `${c.readyReplicas}/${c.replicas} ready`;
  if (c.replicas === 0) {
    const by = scaledBy(c, now);
    const manager = c.replicasOwners?.[0]?.manager;
    const keep = manager !== undefined && !/^(kubectl|helm|eks|argocd|kustomize-controller|helm-controller)/i.test(manager) ? `, and keep ${manager} from scaling it down again` : '';
    return {
      what: `its provisioner ${p.driver} does not run: ${ref} is scaled to 0 replicas${by}`,
      evidence: `controller of ${p.driver}: ${ref}, scaled to 0 replicas${by}; the claim waits since ${formatAgo(p.waitingSince, now)}`,
      cause: `${ref} runs the provisioner ${p.driver}, and it is scaled to 0 replicas: no pod runs to create volumes, so every new claim of its StorageClasses stays Pending and the scheduler's VolumeBinding times out on the pods that need them. Volumes that exist keep working.`,
      action: `Scale ${ref} back up (kubectl -n ${c.namespace} scale ${kubectlRef} --replicas=<the count it ran with, 2 for most drivers>)${keep}; the claim is provisioned by itself once it runs.`,
      fix: `scale ${ref} back up; the claim is provisioned by itself once it runs`,
      confirm,
    };
  }
  if (c.readyReplicas === 0) {
    return {
      what: `its provisioner ${p.driver} does not run: ${ref} has no ready pod (${state})`,
      evidence: `controller of ${p.driver}: ${ref}, ${state}; the claim waits since ${formatAgo(p.waitingSince, now)}`,
      cause: `${ref} runs the provisioner ${p.driver}, and none of its pods is ready: nothing creates volumes, so new claims stay Pending.`,
      action: `Look at the pods of ${ref} and why they do not run (kubectl -n ${c.namespace} describe ${kubectlRef}, then its pods' events and logs) and bring them back; the claim is provisioned by itself once it runs.`,
      fix: `bring the pods of ${ref} back`,
      confirm,
    };
  }
  const sidecar = c.containers.find((k) => PROVISIONER_SIDECAR.test(k.image) || PROVISIONER_SIDECAR.test(k.name))?.name;
  return {
    what: `the external provisioner ${p.driver} does not create the volume, though ${ref} runs (${state})`,
    evidence: `controller of ${p.driver}: ${ref}, ${state}; the claim waits since ${formatAgo(p.waitingSince, now)}`,
    cause: `${ref} runs the provisioner ${p.driver} and is ready, yet the volume is not created: its provisioner may not hold the leader lease, lack permissions, or fail on the cloud call; its log says which.`,
    action: `Read the provisioner's log (kubectl -n ${c.namespace} logs ${kubectlRef}${sidecar === undefined ? '' : ` -c ${sidecar}`} --tail=100) for this claim.`,
    fix: `read the log of ${ref}`,
    confirm,
  };
}
