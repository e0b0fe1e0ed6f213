// Kafka brokers that predate the producer's codec refuse every produce request
// (UNSUPPORTED_COMPRESSION_TYPE): zstd needs Kafka 2.1. The codec is read from the producer's own
// configuration line or its settings, the brokers' version from the settings the pods read.
import { describe, expect, it } from 'vitest';
import { analyzeKafkaCodecRefused } from '../../../../src/domain/triage/analyzers/kafka-codec-refused.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import { isOlder } from '../../../../src/domain/triage/kafka-codec.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const CONFIGURED = '{"level":"INFO","msg":"producer configured","compression.type":"zstd","acks":"all"}';
const REFUSED = (m: number) => `{"ts":"${minutesAgo(m)}","level":"ERROR","msg":"delivery failed","error":"KafkaError{code=UNSUPPORTED_COMPRESSION_TYPE,val=76,str=\\"Broker: Unsupported compression type\\"}"}`;
const JAVA = (m: number) => `${minutesAgo(m)} ERROR o.a.k.c.p.i.Sender : [Producer clientId=metrics] Got error produce response: org.apache.kafka.common.errors.UnsupportedCompressionTypeException: The requesting client does not support the compression type of given partition.`;
const VERSION: SettingConfigEvidence = { mechanism: 'kafka-codec', configMap: 'ingest-kafka', key: 'KAFKA_BROKER_VERSION_FALLBACK', via: 'envFrom', written: 'KAFKA_BROKER_VERSION_FALLBACK=2.0.1' };

function scenario(lines: string[], o: { config?: SettingConfigEvidence[]; env?: { name: string; value: string }[] } = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'ingest-kafka' }], env: o.env ?? [] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(o.config ? { settingConfig: o.config } : {}) });
}

describe('analyzeKafkaCodecRefused', () => {
  it('names the codec from the producer\'s log and the brokers\' version from its ConfigMap, older than the codec', () => {
    const [f] = analyzeKafkaCodecRefused(scenario([CONFIGURED, REFUSED(20), REFUSED(10)], { config: [VERSION] }));
    expect(f?.title).toBe('The Kafka brokers refuse every produce request with UNSUPPORTED_COMPRESSION_TYPE: the producer compresses with zstd (compression.type=zstd, the producer\'s log), and the brokers run Kafka 2.0.1, older than zstd (it needs Kafka ≥ 2.1) (KAFKA_BROKER_VERSION_FALLBACK=2.0.1, ConfigMap ingest-kafka) — 4 refused deliveries in the logs of 2 pods');
    expect(f?.onset).toBe(minutesAgo(20));
    expect(f?.fix).toMatch(/^set the producer's compression\.type to a codec the brokers take \(lz4 or snappy\)/);
  });

  it('takes the codec and the version from literal env values, and says the brokers are older when no version is set', () => {
    const [fromEnv] = analyzeKafkaCodecRefused(scenario([JAVA(3), JAVA(2)], { env: [{ name: 'KAFKA_COMPRESSION_TYPE', value: 'zstd' }, { name: 'KAFKA_VERSION', value: '1.1.0' }] }));
    expect(fromEnv?.title).toMatch(/compresses with zstd \(KAFKA_COMPRESSION_TYPE=zstd, env\), and the brokers run Kafka 1\.1\.0, older than zstd/);
    const [unknown] = analyzeKafkaCodecRefused(scenario([JAVA(3), JAVA(2)]));
    expect(unknown?.title).toMatch(/the brokers are older than zstd \(it needs Kafka ≥ 2\.1\)/);
  });

  it('compares Kafka versions', () => {
    expect(isOlder('2.0.1', '2.1')).toBe(true);
    expect(isOlder('2.1', '2.1')).toBe(false);
    expect(isOlder('3.6.0', '2.1')).toBe(false);
  });
});
