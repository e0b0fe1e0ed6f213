import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import type { RolloutOutage } from '../rollout-outage.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, formatSpan } from '../time-span.js';
import { capitalize, truncate } from '../../text.js';

const CLIP = 90;

/** "~3m": a measured span, to the nearest minute (seconds under one). */
function approx(ms: number): string {
  return formatSpan(ms < 60_000 ? ms : Math.round(ms / 60_000) * 60_000);
}

/** A claim only one node can mount: a reason Recreate may have been chosen (two pods cannot share it across nodes). */
function singleWriterClaim(ev: TriageEvidence, o: RolloutOutage): string | undefined {
  const names = new Set(o.pods.map((p) => p.name));
  return ev.pvcs.find((c) => c.usedByPods.some((p) => names.has(p)) && c.accessModes.some((m) => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod'))?.name;
}

/**
 * The rollout that took every pod down (rollout-outage.ts): the setting that does it, how long no pod
 * was ready and why (the new pods' warm-up), the revision that set it. No rollback: a rollback is a
 * rollout under the same strategy (the strategy is not in the pod template), and the new pods are fine.
 */
export function describeRolloutOutage(ev: TriageEvidence, o: RolloutOutage): Finding {
  const now = ev.collectedAt;
  const gap = approx(o.gapMs);
  const warm = o.warmUpMs === undefined ? '' : ` (new pods need ~${approx(o.warmUpMs)} to pass readiness)`;
  const recreate = o.strategy === 'Recreate';
  const setBy = o.setBy === undefined ? '' : `; ${recreate ? 'Recreate' : 'it was'} set by revision ${o.setBy.revision} (${formatAgo(o.setBy.createdAt, now)}${o.setBy.changeCause ? `, "${truncate(o.setBy.changeCause, CLIP)}"` : ''})`;
  const services = listSelectingServices(ev).map((s) => s.name);
  const claim = singleWriterClaim(ev, o);
  const rolling = 'switch to RollingUpdate with maxUnavailable 0 and maxSurge 1 so old pods serve until each new one passes readiness';
  const fix = recreate
    ? `${rolling}${claim ? '' : ' (keep Recreate only if a single writer or a ReadWriteOnce volume needs it)'}`
    : `set maxUnavailable 0 and maxSurge 1 so old pods serve until each new one passes readiness`;
  const why = claim === undefined
    ? ''
    : ` Recreate may have been chosen because the pods mount ReadWriteOnce claim ${claim}, which a new pod on another node cannot attach while an old one holds it: then move that state off the claim (or make the warm-up shorter) before switching.`;
  const probes = o.unhealthy.reduce((n, e) => n + e.count, 0);
  const sample = o.unhealthy[0];
  return {
    id: `rollout-settings/${recreate ? 'recreate' : 'max-unavailable'}-outage`,
    kind: 'rollout-settings',
    title: `${capitalize(o.setting)} takes every pod down on each rollout: no ready pod for ~${gap} during the rollout of revision ${o.revision.revision} ${formatAgo(o.scaledDownAt, now)}${warm}${setBy}`,
    ...(o.setBy !== undefined ? { datesChange: true } : {}),
    layer: 'rollout/change',
    severity: 'warning',
    confidence: 'high',
    decisive: o.event.message,
    evidence: [
      `spec.strategy: ${recreate ? 'type Recreate' : `${o.setting} of ${ev.workload?.specReplicas ?? '?'} replicas`}`,
      `${formatAgo(o.scaledDownAt, now)}: "${o.event.message}" (the old pods left the endpoints)`,
      `first pod of revision ${o.revision.revision} Ready ${formatAgo(o.firstReadyAt, now)}: ${formatSpan(o.gapMs)} with no ready pod`,
      ...(sample === undefined ? [] : [`${probes} failed readiness probes of the new pods while they warmed up: "${sample.message}"`]),
      ...(o.setBy === undefined ? [] : [`revision ${o.setBy.revision} (${formatAgo(o.setBy.createdAt, now)}): change-cause "${o.setBy.changeCause ?? ''}"`]),
    ],
    likelyCause: `${capitalize(o.setting)} stops every old pod before any new one is ready, so from the scale-down until the first new pod passes its readiness probe the Service${services.length === 1 ? ` ${services[0]}` : ''} has no ready endpoint and callers are refused. The new pods are fine — Ready now — but need ${o.warmUpMs === undefined ? 'a while' : `~${approx(o.warmUpMs)}`} to pass readiness, so every rollout repeats the outage.${why}`,
    nextAction: `No rollback: it restores only the pod template and rolls out under the same strategy, taking every pod down again. ${capitalize(fix)}.${why}`,
    fix,
    outsideWorkload: 'a rollback rolls out under the same strategy, taking every pod down again',
    onset: o.scaledDownAt,
    confirmCommands: [
      formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.strategy}'`),
      formatKubectl(ev.target, `get events --field-selector involvedObject.name=${ev.target.name},reason=ScalingReplicaSet`),
    ],
    affected: { pods: o.pods.map((p) => p.name), services },
  };
}
