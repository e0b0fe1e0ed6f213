// A pod whose containers are ready while the condition of its ALB readiness gate was never written:
// the adapter lists the AWS Load Balancer Controller's pods by its chart's label (any namespace) and
// reads the last run's log of one that crash-loops. Nothing of it is read while the gate is set.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, at, container, crashLoop, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const GATE = 'target-health.elbv2.k8s.aws/k8s-shop-web-0a1b2c3d4e';
const target = { service: 'web', namespace: NS, kind: 'Deployment' as const, name: 'web' };
const VPC = '{"level":"error","logger":"setup","msg":"unable to initialize AWS cloud","error":"failed to get VPC ID: context deadline exceeded"}';

function cluster(gateSet: boolean) {
  const app = deploymentApp({
    namespace: NS, name: 'web', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 40, template: { containers: [container({ image: 'registry.example.com/shop/web:2.0.0' })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 40, ready: gateSet }],
  });
  const p = app.pods[0] as k8s.V1Pod;
  p.spec = { ...p.spec, containers: p.spec?.containers ?? [], readinessGates: [{ conditionType: GATE }] };
  p.status = {
    ...p.status,
    conditions: [
      ...(p.status?.conditions ?? []).map((c) => (c.type === 'Ready' && !gateSet ? { ...c, status: 'False', reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${GATE}" does not exist.` } : c.type === 'ContainersReady' ? { ...c, status: 'True', lastTransitionTime: new Date(at(39)) } : c)),
      ...(gateSet ? [{ type: GATE, status: 'True', lastTransitionTime: new Date(at(38)) }] : []),
    ],
  };
  const lbc = deploymentApp({
    namespace: 'kube-system', name: 'aws-load-balancer-controller', replicas: 1,
    selector: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' },
    revisions: [{ revision: 2, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'controller', image: 'public.ecr.aws/eks/aws-load-balancer-controller:v2.9.2' })] } }],
    pods: [{ revision: 2, node: NODE_B, createdAgo: 38, containers: { controller: crashLoop({ exitCode: 1, finishedAgo: 1, ranSeconds: 10 }, 9) } }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...lbc.objects]) h.fake.add(o);
  for (const q of lbc.pods) h.fake.setLogs('kube-system', nameOf(q), 'controller', { previous: `${VPC}\n` });
}

const writerReads = () => h.fake.requests.filter((r) => r.path.includes('aws-load-balancer-controller') || (r.query['labelSelector'] ?? '').includes('aws-load-balancer-controller'));

describe('the controller that writes a readiness gate the pods wait on', () => {
  it('lists its pods by label and reads the last run of one that crash-loops', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.gateWriter?.gate).toBe(GATE);
    expect(ev.gateWriter?.name).toBe('aws-load-balancer-controller');
    expect(ev.gateWriter?.pods.map((p) => p.namespace)).toEqual(['kube-system']);
    expect(ev.gateWriter?.logs[0]?.previous).toBe(true);
    expect(ev.gateWriter?.logs.flatMap((l) => l.lines).join('\n')).toContain('failed to get VPC ID');
    expect(writerReads()).toHaveLength(2);
  });

  it('reads nothing of it while the gate is set', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.gateWriter).toBeUndefined();
    expect(writerReads()).toEqual([]);
  });
});
