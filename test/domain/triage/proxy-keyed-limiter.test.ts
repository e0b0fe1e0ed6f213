// A workload's own rate limiter behind a proxy or load balancer it does not trust: the limiter logs
// that X-Forwarded-For is set while the framework's `trust proxy` is off, so every request's address
// is the proxy's and one budget is shared by all clients — everyone gets 429. That is the workload's
// own limiter keyed on the wrong address, not an outside API's budget, and the fix is trust proxy.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { findProxyKeyedLimiter } from '../../../src/domain/triage/proxy-keyed-limiter.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const ms = (m: number) => Date.parse(minutesAgo(m));

function limiterLog(podName: string, sign: boolean): LogEvidence {
  const lines: string[] = [];
  if (sign) lines.push(`{"level":50,"time":${ms(40)},"err":{"type":"ValidationError","message":"The 'X-Forwarded-For' header is set but the Express 'trust proxy' setting is false (default).","code":"ERR_ERL_UNEXPECTED_X_FORWARDED_FOR"},"msg":"ValidationError"}`);
  for (let i = 0; i < 12; i++) {
    lines.push(`{"level":40,"time":${ms(38 - i * 2)},"req":{"method":"GET","url":"/v2/me","ip":"10.9.8.7","xff":"81.${i}.3.4"},"res":{"statusCode":429},"msg":"Too many requests, please try again later."}`);
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

describe('a rate limiter that counts every client as the proxy in front', () => {
  it('is read from the limiter\'s own X-Forwarded-For warning and its 429 answers, naming the one address', () => {
    const found = findProxyKeyedLimiter([limiterLog('api-0', true)]);
    expect(found?.address).toBe('10.9.8.7');
    expect(found?.refused).toBe(12);
    expect(findProxyKeyedLimiter([limiterLog('api-0', false)])).toBeUndefined();
  });

  it('heads the verdict as trust proxy missing, not as an outside API\'s budget', () => {
    const pods = [0, 1].map((i) => pod(i));
    const ev = baseEvidence({ pods, logs: pods.map((p) => limiterLog(p.name, true)) });
    const report = buildTriageReport(ev, times);
    expect(report.headline).toMatch(/trust proxy/);
    expect(report.headline).toMatch(/10\.9\.8\.7/);
    expect(report.headline).not.toMatch(/outside API|more replicas/);
  });
});
