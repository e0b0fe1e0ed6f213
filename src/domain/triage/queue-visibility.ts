/**
 * An SQS consumer that works a received batch for longer than the queue's visibility timeout: the
 * messages become visible again mid-batch and are delivered to another consumer, so they are
 * processed twice, and the late delete of the first receipt fails because that receipt handle has
 * expired ("ReceiptHandleIsInvalid … The receipt handle has expired"). The pods stay Ready. What
 * decides it is the timeout the consumer receives with (an env var or ConfigMap key, its own start
 * line) against the time a batch takes, as the consumer's logs show it.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { readLogLineTime } from './log-line-time.js';
import { formatLimit } from './statement-timeout.js';
import { earliest } from './time-span.js';
import { parseGoDuration } from './analyzers/slow-image-pull.js';

/** SQS refusing a delete or visibility change for a receipt whose visibility timeout ran out. */
export const RECEIPT_EXPIRED = /ReceiptHandleIsInvalid|receipt handle has expired|not available for visibility timeout change/i;

/** Lines before it counts: one late delete can be a slow outlier, a run of them is the setting. */
export const MIN_LINES = 3;

/** Names of settings that hold a visibility timeout (SQS_VISIBILITY_TIMEOUT_SECONDS, visibilityTimeout). */
export const VISIBILITY_SETTING = /visibility/i;

export interface ExpiredReceipts {
  lines: number;
  pods: string[];
  /** The container that logs them, of the first hit. */
  container: string;
  /** The last line that says it. */
  line: string;
  /** The earliest such line's own time, when it carries one. */
  since?: string;
}

/** Deletes refused for expired receipt handles in the current logs of the workload's own pods, when they keep coming. */
export function findExpiredReceipts(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: string): ExpiredReceipts | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => RECEIPT_EXPIRED.test(line)).map((line) => ({ pod: l.pod, container: l.container, line: line.trim() })));
  if (hits.length < MIN_LINES) return undefined;
  const since = earliest(hits.map((h) => readLogLineTime(h.line, now)));
  return { lines: hits.length, pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '', line: hits[hits.length - 1]?.line ?? '', ...(since !== undefined ? { since } : {}) };
}

/** A line about a batch or its messages, where a processing time means the time a batch took. */
const BATCH_LINE = /batch|messages|processed/i;

/** `"elapsedMs":44200`, `elapsed_ms=44200`, `duration=45.2s`, `"took": 45200` with a unit in the key or after the number. */
const KEYED_TIME = /\b(?:elapsed|duration|took|processing_?time|batch_?time)(?:_?(ms|millis|seconds|secs?|s)\b|(Ms|Millis|Seconds|Secs?)\b)?["']?\s*[:=]\s*["']?(\d+(?:\.\d+)?)\s*(ms|s|m)?\b/;

/** `took 45.2s`, `in 45200 ms`, `after 41.7 seconds`. */
const PROSE_TIME = /\b(?:took|in|after)\s+(\d+(?:\.\d+)?)\s*(ms|s|secs?|seconds|m|min|minutes)\b/i;

const UNIT_MS: Record<string, number> = { ms: 1, millis: 1, s: 1000, sec: 1000, secs: 1000, seconds: 1000, m: 60_000, min: 60_000, minutes: 60_000 };

/** The time a batch took, in milliseconds, as its line says it; undefined when it states none or no unit. */
export function readBatchMs(line: string): number | undefined {
  return BATCH_LINE.test(line) ? readTookMs(line) : undefined;
}

/** The time a line says something took (`took 45.2s`, `"elapsedMs":44200`), in milliseconds; undefined when it states none or no unit. */
export function readTookMs(line: string): number | undefined {
  const k = KEYED_TIME.exec(line);
  if (k !== null) {
    const unit = (k[4] ?? k[1] ?? k[2] ?? '').toLowerCase();
    const per = UNIT_MS[unit];
    if (per !== undefined) return Number(k[3]) * per;
  }
  const p = PROSE_TIME.exec(line);
  return p === null ? undefined : Number(p[1]) * (UNIT_MS[(p[2] ?? '').toLowerCase()] ?? NaN) || undefined;
}

/** The shortest and longest batch times the workload's current logs state. */
export function findBatchTimes(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { minMs: number; maxMs: number } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const times = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => readBatchMs(line) ?? []));
  return times.length === 0 ? undefined : { minMs: Math.min(...times), maxMs: Math.max(...times) };
}

/** A value as SQS takes it: whole seconds; `30s`, `2m` as Go durations. */
function parseTimeoutMs(value: string): number | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return /^\d+$/.test(v) ? Number(v) * 1000 : parseGoDuration(v);
}

export interface VisibilityTimeout {
  /** As written: `SQS_VISIBILITY_TIMEOUT_SECONDS=30`. */
  written: string;
  /** The setting's name, when the pods set it: `SQS_VISIBILITY_TIMEOUT_SECONDS`. */
  name?: string;
  ms: number;
  /** `ConfigMap shipment-notifier-config`, `env`, `the consumer's log`. */
  source: string;
  /** Written as whole seconds (SQS's unit): a suggested value is given the same way. */
  seconds: boolean;
}

/** `"visibilityTimeout":30`, `visibility_timeout=30`, `VisibilityTimeout: 30s` in the consumer's own log. */
const LOGGED_TIMEOUT = /["']?(visibility_?timeout(?:_?seconds)?)["']?\s*[:=]\s*["']?(\d+s?)\b/i;

/** The visibility timeout the consumer receives with: a ConfigMap key it reads, its own env, else its own log (a start line). */
export function findVisibilityTimeout(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[], logs: readonly LogEvidence[]): VisibilityTimeout | undefined {
  const fromConfig = config.filter((c) => c.mechanism === 'queue-visibility').flatMap((c) => {
    const [name = '', value = ''] = c.written.split(/=(.*)/s);
    const ms = parseTimeoutMs(value);
    return ms === undefined ? [] : [{ written: c.written, name, ms, source: `ConfigMap ${c.configMap}`, seconds: /^\s*\d+\s*$/.test(value) }];
  });
  const fromEnv = (container?.env ?? []).flatMap((e) => {
    const ms = 'value' in e && VISIBILITY_SETTING.test(e.name) ? parseTimeoutMs(e.value) : undefined;
    return ms === undefined || !('value' in e) ? [] : [{ written: `${e.name}=${e.value}`, name: e.name, ms, source: 'env', seconds: /^\d+$/.test(e.value) }];
  });
  const first = fromConfig[0] ?? fromEnv[0];
  if (first !== undefined) return first;
  for (const line of logs.flatMap((l) => l.lines)) {
    const m = LOGGED_TIMEOUT.exec(line);
    const ms = m === null ? undefined : parseTimeoutMs(m[2] ?? '');
    if (m !== null && ms !== undefined) return { written: `${m[1] ?? ''}=${m[2] ?? ''}`, ms, source: 'the consumer\'s log', seconds: /^\d+$/.test(m[2] ?? '') };
  }
  return undefined;
}

/** A value well above the longest batch (3×, whole minutes), written the way the setting is. */
export function suggestTimeout(maxBatchMs: number, seconds: boolean): string {
  const s = Math.ceil((3 * maxBatchMs) / 60_000) * 60;
  return seconds ? String(s) : `${s}s`;
}

export { formatLimit };
