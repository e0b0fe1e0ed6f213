/**
 * How long the triage messages are (issue 10, "the first screen"): every story of the triage
 * corpus is triaged through the real KubeCluster against the fake API server, its summary and
 * thread rendered to Block Kit as the bot sends them, and measured as a reader sees them
 * (test/helpers/slack-text.ts: block text + notification text, date tokens as their fallback).
 * Prints p50/max summary length, max thread-reply length and the story behind each maximum.
 *
 *   npx tsx bench/triage-messages.ts
 */
import { documentBlocks, documentText } from '../src/adapters/slack/render-document.js';
import { triageSummaryBlocks, triageSummaryText } from '../src/adapters/slack/triage-blocks.js';
import { withSlackDates } from '../src/adapters/slack/slack-dates.js';
import { buildEvidenceThread } from '../src/domain/triage/evidence-thread.js';
import { blockStrings, hasRawUtcInProse, visibleLength } from '../test/helpers/slack-text.js';
import { runScenario } from '../test/triage-corpus/run-scenario.js';
import { CORPUS } from '../test/triage-corpus/scenarios/index.js';

const summaries: { id: string; len: number }[] = [];
const replies: { id: string; len: number; title: string }[] = [];
let threadReplies = 0;
let files = 0;
/** Messages that write a clock in UTC outside code (the reader's own time belongs there). */
const rawUtc: string[] = [];
const prose = (m: { text: string; blocks: unknown }) => [m.text, ...blockStrings(m.blocks)].join('\n');
for (const s of CORPUS) {
  const run = await runScenario(s);
  if (!run.report) continue;
  const summary = withSlackDates({ text: triageSummaryText(run.report), blocks: triageSummaryBlocks(run.report) });
  summaries.push({ id: s.id, len: visibleLength(summary) });
  if (hasRawUtcInProse(prose(summary))) rawUtc.push(`${s.id}: summary`);
  const thread = buildEvidenceThread(run.report);
  threadReplies += thread.documents.length;
  if (thread.file) files++;
  for (const d of thread.documents) {
    const reply = withSlackDates({ text: documentText(d), blocks: documentBlocks(d) });
    replies.push({ id: s.id, title: d.title, len: visibleLength(reply) });
    if (hasRawUtcInProse(prose(reply))) rawUtc.push(`${s.id}: ${d.title}`);
  }
}

const sorted = summaries.map((x) => x.len).sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const longest = [...summaries].sort((a, b) => b.len - a.len)[0];
const longestReply = [...replies].sort((a, b) => b.len - a.len)[0];
console.log(`triage messages over ${summaries.length} corpus stories with a report`);
console.log(`summary characters: p50 ${at(0.5)}, p95 ${at(0.95)}, max ${longest?.len ?? 0} (${longest?.id ?? '-'}); over 1,500: ${summaries.filter((x) => x.len > 1500).length}`);
console.log(`thread: ${threadReplies} replies (${(threadReplies / Math.max(1, summaries.length)).toFixed(1)} per triage), max reply ${longestReply?.len ?? 0} characters (${longestReply?.id ?? '-'}: ${longestReply?.title ?? '-'}); over 3,000: ${replies.filter((x) => x.len > 3000).length}; raw evidence attached as a file in ${files}`);
console.log(`UTC clocks outside code: ${rawUtc.length} messages${rawUtc.length > 0 ? ` (${rawUtc.slice(0, 5).join('; ')}${rawUtc.length > 5 ? '; …' : ''})` : ''}`);
