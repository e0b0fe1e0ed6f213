import { describe, expect, it } from 'vitest';
import { analyzeProxyHeaderBuffer } from '../../../../src/domain/triage/analyzers/proxy-header-buffer.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findHeaderBufferFailures, parseHeaderBufferFailure } from '../../../../src/domain/triage/proxy-header-buffer.js';
import { REV7, baseEvidence, container, minutesAgo, pod, revision } from '../scenarios/builders.js';

const tooBig = (t: string, path: string) =>
  `2024/05/02 ${t} [error] 31#31: *5120 upstream sent too big header while reading response header from upstream, client: 10.4.1.9, server: shop.example.org, request: "GET ${path}?next=1 HTTP/1.1", upstream: "http://127.0.0.1:8000${path}", host: "shop.example.org"`;
const access = (t: string, path: string, status: number) => `10.4.1.9 - - [02/May/2024:${t} +0000] "GET ${path} HTTP/1.1" ${status} 150 "-" "Mozilla/5.0"`;
const PROXY_LOG = [
  access('09:00:00', '/static/app.css', 200),
  tooBig('09:01:10', '/signin/return'), access('09:01:10', '/signin/return', 502),
  tooBig('09:03:40', '/signin/return'), access('09:03:40', '/signin/return', 502),
  tooBig('09:06:05', '/profile'), access('09:06:05', '/profile', 502),
];

/** An nginx sidecar in front of the app on 127.0.0.1:8000, its conf from a mounted ConfigMap. */
function proxyInFront(proxyLog: string[] = PROXY_LOG): TriageEvidence {
  const mounts = [{ name: 'proxy-conf', mountPath: '/etc/nginx/conf.d' }];
  const nginx = container({ name: 'edge', image: 'nginx:1.25-alpine', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(30) } } });
  const app = container({ name: 'web', ports: [{ name: 'web', containerPort: 8000, protocol: 'TCP' }], state: { running: { startedAt: minutesAgo(30) } } });
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [app, nginx], volumes: [{ name: 'proxy-conf', source: 'configMap', ref: 'shop-edge-conf' }], createdAt: minutesAgo(30), startTime: minutesAgo(30) }));
  return baseEvidence({
    pods,
    revisions: [revision(REV7, minutesAgo(31), { replicas: 2 })],
    logs: [
      ...pods.map((p) => ({ pod: p.name, container: 'edge', previous: false, lines: proxyLog })),
      ...pods.map((p) => ({ pod: p.name, container: 'web', previous: false, lines: ['level=info msg="session issued" cookie_bytes=6120', 'level=info msg="session issued" cookie_bytes=9050'] })),
    ],
  });
}

describe('nginx in the pods that cannot hold the app\'s response headers (502, proxy_buffer_size)', () => {
  it('reads the message, its time and the upstream path; nothing from other lines', () => {
    expect(parseHeaderBufferFailure(tooBig('09:01:10', '/signin/return'))).toMatchObject({ path: '/signin/return', at: '2024-05-02T09:01:10.000Z', quote: 'upstream sent too big header while reading response header from upstream' });
    expect(parseHeaderBufferFailure(access('09:01:10', '/signin/return', 502))).toBeUndefined();
  });

  it('counts the 502s, the failing paths and the header size the app logs; one odd answer is not enough', () => {
    expect(findHeaderBufferFailures(proxyInFront().logs, proxyInFront().pods)).toMatchObject({ container: 'edge', answered502: 6, paths: ['/signin/return', '/profile'], largestSet: { what: 'cookie', bytes: 9050 } });
    expect(analyzeProxyHeaderBuffer(proxyInFront(PROXY_LOG.slice(0, 3)))).toEqual([]);
  });

  it('names the mechanism, the 502s, the setting with its default and the ConfigMap to change', () => {
    const [f] = analyzeProxyHeaderBuffer(proxyInFront());
    expect(f?.title).toMatch(/^edge answers 502 "upstream sent too big header": .*proxy_buffer_size \(4k\/8k by default\), 6 requests answered 502 on \/signin\/return, \/profile in 2 ready pods/);
    expect(f?.nextAction).toMatch(/raise proxy_buffer_size and proxy_buffers .* \(ConfigMap shop-edge-conf\)/);
    expect(f?.evidence.join('\n')).toMatch(/its value was not read/);
  });
});
