/**
 * Two workloads whose readiness waits on each other: the workload fails on a dependency Service
 * with no ready endpoint, and that dependency's own pods (read one hop away, DownServiceEvidence)
 * fail on the workload's Service, which has none either. Each check needs the other side ready
 * first, so once both sides are down at once neither can become ready by itself.
 */
import type { DownServiceEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { type CalledServiceLine, findCalledServiceFailures, listOwnServiceNames } from './called-service.js';
import { findEnvNamingService } from './env-service-ref.js';
import { listSlicesOf } from './service-match.js';

export interface ReadinessCycle {
  /** The workload's own Service the dependency fails on. */
  own: ServiceEvidence;
  dependency: DownServiceEvidence;
  /** The workload's log line that fails on the dependency. */
  ownLine: CalledServiceLine;
  /** The dependency's log line that fails on the workload's Service. */
  dependencyLine: CalledServiceLine;
  /** The env var by which the dependency's pods name the workload's Service, and the other way round, when one does. */
  dependencyEnv?: string;
  ownEnv?: string;
}

function hasReadyEndpoint(ev: TriageEvidence, service: string): boolean {
  return listSlicesOf(ev, service).some((s) => s.endpoints.some((e) => e.ready && !e.terminating));
}

/** Pods that run but none is ready: a wait, not a crash (a crash-looping side is its own story). */
function allRunningUnready(pods: readonly { phase: string; ready: boolean }[]): boolean {
  return pods.length > 0 && pods.every((p) => !p.ready) && pods.some((p) => p.phase === 'Running');
}

export function findReadinessCycle(ev: TriageEvidence): ReadinessCycle | undefined {
  if (!allRunningUnready(ev.pods)) return undefined;
  const ownNames = listOwnServiceNames(ev.services, ev.pods);
  // Only an own Service with no ready endpoint refuses the dependency: one that still serves breaks the cycle.
  const ownDown = ev.services.filter((s) => ownNames.has(s.name) && s.type !== 'ExternalName' && !hasReadyEndpoint(ev, s.name));
  if (ownDown.length === 0) return undefined;
  const calls = findCalledServiceFailures(ev.logs, ev.services, ev.target, ownNames);
  for (const dependency of ev.downServices ?? []) {
    if (ownNames.has(dependency.service) || !allRunningUnready(dependency.pods)) continue;
    const ownLine = calls.filter((c) => c.service === dependency.service).at(-1);
    const dependencyLine = findCalledServiceFailures(dependency.logs ?? [], ownDown, ev.target).at(-1);
    const own = ownDown.find((s) => s.name === dependencyLine?.service);
    if (ownLine === undefined || dependencyLine === undefined || own === undefined) continue;
    const dependencyEnv = findEnvNamingService(dependency.pods.flatMap((p) => p.containers), own.name, ev.target.namespace);
    const ownEnv = findEnvNamingService(ev.pods.flatMap((p) => p.containers), dependency.service, ev.target.namespace);
    return { own, dependency, ownLine, dependencyLine, ...(dependencyEnv ? { dependencyEnv } : {}), ...(ownEnv ? { ownEnv } : {}) };
  }
  return undefined;
}
