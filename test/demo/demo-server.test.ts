/**
 * The demo without a browser: its page server answers, a typed command and a Page button reach
 * the real bot as signed requests, and the view the page draws shows the bot's answers — a
 * verdict, an ephemeral reply, a new incident channel with clickable buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startDemo } from '../../src/demo/start-demo.js';
import type { RunningDemo } from '../../src/demo/start-demo.js';
import type { PageView } from '../../src/demo/render-view.js';
import { waitUntil } from '../helpers/deadline.js';
import { TEST_REDIS_URL, connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';

let demo: RunningDemo;
const prefix = randomPrefix();

beforeAll(async () => {
  demo = await startDemo({ port: 0, redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, story: false, pace: 1, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await demo?.stop();
  const redis = connectTestRedis();
  await deleteKeys(redis, prefix);
  await redis.quit();
});

async function view(query: Record<string, string> = {}): Promise<PageView> {
  const res = await fetch(`${demo.url}/api/view?${new URLSearchParams({ tz: 'Europe/Berlin', ...query }).toString()}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PageView;
}

async function post(path: string, body: Record<string, string>): Promise<void> {
  const res = await fetch(`${demo.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(204);
}

describe('the demo server', () => {
  it('serves the page with a Page button per service of the cluster', async () => {
    const res = await fetch(demo.url);
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    for (const service of ['fraud-scorer', 'checkout', 'indexer', 'ledger']) expect(html).toContain(`data-service="${service}"`);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it('replays a typed /triage as a signed slash command: the command and the ack are the visitor\'s alone, the verdict is in the channel', async () => {
    const start = await view();
    expect(start.channel.name).toBe('incidents');
    await post('/api/send', { channel: start.channel.id, text: '/triage indexer' });
    let v = start;
    await waitUntil(async () => {
      v = await view({ channel: start.channel.id });
      return /deployment\/indexer in search[\s\S]*exit 139/.test(v.messagesHtml);
    }, () => `the indexer verdict in #incidents; the page shows: ${v.messagesHtml.replace(/<[^>]+>/g, ' ').slice(0, 400)}`);
    expect(v.messagesHtml).toContain('/triage indexer');
    expect(v.messagesHtml).toContain('Only visible to you');
  });

  it('pages a service: a new incident channel whose card has clickable Run triage and Resolve buttons', async () => {
    await post('/api/page', { service: 'ledger' });
    let channel: PageView['conversations'][number] | undefined;
    await waitUntil(async () => {
      channel = (await view()).conversations.find((c) => /^inc-\d{8}-\d+-ledger/.test(c.name));
      return channel !== undefined;
    }, 'an incident channel for the ledger page');
    let v: PageView | undefined;
    await waitUntil(async () => {
      v = await view({ channel: channel!.id });
      return v.messagesHtml.includes('data-action-id="rootcause_resolve"');
    }, 'the ledger card with a clickable Resolve button');
    expect(v!.messagesHtml).toMatch(/<button class="btn[^"]*" data-action-id="rootcause_run_triage" data-value="pd-PDEMO\d+"/);
  });
});
