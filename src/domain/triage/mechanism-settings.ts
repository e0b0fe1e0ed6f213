/**
 * Settings named after a failing mechanism: a revision that changed the pool size against an
 * exhausted pool, keep-alive against exhausted source ports, a timeout against timeouts, changed
 * the very thing that fails — that change is the trigger, not an image bump beside it.
 */

/** Finding id → the words a setting that governs it carries in its name (env, args, command). */
const SETTINGS_OF: [RegExp, RegExp][] = [
  [/^resource-exhaustion\/(connection-pool|database-connections)$/, /pool|max_?conn|connections|min_?idle|max_?idle/i],
  [/^resource-exhaustion\/source-ports$/, /keep_?alive|keepalive|agent|pool|max_?sockets|reuse/i],
  [/^resource-exhaustion\/file-descriptors$/, /nofile|ulimit|keep_?alive|pool|max_?sockets|max_?conn/i],
  [/^resource-exhaustion\/threads$/, /threads?|workers?|pids|concurrency/i],
  [/^resource-exhaustion\/php-fpm-workers$/, /max_?children|fpm|\bpm_/i],
  [/^dependency-error\/timeout\//, /timeout/i],
];

/** A pool of threads (UV_THREADPOOL_SIZE, a worker pool) holds no connections: not a connection or socket setting. */
const THREAD_POOL = /thread_?pool|worker_?pool/i;

/** A diff line that sets something the process reads: an env var, its args or command. */
const SETTING_LINE = / env (?:added |removed )?([\w.-]+)| (?:args|command):(.*)/;

/** The diff line that changes a setting named after the mechanism, if any. */
export function pickMechanismSetting(mechanismId: string | undefined, diff: readonly string[]): string | undefined {
  const words = SETTINGS_OF.find(([id]) => mechanismId !== undefined && id.test(mechanismId))?.[1];
  if (words === undefined) return undefined;
  return diff.find((l) => {
    const m = SETTING_LINE.exec(l);
    const setting = m === null ? '' : m[1] ?? m[2] ?? '';
    return words.test(setting) && !(THREAD_POOL.test(setting) && !/threads/.test(mechanismId ?? ''));
  });
}
