/** ActionItemStore in memory, with RedisActionItemStore's semantics (ids A1, A2, …; lists sorted by due time, then id). */
import type { ActionItem } from '../../src/domain/postmortem/action-item.js';
import type { ActionItemStore } from '../../src/domain/postmortem/postmortem-ports.js';
import { jsonCopy } from './json-copy.js';

export class MemoryActionItemStore implements ActionItemStore {
  readonly items = new Map<string, ActionItem>();
  private counter = 0;

  async nextId(): Promise<string> {
    return `A${++this.counter}`;
  }

  async save(item: ActionItem): Promise<void> {
    this.items.set(item.id, jsonCopy(item));
  }

  async get(id: string): Promise<ActionItem | undefined> {
    const item = this.items.get(id);
    return item === undefined ? undefined : jsonCopy(item);
  }

  async forIncident(incidentId: string): Promise<ActionItem[]> {
    return this.where((i) => i.incidentId === incidentId);
  }

  async openForOwner(ownerId: string): Promise<ActionItem[]> {
    return this.where((i) => i.status === 'open' && i.ownerId === ownerId);
  }

  async allOpen(): Promise<ActionItem[]> {
    return this.where((i) => i.status === 'open');
  }

  private where(keep: (item: ActionItem) => boolean): ActionItem[] {
    return [...this.items.values()]
      .filter(keep)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
      .map(jsonCopy);
  }
}
