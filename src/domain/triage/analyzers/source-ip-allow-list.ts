/**
 * An outside API refuses the workload's calls for the source IP they come from (its allow-list).
 * What it sees is the nodes' egress address (their NAT gateway), so the refusal follows the nodes:
 * when the refused pods sit on one node group (or on nodes added after the others) and the same
 * revision's pods elsewhere are served, the new nodes egress from an address the API does not
 * list. Nothing in the workload changed: a rollback or a restart cannot help; the API's owner must
 * list the new address, or the new nodes must egress through the listed one.
 */
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { splitLogLinesByNode } from '../node-group-split.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findSourceIpRefusals, isSourceIpRefusal } from '../source-ip-refusal.js';
import { formatAgo } from '../time-span.js';

export function analyzeSourceIpAllowList(ev: TriageEvidence): Finding[] {
  const found = findSourceIpRefusals(ev.logs);
  if (found === undefined) return [];
  const who = ev.target.name;
  const api = found.host ?? 'an outside API';
  const ips = found.ips.join(', ');
  const status = found.status ? `${found.status} ` : '';
  const nodes = [...ev.nodes, ...(ev.clusterNodes ?? []).filter((n) => !ev.nodes.some((m) => m.name === n.name))];
  const split = splitLogLinesByNode(ev.pods, ev.logs, nodes, ev.collectedAt, isSourceIpRefusal);
  const group = split?.group;
  const fineName = group && group.finePools.length > 0 && group.pool !== undefined ? `node group ${group.finePools.join(', ')}` : 'the older nodes';
  const added = group?.addedAt === undefined ? '' : ` (added ${formatAgo(group.addedAt, ev.collectedAt)})`;
  // The served pods' nodes cordoned: the drain will move every pod onto the refused nodes.
  const fineCordoned = split !== undefined && split.fine.every((p) => nodes.find((n) => n.name === p.nodeName)?.unschedulable === true);
  const groupPods = group ? ev.pods.filter((p) => p.nodeName !== undefined && group.nodes.includes(p.nodeName)) : [];
  const unread = split ? groupPods.filter((p) => !split.failing.includes(p)) : [];
  const refusedPods = split ? groupPods.map((p) => p.name) : [...new Set(found.hits.map((h) => h.pod))];

  const where = group ? `: its pods on ${fineName} are served, only those on ${group.name}${added} refused` : '';
  const title = `${who}'s calls to ${api} are refused ${status}for their source IP ${ips}, which ${api}'s allow-list does not hold${where}`;
  const egress = group ? `${group.name}'s egress (NAT) IP` : 'the egress IP the pods now leave from';
  const route = group ? `, or route ${group.name}'s egress through the NAT whose IPs ${api} lists` : ', or route the pods\' egress through an address it lists';
  const fix = `have ${api}'s owner allow-list ${ips}, ${egress}${route}; a rollback would not help`;
  const beforeDrain = fineCordoned ? ` Finish draining ${fineName} only after that: its nodes are cordoned, and once its pods move every call is refused.` : '';
  const newest = found.hits.at(-1);
  return [{
    id: `dependency-error/source-ip-refused/${api}`,
    kind: 'dependency-error',
    title,
    layer: 'network/routing',
    severity: group ? severityForPods(ev, groupPods.length) : 'warning',
    confidence: group ? 'high' : 'medium',
    evidence: [
      ...found.hits.slice(-2).map((h) => `log ${h.pod}: ${h.line}`),
      ...(split && group ? [
        ...split.failing.map((p) => `${p.name} on ${p.nodeName ?? '?'} (${group.name}): refused for its source IP`),
        ...split.fine.map((p) => `${p.name} on ${p.nodeName ?? '?'} (${fineName}${fineCordoned ? ', cordoned' : ''}): its calls are served`),
        ...(unread.length > 0 ? [`also on ${group.name}, log not read: ${unread.map((p) => p.name).join(', ')}`] : []),
      ] : []),
    ],
    decisive: newest?.line ?? '',
    // The nodes' arrival is the change that brought the refusals on.
    ...(group?.addedAt !== undefined ? { datesChange: true as const } : {}),
    outsideWorkload: `${api} refuses the address the calls come from, not what ${who} sends: any revision is refused the same way from those nodes`,
    likelyCause: `${api} accepts calls only from the source IPs on its allow-list, and refuses ${ips}. A pod's calls leave through its node's egress (a NAT gateway), so the address ${api} sees is the nodes', not the pod's.` +
      (group ? ` The refused pods all run on ${group.name}${added}, the served ones on ${fineName}, with the same revision: ${group.name} egresses from ${ips}, which was never registered with ${api}.` : ' The pods\' egress address changed (new nodes, subnets or NAT gateway) or the API\'s list did.'),
    nextAction: `Ask ${api}'s owner to allow-list ${ips}${route}.${beforeDrain}${group ? ` Meanwhile the pods on ${fineName} are served.` : ''} Rolling back or restarting ${who} cannot help.`,
    fix,
    confirmCommands: [
      ...(group ? [formatKubectl(ev.target, 'get nodes -L eks.amazonaws.com/nodegroup,karpenter.sh/nodepool,cloud.google.com/gke-nodepool --sort-by=.metadata.creationTimestamp', 'cluster')] : []),
      ...found.hits.slice(-1).map((h) => formatKubectl(ev.target, `logs ${h.pod} --tail=200`)),
    ],
    affected: { pods: refusedPods, nodes: group ? group.nodes : listNodesOf(refusedPods.flatMap((p) => findPod(ev, p) ?? [])) },
  }];
}
