import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { pickDecisiveLine } from '../../../../src/domain/triage/evidence-lookup.js';
import { findOwnLogError } from '../../../../src/domain/triage/probe-own-log.js';
import { readJuteMaxbuffer } from '../../../../src/domain/triage/jute-maxbuffer.js';
import { readiness503Scenario } from '../scenarios/probes.js';

/** A Spring app whose ZooKeeper client refuses a znode past its jute.maxbuffer, then retries the load. */
const attempt = (t: string): string[] => [
  `2026-11-21 ${t}.000  WARN 1 --- [-zk-2.zk-hs:2181)] org.apache.zookeeper.ClientCnxn          : Session 0x2000a1f3c9d0017 for server zk-0.zk-hs.pricing.svc.cluster.local/10.0.64.12:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.`,
  'java.io.IOException: Packet len 1100345 is out of range!',
  '\tat org.apache.zookeeper.ClientCnxnSocket.readLength(ClientCnxnSocket.java:121)',
  `2026-11-21 ${t}.000  INFO 1 --- [ain-EventThread] o.a.c.f.state.ConnectionStateManager     : State change: SUSPENDED`,
  `2026-11-21 ${t}.400 ERROR 1 --- [lags-loader-1] c.a.pricing.flags.ZkFeatureFlagStore     : Failed to load feature flags, retrying in 30s`,
  'org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /config/pricing-engine/flags',
  '\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:102)',
  `2026-11-21 ${t}.500  WARN 1 --- [nio-8080-exec-3] o.s.b.a.health.HealthEndpointSupport     : Health contributor featureFlags (featureFlags) is DOWN: flags not loaded`,
];
const LINES = [...attempt('03:01:12'), ...attempt('03:04:18'), ...attempt('03:07:24')];

describe('a ZooKeeper client refusing a znode past its jute.maxbuffer', () => {
  it('takes the refusal logged before ZooKeeper\'s ConnectionLoss as the decisive line, not the retry or the loss', () => {
    expect(pickDecisiveLine(LINES.filter((l) => !l.startsWith('\t')))).toBe('java.io.IOException: Packet len 1100345 is out of range!');
    expect(findOwnLogError([{ pod: 'p', container: 'app', previous: false, lines: LINES }])).toBe('java.io.IOException: Packet len 1100345 is out of range!');
  });

  it('reads the packet length against the client\'s jute.maxbuffer and names the znode', () => {
    const r = readJuteMaxbuffer('java.io.IOException: Packet len 1100345 is out of range!', LINES);
    expect(r?.title).toContain('znode /config/pricing-engine/flags');
    expect(r?.title).toContain('default jute.maxbuffer of 1 MB');
    expect(r?.fix).toMatch(/-Djute\.maxbuffer/);
    expect(readJuteMaxbuffer('Failed to load feature flags, retrying in 30s', LINES)).toBeUndefined();
  });

  it('tells the unready pods\' 503 as the znode past the client\'s jute.maxbuffer, with its fix', () => {
    const ev = readiness503Scenario();
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: LINES }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/ZooKeeper client refuses a 1100345-byte reply .* znode \/config\/pricing-engine\/flags/);
    expect(f?.decisive).toContain('Packet len 1100345 is out of range!');
    expect(f?.fix).toMatch(/raise -Djute\.maxbuffer/);
    expect(f?.nextAction).toMatch(/shrink or split/);
  });
});
