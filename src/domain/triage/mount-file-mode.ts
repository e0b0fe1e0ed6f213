/**
 * "Permission denied" on a file of a ConfigMap, Secret or projected volume: the kubelet writes those
 * files owned by root (group: the pod's fsGroup, else root) with the volume's defaultMode, so a
 * process that runs as another user reads them only through the group bits (with fsGroup) or the
 * others bits. A mode without them locks the app out of its own config. The classic slip is a
 * mode written in decimal where octal was meant: `defaultMode: 400` in YAML is the number 400,
 * octal 0620 (rw--w----), not 0400; the API server takes it as it is. The file is fine; its mode
 * is not.
 */
import type { PodEvidence, RevisionEvidence, VolumeEvidence } from './evidence.js';
import { podsRevisionContainer } from './revision-diff.js';
import { parseSecurityContext } from './security-context.js';
import { findDeepestMount } from './mount-path.js';
import { DENIED } from './volume-ownership.js';

export interface MountFileMode {
  /** The refused file and the volume it lies on. */
  path: string;
  volume: VolumeEvidence;
  /** The files' mode in octal ("0620"); "0644" when the spec sets none. */
  mode: string;
  /** The user the process runs as, when the spec says it. */
  uid?: number;
  /** The pod's fsGroup: the files' group, when set. */
  fsGroup?: number;
  /** The mode's number, when its decimal digits read as the octal mode that was surely meant (400 → 0400). */
  decimalSlip?: { written: number; meant: string };
  /** The revision that set this mode, and the readable one before it. */
  changedBy?: { revision: number; previous: number; was: string };
  line: string;
}

/** The sources whose files the kubelet writes with the volume's mode, owned by root. */
const MODED: ReadonlySet<VolumeEvidence['source']> = new Set(['configMap', 'secret', 'projected']);
/** The 0644 the API server fills in when the spec sets no defaultMode. */
const DEFAULT_MODE = '0644';
/** Absolute paths as runtimes print them: bare, quoted, after "open", before a colon. */
const PATH = /(?:^|[\s'"`(=:])(\/[^\s'"`(),:;]+)/g;

/** "rw--w----": a mode as `ls -l` shows it. */
export function symbolicMode(octal: string): string {
  const n = parseInt(octal, 8);
  return [6, 3, 0].map((s) => ((n >> s) & 7)).map((b) => `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`).join('');
}

/**
 * The octal mode a mode's number was surely meant as, when its decimal digits read as one: three
 * octal digits, the owner's at least readable, none of the others write- or execute-only (400, 440,
 * 444, 500 …). 256 (= 0400) does not read as one: it was written right.
 */
export function readDecimalSlip(octal: string): { written: number; meant: string } | undefined {
  const written = parseInt(octal, 8);
  const digits = String(written);
  if (!/^[4-7][0457][0457]$/.test(digits) || `0${digits}` === octal) return undefined;
  return { written, meant: `0${digits}` };
}

/** Whether a process of this user and these groups reads a root-owned file of this mode (group: fsGroup, else root). */
function canRead(mode: string, uid: number | undefined, groups: readonly number[], fsGroup: number | undefined): boolean {
  const n = parseInt(mode, 8);
  if (uid === 0) return true;
  const fileGroup = fsGroup ?? 0;
  if (groups.includes(fileGroup) || fsGroup !== undefined) return (n & 0o040) !== 0;
  return (n & 0o004) !== 0;
}

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/**
 * The file `container` of these pods is refused on a ConfigMap, Secret or projected volume whose
 * mode does not let the process's user read it, and the revision that set that mode. Undefined
 * when no refusal names a file on such a volume, the process runs as root, or the mode lets it read
 * (then the refusal is about something else).
 */
export function findMountFileMode(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], container: string, lines: readonly string[]): MountFileMode | undefined {
  const { rev, before, container: c } = podsRevisionContainer(revisions, pods, container);
  if (rev === undefined || c === undefined) return undefined;
  const podSc = parseSecurityContext(rev.template?.securityContext);
  const sc = parseSecurityContext(c.securityContext);
  const uid = asNumber(sc['runAsUser']) ?? asNumber(podSc['runAsUser']);
  if (uid === 0) return undefined;
  const fsGroup = asNumber(podSc['fsGroup']);
  const gid = asNumber(sc['runAsGroup']) ?? asNumber(podSc['runAsGroup']);
  const supplemental = Array.isArray(podSc['supplementalGroups']) ? (podSc['supplementalGroups'] as unknown[]).map(asNumber).filter((g): g is number => g !== undefined) : [];
  const groups = [...(gid === undefined ? [] : [gid]), ...supplemental];
  const volumes = rev.template?.volumes ?? pods[0]?.volumes ?? [];

  for (const line of lines.filter((l) => DENIED.test(l)).reverse()) {
    for (const m of line.matchAll(PATH)) {
      const path = (m[1] ?? '').replace(/[.'"]+$/, '');
      const mount = findDeepestMount(path, c.volumeMounts ?? []);
      const volume = mount && volumes.find((v) => v.name === mount.name);
      if (volume === undefined || !MODED.has(volume.source)) continue;
      const mode = volume.mode ?? DEFAULT_MODE;
      if (canRead(mode, uid, groups, fsGroup)) continue;
      const was = before?.template?.volumes.find((v) => v.name === volume.name)?.mode ?? DEFAULT_MODE;
      const changedBy = was !== mode && canRead(was, uid, groups, fsGroup) ? { revision: rev.revision, previous: before?.revision ?? 0, was } : undefined;
      const decimalSlip = volume.mode === undefined ? undefined : readDecimalSlip(mode);
      return {
        path, volume, mode, line: line.trim(),
        ...(uid !== undefined ? { uid } : {}), ...(fsGroup !== undefined ? { fsGroup } : {}),
        ...(decimalSlip ? { decimalSlip } : {}), ...(changedBy ? { changedBy } : {}),
      };
    }
  }
  return undefined;
}

/** How a crash reading tells it: the clause after the title, cause, action, fix and evidence. */
export function tellMountFileMode(f: MountFileMode): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange?: true } {
  const who = f.uid !== undefined ? `uid ${f.uid}` : 'its non-root user';
  const slip = f.decimalSlip;
  const written = slip ? `defaultMode ${slip.written}, a decimal number: octal ${f.mode}` : `mode ${f.mode}`;
  const title = `: volume ${f.volume.name} mounts ${f.path} ${written} (${symbolicMode(f.mode)}), which ${who} cannot read`;
  const owner = `The kubelet writes the files of ${f.volume.source} ${f.volume.ref ?? f.volume.name} owned by root (group ${f.fsGroup ?? 'root'}) with the volume's defaultMode`;
  const slipSays = slip
    ? ` The manifest says defaultMode ${slip.written}, surely meant as octal ${slip.meant}; but YAML and JSON read ${slip.written} as a decimal number, which is ${f.mode} in octal. Written right (${slip.meant} in YAML, ${parseInt(slip.meant, 8)} in JSON) it would still leave a root-owned file to root alone unless the process runs as root.`
    : '';
  // Octal 0400 (the usual intent) still leaves a root-owned file to root alone: a non-root process needs the group bits with fsGroup.
  const fix = `set defaultMode to 0440 written in octal (288 in JSON) with the pod's securityContext.fsGroup${f.uid !== undefined ? ` (e.g. ${f.uid})` : ''}, or 0444 (292)`;
  return {
    title,
    cause: `${owner}, so a process running as ${who} reads them only through the ${f.fsGroup !== undefined ? 'group' : 'others'} bits, and ${f.mode} (${symbolicMode(f.mode)}) gives none.${slipSays} The file itself is fine: its mode refuses it.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${f.changedBy ? `; rolling back to revision ${f.changedBy.previous} (mode ${f.changedBy.was}) restores it meanwhile` : ''}.`,
    fix,
    evidence: [
      `${f.path} lies on volume ${f.volume.name} (${f.volume.source} ${f.volume.ref ?? ''}), defaultMode ${parseInt(f.mode, 8)} = octal ${f.mode} (${symbolicMode(f.mode)}); the process runs as ${who}${f.fsGroup !== undefined ? `, fsGroup ${f.fsGroup}` : ', no fsGroup'}`,
      ...(f.changedBy ? [`revision ${f.changedBy.previous} mounted it mode ${f.changedBy.was} (${symbolicMode(f.changedBy.was)})`] : []),
    ],
    ...(f.changedBy ? { datesChange: true as const } : {}),
  };
}
