import type { HpaEvidence, IsoTime } from './evidence.js';
import type { MetricsAdapterEvidence } from './evidence-context.js';
import { condenseStructuredLine, pickDecisiveLine } from './evidence-lookup.js';
import { getWaiting } from './pod-status.js';

/**
 * Custom and external metrics (Pods, Object, External metric types) are not served by
 * metrics-server: an adapter registers custom.metrics.k8s.io / external.metrics.k8s.io and answers
 * for them. When that API "is currently unable to handle the request", the adapter is down — it is
 * the component to repair, and its own rollout is the change that blinded the HPA.
 */
export type AdapterApi = 'custom' | 'external';

/** The adapters that commonly serve those APIs, by the name their charts and manifests give their pods. */
export const METRICS_ADAPTER_NAMES = ['prometheus-adapter', 'keda-operator-metrics-apiserver', 'custom-metrics-stackdriver-adapter', 'datadog-cluster-agent', 'k8s-cloudwatch-adapter'] as const;

/** What to call the family when no adapter was found: the usual suspects for that API. */
export const ADAPTER_FAMILY: Record<AdapterApi, string> = {
  custom: 'the adapter that serves custom.metrics.k8s.io (prometheus-adapter, Datadog\'s cluster agent, the Stackdriver adapter …)',
  external: 'the adapter that serves external.metrics.k8s.io (KEDA\'s metrics apiserver, prometheus-adapter, Datadog\'s cluster agent …)',
};

/** Which adapter API the HPA's message names; undefined for the resource metrics API. */
export function findAdapterApi(message: string): AdapterApi | undefined {
  if (/custom metrics API|custom\.metrics\.k8s\.io/i.test(message)) return 'custom';
  if (/external metrics API|external\.metrics\.k8s\.io/i.test(message)) return 'external';
  return undefined;
}

/** The adapter answered but has no such series: it is up, the metric is missing. */
const ANSWERED = /could not find the metric|no metrics returned from (?:custom|external) metrics API/i;

/** ScalingActive=False because the custom or external metrics API itself does not answer: its adapter is the lead. */
export function needsMetricsAdapter(hpas: readonly HpaEvidence[]): boolean {
  return hpas.some((h) => h.conditions.some((c) => c.type === 'ScalingActive' && c.status === 'False' && findAdapterApi(c.message ?? '') !== undefined && !ANSWERED.test(c.message ?? '')));
}

export interface AdapterState {
  /** "prometheus-adapter (ns) 0/2 ready, crash-looping since its revision 7 (55 min ago)" */
  state: string;
  down: boolean;
  evidence: string[];
  decisive?: string;
  /** The adapter's revision, created before the HPA went blind, that its failing pods all run. */
  since?: { revision: number; createdAt: IsoTime; previous?: number };
}

/** How the adapter stands: ready pods, restarts, what its log says, and the revision its failing pods run. */
export function describeAdapterState(a: MetricsAdapterEvidence, onset: IsoTime | undefined, ago: (t: IsoTime) => string): AdapterState {
  const where = `${a.name} (${a.namespace})`;
  if (a.pods.length === 0) return { state: `${where} has no pod`, down: true, evidence: [`Deployment ${a.namespace}/${a.name}: no pod`] };
  const ready = a.pods.filter((p) => p.ready).length;
  const restarts = a.pods.reduce((n, p) => n + p.containers.reduce((m, c) => m + c.restartCount, 0), 0);
  const crashing = a.pods.some((p) => p.containers.some((c) => getWaiting(c)?.reason === 'CrashLoopBackOff'));
  const down = ready === 0;
  const line = pickDecisiveLine(a.logs.flatMap((l) => l.lines));
  const decisive = line === undefined ? undefined : condenseStructuredLine(line.trim());
  const current = a.rollout?.current;
  // Its new revision is the trigger only when every pod runs it and it came before the HPA went blind.
  const allOnIt = current !== undefined && a.pods.every((p) => p.revisionHash === current.hash);
  const before = current !== undefined && (onset === undefined || Date.parse(current.createdAt) <= Date.parse(onset));
  const since = down && allOnIt && before && current ? { revision: current.revision, createdAt: current.createdAt, ...(a.rollout?.previous ? { previous: a.rollout.previous.revision } : {}) } : undefined;
  const how = crashing ? 'crash-looping' : down ? 'not ready' : 'answering';
  return {
    state: `${where} ${ready}/${a.pods.length} ready, ${how}${since ? ` since its revision ${since.revision} (${ago(since.createdAt)})` : ''}`,
    down,
    ...(decisive ? { decisive } : {}),
    ...(since ? { since } : {}),
    evidence: [
      `metrics adapter ${a.namespace}/${a.name}: ${ready}/${a.pods.length} pods ready, ${restarts} restarts (${a.pods.map((p) => p.name).slice(0, 3).join(', ')})`,
      ...(current ? [`its pods run revision ${current.revision} (${ago(current.createdAt)}${current.changeCause ? `, ${current.changeCause}` : ''})${a.rollout?.previous ? `; revision ${a.rollout.previous.revision} before it (${ago(a.rollout.previous.createdAt)})` : ''}`] : []),
      ...(decisive ? [`log ${a.logs[0]?.pod ?? ''}${a.logs[0]?.previous ? ' (previous run)' : ''}: ${decisive}`] : []),
    ],
  };
}
