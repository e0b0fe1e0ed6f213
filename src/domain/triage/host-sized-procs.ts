/**
 * How many threads a Go process runs its code on (GOMAXPROCS), read from what the pod shows: the
 * value its log reports (the app's start-up line, automaxprocs' "maxprocs:" line), the env that
 * sets it, or Go's default — before Go 1.25 the machine's CPU count, whatever the container's CPU
 * limit. Only for a container that shows it is Go (its env or its log), never guessed from nothing.
 */
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';

export interface GoProcs {
  /** The GOMAXPROCS the process runs with. */
  procs: number;
  /** Where that figure comes from. */
  source: 'log' | 'env' | 'default';
  /** The log line that reports it (source 'log'). */
  line?: string;
}

/** Env only the Go runtime reads. */
const GO_ENV = /^(GOMAXPROCS|GOMEMLIMIT|GOGC|GODEBUG|GOTRACEBACK)$/;
/** Log lines only a Go process writes: its version, goroutines, a Go source file as the caller. */
const GO_LOG = /\bgo1\.\d+|\bgoroutines?\b|\bGOMAXPROCS\b|[\w/-]+\.go:\d+\b/;
/** "GOMAXPROCS":64, GOMAXPROCS=64, "gomaxprocs": 64; automaxprocs' "maxprocs: Updating GOMAXPROCS=1". */
const LOGGED_PROCS = /\bGOMAXPROCS"?\s*[=:]\s*(\d+)/i;
const GO_VERSION = /\bgo1\.(\d+)/;
/** From 1.25 the runtime's default follows the cgroup's CPU limit. */
const LIMIT_AWARE_MINOR = 25;

/** GOMAXPROCS of a Go container on a node with `nodeCpus`; undefined when nothing says it is Go, or it cannot be told. */
export function readGoProcs(spec: Pick<ContainerSpecEvidence, 'env'>, lines: readonly string[], nodeCpus: number): GoProcs | undefined {
  const env = spec.env ?? [];
  const isGo = env.some((e) => GO_ENV.test(e.name)) || lines.some((l) => GO_LOG.test(l));
  if (!isGo) return undefined;
  // What the process itself reports beats any inference; the last report is the running process's.
  const told = [...lines].reverse().find((l) => LOGGED_PROCS.test(l));
  if (told !== undefined) return { procs: Number(LOGGED_PROCS.exec(told)?.[1]), source: 'log', line: told };
  const set = env.find((e) => e.name === 'GOMAXPROCS');
  if (set !== undefined) {
    // A Downward API reference (limits.cpu) follows the limit; only a literal can be read.
    const n = 'value' in set ? Number(set.value) : NaN;
    return Number.isInteger(n) && n > 0 ? { procs: n, source: 'env' } : undefined;
  }
  const minor = Number(lines.map((l) => GO_VERSION.exec(l)?.[1]).find((v) => v !== undefined) ?? NaN);
  if (minor >= LIMIT_AWARE_MINOR) return undefined;
  return { procs: nodeCpus, source: 'default' };
}

/** The figure as the line gives it, with a numeric neighbour (NumCPU): `"GOMAXPROCS":64,"NumCPU":64`. */
const PROCS_FRAGMENT = /"?GOMAXPROCS"?\s*[=:]\s*\d+(?:[,\s]+"?\w+"?\s*[=:]\s*\d+)?/i;
/** A latency figure a structured line carries: `"duration_ms":2554`, `p99_ms=2430`. */
const LATENCY_FRAGMENT = /"?\w*(?:duration|latency|elapsed|p99)\w*"?\s*[=:]\s*"?\d+(?:\.\d+)?(?:ms|s)?"?/i;

/** A log line cut to its message and the figure that matters: `starting quote-engine … "GOMAXPROCS":64,"NumCPU":64`. */
export function quoteLineWith(line: string, figure: 'procs' | 'latency'): string {
  const condensed = condenseStructuredLine(line.trim());
  const fragment = (figure === 'procs' ? PROCS_FRAGMENT : LATENCY_FRAGMENT).exec(line)?.[0];
  if (fragment === undefined || condensed.includes(fragment)) return condensed.slice(0, 200);
  return `${condensed.slice(0, 120)} … ${fragment}`;
}
