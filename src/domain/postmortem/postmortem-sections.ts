/**
 * The sections of a post-mortem draft, in order, as neutral blocks written with a format:
 * the Markdown file and the Slack summary say the same things. `compact` (Slack) keeps the
 * key moments short and leaves the full timeline to the file.
 */
import { formatSpan, formatSpanLong } from '../text.js';
import { KEY_MOMENTS_FIRST, KEY_MOMENTS_LAST, TIMELINE_TEXT_MAX } from '../timeline/render-timeline.js';
import type { TimelineSource } from '../timeline/timeline-entry.js';
import type { ActionItem } from './action-item.js';
import { isSameDay } from './postmortem-clock.js';
import { CAUSE_CATEGORIES } from './postmortem-facts.js';
import type { Placed, PostmortemFacts } from './postmortem-facts.js';
import type { PostmortemFormat } from './postmortem-format.js';
import { readerTime } from '../time-ref.js';

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'banner'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'checklist'; items: { checked: boolean; text: string }[] }
  /** Label/value pairs: a two-column table in Markdown, lines led by the label in bold in the chat. */
  | { kind: 'fields'; pairs: [string, string][] }
  /** Cells already written with the format. */
  | { kind: 'table'; header: string[]; rows: string[][] };

const SOURCE_LABEL: Record<TimelineSource, string> = { pagerduty: 'PD', bot: 'bot', slack: 'slack', cluster: 'k8s' };
/** A fast acknowledgement is one inside the first five minutes of the page. */
const FAST_ACK_MS = 5 * 60_000;
const FAST_TRIAGE_MS = 10 * 60_000;
const WHYS = 5;
/** Hints quote at most this many messages each; the timeline has them all. */
const LISTED_MAX = 10;

export function writeSections(f: PostmortemFacts, fmt: PostmortemFormat, compact: boolean): Block[] {
  const h = (text: string, level: 2 | 3 = 2): Block => ({ kind: 'heading', level, text });
  return [
    { kind: 'fields', pairs: writeFacts(f, fmt) },
    h('Summary'),
    { kind: 'paragraph', text: f.incident.resolutionSummary?.trim() ? fmt.text(f.incident.resolutionSummary) : fmt.em('Not written yet: in two or three sentences, what broke, who was affected, and how service came back.') },
    ...(f.mitigation.mitigationOnly ? [{ kind: 'banner', text: mitigationBanner(f, fmt) } satisfies Block] : []),
    h('Recurrence'),
    { kind: 'paragraph', text: f.recurrence === undefined ? `First recorded incident for ${fmt.text(f.service)}.` : fmt.text(f.recurrence) },
    h('Timeline'),
    ...writeTimeline(f, fmt, compact, h),
    h('Trigger'),
    { kind: 'list', items: writeTrigger(f, fmt) },
    h('Root cause'),
    ...writeRootCause(f, fmt),
    h('Five whys', 3),
    { kind: 'list', ordered: true, items: writeWhys(f, fmt) },
    h('Cause category'),
    { kind: 'checklist', items: CAUSE_CATEGORIES.map((c) => ({ checked: f.suggestedCategory?.category === c, text: f.suggestedCategory?.category === c ? `${c} — ${fmt.em(`suggested: ${f.suggestedCategory.reason}; confirm or untick`)}` : c })) },
    h('What worked'),
    { kind: 'list', items: writeWorked(f, fmt) },
    h('What did not'),
    { kind: 'list', items: writeDidNot(f, fmt) },
    h('Action items'),
    ...writeActionItems(f, fmt),
  ];
}

export function mitigationBanner(f: PostmortemFacts, fmt: PostmortemFormat): string {
  return `⚠️ ${fmt.strong(`This incident was mitigated (${f.mitigation.mitigations.join(', ')}) — the root cause is still open.`)} Restoring service is not fixing it.`;
}

function writeFacts(f: PostmortemFacts, fmt: PostmortemFormat): [string, string][] {
  const { incident, clock } = f;
  const pd = incident.pagerduty;
  const pairs: [string, string][] = [
    ['Date', Number.isNaN(f.startMs) ? 'unknown' : readerTime(f.startMs, 'date')],
    ['Severity', incident.severity === undefined ? 'not set' : `SEV${incident.severity}`],
    ['Duration', writeDuration(f)],
    ['Owner', f.owner === undefined ? `nobody yet: name a lead with ${fmt.code('/incident lead @someone')}` : `${fmt.mention(f.owner.userId)} (${f.owner.role})`],
    ['Status', f.postmortemItem === undefined ? 'Draft' : `Draft — due ${formatDue(f.postmortemItem, f, fmt)}`],
  ];
  if (pd !== undefined) {
    const details = [pd.priority, pd.urgency === undefined ? undefined : `${pd.urgency} urgency`, `service ${pd.service.name}`].filter((d) => d !== undefined);
    pairs.push(['PagerDuty', `${fmt.link(pd.htmlUrl, pd.number > 0 ? `#${pd.number}` : pd.id)} · ${fmt.text(details.join(' · '))}`]);
  } else {
    pairs.push(['PagerDuty', 'none: declared in Slack']);
  }
  if (incident.services.length > 0) pairs.push(['Services', fmt.text(incident.services.join(', '))]);
  if (clock.unknownZone !== undefined) pairs.push(['Times', `in UTC: the time zone "${fmt.text(clock.unknownZone)}" is not one I know`]);
  return pairs;
}

function writeDuration(f: PostmortemFacts): string {
  const start = f.incident.source === 'pagerduty' ? 'first page' : 'declared';
  if (Number.isNaN(f.startMs)) return f.endMs === undefined ? 'still open' : 'unknown (no start time)';
  const withDay = f.endMs !== undefined && !isSameDay(f.clock, f.startMs, f.endMs);
  const from = `${start} ${readerTime(f.startMs, withDay ? 'datetime' : 'time')}`;
  if (f.endMs === undefined) return `still open (${from})`;
  return `${formatSpanLong(Math.max(0, f.endMs - f.startMs))} (${from} → resolved ${readerTime(f.endMs, withDay ? 'datetime' : 'time')})`;
}

function writeTimeline(f: PostmortemFacts, fmt: PostmortemFormat, compact: boolean, h: (t: string, l?: 2 | 3) => Block): Block[] {
  const key = f.entries.filter((p) => p.entry.important === true);
  const max = compact ? TIMELINE_TEXT_MAX : undefined;
  const keyLines = key.map((p) => writeEntry(f, fmt, p, max));
  const dated = f.entries.filter((p) => !Number.isNaN(p.ms));
  // Slack draws each time in its reader's zone; the file, read anywhere, has UTC.
  const zone = dated.length === 0 ? '' : fmt.kind === 'slack' ? ' · times in your time zone' : ' · times in UTC';
  const intro = `${f.entries.length} ${f.entries.length === 1 ? 'entry' : 'entries'}, ${key.length} key${zone}.`;
  if (f.entries.length === 0) return [{ kind: 'paragraph', text: 'Nothing was recorded on the timeline.' }];
  const shown = compact && keyLines.length > KEY_MOMENTS_FIRST + KEY_MOMENTS_LAST
    ? [...keyLines.slice(0, KEY_MOMENTS_FIRST), fmt.em(`… ${keyLines.length - KEY_MOMENTS_FIRST - KEY_MOMENTS_LAST} more key moments in the file …`), ...keyLines.slice(-KEY_MOMENTS_LAST)]
    : keyLines;
  return [
    { kind: 'paragraph', text: intro },
    h('Key moments', 3),
    keyLines.length === 0 ? { kind: 'paragraph', text: fmt.em('None marked: decisions, actions and hypotheses show here.') } : { kind: 'list', items: shown },
    h('Full timeline', 3),
    compact
      ? { kind: 'paragraph', text: `All ${f.entries.length} entries are in the Markdown file, and in ${fmt.code('/incident timeline')}.` }
      : { kind: 'list', items: f.entries.map((p) => writeEntry(f, fmt, p, undefined)) },
  ];
}

function writeEntry(f: PostmortemFacts, fmt: PostmortemFormat, { entry, ms }: Placed, max: number | undefined): string {
  const when = Number.isNaN(ms) ? '--:--' : readerTime(ms, f.severalDays ? 'datetime' : 'time');
  const author = entry.author === undefined || entry.author === '' ? '' : `${fmt.mention(entry.author)}: `;
  const until = entry.until === undefined ? NaN : Date.parse(entry.until);
  const repeats = entry.count !== undefined && entry.count > 1 ? ` ×${entry.count}${until > ms ? ` over ${formatSpan(until - ms)}` : ''}` : '';
  return `${when} ${fmt.code(SOURCE_LABEL[entry.source])} ${author}${fmt.text(entry.text, max) || '(no text)'}${repeats}`;
}

function writeTrigger(f: PostmortemFacts, fmt: PostmortemFormat): string[] {
  const { incident } = f;
  const pd = incident.pagerduty;
  const at = Number.isNaN(f.startMs) ? '' : ` at ${readerTime(f.startMs, f.severalDays ? 'datetime' : 'time')}`;
  const lines = [
    pd !== undefined
      ? `${fmt.strong('What paged:')} PagerDuty ${pd.number > 0 ? `#${pd.number}` : fmt.text(pd.id)} "${fmt.text(pd.title)}" on ${fmt.text(pd.service.name)}${at}.`
      : `${fmt.strong('Declared:')} "${fmt.text(incident.title)}"${incident.declaredBy ? ` by ${fmt.mention(incident.declaredBy)}` : ''}${at}.`,
  ];
  lines.push(f.firstWarning === undefined ? `${fmt.strong('First cluster warning:')} none recorded.` : `${fmt.strong('First cluster warning:')} ${writeEntry(f, fmt, f.firstWarning, TIMELINE_TEXT_MAX)} — ${fmt.em('to confirm')} that this is where it started.`);
  lines.push(writeRollout(f, fmt));
  lines.push(`${fmt.strong('What set it off:')} ${fmt.em('to confirm')} — a deploy, a config change, a traffic change, a dependency?`);
  return lines;
}

/** The revision, what it changed and when (in the reader's zone; the file has UTC). */
function writeRollout(f: PostmortemFacts, fmt: PostmortemFormat): string {
  const label = fmt.strong('Last rollout before the page:');
  const r = f.rollout;
  if (r.kind === 'no-triage') return `${label} No rollout recorded (no triage ran).`;
  if (r.kind === 'none') return `${label} none in the revision history the triage read.`;
  const what = `revision ${r.rollout.revision} of ${fmt.code(r.rollout.workload)} — ${fmt.text(r.rollout.change, TIMELINE_TEXT_MAX)}, at ${readerTime(r.placed.ms, 'datetime')}`;
  if (Number.isNaN(f.startMs)) return `${label} ${what} — ${fmt.em('to confirm')} whether this change set it off.`;
  const gap = r.placed.ms - f.startMs;
  if (r.kind === 'before') return `${label} ${what} (${gap > 0 ? 'just as the page came' : `${formatSpanLong(-gap)} before the page`}) — ${fmt.em('to confirm')} whether this change set it off.`;
  const when = gap > 0 ? `${formatSpanLong(gap)} after the page` : `${formatSpanLong(-gap)} before the page`;
  return `${fmt.strong('Latest rollout recorded:')} ${what} (${when}): none in the two hours before the page, so probably not what set it off.`;
}

function writeRootCause(f: PostmortemFacts, fmt: PostmortemFormat): Block[] {
  const recorded = f.incident.rootCause?.trim();
  if (recorded) return [{ kind: 'paragraph', text: fmt.text(recorded) }];
  const said = f.mitigation.rootCauseEntries;
  if (said.length > 0) {
    return [
      { kind: 'paragraph', text: `Not confirmed yet. Said during the incident (${fmt.em('to confirm')}):` },
      { kind: 'list', items: [...said.slice(0, LISTED_MAX).map((e) => writeEntry(f, fmt, { entry: e, ms: Date.parse(e.at) }, TIMELINE_TEXT_MAX)), ...(said.length > LISTED_MAX ? [`… and ${said.length - LISTED_MAX} more on the timeline.`] : [])] },
    ];
  }
  const why = f.mitigation.mitigationOnly ? ' Service came back through a mitigation: find the cause before this post-mortem is closed.' : '';
  return [{ kind: 'paragraph', text: `${fmt.strong('Not recorded yet.')}${why}` }];
}

function writeWhys(f: PostmortemFacts, fmt: PostmortemFormat): string[] {
  const pd = f.incident.pagerduty;
  const symptom = pd !== undefined ? `did PagerDuty page for "${fmt.text(pd.title)}"` : `did "${fmt.text(f.incident.title)}" happen`;
  const first = f.firstWarning !== undefined ? `${fmt.em('to confirm')}: ${fmt.text(f.firstWarning.entry.text, TIMELINE_TEXT_MAX)}` : fmt.em('answer from the timeline and the triage');
  const whys = [`${fmt.strong('Why')} ${symptom}? Because: ${first}`];
  for (let i = 2; i <= WHYS; i++) {
    whys.push(`${fmt.strong('Why')} ${i === WHYS ? 'was that possible (keep asking until the answer is a process or a design you can change)' : 'did that happen'}? Because: ${fmt.em('…')}`);
  }
  return whys;
}

function writeWorked(f: PostmortemFacts, fmt: PostmortemFormat): string[] {
  const items: string[] = [];
  const since = (ms: number) => formatSpanLong(Math.max(0, ms - f.startMs));
  if (f.acknowledgedMs !== undefined && f.acknowledgedMs - f.startMs <= FAST_ACK_MS) items.push(`Acknowledged ${since(f.acknowledgedMs)} after the page.`);
  if (f.firstTriage !== undefined && f.firstTriage.ms - f.startMs <= FAST_TRIAGE_MS) items.push(`First triage ${since(f.firstTriage.ms)} after the ${f.incident.source === 'pagerduty' ? 'page' : 'declaration'}.`);
  // One line per message, however many mitigations it names.
  const byLine = new Map<string, { mitigations: string[]; where: string }>();
  for (const finding of f.mitigation.findings) {
    const key = finding.entry?.key ?? `summary:${finding.line}`;
    const seen = byLine.get(key);
    if (seen !== undefined) {
      seen.mitigations.push(finding.mitigation);
      continue;
    }
    const where = finding.entry === undefined ? fmt.text(finding.line, TIMELINE_TEXT_MAX) : writeEntry(f, fmt, { entry: finding.entry, ms: Date.parse(finding.entry.at) }, TIMELINE_TEXT_MAX);
    byLine.set(key, { mitigations: [finding.mitigation], where });
  }
  const lines = [...byLine.values()];
  for (const { mitigations, where } of lines.slice(0, LISTED_MAX)) {
    items.push(`Mitigation (${mitigations.join(', ')}): ${where} — ${fmt.em('to confirm')} that it restored service.`);
  }
  if (lines.length > LISTED_MAX) items.push(`… and ${lines.length - LISTED_MAX} more mitigation messages on the timeline.`);
  if (f.incident.rootCause?.trim()) items.push('The root cause was found and recorded.');
  items.push(fmt.em('What else helped: alerts, dashboards, runbooks, people?'));
  return items;
}

function writeDidNot(f: PostmortemFacts, fmt: PostmortemFormat): string[] {
  const items: string[] = [];
  const since = (ms: number) => formatSpanLong(Math.max(0, ms - f.startMs));
  if (f.acknowledgedMs !== undefined && f.acknowledgedMs - f.startMs > FAST_ACK_MS) items.push(`Acknowledging took ${since(f.acknowledgedMs)}.`);
  if (f.unacknowledged > 0) items.push(`The acknowledgement timed out ${f.unacknowledged === 1 ? 'once' : `${f.unacknowledged} times`}.`);
  if (f.escalations > 0) items.push(`Escalated ${f.escalations === 1 ? 'once' : `${f.escalations} times`} before someone took it.`);
  if (f.firstTriage === undefined) items.push('No triage was recorded.');
  else if (f.firstTriage.ms - f.startMs > FAST_TRIAGE_MS) items.push(`First triage only ${since(f.firstTriage.ms)} after the start.`);
  if (f.mitigation.mitigationOnly) items.push(`Service came back through ${f.mitigation.mitigations.join(', ')}; the root cause was not found.`);
  const unfinished = f.incident.recurrence?.recent.filter((e) => !e.rootCauseRecorded).length ?? 0;
  if (unfinished > 0) items.push(`${fmt.text(f.service)} paged before ${unfinished === 1 ? 'once' : `${unfinished} times`} without a recorded root cause: this may be the same problem again.`);
  if (f.incident.leadSlackId === undefined) items.push('Nobody was named incident lead.');
  items.push(fmt.em('What got in the way: missing alerts, access, unclear ownership, noise?'));
  return items;
}

function writeActionItems(f: PostmortemFacts, fmt: PostmortemFormat): Block[] {
  const rows = f.actionItems.map((item) => [
    fmt.text(item.id, 40),
    item.kind === 'postmortem' ? `${fmt.strong('Post-mortem')}: ${fmt.text(item.text)}` : fmt.text(item.text),
    fmt.mention(item.ownerId),
    formatDue(item, f, fmt),
    item.status === 'done' ? 'done' : Date.parse(item.dueAt) < f.nowMs ? 'open, overdue' : 'open',
  ]);
  const wishes = `${fmt.em('Action items without an owner and a deadline are wishes.')} Add them with ${fmt.code('/incident action @owner <due> <text>')}.`;
  return [
    rows.length === 0 ? { kind: 'paragraph', text: 'None yet.' } : { kind: 'table', header: ['ID', 'Action', 'Owner', 'Due', 'Status'], rows },
    { kind: 'paragraph', text: wishes },
  ];
}

/** A date as it was given ("2026-11-27"); an exact time in the reader's zone. */
function formatDue(item: ActionItem, f: PostmortemFacts, fmt: PostmortemFormat): string {
  if (item.dueKind === 'date' && item.dueDate !== undefined) return fmt.text(item.dueDate, 40);
  const ms = Date.parse(item.dueAt);
  if (Number.isNaN(ms)) return fmt.text(item.dueAt, 40);
  return readerTime(ms, 'datetime');
}
