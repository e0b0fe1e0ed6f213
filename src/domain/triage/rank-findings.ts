import {
  CHANGE_KINDS,
  CONFIDENCE_ORDER,
  type Finding,
  type FindingKind,
  type Layer,
  SEVERITY_ORDER,
  maxSeverity,
} from './finding.js';

/** Findings that only restate that pods fail; folded into whatever explains them. */
const SYMPTOMS = new Set<FindingKind>(['crash-loop', 'unready-replicas', 'service-endpoints', 'rollout-stalled', 'node-concentration', 'statefulset-ordinal']);

const POD_SYMPTOMS: FindingKind[] = ['crash-loop', 'unready-replicas', 'service-endpoints', 'rollout-stalled', 'statefulset-ordinal'];
const PROCESS_FAULTS: FindingKind[] = ['signal-kill', 'liveness-kill', 'exit-code', 'clean-exit', 'readiness-probe', 'dependency-error'];
/** What a failure of the pods' own processes accounts for; where the failing pods sit is context for the verdict. */
const PROCESS_EFFECTS: FindingKind[] = [...POD_SYMPTOMS, 'node-concentration'];

/**
 * Which kinds of finding can account for which, when they concern the same pods, nodes or
 * Services. Domain knowledge, kept in one table; it must stay acyclic (a cause never
 * appears among its own effects, directly or through others).
 */
const EXPLAINS: Partial<Record<FindingKind, readonly FindingKind[]>> = {
  // Replacements of the pods a lost node holds find no room elsewhere: the node's loss is why they wait (the finding names them only then).
  'node-condition': [...PROCESS_FAULTS, 'eviction', 'node-concentration', 'volume-attach', 'image-pull', 'pod-sandbox', 'unexplained', 'failed-scheduling', ...POD_SYMPTOMS],
  'node-concentration': POD_SYMPTOMS,
  eviction: ['unready-replicas', 'service-endpoints'],
  // A change explains nothing that a mechanism explains; it only stands in for one when no mechanism was found.
  'recent-rollout': POD_SYMPTOMS,
  'object-change': POD_SYMPTOMS,
  'pvc-pending': ['failed-scheduling', 'volume-attach', ...POD_SYMPTOMS],
  placement: ['failed-scheduling', ...POD_SYMPTOMS],
  'volume-zone': ['failed-scheduling', 'pvc-pending', ...POD_SYMPTOMS],
  'failed-scheduling': POD_SYMPTOMS,
  // Pods preempted for higher-priority ones: their replacements are Pending because the room was taken.
  preemption: ['failed-scheduling', ...POD_SYMPTOMS],
  'pod-create-failed': POD_SYMPTOMS,
  // The Deployment's own settings hold the rollout (a minReadySeconds past the deadline, Recreate behind a drain): the stall, the empty Service and the draining pods' failed probes are this.
  'rollout-settings': ['readiness-probe', ...POD_SYMPTOMS],
  // New pods on one node get no network from its CNI plugin: they sit on that node, waiting.
  'pod-sandbox': ['node-concentration', 'unexplained', ...POD_SYMPTOMS],
  'volume-attach': POD_SYMPTOMS,
  // An in-cluster NFS server with no ready endpoint: the failing mounts, the reads and probes that block on the hard mount and their timeouts are its doing.
  'volume-server-down': ['volume-attach', 'readiness-probe', 'liveness-kill', 'signal-kill', 'dependency-error', 'slow-dependency', 'unexplained', ...PROCESS_EFFECTS],
  'image-pull': POD_SYMPTOMS,
  'container-config': POD_SYMPTOMS,
  // A placeholder command serves nothing: a probe on its port fails, a finite sleep ends.
  'idle-command': ['readiness-probe', 'clean-exit', ...POD_SYMPTOMS],
  // An init container that never finishes says what the pods wait for; the dependency it names is the same story.
  'init-stuck': ['dependency-error', 'cluster-dns', ...POD_SYMPTOMS],
  // A full volume is why the process exits or stops answering.
  'volume-full': [...PROCESS_FAULTS, 'oom-killed', ...PROCESS_EFFECTS],
  // A volume replaced under running pods: their file operations fail (stale handles), whatever they log or exit with.
  'volume-replaced': [...PROCESS_FAULTS, 'unexplained', 'dependency-error', ...PROCESS_EFFECTS],
  // A database re-created on an empty volume: the app's exits on its missing tables are its doing.
  'store-volume-lost': [...PROCESS_FAULTS, 'unexplained', 'schema-migration', ...PROCESS_EFFECTS],
  // A Redis Cluster in state fail: the CLUSTERDOWN answers, the errors logged of them and a member's failed probe at its empty start are its doing.
  'cluster-state': ['readiness-probe', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // Redis replicas that never finish a full resync: their lost links logged as errors and their LOADING probe failures are the loop.
  'replica-sync-loop': ['readiness-probe', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // Probes that time out and workers killed at their timeout wait on the slow dependency.
  'slow-dependency': ['readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'unexplained', ...PROCESS_EFFECTS],
  // A limit the process hits (descriptors, connection slots, threads) is why requests, probes and the process fail.
  'consumer-group': ['unexplained', 'dependency-error'],
  // A topic or queue the broker does not have: the sends that time out waiting for it, the errors logged of them and the requests that fail on them are its doing.
  'missing-destination': ['dependency-error', 'slow-dependency', 'readiness-probe', 'liveness-kill', 'exit-code', 'clean-exit', 'unexplained', ...PROCESS_EFFECTS],
  // Pending migrations: the app refuses to serve (a failing probe, an exit at start) against a schema older than its code.
  // A schema change that took an index away (a build left INVALID) is why queries turned slow.
  'schema-migration': ['readiness-probe', 'liveness-kill', 'exit-code', 'clean-exit', 'dependency-error', 'slow-dependency', 'unexplained', ...PROCESS_EFFECTS],
  // Pods admitted without the containers they asked an injector for fail on what those containers provide.
  // A mesh control plane the proxies cannot reach: the calls they fail (503 fail-fast), the errors the app logs of them and what its probes or restarts show of it are its doing.
  'mesh-control-plane': ['dependency-error', 'slow-dependency', 'readiness-probe', 'liveness-kill', 'exit-code', 'unexplained', ...PROCESS_EFFECTS],
  // The mesh proxy holds the pods' connections (a server-speaks-first port in protocol detection): the timeouts and failed probes are its doing.
  'mesh-proxy': ['dependency-error', 'slow-dependency', 'readiness-probe', 'liveness-kill', 'exit-code', 'unexplained', ...PROCESS_EFFECTS],
  'missed-injection': ['exit-code', 'clean-exit', 'readiness-probe', 'liveness-kill', 'container-config', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // An app that starts before its mesh proxy: its refused calls at boot, its exits and restarts are the race.
  'sidecar-startup': ['exit-code', 'clean-exit', 'readiness-probe', 'liveness-kill', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // An env name listed twice: the pods run with the last entry, and what they fail on (a refused login, an unknown host, a bad value) follows from it.
  'duplicate-env': ['credentials-rejected', 'dependency-error', 'container-config', 'readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'clean-exit', 'unexplained', ...PROCESS_EFFECTS],
  // A $(VAR) reference the kubelet left literal: the host that does not resolve, the path not found, the exits are what the app does with it.
  'unexpanded-env': ['credentials-rejected', 'dependency-error', 'container-config', 'readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'clean-exit', 'unexplained', ...PROCESS_EFFECTS],
  // A proxy in the env without NO_PROXY for the cluster: the in-cluster calls it refuses (403s, 502s, timeouts) and what they break follow from it.
  'proxy-env': ['dependency-error', 'credentials-rejected', 'slow-dependency', 'readiness-probe', 'liveness-kill', 'exit-code', 'clean-exit', 'unexplained', ...PROCESS_EFFECTS],
  'credentials-rejected': ['readiness-probe', 'liveness-kill', 'exit-code', 'crash-loop', 'unexplained', 'dependency-error', ...PROCESS_EFFECTS],
  // An API refusing the calls for their rate: the errors and failed probes that follow are its effects.
  'rate-limited': ['readiness-probe', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // Callers' tokens refused for a signing key the workload's cached key set lacks: the error lines are that.
  'token-rejected': ['dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  'resource-exhaustion': ['readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'dependency-error', 'unexplained', ...PROCESS_EFFECTS],
  // A CPU limit cut: throttled pods stall, miss probe timeouts and run their requests into timeouts.
  'cpu-starved': ['readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'slow-dependency', 'event-loop-blocked', 'unexplained', ...PROCESS_EFFECTS],
  // A process whose own event loop is blocked answers nothing: its probes and the calls it serves time out, whatever its dependencies do.
  'event-loop-blocked': ['readiness-probe', 'liveness-kill', 'signal-kill', 'dependency-error', 'slow-dependency', 'unexplained', ...PROCESS_EFFECTS],
  // A JVM short of heap collects most of the time: its slow answers, failed probes and the errors its own log shows of it are this.
  'heap-pressure': ['readiness-probe', 'liveness-kill', 'slow-dependency', 'event-loop-blocked', 'unexplained', ...PROCESS_EFFECTS],
  // A runtime that reports its own stall (its JIT off with a full code cache, its thread pool starved): its slow answers, probe timeouts and the calls it gives up on are this.
  'runtime-stall': ['readiness-probe', 'liveness-kill', 'signal-kill', 'dependency-error', 'slow-dependency', 'event-loop-blocked', 'unexplained', ...PROCESS_EFFECTS],
  // A failed Job is what paged: how its pods ended is the same story told from below, and a CronJob without a success since is its consequence.
  'job-failed': [...PROCESS_FAULTS, 'oom-killed', 'image-pull', 'container-config', 'cron-no-success', ...PROCESS_EFFECTS],
  unexplained: PROCESS_EFFECTS,
  hpa: ['readiness-probe', 'event-loop-blocked', 'unready-replicas', 'service-endpoints'],
  // Replicas held at the count a second writer re-applies: the HPA's rescales and the saturated pods' probes are this.
  'replica-fight': ['hpa', 'readiness-probe', 'event-loop-blocked', 'unready-replicas', 'service-endpoints'],
  // Replicas cut by hand: the pods left carry everyone's traffic, so their probes and stalls are this.
  'replicas-cut': ['readiness-probe', 'liveness-kill', 'event-loop-blocked', 'cpu-starved', 'slow-dependency', 'unready-replicas', 'service-endpoints', 'unexplained'],
  // Replicas saturated while the HPA may add only a few per period: their timeouts, to callers and dependencies alike, and failed probes are this.
  'hpa-scale-up-limit': ['hpa', 'readiness-probe', 'liveness-kill', 'dependency-error', 'event-loop-blocked', 'unready-replicas', 'service-endpoints', 'node-concentration', 'ingress-upstream'],
  // Nothing scales the workload (its HPA names a workload that no longer exists): its saturated replicas' probes and timeouts are this.
  // The HPA scaled in because a raised request makes the same load read lower: the few pods' probe timeouts, stalls and full pools are that load.
  'hpa-scaled-in': ['hpa', 'readiness-probe', 'liveness-kill', 'signal-kill', 'resource-exhaustion', 'dependency-error', 'slow-dependency', 'event-loop-blocked', 'cpu-starved', 'unready-replicas', 'service-endpoints', 'node-concentration', 'unexplained'],
  // The HPA cannot compute a replica count from its own spec against the template (a ContainerResource metric on a container the pods no longer run, a request it measures against gone) and holds them below its maximum: the saturated replicas' probes, stalls and timeouts are this.
  'hpa-blind': ['hpa', 'readiness-probe', 'liveness-kill', 'signal-kill', 'dependency-error', 'slow-dependency', 'event-loop-blocked', 'cpu-starved', 'unready-replicas', 'service-endpoints', 'node-concentration', 'unexplained'],
  'hpa-lost-target': ['hpa', 'readiness-probe', 'liveness-kill', 'dependency-error', 'event-loop-blocked', 'unready-replicas', 'service-endpoints', 'node-concentration'],
  'cluster-dns': ['dependency-error', ...PROCESS_FAULTS, ...PROCESS_EFFECTS],
  // A policy that keeps the ingress controller out is why its connects to the pods time out (its 504s).
  'network-policy': ['dependency-error', 'readiness-probe', 'liveness-kill', 'exit-code', 'ingress-upstream', ...PROCESS_EFFECTS],
  'dependency-error': ['exit-code', 'readiness-probe', 'liveness-kill', 'signal-kill', ...PROCESS_EFFECTS],
  // JVMs that cached a host's address before it moved: their connect timeouts, the pool that empties waiting on them and the probes that fail are this.
  'dns-cache-stale': ['dependency-error', 'resource-exhaustion', 'slow-dependency', 'readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'unexplained', ...PROCESS_EFFECTS],
  // Two workloads whose readiness waits on each other: the refused calls to the other side and the failing probes are the cycle.
  'readiness-cycle': ['dependency-error', 'readiness-probe', 'slow-dependency', 'unexplained', ...PROCESS_EFFECTS],
  // A preStop hook that sleeps through the grace period: the hook's failure, the kills of stopping pods and the 502s in front are its doing.
  'prestop-overrun': ['lifecycle-hook', 'signal-kill', 'ingress-upstream'],
  // Pods that exit at once on SIGTERM with no preStop hook: the proxy's 502s to them and their exits on the signal are the stop itself.
  'abrupt-shutdown': ['signal-kill', 'exit-code', 'ingress-upstream'],
  // A failed postStart hook is why the kubelet kills the container: its exit and restarts are the hook's.
  'lifecycle-hook': ['signal-kill', 'exit-code', 'clean-exit', 'unexplained', ...PROCESS_EFFECTS],
  // A liveness probe that checks a dependency: the dependency's failure is what it reports, the kills are what it does.
  'liveness-dependency': ['liveness-kill', 'signal-kill', 'exit-code', 'clean-exit', 'dependency-error', 'resource-exhaustion', 'slow-dependency', 'unexplained', ...PROCESS_EFFECTS],
  // Long-lived connections left on the pods from before a scale-up: those pods' failed probes, stalls and the HPA's moderate average are that load.
  'load-pinned': ['hpa', 'readiness-probe', 'liveness-kill', 'event-loop-blocked', 'unready-replicas', 'service-endpoints'],
  // ClientIP affinity pins a client's load to one pod: its kills, one pod at a time, are that load.
  'session-affinity': ['oom-killed', 'liveness-kill', 'signal-kill', 'exit-code', 'readiness-probe', 'unexplained', ...PROCESS_EFFECTS],
  // Topology hints that give a zone too few endpoints: those pods' stalls, failed probes and kills are its callers' load.
  'topology-routing': ['oom-killed', 'liveness-kill', 'signal-kill', 'exit-code', 'readiness-probe', 'event-loop-blocked', 'unexplained', ...PROCESS_EFFECTS],
  // A cluster-IP Service that publishes not-ready addresses: the warming pods' failed readiness is expected, the callers' errors are the Service's.
  'service-publish-not-ready': ['readiness-probe', 'unready-replicas', 'service-endpoints', 'rollout-stalled', 'node-concentration'],
  'oom-killed': PROCESS_EFFECTS,
  'signal-kill': PROCESS_EFFECTS,
  'liveness-kill': PROCESS_EFFECTS,
  'exit-code': PROCESS_EFFECTS,
  'clean-exit': PROCESS_EFFECTS,
  // A cache that came back empty: the database's refusals and timeouts under the misses, and the probes and errors of them, are the stampede.
  'cache-cold': ['resource-exhaustion', 'slow-dependency', 'dependency-error', 'readiness-probe', 'liveness-kill', 'unexplained', ...PROCESS_EFFECTS],
  // Pods that keep a scheduling gate never reach the scheduler: the stalled rollout, the missing replicas are the gate's doing.
  'scheduling-gated': ['recent-rollout', 'failed-scheduling', 'unexplained', ...POD_SYMPTOMS],
  'readiness-gate': ['unready-replicas', 'service-endpoints', 'rollout-stalled', 'unexplained', 'node-concentration'],
  'readiness-probe': ['unready-replicas', 'service-endpoints', 'rollout-stalled', 'statefulset-ordinal', 'node-concentration'],
  'crash-loop': ['unready-replicas', 'service-endpoints', 'rollout-stalled', 'statefulset-ordinal', 'node-concentration'],
  'unready-replicas': ['service-endpoints'],
  'service-selector': ['service-endpoints'],
  'service-target-port': ['service-endpoints'],
  // Queries that wait on a lock the database's log names: their timeouts, the full pool and the failed probes are the wait.
  'lock-wait': ['slow-dependency', 'resource-exhaustion', 'dependency-error', 'readiness-probe', 'liveness-kill', 'signal-kill', 'exit-code', 'unexplained', ...PROCESS_EFFECTS],
};

/** Findings about the pods' surroundings rather than what the pods themselves report. */
const CONTEXT_KINDS = new Set<FindingKind>(['node-condition', 'hpa', 'eviction', 'node-concentration', 'unexplained']);

/** Where to look first when everything else is equal: the lower layers fail the upper ones. */
const LAYER_ORDER: Record<Layer, number> = {
  'node/eviction': 0,
  'rollout/change': 1,
  capacity: 2,
  storage: 3,
  'runtime/probes': 4,
  'container/process': 5,
  'network/routing': 6,
};

type Scope = 'pods' | 'nodes' | 'services';

/** The dimension a finding is about, most specific first. */
function scopeOf(f: Finding): { dim: Scope; items: string[] } | undefined {
  for (const dim of ['pods', 'nodes', 'services'] as const) {
    const items = f.affected?.[dim] ?? [];
    if (items.length > 0) return { dim, items };
  }
  return undefined;
}

/** The part of the symptom's scope the cause accounts for (empty: none). */
function coverage(cause: Finding, symptom: Finding): string[] {
  const s = scopeOf(symptom);
  // A symptom with no scope (nothing exists to point at) is explained by any eligible cause.
  if (!s) return ['*'];
  const own = cause.affected?.[s.dim] ?? [];
  if (own.length > 0) return s.items.filter((i) => own.includes(i));
  // A node-scoped cause covers pods when all of the symptom's nodes are among its nodes.
  const causeNodes = cause.affected?.nodes ?? [];
  const symptomNodes = symptom.affected?.nodes ?? [];
  if (s.dim === 'pods' && causeNodes.length > 0 && symptomNodes.length > 0 && symptomNodes.every((n) => causeNodes.includes(n))) return s.items;
  // A cause with no scope (a quota) explains only scope-less symptoms.
  return [];
}

function isCovered(symptom: Finding, covered: Set<string>): boolean {
  const s = scopeOf(symptom);
  return s ? s.items.every((i) => covered.has(i)) : covered.size > 0;
}

function mergeSame(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const seen = byId.get(f.id);
    if (!seen) {
      byId.set(f.id, { ...f, evidence: [...f.evidence] });
      continue;
    }
    seen.severity = maxSeverity(seen.severity, f.severity);
    if (CONFIDENCE_ORDER[f.confidence] < CONFIDENCE_ORDER[seen.confidence]) seen.confidence = f.confidence;
    seen.evidence = [...new Set([...seen.evidence, ...f.evidence])];
    seen.affected = mergeAffected(seen.affected, f.affected);
  }
  return [...byId.values()];
}

function mergeAffected(a: Finding['affected'], b: Finding['affected']): Finding['affected'] {
  if (!a) return b;
  if (!b) return a;
  const out: NonNullable<Finding['affected']> = {};
  for (const dim of ['pods', 'nodes', 'services', 'jobs', 'configMaps'] as const) {
    const items = [...new Set([...(a[dim] ?? []), ...(b[dim] ?? [])])];
    if (items.length > 0) out[dim] = items;
  }
  return out;
}

/**
 * Orders findings so the first one is where to act: by severity, then causal primacy (a
 * cause before what it explains), then how many findings it accounts for, then
 * confidence, then layer. Findings with the same id
 * are merged; pure symptoms fully explained by other findings are folded into their cause
 * (listed in its `explains`), and explained findings that stay carry `explainedBy`.
 * A cause takes the severity of the worst thing it explains. Low-confidence findings
 * never explain anything: a hunch must not push a fact down the list.
 */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const list = mergeSame(findings);
  const causesOf = new Map<string, Finding[]>();
  for (const s of list) {
    const covered = new Set<string>();
    const causes = list.filter((c) => {
      if (c === s || c.confidence === 'low' || !(EXPLAINS[c.kind] ?? []).includes(s.kind)) return false;
      const part = coverage(c, s);
      part.forEach((i) => covered.add(i));
      return part.length > 0;
    });
    if (causes.length > 0 && isCovered(s, covered)) causesOf.set(s.id, causes);
  }

  const depth = new Map<string, number>();
  const depthOf = (f: Finding, path: Set<string> = new Set()): number => {
    const known = depth.get(f.id);
    if (known !== undefined) return known;
    if (path.has(f.id)) return 0;
    path.add(f.id);
    const d = Math.max(-1, ...(causesOf.get(f.id) ?? []).map((c) => depthOf(c, path))) + 1;
    depth.set(f.id, d);
    return d;
  };
  list.forEach((f) => depthOf(f));

  // Deepest first, so severity climbs a chain of explanations to its root.
  const absorbed = new Map<string, Finding>();
  for (const f of [...list].sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0))) {
    const causes = causesOf.get(f.id);
    if (!causes) continue;
    if (SYMPTOMS.has(f.kind)) {
      // Fold into the closest non-symptom cause; a symptom explained only by symptoms folds into the first of them.
      const target = pickAbsorber(causes, depth, absorbed);
      absorbed.set(f.id, target);
      target.explains = [...(target.explains ?? []), f.title, ...(f.explains ?? [])];
      target.severity = maxSeverity(target.severity, f.severity);
      target.affected = mergeAffected(target.affected, f.affected);
    } else {
      f.explainedBy = causes.map((c) => resolve(c, absorbed).id);
      for (const c of causes) resolve(c, absorbed).severity = maxSeverity(resolve(c, absorbed).severity, f.severity);
    }
  }

  // Among root causes, the one that accounts for more of what is wrong comes first: a
  // rollout that explains the OOM kills outranks a node condition that explains nothing.
  const reach = new Map<string, number>();
  for (const causes of causesOf.values()) {
    for (const c of new Set(causes.map((x) => resolve(x, absorbed).id))) reach.set(c, (reach.get(c) ?? 0) + 1);
  }

  // A change comes after every mechanism that is a problem: it is the "since", not the "what".
  const changeLast = list.some((f) => !CHANGE_KINDS.has(f.kind) && f.severity !== 'info');
  const isChange = (f: Finding): number => (changeLast && CHANGE_KINDS.has(f.kind) ? 1 : 0);
  // The state of the surroundings (a node, the autoscaler) leads only over what it explains;
  // a failure of the pods it does not explain comes first.
  const unexplainedByIt = (f: Finding, g: Finding): boolean =>
    g !== f && !CONTEXT_KINDS.has(g.kind) && !CHANGE_KINDS.has(g.kind) && g.severity !== 'info' && !absorbed.has(g.id) && !(causesOf.get(g.id) ?? []).some((c) => c.id === f.id);
  const idleContext = (f: Finding): number => (CONTEXT_KINDS.has(f.kind) && list.some((g) => unexplainedByIt(f, g)) ? 1 : 0);
  return list
    .filter((f) => !absorbed.has(f.id))
    .map((f) => (f.explainedBy ? { ...f, explainedBy: [...new Set(f.explainedBy)] } : f))
    .sort(
      (a, b) =>
        isChange(a) - isChange(b) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) ||
        idleContext(a) - idleContext(b) ||
        (reach.get(b.id) ?? 0) - (reach.get(a.id) ?? 0) ||
        CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
        LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] ||
        (b.affected?.pods?.length ?? 0) - (a.affected?.pods?.length ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

function resolve(f: Finding, absorbed: Map<string, Finding>): Finding {
  let cur = f;
  for (let i = 0; i < 10 && absorbed.has(cur.id); i++) cur = absorbed.get(cur.id) as Finding;
  return cur;
}

function pickAbsorber(causes: Finding[], depth: Map<string, number>, absorbed: Map<string, Finding>): Finding {
  const ranked = [...causes].sort(
    (a, b) =>
      Number(SYMPTOMS.has(a.kind)) - Number(SYMPTOMS.has(b.kind)) ||
      Number(CHANGE_KINDS.has(a.kind)) - Number(CHANGE_KINDS.has(b.kind)) ||
      (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return resolve(ranked[0] as Finding, absorbed);
}
