import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { MISSING_KEY } from '../mount-messages.js';
import type { MountReading } from './mount-reading.js';

export type MissingKey = MountReading;

/**
 * A Secret or ConfigMap volume whose items name a key the object no longer has (renamed or dropped
 * when it was rewritten, a rotation script's other key name): the kubelet refuses to set the volume
 * up, so every new pod waits in ContainerCreating, whatever its revision. Running pods keep the
 * files they have, but their remounts fail the same way.
 */
export function describeMissingKey(ev: TriageEvidence, pods: readonly PodEvidence[], volumeName: string | undefined, message: string): MissingKey | undefined {
  const m = MISSING_KEY.exec(message);
  const key = m?.[2];
  if (!m || key === undefined) return undefined;
  const kind = m[1]?.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap';
  const volume = pods.flatMap((p) => p.volumes ?? []).find((v) => v.name === volumeName);
  const name = volume?.ref;
  const object = name === undefined ? `the ${kind}` : `${kind} ${name}`;
  const items = volume?.items !== undefined ? ` (${volume.items.join(', ')})` : '';
  const mine = new Set(pods.map((p) => p.name));
  const remounting = ev.pods.filter((p) => !mine.has(p.name) && p.ready && listPodEvents(ev, ['FailedMount'], [p.name]).some((e) => MISSING_KEY.test(e.message) && e.message.includes(key)));
  const evidence = remounting.length > 0 ? [`${remounting.length} running pod${remounting.length === 1 ? '' : 's'} (started before) fail to remount it with the same error: they keep the files they already have`] : [];
  return {
    title: `${object} has no key ${key}, which the volume's items list${items}`,
    cause: `Volume ${volumeName ?? ''} projects only the keys its items list, and the kubelet refuses to set it up when one is missing: ${object} has no key ${key} any more (renamed or dropped when the ${kind} was rewritten, e.g. a rotation that stored it under another name). Every new pod, of any revision, waits in ContainerCreating; pods already running keep the files they have.`,
    action: `Put key ${key} back into ${object} (re-create it with the key names the items list), or point the items at the key the ${kind} now has; the mount retries by itself.`,
    evidence,
    confirm: name === undefined ? [] : [formatKubectl(ev.target, `describe ${kind.toLowerCase()} ${name}`)],
  };
}
