/**
 * The whole demo in one process: Slack, PagerDuty and a Kubernetes API played by the local
 * stand-ins on 127.0.0.1, the real bot (config read from an env map as the process reads it)
 * pointed at them, and the Slack-like page that shows the workspace and replays the visitor's
 * typing and clicks to the bot as signed requests.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { loadConfig } from '../config.js';
import { startRootcause } from '../rootcause.js';
import { FakeKubeApi } from './fakes/fake-kube-api.js';
import { FakePagerDuty } from './fakes/fake-pagerduty.js';
import { FakeSlack } from './fakes/fake-slack.js';
import { BotWire } from './bot-wire.js';
import { loadDemoCluster } from './demo-cluster.js';
import { ANNOUNCE_CHANNEL, PEOPLE, VISITOR, demoServices, writeCatalog } from './demo-workspace.js';
import { startPageServer } from './page-server.js';
import { renderView } from './render-view.js';
import { SLACK_CSS } from './slack-html/slack-css.js';
import { playStory } from './story.js';
import type { StoryProgress } from './story.js';

export interface DemoOptions {
  /** Port of the page; 0 picks a free one. Default 4000 (DEMO_PORT). */
  port: number;
  /** Address the page listens on. Default 127.0.0.1 (DEMO_HOST; 0.0.0.0 inside a container). */
  host?: string;
  /** Default redis://127.0.0.1:6379 (REDIS_URL). */
  redisUrl: string;
  /** Every Redis key of the demo's bot starts with this; cleared at start. Default 'rootcause-demo'. */
  redisKeyPrefix: string;
  /** Play the incident by itself on start. Default true (DEMO_SCRIPT=off turns it off). */
  story: boolean;
  /** Multiplies the story's pauses between steps; default 1 (about a minute in all). */
  pace: number;
  log: Logger;
}

export interface RunningDemo {
  url: string;
  /** Resolves when the story has played (at once when it is off). */
  storyDone: Promise<void>;
  stop(): Promise<void>;
}

export async function startDemo(opts: DemoOptions): Promise<RunningDemo> {
  await clearPrefix(opts.redisUrl, opts.redisKeyPrefix);
  const now = new Date();
  const cluster = loadDemoCluster(now);
  const services = demoServices(cluster);

  const slack = await FakeSlack.start();
  const pagerduty = await FakePagerDuty.start();
  const kube = await FakeKubeApi.start();
  for (const o of cluster.objects) kube.add(o as never);
  for (const l of cluster.logs) kube.setLogs(l.namespace, l.pod, l.container, { ...(l.current === undefined ? {} : { current: l.current }), ...(l.previous === undefined ? {} : { previous: l.previous }) });
  for (const p of PEOPLE) {
    slack.addUser({ id: p.slackId, name: p.name, email: p.email, tz: p.tz });
    pagerduty.addUser({ id: p.pagerDutyId, name: p.name, email: p.email, time_zone: p.tz });
  }
  // PagerDuty notes are written as this user (PAGERDUTY_FROM_EMAIL must name a real one).
  pagerduty.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  slack.addChannel(ANNOUNCE_CHANNEL.name, { id: ANNOUNCE_CHANNEL.id, members: PEOPLE.map((p) => p.slackId), topic: 'Every page opens a channel; it is announced here.' });

  const secrets = { slackSigningSecret: randomBytes(16).toString('hex'), pagerDutyWebhookSecret: randomBytes(16).toString('hex') };
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: secrets.slackSigningSecret,
    SLACK_API_URL: slack.url,
    PAGERDUTY_WEBHOOK_SECRETS: secrets.pagerDutyWebhookSecret,
    PAGERDUTY_API_URL: pagerduty.url,
    PAGERDUTY_API_TOKEN: 'pd-test-token',
    PAGERDUTY_FROM_EMAIL: 'rootcause@example.com',
    REDIS_URL: opts.redisUrl,
    REDIS_KEY_PREFIX: opts.redisKeyPrefix,
    KUBECONFIG: kube.kubeconfig({ contexts: ['demo-cluster'] }).path,
    SERVICE_CATALOG: writeCatalog(services),
    INCIDENT_ANNOUNCE_CHANNEL: ANNOUNCE_CHANNEL.id,
    PORT: '0',
    LOG_LEVEL: opts.log.level,
  });
  const bot = await startRootcause(config, { log: opts.log.child({ component: 'bot' }), processMetrics: false });
  const botUrl = `http://127.0.0.1:${bot.port}`;

  let page: { changed(): void } | undefined;
  const changed = () => page?.changed();
  const wire = new BotWire(botUrl, slack, pagerduty, secrets, PEOPLE, changed);
  const progress: StoryProgress = {};
  const serviceByName = new Map(services.map((s) => [s.service, s]));

  const server = await startPageServer({
    port: opts.port,
    host: opts.host ?? '127.0.0.1',
    html: { services: services.map((s) => s.service), viewerName: `You (${VISITOR.name})`, extraCss: SLACK_CSS },
    onError: (err) => opts.log.warn({ err: err.message }, 'demo page request failed'),
    actions: {
      view: (q) => ({
        ...renderView(slack, { viewer: VISITOR.slackId, ...q, ephemerals: (c, u) => wire.ephemeralsFor(c, u), announceChannel: ANNOUNCE_CHANNEL.id }),
        ...(progress.follow === undefined ? {} : { follow: progress.follow }),
        ...(progress.line === undefined ? {} : { story: progress.line }),
      }),
      send: async (channel, text, thread) => {
        if (text.startsWith('/')) await wire.slash(VISITOR.slackId, channel, text);
        else await wire.say(VISITOR.slackId, channel, text, thread);
      },
      click: (channel, ts, actionId, value) => wire.click(VISITOR.slackId, channel, ts, actionId, value),
      page: async (name) => {
        const service = serviceByName.get(name);
        if (!service) throw new Error(`no service ${name}`);
        progress.follow = undefined;
        const { number } = await wire.page(service, `${service.service}: error rate above 5% for 5 minutes`);
        // The page takes the visitor to the new channel once the bot has opened it, as the story does.
        void followNewChannel(slack, number, progress, changed);
      },
    },
  });
  page = server;
  const unsubscribe = slack.onChange(changed);

  const storyDone = opts.story
    ? playStory({ slack, wire, services, pace: opts.pace, progress, changed }).catch((err: Error) => {
        progress.line = `The story stopped: ${err.message}`;
        changed();
        opts.log.error({ err: err.message }, 'demo story stopped');
      })
    : Promise.resolve();

  let stopped = false;
  return {
    url: server.url,
    storyDone,
    async stop() {
      if (stopped) return;
      stopped = true;
      progress.stopped = true;
      unsubscribe();
      await server.close();
      await bot.stop();
      await Promise.all([slack.close(), pagerduty.close(), kube.close()]);
    },
  };
}

async function followNewChannel(slack: FakeSlack, incidentNumber: number, progress: StoryProgress, changed: () => void): Promise<void> {
  const named = new RegExp(`^inc-\\d{8}-${incidentNumber}-`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !progress.stopped) {
    const channel = [...slack.channels.values()].find((c) => named.test(c.name));
    if (channel) {
      progress.follow = channel.id;
      changed();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100).unref());
  }
}

/** Each run starts fresh: the bot's incidents, queues and items of the last run are gone. */
async function clearPrefix(redisUrl: string, prefix: string): Promise<void> {
  // One attempt: a Redis that is not there is said at once, not retried in the background.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  let refused: Error | undefined;
  redis.on('error', (err: Error) => (refused = err));
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch (err) {
    throw new Error(`the demo needs Redis at ${redisUrl} (set REDIS_URL): ${(refused ?? (err as Error)).message}`);
  } finally {
    redis.disconnect();
  }
}
