import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { condenseBufferDrop, findReplicationSettingLines, parseRedisBytes, pickReplicationPrimary, readReplicationSettings, readRedisTime } from '../../../src/domain/triage/redis-replication-log.js';
import { endpointSlice, pod } from './scenarios/builders.js';

const looping = (host: string): LogEvidence => ({
  pod: 'redis-replicas-0',
  container: 'redis',
  previous: false,
  lines: [1, 2, 3].flatMap((m) => [
    `1:S 21 Nov 2026 03:0${m}:00.000 * Connecting to MASTER ${host}:6379`,
    `1:S 21 Nov 2026 03:0${m}:00.001 * MASTER <-> REPLICA sync started`,
    `1:S 21 Nov 2026 03:0${m}:50.000 # I/O error trying to sync with MASTER: connection lost`,
  ]),
});

describe('pickReplicationPrimary', () => {
  const master = pod(5, { name: 'redis-master-0' });
  const slices = [endpointSlice('redis-headless', [pod(0, { name: 'redis-replicas-0' }), master]), endpointSlice('redis-master', [master], { name: 'redis-master-x1' })];

  it('finds the primary pod that looping replicas name, by pod DNS name, Service name or address', () => {
    expect(pickReplicationPrimary({ logs: [looping('redis-master-0.redis-headless.cache.svc.cluster.local')], endpointSlices: slices, namespace: 'cache' })).toEqual({ host: 'redis-master-0.redis-headless.cache.svc.cluster.local', pod: 'redis-master-0' });
    expect(pickReplicationPrimary({ logs: [looping('redis-master')], endpointSlices: slices, namespace: 'cache' })?.pod).toBe('redis-master-0');
    expect(pickReplicationPrimary({ logs: [looping('redis-master.cache.svc.cluster.local')], endpointSlices: slices, namespace: 'cache' })?.pod).toBe('redis-master-0');
    const ip = slices[0]?.endpoints[1]?.addresses[0] ?? '';
    expect(pickReplicationPrimary({ logs: [looping(ip)], endpointSlices: slices, namespace: 'cache' })?.pod).toBe('redis-master-0');
  });

  it('reads nothing without a loop, or for a primary of another namespace', () => {
    const once = { ...looping('redis-master'), lines: looping('redis-master').lines.slice(0, 3) };
    expect(pickReplicationPrimary({ logs: [once], endpointSlices: slices, namespace: 'cache' })).toBeUndefined();
    expect(pickReplicationPrimary({ logs: [looping('redis-master-0.redis-headless.other.svc.cluster.local')], endpointSlices: slices, namespace: 'cache' })).toBeUndefined();
  });
});

describe('replication settings', () => {
  it('keeps only the lines that set replication limits, and reads the replica class of a directive that sets several', () => {
    const lines = findReplicationSettingLines('redis-conf', { 'redis.conf': 'maxmemory 12gb\n# client-output-buffer-limit replica 1gb 1gb 0\nclient-output-buffer-limit normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60\nclient-output-buffer-limit pubsub 64mb 16mb 60\nrepl-backlog-size 64mb\nreplica-serve-stale-data no\n' });
    expect(lines.map((l) => l.line)).toEqual(['client-output-buffer-limit normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60', 'client-output-buffer-limit pubsub 64mb 16mb 60', 'repl-backlog-size 64mb', 'replica-serve-stale-data no']);
    const s = readReplicationSettings(lines);
    expect(s.replicaBufferLimit).toMatchObject({ hard: '256mb', soft: '64mb', seconds: '60' });
    expect(s.backlogSize?.value).toBe('64mb');
    expect(s.serveStaleData?.value).toBe('no');
  });

  it('reads Redis quantities and clocks', () => {
    expect(parseRedisBytes('256mb')).toBe(256 * 1024 ** 2);
    expect(parseRedisBytes('1gb')).toBe(1024 ** 3);
    expect(parseRedisBytes('64m')).toBe(64e6);
    expect(readRedisTime('1:M 21 Nov 2026 03:13:21.500 # x')).toBe('2026-11-21T03:13:21.500Z');
  });

  it('cuts a buffer drop line to what decides it', () => {
    expect(condenseBufferDrop('1:M 21 Nov 2026 03:13:21.000 # Client id=7 addr=10.0.3.100:48112 laddr=10.0.51.214:6379 fd=28 flags=S db=0 omem=251803640 cmd=psync user=default scheduled to be closed ASAP for overcoming of output buffer limits.'))
      .toBe('1:M 21 Nov 2026 03:13:21.000 # Client addr=10.0.3.100:48112 … flags=S … omem=251803640 … scheduled to be closed ASAP for overcoming of output buffer limits.');
  });
});
