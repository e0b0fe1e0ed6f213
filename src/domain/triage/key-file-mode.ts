/**
 * A private key refused for its file mode: ssh ignores a key others can read ("Permissions 0644
 * for '/etc/git-secret/ssh' are too open", "Load key …: bad permissions"), Postgres and others
 * refuse one with group or world access. Mounted from a Secret volume, the mode is the volume's
 * defaultMode (or its items' mode), which the API server sets to 0644 when the spec leaves it out:
 * a revision that dropped defaultMode 0400 makes every new pod's key "too open". The key itself is
 * fine; the fix is the mode.
 */
import type { PodEvidence, RevisionEvidence, VolumeEvidence } from './evidence.js';
import { podsRevisionContainer } from './revision-diff.js';

export interface KeyFileMode {
  /** The refused key file and the volume it lies on. */
  path: string;
  volume: VolumeEvidence;
  /** The mode the refusal reports, else the volume's ("0644" when the spec sets none). */
  mode: string;
  /** The revision that took away the stricter mode, and that mode. */
  loosenedBy?: { revision: number; previous: number; was: string };
  /** The refusal as the tool printed it. */
  line: string;
}

/** The refusals, each with the path they name (quoted or not) and, for ssh's, the mode it saw. */
const REFUSALS: readonly RegExp[] = [
  /Permissions (0[0-7]{3}) for '([^']+)' are too open/,
  /Load key "?([^":]+)"?: bad permissions/,
  /private key file "([^"]+)" has group or world access/,
];

/** The 0644 the API server fills in when a Secret or ConfigMap volume sets no defaultMode. */
const DEFAULT_MODE = '0644';

/**
 * Log lines with the multi-line output a structured logger escaped into one field (git-sync's
 * `stderr: "…\n…"`) split back into lines, so the tool's own refusal can be read.
 */
export function splitEmbeddedOutput(lines: readonly string[]): string[] {
  return lines.flatMap((l) => l.split(/(?:\\)+n/));
}

function findRefusal(lines: readonly string[]): { path: string; mode?: string; line: string } | undefined {
  const all = splitEmbeddedOutput(lines);
  for (const re of REFUSALS) {
    for (const l of all) {
      const m = re.exec(l);
      if (m === null) continue;
      const [mode, path] = m.length === 3 ? [m[1], m[2]] : [undefined, m[1]];
      if (path === undefined) continue;
      return { path: path.trim(), ...(mode === undefined ? {} : { mode }), line: l.replace(/^[\s"@\\]+|[\s"@\\]+$/g, '').trim() };
    }
  }
  return undefined;
}

/**
 * The key `container` of these pods refuses for its mode, on a Secret (or projected, ConfigMap)
 * volume it mounts, and the revision that loosened that volume's mode. Undefined when no refusal
 * is logged or its path lies on no such volume.
 */
export function findKeyFileMode(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], container: string, lines: readonly string[]): KeyFileMode | undefined {
  const refusal = findRefusal(lines);
  if (refusal === undefined) return undefined;
  const { rev, before, container: c } = podsRevisionContainer(revisions, pods, container);
  const mount = (c?.volumeMounts ?? [])
    .filter((m) => refusal.path === m.mountPath || refusal.path.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = mount === undefined ? undefined : (rev?.template?.volumes ?? pods[0]?.volumes ?? []).find((v) => v.name === mount.name);
  if (volume === undefined || !['secret', 'projected', 'configMap'].includes(volume.source)) return undefined;
  const now = volume.mode ?? DEFAULT_MODE;
  const was = before?.template?.volumes.find((v) => v.name === volume.name)?.mode ?? DEFAULT_MODE;
  const loosened = was !== now ? { revision: rev?.revision ?? 0, previous: before?.revision ?? 0, was } : undefined;
  return { path: refusal.path, volume, mode: refusal.mode ?? now, ...(loosened ? { loosenedBy: loosened } : {}), line: refusal.line };
}

/** "0400 (256)": the octal mode as written in YAML, and the decimal JSON needs. */
export function formatMode(octal: string): string {
  return `${octal} (${parseInt(octal, 8)})`;
}

/** How a crash reading tells it: the clause after the title, cause, action and fix. */
export function tellKeyFileMode(k: KeyFileMode): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange?: true } {
  const strict = k.loosenedBy?.was ?? '0400';
  const lost = k.loosenedBy ? `the key volume ${k.volume.name} lost defaultMode ${k.loosenedBy.was} in revision ${k.loosenedBy.revision} (now ${k.mode})` : `the key volume ${k.volume.name} mounts it mode ${k.mode}`;
  const fix = `set defaultMode ${formatMode(strict)} on volume ${k.volume.name} again`;
  return {
    title: `: ${lost}, and the private key ${k.path} is refused as readable by others`,
    cause: `ssh (and other TLS/SSH clients) ignore a private key whose file others can read. The key is mounted from ${k.volume.source} ${k.volume.ref ?? k.volume.name}, whose files take the volume's defaultMode; left out, the API server sets ${formatMode(DEFAULT_MODE)}. The key itself is not at fault: its mode is.`,
    action: `Set defaultMode: ${strict} (${parseInt(strict, 8)} in JSON) on volume ${k.volume.name}${k.loosenedBy ? `; rolling back to revision ${k.loosenedBy.previous} restores it meanwhile` : ''}.`,
    fix,
    evidence: [
      `${k.path} lies on volume ${k.volume.name} (${k.volume.source} ${k.volume.ref ?? ''}), mode ${k.mode}${k.volume.mode === undefined ? ' (no defaultMode: the default)' : ''}`,
      ...(k.loosenedBy ? [`revision ${k.loosenedBy.previous} mounted it mode ${k.loosenedBy.was}`] : []),
    ],
    ...(k.loosenedBy ? { datesChange: true as const } : {}),
  };
}
