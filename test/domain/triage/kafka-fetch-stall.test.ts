// A Kafka consumer whose pods are Ready and whose logs hold only WARN lines, while every fetch of
// its partitions fails: error 76 (UNSUPPORTED_COMPRESSION_TYPE) means the records are zstd and its
// client predates 2.1. It is not healthy; the producer of the namespace whose new revision set
// zstd is the trigger.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceRolloutEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace(/(\d\d:\d\d:\d\d)$/, '$1.000');
const FETCHER = 'o.a.k.c.consumer.internals.Fetcher       : [Consumer clientId=consumer-1, groupId=billing-sync]';

function consumerLog(p: string, partitions: number[], o: { version?: string; code?: number } = {}): LogEvidence {
  const lines: string[] = [];
  if (o.version) lines.push(`${stamp(50)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version : ${o.version}`);
  for (let m = 30; m > 0; m -= 3) {
    for (const k of partitions) {
      lines.push(`${stamp(m)}  WARN 1 --- [ntainer#0-0-C-1] o.apache.kafka.common.protocol.Errors    : Unexpected error code: ${o.code ?? 76}.`);
      lines.push(`${stamp(m)}  WARN 1 --- [ntainer#0-0-C-1] ${FETCHER} Unknown error fetching data for topic-partition invoices.v2-${k}`);
    }
  }
  return { pod: p, container: 'app', previous: false, lines };
}

const rev = (revision: number, codec: string, createdAt: string) => ({
  revision, name: `invoice-api-${revision}`, hash: `h${revision}`, createdAt, changeCause: `argocd: invoice-api ${revision}`, replicas: 3,
  containers: [{ name: 'app', image: `registry.example.com/invoice-api:4.${revision}.0`, env: [{ name: 'KAFKA_TOPIC', value: 'invoices.v2' }, { name: 'KAFKA_PRODUCER_COMPRESSION_TYPE', value: codec }], envFrom: [], resources: { requests: {}, limits: {} } }],
});
const producer: NamespaceRolloutEvidence[] = [{ deployment: 'invoice-api', labels: {}, revisions: [rev(12, 'zstd', minutesAgo(40)), rev(11, 'lz4', minutesAgo(9 * 24 * 60))] }];

function report(logs: LogEvidence[], rollouts?: NamespaceRolloutEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({})] }));
  const named = logs.map((l, i) => ({ ...l, pod: pods[i]?.name ?? l.pod }));
  return buildTriageReport({ ...baseEvidence({ pods, logs: named }), ...(rollouts ? { namespaceRollouts: rollouts } : {}), collectedAt: NOW }, { startedAt: NOW, finishedAt: NOW });
}

describe('a Kafka consumer refused its fetches', () => {
  it('is not healthy: names error 76, the zstd producer as the since, and the fix', () => {
    const r = report([consumerLog('a', [0, 1, 2]), consumerLog('b', [3, 4, 5])], producer);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/error 76 \(UNSUPPORTED_COMPRESSION_TYPE\)/);
    expect(r.headline).toMatch(/since invoice-api's revision 12 .* set KAFKA_PRODUCER_COMPRESSION_TYPE=zstd \(was lz4\)/);
    expect(r.headline).toMatch(/back to lz4/);
    expect(r.headline).toMatch(/client version predates/);
  });

  it('names the client version its start-up line states', () => {
    const r = report([consumerLog('a', [0, 1], { version: '1.1.1' }), consumerLog('b', [2, 3])], producer);
    expect(r.headline).toMatch(/Kafka client version 1\.1\.1 predates/);
  });

  it('names the client version read from the head of a stalled pod\'s log when no tail states it', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({})] }));
    const logs = [consumerLog('a', [0, 1]), consumerLog('b', [2, 3])].map((l, i) => ({ ...l, pod: pods[i]?.name ?? '' }));
    const clientVersion = { pod: pods[0]?.name ?? '', container: 'app', line: 'INFO o.a.kafka.common.utils.AppInfoParser : Kafka version : 0.11.0.3', version: '0.11.0.3' };
    const r = buildTriageReport({ ...baseEvidence({ pods, logs }), namespaceRollouts: producer, clientVersion, collectedAt: NOW }, { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/Kafka client version 0\.11\.0\.3 predates/);
  });

  it('says the producer is not known when no rollout of the namespace set zstd, and still is not healthy', () => {
    const r = report([consumerLog('a', [0, 1]), consumerLog('b', [2, 3])]);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/UNSUPPORTED_COMPRESSION_TYPE/);
    expect(r.headline).toMatch(/producer's compression\.type back to lz4 or snappy/i);
  });

  it('reads another fetch error that repeats on the same partitions as a stall, not health', () => {
    const r = report([consumerLog('a', [0, 1], { code: 91 }), consumerLog('b', [2, 3], { code: 91 })]);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/cannot consume invoices\.v2 \(4 partitions\): every fetch is answered with an error its client does not handle \(error code 91\)/);
    expect(r.headline).not.toMatch(/zstd|UNSUPPORTED_COMPRESSION/);
  });
});
