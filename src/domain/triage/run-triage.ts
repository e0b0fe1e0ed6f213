/**
 * One triage, end to end: find the workload the user means, read the evidence
 * (read-only, under a time budget), analyse, and post one summary with the evidence
 * in its thread. Safe to run twice: every post is keyed by the request id.
 */
import { RootcauseError, dependencyUnavailable, describeError } from '../../errors.js';
import { postExactlyOnce } from '../post-exactly-once.js';
import type { Chat, Clock, Cluster, ClusterWatch, Log, PostLedger, TimelineStore, WorkloadRef } from '../ports.js';
import type { ServiceCatalog } from '../service-catalog.js';
import { recordRollouts } from '../postmortem/record-rollouts.js';
import { buildEvidenceThread } from './evidence-thread.js';
import type { TriageTarget } from './evidence.js';
import { buildTriageReport } from './triage-report.js';
import type { TriageReport } from './triage-report.js';
import type { TriageRequest } from './triage-request.js';

export interface TriageDeps {
  chat: Chat;
  ledger: PostLedger;
  cluster: Cluster;
  catalog: ServiceCatalog;
  timeline: TimelineStore;
  clock: Clock;
  log: Log;
  /** Time budget for reading the cluster. Default 10 s. */
  budgetMs?: number | undefined;
  /** A triage in an incident ties the incident to its workload: its cluster events go on the timeline. */
  clusterWatch?: ClusterWatch | undefined;
}

/** Events this long before the triage still belong to the incident (what led up to the page). */
const EVENTS_BEFORE_MS = 30 * 60_000;

export type TriageOutcome = { posted: TriageReport } | { answered: string };

/** `attempt` of `attempts`: the first failure says "retrying", the last says it gave up. */
export async function runTriage(deps: TriageDeps, request: TriageRequest, attempt = 1, attempts = 4): Promise<TriageOutcome> {
  const catalogEntry = deps.catalog.find(request.service);
  const namespace = request.namespace ?? catalogEntry?.namespace;
  const context = request.context ?? catalogEntry?.context;
  // The catalog's selector only applies where the catalog says the service lives.
  const selector = request.namespace === undefined || request.namespace === catalogEntry?.namespace ? catalogEntry?.selector : undefined;

  let target: TriageTarget;
  let startedAt: string;
  let evidenceRead;
  try {
    const search = await deps.cluster.findWorkloads({ name: request.service, namespace, context, selector });
    // Nothing found because nothing could be asked is an outage, not an answer: retry.
    if (search.found.length === 0 && search.readFailures.length > 0 && search.readFailures.every((f) => f.reason === 'error' || f.reason === 'timeout')) {
      throw dependencyUnavailable('the Kubernetes API', search.readFailures.map((f) => `${f.what}: ${f.detail}`).join('; '));
    }
    const choice = chooseWorkload(request.service, namespace, search.found, search.nearNames, search.readFailures.map((f) => `${f.what} (${f.reason})`));
    if ('answer' in choice) return { answered: await tell(deps, request, 'not-found', choice.answer) };
    const w = choice.workload;
    target = { service: request.service, namespace: w.namespace, kind: w.kind, name: w.name, ...(w.context ?? context ? { context: w.context ?? context } : {}) };
    startedAt = deps.clock.now().toISOString();
    // The timeline follows Deployments and StatefulSets; other kinds are triaged without it.
    if (request.incidentId !== undefined && deps.clusterWatch !== undefined && (w.kind === 'Deployment' || w.kind === 'StatefulSet')) {
      const since = new Date(deps.clock.now().getTime() - EVENTS_BEFORE_MS).toISOString();
      await deps.clusterWatch.watch({ incidentId: request.incidentId, namespace: w.namespace, kind: w.kind, name: w.name, ...(target.context ? { context: target.context } : {}), since });
    }
    evidenceRead = await deps.cluster.collectEvidence(target, { budgetMs: deps.budgetMs ?? 10_000 });
  } catch (err) {
    if (err instanceof RootcauseError && err.code === 'USAGE') return { answered: await tell(deps, request, 'usage', err.message) };
    const busy = err instanceof RootcauseError && err.code === 'INCIDENT_BUSY';
    if (!busy && attempt >= attempts) {
      await tell(deps, request, 'gave-up', `:x: Gave up on the triage of \`${request.service}\` after ${attempts} tries: ${describeError(err)}. Nothing was posted; run it again when the cluster answers.`).catch(() => undefined);
    } else if (!busy && attempt === 1) {
      await tell(deps, request, 'retrying', `:hourglass: Could not reach the Kubernetes API for \`${request.service}\` (${describeError(err)}). Retrying.`).catch(() => undefined);
    }
    throw err;
  }
  const report = buildTriageReport(evidenceRead, { startedAt, finishedAt: deps.clock.now().toISOString() });
  await postReport(deps, request, report);
  if (request.incidentId !== undefined) {
    await deps.timeline.append(request.incidentId, {
      key: `triage/${request.id}`,
      at: report.finishedAt,
      source: 'bot',
      text: `Triage of ${target.kind.toLowerCase()}/${target.name}: ${report.findings[0]?.title ?? report.headline}`,
      important: report.verdict === 'problems',
    });
    await recordRollouts(deps.timeline, request.incidentId, report);
  }
  return { posted: report };
}

function chooseWorkload(
  service: string,
  namespace: string | undefined,
  found: WorkloadRef[],
  nearNames: string[],
  failures: string[],
): { workload: WorkloadRef } | { answer: string } {
  const where = namespace ? `namespace \`${namespace}\`` : 'any namespace I can read';
  const unread = failures.length > 0 ? `\nI could not search everywhere: ${failures.join('; ')}.` : '';
  if (found.length === 1) return { workload: found[0]! };
  if (found.length === 0) {
    const near = nearNames.length > 0 ? ` Did you mean ${nearNames.map((n) => `\`${n}\``).join(', ')}?` : '';
    return { answer: `No Deployment, StatefulSet, DaemonSet, CronJob or Job called \`${service}\` in ${where}.${near}${unread}` };
  }
  const list = found.map((w) => `• \`${w.namespace}\` (${w.kind}${w.context ? `, context ${w.context}` : ''})`).join('\n');
  const example = found[0]!;
  return {
    answer: `\`${service}\` exists in ${found.length} places:\n${list}\nSay which: \`/triage ${service} --namespace ${example.namespace}\``,
  };
}

/** Answers the requester alone when we can (response_url), else in the channel. */
async function tell(deps: TriageDeps, request: TriageRequest, what: string, text: string): Promise<string> {
  if (request.responseUrl !== undefined) {
    try {
      await deps.chat.respond(request.responseUrl, text);
      return text;
    } catch (err) {
      deps.log.warn({ requestId: request.id, err: describeError(err) }, 'response_url failed; answering in the channel');
    }
  }
  await postExactlyOnce(deps.chat, deps.ledger, request.channelId, { key: `triage/${request.id}/${what}`, kind: 'text', text });
  return text;
}

async function postReport(deps: TriageDeps, request: TriageRequest, report: TriageReport): Promise<void> {
  let summaryTs: string;
  try {
    summaryTs = await postExactlyOnce(deps.chat, deps.ledger, request.channelId, { key: `triage/${request.id}/summary`, kind: 'triage-summary', report });
  } catch (err) {
    // A private channel or DM the bot is not in: tell the requester how to fix it, do not retry for nothing.
    if (err instanceof RootcauseError && !err.retryable && request.responseUrl !== undefined) {
      await deps.chat.respond(
        request.responseUrl,
        `I finished the triage of \`${request.service}\` but cannot post in this channel (${describeError(err)}). Invite me with \`/invite @Rootcause\` and run it again.`,
      );
      return;
    }
    throw err;
  }
  const thread = buildEvidenceThread(report);
  for (const [i, document] of thread.entries()) {
    await postExactlyOnce(deps.chat, deps.ledger, request.channelId, { key: `triage/${request.id}/evidence/${i}`, kind: 'document', document }, { threadTs: summaryTs });
  }
}
