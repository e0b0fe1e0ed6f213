// Ready pods that began to log errors long after their rollout: the adapter lists the namespace's
// Jobs once (at most 100) so the verdict can name one that ran just before. A workload whose logs
// are clean, or whose failures came right after its rollout, gets no such list.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, cronJob, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'analytics';
const target = { service: 'reports', namespace: NS, kind: 'Deployment' as const, name: 'reports' };
// The kit dates the objects from its own clock: the log lines follow it.
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function cluster(opts: { errors: boolean; rolledOutAgo: number }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'reports',
    replicas: 1,
    revisions: [
      { revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/reports:1.0.0', ports: [8080] })] } },
      { revision: 4, createdAgo: opts.rolledOutAgo, template: { containers: [container({ image: 'registry.example.com/reports:1.0.1', ports: [8080] })] } },
    ],
    pods: [{ revision: 4, node: NODE_A, createdAgo: opts.rolledOutAgo - 1 }],
  });
  const cleanup = cronJob({
    namespace: NS, name: 'nightly-cleanup', schedule: '0 2 * * *',
    template: { containers: [batchContainer({ name: 'cleanup', image: 'registry.example.com/db-maintenance:1.0' })] },
    jobs: [{ createdAgo: 20, pods: [], outcome: { complete: true, ago: 15 } }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...cleanup.objects]) h.fake.add(o);
  const ok = `${stamp(40)} INFO 1 --- [main] c.acme.Reports : report 'daily' done in 9.1s`;
  const err = (m: number) => `${stamp(m)} ERROR 1 --- [exec-1] c.acme.Reports : report 'monthly' failed: ERROR: could not read block 4711`;
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: [ok, ...(opts.errors ? [12, 9, 6, 3, 1].map(err) : [])].join('\n') + '\n' });
  return cleanup;
}

const jobLists = () => h.fake.requests.filter((r) => r.path === `/apis/batch/v1/namespaces/${NS}/jobs`);

describe('the Jobs that ran before failures no rollout explains', () => {
  it('lists the namespace\'s Jobs once, at most 100, when errors began long after the rollout', async () => {
    const cleanup = cluster({ errors: true, rolledOutAgo: 70 });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs?.jobs.map((j) => j.name)).toEqual([nameOf(cleanup.jobs[0]?.objects[0])]);
    expect(ev.namespaceJobs?.jobs[0]).toMatchObject({ owner: { kind: 'CronJob', name: 'nightly-cleanup' }, state: 'complete' });
    expect(jobLists()).toHaveLength(1);
    expect(Number(jobLists()[0]?.query.limit)).toBeLessThanOrEqual(100);
  });

  it('lists none when the logs are clean, or when the errors came right after the rollout', async () => {
    cluster({ errors: false, rolledOutAgo: 70 });
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceJobs).toBeUndefined();
    expect(jobLists()).toEqual([]);
  });

  it('lists none when the rollout came just before the errors', async () => {
    cluster({ errors: true, rolledOutAgo: 14 });
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceJobs).toBeUndefined();
    expect(jobLists()).toEqual([]);
  });
});
