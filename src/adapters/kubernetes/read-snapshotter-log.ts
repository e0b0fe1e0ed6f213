// The snapshotter's log of a CSI driver's controller (see snapshot-source.ts): read only when a
// claim of the workload restores from a VolumeSnapshot the provisioner says is not ready, and the
// controller that runs the driver (read-provisioner-controller.ts) has a csi-snapshotter sidecar.
// One list of that controller's pods by its selector (at most 5), then the current log tail of
// the sidecar in at most two running pods (only the leader logs its attempts). A failure is named
// under the provisioner's source: an unread log supports no claim.
import type { ProvisionerControllerEvidence } from '../../domain/triage/evidence-provisioner.js';
import type { SnapshotterLogEvidence } from '../../domain/triage/evidence-snapshot.js';
import type { LogEvidence } from '../../domain/triage/evidence.js';
import { findSnapshotterContainer } from '../../domain/triage/snapshot-source.js';
import type { CollectContext } from './collect-context.js';
import { formatSelector } from './label-selector.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';

const MAX_PODS = 5;
const MAX_LOGS = 2;
/** The sidecar logs each retry of every snapshot: a longer tail than the workload's, bounded in bytes. */
const TAIL_LINES = 2 * LOG_TAIL_LINES;
const LIMIT_BYTES = 256_000;

export async function readSnapshotterLog(ctx: CollectContext, p: ProvisionerControllerEvidence, snapshot: string): Promise<SnapshotterLogEvidence | undefined> {
  const c = p.controller;
  const container = c === undefined ? undefined : findSnapshotterContainer(c);
  if (c === undefined || container === undefined) return undefined;
  const ref = `${c.kind} ${c.namespace}/${c.name}`;
  const labelSelector = formatSelector({ matchLabels: c.selector ?? {} });
  if (labelSelector === '') {
    ctx.reads.skipped(`pods of ${ref} (its snapshotter's log)`, 'provisionerController', 'its selector has no matchLabels');
    return undefined;
  }
  const list = await ctx.reads.list(`pods of ${ref} (snapshot ${snapshot} is not ready)`, 'provisionerController', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: c.namespace, labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  const running = list.items.map(mapForeignPod).filter((pod) => pod.phase === 'Running');
  const picked = [...running.filter((pod) => pod.ready), ...running.filter((pod) => !pod.ready)].slice(0, MAX_LOGS);
  const logs = await Promise.all(picked.map(async (pod): Promise<LogEvidence | undefined> => {
    const text = await ctx.reads.one(`current logs of ${c.namespace}/${pod.name}/${container} (snapshotter of ${p.driver})`, 'provisionerController', (o) =>
      ctx.clients.core.readNamespacedPodLog({ name: pod.name, namespace: c.namespace, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    return text === undefined ? undefined : { pod: pod.name, container, previous: false, lines: splitLogLines(text) };
  }));
  const read = logs.filter((l): l is LogEvidence => l !== undefined);
  return read.length === 0 ? undefined : { controller: ref, namespace: c.namespace, snapshot, logs: read };
}
