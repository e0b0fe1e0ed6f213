import type { HpaEvidence, HpaScalingRules, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';
import { findUpstreamErrors, isConnectTimeout } from '../ingress-upstream-errors.js';
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
/** Scale-up turned off outright (a freeze left in place): the words of the finding. */
function sayDisabled(hpa: HpaEvidence, hot: HpaEvidence['metrics'], capped: string, needed: number, held: string, scale: string): { title: string; cause: string; action: string; fix: string } {
  const fix = `set spec.behavior.scaleUp.selectPolicy of HPA ${hpa.name} back to Max (or remove the scaleUp override)`;
  return {
    title: `HPA ${hpa.name} cannot scale up: its scaleUp policy is Disabled (selectPolicy: Disabled) while ${formatMetrics({ ...hpa, metrics: hot })} calls for ${capped}; it stays at ${hpa.currentReplicas} replicas${held ? ` (limited${held})` : ''}`,
    cause: `spec.behavior.scaleUp.selectPolicy is Disabled: the HPA computes about ${needed} replicas from its metrics but may add none, so its ${hpa.currentReplicas} replicas carry the load of about ${needed}; saturated, they answer slower than their callers wait and fail their probes. Scale-up switched off on purpose (a change freeze, a load test) and never switched back looks like this: nothing in the pods changed.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}: the HPA then adds replicas on its next sync. If scale-up must stay frozen, scale up by hand to ${needed} (\`${scale}\` — the bot will not).`,
    fix,
  };
}

/**
 * The ingress controller's upstreams for the workload when it times out reading their answers
 * (not opening a connection): saturated replicas answer too slowly, so those 504s are the
 * saturation. Empty when the controller says nothing of the kind.
 */
function listSlowUpstreams(ev: TriageEvidence): string[] {
  const u = findUpstreamErrors(ev);
  const message = u?.errors.at(-1)?.message;
  if (u === undefined || message === undefined || isConnectTimeout(message) || !/upstream timed out/i.test(message)) return [];
  return u.upstreams;
}

export function analyzeHpaScaleUpLimit(ev: TriageEvidence): Finding[] {
  return ev.hpas.flatMap((hpa) => {
    const limited = findCondition(hpa.conditions, 'ScalingLimited');
    const hot = hpa.metrics.filter(isAboveTarget);
    // Scale-up turned off (selectPolicy Disabled) holds the count whatever the condition says; a slower policy shows as ScaleUpLimit.
    const disabled = hpa.scaleUp?.selectPolicy === 'Disabled';
    const isLimited = limited?.status === 'True' && limited.reason === 'ScaleUpLimit';
    if ((!isLimited && !disabled) || hot.length === 0 || hpa.currentReplicas >= hpa.maxReplicas) return [];
    const needed = estimateNeeded(hpa);
    if (needed === undefined || needed <= hpa.currentReplicas) return [];
    const rules = hpa.scaleUp ?? DEFAULT_SCALE_UP;
    const catchUp = estimateCatchUp(rules, hpa.currentReplicas, needed);
    const heldFor = !isLimited || limited?.lastTransitionTime === undefined ? undefined : msBetween(limited.lastTransitionTime, ev.collectedAt);
    // A moment of catching up under a fast policy is not a fault.
    if (!disabled && (heldFor ?? catchUp ?? 0) < SUSTAINED_MS) return [];
    const policy = hpa.scaleUp ? `its scale-up policy allows ${describeRules(rules)}` : `the default scale-up rate allows ${describeRules(rules)}`;
    const capped = needed >= hpa.maxReplicas ? `its maximum of ${hpa.maxReplicas}` : `about ${needed} replicas (max ${hpa.maxReplicas})`;
    const held = heldFor === undefined ? '' : ` for ${formatSpan(heldFor)}`;
    const eta = catchUp === undefined ? '; at this rate it never gets there' : catchUp >= SUSTAINED_MS ? `; ~${formatSpan(catchUp)} to reach ${needed} at this rate` : '';
    const scale = formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=${needed}`);
    const limitedText = isLimited ? `ScalingLimited=True (ScaleUpLimit)${limited?.message ? `: ${limited.message}` : ''}${limited?.lastTransitionTime ? ` (since ${formatAgo(limited.lastTransitionTime, ev.collectedAt)})` : ''}` : '';
    const slow = listSlowUpstreams(ev);
    const said = disabled ? sayDisabled(hpa, hot, capped, needed, held, scale) : undefined;
    return [{
      id: `hpa-scale-up-limit/${hpa.name}`,
      kind: 'hpa-scale-up-limit',
      title: said?.title ?? `HPA ${hpa.name} cannot scale up fast enough: ${policy} while ${formatMetrics({ ...hpa, metrics: hot })} calls for ${capped} and it has ${hpa.currentReplicas}; ScalingLimited=True (ScaleUpLimit)${held}${eta}`,
      layer: 'capacity',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `replicas ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired (allowed this period), range ${hpa.minReplicas}–${hpa.maxReplicas}`,
        `metrics: ${formatMetrics(hpa)}`,
        ...(limitedText ? [limitedText] : []),
        hpa.scaleUp
          ? `spec.behavior.scaleUp: ${describeRules(rules)}${rules.stabilizationWindowSeconds === undefined ? '' : `, stabilizationWindowSeconds ${rules.stabilizationWindowSeconds}`}`
          : 'spec.behavior.scaleUp unset: the default (100% or 4 pods per 15s, whichever is more)',
      ],
      ...(isLimited && limited?.message ? { decisive: limited.message } : {}),
      likelyCause: said?.cause ?? `Load rose faster than the HPA may add replicas: ${policy}, so the ${hpa.currentReplicas} replicas it has carry the load of about ${needed}; saturated, they time out and fail their probes while the HPA adds pods one period at a time.`,
      nextAction: said?.action ?? `Mitigate: scale up by hand to ${needed} (\`${scale}\` — the bot will not; the HPA keeps a count its metrics justify), and check the new pods get scheduled. Then relax spec.behavior.scaleUp of HPA ${hpa.name} (e.g. a policy of 100% per 15s beside the current one, selectPolicy Max).`,
      fix: said?.fix ?? `scale up by hand to ${needed} now, then relax the HPA's scale-up policy (spec.behavior.scaleUp)`,
      confirmCommands: [formatKubectl(ev.target, `describe hpa ${hpa.name}`), formatKubectl(ev.target, `get hpa ${hpa.name} -o jsonpath='{.spec.behavior.scaleUp}'`)],
      // Saturation reaches every replica: which of them fail their probes first is chance.
      // The ingress's timeouts reading their answers are the same saturation.
      affected: { pods: ev.pods.map((p) => p.name), ...(slow.length > 0 ? { services: slow } : {}) },
    }];
  });
}
