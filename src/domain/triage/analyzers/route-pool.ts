import type { LogEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findInClusterService } from '../down-service.js';
import { readRoutePoolCap } from '../route-pool-cap.js';

/**
 * An HTTP client pool exhausted at its per-route cap, not its total: every call to one host shares
 * that route's few connections (HttpClient's default is 2), so requests queue for a lease and time
 * out while the pool as a whole has room and the called service answers. The cap is the mechanism;
 * the fix is the client's per-route limit, not the database-pool advice of an exhausted pool.
 */
export function withRouteCap(ev: TriageEvidence, exhausted: Finding, logs: readonly LogEvidence[]): Finding {
  const pods = new Set(exhausted.affected?.pods ?? []);
  const cap = readRoutePoolCap(logs.filter((l) => pods.has(l.pod)));
  if (cap === undefined) return exhausted;
  const host = cap.route?.replace(/:\d+$/, '');
  const service = host ? findInClusterService(host, ev.target.namespace) : undefined;
  const route = cap.route ? ` to ${cap.route}` : '';
  const callee = service ? `Service ${service.name}${service.namespace === ev.target.namespace ? '' : ` (namespace ${service.namespace})`}` : 'the called service';
  const waiting = cap.leased !== undefined ? `, all ${cap.leased} leased${cap.pending !== undefined && cap.pending > 0 ? ` with ${cap.pending} requests waiting` : ''}` : '';
  const symptom = exhausted.title.replace(/^.*?: (\d+ such lines)/, '$1');
  const total = cap.total !== undefined ? ` of the ${cap.total} it allows in all` : '';
  return {
    ...exhausted,
    id: 'resource-exhaustion/http-route-pool',
    title: `${ev.target.name}'s HTTP client pool allows only ${cap.perRoute} connections per route (${cap.said})${route}${waiting}: ${symptom}`,
    evidence: [`the pool's own figures: ${cap.said}${cap.route ? `, route ${cap.route}` : ''}`, ...cap.lines.map((l) => `log: ${l.slice(0, 300)}`), ...exhausted.evidence],
    likelyCause: `The client's connection pool caps connections per route (scheme, host and port) as well as in total — Apache HttpClient allows 2 per route by default (5 in 5.x), and a client configured with the total alone keeps that default. Every call${route} goes to one route, so at most ${cap.perRoute} are in flight${total}; the rest wait for a lease and fail after the connection-request timeout, at any load above what ${cap.perRoute} connections carry. ${callee} is not at fault: the requests wait in this client, before they are sent.`,
    nextAction: `Mitigate: scale out (each pod has its own pool, so more pods carry more connections${route}). Fix: raise the client's per-route limit (setDefaultMaxPerRoute, or setMaxPerRoute for that route) to the concurrency the calls need, with maxTotal at least as high, and roll it out. Growing the called service will not help.`,
    fix: `raise the HTTP client pool's per-route limit (setDefaultMaxPerRoute / setMaxPerRoute${cap.route ? ` for ${cap.route}` : ''}) above ${cap.perRoute}, with maxTotal at least as high`,
  };
}
