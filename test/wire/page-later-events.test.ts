/** Later PagerDuty events update the card in place and post one short line each (PRODUCT §6). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { incidentDelivery, noteDelivery } from '../../src/demo/wire/pagerduty-events.js';
import type { TestBot } from '../helpers/test-bot.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });
let bot: TestBot;

const incident = {
  id: 'PLATER1',
  number: 12,
  title: 'Checkout errors',
  urgency: 'high',
  priority: null,
  assignees: [{ id: 'PALICE1', summary: 'Alice Adams' }],
};
const CHANNEL = 'inc-20261121-12-checkout-errors';

beforeEach(async () => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.slack.addUser({ id: 'U0CAROL', name: 'carol', email: 'carol@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PCAROL1', name: 'Carol Chen', email: 'carol@example.com' });
  bot = await wire.startBot();
});

function card(channel: FakeChannel) {
  return wire.slack.messages(channel.id).find((m) => keyOf(m) === 'pd-PLATER1/card');
}

async function opened(): Promise<FakeChannel> {
  await bot.deliver(incidentDelivery('triggered', incident, { occurredAt: '2026-11-21T03:12:00Z' }));
  const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
  // The card is posted before the responders are looked up, then updated to mention them:
  // the opening is finished when it does.
  await wire.slack.waitFor(() => JSON.stringify(card(channel)?.blocks ?? '').includes('<@U0ALICE>'));
  return channel;
}

async function lineStarting(channel: FakeChannel, start: string) {
  return wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.startsWith(start)));
}

describe('later events', () => {
  it('acknowledged: the card shows it and one line says who', async () => {
    const channel = await opened();
    const updatesBefore = wire.slack.callsTo('chat.update').length;
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z', agentName: 'Alice Adams' }));
    const line = await lineStarting(channel, 'Acknowledged');
    expect(line.text).toBe('Acknowledged by Alice Adams');
    const updated = await wire.slack.waitFor(() => wire.slack.calls.filter((c) => c.method === 'chat.update')[updatesBefore]);
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
    const updatesBefore = wire.slack.callsTo('chat.update').length;
    await bot.deliver(
      incidentDelivery(type, { ...incident, status, priority: { summary: 'P1' } }, { occurredAt: '2026-11-21T03:20:00Z' }),
    );
    await lineStarting(channel, start);
    await wire.slack.waitFor(() => wire.slack.callsTo('chat.update').length > updatesBefore);
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
    await wire.slack.waitFor(() => channel.members.has('U0CAROL'));
    await wire.slack.waitFor(() => JSON.stringify(card(channel)!.blocks).includes('<@U0CAROL>'));
  });

  it('annotated: the note is posted in the channel', async () => {
    const channel = await opened();
    await bot.deliver(noteDelivery('PLATER1', 'Rolled back to v46, errors dropping'));
    const line = await lineStarting(channel, 'Note');
    expect(line.text).toContain('Rolled back to v46, errors dropping');
  });

  it('an event for an incident never seen opens its channel first', async () => {
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z' }));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    const c = await wire.slack.waitFor(() => card(channel));
    expect(JSON.stringify(c.blocks)).toContain('Acknowledged');
    await lineStarting(channel, 'Acknowledged');
  });

  it('a note for an unseen incident reads the incident from PagerDuty to open the channel', async () => {
    wire.pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
    await bot.deliver(noteDelivery('PLATER1', 'Looking into it'));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => card(channel));
    await lineStarting(channel, 'Note');
  });

  it('an older event arriving late does not roll the status back', async () => {
    const channel = await opened();
    await bot.deliver(incidentDelivery('resolved', { ...incident, status: 'resolved' }, { occurredAt: '2026-11-21T04:00:00Z' }));
    await lineStarting(channel, 'Resolved');
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:30:00Z' }));
    await lineStarting(channel, 'Acknowledged');
    // Once its job is done, the late event has done all it will do to the card.
    await wire.queues.waitForIdle();
    expect(JSON.stringify(card(channel)!.blocks)).toContain('Resolved');
  });

  it('the same later event delivered twice posts one line', async () => {
    const channel = await opened();
    const delivery = incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z' });
    await bot.deliver(delivery);
    await bot.deliver(delivery);
    await lineStarting(channel, 'Acknowledged');
    await wire.queues.waitForIdle();
    expect(wire.slack.messages(channel.id).filter((m) => m.text.startsWith('Acknowledged'))).toHaveLength(1);
  });
});
