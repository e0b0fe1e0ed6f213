/** Triage in Block Kit: the summary message and the evidence documents of its thread. */
import type { TriageReport } from '../../domain/triage/triage-report.js';
import { describeProgress } from '../../domain/triage/triage-progress.js';
import type { TriageProgress } from '../../domain/triage/triage-progress.js';
import { SUMMARY_LIMITS, summarizeTriage } from '../../domain/triage/triage-summary.js';
import type { SummaryLimits, TriageSummary } from '../../domain/triage/triage-summary.js';
import { truncate } from '../../domain/text.js';
import { MAX_BLOCKS, context, escapeMrkdwn, section } from './block-kit.js';
import type { Block } from './block-kit.js';

/**
 * The summary fits one screen: at most this many characters of text (blocks and notification).
 * The parts are tightened in turn until it does (see SUMMARY_TIERS).
 */
const SUMMARY_MAX = 1500;

/** Each tier keeps less: first the further findings go, then the quote and the verdict line are cut. */
const SUMMARY_TIERS: SummaryLimits[] = [
  SUMMARY_LIMITS,
  { ...SUMMARY_LIMITS, others: 1, titleMax: 120 },
  { verdictMax: 450, evidenceMax: 200, others: 0, titleMax: 0 },
  { verdictMax: 300, evidenceMax: 150, others: 0, titleMax: 0 },
  // Many failed reads (never dropped) leave this much for the rest.
  { verdictMax: 200, evidenceMax: 100, others: 0, titleMax: 0 },
];
/** Reads named in the summary's "could not read" line; the thread lists them all with details. */
const UNREAD_NAMED = 4;

const VERDICT = {
  problems: ':rotating_light:',
  healthy: ':white_check_mark:',
  inconclusive: ':grey_question:',
} as const;

const SEVERITY = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' } as const;

export function triageSummaryText(report: TriageReport): string {
  const line = summarizeTriage(report, SUMMARY_TIERS[2]).verdictLine;
  // A cut inside a time marker would show its insides: cut before it.
  return `Triage of ${report.target.service}: ${truncate(line, 160).replace(/⟦[^⟧]*…$/, '…')}`;
}

/** Verdict line, decisive evidence, next action, two more findings, could-not-read, what was read. */
export function triageSummaryBlocks(report: TriageReport): Block[] {
  const notification = triageSummaryText(report).length;
  let blocks: Block[] = [];
  for (const limits of SUMMARY_TIERS) {
    blocks = renderSummary(report, summarizeTriage(report, limits));
    if (blocksLength(blocks) + notification <= SUMMARY_MAX) break;
  }
  return blocks;
}

function renderSummary(report: TriageReport, s: TriageSummary): Block[] {
  const t = report.target;
  const who = `${t.kind.toLowerCase()}/${t.name} in ${t.namespace}${t.context ? ` (${t.context})` : ''}`;
  // A healthy or inconclusive headline names the workload itself.
  const lead = report.verdict === 'problems' ? `*${escapeMrkdwn(who)}*: ` : '';
  const blocks: Block[] = [section(`${VERDICT[report.verdict]} ${lead}${escapeMrkdwn(s.verdictLine)}`)];
  if (s.evidence) blocks.push(section(`> ${codeSpan(s.evidence)}`));
  if (s.action) {
    const cmd = s.action.command ? `${s.action.commandIs === 'check' ? ' · check: ' : ' — '}${codeSpan(s.action.command)}` : '';
    blocks.push(section(`*Next:* ${escapeMrkdwn(s.action.text)}${cmd}`));
  }
  if (s.others.length > 0 || s.moreInThread > 0) {
    const lines = s.others.map((f) => `${SEVERITY[f.severity]} ${escapeMrkdwn(f.title)}`);
    if (s.moreInThread > 0) lines.push(`+${s.moreInThread} more finding${s.moreInThread === 1 ? '' : 's'} in the thread`);
    blocks.push(section(lines.join('\n')));
  }
  if (s.couldNotRead.length > 0) {
    const named = s.couldNotRead.slice(0, UNREAD_NAMED).map(escapeMrkdwn).join('; ');
    const more = s.couldNotRead.length > UNREAD_NAMED ? `; and ${s.couldNotRead.length - UNREAD_NAMED} more` : '';
    blocks.push(section(`:warning: *Could not read* ${named}${more} — not guessed around; details in the thread.`));
  }
  blocks.push(context(escapeMrkdwn(s.readLine)));
  return blocks.slice(0, MAX_BLOCKS);
}

/** A quote of what the cluster said, shown as written (no bold, no links). */
function codeSpan(text: string): string {
  return `\`${escapeMrkdwn(text.replaceAll('`', "'"))}\``;
}

function blocksLength(blocks: Block[]): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'text' && typeof x === 'string') n += x.length;
        else walk(x);
      }
    }
  };
  walk(blocks);
  return n;
}

/** The summary's place while the reads run; replaced in place by the verdict. */
export function triageProgressText(progress: TriageProgress): string {
  return describeProgress(progress);
}

export function triageProgressBlocks(progress: TriageProgress): Block[] {
  return [{ ...section(`:hourglass_flowing_sand: ${escapeMrkdwn(describeProgress(progress))}`), block_id: 'triage-progress' }, context('read-only · the verdict replaces this message')];
}
