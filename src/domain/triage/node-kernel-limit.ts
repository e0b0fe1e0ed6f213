/**
 * A process that stops because a kernel setting of its node is too low. Sysctls such as
 * vm.max_map_count and fs.inotify.* are not namespaced per container: every container of a node
 * shares them, and the inotify limits count per user id across all of the node's pods. So the same
 * image fails on one node (a packed one, a new pool whose bootstrap or sysctl DaemonSet does not set
 * it) and runs on the others: the node's configuration is at fault, not the app or its revision.
 * A setting can be too strict as well as too low: under vm.overcommit_memory=2 (strict commit
 * accounting) the kernel refuses a JVM the heap it commits at start (errno=12) however free the
 * node and the container are, where a pod over its memory limit would have been killed instead.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { nodePoolOf } from './node-pool.js';
import { isPodHealthy, listNodesOf, unique } from './pod-status.js';
import { formatBytes, parseQuantity } from './quantity.js';
import { findPlace } from './failing-place.js';
import { earliest, formatAgo } from './time-span.js';
import type { ToldReading } from './told-reading.js';
import { listFirst } from '../text.js';
import { quoteBootstrapCheck } from './runtime-ulimit.js';

export interface NodeKernelLimit {
  /** The sysctl that decides it: `fs.inotify.max_user_instances`. */
  setting: string;
  /** What ran out, in words: "inotify instances". */
  what: string;
  /** The node's value when the message says it, and the value the process asks for. */
  current?: string;
  wanted?: string;
  /** Counted per user id across every container of the node, not per pod. */
  sharedByNode: boolean;
  /** What the process could not do because the node turns the feature off (0), rather than running out of it. */
  turnedOff?: string;
  /** The log line that says it. */
  line: string;
  /** Memory the kernel refused to commit (strict overcommit accounting), in bytes. */
  refusedCommit?: number;
}

interface Pattern {
  test: RegExp;
  setting: string;
  what: string;
  sharedByNode: boolean;
  turnedOff?: string;
  /** A refused memory commit: the setting is too strict rather than too low. */
  commit?: true;
}

// Each runtime words it its own way: .NET, Node.js (chokidar, webpack), Go's fsnotify, inotify(7) errnos, Elasticsearch/OpenSearch bootstrap checks.
const PATTERNS: readonly Pattern[] = [
  { test: /user limit \((?<current>\d+)\) on the number of inotify instances/i, setting: 'fs.inotify.max_user_instances', what: 'inotify instances', sharedByNode: true },
  { test: /user limit \((?<current>\d+)\) on the number of inotify watches/i, setting: 'fs.inotify.max_user_watches', what: 'inotify watches', sharedByNode: true },
  { test: /system limit for number of file watchers reached|inotify_add_watch.*(no space left on device|ENOSPC)/i, setting: 'fs.inotify.max_user_watches', what: 'inotify watches', sharedByNode: true },
  { test: /inotify_init1?\b.*(too many open files|EMFILE)|(fsnotify|inotify) watcher: too many open files/i, setting: 'fs.inotify.max_user_instances', what: 'inotify instances', sharedByNode: true },
  // Chromium (Puppeteer, Playwright) builds its sandbox in a new user namespace; a node OS that sets
  // user.max_user_namespaces=0 (Bottlerocket, hardened images) refuses it with EPERM.
  { test: /No usable sandbox!|Failed to move to new namespace:[^"]*?(?:Operation not permitted|EPERM)/, setting: 'user.max_user_namespaces', what: 'user namespaces', sharedByNode: false, turnedOff: 'the browser cannot create its sandbox' },
  { test: /vm\.max_map_count \[(?<current>\d+)\] is too low(?:, increase to at least \[(?<wanted>\d+)\])?/i, setting: 'vm.max_map_count', what: 'memory map areas', sharedByNode: false },
  // HotSpot's warning when mmap refuses to commit reserved memory with ENOMEM; a cgroup limit never refuses, it kills.
  { test: /os::commit_memory\(0x[0-9a-f]+, (?<bytes>\d+), \d\) failed; error='[^']*' \(errno=12\)/i, setting: 'vm.overcommit_memory', what: 'commit memory', sharedByNode: false, commit: true },
];

/** The last log line that names a node kernel limit the process ran into. */
export function findNodeKernelLimit(lines: readonly string[]): NodeKernelLimit | undefined {
  for (const line of [...lines].reverse()) {
    for (const p of PATTERNS) {
      const m = p.test.exec(line);
      if (!m) continue;
      const { current, wanted, bytes } = m.groups ?? {};
      if (p.commit) return { setting: p.setting, what: p.what, sharedByNode: false, line: line.slice(m.index).trim(), refusedCommit: Number(bytes ?? 0) };
      // Of a feature turned off, the runtime's own verdict ("No usable sandbox!") is the line to quote.
      const said = p.turnedOff !== undefined ? (/No usable sandbox!/.exec(line) ?? /Failed to move to new namespace:[^"\\]*/.exec(line)) : null;
      return { setting: p.setting, what: p.what, sharedByNode: p.sharedByNode, line: said ? said[0].trim() : quoteBootstrapCheck(line, m), ...(p.turnedOff ? { turnedOff: p.turnedOff } : {}), ...(current ? { current } : {}), ...(wanted ? { wanted } : {}) };
    }
  }
  return undefined;
}

export interface KernelLimitTold extends ToldReading {
  evidence: string[];
  outside: string;
  /** What the pods' own use counts against, when the limit is shared by the node's containers (Finding.sharedLimit). */
  shared?: string;
  nodes: string[];
}

/** The pods' container images, as one comparable string. */
function imagesOf(pods: readonly PodEvidence[]): string {
  return unique(pods.flatMap((p) => p.containers.map((c) => c.image))).sort().join(' ');
}

/** "pool data-al2023" of the nodes, when the pods' nodes carry a node-pool label. */
function poolsOf(ev: TriageEvidence, pods: readonly PodEvidence[]): string[] {
  return unique(pods.flatMap((p) => nodePoolOf(findNode(ev, p.nodeName)) ?? []));
}

/**
 * The finding's words: the setting with the node's value, the nodes of the failing pods, and where
 * the same image runs (other nodes, another pool): a node's setting, fixed on the node.
 */
export function tellNodeKernelLimit(ev: TriageEvidence, limit: NodeKernelLimit, failing: readonly PodEvidence[], container?: string): KernelLimitTold {
  const nodes = listNodesOf(failing);
  const failingNames = new Set(failing.map((p) => p.name));
  // Only pods of the same images show the setting is what differs: a revision before runs other code.
  const images = imagesOf(failing);
  const healthy = ev.pods.filter((p) => !failingNames.has(p.name) && isPodHealthy(p, ev.collectedAt) && p.nodeName !== undefined && !nodes.includes(p.nodeName) && imagesOf([p]) === images);
  const healthyNodes = listNodesOf(healthy);
  const pools = poolsOf(ev, failing);
  const healthyPools = poolsOf(ev, healthy);
  const poolSplit = pools.length > 0 && healthyPools.length > 0 && !pools.some((p) => healthyPools.includes(p));
  const node = nodes.length === 0 ? 'the node' : `node ${listFirst(nodes, 2)}${poolSplit ? ` (pool ${pools.join(', ')})` : ''}`;
  const value = limit.current ? `${limit.setting}=${limit.current}` : limit.setting;
  const title = limit.turnedOff
    ? `: ${limit.what} are unavailable on ${node} (${limit.setting}), so ${limit.turnedOff}`
    : limit.wanted
      ? `: ${limit.setting} is ${limit.current ?? 'too low'} on ${node}, it needs at least ${limit.wanted}`
      : `: ${node} has used up its ${limit.what} (${value})`;
  const elsewhere = healthyNodes.length === 0 ? undefined
    : poolSplit ? `the same image runs on pool ${healthyPools.join(', ')} (${listFirst(healthyNodes, 2)})`
      : `the same image runs on ${healthyNodes.length} other node${healthyNodes.length === 1 ? '' : 's'} (${listFirst(healthyNodes, 2)})`;
  if (limit.refusedCommit !== undefined) {
    const memory = parseQuantity(failing.flatMap((p) => p.containers).find((c) => c.name === container)?.resources.limits['memory']);
    return tellRefusedCommit(ev, limit, limit.refusedCommit, failing, memory);
  }
  const shared = limit.sharedByNode
    ? `${limit.setting} is counted per user id across every container of the node, so a node packed with pods (or a few that watch many files) uses it up for all of them`
    : `${limit.setting} is a kernel setting of the node that no pod spec can change for itself; nodes get it from their bootstrap (user data, node template) or from a privileged sysctl DaemonSet`;
  const target = limit.wanted ?? (limit.turnedOff ? 'a value above 0' : 'a higher value');
  const onNodes = nodes.length > 0 ? `on ${listFirst(nodes, 2)}${poolSplit ? `'s pool (${pools.join(', ')})` : ''}` : 'on the nodes';
  const fix = `set ${limit.setting} to ${target} ${onNodes} (node user data or template, or a sysctl DaemonSet that covers those nodes)${limit.sharedByNode ? `, or make the processes use fewer ${limit.what}` : ''}`;
  return {
    title,
    // A limit counted across the node's containers is met by the code's own use too: only its memory is ruled out.
    cause: `The process stops because a kernel setting of its node is too low (${value}), not because of ${limit.sharedByNode ? '' : 'its code or '}its memory: ${shared}.${elsewhere ? ` ${elsewhere[0]?.toUpperCase()}${elsewhere.slice(1)}, where the setting is higher.` : ''} Look for what sets this sysctl on the healthy nodes and whether it covers ${nodes.length === 1 ? 'this one' : 'these'}.`,
    action: `Keep the pods off ${nodes.length > 0 ? listFirst(nodes, 2) : 'the failing nodes'} meanwhile (cordon and delete the failing pods; the bot will not), then ${fix}.`,
    fix,
    evidence: [
      `the log names the node's ${limit.setting}${limit.current ? ` (${limit.current}${limit.wanted ? `, needs ${limit.wanted}` : ''})` : ''}`,
      ...(elsewhere ? [elsewhere] : []),
    ],
    outside: `${limit.setting} is the node's setting: any revision fails the same way on ${nodes.length === 1 ? 'that node' : 'those nodes'}`,
    ...(limit.sharedByNode && limit.turnedOff === undefined ? { shared: limit.what } : {}),
    nodes,
  };
}

/**
 * A commit the kernel refused (ENOMEM) under strict overcommit accounting: no memory ran out in the
 * container, whose limit would have killed the process rather than refused it; the node's commit
 * limit did. Told by where the failing pods sit (a pool, new nodes) and dated by when they came
 * there; its fix is the node's sysctl back to the default, not more memory or a rollback.
 */
function tellRefusedCommit(ev: TriageEvidence, limit: NodeKernelLimit, refused: number, failing: readonly PodEvidence[], memory: number | undefined): KernelLimitTold {
  const nodes = listNodesOf(failing);
  const place = findPlace(ev, failing);
  const where = place?.name ?? (nodes.length > 0 ? `node ${listFirst(nodes, 2)}` : 'their nodes');
  const placed = earliest(failing.map((p) => p.createdAt));
  const dated = place?.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}${placed ? `, the failing pods placed there ${formatAgo(placed, ev.collectedAt)}` : ''}` : '';
  const size = formatBytes(refused);
  const within = memory !== undefined && refused < memory ? `, well within its ${formatBytes(memory)} container limit` : '';
  const fix = `set vm.overcommit_memory back to 0 (heuristic, the default) on ${where} (the sysctl DaemonSet or node template that sets 2 there)`;
  const keepOff = place ? `node affinity to ${place.elsewhere}, where the same image runs` : 'nodeSelector or node affinity';
  return {
    title: `: the kernel refuses to commit ${size} (errno=12) on ${where}: strict overcommit accounting (vm.overcommit_memory=2), not an out-of-memory kill${dated}`,
    ...(dated ? { datesChange: true as const } : {}),
    cause: `The JVM commits its initial heap at start (${size}${within}) and the kernel refuses the commit with ENOMEM ("${limit.line}"), so it exits before the app runs. A container past its memory limit is killed (exit 137), never refused: a refused commit is the node's commit accounting. Under vm.overcommit_memory=2 the kernel grants all processes together no more than swap plus overcommit_ratio% of RAM, however little of it is in use.${place ? ` The same image runs on ${place.elsewhere}, where commits are not accounted strictly.` : ''} Look for what sets vm.overcommit_memory on ${where}: a sysctl or tuning DaemonSet, or the node template.`,
    action: `Keep the pods off ${where} meanwhile (${keepOff}), then ${fix}; restarting the pods or a rollback will not help.`,
    fix,
    evidence: [`the JVM's commit of ${size} was refused with errno=12 (ENOMEM): the node's commit limit, not the container's memory limit`, ...(place ? [`the same image runs on ${place.elsewhere}`] : [])],
    outside: `vm.overcommit_memory is the node's setting: any revision fails the same way on ${where}`,
    nodes,
  };
}
