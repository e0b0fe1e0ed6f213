import type { NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { PROBE_TIMEOUT, SLOW_WORK } from '../cpu-limit-cut.js';
import { eventContainer, findNode, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { quoteLineWith, readGoProcs } from '../host-sized-procs.js';
import { readPoolThreads, type PoolThreads } from '../host-sized-threads.js';
import { nodePoolOf } from '../node-pool.js';
import { formatPodShare, isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatCpu, parseQuantity } from '../quantity.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';

/**
 * A runtime that sizes its parallelism to the machine, not to the container: Go before 1.25 sets
 * GOMAXPROCS to the node's CPU count whatever the CPU limit. On a 64-CPU node under a limit of 1,
 * 64 threads (and the parallel garbage collector, and any pool sized from GOMAXPROCS) spend the
 * 100ms CFS quota in a few milliseconds and the kernel throttles the container for the rest of
 * the period: latency jumps to seconds and probes time out, with nothing crashing. It appears
 * when the pods land on bigger nodes (a node pool moved to a larger instance type), with no
 * change to the workload. Told only when the container shows it is Go, its probes time out, and
 * its threads outnumber its CPU limit many times over.
 */

/** Threads this many times the CPU limit, and at least this many, spend the quota early in each period. */
const OVER_LIMIT = 4;
const MIN_PROCS = 8;
/** Nodes younger than this are the change that brought the pods onto them. */
const RECENT_NODES_MS = 14 * 24 * HOUR_MS;

/** The CPUs the Go runtime sees on a node: its capacity (the machine), else allocatable rounded up. */
function cpusOf(n: NodeEvidence | undefined): number | undefined {
  const cpus = parseQuantity(n?.capacity?.['cpu']) ?? parseQuantity(n?.allocatable['cpu']);
  return cpus === undefined ? undefined : Math.ceil(cpus);
}

export function analyzeHostSizedRuntime(ev: TriageEvidence): Finding[] {
  const findings: Finding[] = [];
  const names = unique(ev.pods.flatMap((p) => p.containers.map((c) => c.name)));
  for (const name of names) {
    const pods = ev.pods.filter((p) => p.phase === 'Running' && p.deletionTimestamp === undefined && p.containers.some((c) => c.name === name));
    const spec = pods[0]?.containers.find((c) => c.name === name);
    const limit = parseQuantity(spec?.resources.limits['cpu']);
    if (spec === undefined || limit === undefined || limit <= 0) continue;
    const timeouts = listPodEvents(ev, ['Unhealthy'], pods.map((p) => p.name)).filter((e) => PROBE_TIMEOUT.test(e.message) && (eventContainer(e) ?? name) === name);
    if (timeouts.length === 0) continue;
    const lines = ev.logs.filter((l) => l.container === name && pods.some((p) => p.name === l.pod)).flatMap((l) => l.lines);
    // The pods on nodes whose CPUs outnumber the limit many times over, with the GOMAXPROCS each runs.
    const crowded = pods.flatMap((p) => {
      const node = findNode(ev, p.nodeName);
      const cpus = cpusOf(node);
      const go = cpus === undefined ? undefined : readGoProcs(spec, lines, cpus);
      return go !== undefined && node !== undefined && go.procs >= MIN_PROCS && go.procs >= OVER_LIMIT * limit ? [{ pod: p, node, go }] : [];
    });
    const timedOut = unique(timeouts.map((e) => e.object.name));
    if (crowded.some((c) => timedOut.includes(c.pod.name))) {
      findings.push(describe(ev, name, limit, crowded, timeouts.filter((e) => crowded.some((c) => c.pod.name === e.object.name)), lines));
      continue;
    }
    // Not Go: a numeric library's thread pools (OpenMP, MKL, OpenBLAS), read per pod, sized by its node.
    const pooled = pods.flatMap((p) => {
      if (!timedOut.includes(p.name)) return [];
      const node = findNode(ev, p.nodeName);
      const cpus = cpusOf(node);
      const own = ev.logs.filter((l) => l.container === name && l.pod === p.name).flatMap((l) => l.lines);
      const pool = readPoolThreads(spec, own);
      return pool !== undefined && node !== undefined && cpus !== undefined && pool.threads >= MIN_PROCS && pool.threads >= OVER_LIMIT * limit && pool.threads >= cpus / 2 ? [{ pod: p, node, pool }] : [];
    });
    if (pooled.length === 0) continue;
    findings.push(describePools(ev, name, limit, pooled, timeouts.filter((e) => pooled.some((c) => c.pod.name === e.object.name)), lines));
  }
  return findings;
}

type Crowded = { pod: PodEvidence; node: NodeEvidence; go: NonNullable<ReturnType<typeof readGoProcs>> };

function describe(ev: TriageEvidence, name: string, limit: number, crowded: readonly Crowded[], timeouts: ReturnType<typeof listPodEvents>, lines: readonly string[]): Finding {
  const first = crowded[0] as Crowded;
  const { go } = first;
  const nodes = [...new Map(crowded.map((c) => [c.node.name, c.node])).values()];
  // Nodes that joined lately are the change: the pods moved onto more CPUs than before.
  const { where, recent } = describeNodes(ev, nodes);
  const source = go.source === 'log' ? 'its log' : go.source === 'env' ? 'env GOMAXPROCS' : 'unset, Go\'s default';
  const limitText = formatCpu(limit);
  const probes = unique(timeouts.map((e) => /^(\w+)/.exec(e.message)?.[1]?.toLowerCase() ?? 'probe'));
  const timedOut = unique(timeouts.map((e) => e.object.name));
  const unhealthy = crowded.filter((c) => !isPodHealthy(c.pod, ev.collectedAt));
  const spec = first.pod.containers.find((c) => c.name === name);
  const request = spec?.resources.requests['cpu'];
  const set = spec?.env?.find((e) => e.name === 'GOMAXPROCS');
  const slow = lines.find((l) => SLOW_WORK.test(l));
  const fix = 'set GOMAXPROCS from the CPU limit (env GOMAXPROCS from resourceFieldRef limits.cpu, or go.uber.org/automaxprocs), or raise the CPU limit';
  return {
    id: `cpu-starved/${name}/host-sized`,
    kind: 'cpu-starved',
    title: `Container ${name} is CPU-throttled: Go runs GOMAXPROCS ${go.procs} (${source}) — ${where} — under a CPU limit of ${limitText}, so its threads spend each 100ms CFS quota early and stall; ${probes.join(' and ')} probes time out on ${formatPodShare(ev, timedOut.length)}`,
    ...(recent ? { datesChange: true as const } : {}),
    layer: 'capacity',
    severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
    // The process reporting its own GOMAXPROCS is a fact; Go's default is an inference from its version.
    confidence: go.source === 'default' ? 'medium' : 'high',
    evidence: [
      `${name}: cpu limit ${limitText}${request ? ` (request ${request})` : ''}; ${set === undefined ? 'env sets no GOMAXPROCS' : `env GOMAXPROCS=${'value' in set ? set.value : '(reference)'}`}`,
      ...nodes.slice(0, 3).map((n) => `node ${n.name}: ${cpusOf(n) ?? '?'} CPUs${n.labels?.['node.kubernetes.io/instance-type'] ? `, ${n.labels['node.kubernetes.io/instance-type']}` : ''}${nodePoolOf(n) ? `, pool ${nodePoolOf(n)}` : ''}${n.createdAt ? `, created ${formatAgo(n.createdAt, ev.collectedAt)}` : ''}`),
      ...(go.line ? [`log: ${quoteLineWith(go.line, 'procs')}`] : []),
      ...(slow ? [`log: ${quoteLineWith(slow, 'latency')}`] : []),
      `${timeouts.reduce((n, e) => n + e.count, 0)} probe timeouts on ${timedOut.length} pod${timedOut.length === 1 ? '' : 's'}; ${unhealthy.length} not ready or restarting now`,
    ],
    ...(go.line ? { decisive: quoteLineWith(go.line, 'procs') } : {}),
    likelyCause:
      `Go (before 1.25) sets GOMAXPROCS to the CPUs of the machine, not to the container's CPU limit: ${go.procs} threads run the code and the garbage collector in parallel ` +
      `(and any worker pool sized from GOMAXPROCS), spend the ${limitText}-CPU quota of each 100ms CFS period in a few milliseconds, and the kernel throttles the container for the rest of it. ` +
      `Requests and probe answers wait out the throttled time, so latency jumps to seconds and the probes' timeouts pass, though nothing crashes. It shows when the pods land on nodes with many more CPUs than the limit${recent ? ', as these did' : ''}.`,
    nextAction: `Mitigate: set env GOMAXPROCS from the limit (valueFrom.resourceFieldRef resource limits.cpu, rounded up to whole CPUs) and roll the pods, or build with go.uber.org/automaxprocs (Go 1.25+ does it by itself); or raise the CPU limit toward what ${go.procs} threads use. Do not relax the probes to hide it; restarting will not help.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `top pod ${first.pod.name} --containers`),
      formatKubectl(ev.target, `get node ${first.node.name} -o custom-columns=NAME:.metadata.name,CPUS:.status.capacity.cpu,TYPE:.metadata.labels.node\\.kubernetes\\.io/instance-type`, 'cluster'),
    ],
    affected: { pods: crowded.map((c) => c.pod.name), nodes: listNodesOf(crowded.map((c) => c.pod)) },
  };
}

type Pooled = { pod: PodEvidence; node: NodeEvidence; pool: PoolThreads };

/** Where the crowded pods run: "the 48 CPUs of its c6i.12xlarge nodes (pool compute-xl, created 2h ago)", and whether those nodes are new. */
function describeNodes(ev: TriageEvidence, nodes: readonly NodeEvidence[]): { where: string; recent: boolean } {
  const cpus = unique(nodes.map((n) => String(cpusOf(n) ?? '?')));
  const types = unique(nodes.flatMap((n) => n.labels?.['node.kubernetes.io/instance-type'] ?? []));
  const pools = unique(nodes.flatMap((n) => nodePoolOf(n) ?? []));
  const created = nodes.map((n) => n.createdAt).filter((t): t is string => t !== undefined).sort();
  const youngest = created.at(-1);
  const recent = created.length === nodes.length && created[0] !== undefined && msBetween(created[0], ev.collectedAt) <= RECENT_NODES_MS;
  const about = [...(pools.length > 0 ? [`pool ${pools.join(', ')}`] : []), ...(recent && youngest ? [`created ${formatAgo(created[0] ?? youngest, ev.collectedAt)}`] : [])];
  return { where: `the ${cpus.join('/')} CPUs of its ${types.length > 0 ? `${types.join(', ')} ` : ''}node${nodes.length === 1 ? '' : 's'}${about.length > 0 ? ` (${about.join(', ')})` : ''}`, recent };
}

function describePools(ev: TriageEvidence, name: string, limit: number, pooled: readonly Pooled[], timeouts: ReturnType<typeof listPodEvents>, lines: readonly string[]): Finding {
  const first = pooled[0] as Pooled;
  const { pool } = first;
  const nodes = [...new Map(pooled.map((c) => [c.node.name, c.node])).values()];
  const { where, recent } = describeNodes(ev, nodes);
  const limitText = formatCpu(limit);
  const whole = Math.max(1, Math.ceil(limit));
  const source = pool.source === 'log' ? 'its log' : `env ${pool.env ?? ''}`;
  const probes = unique(timeouts.map((e) => /^(\w+)/.exec(e.message)?.[1]?.toLowerCase() ?? 'probe'));
  const timedOut = unique(timeouts.map((e) => e.object.name));
  const unhealthy = pooled.filter((c) => !isPodHealthy(c.pod, ev.collectedAt));
  const spec = first.pod.containers.find((c) => c.name === name);
  const request = spec?.resources.requests['cpu'];
  const set = spec?.env?.filter((e) => /^(OMP|MKL|OPENBLAS)_NUM_THREADS$/.test(e.name)) ?? [];
  const slow = lines.find((l) => SLOW_WORK.test(l));
  // The same container on smaller nodes: the threads it runs there, when it says.
  const elsewhere = ev.pods.filter((p) => !pooled.some((c) => c.pod.name === p.name) && p.containers.some((c) => c.name === name)).flatMap((p) => {
    const t = spec ? readPoolThreads(spec, ev.logs.filter((l) => l.container === name && l.pod === p.name).flatMap((l) => l.lines)) : undefined;
    const cpus = cpusOf(findNode(ev, p.nodeName));
    return t !== undefined && t.threads < pool.threads ? [`${p.name} on a ${cpus ?? '?'}-CPU node runs ${t.threads} threads${isPodHealthy(p, ev.collectedAt) ? ' and is healthy' : ''}`] : [];
  });
  const unset = set.length === 0 ? 'OMP_NUM_THREADS and MKL_NUM_THREADS unset' : set.map((e) => `${e.name}=${'value' in e ? e.value : '(reference)'}`).join(', ');
  const fix = `set OMP_NUM_THREADS and MKL_NUM_THREADS (and OPENBLAS_NUM_THREADS) to the CPU limit, ${whole}, or call torch.set_num_threads(${whole}) at start; or raise the CPU limit`;
  return {
    id: `cpu-starved/${name}/host-sized-threads`,
    kind: 'cpu-starved',
    title: `Container ${name} is CPU-throttled: its OpenMP/MKL thread pools run ${pool.threads} threads (${source}; ${unset}) — sized by ${where} — under a CPU limit of ${limitText}, so they spend each 100ms CFS quota early and stall; ${probes.join(' and ')} probes time out on ${formatPodShare(ev, timedOut.length)}`,
    ...(recent ? { datesChange: true as const } : {}),
    layer: 'capacity',
    severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
    confidence: 'high',
    evidence: [
      `${name}: cpu limit ${limitText}${request ? ` (request ${request})` : ''}; ${unset}`,
      ...nodes.slice(0, 3).map((n) => `node ${n.name}: ${cpusOf(n) ?? '?'} CPUs${n.labels?.['node.kubernetes.io/instance-type'] ? `, ${n.labels['node.kubernetes.io/instance-type']}` : ''}${nodePoolOf(n) ? `, pool ${nodePoolOf(n)}` : ''}${n.createdAt ? `, created ${formatAgo(n.createdAt, ev.collectedAt)}` : ''}`),
      ...(pool.line ? [`log: ${pool.line.slice(0, 200)}`] : []),
      ...elsewhere.slice(0, 2),
      ...(slow ? [`log: ${quoteLineWith(slow, 'latency')}`] : []),
      `${timeouts.reduce((n, e) => n + e.count, 0)} probe timeouts on ${timedOut.length} pod${timedOut.length === 1 ? '' : 's'}; ${unhealthy.length} not ready or restarting now`,
    ],
    ...(pool.line ? { decisive: pool.line.slice(0, 200) } : {}),
    likelyCause:
      `OpenMP, MKL and OpenBLAS (under PyTorch and NumPy) start one thread per core of the machine unless OMP_NUM_THREADS / MKL_NUM_THREADS say otherwise; they do not read the container's CPU limit. ` +
      `${pool.threads} threads spin on a ${limitText}-CPU quota, spend each 100ms CFS period in a few milliseconds and are throttled for the rest of it, so each inference or batch takes seconds and the probes' timeouts pass, though nothing crashes. ` +
      `It shows when the pods land on nodes with many more cores than the limit${recent ? ', as these did' : ''}.`,
    nextAction: `Mitigate: set env OMP_NUM_THREADS and MKL_NUM_THREADS to ${whole} (the CPU limit) and roll the pods, or call torch.set_num_threads(${whole}); or raise the CPU limit toward what ${pool.threads} threads use. Do not relax the probes to hide it; restarting will not help.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `top pod ${first.pod.name} --containers`),
      formatKubectl(ev.target, `get node ${first.node.name} -o custom-columns=NAME:.metadata.name,CPUS:.status.capacity.cpu,TYPE:.metadata.labels.node\\.kubernetes\\.io/instance-type`, 'cluster'),
    ],
    affected: { pods: pooled.map((c) => c.pod.name), nodes: listNodesOf(pooled.map((c) => c.pod)) },
  };
}
