// KubeCluster: the Cluster port over @kubernetes/client-node. Read-only by construction: it
// only calls get/list (and pods/log), which is all the ClusterRole in deploy/kubernetes grants.
import type * as k8s from '@kubernetes/client-node';
import type { Cluster, WorkloadSearch } from '../../domain/triage/triage-ports.js';
import type { TriageEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { ReadStage } from '../../domain/triage/triage-progress.js';
import { RootcauseError } from '../../errors.js';
import { DEFAULT_LIMITS } from './collect-context.js';
import type { CollectLimits } from './collect-context.js';
import { collectEvidenceWith } from './collect-evidence.js';
import { Deadline } from './deadline.js';
import { findWorkloadsWith } from './find-workloads.js';
import type { WorkloadQuery } from './find-workloads.js';
import { createKubeClients } from './kube-clients.js';
import type { KubeClients } from './kube-clients.js';
import { NO_KUBECONFIG } from './load-kubeconfig.js';
import { Reads } from './reads.js';
import { assertNamespace, assertObjectName } from './validate-names.js';

export interface KubeClusterOptions {
  /** Caps on what one triage reads; see CollectLimits for each default. */
  limits?: Partial<CollectLimits>;
  /** Time allowed for a workload search (findWorkloads). Default 10,000 ms. */
  findBudgetMs?: number;
  /** The clock for `collectedAt`. Default: the system clock. */
  now?: () => Date;
}

export class KubeCluster implements Cluster {
  private readonly clients = new Map<string, KubeClients>();
  private readonly limits: CollectLimits;
  private readonly findBudgetMs: number;
  private readonly now: () => Date;

  /** `kc` is loaded by the composition root (loadFromDefault / loadFromFile(KUBECONFIG)). */
  constructor(
    private readonly kc: k8s.KubeConfig,
    opts: KubeClusterOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.findBudgetMs = opts.findBudgetMs ?? 10_000;
    this.now = opts.now ?? (() => new Date());
  }

  contexts(): string[] {
    const current = this.kc.getCurrentContext();
    const names = this.kc.getContexts().map((c) => c.name);
    return names.includes(current) ? [current, ...names.filter((n) => n !== current)] : names;
  }

  async findWorkloads(query: WorkloadQuery): Promise<WorkloadSearch> {
    // The name reaches a path or a field selector unless a catalog selector does the finding.
    if (query.selector === undefined || query.selector.trim() === '') assertObjectName(query.name, 'workload');
    if (query.namespace !== undefined) assertNamespace(query.namespace);
    const clients = this.clientsFor(query.context);
    const deadline = new Deadline(this.findBudgetMs);
    try {
      return await findWorkloadsWith(clients, new Reads(deadline), query);
    } finally {
      deadline.dispose();
    }
  }

  async collectEvidence(target: TriageTarget, opts: { budgetMs: number; onRead?: ((stage: ReadStage) => void) | undefined }): Promise<TriageEvidence> {
    assertObjectName(target.name, target.kind);
    assertNamespace(target.namespace);
    const clients = this.clientsFor(target.context);
    return collectEvidenceWith(clients, target, { budgetMs: opts.budgetMs, limits: this.limits, now: this.now, onRead: opts.onRead });
  }

  /** Clients per context, made on first use; undefined = the kubeconfig's current context. */
  private clientsFor(context: string | undefined): KubeClients {
    if (this.kc.getContexts().length === 0) throw new RootcauseError('USAGE', NO_KUBECONFIG);
    const name = context ?? this.kc.getCurrentContext();
    if (!this.kc.getContexts().some((c) => c.name === name)) {
      const known = this.contexts().join(', ');
      throw new RootcauseError('USAGE', `unknown kube context "${name}"; known: ${known === '' ? '(none)' : known}`);
    }
    let c = this.clients.get(name);
    if (c === undefined) {
      c = createKubeClients(this.kc, name);
      this.clients.set(name, c);
    }
    return c;
  }
}
