/**
 * Nodes that keep node.cloudprovider.kubernetes.io/uninitialized after turning Ready. A kubelet
 * started with --cloud-provider=external registers its node with that taint; the cloud-controller-
 * manager removes it when it initializes the node (spec.providerID, the addresses, the zone and
 * instance-type labels), seconds after registration. Ready for minutes with the taint still on
 * means that controller is not initializing nodes (down, crashing, or refused by the cloud): every
 * node added comes up the same way, so more nodes do not help, nor do other requests.
 */
import type { NodeEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import type { PendingExplanation } from '../pending-explanation.js';
import { formatAgo, isWithin } from '../time-span.js';
import { listFirst } from '../../text.js';

export const UNINITIALIZED_TAINT = 'node.cloudprovider.kubernetes.io/uninitialized';

/** Ready this long with the taint still on: the controller would have initialized it by now. */
const UNINITIALIZED_MS = 5 * 60_000;

/** What the cloud-controller-manager would have set on the node and did not. */
function listMissing(n: NodeEvidence): string[] {
  const labels = n.labels ?? {};
  return [
    ...(n.providerID === undefined ? ['no providerID'] : []),
    ...(n.addresses !== undefined && !n.addresses.some((a) => a.type === 'InternalIP') ? ['no InternalIP'] : []),
    ...(labels['topology.kubernetes.io/zone'] === undefined && labels['node.kubernetes.io/instance-type'] === undefined ? ['no zone or instance-type labels'] : []),
  ];
}

/**
 * `tainted`: the nodes the pending pods may use that carry the uninitialized taint they do not
 * tolerate. Undefined unless some of them have been Ready for UNINITIALIZED_MS. `othersFull`: the
 * pods' other nodes have no room (the scheduler said so); else these are all the nodes they may use.
 */
export function explainUninitializedNodes(ev: TriageEvidence, tainted: readonly NodeEvidence[], othersFull = true): PendingExplanation | undefined {
  const stuck = tainted.flatMap((node) => {
    const ready = findCondition(node.conditions, 'Ready');
    const since = ready?.lastTransitionTime ?? node.createdAt;
    if (ready?.status !== 'True' || since === undefined || isWithin(since, ev.collectedAt, UNINITIALIZED_MS)) return [];
    return [{ node, since, missing: listMissing(node) }];
  });
  const [head] = stuck;
  if (head === undefined) return undefined;
  // No decisive line of its own: the scheduler's message, quoted, names the taint.
  const one = stuck.length === 1;
  const names = listFirst(stuck.map((s) => s.node.name), 3);
  const readyFor = (since: string) => formatAgo(since, ev.collectedAt).replace(/ ago$/, '');
  const taint = head.node.taints.find((t) => t.key === UNINITIALIZED_TAINT);
  const formatted = `${UNINITIALIZED_TAINT}${taint?.value ? `=${taint.value}` : ''}:${taint?.effect ?? 'NoSchedule'}`;
  const lacking = head.missing.length > 0 ? ` (${head.missing[0]})` : '';
  const fix = `check the cloud-controller-manager in kube-system (its pods and logs): once it runs it initializes ${one ? 'the node' : 'the nodes'} and removes the taint; more nodes would come up uninitialized too`;
  return {
    detail: `${one ? 'node ' : ''}${names} (Ready ${readyFor(head.since)}) never initialized by the cloud-controller-manager${lacking}`,
    evidence: stuck.slice(0, 3).map((s) => `node ${s.node.name}${s.node.createdAt ? ` (created ${formatAgo(s.node.createdAt, ev.collectedAt)})` : ''}: Ready for ${readyFor(s.since)}, still taint ${formatted}${s.missing.length > 0 ? `; ${s.missing.join(', ')}` : ''}`),
    cause:
      `The scheduler keeps these pods off ${one ? 'node' : 'nodes'} ${names} for ${one ? 'its' : 'their'} taint${othersFull ? `, and the other nodes have no room: ${one ? 'that node is' : 'those nodes are'} the room the pods wait for` : `, the only ${one ? 'node' : 'nodes'} they may use`}. ` +
      `A kubelet run with --cloud-provider=external registers its node tainted ${UNINITIALIZED_TAINT}; the cloud-controller-manager removes the taint when it initializes the node (providerID, addresses, zone and instance-type labels), seconds after it joins. ` +
      `${one ? 'This node has' : 'These nodes have'} been Ready for ${readyFor(head.since)} and ${one ? 'was' : 'were'} not initialized${head.missing.length > 0 ? ` (${head.missing.join(', ')})` : ''}: the cloud-controller-manager is not initializing nodes (down, crashing, or refused by the cloud), so every node added waits the same way.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods are placed once the taint is off.`,
    fix,
    outsideWorkload: `new pods of any revision wait for the cloud-controller-manager to initialize ${names}`,
    confirm: [
      formatKubectl(ev.target, 'get pods -n kube-system | grep cloud-controller', 'cluster'),
      formatKubectl(ev.target, `get node ${head.node.name} -o jsonpath='{.spec.providerID} {.spec.taints}'`, 'cluster'),
    ],
  };
}
