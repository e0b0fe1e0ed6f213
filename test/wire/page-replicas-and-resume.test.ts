/**
 * Exactly one channel per PagerDuty incident across concurrent deliveries to two bot
 * instances on one Redis, and a flow cut short half-way resumes without repeating itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { TestQueues } from '../helpers/queues.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { RedisIncidentStore } from '../../src/adapters/redis/redis-incident-store.js';
import { RedisPostLedger } from '../../src/adapters/redis/redis-post-ledger.js';
import { newPagedIncident } from '../../src/domain/incident/incident.js';

let redis: Redis;
let slack: FakeSlack;
let pd: FakePagerDuty;
let prefix: string;
let bots: TestBot[] = [];

const incident = { id: 'PREPL01', number: 31, title: 'Orders DB connections exhausted', assignees: [] };
const CHANNEL = 'inc-20261121-31-orders-db-connections-exhausted';

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomPrefix();
  slack = await FakeSlack.start({ latencyMs: 20 });
  pd = await FakePagerDuty.start();
});
afterEach(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  bots = [];
  await slack.close();
  await pd.close();
  await deleteKeys(redis, prefix);
});

async function bot(): Promise<TestBot> {
  const b = await startTestBot({ slack, pagerduty: pd, prefix });
  bots.push(b);
  return b;
}

const cards = (channelId: string) =>
  slack.messages(channelId).filter((m) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key === 'pd-PREPL01/card');

describe('one channel per incident', () => {
  it('with deliveries raced to two bot instances on one Redis', async () => {
    const [a, b] = [await bot(), await bot()];
    const triggered = incidentDelivery('triggered', incident);
    // PagerDuty retries of one event, plus a second event for the same incident, all at once.
    const acknowledged = incidentDelivery('acknowledged', incident);
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).deliver(triggered)),
      ...Array.from({ length: 4 }, (_, i) => (i % 2 ? b : a).deliver(acknowledged)),
    ]);
    expect(answers.every((r) => r.status === 202)).toBe(true);
    const channel = await slack.waitFor(() => slack.channelByName(CHANNEL));
    await slack.waitFor(() => slack.messages(channel.id).find((m) => m.text.startsWith('Acknowledged')));
    // Every job of both instances done: whatever was to be posted twice would be posted by now.
    const queues = new TestQueues(redis, prefix);
    await queues.waitForIdle().finally(() => queues.close());
    expect(slack.callsTo('conversations.create')).toHaveLength(1);
    expect(cards(channel.id)).toHaveLength(1);
    expect(slack.messages(channel.id).filter((m) => m.text.startsWith('Acknowledged'))).toHaveLength(1);
  });
});

describe('resuming a flow cut short', () => {
  const keys = () => new RedisKeys(prefix);

  it('adopts the channel it created just before a crash instead of making a second one', async () => {
    // State as left by a process killed right after conversations.create answered.
    const made = slack.addChannel(CHANNEL, { creator: 'UBOT' });
    const store = new RedisIncidentStore(redis, keys());
    const paged = incidentDelivery('triggered', incident).event.data;
    const record = newPagedIncident(
      {
        id: 'PREPL01',
        number: 31,
        title: incident.title,
        status: 'triggered',
        htmlUrl: String(paged.html_url),
        createdAt: '2026-11-21T03:12:00.000Z',
        service: { id: 'PA2P440', name: 'pig208' },
        assignees: [],
        urgency: 'high',
        priority: undefined,
        escalationPolicy: undefined,
      },
      [],
    );
    await store.save({ ...record, progress: { channelRequested: CHANNEL } });

    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    await slack.waitFor(() => cards(made.id)[0]);
    expect(slack.callsTo('conversations.create')).toHaveLength(0);
    expect(slack.channelByName(`${CHANNEL}-2`)).toBeUndefined();
  });

  it('finds the card it posted just before a crash instead of posting a second one', async () => {
    const made = slack.addChannel(CHANNEL, { creator: 'UBOT' });
    slack.addMessage(made.id, {
      text: 'Incident #31: Orders DB connections exhausted (triggered)',
      user: 'UBOT',
      bot_id: 'B0BOT',
      metadata: { event_type: 'rootcause_message', event_payload: { key: 'pd-PREPL01/card' } },
    });
    const store = new RedisIncidentStore(redis, keys());
    const record = newPagedIncident(
      {
        id: 'PREPL01',
        number: 31,
        title: incident.title,
        status: 'triggered',
        htmlUrl: '',
        createdAt: '2026-11-21T03:12:00.000Z',
        service: { id: 'PA2P440', name: 'pig208' },
        assignees: [],
        urgency: 'high',
        priority: undefined,
        escalationPolicy: undefined,
      },
      [],
    );
    await store.save({
      ...record,
      channel: { id: made.id, name: made.name },
      progress: { channelRequested: CHANNEL, topicSet: true, invitesDone: true },
    });
    await store.claimChannel(made.id, record.id);
    // The card's post was under way when the process died, two minutes ago.
    await new RedisPostLedger(redis, keys()).claim('pd-PREPL01/card', Date.now() - 120_000);

    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    await waitUntil(async () => (await store.get('pd-PREPL01'))?.cardTs !== undefined, 'the card recorded on the incident');
    expect(cards(made.id)).toHaveLength(1);
    expect((await store.get('pd-PREPL01'))?.cardTs).toBe(cards(made.id)[0]!.ts);
  });
});
