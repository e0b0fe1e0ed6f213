/**
 * Elasticsearch and OpenSearch stop at start (exit 78) when a bootstrap check fails. The checks on
 * the process's resource limits (RLIMIT_MEMLOCK behind bootstrap.memory_lock, RLIMIT_NOFILE,
 * RLIMIT_NPROC) read ulimits the container inherits from its node's container runtime (containerd's
 * or Bottlerocket's OCI defaults, dockerd's --default-ulimit): no pod spec field sets them, so the
 * same image passes on one node group and fails on another. The nodes' runtime is to change, not
 * the search engine's heap or config (turning the check's setting off is only a stopgap).
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { nodePoolOf } from './node-pool.js';
import { isPodHealthy, listNodesOf, unique } from './pod-status.js';
import type { ToldReading } from './told-reading.js';
import { listFirst } from '../text.js';

export interface RuntimeUlimit {
  /** The process limit the check read: `RLIMIT_MEMLOCK`. */
  limit: 'RLIMIT_MEMLOCK' | 'RLIMIT_NOFILE' | 'RLIMIT_NPROC';
  /** The process's value when the log says it, and the value the check asks for. */
  current?: string;
  wanted?: string;
  /** The bootstrap check's own words, quoted. */
  line: string;
  /** The log's other lines about the same limit ("Unable to lock JVM Memory: error=12 …"). */
  detail: string[];
}

interface Check {
  test: RegExp;
  limit: RuntimeUlimit['limit'];
  /** A warning before the check that says the process's value: "soft limit: 8388608". */
  value?: RegExp;
  /** Other lines worth quoting beside the check. */
  detail?: RegExp;
}

// The wording of Elasticsearch 5–8 and OpenSearch 1–2 (bootstrap/BootstrapChecks.java).
const CHECKS: readonly Check[] = [
  {
    test: /memory locking requested for (?:elasticsearch|opensearch) process but memory is not locked/i,
    limit: 'RLIMIT_MEMLOCK',
    value: /RLIMIT_MEMLOCK,? soft limit: (?<current>\d+|unlimited)/i,
    detail: /Unable to lock JVM Memory: error=\d+(?:, reason=[^"\\]+)?|Increase RLIMIT_MEMLOCK, soft limit: \d+, hard limit: \d+/i,
  },
  { test: /max file descriptors \[(?<current>\d+)\] for (?:elasticsearch|opensearch) process is too low, increase to at least \[(?<wanted>\d+)\]/i, limit: 'RLIMIT_NOFILE' },
  { test: /max number of threads \[(?<current>\d+)\] for user \[[^\]]+\] is too low, increase to at least \[(?<wanted>\d+)\]/i, limit: 'RLIMIT_NPROC' },
];

/**
 * ES 8 logs the failed checks inside one JSON message ("…\nbootstrap check failure [1] of [1]: …;
 * for more information see […]"): the check's own words, not the whole record.
 */
export function quoteBootstrapCheck(line: string, match: RegExpExecArray): string {
  const start = line.lastIndexOf('bootstrap check failure', match.index);
  const from = start >= 0 && !/\\n|\n/.test(line.slice(start, match.index)) ? start : match.index;
  const rest = line.slice(match.index + match[0].length);
  const end = /;|\\n|\n|"|$/.exec(rest)?.index ?? rest.length;
  const quote = line.slice(from, match.index + match[0].length + end).trim();
  return line.length > quote.length + 40 ? quote : line.trim();
}

/** The last bootstrap check that failed on a process limit the container runtime sets. */
export function findRuntimeUlimit(lines: readonly string[]): RuntimeUlimit | undefined {
  for (const line of [...lines].reverse()) {
    for (const check of CHECKS) {
      const m = check.test.exec(line);
      if (!m) continue;
      const current = m.groups?.['current'] ?? lines.map((l) => check.value?.exec(l)?.groups?.['current']).find((v) => v !== undefined);
      const wanted = m.groups?.['wanted'];
      const detail = unique(lines.flatMap((l) => check.detail?.exec(l)?.[0] ?? []));
      return { limit: check.limit, line: quoteBootstrapCheck(line, m), detail, ...(current ? { current } : {}), ...(wanted ? { wanted } : {}) };
    }
  }
  return undefined;
}

interface LimitWords {
  /** What the check needs, in words. */
  need: string;
  /** The ulimit's everyday name. */
  ulimit: string;
  /** Where a node's runtime sets it. */
  where: string;
  /** The setting that lifts the check meanwhile, if there is one. */
  stopgap?: string;
}

const WORDS: Record<RuntimeUlimit['limit'], LimitWords> = {
  RLIMIT_MEMLOCK: {
    need: 'bootstrap.memory_lock is true, so it must lock its memory (mlockall), and the locked-memory limit it was given is too low',
    ulimit: 'memlock',
    where: "LimitMEMLOCK=infinity in containerd's systemd unit or the runtime's default ulimits; on Bottlerocket settings.oci-defaults.resource-limits.max-locked-memory",
    stopgap: 'set bootstrap.memory_lock=false',
  },
  RLIMIT_NOFILE: {
    need: 'the check needs more open files than the limit it was given',
    ulimit: 'nofile',
    where: "LimitNOFILE in containerd's systemd unit or the runtime's default ulimits; on Bottlerocket settings.oci-defaults.resource-limits.max-open-files",
  },
  RLIMIT_NPROC: {
    need: 'the check needs more threads than the limit it was given',
    ulimit: 'nproc',
    where: "LimitNPROC in containerd's systemd unit or the runtime's default ulimits; on Bottlerocket settings.oci-defaults.resource-limits.max-processes",
  },
};

/** "8 MiB" for a byte count the memlock warning gives; other limits are counts. */
function describeValue(limit: RuntimeUlimit): string | undefined {
  if (limit.current === undefined) return undefined;
  if (limit.limit !== 'RLIMIT_MEMLOCK' || !/^\d+$/.test(limit.current)) return limit.current;
  const bytes = Number(limit.current);
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

function poolsOf(ev: TriageEvidence, pods: readonly PodEvidence[]): string[] {
  return unique(pods.flatMap((p) => nodePoolOf(findNode(ev, p.nodeName)) ?? []));
}

export interface RuntimeUlimitTold extends ToldReading {
  evidence: string[];
  outside: string;
}

/**
 * The finding's words: the limit and its value, the failing pods' nodes (their pool and OS when
 * the healthy pods run elsewhere), the runtime setting that raises it and the check's stopgap.
 */
export function tellRuntimeUlimit(ev: TriageEvidence, limit: RuntimeUlimit, failing: readonly PodEvidence[]): RuntimeUlimitTold {
  const words = WORDS[limit.limit];
  const nodes = listNodesOf(failing);
  const failingNames = new Set(failing.map((p) => p.name));
  const healthy = ev.pods.filter((p) => !failingNames.has(p.name) && isPodHealthy(p, ev.collectedAt) && p.nodeName !== undefined && !nodes.includes(p.nodeName));
  const pools = poolsOf(ev, failing);
  const healthyPools = poolsOf(ev, healthy);
  const poolSplit = pools.length > 0 && healthyPools.length > 0 && !pools.some((p) => healthyPools.includes(p));
  // "Bottlerocket OS 1.26.2" of "Bottlerocket OS 1.26.2 (aws-k8s-1.31)".
  const os = unique(nodes.flatMap((n) => findNode(ev, n)?.osImage?.replace(/\s*\(.*\)$/, '') ?? []));
  const onWhat = poolSplit ? `pool ${pools.join(', ')}` : nodes.length > 0 ? `node ${listFirst(nodes, 2)}` : 'its node';
  const value = describeValue(limit);
  const valueText = value ? ` (${limit.limit} ${value}${limit.wanted ? `, needs ${limit.wanted}` : ''})` : '';
  const fix = `raise the ${words.ulimit} ulimit of the container runtime on ${poolSplit ? `the ${pools.join(', ')} nodes` : nodes.length > 0 ? listFirst(nodes, 2) : 'the failing nodes'} to ${limit.wanted ?? 'unlimited'} (${words.where})${words.stopgap ? `, or ${words.stopgap} as a stopgap` : ''}`;
  const elsewhere = poolSplit ? ` The same image runs on pool ${healthyPools.join(', ')} (${listFirst(listNodesOf(healthy), 2)}), whose runtime allows it.` : '';
  return {
    title: `: the ${words.ulimit} ulimit on ${onWhat}${os.length === 1 ? ` (${os[0]})` : ''} is too low${valueText}`,
    cause: `A bootstrap check stops the search engine at start: ${words.need}${valueText}. That limit is a ulimit of the process, set by the container runtime of the node it runs on, not by the pod spec or the engine's config.${elsewhere} Nodes new to the workload (another pool or OS image, a nodeSelector change) bring their runtime's default limit.`,
    action: `${fix[0]?.toUpperCase()}${fix.slice(1)}; restarting the pods will not help.`,
    fix,
    evidence: [
      `the log's bootstrap check reads ${limit.limit}${value ? ` (${value})` : ''}`,
      ...limit.detail.map((d) => `log: ${d}`),
    ],
    outside: `${limit.limit} is set by the node's container runtime: any revision fails the same way on ${nodes.length === 1 ? 'that node' : 'those nodes'}`,
  };
}
