/**
 * The workload's own rate limiter counts every client as the proxy in front of it (trust proxy
 * not set): everyone shares one budget and is answered 429. See ../proxy-keyed-limiter.ts.
 */
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findProxyKeyedLimiter } from '../proxy-keyed-limiter.js';

export function analyzeProxyKeyedLimiter(ev: TriageEvidence): Finding[] {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return [];
  const found = findProxyKeyedLimiter(ev.logs);
  if (found === undefined) return [];
  const who = ev.target.name;
  const one = found.address ? `the proxy's address ${found.address}` : `the proxy's address`;
  const podObjects = found.pods.flatMap((p) => findPod(ev, p) ?? []);
  return [{
    id: 'rate-limited/proxy-keyed',
    kind: 'rate-limited',
    layer: 'network/routing',
    severity: severityForPods(ev, podObjects.length) === 'critical' ? 'critical' : 'warning',
    confidence: 'high',
    title: `${who}'s own rate limiter answers everyone 429 Too Many Requests (${found.refused} lines in ${found.pods.length} pod${found.pods.length === 1 ? '' : 's'}): behind a proxy or load balancer without trust proxy it counts every client as ${one} (it warns X-Forwarded-For is set but trust proxy is off)`,
    decisive: found.sign.line,
    ...(found.first ? { onset: found.first } : {}),
    evidence: [`log ${found.sign.pod}: ${found.sign.line}`, ...found.quoted],
    likelyCause: `Traffic now reaches ${who} through a proxy or load balancer, and the app does not trust that hop, so req.ip is ${one} for every request. The rate limiter keys on it, so all clients share one per-address budget and are refused once it is spent in each window.`,
    nextAction: `Set trust proxy to the number of proxy hops in front (Express: app.set('trust proxy', 1)) or key the limiter on the client address from X-Forwarded-For; check what moved the traffic behind the proxy.`,
    fix: `set trust proxy to the proxy hop in front (or key the limiter on X-Forwarded-For)`,
    outsideWorkload: `the proxy or load balancer in front of ${who}: every request reaches it from that one address`,
    affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
    confirmCommands: found.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
  }];
}
