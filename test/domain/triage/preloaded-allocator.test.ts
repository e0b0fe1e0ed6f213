// A process that aborts (or segfaults) under LD_PRELOAD of a replacement allocator: glibc's heap
// checks stop it when memory crosses the two allocators. The preload is the mechanism and removing
// it the fix — never "fix what the abort message names", never a memory limit.
import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findPreloadedAllocator } from '../../../src/domain/triage/preloaded-allocator.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, revision, revisionContainer, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:00Z' };
const PRELOAD: EnvVarEvidence = { name: 'LD_PRELOAD', value: '/usr/lib/libtcmalloc_minimal.so.4' };
const ABORT = ['INFO worker 3 booting', 'INFO loading tokenizer vocab (native extension)', 'munmap_chunk(): invalid pointer', 'Aborted (core dumped)'];

function evidence(opts: { before: EnvVarEvidence[]; lines: string[] }): TriageEvidence {
  const env = [{ name: 'LOG_LEVEL', value: 'info' }, PRELOAD];
  const failing = [0, 1].map((i) => pod(i, {
    revisionHash: REV7.hash,
    ready: false,
    createdAt: minutesAgo(25),
    containers: [crashLooping(`p${i}`, terminated(134, 'Error', 1, { runSeconds: 4 }), 7, { env })],
  }));
  return baseEvidence({
    pods: [...failing, pod(2), pod(3), pod(4)],
    revisions: [
      revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: [{ name: 'LOG_LEVEL', value: 'info' }, ...opts.before] })] }),
      revision(REV7, minutesAgo(26), { containers: [revisionContainer({ env })] }),
    ],
    logs: failing.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: opts.lines })),
  });
}

describe('findPreloadedAllocator', () => {
  it('finds the preload a revision added, with the heap check\'s line, and names the allocator', () => {
    const found = findPreloadedAllocator({ env: [PRELOAD], lines: ABORT, revisions: evidence({ before: [], lines: ABORT }).revisions, revisionHash: REV7.hash, container: 'app' });
    expect(found).toMatchObject({ preload: PRELOAD.value, allocator: 'tcmalloc', line: 'munmap_chunk(): invalid pointer', revision: 7, previous: 6 });
  });

  it('reads a long-standing preload only when the log shows an allocator\'s failure, and nothing without a preload', () => {
    const revisions = evidence({ before: [PRELOAD], lines: [] }).revisions;
    expect(findPreloadedAllocator({ env: [PRELOAD], lines: ['panic: assertion failed in cache.go'], revisions, revisionHash: REV7.hash, container: 'app' })).toBeUndefined();
    expect(findPreloadedAllocator({ env: [PRELOAD], lines: ['double free or corruption (out)'], revisions, revisionHash: REV7.hash, container: 'app' })).toMatchObject({ line: 'double free or corruption (out)' });
    expect(findPreloadedAllocator({ env: [], lines: ABORT, revisions, revisionHash: REV7.hash, container: 'app' })).toBeUndefined();
  });
});

describe('an abort under a preloaded allocator', () => {
  it('names LD_PRELOAD and its removal in the headline, with the revision that added it, and no memory limit', () => {
    const r = buildTriageReport(evidence({ before: [], lines: ABORT }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/LD_PRELOAD of libtcmalloc_minimal\.so\.4/);
    expect(r.headline).toMatch(/remove LD_PRELOAD/);
    expect(r.headline).toContain('munmap_chunk(): invalid pointer');
    expect(r.headline).not.toMatch(/fix what the abort message names/);
    const claims = [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/\bOOM|(raise|increase) (the )?memory/i);
  });
});
