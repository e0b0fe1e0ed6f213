import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findLog, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatSpan, msBetween } from '../time-span.js';
import { describeMissingService, parseDependencyError } from './dependency-errors.js';
import { findDroppedSidecar, tellDroppedSidecar } from '../native-sidecar-dropped.js';

/** An init container still running after this long is waiting for something that does not come. */
const STUCK_AFTER_MS = 3 * 60_000;

interface Stuck {
  pod: PodEvidence;
  container: ContainerEvidence;
  index: number;
  runningMs: number;
}

function findStuck(ev: TriageEvidence): Stuck[] {
  return ev.pods.flatMap((pod) => {
    if (pod.ready || pod.deletionTimestamp !== undefined) return [];
    // A sidecar-style init container (restartPolicy Always) runs for good by design; the one that holds the pod comes after it.
    const index = pod.initContainers.findIndex((c) => c.sidecar !== true && c.state !== undefined && 'running' in c.state);
    const container = pod.initContainers[index];
    if (container === undefined || container.state === undefined || !('running' in container.state)) return [];
    const since = container.state.running.startedAt ?? pod.startTime;
    const runningMs = since === undefined ? 0 : msBetween(since, ev.collectedAt);
    if (runningMs < STUCK_AFTER_MS) return [];
    return [{ pod, container, index, runningMs }];
  });
}

/**
 * Pods held in `Init:N/M` by an init container that runs and never finishes: a wait-for loop on
 * a dependency that is not there (a wrong host name, a database down), a migration that hangs.
 * Nothing crashes and no probe fails, so only the init container's own log says why.
 */
export function analyzeInitStuck(ev: TriageEvidence): Finding[] {
  const stuck = findStuck(ev);
  const byContainer = new Map<string, Stuck[]>();
  for (const s of stuck) byContainer.set(s.container.name, [...(byContainer.get(s.container.name) ?? []), s]);
  return [...byContainer.entries()].map(([name, group]) => {
    const first = group[0] as Stuck;
    const pods = unique(group.map((s) => s.pod.name));
    const longest = Math.max(...group.map((s) => s.runningMs));
    const total = first.pod.initContainers.length;
    const lines = group.flatMap((s) => findLog(ev, s.pod.name, name)?.lines ?? []);
    const dependency = lines.map(parseDependencyError).filter((d) => d !== undefined).at(-1);
    const decisive = [...lines].reverse().find((l) => parseDependencyError(l) !== undefined)?.trim() ?? pickDecisiveLine(lines);
    const dropped = findDroppedSidecar(ev, first.container);
    const told = dropped ? tellDroppedSidecar(dropped) : undefined;
    const waitsFor = told ? `: ${told.clause}` : dependency?.dependency ? `; it waits for ${dependency.dependency}${dependency.problem === 'dns-missing' ? ', which does not resolve' : dependency.problem === 'refused' ? ', which refuses connections' : ''}` : '';
    return {
      id: `init-stuck/${name}`,
      kind: 'init-stuck',
      title: `Init container ${name} never finishes on ${formatPodShare(ev, pods.length)} (Init:${first.index}/${total} for ${formatSpan(longest)})${waitsFor}`,
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: decisive !== undefined ? 'high' : 'medium',
      evidence: [
        ...group.slice(0, 3).map((s) => `${s.pod.name}: init container ${name} running for ${formatSpan(s.runningMs)}, ${s.container.restartCount} restarts; the app containers have not started`),
        ...((first.container.command ?? []).length + (first.container.args ?? []).length > 0 ? [`${name} runs: ${[...(first.container.command ?? []), ...(first.container.args ?? [])].join(' ').slice(0, 300)}`] : []),
        ...(decisive ? [`log ${first.pod.name}/${name}: ${decisive}`] : [`no log lines from ${name} were read`]),
        ...(dropped ? [`last-applied-configuration: init container ${name} with restartPolicy: Always; the live spec has none${dropped.oldKubelets.length > 0 ? `; kubelet ${dropped.oldKubelets.join(', ')}` : ''}`] : []),
        ...(dependency?.problem === 'dns-missing' && dependency.dependency ? [describeMissingService(ev, dependency.dependency) ?? []].flat() : []),
      ],
      ...(decisive ? { decisive } : {}),
      likelyCause: told
        ? told.cause
        : dependency
        ? `The init container loops until ${dependency.dependency ?? 'a dependency'} answers, and it never does: the host name or port it was given is wrong, or the dependency is down.`
        : 'The init container keeps running: a wait-for loop on something that never comes, or a step that hangs. Its log and command say what it waits for.',
      nextAction: told
        ? told.action
        : dependency?.dependency
        ? `Check that ${dependency.dependency} is the right address (the Services in the namespace, the previous revision's value); fix the address or the dependency.`
        : `Read the log of ${name} and its command; fix what it waits for.`,
      fix: told ? told.fix : dependency?.dependency ? `fix the address ${name} waits for (${dependency.dependency})` : `fix what ${name} waits for`,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.pod.name} -c ${name} --tail=50`), describePodCommand(ev.target, first.pod.name)],
      affected: { pods, nodes: listNodesOf(group.map((s) => s.pod)) },
    } satisfies Finding;
  });
}
