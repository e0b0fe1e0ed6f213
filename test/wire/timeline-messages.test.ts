/** Channel messages, edits, deletions, redeliveries, bots, threads and :pushpin: → the timeline (signed Events API). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { eventCallback, postSlack } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();
let bot: TestBot;
let channel: FakeChannel;

beforeEach(async () => {
  bot = await wire.startBot();
  await bot.deliver(incidentDelivery('triggered', { id: 'PMSG001', number: 71, title: 'Search down', assignees: [] }));
  channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-71-search-down'));
  await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
});

const store = () => wire.timeline;
const slackEntries = async () => (await store().list('pd-PMSG001')).filter((e) => e.source === 'slack');

function send(event: Record<string, unknown>, opts: { eventId?: string; retry?: number } = {}): Promise<Response> {
  return wire.event(bot, { channel: channel.id, event_ts: '1', ...event }, opts);
}

describe('channel messages on the timeline', () => {
  it('records a person\'s message with author and Slack time, and marks decisions as key', async () => {
    expect((await send({ type: 'message', user: 'U0ALICE', text: 'anyone looking at this?', ts: '1795230000.000100' })).status).toBe(200);
    expect((await send({ type: 'message', user: 'U0BOB', text: 'rolled back search-api to 46', ts: '1795230060.000200' })).status).toBe(200);
    const entries = await slackEntries();
    expect(entries).toEqual([
      expect.objectContaining({ key: 'slack/1795230000.000100', author: 'U0ALICE', text: 'anyone looking at this?', important: false, at: new Date(1795230000000).toISOString() }),
      expect.objectContaining({ key: 'slack/1795230060.000200', author: 'U0BOB', text: 'rolled back search-api to 46', important: true }),
    ]);
  });

  it('writes a redelivered event once', async () => {
    const event = { type: 'message', user: 'U0ALICE', text: 'I think it is the new index', ts: '1795230100.000100' };
    await send(event, { eventId: 'Ev0SAME' });
    await send(event, { eventId: 'Ev0SAME', retry: 1 });
    await send(event, { eventId: 'Ev0SAME', retry: 2 });
    expect(await slackEntries()).toHaveLength(1);
  });

  it('honours edits and deletions, and a deleted message redelivered late stays deleted', async () => {
    const posted = { type: 'message', user: 'U0ALICE', text: 'restarting the pods', ts: '1795230200.000100' };
    await send(posted);
    await send({ type: 'message', subtype: 'message_changed', message: { type: 'message', user: 'U0ALICE', text: 'restarted the search pods', ts: '1795230200.000100', edited: { user: 'U0ALICE', ts: '1795230210.000000' } }, previous_message: { text: 'restarting the pods' }, ts: '1795230210.000100' });
    expect((await slackEntries())[0]?.text).toBe('restarted the search pods');
    await send({ type: 'message', subtype: 'message_deleted', deleted_ts: '1795230200.000100', ts: '1795230220.000100' });
    expect(await slackEntries()).toEqual([]);
    await send(posted, { retry: 1 });
    expect(await slackEntries()).toEqual([]);
  });

  it('skips bot messages and channel joins; keeps thread replies marked as such', async () => {
    await send({ type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER', text: 'Deploy finished', ts: '1795230300.000100' });
    await send({ type: 'message', bot_id: 'B0OTHER', user: 'U0OTHERBOT', text: 'CI green', ts: '1795230301.000100' });
    await send({ type: 'message', subtype: 'channel_join', user: 'U0ALICE', text: '<@U0ALICE> has joined the channel', ts: '1795230302.000100' });
    await send({ type: 'message', user: 'U0BOB', text: 'looking at the logs', ts: '1795230303.000100', thread_ts: '1795230000.000100' });
    const entries = await slackEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.text).toBe('(in thread) looking at the logs');
  });

  it('a :pushpin: or a pin marks a message as key', async () => {
    await send({ type: 'message', user: 'U0ALICE', text: 'error rate back to baseline', ts: '1795230400.000100' });
    await send({ type: 'message', user: 'U0ALICE', text: 'latency p99 is 800ms', ts: '1795230401.000100' });
    expect((await slackEntries()).every((e) => !e.important)).toBe(true);
    await send({ type: 'reaction_added', user: 'U0BOB', reaction: 'pushpin', item: { type: 'message', channel: channel.id, ts: '1795230400.000100' }, item_user: 'U0ALICE' });
    await send({ type: 'pin_added', user: 'U0BOB', channel_id: channel.id, item: { type: 'message', channel: channel.id, message: { ts: '1795230401.000100', text: 'latency p99 is 800ms' } } });
    expect((await slackEntries()).map((e) => e.important)).toEqual([true, true]);
  });

  it('ignores messages in channels that are not an incident\'s', async () => {
    const other = wire.slack.addChannel('random');
    const res = await wire.event(bot, { type: 'message', user: 'U0ALICE', text: 'rolled back', ts: '1795230500.000100', channel: other.id });
    expect(res.status).toBe(200);
    expect(await slackEntries()).toEqual([]);
  });

  it('a badly signed event is refused with 401 and records nothing', async () => {
    const body = eventCallback({ type: 'message', user: 'U0ALICE', text: 'rolled back', ts: '1795230600.000100', channel: channel.id });
    const res = await postSlack(bot.url, body, 'application/json', 'wrong-secret');
    expect(res.status).toBe(401);
    expect(await slackEntries()).toEqual([]);
  });
});

describe('a root cause said in the channel', () => {
  it('is recorded on the incident, so the next page of the service says this one was understood', async () => {
    await send({ type: 'message', user: 'U0BOB', text: 'root cause is the index rebuild starving the search pods of IO', ts: '1795230700.000100' });
    await bot.deliver(incidentDelivery('triggered', { id: 'PMSG002', number: 72, title: 'Search slow again', assignees: [], created_at: '2026-11-21T09:00:00Z' }));
    const next = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-72-search-slow-again'));
    const card = await wire.slack.waitFor(() => wire.slack.messages(next.id)[0]);
    expect(JSON.stringify(card.blocks)).toContain('(root cause recorded)');
  });
});
