import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { SMB_LOGIN_REFUSED } from '../mount-messages.js';
import { resolveVolume } from '../volume-server.js';
import type { MountReading } from './mount-reading.js';

export type SmbLoginRefusal = MountReading & { fix: string };

/** "//account.file.core.windows.net/share" in the mount command. */
const SHARE = /\/\/([\w.-]+)\/([\w.$-]+)/;

/**
 * An SMB (CIFS) share whose server refuses the mount's login (mount error 13): the key or password
 * in the Secret the volume names no longer matches — most often a storage account key rotated at
 * the provider while the Secret kept the old one. Mounted SMB sessions survive a key change, so
 * the pods that run keep working and only a fresh mount fails: a new pod, of any revision, on a
 * node that has not mounted the share. The Secret is named from the PersistentVolume, never read.
 */
export function describeSmbLoginRefusal(ev: TriageEvidence, pods: readonly PodEvidence[], volumeName: string | undefined, message: string): SmbLoginRefusal | undefined {
  if (!SMB_LOGIN_REFUSED.test(message)) return undefined;
  const { claim, pv } = volumeName === undefined ? {} : resolveVolume(ev, pods, volumeName);
  const secret = pv?.credentialSecret;
  const share = SHARE.exec(message);
  const server = share?.[1];
  const azure = /azure/i.test(pv?.driver ?? '') || /\.file\.core\.windows\.net$/i.test(server ?? '');
  const what = azure ? 'storage account key' : 'password';
  const inSecret = secret ? `Secret ${secret.name} (the volume's ${secret.field})` : 'the Secret the volume logs in with';
  const mine = new Set(pods.map((p) => p.name));
  const mounts = (p: PodEvidence) => claim !== undefined && (p.volumes ?? []).some((v) => v.source === 'pvc' && v.ref === claim);
  const running = ev.pods.filter((p) => !mine.has(p.name) && p.ready && mounts(p));
  const evidence = [
    ...(secret ? [`PersistentVolume ${pv?.name ?? ''}: ${pv?.driver ?? 'SMB'} share${server ? ` //${server}/${share?.[2] ?? ''}` : ''}, logs in with Secret ${secret.name} (${secret.field})`] : []),
    ...(running.length > 0 ? [`${running.length} running pod${running.length === 1 ? '' : 's'} mount${running.length === 1 ? 's' : ''} the same share: ${running.slice(0, 3).map((p) => p.name).join(', ')} (sessions opened before)`] : []),
  ];
  return {
    title: `the SMB server${server ? ` ${server}` : ''} refuses the mount's login (mount error(13): Permission denied): the ${what} in ${inSecret} is not accepted`,
    cause: `mount.cifs error 13 means the file server refused the session's login, because the ${what} in ${inSecret} no longer matches${azure ? ' the storage account (typically its key was rotated, and the Secret still holds the old key)' : ' the server\'s (typically it was changed on the server and not in the Secret)'}. Mounted SMB sessions outlive the change, so ${running.length > 0 ? 'the running pods keep working and ' : ''}only a fresh mount fails: any new pod, of any revision, on a node that has not mounted the share waits in ContainerCreating.${azure ? ' Less often the storage account\'s firewall refuses the node\'s network.' : ''}`,
    action: `Put the current ${what} in ${secret ? `Secret ${secret.name}` : 'the volume\'s Secret'}${azure ? ' (key azurestorageaccountkey)' : ''}; the kubelet retries the mount by itself. Rolling back does not help: every revision mounts the share with the same Secret.`,
    fix: `update ${secret ? `Secret ${secret.name}` : 'the volume\'s Secret'} with the current ${what}`,
    evidence,
    confirm: pv && secret ? [formatKubectl(ev.target, `get pv ${pv.name} -o jsonpath='{.spec.${secret.field}}'`, 'cluster')] : [],
  };
}
