import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../src/domain/postmortem/action-item.js';
import { isWorkingDate } from '../../../src/domain/postmortem/business-days.js';
import { getDeadline, nextReminder, planReminders, type Reminder } from '../../../src/domain/postmortem/reminder-schedule.js';
import { getCalendarDate, getWallTime } from '../../../src/domain/postmortem/zoned-time.js';

const NY = 'America/New_York';
const BULLMQ_JOB_ID = /^[A-Za-z0-9_-]+$/;

/** Due Tuesday 2026-11-24 (09:00 in New York), made Wednesday 2026-11-18. */
const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: 'A12',
  incidentId: 'INC-7',
  text: 'Add a PodDisruptionBudget to payment-service',
  ownerId: 'U024BE7LH',
  dueAt: '2026-11-24T14:00:00.000Z',
  dueKind: 'date',
  dueDate: '2026-11-24',
  createdAt: '2026-11-18T12:00:00.000Z',
  createdBy: 'U0G9QF9C6',
  kind: 'action',
  status: 'open',
  ownerTimeZone: NY,
  ...over,
});

const plan = (it: ActionItem, now: string, horizon?: number, timeZone = NY) =>
  planReminders(it, { now: new Date(now), timeZone, ...(horizon === undefined ? {} : { horizon }) });
const brief = (reminders: Reminder[]) => reminders.map((r) => `${r.kind}#${r.seq} ${r.at}`);
const localClock = (at: string, zone = NY) => {
  const w = getWallTime(new Date(at), zone);
  return `${w.hour}:${String(w.minute).padStart(2, '0')}`;
};

describe('planReminders: a date deadline', () => {
  it('reminds the working day before, at 09:00 on the day, then every working day at 09:00', () => {
    expect(plan(item(), '2026-11-18T12:00:00Z', 6)).toEqual([
      { at: '2026-11-23T14:00:00.000Z', kind: 'day-before', seq: 0, id: 'A12-day-before-2026-11-23' },
      { at: '2026-11-24T14:00:00.000Z', kind: 'due', seq: 0, id: 'A12-due-2026-11-24' },
      { at: '2026-11-25T14:00:00.000Z', kind: 'overdue', seq: 1, id: 'A12-overdue-2026-11-25' },
      { at: '2026-11-26T14:00:00.000Z', kind: 'overdue', seq: 2, id: 'A12-overdue-2026-11-26' },
      { at: '2026-11-27T14:00:00.000Z', kind: 'overdue', seq: 3, id: 'A12-overdue-2026-11-27' },
      { at: '2026-11-30T14:00:00.000Z', kind: 'overdue', seq: 4, id: 'A12-overdue-2026-11-30' },
    ]);
  });

  it("follows the owner's zone, not the instant fixed where the deadline was typed", () => {
    // Typed in Berlin (dueAt 08:00 UTC), owned in New York: 09:00 New York time.
    const typedInBerlin = item({ dueAt: '2026-11-24T08:00:00.000Z' });
    expect(nextReminder(typedInBerlin, { now: new Date('2026-11-24T00:00:00Z'), timeZone: NY })).toMatchObject({ kind: 'due', at: '2026-11-24T14:00:00.000Z' });
    expect(nextReminder(typedInBerlin, { now: new Date('2026-11-24T00:00:00Z'), timeZone: 'Asia/Kolkata' })).toMatchObject({ kind: 'due', at: '2026-11-24T03:30:00.000Z' });
    expect(getDeadline(typedInBerlin, NY).toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('announces a Monday deadline on Friday, not on Sunday', () => {
    const monday = item({ dueDate: '2026-11-23', dueAt: '2026-11-23T14:00:00.000Z' });
    expect(plan(monday, '2026-11-18T12:00:00Z', 2)).toMatchObject([
      { kind: 'day-before', at: '2026-11-20T14:00:00.000Z', id: 'A12-day-before-2026-11-20' },
      { kind: 'due', at: '2026-11-23T14:00:00.000Z' },
    ]);
  });

  it('falls back to dueAt when a date deadline lost its date', () => {
    expect(nextReminder(item({ dueDate: undefined, dueAt: '2026-11-24T16:00:00.000Z' }), { now: new Date('2026-11-24T00:00:00Z'), timeZone: NY })).toMatchObject({
      kind: 'due',
      at: '2026-11-24T16:00:00.000Z',
    });
  });
});

describe('planReminders: a date-time deadline', () => {
  const at15 = item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-24T20:00:00.000Z' }); // Tue 15:00 New York

  it('reminds at the same time the working day before, at the exact deadline, then at 09:00 each working day', () => {
    expect(plan(at15, '2026-11-18T12:00:00Z', 4)).toEqual([
      { at: '2026-11-23T20:00:00.000Z', kind: 'day-before', seq: 0, id: 'A12-day-before-2026-11-23T150000' },
      { at: '2026-11-24T20:00:00.000Z', kind: 'due', seq: 0, id: 'A12-due-2026-11-24T150000' },
      { at: '2026-11-25T14:00:00.000Z', kind: 'overdue', seq: 1, id: 'A12-overdue-2026-11-25' },
      { at: '2026-11-26T14:00:00.000Z', kind: 'overdue', seq: 2, id: 'A12-overdue-2026-11-26' },
    ]);
  });

  it('starts the daily reminders the next day even when the deadline is before 09:00', () => {
    const early = item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-24T12:00:00.000Z' }); // 07:00 New York
    expect(brief(plan(early, '2026-11-24T11:00:00Z', 2))).toEqual(['due#0 2026-11-24T12:00:00.000Z', 'overdue#1 2026-11-25T14:00:00.000Z']);
  });
});

describe('planReminders: made less than a day before the deadline', () => {
  it('skips the day-before of a date deadline', () => {
    // Monday 13:00 in New York, due Tuesday: Monday 09:00 has gone.
    expect(brief(plan(item({ createdAt: '2026-11-23T18:00:00.000Z' }), '2026-11-23T18:00:00Z', 2))).toEqual([
      'due#0 2026-11-24T14:00:00.000Z',
      'overdue#1 2026-11-25T14:00:00.000Z',
    ]);
  });

  it('skips the day-before of a date-time deadline', () => {
    const soon = item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-24T20:00:00.000Z', createdAt: '2026-11-23T21:00:00.000Z' });
    expect(plan(soon, '2026-11-23T21:00:00Z', 1)).toMatchObject([{ kind: 'due', at: '2026-11-24T20:00:00.000Z' }]);
    // An hour earlier the day-before was still ahead.
    expect(plan(soon, '2026-11-23T19:00:00Z', 1)).toMatchObject([{ kind: 'day-before', at: '2026-11-23T20:00:00.000Z' }]);
  });
});

describe('planReminders: overdue', () => {
  it('skips Saturday and Sunday: Friday, then Monday', () => {
    const thursday = item({ dueDate: '2026-11-19', dueAt: '2026-11-19T14:00:00.000Z' });
    const reminders = plan(thursday, '2026-11-20T12:00:00Z', 3);
    expect(brief(reminders)).toEqual(['overdue#1 2026-11-20T14:00:00.000Z', 'overdue#2 2026-11-23T14:00:00.000Z', 'overdue#3 2026-11-24T14:00:00.000Z']);
    expect(reminders.every((r) => isWorkingDate(getCalendarDate(new Date(r.at), NY)))).toBe(true);
  });

  it('goes from a Friday deadline straight to Monday', () => {
    const friday = item({ dueDate: '2026-11-20', dueAt: '2026-11-20T14:00:00.000Z' });
    expect(nextReminder(friday, { now: new Date('2026-11-20T15:00:00Z'), timeZone: NY })).toEqual({
      at: '2026-11-23T14:00:00.000Z',
      kind: 'overdue',
      seq: 1,
      id: 'A12-overdue-2026-11-23',
    });
  });

  it('still announces a weekend deadline on the day, then waits for Monday', () => {
    const saturday = item({ dueDate: '2026-11-21', dueAt: '2026-11-21T14:00:00.000Z' });
    expect(brief(plan(saturday, '2026-11-18T12:00:00Z', 3))).toEqual([
      'day-before#0 2026-11-20T14:00:00.000Z',
      'due#0 2026-11-21T14:00:00.000Z',
      'overdue#1 2026-11-23T14:00:00.000Z',
    ]);
  });

  it('numbers the days of a long-forgotten item from its deadline', () => {
    const january = item({ dueDate: '2026-01-05', dueAt: '2026-01-05T14:00:00.000Z' });
    expect(nextReminder(january, { now: new Date('2026-11-18T15:00:00Z'), timeZone: NY })).toEqual({
      at: '2026-11-19T14:00:00.000Z',
      kind: 'overdue',
      seq: 228,
      id: 'A12-overdue-2026-11-19',
    });
  });
});

describe('planReminders: done', () => {
  it('plans nothing for a done item, before or after its deadline', () => {
    const done = item({ status: 'done', doneAt: '2026-11-19T10:00:00.000Z', doneBy: 'U024BE7LH' });
    expect(plan(done, '2026-11-18T12:00:00Z')).toEqual([]);
    expect(plan(done, '2026-11-30T12:00:00Z')).toEqual([]);
    expect(nextReminder(done, { now: new Date('2026-11-30T12:00:00Z'), timeZone: NY })).toBeUndefined();
  });
});

describe('planReminders: snoozed', () => {
  const thursday = item({ dueDate: '2026-11-19', dueAt: '2026-11-19T14:00:00.000Z' });

  it('sends nothing before snoozedUntil, one reminder at it, then the daily cadence', () => {
    // Snoozed for a day on Friday 10:00 New York: Saturday 10:00, then Monday 09:00.
    const snoozed = { ...thursday, snoozedUntil: '2026-11-21T15:00:00.000Z' };
    expect(plan(snoozed, '2026-11-20T15:00:00Z', 3)).toEqual([
      { at: '2026-11-21T15:00:00.000Z', kind: 'overdue', seq: 1, id: 'A12-overdue-2026-11-21T100000' },
      { at: '2026-11-23T14:00:00.000Z', kind: 'overdue', seq: 2, id: 'A12-overdue-2026-11-23' },
      { at: '2026-11-24T14:00:00.000Z', kind: 'overdue', seq: 3, id: 'A12-overdue-2026-11-24' },
    ]);
  });

  it('drops the daily reminders the snooze covers', () => {
    const snoozed = { ...thursday, snoozedUntil: '2026-11-24T15:00:00.000Z' }; // Tuesday 10:00
    expect(brief(plan(snoozed, '2026-11-20T15:00:00Z', 2))).toEqual(['overdue#3 2026-11-24T15:00:00.000Z', 'overdue#4 2026-11-25T14:00:00.000Z']);
  });

  it('sends one reminder when the snooze ends at a daily reminder', () => {
    const snoozed = { ...thursday, snoozedUntil: '2026-11-23T14:00:00.000Z' }; // Monday 09:00
    expect(plan(snoozed, '2026-11-20T15:00:00Z', 2)).toMatchObject([
      { at: '2026-11-23T14:00:00.000Z', id: 'A12-overdue-2026-11-23' },
      { at: '2026-11-24T14:00:00.000Z', id: 'A12-overdue-2026-11-24' },
    ]);
  });

  it('ignores a snooze that has ended', () => {
    const ended = { ...thursday, snoozedUntil: '2026-11-20T13:00:00.000Z' };
    expect(plan(ended, '2026-11-20T12:00:00Z', 2)).toMatchObject([{ kind: 'overdue' }, { kind: 'overdue' }]);
    expect(plan(ended, '2026-11-20T13:30:00Z', 2)).toEqual(plan(thursday, '2026-11-20T13:30:00Z', 2));
  });

  it('snoozed before the deadline: an early reminder, then the deadline', () => {
    // The day-before came Monday 09:00; snoozed two hours.
    const snoozed = item({ snoozedUntil: '2026-11-23T16:00:00.000Z' });
    expect(plan(snoozed, '2026-11-23T14:05:00Z', 2)).toEqual([
      { at: '2026-11-23T16:00:00.000Z', kind: 'day-before', seq: 0, id: 'A12-day-before-2026-11-23T110000' },
      { at: '2026-11-24T14:00:00.000Z', kind: 'due', seq: 0, id: 'A12-due-2026-11-24' },
    ]);
  });

  it('snoozed past the deadline: the deadline reminder comes late, as overdue', () => {
    const snoozed = item({ snoozedUntil: '2026-11-24T14:05:00.000Z' });
    expect(brief(plan(snoozed, '2026-11-23T14:05:00Z', 2))).toEqual(['overdue#0 2026-11-24T14:05:00.000Z', 'overdue#1 2026-11-25T14:00:00.000Z']);
  });

  it('respects the horizon with a snooze', () => {
    expect(plan({ ...thursday, snoozedUntil: '2026-11-21T15:00:00.000Z' }, '2026-11-20T15:00:00Z', 1)).toHaveLength(1);
  });
});

describe('planReminders: daylight saving', () => {
  it('keeps 09:00 New York time on both sides of the November change', () => {
    const friday = item({ dueDate: '2026-10-30', dueAt: '2026-10-30T13:00:00.000Z' });
    const reminders = plan(friday, '2026-10-28T12:00:00Z', 4);
    expect(brief(reminders)).toEqual([
      'day-before#0 2026-10-29T13:00:00.000Z',
      'due#0 2026-10-30T13:00:00.000Z',
      'overdue#1 2026-11-02T14:00:00.000Z',
      'overdue#2 2026-11-03T14:00:00.000Z',
    ]);
    expect(reminders.map((r) => localClock(r.at))).toEqual(['9:00', '9:00', '9:00', '9:00']);
  });

  it('keeps 09:00 New York time across the March change', () => {
    const friday = item({ dueDate: '2026-03-06', dueAt: '2026-03-06T14:00:00.000Z' });
    expect(brief(plan(friday, '2026-03-06T15:00:00Z', 1))).toEqual(['overdue#1 2026-03-09T13:00:00.000Z']);
  });

  it('keeps the wall time of a date-time day-before across the change', () => {
    // Due Monday 2026-11-02 15:00 EST; the day-before is Friday 15:00 EDT.
    const monday = item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-02T20:00:00.000Z' });
    expect(nextReminder(monday, { now: new Date('2026-10-28T12:00:00Z'), timeZone: NY })).toMatchObject({ kind: 'day-before', at: '2026-10-30T19:00:00.000Z' });
  });

  it('keeps 09:00 in Berlin and Auckland too', () => {
    const berlin = item({ dueDate: '2026-10-23', dueAt: '2026-10-23T07:00:00.000Z' });
    expect(brief(plan(berlin, '2026-10-23T08:00:00Z', 1, 'Europe/Berlin'))).toEqual(['overdue#1 2026-10-26T08:00:00.000Z']);
    const auckland = item({ dueDate: '2026-09-25', dueAt: '2026-09-24T21:00:00.000Z' });
    expect(brief(plan(auckland, '2026-09-24T22:00:00Z', 1, 'Pacific/Auckland'))).toEqual(['overdue#1 2026-09-27T20:00:00.000Z']);
  });
});

describe('reminder ids and the plan over time', () => {
  it('are valid BullMQ job ids, unique, and never all digits', () => {
    const cases = [
      plan(item(), '2026-11-18T12:00:00Z'),
      plan(item({ id: '12' }), '2026-11-18T12:00:00Z'),
      plan(item({ id: 'A:12 /x' }), '2026-11-18T12:00:00Z'),
      plan(item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-24T20:00:30.000Z', snoozedUntil: '2026-11-19T01:02:03.000Z' }), '2026-11-18T12:00:00Z'),
    ];
    for (const reminders of cases) {
      expect(reminders).toHaveLength(10);
      for (const { id } of reminders) {
        expect(id).toMatch(BULLMQ_JOB_ID);
        expect(id).not.toMatch(/^\d+$/);
      }
      expect(new Set(reminders.map((r) => r.id)).size).toBe(reminders.length);
    }
    expect(cases[1]?.[0]?.id).toBe('12-day-before-2026-11-23');
    expect(cases[2]?.[0]?.id).toBe('A_12__x-day-before-2026-11-23');
    expect(cases[3]?.[0]?.id).toBe('A12-day-before-2026-11-18T200203');
  });

  it('gives the same reminder the same id and seq whenever it is planned', () => {
    const early = plan(item(), '2026-11-18T12:00:00Z', 8);
    const later = plan(item(), '2026-11-26T12:00:00Z', 4);
    expect(later).toEqual(early.slice(3, 7));
    expect(plan(item(), '2026-11-18T12:00:00Z', 8)).toEqual(early);
  });

  it('lists only reminders strictly after now', () => {
    expect(plan(item(), '2026-11-24T14:00:00Z', 1)).toMatchObject([{ kind: 'overdue', at: '2026-11-25T14:00:00.000Z' }]);
    expect(plan(item(), '2026-11-24T13:59:59.999Z', 1)).toMatchObject([{ kind: 'due', at: '2026-11-24T14:00:00.000Z' }]);
  });

  it('lists ten by default and as many as asked', () => {
    expect(plan(item(), '2026-11-18T12:00:00Z')).toHaveLength(10);
    expect(plan(item(), '2026-11-18T12:00:00Z', 3)).toHaveLength(3);
    expect(plan(item(), '2026-11-18T12:00:00Z', 0)).toEqual([]);
  });

  it('chained one job at a time, nextReminder walks the same plan without repeats or gaps', () => {
    for (const it of [item(), item({ snoozedUntil: '2026-11-23T16:00:00.000Z' }), item({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-24T20:00:00.000Z' })]) {
      const chained: Reminder[] = [];
      let now = new Date('2026-11-18T12:00:00Z');
      for (let i = 0; i < 7; i += 1) {
        const next = nextReminder(it, { now, timeZone: NY });
        if (next === undefined) break;
        chained.push(next);
        now = new Date(next.at); // the worker fires it, then asks for the one after
      }
      expect(chained).toEqual(plan(it, '2026-11-18T12:00:00Z', 7));
    }
  });

  it('treats the post-mortem like any other item', () => {
    const postmortem = item({ kind: 'postmortem', id: 'P3' });
    expect(nextReminder(postmortem, { now: new Date('2026-11-18T12:00:00Z'), timeZone: NY })).toMatchObject({ id: 'P3-day-before-2026-11-23', kind: 'day-before' });
  });

  it('refuses an item without a readable deadline', () => {
    expect(() => plan(item({ dueKind: 'date-time', dueDate: undefined, dueAt: 'next week' }), '2026-11-18T12:00:00Z')).toThrow(/A12 has no valid deadline/);
  });
});

