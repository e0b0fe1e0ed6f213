import type { Redis } from 'ioredis';
import type { TimelineStore } from '../../domain/timeline/timeline-ports.js';
import type { TimelineEntry } from '../../domain/timeline/timeline-entry.js';
import type { RedisKeys } from './keys.js';
import { hasSlackMarkup, readSlackText } from '../slack/slack-text.js';

/** What a removed entry leaves in the entries hash (the cluster event sink honours it too). */
export const TOMBSTONE = 'deleted';
/**
 * Entries are stored with `format: 'plain'`. Entries from before timeline text was plain have
 * none, and the people's ones (source 'slack') hold Slack's markup (`<@U…>`, `&amp;`, links):
 * they are read into plain text and mentions here, so every reader sees one form.
 */
const PLAIN = 'plain';

/** Writes the entry if its key is new and files it in time order; a tombstoned key stays deleted. */
const APPEND = `
local written = redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2])
if written == 1 or redis.call('hget', KEYS[1], ARGV[1]) ~= '${TOMBSTONE}' then
  redis.call('zadd', KEYS[2], ARGV[3], ARGV[1])
end
return written`;

/** Merges a change into the stored JSON entry in one step, so concurrent writers cannot lose each other's fields. */
const UPDATE = `
local raw = redis.call('hget', KEYS[1], ARGV[1])
if not raw or raw == '${TOMBSTONE}' then return 0 end
local entry = cjson.decode(raw)
local change = cjson.decode(ARGV[2])
for k, v in pairs(change) do entry[k] = v end
redis.call('hset', KEYS[1], ARGV[1], cjson.encode(entry))
return 1`;

/** Entries in a hash (written once per key with HSETNX) and their order in a sorted set. */
export class RedisTimelineStore implements TimelineStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async append(incidentId: string, entry: TimelineEntry): Promise<boolean> {
    const written = await this.redis.eval(
      APPEND,
      2,
      this.keys.timelineEntries(incidentId),
      this.keys.timelineOrder(incidentId),
      entry.key,
      toStored(entry),
      String(Date.parse(entry.at) || 0),
    );
    return written === 1;
  }

  /** Overwrites, except a deleted entry, which stays deleted. */
  async put(incidentId: string, entry: TimelineEntry): Promise<void> {
    if ((await this.redis.hget(this.keys.timelineEntries(incidentId), entry.key)) === TOMBSTONE) return;
    await this.redis
      .multi()
      .hset(this.keys.timelineEntries(incidentId), entry.key, toStored(entry))
      .zadd(this.keys.timelineOrder(incidentId), String(Date.parse(entry.at) || 0), entry.key)
      .exec();
  }

  async update(incidentId: string, key: string, change: Partial<Pick<TimelineEntry, 'text' | 'mentions' | 'important' | 'count' | 'until'>>): Promise<boolean> {
    // New text is plain; an old entry whose text is replaced is plain from then on (its mentions with it).
    // (cjson writes an empty array as an object: no mentions is null, dropped on read.)
    const stored = change.text === undefined ? change : { ...change, mentions: change.mentions?.length ? change.mentions : null, format: PLAIN };
    return (await this.redis.eval(UPDATE, 1, this.keys.timelineEntries(incidentId), key, JSON.stringify(stored))) === 1;
  }

  /** Leaves a tombstone, so a late redelivery of what was deleted is not appended again. */
  async remove(incidentId: string, key: string): Promise<void> {
    await this.redis.multi().hset(this.keys.timelineEntries(incidentId), key, TOMBSTONE).zrem(this.keys.timelineOrder(incidentId), key).exec();
  }

  async get(incidentId: string, key: string): Promise<TimelineEntry | undefined> {
    const raw = await this.redis.hget(this.keys.timelineEntries(incidentId), key);
    return raw === null || raw === TOMBSTONE ? undefined : fromStored(raw);
  }

  async list(incidentId: string): Promise<TimelineEntry[]> {
    const order = await this.redis.zrange(this.keys.timelineOrder(incidentId), '0', '-1');
    if (order.length === 0) return [];
    const raws = await this.redis.hmget(this.keys.timelineEntries(incidentId), ...order);
    return raws.filter((r): r is string => r !== null && r !== TOMBSTONE).map(fromStored);
  }
}

function toStored(entry: TimelineEntry): string {
  return JSON.stringify({ ...entry, format: PLAIN });
}

function fromStored(raw: string): TimelineEntry {
  const { format, mentions: ids, ...rest } = JSON.parse(raw) as Omit<TimelineEntry, 'mentions'> & { format?: string; mentions?: unknown };
  const entry: TimelineEntry = Array.isArray(ids) && ids.length > 0 ? { ...rest, mentions: ids as string[] } : rest;
  if (format === PLAIN || entry.source !== 'slack' || !hasSlackMarkup(entry.text)) return entry;
  const { text, mentions } = readSlackText(entry.text);
  return { ...entry, text, ...(mentions.length > 0 ? { mentions } : {}) };
}
