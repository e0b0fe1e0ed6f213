/**
 * A volume replaced under running pods: the PersistentVolume behind a claim the pods mount was
 * created after they mounted it (re-created with a new volumeHandle: another file system, access
 * point or export), and their file operations under the mount fail with ESTALE (errno 116,
 * "Stale file handle"). The kubelet never remounts a running pod's volume, so the pods keep the
 * dead mount, stay Ready on probes that do not touch it, and only a restart remounts the claim.
 */
import type { PersistentVolumeEvidence, PodEvidence, PvcEvidence, TriageEvidence, VolumeMountEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { truncate } from '../../text.js';

const STALE = /Stale file handle|\bESTALE\b|\berrno 116\b|\[Errno 116\]/i;
/** Absolute paths a line names ('/data/incoming/x.mov', "/data", /data/…). */
const PATH = /(?:^|[\s'"(:=])(\/[\w.@%+-]+(?:\/[\w.@%+-]*)*)/g;
/** Lines before it counts: one stale handle during a failover is not an outage. */
const MIN_LINES = 2;

interface Hit { pod: PodEvidence; mount: VolumeMountEvidence; claim: PvcEvidence; pv: PersistentVolumeEvidence; lines: string[] }

/** The mount a path lies under (the longest mount path that prefixes it). */
function mountOf(mounts: readonly VolumeMountEvidence[], path: string): VolumeMountEvidence | undefined {
  const under = mounts.filter((m) => path === m.mountPath || path.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`));
  return under.sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}

function findHits(ev: TriageEvidence): Hit[] {
  return ev.logs.filter((l) => !l.previous).flatMap((l) => {
    const pod = findPod(ev, l.pod);
    const born = pod?.startTime ?? pod?.createdAt;
    const container = pod?.containers.find((c) => c.name === l.container);
    if (pod === undefined || born === undefined || container === undefined) return [];
    const stale = l.lines.filter((x) => STALE.test(x));
    if (stale.length < MIN_LINES) return [];
    const paths = stale.flatMap((x) => [...x.matchAll(PATH)].map((m) => m[1] ?? ''));
    const mounts = unique(paths.flatMap((p) => mountOf(container.volumeMounts ?? [], p) ?? []));
    return mounts.flatMap((mount) => {
      const volume = pod.volumes?.find((v) => v.name === mount.name);
      const claim = volume?.source === 'pvc' ? ev.pvcs.find((c) => c.name === volume.ref) : undefined;
      const pv = claim?.volumeName === undefined ? undefined : ev.volumes?.find((v) => v.name === claim.volumeName);
      // Replaced: the volume object is younger than the pod's mount of the claim.
      if (claim === undefined || pv?.createdAt === undefined || msBetween(born, pv.createdAt) <= 0) return [];
      return [{ pod, mount, claim, pv, lines: stale }];
    });
  });
}

export function analyzeVolumeReplaced(ev: TriageEvidence): Finding[] {
  const hits = findHits(ev);
  const [first] = hits;
  if (first === undefined) return [];
  const { pv, claim, mount } = first;
  const same = hits.filter((h) => h.pv.name === pv.name);
  const created = pv.createdAt ?? ev.collectedAt;
  // Every pod that mounts the claim and started before the volume was replaced holds the dead mount, logged or not.
  const holders = ev.pods.filter((p) => p.volumes?.some((v) => v.source === 'pvc' && v.ref === claim.name) && msBetween(p.startTime ?? p.createdAt ?? created, created) > 0);
  const podObjects = unique([...same.map((h) => h.pod), ...holders]);
  const pods = unique(podObjects.map((p) => p.name));
  const mounted = first.pod.startTime ?? first.pod.createdAt ?? created;
  const decisive = truncate((first.lines.at(-1) ?? '').trim(), 300);
  return [
    {
      id: `volume-replaced/${pv.name}`,
      kind: 'volume-replaced',
      title: `PersistentVolume ${pv.name} behind claim ${claim.name} was re-created ${formatAgo(created, ev.collectedAt)}, after ${pods.length} running pod${pods.length === 1 ? '' : 's'} mounted it: their mount at ${mount.mountPath} returns Stale file handle (ESTALE)`,
      layer: 'storage',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: [
        `PersistentVolume ${pv.name} (claim ${claim.name}) created ${created} (${formatAgo(created, ev.collectedAt)})${pv.volumeHandle ? `, volumeHandle ${pv.volumeHandle}` : ''}${pv.driver ? `, driver ${pv.driver}` : ''}`,
        `pod ${first.pod.name} started ${mounted} (${formatAgo(mounted, ev.collectedAt)}), mounting claim ${claim.name} at ${mount.mountPath} before the volume was replaced`,
        ...same.flatMap((h) => h.lines.slice(-1).map((l) => `log ${h.pod.name}: ${l.trim()}`)).slice(0, 3),
      ],
      decisive,
      likelyCause:
        `The volume behind claim ${claim.name} was replaced (a new PersistentVolume${pv.volumeHandle ? ` with volumeHandle ${pv.volumeHandle}` : ''}) while the pods held the mount made through the old one. ` +
        'The kubelet never remounts a running pod\'s volume, so their file handles point at what no longer exists and every file operation under the mount fails, while probes that do not touch it keep them Ready.',
      nextAction: `Restart the pods (kubectl rollout restart ${formatWorkloadRef(ev.target)}) so the kubelet and the CSI driver remount the claim through the new volume; check that the new volume holds the data the pods expect.`,
      fix: 'restart the pods so they remount the re-created volume',
      outsideWorkload: `the volume behind claim ${claim.name} was replaced under the running pods; any revision fails the same way until they remount it`,
      confirmCommands: [formatKubectl(ev.target, `get pv ${pv.name} -o yaml`, 'cluster'), describePodCommand(ev.target, first.pod.name)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
