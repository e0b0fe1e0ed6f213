/**
 * Writes cluster events onto an incident's timeline exactly once per occurrence. A Kubernetes
 * Event is a counter (the API server bumps `count` on repeats), so the sink remembers, per event
 * uid, the count it has already added and adds only the growth to the collapsed entry. The same
 * event seen twice, by two watchers, or replayed by a re-list adds nothing.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TimelineEntry } from '../../domain/timeline/timeline-entry.js';
import type { RedisKeys } from './keys.js';
import { TOMBSTONE } from './redis-timeline-store.js';

/** One observation of a Kubernetes Event: its uid, its count so far and its timeline entry. */
export interface ClusterEventRecord {
  uid: string;
  count: number;
  /** From toTimelineEntry(): `count` is ignored (the growth is counted), `at`/`until` widen the span. */
  entry: TimelineEntry;
}

export interface ClusterEventSink {
  /** How much each record added to its entry's count (0: already counted), in order. */
  ingestMany(incidentId: string, records: readonly ClusterEventRecord[]): Promise<number[]>;
}

// KEYS: counts hash, timeline entries hash, timeline order zset. ARGV[1]: TTL of the counts hash;
// then per record: uid, count, entry key, entry JSON, score of `at`. One script for the whole
// batch, so a check and its write are never split by another process's write.
// Timeline entries use the store's layout (see redis-timeline-store.ts): a tombstoned entry
// stays deleted. `until` is a Lua keyword, hence e['until'].
const INGEST = `
local out = {}
for i = 2, #ARGV, 5 do
  local uid, count = ARGV[i], tonumber(ARGV[i + 1])
  local key, json, score = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local prev = tonumber(redis.call('hget', KEYS[1], uid) or '0')
  local delta = 0
  if count > prev then
    delta = count - prev
    redis.call('hset', KEYS[1], uid, count)
    local raw = redis.call('hget', KEYS[2], key)
    if raw ~= '${TOMBSTONE}' then
      local e = cjson.decode(json)
      if raw then
        local cur = cjson.decode(raw)
        cur.count = (tonumber(cur.count) or 1) + delta
        if e.at < cur.at then
          cur.at = e.at
          redis.call('zadd', KEYS[3], score, key)
        end
        if cur['until'] == nil or e['until'] >= cur['until'] then
          cur['until'] = e['until']
          cur.text = e.text
        end
        if e.important then cur.important = true end
        e = cur
      else
        e.count = delta
        redis.call('zadd', KEYS[3], score, key)
      end
      redis.call('hset', KEYS[2], key, cjson.encode(e))
    end
  end
  out[#out + 1] = delta
end
if #out > 0 then redis.call('pexpire', KEYS[1], ARGV[1]) end
return out`;
const INGEST_SHA = createHash('sha1').update(INGEST).digest('hex');

export interface RedisClusterEventSinkOptions {
  /**
   * How long an incident's per-uid counts are kept after its last event. Events live an hour in
   * the API server by default, so a re-list can only bring back recent ones. Default 7 days.
   */
  countsTtlMs?: number;
}

export class RedisClusterEventSink implements ClusterEventSink {
  /** Round trips and records so far: for benchmarks and metrics. */
  readonly stats = { roundTrips: 0, records: 0, counted: 0 };
  private readonly countsTtlMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    opts: RedisClusterEventSinkOptions = {},
  ) {
    this.countsTtlMs = opts.countsTtlMs ?? 7 * 24 * 3600_000;
  }

  /** One event: how much it added to its entry's count. */
  async ingest(incidentId: string, event: { uid: string; count: number }, entry: TimelineEntry): Promise<number> {
    const [delta] = await this.ingestMany(incidentId, [{ uid: event.uid, count: event.count, entry }]);
    return delta ?? 0;
  }

  async ingestMany(incidentId: string, records: readonly ClusterEventRecord[]): Promise<number[]> {
    if (records.length === 0) return [];
    const args: (string | number)[] = [String(this.countsTtlMs)];
    for (const r of records) {
      args.push(r.uid, Math.max(1, Math.floor(r.count)), r.entry.key, JSON.stringify(r.entry), Date.parse(r.entry.at) || 0);
    }
    const keys = [this.keys.clusterEventCounts(incidentId), this.keys.timelineEntries(incidentId), this.keys.timelineOrder(incidentId)];
    let reply: unknown;
    this.stats.roundTrips += 1;
    try {
      reply = await this.redis.evalsha(INGEST_SHA, keys.length, ...keys, ...args);
    } catch (err) {
      // A restarted or flushed Redis has forgotten the script: send it once, then the sha works again.
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      this.stats.roundTrips += 1;
      reply = await this.redis.eval(INGEST, keys.length, ...keys, ...args);
    }
    const deltas = (reply as (number | string)[]).map(Number);
    this.stats.records += records.length;
    for (const d of deltas) this.stats.counted += d;
    return deltas;
  }
}
