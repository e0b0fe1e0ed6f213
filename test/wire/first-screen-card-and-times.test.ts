/**
 * Issue 10, the first screen: the incident channel opens with the card, whatever happens to the
 * invites (side notes live on the card); and every time the bot shows a person in the card,
 * action items, reminder and digest DMs and ephemeral answers is a Slack date token, drawn in the
 * reader's own zone — never "11:41 UTC" written out. Real HTTP server, real Redis, the fakes.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger } from '@slack/web-api';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { waitUntil } from '../helpers/deadline.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { blockAction, postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import { dateTokens, rawTimesOutsideCode, visibleText } from '../helpers/slack-text.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire({ pagerduty: true });

beforeEach(() => {
  wire.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com', tz: 'Europe/Berlin' });
  wire.slack.addUser({ id: 'U0BOB', name: 'bob', email: 'bob@example.com', tz: 'America/New_York' });
  wire.pd.addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
  wire.pd.addUser({ id: 'PCAROL1', name: 'Carol Chen', email: 'carol@elsewhere.example' });
  wire.pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
});

const bot = (): Promise<TestBot> => wire.startBot();

const CHANNEL = 'inc-20261121-9-payment-api-5xx-rate-above-5';
const ALICE = { id: 'PALICE1', summary: 'Alice Adams', type: 'user_reference' };
const CAROL = { id: 'PCAROL1', summary: 'Carol Chen', type: 'user_reference' };
const paged = (assignees: unknown[]) => ({ id: 'PFQZPSY', number: 9, title: 'Payment API: 5xx rate above 5%', urgency: 'high', assignees });

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

/** The channel's top-level history as a Slack client reads it (conversations.history), oldest first. */
async function history(channelId: string): Promise<Array<{ ts: string; text: string; blocks?: unknown[]; metadata?: { event_payload?: { key?: string } } }>> {
  const client = new WebClient('xoxb-test', { slackApiUrl: wire.slack.url, retryConfig: { retries: 0 }, logger: quiet });
  const answer = await client.conversations.history({ channel: channelId, include_all_metadata: true, limit: 100 });
  return ([...(answer.messages ?? [])] as never[]).reverse();
}

const isCard = (m: { metadata?: { event_payload?: { key?: string } } } | undefined) => m?.metadata?.event_payload?.key === 'pd-PFQZPSY/card';

/** The card as it stands now, read from the fake. */
function card(channelId: string) {
  return wire.slack.messages(channelId).find((m) => !m.ephemeral && isCard(m as never));
}
const cardJson = (channelId: string) => JSON.stringify(card(channelId)?.blocks ?? []);

describe('the incident channel opens with the card', () => {
  it('when everyone is found and invited', async () => {
    wire.pd.addIncident(incidentDelivery('triggered', paged([ALICE])).event.data as never);
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', paged([ALICE])));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => (cardJson(channel.id).includes('<@U0ALICE>') ? true : undefined));
    await wire.slack.waitFor(() => wire.pd.notesFor('PFQZPSY')[0]);
    await wire.queues.waitForIdle();
    const messages = await history(channel.id);
    expect(isCard(messages[0])).toBe(true);
    expect(JSON.stringify(messages[0]?.blocks)).not.toMatch(/invite/i);
  });

  it('when an assignee cannot be found and an invite is refused: both said on the card, nothing before it', async () => {
    wire.pd.addIncident(incidentDelivery('triggered', paged([ALICE, CAROL])).event.data as never);
    wire.slack.failNext('conversations.invite', { error: 'user_is_restricted' });
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', paged([ALICE, CAROL])));
    const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    const line = await wire.slack.waitFor(() => cardJson(channel.id).match(/:bust_in_silhouette: Could not invite[^"]*/)?.[0]);
    await wire.queues.waitForIdle();
    expect(line).toContain('Carol Chen (no Slack user with the e-mail carol@elsewhere.example)');
    expect(line).toContain('<@U0ALICE> (user is restricted)');
    const messages = await history(channel.id);
    expect(isCard(messages[0])).toBe(true);
    expect(messages.filter((m) => m.text.includes('invite'))).toEqual([]);
  });

  it('when PagerDuty is down: "not invited yet" is on the card, and gone from it once they are in', async () => {
    wire.pd.addIncident(incidentDelivery('triggered', paged([ALICE])).event.data as never);
    const restore = wire.pd.outage(503);
    try {
      const b = await bot();
      await b.deliver(incidentDelivery('triggered', paged([ALICE])));
      const channel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
      await wire.slack.waitFor(() => (cardJson(channel.id).includes('Not invited yet: Alice Adams') ? true : undefined));
      expect(isCard((await history(channel.id))[0])).toBe(true);
      restore();
      await wire.slack.waitFor(() => (cardJson(channel.id).includes('<@U0ALICE>') ? true : undefined));
      expect(cardJson(channel.id)).not.toContain('Not invited yet');
      await wire.slack.waitFor(() => wire.pd.notesFor('PFQZPSY')[0]);
      await wire.queues.waitForIdle();
      const messages = await history(channel.id);
      expect(isCard(messages[0])).toBe(true);
      expect(messages.filter((m) => m.text.includes('invite'))).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe('times people read are drawn in their own zone', () => {
  let n = 0;
  async function command(b: TestBot, text: string, channelId: string, userId = 'U0ALICE') {
    const body = slashCommand({ command: '/incident', text, userId, channelId, responseUrl: wire.slack.responseUrl(`cmd${++n}`) }).replace(
      'trigger_id=123.456.abc',
      `trigger_id=${Date.now()}.${n}`,
    );
    const res = await postSlack(b.url, body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    return (await res.json()) as { text?: string; blocks?: unknown[] };
  }

  /** Every message people read that this part of the bot writes, with where it was seen. */
  const seen: Array<{ where: string; text: string }> = [];
  const read = (where: string, message: { text?: unknown; blocks?: unknown; attachments?: unknown }) => {
    const text = visibleText(message);
    seen.push({ where, text });
    return text;
  };

  it('card, /incident answers, action items, reminder and snooze, digest: no raw time outside code', async () => {
    seen.length = 0;
    wire.pd.addIncident(incidentDelivery('triggered', paged([ALICE])).event.data as never);
    const b = await bot();
    await b.deliver(incidentDelivery('triggered', paged([ALICE])));
    const channel: FakeChannel = await wire.slack.waitFor(() => wire.slack.channelByName(CHANNEL));
    await wire.slack.waitFor(() => (cardJson(channel.id).includes('<@U0ALICE>') ? true : undefined));

    // The card asked for: "Opened" in the reader's zone.
    const status = read('/incident status', await command(b, 'status', channel.id));
    expect(status).toMatch(/Opened <!date\^\d+\^/);

    await command(b, 'lead <@U0ALICE>', channel.id);
    await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('is now the incident lead')));

    // An exact deadline (a few seconds off, so its reminder comes during the test) and a date.
    const dueAt = new Date(Date.now() + 4000).toISOString().slice(0, 19) + 'Z';
    const dueDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await command(b, `action <@U0BOB> ${dueAt} add an alert on pool saturation`, channel.id);
    await command(b, `action <@U0BOB> ${dueDate} write the runbook`, channel.id);
    const a1 = read('action A1 line', await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Action item *A1*'))));
    const a2 = read('action A2 line', await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Action item *A2*'))));
    expect(dateTokens(a1).length).toBeGreaterThan(0);
    // A date deadline stays the date it was given.
    expect(a2).toContain(`due ${dueDate}`);
    expect(dateTokens(a2)).toEqual([]);

    const list = read('/incident actions', await command(b, 'actions', channel.id));
    expect(list).toContain('*A1*');
    expect(dateTokens(list).length).toBeGreaterThan(0);
    expect(list).toContain(`due ${dueDate}`);

    // The reminder DM (at the deadline) and the answer to Snooze.
    const dm = await wire.slack.waitFor(() => wire.slack.dms('U0BOB')[0]);
    const reminder = read('reminder DM', dm);
    expect(dateTokens(reminder).length).toBeGreaterThanOrEqual(2);
    const click = blockAction({ actionId: 'rootcause_item_snooze', value: 'A1', userId: 'U0BOB', channelId: dm.channel, messageTs: dm.ts, responseUrl: wire.slack.responseUrl('snooze') });
    await postSlack(b.url, click, 'application/x-www-form-urlencoded');
    const snoozed = read('snooze answer', await wire.slack.waitFor(() => wire.slack.responses('snooze')[0]));
    expect(snoozed).toMatch(/Snoozed A1: the next reminder comes <!date\^\d+\^/);

    // The weekly digest to the lead: A1 is overdue by now.
    await waitUntil(() => Date.now() > Date.parse(dueAt) + 1000, () => 'A1 overdue');
    await wire.queues.queue('digests').add('send-overdue-digest', {}, { jobId: 'digest-now' });
    const digest = read('digest DM', await wire.slack.waitFor(() => wire.slack.dms('U0ALICE').find((m) => m.text.includes('Overdue follow-ups'))));
    expect(digest).toContain('A1');
    expect(dateTokens(digest).length).toBeGreaterThan(0);

    // Resolved: the card says when, in the reader's zone.
    await b.deliver(incidentDelivery('resolved', { ...paged([ALICE]), status: 'resolved' }));
    const resolvedCard = await wire.slack.waitFor(() => {
      const c = card(channel.id);
      return c !== undefined && JSON.stringify(c.blocks ?? []).includes('resolved <!date^') ? c : undefined;
    });
    read('card', resolvedCard);
    for (const response of wire.slack.responses()) read('response_url answer', response);

    const offenders = seen.map((s) => ({ where: s.where, raw: rawTimesOutsideCode(s.text) })).filter((s) => s.raw.length > 0);
    expect(offenders).toEqual([]);
    expect(seen.map((s) => s.where)).toEqual(expect.arrayContaining(['/incident status', 'reminder DM', 'snooze answer', 'digest DM', 'card']));
  });
});
