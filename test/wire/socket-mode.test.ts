/** With SLACK_APP_TOKEN, Slack traffic goes over Socket Mode; the HTTP server still serves the webhook and health. */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FakeSlack } from '../fakes/fake-slack.js';
import { incidentDelivery } from '../helpers/pagerduty-events.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';

let redis: Redis;
let slack: FakeSlack;
let prefix: string;
let bot: TestBot;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomPrefix();
  slack = await FakeSlack.start();
  bot = await startTestBot({ slack, prefix, env: { SLACK_APP_TOKEN: 'xapp-1-test', PORT: String(await freePort()) } });
});
afterEach(async () => {
  await bot.stop();
  await slack.close();
  await deleteKeys(redis, prefix);
});

describe('Socket Mode', () => {
  it('asks SLACK_API_URL for its WebSocket, and serves health and the PagerDuty webhook over HTTP meanwhile', async () => {
    // The fake has no Socket Mode: the bot keeps asking, and everything else carries on.
    await slack.waitFor(() => slack.calls.find((c) => c.method === 'apps.connections.open'));
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    const res = await bot.deliver(incidentDelivery('triggered', { id: 'PSOCK01', number: 91, title: 'Socket mode page', assignees: [] }));
    expect(res.status).toBe(202);
    await slack.waitFor(() => slack.channelByName('inc-20261121-91-socket-mode-page'));
    // Slack's own endpoint is not served over HTTP in Socket Mode.
    expect((await fetch(`${bot.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
