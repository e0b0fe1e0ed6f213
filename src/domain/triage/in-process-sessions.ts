/**
 * Sessions kept in each process's own memory (express-session's default MemoryStore, a file or
 * in-memory driver) work with one replica only: with several behind a Service without affinity,
 * a login stored on one pod is unknown to the next pod a request lands on, so users are sent back
 * to the login page at random ("no session for sid") and their form posts fail the CSRF check the
 * session holds the secret of ("invalid csrf token"). The pods stay Ready; only these lines,
 * spread across the replicas, say it. More replicas bring it on.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Requests that lost their session it takes to call it the store, not one expired cookie. */
export const MIN_LOST_SESSIONS = 5;

/** The store's own words that it lives in the process: express-session's start-up warning, a logged store name. */
const MEMORY_STORE_LOG = /connect\.session\(\) MemoryStore is not|"?session[_ ]?store"?\s*[:=]\s*"?(?:MemoryStore|memory)\b/i;
/** Literal env that keeps sessions in the process or on its own disk. */
const LOCAL_STORE_ENV: readonly { name: RegExp; value: RegExp }[] = [
  { name: /^SESSION_STORE$/i, value: /^(memory|memorystore|in-?memory|file|files)$/i },
  { name: /^SESSION_DRIVER$/i, value: /^(file|array|memory)$/i },
  { name: /^SESSION_TYPE$/i, value: /^(filesystem|memory)$/i },
];
/** A request that came without a session it had, or failed the CSRF secret the session keeps. */
const LOST_SESSION = /\bno session (?:for|found)\b|\bsession (?:not found|unknown)\b|\binvalid csrf token\b|\bEBADCSRFTOKEN\b/i;

export interface InProcessSessions {
  /** How the store showed itself: "express-session's MemoryStore (its start-up warning)", "env SESSION_STORE=memory". */
  store: string;
  lost: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  first?: IsoTime;
}

function findStoreSign(logs: readonly LogEvidence[], containers: readonly ContainerSpecEvidence[]): string | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if (!('value' in e)) continue;
      if (LOCAL_STORE_ENV.some((s) => s.name.test(e.name) && s.value.test(e.value.trim()))) return `env ${e.name}=${e.value}`;
    }
  }
  const line = logs.flatMap((l) => l.lines).find((l) => MEMORY_STORE_LOG.test(l));
  if (line === undefined) return undefined;
  return /connect\.session|MemoryStore/i.test(line) ? "express-session's MemoryStore, as its start-up warning says" : 'an in-memory session store (as the log names it)';
}

/**
 * Sessions lost between replicas: a store kept in the process, and at least MIN_LOST_SESSIONS
 * requests that lost their session on more than one of the workload's running pods.
 */
export function findInProcessSessions(logs: readonly LogEvidence[], containers: readonly ContainerSpecEvidence[], pods: ReadonlySet<string>): InProcessSessions | undefined {
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  const lost = mine.flatMap((l) =>
    l.lines.filter((line) => LOST_SESSION.test(line)).map((line) => {
      const at = readLineTime(line);
      return { pod: l.pod, line, ...(at ? { at } : {}) };
    }),
  );
  const hit = [...new Set(lost.map((h) => h.pod))];
  if (lost.length < MIN_LOST_SESSIONS || hit.length < 2) return undefined;
  const store = findStoreSign(mine, containers);
  if (store === undefined) return undefined;
  const times = lost.flatMap((h) => (h.at ? [h.at] : [])).sort();
  return { store, lost, pods: hit, ...(times[0] ? { first: times[0] } : {}) };
}
