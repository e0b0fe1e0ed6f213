// What ran just before: ready pods that began to fail long after their rollout (which is cleared),
// or with no rollout at all, and a Job of the namespace that started (or ended) shortly before the
// first error — a cleanup, a migration, a backfill — is named as the change to check, never blamed.
// One that started long before, or after, the onset is not named.
import { describe, expect, it } from 'vitest';
import type { NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { findJobsBeforeOnset, needsJobsBeforeOnset } from '../../../src/domain/triage/jobs-before-onset.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { minutesAgo, readyOnRevision7, revision } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');

function failures(minutes: readonly number[]): string[] {
  return minutes.flatMap((m) => [
    `${stamp(m)} ERROR 1 --- [reports] c.acme.reports.ReportRunner : Report 'monthly' failed`,
    'org.postgresql.util.PSQLException: ERROR: could not read block 4711 in file "base/16384/24576"',
  ]);
}

const cleanup = (startedAgo: number, endedAgo?: number): NamespaceJobEvidence => ({
  name: `nightly-cleanup-${29000000 - startedAgo}`,
  owner: { kind: 'CronJob', name: 'nightly-cleanup' },
  createdAt: minutesAgo(startedAgo),
  ...(endedAgo === undefined ? {} : { finishedAt: minutesAgo(endedAgo) }),
  state: endedAgo === undefined ? 'running' : 'complete',
});

/** Ready pods of revision 7 (rolled out `rolledOut` minutes ago) logging errors from `errorsFrom` minutes ago. */
function scenario(jobs: NamespaceJobEvidence[], opts: { errorsFrom?: number; rolledOut?: number; cleanAt?: number } = {}) {
  const { errorsFrom = 12, rolledOut = 70, cleanAt = 40 } = opts;
  const clean = [`${stamp(cleanAt)}  INFO 1 --- [reports] c.acme.reports.ReportRunner : Report 'daily' done in 9.1s`];
  return readyOnRevision7(rolledOut, () => [...clean, ...failures([errorsFrom, errorsFrom / 2, 2, 1])], { namespaceJobs: { jobs, complete: true } });
}

describe('a Job of the namespace that ran just before the failures began', () => {
  it('is named as what changed when the rollout is cleared: its CronJob, how long before the first error it started, its state', () => {
    const r = buildTriageReport(scenario([cleanup(20, 15)]), times);
    expect(r.headline).toMatch(/revision 7 \(1h 10m ago\) is not the cause/);
    expect(r.headline).toMatch(/Job nightly-cleanup-\d+ \(CronJob nightly-cleanup\) started 8m before the first failure \(20m ago\) and completed 15m ago/);
    expect(r.headline).toMatch(/a change to check/);
    expect(r.headline).not.toMatch(/Since Job|Roll back|rollout undo/);
  });

  it('is named when no rollout came before the failures either', () => {
    const r = buildTriageReport(scenario([cleanup(20)], { rolledOut: 9 * 24 * 60, cleanAt: 9 * 24 * 60 - 10 }), times);
    expect(r.headline).toMatch(/Job nightly-cleanup-\d+ \(CronJob nightly-cleanup\) started 8m before the first failure \(20m ago\), still running/);
  });

  it('is not named when it started long before the onset, or after it', () => {
    for (const job of [cleanup(3 * 60, 3 * 60 - 5), cleanup(5, 4)]) {
      expect(buildTriageReport(scenario([job]), times).headline).not.toMatch(/nightly-cleanup/);
    }
  });

  it('is not named when the rollout just before the first error stays the suspect', () => {
    const r = buildTriageReport(scenario([cleanup(30, 25)], { errorsFrom: 28, rolledOut: 40, cleanAt: 50 }), times);
    expect(r.headline).toMatch(/^Since revision 7/);
    expect(r.headline).not.toMatch(/nightly-cleanup/);
  });

  it('keeps the nearest two, closest to the onset first', () => {
    const ev = scenario([cleanup(40, 38), cleanup(20, 15), cleanup(14, 13)]);
    expect(findJobsBeforeOnset(ev.namespaceJobs, minutesAgo(12)).map((j) => j.name)).toEqual([cleanup(14).name, cleanup(20).name]);
  });
});

describe('whether the namespace\'s Jobs are read', () => {
  it('reads them when the failures began long after the rollout (cleared) or with no rollout before them', () => {
    expect(needsJobsBeforeOnset(scenario([]))).toBe(true);
    expect(needsJobsBeforeOnset(scenario([], { rolledOut: 9 * 24 * 60, cleanAt: 9 * 24 * 60 - 10 }))).toBe(true);
  });

  it('does not when the rollout shortly before the onset is the suspect, when nothing fails, or for a CronJob', () => {
    expect(needsJobsBeforeOnset(scenario([], { errorsFrom: 28, rolledOut: 40, cleanAt: 50 }))).toBe(false);
    const quiet = scenario([]);
    expect(needsJobsBeforeOnset({ ...quiet, logs: quiet.logs.map((l) => ({ ...l, lines: l.lines.slice(0, 1) })) })).toBe(false);
    expect(needsJobsBeforeOnset({ ...scenario([]), target: { ...quiet.target, kind: 'CronJob' } })).toBe(false);
  });
});

describe('a Job that ran just before and takes the same settings as the pods', () => {
  const withRefs = (job: NamespaceJobEvidence, refs: NamespaceJobEvidence['configRefs']): NamespaceJobEvidence => ({ ...job, configRefs: refs });
  const ownRefs = (ev: ReturnType<typeof scenario>, name: string) => ({
    ...ev,
    pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, envFrom: [{ kind: 'configMap' as const, name }] })) })),
  });

  it('says which ConfigMap it shares with the pods: an account or quota it names is shared', () => {
    const ev = ownRefs(scenario([withRefs(cleanup(20, 15), [{ kind: 'configMap', name: 'relay-settings', via: 'envFrom' }, { kind: 'configMap', name: 'kube-root-ca.crt', via: 'volume ca' }])]), 'relay-settings');
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/completed 15m ago; it takes ConfigMap relay-settings \(envFrom\), as the pods do: an account, quota or endpoint those name is shared/);
    expect(r.headline).not.toMatch(/kube-root-ca/);
  });

  it('says nothing of sharing when the Job takes other settings', () => {
    const ev = ownRefs(scenario([withRefs(cleanup(20, 15), [{ kind: 'configMap', name: 'cleanup-settings', via: 'envFrom' }])]), 'relay-settings');
    expect(buildTriageReport(ev, times).headline).not.toMatch(/as the pods do|shared/);
  });
});

describe('a data object the pods read gone right after a Job ran', () => {
  const gone = (line: (m: number) => string) => {
    const ev = scenario([cleanup(14, 13)], { rolledOut: 9 * 24 * 60, cleanAt: 9 * 24 * 60 - 10 });
    return { ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [l.lines[0] ?? '', ...[12, 9, 6, 3, 1].map(line)] })) };
  };
  const searchMiss = (m: number) => `${stamp(m)} ERROR 1 --- [http-nio-8080-exec-2] c.acme.search.SearchController : search failed: index_not_found_exception: no such index [orders-archive-v3]`;
  const bucketMiss = (m: number) => `${stamp(m)} ERROR 1 --- [exports] c.acme.exports.Uploader : upload failed: NoSuchBucket: The specified bucket does not exist (Bucket: nightly-exports-eu)`;

  it('names the Job as the trigger, says what is missing and advises suspending its CronJob and restoring the data', () => {
    const r = buildTriageReport(gone(searchMiss), times);
    expect(r.headline).toMatch(/^Since Job nightly-cleanup-\d+ \(CronJob nightly-cleanup\) ran 2m before the first failure \(14m ago\)/);
    expect(r.headline).toMatch(/index orders-archive-v3/);
    expect(r.headline).toMatch(/[Ss]uspend CronJob nightly-cleanup/);
    expect(r.headline).not.toMatch(/a change to check|busy hour|Roll back/);
  });

  it('reads a missing bucket the same way', () => {
    const r = buildTriageReport(gone(bucketMiss), times);
    expect(r.headline).toMatch(/^Since Job nightly-cleanup-\d+/);
    expect(r.headline).toMatch(/bucket nightly-exports-eu/);
  });

  it('keeps the Job a change to check when the errors name nothing missing', () => {
    const r = buildTriageReport(scenario([cleanup(14, 13)], { rolledOut: 9 * 24 * 60, cleanAt: 9 * 24 * 60 - 10 }), times);
    expect(r.headline).not.toMatch(/^Since Job/);
    expect(r.headline).toMatch(/a change to check/);
  });
});
