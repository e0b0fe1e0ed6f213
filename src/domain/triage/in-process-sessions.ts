/**
 * Sessions kept in each process's own memory (express-session's default MemoryStore, a file or
 * in-memory driver) work with one replica only: with several behind a Service without affinity,
 * a login stored on one pod is unknown to the next pod a request lands on, so users are sent back
 * to the login page at random ("no session for sid") and their form posts fail the CSRF check the
 * session holds the secret of ("invalid csrf token"). The pods stay Ready; only these lines,
 * spread across the replicas, say it. More replicas bring it on.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { readLineTime } from './request-silence.js';

/** Requests that lost their session it takes to call it the store, not one expired cookie. */
export const MIN_LOST_SESSIONS = 5;

/** The store's own words that it lives in the process: express-session's start-up warning, a logged store name. */
const MEMORY_STORE_LOG = /connect\.session\(\) MemoryStore is not|"?session[_ ]?(?:store|backend|storage)"?\s*[:=]\s*"?(?:[\w.]+\s+)?(?:MemoryStore|SimpleCache|LocMemCache|MemoryCache|memory|in-?memory|in-?process)\b/i;
/** Literal env that keeps sessions in the process or on its own disk. */
const LOCAL_STORE_ENV: readonly { name: RegExp; value: RegExp }[] = [
  { name: /^SESSION_STORE$/i, value: /^(memory|memorystore|in-?memory|file|files)$/i },
  { name: /^SESSION_DRIVER$/i, value: /^(file|array|memory)$/i },
  { name: /^SESSION_TYPE$/i, value: /^(filesystem|memory)$/i },
];
/** The env keys that name a session store (PHP frameworks, Node, Flask): read from a ConfigMap the container takes variables from. */
export const SESSION_STORE_KEY = /^(SESSION_DRIVER|SESSION_STORE|SESSION_TYPE)$/i;
/** A login callback whose OAuth/OIDC state (or nonce) the session was to hold is missing or another: the state was stored on another pod. */
export const LOST_LOGIN_STATE = /\bmismatching_state\b|\bstate (?:not equal|mismatch|does not match)\b|\bunable to verify authorization request state\b|\bauthorization_request_not_found\b|\binvalid (?:oauth2? |oidc )?state parameter\b|\bnonce (?:mismatch|not found)\b/i;
/** A request that came without a session it had, or failed the CSRF secret the session keeps, or the login state it held. */
const LOST_SESSION = new RegExp(`\\bno session (?:for|found)\\b|\\bsession (?:not found|unknown)\\b|\\binvalid csrf token\\b|\\bEBADCSRFTOKEN\\b|\\bCSRF token mismatch\\b|${LOST_LOGIN_STATE.source}`, 'i');
/** An access-log line of a write answered 419 ("Page Expired": the session that held its CSRF token is gone). */
const EXPIRED_WRITE = /"(?:POST|PUT|PATCH|DELETE) [^"]*" 419\b/;
/** An access-log line with its status: the requests the 419s are a share of. */
const ACCESS_LINE = /"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) [^"]*" \d{3}\b/;
/** The share of the access log's requests answered 419 above which it is no longer a few stale forms. */
const MIN_EXPIRED_SHARE = 0.1;

export interface InProcessSessions {
  /** How the store showed itself: "express-session's MemoryStore (its start-up warning)", "env SESSION_STORE=memory". */
  store: string;
  lost: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  first?: IsoTime;
}

function isLocalStore(name: string, value: string): boolean {
  return LOCAL_STORE_ENV.some((s) => s.name.test(name) && s.value.test(value.trim()));
}

/** Whether the containers' literal env names a session store (then no ConfigMap needs reading for it). */
export function hasLiteralStoreEnv(containers: readonly ContainerSpecEvidence[]): boolean {
  return containers.some((c) => (c.env ?? []).some((e) => 'value' in e && SESSION_STORE_KEY.test(e.name)));
}

function findStoreSign(logs: readonly LogEvidence[], containers: readonly ContainerSpecEvidence[], config: readonly SettingConfigEvidence[]): string | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if (!('value' in e)) continue;
      if (isLocalStore(e.name, e.value)) return `env ${e.name}=${e.value}`;
    }
  }
  for (const c of config) {
    if (c.mechanism !== 'session-store') continue;
    const m = /^([^=]+)=(.*)$/.exec(c.written);
    if (m && isLocalStore(m[1] ?? '', m[2] ?? '')) return `${c.written} in ConfigMap ${c.configMap}`;
  }
  const line = logs.flatMap((l) => l.lines).find((l) => MEMORY_STORE_LOG.test(l));
  if (line === undefined) return undefined;
  if (/connect\.session|MemoryStore/i.test(line)) return "express-session's MemoryStore, as its start-up warning says";
  const named = /session[_ ]?(?:store|backend|storage)"?\s*[:=]\s*"?((?:[\w.]+\s+)?(?:SimpleCache|LocMemCache|MemoryCache))\b/i.exec(line)?.[1];
  return named ? `${named}, an in-memory session store (as the log names it)` : 'an in-memory session store (as the log names it)';
}

/** Lines a traceback may run above its last line, the one that names the exception. */
const TRACEBACK_SPAN = 20;

/** The time of an untimed line that ends a traceback: that of the log line the traceback hangs from. */
function readTracebackTime(lines: readonly string[], i: number): IsoTime | undefined {
  for (let j = i - 1; j >= Math.max(0, i - TRACEBACK_SPAN); j--) {
    const at = readLineTime(lines[j] ?? '');
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * Sessions lost between replicas: a store kept in the process, and at least MIN_LOST_SESSIONS
 * requests that lost their session on more than one of the workload's running pods.
 */
/**
 * The requests that lost their session, on more than one running pod: the lines that say so, or
 * writes answered 419 when they are a large share of the access log (a few are stale forms).
 */
export function findLostSessions(logs: readonly LogEvidence[], pods: ReadonlySet<string>): { container: string; lost: InProcessSessions['lost']; pods: string[] } | undefined {
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  const lines = mine.flatMap((l) => l.lines);
  const requests = lines.filter((line) => ACCESS_LINE.test(line)).length;
  const expired = lines.filter((line) => EXPIRED_WRITE.test(line)).length;
  const counts419 = expired >= MIN_LOST_SESSIONS && expired >= MIN_EXPIRED_SHARE * requests;
  const lost = mine.flatMap((l) =>
    l.lines.flatMap((line, i) => {
      if (!LOST_SESSION.test(line) && !(counts419 && EXPIRED_WRITE.test(line))) return [];
      const at = readLineTime(line) ?? readTracebackTime(l.lines, i);
      return [{ pod: l.pod, container: l.container, line, ...(at ? { at } : {}) }];
    }),
  );
  const hit = [...new Set(lost.map((h) => h.pod))];
  if (lost.length < MIN_LOST_SESSIONS || hit.length < 2) return undefined;
  return { container: lost[0]?.container ?? '', lost: lost.map(({ container: _c, ...h }) => h), pods: hit };
}

export function findInProcessSessions(logs: readonly LogEvidence[], containers: readonly ContainerSpecEvidence[], pods: ReadonlySet<string>, config: readonly SettingConfigEvidence[] = []): InProcessSessions | undefined {
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  const found = findLostSessions(mine, pods);
  if (found === undefined) return undefined;
  const { lost, pods: hit } = found;
  const store = findStoreSign(mine, containers, config);
  if (store === undefined) return undefined;
  const times = lost.flatMap((h) => (h.at ? [h.at] : [])).sort();
  return { store, lost, pods: hit, ...(times[0] ? { first: times[0] } : {}) };
}
