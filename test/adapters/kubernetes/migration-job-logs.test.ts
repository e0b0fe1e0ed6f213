// An app whose prepared statements Postgres refuses because their result type changed (0A000):
// the adapter lists the namespace's Jobs and, for the migration Job that completed just before the
// first refusal, reads one log tail, keeping only the lines that name a migration applied. An app
// failing for another reason reads no Job log.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, deploymentApp, job, nameOf, terminated, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'inventory';
const target = { service: 'inventory-api', namespace: NS, kind: 'Deployment' as const, name: 'inventory-api' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function cluster(err: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'inventory-api',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/inventory-api:7.3.1', ports: [8080], env: [{ name: 'DATABASE_URL', value: 'postgres://api@inventory-db:5432/inventory' }] })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  const mig = job({
    namespace: NS, name: 'inventory-migrate-42', createdAgo: 31,
    template: { containers: [batchContainer({ name: 'migrate', image: 'registry.example.com/inventory-migrations:42', args: ['-path', '/migrations', 'up'] })] },
    pods: [{ createdAgo: 31, node: NODE_A, phase: 'Succeeded', containers: { migrate: terminated({ exitCode: 0, finishedAgo: 30, ranSeconds: 20 }) } }],
    outcome: { complete: true, ago: 30 },
  });
  for (const o of [...threeNodes(), ...app.objects, ...mig.objects]) h.fake.add(o);
  const pod = app.pods[0];
  const lines = [28, 20, 12, 4].flatMap((m) => [`{"time":"${stamp(m)}","level":"ERROR","msg":"query failed","err":"${err}"}`]);
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: lines.join('\n') + '\n' });
  const run = mig.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'migrate', { current: [
    '2026/11/21 02:30:01 Start buffering 42/u add_reserved_qty',
    '2026/11/21 02:30:01 Read and execute 42/u add_reserved_qty',
    '2026/11/21 02:30:21 Finished 42/u add_reserved_qty (read 3.9ms, ran 20.1s)',
    '2026/11/21 02:30:21 Closing source and database',
  ].join('\n') + '\n' });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/inventory-migrate-'));

describe('the migration Job that changed a table under pooled prepared statements', () => {
  it('reads what the Job that completed just before the first 0A000 applied', async () => {
    const { run } = cluster('ERROR: cached plan must not change result type (SQLSTATE 0A000)');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.migrationJobLogs).toHaveLength(1);
    expect(ev.migrationJobLogs?.[0]).toMatchObject({ job: 'inventory-migrate-42', pod: nameOf(run), container: 'migrate' });
    expect(ev.migrationJobLogs?.[0]?.lines).toEqual(['2026/11/21 02:30:21 Finished 42/u add_reserved_qty (read 3.9ms, ran 20.1s)']);
    expect(jobLogReads()).toHaveLength(1);
    expect(Number(jobLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when the queries fail for another reason', async () => {
    cluster('ERROR: canceling statement due to statement timeout (SQLSTATE 57014)');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.migrationJobLogs).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
