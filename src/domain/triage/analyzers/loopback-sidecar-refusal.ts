// The app's connections to 127.0.0.1 fail (refused, closed, reset) at the port a sidecar of its pod
// serves, and that sidecar logs its own refusal (loopback-sidecar-refusal.ts): the sidecar in front
// of the dependency is refused, so the app's errors, its failed probes and its empty Service are
// that refusal. A denial of the sidecar's identity is fixed where the identity's roles are granted.
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeSidecarRefusal, findLoopbackSidecarRefusal } from '../loopback-sidecar-refusal.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

export function analyzeLoopbackSidecarRefusal(ev: TriageEvidence): Finding[] {
  const r = findLoopbackSidecarRefusal(ev.pods, ev.logs, ev.collectedAt);
  if (r === undefined) return [];
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const failing = podObjects.filter((p) => !p.ready);
  const since = r.since === undefined ? '' : `, since ${formatAgo(r.since, ev.collectedAt)}`;
  const d = r.denial;
  const what = d?.permission !== undefined ? `the permission ${d.permission}` : 'access to the dependency';
  const logs = formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} -c ${r.sidecar} --tail=200`);
  const cause = d !== undefined
    ? `The API or server behind ${r.sidecar} refuses the identity it authenticates as (${[d.status, d.code].filter((x) => x !== undefined).join(' ')}${d.permission !== undefined ? `, missing permission ${d.permission}` : ''}): the pod's service account, or the cloud identity it is bound to (workload identity, IRSA), lost a role or a binding, or the sidecar now asks for a resource it may not use. Open connections survive until the sidecar must refresh its credentials or certificate, so it starts at a refresh rather than at a change in the cluster, and every pod of any revision is refused alike.`
    : `${r.sidecar} accepts ${r.client}'s connections and opens its own to the dependency; it logs why it cannot, and closes ${r.client}'s connection instead. ${r.client}'s connection errors, its failed probes and its missing endpoints are that refusal, not a fault of ${r.client}.`;
  return [
    {
      id: `dependency-error/sidecar-${r.sidecar}`,
      kind: 'dependency-error',
      title: `${r.sidecar}, the sidecar in front of ${r.client}'s dependency at ${r.address}, ${describeSidecarRefusal(r)} (${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}${since})`,
      layer: 'network/routing',
      severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
      confidence: 'high',
      evidence: [
        `log ${r.pods[0] ?? ''} (${r.client}): ${r.clientError.line.slice(0, 300)}`,
        `${r.sidecar} serves ${r.address} in the same pod (${r.served})`,
        `log ${r.pods[0] ?? ''} (${r.sidecar}): ${r.line.slice(0, 400)}`,
      ],
      decisive: r.line,
      ...(r.since !== undefined ? { onset: r.since } : {}),
      likelyCause: cause,
      nextAction: d !== undefined
        ? `Grant the identity ${r.sidecar} runs as ${what} again (restore its role binding in the cloud's IAM, check the service account's workload identity annotation); the app and its image need no change. Confirm with \`${logs}\`: new connections succeed without a restart once the grant applies.`
        : `Fix what ${r.sidecar} is refused (its line says it: credentials, address or permission of the dependency), not ${r.client}; confirm with \`${logs}\`.`,
      fix: d !== undefined ? `grant the identity ${r.sidecar} runs as ${what} (its IAM role binding), not a change to ${r.client}` : `fix what ${r.sidecar} is refused, not ${r.client}`,
      ...(d !== undefined ? { outsideWorkload: `the dependency refuses the identity of ${r.sidecar}: any pod, of any revision, is refused the same way` } : {}),
      confirmCommands: [logs, formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} -c ${r.client} --tail=100`)],
      affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
