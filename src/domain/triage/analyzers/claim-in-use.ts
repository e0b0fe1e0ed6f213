import type { PodEvidence, PvcEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';

/** Why a pod the scheduler refuses for a ReadWriteOncePod claim waits, and what hands the claim over. */
export interface ClaimInUse {
  claim: string;
  /** Said after the scheduler's reasons in the title: "claim flags-data is held by pod … (revision 18)". */
  detail: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** Set when pods of any revision would wait the same way: see Finding.outsideWorkload. */
  outsideWorkload?: string;
  confirm: string[];
}

const ENDED = new Set<PodEvidence['phase']>(['Succeeded', 'Failed']);

function mounts(p: PodEvidence, claim: string): boolean {
  return (p.volumes ?? []).some((v) => v.source === 'pvc' && v.ref === claim);
}

function revisionOf(ev: TriageEvidence, p: PodEvidence): number | undefined {
  return ev.revisions.find((r) => r.hash === p.revisionHash)?.revision;
}

/** How the workload's own update can hand the claim over: the old pod must stop before the new one starts. */
function handOver(ev: TriageEvidence, holder: string): { action: string; fix: string } {
  const ref = formatWorkloadRef(ev.target);
  if (ev.target.kind === 'Deployment') {
    return {
      action: `Set strategy Recreate on ${ref} (the old pod stops before the new one starts: a short outage), or delete pod ${holder} to hand the claim over (the bot will not).`,
      fix: `set strategy Recreate on ${ref} (or delete pod ${holder} to hand the claim over)`,
    };
  }
  if (ev.target.kind === 'DaemonSet') {
    return {
      action: `Set maxSurge 0 in the rolling update of ${ref} (the old pod stops before the new one starts), or delete pod ${holder} to hand the claim over (the bot will not).`,
      fix: `set maxSurge 0 on ${ref} (or delete pod ${holder} to hand the claim over)`,
    };
  }
  return { action: `Delete pod ${holder} to hand the claim over (the bot will not).`, fix: `delete pod ${holder} to hand the claim over` };
}

function describe(ev: TriageEvidence, pvc: PvcEvidence, waiting: PodEvidence, holder: PodEvidence | undefined): Omit<ClaimInUse, 'claim' | 'confirm'> {
  const claim = pvc.name;
  const rwop = `Claim ${claim} is ReadWriteOncePod: one pod in the whole cluster may use it at a time`;
  const other = holder === undefined ? ev.claimHolders?.find((h) => h.claim === claim) : undefined;
  if (other !== undefined) {
    const who = `pod ${other.pod}${other.owner ? ` of ${other.owner.kind} ${other.owner.name}` : ''}`;
    const owner = other.owner ? `${other.owner.kind} ${other.owner.name}` : `pod ${other.pod}`;
    return {
      detail: `claim ${claim} is ReadWriteOncePod and held by ${who}`,
      evidence: [`${who} on node ${other.node ?? '?'} mounts ${claim} and is Running`],
      cause: `${rwop}, and ${who}, not one of this workload's, holds it: this workload's pods can never schedule while it runs.`,
      action: `Give this workload a claim of its own, or read the data through ${owner} instead of mounting its claim; use ReadWriteMany only if the storage supports shared access.`,
      fix: `give this workload a claim of its own (${owner} holds ${claim})`,
      outsideWorkload: `pods of any revision wait for claim ${claim} while ${who} holds it (ReadWriteOncePod)`,
    };
  }
  if (holder === undefined) {
    return {
      detail: `claim ${claim} is ReadWriteOncePod and in use by a pod that is not one of this workload's pods`,
      evidence: [],
      cause: `${rwop}, and a pod other than the workload's own (none of those read mounts it) holds it.`,
      action: `Find the pod that uses claim ${claim} (\`kubectl describe pvc ${claim}\`, Used By) and stop it, or give this workload a claim of its own.`,
      fix: `free claim ${claim} from the pod that holds it`,
      outsideWorkload: `pods of any revision wait for claim ${claim} while another pod holds it (ReadWriteOncePod)`,
    };
  }
  const rev = revisionOf(ev, holder);
  const who = `pod ${holder.name}${rev === undefined ? '' : ` (revision ${rev})`}`;
  const evidence = [`${who} on node ${holder.nodeName ?? '?'} mounts ${claim} and is ${holder.deletionTimestamp ? 'terminating' : holder.phase}`];
  if (holder.deletionTimestamp !== undefined) {
    return {
      detail: `claim ${claim} is held by ${who}, which is terminating`,
      evidence,
      cause: `${rwop}, and ${who} still holds it while it terminates: the new pod gets it only once that pod is gone.`,
      action: `Find why ${holder.name} does not finish terminating (finalizers, an unreachable node, a long grace period); the waiting pod schedules once it is gone.`,
      fix: `let ${holder.name} finish terminating`,
      outsideWorkload: `pods of any revision wait for the claim until ${holder.name} is gone`,
    };
  }
  if (holder.revisionHash !== undefined && holder.revisionHash === waiting.revisionHash) {
    return {
      detail: `claim ${claim} is ReadWriteOncePod and replicas share it: ${who} holds it`,
      evidence,
      cause: `${rwop}, and the workload's replicas all mount it: only one of them can ever run, the others wait for it forever.`,
      action: `Run one replica, or give each replica a claim of its own (a StatefulSet's volumeClaimTemplates); use ReadWriteMany only if the storage supports shared access.`,
      fix: `give each replica its own claim, or run one replica`,
    };
  }
  const { action, fix } = handOver(ev, holder.name);
  return {
    detail: `claim ${claim} is held by ${who}`,
    evidence,
    cause: `${rwop}, and ${who} holds it. A rolling update starts the new pod before it stops the old one, so the new pod can never get the claim and the rollout never finishes. Pods of any revision, a rollback's too, would wait the same way.`,
    action,
    fix,
    outsideWorkload: `pods of any revision wait for the claim while the old pod holds it: a rollback would hang the same way`,
  };
}

/**
 * Pending pods the scheduler refuses because a ReadWriteOncePod claim they mount is in use:
 * names the claim and the pod that holds it and, when that pod is an older revision of the same
 * workload, that the rolling update itself (new pod before old) can never hand the claim over.
 */
export function explainClaimInUse(ev: TriageEvidence, pending: readonly PodEvidence[]): ClaimInUse | undefined {
  const waiting = pending[0];
  if (waiting === undefined) return undefined;
  const pvc = (waiting.volumes ?? [])
    .flatMap((v) => (v.source === 'pvc' ? ev.pvcs.filter((c) => c.name === v.ref) : []))
    .find((c) => c.accessModes.includes('ReadWriteOncePod'));
  if (pvc === undefined) return undefined;
  const waitingNames = new Set(pending.map((p) => p.name));
  const holder = ev.pods.find((p) => !waitingNames.has(p.name) && p.nodeName !== undefined && !ENDED.has(p.phase) && mounts(p, pvc.name));
  const found = describe(ev, pvc, waiting, holder);
  const strategy = ev.target.kind === 'Deployment' ? [formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.strategy}'`)] : [];
  return {
    ...found,
    claim: pvc.name,
    evidence: [`PVC ${pvc.name}: access mode ReadWriteOncePod (one pod at a time)${pvc.volumeName ? `, bound to ${pvc.volumeName}` : ''}`, ...found.evidence],
    confirm: [formatKubectl(ev.target, `describe pvc ${pvc.name}`), ...strategy],
  };
}
