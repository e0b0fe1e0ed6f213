/**
 * Consumer lag that sits on one partition of a topic while the group's other members idle: a hot
 * partition. A Kafka partition has one consumer in a group, so its records are worked one batch
 * at a time by one pod, however many replicas run: adding consumers cannot help, and average CPU
 * stays low, so no autoscaler reacts. Its consumer logs lag warnings (WARN) about that one
 * partition only. The usual trigger is a producer that changed its message key (to a tenant, a
 * customer) so most records hash to one partition: the rollout of another Deployment of the
 * namespace whose env names the topic and whose key setting changed. Pure: log lines and rollouts.
 */
import type { LogEvidence } from './evidence-pod.js';
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';

/** A line about consumer lag (a lag warning, "lag above threshold", "consumer is behind"). */
const LAG_LINE = /\b(consumer )?lag\b[^\n]*\b(above|exceed\w*|over|high|growing|behind)\b|\bconsumer (is )?(falling )?behind\b/i;
const WARN_LEVEL = /"level":"warn(ing)?"|\bWARN(ING)?\b|level=warn(ing)?\b|"level":40\b/i;
const TOPIC = /"topic":\s*"([^"]+)"|\btopic[=:]\s*([\w.-]+)/;
const PARTITION = /"partition":\s*(\d+)|\bpartition[=:]\s*(\d+)/;
const LAG = /"lag":\s*(\d+)|\blag[=:]\s*(\d+)/;
const OLDEST = /"oldest_record_age_s":\s*(\d+)/;

export interface PartitionLagSkew {
  topic: string;
  partition: number;
  /** The pod that consumes it and logs the lag. */
  pod: string;
  lag: number;
  /** Age of its oldest unconsumed record, when the line says it (seconds). */
  oldestSeconds?: number;
  /** Other pods of the group whose logs show no lag of their own. */
  idlePods: string[];
  line: string;
  onset?: IsoTime;
}

/** Lag warnings that name one topic partition only, with other read logs of the same topic showing none. */
export function findPartitionLagSkew(logs: readonly LogEvidence[]): PartitionLagSkew | undefined {
  const hits = logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line) => {
    if (!LAG_LINE.test(line) || !WARN_LEVEL.test(line)) return [];
    const t = TOPIC.exec(line);
    const p = PARTITION.exec(line);
    const lag = Number(LAG.exec(line)?.slice(1).find((x) => x !== undefined) ?? NaN);
    const topic = t?.[1] ?? t?.[2];
    const partition = Number(p?.[1] ?? p?.[2] ?? NaN);
    return topic && Number.isFinite(partition) && lag > 0 ? [{ pod: l.pod, topic, partition, lag, line }] : [];
  }));
  if (hits.length < 2) return undefined;
  const keys = new Set(hits.map((h) => `${h.topic}/${h.partition}`));
  const pods = new Set(hits.map((h) => h.pod));
  if (keys.size !== 1 || pods.size !== 1) return undefined;
  const last = hits[hits.length - 1]!;
  // Peers reading the same topic whose logs show no lag warning: idle beside the hot one.
  const idlePods = logs.filter((l) => !l.previous && l.pod !== last.pod && l.lines.some((x) => x.includes(last.topic))).map((l) => l.pod);
  if (idlePods.length === 0) return undefined;
  const oldest = OLDEST.exec(last.line)?.[1];
  const onset = hits.map((h) => readLineTime(h.line)).find((t) => t !== undefined);
  return { topic: last.topic, partition: last.partition, pod: last.pod, lag: Math.max(...hits.map((h) => h.lag)), ...(oldest ? { oldestSeconds: Number(oldest) } : {}), idlePods: [...new Set(idlePods)], line: last.line, ...(onset ? { onset } : {}) };
}

/** Env names that set a producer's message key (ORDER_EVENTS_PARTITION_KEY, KAFKA_KEY_FIELD, MESSAGE_KEY). */
const KEY_ENV = /(PARTITION|MESSAGE|RECORD|KAFKA|EVENT)S?_?(KEY|KEYED_BY|KEY_FIELD)$|PARTITION_?KEY|_KEY_FIELD$/i;

export interface KeyChange {
  deployment: string;
  env: string;
  from?: string;
  to: string;
  revision: number;
  createdAt: IsoTime;
  changeCause?: string;
}

/** Another Deployment of the namespace whose newest revision names the topic and changed its message-key setting. */
export function findKeyChange(rollouts: readonly NamespaceRolloutEvidence[], topic: string): KeyChange | undefined {
  for (const r of rollouts) {
    const [now, before] = r.revisions;
    if (!now) continue;
    for (const c of now.containers) {
      const values = new Map(c.env.flatMap((e) => ('value' in e ? [[e.name, e.value] as const] : [])));
      if (![...values.values()].some((v) => v === topic || v.split(',').includes(topic))) continue;
      const old = before?.containers.find((x) => x.name === c.name);
      const oldValues = new Map((old?.env ?? []).flatMap((e) => ('value' in e ? [[e.name, e.value] as const] : [])));
      for (const [name, value] of values) {
        if (!KEY_ENV.test(name) || oldValues.get(name) === value || (old === undefined)) continue;
        const from = oldValues.get(name);
        return { deployment: r.deployment, env: name, ...(from !== undefined ? { from } : {}), to: value, revision: now.revision, createdAt: now.createdAt, ...(now.changeCause ? { changeCause: now.changeCause } : {}) };
      }
    }
  }
  return undefined;
}

/** How far before the first lag warning a producer's rollout is worth listing. */
const KEY_CHANGE_LOOKBACK_MS = 3 * 60 * 60 * 1000;

/** When to list the namespace's rollouts for the producer that changed its key: a hot partition seen, and since when. */
export function needsKeyProducers(seen: { logs: readonly LogEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const skew = findPartitionLagSkew(seen.logs);
  if (skew === undefined) return undefined;
  return { since: new Date(Date.parse(skew.onset ?? seen.collectedAt) - KEY_CHANGE_LOOKBACK_MS).toISOString() };
}
