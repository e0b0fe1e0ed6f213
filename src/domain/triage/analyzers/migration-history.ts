/**
 * The migrate step refuses because the database's migration history does not match the code
 * (migration-history.ts): Django's InconsistentMigrationHistory, Flyway's applied migration not
 * resolved locally, Alembic's unknown revision. The exit codes and the crash loop are its effect;
 * the history is the database's, so a Job of the namespace that restored or imported into it is
 * the change, and a rollback is no fix: whatever revision migrates next meets the same table.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import { findOnset } from '../failure-onset.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findMigrationHistoryMismatch, fixMigrationHistory, pickRestoreJob } from '../migration-history.js';
import { formatPodShare, isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** The Job's command in a few words. */
function describeCommand(parts: readonly string[] | undefined): string | undefined {
  const text = (parts ?? []).filter((p) => !/^[A-Z_][A-Z0-9_]*=/.test(p)).join(' ').trim();
  return text.length === 0 ? undefined : text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

export function analyzeMigrationHistory(ev: TriageEvidence): Finding[] {
  const now = ev.collectedAt;
  // Only pods held back by it: a pod that serves has migrated, whatever an old line says.
  const logs = ev.logs.filter((l) => {
    const p = findPod(ev, l.pod);
    return p !== undefined && (!p.ready || isPodFailing(p, now));
  });
  const found = findMigrationHistoryMismatch(logs);
  if (found === undefined) return [];
  const hits = logs.filter((l) => findMigrationHistoryMismatch([l]) !== undefined);
  const pods = unique(hits.map((l) => l.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = found.log.container;
  const init = podObjects[0]?.initContainers.some((c) => c.name === container) ?? false;
  const step = `${init ? 'Init container' : 'Container'} ${container}`;
  const onset = findOnset(ev, podObjects.filter((p) => isPodFailing(p, now)));
  const job = pickRestoreJob(ev.namespaceJobs, onset);
  const command = describeCommand(job?.commandAndEnv);
  const ran = job
    ? `Job ${job.name}${command ? ` (${command})` : ''} restored into the database ${job.createdAt ? formatAgo(job.createdAt, now) : 'before'}${job.state === 'complete' && job.finishedAt ? `, completed ${formatAgo(job.finishedAt, now)}` : job.state === 'failed' ? ', and failed' : job.state === 'running' ? ', still running' : ''}`
    : undefined;
  const what = found.tool === 'Django'
    ? `Django's InconsistentMigrationHistory${found.migration && found.dependency ? `: ${found.migration} is recorded applied before its dependency ${found.dependency}` : ''}`
    : found.tool === 'Flyway'
      ? `Flyway finds ${found.migration ? `migration ${found.migration}` : 'migrations'} applied that this code does not have`
      : `Alembic cannot locate ${found.migration ? `revision ${found.migration}` : 'the revision'} the database records`;
  const fix = fixMigrationHistory(found);
  const title = `${step} fails on ${formatPodShare(ev, pods.length)}: the database's migration history does not match the code (${what})${ran ? `, since ${ran}` : ''}`;
  return [{
    id: `schema-migration/history/${container}`,
    kind: 'schema-migration',
    title,
    layer: 'rollout/change',
    severity: severityForPods(ev, pods.length),
    confidence: job ? 'high' : 'medium',
    evidence: [
      `log ${found.log.pod}/${container}: ${found.line.slice(0, 400)}`,
      ...(job ? [`${ran}${job.commandAndEnv?.length ? `: ${job.commandAndEnv.join(' ').slice(0, 240)}` : ''}`] : []),
    ],
    decisive: condenseStructuredLine(found.line).slice(0, 240),
    likelyCause:
      `${found.tool} checks the migrations the database records against the code's before it applies any, and they do not match: the migrate step stops there, so every new pod that runs it fails the same way while the pods already running keep serving. ` +
      `The migration table is the database's, not the release's: a restore or import that brings back some tables with their rows of the migration table from an older copy (one app's tables, a point-in-time recovery, a dump loaded by hand) leaves it recording a step without its dependency, or a step the code does not know. ` +
      (ran ? `${ran}: the likely rewrite of the history. ` : 'Look for a restore or import into the database since the last migrate that passed. ') +
      'A rollback leaves the table as it is: the revision before runs its own migrate against the same history.',
    nextAction: `${capitalize(fix)}. Keep the running pods serving meanwhile (the rollout holds them); a rollback repairs nothing.`,
    fix,
    // Only with a restore found: without it, a release that reordered its own migrations is as likely.
    ...(job ? { outsideWorkload: 'the migration table in the database no longer matches the code, and any revision\'s migrate meets it', datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${found.log.pod} -c ${container} --tail=50`),
      ...(job ? [formatKubectl(ev.target, `logs job/${job.name} --tail=100`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(job ? { jobs: [job.owner?.name ?? job.name] } : {}) },
  }];
}
