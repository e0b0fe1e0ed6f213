// What the directory told the runs of a Job that binds as the workload's locked-out account (AD
// data 775): for at most three of its newest failed runs (pickAccountJobRuns), one list of the
// run's pods (label job-name, at most one) and one tail of its first container's log (at most
// TAIL_LINES lines / LIMIT_BYTES); only the lines carrying a bind refusal are kept. Read only then.
import type { AccountJobLogEvidence } from '../../domain/triage/evidence-account-job-logs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepBindRefusals } from '../../domain/triage/ad-bind-refusal.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';
import { splitLogLines } from './read-pod-details.js';

const TAIL_LINES = 200;
const LIMIT_BYTES = 200_000;

export async function readAccountJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<AccountJobLogEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const read = await Promise.all(runs.map(async (run): Promise<AccountJobLogEvidence | undefined> => {
    const pods = await ctx.reads.list(`pods of Job ${run.name} in ${namespace} (it binds as the locked-out account)`, 'jobs', (cont, limit, o) =>
      core.listNamespacedPod({ namespace, labelSelector: `job-name=${run.name}`, ...pageParams(cont, limit) }, o),
      { maxItems: 1 },
    );
    const pod = pods.items[0];
    const name = pod?.metadata?.name;
    const container = pod?.spec?.containers[0]?.name;
    if (name === undefined || container === undefined) return undefined;
    const log = await ctx.reads.one(`log of ${name}/${container} in ${namespace} (what the directory told Job ${run.name})`, 'jobs', (o) =>
      core.readNamespacedPodLog({ name, namespace, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    const lines = log === undefined ? [] : keepBindRefusals(splitLogLines(log));
    return lines.length === 0 ? undefined : { job: run.name, pod: name, container, lines };
  }));
  return read.filter((r): r is AccountJobLogEvidence => r !== undefined);
}
