/** Opening the incident channel through the in-memory ports: names taken, answers lost, responders not found yet. */
import { describe, expect, it } from 'vitest';
import { handlePageEvent } from '../../../src/domain/incident/handle-page-event.js';
import { memoryDeps } from '../../support/memory-deps.js';
import type { MemoryDeps } from '../../support/memory-deps.js';
import { PAGED, pageEvent } from '../../support/page-events.js';

const NAME = 'inc-20261121-9-payment-api-5xx-rate-above-5';

function world(): MemoryDeps {
  const deps = memoryDeps();
  deps.clock.set('2026-11-21T10:00:05Z');
  deps.chat.addUser({ id: 'U0ALICE', name: 'Alice Adams', email: 'alice@example.com', tz: 'Europe/Berlin' });
  deps.pager.emails.set('PALICE1', 'alice@example.com');
  deps.pager.incidents.set(PAGED.id, PAGED);
  return deps;
}

const channelNames = (deps: MemoryDeps) => [...deps.chat.channels.values()].map((c) => c.name);

describe('opening the incident channel', () => {
  it('takes the next free name when someone else has the channel’s name', async () => {
    const deps = world();
    deps.chat.addChannel(NAME);
    const incident = await handlePageEvent(deps, pageEvent('triggered'));
    expect(incident.channel?.name).toBe(`${NAME}-2`);
    expect(channelNames(deps)).toEqual([NAME, `${NAME}-2`]);
  });

  it('makes one channel when Slack created it but the answer was lost', async () => {
    const deps = world();
    deps.chat.failNext('createChannel', { afterActing: true });
    await expect(handlePageEvent(deps, pageEvent('triggered'))).rejects.toMatchObject({ retryable: true });
    const incident = await handlePageEvent(deps, pageEvent('triggered'));
    expect(channelNames(deps)).toEqual([NAME]);
    expect(incident.channel?.name).toBe(NAME);
    expect(deps.chat.texts(incident.channel?.id ?? '')).toEqual(['[card] Payment API: 5xx rate above 5% (triggered)']);
  });

  it('names on the card who is still to come while PagerDuty does not answer, and invites them on the retry', async () => {
    const deps = world();
    deps.pager.failNext('getUserEmail');
    await expect(handlePageEvent(deps, pageEvent('triggered'))).rejects.toMatchObject({ retryable: true });
    const channel = [...deps.chat.channels.values()][0];
    const cardNow = () => {
      const card = deps.chat.messages(channel?.id ?? '')[0]?.message;
      return card?.kind === 'incident-card' ? card.incident : undefined;
    };
    // The channel, its card and the rest went on without Alice.
    expect(cardNow()?.progress.invitesPending?.names).toEqual(['Alice Adams']);
    expect(channel?.members.has('U0ALICE')).toBe(false);

    await handlePageEvent(deps, pageEvent('triggered'));
    expect(channel?.members.has('U0ALICE')).toBe(true);
    expect(cardNow()?.progress.invitesPending).toBeUndefined();
    expect(cardNow()?.assigneeSlackIds).toEqual({ PALICE1: 'U0ALICE' });
    expect(deps.chat.messages(channel?.id ?? '')).toHaveLength(1);
  });

  it('names on the card a responder Slack does not know, and goes on', async () => {
    const deps = world();
    deps.pager.emails.set('PALICE1', 'alice@elsewhere.example');
    const incident = await handlePageEvent(deps, pageEvent('triggered'));
    const card = deps.chat.messages(incident.channel?.id ?? '')[0]?.message;
    expect(card?.kind === 'incident-card' && card.incident.progress.unreachable).toEqual({ PALICE1: 'no Slack user with the e-mail alice@elsewhere.example' });
  });
});
