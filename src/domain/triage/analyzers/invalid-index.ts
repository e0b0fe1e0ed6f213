/**
 * The workload's statements keep running into their statement timeout, and the database's own log
 * (or a migration Job's) shows a CREATE INDEX CONCURRENTLY that failed, leaving its index INVALID
 * (invalid-index.ts): the planner ignores it, so the queries it was built for scan the table. A
 * retry with IF NOT EXISTS skipped it and reported success. The database is up and right to cancel;
 * the fix is to rebuild the index, not a longer timeout and not a rollback of the client.
 */
import type { LogEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { MIN_CANCELS, STATEMENT_CANCELED } from '../statement-timeout.js';
import { earliest, formatAgo } from '../time-span.js';
import { readInvalidIndexes } from '../invalid-index.js';
import { capitalize } from '../../text.js';

/** Each source of lines that may have logged the build: a database pod, a migration Job's run. */
function listSources(ev: TriageEvidence): { who: string; pod: string; lines: string[] }[] {
  const server = (ev.dependencyPods ?? []).flatMap((d) => [...(d.searched ?? []), ...d.logs].map((l: LogEvidence) => ({ who: `${d.service} pod ${d.pod.name}`, pod: d.pod.name, lines: l.lines })));
  const jobs = [...(ev.failedMigrationLogs ?? []), ...(ev.migrationJobLogs ?? [])].map((j) => ({ who: `Job ${j.job} (pod ${j.pod})`, pod: j.pod, lines: j.lines }));
  return [...server, ...jobs];
}

export function analyzeInvalidIndexes(ev: TriageEvidence): Finding[] {
  const now = ev.collectedAt;
  const own = new Set(ev.pods.map((p) => p.name));
  const hits = ev.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => STATEMENT_CANCELED.test(line)).map((line) => ({ pod: l.pod, line: line.trim(), at: readLogLineTime(line, now) })));
  if (hits.length < MIN_CANCELS) return [];
  const found = listSources(ev).flatMap((s) => readInvalidIndexes(s.lines, now).map((index) => ({ ...index, who: s.who, source: s.pod })));
  const bad = found.sort((a, b) => Number(b.skippedLine !== undefined) - Number(a.skippedLine !== undefined) || (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))[0];
  if (bad === undefined) return [];
  const onset = earliest(hits.map((h) => h.at));
  if (bad.failedAt !== undefined && onset !== undefined && bad.failedAt > onset) return [];
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, now)).length;
  const on = bad.table ? ` on ${bad.table}${bad.columns ? ` (${bad.columns})` : ''}` : '';
  const when = bad.failedAt ? ` ${formatAgo(bad.failedAt, now)}` : '';
  const skipped = bad.skippedLine ? ' and the IF NOT EXISTS retry skipped it' : '';
  const dropped = bad.dropped.length > 0 ? `, after ${bad.dropped.slice(0, 2).join(', ')} was dropped` : '';
  const where = `${hits.length} statement timeouts in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const title = `Queries${bad.table ? ` on ${bad.table}` : ''} scan the table and hit the statement timeout: index ${bad.index} is INVALID since its CREATE INDEX CONCURRENTLY failed (${bad.reason})${when}${skipped}${dropped}: ${where}`;
  const fix = `rebuild the index: DROP INDEX CONCURRENTLY ${bad.index}; then CREATE INDEX CONCURRENTLY ${bad.index}${on || ' …'} again (or REINDEX INDEX CONCURRENTLY ${bad.index}), at a quiet time with nothing else locking the table; check it with SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE NOT indisvalid`;
  return [{
    id: `schema-migration/invalid-index/${bad.index}`,
    kind: 'schema-migration',
    title,
    ...(bad.failedAt ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: bad.skippedLine || bad.dropped.length > 0 ? 'high' : 'medium',
    evidence: [
      `${hits.length} statements cancelled at the statement timeout in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      ...pods.slice(0, 2).map((pod) => `log ${pod}: ${(hits.findLast((h) => h.pod === pod)?.line ?? '').slice(0, 300)}`),
      `${bad.who}: CREATE INDEX CONCURRENTLY ${bad.index} failed${when}: ${bad.failedLine}`,
      ...(bad.skippedLine ? [`${bad.who}: the retry skipped the INVALID index${bad.skippedAt ? ` ${formatAgo(bad.skippedAt, now)}` : ''}: ${bad.skippedLine}`] : []),
      ...(bad.dropped.length > 0 ? [`${bad.who}: dropped before the build: ${bad.dropped.join(', ')}`] : []),
    ],
    decisive: bad.failedLine.slice(0, 200),
    likelyCause:
      `A CREATE INDEX CONCURRENTLY that fails part-way (here: ${bad.reason}) leaves its index ${bad.index} in the catalog marked INVALID: Postgres keeps updating it but the planner never uses it. ` +
      `${bad.skippedLine ? 'The retry ran CREATE INDEX CONCURRENTLY IF NOT EXISTS, which found the name taken, skipped the build and reported success. ' : ''}` +
      `${bad.dropped.length > 0 ? `The index it was to replace (${bad.dropped.join(', ')}) was already dropped, so ` : 'So '}the queries it serves now scan the table and run past the statement timeout; the database is up and right to cancel them.`,
    nextAction: `${capitalize(fix)}. A longer statement timeout or a rollback of the workload would not help.`,
    fix,
    outsideWorkload: `the index is INVALID in the database, whatever revision of the workload queries it`,
    ...(onset ? { onset } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${bad.source} --tail=200`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
