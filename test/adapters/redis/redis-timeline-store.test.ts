/** What RedisTimelineStore alone does: entries stored before timeline text was plain still read as plain text. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RedisTimelineStore } from '../../../src/adapters/redis/redis-timeline-store.js';
import type { TimelineEntry } from '../../../src/domain/timeline/timeline-entry.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';

const redis = connectTestRedis();
const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await deleteKeys(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
});

function fresh(): { store: RedisTimelineStore; keys: RedisKeys } {
  const prefix = randomPrefix();
  prefixes.push(prefix);
  const keys = new RedisKeys(prefix);
  return { store: new RedisTimelineStore(redis, keys), keys };
}

/** Writes an entry the way the previous version did: its JSON as is, no format mark. */
async function writeOld(keys: RedisKeys, entry: TimelineEntry): Promise<void> {
  await redis.hset(keys.timelineEntries('inc-1'), entry.key, JSON.stringify(entry));
  await redis.zadd(keys.timelineOrder('inc-1'), String(Date.parse(entry.at)), entry.key);
}

describe('RedisTimelineStore', () => {
  it('reads people’s entries stored with Slack markup as plain text with the ids they name', async () => {
    const { store, keys } = fresh();
    await writeOld(keys, { key: 'slack/1', at: '2026-03-01T10:00:00.000Z', source: 'slack', author: 'U0A', text: '<@U99|bob> rolled back to 46 &amp; cordoned <https://grafana.acme.io/d/1|node-7> in <#C12>' });
    await writeOld(keys, { key: 'action/A1', at: '2026-03-01T10:01:00.000Z', source: 'slack', author: 'U0A', text: 'Action item A1 for <@U2>: add an alert', important: true });
    await writeOld(keys, { key: 'k8s/1', at: '2026-03-01T10:02:00.000Z', source: 'cluster', text: 'pod/x: Unhealthy: probe said <html> &amp; 503' });
    expect(await store.list('inc-1')).toEqual([
      { key: 'slack/1', at: '2026-03-01T10:00:00.000Z', source: 'slack', author: 'U0A', text: '@U99 rolled back to 46 & cordoned node-7 in #C12', mentions: ['U99', 'C12'] },
      { key: 'action/A1', at: '2026-03-01T10:01:00.000Z', source: 'slack', author: 'U0A', text: 'Action item A1 for @U2: add an alert', mentions: ['U2'], important: true },
      // The cluster's own words were never Slack's: read as written.
      { key: 'k8s/1', at: '2026-03-01T10:02:00.000Z', source: 'cluster', text: 'pod/x: Unhealthy: probe said <html> &amp; 503' },
    ]);
    expect(await store.get('inc-1', 'action/A1')).toMatchObject({ text: 'Action item A1 for @U2: add an alert', mentions: ['U2'] });
  });

  it('reads plain text it wrote as written, even where it looks like Slack markup', async () => {
    const { store } = fresh();
    const typed: TimelineEntry = { key: 'slack/2', at: '2026-03-01T10:00:00.000Z', source: 'slack', author: 'U0A', text: 'the docs say &lt; means < and <@U1> is how Slack writes a mention' };
    await store.append('inc-1', typed);
    expect(await store.get('inc-1', 'slack/2')).toEqual(typed);
  });

  it('keeps an old entry plain once its text is replaced (an edit)', async () => {
    const { store, keys } = fresh();
    await writeOld(keys, { key: 'slack/3', at: '2026-03-01T10:00:00.000Z', source: 'slack', author: 'U0A', text: 'ping <@U1>' });
    await store.update('inc-1', 'slack/3', { text: 'a &amp; b, no markup', mentions: [] });
    expect(await store.get('inc-1', 'slack/3')).toEqual({ key: 'slack/3', at: '2026-03-01T10:00:00.000Z', source: 'slack', author: 'U0A', text: 'a &amp; b, no markup' });
  });
});
