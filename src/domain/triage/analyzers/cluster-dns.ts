import type { TriageEvidence } from '../evidence.js';
import { findLog } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { getLastTermination, getWaiting, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { podState } from '../pod-state.js';
import { usesClusterDns } from '../pod-resolver.js';
import { parseDependencyError } from '../dependency-error-line.js';
import { findDnsConfigError } from '../dns-config-error.js';
import { formatAgo } from '../time-span.js';

/**
 * The cluster DNS itself is down or degraded (CoreDNS pods not ready, crash-looping) while this
 * workload's lookups fail: the resolver, not the names, is the cause. Read only when this
 * workload's logs show DNS failures, so a CoreDNS blip never becomes someone else's verdict.
 */
export function analyzeClusterDns(ev: TriageEvidence): Finding[] {
  const dns = ev.dns;
  if (dns === undefined || dns.pods.length === 0) return [];
  // A pod with its own resolver (dnsPolicy None or Default) never asks the cluster DNS: its failed lookups are not CoreDNS's.
  const asksClusterDns = (name: string): boolean => {
    const pod = ev.pods.find((p) => p.name === name);
    return pod === undefined || usesClusterDns(pod);
  };
  const lookups = ev.logs.filter((l) => asksClusterDns(l.pod)).flatMap((l) => l.lines.filter((line) => parseDependencyError(line)?.problem.startsWith('dns')).map((line) => ({ pod: l.pod, line })));
  if (lookups.length === 0) return [];
  const unready = dns.pods.filter((p) => !p.ready);
  if (unready.length === 0) return [];
  const ready = dns.pods.length - unready.length;
  const states = unique(unready.map(podState));
  const first = unready[0];
  const c = first?.containers[0];
  const last = c ? getLastTermination(c) : undefined;
  const log = first && c ? (dns.logs ?? []).find((l) => l.pod === first.name && l.previous) ?? findLog(ev, first.name, c.name) : undefined;
  // The crashing replica's own log: a Corefile that does not parse is the cause, its ConfigMap's edit the change.
  const broken = findDnsConfigError(dns);
  const cm = dns.config;
  const editedAgo = broken !== undefined && cm?.changedAt !== undefined && cm.changedAt !== cm.createdAt ? formatAgo(cm.changedAt, ev.collectedAt) : undefined;
  const edited = editedAgo === undefined || cm === undefined ? undefined : `${cm.namespace}/${cm.name} ConfigMap last edited ${editedAgo}`;
  const where = cm !== undefined ? `${cm.namespace}/${cm.name}` : `${dns.namespace}/coredns`;
  const pods = unique(lookups.map((l) => l.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const lastExit = last ? `, last exit ${last.exitCode}${last.reason ? ` ${last.reason}` : ''}` : '';
  return [
    {
      id: 'cluster-dns',
      kind: 'cluster-dns',
      title: `Cluster DNS is ${ready === 0 ? 'down' : 'degraded'}: ${ready}/${dns.pods.length} ${first?.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, '') ?? 'DNS'} pods ready in ${dns.namespace} (${states.join(', ')}${lastExit})${broken ? ` because its Corefile (${where}) does not parse${editedAgo ? `, edited ${editedAgo}` : ''}` : ''}, so lookups from ${pods.length} pod${pods.length === 1 ? '' : 's'} fail`,
      layer: 'network/routing',
      severity: podObjects.length > 0 ? severityForPods(ev, podObjects.length) : 'critical',
      confidence: 'high',
      evidence: [
        ...unready.slice(0, 3).map((p) => `${dns.namespace}/${p.name} on ${p.nodeName ?? 'no node'}: ${podState(p)}${p.containers[0] && getWaiting(p.containers[0])?.message ? ` (${getWaiting(p.containers[0])?.message ?? ''})` : ''}`),
        `lookup failure in ${lookups[0]?.pod ?? ''}: ${lookups[0]?.line.trim() ?? ''}`,
        ...(broken ? [`${broken.pod}: ${broken.line}`, ...(broken.refused ? [`${broken.refused.pod} (ready): ${broken.refused.line}`] : []), ...(edited ? [edited] : [])] : log ? log.lines.slice(-2).map((l) => `${first?.name ?? ''}: ${l}`) : []),
      ],
      decisive: broken?.line ?? lookups[0]?.line.trim() ?? '',
      // The title dates the Corefile's edit: that is the change, whenever the failures began.
      ...(editedAgo !== undefined ? { datesChange: true as const } : {}),
      likelyCause: broken
        ? `The workload's names are fine; the cluster DNS cannot start its replacement replicas because its Corefile does not parse (${broken.line})${edited ? ` — the ${edited}` : ''}. ` +
          `${broken.refused ? 'The replicas already running refused that edit at reload ("Restart failed") and still serve the old configuration, so fewer replicas carry the whole cluster' : 'The replicas still running serve their old configuration until they restart too'}; any DNS pod that restarts now will crash-loop the same way. Every workload of the cluster that resolves names is affected, not only this one.`
        : `The workload's names are fine; the resolver does not answer because the cluster DNS pods are not ready. Every workload of the cluster that resolves names is affected, not only this one.`,
      nextAction: broken
        ? `Treat it as a cluster incident: fix the Corefile line the log names in ${where} (kubectl -n ${cm?.namespace ?? dns.namespace} edit configmap ${cm?.name ?? 'coredns'}), or revert that edit; do not restart the running DNS pods before it parses. The crash-looping pod then starts and this workload recovers by itself.`
        : `Treat it as a cluster incident: look at the DNS pods' logs and recent changes to their ConfigMap (kubectl -n ${dns.namespace} get configmap coredns -o yaml) and restore them; this workload recovers by itself.`,
      fix: broken ? `fix the Corefile in ${where} (the line the crashing DNS pod's log names), or revert its last edit` : `restore the cluster DNS (${dns.namespace} coredns)`,
      confirmCommands: [
        formatKubectl(ev.target, `get pods -n ${dns.namespace} -l k8s-app=kube-dns -o wide`, 'cluster'),
        ...(first && c ? [formatKubectl(ev.target, `logs -n ${dns.namespace} ${first.name} -c ${c.name} --previous --tail=50`, 'cluster')] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
