/**
 * The workload's database refusing the values it writes for being longer than their column
 * (column-overflow.ts): the writes fail and the requests with them, while the pods stay Ready. The
 * column did not shrink; the values grew, so a caller of the namespace that rolled out just before
 * the first refusal — one whose env names the workload's Service first — is the since
 * (client-rollout.ts), and the workload's own unchanged revision is not blamed.
 */
import { findColumnOverflow } from '../column-overflow.js';
import { type ClientRollout, describeClientSince, describeClientTie, findClientRollout, formatClientUndo } from '../client-rollout.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { listOwnServiceNames } from '../called-service.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';

/** Changes of a caller's revision that bear on the shape of the values it sends. */
const BEARS_ON_VALUES = /image|api|version|format|length|\bids?\b|_id\b|ref|schema|url/i;

/** The Services that select the workload's pods: what its callers name. */
const ownServices = (ev: TriageEvidence): string[] => [...listOwnServiceNames(ev.services, ev.pods)];

export function analyzeColumnOverflow(ev: TriageEvidence): Finding[] {
  const found = findColumnOverflow(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const onset = earliest(found.hits.flatMap((h) => (h.at ? [h.at] : [])));
  const services = ownServices(ev);
  const last = found.hits.at(-1);
  const caller: ClientRollout | undefined = onset === undefined || services.length === 0 ? undefined : findClientRollout(ev, { onset, services, pods: found.pods, lines: found.hits.map((h) => h.line), bearing: BEARS_ON_VALUES });
  const since = caller ? ` — ${describeClientSince(caller, now)}, ${describeClientTie(caller, 'a caller')}` : '';
  const limit = found.limit === undefined ? 'their column allows' : `${found.limit} characters`;
  const [named] = found.columns;
  const column = named === undefined ? 'a column' : named.named ? `column ${named.name}` : found.columns.length === 1 ? `column ${named.name} (its value is ${named.length ?? '?'} characters)` : `one of the columns ${found.columns.map((c) => `${c.name} (${c.length ?? '?'} characters)`).join(', ')}`;
  const quote = condenseStructuredLine(last?.line ?? '').replace(/^.*?(?=\b(?:value too long|Data too long|String or binary data))/, '');
  const title = `${found.database} refuses the values ${ev.target.name} writes as longer than ${limit}: ${found.hits.length} "${quote.slice(0, 90)}" in ${found.pods.length} ${ready === found.pods.length ? 'ready ' : ''}pod${found.pods.length === 1 ? '' : 's'}${found.answered5xx > 0 ? `, ${found.answered5xx} writes answered 5xx` : ''}${since}`;
  const [newest] = sortRevisions(ev.revisions);
  const predates = newest !== undefined && onset !== undefined && Date.parse(newest.createdAt) < Date.parse(onset);
  const own = newest === undefined ? '' : ` Its own revision ${newest.revision} rolled out ${formatAgo(newest.createdAt, now)}${predates ? ', before the refusals,' : ''}: it writes to the same column as before.`;
  const undo = caller ? formatClientUndo(caller, ev.target.namespace) : undefined;
  const which = named === undefined ? 'the column' : found.columns.length === 1 || named.named ? named.name : `whichever of ${found.columns.map((c) => c.name).join(', ')} is limited to ${limit} (most likely ${named.name}, the value nearest the limit)`;
  const widen = `widen ${which} (ALTER TABLE … ALTER COLUMN … TYPE a longer varchar, or text) to fit the values it must now hold`;
  const callerText = caller
    ? ` ${caller.deployment} rolled out revision ${caller.newest.revision} ${formatAgo(caller.newest.createdAt, now)}, just before the first refusal the logs show${caller.names !== undefined ? `, and its env names ${caller.names}: it sends this service what it stores` : caller.by !== undefined ? ` (${caller.by})` : ', though nothing read ties it to this service'}; longer values it began to send are the likely change${caller.changes[0] ? ` (its revision changed ${caller.changes.slice(0, 2).join('; ')})` : ''}.`
    : ' No caller of the namespace that rolled out just before was found: the values grew on the callers\' side (a release, a new upstream format).';
  const back = caller ? ` or roll ${caller.deployment} back to the values that fit${undo ? ` (${undo})` : ''} until the column is widened` : '';
  return [
    {
      id: `dependency-error/column-overflow/${found.container}`,
      kind: 'dependency-error',
      title,
      layer: 'storage',
      severity: 'warning',
      confidence: caller?.by !== undefined ? 'high' : 'medium',
      evidence: [
        `${found.hits.length} refusal${found.hits.length === 1 ? '' : 's'} of ${found.database} in ${found.pods.slice(0, 3).join(', ')}${found.limit !== undefined ? `; column limit ${found.limit} characters` : ''}`,
        ...(last ? [`log ${last.pod}/${found.container}: ${last.line.slice(0, 300)}`] : []),
        ...(found.columns.length > 0 ? [`${found.columns.some((c) => c.named) ? 'column named by the database' : `statement parameters longer than ${found.limit ?? 'the limit'} characters`}: ${found.columns.map((c) => `${c.name}${c.length !== undefined ? ` (${c.length})` : ''}`).join(', ')}`] : []),
        `access log: ${found.answered5xx} writes answered 5xx, ${found.passed} answered 2xx`,
        ...(caller ? [`${caller.deployment}: ${caller.by ?? 'no env or log ties it to this service'}; revision ${caller.newest.revision} ${formatAgo(caller.newest.createdAt, now)}${caller.previous ? ` (before: revision ${caller.previous.revision}, ${formatAgo(caller.previous.createdAt, now)})` : ''}`] : []),
        ...(caller?.changes ?? []).slice(0, 3).map((c) => `${caller?.deployment ?? ''} revision ${caller?.newest.revision ?? ''}: ${c}`),
        `${ready}/${podObjects.length} of these pods Ready: their probes write nothing`,
      ],
      decisive: condenseStructuredLine(last?.line ?? ''),
      ...(onset !== undefined ? { onset } : {}),
      outsideWorkload: 'the values its callers send grew past a column the workload did not change',
      ...(caller ? { datesChange: true as const } : {}),
      likelyCause:
        `${found.database} refuses to store a value longer than ${limit} in ${column}, so the write fails (and the request with it); shorter values and the probes pass, so the pods stay Ready. ` +
        `It does so again and again, so the values the service is given grew past the column.${callerText}${own}`,
      nextAction: `Make the column fit: ${widen}${back}.`,
      fix: widen,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${found.pods[0] ?? ''} -c ${found.container} --tail=200`),
        ...(caller ? [formatKubectl(ev.target, `rollout history deployment/${caller.deployment}`), formatKubectl(ev.target, `logs deployment/${caller.deployment} --tail=100`)] : []),
      ],
      affected: { pods: found.pods, nodes: listNodesOf(podObjects), ...(services.length > 0 ? { services } : {}) },
    },
  ];
}
