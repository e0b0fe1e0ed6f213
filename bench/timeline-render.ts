/**
 * Timeline rendering benchmark: a 5,000-entry incident timeline (PagerDuty, bot, Slack and
 * collapsed cluster events, one in eight key) rendered for a reader in America/Los_Angeles.
 * Prints the median of 20 renders, the heap used after them, and what came out; also the
 * cost of classifying the Slack messages among them.
 *
 *   npx tsx bench/timeline-render.ts            (add NODE_OPTIONS=--expose-gc for a steadier heap figure)
 */
import { renderBlock } from '../src/adapters/slack/render-document.js';
import { classifyMessage } from '../src/domain/timeline/classify-message.js';
import { blockStrings } from '../test/helpers/slack-text.js';
import { renderTimeline } from '../src/domain/timeline/render-timeline.js';
import type { TimelineEntry, TimelineSource } from '../src/domain/timeline/timeline-entry.js';

const ENTRIES = Number(process.env.ENTRIES ?? 5000);
const RUNS = 20;

const MESSAGES = [
  'rolled back checkout to v2.14.1',
  'anyone looking at the db?',
  "I think it's the new cache, <@U024BE7LH|alice> can you check the hit rate?",
  'cordoned ip-10-0-3-17.ec2.internal &amp; drained it',
  'see <https://grafana.acme.io/d/abc|the latency dashboard>',
  "didn't restart anything yet",
  'root cause is the connection pool: max 10, we run 40 workers',
  'ack',
];
const CLUSTER = ['BackOff: Back-off restarting failed container app in pod checkout-7c9d8f6b5d-x2kqj', 'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503', 'FailedScheduling: 0/6 nodes are available: 3 Insufficient memory'];
const SOURCES: TimelineSource[] = ['cluster', 'slack', 'cluster', 'bot', 'slack', 'pagerduty'];

function buildTimeline(count: number): TimelineEntry[] {
  const start = Date.parse('2025-03-04T16:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const source = SOURCES[i % SOURCES.length]!;
    const at = new Date(start + i * 8_000).toISOString();
    const base = { key: `${source}/${i}`, at, source, important: i % 8 === 0 };
    if (source === 'cluster') return { ...base, text: CLUSTER[i % CLUSTER.length]!, count: 1 + (i % 40), until: new Date(start + i * 8_000 + (i % 40) * 30_000).toISOString() };
    if (source === 'slack') return { ...base, author: `U0${i}`, text: MESSAGES[i % MESSAGES.length]! };
    return { ...base, text: source === 'bot' ? `Triage of deployment/checkout: ${i} pods not ready` : `Escalated to level ${1 + (i % 3)}` };
  });
}

const gc = (globalThis as { gc?: () => void }).gc;
const entries = buildTimeline(ENTRIES);
renderTimeline(entries, { timeZone: 'America/Los_Angeles', now: new Date() }); // warm-up, as in a long-running bot

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
let docs = renderTimeline(entries, { timeZone: 'America/Los_Angeles', now: new Date() });
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  docs = renderTimeline(entries, { timeZone: 'America/Los_Angeles', now: new Date() });
  times.push(performance.now() - t0);
}
const heapAfter = process.memoryUsage().heapUsed;
times.sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;

const slackTexts = entries.filter((e) => e.source === 'slack').map((e) => e.text);
const classifyAll = () => slackTexts.filter((text) => classifyMessage(text).important).length;
const keyMessages = classifyAll();
const classifyTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  classifyAll();
  classifyTimes.push(performance.now() - t0);
}
classifyTimes.sort((a, b) => a - b);
const classifyMs = ((classifyTimes[RUNS / 2 - 1] ?? 0) + (classifyTimes[RUNS / 2] ?? 0)) / 2;

const paragraphs = docs.reduce((n, d) => n + d.paragraphs.length, 0);
const chars = docs.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + blockStrings([renderBlock(p)]).join('').length, 0), 0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log(`renderTimeline, ${ENTRIES} entries: median ${median.toFixed(1)} ms of ${RUNS} runs (min ${times[0]!.toFixed(1)}, max ${times[RUNS - 1]!.toFixed(1)})`);
console.log(`heap used ${mb(heapAfter)} MB after the runs (${mb(heapBefore)} MB before${gc ? ', after a gc' : ''}; rss ${mb(process.memoryUsage().rss)} MB)`);
console.log(`output: ${docs.length} documents, ${paragraphs} paragraphs, ${chars} characters`);
console.log(`classifyMessage: ${slackTexts.length} Slack messages in ${classifyMs.toFixed(1)} ms, median of ${RUNS} runs (${((classifyMs * 1000) / slackTexts.length).toFixed(1)} µs each, ${keyMessages} key)`);
