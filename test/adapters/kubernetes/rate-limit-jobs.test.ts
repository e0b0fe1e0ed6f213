// Calls an outside API refuses for their rate (429): the adapter lists the namespace's Jobs once
// (at most 100), even when a rollout of the workload came just before, and keeps for each Job the
// Secrets and ConfigMaps its pods take — by name, never reading a Secret.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, cronJob, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'logistics';
const target = { service: 'validator', namespace: NS, kind: 'Deployment' as const, name: 'validator' };
const py = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, ',$1');
const key = { name: 'PARTNER_API_KEY', valueFrom: { secretKeyRef: { name: 'partner-api', key: 'api-key' } } };

function cluster(opts: { refused: boolean; rolledOutAgo: number }) {
  const tpl = (v: string) => ({ containers: [container({ image: `registry.example.com/validator:${v}`, ports: [8000], env: [key] })] });
  const app = deploymentApp({
    namespace: NS,
    name: 'validator',
    replicas: 1,
    revisions: [
      { revision: 3, createdAgo: 9 * DAYS, template: tpl('1.0.0') },
      { revision: 4, createdAgo: opts.rolledOutAgo, template: tpl('1.0.1') },
    ],
    pods: [{ revision: 4, node: NODE_A, createdAgo: opts.rolledOutAgo - 1 }],
  });
  const backfill = cronJob({
    namespace: NS, name: 'backfill', schedule: '0 * * * *',
    template: {
      containers: [batchContainer({ name: 'backfill', image: 'registry.example.com/backfill:0.3', env: [key] })],
      volumes: [{ name: 'settings', configMap: { name: 'backfill-settings' } }],
    },
    jobs: [{ createdAgo: 14, pods: [] }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...backfill.objects]) h.fake.add(o);
  const ok = (m: number) => `${py(m)} INFO [httpx] HTTP Request: POST https://api.partner.example/v2/verify "HTTP/1.1 200 OK"`;
  const refused = (m: number) => `${py(m)} WARNING [app.partner] partner rejected POST https://api.partner.example/v2/verify: 429 Too Many Requests (Retry-After: 30)`;
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: [ok(12), ...(opts.refused ? [10, 8, 6, 4, 2, 1] : [10, 8, 6]).map(opts.refused ? refused : ok)].join('\n') + '\n' });
  return backfill;
}

const jobLists = () => h.fake.requests.filter((r) => r.path === `/apis/batch/v1/namespaces/${NS}/jobs`);

describe('the Jobs that may share the key an outside API refuses for its rate', () => {
  it('lists the namespace\'s Jobs once, with the Secrets and ConfigMaps their pods take by name, even right after a rollout', async () => {
    const backfill = cluster({ refused: true, rolledOutAgo: 14 });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs?.jobs.map((j) => j.name)).toEqual([nameOf(backfill.jobs[0]?.objects[0])]);
    expect(ev.namespaceJobs?.jobs[0]?.configRefs).toEqual([
      { kind: 'secret', name: 'partner-api', key: 'api-key', via: 'PARTNER_API_KEY' },
      { kind: 'configMap', name: 'backfill-settings', via: 'volume settings' },
    ]);
    expect(jobLists()).toHaveLength(1);
    expect(Number(jobLists()[0]?.query.limit)).toBeLessThanOrEqual(100);
    expect(h.fake.requests.filter((r) => r.path.includes('/secrets'))).toEqual([]);
  });

  it('lists none when the calls are answered', async () => {
    cluster({ refused: false, rolledOutAgo: 14 });
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceJobs).toBeUndefined();
    expect(jobLists()).toEqual([]);
  });
});
