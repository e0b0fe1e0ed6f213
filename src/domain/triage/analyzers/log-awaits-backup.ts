/**
 * The workload's writes are refused because its database's log cannot be reused until a backup
 * takes it (log-awaits-backup.ts): the failing backup CronJob of the namespace is the cause, its
 * newest run's own error says why. The workload and a revision of it are not at fault.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { findBackupRunLog, findFailingBackup, findLogAwaitsBackup, quoteBackupError } from '../log-awaits-backup.js';
import type { FailingBackup, LogAwaitsBackup } from '../log-awaits-backup.js';
import { truncate } from '../../text.js';

/** Why the store holds the log, in the engine's terms. */
function mechanism(said: LogAwaitsBackup): string {
  if (said.engine === 'SQL Server') return 'In FULL (or BULK_LOGGED) recovery SQL Server reuses its transaction log only after a log backup has taken it (log_reuse_wait LOG_BACKUP): with no log backup succeeding, the log grows until its file reaches its max size or the room it has, and then every write fails with error 9002 while reads and probes keep working.';
  return 'PostgreSQL keeps every WAL segment its archive_command has not archived (and every one a backup or slot still needs): with archiving failing, pg_wal grows until it has no room left, and the server can no longer write.';
}

/** The first thing to do on the store once the backups work again. */
function unblock(said: LogAwaitsBackup): string {
  const db = said.database ?? '<db>';
  if (said.engine === 'SQL Server') return `run a log backup of ${db} (BACKUP LOG [${db}] …) so the log truncates — or, if the backups cannot be fixed at once, grow the log file (ALTER DATABASE … MODIFY FILE) to let writes through meanwhile`;
  return 'let archiving succeed so PostgreSQL can recycle pg_wal, and give pg_wal room meanwhile (grow its volume)';
}

function describeFailing(f: FailingBackup, now: string): string {
  const newest = `Job ${f.newestFailed.name} failed${f.newestFailed.finishedAt ? ` ${formatAgo(f.newestFailed.finishedAt, now)}` : ''}`;
  const since = f.lastSuccessAt ? `since its last success ${formatAgo(f.lastSuccessAt, now)}` : 'with no successful run kept';
  return `every run of CronJob ${f.cronJob} has failed ${since} (newest: ${newest})`;
}

export function analyzeLogAwaitsBackup(ev: TriageEvidence): Finding[] {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return [];
  const said = findLogAwaitsBackup(ev.logs);
  if (said === undefined) return [];
  const now = ev.collectedAt;
  const pods = unique(said.lines.map((l) => l.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failingPods = podObjects.filter((p) => isPodFailing(p, now)).length;
  const failing = findFailingBackup(ev.namespaceJobs, said.database);
  const runLog = failing ? findBackupRunLog(ev.backupJobLogs, failing) : undefined;
  const error = runLog ? quoteBackupError(runLog.lines) : undefined;
  const db = said.database ? ` database ${said.database}` : '';
  const what = `${said.engine} refuses every write to${db || ' its database'}: "${said.said}" (${said.lines.length} line${said.lines.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'})`;
  const backupWord = said.engine === 'SQL Server' ? 'log backup' : 'WAL archive/backup';
  const cause = failing
    ? ` — its log is freed only by a ${backupWord}, and ${describeFailing(failing, now)}${error ? `: "${truncate(error, 220)}"` : ''}`
    : ` — its log is freed only by a ${backupWord}, and none of the namespace's CronJobs is seen taking them`;
  const fixBackup = failing
    ? `fix CronJob ${failing.cronJob} (${error ? 'its runs fail with the error above: renew the credential or access it uses to reach the backup destination' : `read why: ${formatKubectl(ev.target, `logs job/${failing.newestFailed.name}`)}`}), then ${unblock(said)}; alert when that CronJob's runs fail`
    : `find what takes the ${backupWord}s (an agent, a CronJob elsewhere) and why it stopped, then ${unblock(said)}`;
  const example = condenseStructuredLine(said.lines.at(-1)?.line.trim() ?? '');
  return [{
    id: `dependency-error/log-awaits-backup/${said.database ?? said.engine}`,
    kind: 'dependency-error',
    title: `${what}${cause}`,
    layer: 'container/process',
    severity: failingPods > 0 ? severityForPods(ev, failingPods) : 'critical',
    confidence: failing ? 'high' : 'medium',
    evidence: [
      ...pods.slice(0, 2).map((pod) => `log ${pod}: ${truncate(condenseStructuredLine(said.lines.findLast((l) => l.pod === pod)?.line.trim() ?? ''), 300)}`),
      ...(failing ? [`CronJob ${failing.cronJob}: ${failing.failedRuns} failed run${failing.failedRuns === 1 ? '' : 's'} kept since ${failing.lastSuccessAt ? `its last success (${formatAgo(failing.lastSuccessAt, now)})` : 'no success kept'}; newest Job ${failing.newestFailed.name}`] : []),
      ...(runLog ? [`log of ${runLog.pod} (Job ${runLog.job}): ${runLog.lines.slice(0, 4).map((l) => truncate(l, 200)).join(' | ')}`] : []),
    ],
    decisive: truncate(said.said || example, 200),
    likelyCause: `${mechanism(said)}${failing ? ` The ${backupWord}s of this database are taken by CronJob ${failing.cronJob}, and ${describeFailing(failing, now)}${error ? `; its run says: ${truncate(error, 300)}` : ''}.` : ' Nothing read shows what takes those backups.'} The workload is not at fault: a rollback or a restart will not help.`,
    nextAction: `${fixBackup.charAt(0).toUpperCase()}${fixBackup.slice(1)}.`,
    fix: failing ? `fix CronJob ${failing.cronJob} and run a ${backupWord}` : `run a ${backupWord}`,
    ...(failing?.lastSuccessAt ? { onset: failing.lastSuccessAt, datesChange: true as const } : {}),
    outsideWorkload: `${said.engine} refuses the writes of any client while its log waits for a ${backupWord}`,
    confirmCommands: [
      ...(failing ? [formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${failing.cronJob}`), formatKubectl(ev.target, `logs job/${failing.newestFailed.name} --tail=50`)] : []),
      ...(said.engine === 'SQL Server' ? [`SELECT name, log_reuse_wait_desc FROM sys.databases${said.database ? ` WHERE name = '${said.database}'` : ''}`] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(failing ? { jobs: [failing.newestFailed.name] } : {}) },
  }];
}
