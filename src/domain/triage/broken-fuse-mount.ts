/**
 * A FUSE mount (a bucket mounted by gcsfuse, mountpoint-s3, s3fs, rclone, a CSI driver's sidecar)
 * whose userspace daemon died under the app: every read of the mount fails with ENOTCONN
 * ("Transport endpoint is not connected", errno 107) while the kernel keeps the dead mount. A
 * restarted daemon (a sidecar the kubelet restarted after an OOM kill) does not re-attach the old
 * mount, so only a new pod gets a working one; the daemon's memory limit is what to raise.
 */
import type { ContainerEvidence, PodEvidence, TerminatedStateEvidence } from './evidence.js';
import { getLastTermination } from './pod-status.js';
import { formatAgo } from './time-span.js';
import { findDeepestMount } from './mount-path.js';

const ENOTCONN = /Transport endpoint is not connected|\bENOTCONN\b/i;
/** A path in the failing line: quoted (Python's `: '/data/x'`) or bare. */
const PATH = /'(\/[^']+)'|"(\/[^"]+)"|(\/[\w.@%+=,~-]+(?:\/[\w.@%+=,~-]+)*)/;

export interface BrokenFuseMount {
  /** The line carrying the OS error, condensed. */
  decisive: string;
  scope: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

interface DeadDaemon {
  name: string;
  term: TerminatedStateEvidence;
  limit?: string;
}

/** Another container of the pod (a sidecar, native or not) that ended and was restarted: the mount's daemon. */
function findDeadDaemon(pod: PodEvidence, app: string): DeadDaemon | undefined {
  const others = [...pod.initContainers.filter((c) => c.sidecar === true), ...pod.containers.filter((c) => c.name !== app)];
  const ended = others.flatMap((c: ContainerEvidence) => {
    const term = getLastTermination(c);
    return term === undefined || c.restartCount === 0 ? [] : [{ name: c.name, term, ...(c.resources.limits['memory'] ? { limit: String(c.resources.limits['memory']) } : {}) }];
  });
  return ended.find((d) => d.term.reason === 'OOMKilled') ?? ended[0];
}

/** The mount under which `path` lies in the container, longest first. */
function findMount(container: ContainerEvidence, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return findDeepestMount(path, container.volumeMounts ?? [])?.mountPath;
}

export function findBrokenFuseMount(hits: readonly { pod: PodEvidence; container: ContainerEvidence }[], logs: readonly { pod: string; container: string; previous?: boolean; lines: readonly string[] }[], now: string): BrokenFuseMount | undefined {
  const found = hits.flatMap((h) => {
    const line = logs.filter((l) => l.pod === h.pod.name && l.container === h.container.name && !l.previous).flatMap((l) => l.lines).findLast((l) => ENOTCONN.test(l));
    if (line === undefined) return [];
    const m = PATH.exec(line.slice(line.search(ENOTCONN)));
    const mount = findMount(h.container, m?.[1] ?? m?.[2] ?? m?.[3]) ?? (h.container.volumeMounts ?? []).find((v) => line.includes(v.mountPath))?.mountPath;
    return [{ ...h, line: line.trim(), mount, daemon: findDeadDaemon(h.pod, h.container.name) }];
  });
  const first = found[0];
  if (first === undefined) return undefined;
  const where = first.mount ?? 'the mounted volume';
  const daemons = found.flatMap((f) => (f.daemon ? [f.daemon] : []));
  const daemon = daemons[0];
  const oom = daemon?.term.reason === 'OOMKilled';
  const when = daemons.map((d) => (d.term.finishedAt ? formatAgo(d.term.finishedAt, now) : undefined)).filter((x): x is string => x !== undefined).join(', ');
  const died = daemon
    ? `its FUSE sidecar ${daemon.name} was ${oom ? `OOMKilled${daemon.limit ? ` at its ${daemon.limit} limit` : ''}` : `restarted (exit ${daemon.term.exitCode})`}${when ? ` (${when})` : ''} and its restart does not re-establish the mount`
    : 'the FUSE daemon behind it is gone';
  const pods = found.map((f) => f.pod.name);
  const podWord = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const raise = daemon ? `${oom ? 'raise' : 'fix what ended'} ${daemon.name}${oom ? "'s memory limit (for a sidecar a CSI driver injects, its pod annotation)" : ''}` : 'find why the mount daemon died';
  const fix = `delete the ${podWord} (${pods.join(', ')}) so they get a fresh mount, and ${raise}`;
  return {
    decisive: first.line,
    scope: `reads of ${where} fail with "Transport endpoint is not connected" (ENOTCONN): ${died}`,
    cause: `The app's reads of ${where} fail with ENOTCONN: the FUSE mount there is disconnected because ${died}. The kernel keeps the dead mount in the pod, so the app cannot read until the pod is recreated with a fresh mount; the app itself is not at fault and a rollback would not help.`,
    action: `Delete the ${podWord} so they get a fresh mount (the ready pods keep serving), then ${raise}.`,
    fix,
    evidence: [
      `log ${first.pod.name}: ${first.line}`,
      ...found.flatMap((f) => (f.daemon ? [`${f.pod.name}/${f.daemon.name}: exit ${f.daemon.term.exitCode} (${f.daemon.term.reason ?? 'no reason'})${f.daemon.term.finishedAt ? `, ${formatAgo(f.daemon.term.finishedAt, now)}` : ''}${f.daemon.limit ? `, memory limit ${f.daemon.limit}` : ''}`] : [])).slice(0, 3),
    ],
  };
}
