// What partitions each Kafka consumer of a group says it was given at the last rebalance. In a
// group each partition goes to exactly one member: members past the partition count get an
// empty assignment and consume nothing, however many replicas run.
import type { LogEvidence } from './evidence-pod.js';

/** One pod's latest assignment, as its client logged it. */
export interface PodAssignment {
  pod: string;
  /** "topic-3"; empty: the member got no partition. */
  partitions: string[];
  line: string;
}

/** The group leader's whole assignment (Java's "Finished assignment for group at generation N"). */
export interface LeaderAssignment {
  pod: string;
  generation?: number;
  members: number;
  /** Members given at least one partition. */
  assigned: number;
  /** Every partition handed out: the assignor hands out all of the subscribed topics'. */
  partitions: string[];
  line: string;
}

export interface ConsumerAssignments {
  pods: PodAssignment[];
  leader?: LeaderAssignment;
  /** The consumer group, when a line names it (groupId=…). */
  group?: string;
}

/** Lines that state a member's whole assignment, whatever the rebalance protocol. */
const WHOLE: RegExp[] = [
  // Java client: "Notifying assignor about the new Assignment(partitions=[t-0, t-1])".
  /Notifying assignor about the new Assignment\(partitions=\[([^\]]*)\]/,
  // Java client, cooperative: "Assigned partitions: [t-0]" in "Updating assignment with".
  /\bAssigned partitions:\s*\[([^\]]*)\]/,
  // kafka-python / aiokafka: "Updated partition assignment: [TopicPartition(topic='t', partition=0)]".
  /Updated partition assignment:\s*(\[[^\]]*\]|(?:frozen)?set\(\)|\{[^}]*\})/,
  // kafkajs: "Consumer has joined the group" with "memberAssignment":{"t":[0,1]}.
  /"memberAssignment":\s*(\{(?:[^{}]|\{[^{}]*\})*\})/,
];

/**
 * Lines that state only what a rebalance added: the whole assignment under an eager protocol,
 * a delta under a cooperative one (an empty one is routine there).
 */
const ADDED: RegExp[] = [
  // Java client: "Adding newly assigned partitions: t-0, t-1" (nothing after the colon: none).
  /Adding newly assigned partitions:([^\n]*)$/,
  // kafka-python: "Setting newly assigned partitions set() for group g".
  /Setting newly assigned partitions\s+(set\(\)|\{[^}]*\}|\[[^\]]*\])/,
  // Spring Kafka and apps: "partitions assigned: [t-0]", "assigned partitions: []".
  /\b(?:partitions assigned|assigned partitions)\s*[:=]\s*(\[[^\]]*\])/i,
  // confluent-kafka-go: "AssignedPartitions: [t[0]@unset]".
  /\bAssignedPartitions:?\s*(\[[^\]]*\])/,
];

const COOPERATIVE = /cooperative/i;
const LEADER = /Finished assignment for group at generation (\d+): \{(.*)\}/;
const GROUP = /groupId=([\w.-]+)|"groupId":"([^"]+)"|for group ([\w.-]+)/;

/** "[t-0, t-1]", "{TopicPartition(topic='t', partition=0)}", "t[0]@unset", '{"t":[0,1]}' → ["t-0", "t-1"]. */
export function parsePartitions(list: string): string[] {
  const text = list.trim();
  const python = [...text.matchAll(/TopicPartition\(topic='([^']+)',\s*partition=(\d+)\)/g)].map((m) => `${m[1] ?? ''}-${m[2] ?? ''}`);
  if (python.length > 0) return python;
  const js = [...text.matchAll(/"([^"]+)":\s*\[([\d,\s]*)\]/g)].flatMap((m) => (m[2] ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '').map((n) => `${m[1] ?? ''}-${n}`));
  if (js.length > 0 || text.startsWith('{"') || /^\{\s*\}$/.test(text)) return js;
  const go = [...text.matchAll(/([\w.-]+)\[(\d+)\]/g)].map((m) => `${m[1] ?? ''}-${m[2] ?? ''}`);
  if (go.length > 0) return go;
  return text.replace(/^(?:frozen)?set\(\)$/, '').replace(/^[[{(]|[\]})]$/g, '').split(',').map((s) => s.trim()).filter((s) => /^[\w.-]+-\d+$/.test(s));
}

function readLeader(pod: string, line: string): LeaderAssignment | undefined {
  const m = LEADER.exec(line);
  if (!m) return undefined;
  const members = [...(m[2] ?? '').matchAll(/=Assignment\(partitions=\[([^\]]*)\]/g)].map((a) => parsePartitions(`[${a[1] ?? ''}]`));
  if (members.length === 0) return undefined;
  return {
    pod,
    generation: Number(m[1]),
    members: members.length,
    assigned: members.filter((p) => p.length > 0).length,
    partitions: [...new Set(members.flat())],
    line,
  };
}

/** Each pod's latest assignment (current containers only) and the latest leader's view of the group. */
export function readConsumerAssignments(logs: readonly LogEvidence[]): ConsumerAssignments {
  const pods: PodAssignment[] = [];
  let leader: LeaderAssignment | undefined;
  let group: string | undefined;
  for (const log of logs) {
    if (log.previous) continue;
    const cooperative = log.lines.some((l) => COOPERATIVE.test(l));
    let whole: PodAssignment | undefined;
    let added: PodAssignment | undefined;
    for (const line of log.lines) {
      const led = readLeader(log.pod, line);
      if (led) leader = led;
      const w = WHOLE.map((re) => re.exec(line)).find((m) => m !== null);
      const a = w ? undefined : ADDED.map((re) => re.exec(line)).find((m) => m !== null);
      if (w || a) {
        const g = GROUP.exec(line);
        group ??= g?.[1] ?? g?.[2] ?? g?.[3];
      }
      if (w) whole = { pod: log.pod, partitions: parsePartitions(w[1] ?? ''), line };
      else if (a) added = { pod: log.pod, partitions: parsePartitions(a[1] ?? ''), line };
    }
    // Under a cooperative protocol an added-only line says nothing of what the member keeps.
    const mine = whole ?? (cooperative ? undefined : added);
    if (mine) pods.push(mine);
  }
  return { pods, ...(leader ? { leader } : {}), ...(group ? { group } : {}) };
}

/** A group with more members than partitions, as its logs show it. */
export interface IdleConsumers {
  group?: string;
  /** Partitions handed out; exact when the leader's whole assignment was read (it hands out all). */
  partitions: string[];
  exact: boolean;
  /** Members counted: the leader's, or the pods whose assignment was read. */
  members: number;
  /** Of those, members given no partition. */
  idle: number;
  idlePods: PodAssignment[];
  busyPods: PodAssignment[];
  leader?: LeaderAssignment;
}

/** Members past the partition count, idle beside members that consume: undefined when the logs do not show it. */
export function findIdleConsumers(logs: readonly LogEvidence[]): IdleConsumers | undefined {
  const a = readConsumerAssignments(logs);
  const idlePods = a.pods.filter((p) => p.partitions.length === 0);
  const busyPods = a.pods.filter((p) => p.partitions.length > 0);
  const leader = a.leader && a.leader.assigned > 0 && a.leader.members > a.leader.assigned ? a.leader : undefined;
  const base = { ...(a.group ? { group: a.group } : {}), idlePods, busyPods };
  if (leader) return { ...base, partitions: leader.partitions, exact: true, members: leader.members, idle: leader.members - leader.assigned, leader };
  // Without the leader's view, one idle member beside one that consumes says the same, as a lower bound.
  if (idlePods.length === 0 || busyPods.length === 0) return undefined;
  return { ...base, partitions: [...new Set(busyPods.flatMap((p) => p.partitions))], exact: false, members: a.pods.length, idle: idlePods.length };
}
