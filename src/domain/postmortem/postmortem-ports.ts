/**
 * What the action-item and post-mortem flows need from the outside world, in domain words: the
 * action items' store and the reminders' schedule, and ActionItemPorts, the bag they pick from.
 */
import type { IncidentStore } from '../incident/incident-ports.js';
import type { Chat, Clock, CommonMessage, PostLedger } from '../ports.js';
import type { TimelineStore } from '../timeline/timeline-ports.js';
import type { ActionItem } from './action-item.js';

/** An action item's reminder, sent to its owner: the day before it is due, on the day, or once overdue. */
export type ActionReminderMessage = { key: string; kind: 'action-reminder'; item: ActionItem; reminder: 'day-before' | 'due' | 'overdue'; incidentTitle: string; channelId?: string | undefined };
/** What the action-item and post-mortem flows post. */
export type PostmortemMessage = ActionReminderMessage | CommonMessage;

export interface ActionItemStore {
  /** A new short id (`A1`, `A2`, …), unique across replicas. */
  nextId(): Promise<string>;
  save(item: ActionItem): Promise<void>;
  get(id: string): Promise<ActionItem | undefined>;
  forIncident(incidentId: string): Promise<ActionItem[]>;
  openForOwner(ownerId: string): Promise<ActionItem[]>;
  allOpen(): Promise<ActionItem[]>;
}

/** Delayed jobs that DM owners. Ids are deterministic: the same reminder is scheduled (and sent) once. */
export interface ReminderScheduler {
  schedule(reminder: { id: string; itemId: string; at: string; kind: 'day-before' | 'due' | 'overdue' }): Promise<void>;
}

/** The ports the action-item and post-mortem flows are built from; each flow picks what it uses. */
export interface ActionItemPorts {
  chat: Chat<PostmortemMessage>;
  ledger: PostLedger;
  items: ActionItemStore;
  reminders: ReminderScheduler;
  incidents: IncidentStore;
  timeline: TimelineStore;
  clock: Clock;
}
