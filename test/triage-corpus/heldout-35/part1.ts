// Held-out stories, thirty-fifth round, part one: a KYC service whose mounted YAML config got
// Norway added to its country list as a bare `- NO`, which PyYAML reads as boolean false, so every
// pod of the `rollout restart` that picked it up fails validation at startup; a Postgres
// StatefulSet re-created with `--cascade=orphan` and a 200Gi volumeClaimTemplate whose existing
// claim stays 50Gi, so the database fills its disk ("No space left on device"); an OnFailure Job
// whose container restarts in place for hours on "NoSuchBucket" after the bucket it reads was
// renamed, never reaching backoffLimit; a Deployment with PriorityClass critical whose rollout
// cannot create pods because the priority-scoped ResourceQuota critical-pods is full (pods 10/10);
// an API whose new partner domain is not in the squid egress proxy's dstdomain allow-list, so
// CONNECTs get TCP_DENIED/403; (containers) an image built on an arm64 laptop and pushed without
// an amd64 variant, so the container dies with "exec format error" on amd64 nodes; and a healthy
// control: an HPA scaling a search frontend down at night, pods draining on SIGTERM.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event,
  exposed, httpProbe, job, jobEvent, nameOf, pyTime, resourceQuota, restartedAgain, rsOf, running,
  scaledReplicaSet, statefulSetApp, tcpProbe, execProbe, boundClaim, hpa, replicaSetOf, ago, epochMs,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. `- NO` in a YAML country list read as false --------------------------------------------------

function yamlNorwayFalse(): CorpusScenario {
  const ns = 'compliance';
  const { nodes, names } = threeEksNodes('10.0.112', ['23', '140', '207']);
  const settings = [
    'service:',
    '  name: kyc-screening',
    '  port: 8000',
    'screening:',
    '  provider: refinitiv',
    '  match_threshold: 0.87',
    '  timeout_seconds: 4',
    '  allowed_countries:',
    '    - DE',
    '    - FR',
    '    - NL',
    '    - SE',
    '    - DK',
    '    - FI',
    '    - NO',
    '    - IE',
    '    - AT',
    'audit:',
    '  sink: kafka',
    '  topic: kyc.audit.v2',
  ].join('\n');
  const conf = configMap({ namespace: ns, name: 'kyc-screening-config', createdAgo: 140 * DAYS, updatedAgo: 38, data: { 'settings.yaml': settings } });
  const image = `${ECR}/compliance/kyc-screening:3.4.2`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8000], cpu: '250m', memory: '512Mi',
      command: ['gunicorn'], args: ['-c', 'gunicorn.conf.py', 'kyc.app:create_app()'],
      env: [{ name: 'KYC_SETTINGS', value: '/etc/kyc/settings.yaml' }, { name: 'LOG_LEVEL', value: 'INFO' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'settings', mountPath: '/etc/kyc', readOnly: true }],
    })],
    volumes: [{ name: 'settings', configMap: { name: 'kyc-screening-config', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'kyc-screening',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 9 * DAYS, changeCause: 'argocd: kyc-screening 3.4.2', template: tpl() },
      { revision: 27, createdAgo: 33, template: tpl(at(33)) },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 26, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 26, node: names[2] ?? '', createdAgo: 4 * DAYS },
      { revision: 27, node: names[1] ?? '', createdAgo: 33, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.8, ranSeconds: 3 }, 11) } },
    ],
  });
  const other = bystander(ns, 'sanctions-sync', names, 70, { revisions: [11, 12], versions: ['1.8.0', '1.9.0'], olderAgo: 20 * DAYS });
  const bad = podOf(app, 3);
  const prev = lines(
    `[${pyTime(1.85)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(1.85)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(1.85)} +0000] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    `[${pyTime(1.84)} +0000] [7] [INFO] Booting worker with pid: 7`,
    `${pyTime(1.83)} INFO kyc.config: loading settings from /etc/kyc/settings.yaml`,
    `[${pyTime(1.82)} +0000] [7] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.11/site-packages/uvicorn/workers.py", line 75, in init_process',
    '    super().init_process()',
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/workers/base.py", line 134, in init_process',
    '    self.load_wsgi()',
    '  File "/app/kyc/app.py", line 31, in create_app',
    '    settings = load_settings(os.environ["KYC_SETTINGS"])',
    '  File "/app/kyc/config.py", line 64, in load_settings',
    '    _validate_countries(raw["screening"]["allowed_countries"])',
    '  File "/app/kyc/config.py", line 91, in _validate_countries',
    '    raise ConfigError(f"invalid country code in screening.allowed_countries: {code!r} (expected ISO 3166-1 alpha-2)")',
    'kyc.config.ConfigError: invalid country code in screening.allowed_countries: False (expected ISO 3166-1 alpha-2)',
    `[${pyTime(1.81)} +0000] [7] [INFO] Worker exiting (pid: 7)`,
    `[${pyTime(1.8)} +0000] [1] [ERROR] Worker (pid:7) exited with code 3`,
    `[${pyTime(1.8)} +0000] [1] [ERROR] Shutting down: Master`,
    `[${pyTime(1.8)} +0000] [1] [ERROR] Reason: Worker failed to boot.`,
  );
  const okLog = (k: number) => lines(
    `${pyTime(12 + k)} INFO kyc.screening: screened applicant_id=ap_${88120 + k} country=SE result=clear score=0.12 latency_ms=${310 + k * 17}`,
    `${pyTime(6 + k)} INFO kyc.screening: screened applicant_id=ap_${88190 + k} country=DE result=review score=0.89 latency_ms=${402 + k * 9}`,
    `${pyTime(1 + k * 0.2)} INFO uvicorn.access: 10.0.112.9:0 - "GET /health/ready HTTP/1.1" 200`,
  );
  return {
    id: 'heldout35-yaml-norway-country-false',
    class: 'config',
    truth: 'Someone added Norway to screening.allowed_countries in the kyc-screening-config ConfigMap (kubectl edit 38 minutes ago) as a bare `- NO`. PyYAML follows YAML 1.1, where NO is a boolean, so the list holds False; kyc-screening validates the list at startup and raises "invalid country code in screening.allowed_countries: False". The `kubectl rollout restart` 33 minutes ago (revision 27) made new pods read the edited file, and each crashes at boot; the rollout is stuck with the three old pods still serving (they read the config only at startup). Fix: quote the code ("NO") in the ConfigMap; rolling back the Deployment would not help, as any new pod reads the same ConfigMap.',
    ask: { service: 'kyc-screening', namespace: ns },
    objects: [
      ...nodes, conf, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'kyc-screening', selector: { app: 'kyc-screening' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 33),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 70),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 68),
      ...restartedAgain(bad, 'app', image, { count: 12, firstAgo: 33, lastAgo: 1.9 }),
      backOff(bad, 'app', { count: 140, firstAgo: 32, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(bad, 'app', { previous: prev, current: '' }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bNO\b|[Nn]orway|[Bb]oolean|\b[Ff]alse\b|[Cc]ountr/, /config|YAML|allowed_countries|kyc-screening-config|settings/i],
      facts: [/kyc-screening-config/, /\bNO\b|Norway/, /\bFalse\b|boolean/i, /quot|"NO"|'NO'|YAML 1\.1/i, /invalid country code/i],
      never: [ADVISES_ROLLBACK, /\bOOM/i, /sanctions-sync/, /exit(ed)? (with )?(code )?127|command not found/i, /liveness/i],
    },
  };
}

// ---- 2. StatefulSet re-created with a bigger volumeClaimTemplate; the claim stays 50Gi ---------------

function stsTemplateNotResized(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.64', ['15', '131', '222']);
  const zone = 'eu-west-1b';
  const image = 'docker.io/library/postgres:16.4-bookworm';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'ledger-pg',
    replicas: 1,
    serviceName: 'ledger-pg-headless',
    createdAgo: 2 * DAYS + 200,
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    revisions: [{
      revision: 1, createdAgo: 2 * DAYS + 200,
      template: {
        containers: [container({
          name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        })],
      },
    }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 2 * DAYS + 199, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 9 }, 14) } }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-ledger-pg-0', storage: '50Gi', zone, createdAgo: 214 * DAYS, labels: { app: 'ledger-pg' } });
  const apiImage = `${ECR}/ledger/ledger-api:7.2.0`;
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 7.2.0', template: { containers: [container({ image: apiImage, env: [{ name: 'DATABASE_URL', value: 'postgres://ledger_app@ledger-pg.ledger.svc.cluster.local:5432/ledger' }], readiness: httpProbe('/readyz', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 58, node: names[k * 2] ?? '', createdAgo: 6 * DAYS - k, containers: { app: running({ ready: false, sinceAgo: 6 * DAYS - k }) } })),
  });
  const other = bystander(ns, 'ledger-reconciler', names, 45, { revisions: [19, 20], versions: ['2.0.3', '2.1.0'], olderAgo: 30 * DAYS });
  const p0 = podOf(pg, 0);
  const prev = lines(
    `${pgTime(2.65)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(2.65)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(2.64)} [29] LOG:  database system was interrupted; last known up at 2026-11-21 02:31:07 UTC`,
    `${pgTime(2.63)} [29] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${pgTime(2.6)} [29] LOG:  redo starts at 3A/D1F02B88`,
    `${pgTime(2.55)} [29] LOG:  redo done at 3A/FFFFE0B0 system usage: CPU: user: 1.91 s, system: 0.88 s, elapsed: 2.71 s`,
    `${pgTime(2.52)} [29] PANIC:  could not write to file "pg_wal/xlogtemp.29": No space left on device`,
    `${pgTime(2.51)} [1] LOG:  startup process (PID 29) was terminated by signal 6: Aborted`,
    `${pgTime(2.5)} [1] LOG:  aborting startup due to startup process failure`,
    `${pgTime(2.5)} [1] LOG:  database system is shut down`,
  );
  const apiLog = (k: number) => lines(
    `{"level":"error","ts":"${at(3 + k * 0.3)}","msg":"db ping failed","error":"dial tcp 172.20.77.41:5432: connect: connection refused"}`,
    `{"level":"error","ts":"${at(1.2 + k * 0.3)}","msg":"post journal entry","error":"failed to connect to \`host=ledger-pg.ledger.svc.cluster.local user=ledger_app database=ledger\`: dial error (dial tcp 172.20.77.41:5432: connect: connection refused)","entry":"je_${771020 + k}"}`,
  );
  return {
    id: 'heldout35-sts-template-resize-not-applied',
    class: 'storage',
    truth: 'Two days ago the team "grew" the ledger-pg disks by deleting the StatefulSet with --cascade=orphan and re-applying it with volumeClaimTemplates storage 200Gi (was 50Gi). Templates only apply to claims created afterwards: the existing claim data-ledger-pg-0 and its EBS volume stayed 50Gi. The database kept growing, filled the 50Gi volume, and Postgres now PANICs "could not write to file pg_wal/xlogtemp: No space left on device" at every start, so ledger-pg-0 crash-loops and ledger-api cannot connect. Fix: expand the claim itself (patch data-ledger-pg-0 spec.resources.requests.storage to 200Gi; gp3 allows volume expansion), then let Postgres recover.',
    ask: { service: 'ledger-pg', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, claim, vol, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-pg', selector: { app: 'ledger-pg' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432, clusterIP: '172.20.77.41' }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 45),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 0, 2, 43),
      ...restartedAgain(p0, 'postgres', image, { count: 15, firstAgo: 41, lastAgo: 2.8 }),
      backOff(p0, 'postgres', { count: 160, firstAgo: 40, lastAgo: 0.3 }),
      event({ on: p0, reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - no response', count: 44, firstAgo: 42, lastAgo: 2.6, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(p0, 'postgres', { previous: prev, current: '' }),
      ...[0, 1].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/disk|volume|space|full|PVC|claim|storage/i, /50 ?Gi|not (been )?resized|resiz|volumeClaimTemplate|template|No space left/i],
      facts: [/No space left on device/i, /data-ledger-pg-0/, /50 ?Gi/, /200 ?Gi/, /volumeClaimTemplate|template|expand|patch/i],
      never: [/\bOOM/i, ADVISES_ROLLBACK, /Multi-Attach/i, /ledger-reconciler/, /corrupt/i],
    },
  };
}

// ---- 3. OnFailure Job restarting in place on NoSuchBucket --------------------------------------------

function jobOnFailureNoSuchBucket(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['40', '118', '203']);
  const image = `${ECR}/billing/invoice-export:2.3.1`;
  const c = batchContainer({
    name: 'export', image, cpu: '500m', memory: '1Gi',
    command: ['python', '-m', 'invoice_export'], args: ['--period', '2026-11', '--format', 'parquet'],
    env: [
      { name: 'SOURCE_BUCKET', value: 'acme-billing-invoices-raw' },
      { name: 'SOURCE_PREFIX', value: 'invoices/2026/11/' },
      { name: 'DEST_BUCKET', value: 'acme-finance-exports' },
      { name: 'AWS_REGION', value: 'eu-west-1' },
    ],
  });
  const built = job({
    namespace: ns, name: 'invoice-export-2026-11', backoffLimit: 4, createdAgo: 5 * HOURS + 12,
    template: { containers: [c], serviceAccountName: 'invoice-export' },
    pods: [{ node: names[2] ?? '', createdAgo: 5 * HOURS + 12, containers: { export: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 4 }, 57) } }],
  });
  const jobObj = built.objects[0] as k8s.V1Job;
  if (jobObj.spec?.template.spec) jobObj.spec.template.spec.restartPolicy = 'OnFailure';
  const pod = podOf(built, 0);
  if (pod.spec) pod.spec.restartPolicy = 'OnFailure';
  const other = bystander(ns, 'billing-api', names, 95, { revisions: [40, 41], versions: ['9.4.0', '9.5.0'], olderAgo: 12 * DAYS });
  const prev = lines(
    `${pyTime(3.17)} INFO invoice_export: starting export period=2026-11 format=parquet`,
    `${pyTime(3.16)} INFO botocore.credentials: Found credentials from IAM Role: billing-invoice-export-irsa`,
    `${pyTime(3.15)} INFO invoice_export.source: listing s3://acme-billing-invoices-raw/invoices/2026/11/`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/runpy.py", line 198, in _run_module_as_main',
    '    return _run_code(code, main_globals, None,',
    '  File "/app/invoice_export/__main__.py", line 44, in <module>',
    '    main()',
    '  File "/app/invoice_export/__main__.py", line 37, in main',
    '    for page in source.iter_pages(args.period):',
    '  File "/app/invoice_export/source.py", line 22, in iter_pages',
    '    for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix):',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1021, in _make_api_call',
    '    raise error_class(parsed_response, operation_name)',
    'botocore.errorfactory.NoSuchBucket: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist',
  );
  return {
    id: 'heldout35-job-onfailure-nosuchbucket',
    class: 'jobs',
    truth: 'The monthly invoice-export-2026-11 Job reads s3://acme-billing-invoices-raw, which the data platform team renamed yesterday (to acme-billing-invoices-raw-eu); every run fails in seconds with "NoSuchBucket: The specified bucket does not exist". The Job uses restartPolicy OnFailure, so the kubelet restarts the container in place in the same pod (57 restarts, CrashLoopBackOff) instead of the Job controller creating new pods; backoffLimit 4 counts pod failures and is never reached, so the Job has sat active for 5 hours, neither failing nor finishing. Fix: point SOURCE_BUCKET at the new bucket name and re-create the Job; consider restartPolicy Never or activeDeadlineSeconds so such a Job fails visibly.',
    ask: { service: 'invoice-export-2026-11', namespace: ns },
    objects: [
      ...nodes, ...built.objects, ...other.objects,
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`, 5 * HOURS + 12),
      event({ on: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(pod)} to ${names[2] ?? ''}`, firstAgo: 5 * HOURS + 12, component: 'default-scheduler' }),
      ...restartedAgain(pod, 'export', image, { count: 58, firstAgo: 5 * HOURS + 11, lastAgo: 3.2 }),
      backOff(pod, 'export', { count: 1290, firstAgo: 5 * HOURS + 10, lastAgo: 0.4 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 95),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 2, 93),
    ],
    logs: [logsFor(pod, 'export', { previous: prev, current: '' })],
    expect: {
      verdict: 'problems',
      headline: [/bucket|S3/i, /NoSuchBucket|does not exist|not exist|renamed|missing|no such|wrong/i],
      facts: [/NoSuchBucket|bucket does not exist/i, lit('acme-billing-invoices-raw'), /OnFailure|in place|same pod|never (reach|hit)|backoff ?limit/i, /\b57\b/],
      never: [/BackoffLimitExceeded|(has )?reached (the |its )?(specified )?backoff ?limit/i, /\bOOM/i, /DeadlineExceeded/i, /AccessDenied|permission denied|IAM (role|polic)[^\n]*(missing|denied)/i, /billing-api/],
    },
  };
}

// ---- 4. a PriorityClass-scoped ResourceQuota full: FailedCreate during a rollout ---------------------

function priorityQuotaFull(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.48', ['22', '109', '230']);
  const image = (v: string) => `${ECR}/checkout/checkout-api:${v}`;
  const tpl = (v: string) => ({
    priorityClassName: 'critical',
    containers: [container({ image: image(v), cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 10,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: checkout-api 6.14.2', template: tpl('6.14.2') },
      { revision: 23, createdAgo: 26, changeCause: 'argocd: checkout-api 6.15.0', template: tpl('6.15.0') },
    ],
    pods: Array.from({ length: 10 }, (_, k) => ({ revision: 22, node: names[k % 3] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const newRs = replicaSetOf(app, 23) as k8s.V1ReplicaSet;
  const quotaMsg = (pod: string) => `Error creating: pods "${pod}" is forbidden: exceeded quota: critical-pods, requested: pods=1, used: pods=10, limited: pods=10`;
  const failMsg = quotaMsg(`${nameOf(newRs)}-4xq7m`);
  if (newRs.spec) newRs.spec.replicas = 3;
  newRs.status = { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failMsg, lastTransitionTime: ago(26) }] };
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(11 * DAYS), lastTransitionTime: ago(11 * DAYS) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failMsg, lastUpdateTime: ago(26), lastTransitionTime: ago(26) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${nameOf(newRs)}" has timed out progressing.`, lastUpdateTime: ago(16), lastTransitionTime: ago(16) },
    ];
    dep.status.updatedReplicas = 0;
  }
  const quota = resourceQuota({ namespace: ns, name: 'critical-pods', createdAgo: 60 * DAYS, hard: { pods: '10' }, used: { pods: '10' } }) as k8s.V1ResourceQuota;
  if (quota.spec) quota.spec.scopeSelector = { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['critical'] }] };
  const compute = resourceQuota({ namespace: ns, name: 'compute', createdAgo: 200 * DAYS, hard: { 'requests.cpu': '40', 'requests.memory': '80Gi', pods: '60' }, used: { 'requests.cpu': '6500m', 'requests.memory': '14Gi', pods: '14' } });
  const other = bystander(ns, 'checkout-worker', names, 19, { revisions: [30, 31], versions: ['3.2.0', '3.3.0'], olderAgo: 9 * DAYS });
  const log = (k: number) => lines(
    `time=${at(9 + k * 0.1)} level=INFO msg=request method=POST path=/v1/checkout/sessions status=201 dur_ms=${88 + k}`,
    `time=${at(4 + k * 0.1)} level=INFO msg=request method=GET path=/v1/checkout/sessions/cs_${71220 + k} status=200 dur_ms=${12 + k}`,
    `time=${at(0.6)} level=INFO msg="pool stats" open=${9 + (k % 3)} idle=${6 + (k % 2)}`,
  );
  return {
    id: 'heldout35-priority-scoped-quota-full',
    class: 'capacity',
    truth: 'checkout-api runs with priorityClassName critical, and the namespace has a ResourceQuota critical-pods scoped to PriorityClass In [critical] with pods: 10. checkout-api already has 10 critical pods, so the rollout of 6.15.0 (revision 23, 26 minutes ago; maxSurge 25%, maxUnavailable 0) cannot create a single surge pod: the new ReplicaSet gets FailedCreate "exceeded quota: critical-pods, requested: pods=1, used: pods=10, limited: pods=10" and the rollout passed its progress deadline. Old pods keep serving; checkout-worker (no priority class) deploys fine under the general compute quota. Fix: raise critical-pods to leave surge headroom (e.g. 13+), or use maxUnavailable >0 for this Deployment.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, quota, compute,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      scaledReplicaSet(dep, nameOf(newRs), 3, 0, 26),
      event({ on: newRs, reason: 'FailedCreate', message: failMsg, count: 34, firstAgo: 26, lastAgo: 0.7, component: 'replicaset-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 17),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/quota|critical-pods/i, /pods|priority|critical|exceeded|full|limit/i],
      facts: [/critical-pods/, /pods=10|10\/10|10 of 10|limit(ed)?:? (of )?(pods[= ])?10/i, /PriorityClass|priority ?class|\bcritical\b/i, /FailedCreate|cannot create|can't create|could not create/i],
      never: [/checkout-worker/, /Insufficient (cpu|memory)|unschedulable|FailedScheduling/i, ADVISES_ROLLBACK, /\bOOM/i, /\bcompute\b[^\n]*(exceeded|full)/i],
    },
  };
}

// ---- 5. squid egress proxy denies the new partner domain ----------------------------------------------

function squidAclDeniesNewPartner(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.52', ['31', '146', '219']);
  const squidConf = [
    'http_port 3128',
    'acl localnet src 10.0.0.0/8',
    'acl SSL_ports port 443',
    'acl CONNECT method CONNECT',
    'acl allowed_domains dstdomain .stripe.com .sendgrid.net api.oldpartner.example .amazonaws.com sso.acme.io',
    'http_access deny CONNECT !SSL_ports',
    'http_access allow localnet allowed_domains',
    'http_access deny all',
    'access_log stdio:/dev/stdout squid',
    'cache_log stdio:/dev/stderr',
    'cache deny all',
    'shutdown_lifetime 5 seconds',
  ].join('\n');
  const conf = configMap({ namespace: ns, name: 'egress-proxy-squid-conf', createdAgo: 180 * DAYS, updatedAgo: 41 * DAYS, data: { 'squid.conf': squidConf } });
  const squidImage = 'docker.io/ubuntu/squid:6.6-24.04_beta';
  const proxy = deploymentApp({
    namespace: ns, name: 'egress-proxy', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 41 * DAYS, changeCause: 'kubectl apply', template: {
      containers: [container({ name: 'squid', image: squidImage, ports: [{ name: 'proxy', containerPort: 3128 }], cpu: '100m', memory: '256Mi', readiness: tcpProbe('proxy'), liveness: tcpProbe('proxy', { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/squid/squid.conf', subPath: 'squid.conf', readOnly: true }] })],
      volumes: [{ name: 'conf', configMap: { name: 'egress-proxy-squid-conf', defaultMode: 420 } }],
    } }],
    pods: [0, 1].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 41 * DAYS - k })),
  });
  const apiImage = (v: string) => `${ECR}/loyalty/rewards-api:${v}`;
  const env = (withPartner: boolean): k8s.V1EnvVar[] => [
    { name: 'HTTP_PROXY', value: 'http://egress-proxy.loyalty.svc.cluster.local:3128' },
    { name: 'HTTPS_PROXY', value: 'http://egress-proxy.loyalty.svc.cluster.local:3128' },
    { name: 'NO_PROXY', value: '.svc,.cluster.local,10.0.0.0/8,172.20.0.0/16' },
    { name: 'PARTNER_API_URL', value: withPartner ? 'https://api.newpartner.example/v2' : 'https://api.oldpartner.example/v1' },
  ];
  const tpl = (v: string, p: boolean) => ({ containers: [container({ image: apiImage(v), env: env(p), cpu: '300m', memory: '512Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'rewards-api', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 15 * DAYS, changeCause: 'argocd: rewards-api 4.7.1', template: tpl('4.7.1', false) },
      { revision: 42, createdAgo: 55, changeCause: 'argocd: rewards-api 4.8.0', template: tpl('4.8.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 54 - k })),
    settled: { available: true, availableSince: 15 * DAYS, progressingSince: 55, progressingUpdatedAgo: 51 },
  });
  const other = bystander(ns, 'points-ledger', names, 200, { revisions: [14, 15], versions: ['1.12.0', '1.13.0'], olderAgo: 22 * DAYS });
  const apiLog = (k: number) => {
    const out: string[] = [`${pyTime(53 - k)} INFO rewards.app: starting rewards-api 4.8.0 partner=https://api.newpartner.example/v2`];
    for (let i = 0; i < 10; i++) {
      const t = 44 - i * 4.3 - k * 0.2;
      out.push(`${pyTime(t)} INFO uvicorn.access: 10.0.52.${70 + k}:0 - "GET /v1/members/m_${40210 + i}/points HTTP/1.1" 200`);
      out.push(`${pyTime(t - 0.05)} ERROR rewards.partner: redeem failed member=m_${40210 + i} offer=ofr_${880 + i}: HTTPSConnectionPool(host='api.newpartner.example', port=443): Max retries exceeded with url: /v2/redemptions (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 403 Forbidden')))`);
      out.push(`${pyTime(t - 0.06)} INFO uvicorn.access: 10.0.52.${70 + k}:0 - "POST /v1/redemptions HTTP/1.1" 502`);
    }
    return out.join('\n') + '\n';
  };
  const squidTs = (m: number) => (epochMs(m) / 1000).toFixed(3);
  const squidLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 45 - i * 3.7 - k * 0.3;
      out.push(`${squidTs(t)}    412 10.0.52.${90 + i % 3} TCP_TUNNEL/200 6203 CONNECT api.stripe.com:443 - HIER_DIRECT/54.187.216.72 -`);
      out.push(`${squidTs(t - 0.04)}      0 10.0.52.${90 + i % 3} TCP_DENIED/403 3990 CONNECT api.newpartner.example:443 - HIER_NONE/- text/html`);
      if (i % 4 === 1) out.push(`${squidTs(t - 0.08)}    188 10.0.52.${91} TCP_TUNNEL/200 4410 CONNECT api.sendgrid.net:443 - HIER_DIRECT/159.183.224.105 -`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout35-squid-acl-denies-new-partner',
    class: 'network',
    truth: 'rewards-api 4.8.0 (revision 42, 55 minutes ago) switched redemptions to a new partner, api.newpartner.example. All of its outbound HTTPS goes through the in-namespace squid egress-proxy (HTTPS_PROXY), whose squid.conf (ConfigMap egress-proxy-squid-conf) allows only the dstdomains in acl allowed_domains (.stripe.com, .sendgrid.net, api.oldpartner.example, …) and ends with http_access deny all. squid answers every CONNECT api.newpartner.example:443 with TCP_DENIED/403, requests fail with "Tunnel connection failed: 403 Forbidden", and POST /v1/redemptions returns 502. Pods and the proxy are healthy. Fix: add api.newpartner.example to allowed_domains and reconfigure/restart squid.',
    ask: { service: 'rewards-api', namespace: ns },
    objects: [
      ...nodes, conf, ...proxy.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'egress-proxy', selector: { app: 'egress-proxy' }, pods: proxy.pods, ports: [{ name: 'proxy', port: 3128, targetPort: 'proxy' }], endpointPort: 3128 }),
      ...exposed({ namespace: ns, name: 'rewards-api', selector: { app: 'rewards-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 42), 3, 0, 55),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 41), 0, 3, 52),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(proxy, k), 'squid', { current: squidLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy|squid|egress/i, /denied|403|forbidden|allow|block|not (in|on)|acl/i],
      facts: [lit('api.newpartner.example'), /TCP_DENIED|403/i, /egress-proxy|squid/i, /allowed_domains|acl|allow-?list|dstdomain|squid\.conf|egress-proxy-squid-conf/i],
      never: [/NetworkPolicy/i, /NXDOMAIN|DNS (fail|resol)/i, /egress-proxy[^\n]*(crash|not ready|unready|down\b)/i, /\bOOM/i, /points-ledger/],
    },
  };
}

// ---- 6. an arm64-only image on amd64 nodes: exec format error ---------------------------------------

function execFormatErrorArm64Image(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.120', ['11', '150', '236']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['/usr/local/bin/thumbnailer'], args: ['serve', '--listen=:8080'], cpu: '1', memory: '1Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 17 * DAYS, changeCause: 'helm upgrade thumbnailer --set image.tag=2.7.4', template: tpl('2.7.4') },
      { revision: 19, createdAgo: 22, changeCause: 'helm upgrade thumbnailer --set image.tag=2.8.0', template: tpl('2.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 17 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 22, containers: { app: crashLoop({ exitCode: 255, finishedAgo: 1.4, ranSeconds: 0 }, 9) } },
    ],
  });
  const other = bystander(ns, 'transcoder', names, 140, { revisions: [51, 52], versions: ['5.0.2', '5.1.0'], olderAgo: 25 * DAYS });
  const bad = podOf(app, 3);
  const okLog = (k: number) => lines(
    `time=${at(7 + k * 0.2)} level=INFO msg="thumbnail generated" src=s3://acme-media-originals/u/${5120 + k}/IMG_${2201 + k}.HEIC sizes=[160,320,640] dur=${412 + k * 23}ms`,
    `time=${at(2 + k * 0.2)} level=INFO msg="thumbnail generated" src=s3://acme-media-originals/u/${6018 + k}/clip_${k}.jpg sizes=[160,320,640] dur=${133 + k * 7}ms`,
  );
  return {
    id: 'heldout35-exec-format-error-arm64-image',
    class: 'containers',
    truth: 'thumbnailer 2.8.0 (revision 19, helm upgrade 22 minutes ago) was built with `docker build` on a developer\'s Apple-silicon laptop and pushed by hand, so the image holds only a linux/arm64 binary. The nodes are amd64; the kernel refuses the binary and the container dies instantly with "exec /usr/local/bin/thumbnailer: exec format error" (exit 255), crash-looping. With maxUnavailable 0 the three 2.7.4 pods keep serving. Fix: rebuild and push 2.8.0 for linux/amd64 (docker buildx --platform linux/amd64,linux/arm64) or roll back to 2.7.4.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 22),
      event({ on: bad, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.8.0')}" in 6.204s (6.204s including waiting). Image size: 48211904 bytes.`, firstAgo: 21.8, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(bad, 'app', image('2.8.0'), { count: 9, firstAgo: 21.5, lastAgo: 1.4 }),
      backOff(bad, 'app', { count: 98, firstAgo: 21.4, lastAgo: 0.3 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 52), 2, 0, 140),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 51), 0, 2, 138),
    ],
    logs: [
      logsFor(bad, 'app', { previous: 'exec /usr/local/bin/thumbnailer: exec format error\n', current: '' }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exec format error|architecture|arm64|platform|\barch\b/i, /thumbnailer|image|2\.8\.0|crash|binary/i],
      facts: [/exec format error/i, /arm64|architecture|amd64|platform/i, /2\.8\.0|revision 19/, /\b255\b/],
      never: [/\bOOM/i, /command not found|exit(ed)? (with )?(code )?127/i, /ImagePull|ErrImage/i, /shared librar/i, /transcoder/],
    },
  };
}

// ---- 7. healthy: HPA scaling a frontend down at night, pods draining --------------------------------

function healthyHpaNightScaleDown(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '127', '244']);
  const image = `${ECR}/search/search-frontend:12.3.0`;
  const app = deploymentApp({
    namespace: ns, name: 'search-frontend', replicas: 4,
    revisions: [{ revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: search-frontend 12.3.0', template: { terminationGracePeriodSeconds: 45, containers: [container({ image, cpu: '500m', memory: '768Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] } }],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
      { revision: 88, node: names[1] ?? '', createdAgo: 9 * HOURS, deletingAgo: 0.4, ready: false, containers: { app: running({ ready: false, sinceAgo: 9 * HOURS }) } },
      { revision: 88, node: names[2] ?? '', createdAgo: 9 * HOURS + 1, deletingAgo: 0.4, ready: false, containers: { app: running({ ready: false, sinceAgo: 9 * HOURS + 1 }) } },
    ],
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS },
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  const rs = rsOf(app, 88);
  const scaler = hpa({ namespace: ns, name: 'search-frontend', target: { kind: 'Deployment', name: 'search-frontend' }, min: 3, max: 24, current: 4, desired: 4, cpu: { current: 42, target: 65, averageValue: '210m' }, lastScaleAgo: 0.5 });
  const other = bystander(ns, 'search-indexer', names, 6 * HOURS, { revisions: [30, 31], versions: ['4.4.0', '4.5.0'], olderAgo: 10 * DAYS });
  const hpaEvent = (to: number, ago_: number) => event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-frontend', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${to}; reason: All metrics below target`, firstAgo: ago_, lastAgo: ago_, component: 'horizontal-pod-autoscaler' });
  const draining = [podOf(app, 4), podOf(app, 5)];
  const drainLog = (k: number) => lines(
    `{"level":"info","ts":"${at(3 + k * 0.1)}","msg":"request","method":"GET","path":"/search","q_len":${11 + k},"status":200,"duration_ms":${41 + k}}`,
    `{"level":"info","ts":"${at(0.4)}","msg":"received SIGTERM, draining","inflight":${3 + k},"grace":"40s"}`,
    `{"level":"info","ts":"${at(0.38)}","msg":"readiness set to false; waiting for endpoints to drop","delay":"5s"}`,
    `{"level":"info","ts":"${at(0.3)}","msg":"drained in-flight requests","remaining":0}`,
    `{"level":"info","ts":"${at(0.29)}","msg":"http server shut down cleanly"}`,
  );
  const okLog = (k: number) => lines(
    `{"level":"info","ts":"${at(2 + k * 0.1)}","msg":"request","method":"GET","path":"/search","q_len":${8 + k},"status":200,"duration_ms":${35 + k}}`,
    `{"level":"info","ts":"${at(0.5 + k * 0.05)}","msg":"request","method":"GET","path":"/suggest","q_len":3,"status":200,"duration_ms":${9 + k}}`,
  );
  return {
    id: 'heldout35-healthy-hpa-night-scale-down',
    class: 'healthy',
    truth: 'At 03:00 traffic to search-frontend falls and its HPA (CPU target 65%, 42% before the last step) scales it down: 9 → 6 at 02:41 and 6 → 4 half a minute ago. Two pods are terminating gracefully (SIGTERM, drain, clean shutdown within the 45 s grace period), the kubelet recorded Normal Killing events, and the four remaining pods are ready. Nothing is wrong.',
    ask: { service: 'search-frontend', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'search-frontend', selector: { app: 'search-frontend' }, pods: app.pods.slice(0, 4) }),
      hpaEvent(6, 33), hpaEvent(4, 0.5),
      scaledReplicaSet(dep, rs, 6, 9, 33), scaledReplicaSet(dep, rs, 4, 6, 0.5),
      ...draining.map((p) => event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 0.45, lastAgo: 0.45, fieldPath: 'spec.containers{app}' })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 6 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 6 * HOURS - 2),
    ],
    logs: [
      ...draining.map((p, k) => logsFor(p, 'app', { current: drainLog(k) })),
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|nothing (is )?wrong|ok\b/i],
      facts: [/scal(ed|ing) (it )?down|HPA|autoscal/i, /search-frontend/],
      never: [/\bOOM/i, /crash ?loop/i, /liveness/i, /not ready[^\n]*(problem|fail)/i, /search-indexer/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  yamlNorwayFalse(),
  stsTemplateNotResized(),
  jobOnFailureNoSuchBucket(),
  priorityQuotaFull(),
  squidAclDeniesNewPartner(),
  execFormatErrorArm64Image(),
  healthyHpaNightScaleDown(),
];
