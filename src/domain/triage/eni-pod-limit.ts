/**
 * How many pods the AWS VPC CNI can give an IP address on a node, without prefix delegation: each
 * network interface (ENI) the instance type allows brings a fixed number of IPv4 addresses, one of
 * which is the interface's own, so the limit is ENIs × (IPs per ENI − 1) + 2 (the two host-network
 * pods, aws-node and kube-proxy, take no address). A node whose max-pods (its allocatable pods) is
 * above that lets the scheduler place pods the CNI cannot address: they wait in ContainerCreating.
 * The figures are AWS's for the instance sizes of the common Nitro families.
 */
import type { NodeEvidence } from './evidence-node.js';

export interface EniPodLimit {
  instanceType: string;
  enis: number;
  ipsPerEni: number;
  /** ENIs × (IPs per ENI − 1) + 2. */
  limit: number;
  /** The node's allocatable pods: what the kubelet's max-pods lets the scheduler place. */
  maxPods: number;
}

/** ENIs and IPv4 addresses per ENI by size, for the general, compute and memory Nitro families (m5…m7, c5…c7, r5…r7). */
const NITRO_SIZES: Record<string, [number, number]> = {
  medium: [2, 4],
  large: [3, 10],
  xlarge: [4, 15],
  '2xlarge': [4, 15],
  '4xlarge': [8, 30],
  '8xlarge': [8, 30],
  '9xlarge': [8, 30],
  '12xlarge': [8, 30],
  '16xlarge': [15, 50],
  '18xlarge': [15, 50],
  '24xlarge': [15, 50],
  '32xlarge': [15, 50],
  metal: [15, 50],
};

/** The burstable t3 family differs from the rest by size. */
const T3_SIZES: Record<string, [number, number]> = {
  nano: [2, 2],
  micro: [2, 2],
  small: [3, 4],
  medium: [3, 6],
  large: [3, 12],
  xlarge: [4, 15],
  '2xlarge': [4, 15],
};

const NITRO_FAMILY = /^[mcr][5-7][a-z]*$/;
const T3_FAMILY = /^t3a?$/;

/** ENIs and IPs per ENI of an instance type; undefined for a type not in the table. */
export function lookupEniLimits(instanceType: string): [number, number] | undefined {
  const [family = '', size = ''] = instanceType.split('.');
  if (NITRO_FAMILY.test(family)) return NITRO_SIZES[size];
  if (T3_FAMILY.test(family)) return T3_SIZES[size];
  return undefined;
}

/** The node's max-pods above what the VPC CNI can address on its instance type; undefined when within it or unknown. */
export function findEniPodOvercommit(node: NodeEvidence): EniPodLimit | undefined {
  const instanceType = node.labels?.['node.kubernetes.io/instance-type'] ?? node.labels?.['beta.kubernetes.io/instance-type'];
  const maxPods = Number(node.capacity?.['pods'] ?? node.allocatable['pods']);
  if (instanceType === undefined || !Number.isFinite(maxPods)) return undefined;
  const eni = lookupEniLimits(instanceType);
  if (eni === undefined) return undefined;
  const [enis, ipsPerEni] = eni;
  const limit = enis * (ipsPerEni - 1) + 2;
  return maxPods > limit ? { instanceType, enis, ipsPerEni, limit, maxPods } : undefined;
}
