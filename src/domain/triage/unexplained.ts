/**
 * Nothing silent: what no analyzer explained still reaches the engineer, verbatim. A Warning
 * event of the last hour with a reason no analyzer handles, a container waiting for a reason no
 * analyzer knows, a pod stuck in deletion, or the logs of ready pods full of errors (or of one failure
 * repeated at WARN: repeated-warning.ts) become findings, so a
 * workload is only called healthy when nothing of the sort is current.
 */
import { isStoppedTaskLine } from './connect-task-failed.js';
import { collapseEvents, formatEventLine } from './collapse-events.js';
import type { EventEvidence, TriageEvidence } from './evidence.js';
import { condenseStructuredLine, findPod, pickDecisiveLine } from './evidence-lookup.js';
import type { Confidence, Finding } from './finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from './kubectl-command.js';
import { RECENT_MS, getWaiting, isPodFailing, listAllContainers, listNodesOf, severityForPods, unique } from './pod-status.js';
import { isStuckTerminating } from './terminating-pods.js';
import { earliest, formatAgo, formatSpan, isWithin, msBetween } from './time-span.js';
import { readLineTime } from './request-silence.js';
import { explainStandbyConflict } from './standby-conflict.js';
import { explainMissingLocale } from './missing-locale.js';
import { explainJdkLocaleData } from './jdk-locale-data.js';
import { explainImageMagickPolicy } from './imagemagick-policy.js';
import { explainClientDiagnosis } from './client-diagnosis.js';
import { describeUpgradedServer } from './server-upgrade.js';
import { findSinkSender } from './sink-senders.js';
import { sortRevisions } from './revision-diff.js';
import { isInTriggerWindow } from './trigger-window.js';
import { isRecoveredMetricFailure } from './hpa-metric-recovery.js';
import { truncate } from '../text.js';
import { isAccessLogLine, listErrorLines } from './error-line.js';
import { findErrorsSinceStart } from './errors-since-start.js';
import { isPolicyAuditReport } from './policy-audit-report.js';
import { isLeftoverPullSecretWarning } from './leftover-pull-secret.js';
import { isNameserverLimitNote } from './nameserver-limit-note.js';
import { readServedRequests } from './served-requests.js';
import { findRepeatedWarning } from './repeated-warning.js';
import { explainPrivilegeRefusal } from './pg-privilege.js';
import { explainMissingQueue } from './missing-queue.js';

/** Event reasons some analyzer reads (and decides about, even when it finds nothing worth saying). */
const HANDLED_REASONS = new Set([
  'BackOff', 'Unhealthy', 'Killing', 'Failed', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'FailedMapVolume',
  'Evicted', 'TaintManagerEviction', 'FailedCreate', 'ProvisioningFailed', 'ExternalProvisioning', 'NodeNotReady', 'Preempted',
  'Preempting', 'NotTriggerScaleUp', 'TriggeredScaleUp', 'SystemOOM', 'OOMKilling', 'EvictionThresholdMet', 'NodeHasDiskPressure',
  'NodeHasInsufficientMemory', 'NodeHasInsufficientPID', 'FailedGetResourceMetric', 'FailedComputeMetricsReplicas',
  'BackoffLimitExceeded', 'DeadlineExceeded', 'ProgressDeadlineExceeded', 'ContainerGCFailed', 'ImageGCFailed', 'FreeDiskSpaceFailed',
]);

/** Waiting reasons an analyzer explains, or that only mean "starting". */
const HANDLED_WAITING = new Set([
  'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull', 'CreateContainerConfigError',
  'CreateContainerError', 'RunContainerError', 'ContainerCreating', 'PodInitializing',
]);

// Error lines are read in error-line.ts (errors-since-start.ts, which this module uses, reads them too); re-exported for the modules that import them from here.
export { isErrorLine } from './error-line.js';

/** Error lines in the tail of a ready pod's log before it counts as a problem. */
export const ERROR_LINES_THRESHOLD = 5;

function mentioned(findings: readonly Finding[], e: { reason: string; message: string }): boolean {
  const head = e.message.slice(0, 60);
  return findings.some((f) => [...f.evidence, f.decisive ?? '', f.title].some((line) => line.includes(head) || line.startsWith(`${e.reason} `) || line.includes(`] ${e.reason}`)));
}

function layerOf(reason: string): Finding['layer'] {
  if (/Sandbox|Network|CNI|IP/i.test(reason)) return 'network/routing';
  if (/Volume|Mount|Attach|Provision/i.test(reason)) return 'storage';
  if (/Node|Kernel|Docker|Runtime|Containerd/i.test(reason)) return 'node/eviction';
  return 'runtime/probes';
}

function describeEvents(ev: TriageEvidence, group: EventEvidence[]): Finding {
  const [c] = collapseEvents(group, { acrossObjects: true });
  const first = group[0] as EventEvidence;
  const pods = unique(group.filter((e) => e.object.kind === 'Pod').map((e) => e.object.name));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const onFailing = podObjects.length > 0 && podObjects.every((p) => isPodFailing(p, ev.collectedAt));
  const confidence: Confidence = onFailing ? 'medium' : 'low';
  const who = pods.length > 0 ? `${pods.length} pod${pods.length === 1 ? '' : 's'}` : `${first.object.kind.toLowerCase()}/${first.object.name}`;
  const message = (c?.message ?? first.message).replace(/\s+/g, ' ').trim();
  return {
    id: `unexplained/${first.reason}`,
    kind: 'unexplained',
    title: `${first.reason} on ${who}: ${truncate(message, 200)}`,
    layer: layerOf(first.reason),
    severity: onFailing ? severityForPods(ev, podObjects.length) : 'warning',
    confidence,
    evidence: c ? [formatEventLine(c, { withObject: true, maxLength: 400 })] : [],
    decisive: message,
    likelyCause: `No analyzer of this bot knows the ${first.reason} event; its message is quoted as the cluster gave it. ${first.source ? `It comes from ${first.source}. ` : ''}Read it with the object's other events before acting.`,
    nextAction: `Read the event and describe the object it is about; the message usually names the failing component.`,
    confirmCommands: pods.length > 0 ? [describePodCommand(ev.target, pods[0] ?? ''), podEventsCommand(ev.target, pods[0] ?? '')] : [formatKubectl(ev.target, `get events --field-selector reason=${first.reason}`)],
    ...(pods.length > 0 ? { affected: { pods, nodes: listNodesOf(podObjects) } } : {}),
  };
}

function unexplainedEvents(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  // A policy engine's audit report, a missing pull Secret on pods that run their image, or the
  // nameserver limit on ready pods blocks nothing: the all-clear counts them apart (triage-headline.ts).
  const events = ev.events.filter((e) => e.type === 'Warning' && !HANDLED_REASONS.has(e.reason) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS) && e.object.kind !== 'Node' && !isRecoveredMetricFailure(ev, e) && !isPolicyAuditReport(e) && !isLeftoverPullSecretWarning(ev, e) && !isNameserverLimitNote(ev, e));
  const groups = new Map<string, EventEvidence[]>();
  for (const e of events) {
    if (mentioned(findings, e)) continue;
    groups.set(e.reason, [...(groups.get(e.reason) ?? []), e]);
  }
  return [...groups.values()].map((g) => describeEvents(ev, g));
}

function unexplainedWaiting(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  const stuck = listAllContainers(ev.pods).filter((r) => {
    const w = getWaiting(r.container);
    return w !== undefined && w.reason !== '' && !HANDLED_WAITING.has(w.reason);
  });
  const byReason = new Map<string, typeof stuck>();
  for (const r of stuck) {
    const reason = getWaiting(r.container)?.reason ?? '';
    if (findings.some((f) => f.title.includes(reason) || f.evidence.some((l) => l.includes(reason)))) continue;
    byReason.set(reason, [...(byReason.get(reason) ?? []), r]);
  }
  return [...byReason.entries()].map(([reason, refs]) => {
    const pods = unique(refs.map((r) => r.pod.name));
    const messageOf = (r: (typeof refs)[number]) => getWaiting(r.container)?.message ?? '';
    const message = refs[0] ? messageOf(refs[0]) : '';
    return {
      id: `unexplained/waiting/${reason}`,
      kind: 'unexplained',
      title: `Container ${refs[0]?.container.name ?? ''} waiting: ${reason} on ${pods.length} pod${pods.length === 1 ? '' : 's'}${message ? `: ${message.slice(0, 200)}` : ''}`,
      layer: 'container/process',
      severity: 'warning',
      confidence: 'medium',
      evidence: refs.slice(0, 3).map((r) => `${r.pod.name}/${r.container.name}: waiting (${reason})${messageOf(r) ? `: ${messageOf(r)}` : ''}`),
      ...(message ? { decisive: message } : {}),
      likelyCause: `The kubelet reports ${reason}, which no analyzer of this bot knows; its message says what holds the container back.`,
      nextAction: 'Describe the pod and read its events.',
      confirmCommands: [describePodCommand(ev.target, pods[0] ?? '')],
      affected: { pods, nodes: listNodesOf(refs.map((r) => r.pod)) },
    } satisfies Finding;
  });
}

/** Ready pods whose current logs are full of errors that no finding accounts for. */
function erroringReadyPods(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  const hits = ev.logs
    .filter((l) => !l.previous && findPod(ev, l.pod)?.ready === true)
    .map((l) => ({ log: l, errors: listErrorLines(l.lines) }))
    // One line that says a hosted task stopped for good (a Connect task killed) is decisive, however few the errors.
    .filter((h) => h.errors.length >= ERROR_LINES_THRESHOLD || h.log.lines.some(isStoppedTaskLine));
  if (hits.length === 0) return [];
  const covered = (line: string) => findings.some((f) => f.evidence.some((e) => e.includes(line.trim().slice(0, 80))) || (f.decisive !== undefined && line.includes(f.decisive.slice(0, 60))));
  const fresh = hits.filter((h) => !h.errors.some(covered));
  if (fresh.length === 0) return [];
  const pods = unique(fresh.map((h) => h.log.pod));
  const total = fresh.reduce((n, h) => n + h.errors.length, 0);
  // The line that says why (a traceback's exception, not its header), else the last error line.
  // An access-log line (a 500 answered) records what, not why: when the log counts errors of its own, they are the quote.
  const lines = fresh[0]?.log.lines ?? [];
  const told = fresh[0]?.errors.some((l) => !isAccessLogLine(l)) ? lines.filter((l) => !isAccessLogLine(l)) : lines;
  const last = pickDecisiveLine(told) ?? condenseStructuredLine(fresh[0]?.errors.at(-1)?.trim() ?? '');
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const containers = podObjects.flatMap((p) => p.containers);
  // A process without a UTF-8 locale fails only on non-ASCII input: the fault began when the process started.
  // So does a JDK whose locale data refuses a month word: the JDK was set when the process started.
  // So does ImageMagick's policy.xml refusing a format (PDF) or a size: the policy ships in the image.
  const locale = explainMissingLocale(fresh.flatMap((h) => h.errors), fresh.flatMap((h) => h.log.lines), containers) ?? explainJdkLocaleData(fresh.flatMap((h) => h.errors), fresh.flatMap((h) => h.log.lines), ev.revisions, podObjects) ?? explainImageMagickPolicy(fresh.flatMap((h) => h.errors), ev.revisions, podObjects);
  // A database error with a known cause on the server's side says where to act.
  // A client library's own diagnosis (a product check, a denied role, a denied bucket) says what fails and where to act.
  // A privilege the database refuses the app's role: the migration Job that ran just before the errors began is its likely origin.
  const diagnosis = locale ? undefined : explainClientDiagnosis(fresh.flatMap((h) => h.errors), fresh.flatMap((h) => h.log.lines), containers, podObjects.flatMap((p) => p.volumes ?? []), ev.settingConfig ?? [], describeUpgradedServer(ev), ev.revisions, ev.historyRetention?.lines ?? [], podObjects.flatMap((p) => p.startTime ?? p.createdAt ?? []))
    ?? explainPrivilegeRefusal(fresh.flatMap((h) => h.errors), containers, ev.namespaceJobs?.jobs ?? [], findErrorsSinceStart(ev, podObjects) ?? earliest(fresh.flatMap((h) => h.errors.flatMap((l) => readLineTime(l) ?? []))))
    ?? explainMissingQueue(fresh.flatMap((h) => h.errors), fresh.flatMap((h) => h.log.lines), containers, ev.namespaceObjects ?? [], ev.collectedAt, { settings: ev.settingConfig ?? [], peers: ev.queuePeers ?? [] });
  // A fault the code the pods started with holds (one connection shared by concurrent tasks) is the newest revision's
  // only when no pod of an older one logs the same error.
  const latent = locale?.latent ?? (diagnosis?.latent !== undefined && !loggedByOtherRevision(ev, last) ? diagnosis.latent : undefined);
  // Ready pods show no failure in their status: their start when the errors came with them, else
  // the first stamped error line, is when the trouble began, for the trigger.
  const onset = latent !== undefined
    ? earliest(podObjects.flatMap((p) => p.startTime ?? p.createdAt ?? []))
    : findErrorsSinceStart(ev, podObjects) ?? earliest(fresh.flatMap((h) => h.errors.flatMap((l) => readLineTime(l) ?? [])));
  const known = explainStandbyConflict(fresh.flatMap((h) => h.errors), containers) ?? locale ?? diagnosis;
  // A shared sink refusing its senders' data for its own load, and nothing of its own rolled out before: the sender that did.
  const [ownNewest] = sortRevisions(ev.revisions);
  const sender = diagnosis?.refusesSenders && !isInTriggerWindow(ownNewest?.createdAt, onset) ? findSinkSender(ev.sinkSenders, onset, ev.collectedAt) : undefined;
  const since = sender === undefined ? '' : `; since its sender ${sender.text}`;
  const summary = locale?.summary ?? (diagnosis ? `${diagnosis.summary}${since}` : undefined);
  return [
    {
      id: 'unexplained/log-errors',
      kind: 'unexplained',
      title: diagnosis?.title?.(`logs of ${pods.length} ready pod${pods.length === 1 ? '' : 's'}`) ?? `Logs of ${pods.length} ready pod${pods.length === 1 ? '' : 's'} carry ${total} error lines in their last lines${summary ? `: ${summary}` : ''}`,
      layer: 'container/process',
      severity: 'warning',
      confidence: locale || diagnosis ? 'medium' : 'low',
      evidence: [
        ...fresh.flatMap((h) => h.errors.slice(-2).map((l) => `log ${h.log.pod}: ${l.trim()}`)).slice(0, 4),
        ...(diagnosis?.evidence ?? []),
        ...(sender ? [`sender ${sender.deployment} (namespace ${sender.namespace}): revision ${sender.revision} rolled out ${formatAgo(sender.at, ev.collectedAt)}; its pods send with ${sender.via}${sender.throughNodeAgent ? ' (through the node agent)' : ''}`] : []),
      ],
      decisive: diagnosis?.decisive ?? last,
      ...(onset !== undefined ? { onset } : {}),
      ...(sender || diagnosis?.datesChange ? { datesChange: true as const } : {}),
      ...(locale ? { fix: locale.fix } : diagnosis ? { fix: diagnosis.fix } : {}),
      ...(latent !== undefined ? { latent } : {}),
      ...(diagnosis?.noRollback !== undefined ? { noRollback: diagnosis.noRollback } : {}),
      likelyCause: known?.likelyCause ?? 'The pods pass their probes but their own logs report errors: requests may be failing while Kubernetes sees nothing wrong.',
      nextAction: `${sender ? `Start with ${sender.deployment} (namespace ${sender.namespace}): what its revision ${sender.revision} changed in what it sends. ` : ''}${known?.nextAction ?? 'Read the logs and the error rate of the service before calling it healthy.'}`,
      confirmCommands: [
        ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
        ...(sender ? [formatKubectl({ ...ev.target, namespace: sender.namespace }, `rollout history deployment/${sender.deployment} --revision=${sender.revision}`)] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

/** Callers' requests (probes left out) in ready pods' access logs before their failing share says anything. */
export const MIN_ANSWERED_REQUESTS = 10;
/** Share of them answered 4xx/5xx that makes an all-clear wrong: the overwhelming majority, not a scanner's misses. */
export const FAILING_REQUEST_SHARE = 0.9;

/**
 * Ready pods whose access logs show (nearly) every caller's request answered with an error, when
 * nothing else is found: the probes pass (often on exempt paths) while the callers get nothing, so
 * the workload must not be called healthy. A 4xx is a client's fault one at a time, never when it
 * is the answer to (nearly) everyone.
 */
function failingAnsweredRequests(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  if (findings.some((f) => f.severity !== 'info')) return [];
  const ready = ev.pods.filter((p) => p.ready);
  const served = readServedRequests(ev.logs, ready);
  const callers = served.filter((r) => !r.probe);
  if (callers.length < MIN_ANSWERED_REQUESTS) return [];
  const failing = callers.filter((r) => r.status >= 400);
  if (failing.length < FAILING_REQUEST_SHARE * callers.length) return [];
  const counts = new Map<number, number>();
  for (const r of failing) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const byStatus = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const statuses = byStatus.slice(0, 3).map(([status, n]) => `${status} ×${n}`).join(', ');
  const pods = unique(failing.map((r) => r.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const last = failing[failing.length - 1];
  const probes = served.filter((r) => r.probe && r.status < 400).length;
  const onset = earliest(failing.map((r) => r.at));
  return [{
    id: 'unexplained/failing-requests',
    kind: 'unexplained',
    title: `${failing.length} of ${callers.length} requests in the access logs of ${pods.length} ready pod${pods.length === 1 ? '' : 's'} were answered with an error (${statuses})`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'low',
    evidence: [
      `${failing.length} of ${callers.length} callers' requests answered 4xx/5xx (${statuses})${probes > 0 ? `; the probes were answered ${probes} times without error` : ''}`,
      ...(last ? [`log ${last.pod}/${last.container}: ${last.line.slice(0, 300)}`] : []),
    ],
    decisive: last?.line.slice(0, 300) ?? '',
    ...(onset !== undefined ? { onset } : {}),
    likelyCause: `The pods pass their probes, but (nearly) every request of their callers is answered ${byStatus[0]?.[0] ?? 'with an error'}: the service serves nothing while Kubernetes sees nothing wrong. The status says where to look: a 5xx is the server or what it calls, a 4xx a rule it applies to every caller (a route, an auth setting, a protocol it requires).`,
    nextAction: `Read what answers ${byStatus[0]?.[0] ?? 'the errors'} (the app, or the proxy in front of it) and what changed in its config before the first one; do not call the service healthy meanwhile.`,
    confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}

/** Whether a pod of another revision than the newest logs the decisive line too: then the newest did not bring it. */
function loggedByOtherRevision(ev: TriageEvidence, decisive: string): boolean {
  const [newest] = sortRevisions(ev.revisions);
  const needle = decisive.trim().slice(0, 60);
  return needle.length > 0 && ev.pods.some((p) => p.revisionHash !== undefined && p.revisionHash !== newest?.hash && ev.logs.some((l) => l.pod === p.name && l.lines.some((line) => line.includes(needle))));
}

/** Pods deleted long past their deadline that no finding accounts for: each holds a replica back. */
function stuckDeletions(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  const named = new Set(findings.flatMap((f) => f.affected?.pods ?? []));
  const stuck = ev.pods.filter((p) => isStuckTerminating(p, ev.collectedAt) && !named.has(p.name) && !findings.some((f) => f.title.includes(p.name)));
  return stuck.map((p) => {
    const since = formatSpan(Math.max(0, msBetween(p.deletionTimestamp ?? ev.collectedAt, ev.collectedAt)));
    const holds = p.finalizers?.length ? `finalizers ${p.finalizers.join(', ')} not cleared` : p.nodeName ? `the kubelet of ${p.nodeName} has not confirmed it` : 'nothing confirms it';
    return {
      id: `unexplained/stuck-deletion/${p.name}`,
      kind: 'unexplained',
      title: `Pod ${p.name} stuck Terminating for ${since} past its deadline: ${holds}`,
      layer: p.finalizers?.length ? 'runtime/probes' : 'node/eviction',
      severity: 'warning',
      confidence: 'medium',
      evidence: [`${p.name}: deletionTimestamp ${p.deletionTimestamp ?? '?'}${p.nodeName ? `, node ${p.nodeName}` : ''}${p.finalizers?.length ? `, finalizers ${p.finalizers.join(', ')}` : ''}`],
      likelyCause: 'A deleted pod goes once its kubelet confirms its containers stopped and its finalizers are cleared; this one has not, so its controller may not replace it (a StatefulSet reuses the name) and its replica is lost meanwhile.',
      nextAction: p.finalizers?.length
        ? 'Find the controller that owns the finalizer; remove it by hand only once nothing needs it.'
        : `Check the node${p.nodeName ? ` ${p.nodeName}` : ''} (Ready, its kubelet and runtime); force-delete the pod only once its containers are known to be stopped.`,
      confirmCommands: [describePodCommand(ev.target, p.name)],
      affected: { pods: [p.name], nodes: listNodesOf([p]) },
    } satisfies Finding;
  });
}

export function findUnexplained(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  const found = [...unexplainedEvents(ev, findings), ...unexplainedWaiting(ev, findings), ...erroringReadyPods(ev, findings), ...stuckDeletions(ev, findings)];
  const failing = failingAnsweredRequests(ev, [...findings, ...found]);
  return [...found, ...failing, ...findRepeatedWarning(ev, [...findings, ...found, ...failing])];
}
