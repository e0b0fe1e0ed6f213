import { describe, expect, it } from 'vitest';
import { analyzeProxyReload } from '../../../../src/domain/triage/analyzers/proxy-reload.js';
import type { EventEvidence, LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ReloadConfigEvidence } from '../../../../src/domain/triage/evidence-reload-config.js';
import { findControllerConfigMap, findDirectiveLines, findRejectedDirective, findReloadFailure, pickReloadConfigRead } from '../../../../src/domain/triage/proxy-reload.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

const NS = 'ingress-nginx';
const RULE = '-------------------------------------------------------------------------------';
/** What ingress-nginx puts in its RELOAD event and its log when nginx -t rejects the rendered config. */
const testFailed = (t: string, pid: number, file: string) =>
  `${RULE}\nError: exit status 1\n2026/11/21 ${t} [emerg] ${pid}#${pid}: unknown directive "proxy_buffers_size" in ${file}:312\nnginx: [emerg] unknown directive "proxy_buffers_size" in ${file}:312\nnginx: configuration file ${file} test failed\n\n${RULE}`;
const ARGS = ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443'];
const ENV = [{ name: 'POD_NAME', ref: { kind: 'field' as const, key: 'metadata.name' } }, { name: 'POD_NAMESPACE', ref: { kind: 'field' as const, key: 'metadata.namespace' } }];

function controllerPods(o: { ready?: boolean } = {}): PodEvidence[] {
  return [0, 1].map((i) =>
    pod(i, {
      name: `ingress-nginx-controller-9bdlcswnfh-${['ngmjc', 'zvrvp'][i] ?? ''}`,
      ready: o.ready ?? true,
      labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      containers: [container({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', args: ARGS, env: ENV, ready: o.ready ?? true })],
    }),
  );
}

const reloadEvent = (p: PodEvidence, k: number): EventEvidence =>
  event({
    object: { kind: 'Pod', name: p.name, namespace: NS },
    reason: 'RELOAD',
    message: `(combined from similar events): Error reloading NGINX: \n${testFailed('03:12:48', 1359 + k, `/tmp/nginx/nginx-cfg298847945${k}`)}\n`,
    count: 8,
    firstSeen: minutesAgo(46.9),
    lastSeen: minutesAgo(1.2),
    source: 'nginx-ingress-controller',
  });

const controllerLog = (p: PodEvidence): LogEvidence => ({
  pod: p.name,
  container: 'controller',
  previous: false,
  lines: [
    'I1121 03:12:47.700000       7 controller.go:193] "Configuration changes detected, backend reload required"',
    'E1121 03:12:47.995000       7 controller.go:205] Unexpected failure reloading the backend:',
    ...testFailed('03:12:48', 1285, '/tmp/nginx/nginx-cfg2988269996').split('\n'),
    '198.51.100.9 - - [21/Nov/2026:03:13:22 +0000] "GET /api/cart HTTP/2.0" 200 912 "https://shop.acme-retail.com/" "Mozilla/5.0" 58 0.011 [shop-storefront-web-80] [] 10.0.33.17:8080 912 0.011 200 3f1c',
  ],
});

function failingController(o: { events?: boolean; logs?: boolean; ready?: boolean; reloadConfig?: ReloadConfigEvidence; extraEvents?: EventEvidence[] } = {}): TriageEvidence {
  const pods = controllerPods(o.ready === undefined ? {} : { ready: o.ready });
  return baseEvidence({
    target: { service: 'ingress-nginx-controller', namespace: NS, kind: 'Deployment', name: 'ingress-nginx-controller', context: 'prod-eu-west-1' },
    pods,
    events: [...(o.events === false ? [] : pods.map(reloadEvent)), ...(o.extraEvents ?? [])],
    logs: o.logs === false ? [] : pods.map(controllerLog),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'ingress-nginx-controller', createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(47), keys: ['use-forwarded-headers', 'http-snippet'] }],
    hpas: [],
    ...(o.reloadConfig ? { reloadConfig: o.reloadConfig } : {}),
  });
}

const READ: ReloadConfigEvidence = {
  namespace: NS,
  configMap: 'ingress-nginx-controller',
  directive: 'proxy_buffers_size',
  lines: [{ key: 'http-snippet', line: 'proxy_buffers_size 16k;' }],
  changedAt: minutesAgo(47),
  changedBy: 'kubectl-edit',
};

describe('a proxy whose reloads fail its config test', () => {
  it('reads the directive from nginx\'s and HAProxy\'s wordings', () => {
    expect(findRejectedDirective('unknown directive "proxy_buffers_size" in /tmp/nginx/nginx-cfg1:312')).toBe('proxy_buffers_size');
    expect(findRejectedDirective('"proxy_pass" directive is not allowed here in /tmp/nginx/nginx-cfg1:40')).toBe('proxy_pass');
    expect(findRejectedDirective('invalid number of arguments in "more_set_headers" directive in /tmp/nginx/nginx-cfg1:88')).toBe('more_set_headers');
    expect(findRejectedDirective('unknown "upstream_adr" variable')).toBe('$upstream_adr');
    expect(findRejectedDirective("parsing [/etc/haproxy/haproxy.cfg:37] : unknown keyword 'timeout-connect' in 'defaults' section")).toBe('timeout-connect');
  });

  it('takes nginx\'s [emerg] message from the RELOAD event, not the rule of dashes, and counts the failed reloads', () => {
    const f = findReloadFailure(failingController({ logs: false }));
    expect(f).toMatchObject({ proxy: 'nginx', message: expect.stringMatching(/^unknown directive "proxy_buffers_size" in \/tmp\/nginx\/nginx-cfg298847945\d:312$/), directive: 'proxy_buffers_size', count: 16, firstSeen: minutesAgo(46.9) });
    expect(f?.pods).toHaveLength(2);
  });

  it('reads it from the controller\'s log alone when no event was kept', () => {
    const f = findReloadFailure(failingController({ events: false }));
    expect(f).toMatchObject({ proxy: 'nginx', directive: 'proxy_buffers_size', message: 'unknown directive "proxy_buffers_size" in /tmp/nginx/nginx-cfg2988269996:312' });
    expect(f?.logLines.map((l) => l.line)).toContain('E1121 03:12:47.995000       7 controller.go:205] Unexpected failure reloading the backend:');
  });

  it('reads HAProxy\'s [ALERT] the same way, from a controller log that says the reload failed', () => {
    const pods = controllerPods();
    const logs: LogEvidence[] = pods.map((p) => ({
      pod: p.name,
      container: 'controller',
      previous: false,
      lines: [
        'E1121 03:12:48.104220       1 instance.go:341] error reloading server:',
        '[NOTICE]   (231) : haproxy version is 2.8.5-aaba8d0',
        "[ALERT]    (231) : config : parsing [/etc/haproxy/haproxy.cfg:37] : unknown keyword 'timeout-connect' in 'defaults' section; did you mean 'timeout' maybe ?",
        '[ALERT]    (231) : config : Fatal errors found in configuration.',
      ],
    }));
    expect(findReloadFailure({ events: [], logs, pods })).toMatchObject({ proxy: 'HAProxy', directive: 'timeout-connect', message: expect.stringMatching(/^parsing \[\/etc\/haproxy\/haproxy\.cfg:37\] : unknown keyword 'timeout-connect'/) });
  });

  it('is no reload failure when nginx cannot start at all (no pod Ready), nor once a reload succeeded since', () => {
    expect(findReloadFailure(failingController({ ready: false }))).toBeUndefined();
    const ok = (name: string) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason: 'RELOAD', message: 'NGINX reload triggered due to a change in configuration', lastSeen: minutesAgo(0.5), source: 'nginx-ingress-controller' });
    const pods = controllerPods();
    expect(findReloadFailure(failingController({ logs: false, extraEvents: pods.map((p) => ok(p.name)) }))).toBeUndefined();
  });

  it('finds the ConfigMap the controller renders from in its --configmap argument, $(POD_NAMESPACE) resolved', () => {
    expect(findControllerConfigMap(controllerPods(), NS)).toEqual({ namespace: NS, name: 'ingress-nginx-controller' });
    expect(pickReloadConfigRead(failingController(), NS)).toEqual({ namespace: NS, name: 'ingress-nginx-controller', directive: 'proxy_buffers_size' });
    // No reload failure: nothing to read.
    expect(pickReloadConfigRead({ ...failingController({ events: false, logs: false }) }, NS)).toBeUndefined();
  });

  it('finds which key of the ConfigMap holds the directive: a snippet\'s line, or an option key rendered as it', () => {
    const data = { 'use-forwarded-headers': 'true', 'http-snippet': '# NET-3318: proxy_buffers_size was too small\nproxy_buffers_size 16k;\nlarge_client_header_buffers 8 32k;\n', 'server-snippet': 'proxy_buffers_size_x on;' };
    expect(findDirectiveLines(data, 'proxy_buffers_size')).toEqual([{ key: 'http-snippet', line: 'proxy_buffers_size 16k;' }]);
    expect(findDirectiveLines({ 'proxy-buffer-size': '16kk' }, 'proxy_buffer_size')).toEqual([{ key: 'proxy-buffer-size', line: 'proxy-buffer-size: 16kk' }]);
  });

  it('says nginx cannot reload, keeps the last good configuration, and where the rejected line comes from and when it changed', () => {
    const [f] = analyzeProxyReload(failingController({ reloadConfig: READ }));
    expect(f?.title).toBe(
      'nginx cannot reload on 2 pods: nginx -t rejects the generated config — unknown directive "proxy_buffers_size" — so it keeps serving the last good configuration (new Ingresses and changes are not applied; 16 failed reloads in 45m); "proxy_buffers_size 16k;" comes from key http-snippet of ConfigMap ingress-nginx/ingress-nginx-controller, changed 47m ago by kubectl-edit, just before the first failure',
    );
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/^correct or remove "proxy_buffers_size 16k;" in key http-snippet of ConfigMap ingress-nginx\/ingress-nginx-controller; a restart would not help/);
    expect(`${f?.nextAction} ${f?.fix}`).not.toMatch(/rollout restart|(delete|restart) the (controller )?pods|roll back/i);
    expect(f?.confirmCommands).toContain('kubectl get configmap ingress-nginx-controller -o yaml -n ingress-nginx --context prod-eu-west-1');
  });

  it('without the ConfigMap\'s data, says where to look rather than claim a key', () => {
    const [f] = analyzeProxyReload(failingController());
    expect(f?.title).toMatch(/find where proxy_buffers_size comes from: ConfigMap ingress-nginx\/ingress-nginx-controller \(http-snippet, server-snippet, location-snippet, main-snippet\), changed 47m ago or an Ingress's snippet annotation/);
    const [none] = analyzeProxyReload(failingController({ reloadConfig: { ...READ, lines: [] } }));
    expect(none?.title).toMatch(/proxy_buffers_size is in no key of ConfigMap ingress-nginx\/ingress-nginx-controller, changed 47m ago by kubectl-edit: look in an Ingress's snippet annotation/);
  });

  it('leads the verdict instead of the raw RELOAD event', () => {
    const report = buildTriageReport(failingController({ reloadConfig: READ }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^nginx cannot reload on 2 pods: .*unknown directive "proxy_buffers_size".*key http-snippet of ConfigMap ingress-nginx\/ingress-nginx-controller/);
    expect(report.headline).not.toMatch(/-{10}|no change found/);
    expect(report.findings.filter((x) => x.kind === 'unexplained')).toEqual([]);
  });
});
