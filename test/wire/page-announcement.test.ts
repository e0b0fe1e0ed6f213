/** The #incidents announcement follows the incident: edited in place, never posted twice (PRODUCT §6). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeMessage } from '../../src/demo/fakes/fake-slack.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { RedisIncidentStore } from '../../src/adapters/redis/redis-incident-store.js';
import type { TestBot } from '../helpers/test-bot.js';
import { keyOf, useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });
let bot: TestBot;
let announce: FakeChannel;

const incident = {
  id: 'PANNC01',
  number: 31,
  title: 'Checkout errors',
  urgency: 'high',
  priority: null,
  assignees: [{ id: 'PALICE1', summary: 'Alice Adams' }],
};
const LOW = { ...incident, id: 'PANNC02', number: 32, title: 'Slow reports', urgency: 'low' };
const CHANNEL = 'inc-20261121-31-checkout-errors';

beforeEach(async () => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  // The bot notes the channel link on the PagerDuty incident: it has to exist there.
  wire.pd.addIncident(incidentDelivery('triggered', incident).event.data as never);
  wire.pd.addIncident(incidentDelivery('triggered', LOW).event.data as never);
  announce = wire.slack.addChannel('incidents');
  bot = await wire.startBot({ env: { INCIDENT_ANNOUNCE_CHANNEL: announce.id } });
});

function announcements(): FakeMessage[] {
  return wire.slack.messages(announce.id).filter((m) => keyOf(m)?.endsWith('/announce'));
}

async function announced(over: Partial<typeof incident> = {}): Promise<{ channel: FakeChannel; post: FakeMessage }> {
  await bot.deliver(incidentDelivery('triggered', { ...incident, ...over }, { occurredAt: '2026-11-21T03:12:00Z' }));
  const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
  const post = await wire.slack.waitFor(() => announcements()[0]);
  await wire.queues.waitForIdle();
  return { channel, post };
}

describe('the #incidents announcement', () => {
  it('is a siren for a high-urgency page and a yellow circle for a low one', async () => {
    const { post } = await announced();
    expect(post.text.startsWith(':rotating_light: *Incident #31: Checkout errors*')).toBe(true);
    expect(post.text).toContain('high urgency');
    expect(post.text).toContain('*Triggered*');
    expect(post.text).toContain('assigned to Alice Adams');

    await bot.deliver(incidentDelivery('triggered', LOW));
    const low = await wire.slack.waitFor(() => announcements().find((m) => m.text.includes('Slow reports')));
    expect(low.text.startsWith(':large_yellow_circle: *Incident #32: Slow reports*')).toBe(true);
    expect(low.text).not.toContain(':rotating_light:');
  });

  it('is edited in place on acknowledge and on resolve: same ts, new text, one post, with the duration', async () => {
    const { channel, post } = await announced();
    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z', agentName: 'Alice Adams' }));
    await wire.slack.waitFor(() => announcements()[0]?.text.includes('*Acknowledged* by Alice Adams'));
    expect(announcements()).toHaveLength(1);
    expect(announcements()[0]!.ts).toBe(post.ts);
    expect(announcements()[0]!.text).toContain(`Channel: <#${channel.id}>`);

    await bot.deliver(incidentDelivery('resolved', { ...incident, status: 'resolved' }, { occurredAt: '2026-11-21T04:24:00Z', agentName: 'Alice Adams' }));
    const resolved = await wire.slack.waitFor(() => announcements().find((m) => m.text.includes('*Resolved*')));
    await wire.queues.waitForIdle();
    expect(resolved.ts).toBe(post.ts);
    expect(resolved.text.startsWith(':white_check_mark: *Incident #31: Checkout errors*')).toBe(true);
    expect(resolved.text).toContain('*Resolved* after 1h 12m by Alice Adams');
    expect(resolved.text).toContain(`<#${channel.id}>`);
    // Times are drawn in each reader's zone, never as UTC text.
    expect(resolved.text).toContain('<!date^');
    expect(resolved.text).not.toMatch(/\d\d:\d\d UTC(?![^<]*>)/);
    expect(wire.slack.messages(announce.id).map((m) => m.text)).toEqual([resolved.text]);
    const edits = wire.slack.callsTo('chat.update').filter((args) => args.channel === announce.id);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.map((args) => args.ts)).toEqual(edits.map(() => post.ts));
  });

  it('finds its post by key when the stored ts is lost (a crash after posting, or an older version), and never posts another', async () => {
    const { post } = await announced();
    const incidents = new RedisIncidentStore(wire.redis, wire.keys);
    const stored = (await incidents.get('pd-PANNC01'))!;
    expect(stored.announcementTs).toBe(post.ts);
    await incidents.save({ ...stored, announcementTs: undefined });
    await wire.redis.del(wire.keys.posted('pd-PANNC01/announce'));

    await bot.deliver(incidentDelivery('acknowledged', incident, { occurredAt: '2026-11-21T03:14:00Z', agentName: 'Alice Adams' }));
    await wire.slack.waitFor(() => announcements()[0]?.text.includes('*Acknowledged* by Alice Adams'));
    await wire.queues.waitForIdle();
    expect(wire.slack.messages(announce.id).map((m) => m.ts)).toEqual([post.ts]);
    expect((await incidents.get('pd-PANNC01'))!.announcementTs).toBe(post.ts);
  });

  it('follows an escalation: the new assignee is named in the same post', async () => {
    const { post } = await announced();
    await bot.deliver(incidentDelivery('escalated', { ...incident, assignees: [{ id: 'PBOB01', summary: 'Bob Brown' }] }, { occurredAt: '2026-11-21T03:30:00Z' }));
    await wire.slack.waitFor(() => announcements()[0]?.text.includes('assigned to Bob Brown'));
    expect(announcements()).toHaveLength(1);
    expect(announcements()[0]!.ts).toBe(post.ts);
  });

  it('takes the severity set in Slack for its emoji and names the lead, in the same post', async () => {
    const { channel, post } = await announced();
    const command = async (text: string, id: string) => {
      const body = slashCommand({ command: '/incident', text, userId: 'U0ALICE', channelId: channel.id, responseUrl: wire.slack.responseUrl(id) }).replace('trigger_id=123.456.abc', `trigger_id=${id}`);
      expect((await postSlack(bot.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    };
    await command('sev 4', 's1');
    const minor = await wire.slack.waitFor(() => announcements().find((m) => m.text.includes('SEV4')));
    expect(minor.text.startsWith(':large_yellow_circle: *Incident #31: Checkout errors*')).toBe(true);
    await command('sev 1', 's2');
    await command('lead <@U0ALICE|alice>', 's3');
    const major = await wire.slack.waitFor(() => announcements().find((m) => m.text.includes('SEV1') && m.text.includes('lead <@U0ALICE>')));
    expect(major.text.startsWith(':rotating_light:')).toBe(true);
    expect(major.ts).toBe(post.ts);
    expect(wire.slack.messages(announce.id)).toHaveLength(1);
  });

  it('says resolved when resolved from Slack, and a second resolve or a redelivery posts nothing new', async () => {
    const { channel, post } = await announced();
    const body = slashCommand({ command: '/incident', text: 'resolve rolled back', userId: 'U0ALICE', channelId: channel.id, responseUrl: wire.slack.responseUrl('r1') });
    expect((await postSlack(bot.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const resolved = await wire.slack.waitFor(() => announcements().find((m) => m.text.includes('*Resolved*')));
    expect(resolved.ts).toBe(post.ts);
    expect(resolved.text).toContain('by <@U0ALICE>');
    await bot.deliver(incidentDelivery('resolved', { ...incident, status: 'resolved' }, { occurredAt: new Date().toISOString() }));
    await wire.queues.waitForIdle();
    expect(wire.slack.messages(announce.id).map((m) => m.ts)).toEqual([post.ts]);
    expect(announcements()[0]!.text).toContain('*Resolved*');
  });
});
