/**
 * HTTP calls a peer of the namespace answers 404 on a path (http-route-gone.ts), when the peer's
 * newest revision came just before the first 404 and after the caller's own: that release removed
 * or moved the route. The fix is on the peer (bring the route back or roll it back) or a caller
 * release on the route the peer serves now; rolling the unchanged caller back brings nothing. Told
 * only with the peer's rollout in hand: a 404 without it may be the caller's own wrong path.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { PeerRevisionEvidence } from '../evidence-peer-rollout.js';
import type { Finding } from '../finding.js';
import { findMissingRoutes, type MissingRouteHit } from '../http-route-gone.js';
import { formatKubectl } from '../kubectl-command.js';
import { peerVersionOf } from '../peer-rollout-progress.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';

const named = (r: PeerRevisionEvidence): string => `revision ${r.revision}${peerVersionOf(r) ? ` (${peerVersionOf(r) ?? ''})` : ''}`;

export function analyzeRouteGone(ev: TriageEvidence): Finding[] {
  const found = findMissingRoutes({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: ev.target.namespace, collectedAt: ev.collectedAt });
  const peer = found?.peer;
  const history = peer !== undefined && ev.peerRollout?.service === peer ? ev.peerRollout : undefined;
  const [newest, previous] = history?.revisions ?? [];
  if (found === undefined || peer === undefined || newest === undefined) return [];
  const { hits, path } = found;
  const onset = earliest(hits.flatMap((h) => readLineTime(h.line) ?? []));
  // The peer's release came just before the first 404, and after the caller's own newest revision.
  const [own] = sortRevisions(ev.revisions);
  if (onset === undefined || msBetween(newest.createdAt, onset) < 0 || !isInTriggerWindow(newest.createdAt, onset)) return [];
  if (own !== undefined && msBetween(own.createdAt, newest.createdAt) <= 0) return [];
  // Its old pods no longer serve: the newest revision answers every call.
  if (history?.revisions.slice(1).some((r) => (r.replicas ?? 0) > 0)) return [];
  const last = hits[hits.length - 1] as MissingRouteHit;
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const me = ev.target.name;
  const route = path ?? 'the path it calls';
  const counted = `${hits.length} line${hits.length === 1 ? '' : 's'} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const deployment = history?.deployment ?? peer;
  const dated = `${named(newest)}, ${formatAgo(newest.createdAt, ev.collectedAt)}`;
  const fix = `${previous ? `roll ${deployment} back to ${named(previous)} or restore ${route} in it` : `restore ${route} in ${deployment}`}, or move ${me} to the route ${peer} serves now`;
  return [{
    id: `dependency-error/route-gone/${peer}`,
    kind: 'dependency-error',
    title: `${peer} answers ${me}'s calls to ${route} "${last.route.quote}" since its ${dated}: the route is gone from its new release (${counted})`,
    datesChange: true,
    layer: 'network/routing',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: path !== undefined ? 'high' : 'medium',
    evidence: [
      `calls answered 404: ${counted} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''})`,
      `log ${last.pod}: ${condenseStructuredLine(last.line).slice(0, 300)}`,
      ...(found.peerBy ? [`the calls go to ${peer}: ${found.peerBy}`] : []),
      ...(history?.revisions.slice(0, 2).map((r) => `Deployment ${deployment}: revision ${r.revision} (${r.images.join(', ')}) created ${formatAgo(r.createdAt, ev.collectedAt)}, ${r.replicas ?? 0} pod${r.replicas === 1 ? '' : 's'}${r.changeCause ? ` — ${r.changeCause}` : ''}`) ?? []),
      ...(own ? [`${me}'s own newest revision ${own.revision} is from ${formatAgo(own.createdAt, ev.collectedAt)}, before ${peer}'s`] : []),
    ],
    decisive: last.route.quote,
    likelyCause: `${peer}'s ${named(newest)} no longer serves ${route}, which ${me} still calls: the route was removed, renamed or put behind a flag in that release before its callers moved off it. ${peer} is up and answers; ${me} did not change.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Rolling ${me} back brings nothing.`,
    fix,
    outsideWorkload: `${peer}'s ${named(newest)} stopped serving ${route}; any revision of ${me} that calls it fails the same way`,
    onset,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      formatKubectl(ev.target, `rollout history deployment/${deployment}`),
      formatKubectl(ev.target, `get rs ${newest.name}${previous ? ` ${previous.name}` : ''} -o yaml`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [peer] },
  }];
}
