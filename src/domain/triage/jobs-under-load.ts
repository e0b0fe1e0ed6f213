/**
 * A Job running against the workload now (a nightly backup, a dump, a reindex): on an all-clear,
 * the load it brings (high CPU, slow probes, a database's tuning hints) has an explanation the
 * on-call needs, and the hints are not errors. Read only when the workload's own logs carry such a
 * hint (needsJobsUnderLoad). A Job is linked only by name (it or its CronJob is named after the
 * workload) or by its pod's command, args or env naming the workload, one of its pods or a Service
 * that routes to it — never a bystander that merely runs at the same time.
 */
import type { LogEvidence, NamespaceJobEvidence, TriageEvidence } from './evidence.js';
import { clipMiddle } from './collapse-events.js';
import { formatAgo } from './time-span.js';

/** Lines a data store logs when work outpaces its tuning: a hint to tune, not a failure. */
const LOAD_HINTS: readonly RegExp[] = [
  /checkpoints are occurring too frequently/i, // Postgres: WAL written faster than max_wal_size allows
  /page[ _]cleaner[^\n]*(intended loop took|took \d+ ?ms to flush)/i, // MySQL InnoDB: flushing falls behind
  /Asynchronous AOF fsync is taking too long/i, // Redis: the disk is busy
  /apply request took too long|slow fdatasync/i, // etcd: the disk or CPU is slow for its load
];

/** Named on the healthy line: the nearest few. */
const MAX_NAMED = 2;

function findHint(line: string): string | undefined {
  for (const re of LOAD_HINTS) {
    const m = re.exec(line);
    if (m) return clipMiddle(line.slice(m.index).trim(), 120);
  }
  return undefined;
}

/** The workload's current logs (not a crashed run's) carry a load hint: the namespace's Jobs are worth one list. */
export function needsJobsUnderLoad(target: Pick<TriageEvidence['target'], 'kind'>, logs: readonly LogEvidence[]): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return logs.some((l) => !l.previous && l.lines.some((line) => findHint(line) !== undefined));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names a Job's pod would use to reach the workload: its own, its pods' (StatefulSet DNS), its Services'. */
function listReachNames(ev: Pick<TriageEvidence, 'target' | 'pods' | 'services'>): string[] {
  const routed = ev.services.filter((s) => {
    const sel = Object.entries(s.selector);
    return sel.length > 0 && ev.pods.some((p) => sel.every(([k, v]) => p.labels[k] === v));
  });
  return [ev.target.name, ...routed.map((s) => s.name)];
}

function isLinked(job: NamespaceJobEvidence, workload: string, reach: readonly RegExp[]): boolean {
  const named = (n: string | undefined) => n !== undefined && (n === workload || n.startsWith(`${workload}-`));
  if (named(job.name) || named(job.owner?.name)) return true;
  return (job.commandAndEnv ?? []).some((t) => reach.some((re) => re.test(t)));
}

/** The running Jobs linked to the workload, newest first. */
export function findJobsUnderLoad(ev: Pick<TriageEvidence, 'target' | 'pods' | 'services' | 'namespaceJobs'>): NamespaceJobEvidence[] {
  // A name as a whole word (a pod's ordinal allowed: db-0.db): "orders-db" is not "old-orders-db-cleanup".
  const reach = listReachNames(ev).map((n) => new RegExp(`(?<![A-Za-z0-9_-])${escape(n)}(?:-\\d+)?(?![A-Za-z0-9_-])`));
  return (ev.namespaceJobs?.jobs ?? [])
    .filter((j) => j.state === 'running' && isLinked(j, ev.target.name, reach))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/** "a Job is running against it now: X (CronJob Y, started 44m ago): expect load while it runs; its logs carry tuning hints, not errors (…)". */
export function describeJobsUnderLoad(ev: TriageEvidence): string | undefined {
  const jobs = findJobsUnderLoad(ev);
  if (jobs.length === 0) return undefined;
  const named = jobs.slice(0, MAX_NAMED).map((j) => {
    const bits = [j.owner ? `${j.owner.kind} ${j.owner.name}` : undefined, j.createdAt ? `started ${formatAgo(j.createdAt, ev.collectedAt)}` : undefined].filter((b) => b !== undefined);
    return `${j.name}${bits.length > 0 ? ` (${bits.join(', ')})` : ''}`;
  });
  const more = jobs.length > MAX_NAMED ? ` and ${jobs.length - MAX_NAMED} more` : '';
  const hints = ev.logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line) => findHint(line) ?? []));
  const [hint] = hints;
  const told = hint === undefined ? '' : `; its logs carry tuning hints, not errors ("${hint}"${hints.length > 1 ? `, ${hints.length} lines` : ''})`;
  return `${jobs.length === 1 ? 'a Job is' : 'Jobs are'} running against it now: ${named.join(', ')}${more}: expect load while ${jobs.length === 1 ? 'it runs' : 'they run'}${told}`;
}
