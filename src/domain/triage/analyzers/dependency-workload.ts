/**
 * A dependency that is itself a workload of the namespace, whose pods keep dying (OOM-killed,
 * crash-looping): the workload's pods stay Ready, since their probes do not need it, but each of
 * its deaths drops every connection through it and, while none of its pods is up, connections are
 * refused. The connection errors in the logs are the symptom; the dependency's pods are the cause.
 */
import type { ContainerEvidence, DownServiceEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { getLastTermination, getWaiting, isPodFailing, unique } from '../pod-status.js';
import { findDependencyRevisionChange, isDying } from '../dependency-revision.js';
import { type AnsweredServiceLine, type CalledServiceLine, findCalledServiceFailures, findServiceAnswerFailures } from '../called-service.js';
import { listEnvServiceRefs } from '../env-service-ref.js';
import { listSelectingServices, listSlicesOf } from '../service-match.js';
import { earliest, formatAgo } from '../time-span.js';
import { joinAnd } from '../../text.js';

interface Dying {
  pod: PodEvidence;
  container: ContainerEvidence;
  crashLooping: boolean;
}

/** Containers of the dependency that died within the hour or wait in CrashLoopBackOff. */
function listDying(pods: readonly PodEvidence[], now: string): Dying[] {
  return pods.flatMap((pod) => pod.containers.flatMap((container) => (isDying(container, now) ? [{ pod, container, crashLooping: getWaiting(container)?.reason === 'CrashLoopBackOff' }] : [])));
}

/** "OOMKilled (exit 137)", "exit 1 (Error)": the commonest way its containers ended. */
function describeEnding(dying: readonly Dying[]): { text: string; oom: boolean } {
  const counts = new Map<string, number>();
  for (const d of dying) {
    const t = getLastTermination(d.container);
    if (!t) continue;
    const key = t.reason === 'OOMKilled' ? `OOMKilled (exit ${t.exitCode})` : `exit ${t.exitCode}${t.reason ? ` (${t.reason})` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const text = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'crash-looping';
  return { text, oom: text.startsWith('OOMKilled') };
}

export function analyzeDependencyWorkloads(ev: TriageEvidence): Finding[] {
  const read = [...(ev.calledServices ?? []), ...(ev.downServices ?? [])];
  if (read.length === 0) return [];
  const own = new Set(listSelectingServices(ev).map((s) => s.name));
  const failures = findCalledServiceFailures(ev.logs, ev.services, ev.target, own);
  // Error answers too (a proxy's 503, its HTML page the client cannot decode), from a dependency the
  // pods' env points at, by the Service's name or by the host of a proxy in front of it.
  const dyingDeps = new Set(read.filter((d) => !own.has(d.service) && listDying(d.pods, ev.collectedAt).length > 0).map((d) => d.service));
  const refs = listEnvServiceRefs(ev.pods.flatMap((p) => p.containers), ev.services.filter((s) => !own.has(s.name)).map((s) => s.name), ev.target.namespace);
  const answers = dyingDeps.size === 0 ? [] : findServiceAnswerFailures(ev.logs, ev.services, ev.target.namespace, refs, dyingDeps).filter((a) => !own.has(a.service));
  const seen = new Set<string>();
  return read.flatMap((dep) => {
    if (seen.has(dep.service)) return [];
    seen.add(dep.service);
    const connections = failures.filter((f) => f.service === dep.service);
    const lines = connections.length > 0 ? connections : answers.filter((f) => f.service === dep.service);
    const dying = listDying(dep.pods, ev.collectedAt);
    if (lines.length === 0 || dying.length === 0) return [];
    return [describe(ev, dep, lines, dying, refs.find((r) => r.service === dep.service)?.env)];
  });
}

/** "34 failed connections to it", "20 error answers (503) from it": what the callers logged. */
function describeCalls(lines: readonly (CalledServiceLine | AnsweredServiceLine)[]): string {
  const answered = lines.filter((l): l is AnsweredServiceLine => 'kind' in l);
  if (answered.length === 0) return `${lines.length} failed connection${lines.length === 1 ? '' : 's'} to it`;
  const statuses = [...new Set(answered.flatMap((l) => (l.status ? [l.status] : [])))];
  const undecodable = answered.some((l) => l.kind === 'undecodable');
  const what = statuses.length > 0 ? ` (HTTP ${joinAnd(statuses)})` : undecodable ? ' (bodies that are not JSON)' : '';
  return `${answered.length} error answer${answered.length === 1 ? '' : 's'}${what} from it`;
}

function describe(ev: TriageEvidence, dep: DownServiceEvidence, lines: readonly (CalledServiceLine | AnsweredServiceLine)[], dying: Dying[], env?: string): Finding {
  const svc = dep.service;
  const ending = describeEnding(dying);
  const pods = unique(dying.map((d) => d.pod.name));
  const restarts = dying.map((d) => String(d.container.restartCount));
  const looping = dying.filter((d) => d.crashLooping).length;
  const container = dying[0]?.container;
  const limit = ending.oom ? container?.resources.limits['memory'] : undefined;
  const whose = pods.length === dep.pods.length ? (pods.length === 1 ? 'its pod is' : pods.length === 2 ? 'both its pods are' : `all ${pods.length} of its pods are`) : `${pods.length} of its ${dep.pods.length} pods are`;
  const atLimit = limit ? `, at the ${limit} memory limit of its container ${container?.name ?? ''}` : '';
  const callers = unique(lines.map((l) => l.pod));
  const readyCallers = callers.filter((p) => { const pod = ev.pods.find((x) => x.name === p); return pod !== undefined && !isPodFailing(pod, ev.collectedAt); });
  const eps = listSlicesOf(ev, svc).flatMap((s) => s.endpoints);
  const ready = eps.filter((e) => e.ready && !e.terminating).length;
  const warnings = dep.events.filter((e) => e.type === 'Warning');
  const onset = earliest([...warnings.map((e) => e.firstSeen), ...dying.map((d) => getLastTermination(d.container)?.finishedAt)]);
  const last = lines[lines.length - 1];
  const answered = lines.some((l) => 'kind' in l);
  const latestWarning = [...warnings].sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0];
  // The dependency's own newest revision, just before it began dying, changed what kills it: that is the "since", and its rollback the way out.
  const changed = findDependencyRevisionChange(dep.rollout, container?.name, ending.oom, onset, ev.collectedAt, ev.target.namespace);
  const giveMemory = `give ${svc}'s container ${container?.name ?? ''} more memory than ${limit ?? ''}`;
  const fix = changed !== undefined
    ? `${changed.rollback}${ending.oom && limit ? `, or ${giveMemory}` : ''}`
    : ending.oom && limit
    ? `give ${svc}'s container ${container?.name ?? ''} more memory than ${limit} (raise its limit, or roll back the change of ${svc} that lowered it)`
    : `find why ${svc}'s pods exit (kubectl logs --previous on ${pods[0] ?? 'one of them'}) and fix that`;
  return {
    id: `dependency-workload/${svc}`,
    kind: 'dependency-error',
    title: `Dependency ${svc} keeps dying: ${whose} ${ending.text}${atLimit}${changed ? `, since ${changed.said}` : ''} — ${joinAnd(restarts)} restart${restarts.length === 1 && restarts[0] === '1' ? '' : 's'}${looping > 0 ? `, ${looping} in CrashLoopBackOff` : ''}; ${describeCalls(lines)} in the logs of ${callers.length} ${readyCallers.length === callers.length ? 'ready ' : ''}pod${callers.length === 1 ? '' : 's'}`,
    layer: 'network/routing',
    severity: ready === 0 && eps.length > 0 ? 'critical' : 'warning',
    confidence: 'high',
    evidence: [
      `Service ${svc}: ${ready}/${eps.length} endpoints ready`,
      ...dying.map((d) => {
        const t = getLastTermination(d.container);
        const state = d.crashLooping ? 'CrashLoopBackOff' : d.pod.ready ? 'Running' : 'Running, not ready';
        const lim = d.container.resources.limits['memory'];
        return `pod ${d.pod.name} (${svc}): container ${d.container.name} ${state}, ${d.container.restartCount} restarts${t ? `, last ended ${t.reason ?? 'exit'} exit ${t.exitCode}${t.finishedAt ? ` ${formatAgo(t.finishedAt, ev.collectedAt)}` : ''}` : ''}${lim ? `, memory limit ${lim}` : ''}`;
      }),
      ...(latestWarning ? [`event ${latestWarning.object.name}: ${latestWarning.reason} (x${latestWarning.count}): ${latestWarning.message}`] : []),
      ...lines.slice(-2).map((l) => `log ${l.pod}: ${condenseStructuredLine(l.line)}`),
      ...(answered && env ? [`env ${env} of ${ev.target.name} points at ${svc}`] : []),
      ...(changed ? [changed.evidence] : []),
    ],
    decisive: condenseStructuredLine(last?.line ?? ''),
    likelyCause:
      `These pods stay Ready (their probes do not need ${svc}), but the requests that need ${svc} fail: its pods keep dying (${ending.text}), ` +
      (answered
        ? `and while none of them is ready, the proxy or gateway in front of ${svc}${env ? ` (the address in env ${env})` : ''} answers with its own error page instead of ${svc}'s API, which these pods log as a failed call or a body they cannot decode.`
        : 'each death drops every connection through it, and while none of them is up new connections are refused.') +
      `${ending.oom && limit ? ` ${svc} is killed at its own memory limit (${limit}): under the present load it needs more than that.` : ''} The fault is in ${svc}, not in these pods: restarting them will not help.`,
    nextAction: `Fix ${svc} first: ${fix}${changed ? ` (${changed.command})` : ''}; these pods recover by themselves once it stays up.`,
    fix,
    outsideWorkload: `${svc}'s pods keep dying${onset ? ` (since ${formatAgo(onset, ev.collectedAt)})` : ''}, and these pods only fail on it`,
    ...(onset ? { onset } : {}),
    ...(changed ? { datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `get pods -l ${Object.entries(ev.services.find((x) => x.name === svc)?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',')} -o wide`),
      formatKubectl(ev.target, `describe pod ${pods[0] ?? ''}`),
    ],
    affected: { services: [svc] },
  };
}
