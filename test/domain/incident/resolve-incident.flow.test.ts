/** Resolving, from Slack and from PagerDuty, through the in-memory ports: each thing said and shared once. */
import { describe, expect, it } from 'vitest';
import { applyIncidentCommand } from '../../../src/domain/incident/apply-incident-command.js';
import { handlePageEvent } from '../../../src/domain/incident/handle-page-event.js';
import type { Incident } from '../../../src/domain/incident/incident.js';
import { resolveIncidentFromChat } from '../../../src/domain/incident/resolve-incident.js';
import { openedIncident } from '../../support/opened-incident.js';
import type { OpenedIncident } from '../../support/opened-incident.js';
import { pageEvent } from '../../support/page-events.js';

/**
 * The opened incident, with what follows a resolve recorded instead of publishing the post-mortem,
 * and a cluster watch that records what it stops watching.
 */
async function watchedResolve(): Promise<OpenedIncident & { after: [string, Incident['status'], string | undefined][]; unwatched: string[] }> {
  const world = await openedIncident();
  const after: [string, Incident['status'], string | undefined][] = [];
  const unwatched: string[] = [];
  world.deps.afterResolve = async (incident, resolverSlackId) => {
    after.push([incident.id, incident.status, resolverSlackId]);
    return incident;
  };
  world.deps.clusterWatch = { watch: async () => undefined, unwatch: async (id) => void unwatched.push(id) };
  return { ...world, after, unwatched };
}

describe('one resolve flow for every entry point', () => {
  const entries: [string, (w: OpenedIncident) => Promise<unknown>, string | undefined, RegExp][] = [
    [
      '/incident resolve <summary>',
      ({ deps, incident, channel }) =>
        applyIncidentCommand(deps, { id: 'trigger-1', command: { kind: 'resolve', summary: 'rolled back' }, userId: 'U0ALICE', channelId: channel, incidentId: incident.id, responseUrl: 'https://hooks.slack.test/r1' }),
      'U0ALICE',
      /^:white_check_mark: Resolved by <@U0ALICE>\. Summary: rolled back\. /,
    ],
    [
      'the card’s Resolve button',
      ({ deps, incident, channel }) => applyIncidentCommand(deps, { id: 'button-pd-PFQZPSY-1.2', command: { kind: 'resolve' }, userId: 'U0BOB', channelId: channel, incidentId: incident.id }),
      'U0BOB',
      /^:white_check_mark: Resolved by <@U0BOB>\. The PagerDuty incident #9 is still open there/,
    ],
    [
      'PagerDuty’s incident.resolved',
      ({ deps }) => handlePageEvent(deps, pageEvent('resolved', { occurredAt: '2026-11-21T10:41:00.000Z', agent: 'Alice Adams' })),
      undefined,
      /^Resolved in PagerDuty by Alice Adams$/,
    ],
  ];

  it.each(entries)('%s: says it once, stops the cluster watch, redraws the card and announcement, then hands the incident to what follows a resolve', async (_entry, resolve, resolver, line) => {
    const world = await watchedResolve();
    const { deps, incident, channel, announce } = world;
    const before = deps.chat.texts(channel).length;

    await resolve(world);
    await resolve(world);

    expect(deps.chat.texts(channel).slice(before)).toEqual([expect.stringMatching(line)]);
    expect(world.unwatched).toContain(incident.id);
    const card = deps.chat.messages(channel)[0]?.message;
    expect(card?.kind === 'incident-card' && card.incident.status).toBe('resolved');
    expect(deps.chat.texts(announce)).toEqual([expect.stringMatching(/Resolved/)]);
    // Once per run, with who resolved it: the retry runs it again, which is why it must be safe to run twice.
    expect(world.after).toEqual([
      [incident.id, 'resolved', resolver],
      [incident.id, 'resolved', resolver],
    ]);
  });
});

describe('resolveIncidentFromChat', () => {
  it('says who resolved it, redraws the card and publishes the post-mortem: intro, draft, file', async () => {
    const { deps, incident, channel, announce } = await openedIncident();
    const before = deps.chat.texts(channel).length;

    const { alreadyResolved } = await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1', summary: 'rolled back 1.9.0' });

    expect(alreadyResolved).toBe(false);
    const said = deps.chat.texts(channel).slice(before);
    expect(said[0]).toMatch(/^:white_check_mark: Resolved by <@U0ALICE>\. Summary: rolled back 1\.9\.0\. The PagerDuty incident/);
    expect(said[0]).toContain('The PagerDuty incident #9 is still open there: resolve it in PagerDuty too (https://acme.pagerduty.com/incidents/PFQZPSY).');
    expect(said[1]).toMatch(/Post-mortem draft — owner <@U0ALICE>, due \d{4}-\d\d-\d\d/);
    expect(said.slice(2).every((t) => t.startsWith('[document] '))).toBe(true);
    expect(deps.chat.files.map((f) => f.channel)).toEqual([channel]);
    const card = deps.chat.messages(channel)[0]?.message;
    expect(card?.kind === 'incident-card' && card.incident.status).toBe('resolved');
    expect(deps.chat.texts(announce)).toHaveLength(1);
    expect(deps.chat.texts(announce)[0]).toMatch(/Resolved/);
    // The post-mortem is an action item with its reminders.
    expect((await deps.items.forIncident(incident.id)).map((i) => [i.kind, i.ownerId])).toEqual([['postmortem', 'U0ALICE']]);
    expect(deps.reminders.scheduled).toHaveLength(1);
  });

  it('does nothing twice: the same request again, another person’s resolve, then PagerDuty’s resolve', async () => {
    const { deps, incident, channel } = await openedIncident();
    await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1' });
    const afterFirst = deps.chat.texts(channel);

    await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1' });
    expect(await resolveIncidentFromChat(deps, incident.id, 'U0BOB', { requestId: 'req-2' })).toMatchObject({ alreadyResolved: true });
    expect(deps.chat.texts(channel)).toEqual(afterFirst);

    await handlePageEvent(deps, pageEvent('resolved', { occurredAt: '2026-11-21T10:41:00.000Z', agent: 'Alice Adams' }));
    // Only PagerDuty's own line is new: no second post-mortem, no second file.
    expect(deps.chat.texts(channel)).toEqual([...afterFirst, 'Resolved in PagerDuty by Alice Adams']);
    expect(deps.chat.files).toHaveLength(1);
    expect(await deps.items.forIncident(incident.id)).toHaveLength(1);
  });

  it('publishes the post-mortem once when PagerDuty resolves first and Slack resolves after', async () => {
    const { deps, incident, channel } = await openedIncident();
    await handlePageEvent(deps, pageEvent('resolved', { occurredAt: '2026-11-21T10:41:00.000Z', agent: 'Alice Adams' }));
    const afterPagerDuty = deps.chat.texts(channel);
    expect(afterPagerDuty.filter((t) => t.includes('Post-mortem draft'))).toHaveLength(1);

    expect(await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'req-1' })).toMatchObject({ alreadyResolved: true });
    expect(deps.chat.texts(channel)).toEqual(afterPagerDuty);
    expect(deps.chat.files).toHaveLength(1);
  });
});
