/** Action items through the in-memory ports: made once, reminded once per reminder, silent once done. */
import { describe, expect, it } from 'vitest';
import { addActionItem, applyActionItemCommand, completeActionItem, sendReminder, snoozeActionItem } from '../../../src/domain/postmortem/action-items.js';
import type { MemoryDeps } from '../../support/memory-deps.js';
import { openedIncident } from '../../support/opened-incident.js';

const REQUEST = { requestId: 'cmd-1', ownerId: 'U0ALICE', due: '2026-11-25', text: 'Alert on the 5xx rate per pod', createdBy: 'U0ALICE' };

/** Fires the earliest scheduled reminder at its time, as the queue would. */
async function fireNextReminder(deps: MemoryDeps): Promise<void> {
  const next = deps.reminders.takeNext();
  if (next === undefined) throw new Error('no reminder is scheduled');
  deps.clock.set(next.at);
  await sendReminder(deps, { itemId: next.itemId, reminderId: next.id, kind: next.kind, at: next.at });
}

describe('action items', () => {
  it('makes the item once, tells the channel once, and schedules its first reminder with a deterministic id', async () => {
    const { deps, incident, channel } = await openedIncident();
    const before = deps.chat.texts(channel).length;
    const item = await addActionItem(deps, { ...REQUEST, incidentId: incident.id });
    await addActionItem(deps, { ...REQUEST, incidentId: incident.id });

    expect(item?.id).toBe('A1');
    expect(await deps.items.forIncident(incident.id)).toHaveLength(1);
    expect(deps.chat.texts(channel).slice(before)).toEqual([':pushpin: Action item *A1* for <@U0ALICE>, due 2026-11-25: Alert on the 5xx rate per pod']);
    // 09:00 in Berlin the working day before.
    expect(deps.reminders.scheduled).toEqual([{ id: 'A1-day-before-2026-11-24', itemId: 'A1', at: '2026-11-24T08:00:00.000Z', kind: 'day-before' }]);
  });

  it('DMs the owner once per reminder, even when the job fires twice, and schedules the next', async () => {
    const { deps, incident } = await openedIncident();
    await addActionItem(deps, { ...REQUEST, incidentId: incident.id });
    const first = deps.reminders.scheduled[0];
    await fireNextReminder(deps);
    if (first !== undefined) await sendReminder(deps, { itemId: first.itemId, reminderId: first.id, kind: first.kind, at: first.at });

    expect(deps.chat.texts('U0ALICE')).toEqual(['[reminder day-before] A1: Alert on the 5xx rate per pod']);
    expect(deps.reminders.scheduled.map((r) => r.id)).toEqual(['A1-due-2026-11-25']);
    await fireNextReminder(deps);
    expect(deps.chat.texts('U0ALICE')).toEqual(['[reminder day-before] A1: Alert on the 5xx rate per pod', '[reminder due] A1: Alert on the 5xx rate per pod']);
  });

  it('sends no more reminders once the item is done, and says so in the channel once', async () => {
    const { deps, incident, channel } = await openedIncident();
    await addActionItem(deps, { ...REQUEST, incidentId: incident.id });
    expect(await completeActionItem(deps, { itemId: 'A1', userId: 'U0ALICE' })).toBe('done');
    expect(await completeActionItem(deps, { itemId: 'A1', userId: 'U0ALICE' })).toBe('already-done');
    expect(deps.chat.texts(channel).filter((t) => t.includes('closed A1'))).toEqual([':white_check_mark: <@U0ALICE> closed A1: Alert on the 5xx rate per pod']);

    // The reminder scheduled before it was done still fires: it stays silent and schedules nothing.
    await fireNextReminder(deps);
    expect(deps.chat.dms('U0ALICE')).toEqual([]);
    expect(deps.reminders.scheduled).toEqual([]);
  });

  it('brings the snoozed reminder back a day later: the one scheduled before stays silent', async () => {
    const { deps, incident } = await openedIncident();
    await addActionItem(deps, { ...REQUEST, incidentId: incident.id });
    deps.clock.set('2026-11-24T07:00:00Z');
    await snoozeActionItem(deps, { itemId: 'A1', userId: 'U0ALICE' });
    expect(deps.reminders.scheduled.map((r) => [r.id, r.at])).toEqual([
      ['A1-day-before-2026-11-24', '2026-11-24T08:00:00.000Z'],
      // The put-off reminder, at the snooze's end (08:00 in Berlin).
      ['A1-day-before-2026-11-25T080000', '2026-11-25T07:00:00.000Z'],
    ]);

    await fireNextReminder(deps);
    expect(deps.chat.dms('U0ALICE')).toEqual([]);
    await fireNextReminder(deps);
    expect(deps.chat.texts('U0ALICE')).toEqual(['[reminder day-before] A1: Alert on the 5xx rate per pod']);
    expect(deps.reminders.scheduled.map((r) => r.id)).toEqual(['A1-due-2026-11-25']);
  });

  it('applies the queued commands: action in the incident’s channel, done and snooze anywhere', async () => {
    const { deps, incident, channel } = await openedIncident();
    const asked = { userId: 'U0ALICE', channelId: channel };
    await applyActionItemCommand(deps, { ...asked, id: 'cmd-1', incidentId: incident.id, command: { kind: 'action', ownerId: 'U0ALICE', due: '2026-11-25', text: 'Alert on the 5xx rate per pod' } });
    expect((await deps.items.forIncident(incident.id)).map((i) => [i.id, i.status])).toEqual([['A1', 'open']]);

    await applyActionItemCommand(deps, { ...asked, id: 'cmd-2', channelId: 'D0ALICE', command: { kind: 'snooze', itemId: 'A1' } });
    expect((await deps.items.get('A1'))?.snoozedUntil).toBe('2026-11-22T10:40:00.000Z');
    await applyActionItemCommand(deps, { ...asked, id: 'cmd-3', channelId: 'D0ALICE', command: { kind: 'done', itemId: 'A1' } });
    expect((await deps.items.get('A1'))?.status).toBe('done');
  });

  it('refuses an action item outside an incident’s channel, and makes none', async () => {
    const { deps } = await openedIncident();
    await expect(
      applyActionItemCommand(deps, { id: 'cmd-1', userId: 'U0ALICE', channelId: 'C0GENERAL', command: { kind: 'action', ownerId: 'U0ALICE', due: '2026-11-25', text: 'Alert' } }),
    ).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    expect(await deps.items.allOpen()).toEqual([]);
  });
});
