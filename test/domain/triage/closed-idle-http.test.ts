import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors, parseDependencyError } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { pickClosingHttpService } from '../../../src/domain/triage/closed-idle-http.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, pod, service, workload } from './scenarios/builders.js';

describe('parseDependencyError: a pooled connection the server closed before reuse', () => {
  it.each([
    ['java.io.IOException: unexpected end of stream on http://catalog.payments.svc.cluster.local:8080/...', 'catalog.payments.svc.cluster.local:8080'],
    ['org.apache.http.NoHttpResponseException: catalog:8080 failed to respond', 'catalog:8080'],
    ["requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))", undefined],
    ['Get "http://catalog:8080/v1/items": http: server closed idle connection', 'catalog:8080'],
  ])('%s', (line, dependency) => {
    expect(parseDependencyError(line)).toEqual(dependency === undefined ? { problem: 'closed-idle' } : { problem: 'closed-idle', dependency });
  });
});

describe('analyzeDependencyErrors: keep-alive connections closed by the server before reuse', () => {
  const failing = (t: string) => [
    `${t} ERROR 1 --- [exec-3] c.e.CatalogClient : item lookup failed`,
    'java.io.IOException: unexpected end of stream on http://catalog.payments.svc.cluster.local:8080/...',
    '\tat okhttp3.internal.http1.Http1ExchangeCodec.readResponseHeaders(Http1ExchangeCodec.kt:210)',
    'Caused by: java.io.EOFException: \\n not found: limit=0 content=…',
  ];
  const scenario = (peer: boolean): TriageEvidence => {
    const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'CATALOG_URL', value: 'http://catalog.payments.svc.cluster.local:8080' }, { name: 'HTTP_POOL_KEEP_ALIVE', value: '300s' }] })] }));
    const lines = ['2026-11-21T02:10:00Z', '2026-11-21T02:40:00Z', '2026-11-21T03:10:00Z'].flatMap(failing);
    const ev = baseEvidence({ pods, workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 }), logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
    ev.services = [...(ev.services ?? []), service({ name: 'catalog', selector: { app: 'catalog' } })];
    if (peer) {
      const server = pod(7, { name: 'catalog-6d9f7c5b4-x2x9q', createdAt: '2026-11-21T01:00:00Z', containers: [container({ env: [{ name: 'SERVER_IDLE_TIMEOUT', value: '1s' }] })] });
      ev.dependencyPods = [{ service: 'catalog', pod: server, logs: [] }];
    }
    return ev;
  };

  it('names the server\'s idle timeout read from its pod against the client pool\'s keep-alive', () => {
    const [f] = analyzeDependencyErrors(scenario(true));
    expect(f?.title).toMatch(/^Pooled keep-alive connections to catalog\.payments\.svc\.cluster\.local:8080 are closed by the server before reuse \(unexpected end of stream\): catalog closes idle connections at SERVER_IDLE_TIMEOUT=1s, the client's pool keeps them HTTP_POOL_KEEP_ALIVE=300s/);
    expect(f?.evidence.join('\n')).toMatch(/^catalog runs with SERVER_IDLE_TIMEOUT=1s \(its pod catalog-6d9f7c5b4-x2x9q started 2h ?14m ago\)$/m);
    expect(f?.nextAction).toMatch(/idle timeout longer than the client pool's keep-alive/);
  });

  it('without the server\'s pod, names the mechanism and the client\'s keep-alive only', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).toMatch(/closed by the server before reuse \(unexpected end of stream\): the client's pool keeps idle connections HTTP_POOL_KEEP_ALIVE=300s, longer than catalog's idle timeout/);
    expect(f?.title).not.toMatch(/=1s/);
  });

  it('asks for a pod of the Service of the namespace the closed connections lead to, not for one line', () => {
    const ev = scenario(false);
    expect(pickClosingHttpService(ev)).toBe('catalog');
    const one = { ...ev, logs: ev.logs.map((l) => ({ ...l, lines: failing('2026-11-21T03:10:00Z') })).slice(0, 1) };
    expect(pickClosingHttpService(one)).toBeUndefined();
    const elsewhere = { ...ev, target: { ...ev.target, namespace: `${NS}-other` } };
    expect(pickClosingHttpService(elsewhere)).toBeUndefined();
  });
});
