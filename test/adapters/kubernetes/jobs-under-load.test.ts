// A data store whose own log carries load hints (Postgres "checkpoints are occurring too frequently"):
// the adapter lists the namespace's Jobs once (at most 100) and keeps each one's command, args and
// literal env values, so a backup running against it can be told; a quiet log lists none.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, cronJob, nameOf, running, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'orders-pg', namespace: NS, kind: 'StatefulSet' as const, name: 'orders-pg' };
const pgTime = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');

function cluster(opts: { hinted: boolean }) {
  const db = statefulSetApp({
    namespace: NS, name: 'orders-pg', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 20 * DAYS, template: { containers: [container({ name: 'postgres', image: 'postgres:16.4', ports: [5432] })] } }],
    pods: [{ revision: 2, ordinal: 0, node: NODE_A, createdAgo: 20 * DAYS }],
    createdAgo: 90 * DAYS,
  });
  const dump = cronJob({
    namespace: NS, name: 'nightly-dump', schedule: '0 2 * * *',
    template: { containers: [batchContainer({ name: 'dump', image: 'postgres:16.4', command: ['/bin/sh', '-c'], args: ['pg_dump -h orders-pg-0.orders-pg -Fc > /dump/orders.pgdump'], env: [{ name: 'PGUSER', value: 'backup' }] })] },
    jobs: [{ createdAgo: 30, pods: [{ node: NODE_A, createdAgo: 30, containers: { dump: running({ sinceAgo: 29.8 }) } }] }],
  });
  for (const o of [...threeNodes(), ...db.objects, ...dump.objects]) h.fake.add(o);
  const lines = opts.hinted
    ? [`${pgTime(5)} [41] LOG:  checkpoints are occurring too frequently (24 seconds apart)`, `${pgTime(5)} [41] HINT:  Consider increasing the configuration parameter "max_wal_size".`]
    : [`${pgTime(5)} [41] LOG:  checkpoint starting: time`];
  h.fake.setLogs(NS, nameOf(podOf(db, 0)), 'postgres', { current: lines.join('\n') + '\n' });
  return dump;
}

const jobLists = () => h.fake.requests.filter((r) => r.path === `/apis/batch/v1/namespaces/${NS}/jobs`);

describe('the Jobs that may run against a data store whose log carries load hints', () => {
  it('lists the namespace\'s Jobs once, with each pod\'s command, args and literal env values', async () => {
    const dump = cluster({ hinted: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [job] = ev.namespaceJobs?.jobs ?? [];
    expect(job?.name).toBe(nameOf(dump.jobs[0]?.objects[0]));
    expect(job?.commandAndEnv).toEqual(['/bin/sh', '-c', 'pg_dump -h orders-pg-0.orders-pg -Fc > /dump/orders.pgdump', 'PGUSER=backup']);
    expect(jobLists()).toHaveLength(1);
    expect(Number(jobLists()[0]?.query.limit)).toBeLessThanOrEqual(100);
  });

  it('lists none when the log carries no load hint', async () => {
    cluster({ hinted: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs).toBeUndefined();
    expect(jobLists()).toEqual([]);
  });
});
