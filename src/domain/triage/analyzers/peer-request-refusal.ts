/**
 * A peer of the namespace answers the workload's calls with a 4xx whose status line names what is
 * wrong with the request (peer-request-refusal.ts): a plain HTTP request sent to a port that now
 * serves TLS, a URL past the server's request-line limit (414), or a body sent with "Expect:
 * 100-continue" to a server or forward proxy that refuses it (417). Both sides stay Ready and the
 * generic "error lines in the log" reading hides the mechanism, which the peer's own words state.
 * Whose change it is decides the since: the peer's newest revision when it came just before the
 * first refusal and after the caller's own (it turned TLS on, or cut its limit), so the unchanged
 * caller is not rolled back; else the caller's own rollout, which the verdict dates (it began to
 * send longer URLs, or moved to plain http://).
 */
import type { PeerRevisionEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { REQUEST_LINE_LIMITS, type RequestRefusalHit, findPlainHttpAddress, findRequestRefusals } from '../peer-request-refusal.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo, msBetween } from '../time-span.js';
import { TRIGGER_WINDOW_MS, isInTriggerWindow } from '../trigger-window.js';

/** The peer's newest revision when it is the change: just before the onset, after the caller's own newest, and serving. */
function findPeerTrigger(ev: TriageEvidence, peer: string | undefined, onset: string | undefined): { newest: PeerRevisionEvidence; previous?: PeerRevisionEvidence } | undefined {
  const history = peer !== undefined && ev.peerRollout?.service === peer ? ev.peerRollout : undefined;
  const [newest, previous] = history?.revisions ?? [];
  if (newest === undefined || newest.replicas === 0 || onset === undefined) return undefined;
  if (!isInTriggerWindow(newest.createdAt, onset)) return undefined;
  const [own] = sortRevisions(ev.revisions);
  if (own !== undefined && msBetween(own.createdAt, newest.createdAt) <= 0) return undefined;
  return previous === undefined ? { newest } : { newest, previous };
}

/** A squid of the 2.x branch in an image reference: an HTTP/1.0 proxy, ignore_expect_100 off by default. */
const SQUID_2 = /squid[^/:]*:v?2\.\d/i;

type Common = Omit<Finding, 'id' | 'title' | 'confidence' | 'decisive' | 'likelyCause' | 'nextAction' | 'fix'>;

/**
 * 417 to "Expect: 100-continue": the client asks leave to send a large body, and a server or proxy
 * that does not take the Expect mechanism (HTTP/1.0, squid 2.x without ignore_expect_100) refuses the
 * request outright. Bodies fail, small requests pass, both sides stay Ready.
 */
function expectationFailed(
  ev: TriageEvidence,
  common: Common,
  o: { whose: string; me: string; counted: string; since: string; back?: string; trigger?: { newest: PeerRevisionEvidence; previous?: PeerRevisionEvidence }; lastQuote: string; peer?: string },
): Finding {
  const { whose, me, counted, since, back, trigger } = o;
  const images = trigger?.newest.images ?? [];
  const squid2 = images.find((i) => SQUID_2.test(i));
  const squid = squid2 !== undefined || images.some((i) => /squid/i.test(i));
  const ignore = squid ? `set ignore_expect_100 on in ${whose}'s squid.conf` : `have ${whose} ignore or honour "Expect: 100-continue" (squid: ignore_expect_100 on)`;
  const client = `stop ${me} sending "Expect: 100-continue" (curl -H 'Expect:', .NET Expect100Continue=false)`;
  const fix = back ? `${back}, or ${ignore}, or ${client}` : `${ignore}, or ${client}`;
  return {
    ...common,
    id: `dependency-error/expectation-failed/${o.peer ?? 'unknown'}`,
    title: `${whose} answers ${me}'s requests sent with "Expect: 100-continue" "${o.lastQuote}"${since}: ${counted} refused before their body was sent`,
    confidence: o.peer !== undefined ? 'high' : 'medium',
    decisive: o.lastQuote,
    likelyCause:
      `${me} sends its request bodies with "Expect: 100-continue" (HTTP clients do for large or streamed bodies), and ${whose} does not take the Expect mechanism: it answers 417 Expectation Failed instead of 100 Continue, so every request with such a body fails while small requests without one pass, and every pod stays Ready. ` +
      (squid2 !== undefined ? `Its image ${squid2} is squid of the 2.x branch, an HTTP/1.0 proxy whose ignore_expect_100 is off by default. ` : '') +
      (trigger ? `${whose}'s revision ${trigger.newest.revision}, just before the first 417, is the change; ${me} did not change, and rolling it back brings nothing.` : `Either ${whose} (or the server behind it) stopped taking Expect, or ${me} began to send it.`),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(trigger ? { outsideWorkload: `${whose}'s revision ${trigger.newest.revision} refuses requests with "Expect: 100-continue"; any revision of ${me} fails the same way` } : {}),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

export function analyzePeerRequestRefusals(ev: TriageEvidence): Finding[] {
  const found = findRequestRefusals({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: ev.target.namespace, collectedAt: ev.collectedAt });
  if (found === undefined) return [];
  const { hits, peer, kind } = found;
  const last = hits[hits.length - 1] as RequestRefusalHit;
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const onset = earliest(hits.map((h) => readLogLineTime(h.line, ev.collectedAt)));
  const trigger = findPeerTrigger(ev, peer, onset);
  const me = ev.target.name;
  const whose = peer ?? 'the server it calls';
  const deployment = ev.peerRollout?.deployment ?? peer;
  const counted = `${hits.length} call${hits.length === 1 ? '' : 's'} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const quote = `${last.refusal.status === '400' ? '400 ' : ''}${last.refusal.quote}`;
  const since = trigger ? ` since its revision ${trigger.newest.revision} (${formatAgo(trigger.newest.createdAt, ev.collectedAt)})` : '';
  const back = trigger?.previous && deployment ? `roll ${deployment} back to revision ${trigger.previous.revision}` : undefined;
  const container = podObjects[0]?.containers.find((c) => c.name === last.container);
  const revisionLines = trigger
    ? [`Deployment ${deployment ?? ''}: revision ${trigger.newest.revision} (${trigger.newest.images.join(', ')}) rolled out ${formatAgo(trigger.newest.createdAt, ev.collectedAt)}, just before the first refusal${trigger.newest.changeCause ? ` — ${trigger.newest.changeCause}` : ''}${trigger.previous ? `; revision ${trigger.previous.revision} before it` : ''}`,
      ...(trigger.newest.changes ?? []).slice(0, 4).map((c) => `its revision ${trigger.newest.revision} changed: ${c}`)]
    : [];
  const common = {
    kind: 'dependency-error' as const,
    layer: 'network/routing' as const,
    severity: ready === pods.length ? ('warning' as const) : ('critical' as const),
    ...(trigger ? { datesChange: true as const } : {}),
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} -c ${last.container} --tail=200`),
      ...(trigger && deployment ? [formatKubectl(ev.target, `rollout history deployment/${deployment}`), formatKubectl(ev.target, `get rs ${trigger.newest.name}${trigger.previous ? ` ${trigger.previous.name}` : ''} -o yaml`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(peer ? { services: [peer] } : {}) },
  };
  const evidence = [
    `calls answered ${last.refusal.status}: ${counted} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''})`,
    `log ${last.pod}: ${condenseStructuredLine(last.line).slice(0, 300)}`,
    ...(peer && found.peerBy ? [`the calls go to ${peer}: ${found.peerBy}`] : []),
    ...revisionLines,
  ];

  if (kind === 'plain-http-to-tls') {
    const address = peer === undefined ? undefined : findPlainHttpAddress(container, peer, ev.target.namespace);
    const calledAs = address ? ` (${address.env}=${address.value})` : '';
    const moveCallers = `move ${me} to https://${address ? ` in ${address.env}` : ''}, trusting ${whose}'s certificate`;
    const fix = back ? `${back} (plain HTTP on that port) until its callers speak TLS; serve TLS on a port of its own, then ${moveCallers}` : `${moveCallers}, or have ${whose} serve plain HTTP on that port again`;
    return [{
      ...common,
      id: `dependency-error/plain-http-to-tls/${peer ?? 'unknown'}`,
      title: `${whose} serves TLS (HTTPS) on the port ${me} calls in plain HTTP${since}: ${counted} answered "${quote}"`,
      confidence: peer !== undefined ? 'high' : 'medium',
      evidence: [...evidence, ...(address ? [`${me} calls it in plain HTTP: env ${address.env}=${address.value}`] : [])],
      decisive: last.refusal.quote,
      likelyCause:
        `${whose} now expects a TLS handshake on the port its Service targets, and ${me} sends plain HTTP there${calledAs}: the TLS server reads the plain request, answers 400 before any handler runs, and every such call fails. ` +
        `Both stay Ready: ${whose}'s probes use its own scheme, and a 400 is an answer, not a failed connection. ` +
        (trigger ? `${whose}'s revision ${trigger.newest.revision}, just before the first 400, turned TLS on that port; ${me} did not change, and rolling it back brings nothing.` : `Either ${whose} turned TLS on without a plain port for its callers, or ${me}'s address lost its https://.`),
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
      fix,
      ...(trigger ? { outsideWorkload: `${whose}'s revision ${trigger.newest.revision} turned TLS on the port ${me} calls in plain HTTP; any revision of ${me} fails the same way` } : {}),
    }];
  }

  if (kind === 'expectation-failed') return [expectationFailed(ev, { ...common, evidence }, { whose, me, counted, since, back, trigger, lastQuote: last.refusal.quote, peer })];

  const limit = found.server ? REQUEST_LINE_LIMITS[found.server] : undefined;
  // The peer's history, read and older than the window: its limit stood while the URLs grew.
  const read = peer !== undefined && ev.peerRollout?.service === peer ? ev.peerRollout.revisions[0] : undefined;
  const stable = read !== undefined && onset !== undefined && msBetween(read.createdAt, onset) > TRIGGER_WINDOW_MS ? read : undefined;
  const longest = found.longestUri !== undefined ? ` up to ${kb(found.longestUri)}` : '';
  const limitText = limit ? ` (${limit.defaultText})` : '';
  const raise = `raise ${limit ? limit.setting : 'its request-line limit'} on ${whose}`;
  const send = `send the long parameters in a request body (POST) or fewer per request`;
  const fix = back ? `${back}, or ${raise}` : `${send}, or ${raise}`;
  return [{
    ...common,
    id: `dependency-error/uri-too-long/${peer ?? 'unknown'}`,
    title: `${whose} answers ${me}'s long URLs "${quote}"${since}: ${counted} sent URLs${longest} past its request-line limit${limitText}`,
    confidence: peer !== undefined ? 'high' : 'medium',
    evidence: [...evidence, ...(limit ? [`the error page is ${found.server ?? ''}'s; its limit: ${limit.defaultText}`] : [])],
    decisive: last.refusal.quote,
    likelyCause:
      `${me} builds URLs longer than ${whose} takes in a request line${limitText}: it answers 414 before routing the call, so only requests with long query strings fail, short ones pass, and every pod stays Ready. ` +
      (trigger ? `The limit is ${whose}'s, and its revision ${trigger.newest.revision}, just before the first 414, is the change.` : `The limit is ${whose}'s${stable ? ` and did not move (its newest revision ${stable.revision} is from ${formatAgo(stable.createdAt, ev.collectedAt)})` : ''}; what grew is the URL ${me} sends (more parameters in the query string, or a call moved from a body to GET).`),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(trigger ? { outsideWorkload: `${whose}'s revision ${trigger.newest.revision} refuses URLs of the length ${me} has sent` } : {}),
  }];
}
