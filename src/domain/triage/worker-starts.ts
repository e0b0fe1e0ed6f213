/**
 * How many worker processes a pre-forking server says it started: gunicorn's "Booting worker with
 * pid", uWSGI's "spawned uWSGI worker", Puma's "Worker N (PID: …) booted", Unicorn's "worker=N
 * ready", a Node cluster's "worker 123 started", Celery's "concurrency: N (prefork)". Servers that
 * size their pool by the CPUs they see (gunicorn's cpu_count() * 2 + 1, Puma's and Node's one per
 * core) start many more on a bigger node under the same limits: the count, per pod, tells it.
 */

export interface WorkerStarts {
  /** The server that logged them ("gunicorn", "uWSGI", …). */
  server: string;
  /** Distinct workers started (or the concurrency the banner states). */
  count: number;
}

/** Each server's line for one worker started, with the id that tells workers apart. */
const STARTS: readonly [string, RegExp][] = [
  ['gunicorn', /\bBooting worker with pid:?\s*(\d+)/],
  ['uWSGI', /\bspawned uWSGI worker \d+ \(pid: (\d+)/],
  ['Puma', /-\s*Worker (\d+) \(PID: \d+\) booted/],
  ['Unicorn', /\bworker=(\d+) ready\b/],
  ['Node cluster', /\bworker (?:process )?(?:pid[: ]*)?(\d+) (?:started|is online|online|forked)\b/i],
];

/** Celery's banner states its pool size. */
const CELERY_CONCURRENCY = /\bconcurrency:\s*(\d+)\s*\((?:prefork|processes)\)/;

/** The workers one pod's log says it started; undefined when it names none. */
export function countWorkerStarts(lines: readonly string[]): WorkerStarts | undefined {
  for (const [server, re] of STARTS) {
    const ids = new Set(lines.flatMap((l) => re.exec(l)?.[1] ?? []));
    if (ids.size > 0) return { server, count: ids.size };
  }
  const celery = lines.map((l) => CELERY_CONCURRENCY.exec(l)?.[1]).find((v) => v !== undefined);
  return celery === undefined ? undefined : { server: 'Celery', count: Number(celery) };
}

/** The formula a count on a node of `cpus` CPUs fits ("2 × CPUs + 1"), and what it gives on `other` CPUs. */
export function fitCpuFormula(count: number, cpus: number, other: number): { formula: string; gives: number } | undefined {
  if (cpus <= 0) return undefined;
  for (const k of [1, 2, 3, 4]) {
    if (count === k * cpus + 1) return { formula: `${k === 1 ? '' : `${k} × `}CPUs + 1`, gives: k * other + 1 };
    if (count === k * cpus) return { formula: `${k === 1 ? 'one per CPU' : `${k} × CPUs`}`, gives: k * other };
  }
  return undefined;
}
