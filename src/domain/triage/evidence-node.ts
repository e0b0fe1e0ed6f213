// A node as the triage holds it: its own file so that evidence of other reads (a dependency's
// members' nodes) can name it without importing the whole evidence model.
import type { ConditionEvidence, IsoTime, Quantity } from './evidence-spec.js';

/** A node: its conditions, taints, room and what it runs. */
export interface NodeEvidence {
  name: string;
  /** Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable, and any others. */
  conditions: ConditionEvidence[];
  /** `timeAdded`: when a NoExecute taint was put on (the API sets it for NoExecute only). */
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'; timeAdded?: IsoTime }[];
  allocatable: Record<string, Quantity>;
  /** status.capacity: what the machine has; allocatable far below it means the kubelet reserves the rest. */
  capacity?: Record<string, Quantity>;
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  /** A few identifying labels: zone, instance type, node pool (every label for clusterNodes). */
  labels?: Record<string, string>;
  /** status.nodeInfo: what the machine runs, which tells a new node image from the rest. */
  kernelVersion?: string;
  osImage?: string;
  kubeletVersion?: string;
  containerRuntime?: string;
  /**
   * The kernel command line the node boots with, as a label or annotation of its image tooling
   * names it ("vsyscall=none slab_nomerge …"): options that decide which old binaries run there.
   */
  bootOptions?: string;
  createdAt?: IsoTime;
  /**
   * The Ready condition's lastHeartbeatTime: the kubelet stamps it with the node's own clock (at
   * least every 5 minutes), so a stamp in the future, or far behind while the node stays Ready,
   * says that clock is off.
   */
  heartbeatAt?: IsoTime;
  /** spec.providerID and status.addresses: the cloud-controller-manager sets both (all but Hostname) when it initializes the node. */
  providerID?: string;
  addresses?: { type: string; address: string }[];
}
