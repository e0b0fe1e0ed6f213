import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { CollapsedEvent } from '../collapse-events.js';
import type { EventEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, describePodCommand, formatKubectl } from '../kubectl-command.js';
import { findNodeBoundMount } from '../node-bound-mount.js';
import type { NodeBoundMount } from '../node-bound-mount.js';
import type { DownVolumeServer } from '../volume-server.js';
import { MISSING_KEY, NFS_VERSION_REFUSED, SMB_LOGIN_REFUSED } from '../mount-messages.js';
import { describeNfsVersionRefusal } from './volume-nfs-version.js';
import { describeMissingKey } from './volume-missing-key.js';
import { describeSmbLoginRefusal } from './volume-smb-login.js';
import { describeFilesystemFault } from './volume-filesystem.js';
import type { MountReading } from './mount-reading.js';
import { describeUnregisteredDriver } from './volume-csi-driver.js';
import { UNREGISTERED_DRIVER } from '../csi-registration.js';
import { HISTORY_MS, groupBy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo, isWithin, msBetween } from '../time-span.js';
import { describeOwnershipWalk, describeSlowMount, findOwnershipWalk } from '../ownership-walk.js';
import { findDownVolumeServer } from '../volume-server.js';
import { describeDownVolumeServer } from './volume-server-down.js';
import { IMAGE_STILL_USED, describeImageStillUsed } from '../rbd-image-held.js';

type VolumeProblem = 'image-in-use' | 'multi-attach' | 'missing-source' | 'missing-key' | 'driver-unregistered' | 'filesystem' | 'attach-failed' | 'ownership-walk' | 'smb-login' | 'nfs-version' | 'mount-failed' | 'mount-slow' | 'mount-timeout';

/** Most specific first: a pod with a Multi-Attach error also logs a generic mount timeout. */
const PATTERNS: [VolumeProblem, RegExp][] = [
  ['multi-attach', /Multi-Attach error/i],
  ['missing-source', /(configmap|secret)s? "[^"]+" not found/i],
  ['missing-key', MISSING_KEY],
  // Named before the generic mount failure it is worded as: the node's kubelet lacks the driver.
  ['driver-unregistered', UNREGISTERED_DRIVER],
  ['filesystem', /wrong fs type|bad superblock|fsck|structure needs cleaning/i],
  ['attach-failed', /AttachVolume\.Attach failed|attachdetach/i],
  // The kubelet itself says it is still re-owning the files for the pod's fsGroup (kubelet ≥ 1.32).
  ['ownership-walk', /Setting volume ownership for \S/],
  // Before the generic mount failure: the SMB server refuses the Secret's credentials, on any node.
  ['smb-login', SMB_LOGIN_REFUSED],
  // Before the generic mount failure: Ceph refuses to map an RBD image another client (a dead node) still holds.
  ['image-in-use', IMAGE_STILL_USED],
  // Before the generic mount failure: the NFS server does not serve the version the mount options ask for, on any node.
  ['nfs-version', NFS_VERSION_REFUSED],
  ['mount-failed', /MountVolume\.\w+ failed|mount failed|permission denied/i],
  // Attached (nothing left unattached) yet not mounted: the kubelet's own mount step is slow.
  ['mount-slow', /unmounted volumes=\[[^\]]+\], unattached volumes=\[\]/i],
  ['mount-timeout', /timed out waiting for the condition|Unable to attach or mount volumes|context deadline exceeded/i],
];

const TEXT: Record<VolumeProblem, { title: string; cause: string; action: string }> = {
  'multi-attach': {
    title: 'Multi-Attach: the volume is still attached to another node',
    cause: 'A ReadWriteOnce volume can be attached to one node at a time and the previous pod\'s node still holds it: that pod is still terminating, or its node is NotReady (the attach/detach controller waits about 6 minutes before force-detaching). Deployments with a RWO volume and RollingUpdate hit this on every rollout.',
    action: 'Mitigate: make sure the old pod is really gone (and its node, if NotReady, is down); the volume then detaches on its own. For a Deployment with a RWO volume use strategy Recreate. Do not delete VolumeAttachments by hand while the old node may still write.',
  },
  'missing-source': {
    title: 'a ConfigMap or Secret volume source does not exist',
    cause: 'The pod mounts a ConfigMap or Secret that does not exist in the namespace.',
    action: 'Restore the object through its owner pipeline, or roll back the change that references it; the mount retries on its own.',
  },
  'missing-key': {
    title: 'the volume\'s items name a key its Secret or ConfigMap lacks',
    cause: 'The volume\'s items list a key the Secret or ConfigMap does not have; the kubelet refuses to set the volume up.',
    action: 'Put the key back into the Secret or ConfigMap, or point the items at the key it now has; the mount retries by itself.',
  },
  'driver-unregistered': {
    title: 'its CSI driver is not registered on the node',
    cause: 'The kubelet of the node has not registered the volume\'s CSI driver: the driver\'s node plugin (a DaemonSet pod on that node) is not running there.',
    action: 'Cordon the node and delete the stuck pod so it starts elsewhere; then get the driver\'s node plugin running on that node.',
  },
  filesystem: {
    title: 'the volume\'s filesystem cannot be mounted',
    cause: 'The disk has a damaged or unexpected filesystem (wrong fsType, unclean shutdown).',
    action: 'Do not format it: snapshot the disk first, then run a filesystem check from a maintenance pod or the cloud console.',
  },
  'attach-failed': {
    title: 'the cloud provider fails to attach the volume',
    cause: 'The attach call to the storage backend fails: the node reached its volume attachment limit, the disk is in another zone, or the backend API errors.',
    action: 'Read the attach error; move the pod to a node in the disk\'s zone or with free attachment slots.',
  },
  'ownership-walk': {
    title: 'the kubelet is still changing the ownership of every file for the pod\'s fsGroup',
    cause: 'With an fsGroup and fsGroupChangePolicy Always (the default) the kubelet changes the group of every file on the volume on every mount, before the container starts.',
    action: 'Set fsGroupChangePolicy: OnRootMismatch in the pod template\'s securityContext, then let the walk finish or restart the pod.',
  },
  'smb-login': {
    title: 'the SMB server refuses the mount\'s login (mount error(13))',
    cause: 'The file server refuses the credentials in the volume\'s Secret (a rotated key or password).',
    action: 'Put the current key or password in the volume\'s Secret; the kubelet retries the mount by itself.',
  },
  'image-in-use': {
    title: 'its RBD image is still in use by another client',
    cause: 'Ceph refuses to map an RBD image another client still watches: the node the pod ran on before still has it mapped.',
    action: 'Fence the node that still holds the image (power it off and taint it node.kubernetes.io/out-of-service, or blocklist its Ceph client); the map then succeeds by itself.',
  },
  'nfs-version': {
    title: 'the NFS server refuses the protocol version the mount asks for ("Protocol not supported")',
    cause: 'The NFS server does not serve the protocol version the volume\'s mount options ask for; every fresh mount fails, on any node.',
    action: 'Set nfsvers in the volume\'s mount options to a version the server serves; the kubelet retries the mount by itself.',
  },
  'mount-failed': {
    title: 'the volume mount fails on the node',
    cause: 'The kubelet cannot mount the volume (NFS/CSI server unreachable, permissions, missing mount helper on the node).',
    action: 'Read the mount error and check the storage server and the node.',
  },
  'mount-slow': {
    title: 'attached, but not mounted in time (the kubelet\'s mount step)',
    cause: 'The volume is attached to the node (no volume is left unattached), so the time goes into the kubelet\'s own mount step: with an fsGroup in the pod\'s securityContext and fsGroupChangePolicy Always (the default), it changes the ownership of every file on the volume before the container starts — hours on a volume with millions of files; otherwise a slow filesystem check or CSI node plugin.',
    action: 'If the pod sets fsGroup, set fsGroupChangePolicy: OnRootMismatch (or fix the ownership once, offline) and pause the rollout before it reaches the other replicas; otherwise look at the CSI node plugin\'s logs on that node.',
  },
  'mount-timeout': {
    title: 'volumes not attached or mounted in time',
    cause: 'The kubelet timed out waiting for the volume; the real error is usually an attach failure reported separately, or a slow storage backend.',
    action: 'Look at the volume attachment and the storage backend.',
  },
};

interface Hit {
  pod: PodEvidence;
  problem: VolumeProblem;
  volume?: string;
  events: EventEvidence[];
}

/**
 * Volumes that will not attach or mount (FailedAttachVolume, FailedMount): Multi-Attach,
 * missing ConfigMap/Secret sources, filesystem errors, attach failures, timeouts. Only pods
 * still not ready count; a mount that failed once and then worked is history.
 */
export function analyzeVolumeAttach(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = [];
  for (const pod of ev.pods) {
    if (pod.ready || pod.deletionTimestamp !== undefined) continue;
    const events = dropSupersededAttach(listPodEvents(ev, ['FailedAttachVolume', 'FailedMount', 'FailedMapVolume', 'VolumePermissionChangeInProgress'], [pod.name]).filter((e) => isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS)));
    if (events.length === 0) continue;
    // The kubelet starts no container before the pod's volumes are mounted: one that started after
    // the last failed mount shows the mount then worked (a Job's pod that ran and ended is not ready).
    if (startedSince(pod, events)) continue;
    const text = events.map((e) => e.message).join('\n');
    const [problem, re] = PATTERNS.find(([, r]) => r.test(text)) ?? ['mount-failed', /./];
    const decisive = events.find((e) => re.test(e.message)) ?? events[0];
    const walkVolume = problem === 'ownership-walk' ? findOwnershipWalk(ev, [pod], events)?.volume : undefined;
    const volume = walkVolume ?? /volume "([^"]+)"/.exec(decisive?.message ?? '')?.[1] ?? /unmounted volumes=\[([^\],\s]+)/.exec(decisive?.message ?? '')?.[1];
    hits.push({ pod, problem, events, ...(volume ? { volume } : {}) });
  }
  return [...groupBy(hits, (h) => `${h.problem}/${h.volume ?? ''}`).values()].map((group) => {
    const first = group[0] as Hit;
    const pods = unique(group.map((h) => h.pod.name));
    const events = collapseEvents(group.flatMap((h) => h.events), { acrossObjects: true });
    const messages = group.flatMap((h) => h.events.map((e) => e.message));
    // An NFS server that is a Service of the namespace with no ready endpoint: the mount is its symptom, wherever the pods run.
    const server = NODE_BOUND_PROBLEMS.has(first.problem) ? findDownVolumeServer(ev, group.map((h) => h.pod), first.volume, messages) : undefined;
    if (server) return describeServerDown(ev, server, first.volume ?? server.service, pods, events);
    const bound = NODE_BOUND_PROBLEMS.has(first.problem) ? findNodeBoundMount(ev, group.map((h) => h.pod), first.volume, group.flatMap((h) => h.events.map((e) => e.message))) : undefined;
    const missing = first.problem === 'missing-key' ? describeMissingKey(ev, group.map((h) => h.pod), first.volume, events.map((e) => e.message).join('\n')) : undefined;
    const disk = first.problem === 'filesystem' ? describeFilesystemFault(ev, group.map((h) => h.pod), first.volume, group.flatMap((h) => h.events)) : undefined;
    const held = first.problem === 'image-in-use' ? describeImageStillUsed(ev, group.map((h) => h.pod), first.volume, events.map((e) => e.message)) : undefined;
    const smb = first.problem === 'smb-login' ? describeSmbLoginRefusal(ev, group.map((h) => h.pod), first.volume, events.map((e) => e.message).join('\n')) : undefined;
    const nfsVersion = first.problem === 'nfs-version' ? describeNfsVersionRefusal(ev, group.map((h) => h.pod), first.volume, events.map((e) => e.message).join('\n')) : undefined;
    const walk = first.problem === 'ownership-walk' ? findOwnershipWalk(ev, group.map((h) => h.pod), group.flatMap((h) => h.events)) : undefined;
    const walkText = walk ? describeOwnershipWalk(walk, ev.collectedAt) : undefined;
    const slow = first.problem === 'mount-slow' ? describeSlowMount(ev, group.map((h) => h.pod), first.volume) : undefined;
    const driver = first.problem === 'driver-unregistered' ? UNREGISTERED_DRIVER.exec(events.map((e) => e.message).join('\n'))?.[1] : undefined;
    const csi = driver && first.pod.nodeName ? describeUnregisteredDriver(ev, first.pod.nodeName, driver, group.map((h) => h.pod)) : undefined;
    // At most one reading of the mount's own words applies: the problem decides which.
    const reading: MountReading | undefined = missing ?? smb ?? nfsVersion ?? disk ?? held;
    const text = bound ? describeNodeBound(bound) : reading ?? walkText ?? slow ?? csi ?? TEXT[first.problem];
    const confirm = [describePodCommand(ev.target, first.pod.name), ...(reading?.confirm ?? []), ...(csi?.confirm ?? [])];
    // fsGroup and fsGroupChangePolicy as the pod got them, whatever kind of workload made it.
    if (walk) confirm.push(formatKubectl(ev.target, `get pod ${first.pod.name} -o jsonpath='{.spec.securityContext}'`));
    if (first.problem === 'multi-attach' || first.problem === 'attach-failed') confirm.push(formatKubectl(ev.target, 'get volumeattachments -o wide', 'cluster'));
    if (bound) confirm.push(...bound.nodes.map((n) => describeNodeCommand(ev.target, n)));
    const evidence = events.slice(0, 3).map((e) => formatEventLine(e, { withObject: true, maxLength: 350 }));
    if (bound) evidence.push(...listNodeBoundEvidence(ev, bound));
    if (reading) evidence.push(...reading.evidence);
    if (walkText) evidence.push(...walkText.evidence);
    if (slow) evidence.push(...slow.evidence);
    if (csi) evidence.push(...csi.evidence);
    const claim = walk?.claim ?? claimOf(first.pod, first.volume);
    return {
      id: `volume-attach/${first.problem}/${first.volume ?? 'unknown'}`,
      kind: 'volume-attach',
      title: `Volume ${first.volume ? `${first.volume} ` : ''}${claim !== undefined && claim !== first.volume ? `(claim ${claim}) ` : ''}blocks ${pods.length} pod${pods.length === 1 ? '' : 's'}: ${text.title}`,
      layer: 'storage',
      // A filesystem that will not mount holds until someone acts on the disk: no retry or reschedule ends it.
      severity: first.problem === 'filesystem' ? 'critical' : severityForPods(ev, pods.length),
      ...(reading?.datesChange ? { datesChange: true as const } : {}),
      confidence: csi ? csi.confidence : bound ? (bound.signs.length + bound.stuck.length > 0 ? 'high' : 'medium') : walk ? 'high' : first.problem === 'mount-timeout' || first.problem === 'mount-slow' ? 'medium' : 'high',
      evidence,
      ...(walkText ? { decisive: walkText.decisive } : csi?.decisive ? { decisive: csi.decisive } : reading?.decisive ? { decisive: reading.decisive } : first.events.length > 0 ? { decisive: (first.events.find((e) => PATTERNS.find(([p]) => p === first.problem)?.[1].test(e.message)) ?? first.events[first.events.length - 1] ?? first.events[0])!.message.replace(/\s+/g, ' ').trim() } : {}),
      fix: bound ? `cordon and drain ${bound.nodes.join(', ')}, then reboot or replace it` : walkText?.fix ?? slow?.fix ?? csi?.fix ?? reading?.fix ?? text.action.split('. ')[0] ?? text.action,
      likelyCause: text.cause,
      nextAction: text.action,
      ...(walkText?.outsideWorkload !== undefined ? { outsideWorkload: walkText.outsideWorkload } : {}),
      // The revision added the fsGroup (or the volume) for a reason: the policy fixes the walk, the rollback is the fallback.
      ...(!bound && (walkText ?? slow)?.rollbackUndoes !== undefined ? { rollbackUndoes: (walkText ?? slow)?.rollbackUndoes } : {}),
      confirmCommands: confirm,
      affected: { pods, nodes: listNodesOf(group.map((h) => h.pod)) },
    } satisfies Finding;
  });
}

/** A container of the pod started at or after the last of the mount failures: the volumes were mounted by then. */
function startedSince(pod: PodEvidence, events: readonly EventEvidence[]): boolean {
  const last = events.map((e) => e.lastSeen).sort().at(-1);
  if (last === undefined) return false;
  return pod.containers.some((c) => [c.state, c.lastState].some((s) => {
    const at = s === undefined ? undefined : 'running' in s ? s.running.startedAt : 'terminated' in s ? s.terminated.startedAt : undefined;
    return at !== undefined && msBetween(last, at) >= 0;
  }));
}

/** A mount that fails because the in-cluster NFS server behind it has no ready endpoint (volume-server.ts). */
function describeServerDown(ev: TriageEvidence, server: DownVolumeServer, volume: string, pods: string[], events: CollapsedEvent[]): Finding {
  const r = describeDownVolumeServer(ev, server, volume, pods);
  // The mount helper's own words ("mount.nfs: Connection timed out") decide it; the kubelet's wrapper around them does not.
  const said = events.map((e) => /Output:\s*(.+)/.exec(e.message)?.[1]?.trim()).find((x) => x !== undefined && x !== '');
  return {
    id: `volume-server-down/${server.service}`,
    kind: 'volume-server-down',
    title: r.title,
    layer: 'storage',
    severity: severityForPods(ev, server.holders.length),
    confidence: r.confidence,
    evidence: [...events.slice(0, 2).map((e) => formatEventLine(e, { withObject: true, maxLength: 350 })), ...r.evidence],
    ...(said ? { decisive: said } : {}),
    fix: r.fix,
    likelyCause: r.cause,
    nextAction: r.action,
    outsideWorkload: r.outsideWorkload,
    confirmCommands: [...r.confirm, describePodCommand(ev.target, pods[0] ?? '')],
    affected: { pods: server.holders.map((p) => p.name), nodes: listNodesOf(server.holders), services: [server.service] },
  };
}

/** The kubelet's own mount step failing (not its wait for the attach): it runs only once the volume is attached. */
const MOUNT_STEP_FAILED = /MountVolume\.\w+ failed|MapVolume\.\w+ failed/;
const ATTACH_FAILED = /Multi-Attach error|AttachVolume\.Attach failed/i;

/**
 * Attach errors that ended before the kubelet's own mount step began failing are history: the
 * kubelet mounts only an attached volume, so the attach went through, and what blocks the pod now
 * is the mount step's error, however many times the attach had failed before.
 */
export function dropSupersededAttach(events: readonly EventEvidence[]): EventEvidence[] {
  const starts = events.filter((e) => MOUNT_STEP_FAILED.test(e.message)).map((e) => Date.parse(e.firstSeen));
  if (starts.length === 0) return [...events];
  const mountStarted = Math.min(...starts);
  return events.filter((e) => !(ATTACH_FAILED.test(e.message) && Date.parse(e.lastSeen) < mountStarted));
}

/** The claim behind a pod's volume, so the engineer can find the PVC by name. */
function claimOf(pod: PodEvidence, volume: string | undefined): string | undefined {
  const v = pod.volumes?.find((x) => x.name === volume);
  return v?.source === 'pvc' ? v.ref : undefined;
}

/** Failures of the kubelet's own mount step, which one node's client can cause alone. */
const NODE_BOUND_PROBLEMS: ReadonlySet<VolumeProblem> = new Set(['mount-failed', 'mount-timeout', 'mount-slow']);

function describeNodeBound(b: NodeBoundMount): { title: string; cause: string; action: string } {
  const where = b.nodes.length === 1 ? `node ${b.nodes[0] ?? ''}` : `nodes ${b.nodes.join(', ')}`;
  const others = `${b.mounters.length} ready pod${b.mounters.length === 1 ? '' : 's'} on other nodes mount${b.mounters.length === 1 ? 's' : ''} it`;
  const client = b.nfs ? 'its kernel NFS client holds a dead session (after a server failover or a network blip it hangs instead of reconnecting)' : 'its CSI node plugin or mount helper is wedged';
  return {
    title: `the ${b.nfs ? 'NFS ' : ''}mount fails on ${where} only (${others})`,
    cause: `The same volume mounts on other nodes, so the storage server and the export answer: the fault is ${where} itself — ${client}.${b.nfs || b.signs.length > 0 ? ' Processes that touch a hung mount sleep uninterruptibly, so pods there cannot be killed either.' : ''}`,
    action: `Cordon ${where.replace(/^nodes? /, '')} so no new pod lands there, then drain it${b.stuck.length > 0 ? ' (a pod stuck Terminating there needs `kubectl delete pod --force --grace-period=0`)' : ''} and reboot or replace the node: a hung mount client does not recover by itself. Pods placed on other nodes mount the volume.`,
  };
}

function listNodeBoundEvidence(ev: TriageEvidence, b: NodeBoundMount): string[] {
  const mounters = b.mounters.slice(0, 3).map((p) => `${p.name} (${p.nodeName ?? '?'})`).join(', ');
  const out = [`mounted by ${b.mounters.length} ready pod${b.mounters.length === 1 ? '' : 's'} on other nodes: ${mounters}${b.mounters.length > 3 ? ', …' : ''}`];
  out.push(...collapseEvents(b.signs, { acrossObjects: false }).slice(0, 3).map((e) => formatEventLine(e, { withObject: true, maxLength: 300 })));
  out.push(...b.stuck.map((p) => `${p.name} on ${p.nodeName ?? '?'}: Terminating for ${formatAgo(p.deletionTimestamp ?? ev.collectedAt, ev.collectedAt).replace(/ ago$/, '')}`));
  return out;
}
