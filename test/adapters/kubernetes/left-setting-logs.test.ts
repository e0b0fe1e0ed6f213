// An app that searches an index while a Job of the namespace gave up within the day: the adapter
// lists the namespace's Jobs and, for the Job that failed, reads one log tail, keeping only the
// lines that change an index's settings, with how its container ended. An app with no search
// index in its logs reads no Job log.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, deploymentApp, job, jobEvent, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'catalog';
const target = { service: 'catalog-search', namespace: NS, kind: 'Deployment' as const, name: 'catalog-search' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function cluster(appLine: (m: number) => string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'catalog-search',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/catalog-search:2.0.1', ports: [8080] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  const load = job({
    namespace: NS, name: 'catalog-load-manual', createdAgo: 300, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'load', image: 'registry.example.com/catalog-load:1.2.0', args: ['--index', 'catalog_v3'] })] },
    pods: [{ createdAgo: 300, node: NODE_A, phase: 'Failed', containers: { load: { state: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: new Date(stamp(299)), finishedAt: new Date(stamp(250)) } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 250 },
  });
  for (const o of [...threeNodes(), ...app.objects, ...load.objects, jobEvent(load.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 250, 'Warning')]) h.fake.add(o);
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: [40, 20, 5].map(appLine).join('\n') + '\n' });
  const run = load.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'load', { current: [
    'INFO loader: starting load of catalog_v3',
    'INFO loader: PUT /catalog_v3/_settings {"index":{"refresh_interval":"-1"}} -> 200',
    'INFO loader: bulk 12/40 indexed=120000',
  ].join('\n') + '\n' });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/catalog-load-'));

describe('the index settings a failed Job left', () => {
  it('reads which settings the Job that gave up changed, and how it ended', async () => {
    const { run } = cluster((m) => `{"ts":"${stamp(m)}","level":"info","msg":"search","index":"catalog","hits":0}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.leftSettingJobLogs).toHaveLength(1);
    expect(ev.leftSettingJobLogs?.[0]).toMatchObject({ job: 'catalog-load-manual', pod: nameOf(run), container: 'load', terminated: { reason: 'OOMKilled', exitCode: 137 } });
    expect(ev.leftSettingJobLogs?.[0]?.lines).toEqual(['INFO loader: PUT /catalog_v3/_settings {"index":{"refresh_interval":"-1"}} -> 200']);
    expect(jobLogReads()).toHaveLength(1);
    expect(Number(jobLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when the app uses no search index', async () => {
    cluster((m) => `{"ts":"${stamp(m)}","level":"info","msg":"GET /healthz 200"}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.leftSettingJobLogs).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
