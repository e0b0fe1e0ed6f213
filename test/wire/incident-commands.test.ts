/** `/incident` through signed slash commands, the real HTTP server, a worker and the fake Slack. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import type { TestBot } from '../helpers/test-bot.js';
import { toTimelineEntry } from '../../src/domain/timeline/cluster-events.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();
let bot: TestBot;

beforeEach(async () => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', tz: 'Europe/Berlin' });
  wire.slack.addUser({ id: 'U0BOB', name: 'bob' });
  bot = await wire.startBot();
});

/** A signed `/incident` with its acknowledgement and the id of its response_url. */
const incident = (text: string, channelId: string, userId = 'U0ALICE') => wire.command(bot, { command: '/incident', text, channelId, userId });

async function pagedChannel(): Promise<FakeChannel> {
  await bot.deliver(incidentDelivery('triggered', { id: 'PCMD001', number: 61, title: 'Cart errors', assignees: [] }));
  const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-61-cart-errors'));
  await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
  // The opening is finished: nothing more arrives in the channel unless asked.
  await wire.queues.waitForIdle();
  return channel;
}

const timeline = () => wire.timeline;

describe('/incident', () => {
  it('declare opens a channel with the declarer as lead, and says where', async () => {
    const general = wire.slack.addChannel('general');
    const { ack, responseId } = await incident('declare Checkout latency over 2s', general.id);
    expect(ack.text).toContain('Declaring "Checkout latency over 2s"');
    const channel = await wire.slack.waitFor(() => [...wire.slack.channels.values()].find((c) => c.name.endsWith('-checkout-latency-over-2s')));
    expect(channel.name).toMatch(/^inc-\d{8}-d1-checkout-latency-over-2s$/);
    await wire.slack.waitFor(() => channel.members.has('U0ALICE'));
    const card = await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
    expect(JSON.stringify(card.blocks)).toContain('<@U0ALICE>');
    const reply = await wire.slack.waitFor(() => wire.slack.responses(responseId)[0]);
    expect(String(reply.text)).toContain(`<#${channel.id}>`);
  });

  it('sev, lead and note change the incident, post a line, update the card and land on the timeline', async () => {
    const channel = await pagedChannel();
    await incident('sev 2', channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.startsWith('Severity set to SEV2 by <@U0ALICE>')));
    await incident('lead <@U0BOB|bob>', channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.startsWith('<@U0BOB> is now the incident lead')));
    await wire.slack.waitFor(() => channel.members.has('U0BOB'));
    await incident('note rolled back checkout to v41', channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Note from <@U0ALICE>: rolled back checkout to v41')));
    const card = JSON.stringify(wire.slack.messages(channel.id)[0]!.blocks);
    expect(card).toContain('SEV2');
    expect(card).toContain('<@U0BOB>');
    const entries = await timeline().list('pd-PCMD001');
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(['Severity set to SEV2', '<@U0BOB> is now the incident lead', 'rolled back checkout to v41']));
    expect(entries.filter((e) => e.source === 'slack').every((e) => e.important)).toBe(true);
  });

  it('status answers at once with the card, only to the asker', async () => {
    const channel = await pagedChannel();
    const { ack } = await incident('status', channel.id);
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain('Cart errors');
  });

  it('timeline: each entry once, key entries marked in place, a rollout collapsed, times in the reader’s zone', async () => {
    const channel = await pagedChannel();
    const now = Math.floor(Date.now() / 1000);
    const say = async (user: string, text: string, ts: number, threadTs?: number) => {
      const res = await wire.event(bot, { type: 'message', channel: channel.id, user, text, ts: `${ts}.000100`, event_ts: `${ts}.000100`, ...(threadTs ? { thread_ts: `${threadTs}.000100` } : {}) });
      expect(res.status).toBe(200);
    };
    await say('U0BOB', 'anyone looking at the cart pods', now + 60);
    await say('U0ALICE', 'I think the new image leaks memory', now + 120, now + 60);
    await say('U0BOB', "let's roll back to v41", now + 180);
    // The rollout's events as the cluster watcher writes them.
    const at = (s: number) => new Date((now + s) * 1000).toISOString();
    const events: [string, string, string, string, number][] = [
      ['Deployment', 'cart', 'ScalingReplicaSet', 'Scaled up replica set cart-5f7b9 to 1', 200],
      ['ReplicaSet', 'cart-5f7b9', 'SuccessfulCreate', 'Created pod: cart-5f7b9-aaaaa', 201],
      ['Pod', 'cart-5f7b9-aaaaa', 'Scheduled', 'Successfully assigned shop/cart-5f7b9-aaaaa to node-1', 202],
      ['Pod', 'cart-5f7b9-aaaaa', 'Pulled', 'Container image "cart:41" already present on machine', 205],
      ['Pod', 'cart-5f7b9-aaaaa', 'Started', 'Started container app', 206],
      ['Deployment', 'cart', 'ScalingReplicaSet', 'Scaled down replica set cart-6c8d1 to 0', 240],
      ['Pod', 'cart-6c8d1-bbbbb', 'Killing', 'Stopping container app', 241],
    ];
    for (const [kind, name, reason, message, s] of events) {
      await timeline().append('pd-PCMD001', toTimelineEntry({ object: { kind, name, namespace: 'shop' }, type: 'Normal', reason, message, count: 1, firstSeen: at(s), lastSeen: at(s) }));
    }

    await incident('timeline', channel.id);
    const shown = await wire.slack.waitFor(() => wire.slack.calls.find((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0ALICE'));
    const text = (shown.args.blocks as { text?: { text: string } }[]).map((b) => b.text?.text ?? '').join('\n');
    const count = (needle: string) => text.split(needle).length - 1;
    for (const said of ['anyone looking at the cart pods', 'I think the new image leaks memory', 'roll back to v41', 'Triggered in PagerDuty']) expect(count(said), said).toBe(1);
    expect(text).toMatch(/⭐ <!date\^\d+\^\{time\}\|[^>]+> \[slack\] \*Hypothesis\* · <@U0ALICE> \(in thread\): I think the new image leaks memory/);
    expect(text).toMatch(/⭐ <!date[^>]+> \[slack\] \*Decision\* · <@U0BOB>: let(?:'|&#39;|’)s roll back to v41/);
    expect(text).not.toMatch(/⭐ [^\n]*anyone looking/);
    expect(count('Rollout events ×7')).toBe(1);
    expect(count('Scaled up replica set')).toBe(0);
    expect(count('Started container app')).toBe(0);
    // One list: no "Key moments" section repeating it; no zone convention, no UTC outside code.
    expect(text).not.toContain('Key moments');
    expect(text).toContain('<!date^');
    const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '').replace(/<!date\^[^>]*>/g, '');
    expect(prose).not.toMatch(/UTC|GMT|\d\d:\d\d/);
  });

  it.each([
    ['sev 9', 'is not a severity from 1 to 5', true],
    ['sev', 'Which severity?', true],
    ['lead bob', 'is not a user mention', true],
    ['note', 'The note is empty', true],
    ['declare', 'An incident needs a title', false],
    ['frobnicate', 'is not an /incident command', false],
  ])('%j is refused with the reason and the usage', async (text, why, inIncident) => {
    const channel = inIncident ? await pagedChannel() : wire.slack.addChannel('general');
    const before = wire.slack.messages(channel.id).length;
    const { ack } = await incident(text, channel.id);
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain(why);
    expect(ack.text).toContain('/incident');
    // The answer comes after anything the command queues, and it queued nothing.
    expect(await wire.queues.total('incident-commands')).toBe(0);
    expect(wire.slack.messages(channel.id)).toHaveLength(before);
  });

  it('subcommands outside an incident channel say so', async () => {
    const general = wire.slack.addChannel('general');
    const { ack } = await incident('sev 2', general.id);
    expect(ack.text).toContain('This is not an incident channel');
  });

  it('resolve resolves once and updates the card', async () => {
    const channel = await pagedChannel();
    await incident('resolve rolled back the bad deploy', channel.id);
    const line = await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Resolved by <@U0ALICE>')));
    expect(line.text).toContain('rolled back the bad deploy');
    await wire.slack.waitFor(() => JSON.stringify(wire.slack.messages(channel.id)[0]!.blocks).includes('Resolved'));
    await incident('resolve again', channel.id);
    await wire.queues.waitForIdle();
    expect(wire.slack.messages(channel.id).filter((m) => m.text.includes('Resolved by'))).toHaveLength(1);
  });
});
