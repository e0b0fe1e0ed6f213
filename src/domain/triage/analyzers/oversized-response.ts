/**
 * A client that refuses its peer's answers for their size (gRPC's 4 MiB default receive limit:
 * "received message larger than max (5242880 vs. 4194304)"): the pods stay Ready, the peer logs
 * the calls as OK, and only the requests that need a large answer fail. The limit is the client's;
 * what changed is the size of the peer's answers, so the peer's recent rollout is the trigger and
 * the caller's own revision is not blamed.
 */
import type { PeerRevisionEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeLimitSetting } from '../message-size-limit.js';
import { findOversizedResponses, type OversizedHit } from '../oversized-peer.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { formatBytes } from '../quantity.js';
import { readLineTime } from '../request-silence.js';
import { earliest, formatAgo, msBetween } from '../time-span.js';
import { TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from '../trigger-window.js';

const mib = (bytes: number): string => `${formatBytes(bytes)}B`;

/** The image tag of a revision's first container ("2.8.0"). */
function versionOf(r: PeerRevisionEvidence): string | undefined {
  const tag = /:([\w][\w.-]*)$/.exec((r.images[0] ?? '').replace(/@sha256:[0-9a-f]+$/, ''))?.[1];
  return tag === 'latest' ? undefined : tag;
}

/** The peer's newest revision when it rolled out just before the first refusal, with the one it replaced. */
function findPeerRollout(ev: TriageEvidence, onset: string | undefined): { newest: PeerRevisionEvidence; previous?: PeerRevisionEvidence } | undefined {
  const [newest, previous] = ev.peerRollout?.revisions ?? [];
  if (newest === undefined || newest.replicas === 0) return undefined;
  const gap = msBetween(newest.createdAt, onset ?? ev.collectedAt);
  if (gap < -TRIGGER_SKEW_MS || gap > TRIGGER_WINDOW_MS) return undefined;
  return previous === undefined ? { newest } : { newest, previous };
}

export function analyzeOversizedResponses(ev: TriageEvidence): Finding[] {
  const found = findOversizedResponses({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: ev.target.namespace, collectedAt: ev.collectedAt });
  if (found === undefined) return [];
  const { hits, peer } = found;
  const last = hits[hits.length - 1] as OversizedHit;
  const { client } = last.message;
  const sizes = hits.flatMap((h) => (h.message.received === undefined ? [] : [h.message.received]));
  const limit = hits.find((h) => h.message.limit !== undefined)?.message.limit;
  const largest = sizes.length > 0 ? Math.max(...sizes) : undefined;
  const method = hits.find((h) => h.message.method !== undefined)?.message.method;
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const onset = earliest(hits.flatMap((h) => readLineTime(h.line) ?? []));
  const rollout = peer === undefined || ev.peerRollout?.service !== peer ? undefined : findPeerRollout(ev, onset);
  const version = rollout ? versionOf(rollout.newest) : undefined;

  const whose = peer ?? 'a dependency';
  const call = method ? ` to ${method}` : '';
  const limitText = limit !== undefined ? `${mib(limit)} ` : '';
  const protocol = client === 'http' ? 'HTTP' : 'gRPC';
  const since = rollout ? ` since ${peer} revision ${rollout.newest.revision} (${version ? `${version}, ` : ''}${formatAgo(rollout.newest.createdAt, ev.collectedAt)})` : '';
  const title = `Answers of ${whose}${call} exceed the client's ${limitText}${protocol} receive limit${largest !== undefined ? ` (up to ${mib(largest)})` : ''}${since}: ${hits.length} refused in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;

  const setting = describeLimitSetting(client);
  const page = method ? `page ${method}` : `page ${whose}'s answers`;
  const raise = `raise ${setting} above the largest answer, or ${page} so each stays under it`;
  const back = rollout?.previous && peer ? `roll ${peer} back to revision ${rollout.previous.revision}${versionOf(rollout.previous) ? ` (${versionOf(rollout.previous) ?? ''})` : ''} to stop the failures now; then ` : '';
  const fix = `${back}${raise}`;
  const deployment = ev.peerRollout?.deployment;
  return [{
    id: `dependency-error/oversized-response/${peer ?? 'unknown'}`,
    kind: 'dependency-error',
    title,
    // The peer's rollout the title names is the change.
    ...(since ? { datesChange: true } : {}),
    layer: 'network/routing',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: peer !== undefined && limit !== undefined ? 'high' : 'medium',
    evidence: [
      `${hits.length} refused answer${hits.length === 1 ? '' : 's'} in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      `log ${last.pod}: ${last.line.slice(0, 300)}`,
      ...(peer && found.peerBy ? [`the answers are ${peer}'s: ${found.peerBy}`] : []),
      ...(rollout ? [`${deployment ? `Deployment ${deployment}` : peer ?? ''}: revision ${rollout.newest.revision} (${rollout.newest.images.join(', ')}) rolled out ${formatAgo(rollout.newest.createdAt, ev.collectedAt)}${rollout.newest.changeCause ? ` — ${rollout.newest.changeCause}` : ''}${rollout.previous ? `; revision ${rollout.previous.revision} before it (${rollout.previous.images.join(', ')})` : ''}`] : []),
    ],
    decisive: last.message.quote,
    likelyCause:
      `${whose}'s answers${call} grew past the ${limitText || ''}limit this client accepts, so it refuses them (${last.message.quote.replace(/\s*\(.*$/, '')}) and the requests that need them fail, while these pods stay Ready and ${whose} counts the calls as served. ` +
      `The limit is the client's; what changed is the size of ${whose}'s answers${rollout ? `, with its revision ${rollout.newest.revision} just before the first refusal` : ''}.`,
    nextAction: `${back ? back.charAt(0).toUpperCase() + back.slice(1) : ''}${back ? raise : raise.charAt(0).toUpperCase() + raise.slice(1)}.`,
    fix,
    ...(rollout ? { outsideWorkload: `${whose}'s answers grew past this client's limit with its revision ${rollout.newest.revision}` } : {}),
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      ...(deployment ? [formatKubectl(ev.target, `rollout history deployment/${deployment}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(peer ? { services: [peer] } : {}) },
  }];
}
