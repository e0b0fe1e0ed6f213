// "Did you mean …?": names within a few typos of one that does not exist, or sharing a long prefix
// ("payment" → "payment-service"), closest first. For /triage NAME and for names a pod spec refers to.
// And the one name `/triage NAME` surely means though none is called NAME: the stem an on-call
// engineer types for a Job named with its release ("orders-migrate" → "orders-migrate-2-4-0").

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, substitution));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Typos allowed: one in a short name, two in a medium one, three in a long one. */
function allowedDistance(length: number): number {
  if (length <= 4) return 1;
  if (length <= 12) return 2;
  return 3;
}

/**
 * Candidates that look like `wanted`, best first, at most `max`, without duplicates or `wanted`
 * itself. Close: within allowedDistance() edits, or a shared prefix of at least 4 characters
 * covering at least half of the shorter name (so "pay" does not match every "pay…" service).
 */
export function rankNearNames(wanted: string, candidates: Iterable<string>, max = 5): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; typo: boolean; distance: number; prefix: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name)) continue;
    seen.add(name);
    const n = name.toLowerCase();
    if (n === w) continue;
    const distance = editDistance(w, n);
    const prefix = sharedPrefix(w, n);
    const typo = distance <= allowedDistance(w.length);
    const prefixed = prefix >= 4 && prefix * 2 >= Math.min(w.length, n.length);
    if (typo || prefixed) scored.push({ name, typo, distance, prefix });
  }
  // Typos first (fewest edits first), then prefix matches (longest shared prefix first).
  scored.sort(
    (a, b) =>
      Number(b.typo) - Number(a.typo) ||
      (a.typo ? a.distance - b.distance || b.prefix - a.prefix : b.prefix - a.prefix || a.distance - b.distance) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return scored.slice(0, max).map((s) => s.name);
}

/** A workload a prefix may choose: its kind, where it is, and when it was made (to pick a Job family's newest). */
export interface PrefixCandidate {
  kind: string;
  namespace: string;
  name: string;
  createdAt?: string | undefined;
}

/**
 * A segment a release or a controller appends to a name: a version or run number ("2", "30", "v41",
 * "rc1", "20240611") or a generated suffix (five characters of the API server's vowel-free alphabet).
 */
function isVersionSegment(segment: string): boolean {
  return /\d/.test(segment) || /^[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(segment);
}

/**
 * The workload `wanted` means when none is called that: the only one named `wanted-…`, or the
 * newest of one Job family (Jobs of one namespace named `wanted-` plus version segments only:
 * the runs of one migration or batch per release). Several unrelated matches choose nothing:
 * guessing among them would triage the wrong workload. `among` counts the names that matched.
 */
export function chooseByNamePrefix<T extends PrefixCandidate>(wanted: string, candidates: readonly T[]): { chosen: T; among: number } | undefined {
  const stem = `${wanted}-`;
  const matches = candidates.filter((c) => c.name.startsWith(stem));
  const [first] = matches;
  if (first === undefined) return undefined;
  if (matches.length === 1) return { chosen: first, among: 1 };
  const family = matches.every(
    (c) => c.kind === 'Job' && c.namespace === first.namespace && c.createdAt !== undefined && c.name.slice(stem.length).split('-').every(isVersionSegment),
  );
  if (!family) return undefined;
  const newest = [...matches].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name))[0] ?? first;
  return { chosen: newest, among: matches.length };
}
