/**
 * With Redis unreachable, commands still answer — in the acknowledgement itself — name Redis, and
 * change nothing. How fast (Slack allows 3 s) is measured by bench/degraded.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();
let bot: TestBot;

beforeEach(async () => {
  // Nothing listens on port 1: every Redis command fails.
  bot = await wire.startBot({ env: { REDIS_URL: 'redis://127.0.0.1:1' }, start: { shutdownGraceMs: 0 } });
});

describe('commands while Redis is down', () => {
  it.each([
    ['/incident', 'sev 2'],
    ['/incident', 'declare Payments down'],
    ['/triage', 'payment-service'],
  ])('%s %s answers in the acknowledgement and names Redis', async (cmd, text) => {
    const res = await postSlack(bot.url, slashCommand({ command: cmd, text, userId: 'U0ALICE', channelId: 'C0GENERAL', responseUrl: wire.slack.responseUrl('x') }), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { text?: string };
    expect(body.text).toMatch(/Redis/);
    expect(wire.slack.calls.filter((c) => c.method === 'conversations.create')).toEqual([]);
  });
});
