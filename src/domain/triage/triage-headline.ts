/**
 * The headline of a triage with no problem to diagnose: an all-clear that says what was checked
 * (ready pods, restarts, warnings, error lines seen), or why there is no all-clear (reads that failed).
 */
import { clipMiddle } from './collapse-events.js';
import type { TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { describeJobProgress } from './job-progress.js';
import { describeJobDisruptions } from './job-disruptions.js';
import { describeJobsUnderLoad } from './jobs-under-load.js';
import { describeKedaAtZero, describeKedaWake, findKedaAtZero } from './keda-at-zero.js';
import { describeOrdinalScaleUp, findOrdinalScaleUp } from './ordinal-scale-up.js';
import type { Finding } from './finding.js';
import { RECENT_MS, countReadyPods, getDesiredReplicas, getLastTermination, listContainers } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { describeStagedUpdate, findStagedUpdate } from './staged-update.js';
import { describeRollback, findRollback } from './revision-rollback.js';
import { formatAgo, isWithin } from './time-span.js';
import { countClientAborts, listErrorLines } from './error-line.js';
import { countInboundTransportResets } from './inbound-transport-reset.js';
import { countIdempotentReplays } from './idempotent-replay.js';
import { countRetriedConflicts } from './update-conflict-retry.js';
import { findNodeReboot } from './node-reboot.js';
import { describePolicyAuditReports, isPolicyAuditReport } from './policy-audit-report.js';
import { describeLeftoverPullSecretWarnings, isLeftoverPullSecretWarning } from './leftover-pull-secret.js';
import { describeNameserverLimitNotes, isNameserverLimitNote } from './nameserver-limit-note.js';

export type Verdict = 'problems' | 'healthy' | 'inconclusive';

/**
 * Reads whose failure forbids an all-clear: the workload, its pods, their events and their logs.
 * A cap (skipped) is not a gap: what was read is complete for what it covers.
 */
export function listGaps(ev: TriageEvidence): string[] {
  const gaps = ev.readFailures
    .filter((f) => f.reason !== 'skipped' && (f.source === 'workload' || f.source === 'pods' || f.source === 'events' || f.source === 'logs'))
    // "error" says nothing: the status line does ("HTTP 503: the server is currently unable …").
    .map((f) => `${f.what} (${f.reason === 'error' && f.detail ? clipMiddle(f.detail, 90) : f.reason})`);
  if (ev.workload === null && !gaps.some((g) => g.startsWith(`${ev.target.kind} `))) gaps.unshift('the workload');
  return gaps;
}

/**
 * Context a healthy verdict still tells: what someone is waiting on (a node drain, pods waiting
 * for the nodes a scale-up is bringing — failed-scheduling is info only then), and a canary
 * taking its share of the Service's traffic, so "ready" is not read as "one version"; and a
 * background refresh that fell back to its cached copy (degraded, still serving), so its warnings
 * in the logs are not left a question.
 */
const TOLD_WHEN_HEALTHY: ReadonlyMap<Finding['kind'], string> = new Map([['disruption-budget', 'Meanwhile'], ['failed-scheduling', 'Meanwhile'], ['service-canary-endpoints', 'Also'], ['degraded-fallback', 'Note']]);

export function formatHeadline(ev: TriageEvidence, verdict: Verdict, analyzerFailures: number, findings: readonly Finding[]): string {
  const leadOf = (f: Finding) => (verdict === 'healthy' ? TOLD_WHEN_HEALTHY.get(f.kind) : undefined);
  const told = findings.flatMap((f) => (leadOf(f) ? [` ${leadOf(f) ?? ''}: ${f.title}.`] : [])).join('');
  // A backup or dump running against it now explains its load: context, never a problem.
  const load = verdict === 'healthy' ? describeJobsUnderLoad(ev) : undefined;
  return formatVerdictLine(ev, verdict, analyzerFailures) + told + (load ? ` Meanwhile, ${load}.` : '');
}

function formatVerdictLine(ev: TriageEvidence, verdict: Verdict, analyzerFailures: number): string {
  const who = `${ev.target.kind.toLowerCase()}/${ev.target.name} in ${ev.target.namespace}`;
  if (verdict === 'inconclusive') {
    const missing = listGaps(ev);
    if (analyzerFailures > 0) missing.push(`${analyzerFailures} check${analyzerFailures === 1 ? '' : 's'} failed to run`);
    return `Could not fully check ${who}: ${missing.join('; ')}. No problem found in what could be read, so no all-clear.`;
  }
  if (ev.target.kind === 'CronJob' || ev.target.kind === 'Job') return formatBatchHealthy(ev, who);
  const restarted = ev.pods.flatMap(listContainers).filter((r) => {
    const t = getLastTermination(r.container);
    return r.container.restartCount > 0 && isWithin(t?.finishedAt, ev.collectedAt, RECENT_MS);
  });
  const restarts = restarted.length;
  // Restarts its node's reboot explains: say so, the all-clear must not leave them a question.
  const exits = restarted.flatMap((r) => { const term = getLastTermination(r.container); return term ? [{ pod: r.pod, term }] : []; });
  const reboot = exits.length === restarts && restarts > 0 ? findNodeReboot(ev, exits) : undefined;
  const restartsText = restarts === 0 ? 'no restarts' : `${restarts} container restart${restarts === 1 ? '' : 's'}${reboot ? ` (node ${reboot.node} rebooted ${formatAgo(reboot.event.firstSeen, ev.collectedAt)})` : ''}`;
  const { told } = countWarnings(ev);
  const sampled = ev.logs.filter((l) => !l.previous).length;
  // A few error lines do not make a problem, but an all-clear must not call them none.
  const errorLines = ev.logs.filter((l) => !l.previous).reduce((n, l) => n + listErrorLines(l.lines).length, 0);
  // Clients hanging up mid-response are logged at ERROR by the frameworks: say they were seen and not counted.
  const aborts = ev.logs.filter((l) => !l.previous).reduce((n, l) => n + countClientAborts(l.lines), 0);
  // Retries whose idempotency key hit its unique constraint and were answered from the stored response: the same.
  const replays = ev.logs.filter((l) => !l.previous).reduce((n, l) => n + countIdempotentReplays(l.lines), 0);
  // Update conflicts (409) a controller retried into a successful reconcile: the same.
  const conflicts = ev.logs.filter((l) => !l.previous).reduce((n, l) => n + countRetriedConflicts(l.lines), 0);
  // Connections a TCP probe or scanner opened and dropped, read as resets by the server's transport: the same.
  const resets = ev.logs.filter((l) => !l.previous).reduce((n, l) => n + countInboundTransportResets(l.lines), 0);
  const besides = [
    ...(aborts === 0 ? [] : [`${aborts} client${aborts === 1 ? '' : 's'} hanging up mid-response`]),
    ...(resets === 0 ? [] : [`${resets} inbound connection${resets === 1 ? '' : 's'} reset by ${resets === 1 ? 'its client' : 'their clients'} (a TCP probe or scanner that connects and leaves)`]),
    ...(replays === 0 ? [] : [`${replays} duplicate idempotency key${replays === 1 ? '' : 's'} of retries answered from the stored response`]),
    ...(conflicts === 0 ? [] : [`${conflicts} update conflict${conflicts === 1 ? '' : 's'} ("the object has been modified") retried into a successful reconcile`]),
  ];
  const aside = besides.length === 0 ? '' : ` (besides ${besides.join(' and ')})`;
  const logs = errorLines === 0 ? `no errors${aside}` : `${errorLines} error line${errorLines === 1 ? '' : 's'} (too few to call failing)`;
  const [newest] = sortRevisions(ev.revisions);
  // After a rollout undo the re-used ReplicaSet is old: say when the undo made it current.
  const rollback = findRollback(ev);
  const undone = rollback?.revision.revision === newest?.revision && rollback?.at !== undefined ? rollback : undefined;
  const since = undone?.at !== undefined ? `${describeRollback(undone)}, ${formatAgo(undone.at, ev.collectedAt)}` : undefined;
  // A partition holding lower ordinals on the old revision: say who runs what, not just the newest.
  const staged = findStagedUpdate(ev);
  const stage = staged ? `; ${describeStagedUpdate(staged)}` : '';
  const revision = newest ? ` Revision ${newest.revision}, ${since ?? `rolled out ${formatAgo(newest.createdAt, ev.collectedAt)}`}${stage}.` : '';
  // At zero by KEDA's design, "0/0 ready" would read as an outage: say who holds it there and what wakes it.
  const keda = findKedaAtZero(ev);
  // Fewer ready than desired because new ordinals are still coming up: say so, not a bare "4/5 ready".
  const scaleUp = keda ? undefined : findOrdinalScaleUp(ev.workload, ev.pods, ev.events, ev.collectedAt);
  const scaling = scaleUp && (isWithin(scaleUp.at, ev.collectedAt, RECENT_MS) || scaleUp.added.some((p) => !p.ready)) ? `, ${describeOrdinalScaleUp(scaleUp, formatAgo(scaleUp.at, ev.collectedAt))};` : ',';
  const replicas = keda ? `${describeKedaAtZero(keda)}${keda.since ? ` ${formatAgo(keda.since, ev.collectedAt)}` : ''}, KEDA activates it again when ${describeKedaWake(keda)} shows work; ` : `${countReadyPods(ev)}/${getDesiredReplicas(ev)} ready${scaling} `;
  return (
    `${who} looks healthy: ${replicas}` +
    `${restartsText}, ` +
    `${told}` +
    `${sampled > 0 ? ` and ${logs} in the logs of ${sampled} pod${sampled === 1 ? '' : 's'}` : ''} in the last hour.${revision}`
  );
}

/**
 * The last hour's Warning events; a policy engine's audit reports and the kubelet's warnings about a
 * missing pull Secret on pods that already run their image are told apart: they block nothing.
 */
function countWarnings(ev: TriageEvidence): { told: string } {
  const recent = ev.events.filter((e) => e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const reports = recent.filter(isPolicyAuditReport).length;
  const leftovers = recent.filter((e) => isLeftoverPullSecretWarning(ev, e)).length;
  const nameservers = recent.filter((e) => isNameserverLimitNote(ev, e)).length;
  const warnings = recent.length - reports - leftovers - nameservers;
  const counted = warnings === 0 ? 'no warning events' : `${warnings} warning event${warnings === 1 ? '' : 's'}`;
  const apart = [...(reports > 0 ? [describePolicyAuditReports(reports)] : []), ...(leftovers > 0 ? [describeLeftoverPullSecretWarnings(leftovers)] : []), ...(nameservers > 0 ? [describeNameserverLimitNotes(nameservers)] : [])];
  return { told: apart.length === 0 ? counted : `${counted} besides ${apart.join(' and ')}` };
}

/** A Job or CronJob is healthy by its runs, not by ready pods. */
function formatBatchHealthy(ev: TriageEvidence, who: string): string {
  const jobs = ev.jobs ?? [];
  const done = jobs.filter((j) => findCondition(j.conditions, 'Complete')?.status === 'True');
  const running = jobs.filter((j) => j.active > 0);
  const schedule = ev.workload?.schedule;
  const newest = jobs[0];
  const when = newest?.completionTime ?? newest?.startTime ?? newest?.createdAt;
  const progress = ev.target.kind === 'Job' && newest ? describeJobProgress(newest) : undefined;
  const runs = progress !== undefined ? `${when ? `started ${formatAgo(when, ev.collectedAt)}, ` : ''}${progress}` : jobs.length === 0 ? 'no runs kept yet' : `${done.length === jobs.length ? `its last ${jobs.length === 1 ? 'run' : `${jobs.length} runs`} completed` : `${done.length} of its last ${jobs.length} runs completed${running.length > 0 ? `, ${running.length} running` : ''}`}${when ? `, the newest ${formatAgo(when, ev.collectedAt)}` : ''}`;
  const { told } = countWarnings(ev);
  // Preempted or evicted pods show in the events: say what became of them and whether they count.
  const disrupted = ev.target.kind === 'Job' && newest ? describeJobDisruptions(ev, newest) : undefined;
  return `${who} looks healthy: ${runs}${schedule ? ` (schedule ${schedule.cron}${schedule.suspended ? ', suspended' : ''})` : ''}${disrupted ? `; ${disrupted}` : ''}; ${told} in the last hour.`;
}

