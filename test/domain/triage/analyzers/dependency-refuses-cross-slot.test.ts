// A Redis Cluster refuses a multi-key command whose keys hash to different slots (CROSSSLOT): the
// cluster is healthy and answers every single-key command; the command the client sends is at
// fault, so the fix is in the client (hash tags, or per-key calls) and a revision that brought the
// command is the trigger a rollback undoes.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const crossSlot = (m: number, user: string): string => JSON.stringify({
  level: 50, time: Date.parse(minutesAgo(m)), err: { type: 'ReplyError', message: "CROSSSLOT Keys in request don't hash to the same slot", command: { name: 'mget', args: [`cart:${user}:items`, `cart:${user}:coupon`, 'price:SKU-1'] } }, msg: 'cart read failed',
});
const SEEDS = [{ name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster-0.redis-cluster-headless.payments.svc.cluster.local:6379,redis-cluster-1.redis-cluster-headless.payments.svc.cluster.local:6379' }];

function scenario(lines: string[], recentRevision = false): TriageEvidence {
  const hash = recentRevision ? REV7.hash : REV6.hash;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: hash, startTime: minutesAgo(recentRevision ? 40 : 2 * 24 * 60), containers: [container({ env: SEEDS, ...(recentRevision ? { image: IMAGE_V15 } : {}) })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, ...(recentRevision ? { currentRevision: 7 } : {}) }),
    ...(recentRevision
      ? {
        revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0 }), revision(REV7, minutesAgo(42), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })],
      }
      : {}),
  });
}

describe('a Redis Cluster refusing a multi-key command across hash slots', () => {
  const lines = [crossSlot(20, 'u-1'), crossSlot(10, 'u-2'), crossSlot(1, 'u-3')];

  it('names the cluster the pods call, the command refused, and the client-side fix', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^Redis redis-cluster-headless refuses/);
    expect(f?.title).toMatch(/MGET/);
    expect(f?.title).toMatch(/different hash slots|CROSSSLOT/);
    expect(f?.fix).toMatch(/hash tag/);
    expect(f?.fix).toMatch(/\{/);
    expect(f?.likelyCause).toMatch(/healthy/);
    expect(f?.likelyCause).not.toMatch(/fault is on the Redis side/);
    expect(f?.nextAction).not.toMatch(/^Fix Redis/);
  });

  it('blames the revision that brought the command, with the fix after the rollback', () => {
    const report = buildTriageReport(scenario(lines, true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).toMatch(/MGET/);
    expect(report.headline).toMatch(/hash tag/);
  });

  it('reads redis-py\'s own refusal before sending ("all keys must map to the same key slot")', () => {
    const py = 'redis.exceptions.RedisClusterException: MGET - all keys must map to the same key slot';
    const [f] = analyzeDependencyRefusals(scenario([py, py]));
    expect(f?.title).toMatch(/MGET/);
  });
});
