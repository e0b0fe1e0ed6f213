/**
 * Ids past 2^53 read as floating-point numbers: a JSON parser that holds numbers as IEEE-754
 * doubles (JavaScript's JSON.parse, and many others by default) keeps integers exact only up to
 * Number.MAX_SAFE_INTEGER (2^53 − 1); above it the neighbouring doubles are 2, 4, … apart (256 from
 * 2^60 on), so a 64-bit id (a snowflake id) arrives rounded and prints with trailing zeros. Every
 * lookup with the rounded id finds nothing ("not found", 404) and the work fails, while the pods
 * stay Ready. The consumer did not change: the ids did, so the service that issues them — the one
 * the workload looks them up at, its env naming that Service — and its rollout just before the
 * first failure is the since. Pure: log lines, the workload's pods and env, the namespace's
 * Services and rollouts.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from './evidence-namespace-rollouts.js';
import { clientRolloutsSince } from './client-rollout.js';
import { readAddressHost } from './data-object-rollout.js';
import { diffRevisions, shortenImageChange } from './revision-diff.js';
import { matchesLabels } from './service-match.js';
import { findTimedLogHits } from './timed-log-hits.js';
import { literalEnv } from './tied-rollout.js';
import { TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from './trigger-window.js';
import { msBetween } from './time-span.js';

/** 2^53: integers from here on are no longer all representable as doubles. */
const SAFE_LIMIT = 2n ** 53n;
/** Lines it takes to call it the ids, not one odd record. */
export const MIN_ROUNDED_LINES = 3;
/** A key and a bare (unquoted) integer of 16 to 20 digits after it, as a JSON or key=value log writes a number. */
const BARE_ID = /["']?(\w+)["']?\s*[:=]\s*(\d{16,20})(?![\d.])/g;
/** The same key with a bare integer of any size: an id handled before (below 2^53). */
const bareValue = (key: string) => new RegExp(`["']?${key}["']?\\s*[:=]\\s*(\\d{1,20})(?![\\d."])`);
/** A line that says the id led nowhere. */
const NOT_FOUND = /not[ _-]?found|\b404\b|no such|does not exist|unknown (?:id|order|record)|dead[ -]?letter/i;

export interface RoundedIdHit {
  pod: string;
  line: string;
  at?: IsoTime;
  key: string;
  value: string;
}

export interface RoundedIds {
  hits: RoundedIdHit[];
  pods: string[];
  /** The key the ids are logged under ("orderId"). */
  key: string;
  /** A value of that key the workload handled before, below 2^53, when its log still shows one. */
  smaller?: string;
}

/** An id as a double prints it: past 2^53 and ending in zeros, the digits the rounding dropped. */
function looksRounded(digits: string): boolean {
  return BigInt(digits) > SAFE_LIMIT && /00$/.test(digits);
}

/** The workload's current lines that fail on a bare id past 2^53 that ends in the zeros of a rounded double; undefined unless again and again. */
export function findRoundedIds(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): RoundedIds | undefined {
  const hits: RoundedIdHit[] = [];
  for (const h of findTimedLogHits(logs, pods, NOT_FOUND, now)) {
    // Only a bare number matches: a quoted id ("id":"…") is a string, which whatever parsed it kept whole.
    for (const m of h.line.matchAll(BARE_ID)) {
      const [key, value] = [m[1] ?? '', m[2] ?? ''];
      if (looksRounded(value)) {
        hits.push({ pod: h.pod, line: h.line, ...(h.at ? { at: h.at } : {}), key, value });
        break;
      }
    }
  }
  if (hits.length < MIN_ROUNDED_LINES || new Set(hits.map((h) => h.value)).size < 2) return undefined;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.key, (counts.get(h.key) ?? 0) + 1);
  const key = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const own = new Set(pods.map((p) => p.name));
  const smaller = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines).flatMap((l) => bareValue(key).exec(l)?.[1] ?? []).find((v) => BigInt(v) < SAFE_LIMIT);
  return { hits, pods: [...new Set(hits.map((h) => h.pod))], key, ...(smaller ? { smaller } : {}) };
}

/** Whether the namespace's rollouts are worth a read: since when the service that issues the ids may have changed them. */
export function needsIdIssuerRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findRoundedIds(seen.logs, seen.pods, seen.collectedAt);
  const onset = found?.hits.map((h) => h.at).filter((t): t is IsoTime => t !== undefined).sort()[0];
  return onset === undefined ? undefined : { since: clientRolloutsSince(onset) };
}

export interface IdIssuerRollout {
  deployment: string;
  newest: RolloutRevisionEvidence;
  previous?: RolloutRevisionEvidence;
  /** "its env ORDERS_URL names the Service orders-api": how the workload reaches it; undefined when it is only the nearest rollout before. */
  by?: string;
  /** What its newest revision changed, what bears on ids first. */
  changes: string[];
}

/** Changes of a revision that bear on the ids it issues. */
const BEARS_ON_IDS = /\bid\b|_id\b|\bids?_|snowflake|sequence|int64|bigint|long|uuid|generator|image/i;

/** The Service of the namespace the workload's env addresses that selects the candidate's pods (or bears its name), with the env that names it. */
function findAddressedService(ev: TriageEvidence, cand: NamespaceRolloutEvidence, newest: RolloutRevisionEvidence, envs: readonly { name: string; value: string }[]): string | undefined {
  const labels = { ...cand.labels, ...(newest.template?.labels ?? {}) };
  const theirs = ev.services.filter((s) => s.name === cand.deployment || (Object.keys(s.selector).length > 0 && matchesLabels(s.selector, labels))).map((s) => s.name);
  for (const e of envs) {
    const host = readAddressHost(e.value);
    const svc = host === undefined ? undefined : theirs.find((s) => host === s || host.startsWith(`${s}.`));
    if (svc !== undefined) return `the workload's env ${e.name} names its Service ${svc} (${e.value})`;
  }
  return undefined;
}

/** The rollout of the service the workload looks the ids up at (its env names its Service), or else the nearest within the hour, before the first failure. */
export function findIdIssuerRollout(ev: TriageEvidence, onset: IsoTime, pods: readonly string[]): IdIssuerRollout | undefined {
  const own = ev.pods.find((p) => pods.includes(p.name));
  const envs = literalEnv(own?.containers ?? []);
  const picked = (ev.namespaceRollouts ?? []).flatMap((cand) => {
    const [newest, previous] = cand.revisions;
    if (cand.deployment === ev.target.name || newest === undefined || newest.replicas === 0) return [];
    const gap = msBetween(newest.createdAt, onset);
    const by = findAddressedService(ev, cand, newest, envs);
    if (gap < -TRIGGER_SKEW_MS || gap > (by ? TRIGGER_WINDOW_MS : TRIGGER_WINDOW_MS / 2)) return [];
    return [{ cand, newest, previous, by, gap }];
  }).sort((a, b) => Number(b.by !== undefined) - Number(a.by !== undefined) || a.gap - b.gap)[0];
  if (picked === undefined) return undefined;
  const lines = picked.previous ? diffRevisions(picked.previous, picked.newest).map(shortenImageChange) : [];
  return {
    deployment: picked.cand.deployment,
    newest: picked.newest,
    ...(picked.previous ? { previous: picked.previous } : {}),
    ...(picked.by ? { by: picked.by } : {}),
    changes: [...lines.filter((l) => BEARS_ON_IDS.test(l) && !/\bimage\b/.test(l)), ...lines.filter((l) => /\bimage\b/.test(l)), ...lines.filter((l) => !BEARS_ON_IDS.test(l))],
  };
}
