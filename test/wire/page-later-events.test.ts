/** Later PagerDuty events update the card in place and post one short line each (PRODUCT §6). */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { incidentDelivery, noteDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { TestQueues } from '../helpers/queues.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';

let redis: Redis;
let slack: FakeSlack;
let pd: FakePagerDuty;
let prefix: string;
let bot: TestBot;
let queues: TestQueues;

const incident = {
  id: 'PLATER1',
  number: 12,
  title: 'Checkout errors',
  urgency: 'high',
  priority: null,
  assignees: [{ id: 'PALICE1', summary: 'Alice Adams' }],
};
const CHANNEL = 'inc-20261121-12-checkout-errors';

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomPrefix();
  slack = await FakeSlack.start();
  pd = await FakePagerDuty.start();
  slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  slack.addUser({ id: 'U0CAROL', name: 'carol', email: 'carol@example.com' });
  pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  pd.addUser({ id: 'PCAROL1', name: 'Carol Chen', email: 'carol@example.com' });
  bot = await startTestBot({ slack, pagerduty: pd, prefix });
  queues = new TestQueues(redis, prefix);
});
afterEach(async () => {
  await bot.stop();
  await queues.close();
  await slack.close();
  await pd.close();
  await deleteKeys(redis, prefix);
});

function card(channel: FakeChannel) {
  return slack.messages(channel.id).find((m) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key === 'pd-PLATER1/card');
}

async function opened(): Promise<FakeChannel> {
  await bot.deliver(incidentDelivery('triggered', incident, { occurredAt: '2026-11-21T03:12:00Z' }));
  const channel = await slack.waitFor(() => slack.channelByName(CHANNEL));
  // The card is posted before the responders are looked up, then updated to mention them:
  // the opening is finished when it does.
  await slack.waitFor(() => JSON.stringify(card(channel)?.blocks ?? '').includes('<@U0ALICE>'));
  return channel;
}

async function lineStarting(channel: FakeChannel, start: string) {
  return slack.waitFor(() => slack.messages(channel.id).find((m) => m.text.startsWith(start)));
}

describe('later events', () => {
  it('acknowledged: the card shows it and one line says who', async () => {
    const channel = await opened();
    const updatesBefore = slack.callsTo('chat.update').length;
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z', agentName: 'Alice Adams' }));
    const line = await lineStarting(channel, 'Acknowledged');
    expect(line.text).toBe('Acknowledged by Alice Adams');
    const updated = await slack.waitFor(() => slack.calls.filter((c) => c.method === 'chat.update')[updatesBefore]);
    expect(updated.args.ts).toBe(card(channel)!.ts);
    expect(JSON.stringify(card(channel)!.blocks)).toContain('Acknowledged');
  });

  it.each([
    ['unacknowledged', 'triggered', 'Unacknowledged'],
    ['escalated', 'triggered', 'Escalated to'],
    ['delegated', 'triggered', 'Delegated'],
    ['priority_updated', 'triggered', 'Priority changed to P1'],
    ['reopened', 'triggered', 'Reopened'],
    ['resolved', 'resolved', 'Resolved in PagerDuty'],
  ])('%s: a line in the channel and the card in step', async (type, status, start) => {
    const channel = await opened();
    const updatesBefore = slack.callsTo('chat.update').length;
    await bot.deliver(
      incidentDelivery(type, { ...incident, status, priority: { summary: 'P1' } }, { occurredAt: '2026-11-21T03:20:00Z' }),
    );
    await lineStarting(channel, start);
    await slack.waitFor(() => slack.callsTo('chat.update').length > updatesBefore);
    const blocks = JSON.stringify(card(channel)!.blocks);
    expect(blocks).toContain(status === 'resolved' ? 'Resolved' : 'Triggered');
    if (type === 'priority_updated') expect(blocks).toContain('P1');
    if (type === 'resolved') expect(blocks).not.toContain('rootcause_resolve');
  });

  it('reassigned: invites the new assignee and names them', async () => {
    const channel = await opened();
    await bot.deliver(
      incidentDelivery('reassigned', { ...incident, assignees: [{ id: 'PCAROL1', summary: 'Carol Chen' }] }, { occurredAt: '2026-11-21T03:20:00Z' }),
    );
    const line = await lineStarting(channel, 'Reassigned');
    expect(line.text).toContain('Carol Chen');
    await slack.waitFor(() => channel.members.has('U0CAROL'));
    await slack.waitFor(() => JSON.stringify(card(channel)!.blocks).includes('<@U0CAROL>'));
  });

  it('annotated: the note is posted in the channel', async () => {
    const channel = await opened();
    await bot.deliver(noteDelivery('PLATER1', 'Rolled back to v46, errors dropping'));
    const line = await lineStarting(channel, 'Note');
    expect(line.text).toContain('Rolled back to v46, errors dropping');
  });

  it('an event for an incident never seen opens its channel first', async () => {
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z' }));
    const channel = await slack.waitFor(() => slack.channelByName(CHANNEL));
    const c = await slack.waitFor(() => card(channel));
    expect(JSON.stringify(c.blocks)).toContain('Acknowledged');
    await lineStarting(channel, 'Acknowledged');
  });

  it('a note for an unseen incident reads the incident from PagerDuty to open the channel', async () => {
    pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
    await bot.deliver(noteDelivery('PLATER1', 'Looking into it'));
    const channel = await slack.waitFor(() => slack.channelByName(CHANNEL));
    await slack.waitFor(() => card(channel));
    await lineStarting(channel, 'Note');
  });

  it('an older event arriving late does not roll the status back', async () => {
    const channel = await opened();
    await bot.deliver(incidentDelivery('resolved', { ...incident, status: 'resolved' }, { occurredAt: '2026-11-21T04:00:00Z' }));
    await lineStarting(channel, 'Resolved');
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:30:00Z' }));
    await lineStarting(channel, 'Acknowledged');
    // Once its job is done, the late event has done all it will do to the card.
    await queues.waitForIdle();
    expect(JSON.stringify(card(channel)!.blocks)).toContain('Resolved');
  });

  it('the same later event delivered twice posts one line', async () => {
    const channel = await opened();
    const delivery = incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z' });
    await bot.deliver(delivery);
    await bot.deliver(delivery);
    await lineStarting(channel, 'Acknowledged');
    await queues.waitForIdle();
    expect(slack.messages(channel.id).filter((m) => m.text.startsWith('Acknowledged'))).toHaveLength(1);
  });
});
