/**
 * How a crash that ends on a lost leader-election lease is told: the loss is the mechanism; the
 * revision that cut the CPU limit of the same pods, when they also log slow work or time out
 * their probes, is what made the process too slow to renew (CFS throttling). Without such a cut
 * the reading says what else delays a renewal, and blames neither the network nor the API server.
 */
import { CPU_STARVED, type CpuLimitCut, PROBE_TIMEOUT, SLOW_WORK, describeCpuRestore, describeRequestChange } from './cpu-limit-cut.js';
import type { EventEvidence, LogEvidence } from './evidence.js';
import { condenseStructuredLine, eventContainer } from './evidence-lookup.js';
import type { LeaseLoss } from './leader-election.js';
import { formatAgo } from './time-span.js';
import type { ToldReading } from './told-reading.js';

export interface LeaseLossFacts {
  loss: LeaseLoss;
  container: string;
  exitCode: number;
  /** The logs of the crashed pods' container (current and previous runs). */
  logs: readonly LogEvidence[];
  /** Unhealthy events of those pods. */
  unhealthy: readonly EventEvidence[];
  cut?: CpuLimitCut;
  collectedAt: string;
}

export interface ToldLeaseLoss extends ToldReading {
  evidence: string[];
  decisive: string;
  /** The cut and the slowness beside it: the cause is named for certain. */
  sure: boolean;
}

export function tellLeaseLoss(f: LeaseLossFacts): ToldLeaseLoss {
  const slow = f.logs.flatMap((l) => l.lines.filter((line) => SLOW_WORK.test(line) || CPU_STARVED.test(line)).map((line) => ({ pod: l.pod, line })));
  const timeouts = f.unhealthy.filter((e) => PROBE_TIMEOUT.test(e.message) && (eventContainer(e) ?? f.container) === f.container);
  const slowPods = new Set(slow.map((s) => s.pod)).size;
  const signs = [
    ...(slowPods > 0 ? [`slow work logged on ${slowPods} pod${slowPods === 1 ? '' : 's'}`] : []),
    ...(timeouts.length > 0 ? [`${/^(\w+)/.exec(timeouts[0]?.message ?? '')?.[1]?.toLowerCase() ?? 'probe'} probes time out`] : []),
  ];
  const lost = 'it loses its leader-election lease (leader election lost: a renewal missed the deadline)';
  const evidence = [
    ...(f.loss.lease ? [`lease ${f.loss.lease}: acquired in the same run, then not renewed in time`] : []),
    ...slow.slice(0, 1).map((s) => `log ${s.pod}: ${condenseStructuredLine(s.line.trim()).slice(0, 200)}`),
    ...(timeouts[0] ? [`${timeouts[0].object.name}: ${timeouts[0].message.slice(0, 200)}`] : []),
  ];
  const mechanism = `client-go's leader election renews the lease every few seconds and gives up when a renewal has not succeeded within the renew deadline (10 s by default): the manager then stops with "leader election lost" and exits ${f.exitCode}, and the other replica takes the lease and does the same. The API server granted the lease in the same run, so it answers; the lease calls that time out are the process's own slowness, not a network that drops them.`;
  const { cut } = f;
  if (cut !== undefined) {
    const when = formatAgo(cut.revision.createdAt, f.collectedAt);
    const restore = describeCpuRestore(cut);
    const starved = signs.length > 0;
    return {
      title: `: ${lost} — revision ${cut.revision.revision} cut its CPU limit ${cut.before} → ${cut.after} and the throttled process misses its renewals${starved ? ` (${signs.join(', ')})` : ''}`,
      cause: `${mechanism} With a CPU limit of ${cut.after} (${cut.before} before revision ${cut.revision.revision}) the kernel's CFS quota throttles the process as soon as its informers and workers start, so the renewal misses the deadline${starved ? `: ${signs.join(' and ')} show it` : ''}.`,
      action: `Mitigate: ${restore}${cut.before === 'none' ? '' : ', or remove the limit'}; rolling back to revision ${cut.previous.revision} does the same. Restarting will not help, and longer lease durations only hide it.`,
      fix: restore,
      datesChange: true,
      evidence: [`revision ${cut.revision.revision} (${when}${cut.revision.changeCause ? `, "${cut.revision.changeCause}"` : ''}): ${cut.container} cpu limit ${cut.before} → ${cut.after}${describeRequestChange(cut)}`, ...evidence],
      decisive: f.loss.line,
      sure: starved,
    };
  }
  return {
    title: `: ${lost}`,
    cause: `${mechanism} What delays a renewal: CPU throttling of the container (a low CPU limit), long pauses of the process${signs.length > 0 ? ` (${signs.join(', ')})` : ''}, or a slow API server for every client.`,
    action: `Check the container's CPU throttling against its limit (\`kubectl top pod --containers\`) and raise the limit if it is throttled; if other clients see the API server slow too, look at the API server's latency.`,
    fix: 'give the process the CPU to renew its lease in time (raise or remove the CPU limit), or find what stalls it',
    evidence,
    decisive: f.loss.line,
    sure: false,
  };
}
