/**
 * OOM kills that happen only on one group of machines — same revision, same limit, the healthy
 * pods elsewhere — are not fixed by a bigger limit: the process uses more memory there. Usually a
 * runtime sizes itself from what it detects on those nodes (a JVM without cgroup v2 support sizes
 * its heap from the host's memory; a Go or Node runtime sizes pools from the host's CPUs). When
 * those machines have many times the CPUs of the healthy pods' ones, the CPU count is the lead:
 * thread pools sized from the node's CPUs, and glibc's malloc arenas (up to 8 per core).
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findNode } from '../evidence-lookup.js';
import { unique } from '../pod-status.js';
import { parseQuantity } from '../quantity.js';
import { compareFailingHealthy, MACHINE_GROUPS, pickSeparation } from '../verdict/differential.js';
import { countWorkerStarts, fitCpuFormula } from '../worker-starts.js';

export interface OomNodeSplit {
  /** "node pool general-al2023", "os image Amazon Linux 2023", "node ip-10-0-1-2". */
  where: string;
  cause: string;
  action: string;
  fix: string;
  /** Set when the failing nodes have many times the CPUs: "node pool compute-xl (c7i.16xlarge, 64 CPUs; the healthy pods' nodes have 8)". */
  cpuSized?: string;
  /** The log line where the process says how many it sized from those CPUs ("workers=64 (os.cpu_count()=64)"). */
  told?: string;
  /** The worker processes the failing pods' logs start, many more than the healthy pods': "gunicorn starts a worker pool by the node's CPUs (…)". */
  workers?: string;
}

/** The failing pods start at least this many times the workers of the healthy ones. */
const WORKER_RATIO = 2;

/** Failing nodes with at least this many times the CPUs of every healthy pod's node. */
const CPU_RATIO = 2;

function cpusOf(n: NodeEvidence | undefined): number | undefined {
  const cpus = parseQuantity(n?.capacity?.['cpu']) ?? parseQuantity(n?.allocatable['cpu']);
  return cpus === undefined ? undefined : Math.ceil(cpus);
}

function nodesOf(ev: TriageEvidence, pods: readonly PodEvidence[]): (NodeEvidence | undefined)[] {
  return unique(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : []))).map((n) => findNode(ev, n));
}

/** The failing pods' CPU counts, when every one is many times every healthy pod's. */
function compareCpus(ev: TriageEvidence, failing: readonly PodEvidence[], healthy: readonly PodEvidence[]): { failing: number; healthy: number; types: string[] } | undefined {
  const f = nodesOf(ev, failing);
  const h = nodesOf(ev, healthy);
  const fc = f.map(cpusOf);
  const hc = h.map(cpusOf);
  if (f.length === 0 || h.length === 0 || fc.some((c) => c === undefined) || hc.some((c) => c === undefined)) return undefined;
  const least = Math.min(...(fc as number[]));
  const most = Math.max(...(hc as number[]));
  if (least < CPU_RATIO * most) return undefined;
  const types = unique(f.flatMap((n) => n?.labels?.['node.kubernetes.io/instance-type'] ?? []));
  return { failing: least, healthy: most, types };
}

/** A line of the failing pods' logs that states a count equal to their nodes' CPUs next to a word for threads or CPUs. */
export function findToldCount(ev: TriageEvidence, failing: readonly PodEvidence[], cpus: number): string | undefined {
  const count = new RegExp(`\\b(?:cpu_count|cpus?|cores?|workers?|threads?|procs|GOMAXPROCS|availableProcessors|pool(?: size)?|concurrency)\\b[^\\n]{0,24}?\\b${cpus}\\b`, 'i');
  for (const log of ev.logs) {
    if (!failing.some((p) => p.name === log.pod)) continue;
    const line = log.lines.find((l) => count.test(l));
    if (line !== undefined) return line.trim().slice(0, 200);
  }
  return undefined;
}

/** The machine group the OOM-killed pods share and the healthy pods of the same revision lack; undefined when none does. */
export function findOomNodeSplit(ev: TriageEvidence, killed: readonly PodEvidence[]): OomNodeSplit | undefined {
  const d = compareFailingHealthy(ev, killed);
  const s = pickSeparation(d);
  if (s === undefined || !(s.attribute === 'node' || MACHINE_GROUPS.includes(s.attribute))) return undefined;
  // A revision or image that also separates them is the likelier cause: the rollout analysis says so.
  if (d.separating.some((x) => x.attribute === 'revision' || x.attribute === 'image' || x.attribute === 'image digest')) return undefined;
  const where = `${s.attribute} ${s.failing.join(', ')}`;
  const cpus = compareCpus(ev, d.failing, d.healthy);
  if (cpus !== undefined) {
    const told = findToldCount(ev, d.failing, cpus.failing);
    const cpuSized = `${where} (${cpus.types.length > 0 ? `${cpus.types.join(', ')}, ` : ''}${cpus.failing} CPUs; the healthy pods' nodes have ${cpus.healthy})`;
    const workers = compareWorkers(ev, d.failing, d.healthy, cpus);
    if (workers !== undefined) {
      return {
        where,
        cpuSized,
        workers: workers.clause,
        ...(told !== undefined ? { told } : {}),
        cause:
          `The same containers with the same limit run fine on nodes with ${cpus.healthy} CPUs; only on ${where}, with ${cpus.failing}, do they outgrow it. ${workers.sentence} ` +
          `The worker count follows the CPUs the process sees — the node's, not the container's CPU limit — and every worker is a process with its own copy of the app, so ${cpus.failing / cpus.healthy} times the CPUs start many times the memory and the kernel kills the container as the pool boots. A bigger limit only delays the kill.`,
        action: `Mitigate: keep the pods off ${where} (nodeSelector or affinity). Then ${workers.fix}; a bigger limit only delays the kill.`,
        fix: `keep the pods off ${where} (nodeSelector or affinity), then ${workers.fix}`,
      };
    }
    return {
      where,
      cpuSized,
      ...(told !== undefined ? { told } : {}),
      cause:
        `The same containers with the same limit run fine on nodes with ${cpus.healthy} CPUs; only on ${where}, with ${cpus.failing}, do they outgrow it: memory grows with the core count. ` +
        'The process sizes itself from the CPUs it sees — the node\'s, not its CPU limit or request: thread or worker pools from os.cpu_count() (or GOMAXPROCS, availableProcessors), ' +
        `and glibc malloc gives threads up to 8 arenas per core unless MALLOC_ARENA_MAX is set, so ${cpus.failing / cpus.healthy} times the threads hold many times the fragmented memory. A bigger limit only delays the kill.`,
      action:
        `Mitigate: keep the pods off ${where} (nodeSelector or affinity). Then set MALLOC_ARENA_MAX=2 (or use jemalloc) and size the thread pool from the CPU request, not the node's CPU count; a bigger limit only delays the kill.`,
      fix: `keep the pods off ${where} (nodeSelector or affinity), then set MALLOC_ARENA_MAX=2 (or use jemalloc) and size the thread pool from the CPU request, not the node's CPU count`,
    };
  }
  return {
    where,
    cause:
      `The same containers with the same limit run fine on ${s.healthy.length === 1 ? 'another' : 'other'} ${s.attribute} (${s.healthy.join(', ')}); only on ${where} do they outgrow it. ` +
      'The process uses more memory on those nodes, not more load everywhere: typically a runtime that sizes itself from what it detects there ' +
      '(a JVM without cgroup v2 support — Java 8 before 8u372, 11 before 11.0.16 — sizes its heap from the host\'s memory, not the container\'s; ' +
      'a Go or Node runtime sizes its pools from the host\'s CPUs). A bigger limit only delays the kill.',
    action:
      `Mitigate: keep the pods off ${where} (nodeSelector or affinity). Then size the runtime explicitly ` +
      '(-Xmx or -XX:MaxRAMPercentage for a JVM, GOMEMLIMIT/GOMAXPROCS for Go) or move to a runtime version that reads cgroup v2 limits; a bigger limit only delays the kill.',
    fix: 'size the runtime explicitly (-Xmx / -XX:MaxRAMPercentage for a JVM, GOMEMLIMIT for Go) or move to a runtime version that reads cgroup v2 limits: the same limit holds on the other nodes, so a bigger one only delays the kill',
  };
}

/** The largest worker count a pod's logs (every run) state, over pods. */
function mostWorkers(ev: TriageEvidence, pods: readonly PodEvidence[]): ReturnType<typeof countWorkerStarts> {
  const counts = pods.flatMap((p) => {
    const lines = ev.logs.filter((l) => l.pod === p.name).flatMap((l) => l.lines);
    return countWorkerStarts(lines) ?? [];
  });
  return counts.reduce<ReturnType<typeof countWorkerStarts>>((a, b) => (a === undefined || b.count > a.count ? b : a), undefined);
}

/**
 * The worker pool the logs show growing with the node's CPUs: the OOM-killed pods started many
 * times the workers of the healthy ones, and the healthy ones at least one per CPU of their nodes.
 */
function compareWorkers(ev: TriageEvidence, failing: readonly PodEvidence[], healthy: readonly PodEvidence[], cpus: { failing: number; healthy: number }): { clause: string; sentence: string; fix: string } | undefined {
  const bad = mostWorkers(ev, failing);
  const good = mostWorkers(ev, healthy);
  if (bad === undefined || good === undefined || bad.server !== good.server) return undefined;
  if (bad.count < WORKER_RATIO * good.count || good.count < cpus.healthy) return undefined;
  const fit = fitCpuFormula(good.count, cpus.healthy, cpus.failing);
  const would = fit !== undefined && fit.gives > bad.count ? `; ${fit.formula} would be ${fit.gives}` : '';
  const clause = `${bad.server} sizes its workers by the node's CPUs, not the container's limit (${good.count} workers on ${cpus.healthy} CPUs; ${bad.count} started before the kill on ${cpus.failing}${would})`;
  const sentence = `${bad.server} started ${good.count} workers on the healthy pods' ${cpus.healthy}-CPU nodes${fit ? ` (${fit.formula})` : ''} and ${bad.count} on ${cpus.failing} CPUs before the kill${would}.`;
  const knob = KNOBS[bad.server] ?? 'the worker count';
  return { clause, sentence, fix: `set a fixed worker count (${knob}) or derive it from the CPU limit, not the node's CPU count` };
}

/** Where each server's worker count is set. */
const KNOBS: Record<string, string> = {
  gunicorn: 'workers in the gunicorn config or --workers',
  uWSGI: 'processes / --processes',
  Puma: 'workers / WEB_CONCURRENCY',
  Unicorn: 'worker_processes',
  'Node cluster': 'the number of cluster.fork() calls, not os.cpus().length',
  Celery: '--concurrency',
};
