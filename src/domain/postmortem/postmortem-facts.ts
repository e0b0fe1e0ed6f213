/**
 * What a post-mortem draft is filled from, worked out once from the incident, its timeline and
 * its action items: when it started and ended, who owns the write-up, what paged, what was
 * done, how fast the response was. The sections only choose words for these facts.
 */
import { describeRecurrence, serviceName } from '../incident/incident-text.js';
import type { Incident } from '../incident/incident.js';
import type { RolloutRecord, TimelineEntry } from '../timeline/timeline-entry.js';
import type { ActionItem } from './action-item.js';
import { detectMitigation } from './detect-mitigation.js';
import type { MitigationReport } from './detect-mitigation.js';
import { isSameDay, makeClock } from './postmortem-clock.js';
import type { PostmortemClock } from './postmortem-clock.js';
import type { ReadWords } from './postmortem-format.js';

export interface PostmortemInput {
  incident: Incident;
  timeline: TimelineEntry[];
  actionItems: ActionItem[];
  /** The post-mortem's own item: its owner and deadline (five business days by default, set by whoever creates it). */
  postmortemItem?: ActionItem | undefined;
  /** The reader's IANA time zone; an unknown one falls back to UTC and the draft says so. */
  timeZone: string;
  /** When the draft is written: open items past their due are marked overdue. */
  now: Date;
  /** People's names by user id, for the Markdown file (read outside the chat); unknown ids stay ids. */
  userNames?: ReadonlyMap<string, string> | undefined;
  /** How text typed in the chat (titles, summaries, older root causes) reads as plain words (Chat.readText); default: as written. */
  readText?: ReadWords | undefined;
}

/**
 * `before`: the last rollout in the two hours before the page; `other`: the latest one recorded,
 * outside that window; `none`: a triage ran and recorded none; `no-triage`: nothing read the history.
 */
export type RolloutFact =
  | { kind: 'before' | 'other'; placed: Placed; rollout: RolloutRecord }
  | { kind: 'none' }
  | { kind: 'no-triage' };

export const CAUSE_CATEGORIES = ['bug', 'configuration', 'capacity', 'process', 'architecture'] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

export interface Placed {
  entry: TimelineEntry;
  /** NaN when `at` does not parse (such entries go last). */
  ms: number;
}

export interface PostmortemFacts {
  incident: Incident;
  clock: PostmortemClock;
  nowMs: number;
  /** The first page (or the declaration); NaN when unknown. */
  startMs: number;
  /** When it was resolved; undefined while it is open. */
  endMs: number | undefined;
  service: string;
  owner: { userId: string; role: string } | undefined;
  postmortemItem: ActionItem | undefined;
  /** The post-mortem item first, then the others as given. */
  actionItems: ActionItem[];
  /** Every entry in time order; unparsable times last. */
  entries: Placed[];
  /** True when the timeline spans more than one day in the reader's zone: times carry the day. */
  severalDays: boolean;
  mitigation: MitigationReport;
  recurrence: string | undefined;
  firstWarning: Placed | undefined;
  /** The rollout to name as the last change, from what the triages recorded. */
  rollout: RolloutFact;
  acknowledgedMs: number | undefined;
  unacknowledged: number;
  escalations: number;
  firstTriage: Placed | undefined;
  suggestedCategory: { category: CauseCategory; reason: string } | undefined;
}

const WARNING_REASON = /^(?:Failed\w*|\w*BackOff|\w*OOM\w*|Unhealthy|Evict\w*|\w*Eviction\w*|\w*NotReady|\w*Pressure|\w*Insufficient\w*|ErrImagePull|Preempting|ProbeWarning|Rebooted)$/;
const CLUSTER_REASON = /^[\w.-]+\/\S+: (\w+)/;
/** A rollout this long before the page is history, not the trigger. */
const CHANGE_LOOKBACK_MS = 2 * 3_600_000;
/** Clock skew between the cluster and PagerDuty: a rollout this much "after" the page still counts. */
const CHANGE_SKEW_MS = 2 * 60_000;

const CATEGORY_WORDS: Record<CauseCategory, RegExp> = {
  bug: /\b(?:bug|regression|null|nil|exception|panic|race condition|deadlock|leak|off[- ]by[- ]one|code change|bad (?:code|commit|query)|n\+1)\b/,
  configuration: /\b(?:config\w*|misconfigur\w*|setting|env(?:ironment)? var\w*|feature flag|flag|dns|certificate|cert|secret|helm values|values\.yaml)\b/,
  capacity: /\b(?:capacity|traffic (?:spike|surge)|load spike|quota|limits? (?:too low|reached|hit)|too few|under-?provisioned|out of (?:memory|disk|space)|disk full|saturat\w*|exhausted)\b/,
  process: /\b(?:process|runbook|review|manual step|human error|procedure|checklist|untested|no tests?|handoff|hand-off)\b/,
  architecture: /\b(?:architecture|design|single point of failure|spof|coupling|retry storm|thundering herd|cascad\w*)\b/,
};

export function gatherPostmortemFacts(input: PostmortemInput): PostmortemFacts {
  const { incident } = input;
  const clock = makeClock(input.timeZone);
  const entries = sortByTime(input.timeline);
  const startMs = firstPageMs(incident);
  const endMs = incident.status === 'resolved' && incident.resolvedAt !== undefined ? parseMs(incident.resolvedAt) : undefined;
  const dated = entries.filter((p) => !Number.isNaN(p.ms)).map((p) => p.ms);
  const span = [...dated, startMs, ...(endMs === undefined ? [] : [endMs])].filter((ms) => !Number.isNaN(ms));
  const severalDays = span.length > 0 && !isSameDay(clock, Math.min(...span), Math.max(...span));
  const postmortemItem = input.postmortemItem ?? input.actionItems.find((i) => i.kind === 'postmortem');
  const mitigation = detectMitigation(input.timeline, incident);
  const cluster = entries.filter((p) => p.entry.source === 'cluster');
  const fromPagerDuty = (re: RegExp) => entries.filter((p) => p.entry.source === 'pagerduty' && re.test(p.entry.text));
  const service = serviceName(incident);
  const firstTriage = entries.find((p) => p.entry.source === 'bot' && /^Triage of\b/.test(p.entry.text));
  return {
    incident,
    clock,
    nowMs: input.now.getTime(),
    startMs,
    endMs: endMs === undefined || Number.isNaN(endMs) ? undefined : endMs,
    service,
    owner: findOwner(incident, postmortemItem),
    postmortemItem,
    actionItems: postmortemItem === undefined ? input.actionItems : [postmortemItem, ...input.actionItems.filter((i) => i.id !== postmortemItem.id)],
    entries,
    severalDays,
    mitigation,
    recurrence: describeRecurrence(service, incident.recurrence),
    firstWarning: cluster.find((p) => WARNING_REASON.test(CLUSTER_REASON.exec(p.entry.text)?.[1] ?? '')),
    rollout: findRollout(entries, startMs, firstTriage !== undefined),
    acknowledgedMs: fromPagerDuty(/^Acknowledged\b/)[0]?.ms,
    unacknowledged: fromPagerDuty(/^Unacknowledged\b/).length,
    escalations: fromPagerDuty(/^Escalated\b/).length,
    firstTriage,
    suggestedCategory: suggestCategory(incident, mitigation),
  };
}

function findRollout(entries: Placed[], startMs: number, triaged: boolean): RolloutFact {
  const rollouts = entries.flatMap((placed) => (placed.entry.rollout === undefined || Number.isNaN(placed.ms) ? [] : [{ placed, rollout: placed.entry.rollout }]));
  if (rollouts.length === 0) return triaged ? { kind: 'none' } : { kind: 'no-triage' };
  const before = rollouts.filter(({ placed }) => placed.ms <= startMs + CHANGE_SKEW_MS && startMs - placed.ms <= CHANGE_LOOKBACK_MS).at(-1);
  return before !== undefined ? { kind: 'before', ...before } : { kind: 'other', ...rollouts.at(-1)! };
}

/** The post-mortem item's owner; before there is one, the lead, else whoever resolved it. */
function findOwner(incident: Incident, item: ActionItem | undefined): PostmortemFacts['owner'] {
  const userId = item?.ownerId ?? incident.leadSlackId ?? incident.resolvedBy;
  if (userId === undefined || userId === '') return undefined;
  const role = userId === incident.leadSlackId ? 'incident lead' : userId === incident.resolvedBy ? 'resolved it' : 'post-mortem owner';
  return { userId, role };
}

function firstPageMs(incident: Incident): number {
  const paged = parseMs(incident.pagerduty?.createdAt ?? '');
  return Number.isNaN(paged) ? parseMs(incident.createdAt) : paged;
}

/**
 * One category, only when the evidence points at one: the recorded root cause names exactly one,
 * or (with no root cause) everything done was adding capacity. A rollback or a restart alone
 * says nothing about the cause.
 */
function suggestCategory(incident: Incident, mitigation: MitigationReport): PostmortemFacts['suggestedCategory'] {
  const said = [incident.rootCause ?? '', ...mitigation.rootCauseEntries.map((e) => e.text)].join(' ').toLowerCase();
  if (said.trim() !== '') {
    const named = CAUSE_CATEGORIES.filter((c) => CATEGORY_WORDS[c].test(said));
    return named.length === 1 && named[0] !== undefined ? { category: named[0], reason: 'the recorded root cause points this way' } : undefined;
  }
  const { mitigations } = mitigation;
  if (mitigations.length > 0 && mitigations.every((m) => m === 'limit bump' || m === 'scale-up')) {
    return { category: 'capacity', reason: `service came back after ${mitigations.map((m) => (m === 'limit bump' ? 'a limit bump' : 'a scale-up')).join(' and ')}` };
  }
  return undefined;
}

function sortByTime(entries: TimelineEntry[]): Placed[] {
  const placed = entries.map((entry) => ({ entry, ms: parseMs(entry.at) }));
  return placed.sort((a, b) => (Number.isNaN(a.ms) ? Infinity : a.ms) - (Number.isNaN(b.ms) ? Infinity : b.ms) || 0);
}

function parseMs(iso: string): number {
  return Date.parse(iso);
}
