/**
 * When the owner of an action item hears about it (PRODUCT §6): a day before the deadline, at
 * the deadline, and every working day after until it is done. A pure function of the item, the
 * owner's zone and `now`, so any replica can recompute it after a restart and get the same
 * reminders with the same ids — which is what keeps a reminder from arriving twice.
 */
import type { ActionItem } from './action-item.js';
import { WORKDAY_START_HOUR, addBusinessDays, getNextWorkingDate, getWorkdayStart } from './business-days.js';
import {
  compareCalendarDates,
  formatCalendarDate,
  getCalendarDate,
  getWallTime,
  parseCalendarDate,
} from './zoned-time.js';

export type ReminderKind = 'day-before' | 'due' | 'overdue';

export interface Reminder {
  /** When to send it (ISO instant). */
  at: string;
  kind: ReminderKind;
  /** 0 for day-before and due; for overdue, how many working days past the deadline's day. */
  seq: number;
  /**
   * `${item.id}-${kind}-${local date}`, plus `T${HHmmss}` when not at 09:00 local: the same
   * reminder always gets the same id, and a BullMQ job id can be made of it as is.
   */
  id: string;
}

export interface PlanRemindersOptions {
  now: Date;
  /** The owner's IANA zone: "09:00" and "working day" are theirs. */
  timeZone: string;
  /** How many reminders to list. Default 10. */
  horizon?: number;
}

export const DEFAULT_REMINDER_HORIZON = 10;

/**
 * The instant the item is due for its owner. A date deadline is 09:00 on that date in the
 * owner's zone, recomputed here rather than read from `dueAt`, which was fixed in the zone
 * the deadline was typed in.
 */
export function getDeadline(item: ActionItem, timeZone: string): Date {
  const dueDate = item.dueKind === 'date' && item.dueDate !== undefined ? parseCalendarDate(item.dueDate) : undefined;
  const deadline = dueDate === undefined ? new Date(item.dueAt) : getWorkdayStart(dueDate, timeZone);
  if (Number.isNaN(deadline.getTime())) throw new RangeError(`action item ${item.id} has no valid deadline (${item.dueAt})`);
  return deadline;
}

/**
 * The next `horizon` reminders strictly after `now`; none for a done item. While snoozed
 * (`snoozedUntil` after `now`) nothing comes before `snoozedUntil`, one reminder comes at
 * exactly that instant, and the usual cadence resumes after it.
 */
export function planReminders(item: ActionItem, opts: PlanRemindersOptions): Reminder[] {
  const { now, timeZone, horizon = DEFAULT_REMINDER_HORIZON } = opts;
  if (item.status === 'done' || horizon <= 0) return [];
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');
  const snoozeMs = item.snoozedUntil === undefined ? NaN : Date.parse(item.snoozedUntil);
  const snoozedUntil = snoozeMs > nowMs ? new Date(snoozeMs) : undefined;
  const floor = snoozedUntil ?? now;
  const deadline = getDeadline(item, timeZone);

  const plan: Reminder[] = [];
  let snoozeHandled = snoozedUntil === undefined;
  for (const { at, kind, seq } of generateSchedule(deadline, floor, timeZone)) {
    const atMs = at.getTime();
    if (atMs <= nowMs || atMs < floor.getTime()) continue;
    if (!snoozeHandled && snoozedUntil !== undefined) {
      snoozeHandled = true;
      // The reminder the snooze put off comes back at snoozedUntil, unless one is due then anyway.
      if (atMs !== snoozedUntil.getTime()) plan.push(toSnoozedReminder(item.id, snoozedUntil, deadline, timeZone));
      if (plan.length >= horizon) break;
    }
    plan.push(toReminder(item.id, kind, seq, at, timeZone));
    if (plan.length >= horizon) break;
  }
  return plan;
}

/**
 * The one reminder to schedule now. When a reminder's job fires, pass its `at` (or a moment
 * after) as `now`, so a clock running slightly behind never plans the same reminder again.
 */
export function nextReminder(item: ActionItem, opts: Omit<PlanRemindersOptions, 'horizon'>): Reminder | undefined {
  return planReminders(item, { ...opts, horizon: 1 })[0];
}


interface ScheduledReminder {
  at: Date;
  kind: ReminderKind;
  seq: number;
}

/** The whole cadence in time order, endless; reminders before `floor` may be skipped unbuilt. */
function* generateSchedule(deadline: Date, floor: Date, timeZone: string): Generator<ScheduledReminder> {
  // The working day before, so a Monday deadline is announced on Friday rather than on Sunday.
  yield { at: addBusinessDays(deadline, -1, timeZone), kind: 'day-before', seq: 0 };
  yield { at: deadline, kind: 'due', seq: 0 };
  const floorDate = getCalendarDate(floor, timeZone);
  let date = getCalendarDate(deadline, timeZone);
  for (let seq = 1; ; seq += 1) {
    date = getNextWorkingDate(date);
    // 09:00 on a day before the floor's own day is surely before the floor: skip the zone math.
    if (compareCalendarDates(date, floorDate) < 0) continue;
    yield { at: getWorkdayStart(date, timeZone), kind: 'overdue', seq };
  }
}

function toSnoozedReminder(itemId: string, at: Date, deadline: Date, timeZone: string): Reminder {
  if (at.getTime() < deadline.getTime()) return toReminder(itemId, 'day-before', 0, at, timeZone);
  // Counted like the overdue reminders, so it shares their seq for the same day.
  const deadlineDate = getCalendarDate(deadline, timeZone);
  const snoozeDate = getCalendarDate(at, timeZone);
  let seq = 0;
  for (let date = getNextWorkingDate(deadlineDate); compareCalendarDates(date, snoozeDate) <= 0; date = getNextWorkingDate(date)) seq += 1;
  return toReminder(itemId, 'overdue', seq, at, timeZone);
}

function toReminder(itemId: string, kind: ReminderKind, seq: number, at: Date, timeZone: string): Reminder {
  return { at: at.toISOString(), kind, seq, id: toReminderId(itemId, kind, at, timeZone) };
}

/** Only [A-Za-z0-9_-]: BullMQ job ids may not hold ':' and must not be all digits. */
function toReminderId(itemId: string, kind: ReminderKind, at: Date, timeZone: string): string {
  const wall = getWallTime(at, timeZone);
  const date = formatCalendarDate(wall);
  const atWorkdayStart = wall.hour === WORKDAY_START_HOUR && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0;
  const time = atWorkdayStart ? '' : `T${[wall.hour, wall.minute, wall.second].map((n) => String(n).padStart(2, '0')).join('')}`;
  return `${itemId.replace(/[^A-Za-z0-9_-]/g, '_')}-${kind}-${date}${time}`;
}
