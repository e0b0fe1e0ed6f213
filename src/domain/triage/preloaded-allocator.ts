/**
 * A process that aborts (SIGABRT) or segfaults under LD_PRELOAD of a library, most often a
 * replacement allocator (jemalloc, tcmalloc, mimalloc): memory one allocator handed out is freed
 * by the other (a native extension or a library loaded with its own allocator, a static one), and
 * glibc's heap checks abort the process ("free(): invalid pointer", "double free or corruption",
 * "munmap_chunk(): invalid pointer"), or the preloaded allocator refuses the node (jemalloc's page
 * size). The preload is the mechanism, not a memory limit: removing it (or rolling back the
 * revision that added it) is the fix, and the allocator is tried again only with its own build.
 */
import type { EnvVarEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** The heap checks of glibc, and the preloaded allocators' own fatal words, as the process prints them before it dies. */
const ALLOCATOR_ABORT = /free\(\): invalid (?:pointer|size)|double free or corruption|munmap_chunk\(\): invalid pointer|malloc\(\): (?:corrupted|unaligned|memory corruption|invalid)|realloc\(\): invalid|corrupted size vs\. prev_size|malloc_consolidate\(\)|Attempt to free invalid pointer|<jemalloc>: |tcmalloc\.cc:\d+\]|mimalloc: error|Unsupported system page size/i;
const ALLOCATOR = /jemalloc|tcmalloc|mimalloc|snmalloc|rpmalloc|hoard|scudo|tbbmalloc/i;

export interface PreloadedAllocator {
  /** The value of LD_PRELOAD in the failing pods' container. */
  preload: string;
  /** The allocator it names ("jemalloc"), when it names one. */
  allocator?: string;
  /** The line the heap check (or the allocator) died with, when logged. */
  line?: string;
  /** The revision that added or changed LD_PRELOAD, when the failing pods' revision did. */
  revision?: number;
  previous?: number;
}

function preloadOf(env: readonly EnvVarEvidence[] | undefined): string | undefined {
  const e = (env ?? []).find((x) => x.name === 'LD_PRELOAD');
  return e !== undefined && 'value' in e && e.value.trim() !== '' ? e.value.trim() : undefined;
}

/**
 * The preload behind an abort or segfault of `container`: LD_PRELOAD set in its env, and either
 * an allocator's failure in the log or the failing pods' revision added it. Undefined otherwise.
 */
export function findPreloadedAllocator(input: { env: readonly EnvVarEvidence[] | undefined; lines: readonly string[]; revisions: readonly RevisionEvidence[]; revisionHash: string | undefined; container: string }): PreloadedAllocator | undefined {
  const preload = preloadOf(input.env);
  if (preload === undefined) return undefined;
  const line = input.lines.slice(-60).map((l) => l.trim()).find((l) => ALLOCATOR_ABORT.test(l));
  const sorted = sortRevisions(input.revisions);
  const i = sorted.findIndex((r) => r.hash === input.revisionHash);
  const newer = sorted[i];
  const older = i >= 0 ? sorted[i + 1] : undefined;
  const before = older === undefined ? undefined : preloadOf(older.containers.find((c) => c.name === input.container)?.env);
  const added = newer !== undefined && older !== undefined && before !== preload;
  if (line === undefined && !added) return undefined;
  const allocator = ALLOCATOR.exec(preload)?.[0]?.toLowerCase();
  return { preload, ...(allocator ? { allocator } : {}), ...(line ? { line } : {}), ...(added ? { revision: newer.revision, previous: older.revision } : {}) };
}

/** How it is told: the preload as the mechanism, its removal as the fix, never a memory limit. */
export function tellPreloadedAllocator(p: PreloadedAllocator, container: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const lib = p.preload.split('/').at(-1) ?? p.preload;
  const since = p.revision !== undefined ? `, added in revision ${p.revision}` : '';
  const died = p.line ? ` ("${p.line.length > 80 ? `${p.line.slice(0, 77)}…` : p.line}")` : '';
  return {
    title: `: LD_PRELOAD of ${lib}${p.revision !== undefined ? ` (added in revision ${p.revision})` : ''} ${p.allocator ? `swaps in another allocator (${p.allocator}) and one allocator frees what the other handed out` : 'loads into the process and it dies there'}`,
    cause: `${container} runs with LD_PRELOAD=${p.preload}${since}${p.previous !== undefined ? ` (revision ${p.previous} ran the same code without it)` : ''}. ${p.allocator ? `A preloaded ${p.allocator} replaces malloc and free for everything the process loads, but a native library that allocates or frees through its own or glibc's allocator then hands memory across the two, and glibc's heap checks abort the process${died} (SIGABRT, exit 134; a segfault when nothing checks)` : `The preloaded library is loaded into every program the container runs, ahead of its own libraries, and the process dies in it${died}`}. The preload is the mechanism, not a memory limit (the process aborted itself; the kernel killed nothing) nor the application's code.`,
    action: `Remove LD_PRELOAD from ${container}'s env${p.revision !== undefined ? ` (roll back to revision ${p.previous ?? p.revision - 1} meanwhile)` : ''}; if the allocator is wanted, use a build of the process (or its native libraries) linked against it rather than preloading it into all of them.`,
    fix: `remove LD_PRELOAD (${lib}) from ${container}'s env`,
    evidence: [`env LD_PRELOAD=${p.preload}${since}`],
  };
}
