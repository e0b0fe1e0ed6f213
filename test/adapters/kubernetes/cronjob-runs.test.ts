// A CronJob whose last run's Job is already deleted (ttlSecondsAfterFinished 0): its events are still read.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { lastRunJobName } from '../../../src/adapters/kubernetes/read-target.js';
import { useHarness } from './harness.js';
import { at, coreEvent } from './builders.js';

const h = useHarness();
const NS = 'catalog';
const SCHEDULED = at(-44 * 60);
const JOB = `search-reindex-${Math.floor(SCHEDULED.getTime() / 60_000)}`;

describe('a CronJob whose failed Jobs are deleted as they end', () => {
  it('names the Job of the last schedule as the controller does', () => {
    expect(lastRunJobName({ kind: 'CronJob', obj: { metadata: { name: 'report' }, status: { lastScheduleTime: new Date('2026-11-18T02:30:00Z') } } })).toBe('report-29916150');
    expect(lastRunJobName({ kind: 'CronJob', obj: { metadata: { name: 'report' }, status: {} } })).toBeUndefined();
  });

  it('reads the events of the last run\'s Job though the Job is gone, and the jobTemplate\'s TTL', async () => {
    h.fake.add({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'search-reindex', namespace: NS, uid: 'cj-1', creationTimestamp: at(-90 * 24 * 3600) },
      spec: { schedule: '30 2 * * *', jobTemplate: { spec: { backoffLimit: 2, ttlSecondsAfterFinished: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'reindex', image: 'search-reindex:2.4.0' }] } } } } },
      status: { lastScheduleTime: SCHEDULED, lastSuccessfulTime: at(-3 * 24 * 3600) },
    });
    h.fake.add(coreEvent({ namespace: NS, object: { kind: 'Job', name: JOB, namespace: NS }, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', first: at(-31 * 60), component: 'job-controller' }));
    const ev = await h.cluster.collectEvidence({ service: 'search-reindex', namespace: NS, kind: 'CronJob', name: 'search-reindex' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.workload?.schedule?.jobTtlSeconds).toBe(0);
    expect(ev.events).toContainEqual(expect.objectContaining({ object: expect.objectContaining({ kind: 'Job', name: JOB }), reason: 'BackoffLimitExceeded' }));
  });
});
