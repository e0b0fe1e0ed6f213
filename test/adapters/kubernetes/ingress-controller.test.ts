// A workload served through a Service: the adapter lists the ingress-nginx controller's pods once,
// cluster-wide by label, and reads the log tails of at most two. Nothing of it is read for a
// workload with no Service of its own, and a forbidden controller log neither blocks nor supports a claim.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, ago, NODE_B, container, deploymentApp, exposed, nameOf, namespace, networkPolicy, threeNodes } from '../../triage-corpus/kit/index.js';
import { ipOfPod, podOf } from '../../triage-corpus/kit/held-out.js';
import { COLLECTED_AT, useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const target = { service: 'web', namespace: NS, kind: 'Deployment' as const, name: 'web' };
const CTRL = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };

function cluster(opts: { service: boolean; dropped?: boolean; selector?: Record<string, string>; image?: string }) {
  const web = deploymentApp({
    namespace: NS,
    name: 'web',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/web:1.2.0', ports: [8080] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 2 * DAYS }],
  });
  const ctrl = deploymentApp({
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    replicas: 3,
    selector: opts.selector ?? CTRL,
    revisions: [{ revision: 2, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'controller', image: opts.image ?? 'registry.k8s.io/ingress-nginx/controller:v1.11.3', ports: [80, 443] })] } }],
    pods: [0, 1, 2].map(() => ({ revision: 2, node: NODE_B, createdAgo: 30 * DAYS })),
  });
  // The controller's Namespace re-created by a re-install an hour ago: only the label the API server sets.
  const policy = networkPolicy({ namespace: NS, name: 'web-allow-ingress', createdAgo: 90 * DAYS, podSelector: { app: 'web' }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] });
  const objects = [
    ...threeNodes(), ...web.objects, ...ctrl.objects, namespace({ name: 'ingress-nginx', createdAgo: 60 }),
    ...(opts.service ? exposed({ namespace: NS, name: 'web', selector: { app: 'web' }, pods: web.pods, endpointPort: 8080 }) : []),
    policy,
  ];
  for (const o of objects) h.fake.add(o);
  const ip = ipOfPod(podOf(web, 0));
  const line = (m: number) => {
    const d = new Date(COLLECTED_AT.getTime() - m * 60_000).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
    const message = opts.dropped ? 'upstream timed out (110: Operation timed out) while connecting to upstream' : 'upstream sent too big header while reading response header from upstream';
    return `${d} [error] 31#31: *77 ${message}, client: 81.2.69.142, server: shop.example.com, request: "GET / HTTP/2.0", upstream: "http://${ip}:8080/", host: "shop.example.com"`;
  };
  for (const p of ctrl.pods) h.fake.setLogs('ingress-nginx', nameOf(p), 'controller', { current: `${line(3)}\n${line(1)}\n` });
  return { web, ctrl };
}

const controllerReads = () => h.fake.requests.filter((r) => r.path.includes('/namespaces/ingress-nginx/') || (r.path === '/api/v1/pods' && (r.query.labelSelector ?? '').includes('ingress-nginx')));

describe('the ingress controller in front of a served workload', () => {
  it('lists the controller\'s pods once cluster-wide by label and reads two log tails, which name the workload\'s endpoint', async () => {
    cluster({ service: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController?.controller).toBe('ingress-nginx');
    expect(ev.ingressController?.namespace).toBe('ingress-nginx');
    expect(ev.ingressController?.pods).toHaveLength(3);
    expect(ev.ingressController?.logs).toHaveLength(2);
    expect(ev.ingressController?.logs.flatMap((l) => l.lines).join('\n')).toContain('upstream sent too big header');
    expect(h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/namespaces/ingress-nginx/'))).toHaveLength(2);
  });

  it('gets the controller\'s Namespace (labels, creation) where its connects to the pods time out, and keeps its pods\' labels', async () => {
    cluster({ service: true, dropped: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController?.namespaceMeta?.labels).toEqual({ 'kubernetes.io/metadata.name': 'ingress-nginx' });
    expect(ev.ingressController?.namespaceMeta?.createdAt).toBe(ago(60).toISOString().replace('.000Z', 'Z'));
    expect(ev.ingressController?.podLabels?.['app.kubernetes.io/component']).toBe('controller');
    expect(ev.ingressController?.podIPs).toHaveLength(2);
    expect(ev.networkPolicies?.[0]?.ingressRules).toEqual([{ from: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/ingress-nginx')).toHaveLength(1);
  });

  it('does not get the controller\'s Namespace when its log shows no connect timing out', async () => {
    cluster({ service: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController?.namespaceMeta).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/ingress-nginx')).toEqual([]);
  });

  it('reads nothing of it for a workload no Service routes to', async () => {
    cluster({ service: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController).toBeUndefined();
    expect(controllerReads()).toEqual([]);
  });

  it('finds a controller labelled only with a plain app label by a second list, where it runs the ingress-nginx controller image', async () => {
    cluster({ service: true, selector: { app: 'ingress-nginx-controller' } });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController?.pods).toHaveLength(3);
    expect(ev.ingressController?.logs).toHaveLength(2);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods' && (r.query.labelSelector ?? '').includes('ingress-nginx'))).toHaveLength(2);
  });

  it('keeps nothing of pods with such an app label that run something else', async () => {
    cluster({ service: true, selector: { app: 'nginx-ingress' }, image: 'registry.example.com/edge/nginx:1.27' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.ingressController).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/namespaces/ingress-nginx/'))).toEqual([]);
  });
});
