/** GET /healthz, /readyz and /metrics (PRODUCT §3) on the real HTTP server, real Redis, the Slack fake. */
import { describe, expect, it } from 'vitest';
import { DEADLINE_MS, waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { RedisProxy } from '../helpers/redis-proxy.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();

const bot = (env: Record<string, string | undefined> = {}): Promise<TestBot> => wire.startBot({ env });

function get(b: TestBot, path: string): Promise<Response> {
  return fetch(`${b.url}${path}`, { signal: AbortSignal.timeout(DEADLINE_MS) });
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (enough of it for our own metrics). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (m === null) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

async function scrape(b: TestBot): Promise<Sample[]> {
  const res = await get(b, '/metrics');
  expect(res.status).toBe(200);
  return parseMetrics(await res.text());
}

function value(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

const incident = { id: 'PMET001', number: 7, title: 'Orders: queue backlog growing' };

describe('/healthz and /readyz', () => {
  it('/healthz answers 200 while the process runs', async () => {
    const b = await bot();
    const res = await get(b, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 while Redis answers', async () => {
    const b = await bot();
    const res = await get(b, '/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', redis: 'ok' });
  });

  it('/readyz answers 503 naming Redis while it is down, /healthz stays 200, and both recover when it returns', async () => {
    const proxy = await RedisProxy.reserve();
    try {
      const b = await bot({ REDIS_URL: proxy.url });
      const ready = await get(b, '/readyz');
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { redis: string }).redis).toMatch(/Redis is unreachable/);
      expect((await get(b, '/healthz')).status).toBe(200);
      // A scrape answers without Redis too (how fast: bench/degraded.ts).
      expect((await get(b, '/metrics')).status).toBe(200);

      await proxy.open();
      await waitUntil(async () => (await get(b, '/readyz')).status === 200, '/readyz 200 after Redis returned');
      expect((await get(b, '/healthz')).status).toBe(200);
    } finally {
      await wire.stopBots();
      await proxy.close();
    }
  });

  it('serves only GET on the health routes', async () => {
    const b = await bot();
    const res = await fetch(`${b.url}/healthz`, { method: 'POST', body: '{}' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('/metrics', () => {
  it('is Prometheus text with HELP and TYPE for our metrics', async () => {
    const b = await bot();
    const res = await get(b, '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE rootcause_webhook_deliveries_total counter');
    expect(text).toContain('# TYPE rootcause_slack_api_calls_total counter');
    expect(text).toContain('# TYPE rootcause_queue_jobs gauge');
    expect(() => parseMetrics(text)).not.toThrow();
  });

  it('counts webhook deliveries by outcome', async () => {
    const b = await bot();
    const first = incidentDelivery('triggered', incident);
    expect((await b.deliver(first)).status).toBe(202);
    expect((await b.deliver(first)).status).toBe(202);
    expect((await b.deliver(incidentDelivery('acknowledged', incident))).status).toBe(202);
    for (let i = 0; i < 3; i++) {
      expect((await b.deliver(incidentDelivery('resolved', incident), { 'X-PagerDuty-Signature': 'v1=00' })).status).toBe(401);
    }
    expect((await b.deliver('{"event":')).status).toBe(400);
    const ping = { event: { id: 'PING1', event_type: 'pagey.ping', resource_type: 'pagey', occurred_at: new Date().toISOString(), data: {} } };
    expect((await b.deliver(ping)).status).toBe(200);

    const samples = await scrape(b);
    const deliveries = (outcome: string) => value(samples, 'rootcause_webhook_deliveries_total', { outcome });
    expect(deliveries('accepted')).toBe(2);
    expect(deliveries('duplicate')).toBe(1);
    expect(deliveries('bad_signature')).toBe(3);
    expect(deliveries('bad_request')).toBe(1);
    expect(deliveries('ignored')).toBe(1);
  });

  it('counts Slack API calls by method and outcome after a page', async () => {
    const b = await bot();
    expect((await b.deliver(incidentDelivery('triggered', incident))).status).toBe(202);
    await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-7-orders-queue-backlog-growing'));
    // A call is counted when its answer is read, after Slack has acted: scrape once the page's job is done.
    await wire.queues.waitForIdle();
    const samples = await scrape(b);
    expect(value(samples, 'rootcause_slack_api_calls_total', { method: 'conversations.create', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'rootcause_slack_api_calls_total', { method: 'chat.postMessage', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('labels failed Slack calls with the Slack error', async () => {
    wire.slack.failNext('conversations.create', { error: 'missing_scope' });
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    await wire.slack.waitFor(() => wire.slack.calls.some((c) => c.method === 'conversations.create' && c.failed));
    // The call is counted once its answer is read: wait for the count, then check it is exactly one.
    let samples: Sample[] = [];
    const refused = () => value(samples, 'rootcause_slack_api_calls_total', { method: 'conversations.create', outcome: 'missing_scope' });
    await waitUntil(async () => {
      samples = await scrape(b);
      return refused() !== undefined;
    }, 'the missing_scope call counted in /metrics');
    expect(refused()).toBe(1);
  });

  it('shows queue depth: jobs waiting while no worker runs, none once a worker has drained them', async () => {
    const web = await bot({ ROLE: 'web' });
    for (const [i, id] of ['PMET001', 'PMET002', 'PMET003'].entries()) {
      expect((await web.deliver(incidentDelivery('triggered', { ...incident, id, number: 100 + i }))).status).toBe(202);
    }
    let samples = await scrape(web);
    expect(value(samples, 'rootcause_queue_jobs', { queue: 'pagerduty-events', state: 'waiting' })).toBe(3);
    expect(value(samples, 'rootcause_queue_jobs', { queue: 'pagerduty-events', state: 'active' })).toBe(0);
    expect(value(samples, 'rootcause_queue_jobs', { queue: 'pagerduty-events', state: 'failed' })).toBe(0);
    expect(wire.slack.workCalls).toEqual([]);

    const worker = await bot({ ROLE: 'worker' });
    // A worker serves health and metrics, not the webhook.
    expect((await worker.deliver(incidentDelivery('triggered', incident))).status).toBe(404);
    await wire.slack.waitFor(() => wire.slack.channels.size === 3 && true);
    await waitUntil(async () => {
      samples = await scrape(worker);
      return value(samples, 'rootcause_job_duration_seconds_count', { queue: 'pagerduty-events', outcome: 'done' }) === 3;
    }, 'the worker finishing 3 jobs');
    samples = await scrape(web);
    expect(value(samples, 'rootcause_queue_jobs', { queue: 'pagerduty-events', state: 'waiting' })).toBe(0);
    expect(value(samples, 'rootcause_queue_jobs', { queue: 'pagerduty-events', state: 'active' })).toBe(0);
  });
});
