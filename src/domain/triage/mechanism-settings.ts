/**
 * Settings named after a failing mechanism: a revision that changed the pool size against an
 * exhausted pool, keep-alive against exhausted source ports, a timeout against timeouts, changed
 * the very thing that fails — that change is the trigger, not an image bump beside it.
 */
import { SERVER_LIMITS } from './server-limit-refusal.js';

/** Finding id → the words a setting that governs it carries in its name (env, args, command). */
const SETTINGS_OF: [RegExp, RegExp][] = [
  [/^resource-exhaustion\/(connection-pool|database-connections|role-connections)$/, /pool|max_?conn|connections|min_?idle|max_?idle/i],
  [/^resource-exhaustion\/source-ports$/, /keep_?alive|keepalive|agent|pool|max_?sockets|reuse/i],
  [/^resource-exhaustion\/file-descriptors$/, /nofile|ulimit|keep_?alive|pool|max_?sockets|max_?conn/i],
  [/^resource-exhaustion\/threads$/, /threads?|workers?|pids|concurrency/i],
  [/^resource-exhaustion\/php-fpm-workers$/, /max_?children|fpm|\bpm_/i],
  [/^dependency-error\/timeout\//, /timeout/i],
  // A store refusing inserts for their number (ClickHouse's too many parts): the client's batch size and flush interval.
  [/^dependency-refuses\/ClickHouse\/inserts$/, /batch|flush|linger|buffer|async_?insert/i],
  // Worker children sharing the memory limit: their count (Celery -c, gunicorn -w, uWSGI -p, WEB_CONCURRENCY).
  [/^resource-exhaustion\/worker-children-oom$/, /concurrency|workers|processes|"-[cwp]"/i],
  // Workers hung on a library started before the fork: the setting that loads the app in the master (gunicorn --preload, uWSGI lazy-apps).
  [/^runtime-stall\/fork-unsafe\//, /preload|lazy/i],
  // Responses cut at the server's own write timeout: the setting that sets it.
  [/^container-config\/server-write-timeout\//, /write[-_.]?timeout/i],
  // A server refusing at its own limit (uvicorn's --limit-concurrency, Tomcat's maxParameterCount): the setting that sets it.
  ...SERVER_LIMITS.map((r): [RegExp, RegExp] => [new RegExp(`^server-limit/${r.id}$`), r.words]),
];

/** Mechanisms whose setting may be the memory limit itself: a lowered limit is as good as more children. */
const MEMORY_BOUND = /^resource-exhaustion\/worker-children-oom$/;

/** A pool of threads (UV_THREADPOOL_SIZE, a worker pool) holds no connections: not a connection or socket setting. */
const THREAD_POOL = /thread_?pool|worker_?pool/i;

/** A diff line that sets something the process reads: an env var, its args or command. */
const SETTING_LINE = / env (?:added |removed )?([\w.-]+)| (?:args|command):(.*)/;

/** The diff line that changes a setting named after the mechanism, if any. */
export function pickMechanismSetting(mechanismId: string | undefined, diff: readonly string[]): string | undefined {
  const words = SETTINGS_OF.find(([id]) => mechanismId !== undefined && id.test(mechanismId))?.[1];
  if (words === undefined) return undefined;
  const line = diff.find((l) => {
    const m = SETTING_LINE.exec(l);
    const setting = m === null ? '' : m[1] ?? m[2] ?? '';
    return words.test(setting) && !(THREAD_POOL.test(setting) && !/threads/.test(mechanismId ?? ''));
  });
  if (line === undefined && MEMORY_BOUND.test(mechanismId ?? '')) return diff.find((l) => / memory limit: /.test(l));
  return line === undefined ? undefined : condenseListChange(line);
}

/**
 * A mechanism that says its container runs with no CPU or memory limit (a Downward API variable
 * then reads the node's allocatable): the diff line of a revision that removed that limit.
 */
export function pickRemovedLimit(title: string | undefined, diff: readonly string[]): string | undefined {
  const m = /\bno (CPU|memory) limit on ([\w.-]+)/i.exec(title ?? '');
  if (m === null) return undefined;
  const head = `${m[2] ?? ''} ${(m[1] ?? '').toLowerCase()} limit: `;
  return diff.find((l) => l.startsWith(head) && / → none$/.test(l));
}

/** Env vars that choose which configuration an app loads: its profile, environment or settings module. */
const CONFIG_SELECTOR = /^(?:SPRING_PROFILES_ACTIVE|SPRING_CONFIG_(?:NAME|LOCATION|ADDITIONAL_LOCATION|IMPORT)|QUARKUS_PROFILE|MICRONAUT_ENVIRONMENTS|NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|DJANGO_SETTINGS_MODULE|FLASK_ENV|MIX_ENV|GO_ENV|ENVIRONMENT|ENV|PROFILE|APP_PROFILE|CONFIG_(?:FILE|PATH|ENV))$/;

/** A failure that says a setting is absent: not specified, not set, required, no profile active. */
const MISSING_CONFIG = /\bnot (?:been )?(?:specified|set|configured|defined|provided)\b|\bmust be (?:set|specified|provided)\b|\bis required\b|\bmissing (?:required )?(?:config|setting|property|propert(?:y|ies)|environment|value)|no active profile|no profiles? (?:is|are) (?:currently )?active|falling back to (?:\d+ )?default profile|ImproperlyConfigured|could not resolve placeholder/i;

/**
 * A failure that says configuration is missing, and a revision that removed (or changed) the
 * variable that selects which configuration loads: the profile's files and settings go with it,
 * so that line is the lead over a variable added beside it.
 */
export function pickDroppedSelector(said: string, diff: readonly string[]): string | undefined {
  if (!MISSING_CONFIG.test(said)) return undefined;
  return diff.find((l) => {
    const name = / env removed ([\w.-]+)$/.exec(l)?.[1] ?? / env ([\w.-]+): /.exec(l)?.[1];
    return name !== undefined && CONFIG_SELECTOR.test(name);
  });
}

/** A JSON-quoted token of a command or args line: `"--concurrency=8"`. */
const TOKEN = /"(?:[^"\\]|\\.)*"/g;

/**
 * A long command or args change told by the tokens that changed, when the rest is the same:
 * `worker command: "--concurrency=2" → "--concurrency=8"`, not both whole command lines; tokens
 * only appended or only dropped are told as such (`app command: added "--limit-concurrency" "20"`).
 */
export function condenseListChange(line: string): string {
  const m = /^(.* (?:command|args)): (.*) → (.*)$/.exec(line);
  if (m === null) return line;
  const [a, b] = [m[2]?.match(TOKEN) ?? [], m[3]?.match(TOKEN) ?? []];
  if (a.join(' ') !== m[2] || b.join(' ') !== m[3]) return line;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [was, now] = [a.slice(head, a.length - tail), b.slice(head, b.length - tail)];
  // Nothing shared: the whole change says it better.
  if (head + tail === 0 || (was.length === 0 && now.length === 0)) return line;
  // Tokens only added (a flag appended) or only removed: those tokens are the change.
  if (was.length === 0) return `${m[1] ?? ''}: added ${now.join(' ')}`;
  if (now.length === 0) return `${m[1] ?? ''}: removed ${was.join(' ')}`;
  return `${m[1] ?? ''}: ${was.join(' ')} → ${now.join(' ')}`;
}
