/**
 * What the action-item and post-mortem flows need from the outside world, in domain words: the
 * action items' store and the reminders' schedule, and ActionItemPorts, the bag they pick from.
 */
import type { IncidentStore } from '../incident/incident-ports.js';
import type { Chat, Clock, PostLedger } from '../ports.js';
import type { TimelineStore } from '../timeline/timeline-ports.js';
import type { ActionItem } from './action-item.js';

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
  chat: Chat;
  ledger: PostLedger;
  items: ActionItemStore;
  reminders: ReminderScheduler;
  incidents: IncidentStore;
  timeline: TimelineStore;
  clock: Clock;
}
