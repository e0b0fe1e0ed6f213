/**
 * POST /webhooks/pagerduty (PRODUCT §3, PLATFORM-FACTS "PagerDuty Webhooks v3") through the
 * real HTTP server, the real Redis under a random prefix, and the Slack fake.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForLine } from '../helpers/child-output.js';
import { DEADLINE_MS, waitUntil, withinDeadline } from '../helpers/deadline.js';
import { eventId, incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { RedisProxy } from '../helpers/redis-proxy.js';
import { pagerDutySignature } from '../../src/demo/wire/sign.js';
import { WEBHOOK_SECRET } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { randomPrefix } from '../helpers/redis.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const vector = JSON.parse(readFileSync(new URL('../fixtures/pagerduty-signature-vector.json', import.meta.url), 'utf8')) as {
  secret: string;
  body: string;
  valid_signature: string;
  mismatched_signature: string;
};

const MAX_BODY = 256 * 1024;

// Some tests cut Redis off under a bot: a stop that hangs must not hold up the rest of the file.
const wire = useWire({ boundedStop: true });
let queue: Queue;

beforeEach(() => {
  queue = wire.queues.queue('pagerduty-events');
});

const bot = (env: Record<string, string | undefined> = {}): Promise<TestBot> => wire.startBot({ env });

/** A POST with exactly these headers (no signature added). */
function post(b: { url: string }, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${b.url}/webhooks/pagerduty`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(DEADLINE_MS),
  });
}

function signed(body: string, ...secrets: string[]): Record<string, string> {
  return { 'X-PagerDuty-Signature': pagerDutySignature(body, ...(secrets.length > 0 ? secrets : [WEBHOOK_SECRET])) };
}

const incident = { id: 'PWEB001', number: 42, title: 'Checkout: p99 latency above 2 s', urgency: 'high' };
const CHANNEL = 'inc-20261121-42-checkout-p99-latency-above-2-s';

async function totalJobs(): Promise<number> {
  const counts = await queue.getJobCounts();
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Keys under the prefix, minus the two each running BullMQ worker writes for itself at start-up. */
async function keysWritten(): Promise<string[]> {
  // What every bot writes at start-up, whatever it is asked: BullMQ's per-queue bookkeeping and
  // the weekly overdue digest's job scheduler.
  const housekeeping = /^[^:]+:q:([^:]+:(meta|stalled-check)$|digests:)/;
  return (await wire.redis.keys(`${wire.prefix}:*`)).filter((k) => !housekeeping.test(k)).sort();
}

/**
 * A refused request must change nothing: no job, no Slack call, no key of ours in Redis. Checked
 * as soon as the answer is in: the route queues before it answers and finished jobs are kept, so
 * a job queued by mistake is counted here whether or not a worker has run it yet.
 */
async function expectNoSideEffect(): Promise<void> {
  expect(await totalJobs()).toBe(0);
  expect(wire.slack.workCalls.map((c) => c.method)).toEqual([]);
  expect(await keysWritten()).toEqual([]);
}

function cards(): Array<{ channel: string; key: string }> {
  const found: Array<{ channel: string; key: string }> = [];
  for (const channel of wire.slack.channels.values()) {
    for (const m of wire.slack.messages(channel.id)) {
      const key = keyOf(m);
      if (key?.endsWith('/card')) found.push({ channel: channel.id, key });
    }
  }
  return found;
}

/** A raw HTTP/1.1 POST that can lie about or omit Content-Length; resolves on the first response. */
function rawPost(
  url: string,
  opts: { headers: Record<string, string>; chunks: Buffer[] },
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/webhooks/pagerduty`, { method: 'POST', headers: opts.headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), connection: res.headers.connection }),
      );
      res.on('error', reject);
    });
    // The server may answer 413 and close while we are still sending: that is the point.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.setTimeout(DEADLINE_MS, () => req.destroy(new Error(`no answer within ${DEADLINE_MS} ms`)));
    const write = (i: number): void => {
      if (i >= opts.chunks.length) {
        req.end();
        return;
      }
      if (req.destroyed) return;
      req.write(opts.chunks[i], () => setImmediate(() => write(i + 1)));
    };
    write(0);
  });
}

describe('signature', () => {
  it('accepts a correctly signed delivery with 202, queues it, and the worker opens the channel', async () => {
    const b = await bot();
    const delivery = incidentDelivery('triggered', incident);
    const res = await b.deliver(delivery);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: delivery.event.id, duplicate: false });
    const job = await queue.getJob(`pd-${delivery.event.id}`);
    expect(job?.data).toMatchObject({ event: { id: delivery.event.id, type: 'triggered', incidentId: 'PWEB001' } });
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => cards().find((c) => c.channel === channel.id));
  });

  it('verifies the raw bytes: pretty-printed JSON with non-ASCII text is accepted as signed', async () => {
    const b = await bot();
    const body = JSON.stringify(incidentDelivery('triggered', { ...incident, title: 'Zahlung fehlgeschlagen — 支払い ✓' }), null, 2);
    const res = await post(b, body, signed(body));
    expect(res.status).toBe(202);
  });

  it('refuses a wrong signature with 401 and changes nothing', async () => {
    const b = await bot();
    const body = JSON.stringify(incidentDelivery('triggered', incident));
    const res = await post(b, body, signed(body, 'some-other-secret'));
    expect(res.status).toBe(401);
    expect((await res.json()) as { error: string }).toMatchObject({ error: expect.stringMatching(/signature/i) });
    await expectNoSideEffect();
  });

  it('refuses a delivery without X-PagerDuty-Signature with 401 and changes nothing', async () => {
    const b = await bot();
    const body = JSON.stringify(incidentDelivery('triggered', incident));
    const res = await post(b, body);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/missing/i);
    await expectNoSideEffect();
  });

  it.each([
    ['empty', ''],
    ['no v1= scheme', 'sha256=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd'],
    ['v1= and nothing', 'v1='],
    ['truncated hex', 'v1=0c0b9495'],
  ])('refuses a malformed signature header (%s) with 401', async (_what, header) => {
    const b = await bot();
    const body = JSON.stringify(incidentDelivery('triggered', incident));
    const res = await post(b, body, { 'X-PagerDuty-Signature': header });
    expect(res.status).toBe(401);
    await expectNoSideEffect();
  });

  it('refuses a body tampered with after signing', async () => {
    const b = await bot();
    const original = JSON.stringify(incidentDelivery('triggered', incident));
    const tampered = original.replace('Checkout: p99 latency above 2 s', 'Checkout: p99 latency above 3 s');
    expect(tampered).not.toBe(original);
    const res = await post(b, tampered, signed(original));
    expect(res.status).toBe(401);
    await expectNoSideEffect();
  });

  describe('rotation (PAGERDUTY_WEBHOOK_SECRETS=old,new)', () => {
    it('accepts deliveries signed with either secret and refuses a third', async () => {
      const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: 'old-secret,new-secret' });
      const withOld = JSON.stringify(incidentDelivery('triggered', incident));
      const withNew = JSON.stringify(incidentDelivery('acknowledged', incident));
      const withOther = JSON.stringify(incidentDelivery('resolved', incident));
      expect((await post(b, withOld, signed(withOld, 'old-secret'))).status).toBe(202);
      expect((await post(b, withNew, signed(withNew, 'new-secret'))).status).toBe(202);
      expect((await post(b, withOther, signed(withOther, WEBHOOK_SECRET))).status).toBe(401);
    });

    it('accepts a header with two v1= values when only the second matches', async () => {
      const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: 'old-secret,new-secret' });
      const body = JSON.stringify(incidentDelivery('triggered', incident));
      const header = pagerDutySignature(body, 'retired-secret', 'new-secret');
      expect(header.split(',')).toHaveLength(2);
      expect((await post(b, body, { 'X-PagerDuty-Signature': header })).status).toBe(202);
      // Same shape, neither value matching: refused.
      const bad = pagerDutySignature(body, 'retired-secret', 'another-secret');
      const other = JSON.stringify(incidentDelivery('acknowledged', incident));
      expect((await post(b, other, { 'X-PagerDuty-Signature': bad })).status).toBe(401);
    });

    it('tolerates spaces after the comma between signatures', async () => {
      const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: 'old-secret, new-secret' });
      const body = JSON.stringify(incidentDelivery('triggered', incident));
      const header = pagerDutySignature(body, 'retired-secret', 'new-secret').replace(',', ', ');
      expect((await post(b, body, { 'X-PagerDuty-Signature': header })).status).toBe(202);
    });
  });

  describe("PagerDuty's own test vector", () => {
    it('accepts the vector body with its valid signature (an incident.priority_updated event)', async () => {
      const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: vector.secret });
      const res = await post(b, vector.body, { 'X-PagerDuty-Signature': vector.valid_signature });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
      expect(await res.json()).toMatchObject({ accepted: '01BWDWL3NYY7LUFPZCC28QUCMK' });
    });

    it('refuses the vector body with the mismatched signature', async () => {
      const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: vector.secret });
      const res = await post(b, vector.body, { 'X-PagerDuty-Signature': vector.mismatched_signature });
      expect(res.status).toBe(401);
      await expectNoSideEffect();
    });
  });
});

describe('body', () => {
  it.each([
    ['truncated JSON', '{"event": {"id": "01X", "event_type": "incident.triggered"'],
    ['not JSON at all', 'event=incident.triggered&id=PWEB001'],
    ['an empty body', ''],
  ])('answers 400 to %s even when correctly signed, and changes nothing', async (_what, body) => {
    const b = await bot();
    const res = await post(b, body, signed(body));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
    await expectNoSideEffect();
  });

  it('answers 400 to bytes that are not UTF-8 JSON', async () => {
    const b = await bot();
    const bytes = Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]);
    const res = await post(b, bytes, { 'X-PagerDuty-Signature': `v1=${createHmac('sha256', WEBHOOK_SECRET).update(bytes).digest('hex')}` });
    expect(res.status).toBe(400);
    await expectNoSideEffect();
  });

  it.each([
    ['a v2 webhook', { messages: [{ event: 'incident.trigger', incident: { id: 'PWEB001' } }] }],
    ['an array', [incidentDelivery('triggered', incident)]],
    ['null', null],
    ['a number', 42],
    ['an envelope without event', { data: incidentDelivery('triggered', incident).event.data }],
    ['an event without id', { event: { ...incidentDelivery('triggered', incident).event, id: undefined } }],
    ['an event without event_type', { event: { ...incidentDelivery('triggered', incident).event, event_type: undefined } }],
    ['an event with a numeric id', { event: { ...incidentDelivery('triggered', incident).event, id: 12345 } }],
    ['an event whose occurred_at is not a date', { event: { ...incidentDelivery('triggered', incident).event, occurred_at: 'yesterday' } }],
    ['an incident event whose data is not an incident', { event: { ...incidentDelivery('triggered', incident).event, data: 'PWEB001' } }],
    ['an incident event whose incident has no id', { event: { ...incidentDelivery('triggered', incident).event, data: { title: 'x' } } }],
  ])('answers 400 to valid JSON that is not a v3 delivery: %s', async (_what, payload) => {
    const b = await bot();
    const body = JSON.stringify(payload);
    const res = await post(b, body, signed(body));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(0);
    await expectNoSideEffect();
  });

  it('accepts a body of exactly 256 KB', async () => {
    const b = await bot();
    const delivery = incidentDelivery('triggered', incident) as unknown as Record<string, unknown>;
    const bare = JSON.stringify({ ...delivery, padding: '' });
    const body = JSON.stringify({ ...delivery, padding: 'x'.repeat(MAX_BODY - Buffer.byteLength(bare)) });
    expect(Buffer.byteLength(body)).toBe(MAX_BODY);
    const res = await post(b, body, signed(body));
    expect(res.status).toBe(202);
  });

  it('refuses 256 KB + 1 byte with an honest Content-Length with 413, and changes nothing', async () => {
    const b = await bot();
    const delivery = incidentDelivery('triggered', incident) as unknown as Record<string, unknown>;
    const bare = JSON.stringify({ ...delivery, padding: '' });
    const body = Buffer.from(JSON.stringify({ ...delivery, padding: 'x'.repeat(MAX_BODY + 1 - Buffer.byteLength(bare)) }));
    expect(body.length).toBe(MAX_BODY + 1);
    const res = await rawPost(b.url, {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...signed(body.toString()) },
      chunks: [body],
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/256 KB/);
    await expectNoSideEffect();
  });

  it('refuses a chunked body that grows past 256 KB with 413, and changes nothing', async () => {
    const b = await bot();
    const delivery = JSON.stringify(incidentDelivery('triggered', incident));
    // A well-formed delivery whose padding only shows as the chunks arrive; 1 MB in 16 KB chunks.
    const head = Buffer.from(`${delivery.slice(0, -1)},"padding":"`);
    const chunks = [head, ...Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 'x')), Buffer.from('"}')];
    const res = await rawPost(b.url, {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...signed(Buffer.concat(chunks).toString()) },
      chunks,
    });
    expect(res.status).toBe(413);
    // The rest of an oversized body is not read: the connection is closed instead.
    expect(res.connection).toBe('close');
    await expectNoSideEffect();
  });

  it('accepts a small chunked delivery (no Content-Length) as usual', async () => {
    const b = await bot();
    const body = Buffer.from(JSON.stringify(incidentDelivery('triggered', incident)));
    const chunks = [body.subarray(0, 100), body.subarray(100)];
    const res = await rawPost(b.url, {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...signed(body.toString()) },
      chunks,
    });
    expect(res.status).toBe(202);
  });
});

describe('event types the bot does not use', () => {
  const unused = [
    {
      event: {
        id: eventId(),
        event_type: 'service.updated',
        resource_type: 'service',
        occurred_at: '2026-11-21T03:12:00Z',
        agent: { id: 'PJ0LVEB', summary: 'PIG 208', type: 'user_reference' },
        client: null,
        data: { id: 'PA2P440', type: 'service', summary: 'pig208', name: 'pig208', description: 'changed' },
      },
    },
    {
      event: {
        id: eventId(),
        event_type: 'incident.responder.added',
        resource_type: 'incident',
        occurred_at: '2026-11-21T03:13:00Z',
        agent: { id: 'PJ0LVEB', summary: 'PIG 208', type: 'user_reference' },
        client: null,
        data: {
          incident: { id: 'PWEB001', type: 'incident_reference', summary: 'Checkout', html_url: 'https://pig208.pagerduty.com/incidents/PWEB001' },
          user: { id: 'PALICE1', type: 'user_reference', summary: 'Alice Adams' },
          escalation_policy: null,
          message: 'Please help with "Checkout"',
          state: 'pending',
          type: 'incident_responder',
        },
      },
    },
    {
      event: {
        id: eventId(),
        event_type: 'incident.status_update_published',
        resource_type: 'incident',
        occurred_at: '2026-11-21T03:14:00Z',
        agent: { id: 'PJ0LVEB', summary: 'PIG 208', type: 'user_reference' },
        client: null,
        data: {
          id: 'PSTATUS1',
          message: 'We are investigating.',
          incident: { id: 'PWEB001', type: 'incident_reference', summary: 'Checkout' },
          sender: { id: 'PJ0LVEB', type: 'user_reference', summary: 'PIG 208' },
          type: 'status_update',
        },
      },
    },
    {
      event: {
        id: eventId(),
        event_type: 'pagey.ping',
        resource_type: 'pagey',
        occurred_at: '2026-11-21T03:15:00Z',
        agent: null,
        client: null,
        data: { message: 'Hello from your friend Pagey!', type: 'ping' },
      },
    },
  ];

  it.each(unused.map((d) => [d.event.event_type, d] as const))('acknowledges %s with 2xx and does nothing', async (_type, delivery) => {
    const b = await bot();
    const res = await b.deliver(delivery);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
    await expectNoSideEffect();
    // The worker was running all along: a page sent afterwards opens exactly one channel.
    expect((await b.deliver(incidentDelivery('triggered', incident))).status).toBe(202);
    await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.queues.waitForIdle();
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
    expect(wire.slack.channels.size).toBe(1);
  });
});

describe('not configured', () => {
  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['only commas', ' , '],
  ])('answers 503 naming PAGERDUTY_WEBHOOK_SECRETS when it is %s, and changes nothing', async (_what, value) => {
    const b = await bot({ PAGERDUTY_WEBHOOK_SECRETS: value });
    const res = await b.deliver(incidentDelivery('triggered', incident));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('PAGERDUTY_WEBHOOK_SECRETS');
    await expectNoSideEffect();
  });
});

describe('redelivery', () => {
  async function expectOneChannelOneCard(): Promise<void> {
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => cards().find((c) => c.channel === channel.id));
    // The card is posted by the one job; once no job is left to run, nothing more can happen.
    await wire.queues.waitForIdle();
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
    expect(wire.slack.channels.size).toBe(1);
    expect(cards()).toEqual([{ channel: channel.id, key: 'pd-PWEB001/card' }]);
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
  }

  it('the same delivery 5 times in a row: one channel, one card, the repeats answered as duplicates', async () => {
    const b = await bot();
    const delivery = incidentDelivery('triggered', incident);
    const webhookId = `wh-${eventId()}`;
    const answers: Array<{ status: number; body: unknown }> = [];
    for (let i = 0; i < 5; i++) {
      const res = await b.deliver(delivery, { 'X-Webhook-Id': webhookId });
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0]).toEqual({ status: 202, body: { accepted: delivery.event.id, duplicate: false } });
    for (const a of answers.slice(1)) expect(a).toEqual({ status: 202, body: { accepted: delivery.event.id, duplicate: true } });
    await expectOneChannelOneCard();
  });

  it('the same delivery 10 times at once: one channel, one card, exactly one answer not a duplicate', async () => {
    const b = await bot();
    const delivery = incidentDelivery('triggered', incident);
    const responses = await Promise.all(Array.from({ length: 10 }, () => b.deliver(delivery)));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ accepted: string; duplicate: boolean }>));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    expect(bodies.every((x) => x.accepted === delivery.event.id)).toBe(true);
    expect(bodies.filter((x) => !x.duplicate)).toHaveLength(1);
    expect(bodies.filter((x) => x.duplicate)).toHaveLength(9);
    await expectOneChannelOneCard();
  });

  it('the same delivery to two replicas at once: still one channel and one card', async () => {
    const [b1, b2] = [await bot(), await bot()];
    const delivery = incidentDelivery('triggered', incident);
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? b1 : b2).deliver(delivery)));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(202));
    await expectOneChannelOneCard();
  });
});

describe('Redis unreachable (REDIS_URL is a port that resets every connection)', () => {
  // A real process, so "keeps running" means what it says and it can be killed whatever state it is in.
  let child: ChildProcess;
  let url: string;
  let stdout = '';
  let stderr = '';
  let processSlack: FakeSlack;
  let redisPort: ResettingPort;

  beforeAll(async () => {
    processSlack = await FakeSlack.start();
    redisPort = await ResettingPort.open();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-slack-signing-secret',
        SLACK_API_URL: processSlack.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort.port}`,
        REDIS_KEY_PREFIX: randomPrefix(),
        PAGERDUTY_WEBHOOK_SECRETS: WEBHOOK_SECRET,
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = await waitForLine(child, /"rootcause started"/);
    url = `http://127.0.0.1:${(JSON.parse(started.input) as { port: number }).port}`;
  });
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await redisPort.close();
    await processSlack.close();
  });

  // How quickly it answers is measured by bench/degraded.ts.
  it('answers the webhook 503 naming Redis', async () => {
    const body = JSON.stringify(incidentDelivery('triggered', incident));
    const res = await post({ url }, body, signed(body));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Redis');
  });

  it('keeps running through several reconnect rounds: /healthz 200, /readyz 503 naming Redis', async () => {
    // The process opens about 8 connections; 30 refused attempts are several rounds of each.
    await waitUntil(() => redisPort.attempts >= 30, () => `Redis tried only ${redisPort.attempts} times`);
    expect({ exitCode: child.exitCode, signal: child.signalCode }).toEqual({ exitCode: null, signal: null });
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(DEADLINE_MS) });
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(DEADLINE_MS) });
    expect(ready.status).toBe(503);
    expect(await ready.text()).toContain('Redis');
    // Still answering deliveries.
    const body = JSON.stringify(incidentDelivery('acknowledged', incident));
    expect((await post({ url }, body, signed(body))).status).toBe(503);
    expect(processSlack.workCalls).toEqual([]);
  });

  it('reports the outage in its JSON log, not as raw stack traces on stderr', () => {
    expect(stdout).toMatch(/"msg":"Redis is unreachable; retrying"/);
    expect(stderr.split('\n').filter((l) => l.trim() !== '').slice(0, 5)).toEqual([]);
  });

  it('stops cleanly on SIGTERM even while Redis is unreachable', async () => {
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    expect(await withinDeadline(exited, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
  });
});

describe('Redis returns', () => {
  it('carries on: ready again, and the redelivery of a refused event opens its channel', async () => {
    const proxy = await RedisProxy.reserve();
    try {
      const b = await bot({ REDIS_URL: proxy.url });
      const delivery = incidentDelivery('triggered', incident);
      const refused = await b.deliver(delivery);
      expect(refused.status).toBe(503);
      expect((await fetch(`${b.url}/readyz`)).status).toBe(503);

      await proxy.open();
      await waitUntil(async () => (await fetch(`${b.url}/readyz`)).status === 200, '/readyz 200 after Redis returned');
      // PagerDuty retries the refused delivery.
      const retried = await b.deliver(delivery);
      expect(retried.status).toBe(202);
      const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
      await wire.slack.waitFor(() => cards().find((c) => c.channel === channel.id));
      await wire.queues.waitForIdle();
      expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
    } finally {
      await wire.stopBots();
      await proxy.close();
    }
  });
});

/** Where Redis should be: a port that accepts each connection and resets it at once, counting the attempts. */
class ResettingPort {
  attempts = 0;

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.attempts += 1;
      socket.resetAndDestroy();
    });
  }

  static async open(): Promise<ResettingPort> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new ResettingPort(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
