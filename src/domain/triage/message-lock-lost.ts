/**
 * A peek-lock consumer (Azure Service Bus) whose handler holds a message longer than the queue's
 * lock duration: the lock expires mid-handling, so settling the message (complete, abandon) fails
 * with MessageLockLost ("The lock supplied is invalid. Either the lock expired, or the message has
 * already been removed from the queue"), the broker delivers it again, it is processed twice, and
 * past the queue's max delivery count it is dead-lettered (MaxDeliveryCountExceeded). The pods stay
 * Ready and the errors are logged at the .NET logger's `fail:` level, so nothing else looks wrong.
 * What decides it is the lock duration and the lock auto-renewal the consumer runs with (env or a
 * ConfigMap key it takes variables from) against the handling time its logs show.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { readLogLineTime } from './log-line-time.js';
import { readTookMs } from './queue-visibility.js';
import { earliest } from './time-span.js';
import { parseGoDuration } from './analyzers/slow-image-pull.js';

/** The broker refusing a settlement for a lock that expired: the SDKs' reason code and Service Bus's own message. */
export const LOCK_LOST = /\bMessageLockLost(?:Exception)?\b|\bMESSAGE_LOCK_LOST\b|The lock supplied is invalid/;

/** Lines before it counts: one late settlement can be a slow outlier, a run of them is the setting. */
export const MIN_LINES = 3;

/** Settings that decide how long a lock holds: its duration, the client's auto-renewal, and the deliveries before dead-lettering. */
export const LOCK_SETTING = /lock_?duration|lock_?renewal|max_?delivery_?count/i;

/** A line about handling one message, where a stated time is how long the handler held it. */
const HANDLING_LINE = /\bmessage\b|handl|process/i;

/** The queue dead-lettering what it delivered too often. */
const DEAD_LETTER = /MaxDeliveryCountExceeded|dead-?letter(?:ed|ing)?\b|DeadLetterMessageCount/i;

export interface LostLocks {
  lines: number;
  pods: string[];
  /** The container that logs them, of the first hit. */
  container: string;
  /** The last line that says it. */
  line: string;
  /** The earliest such line's own time, when it carries one. */
  since?: string;
  /** The last line of the logs that says the queue dead-letters messages, when one does. */
  deadLetter?: string;
}

/** Settlements refused for lost message locks in the current logs of the workload's own pods, when they keep coming. */
export function findLostLocks(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: string): LostLocks | undefined {
  const own = new Set(pods.map((p) => p.name));
  const current = logs.filter((l) => !l.previous && own.has(l.pod));
  const hits = current.flatMap((l) => l.lines.filter((line) => LOCK_LOST.test(line)).map((line) => ({ pod: l.pod, container: l.container, line: line.trim() })));
  if (hits.length < MIN_LINES) return undefined;
  const since = earliest(hits.map((h) => readLogLineTime(h.line, now)));
  const deadLetter = current.flatMap((l) => l.lines.filter((line) => DEAD_LETTER.test(line))).at(-1)?.trim();
  return {
    lines: hits.length,
    pods: [...new Set(hits.map((h) => h.pod))],
    container: hits[0]?.container ?? '',
    line: hits[hits.length - 1]?.line ?? '',
    ...(since !== undefined ? { since } : {}),
    ...(deadLetter !== undefined ? { deadLetter } : {}),
  };
}

/** The shortest and longest times the workload's current logs say handling a message took. */
export function findHandlingTimes(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { minMs: number; maxMs: number } | undefined {
  const own = new Set(pods.map((p) => p.name));
  const times = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => (HANDLING_LINE.test(line) ? readTookMs(line) ?? [] : [])));
  return times.length === 0 ? undefined : { minMs: Math.min(...times), maxMs: Math.max(...times) };
}

/** A duration as Service Bus clients take it: a .NET TimeSpan (`00:00:30`, `1.00:00:00`), ISO 8601 (`PT30S`), whole seconds, or a Go duration. */
export function parseLockDurationMs(value: string): number | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  const span = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(v);
  if (span) return (((Number(span[1] ?? 0) * 24 + Number(span[2])) * 60 + Number(span[3])) * 60 + Number(span[4])) * 1000;
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(v);
  if (iso && v.length > 2) return ((Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0)) * 60 + Number(iso[3] ?? 0)) * 1000;
  return /^\d+$/.test(v) ? Number(v) * 1000 : parseGoDuration(v);
}

export interface LockSetting {
  /** As written: `Bus__LockDuration=00:01:00`. */
  written: string;
  name: string;
  value: string;
  /** `ConfigMap worker-config`, `env`. */
  source: string;
}

export interface LockSettings {
  duration?: LockSetting & { ms: number };
  renewal?: LockSetting & { ms: number };
  maxDeliveries?: LockSetting;
}

/** The lock duration, auto-renewal and max delivery count the consumer runs with: a ConfigMap key it reads, else its own env. */
export function findLockSettings(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): LockSettings {
  const fromConfig = config.filter((c) => c.mechanism === 'message-lock').map((c) => {
    const [name = '', value = ''] = c.written.split(/=(.*)/s);
    return { written: c.written, name, value, source: `ConfigMap ${c.configMap}` };
  });
  const fromEnv = (container?.env ?? []).flatMap((e) => ('value' in e && LOCK_SETTING.test(e.name) ? [{ written: `${e.name}=${e.value}`, name: e.name, value: e.value, source: 'env' }] : []));
  const all = [...fromConfig, ...fromEnv];
  const timed = (re: RegExp) => {
    const s = all.find((x) => re.test(x.name) && parseLockDurationMs(x.value) !== undefined);
    return s === undefined ? undefined : { ...s, ms: parseLockDurationMs(s.value) ?? 0 };
  };
  const duration = timed(/lock_?duration/i);
  const renewal = timed(/lock_?renewal/i);
  const maxDeliveries = all.find((x) => /max_?delivery_?count/i.test(x.name) && /^\d+$/.test(x.value.trim()));
  return { ...(duration ? { duration } : {}), ...(renewal ? { renewal } : {}), ...(maxDeliveries ? { maxDeliveries } : {}) };
}
