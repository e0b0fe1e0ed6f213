/**
 * The triage summary as it must fit one screen (issue 10): the verdict line (mechanism, trigger,
 * scope), the decisive evidence quoted, the next safe action with its kubectl, at most two
 * further findings, what was read in one line, and what could not be read. Pieces of the report,
 * never new claims: the verdict line is the headline, split where the diagnosis joined it.
 */
import { clipAround } from './collapse-events.js';
import { CHANGE_KINDS } from './finding.js';
import type { Severity } from './finding.js';
import { localizeUtcClocks } from './time-span.js';
import type { TriageReport } from './triage-report.js';

export interface TriageSummary {
  /** The headline without the action (shown apart) and without the quote (shown whole below). */
  verdictLine: string;
  /** The decisive evidence as the cluster gave it: the log line, the event, the exit. */
  evidence?: string;
  action?: { text: string; command?: string; commandIs: 'action' | 'check' };
  /** Further findings, one line each. */
  others: { severity: Severity; title: string }[];
  /** Findings left to the thread. */
  moreInThread: number;
  /** "Read 6 pods, 41 events, logs of 3 containers, 2 nodes · 0.8 s". */
  readLine: string;
  /** "events of pods (timeout)": every read that failed, by name (details in the thread). */
  couldNotRead: string[];
}

/** How much of each part the summary keeps; the renderer tightens these until it fits. */
export interface SummaryLimits {
  verdictMax: number;
  evidenceMax: number;
  others: number;
  titleMax: number;
}
export const SUMMARY_LIMITS: SummaryLimits = { verdictMax: 600, evidenceMax: 300, others: 2, titleMax: 160 };

function clip(text: string, max: number): string {
  return clipAround(text.replace(/\s+/g, ' ').trim(), max);
}

/** As diagnose() ends a sentence, so its action can be found at the end of the headline. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

export function summarizeTriage(report: TriageReport, limits: SummaryLimits = SUMMARY_LIMITS): TriageSummary {
  const d = report.diagnosis;
  const mechanism = d?.mechanism ?? (report.verdict === 'problems' ? report.findings[0] : undefined);
  let verdictLine = report.headline;
  let action: TriageSummary['action'];
  if (d) {
    const tail = ` ${sentence(d.action)}`;
    if (verdictLine.endsWith(tail) && verdictLine.length > tail.length) verdictLine = verdictLine.slice(0, -tail.length);
    const command = d.actionCommand ?? d.confirm[0];
    action = { text: d.action, ...(command ? { command } : {}), commandIs: d.actionCommand ? 'action' : 'check' };
  } else if (mechanism) {
    action = { text: mechanism.nextAction, ...(mechanism.confirmCommands[0] ? { command: mechanism.confirmCommands[0] } : {}), commandIs: 'check' };
  }

  let evidence: string | undefined;
  if (mechanism) {
    const decisive = mechanism.decisive?.replace(/\s+/g, ' ').trim();
    // The headline quotes the decisive line clipped; the summary quotes it on its own line instead.
    const quoted = decisive ? ` — "${clipAround(decisive, 170)}"` : undefined;
    if (quoted && verdictLine.includes(quoted)) verdictLine = verdictLine.replace(quoted, '');
    const inLine = (s: string) => verdictLine.includes(s);
    evidence = decisive && !inLine(decisive) ? decisive : mechanism.evidence.find((e) => !inLine(e));
  }

  const shown = new Set([mechanism?.id]);
  const candidates = report.findings.filter(
    (f) =>
      !shown.has(f.id) &&
      !(mechanism && f.explainedBy?.includes(mechanism.id)) &&
      // The trigger is in the verdict line already ("Since revision 14 …").
      !(d && d.trigger.kind !== 'none' && CHANGE_KINDS.has(f.kind)) &&
      !report.headline.includes(f.title),
  );
  const others = candidates.slice(0, limits.others).map((f) => ({ severity: f.severity, title: localizeUtcClocks(clip(f.title, limits.titleMax)) }));
  // Symptoms folded into the mechanism and the trigger already in the verdict line are not "more".
  const left = candidates.length - others.length;

  return {
    // Clipped first, then localized: a cut never falls inside a time marker.
    verdictLine: localizeUtcClocks(clip(verdictLine, limits.verdictMax)),
    ...(evidence ? { evidence: clip(evidence, limits.evidenceMax) } : {}),
    ...(action ? { action: { ...action, text: localizeUtcClocks(clip(action.text, limits.verdictMax)) } } : {}),
    others,
    moreInThread: Math.max(0, left),
    readLine: formatReadLine(report),
    couldNotRead: report.couldNotRead.filter((f) => f.reason !== 'skipped').map((f) => `${f.what} (${f.reason})`),
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the verdict rests on, in one line; a source that failed is left out (it is in "could not read"). */
export function formatReadLine(report: TriageReport): string {
  const r = report.reads;
  const parts: string[] = [];
  const w = r.workload;
  if (w) parts.push(`${w.kind} ${w.ready}/${w.desired} ready${w.revision !== undefined ? ` (revision ${w.revision})` : ''}`);
  if (r.pods !== undefined) parts.push(r.podsTotal !== undefined && r.podsTotal > r.pods ? `${r.pods} of ${r.podsTotal} pods` : plural(r.pods, 'pod'));
  if (r.events !== undefined) parts.push(plural(r.events, 'event'));
  if (r.logs !== undefined) parts.push(r.logs === 0 ? 'no container logs' : `logs of ${plural(r.logs, 'container')}`);
  if (r.nodes !== undefined) parts.push(plural(r.nodes, 'node'));
  if (r.revisions !== undefined) parts.push(plural(r.revisions, 'revision'));
  if (r.services !== undefined) parts.push(plural(r.services, 'Service'));
  if (r.pvcs !== undefined) parts.push(plural(r.pvcs, 'PVC'));
  const what = parts.length > 0 ? `Read ${parts.join(', ')}` : 'Read nothing';
  return `${what} · ${(report.durationMs / 1000).toFixed(1)} s · read-only`;
}
