/**
 * Cluster-events benchmark (issue: timeline from cluster events): one incident, one watcher,
 * 10,000 events — a minute's worth at the rate the issue names — emitted into the fake API as
 * fast as it can (or over PACE_MS, e.g. 60000, to see the lag at the real rate): 60% repeats
 * of 20 events with growing counts, 40% new events. Reports the time until every occurrence
 * is counted on the timeline, events/s, Redis round trips, timeline entries and peak RSS.
 *
 *   npx tsx bench/cluster-events.ts            (EVENTS=10000, PACE_MS=0; needs Redis)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import * as k8s from '@kubernetes/client-node';
import { Redis } from 'ioredis';
import { EventWatcher } from '../src/adapters/kubernetes/event-watcher.js';
import { RedisKeys } from '../src/adapters/redis/keys.js';
import { RedisClusterEventSink } from '../src/adapters/redis/redis-cluster-event-sink.js';
import type { ClusterEventSink } from '../src/adapters/redis/redis-cluster-event-sink.js';
import { RedisTimelineStore } from '../src/adapters/redis/redis-timeline-store.js';

const EVENTS = Number(process.env.EVENTS ?? 10_000);
const PACE_MS = Number(process.env.PACE_MS ?? 0);
const INCIDENT = 'PBENCH1';

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/cluster-events-server.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: server.stdout! });
const replies: ((line: string) => void)[] = [];
lines.on('line', (line) => replies.shift()?.(line));
const ask = <T>(cmd: string): Promise<T> =>
  new Promise((resolve) => {
    replies.push((line) => resolve(JSON.parse(line) as T));
    if (cmd !== '') server.stdin!.write(`${cmd}\n`);
  });

const { kubeconfig } = await ask<{ kubeconfig: string }>('');
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keys = new RedisKeys(`rcbench-${randomBytes(4).toString('hex')}`);
const sink = new RedisClusterEventSink(redis, keys);
// Told after each write, so waiting for the last one costs the bot no polling.
let target = Number.POSITIVE_INFINITY;
let allCounted: () => void = () => undefined;
const counted = new Promise<void>((resolve) => (allCounted = resolve));
let maxBacklog = 0;
const observed: ClusterEventSink = {
  async ingestMany(incidentId, records) {
    maxBacklog = Math.max(maxBacklog, records.length + watcher.backlog);
    const deltas = await sink.ingestMany(incidentId, records);
    if (sink.stats.counted >= target) allCounted();
    return deltas;
  },
};
const watcher = new EventWatcher(kc, { incidentId: INCIDENT, namespace: 'shop', kind: 'Deployment', name: 'checkout', since: new Date(Date.now() - 3600_000).toISOString() }, observed);
watcher.start();
while ((await ask<{ watches: number }>('watches')).watches < 2) await new Promise((r) => setTimeout(r, 20));

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);
const rssBefore = process.memoryUsage().rss;
const before = { ...sink.stats };

const cpuBefore = process.cpuUsage();
const start = performance.now();
const emitted = ask<{ emitted: number; ms: number }>(`emit ${EVENTS} ${PACE_MS}`);
let emitDone = Number.POSITIVE_INFINITY;
void emitted.then(() => (emitDone = performance.now()));
target = before.counted + EVENTS;
await counted;
const doneAt = performance.now();
const cpu = process.cpuUsage(cpuBefore);
const wallMs = doneAt - start;
clearInterval(sampler);
const emit = await emitted;
const lagMs = Math.max(0, doneAt - emitDone);

const entries = await new RedisTimelineStore(redis, keys).list(INCIDENT);
const sum = entries.reduce((n, e) => n + (e.count ?? 1), 0);
const requests = await ask<{ requests: number; writes: number }>('count');
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`cluster events: ${EVENTS} events for one incident (60% repeats of 20 events, 40% new)${PACE_MS > 0 ? `, emitted over ${PACE_MS} ms` : ', emitted as fast as the fake can'}`);
console.log(`  fake emitted all in            ${emit.ms.toFixed(0)} ms`);
console.log(`  all counted on the timeline in ${wallMs.toFixed(0)} ms  (${Math.round((EVENTS / wallMs) * 1000)} events/s; done ${lagMs.toFixed(0)} ms after the fake finished emitting)`);
console.log(`  bot CPU time                   ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (the fake runs in its own process)`);
console.log(`  Redis round trips              ${sink.stats.roundTrips - before.roundTrips} (${sink.stats.records - before.records} event records written; repeats waiting together are coalesced)`);
console.log(`  largest backlog                ${maxBacklog} distinct events waiting for Redis`);
console.log(`  timeline                       ${entries.length} entries, counts summing to ${sum}`);
console.log(`  API requests                   ${requests.requests} (writes: ${requests.writes})`);
console.log(`  peak RSS                       ${mb(peakRss)} (${mb(rssBefore)} before; peak heap ${mb(peakHeap)})`);

await watcher.stop();
let cursor = '0';
do {
  const [next, found] = await redis.scan(cursor, 'MATCH', `${keys.prefix}:*`, 'COUNT', 1000);
  cursor = next;
  if (found.length > 0) await redis.del(...found);
} while (cursor !== '0');
await redis.quit();
server.stdin!.write('exit\n');
