/**
 * A broker that answers but has no topic (or queue, exchange, stream) by the name the client uses: Kafka's
 * UNKNOWN_TOPIC_OR_PARTITION in the client's metadata answers, RabbitMQ's NOT_FOUND - no queue,
 * NATS JetStream's "stream not found" (where a publish to a subject no stream captures gets no
 * stream ack: "no responders").
 * The connection is fine and the brokers are healthy: the name and the broker's topics disagree —
 * a topic never created (Kafka brokers create none on first use when auto.create.topics.enable is
 * false, as production clusters mostly run), deleted, or a name changed in the client's config.
 * Pure: the adapter reads the brokers' config only when this names a Kafka topic or a NATS stream.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import { findInClusterService } from './down-service.js';
import { readLineTime } from './request-silence.js';
import { findServerAddress } from './server-address.js';
import { findConfigFileSettings } from './server-config-file.js';
import { earliest } from './time-span.js';
import { describeStream, findStreamDefinitions } from './stream-definitions.js';

export type DestinationKind = 'topic' | 'queue' | 'exchange' | 'stream';
export type DestinationServer = 'Kafka' | 'RabbitMQ' | 'NATS';

interface Sign {
  server: DestinationServer;
  kind: DestinationKind;
  pattern: RegExp;
  /** The broker's own word for it, said in the title. */
  answer: string;
  /** The destination's name, when the line carries it. */
  name?: (m: RegExpExecArray) => string | undefined;
}

/**
 * The broker's answer that the name does not exist, in each client's words. A lone Java "Topic X
 * not present in metadata after N ms" is not one: a producer that reaches no broker at all says the
 * same; it is quoted only beside the broker's answer.
 */
const SIGNS: readonly Sign[] = [
  // The Java client's metadata warning names the topic: {orders.v2=UNKNOWN_TOPIC_OR_PARTITION}.
  { server: 'Kafka', kind: 'topic', pattern: /\{([\w.-]+)=UNKNOWN_TOPIC_OR_PARTITION\}/, answer: 'UNKNOWN_TOPIC_OR_PARTITION', name: (m) => m[1] },
  // The Java consumer's fetcher names the partition: topic-3.
  { server: 'Kafka', kind: 'topic', pattern: /unknown topic or partition error in fetch for partition ([\w.-]+)-\d+/i, answer: 'UNKNOWN_TOPIC_OR_PARTITION', name: (m) => m[1] },
  // franz-go, kafkajs, the exception's name, librdkafka ("Broker: Unknown topic or partition"), Sarama.
  { server: 'Kafka', kind: 'topic', pattern: /\bUNKNOWN_TOPIC_OR_PARTITION\b|UnknownTopicOrPartitionException|This server does not host this topic-partition|Broker: Unknown topic or partition|topic or partition that does not exist on this broker/, answer: 'UNKNOWN_TOPIC_OR_PARTITION' },
  { server: 'RabbitMQ', kind: 'queue', pattern: /NOT_FOUND - no queue '([^']+)' in vhost/, answer: 'NOT_FOUND', name: (m) => m[1] },
  { server: 'RabbitMQ', kind: 'exchange', pattern: /NOT_FOUND - no exchange '([^']+)' in vhost/, answer: 'NOT_FOUND', name: (m) => m[1] },
  // nats.go's ErrStreamNotFound (JetStream API err_code 10059), nats.js alike; the stream from the line's own field.
  { server: 'NATS', kind: 'stream', pattern: /\bnats: stream not found\b|\bstream not found\b[^\n]*\b10059\b/i, answer: 'stream not found', name: (m) => STREAM_FIELD.exec(m.input)?.[1] },
  { server: 'NATS', kind: 'stream', pattern: /\bnats: no stream matches subject\b/i, answer: 'no stream matches subject', name: (m) => STREAM_FIELD.exec(m.input)?.[1] },
];

/** `stream=ORDERS`, `"stream":"ORDERS"`, `stream: ORDERS` in a client's structured line. */
const STREAM_FIELD = /\bstream"?\s*[:=]\s*"?([\w-]+)/i;
/** A JetStream publish that no stream captures gets no ack: NATS answers it "no responders". */
const NO_RESPONDERS = /\bno responders available for (?:the )?request\b/i;
const SUBJECT_FIELD = /\bsubject"?\s*[:=]\s*"?([\w.>*-]+)/i;

/** The Java producer's error once it gave up waiting for the topic: the line the requests end with. */
const NOT_IN_METADATA = /Topic ([\w.-]+) not present in metadata after \d+ ms/;

/** One broker answer is a blip (a partition moving); the same answer again is every call. */
const MIN_LINES = 2;

export interface MissingDestination {
  server: DestinationServer;
  kind: DestinationKind;
  /** The topic's or queue's name, when a line gave it. */
  name?: string;
  answer: string;
  /** The lines that carry the broker's answer, per log. */
  hits: { log: LogEvidence; count: number }[];
  count: number;
  /** What the client's calls end with (the producer's timeout), else the broker's answer as logged. */
  quote: string;
  /** The env var of the client that holds the name, when one does. */
  env?: { name: string; container: string };
  since?: IsoTime;
  /** NATS: publishes in the same logs answered "no responders" (no stream captures their subject), and the subjects they name. */
  unacked?: { count: number; subjects: string[] };
}

/** A log line reduced to what the client said: no stamp, level or logger. */
function shorten(line: string): string {
  const t = line.trim();
  const said = /\s:\s(.+)$/.exec(t)?.[1] ?? t.replace(/^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ][\d:.,]+Z?\]?\s+(?:(?:ERROR|ERR|WARN(?:ING)?|INFO)\s+)?/, '');
  return said.replace(/^\[(?:Consumer|Producer|AdminClient) [^\]]*\]\s*/, '').replace(/^(?:[a-z_$][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error):)/, '$1').trim();
}

/** The first sign of a missing destination the workload's logs carry at least twice, with the name and the client's error. */
export function findMissingDestination(ev: Pick<TriageEvidence, 'logs' | 'pods'>): MissingDestination | undefined {
  for (const server of ['Kafka', 'RabbitMQ', 'NATS'] as const) {
    const hits: MissingDestination['hits'] = [];
    let sign: Sign | undefined;
    let name: string | undefined;
    let answerLine: string | undefined;
    let quote: string | undefined;
    const stamps: IsoTime[] = [];
    for (const log of ev.logs) {
      let count = 0;
      let stamp: IsoTime | undefined;
      for (const line of log.lines) {
        stamp = readLineTime(line) ?? stamp;
        const late = NOT_IN_METADATA.exec(line);
        if (server === 'Kafka' && late !== null) {
          quote ??= shorten(late.index === 0 ? line : line.slice(Math.max(0, line.lastIndexOf(' ', late.index - 2) + 1)));
          name ??= late[1];
        }
        for (const s of SIGNS) {
          if (s.server !== server) continue;
          const m = s.pattern.exec(line);
          if (m === null) continue;
          sign ??= s;
          answerLine ??= line;
          const named = s.name?.(m);
          if (named !== undefined && sign.kind === s.kind) name = name ?? named;
          count += 1;
          if (stamp !== undefined) stamps.push(stamp);
          break;
        }
      }
      if (count > 0) hits.push({ log, count });
    }
    const count = hits.reduce((n, h) => n + h.count, 0);
    if (sign === undefined || count < MIN_LINES) continue;
    const env = name === undefined ? undefined : findNameEnv(ev.pods, hits, name);
    const unacked = server === 'NATS' ? findUnackedPublishes(hits) : undefined;
    const since = earliest(stamps);
    return {
      server,
      kind: sign.kind,
      ...(name !== undefined ? { name } : {}),
      answer: sign.answer,
      hits,
      count,
      quote: quote ?? shorten(answerLine ?? ''),
      ...(env !== undefined ? { env } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(unacked !== undefined ? { unacked } : {}),
    };
  }
  return undefined;
}

/** Publishes the stream-less client's own logs say got no responders, and the subjects they name (each once). */
function findUnackedPublishes(hits: MissingDestination['hits']): MissingDestination['unacked'] {
  const lines = hits.flatMap((h) => h.log.lines.filter((l) => NO_RESPONDERS.test(l)));
  if (lines.length === 0) return undefined;
  const subjects = [...new Set(lines.flatMap((l) => SUBJECT_FIELD.exec(l)?.[1] ?? []))];
  return { count: lines.length, subjects };
}

/** The env var of a logging container whose value is the name (or lists it): where the client took it from. */
function findNameEnv(pods: readonly PodEvidence[], hits: MissingDestination['hits'], name: string): { name: string; container: string } | undefined {
  for (const { log } of hits) {
    const c = pods.find((p) => p.name === log.pod)?.containers.find((x) => x.name === log.container);
    const e = (c?.env ?? []).find((x) => 'value' in x && x.value.split(/[\s,;]+/).includes(name));
    if (c !== undefined && e !== undefined) return { name: e.name, container: c.name };
  }
  return undefined;
}

/** The client's container whose logs say its topic or stream is missing: where its server's address is. */
function clientContainer(ev: Pick<TriageEvidence, 'pods'>, found: MissingDestination): ContainerEvidence | undefined {
  const log = found.hits[0]?.log;
  return ev.pods.find((p) => p.name === log?.pod)?.containers.find((x) => x.name === log?.container);
}

/** A NATS client's server URL (nats://, tls://, several comma-separated): the first host. */
const NATS_URL = /^(?:nats|tls)(?:\+tls)?:\/\/(?:[^@/,]*@)?([^:/?#,\s]+)/i;

function findNatsAddress(c: ContainerEvidence): string | undefined {
  for (const e of c.env ?? []) {
    const host = 'value' in e ? NATS_URL.exec(e.value.trim())?.[1] : undefined;
    if (host !== undefined) return host;
  }
  return undefined;
}

/**
 * The Service of the servers a client told its topic (Kafka) or stream (NATS) does not exist names
 * in its env: the Kafka brokers' settings say whether they create topics on first use; the NATS
 * servers' mounted config, which streams they define.
 */
export function pickMissingDestinationServers(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): { name: string; namespace: string } | undefined {
  const found = findMissingDestination(ev);
  if (found?.server !== 'Kafka' && found?.server !== 'NATS') return undefined;
  const c = clientContainer(ev, found);
  const host = c === undefined ? undefined : found.server === 'Kafka' ? findServerAddress(c, 'Kafka')?.host : findNatsAddress(c);
  return host === undefined ? undefined : findInClusterService(host, ev.target.namespace);
}

/** The setting name stream definitions are kept under: "stream" = "ORDERS (orders.>)" (a neutral example). */
export const STREAM_SETTING = 'stream';

/** What a broker's mounted ConfigMap data is read for: Kafka's auto.create.topics.enable, the JetStream streams it defines. */
export function keepBrokerSettings(data: Readonly<Record<string, string>>): { key: string; setting: string; value: string }[] {
  const streams = Object.entries(data).flatMap(([key, text]) => findStreamDefinitions(text).map((s) => ({ key, setting: STREAM_SETTING, value: describeStream(s) })));
  return [...findConfigFileSettings(data, [AUTO_CREATE]), ...streams];
}

/** The streams the servers' mounted config defines, as kept: "ORDERS (orders.>)" with the ConfigMap and key. */
export function findDefinedStreams(members: DependencyMembersEvidence): { value: string; where: string }[] {
  return (members.config ?? []).filter((c) => c.setting === STREAM_SETTING).map((c) => ({ value: c.value, where: `ConfigMap ${members.namespace}/${c.configMap} (${c.key})` }));
}

/** The broker setting that decides whether a topic is created when a client first names it. */
export const AUTO_CREATE = 'auto.create.topics.enable';

/** The env names images set it by: Bitnami's KAFKA_CFG_…, Confluent's KAFKA_…. */
const AUTO_CREATE_ENV = /^KAFKA_(?:CFG_)?AUTO_CREATE_TOPICS_ENABLE$/;

/** Where the brokers say whether they create topics on first use: a ConfigMap key they mount, or their env. */
export interface AutoCreate {
  value: string;
  /** "ConfigMap kafka/kafka-configuration (server.properties)" or "env KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE of kafka-0". */
  where: string;
}

/** auto.create.topics.enable as the brokers' mounted config or their env sets it, when either does. */
export function findAutoCreate(members: DependencyMembersEvidence): AutoCreate | undefined {
  const set: ServerConfigEvidence | undefined = (members.config ?? []).find((c) => c.setting === AUTO_CREATE);
  if (set !== undefined) return { value: set.value, where: `ConfigMap ${members.namespace}/${set.configMap} (${set.key})` };
  for (const pod of members.pods) {
    for (const c of pod.containers) {
      const e = (c.env ?? []).find((x) => AUTO_CREATE_ENV.test(x.name) && 'value' in x);
      if (e !== undefined && 'value' in e) return { value: e.value.trim(), where: `env ${e.name} of ${pod.name}` };
    }
  }
  return undefined;
}

/** ConfigMaps a serving broker mounts, read for auto.create.topics.enable only: at most this many. */
const MAX_CONFIG_MAPS = 2;

/** The ConfigMaps one ready broker mounts (never its Secrets), when its env does not already set the setting. */
export function listBrokerConfigMaps(members: DependencyMembersEvidence): string[] {
  if (findAutoCreate(members) !== undefined) return [];
  const broker = members.pods.find((p) => p.ready) ?? members.pods[0];
  const mounted = (broker?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [v.ref] : []));
  return [...new Set(mounted)].slice(0, MAX_CONFIG_MAPS);
}
