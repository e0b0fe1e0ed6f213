/**
 * Requests cut at one fixed elapsed time by a default the server's runtime brought with a major
 * version. Node.js 18 gave http.Server a requestTimeout of 300000 ms (it was 0, no limit, on 16 and
 * older): a request whose body has not fully arrived within 300 s is answered 408 and its socket
 * closed, and the app logs the request as aborted (`Error: aborted` at abortIncoming, ECONNRESET).
 * Short requests succeed; every long upload fails at the same elapsed time, ~300 s, which is the
 * sign — a client hanging up, or a flaky network, would cut at any time. Setting server.timeout (the
 * socket's idle timeout) does not lift it. The revision that moved the runtime across the major is
 * the since (runtime-upgrade.ts), however long before the first long request it rolled out.
 */
import type { LogEvidence, RevisionEvidence } from './evidence.js';
import { isClientAbortRecord } from './client-abort.js';
import { readLineTime } from './request-silence.js';
import { NODE_RUNTIME, findRuntimeMajor } from './runtime-upgrade.js';
import type { RuntimeName } from './runtime-upgrade.js';

export interface ServerDefault {
  runtime: RuntimeName;
  /** The first major with the default. */
  since: number;
  /** The cut, in milliseconds. */
  ms: number;
  /** The setting that lifts it, as the code sets it. */
  setting: string;
  /** "http.Server's requestTimeout". */
  what: string;
  /** What it was before that major. */
  was: string;
  /** Frames or words that say the runtime's own server cut the request (not a client library). */
  server: RegExp;
  /** The runtime's version as a log names it: the whole version, then its major. */
  logged: RegExp;
}

export const SERVER_DEFAULTS: readonly ServerDefault[] = [
  {
    runtime: NODE_RUNTIME,
    since: 18,
    ms: 300_000,
    setting: 'server.requestTimeout',
    what: "http.Server's requestTimeout",
    was: '0 (no limit) on Node.js 16 and older',
    server: /\bnode:_http_server\b|\bat abortIncoming\b|\bBadRequestError: request aborted\b/,
    // `"node":"v22.4.0"`, `Node.js v22.4.0`, `node/v22.4.0`.
    logged: /\bnode(?:\.js)?"?\s*[:=/ ]\s*"?(v(\d+)\.\d+\.\d+)/i,
  },
];

/** An elapsed time a request log names, in ms: `"elapsedMs":12034`, `duration_ms=880`, `"responseTime":41`, `took 95ms`. */
const ELAPSED_MS = /"?(?:elapsed|duration|latency|took)_?(?:ms|Ms|MS|millis)"?\s*[:=]\s*(\d+(?:\.\d+)?)|"?responseTime"?\s*[:=]\s*(\d+(?:\.\d+)?)|\b(?:after|took|in) (\d+(?:\.\d+)?) ?ms\b/;

/** The cut is the default's within this much: the socket closes a few ms after the timer fires. */
const TOLERANCE = { below: 0.005, above: 0.03 };
/** Cut requests it takes to call it the default, not one client that gave up at the same time. */
const MIN_CUTS = 3;
/** Share of the aborted requests that ran to the cut: clients that give up do so at any time. */
const MIN_CUT_SHARE = 0.75;

export interface DefaultCutHit {
  pod: string;
  line: string;
  elapsedMs: number;
}

export interface DefaultCut {
  rule: ServerDefault;
  hits: DefaultCutHit[];
  pods: string[];
  container: string;
  /** Requests that ran past the cut and were served: none, or it is no cut. */
  servedPast: number;
  /** The runtime version the log names ("v22.4.0"), else the major the revision names. */
  logged?: string;
  major?: number;
}

function elapsedOf(line: string): number | undefined {
  const m = ELAPSED_MS.exec(line);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return v === undefined ? undefined : Number(v);
}

/** The major the pods' own revision names for the runtime. */
function revisionMajor(revisions: readonly RevisionEvidence[], hash: string | undefined, rule: ServerDefault): number | undefined {
  const r = revisions.find((x) => x.hash === hash);
  return r === undefined ? undefined : findRuntimeMajor(r, rule.runtime)?.major;
}

/** Inbound requests the workload's own logs report aborted at the elapsed time of a known runtime default. */
export function findDefaultCut(logs: readonly LogEvidence[], pods: readonly { name: string; revisionHash?: string }[], revisions: readonly RevisionEvidence[]): DefaultCut | undefined {
  for (const rule of SERVER_DEFAULTS) {
    const hits: DefaultCutHit[] = [];
    let servedPast = 0;
    let aborts = 0;
    let logged: { version: string; major: number } | undefined;
    for (const log of logs) {
      if (log.previous) continue;
      for (const line of log.lines) {
        const named = logged === undefined ? rule.logged.exec(line) : null;
        if (named?.[1] && named[2]) logged = { version: named[1], major: Number(named[2]) };
        const ms = elapsedOf(line);
        if (ms === undefined) continue;
        const atCut = ms >= rule.ms * (1 - TOLERANCE.below) && ms <= rule.ms * (1 + TOLERANCE.above);
        const abort = isClientAbortRecord(line);
        if (abort) aborts++;
        if (atCut && abort && rule.server.test(line)) hits.push({ pod: log.pod, line, elapsedMs: ms });
        else if (ms > rule.ms * (1 + TOLERANCE.above) && !isClientAbortRecord(line) && !/"level":\s*50|\b(?:ERROR|error)\b/.test(line)) servedPast++;
      }
    }
    if (hits.length < MIN_CUTS || hits.length < aborts * MIN_CUT_SHARE || servedPast > 0) continue;
    const hitPods = [...new Set(hits.map((h) => h.pod))];
    const major = logged !== undefined ? logged.major : revisionMajor(revisions, pods.find((p) => p.name === hitPods[0])?.revisionHash, rule);
    if (major !== undefined && major < rule.since) continue;
    const container = logs.find((l) => l.pod === hitPods[0] && l.lines.includes(hits[0]?.line ?? ''))?.container ?? '';
    return { rule, hits, pods: hitPods, container, servedPast, ...(logged ? { logged: logged.version } : {}), ...(major !== undefined ? { major } : {}) };
  }
  return undefined;
}

/** When the first cut came, for the finding's onset. */
export function firstCutAt(cut: DefaultCut): string | undefined {
  return cut.hits.map((h) => readLineTime(h.line)).filter((t): t is string => t !== undefined).sort()[0];
}
