import { describe, expect, it } from 'vitest';
import { findMemoryPool, tellOversizedPool, wiredTigerDefault } from '../../../src/domain/triage/memory-pool.js';
import { keepMemoryPoolSettings, pickMemoryPoolConfigReads } from '../../../src/domain/triage/memory-pool-reads.js';
import type { MemoryPoolConfigEvidence } from '../../../src/domain/triage/evidence-memory-pool-config.js';
import { container, node, pod, running, terminated } from './scenarios/builders.js';

import { NOW } from './scenarios/builders.js';
const oom = (over: Parameters<typeof container>[0] = {}) => container({ name: 'db', state: running(20), restartCount: 2, lastState: terminated(137, 'OOMKilled', 21), resources: { requests: { memory: '4Gi' }, limits: { memory: '4Gi' } }, ...over });
const dbPod = pod(0, {
  containers: [oom({ volumeMounts: [{ name: 'config', mountPath: '/etc/postgresql' }, { name: 'creds', mountPath: '/etc/creds' }] })],
  volumes: [{ name: 'config', source: 'configMap', ref: 'db-config' }, { name: 'creds', source: 'secret', ref: 'db-creds' }, { name: 'other', source: 'configMap', ref: 'not-mounted' }],
});
const conf = (buffers: string): MemoryPoolConfigEvidence[] => [
  { configMap: 'db-config', key: 'postgresql.conf', container: 'db', setting: 'shared_buffers', value: buffers },
  { configMap: 'db-config', key: 'postgresql.conf', container: 'db', setting: 'work_mem', value: '16MB' },
  { configMap: 'db-config', key: 'postgresql.conf', container: 'db', setting: 'max_connections', value: '200' },
];

describe('pickMemoryPoolConfigReads', () => {
  it('reads the ConfigMaps an OOM-killed container mounts, never a Secret nor one it does not mount', () => {
    expect(pickMemoryPoolConfigReads([dbPod], NOW)).toEqual([{ configMap: 'db-config', container: 'db' }]);
  });

  it('reads nothing without an OOM kill', () => {
    const fine = pod(0, { containers: [container({ volumeMounts: [{ name: 'config', mountPath: '/etc/postgresql' }] })], volumes: [{ name: 'config', source: 'configMap', ref: 'db-config' }] });
    expect(pickMemoryPoolConfigReads([fine], NOW)).toEqual([]);
  });
});

describe('keepMemoryPoolSettings', () => {
  it('keeps only the settings that size a memory pool', () => {
    const data = { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 6GB   # was 1GB\nwork_mem = 16MB\npassword_encryption = scram-sha-256\n" };
    expect(keepMemoryPoolSettings({ configMap: 'db-config', container: 'db' }, data).map((s) => `${s.setting}=${s.value}`).sort()).toEqual(['max_connections=200', 'shared_buffers=6GB', 'work_mem=16MB']);
  });
});

describe('findMemoryPool and tellOversizedPool', () => {
  it('names shared_buffers over the limit, the ConfigMap that sets it, and the size to set', () => {
    const p = findMemoryPool({ container: dbPod.containers[0] ?? container(), pods: [dbPod], logs: [], config: conf('6GB'), nodes: [] });
    expect(p).toMatchObject({ server: 'Postgres', written: 'shared_buffers = 6GB', where: 'ConfigMap db-config, key postgresql.conf', bytes: 6 * 2 ** 30, configMap: 'db-config' });
    const told = p && tellOversizedPool(p, '4Gi');
    expect(told?.reason).toBe(": shared_buffers = 6GB (ConfigMap db-config, key postgresql.conf) sizes Postgres's shared buffer pool over it");
    expect(told?.evidence.join('\n')).toContain('work_mem 16MB × max_connections 200: up to 3.1Gi more');
    expect(told?.fix).toBe('set shared_buffers = 1GB (about 25% of the limit) in ConfigMap db-config, or raise the limit well above the shared buffer pool');
    expect(told?.cause).not.toMatch(/memory leak|evict/i);
  });

  it('leaves a pool that fits well under the limit alone', () => {
    const p = findMemoryPool({ container: dbPod.containers[0] ?? container(), pods: [dbPod], logs: [], config: conf('1GB'), nodes: [] });
    expect(p && tellOversizedPool(p, '4Gi')).toBeUndefined();
  });

  it("reads a command line's setting first (postgres -c, mongod --wiredTigerCacheSizeGB)", () => {
    const c = oom({ args: ['--replSet', 'rs0', '--wiredTigerCacheSizeGB', '3.5'] });
    const p = findMemoryPool({ container: c, pods: [pod(0, { containers: [c] })], logs: [], config: [], nodes: [] });
    expect(p).toMatchObject({ server: 'MongoDB', written: '--wiredTigerCacheSizeGB 3.5', where: 'the command line' });
    expect(p && tellOversizedPool(p, '4Gi')?.reason).toBe(": --wiredTigerCacheSizeGB 3.5 (the command line) sizes MongoDB's WiredTiger cache close to it");
  });

  it("says a WiredTiger cache mongod logged was sized from the node's memory when the setting is unset", () => {
    const c = oom({ name: 'mongod', args: ['--replSet', 'rs0', '--bind_ip_all'] });
    const p0 = pod(0, { containers: [c] });
    const big = node(p0.nodeName ?? '', { capacity: { memory: '65049472Ki' }, labels: { 'node.kubernetes.io/instance-type': 'r6i.2xlarge' } });
    const line = '{"t":{"$date":"2026-11-21T03:00:00.000+00:00"},"s":"I","c":"STORAGE","id":22315,"ctx":"initandlisten","msg":"Opening WiredTiger","attr":{"config":"create,cache_size=31232M,session_max=33000,"}}';
    const p = findMemoryPool({ container: c, pods: [p0], logs: [{ pod: p0.name, container: 'mongod', previous: true, lines: [line] }], config: [], nodes: [big] });
    expect(p).toMatchObject({ server: 'MongoDB', written: 'cache_size=31232M', setting: '--wiredTigerCacheSizeGB', unset: { node: p0.nodeName, instanceType: 'r6i.2xlarge' } });
    const told = p && tellOversizedPool(p, '4Gi');
    expect(told?.reason).toBe(": MongoDB's WiredTiger cache is sized from the node's memory (62.0Gi, r6i.2xlarge), not the limit — cache_size=31232M (30.5Gi) with --wiredTigerCacheSizeGB unset");
    expect(told?.fix).toContain('--wiredTigerCacheSizeGB 1.5');
    expect(told?.rollbackUndoes).toBeDefined();
  });

  it("sizes WiredTiger's default as half of the memory less 1 GB, at least 256 MB", () => {
    expect(wiredTigerDefault(8 * 2 ** 30)).toBe(3.5 * 2 ** 30);
    expect(wiredTigerDefault(2 ** 30)).toBe(256 * 2 ** 20);
  });
});
