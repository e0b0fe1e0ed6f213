import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findFirstFailure } from '../../../../src/domain/triage/failure-onset.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, terminated, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/**
 * Revision 7 (3h 10m ago) changed only env `added`; its four pods have been OOM-killed at their
 * 512Mi limit every ~20 minutes since (8 restarts each), the last kills 3 to 17 minutes ago.
 */
function killedEvery20Minutes(added: EnvVarEvidence[]): TriageEvidence {
  const lastKill = [3, 8, 13, 17];
  const pods = lastKill.map((ago, i) => {
    const env = [...(revisionContainer().env), ...added];
    return pod(i, {
      revisionHash: REV7.hash, createdAt: minutesAgo(189 - i), startTime: minutesAgo(189 - i),
      containers: [container({ env, state: running(ago - 0.1), lastState: terminated(137, 'OOMKilled', ago, { runSeconds: 1200 }), restartCount: 8 })],
    });
  });
  const base = baseEvidence({ pods, workload: workload({ specReplicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4, replicas: 4, currentRevision: 7 }) });
  return {
    ...base,
    revisions: [...base.revisions, revision(REV7, minutesAgo(190), { replicas: 4, containers: [revisionContainer({ env: [...revisionContainer().env, ...added] })] })],
  };
}

describe('a container OOM-killed at a steady interval since a revision turned the Go collector off', () => {
  it('dates the onset to the first kill, not the last one the status shows', () => {
    const ev = killedEvery20Minutes([{ name: 'GOGC', value: 'off' }]);
    const first = findFirstFailure(ev, ev.pods[0] ?? pod(0));
    // 8 restarts of ~20-minute runs: the first kill came some 2h 20m before the last.
    expect(Date.parse(NOW) - Date.parse(first ?? NOW)).toBeGreaterThan(2 * 60 * 60_000);
  });

  it('names the revision and GOGC=off in the headline, instead of "no change found"', () => {
    const { headline } = buildTriageReport(killedEvery20Minutes([{ name: 'GOGC', value: 'off' }]), times);
    expect(headline).toMatch(/^Since revision 7 \(3h 10m ago: app env added GOGC = "off"\): Container app OOMKilled at its 512Mi memory limit \(4\/4 pods\): GOGC=off with no GOMEMLIMIT/);
    expect(headline).not.toMatch(/no change found/);
    expect(headline).toContain('remove GOGC=off or set GOMEMLIMIT below the limit');
  });

  it('tells why: the heap is never collected, not a leak', () => {
    const [f] = analyzeOomKilled(killedEvery20Minutes([{ name: 'GOGC', value: 'off' }]));
    expect(f?.likelyCause).toMatch(/garbage collector off/);
    expect(f?.nextAction).toContain('GOMEMLIMIT to about 75% of the limit (384Mi)');
  });

  it('does not blame GOGC=off when a GOMEMLIMIT below the limit keeps the collector working', () => {
    const [f] = analyzeOomKilled(killedEvery20Minutes([{ name: 'GOGC', value: 'off' }, { name: 'GOMEMLIMIT', value: '400MiB' }]));
    expect(f?.title).toBe('Container app OOMKilled at its 512Mi memory limit (4/4 pods)');
  });

  it('blames a GOMEMLIMIT above the container limit the way it blames -Xmx above it', () => {
    const { headline } = buildTriageReport(killedEvery20Minutes([{ name: 'GOMEMLIMIT', value: '1GiB' }]), times);
    expect(headline).toMatch(/^Since revision 7 \(3h 10m ago: app env added GOMEMLIMIT = "1GiB"\): .*GOMEMLIMIT=1GiB lets the heap alone reach 1Gi, over the limit/);
  });

  it('does not date back a pod whose few restarts are scattered over days', () => {
    const p = pod(0, { createdAt: minutesAgo(10 * 24 * 60), startTime: minutesAgo(10 * 24 * 60), containers: [container({ state: running(2.9), lastState: terminated(137, 'OOMKilled', 3, { runSeconds: 1200 }), restartCount: 3 })] });
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBe(minutesAgo(3));
  });
});
