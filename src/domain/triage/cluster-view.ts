/**
 * A split cluster: the members of a clustered app (Hazelcast, Infinispan/JGroups, Ignite, Akka,
 * Elasticsearch, RabbitMQ…) each log the cluster view they hold ("Members {size:1, ver:1} [",
 * "Received new cluster view … (1) [node-a]", "cluster of 1 node"). When several Ready replicas
 * each hold a view smaller than the replicas there are, they did not find one another: each runs
 * a cluster of its own, and what they were meant to share (a cache, sessions, locks) is split,
 * with every pod Ready and the logs at INFO. One replica alone is what it is meant to be.
 * Also reads the port the members talk on: the one their own addresses carry in those lines.
 * Pure: reads the workload's pods and log tails.
 */
import type { ContainerPortEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';

/** A view's size, as the libraries print it; the first group that matched is the count. */
const VIEW_SIZES: RegExp[] = [
  // Hazelcast: "Members {size:3, ver:5} ["
  /\bMembers \{size:(\d+)\b/,
  // JGroups / Infinispan: "new cluster view for channel x: [node-a|4] (3) [node-a, node-b, node-c]"
  /\bview\b[^\n]{0,80}?\[[^\]|\s]+\|\d+\]\s*\((\d+)\)/i,
  // Generic: "cluster size: 3", "cluster members=3", "cluster of 3 nodes", "3 members in the cluster"
  /\bcluster (?:size|members?)\s*[:=]\s*(\d+)\b/i,
  /\bcluster of (\d+) (?:nodes?|members?|servers?)\b/i,
  /\b(\d+) (?:members?|nodes?) in (?:the )?cluster\b/i,
];
/** A member that says it found no peer: a view of one. */
const ALONE = /\bform(?:ing|ed)? a (?:new )?cluster by itself\b|\bcluster of one\b|\bno other (?:cluster )?members? (?:found|discovered)\b|\bdiscovered 0 (?:members|peers|nodes)\b/i;
/** The clustering library the lines name, for the words of a title. */
export const CLUSTER_LIBRARIES: [RegExp, string][] = [
  [/hazelcast/i, 'Hazelcast'], [/infinispan|\bISPN\d+/i, 'Infinispan'], [/jgroups|KUBE_PING/i, 'JGroups'], [/\bakka\b/i, 'Akka'],
  [/\bpekko\b/i, 'Pekko'], [/\bignite\b/i, 'Ignite'], [/elasticsearch|opensearch/i, 'Elasticsearch'], [/rabbit/i, 'RabbitMQ'],
];
/** A container port named for member traffic, when the lines give no address to read it from. */
const MEMBER_PORT_NAME = /hazelcast|cluster|member|gossip|jgroups|peer|raft|serf|transport|epmd|dist|akka|remot|bus|ignite|discovery/i;

export interface MemberView {
  pod: string;
  /** How many members the pod's latest view holds. */
  size: number;
  line: string;
}

export interface SplitCluster {
  /** The Ready pods' latest views that are smaller than the Ready replicas, one per pod. */
  views: MemberView[];
  /** Ready replicas of the workload. */
  ready: number;
  /** The port the members talk to each other on, when the lines or the declared ports tell it. */
  port?: ContainerPortEvidence;
  library?: string;
}

/** The size the line gives a view, or undefined when it gives none. */
export function readViewSize(line: string): number | undefined {
  if (ALONE.test(line)) return 1;
  for (const re of VIEW_SIZES) {
    const m = re.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}

/** The pod's latest view in its current log; the lines after a view may grow it as members join. */
function latestView(log: LogEvidence): MemberView | undefined {
  for (let i = log.lines.length - 1; i >= 0; i--) {
    const line = log.lines[i] ?? '';
    const size = readViewSize(line);
    if (size !== undefined && size > 0) return { pod: log.pod, size, line: line.trim() };
  }
  return undefined;
}

/** The declared port the members' own addresses carry most often in their lines ("[10.1.2.3]:7800", "10.1.2.3:9300"). */
function readMemberPort(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): ContainerPortEvidence | undefined {
  const ips = new Set(pods.flatMap((p) => p.podIPs ?? []));
  const declared = pods.flatMap((p) => p.containers.flatMap((c) => c.ports)).filter((p) => p.protocol === 'TCP');
  const counts = new Map<number, number>();
  for (const log of logs) {
    for (const line of log.lines) {
      for (const m of line.matchAll(/\[?(\d{1,3}(?:\.\d{1,3}){3})\]?:(\d{2,5})\b/g)) {
        const port = Number(m[2]);
        if (ips.has(m[1] ?? '') && declared.some((d) => d.containerPort === port)) counts.set(port, (counts.get(port) ?? 0) + 1);
      }
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best !== undefined) return declared.find((d) => d.containerPort === best[0]);
  const named = declared.filter((d) => d.name !== undefined && MEMBER_PORT_NAME.test(d.name));
  return new Set(named.map((d) => d.containerPort)).size === 1 ? named[0] : undefined;
}

/** Ready replicas that each hold a smaller cluster view than there are Ready replicas; undefined otherwise. */
export function findSplitCluster(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): SplitCluster | undefined {
  const ready = pods.filter((p) => p.ready && p.phase === 'Running');
  if (ready.length < 2) return undefined;
  const names = new Set(ready.map((p) => p.name));
  const current = logs.filter((l) => !l.previous && names.has(l.pod));
  const views = current.map(latestView).filter((v): v is MemberView => v !== undefined);
  const short = [...new Map(views.filter((v) => v.size < ready.length).map((v) => [v.pod, v])).values()];
  // Two members short of the others, and none that sees them all: one lagging view is a member still joining.
  if (short.length < 2 || views.some((v) => v.size >= ready.length)) return undefined;
  const port = readMemberPort(current, ready);
  const library = CLUSTER_LIBRARIES.find(([re]) => current.some((l) => l.lines.some((x) => re.test(x))))?.[1];
  return { views: short, ready: ready.length, ...(port ? { port } : {}), ...(library ? { library } : {}) };
}
