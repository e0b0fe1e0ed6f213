// Redis answers WRONGTYPE when a key exists with another data type than the command expects: a
// release that changed how a key family is stored (a hash → a JSON string) under the same names,
// while keys the old version wrote are still there. Redis is healthy; the key layout is at fault,
// so the fix is a new key prefix for the new type or migrating the old keys.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const wrongType = (m: number, member: string): string => JSON.stringify({
  level: 50, time: Date.parse(minutesAgo(m)), memberId: member,
  err: { type: 'ReplyError', message: 'WRONGTYPE Operation against a key holding the wrong kind of value', command: { name: 'get', args: [`loyalty:balance:${member}`] } },
  msg: 'balance cache read failed',
});
const REDIS = [{ name: 'REDIS_URL', value: 'redis://loyalty-redis.rewards.svc.cluster.local:6379/0' }];

function scenario(lines: string[], recentRevision = false): TriageEvidence {
  const hash = recentRevision ? REV7.hash : REV6.hash;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: hash, startTime: minutesAgo(recentRevision ? 40 : 2 * 24 * 60), containers: [container({ env: REDIS, ...(recentRevision ? { image: IMAGE_V15 } : {}) })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, ...(recentRevision ? { currentRevision: 7 } : {}) }),
    ...(recentRevision
      ? { revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0 }), revision(REV7, minutesAgo(42), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })] }
      : {}),
  });
}

describe('Redis answering WRONGTYPE on a key family stored in another type', () => {
  const lines = [wrongType(20, 'u_1'), wrongType(10, 'u_22'), wrongType(1, 'u_303')];

  it('names the Redis the pods call, the key family and the command, without calling Redis at fault', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^Redis loyalty-redis /);
    expect(f?.title).toMatch(/WRONGTYPE/);
    expect(f?.title).toMatch(/GET/);
    expect(f?.title).toMatch(/loyalty:balance:\*/);
    // The server answers what it is asked: it neither refuses nor needs a restart.
    expect(f?.title).not.toMatch(/loyalty-redis[^\n]*(refus|restart|down)/i);
    expect(f?.likelyCause).toMatch(/healthy/);
    expect(f?.likelyCause).not.toMatch(/fault is on the Redis side/);
    expect(f?.fix).toMatch(/new key prefix|own key prefix/);
    expect(f?.fix).toMatch(/loyalty:balance/);
    expect(f?.fix).toMatch(/migrate|delete/);
    expect(f?.nextAction).not.toMatch(/^Fix Redis/);
  });

  it('blames the revision that changed the key layout, with the key fix after the rollback', () => {
    const report = buildTriageReport(scenario(lines, true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).toMatch(/WRONGTYPE/);
    expect(report.headline).toMatch(/loyalty:balance/);
  });

  it('reads the key from a plain "key=" field when the client logs no command args', () => {
    const line = (k: string): string => `level=error msg="cache read failed" key=session:${k} err="WRONGTYPE Operation against a key holding the wrong kind of value"`;
    const [f] = analyzeDependencyRefusals(scenario([line('a81f'), line('9c20')]));
    expect(f?.title).toMatch(/session:\*/);
  });
});
