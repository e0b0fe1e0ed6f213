import { describe, expect, it } from 'vitest';
import { analyzeUpgradeRequired } from '../../../../src/domain/triage/analyzers/upgrade-required.js';
import { container, baseEvidence, minutesAgo, pod, running, workload } from '../scenarios/builders.js';

const clf = (minutes: number) => {
  const d = new Date(minutesAgo(minutes));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
};
const PATHS = ['/v1/items/7', '/v1/basket', '/v1/items?tag=a', '/v1/offers'];
const refused = (n: number) => Array.from({ length: n }, (_, i) => `10.0.7.${20 + i} - - [${clf(12 - i)}] "GET ${PATHS[i % PATHS.length] ?? '/'} HTTP/1.1" 426 0 "-" "Mozilla/5.0"`);

function evidence(lines: string[], sidecar = true) {
  const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.0', state: running(30) });
  const pods = [0, 1].map((i) => pod(i, { createdAt: minutesAgo(30), containers: [container({ name: 'nginx', image: 'nginx:1.27' }), ...(sidecar ? [proxy] : [])] }));
  return baseEvidence({
    pods,
    workload: workload({ templateContainers: [container({ name: 'nginx', image: 'nginx:1.27' })] }),
    namespaceObjects: [{ kind: 'Namespace', name: 'payments', changedAt: minutesAgo(35), meshInjection: { mesh: 'Istio', setting: 'istio-injection=enabled' } }],
    logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines })),
  });
}

describe('analyzeUpgradeRequired: a proxy answered 426 by its upstream', () => {
  it('names the 426, HTTP/1.0, the Envoy sidecar and the injection as the since', () => {
    const [f] = analyzeUpgradeRequired(evidence(refused(8)));
    expect(f?.title).toContain('nginx of payment-service gets 426 Upgrade Required on its proxied calls (16 of 16 calls under /v1/ in 2 ready pods)');
    expect(f?.title).toContain('since Istio sidecar injection was turned on (namespace payments istio-injection=enabled, changed 35m ago)');
    expect(f?.title).toContain('HTTP/1.0');
    expect(f?.fix).toContain('proxy_http_version 1.1');
  });

  it('without a sidecar still names HTTP/1.1 as what the upstream requires, without a mesh since', () => {
    const [f] = analyzeUpgradeRequired(evidence(refused(8), false));
    expect(f?.title).toContain('its upstream requires HTTP/1.1');
    expect(f?.title).not.toContain('since');
  });

  it('stays silent on a few 426s of one WebSocket path among served requests', () => {
    const ws = Array.from({ length: 6 }, (_, i) => `10.0.7.${20 + i} - - [${clf(12 - i)}] "GET /ws HTTP/1.1" 426 0 "-" "curl/8.5"`);
    const served = Array.from({ length: 20 }, (_, i) => `10.0.7.${40 + i} - - [${clf(12 - i / 2)}] "GET /v1/items/${i} HTTP/1.1" 200 512 "-" "Mozilla/5.0"`);
    expect(analyzeUpgradeRequired(evidence([...ws, ...served]))).toEqual([]);
  });
});
