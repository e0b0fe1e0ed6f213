import { readerTime } from '../time-ref.js';

/** A follow-up with one owner and a deadline (PRODUCT §6 "Action items and reminders"). */
export interface ActionItem {
  /** Short and typeable: `/incident done A12`. */
  id: string;
  incidentId: string;
  text: string;
  /** Slack user id of the one owner. */
  ownerId: string;
  /** When it is due, as an instant (ISO). */
  dueAt: string;
  /**
   * How the deadline was given: a date (due at the start of the owner's working day, in
   * their time zone) or an exact date-time (due at that instant).
   */
  dueKind: 'date' | 'date-time';
  /** The date as given, `YYYY-MM-DD`, when dueKind is 'date'. */
  dueDate?: string | undefined;
  createdAt: string;
  createdBy: string;
  /** The post-mortem itself is an item like any other, owned by the lead. */
  kind: 'action' | 'postmortem';
  status: 'open' | 'done';
  doneAt?: string | undefined;
  doneBy?: string | undefined;
  /** The owner's IANA time zone when the item was made (Slack users.info); reminders follow it. */
  ownerTimeZone?: string | undefined;
  /** Reminders are not sent before this instant (Snooze moves it). */
  snoozedUntil?: string | undefined;
}

/**
 * The deadline as a person reads it: a date deadline stays the date it was given (turning it
 * into an instant would show the day before to readers west of the owner); an exact deadline
 * is drawn in each reader's own zone.
 */
export function describeDue(item: Pick<ActionItem, 'dueKind' | 'dueDate' | 'dueAt'>): string {
  return item.dueKind === 'date' && item.dueDate !== undefined ? item.dueDate : readerTime(item.dueAt);
}
