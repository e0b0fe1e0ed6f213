/**
 * A volume replaced under running pods: the PersistentVolume behind a claim the pods mount was
 * created after they mounted it (re-created with a new volumeHandle: another file system, access
 * point or export), and their file operations under the mount fail with ESTALE (errno 116,
 * "Stale file handle"). The kubelet never remounts a running pod's volume, so the pods keep the
 * dead mount, stay Ready on probes that do not touch it, and only a restart remounts the claim.
 * The same for an NFS share served from inside the cluster (a Service of the namespace, by its
 * cluster IP or name) whose server pod was re-created after the pods mounted it: a new server
 * (another fsid, another file system under the export) does not know their file handles, while a
 * pod started since mounted afresh and works.
 */
import type { PersistentVolumeEvidence, PodEvidence, PvcEvidence, TriageEvidence, VolumeMountEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { truncate } from '../../text.js';
import { findServiceOf } from '../down-service.js';
import { resolveVolume } from '../volume-server.js';

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
  return findStaleMounts(ev).flatMap(({ pod, born, mount, lines }) => {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    const claim = volume?.source === 'pvc' ? ev.pvcs.find((c) => c.name === volume.ref) : undefined;
    const pv = claim?.volumeName === undefined ? undefined : ev.volumes?.find((v) => v.name === claim.volumeName);
    // Replaced: the volume object is younger than the pod's mount of the claim.
    if (claim === undefined || pv?.createdAt === undefined || msBetween(born, pv.createdAt) <= 0) return [];
    return [{ pod, mount, claim, pv, lines }];
  });
}

/** The stale lines of each current log, with its pod and the mounts their paths lie under. */
function findStaleMounts(ev: Pick<TriageEvidence, 'logs' | 'pods'>): { pod: PodEvidence; born: string; mount: VolumeMountEvidence; lines: string[] }[] {
  return ev.logs.filter((l) => !l.previous).flatMap((l) => {
    const pod = ev.pods.find((p) => p.name === l.pod);
    const born = pod?.startTime ?? pod?.createdAt;
    const container = pod?.containers.find((c) => c.name === l.container);
    if (pod === undefined || born === undefined || container === undefined) return [];
    const stale = l.lines.filter((x) => STALE.test(x));
    if (stale.length < MIN_LINES) return [];
    const paths = stale.flatMap((x) => [...x.matchAll(PATH)].map((m) => m[1] ?? ''));
    return unique(paths.flatMap((p) => mountOf(container.volumeMounts ?? [], p) ?? [])).map((mount) => ({ pod, born, mount, lines: stale }));
  });
}

/** The NFS export a pod volume mounts (inline, or through its claim's PersistentVolume), split into server and path. */
function findExport(ev: TriageEvidence, pod: PodEvidence, volume: string): { server: string; path: string } | undefined {
  const { pv, inline } = resolveVolume(ev, [pod], volume);
  const m = inline === undefined ? null : /^(\[[^\]]+\]|[^:]+):(\/.*)$/.exec(inline);
  return pv?.nfs ?? (m?.[1] && m[2] ? { server: m[1], path: m[2] } : undefined);
}

/** Services of the namespace that serve an NFS share the pods' logs find stale: their pods are read for when they started (at most one). */
export function pickStaleShareServers(ev: TriageEvidence): string[] {
  const names = findStaleMounts(ev).flatMap((h) => {
    const exported = findExport(ev, h.pod, h.mount.name);
    const svc = exported ? findServiceOf(ev, exported.server) : undefined;
    return svc && Object.keys(svc.selector).length > 0 ? [svc.name] : [];
  });
  return unique(names).slice(0, 1);
}

/** A share whose in-cluster server pod started after the pods that log it stale mounted it. */
interface ServerHit { pods: PodEvidence[]; mount: VolumeMountEvidence; lines: string[]; export: { server: string; path: string }; service: string; server: PodEvidence; since: string }

function findServerHit(ev: TriageEvidence): ServerHit | undefined {
  for (const h of findStaleMounts(ev)) {
    const exported = findExport(ev, h.pod, h.mount.name);
    const svc = exported ? findServiceOf(ev, exported.server) : undefined;
    const serving = (ev.volumeServerPods ?? []).find((s) => s.service === svc?.name)?.pods.filter((p) => p.deletionTimestamp === undefined) ?? [];
    // The newest serving pod's start: when the share got its present server.
    const server = serving.filter((p) => (p.startTime ?? p.createdAt) !== undefined).sort((a, b) => msBetween(b.startTime ?? b.createdAt ?? '', a.startTime ?? a.createdAt ?? ''))[0];
    const since = server?.startTime ?? server?.createdAt;
    if (exported === undefined || svc === undefined || server === undefined || since === undefined || msBetween(h.born, since) <= 0) continue;
    const same = findStaleMounts(ev).filter((x) => x.mount.name === h.mount.name && msBetween(x.born, since) > 0);
    return { pods: unique(same.map((x) => x.pod)), mount: h.mount, lines: h.lines, export: exported, service: svc.name, server, since };
  }
  return undefined;
}

/** The share's in-cluster NFS server was re-created after the pods mounted it: their handles are stale, a pod started since works. */
function describeServerRecreated(ev: TriageEvidence, s: ServerHit): Finding {
  const mounts = (p: PodEvidence) => p.volumes?.some((v) => v.name === s.mount.name && (v.source === 'nfs' || v.source === 'pvc')) ?? false;
  // Every pod that mounted the share before the server came back holds the dead handles, logged or not.
  const holders = unique([...s.pods, ...ev.pods.filter((p) => mounts(p) && msBetween(p.startTime ?? p.createdAt ?? s.since, s.since) > 0)]);
  const fresh = ev.pods.filter((p) => mounts(p) && !holders.includes(p) && !s.pods.includes(p));
  const names = holders.map((p) => p.name);
  const owner = s.server.ownerWorkload ? ` of ${s.server.ownerWorkload.kind} ${s.server.ownerWorkload.name}` : '';
  const ago = formatAgo(s.since, ev.collectedAt);
  // The exports file its pod mounts from a ConfigMap, changed since the clients mounted: the new export (its fsid) is what they do not know.
  const configMaps = (s.server.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref ? [v.ref] : []));
  const edited = (ev.namespaceObjects ?? []).find((o) => o.kind === 'ConfigMap' && configMaps.includes(o.name) && o.changedAt !== undefined && holders.every((p) => msBetween(p.startTime ?? p.createdAt ?? '', o.changedAt ?? '') > 0));
  const freshText = fresh.length > 0 ? `; ${fresh.length} pod${fresh.length === 1 ? '' : 's'} started since mounted it afresh and ${fresh.length === 1 ? 'works' : 'work'}` : '';
  const restart = names.length <= 3 ? formatKubectl(ev.target, `delete pod ${names.join(' ')}`) : formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const fix = `restart the pods that hold the old mount (${restart}) so the kubelet mounts the share from the new server; keep the export's identity stable across re-creations (a fixed fsid= in its exports, the same volume under it)`;
  return {
    id: `volume-replaced/nfs-server/${s.service}`,
    kind: 'volume-replaced',
    title: `Stale file handle (ESTALE) on the NFS share at ${s.mount.mountPath} of ${holders.length} running pod${holders.length === 1 ? '' : 's'}: its server ${s.service} (pod ${s.server.name}${owner}) was re-created ${ago}, after they mounted it${freshText}`,
    layer: 'storage',
    severity: severityForPods(ev, holders.length),
    confidence: 'high',
    evidence: [
      `NFS share ${s.export.server}:${s.export.path} is served by Service ${s.service}; its pod ${s.server.name}${owner} started ${s.since} (${ago})`,
      ...holders.slice(0, 3).map((p) => `pod ${p.name} started ${p.startTime ?? p.createdAt ?? '?'} (${formatAgo(p.startTime ?? p.createdAt ?? s.since, ev.collectedAt)}), mounting the share at ${s.mount.mountPath} before the server was re-created`),
      ...fresh.slice(0, 2).map((p) => `pod ${p.name} started ${formatAgo(p.startTime ?? p.createdAt ?? s.since, ev.collectedAt)}, after the server: no stale handle in its log`),
      ...(edited?.changedAt ? [`ConfigMap ${edited.name} (the server's exports) last changed ${formatAgo(edited.changedAt, ev.collectedAt)}`] : []),
      ...s.lines.slice(-1).map((l) => `log ${s.pods[0]?.name ?? ''}: ${l.trim()}`),
    ],
    decisive: truncate((s.lines.at(-1) ?? '').trim(), 300),
    likelyCause:
      `The NFS server behind Service ${s.service} was re-created ${ago} (its pod ${s.server.name} is new) while these pods held the mount they made from the old one. ` +
      'An NFS file handle names the export by its fsid and the file by its inode: a new server (another fsid, another file system under the export) does not know the handles the clients hold, so every file operation under the mount fails with ESTALE (errno 116, "Stale file handle"). ' +
      `The kubelet never remounts a running pod's volume, so those pods keep the dead mount and stay Running${fresh.length > 0 ? ', while pods started since mounted the new server and work' : ''}. The pods' revision is not at fault.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    outsideWorkload: `the NFS server ${s.service} was re-created under the running pods; any revision fails the same way until they remount the share`,
    confirmCommands: [formatKubectl(ev.target, `get pods -l ${Object.entries(ev.services.find((x) => x.name === s.service)?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',')} -o wide`), describePodCommand(ev.target, names[0] ?? '')],
    affected: { pods: names, nodes: listNodesOf(holders), services: [s.service], ...(edited ? { configMaps: [edited.name] } : {}) },
  };
}

export function analyzeVolumeReplaced(ev: TriageEvidence): Finding[] {
  const server = findServerHit(ev);
  if (server !== undefined) return [describeServerRecreated(ev, server)];
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
