// What the migration Jobs that completed just before the workload's schema-change failures
// (prepared statements whose result type changed, 0A000) applied: for at most two runs
// (pickMigrationJobRuns), one list of the run's pods (label job-name, at most one) and one tail
// of its first container's log (at most TAIL_LINES lines / LIMIT_BYTES); only the lines naming a
// migration applied or a DDL statement are kept. Read only then.
import type { MigrationJobLogEvidence } from '../../domain/triage/evidence-migration-job-logs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepMigrationLines } from '../../domain/triage/migration-job-log.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';
import { splitLogLines } from './read-pod-details.js';

const TAIL_LINES = 200;
const LIMIT_BYTES = 200_000;

export async function readMigrationJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<MigrationJobLogEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const read = await Promise.all(runs.map(async (run): Promise<MigrationJobLogEvidence | undefined> => {
    const pods = await ctx.reads.list(`pods of Job ${run.name} in ${namespace} (it completed just before the schema-change failures)`, 'jobs', (cont, limit, o) =>
      core.listNamespacedPod({ namespace, labelSelector: `job-name=${run.name}`, ...pageParams(cont, limit) }, o),
      { maxItems: 1 },
    );
    const pod = pods.items[0];
    const name = pod?.metadata?.name;
    const container = pod?.spec?.containers[0]?.name;
    if (name === undefined || container === undefined) return undefined;
    const log = await ctx.reads.one(`log of ${name}/${container} in ${namespace} (what Job ${run.name} migrated)`, 'jobs', (o) =>
      core.readNamespacedPodLog({ name, namespace, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    const lines = log === undefined ? [] : keepMigrationLines(splitLogLines(log));
    return lines.length === 0 ? undefined : { job: run.name, pod: name, container, ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}), lines };
  }));
  return read.filter((r): r is MigrationJobLogEvidence => r !== undefined);
}
