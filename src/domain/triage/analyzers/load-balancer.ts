import type { EventEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPendingLoadBalancer } from '../load-balancer.js';
import { RECENT_MS } from '../pod-status.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';

/** What the cloud controller's refusal asks for, when its words say: else its own message is the guide. */
function decideFix(message: string): string {
  if (/suitable subnets?/i.test(message)) {
    return 'give the load balancer subnets to use: tag the public subnets kubernetes.io/role/elb=1 (internal ones kubernetes.io/role/internal-elb=1) with the cluster tag, or name them in the service.beta.kubernetes.io/aws-load-balancer-subnets annotation';
  }
  if (/quota|limit ?exceeded|TooMany/i.test(message)) return 'raise the cloud quota on load balancers (or free one)';
  if (/forbidden|not authorized|AccessDenied|permission/i.test(message)) return 'grant the cloud controller\'s role what the error says it lacks';
  return 'fix what the cloud controller reports; it retries by itself';
}

/**
 * The workload's LoadBalancer Service has no external address and the service controller keeps
 * failing to create its load balancer (Warning events on the Service). The pods may be perfectly
 * healthy: this is what users outside the cluster see, and a rollback of the pods changes nothing.
 */
export function analyzeLoadBalancers(ev: TriageEvidence): Finding[] {
  const out: Finding[] = [];
  for (const s of listSelectingServices(ev).filter(isPendingLoadBalancer)) {
    const failures = ev.events.filter((e) => e.object.kind === 'Service' && e.object.name === s.name && e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
    const newest = failures.sort((a, b) => msBetween(a.lastSeen, b.lastSeen)).at(-1);
    if (newest === undefined) continue;
    out.push(describe(ev, s.name, s.createdAt, newest, failures));
  }
  return out;
}

function describe(ev: TriageEvidence, name: string, createdAt: string | undefined, newest: EventEvidence, failures: readonly EventEvidence[]): Finding {
  const since = createdAt ?? failures.map((e) => e.firstSeen).sort()[0];
  const forHow = since ? ` for ${formatSpan(Math.max(0, msBetween(since, ev.collectedAt)))}` : '';
  const count = failures.reduce((n, e) => n + e.count, 0);
  const fix = decideFix(newest.message);
  return {
    id: `load-balancer/${name}`,
    kind: 'load-balancer',
    title: `Service ${name} (type LoadBalancer) has had no external address${forHow}: the cloud controller fails to create its load balancer (${newest.reason} ×${count})`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    decisive: newest.message.trim(),
    evidence: [
      `Service ${name}: type LoadBalancer, status.loadBalancer.ingress empty (EXTERNAL-IP <pending>)${createdAt ? `, created ${formatAgo(createdAt, ev.collectedAt)}` : ''}`,
      ...failures.slice(-3).map((e) => `${e.reason} ×${e.count}, last ${formatAgo(e.lastSeen, ev.collectedAt)}${e.source ? ` (${e.source})` : ''}: ${e.message}`),
    ],
    likelyCause: 'The cloud provider\'s service controller cannot create the load balancer, so the Service never gets an external address and nothing outside the cluster reaches the pods, however healthy they are.',
    outsideWorkload: `the cloud controller fails to create Service ${name}'s load balancer whatever pods run behind it`,
    fix,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the controller retries on its own and the address appears.`,
    confirmCommands: [formatKubectl(ev.target, `get service ${name} -o wide`), formatKubectl(ev.target, `describe service ${name}`)],
    affected: { services: [name] },
  };
}
