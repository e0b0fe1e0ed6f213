/**
 * Pods refused for "Insufficient memory" (or cpu) that run under a RuntimeClass with a pod
 * overhead (a sandbox runtime: Kata's VM per pod, gVisor): admission copies the class's overhead
 * into every pod (spec.overhead), and the scheduler adds it to the containers' requests when it
 * fits the pod to a node. Each pod is bigger than its containers say, so pods that fitted before
 * the RuntimeClass was set no longer do; the revision that set it is the trigger. The nodes'
 * allocatable is the room they offer any pod, not what changed.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { nodePoolOf } from '../node-pool.js';
import { formatBytes, formatCpu, parseQuantity } from '../quantity.js';
import { sortRevisions } from '../revision-diff.js';
import type { PendingExplanation } from '../pending-explanation.js';
import { usableNodes } from './kubelet-reserved.js';

export type RuntimeOverhead = PendingExplanation & { decisive: string };

function requested(pod: PodEvidence, resource: string): number {
  return pod.containers.reduce((sum, c) => sum + (parseQuantity(c.resources.requests[resource]) ?? 0), 0);
}

/**
 * `resources`: what the scheduler found insufficient ("memory", "cpu"). Undefined unless the
 * pending pods carry a pod overhead for one of them.
 */
export function explainRuntimeOverhead(ev: TriageEvidence, pending: readonly PodEvidence[], resources: readonly string[]): RuntimeOverhead | undefined {
  const first = pending[0];
  if (first?.overhead === undefined) return undefined;
  const resource = resources.find((r) => (r === 'memory' || r === 'cpu') && (parseQuantity(first.overhead?.[r]) ?? 0) > 0);
  if (resource === undefined) return undefined;
  const fmt = (v: number) => (resource === 'memory' ? formatBytes(v) : `${formatCpu(v)} CPU`);
  const extra = parseQuantity(first.overhead[resource]) ?? 0;
  const request = requested(first, resource);
  const need = request + extra;
  const runtime = first.runtimeClassName;
  const rc = runtime !== undefined ? `RuntimeClass ${runtime}` : 'its RuntimeClass';
  const overheadList = Object.entries(first.overhead).map(([k, v]) => `${k} ${v}`).join(', ');
  // What this workload's placed pods of the same class already hold on each node the pending pods may use.
  const usable = usableNodes(ev, first);
  const pools = [...new Set(usable.map(nodePoolOf))];
  const pool = pools.length === 1 ? pools[0] : undefined;
  const where = pool !== undefined ? `node pool ${pool}` : usable.length === 1 ? `node ${usable[0]?.name ?? ''}` : `the ${usable.length} nodes the pods may use`;
  const perNode = usable.slice(0, 3).map((n) => {
    const alloc = parseQuantity(n.allocatable[resource]);
    const held = ev.pods.filter((p) => p.nodeName === n.name && p.phase !== 'Succeeded' && p.phase !== 'Failed').reduce((s, p) => s + requested(p, resource) + (parseQuantity(p.overhead?.[resource]) ?? 0), 0);
    return alloc === undefined ? undefined : { node: n, alloc, held };
  }).filter((x): x is NonNullable<typeof x> => x !== undefined);
  // The newest revision that set the RuntimeClass: the change that made each pod bigger by the overhead.
  const [newest, previous] = sortRevisions(ev.revisions);
  const setBy = newest !== undefined && previous !== undefined && newest.hash === first.revisionHash && newest.template !== undefined && previous.template !== undefined
    && newest.template.runtimeClassName !== previous.template.runtimeClassName && newest.template.runtimeClassName === runtime ? newest : undefined;
  const evidence = [
    `pod ${first.name}: runtimeClassName ${runtime ?? '(unknown)'}, spec.overhead ${overheadList} (written by admission from the RuntimeClass)`,
    `the scheduler fits each pod with its containers' requests plus the overhead: ${fmt(request)} + ${fmt(extra)} = ${fmt(need)} ${resource}`,
    ...perNode.map((x) => `node ${x.node.name}${nodePoolOf(x.node) ? ` (${nodePoolOf(x.node)})` : ''}: allocatable ${resource} ${fmt(x.alloc)}${x.node.capacity?.[resource] ? ` of capacity ${fmt(parseQuantity(x.node.capacity[resource]) ?? 0)}` : ''}; this workload's pods there hold ${fmt(x.held)} (requests and overhead), leaving at most ${fmt(Math.max(0, x.alloc - x.held))} for the next pod and the node's other pods`),
    ...(setBy && previous ? [`revision ${setBy.revision} set runtimeClassName ${runtime ?? ''} (revision ${previous.revision}: ${previous.template?.runtimeClassName ?? 'none'})`] : []),
  ];
  const head = perNode[0];
  const target = pool !== undefined ? `node pool ${pool}` : 'the nodes the pods may use';
  return {
    detail: `each pod needs ${fmt(need)} ${resource}: its ${fmt(request)} request plus the ${fmt(extra)} pod overhead of ${rc} (spec.overhead ${overheadList}), which the scheduler adds${head ? `, on ${where} with ${fmt(head.alloc)} allocatable per node` : ''}`,
    decisive: `${first.name}: runtimeClassName ${runtime ?? '?'}, overhead ${overheadList}`,
    evidence,
    cause:
      `Pods of ${rc} run in a sandbox (a lightweight VM per pod) whose cost the RuntimeClass declares as pod overhead; admission writes it into every pod (spec.overhead ${overheadList}) and the scheduler adds it to the containers' requests. ` +
      `Each pod therefore needs ${fmt(need)} ${resource}, not the ${fmt(request)} its containers ask for, and ${where} has no node with that much left. ` +
      `${setBy ? `Revision ${setBy.revision} set runtimeClassName ${runtime ?? ''}: the change that made every new pod bigger by the overhead. ` : ''}` +
      'The nodes\' allocatable is the room they offer any pod; the overhead on top of the request is what no longer fits.',
    action: `Make room for ${fmt(need)} per pod on ${target}: more or larger nodes there (raise the node group's maximum if the autoscaler is at it), or lower the containers' ${resource} request by the ${fmt(extra)} overhead so request plus overhead fits as the request alone did.${setBy ? ` If the sandbox was not meant for this workload, revision ${setBy.revision}'s runtimeClassName is what to take back.` : ''}`,
    fix: `make room for request + overhead (${fmt(need)} per pod) on ${target}: more or larger nodes, or a ${resource} request lowered by the ${fmt(extra)} overhead of ${rc}`,
    outsideWorkload: '',
    confirm: [
      formatKubectl(ev.target, `get pod ${first.name} -o jsonpath='{.spec.runtimeClassName} {.spec.overhead}'`),
      ...(runtime !== undefined ? [formatKubectl(ev.target, `get runtimeclass ${runtime} -o jsonpath='{.overhead.podFixed}'`, 'cluster')] : []),
    ],
  };
}
