// The objects whose events belong to a watched workload, read fresh: the workload's pods (by
// its own selector, so the API server filters), its ReplicaSets, the nodes of its pods and its
// HPAs. Every read is best effort: what fails is named, and the caller keeps what it knew.
import type * as k8s from '@kubernetes/client-node';
import type { WatchScope, WatchTarget } from '../../domain/timeline/cluster-events.js';
import { formatSelector } from './label-selector.js';
import { Deadline } from './deadline.js';
import type { KubeClients } from './kube-clients.js';
import { targetsWorkload } from './map-hpa.js';
import { isOwnedBy } from './map-revision.js';
import { paginate, pageParams } from './paginate.js';
import { classifyError, isNotFound } from './read-failure.js';

export interface ScopeRead {
  names: Omit<WatchScope, 'target'>;
  /** Reads that failed, in words ("pods of Deployment payment: forbidden …"). */
  failures: string[];
  /** The workload was not there (deleted, or not created yet). */
  workloadMissing: boolean;
}

type CallOptions = Deadline['callOptions'];
type Fetch<T> = (cont: string | undefined, limit: number, options: CallOptions) => Promise<{ items: T[]; metadata?: { _continue?: string } }>;

async function readAll<T>(deadline: Deadline, what: string, failures: string[], fetch: Fetch<T>): Promise<T[]> {
  const list = await paginate((cont, limit) => deadline.run((o) => fetch(cont, limit, o)));
  if (list.error !== undefined) failures.push(`${what}: ${classifyError(list.error).detail}`);
  return list.items;
}

/** Everything within `budgetMs`; a read still running then is abandoned and named as failed. */
export async function readWatchScope(clients: KubeClients, target: WatchTarget, budgetMs: number): Promise<ScopeRead> {
  const deadline = new Deadline(budgetMs);
  try {
    return await readWith(clients, target, deadline);
  } finally {
    deadline.dispose();
  }
}

async function readWith(clients: KubeClients, target: WatchTarget, deadline: Deadline): Promise<ScopeRead> {
  const { namespace, kind, name } = target;
  const names: ScopeRead['names'] = { podNames: new Set(), replicaSetNames: new Set(), nodeNames: new Set(), hpaNames: new Set() };
  const failures: string[] = [];

  const hpas = readAll(deadline, `HorizontalPodAutoscalers in ${namespace}`, failures, (cont, limit, o) =>
    clients.autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace, ...pageParams(cont, limit) }, o),
  );
  let workload: k8s.V1Deployment | k8s.V1StatefulSet;
  try {
    workload =
      kind === 'Deployment'
        ? await deadline.run((o) => clients.apps.readNamespacedDeployment({ namespace, name }, o))
        : await deadline.run((o) => clients.apps.readNamespacedStatefulSet({ namespace, name }, o));
  } catch (err) {
    for (const h of await hpas) if (targetsWorkload(h, kind, name)) names.hpaNames.add(h.metadata?.name ?? '');
    if (isNotFound(err)) return { names, failures, workloadMissing: true };
    failures.push(`${kind} ${name}: ${classifyError(err).detail}`);
    return { names, failures, workloadMissing: false };
  }

  const selector = formatSelector(workload.spec?.selector);
  const uid = workload.metadata?.uid;
  // A workload always has a selector; an empty one would select the whole namespace.
  const [pods, replicaSets] =
    selector === ''
      ? [[], []]
      : await Promise.all([
          readAll(deadline, `pods of ${kind} ${name}`, failures, (cont, limit, o) =>
            clients.core.listNamespacedPod({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
          ),
          kind === 'Deployment'
            ? readAll(deadline, `ReplicaSets of ${kind} ${name}`, failures, (cont, limit, o) =>
                clients.apps.listNamespacedReplicaSet({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
              )
            : Promise.resolve([] as k8s.V1ReplicaSet[]),
        ]);

  // Selectors of two workloads can overlap: keep what this workload owns.
  const owners = new Set<string>(uid === undefined ? [] : [uid]);
  for (const rs of replicaSets) {
    if (!isOwnedBy(rs.metadata, uid)) continue;
    names.replicaSetNames.add(rs.metadata?.name ?? '');
    if (rs.metadata?.uid !== undefined) owners.add(rs.metadata.uid);
  }
  for (const p of pods) {
    const refs = p.metadata?.ownerReferences ?? [];
    if (refs.length > 0 && !refs.some((r) => owners.has(r.uid))) continue;
    names.podNames.add(p.metadata?.name ?? '');
    if (p.spec?.nodeName !== undefined && p.spec.nodeName !== '') names.nodeNames.add(p.spec.nodeName);
  }
  for (const h of await hpas) if (targetsWorkload(h, kind, name)) names.hpaNames.add(h.metadata?.name ?? '');
  for (const set of Object.values(names)) set.delete('');
  return { names, failures, workloadMissing: false };
}
