/**
 * A PostgreSQL server process (a backend running one client's query) that died abnormally — killed
 * by signal 9 (the kernel's OOM killer when the query's memory pushed the container past its
 * limit; on cgroup v1 only that process dies, so the container is not restarted) or crashed with a
 * segfault. The postmaster cannot trust shared memory after that: it terminates every other
 * connection ("terminating connection because of crash of another server process", SQLSTATE
 * 57P02), refuses new ones while it recovers ("the database system is in recovery mode" /
 * "not yet accepting connections", 57P03), replays the WAL and comes back. Every client sees a
 * burst of failures at once; the server's own log names the process, the signal and the query it
 * ran. What ran that query (often a report Job) is the trigger; the clients are the victims.
 */
import type { ServerExplanation } from './server-explanation.js';

/** What the clients are told during the reset and the recovery after it. */
export const PG_CRASH_RESET = /terminating connection because of crash of another server process|\b57P02\b|the database system is in recovery mode|the database system is not yet accepting connections/i;

/** The postmaster's own line: "server process (PID 511877) was terminated by signal 9: Killed". */
export const BACKEND_KILLED: ServerExplanation = {
  pattern: /(?:server|background worker "[^"]*") process \(PID (\d+)\) (?:was terminated by signal (\d+)(?:: ([\w ]+))?|exited with exit code (\d+))/,
  describe: (m) => {
    const signal = m[2];
    const how = signal !== undefined ? `was terminated by signal ${signal}${m[3] ? `: ${m[3]}` : ''}` : `exited with exit code ${m[4] ?? '?'}`;
    const oom = signal === '9' ? ' (SIGKILL: the OOM killer, past the container\'s memory limit)' : '';
    return { said: `its log says server process (PID ${m[1] ?? '?'}) ${how}${oom}, then crash recovery` };
  },
  dated: true,
};

export const BACKEND_CRASH_WHY =
  "When one Postgres server process dies abnormally (killed by signal 9 — the kernel's OOM killer when a query's hash tables and sorts, work_mem × hash_mem_multiplier × its parallel workers, on top of shared_buffers, push the container past its memory limit — or a crash), the postmaster cannot trust shared memory: it terminates every other connection (57P02 \"terminating connection because of crash of another server process\"), refuses new ones while it replays the WAL (57P03 \"the database system is in recovery mode\" / \"not yet accepting connections\") and comes back seconds later. The container need not restart (on cgroup v1 only that process is killed), so pod status shows nothing; every client fails at once and recovers by itself. The query that grew is the cause, not these clients.";

export const BACKEND_CRASH_FIX =
  "find the query the server's log names as \"Failed process was running\" and keep it off this server (a replica), cap work_mem for the role that runs it, and give the database container memory headroom above shared_buffers plus its queries' work_mem";

export const BACKEND_CRASH_OUTLASTS = "the killed process ran another client's query inside the database: a rollback or a restart of these pods changes nothing";

/** The fix, naming what ran the query. */
export function fixBackendCrash(runner: string): string {
  return `keep ${runner}'s query off this server (run it on a replica), cap work_mem for the role it runs as, and give the database container memory headroom above shared_buffers plus its queries' work_mem`;
}
