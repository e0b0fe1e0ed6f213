import { describe, expect, it } from 'vitest';
import { analyzeRedisEvictions } from '../../../../src/domain/triage/analyzers/redis-evictions.js';
import { needsEvictionWriters } from '../../../../src/domain/triage/redis-evictions.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const ADDR = 'shared-redis.identity.svc.cluster.local:6379';
/** The client's stats line every 5 minutes: at maxmemory and evicting from 150 minutes ago when `evicting`. */
const stat = (m: number, evicting: boolean) => `{"level":"info","ts":"${minutesAgo(m)}","msg":"redis stats","addr":"${ADDR}","used_memory":${m > 150 || !evicting ? 912331008 : 2147301112},"maxmemory":2147483648,"maxmemory_policy":"allkeys-lru","evicted_keys":${m > 150 || !evicting ? 0 : (150 - m) * 1000 + 500}}`;
const missed = (m: number) => `{"level":"warn","ts":"${minutesAgo(m)}","msg":"session not found","key":"sess:5c1f…","ttl_configured":"12h","result":"401 re-login"}`;

function evicting(on = true): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const lines = (k: number) => Array.from({ length: 40 }, (_, i) => 200 - i * 5 - k).flatMap((m) => [stat(m, on), ...(m < 45 ? [missed(m - 0.5)] : [])]);
  const writer = revision({ revision: 1, hash: '6d5f8c7b9a' }, minutesAgo(185), { replicas: 2, containers: [revisionContainer({ image: 'registry.example/login-risk:0.9.0', env: [{ name: 'FEATURE_CACHE_URL', value: `redis://${ADDR}/0` }] })] });
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) })),
    namespaceRollouts: [{ deployment: 'login-risk', labels: {}, revisions: [writer] }],
  });
}

describe('analyzeRedisEvictions', () => {
  it('names the Redis at its ceiling evicting the keys the app misses, and the writer that began filling it', () => {
    const [f] = analyzeRedisEvictions(evicting());
    expect(f?.title).toMatch(/^Redis shared-redis\.identity\.svc\.cluster\.local:6379 evicts keys the app needs: at maxmemory \(2Gi\) with maxmemory-policy allkeys-lru, evicted_keys /);
    expect(f?.title).toMatch(/lookups missed \("session not found"\) in 2 pods; login-risk \(a new Deployment, 3h 5m ago\) started writing to the same Redis$/);
    expect(f?.fix).toMatch(/noeviction/);
    expect(needsEvictionWriters({ logs: evicting().logs, pods: evicting().pods, collectedAt: NOW })).toBeDefined();
  });

  it('calls the workload problems, not healthy, and never a crash of it', () => {
    const report = buildTriageReport(evicting(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/evicts keys/);
    expect(report.headline).not.toMatch(/crash|restart|roll(ing)? ?back/i);
  });

  it('says nothing while evicted_keys stays still', () => {
    expect(analyzeRedisEvictions(evicting(false))).toEqual([]);
  });
});
