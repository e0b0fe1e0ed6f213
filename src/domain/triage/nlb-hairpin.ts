/**
 * A workload calling a Service of its own cluster through that Service's AWS Network Load
 * Balancer, whose targets are instances (every node's NodePort) with the client's IP kept. An NLB
 * cannot hairpin: when it sends the connection to the caller's own node, the packet arrives with
 * the caller's own address as source and the reply never goes back through the NLB, so the dial
 * times out. Only some calls fail — about one in as many as there are nodes — and callers that use
 * the ClusterIP name never do. The fix is on the path, not the server: call the ClusterIP name from
 * inside the cluster, or give the NLB ip targets or turn client IP preservation off.
 * Pure: reads the namespace's Services as mapped (evidence-load-balancer-targets.ts).
 */
import type { ServiceEvidence } from './evidence.js';
import { formatAgo } from './time-span.js';

export interface NlbHairpin {
  /** The LoadBalancer Service whose NLB the calls go through. */
  service: ServiceEvidence;
  /** The name the calls dial: a published name or the NLB's own. */
  host: string;
  /** A ClusterIP Service selecting the same pods: the in-cluster name to call instead. */
  clusterIp?: ServiceEvidence;
}

const sameSelector = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const ka = Object.keys(a);
  return ka.length > 0 && ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** The hairpinning NLB the dependency `host` (or the address it dialed) is, among the namespace's Services; undefined when none. */
export function findNlbHairpin(host: string, dialed: string | undefined, services: readonly ServiceEvidence[]): NlbHairpin | undefined {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const lb = services.find((s) => {
    const t = s.lbTargets;
    if (s.type !== 'LoadBalancer' || t === undefined) return false;
    // Instance targets keep the client IP unless it is turned off (ip targets send to the pods, not back to a node).
    const keeps = t.targetType === 'instance' && t.preserveClientIp !== false;
    return keeps && t.hostnames.some((h) => h.toLowerCase() === name || (dialed !== undefined && h === dialed));
  });
  if (lb === undefined) return undefined;
  const clusterIp = services.find((s) => s.type === 'ClusterIP' && s.headless === undefined && s.name !== lb.name && sameSelector(s.selector, lb.selector));
  return { service: lb, host: name, ...(clusterIp ? { clusterIp } : {}) };
}

export function explainNlbHairpin(h: NlbHairpin, namespace: string, now: string): { title: string; evidence: string[]; cause: string; action: string; fix: string; dated: boolean } {
  const t = h.service.lbTargets;
  const instance = t?.targetType === 'instance';
  const setting = 'instance targets with client IP preservation';
  const changed = t?.annotationsChangedAt;
  const since = changed !== undefined ? `; since its annotations changed ${formatAgo(changed, now)}${t?.annotationsChangedBy ? ` (${t.annotationsChangedBy})` : ''}` : '';
  const port = h.clusterIp?.ports[0]?.port;
  const inCluster = h.clusterIp ? `${h.clusterIp.name}.${namespace}.svc.cluster.local${port !== undefined ? `:${port}` : ''}` : undefined;
  const fix = `${inCluster ? `call the ClusterIP Service ${inCluster} from inside the cluster instead of ${h.host}, or ` : 'call the Service by its ClusterIP name (<service>.<namespace>.svc.cluster.local) from inside the cluster, or '}give Service ${h.service.name}'s NLB ip targets (aws-load-balancer-nlb-target-type: ip) or turn client IP preservation off (preserve_client_ip.enabled=false)`;
  return {
    title: `: hairpinning — ${h.host} is the NLB of Service ${h.service.name} (${setting}): a connection the NLB sends to the caller's own node gets no reply${since}`,
    evidence: [
      `Service ${h.service.name}: type LoadBalancer, aws-load-balancer-nlb-target-type: ${t?.targetType ?? '?'}, preserve_client_ip.enabled=${t?.preserveClientIp === false ? 'false' : 'true'}${instance && t?.preserveClientIp === undefined ? ' (the default for instance targets)' : ''}; reached as ${(t?.hostnames ?? []).join(', ')}`,
      ...(h.clusterIp ? [`Service ${h.clusterIp.name} (ClusterIP) selects the same pods: callers through it do not cross the NLB`] : []),
    ],
    cause:
      `The calls leave the cluster and come back through the NLB of Service ${h.service.name}, which has ${setting}: the NLB keeps the caller's pod IP as source and sends to any node's NodePort. ` +
      `An NLB does not support hairpinning: when the target it picks is on the caller's own node, the reply goes straight back without passing the NLB and the caller drops it, so the dial times out. The server is healthy; only this path fails.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    dated: changed !== undefined,
  };
}
