// An app whose writes are refused as read-only: the adapter lists the namespace's Jobs and, for a
// database Job that ran hours before, reads one log tail, keeping only the lines that set or reset
// a read-only setting. An app with no such refusal reads no Job log.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, deploymentApp, job, jobEvent, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'invoice-api', namespace: NS, kind: 'Deployment' as const, name: 'invoice-api' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function cluster(appLine: (m: number) => string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'invoice-api',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/invoice-api:3.1.0', ports: [8080] })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  const freeze = job({
    namespace: NS, name: 'invoice-prune-manual', createdAgo: 170, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'prune', image: 'registry.example.com/pg-tools:16', command: ['/bin/bash', '-xc', 'psql -c "..."'], env: [{ name: 'PGHOST', value: 'invoice-db' }] })] },
    pods: [{ createdAgo: 170, node: NODE_A, phase: 'Failed', containers: { prune: { state: { terminated: { exitCode: 1, reason: 'Error', startedAt: new Date(stamp(169)), finishedAt: new Date(stamp(160)) } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 160 },
  });
  for (const o of [...threeNodes(), ...app.objects, ...freeze.objects, jobEvent(freeze.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 160, 'Warning')]) h.fake.add(o);
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: [40, 20, 5].map(appLine).join('\n') + '\n' });
  const run = freeze.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'prune', { current: [
    "+ psql -c 'ALTER DATABASE invoices SET default_transaction_read_only = on;'",
    'ALTER DATABASE',
    '+ pg_dump --table=public.invoices_2024 --file=/work/out.dump',
    'pg_dump: error: could not open output file "/work/out.dump": No space left on device',
  ].join('\n') + '\n' });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/invoice-prune-'));

describe('the read-only setting a Job left on', () => {
  it('reads the lines of a database Job of the day that set a read-only setting', async () => {
    const { run } = cluster((m) => `{"ts":"${stamp(m)}","level":"error","msg":"insert failed","err":"ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readOnlyJobLogs).toHaveLength(1);
    expect(ev.readOnlyJobLogs?.[0]).toMatchObject({ job: 'invoice-prune-manual', pod: nameOf(run), container: 'prune', state: 'failed' });
    expect(ev.readOnlyJobLogs?.[0]?.lines).toEqual(["+ psql -c 'ALTER DATABASE invoices SET default_transaction_read_only = on;'"]);
    expect(jobLogReads()).toHaveLength(1);
    expect(Number(jobLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when no write is refused as read-only', async () => {
    cluster((m) => `{"ts":"${stamp(m)}","level":"info","msg":"GET /healthz 200"}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readOnlyJobLogs).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
