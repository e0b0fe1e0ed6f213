import { describe, expect, it } from 'vitest';
import { analyzeRedisClientRollout } from '../../../../src/domain/triage/analyzers/redis-client-rollout.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { needsRedisClientRollouts, pickRedisClientToRead } from '../../../../src/domain/triage/redis-client-rollout.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const HOST = 'session-cache.payments.svc.cluster.local';
const timeout = (m: number, k: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"request failed","path":"/v1/orders/o_${100 + k}","status":503,"error":"redis: connection pool timeout"}`;

/** Two pods whose Redis calls time out since 30 minutes ago; another Deployment on the same Redis rolled out 35 minutes ago. */
function sharedRedis(o: { otherEnv?: string; ownWalk?: boolean } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_ADDR', value: `${HOST}:6379` }] })] }));
  const lines = (k: number) => [
    ...Array.from({ length: 8 }, (_, i) => timeout(30 - i * 3 - k * 0.1, i)),
    ...(o.ownWalk ? [`{"level":"info","ts":"${minutesAgo(20)}","msg":"sweep done","cmd":"KEYS sess:*","matched":4200000,"took":"5.1s"}`] : []),
  ];
  const env = (tag: string) => [revisionContainer({ image: `registry.example/report-builder:${tag}`, env: [{ name: 'CACHE_URL', value: o.otherEnv ?? `redis://${HOST}:6379/0` }] })];
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) })),
    namespaceRollouts: [{ deployment: 'report-builder', labels: {}, revisions: [
      revision({ revision: 9, hash: '6d5f8c7b9a' }, minutesAgo(35), { name: 'report-builder-6d5f8c7b9a', replicas: 2, containers: env('1.5.0') }),
      revision({ revision: 8, hash: '58c9d7f6b4' }, minutesAgo(12 * 24 * 60), { name: 'report-builder-58c9d7f6b4', replicas: 0, containers: env('1.4.2') }),
    ] }],
  });
}

describe('analyzeRedisClientRollout', () => {
  it('names the other client of the same Redis that rolled out just before the timeouts, and rolls it back first', () => {
    const ev = sharedRedis();
    expect(needsRedisClientRollouts({ ...ev, collectedAt: NOW })).toBeDefined();
    const [f] = analyzeRedisClientRollout(ev);
    expect(f?.title).toMatch(/^Redis session-cache answers this workload's calls too late \(16 Redis timeouts in 2 pods since 30m ago\) right after report-builder rolled out revision 9/);
    expect(f?.title).toMatch(/1\.4\.2 → 1\.5\.0/);
    expect(f?.nextAction).toMatch(/^Roll back report-builder to revision 8/);
    expect(f?.nextAction).toMatch(/SCAN/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/report-builder rolled out revision 9/);
    expect(report.headline).not.toMatch(/payment-service[^\n]*(roll ?back|undo)/i);
  });

  it('quotes the blocking command the other client\'s own log shows it runs', () => {
    const ev = sharedRedis();
    ev.redisClientLogs = [{ pod: 'report-builder-6d5f8c7b9a-x2kqj', container: 'app', previous: false, lines: [0, 1, 2, 3].map((i) =>
      `{"level":"info","ts":"${minutesAgo(30 - i * 5)}","msg":"rebuild done","cmd":"KEYS report:*","matched":${3_100_000 + i},"took":"${4 + i * 0.5}s"}`) }];
    expect(pickRedisClientToRead({ ...ev, collectedAt: NOW }, ev.namespaceRollouts ?? [])).toEqual({ deployment: 'report-builder', hash: '6d5f8c7b9a' });
    const [f] = analyzeRedisClientRollout(ev);
    expect(f?.title).toMatch(/whose log shows KEYS report:\* over ~3\.1 million keys, 4\.0–5\.5 s a run/);
    expect(f?.confidence).toBe('high');
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/KEYS report:\*/);
  });

  it('finds nothing when the other Deployment uses another Redis, or when the workload runs a blocking command of its own', () => {
    expect(analyzeRedisClientRollout(sharedRedis({ otherEnv: 'redis://other-cache.payments.svc.cluster.local:6379/0' }))).toEqual([]);
    expect(analyzeRedisClientRollout(sharedRedis({ ownWalk: true }))).toEqual([]);
  });
});
