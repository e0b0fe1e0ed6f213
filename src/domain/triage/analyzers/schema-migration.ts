import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findDroppedMigrationStep, findPendingMigration } from '../schema-migration.js';
import type { PendingMigration } from '../schema-migration.js';
import { findFailedMigration, tellFailedMigration } from '../failed-migration.js';

/**
 * Pods that will not serve because their framework finds schema migrations pending: the code of
 * this revision expects tables or columns the database does not have yet. The database answers;
 * the migration step did not run (often a revision dropped it: an init container removed, the
 * migrate command taken out of the start command, moved to a hook Job that never came), or the
 * migration Job of the namespace ran and failed: then that Job's own error is why, and fixing and
 * re-running it is the fix (failed-migration.ts).
 */
export function analyzeSchemaMigrations(ev: TriageEvidence): Finding[] {
  const hits: { pod: string; container: string; said: PendingMigration }[] = [];
  for (const log of ev.logs) {
    const pod = findPod(ev, log.pod);
    // A pod that serves is not held back by it, whatever an old line says.
    if (pod === undefined || pod.ready) continue;
    const said = findPendingMigration(log.lines);
    if (said !== undefined) hits.push({ pod: log.pod, container: log.container, said });
  }
  const first = hits[0];
  if (first === undefined) return [];
  const pods = unique(hits.map((h) => h.pod));
  const said = hits.find((h) => h.said.migration !== undefined)?.said ?? first.said;
  const dropped = findDroppedMigrationStep(ev.revisions);
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const failed = findFailedMigration(ev.logs.find((l) => l.pod === first.pod && l.container === first.container)?.lines ?? [], ev.failedMigrationLogs ?? [], ev.namespaceJobs?.jobs ?? []);
  if (failed !== undefined) return [tellFailedRun(ev, said, pods, failed, first)];
  const restore = dropped ? `restore the ${dropped.step.replace(/ \(.*$/, '')} or run it as a Job before the rollout` : 'make the deploy run them before new pods start (an init container or a pre-deploy Job)';
  return [{
    ...findingHead(ev, first, pods.length),
    title: `Database migrations not applied: ${said.framework} reports pending migrations${said.migration ? ` (${said.migration})` : ''} and the app will not serve, on ${formatPodShare(ev, pods.length)}`,
    evidence: [
      ...pendingEvidence(said, first.pod),
      ...(dropped ? [`revision ${dropped.revision.revision} no longer runs ${dropped.step}; revision ${dropped.previous.revision} did`] : []),
    ],
    decisive: said.quote,
    likelyCause:
      `The code of this revision expects schema changes the database does not have yet: the migrations were never applied, so ${said.framework} will not serve and the pods stay out of rotation. ` +
      (dropped
        ? `Revision ${dropped.revision.revision} dropped the migration step (${dropped.step}) that revision ${dropped.previous.revision} ran before the app started, and nothing else runs the migrations now.`
        : 'The migration step of the deploy (an init container, a pre-deploy Job or hook) did not run for this release.') +
      ' The database itself answers: this is the deploy, not the database.',
    nextAction: `Apply the migrations (${said.run}) and ${restore}; pods of the previous revision keep serving meanwhile, so rolling back is safe too. Restarting the new pods changes nothing.`,
    fix: `run the pending migrations (${said.run}) and ${restore}`,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`),
      ...(dropped ? [formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${dropped.previous.revision}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}

/** The migrations are pending because the migration Job ran and failed: its error is the cause, re-running it the fix. */
function tellFailedRun(ev: TriageEvidence, said: PendingMigration, pods: string[], failed: NonNullable<ReturnType<typeof findFailedMigration>>, first: { pod: string; container: string }): Finding {
  const told = tellFailedMigration(failed);
  const job = failed.run.job;
  const reason = ev.namespaceJobs?.jobs.find((j) => j.name === job)?.failedReason;
  const what = failed.reading?.brief ?? (failed.refusal ? `"${failed.refusal.slice(0, 140)}"` : 'see its log');
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const fix = `${told.fix.replace(/\bre-run the migration Job\b/, `re-run the migration Job ${job}`)}; the pods become ready once its migrations are applied`;
  return {
    ...findingHead(ev, first, pods.length),
    title: `Database migrations not applied: migration Job ${job} failed${reason ? ` (${reason})` : ''}: ${what}; so ${said.framework} reports pending migrations${said.migration ? ` (${said.migration})` : ''} and the app will not serve, on ${formatPodShare(ev, pods.length)}`,
    evidence: [
      ...pendingEvidence(said, first.pod),
      `Job ${job}: failed${reason ? ` (${reason})` : ''}${failed.run.finishedAt ? ` at ${failed.run.finishedAt}` : ''}`,
      ...told.evidence.slice(1),
    ],
    decisive: said.quote,
    likelyCause:
      `The code of this revision expects schema changes the database does not have yet, and the migration Job ${job} that was to apply them failed${reason ? ` (${reason})` : ''}${failed.refusal ? ` ("${failed.refusal.slice(0, 200)}")` : ''}, so ${said.framework} will not serve and the pods stay out of rotation.` +
      `${failed.reading ? ` ${failed.reading.why}` : ''} The deploy did run its migration step; the step failed. Restarting the app's pods changes nothing.`,
    nextAction: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}. Rolling back to the previous revision is a mitigation while the migration is fixed, not the fix.`,
    fix,
    rollbackUndoes: 'take back the release these migrations belong to',
    confirmCommands: [
      formatKubectl(ev.target, `logs job/${job} --tail=100`),
      formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding;
}

/** What both readings of pending migrations share: the finding's identity, layer and weight. */
function findingHead(ev: TriageEvidence, first: { container: string }, podCount: number) {
  return { id: `schema-migration/${first.container}`, kind: 'schema-migration', layer: 'rollout/change', severity: severityForPods(ev, podCount), confidence: 'high' } as const;
}

/** The app's own line saying migrations are pending, and which one when it names it. */
function pendingEvidence(said: PendingMigration, pod: string): string[] {
  return [`log ${pod}: ${said.line}`, ...(said.migration ? [`pending migration: ${said.migration}`] : [])];
}
