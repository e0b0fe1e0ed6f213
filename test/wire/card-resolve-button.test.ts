/** The Resolve button on the incident card, clicked through a signed Slack interaction. */
import { beforeEach, describe, expect, it } from 'vitest';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import { blockAction, postSlack } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();
let bot: TestBot;

beforeEach(async () => {
  bot = await wire.startBot();
});

async function openIncident() {
  await bot.deliver(incidentDelivery('triggered', { id: 'PBTN001', number: 40, title: 'Search down', assignees: [] }));
  const channel = await wire.slack.waitFor(() => wire.slack.channelByName('inc-20261121-40-search-down'));
  const card = await wire.slack.waitFor(() => wire.slack.messages(channel.id)[0]);
  return { channel, card };
}

describe('Resolve button', () => {
  it('resolves once, updates the card and says PagerDuty still has it open', async () => {
    const { channel, card } = await openIncident();
    const click = blockAction({
      actionId: 'rootcause_resolve',
      value: 'pd-PBTN001',
      userId: 'U0ALICE',
      channelId: channel.id,
      messageTs: card.ts,
      responseUrl: wire.slack.responseUrl('r1'),
    });
    const res = await postSlack(bot.url, click, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const line = await wire.slack.waitFor(() => wire.slack.messages(channel.id).find((m) => m.text.includes('Resolved by')));
    expect(line.text).toContain('<@U0ALICE>');
    expect(line.text).toContain('still open');
    await wire.slack.waitFor(() => JSON.stringify(wire.slack.messages(channel.id)[0]!.blocks).includes('Resolved'));

    await postSlack(bot.url, click.replace('r1', 'r2'), 'application/x-www-form-urlencoded');
    const reply = await wire.slack.waitFor(() => wire.slack.responses('r2')[0]);
    expect(String(reply.text)).toContain('already resolved');
    expect(wire.slack.messages(channel.id).filter((m) => m.text.includes('Resolved by'))).toHaveLength(1);
  });

  it('a click with a bad signature is refused with 401 and changes nothing', async () => {
    const { channel, card } = await openIncident();
    const click = blockAction({ actionId: 'rootcause_resolve', value: 'pd-PBTN001', userId: 'U0ALICE', channelId: channel.id, messageTs: card.ts, responseUrl: wire.slack.responseUrl('r3') });
    const res = await postSlack(bot.url, click, 'application/x-www-form-urlencoded', 'not-the-secret');
    expect(res.status).toBe(401);
    // Refused before any handler ran: nothing was queued to resolve it later.
    expect(await wire.queues.total('incident-commands')).toBe(0);
    expect(wire.slack.messages(channel.id).some((m) => m.text.includes('Resolved by'))).toBe(false);
  });
});
