/**
 * Kafka producers of one workload fencing each other: a transactional producer registers its
 * transactional.id with the broker (InitProducerId), which bumps the id's epoch and fences any
 * other producer that holds the same id ("There is a newer producer with the same
 * transactionalId"). Replicas configured with one fixed id (a prefix without a per-instance part)
 * take turns fencing each other, so no transaction of theirs commits while every pod stays Ready.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest, msBetween } from './time-span.js';
import { unique } from './pod-status.js';

/** The Java client's exception and its broker message (Sarama says the same words), and librdkafka's fatal _FENCED. */
export const PRODUCER_FENCED = /ProducerFencedException|newer producer with the same transactionalId|This instance has been fenced by a newer instance|\b_FENCED\b/i;
/** How the clients name the id in the lines they log: "[Producer clientId=…, transactionalId=orders-tx-0]", "transactional.id=…". */
const TRANSACTIONAL_ID = /transactional(?:[._ ]?id|Id)\s*[=:]\s*"?([\w.:-]+)/;

export interface ProducerFencing {
  /** The pods whose producers were fenced, each with the transactional ids its lines name. */
  pods: { pod: string; ids: string[]; fenced: number }[];
  /** An id more than one pod uses: why they fence each other. */
  shared?: string;
  /** The first fencing the logs show. */
  onset?: IsoTime;
  /** The last fencing line, as logged. */
  line: string;
}

/** Pods it takes: one producer fenced by another of the same workload. */
const MIN_PODS = 2;
/** Lines this close together tell of one fencing. */
const SAME_FENCING_MS = 5000;
/** Fencings it takes: one is the single zombie a restart or a rollout's hand-over fences, as meant. */
const MIN_FENCED = 3;

/**
 * Fencing in the current logs of two or more pods of the workload, where the ids they name (when
 * they name any) are shared: producers with ids of their own that get fenced are zombies of a
 * rebalance or a restart, not replicas sharing one id.
 */
export function findProducerFencing(logs: readonly LogEvidence[]): ProducerFencing | undefined {
  let last = '';
  const pods = new Map<string, { ids: Set<string>; fenced: number }>();
  const times: IsoTime[] = [];
  for (const log of logs) {
    if (log.previous) continue;
    const ids = new Set<string>();
    let fenced = 0;
    let stamp: IsoTime | undefined;
    let counted: IsoTime | undefined;
    for (const line of log.lines) {
      const at = readLineTime(line);
      if (at !== undefined) stamp = at;
      const id = TRANSACTIONAL_ID.exec(line)?.[1];
      if (id !== undefined) ids.add(id);
      if (!PRODUCER_FENCED.test(line)) continue;
      last = line.trim();
      // The client's error, the caller's and a stack trace's "Caused by:" all say one fencing, within seconds.
      if (stamp !== undefined && counted !== undefined && Math.abs(msBetween(counted, stamp)) < SAME_FENCING_MS) continue;
      counted = stamp;
      fenced++;
      if (stamp !== undefined) times.push(stamp);
    }
    if (fenced === 0) continue;
    const seen = pods.get(log.pod) ?? { ids: new Set<string>(), fenced: 0 };
    for (const id of ids) seen.ids.add(id);
    seen.fenced += fenced;
    pods.set(log.pod, seen);
  }
  const list = [...pods].map(([pod, s]) => ({ pod, ids: [...s.ids], fenced: s.fenced }));
  if (list.length < MIN_PODS || list.reduce((n, p) => n + p.fenced, 0) < MIN_FENCED) return undefined;
  const named = list.filter((p) => p.ids.length > 0);
  const shared = unique(named.flatMap((p) => p.ids)).find((id) => named.filter((p) => p.ids.includes(id)).length >= MIN_PODS);
  if (named.length >= MIN_PODS && shared === undefined) return undefined;
  const onset = earliest(times);
  return { pods: list, ...(shared !== undefined ? { shared } : {}), ...(onset !== undefined ? { onset } : {}), line: last };
}
