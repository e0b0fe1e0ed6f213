/**
 * The evidence behind a triage, as an SRE's notes in the summary's thread: one reply per kind of
 * evidence — the findings in detail, the logs, the events, the rollout, pods and nodes, the
 * Services, what changed, what could not be read. Identical log tails are shown once, routine
 * Normal events are counted rather than listed, long lists are counted with the first few named,
 * and no reply is longer than REPLY_MAX. When the raw evidence is longer than the thread shows,
 * it comes whole as one file.
 */
import { chatLength, packInlineLines, packLines, splitBySize, splitGroupsBySize } from '../chat-document.js';
import { code as codeSpan, em, strong } from '../document.js';
import type { Inline } from '../document.js';
import type { ChatDocument } from '../ports.js';
import { readerTime } from '../time-ref.js';
import { toMessageShape } from './collapse-events.js';
import { buildEvidenceFile } from './evidence-file.js';
import { localizeUtcClocks } from './time-span.js';
import type { TriageReport, TriageSections } from './triage-report.js';

/** Characters of one thread reply, title included: one screen, never a wall. */
export const REPLY_MAX = 3000;
/** Room a paragraph gets inside a reply (title and formatting take the rest). */
const PARAGRAPH_ROOM = 2400;
/** Longest line of evidence shown in the thread; the file has it whole. */
const LINE_MAX = 300;
/** A list longer than this is counted, with the first few named. */
const LIST_MAX = 8;
const NAMED = 3;
/** Raw evidence longer than this (characters) is also attached as a file. */
export const RAW_FILE_MIN = 3000;

/** Controller chatter of a healthy rollout: counted, not listed among what went wrong. */
export const ROUTINE_REASONS: ReadonlySet<string> = new Set(['Pulled', 'Pulling', 'Created', 'Started', 'Scheduled', 'SuccessfulCreate', 'SuccessfulDelete']);
/** Routine too, but each says how many replicas were asked for ("from 40 to 300"): listed apart, last. */
const SCALING_REASONS: ReadonlySet<string> = new Set(['ScalingReplicaSet', 'SuccessfulRescale']);

export interface EvidenceThread {
  documents: ChatDocument[];
  /** The raw evidence whole, when the thread shows less of it. */
  file?: { title: string; content: string };
}

function clipLine(line: string): string {
  // A cut never leaves half a time marker or an unclosed code span.
  if (line.length <= LINE_MAX) return line;
  const cut = line.slice(0, LINE_MAX - 2).replace(/⟦[^⟧]*$/, '');
  return (cut.split('`').length % 2 === 0 ? `${cut}…\`` : `${cut}…`);
}

function reply(title: string, paragraphs: ChatDocument['paragraphs']): ChatDocument[] {
  return splitBySize(title, paragraphs, REPLY_MAX);
}

function text(lines: Inline[]): ChatDocument['paragraphs'] {
  return packInlineLines(lines.map(clipInline), PARAGRAPH_ROOM);
}

function clipInline(line: Inline): Inline {
  if (typeof line === 'string') return clipLine(line);
  if (typeof line === 'object' && 'strong' in line && typeof line.strong === 'string') return strong(clipLine(line.strong));
  return line;
}

function code(lines: string[]): ChatDocument['paragraphs'] {
  return packLines(lines.map(clipLine), 'code', PARAGRAPH_ROOM);
}

/** "a, b, c and 197 more" */
function nameFew(names: string[]): string {
  return names.length <= NAMED ? names.join(', ') : `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`;
}

export function buildEvidenceThread(report: TriageReport): EvidenceThread {
  const file = buildEvidenceFile(report);
  const attached = chatLength(file.content) > RAW_FILE_MIN;
  const s = report.sections;
  const docs: ChatDocument[] = [
    ...findingsReply(report),
    ...logsReply(s, attached),
    ...eventsReply(s, attached),
    ...rolloutReply(s),
    ...placementReply(s, report.reads.podCensus),
    ...servicesReply(s),
    ...changesReply(s),
    ...unreadReply(report),
  ];
  return { documents: docs, ...(attached ? { file } : {}) };
}

/** A clock as a log or the API wrote it ("03:12:41.700 UTC", "2026-11-21T00:00:00Z"). */
const RAW_TIME = /\bUTC\b|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Evidence quoting raw text with its own clock is shown as code: the reader sees it is quoted, not our time. */
function quoteRaw(line: string): Inline {
  return RAW_TIME.test(line) ? codeSpan(clipLine(line)) : line;
}

function findingsReply(report: TriageReport): ChatDocument[] {
  if (report.findings.length === 0) return [];
  return reply(
    'Findings in detail',
    report.findings.flatMap((f, i) => [
      ...text([
        strong(`${i + 1}. ${localizeUtcClocks(f.title)}`),
        em(`${f.layer} · ${f.severity} · ${f.confidence} confidence`),
        ...f.evidence.map((e): Inline => ['• ', quoteRaw(e)]),
        `Why: ${localizeUtcClocks(f.likelyCause)}`,
        `Next: ${localizeUtcClocks(f.nextAction)}`,
        ...(f.explains && f.explains.length > 0 ? [`Also explains: ${localizeUtcClocks(f.explains.join('; '))}`] : []),
      ]),
      ...code(f.confirmCommands),
    ]),
  );
}

/** Replies of log tails at most; the others are named, and whole in the attached file. */
const LOG_REPLIES = 2;

/**
 * Tails that say the same thing once: pods of one revision crash alike, their lines differing
 * only in timestamps, addresses and counters. Crashed runs first: they say why it died.
 */
function logsReply(s: TriageSections, attached: boolean): ChatDocument[] {
  const groups = new Map<string, TriageSections['logs']>();
  const ordered = [...s.logs.filter((l) => l.previous), ...s.logs.filter((l) => !l.previous)].filter((l) => l.lines.length > 0);
  // Empty tails say one thing together: these containers wrote nothing.
  const silent = s.logs.filter((l) => l.lines.length === 0).map((l) => `${l.pod}/${l.container}${l.previous ? ' (previous run)' : ''}`);
  for (const log of ordered) {
    const key = `${log.container}\u0000${log.previous}\u0000${log.lines.map((l) => toMessageShape(l)).join('\n')}`;
    groups.set(key, [...(groups.get(key) ?? []), log]);
  }
  const units = [...groups.values()].map((logs) => {
    const first = logs[0]!;
    const run = first.previous ? 'previous run' : 'current run';
    const tail = first.omitted > 0 ? `, last ${first.lines.length} lines` : '';
    const exact = logs.every((l) => l.lines.join('\n') === first.lines.join('\n'));
    const same = logs.length > 1 ? ` — same on ${logs.length} pods${exact ? '' : ' (times and numbers aside)'}: ${nameFew(logs.map((l) => l.pod))}` : '';
    return { logs, paragraphs: [...text([[strong(`${first.pod}/${first.container}`), ` (${run}${tail})${same}`]]), ...code(first.lines)] };
  });
  if (silent.length > 0) units.push({ logs: [], paragraphs: text([`No output from ${nameFew(silent)}.`]) });
  let docs = splitGroupsBySize('Logs', units.map((u) => u.paragraphs), REPLY_MAX);
  if (!attached || docs.length <= LOG_REPLIES) return docs;
  // Keep the first tails that fit the replies allowed; name the rest.
  let kept = units.length;
  while (kept > 1 && splitGroupsBySize('Logs', units.slice(0, kept).map((u) => u.paragraphs), REPLY_MAX).length > LOG_REPLIES - 1) kept--;
  const rest = units.slice(kept).flatMap((u) => u.logs.map((l) => `${l.pod}/${l.container}${l.previous ? ' (previous run)' : ''}`));
  const note = text([`Logs of ${rest.length} more container${rest.length === 1 ? '' : 's'} in the attached file: ${nameFew(rest)}.`]);
  docs = splitGroupsBySize('Logs', [...units.slice(0, kept).map((u) => u.paragraphs), note], REPLY_MAX);
  return docs;
}

function eventsReply(s: TriageSections, attached: boolean): ChatDocument[] {
  if (s.events.length === 0) return [];
  const line = (e: TriageSections['events'][number]) => `${e.object}: ${e.line}`;
  const warnings = s.events.filter((e) => e.type === 'Warning');
  const notable = s.events.filter((e) => e.type === 'Normal' && !ROUTINE_REASONS.has(e.reason) && !SCALING_REASONS.has(e.reason));
  const scaling = s.events.filter((e) => e.type === 'Normal' && SCALING_REASONS.has(e.reason));
  const routine = s.events.filter((e) => e.type === 'Normal' && ROUTINE_REASONS.has(e.reason));
  const reasons = [...new Set(routine.map((e) => e.reason))];
  return reply('Events (repeats collapsed)', [
    ...(warnings.length > 0 ? [{ heading: 'Warnings' }, ...code(warnings.map(line))] : text(['No warning events.'])),
    ...(notable.length > 0 ? [{ heading: 'Other events' }, ...code(notable.map(line))] : []),
    ...(scaling.length > 0 ? [{ heading: 'Scaling' }, ...code(scaling.map(line))] : []),
    ...(routine.length > 0 ? text([`${routine.length} routine event${routine.length === 1 ? '' : 's'} left out (${reasons.join(', ')})${attached ? '; the attached file lists them' : ''}.`]) : []),
  ]);
}

function rolloutReply(s: TriageSections): ChatDocument[] {
  if (s.rollout.length === 0) return [];
  const shown = s.rollout.slice(0, LIST_MAX);
  const lines = shown.flatMap((r) => [
    `revision ${r.revision}${r.current ? ' (current)' : ''}  ${r.name}  created ${readerTime(r.createdAt)} (${r.age} ago)${r.replicas !== undefined ? `  replicas=${r.replicas}` : ''}`,
    `  images: ${r.images.join(', ')}`,
    ...(r.changeCause !== undefined ? [`  change-cause: ${r.changeCause}`] : []),
    ...r.changes.map((c) => `  ${c}`),
  ]);
  if (s.rollout.length > shown.length) lines.push(`… ${s.rollout.length - shown.length} older revisions`);
  return reply('Rollout history', code(lines));
}

/** Pods by node, then the nodes: where it runs. Many pods alike are counted, the first few named. */
function placementReply(s: TriageSections, census: string | undefined): ChatDocument[] {
  const counted = census !== undefined ? text([`All ${census}; below, the ${s.podsByNode.reduce((n, g) => n + g.pods.length, 0)} least healthy.`]) : [];
  const paragraphs = s.podsByNode.flatMap((group) => {
    const head = text([[strong(group.node ?? 'not scheduled'), ` — ${group.nodeStatus}${group.pods.length > LIST_MAX ? ` (${group.pods.length} pods)` : ''}`]]);
    if (group.pods.length <= LIST_MAX) {
      return [...head, ...code(group.pods.map((p) => `${p.name}  ${p.ready ? 'ready' : 'NOT ready'}  restarts=${p.restarts}${p.revision !== undefined ? `  rev=${p.revision}` : ''}  ${p.status}`))];
    }
    const byStatus = new Map<string, string[]>();
    for (const p of group.pods) byStatus.set(p.status, [...(byStatus.get(p.status) ?? []), p.name]);
    const lines = [...byStatus.entries()].sort((a, b) => b[1].length - a[1].length).map(([status, names]) => `${names.length} × ${status}: ${nameFew(names)}`);
    return [...head, ...code(lines)];
  });
  const nodes = s.nodes.slice(0, LIST_MAX).map(
    (n) =>
      `${n.name}  Ready=${n.ready}${n.unschedulable ? '  CORDONED' : ''}${n.problems.length > 0 ? `  problems: ${n.problems.join(', ')}` : ''}` +
      `${n.taints.length > 0 ? `  taints: ${n.taints.join(', ')}` : ''}  allocatable cpu=${n.allocatable.cpu ?? '?'} memory=${n.allocatable.memory ?? '?'}`,
  );
  if (s.nodes.length > LIST_MAX) nodes.push(`… ${s.nodes.length - LIST_MAX} more nodes`);
  return reply('Pods and nodes', [...counted, ...paragraphs, ...(nodes.length > 0 ? [{ heading: 'Nodes' }, ...code(nodes)] : [])]);
}

function servicesReply(s: TriageSections): ChatDocument[] {
  if (s.endpoints.length === 0) return [];
  return reply(
    'Services and endpoints',
    code(s.endpoints.map((e) => `${e.service}${e.selectsWorkload ? '' : '  (does NOT select the workload)'}  ready=${e.ready} notReady=${e.notReady}  ports ${e.ports.join(', ')}`)),
  );
}

function changesReply(s: TriageSections): ChatDocument[] {
  if (s.changes.length === 0) return [];
  return reply('Changed in the namespace (last 24h)', code(s.changes.map((c) => `${c.kind} ${c.name} ${c.what} ${c.age} (${readerTime(c.at)})`)));
}

function unreadReply(report: TriageReport): ChatDocument[] {
  if (report.couldNotRead.length === 0) return [];
  return reply('Could not read', code(report.couldNotRead.map((f) => `${f.what}: ${f.reason} — ${f.detail}`)));
}
