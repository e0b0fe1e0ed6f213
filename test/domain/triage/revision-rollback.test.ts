import { describe, expect, it } from 'vitest';
import { findRollback, rolloutTimeOf } from '../../../src/domain/triage/revision-rollback.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, minutesAgo, revision } from './scenarios/builders.js';
import { rolledBackScenario } from './scenarios/rollout.js';

const undoneEvidence = rolledBackScenario;

describe('findRollback', () => {
  it('recognises a rollout undo by the revision-history annotation, and dates it by the scale-up of the re-used ReplicaSet', () => {
    const r = findRollback(undoneEvidence());
    expect(r?.revision.revision).toBe(7);
    expect(r?.to).toBe(2);
    expect(r?.replaced.revision).toBe(6);
    expect(r?.at).toBe(minutesAgo(23));
  });

  it('without events, dates it by the first pod of the re-used ReplicaSet', () => {
    expect(findRollback(undoneEvidence({ events: false }))?.at).toBe(minutesAgo(22));
  });

  it('recognises a re-used ReplicaSet by its age even without the annotation: a newer revision number on an older object', () => {
    const r = findRollback(undoneEvidence({ history: false }));
    expect(r?.revision.revision).toBe(7);
    expect(r?.to).toBeUndefined();
  });

  it('says nothing of an ordinary rollout', () => {
    const ev = baseEvidence({ revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(25))] });
    expect(findRollback(ev)).toBeUndefined();
    expect(rolloutTimeOf(ev, ev.revisions[1]!)).toBe(minutesAgo(25));
  });
});

describe('rolloutTimeOf', () => {
  it('is when the rollback made a re-used revision current, not when its ReplicaSet was first created', () => {
    const ev = undoneEvidence();
    expect(rolloutTimeOf(ev, ev.revisions[2]!)).toBe(minutesAgo(23));
    expect(rolloutTimeOf(ev, ev.revisions[1]!)).toBe(minutesAgo(3 * 24 * 60));
  });
});

describe('a healthy workload after a rollback', () => {
  it('says when the undo made the revision current, not how old its ReplicaSet is', () => {
    const ev = rolledBackScenario();
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.slice(0, 1) }));
    const r = buildTriageReport(ev, { startedAt: ev.collectedAt, finishedAt: ev.collectedAt });
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/Revision 7, a rollback restoring revision 2, 23m ago\./);
    expect(r.headline).not.toMatch(/41d/);
  });
});
