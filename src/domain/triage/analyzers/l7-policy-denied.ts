/**
 * A caller's calls to an in-cluster service answered 403 "Access denied" by the CNI's L7 proxy
 * (Cilium's Envoy), not by the service: a CiliumNetworkPolicy's HTTP rules allow some methods and
 * paths, and a release that calls a new one is refused before the server sees it. The pods stay
 * Ready and the few error lines read like a blip, yet every such call fails. A senior SRE names the
 * service, the refused method/path and the policy when the agent's log names it, and allows the
 * new path in the policy's L7 rules — rolling the caller back only stops calling it.
 */
import { capitalize } from '../../text.js';
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findL7Denials } from '../l7-policy-denial.js';
import type { L7Denial } from '../l7-policy-denial.js';
import { listNodesOf, unique } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { earliest, formatAgo } from '../time-span.js';

/** How many refused method/paths the title names. */
const CALLS_SHOWN = 2;

/** CiliumNetworkPolicies the CNI agents that were read say they imported for the service's namespace. */
function namePolicies(ev: TriageEvidence, namespace: string): string[] {
  return unique((ev.nodeAgents ?? []).flatMap((r) => r.logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = /ciliumNetworkPolicyName=([\w.-]+)[^\n]*k8sNamespace=([\w-]+)/.exec(line);
    return m && m[2] === namespace && m[1] ? [m[1]] : [];
  }))));
}

export function analyzeL7PolicyDenials(ev: TriageEvidence): Finding[] {
  const found = findL7Denials(ev);
  return found === undefined ? [] : [describe(ev, found)];
}

function describe(ev: TriageEvidence, d: L7Denial): Finding {
  const pods = unique(d.hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const ns = d.namespace ?? ev.target.namespace;
  const svc = `${d.service}${ns !== ev.target.namespace ? ` (${ns})` : ''}`;
  const calls = d.calls.slice(0, CALLS_SHOWN).join(', ') + (d.calls.length > CALLS_SHOWN ? ' …' : '');
  const policies = namePolicies(ev, ns);
  const policy = policies.length > 0 ? `CiliumNetworkPolicy ${policies.join(', ')}` : 'a CiliumNetworkPolicy';
  const since = earliest(d.hits.map((h) => readLineTime(h.line)));
  const last = d.hits.at(-1)?.line ?? '';
  const who = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const fix = `allow ${calls} from these pods in the L7 HTTP rules (toPorts.rules.http) of ${policy} that selects ${d.service}${policies.length > 0 ? '' : ' (kubectl get cnp -n ' + ns + ')'}`;
  const evidence = [
    `${d.hits.length} calls to ${svc} (${calls}) answered 403 with the body "Access denied" in the logs of ${who}${since ? ` since ${formatAgo(since, ev.collectedAt)}` : ''}`,
    `"Access denied" on a 403 is what Cilium's L7 (Envoy) proxy answers itself when no HTTP rule of the policy allows the method and path: ${d.service} never receives these calls (its own log shows only the paths the rules allow)`,
    ...(policies.length > 0 ? [`the Cilium agent imported ${policy} in ${ns}`] : []),
    ...d.hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line)}`),
  ];
  return {
    id: `dependency-error/l7-policy-denied/${d.service}`,
    kind: 'dependency-error',
    title: `Cilium L7 network policy denies the pods' ${calls} to ${svc}: 403 "Access denied" from the policy proxy, ${d.service} never sees them (${d.hits.length} refused calls, ${who})`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence,
    decisive: condenseStructuredLine(last),
    ...(since ? { onset: since } : {}),
    likelyCause:
      `A 403 with the body "Access denied" on a call to an in-cluster service is Cilium's L7 policy proxy answering for it: ${policy} limits which HTTP methods and paths these pods may call on ${d.service}, and ${calls} is not among them, so the proxy refuses it and ${d.service} never sees it, while every pod stays Ready. ` +
      `A release that starts calling a new endpoint (or a policy tightened) is the usual story.`,
    nextAction: `${capitalize(fix)}.`,
    fix,
    confirmCommands: [
      formatKubectl({ ...ev.target, namespace: ns }, 'get ciliumnetworkpolicies -o yaml'),
      formatKubectl(ev.target, `logs ${d.hits[0]?.log.pod ?? ''} -c ${d.hits[0]?.log.container ?? ''} --tail=100`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [d.service] },
  };
}
