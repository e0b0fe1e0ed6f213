/**
 * A filesystem out of inodes, in the words of the process that writes to it: its own usage report
 * ("inodes 1000 of 1000 used", "inodes used: 1000/1000"), a `df -i` row at 100% IUse, or a plain
 * "out of inodes". ENOSPC then means no file slot is left, not no byte: a volume can fail every
 * file creation with half its bytes free when it holds millions of small files.
 */

export interface InodeExhaustion {
  /** The line that says so, trimmed. */
  line: string;
  used?: number;
  total?: number;
}

const COUNTS = /\binodes?\b[^\d\n]{0,24}(\d[\d,]*)\s*(?:of|\/)\s*(\d[\d,]*)/i;
const WORDS = /\b(?:out of inodes|no (?:free |more )?inodes(?: left| available)?|inodes? (?:table )?(?:is |are )?(?:full|exhausted)|ran out of inodes|inode exhaustion)\b/i;
/** A `df -i` row: Filesystem Inodes IUsed IFree IUse% Mounted-on. */
const DF_ROW = /^\s*\S+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d{1,3})%\s+(\/\S*)\s*$/;
const DF_HEADER = /\bIUsed\b.*\bIUse%/;
/** At least this share of the inodes used counts as none left (a few may stay reserved). */
const FULL_SHARE = 0.999;

function toNumber(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** Whether the path a line names (if any) lies under, or contains, `mountPath`: a line about another mount is not this one's. */
function aboutMount(line: string, mountPath: string | undefined): boolean {
  if (mountPath === undefined) return true;
  const paths = line.match(/(?<![\w.])\/[\w.\-/]+/g) ?? [];
  if (paths.length === 0) return true;
  const root = mountPath.replace(/\/+$/, '');
  return paths.some((p) => p === root || p.startsWith(`${root}/`) || root.startsWith(`${p.replace(/\/+$/, '')}/`));
}

/**
 * The newest line of `lines` saying the filesystem (behind `mountPath`, when the line names a
 * path) has no inodes left; undefined when none says so, or the counts show inodes to spare.
 */
export function findInodeExhaustion(lines: readonly string[], mountPath?: string): InodeExhaustion | undefined {
  const dfTable = lines.some((l) => DF_HEADER.test(l));
  for (const raw of [...lines].reverse()) {
    const line = raw.trim();
    if (!aboutMount(line, mountPath)) continue;
    const df = dfTable ? DF_ROW.exec(line) : null;
    if (df) {
      const total = toNumber(df[1] ?? '0');
      const used = toNumber(df[2] ?? '0');
      if (total > 0 && (toNumber(df[3] ?? '1') === 0 || used / total >= FULL_SHARE)) return { line, used, total };
      continue;
    }
    const counts = COUNTS.exec(line);
    if (counts) {
      const used = toNumber(counts[1] ?? '0');
      const total = toNumber(counts[2] ?? '0');
      if (total > 0 && used / total >= FULL_SHARE) return { line, used, total };
      continue;
    }
    if (WORDS.test(line)) return { line };
  }
  return undefined;
}
