/**
 * OOM kills that happen only on one group of machines — same revision, same limit, the healthy
 * pods elsewhere — are not fixed by a bigger limit: the process uses more memory there. Usually a
 * runtime sizes itself from what it detects on those nodes (a JVM without cgroup v2 support sizes
 * its heap from the host's memory; a Go or Node runtime sizes pools from the host's CPUs).
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { compareFailingHealthy, MACHINE_GROUPS, pickSeparation } from '../verdict/differential.js';

export interface OomNodeSplit {
  /** "node pool general-al2023", "os image Amazon Linux 2023", "node ip-10-0-1-2". */
  where: string;
  cause: string;
  action: string;
  fix: string;
}

/** The machine group the OOM-killed pods share and the healthy pods of the same revision lack; undefined when none does. */
export function findOomNodeSplit(ev: TriageEvidence, killed: readonly PodEvidence[]): OomNodeSplit | undefined {
  const d = compareFailingHealthy(ev, killed);
  const s = pickSeparation(d);
  if (s === undefined || !(s.attribute === 'node' || MACHINE_GROUPS.includes(s.attribute))) return undefined;
  // A revision or image that also separates them is the likelier cause: the rollout analysis says so.
  if (d.separating.some((x) => x.attribute === 'revision' || x.attribute === 'image' || x.attribute === 'image digest')) return undefined;
  const where = `${s.attribute} ${s.failing.join(', ')}`;
  return {
    where,
    cause:
      `The same containers with the same limit run fine on ${s.healthy.length === 1 ? 'another' : 'other'} ${s.attribute} (${s.healthy.join(', ')}); only on ${where} do they outgrow it. ` +
      'The process uses more memory on those nodes, not more load everywhere: typically a runtime that sizes itself from what it detects there ' +
      '(a JVM without cgroup v2 support — Java 8 before 8u372, 11 before 11.0.16 — sizes its heap from the host\'s memory, not the container\'s; ' +
      'a Go or Node runtime sizes its pools from the host\'s CPUs). A bigger limit only delays the kill.',
    action:
      `Mitigate: keep the pods off ${where} (nodeSelector or affinity). Then size the runtime explicitly ` +
      '(-Xmx or -XX:MaxRAMPercentage for a JVM, GOMEMLIMIT/GOMAXPROCS for Go) or move to a runtime version that reads cgroup v2 limits; a bigger limit only delays the kill.',
    fix: 'size the runtime explicitly (-Xmx / -XX:MaxRAMPercentage for a JVM, GOMEMLIMIT for Go) or move to a runtime version that reads cgroup v2 limits: the same limit holds on the other nodes, so a bigger one only delays the kill',
  };
}
