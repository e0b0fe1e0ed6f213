import { describe, expect, it } from 'vitest';
import { analyzeFailedJobs } from '../../../../src/domain/triage/analyzers/job-failed.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { listUpgradedServerServices } from '../../../../src/domain/triage/server-upgrade.js';
import { serverPod, serverRevision } from '../scenarios/upgraded-server.js';
import type { ContainerEvidence, JobEvidence, LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, container, event, minutesAgo, pod, running, terminated, workload } from '../scenarios/builders.js';

const CRON = 'nightly-settlement';
const JOB = `${CRON}-29392800`;

const SETTLE_LOG = [
  '2026-11-21 02:58:01,112 INFO settle: fetched 48213 transactions for 2026-11-20',
  'Traceback (most recent call last):',
  '  File "/app/settle.py", line 88, in <module>',
  '    main()',
  '  File "/app/settle.py", line 64, in main',
  '    statement = bank.fetch_statement(day)',
  'FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox',
];

function jobPod(i: number, app: ContainerEvidence, over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(i, {
    name: `${JOB}-${['4xk2p', 'b7m9q', 'c2t8v', 'h5n3w'][i] ?? `z${i}`}`,
    jobName: JOB,
    phase: 'Failed',
    ready: false,
    revisionHash: undefined,
    labels: { 'batch.kubernetes.io/job-name': JOB, 'job-name': JOB },
    createdAt: minutesAgo(21 - 2 * i),
    startTime: minutesAgo(21 - 2 * i),
    containers: [app],
    ...over,
  });
}

function exited(code: number, reason: string, finishedMinutesAgo: number, over: Partial<ContainerEvidence> = {}): ContainerEvidence {
  return container({ name: 'settle', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/settle:1.9.3', ports: [], probes: {}, ready: false, state: terminated(code, reason, finishedMinutesAgo, { runSeconds: 50 }), ...over });
}

function failedJob(over: Partial<JobEvidence> = {}): JobEvidence {
  return {
    name: JOB,
    createdAt: minutesAgo(21),
    startTime: minutesAgo(21),
    active: 0,
    succeeded: 0,
    failed: 4,
    backoffLimit: 3,
    completions: 1,
    conditions: [
      { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(12) },
      { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(12) },
    ],
    ...over,
  };
}

function completedJob(name: string, startedMinutesAgo: number, ranMinutes: number): JobEvidence {
  const done = minutesAgo(startedMinutesAgo - ranMinutes);
  return {
    name,
    createdAt: minutesAgo(startedMinutesAgo),
    startTime: minutesAgo(startedMinutesAgo),
    completionTime: done,
    active: 0,
    succeeded: 1,
    failed: 0,
    conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: done }],
  };
}

/** The CronJob's newest run: four pods, each exiting 1 on a missing bank statement. */
function cronScenario(jobs: JobEvidence[], pods: PodEvidence[], logs: LogEvidence[]): TriageEvidence {
  const base = baseEvidence({ pods, logs, services: [], endpointSlices: [], hpas: [], revisions: [], jobs });
  return {
    ...base,
    target: { service: CRON, namespace: NS, kind: 'CronJob', name: CRON, context: 'prod-eu-west-1' },
    workload: workload({
      kind: 'CronJob',
      name: CRON,
      specReplicas: 1,
      replicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
      updatedReplicas: 0,
      selector: {},
      templateLabels: {},
      schedule: { cron: '0 3 * * *', suspended: false, lastScheduleTime: minutesAgo(21), lastSuccessfulTime: minutesAgo(24 * 60 + 14) },
      conditions: [],
    }),
  };
}

function backoffScenario(): TriageEvidence {
  const pods = [0, 1, 2, 3].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i)));
  const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: SETTLE_LOG }));
  return cronScenario([failedJob(), completedJob(`${CRON}-29391360`, 24 * 60 + 21, 7)], pods, logs);
}

describe('analyzeFailedJobs', () => {
  it('reports a Job that hit its backoff limit, how its pods ended and the line that says why', () => {
    const findings = analyzeFailedJobs(backoffScenario());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe(`job-failed/${JOB}`);
    expect(f?.kind).toBe('job-failed');
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 4 pods exited 1 (backoffLimit 3)`);
    expect(f?.layer).toBe('container/process');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      'Failed=True (BackoffLimitExceeded): Job has reached the specified backoff limit, 12m ago',
      '4 failed, 0 succeeded, 0 active; ran 9m',
      'earlier runs took 7m (newest first)',
      `log ${JOB}-4xk2p: FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox`,
    ]);
    expect(f?.decisive).toBe('FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox');
    expect(f?.fix).toBe('fix what the log names and re-run the Job');
    expect(f?.nextAction).toBe('Fix what the log names, then re-run the Job (a failed Job is not retried by itself).');
    expect(f?.confirmCommands).toEqual([
      `kubectl describe job ${JOB} -n payments --context prod-eu-west-1`,
      `kubectl logs ${JOB}-4xk2p -c settle --tail=100 -n payments --context prod-eu-west-1`,
    ]);
    expect(f?.affected).toEqual({ pods: [`${JOB}-4xk2p`, `${JOB}-b7m9q`, `${JOB}-c2t8v`, `${JOB}-h5n3w`], nodes: [NODE_A, NODE_B, NODE_C] });
  });

  it('names the script whose interpreter line keeps every pod from starting', () => {
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /opt/tools/entry.sh: no such file or directory: unknown';
    const pods = [0, 1, 2, 3].map((i) => jobPod(i, exited(128, 'StartError', 20 - 2 * i, { state: terminated(128, 'StartError', 20 - 2 * i, { message }) })));
    const [f] = analyzeFailedJobs(cronScenario([failedJob()], pods, []));
    expect(f?.title).toContain('4 pods could not start (StartError, exit 128)');
    expect(f?.title).toContain('/opt/tools/entry.sh');
    expect(f?.title).toMatch(/shebang/);
    expect(f?.decisive).toBe('exec /opt/tools/entry.sh: no such file or directory');
    expect(f?.fix).toMatch(/^fix the interpreter line of \/opt\/tools\/entry\.sh .* and re-run the Job$/);
  });

  it('names the interpreter missing from the image when no pod of the run could start, instead of the backoff condition', () => {
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown';
    const command = ['/bin/bash', '-c', 'settle --day yesterday'];
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(128, 'StartError', 20 - 2 * i, { command, state: terminated(128, 'StartError', 20 - 2 * i, { message, runSeconds: 0 }) })));
    const [f] = analyzeFailedJobs(cronScenario([failedJob({ failed: 3, backoffLimit: 2 })], pods, []));
    expect(f?.title).toContain("3 pods could not start (StartError, exit 128): the image has no /bin/bash — the command's interpreter is missing from the image");
    expect(f?.decisive).toBe('exec: "/bin/bash": stat /bin/bash: no such file or directory');
    expect(f?.fix).toMatch(/^run the command with an interpreter the image has \(\/bin\/sh -c …\).* and re-run the Job$/);
    // No good run's pod kept to compare builds with: no trigger claimed.
    expect(f?.datesChange).toBeUndefined();
  });

  it('reads the runtime message from the Failed events when the pods\' state no longer carries it', () => {
    const command = ['/bin/bash', '-c', 'settle --day yesterday'];
    const pods = [0, 1].map((i) => jobPod(i, exited(128, 'StartError', 20 - 2 * i, { command, state: terminated(128, 'StartError', 20 - 2 * i, { runSeconds: 0 }) })));
    const events = pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{settle}' }, reason: 'Failed', message: 'Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown' }));
    const [f] = analyzeFailedJobs({ ...cronScenario([failedJob({ failed: 2, backoffLimit: 1 })], pods, []), events });
    expect(f?.title).toContain('2 pods could not start (StartError, exit 128): the image has no /bin/bash');
  });

  it('dates the start failure to the mutable tag resolving to another build than the last good run\'s pod', () => {
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown';
    const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shared/batch-base:latest';
    const repo = image.replace(/:latest$/, '');
    const command = ['/bin/bash', '-c', 'settle --day yesterday'];
    const newBuild = `${repo}@sha256:${'ab12'.repeat(16)}`;
    const oldBuild = `${repo}@sha256:${'9f3c'.repeat(16)}`;
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(128, 'StartError', 20 - 2 * i, { image, command, imagePullPolicy: 'Always', imageID: newBuild, state: terminated(128, 'StartError', 20 - 2 * i, { message, runSeconds: 0 }) })));
    const GOOD = `${CRON}-29391360`;
    const goodPod = (imageID: string): PodEvidence => pod(7, { name: `${GOOD}-q8r2d`, jobName: GOOD, phase: 'Succeeded', ready: false, revisionHash: undefined, labels: { 'job-name': GOOD }, createdAt: minutesAgo(24 * 60 + 21), containers: [exited(0, 'Completed', 24 * 60 + 14, { image, command, imagePullPolicy: 'Always', imageID })] });
    const jobs = [failedJob({ failed: 3, backoffLimit: 2 }), completedJob(GOOD, 24 * 60 + 21, 7)];
    const ev = cronScenario(jobs, [...pods, goodPod(oldBuild)], []);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toContain(`; the tag shared/batch-base:latest now points at a different image (digest sha256:ab12ab12ab12; the last good run's pod ${GOOD}-q8r2d ran digest sha256:9f3c9f3c9f3c), pulled anew by every pod under imagePullPolicy Always`);
    expect(f?.datesChange).toBe(true);
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toContain('/bin/bash');
    expect(d?.headline).toContain('now points at a different image');
    expect(d?.headline).not.toMatch(/no change (of the workload )?found/);
    // The good run's pod ran the same build: the tag did not move, and nothing is dated.
    const [g] = analyzeFailedJobs(cronScenario(jobs, [...pods, goodPod(newBuild)], []));
    expect(g?.title).not.toContain('now points at');
    expect(g?.datesChange).toBeUndefined();
  });

  it('names the client image and both versions when pg_dump refuses a newer server, and dates the server pod that came up after the last good run', () => {
    const log = [
      '2026-11-21T03:00:02Z pg-backup.sh: pg-backup 1.8.0, pg_dump (PostgreSQL) 15.8 (Debian 15.8-1.pgdg120+1)',
      'pg_dump: error: aborting because of server version mismatch',
      'pg_dump: detail: server version: 16.4 (Debian 16.4-1.pgdg120+2); pg_dump version: 15.8 (Debian 15.8-1.pgdg120+1)',
      '2026-11-21T03:00:02Z pg-backup.sh: pg_dump exited with status 1, nothing uploaded',
    ];
    const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/platform/pg-backup:1.8.0';
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i, { image })));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: log }));
    const server = pod(9, { name: 'billing-pg-0', createdAt: minutesAgo(13 * 60), startTime: minutesAgo(13 * 60), containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }], state: running(13 * 60) })] });
    const ev = { ...cronScenario([failedJob({ failed: 3, backoffLimit: 2 }), completedJob(`${CRON}-29391360`, 24 * 60 + 21, 4)], pods, logs), downServices: [{ service: 'billing-pg', pods: [server], events: [] }] };
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(
      `Job ${JOB} failed: BackoffLimitExceeded — 3 pods exited 1 (backoffLimit 2): pg_dump 15.8 refuses server 16.4 (image platform/pg-backup:1.8.0); server pod billing-pg-0 started on library/postgres:16.4 13h ago, after the last successful run (1d ago)`,
    );
    expect(f?.decisive).toBe('pg_dump: error: aborting because of server version mismatch');
    expect(f?.fix).toBe('give the Job an image with pg_dump 16 or later in place of platform/pg-backup:1.8.0 and re-run the Job');
    expect(f?.datesChange).toBe(true);
    // Without the server pod in the evidence: the versions only, and no trigger claimed.
    const [g] = analyzeFailedJobs({ ...ev, downServices: [] });
    expect(g?.title).toMatch(/: pg_dump 15\.8 refuses server 16\.4 \(image platform\/pg-backup:1\.8\.0\)$/);
    expect(g?.datesChange).toBeUndefined();
  });

  it('names the server\'s own rollout after the last good run as the since of a pg_dump refusal: the tool did not change, the server did', () => {
    const log = [
      'pg_dump: error: aborting because of server version mismatch',
      'pg_dump: detail: server version: 17.2 (Debian 17.2-1.pgdg120+1); pg_dump version: 16.6 (Debian 16.6-1.pgdg120+1)',
    ];
    const image = 'docker.io/library/postgres:16.6';
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i, { image, command: ['/bin/sh', '-c'], args: [`pg_dump -Fc -h ledger-pg-0.ledger-pg.${NS}.svc.cluster.local -d ledger -f /dump/ledger.dump`] })));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: log }));
    const server = serverPod('ledger-pg', 'postgres:17.2', { current: serverRevision('ledger-pg', 8, 'abc123', 30 * 60, 'docker.io/library/postgres:17.2'), previous: serverRevision('ledger-pg', 7, 'def456', 200 * 24 * 60, 'docker.io/library/postgres:16.6') });
    const ev = { ...cronScenario([failedJob({ failed: 3, backoffLimit: 2 }), completedJob(`${CRON}-29391360`, 2 * 24 * 60 + 21, 4)], pods, logs), dependencyPods: [server] };
    expect(listUpgradedServerServices(ev)).toEqual(['ledger-pg']);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toMatch(/: pg_dump 16\.6 refuses server 17\.2 \(image library\/postgres:16\.6\); since StatefulSet ledger-pg rolled to revision 8 1d 6h ago \(server image 16\.6 → 17\.2\), after the last successful run \(2d ago\) — the tool did not change, the server did$/);
    expect(f?.datesChange).toBe(true);
    expect(f?.evidence.join('\n')).toMatch(/StatefulSet ledger-pg: revision 7 → 8/);
  });

  it('says the pods were OOMKilled at their memory limit', () => {
    const pods = [0, 1].map((i) => jobPod(i, exited(137, 'OOMKilled', 15 - i, { resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } })));
    const ev = cronScenario([failedJob({ failed: 2, backoffLimit: 1 })], pods, []);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 2 pods OOMKilled (exit 137) at the 1Gi limit (backoffLimit 1)`);
    expect(f?.decisive).toBe('Job has reached the specified backoff limit');
    expect(f?.evidence).toEqual(['Failed=True (BackoffLimitExceeded): Job has reached the specified backoff limit, 12m ago', '2 failed, 0 succeeded, 0 active; ran 9m']);
  });

  it('names the deadline and how long the earlier runs took when a run is killed at activeDeadlineSeconds', () => {
    const deadline = failedJob({
      createdAt: minutesAgo(65),
      startTime: minutesAgo(65),
      failed: 1,
      activeDeadlineSeconds: 3600,
      conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline', lastTransitionTime: minutesAgo(5) }],
    });
    const history = [completedJob(`${CRON}-29391360`, 24 * 60 + 60, 52), completedJob(`${CRON}-29389920`, 2 * 24 * 60 + 60, 47), completedJob(`${CRON}-29388480`, 3 * 24 * 60 + 60, 41)];
    const ev = cronScenario([deadline, ...history], [], []);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(`Job ${JOB} failed: DeadlineExceeded — killed at activeDeadlineSeconds 3600 (1h); earlier runs took 52m, 47m, 41m`);
    expect(f?.evidence).toEqual([
      'Failed=True (DeadlineExceeded): Job was active longer than specified deadline, 5m ago',
      '1 failed, 0 succeeded, 0 active; ran 1h',
      'earlier runs took 52m, 47m, 41m (newest first)',
    ]);
    expect(f?.decisive).toBe('Job was active longer than specified deadline');
    expect(f?.fix).toBe('make the run fit its deadline (or raise activeDeadlineSeconds)');
    expect(f?.likelyCause).toBe(
      'The run was still going when activeDeadlineSeconds passed, so the Job controller killed it. Earlier runs show how close to the deadline it has been running. The work grew, or the run got slower.',
    );
    expect(f?.confirmCommands).toEqual([`kubectl describe job ${JOB} -n payments --context prod-eu-west-1`]);
  });

  it('says nothing when the newest run succeeded, even if an earlier one failed', () => {
    const ev = backoffScenario();
    ev.jobs = [completedJob(`${CRON}-29394240`, 30, 7), failedJob()];
    expect(analyzeFailedJobs(ev)).toEqual([]);
  });

  it('says nothing about a run that failed more than a day ago', () => {
    const ev = backoffScenario();
    ev.jobs = [failedJob({ conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(26 * 60) }] })];
    expect(analyzeFailedJobs(ev)).toEqual([]);
  });

  it('says nothing about a Job that is still running, or without any Job read', () => {
    const ev = backoffScenario();
    ev.jobs = [failedJob({ active: 1, failed: 2, conditions: [] })];
    expect(analyzeFailedJobs(ev)).toEqual([]);
    expect(analyzeFailedJobs({ ...ev, jobs: undefined })).toEqual([]);
  });

  it('counts only the pods that ended the way the title says', () => {
    const pods = [jobPod(0, exited(1, 'Error', 19)), jobPod(1, exited(1, 'Error', 17)), jobPod(2, exited(1, 'Error', 15)), jobPod(3, exited(137, 'OOMKilled', 13))];
    const [f] = analyzeFailedJobs(cronScenario([failedJob()], pods, []));
    // Three exited 1, one was OOMKilled: "4 pods exited 1" would hide the OOM kill.
    expect(f?.title).toMatch(/ — 3 (of 4 )?pods exited 1\b/);
  });

  it('quotes the log of the container that failed, not of a sidecar still running beside it', () => {
    // restartPolicy OnFailure: the app restarted in place until the backoff limit; the Job
    // controller is now deleting the pod, whose Cloud SQL proxy (listed first) still runs.
    const proxy = container({ name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', ports: [], probes: {}, state: running(20) });
    const app = exited(1, 'Error', 13, { state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=settle' } }, lastState: terminated(1, 'Error', 13), restartCount: 3 });
    const p = jobPod(0, app, { phase: 'Running', deletionTimestamp: minutesAgo(12) });
    const ev = cronScenario([failedJob()], [{ ...p, containers: [proxy, app] }], [{ pod: p.name, container: 'settle', previous: true, lines: SETTLE_LOG }]);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 1 pod exited 1 (backoffLimit 3)`);
    expect(f?.decisive).toBe('FileNotFoundError: statement stmt-20261120.csv not found in s3://settlement-inbox');
    expect(f?.confirmCommands).toEqual([
      `kubectl describe job ${JOB} -n payments --context prod-eu-west-1`,
      `kubectl logs ${p.name} -c settle --tail=100 -n payments --context prod-eu-west-1`,
    ]);
  });
});

describe('analyzeFailedJobs: an Indexed Job with failed indexes', () => {
  const INDEXED = 'embed-backfill';
  const TRACE = [
    '2026-11-21 02:13:00,120 INFO embedder index=5 input=s3://features/2026-11-20/part-00005.parquet',
    'Traceback (most recent call last):',
    '  File "/app/embedder/main.py", line 61, in main',
    'pyarrow.lib.ArrowInvalid: Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file.',
  ];
  function indexedScenario(): TriageEvidence {
    const ran = (index: number, attempt: number, exitCode: number) =>
      jobPod(index, exited(exitCode, exitCode === 0 ? 'Completed' : 'Error', 30 - attempt), {
        name: `${INDEXED}-${index}-a${attempt}`,
        jobName: INDEXED,
        phase: exitCode === 0 ? 'Succeeded' : 'Failed',
        completionIndex: index,
        labels: { 'batch.kubernetes.io/job-name': INDEXED, 'batch.kubernetes.io/job-completion-index': String(index) },
      });
    const pods = [ran(0, 0, 0), ran(1, 0, 0), ran(2, 0, 0), ran(3, 0, 0), ran(5, 0, 1), ran(5, 1, 1), ran(5, 2, 1)];
    const job: JobEvidence = {
      ...failedJob({ name: INDEXED, failed: 3, succeeded: 4, backoffLimit: 2147483647, completions: 5 }),
      completionMode: 'Indexed',
      backoffLimitPerIndex: 2,
      completedIndexes: '0-3',
      failedIndexes: '5',
      conditions: [{ type: 'Failed', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastTransitionTime: minutesAgo(12) }],
    };
    const ev = cronScenario([job], pods, pods.filter((p) => p.phase === 'Failed').map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: TRACE })));
    return { ...ev, target: { ...ev.target, kind: 'Job', name: INDEXED } };
  }

  it('names the failed index, its input and its per-index limit, and the indexes that completed', () => {
    const [f] = analyzeFailedJobs(indexedScenario());
    expect(f?.title).toBe(`Job ${INDEXED} failed: FailedIndexes — index 5 of 5 failed on s3://features/2026-11-20/part-00005.parquet: 3 pods exited 1 (backoffLimitPerIndex 2); indexes 0-3 completed`);
    expect(f?.decisive).toBe('pyarrow.lib.ArrowInvalid: Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file.');
    expect(f?.likelyCause).toMatch(/the other indexes completed with the same image and template: the fault is in what that index reads/);
    expect(f?.fix).toBe('fix the input of index 5 and re-run that index');
    expect(f?.title).not.toMatch(/backoffLimit 2147483647/);
  });
});

describe('analyzeFailedJobs: a run refused by RBAC', () => {
  const FORBIDDEN = [
    'Error from server (Forbidden): deployments.apps is forbidden: User "system:serviceaccount:payments:settle-runner" cannot patch resource "deployments" in API group "apps" in the namespace "payments-batch"',
  ];

  it('names the ServiceAccount, the verb, resource and namespace, the grant to add and the last successful run', () => {
    const pods = [0, 1].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i)));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: FORBIDDEN }));
    const [f] = analyzeFailedJobs(cronScenario([failedJob(), completedJob(`${CRON}-29391360`, 24 * 60 + 21, 7)], pods, logs));
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 2 pods exited 1 (backoffLimit 3): RBAC forbids ServiceAccount payments/settle-runner to patch deployments.apps in namespace payments-batch; the last successful run was 1d ago`);
    expect(f?.fix).toBe('grant patch on deployments.apps in payments-batch to ServiceAccount payments/settle-runner (a Role and RoleBinding in payments-batch) and re-run the Job');
    expect(f?.nextAction).toContain('kubectl auth can-i patch deployments.apps -n payments-batch --as=system:serviceaccount:payments:settle-runner');
    expect(f?.likelyCause).toMatch(/RoleBinding removed or renamed/);
    expect(f?.datesChange).toBe(true);
  });
});

describe('analyzeFailedJobs: a Hadoop FileSystem the jar does not register', () => {
  it('names the edited migration when Flyway refuses every attempt on a checksum mismatch, and a new migration as the fix', () => {
    const LOG = [
      'Flyway OSS Edition 10.17.0 by Redgate',
      'ERROR: Validate failed: Migrations have failed validation',
      'Migration checksum mismatch for migration version 17',
      '-> Applied to database : 1234567890',
      '-> Resolved locally    : -987654321',
      'Either revert the changes to the migration, or run repair to update the schema history.',
    ];
    const image = 'registry.example.com/shop/orders-migrations:2.4.0';
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i, { image })));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: LOG }));
    const ev = cronScenario([failedJob({ failed: 3, backoffLimit: 2 })], pods, logs);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 3 pods exited 1 (backoffLimit 2): Flyway checksum mismatch, migration V17 was edited after it was applied; image shop/orders-migrations:2.4.0 ships the edited copy`);
    expect(f?.likelyCause).toContain('applied with checksum 1234567890, the image\'s copy has -987654321');
    expect(f?.nextAction).toBe('Revert the edit to Flyway migration V17 and put the change in a new migration (`flyway repair` if the edit was only cosmetic), then re-run the Job (a failed Job is not retried by itself).');
    expect(f?.datesChange).toBe(true);
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toMatch(/checksum mismatch, migration V17/);
    expect(d?.headline).not.toMatch(/no change (of the workload )?found/);
    // Liquibase says the same in its own words.
    const liquibase = ['liquibase.exception.ValidationFailedException: Validation Failed:', '     1 changesets check sum', '          db/changelog.yaml::17::alice was: 8:0a1b2c but is now: 8:3d4e5f'];
    const [g] = analyzeFailedJobs({ ...ev, logs: pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: liquibase })) });
    expect(g?.title).toMatch(/: Liquibase checksum mismatch, changeset db\/changelog\.yaml::17::alice was edited after it was applied; image shop\/orders-migrations:2\.4\.0 ships the edited copy$/);
    expect(g?.nextAction).toMatch(/`liquibase clear-checksums`/);
  });

  it('names the connector missing from the fat jar and merging the services files as the fix', () => {
    const LOG = ['org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "s3a"', '\tat org.apache.hadoop.fs.FileSystem.getFileSystemClass(FileSystem.java:3581)'];
    const app = (i: number) => exited(1, 'Error', 20 - 2 * i, { command: ['java', '-jar', '/app/settle-all.jar'] });
    const pods = [0, 1].map((i) => jobPod(i, app(i)));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines: LOG }));
    const [f] = analyzeFailedJobs(cronScenario([failedJob(), completedJob(`${CRON}-29391360`, 24 * 60 + 21, 7)], pods, logs));
    expect(f?.title).toContain('no Hadoop FileSystem registered for "s3a": S3AFileSystem (hadoop-aws) not in META-INF/services of the fat jar settle-all.jar');
    expect(f?.fix).toMatch(/^merge the services files in the fat jar .* and re-run the Job$/);
    expect(f?.likelyCause).toContain('META-INF/services');
  });
});

describe('analyzeFailedJobs: a Job failed by its podFailurePolicy', () => {
  const message = `Container settle for pod ${NS}/${JOB}-4xk2p failed with exit code 42 matching FailJob rule at index 0`;
  const policyJob = (): JobEvidence => failedJob({
    failed: 1,
    backoffLimit: 4,
    podFailureRules: [{ action: 'FailJob', onExitCodes: 'settle In (42)' }, { action: 'Ignore', onPodConditions: ['DisruptionTarget'] }],
    conditions: [
      { type: 'FailureTarget', status: 'True', reason: 'PodFailurePolicy', message, lastTransitionTime: minutesAgo(20) },
      { type: 'Failed', status: 'True', reason: 'PodFailurePolicy', message, lastTransitionTime: minutesAgo(20) },
    ],
  });

  it('names the rule that failed the Job (action, exit code, container) and not the retry limit, and keeps the log line decisive', () => {
    const pods = [jobPod(0, exited(42, 'Error', 20))];
    const lines = ['ERROR main: input file is empty (0 bytes)', 'ERROR main: exiting with code 42 (INPUT_EMPTY)'];
    const [f] = analyzeFailedJobs(cronScenario([policyJob()], pods, [{ pod: pods[0]?.name ?? '', container: 'settle', previous: false, lines }]));
    expect(f?.title).toBe(`Job ${JOB} failed: PodFailurePolicy — 1 pod exited 42: its podFailurePolicy rule FailJob on exit code 42 of container settle failed the Job at once, with no retry`);
    const said = [f?.title, f?.likelyCause, f?.nextAction].join('\n');
    expect(said).not.toMatch(/backoff ?limit/i);
    expect(f?.decisive).toBe('ERROR main: exiting with code 42 (INPUT_EMPTY)');
  });
});

describe('analyzeFailedJobs: an upload past the object store\'s part limit', () => {
  it('names the fixed part size that caps the object, not a retry', () => {
    const lines = ['INFO upload: uploaded part 10000', 'botocore.exceptions.ClientError: An error occurred (InvalidArgument) when calling the UploadPart operation: Part number must be an integer between 1 and 10000, inclusive'];
    const app = exited(1, 'Error', 10, { env: [{ name: 'PART_SIZE', value: '5242880' }] });
    const pods = [0, 1].map((i) => jobPod(i, app));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines }));
    const [f] = analyzeFailedJobs(cronScenario([failedJob({ failed: 2 })], pods, logs));
    expect(f?.title).toContain('env PART_SIZE=5242880: 5 MiB parts');
    expect(f?.title).toContain('10,000 × 5 MiB ≈ 48.8 GiB');
    expect(f?.fix).toMatch(/^raise the part size \(PART_SIZE\).* and re-run the Job$/);
  });
});

describe('analyzeFailedJobs: a run the database refuses ownership or a privilege', () => {
  const OWNER_LOG = [
    'Migrating schema "public" to version "7 - widen ledger entries"',
    'ERROR: Migration V7__widen_ledger_entries.sql failed',
    'SQL State  : 42501',
    'Message    : ERROR: must be owner of table ledger_entries',
    'Statement  : ALTER TABLE ledger_entries ALTER COLUMN amount TYPE numeric(20,4)',
  ];
  const userEnv = [{ name: 'PGUSER', ref: { kind: 'configMap' as const, name: 'settle-db-env', key: 'BATCH_DB_USER' } }, { name: 'PGPASSWORD', ref: { kind: 'secret' as const, name: 'settle-db-login', key: 'password' } }];
  function privilegeScenario(changedMinutesAgo: number, env: ContainerEvidence['env'] = userEnv, lines = OWNER_LOG): TriageEvidence {
    const pods = [0, 1, 2].map((i) => jobPod(i, exited(1, 'Error', 20 - 2 * i, { env })));
    const logs = pods.map((p) => ({ pod: p.name, container: 'settle', previous: false, lines }));
    const ev = cronScenario([failedJob({ backoffLimit: 2, failed: 3 }), completedJob(`${CRON}-29391360`, 24 * 60 + 21, 7)], pods, logs);
    ev.settingConfig = [{ mechanism: 'db-user', configMap: 'settle-db-env', key: 'BATCH_DB_USER', via: 'PGUSER', written: 'PGUSER=settle_ro' }];
    ev.namespaceObjects = [{ kind: 'ConfigMap', name: 'settle-db-env', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(changedMinutesAgo), keys: ['BATCH_DB_USER', 'APP_DB_USER'] }];
    return ev;
  }

  it('reads the user setting from the ConfigMap key the failing container takes', () => {
    const ev = privilegeScenario(5 * 60);
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: ev.collectedAt }).filter((r) => r.mechanism === 'db-user');
    expect(reads).toEqual([{ mechanism: 'db-user', configMap: 'settle-db-env', via: 'PGUSER', key: 'BATCH_DB_USER' }]);
    expect(keepSettings(reads[0]!, 'settle-db-env', { BATCH_DB_USER: 'settle_ro', APP_DB_USER: 'web_ro', DB_HOST: 'pg.internal' })).toEqual([{ mechanism: 'db-user', configMap: 'settle-db-env', key: 'BATCH_DB_USER', via: 'PGUSER', written: 'PGUSER=settle_ro' }]);
  });

  it('names the user it runs as, where it is set and the ConfigMap change before the run as the trigger, hours before', () => {
    const ev = privilegeScenario(5 * 60);
    const [f] = analyzeFailedJobs(ev);
    expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 3 pods exited 1 (backoffLimit 2): PostgreSQL refused it ownership: must be owner of table ledger_entries (SQLSTATE 42501); it runs as settle_ro (PGUSER: BATCH_DB_USER from ConfigMap settle-db-env, changed 5h ago)`);
    expect(f?.fix).toMatch(/^run it as the role that owns table ledger_entries \(the user setting in ConfigMap settle-db-env\), or make settle_ro a member of the owning role/);
    expect(f?.datesChange).toBe(true);
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toContain('runs as settle_ro');
    expect(d?.headline).not.toMatch(/no change (of the workload )?found/);
  });

  it('does not date a ConfigMap change older than the last good run, and never reads a Secret', () => {
    const [old] = analyzeFailedJobs(privilegeScenario(3 * 24 * 60));
    expect(old?.title).toMatch(/it runs as settle_ro \(PGUSER: BATCH_DB_USER from ConfigMap settle-db-env\)$/);
    expect(old?.datesChange).toBeUndefined();
    const secret = [{ name: 'DB_USER', ref: { kind: 'secret' as const, name: 'settle-db-login', key: 'username' } }];
    const [s] = analyzeFailedJobs(privilegeScenario(5 * 60, secret, ['ERROR: permission denied for table ledger_entries', 'SQLSTATE: 42501']));
    expect(s?.title).toMatch(/PostgreSQL refused it a privilege: permission denied for table ledger_entries \(SQLSTATE 42501\); it connects as the user in DB_USER from Secret settle-db-login \(key username\), not read$/);
  });

  describe('a ConfigMap the run reads, edited after the last good run', () => {
    function editedScenario(editedMinutesAgo: number): TriageEvidence {
      const ev = backoffScenario();
      const reads = (p: PodEvidence): PodEvidence => ({ ...p, containers: p.containers.map((c) => ({ ...c, envFrom: [{ kind: 'configMap' as const, name: 'settle-env' }] })) });
      ev.pods = ev.pods.map(reads);
      ev.namespaceObjects = [
        { kind: 'ConfigMap', name: 'settle-env', createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(editedMinutesAgo), keys: ['BANK_BUCKET', 'STATEMENT_PREFIX'] },
        // Edited just before the run too, but the run does not read it.
        { kind: 'ConfigMap', name: 'unrelated-dashboard', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(30) },
      ];
      return ev;
    }

    it('dates the failure to the edit, however long before the run, as the first run to meet it', () => {
      const [f] = analyzeFailedJobs(editedScenario(13 * 60 + 40));
      expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 4 pods exited 1 (backoffLimit 3), since ConfigMap settle-env, which the run reads, was changed 13h 40m ago — after the last good run (1d ago), so this run is the first to meet the edit`);
      expect(f?.datesChange).toBe(true);
      expect(f?.nextAction).toBe("Fix what the log names, or restore ConfigMap settle-env's previous content if the edit did it; then re-run the Job (a failed Job is not retried by itself).");
    });

    it('leaves an edit the last good run already ran with out of it', () => {
      const [f] = analyzeFailedJobs(editedScenario(30 * 60));
      expect(f?.title).toBe(`Job ${JOB} failed: BackoffLimitExceeded — 4 pods exited 1 (backoffLimit 3)`);
      expect(f?.datesChange).toBeUndefined();
    });
  });
});
