/**
 * Sends to an SQS FIFO queue that lack what a FIFO queue requires: every SendMessage to a queue
 * whose name ends in `.fifo` must carry a MessageGroupId (and a MessageDeduplicationId unless the
 * queue has content-based deduplication), so SQS refuses each one with 400 MissingParameter. The
 * code did not change its sends: the queue it sends to became FIFO — a queue URL or name setting
 * (often in a ConfigMap) now points at the `.fifo` queue. Pointing it back, or sending the group
 * id, is the fix; the pods stay Ready while nothing is delivered.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { findTimedLogHits } from './timed-log-hits.js';
import { earliest } from './time-span.js';

/** SQS's words for a FIFO send without its group id, or without a dedup id on a queue without content-based deduplication. */
const FIFO_REFUSAL = /The request must contain the parameter MessageGroupId|MissingParameter\b[^\n]{0,120}\bMessageGroupId|ContentBasedDeduplication enabled or MessageDeduplicationId provided/i;

/** A FIFO queue named in a URL, an ARN or bare: `…/123456789012/order-events.fifo`, `arn:aws:sqs:…:orders.fifo`. */
export const FIFO_QUEUE = /([A-Za-z0-9_-]{1,75}\.fifo)(?![\w.-])/;

/** Lines before it counts: one refused send may be a stray code path, a run of them is every send. */
const MIN_LINES = 2;

export interface FifoSendRefusals {
  lines: number;
  pods: string[];
  /** The container that logs them, of the first hit. */
  container: string;
  /** The last line that says it. */
  line: string;
  /** Which FIFO parameter the sends lack. */
  lacks: 'MessageGroupId' | 'MessageDeduplicationId';
  /** The earliest such line's own time, when it carries one. */
  since?: string;
}

/** SQS refusing the workload's own pods' sends to a FIFO queue for a missing FIFO parameter, when it keeps coming. */
export function findFifoSendRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: string): FifoSendRefusals | undefined {
  const hits = findTimedLogHits(logs, pods, FIFO_REFUSAL, now);
  if (hits.length < MIN_LINES) return undefined;
  const line = hits[hits.length - 1]?.line ?? '';
  const since = earliest(hits.map((h) => h.at));
  return {
    lines: hits.length,
    pods: [...new Set(hits.map((h) => h.pod))],
    container: hits[0]?.container ?? '',
    line,
    lacks: /MessageGroupId/i.test(line) ? 'MessageGroupId' : 'MessageDeduplicationId',
    ...(since !== undefined ? { since } : {}),
  };
}

export interface FifoQueueSetting {
  /** `order-events.fifo`. */
  queue: string;
  /** `QUEUE_URL=https://…/order-events.fifo`, as the process sees it. */
  written?: string;
  /** `ConfigMap order-publisher-config (envFrom)`, `the pod template's env`, `the logs`. */
  source: string;
  /** The ConfigMap that holds it, when one does. */
  configMap?: string;
}

/**
 * Where the pods get the FIFO queue they send to: a ConfigMap key read for it (setting-config.ts),
 * a literal env value of the container, or, failing both, the queue a log line of theirs names.
 */
export function findFifoQueue(container: ContainerSpecEvidence | undefined, config: readonly SettingConfigEvidence[], logs: readonly LogEvidence[]): FifoQueueSetting | undefined {
  const fromConfig = config.find((c) => c.mechanism === 'queue-fifo' && FIFO_QUEUE.test(c.written));
  const inConfig = fromConfig === undefined ? undefined : FIFO_QUEUE.exec(fromConfig.written)?.[1];
  if (fromConfig !== undefined && inConfig !== undefined) {
    return { queue: inConfig, written: fromConfig.written, source: `ConfigMap ${fromConfig.configMap} (${fromConfig.via})`, configMap: fromConfig.configMap };
  }
  for (const e of container?.env ?? []) {
    const q = 'value' in e ? FIFO_QUEUE.exec(e.value)?.[1] : undefined;
    if ('value' in e && q !== undefined) return { queue: q, written: `${e.name}=${e.value}`, source: "the pod template's env" };
  }
  for (const l of logs) {
    for (const line of l.lines) {
      const q = FIFO_QUEUE.exec(line)?.[1];
      if (q !== undefined) return { queue: q, source: `the logs of ${l.pod}` };
    }
  }
  return undefined;
}

/** Values that name a FIFO queue: the setting kept from a ConfigMap for it. */
export const FIFO_VALUE = /\.fifo(?![\w.-])/;
