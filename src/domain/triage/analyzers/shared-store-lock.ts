/**
 * Replicas sharing an embedded single-writer store (shared-store-lock.ts): SQLite, BoltDB,
 * LevelDB/RocksDB, H2, Derby or Prometheus' TSDB on a claim two or more pods mount, so the second
 * writer waits on the first's lock and fails. More replicas bring it on — a scale-up is its
 * trigger and one replica undoes it — and the lasting fix is a store made for many writers.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findSharedStoreLock, type SharedVolume } from '../shared-store-lock.js';
import { formatAgo } from '../time-span.js';
import { capitalize, joinAnd, truncate } from '../../text.js';

export function analyzeSharedStoreLock(ev: TriageEvidence): Finding[] {
  const lock = findSharedStoreLock(ev.pods, ev.logs, ev.pvcs);
  if (lock === undefined) return [];
  const { store, volume } = lock;
  const names = lock.pods.map((p) => p.pod);
  const total = lock.pods.reduce((n, p) => n + p.errors, 0);
  const sharers = volume.pods.length;
  const where = describeVolume(volume);
  const file = volume.storePath !== undefined ? ` (${volume.storePath})` : '';
  const ref = formatWorkloadRef(ev.target);
  const recreate = ev.workload?.rolloutSettings?.strategy === 'Recreate';
  const owner = ev.workload?.replicasOwners?.[0];
  const decisive = truncate(lock.line, 220);
  return [
    {
      id: `resource-exhaustion/shared-store-lock/${volume.ref}`,
      kind: 'resource-exhaustion',
      title: `${store.name}${file} on ${where} is shared by ${sharers} pods: it takes one writer, so they wait on each other's file lock and fail — ${total} lock errors in the logs of ${joinAnd(names.slice(0, 2))}${names.length > 2 ? ` and ${names.length - 2} more` : ''}`,
      layer: 'storage',
      severity: severityForPods(ev, names.length),
      confidence: volume.storePath !== undefined ? 'high' : 'medium',
      evidence: [
        `${where} is mounted by ${sharers} pods of ${ev.target.name}: ${joinAnd(volume.pods.slice(0, 3))}${sharers > 3 ? ` and ${sharers - 3} more` : ''}${volume.mountPath !== undefined ? ` at ${volume.mountPath}` : ''}`,
        ...(volume.storePath !== undefined ? [`the ${store.name} store is configured at ${volume.storePath}, on that volume`] : []),
        ...lock.pods.slice(0, 3).map((p) => `${p.pod}: ${p.errors} ${store.name} lock error${p.errors === 1 ? '' : 's'}`),
        `log ${names[names.length - 1] ?? ''}: ${truncate(lock.line, 300)}`,
        ...(recreate ? ['strategy Recreate: its pods never overlap, even in a rollout — built for one replica'] : []),
        ...(owner !== undefined ? [`spec.replicas last written by ${owner.manager}${owner.subresource ? ` through the ${owner.subresource} subresource` : ''}${owner.at ? ` ${formatAgo(owner.at, ev.collectedAt)}` : ''}`] : []),
      ],
      decisive,
      scalesWithReplicas: true,
      ...(lock.onset !== undefined ? { onset: lock.onset } : {}),
      likelyCause: `${capitalize(store.writers)}. The ${sharers} pods open the same file on ${where}, so each write (or open) waits on a lock another pod holds and fails when its wait runs out; requests and probes that wait on it time out. One replica is what the store was built for; nothing is wrong with the volume itself.`,
      nextAction: `Scale ${ev.target.name} to one replica (${formatKubectl(ev.target, `scale ${ref} --replicas=1`)}), then ${store.fix}.`,
      fix: store.fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${names[0] ?? ''} --tail=200 | grep -i -e locked -e lock`),
        formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.replicas} {.spec.strategy.type}'`),
        ...(volume.kind === 'pvc' ? [formatKubectl(ev.target, `get pvc ${volume.ref} -o jsonpath='{.spec.accessModes} {.spec.storageClassName}'`)] : []),
      ],
      affected: { pods: names, nodes: listNodesOf(ev.pods.filter((p) => names.includes(p.name))) },
    },
  ];
}

/** "the ReadWriteMany (RWX) claim data (efs-sc)", "the NFS share fs:/export". */
function describeVolume(v: SharedVolume): string {
  if (v.kind === 'nfs') return `the NFS share ${v.ref}`;
  const modes = v.claim?.accessModes ?? [];
  const mode = modes.includes('ReadWriteMany') ? 'ReadWriteMany (RWX) ' : modes.length > 0 ? `${modes.join('/')} ` : '';
  const cls = v.claim?.storageClass !== undefined ? ` (${v.claim.storageClass})` : '';
  return `the ${mode}claim ${v.ref}${cls}`;
}
