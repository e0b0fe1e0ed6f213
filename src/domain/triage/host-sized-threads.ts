/**
 * How many threads a numeric library's pools run (OpenMP, MKL, OpenBLAS, numexpr — PyTorch and
 * NumPy underneath), read from what the pod shows: the count its log reports
 * (torch.get_num_threads()=48, "NumExpr defaulting to 48 threads", num_threads=48) or the env that
 * sets it. Unset, these pools start one thread per core of the machine, whatever the container's
 * CPU limit. Only for a container that shows it uses such a library, never guessed from nothing.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';

export interface PoolThreads {
  /** The threads the pools run with. */
  threads: number;
  source: 'log' | 'env';
  /** The log line that reports it (source 'log'), or the env that sets it ("OMP_NUM_THREADS=48"). */
  line?: string;
  /** The env that sets it, when one does. */
  env?: string;
}

/** Env only these libraries read. */
const THREAD_ENV = /^(OMP_NUM_THREADS|MKL_NUM_THREADS|OPENBLAS_NUM_THREADS|NUMEXPR_NUM_THREADS|NUMEXPR_MAX_THREADS|VECLIB_MAXIMUM_THREADS)$/;
const LIBRARY_ENV = /^(OMP_|MKL_|OPENBLAS_|NUMEXPR_|KMP_|GOTO_NUM_THREADS)/;
/** Log lines that name such a library. */
const LIBRARY_LOG = /\b(?:torch|numpy|OpenMP|MKL|OpenBLAS|numexpr|onnxruntime|tensorflow|intra_op)\b/i;
/** torch.get_num_threads()=48, "NumExpr defaulting to 48 threads", intra_op_parallelism_threads: 48, num_threads=48. */
const LOGGED_THREADS = [
  /\bget_num_threads\(\)\s*[=:]\s*(\d+)/,
  /\bNumExpr defaulting to (\d+) threads/i,
  /\bintra_op(?:_parallelism)?(?:_threads)?\s*[=:]\s*(\d+)/i,
  /\b(?:omp|mkl|openblas)[_ ]?num[_ ]threads\s*[=:]\s*(\d+)/i,
  /\bnum_threads\s*[=:]\s*(\d+)/i,
];

function toldThreads(line: string): number | undefined {
  for (const re of LOGGED_THREADS) {
    const m = re.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The pool threads of one pod's container, from its log lines; undefined when nothing says it uses such a library or tells the count. */
export function readPoolThreads(spec: Pick<ContainerSpecEvidence, 'env'>, lines: readonly string[]): PoolThreads | undefined {
  const env = spec.env ?? [];
  const uses = env.some((e) => LIBRARY_ENV.test(e.name)) || lines.some((l) => LIBRARY_LOG.test(l));
  if (!uses) return undefined;
  const set = env.find((e) => THREAD_ENV.test(e.name) && 'value' in e);
  if (set !== undefined && 'value' in set) {
    const n = Number(set.value);
    return Number.isInteger(n) && n > 0 ? { threads: n, source: 'env', env: set.name, line: `${set.name}=${set.value}` } : undefined;
  }
  // The last report is the running process's.
  for (const line of [...lines].reverse()) {
    const n = toldThreads(line);
    if (n !== undefined && n > 0) return { threads: n, source: 'log', line: line.trim() };
  }
  return undefined;
}
