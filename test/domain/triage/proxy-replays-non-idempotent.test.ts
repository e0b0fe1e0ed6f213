// A workload that logs requests performed twice (duplicate charge, same idempotency key) behind an
// nginx set to `proxy_next_upstream … non_idempotent`: the proxy replays timed-out POSTs to another
// pod. That is a problem (never an all-clear) and the headline names the proxy's retry setting.
import { describe, expect, it } from 'vitest';
import { hasDuplicateRequests, isNginxImage, readNonIdempotentRetry } from '../../../src/domain/triage/evidence-replaying-proxy.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const conf = [
  'upstream api { server api-0.api.shop.svc.cluster.local:8080; }',
  'server { location / { proxy_pass http://api; proxy_read_timeout 4s; proxy_next_upstream error timeout non_idempotent; } }',
].join('\n').replace(/; /g, ';\n');

describe('a proxy that replays non-idempotent requests', () => {
  it('reads the retry line only from an nginx config naming the workload', () => {
    expect(readNonIdempotentRetry(conf, ['api.shop.svc.cluster.local'])).toEqual({ retryLine: 'proxy_next_upstream error timeout non_idempotent;', readTimeout: '4s' });
    expect(readNonIdempotentRetry(conf.replace(' non_idempotent', ''), ['api.shop.svc.cluster.local'])).toBeUndefined();
    expect(readNonIdempotentRetry(conf, ['other.shop.svc.cluster.local'])).toBeUndefined();
    expect(isNginxImage('docker.io/library/nginx:1.27.2-alpine')).toBe(true);
    expect(hasDuplicateRequests([{ pod: 'a', container: 'app', previous: false, lines: ['{"level":"ERROR","message":"duplicate charge: order already has a captured charge","idempotency_key":"k1"}'] }])).toBe(true);
  });

  it('heads the verdict with the proxy retry, not an all-clear', () => {
    const pods = [0, 1].map((i) => pod(i));
    const logs = pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: [
      `{"@timestamp":"${minutesAgo(30 + k)}","level":"ERROR","message":"duplicate charge: order already has a captured charge","order_id":"o${k}","idempotency_key":"chk-o${k}"}`,
    ] }));
    const ev = { ...baseEvidence({ pods, logs }), replayingProxy: { deployment: 'edge', configMap: 'edge-conf', key: 'default.conf', retryLine: 'proxy_next_upstream error timeout non_idempotent;', readTimeout: '4s', revision: 13 } };
    const report = buildTriageReport(ev, times);
    expect(report.verdict).not.toBe('healthy');
    expect(report.headline).toMatch(/non_idempotent/);
    expect(report.headline).toMatch(/edge/);
  });
});
