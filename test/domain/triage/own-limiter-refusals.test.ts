// A service whose own rate limiter refuses its callers at large answers the 429s itself: its
// limiter names the caller it refuses (a consumer id, a tenant, a stream) and the limit it enforces,
// its request log shows the 429 it served. That is inbound throttling — the limit the service is
// configured with, often lowered by an edit of the ConfigMap it mounts and reloads — never an
// outside API's rate budget. One noisy caller refused while the rest are served stays healthy.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceObjectEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { isOwnRateLimitAnswer } from '../../../src/domain/triage/own-rate-limit-answers.js';
import { findOwnLimiterRefusals } from '../../../src/domain/triage/own-limiter-refusals.js';
import { findRateLimitedCalls } from '../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const CONSUMERS = ['mobile-web', 'kiosk', 'batch-export', 'desktop'];

/** A gateway whose limiter (keyed per consumer) reloaded its settings file `reloadAgo` minutes ago. */
function gatewayLog(podName: string, opts: { reloadAgo?: number; previousField?: boolean } = {}): LogEvidence {
  const lines = [
    `{"ts":"${minutesAgo(3000)}","level":"info","msg":"limiter ready","max_rps":500,"burst_size":900}`,
    `{"ts":"${minutesAgo(40)}","level":"info","msg":"request","method":"GET","path":"/api/items","consumer_id":"kiosk","status":200}`,
  ];
  if (opts.reloadAgo !== undefined) {
    lines.push(`{"ts":"${minutesAgo(opts.reloadAgo)}","level":"info","msg":"settings file updated, limiter reconfigured","max_rps":5,"burst_size":9${opts.previousField ? ',"old_max_rps":500,"old_burst_size":900' : ''}}`);
  }
  for (let t = 15; t > 0; t -= 1) {
    const c = CONSUMERS[t % CONSUMERS.length] ?? 'kiosk';
    lines.push(`{"ts":"${minutesAgo(t)}","level":"warn","msg":"throttled","consumer_id":"${c}","limit_rps":5,"burst":9,"path":"/api/items/${t}"}`);
    lines.push(`{"ts":"${minutesAgo(t)}","level":"info","msg":"request","method":"GET","path":"/api/items/${t}","consumer_id":"${c}","status":429}`);
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

/** A push API (Go request middleware) refusing streams at a per-stream limit, nothing reloaded in its log. */
function pushLog(podName: string): LogEvidence {
  const streams = ['{job="web"}', '{job="queue"}', '{job="edge"}'];
  const lines: string[] = [];
  for (let t = 20; t > 0; t -= 2) {
    const s = streams[t % streams.length] ?? '';
    lines.push(`level=warn ts=${minutesAgo(t)} caller=logging.go:80 tenant=acme msg="POST /api/v1/push (429) 1.2ms"`);
    lines.push(`level=warn ts=${minutesAgo(t)} caller=push.go:120 tenant=acme msg="push refused" err="Per stream rate limit exceeded (limit: 64KB/sec) for stream ${s}"`);
  }
  return { pod: podName, container: 'server', previous: false, lines };
}

function settingsMount(name: string): Partial<Parameters<typeof pod>[1]> {
  return {
    volumes: [{ name: 'limits', source: 'configMap', ref: name }],
    containers: [container({ volumeMounts: [{ name: 'limits', mountPath: '/etc/limits', readOnly: true }] })],
  };
}

function gateway(changedAgo: number, logs: (p: string) => LogEvidence): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, settingsMount('gateway-limits')));
  const edited: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'gateway-limits', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(changedAgo), keys: ['limits.yaml'] };
  return baseEvidence({ pods, logs: pods.map((p) => logs(p.name)), namespaceObjects: [edited] });
}

describe('429s the service\'s own rate limiter answers', () => {
  it('are its own when the line keys the caller by id and states its path or the limit; a shipper told so by the server is not', () => {
    expect(isOwnRateLimitAnswer('{"level":"warn","msg":"throttled","consumer_id":"kiosk","limit_rps":5,"path":"/api/items/3"}')).toBe(true);
    expect(isOwnRateLimitAnswer('level=warn tenant=acme msg="push refused" err="Per stream rate limit exceeded (limit: 64KB/sec) for stream {job="web"}"')).toBe(true);
    expect(isOwnRateLimitAnswer('level=warn component=client msg="error sending batch, will retry" status=429 tenant=acme error="server returned HTTP status 429 Too Many Requests (429): Per stream rate limit exceeded (limit: 64KB/sec)"')).toBe(false);
  });

  it('are found with the callers refused, the limit, and what the reload changed', () => {
    const found = findOwnLimiterRefusals([gatewayLog('gw-a', { reloadAgo: 16, previousField: true }), gatewayLog('gw-b', { reloadAgo: 16, previousField: true })]);
    expect(found?.callerKind).toBe('consumer');
    expect(found?.callers.length).toBe(4);
    expect(found?.limit).toBe('5 rps (burst 9)');
    expect(found?.reload?.change).toEqual({ setting: 'max_rps', was: '500', now: '5' });
  });

  it('take the value before from an earlier line of the limiter when the reload does not give it', () => {
    const found = findOwnLimiterRefusals([gatewayLog('gw-a', { reloadAgo: 16 })]);
    expect(found?.reload?.change).toEqual({ setting: 'max_rps', was: '500', now: '5' });
  });

  it('leave a reload long before the refusals out: it set what they started with', () => {
    expect(findOwnLimiterRefusals([gatewayLog('gw-a', { reloadAgo: 2500, previousField: true })])?.reload).toBeUndefined();
  });

  it('count a push API refusing many streams, told by its request log and its limit line', () => {
    const found = findOwnLimiterRefusals([pushLog('push-a')]);
    expect(found?.callerKind).toBe('stream');
    expect(found?.limit).toBe('64KB/sec');
    expect(findRateLimitedCalls([pushLog('push-a')])).toBeUndefined();
  });

  it('are nothing to report when one noisy caller is refused and the rest served', () => {
    const lines: string[] = [];
    for (let t = 10; t > 0; t -= 0.5) {
      lines.push(`{"ts":"${minutesAgo(t)}","level":"info","msg":"request","method":"GET","path":"/api/items","consumer_id":"kiosk","status":200}`);
      lines.push(`{"ts":"${minutesAgo(t)}","level":"warn","msg":"throttled","consumer_id":"scraper-9","limit_rps":500,"path":"/api/items"}`);
      lines.push(`{"ts":"${minutesAgo(t)}","level":"info","msg":"request","method":"GET","path":"/api/items","consumer_id":"desktop","status":200}`);
    }
    expect(findOwnLimiterRefusals([{ pod: 'gw-a', container: 'app', previous: false, lines }])).toBeUndefined();
  });
});

describe('a limiter refusing one caller that floods it', () => {
  it('is nothing to report, though its refusals outnumber the requests served', () => {
    const lines: string[] = [];
    for (let t = 10; t > 0; t -= 0.5) {
      lines.push(`{"ts":"${minutesAgo(t)}","level":"info","msg":"request","method":"GET","path":"/api/items","consumer_id":"kiosk","status":200}`);
      for (let k = 0; k < 3; k++) lines.push(`{"ts":"${minutesAgo(t)}","level":"warn","msg":"throttled","consumer_id":"scraper-9","limit_rps":500,"path":"/api/items"}`);
    }
    expect(findOwnLimiterRefusals([{ pod: 'gw-a', container: 'app', previous: false, lines }])).toBeUndefined();
  });

  it('is nothing to report when only a few of the many callers it serves are refused', () => {
    const lines: string[] = [];
    for (let t = 10; t > 0; t -= 0.5) {
      for (const c of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']) lines.push(`{"ts":"${minutesAgo(t)}","level":"info","msg":"request","method":"GET","path":"/api/items","consumer_id":"${c}","status":200}`);
      for (const c of ['bot-1', 'bot-2', 'bot-3']) lines.push(`{"ts":"${minutesAgo(t)}","level":"warn","msg":"throttled","consumer_id":"${c}","limit_rps":500,"path":"/api/items"}`);
    }
    expect(findOwnLimiterRefusals([{ pod: 'gw-a', container: 'app', previous: false, lines }])).toBeUndefined();
  });
});

describe('the verdict on a service whose own limiter refuses its callers', () => {
  it('names the limiter, the edited ConfigMap it mounts as the trigger and the value to restore, not an outside API', () => {
    const r = buildTriageReport(gateway(17, (p) => gatewayLog(p, { reloadAgo: 16, previousField: true })), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since ConfigMap gateway-limits was changed 17m ago: payment-service's own rate limiter refuses its callers 429/);
    expect(r.headline).toMatch(/max_rps lowered from 500 to 5/);
    expect(r.headline).toMatch(/Restore max_rps to 500 in ConfigMap gateway-limits/);
    expect(r.headline).not.toMatch(/outside API|rate budget|roll back|replicas/i);
  });

  it('dates the change by the reload it logged when no ConfigMap it mounts was edited', () => {
    const r = buildTriageReport(gateway(30 * 24 * 60, (p) => gatewayLog(p, { reloadAgo: 16 })), times);
    expect(r.headline).toMatch(/max_rps lowered from 500 to 5 at a config reload 16m ago/);
    expect(r.headline).not.toMatch(/no change found/);
  });
});
