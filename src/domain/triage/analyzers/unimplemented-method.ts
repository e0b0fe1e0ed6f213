/**
 * gRPC calls answered UNIMPLEMENTED (grpc-util: "Method not found"): the server answers, but the
 * version it runs has no such method. Who is behind is told by the two rollouts: a caller's new
 * release calls a method its server's release has not delivered (that rollout is stuck, or never
 * came), or the server's new release dropped one. The server's stuck rollout is named with what
 * holds its new pod, since getting it out is the fix forward.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findUnimplementedCalls, type UnimplementedHit } from '../grpc-unimplemented.js';
import { formatKubectl } from '../kubectl-command.js';
import { describePeerProgress, peerVersionOf, type PeerRolloutProgress } from '../peer-rollout-progress.js';
import type { PeerRevisionEvidence } from '../evidence-peer-rollout.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';

const named = (r: PeerRevisionEvidence): string => `revision ${r.revision}${peerVersionOf(r) ? ` (${peerVersionOf(r) ?? ''})` : ''}`;
/** "revision 42 (2.14.0, 47m ago)". */
const dated = (r: PeerRevisionEvidence, now: string): string => `revision ${r.revision} (${peerVersionOf(r) ? `${peerVersionOf(r) ?? ''}, ` : ''}${formatAgo(r.createdAt, now)})`;

/** The peer's pods the triage read (as a called or a down Service). */
function listPeerPods(ev: TriageEvidence, peer: string): PodEvidence[] {
  const pods = [...(ev.calledServices ?? []), ...(ev.downServices ?? [])].filter((s) => s.service === peer).flatMap((s) => s.pods);
  return pods.filter((p, i) => pods.findIndex((x) => x.name === p.name) === i);
}

export function analyzeUnimplementedCalls(ev: TriageEvidence): Finding[] {
  const found = findUnimplementedCalls({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: ev.target.namespace, collectedAt: ev.collectedAt });
  if (found === undefined) return [];
  const { hits, peer } = found;
  const last = hits[hits.length - 1] as UnimplementedHit;
  const method = hits.find((h) => h.call.method !== undefined)?.call.method ?? hits.find((h) => h.call.service !== undefined)?.call.service;
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const onset = earliest(hits.flatMap((h) => readLineTime(h.line) ?? []));
  const history = peer !== undefined && ev.peerRollout?.service === peer ? ev.peerRollout : undefined;
  const progress = history && peer ? describePeerProgress(history, listPeerPods(ev, peer), ev.collectedAt) : undefined;
  const [own] = sortRevisions(ev.revisions);
  const ownRecent = own !== undefined && isInTriggerWindow(own.createdAt, onset ?? ev.collectedAt);

  const server = peer ?? 'the server';
  const what = method ?? 'a method';
  const counted = `${hits.length} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const story = tell(ev, { server, what, quote: last.call.quote, counted, progress, ownRecent, ownCreatedAt: own?.createdAt, onset });
  const deployment = history?.deployment;
  return [{
    id: `dependency-error/unimplemented/${peer ?? 'unknown'}`,
    kind: 'dependency-error',
    title: story.title,
    ...(story.datesChange ? { datesChange: true as const } : {}),
    layer: 'network/routing',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: peer !== undefined && method !== undefined ? 'high' : 'medium',
    evidence: [
      `calls answered UNIMPLEMENTED: ${counted} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''})`,
      `log ${last.pod}: ${condenseStructuredLine(last.line).slice(0, 300)}`,
      ...(peer && found.peerBy ? [`the calls go to ${peer}: ${found.peerBy}`] : []),
      ...(history ? history.revisions.slice(0, 2).map((r) => `${deployment ? `Deployment ${deployment}` : server}: revision ${r.revision} (${r.images.join(', ')}) created ${formatAgo(r.createdAt, ev.collectedAt)}, ${r.replicas ?? 0} pod${r.replicas === 1 ? '' : 's'}${r.changeCause ? ` — ${r.changeCause}` : ''}`) : []),
      ...(progress?.held ? [`pod ${progress.held.pod} (${server} revision ${progress.newest.revision}) not ready${progress.held.reason ? `, waiting: ${progress.held.reason}${progress.held.message ? ` — ${progress.held.message}` : ''}` : ''}`] : []),
    ],
    decisive: last.call.quote,
    likelyCause: story.cause,
    nextAction: `${story.fix.charAt(0).toUpperCase()}${story.fix.slice(1)}.`,
    fix: story.fix,
    ...(story.rollbackUndoes ? { rollbackUndoes: story.rollbackUndoes } : {}),
    ...(story.outside ? { outsideWorkload: story.outside } : {}),
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      ...(deployment ? [formatKubectl(ev.target, `rollout status deployment/${deployment}`)] : []),
      ...(progress?.held ? [formatKubectl(ev.target, `describe pod ${progress.held.pod}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(peer ? { services: [peer] } : {}) },
  }];
}

interface Told {
  title: string;
  cause: string;
  fix: string;
  rollbackUndoes?: string;
  outside?: string;
  datesChange?: boolean;
}

function tell(ev: TriageEvidence, s: { server: string; what: string; quote: string; counted: string; progress: PeerRolloutProgress | undefined; ownRecent: boolean; ownCreatedAt: string | undefined; onset: string | undefined }): Told {
  const { server, what, counted, progress } = s;
  const me = ev.target.name;
  const newest = progress?.newest;
  // The server's release with the method is out but held: its old pods answer.
  if (progress?.held && newest) {
    const { held } = progress;
    const servingNow = progress.serving[0];
    const holds = held.reason ? `its new pod waits in ${held.reason}${held.message ? `: ${held.message}` : ''}` : `its new pod ${held.pod} is not ready`;
    return {
      title: `${me}'s calls get "${s.quote}" (${counted}): ${server}'s rollout to ${dated(newest, ev.collectedAt)} is stuck, ${holds} — so ${servingNow ? named(servingNow) : 'its old revision'}, without the method, still serves`,
      cause: `${server} answers UNIMPLEMENTED because the version it runs has no ${what}: its ${named(newest)} is meant to bring it, but that rollout cannot finish (${held.reason ?? 'its new pod never becomes ready'}), so the old pods keep serving.${s.ownRecent ? ` ${me}'s own new revision began calling it before ${server} delivered it.` : ''}`,
      fix: held.reason ? `fix what holds ${server}'s revision ${newest.revision} back (${held.reason}) so it rolls out` : `find why ${server}'s pod ${held.pod} is not ready so revision ${newest.revision} rolls out`,
      ...(s.ownRecent ? { rollbackUndoes: `take ${me} off the method until then` } : {}),
    };
  }
  // The server's newest revision serves and came just before the first such answer, after the caller's: it dropped the method.
  const dropped = newest !== undefined && progress?.serving.length === 0 && isInTriggerWindow(newest.createdAt, s.onset ?? ev.collectedAt)
    && (!s.ownRecent || s.ownCreatedAt === undefined || msBetween(s.ownCreatedAt, newest.createdAt) > 0);
  if (dropped && newest) {
    const previous = ev.peerRollout?.revisions[1];
    return {
      title: `${server} no longer serves ${what} since its ${dated(newest, ev.collectedAt)}: ${me}'s calls get "${s.quote}" (${counted})`,
      cause: `${server}'s new release answers UNIMPLEMENTED for ${what}, which ${me} still calls: the method was removed or renamed on the server side before its callers moved off it.`,
      fix: `${previous ? `roll ${server} back to ${named(previous)}` : `restore ${what} in ${server}`}, or move ${me} off ${what}`,
      outside: `${server}'s ${named(newest)} stopped serving ${what}; any revision of ${me} that calls it fails the same way`,
      datesChange: true,
    };
  }
  const runs = newest ? ` at ${named(newest)}` : '';
  return {
    title: `${me}'s calls get "${s.quote}" (${counted}): ${server}${runs} does not serve ${s.quote.includes(what) ? 'the method' : what}`,
    cause: `${server} answers UNIMPLEMENTED: the version it runs has no ${what}. ${s.ownRecent ? `${me}'s new revision calls a method its server does not have yet.` : `Client and server disagree on the API: a method the client expects is missing on the server.`}`,
    fix: `deploy a ${server} version that serves ${what}, or run a ${me} release that does not call it`,
  };
}
