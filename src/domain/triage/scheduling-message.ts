/**
 * The scheduler's FailedScheduling message taken apart:
 * "0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint
 * {node.kubernetes.io/disk-pressure: }. preemption: 0/6 nodes are available: …"
 */

export type SchedulingCategory =
  | 'insufficient'
  | 'taint'
  | 'node-affinity'
  | 'pod-affinity'
  | 'topology-spread'
  | 'unbound-pvc'
  | 'volume-zone'
  | 'cordoned'
  | 'too-many-pods'
  | 'host-ports'
  | 'claim-in-use'
  | 'volume-limit'
  | 'claim-deleting'
  | 'other';

export interface SchedulingReason {
  /** How many nodes gave this reason; undefined when the message has no count. */
  nodes?: number;
  category: SchedulingCategory;
  /** Resource for `insufficient` ("memory", "cpu", "nvidia.com/gpu"), taint key for `taint`, claim for `claim-deleting`. */
  detail?: string;
  /** The scheduler's words for this reason. */
  text: string;
}

export interface SchedulingMessage {
  available?: number;
  total?: number;
  reasons: SchedulingReason[];
}

const CATEGORIES: [SchedulingCategory, RegExp][] = [
  ['unbound-pvc', /unbound immediate PersistentVolumeClaims|persistentvolumeclaim "[^"]+" not found|unbound PersistentVolumeClaims/i],
  ['volume-zone', /volume node affinity conflict/i],
  ['node-affinity', /didn't match Pod's node affinity|didn't match node selector|node affinity\/selector/i],
  ['pod-affinity', /pod (anti-)?affinity|anti-affinity rules/i],
  ['topology-spread', /topology spread constraints/i],
  ['cordoned', /were unschedulable|node\(s\) were unschedulable/i],
  ['too-many-pods', /Too many pods/i],
  ['host-ports', /free ports/i],
  // A ReadWriteOncePod claim already used by another pod: "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode".
  ['claim-in-use', /ReadWriteOncePod access mode/i],
  // The node's CSI attach limit (CSINode allocatable count) is reached: "node(s) exceed max volume count".
  ['volume-limit', /max volume count/i],
];

export function classifySchedulingReason(text: string): Omit<SchedulingReason, 'nodes'> {
  const insufficient = /Insufficient (\S+?)\.?$/i.exec(text.trim());
  if (insufficient?.[1]) return { category: 'insufficient', detail: insufficient[1], text };
  const taint = /taint \{([^:}]+)/i.exec(text);
  if (taint?.[1]) return { category: 'taint', detail: taint[1].trim(), text };
  // A deleted claim kept by pvc-protection: 'persistentvolumeclaim "media" is being deleted'.
  const deleting = /persistentvolumeclaim "([^"]+)" is being deleted/i.exec(text);
  if (deleting?.[1]) return { category: 'claim-deleting', detail: deleting[1], text };
  const found = CATEGORIES.find(([, re]) => re.test(text));
  return { category: found?.[0] ?? 'other', text };
}

export function parseSchedulingMessage(message: string): SchedulingMessage {
  const main = message.split(/\.\s*preemption:/i)[0] ?? message;
  const header = /^\s*(\d+)\/(\d+) nodes are available:\s*([\s\S]*)$/.exec(main);
  if (!header) {
    const text = main.trim().replace(/\.$/, '');
    return { reasons: text ? [classifySchedulingReason(text)] : [] };
  }
  const [, available = '0', total = '0', rest = ''] = header;
  // Split only at ", <count> ": a taint's ", that the pod didn't tolerate" stays with it.
  const pieces = rest.trim().replace(/\.$/, '').split(/,\s+(?=\d+ )/);
  const reasons = pieces.flatMap((piece): SchedulingReason[] => {
    const m = /^(\d+) ([\s\S]+)$/.exec(piece.trim());
    if (!m) return piece.trim() ? [classifySchedulingReason(piece.trim())] : [];
    const [, count = '0', text = ''] = m;
    return [{ nodes: Number(count), ...classifySchedulingReason(text.trim()) }];
  });
  return { available: Number(available), total: Number(total), reasons };
}

/** "3 Insufficient memory, 3 untolerated taint node.kubernetes.io/disk-pressure" */
export function summarizeSchedulingReasons(reasons: readonly SchedulingReason[]): string {
  return reasons
    .map((r) => {
      const count = r.nodes === undefined ? '' : `${r.nodes} `;
      if (r.category === 'insufficient') return `${count}Insufficient ${r.detail ?? ''}`;
      if (r.category === 'taint') return `${count}untolerated taint ${r.detail ?? ''}`;
      return `${count}${r.text}`;
    })
    .join(', ');
}
