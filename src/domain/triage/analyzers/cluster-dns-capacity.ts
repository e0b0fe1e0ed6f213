import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findDnsShortfall } from '../dns-capacity.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { usesClusterDns } from '../pod-resolver.js';
import { formatAgo } from '../time-span.js';
import { parseDependencyError } from '../dependency-error-line.js';

/**
 * The cluster DNS is up but too small for its load: its pods are ready, yet this workload's
 * lookups time out (EAI_AGAIN, "Temporary failure in name resolution") while a single replica,
 * a CPU limit that throttles it, or a recent scale-down (its autoscaler's ConfigMap edited) leaves
 * it short. The names and the dependencies are fine; every workload of the cluster suffers.
 */
export function analyzeClusterDnsCapacity(ev: TriageEvidence): Finding[] {
  const dns = ev.dns;
  if (dns === undefined || dns.pods.length === 0 || dns.pods.some((p) => !p.ready)) return [];
  const asksClusterDns = (name: string): boolean => {
    const pod = ev.pods.find((p) => p.name === name);
    return pod === undefined || usesClusterDns(pod);
  };
  const lookups = ev.logs.filter((l) => asksClusterDns(l.pod)).flatMap((l) => l.lines.filter((line) => parseDependencyError(line)?.problem === 'dns-unavailable').map((line) => ({ pod: l.pod, line })));
  if (lookups.length === 0) return [];
  const short = findDnsShortfall(dns, ev.collectedAt);
  if (short === undefined) return [];
  const deployment = dns.capacity?.deployment ?? 'coredns';
  const ns = dns.namespace;
  const now = ev.collectedAt;
  const scaled = short.scaledDown ? /from \d+ to \d+/.exec(short.scaledDown.message)?.[0] : undefined;
  const edited = short.configChanges[0];
  const replicas = short.replicas === 1 ? 'a single replica' : `${short.replicas} replicas`;
  const pods = unique(lookups.map((l) => l.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => isPodFailing(p, now));
  const title = [
    `Cluster DNS is short of capacity: ${deployment} (${ns}) runs ${replicas}`,
    short.cpuLimit ? ` with a ${short.cpuLimit} CPU limit (throttled under load)` : '',
    scaled && short.scaledDown ? `, scaled down ${scaled} ${formatAgo(short.scaledDown.firstSeen, now)}` : '',
    edited?.changedAt ? ` after ConfigMap ${edited.name} was edited ${formatAgo(edited.changedAt, now)}` : '',
    `, so lookups from ${pods.length} pod${pods.length === 1 ? '' : 's'} time out intermittently`,
  ].join('');
  const evidence = [
    `${ns}/${deployment}: ${dns.pods.length} pod${dns.pods.length === 1 ? '' : 's'}, all ready (${dns.pods.map((p) => p.name).slice(0, 3).join(', ')})`,
    ...(short.cpuLimit ? [`container ${dns.pods[0]?.containers[0]?.name ?? deployment}: CPU limit ${short.cpuLimit}: a DNS burst is throttled, queries queue and time out`] : []),
    ...(short.scaledDown ? [`${short.scaledDown.reason} ${formatAgo(short.scaledDown.firstSeen, now)}: ${short.scaledDown.message}`] : []),
    ...short.configChanges.slice(0, 2).map((c) => `ConfigMap ${ns}/${c.name} changed ${formatAgo(c.changedAt ?? now, now)}`),
    `lookup failure in ${lookups[lookups.length - 1]?.pod ?? ''}: ${lookups[lookups.length - 1]?.line.trim() ?? ''}`,
  ];
  const restore = edited ? `restore the parameters in ConfigMap ${ns}/${edited.name} (min 2 or more, preventSinglePointFailure true)` : `scale ${deployment} back to at least 2 replicas`;
  return [
    {
      id: 'cluster-dns-capacity',
      kind: 'cluster-dns',
      title,
      // The scale-down, or the edit of the autoscaler's parameters behind it, is the change.
      ...((scaled && short.scaledDown) || edited?.changedAt ? { datesChange: true } : {}),
      layer: 'network/routing',
      severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
      confidence: short.scaledDown !== undefined || (short.replicas === 1 && short.cpuLimit !== undefined) ? 'high' : 'medium',
      evidence,
      decisive: lookups[lookups.length - 1]?.line.trim() ?? '',
      likelyCause: `The cluster DNS answers every pod of the cluster with ${replicas}${short.cpuLimit ? `, and its ${short.cpuLimit} CPU limit throttles it when the query rate rises` : ''}${scaled ? ` (scaled down ${scaled}${edited ? ` after ${edited.name} was edited` : ''})` : ''}: under load it answers late or not at all and upstream forwards time out, so lookups fail now and then across the cluster. The names and the dependencies are fine; this workload is a victim.`,
      nextAction: `Treat it as a cluster incident: ${restore}${short.cpuLimit ? `, and remove or raise the ${short.cpuLimit} CPU limit of ${deployment}` : ''}; consider NodeLocal DNSCache. This workload recovers by itself; do not roll it back.`,
      fix: `${restore}${short.cpuLimit ? ` and lift the ${short.cpuLimit} CPU limit of ${deployment}` : ''}`,
      outsideWorkload: `the cluster DNS (${ns}/${deployment}) is short of capacity, whatever revision runs here`,
      confirmCommands: [
        formatKubectl(ev.target, `get deployment ${deployment} -n ${ns} -o wide`, 'cluster'),
        ...(edited ? [formatKubectl(ev.target, `get configmap ${edited.name} -n ${ns} -o yaml`, 'cluster')] : []),
        formatKubectl(ev.target, `top pods -n ${ns} -l k8s-app=kube-dns`, 'cluster'),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
