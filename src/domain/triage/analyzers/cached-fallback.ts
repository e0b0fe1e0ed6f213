import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { listCachedFallbackLines } from '../cached-fallback.js';
import { type DependencyProblem, parseDependencyError } from '../dependency-error-line.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';

/** The message of a structured line (logfmt msg="…", JSON "msg"/"message"), else the condensed line. */
const MESSAGE = /\bmsg="((?:[^"\\]|\\.)+)"|"(?:msg|message)"\s*:\s*"((?:[^"\\]|\\.)+)"/;
const MESSAGE_MAX = 90;

/** How the refresh failed, in the words of the note. */
const FAILED_HOW: Partial<Record<DependencyProblem, string>> = { timeout: 'timed out', refused: 'was refused', reset: 'was reset', unreachable: 'found no route', 'dns-missing': 'could not resolve it', 'dns-unavailable': 'could not resolve it' };

interface Fallback {
  log: LogEvidence;
  line: string;
  dependency?: string;
  problem?: DependencyProblem;
}

function messageOf(line: string): string {
  const m = MESSAGE.exec(line);
  const text = (m?.[1] ?? m?.[2] ?? condenseStructuredLine(line)).trim();
  return text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text;
}

/**
 * Background refreshes that failed and fell back to the copy they had (cached-fallback.ts), in
 * the logs of Ready pods whose requests succeed: degraded but serving. Told as a note, one per
 * source, so the warnings are neither taken for the fault nor left unexplained.
 */
export function analyzeCachedFallbacks(ev: TriageEvidence): Finding[] {
  const found: Fallback[] = [];
  const pods: PodEvidence[] = [];
  for (const log of ev.logs) {
    const pod = findPod(ev, log.pod);
    if (log.previous || !pod?.ready || isPodFailing(pod, ev.collectedAt)) continue;
    const lines = listCachedFallbackLines(log.lines);
    for (const i of lines) {
      const line = (log.lines[i] ?? '').trim();
      const error = parseDependencyError(line);
      found.push({ log, line, ...(error?.dependency ? { dependency: error.dependency.replace(/:\d*$/, '') } : {}), ...(error ? { problem: error.problem } : {}) });
    }
    if (lines.size > 0) pods.push(pod);
  }
  const bySource = new Map<string, Fallback[]>();
  for (const f of found) bySource.set(f.dependency ?? '', [...(bySource.get(f.dependency ?? '') ?? []), f]);
  return [...bySource.entries()].map(([source, group]) => {
    const names = unique(group.map((f) => f.log.pod));
    const last = group[group.length - 1] as Fallback;
    const how = (last.problem && FAILED_HOW[last.problem]) ?? 'failed';
    const times = `${group.length} time${group.length === 1 ? '' : 's'}`;
    const where = `${names.length} ready pod${names.length === 1 ? '' : 's'}`;
    const what = source === '' ? `A background refresh ${how} ${times} in ${where}` : `A background refresh from ${source} ${how} ${times} in ${where}`;
    return {
      id: `degraded-fallback/${source || 'refresh'}`,
      kind: 'degraded-fallback',
      title: `${what}; they kept serving their cached copy ("${messageOf(last.line)}"): degraded, not failing`,
      layer: source === '' ? 'container/process' : 'network/routing',
      severity: 'info',
      confidence: 'medium',
      evidence: [
        `${group.length} WARN line${group.length === 1 ? '' : 's'} in ${where} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}), each saying it falls back to the copy it has`,
        'no error line and no request answered 401 or 5xx in the same logs',
        `log ${last.log.pod}: ${last.line}`,
      ],
      decisive: last.line,
      likelyCause: `Each refresh failed and the pods went on with the copy they already held; the requests in the same logs succeed, so nothing is refused now. A cached copy stays right until its source changes what it serves (a rotation, a new version): if the refreshes still fail then, requests start to be refused.`,
      nextAction: `Nothing to fix now. If the warnings grow or persist, check ${source === '' ? 'the source' : source}'s latency and reachability from the pods, and the refresh's timeout, before the source next changes.`,
      fix: 'nothing now; watch the refresh warnings',
      confirmCommands: [formatKubectl(ev.target, `logs ${last.log.pod} -c ${last.log.container} --tail=100`)],
      affected: { pods: names, nodes: listNodesOf(pods.filter((p) => names.includes(p.name))) },
    } satisfies Finding;
  });
}
