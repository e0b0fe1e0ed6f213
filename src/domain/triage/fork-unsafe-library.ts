/**
 * A library that is not fork-safe, started in a pre-forking server's master before it forks its
 * workers: gunicorn with --preload (preload_app), uWSGI without lazy-apps, Celery's prefork pool
 * all import the app once in the master and fork the children from it. A library that runs
 * background threads or holds a poller (gRPC's channel, made at import) is copied into each child
 * without those threads, and the child's calls through it wait forever: the workers hang until the
 * server kills them at its own timeout (gunicorn's WORKER TIMEOUT, uWSGI's HARAKIRI), the probes
 * time out and the callers get 502/504. The library says so itself as each child is forked; that
 * line, with the workers killed for time, is the sign.
 */

export interface ForkWarning {
  /** The library that says it cannot follow the fork. */
  library: string;
  line: string;
  /** Lower is more telling: the library's refusal of the fork over its notice that it skipped its handlers. */
  rank: number;
}

/** What each library logs when a process forks while it is active and it cannot carry itself into the child. */
const FORK_WARNINGS: [string, RegExp][] = [
  // gRPC core (fork_posix.cc): "Fork support is only compatible with the epoll1 and poll polling strategies",
  // "Other threads are currently calling into gRPC, skipping fork() handlers".
  ['gRPC', /Fork support is only compatible with the epoll1 and poll polling strategies/],
  ['gRPC', /calling into gRPC, skipping fork\(\) handlers|fork_posix\.cc:\d+\]/],
  // CPython 3.12+: "DeprecationWarning: This process (pid=1) is multi-threaded, use of fork() may lead to deadlocks in the child."
  ['a threaded library', /is multi-threaded, use of fork\(\) may lead to deadlocks in the child/],
];

/** The server killing a worker for running past its own time limit: it hung. */
const WORKER_TIME_KILL = /WORKER TIMEOUT \(pid:\d+\)|HARAKIRI ON WORKER|\*\*\* HARAKIRI|Hard time limit \([\d.]+s?\) exceeded/;

export function readForkWarning(line: string): ForkWarning | undefined {
  const rank = FORK_WARNINGS.findIndex(([, re]) => re.test(line));
  const library = FORK_WARNINGS[rank]?.[0];
  return library === undefined ? undefined : { library, line: line.trim(), rank };
}

/** The most telling fork warning of a log, if any. */
export function findForkWarning(lines: readonly string[]): ForkWarning | undefined {
  let best: ForkWarning | undefined;
  for (const line of lines) {
    const w = readForkWarning(line);
    if (w !== undefined && (best === undefined || w.rank < best.rank)) best = w;
  }
  return best;
}

export function isWorkerTimeKill(line: string): boolean {
  return WORKER_TIME_KILL.test(line);
}

export interface PreloadSetting {
  /** As written: `--preload`, `env GUNICORN_CMD_ARGS --preload`, `uWSGI without --lazy-apps`. */
  setting: string;
  server: 'gunicorn' | 'uWSGI' | 'Celery';
}

interface SpecLike {
  command?: readonly string[];
  args?: readonly string[];
  env?: readonly { name: string; value?: string }[];
}

/** Where the template makes the server load the app in its master, before the fork. */
export function readPreloadSetting(spec: SpecLike): PreloadSetting | undefined {
  const text = ` ${[...(spec.command ?? []), ...(spec.args ?? [])].join(' ')} `;
  if (/\bgunicorn\b/.test(text) || spec.env?.some((e) => e.name === 'GUNICORN_CMD_ARGS')) {
    const flag = /\s(--preload|--preload-app)(?=[\s'"]|$)/.exec(text)?.[1];
    if (flag !== undefined) return { setting: flag, server: 'gunicorn' };
    const env = spec.env?.find((e) => e.name === 'GUNICORN_CMD_ARGS' && /--preload\b/.test(e.value ?? ''));
    if (env !== undefined) return { setting: 'env GUNICORN_CMD_ARGS --preload', server: 'gunicorn' };
    const preloadEnv = spec.env?.find((e) => /^GUNICORN_PRELOAD(_APP)?$/.test(e.name) && /^(1|true|yes)$/i.test(e.value ?? ''));
    if (preloadEnv !== undefined) return { setting: `env ${preloadEnv.name}=${preloadEnv.value ?? ''}`, server: 'gunicorn' };
    return undefined;
  }
  // uWSGI loads the app in the master unless told to load it in each worker.
  if (/\buwsgi\b/.test(text) && !/--lazy(-apps)?\b/.test(text) && !spec.env?.some((e) => /^UWSGI_LAZY(_APPS)?$/.test(e.name))) return { setting: 'uWSGI without --lazy-apps', server: 'uWSGI' };
  if (/\bcelery\b/.test(text) && /\bworker\b/.test(text) && !/--pool[= ](?:solo|threads|gevent|eventlet)\b|-P\s*(?:solo|threads|gevent|eventlet)\b/.test(text)) return { setting: 'Celery prefork pool', server: 'Celery' };
  return undefined;
}
