/**
 * Same image reference, another build: pods of one template whose containers run different image
 * digests. A mutable tag (`:latest`, `:main`, a moving `:1.4`) pushed again makes the pods that pull
 * it later (a scale-up, a rescheduled pod, a restart under imagePullPolicy Always) run the new build
 * while older pods keep the one they pulled. No revision changed, so rolling back pulls the same
 * tag again; pinning the digest the healthy pods run is the mitigation.
 */
import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { msBetween } from '../time-span.js';
import { digestOf } from './differential.js';
import type { Differential } from './differential.js';

interface Rebuilt {
  /** The container as a failing pod runs it. */
  container: ContainerEvidence;
  failing: string[];
  healthy: string[];
}

const POLICY: Record<NonNullable<ContainerEvidence['imagePullPolicy']>, string> = {
  Always: 'imagePullPolicy Always pulls it into every new pod',
  IfNotPresent: 'under imagePullPolicy IfNotPresent each node keeps the build it pulled first',
  Never: 'under imagePullPolicy Never each node runs the build it was given',
};

function digestsOf(pods: readonly PodEvidence[], container: string): string[] {
  return unique(pods.flatMap((p) => {
    const id = p.containers.find((c) => c.name === container)?.imageID;
    return id === undefined ? [] : [digestOf(id)];
  }));
}

/** The containers whose digests never overlap between failing and healthy pods. */
function findRebuilt(d: Differential): Rebuilt[] {
  return (d.failing[0]?.containers ?? []).flatMap((container) => {
    const failing = digestsOf(d.failing, container.name);
    const healthy = digestsOf(d.healthy, container.name);
    if (failing.length === 0 || healthy.length === 0 || failing.some((f) => healthy.includes(f))) return [];
    return [{ container, failing, healthy }];
  });
}

/** `sha256:9f3c2b8e1d7a`: enough to tell builds apart in a sentence. */
export function shortDigest(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

/** `registry/team/app:latest` → `app:latest`. */
function lastPath(image: string): string {
  return image.split('/').pop() ?? image;
}

/** `registry:5000/team/app:latest` → `registry:5000/team/app` (a registry's port is not a tag). */
function repositoryOf(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
}

/** Every failing pod was created after every healthy one: the failing build is the newer pull. */
function failingPulledLater(d: Differential): boolean {
  return d.failing.every((f) => d.healthy.every((h) => f.createdAt !== undefined && h.createdAt !== undefined && msBetween(h.createdAt, f.createdAt) > 0));
}

/** "only on pods running another build of app:latest (digest …; the 3 healthy pods run …): …". */
export function describeRebuilt(d: Differential): string | undefined {
  const r = findRebuilt(d)[0];
  if (r === undefined) return undefined;
  const n = d.healthy.length;
  const moved = failingPulledLater(d) ? 'the tag now points at another build' : 'the same tag has resolved to different builds';
  const policy = r.container.imagePullPolicy === undefined ? '' : `, and ${POLICY[r.container.imagePullPolicy]}`;
  return `only on pods running another build of ${lastPath(r.container.image)} (digest ${r.failing.map(shortDigest).join(', ')}; the ${n} healthy pod${n === 1 ? '' : 's'} run ${r.healthy.map(shortDigest).join(', ')}): ${moved}${policy}`;
}

/** Pin the build the healthy pods run: the exact `kubectl set image` when they all run one. */
export function pinRebuilt(ev: TriageEvidence, d: Differential, fix: string): { action: string; command?: string } | undefined {
  const r = findRebuilt(d)[0];
  if (r === undefined) return undefined;
  const name = r.container.name;
  const good = r.healthy.length === 1 ? r.healthy[0] : undefined;
  const notBack = 'instead of the mutable tag — a rollback would pull the same tag';
  if (good === undefined) return { action: `Pin ${name} to the digest of a build that works ${notBack}; then ${fix}` };
  const repo = repositoryOf(r.container.image);
  // A Job's pod template cannot be changed; its next run (or a copy) takes the pinned image.
  const command = ev.target.kind === 'Job' ? undefined : formatKubectl(ev.target, `set image ${formatWorkloadRef(ev.target)} ${name}=${repo}@${good}`);
  return { action: `Pin ${name} to the digest the healthy pods run (${lastPath(repo)}@${shortDigest(good)}…) ${notBack}; then ${fix}`, ...(command ? { command } : {}) };
}

/** Which build each pod runs, side by side. */
export function listDigestsCommand(ev: TriageEvidence): string {
  return formatKubectl(ev.target, `get pods -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)} -o custom-columns='NAME:.metadata.name,IMAGE:.status.containerStatuses[*].imageID'`);
}
