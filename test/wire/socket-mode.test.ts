/**
 * With SLACK_APP_TOKEN, Slack traffic goes over Socket Mode (the fake's real WebSocket); the HTTP
 * server still serves the webhook and health. Events are acknowledged only once written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { freePort } from '../helpers/free-port.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { blockAction, eventCallback, slashCommand } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice' });
});

async function socketBot(): Promise<TestBot> {
  return wire.startBot({ env: { SLACK_APP_TOKEN: 'xapp-1-test', PORT: String(await freePort()) } });
}

async function pagedChannel(b: TestBot): Promise<FakeChannel> {
  await b.deliver(incidentDelivery('triggered', { id: 'PSOCK02', number: 92, title: 'Checkout down', assignees: [] }));
  const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-92-checkout-down'));
  await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
  return channel;
}

const slackEntries = async (incidentId: string) =>
  (await wire.timeline.list(incidentId)).filter((e) => e.source === 'slack');

describe('Socket Mode', () => {
  it('serves health and the PagerDuty webhook over HTTP while Slack cannot be reached, and keeps asking until it can', async () => {
    wire.slack.failNext('apps.connections.open', { status: 503, times: 4 });
    const b = await socketBot();
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    const res = await b.deliver(incidentDelivery('triggered', { id: 'PSOCK01', number: 91, title: 'Socket mode page', assignees: [] }));
    expect(res.status).toBe(202);
    await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-91-socket-mode-page'));
    // Slack's own endpoint is not served over HTTP in Socket Mode.
    expect((await fetch(`${b.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1);
    expect(wire.slack.calls.filter((c) => c.method === 'apps.connections.open' && c.failed)).toHaveLength(4);
  });

  it('answers a slash command in its ack and queues the work', async () => {
    await socketBot();
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1);
    const general = wire.slack.addChannel('general');
    const form = slashCommand({ command: '/incident', text: 'declare Payments over socket', userId: 'U0ALICE', channelId: general.id, responseUrl: wire.slack.responseUrl('s1') });
    const envelope = wire.slack.socket.deliver('slash_commands', Object.fromEntries(new URLSearchParams(form)));
    const ack = await wire.slack.waitFor(() => wire.slack.socket.ackOf(envelope.envelope_id));
    expect(ack.payload).toEqual(expect.objectContaining({ response_type: 'ephemeral', text: expect.stringContaining('Declaring "Payments over socket"') }));
    const channel = await wire.slack.waitFor(() => [...wire.slack.channels.values()].find((c) => c.name.endsWith('-payments-over-socket')));
    await wire.slack.waitFor(() => channel.members.has('U0ALICE'));
  });

  it('acknowledges a button click and acts on it', async () => {
    const b = await socketBot();
    const channel = await pagedChannel(b);
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1);
    const card = wire.slack.messages(channel.id)[0]!;
    const form = blockAction({ actionId: 'rootcause_resolve', value: 'pd-PSOCK02', userId: 'U0ALICE', channelId: channel.id, messageTs: card.ts, responseUrl: wire.slack.responseUrl('b1') });
    const payload = JSON.parse(new URLSearchParams(form).get('payload') ?? '{}') as Record<string, unknown>;
    const envelope = wire.slack.socket.deliver('interactive', payload, { acceptsResponsePayload: false });
    await wire.slack.waitFor(() => wire.slack.socket.ackOf(envelope.envelope_id));
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Resolved by')));
  });

  it('puts a channel message on the timeline before acknowledging it, and a redelivery writes once', async () => {
    const b = await socketBot();
    const channel = await pagedChannel(b);
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1);
    const event = { type: 'message', channel: channel.id, user: 'U0ALICE', text: 'rolled back checkout to v41', ts: '1795230300.000100', event_ts: '1795230300.000100' };
    const payload = JSON.parse(eventCallback(event, 'Ev0SOCK1')) as Record<string, unknown>;
    const first = wire.slack.socket.deliver('events_api', payload);
    await wire.slack.waitFor(() => wire.slack.socket.ackOf(first.envelope_id));
    // Acked means written: the entry is there the moment the ack is.
    expect(await slackEntries('pd-PSOCK02')).toEqual([
      expect.objectContaining({ key: 'slack/1795230300.000100', author: 'U0ALICE', text: 'rolled back checkout to v41', important: true }),
    ]);
    const again = wire.slack.socket.deliver('events_api', payload);
    await wire.slack.waitFor(() => wire.slack.socket.ackOf(again.envelope_id));
    expect(await slackEntries('pd-PSOCK02')).toHaveLength(1);
  });

  it('reconnects when Slack asks it to (refresh_requested) and carries on', async () => {
    const b = await socketBot();
    const channel = await pagedChannel(b);
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1);
    wire.slack.socket.disconnect('refresh_requested');
    await wire.slack.waitFor(() => wire.slack.socket.connectionsOpened === 2 && wire.slack.socket.openConnections === 1);
    const event = { type: 'message', channel: channel.id, user: 'U0BOB', text: 'after the refresh', ts: '1795230400.000100', event_ts: '1795230400.000100' };
    const envelope = wire.slack.socket.deliver('events_api', JSON.parse(eventCallback(event)) as Record<string, unknown>);
    await wire.slack.waitFor(() => wire.slack.socket.ackOf(envelope.envelope_id));
    expect((await slackEntries('pd-PSOCK02')).map((e) => e.text)).toEqual(['after the refresh']);
  });
});
