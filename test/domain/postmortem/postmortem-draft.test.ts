import { describe, expect, it } from 'vitest';
import { blockText } from '../../helpers/document-text.js';
import { readSlackText } from '../../../src/adapters/slack/slack-text.js';
import { blockStrings } from '../../helpers/slack-text.js';
import { renderBlock } from '../../../src/adapters/slack/render-document.js';
import type { Incident } from '../../../src/domain/incident/incident.js';
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from '../../../src/domain/ports.js';
import type { ChatDocument } from '../../../src/domain/ports.js';
import type { ActionItem } from '../../../src/domain/postmortem/action-item.js';
import { buildPostmortemDraft } from '../../../src/domain/postmortem/postmortem-draft.js';
import type { PostmortemInput } from '../../../src/domain/postmortem/postmortem-draft.js';
import type { TimelineEntry, TimelineSource } from '../../../src/domain/timeline/timeline-entry.js';
import { timesAsUtc } from '../../../src/domain/time-ref.js';

const PAGED_AT = '2026-11-21T09:02:00Z';
const RESOLVED_AT = '2026-11-21T10:32:00Z';

const INCIDENT: Incident = {
  id: 'pd-PT4KHLK',
  source: 'pagerduty',
  title: 'payment-api 5xx > 5%',
  status: 'resolved',
  statusAt: RESOLVED_AT,
  createdAt: PAGED_AT,
  resolvedAt: RESOLVED_AT,
  resolvedBy: 'U0RESOLVER',
  severity: 2,
  leadSlackId: 'U0LEAD',
  pagerduty: {
    id: 'PT4KHLK',
    number: 9,
    title: 'payment-api 5xx > 5%',
    status: 'resolved',
    htmlUrl: 'https://acme.pagerduty.com/incidents/PT4KHLK',
    createdAt: PAGED_AT,
    service: { id: 'PSVC123', name: 'payment-api' },
    assignees: [],
    urgency: 'high',
    priority: 'P1',
    escalationPolicy: undefined,
  },
  assigneeSlackIds: {},
  services: ['payment-api'],
  recurrence: { count: 2, recent: [{ id: 'pd-OLD', title: 'payment-api 5xx', createdAt: '2026-11-02T08:00:00Z', rootCauseRecorded: false }] },
  progress: {},
};

let n = 0;
const entry = (at: string, source: TimelineSource, text: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({ key: `e${n++}`, at, source, text, ...more });

/** Restarted and rolled back, nobody said why it broke. */
const SYMPTOM_FIX: TimelineEntry[] = [
  entry('2026-11-21T09:02:00Z', 'pagerduty', 'Triggered in PagerDuty (high urgency)', { important: true }),
  entry('2026-11-21T09:00:30Z', 'cluster', 'pod/payment-api-7c9d-q2w3e: OOMKilling — Memory cgroup out of memory', { important: true, count: 4, until: '2026-11-21T09:10:30Z' }),
  entry('2026-11-21T09:04:00Z', 'pagerduty', 'Acknowledged by Alice Doe'),
  entry('2026-11-21T09:06:00Z', 'bot', 'Triage of deployment/payment-api: 4 pods OOMKilled', { important: true }),
  entry('2026-11-21T09:15:00Z', 'slack', 'restarted the pods', { author: 'U0LEAD', important: true }),
  entry('2026-11-21T09:25:00Z', 'slack', 'rolled back to 46', { author: 'U0RESOLVER', important: true }),
  entry('2026-11-21T09:30:00Z', 'slack', 'errors back to normal', { author: 'U0LEAD' }),
];

const item = (id: string, more: Partial<ActionItem> = {}): ActionItem => ({
  id,
  incidentId: INCIDENT.id,
  text: `Do ${id}`,
  ownerId: 'U0OWNER',
  dueAt: '2026-11-27T08:00:00Z',
  dueKind: 'date',
  dueDate: '2026-11-27',
  createdAt: RESOLVED_AT,
  createdBy: 'U0LEAD',
  kind: 'action',
  status: 'open',
  ...more,
});

const POSTMORTEM_ITEM = item('A1', { kind: 'postmortem', text: 'Write the post-mortem of "payment-api 5xx > 5%"', ownerId: 'U0LEAD', dueAt: '2026-11-28T08:00:00Z', dueDate: '2026-11-28' });

/** The draft with its time markers as the adapter writes them where no client localises them: UTC. */
/** Built as publish-postmortem builds it: what people typed in Slack is read by the Slack adapter. */
const draft = (over: Partial<PostmortemInput> = {}, incident: Partial<Incident> = {}) => {
  const d = buildPostmortemDraft({ incident: { ...INCIDENT, ...incident }, timeline: SYMPTOM_FIX, actionItems: [], postmortemItem: POSTMORTEM_ITEM, timeZone: 'Europe/Berlin', now: new Date('2026-11-21T10:33:00Z'), readText: readSlackText, ...over });
  return { ...d, markdown: timesAsUtc(d.markdown) };
};

const slackText = (docs: ChatDocument[]) => timesAsUtc(docs.flatMap((d) => d.paragraphs.map(blockText)).join('\n'));

/** The Markdown between "## name" and the next "## ". */
function section(markdown: string, name: string): string {
  const start = markdown.indexOf(`\n## ${name}\n`);
  expect(start, `section ${name}`).toBeGreaterThan(0);
  const rest = markdown.slice(start + name.length + 5);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** Markdown table rows: the cells between unescaped pipes. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
}

const BANNER = '⚠️ **This incident was mitigated (restart, rollback) — the root cause is still open.** Restoring service is not fixing it.';

describe('buildPostmortemDraft', () => {
  it('says a restart and a rollback with no root cause were a mitigation, and does not call it a bug', () => {
    const { markdown, summary } = draft();
    expect(section(markdown, 'Summary')).toContain(`> ${BANNER}`);
    expect(slackText(summary)).toContain('⚠️ *This incident was mitigated (restart, rollback) — the root cause is still open.* Restoring service is not fixing it.');
    expect(section(markdown, 'Root cause')).toMatch(/^\*\*Not recorded yet\.\*\*/);
    expect(section(markdown, 'Cause category').split('\n')).toEqual(['- [ ] bug', '- [ ] configuration', '- [ ] capacity', '- [ ] process', '- [ ] architecture']);
    expect(section(markdown, 'What worked')).toContain('- Mitigation (rollback): 09:25 UTC `slack` @U0RESOLVER: rolled back to 46 — _to confirm_ that it restored service.');
    expect(section(markdown, 'What did not')).toContain('- Service came back through restart, rollback; the root cause was not found.');
  });

  it('shows a recorded root cause and no banner', () => {
    const { markdown, summary } = draft({}, { rootCause: 'a missing index on orders.created_at' });
    expect(markdown).not.toContain('This incident was mitigated');
    expect(slackText(summary)).not.toContain('This incident was mitigated');
    expect(section(markdown, 'Root cause').split('\n')[0]).toBe('a missing index on orders.created\\_at');
    expect(section(markdown, 'Cause category')).toContain('- [ ] bug');
  });

  it('writes every section, in order, in the file and in Slack', () => {
    const { markdown, summary } = draft();
    const headings = markdown.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      '# Post-mortem: payment-api 5xx \\> 5%',
      '## Summary',
      '## Recurrence',
      '## Timeline',
      '### Key moments',
      '### Full timeline',
      '## Trigger',
      '## Root cause',
      '### Five whys',
      '## Cause category',
      '## What worked',
      '## What did not',
      '## Action items',
    ]);
    const slackHeadings = slackText(summary).split('\n').filter((l) => /^\*[A-Z][a-z ]+\*$/.test(l));
    expect(slackHeadings).toEqual(['*Summary*', '*Recurrence*', '*Timeline*', '*Key moments*', '*Full timeline*', '*Trigger*', '*Root cause*', '*Five whys*', '*Cause category*', '*What worked*', '*What did not*', '*Action items*']);
  });

  it('fills the facts, recurrence, trigger and the first why from the incident', () => {
    const { markdown, title, filename } = draft();
    expect(title).toBe('Post-mortem: payment-api 5xx > 5%');
    expect(filename).toBe('postmortem-inc-20261121-9-payment-api-5xx-5.md');
    expect(tableRows(markdown.slice(0, markdown.indexOf('## Summary')))).toEqual([
      ['', ''],
      ['---', '---'],
      ['**Date**', '2026-11-21'],
      ['**Severity**', 'SEV2'],
      ['**Duration**', '1 hour 30 minutes (first page 09:02 UTC → resolved 10:32 UTC)'],
      ['**Owner**', '@U0LEAD (incident lead)'],
      ['**Status**', 'Draft — due 2026-11-28'],
      ['**PagerDuty**', '[\\#9](https://acme.pagerduty.com/incidents/PT4KHLK) · P1 · high urgency · service payment-api'],
      ['**Services**', 'payment-api'],
    ]);
    expect(section(markdown, 'Recurrence')).toContain('payment-api has paged 2 times before');
    const trigger = section(markdown, 'Trigger');
    expect(trigger).toContain('- **What paged:** PagerDuty #9 "payment-api 5xx \\> 5%" on payment-api at 09:02 UTC.');
    expect(trigger).toContain('- **First cluster warning:** 09:00 UTC `k8s` pod/payment-api-7c9d-q2w3e: OOMKilling — Memory cgroup out of memory ×4 over 10m — _to confirm_');
    expect(section(markdown, 'Root cause')).toContain('1. **Why** did PagerDuty page for "payment-api 5xx \\> 5%"? Because: _to confirm_: pod/payment-api-7c9d-q2w3e: OOMKilling');
    expect(section(markdown, 'Root cause').match(/^\d\. \*\*Why\*\*/gm)).toHaveLength(5);
    // The Slack version leaves each time to the reader's client (a marker the adapter draws as <!date^…>).
    const raw = buildPostmortemDraft({ incident: INCIDENT, timeline: SYMPTOM_FIX, actionItems: [], postmortemItem: POSTMORTEM_ITEM, timeZone: 'Europe/Berlin', now: new Date('2026-11-21T10:33:00Z') });
    const rawSlack = raw.summary.flatMap((d) => d.paragraphs.map(blockText)).join('\n');
    expect(rawSlack).toContain(`*Duration:* 1 hour 30 minutes (first page ⟦time ${Date.parse(PAGED_AT) / 1000} time⟧ → resolved ⟦time ${Date.parse(RESOLVED_AT) / 1000} time⟧)`);
    expect(rawSlack).toContain('times in your time zone');
    expect(markdown).toContain('times in UTC');
    const worked = section(markdown, 'What worked');
    expect(worked).toContain('- Acknowledged 2 minutes after the page.');
    expect(worked).toContain('- First triage 4 minutes after the page.');
  });

  it('lists key moments first, then the full timeline in time order with the source marked', () => {
    const timeline = section(draft().markdown, 'Timeline');
    const [, key = '', full = ''] = timeline.split(/### (?:Key moments|Full timeline)/);
    expect(key.trim().split('\n')).toEqual([
      '- 09:00 UTC `k8s` pod/payment-api-7c9d-q2w3e: OOMKilling — Memory cgroup out of memory ×4 over 10m',
      '- 09:02 UTC `PD` Triggered in PagerDuty (high urgency)',
      '- 09:06 UTC `bot` Triage of deployment/payment-api: 4 pods OOMKilled',
      '- 09:15 UTC `slack` @U0LEAD: restarted the pods',
      '- 09:25 UTC `slack` @U0RESOLVER: rolled back to 46',
    ]);
    expect(full.trim().split('\n')).toHaveLength(SYMPTOM_FIX.length);
    expect(full.trim().split('\n')[2]).toBe('- 09:04 UTC `PD` Acknowledged by Alice Doe');
  });

  it('computes the duration across midnight and across days (in the reader’s zone), with the day', () => {
    const overMidnight = draft({ timeline: [] }, { createdAt: '2026-11-21T22:40:00Z', pagerduty: { ...INCIDENT.pagerduty!, createdAt: '2026-11-21T22:40:00Z' }, resolvedAt: '2026-11-22T00:10:00Z' });
    expect(overMidnight.markdown).toContain('| **Duration** | 1 hour 30 minutes (first page 2026-11-21 22:40 UTC → resolved 2026-11-22 00:10 UTC) |');
    const overDays = draft({ timeline: [], timeZone: 'America/New_York' }, { createdAt: '2026-11-20T10:00:00Z', pagerduty: { ...INCIDENT.pagerduty!, createdAt: '2026-11-20T10:00:00Z' }, resolvedAt: '2026-11-22T12:05:00Z' });
    expect(overDays.markdown).toContain('| **Duration** | 2 days 2 hours 5 minutes (first page 2026-11-20 10:00 UTC → resolved 2026-11-22 12:05 UTC) |');
  });

  it('says an unresolved incident is still open', () => {
    const { markdown } = draft({}, { status: 'acknowledged', resolvedAt: undefined, resolvedBy: undefined });
    expect(markdown).toContain('| **Duration** | still open (first page 09:02 UTC) |');
  });

  it('falls back to the resolver as owner when there is no lead and no post-mortem item yet', () => {
    const { markdown, summary } = draft({ postmortemItem: undefined }, { leadSlackId: undefined });
    expect(markdown).toContain('| **Owner** | @U0RESOLVER (resolved it) |');
    expect(markdown).toContain('| **Status** | Draft |');
    expect(slackText(summary)).toContain('*Owner:* <@U0RESOLVER> (resolved it)');
    expect(section(markdown, 'What did not')).toContain('- Nobody was named incident lead.');
  });

  it('lists the post-mortem item first, then the action items with owners, dues and status', () => {
    const items = [
      item('A2', { text: 'Alert on OOMKilled before users see 5xx', ownerId: 'U0ALICE' }),
      item('A3', { text: 'Load test payment-api at 2x', ownerId: 'U0BOB', dueKind: 'date-time', dueDate: undefined, dueAt: '2026-11-20T16:00:00Z' }),
      item('A4', { text: 'Raise the limit', status: 'done' }),
    ];
    const { markdown, summary } = draft({ actionItems: [POSTMORTEM_ITEM, ...items] });
    expect(tableRows(section(markdown, 'Action items'))).toEqual([
      ['ID', 'Action', 'Owner', 'Due', 'Status'],
      ['---', '---', '---', '---', '---'],
      ['A1', '**Post-mortem**: Write the post-mortem of "payment-api 5xx \\> 5%"', '@U0LEAD', '2026-11-28', 'open'],
      ['A2', 'Alert on OOMKilled before users see 5xx', '@U0ALICE', '2026-11-27', 'open'],
      ['A3', 'Load test payment-api at 2x', '@U0BOB', '2026-11-20 16:00 UTC', 'open, overdue'],
      ['A4', 'Raise the limit', '@U0OWNER', '2026-11-27', 'done'],
    ]);
    expect(section(markdown, 'Action items')).toContain('_Action items without an owner and a deadline are wishes._');
    expect(slackText(summary)).toContain('• A2 · Alert on OOMKilled before users see 5xx · <@U0ALICE> · 2026-11-27 · open');
  });

  it('suggests capacity when service came back after a memory limit bump, and marks it suggested', () => {
    const timeline = [entry('2026-11-21T09:15:00Z', 'slack', 'bumped memory limit to 1Gi', { author: 'U0LEAD' })];
    const { markdown } = draft({ timeline });
    expect(section(markdown, 'Cause category').split('\n')).toEqual([
      '- [ ] bug',
      '- [ ] configuration',
      '- [x] capacity — _suggested: service came back after a limit bump; confirm or untick_',
      '- [ ] process',
      '- [ ] architecture',
    ]);
    expect(markdown).toContain('This incident was mitigated (limit bump)');
  });

  it('keeps | and newlines in untrusted text from breaking the Markdown tables', () => {
    const items = [item('A2', { text: 'fix | the\nparser | now', ownerId: 'U0ALICE' })];
    const { markdown, filename } = draft({ actionItems: items }, { title: 'api | down\n| x | y |', pagerduty: { ...INCIDENT.pagerduty!, title: 'api | down', service: { id: 'S', name: 'pay|ment' }, htmlUrl: 'https://pd.example/incidents/P1?a=(1)|2' } });
    const facts = tableRows(markdown.slice(0, markdown.indexOf('## Summary')));
    expect(facts.every((row) => row.length === 2)).toBe(true);
    expect(facts.find((r) => r[0] === '**PagerDuty**')?.[1]).toBe('[\\#9](https://pd.example/incidents/P1?a=%281%29%7C2) · P1 · high urgency · service pay\\|ment');
    const actions = tableRows(section(markdown, 'Action items'));
    expect(actions.every((row) => row.length === 5)).toBe(true);
    expect(actions[3]?.[1]).toBe('fix \\| the parser \\| now');
    expect(markdown.split('\n')[0]).toBe('# Post-mortem: api \\| down \\| x \\| y \\|');
    expect(filename).toMatch(/^postmortem-[a-z0-9-]+\.md$/);
  });

  it('keeps a 2,000-entry timeline within ChatDocument limits, and the whole of it in the file', () => {
    const big: TimelineEntry[] = Array.from({ length: 2000 }, (_, i) =>
      entry(new Date(Date.parse(PAGED_AT) + i * 30_000).toISOString(), i % 2 === 0 ? 'slack' : 'cluster', `${i}: restarted the pods ${'x'.repeat(3000)}`, { author: i % 2 === 0 ? 'U0LEAD' : undefined, important: true }),
    );
    const items = Array.from({ length: 300 }, (_, i) => item(`A${i + 2}`, { text: `follow up ${i} ${'y'.repeat(500)}` }));
    const { summary, markdown } = draft({ timeline: big, actionItems: items });
    expect(summary.length).toBeGreaterThan(1);
    for (const doc of summary) {
      expect(doc.paragraphs.length).toBeLessThanOrEqual(CHAT_DOCUMENT_PARAGRAPHS);
      for (const p of doc.paragraphs) expect(blockStrings([renderBlock(p)]).join('').length).toBeLessThanOrEqual(CHAT_PARAGRAPH_MAX);
    }
    expect(slackText(summary)).toContain('All 2000 entries are in the Markdown file');
    // Every entry is key: each is listed twice, under Key moments and under Full timeline.
    expect(section(markdown, 'Timeline').split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4000);
  });

  it('falls back to UTC for an unknown time zone, and says so', () => {
    const { markdown } = draft({ timeZone: 'Mars/Olympus_Mons' });
    expect(markdown).toContain('| **Times** | in UTC: the time zone "Mars/Olympus\\_Mons" is not one I know |');
    expect(section(markdown, 'Timeline')).toContain('- 09:02 UTC `PD` Triggered in PagerDuty (high urgency)');
  });

  it('says severity is not set and prompts for a summary when there is none', () => {
    const { markdown } = draft({}, { severity: undefined, resolutionSummary: undefined });
    expect(markdown).toContain('| **Severity** | not set |');
    expect(section(markdown, 'Summary')).toMatch(/^_Not written yet: /);
    const written = draft({}, { resolutionSummary: 'Rolled back <https://github.com/acme/pay/pull/812|#812>; 5xx stopped.' });
    expect(section(written.markdown, 'Summary').split('\n')[0]).toBe('Rolled back \\#812; 5xx stopped.');
  });
});
