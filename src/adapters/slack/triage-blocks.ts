/** Triage in Block Kit: the summary message and the evidence documents of its thread. */
import type { ChatDocument } from '../../domain/ports.js';
import type { TriageReport } from '../../domain/triage/triage-report.js';
import { MAX_BLOCKS, context, escapeMrkdwn, header, section, truncate } from './block-kit.js';
import type { Block } from './block-kit.js';

/** Findings shown in the summary; the rest are in the thread. */
const SUMMARY_FINDINGS = 5;

const VERDICT = {
  problems: ':rotating_light:',
  healthy: ':white_check_mark:',
  inconclusive: ':grey_question:',
} as const;

const SEVERITY = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' } as const;

export function triageSummaryText(report: TriageReport): string {
  return truncate(`Triage of ${report.target.service}: ${report.headline}`, 3000);
}

export function triageSummaryBlocks(report: TriageReport): Block[] {
  const t = report.target;
  const blocks: Block[] = [
    header(`${report.verdict === 'problems' ? '🔎' : report.verdict === 'healthy' ? '✅' : '❔'} Triage: ${t.kind.toLowerCase()}/${t.name} in ${t.namespace}${t.context ? ` (${t.context})` : ''}`),
    section(`${VERDICT[report.verdict]} ${escapeMrkdwn(report.headline)}`),
  ];
  const shown = report.findings.slice(0, SUMMARY_FINDINGS);
  shown.forEach((f, i) => {
    blocks.push(
      section(
        `${SEVERITY[f.severity]} *${i + 1}. ${escapeMrkdwn(f.title)}*\n` +
          `_${f.layer} · ${f.severity} · ${f.confidence} confidence_\n` +
          `*Likely cause:* ${escapeMrkdwn(f.likelyCause)}\n` +
          `*Next:* ${escapeMrkdwn(f.nextAction)}`,
      ),
    );
  });
  if (report.findings.length > shown.length) {
    blocks.push(context(`+${report.findings.length - shown.length} more finding(s) in the thread.`));
  }
  if (report.couldNotRead.length > 0) {
    const lines = report.couldNotRead.slice(0, 10).map((f) => `• ${escapeMrkdwn(f.what)}: *${f.reason}*`);
    if (report.couldNotRead.length > 10) lines.push(`• … and ${report.couldNotRead.length - 10} more (see the thread)`);
    blocks.push(section(`:warning: *Could not read* (not guessed around):\n${lines.join('\n')}`));
  }
  blocks.push(context(`*Checked:* ${escapeMrkdwn(report.checked.join('; '))}`));
  blocks.push(context(`Took ${(report.durationMs / 1000).toFixed(1)} s · read-only, nothing in the cluster was changed · evidence and kubectl commands in the thread`));
  return blocks.slice(0, MAX_BLOCKS);
}

export function documentText(doc: ChatDocument): string {
  return truncate(doc.title, 3000);
}

export function documentBlocks(doc: ChatDocument): Block[] {
  const blocks: Block[] = [section(`*${escapeMrkdwn(doc.title)}*`)];
  for (const p of doc.paragraphs) {
    blocks.push('code' in p ? section(`\`\`\`${escapeCode(p.code)}\`\`\``) : section(escapeKeepingMentions(p.text)));
  }
  return blocks.slice(0, MAX_BLOCKS);
}

/** Prose may name people and channels (`<@U…>`, `<#C…>`): those stay mentions, everything else is escaped. */
function escapeKeepingMentions(text: string): string {
  return text
    .split(/(<@[UW][A-Z0-9]+>|<#C[A-Z0-9]+>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMrkdwn(part)))
    .join('');
}

/** Inside a code block only the fence itself and &<> need care. */
function escapeCode(text: string): string {
  return escapeMrkdwn(text).replaceAll('```', "'''");
}
