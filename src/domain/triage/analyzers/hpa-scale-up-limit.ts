import type { HpaEvidence, HpaScalingRules, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';
import { formatMetrics, isAboveTarget, parseMetricValue } from './hpa.js';

/**
 * The default scale-up rate lifts any spike within a minute or so (it doubles every 15 s); a limit
 * still holding after this long is the policy, not a moment of catching up.
 */
const SUSTAINED_MS = 3 * 60_000;

/** What autoscaling/v2 applies when spec.behavior.scaleUp is unset. */
const DEFAULT_SCALE_UP: HpaScalingRules = { policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }], selectPolicy: 'Max' };

/** "1 pod per 300s", "100% per 15s": the period as written. */
function describePolicy(p: HpaScalingRules['policies'][number]): string {
  const amount = p.type === 'Percent' ? `${p.value}%` : `${p.value} pod${p.value === 1 ? '' : 's'}`;
  return `${amount} per ${p.periodSeconds}s`;
}

function describeRules(r: HpaScalingRules): string {
  if (r.selectPolicy === 'Disabled') return 'scale-up disabled (selectPolicy Disabled)';
  const each = r.policies.map(describePolicy);
  if (each.length <= 1) return each[0] ?? 'no policy';
  return `${r.selectPolicy === 'Min' ? 'the least of' : 'the most of'} ${each.join(', ')}`;
}

/** The replica count the hot metrics call for (the HPA's own ratio: current × value / target), capped at maxReplicas. */
function estimateNeeded(hpa: HpaEvidence): number | undefined {
  const wants = hpa.metrics.flatMap((m) => {
    const current = parseMetricValue(m.current);
    const target = parseMetricValue(m.target);
    return current !== undefined && target !== undefined && target > 0 && current > target ? [Math.ceil((hpa.currentReplicas * current) / target)] : [];
  });
  return wants.length === 0 ? undefined : Math.min(hpa.maxReplicas, Math.max(...wants));
}

/** How long the policies take from `from` to `to` replicas; undefined when they never get there. */
function estimateCatchUp(r: HpaScalingRules, from: number, to: number): number | undefined {
  if (r.selectPolicy === 'Disabled' || from <= 0) return undefined;
  const times = r.policies.flatMap((p) => {
    if (p.value <= 0 || p.periodSeconds <= 0) return [];
    let replicas = from;
    let periods = 0;
    for (; replicas < to && periods < 10_000; periods++) replicas = p.type === 'Pods' ? replicas + p.value : Math.ceil(replicas * (1 + p.value / 100));
    return [periods * p.periodSeconds * 1000];
  });
  if (times.length === 0) return undefined;
  return r.selectPolicy === 'Min' ? Math.max(...times) : Math.min(...times);
}

/**
 * The HPA wants many more replicas than its scale-up behavior lets it add: ScalingLimited=True
 * (ScaleUpLimit, "the desired replica count is increasing faster than the maximum scale rate")
 * held for minutes while a metric stays above target, below maxReplicas. The replicas it has carry
 * the load meant for the ones it may not add yet; their timeouts and failed probes are this.
 */
export function analyzeHpaScaleUpLimit(ev: TriageEvidence): Finding[] {
  return ev.hpas.flatMap((hpa) => {
    const limited = findCondition(hpa.conditions, 'ScalingLimited');
    const hot = hpa.metrics.filter(isAboveTarget);
    if (limited?.status !== 'True' || limited.reason !== 'ScaleUpLimit' || hot.length === 0 || hpa.currentReplicas >= hpa.maxReplicas) return [];
    const needed = estimateNeeded(hpa);
    if (needed === undefined || needed <= hpa.currentReplicas) return [];
    const rules = hpa.scaleUp ?? DEFAULT_SCALE_UP;
    const catchUp = estimateCatchUp(rules, hpa.currentReplicas, needed);
    const heldFor = limited.lastTransitionTime === undefined ? undefined : msBetween(limited.lastTransitionTime, ev.collectedAt);
    // A moment of catching up under a fast policy is not a fault.
    if ((heldFor ?? catchUp ?? 0) < SUSTAINED_MS) return [];
    const policy = hpa.scaleUp ? `its scale-up policy allows ${describeRules(rules)}` : `the default scale-up rate allows ${describeRules(rules)}`;
    const capped = needed >= hpa.maxReplicas ? `its maximum of ${hpa.maxReplicas}` : `about ${needed} replicas (max ${hpa.maxReplicas})`;
    const held = heldFor === undefined ? '' : ` for ${formatSpan(heldFor)}`;
    const eta = catchUp === undefined ? '; at this rate it never gets there' : catchUp >= SUSTAINED_MS ? `; ~${formatSpan(catchUp)} to reach ${needed} at this rate` : '';
    const scale = formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=${needed}`);
    return [{
      id: `hpa-scale-up-limit/${hpa.name}`,
      kind: 'hpa-scale-up-limit',
      title: `HPA ${hpa.name} cannot scale up fast enough: ${policy} while ${formatMetrics({ ...hpa, metrics: hot })} calls for ${capped} and it has ${hpa.currentReplicas}; ScalingLimited=True (ScaleUpLimit)${held}${eta}`,
      layer: 'capacity',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `replicas ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired (allowed this period), range ${hpa.minReplicas}–${hpa.maxReplicas}`,
        `metrics: ${formatMetrics(hpa)}`,
        `ScalingLimited=True (ScaleUpLimit)${limited.message ? `: ${limited.message}` : ''}${limited.lastTransitionTime ? ` (since ${formatAgo(limited.lastTransitionTime, ev.collectedAt)})` : ''}`,
        hpa.scaleUp
          ? `spec.behavior.scaleUp: ${describeRules(rules)}${rules.stabilizationWindowSeconds === undefined ? '' : `, stabilizationWindowSeconds ${rules.stabilizationWindowSeconds}`}`
          : 'spec.behavior.scaleUp unset: the default (100% or 4 pods per 15s, whichever is more)',
      ],
      ...(limited.message ? { decisive: limited.message } : {}),
      likelyCause: `Load rose faster than the HPA may add replicas: ${policy}, so the ${hpa.currentReplicas} replicas it has carry the load of about ${needed}; saturated, they time out and fail their probes while the HPA adds pods one period at a time.`,
      nextAction: `Mitigate: scale up by hand to ${needed} (\`${scale}\` — the bot will not; the HPA keeps a count its metrics justify), and check the new pods get scheduled. Then relax spec.behavior.scaleUp of HPA ${hpa.name} (e.g. a policy of 100% per 15s beside the current one, selectPolicy Max).`,
      fix: `scale up by hand to ${needed} now, then relax the HPA's scale-up policy (spec.behavior.scaleUp)`,
      confirmCommands: [formatKubectl(ev.target, `describe hpa ${hpa.name}`), formatKubectl(ev.target, `get hpa ${hpa.name} -o jsonpath='{.spec.behavior.scaleUp}'`)],
      // Saturation reaches every replica: which of them fail their probes first is chance.
      affected: { pods: ev.pods.map((p) => p.name) },
    }];
  });
}
