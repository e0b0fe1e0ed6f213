/**
 * A node's reboot ending the containers on it: the machine went down under them (a kernel patch
 * window, a host maintenance), no signal reached the process, and the runtime, having lost the
 * container, records an exit of its own (255, reason Unknown, with containerd). The kubelet
 * announces the new boot ("Rebooted", with the boot id) when it comes back and restarts the
 * containers. Such a restart is the node's doing, not the application's: nothing to fix in it.
 */
import type { EventEvidence, IsoTime, PodEvidence, TerminatedStateEvidence, TriageEvidence } from './evidence.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';
import { isInTriggerWindow } from './trigger-window.js';
import type { ToldReading } from './told-reading.js';

/** How long before the kubelet's Rebooted event the runtime may have seen the container end (shutdown, boot, kubelet start). */
const BEFORE_BOOT_MS = 15 * MINUTE_MS;
/** Clocks and the runtime's own bookkeeping: a reboot reported this long before the recorded end still counts. */
const SKEW_MS = 2 * MINUTE_MS;

export interface NodeReboot {
  node: string;
  /** The kubelet's Rebooted event of that node. */
  event: EventEvidence;
  /** The node's NotReady and Ready around it, when the events show them. */
  notReady?: EventEvidence;
  ready?: EventEvidence;
}

/** The reboot of the pod's node that ended this run, if its kubelet reported one just after the end. */
function findRebootOf(events: readonly EventEvidence[], pod: PodEvidence, term: TerminatedStateEvidence): NodeReboot | undefined {
  if (pod.nodeName === undefined || term.finishedAt === undefined) return undefined;
  const end = term.finishedAt;
  const onNode = events.filter((e) => e.object.kind === 'Node' && e.object.name === pod.nodeName);
  const near = (e: EventEvidence) => {
    const after = msBetween(end, e.firstSeen);
    return after >= -SKEW_MS && after <= BEFORE_BOOT_MS;
  };
  const event = onNode.find((e) => e.reason === 'Rebooted' && near(e));
  if (event === undefined) return undefined;
  const notReady = onNode.find((e) => e.reason === 'NodeNotReady' && Math.abs(msBetween(end, e.lastSeen)) <= BEFORE_BOOT_MS);
  const ready = onNode.find((e) => e.reason === 'NodeReady' && msBetween(event.firstSeen, e.lastSeen) >= -SKEW_MS && msBetween(event.firstSeen, e.lastSeen) <= BEFORE_BOOT_MS);
  return { node: pod.nodeName, event, ...(notReady ? { notReady } : {}), ...(ready ? { ready } : {}) };
}

/** The reboot behind every one of these exits, when each run ended as its node went down. */
export function findNodeReboot(ev: TriageEvidence, exits: readonly { pod: PodEvidence; term: TerminatedStateEvidence }[]): NodeReboot | undefined {
  const reboots = exits.map((x) => findRebootOf(ev.events, x.pod, x.term));
  return reboots.every((r) => r !== undefined) ? reboots[0] : undefined;
}

export function tellNodeReboot(r: NodeReboot, container: string, now: IsoTime): ToldReading & { evidence: string[] } {
  const when = formatAgo(r.event.firstSeen, now);
  const steps = [
    r.notReady ? `NodeNotReady ${formatAgo(r.notReady.lastSeen, now)}` : undefined,
    `Rebooted ${when}`,
    r.ready ? `NodeReady ${formatAgo(r.ready.lastSeen, now)}` : undefined,
  ].filter((s) => s !== undefined);
  return {
    title: `: ended by the reboot of its node ${r.node} ${when}, not a crash`,
    cause: `The node ${r.node} went down and came back (${steps.join(', ')}): a reboot ends every container on it without a signal the process sees, and the runtime, having lost the container, records an exit of its own (255, reason Unknown). The kubelet restarted ${container} when the node was back; the process itself did not fail.`,
    action: `Nothing to fix in the workload. If the reboot was not planned (a kernel patch window, host maintenance), look at the node; drain nodes before planned reboots so pods stop gracefully and move first.`,
    fix: 'nothing in the workload: the restart was its node\'s reboot',
    evidence: [`node/${r.node}: ${r.event.reason}: ${r.event.message}`],
  };
}

/**
 * The event that says the node of one of these pods went down in the trigger window before
 * `before`: its kubelet's new boot (Rebooted, with the boot id) first, else the node controller's
 * latest NodeNotReady. What a disk attached to it lives through: an unclean shutdown.
 */
export function findNodeDown(ev: Pick<TriageEvidence, 'events'>, pods: readonly PodEvidence[], before: IsoTime): EventEvidence | undefined {
  const nodes = new Set(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  const down = ev.events.filter((e) => e.object.kind === 'Node' && nodes.has(e.object.name) && (e.reason === 'Rebooted' || e.reason === 'NodeNotReady') && isInTriggerWindow(e.firstSeen, before));
  return down.find((e) => e.reason === 'Rebooted') ?? down.sort((a, b) => msBetween(b.firstSeen, a.firstSeen))[0];
}
