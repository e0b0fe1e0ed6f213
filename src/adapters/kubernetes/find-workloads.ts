// Which workload (Deployment, StatefulSet, DaemonSet, CronJob or Job) does `/triage NAME` mean? Name lookups are done by the API
// server (a get in a namespace, or a `metadata.name=` field selector across namespaces), so
// their cost does not grow with the cluster; only "did you mean" reads one bounded page.
import type * as k8s from '@kubernetes/client-node';
import type { WorkloadRef, WorkloadSearch } from '../../domain/triage/triage-ports.js';
import { RootcauseError } from '../../errors.js';
import type { KubeClients } from './kube-clients.js';
import { matchesSelector, parseSelector } from './label-selector.js';
import { chooseByNamePrefix, rankNearNames } from './near-names.js';
import { PAGE_SIZE, pageParams } from './paginate.js';
import type { ListPage } from './paginate.js';
import type { CallOptions, Reads } from './reads.js';
import { workloadGetter } from './get-workload.js';

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

type AnyWorkload = k8s.V1Deployment | k8s.V1StatefulSet | k8s.V1DaemonSet | k8s.V1Job | k8s.V1CronJob;

/** The kinds `/triage` looks for, in the order a person would expect them listed. */
export const KINDS: readonly Kind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'];

/** Labels of the pods a workload makes (a CronJob's are in its jobTemplate). */
function templateLabels(o: AnyWorkload): Record<string, string> | undefined {
  if ('jobTemplate' in (o.spec ?? {})) return (o as k8s.V1CronJob).spec?.jobTemplate.spec?.template.metadata?.labels;
  return (o as Exclude<AnyWorkload, k8s.V1CronJob>).spec?.template.metadata?.labels;
}

type Page = { limit: number; fieldSelector?: string; _continue?: string };

function lister(clients: KubeClients, kind: Kind, namespace: string | undefined): (p: Page, o: CallOptions) => Promise<ListPage<AnyWorkload>> {
  const { apps, batch } = clients;
  switch (kind) {
    case 'Deployment':
      return (p, o) => (namespace === undefined ? apps.listDeploymentForAllNamespaces(p, o) : apps.listNamespacedDeployment({ namespace, ...p }, o));
    case 'StatefulSet':
      return (p, o) => (namespace === undefined ? apps.listStatefulSetForAllNamespaces(p, o) : apps.listNamespacedStatefulSet({ namespace, ...p }, o));
    case 'DaemonSet':
      return (p, o) => (namespace === undefined ? apps.listDaemonSetForAllNamespaces(p, o) : apps.listNamespacedDaemonSet({ namespace, ...p }, o));
    case 'CronJob':
      return (p, o) => (namespace === undefined ? batch.listCronJobForAllNamespaces(p, o) : batch.listNamespacedCronJob({ namespace, ...p }, o));
    case 'Job':
      return (p, o) => (namespace === undefined ? batch.listJobForAllNamespaces(p, o) : batch.listNamespacedJob({ namespace, ...p }, o));
  }
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

/** Lists every kind (namespaced or cluster-wide), with optional field selector and item cap. */
async function listAll(
  clients: KubeClients,
  reads: Reads,
  namespace: string | undefined,
  opts: { fieldSelector?: string; maxItems: number },
): Promise<{ kind: Kind; items: AnyWorkload[]; more: boolean; failed: boolean }[]> {
  const fieldSelector = opts.fieldSelector;
  const page = (cont: string | undefined, limit: number): Page => ({
    ...(fieldSelector === undefined ? {} : { fieldSelector }),
    ...pageParams(cont, limit),
  });
  return Promise.all(
    KINDS.map(async (kind) => {
      const list = lister(clients, kind, namespace);
      const r = await reads.list(`${kind}s in ${describeScope(namespace)}`, 'workload', (cont, limit, o) => list(page(cont, limit), o), { maxItems: opts.maxItems });
      return { kind, ...r };
    }),
  );
}

/**
 * When nothing is called `name`: the one workload it is the stem of (chooseByNamePrefix), else the
 * names near it. One bounded page per kind: enough to catch a typo, and it never walks a huge
 * cluster; a prefix chooses only over complete lists, since an unread page could hold a rival.
 */
async function nameLike(clients: KubeClients, reads: Reads, name: string, namespace: string | undefined, context: string | undefined): Promise<Omit<WorkloadSearch, 'readFailures'>> {
  const lists = await listAll(clients, reads, namespace, { maxItems: PAGE_SIZE });
  if (lists.every((l) => !l.more && !l.failed)) {
    const candidates = lists.flatMap((l) =>
      // A CronJob's runs are reached through the CronJob, which the stem matches as well.
      l.items.filter((o) => l.kind !== 'Job' || !isOwnedByCronJob(o)).map((o) => ({ ...toRef(l.kind, o, context), createdAt: o.metadata?.creationTimestamp?.toISOString() })),
    );
    const choice = chooseByNamePrefix(name, candidates);
    if (choice !== undefined) {
      const { createdAt: _, ...ref } = choice.chosen;
      return { found: [ref], nearNames: [], chosenByPrefix: { among: choice.among } };
    }
  }
  return { found: [], nearNames: rankNearNames(name, lists.flatMap((l) => l.items.map((o) => o.metadata?.name ?? ''))) };
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
  const lists = await listAll(clients, reads, q.namespace, { maxItems: MAX_SELECTOR_SCAN });
  const found: WorkloadRef[] = [];
  for (const l of lists) {
    if (l.more) {
      const what = `${l.kind}s in ${describeScope(q.namespace)} after the first ${MAX_SELECTOR_SCAN}`;
      reads.skipped(what, 'workload', 'too many to scan for a selector; give the catalog entry a namespace');
    }
    for (const o of l.items) {
      // A Job a CronJob made is found through the CronJob, not as a target of its own.
      if (l.kind === 'Job' && isOwnedByCronJob(o)) continue;
      if (matchesSelector(requirements, templateLabels(o))) found.push(toRef(l.kind, o, q.context));
    }
  }
  const near = found.length === 0 ? rankNearNames(q.name, lists.flatMap((l) => l.items.map((o) => o.metadata?.name ?? ''))) : [];
  return { found: sortRefs(found), nearNames: near, readFailures: reads.failures };
}

async function findInNamespace(clients: KubeClients, reads: Reads, q: WorkloadQuery & { namespace: string }): Promise<WorkloadSearch> {
  const { name, namespace } = q;
  const results = await Promise.all(KINDS.map(async (kind) => [kind, await reads.attempt(workloadGetter(clients, kind, { name, namespace }))] as const));
  const found: WorkloadRef[] = [];
  for (const [kind, r] of results) {
    if (r.ok) found.push(toRef(kind, r.value.obj, q.context));
    // 404 is the answer "not a <kind> here", not a failure to read.
    else if (r.reason !== 'not-found') {
      reads.failures.push({ what: `${kind} ${namespace}/${name}`, source: 'workload', reason: r.reason, detail: r.detail });
    }
  }
  if (found.length === 0) return { ...(await nameLike(clients, reads, name, namespace, q.context)), readFailures: reads.failures };
  return { found: sortRefs(found), nearNames: [], readFailures: reads.failures };
}

function isOwnedByCronJob(o: AnyWorkload): boolean {
  return (o.metadata?.ownerReferences ?? []).some((r) => r.kind === 'CronJob');
}

async function findEverywhere(clients: KubeClients, reads: Reads, q: WorkloadQuery): Promise<WorkloadSearch> {
  // A field selector lets the API server do the search; we never loop over namespaces, which
  // would be slow and, when cluster-wide listing is forbidden, mostly 403s anyway.
  const lists = await listAll(clients, reads, undefined, { fieldSelector: `metadata.name=${q.name}`, maxItems: PAGE_SIZE });
  const found = lists.flatMap((l) => l.items.filter((o) => l.kind !== 'Job' || !isOwnedByCronJob(o)).map((o) => toRef(l.kind, o, q.context)));
  const anyFailed = lists.some((l) => l.failed);
  if (found.length === 0 && !anyFailed) return { ...(await nameLike(clients, reads, q.name, undefined, q.context)), readFailures: reads.failures };
  return { found: sortRefs(found), nearNames: [], readFailures: reads.failures };
}

export function findWorkloadsWith(clients: KubeClients, reads: Reads, q: WorkloadQuery): Promise<WorkloadSearch> {
  if (q.selector !== undefined && q.selector.trim() !== '') return findBySelector(clients, reads, q);
  if (q.namespace !== undefined) return findInNamespace(clients, reads, { ...q, namespace: q.namespace });
  return findEverywhere(clients, reads, q);
}
