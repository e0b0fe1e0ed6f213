// The log of the neighbour container that serves a proxy's upstream inside the pod (php-fpm on a
// unix socket behind nginx) is read only where a sampled log says requests fail on that upstream:
// one pod, the containers that share the socket's directory, nothing for a remote upstream.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const target = { service: 'shop-web', namespace: 'shop', kind: 'Deployment' as const, name: 'shop-web' };
const socket = { name: 'php-socket', mountPath: '/run/php' };

function cluster() {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'shop-web',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: {
      containers: [
        container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2-alpine', ports: [8080], volumeMounts: [socket] }),
        container({ name: 'php-fpm', image: 'registry.example.com/shop/web:2.0.1', ports: [], readiness: null, liveness: null, volumeMounts: [socket] }),
        container({ name: 'log-shipper', image: 'docker.io/fluent/fluent-bit:3.1', ports: [], readiness: null, liveness: null }),
      ],
      volumes: [{ name: 'php-socket', emptyDir: {} }],
    } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  return { objects: [...threeNodes(), ...app.objects], pods: [nameOf(podOf(app, 0)), nameOf(podOf(app, 1))] };
}

const failing = (upstream: string) => `2026/11/21 03:10:20 [error] 29#29: *48840 connect() to ${upstream} failed (11: Resource temporarily unavailable) while connecting to upstream, client: 10.0.77.201, server: _, request: "GET / HTTP/1.1", upstream: "fastcgi://${upstream}:", host: "shop.example.com"\n`;

describe('the log of the container that serves a proxy\'s upstream inside the pod', () => {
  it('is read in one pod, for the container that shares the socket\'s directory', async () => {
    const { objects, pods } = cluster();
    for (const o of objects) h.fake.add(o);
    for (const p of pods) {
      h.fake.setLogs('shop', p, 'nginx', { current: failing('unix:/run/php/php-fpm.sock') });
      h.fake.setLogs('shop', p, 'php-fpm', { current: '[21-Nov-2026 03:10:19] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it\n' });
    }
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.logs.filter((l) => l.container === 'php-fpm').map((l) => l.lines[0])).toEqual([expect.stringMatching(/server reached pm\.max_children setting \(5\)/)]);
    expect(h.fake.requests.filter((r) => /\/log/.test(r.path) && r.query.container !== 'nginx').map((r) => r.query.container)).toEqual(['php-fpm']);
  });

  it('is not read when the upstream is a remote server', async () => {
    const { objects, pods } = cluster();
    for (const o of objects) h.fake.add(o);
    for (const p of pods) h.fake.setLogs('shop', p, 'nginx', { current: failing('10.0.44.12:9000') });
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(h.fake.requests.filter((r) => /\/log/.test(r.path) && r.query.container !== 'nginx')).toEqual([]);
  });

  it('is read for the neighbour serving a loopback port the proxy is refused at (an auth proxy in front of the app)', async () => {
    const app = deploymentApp({
      namespace: 'shop',
      name: 'shop-web',
      replicas: 1,
      revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: {
        containers: [
          container({ name: 'web', image: 'registry.example.com/shop/web:2.0.1', ports: [3000] }),
          container({ name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1', ports: [4180] }),
        ],
      } }],
      pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }],
    });
    for (const o of [...threeNodes(), ...app.objects]) h.fake.add(o);
    const pod = nameOf(podOf(app, 0));
    h.fake.setLogs('shop', pod, 'web', { current: `  - Local:        http://${pod}:3000\n` });
    h.fake.setLogs('shop', pod, 'oauth2-proxy', { current: '[2026/11/21 03:11:29] [proxy.go:107] Error proxying to upstream server: dial tcp 127.0.0.1:3000: connect: connection refused\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.logs.map((l) => l.container).sort()).toEqual(['oauth2-proxy', 'web']);
  });
});
