/**
 * A real bot instance for wire tests: config read from an env map like the process
 * does, the real HTTP server on a random port, real Redis under a random prefix,
 * Slack and PagerDuty played by the fakes.
 */
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startRootcause } from '../../src/rootcause.js';
import type { RunningBot, StartOptions } from '../../src/rootcause.js';
import type { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import type { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { TEST_REDIS_URL } from './redis.js';
import { pagerDutySignature } from '../../src/demo/wire/sign.js';
import { LOCAL_PAGERDUTY_WEBHOOK_SECRET, LOCAL_SLACK_SIGNING_SECRET } from '../../src/demo/wire/local-secrets.js';

export const SIGNING_SECRET = LOCAL_SLACK_SIGNING_SECRET;
export const WEBHOOK_SECRET = LOCAL_PAGERDUTY_WEBHOOK_SECRET;

export interface TestBot extends RunningBot {
  url: string;
  /** POSTs a PagerDuty delivery, signed with WEBHOOK_SECRET unless headers say otherwise. */
  deliver(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** The env a test bot runs with, also for bots started as child processes. */
export function testBotEnv(opts: { slack: FakeSlack; pagerduty?: FakePagerDuty; prefix: string; env?: Record<string, string | undefined> }): Record<string, string | undefined> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: opts.slack.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: opts.prefix,
    PAGERDUTY_WEBHOOK_SECRETS: WEBHOOK_SECRET,
    PAGERDUTY_API_URL: opts.pagerduty?.url,
    PAGERDUTY_API_TOKEN: opts.pagerduty ? 'pd-test-token' : undefined,
    PAGERDUTY_FROM_EMAIL: opts.pagerduty ? 'rootcause@example.com' : undefined,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...opts.env,
  };
}

export async function startTestBot(opts: {
  slack: FakeSlack;
  pagerduty?: FakePagerDuty;
  prefix: string;
  env?: Record<string, string | undefined>;
  start?: Partial<Omit<StartOptions, 'log'>>;
}): Promise<TestBot> {
  const env = testBotEnv(opts);
  const config = loadConfig(env);
  const bot = await startRootcause(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), processMetrics: false, ...opts.start });
  const url = `http://127.0.0.1:${bot.port}`;
  return {
    ...bot,
    url,
    async deliver(body: unknown, headers: Record<string, string> = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return fetch(`${url}/webhooks/pagerduty`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PagerDuty-Signature': pagerDutySignature(text, WEBHOOK_SECRET), ...headers },
        body: text,
      });
    },
  };
}
