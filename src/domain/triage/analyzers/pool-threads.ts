import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { readPoolAgainstThreads } from '../pool-threads.js';

/**
 * An exhausted connection pool whose settings hold fewer connections than the request threads
 * that share it: the extra threads queue for a connection and time out at the checkout timeout,
 * while the queries of the rest stay fast. The sizes are the mechanism, the setting that raised
 * the threads (or cut the pool) the trigger, and the fix the pool — not the database.
 */
export function withThreadsOverPool(ev: TriageEvidence, exhausted: Finding, logs: readonly LogEvidence[]): Finding {
  const pods = new Set(exhausted.affected?.pods ?? []);
  const own = logs.filter((l) => pods.has(l.pod));
  const first = own[0];
  const container = first === undefined ? undefined : findPod(ev, first.pod)?.containers.find((c) => c.name === first.container);
  const read = readPoolAgainstThreads(container, ev.poolConfig ?? [], own);
  if (read === undefined) return exhausted;
  const symptom = exhausted.title.replace(/^.*?: (\d+ such lines)/, '$1');
  const waiting = read.threads - read.pool;
  const where = read.configMap ? ` in ConfigMap ${read.configMap}` : '';
  const derive = read.threadsVar ? ` (or derive it from ${read.threadsVar})` : '';
  return {
    ...exhausted,
    id: 'resource-exhaustion/pool-under-threads',
    title: `${ev.target.name}'s connection pool is smaller than its request threads: ${read.threads} threads per process (${read.threadsSaid}) share ${read.pool} connections (${read.poolSaid}), so up to ${waiting} requests per process wait for a connection and time out: ${symptom}`,
    evidence: [`pool size: ${read.poolSaid}`, `request threads per process: ${read.threadsSaid}`, ...(ev.poolConfig ?? []).map((c) => `ConfigMap ${c.configMap}, key ${c.key} (${c.via}): ${c.lines.join('; ')}`), ...exhausted.evidence],
    likelyCause: `Each server process has its own connection pool, and each request thread that queries checks a connection out of it. ${read.threads} threads share ${read.pool} connections: under load ${waiting} of them wait for one and give up at the pool's checkout timeout, so those requests fail (5xx) and a health check that waits behind them times out, while the requests that got a connection are served quickly. The database is not at fault: the requests wait inside the process, before any query is sent.`,
    nextAction: `Mitigate: roll back the change that raised the threads (or cut the pool). Fix: make the pool at least as large as the threads — ${read.threads}${where}${derive} — keeping pods × processes × pool within the connections the database accepts; do not scale the database.`,
    fix: `raise the pool to at least ${read.threads}${where}${derive}, or run no more threads than ${read.pool}`,
  };
}
