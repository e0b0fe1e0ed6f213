/**
 * Extended resources (nvidia.com/gpu, amd.com/gpu, aws.amazon.com/neuron, smarter-devices/fuse…):
 * a node has them only while something advertises them in its allocatable, usually a device
 * plugin pod on that node registering its devices with the kubelet. The scheduler counts
 * allocatable, so a node whose plugin does not run there has none to give, whatever hardware
 * it holds.
 */
import type { NodeEvidence, PodEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';

/** Names Kubernetes itself accounts for; anything else with a domain prefix is extended. */
function isExtended(resource: string): boolean {
  if (!resource.includes('/')) return false;
  const domain = resource.slice(0, resource.indexOf('/'));
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

/**
 * The extended resources a pod requests, with the amount the scheduler reserves: the sum over
 * its containers, or the largest init container's request when that is more.
 */
export function listExtendedRequests(pod: PodEvidence): { resource: string; amount: number }[] {
  const total = new Map<string, number>();
  const add = (list: PodEvidence['containers'], combine: (a: number, b: number) => number) => {
    const step = new Map<string, number>();
    for (const c of list) {
      for (const [resource, q] of Object.entries({ ...c.resources.limits, ...c.resources.requests })) {
        const amount = parseQuantity(q);
        if (isExtended(resource) && amount !== undefined && amount > 0) step.set(resource, combine(step.get(resource) ?? 0, amount));
      }
    }
    for (const [resource, amount] of step) total.set(resource, Math.max(total.get(resource) ?? 0, amount));
  };
  add(pod.containers, (a, b) => a + b);
  add(pod.initContainers, Math.max);
  return [...total].map(([resource, amount]) => ({ resource, amount })).sort((a, b) => a.resource.localeCompare(b.resource));
}

/** How much of `resource` the node advertises in its allocatable; 0 when it does not list it. */
export function advertisedAmount(node: NodeEvidence, resource: string): number {
  return parseQuantity(node.allocatable[resource]) ?? 0;
}

/** The node's allocatable as `kubectl get node -o json` lists it: the evidence of what it offers. */
export function formatAllocatable(node: NodeEvidence): string {
  return Object.entries(node.allocatable).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(', ');
}
