/**
 * An outside API answers the workload's calls 410 Gone and says it retired what they call (a
 * sunset API version): every such call fails for good while the pods stay Ready. The API moved
 * on, not the workload: a rollback or a restart brings nothing back; the client must move to what
 * the API serves now (its successor, when the answer names one).
 */
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatClock } from '../time-span.js';
import { findRetiredApiCalls } from '../retired-api-calls.js';
import { clipMiddle } from '../collapse-events.js';

/** The API's sentence as quoted in a title: long bodies are clipped. */
const SAID_MAX = 140;

export function analyzeRetiredApi(ev: TriageEvidence): Finding[] {
  const calls = findRetiredApiCalls(ev.logs);
  if (calls === undefined) return [];
  const who = ev.target.name;
  const api = calls.host ?? 'an outside API';
  const called = calls.url ?? api;
  const what = calls.version ? `its ${calls.version} API` : 'what the workload calls';
  const podObjects = calls.pods.flatMap((p) => findPod(ev, p) ?? []);
  const n = calls.hits.length;
  const said = calls.said ? `: "${clipMiddle(calls.said, SAID_MAX)}"` : '';
  const instead = calls.successor ? ` (the answer points to ${calls.successor})` : '';
  const fix = `move ${who}'s calls from ${called} to the API ${api} serves now${instead} — a release that speaks it, then the base URL it is configured with; retrying, restarting or rolling back cannot bring ${calls.version ?? 'it'} back`;
  const since = calls.first ? ` since ${formatClock(calls.first)}` : '';
  const notice = calls.notice ? [`announced before: log ${calls.notice.pod}: ${calls.notice.line}`] : [];
  return [{
    id: `dependency-error/retired-api/${api}`,
    kind: 'dependency-error',
    title: `${who}'s calls to ${called} are answered 410 Gone: ${api} retired ${what}${said} — ${n} answer${n === 1 ? '' : 's'}${since} in the logs of ${calls.pods.length} pod${calls.pods.length === 1 ? '' : 's'}`,
    layer: 'network/routing',
    // The pods stay Ready; what fails is every call to that API, for good.
    severity: 'warning',
    confidence: 'high',
    evidence: [
      ...calls.hits.slice(-2).map((h) => `log ${h.pod}: ${h.line}`),
      ...notice,
      `410 Gone is permanent: ${api} no longer serves ${called}, and a retry gets the same answer`,
    ],
    // The API's own sentence, verbatim from its answer (the title quotes it): the whole lines are in the evidence.
    decisive: calls.said || (calls.hits.at(-1)?.line ?? ''),
    ...(calls.first ? { onset: calls.first } : {}),
    outsideWorkload: `${api} retired ${what}: any revision of ${who} that calls ${called} is answered 410 Gone the same way`,
    likelyCause: `${api} answers 410 Gone: it removed ${what} on purpose and for good (its answer says so${calls.notice ? ', and it had announced it in its Deprecation/Sunset headers' : ''}). Nothing in ${who} changed; the API it was written against is gone, so every call to it fails while the pods stay Ready.`,
    nextAction: `Move to ${api}'s current API${instead}: ship a release of ${who} that calls it (its request and answer may differ), then point its base URL there. Meanwhile tell the users of what ${api} provided that it is unavailable; a rollback cannot help.`,
    fix,
    confirmCommands: calls.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
    affected: { pods: calls.pods, nodes: listNodesOf(podObjects) },
  }];
}
