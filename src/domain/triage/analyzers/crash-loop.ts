import type { TriageEvidence } from '../evidence.js';
import { findLog, hasReadFailure } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, describePodCommand, podEventsCommand, previousLogsCommand } from '../kubectl-command.js';
import { type ContainerRef, formatContainerRef, formatPodShare, getLastTermination, getWaiting, groupBy, limitLines, listAllContainers, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/**
 * CrashLoopBackOff: a symptom, not a cause. With previous logs it shows their last lines;
 * without any, the process died before writing, so the node and runtime are the next place
 * to look. Ranking folds it into whichever finding explains it (an exit code, OOM, node).
 */
export function analyzeCrashLoops(ev: TriageEvidence): Finding[] {
  const looping = listAllContainers(ev.pods).filter((r) => getWaiting(r.container)?.reason === 'CrashLoopBackOff');
  return [...groupBy(looping, (r) => r.container.name).values()].map((group) => describeGroup(ev, group));
}

function describeGroup(ev: TriageEvidence, group: ContainerRef[]): Finding {
  const first = group[0] as ContainerRef;
  const name = first.container.name;
  const pods = unique(group.map((r) => r.pod.name));
  const nodes = listNodesOf(group.map((r) => r.pod));
  const restarts = group.reduce((n, r) => n + r.container.restartCount, 0);
  const last = getLastTermination(first.container);
  const lastExit = last ? `, last exit ${last.exitCode}${last.reason ? ` ${last.reason}` : ''}` : '';

  const evidence = limitLines(
    group.map((r) => {
      const t = getLastTermination(r.container);
      const exit = t ? `; last exit ${t.exitCode} (${t.reason ?? 'no reason'})${t.finishedAt ? ` ${formatAgo(t.finishedAt, ev.collectedAt)}` : ''}` : '';
      return `${formatContainerRef(r)}: CrashLoopBackOff, ${r.container.restartCount} restarts${exit}`;
    }),
  );
  const log = group.map((r) => findLog(ev, r.pod.name, name)).find((l) => l !== undefined && l.lines.some((x) => x.trim() !== ''));
  const logsUnreadable = hasReadFailure(ev, 'logs');
  if (log) {
    evidence.push(...log.lines.filter((l) => l.trim() !== '').slice(-5).map((l) => `log ${log.pod}: ${l}`));
  } else {
    evidence.push(logsUnreadable ? 'previous logs could not be read' : 'no previous logs: the container wrote nothing before dying');
  }

  const confirmCommands = [describePodCommand(ev.target, first.pod.name), previousLogsCommand(ev.target, first.pod.name, name)];
  if (!log) {
    confirmCommands.push(podEventsCommand(ev.target, first.pod.name));
    for (const node of nodes.slice(0, 2)) confirmCommands.push(describeNodeCommand(ev.target, node));
  }
  return {
    id: `crash-loop/${name}`,
    kind: 'crash-loop',
    title: `Container ${name} in CrashLoopBackOff on ${formatPodShare(ev, pods.length)} (${restarts} restarts${lastExit})`,
    layer: 'container/process',
    severity: severityForPods(ev, pods.length),
    confidence: log || last ? 'high' : 'medium',
    evidence,
    likelyCause: log
      ? `The container keeps exiting and the kubelet waits longer between restarts (up to 5 minutes). The last log lines and the exit code say why.`
      : `The container keeps exiting without writing a log line${logsUnreadable ? ' (or its logs could not be read)' : ''}: the command fails at once, or the node or container runtime is at fault (disk, runtime errors). Look at the pod's events and its node.`,
    nextAction: log
      ? `Read the previous logs: the last lines say why it exits. Deleting the pods only restarts the loop.`
      : `Describe the pod and its node${nodes.length > 0 ? ` (${nodes.slice(0, 2).join(', ')})` : ''}: look for runtime errors, node pressure and the termination message before changing anything.`,
    confirmCommands,
    affected: { pods, nodes },
  };
}
