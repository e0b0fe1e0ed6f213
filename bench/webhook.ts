/**
 * Webhook benchmark (issue 2): how many PagerDuty deliveries per second the bot
 * acknowledges, and the time from delivery to incident card posted, with the fake
 * Slack answering at 0 ms and at 50 ms per call. Real Redis, real HTTP server.
 *
 *   npx tsx bench/webhook.ts [incidents=200]
 */
import { Redis } from 'ioredis';
import { FakePagerDuty } from '../src/demo/fakes/fake-pagerduty.js';
import { FakeSlack } from '../src/demo/fakes/fake-slack.js';
import { incidentDelivery } from '../src/demo/wire/pagerduty-events.js';
import { TEST_REDIS_URL, deleteKeys, randomPrefix } from '../test/helpers/redis.js';
import { startTestBot } from '../test/helpers/test-bot.js';

const incidents = Number(process.argv[2] ?? 200);
const CONCURRENT_DELIVERIES = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(latencyMs: number): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = randomPrefix();
  const slack = await FakeSlack.start({ latencyMs });
  const pd = await FakePagerDuty.start();
  pd.addUser({ id: 'PALICE1', name: 'Alice', email: 'alice@example.com' });
  pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
  const bot = await startTestBot({ slack, pagerduty: pd, prefix });

  const sentAt = new Map<string, number>();
  const bodies = Array.from({ length: incidents }, (_, i) => {
    const id = `PBENCH${i}`;
    pd.addIncident(incidentDelivery('triggered', { id }).event.data as never);
    return { id, body: JSON.stringify(incidentDelivery('triggered', { id, number: 1000 + i, title: `Bench incident ${i}`, assignees: [{ id: 'PALICE1', summary: 'Alice' }] })) };
  });

  const ackStart = performance.now();
  let next = 0;
  const ackTimes: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENT_DELIVERIES }, async () => {
      while (next < bodies.length) {
        const { id, body } = bodies[next++]!;
        sentAt.set(id, Date.now());
        const t0 = performance.now();
        const res = await bot.deliver(body);
        ackTimes.push(performance.now() - t0);
        if (res.status !== 202) throw new Error(`delivery answered ${res.status}`);
      }
    }),
  );
  const ackSeconds = (performance.now() - ackStart) / 1000;

  const cardKey = (id: string) => `pd-${id}/card`;
  const posted = () =>
    new Map(
      slack.calls
        .filter((c) => c.method === 'chat.postMessage' && !c.failed)
        .map((c) => [(c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key, c.at] as const),
    );
  const deadline = Date.now() + 600_000;
  while (bodies.some((b) => !posted().has(cardKey(b.id)))) {
    if (Date.now() > deadline) throw new Error('cards not all posted within 10 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const cardAt = posted();
  // The fake records a call when it arrives; add its own latency to get the moment the card existed.
  const latencies = bodies.map((b) => cardAt.get(cardKey(b.id))! + latencyMs - sentAt.get(b.id)!).sort((a, b) => a - b);
  ackTimes.sort((a, b) => a - b);

  console.log(
    `slack latency ${String(latencyMs).padStart(2)} ms | ${incidents} incidents | acknowledged ${(incidents / ackSeconds).toFixed(0)} deliveries/s ` +
      `(ack p50 ${percentile(ackTimes, 50).toFixed(1)} ms, p99 ${percentile(ackTimes, 99).toFixed(1)} ms) | ` +
      `delivery → card p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms | ` +
      `Slack calls ${slack.calls.length}`,
  );

  await bot.stop();
  await slack.close();
  await pd.close();
  await deleteKeys(redis, prefix);
  await redis.quit();
}

/** One page at a time: what an on-call engineer waits for when a single incident fires. */
async function runSolo(latencyMs: number, pages = 20): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = randomPrefix();
  const slack = await FakeSlack.start({ latencyMs });
  const pd = await FakePagerDuty.start();
  pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  const bot = await startTestBot({ slack, pagerduty: pd, prefix });
  const times: number[] = [];
  for (let i = 0; i < pages; i++) {
    const id = `PSOLO${i}`;
    pd.addIncident(incidentDelivery('triggered', { id }).event.data as never);
    const t0 = Date.now();
    await bot.deliver(incidentDelivery('triggered', { id, number: 2000 + i, title: `Solo ${i}`, assignees: [] }));
    await slack.waitFor(() => slack.calls.find((c) => c.method === 'chat.postMessage' && !c.failed && (c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key === `pd-${id}/card`), 30_000);
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`slack latency ${String(latencyMs).padStart(2)} ms | one page at a time | delivery → card p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms`);
  await bot.stop();
  await slack.close();
  await pd.close();
  await deleteKeys(redis, prefix);
  await redis.quit();
}

await runSolo(0);
await runSolo(50);
await run(0);
await run(50);
