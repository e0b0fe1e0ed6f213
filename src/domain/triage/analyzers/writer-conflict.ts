/**
 * The workload's transactions deadlock (or fail to serialize) against another writer of the same
 * rows: the database is healthy and aborts one side on purpose. Who else writes those rows, and
 * what changed in how it writes them just before the conflicts began, is the cause: another
 * Deployment of the namespace on the same database whose newest revision came just before the
 * first conflict (writer-conflict.ts). Its rollout is the trigger, so the way out is to move it
 * back (or make both take the rows in one order; a new writer has nothing to move back to, so it
 * is changed or paused); the workload's own revision is not blamed.
 */
import type { TriageEvidence } from '../evidence.js';
import type { RolloutRevisionEvidence } from '../evidence-namespace-rollouts.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { sortRevisions, splitImage } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { type WriterConflict, findWriterConflicts, pickWriterRollout } from '../writer-conflict.js';

function versionOf(r: RolloutRevisionEvidence): string | undefined {
  const image = r.containers[0]?.image;
  const v = image === undefined ? undefined : splitImage(image).version;
  return v === undefined || v === 'latest' || v.startsWith('@') ? undefined : v;
}

/** "app env RECONCILE_ORDER: "a" → "b"" as "RECONCILE_ORDER a → b". */
function compactChange(line: string): string {
  return line.replace(/^\S+ env (?:(added) )?/, (_m, added: string | undefined) => (added ? 'added ' : '')).replace(/"([^"]*)"/g, '$1').replace(/: (?=\S+ → )/, ' ');
}

function describeConflict(c: WriterConflict): { words: string; plural: string } {
  const code = c.code ? ` (${/^\d{4}$/.test(c.code) ? 'error' : 'SQLSTATE'} ${c.code})` : '';
  return c.kind === 'deadlock'
    ? { words: 'deadlock', plural: `deadlocks${code}` }
    : { words: 'fail to serialize', plural: `serialization failures${code}` };
}

/** A driver's exception class before the database's words ("Caused by: com.example.FooRollbackException: "). */
const EXCEPTION_CLASS = /(?:Caused by:\s*)?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error):\s*/;

/** The conflict line as the database worded it: a driver's exception class says nothing the message does not, and its name ("…RollbackException") reads as advice. */
function quoteConflict(line: string): string {
  const plain = condenseStructuredLine(line);
  const m = EXCEPTION_CLASS.exec(plain);
  const rest = m === null ? '' : plain.slice(m.index + m[0].length).trim();
  return rest.length >= 10 ? rest : plain;
}

export function analyzeWriterConflicts(ev: TriageEvidence): Finding[] {
  const c = findWriterConflicts({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt });
  const last = c?.hits[c.hits.length - 1];
  if (c === undefined || last === undefined) return [];
  const now = ev.collectedAt;
  const name = ev.target.name;
  const p = pickWriterRollout(ev, c);
  const pods = unique(c.hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((x) => pods.includes(x.name));
  const ready = podObjects.filter((x) => !isPodFailing(x, now)).length;
  const where = `${c.hits.length} ${describeConflict(c).plural} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const { words } = describeConflict(c);
  const [mine] = sortRevisions(ev.revisions);
  const own = mine ? `revision ${mine.revision}, ${formatAgo(mine.createdAt, now)}` : undefined;
  const changes = p ? p.changes.filter((l) => !/ image /.test(l)).map(compactChange) : [];
  const version = p ? versionOf(p.newest) : undefined;
  const revision = p ? `revision ${p.newest.revision} (${version ? `${version}, ` : ''}${formatAgo(p.newest.createdAt, now)})` : '';
  const changed = changes.length > 0 ? ` changed ${changes.slice(0, 2).join(', ')}` : '';

  // The title names the other writer, never the workload: what to move back is that writer.
  const title = p
    ? `Transactions ${words} with ${p.deployment}'s writes since its ${revision}${changed}: ${where}`
    : `Transactions ${words} against another writer of the same rows: ${where}`;
  const prev = p?.previous;
  const conflicts = describeConflict(c).plural.replace(/ \(.*\)$/, '');
  // A writer with no earlier revision is new: there is nothing to roll back to, so it is paused or changed.
  const fix = p && prev
    ? `roll ${p.deployment} back to revision ${prev.revision}${versionOf(prev) ? ` (${versionOf(prev)})` : ''} to stop the ${conflicts}; then make both writers lock the shared rows in one order and keep ${p.deployment}'s transactions short before it moves again`
    : p
    ? `make ${p.deployment} (a new writer: it has no earlier revision) lock the shared rows in the same order as ${name} and in small batches with short transactions, or pause it (scale it to 0) to stop the ${conflicts} meanwhile; ${name}'s aborted transactions can be retried`
    : `find the other writer of those rows (the database's log DETAIL names both statements) and make both take the rows in one order, in short transactions; retry the aborted transaction meanwhile`;
  return [{
    id: `dependency-error/writer-conflict/${p?.deployment ?? name}`,
    kind: 'dependency-error',
    title,
    ...(p ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: p ? 'high' : 'medium',
    evidence: [
      `${c.hits.length} ${describeConflict(c).plural} in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      // One line of each pod (at most three): each pod's errors are accounted for.
      ...pods.slice(0, 3).map((pod) => `log ${pod}: ${(c.hits.findLast((h) => h.pod === pod)?.line ?? '').slice(0, 300)}`),
      ...(p ? [
        `Deployment ${p.deployment}: revision ${p.newest.revision} (${p.newest.containers.map((x) => x.image).join(', ')}) rolled out ${formatAgo(p.newest.createdAt, now)}${p.newest.changeCause ? ` — ${p.newest.changeCause}` : ''}${prev ? `; revision ${prev.revision} before it` : ''}`,
        ...(p.changes.length > 0 ? [`${p.deployment} revision ${p.newest.revision} changed: ${p.changes.slice(0, 4).join('; ')}`] : []),
        `${p.deployment} writes the same rows: ${p.by ?? 'nearest rollout'}`,
      ] : []),
      ...(own ? [`the workload's own newest revision: ${own}`] : []),
    ],
    decisive: quoteConflict(last.line),
    likelyCause:
      `Two writers take row locks on the same rows in different orders (or hold them longer), so each waits on the other's transaction and the database aborts one of them on purpose; the database itself is healthy. ` +
      (p
        ? `${p.deployment}'s ${revision} came just before the first conflict${changed ? ` and${changed}` : ''}: how it writes changed, while the workload's own code did not${own ? ` (${own})` : ''}.`
        : 'No rollout of another writer on the same database was found just before the first conflict: the other side may be a Job, a manual session, or more load on the same rows.'),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(p ? { outsideWorkload: `${p.deployment}'s revision ${p.newest.revision} changed how it writes the rows both update` } : {}),
    ...(c.onset ? { onset: c.onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      ...(p ? [formatKubectl(ev.target, `rollout history deployment/${p.deployment} --revision=${p.newest.revision}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
