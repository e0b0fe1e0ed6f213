/**
 * The workload's writes time out on a lock (MySQL Error 1205) because a Job of the namespace dumps
 * the same database with a dump that locks it: mysqldump --lock-all-tables holds a global read
 * lock for the whole dump, and without --single-transaction it locks each database's tables in
 * turn (dump-lock.ts). The workload and the database are fine; stopping the run releases the
 * writes, and --single-transaction keeps the next run from locking anything.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { findDumpLock } from '../dump-lock.js';

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function analyzeDumpLock(ev: TriageEvidence): Finding[] {
  const found = findDumpLock(ev);
  if (found === undefined) return [];
  const { job, tool, scope, flag, server, waits } = found;
  const now = ev.collectedAt;
  const pods = unique(waits.map((w) => w.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => isPodFailing(p, now)).length;
  const owner = job.owner?.kind === 'CronJob' ? `, CronJob ${job.owner.name}` : '';
  const state = job.state === 'running' ? 'still running' : `ended ${job.finishedAt ? formatAgo(job.finishedAt, now) : ''}`.trim();
  const runs = `Job ${job.name} (${job.createdAt ? `started ${formatAgo(job.createdAt, now)}` : 'started'}${owner}, ${state})`;
  const lock = scope === 'global'
    ? `${tool} ${flag}: a global read lock on the whole server for the whole dump`
    : `${tool} with ${flag}: each database's tables locked READ while it dumps them`;
  const example = condenseStructuredLine(waits.at(-1)?.line.trim() ?? '');
  const stop = job.state === 'running' ? `stop this run (${formatKubectl(ev.target, `delete job ${job.name}`)}) — writes resume once its lock is released — and ` : '';
  const where = job.owner?.kind === 'CronJob' ? `CronJob ${job.owner.name}'s command` : 'the dump command';
  const fix = `${stop}dump with --single-transaction in ${where} (a consistent InnoDB snapshot, no lock)${scope === 'global' ? ` instead of ${flag}` : ''}`;
  const how = scope === 'global'
    ? `${tool} ${flag} runs FLUSH TABLES WITH READ LOCK before it reads and holds that global read lock until the dump ends`
    : `${tool} without --single-transaction takes LOCK TABLES … READ on each database's tables while it dumps them (--lock-tables, on by default through --opt)`;
  return [{
    id: `lock-wait/dump/${job.name}`,
    kind: 'lock-wait',
    title: `Writes to ${server} wait on a lock and time out (${waits.length} lock-wait lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}) while ${runs} dumps it with ${lock}`,
    layer: 'container/process',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: 'high',
    evidence: [
      `${runs} runs: ${clip((job.commandAndEnv ?? []).join(' '), 300)}`,
      `${waits.length} lock-wait lines in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      ...pods.slice(0, 2).map((pod) => `log ${pod}: ${clip(condenseStructuredLine(waits.findLast((w) => w.pod === pod)?.line.trim() ?? ''), 300)}`),
    ],
    decisive: clip(example, 200),
    likelyCause: `${how}: every write on it (INSERT, UPDATE, DELETE, DDL) waits for the lock until its lock_wait_timeout or innodb_lock_wait_timeout and fails with Error 1205, while reads go on. The dump grows with the data, so a run that used to end before the traffic now overlaps it. The workload and ${server} are fine; a rollback or a restart will not help.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(job.createdAt ? { onset: job.createdAt, datesChange: true as const } : {}),
    outsideWorkload: `${runs} holds a lock on ${server} that the workload's writes wait on`,
    confirmCommands: [formatKubectl(ev.target, `logs job/${job.name} --tail=50`), formatKubectl(ev.target, `get job ${job.name} -o jsonpath='{.spec.template.spec.containers[*].args}'`)],
    affected: { pods, nodes: listNodesOf(podObjects), jobs: [job.name] },
  }];
}
