import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { NFS_VERSION_REFUSED } from '../mount-messages.js';
import { resolveVolume } from '../volume-server.js';
import type { MountReading } from './mount-reading.js';

export type NfsVersionRefusal = MountReading & { fix: string };

/** An option that picks the NFS protocol version: nfsvers=4.2, vers=3, minorversion=1. */
const VERSION_OPTION = /^(?:nfsvers|vers|minorversion)=\S+$/i;

/** "-t nfs -o hard,nfsvers=4.2,… server:/export" in the kubelet's mount arguments. */
const MOUNT_ARGS = /-t nfs4?\s+-o\s+(\S+)\s+(\[[^\]]+\]|[^\s:]+):\//;

/**
 * An NFS mount the server refuses with "Protocol not supported": it does not serve the protocol
 * version the mount asks for. The version comes from the PersistentVolume's mountOptions (or a
 * StorageClass's, copied into the volume when it was provisioned), else from the mount arguments
 * the kubelet logged. Mounts made before a change of options keep working; every fresh mount, on
 * any node and of any revision, fails, so the pods the workload adds wait in ContainerCreating.
 */
export function describeNfsVersionRefusal(ev: TriageEvidence, pods: readonly PodEvidence[], volumeName: string | undefined, message: string): NfsVersionRefusal | undefined {
  if (!NFS_VERSION_REFUSED.test(message)) return undefined;
  const { claim, pv } = volumeName === undefined ? {} : resolveVolume(ev, pods, volumeName);
  const args = MOUNT_ARGS.exec(message);
  const fromSpec = (pv?.mountOptions ?? []).filter((o) => VERSION_OPTION.test(o.trim())).map((o) => o.trim());
  const fromArgs = (args?.[1] ?? '').split(',').filter((o) => VERSION_OPTION.test(o));
  const options = fromSpec.length > 0 ? fromSpec : fromArgs;
  const server = pv?.nfs?.server ?? args?.[2];
  const where = fromSpec.length > 0 && pv ? `PersistentVolume ${pv.name}'s mountOptions` : 'the mount\'s options';
  const asked = options.length > 0 ? `${options.join(',')} (${where})` : 'the NFS version the mount asks for';
  const mine = new Set(pods.map((p) => p.name));
  const mounts = (p: PodEvidence) => claim !== undefined && (p.volumes ?? []).some((v) => v.source === 'pvc' && v.ref === claim);
  const running = ev.pods.filter((p) => !mine.has(p.name) && p.ready && mounts(p));
  const evidence = [
    ...(pv?.mountOptions?.length ? [`PersistentVolume ${pv.name}: mountOptions ${pv.mountOptions.join(', ')}${pv.nfs ? `; NFS ${pv.nfs.server}:${pv.nfs.path}` : ''}`] : []),
    ...(running.length > 0 ? [`${running.length} running pod${running.length === 1 ? '' : 's'} mount${running.length === 1 ? 's' : ''} the same export: ${running.slice(0, 3).map((p) => p.name).join(', ')} (mounted before)`] : []),
  ];
  const target = fromSpec.length > 0 && pv ? `PersistentVolume ${pv.name}'s mountOptions` : pv ? `the mountOptions of PersistentVolume ${pv.name}` : 'the volume\'s mount options';
  const option = options[0]?.replace(/=.*$/, '') ?? 'nfsvers';
  return {
    title: `the NFS server${server ? ` ${server}` : ''} refuses the protocol version the mount asks for, ${asked}: "mount.nfs: Protocol not supported"`,
    cause: `mount.nfs says "Protocol not supported" when the server does not serve the NFS version the mount asks for — here ${asked}. Mounts made before keep working${running.length > 0 ? ' (the running pods)' : ''}; every fresh mount, on any node and of any revision, fails, so new pods wait in ContainerCreating.`,
    action: `Set ${option} in ${target} to a version ${server ?? 'the server'} serves (its owner knows; \`rpcinfo -p ${server ?? '<server>'}\` from a node lists them); the kubelet retries the mount by itself. A rollback of the workload does not help: every revision mounts with the volume's options.`,
    fix: `set ${option} in ${target} to a version ${server ?? 'the server'} serves`,
    evidence,
    confirm: pv ? [formatKubectl(ev.target, `get pv ${pv.name} -o jsonpath='{.spec.mountOptions}'`, 'cluster')] : [],
    decisive: /mount\.nfs4?: [^\n]+/.exec(message)?.[0]?.trim() ?? 'mount.nfs: Protocol not supported',
  };
}
