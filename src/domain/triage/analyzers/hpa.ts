import { capitalize } from '../../text.js';
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { HpaEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findCondition, listEventsOf, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { RECENT_MS } from '../pod-status.js';
import { parseQuantity } from '../quantity.js';
import { formatAgo, isWithin } from '../time-span.js';
import { findMissingRequest } from '../hpa-missing-request.js';
import { describeMissingContainer, findMissingContainer } from '../hpa-missing-container.js';
import { findHpaFlapping, formatSwing, listYoungPods, type HpaFlapping } from '../hpa-flapping.js';
import { findIdleConsumers } from '../consumer-assignment.js';
import { describeMaxRestore, findHpaMaxChange } from '../hpa-max-change.js';
import { findWorkOnSchedule } from '../work-on-schedule.js';
import { ADAPTER_FAMILY, describeAdapterState, findAdapterApi } from '../hpa-metrics-adapter.js';

/** "182%" → 182, "250m" → 0.25; undefined when unreadable. */
export function parseMetricValue(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
  return pct ? Number(pct[1]) : parseQuantity(v);
}

/** The metric is above its target (a number or a percentage); false when either is unreadable. */
export function isAboveTarget(m: HpaEvidence['metrics'][number]): boolean {
  const current = parseMetricValue(m.current);
  const target = parseMetricValue(m.target);
  return current !== undefined && target !== undefined && current > target;
}

/** "cpu 171% (target 70%), …" */
export function formatMetrics(hpa: HpaEvidence): string {
  return hpa.metrics.map((m) => `${m.name} ${m.current ?? '?'} (target ${m.target ?? '?'})`).join(', ');
}

/**
 * The workload's HPA: at its maximum while metrics stay above target (no more capacity to
 * add), unable to read metrics or to scale (it silently stops working), and recent scaling
 * as context for "what changed".
 */
export function analyzeHpa(ev: TriageEvidence): Finding[] {
  return ev.hpas.flatMap((hpa) => {
    const findings: Finding[] = [];
    const confirm = [formatKubectl(ev.target, `describe hpa ${hpa.name}`)];
    const limited = findCondition(hpa.conditions, 'ScalingLimited');
    const hot = hpa.metrics.filter(isAboveTarget);
    const flapping = findHpaFlapping(listEventsOf(ev, 'HorizontalPodAutoscaler', hpa.name), ev.collectedAt);
    // Consumers past the partition count idle: more replicas add nothing (consumer-partitions.ts says so).
    const pastPartitions = findIdleConsumers(ev.logs) !== undefined;
    // Flapping between its bounds, it is not short of replicas: never advise a higher maximum then.
    if (flapping) findings.push(describeFlapping(ev, hpa, flapping));
    else if (!pastPartitions && hpa.desiredReplicas >= hpa.maxReplicas && (hot.length > 0 || (limited?.status === 'True' && limited.reason === 'TooManyReplicas'))) {
      // A maximum lowered below the replicas it ran: the ceiling moved, not the load.
      const change = findHpaMaxChange(ev, hpa);
      const lowered = change?.lowered ? change : undefined;
      const restore = lowered ? describeMaxRestore(lowered, hpa) : undefined;
      // At its maximum is planned capacity while the work keeps its schedule and no pod suffers:
      // it is a problem only when work falls behind.
      const calm = ev.pods.every((p) => p.ready && p.containers.every((c) => c.restartCount === 0));
      const onSchedule = !lowered && calm ? findWorkOnSchedule(ev.logs) : undefined;
      if (onSchedule) {
        findings.push({
          id: `hpa/${hpa.name}/at-max`,
          kind: 'hpa',
          title: `HPA ${hpa.name} at its maximum (${hpa.currentReplicas}/${hpa.maxReplicas} replicas)${hot.length > 0 ? ` with ${formatMetrics({ ...hpa, metrics: hot })}` : ''} while the work stays on schedule, as planned`,
          layer: 'capacity',
          severity: 'info',
          confidence: 'medium',
          evidence: [
            `replicas ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired, range ${hpa.minReplicas}–${hpa.maxReplicas}`,
            `metrics: ${formatMetrics(hpa)}`,
            ...(limited?.status === 'True' ? [`ScalingLimited=True (${limited.reason ?? ''})${limited.message ? `: ${limited.message}` : ''}`] : []),
            `progress (${onSchedule.pod}): ${onSchedule.line}`,
          ],
          likelyCause: 'The work uses every replica the HPA may add and still keeps its schedule (its progress says so), with every pod ready and none restarting: the ceiling is the planned capacity, not a shortage.',
          nextAction: 'Nothing to change while the progress stays on schedule; look again if the progress says it is behind or its ETA passes the deadline.',
          confirmCommands: [...confirm],
        });
      } else findings.push({
        id: `hpa/${hpa.name}/at-max`,
        kind: 'hpa',
        title: `HPA ${hpa.name} at its maximum (${hpa.currentReplicas}/${hpa.maxReplicas} replicas)${hot.length > 0 ? ` with ${formatMetrics({ ...hpa, metrics: hot })}` : ''}`,
        layer: 'capacity',
        severity: 'warning',
        confidence: hot.length > 0 ? 'high' : 'medium',
        evidence: [
          `replicas ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired, range ${hpa.minReplicas}–${hpa.maxReplicas}`,
          `metrics: ${formatMetrics(hpa)}`,
          ...(limited?.status === 'True' ? [`ScalingLimited=True (${limited.reason ?? ''})${limited.message ? `: ${limited.message}` : ''}`] : []),
          ...(change ? [change.text, ...(change.event ? [`SuccessfulRescale: ${change.event}`] : [])] : []),
          ...(hpa.gitOps ? [`the HPA is tracked by ${hpa.gitOps.tool} (${hpa.gitOps.marker})`] : []),
        ],
        likelyCause: lowered
          ? `The HPA's maximum was lowered below the replicas it ran (it scaled down to it${lowered.from !== undefined ? ` from ${lowered.from}` : ''}: "${lowered.event ?? ''}"), so the load those replicas served now falls on ${hpa.maxReplicas}, above the target utilisation, and the HPA may not add any.`
          : 'Load is above what the maximum replica count can serve at the target utilisation: more traffic than planned, or each replica got slower (a change, a slow dependency).',
        nextAction: restore
          ? `${capitalize(restore)}.`
          : 'Mitigate: raise maxReplicas if the cluster has room (and the dependencies can take the extra connections), or shed the extra load; check whether per-replica cost rose with a recent change.',
        fix: restore ?? 'raise maxReplicas (or shed load)',
        ...(limited?.message ? { decisive: `ScalingLimited: ${limited.message}` } : {}),
        confirmCommands: [...confirm, formatKubectl(ev.target, `top pods -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)}`)],
        // Saturation reaches every replica: slow probes on any of them are this.
        affected: { pods: ev.pods.map((p) => p.name) },
      });
    }
    const active = findCondition(hpa.conditions, 'ScalingActive');
    const able = findCondition(hpa.conditions, 'AbleToScale');
    // Two HPAs on the same pods (AmbiguousSelector) are one too many, not blind: hpa-ambiguous.ts.
    const broken = [active, able].filter((c) => c?.status === 'False' && c.reason !== 'ScalingDisabled' && c.reason !== 'AmbiguousSelector');
    if (broken.length > 0) {
      const message = broken.map((c) => c?.message ?? '').join(' ');
      const noRequests = findMissingRequest(message, ev.revisions);
      const who = noRequests?.container ? `container ${noRequests.container}` : 'a container';
      const dropped = noRequests?.dropped;
      const requestTitle = noRequests
        ? ` — ${who} has no ${noRequests.resource} request, which its ${noRequests.resource} utilization is measured against${dropped ? ` (revision ${dropped.revision.revision} (${formatAgo(dropped.revision.createdAt, ev.collectedAt)}) dropped it; revision ${dropped.previous} requested ${dropped.was})` : ''}`
        : '';
      const setRequest = noRequests ? `set a ${noRequests.resource} request on ${who}${dropped ? ` (${dropped.was} as in revision ${dropped.previous})` : ''}` : '';
      // A ContainerResource metric on a container the pods no longer run: metrics-server answers, the name does not match.
      const noContainer = noRequests ? undefined : findMissingContainer(hpa, message, ev.revisions);
      const unmatched = noContainer ? describeMissingContainer(noContainer, hpa.name, ev.collectedAt, formatAgo) : undefined;
      const containerTitle = noContainer && unmatched ? ` — its ContainerResource metric reads container ${noContainer.container}, ${unmatched.clause}` : '';
      // The adapter answers but has no such metric: renamed or no longer exported, not an API down.
      const missing = /could not find the metric ([\w:.-]+)|no metrics returned from (?:custom|external) metrics API[^\n]*?metric ([\w:.-]+)/i.exec(message);
      const missingMetric = missing?.[1] ?? missing?.[2];
      const metricsApi = missingMetric
        ? `the ${/external metrics/i.test(message) ? 'external' : 'custom'} metrics API has no metric ${missingMetric} (renamed, or no longer exported)`
        : !noContainer && /metrics API|metrics\.k8s\.io|unable to (fetch|get) metrics/i.exec(message) ? describeMetricsApi(message) : undefined;
      // metrics-server serves resource metrics only; custom and external metrics come from an adapter.
      const server = metricsApi && !missingMetric && !/custom metrics|external metrics/i.test(message) ? describeMetricsServer(ev) : undefined;
      const since = broken.map((c) => c?.lastTransitionTime).filter((t): t is string => t !== undefined).sort()[0];
      // Custom and external metrics come from an adapter: name it, and how it stands when it was read.
      const adapterApi = metricsApi && !missingMetric ? findAdapterApi(message) : undefined;
      const adapterRead = adapterApi && ev.metricsAdapter ? describeAdapterState(ev.metricsAdapter, since, (t) => formatAgo(t, ev.collectedAt)) : undefined;
      const adapter = adapterRead?.down ? adapterRead : undefined;
      const adapterName = ev.metricsAdapter && adapter ? `${ev.metricsAdapter.name} in ${ev.metricsAdapter.namespace}` : undefined;
      const rollback = adapter?.since?.previous !== undefined && ev.metricsAdapter
        ? ` or roll it back to revision ${adapter.since.previous} (\`kubectl -n ${ev.metricsAdapter.namespace} rollout undo deployment/${ev.metricsAdapter.name}\`)`
        : '';
      const restoreApi = adapterApi
        ? adapterName ? `repair ${adapterName}${adapter?.since ? ` (down since its revision ${adapter.since.revision})` : ''}${rollback ? ' or roll it back' : ''} so the ${adapterApi} metrics API answers and the HPA can scale` : `restore ${ADAPTER_FAMILY[adapterApi]} so the HPA can scale`
        : 'restore the metrics API (metrics-server) so the HPA can scale';
      const slow = listStarvedProbes(ev);
      const heldAt = hpa.currentReplicas <= hpa.minReplicas ? `at its minimum of ${hpa.minReplicas}` : `at ${hpa.currentReplicas}`;
      const starving = slow.length > 0 && hpa.currentReplicas < hpa.maxReplicas;
      const byHand = `scale by hand (\`${formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=N`)}\` — the bot will not)`;
      findings.push({
        id: `hpa/${hpa.name}/not-scaling`,
        // Its own spec against the template holds the pods below its maximum while they saturate: their timeouts are this.
        kind: starving && (noRequests || noContainer) ? 'hpa-blind' : 'hpa',
        title: `HPA ${hpa.name} cannot scale: ${broken.map((c) => `${c?.type ?? ''}=False (${c?.reason ?? ''})`).join(', ')}${requestTitle}${containerTitle}${metricsApi ? ` — ${metricsApi}${server ? `; ${server.state}` : ''}${adapter ? `: its adapter ${adapter.state}` : ''}` : ''}${starving ? `; it holds ${heldAt} replicas (max ${hpa.maxReplicas}) while their probes time out under load` : ''}`,
        // The revision that dropped the request is the change that blinded it.
        ...(dropped || noContainer?.dropped || adapter?.since ? { datesChange: true } : {}),
        ...(starving ? { affected: { pods: ev.pods.map((p) => p.name) } } : {}),
        // Blind since its condition turned False: what changed just before is the lead.
        ...(since ? { onset: since } : {}),
        layer: 'capacity',
        severity: 'warning',
        confidence: 'high',
        evidence: [...broken.map((c) => `${c?.type ?? ''}=False (${c?.reason ?? ''}): ${c?.message ?? ''}`), ...(server?.evidence ?? []), ...(adapterRead?.evidence ?? [])],
        ...(server?.decisive ? { decisive: server.decisive } : adapter?.decisive ? { decisive: adapter.decisive } : {}),
        likelyCause: noRequests
          ? `${capitalize(who)} has no ${noRequests.resource} request: utilization is a percentage of the request, so it cannot be computed and the HPA holds the replica count where it is.`
          : unmatched
          ? unmatched.cause
          : missingMetric
          ? `The metrics adapter answers but finds no series for ${missingMetric}: the app no longer exports it under that name (a metrics-library upgrade renames series), or the adapter's rule changed. The HPA holds the replica count where it is.`
          : adapterApi
          ? `The ${adapterApi} metrics API is served by an adapter, not metrics-server${adapterName ? `: ${adapter?.state ?? adapterName}${adapter?.decisive ? ` — its log: ${adapter.decisive}` : ''}` : ''}. While it does not answer the HPA cannot compute a replica count and holds the one it has, whatever the load.`
          : 'The HPA cannot read its metrics (metrics-server or a metrics adapter down, or a metric that does not exist) or cannot change the scale; it holds the replica count where it is.',
        nextAction: noRequests
          ? `${capitalize(setRequest)}, then the HPA scales again${starving ? `; meanwhile ${byHand}` : ''}.`
          : unmatched
          ? `${capitalize(unmatched.fix)}, in the manifests it comes from; then the HPA scales again${starving ? `; meanwhile ${byHand}` : ''}.`
          : adapterApi
          ? `${starving ? `Mitigate: ${byHand}. ` : ''}${adapterName ? `Repair ${adapterName} (its log says why it fails)${rollback}` : `Find the adapter behind the ${adapterApi} metrics API (\`kubectl get apiservices | grep ${adapterApi}.metrics\`) and restore it`}; the HPA scales again once the API answers.`
          : `${starving ? `Mitigate: ${byHand}. ` : ''}Check the metrics pipeline (kubectl top works? metrics-server and its APIService) and the metric names in the HPA.`,
        fix: noRequests
          ? `${setRequest}${starving ? ', and scale by hand meanwhile' : ''}`
          : unmatched
          ? `${unmatched.fix}${starving ? ', and scale by hand meanwhile' : ''}`
          : missingMetric
          ? `${starving ? 'scale by hand meanwhile, and ' : ''}make ${missingMetric} exist again (the adapter's rule, or the name the app exports)`
          : `${starving ? 'scale by hand meanwhile, and ' : ''}${restoreApi}`,
        confirmCommands: noContainer
          ? [...confirm, formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.containers[*].name}'`)]
          : adapterApi
          ? [...confirm, formatKubectl(ev.target, `get apiservices v1beta1.${adapterApi}.metrics.k8s.io`, 'cluster'), ...(ev.metricsAdapter && adapter ? [`kubectl -n ${ev.metricsAdapter.namespace} logs deployment/${ev.metricsAdapter.name} --previous`] : [])]
          : [...confirm, formatKubectl(ev.target, 'get apiservices v1beta1.metrics.k8s.io', 'cluster')],
      });
    }
    const rescales = listEventsOf(ev, 'HorizontalPodAutoscaler', hpa.name).filter((e) => e.reason === 'SuccessfulRescale' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
    if (rescales.length > 0) {
      const last = rescales.reduce((a, b) => (Date.parse(b.lastSeen) > Date.parse(a.lastSeen) ? b : a));
      findings.push({
        id: `hpa/${hpa.name}/rescaled`,
        kind: 'hpa',
        title: `HPA ${hpa.name} rescaled ${formatAgo(last.lastSeen, ev.collectedAt)}: ${last.message}`,
        layer: 'capacity',
        severity: 'info',
        confidence: 'high',
        evidence: collapseEvents(rescales).map((e) => formatEventLine(e)),
        likelyCause: 'Load changed enough for the HPA to act: a change in traffic or in per-replica cost, shortly before this triage.',
        nextAction: 'Correlate with traffic; new replicas that fail or stay Pending are covered by the other findings.',
        confirmCommands: confirm,
      });
    }
    return findings;
  });
}

/** The HPA swinging between sizes: how often, and why new pods move its metric when it measures CPU. */
function describeFlapping(ev: TriageEvidence, hpa: HpaEvidence, f: HpaFlapping): Finding {
  const young = listYoungPods(ev.pods, ev.collectedAt);
  const cpu = hpa.metrics.some((m) => /^cpu$/i.test(m.name));
  // New pods counted while they start: a JVM's JIT and cache warm-up burn CPU the HPA averages in.
  const warmUp = cpu && young.length > 0;
  const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} min`;
  const every = f.periodMs === undefined ? '' : `, about one cycle every ${minutes(f.periodMs)}`;
  const sizes = [...new Set([...f.downSizes, ...f.upSizes])].sort((a, b) => a - b).join(', ');
  const noBehavior = hpa.scaleUp === undefined;
  return {
    id: `hpa/${hpa.name}/flapping`,
    kind: 'hpa',
    title: `HPA ${hpa.name} flaps ${formatSwing(f)} replicas: scaled up ${f.ups} and down ${f.downs} times in ${minutes(f.spanMs)}${every}${warmUp ? ` — new pods' start-up (warm-up) CPU likely counted in its ${formatMetrics({ ...hpa, metrics: hpa.metrics.filter((m) => /^cpu$/i.test(m.name)) })}` : ''}`,
    layer: 'capacity',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `SuccessfulRescale ${f.ups}× up (to ${f.upSizes.join(', ')}) and ${f.downs}× down (to ${f.downSizes.join(', ')}), last ${formatAgo(f.lastSeen, ev.collectedAt)}; sizes ${sizes}`,
      `replicas ${hpa.currentReplicas} current, range ${hpa.minReplicas}–${hpa.maxReplicas}; metrics: ${formatMetrics(hpa)}`,
      ...(young.length > 0 ? [`${young.length} of ${ev.pods.length} pods started in the last ${minutes(15 * 60_000)} (${young.slice(0, 3).map((p) => p.name).join(', ')}${young.length > 3 ? ', …' : ''})`] : []),
      noBehavior ? 'no spec.behavior.scaleUp: the default adds up to 100% per 15 s with no stabilization window' : 'spec.behavior.scaleUp is set',
    ],
    likelyCause: warmUp
      ? 'Each scale-up adds pods whose start-up burns CPU (JIT compilation, caches warming) while they already count in the HPA\'s average: the average jumps, it scales up again to its maximum; once warm the pods idle, the average collapses and it scales back down, and the cycle repeats. It is not short of replicas at its maximum.'
      : 'The metric moves with the replica count itself (each scale-up or scale-down carries the per-pod average across the target), so the HPA swings back and forth instead of settling; it is not short of replicas at its maximum.',
    nextAction: `Damp the HPA: add spec.behavior — a scaleUp stabilizationWindowSeconds (and a Pods policy) and a longer scaleDown window${warmUp ? '; keep warm-up out of what it counts (a startupProbe or readiness that passes only after warm-up, a start-up CPU boost, or pre-warming)' : ''}. A higher maxReplicas would not help: it reaches it only to drop back.`,
    fix: `add behavior.scaleUp stabilization to the HPA${warmUp ? ' and keep start-up CPU out of its average (readiness after warm-up, or pre-warm)' : ''}; a higher maxReplicas would not help`,
    decisive: `SuccessfulRescale ${formatSwing(f)} repeated: up ${f.ups}×, down ${f.downs}×`,
    confirmCommands: [formatKubectl(ev.target, `describe hpa ${hpa.name}`), formatKubectl(ev.target, `get events --field-selector involvedObject.name=${hpa.name},reason=SuccessfulRescale`)],
    affected: { pods: ev.pods.map((p) => p.name) },
  };
}

/** Pods slow to answer their probes while the HPA cannot add any: it is the HPA that holds them at this count. */
export function listStarvedProbes(ev: TriageEvidence): TriageEvidence['events'] {
  return ev.events.filter((e) => e.reason === 'Unhealthy' && e.object.kind === 'Pod' && /probe failed:.*(deadline exceeded|Timeout|timed out)/i.test(e.message) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
}

/** "the resource metrics API is unavailable (get pods.metrics.k8s.io)": what the HPA cannot read. */
function describeMetricsApi(message: string): string {
  const what = /\(get ([\w.]+metrics[\w.]*)\)/i.exec(message)?.[1];
  const api = /resource metrics API/i.test(message) ? 'the resource metrics API (metrics-server)' : /custom metrics/i.test(message) ? 'the custom metrics API' : /external metrics/i.test(message) ? 'the external metrics API' : 'the metrics API';
  return `${api} does not answer${what ? ` (get ${what})` : ''}`;
}

/** metrics-server as read beside the HPA: how many pods are ready and what its log says. */
function describeMetricsServer(ev: TriageEvidence): { state: string; decisive?: string; evidence: string[] } | undefined {
  const ms = ev.metricsServer;
  if (ms === undefined) return undefined;
  if (ms.pods.length === 0) return { state: `no metrics-server pod in ${ms.namespace}`, evidence: [`no pod labelled as metrics-server in ${ms.namespace}`] };
  const ready = ms.pods.filter((p) => p.ready).length;
  const lines = ms.logs.flatMap((l) => l.lines);
  const line = pickDecisiveLine(lines);
  const decisive = line === undefined ? undefined : condenseStructuredLine(line.trim());
  return {
    state: `metrics-server ${ready}/${ms.pods.length} ready`,
    ...(decisive ? { decisive } : {}),
    evidence: [
      `metrics-server in ${ms.namespace}: ${ready}/${ms.pods.length} pods ready (${ms.pods.map((p) => p.name).slice(0, 3).join(', ')})`,
      ...(decisive ? [`log ${ms.logs[0]?.pod ?? ''}: ${decisive}`] : []),
    ],
  };
}
