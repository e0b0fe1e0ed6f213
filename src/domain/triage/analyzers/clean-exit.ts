import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, previousLogsCommand } from '../kubectl-command.js';
import { wasKilledByProbe } from '../probe-failures.js';
import { type ContainerRef, formatContainerRef, formatPodShare, getLastTermination, groupBy, limitLines, listNodesOf, listTerminations, severityForPods, unique } from '../pod-status.js';

/**
 * A long-running container that exits 0 and is restarted: under a Deployment or StatefulSet
 * (restartPolicy Always) a clean exit is still a crash. Init containers are meant to exit 0; an
 * app that exits 0 on a liveness probe's SIGTERM was killed (signal-kill tells that story).
 */
export function analyzeCleanExits(ev: TriageEvidence): Finding[] {
  const hits: ContainerRef[] = listTerminations(ev.pods, ev.collectedAt, (term, ref) => !ref.init && term.exitCode === 0 && ref.container.restartCount > 0 && !wasKilledByProbe(ev, ref, term))
    .filter((h) => h.recent)
    .map((h) => h.ref);
  return [...groupBy(hits, (h) => h.container.name).values()].map((group) => {
    const first = group[0] as ContainerRef;
    const pods = unique(group.map((h) => h.pod.name));
    const restarts = group.reduce((n, h) => n + h.container.restartCount, 0);
    return {
      id: `clean-exit/${first.container.name}`,
      kind: 'clean-exit',
      title: `Container ${first.container.name} exits with code 0 and is restarted (${formatPodShare(ev, pods.length)}, ${restarts} restarts)`,
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: limitLines(group.map((h) => `${formatContainerRef(h)}: exit 0 (${getLastTermination(h.container)?.reason ?? 'Completed'}); ${h.container.restartCount} restarts`)),
      likelyCause:
        `The main process finishes instead of running forever, so the ${ev.target.kind} restarts it. Either the command ` +
        `starts something in the background and returns (a daemonising server, a shell script without exec), or this is ` +
        `batch work that belongs in a Job or CronJob.`,
      nextAction: `Check the container command and the last log lines; keep the server in the foreground, or move one-off work to a Job.`,
      confirmCommands: [
        previousLogsCommand(ev.target, first.pod.name, first.container.name),
        describePodCommand(ev.target, first.pod.name),
        formatKubectl(ev.target, `get pod ${first.pod.name} -o jsonpath='{.spec.containers[?(@.name=="${first.container.name}")].command}'`),
      ],
      affected: { pods, nodes: listNodesOf(group.map((h) => h.pod)) },
    } satisfies Finding;
  });
}
