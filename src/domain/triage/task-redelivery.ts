/**
 * One Celery task message delivered twice by a broker transport that emulates acknowledgements
 * with a visibility timeout (Redis, SQS): a worker holds a countdown/ETA task unacknowledged until
 * it is due, and once the hold outlasts visibility_timeout the transport restores the message and
 * another worker receives the same task id — both run it at the ETA (duplicate e-mails, charges).
 * Pure: read from the workers' own log tails, their env and the names of the ConfigMaps they read.
 */
import { listConfigMapSources } from './config-map-sources.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';
import { msBetween } from './time-span.js';

const RECEIVED = /\bTask ([\w.]+)\[([0-9a-f-]{8,})\] received/;
/** The id's run ending: Celery logs one of these per execution. */
const RAN = /\bTask [\w.]+\[([0-9a-f-]{8,})\] (succeeded|raised|failed|retry)/;
/** The worker banner's transport line: ".> transport:   redis://host:6379/0". */
const TRANSPORT = /\.> transport:\s+(\w+):\/\//;
/** A countdown or ETA a log line states: "countdown=7200s", "eta=…", "countdown: 7200". */
const COUNTDOWN = /\bcountdown[=: ]+(\d+)\s*s?\b/i;
/** Env or ConfigMap key names that set how far ahead tasks are scheduled. */
const COUNTDOWN_KEY = /COUNTDOWN|_ETA\b|ETA_|DELAY_SECONDS|DELAY_S\b/i;
/** Where the transport's visibility timeout would be set. */
const VISIBILITY_KEY = /VISIBILITY|TRANSPORT_OPTIONS/i;

/**
 * Transports with real acknowledgements (AMQP: RabbitMQ): a held task stays with its worker until
 * acked or the connection drops, so no visibility_timeout restores it; a repeated id there is another story.
 */
const ACKNOWLEDGING = /^(?:amqps?|pyamqp|librabbitmq)$/;

/** Kombu's default visibility_timeout per transport (Redis one hour, SQS 30 minutes). */
const DEFAULT_VISIBILITY_S: Record<string, number> = { redis: 3600, rediss: 3600, sentinel: 3600, sqs: 1800 };

/** Receipts of one id this far apart are a restored message, not one send logged twice. */
const MIN_GAP_MS = 5 * 60_000;
/** Ids received twice before it counts: one can follow a worker's restart (a warm shutdown restores its reserved tasks). */
const MIN_IDS = 2;

export interface Redelivered {
  task: string;
  id: string;
  first: { pod: string; at: IsoTime };
  again: { pod: string; at: IsoTime };
  /** Pods whose log shows the id executed. */
  ranOn: string[];
}

export interface TaskRedelivery {
  ids: Redelivered[];
  /** Task names, without their module. */
  tasks: string[];
  /** Median time between a task's first receipt and its redelivery. */
  gapMs: number;
  /** The broker transport the banner or env names (redis, sqs), when seen. */
  transport?: string;
  /** Kombu's default visibility_timeout of that transport, in seconds. */
  defaultVisibilityS?: number;
  /** The env var or ConfigMap key that sets a visibility timeout, when one does (its value unread). */
  visibilitySetting?: string;
  /** The countdown the logs state, in seconds (the longest). */
  countdownS?: number;
  /** A line stating it, trimmed. */
  countdownLine?: string;
  /** The ConfigMap the workers take variables from that holds a countdown key, with when it changed. */
  countdownConfig?: { configMap: string; key: string; changedAt?: IsoTime };
  /** The second receipt of the earliest redelivered id: when duplicates began, as far as the tails show. */
  since: IsoTime;
  pods: string[];
}

interface Receipt { task: string; id: string; pod: string; at: IsoTime }

function listReceipts(logs: readonly LogEvidence[]): Receipt[] {
  return logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line) => {
    const m = RECEIVED.exec(line);
    const at = m ? readLineTime(line) : undefined;
    return m?.[1] !== undefined && m[2] !== undefined && at !== undefined ? [{ task: m[1], id: m[2], pod: l.pod, at }] : [];
  }));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function findTransport(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): string | undefined {
  for (const l of logs) for (const line of l.lines) {
    const m = TRANSPORT.exec(line);
    if (m?.[1]) return m[1].toLowerCase();
  }
  const env = pods.flatMap((p) => p.containers).flatMap((c) => c.env ?? []);
  const url = env.flatMap((e) => ('value' in e && /BROKER/i.test(e.name) ? [e.value] : []))[0];
  return url === undefined ? undefined : /^(\w+):\/\//.exec(url)?.[1]?.toLowerCase();
}

/** Same task ids received twice, far apart, on the workers' current logs; undefined below MIN_IDS. */
export function findTaskRedelivery(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; namespaceObjects?: readonly NamespaceObjectEvidence[] }): TaskRedelivery | undefined {
  const receipts = listReceipts(ev.logs).sort((a, b) => a.at.localeCompare(b.at));
  const ran = new Map<string, Set<string>>();
  for (const l of ev.logs) for (const line of l.lines) {
    const m = RAN.exec(line);
    if (m?.[1]) ran.set(m[1], (ran.get(m[1]) ?? new Set()).add(l.pod));
  }
  const byId = new Map<string, Receipt[]>();
  for (const r of receipts) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const ids: Redelivered[] = [];
  for (const [id, rs] of byId) {
    const first = rs[0];
    const again = rs.find((r) => first !== undefined && msBetween(first.at, r.at) >= MIN_GAP_MS);
    if (first === undefined || again === undefined) continue;
    ids.push({ task: first.task, id, first: { pod: first.pod, at: first.at }, again: { pod: again.pod, at: again.at }, ranOn: [...(ran.get(id) ?? [])] });
  }
  if (ids.length < MIN_IDS) return undefined;
  const transport = findTransport(ev.logs, ev.pods);
  if (transport !== undefined && ACKNOWLEDGING.test(transport)) return undefined;
  const containers = ev.pods.flatMap((p) => p.containers);
  const envSetting = containers.flatMap((c) => c.env ?? []).find((e) => VISIBILITY_KEY.test(e.name))?.name;
  const sources = containers.flatMap((c) => listConfigMapSources(c, 3));
  const configMaps = (ev.namespaceObjects ?? []).filter((o) => o.kind === 'ConfigMap' && sources.some((s) => s.configMap === o.name));
  const configSetting = configMaps.flatMap((o) => (o.keys ?? []).filter((k) => VISIBILITY_KEY.test(k)).map((k) => `${k} in ConfigMap ${o.name}`))[0];
  const countdownConfig = configMaps.flatMap((o) => (o.keys ?? []).filter((k) => COUNTDOWN_KEY.test(k)).map((key) => ({ configMap: o.name, key, ...(o.changedAt !== undefined ? { changedAt: o.changedAt } : {}) })))[0];
  const stated = ev.logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = COUNTDOWN.exec(line);
    return m?.[1] ? [{ s: Number(m[1]), line: line.trim() }] : [];
  })).sort((a, b) => b.s - a.s)[0];
  const visibilitySetting = envSetting ?? configSetting;
  const defaultVisibilityS = transport === undefined ? undefined : DEFAULT_VISIBILITY_S[transport];
  const since = ids.map((x) => x.again.at).sort()[0] ?? ids[0]!.again.at;
  return {
    ids,
    tasks: [...new Set(ids.map((x) => x.task.replace(/^.*\./, '')))],
    gapMs: median(ids.map((x) => msBetween(x.first.at, x.again.at))),
    ...(transport !== undefined ? { transport } : {}),
    ...(defaultVisibilityS !== undefined ? { defaultVisibilityS } : {}),
    ...(visibilitySetting !== undefined ? { visibilitySetting } : {}),
    ...(stated !== undefined ? { countdownS: stated.s, countdownLine: stated.line } : {}),
    ...(countdownConfig !== undefined ? { countdownConfig } : {}),
    since,
    pods: [...new Set(ids.flatMap((x) => [x.first.pod, x.again.pod]))],
  };
}
