/**
 * Was this incident only mitigated? PRODUCT.md: a restart is a mitigation, not a fix. The draft
 * says so when the only things done were restarts, rollbacks, scale-ups or limit bumps, no fix
 * was recorded and nobody recorded a root cause.
 *
 * Read from people's messages, PagerDuty notes and the resolve summary, clause by clause:
 *  - The message classifier decides what was *done*: a clause it calls a hypothesis, a decision
 *    or a root cause ("we should roll back", "let's restart", "caused by the restart") records
 *    nothing, and neither does a question, a negation ("didn't restart", "rollback not needed"),
 *    a plan or a failure ("will restart", "the rollback didn't help").
 *  - Restarts and scaling also happen on their own (pods restart, the HPA scales): those count
 *    only when the classifier sees a person doing them ("restarted the pods", not "pods
 *    restarted 14 times"). Rollbacks, limit bumps and HPA maximums only change when someone
 *    changes them, so a passive "limits raised to 2Gi" counts too.
 *  - Cluster events add scale-ups (a Deployment's ReplicaSet scaled up while no other one was
 *    scaled down: not a rollout) and rollbacks (DeploymentRollback).
 *  - A clause naming a mitigation never counts as a fix ("patched the memory limit" is a bump);
 *    a fix is a code or config fix put in place ("deployed the fix", "patched", "hotfixed").
 */
import type { Incident } from '../incident/incident.js';
import { classifyMessage, normalizeMessage } from '../timeline/classify-message.js';
import type { TimelineEntry } from '../timeline/timeline-entry.js';
import { truncate } from '../text.js';

export type Mitigation = 'restart' | 'rollback' | 'scale-up' | 'limit bump';

export interface MitigationFinding {
  mitigation: Mitigation;
  /** The timeline entry that shows it; absent when it comes from the resolve summary alone. */
  entry?: TimelineEntry | undefined;
  /** The line as evidence, one line. */
  line: string;
}

export interface MitigationReport {
  /** At least one mitigation, no fix and no root cause recorded. */
  mitigationOnly: boolean;
  /** In the order they first happened. */
  mitigations: Mitigation[];
  rootCauseRecorded: boolean;
  /** The lines that show the mitigations, in time order. */
  evidence: string[];
  findings: MitigationFinding[];
  /** Lines that record a real fix (a code or config fix, not a mitigation). */
  fixes: string[];
  /** Timeline entries that state a root cause (what people said, to be confirmed). */
  rootCauseEntries: TimelineEntry[];
}

interface Rule {
  mitigation: Mitigation;
  re: RegExp;
  /** Also happens without anyone doing it: needs the classifier to see an action. */
  selfHappens: boolean;
}

const RAISE = '(?:bump|rais|increas|doubl|lift|upp|patch|set|gave)\\w*';
const RULES: Rule[] = [
  { mitigation: 'rollback', selfHappens: false, re: /\broll(?:ed|ing)? ?back\b|\brollout undo\b|\bundo the rollout\b|\brevert(?:ed|ing|s)?\b|\b(?:went|gone|going|moved|downgraded) back to\b|\bdowngrad(?:e|ed|ing)\b/ },
  { mitigation: 'restart', selfHappens: true, re: /\bre-?start(?:ed|ing|s)?\b|\breboot(?:ed|ing)?\b|\bbounc(?:e|ed|ing)\b|\brecycl(?:e|ed|ing)\b|\b(?:kill(?:ed|ing)?|delet(?:e|ed|ing)|evict(?:ed|ing)?) (?:the |all |all the |a |some )?(?:\S+ )?pods?\b/ },
  { mitigation: 'scale-up', selfHappens: true, re: /\bscal(?:e|ed|ing)(?: \S+)? (?:up|out)\b|\bscal(?:e|ed|ing)\b.*?\bto \d+\b|\bkubectl (?:\S+ )*?scale\b|--replicas[= ]?\d+|\badd(?:ed|ing)? (?:\d+ )?(?:more |extra )?(?:nodes|replicas|pods|capacity|instances)\b|\b(?:increas|rais|doubl|bump)\w* (?:the )?(?:replica(?: count|s)|instances|node count|pod count)\b/ },
  { mitigation: 'scale-up', selfHappens: false, re: new RegExp(`\\b(?:hpa|autoscaler|max ?replicas)\\b.*\\b(?:max(?:imum)?|max ?replicas|ceiling|limit|cap)\\b.*\\b(?:bump|rais|increas|doubl|lift|upp)\\w*|\\b${RAISE} (?:the )?(?:hpa|autoscaler)(?:'s)? ?(?:max(?:imum)?|max ?replicas|ceiling|limit|cap)\\b|\\bmax ?replicas\\b.*\\bto \\d+\\b`) },
  { mitigation: 'limit bump', selfHappens: false, re: new RegExp(`\\b${RAISE}\\b(?: \\S+){0,3}? (?:(?:memory|mem|cpu|heap|resource|container)\\s?)?(?<!rate[- ]?)limits?\\b|\\b${RAISE}\\b(?: \\S+){0,3}? (?:memory|mem|cpu) requests?\\b|\\b${RAISE}\\b(?: \\S+){0,3}? (?:memory|mem|cpu|heap)\\b(?: \\S+){0,3}? to \\d+(?:\\.\\d+)?\\s?(?:gi|mi|gb|mb|g|m|cores?)\\b`) },
  { mitigation: 'limit bump', selfHappens: false, re: /\b(?:memory|mem|cpu|heap|resource) (?:limits?|requests?)\b(?: \S+){0,3}? (?:bumped|raised|increased|doubled|lifted|upped)\b|(?<!rate[- ]?)\blimits? (?:were |was |have been |has been )?(?:bumped|raised|increased|doubled|lifted)\b|\blimits?\b[^.]{0,30}(?:→|->|=>)|\bkubectl (?:\S+ )*?set resources\b|--limits[= ]/ },
];

const FIX: RegExp[] = [
  /\b(?:deploy|ship|push|merg|releas|appl|land)\w* (?:a |an |the |our |my )?(?:hot ?fix|fix|patch|bug ?fix|code fix|proper fix|real fix|permanent fix|correction)\b|\broll(?:ed|ing)? out (?:a |the |our )?(?:hot ?fix|fix|patch)\b/,
  /\b(?:hot ?fix|fix|patch|bug ?fix|code fix)(?: pr| commit)? (?:is |was |has been |got |went )?(?:deployed|shipped|out|live|merged|released|rolled out|applied|landed|in prod|in production)\b/,
  /\bhot ?fixed\b|\bpatched\b/,
  /\bfixed (?:the |a |an |that |this )?(?:\S+ )?(?:bug|code|query|config|configuration|leak|race|regression|typo|deadlock|migration|index|setting|dns|certificate|cert)\b/,
  /\b(?:corrected|repaired) (?:the |a |an )?\S+/,
];

/** Not (yet) done: a plan, a proposal, a possibility or an attempt that failed. */
const NOT_DONE = /\b(?:i'll|i will|we'll|we will|will|going to|gonna|about to|tomorrow|later|next week|plan(?:ned|ning)? to|todo|should|shouldn't|need to|needs to|must|ought to|want to|wants to|suggest\w*|propos\w*|recommend\w*|worth|consider\w*|could|might|may|maybe|perhaps|can|try|trying|failed|fails|didn't (?:work|help)|did not (?:work|help)|no effect|no luck|made (?:it|things) worse|wasn't enough|not enough)\b/;
const SCALE_DOWN = /\bscal\w* (?:\S+ )?(?:down|in)\b/;
// The classifier's negation words (it keeps its own private); "when" and "once" are left out
// because here they mostly tell when something was done ("when we rolled back, errors dropped").
const NEGATION = /^(?:not|no|never|nobody|none|nor|without|cannot|instead|if|unless|whether|before|until|avoid\w*|\w+n't|(?:did|does|do|has|have|had|is|are|was|were|wo|ca|should|would|could|need)nt)$/;
const NEGATION_WINDOW = 4;
const NEGATED_AFTER = /^\W*(?:(?:is|was|were|are|has|have|had|been)\s+)?(?:not|never)\b|^\W*(?:isn't|wasn't|aren't|weren't|hasn't|haven't|won't|didn't|doesn't|don't)\b|^\W*(?:not )?(?:needed|necessary|required)\b/;
const QUESTION_OPENER = /^(?:who|whom|whose|what|what's|whats|why|how|how's|which|any|anyone|anybody|anything)\b|^(?:should|shall|do|does|did|can|could|would|will|is|are|was|were|has|have|had|isn't|didn't|don't|doesn't|wasn't|haven't|hasn't)\s+(?:we|you|i|it|this|that|there|the|a|an|anyone|anybody|someone|somebody|everyone|they|he|she|@person|our|your|their)\b/;
const QUESTION_FILLERS = new Set(['ok', 'okay', 'so', 'and', 'but', 'hey', 'also', 'then', 'btw', 'fyi', '@person']);

const SCALING_SET = /^deployment\/(\S+): ScalingReplicaSet — Scaled (up|down) replica set (\S+?)(?: from \d+)? to (\d+)\b/;
/** A ReplicaSet scaled up this close to another one scaled down is a rollout, not more capacity. */
const ROLLOUT_WINDOW_MS = 10 * 60_000;
const EVIDENCE_MAX = 300;
/** As the classifier: what someone did is said in the first few thousand characters. */
const CLASSIFIED_CHARS = 4000;

export function detectMitigation(entries: TimelineEntry[], incident: Incident): MitigationReport {
  const sorted = [...entries].sort((a, b) => timeOf(a) - timeOf(b));
  const findings: MitigationFinding[] = [];
  const fixes: string[] = [];
  const rootCauseEntries: TimelineEntry[] = [];
  const scalings = readScalings(sorted);
  const startMs = Date.parse(incident.pagerduty?.createdAt ?? incident.createdAt);
  for (const entry of sorted) {
    if (entry.source === 'cluster') {
      // What the cluster did before the incident began (the rollout that set it off) mitigated nothing.
      const mitigation = timeOf(entry) < startMs ? undefined : readClusterEntry(entry, scalings);
      if (mitigation !== undefined) findings.push({ mitigation, entry, line: toLine(entry.text) });
      continue;
    }
    if (entry.source === 'bot') continue;
    const text = entry.source === 'pagerduty' ? entry.text.replace(/^Note(?: by [^:]*)?:\s*/, '') : entry.text;
    if (classifyMessage(text).kind === 'root-cause') rootCauseEntries.push(entry);
    const read = readMessage(text);
    for (const mitigation of read.mitigations) findings.push({ mitigation, entry, line: toLine(text) });
    if (read.fix) fixes.push(toLine(text));
  }
  // The resolve summary is usually on the timeline already ("Resolved by … Summary: …").
  const summary = incident.resolutionSummary?.trim();
  let summaryStatesCause = false;
  if (summary !== undefined && summary !== '' && !entries.some((e) => e.text.includes(summary))) {
    const read = readMessage(summary);
    const line = toLine(`Resolution summary: ${summary}`);
    for (const mitigation of read.mitigations) findings.push({ mitigation, line });
    if (read.fix) fixes.push(line);
    summaryStatesCause = classifyMessage(summary).kind === 'root-cause';
  }
  const mitigations = [...new Set(findings.map((f) => f.mitigation))];
  const rootCauseRecorded = (incident.rootCause?.trim() ?? '') !== '' || rootCauseEntries.length > 0 || summaryStatesCause;
  return {
    mitigationOnly: mitigations.length > 0 && !rootCauseRecorded && fixes.length === 0,
    mitigations,
    rootCauseRecorded,
    evidence: [...new Set(findings.map((f) => f.line))],
    findings,
    fixes,
    rootCauseEntries,
  };
}

/** What one message records as done: mitigations, or else a fix. */
function readMessage(text: string): { mitigations: Mitigation[]; fix: boolean } {
  const mitigations = new Set<Mitigation>();
  let fix = false;
  for (const sentence of splitSentences(normalizeMessage(text).slice(0, CLASSIFIED_CHARS))) {
    if (isQuestion(sentence)) continue;
    for (const clause of splitClauses(sentence)) {
      const read = readClause(clause);
      for (const m of read.mitigations) mitigations.add(m);
      fix ||= read.fix;
    }
  }
  return { mitigations: [...mitigations], fix };
}

function readClause(clause: string): { mitigations: Mitigation[]; fix: boolean } {
  const none = { mitigations: [], fix: false };
  const kind = classifyMessage(clause).kind;
  if (kind === 'hypothesis' || kind === 'decision' || kind === 'root-cause' || NOT_DONE.test(clause)) return none;
  const acted = kind === 'action' || kind === 'mitigation';
  const found = new Set<Mitigation>();
  for (const rule of RULES) {
    if (found.has(rule.mitigation) || (rule.selfHappens && !acted)) continue;
    if (rule.mitigation === 'scale-up' && SCALE_DOWN.test(clause)) continue;
    if (matchesUnnegated(clause, rule.re)) found.add(rule.mitigation);
  }
  if (found.size > 0) return { mitigations: [...found], fix: false };
  return { mitigations: [], fix: FIX.some((re) => matchesUnnegated(clause, re)) };
}

interface Scaling {
  entry: TimelineEntry;
  deployment: string;
  direction: 'up' | 'down';
  replicaSet: string;
  ms: number;
}

interface Scalings {
  all: Scaling[];
  byEntry: Map<TimelineEntry, Scaling>;
  /** Rollouts a triage read from the revision history: a ReplicaSet scaled up with one is that rollout. */
  rollouts: TimelineEntry[];
}

function readScalings(entries: TimelineEntry[]): Scalings {
  const all = entries.flatMap((entry) => {
    const m = entry.source === 'cluster' ? SCALING_SET.exec(entry.text) : null;
    if (m === null) return [];
    const [, deployment = '', direction, replicaSet = ''] = m;
    return [{ entry, deployment, direction: direction === 'up' ? 'up' : 'down', replicaSet, ms: timeOf(entry) } satisfies Scaling];
  });
  return { all, byEntry: new Map(all.map((s) => [s.entry, s])), rollouts: entries.filter((e) => e.rollout !== undefined) };
}

function readClusterEntry(entry: TimelineEntry, scalings: Scalings): Mitigation | undefined {
  if (/^deployment\/\S+: DeploymentRollback\b/.test(entry.text)) return 'rollback';
  const up = scalings.byEntry.get(entry);
  if (up === undefined || up.direction !== 'up') return undefined;
  const rollout =
    scalings.all.some((s) => s.deployment === up.deployment && s.direction === 'down' && s.replicaSet !== up.replicaSet && Math.abs(s.ms - up.ms) <= ROLLOUT_WINDOW_MS) ||
    scalings.rollouts.some((r) => r.rollout?.workload === `deployment/${up.deployment}` && Math.abs(timeOf(r) - up.ms) <= ROLLOUT_WINDOW_MS);
  return rollout ? undefined : 'scale-up';
}

function matchesUnnegated(clause: string, re: RegExp): boolean {
  const m = re.exec(clause);
  if (m === null) return false;
  const before = wordsOf(clause.slice(0, m.index)).slice(-NEGATION_WINDOW);
  const inside = wordsOf(m[0]);
  if ([...before, ...inside].some((w) => NEGATION.test(w))) return false;
  if (/\binstead of\s*$|\byet to\s*$|\bhold off on\s*$/.test(clause.slice(0, m.index))) return false;
  return !NEGATED_AFTER.test(clause.slice(m.index + m[0].length));
}

// Sentences and clauses are cut where the classifier cuts them, so each clause gets the
// classifier's own verdict.
function splitSentences(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[,;(]|\s[-–—]\s|\s(?:and|but|though|although|since|because|so|then)\s/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function isQuestion(sentence: string): boolean {
  if (/\?[\s!?.)]*$/.test(sentence)) return true;
  const words = sentence.split(/\s+/);
  while (words.length > 0 && QUESTION_FILLERS.has(words[0]!.replace(/[^\w@']+$/, ''))) words.shift();
  return QUESTION_OPENER.test(words.join(' '));
}

function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\w@']+|[^\w']+$/g, ''))
    .filter((w) => w.length > 0);
}

function toLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return truncate(line, EVIDENCE_MAX);
}

/** Entries whose time does not parse go last. */
function timeOf(entry: TimelineEntry): number {
  const ms = Date.parse(entry.at);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}
