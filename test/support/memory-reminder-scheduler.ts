/** ReminderScheduler in memory: like BullReminderScheduler, one job per (reminder id, time); a moved reminder is a new job. */
import type { ReminderScheduler } from '../../src/domain/postmortem/postmortem-ports.js';

export type ScheduledReminder = Parameters<ReminderScheduler['schedule']>[0];

export class MemoryReminderScheduler implements ReminderScheduler {
  readonly scheduled: ScheduledReminder[] = [];

  async schedule(reminder: ScheduledReminder): Promise<void> {
    const same = (r: ScheduledReminder) => r.id === reminder.id && Date.parse(r.at) === Date.parse(reminder.at);
    if (!this.scheduled.some(same)) this.scheduled.push({ ...reminder });
  }

  /** Takes the earliest job out, as the queue would when its time comes. */
  takeNext(): ScheduledReminder | undefined {
    if (this.scheduled.length === 0) return undefined;
    const next = this.scheduled.reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a));
    this.scheduled.splice(this.scheduled.indexOf(next), 1);
    return next;
  }
}
