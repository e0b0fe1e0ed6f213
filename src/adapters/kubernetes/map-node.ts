// V1Node → NodeEvidence: conditions, taints, allocatable, capacity and the few labels a human uses to
// place a node (zone, instance type, pool).
import type * as k8s from '@kubernetes/client-node';
import type { NodeEvidence } from '../../domain/triage/evidence.js';
import { copyMap, mapConditions, toIsoTime } from './map-common.js';

const IDENTIFYING_LABELS = [
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'karpenter.sh/nodepool',
  'kubernetes.azure.com/agentpool',
  'node-role.kubernetes.io/control-plane',
];

/** Labels naming the machine image (an AMI, a node image version): what a node rotation changes. */
const NODE_IMAGE_LABEL = /(^|[./-])(ami(-id)?|(node(group)?-)?image(-version)?|os-distribution)$/i;

/** GPU feature discovery's NVIDIA driver and CUDA version labels: what a GPU pool's image ships. */
const GPU_DRIVER_LABEL = /^nvidia\.com\/cuda\.(driver|runtime)[.-]/;

/** node-feature-discovery's CPU labels (instruction sets, vendor): what a build for a newer CPU needs (SIGILL elsewhere). */
const CPU_FEATURE_LABEL = /^feature\.node\.kubernetes\.io\/cpu-(cpuid|model)\./;

/** GKE's mark on the nodes of a pool that runs the GKE metadata server: whether pods there get their Workload Identity or the node's account. */
const WORKLOAD_IDENTITY_LABEL = /^iam\.gke\.io\/gke-metadata-server-enabled$/;

/** node-feature-discovery's kernel build options (LEGACY_VSYSCALL_NONE, PREEMPT): what the kernel itself offers a process. */
const KERNEL_CONFIG_LABEL = /^feature\.node\.kubernetes\.io\/kernel-config\./;

/** A label or annotation naming the kernel command line ("kernel-cmdline", "boot-args", "kernel-params-extra"). */
const BOOT_OPTIONS_KEY = /(^|[./-])(kernel|boot)[-_.]?(cmd-?line|command-?line|args|arguments|params|parameters|options|opts)([-_.][\w.-]*)?$|(^|[./-])cmdline([-_.][\w.-]*)?$/i;

/** A kernel command line is short; anything past this is not one. */
const BOOT_OPTIONS_MAX = 2000;

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** `allLabels`: keep every label, for matching nodeSelectors and affinity against the node. */
export function mapNode(n: k8s.V1Node, opts: { allLabels?: boolean } = {}): NodeEvidence {
  const taints: NodeEvidence['taints'] = [];
  for (const t of n.spec?.taints ?? []) {
    if (!EFFECTS.has(t.effect)) continue;
    const taint: NodeEvidence['taints'][number] = { key: t.key, effect: t.effect as NodeEvidence['taints'][number]['effect'] };
    if (t.value !== undefined && t.value !== '') taint.value = t.value;
    const added = toIsoTime(t.timeAdded);
    if (added !== undefined) taint.timeAdded = added;
    taints.push(taint);
  }
  const out: NodeEvidence = {
    name: n.metadata?.name ?? '',
    conditions: mapConditions(n.status?.conditions),
    taints,
    allocatable: copyMap(n.status?.allocatable),
    // Absent means schedulable: that is the API's meaning, not a default we invent.
    unschedulable: n.spec?.unschedulable === true,
  };
  if (n.status?.capacity !== undefined) out.capacity = copyMap(n.status.capacity);
  const labels: Record<string, string> = opts.allLabels ? { ...n.metadata?.labels } : {};
  for (const key of IDENTIFYING_LABELS) {
    const v = n.metadata?.labels?.[key];
    if (v !== undefined) labels[key] = v;
  }
  for (const [key, v] of Object.entries(n.metadata?.labels ?? {})) if (NODE_IMAGE_LABEL.test(key) || GPU_DRIVER_LABEL.test(key) || CPU_FEATURE_LABEL.test(key) || WORKLOAD_IDENTITY_LABEL.test(key) || KERNEL_CONFIG_LABEL.test(key)) labels[key] = v;
  if (Object.keys(labels).length > 0) out.labels = labels;
  const info = n.status?.nodeInfo;
  if (info?.kernelVersion) out.kernelVersion = info.kernelVersion;
  if (info?.osImage) out.osImage = info.osImage;
  if (info?.kubeletVersion) out.kubeletVersion = info.kubeletVersion;
  if (info?.containerRuntimeVersion) out.containerRuntime = info.containerRuntimeVersion;
  const boot = readBootOptions(n);
  if (boot !== undefined) out.bootOptions = boot;
  const createdAt = toIsoTime(n.metadata?.creationTimestamp);
  if (createdAt !== undefined) out.createdAt = createdAt;
  const heartbeat = toIsoTime(n.status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime);
  if (heartbeat !== undefined) out.heartbeatAt = heartbeat;
  if (n.spec?.providerID) out.providerID = n.spec.providerID;
  if (n.status?.addresses !== undefined) out.addresses = n.status.addresses.map((a) => ({ type: a.type, address: a.address }));
  return out;
}

/** The kernel command line the node's labels or annotations name, joined; undefined when none does. */
function readBootOptions(n: k8s.V1Node): string | undefined {
  const found = [...Object.entries(n.metadata?.labels ?? {}), ...Object.entries(n.metadata?.annotations ?? {})]
    .filter(([key, v]) => BOOT_OPTIONS_KEY.test(key) && v.trim() !== '' && v.length <= BOOT_OPTIONS_MAX)
    .map(([, v]) => v.trim());
  return found.length > 0 ? [...new Set(found)].join(' ') : undefined;
}
