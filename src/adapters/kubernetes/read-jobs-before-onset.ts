// The namespace's Jobs in brief, read only when the workload's failures have an onset and no
// rollout of its own explains it (needsJobsBeforeOnset): a Job that ran just before (a cleanup, a
// migration) is the change to check; or when its own log carries a data store's load hints
// (needsJobsUnderLoad): a backup running against it now explains the load; or when its writes time out
// on a lock (needsDumpLockJobs): a dump that locks its database; or when PostgreSQL denies its role a privilege
// (needsPrivilegeJobs): the migration Job that made the object; or when its migrate step finds the database's
// migration history inconsistent (needsMigrationHistoryJobs): the restore that rewrote it. One list, at most 100
// Jobs; never their pods or logs.
import type { NamespaceJobsEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapNamespaceJobs } from './map-namespace-jobs.js';
import { pageParams } from './paginate.js';

const MAX_JOBS = 100;

export async function readJobsBeforeOnset(ctx: CollectContext): Promise<NamespaceJobsEvidence> {
  const { batch } = ctx.clients;
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(`Jobs in ${namespace} (what ran before the failures, or runs against it now)`, 'jobs', (cont, limit, o) =>
    batch.listNamespacedJob({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_JOBS },
  );
  return mapNamespaceJobs(list.items, !list.more && !list.failed);
}
