import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findDnsUdpOnly } from '../dns-udp-only.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/**
 * The pods' egress policy allows DNS over UDP only, and the one name whose lookups time out is a
 * headless Service whose answer is too large for UDP: the truncated answer's retry over TCP 53 is
 * dropped (dns-udp-only.ts). The fix is TCP 53 in the rule, not the cluster DNS.
 */
export function analyzeDnsUdpOnlyEgress(ev: TriageEvidence): Finding[] {
  const hit = findDnsUdpOnly(ev);
  if (hit === undefined) return [];
  const changed = hit.changedAt ?? hit.createdAt;
  const when = changed === undefined ? '' : ` (${hit.changedAt ? 'changed' : 'created'} ${formatAgo(changed, ev.collectedAt)})`;
  const podObjects = ev.pods.filter((p) => hit.pods.includes(p.name));
  const unready = podObjects.filter((p) => !p.ready).length;
  const example = hit.example ? ` (as NetworkPolicy ${hit.example} does)` : '';
  return [
    {
      id: `network-policy/${hit.policy}/dns-tcp`,
      kind: 'network-policy',
      title: `NetworkPolicy ${hit.policy} allows DNS only over UDP 53, not TCP 53: the answer for headless Service ${hit.service} (${hit.endpoints} ready endpoints, about ${hit.bytes} bytes) is larger than UDP carries, so it comes back truncated and the resolver's retry over TCP 53 is dropped — lookups of ${hit.service} time out while other names resolve`,
      layer: 'network/routing',
      severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
      confidence: 'high',
      datesChange: true,
      evidence: [
        `NetworkPolicy ${hit.policy}${when}: egress ${hit.rule}; no rule of the policies that select these pods allows TCP 53`,
        `Service ${hit.service}: headless, ${hit.endpoints} ready endpoints; its A answer is about ${hit.bytes} bytes, over the 512 a resolver takes over UDP`,
        `${hit.lines.length} failed lookup${hit.lines.length === 1 ? '' : 's'} of ${hit.name} in ${hit.pods.length} pod${hit.pods.length === 1 ? '' : 's'}`,
      ],
      decisive: condenseStructuredLine(hit.lines.at(-1)?.trim() ?? ''),
      likelyCause: `A DNS answer larger than 512 bytes does not fit a plain UDP reply: the DNS server sends it truncated (TC bit) and the resolver asks again over TCP 53. ${hit.policy} allows the cluster DNS only on UDP 53, so that retry is dropped and the lookup times out (EAI_AGAIN) — only for names with large answers, such as headless Service ${hit.service} with ${hit.endpoints} endpoints; small answers still fit in UDP, so every other name resolves and the DNS server itself is fine.`,
      nextAction: `Allow TCP 53 next to UDP 53 in ${hit.policy}'s DNS rule${example}; the next lookup succeeds without a restart.`,
      fix: `allow TCP 53 as well as UDP 53 to the cluster DNS in ${hit.policy}`,
      confirmCommands: [
        formatKubectl(ev.target, `get networkpolicy ${hit.policy} -o yaml`),
        formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${hit.service}`),
      ],
      affected: { pods: hit.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
