/**
 * A Java thread pool refusing work it has no room for. A ThreadPoolExecutor runs at most its
 * maximum pool size of tasks at once and holds at most its queue's capacity waiting; a task
 * submitted while both are full is rejected (AbortPolicy: RejectedExecutionException, wrapped by
 * Spring as TaskRejectedException), and the JDK's message states the pool as it was: "rejected from
 * …ThreadPoolExecutor@…[Running, pool size = 16, active threads = 16, queued tasks = 50, completed
 * tasks = …]". A Running pool with every thread active is a saturated pool — its size and queue
 * capacity too small for the load, or its tasks too slow — while the pods stay Ready; a pool
 * Shutting down or Terminated refuses because it is stopping, which is not this. Pure: log lines.
 */

/** The JDK's statement of the pool: its class, then `[Running, pool size = 16, active threads = 16, queued tasks = 50`. */
const POOL_STATE = /([\w.$]+?)(?:@[0-9a-f]+)?\[(Running|Shutting down|Terminated), pool size = (\d+), active threads = (\d+), queued tasks = (\d+)/;
/** The rejection itself, as the JDK or Spring throws it. */
const REJECTED = /\b(?:RejectedExecutionException|TaskRejectedException)\b/;
/** A trace's wrapper names the cause on its own line: one rejection, not two. */
const CAUSED_BY = /^\s*Caused by:\s*/;
/** The pool's sizes as the app states them at start (`queueCapacity=10`, `queue-capacity: 10`, `maxPoolSize=8`). */
const STATED_SIZE = /\b(queue[-_. ]?capacity|max[-_. ]?pool[-_. ]?size|max[-_. ]?size|core[-_. ]?pool[-_. ]?size|core[-_. ]?size)\s*[=:]\s*(\d+)/gi;
/** An HTTP answer of 5xx logged by the app or its access log: `" 503 `, `"status":503`, `status=503`, `POST /x -> 503`. */
const ANSWERED_5XX = /"[A-Z]+ \S+ HTTP\/[\d.]+" (5\d\d)\b|"status(?:_?code)?":\s*(5\d\d)\b|\bstatus(?:_?code)?=(5\d\d)\b|\b(?:GET|POST|PUT|PATCH|DELETE) \/\S* -> (5\d\d)\b/i;

export interface PoolState {
  /** The pool's class as the message names it, without package or inner-class suffix: `ThreadPoolTaskExecutor`. */
  executor: string;
  poolSize: number;
  activeThreads: number;
  queuedTasks: number;
  /** The message's line, without a trace's "Caused by:". */
  line: string;
  /** The message from the pool on: `rejected from …ThreadPoolExecutor@1a2b[Running, pool size = 8, …]`. */
  state: string;
}

/** The pool a rejection line states, when it is running full (every thread active): a saturated pool, not one shutting down. */
export function readSaturatedPool(line: string): PoolState | undefined {
  if (!REJECTED.test(line) && !/\brejected from\b|did not accept task/.test(line)) return undefined;
  const m = POOL_STATE.exec(line);
  if (m === null || m[2] !== 'Running') return undefined;
  const [poolSize, activeThreads, queuedTasks] = [Number(m[3]), Number(m[4]), Number(m[5])];
  if (poolSize === 0 || activeThreads < poolSize) return undefined;
  const executor = (m[1] ?? '').split('.').at(-1)?.replace(/\$\w*$/, '') ?? '';
  const text = line.trim().replace(CAUSED_BY, '');
  const from = text.search(/\brejected from\b|\bExecutor \[/);
  return { executor, poolSize, activeThreads, queuedTasks, line: text, state: (from < 0 ? text : text.slice(from)).slice(0, 300) };
}

/** Rejections in one log: the lines that throw one, a trace's "Caused by:" counted only when no wrapper above it was. */
export function countRejections(lines: readonly string[]): number {
  const thrown = lines.filter((l) => REJECTED.test(l));
  const wrappers = thrown.filter((l) => !CAUSED_BY.test(l)).length;
  return wrappers > 0 ? wrappers : thrown.length;
}

/** The pool sizes the app stated at start (`queueCapacity=10`), the last statement of each. */
export function readStatedSizes(lines: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const line of lines) {
    if (REJECTED.test(line)) continue;
    for (const m of line.matchAll(STATED_SIZE)) seen.set((m[1] ?? '').toLowerCase().replace(/[-_. ]/g, ''), `${m[1] ?? ''}=${m[2] ?? ''}`);
  }
  return [...seen.values()];
}

/** The 5xx statuses the app's log says it answered, with how often. */
export function countAnswered5xx(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const m = ANSWERED_5XX.exec(line);
    const status = m?.slice(1).find((s) => s !== undefined);
    if (status !== undefined) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

/** Spring's executors are sized by properties: name them, so the fix says where. */
export function describePoolSettings(executor: string): string {
  if (/^ThreadPoolTask(?:Executor|Scheduler)$/.test(executor)) return "the executor's queue capacity and pool size (spring.task.execution.pool.queue-capacity and max-size)";
  return "the pool's queue capacity and maximum size";
}
