/**
 * Exactly one channel per PagerDuty incident across concurrent deliveries to two bot
 * instances on one Redis, and a flow cut short half-way resumes without repeating itself.
 */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import type { TestBot } from '../helpers/test-bot.js';
import { RedisIncidentStore } from '../../src/adapters/redis/redis-incident-store.js';
import { RedisPostLedger } from '../../src/adapters/redis/redis-post-ledger.js';
import { newPagedIncident } from '../../src/domain/incident/incident.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true, slack: { latencyMs: 20 } });

const incident = { id: 'PREPL01', number: 31, title: 'Orders DB connections exhausted', assignees: [] };
const CHANNEL = 'inc-20261121-31-orders-db-connections-exhausted';

const bot = (): Promise<TestBot> => wire.startBot();

const cards = (channelId: string) =>
  wire.slack.messages(channelId).filter((m) => keyOf(m) === 'pd-PREPL01/card');

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
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.startsWith('Acknowledged')));
    // Every job of both instances done: whatever was to be posted twice would be posted by now.
    await wire.queues.waitForIdle();
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
    expect(cards(channel.id)).toHaveLength(1);
    expect(wire.slack.messages(channel.id).filter((m) => m.text.startsWith('Acknowledged'))).toHaveLength(1);
  });
});

describe('resuming a flow cut short', () => {
  const keys = () => wire.keys;

  it('adopts the channel it created just before a crash instead of making a second one', async () => {
    // State as left by a process killed right after conversations.create answered.
    const made = wire.slack.addChannel(CHANNEL, { creator: 'UBOT' });
    const store = new RedisIncidentStore(wire.redis, keys());
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
    await wire.slack.waitFor(() => cards(made.id)[0]);
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(0);
    expect(wire.slack.channelByName(`${CHANNEL}-2`)).toBeUndefined();
  });

  it('finds the card it posted just before a crash instead of posting a second one', async () => {
    const made = wire.slack.addChannel(CHANNEL, { creator: 'UBOT' });
    wire.slack.addMessage(made.id, {
      text: 'Incident #31: Orders DB connections exhausted (triggered)',
      user: 'UBOT',
      bot_id: 'B0BOT',
      metadata: { event_type: 'rootcause_message', event_payload: { key: 'pd-PREPL01/card' } },
    });
    const store = new RedisIncidentStore(wire.redis, keys());
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
    await new RedisPostLedger(wire.redis, keys()).claim('pd-PREPL01/card', Date.now() - 120_000);

    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    await waitUntil(async () => (await store.get('pd-PREPL01'))?.cardTs !== undefined, 'the card recorded on the incident');
    expect(cards(made.id)).toHaveLength(1);
    expect((await store.get('pd-PREPL01'))?.cardTs).toBe(cards(made.id)[0]!.ts);
  });
});
