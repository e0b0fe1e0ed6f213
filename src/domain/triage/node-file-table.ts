/**
 * A node whose kernel file table is full. ENFILE ("too many open files in system", libuv's "file
 * table overflow") is not the process's own nofile limit (that is EMFILE, "too many open files"):
 * the kernel counts every open file and socket of every process of the node against one table
 * (fs.file-max), so when it is full every open, socket and accept there fails, whatever each
 * container's rlimit. The workload's pods on that node fail and those elsewhere serve; what fills
 * the table is usually another process on the node that leaks descriptors (a node agent that walks
 * the host's files, a log shipper that never closes rotated files), which its own log may count.
 * Its fix is on the node: stop the holder; a higher nofile limit for the workload changes nothing.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { NodeFilesEvidence } from './evidence-node-files.js';
import type { Finding } from './finding.js';
import { formatKubectl } from './kubectl-command.js';
import { isPodHealthy, listNodesOf, unique } from './pod-status.js';
import { listFirst } from '../text.js';

/** The kernel's ENFILE as runtimes word it: strerror's, libuv's, the errno's name, the kernel's own log. */
export const FILE_TABLE_FULL = /too many open files in system|\bENFILE\b|file table overflow|VFS: file-max limit \d+ reached/i;

/** A process's own count of its open descriptors: `open_fds=N`, `"num_fds": N`, `process_open_fds N`. */
const FD_COUNT = /"?\b(?:process_)?(?:open_?fds|open_?files|fds_?open|num_?fds|fd_?count|open_?file_?descriptors)"?\s*[=:]?\s*(\d+)/i;
/** The node's table size when a log states it: `fs.file-max = N`, `fs_file_max=N`, the kernel's "file-max limit N reached". */
const FILE_MAX = /fs[._]file[-_]max"?\s*[=:]?\s*(\d+)|file-max limit (\d+) reached/i;

/** At most this many nodes are read for their pods. */
const MAX_NODES = 2;
/** At most this many likely holders' log tails are read per node. */
export const MAX_HOLDER_LOGS = 3;
/** A count this high is a holder by itself: a healthy process keeps a few thousand open at most. */
const HIGH_COUNT = 100_000;

type NodePod = NodeFilesEvidence['pods'][number];

/** Nodes of the workload's pods whose logs say the node's file table is full, most lines first. */
export function pickFileTableNodes(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): string[] {
  const counts = new Map<string, number>();
  for (const l of logs) {
    const node = pods.find((p) => p.name === l.pod)?.nodeName;
    const n = l.lines.filter((x) => FILE_TABLE_FULL.test(x)).length;
    if (node !== undefined && n > 0) counts.set(node, (counts.get(node) ?? 0) + n);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_NODES).map(([node]) => node);
}

/**
 * The node's running pods of other workloads, likeliest holders first: those that mount the host's
 * filesystem (hostPath: agents that walk or tail the host's files), then node agents (DaemonSets),
 * then those that restarted; Kubernetes's own (kube-system) after the rest.
 */
export function rankFileHolders(pods: readonly NodePod[], isOwn: (namespace: string, name: string) => boolean): NodePod[] {
  const score = (x: NodePod) =>
    ((x.pod.volumes ?? []).some((v) => v.source === 'hostPath') ? 4 : 0)
    + (/^DaemonSet /.test(x.owner ?? '') ? 2 : 0)
    + (x.pod.containers.some((c) => c.restartCount > 0) ? 1 : 0)
    - (x.namespace === 'kube-system' ? 8 : 0);
  return pods
    .filter((x) => x.pod.phase === 'Running' && x.pod.deletionTimestamp === undefined && !isOwn(x.namespace, x.pod.name))
    .sort((a, b) => score(b) - score(a) || (a.pod.name < b.pod.name ? -1 : 1));
}

/** The container of a pod whose log to read: the one that restarted most, else the first. */
export function pickHolderContainer(p: PodEvidence): string | undefined {
  return [...p.containers].sort((a, b) => b.restartCount - a.restartCount)[0]?.name;
}

export interface FileTableHolder {
  namespace: string;
  owner?: string;
  pod: string;
  container: string;
  /** The first and the last descriptor count its log tail gives. */
  first: number;
  last: number;
  /** The line with the last count. */
  line: string;
}

export interface NodeFileTable {
  node: string;
  /** The node's table size, when a log read states it. */
  fileMax?: number;
  holder?: FileTableHolder;
  /** Pods of the node whose log tails were read and that count no climbing descriptors. */
  cleared: string[];
}

function fdCountsOf(lines: readonly string[]): { value: number; line: string }[] {
  return lines.flatMap((line) => {
    const m = FD_COUNT.exec(line);
    return m ? [{ value: Number(m[1]), line: line.trim() }] : [];
  });
}

/**
 * What holds the node's table, from the log tails read there: the pod whose own count of open
 * descriptors climbs (or stands far above any healthy process's), the highest such; undefined
 * when the node's pods were not read.
 */
export function findFileTable(ev: TriageEvidence, node: string): NodeFileTable | undefined {
  const read = ev.nodeFiles?.find((d) => d.node === node);
  if (read === undefined) return undefined;
  const candidates = read.logs.flatMap((l) => {
    const counts = fdCountsOf(l.lines);
    const first = counts[0];
    const last = counts.at(-1);
    if (first === undefined || last === undefined) return [];
    const peak = Math.max(...counts.map((c) => c.value));
    const climbs = counts.length >= 2 && peak >= 1.5 * Math.max(first.value, 1) && peak >= 10_000;
    if (!climbs && peak < HIGH_COUNT) return [];
    const at = read.pods.find((x) => x.pod.name === l.pod);
    return [{ namespace: at?.namespace ?? '', ...(at?.owner ? { owner: at.owner } : {}), pod: l.pod, container: l.container, first: first.value, last: peak, line: (counts.find((c) => c.value === peak) ?? last).line }];
  });
  const holder = candidates.sort((a, b) => b.last - a.last)[0];
  const logs = [...read.logs.map((l) => l.lines), ...ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod && p.nodeName === node)).map((l) => l.lines)].flat();
  const max = logs.map((l) => FILE_MAX.exec(l)).find((m) => m !== null);
  const fileMax = max ? Number(max[1] ?? max[2]) : undefined;
  return {
    node,
    ...(fileMax !== undefined ? { fileMax } : {}),
    ...(holder ? { holder } : {}),
    cleared: unique(read.logs.map((l) => l.pod).filter((p) => p !== holder?.pod)),
  };
}

function withThousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** "DaemonSet security/node-walker's pod node-walker-x2k9q", or the pod alone. */
function nameHolder(h: FileTableHolder): string {
  const owner = /^(\w+) (.+)$/.exec(h.owner ?? '');
  return owner ? `${owner[1]} ${h.namespace}/${owner[2]}'s pod ${h.pod}` : `pod ${h.namespace}/${h.pod}`;
}

/**
 * The descriptors finding rewritten when the lines are ENFILE: the node's table, not the process's
 * limit. Names the node(s), the pods elsewhere that serve, and the holder the node's logs show.
 */
export function withNodeFileTable(ev: TriageEvidence, f: Finding, logs: readonly LogEvidence[]): Finding {
  const names = new Set(f.affected?.pods ?? []);
  const hit = logs.filter((l) => names.has(l.pod) && l.lines.some((x) => FILE_TABLE_FULL.test(x)));
  if (hit.length === 0) return f;
  const failing = ev.pods.filter((p) => hit.some((l) => l.pod === p.name));
  const nodes = listNodesOf(failing);
  if (nodes.length === 0) return f;
  const elsewhere = ev.pods.filter((p) => p.nodeName !== undefined && !nodes.includes(p.nodeName) && isPodHealthy(p, ev.collectedAt));
  const tables = nodes.flatMap((n) => findFileTable(ev, n) ?? []);
  const holder = tables.find((t) => t.holder !== undefined)?.holder;
  const fileMax = tables.find((t) => t.fileMax !== undefined)?.fileMax;
  const holderNode = tables.find((t) => t.holder !== undefined)?.node ?? nodes[0] ?? '';
  const cleared = tables.flatMap((t) => t.cleared);
  const where = `node ${listFirst(nodes, 2)}`;
  const table = `the node's kernel file table is full (ENFILE "too many open files in system", fs.file-max${fileMax !== undefined ? ` = ${withThousands(fileMax)}` : ''})`;
  const grew = holder && holder.first < holder.last * 0.9 ? `, up from ${withThousands(holder.first)}` : '';
  const held = holder ? ` — ${nameHolder(holder)} there holds ${withThousands(holder.last)} open descriptors${grew}` : '';
  const count = /: (\d+) such lines in the logs of (\d+) pods?/.exec(f.title);
  const title = `${ev.target.name} cannot open files or sockets on ${where}: ${table}, not its own nofile limit${held}${count ? count[0] : ''}`;
  const serve = elsewhere.length > 0 ? ` Its ${elsewhere.length} pod${elsewhere.length === 1 ? '' : 's'} on other nodes (${listFirst(listNodesOf(elsewhere), 2)}) serve, so neither its code nor its revision is at fault.` : '';
  const deletion = holder ? formatKubectl({ ...ev.target, namespace: holder.namespace }, `delete pod ${holder.pod}`) : undefined;
  const cause = `ENFILE ("too many open files in system") is the kernel's system-wide file table, not the process's nofile limit (that is EMFILE, "too many open files"): every open file and socket of every process on the node counts against fs.file-max, so once it is full every open, dial and accept there fails, in every container alike.${serve}${holder ? ` On ${holderNode}, ${nameHolder(holder)} counts ${withThousands(holder.last)} open descriptors in its own log${grew} ("${holder.line.slice(0, 200)}"): it leaks them and holds the table.` : ` What holds the table is another process on ${where}${cleared.length > 0 ? `; the log tails read there (${listFirst(cleared, 3)}) count no climbing descriptors` : ''}.`}`;
  const nextAction = holder
    ? `Mitigate: restart ${nameHolder(holder)} on ${holderNode} (${deletion ?? ''}) to give the node its file table back — the workload's pods there recover without a restart of their own; then fix that ${holder.owner ? holder.owner.split(' ')[0] : 'pod'}'s descriptor leak (or cap it with its own nofile limit). A higher nofile limit for ${ev.target.name} changes nothing: the table is the node's.`
    : `Mitigate: cordon ${listFirst(nodes, 2)} and delete the workload's pods there so they start elsewhere (the bot will not); then find the process that holds the node's descriptors (on the node: /proc/sys/fs/file-nr, and /proc/*/fd counted per process) and restart or fix it. A higher nofile limit for ${ev.target.name} changes nothing: the table is the node's.`;
  const fix = holder
    ? `restart ${holder.pod}${holder.owner ? ` (${holder.owner})` : ''} to free the node's file table, then fix its descriptor leak`
    : `find and stop the process that fills ${where}'s file table (fs.file-max); a higher nofile limit for the pod changes nothing`;
  return {
    ...f,
    title,
    layer: 'node/eviction',
    evidence: [
      ...f.evidence,
      `"too many open files in system" (ENFILE): the node's file table, on ${where}`,
      ...(elsewhere.length > 0 ? [`${elsewhere.length} pod${elsewhere.length === 1 ? '' : 's'} on other nodes ready: ${listFirst(elsewhere.map((p) => p.name), 3)}`] : []),
      ...(holder ? [`log ${holder.namespace}/${holder.pod}: ${holder.line.slice(0, 300)}`] : []),
      ...(cleared.length > 0 ? [`no climbing descriptor count in the log tails of ${listFirst(cleared, 3)}`] : []),
    ],
    likelyCause: cause,
    nextAction,
    fix,
    outsideWorkload: `the file table is ${where}'s, shared by every process there: any revision fails the same way on ${nodes.length === 1 ? 'that node' : 'those nodes'}`,
    confirmCommands: [
      ...f.confirmCommands,
      ...(holder ? [formatKubectl({ ...ev.target, namespace: holder.namespace }, `logs ${holder.pod} -c ${holder.container} --tail=100`)] : []),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${nodes[0] ?? ''}`, 'cluster'),
      formatKubectl(ev.target, `debug node/${nodes[0] ?? ''} -it --image=busybox -- cat /proc/sys/fs/file-nr`, 'cluster'),
    ],
    affected: { pods: failing.map((p) => p.name), nodes },
  };
}
