// The database whose tables the workload's logs say are missing, behind a Service of the namespace
// its env names: a get and the current log tail of one ready endpoint pod, a get of each claim that
// pod mounts (at most two) and of the PersistentVolume bound to each — at most five gets and one
// log tail, read only when such an error is logged. Whether the volume is newer than the app's pods,
// and whether the server's statement log shows a search_path set on the app's role or database
// before (role-search-path.ts). The same reads serve the primary a PostgreSQL standby's own log says
// is another database cluster (standby-foreign-primary.ts): when it was re-created, whether it ran initdb.
import type { EndpointSliceEvidence } from '../../domain/triage/evidence.js';
import type { StoreVolumeEvidence } from '../../domain/triage/evidence-store-volume.js';
import { listStoreClaims } from '../../domain/triage/store-volume-loss.js';
import type { CollectContext } from './collect-context.js';
import { pickDependencyPods } from './read-dependency-pods.js';
import { mapForeignPod } from './map-pod.js';
import { mapPvc } from './map-pvc.js';
import { ownerWorkloadOf } from './own-pods.js';
import { readLogs, readVolumes } from './read-pod-details.js';

const LABEL = 'the database whose tables the workload finds missing';

/** `label` says why it is read, in the read-failure notes (default: a database whose tables are missing). */
export async function readStoreVolume(ctx: CollectContext, service: string, slices: readonly EndpointSliceEvidence[], label = LABEL): Promise<StoreVolumeEvidence | undefined> {
  const [picked] = pickDependencyPods([service], slices);
  if (picked === undefined) return undefined;
  const { core } = ctx.clients;
  const [got] = await ctx.reads.each([picked.pod], { label: `pod of ${label}`, source: 'dependencyPods', what: (p) => `pod ${p}`, limit: ctx.objectGate }, (p, options) =>
    core.readNamespacedPod({ name: p, namespace: ctx.namespace }, options),
  );
  if (got === undefined) return undefined;
  const owner = ownerWorkloadOf(got.value);
  const pod = { ...mapForeignPod(got.value), ...(owner ? { ownerWorkload: owner } : {}) };
  const container = pod.containers[0];
  const claimsP = ctx.reads.each(listStoreClaims(pod), { label: `PVCs of ${label}`, source: 'dependencyPods', what: (n) => `PVC ${n}`, limit: ctx.objectGate }, (n, options) =>
    core.readNamespacedPersistentVolumeClaim({ name: n, namespace: ctx.namespace }, options),
  );
  const [logs, claimsRead] = await Promise.all([
    container ? readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount }]) : [],
    claimsP,
  ]);
  const claims = claimsRead.map(({ value }) => mapPvc(value, [pod.name]));
  const volumes = await readVolumes(ctx, claims.flatMap((c) => c.volumeName ?? []));
  return { service, pod, logs, claims, volumes };
}
