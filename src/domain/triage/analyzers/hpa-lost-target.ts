import type { StrayHpaEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';

/** "orders" of "orders-api", "orders-v1": a rename keeps the stem, so the stray HPA is this workload's. */
function stem(name: string): string {
  return name.split('-')[0] ?? name;
}

function belongsHere(h: StrayHpaEvidence, kind: string, name: string): boolean {
  return h.targetKind === kind && h.targetName !== name && (stem(h.targetName) === stem(name) || stem(h.name) === stem(name));
}

/**
 * No HPA targets the workload, and one of its namespace names, as its scale target, a workload of
 * the same kind and name stem that does not exist (FailedGetScale "… not found"): the workload was
 * renamed and its HPA left behind, so nothing scales it. Under load its fixed replicas saturate;
 * their slow requests and failed probes are this. Only when the workload is short of ready replicas.
 */
export function analyzeHpaLostTarget(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (!w || ev.hpas.length > 0 || w.readyReplicas >= w.specReplicas) return [];
  return (ev.strayHpas ?? []).filter((h) => belongsHere(h, w.kind, w.name)).map((h) => {
    const since = h.since ? ` since ${formatAgo(h.since, ev.collectedAt)}` : '';
    const retarget = formatKubectl(ev.target, `patch hpa ${h.name} -p '{"spec":{"scaleTargetRef":{"name":"${w.name}"}}}'`);
    return {
      id: `hpa-lost-target/${h.name}`,
      kind: 'hpa-lost-target',
      title: `HPA ${h.name} scales ${h.targetKind} ${h.targetName}, which does not exist (FailedGetScale${since}): nothing autoscales ${w.name}, held at ${w.specReplicas} replicas (${w.readyReplicas} ready)`,
      layer: 'capacity',
      severity: 'critical',
      confidence: 'medium',
      evidence: [
        `HPA ${h.name}: scaleTargetRef ${h.targetKind} ${h.targetName}, range ${h.minReplicas}–${h.maxReplicas}`,
        `AbleToScale=False (FailedGetScale): ${h.message}${since ? ` (${since.trim()})` : ''}`,
        `no HPA targets ${w.kind} ${w.name}; it runs ${w.specReplicas} replicas, ${w.readyReplicas} ready`,
      ],
      decisive: h.message,
      likelyCause: `${w.kind} ${w.name} looks like the renamed ${h.targetName}: HPA ${h.name} still targets the old name, fails every sync and scales nothing, so ${w.name} stays at ${w.specReplicas} replicas whatever its load; saturated, they slow down and fail their probes.`,
      nextAction: `Mitigate: scale ${w.name} up by hand (\`${formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=${Math.max(h.minReplicas, w.specReplicas * 2)}`)}\` — the bot will not). Then point HPA ${h.name}'s scaleTargetRef at ${w.kind} ${w.name} (\`${retarget}\`), in the manifests it comes from.`,
      fix: `point HPA ${h.name}'s scaleTargetRef at ${w.name} and scale up now`,
      confirmCommands: [formatKubectl(ev.target, `describe hpa ${h.name}`)],
      // Saturation reaches every replica: which of them fail their probes first is chance.
      affected: { pods: ev.pods.map((p) => p.name) },
    };
  });
}
