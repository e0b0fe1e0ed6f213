/**
 * A warning the Ready pods keep logging: the same warning-level line telling of a refusal or a
 * failure, several times in most replicas' logs and still at their end. Clients log a call that
 * fails at WARN while they retry it (a lock or lease refused, a token or a message rejected, a
 * write conflicting), so the pods stay Ready and no error line is counted (error-line.ts), yet the
 * work they exist for fails. Read only when nothing else was found, so it never outranks a known
 * cause; a deprecation, a one-off start-up warning or a warning in a few lines of one pod is not.
 */
import type { TriageEvidence } from './evidence.js';
import { condenseStructuredLine, findPod } from './evidence-lookup.js';
import type { Finding } from './finding.js';
import { formatKubectl } from './kubectl-command.js';
import { listNodesOf } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';
import { truncate } from '../text.js';

/** A warning-level line in the usual formats: a level word, a JSON or logfmt level, klog's W prefix, a bracketed level. */
const WARN_LEVEL = /\b(?:WARN|WARNING)\b|"(?:level|severity|@l)":\s*"warn(?:ing)?"|\blevel=warn(?:ing)?\b|^W\d{4} \d\d:\d\d:\d\d|\[warn(?:ing)?\]/;
/** What the warning says failed. */
const FAILURE =
  /\b(?:refus\w*|denied|reject\w*|fail(?:s|ed|ure|ing)?|unable|cannot|can't|could not|timed? ?out|invalid|not allowed|forbidden|unauthori[sz]ed|mismatch\w*|conflict\w*|exceeded|expired|lost|corrupt\w*|unavailable)\b/i;
/** A warning of what will change, or that something was skipped on purpose: no failure of the work. */
const ADVISORY = /deprecat|obsolete|will be removed|in a future (?:release|version)|is ignored|ignoring\b/i;

/** A refusal of a caller the line names by its address: the service's own rule working on that caller (a limit, a ban), not the work failing. */
const CALLER_REFUSED = /\b(?:client_?ip|remote_?(?:addr|ip)|source_?ip)[=:]/i;

/** At least this many lines of one pod make it repeated, not a stray one. */
const MIN_PER_POD = 3;
/** It must be most of a pod's last lines: still logged, and what the pod does now. */
const TAIL_LINES = 30;

/** One line's shape: its words with every token that carries a digit (times, ids, addresses, counts) made one. */
export function shapeOf(line: string): string {
  return line.replace(/\S*\d\S*/g, '#').replace(/\s+/g, ' ').trim();
}

/** Whether a line is a warning that reports a failure. */
export function isFailureWarning(line: string): boolean {
  return WARN_LEVEL.test(line) && FAILURE.test(line) && !ADVISORY.test(line) && !CALLER_REFUSED.test(line);
}

interface Repeat {
  shape: string;
  pods: { pod: string; lines: string[] }[];
}

/** The failure warning repeated at the end of the most pods' logs, if at least half the running pods with logs repeat it. */
function findRepeat(ev: TriageEvidence): Repeat | undefined {
  const running = new Set(ev.pods.filter((p) => p.phase === 'Running' && p.ready).map((p) => p.name));
  const logs = ev.logs.filter((l) => running.has(l.pod) && !l.previous);
  const withLogs = new Set(logs.map((l) => l.pod));
  const byShape = new Map<string, Map<string, string[]>>();
  for (const l of logs) {
    const tail = new Set(l.lines.slice(-TAIL_LINES));
    const shapes = new Map<string, string[]>();
    for (const line of l.lines) if (isFailureWarning(line)) shapes.set(shapeOf(line), [...(shapes.get(shapeOf(line)) ?? []), line]);
    for (const [shape, lines] of shapes) {
      // The work stopped: the warning is most of what the pod still logs, not a line among served requests.
      const inTail = lines.filter((x) => tail.has(x)).length;
      if (lines.length < MIN_PER_POD || inTail * 2 < Math.min(tail.size, TAIL_LINES)) continue;
      const pods = byShape.get(shape) ?? new Map<string, string[]>();
      pods.set(l.pod, [...(pods.get(l.pod) ?? []), ...lines]);
      byShape.set(shape, pods);
    }
  }
  const best = [...byShape.entries()].sort((a, b) => b[1].size - a[1].size)[0];
  if (best === undefined || best[1].size * 2 < withLogs.size) return undefined;
  return { shape: best[0], pods: [...best[1].entries()].map(([pod, lines]) => ({ pod, lines })) };
}

export function findRepeatedWarning(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  if (findings.some((f) => f.severity !== 'info')) return [];
  const repeat = findRepeat(ev);
  if (repeat === undefined) return [];
  const pods = repeat.pods.map((p) => p.pod);
  const count = repeat.pods.reduce((n, p) => n + p.lines.length, 0);
  const last = condenseStructuredLine(repeat.pods[0]?.lines.at(-1)?.trim() ?? '');
  const ready = ev.pods.filter((p) => p.phase === 'Running' && p.ready).length;
  const onset = earliest(repeat.pods.flatMap((p) => p.lines.flatMap((l) => readLineTime(l) ?? [])));
  return [{
    id: 'unexplained/repeated-warning',
    kind: 'unexplained',
    title: `${pods.length} of ${ready} ready pods keep logging the same failure at WARN (${count} times, still at the end of their logs): ${truncate(last, 220)}`,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'low',
    evidence: [...repeat.pods.slice(0, 3).map((p) => `${p.pod}: ${p.lines.length} lines like "${truncate(p.lines.at(-1)?.trim() ?? '', 200)}"`)],
    decisive: truncate(last, 300),
    ...(onset !== undefined ? { onset } : {}),
    likelyCause: 'The pods pass their probes, but each keeps logging the same refusal or failure at warning level: a client that retries a call which fails logs it that way, so Kubernetes sees nothing wrong while the work the call does is not done.',
    nextAction: 'Read what the warning says is refused or failing and what changed before its first line (a setting, a credential, the other side it calls); do not call the service healthy meanwhile.',
    confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
    affected: { pods, nodes: listNodesOf(pods.flatMap((p) => findPod(ev, p) ?? [])) },
  }];
}
