// Corpus stories: Jobs and CronJobs. A migration that hits its backoff limit, a nightly report
// killed by its deadline, a sync OOMKilled on every attempt, a cleanup whose image tag expired, and
// a Job pinned to a node pool that no longer exists.
// (Jobs and CronJobs are not triage targets yet: today the bot answers "not found".)
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, NODE_A, NODE_B, NODE_C, at, batchContainer, container, cronJob, cronJobEvent, deploymentApp, event, exposed, failedScheduling, job,
  jobEvent, logsOf, nameOf, nameSuffix, node, notTriggerScaleUp, pyTime, scheduled, terminated, threeNodes, waiting,
} from '../kit/index.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const jobOf = (b: Built): k8s.V1Job => b.objects[0] as k8s.V1Job;

/** A Job's pod as the Job controller names it (the kit's convention), for pods that are gone. */
const jobPodName = (jobName: string, i: number): string => `${jobName}-${nameSuffix(`${jobName}/${i}`)}`;

/** Scheduled / Pulled / Created / Started of a Job pod, by reference (the pod may be gone by now). */
function podStarted(ns: string, pod: string, nodeName: string, containerName: string, image: string, atAgo: number, pulled = 'already present on machine'): k8s.CoreV1Event[] {
  const on = { kind: 'Pod', name: pod, namespace: ns };
  const fieldPath = `spec.containers{${containerName}}`;
  return [
    event({ on, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${pod} to ${nodeName}`, firstAgo: atAgo, lastAgo: atAgo, component: 'default-scheduler' }),
    event({ on, type: 'Normal', reason: 'Pulled', message: pulled === 'already present on machine' ? `Container image "${image}" already present on machine` : pulled, firstAgo: atAgo - 0.02, lastAgo: atAgo - 0.02, fieldPath }),
    event({ on, type: 'Normal', reason: 'Created', message: `Created container ${containerName}`, firstAgo: atAgo - 0.03, lastAgo: atAgo - 0.03, fieldPath }),
    event({ on, type: 'Normal', reason: 'Started', message: `Started container ${containerName}`, firstAgo: atAgo - 0.03, lastAgo: atAgo - 0.03, fieldPath }),
  ];
}

// ---- 8. a migration Job that hits its backoff limit ------------------------------------------

const ALEMBIC_DUPLICATE = (start: number): string =>
  [
    `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.`,
    `INFO  [alembic.runtime.migration] Will assume transactional DDL.`,
    `INFO  [alembic.runtime.migration] Running upgrade 3f9a1c2d7e21 -> 8b0e44c1a9f3, add invoice_ref to invoices`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
    '    self.dialect.do_execute(',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
    '    cursor.execute(statement, parameters)',
    'psycopg2.errors.DuplicateColumn: column "invoice_ref" of relation "invoices" already exists',
    '',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/bin/alembic", line 8, in <module>',
    '    sys.exit(main())',
    '             ^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 636, in main',
    '    CommandLine(prog=prog).main(argv=argv)',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 626, in main',
    '    self.run_cmd(cfg, options)',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 603, in run_cmd',
    '    fn(',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/command.py", line 406, in upgrade',
    '    script.run_env()',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 586, in run_env',
    '    util.load_python_file(self.dir, "env.py")',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/util/pyfiles.py", line 95, in load_python_file',
    '    module = load_module_py(module_id, path)',
    '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/app/migrations/env.py", line 78, in <module>',
    '    run_migrations_online()',
    '  File "/app/migrations/env.py", line 72, in run_migrations_online',
    '    context.run_migrations()',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/runtime/migration.py", line 628, in run_migrations',
    '    step.migration_fn(**kw)',
    '  File "/app/migrations/versions/8b0e44c1a9f3_add_invoice_ref_to_invoices.py", line 21, in upgrade',
    '    op.add_column("invoices", sa.Column("invoice_ref", sa.String(length=64), nullable=True))',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/operations/ops.py", line 2043, in add_column',
    '    return operations.invoke(op)',
    '           ^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1986, in _exec_single_context',
    '    self._handle_dbapi_exception(',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 2355, in _handle_dbapi_exception',
    '    raise sqlalchemy_exception.with_traceback(exc_info[2]) from e',
    'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateColumn) column "invoice_ref" of relation "invoices" already exists',
    '',
    '[SQL: ALTER TABLE invoices ADD COLUMN invoice_ref VARCHAR(64)]',
    '(Background on this error at: https://sqlalche.me/e/20/f405)',
    '',
  ]
    .map((l, i) => (i === 0 ? `${pyTime(start)} ${l}` : l))
    .join('\n');

/**
 * The release pipeline's migration Job failed: a hotfix two days ago added invoices.invoice_ref by
 * hand, so the migration's ALTER TABLE fails with DuplicateColumn on each of the 4 attempts
 * (backoffLimit 3) and the Job is Failed with BackoffLimitExceeded. billing-api keeps running.
 */
function migrationBackoffLimit(): CorpusScenario {
  const ns = 'billing';
  const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing/billing-migrations:2026.11.21-1';
  // Attempt k starts after 10 s, 20 s, 40 s of back-off; each runs ~9 s.
  const attempts = [
    { node: NODE_A, createdAgo: 38.0 },
    { node: NODE_B, createdAgo: 37.6 },
    { node: NODE_C, createdAgo: 37.1 },
    { node: NODE_A, createdAgo: 36.3 },
  ];
  const migrate = job({
    namespace: ns,
    name: 'db-migrate-20261121',
    backoffLimit: 3,
    createdAgo: 38.0,
    template: {
      containers: [
        batchContainer({
          name: 'migrate',
          image,
          command: ['alembic', 'upgrade', 'head'],
          memory: '256Mi',
          env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'billing-db', key: 'url' } } }],
        }),
      ],
      serviceAccountName: 'billing-migrations',
    },
    pods: attempts.map((a) => ({
      node: a.node,
      phase: 'Failed' as const,
      createdAgo: a.createdAgo,
      containers: { migrate: terminated({ exitCode: 1, finishedAgo: a.createdAgo - 0.18, ranSeconds: 9 }) },
    })),
    outcome: { failed: 'BackoffLimitExceeded', ago: 36.1 },
  });
  const j = jobOf(migrate);
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 2,
    revisions: [{ revision: 71, createdAgo: 6 * DAYS, changeCause: 'argocd: billing-api 8.3.0', template: { containers: [container({ image: 'registry.example.com/billing/billing-api:8.3.0' })] } }],
    pods: [{ revision: 71, node: NODE_B, createdAgo: 6 * DAYS }, { revision: 71, node: NODE_C, createdAgo: 6 * DAYS }],
  });

  return {
    id: 'jobs-migration-backoff-limit-duplicate-column',
    class: 'jobs',
    truth: 'Job db-migrate-20261121 failed with BackoffLimitExceeded: all 4 attempts exited 1 because column "invoice_ref" of relation "invoices" already exists (psycopg2.errors.DuplicateColumn; added by hand in a hotfix), so the migration cannot apply.',
    ask: { service: 'db-migrate-20261121', namespace: ns },
    objects: [
      ...threeNodes(),
      ...migrate.objects,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      ...migrate.pods.map((p, i) => jobEvent(j, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, attempts[i]?.createdAgo ?? 38)),
      jobEvent(j, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 36.1, 'Warning'),
      ...migrate.pods.flatMap((p, i) => podStarted(ns, nameOf(p), attempts[i]?.node ?? NODE_A, 'migrate', image, (attempts[i]?.createdAgo ?? 38) - 0.02,
        i === 0 || attempts[i]?.node === NODE_C ? `Successfully pulled image "${image}" in 2.871s (2.871s including waiting). Image size: 61833214 bytes.` : 'already present on machine')),
    ],
    logs: logsOf(migrate.pods, 'migrate', (_p, i) => ({ current: ALEMBIC_DUPLICATE((attempts[i]?.createdAgo ?? 38) - 0.1) })),
    expect: {
      verdict: 'problems',
      headline: [/BackoffLimitExceeded|backoff limit/i, /invoice_ref|DuplicateColumn|already exists/i],
      facts: [/exit(ed)?( with)?( code)? 1\b|exit code 1\b/i, /\b4\b (pods|attempts|failed|failures)|failed[:=]? ?4\b|4\/4/i],
      never: [/\bOOM/, /image/i, /deadline/i],
    },
  };
}

// ---- 9. a nightly CronJob killed by its deadline ---------------------------------------------

/**
 * nightly-report has activeDeadlineSeconds 3600. Its runs took 49, 54 and 58 minutes on the three
 * previous nights as the data grew; tonight's run was still going at 03:00 and the Job controller
 * killed it: DeadlineExceeded, its pod deleted, no report.
 */
function nightlyReportDeadline(): CorpusScenario {
  const ns = 'analytics';
  const image = 'registry.example.com/analytics/nightly-report:3.4.0';
  const tonight = 74; // 02:00 UTC
  const durations = [58.7, 54.2, 49.4]; // yesterday, 2 days ago, 3 days ago
  const nodes = [NODE_B, NODE_C, NODE_A];
  const rows = [4_712_338, 4_498_120, 4_291_877];
  const cron = cronJob({
    namespace: ns,
    name: 'nightly-report',
    schedule: '0 2 * * *',
    activeDeadlineSeconds: 3600,
    backoffLimit: 2,
    template: {
      containers: [
        batchContainer({
          name: 'report',
          image,
          command: ['python', '-m', 'reports.nightly'],
          cpu: '1',
          memory: '2Gi',
          env: [{ name: 'WAREHOUSE_DSN', valueFrom: { secretKeyRef: { name: 'warehouse-readonly', key: 'dsn' } } }, { name: 'REPORT_BUCKET', value: 's3://acme-analytics-reports/nightly' }],
        }),
      ],
    },
    jobs: [
      { createdAgo: tonight, pods: [], outcome: { failed: 'DeadlineExceeded', ago: tonight - 60 } },
      ...durations.map((d, i) => {
        const created = tonight + (i + 1) * DAYS;
        return {
          createdAgo: created,
          pods: [{ node: nodes[i] ?? NODE_A, phase: 'Succeeded' as const, createdAgo: created, containers: { report: terminated({ exitCode: 0, finishedAgo: created - d, ranSeconds: Math.round(d * 60) }) } }],
          outcome: { complete: true as const, ago: created - d - 0.05 },
        };
      }),
    ],
    lastSuccessfulAgo: tonight + DAYS - (durations[0] ?? 58.7) - 0.05,
  });
  const [cronObj] = cron.objects;
  const [failed, ...done] = cron.jobs;
  const failedJob = failed ? jobOf(failed) : undefined;
  const failedName = nameOf(failedJob);
  const killedPod = jobPodName(failedName, 0);
  // The deadline deleted the running pod; the Job controller counted it as failed.
  if (failedJob?.status) failedJob.status.failed = 1;

  const runLog = (dayAgo: number, minutes: number, total: number): string => {
    const start = dayAgo - 0.1;
    const lines = [`${pyTime(start)} INFO reports.nightly: nightly report for ${at(dayAgo + 1440).slice(0, 10)} starting (warehouse=analytics-replica, partitions=48)`];
    lines.push(`${pyTime(start - 0.05)} INFO reports.extract: orders_daily: ${total.toLocaleString('en-US')} rows to scan`);
    for (let k = 8; k <= 48; k += 8) {
      const t = start - (minutes - 2) * (k / 48);
      lines.push(`${pyTime(t)} INFO reports.extract: partition ${k}/48 done (${Math.round((total * k) / 48).toLocaleString('en-US')} rows, ${Math.round(((minutes - 2) * 60) / 6)}s for the last 8)`);
    }
    lines.push(`${pyTime(start - minutes + 1.5)} INFO reports.render: aggregating 312 merchants x 31 metrics`);
    lines.push(`${pyTime(start - minutes + 0.1)} INFO reports.nightly: report written to s3://acme-analytics-reports/nightly/${at(dayAgo + 1440).slice(0, 10)}/summary.parquet (${Math.floor(minutes)}m ${Math.round((minutes % 1) * 60)}s)`);
    return `${lines.join('\n')}\n`;
  };

  return {
    id: 'jobs-cronjob-nightly-report-deadline-exceeded',
    class: 'jobs',
    truth: "CronJob nightly-report's Job of 02:00 was killed at 03:00 with DeadlineExceeded (activeDeadlineSeconds 3600): the report has slowed from 49 to 58 minutes over three nights as the data grew, and tonight's run needed more than the hour.",
    ask: { service: 'nightly-report', namespace: ns },
    objects: [
      ...threeNodes(),
      ...cron.objects,
      // Events live an hour: the creation at 02:00 has expired, the kill at 03:00 has not.
      ...(failedJob
        ? [
            jobEvent(failedJob, 'SuccessfulDelete', `Deleted pod: ${killedPod}`, tonight - 60),
            jobEvent(failedJob, 'DeadlineExceeded', 'Job was active longer than specified deadline', tonight - 60, 'Warning'),
          ]
        : []),
      event({ on: { kind: 'Pod', name: killedPod, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container report', firstAgo: tonight - 60, lastAgo: tonight - 60, fieldPath: 'spec.containers{report}' }),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${failedName}, status: Failed`, tonight - 60.05),
    ],
    logs: done.flatMap((d, i) => logsOf(d.pods, 'report', () => ({ current: runLog(tonight + (i + 1) * DAYS, durations[i] ?? 50, rows[i] ?? 4_000_000) }))),
    expect: {
      verdict: 'problems',
      headline: [/deadline|activeDeadlineSeconds/i, /nightly-report/],
      facts: [/3600 ?s?|60 ?min|1 ?h(our)?\b/i, /58 ?m|58\.7|longer|slow/i],
      never: [/\bOOM/, /backoff ?limit/i, /image/i],
    },
  };
}

// ---- 10. a CronJob OOMKilled on every attempt ------------------------------------------------

/**
 * invoice-sync (every 30 minutes) loads every invoice since its last successful run into one
 * DataFrame. A slow ledger at 01:30 made one run fail; each later run had a bigger backlog and is
 * OOMKilled (exit 137) at its 256Mi limit on every attempt, so the backlog only grows.
 */
function invoiceSyncOomKilled(): CorpusScenario {
  const ns = 'finance';
  const image = 'registry.example.com/finance/invoice-sync:1.12.0';
  const attempts = [
    { node: NODE_C, createdAgo: 14.0, ran: 96 },
    { node: NODE_A, createdAgo: 12.2, ran: 91 },
    { node: NODE_B, createdAgo: 10.4, ran: 94 },
  ];
  const oom = (a: { createdAgo: number; ran: number }) => terminated({ exitCode: 137, reason: 'OOMKilled', finishedAgo: a.createdAgo - 0.05 - a.ran / 60, ranSeconds: a.ran });
  const cron = cronJob({
    namespace: ns,
    name: 'invoice-sync',
    schedule: '*/30 * * * *',
    backoffLimit: 2,
    template: {
      containers: [
        batchContainer({
          name: 'sync',
          image,
          command: ['python', '-m', 'invoice_sync'],
          cpu: '250m',
          memory: '256Mi',
          env: [{ name: 'LEDGER_API_URL', value: 'http://ledger-api.finance.svc.cluster.local:8080' }, { name: 'ERP_EXPORT_BUCKET', value: 's3://acme-erp-exports/invoices' }],
        }),
      ],
    },
    jobs: [
      {
        createdAgo: 14,
        pods: attempts.map((a) => ({ node: a.node, phase: 'Failed' as const, createdAgo: a.createdAgo, containers: { sync: oom(a) } })),
        outcome: { failed: 'BackoffLimitExceeded', ago: 10.4 - 0.05 - 94 / 60 - 0.02 },
      },
      ...[134, 164, 194].map((c, i) => ({
        createdAgo: c,
        pods: [{ node: [NODE_A, NODE_B, NODE_C][i] ?? NODE_A, phase: 'Succeeded' as const, createdAgo: c, containers: { sync: terminated({ exitCode: 0, finishedAgo: c - 1.3, ranSeconds: 74 }) } }],
        outcome: { complete: true as const, ago: c - 1.35 },
      })),
    ],
    lastSuccessfulAgo: 134 - 1.35,
  });
  const [cronObj] = cron.objects;
  const [failed] = cron.jobs;
  const failedJob = failed ? jobOf(failed) : undefined;

  const syncLog = (a: { createdAgo: number; ran: number }, k: number) => {
    const s = a.createdAgo - 0.05;
    const t = (sec: number) => pyTime(s - sec / 60);
    return [
      `${t(0)} INFO invoice_sync: run ${at(14).slice(0, 16)}Z attempt ${k + 1}, window since 2026-11-21T01:00:00Z (last successful sync)`,
      `${t(1.2)} INFO invoice_sync.ledger: fetching invoices updated since 2026-11-21T01:00:00Z (page size 500)`,
      `${t(38)} INFO invoice_sync.ledger: fetched 182,340 invoices in 365 pages`,
      `${t(39)} INFO invoice_sync.reconcile: building reconciliation frame: 182,340 invoices x 31 columns`,
      `${t(52)} WARNING invoice_sync.reconcile: frame is large (182,340 rows); consider INVOICE_SYNC_CHUNK_SIZE`,
      `${t(61)} INFO invoice_sync.reconcile: joining payments (611,902 rows)`,
      '',
    ].join('\n');
  };

  return {
    id: 'jobs-cronjob-invoice-sync-oomkilled',
    class: 'jobs',
    truth: "CronJob invoice-sync's latest Job failed (BackoffLimitExceeded) because each of its 3 pods was OOMKilled (exit 137) at the 256Mi memory limit while building a reconciliation frame of a backlog that grows with every failed run.",
    ask: { service: 'invoice-sync' },
    objects: [
      ...threeNodes(),
      ...cron.objects,
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(failedJob)}`, 14),
      ...(failedJob
        ? [
            ...(failed?.pods ?? []).map((p, i) => jobEvent(failedJob, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, attempts[i]?.createdAgo ?? 14)),
            jobEvent(failedJob, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 8.8, 'Warning'),
          ]
        : []),
      ...(failed?.pods ?? []).flatMap((p, i) => podStarted(ns, nameOf(p), attempts[i]?.node ?? NODE_A, 'sync', image, (attempts[i]?.createdAgo ?? 14) - 0.02)),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob)}, status: Failed`, 8.75),
    ],
    logs: logsOf(failed?.pods ?? [], 'sync', (_p, i) => ({ current: syncLog(attempts[i] ?? { createdAgo: 14, ran: 90 }, i) })),
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|\b137\b/i, /256Mi/],
      facts: [/invoice-sync/, /BackoffLimitExceeded|backoff limit/i],
      never: [/image/i, /deadline/i, /liveness/i],
    },
  };
}

// ---- 11. a CronJob whose image tag was expired by the registry -------------------------------

/**
 * cleanup pins platform/cleanup:1.4.2, which the registry's lifecycle policy expired. Earlier runs
 * worked on nodes that had the image cached; tonight's pod landed on a node launched 40 minutes
 * ago and cannot pull it. The Job stays active, its pod never runs, and (Forbid) later runs are
 * skipped.
 */
function cleanupImageExpired(): CorpusScenario {
  const ns = 'platform';
  const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/platform/cleanup:1.4.2';
  const notFound = `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  const cron = cronJob({
    namespace: ns,
    name: 'cleanup',
    schedule: '0 * * * *',
    template: {
      containers: [batchContainer({ name: 'cleanup', image, command: ['/cleanup', '--expired-sessions', '--orphaned-uploads', '--older-than=24h'], memory: '128Mi', cpu: '100m' })],
      serviceAccountName: 'cleanup',
    },
    jobs: [
      { createdAgo: 14, pods: [{ node: NODE_C, phase: 'Pending', createdAgo: 14, containers: { cleanup: waiting('ImagePullBackOff', `Back-off pulling image "${image}"`) } }] },
      ...[74, 134, 194].map((c) => ({
        createdAgo: c,
        pods: [{ node: NODE_A, phase: 'Succeeded' as const, createdAgo: c, containers: { cleanup: terminated({ exitCode: 0, finishedAgo: c - 0.6, ranSeconds: 31 }) } }],
        outcome: { complete: true as const, ago: c - 0.62 },
      })),
    ],
    lastSuccessfulAgo: 74 - 0.62,
  });
  const [cronObj] = cron.objects;
  const [active, ...done] = cron.jobs;
  const [stuck] = active?.pods ?? [];
  const fieldPath = 'spec.containers{cleanup}';
  const nodes = [
    node({ name: NODE_A, zone: 'eu-west-1a' }),
    node({ name: NODE_B, zone: 'eu-west-1b' }),
    node({ name: NODE_C, zone: 'eu-west-1c', createdAgo: 41, readySince: 40 }),
  ];
  const cleanupLog = (c: number) =>
    [
      `${at(c - 0.1)} level=info msg="cleanup starting" version=1.4.2 older_than=24h`,
      `${at(c - 0.3)} level=info msg="expired sessions deleted" count=${1100 + (c % 97)}`,
      `${at(c - 0.5)} level=info msg="orphaned uploads deleted" count=${30 + (c % 13)} freed_bytes=${(c * 1048573) % 900000000}`,
      `${at(c - 0.58)} level=info msg="cleanup done" duration=29.8s`,
      '',
    ].join('\n');

  return {
    id: 'jobs-cronjob-cleanup-image-tag-expired',
    class: 'jobs',
    truth: "CronJob cleanup's Job of 03:00 is stuck active: its pod on a node launched 40 minutes ago cannot pull platform/cleanup:1.4.2 (not found: the tag was expired by the registry's retention policy; earlier runs used a cached copy), ImagePullBackOff, and the pod never runs.",
    ask: { service: 'cleanup', namespace: ns },
    objects: [
      ...nodes,
      ...cron.objects,
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(active?.objects[0])}`, 14),
      ...(active && stuck
        ? [
            jobEvent(jobOf(active), 'SuccessfulCreate', `Created pod: ${nameOf(stuck)}`, 14),
            scheduled(stuck, 14),
            event({ on: stuck, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 7, firstAgo: 13.9, lastAgo: 2.2, fieldPath }),
            event({ on: stuck, reason: 'Failed', message: notFound, count: 7, firstAgo: 13.9, lastAgo: 2.2, fieldPath }),
            event({ on: stuck, reason: 'Failed', message: 'Error: ErrImagePull', count: 7, firstAgo: 13.9, lastAgo: 2.2, fieldPath }),
            event({ on: stuck, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 57, firstAgo: 13.8, lastAgo: 0.3, fieldPath }),
            event({ on: stuck, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 57, firstAgo: 13.8, lastAgo: 0.3, fieldPath }),
          ]
        : []),
    ],
    logs: done.flatMap((d, i) => logsOf(d.pods, 'cleanup', () => ({ current: cleanupLog([74, 134, 194][i] ?? 74) }))),
    expect: {
      verdict: 'problems',
      headline: [/ImagePullBackOff|pull/i, /cleanup:1\.4\.2|\b1\.4\.2\b/],
      facts: [/not found/i, /cleanup-\d{8}/],
      never: [/\bOOM/, /crash/i, /deadline/i],
    },
  };
}

// ---- 12. a Job pinned to a node pool that does not exist -------------------------------------

/**
 * A backfill Job copied from an old notebook selects eks.amazonaws.com/nodegroup=batch-spot, a node
 * group deleted in last week's cost clean-up. No node matches and the autoscaler has no group that
 * would: the pod has been Pending for three hours.
 */
function jobNodeSelectorNoPool(): CorpusScenario {
  const ns = 'ml';
  const image = 'registry.example.com/ml/feature-backfill:0.9.3';
  const backfill = job({
    namespace: ns,
    name: 'feature-backfill',
    backoffLimit: 2,
    createdAgo: 185,
    template: {
      containers: [batchContainer({ name: 'backfill', image, command: ['python', 'backfill.py', '--from=2026-10-01', '--to=2026-11-20', '--features=merchant_risk_v4'], cpu: '2', memory: '8Gi' })],
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch-spot' },
      tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
      serviceAccountName: 'feature-backfill',
    },
    pods: [{ node: null, createdAgo: 185, unschedulable: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling." }],
  });
  const j = jobOf(backfill);
  const [pending] = backfill.pods;
  const featureStore = deploymentApp({
    namespace: ns,
    name: 'feature-store',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 11 * DAYS, template: { containers: [container({ image: 'registry.example.com/ml/feature-store:5.1.1', memory: '2Gi' })] } }],
    pods: [{ revision: 19, node: NODE_A, createdAgo: 11 * DAYS }, { revision: 19, node: NODE_C, createdAgo: 11 * DAYS }],
  });

  return {
    id: 'jobs-job-pending-nodeselector-missing-pool',
    class: 'jobs',
    truth: "Job feature-backfill's pod has been Pending for 3 hours: its nodeSelector eks.amazonaws.com/nodegroup=batch-spot matches none of the 3 nodes (that node group was deleted) and the cluster autoscaler has no group that would match.",
    ask: { service: 'feature-backfill', namespace: ns },
    objects: [
      ...threeNodes(),
      ...backfill.objects,
      ...featureStore.objects,
      ...exposed({ namespace: ns, name: 'feature-store', selector: { app: 'feature-store' }, pods: featureStore.pods }),
      jobEvent(j, 'SuccessfulCreate', `Created pod: ${nameOf(pending)}`, 185),
      ...(pending
        ? [
            failedScheduling(pending, "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", { count: 38, firstAgo: 185, lastAgo: 4.6 }),
            notTriggerScaleUp(pending, "2 node(s) didn't match Pod's node affinity/selector", { count: 1103, firstAgo: 184.5, lastAgo: 0.2 }),
          ]
        : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node ?selector|affinity|didn't match|did not match/i, /batch-spot/],
      facts: [/0\/3 nodes/, /Pending/i],
      never: [/Insufficient/i, /taint/i, /image/i],
    },
  };
}

export const JOB_SCENARIOS: CorpusScenario[] = [
  migrationBackoffLimit(),
  nightlyReportDeadline(),
  invoiceSyncOomKilled(),
  cleanupImageExpired(),
  jobNodeSelectorNoPool(),
];
