import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

/** Revision 7 (the fix, 41 minutes ago) runs fine on 2 pods; the 3 pods still on revision 6 panic. */
function heldBackScenario(over: { partition?: number; paused?: boolean; onDelete?: boolean }, fixedPods = 2): TriageEvidence {
  const old = [0, 1, 2].map((i) => {
    const p = pod(i, { revisionHash: REV6.hash, ready: false });
    return { ...p, containers: [crashLooping(p.name, terminated(2, 'Error', 1, { runSeconds: 90 }), 14, { image: IMAGE_V14 })] };
  });
  const fixed = [3, 4].slice(0, fixedPods).map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(40), startTime: minutesAgo(40), containers: [container({ image: IMAGE_V15 })] }));
  const base = baseEvidence({
    pods: [...old, ...fixed],
    events: old.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 60, firstSeen: minutesAgo(300), lastSeen: minutesAgo(0.5) })),
    logs: old.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['panic: runtime error: invalid memory address or nil pointer dereference', 'goroutine 88 [running]:'] })),
    workload: workload({ specReplicas: 5, replicas: 5, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7, ...over }),
  });
  return { ...base, revisions: [revision(REV6, minutesAgo(8 * 24 * 60), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V14 })] }), revision(REV7, minutesAgo(41), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

describe('a fix the rollout has not brought to the failing pods', () => {
  it('says only the old revision fails, names the partition that holds it back, and advises setting it to 0, not a rollback', () => {
    const r = buildTriageReport(heldBackScenario({ partition: 3 }), times);
    expect(r.headline).toContain('only pods of revision 6 fail; revision 7 (41m ago) runs fine on 2 pods; the rollout stops at partition 3, so ordinals below 3 keep the old revision');
    expect(r.headline).toContain('set the partition to 0');
    expect(r.headline).not.toMatch(/roll back to/i);
  });

  it('advises resuming a paused rollout', () => {
    expect(buildTriageReport(heldBackScenario({ paused: true }), times).headline).toContain('Resume the rollout so it reaches the failing pods');
  });

  it('says who fails and who does not when nothing holds the rollout, and leaves the action to the mechanism', () => {
    const r = buildTriageReport(heldBackScenario({}), times);
    expect(r.headline).toContain('only pods of revision 6 fail; revision 7 (41m ago) runs fine on 2 pods.');
  });

  it('says the newest revision reached no pod because the update strategy is OnDelete, and advises deleting the pods one at a time, not a rollback', () => {
    const r = buildTriageReport(heldBackScenario({ onDelete: true }, 0), times);
    expect(r.headline).toContain('revision 7 (41m ago) has reached none of them: the update strategy is OnDelete, so pods take a new revision only when deleted');
    expect(r.headline).toMatch(/Delete the failing pods one at a time so they come back on revision 7/);
    expect(r.headline).not.toMatch(/roll back to/i);
  });

  it('names OnDelete when the newest revision runs fine on the pods that were deleted by hand', () => {
    const r = buildTriageReport(heldBackScenario({ onDelete: true }), times);
    expect(r.headline).toContain('runs fine on 2 pods; the update strategy is OnDelete');
    expect(r.headline).toMatch(/Delete the failing pods one at a time/);
  });

  it('says nothing of a rollout when OnDelete is set and the failing pods already run the newest revision', () => {
    const ev = heldBackScenario({ onDelete: true }, 0);
    const revisions = ev.revisions.slice(0, 1);
    expect(buildTriageReport({ ...ev, revisions }, times).headline).not.toMatch(/OnDelete/);
  });
});
