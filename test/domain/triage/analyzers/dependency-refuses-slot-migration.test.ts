// A Redis Cluster moving slots between masters answers TRYAGAIN to a multi-key command whose keys a
// moving slot splits between source and target. The cluster, the pods and their commands are
// healthy: the Job that reshards the cluster and started just before the first TRYAGAIN is the
// trigger, the errors end with it, and a rollout of the pods just before is cleared, not rolled back.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, needsServerJobRuns } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { NamespaceJobEvidence, NamespaceRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const TRYAGAIN = 'TRYAGAIN Multiple keys request during rehashing of slot';
const stamp = (m: number) => Date.parse(minutesAgo(m));
const refused = (m: number, name: string, args: string[]) => JSON.stringify({ level: 50, time: stamp(m), err: { type: 'ReplyError', message: TRYAGAIN, command: { name, args } }, msg: 'session write failed' });
const SEEDS = [{ name: 'REDIS_CLUSTER_NODES', value: 'sessions-cluster.payments.svc.cluster.local:6379' }];

function reshard(startedAgo: number, over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence {
  return {
    name: 'sessions-cluster-reshard', createdAt: minutesAgo(startedAgo), state: 'running',
    commandAndEnv: ['/bin/sh', '-c', 'redis-cli --cluster rebalance sessions-cluster-0.sessions-cluster.payments.svc.cluster.local:6379 --cluster-use-empty-masters'],
    ...over,
  };
}

/** Two ready pods whose multi-key writes meet TRYAGAIN over the last few minutes; with `rolledOutAgo`, their revision rolled out then. */
function migrating(jobs: NamespaceJobEvidence[], rolledOutAgo?: number): TriageEvidence {
  const hash = rolledOutAgo === undefined ? REV6.hash : REV7.hash;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: hash, startTime: minutesAgo(rolledOutAgo ?? 3 * 24 * 60), containers: [container({ env: SEEDS, ...(rolledOutAgo === undefined ? {} : { image: IMAGE_V15 }) })] }));
  const lines = [refused(6, 'mset', ['s:{u-7}:a', 's:{u-7}:b']), refused(4, 'evalsha', ['3', 's:{u-2}:a', 's:{u-2}:b', 's:{u-2}:c']), refused(1, 'mset', ['s:{u-9}:a', 's:{u-9}:b'])];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    namespaceJobs: { jobs, complete: true },
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, ...(rolledOutAgo === undefined ? {} : { currentRevision: 7 }) }),
    ...(rolledOutAgo === undefined ? {} : { revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0 }), revision(REV7, minutesAgo(rolledOutAgo), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })] }),
  });
}

describe('Redis Cluster refusing multi-key commands during a slot migration (TRYAGAIN)', () => {
  it('reads the Jobs of the namespace when the logs say TRYAGAIN', () => {
    expect(needsServerJobRuns(migrating([]))).toBe(true);
  });

  it('names the migration as the mechanism, the commands it splits, and the resharding Job as the trigger', () => {
    const [f] = analyzeDependencyRefusals(migrating([reshard(7)]));
    expect(f?.title).toMatch(/^Redis sessions-cluster refuses multi-key commands whose keys are split by a slot migration \(TRYAGAIN\) — its MSET and EVALSHA calls — /);
    expect(f?.title).toMatch(/since Job sessions-cluster-reshard started 1m before the first TRYAGAIN \(7m ago\), still running$/);
    expect(f?.fix).toMatch(/^let Job sessions-cluster-reshard finish moving the slots/);
    expect(f?.fix).toMatch(/retry TRYAGAIN/);
    expect(f?.likelyCause).toMatch(/ASK/);
    expect(f?.likelyCause).not.toMatch(/blocker|for everyone/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.datesChange).toBe(true);
  });

  it('reads redis-py\'s TryAgainError, which drops the TRYAGAIN code', () => {
    const py = 'redis.exceptions.TryAgainError: Multiple keys request during rehashing of slot';
    const ev = migrating([]);
    const [f] = analyzeDependencyRefusals({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [py, py] })) });
    expect(f?.title).toMatch(/slot migration \(TRYAGAIN\)/);
  });

  it('says to let the resharding finish and look for an open slot when no Job that talks to the cluster ran just before', () => {
    const [f] = analyzeDependencyRefusals(migrating([reshard(200, { state: 'complete', finishedAt: minutesAgo(150) })]));
    expect(f?.title).not.toMatch(/since Job/);
    expect(f?.fix).toMatch(/let the resharding finish/);
    expect(f?.fix).toMatch(/redis-cli --cluster fix/);
    expect(f?.datesChange).toBeUndefined();
  });

  it('takes no other Deployment\'s release for the resharding: a release moves no slots', () => {
    const c = (tag: string) => [revisionContainer({ image: `registry.example/session-sweeper:${tag}`, env: SEEDS })];
    const sweeper: NamespaceRolloutEvidence = { deployment: 'session-sweeper', labels: {}, revisions: [
      revision({ revision: 4, hash: '6c8d9f7b5a' }, minutesAgo(9), { name: 'session-sweeper-6c8d9f7b5a', replicas: 1, containers: c('2.0.0') }),
      revision({ revision: 3, hash: '4b7c6d5e9f' }, minutesAgo(14 * 24 * 60), { name: 'session-sweeper-4b7c6d5e9f', replicas: 0, containers: c('1.9.1') }),
    ] };
    const [f] = analyzeDependencyRefusals({ ...migrating([]), namespaceRollouts: [sweeper] });
    expect(f?.title).not.toMatch(/session-sweeper|since revision/);
    expect(f?.fix).toMatch(/let the resharding finish/);
  });

  it('clears the pods\' own rollout before the resharding and offers no rollback', () => {
    const report = buildTriageReport(migrating([reshard(7)], 35), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Redis sessions-cluster refuses multi-key commands/);
    expect(report.headline).toMatch(/since Job sessions-cluster-reshard/);
    expect(report.headline).toMatch(/revision 7 \(35m ago\) is not the trigger/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });
});
