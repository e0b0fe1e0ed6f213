/** `/incident` commands through the in-memory ports: each change said once, the card and announcement in step. */
import { describe, expect, it } from 'vitest';
import { applyIncidentCommand } from '../../../src/domain/incident/apply-incident-command.js';
import type { IncidentChange, IncidentCommandRequest } from '../../../src/domain/incident/incident-command.js';
import { memoryDeps } from '../../support/memory-deps.js';
import { openedIncident } from '../../support/opened-incident.js';

function request(id: string, command: IncidentChange, extra: Partial<IncidentCommandRequest<IncidentChange>> = {}): IncidentCommandRequest<IncidentChange> {
  return { id, command, userId: 'U0ALICE', channelId: 'C-ignored', ...extra };
}

describe('applyIncidentCommand', () => {
  it('declares one incident per request, however often the request is retried, and tells the requester where it is', async () => {
    const deps = memoryDeps();
    deps.chat.addUser({ id: 'U0ALICE', name: 'Alice Adams', tz: 'UTC' });
    const declare = request('trigger-1', { kind: 'declare', title: 'Checkout is slow' }, { responseUrl: 'https://hooks.slack.test/r1' });
    deps.chat.failNext('setTopic');
    await expect(applyIncidentCommand(deps, declare)).rejects.toMatchObject({ retryable: true });
    await applyIncidentCommand(deps, declare);
    await applyIncidentCommand(deps, declare);

    const channels = [...deps.chat.channels.values()];
    expect(channels.map((c) => c.name)).toEqual(['inc-20260310-d1-checkout-is-slow']);
    expect(channels[0]?.topic).toContain('Checkout is slow');
    expect(deps.chat.texts(channels[0]?.id ?? '')).toEqual(['[card] Checkout is slow (triggered)']);
    expect(deps.chat.responses.map((r) => r.text)[0]).toMatch(/^:rotating_light: Opened <#C\d+> for "Checkout is slow"\. You are the lead/);
    expect(await deps.incidents.nextDeclaredNumber()).toBe(2);
  });

  it('says a change of severity, lead or a note once per request and redraws the card', async () => {
    const { deps, incident, channel, announce } = await openedIncident();
    deps.chat.addUser({ id: 'U0BOB', name: 'Bob Brown', tz: 'UTC' });
    const before = deps.chat.texts(channel).length;
    const sev = request('a1', { kind: 'severity', severity: 1 }, { incidentId: incident.id });
    await applyIncidentCommand(deps, sev);
    await applyIncidentCommand(deps, sev);
    await applyIncidentCommand(deps, request('a2', { kind: 'lead', leadSlackId: 'U0BOB' }, { incidentId: incident.id }));
    await applyIncidentCommand(deps, request('a3', { kind: 'note', text: 'rolled back to 1.8.2' }, { incidentId: incident.id }));

    expect(deps.chat.texts(channel).slice(before)).toEqual([
      'Severity set to SEV1 by <@U0ALICE>',
      '<@U0BOB> is now the incident lead by <@U0ALICE>',
      ':memo: Note from <@U0ALICE>: rolled back to 1.8.2',
    ]);
    expect(deps.chat.channels.get(channel)?.members.has('U0BOB')).toBe(true);
    const card = deps.chat.messages(channel)[0]?.message;
    expect(card?.kind === 'incident-card' && [card.incident.severity, card.incident.leadSlackId]).toEqual([1, 'U0BOB']);
    expect(deps.chat.texts(announce)).toHaveLength(1);
    expect(deps.chat.texts(announce)[0]).toContain('<@U0BOB>');
  });

  it('shows the timeline only to the one who asked', async () => {
    const { deps, incident, channel } = await openedIncident();
    const before = deps.chat.posts.length;
    await applyIncidentCommand(deps, request('t1', { kind: 'timeline' }, { incidentId: incident.id, channelId: channel }));
    expect(deps.chat.posts).toHaveLength(before);
    expect(deps.chat.ephemerals.map((e) => [e.channel, e.userId, e.message.kind])).toEqual([[channel, 'U0ALICE', 'document']]);
  });

  it('refuses a change in a channel that is not an incident’s', async () => {
    const deps = memoryDeps();
    await expect(applyIncidentCommand(deps, request('x1', { kind: 'severity', severity: 2 }))).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    expect(deps.chat.calls).toEqual([]);
  });
});
