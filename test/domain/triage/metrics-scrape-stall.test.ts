import { describe, expect, it } from 'vitest';
import { analyzeEventLoopBlocked } from '../../../src/domain/triage/analyzers/event-loop-blocked.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const scrape = (bytes: number, ms: number) => `{"level":30,"time":1795229796000,"pid":1,"req":{"method":"GET","url":"/metrics","remoteAddress":"10.0.113.47","userAgent":"Prometheus/2.54.1"},"res":{"statusCode":200,"contentLength":${bytes}},"responseTime":${ms},"msg":"request completed"}`;
const stall = (ms: number) => `{"level":40,"time":1795229796010,"pid":1,"msg":"event loop blocked","blockedMs":${ms},"threshold":1000}`;
const served = '{"level":30,"time":1795229796020,"pid":1,"req":{"method":"GET","url":"/v1/profiles/u_1"},"res":{"statusCode":200},"responseTime":14,"msg":"request completed"}';
const enabled = '{"level":30,"time":1795229700000,"pid":1,"msg":"http metrics enabled","metric":"http_request_duration_seconds","labels":["method","route","status_code","user_id"],"buckets":12}';

/** Node.js pods whose every stall follows a Prometheus scrape of /metrics; the new revision added user_id to the metric labels. */
function scraped(lines: string[]) {
  const probes = { liveness: { type: 'http' as const, path: '/healthz', port: 3000, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 } };
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ probes, restartCount: 12 })] }));
  const labels = (v: string) => [revisionContainer({ env: [{ name: 'HTTP_METRICS_LABELS', value: v }] })];
  return baseEvidence({
    pods,
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(20 * 24 * 60), { containers: labels('method,route,status_code') }),
      revision({ revision: 6, hash: '7c9d8f6b5d' }, minutesAgo(19 * 60), { containers: labels('method,route,status_code,user_id') }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('an event loop blocked by its own /metrics endpoint', () => {
  it('names the scrape, the payload and the high-cardinality label as the mechanism', () => {
    const ev = scraped([enabled, served, scrape(41_000_000, 3100), stall(3050), served, scrape(98_000_000, 7200), stall(7150)]);
    const [f] = analyzeEventLoopBlocked(ev);
    expect(f?.title).toMatch(/\/metrics/);
    expect(f?.title).toMatch(/user_id/);
    expect(f?.likelyCause).toMatch(/cardinality/i);
    expect(f?.fix).toMatch(/user_id/);
  });

  it('leaves a stall with no scrape before it as it was', () => {
    const ev = scraped([served, stall(3050), served, stall(7150)]);
    const [f] = analyzeEventLoopBlocked(ev);
    expect(f?.title).not.toMatch(/\/metrics/);
    expect(NOW).toBeDefined();
  });
});
