import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods } from '../pod-status.js';
import { findStoreVolumeLoss } from '../store-volume-loss.js';
import { formatAgo } from '../time-span.js';
import { truncate } from '../../text.js';

/**
 * The workload's tables are gone because its database's volume was re-created (store-volume-loss.ts):
 * the data is not in the cluster any more, so the way back is a restore, never a rollback of the app.
 */
export function analyzeStoreVolumeLost(ev: TriageEvidence): Finding[] {
  const loss = findStoreVolumeLoss(ev);
  if (loss === undefined) return [];
  const { store, claim, volume, createdAt, initLine, pods, errors } = loss;
  const ago = formatAgo(createdAt, ev.collectedAt);
  const quote = errors.first.quote.replace(/^ERROR:\s+/, '');
  const policy = volume?.reclaimPolicy;
  const deleted = policy === 'Delete' ? `, reclaimPolicy Delete — the old volume was deleted with its claim` : policy ? `, reclaimPolicy ${policy}` : '';
  const newVolume = volume ? `new empty volume ${volume.name}${volume.storageClass ? ` (${volume.storageClass}${deleted})` : deleted ? ` (${deleted.slice(2)})` : ''}` : 'a new empty volume';
  const owner = store.pod.ownerWorkload ? `${store.pod.ownerWorkload.kind} ${store.pod.ownerWorkload.name}` : `pod ${store.pod.name}`;
  const initialized = initLine ? 'the database initialized an empty data directory' : 'the database started on it empty';
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const backup = policy === 'Retain'
    ? `the old volume was kept (reclaimPolicy Retain): bind it again (its claimRef cleared) or copy from it, else restore from the latest backup or snapshot`
    : 'restore the data from the latest backup or volume snapshot (point-in-time recovery to just before the volume was replaced)';
  return [{
    id: `store-volume-lost/${store.service}/${claim.name}`,
    kind: 'store-volume-lost',
    title: `Database data gone: ${store.service}'s volume was re-created ${ago} — ${owner}'s claim ${claim.name} is bound to a ${newVolume}, and ${initialized}; queries fail on ${formatPodShare(ev, pods.length)}: ${quote}`,
    layer: 'storage',
    severity: severityForPods(ev, pods.length),
    confidence: initLine ? 'high' : 'medium',
    evidence: [
      `claim ${claim.name} created ${claim.createdAt ?? 'recently'}${volume ? `; PersistentVolume ${volume.name} created ${volume.createdAt ?? 'recently'}${policy ? `, reclaimPolicy ${policy}` : ''}` : ''} (${ago}), after the failing pods started`,
      ...(initLine ? [`log ${store.pod.name}: ${truncate(initLine, 200)}`] : []),
      `log ${pods[0] ?? ''}: ${errors.count} line${errors.count === 1 ? '' : 's'} say ${errors.first.quote}`,
    ],
    decisive: quote,
    likelyCause:
      `The app did not change; the database behind ${store.service} lost its data. Its claim ${claim.name} was created ${ago}${volume ? ` and bound a freshly provisioned volume ${volume.name}` : ''}: ` +
      `the database's StatefulSet and claim were deleted and re-created (an uninstall and reinstall of its chart, a claim retention policy of Delete)${policy === 'Delete' ? ', and with reclaimPolicy Delete the old volume and every byte on it were deleted with the old claim' : ''}. ` +
      `${initLine ? 'On the empty volume the database ran its first-start initialization and created an empty database, so' : 'The database started on an empty volume, so'} every table the app expects is missing.`,
    nextAction:
      `Stop writes and ${backup}; restarting ${ev.target.name} or deploying an older release of it changes nothing. ` +
      'Then set persistentVolumeReclaimPolicy Retain on database volumes (a Retain StorageClass, or patch the PV) and persistentVolumeClaimRetentionPolicy whenDeleted Retain on the StatefulSet, so an uninstall never deletes the data.',
    fix: 'restore the database from a backup or snapshot; keep database volumes with reclaimPolicy Retain',
    outsideWorkload: `the database's volume behind ${store.service} was replaced by an empty one; any revision of the app fails the same way`,
    confirmCommands: [
      formatKubectl(ev.target, `get pvc ${claim.name} -o wide`),
      ...(volume ? [formatKubectl(ev.target, `get pv ${volume.name} -o yaml`, 'cluster')] : []),
      formatKubectl(ev.target, `logs ${store.pod.name} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}
