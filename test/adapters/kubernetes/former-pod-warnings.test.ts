// Warnings of the workload's pods that are gone: a rollout deletes the old pods within seconds, and
// what the kubelet said while stopping them (a preStop hook that failed) is left only in the
// namespace's Warning events. Their names tell whose they were (<ReplicaSet>-<5>).
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, container, deploymentApp, event, replicaSetOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const target = { service: 'quote', namespace: 'quotes', kind: 'Deployment' as const, name: 'quote' };

function cluster() {
  const tpl = (v: string) => ({ containers: [container({ image: `registry.example.com/quotes/quote:${v}` })] });
  const app = deploymentApp({
    namespace: 'quotes',
    name: 'quote',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 4 * DAYS, template: tpl('1.4.0') }, { revision: 5, createdAgo: 12, template: tpl('1.5.0') }],
    pods: [{ revision: 5, node: threeNodes()[0]?.metadata?.name ?? '', createdAgo: 11 }],
  });
  const old = `${replicaSetOf(app, 4).metadata?.name ?? ''}-x7fkq`;
  const hook = event({ on: { kind: 'Pod', name: old, namespace: 'quotes' }, type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed', firstAgo: 10, lastAgo: 10, fieldPath: 'spec.containers{app}' });
  const otherApp = event({ on: { kind: 'Pod', name: 'quote-worker-5d8f7c9b6d-q2w3e', namespace: 'quotes' }, type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed', firstAgo: 10, lastAgo: 10 });
  const stale = event({ on: { kind: 'Pod', name: `${replicaSetOf(app, 4).metadata?.name ?? ''}-b8rjn`, namespace: 'quotes' }, type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed', firstAgo: 3 * 60, lastAgo: 3 * 60 });
  return { old, objects: [...threeNodes(), ...app.objects, hook, otherApp, stale] };
}

describe('Warnings of the workload\'s pods that are gone', () => {
  it('join its events from the namespace\'s Warning list: the last hour\'s, of pods named by its ReplicaSets only', async () => {
    const c = cluster();
    for (const o of c.objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.events.filter((e) => e.reason === 'FailedPreStopHook').map((e) => e.object.name)).toEqual([c.old]);
  });
});
