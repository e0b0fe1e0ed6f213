// A Job that ran just before the failures was made by a CronJob: when it runs is part of why. A schedule
// with no spec.timeZone is read in the controller's zone (UTC), and a schedule edited shortly before is
// the change that moved the heavy run into the failures' hour.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import type { CronJobScheduleEvidence } from '../../../src/domain/triage/evidence-cronjob-schedule.js';
import { pickCronJobsBeforeOnset } from '../../../src/domain/triage/jobs-before-onset.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');

const reindex: NamespaceJobEvidence = { name: 'catalog-reindex-29920500', owner: { kind: 'CronJob', name: 'catalog-reindex' }, createdAt: minutesAgo(20), state: 'running' };

function scenario(schedules?: CronJobScheduleEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(9 * 24 * 60), startTime: minutesAgo(9 * 24 * 60) }));
  const clean = [`${stamp(9 * 24 * 60 - 10)}  INFO 1 --- [search] c.acme.search.Indexer : Search 'daily' done in 9.1s`];
  const failing = [12, 6, 2, 1].flatMap((m) => [`${stamp(m)} ERROR 1 --- [search] c.acme.search.Indexer : Search 'catalog' failed`, 'org.postgresql.util.PSQLException: ERROR: could not read block 4711 in file "base/16384/24576"']);
  const logs = pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [...clean, ...failing] }));
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(9 * 24 * 60), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    namespaceJobs: { jobs: [reindex], complete: true },
    ...(schedules ? { cronJobSchedules: schedules } : {}),
  });
}

describe('the CronJob of a Job that ran just before the failures', () => {
  it('is asked for by name only when such a Job is found', () => {
    expect(pickCronJobsBeforeOnset(scenario())).toEqual(['catalog-reindex']);
    const none = scenario();
    expect(pickCronJobsBeforeOnset({ ...none, namespaceJobs: { jobs: [{ ...reindex, createdAt: minutesAgo(600) }], complete: true } })).toEqual([]);
  });

  it('names its schedule, that with no timeZone it runs in UTC, and a recent edit of the schedule as the trigger', () => {
    const r = buildTriageReport(scenario([{ name: 'catalog-reindex', schedule: '0 3 * * *', scheduleEditedAt: minutesAgo(14 * 60 + 20), scheduleEditedBy: 'kubectl-edit' }]), times);
    expect(r.headline).toMatch(/CronJob catalog-reindex/);
    expect(r.headline).toMatch(/schedule "0 3 \* \* \*" in UTC, no timeZone set/);
    expect(r.headline).toMatch(/first run since the schedule was edited 14h 20m ago by kubectl-edit/);
    expect(r.headline).toMatch(/spec\.timeZone/);
  });

  it('says the zone it sets when it sets one, and no edit when none is recent', () => {
    const r = buildTriageReport(scenario([{ name: 'catalog-reindex', schedule: '30 21 * * *', timeZone: 'Asia/Kolkata' }]), times);
    expect(r.headline).toMatch(/schedule "30 21 \* \* \*" in Asia\/Kolkata/);
    expect(r.headline).not.toMatch(/no timeZone|edited/);
  });
});
