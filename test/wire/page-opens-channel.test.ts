/** PRODUCT §6 "Page → channel", through the real HTTP server, real Redis, and the Slack and PagerDuty fakes. */
import { beforeEach, describe, expect, it } from 'vitest';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import type { TestBot } from '../helpers/test-bot.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PBOB001', name: 'Bob Brown', email: 'bob@elsewhere.example' });
  wire.pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
});

const bot = (env: Record<string, string | undefined> = {}): Promise<TestBot> => wire.startBot({ env });

const incident = {
  id: 'PFQZPSY',
  number: 9,
  title: 'Payment API: 5xx rate above 5%',
  urgency: 'high',
  priority: { summary: 'P1' },
  assignees: [{ id: 'PALICE1', summary: 'Alice Adams', type: 'user_reference' }],
};

function cardOf(channelId: string) {
  return wire.slack.messages(channelId).find((m) => keyOf(m) === 'pd-PFQZPSY/card');
}

describe('incident.triggered opens a ready incident channel', () => {
  it('creates the channel with topic, invites, card, announcement and a PagerDuty note', async () => {
    const announce = wire.slack.addChannel('incidents');
    wire.pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
    const b = await bot({ INCIDENT_ANNOUNCE_CHANNEL: announce.id });

    const res = await b.deliver(incidentDelivery('triggered', incident));
    expect(res.status).toBe(202);

    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    // The card comes first, then is updated to mention the assignees once they are looked up.
    const card = await wire.slack.waitFor(() => {
      const c = cardOf(channel.id);
      return c !== undefined && JSON.stringify(c.blocks).includes('<@U0ALICE>') ? c : undefined;
    });
    expect(card.text).toContain('Payment API: 5xx rate above 5%');
    const cardJson = JSON.stringify(card.blocks);
    expect(cardJson).toContain('https://pig208.pagerduty.com/incidents/PFQZPSY');
    expect(cardJson).toContain('rootcause_run_triage');
    expect(cardJson).toContain('rootcause_resolve');

    expect(channel.topic).toContain('Payment API: 5xx rate above 5%');
    expect(channel.topic).toContain('P1');
    expect(channel.topic).toContain('high urgency');
    expect(channel.topic).toContain('https://pig208.pagerduty.com/incidents/PFQZPSY');
    expect(channel.members.has('U0ALICE')).toBe(true);

    const announcement = await wire.slack.waitFor(() => wire.slack.messages(announce.id)[0]);
    expect(announcement.text).toContain(`<#${channel.id}>`);
    const note = await wire.slack.waitFor(() => wire.pd.notesFor('PFQZPSY')[0]);
    expect(note.content).toContain(`/archives/${channel.id}`);
    expect(wire.pd.calls.find((c) => c.path.endsWith('/notes'))?.from).toBe('rootcause@example.com');
  });

  it('joins the announce channel when the bot is not in it yet', async () => {
    const announce = wire.slack.addChannel('incidents', { botIsMember: false });
    const b = await bot({ INCIDENT_ANNOUNCE_CHANNEL: announce.id });
    await b.deliver(incidentDelivery('triggered', incident));
    const announcement = await wire.slack.waitFor(() => wire.slack.messages(announce.id)[0]);
    expect(announcement.text).toContain('Incident #9: Payment API');
    expect(wire.slack.callsTo('conversations.join')).toEqual([expect.objectContaining({ channel: announce.id })]);
  });

  it('answers 202 before any Slack work, even when Slack hangs', async () => {
    const b = await bot();
    const release = wire.slack.hold();
    try {
      const res = await b.deliver(incidentDelivery('triggered', incident));
      expect(res.status).toBe(202);
      // No Slack call has gone through yet; the work is queued. (How fast the 202 is: bench/webhook.ts.)
      expect(wire.slack.workCalls).toEqual([]);
    } finally {
      release();
    }
    await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
  });

  it('names the assignees it could not find in Slack, and why', async () => {
    const b = await bot();
    await b.deliver(
      incidentDelivery('triggered', {
        ...incident,
        assignees: [
          { id: 'PALICE1', summary: 'Alice Adams' },
          { id: 'PBOB001', summary: 'Bob Brown' },
        ],
      }),
    );
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    // Said on the card (updated in place), not in a message of its own that could come before it.
    const line = await wire.slack.waitFor(() => {
      const card = cardOf(channel.id);
      return card === undefined ? undefined : JSON.stringify(card.blocks).match(/:bust_in_silhouette: Could not invite[^"]*/)?.[0];
    });
    expect(line).toContain('Bob Brown');
    expect(line).toContain('bob@elsewhere.example');
    expect(line).not.toContain('Alice');
    expect(channel.members.has('U0ALICE')).toBe(true);
    expect(wire.slack.messages(channel.id).filter((m) => m.text.includes('Could not invite'))).toEqual([]);
  });

  it('carries on when the assignee is already in the channel', async () => {
    const b = await bot({ PAGERDUTY_API_TOKEN: 'pd-test-token' });
    await b.deliver(incidentDelivery('triggered', incident));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    await wire.slack.waitFor(() => cardOf(channel.id));
    // A reassignment to the same person: the invite answers already_in_channel, nothing breaks.
    const res = await b.deliver(incidentDelivery('reassigned', incident));
    expect(res.status).toBe(202);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.startsWith('Reassigned')));
    expect(wire.slack.calls.some((c) => c.method === 'conversations.invite' && !c.failed && c.args.users === 'U0ALICE')).toBe(true);
  });

  it('honours a Slack 429 with Retry-After and still opens exactly one channel', async () => {
    wire.slack.failNext('conversations.create', { status: 429, retryAfterSec: 1 });
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    await wire.slack.waitFor(() => cardOf(channel.id));
    const creates = wire.slack.calls.filter((c) => c.method === 'conversations.create');
    expect(creates).toHaveLength(2);
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('retries through Slack 5xx errors without repeating finished steps', async () => {
    // The Web client waits out only 429s; a 5xx goes back to the queue (1 s, 2 s, 4 s …), whose
    // retry first looks for the message before posting it again.
    wire.slack.failNext('chat.postMessage', { status: 503, times: 3 });
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', incident));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    await wire.slack.waitFor(() => cardOf(channel.id));
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
    expect(wire.slack.callsTo('conversations.setTopic')).toHaveLength(1);
    expect(wire.slack.messages(channel.id).filter((m) => m.text.includes('Payment API'))).toHaveLength(1);
  });

  it('reports a permanent Slack refusal in the announce channel and stops retrying', async () => {
    const announce = wire.slack.addChannel('incidents');
    wire.slack.failNext('conversations.create', { error: 'missing_scope', times: 1 });
    const b = await bot({ INCIDENT_ANNOUNCE_CHANNEL: announce.id });
    const delivery = incidentDelivery('triggered', incident);
    await b.deliver(delivery);
    const report = await wire.slack.waitFor(() => wire.slack.messages(announce.id).find((m) => m.text.includes('could not create the incident channel')));
    expect(report.text).toContain('missing_scope');
    expect(report.text).toContain('#9');
    // Finished for good (not waiting for a retry): no attempt will follow.
    await wire.queues.waitForFinished('pagerduty-events', `pd-${delivery.event.id}`);
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
  });

  it('says so when the service has paged before, and whether root causes were recorded', async () => {
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', { ...incident, id: 'POLD001', number: 7, title: 'Payment API latency', created_at: '2026-11-02T10:00:00Z' }));
    await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261102-7-payment-api-latency'));
    await b.deliver(incidentDelivery('triggered', incident));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-9-payment-api-5xx-rate-above-5'));
    const card = await wire.slack.waitFor(() => cardOf(channel.id));
    const text = JSON.stringify(card.blocks);
    expect(text).toContain('paged once before');
    expect(text).toContain('2026-11-02');
    expect(text).toContain('no root cause recorded');
    const first = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261102-7-payment-api-latency'));
    expect(JSON.stringify(wire.slack.messages(first.id)[0]?.blocks)).not.toContain('before');
  });
});
