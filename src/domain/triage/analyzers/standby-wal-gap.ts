/**
 * The finding for a down dependency whose only serving member is a PostgreSQL standby that cannot
 * catch up (standby-wal-gap.ts): the Service (a read-only endpoint) has no ready pod because the
 * standby's lag never shrinks, and the clients' refused connections are the symptom.
 */
import type { DownServiceEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findCalledServiceFailures } from '../called-service.js';
import { listConfigMapsOf } from '../cluster-down.js';
import { formatKubectl } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import type { RemovedWal } from '../standby-wal-gap.js';

export function describeStandbyWalGap(ev: TriageEvidence, dep: DownServiceEvidence, pod: string, gap: RemovedWal): Finding {
  const svc = dep.service;
  const standby = dep.pods.find((p) => p.name === pod);
  const unready = dep.pods.filter((p) => !p.ready).length;
  const probe = dep.events.filter((e) => e.object.name === pod && /^Readiness probe failed/i.test(e.message)).sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0];
  const callers = findCalledServiceFailures(ev.logs, ev.services, ev.target).filter((f) => f.service === svc);
  const callerPods = unique(callers.map((f) => f.pod));
  // Its members share their config: the ConfigMap it mounts is where the primary's wal_keep_size is set too.
  const config = listConfigMapsOf(standby, 1)[0];
  const quoted = `requested WAL segment ${gap.segment} has already been removed`;
  const fix = `re-seed ${pod} from the primary (pg_basebackup into an emptied data directory, or the operator's reinit) and keep enough WAL for a standby that falls behind: raise wal_keep_size on the primary${config ? ` (set in ConfigMap ${config})` : ''} or give ${pod} a replication slot`;
  return {
    id: `dependency-unready/${svc}/standby-wal-removed`,
    kind: 'dependency-error',
    title: `Service ${svc} has no ready endpoint: its standby ${pod} cannot catch up — the primary already removed the WAL it needs ("${quoted}", ${gap.count} time${gap.count === 1 ? '' : 's'} in its log); ${unready}/${dep.pods.length} of its pods not ready${callerPods.length > 0 ? `; ${callers.length} refused call${callers.length === 1 ? '' : 's'} in the logs of ${callerPods.length} pod${callerPods.length === 1 ? '' : 's'}` : ''}`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      `log ${pod}: ${gap.line}`,
      ...(probe ? [`event ${pod}: ${probe.reason} (x${probe.count}): ${probe.message}`] : []),
      ...(config ? [`${pod} mounts ConfigMap ${config}`] : []),
      ...callers.slice(-1).map((f) => `log ${f.pod}: ${f.line.trim()}`),
    ],
    decisive: quoted,
    likelyCause:
      `${pod} is a streaming standby: it reconnects to the primary and asks for WAL segment ${gap.segment}, which the primary has already recycled — it was away longer than the WAL the primary keeps (wal_keep_size) covers, and no replication slot held that WAL for it. It can never catch up by streaming: it stays up, its lag only grows, its readiness check fails, and ${svc}, which selects it, has no ready endpoint, so its clients' connections are refused. The primary is fine; restarting ${pod} or the clients replays the same request.`,
    nextAction: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; ${ev.target.name} recovers once ${svc} has a ready endpoint (meanwhile its reads could go to the primary).`,
    fix,
    outsideWorkload: `${svc}'s standby ${pod} cannot catch up, and these pods only fail on it`,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${pod} --tail=50`),
      formatKubectl(ev.target, `exec ${pod} -- psql -U postgres -tAc "select status from pg_stat_wal_receiver"`),
    ],
    affected: { services: [svc], pods: callerPods },
  };
}
