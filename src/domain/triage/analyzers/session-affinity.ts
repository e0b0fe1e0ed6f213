/**
 * Load pinned to one pod by a Service's sessionAffinity: ClientIP. kube-proxy sends every
 * connection of a client IP to the same endpoint; with one caller (a gateway, a single client
 * pod) or a few, one replica takes all the traffic while the others idle. It is killed (OOM, or
 * the kubelet for a failed liveness probe), the affinity moves the client to the next pod, and
 * that one is killed in turn: kills that hit one pod at a time, not all at once, as a leak would.
 */
import type { PodEvidence, ServiceEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, msBetween } from '../time-span.js';

/** Kills further apart than this are "in turn", not one event hitting every pod. */
const APART_MS = 5 * 60_000;
/** Kills older than this say nothing about the current load. */
const WINDOW_MS = 6 * 3600_000;

interface Kill {
  pod: PodEvidence;
  at: string;
  how: string;
}

/** The pod's latest kill: OOMKilled or exit 137 (SIGKILL after a failed liveness probe). */
function latestKill(pod: PodEvidence, now: string): Kill | undefined {
  const kills = pod.containers.flatMap((c) => [c.lastState, c.state].flatMap((s) => {
    const t = s !== undefined && 'terminated' in s ? s.terminated : undefined;
    if (t?.finishedAt === undefined || !(t.reason === 'OOMKilled' || t.exitCode === 137)) return [];
    if (msBetween(t.finishedAt, now) > WINDOW_MS) return [];
    return [{ pod, at: t.finishedAt, how: t.reason === 'OOMKilled' ? 'OOMKilled' : `exit ${t.exitCode}` }];
  }));
  return kills.sort((a, b) => b.at.localeCompare(a.at))[0];
}

export function analyzeSessionAffinity(ev: TriageEvidence): Finding[] {
  const sticky = listSelectingServices(ev).filter((s): s is ServiceEvidence & { clientIpAffinity: NonNullable<ServiceEvidence['clientIpAffinity']> } => s.clientIpAffinity !== undefined);
  const [svc] = sticky;
  if (svc === undefined) return [];
  const kills = ev.pods.flatMap((p) => latestKill(p, ev.collectedAt) ?? []).sort((a, b) => a.at.localeCompare(b.at));
  if (kills.length < 2) return [];
  // One pod at a time: every pair of consecutive kills is well apart.
  const inTurn = kills.every((k, i) => i === 0 || msBetween(kills[i - 1]?.at ?? k.at, k.at) >= APART_MS);
  if (!inTurn) return [];
  const how = [...new Set(kills.map((k) => k.how))].join('/');
  const a = svc.clientIpAffinity;
  const set = a.setAt ? ` (set ${formatAgo(a.setAt, ev.collectedAt)}${a.setBy ? ` by ${a.setBy}` : ''})` : '';
  const when = kills.map((k) => `${k.pod.name} ${formatAgo(k.at, ev.collectedAt)}`).join(', ');
  return [{
    id: `session-affinity/${svc.name}`,
    kind: 'session-affinity',
    title: `Service ${svc.name} has sessionAffinity: ClientIP${set}: each client sticks to one pod, which is ${how} one pod at a time (${kills.length} pods in turn)`,
    layer: 'network/routing',
    severity: severityForPods(ev, kills.length),
    confidence: 'medium',
    evidence: [
      `Service ${svc.name}: sessionAffinity ClientIP, timeoutSeconds ${a.timeoutSeconds ?? 10800}${set}`,
      `${how}, each pod alone, in turn: ${when}`,
    ],
    likelyCause: `kube-proxy sends every connection of one client IP to the same pod for ${a.timeoutSeconds ?? 10800}s. When the traffic comes from a single client or a few (one caller pod, a gateway, a proxy), one pod takes all of it while the others idle; it dies, the client moves to the next pod, which dies in turn. The load is not spread, which is not a leak: the same limit holds when the load is shared. Confirm by the callers: how many client IPs reach the Service.`,
    nextAction: `Set sessionAffinity of Service ${svc.name} back to None (or spread the callers' IPs), then cap the work one pod takes at once.`,
    fix: `set sessionAffinity of Service ${svc.name} back to None`,
    confirmCommands: [
      formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.sessionAffinity} {.spec.sessionAffinityConfig}'`),
      formatKubectl(ev.target, `get service ${svc.name} --show-managed-fields -o yaml`),
      formatKubectl(ev.target, 'top pods'),
    ],
    affected: { pods: kills.map((k) => k.pod.name), nodes: listNodesOf(kills.map((k) => k.pod)), services: [svc.name] },
  }];
}
