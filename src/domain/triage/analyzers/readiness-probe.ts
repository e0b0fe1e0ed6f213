import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { ContainerEvidence, EventEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { eventContainer, formatProbe, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { explainProbeMiss, findMissingProbeCommand } from '../probe-failures.js';
import { findOwnLogError } from '../probe-own-log.js';
import { readToldLine } from '../told-line-readings.js';
import { describeUpgradedServer } from '../server-upgrade.js';
import { findDownHealthComponent } from '../actuator-health-log.js';
import { explainDownComponent } from '../readiness-down-component.js';
import { findBrokenFuseMount } from '../broken-fuse-mount.js';
import { explainUnauthenticatedProbe } from '../probe-store-auth.js';
import { explainQueueFullProbe } from '../listen-queue.js';
import { findServerConfigOrigin } from '../server-config-origin.js';
import { explainHairTriggerProbe } from '../probe-hair-trigger.js';
import { findPendingMigration } from '../schema-migration.js';
import { explainStateRestore, findStateRestore } from '../state-restore.js';
import { findNotReadyTraffic } from '../published-not-ready.js';
import { explainStandbyForeignPrimary } from '../standby-foreign-primary.js';
import { explainStandbyWalGap } from '../standby-wal-gap.js';
import type { StillLoadingMiss } from '../probe-still-loading.js';
import { STARTUP_GRACE_MS, formatPodShare, groupBy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { MINUTE_MS, isWithin, msBetween } from '../time-span.js';
import { describeOverload, measureRequestActivity } from '../request-activity.js';

// "failed": the check ran and failed; "errored": it could not run (an exec probe's command missing from the image).
const READINESS_FAILED = /^Readiness probe (failed|errored)/i;

interface Hit {
  pod: PodEvidence;
  container: ContainerEvidence;
  events: EventEvidence[];
  /** "HTTP 503", "connection refused", "timeout", "failing" */
  failure: string;
}

/** What the probe failures say, most specific first. */
export function classifyProbeFailure(messages: readonly string[]): string {
  const text = messages.join('\n');
  const missing = findMissingProbeCommand(text);
  if (missing) return missing.command ? `\`${missing.command}\` is not in the image` : 'its command cannot run';
  const codes = unique([...text.matchAll(/statuscode: (\d{3})/gi)].map((m) => m[1] ?? ''));
  if (codes.length > 0) return `HTTP ${codes.join('/')}`;
  if (/connection refused/i.test(text)) return 'connection refused';
  if (/timeout|deadline exceeded|timed out/i.test(text)) return 'timeout';
  return 'failing';
}

/**
 * Running containers that fail their readiness probe: no crash, but no traffic either.
 * The status code (or refused/timeout) tells "the app says it is not ready" from "the probe
 * cannot reach it". Ready pods whose probe keeps failing now and then are reported as flapping.
 */
export function analyzeReadinessProbes(ev: TriageEvidence): Finding[] {
  const notReady: Hit[] = [];
  const flapping: Hit[] = [];
  for (const pod of ev.pods) {
    if (pod.phase !== 'Running' || pod.deletionTimestamp !== undefined) continue;
    const events = listPodEvents(ev, ['Unhealthy'], [pod.name]).filter((e) => READINESS_FAILED.test(e.message));
    for (const container of pod.containers) {
      if (!container.probes.readiness || container.state === undefined || !('running' in container.state)) continue;
      const since = container.state.running.startedAt;
      const settled = since === undefined || msBetween(since, ev.collectedAt) > STARTUP_GRACE_MS;
      // The event's fieldPath names its container; older events only mention it in the message.
      const mine = events.filter((e) => {
        const named = eventContainer(e);
        if (named !== undefined) return named === container.name;
        return pod.containers.length === 1 || e.message.includes(container.name) || !/container/i.test(e.message);
      });
      const failure = classifyProbeFailure(mine.map((e) => e.message));
      // Without probe-failure events an unready pod is not evidence against the probe (its node may be gone).
      if (!container.ready && settled && mine.length > 0) {
        notReady.push({ pod, container, events: mine, failure });
      } else if (container.ready) {
        const recent = mine.filter((e) => isWithin(e.lastSeen, ev.collectedAt, 15 * MINUTE_MS));
        if (recent.reduce((n, e) => n + e.count, 0) >= 5) flapping.push({ pod, container, events: recent, failure });
      }
    }
  }
  const findings = [...groupBy(notReady, (h) => `${h.container.name}/${h.failure}`).values()].map((g) => describeNotReady(ev, g, flapping.filter((h) => h.container.name === g[0]?.container.name).length));
  findings.push(...[...groupBy(flapping, (h) => h.container.name).values()].map((g) => describeFlapping(ev, g)));
  return findings;
}

/** readyButFailing: pods of the same container ready now despite recent readiness failures (flapping). */
function describeNotReady(ev: TriageEvidence, hits: Hit[], readyButFailing: number): Finding {
  const first = hits[0] as Hit;
  const probe = first.container.probes.readiness;
  const pods = unique(hits.map((h) => h.pod.name));
  const events = collapseEvents(hits.flatMap((h) => h.events), { acrossObjects: true });
  const evidence = [`${pods.length} pod${pods.length === 1 ? '' : 's'} running but not ready: ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`];
  evidence.push(...events.slice(0, 3).map((e) => formatEventLine(e)));
  if (probe) evidence.push(`readiness probe: ${formatProbe(probe)}`);

  const port = probe?.port ?? '?';
  const path = probe?.path ?? '/';
  const messages = hits.flatMap((h) => h.events.map((e) => e.message)).join('\n');
  // An exec probe of a store's client refused by the store's authentication (NOAUTH, Access denied).
  const ownLogs = ev.logs.filter((l) => pods.includes(l.pod) && l.container === first.container.name);
  // A server whose own log says every worker is taken (a full accept queue, httpd at MaxRequestWorkers): the probe waits like any connection.
  // A streaming standby whose probe checks that it streams: its own log says why it does not (its primary removed the WAL it needs, or is another cluster now).
  const miss: (StillLoadingMiss & { onset?: string }) | undefined = explainProbeMiss(probe, first.container, messages, ownLogs) ??
    explainUnauthenticatedProbe(probe, first.container, messages, 'readiness', findServerConfigOrigin(ev, hits.map((h) => h.pod), first.container.name)) ??
    explainQueueFullProbe('readiness', messages, ownLogs, first.container.name) ??
    explainStandbyWalGap(ev, ownLogs) ??
    explainStandbyForeignPrimary(ev, ownLogs);
  // The unready pods' own log often says why the endpoint answers 5xx.
  const missing = findMissingProbeCommand(hits.flatMap((h) => h.events.map((e) => e.message)).join('\n'));
  // A stream processor restoring its local state from changelog topics onto a state dir that starts empty with each pod.
  const restored = !missing && !miss && /^HTTP 5/.test(first.failure)
    ? findStateRestore(hits.map((h) => h.pod), first.container.name, ev.logs, ev.collectedAt)
    : undefined;
  const restore = restored === undefined ? undefined : explainStateRestore(restored, {
    container: first.container.name, path, status: first.failure.slice(5), all: Math.max(ev.workload?.specReplicas ?? 0, pods.length), recreate: ev.workload?.rolloutSettings?.strategy === 'Recreate',
  });
  const logged = !restore && /^HTTP 5/.test(first.failure) ? findPendingMigration(ev.logs.filter((l) => pods.includes(l.pod) && !l.previous).flatMap((l) => l.lines)) : undefined;
  // Else the unready container's current log names the error behind the 5xx (a dependency refusing it).
  const told = !missing && !miss && !logged && !restore && /^HTTP 5/.test(first.failure)
    ? findOwnLogError(ev.logs.filter((l) => pods.includes(l.pod) && l.container === first.container.name))
    : undefined;
  // A quoted line that names a precise mechanism (a client's size cap) is read as that mechanism.
  const reading = told === undefined ? undefined : readToldLine(told, ev.logs.filter((l) => pods.includes(l.pod) && l.container === first.container.name && !l.previous).flatMap((l) => l.lines), first.container, { sentinelConfig: ev.sentinelConfig ?? [], settingConfig: ev.settingConfig ?? [], now: ev.collectedAt, ...serverRolledOf(ev) });
  if (reading?.evidence) evidence.push(...reading.evidence);
  // Which actuator health component the 5xx aggregates is DOWN, as the app logs it (a full disk, a failing check).
  const downComponent = !missing && !miss && !logged && !restore && /^HTTP 5/.test(first.failure)
    ? findDownHealthComponent(ev.logs.filter((l) => pods.includes(l.pod) && l.container === first.container.name))
    : undefined;
  // Reads of a FUSE mount failing with ENOTCONN: its daemon (a sidecar) died under the app; the OS error decides, not the app's line.
  const fuse = !missing && !miss ? findBrokenFuseMount(hits, ev.logs, ev.collectedAt) : undefined;
  const down = fuse ?? (downComponent === undefined ? undefined : explainDownComponent({
    down: downComponent, path, status: first.failure.slice(5), hits, pvcs: ev.pvcs, ...(told === undefined ? {} : { told }),
  }));
  // A probe that one slow answer fails, on pods that come back ready: the probe's settings are the fault.
  const hair = !missing && !miss && !down && !restore ? explainHairTriggerProbe(probe, {
    failure: first.failure,
    restarted: hits.some((h) => h.container.restartCount > 0),
    readyButFailing,
    logs: ev.logs.filter((l) => pods.includes(l.pod) && l.container === first.container.name && !l.previous),
  }) : undefined;
  // A Service with a cluster IP that publishes not-ready addresses routes callers to these pods anyway.
  const published = findNotReadyTraffic(ev).find((t) => t.pods.some((p) => pods.includes(p.name)))?.service.name;
  if (miss?.evidence) evidence.push(...miss.evidence);
  if (down) evidence.push(...down.evidence);
  if (restore) evidence.push(...restore.evidence);
  if (hair) evidence.push(`the readiness probe fails on one slow answer: ${hair.settings}`, ...(hair.pause ? [`a GC pause longer than the probe timeout: ${hair.pause}`] : []));
  let cause: string;
  if (hair) {
    cause = hair.cause;
  } else if (missing) {
    const what = missing.command ? `\`${missing.command}\`` : 'the command';
    cause = `The readiness probe runs \`${probe?.command ?? '?'}\` inside the container, and the image has no ${what} (${missing.quote}): the probe cannot run, so it errors on every period and the pod never becomes Ready, although the app itself may be up. Usually a new base image (distroless, slim) that dropped the tool.`;
  } else if (miss) {
    cause = `The kubelet's probe fails against an app that may be up: ${miss.why}.`;
  } else if (down) {
    cause = down.cause;
  } else if (restore) {
    cause = restore.cause;
  } else if (logged) {
    cause = `The app answers ${path} with ${first.failure.slice(5)}, and its log says why: ${logged.framework} finds schema migrations pending ("${logged.quote}") and will not serve until they are applied.`;
  } else if (reading) {
    cause = `${first.container.name} answers ${path} with ${first.failure.slice(5)}: ${reading.cause}`;
  } else if (told) {
    cause = `${first.container.name} answers ${path} with ${first.failure.slice(5)}: it reports itself unable to serve, and its own log says why: "${told}". Fix what that line names; restarting the pods or relaxing the probe does not.`;
  } else if (/^HTTP 5/.test(first.failure)) {
    cause = `The app answers ${path} with ${first.failure.slice(5)}: it reports itself unable to serve. Usually a dependency the readiness check includes (database, cache, downstream API) is failing, or the app is overloaded; the app's logs say which.`;
  } else if (/^HTTP 4/.test(first.failure)) {
    cause = `The probe gets ${first.failure.slice(5)} from ${path}: the path or port in the probe does not match what this version serves (often after a change of framework or base path).`;
  } else if (first.failure === 'connection refused') {
    cause = `Nothing accepts connections on port ${port}: the app listens on a different port or address (127.0.0.1 instead of 0.0.0.0), or has not opened it yet.`;
  } else if (first.failure === 'timeout') {
    cause = `The readiness endpoint does not answer within ${probe?.timeoutSeconds ?? 1}s: the app is overloaded or blocked, or the check is slow (it calls dependencies).`;
  } else {
    cause = 'The readiness probe fails; the event messages say how.';
  }
  return {
    id: `readiness-probe/${first.container.name}/${missing ? 'exec-cannot-run' : hair ? 'hair-trigger' : restore ? 'state-restore' : first.failure}`,
    kind: 'readiness-probe',
    title: `Readiness probe failing for ${first.container.name} on ${formatPodShare(ev, pods.length)}: ${first.failure}${probe && probe.type !== 'exec' ? ` on ${probe.type === 'http' ? `GET :${port}${path}` : `${probe.type.toUpperCase()} :${port}`}` : missing && probe?.command ? ` (exec ${probe.command})` : ''}${miss ? ` — ${miss.scope}` : ''}${down ? ` — ${down.scope}` : ''}${restore ? ` — ${restore.scope}` : ''}${reading && !down && !hair ? ` — ${reading.title}` : ''}${hair ? ` (${hair.settings}: one slow answer takes a pod out of the endpoints)` : ''}`,
    // The reading's title dates the change behind it (a config renamed 52m ago).
    ...(reading?.datesChange && !down && !hair ? { datesChange: true as const } : {}),
    // A reading that dates what brought it on (a standby's primary re-created, its node away for hours) names the trigger.
    ...(miss?.onset !== undefined && !down && !hair ? { onset: miss.onset, datesChange: true as const } : {}),
    ...(miss?.outsideWorkload !== undefined ? { outsideWorkload: miss.outsideWorkload } : {}),
    layer: 'runtime/probes',
    severity: severityForPods(ev, pods.length),
    confidence: 'high',
    evidence,
    likelyCause: cause,
    ...(down ? { decisive: down.decisive } : restore ? { decisive: restore.decisive } : miss?.decisive ? { decisive: miss.decisive } : told ? { decisive: told } : events[0] ? { decisive: events[0].message.replace(/\s+/g, ' ').trim() } : {}),
    ...(miss?.rollbackUndoes ? { rollbackUndoes: miss.rollbackUndoes } : {}),
    ...(restore ? { passesBy: restore.passesBy } : {}),
    nextAction: hair
      ? `Relax the readiness probe (timeoutSeconds ≥ 3, failureThreshold ≥ 3) so a single slow answer does not pull a pod from the endpoints${hair.pause ? ', then tune the heap/GC so pauses shrink' : ''}. Restarting pods will not help.`
      : down
      ? down.action
      : restore
      ? restore.action
      : reading
      ? reading.action
      : miss?.action !== undefined
      ? miss.action
      : missing
      ? 'Change the readiness probe to one the image can run (httpGet or tcpSocket on the port the app serves); until then these pods never receive traffic. Restarting pods will not help.'
      : published !== undefined
      ? `These pods still receive traffic: Service ${published} publishes not-ready addresses, so its callers get their failures. Find what the endpoint reports before restarting anything, and do not remove the probe.`
      : `Unready pods only stop receiving traffic, so find what the endpoint reports before restarting anything. ` +
      `Do not remove the probe to hide the failure.`,
    fix: hair ? hair.fix : down ? down.fix : restore ? restore.fix : reading ? reading.fix : told ? `fix what ${first.container.name}'s log names ("${told}")` : missing ? 'change the readiness probe to httpGet (or tcpSocket) on the port the app serves, or ship the command in the image' : miss ? miss.fix : /^HTTP 4/.test(first.failure) ? 'point the readiness probe at the path and port this version serves' : first.failure === 'connection refused' ? 'make the probe and the app agree on the port' : 'fix what the readiness endpoint reports',
    confirmCommands: [
      describePodCommand(ev.target, first.pod.name),
      formatKubectl(ev.target, `get events --field-selector involvedObject.name=${first.pod.name},reason=Unhealthy`),
      formatKubectl(ev.target, `logs ${first.pod.name} -c ${first.container.name} --tail=100`),
    ],
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.pod)) },
  };
}

/** The flapping pods whose own current log reports overload, with what it says. */
function findOverloaded(ev: TriageEvidence, hits: readonly Hit[]): { pod: string; what: string }[] {
  return hits.flatMap((h) => {
    const log = ev.logs.find((l) => l.pod === h.pod.name && l.container === h.container.name && !l.previous);
    const what = log === undefined ? undefined : describeOverload(measureRequestActivity(log));
    return what === undefined ? [] : [{ pod: h.pod.name, what }];
  });
}

function describeFlapping(ev: TriageEvidence, hits: Hit[]): Finding {
  const first = hits[0] as Hit;
  const pods = unique(hits.map((h) => h.pod.name));
  const events = collapseEvents(hits.flatMap((h) => h.events), { acrossObjects: true });
  // A pod that drops out of the endpoints while its own log sheds and stalls requests is failing callers, not blipping.
  const overloaded = findOverloaded(ev, hits);
  return {
    id: `readiness-probe/${first.container.name}/flapping`,
    kind: 'readiness-probe',
    title: `Readiness probe of ${first.container.name} failing intermittently on ${formatPodShare(ev, pods.length)} (ready now)${overloaded.length === 0 ? '' : overloaded.length === pods.length ? `: ${pods.length === 1 ? 'its' : 'their'} own log reports overload` : `: ${overloaded.length} of them log overload`}`,
    layer: 'runtime/probes',
    severity: overloaded.length > 0 ? 'warning' : 'info',
    confidence: 'medium',
    evidence: [...events.slice(0, 3).map((e) => formatEventLine(e)), ...overloaded.map((o) => `pod ${o.pod}: ${o.what}`)],
    likelyCause: overloaded.length > 0
      ? 'The pod is handed more requests than it can serve: its log reports slow and shed requests, its readiness probe times out or fails, it drops out of the Service, recovers once the traffic goes elsewhere, and the load returns. Find why it takes more than its share (traffic routing, affinity, long-lived connections) or why the replicas are too few.'
      : 'The pods pass most probes but fail some in the last 15 minutes: slow responses near the probe timeout, or a dependency that blips. Each failure streak can take pods out of the Service briefly.',
    nextAction: overloaded.length > 0
      ? 'Find where this pod\'s extra traffic comes from (kubectl top pods, request rates per pod) before touching the probe; relaxing it would only keep an overloaded pod in the endpoints.'
      : 'Compare probe failures with latency and traffic; if responses sit near the timeout, look at load before touching the probe.',
    confirmCommands: [podEventsCommand(ev.target, first.pod.name), ...(overloaded.length > 0 ? [formatKubectl(ev.target, 'top pods')] : [])],
    affected: { pods, nodes: listNodesOf(hits.map((h) => h.pod)) },
  };
}

/** The recent rollout of a server that refuses the unchanged client for being older (server-upgrade.ts), for the reading to date. */
function serverRolledOf(ev: TriageEvidence): { serverRolled?: { said: string; evidence: string } } {
  const rolled = describeUpgradedServer(ev);
  return rolled === undefined ? {} : { serverRolled: rolled };
}
