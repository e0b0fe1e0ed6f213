// The log of a Job's run, read for the lines a reading needs: for each run given, one list of the
// run's pods (label job-name, at most one) and one tail of its first container's log (at most
// TAIL_LINES lines / LIMIT_BYTES); only the lines `keep` picks are returned, and a run none of
// whose lines it picks is left out. Callers decide which runs are worth it (a few, only when
// their evidence asks for them).
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';
import { splitLogLines } from './read-pod-details.js';

const TAIL_LINES = 200;
const LIMIT_BYTES = 200_000;

export interface JobRunLog {
  run: NamespaceJobEvidence;
  pod: string;
  container: string;
  lines: string[];
  /** How the run's container ended, when it did: OOMKilled, Error, and the exit code. */
  terminated?: { reason?: string; exitCode?: number };
}

export interface JobRunLogRead {
  /** Why the run's pods are listed, after "pods of Job X in NS": e.g. "it binds as the locked-out account". */
  why: string;
  /** What the log is read for, given the Job's name: e.g. "what the directory told Job X". */
  readFor: (job: string) => string;
  keep: (lines: string[]) => string[];
}

export async function readJobRunLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[], read: JobRunLogRead): Promise<JobRunLog[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const logs = await Promise.all(runs.map(async (run): Promise<JobRunLog | undefined> => {
    const pods = await ctx.reads.list(`pods of Job ${run.name} in ${namespace} (${read.why})`, 'jobs', (cont, limit, o) =>
      core.listNamespacedPod({ namespace, labelSelector: `job-name=${run.name}`, ...pageParams(cont, limit) }, o),
      { maxItems: 1 },
    );
    const pod = pods.items[0];
    const name = pod?.metadata?.name;
    const container = pod?.spec?.containers[0]?.name;
    if (name === undefined || container === undefined) return undefined;
    const log = await ctx.reads.one(`log of ${name}/${container} in ${namespace} (${read.readFor(run.name)})`, 'jobs', (o) =>
      core.readNamespacedPodLog({ name, namespace, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    const lines = log === undefined ? [] : read.keep(splitLogLines(log));
    const ended = pod?.status?.containerStatuses?.find((c) => c.name === container)?.state?.terminated;
    const terminated = ended === undefined ? undefined : { ...(ended.reason === undefined ? {} : { reason: ended.reason }), exitCode: ended.exitCode };
    return lines.length === 0 ? undefined : { run, pod: name, container, lines, ...(terminated === undefined ? {} : { terminated }) };
  }));
  return logs.filter((r): r is JobRunLog => r !== undefined);
}
