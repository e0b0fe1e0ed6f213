/**
 * Work that vanishes between a queue's producers and its consumer: the consumer's own periodic
 * stats say it now takes far fewer messages per window than it did, yet its queue holds almost
 * nothing ready. A slower consumer whose input kept coming makes a backlog; no backlog means the
 * broker drops what waits — a message TTL (x-message-ttl) or a length limit on the queue — and
 * without a dead-letter exchange the messages are gone, with no error anywhere.
 */
import type { BrokerTopologyEvidence } from './evidence-broker-topology.js';
import type { IsoTime, LogEvidence } from './evidence.js';
import type { ServiceEvidence } from './evidence-network.js';
import { readLogLineTime } from './log-line-time.js';

const TAKEN = /"?\b(?:acked|delivered|consumed)"?\s*[:=]\s*(\d+)/i;
const READY = /"?\b(?:queue_)?messages_ready"?\s*[:=]\s*(\d+)/i;
const QUEUE = /"queue"\s*:\s*"([^"]+)"|\bqueue=([^\s,]+)/;

/** Windows on each side it takes to compare rates, not two noisy samples. */
const MIN_WINDOWS = 3;
/** How many times fewer messages a window must take now than before. */
const DROP = 3;

export interface ConsumerShortfall {
  queue: string;
  /** Messages taken per stats window per pod, before and now. */
  before: number;
  now: number;
  /** The most messages the stats saw ready in the queue since the drop. */
  readyMax: number;
  onset?: IsoTime;
}

/** The consumer's stats show its intake fell several-fold while its queue stayed (nearly) empty. */
export function findConsumerShortfall(logs: readonly LogEvidence[], now: IsoTime): ConsumerShortfall | undefined {
  const early: number[] = [];
  const late: { taken: number; ready: number; at?: IsoTime }[] = [];
  let queue: string | undefined;
  for (const log of logs.filter((l) => !l.previous)) {
    const stats = log.lines.flatMap((line) => {
      const t = TAKEN.exec(line);
      const r = READY.exec(line);
      const q = QUEUE.exec(line);
      if (t === null || r === null || q === null) return [];
      const at = readLogLineTime(line, now);
      return [{ taken: Number(t[1]), ready: Number(r[1]), queue: q[1] ?? q[2] ?? '', ...(at ? { at } : {}) }];
    });
    if (stats.length < 2 * MIN_WINDOWS) continue;
    queue ??= stats[0]?.queue;
    const half = Math.floor(stats.length / 2);
    early.push(...stats.slice(0, half).map((s) => s.taken));
    late.push(...stats.slice(half));
  }
  if (queue === undefined || early.length < MIN_WINDOWS || late.length < MIN_WINDOWS) return undefined;
  const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const before = avg(early);
  const after = avg(late.map((s) => s.taken));
  const readyMax = Math.max(...late.map((s) => s.ready));
  if (after <= 0 || after * DROP > before || readyMax >= 2 * after) return undefined;
  const onset = late.filter((s) => s.taken * DROP <= before).flatMap((s) => (s.at ? [s.at] : [])).sort()[0];
  return { queue, before: Math.round(before), now: Math.round(after), readyMax, ...(onset ? { onset } : {}) };
}

/** The namespace's RabbitMQ Service (port 5672 or a port named amqp), when the consumer's intake fell with its queue empty. */
export function pickExpiringQueueBroker(ev: { logs: readonly LogEvidence[]; collectedAt: IsoTime; services: readonly ServiceEvidence[]; namespace: string }): { name: string; namespace: string } | undefined {
  if (findConsumerShortfall(ev.logs, ev.collectedAt) === undefined) return undefined;
  const broker = ev.services.find((s) => s.headless !== true && s.ports.some((p) => p.port === 5672 || p.name === 'amqp'));
  return broker === undefined ? undefined : { name: broker.name, namespace: ev.namespace };
}

/** The consumed queue's own limits, when it drops what waits: a TTL or a length limit, and whether a dead-letter exchange keeps what it drops. */
export function findDroppingQueue(topology: readonly BrokerTopologyEvidence[], queue: string): { topology: BrokerTopologyEvidence; ttlMs?: number; maxLength?: number; deadLetterExchange?: string } | undefined {
  for (const t of topology) {
    const q = t.queueLimits?.find((x) => x.name === queue);
    if (q === undefined || (q.ttlMs === undefined && q.maxLength === undefined)) continue;
    return { topology: t, ...(q.ttlMs !== undefined ? { ttlMs: q.ttlMs } : {}), ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}), ...(q.deadLetterExchange !== undefined ? { deadLetterExchange: q.deadLetterExchange } : {}) };
  }
  return undefined;
}
