// The circuit breaker thresholds of an Envoy in the workload's pods that refuses requests at them
// again and again (503 UO, "reset reason: overflow"): a get of the ConfigMap its container mounts and
// of the one the revision before mounted under the same volume (at most two: pickCircuitBreakerReads).
// The thresholds live only in that file, and what they were before is what to restore; only the
// circuit_breakers thresholds are kept, the rest of the data is dropped at once. Never a Secret;
// nothing at all when no log refuses at a breaker.
import type { LogEvidence, PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { CircuitBreakerConfigEvidence } from '../../domain/triage/evidence-circuit-breakers.js';
import { findCircuitBreakerThresholds, pickCircuitBreakerReads } from '../../domain/triage/envoy-circuit-breaker.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readCircuitBreakerConfig(
  ctx: CollectContext,
  seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[]; collectedAt: string },
): Promise<CircuitBreakerConfigEvidence[]> {
  const wanted = pickCircuitBreakerReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps mounted by an Envoy that refuses requests at its circuit breakers', (w) => w.configMap);
  return got.map(({ item, value }) => ({
    configMap: item.configMap,
    mountedNow: item.mountedNow,
    thresholds: Object.entries(value.data ?? {}).flatMap(([key, text]) => findCircuitBreakerThresholds(text).map((t) => ({ key, ...t }))),
  }));
}
