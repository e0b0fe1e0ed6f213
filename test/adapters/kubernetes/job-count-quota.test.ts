// A CronJob whose runs a quota on the count of Jobs refuses: the namespace's Jobs (the list a
// CronJob's triage already reads to find its runs) are told in brief — owner, state, TTL — and only
// then; no request is added either way.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { useHarness } from './harness.js';
import { at, coreEvent } from './builders.js';

const h = useHarness();
const NS = 'finance';
const CRON_UID = 'cj-ledger';
const REFUSAL = 'Error creating job: jobs.batch "ledger-reconcile-29920500" is forbidden: exceeded quota: object-counts, requested: count/jobs.batch=1, used: count/jobs.batch=3, limited: count/jobs.batch=3';
const target = { service: 'ledger-reconcile', namespace: NS, kind: 'CronJob' as const, name: 'ledger-reconcile' };

function batchJob(name: string, createdAt: Date, o: { owner?: boolean; ttl?: number; doneAt?: Date } = {}): k8s.V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      creationTimestamp: createdAt,
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'ledger-reconcile', uid: CRON_UID, controller: true }] } : {}),
    },
    spec: { ...(o.ttl === undefined ? {} : { ttlSecondsAfterFinished: o.ttl }), template: { spec: { restartPolicy: 'Never', containers: [{ name: 'reconcile', image: 'ledger:5.0.2' }] } } },
    status: o.doneAt ? { succeeded: 1, completionTime: o.doneAt, conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: o.doneAt }] } : { active: 1 },
  };
}

function load(refused: boolean): void {
  h.fake.add({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'ledger-reconcile', namespace: NS, uid: CRON_UID, creationTimestamp: at(-90 * 24 * 60) },
    spec: { schedule: '*/15 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'reconcile', image: 'ledger:5.0.2' }] } } } } },
    status: { lastScheduleTime: at(-105), lastSuccessfulTime: at(-103) },
  });
  h.fake.add(batchJob('ledger-reconcile-29920395', at(-105), { owner: true, doneAt: at(-103) }));
  h.fake.add(batchJob('ledger-backfill-2026-11-19', at(-2 * 24 * 60), { doneAt: at(-2 * 24 * 60 + 20) }));
  h.fake.add(batchJob('ledger-backfill-2026-11-20', at(-98), { ttl: 86_400 }));
  if (refused) h.fake.add(coreEvent({ namespace: NS, object: { kind: 'CronJob', name: 'ledger-reconcile', namespace: NS }, reason: 'FailedCreate', message: REFUSAL, count: 6, first: at(-90), last: at(-15), component: 'cronjob-controller' }));
}

const jobRequests = () => h.fake.requests.filter((r) => r.path.startsWith('/apis/batch/v1/namespaces/finance/jobs'));

describe('the Jobs of a namespace whose quota on the count of Jobs refuses a CronJob\'s runs', () => {
  it('are told in brief, each with its owner, state, times and TTL, from the one list of Jobs', async () => {
    load(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.namespaceJobs?.complete).toBe(true);
    expect(ev.namespaceJobs?.jobs).toEqual(expect.arrayContaining([
      { name: 'ledger-reconcile-29920395', owner: { kind: 'CronJob', name: 'ledger-reconcile' }, createdAt: '2026-11-21T00:15:00Z', finishedAt: '2026-11-21T00:17:00Z', state: 'complete' },
      { name: 'ledger-backfill-2026-11-19', createdAt: '2026-11-19T02:00:00Z', finishedAt: '2026-11-19T02:20:00Z', state: 'complete' },
      { name: 'ledger-backfill-2026-11-20', createdAt: '2026-11-21T00:22:00Z', state: 'running', ttlSecondsAfterFinished: 86_400 },
    ]));
    expect(ev.namespaceJobs?.jobs).toHaveLength(3);
    // The CronJob's own runs stay its own.
    expect(ev.jobs?.map((j) => j.name)).toEqual(['ledger-reconcile-29920395']);
    expect(jobRequests()).toHaveLength(1);
  });

  it('are not told without such a refusal, and the same requests are made', async () => {
    load(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs).toBeUndefined();
    expect(jobRequests()).toHaveLength(1);
  });

  it('are not told when another quota refuses the runs', async () => {
    load(false);
    h.fake.add(coreEvent({ namespace: NS, object: { kind: 'CronJob', name: 'ledger-reconcile', namespace: NS }, reason: 'FailedCreate', message: REFUSAL.replace(/count\/jobs\.batch=\d/g, 'requests.cpu=2'), first: at(-30), component: 'cronjob-controller' }));
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs).toBeUndefined();
  });
});
