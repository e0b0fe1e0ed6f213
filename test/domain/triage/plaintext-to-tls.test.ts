// Every call to a dependency reset by the peer, from a client whose address is plaintext, while a
// ConfigMap describing that endpoint changed its TLS settings just before: the endpoint now
// requires in-transit encryption. The headline names the plaintext scheme, the TLS change and its
// ConfigMap; without that change the reset is told as before.
import { describe, expect, it } from 'vitest';
import { findPlaintextClient } from '../../../src/domain/triage/plaintext-to-tls.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { NamespaceObjectEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, baseEvidence, container, minutesAgo, pod, revision } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const HOST = 'primary.ledger-kv.x1y2z3.use2.cache.example.net';

const resetLine = (ago: number) => `[${minutesAgo(ago).slice(0, 19).replace('T', ' ')} +0000] [9] [ERROR] cache get failed: Error while reading from ${HOST}:6379 : (104, 'Connection reset by peer')`;

function story(configMaps: NamespaceObjectEvidence[], url = `redis://${HOST}:6379/0`) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV6.hash, createdAt: minutesAgo(9 * 24 * 60), containers: [container({ env: [{ name: 'CACHE_URL', value: url }] })] }));
  const lines = Array.from({ length: 6 }, (_, i) => resetLine(50 - i * 6));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(10 * 24 * 60), { replicas: 2 })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    namespaceObjects: configMaps,
  });
}

const infra = (changedAgo: number): NamespaceObjectEvidence => ({
  kind: 'ConfigMap', name: 'ledger-kv-endpoints', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(changedAgo),
  keys: ['kv.endpoint', 'kv.port', 'kv.tls_enabled', 'kv.transit_encryption_mode'],
});

describe('plaintext client addresses', () => {
  it('reads plaintext schemes and switches that name the host', () => {
    expect(findPlaintextClient([{ name: 'BROKER_URL', value: 'amqp://user@mq.example.org:5672/' }], 'mq.example.org')).toMatchObject({ env: 'BROKER_URL', said: 'amqp://', fix: 'amqps://' });
    expect(findPlaintextClient([{ name: 'BROKER_URL', value: 'amqps://user@mq.example.org:5671/' }], 'mq.example.org')).toBeUndefined();
    expect(findPlaintextClient([{ name: 'DB_URL', value: 'postgres://app@db.example.org/x?sslmode=disable' }], 'db.example.org')).toMatchObject({ fix: 'sslmode=require' });
  });
});

describe('a managed endpoint that now requires TLS, and a plaintext client', () => {
  it('names TLS, the plaintext scheme and the ConfigMap that changed in the headline', () => {
    const r = buildTriageReport(story([infra(60)]), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/reset by the peer/);
    expect(r.headline).toMatch(/plaintext \(redis:\/\/ in env CACHE_URL\)/);
    expect(r.headline).toMatch(/ConfigMap ledger-kv-endpoints, changed 1h ago/);
    expect(r.headline).toMatch(/requires TLS/);
    expect(r.headline).toMatch(/rediss:\/\//);
    expect(r.headline).not.toMatch(/no change found/);
  });

  it('keeps the plain reset reading when the client already speaks TLS', () => {
    const r = buildTriageReport(story([infra(60)], `rediss://${HOST}:6379/0`), times);
    expect(r.headline).not.toMatch(/requires TLS/);
  });

  it('keeps the plain reset reading when the TLS settings did not change lately', () => {
    const r = buildTriageReport(story([infra(30 * 24 * 60)]), times);
    expect(r.headline).not.toMatch(/requires TLS/);
  });
});
