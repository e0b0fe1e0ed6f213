// The events of the Kueue Workload a suspended Job waits on: read only for a suspended Job whose
// CreatedWorkload event names its Workload, one field-selector query for it.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { NOW, batchContainer, event, job, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'analytics';
const JOB = 'cohort-rebuild-77';
const WORKLOAD = `job-${JOB}-a1b2c`;
const target = { service: JOB, namespace: NS, kind: 'Job' as const, name: JOB };

function cluster(suspend: boolean): k8s.KubernetesObject[] {
  const built = job({ namespace: NS, name: JOB, completions: 1, parallelism: 1, backoffLimit: 3, createdAgo: 30, template: { containers: [batchContainer({ name: 'main', image: 'registry.example.com/analytics/rebuild:1.2.0' })] }, pods: [] });
  const j = built.objects[0] as k8s.V1Job;
  j.metadata = { ...j.metadata, labels: { ...j.metadata?.labels, 'kueue.x-k8s.io/queue-name': 'batch' } };
  if (j.spec) j.spec.suspend = suspend;
  return [
    ...threeNodes(), ...built.objects,
    event({ on: j, type: 'Normal', reason: 'CreatedWorkload', message: `Created Workload: ${NS}/${WORKLOAD}`, firstAgo: 30, lastAgo: 30, component: 'kueue-job-controller' }),
    event({ on: { kind: 'Workload', name: WORKLOAD, namespace: NS }, type: 'Normal', reason: 'Pending', message: 'couldn\'t assign flavors to pod set main: insufficient unused quota for cpu in flavor standard, 6 more needed', count: 12, firstAgo: 29, lastAgo: 1, component: 'kueue-admission' }),
  ];
}

function workloadQueries(): string[] {
  return h.fake.requests.filter((r) => r.path.endsWith('/events')).map((r) => String(r.query['fieldSelector'] ?? '')).filter((s) => s.startsWith('involvedObject.kind=Workload,'));
}

describe('events of the Kueue Workload a suspended Job waits on', () => {
  it('reads the Workload its CreatedWorkload event names, and its Pending reason joins the events', async () => {
    for (const o of cluster(true)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(workloadQueries()).toEqual([`involvedObject.kind=Workload,involvedObject.name=${WORKLOAD}`]);
    expect(ev.events.find((e) => e.object.kind === 'Workload')?.message).toContain('6 more needed');
  });

  it('reads none for a Job that runs', async () => {
    for (const o of cluster(false)) h.fake.add(o);
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(workloadQueries()).toEqual([]);
  });
});
