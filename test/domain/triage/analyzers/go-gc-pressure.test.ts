import { describe, expect, it } from 'vitest';
import { analyzeHeapPressure } from '../../../../src/domain/triage/analyzers/heap-pressure.js';
import { parseGcPressure } from '../../../../src/domain/triage/gc-pressure.js';
import { findHeapCut } from '../../../../src/domain/triage/heap-cut.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

/** The Go runtime's gctrace (GODEBUG=gctrace=1): the share of CPU spent in GC since start, the heap before → after → live. */
const trace = (k: number, pct: number, live = 590) => `gc ${4100 + k} @${(7100 + k * 0.4).toFixed(3)}s ${pct}%: 0.11+${410 + k}+0.08 ms clock, 0.44+0.9/1580/0.02+0.33 ms cpu, ${live + 4}->${live + 9}->${live} MB, ${live + 1} MB goal, 0 MB stacks, 1 MB globals, 4 P`;

const env = (limit?: string) => [{ name: 'GOGC', value: '100' }, ...(limit ? [{ name: 'GOMEMLIMIT', value: limit }] : [])];
const resources = { requests: { cpu: '1', memory: '512Mi' }, limits: { cpu: '1', memory: '1536Mi' } };

/** Three Go pods on revision 7, which added GOMEMLIMIT=460MiB 2h ago, tracing GC that eats most of the CPU over a ~590 MB live heap. */
function goLimitBelowHeap(pct = 78): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) =>
    pod(i, { revisionHash: REV7.hash, ready: i === 1, startTime: minutesAgo(120), createdAt: minutesAgo(121), containers: [container({ env: env('460MiB'), resources, state: running(120) })] }),
  );
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4].map((k) => trace(k, pct + k)) })),
    revisions: [
      revision(REV6, minutesAgo(60 * 24 * 9), { containers: [revisionContainer({ env: env(), resources })] }),
      revision(REV7, minutesAgo(125), { replicas: 3, containers: [revisionContainer({ env: env('460MiB'), resources })] }),
    ],
    hpas: [],
  });
}

describe('parseGcPressure on a Go gctrace', () => {
  it('reads the share of CPU spent in GC and the live heap', () => {
    const p = parseGcPressure(trace(0, 81));
    expect(p?.share).toBeCloseTo(0.81, 2);
    expect(p?.runtime).toBe('go');
    expect(p?.liveMb).toBe(590);
  });

  it('leaves a collector that takes a small share alone', () => {
    expect(parseGcPressure(trace(0, 4))).toBeUndefined();
  });
});

describe('findHeapCut with a Go soft memory limit', () => {
  it('counts a GOMEMLIMIT the revision added where none was as a new ceiling', () => {
    expect(findHeapCut(goLimitBelowHeap().revisions, 'app')).toMatchObject({ revision: 7, previous: 6, flag: 'GOMEMLIMIT=460MiB', to: '460Mi' });
  });
});

describe('analyzeHeapPressure on a Go service', () => {
  it('names the Go GC, the live heap above GOMEMLIMIT and the revision that set it', () => {
    const [f] = analyzeHeapPressure(goLimitBelowHeap());
    expect(f?.title).toMatch(/Go GC/);
    expect(f?.title).not.toMatch(/JVM/);
    expect(f?.title).toMatch(/GOMEMLIMIT=460MiB/);
    expect(f?.title).toMatch(/live heap/);
    expect(f?.likelyCause).toMatch(/soft/);
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/-Xmx|JVM/);
  });

  it('leads the verdict: the GC under GOMEMLIMIT, not a dependency', () => {
    const report = buildTriageReport(goLimitBelowHeap(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/GOMEMLIMIT/);
    expect(report.headline).toMatch(/\bGC\b/);
  });
});
