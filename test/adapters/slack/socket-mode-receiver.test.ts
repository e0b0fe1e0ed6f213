/** SocketModeReceiver under a real Bolt App, against the fake Slack's Socket Mode over a real WebSocket. */
import { App } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { toBoltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { SocketModeReceiver } from '../../../src/adapters/slack/socket-mode-receiver.js';
import { FakeSlack } from '../../../src/demo/fakes/fake-slack.js';
import type { FakeSlackOptions } from '../../../src/demo/fakes/fake-slack.js';
import { freePort } from '../../helpers/free-port.js';

let slack: FakeSlack;
let receiver: SocketModeReceiver | undefined;

afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
  await slack.close();
});

async function start(opts: FakeSlackOptions = {}): Promise<{ app: App; port: number }> {
  slack = await FakeSlack.start(opts);
  const port = await freePort();
  const log = pino({ level: 'silent' });
  receiver = new SocketModeReceiver({
    appToken: 'xapp-1-test',
    apiUrl: slack.url,
    port,
    routes: [{ path: '/healthz', method: 'GET', handler: (_req, res) => void res.end('ok') }],
    log,
    drainMs: 10_000,
  });
  const app = new App({
    receiver,
    logger: toBoltLogger(log),
    authorize: async () => ({ botToken: 'xoxb-test', botUserId: 'UBOT', botId: 'B0BOT' }),
    clientOptions: { slackApiUrl: slack.url },
  });
  await app.start();
  await slack.waitFor(() => slack.socket.openConnections === 1, 10_000);
  return { app, port };
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const messageEvent = (text: string, eventId: string) => ({
  type: 'event_callback',
  team_id: 'T0TEST',
  api_app_id: 'A0TEST',
  event_id: eventId,
  event_time: 1795230000,
  event: { type: 'message', channel: 'C0INC', user: 'U0ALICE', text, ts: '1795230000.000100' },
  authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true }],
});

const command = (text: string) => ({
  team_id: 'T0TEST',
  channel_id: 'C0INC',
  user_id: 'U0ALICE',
  command: '/incident',
  text,
  api_app_id: 'A0TEST',
  response_url: 'https://hooks.slack.invalid/commands/1',
  trigger_id: '1.2.3',
});

describe('SocketModeReceiver', () => {
  it('acknowledges an event only once its listener has finished', async () => {
    const { app } = await start({ socket: { redeliverAfterMs: 60_000 } });
    const write = gate();
    let started = false;
    app.event('message', async () => {
      started = true;
      await write.wait;
    });
    const envelope = slack.socket.deliver('events_api', messageEvent('rolled back', 'Ev1'));
    await slack.waitFor(() => started);
    expect(slack.socket.ackOf(envelope.envelope_id)).toBeUndefined();
    write.open();
    const ack = await slack.waitFor(() => slack.socket.ackOf(envelope.envelope_id));
    expect(ack.payload).toEqual({});
  });

  it('leaves an event whose listener failed unacknowledged, so Slack delivers it again', async () => {
    const { app } = await start({ socket: { redeliverAfterMs: 100 } });
    const seen: Array<number | undefined> = [];
    app.event('message', async ({ context }) => {
      seen.push(context.retryNum);
      if (seen.length === 1) throw new Error('Redis is down');
    });
    const envelope = slack.socket.deliver('events_api', messageEvent('first try fails', 'Ev2'));
    const ack = await slack.waitFor(() => slack.socket.ackOf(envelope.envelope_id), 10_000);
    // On a busy machine the retry's ack can come later than the next redelivery (100 ms), as it
    // can from Slack: what matters is that the failed try was not acked and the retry was handled.
    expect(seen.slice(0, 2)).toEqual([0, 1]);
    expect(slack.socket.deliveriesOf(envelope.envelope_id).slice(0, 2).map((d) => d.envelope.retry_attempt)).toEqual([0, 1]);
    expect(ack.at).toBeGreaterThanOrEqual(slack.socket.deliveriesOf(envelope.envelope_id)[1]!.at);
  });

  it('acknowledges a slash command at once with its answer, while an event is still being written', async () => {
    const { app } = await start({ socket: { redeliverAfterMs: 60_000 } });
    const write = gate();
    app.event('message', async () => {
      await write.wait;
    });
    app.command('/incident', async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'Adding your note to the timeline…' });
    });
    const event = slack.socket.deliver('events_api', messageEvent('slow write', 'Ev3'));
    const cmd = slack.socket.deliver('slash_commands', command('note hi'));
    const ack = await slack.waitFor(() => slack.socket.ackOf(cmd.envelope_id));
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Adding your note to the timeline…' });
    expect(slack.socket.ackOf(event.envelope_id)).toBeUndefined();
    write.open();
    await slack.waitFor(() => slack.socket.ackOf(event.envelope_id));
  });

  it('acknowledges a button click when its handler does', async () => {
    const { app } = await start();
    app.action('rootcause_resolve', async ({ ack }) => {
      await ack();
    });
    const click = slack.socket.deliver(
      'interactive',
      {
        type: 'block_actions',
        team: { id: 'T0TEST' },
        user: { id: 'U0ALICE' },
        api_app_id: 'A0TEST',
        channel: { id: 'C0INC' },
        actions: [{ type: 'button', action_id: 'rootcause_resolve', block_id: 'b', value: 'pd-P1', action_ts: '1.2' }],
      },
      { acceptsResponsePayload: false },
    );
    await slack.waitFor(() => slack.socket.ackOf(click.envelope_id));
  });

  it('serves our routes beside the socket, and stop() lets a running listener finish and acknowledge', async () => {
    const { app, port } = await start({ socket: { redeliverAfterMs: 60_000 } });
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok');
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).status).toBe(404);
    const write = gate();
    let started = false;
    app.event('message', async () => {
      started = true;
      await write.wait;
    });
    const envelope = slack.socket.deliver('events_api', messageEvent('written during shutdown', 'Ev4'));
    await slack.waitFor(() => started);
    const stopped = receiver!.stop();
    receiver = undefined;
    write.open();
    await stopped;
    expect(slack.socket.ackOf(envelope.envelope_id)).toBeDefined();
    await slack.waitFor(() => slack.socket.openConnections === 0);
  });
});
