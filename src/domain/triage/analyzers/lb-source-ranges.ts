/**
 * loadBalancerSourceRanges written recently on a Service in front of the pods, after which a
 * client that sent requests steadily sent none while others kept arriving, and its addresses lie
 * outside every range: the cloud load balancer's firewall (security group) drops that client. The
 * pods are healthy and log nothing of it; a rollback or restart of them cannot help.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { findSourceRangeCutoff } from '../source-range-cutoff.js';
import { formatAgo } from '../time-span.js';

const MAX_SHOWN = 4;

function listShown(items: readonly string[]): string {
  return items.length > MAX_SHOWN ? `${items.slice(0, MAX_SHOWN).join(', ')} and ${items.length - MAX_SHOWN} more` : items.join(', ');
}

export function analyzeLbSourceRanges(ev: TriageEvidence): Finding[] {
  const cut = findSourceRangeCutoff(ev);
  if (cut === undefined) return [];
  const { service, ranges, changedAt, shutOut, continuing } = cut;
  const name = service.name;
  const field = service.sourceRanges?.from === 'annotation' ? 'the load-balancer-source-ranges annotation' : 'loadBalancerSourceRanges';
  const by = service.sourceRanges?.setBy !== undefined && service.sourceRanges.setAt !== undefined ? ` by ${service.sourceRanges.setBy}` : '';
  const when = formatAgo(changedAt, ev.collectedAt);
  const sources = shutOut.map((s) => `${s.name}${s.name === s.outside[0] && s.outside.length === 1 ? '' : ` (${listShown(s.outside)})`}`);
  const addresses = unique(shutOut.flatMap((s) => s.outside));
  const last = shutOut.map((s) => s.lastSeen).sort().at(-1) ?? changedAt;
  const others = continuing.map((c) => c.name);
  const pods = unique(ev.logs.filter((l) => !l.previous && ev.pods.some((p) => p.name === l.pod)).map((l) => l.pod));
  const fix = `add ${listShown(shutOut.map((s) => s.name))}'s current source addresses (${listShown(addresses)}) to Service ${name}'s ${field} (or revert the edit)`;
  return [{
    id: `load-balancer/source-ranges/${name}`,
    kind: 'load-balancer',
    title: `Service ${name}'s ${field}, changed ${when}${by}, leave out ${listShown(sources)}: its load balancer drops those requests — none since ${formatAgo(last, ev.collectedAt)}, while ${listShown(others)} keep${others.length === 1 ? 's' : ''} arriving`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `Service ${name}: type ${service.type}, ${field} ${ranges.join(', ')}; written ${when}${by}`,
      ...shutOut.map((s) => `${s.name}: ${s.before} requests from ${s.addresses.join(', ')} until ${formatAgo(s.lastSeen, ev.collectedAt)}, none after; ${s.outside.join(', ')} in none of the ranges`),
      `still arriving: ${continuing.map((c) => `${c.name} (${c.after} requests since)`).join(', ')}`,
    ],
    decisive: `${field}: ${ranges.join(', ')}`,
    datesChange: true,
    outsideWorkload: `the cloud load balancer in front of Service ${name} drops clients outside its source ranges before any pod sees them, whatever revision runs`,
    likelyCause:
      `The cloud provider turns a Service's ${field} into the load balancer's firewall (an AWS security group, a GCP firewall rule): a client whose address is in none of the ranges is dropped before it reaches a node. ` +
      `${field} was written ${when}; ${listShown(shutOut.map((s) => s.name))} sent requests steadily until then and none since, from ${listShown(addresses)}, which none of ${ranges.join(', ')} holds — while ${listShown(others)}, inside the ranges, keep${others.length === 1 ? 's' : ''} arriving. ` +
      'The pods are healthy and log nothing: the dropped requests never reach them. The client\'s egress addresses may have changed from the ones the list was built from.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods need no restart and a rollback of them cannot help. Then confirm the list the load balancer applies.`,
    fix,
    onset: last,
    confirmCommands: [
      formatKubectl(ev.target, `get service ${name} -o jsonpath='${service.sourceRanges?.from === 'annotation' ? '{.metadata.annotations.service\\.beta\\.kubernetes\\.io/load-balancer-source-ranges}' : '{.spec.loadBalancerSourceRanges}'}'`),
      formatKubectl(ev.target, `get service ${name} -o yaml --show-managed-fields`),
      ...(pods[0] !== undefined ? [formatKubectl(ev.target, `logs ${pods[0]} --since=3h`)] : []),
    ],
    // The pods are not at fault: the Service is what the finding is about.
    affected: { services: [name] },
  }];
}
