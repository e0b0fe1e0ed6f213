/**
 * The workload's application server refusing request bodies over its own size limit, again and
 * again (body-limit-refusal.ts): answered 413 before any handler runs, while smaller requests and
 * the probes pass. The limit is named (stated by the error, or the server's default); the change
 * is what the callers send, so a caller of the namespace that rolled out just before the first
 * refusal — one whose env names the workload's Service first — is the since (client-rollout.ts).
 */
import { findBodyLimitRefusals, suggestBodyLimit } from '../body-limit-refusal.js';
import { type ClientRollout, describeClientSince, describeClientTie, findClientRollout, formatClientUndo } from '../client-rollout.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { listOwnServiceNames } from '../called-service.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';

/** Changes of a caller's revision that bear on the size of what it sends. */
const BEARS_ON_SIZE = /image|body|payload|size|batch|bulk|compress|gzip|include|expand/i;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10}mb` : `${Math.round(bytes / 1024)}kb`;
}

/** The Services that select the workload's pods: what its callers name. */
const ownServices = (ev: TriageEvidence): string[] => [...listOwnServiceNames(ev.services, ev.pods)];

export function analyzeBodyLimitRefusal(ev: TriageEvidence): Finding[] {
  const found = findBodyLimitRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const sizes = found.hits.flatMap((h) => (h.bytes === undefined ? [] : [h.bytes]));
  const largest = sizes.length > 0 ? Math.max(...sizes) : undefined;
  const limit = found.limitBytes === undefined ? 'its body limit' : found.defaultText !== undefined ? `${found.defaultText} (${found.limitBytes} bytes)` : `its body limit of ${sizeText(found.limitBytes)} (${found.limitBytes} bytes)`;
  const onset = earliest(found.hits.flatMap((h) => (h.at ? [h.at] : [])));
  const services = ownServices(ev);
  const last = found.hits.at(-1);
  const caller: ClientRollout | undefined = onset === undefined || services.length === 0 ? undefined : findClientRollout(ev, { onset, services, pods: found.pods, lines: found.hits.map((h) => h.line), bearing: BEARS_ON_SIZE });
  const since = caller ? ` — ${describeClientSince(caller, now)}, ${describeClientTie(caller, 'a caller')}` : '';
  const passing = found.passed > 0 ? `; ${found.passed} smaller request${found.passed === 1 ? '' : 's'} passed` : '';
  const quote = (last ? condenseStructuredLine(last.line) : '').replace(/^.*?(?=\b(?:PayloadTooLargeError|http: request|Request body|Maximum upload|the request was rejected))/, '');
  const title = `${found.container} refuses request bodies over ${limit}: ${found.hits.length} "${quote.slice(0, 80)}"${found.answered413 > 0 ? ' answered 413' : ''} in ${found.pods.length} ${ready === found.pods.length ? 'ready ' : ''}pod${found.pods.length === 1 ? '' : 's'}${largest !== undefined ? `, bodies up to ${sizeText(largest)}` : ''}${since}`;
  const [newest] = sortRevisions(ev.revisions);
  const predates = newest !== undefined && onset !== undefined && Date.parse(newest.createdAt) < Date.parse(onset);
  const own = newest === undefined ? '' : ` Its own revision ${newest.revision} rolled out ${formatAgo(newest.createdAt, now)}${predates ? ', before the refusals,' : ''} and did not move the limit.`;
  const size = suggestBodyLimit(largest, found.limitBytes);
  const raise = found.raise.replace('SIZE', size);
  const undo = caller ? formatClientUndo(caller, ev.target.namespace) : undefined;
  const slim = caller
    ? `slim what ${caller.deployment} sends (its revision ${caller.newest.revision} sends bodies over the limit)${undo ? `, or roll it back (${undo})` : ''}`
    : 'slim the bodies the callers send (a caller\'s release that began to send more is the change to find)';
  const callerText = caller
    ? ` ${caller.deployment} rolled out revision ${caller.newest.revision} ${formatAgo(caller.newest.createdAt, now)}, just before the first refusal the logs show${caller.names !== undefined ? `, and its env names ${caller.names}: it calls this service` : caller.by !== undefined ? ` (${caller.by})` : ', though nothing read ties it to this service'}; bodies it began to send past the limit are the likely change${caller.changes[0] ? ` (its revision changed ${caller.changes.slice(0, 2).join('; ')})` : ''}.`
    : ' No caller of the namespace that rolled out just before was found: the bodies grew on the callers\' side (a release, a larger input).';
  return [
    {
      id: `container-config/body-limit/${found.container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `${found.hits.length} refusal${found.hits.length === 1 ? '' : 's'} of container ${found.container} in ${found.pods.slice(0, 3).join(', ')}${largest !== undefined ? `; bodies of ${Math.min(...sizes)} to ${largest} bytes` : ''}${found.limitBytes !== undefined ? `; limit ${found.limitBytes} bytes` : ''}`,
        ...(last ? [`log ${last.pod}/${found.container}: ${last.line.slice(0, 300)}`] : []),
        `access log: ${found.answered413} answered 413${passing}`,
        ...(caller ? [`${caller.deployment}: ${caller.by ?? 'no env or log ties it to this service'}; revision ${caller.newest.revision} ${formatAgo(caller.newest.createdAt, now)}${caller.previous ? ` (before: revision ${caller.previous.revision}, ${formatAgo(caller.previous.createdAt, now)})` : ''}`] : []),
        ...(caller?.changes ?? []).slice(0, 3).map((c) => `${caller?.deployment ?? ''} revision ${caller?.newest.revision ?? ''}: ${c}`),
        `${ready}/${podObjects.length} of these pods Ready: their probes send no body`,
      ],
      decisive: condenseStructuredLine(last?.line ?? ''),
      ...(onset !== undefined ? { onset } : {}),
      outsideWorkload: 'the bodies the callers send grew past a limit the server did not change',
      ...(caller ? { datesChange: true as const } : {}),
      likelyCause:
        `${found.server} refuses any request body larger than ${limit} before the handler runs, and answers 413 Payload Too Large; smaller requests and the probes pass, so the pods stay Ready. ` +
        `It does so again and again${largest !== undefined ? ` (bodies up to ${largest} bytes)` : ''}, so what the callers send grew past the limit.${callerText}${own}`,
      nextAction: `Raise the limit on ${found.container} to fit the bodies it must take (${raise}), or ${slim}.`,
      fix: `${raise}, or ${slim.replace(/, or roll it back .*$/, '')}`,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${found.pods[0] ?? ''} -c ${found.container} --tail=200`),
        ...(caller ? [formatKubectl(ev.target, `rollout history deployment/${caller.deployment}`), formatKubectl(ev.target, `logs deployment/${caller.deployment} --tail=100`)] : []),
      ],
      affected: { pods: found.pods, nodes: listNodesOf(podObjects), ...(services.length > 0 ? { services } : {}) },
    },
  ];
}
