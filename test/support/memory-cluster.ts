/**
 * Cluster in memory, with KubeCluster's semantics: workloads found by name (or by a catalog
 * selector on their pod template's labels), sorted by namespace, kind and name; near names when
 * nothing matched; usage errors for bad names and unknown contexts; evidence read stage by stage.
 * A workload is added with the evidence a triage of it reads. Reads that cannot be made are
 * injected: `unreadable` makes every search name a failure (RBAC, timeout), `failNext` fails the
 * next call outright (an unreachable API server), `hold` keeps a stage of reads from finishing.
 */
import { rankNearNames } from '../../src/adapters/kubernetes/near-names.js';
import { assertNamespace, assertObjectName } from '../../src/adapters/kubernetes/validate-names.js';
import type { Cluster, WorkloadRef, WorkloadSearch } from '../../src/domain/triage/triage-ports.js';
import type { ReadFailure, TriageEvidence, TriageTarget } from '../../src/domain/triage/evidence.js';
import { READ_STAGES } from '../../src/domain/triage/triage-progress.js';
import type { ReadStage } from '../../src/domain/triage/triage-progress.js';
import { RootcauseError, dependencyUnavailable } from '../../src/errors.js';
import { jsonCopy } from './json-copy.js';

type Method = 'findWorkloads' | 'collectEvidence';
type Query = Parameters<Cluster['findWorkloads']>[0];

interface Stored {
  /** No context: the one cluster behind every context (as the Kubernetes API fake serves them). */
  ref: Required<Pick<WorkloadRef, 'namespace' | 'kind' | 'name'>> & { context: string | undefined };
  /** The pod template's labels, for catalog selectors. */
  labels: Record<string, string>;
  evidence: TriageEvidence;
}

export class MemoryCluster implements Cluster {
  /** Every search and every evidence read asked, in order. */
  readonly searches: Query[] = [];
  readonly reads: TriageTarget[] = [];
  private readonly workloads: Stored[] = [];
  private readonly unreadables: { failure: ReadFailure; namespace: string | undefined }[] = [];
  private readonly failures: { method: Method; error: Error }[] = [];
  private readonly holds = new Map<ReadStage, Promise<void>>();

  /** `contexts`: the kubeconfig's contexts, the current one first. Default: one context, `memory`. */
  constructor(private readonly contextNames: string[] = ['memory']) {}

  /** A workload, with the evidence a triage of it reads (its target says where it is; no context: in every context). */
  add(evidence: TriageEvidence, opts: { labels?: Record<string, string> } = {}): TriageEvidence {
    const { namespace, kind, name, context } = evidence.target;
    this.workloads.push({ ref: { namespace, kind, name, context }, labels: { ...opts.labels }, evidence: jsonCopy(evidence) });
    return evidence;
  }

  /** Searches of `namespace` (default: every namespace) report this failure and find nothing there (RBAC, a timeout). */
  unreadable(failure: ReadFailure, opts: { namespace?: string } = {}): void {
    this.unreadables.push({ failure, namespace: opts.namespace });
  }

  /** The next call of `method` fails as if the API server did not answer (or with `error`). */
  failNext(method: Method, error: Error = dependencyUnavailable('the Kubernetes API', `${method}: connect ECONNREFUSED 127.0.0.1:6443`)): void {
    this.failures.push({ method, error });
  }

  /** Reads of `stage` (and every later stage) wait until the returned function is called. */
  hold(stage: ReadStage): () => void {
    let release!: () => void;
    this.holds.set(stage, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(stage);
      release();
    };
  }

  contexts(): string[] {
    return [...this.contextNames];
  }

  async findWorkloads(query: Query): Promise<WorkloadSearch> {
    this.searches.push({ ...query });
    this.maybeFail('findWorkloads');
    const bySelector = query.selector !== undefined && query.selector.trim() !== '';
    if (!bySelector) assertObjectName(query.name, 'workload');
    if (query.namespace !== undefined) assertNamespace(query.namespace);
    const context = this.contextOf(query.context);
    const failures = this.unreadables.filter((u) => u.namespace === undefined || query.namespace === undefined || u.namespace === query.namespace);
    const hidden = (namespace: string) => failures.some((u) => u.namespace === undefined || u.namespace === namespace);
    const inScope = this.workloads.filter((w) => inContext(w, context) && (query.namespace === undefined || w.ref.namespace === query.namespace) && !hidden(w.ref.namespace));
    const wanted = bySelector ? selectorOf(query.selector ?? '') : undefined;
    const found = inScope
      .filter((w) => (wanted === undefined ? w.ref.name === query.name : Object.entries(wanted).every(([k, v]) => w.labels[k] === v)))
      .map((w): WorkloadRef => ({ kind: w.ref.kind, namespace: w.ref.namespace, name: w.ref.name, ...(query.context === undefined ? {} : { context: query.context }) }))
      .sort(byRef);
    const nearNames = found.length === 0 && failures.length === 0 ? rankNearNames(query.name, inScope.map((w) => w.ref.name)) : [];
    return { found, nearNames, readFailures: failures.map((u) => jsonCopy(u.failure)) };
  }

  async collectEvidence(target: TriageTarget, opts: { budgetMs: number; onRead?: ((stage: ReadStage) => void) | undefined }): Promise<TriageEvidence> {
    this.reads.push({ ...target });
    this.maybeFail('collectEvidence');
    assertObjectName(target.name, target.kind);
    assertNamespace(target.namespace);
    const context = this.contextOf(target.context);
    const stored = this.workloads.find((w) => inContext(w, context) && w.ref.namespace === target.namespace && w.ref.kind === target.kind && w.ref.name === target.name);
    // Without the workload there is nothing more to read: only its stage is reported.
    for (const stage of stored === undefined ? (['workload'] as const) : READ_STAGES) {
      await this.holds.get(stage);
      opts.onRead?.(stage);
    }
    if (stored === undefined) {
      const failure: ReadFailure = { what: `${target.kind} ${target.namespace}/${target.name}`, source: 'workload', reason: 'not-found', detail: `${target.kind.toLowerCase()}s "${target.name}" not found` };
      return { target, collectedAt: new Date(0).toISOString(), workload: null, pods: [], events: [], revisions: [], nodes: [], services: [], endpointSlices: [], hpas: [], pvcs: [], logs: [], readFailures: [failure] };
    }
    return { ...jsonCopy(stored.evidence), target: { ...target } };
  }

  private current(): string {
    return this.contextNames[0] ?? 'memory';
  }

  private contextOf(context: string | undefined): string {
    const name = context ?? this.current();
    if (!this.contextNames.includes(name)) throw new RootcauseError('USAGE', `unknown kube context "${name}"; known: ${this.contextNames.join(', ')}`);
    return name;
  }

  private maybeFail(method: Method): void {
    const at = this.failures.findIndex((f) => f.method === method);
    if (at === -1) return;
    const [failure] = this.failures.splice(at, 1);
    throw failure!.error;
  }
}

function inContext(w: Stored, context: string): boolean {
  return w.ref.context === undefined || w.ref.context === context;
}

/** `app=x,tier=y` (equality only: what the catalogs in our tests use). */
function selectorOf(selector: string): Record<string, string> {
  return Object.fromEntries(
    selector
      .split(',')
      .map((part) => part.split('=').map((s) => s.trim()))
      .map(([k, v]) => [k ?? '', v ?? '']),
  );
}

/** Namespace, then kind, then name, compared as plain strings (like KubeCluster). */
function byRef(a: WorkloadRef, b: WorkloadRef): number {
  const key = (r: WorkloadRef): string => `${r.namespace}\u0000${r.kind}\u0000${r.name}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
