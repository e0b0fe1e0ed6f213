/** Resolve → post-mortem draft; action items with owners, deadlines and reminder DMs — through the real server. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { blockAction, postSlack } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { RedisActionItemStore } from '../../src/adapters/redis/redis-action-item-store.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', tz: 'Europe/Berlin' });
  wire.slack.addUser({ id: 'U0BOB', name: 'bob', tz: 'America/New_York' });
});

const bot = (): Promise<TestBot> => wire.startBot();

/** A calendar day `days` from now (UTC), so that a deadline written as a date stays in the future whatever day the suite runs. */
const dayAhead = (days: number): string => new Date(Date.now() + days * 24 * 3_600_000).toISOString().slice(0, 10);
const LATER = dayAhead(30);

/** A signed `/incident` with its acknowledgement and the id of its response_url. */
const command = (b: TestBot, text: string, channelId: string, userId = 'U0ALICE') => wire.command(b, { command: '/incident', text, channelId, userId });

async function say(b: TestBot, channel: FakeChannel, text: string, ts: string, user = 'U0BOB') {
  expect((await wire.event(b, { type: 'message', user, text, ts, channel: channel.id })).status).toBe(200);
}

async function openIncident(b: TestBot, id = 'PPM0001', number = 81): Promise<FakeChannel> {
  await b.deliver(incidentDelivery('triggered', { id, number, title: 'Orders API 500s', assignees: [] }));
  const channel = await wire.slack.waitFor(() => [...wire.slack.channels.values()].find((c) => c.name === `inc-20261121-${number}-orders-api-500s`));
  await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
  await command(b, 'lead <@U0ALICE>', channel.id);
  await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('is now the incident lead')));
  // Opening and lead change finished: nothing more arrives in the channel unless asked.
  await wire.queues.waitForIdle();
  return channel;
}

const items = () => new RedisActionItemStore(wire.redis, wire.keys);

describe('resolve → post-mortem', () => {
  it('posts the draft once, whether PagerDuty or the command resolves first, and makes it an item owned by the lead', async () => {
    const b = await bot();
    const channel = await openIncident(b);
    await command(b, 'resolve rolled back orders-api', channel.id);
    await b.deliver(incidentDelivery('resolved', { id: 'PPM0001', number: 81, title: 'Orders API 500s', status: 'resolved', assignees: [] }));
    // A file exists from the upload step on; it is shared in a channel when the upload completes.
    const file = await wire.slack.waitFor(() => wire.slack.uploadedFiles().find((f) => f.channel !== undefined));
    // Both resolutions' jobs done: a second draft would be up by now.
    await wire.queues.waitForIdle();
    expect(wire.slack.uploadedFiles()).toHaveLength(1);
    expect(wire.slack.messages(channel.id).filter((m) => m.text.startsWith(':memo: Post-mortem draft'))).toHaveLength(1);
    expect(file.channel).toBe(channel.id);
    for (const section of ['Orders API 500s', 'Timeline', 'Root cause', 'Why', 'Cause category', 'What worked', 'Action items']) expect(file.content).toContain(section);
    const pm = (await items().forIncident('pd-PPM0001')).find((i) => i.kind === 'postmortem');
    expect(pm).toEqual(expect.objectContaining({ ownerId: 'U0ALICE', status: 'open', dueKind: 'date' }));
  });

  it('says a restart and a rollback were a mitigation when no root cause is recorded', async () => {
    const b = await bot();
    const channel = await openIncident(b, 'PPM0002', 82);
    await say(b, channel, 'restarted the orders pods', '1795230000.000100');
    await say(b, channel, 'rolled back orders-api to v41', '1795230060.000100');
    await command(b, 'resolve', channel.id);
    const file = await wire.slack.waitFor(() => wire.slack.uploadedFiles().find((f) => f.channel !== undefined));
    expect(file.content).toMatch(/mitigat/i);
    expect(file.content).toMatch(/root cause is still open/i);
  });

  it('has no mitigation banner when the root cause was recorded', async () => {
    const b = await bot();
    const channel = await openIncident(b, 'PPM0003', 83);
    await say(b, channel, 'rolled back orders-api to v41', '1795230000.000100');
    await say(b, channel, 'root cause is the connection pool limit of 10 in v42', '1795230060.000100');
    await command(b, 'resolve', channel.id);
    const file = await wire.slack.waitFor(() => wire.slack.uploadedFiles().find((f) => f.channel !== undefined));
    expect(file.content).not.toMatch(/root cause is still open/i);
    expect(file.content).toContain('connection pool limit');
  });
});

describe('/incident action', () => {
  // One incident for every case: the parsing is what differs, the wire under it is the same.
  const DEADLINES = [LATER, `${LATER}T15:00:00Z`, '3d', '2w', 'friday'];
  it(`accepts the deadlines ${DEADLINES.map((d) => JSON.stringify(d)).join(', ')}`, async () => {
    const b = await bot();
    const channel = await openIncident(b);
    for (const [i, due] of DEADLINES.entries()) {
      const id = `A${i + 1}`;
      const { ack } = await command(b, `action <@U0BOB|bob> ${due} add an alert on pool saturation`, channel.id);
      expect(ack.text, due).toContain('Adding the action item for <@U0BOB>');
      const line = await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes(`Action item *${id}*`)));
      expect(line.text, due).toContain('<@U0BOB>');
      expect(line.text, due).toContain('add an alert on pool saturation');
      const item = await items().get(id);
      expect(item, due).toEqual(expect.objectContaining({ ownerId: 'U0BOB', text: 'add an alert on pool saturation', status: 'open' }));
      expect(Date.parse(item!.dueAt), due).toBeGreaterThan(Date.now());
    }
    expect(await items().openForOwner('U0BOB')).toHaveLength(DEADLINES.length);
  });

  const REFUSED: [string, string][] = [
    ['action', 'the owner is missing'],
    [`action bob ${LATER} fix it`, 'is not a user mention'],
    ['action <@U0BOB>', 'the deadline is missing'],
    ['action <@U0BOB> soon fix it', 'soon'],
    ['action <@U0BOB> 2020-01-01 fix it', 'past'],
    [`action <@U0BOB> ${LATER}`, 'say what is to be done'],
  ];
  it(`refuses ${REFUSED.map(([text]) => JSON.stringify(text)).join(', ')} with the reason`, async () => {
    const b = await bot();
    const channel = await openIncident(b);
    for (const [text, why] of REFUSED) {
      const before = wire.slack.messages(channel.id).length;
      const jobsBefore = await wire.queues.total('incident-commands');
      const { ack } = await command(b, text, channel.id);
      expect(ack.text, text).toContain('An action item needs an owner and a deadline');
      expect(ack.text, text).toContain(why);
      // The answer comes after anything the command queues, and it queued nothing.
      expect(await wire.queues.total('incident-commands'), text).toBe(jobsBefore);
      expect(wire.slack.messages(channel.id), text).toHaveLength(before);
    }
  });

  it('lists open items here and your own elsewhere, and done closes one', async () => {
    const b = await bot();
    const channel = await openIncident(b);
    await command(b, `action <@U0BOB> ${LATER} add an alert`, channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Action item *A1*')));
    expect((await command(b, 'actions', channel.id)).ack.text).toContain('*A1*');
    const dm = wire.slack.addChannel('random');
    expect((await command(b, 'actions', dm.id, 'U0BOB')).ack.text).toContain('add an alert');
    expect((await command(b, 'actions', dm.id, 'U0ALICE')).ack.text).toContain('No open action items for you');
    await command(b, 'done a1', dm.id, 'U0BOB');
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('closed A1')));
    expect((await items().get('A1'))?.status).toBe('done');
    expect((await command(b, 'done A99', dm.id, 'U0BOB')).ack.text).toContain('Closing A99');
  });
});

describe('reminders', () => {
  async function itemDueSoon(b: TestBot, seconds: number): Promise<FakeChannel> {
    const channel = await openIncident(b);
    const due = new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19) + 'Z';
    await command(b, `action <@U0BOB> ${due} add an alert`, channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Action item *A1*')));
    return channel;
  }

  /** The reminder's job has run to the end (the next one is days away): whatever it was to send is sent. */
  async function reminderDone(): Promise<void> {
    let counts: Record<string, number> = {};
    await waitUntil(async () => {
      counts = await wire.queues.queue('reminders').getJobCounts('completed', 'waiting', 'active', 'prioritized');
      return counts.completed! >= 1 && counts.waiting === 0 && counts.active === 0 && counts.prioritized === 0;
    }, () => `reminder jobs: ${JSON.stringify(counts)}`);
  }

  it('a reminder due in a few seconds arrives exactly once as a DM; Done from it stops reminders', async () => {
    const b = await bot();
    await itemDueSoon(b, 3);
    const dm = await wire.slack.waitFor(() => wire.slack.dms('U0BOB')[0]);
    expect(dm.text).toContain('A1');
    expect(JSON.stringify(dm.blocks)).toContain('rootcause_item_done');
    expect(JSON.stringify(dm.blocks)).toContain('rootcause_item_snooze');
    await reminderDone();
    expect(wire.slack.dms('U0BOB')).toHaveLength(1);

    const click = blockAction({ actionId: 'rootcause_item_done', value: 'A1', userId: 'U0BOB', channelId: dm.channel, messageTs: dm.ts, responseUrl: wire.slack.responseUrl('done1') });
    expect((await postSlack(b.url, click, 'application/x-www-form-urlencoded')).status).toBe(200);
    await wire.slack.waitFor(() => wire.slack.responses('done1')[0]);
    expect((await items().get('A1'))?.status).toBe('done');
  });

  it('survives a restart between scheduling and firing, and still sends once', async () => {
    const first = await bot();
    await itemDueSoon(first, 4);
    await wire.stopBots();
    await bot();
    await bot();
    await wire.slack.waitFor(() => wire.slack.dms('U0BOB')[0]);
    await reminderDone();
    expect(wire.slack.dms('U0BOB')).toHaveLength(1);
  });

  it('Snooze moves the next reminder a day later', async () => {
    const b = await bot();
    await itemDueSoon(b, 2);
    const dm = await wire.slack.waitFor(() => wire.slack.dms('U0BOB')[0]);
    const click = blockAction({ actionId: 'rootcause_item_snooze', value: 'A1', userId: 'U0BOB', channelId: dm.channel, messageTs: dm.ts, responseUrl: wire.slack.responseUrl('sn1') });
    await postSlack(b.url, click, 'application/x-www-form-urlencoded');
    const reply = await wire.slack.waitFor(() => wire.slack.responses('sn1')[0]);
    expect(String(reply.text)).toContain('Snoozed A1');
    const item = await items().get('A1');
    expect(Date.parse(item!.snoozedUntil!) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const delayed = await wire.redis.zrange(`${wire.prefix}:q:reminders:delayed`, '0', '-1');
    expect(delayed.some((id) => id.includes(String(Date.parse(item!.snoozedUntil!))))).toBe(true);
  });
});

describe('weekly overdue digest', () => {
  it('DMs each incident lead one list of overdue items, once per week', async () => {
    const b = await bot();
    const channel = await openIncident(b);
    const store = items();
    const past = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    for (const [id, owner, status] of [['A501', 'U0BOB', 'open'], ['A502', 'U0BOB', 'done'], ['A503', 'U0ALICE', 'open']] as const) {
      await store.save({ id, incidentId: 'pd-PPM0001', text: `follow-up ${id}`, ownerId: owner, dueAt: past, dueKind: 'date', dueDate: past.slice(0, 10), createdAt: past, createdBy: 'U0ALICE', kind: 'action', status });
    }
    const queue = wire.queues.queue('digests');
    await queue.add('send-overdue-digest', {}, { jobId: 'digest-now-1' });
    await queue.add('send-overdue-digest', {}, { jobId: 'digest-now-2' });
    const dm = await wire.slack.waitFor(() => wire.slack.dms('U0ALICE').find((m) => m.text.includes('Overdue follow-ups')));
    expect(dm.text).toContain('A501');
    expect(dm.text).toContain('A503');
    expect(dm.text).not.toContain('A502');
    expect(dm.text).toContain(`<#${channel.id}>`);
    // Both runs finished (these jobs have one attempt: the one that finds the other posting fails).
    await wire.queues.waitForFinished('digests', 'digest-now-1');
    await wire.queues.waitForFinished('digests', 'digest-now-2');
    expect(wire.slack.dms('U0ALICE').filter((m) => m.text.includes('Overdue follow-ups'))).toHaveLength(1);
  });
});
