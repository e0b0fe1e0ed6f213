import { describe, expect, it } from 'vitest';
import { analyzeProxyMissingReference } from '../../../../src/domain/triage/analyzers/proxy-missing-reference.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseMissingReference } from '../../../../src/domain/triage/proxy-missing-reference.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).slice(0, 19) + 'Z';
const V3 = (m: number) => `${stamp(m)} ERR github.com/acme/edge/pkg/server/router/router.go:136 > error="middleware \\"shop-auth@kubernetescrd\\" does not exist" entryPointName=web routerName=shop-orders-0a1b2c@kubernetescrd`;
const V2 = 'time="2026-11-21T03:00:00Z" level=error msg="middleware \\"shop-auth@kubernetescrd\\" does not exist" entryPointName=web routerName=shop-orders-0a1b2c@kubernetescrd';
const JSON_LINE = '{"level":"error","entryPointName":"websecure","routerName":"orders@file","error":"the service \\"orders-svc@file\\" does not exist","time":"2026-11-21T03:00:00Z"}';
const TLS = 'time="2026-11-21T03:00:00Z" level=error msg="Error configuring TLS" error="secret shop/orders-tls does not exist" ingress=orders namespace=shop providerName=kubernetes';
const ACCESS = (i: number) => `10.0.3.${i} - - [21/Nov/2026:03:0${i}:00 +0000] "GET /orders HTTP/1.1" 404 19 "-" "-" ${100 + i} "-" "-" 0ms`;

function proxy(lines: string[]): TriageEvidence {
  const c = container({ name: 'proxy', state: { running: { startedAt: minutesAgo(5000) } } });
  const pods = [0, 1].map((i) => pod(i, { containers: [c] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'proxy', previous: false, lines })) });
}

describe('a proxy route referencing an object that does not exist', () => {
  it('reads the missing object and the router from logfmt, console and JSON lines', () => {
    expect(parseMissingReference(V3(30))).toMatchObject({ kind: 'middleware', name: 'shop-auth@kubernetescrd', router: 'shop-orders-0a1b2c@kubernetescrd', entryPoint: 'web' });
    expect(parseMissingReference(V2)).toMatchObject({ kind: 'middleware', name: 'shop-auth@kubernetescrd' });
    expect(parseMissingReference(JSON_LINE)).toMatchObject({ kind: 'service', name: 'orders-svc@file', router: 'orders@file' });
    expect(parseMissingReference(TLS)).toMatchObject({ kind: 'secret', name: 'shop/orders-tls', router: 'shop/orders', routerKind: 'Ingress' });
  });

  it('leaves an app error about its own records alone, and info lines', () => {
    expect(parseMissingReference('{"level":"error","msg":"service \\"billing\\" not found in catalog"}')).toBeUndefined();
    expect(parseMissingReference('2026-11-21T03:00:00Z INF middleware "shop-auth@kubernetescrd" does not exist routerName=x@file')).toBeUndefined();
  });

  it('names the router, the missing middleware, since when and the 404s; the fix is the reference, not the proxy', () => {
    const [f] = analyzeProxyMissingReference(proxy([V3(31), ACCESS(1), ACCESS(2), V3(12)]));
    expect(f?.title).toMatch(/^Router shop-orders-0a1b2c@kubernetescrd references middleware "shop-auth@kubernetescrd", which does not exist, logged since 31m ago: the proxy drops it[^\n]*404 \(4 in the proxy's access log\)/);
    expect(f?.onset).toBe(minutesAgo(31).slice(0, 19) + '.000Z');
    expect(f?.fix).toMatch(/create \(or restore\) the middleware "shop-auth@kubernetescrd", or point its IngressRoute at/);
    expect(f?.nextAction).toMatch(/Restarting the proxy will not help/);
  });

  it('tells a missing TLS secret as the default certificate, not a 404', () => {
    const [f] = analyzeProxyMissingReference(proxy([TLS, TLS]));
    expect(f?.title).toMatch(/Ingress shop\/orders references secret "shop\/orders-tls", which does not exist[^\n]*default certificate/);
    expect(f?.title).not.toMatch(/404/);
  });

  it('claims nothing from one line', () => {
    const ev = proxy([]);
    expect(analyzeProxyMissingReference({ ...ev, logs: [{ ...(ev.logs[0] as TriageEvidence['logs'][number]), lines: [V3(10)] }] })).toEqual([]);
  });
});
