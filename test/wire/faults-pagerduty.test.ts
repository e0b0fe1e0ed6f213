/**
 * The PagerDuty REST API down while a page arrives (issue 9): the channel, its topic and the card
 * come at once, without the assignee look-up; the card says who is not invited yet and why; when
 * PagerDuty answers again the assignee is invited, the card mentions them instead, and the note
 * goes back to PagerDuty once. Real HTTP server, real Redis, the Slack and PagerDuty fakes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
});

const CHANNEL = 'inc-20261121-9-payment-api-5xx-rate-above-5';
const incident = {
  id: 'PFQZPSY',
  number: 9,
  title: 'Payment API: 5xx rate above 5%',
  urgency: 'high',
  priority: { summary: 'P1' },
  assignees: [{ id: 'PALICE1', summary: 'Alice Adams', type: 'user_reference' }],
};

describe('PagerDuty REST API down while a page arrives', () => {
  it('opens the channel with its card at once, says who is not invited yet, and invites them when PagerDuty is back', async () => {
    wire.pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
    const restore = wire.pd.outage(503);
    const bot = await wire.startBot();
    expect((await bot.deliver(incidentDelivery('triggered', incident))).status).toBe(202);

    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    const card = await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => keyOf(m) === 'pd-PFQZPSY/card'));
    expect(card.text).toContain('Payment API: 5xx rate above 5%');
    // Who is still to come is said on the card itself, so the card stays the channel's first message.
    const cardJson = () => JSON.stringify(wire.slack.messages(channel.id).find((m) => m.ts === card.ts)?.blocks);
    const pending = await wire.slack.waitFor(() => cardJson().match(/:hourglass_flowing_sand: Not invited yet[^"]*/)?.[0]);
    expect(pending).toContain('Alice Adams');
    expect(pending).toMatch(/PagerDuty/);
    // Nothing that needs PagerDuty happened yet: no invite, no note.
    expect(wire.slack.callsTo('conversations.invite')).toEqual([]);
    expect(wire.pd.notesFor('PFQZPSY')).toEqual([]);

    restore();
    await wire.slack.waitFor(() => wire.slack.callsTo('conversations.invite').find((args) => String(args['users']).includes('U0ALICE')));
    // The card names them once they are in, and no longer says they are to come.
    await wire.slack.waitFor(() => (cardJson().includes('<@U0ALICE>') ? true : undefined));
    expect(cardJson()).not.toContain('Not invited yet');
    await wire.slack.waitFor(() => wire.pd.notesFor('PFQZPSY')[0]);

    // One of each, however many times the job was retried.
    expect(wire.slack.messages(channel.id).filter((m) => m.text.startsWith(':hourglass_flowing_sand:') || m.text.startsWith(':white_check_mark: Invited'))).toEqual([]);
    expect(wire.slack.messages(channel.id)[0]?.ts).toBe(card.ts);
    expect(wire.slack.messages(channel.id).filter((m) => keyOf(m) === 'pd-PFQZPSY/card')).toHaveLength(1);
    expect([...wire.slack.channels.values()].filter((c) => c.name.startsWith('inc-'))).toHaveLength(1);
    expect(wire.pd.notesFor('PFQZPSY')).toHaveLength(1);
  });
});
