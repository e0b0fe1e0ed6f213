// The workload's Redis calls time out and the Redis runs with notify-keyspace-events set in the
// redis.conf its ConfigMap mounts: an event for every key change on its one thread is the latency.
// The ConfigMap's change is the trigger, not the client.
import { describe, expect, it } from 'vitest';
import { analyzeRedisCostlySetting } from '../../../../src/domain/triage/analyzers/redis-costly-setting.js';
import { listCostlyConfigReads, pickTimedOutRedis } from '../../../../src/domain/triage/redis-costly-setting.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ServerConfigEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const ENV = [{ name: 'REDIS_URL', value: `redis://cart-redis.${NS}.svc.cluster.local:6379/0` }];
const clientLines = [30, 25, 20, 15, 10].map((m) => `${minutesAgo(m)} ERROR load_cart failed: redis.exceptions.TimeoutError: Timeout reading from cart-redis.${NS}.svc.cluster.local:6379`);
const KEA: ServerConfigEvidence[] = [{ configMap: 'cart-redis-config', key: 'redis.conf', setting: 'notify-keyspace-events', value: 'KEA' }];

function scenario(config?: ServerConfigEvidence[]): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  const db = pod(7, { name: 'cart-redis-0', labels: { app: 'cart-redis' }, createdAt: minutesAgo(46), containers: [container({ name: 'redis' })] });
  db.volumes = [{ name: 'config', source: 'configMap', ref: 'cart-redis-config' }];
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: clientLines })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'cart-redis-config', createdAt: minutesAgo(90_000), changedAt: minutesAgo(47) }],
    dependencyPods: [{ service: 'cart-redis', pod: db, logs: [{ pod: db.name, container: 'redis', previous: false, lines: ['1:M * Ready to accept connections tcp'] }], ...(config ? { config } : {}) }],
  });
}

describe('a Redis slowed by a costly setting in its own config', () => {
  it('reads one pod of the Redis whose calls time out, then the settings its ConfigMap sets', () => {
    const ev = scenario();
    expect(pickTimedOutRedis(ev)).toBe('cart-redis');
    expect(listCostlyConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'cart-redis', configMaps: ['cart-redis-config'], settings: ['notify-keyspace-events', 'appendfsync'] }]);
  });

  it('heads the report with the setting and the ConfigMap change, with no rollback', () => {
    const report = buildTriageReport(scenario(KEA), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/notify-keyspace-events KEA \(ConfigMap cart-redis-config changed 47m ago, cart-redis-0 restarted 46m ago\)/);
    expect(report.headline).not.toMatch(/roll back/i);
  });

  it('says nothing when the config sets nothing costly', () => {
    expect(analyzeRedisCostlySetting(scenario())).toEqual([]);
    expect(analyzeRedisCostlySetting(scenario([{ ...KEA[0]!, value: '""' }]))).toEqual([]);
  });
});
