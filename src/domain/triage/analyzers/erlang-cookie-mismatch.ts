/**
 * Clustered BEAM nodes refusing each other's cookie ("Invalid challenge reply", erlang-cookie.ts):
 * the pods stay Ready and serve, yet the cluster is split in two — presence, PubSub broadcasts and
 * distributed state never cross. The side with the other cookie is the pods of the revision that
 * changed (or dropped) the cookie setting; restoring it and restarting those pods joins them back.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { type CookieChange, type CookieSource, findCookieChange, findCookieRefusals, quoteRefusal } from '../erlang-cookie.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { earliest } from '../time-span.js';
import { joinAnd, truncate } from '../../text.js';

/** Refusals it takes to call it a split rather than one node that came up mid-change. */
const MIN_REFUSALS = 3;

function revisionOf(ev: TriageEvidence, pod: PodEvidence | undefined): number | undefined {
  return ev.revisions.find((r) => pod?.revisionHash !== undefined && r.hash === pod.revisionHash)?.revision;
}

/** "presence-0 and presence-1 (revision 6)". */
function describeSide(ev: TriageEvidence, pods: readonly PodEvidence[]): string {
  const revisions = unique(pods.map((p) => revisionOf(ev, p)).filter((r): r is number => r !== undefined));
  return `${joinAnd(pods.map((p) => p.name))}${revisions.length === 1 ? ` (revision ${revisions[0] ?? ''})` : ''}`;
}

/** "revision 7 no longer sets RELEASE_COOKIE (revision 6 took it from configMap presence-erlang, key cookie; revision 7 reads envFrom ConfigMap presence-env instead), so its pods run with the release's built-in cookie". */
function describeChange(c: CookieChange, full = true): string {
  const { revision: now, previous: was } = c;
  const instead = full && c.envFrom.length > 0 ? `; revision ${now.revision} reads envFrom ${joinAnd(c.envFrom.map((f) => `${f.kind === 'configMap' ? 'ConfigMap' : 'Secret'} ${f.name}`))} instead` : '';
  if (c.was !== undefined && c.now === undefined) return `revision ${now.revision} no longer sets ${c.was.name} (revision ${was.revision} took it ${describeFrom(c.was)}${instead}), so its pods run with the release's built-in cookie`;
  if (c.was === undefined && c.now !== undefined) return `revision ${now.revision} sets ${c.now.name} ${describeFrom(c.now)}, which revision ${was.revision} did not`;
  return `revision ${now.revision} takes the cookie ${describeFrom(c.now)} instead of ${describeFrom(c.was)}`;
}

/** "from configMap presence-erlang, key cookie", "as a literal value", "from -setcookie in the command line". */
function describeFrom(s: CookieSource | undefined): string {
  const from = /^env \S+ \((.*)\)$/.exec(s?.said ?? '')?.[1];
  if (from === undefined) return `from ${s?.said ?? 'nowhere'}`;
  return from === 'a literal value' ? 'as a literal value' : from;
}

export function analyzeErlangCookieMismatch(ev: TriageEvidence): Finding[] {
  const refusals = findCookieRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (refusals.length < MIN_REFUSALS) return [];
  const container = ev.logs.find((l) => l.pod === refusals[0]?.pod)?.container ?? ev.pods[0]?.containers[0]?.name ?? '';
  const change = findCookieChange(ev.revisions, container);
  // The odd side: the pods of the revision that changed the cookie setting; without such a change, no side is named.
  const byName = new Map(ev.pods.map((p) => [p.name, p]));
  const refused = unique(refusals.flatMap((r) => (r.peerPod !== undefined ? [r.peerPod] : [])));
  const involved = unique([...refusals.map((r) => r.pod), ...refused]).flatMap((n) => byName.get(n) ?? []);
  const changed = change === undefined ? [] : involved.filter((p) => p.revisionHash === change.revision.hash);
  const odd = changed.length > 0 && changed.length < involved.length ? changed : [];
  const others = involved.filter((p) => !odd.includes(p));
  const decisive = truncate(quoteRefusal(refusals.at(-1)?.line ?? ''), 200);
  const sides = odd.length > 0 && others.length > 0 ? `${describeSide(ev, others)} reject ${describeSide(ev, odd)}${refusals.some((r) => odd.some((p) => p.name === r.pod)) ? ', and it rejects them back' : ''}` : `${joinAnd(unique(refusals.map((r) => r.pod)))} reject their peers`;
  const why = change !== undefined ? `: ${describeChange(change, false)}` : ': the nodes run with different Erlang cookies';
  const cookie = change?.was?.name ?? change?.now?.name ?? 'the cookie';
  const restart = odd.length > 0 ? `, then delete ${joinAnd(odd.map((p) => p.name))} so ${odd.length === 1 ? 'it restarts' : 'they restart'} with the cluster's cookie` : ', then restart the pods that run with the other one';
  const restore = change?.was !== undefined && change.now === undefined ? `put ${change.was.name} back in the template (${describeFrom(change.was)})` : `give every node the same cookie (${cookie})`;
  const fix = `${restore}${restart}`;
  // Ready pods show no failure: the first refusal is when the split began.
  const onset = earliest(refusals.map((r) => r.at));
  const affected = unique(involved.map((p) => p.name));
  return [
    {
      id: 'cluster-split/erlang-cookie',
      kind: 'container-config',
      title: `Erlang cluster split by a cookie mismatch: ${sides} ("Invalid challenge reply")${why}`,
      layer: 'container/process',
      severity: 'critical',
      confidence: change !== undefined ? 'high' : 'medium',
      evidence: [
        `${refusals.length} refusals in the logs of ${unique(refusals.map((r) => r.pod)).length} pods, e.g. ${refusals.at(-1)?.pod ?? ''}: ${decisive}`,
        ...(change !== undefined ? [describeChange(change)] : []),
        'the connection and the distribution handshake happen: the network is fine, the cookie challenge fails',
      ],
      decisive,
      ...(onset !== undefined ? { onset } : {}),
      // The restart that joins the odd pods back is needed whichever template they get: the fix, not a rollback, comes first.
      ...(change !== undefined ? { rollbackUndoes: `undo the rest of revision ${change.revision.revision}` } : {}),
      likelyCause: `A BEAM node accepts a peer only when both run with the same Erlang cookie; "Invalid challenge reply" is the cookie challenge failing. The nodes keep serving their own clients, Ready, but in separate clusters: presence, PubSub broadcasts and distributed state do not cross between them${change !== undefined ? `. ${describeChange(change).replace(/^r/, 'R')}.` : '.'}`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; do not move the other pods onto a template without the cookie.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${refusals.at(-1)?.pod ?? ''} --tail=100`),
        ...(change !== undefined ? [formatKubectl(ev.target, `get controllerrevisions,replicasets -o yaml | grep -n -e ${cookie} -e envFrom -A3`)] : []),
      ],
      affected: { pods: odd.length > 0 ? odd.map((p) => p.name) : affected, nodes: listNodesOf(odd.length > 0 ? odd : involved) },
    },
  ];
}
