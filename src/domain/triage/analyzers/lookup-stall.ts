import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';
import { findLookupStall, type LookupStall } from '../lookup-stall.js';

/**
 * DNS lookups that wait out the resolver's timeout (lookup-stall.ts): the app's own timings put
 * some lookups at exactly 5 s while most take a few ms. The calls that fail on them (a client
 * timeout below 5 s) spread over whichever hosts were looked up; no host and no policy is the
 * cause. Also the reading the dependency-error refinement gives a timeout group of the same pods.
 */
export function analyzeLookupStall(ev: TriageEvidence): Finding[] {
  const stall = findLookupStall(ev);
  return stall === undefined ? [] : [describeLookupStall(ev, stall)];
}

function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/** The finding of a lookup stall; one id per report, so the analyzer's and a refined group's merge. */
export function describeLookupStall(ev: TriageEvidence, stall: LookupStall): Finding {
  const { pods, timeoutS, timeouts } = stall;
  const names = pods.map((p) => p.name);
  const min = Math.min(...stall.stalled);
  const max = Math.max(...stall.stalled);
  const range = min === max ? formatMs(min) : `${Math.round(min)}–${formatMs(max)}`;
  const deployment = ev.target.name;
  const race = stall.raceOption === undefined;
  const loss = race
    ? `parallel A/AAAA queries from one UDP socket race in the node's conntrack and lose a reply`
    : `replies go missing though the pods set ${stall.raceOption ?? ''}`;
  const failing = timeouts.clientTimeout !== undefined
    ? `, so calls with a ${timeouts.clientTimeout} timeout fail on whichever host they looked up${timeouts.hosts.length > 1 ? ` (${timeouts.hosts.length} hosts)` : ''}`
    : '';
  const title = `DNS lookups stall for the resolver's ${timeoutS} s timeout: ${stall.stalled.length} readings in ${pods.length} pod${pods.length === 1 ? '\'s' : 's\''} logs at ${range}, typical ${formatMs(stall.typicalMs)} — ${loss}${failing}`;
  // A sibling Deployment that already sets the option shows the fix this namespace uses.
  const peer = stall.peers[0];
  const peerOption = peer?.options.find((o) => /^(single-request|use-vc)/.test(o));
  const option = stall.libc === 'musl' ? undefined : peerOption ?? 'single-request-reopen';
  const asPeer = peer !== undefined && peerOption === option ? `, as ${peer.deployment} already does` : '';
  const fix = !race
    ? 'deploy NodeLocal DNSCache so lookups stay on the node, and reuse connections (keep-alive) to cut lookups'
    : option
    ? `add the dnsConfig option ${option}${option === 'use-vc' ? '' : ' (or use-vc)'} to ${deployment}'s pod template${asPeer}, or deploy NodeLocal DNSCache`
    : `deploy NodeLocal DNSCache (musl ignores single-request-reopen and use-vc), or move ${deployment} to a glibc-based image with single-request-reopen`;
  const dns = ev.dns;
  const dnsReady = dns === undefined || dns.pods.length === 0 ? undefined : dns.pods.filter((p) => p.ready).length;
  const timedOut = timeouts.line === '' ? [] : [`calls timed out${timeouts.clientTimeout ? ` at their ${timeouts.clientTimeout} client timeout` : ''}${timeouts.hosts.length > 0 ? `, to ${timeouts.hosts.join(', ')}` : ''}: ${condenseStructuredLine(timeouts.line)}`];
  const failingPods = pods.filter((p) => isPodFailing(p, ev.collectedAt));
  return {
    id: 'cluster-dns/lookup-stall',
    kind: 'cluster-dns',
    title,
    layer: 'network/routing',
    severity: failingPods.length > 0 ? severityForPods(ev, failingPods.length) : 'warning',
    confidence: stall.samples > 0 && race ? 'high' : 'medium',
    evidence: [
      `${stall.stalled.length} DNS-phase readings at ${range} (just past ${timeoutS} s, the resolver's timeout) against a typical ${formatMs(stall.typicalMs)}${stall.samples > 0 ? ` over ${stall.samples} lookups logged` : ''}`,
      `log ${names[0] ?? ''}: ${condenseStructuredLine(stall.example)} … ${stall.exampleField}`,
      `dnsConfig options of the pods: ${stall.options.length > 0 ? stall.options.join(', ') : 'none'}${race ? ' — no single-request-reopen, single-request or use-vc' : ''}`,
      ...(stall.libc === 'unknown' ? [] : [`resolver library: ${stall.libc}`]),
      ...stall.peers.slice(0, 2).map((p) => `Deployment ${p.deployment} of this namespace sets dnsConfig options ${p.options.join(', ')}`),
      ...(dns !== undefined && dnsReady !== undefined ? [`${dnsReady}/${dns.pods.length} cluster DNS pods ready in ${dns.namespace}: the server answers, replies go missing on the way`] : []),
      ...timedOut,
    ],
    decisive: `${condenseStructuredLine(stall.example)} … ${stall.exampleField}`,
    likelyCause: race
      ? `${stall.libc === 'musl' ? 'musl' : 'glibc'} sends the A and AAAA queries of a lookup at the same time from one UDP socket to the cluster DNS Service; the two packets race in the node's conntrack table (the kube-proxy DNAT insert race) and one reply is dropped, so the lookup waits the resolver's ${timeoutS} s timeout before it asks again. Most lookups are fast; those that hit the race take exactly ${timeoutS} s${timeouts.clientTimeout ? `, and calls whose client timeout (${timeouts.clientTimeout}) is shorter fail` : ''} — on whichever host was looked up, none of them down. The cluster DNS is not slow and nothing in the workload changed; the more lookups (no connection reuse), the more often it hits.`
      : `The pods already avoid the A/AAAA race (${stall.raceOption}), yet some lookups wait the resolver's ${timeoutS} s timeout: replies are lost between the pods and the cluster DNS (conntrack drops on the node, a DNS pod that drops packets).`,
    nextAction: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; reusing connections (HTTP keep-alive) also cuts the number of lookups. A rollback would not help: the lookups race on the node, whatever revision runs.`,
    fix,
    outsideWorkload: `lookups wait out the resolver's ${timeoutS} s timeout on lost replies, whatever revision runs here`,
    confirmCommands: [
      formatKubectl(ev.target, `get pod ${names[0] ?? ''} -o jsonpath='{.spec.dnsConfig}'`),
      formatKubectl(ev.target, `get pods -n ${dns?.namespace ?? 'kube-system'} -l k8s-app=kube-dns -o wide`, 'cluster'),
    ],
    affected: { pods: names, nodes: listNodesOf(pods) },
  };
}
