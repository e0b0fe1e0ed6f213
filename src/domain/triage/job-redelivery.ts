/**
 * A queue worker whose job timeout is not under the queue's redelivery timeout: the queue hands a
 * reserved job back out once it has been held for that long (Laravel's retry_after, an SQS or
 * Kombu visibility timeout, RabbitMQ's consumer_timeout), so a job still running then is taken by
 * another worker and runs twice, and a later pickup finds its attempts used up. The pods stay
 * Ready and log a few errors only. What decides it is two settings side by side: the timeout the
 * worker runs jobs with (its command-line flag or env) and the redelivery timeout the queue
 * connection is configured with (an env var or a key of a ConfigMap the worker reads).
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import type { IsoTime } from './evidence-spec.js';
import { readLogLineTime } from './log-line-time.js';
import { earliest } from './time-span.js';
import { parseGoDuration } from './analyzers/slow-image-pull.js';

/**
 * A job taken again after the queue redelivered it while it ran: Laravel's attempts check on the
 * extra pickup, RabbitMQ closing a channel whose delivery was not acknowledged in consumer_timeout.
 */
export const REDELIVERY_SIGN = /MaxAttemptsExceededException|has been attempted too many times|delivery acknowledgement on channel \d+ timed out/i;

/** A stack trace's frame names the exception again: `#0 …Worker.php(785): …`, `  at …`. */
const STACK_FRAME = /^\s*(?:#\d+\s|at\s)/;

/** Lines before it counts: one can be a job that truly failed its tries. */
const MIN_LINES = 2;

/** Keys that set how long the queue holds a reserved job before it hands it out again. */
export const REDELIVERY_SETTING = /retry_?after|visibility_?timeout|consumer_?timeout/i;

/** Keys that set how long the worker lets one job run. */
export const WORKER_TIMEOUT_SETTING = /^(?:\w+_)?(?:JOB|WORKER|QUEUE|TASK)_?TIMEOUT(?:_?S(?:EC(?:OND)?S?)?)?$|TIME_?LIMIT/i;

/** `--timeout=120`, `--timeout 120`, Celery's `--time-limit=300`, in the worker's command line. */
const TIMEOUT_FLAG = /(?:^|\s)(--(?:timeout|time-limit))(?:=|\s+)(\d+)(?=\s|$)/;

export interface RedeliveredJobs {
  lines: number;
  pods: string[];
  container: string;
  /** The last line that says it. */
  line: string;
  since?: IsoTime;
}

/** Lines of the workload's own pods (current logs) that say a job was taken again past its tries. */
export function findRedeliveredJobs(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): RedeliveredJobs | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => REDELIVERY_SIGN.test(line) && !STACK_FRAME.test(line)).map((line) => ({ pod: l.pod, container: l.container, line: line.trim() })));
  if (hits.length < MIN_LINES) return undefined;
  const since = earliest(hits.map((h) => readLogLineTime(h.line, now)));
  return { lines: hits.length, pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '', line: hits[hits.length - 1]?.line ?? '', ...(since !== undefined ? { since } : {}) };
}

export interface JobTimeout {
  /** As written: `--timeout=120`, `REDIS_QUEUE_RETRY_AFTER=90`. */
  written: string;
  /** The flag or the setting's name. */
  name: string;
  ms: number;
  /** `args`, `env`, `ConfigMap orders-env`. */
  source: string;
}

/** Seconds unless a unit says otherwise; RabbitMQ's consumer_timeout is in milliseconds. */
function parseSettingMs(name: string, value: string): number | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (/^\d+$/.test(v)) return Number(v) * (/consumer_?timeout/i.test(name) ? 1 : 1000);
  return parseGoDuration(v);
}

type Spec = Pick<ContainerSpecEvidence, 'env'> & { command?: readonly string[]; args?: readonly string[] };

/** Literal env vars and ConfigMap keys (read for the container) whose name matches `key`. */
function findSetting(container: Spec | undefined, config: readonly SettingConfigEvidence[], key: RegExp, not?: RegExp): JobTimeout | undefined {
  const named = (n: string) => key.test(n) && !(not?.test(n) ?? false);
  const fromEnv = (container?.env ?? []).flatMap((e) => {
    const ms = 'value' in e && named(e.name) ? parseSettingMs(e.name, e.value) : undefined;
    return ms === undefined || !('value' in e) ? [] : [{ written: `${e.name}=${e.value}`, name: e.name, ms, source: 'env' }];
  });
  const fromConfig = config.filter((c) => c.mechanism === 'queue-redelivery').flatMap((c) => {
    const [name = '', value = ''] = c.written.split(/=(.*)/s);
    const ms = named(name) || named(c.key) ? parseSettingMs(name, value) : undefined;
    return ms === undefined ? [] : [{ written: c.written, name, ms, source: `ConfigMap ${c.configMap}` }];
  });
  return fromEnv[0] ?? fromConfig[0];
}

/** The time the worker lets one job run: a flag on its command line, else a setting it reads. */
export function findWorkerTimeout(container: Spec | undefined, config: readonly SettingConfigEvidence[] = []): JobTimeout | undefined {
  for (const [source, words] of [['args', container?.args], ['command', container?.command]] as const) {
    const m = TIMEOUT_FLAG.exec(` ${(words ?? []).join(' ')}`);
    if (m?.[1] !== undefined && m[2] !== undefined) return { written: `${m[1]}=${m[2]}`, name: m[1], ms: Number(m[2]) * 1000, source };
  }
  return findSetting(container, config, WORKER_TIMEOUT_SETTING, REDELIVERY_SETTING);
}

/** The time the queue holds a reserved job before it hands it out again, as the worker is configured. */
export function findRedeliveryTimeout(container: Spec | undefined, config: readonly SettingConfigEvidence[]): JobTimeout | undefined {
  return findSetting(container, config, REDELIVERY_SETTING);
}

/** A redelivery timeout safely above the worker's timeout: a quarter more, rounded up to 30 s. */
export function suggestRedeliveryS(workerMs: number): number {
  return Math.ceil((workerMs * 1.25) / 30_000) * 30;
}
