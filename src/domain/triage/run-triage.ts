/**
 * One triage, end to end: find the workload the user means, read the evidence
 * (read-only, under a time budget), analyse, and post one summary with the evidence
 * in its thread. The summary's message is posted as soon as the workload is found and shows
 * the reads as they complete; the verdict replaces it in place. Safe to run twice: every post
 * is keyed by the request id, the raw evidence file is found by its name.
 */
import { code, icon, plainText } from '../document.js';
import type { Inline } from '../document.js';
import { RootcauseError, dependencyUnavailable, describeError } from '../../errors.js';
import { postExactlyOnce, shareFileExactlyOnce } from '../post-exactly-once.js';
import type { Chat, Clock, Log, PostLedger } from '../ports.js';
import type { ServiceCatalog } from '../service-catalog.js';
import { buildEvidenceThread } from './evidence-thread.js';
import type { TriageTarget } from './evidence.js';
import { buildTriageReport } from './triage-report.js';
import type { TriageReport } from './triage-report.js';
import type { TriageRequest } from './triage-request.js';
import { ProgressUpdates } from './progress-updates.js';
import type { TriageProgress } from './triage-progress.js';
import type { Cluster, IncidentTimeline, TriageMessage, WorkloadRef, WorkloadWatch } from './triage-ports.js';

export interface TriageDeps {
  chat: Chat<TriageMessage>;
  ledger: PostLedger;
  cluster: Cluster;
  catalog: ServiceCatalog;
  timeline: IncidentTimeline;
  clock: Clock;
  log: Log;
  /** Time budget for reading the cluster. Default 10 s. */
  budgetMs?: number | undefined;
  /** A triage in an incident ties the incident to its workload: its cluster events go on the timeline. */
  clusterWatch?: WorkloadWatch | undefined;
  /**
   * What else an incident keeps of its triage (the rollouts it saw, for the post-mortem). Wired by
   * the composition root, so the triage does not depend on the post-mortem; safe to run twice.
   */
  keepForIncident: (incidentId: string, report: TriageReport) => Promise<void>;
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

  let w: WorkloadRef;
  let prefixed: { among: number } | undefined;
  try {
    const search = await deps.cluster.findWorkloads({ name: request.service, namespace, context, selector });
    // Nothing found because nothing could be asked is an outage, not an answer: retry.
    if (search.found.length === 0 && search.readFailures.length > 0 && search.readFailures.every((f) => f.reason === 'error' || f.reason === 'timeout')) {
      throw dependencyUnavailable('the Kubernetes API', search.readFailures.map((f) => `${f.what}: ${f.detail}`).join('; '));
    }
    const choice = chooseWorkload(request.service, namespace, search.found, search.nearNames, search.readFailures.map((f) => `${f.what} (${f.reason})`));
    if ('answer' in choice) return { answered: await tell(deps, request, 'not-found', choice.answer) };
    w = choice.workload;
    prefixed = search.chosenByPrefix;
  } catch (err) {
    return await failTriage(deps, request, err, attempt, attempts, undefined);
  }
  const target: TriageTarget = { service: request.service, namespace: w.namespace, kind: w.kind, name: w.name, ...(w.context ?? context ? { context: w.context ?? context } : {}) };
  const startedAt = deps.clock.now().toISOString();
  // The summary's place is taken at once, so the first screen shows the triage under way.
  const summary = await placeSummary(deps, request, { service: request.service, target: `${w.kind.toLowerCase()}/${w.name} in ${w.namespace}${describePrefixChoice(request.service, w, prefixed)}` });
  const progress =
    'ts' in summary ? new ProgressUpdates(summary.progress, (p) => updateSummary(deps, request, summary.ts, { kind: 'triage-progress', progress: p }), () => deps.clock.now().getTime()) : undefined;
  let evidenceRead;
  try {
    // The timeline follows Deployments and StatefulSets; other kinds are triaged without it.
    if (request.incidentId !== undefined && deps.clusterWatch !== undefined && (w.kind === 'Deployment' || w.kind === 'StatefulSet')) {
      const since = new Date(deps.clock.now().getTime() - EVENTS_BEFORE_MS).toISOString();
      await deps.clusterWatch.watch({ incidentId: request.incidentId, namespace: w.namespace, kind: w.kind, name: w.name, ...(target.context ? { context: target.context } : {}), since });
    }
    evidenceRead = await deps.cluster.collectEvidence(target, { budgetMs: deps.budgetMs ?? 10_000, onRead: progress && ((stage) => progress.read(stage)) });
  } catch (err) {
    await progress?.stop();
    return await failTriage(deps, request, err, attempt, attempts, summary);
  }
  await progress?.stop();
  const report = buildTriageReport(evidenceRead, { startedAt, finishedAt: deps.clock.now().toISOString() });
  await postReport(deps, request, report, summary);
  if (request.incidentId !== undefined) {
    await deps.timeline.append(request.incidentId, {
      key: `triage/${request.id}`,
      at: report.finishedAt,
      source: 'bot',
      text: `Triage of ${target.kind.toLowerCase()}/${target.name}: ${report.findings[0]?.title ?? report.headline}`,
      important: report.verdict === 'problems',
    });
    await deps.keepForIncident(request.incidentId, report);
  }
  return { posted: report };
}

/** Answers a usage error; otherwise says "retrying" (first try) or "gave up" (last), there and in the summary's place, and throws for the retry. */
async function failTriage(deps: TriageDeps, request: TriageRequest, err: unknown, attempt: number, attempts: number, summary: SummaryPlace | undefined): Promise<TriageOutcome> {
  if (err instanceof RootcauseError && err.code === 'USAGE') return { answered: await tell(deps, request, 'usage', err.message) };
  const busy = err instanceof RootcauseError && err.code === 'INCIDENT_BUSY';
  let note: string | undefined;
  if (!busy && attempt >= attempts) {
    note = `gave up after ${attempts} tries: ${describeError(err)}. Run it again when the cluster answers.`;
    await tell(deps, request, 'gave-up', [icon('failed'), ' Gave up on the triage of ', code(request.service), ` after ${attempts} tries: ${describeError(err)}. No verdict was posted; run it again when the cluster answers.`]).catch(() => undefined);
  } else if (!busy && attempt === 1) {
    note = `could not reach the Kubernetes API (${describeError(err)}); retrying.`;
    await tell(deps, request, 'retrying', [icon('waiting'), ' Could not reach the Kubernetes API for ', code(request.service), ` (${describeError(err)}). Retrying.`]).catch(() => undefined);
  }
  // The summary's place says what happened instead of reading on forever.
  if (note !== undefined && summary !== undefined && 'ts' in summary) {
    await updateSummary(deps, request, summary.ts, { kind: 'triage-progress', progress: { ...summary.progress, done: [], note } }).catch(() => undefined);
  }
  throw err;
}

/** Nothing was called what was asked: the summary says which workload named after it was taken. */
function describePrefixChoice(service: string, w: WorkloadRef, prefixed: { among: number } | undefined): string {
  if (prefixed === undefined) return '';
  return prefixed.among === 1 ? `, the only workload named ${service}-…` : `, the newest of ${prefixed.among} ${w.kind}s named ${service}-…`;
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
async function tell(deps: TriageDeps, request: TriageRequest, what: string, text: Inline): Promise<string> {
  if (request.responseUrl !== undefined) {
    try {
      await deps.chat.respond(request.responseUrl, text);
      return plainText(text);
    } catch (err) {
      deps.log.warn({ requestId: request.id, err: describeError(err) }, 'response_url failed; answering in the channel');
    }
  }
  await postExactlyOnce(deps, request.channelId, { key: `triage/${request.id}/${what}`, kind: 'text', text });
  return plainText(text);
}

/** Where the summary goes: a message posted once (the progress, then the verdict), or nowhere we may post. */
type SummaryPlace = { ts: string; progress: Omit<TriageProgress, 'done'> } | { cannotPost: unknown; responseUrl: string };

function summaryKey(request: TriageRequest): string {
  return `triage/${request.id}/summary`;
}

/**
 * Posts the summary's message once per request, showing the triage under way. A retry finds the
 * message (ledger or channel history) and shows the reads starting again in it.
 */
async function placeSummary(deps: TriageDeps, request: TriageRequest, progress: Omit<TriageProgress, 'done'>): Promise<SummaryPlace> {
  const message = { key: summaryKey(request), kind: 'triage-progress' as const, progress: { ...progress, done: [] } };
  const before = await deps.ledger.read(message.key);
  try {
    const ts = await postExactlyOnce(deps, request.channelId, message);
    if (before !== undefined) await deps.chat.update(request.channelId, ts, message);
    return { ts, progress };
  } catch (err) {
    // A private channel or DM the bot is not in: triage anyway, then tell the requester how to fix it.
    if (err instanceof RootcauseError && !err.retryable && request.responseUrl !== undefined) return { cannotPost: err, responseUrl: request.responseUrl };
    throw err;
  }
}

async function updateSummary(deps: TriageDeps, request: TriageRequest, ts: string, message: DistributiveOmit<TriageMessage, 'key'>): Promise<void> {
  await deps.chat.update(request.channelId, ts, { ...message, key: summaryKey(request) } as TriageMessage);
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

async function postReport(deps: TriageDeps, request: TriageRequest, report: TriageReport, summary: SummaryPlace): Promise<void> {
  if ('cannotPost' in summary) {
    await deps.chat.respond(
      summary.responseUrl,
      `I finished the triage of \`${request.service}\` but cannot post in this channel (${describeError(summary.cannotPost)}). Invite me with \`/invite @Rootcause\` and run it again.`,
    );
    return;
  }
  // The verdict replaces the progress in the same message: the first screen never moves.
  await updateSummary(deps, request, summary.ts, { kind: 'triage-summary', report });
  const thread = buildEvidenceThread(report);
  for (const [i, document] of thread.documents.entries()) {
    await postExactlyOnce(deps, request.channelId, { key: `triage/${request.id}/evidence/${i}`, kind: 'document', document }, { threadTs: summary.ts });
  }
  if (thread.file) {
    const file = { filename: `triage-${request.service}-${request.id}.txt`, ...thread.file };
    await shareFileExactlyOnce(deps, `triage/${request.id}/evidence-file`, request.channelId, file, { threadTs: summary.ts });
  }
}
