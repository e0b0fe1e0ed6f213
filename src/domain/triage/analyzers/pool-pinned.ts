import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { readPinnedVirtualThreads } from '../pinned-virtual-threads.js';

/** `com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(…)` → `ClientPreparedStatement.executeInternal`. */
const shortFrame = (frame: string): string => frame.replace(/\(.*$/, '').split('.').slice(-2).join('.');

/**
 * An exhausted connection pool in a JVM whose logs print pinned virtual-thread stacks
 * (jdk.tracePinnedThreads): the virtual threads block in `synchronized` code (a JDBC driver's
 * socket read) and hold their few carrier threads, so nothing else runs — the connections are
 * held by threads that cannot be scheduled, and the health endpoint waits too. The pinning is
 * the mechanism, the setting that turned virtual threads on the trigger; the pool is not too small.
 */
export function withPinnedCarriers(ev: TriageEvidence, exhausted: Finding, logs: readonly LogEvidence[]): Finding {
  const pods = new Set(exhausted.affected?.pods ?? []);
  const own = logs.filter((l) => pods.has(l.pod));
  const first = own[0];
  const container = first === undefined ? undefined : findPod(ev, first.pod)?.containers.find((c) => c.name === first.container);
  const pinned = readPinnedVirtualThreads(own, container);
  if (pinned === undefined) return exhausted;
  const symptom = exhausted.title.replace(/^.*?: (\d+ such lines)/, '$1');
  const setting = pinned.setting ? ` (${pinned.setting})` : '';
  const held = pinned.monitorFrame ? ` in synchronized code of ${shortFrame(pinned.monitorFrame)} ("<== monitors")` : ' in synchronized code';
  const carriers = pinned.carriers !== undefined ? `its ${pinned.carriers} carrier thread${pinned.carriers === 1 ? '' : 's'} (one per CPU of its limit)` : 'their few carrier threads';
  const off = pinned.setting ? `turn virtual threads off (${pinned.setting.replace(/=true$/, '=false')})` : 'turn virtual threads off';
  return {
    ...exhausted,
    id: 'resource-exhaustion/pinned-virtual-threads',
    title: `${ev.target.name}'s virtual threads${setting} pin ${carriers}: they block${held} (jdk.tracePinnedThreads, ${pinned.reports} pinned stacks in ${pinned.pods.length} pod${pinned.pods.length === 1 ? '' : 's'}), so requests and probes hang and the pool looks exhausted: ${symptom}`,
    evidence: [
      `${pinned.reports} pinned virtual-thread stacks (jdk.tracePinnedThreads) in the logs of ${pinned.pods.join(', ')}${pinned.monitorFrame ? `; the frame holding the monitor: ${pinned.monitorFrame} <== monitors` : ''}`,
      ...(pinned.setting ? [`virtual threads turned on by ${pinned.setting}`] : []),
      ...exhausted.evidence,
    ],
    likelyCause: `Request handling runs on virtual threads, which a JVM (JDK 21–23) runs on a few carrier threads — one per CPU it may use. A virtual thread that blocks inside a synchronized block${pinned.monitorFrame ? ` (${shortFrame(pinned.monitorFrame)}: the JDBC driver does its socket reads under a monitor)` : ''} cannot unmount and pins its carrier while it waits. Under load every carrier is pinned in database I/O, so the threads that hold the pool's other connections, the pool's hand-offs and the health endpoint cannot run: requests time out waiting for a connection, readiness and liveness probes time out and the kubelet restarts the pods. Neither the pool size nor the database is at fault.`,
    nextAction: `Mitigate: roll back the revision that turned virtual threads on, or ${off}. Fix: upgrade the driver to a version without synchronized I/O (MySQL Connector/J 9, pgJDBC 42.6+) or a JDK that does not pin on monitors (24+) before turning them on again; do not grow the pool.`,
    fix: `${off}, or upgrade the driver that blocks under a monitor (or the JDK to 24+)`,
  };
}
