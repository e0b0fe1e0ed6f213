// An nginx whose reloads fail its config test (ingress-nginx's RELOAD "Error reloading NGINX" with
// nginx's [emerg]): the ConfigMap its controller's --configmap argument names is got, once, and only
// the lines naming the rejected directive are kept (never the rest of its data, never a Secret).
// Nothing is got while no reload fails.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, event, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ingress-nginx';
const target = { service: 'ingress-nginx-controller', namespace: NS, kind: 'Deployment' as const, name: 'ingress-nginx-controller' };
const RULE = '-------------------------------------------------------------------------------';
const FAILED = `Error reloading NGINX: \n${RULE}\nError: exit status 1\n2026/11/21 03:12:48 [emerg] 1359#1359: unknown directive "proxy_buffers_size" in /tmp/nginx/nginx-cfg2988479454:312\nnginx: [emerg] unknown directive "proxy_buffers_size" in /tmp/nginx/nginx-cfg2988479454:312\nnginx: configuration file /tmp/nginx/nginx-cfg2988479454 test failed\n\n${RULE}\n`;

function cluster(o: { failing: boolean }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'ingress-nginx-controller',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, template: { containers: [container({
      name: 'controller',
      image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3',
      args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller'],
      env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
    })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'ingress-nginx-controller', createdAgo: 400 * DAYS, updatedAgo: 47, data: { 'use-forwarded-headers': 'true', 'http-snippet': 'proxy_buffers_size 16k;\nlarge_client_header_buffers 8 32k;\n', 'main-snippet': 'env SIGNING_KEY=hunter2;' } });
  const [p] = app.pods;
  const failures = o.failing && p !== undefined ? [event({ on: p, reason: 'RELOAD', message: `(combined from similar events): ${FAILED}`, count: 8, firstAgo: 46.9, lastAgo: 1.2, component: 'nginx-ingress-controller' })] : [];
  for (const x of [...threeNodes(), ...app.objects, cm, ...failures]) h.fake.add(x);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'controller', { current: 'I1121 03:12:47.700000       7 controller.go:193] "Configuration changes detected, backend reload required"\n' });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMap an nginx that fails its reloads is rendered from', () => {
  it('gets the ConfigMap --configmap names and keeps only the lines naming the rejected directive, with its last write', async () => {
    cluster({ failing: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/ingress-nginx-controller`]);
    expect(secretReads()).toEqual([]);
    expect(ev.reloadConfig).toEqual({ namespace: NS, configMap: 'ingress-nginx-controller', directive: 'proxy_buffers_size', lines: [{ key: 'http-snippet', line: 'proxy_buffers_size 16k;' }], changedAt: '2026-11-21T02:27:00Z', changedBy: 'kubectl-edit' });
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('gets no ConfigMap while no reload fails', async () => {
    cluster({ failing: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.reloadConfig).toBeUndefined();
  });
});
