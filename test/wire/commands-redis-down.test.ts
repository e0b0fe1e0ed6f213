/**
 * With Redis unreachable, commands still answer — in the acknowledgement itself — name Redis, and
 * change nothing. How fast (Slack allows 3 s) is measured by bench/degraded.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';

let slack: FakeSlack;
let bot: TestBot;

beforeEach(async () => {
  slack = await FakeSlack.start();
  // Nothing listens on port 1: every Redis command fails.
  bot = await startTestBot({ slack, prefix: 'rctest-redis-down', env: { REDIS_URL: 'redis://127.0.0.1:1' }, start: { shutdownGraceMs: 0 } });
});
afterEach(async () => {
  await bot.stop();
  await slack.close();
});

describe('commands while Redis is down', () => {
  it.each([
    ['/incident', 'sev 2'],
    ['/incident', 'declare Payments down'],
    ['/triage', 'payment-service'],
  ])('%s %s answers in the acknowledgement and names Redis', async (cmd, text) => {
    const res = await postSlack(bot.url, slashCommand({ command: cmd, text, userId: 'U0ALICE', channelId: 'C0GENERAL', responseUrl: slack.responseUrl('x') }), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text?: string };
    expect(body.text).toMatch(/Redis/);
    expect(slack.calls.filter((c) => c.method === 'conversations.create')).toEqual([]);
  });
});
