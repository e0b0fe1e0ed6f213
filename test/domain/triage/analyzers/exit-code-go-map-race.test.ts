import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { findCodeDefect } from '../../../../src/domain/triage/code-defect-crash.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, terminated, workload } from '../scenarios/builders.js';

const TRACE = [
  'fatal error: concurrent map writes',
  '',
  'goroutine 2291877 [running]:',
  'github.com/acme/pricing/internal/rates.(*Cache).Put(...)',
  '\t/src/internal/rates/cache.go:61',
  'github.com/acme/pricing/internal/quote.(*Pricer).convert(0xc0003c2000, {0xc01b2e1f40, 0x3})',
  '\t/src/internal/quote/pricer.go:188 +0x2f4',
  'created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 2291850',
  '\t/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:75 +0x96',
];

/** Crashed runs: restarts, minutes since the last exit, and how long that run lasted (seconds). */
const RUNS = [
  { restarts: 5, finishedAgo: 12, ran: 2460 },
  { restarts: 3, finishedAgo: 38, ran: 3910 },
  { restarts: 6, finishedAgo: 4.5, ran: 1325 },
  { restarts: 4, finishedAgo: 71, ran: 5080 },
];

/** Four pods of `rev` started `podsAgo` minutes ago, each exiting 2 on a map race after the runs above; `rev` rolled out `rolledAgo` minutes ago. */
function mapRace(opts: { rolledAgo: number; podsAgo: number; runs?: typeof RUNS; previousAgo?: number }): TriageEvidence {
  const runs = opts.runs ?? RUNS;
  const pods: PodEvidence[] = runs.map((r, i) =>
    pod(i, {
      revisionHash: REV7.hash,
      createdAt: minutesAgo(opts.podsAgo - i * 0.7),
      startTime: minutesAgo(opts.podsAgo - i * 0.7),
      containers: [container({ image: IMAGE_V15, state: running(r.finishedAgo - 0.05), lastState: terminated(2, 'Error', r.finishedAgo, { runSeconds: r.ran }), restartCount: r.restarts })],
    }),
  );
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4, currentRevision: 7, templateContainers: [container({ image: IMAGE_V15 })] }),
    revisions: [
      revision(REV6, minutesAgo(opts.previousAgo ?? 12 * 24 * 60)),
      revision(REV7, minutesAgo(opts.rolledAgo), { replicas: 4, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    logs: [{ pod: pods[2]?.name ?? '', container: 'app', previous: true, lines: ['{"level":"info","msg":"quote served"}', ...TRACE] }],
  });
}

describe('a Go map race: crashes that wait for load date from the revision the pods started with', () => {
  it('reads the runtime\'s line and the frame of the trace', () => {
    expect(findCodeDefect(TRACE)).toEqual({ line: 'fatal error: concurrent map writes', what: 'concurrent map writes', race: true, frame: '(*Cache).Put (cache.go:61)' });
    expect(findCodeDefect(['panic: runtime error: invalid memory address or nil pointer dereference'])).toBeUndefined();
  });

  it('names the race, and the revision rolled out 7h ago as the since: every crash came under it, all through its pods\' life', () => {
    const ev = mapRace({ rolledAgo: 7 * 60 + 5, podsAgo: 7 * 60 + 4 });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toMatch(/goroutines use one map without a lock in \(\*Cache\)\.Put \(cache\.go:61\)/);
    expect(f?.decisive).toBe('fatal error: concurrent map writes');
    expect(f?.onset).toBe(minutesAgo(7 * 60 + 4));
    expect(f?.evidence.join('\n')).toMatch(/every crash happened under revision 7: its 4 pods restarted 18 times since its rollout, each run ending after 22m–1h 24m of running, none at start/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(7h 5m ago: app image 2\.14\.0 → 2\.15\.0\)/);
    expect(report.headline).toMatch(/Roll back to revision 6, or guard the map used in \(\*Cache\)\.Put \(cache\.go:61\) with a sync\.Mutex/);
  });

  it('blames no old revision when the crashes are packed into the end of its pods\' life', () => {
    // Pods 3 days old, crashing every ~10 minutes lately: something else changed, not the rollout of 3 days ago.
    const runs = RUNS.map((r) => ({ ...r, ran: 600, finishedAgo: Math.min(r.finishedAgo, 20) }));
    const ev = mapRace({ rolledAgo: 3 * 24 * 60 + 5, podsAgo: 3 * 24 * 60, runs });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toMatch(/goroutines use one map without a lock/);
    expect(f?.onset).toBeUndefined();
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/Since revision 7|roll(ing)? ?back/i);
  });

  it('blames no revision whose predecessor ran a shorter time than it has: the old one may have crashed the same way', () => {
    const ev = mapRace({ rolledAgo: 7 * 60 + 5, podsAgo: 7 * 60 + 4, previousAgo: 9 * 60 });
    expect(analyzeExitCodes(ev)[0]?.onset).toBeUndefined();
  });

  it('blames no revision that left the crashing container as it was', () => {
    const ev = mapRace({ rolledAgo: 7 * 60 + 5, podsAgo: 7 * 60 + 4 });
    const same = { ...ev, revisions: ev.revisions.map((r) => ({ ...r, containers: [revisionContainer({ image: IMAGE_V14 })] })) };
    expect(analyzeExitCodes(same)[0]?.onset).toBeUndefined();
  });
});
