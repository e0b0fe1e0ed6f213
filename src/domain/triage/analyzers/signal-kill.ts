import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, formatProbe, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { type ContainerRef, formatContainerRef, formatPodShare, groupBy, limitLines, listNodesOf, listTerminations, severityForPods, unique } from '../pod-status.js';
import { EXEC_CANNOT_RUN, PROBE_FAILED, explainProbeMiss, findMissingProbeCommand, listProbeEvents, wasKilledByProbe, wasKilledByUnrunnableProbe } from '../probe-failures.js';
import { explainByOwnLog } from '../probe-own-log.js';
import { explainStandbyWalGap } from '../standby-wal-gap.js';
import { explainStandbyForeignPrimary } from '../standby-foreign-primary.js';
import { explainRefusedProbeCommand } from '../probe-command-refused.js';
import { explainSweptMarker } from '../probe-swept-marker.js';
import type { ProbeMiss } from '../probe-miss.js';
import { explainStartupBudget } from '../startup-budget.js';
import { findEntropyStall } from '../entropy-starvation.js';
import { type StillLoadingMiss, explainStillLoading, findProbeChange } from '../probe-still-loading.js';
import { findCpuLimitCut } from '../cpu-limit-cut.js';
import { explainQueueFullProbe } from '../listen-queue.js';
import { explainDeadlockedProbe } from '../probe-deadlock.js';
import { explainGcPauseProbe } from '../probe-gc-pause.js';
import { explainHeapExhaustedProbe } from '../probe-heap-exhausted.js';
import { explainMigrationLockWait } from '../migration-lock.js';
import { explainUnauthenticatedProbe } from '../probe-store-auth.js';
import { findServerConfigOrigin } from '../server-config-origin.js';
import { findDisruption } from '../pod-disruption.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

type KillSource = 'liveness' | 'startup' | 'outside';

interface KillHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  recent: boolean;
  source: KillSource;
  probeEvents: EventEvidence[];
}

/** An exec probe whose command cannot start in the container. */

/**
 * Containers ended by a signal from outside: exit 137 (SIGKILL) without the runtime's
 * OOMKilled reason, and exit 143 (SIGTERM). Probe events on the pod tell a liveness or
 * startup probe kill apart from other senders (kubelet stop, preemption, node shutdown).
 * Never calls these OOM: the runtime would have said so.
 */
export function analyzeSignalKills(ev: TriageEvidence): Finding[] {
  // An app that shuts down gracefully on the probe's SIGTERM exits 0: still the probe's kill.
  // ContainerStatusUnknown's 137 is the kubelet's stand-in for a container it lost (node reboot, admission reject): no signal.
  const killed = listTerminations(ev.pods, ev.collectedAt, (term, ref) =>
    term.reason !== 'OOMKilled' && term.reason !== 'ContainerStatusUnknown' && (term.exitCode === 137 || term.exitCode === 143 || (term.exitCode === 0 && (!ref.init || ref.container.sidecar === true) && wasKilledByProbe(ev, ref, term)) ||
    // Any other code, when the probe that killed it cannot even run: the app's own exit on that SIGTERM.
    ((!ref.init || ref.container.sidecar === true) && wasKilledByUnrunnableProbe(ev, ref, term))));
  // A container killed for a failed postStart hook is the lifecycle-hook reading's.
  const hookKilled = new Set(listPodEvents(ev, ['Killing']).filter((e) => /^Failed(PostStart|PreStop)Hook$/.test(e.message.trim())).map((e) => e.object.name));
  const hits: KillHit[] = killed.filter(({ ref }) => !hookKilled.has(ref.pod.name)).map(({ ref, term, recent }) => {
    const probeEvents = listProbeEvents(ev, ref);
    const kills = probeEvents.map((e) => /startup/i.test(e.message) ? 'startup' : 'liveness');
    const source: KillSource = kills.includes('liveness') ? 'liveness' : kills.includes('startup') ? 'startup' : 'outside';
    return { ref, term, recent, source, probeEvents };
  });
  const groups = groupBy(hits, (h) => `${h.source === 'outside' ? `outside-${h.term.exitCode}` : h.source}/${h.ref.container.name}`);
  return [...groups.values()].map((g) => (g[0]?.source === 'outside' ? describeOutsideKill(ev, g) : describeProbeKill(ev, g)));
}

function describeProbeKill(ev: TriageEvidence, hits: KillHit[]): Finding {
  const first = hits[0] as KillHit;
  const { container } = first.ref;
  const probeName = first.source;
  const probe = probeName === 'liveness' ? container.probes.liveness : container.probes.startup;
  const pods = unique(hits.map((h) => h.ref.pod.name));
  const recentPods = unique(hits.filter((h) => h.recent).map((h) => h.ref.pod.name));
  const codes = unique(hits.map((h) => h.term.exitCode)).join('/');
  const failures = collapseEvents(hits.flatMap((h) => h.probeEvents.filter((e) => PROBE_FAILED.test(e.message))), { acrossObjects: true });
  const messages = failures.map((f) => f.message).join('\n');
  // What the killing probe itself got: a startup probe refused while the app was still starting
  // says nothing of a liveness probe that later reached the app and timed out.
  const own = failures.filter((f) => f.message.toLowerCase().startsWith(probeName));
  const killerMessages = own.length > 0 ? own.map((f) => f.message).join('\n') : messages;

  const evidence = [
    ...limitLines(hits.map(({ ref, term }) => `${formatContainerRef(ref)}: exit ${term.exitCode} (${term.reason ?? 'no reason'}); ${ref.container.restartCount} restarts`), 3),
    ...failures.slice(0, 3).map((f) => formatEventLine(f, { withObject: true })),
  ];

  // Two stories end in the same refusals: the probe knocks on a port the app does not serve, or
  // it knocks before the app is up. The declared ports and how long each run lived tell them apart.
  const declared = container.ports.flatMap((p) => [p.containerPort, ...(p.name ? [p.name] : [])]);
  const portMismatch = probe?.port !== undefined && declared.length > 0 && !declared.includes(probe.port);
  // Or the app is up but unreachable as probed: loopback only, TLS against plain HTTP; its log says which.
  const ownLogs = ev.logs.filter((l) => pods.includes(l.pod) && l.container === container.name);
  const runs = hits.map((h) => (h.term.startedAt && h.term.finishedAt ? (Date.parse(h.term.finishedAt) - Date.parse(h.term.startedAt)) / 1000 : undefined)).filter((x): x is number => x !== undefined);
  // A runtime's own deadlock report outranks every guess from the probe's side: the probe reached the app and waited.
  const miss: (StillLoadingMiss & { onset?: string }) | undefined = portMismatch || execCannotRunIn(messages)
    ? undefined
    : explainMigrationLockWait({ probeName, probe, logs: ownLogs, container: container.name, runs: ev.migrationLockRuns ?? [], now: ev.collectedAt }) ??
      explainDeadlockedProbe(probeName, messages, ownLogs, container.name, pods.length) ??
      explainQueueFullProbe(probeName, messages, ownLogs, container.name) ??
      explainRefusedProbeCommand(probe, killerMessages, probeName) ??
      explainProbeMiss(probe, container, messages, ownLogs) ??
      (probeName === 'liveness' ? explainSweptMarker(probe, container, messages, ownLogs, runs) : undefined) ??
      explainUnauthenticatedProbe(probe, container, messages, probeName, findServerConfigOrigin(ev, hits.map((h) => h.ref.pod), container.name)) ??
      explainGcPauseProbe(probeName, probe, killerMessages, ownLogs) ??
      explainHeapExhaustedProbe(probeName, container, killerMessages, ownLogs) ??
      explainStillLoading({ probeName, probe, messages: killerMessages, logs: ownLogs, runs, ...withProbeChange(findProbeChange(ev.revisions, container.name)) }) ??
      explainStandbyWalGap(ev, ownLogs) ??
      explainStandbyForeignPrimary(ev, ownLogs) ??
      explainByOwnLog(probe, failures.map((f) => f.message), ownLogs, container.name) ??
      explainStartupOutlasted(ev, hits, probeName, killerMessages, runs);
  if (miss?.evidence) evidence.push(...miss.evidence);
  if (probe) evidence.push(`${probeName} probe: ${formatProbe(probe)}`);
  const window = (probe?.initialDelaySeconds ?? 0) + (probe?.periodSeconds ?? 10) * (probe?.failureThreshold ?? 3);
  const duringStartup =
    !portMismatch && !miss && probeName === 'liveness' && !container.probes.startup && runs.length > 0 && hits.every((h) => !h.ref.container.ready) &&
    runs.every((r) => r <= window + (probe?.periodSeconds ?? 10) + 15) && /connection refused|timeout|deadline exceeded|statuscode: 503/i.test(messages);
  const avgRun = runs.length > 0 ? Math.round(runs.reduce((a, b) => a + b, 0) / runs.length) : undefined;
  // What the killed run was doing when the probe gave up: start-up work that outlasts the probe's window.
  const busyLine = !miss && /connection refused|timeout|deadline exceeded/i.test(messages) ? findStartupWork(ev, hits) : undefined;
  let scope = '';
  if (miss) scope = `: ${miss.scope}`;
  else if (busyLine && !portMismatch) scope = ` while it is still starting up — its log: "${busyLine}" — the ${probeName} probe gives up after ${window}s`;
  else if (portMismatch) scope = `: it probes :${String(probe?.port)}, the container declares ${container.ports.map((p) => `:${p.containerPort}`).join(', ')}`;
  else if (duringStartup) scope = ` during start-up: each run is killed ~${avgRun ?? window}s in, before the app answers (initialDelaySeconds ${probe?.initialDelaySeconds ?? 0}, no startupProbe)`;

  const execCannotRun = execCannotRunIn(messages);
  // The command the image lacks, in the runtime's words: what the headline names.
  const missing = execCannotRun ? findMissingProbeCommand(messages) : undefined;
  const missingClause = missing?.command ? `its exec command ${missing.command} is not in the image` : undefined;
  if (!miss && !portMismatch && missingClause) scope = `: ${missingClause}`;
  // A native sidecar that never passes its startup probe holds back every container after it.
  const holdsPod = container.sidecar === true && probeName === 'startup';
  let why: string;
  if (miss) why = miss.why;
  else if (execCannotRun) why = `the probe's command cannot run in the container (${missing?.quote ?? EXEC_CANNOT_RUN.exec(messages)?.[0] ?? 'exec failed'}): the image no longer has it, so every probe errors while the app may be fine`;
  else if (portMismatch) why = `the probe targets port ${String(probe?.port)}, which the container does not declare: nothing answers there`;
  else if (busyLine) why = `the app is still doing its start-up work (${busyLine}) when the ${probeName} probe's ${window}s run out, so it is killed and starts the same work again`;
  else if (duringStartup) why = `the app takes longer to start than the liveness probe allows (initialDelaySeconds ${probe?.initialDelaySeconds ?? 0} + ${probe?.failureThreshold ?? 3} × ${probe?.periodSeconds ?? 10}s), so it is killed before it ever listens, over and over`;
  else if (/statuscode: 5\d\d/i.test(killerMessages)) why = `its health endpoint answers with a 5xx status`;
  else if (/connection refused/i.test(killerMessages)) why = `nothing accepts connections on the probed port (not listening yet, or listening on another port)`;
  else if (/timeout|deadline exceeded|timed out/i.test(killerMessages)) why = `it does not answer within the probe's ${probe?.timeoutSeconds ?? 1}s timeout (overload, blocked event loop, GC pauses, or a probe that calls dependencies)`;
  else why = `the probe keeps failing`;
  const startupHint = probeName === 'liveness' && !container.probes.startup ? ' If it only fails during start-up, add a startupProbe.' : '';

  return {
    id: `liveness-kill/${probeName}/${container.name}`,
    kind: 'liveness-kill',
    title: `${capitalize(probeName)} probe is killing ${container.sidecar === true ? 'sidecar' : 'container'} ${container.name} (${formatPodShare(ev, pods.length)}, exit ${codes})${scope}${holdsPod ? '; the app containers never start until it passes' : ''}`,
    layer: 'runtime/probes',
    severity: recentPods.length > 0 ? severityForPods(ev, recentPods.length) : 'info',
    confidence: 'high',
    evidence,
    ...(miss?.decisive ? { decisive: miss.decisive } : missing?.command ? { decisive: missing.quote } : failures[0] ? { decisive: failures[0].message.replace(/\s+/g, ' ').trim() } : {}),
    ...(miss?.rollbackUndoes ? { rollbackUndoes: miss.rollbackUndoes } : {}),
    ...(miss?.outsideWorkload ? { outsideWorkload: miss.outsideWorkload } : {}),
    // A reading that dates what brought it on (a standby's node away for hours) names the trigger.
    ...(miss?.onset ? { onset: miss.onset, datesChange: true as const } : {}),
    likelyCause: `The kubelet restarts ${container.name} because ${why}. Exit ${codes} is the kill (SIGTERM, then SIGKILL after the grace period), not the app failing on its own.${holdsPod ? ` ${container.name} is a native sidecar (an init container with restartPolicy Always): the kubelet starts the containers after it only once its startup probe passes, so the pod stays initializing and never serves.` : ''}`,
    fix: miss ? miss.fix : execCannotRun ? `${missing?.command ? `put ${missing.command} back in the image, or ` : ''}change the ${probeName} probe to a native one (grpc, httpGet or tcpSocket) or to a command the image has` : busyLine ? `let the start-up work finish: run it as a Job before the rollout (a migration), or give the ${probeName} probe more time` : duringStartup ? 'add a startupProbe (or a longer initialDelaySeconds) that covers the start-up time' : portMismatch || /connection refused|statuscode: 404/i.test(killerMessages) ? `point the ${probeName} probe at the port and path the app serves` : /timeout|deadline exceeded|timed out/i.test(killerMessages) ? `relax the ${probeName} probe's timeout and failure threshold (or add a startupProbe)` : `fix the ${probeName} probe or what it checks`,
    nextAction: miss
      ? miss.action ?? `${capitalize(miss.fix)}; until then the kubelet keeps killing an app that may be up. Restarting pods will not help.`
      : execCannotRun
      ? `Change the ${probeName} probe to one the image can run (a native grpc, httpGet or tcpSocket probe on the app's port)${missing?.command ? `, or put ${missing.command} back in the image` : ''}; until then the kubelet keeps killing a healthy app. Restarting pods will not help.`
      :
      `Mitigate: if the app is alive but slow, relax the ${probeName} probe (timeoutSeconds, failureThreshold) so kills stop ` +
      `cascading under load; a ${probeName} probe should not check dependencies. Restarting pods will not help.${startupHint}`,
    confirmCommands: [
      describePodCommand(ev.target, first.ref.pod.name),
      formatKubectl(ev.target, `get events --field-selector involvedObject.name=${first.ref.pod.name},reason=Unhealthy`),
      formatKubectl(ev.target, `get pod ${first.ref.pod.name} -o jsonpath='{.spec.containers[?(@.name=="${container.name}")].${probeName}Probe}'`),
    ],
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.ref.pod)), ...(miss?.jobs ? { jobs: [...miss.jobs] } : {}) },
  };
}

function describeOutsideKill(ev: TriageEvidence, hits: KillHit[]): Finding {
  const first = hits[0] as KillHit;
  const { container } = first.ref;
  const code = first.term.exitCode;
  const pods = unique(hits.map((h) => h.ref.pod.name));
  const recentRestarting = unique(hits.filter((h) => h.recent && h.ref.container.restartCount > 0).map((h) => h.ref.pod.name));
  const disruption = hits.map((h) => findDisruption(h.ref.pod)).find((d) => d !== undefined);
  const shutdown = disruption?.nodeShutdown === true || hits.some((h) => h.ref.pod.reason === 'Terminated' || /node shutdown/i.test(h.ref.pod.message ?? ''));
  // The kernel's OOM killer sends SIGKILL (137): a SIGTERM exit is never an OOM kill, so it needs no denial.
  const sigkill = code === 137;
  const preempted = listPodEvents(ev, ['Preempted', 'Preempting'], pods);
  const evidence = limitLines(
    hits.map(({ ref, term }) => {
      const when = term.finishedAt ? `, ${formatAgo(term.finishedAt, ev.collectedAt)}` : '';
      return `${formatContainerRef(ref)}: exit ${term.exitCode}, reason ${term.reason ?? 'none'}${sigkill ? ' (not OOMKilled)' : ''}${when}; ${ref.container.restartCount} restarts`;
    }),
  );
  if (disruption) evidence.push(`DisruptionTarget=True (${disruption.reason})${disruption.message ? `: ${disruption.message}` : ''}`);
  evidence.push(...preempted.slice(0, 2).map((e) => formatEventLine(e, { withObject: true })));

  // A stop the container has long run since is history, not a current kill: only evidence that
  // names its sender is told, never the suspects its long-expired events can no longer settle.
  const past = hits.some((h) => h.recent) ? undefined : describePastStop(ev, hits);
  const named = disruption !== undefined || shutdown || preempted.length > 0;

  const suspects: string[] = [];
  if (disruption && !disruption.nodeShutdown) suspects.push(disruption.cause);
  if (shutdown) suspects.push('the node shutting down');
  if (preempted.length > 0) suspects.push('preemption by a higher-priority pod');
  if (container.probes.liveness) suspects.push('a liveness probe kill whose events have expired');
  suspects.push(
    sigkill
      ? 'the kubelet killing it after terminationGracePeriodSeconds during a stop, or a child process killed by the kernel without the runtime reporting OOMKilled'
      : 'a stop during a rollout or scale-down, or the process signalling itself',
  );
  let severity = severityForPods(ev, recentRestarting.length);
  if (recentRestarting.length === 0) severity = 'info';
  else if (!sigkill && severity === 'critical') severity = 'warning';

  return {
    id: `signal-kill/${code}/${container.name}`,
    kind: 'signal-kill',
    title: sigkill
      ? `Container ${container.name} killed by SIGKILL (exit 137, not OOMKilled) on ${formatPodShare(ev, pods.length)}${past ? `, ${past.when}` : ''}`
      : `Container ${container.name} stopped by SIGTERM (exit 143) on ${formatPodShare(ev, pods.length)}${past ? `, ${past.when}` : ''}${disruption ? `: ${disruption.nodeShutdown ? 'its node shut down' : disruption.cause} (DisruptionTarget)` : ''}`,
    layer: 'container/process',
    severity,
    confidence: disruption ? 'high' : shutdown || preempted.length > 0 ? 'medium' : 'low',
    evidence,
    likelyCause:
      `${sigkill ? 'Something outside the process sent SIGKILL' : 'The process was asked to stop with SIGTERM and exited'}. ` +
      (disruption ? `The pod's DisruptionTarget condition names the sender: ${disruption.cause}.` :
        past && !named ? past.cause :
        `${sigkill ? 'The runtime did not report OOMKilled, so this is not a memory-limit kill. ' : ''}Suspects: ${suspects.join('; ')}. ` +
        `Events on the pod and the kubelet log of its node would confirm which.`),
    nextAction: past && !named
      ? past.action
      : sigkill
      ? `Check the pod's events and the node before acting; if a probe is the sender, relax it. Restarting does not address the sender.`
      : `If this happens outside rollouts, find who stops the container (probe, kubelet, the app itself); make sure the app exits cleanly on SIGTERM within the grace period.`,
    confirmCommands: [describePodCommand(ev.target, first.ref.pod.name), podEventsCommand(ev.target, first.ref.pod.name)],
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.ref.pod)) },
  };
}

/** A stop every container has run since (none recent): when the last was, and what can still be said of it. */
function describePastStop(ev: TriageEvidence, hits: readonly KillHit[]): { when: string; cause: string; action: string } {
  const last = hits.map((h) => h.term.finishedAt).filter((t): t is string => t !== undefined).sort().at(-1);
  const ago = last ? formatAgo(last, ev.collectedAt) : 'earlier';
  const restarts = Math.max(...hits.map((h) => h.ref.container.restartCount));
  return {
    when: `${ago}; running since`,
    cause: `An earlier stop, not a current one: the last ended ${ago}${restarts > 1 ? ` (${restarts} restarts in all)` : ''} and the container has run since, so it is not part of the current failure. No event on the pod names the sender (events are kept about an hour), so who sent it cannot be read now.`,
    action: 'Nothing to do for the current failure. If such stops recur, read the pod\'s events while they last and the kubelet log of its node to see who stops the container.',
  };
}

/**
 * A startup probe that kills each run at its budget while the app is not up yet: the budget, not
 * the probe's target, is short. Start-up work the log names (a migration) keeps its own reading
 * unless a CPU limit cut slowed everything.
 */
function explainStartupOutlasted(ev: TriageEvidence, hits: readonly KillHit[], probeName: KillSource, messages: string, runs: readonly number[]): ProbeMiss | undefined {
  const first = hits[0];
  if (probeName !== 'startup' || first === undefined) return undefined;
  const { container } = first.ref;
  const cut = findCpuLimitCut(ev, hits.map((h) => h.ref.pod), container.name);
  if (cut === undefined && findStartupWork(ev, hits) !== undefined) return undefined;
  const pods = new Set(hits.map((h) => h.ref.pod.name));
  const logs = ev.logs.filter((l) => l.previous && pods.has(l.pod) && l.container === container.name);
  // Pods of the revision before the cut, when they still run: their log says how long start-up took with more CPU.
  const earlier = cut === undefined ? [] : ev.pods.filter((p) => p.revisionHash === cut.previous.hash).map((p) => p.name);
  const before = ev.logs.filter((l) => earlier.includes(l.pod) && l.container === container.name);
  // Any run of the container (one that got through, too) may log how long seeding SecureRandom blocked.
  const entropy = findEntropyStall(ev.logs.filter((l) => l.container === container.name && ev.pods.some((p) => p.name === l.pod)), ev.revisions, container.name);
  return explainStartupBudget({ probe: container.probes.startup, messages, runs, logs, ...(cut ? { cut, before } : {}), ...(entropy ? { entropy } : {}) });
}

function withProbeChange(revision: number | undefined): { probeChangedBy?: number } {
  return revision === undefined ? {} : { probeChangedBy: revision };
}

function execCannotRunIn(messages: string): boolean {
  return EXEC_CANNOT_RUN.test(messages);
}


/** Start-up work an app logs before it listens: schema migrations, backfills, cache warming. */
const STARTUP_WORK = /Migrating schema|migrat(?:e|ion|ing)\b|Flyway|Liquibase|Applying migration|backfill|rows affected|warming|Loading (?:cache|index|model)/i;

/** The last line of start-up work in the killed runs' logs, condensed; undefined when none. */
function findStartupWork(ev: TriageEvidence, hits: readonly KillHit[]): string | undefined {
  for (const h of hits) {
    const lines = ev.logs.filter((l) => l.pod === h.ref.pod.name && l.container === h.ref.container.name && l.previous).flatMap((l) => l.lines);
    const work = lines.filter((l) => STARTUP_WORK.test(l));
    const migrating = work.find((l) => /Migrating schema|Applying migration/i.test(l)) ?? work.at(-1);
    if (migrating) return condenseStructuredLine(migrating.trim()).replace(/^.*?\s:\s/, '').slice(0, 160);
  }
  return undefined;
}
