/**
 * A finding: one thing an analyzer concluded from the evidence, with what it rests on and
 * what to do about it. Plain data; the Slack adapter renders it.
 */

/** Where the failure is, in the order an SRE walks the stack. */
export type Layer =
  | 'container/process'
  | 'runtime/probes'
  | 'node/eviction'
  | 'storage'
  | 'network/routing'
  | 'rollout/change'
  | 'capacity';

/**
 * critical: the service is failing now (no ready replica, or at least half affected);
 * warning: degraded, at risk, or a real fault with limited reach;
 * info: context worth knowing that is not a fault by itself.
 */
export type Severity = 'critical' | 'warning' | 'info';

/**
 * high: structured fields say so (exit code + reason, condition, event reason) and nothing
 * contradicts it; medium: the signal is clear but the cause is inferred (log text, timing);
 * low: a hypothesis worth checking; the finding says what would confirm it.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** What kind of conclusion this is; rank-findings uses it to relate causes and symptoms. */
export type FindingKind =
  | 'oom-killed'
  | 'signal-kill'
  | 'liveness-kill'
  | 'liveness-dependency'
  | 'exit-code'
  | 'clean-exit'
  | 'crash-loop'
  | 'container-config'
  | 'image-pull'
  | 'readiness-probe'
  | 'readiness-gate'
  | 'scheduling-gated'
  | 'readiness-cycle'
  | 'node-concentration'
  | 'node-condition'
  | 'eviction'
  | 'recent-rollout'
  | 'rollout-stalled'
  | 'rollout-hold'
  | 'rollout-settings'
  | 'pod-create-failed'
  | 'hpa'
  | 'replica-fight'
  | 'replicas-cut'
  | 'hpa-scale-up-limit'
  | 'hpa-lost-target'
  | 'hpa-scaled-in'
  | 'hpa-blind'
  | 'failed-scheduling'
  | 'preemption'
  | 'service-selector'
  | 'service-endpoints'
  | 'endpoints-truncated'
  | 'service-foreign-endpoints'
  | 'service-canary-endpoints'
  | 'service-target-port'
  | 'pvc-pending'
  | 'volume-attach'
  | 'volume-server-down'
  | 'dependency-error'
  | 'dns-cache-stale'
  | 'unready-replicas'
  | 'placement'
  | 'volume-zone'
  | 'pod-sandbox'
  | 'statefulset-ordinal'
  | 'separate-bootstrap'
  | 'cluster-dns'
  | 'network-policy'
  | 'job-failed'
  | 'job-suspended'
  | 'job-sidecar'
  | 'cron-schedule'
  | 'cron-no-success'
  | 'lifecycle-hook'
  | 'prestop-overrun'
  | 'pod-deadline'
  | 'abrupt-shutdown'
  | 'disruption-budget'
  | 'init-stuck'
  | 'finalizer-held'
  | 'volume-full'
  | 'volume-replaced'
  | 'store-volume-lost'
  | 'cluster-state'
  | 'search-cluster-red'
  | 'replica-sync-loop'
  | 'slow-dependency'
  | 'resource-exhaustion'
  | 'cpu-starved'
  | 'event-loop-blocked'
  | 'heap-pressure'
  | 'runtime-stall'
  | 'consumer-group'
  | 'duplicate-work'
  | 'credentials-rejected'
  | 'duplicate-env'
  | 'unexpanded-env'
  | 'proxy-env'
  | 'daemonset-coverage'
  | 'idle-command'
  | 'schema-migration'
  | 'missing-destination'
  | 'missed-injection'
  | 'mesh-control-plane'
  | 'mesh-proxy'
  | 'sidecar-startup'
  | 'session-affinity'
  | 'topology-routing'
  | 'service-publish-not-ready'
  | 'load-pinned'
  | 'load-balancer'
  | 'inbound-noise'
  | 'degraded-fallback'
  | 'ingress-upstream'
  | 'rate-limited'
  | 'token-rejected'
  | 'object-change'
  | 'cache-cold'
  | 'lock-wait'
  | 'unexplained';

/** Findings that say what changed, not what fails: the verdict makes them its "since", never its "what". */
export const CHANGE_KINDS: ReadonlySet<FindingKind> = new Set(['recent-rollout', 'object-change']);

export interface Finding {
  /** Stable within one report: `<kind>/<scope>`, e.g. `oom-killed/app`, `node-condition/ip-10-0-3-17`. */
  id: string;
  kind: FindingKind;
  /** One line, specific: names, numbers, the decisive reason. */
  title: string;
  layer: Layer;
  severity: Severity;
  confidence: Confidence;
  /** Facts from the cluster, one per line, each checkable with a confirm command. */
  evidence: string[];
  /** Why this probably happened; says what would confirm it when confidence is not high. */
  likelyCause: string;
  /** The safest next step, mitigation first. Suggested to a human; the bot never performs it. */
  nextAction: string;
  /**
   * The one piece of evidence that decides it, quoted as the cluster gave it: the log line,
   * the runtime's or the kubelet's message, the event. The verdict's headline carries it.
   */
  decisive?: string;
  /** The fix in a few words, without the mitigation around it: "fix the liveness probe port". */
  fix?: string;
  /**
   * The fault lives outside the workload (a webhook's backend, a peer's certificate), or the
   * revision before carries it too (its pods showed it as they stopped): a revision that rolled
   * out just before is not blamed and a rollback is not offered. Says why, e.g. "any new pod, of
   * any revision, is refused the same way".
   */
  outsideWorkload?: string;
  /**
   * The fault is a limit shared with the node's other containers that the pods' own use counts
   * against (inotify instances per user id): says what is used, "inotify instances". A revision
   * that uses more of it can meet it where the one before did not, so `outsideWorkload` holds only
   * when the differential bears it out (verdict/shared-limit-use.ts).
   */
  sharedLimit?: string;
  /**
   * The fault holds on every node alike (the API server refuses the CNI plugin): where the failing
   * pods sit is chance, so the verdict names no node to separate them and advises no cordon.
   */
  everyNode?: true;
  /**
   * The title dates the change that brought the fault on (a revision that cut a limit, the
   * Corefile was edited, the nodes it runs on were added or replaced, a taint was put on them):
   * that change is the trigger, so the verdict adds no "no change found" after it.
   */
  datesChange?: true;
  /**
   * What a rollback of the triggering revision would also undo, when the revision's intent is
   * sound and only something around it lags (a store now requires a password its probe does not
   * give): the verdict says the fix first and the rollback as the fallback. Says what it undoes.
   */
  rollbackUndoes?: string;
  /**
   * The rollback mitigates but leaves a step to do before the revision's change can come back (a
   * store's data to upgrade from the version that wrote it): the verdict says "roll back, then
   * this" rather than offering the fix as an alternative to the rollback.
   */
  rollbackThen?: string;
  /**
   * The fault passes by itself (a slow pull that will finish): the verdict says to wait, not to
   * roll back, even when a revision brought it on. Says what ends it.
   */
  passesBy?: string;
  /**
   * The revision before is no way back, though a revision brought the fault on (an identity it
   * moved to lacks a cloud role the old credentials no longer get): the revision stays the "since",
   * the verdict advises the fix and no rollback. Says why.
   */
  noRollback?: string;
  /**
   * The fault is in the process since it started and shows only when some input meets it (a
   * non-ASCII file name in an ASCII locale): errors that begin long after a rollout do not clear
   * the revision that started the process. Says why.
   */
  latent?: string;
  /**
   * When the fault began, for a fault the pods' status does not show (they are Ready and serve
   * nothing): the trigger is looked for before it. ISO-8601.
   */
  onset?: string;
  /**
   * The node directory (a hostPath) that pods of one node share and contend for (a store's lock):
   * a revision that moved the data onto it is the change, with what kept the pods apart.
   */
  sharedHostPath?: string;
  /**
   * The limit it meets is a size the process reads from its own configuration when it starts (an
   * executor's pool size and queue capacity): a ConfigMap the pods read that changed just before is
   * where such a size may have been cut, so its edit is tested as the trigger. Says which sizes.
   */
  sizedAtStart?: string;
  /**
   * The fault builds up before the pods show it (connections leaking until the pool runs dry): its
   * onset, when its own warnings began, is earlier than the pods' first failure and is the one the
   * trigger is looked for before. Says why.
   */
  buildsUp?: string;
  /**
   * The load that brings it on grows with the replicas (each adds its own concurrent work to a
   * limit they share on a server: a write queue every client fills): a scale-up of the same
   * revision just before the onset is its trigger, and fewer replicas undo it.
   */
  scalesWithReplicas?: true;
  /**
   * The title dates a scale-up of the workload that exposed the fault without bringing it on (the
   * pods it added meet what the older ones hide): that scale-up is the "since", and fewer replicas
   * do not undo it. When and from how many replicas to how many, as the finding read it.
   */
  exposedByScaleUp?: { at: string; from: number; to: number };
  /**
   * The title names the group of machines the fault keeps to, from every pod it hit (an OOM kill
   * an hour ago counts, though the pod is up again): the verdict names no narrower separation of
   * its own (one node of the group) and advises no cordon of it.
   */
  scopedTo?: string;
  /** Read-only kubectl commands with real names, namespace and context filled in. */
  confirmCommands: string[];
  /**
   * `jobs`: Jobs, or the CronJobs that own them, the finding names as part of its cause.
   * `configMaps`: ConfigMaps of the namespace that hold the setting it turns on (the limit a
   * dependency refuses at, which its pod mounts): an edit of one just before is the trigger,
   * though the workload's own pods do not read it.
   */
  affected?: { pods?: string[]; nodes?: string[]; services?: string[]; jobs?: string[]; configMaps?: string[] };
  /** Set by rank-findings: titles of symptoms folded into this finding. */
  explains?: string[];
  /** Set by rank-findings: ids of findings ranked above that account for this one. */
  explainedBy?: string[];
}

/**
 * How a StatefulSet's blocked-ordinal finding titles begin (analyzers/statefulset-ordinal.ts): the
 * verdict looks for it among what a mechanism explains, to say which pods the mechanism holds back.
 */
export const ORDINAL_TITLE = 'OrderedReady holds back';

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
export const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER[a] <= SEVERITY_ORDER[b] ? a : b;
}
