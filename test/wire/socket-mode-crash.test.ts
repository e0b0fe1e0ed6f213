/**
 * At-least-once intake over Socket Mode: a bot killed after a channel message reached it but
 * before it was written. The envelope must not have been acknowledged, so Slack delivers it again
 * to the next bot, which writes it — once.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { RedisValve } from '../helpers/redis-valve.js';
import { pagerDutySignature } from '../../src/demo/wire/sign.js';
import { eventCallback } from '../../src/demo/wire/slack-requests.js';
import { testBotEnv, WEBHOOK_SECRET } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const APP_TOKEN = 'xapp-1-test';

// Slack also redelivers an unacked envelope after ~3 s; that timer is pushed out of the way
// so the redelivery under test is the one a new connection gets.
const wire = useWire({ slack: { socket: { redeliverAfterMs: 60_000 } } });
let valve: RedisValve;
let child: ChildProcess | undefined;

beforeEach(async () => {
  valve = await RedisValve.open();
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await valve.close();
});

/** A bot in its own process (so it can really die), its Redis behind the valve. */
async function spawnBot(port: number): Promise<ChildProcess> {
  const env = testBotEnv({ slack: wire.slack, prefix: wire.prefix, env: { SLACK_APP_TOKEN: APP_TOKEN, PORT: String(port), REDIS_URL: valve.url } });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/run-bot-process.ts'], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (/ready \d+/.test(chunk.toString())) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`bot A exited with ${code}`)));
  });
  return proc;
}

describe('Socket Mode, a bot killed mid-event', () => {
  it('does not lose the channel message: the next bot gets it again and writes it exactly once', async () => {
    const port = await freePort();
    child = await spawnBot(port);
    const body = JSON.stringify(incidentDelivery('triggered', { id: 'PCRASH1', number: 93, title: 'Orders stuck', assignees: [] }));
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/pagerduty`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PagerDuty-Signature': pagerDutySignature(body, WEBHOOK_SECRET) },
      body,
    });
    expect(res.status).toBe(202);
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-93-orders-stuck'), 15_000);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0], 15_000);
    await wire.slack.waitFor(() => wire.slack.socket.openConnections === 1, 15_000);

    // From here bot A's Redis commands hang: it can receive the message but not write it.
    valve.hold();
    const message = { type: 'message', channel: channel.id, user: 'U0ALICE', text: 'I think it is the new consumer', ts: '1795230500.000100', event_ts: '1795230500.000100' };
    const envelope = wire.slack.socket.deliver('events_api', JSON.parse(eventCallback(message, 'Ev0CRASH1')) as Record<string, unknown>);
    // A has the message in hand: its handler is asking Redis which incident the channel is.
    const keys = wire.keys;
    await wire.slack.waitFor(() => valve.heldText().includes(keys.channelIncident(channel.id)), 15_000);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = undefined;

    // Bot B connects; Slack delivers again what nobody acknowledged.
    await wire.startBot({ env: { SLACK_APP_TOKEN: APP_TOKEN, PORT: String(await freePort()) } });
    await wire.slack.waitFor(() => wire.slack.socket.connectionsOpened === 2 && wire.slack.socket.openConnections === 1, 15_000);
    await wire.slack.waitFor(() => !wire.slack.socket.unacked().includes(envelope.envelope_id), 15_000);

    const entries = (await wire.timeline.list('pd-PCRASH1')).filter((e) => e.source === 'slack');
    expect(entries).toEqual([expect.objectContaining({ key: 'slack/1795230500.000100', author: 'U0ALICE', text: 'I think it is the new consumer' })]);
    expect(wire.slack.socket.deliveriesOf(envelope.envelope_id).map((d) => [d.connection, d.envelope.retry_attempt, d.envelope.retry_reason])).toEqual([
      [1, 0, ''],
      [2, 1, 'timeout'],
    ]);
    expect(wire.slack.socket.ackOf(envelope.envelope_id)?.connection).toBe(2);
  });
});
