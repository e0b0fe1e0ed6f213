/**
 * A share served from inside the cluster: an NFS volume whose server is a Service of the
 * namespace — by its cluster IP (the kubelet mounts from the node, where cluster DNS names do not
 * resolve) or by its DNS name. When that Service has no ready endpoint nothing answers at the
 * address: new pods wait in ContainerCreating on FailedMount ("mount.nfs: Connection timed out")
 * and processes of running pods that touch the existing mount block on it (NFS mounts are hard by
 * default), so those pods stop answering their probes too. The mount, the pods and the app's
 * timeouts are symptoms; why the server's own pods do not serve is the cause.
 */
import type { PersistentVolumeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { describeDownService, findServiceOf } from './down-service.js';
import { listSlicesOf } from './service-match.js';
import { unique } from './pod-status.js';

export interface DownVolumeServer {
  /** The address the volume mounts from, as the volume names it, and the export. */
  server: string;
  path?: string;
  /** The Service of the namespace at that address. */
  service: string;
  /** The claim behind the volume, when it is one. */
  claim?: string;
  /** Why the Service has no ready endpoint, from its own pods (down-service.ts); absent when they were not read. */
  state?: { text: string; decisive?: string };
  /** Its pod that does not serve, when it waits for a node: the scheduler's words. */
  unscheduled?: { pod: string; message: string; claims: string[] };
  /** Not-ready pods of the workload that mount the same share: the failing mounts and those hung on it. */
  holders: PodEvidence[];
}

/** "-t nfs … server:/export" in the kubelet's mount arguments. */
const MOUNT_ARGS = /-t nfs4?\b[^\n]*?\s(\[[^\]]+\]|[^\s:]+):(\/\S*)/;

function splitRef(ref: string): { server: string; path: string } | undefined {
  const m = /^(\[[^\]]+\]|[^:]+):(\/.*)$/.exec(ref);
  return m?.[1] && m[2] ? { server: m[1], path: m[2] } : undefined;
}

/** The claim and the PersistentVolume a mount event's volume name stands for (the pod volume's name, or the PV's). */
export function resolveVolume(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string): { claim?: string; pv?: PersistentVolumeEvidence; inline?: string } {
  const own = pods.flatMap((p) => p.volumes ?? []).find((v) => v.name === volume);
  if (own?.source === 'nfs' && own.ref !== undefined) return { inline: own.ref };
  const claim = own?.source === 'pvc' ? own.ref : ev.pvcs.find((c) => c.volumeName === volume)?.name;
  const volumeName = claim === undefined ? volume : ev.pvcs.find((c) => c.name === claim)?.volumeName ?? volume;
  const pv = ev.volumes?.find((v) => v.name === volumeName);
  return { ...(claim === undefined ? {} : { claim }), ...(pv === undefined ? {} : { pv }) };
}

/**
 * The in-cluster NFS server a failing mount of `volume` on `pods` depends on, when it is a
 * Service of the namespace with no ready endpoint; undefined otherwise (a server outside the
 * cluster, one that serves, or endpoints that could not be read).
 */
export function findDownVolumeServer(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string | undefined, messages: readonly string[]): DownVolumeServer | undefined {
  if (volume === undefined || ev.readFailures.some((f) => f.source === 'endpointSlices' || f.source === 'services')) return undefined;
  const { claim, pv, inline } = resolveVolume(ev, pods, volume);
  const args = messages.map((m) => MOUNT_ARGS.exec(m)).find((m) => m !== null);
  const exported = pv?.nfs ?? (inline === undefined ? undefined : splitRef(inline)) ?? (args?.[1] && args[2] ? { server: args[1], path: args[2] } : undefined);
  if (exported === undefined) return undefined;
  const svc = findServiceOf(ev, exported.server);
  if (svc === undefined || svc.type === 'ExternalName' || Object.keys(svc.selector).length === 0) return undefined;
  if (listSlicesOf(ev, svc.name).some((s) => s.endpoints.some((e) => e.ready && !e.terminating))) return undefined;
  const mounts = (p: PodEvidence) => (p.volumes ?? []).some((v) => (claim !== undefined && v.source === 'pvc' && v.ref === claim) || (v.source === 'nfs' && v.ref === `${exported.server}:${exported.path}`));
  const holders = unique([...pods, ...ev.pods.filter((p) => !p.ready && p.deletionTimestamp === undefined && mounts(p))]);
  const state = describeDownService(ev, svc.name);
  const down = ev.downServices?.find((d) => d.service === svc.name);
  const waiting = down?.pods.find((p) => p.phase === 'Pending' && p.nodeName === undefined);
  const refused = waiting?.conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message
    ?? down?.events.filter((e) => e.object.name === waiting?.name && e.reason === 'FailedScheduling').sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0]?.message;
  const unscheduled = waiting && refused ? { pod: waiting.name, message: refused, claims: (waiting.volumes ?? []).flatMap((v) => (v.source === 'pvc' && v.ref ? [v.ref] : [])) } : undefined;
  return {
    server: exported.server,
    path: exported.path,
    service: svc.name,
    ...(claim === undefined ? {} : { claim }),
    ...(state === undefined ? {} : { state }),
    ...(unscheduled === undefined ? {} : { unscheduled }),
    holders,
  };
}
