// An app that waits at start-up for its migration tool's lock (Liquibase's changelog lock): the
// adapter lists the namespace's Jobs and, for a migration Job that failed within the day, reads one
// log tail with how its container ended, keeping the lines about the lock and its last steps. An
// app that does not wait for the lock reads no Job log.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, batchContainer, container, deploymentApp, job, nameOf, terminated, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'ledger-api', namespace: NS, kind: 'Deployment' as const, name: 'ledger-api' };

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'ledger-api',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger-api:2.0.0', ports: [8080] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  const mig = job({
    namespace: NS, name: 'ledger-api-migrate-2-0-0', createdAgo: 50, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'liquibase', image: 'registry.example.com/ledger-api:2.0.0', args: ['--changelog-file=db/changelog.yaml', 'update'], memory: '256Mi' })] },
    pods: [{ node: NODE_A, phase: 'Failed', createdAgo: 50, containers: { liquibase: terminated({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 40, ranSeconds: 500 }) } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 40 },
  });
  for (const o of [...threeNodes(), ...app.objects, ...mig.objects]) h.fake.add(o);
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: appLog });
  const run = mig.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'liquibase', { current: [
    'Liquibase Version: 4.29.2',
    'INFO [liquibase.lockservice] Successfully acquired change log lock',
    'INFO [liquibase.changelog] Reading from public.databasechangelog',
    'Running Changeset: db/changelog.yaml::7::team',
    'INFO [liquibase.executor] Executing customChange on 900000 rows',
  ].join('\n') + '\n' });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/ledger-api-migrate-'));

describe('the migration Jobs that may hold the lock the app waits for', () => {
  it('reads a migration Job that failed within the day: how it ended and what it said of the lock', async () => {
    const { run } = cluster('2026-11-21T03:10:01.900Z  INFO 1 --- [main] liquibase.lockservice : Waiting for changelog lock....\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.migrationLockRuns).toHaveLength(1);
    expect(ev.migrationLockRuns?.[0]).toMatchObject({ job: 'ledger-api-migrate-2-0-0', pod: nameOf(run), container: 'liquibase', state: 'failed', terminated: { reason: 'OOMKilled', exitCode: 137 } });
    expect(ev.migrationLockRuns?.[0]?.lines).toEqual([
      'INFO [liquibase.lockservice] Successfully acquired change log lock',
      'INFO [liquibase.changelog] Reading from public.databasechangelog',
      'Running Changeset: db/changelog.yaml::7::team',
      'INFO [liquibase.executor] Executing customChange on 900000 rows',
    ]);
    expect(jobLogReads()).toHaveLength(1);
    expect(Number(jobLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when the app does not wait for a migration lock', async () => {
    cluster('2026-11-21T03:10:01.900Z  INFO 1 --- [main] liquibase.lockservice : Successfully acquired change log lock\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.migrationLockRuns).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
