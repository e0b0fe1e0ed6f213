import { describe, expect, it } from 'vitest';
import { analyzeNatsSlowConsumer } from '../../../../src/domain/triage/analyzers/nats-slow-consumer.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const CLIENT = '{"time":"2026-11-21T03:10:02Z","level":"WARN","msg":"nats async error","error":"nats: slow consumer, messages dropped","subject":"telemetry.raw.>","queue":"geo-enricher","pending_msgs":65536}';
const SERVER = '[1] 2026/11/21 03:10:02.118412 [INF] 10.0.57.12:41022 - cid:1180 - "v1.37.0:go:geo-enricher" - Slow Consumer Detected: WriteDeadline of 10s exceeded with 412 chunks of 27108354 total bytes.';

function scenario(lines: string[], workers: [string, string] = ['32', '1']) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  const env = (n: string) => [{ name: 'NATS_SUBJECT', value: 'telemetry.raw.>' }, { name: 'ENRICH_WORKERS', value: n }];
  return { ...base, revisions: [revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: env(workers[0]) })] }), revision(REV7, minutesAgo(55), { containers: [revisionContainer({ env: env(workers[1]) })] })] };
}

describe('analyzeNatsSlowConsumer', () => {
  it('reads the client dropping messages as a slow consumer, dated by the revision that cut its workers', () => {
    const [f] = analyzeNatsSlowConsumer(scenario(['{"level":"INFO","msg":"subscribed"}', CLIENT, CLIENT]));
    expect(f?.title).toBe('NATS slow consumer: the subscription on telemetry.raw.> cannot keep up with the messages published to it, so the client drops the messages past its pending limit ("slow consumer, messages dropped", 2 pods, 4 lines); revision 7 (55m ago) cut ENRICH_WORKERS 32 → 1, so one message is handled at a time');
    expect(f?.severity).toBe('critical');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('restore ENRICH_WORKERS=32, the concurrency revision 7 cut (roll back to revision 6 or set it back)');
    expect(f?.nextAction).toMatch(/^Roll back to revision 6 \(ENRICH_WORKERS=32\)/);
  });

  it('blames no revision that left the concurrency alone, and reads the server\'s cut of the client too', () => {
    const [f] = analyzeNatsSlowConsumer(scenario([SERVER, SERVER], ['8', '8']));
    expect(f?.title).toMatch(/^NATS slow consumer: the subscription cannot keep up .*nats-server closes the connections of clients that stopped draining \("Slow Consumer Detected", 2 pods, 4 lines\)$/);
    expect(f?.datesChange).toBeUndefined();
    expect(f?.confidence).toBe('medium');
  });

  it('takes one warning, or a bout the log rode out an hour ago, for a blip', () => {
    const pods = [pod(0)];
    const once = baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: [SERVER] }] });
    expect(analyzeNatsSlowConsumer(once)).toEqual([]);
    const old = '[1] 2026/11/21 01:40:02.118412 [INF] 10.0.57.12:41022 - cid:1180 - "v1.37.0:go:geo-enricher" - Slow Consumer Detected: MaxPending of 67108864 Exceeded';
    const past = baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: [old, old, old, '[1] 2026/11/21 03:01:00.000000 [INF] 10.0.57.13:6222 - rid:7 - Route connection created'] }] });
    expect(analyzeNatsSlowConsumer(past)).toEqual([]);
  });

  it('takes ordinary NATS lines for nothing', () => {
    expect(analyzeNatsSlowConsumer(scenario(['{"level":"INFO","msg":"nats reconnected","url":"nats://nats:4222"}', '[1] 2026/11/21 03:10:02.118412 [INF] Server is ready']))).toEqual([]);
  });
});
