/**
 * A dependency of the namespace whose pods keep dying (dependency-workload.ts) may have been
 * changed itself just before: its own newest revision cut the memory limit it is OOM-killed at, or
 * changed the image, command, args or env it now crashes with. That revision is the "since" of the
 * client's failure, and rolling back the dependency (not the client) the mitigation. Its history is
 * read only for such a dependency (read-down-services.ts), at most one list of its revisions.
 */
import type { IsoTime, PodEvidence } from './evidence.js';
import type { ServerRolloutEvidence, ServerRolloutRead } from './evidence-server-rollout.js';
import { RECENT_MS, getLastTermination, getWaiting } from './pod-status.js';
import { parseQuantity } from './quantity.js';
import { diffRevisions, shortenImageChange } from './revision-diff.js';
import { formatAgo, isWithin } from './time-span.js';
import { isInTriggerWindow } from './trigger-window.js';

/** A container of the dependency that died within the hour, or waits in CrashLoopBackOff. */
export function isDying(c: PodEvidence['containers'][number], now: IsoTime): boolean {
  if (getWaiting(c)?.reason === 'CrashLoopBackOff') return true;
  const last = getLastTermination(c);
  return c.restartCount > 0 && last !== undefined && isWithin(last.finishedAt, now, RECENT_MS);
}

/**
 * Which revisions to read for a dependency's pods: those of the Deployment or StatefulSet that made
 * a dying pod, when the pod says which (its owner and revision hash). Undefined for healthy pods.
 */
export function pickDependencyRevisionRead(service: string, pods: readonly PodEvidence[], now: IsoTime): ServerRolloutRead | undefined {
  const dying = pods.find((p) => p.containers.some((c) => isDying(c, now)) && p.revisionHash !== undefined && (p.ownerWorkload?.kind === 'Deployment' || p.ownerWorkload?.kind === 'StatefulSet'));
  const owner = dying?.ownerWorkload;
  const hash = dying?.revisionHash;
  if (dying === undefined || owner === undefined || hash === undefined) return undefined;
  const base = { service, pod: dying.name, revisionHash: hash };
  return owner.kind === 'StatefulSet' ? { ...base, statefulSet: owner.name } : { ...base, deployment: owner.name };
}

export interface DependencyRevisionChange {
  /** "cache revision 4 (40m ago) cut its memory limit 1Gi → 512Mi". */
  said: string;
  /** "roll back Deployment cache to revision 3". */
  rollback: string;
  /** The kubectl command for that rollback. */
  command: string;
  evidence: string;
}

/**
 * The dependency's newest revision, rolled out shortly before it began dying, when it changed what
 * kills it: its memory limit lowered (OOM-killed), else its image, command, args or env (crashes).
 * A revision that changed something else, or came long before, is no trigger.
 */
export function findDependencyRevisionChange(r: ServerRolloutEvidence | undefined, container: string | undefined, oom: boolean, onset: IsoTime | undefined, now: IsoTime, namespace: string): DependencyRevisionChange | undefined {
  if (r === undefined || r.previous === undefined || !isInTriggerWindow(r.current.createdAt, onset)) return undefined;
  const diff = diffRevisions(r.previous, r.current).filter((l) => container === undefined || l.startsWith(`${container} `));
  const change = oom ? pickLoweredMemoryLimit(diff) : pickCrashChange(diff);
  if (change === undefined) return undefined;
  const name = r.statefulSet ?? r.deployment ?? '';
  const kind = r.statefulSet !== undefined ? 'statefulset' : 'deployment';
  const workload = `${r.statefulSet !== undefined ? 'StatefulSet' : 'Deployment'} ${name}`;
  return {
    said: `${name} revision ${r.current.revision} (${formatAgo(r.current.createdAt, now)}) ${change}`,
    rollback: `roll back ${workload} to revision ${r.previous.revision}`,
    command: `kubectl -n ${namespace} rollout undo ${kind}/${name} --to-revision=${r.previous.revision}`,
    evidence: `${workload}: revision ${r.previous.revision} → ${r.current.revision} (${r.current.name}, created ${r.current.createdAt}): ${diff.join('; ')}`,
  };
}

/** "cut its memory limit 768Mi → 256Mi" from a diff line "c memory limit: 768Mi → 256Mi" that lowered it. */
function pickLoweredMemoryLimit(diff: readonly string[]): string | undefined {
  for (const line of diff) {
    const m = / memory limit: (\S+) → (\S+)$/.exec(line);
    const before = parseQuantity(m?.[1]);
    const after = parseQuantity(m?.[2]);
    if (m !== null && before !== undefined && after !== undefined && after < before) return `cut its memory limit ${m[1] ?? ''} → ${m[2] ?? ''}`;
  }
  return undefined;
}

/** "changed c image: a → b": what a crashing process starts with. */
function pickCrashChange(diff: readonly string[]): string | undefined {
  const line = diff.find((l) => /^\S+ (image|command|args|env\b)/.test(l));
  return line === undefined ? undefined : `changed ${shortenImageChange(line)}`;
}
