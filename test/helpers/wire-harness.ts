/**
 * The set-up every wire test shares. `useWire()` at the top of a file registers the hooks: one
 * Redis connection for the file; for each test a fresh key prefix, the Slack fake (and the
 * PagerDuty and Kubernetes API fakes when asked), a view of the bot's queues, and every bot the
 * test starts — all stopped and closed after the test, and the prefix's keys deleted. Signed
 * Slack requests (slash commands, Events API callbacks, button clicks) go through its helpers.
 *
 * Hooks run in the order registered and after hooks in reverse (vitest's `stack`), so a file's
 * own beforeEach sees the fakes started, and its afterEach runs while they are still up.
 */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { RedisTimelineStore } from '../../src/adapters/redis/redis-timeline-store.js';
import { FakeKubeApi } from '../../src/demo/fakes/fake-kube-api.js';
import { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { slackSignedHeaders } from '../../src/demo/wire/sign.js';
import { blockAction, eventCallback, postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { DEADLINE_MS } from './deadline.js';
import { TestQueues } from './queues.js';
import { connectTestRedis, deleteKeys, randomPrefix } from './redis.js';
import { SIGNING_SECRET, startTestBot } from './test-bot.js';
import type { TestBot } from './test-bot.js';

export interface WireOptions {
  /** Options of the Slack fake (latency, Socket Mode redelivery). */
  slack?: Parameters<typeof FakeSlack.start>[0];
  /** Start the PagerDuty fake; bots then use it (API token and From e-mail set). Default false. */
  pagerduty?: boolean;
  /** Start the Kubernetes API fake (bots read it only with a KUBECONFIG from `kube.kubeconfig()`). Default false. */
  kube?: boolean;
  /**
   * Stop each bot within DEADLINE_MS after the test, going on if its stop hangs — for files that
   * cut Redis off under a bot. Default false: a stop that hangs fails the test.
   */
  boundedStop?: boolean;
}

export type BotOptions = Omit<Parameters<typeof startTestBot>[0], 'slack' | 'prefix' | 'pagerduty'> & {
  /** Leave the PagerDuty fake out even when it runs (no API token). Default false. */
  withoutPagerDuty?: boolean;
};

export type SlashAck = { text?: string; blocks?: unknown[]; response_type?: string };

export interface Wire {
  /** The file's Redis connection (not a bot's). */
  readonly redis: Redis;
  /** This test's key prefix. */
  readonly prefix: string;
  readonly keys: RedisKeys;
  /** The timeline as the bots store it under this test's prefix. */
  readonly timeline: RedisTimelineStore;
  readonly slack: FakeSlack;
  readonly pd: FakePagerDuty;
  readonly kube: FakeKubeApi;
  readonly queues: TestQueues;
  /** Starts a bot on this test's fakes and prefix; stopped after the test. */
  startBot(opts?: BotOptions): Promise<TestBot>;
  /** Stops the bots started so far (those that were not stopped already). */
  stopBots(): Promise<void>;
  /**
   * A signed slash command, answered 200, with a fresh trigger_id and its own response_url
   * (`slack.responses(responseId)` reads what was said there).
   */
  command(bot: { url: string }, c: { command: string; text: string; channelId: string; userId?: string; responseId?: string }): Promise<{ ack: SlashAck; responseId: string }>;
  /** A signed Events API callback to /slack/events, as Slack sends it (retries with their headers). */
  event(bot: { url: string }, event: Record<string, unknown>, opts?: { eventId?: string; retry?: number }): Promise<Response>;
  /** A signed click on a button of a message (block_actions). */
  click(bot: { url: string }, action: Parameters<typeof blockAction>[0]): Promise<Response>;
}

/** The key the bot put on a message it posted (in its metadata, see SlackChat); undefined on anyone else's. */
export function keyOf(message: { metadata?: Record<string, unknown> | undefined }): string | undefined {
  return (message.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`wire harness: ${what} is not started here (useWire options, or outside a test)`);
  return value;
}

export function useWire(opts: WireOptions = {}): Wire {
  let redis: Redis | undefined;
  let prefix: string | undefined;
  let slack: FakeSlack | undefined;
  let pd: FakePagerDuty | undefined;
  let kube: FakeKubeApi | undefined;
  let queues: TestQueues | undefined;
  let bots: TestBot[] = [];
  let n = 0;

  const stop = (b: TestBot): Promise<void> => {
    if (!opts.boundedStop) return b.stop();
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<void>((resolve) => (timer = setTimeout(resolve, DEADLINE_MS)));
    return Promise.race([b.stop(), hung]).finally(() => clearTimeout(timer));
  };

  beforeAll(() => {
    redis = connectTestRedis();
  });
  afterAll(async () => {
    await redis?.quit();
    redis = undefined;
  });
  beforeEach(async () => {
    prefix = randomPrefix();
    slack = await FakeSlack.start(opts.slack);
    if (opts.pagerduty) pd = await FakePagerDuty.start();
    if (opts.kube) kube = await FakeKubeApi.start();
    queues = new TestQueues(required(redis, 'Redis'), prefix);
  });
  afterEach(async () => {
    const running = bots;
    bots = [];
    await Promise.all(running.map(stop));
    await queues?.close();
    await slack?.close();
    await pd?.close();
    await kube?.close();
    if (redis !== undefined && prefix !== undefined) await deleteKeys(redis, prefix);
    [queues, slack, pd, kube, prefix] = [undefined, undefined, undefined, undefined, undefined];
  });

  const wire: Wire = {
    get redis() {
      return required(redis, 'Redis');
    },
    get prefix() {
      return required(prefix, 'the key prefix');
    },
    get keys() {
      return new RedisKeys(wire.prefix);
    },
    get timeline() {
      return new RedisTimelineStore(wire.redis, wire.keys);
    },
    get slack() {
      return required(slack, 'the Slack fake');
    },
    get pd() {
      return required(pd, 'the PagerDuty fake');
    },
    get kube() {
      return required(kube, 'the Kubernetes API fake');
    },
    get queues() {
      return required(queues, 'the queues');
    },
    async startBot(botOpts: BotOptions = {}) {
      const { withoutPagerDuty, ...rest } = botOpts;
      const b = await startTestBot({ slack: wire.slack, prefix: wire.prefix, ...(pd && !withoutPagerDuty ? { pagerduty: pd } : {}), ...rest });
      bots.push(b);
      return b;
    },
    async stopBots() {
      const running = bots;
      bots = [];
      await Promise.all(running.map(stop));
    },
    async command(bot, c) {
      const responseId = c.responseId ?? `r${++n}`;
      const body = slashCommand({ command: c.command, text: c.text, userId: c.userId ?? 'U0ALICE', channelId: c.channelId, responseUrl: wire.slack.responseUrl(responseId) }).replace(
        'trigger_id=123.456.abc',
        `trigger_id=${Date.now()}.${++n}`,
      );
      const res = await postSlack(bot.url, body, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      return { ack: (await res.json()) as SlashAck, responseId };
    },
    async event(bot, event, eventOpts = {}) {
      const body = eventCallback(event, eventOpts.eventId);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...slackSignedHeaders(body, SIGNING_SECRET) };
      if (eventOpts.retry !== undefined) {
        headers['X-Slack-Retry-Num'] = String(eventOpts.retry);
        headers['X-Slack-Retry-Reason'] = 'http_timeout';
      }
      return fetch(`${bot.url}/slack/events`, { method: 'POST', headers, body });
    },
    click(bot, action) {
      return postSlack(bot.url, blockAction(action), 'application/x-www-form-urlencoded');
    },
  };
  return wire;
}
