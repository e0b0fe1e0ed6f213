import { describe, expect, it } from 'vitest';
import { readLogLineTime } from '../../../src/domain/triage/log-line-time.js';
import { isPastErrorBout } from '../../../src/domain/triage/past-log-errors.js';

const NOW = '2026-11-21T03:14:00Z';

describe('readLogLineTime', () => {
  it.each([
    ['2026-11-21T01:12:45.600Z  WARN 1 --- [order-events] [ntainer#0-0-C-1] o.a.k.clients.NetworkClient : Connection refused', '2026-11-21T01:12:45.600Z'],
    ['2026-11-21 01:12:45.600  WARN 1 --- [main] c.a.App : started', '2026-11-21T01:12:45.600Z'],
    ['[2026-11-21 01:12:45,600] INFO [Broker id=0] Transitioning (state.change.logger)', '2026-11-21T01:12:45.600Z'],
    ['I1121 03:12:41.400374       1 controller.go:120] synced', '2026-11-21T03:12:41.400Z'],
    ['2026/11/21 01:12:45 dial tcp 10.0.0.9:5432: connect: connection refused', '2026-11-21T01:12:45.000Z'],
    ['[2026/11/21 01:12:45] [proxy.go:107] Error proxying to upstream server: dial tcp 127.0.0.1:3000: connect: connection refused', '2026-11-21T01:12:45.000Z'],
    ['[1] 2026/11/21 01:12:45.118412 [INF] 10.0.57.12:41022 - cid:1180 - Slow Consumer Detected: MaxPending of 67108864 Exceeded', '2026-11-21T01:12:45.118Z'],
    ['level=warn ts=2026-11-21T01:12:45.6Z msg="dial failed"', '2026-11-21T01:12:45.600Z'],
    ['{"level":"warn","ts":1795230765.6,"msg":"dial failed"}', new Date(1795230765600).toISOString()],
    ['{"level":40,"time":1795230765600,"msg":"retrying"}', new Date(1795230765600).toISOString()],
    ['{"@timestamp":"2026-11-21T01:12:45.600+00:00","level":"WARN","message":"x"}', '2026-11-21T01:12:45.600Z'],
    ['10.0.3.4 - - [21/Nov/2026:01:12:45 +0000] "GET /v1 HTTP/1.1" 502 0', '2026-11-21T01:12:45.000Z'],
  ])('%s', (line, at) => {
    expect(readLogLineTime(line, NOW)).toBe(at);
  });

  it('reads klog in the year before when the read is early in January', () => {
    expect(readLogLineTime('W1231 23:59:10.000000       1 reflector.go:547] watch closed', '2027-01-01T00:10:00Z')).toBe('2026-12-31T23:59:10.000Z');
  });

  it('does not take a date the message mentions for the time of an unstamped line', () => {
    expect(readLogLineTime('x509: certificate has expired or is not yet valid: current time 2026-11-21T03:10:00Z is after 2026-11-21T00:00:00Z', NOW)).toBeUndefined();
    expect(readLogLineTime('Connection refused: kafka-0:9092', NOW)).toBeUndefined();
  });
});

describe('isPastErrorBout', () => {
  const refused = (t: string) => `${t} WARN 1 --- [consumer] NetworkClient : Connection to node 0 (kafka-0/10.0.61.83:9092) could not be established. Node may not be available.`;
  const work = (t: string) => `${t} INFO 1 --- [scheduling-1] ThroughputReporter : processed 9214 events in last 300s, max lag 31`;
  const isError = (l: string) => l.includes('could not be established') || l.includes('ERROR');

  it('holds errors two hours old followed by clean work up to the read as past', () => {
    const lines = [refused('2026-11-21T01:12:45.600Z'), refused('2026-11-21T01:17:30.000Z'), work('2026-11-21T01:20:00Z'), work('2026-11-21T03:13:36Z')];
    expect(isPastErrorBout(lines, [0, 1], NOW, isError)).toBe(true);
  });

  it('keeps errors current when one is recent, undated, or no clean work is logged in the last hour', () => {
    expect(isPastErrorBout([refused('2026-11-21T01:12:45Z'), refused('2026-11-21T02:40:00Z'), work('2026-11-21T03:13:00Z')], [0, 1], NOW, isError)).toBe(false);
    expect(isPastErrorBout([refused('2026-11-21T01:12:45Z'), 'Connection refused', work('2026-11-21T03:13:00Z')], [0, 1], NOW, isError)).toBe(false);
    expect(isPastErrorBout([refused('2026-11-21T01:12:45Z'), work('2026-11-21T01:20:00Z')], [0], NOW, isError)).toBe(false);
    expect(isPastErrorBout([refused('2026-11-21T01:12:45Z'), `2026-11-21T03:13:00Z ERROR still failing`], [0], NOW, isError)).toBe(false);
    expect(isPastErrorBout([refused('2026-11-21T01:12:45Z')], [0], NOW, isError)).toBe(false);
  });

  it("dates a stack trace's Caused by line by its header", () => {
    const lines = ['2026-11-21 01:12:45,600 ERROR [pool-1] Db : query failed', 'Caused by: java.net.ConnectException: Connection refused', '\tat java.base/sun.nio.ch.Net.connect0(Native Method)', work('2026-11-21T03:10:00Z')];
    expect(isPastErrorBout(lines, [1], NOW, isError)).toBe(true);
  });
});
