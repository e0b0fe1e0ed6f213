// An API whose release dropped its CORS middleware answers every browser preflight (OPTIONS with
// an Origin) 405 Method Not Allowed: the single-page site cannot call it, while server-to-server
// GETs and POSTs (no preflight) succeed and every pod is Ready. That is a failure, not client 4xx
// noise; a scanner's stray OPTIONS, or preflights that are answered, are not.
import { describe, expect, it } from 'vitest';
import { analyzePreflightRefused } from '../../../../src/domain/triage/analyzers/preflight-refused.js';
import { findPreflightRefusals } from '../../../../src/domain/triage/preflight-refusal.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const ORIGINS = ['https://www.shop.example.com', 'https://m.shop.example.com'];
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const PATHS = ['/v1/cart', '/v1/cart/items', '/v1/cart/checkout-preview'];
const json = (o: Record<string, unknown>): string => JSON.stringify(o);

/** A FastAPI pod's access log: browser preflights answered `preflight` (405 once CORS is gone), server calls answered 200/201 between. */
function apiLog(k: number, preflight: number): string[] {
  const out = [json({ ts: minutesAgo(19 - k), level: 'info', logger: 'app.main', msg: 'starting', version: '5.0.0', middleware: ['GZipMiddleware', 'PrometheusMiddleware'] })];
  for (let i = 0; i < 12; i++) {
    const m = 18 - i * 1.4 - k * 0.2;
    out.push(json({ ts: minutesAgo(m), level: 'info', logger: 'app.access', method: 'OPTIONS', path: PATHS[i % 3], status: preflight, client: `10.0.4.${i + 10}`, origin: ORIGINS[i % 2], access_control_request_method: 'POST', user_agent: CHROME }));
    if (i % 3 === 1) out.push(json({ ts: minutesAgo(m - 0.05), level: 'info', logger: 'app.access', method: 'GET', path: '/v1/cart/41017', status: 200, client: '10.0.12.40', origin: null, user_agent: 'checkout-service/3.2.1 httpx/0.27.2' }));
    if (i % 4 === 2) out.push(json({ ts: minutesAgo(m - 0.07), level: 'info', logger: 'app.access', method: 'POST', path: '/v1/cart/items', status: 201, client: '10.0.9.70', origin: null, user_agent: 'pricing-worker/1.9.0 aiohttp/3.10.10' }));
  }
  return out;
}

/** Three ready pods of revision 7 (rolled out 20m ago, a framework upgrade). */
function released(preflight: number, lines: (k: number) => string[] = (k) => apiLog(k, preflight)): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(20), { replicas: 3, changeCause: 'argocd: payment-service 2.15.0 (FastAPI 0.115 / Starlette 0.41)', containers: [revisionContainer({ image: IMAGE_V15, env: [{ name: 'CORS_ALLOWED_ORIGINS', value: ORIGINS.join(',') }] })] }),
    ],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) })),
  });
}

describe('analyzePreflightRefused', () => {
  it('names every browser preflight answered 405 while server calls succeed, and what the app left out', () => {
    const [f] = analyzePreflightRefused(released(405));
    expect(f?.title).toMatch(/answers every CORS preflight \(OPTIONS from https:\/\/www\.shop\.example\.com and https:\/\/m\.shop\.example\.com\) 405 Method Not Allowed: 36\/36 preflights refused in 3 ready pods, while \d+ other requests .* succeed — browsers cannot call it/);
    expect(f?.evidence.join('\n')).toMatch(/no CORS middleware/);
    expect(f?.evidence.join('\n')).toMatch(/CORS_ALLOWED_ORIGINS=/);
  });

  it('makes the release the since and the headline say preflights are refused', () => {
    const report = buildTriageReport(released(405), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 .*CORS preflight \(OPTIONS.*405 Method Not Allowed/);
    expect(report.headline).toMatch(/roll back to revision 6|CORS middleware/i);
    expect(report.headline.length).toBeLessThan(700);
  });

  it('stays quiet when preflights are answered, or when a scanner sends a few OPTIONS', () => {
    expect(analyzePreflightRefused(released(204))).toEqual([]);
    const scanner = (k: number): string[] => [
      ...apiLog(k, 200).filter((l) => !l.includes('"OPTIONS"')),
      ...(k === 0 ? [1, 2].map((i) => `10.9.9.9 - - [21/Nov/2026:03:0${i}:00 +0000] "OPTIONS /wp-admin/ HTTP/1.1" 405 31 "-" "Mozilla/5.0 zgrab/0.x"`) : []),
    ];
    expect(findPreflightRefusals(released(200, scanner).logs, new Set(released(200).pods.map((p) => p.name)))).toBeUndefined();
    expect(buildTriageReport(released(200, scanner), { startedAt: NOW, finishedAt: NOW }).verdict).toBe('healthy');
  });
});
