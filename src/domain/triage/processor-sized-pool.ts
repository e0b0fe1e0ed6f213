/**
 * A pool sized from the processors the runtime sees, after a CPU limit cut left it few. A
 * container-aware JVM (10+) takes Runtime.availableProcessors() from the CPU limit: under a limit
 * of 1 it sees one processor, and every pool sized from that count — ForkJoinPool.commonPool
 * (parallelism = processors − 1, at least 1), which CompletableFuture.supplyAsync and parallel
 * streams use when given no executor — gets one worker. Blocking calls run there hold it; the
 * rest queue behind and hit their timeouts while the dependencies answer in time. Read from the
 * line where the process logs the size it chose ("parallelism=1", "availableProcessors=1") and
 * the lines of work that waited for that pool. Pure: reads log lines only.
 */

/** A count of processors or workers the process logs as its pool's size: "parallelism=1", "availableProcessors: 1", "active processor count 1". */
const SIZED = /\b(?:availableProcessors|available[ _-]?processors|active[ _-]?processor[ _-]?count|ActiveProcessorCount|parallelism)\b\)?\s*(?:[=:]|is|of)?\s*(\d+)\b/gi;
/** What the line sizes: a pool, an executor, the JVM's processors. */
const POOL_WORDS = /\b(?:ForkJoinPool|commonPool|pool|executor|processors?|workers?)\b/i;
/** The pool's name as logged. */
const POOL_NAME = /\bForkJoinPool\.commonPool\b|\bForkJoinPool\b|\bcommon[ -]?pool\b/i;
/** Work that waited for the pool: tasks queued, a fan-out or future that timed out. */
const WAITED = /\bTimeoutException\b|\btimed out\b|\bqueued(?:=\d*[1-9]\d*|\b)|\bstill queued\b|\bwaited \d+\s*ms in queue\b/i;
/** A few waits are chance; this many is the pool. */
const MIN_WAITS = 3;

export interface ProcessorSizedPool {
  /** The line that logs the size, trimmed. */
  line: string;
  /** The count it logs (the smallest, when it logs several). */
  size: number;
  /** The pool it names, when it does ("ForkJoinPool.commonPool"). */
  pool?: string;
  /** Lines of work that waited for the pool, in these logs. */
  waits: number;
  /** One of them, trimmed. */
  waitLine: string;
}

/** The smallest size a line logs for a pool or processors, when it logs one. */
function readSize(line: string): number | undefined {
  if (!POOL_WORDS.test(line)) return undefined;
  const sizes = [...line.matchAll(SIZED)].map((m) => Number(m[1]));
  return sizes.length === 0 ? undefined : Math.min(...sizes);
}

/**
 * A pool sized to at most `processors` (the CPU limit, rounded up), with work waiting on it:
 * undefined unless a line logs such a size and at least three lines show work that waited.
 */
export function findProcessorSizedPool(lines: readonly string[], processors: number): ProcessorSizedPool | undefined {
  let sized: { line: string; size: number } | undefined;
  for (const line of lines) {
    const size = readSize(line);
    if (size !== undefined && size >= 1 && size <= processors && (sized === undefined || size < sized.size)) sized = { line: line.trim(), size };
  }
  if (sized === undefined) return undefined;
  const waits = lines.filter((l) => WAITED.test(l) && l.trim() !== sized.line);
  const first = waits[0];
  if (waits.length < MIN_WAITS || first === undefined) return undefined;
  const pool = POOL_NAME.exec(sized.line)?.[0] ?? waits.map((l) => POOL_NAME.exec(l)?.[0]).find((p) => p !== undefined);
  return { line: sized.line, size: sized.size, ...(pool ? { pool } : {}), waits: waits.length, waitLine: first.trim() };
}
