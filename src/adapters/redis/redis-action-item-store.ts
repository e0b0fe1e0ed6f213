import type { Redis } from 'ioredis';
import type { ActionItem } from '../../domain/postmortem/action-item.js';
import type { ActionItemStore } from '../../domain/postmortem/postmortem-ports.js';
import type { RedisKeys } from './keys.js';

/** Items as JSON, with sets per incident, per owner (open ones) and of all open ones. */
export class RedisActionItemStore implements ActionItemStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async nextId(): Promise<string> {
    return `A${await this.redis.incr(this.keys.actionItemCounter)}`;
  }

  async save(item: ActionItem): Promise<void> {
    const tx = this.redis
      .multi()
      .set(this.keys.actionItem(item.id), JSON.stringify(item))
      .sadd(this.keys.incidentActionItems(item.incidentId), item.id);
    if (item.status === 'open') tx.sadd(this.keys.openActionItems, item.id).sadd(this.keys.ownerOpenActionItems(item.ownerId), item.id);
    else tx.srem(this.keys.openActionItems, item.id).srem(this.keys.ownerOpenActionItems(item.ownerId), item.id);
    await tx.exec();
  }

  async get(id: string): Promise<ActionItem | undefined> {
    const raw = await this.redis.get(this.keys.actionItem(id));
    return raw === null ? undefined : (JSON.parse(raw) as ActionItem);
  }

  async forIncident(incidentId: string): Promise<ActionItem[]> {
    return this.load(await this.redis.smembers(this.keys.incidentActionItems(incidentId)));
  }

  async openForOwner(ownerId: string): Promise<ActionItem[]> {
    // An item saved again with another owner stays in the old owner's set (save does not know who had it).
    return (await this.load(await this.redis.smembers(this.keys.ownerOpenActionItems(ownerId)))).filter((i) => i.status === 'open' && i.ownerId === ownerId);
  }

  async allOpen(): Promise<ActionItem[]> {
    return (await this.load(await this.redis.smembers(this.keys.openActionItems))).filter((i) => i.status === 'open');
  }

  private async load(ids: string[]): Promise<ActionItem[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.actionItem(id)));
    return raws
      .filter((r): r is string => r !== null)
      .map((r) => JSON.parse(r) as ActionItem)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }
}
