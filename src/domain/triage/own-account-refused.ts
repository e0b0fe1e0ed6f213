/**
 * The workload's own process refused by the API server (RBAC, 403) as the pods' own service
 * account, while the pods stay Ready: a library that discovers its peers through the Kubernetes API
 * (Hazelcast, Infinispan/JGroups KUBE_PING, Akka/Pekko management, Ignite) reads endpoints or pods,
 * is refused, and carries on alone ("Starting standalone", "Members {size:1}"). Each replica is then
 * a cluster of one: the state it was meant to share (sessions, locks, caches) is not shared, and
 * users see it as logouts and lost carts with no error rate to speak of. A service account the
 * newest revision switched to is the trigger; the grant it lacks is the fix.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import { CLUSTER_LIBRARIES } from './cluster-view.js';
import { findRbacForbidden, type RbacForbidden } from './rbac-forbidden.js';

/** A member that found no peer and runs alone. */
const ALONE = /\bStarting standalone\b|\bMembers \{size:1\b|\brunning (?:as a )?standalone\b|\bcluster of one\b|\bno other (?:cluster )?members? (?:found|discovered)\b|\bdiscovered 0 (?:members|peers|nodes)\b/i;
/** Refusals in one ready pod's tail that count without a sign of what they cost. */
const READY_POD_THRESHOLD = 3;

export interface OwnAccountRefusal {
  refused: RbacForbidden;
  /** The pods whose own service account the API server refuses. */
  pods: string[];
  /** The line saying a member runs alone, when one does. */
  alone?: string;
  /** How many pods say they run alone. */
  alonePods: number;
  /** "Hazelcast", when the lines name the library. */
  library?: string;
}

/** Client libraries log the API server's Status inside JSON: `is forbidden: User \"…\"`. */
const unescape = (line: string): string => line.replace(/\\"/g, '"');

export function findOwnAccountRefusal(logs: readonly LogEvidence[], pods: readonly PodEvidence[], namespace: string): OwnAccountRefusal | undefined {
  let refused: RbacForbidden | undefined;
  const refusedPods: string[] = [];
  let alone: string | undefined;
  let alonePods = 0;
  let library: string | undefined;
  let counted = false;
  for (const log of logs) {
    const pod = pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const account = pod.serviceAccountName ?? 'default';
    const found = findRbacForbidden(log.lines.map(unescape));
    const sa = found?.serviceAccount;
    if (found === undefined || sa === undefined || sa.namespace !== namespace || sa.name !== account) continue;
    if (refused !== undefined && refused.user !== found.user) continue;
    refused ??= found;
    refusedPods.push(log.pod);
    // One replica alone is what it is meant to be; several each alone share nothing.
    const lone = pods.length > 1 ? log.lines.find((l) => ALONE.test(l)) : undefined;
    if (lone !== undefined) {
      alone ??= lone.trim();
      alonePods += 1;
    }
    library ??= CLUSTER_LIBRARIES.find(([re]) => log.lines.some((l) => re.test(l)))?.[1];
    if (log.previous || !pod.ready || log.lines.filter((l) => /is forbidden: User/.test(unescape(l))).length >= READY_POD_THRESHOLD) counted = true;
  }
  if (refused === undefined || (!counted && alone === undefined)) return undefined;
  return { refused, pods: [...new Set(refusedPods)], alonePods, ...(alone ? { alone } : {}), ...(library ? { library } : {}) };
}
