import { describe, expect, it } from 'vitest';
import type { EventEvidence, JobEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, minutesAgo, workload } from '../scenarios/builders.js';

const JOB = 'ledger-backfill';

function suspendedJob(over: Partial<JobEvidence> = {}): JobEvidence {
  return {
    name: JOB,
    createdAt: minutesAgo(130),
    active: 0,
    succeeded: 0,
    failed: 0,
    backoffLimit: 3,
    conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastTransitionTime: minutesAgo(130) }],
    suspended: true,
    ...over,
  };
}

function jobScenario(job: JobEvidence, events: EventEvidence[] = []): TriageEvidence {
  const base = baseEvidence({ pods: [], logs: [], services: [], endpointSlices: [], hpas: [], revisions: [], jobs: [job], events });
  return {
    ...base,
    target: { ...base.target, service: JOB, kind: 'Job', name: JOB },
    workload: workload({ kind: 'Job', name: JOB, specReplicas: 1, replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0, conditions: job.conditions, createdAt: job.createdAt }),
  };
}

const report = (ev: TriageEvidence) => buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
const allText = (r: ReturnType<typeof report>) => [r.headline, ...r.findings.flatMap((f) => [f.title, ...f.evidence, f.likelyCause, f.nextAction, ...f.confirmCommands])].join('\n');

describe('a suspended Job', () => {
  it('created suspended for a Kueue queue that never took it up is not healthy: the headline says suspended, the answer how to resume it', () => {
    const r = report(jobScenario(suspendedJob({ queue: { name: 'batch', marker: 'kueue.x-k8s.io/queue-name' } })));
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/suspended/);
    expect(r.headline).toMatch(/never started/);
    const text = allText(r);
    expect(text).toContain(`kubectl patch job ${JOB} -p '{"spec":{"suspend":false}}' -n ${NS}`);
    expect(text).toMatch(/Kueue/);
    expect(text).toMatch(/LocalQueue batch/);
    expect(text).not.toMatch(/deadline|backoff ?limit/i);
  });

  it('suspended by hand with no queue says who suspended it and how to resume it', () => {
    const r = report(jobScenario(suspendedJob({ suspendedAt: minutesAgo(40), suspendedBy: 'kubectl-patch' })));
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/suspended \(spec\.suspend: true, set by kubectl-patch\)/);
    expect(allText(r)).toContain('"suspend":false');
  });

  it('waiting a few minutes in a Kueue queue that has taken it up is only context, and points at the queue rather than a resume by hand', () => {
    const queued = suspendedJob({ createdAt: minutesAgo(3), conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', lastTransitionTime: minutesAgo(3) }], queue: { name: 'batch', marker: 'kueue.x-k8s.io/queue-name' } });
    const created: EventEvidence = { object: { kind: 'Job', name: JOB }, type: 'Normal', reason: 'CreatedWorkload', message: `Created Workload: ${NS}/job-${JOB}-3f2a1`, count: 1, firstSeen: minutesAgo(3), lastSeen: minutesAgo(3), source: 'kueue-admission' };
    const r = report(jobScenario(queued, [created]));
    const f = r.findings.find((x) => x.kind === 'job-suspended');
    expect(f?.severity).toBe('info');
    expect(f?.nextAction).toMatch(/Kueue/);
  });

  it('a running Job is none of this', () => {
    const r = report(jobScenario({ ...suspendedJob(), suspended: undefined, conditions: [], startTime: minutesAgo(5), active: 1 }));
    expect(r.findings.some((f) => f.kind === 'job-suspended')).toBe(false);
  });
});

describe('a suspended Job Kueue does not admit', () => {
  const queued = () => suspendedJob({ queue: { name: 'batch', marker: 'kueue.x-k8s.io/queue-name' } });
  const created: EventEvidence = { object: { kind: 'Job', name: JOB }, type: 'Normal', reason: 'CreatedWorkload', message: `Created Workload: ${NS}/job-${JOB}-3f2a1`, count: 1, firstSeen: minutesAgo(130), lastSeen: minutesAgo(130), source: 'kueue-job-controller' };
  const pending = (message: string): EventEvidence => ({ object: { kind: 'Workload', name: `job-${JOB}-3f2a1` }, type: 'Normal', reason: 'Pending', message, count: 40, firstSeen: minutesAgo(129), lastSeen: minutesAgo(1), source: 'kueue-admission' });

  it('quotes why its Workload stays pending, and names the quota it lacks', () => {
    const r = report(jobScenario(queued(), [created, pending('couldn\'t assign flavors to pod set main: insufficient unused quota for cpu in flavor standard, 6 more needed')]));
    const f = r.findings.find((x) => x.kind === 'job-suspended');
    expect(r.headline).toContain('insufficient unused quota for cpu in flavor standard, 6 more needed');
    expect(f?.likelyCause).toContain('6 more needed');
    expect(f?.evidence.some((e) => e.startsWith(`Workload job-${JOB}-3f2a1: Pending ×40`))).toBe(true);
    expect(f?.fix).toMatch(/give it 6 more/);
    expect(f?.confirmCommands.some((c) => c.startsWith(`kubectl describe workload job-${JOB}-3f2a1 -n ${NS}`))).toBe(true);
  });

  it('tells a request no quota of the ClusterQueue can ever give from a wait for quota others hold', () => {
    const r = report(jobScenario(queued(), [created, pending('couldn\'t assign flavors to pod set main: insufficient quota for memory in flavor standard, request > maximum capacity (512Gi > 256Gi)')]));
    const f = r.findings.find((x) => x.kind === 'job-suspended');
    expect(f?.likelyCause).toMatch(/will not be admitted however long it waits/);
    expect(f?.fix).toMatch(/^lower the Job's memory request/);
  });

  it('ignores a pending Workload of another Job', () => {
    const other: EventEvidence = { ...pending('insufficient unused quota for cpu in flavor standard, 2 more needed'), object: { kind: 'Workload', name: 'job-other-9z8y7' } };
    const r = report(jobScenario(queued(), [created, other]));
    expect(r.headline).not.toMatch(/more needed/);
  });
});

