/** handlePageEvent through the in-memory ports: what people see in Slack and PagerDuty for each event. */
import { describe, expect, it } from 'vitest';
import { handlePageEvent } from '../../../src/domain/incident/handle-page-event.js';
import { ServiceCatalog } from '../../../src/domain/service-catalog.js';
import { memoryDeps } from '../../support/memory-deps.js';
import type { MemoryDeps } from '../../support/memory-deps.js';
import { PAGED, pageEvent } from '../../support/page-events.js';

const CHANNEL_NAME = 'inc-20261121-9-payment-api-5xx-rate-above-5';

function world(): MemoryDeps & { announce: string } {
  const deps = memoryDeps({
    catalog: new ServiceCatalog([{ name: 'payment-service', pagerduty: [PAGED.service.id], owners: ['U0OWNER'] }]),
  });
  deps.clock.set('2026-11-21T10:00:05Z');
  deps.chat.addUser({ id: 'U0ALICE', name: 'Alice Adams', email: 'alice@example.com', tz: 'Europe/Berlin' });
  deps.chat.addUser({ id: 'U0OWNER', name: 'Olga Owner', email: 'olga@example.com', tz: 'UTC' });
  deps.pager.emails.set('PALICE1', 'alice@example.com');
  deps.pager.incidents.set(PAGED.id, PAGED);
  const announce = deps.chat.addChannel('incidents').id;
  return Object.assign(deps, { announceChannel: announce, announce });
}

function incidentChannel(deps: MemoryDeps): string {
  const channel = [...deps.chat.channels.values()].find((c) => c.name === CHANNEL_NAME);
  if (channel === undefined) throw new Error(`no channel ${CHANNEL_NAME}`);
  return channel.id;
}

describe('handlePageEvent', () => {
  it('opens the channel for a triggered incident: topic, the card first, the announcement, the responders, the PagerDuty note, the triage', async () => {
    const deps = world();
    await handlePageEvent(deps, pageEvent('triggered'));

    const channel = deps.chat.channels.get(incidentChannel(deps));
    expect(channel?.topic).toContain('Payment API: 5xx rate above 5%');
    const messages = deps.chat.messages(incidentChannel(deps));
    expect(messages.map((m) => m.message.kind)).toEqual(['incident-card']);
    // The card was redrawn once Alice was found, to mention her.
    const card = messages[0]?.message;
    expect(card?.kind === 'incident-card' && card.incident.assigneeSlackIds).toEqual({ PALICE1: 'U0ALICE' });
    expect([...(channel?.members ?? [])].sort()).toEqual(['U0ALICE', 'U0OWNER', 'UBOT']);
    const announcement = deps.chat.texts(deps.announce);
    expect(announcement).toHaveLength(1);
    expect(announcement[0]).toContain(`<#${channel?.id}>`);
    expect(deps.pager.notes.get(PAGED.id)).toEqual([`Slack incident channel: #${CHANNEL_NAME} https://memory.slack.test/archives/${channel?.id}`]);
    expect(deps.triageRequests.map((r) => r.service)).toEqual(['payment-service']);
    expect((await deps.timeline.list('pd-PFQZPSY')).map((e) => e.text)).toEqual(['Triggered in PagerDuty (high urgency)', `Opened #${CHANNEL_NAME}`]);
  });

  it('does nothing twice when PagerDuty delivers the same event again', async () => {
    const deps = world();
    await handlePageEvent(deps, pageEvent('triggered'));
    const before = { channels: deps.chat.channels.size, posts: deps.chat.posts.length, members: deps.chat.channels.get(incidentChannel(deps))?.members.size };
    await handlePageEvent(deps, pageEvent('triggered'));
    expect({ channels: deps.chat.channels.size, posts: deps.chat.posts.length, members: deps.chat.channels.get(incidentChannel(deps))?.members.size }).toEqual(before);
    expect(deps.pager.notes.get(PAGED.id)).toHaveLength(1);
    expect(deps.chat.calls.filter((c) => c === 'createChannel')).toHaveLength(1);
  });

  it('opens one channel when two replicas get the same page at once', async () => {
    const deps = world();
    await Promise.all([handlePageEvent(deps, pageEvent('triggered')), handlePageEvent(deps, pageEvent('triggered', { id: 'ev-other' }))]);
    expect([...deps.chat.channels.values()].map((c) => c.name)).toEqual(['incidents', CHANNEL_NAME]);
    expect(deps.chat.messages(incidentChannel(deps)).map((m) => m.message.kind)).toEqual(['incident-card']);
    expect(deps.chat.texts(deps.announce)).toHaveLength(1);
  });

  it('resumes after a failure mid-way without repeating what was done', async () => {
    const deps = world();
    deps.chat.failNext('post', { afterActing: true });
    await expect(handlePageEvent(deps, pageEvent('triggered'))).rejects.toMatchObject({ retryable: true });
    await handlePageEvent(deps, pageEvent('triggered'));
    expect(deps.chat.messages(incidentChannel(deps)).map((m) => m.message.kind)).toEqual(['incident-card']);
    expect(deps.chat.texts(deps.announce)).toHaveLength(1);
    expect(deps.chat.channels.size).toBe(2);
  });

  it('keeps the card and the announcement in step as the incident is acknowledged and resolved, with one line per event', async () => {
    const deps = world();
    await handlePageEvent(deps, pageEvent('triggered'));
    const ack = pageEvent('acknowledged', { occurredAt: '2026-11-21T10:03:00.000Z', agent: 'Alice Adams' });
    await handlePageEvent(deps, ack);
    await handlePageEvent(deps, ack);

    const channel = incidentChannel(deps);
    const statusOfCard = () => {
      const card = deps.chat.messages(channel)[0]?.message;
      return card?.kind === 'incident-card' ? card.incident.status : undefined;
    };
    expect(statusOfCard()).toBe('acknowledged');
    expect(deps.chat.texts(channel).slice(1)).toEqual(['Acknowledged by Alice Adams']);
    expect(deps.chat.texts(deps.announce)).toHaveLength(1);
    // The emphasis is mrkdwn today; the match survives it moving to the Slack adapter.
    expect(deps.chat.texts(deps.announce)[0]).toMatch(/Acknowledged\W* by Alice Adams/);

    await handlePageEvent(deps, pageEvent('resolved', { occurredAt: '2026-11-21T10:30:00.000Z', agent: 'Alice Adams' }));
    expect(statusOfCard()).toBe('resolved');
    expect(deps.chat.texts(channel)[2]).toBe('Resolved in PagerDuty by Alice Adams');
    expect(deps.chat.texts(deps.announce)).toHaveLength(1);
    expect(deps.chat.texts(deps.announce)[0]).toMatch(/Resolved/);
  });
});
