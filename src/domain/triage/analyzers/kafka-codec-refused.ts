import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findBrokerVersion, findCodec, findCodecRefusals, isOlder } from '../kafka-codec.js';
import { listNodesOf } from '../pod-status.js';

/**
 * The Kafka brokers refuse every produce request because they predate the producer's codec
 * (UNSUPPORTED_COMPRESSION_TYPE): zstd needs Kafka 2.1. The HTTP side of the pods keeps answering,
 * so they look healthy while nothing reaches the topic. The codec is named from the producer's own
 * configuration line or its settings, and the brokers' version from the settings the pods read.
 */
export function analyzeKafkaCodecRefused(ev: TriageEvidence): Finding[] {
  const refused = findCodecRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (refused === undefined) return [];
  const container = ev.pods.find((p) => p.name === refused.pods[0])?.containers.find((c) => c.name === refused.container);
  const logs = ev.logs.filter((l) => refused.pods.includes(l.pod));
  const codec = findCodec(container, ev.settingConfig ?? [], logs);
  const broker = findBrokerVersion(container, ev.settingConfig ?? []);
  const name = codec?.codec ?? 'zstd';
  const since = codec?.since ?? '2.1';
  const older = broker !== undefined && isOlder(broker.version, since);
  const brokers = broker === undefined
    ? `the brokers are older than ${name} (it needs Kafka ≥ ${since})`
    : `the brokers run Kafka ${broker.version}${older ? `, older than ${name} (it needs Kafka ≥ ${since})` : ''} (${broker.written}, ${broker.source})`;
  const producer = codec === undefined ? 'the producer compresses with a codec the brokers do not know' : `the producer compresses with ${name} (${codec.written}, ${codec.source})`;
  const fix = `set the producer's compression.type to a codec the brokers take (lz4 or snappy)${codec?.source.startsWith('ConfigMap') ? ` in ${codec.source}` : ''}, or upgrade the brokers to Kafka ${since} or later`;
  const pods = ev.pods.filter((p) => refused.pods.includes(p.name));
  return [{
    id: 'kafka-codec-refused',
    kind: 'dependency-error',
    title: `The Kafka brokers refuse every produce request with UNSUPPORTED_COMPRESSION_TYPE: ${producer}, and ${brokers} — ${refused.lines} refused deliveries in the logs of ${refused.pods.length} pod${refused.pods.length === 1 ? '' : 's'}`,
    ...(refused.since !== undefined ? { onset: refused.since } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      ...(codec !== undefined ? [`codec: ${codec.written} (${codec.source})`] : []),
      ...(broker !== undefined ? [`brokers' version: ${broker.written} (${broker.source})`] : []),
      `log ${refused.pods[0] ?? ''}: ${condenseStructuredLine(refused.line)}`,
    ],
    decisive: condenseStructuredLine(refused.line),
    likelyCause: `A Kafka broker takes only the compression codecs its release knows: gzip and snappy since 0.8, lz4 since 0.8.2, zstd since 2.1 (KIP-110). A producer that compresses with a newer codec than the brokers know has every produce request refused with UNSUPPORTED_COMPRESSION_TYPE, so no message reaches the topic while the pods stay Ready. A client library upgrade that changed its default compression.type is the usual way in. Restarting changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; rolling back to the release before the codec changed stops it too. Then watch the delivery failures stop. The bot will not change anything.`,
    fix,
    confirmCommands: refused.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=100`)),
    affected: { pods: refused.pods, nodes: listNodesOf(pods) },
  }];
}
