// Meshed pods that log errors: the adapter reads one Linkerd proxy sidecar's log, and only where it
// says the control plane is out of reach, lists the control plane's pods in the namespace the proxy's
// destination address names and reads the last run of one that is not ready.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, crashLoop, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'orders';
const CP = 'mesh';
const target = { service: 'checkout', namespace: NS, kind: 'Deployment' as const, name: 'checkout' };
const LOST = 'WARN ThreadId(01) outbound:proxy{addr=10.96.0.9:80}:service{ns=orders name=ledger port=80}:controller{addr=linkerd-dst-headless.mesh.svc.cluster.local:8086}: linkerd_app_core::control: Failed to resolve control-plane component error=no record found';
const FINE = 'INFO ThreadId(01) linkerd2_proxy: Admin interface on 0.0.0.0:4191';

function cluster(proxyLine: string) {
  const proxy = container({ name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10', env: [{ name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: `linkerd-dst-headless.${CP}.svc.cluster.local.:8086` }] });
  const app = deploymentApp({
    namespace: NS, name: 'checkout', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/orders/checkout:1.2.0' }), proxy] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }],
  });
  const dst = deploymentApp({
    namespace: CP, name: 'linkerd-destination', replicas: 1,
    selector: { 'linkerd.io/control-plane-ns': CP, 'linkerd.io/control-plane-component': 'destination' },
    revisions: [{ revision: 2, createdAgo: 20 * DAYS, template: { containers: [container({ name: 'destination', image: 'cr.l5d.io/linkerd/controller:stable-2.14.10' })] } }],
    pods: [{ revision: 2, node: NODE_B, createdAgo: 20 * DAYS, ready: false, containers: { destination: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2, ranSeconds: 60 }, 20) } }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...dst.objects]) h.fake.add(o);
  for (const p of app.pods) {
    h.fake.setLogs(NS, nameOf(p), 'app', { current: '{"level":"error","status":503,"msg":"upstream request failed"}\n{"level":"error","status":503,"msg":"upstream request failed"}\n' });
    h.fake.setLogs(NS, nameOf(p), 'linkerd-proxy', { current: `${proxyLine}\n` });
  }
  for (const p of dst.pods) h.fake.setLogs(CP, nameOf(p), 'destination', { previous: 'level=info msg="waiting for caches to sync"\n' });
}

const controlPlaneReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${CP}/`));

describe('the mesh control plane behind the workload\'s proxies', () => {
  it('reads the proxy log, then the control plane its destination address names', async () => {
    cluster(LOST);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.meshControlPlane?.namespace).toBe(CP);
    expect(ev.meshControlPlane?.proxyLog.lines).toEqual([LOST]);
    expect(ev.meshControlPlane?.pods?.map((p) => p.ready)).toEqual([false]);
    expect(ev.meshControlPlane?.logs[0]?.previous).toBe(true);
    expect(controlPlaneReads()).toHaveLength(2);
  });

  it('reads no control plane while the proxy reaches it', async () => {
    cluster(FINE);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.meshControlPlane?.pods).toBeUndefined();
    expect(controlPlaneReads()).toEqual([]);
  });
});
