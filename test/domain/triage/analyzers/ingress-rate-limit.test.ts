// A healthy workload behind ingress-nginx whose Ingress got a rate limit: the controller refuses
// the excess of one client address (many callers behind one NAT) with 503 before any upstream,
// and only its log says so.
import { describe, expect, it } from 'vitest';
import { analyzeIngressUpstream } from '../../../../src/domain/triage/analyzers/ingress-upstream.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findRateLimitRefusals } from '../../../../src/domain/triage/ingress-rate-limit.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, baseEvidence, endpointSlice, minutesAgo, pod } from '../scenarios/builders.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (m: number) => {
  const d = new Date(minutesAgo(m));
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};
const ngx = (m: number) => minutesAgo(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
const UPSTREAM = `${NS}-${APP}-80`;
const CLIENT = '192.0.2.44';

function limited(opts: { zone?: string; servedClient?: string; refusals?: number } = {}): TriageEvidence {
  const zone = opts.zone ?? `${NS}_public-api_rps`;
  const served = opts.servedClient ?? CLIENT;
  const lines: string[] = [];
  for (let i = 0; i < (opts.refusals ?? 6); i++) {
    const m = 20 - i * 3;
    lines.push(`${ngx(m)} [error] 31#31: *${9000 + i} limiting requests, excess: 50.${i}00 by zone "${zone}", client: ${CLIENT}, server: api.example.com, request: "POST /v2/sync HTTP/1.1", host: "api.example.com"`);
    lines.push(`${CLIENT} - - [${clf(m)}] "POST /v2/sync HTTP/1.1" 503 190 "-" "sync-agent/1.0" 400 0.000 [] [] - - - - abc${i}`);
    lines.push(`${served} - - [${clf(m - 0.01)}] "POST /v2/sync HTTP/1.1" 200 512 "-" "sync-agent/1.0" 400 0.030 [${UPSTREAM}] [] 10.0.1.5:8080 512 0.030 200 def${i}`);
  }
  const pods = [pod(0, { podIPs: ['10.0.1.5'] })];
  const ev = baseEvidence({ pods, endpointSlices: [endpointSlice(APP, pods, { endpoints: pods.map((p) => ({ addresses: p.podIPs ?? [], ready: true, podName: p.name })) })] });
  ev.ingressController = { controller: 'ingress-nginx', namespace: 'ingress-nginx', pods: ['ingress-nginx-controller-7f9-xyz12'], logs: [{ pod: 'ingress-nginx-controller-7f9-xyz12', container: 'controller', previous: false, lines }] };
  return ev;
}

describe('an Ingress rate limit refusing a client of the workload', () => {
  it('names the zone, the Ingress, the client and the 503s, and the whitelist or a higher limit as the fix', () => {
    const r = findRateLimitRefusals(limited());
    expect(r).toMatchObject({ zones: [`${NS}_public-api_rps`], ingress: 'public-api', annotation: 'limit-rps', clients: [{ address: CLIENT, refused: 6 }], statuses: [503], served: 6 });
    const [f] = analyzeIngressUpstream(limited());
    expect(f?.title).toMatch(/rate limit throttles client 192\.0\.2\.44 .*limit-rps.*503/);
    expect(f?.fix).toMatch(/limit-whitelist/);
  });

  it('turns the all-clear into a verdict that leads with the rate limit', () => {
    const r = buildTriageReport(limited(), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/rate limit/);
    expect(r.headline).toMatch(/\b503\b/);
  });

  it('ignores a zone of another namespace\'s Ingress', () => {
    expect(findRateLimitRefusals(limited({ zone: 'other-team_their-api_rps' }))).toBeUndefined();
  });

  it('ignores refused clients that never reach the workload\'s upstream', () => {
    expect(findRateLimitRefusals(limited({ servedClient: '198.51.100.9' }))).toBeUndefined();
  });

  it('leaves a single refusal alone', () => {
    expect(findRateLimitRefusals(limited({ refusals: 1 }))).toBeUndefined();
  });
});
