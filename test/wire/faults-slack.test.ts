/**
 * Slack acts, then fails to say so (issue 9): a channel or a message is created and the answer is
 * a 500 or a timeout. The bot must not create it again — not through the Web client's own retries,
 * not through the queue's — and must not invent a "-2" channel when nothing took the name.
 * Real HTTP server, real Redis, the Slack and PagerDuty fakes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { waitUntil } from '../helpers/deadline.js';
import type { TestBot } from '../helpers/test-bot.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  // PagerDuty takes notes only from a user of the account (the From header).
  wire.pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  wire.pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
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

function keyed(channelId: string, key: string) {
  return wire.slack.messages(channelId).filter((m) => keyOf(m) === key);
}

/** The last step of opening an incident is the note back to PagerDuty: when it is there, the job is done. */
async function opened(): Promise<void> {
  await wire.slack.waitFor(() => wire.pd.notesFor('PFQZPSY').length > 0);
}

describe('Slack acts, then answers 500', () => {
  it('makes one channel, one card and one announcement however the answers are lost', async () => {
    const announce = wire.slack.addChannel('incidents');
    wire.slack.failNext('conversations.create', { status: 500, afterActing: true });
    wire.slack.failNext('chat.postMessage', { status: 500, afterActing: true, times: 2 });
    const bot = await wire.startBot({ env: { INCIDENT_ANNOUNCE_CHANNEL: announce.id } });

    expect((await bot.deliver(incidentDelivery('triggered', incident))).status).toBe(202);
    await opened();

    const channels = [...wire.slack.channels.values()].filter((c) => c.name.startsWith('inc-20261121-9-'));
    expect(channels.map((c) => c.name)).toEqual([CHANNEL]);
    const channel = channels[0]!;
    expect(keyed(channel.id, 'pd-PFQZPSY/card')).toHaveLength(1);
    expect(keyed(announce.id, 'pd-PFQZPSY/announce')).toHaveLength(1);
    // The calls that failed after acting were not repeated by the Web client: once each, then
    // the queue's retry found what they had made.
    expect(wire.slack.callsTo('conversations.create')).toHaveLength(1);
  });

  it('asks again for the name it wanted when a create failed before acting, instead of adding "-2"', async () => {
    wire.slack.failNext('conversations.create', { status: 500 });
    const bot = await wire.startBot();
    await bot.deliver(incidentDelivery('triggered', incident));
    await opened();
    expect([...wire.slack.channels.values()].map((c) => c.name).filter((n) => n.startsWith('inc-'))).toEqual([CHANNEL]);
    expect(wire.slack.callsTo('conversations.create').map((args) => args['name'])).toEqual([CHANNEL, CHANNEL]);
  });

  it.each([
    ['made but its answer is lost', true],
    ['refused before it is made', false],
  ])('shares the post-mortem file exactly once when the share is %s', async (_, afterActing) => {
    const bot = await wire.startBot();
    await bot.deliver(incidentDelivery('triggered', incident));
    await opened();
    wire.slack.failNext('files.completeUploadExternal', { status: 500, ...(afterActing ? { afterActing: true } : {}) });
    const resolved = incidentDelivery('resolved', { ...incident, status: 'resolved' });
    wire.pd.addIncident(resolved.event.data as never);
    await bot.deliver(resolved);
    const channel = wire.slack.channelByName(CHANNEL)!;
    await waitForQueueDrained(bot, 'pagerduty-events');
    expect(wire.slack.uploadedFiles().filter((f) => f.channel === channel.id)).toHaveLength(1);
    expect(keyed(channel.id, 'pd-PFQZPSY/postmortem/intro')).toHaveLength(1);
  });
});

/** Waits until the queue has nothing waiting, active or delayed (a retry), as /metrics reports it. */
async function waitForQueueDrained(b: TestBot, queue: string): Promise<void> {
  let text = '';
  await waitUntil(
    async () => {
      text = await (await fetch(`${b.url}/metrics`)).text();
      const count = (state: string) => Number(new RegExp(`rootcause_queue_jobs\\{queue="${queue}",state="${state}"\\} (\\d+)`).exec(text)?.[1] ?? 'NaN');
      return count('waiting') === 0 && count('active') === 0 && count('delayed') === 0;
    },
    () => `queue ${queue} not drained: ${text.split('\n').filter((l) => l.includes(queue)).join('; ')}`,
  );
}
