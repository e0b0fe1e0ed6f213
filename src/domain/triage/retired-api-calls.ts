/**
 * Calls the workload makes to an API that has retired what they call: answered 410 Gone with words
 * that say the API (or its version) was sunset, deprecated, retired, no longer served. 410 is
 * permanent — unlike a 5xx or a 429 it will not pass by waiting or retrying — so one such answer
 * decides it, while the pods stay Ready and their probes pass. A 410 for one item (a push token
 * unregistered, a deleted record), a Kubernetes watch whose resourceVersion is too old, or the
 * workload's own access log is not one of these.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest, latest } from './time-span.js';

/** A call answered 410 in the forms clients log it: "410 Gone", ".NET's 410 (Gone)", requests' "410 Client Error: Gone", a status field. */
const GONE = /\b410\s*\(?Gone\b|\bGone\s*\(?410\b|\b410 Client Error\b|HTTP\/[\d.]+"?\s+410\b|(?:"status(?:_?code|Code)?"\s*:\s*|\bstatus(?:_?code)?=)410\b/i;
/** The API's words for "this is retired", in the answer's body or the client's message. */
const RETIRED = /\bsunset\b|\bdeprecated\b|\bretired\b|\bdecommissioned\b|\bend[- ]of[- ]life\b|\bno longer (?:serve[sd]?|supported|available)\b/i;
/** A Kubernetes watch or list whose resourceVersion is too old (410 Expired): routine, the client relists. */
const WATCH_EXPIRED = /resource ?version|\bwatch\b|\bExpired\b/i;
/** An access-log line of a request the workload served ("GET /v1/x HTTP/1.1" 410): its own answer. */
const SERVED = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/[\d.]+"\s+\d{3}\b/;
const URL = /\bhttps?:\/\/[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9](?::\d+)?(?:\/[^\s"'<>)\\,]*)?/;
/** Lines back to look for the request's own line (its URL) when the answer's line names none. */
const REQUEST_LINES = 5;
/** A version segment of an API path: /v1/, /v2.1/, a dated /2023-01/. */
const VERSION = /\/(v\d+(?:\.\d+)?|\d{4}-\d\d(?:-\d\d)?)(?=\/|$)/i;
/** Where the answer points instead: "migrate to /v3/rates", "use /2025-04/quotes", "upgrade to v3". */
const SUCCESSOR = /\b(?:migrate|move|upgrade|switch|use|moved)\b(?: \w+)?(?: to)?:? (\/[\w./-]*[\w/]|https?:\/\/[^\s"'<>)\\,]+|v\d+(?:\.\d+)?\b)/i;
/** The deprecation notices the API sent while it still answered (RFC 8594 Sunset, the Deprecation header). */
const NOTICE = /\bSunset: ?[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}[^,;]*|\bDeprecation: ?(?:@\d+|true|[A-Z][a-z]{2},)/;

export interface RetiredApiCalls {
  /** The answers' lines, by pod. */
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The URL called, as the lines give it (the most named one). */
  url?: string;
  host?: string;
  /** The version segment of its path ("v1", "2023-01"), when it has one. */
  version?: string;
  /** The API's own sentence that says it is retired. */
  said: string;
  /** What it points to instead, when it says. */
  successor?: string;
  /** A deprecation notice the API sent before (a Sunset or Deprecation header the client logged). */
  notice?: { pod: string; line: string; at?: IsoTime };
  first?: IsoTime;
  last?: IsoTime;
}

/** Whether a line is a call's answer of 410 that says what it called is retired. */
export function isRetiredApiAnswer(line: string): boolean {
  return GONE.test(line) && RETIRED.test(line) && !WATCH_EXPIRED.test(line) && !(SERVED.test(line) && !URL.test(line));
}

/** The URL of a hit: on its own line, else on the request's line just before it in that log. */
function urlOf(lines: readonly string[], i: number): string | undefined {
  for (let j = i; j >= 0 && j >= i - REQUEST_LINES; j--) {
    const url = URL.exec(lines[j] ?? '')?.[0];
    // A link to the API's docs in the body is not what was called: prefer a URL with a version segment, or the request's own line.
    if (url !== undefined && (j < i || VERSION.test(new globalThis.URL(url).pathname))) return url.replace(/[.:]$/, '');
  }
  return undefined;
}

/**
 * The sentence of the answer that carries the retirement words, without JSON around it: the
 * longest, which says most ("API v1 was sunset on … and no longer serves requests" over a title's
 * "API version retired"). A word inside a URL ("errors/version-sunset") is not one.
 */
function sentenceOf(line: string): string {
  const sentences = [...line.matchAll(new RegExp(RETIRED.source, 'gi'))].flatMap((m) => {
    const before = line.slice(0, m.index);
    const token = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('"')) + 1);
    if (token.includes('/')) return [];
    const start = Math.max(before.lastIndexOf('"') + 1, before.lastIndexOf('. ') + 2, before.lastIndexOf('{') + 1, before.lastIndexOf(': ') + 2);
    const rest = line.slice(m.index);
    const end = rest.search(/"|\. |\.$|\}/);
    return [`${before.slice(start)}${end < 0 ? rest : rest.slice(0, end)}`.trim()];
  });
  return sentences.sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The retired calls in the current logs: one is enough, the answer is permanent. */
export function findRetiredApiCalls(logs: readonly LogEvidence[]): RetiredApiCalls | undefined {
  const current = logs.filter((l) => !l.previous);
  const found = current.flatMap((l) => l.lines.flatMap((line, i) => {
    if (!isRetiredApiAnswer(line)) return [];
    const at = readLineTime(line);
    return [{ pod: l.pod, line: line.trim(), url: urlOf(l.lines, i), ...(at ? { at } : {}) }];
  }));
  if (found.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const h of found) if (h.url !== undefined) counts.set(h.url, (counts.get(h.url) ?? 0) + 1);
  const url = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const parsed = url === undefined ? undefined : new globalThis.URL(url);
  const version = parsed === undefined ? undefined : VERSION.exec(parsed.pathname)?.[1];
  const newest = found[found.length - 1] ?? found[0];
  const successor = [...found].reverse().map((h) => SUCCESSOR.exec(h.line.slice(h.line.search(RETIRED)))?.[1]).find((s) => s !== undefined && s !== version && !s.startsWith(`/${version ?? '\u0000'}/`));
  const notice = current.flatMap((l) => l.lines.filter((x) => NOTICE.test(x) && !isRetiredApiAnswer(x)).map((x) => {
    const at = readLineTime(x);
    return { pod: l.pod, line: x.trim(), ...(at ? { at } : {}) };
  })).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))[0];
  const first = earliest(found.map((h) => h.at));
  const last = latest(found.map((h) => h.at));
  return {
    hits: found.map(({ pod, line, at }) => ({ pod, line, ...(at ? { at } : {}) })),
    pods: [...new Set(found.map((h) => h.pod))],
    ...(url ? { url } : {}),
    ...(parsed ? { host: parsed.hostname } : {}),
    ...(version ? { version } : {}),
    said: sentenceOf(newest?.line ?? ''),
    ...(successor ? { successor: successor.replace(/[.:]$/, '') } : {}),
    ...(notice ? { notice } : {}),
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
  };
}
