// A migration Job whose ON CLUSTER DDL timed out (distributed_ddl_task_timeout, code 159): the
// initiator waited for every host of the cluster to run the queued task, and a replica that cannot
// run never did. The cause is that replica — Pending, with the scheduler's reason — not the
// migration, so the Job's verdict names it, found through the namespace's ClickHouse Service.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { ContainerEvidence, JobEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, service, terminated, unscheduledPod, workload } from '../scenarios/builders.js';

const JOB = 'reports-schema-migrate';
const TIMED_OUT = "2026/11/21 03:03:12 error: migration failed in line 0: ALTER TABLE rep.daily_local ON CLUSTER 'main' ADD COLUMN IF NOT EXISTS region String; (details: code: 159, message: Watching task /clickhouse/task_queue/ddl/query-0000000412 is executing longer than distributed_ddl_task_timeout (=180) seconds. There are 1 unfinished hosts (0 of them are currently executing the task), they are going to execute the query in background)";
const DIRTY = '2026/11/21 03:03:22 error: Dirty database version 17. Fix and force version.';
const UNSCHED = "0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector, 3 node(s) had volume node affinity conflict. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.";
const CH_LABELS = { 'app.kubernetes.io/name': 'olap' };

function exited(): ContainerEvidence {
  return container({ name: 'migrate', image: 'migrate/migrate:v4.17.1', ports: [], probes: {}, ready: false, args: ['-database', 'clickhouse://olap.reports.svc.cluster.local:9000?x-cluster-name=main', 'up'], state: terminated(1, 'Error', 11, { runSeconds: 184 }) });
}

function jobPod(i: number): PodEvidence {
  return pod(i, { name: `${JOB}-${['a1b2c', 'd3e4f'][i] ?? 'x'}`, jobName: JOB, phase: 'Failed', ready: false, revisionHash: undefined, labels: { 'job-name': JOB }, createdAt: minutesAgo(14 - 3 * i), startTime: minutesAgo(14 - 3 * i), containers: [exited()] });
}

const job: JobEvidence = {
  name: JOB, createdAt: minutesAgo(14), startTime: minutesAgo(14), active: 0, succeeded: 0, failed: 2, backoffLimit: 1, completions: 1,
  conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(10) }],
};

function members(): DependencyMembersEvidence {
  const replica = (s: number, r: number) => pod(10 + s * 2 + r, { name: `olap-s${s}-${r}`, labels: CH_LABELS, containers: [container({ name: 'clickhouse' })] });
  return { namespace: NS, service: 'olap', pods: [replica(0, 0), replica(0, 1), replica(1, 0), unscheduledPod(13, UNSCHED, 124, { name: 'olap-s1-1', labels: CH_LABELS })], nodeLosses: [] };
}

function scenario(lines: [string[], string[]], dependencyMembers?: DependencyMembersEvidence[]): TriageEvidence {
  const pods = [jobPod(0), jobPod(1)];
  const base = baseEvidence({
    pods,
    jobs: [job],
    services: [service({ name: 'olap', selector: CH_LABELS, ports: [{ name: 'tcp', port: 9000, targetPort: 'tcp', protocol: 'TCP' }, { name: 'http', port: 8123, targetPort: 'http', protocol: 'TCP' }] })],
    endpointSlices: [],
    hpas: [],
    revisions: [],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'migrate', previous: false, lines: lines[i] ?? [] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
  return { ...base, target: { service: JOB, namespace: NS, kind: 'Job', name: JOB, context: 'prod-eu-west-1' }, workload: workload({ kind: 'Job', name: JOB, specReplicas: 1, replicas: 0 }) };
}

describe('an ON CLUSTER DDL that timed out waiting for a replica', () => {
  it('is followed to the namespace\'s ClickHouse Service on its one line: a statement runs once', () => {
    expect(pickClusterDownService(scenario([[TIMED_OUT], [DIRTY]]))).toEqual({ name: 'olap', namespace: NS });
    expect(pickClusterDownService(scenario([[DIRTY], [DIRTY]]))).toBeUndefined();
  });

  it('names the replica that cannot run and why, and leads the failed Job\'s verdict with it', () => {
    const ev = scenario([[TIMED_OUT], [DIRTY]], [members()]);
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^ClickHouse cluster olap [^:]*ON CLUSTER[^:]*distributed_ddl_task_timeout/);
    expect(f?.title).toMatch(/olap-s1-1 Pending[^;]*were unschedulable[^;]*volume node affinity conflict/);
    expect(f?.likelyCause).toMatch(/task queue/);
    expect(f?.nextAction).toMatch(/olap-s1-1/);
    // The cordoned node may be the one of its zone; a Job is re-run, it does not recover by itself.
    expect(f?.nextAction).toMatch(/uncordon/);
    expect(f?.nextAction).toMatch(/re-run the Job/);
    expect(f?.nextAction).not.toMatch(/recovers by itself/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/olap-s1-1 Pending/);
    expect(report.headline).toMatch(/unschedulable/);
  });
});
