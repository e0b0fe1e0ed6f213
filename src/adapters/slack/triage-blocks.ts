/** Triage in Block Kit: the summary message and the evidence documents of its thread. */
import type { ChatDocument } from '../../domain/ports.js';
import type { TriageReport } from '../../domain/triage/triage-report.js';
import { MAX_BLOCKS, context, escapeMrkdwn, header, section, truncate } from './block-kit.js';
import type { Block } from './block-kit.js';

/** Findings shown in the summary; the rest are in the thread. */
const SUMMARY_FINDINGS = 5;
/** Further findings listed (one line each) under a diagnosis. */
const OTHER_FINDINGS = 3;

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
  const d = report.diagnosis;
  if (d) {
    const lines = [
      `*Why:* ${escapeMrkdwn(d.mechanism.likelyCause)}`,
      `*Next:* ${escapeMrkdwn(d.action)}${d.actionCommand ? ` — \`${escapeMrkdwn(d.actionCommand)}\`` : ''}`,
      ...(d.confirm.length > 0 ? [`*To confirm:* ${d.confirm.slice(0, 2).map((c) => `\`${escapeMrkdwn(c)}\``).join('  ')}`] : []),
    ];
    blocks.push(section(lines.join('\n')));
    blocks.push(context(`${d.confidence} confidence · ${d.mechanism.layer} · ${escapeMrkdwn(d.trigger.kind === 'none' ? d.trigger.text : `since ${d.trigger.text}`)}`));
  }
  // The mechanism is the headline; the other findings get a line each.
  const others = report.findings.filter((f) => f.id !== d?.mechanism.id);
  const shown = others.slice(0, d ? OTHER_FINDINGS : SUMMARY_FINDINGS);
  if (d && shown.length > 0) {
    blocks.push(section(shown.map((f) => `${SEVERITY[f.severity]} ${escapeMrkdwn(f.title)}`).join('\n')));
  } else {
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
  }
  if (others.length > shown.length) {
    blocks.push(context(`+${others.length - shown.length} more finding(s) in the thread.`));
  }
  const unread = report.couldNotRead.filter((f) => f.reason !== 'skipped');
  if (unread.length > 0) {
    const lines = unread.slice(0, 10).map((f) => `• ${escapeMrkdwn(f.what)}: *${f.reason}*${f.detail ? ` — ${escapeMrkdwn(f.detail.length > 160 ? `${f.detail.slice(0, 159)}…` : f.detail)}` : ''}`);
    if (unread.length > 10) lines.push(`• … and ${unread.length - 10} more (see the thread)`);
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
