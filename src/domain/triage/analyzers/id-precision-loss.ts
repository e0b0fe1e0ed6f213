/**
 * The workload failing on ids past 2^53 that a floating-point JSON parse rounded (id-precision-loss.ts):
 * its lookups with the rounded id find nothing while its pods stay Ready. The ids changed, not the
 * workload: the service that issues them (the one its env addresses) rolling out just before the
 * first failure is the since, and the workload's own unchanged revision is not blamed.
 */
import { findIdIssuerRollout, findRoundedIds } from '../id-precision-loss.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';

export function analyzeIdPrecisionLoss(ev: TriageEvidence): Finding[] {
  const found = findRoundedIds(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const onset = earliest(found.hits.flatMap((h) => (h.at ? [h.at] : [])));
  const issuer = onset === undefined ? undefined : findIdIssuerRollout(ev, onset, found.pods);
  const values = [...new Set(found.hits.map((h) => h.value))];
  const change = issuer?.changes[0];
  const since = issuer
    ? ` — ${issuer.by ? 'likely' : 'possibly'} since revision ${issuer.newest.revision} of ${issuer.deployment} (${formatAgo(issuer.newest.createdAt, now)}${change ? `: ${change}` : ''})${issuer.by ? ', the service whose ids it looks up' : ', the nearest rollout before, though nothing read ties it to these ids'}`
    : '';
  const last = found.hits.at(-1);
  const title = `${ev.target.name} gets ids past 2^53 rounded by a floating-point JSON parse: ${found.hits.length} lines with ${found.key} values like ${values[0] ?? ''} (the trailing zeros of a double) that are not found, in ${found.pods.length} ${ready === found.pods.length ? 'ready ' : ''}pod${found.pods.length === 1 ? '' : 's'}${since}`;
  const [newest] = sortRevisions(ev.revisions);
  const own = newest === undefined ? '' : ` Its own revision ${newest.revision} rolled out ${formatAgo(newest.createdAt, now)}${onset !== undefined && Date.parse(newest.createdAt) < Date.parse(onset) ? ', before the failures, and parses as it did' : ''}.`;
  const smaller = found.smaller ? ` The ${found.key} values it handled before were below 2^53 (${found.smaller}): the ids grew, not the code that reads them.` : '';
  const issuerText = issuer
    ? ` ${issuer.deployment} rolled out revision ${issuer.newest.revision} ${formatAgo(issuer.newest.createdAt, now)}, just before the first failure${issuer.by ? ` (${issuer.by})` : ''}; ids it began to issue past 2^53 (a 64-bit or snowflake id) are the likely change${issuer.changes.length > 0 ? ` (its revision changed ${issuer.changes.slice(0, 2).join('; ')})` : ''}.`
    : ' No rollout of the namespace just before was found: the service that issues the ids changed their size.';
  const undo = issuer?.previous ? `kubectl -n ${ev.target.namespace} rollout undo deployment/${issuer.deployment} --to-revision=${issuer.previous.revision}` : undefined;
  const fix = `send the ids as JSON strings${issuer ? ` from ${issuer.deployment}` : ''}, or parse them losslessly in ${ev.target.name} (BigInt, a lossless JSON parser such as json-bigint)`;
  return [
    {
      id: `dependency-error/id-precision/${ev.target.name}`,
      kind: 'dependency-error',
      title,
      layer: 'container/process',
      severity: 'warning',
      confidence: issuer?.by !== undefined ? 'high' : 'medium',
      evidence: [
        `${found.hits.length} failing lines in ${found.pods.slice(0, 3).join(', ')} carry ${found.key} as a bare JSON number past 2^53 (9007199254740992): ${values.slice(0, 3).join(', ')}`,
        ...(last ? [`log ${last.pod}: ${last.line.slice(0, 300)}`] : []),
        ...(found.smaller ? [`earlier ${found.key} values below 2^53: ${found.smaller}`] : []),
        ...(issuer ? [`${issuer.deployment}: ${issuer.by ?? 'nothing read ties it to these ids'}; revision ${issuer.newest.revision} ${formatAgo(issuer.newest.createdAt, now)}${issuer.previous ? ` (before: revision ${issuer.previous.revision}, ${formatAgo(issuer.previous.createdAt, now)})` : ''}`] : []),
        ...(issuer?.changes ?? []).slice(0, 3).map((c) => `${issuer?.deployment ?? ''} revision ${issuer?.newest.revision ?? ''}: ${c}`),
      ],
      decisive: condenseStructuredLine(last?.line ?? ''),
      ...(onset !== undefined ? { onset } : {}),
      outsideWorkload: 'the ids it is given grew past what a double holds exactly; its own code did not change',
      ...(issuer ? { datesChange: true as const } : {}),
      likelyCause:
        `A JSON parser that reads numbers as IEEE-754 doubles (JavaScript's JSON.parse, and many others by default) keeps integers exact only up to 2^53 (Number.MAX_SAFE_INTEGER); past it a 64-bit id is rounded to the nearest double, which prints with trailing zeros. ` +
        `The lookups with the rounded id find nothing, so every such message fails (or goes to a dead-letter queue) while the pods stay Ready.${smaller}${issuerText}${own}`,
      nextAction: `${issuer ? `Roll ${issuer.deployment} back to stop new large ids${undo ? ` (${undo})` : ''}, or ` : ''}${fix}; then replay what failed meanwhile (its dead-letter queue) — those ids were issued already.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${found.pods[0] ?? ''} --tail=200`),
        ...(issuer ? [formatKubectl(ev.target, `rollout history deployment/${issuer.deployment} --revision=${issuer.newest.revision}`), formatKubectl(ev.target, `logs deployment/${issuer.deployment} --tail=100`)] : []),
      ],
      affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
