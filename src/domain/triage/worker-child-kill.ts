/**
 * Pre-forking servers (Celery's prefork pool, gunicorn, uWSGI, php-fpm, Python process pools)
 * log it when one of their worker children dies of a signal. A child killed by SIGKILL while the
 * container's main process lives on was not stopped by Kubernetes (the kubelet kills the whole
 * container) and, unless the server logs that it killed the child itself for a time limit, was
 * killed by the kernel's OOM killer: it picks the largest process of the memory cgroup, a child,
 * so the container never shows OOMKilled and never restarts.
 */

export type PreforkServer = 'celery' | 'gunicorn' | 'uwsgi' | 'php-fpm' | 'process-pool';

export interface ChildKill {
  server: PreforkServer;
  /** The child's pid or the lost job's id, when the line gives one: one kill is often logged twice. */
  pid?: string;
  job?: string;
  line: string;
}

/** What each server calls its children, for a title. */
export const CHILDREN_OF: Record<PreforkServer, string> = {
  celery: 'Celery prefork children',
  gunicorn: 'gunicorn workers',
  uwsgi: 'uWSGI workers',
  'php-fpm': 'php-fpm children',
  'process-pool': 'worker processes',
};

const PATTERNS: [PreforkServer, RegExp][] = [
  // billiard: "Process 'ForkPoolWorker-3' pid:19 exited with 'signal 9 (SIGKILL)'"
  ['celery', /Process '[\w-]+' pid:(?<pid>\d+) exited with 'signal 9 \(SIGKILL\)'/],
  // billiard: "WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 412."
  ['celery', /WorkerLostError\W+Worker exited prematurely: signal 9 \(SIGKILL\)(?:\s+Job: (?<job>\d+))?/],
  // gunicorn: "[ERROR] Worker (pid:123) was sent SIGKILL! Perhaps out of memory?"
  ['gunicorn', /Worker \(pid:(?<pid>\d+)\) was sent SIGKILL/],
  // uWSGI: "DAMN ! worker 2 (pid: 1234) died, killed by signal 9 :( trying respawn ..."
  ['uwsgi', /DAMN ! worker \d+ \(pid: (?<pid>\d+)\) died, killed by signal 9\b/],
  // php-fpm: "WARNING: [pool www] child 123 exited on signal 9 (SIGKILL) after 55.1 seconds from start"
  ['php-fpm', /\bchild (?<pid>\d+) exited on signal 9 \(SIGKILL\)/],
  // loky/joblib: "The exit codes of the workers are {SIGKILL(-9)}"; concurrent.futures-style "exitcode -9".
  ['process-pool', /exit codes of the workers are \{[^}]*SIGKILL\(-9\)|\b(?:worker|child|process)\b[^\n]{0,80}\bexit ?code[ =:]+-9\b/i],
];

/**
 * The server killed the child itself, with SIGKILL, for running too long: Celery's hard time limit,
 * gunicorn's worker timeout (SIGKILL after an ignored SIGABRT), uWSGI's harakiri. Not memory.
 */
const OWN_KILL = /Hard time limit|TimeLimitExceeded|WORKER TIMEOUT|HARAKIRI|execution timed out/i;

export function parseChildKill(line: string): ChildKill | undefined {
  for (const [server, re] of PATTERNS) {
    const m = re.exec(line);
    if (m === null) continue;
    const { pid, job } = m.groups ?? {};
    return { server, ...(pid ? { pid } : {}), ...(job ? { job } : {}), line: line.trim() };
  }
  return undefined;
}

/**
 * The children one log says were SIGKILLed, counted once each (billiard logs the exit by pid and
 * the lost job by id): none when the server says it killed children itself for a time limit.
 */
export function readChildKills(lines: readonly string[]): { kills: ChildKill[]; count: number } {
  if (lines.some((l) => OWN_KILL.test(l))) return { kills: [], count: 0 };
  const kills = lines.flatMap((l) => parseChildKill(l) ?? []);
  const pids = new Set(kills.flatMap((k) => k.pid ?? []));
  const jobs = new Set(kills.flatMap((k) => k.job ?? []));
  const count = pids.size > 0 ? pids.size : jobs.size > 0 ? jobs.size : kills.length;
  return { kills, count };
}
