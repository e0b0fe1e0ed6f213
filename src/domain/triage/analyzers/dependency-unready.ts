/**
 * A dependency of the namespace whose pods run but are not ready, and whose own log says why it
 * will not serve: the workload's connection errors and failing readiness are the symptom, the
 * dependency's state is the cause. Read one hop away (DownServiceEvidence.logs).
 */
import type { DownServiceEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findCalledServiceFailures, listOwnServiceNames } from '../called-service.js';
import { findEnvNamingService } from '../env-service-ref.js';
import { formatKubectl } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { findMissingMember, isRemovedMember } from '../replica-set-membership.js';
import { findRemovedWal } from '../standby-wal-gap.js';
import { describeStandbyWalGap } from './standby-wal-gap.js';

export function analyzeDependencyUnready(ev: TriageEvidence): Finding[] {
  const own = listOwnServiceNames(ev.services, ev.pods);
  return (ev.downServices ?? []).flatMap((dep) => {
    if (own.has(dep.service) || dep.logs === undefined || dep.logs.length === 0) return [];
    const named = findEnvNamingService(ev.pods.flatMap((p) => p.containers), dep.service, ev.target.namespace) !== undefined || findCalledServiceFailures(ev.logs, ev.services, ev.target, own).some((f) => f.service === dep.service);
    if (!named) return [];
    for (const log of dep.logs) {
      const missing = findMissingMember(log.lines);
      if (missing) return [describeMissingMember(ev, dep, log.pod, missing, isRemovedMember(log.lines))];
      const gap = findRemovedWal(log.lines);
      if (gap) return [describeStandbyWalGap(ev, dep, log.pod, gap)];
    }
    return [];
  });
}

function describeMissingMember(ev: TriageEvidence, dep: DownServiceEvidence, pod: string, m: ReturnType<typeof findMissingMember> & object, removed: boolean): Finding {
  const svc = dep.service;
  const set = m.replicaSet ?? 'the replica set';
  const unready = dep.pods.filter((p) => p.phase === 'Running' && !p.ready).map((p) => p.name);
  const hosts = m.hosts.join(', ');
  const stable = `${dep.pods[0]?.name ?? `${svc}-0`}.${svc}.${ev.target.namespace}.svc.cluster.local`;
  const fix = m.byIp
    ? `force-reconfigure ${set} (rs.reconfig(cfg, {force: true}) on one member) with the members' stable DNS hostnames (${stable}, …) instead of pod IPs`
    : `reconfigure ${set} so its members' hosts match the pods' names (rs.reconfig with force on one member)`;
  const callers = unique(findCalledServiceFailures(ev.logs, ev.services, ev.target).filter((f) => f.service === svc).map((f) => f.pod));
  return {
    id: `dependency-unready/${svc}/replica-set-member`,
    kind: 'dependency-error',
    title: `MongoDB ${svc} has no primary: its member ${pod} finds no entry for itself in ${set}'s stored config${m.byIp ? ` — the config names members by pod IP (${hosts}), and the pods now have new IPs` : ''}${removed ? ' (state REMOVED)' : ''}; ${unready.length}/${dep.pods.length} of its pods not ready`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      `log ${pod}: ${m.said}`,
      ...(hosts ? [`${set} stored members: ${hosts}`] : []),
      `pods of ${svc} running but not ready: ${unready.join(', ') || 'none'}`,
      ...(callers.length > 0 ? [`${callers.length} pod(s) of ${ev.target.name} log failures reaching ${svc}`] : []),
    ],
    decisive: m.said,
    likelyCause:
      `Each member of ${set} starts with its data intact but finds no member of its stored replica set configuration that maps to itself (NodeNotFound), so it goes to REMOVED and no member can become primary; every client waits for a primary (ReplicaSetNoPrimary / server selection timeouts) and reports not ready.` +
      (m.byIp ? ` The configuration names the members by pod IP (${hosts}): the pods were rescheduled (a node rotation or drain) and got new IPs, so no stored host is any of them now. Stable names (the headless Service's ${stable}) survive a reschedule; IPs do not.` : '') +
      ' The data on the volumes is fine; restarting pods will not help.',
    nextAction: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; then ${ev.target.name} reconnects by itself.`,
    fix,
    outsideWorkload: `${svc}'s replica set ${set} has no primary, and these pods only fail on it`,
    confirmCommands: [formatKubectl(ev.target, `logs ${pod} --tail=100`), formatKubectl(ev.target, `exec ${pod} -- mongosh --quiet --eval 'rs.status()'`)],
    // The workload's own unready pods too: their failing probes are this finding's effect.
    affected: { services: [svc], pods: unique([...ev.pods.filter((p) => !p.ready).map((p) => p.name), ...callers]) },
  };
}
