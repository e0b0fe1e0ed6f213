// Which Deployment or StatefulSet does `/triage NAME` mean? Name lookups are done by the API
// server (a get in a namespace, or a `metadata.name=` field selector across namespaces), so
// their cost does not grow with the cluster; only "did you mean" reads one bounded page.
import type * as k8s from '@kubernetes/client-node';
import type { WorkloadRef, WorkloadSearch } from '../../domain/ports.js';
import { RootcauseError } from '../../errors.js';
import type { KubeClients } from './kube-clients.js';
import { matchesSelector, parseSelector } from './label-selector.js';
import { rankNearNames } from './near-names.js';
import { PAGE_SIZE } from './paginate.js';
import type { Reads } from './reads.js';

type Kind = WorkloadRef['kind'];

export interface WorkloadQuery {
  name: string;
  namespace?: string | undefined;
  context?: string | undefined;
  selector?: string | undefined;
}

interface Named {
  metadata?: k8s.V1ObjectMeta | undefined;
}

/** Workloads read for a catalog selector across all namespaces; beyond this we say so. */
const MAX_SELECTOR_SCAN = 5000;

function toRef(kind: Kind, obj: Named, context: string | undefined): WorkloadRef {
  const ref: WorkloadRef = { kind, namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
  if (context !== undefined) ref.context = context;
  return ref;
}

function sortRefs(refs: WorkloadRef[]): WorkloadRef[] {
  const key = (r: WorkloadRef): string => `${r.namespace}\u0000${r.kind}\u0000${r.name}`;
  return refs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function describeScope(namespace: string | undefined): string {
  return namespace === undefined ? 'all namespaces' : namespace;
}

/** Lists both kinds (namespaced or cluster-wide), with optional field selector and item cap. */
async function listBoth(
  clients: KubeClients,
  reads: Reads,
  namespace: string | undefined,
  opts: { fieldSelector?: string; maxItems: number },
): Promise<{ kind: Kind; items: (k8s.V1Deployment | k8s.V1StatefulSet)[]; more: boolean; failed: boolean }[]> {
  const { apps } = clients;
  const fieldSelector = opts.fieldSelector;
  const page = (cont: string | undefined, limit: number) => ({
    ...(fieldSelector === undefined ? {} : { fieldSelector }),
    limit,
    ...(cont === undefined ? {} : { _continue: cont }),
  });
  const [deployments, statefulSets] = await Promise.all([
    reads.list(`Deployments in ${describeScope(namespace)}`, 'workload', (cont, limit, o) =>
      namespace === undefined
        ? apps.listDeploymentForAllNamespaces(page(cont, limit), o)
        : apps.listNamespacedDeployment({ namespace, ...page(cont, limit) }, o),
      { maxItems: opts.maxItems },
    ),
    reads.list(`StatefulSets in ${describeScope(namespace)}`, 'workload', (cont, limit, o) =>
      namespace === undefined
        ? apps.listStatefulSetForAllNamespaces(page(cont, limit), o)
        : apps.listNamespacedStatefulSet({ namespace, ...page(cont, limit) }, o),
      { maxItems: opts.maxItems },
    ),
  ]);
  return [
    { kind: 'Deployment', ...deployments },
    { kind: 'StatefulSet', ...statefulSets },
  ];
}

async function nearNames(clients: KubeClients, reads: Reads, name: string, namespace: string | undefined): Promise<string[]> {
  // One bounded page per kind: enough to catch a typo, and it never walks a huge cluster.
  const lists = await listBoth(clients, reads, namespace, { maxItems: PAGE_SIZE });
  return rankNearNames(name, lists.flatMap((l) => l.items.map((o) => o.metadata?.name ?? '')));
}

async function findBySelector(clients: KubeClients, reads: Reads, q: WorkloadQuery): Promise<WorkloadSearch> {
  let requirements;
  try {
    requirements = parseSelector(q.selector ?? '');
  } catch (err) {
    const why = (err as Error).message;
    throw new RootcauseError('CATALOG_INVALID', `catalog selector "${q.selector ?? ''}" for ${q.name} is not a label selector: ${why}`);
  }
  // A Deployment's own labels need not match its pods': the selector applies to the template.
  const lists = await listBoth(clients, reads, q.namespace, { maxItems: MAX_SELECTOR_SCAN });
  const found: WorkloadRef[] = [];
  for (const l of lists) {
    if (l.more) {
      const what = `${l.kind}s in ${describeScope(q.namespace)} after the first ${MAX_SELECTOR_SCAN}`;
      reads.skipped(what, 'workload', 'too many to scan for a selector; give the catalog entry a namespace');
    }
    for (const o of l.items) {
      if (matchesSelector(requirements, o.spec?.template.metadata?.labels)) found.push(toRef(l.kind, o, q.context));
    }
  }
  const near = found.length === 0 ? rankNearNames(q.name, lists.flatMap((l) => l.items.map((o) => o.metadata?.name ?? ''))) : [];
  return { found: sortRefs(found), nearNames: near, readFailures: reads.failures };
}

async function findInNamespace(clients: KubeClients, reads: Reads, q: WorkloadQuery & { namespace: string }): Promise<WorkloadSearch> {
  const { apps } = clients;
  const { name, namespace } = q;
  const [deployment, statefulSet] = await Promise.all([
    reads.attempt((o) => apps.readNamespacedDeployment({ name, namespace }, o)),
    reads.attempt((o) => apps.readNamespacedStatefulSet({ name, namespace }, o)),
  ]);
  const found: WorkloadRef[] = [];
  for (const [kind, r] of [['Deployment', deployment], ['StatefulSet', statefulSet]] as const) {
    if (r.ok) found.push(toRef(kind, r.value, q.context));
    // 404 is the answer "not a <kind> here", not a failure to read.
    else if (r.reason !== 'not-found') {
      reads.failures.push({ what: `${kind} ${namespace}/${name}`, source: 'workload', reason: r.reason, detail: r.detail });
    }
  }
  const near = found.length === 0 ? await nearNames(clients, reads, name, namespace) : [];
  return { found: sortRefs(found), nearNames: near, readFailures: reads.failures };
}

async function findEverywhere(clients: KubeClients, reads: Reads, q: WorkloadQuery): Promise<WorkloadSearch> {
  // A field selector lets the API server do the search; we never loop over namespaces, which
  // would be slow and, when cluster-wide listing is forbidden, mostly 403s anyway.
  const lists = await listBoth(clients, reads, undefined, { fieldSelector: `metadata.name=${q.name}`, maxItems: PAGE_SIZE });
  const found = lists.flatMap((l) => l.items.map((o) => toRef(l.kind, o, q.context)));
  const anyFailed = lists.some((l) => l.failed);
  const near = found.length === 0 && !anyFailed ? await nearNames(clients, reads, q.name, undefined) : [];
  return { found: sortRefs(found), nearNames: near, readFailures: reads.failures };
}

export function findWorkloadsWith(clients: KubeClients, reads: Reads, q: WorkloadQuery): Promise<WorkloadSearch> {
  if (q.selector !== undefined && q.selector.trim() !== '') return findBySelector(clients, reads, q);
  if (q.namespace !== undefined) return findInNamespace(clients, reads, { ...q, namespace: q.namespace });
  return findEverywhere(clients, reads, q);
}
