/**
 * Pods sharing an embedded single-writer store (shared-store-lock.ts): SQLite, BoltDB,
 * LevelDB/RocksDB, H2, Derby, Prometheus' TSDB or the data directory of Elasticsearch, Kafka or
 * MongoDB on a volume two or more pods mount, so the second writer waits on the first's lock and
 * fails. Three ways pods come to share it, each with its own trigger and fix:
 * - replicas of one revision on one claim or NFS share: more replicas bring it on (a scale-up is
 *   its trigger), one replica undoes it, and the lasting fix is a store made for many writers;
 * - a rolling update that starts the new pod beside the old one, which holds the lock: any
 *   revision's rollout meets it (a rollback too), and the fix is to stop the old pod first
 *   (strategy Recreate);
 * - a hostPath, each node's own directory, shared by the pods the scheduler put on one node:
 *   what keeps them apart (required pod anti-affinity) or a directory per pod fixes it.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { getDesiredReplicas, listNodesOf, severityForPods } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { findSharedStoreLock, type SharedStoreLock, type SharedVolume } from '../shared-store-lock.js';
import { formatAgo } from '../time-span.js';
import { capitalize, joinAnd, truncate } from '../../text.js';

const HOST_KEY = 'kubernetes.io/hostname';

export function analyzeSharedStoreLock(ev: TriageEvidence): Finding[] {
  const lock = findSharedStoreLock(ev.pods, ev.logs, ev.pvcs);
  if (lock === undefined) return [];
  const names = lock.pods.map((p) => p.pod);
  const holders = ev.pods.filter((p) => lock.volume.pods.includes(p.name) && !names.includes(p.name));
  const surge = findSurgeHolder(ev, lock.volume, names, holders);
  if (surge !== undefined) return [describeSurge(ev, lock, surge)];
  if (lock.volume.kind === 'hostPath') return [describeHostPath(ev, lock, holders)];
  return [describeReplicas(ev, lock)];
}

/** Replicas of one revision on one claim or NFS share: more replicas bring it on. */
function describeReplicas(ev: TriageEvidence, lock: SharedStoreLock): Finding {
  const { store, volume } = lock;
  const names = lock.pods.map((p) => p.pod);
  const total = lock.pods.reduce((n, p) => n + p.errors, 0);
  const sharers = volume.pods.length;
  const where = describeVolume(volume);
  const file = volume.storePath !== undefined ? ` (${volume.storePath})` : '';
  const ref = formatWorkloadRef(ev.target);
  const recreate = ev.workload?.rolloutSettings?.strategy === 'Recreate';
  const owner = ev.workload?.replicasOwners?.[0];
  return {
    id: `resource-exhaustion/shared-store-lock/${volume.ref}`,
    kind: 'resource-exhaustion',
    title: `${store.name}${file} on ${where} is shared by ${sharers} pods: it takes one writer, so they wait on each other's file lock and fail — ${total} lock errors in the logs of ${joinAnd(names.slice(0, 2))}${names.length > 2 ? ` and ${names.length - 2} more` : ''}`,
    layer: 'storage',
    severity: severityForPods(ev, names.length),
    confidence: volume.storePath !== undefined ? 'high' : 'medium',
    evidence: [
      describeSharers(ev, volume),
      ...(volume.storePath !== undefined ? [`the ${store.name} store is configured at ${volume.storePath}, on that volume`] : []),
      ...describeErrors(lock),
      ...(recreate ? ['strategy Recreate: its pods never overlap, even in a rollout — built for one replica'] : []),
      ...(owner !== undefined ? [`spec.replicas last written by ${owner.manager}${owner.subresource ? ` through the ${owner.subresource} subresource` : ''}${owner.at ? ` ${formatAgo(owner.at, ev.collectedAt)}` : ''}`] : []),
    ],
    decisive: truncate(lock.quote, 220),
    scalesWithReplicas: true,
    ...(lock.onset !== undefined ? { onset: lock.onset } : {}),
    likelyCause: `${capitalize(store.writers)}. The ${sharers} pods open the same file on ${where}, so each write (or open) waits on a lock another pod holds and fails when its wait runs out; requests and probes that wait on it time out. One replica is what the store was built for; nothing is wrong with the volume itself.`,
    nextAction: `Scale ${ev.target.name} to one replica (${formatKubectl(ev.target, `scale ${ref} --replicas=1`)}), then ${store.fix}.`,
    fix: store.fix,
    confirmCommands: confirm(ev, lock),
    affected: { pods: names, nodes: listNodesOf(ev.pods.filter((p) => names.includes(p.name))) },
  };
}

/**
 * A pod of an older revision that holds the lock while the locked pods are the newest revision's,
 * of a Deployment or DaemonSet: its rolling update started them beside it (a StatefulSet stops a
 * pod before it starts its replacement). Only where the rollout is what brings two pods onto the
 * volume: a hostPath (one directory per node), or a claim of a Deployment of one replica — more
 * replicas on one claim share it whatever the strategy.
 */
function findSurgeHolder(ev: TriageEvidence, volume: SharedVolume, locked: readonly string[], holders: readonly PodEvidence[]): { holder: PodEvidence; from?: number; to: number } | undefined {
  if (ev.target.kind !== 'Deployment' && ev.target.kind !== 'DaemonSet') return undefined;
  if (ev.workload?.rolloutSettings?.strategy === 'Recreate') return undefined;
  if (volume.kind !== 'hostPath' && (ev.target.kind !== 'Deployment' || getDesiredReplicas(ev) > 1)) return undefined;
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined) return undefined;
  const lockedPods = ev.pods.filter((p) => locked.includes(p.name));
  if (lockedPods.length === 0 || !lockedPods.every((p) => p.revisionHash === newest.hash)) return undefined;
  const holder = holders.find((p) => p.revisionHash !== undefined && p.revisionHash !== newest.hash && p.deletionTimestamp === undefined && p.phase === 'Running');
  if (holder === undefined) return undefined;
  const from = ev.revisions.find((r) => r.hash === holder.revisionHash)?.revision;
  return { holder, ...(from !== undefined ? { from } : {}), to: newest.revision };
}

/** The old pod holds the lock and the rolling update starts the new one beside it: the new one can never take it. */
function describeSurge(ev: TriageEvidence, lock: SharedStoreLock, surge: { holder: PodEvidence; from?: number; to: number }): Finding {
  const { store, volume } = lock;
  const names = lock.pods.map((p) => p.pod);
  const where = describeVolume(volume);
  const ref = formatWorkloadRef(ev.target);
  const { holder } = surge;
  const old = `pod ${holder.name}${surge.from !== undefined ? ` (revision ${surge.from})` : ''}`;
  const nodes = listNodesOf(ev.pods.filter((p) => names.includes(p.name)));
  const sameNode = holder.nodeName !== undefined && nodes.length === 1 && nodes[0] === holder.nodeName ? ' on the same node' : '';
  const strategy = ev.target.kind === 'Deployment' ? `strategy ${ev.workload?.rolloutSettings?.strategy ?? 'RollingUpdate'}` : 'a rolling update with surge';
  const deployment = ev.target.kind === 'Deployment';
  const fix = deployment ? `set strategy Recreate on ${ref} (or run it as a StatefulSet), so the old pod stops before the new one starts` : `set maxSurge 0 in the rolling update of ${ref}, so the old pod stops before the new one starts`;
  const crash = lock.crashing.find((c) => names.includes(c.pod));
  const fails = crash !== undefined ? `the new pod ${crash.pod} exits at every start (${crash.restarts} restarts)` : `the new pod ${joinAnd(names.slice(0, 2))} fails on it (${lock.pods.reduce((n, p) => n + p.errors, 0)} lock errors)`;
  return {
    id: `resource-exhaustion/shared-store-lock/${volume.ref}`,
    kind: 'resource-exhaustion',
    title: `${store.name}'s ${store.lock} on ${where} is held by the old ${old}, and the rolling update (${strategy}) starts revision ${surge.to}'s pod beside it${sameNode}: ${fails}`,
    layer: 'storage',
    severity: severityForPods(ev, names.length),
    confidence: 'high',
    evidence: [
      describeSharers(ev, volume),
      `${old} on node ${holder.nodeName ?? '?'} is ${holder.ready ? 'Ready' : holder.phase} and holds the store open`,
      `${ref}: ${strategy} — the new pod starts before the old one stops`,
      ...describeErrors(lock),
    ],
    decisive: truncate(lock.quote, 220),
    ...(lock.onset !== undefined ? { onset: lock.onset } : {}),
    likelyCause: `${capitalize(store.writers)}. ${capitalize(ref)} keeps its data on ${where}, and its rolling update starts the new pod before it stops the old one${volume.claim?.accessModes.includes('ReadWriteOnce') && sameNode ? ' (a ReadWriteOnce claim lets every pod of one node mount it)' : ''}: the new pod finds the lock held by the old one and fails, so the rollout never finishes while the old pod keeps serving. The new revision is not at fault: any revision's rollout, a rollback's too, meets the same lock.`,
    nextAction: `${capitalize(fix)}; the rollout then completes with a short gap in service. A rollback would not help: its new pod would meet the same lock.`,
    fix,
    outsideWorkload: `it is only the occasion — any revision's new pod meets the lock the old pod holds, a rollback's too`,
    confirmCommands: [
      ...confirm(ev, lock),
      ...(deployment ? [formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.strategy}'`)] : []),
    ],
    affected: { pods: names, nodes },
  };
}

/** Pods the scheduler put on one node share a hostPath: nothing keeps them apart. */
function describeHostPath(ev: TriageEvidence, lock: SharedStoreLock, holders: readonly PodEvidence[]): Finding {
  const { store, volume } = lock;
  const names = lock.pods.map((p) => p.pod);
  const node = volume.node ?? '?';
  const held = holders.find((p) => p.phase === 'Running' && p.deletionTimestamp === undefined) ?? holders[0];
  const holder = held?.name ?? joinAnd(volume.pods.filter((p) => !names.includes(p)));
  const crash = lock.crashing.find((c) => names.includes(c.pod));
  const locked = joinAnd(names.slice(0, 2));
  const fails = crash !== undefined ? `${crash.pod} cannot take it and exits at every start (${crash.restarts} restarts)` : `${locked} cannot take it (${lock.pods.reduce((n, p) => n + p.errors, 0)} lock errors)`;
  const apart = ev.pods.filter((p) => volume.pods.includes(p.name)).some((p) => (p.placement?.requiredPodAntiAffinity ?? []).some((t) => t.topologyKey === HOST_KEY));
  const mount = volume.mountPath !== undefined ? ` (mounted at ${volume.mountPath})` : '';
  const fix = `require pod anti-affinity on ${HOST_KEY} (one pod per node), or give each pod its own volume (volumeClaimTemplates, local PVs)`;
  return {
    id: `resource-exhaustion/shared-store-lock/hostPath:${node}:${volume.ref}`,
    kind: 'resource-exhaustion',
    title: `${store.name}'s ${store.lock} on the hostPath ${volume.ref} is held by ${holder}, on the same node ${node}: ${fails}`,
    layer: 'storage',
    severity: severityForPods(ev, names.length),
    confidence: crash !== undefined ? 'high' : 'medium',
    evidence: [
      describeSharers(ev, volume),
      apart ? `the pods require anti-affinity on ${HOST_KEY}, yet share node ${node}` : `no required pod anti-affinity on ${HOST_KEY}: nothing keeps two pods of ${ev.target.name} off one node`,
      ...describeErrors(lock),
    ],
    decisive: truncate(lock.quote, 220),
    ...(lock.onset !== undefined ? { onset: lock.onset } : {}),
    sharedHostPath: volume.ref,
    likelyCause: `${capitalize(store.writers)}. A hostPath is the node's own directory: every pod of ${ev.target.name} the scheduler puts on node ${node} mounts the same ${volume.ref}${mount}${apart ? '' : ', and no required anti-affinity keeps two of them apart'}. ${holder} opened it first; the other finds the lock held and fails. The volume and the data are fine: two pods must not share one data directory.`,
    nextAction: `${capitalize(fix)}.`,
    fix,
    confirmCommands: [
      ...confirm(ev, lock),
      formatKubectl(ev.target, `get pods -o wide --field-selector spec.nodeName=${node}`),
    ],
    affected: { pods: names, nodes: [node] },
  };
}

function describeSharers(ev: TriageEvidence, volume: SharedVolume): string {
  const sharers = volume.pods.length;
  return `${describeVolume(volume)} is mounted by ${sharers} pods of ${ev.target.name}: ${joinAnd(volume.pods.slice(0, 3))}${sharers > 3 ? ` and ${sharers - 3} more` : ''}${volume.mountPath !== undefined ? ` at ${volume.mountPath}` : ''}`;
}

function describeErrors(lock: SharedStoreLock): string[] {
  const names = lock.pods.map((p) => p.pod);
  return [
    ...lock.pods.slice(0, 3).map((p) => `${p.pod}: ${p.errors} ${lock.store.name} lock error${p.errors === 1 ? '' : 's'}`),
    ...lock.crashing.slice(0, 3).map((c) => `${c.pod}: its last run ended on the lock; ${c.restarts} restarts`),
    // A long record (JSON, a stack trace on one line) is cut to the store's own words for the lock.
    lock.line.length > 300 && lock.quote !== lock.line ? `log ${names[names.length - 1] ?? ''} (excerpt): …${lock.quote}…` : `log ${names[names.length - 1] ?? ''}: ${truncate(lock.line, 300)}`,
  ];
}

function confirm(ev: TriageEvidence, lock: SharedStoreLock): string[] {
  const names = lock.pods.map((p) => p.pod);
  const ref = formatWorkloadRef(ev.target);
  return [
    formatKubectl(ev.target, `logs ${names[0] ?? ''} ${lock.crashing.length > 0 ? '--previous ' : ''}--tail=200 | grep -i lock`),
    formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.replicas} {.spec.strategy.type}'`),
    ...(lock.volume.kind === 'pvc' ? [formatKubectl(ev.target, `get pvc ${lock.volume.ref} -o jsonpath='{.spec.accessModes} {.spec.storageClassName}'`)] : []),
  ];
}

/** "the ReadWriteMany (RWX) claim data (efs-sc)", "the NFS share fs:/export", "the hostPath /mnt/data of node n1". */
function describeVolume(v: SharedVolume): string {
  if (v.kind === 'nfs') return `the NFS share ${v.ref}`;
  if (v.kind === 'hostPath') return `the hostPath ${v.ref} of node ${v.node ?? '?'}`;
  const modes = v.claim?.accessModes ?? [];
  const mode = modes.includes('ReadWriteMany') ? 'ReadWriteMany (RWX) ' : modes.length > 0 ? `${modes.join('/')} ` : '';
  const cls = v.claim?.storageClass !== undefined ? ` (${v.claim.storageClass})` : '';
  return `the ${mode}claim ${v.ref}${cls}`;
}
