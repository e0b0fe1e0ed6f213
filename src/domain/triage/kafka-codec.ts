/**
 * A Kafka producer whose compression codec the brokers do not support: zstd came with Kafka 2.1
 * (KIP-110), so brokers older than that refuse every produce request compressed with it
 * (UNSUPPORTED_COMPRESSION_TYPE, error 76; librdkafka "Broker: Unsupported compression type").
 * The codec is usually a default that changed with a client library upgrade; the brokers' version
 * is where the pods' settings say it (librdkafka's broker.version.fallback, a KAFKA_VERSION, the
 * inter-broker protocol). The fix is a codec the brokers know (lz4, snappy) or newer brokers.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { findTimedLogHits } from './timed-log-hits.js';
import { earliest } from './time-span.js';
import { compareDottedVersions } from './dotted-version.js';

/** The broker's refusal of the producer's codec, in the Java client's and librdkafka's words. */
const CODEC_REFUSED = /UNSUPPORTED_COMPRESSION_TYPE|Unsupported compression type|UnsupportedCompressionTypeException/i;

/** Lines before it counts: every produce fails, so it repeats. */
const MIN_LINES = 2;

/** Names of settings that say the brokers' Kafka version: broker.version.fallback, KAFKA_VERSION, inter.broker.protocol.version. */
export const BROKER_VERSION_SETTING = /broker[._]?version|kafka[._]?version|inter[._]broker[._]protocol|log[._]message[._]format/i;

/** Names of settings that choose the producer's codec: compression.type, KAFKA_COMPRESSION_CODEC. */
export const CODEC_SETTING = /compression[._]?(?:type|codec)/i;

/** `"compression.type":"zstd"`, `compression.type=zstd`, `compression_type: zstd` in a log line. */
const LOGGED_CODEC = /compression[._]?(?:type|codec)["']?\s*[:=]\s*["']?(zstd|lz4|snappy|gzip)\b/i;

/** The first Kafka release whose brokers take each codec. */
const CODEC_SINCE: Record<string, string> = { zstd: '2.1', lz4: '0.8.2', snappy: '0.8', gzip: '0.8' };

export interface CodecRefusals {
  lines: number;
  pods: string[];
  container: string;
  line: string;
  /** The earliest refusal's time, when the log tells it. */
  since?: string;
}

/** The brokers refusing the codec of the workload's own pods' produce requests, when it keeps coming. */
export function findCodecRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: string): CodecRefusals | undefined {
  const hits = findTimedLogHits(logs, pods, CODEC_REFUSED, now);
  if (hits.length < MIN_LINES) return undefined;
  const since = earliest(hits.map((h) => h.at));
  return { lines: hits.length, pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '', line: hits[hits.length - 1]?.line ?? '', ...(since !== undefined ? { since } : {}) };
}

export interface CodecSetting {
  /** `zstd`. */
  codec: string;
  /** The Kafka release that first took it: `2.1`. */
  since: string;
  /** `compression.type=zstd`, as written where it was found. */
  written: string;
  /** `the producer's log`, `ConfigMap x`, `env`. */
  source: string;
}

export interface BrokerVersion {
  /** `2.0.1`. */
  version: string;
  written: string;
  source: string;
}

type Setting = { written: string; source: string; name: string; value: string };

function settingsOf(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): Setting[] {
  const fromConfig = config.filter((c) => c.mechanism === 'kafka-codec').map((c) => {
    const [name = '', value = ''] = c.written.split(/=(.*)/s);
    return { written: c.written, source: `ConfigMap ${c.configMap}`, name, value };
  });
  const fromEnv = (container?.env ?? []).flatMap((e) => ('value' in e ? [{ written: `${e.name}=${e.value}`, source: 'env', name: e.name, value: e.value }] : []));
  return [...fromConfig, ...fromEnv];
}

/** The codec the producer compresses with: its own log's configuration line, else its settings. */
export function findCodec(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[], logs: readonly LogEvidence[]): CodecSetting | undefined {
  for (const line of logs.flatMap((l) => l.lines)) {
    const codec = LOGGED_CODEC.exec(line)?.[1]?.toLowerCase();
    if (codec !== undefined) return { codec, since: CODEC_SINCE[codec] ?? '?', written: `compression.type=${codec}`, source: "the producer's log" };
  }
  const set = settingsOf(container, config).find((s) => CODEC_SETTING.test(s.name) && /^(zstd|lz4|snappy|gzip)$/i.test(s.value.trim()));
  const codec = set?.value.trim().toLowerCase();
  return set === undefined || codec === undefined ? undefined : { codec, since: CODEC_SINCE[codec] ?? '?', written: set.written, source: set.source };
}

/** The brokers' Kafka version, where the pods' settings state it: `broker.version.fallback=2.0.1`. */
export function findBrokerVersion(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): BrokerVersion | undefined {
  for (const s of settingsOf(container, config)) {
    const version = BROKER_VERSION_SETTING.test(s.name) ? /^\s*(\d+\.\d+(?:\.\d+)*)/.exec(s.value)?.[1] : undefined;
    if (version !== undefined) return { version, written: s.written, source: s.source };
  }
  return undefined;
}

/** Whether Kafka `version` predates `since` (both dotted numbers). */
export function isOlder(version: string, since: string): boolean {
  return compareDottedVersions(version, since) < 0;
}
