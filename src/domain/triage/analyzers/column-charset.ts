/**
 * Writes MySQL refuses with error 1366 "Incorrect string value" (column-charset.ts): the column's
 * character set cannot hold the text, most often an emoji in a utf8 (utf8mb3) column. The server
 * and the pods are healthy; only writes carrying such text fail. The errors date from the pods'
 * start when they came with them, so a release that began writing free text to that column is
 * tested as the trigger; the fix is the column's charset (utf8mb4).
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { readLineTime } from '../request-silence.js';
import { earliest } from '../time-span.js';
import { INCORRECT_STRING_VALUE, describeCharsetGap, fixCharsetGap, readCharsetRefusal } from '../column-charset.js';

/** Refused writes before it counts: one could be a stray byte. */
const MIN_REFUSALS = 2;

export function analyzeColumnCharset(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.filter((l) => !l.previous).flatMap((log) => log.lines.flatMap((line, at) => (INCORRECT_STRING_VALUE.test(line) ? [{ log, line: line.trim(), at }] : [])));
  if (hits.length < MIN_REFUSALS) return [];
  const allLines = unique(hits.map((h) => h.log)).flatMap((l) => l.lines);
  // The column refused most often, read with the statements and migrations of the same logs.
  const byColumn = new Map<string, typeof hits>();
  for (const h of hits) {
    const c = readCharsetRefusal(h.line)?.column ?? '';
    byColumn.set(c, [...(byColumn.get(c) ?? []), h]);
  }
  const mine = [...byColumn.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const last = mine[mine.length - 1];
  const refusal = last ? readCharsetRefusal(last.line, allLines) : undefined;
  if (last === undefined || refusal === undefined || mine.length < MIN_REFUSALS) return [];
  const pods = unique(mine.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  // Ready pods show no failure: the errors date from their start when they came with them, else from the first refusal.
  const onset = findErrorsSinceStart(ev, podObjects) ?? earliest(mine.flatMap((h) => readLineTime(h.line) ?? []));
  const fix = fixCharsetGap(refusal);
  const where = refusal.table ? ` of ${refusal.table}` : '';
  const why =
    refusal.gap === 'four-byte'
      ? `MySQL's utf8 is utf8mb3: it stores at most 3 bytes a character, so 4-byte UTF-8 characters (emoji, some CJK) are refused in strict mode with error 1366, however the connection is set — only utf8mb4 holds them. A column added to a table created long ago in utf8 inherits that charset, so a release that starts accepting free text into it fails on the first emoji a user types.`
      : refusal.gap === 'narrow-charset'
        ? 'The column\'s charset (latin1, ascii) has no code for these characters, so MySQL refuses them in strict mode with error 1366.'
        : 'MySQL reads the bytes in the encoding the connection declares, and these start no character of it: the client sends text in another encoding than it says.';
  return [{
    id: `dependency-error/column-charset/${refusal.table ?? ''}/${refusal.column}`,
    kind: 'dependency-error',
    title: `${describeCharsetGap(refusal)} (error 1366) — ${mine.length} refused writes in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`,
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: 'high',
    evidence: [
      `${mine.length} writes to column ${refusal.column}${where} refused with "Incorrect string value" (error 1366)`,
      // The last refusal of each pod: what the pods log is accounted for, pod by pod.
      ...pods.slice(0, 3).map((p) => `log ${p}: ${(mine.findLast((h) => h.log.pod === p)?.line ?? '').slice(0, 400)}`),
    ],
    decisive: (/Incorrect string value: [^\n"]*?at row \d+|Incorrect string value: '[^']*' for column [^\s"]+/.exec(condenseStructuredLine(last.line))?.[0] ?? condenseStructuredLine(last.line)).slice(0, 200),
    likelyCause: `${why} Only the writes that carry such text fail; other writes, reads, the pods and the server are healthy, and restarting changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.${refusal.gap === 'wrong-encoding' ? '' : ' Keep the connection in utf8mb4 too (charset=utf8mb4), or the driver cannot send those characters.'}`,
    fix,
    latent: 'the column refuses only text with such characters: the fault is there from the start and waits for a user to type one',
    ...(onset ? { onset } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
