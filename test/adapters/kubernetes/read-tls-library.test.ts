// A client whose calls fail "certificate has expired" and whose log tail does not name its TLS
// library: the adapter reads the head of one failing pod's log (limitBytes, no tailLines) for the
// start line that names it. A client whose logs show no such failure is not read.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'exports';
const target = { service: 'order-exporter', namespace: NS, kind: 'Deployment' as const, name: 'order-exporter' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace('Z', '');
const head = `${stamp(3 * DAYS)} INFO [exporter.main] order-exporter 1.2.0 starting (Python 3.7.9, OpenSSL 1.0.2k-fips  26 Jan 2017)\n`;
const ERR = "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.vendor.example', port=443): Max retries exceeded with url: /v1/orders (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1056)')))";

function cluster(tail: string) {
  const app = deploymentApp({
    namespace: NS, name: 'order-exporter', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/order-exporter:1.2.0' })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  for (const o of [...threeNodes(), ...app.objects]) h.fake.add(o);
  // The head line scrolls out of a 100-line tail.
  const filler = Array.from({ length: 120 }, (_, i) => `${stamp(200 - i)} INFO [exporter.batch] exported batch ${i}`).join('\n');
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${head}${filler}\n${tail}` });
}

const headReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.query.limitBytes !== undefined && r.query.tailLines === undefined);

describe('a client failing TLS handshakes whose log tail does not name its TLS library', () => {
  it('reads the library from the head of one failing pod\'s log', async () => {
    cluster(`${[ERR, ERR, ERR, ERR].join('\n')}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.tlsLibrary?.library).toBe('OpenSSL 1.0.2');
    expect(ev.tlsLibrary?.line).toMatch(/OpenSSL 1\.0\.2k-fips/);
    expect(headReads()).toHaveLength(1);
  });

  it('reads nothing more when no handshake fails', async () => {
    cluster(`${stamp(1)} INFO [exporter.batch] exported batch 121\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.tlsLibrary).toBeUndefined();
    expect(headReads()).toEqual([]);
  });
});
