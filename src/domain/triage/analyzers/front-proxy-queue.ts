/**
 * The load balancer in front of the workload queues its requests and times them out: HAProxy's
 * per-server maxconn for the workload's backend caps the requests each pod gets at once, the rest
 * wait in HAProxy's queue and expire after `timeout queue` with 503 sQ <NOSRV>. The pods are fine
 * and their logs clean; the cap is HAProxy's config. A senior SRE names the balancer, the cap, where
 * it is set and when it was loaded, and raises it there — the workload needs nothing.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { readBackendQueue } from '../haproxy-backend-queue.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { truncate } from '../../text.js';

/** Queue timeouts it takes to call it a cap the traffic keeps meeting, and their share of the backend's requests. */
const MIN_TIMEOUTS = 5;
const MIN_SHARE = 0.1;

export function analyzeFrontProxyQueue(ev: TriageEvidence): Finding[] {
  const fp = ev.frontProxy;
  if (fp === undefined) return [];
  const q = readBackendQueue(fp.logs, fp.backend.name);
  // A queue that drains (a few timeouts in a burst) is load; most requests expiring in it is a cap.
  if (q.queueTimeouts < MIN_TIMEOUTS || q.queueTimeouts < MIN_SHARE * q.requests) return [];
  const b = fp.backend;
  const edited = ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === fp.configMap)?.changedAt;
  const cap = b.maxconn !== undefined ? `at maxconn ${b.maxconn} per server` : 'at its per-server connection limit';
  const when = [
    edited !== undefined ? `edited ${formatAgo(edited, ev.collectedAt)}` : undefined,
    // Not "restart": the workload's pods restarted nothing; the balancer's were recreated.
    fp.restartedAt !== undefined ? `loaded when ${fp.deployment}'s pods were recreated${fp.revision !== undefined ? ` for revision ${fp.revision}` : ''} ${formatAgo(fp.restartedAt, ev.collectedAt)}` : undefined,
  ].filter((x): x is string => x !== undefined).join('; ');
  const fix = `restore the per-server maxconn of backend ${b.name} in ConfigMap ${fp.configMap} (now${b.maxconnLine !== undefined ? ` "${b.maxconnLine}"` : ' capped'}) and recreate ${fp.deployment}'s pods to load it; ${ev.target.name} needs nothing`;
  return [{
    id: `dependency-error/front-proxy-queue/${fp.deployment}`,
    kind: 'dependency-error',
    title: `HAProxy ${fp.deployment} queues requests to ${ev.target.name} ${cap} (backend ${b.name} in ConfigMap ${fp.configMap}${when !== '' ? `, ${when}` : ''}) and times them out with 503 sQ${b.queueTimeout !== undefined ? ` after timeout queue ${b.queueTimeout}` : ''}: ${q.queueTimeouts} of ${q.requests} requests, backend queue up to ${q.maxBackendQueue}`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: b.maxconn !== undefined ? 'high' : 'medium',
    evidence: [
      `Deployment ${fp.deployment} (HAProxy) sends ${ev.target.name}'s Service ${b.host} requests through backend ${b.name} of ConfigMap ${fp.configMap} (${fp.key})${b.maxconnLine !== undefined ? `: "${b.maxconnLine}"` : ''}${b.queueTimeout !== undefined ? `, timeout queue ${b.queueTimeout}` : ''}`,
      `its log: ${q.queueTimeouts} requests answered 503 with termination state sQ (expired in the queue, <NOSRV>), ${q.queued} more waited in the queue, of ${q.requests} to ${b.name}; backend queue up to ${q.maxBackendQueue}`,
      ...(when !== '' ? [`ConfigMap ${fp.configMap}: ${when}`] : []),
      ...(q.lastTimeout !== undefined ? [`log ${fp.logs[0]?.pod ?? fp.deployment}: ${truncate(q.lastTimeout, 300)}`] : []),
    ],
    ...(q.lastTimeout !== undefined ? { decisive: truncate(q.lastTimeout, 180) } : {}),
    likelyCause:
      `HAProxy sends each server of ${b.name} at most ${b.maxconn ?? 'maxconn'} requests at once; the rest wait in its backend queue, and after timeout queue${b.queueTimeout !== undefined ? ` ${b.queueTimeout}` : ''} HAProxy answers 503 itself (sQ) — those requests never reach ${ev.target.name}, whose pods answer the ones they get. The cap is in HAProxy's config, not in ${ev.target.name}.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    outsideWorkload: `the cap is in the load balancer ${fp.deployment}'s config; ${ev.target.name} serves what reaches it`,
    ...(edited !== undefined || fp.restartedAt !== undefined ? { datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `get configmap ${fp.configMap} -o yaml`),
      ...(fp.logs[0] !== undefined ? [formatKubectl(ev.target, `logs ${fp.logs[0].pod} -c ${fp.logs[0].container} --tail=100`)] : []),
    ],
    affected: { pods: [], nodes: [] },
  }];
}
