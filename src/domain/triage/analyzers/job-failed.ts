import type { ContainerEvidence, JobEvidence, PodEvidence, TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { capitalize } from '../../text.js';
import { findCondition, findLog, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { condenseRuntimeMessage } from './exit-code.js';
import { tellClusterDown } from './dependency-cluster-down.js';
import { tellRefusalMet } from './dependency-refuses.js';
import { findLastGoodRun } from '../last-good-run.js';
import { findConfigEditSinceGoodRun } from '../config-edit-since-good-run.js';
import { readStartFailure } from '../start-failure.js';
import { findTagMoved, tellTagMoved } from '../job-tag-moved.js';
import { explainVersionRefusal, findServerAtVersion, findVersionRefusal } from '../client-version-refusal.js';
import { describeUpgradedServer } from '../server-upgrade.js';
import { shortImage } from './image-pull.js';
import { findRbacForbidden, tellRbacForbidden } from '../rbac-forbidden.js';
import { findTokenAudienceRefusal, tellTokenAudience } from '../token-audience.js';
import { findMissingFileSystem, tellMissingFileSystem } from '../hadoop-filesystem-scheme.js';
import { findPartCap, tellPartCap } from '../multipart-part-cap.js';
import { findMigrationChecksum, tellMigrationChecksum } from '../migration-checksum.js';
import { findFailedIndexes, findInputOf } from '../job-indexes.js';
import { formatKubectl } from '../kubectl-command.js';
import { findDisruption } from '../pod-disruption.js';
import { findFailingRule } from '../job-failure-rule.js';
import { findJobTemplateChange, tellTemplateChange } from '../job-template-change.js';
import { findParallelConnectionCap, tellParallelConnectionCap } from '../parallel-connection-cap.js';
import { describeDbRunUser, findDbRunUser, readDbPrivilegeRefusal } from '../db-run-user.js';
import { HISTORY_MS, getLastTermination, listNodesOf, unique } from '../pod-status.js';
import { formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';

/** "4 pods exited 1", "3 pods OOMKilled (exit 137)": how the Job's pods ended. */
function describePods(pods: readonly PodEvidence[]): string | undefined {
  const ends = pods.flatMap((p) => {
    const c = p.containers.find((x) => getLastTermination(x)?.exitCode !== 0 && getLastTermination(x) !== undefined);
    const t = c ? getLastTermination(c) : undefined;
    return t === undefined ? [] : [t.reason === 'OOMKilled' ? `OOMKilled (exit ${t.exitCode})${c?.resources.limits['memory'] ? ` at the ${c.resources.limits['memory']} limit` : ''}` : `exited ${t.exitCode}`];
  });
  if (ends.length === 0) return undefined;
  const common = [...ends].sort((a, b) => ends.filter((x) => x === b).length - ends.filter((x) => x === a).length)[0] ?? '';
  const same = ends.filter((x) => x === common).length;
  const others = ends.length - same;
  return `${same} pod${same === 1 ? '' : 's'} ${common}${others > 0 ? ` (${others} more ended otherwise)` : ''}`;
}

/**
 * Pods whose container never started: the runtime's own message (terminated state, or the
 * kubelet's Failed event when the state no longer carries it) says what it could not run.
 */
function describeUnstarted(ev: TriageEvidence, pods: readonly PodEvidence[], c: ContainerEvidence | undefined): { line: string; message: string; cause: string; fix: string; path?: string } | undefined {
  const term = c ? getLastTermination(c) : undefined;
  if (c === undefined || term === undefined) return undefined;
  const said = term.message ?? findFailedEvent(ev, pods, c.name);
  const told = readStartFailure(said, [...(c.command ?? []), ...(c.args ?? [])]);
  if (told === undefined) return undefined;
  const messageOf = (p: PodEvidence): string | undefined => { const x = p.containers.find((y) => y.name === c.name); return (x ? getLastTermination(x)?.message : undefined) ?? findFailedEvent(ev, [p], c.name); };
  const same = pods.filter((p) => { const m = messageOf(p); return m !== undefined && readStartFailure(m, [...(c.command ?? []), ...(c.args ?? [])])?.clause === told.clause; }).length;
  return {
    line: `${same} pod${same === 1 ? '' : 's'} could not start (${term.reason ?? 'StartError'}, exit ${term.exitCode}): ${told.clause}`,
    message: condenseRuntimeMessage(said) ?? '',
    cause: told.cause,
    fix: told.fix,
    ...(told.path ? { path: told.path } : {}),
  };
}

/** The kubelet's "Error: …" Failed event of those pods' container: the runtime's words kept a little longer than the pod. */
function findFailedEvent(ev: TriageEvidence, pods: readonly PodEvidence[], container: string): string | undefined {
  const names = new Set(pods.map((p) => p.name));
  const e = ev.events.find((x) => x.reason === 'Failed' && names.has(x.object.name) && (x.object.fieldPath === undefined || x.object.fieldPath.includes(`{${container}}`)) && /^Error: /.test(x.message));
  return e?.message.replace(/^Error: /, '');
}

/**
 * The Job's client refused the server's version (pg_dump older than the server): the image to
 * change and both versions, and the server pod on that version when the evidence holds it — dated
 * as the trigger when it started after the Job's last successful run.
 */
function describeVersionRefusal(ev: TriageEvidence, lines: readonly string[], image: string | undefined): { clause: string; cause: string; fix: string; evidence: string[]; dated: boolean } | undefined {
  const refusal = findVersionRefusal(lines);
  if (refusal === undefined || image === undefined) return undefined;
  const told = explainVersionRefusal(refusal, shortImage(image));
  const lastOk = (ev.jobs ?? []).find((j) => findCondition(j.conditions, 'Complete')?.status === 'True');
  const okAt = lastOk?.completionTime ?? findCondition(lastOk?.conditions ?? [], 'Complete')?.lastTransitionTime;
  // The server's workload, read from the host the run names, rolled to the refused version after the last good run: the "since".
  const rolled = describeUpgradedServer(ev, okAt);
  const server = rolled ? undefined : findServerAtVersion(ev, refusal);
  const dated = rolled !== undefined || (server !== undefined && okAt !== undefined && server.since > okAt);
  const serverClause = rolled
    ? `; since ${rolled.said} — the tool did not change, the server did`
    : server
      ? `; server pod ${server.pod} started on ${shortImage(server.image)} ${formatAgo(server.since, ev.collectedAt)}${dated && okAt ? `, after the last successful run (${formatAgo(okAt, ev.collectedAt)})` : ''}`
      : '';
  const began = rolled ? ` It began when ${rolled.said}.` : dated && server ? ` It began when ${server.pod} came up on ${shortImage(server.image)}, after the last good run.` : '';
  return {
    clause: `${told.clause}${serverClause}`,
    cause: `${told.cause}${began}`,
    fix: told.fix,
    evidence: [`refusal: ${refusal.line}${refusal.server && refusal.client ? ` (server ${refusal.server}, ${refusal.tool} ${refusal.client})` : ''}`, ...(rolled ? [rolled.evidence] : [])],
    dated,
  };
}

/**
 * The run's identity refused by RBAC (kubectl's "Error from server (Forbidden)"): who, what, and
 * since when, when an earlier run of the same CronJob succeeded.
 */
function describeForbidden(ev: TriageEvidence, lines: readonly string[]): { clause: string; cause: string; action: string; fix: string; evidence: string[]; dated: boolean } | undefined {
  const forbidden = findRbacForbidden(lines);
  if (forbidden === undefined) return undefined;
  const okAt = findLastGoodRun(ev);
  const since = okAt ? formatAgo(okAt, ev.collectedAt) : undefined;
  const told = tellRbacForbidden(forbidden, since);
  return {
    clause: `${told.title.replace(/^: /, '')}${since ? `; the last successful run was ${since}` : ''}`,
    cause: told.cause,
    action: told.action,
    fix: told.fix,
    evidence: told.evidence,
    dated: since !== undefined,
  };
}

/**
 * The database refused the run ownership or a privilege ("must be owner of table", 42501): the user
 * it connects as and where that is set are the lead, and a change of the ConfigMap that sets it,
 * made before the run began (however long before) and after the last good run, is the trigger.
 */
function describeDbPrivilege(ev: TriageEvidence, lines: readonly string[], pod: PodEvidence | undefined, container: ContainerEvidence | undefined): { clause: string; cause: string; action: string; fix: string; evidence: string[]; dated: boolean } | undefined {
  const refusal = readDbPrivilegeRefusal(lines.slice(-80));
  if (refusal === undefined) return undefined;
  const found = findDbRunUser(container, ev.settingConfig ?? [], ev.namespaceObjects ?? [], refusal);
  const runUser = found ? describeDbRunUser(found, pod?.startTime ?? pod?.createdAt, ev.collectedAt, findLastGoodRun(ev)) : undefined;
  const user = found?.user ?? 'the user it connects as';
  const state = refusal.state ? ` (SQLSTATE ${refusal.state})` : '';
  const setting = found?.configMap ? `the user setting in ConfigMap ${found.configMap}` : found ? `the user setting (${found.from})` : 'the user setting';
  const fix = refusal.needs === 'owner'
    ? `run it as the role that owns ${refusal.object} (${setting}), or make ${user} a member of the owning role (or transfer ownership)`
    : `grant ${user} the privilege on ${refusal.object} (or run it as a user that has it, ${setting})`;
  return {
    clause: `${refusal.engine} refused it ${refusal.needs === 'owner' ? 'ownership' : 'a privilege'}: ${refusal.said}${state}${runUser ? `; it ${runUser.text}` : ''}`,
    cause: `${refusal.engine} answered "${refusal.said}"${state}: the login worked, but ${user === 'the user it connects as' ? user : `user ${user}`} ${refusal.needs === 'owner' ? `does not own ${refusal.object}, and only its owner (or a member of the owning role) may alter or drop it` : `has no privilege for the statement on ${refusal.object}`}. The same statements pass as a user that has it: which user the run connects as decides it${runUser?.dated && found?.configMap ? `, and ConfigMap ${found.configMap}, which sets it, was changed before this run began and after the last good one` : ''}.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    evidence: [`${refusal.engine}: ${refusal.said}${state}`, ...(runUser ? [`database user: ${runUser.text.replace(/^runs as |^connects as the user /, '')}`] : [])],
    dated: runUser?.dated ?? false,
  };
}

/**
 * The schema migration tool refused an already-applied migration edited since (migration-checksum.ts):
 * the image the run uses brought the edit, so the title names it as the change.
 */
function describeEditedMigration(lines: readonly string[], image: string | undefined): { clause: string; cause: string; fix: string; evidence: string[] } | undefined {
  const found = findMigrationChecksum(lines);
  if (found === undefined || image === undefined) return undefined;
  const told = tellMigrationChecksum(found, image);
  return { clause: `${told.title.replace(/^: /, '')}; image ${shortImage(image)} ships the edited copy`, cause: told.cause, fix: told.fix, evidence: told.evidence };
}

function durationOf(j: JobEvidence): number | undefined {
  const end = j.completionTime ?? findCondition(j.conditions, 'Failed')?.lastTransitionTime ?? findCondition(j.conditions, 'Complete')?.lastTransitionTime;
  return j.startTime && end ? msBetween(j.startTime, end) : undefined;
}

/**
 * A Job (or a CronJob's newest run) that failed: BackoffLimitExceeded with how its pods ended and
 * the line that says why, or DeadlineExceeded with how long the run was allowed and how long the
 * runs before it took. The Job's failure is what the engineer was paged for; its pods' findings
 * say the same thing from below.
 */
export function analyzeFailedJobs(ev: TriageEvidence): Finding[] {
  const jobs = ev.jobs ?? [];
  const [newest] = jobs;
  if (newest === undefined) return [];
  const failed = findCondition(newest.conditions, 'Failed');
  if (failed?.status !== 'True' || !isWithin(failed.lastTransitionTime ?? newest.createdAt, ev.collectedAt, HISTORY_MS)) return [];
  const pods = ev.pods.filter((p) => p.jobName === newest.name);
  const failing = pods.filter((p) => p.containers.some((c) => (getLastTermination(c)?.exitCode ?? 0) !== 0));
  // Some pods got through and the others were cut off connecting to the same server: how many
  // connect at once separates them, not what each one reads (so not the indexes below).
  const capMet = failed.reason !== 'DeadlineExceeded' ? findParallelConnectionCap(ev, newest) : undefined;
  const cap = capMet ? tellParallelConnectionCap(capMet, ev.target.kind === 'CronJob' ? 'CronJob' : 'Job') : undefined;
  // An Indexed Job: the indexes that failed are the story, and their pods say how.
  const indexes = cap ? undefined : findFailedIndexes(newest, pods, failing);
  const told = indexes?.pods ?? pods;
  const decisivePod = told.map((p) => ({ p, c: p.containers.find((c) => { const t = getLastTermination(c); return t !== undefined && t.exitCode !== 0; }) })).find((x) => x.c !== undefined);
  // The pods never ran: the runtime's message, not a log, says why.
  const unstarted = describeUnstarted(ev, told, decisivePod?.c);
  // The same mutable tag resolved to another build than the last good run's: that push is the "since".
  const moved = unstarted && decisivePod?.c ? findTagMoved(ev, told, decisivePod.c.name, decisivePod.c.image) : undefined;
  const movedClause = moved && decisivePod?.c ? tellTagMoved(moved, shortImage(decisivePod.c.image), decisivePod.c.imagePullPolicy) : undefined;
  const podLine = unstarted?.line ?? describePods(told);
  const log = decisivePod?.c ? findLog(ev, decisivePod.p.name, decisivePod.c.name) : undefined;
  const logLine = log ? pickDecisiveLine(log.lines) : undefined;
  const reason = failed.reason ?? 'Failed';
  const deadline = reason === 'DeadlineExceeded';
  const refused = !deadline && !cap && log ? describeVersionRefusal(ev, log.lines, decisivePod?.c?.image) : undefined;
  // Refused by RBAC, or by the database for the user it connects as (ownership, a privilege).
  const forbidden = !deadline && !cap && !refused && log ? describeForbidden(ev, log.lines) ?? describeDbPrivilege(ev, log.lines, decisivePod?.p, decisivePod?.c) : undefined;
  // A Hadoop scheme no jar registers: the image's packaging, told with the connector it lacks.
  // STS refusing the run's projected ServiceAccount token for its audience: the spec sets it.
  const audienceRefused = !deadline && !cap && !refused && !forbidden && log ? findTokenAudienceRefusal(log.lines, decisivePod?.p, decisivePod?.c?.name) : undefined;
  const audience = audienceRefused ? tellTokenAudience(audienceRefused, findLastGoodAudience(jobs, audienceRefused.volume)) : undefined;
  const noFileSystem = !deadline && !cap && !refused && !forbidden && !audience && log ? findMissingFileSystem(log.lines, [...(decisivePod?.c?.command ?? []), ...(decisivePod?.c?.args ?? [])]) : undefined;
  // An upload past the object store's 10,000 parts: the fixed part size caps what it can write.
  const partCap = !deadline && !cap && !refused && !forbidden && !audience && !noFileSystem && log ? findPartCap(log.lines, decisivePod?.c ?? {}) : undefined;
  // A migration already applied to the database was edited in the image: validation refuses every attempt alike.
  const edited = !deadline && !cap && !refused && !forbidden && !audience && !noFileSystem && !partCap && log ? describeEditedMigration(log.lines, decisivePod?.c?.image) : undefined;
  const packaged = cap ?? audience ?? (noFileSystem ? tellMissingFileSystem(noFileSystem) : partCap ? tellPartCap(partCap) : edited);
  // The run failed on a clustered dependency whose own members were read and some do not serve:
  // they are the cause (a replica that cannot run), the run only met it.
  const clusterDown = !deadline && !refused && !forbidden && !packaged ? findClusterDownMet(ev, failing) : undefined;
  // Or a server that aborts its work at a limit of its own configuration (a global statement time
  // limit): that setting, where it is set and when it changed are the cause; the run only met it.
  const limit = !deadline && !refused && !forbidden && !packaged && !clusterDown ? tellRefusalMet(ev, failing.map((p) => p.name)) : undefined;
  const metDown = clusterDown ?? limit;
  const history = jobs.slice(1).map(durationOf).filter((d): d is number => d !== undefined);
  const ran = durationOf(newest);
  // Only some indexes fail while others completed on the same template: what they read differs.
  const isolated = indexes !== undefined && indexes.completed !== undefined;
  const input = indexes && log ? findInputOf(log.lines, logLine) : undefined;
  const which = indexes ? `index${indexes.count === 1 ? '' : 'es'} ${indexes.list}` : undefined;
  // A podFailurePolicy rule failed the Job at once: the rule is named, the retry limit played no part.
  const failingRule = findFailingRule(newest, failed);
  const retries = failingRule ? `: its ${failingRule.rule} failed the Job at once, with no retry` : newest.backoffLimitPerIndex !== undefined ? ` (backoffLimitPerIndex ${newest.backoffLimitPerIndex})` : newest.backoffLimit !== undefined ? ` (backoffLimit ${newest.backoffLimit})` : '';
  // The pods did not fail: they were disrupted (node shutdown, preemption, eviction), and each disruption spent a retry.
  const disrupted = !deadline && !indexes && failing.length > 0 ? failing.map((p) => ({ p, d: findDisruption(p) })) : [];
  const disruption = disrupted.length > 0 && disrupted.every((x) => x.d !== undefined) ? disrupted[0]?.d : undefined;
  const disruptedNodes = listNodesOf(failing);
  // Earlier runs of the CronJob succeeded on another jobTemplate: that change is the "since", unless a reading above dates its own.
  const otherDated = refused?.dated === true || forbidden?.dated === true || audience?.dated === true || metDown?.finding.datesChange === true;
  const changed = !disruption && !indexes && !otherDated ? findJobTemplateChange(ev, newest) : undefined;
  const template = changed ? tellTemplateChange(changed, newest, ev.collectedAt) : undefined;
  // Same template, nothing else dated: a ConfigMap the run reads, edited since the last good run, is what this run met first.
  const plain = !disruption && !indexes && !deadline && !changed && !movedClause && !otherDated && !unstarted && !refused && !forbidden && !packaged && !metDown;
  const configEdit = plain ? findConfigEditSinceGoodRun(ev, newest.startTime ?? newest.createdAt, told) : undefined;
  const editClause = configEdit ? `ConfigMap ${configEdit.configMap}, which the run reads, was changed ${formatAgo(configEdit.changedAt, ev.collectedAt)} — after the last good run (${formatAgo(configEdit.lastGoodAt, ev.collectedAt)}), so this run is the first to meet the edit` : undefined;
  const since = template ? `, ${template.clause}` : movedClause ? `; ${movedClause}` : editClause ? `, since ${editClause}` : '';
  let title: string;
  if (disruption) {
    const code = decisivePod?.c ? getLastTermination(decisivePod.c)?.exitCode : undefined;
    const n = failing.length === 1 ? 'its pod was' : `its ${failing.length} pods were`;
    title = `Job ${newest.name} failed: ${reason} — ${n} ended by ${disruption.nodeShutdown ? `the shutdown of node ${disruptedNodes.join(', ')}` : disruption.cause} (DisruptionTarget=True, ${disruption.reason}${code !== undefined ? `; exit ${code}` : ''})${retries}: a disruption, not a failure of the run`;
  } else if (deadline) {
    const limit = newest.activeDeadlineSeconds !== undefined ? `activeDeadlineSeconds ${newest.activeDeadlineSeconds} (${formatSpan(newest.activeDeadlineSeconds * 1000)})` : 'its deadline';
    title = `Job ${newest.name} failed: DeadlineExceeded — killed at ${limit}${history.length > 0 ? `; earlier runs took ${history.map(formatSpan).join(', ')}` : ''}${since}`;
  } else if (indexes && which) {
    const of = newest.completions !== undefined ? ` of ${newest.completions}` : '';
    title = `Job ${newest.name} failed: ${reason} — ${which}${of} failed${input ? ` on ${input}` : ''}${podLine ? `: ${podLine}` : ''}${retries}${indexes.completed ? `; indexes ${indexes.completed} completed` : ''}`;
  } else {
    const clause = refused?.clause ?? forbidden?.clause ?? packaged?.clause ?? metDown?.head;
    title = `Job ${newest.name} failed: ${reason}${podLine ? ` — ${podLine}` : ''}${retries}${clause ? `: ${clause}` : ''}${since}`;
  }
  return [
    {
      id: `job-failed/${newest.name}`,
      kind: 'job-failed',
      title,
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `Failed=True (${reason})${failed.message ? `: ${failed.message}` : ''}${failed.lastTransitionTime ? `, ${formatAgo(failed.lastTransitionTime, ev.collectedAt)}` : ''}`,
        `${newest.failed} failed, ${newest.succeeded} succeeded, ${newest.active} active${ran !== undefined ? `; ran ${formatSpan(ran)}` : ''}`,
        ...(history.length > 0 ? [`earlier runs took ${history.map(formatSpan).join(', ')} (newest first)`] : []),
        ...(indexes ? [`failed ${which ?? ''}, run by ${indexes.pods.map((p) => p.name).join(', ')}${indexes.completed ? `; completed indexes ${indexes.completed}` : ''}`] : []),
        ...(input && log ? [`input named in the log of ${log.pod}: ${input}`] : []),
        ...(disruption ? [`${failing.map((p) => p.name).slice(0, 3).join(', ')} on ${disruptedNodes.join(', ')}: DisruptionTarget=True (${disruption.reason})${disruption.message ? `: ${disruption.message}` : ''}`] : []),
        ...(logLine && log ? [`log ${log.pod}: ${logLine}`] : []),
        ...(template?.evidence ?? []),
        ...(refused?.evidence ?? []),
        ...(forbidden?.evidence ?? []),
        ...(packaged?.evidence ?? []),
        ...(clusterDown?.finding.evidence.filter((e) => /^pods? /.test(e)) ?? []),
        ...(limit?.finding.evidence.filter((e) => /^(ConfigMap|StatefulSet|Deployment) /.test(e)) ?? []),
      ],
      decisive: disruption ? (disruption.message ?? `DisruptionTarget=True (${disruption.reason})`) : deadline ? (failed.message ?? 'Job was active longer than specified deadline') : (capMet?.line ?? logLine ?? unstarted?.message ?? failed.message ?? reason),
      likelyCause: disruption
        ? `The run was ended from outside by ${disruption.cause}, not by its own code; a Job counts that as a failed pod${newest.backoffLimit !== undefined ? `, and with backoffLimit ${newest.backoffLimit} ${newest.backoffLimit === 0 ? 'a single disruption fails the whole Job' : 'enough of them fail the Job'}` : ''}.`
        : deadline
        ? `The run was still going when activeDeadlineSeconds passed, so the Job controller killed it.${history.length > 0 ? ' Earlier runs show how close to the deadline it has been running.' : ''} The work grew, or the run got slower.`
        : isolated
          ? `Every attempt of ${which ?? ''} failed the same way while the other indexes completed with the same image and template: the fault is in what ${indexes?.count === 1 ? 'that index reads' : 'those indexes read'}${input ? ` (${input})` : ''}, not in the code or the cluster.`
          : `${unstarted?.cause ?? refused?.cause ?? forbidden?.cause ?? packaged?.cause ?? metDown?.finding.likelyCause ?? failingRule?.cause ?? `Every retry failed the same way until the backoff limit; the pods' exit and their last log lines say why.`}${template ? ` ${template.cause}` : movedClause ? ` No spec changed: ${movedClause}.` : editClause ? ` The template did not change, but ${editClause}.` : ''}`,
      nextAction: disruption
        ? `Re-run the Job once ${disruption.nodeShutdown ? 'the node is back (or elsewhere)' : 'the disruption is over'} (a failed Job is not retried by itself). So the next disruption does not fail it: add a podFailurePolicy rule with action Ignore on the DisruptionTarget condition (disruptions then do not count against backoffLimit)${disruption.nodeShutdown ? ', and drain nodes before planned reboots' : ''}.`
        : deadline
        ? 'Find why the run is slower (data volume, a slow dependency); raise activeDeadlineSeconds only if the longer runtime is expected.'
        : isolated
          ? `Fix ${input ? `the input of ${which ?? ''} (${input})` : `what the log of ${which ?? ''} names`}, then re-run ${indexes?.count === 1 ? 'that index' : 'those indexes'} alone: the completed indexes need not run again (a failed Job is not retried by itself).`
          : forbidden ? `${forbidden.action} Then re-run the Job (a failed Job is not retried by itself).`
          : cap ? cap.action
          : unstarted ?? refused ?? packaged ? `${capitalize((unstarted ?? refused ?? packaged)?.fix ?? '')}, then re-run the Job (a failed Job is not retried by itself).`
          : metDown?.finding.fix ? `${capitalize(metDown.finding.fix)} (a failed Job is not retried by itself).`
          : template ? `${capitalize(template.revert)}, or fix what the log names under the new template; then re-run the Job (a failed Job is not retried by itself).`
          : configEdit ? `Fix what the log names, or restore ConfigMap ${configEdit.configMap}'s previous content if the edit did it; then re-run the Job (a failed Job is not retried by itself).`
          : 'Fix what the log names, then re-run the Job (a failed Job is not retried by itself).',
      fix: disruption ? 're-run the Job, and give it a podFailurePolicy that ignores DisruptionTarget' : deadline ? 'make the run fit its deadline (or raise activeDeadlineSeconds)' : isolated ? `fix ${input ? `the input of ${which ?? ''}` : `what the log of ${which ?? ''} names`} and re-run ${indexes?.count === 1 ? 'that index' : 'those indexes'}` : forbidden ? `${forbidden.fix} and re-run the Job` : cap ? cap.fix : unstarted ?? refused ?? packaged ? `${(unstarted ?? refused ?? packaged)?.fix ?? ''} and re-run the Job` : metDown?.finding.fix ? metDown.finding.fix : template ? `${template.revert}, or fix what the log names under the new template, and re-run the Job` : configEdit ? `fix what the log names (or restore ConfigMap ${configEdit.configMap}) and re-run the Job` : 'fix what the log names and re-run the Job',
      confirmCommands: [formatKubectl(ev.target, `describe job ${newest.name}`), ...(decisivePod?.c ? [formatKubectl(ev.target, `logs ${decisivePod.p.name} -c ${decisivePod.c.name} --tail=100`)] : [])],
      affected: { pods: unique(pods.map((p) => p.name)), nodes: listNodesOf(pods) },
      ...(refused?.dated || forbidden?.dated || audience?.dated || edited || metDown?.finding.datesChange || template || movedClause || configEdit ? { datesChange: true as const } : {}),
      ...(metDown?.finding.onset ? { onset: metDown.finding.onset } : {}),
      ...(metDown?.finding.outsideWorkload ? { outsideWorkload: metDown.finding.outsideWorkload } : {}),
    },
  ];
}

/** The cluster-down finding whose refused calls are in a failed pod's log, when it saw members that do not serve. */
function findClusterDownMet(ev: TriageEvidence, failing: readonly PodEvidence[]): ReturnType<typeof tellClusterDown> {
  const told = tellClusterDown(ev);
  if (told === undefined || !told.membersDown) return undefined;
  return (told.finding.affected?.pods ?? []).some((p) => failing.some((f) => f.name === p)) ? told : undefined;
}

/** The token audience of the newest completed run's template for that volume: what worked last. */
function findLastGoodAudience(jobs: readonly JobEvidence[], volume: string): { job: string; audience: string } | undefined {
  const lastOk = jobs.find((j) => findCondition(j.conditions, 'Complete')?.status === 'True' && j.tokenAudiences !== undefined);
  const audience = lastOk?.tokenAudiences?.find((t) => t.volume === volume)?.audience;
  return lastOk && audience ? { job: lastOk.name, audience } : undefined;
}
