import type { LogEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { readConnectionLeaks } from '../connection-leak.js';

/** Hikari's counts on its timeout line: "(total=10, active=10, idle=0, waiting=37)". */
const POOL_COUNTS = /\(total=\d+, active=\d+, idle=\d+, waiting=\d+\)/;

/**
 * An exhausted connection pool whose own leak detection reports connections taken and never
 * returned: the leak is the mechanism, and the application frame in its stack the code to fix.
 * The leak began with its first report, long before the pool ran dry, so that is the onset the
 * trigger is looked for before (the revision that brought the code), not the first failed probe.
 */
export function withConnectionLeak(ev: TriageEvidence, exhausted: Finding, logs: readonly LogEvidence[]): Finding {
  const leaks = readConnectionLeaks(logs);
  // One report may be a slow query past the threshold; a leak repeats.
  if (leaks === undefined || leaks.reports < 2) return exhausted;
  const where = leaks.frame ? ` taken at ${leaks.frame} and never returned${leaks.fromFrame === leaks.reports ? ' (all from that frame)' : ` (${leaks.fromFrame} from that frame)`}` : ' never returned';
  // The pool's counts, when the quoted line does not carry them already.
  const counts = exhausted.title.includes(exhausted.decisive ?? '\0') ? POOL_COUNTS.exec(exhausted.decisive ?? '')?.[0] : undefined;
  const symptom = exhausted.title.replace(/^.*?: (\d+ such lines)/, '$1');
  // "InvoiceCsvExporter.openCursor": the class and method, enough to find the code.
  const code = leaks.frame ? ` in ${leaks.frame.replace(/\(.*$/, '').split('.').slice(-2).join('.')}` : '';
  return {
    ...exhausted,
    id: 'resource-exhaustion/connection-leak',
    title: `${ev.target.name} leaks pooled connections: the pool's leak detection reports ${leaks.reports} connections${where}, so the pool is exhausted${counts ? ` ${counts}` : ''}: ${symptom}`,
    evidence: [
      `${leaks.reports} leak reports in the logs of ${leaks.pods.length} pod${leaks.pods.length === 1 ? '' : 's'}${leaks.first ? `, the earliest read at ${leaks.first}` : ''}: ${leaks.line.slice(0, 240)}`,
      ...(leaks.frame ? [`first application frame of the reported stacks: ${leaks.frame} (${leaks.fromFrame}/${leaks.reports} reports)`] : []),
      ...exhausted.evidence,
    ],
    likelyCause: `The code${code} borrows a connection from the pool and does not close it on some path, so each call keeps one for good; the pool's leak detection reports each such connection with the stack that took it. The pool drains one connection at a time until every connection is held (active = total): requests then wait for a connection and time out, and a readiness check that uses the database fails. The database itself is not at fault.`,
    nextAction: `Mitigate: roll back the revision that brought that code path; restarting the pods empties the pools but only buys time until they leak dry again. Fix: close the connection on every path${code} (try-with-resources, or return it in a finally block); do not grow the pool.`,
    fix: `close the connection${code} on every path (try-with-resources)`,
    latent: 'the leak is in the code the pods started with and the pool runs dry only after enough calls have leaked, so the failure shows long after the rollout',
    ...(leaks.first ? { onset: leaks.first, buildsUp: 'each leaked connection is reported when taken; the pool runs dry only later' } : {}),
  };
}
