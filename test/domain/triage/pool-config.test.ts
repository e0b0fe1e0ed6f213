import { describe, expect, it } from 'vitest';
import { keepPoolSettings, pickPoolConfigReads } from '../../../src/domain/triage/pool-config.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { container, pod } from './scenarios/builders.js';

const TIMEOUT = 'ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.004 seconds); all pooled connections were in use):';
const railsPod = pod(0, {
  containers: [container({ envFrom: [{ kind: 'configMap', name: 'orders-env' }, { kind: 'secret', name: 'orders-secrets' }], volumeMounts: [{ name: 'db', mountPath: '/rails/config/database.yml', subPath: 'database.yml' }] })],
  volumes: [{ name: 'tls', source: 'secret', ref: 'orders-tls' }, { name: 'db', source: 'configMap', ref: 'orders-database' }],
});
const logs = (n: number): LogEvidence[] => [{ pod: railsPod.name, container: 'app', previous: false, lines: Array.from({ length: n }, () => `[9f1c2e3d-0a1b-4c2d-8e3f-5a6b7c8d9e0f] ${TIMEOUT}`) }];

describe('pickPoolConfigReads', () => {
  it('reads the ConfigMap the container mounts, then the one it takes variables from, never a Secret', () => {
    expect(pickPoolConfigReads({ logs: logs(3), pods: [railsPod] })).toEqual([
      { configMap: 'orders-database', via: 'mounted', mountPath: '/rails/config/database.yml', subPath: 'database.yml' },
      { configMap: 'orders-env', via: 'envFrom' },
    ]);
  });

  it('reads nothing while the pool timed out fewer than three times', () => {
    expect(pickPoolConfigReads({ logs: logs(2), pods: [railsPod] })).toEqual([]);
  });
});

describe('keepPoolSettings', () => {
  it("keeps only the pool's lines of the mounted file, and the pool and thread variables", () => {
    const file = { configMap: 'orders-database', via: 'mounted', mountPath: '/rails/config/database.yml', subPath: 'database.yml' };
    const yml = 'default: &default\n  adapter: postgresql\n  pool: 5\n  checkout_timeout: 5\n  password: hunter2\n';
    expect(keepPoolSettings(file, { 'database.yml': yml, 'other.yml': 'pool: 9\n' })).toEqual([
      { configMap: 'orders-database', key: 'database.yml', via: '/rails/config/database.yml', lines: ['pool: 5', 'checkout_timeout: 5'] },
    ]);
    expect(keepPoolSettings({ configMap: 'orders-env', via: 'envFrom' }, { RAILS_MAX_THREADS: '16', DB_POOL: '5', API_TOKEN: 'x' })).toEqual([
      { configMap: 'orders-env', key: 'RAILS_MAX_THREADS', via: 'envFrom', lines: ['RAILS_MAX_THREADS=16'] },
      { configMap: 'orders-env', key: 'DB_POOL', via: 'envFrom', lines: ['DB_POOL=5'] },
    ]);
  });
});
