// A cache that came back empty: its Redis (no persistence) restarted just before the workload's
// hit ratio collapsed, and every miss now goes to the database, which refuses connections and
// times out. The chain is the verdict — not the database's connection limit — and a cache that
// restarted long ago, or whose hit ratio recovered, is no cause.
import { describe, expect, it } from 'vitest';
import { analyzeCacheStampede } from '../../../../src/domain/triage/analyzers/cache-stampede.js';
import { findHitCollapse, pickColdCacheService } from '../../../../src/domain/triage/cache-hit-collapse.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, running } from '../scenarios/builders.js';

const stats = (m: number, ratio: number) => `{"level":"info","ts":"${minutesAgo(m)}","msg":"cache stats","hit_ratio":${ratio}}`;
const tooMany = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"db acquire failed","err":"FATAL: sorry, too many clients already (SQLSTATE 53300)"}`;
const timeout = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"get product failed","err":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`;

const COLLAPSED = [stats(15, 0.97), stats(9, 0.01), tooMany(8.9), timeout(8.8), stats(8, 0.04), tooMany(7.9), timeout(7.8), stats(2, 0.12)];
const RECOVERED = [stats(60, 0.97), stats(50, 0.02), stats(30, 0.6), stats(10, 0.95), tooMany(8.9), timeout(8.8), tooMany(7.9)];

function stampede(lines: string[], cacheStartedAgo: number) {
  const env = [
    { name: 'REDIS_ADDR', value: 'catalog-cache.payments.svc.cluster.local:6379' },
    { name: 'DATABASE_URL', value: 'postgres://catalog@catalog-pg.payments.svc.cluster.local:5432/catalog' },
  ];
  const pods = [0, 1].map((i) => pod(i, { ready: i === 0, containers: [container({ ready: i === 0, env })] }));
  const cache = pod(7, {
    name: 'catalog-cache-5d8f9-abcde', labels: { app: 'catalog-cache' }, createdAt: minutesAgo(cacheStartedAgo + 0.5), nodeName: 'ip-10-0-9-9.eu-west-1.compute.internal',
    containers: [container({ name: 'redis', command: ['redis-server'], args: ['--save', '', '--appendonly', 'no'], state: running(cacheStartedAgo) })],
  });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    dependencyPods: [{ service: 'catalog-cache', pod: cache, logs: [] }],
  });
}

describe('a cache that came back empty and stampedes the database', () => {
  it('reads the cache pod when the hit ratio collapsed', () => {
    const ev = stampede(COLLAPSED, 9.5);
    expect(findHitCollapse(ev.logs, ev.pods)).toMatchObject({ warm: 0.97, cold: 0.01, now: 0.12 });
    expect(pickColdCacheService(ev)).toBe('catalog-cache');
  });

  it('names the cold cache, its restart and its missing persistence, and the database it stampedes', () => {
    const [f] = analyzeCacheStampede(stampede(COLLAPSED, 9.5));
    expect(f?.title).toMatch(/^Cache catalog-cache \(Redis\) came back empty — its pod catalog-cache-5d8f9-abcde is new \(started 9m ago on ip-10-0-9-9\.eu-west-1\.compute\.internal\) with no persistence: --save "" --appendonly no/);
    expect(f?.title).toMatch(/hit ratio fell from 0\.97 to 0\.01 \(0\.12 now\) and the misses stampede catalog-pg/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('leads the verdict instead of the connection limit, with no rollback', () => {
    const report = buildTriageReport(stampede(COLLAPSED, 9.5), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Cache catalog-cache \(Redis\) came back empty/);
    expect(report.headline).not.toMatch(/replicas × pool size|roll ?back/i);
  });

  it('blames no cache that restarted long before, or whose hit ratio recovered', () => {
    expect(analyzeCacheStampede(stampede(COLLAPSED, 180))).toEqual([]);
    expect(findHitCollapse(stampede(RECOVERED, 52).logs, stampede(RECOVERED, 52).pods)).toBeUndefined();
    expect(analyzeCacheStampede(stampede(RECOVERED, 52))).toEqual([]);
  });
});
