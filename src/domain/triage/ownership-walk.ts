/**
 * The kubelet's recursive ownership change for a pod's fsGroup. With fsGroupChangePolicy Always
 * (the default) it walks every file of the volume on every mount, changing group and permissions,
 * before any container starts; since kubelet 1.32 it says so while it works
 * (VolumePermissionChangeInProgress: "Setting volume ownership for … is taking longer than
 * expected", "… processed N files"). How long the walk takes is the volume's file count, not the
 * revision that mounts it: a rollout that replaced the pod only set it off, and a rollback would
 * re-mount and re-walk the same files — unless that revision is what brought the walk.
 */
import type { EventEvidence, IsoTime, PodEvidence, PvcEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { HISTORY_MS } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { parseSecurityContext } from './security-context.js';
import { formatSpan, isWithin, msBetween } from './time-span.js';
import type { ToldReading } from './told-reading.js';

export interface OwnershipWalk {
  /** The pods whose volume the kubelet is still walking. */
  pods: string[];
  /** The pod's volume and the claim behind it, when the events and the spec say. */
  volume?: string;
  claim?: string;
  /** securityContext.fsGroup of the pods' revision, when its template was read. */
  fsGroup?: unknown;
  /** securityContext.fsGroupChangePolicy as written; absent means Always. */
  policy?: string;
  /** The most files the kubelet reported processed. */
  processed?: number;
  /** When the kubelet first said the walk takes long. */
  since: IsoTime;
  events: EventEvidence[];
  /** The revision before sets the same fsGroup and policy and mounts the same volume: it would walk alike. */
  sameBefore?: number;
  /** The pods' revision brought the walk (fsGroup, its value, the Always policy or the volume itself). */
  brought?: { revision: number; previous: number };
  /** What the revision before did instead, when it brought the walk. */
  before?: string;
}

const WALK = /Setting volume ownership for \S/;
const PROCESSED = /processed (\d+) files/;
/** `…/pods/<uid>/volumes/<plugin>/<name>[/mount]`: a PV's name for claims, the pod's volume name otherwise. */
const VOLUME_DIR = /\/volumes\/[^/\s]+\/([^/\s,]+)/;
const UNMOUNTED = /unmounted volumes=\[([^\],\s]+)\]/;

function isWalkEvent(e: EventEvidence): boolean {
  return e.reason === 'VolumePermissionChangeInProgress' || WALK.test(e.message);
}

/** The pod's volume and claim that the walk's path names (a PV, or the pod's volume), else the one the mount timeout names. */
function findVolume(pods: readonly PodEvidence[], pvcs: readonly PvcEvidence[], walk: readonly EventEvidence[], other: readonly EventEvidence[]): { volume?: string; claim?: string } {
  const volumes = pods.flatMap((p) => p.volumes ?? []);
  const dir = walk.map((e) => VOLUME_DIR.exec(e.message)?.[1]).find((x) => x !== undefined);
  const unmounted = other.map((e) => UNMOUNTED.exec(e.message)?.[1]).find((x) => x !== undefined);
  const byPv = pvcs.find((c) => c.volumeName !== undefined && c.volumeName === dir)?.name;
  const v = volumes.find((x) => x.source === 'pvc' && byPv !== undefined && x.ref === byPv) ?? volumes.find((x) => x.name === dir) ?? volumes.find((x) => x.name === unmounted);
  const claim = byPv ?? (v?.source === 'pvc' ? v.ref : undefined);
  const volume = v?.name ?? unmounted;
  return { ...(volume !== undefined ? { volume } : {}), ...(claim !== undefined ? { claim } : {}) };
}

/** Whether pods of `rev` mount the volume (by its name, or the claim behind it). */
function mountsVolume(rev: RevisionEvidence, volume: string | undefined, claim: string | undefined): boolean {
  if (volume === undefined && claim === undefined) return true;
  const inTemplate = rev.template?.volumes.some((v) => v.name === volume || (claim !== undefined && v.source === 'pvc' && v.ref === claim)) ?? false;
  // A StatefulSet's claim-template volume is in no template's volumes: a container's mount names it.
  return inTemplate || rev.containers.some((c) => (c.volumeMounts ?? []).some((m) => m.name === volume));
}

/** What the revision before did instead of walking, or undefined when it walked alike. */
function describeBefore(prev: RevisionEvidence, fsGroup: unknown, policy: string | undefined, volume: string | undefined, claim: string | undefined): string | undefined {
  const sc = parseSecurityContext(prev.template?.securityContext);
  if (!mountsVolume(prev, volume, claim)) return `did not mount ${claim !== undefined ? `claim ${claim}` : `volume ${volume ?? ''}`}`;
  if (sc['fsGroup'] === undefined) return 'set no fsGroup';
  if ((sc['fsGroupChangePolicy'] ?? 'Always') !== 'Always') return `used fsGroupChangePolicy ${String(sc['fsGroupChangePolicy'])}`;
  if (sc['fsGroup'] !== fsGroup) return `set fsGroup ${String(sc['fsGroup'])}`;
  return (policy ?? 'Always') === 'Always' ? undefined : 'walked alike';
}

/**
 * The kubelet's fsGroup walk that holds these pods in ContainerCreating, read from its own events;
 * undefined when it reported none lately (a slow mount may then be the CSI plugin or a fsck).
 * `podEvents`: the pods' events when the caller has them already (default: all of `ev.events`).
 */
export function findOwnershipWalk(ev: TriageEvidence, pods: readonly PodEvidence[], podEvents?: readonly EventEvidence[]): OwnershipWalk | undefined {
  const names = new Set(pods.map((p) => p.name));
  // The caller's events of these pods, when it has them: no second pass over every event.
  const recent = (podEvents ?? ev.events).filter((e) => e.object.kind === 'Pod' && names.has(e.object.name) && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS));
  const walk = recent.filter(isWalkEvent);
  if (walk.length === 0) return undefined;
  const walking = pods.filter((p) => walk.some((e) => e.object.name === p.name));
  const { volume, claim } = findVolume(walking, ev.pvcs, walk, recent.filter((e) => e.reason === 'FailedMount'));
  const counts = walk.map((e) => Number(PROCESSED.exec(e.message)?.[1] ?? NaN)).filter((n) => Number.isFinite(n));
  const processed = counts.length > 0 ? Math.max(...counts) : undefined;
  const since = walk.map((e) => e.firstSeen).sort()[0] ?? ev.collectedAt;

  const group = readPodsFsGroup(ev, walking, volume, claim);
  return {
    pods: walking.map((p) => p.name),
    ...(volume !== undefined ? { volume } : {}),
    ...(claim !== undefined ? { claim } : {}),
    ...group.walk,
    ...(processed !== undefined ? { processed } : {}),
    since,
    events: walk,
  };
}

/** The pods' revision's fsGroup and policy, and how they compare with the revision before. */
export interface PodsFsGroup {
  /** Whether the pods' revision's template was read: without it nothing is known of fsGroup. */
  read: boolean;
  walk: Pick<OwnershipWalk, 'fsGroup' | 'policy' | 'sameBefore' | 'brought' | 'before'>;
}

/** fsGroup and fsGroupChangePolicy of the pods' revision, compared with the revision before when both templates were read. */
export function readPodsFsGroup(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string | undefined, claim: string | undefined): PodsFsGroup {
  const sorted = sortRevisions(ev.revisions);
  const hashes = new Set(pods.flatMap((p) => (p.revisionHash !== undefined ? [p.revisionHash] : [])));
  const i = hashes.size === 0 ? 0 : sorted.findIndex((r) => hashes.has(r.hash));
  const rev = i >= 0 ? sorted[i] : undefined;
  const prev = i >= 0 ? sorted[i + 1] : undefined;
  const sc = parseSecurityContext(rev?.template?.securityContext);
  const fsGroup = sc['fsGroup'];
  const policy = typeof sc['fsGroupChangePolicy'] === 'string' ? sc['fsGroupChangePolicy'] : undefined;
  // Only a template that was read, and that walks, can be compared with the one before.
  const known = rev?.template !== undefined && fsGroup !== undefined && prev?.template !== undefined;
  const before = known && rev && prev ? describeBefore(prev, fsGroup, policy, volume, claim) : undefined;
  return {
    read: rev?.template !== undefined,
    walk: {
      ...(fsGroup !== undefined ? { fsGroup } : {}),
      ...(policy !== undefined ? { policy } : {}),
      ...(known && prev && before === undefined ? { sameBefore: prev.revision } : {}),
      ...(known && rev && prev && before !== undefined ? { brought: { revision: rev.revision, previous: prev.revision }, before } : {}),
    },
  };
}

/**
 * What a rollback past the revision that brought the walk would also undo, when that revision's
 * intent stands apart from the walk (it added the fsGroup, or the volume): the policy fixes the walk
 * and keeps the intent, so the rollback is the fallback (Finding.rollbackUndoes).
 */
export function describeWalkRollback(w: Pick<OwnershipWalk, 'brought' | 'before'>): string | undefined {
  if (w.brought === undefined) return undefined;
  if (w.before === 'set no fsGroup') return `drop the fsGroup revision ${w.brought.revision} added`;
  if (w.before?.startsWith('did not mount ')) return `drop the ${w.before.slice('did not mount '.length)} revision ${w.brought.revision} added`;
  return undefined;
}

export interface OwnershipWalkText extends ToldReading {
  /** The kubelet's own words: that the walk takes long (without the docs link), else its latest count. */
  decisive: string;
  /** Set when the revision before walks alike: see Finding.outsideWorkload. */
  outsideWorkload?: string;
  /** Set when the pods' revision added the fsGroup or the volume: see Finding.rollbackUndoes. */
  rollbackUndoes?: string;
  evidence: string[];
}

/** The walk told as the volume finding says it: what the kubelet does, for how long, and why it is (or is not) the revision's. */
export function describeOwnershipWalk(w: OwnershipWalk, now: IsoTime): OwnershipWalkText {
  const group = w.fsGroup !== undefined ? `fsGroup ${String(w.fsGroup)}` : 'the pod\'s fsGroup';
  const policy = w.policy !== undefined ? `fsGroupChangePolicy ${w.policy}` : 'fsGroupChangePolicy unset, so Always';
  const span = formatSpan(Math.max(0, msBetween(w.since, now)));
  const files = w.processed !== undefined ? `${w.processed.toLocaleString('en-US')} files so far` : 'every file';
  const volume = w.claim !== undefined ? `claim ${w.claim}` : 'the volume';
  const gid = w.fsGroup !== undefined ? ` (the files already belong to gid ${String(w.fsGroup)})` : '';
  const cause = [
    `The volume is attached, but before any container starts the kubelet changes the group and permissions of every file on it for the pod's securityContext.${group.replace(/^the pod's /, '')} (${policy}: on every mount), and says so (VolumePermissionChangeInProgress).`,
    'On a volume of many files the walk outlasts the mount timeout (FailedMount) and the pod stays ContainerCreating until it ends.',
    w.sameBefore !== undefined ? `How long it takes is the volume's file count, not the revision: revision ${w.sameBefore} sets the same fsGroup and policy, so the rollout only replaced the pod, and a rollback would re-mount and re-walk the same files.` : '',
    w.brought !== undefined ? `Revision ${w.brought.revision} added the walk: revision ${w.brought.previous} ${w.before ?? 'did not walk'}.` : '',
  ].filter((s) => s !== '').join(' ');
  const fix = `set fsGroupChangePolicy: OnRootMismatch in the pod template's securityContext, or drop fsGroup if the files already belong to its gid; then let the walk finish or restart the pod`;
  const action = `Set fsGroupChangePolicy: OnRootMismatch in the pod template's securityContext${gid ? `, or drop fsGroup${gid}` : ''}; then let the walk finish or restart the pod. With OnRootMismatch the kubelet skips the walk when the volume's root already has the group and permissions.${w.sameBefore !== undefined ? ' A rollback would not help: it re-mounts and re-walks the same volume.' : ''}`;
  const slow = w.events.find((e) => /taking longer than expected/.test(e.message)) ?? w.events[w.events.length - 1];
  const decisive = (slow?.message ?? '').replace(/\s+-\s+https?:\/\/\S+\s*$/, '').replace(/\s+/g, ' ').trim();
  return {
    decisive,
    title: `the kubelet has spent ${span} changing the ownership of every file on it for ${group} (${files}; ${policy})`,
    cause,
    action,
    fix,
    ...(w.sameBefore !== undefined ? { outsideWorkload: `the kubelet re-owns every file of ${volume} for ${group} on every mount, and revision ${w.sameBefore} sets the same fsGroup: a rollback would re-mount and re-walk the same volume` } : {}),
    ...(describeWalkRollback(w) !== undefined ? { rollbackUndoes: describeWalkRollback(w) } : {}),
    evidence: [
      `pod securityContext: ${group}, ${policy}${w.claim !== undefined ? `; volume ${w.volume ?? '?'} is claim ${w.claim}` : ''}`,
      ...(w.sameBefore !== undefined ? [`revision ${w.sameBefore} sets the same fsGroup and policy and mounts the same volume`] : []),
      ...(w.brought !== undefined ? [`revision ${w.brought.previous} ${w.before ?? ''}`] : []),
    ],
  };
}

/** A mount that outlasts its timeout with the volume attached, told from the pods' fsGroup when their template was read. */
export interface SlowMountText extends ToldReading {
  rollbackUndoes?: string;
  evidence: string[];
}

/**
 * The kubelet's mount step is slow and reports no walk (kubelets before 1.32 say nothing while they
 * re-own the files): when the pods' template sets fsGroup with the Always policy, the walk is the
 * likely cause and its fix is said plainly; when it sets none, the walk is ruled out and the CSI node
 * plugin or a filesystem check is left. Undefined when the template was not read, or its policy is
 * OnRootMismatch (a walk then happens only once, on a mismatched root).
 */
export function describeSlowMount(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string | undefined): SlowMountText | undefined {
  const claim = pods.flatMap((p) => p.volumes ?? []).find((v) => v.name === volume && v.source === 'pvc')?.ref;
  const { read, walk } = readPodsFsGroup(ev, pods, volume, claim);
  if (!read) return undefined;
  const attached = "The volume is attached to the node (no volume is left unattached), so the time goes into the kubelet's own mount step";
  if (walk.fsGroup === undefined) {
    return {
      title: "attached, but not mounted in time (the kubelet's mount step; the pod sets no fsGroup, so no ownership walk)",
      cause: `${attached}. The pods' securityContext sets no fsGroup, so the kubelet changes no file's ownership: the time goes into the CSI node plugin's staging or publishing, or a filesystem check of a large volume.`,
      action: "Look at the CSI node plugin's logs on that node and the kubelet's log for the volume's mount (a filesystem check, a slow staging step); the mount retries by itself.",
      fix: "find what holds the mount on that node: the CSI node plugin's logs, or a filesystem check",
      evidence: ['pod securityContext: no fsGroup'],
    };
  }
  if ((walk.policy ?? 'Always') !== 'Always') return undefined;
  const group = `fsGroup ${String(walk.fsGroup)}`;
  const policy = walk.policy !== undefined ? `fsGroupChangePolicy ${walk.policy}` : 'fsGroupChangePolicy unset, so Always';
  const undoes = describeWalkRollback(walk);
  return {
    title: `attached, but not mounted in time: the kubelet's mount step, likely changing the ownership of every file on it for ${group} (${policy})`,
    cause: [
      `${attached}. The pods' securityContext sets ${group} with ${policy}: on every mount the kubelet changes the group and permissions of every file on the volume before any container starts — hours on a volume with millions of files, past the mount timeout (FailedMount), so the pod stays ContainerCreating until it ends.`,
      walk.brought !== undefined ? `Revision ${walk.brought.revision} added the walk: revision ${walk.brought.previous} ${walk.before ?? 'did not walk'}.` : '',
      walk.sameBefore !== undefined ? `Revision ${walk.sameBefore} sets the same fsGroup and policy: the rollout only replaced the pod, and a rollback would re-mount and re-walk the same files.` : '',
      'Kubelets before 1.32 do not report the walk; a slow CSI node plugin would look alike.',
    ].filter((x) => x !== '').join(' '),
    action: `Set fsGroupChangePolicy: OnRootMismatch in the pod template's securityContext (or fix the ownership once, offline), and pause the rollout before it reaches the other replicas; then let the walk finish or restart the pod. With OnRootMismatch the kubelet skips the walk when the volume's root already has the group and permissions.${walk.sameBefore !== undefined ? ' A rollback would not help: it re-mounts and re-walks the same volume.' : ''}`,
    fix: "set fsGroupChangePolicy: OnRootMismatch in the pod template's securityContext (or fix the ownership once, offline), and pause the rollout before it reaches the other replicas",
    ...(undoes !== undefined ? { rollbackUndoes: undoes } : {}),
    evidence: [
      `pod securityContext: ${group}, ${policy}`,
      ...(walk.brought !== undefined ? [`revision ${walk.brought.previous} ${walk.before ?? ''}`] : []),
    ],
  };
}
