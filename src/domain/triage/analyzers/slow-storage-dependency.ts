/**
 * The finding for a dependency slow because its volume is (slow-storage.ts): the workload's queries
 * time out, the dependency's own log says its writes wait minutes on the disk, and the claim it
 * mounts says what the disk can do. The volume has run out of throughput; the workload, the
 * queries and the database process are where it shows.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { describeVolumeThroughput, findSlowStorage, isBurstVolume } from '../slow-storage.js';
import { truncate } from '../../text.js';

export interface SlowCalls {
  count: number;
  example: { pod: string; line: string };
  pods: readonly string[];
  podObjects: readonly PodEvidence[];
  unhealthy: number;
}

export function describeSlowStorageDependency(ev: TriageEvidence, calls: SlowCalls): Finding | undefined {
  const found = (ev.dependencyPods ?? []).flatMap((d) => {
    const slow = findSlowStorage(d.logs.flatMap((l) => l.lines));
    return slow === undefined ? [] : [{ d, slow }];
  })[0];
  if (found === undefined) return undefined;
  const { d, slow } = found;
  const claim = d.claims?.[0];
  const throughput = claim === undefined ? undefined : describeVolumeThroughput(claim);
  const burst = claim !== undefined && isBurstVolume(claim);
  const volume = claim === undefined ? 'its volume' : `its volume ${claim.name}${throughput ? ` (${throughput})` : ''}`;
  const range = slow.bestSeconds === slow.worstSeconds ? `${slow.worstSeconds} s` : `${slow.bestSeconds}–${slow.worstSeconds} s`;
  const title = `${d.service} is starved of disk I/O on ${volume}: ${slow.count} disk syncs took ${range} in ${d.pod.name}'s log, so ${ev.target.name}'s queries time out (${calls.count} slow-call lines in ${calls.pods.length} pod${calls.pods.length === 1 ? '' : 's'})`;
  const cause = burst
    ? `A gp2 volume's baseline is 3 IOPS per GiB; it bursts to 3000 IOPS on a credit balance that a long I/O-heavy run (a REINDEX, a VACUUM FULL, a backup, a bulk load) drains. Once the balance is spent the volume is held to its baseline, so every write waits on the disk: checkpoints take minutes to sync and statements that took milliseconds take seconds.`
    : `Every write waits on the disk: checkpoints take minutes to sync and statements that took milliseconds take seconds. The volume gives less throughput than the database's writes need (a throttled or burst-limited volume, a noisy neighbour on the storage, a heavy job on the same disk).`;
  const fix = burst
    ? `move ${claim?.name ?? 'the volume'} to gp3 (or provisioned IOPS, or a gp2 volume large enough for the baseline it needs), and keep heavy maintenance within the burst budget`
    : `give ${d.service}'s volume the throughput its writes need (a faster class, provisioned IOPS), and stop or throttle what loads it`;
  return {
    id: `slow-dependency/storage/${d.service}`,
    kind: 'slow-dependency',
    title,
    layer: 'storage',
    severity: calls.unhealthy > 0 ? severityForPods(ev, calls.unhealthy) : 'warning',
    confidence: claim !== undefined ? 'high' : 'medium',
    evidence: [
      `log ${d.pod.name}: ${truncate(slow.line, 300)}`,
      ...(claim !== undefined ? [`${d.pod.name} mounts claim ${claim.name}: storage class ${claim.storageClass ?? 'default'}, ${claim.capacity ?? claim.requested ?? 'size unknown'}${throughput ? ` (${throughput})` : ''}`] : []),
      `log ${calls.example.pod}: ${truncate(calls.example.line, 300)}`,
    ],
    decisive: truncate(slow.line, 200),
    likelyCause: `${d.service}'s own log says its writes wait on the disk (${slow.count} syncs of ${range}). ${cause} ${ev.target.name} is the victim: more replicas or longer timeouts only queue more work on the disk.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; check the volume's burst balance and IOPS in the cloud console.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${d.pod.name} --tail=200`), ...(claim !== undefined ? [formatKubectl(ev.target, `get pvc ${claim.name} -o wide`)] : [])],
    affected: { pods: [...calls.pods], nodes: listNodesOf([...calls.podObjects]) },
  };
}
