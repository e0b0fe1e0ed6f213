// Held-out stories, round 30, part two: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// A CronJob whose schedule was hand-edited from `15 * * * *` to `15 * 1 * *` (meant as a daily
// 01:15 run, it now fires only on the 1st of the month) and has not run for almost four days; a
// worker whose new base image has no time-zone database (ZoneInfoNotFoundError for Europe/Berlin)
// and whose Deployment keeps no revision history, so there is nothing to `rollout undo` to; a
// revision that fills ZONE from a downward-API fieldRef on a pod label only nodes carry, so the
// app refuses to start; a NetworkPolicy that admits the ingress controller by a `name` namespace
// label the re-installed ingress-nginx namespace no longer has (504s while the pods are Ready);
// an application's own three-member etcd at its 256 MiB backend quota with no auto-compaction
// (NOSPACE: reads work, writes fail); a Node service that dies on SIGTERM with no preStop hook,
// so every rollout (one is in progress) costs a burst of 502s at the ingress; and a healthy
// control whose restarts and probe failures all date from a database maintenance window hours ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, boundClaim, configMap, container, createdPod, crashLoop, cronJob, cronJobEvent,
  deploymentApp, epochMs, event, exposed, httpProbe, jobEvent, nameOf, nameSuffix, namespace, networkPolicy, probeFailed,
  probeKilling, pulledFresh, pyTime, replicaSetOf, restartedAgain, running, rsOf, scaledReplicaSet,
  startedNormally, statefulSetApp, templateHash, terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers --------------------------------------------------------------------------

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

function deploymentOf(app: Built): k8s.V1Deployment {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment built');
  return d as k8s.V1Deployment;
}

/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** klog's header: `I1121 00:12:31.771240`. */
const klogTime = (m: number, level = 'I'): string => {
  const s = at(m);
  return `${level}${s.slice(5, 7)}${s.slice(8, 10)} ${s.slice(11, 23)}${String(Math.round(m * 997) % 1000).padStart(3, '0')}`;
};

/** The CLF time ingress-nginx writes in its access log, from `at`. */
const clf = (m: number): string => {
  const d = ago(m);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
};

const reqId = (seed: string): string => templateHash(`req/${seed}`).replace(/[^a-z0-9]/g, '') + nameSuffix(seed) + templateHash(`r2/${seed}`);

/** The ingress-nginx controller as its Helm chart installs it, in namespace `ingress-nginx`. */
function ingressNginx(names: readonly string[], createdAgo: number): { app: Built; objects: KubeJson[] } {
  const ns = 'ingress-nginx';
  const selector = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const tpl = {
    containers: [
      container({
        name: 'controller',
        image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3',
        args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443'],
        env: [
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
        ],
        ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'metrics', containerPort: 10254 }, { name: 'webhook', containerPort: 8443 }],
        cpu: '100m',
        memory: '90Mi',
        memoryLimit: null,
        readiness: httpProbe('/healthz', 10254),
        liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, failureThreshold: 5 }),
      }),
    ],
    serviceAccountName: 'ingress-nginx',
    terminationGracePeriodSeconds: 300,
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'ingress-nginx-controller',
    replicas: 2,
    selector,
    createdAgo,
    revisions: [{ revision: 1, createdAgo, template: tpl }],
    pods: [
      { revision: 1, node: names[0] ?? '', createdAgo: createdAgo - 0.2 },
      { revision: 1, node: names[2] ?? '', createdAgo: createdAgo - 0.2 },
    ],
  });
  const svc = exposed({ namespace: ns, name: 'ingress-nginx-controller', selector, type: 'LoadBalancer', createdAgo, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], pods: app.pods, endpointPort: 80 });
  return { app, objects: [...app.objects, ...svc] };
}

/** The ingress-nginx controller's startup banner and klog lines. */
function nginxBanner(startedAgo: number, podIp: string): string {
  return lines(
    '-------------------------------------------------------------------------------',
    'NGINX Ingress controller',
    '  Release:       v1.11.3',
    '  Build:         0106de65cfccb74405a6dfa7d9daffc6f0a6ef1a',
    '  Repository:    https://github.com/kubernetes/ingress-nginx',
    '  nginx version: nginx/1.25.5',
    '',
    '-------------------------------------------------------------------------------',
    '',
    `${klogTime(startedAgo)}       7 main.go:205] "Creating API client" host="https://172.20.0.1:443"`,
    `${klogTime(startedAgo - 0.01)}       7 main.go:248] "Running in Kubernetes cluster" major="1" minor="31+" git="v1.31.2-eks-94953ac" state="clean" commit="b8ff46d2bc65c8acfdbde1b6bd4b5b51b8b5fa5d" platform="linux/amd64"`,
    `${klogTime(startedAgo - 0.02)}       7 main.go:101] "SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"`,
    `${klogTime(startedAgo - 0.03)}       7 nginx.go:271] "Starting NGINX Ingress controller"`,
    `${klogTime(startedAgo - 0.05)}       7 leaderelection.go:254] attempting to acquire leader lease ingress-nginx/ingress-nginx-leader...`,
    `${klogTime(startedAgo - 0.06)}       7 controller.go:193] "Configuration changes detected, backend reload required"`,
    `${klogTime(startedAgo - 0.08)}       7 controller.go:213] "Backend successfully reloaded"`,
    `${klogTime(startedAgo - 0.08)}       7 controller.go:224] "Initial sync, sleeping for 1 second"`,
    `${klogTime(startedAgo - 0.09)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"", APIVersion:"v1", FieldPath:""}): type: 'Normal' reason: 'RELOAD' NGINX reload triggered due to a change in configuration (pod IP ${podIp})`,
  ).replace(/\n$/, '');
}

// ---- 1. a CronJob's schedule edited to `15 * 1 * *`: it only fires on the 1st ----------------

function cronScheduleDayOfMonthSlip(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.96', ['18', '140', '203']);
  const image = `${ECR}/data-platform/orders-warehouse-sync:1.9.3`;
  const tpl = {
    containers: [
      batchContainer({
        name: 'sync',
        image,
        command: ['python', '-m', 'sync.orders'],
        args: ['--target', 'snowflake', '--table', 'ANALYTICS.ORDERS_FACT', '--incremental'],
        cpu: '500m',
        memory: '1Gi',
        env: [
          { name: 'SOURCE_DB_HOST', value: 'orders-replica.cluster-ro-c7d2k1xq9z0p.eu-west-1.rds.amazonaws.com' },
          { name: 'SNOWFLAKE_ACCOUNT', value: 'acme-eu1' },
          { name: 'SNOWFLAKE_WAREHOUSE', value: 'LOAD_WH' },
        ],
      }),
    ],
  };
  // The last run: 2026-11-17T10:15Z, hourly until then; the schedule was edited at 10:41 that day.
  const lastRun = 5339;
  const editedAgo = 5313;
  const runs = [lastRun + 120, lastRun + 60, lastRun];
  const ranMinutes = [5.4, 5.9, 5.7];
  const cj = cronJob({
    namespace: ns,
    name: 'orders-warehouse-sync',
    schedule: '15 * 1 * *',
    template: tpl,
    createdAgo: 214 * DAYS,
    lastSuccessfulAgo: lastRun - (ranMinutes[2] ?? 5.7),
    jobs: runs.map((t, i) => ({
      createdAgo: t,
      pods: [{ node: names[i] ?? '', createdAgo: t - 0.01, phase: 'Succeeded' as const, containers: { sync: terminated({ exitCode: 0, finishedAgo: t - (ranMinutes[i] ?? 5), ranSeconds: Math.round((ranMinutes[i] ?? 5) * 60) - 2 }) } }],
      outcome: { complete: true as const, ago: t - (ranMinutes[i] ?? 5) },
    })),
  });
  const cron = cj.objects[0] as k8s.V1CronJob;
  const lastApplied = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { annotations: {}, labels: { 'app.kubernetes.io/name': 'orders-warehouse-sync', 'app.kubernetes.io/part-of': 'warehouse' }, name: 'orders-warehouse-sync', namespace: ns },
    spec: { concurrencyPolicy: 'Forbid', failedJobsHistoryLimit: 1, jobTemplate: { spec: { backoffLimit: 6, template: { spec: { containers: [{ name: 'sync', image, command: ['python', '-m', 'sync.orders'], args: ['--target', 'snowflake', '--table', 'ANALYTICS.ORDERS_FACT', '--incremental'] }], restartPolicy: 'Never' } } } }, schedule: '15 * * * *', successfulJobsHistoryLimit: 3 },
  };
  cron.metadata = {
    ...cron.metadata,
    generation: 7,
    labels: { 'app.kubernetes.io/name': 'orders-warehouse-sync', 'app.kubernetes.io/part-of': 'warehouse' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(lastApplied) + '\n' },
    managedFields: [
      { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'batch/v1', time: ago(61 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {} }, 'f:spec': { 'f:jobTemplate': {}, 'f:schedule': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'batch/v1', time: ago(editedAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago(lastRun - 5.7), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:lastScheduleTime': {}, 'f:lastSuccessfulTime': {} } }, subresource: 'status' },
    ],
  };

  // A daily CronJob of the same namespace that runs fine, with a failed run from three days ago kept in its history.
  const dimImage = `${ECR}/data-platform/customer-dim-sync:2.2.0`;
  const dim = cronJob({
    namespace: ns,
    name: 'customer-dim-sync',
    schedule: '45 2 * * *',
    backoffLimit: 1,
    template: { containers: [batchContainer({ name: 'sync', image: dimImage, command: ['python', '-m', 'sync.customers'], cpu: '250m', memory: '512Mi' })] },
    createdAgo: 180 * DAYS,
    lastSuccessfulAgo: 25.2,
    jobs: [
      {
        createdAgo: 29 + 3 * DAYS,
        pods: [0, 1].map((k) => ({ node: names[k] ?? '', createdAgo: 29 + 3 * DAYS - k * 0.3, phase: 'Failed' as const, containers: { sync: terminated({ exitCode: 1, finishedAgo: 29 + 3 * DAYS - k * 0.3 - 0.2, ranSeconds: 9 }) } })),
        outcome: { failed: 'BackoffLimitExceeded' as const, ago: 29 + 3 * DAYS - 0.6 },
      },
      ...[29 + 2 * DAYS, 29 + DAYS, 29].map((t, i) => ({
        createdAgo: t,
        pods: [{ node: names[(i + 1) % 3] ?? '', createdAgo: t - 0.01, phase: 'Succeeded' as const, containers: { sync: terminated({ exitCode: 0, finishedAgo: t - 3.8, ranSeconds: 226 }) } }],
        outcome: { complete: true as const, ago: t - 3.8 },
      })),
    ],
  });
  const dimCron = dim.objects[0] as k8s.V1CronJob;
  const todayDim = dim.jobs[3];
  const todayDimJob = todayDim?.objects[0];
  const todayDimPod = todayDim?.pods[0];
  const trimmed = `customer-dim-sync-${Math.floor(ago(29 + 4 * DAYS).getTime() / 60_000)}`;

  // The dashboard fed by the table, which notices the data is stale.
  const dash = bystander(ns, 'bi-dashboard-api', names, 2 * DAYS, { revisions: [64, 65], versions: ['3.8.1', '3.8.2'], olderAgo: 16 * DAYS });
  const loadedAt = at(lastRun - 5.7).replace(/\.\d+Z$/, 'Z');
  const staleH = ((lastRun - 5.7) / 60).toFixed(1);

  const lastPod = cj.jobs[2]?.pods[0];
  const prevPod = cj.jobs[1]?.pods[0];
  const syncLog = (runAgo: number, rows: number, took: number, fromWm: number) => lines(
    `${pyTime(runAgo - 0.12)} INFO sync.orders: starting incremental sync of orders -> ANALYTICS.ORDERS_FACT (version 1.9.3)`,
    `${pyTime(runAgo - 0.13)} INFO sync.orders: watermark=${at(fromWm).replace(/\.\d+Z$/, 'Z')}`,
    `${pyTime(runAgo - 0.31)} INFO sync.orders: extracted ${rows} rows from orders (updated_at > watermark) in 10.8s`,
    `${pyTime(runAgo - 0.36)} INFO snowflake.connector.connection: Snowflake Connector for Python Version: 3.12.3, Python Version: 3.12.7, Platform: Linux-6.1.112-122.189.amzn2023.x86_64-x86_64-with-glibc2.36`,
    `${pyTime(runAgo - took + 0.05)} INFO sync.orders: merged ${rows} rows into ANALYTICS.ORDERS_FACT in ${((took - 0.45) * 60).toFixed(1)}s`,
    `${pyTime(runAgo - took + 0.02)} INFO sync.orders: watermark advanced to ${at(runAgo).replace(/\.\d+Z$/, 'Z')}`,
  );
  return {
    id: 'heldout30-cronjob-schedule-day-of-month',
    class: 'jobs',
    truth: 'The hourly CronJob data-platform/orders-warehouse-sync (applied as `15 * * * *`, as its last-applied-configuration still shows) was hand-edited with kubectl edit on 2026-11-17 at 10:41 UTC, meant as a daily 01:15 run but typed as `15 * 1 * *`: the 1 landed in the day-of-month field, so the CronJob only fires (hourly) on the 1st of each month. Its last run was scheduled 2026-11-17T10:15Z, almost four days ago; its three kept Jobs are old and Complete, nothing failed, it is not suspended, and ANALYTICS.ORDERS_FACT (read by bi-dashboard-api) has been stale since. Fix: restore the schedule (`15 * * * *`, or `15 1 * * *` if daily was really meant) and trigger a catch-up run.',
    ask: { service: 'orders-warehouse-sync', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...dim.objects, ...dash.objects,
      ...exposed({ namespace: ns, name: 'bi-dashboard-api', selector: { app: 'bi-dashboard-api' }, pods: dash.pods }),
      configMap({ namespace: ns, name: 'orders-warehouse-sync-config', createdAgo: 214 * DAYS, updatedAgo: 40 * DAYS, data: { 'sync.yaml': 'source_table: orders\ntarget: ANALYTICS.ORDERS_FACT\nmerge_key: order_id\nbatch_size: 5000\n' } }),
      ...(todayDimPod === undefined ? [] : startedNormally(todayDimPod, 'sync', dimImage, 29)),
      cronJobEvent(dimCron, 'SuccessfulCreate', `Created job ${nameOf(todayDimJob)}`, 29),
      jobEvent(todayDimJob, 'SuccessfulCreate', `Created pod: ${nameOf(todayDimPod)}`, 29),
      jobEvent(todayDimJob, 'Completed', 'Job completed', 25.2),
      cronJobEvent(dimCron, 'SawCompletedJob', `Saw completed job: ${nameOf(todayDimJob)}, condition: Complete`, 25.2),
      cronJobEvent(dimCron, 'SuccessfulDelete', `Deleted job ${trimmed}`, 25.2),
    ],
    logs: [
      logsFor(lastPod, 'sync', { current: syncLog(lastRun, 18412, ranMinutes[2] ?? 5.7, lastRun + 60) }),
      logsFor(prevPod, 'sync', { current: syncLog(lastRun + 60, 17206, ranMinutes[1] ?? 5.9, lastRun + 120) }),
      logsFor(todayDimPod, 'sync', { current: lines(`${pyTime(28.9)} INFO sync.customers: full refresh of ANALYTICS.CUSTOMER_DIM`, `${pyTime(25.3)} INFO sync.customers: loaded 1204417 rows in 212.6s`) }),
      logsFor(podOf(dash, 0), 'app', {
        current: lines(
          `${pyTime(30)} WARNING freshness: ANALYTICS.ORDERS_FACT last loaded ${loadedAt} (${(Number(staleH) - 0.5).toFixed(1)}h ago), SLO 2h`,
          `${pyTime(12)} INFO uvicorn.access: 10.0.96.77:41822 - "GET /api/v1/revenue/daily?range=7d HTTP/1.1" 200`,
          `${pyTime(0.5)} WARNING freshness: ANALYTICS.ORDERS_FACT last loaded ${loadedAt} (${staleH}h ago), SLO 2h`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('15 * 1 * *'), /\b1st\b|day[- ]of[- ](the[- ])?month|\bday 1\b|first (day )?of (the|each|every) month|Dec(ember)? 1\b|12-01|2026-11-17|Nov(ember)? 17|17 Nov|3d\d*h?|(3|4|three|four)\s*days|8\d ?h(ours)?\b|9\d ?h(ours)?\b/i],
      facts: [/2026-11-17|Nov(ember)? 17|17 Nov|3d1[67]h|(3|4|three|four)\s*days/i, /15 \* \* \* \*|hourly|every hour/i],
      never: [/\b(is|was|been|currently) suspended|suspend: ?true/i, /startingDeadlineSeconds|too many missed start/i, /BackoffLimitExceeded|backoff limit/i, /\bOOM/],
    },
  };
}

// ---- 2. a base image without tzdata, and no revision history to undo to ----------------------

function tzdataMissingNoHistory(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.148', ['23', '87', '191']);
  const img = (v: string) => `${ECR}/billing/settlement-worker:${v}`;
  const tpl = {
    containers: [
      container({
        name: 'worker',
        image: img('2.14.0'),
        command: ['python', '-m', 'settlement.worker'],
        ports: [],
        readiness: null,
        liveness: null,
        cpu: '250m',
        memory: '512Mi',
        env: [
          { name: 'BILLING_TZ', value: 'Europe/Berlin' },
          { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/settlement-events' },
          { name: 'LEDGER_API_URL', value: 'http://billing-api.billing.svc.cluster.local' },
          { name: 'LOG_LEVEL', value: 'INFO' },
        ],
      }),
    ],
    serviceAccountName: 'settlement-worker',
    terminationGracePeriodSeconds: 60,
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'settlement-worker',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 37, createdAgo: 26, changeCause: 'ci: settlement-worker 2.13.4 -> 2.14.0 (base image python:3.13-slim-trixie)', template: tpl }],
    // Without a readiness probe each new pod counted as available the moment its container ran, so
    // the rollout completed (and the old ReplicaSet, with no history kept, was deleted) before they crashed.
    settled: { available: false, availableSince: 25.4, progressingSince: 25.6 },
    pods: [
      { revision: 37, node: names[0] ?? '', createdAgo: 26, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 2 }, 9) } },
      { revision: 37, node: names[2] ?? '', createdAgo: 25.8, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 4.6, ranSeconds: 2 }, 8) } },
    ],
  });
  const dep = deploymentOf(app);
  if (dep.spec) dep.spec.revisionHistoryLimit = 0;
  const newRs = replicaSetOf(app, 37);
  const oldRs = `settlement-worker-${templateHash(`${ns}/settlement-worker/36`)}`;
  const oldPods = [0, 1].map((i) => `${oldRs}-${nameSuffix(`${oldRs}/${i}`)}`);
  const [a, b] = [podOf(app, 0), podOf(app, 1)];
  const other = bystander(ns, 'billing-api', names, 3 * DAYS, { revisions: [118, 119], versions: ['6.4.0', '6.4.1'], olderAgo: 12 * DAYS });
  const crash = (m: number, pod: k8s.V1Pod) => lines(
    `${pyTime(m + 0.03)} INFO settlement.worker: settlement-worker 2.14.0 starting (python 3.13.9, pid 1, pod ${nameOf(pod)})`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.13/zoneinfo/_common.py", line 12, in load_tzdata',
    '    return resources.files(package).joinpath(resource).open("rb")',
    '           ~~~~~~~~~~~~~~~^^^^^^^^^',
    '  File "/usr/local/lib/python3.13/importlib/resources/_common.py", line 46, in wrapper',
    '    return func(anchor)',
    '  File "/usr/local/lib/python3.13/importlib/resources/_common.py", line 56, in files',
    '    return from_package(resolve(anchor))',
    '                        ~~~~~~~^^^^^^^^',
    '  File "/usr/local/lib/python3.13/importlib/resources/_common.py", line 82, in _',
    '    return importlib.import_module(cast(str, cand))',
    '  File "/usr/local/lib/python3.13/importlib/__init__.py", line 88, in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
    '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
    '  File "<frozen importlib._bootstrap>", line 1324, in _find_and_load_unlocked',
    "ModuleNotFoundError: No module named 'tzdata'",
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/settlement/worker.py", line 11, in <module>',
    '    from settlement.cutoff import CutoffCalendar',
    '  File "/app/settlement/cutoff.py", line 9, in <module>',
    '    CUTOFF_TZ = ZoneInfo(os.environ.get("BILLING_TZ", "Europe/Berlin"))',
    '  File "/usr/local/lib/python3.13/zoneinfo/_common.py", line 24, in load_tzdata',
    '    raise ZoneInfoNotFoundError(f"No time zone found with key {key}")',
    "zoneinfo._common.ZoneInfoNotFoundError: 'No time zone found with key Europe/Berlin'",
  );
  const killing = (pod: string, m: number) => event({ on: { kind: 'Pod', name: pod, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container worker', firstAgo: m, lastAgo: m, fieldPath: 'spec.containers{worker}' });
  const deleted = (pod: string, m: number) => event({ on: { kind: 'ReplicaSet', name: oldRs, namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod}`, firstAgo: m, lastAgo: m, component: 'replicaset-controller' });
  return {
    id: 'heldout30-tzdata-missing-no-revision-history',
    class: 'containers',
    truth: 'billing/settlement-worker 2.14.0 (revision 37, 26 minutes ago) moved to the python:3.13-slim-trixie base image, which no longer ships the system time-zone database (and the tzdata wheel is not installed): at import, ZoneInfo("Europe/Berlin") raises ZoneInfoNotFoundError, so both new pods exit 1 two seconds after start and crash-loop. The worker has no readiness probe, so each new pod counted as available while its container briefly ran; the rolling update completed, and with revisionHistoryLimit 0 the controller deleted the old ReplicaSet (2.13.4). Nothing is processing settlements, and `kubectl rollout undo` has no previous revision to go back to. Fix: redeploy the previous image tag 2.13.4 (named in the change-cause), then add tzdata to the image (apt tzdata or pip tzdata) and keep some revision history.',
    ask: { service: 'settlement-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: other.pods }),
      scaledReplicaSet(dep, nameOf(newRs), 1, 0, 26),
      scaledReplicaSet(dep, oldRs, 1, 2, 25.85),
      scaledReplicaSet(dep, nameOf(newRs), 2, 1, 25.85),
      scaledReplicaSet(dep, oldRs, 0, 1, 25.65),
      createdPod(newRs, a, 26),
      createdPod(newRs, b, 25.8),
      deleted(oldPods[0] ?? '', 25.85),
      deleted(oldPods[1] ?? '', 25.65),
      killing(oldPods[0] ?? '', 25.85),
      killing(oldPods[1] ?? '', 25.65),
      ...pulledFresh(a, 'worker', img('2.14.0'), { atAgo: 26, bytes: 58113402, seconds: 3.412 }),
      ...restartedAgain(a, 'worker', img('2.14.0'), { count: 9, firstAgo: 25.7, lastAgo: 0.93 }),
      backOff(a, 'worker', { count: 114, firstAgo: 25.8, lastAgo: 0.2 }),
      ...pulledFresh(b, 'worker', img('2.14.0'), { atAgo: 25.8, bytes: 58113402, seconds: 3.087 }),
      ...restartedAgain(b, 'worker', img('2.14.0'), { count: 8, firstAgo: 25.6, lastAgo: 4.63 }),
      backOff(b, 'worker', { count: 109, firstAgo: 25.5, lastAgo: 0.4 }),
      probeFailed(podOf(other, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: 48, lastAgo: 47.8 }),
    ],
    logs: [
      logsFor(a, 'worker', { previous: crash(0.93, a) }),
      logsFor(b, 'worker', { previous: crash(4.63, b) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(3)}","level":"info","msg":"GET /v1/invoices/open 200","dur_ms":18}`, `{"ts":"${at(0.6)}","level":"info","msg":"POST /v1/ledger/entries 201","dur_ms":24}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ZoneInfoNotFound|tzdata|time[- ]?zone (data|database|db|files?|info)|zoneinfo|No time zone found|Europe\/Berlin/i],
      facts: [lit('2.13.4'), /revisionHistoryLimit|no (previous|older|earlier|prior) (ReplicaSet|revision)|history (limit )?(is |of )?0/i, /trixie|base image/i],
      never: [/rollout undo (deploy(ment)?[/ ])|--to-revision|roll(ing)? ?back to (revision|rev\.?) ?36|roll(ing)? ?back to the previous (ReplicaSet|revision)/i, /\bOOM/, /(readiness|liveness) probe (fail|kill)/i],
    },
  };
}

// ---- 3. ZONE from a downward-API fieldRef on a label pods never carry -----------------------

function downwardApiNodeLabelEmptyEnv(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.211', ['12', '96', '174']);
  const img = (v: string) => `${ECR}/logistics/route-planner:${v}`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'OSRM_URL', value: 'http://osrm.logistics.svc.cluster.local:5000' },
    { name: 'UV_THREADPOOL_SIZE', value: '8' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({ image: img(v), command: ['node', 'dist/main.js'], ports: [3000], memory: '768Mi', cpu: '500m', env, envFrom: [{ configMapRef: { name: 'route-planner-config' } }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }) })],
  });
  const zoneEnv: k8s.V1EnvVar[] = [
    ...baseEnv,
    { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    { name: 'ZONE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['topology.kubernetes.io/zone']" } } },
  ];
  const app = deploymentApp({
    namespace: ns,
    name: 'route-planner',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: route-planner 4.1.3', template: tpl('4.1.3', baseEnv) },
      { revision: 12, createdAgo: 18, changeCause: 'argocd: route-planner 4.2.0 (zone-aware routing)', template: tpl('4.2.0', zoneEnv) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 11, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 12, node: names[1] ?? '', createdAgo: 18, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 1 }, 8) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 17.95, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 1 }, 8) } },
    ],
  });
  const dep = deploymentOf(app);
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const killedOld = `${rsOf(app, 11)}-${nameSuffix(`${rsOf(app, 11)}/killed`)}`;
  const other = bystander(ns, 'dispatch-board', names, 50, { revisions: [30, 31], versions: ['2.9.0', '2.9.1'], olderAgo: 8 * DAYS });
  const host = (p: k8s.V1Pod) => nameOf(p);
  const crash = (p: k8s.V1Pod, m: number) => lines(
    `{"level":30,"time":${epochMs(m + 0.015)},"pid":1,"hostname":"${host(p)}","msg":"route-planner 4.2.0 starting","node":"v20.18.1"}`,
    `{"level":60,"time":${epochMs(m + 0.01)},"pid":1,"hostname":"${host(p)}","err":{"type":"ConfigError","message":"ZONE must be set (got \\"\\")","stack":"ConfigError: ZONE must be set (got \\"\\")\\n    at requireEnv (/app/dist/config.js:27:15)\\n    at loadConfig (/app/dist/config.js:44:15)\\n    at Object.<anonymous> (/app/dist/main.js:9:16)\\n    at Module._compile (node:internal/modules/cjs/loader:1546:14)"},"msg":"invalid configuration, refusing to start: zone-aware routing needs ZONE"}`,
  );
  return {
    id: 'heldout30-downward-api-node-label-empty-zone',
    class: 'config',
    truth: 'logistics/route-planner revision 12 (4.2.0, zone-aware routing, 18 minutes ago) sets the env var ZONE with a downward-API fieldRef on metadata.labels[\'topology.kubernetes.io/zone\']. That label is on the nodes, never on the pods, so the kubelet fills ZONE with an empty string; the app\'s config check fails ("ZONE must be set (got "")") and it exits 1 at start. Both new pods crash-loop, the rollout is stuck past its progress deadline, three revision-11 pods still serve. Fix: roll back to revision 11, and get the zone another way (NODE_NAME plus a lookup of the node, or a topology-aware label set by an admission webhook).',
    ask: { service: 'route-planner', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'route-planner', selector: { app: 'route-planner' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'dispatch-board', selector: { app: 'dispatch-board' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'route-planner-config', createdAgo: 160 * DAYS, updatedAgo: 23 * DAYS, data: { LOG_LEVEL: 'info', MAX_STOPS_PER_ROUTE: '40', ROUTING_PROFILE: 'van' } }),
      scaledReplicaSet(dep, rsOf(app, 12), 1, 0, 18),
      scaledReplicaSet(dep, rsOf(app, 11), 3, 4, 18),
      scaledReplicaSet(dep, rsOf(app, 12), 2, 1, 18),
      event({ on: { kind: 'Pod', name: killedOld, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 18, lastAgo: 18, fieldPath: 'spec.containers{app}' }),
      ...pulledFresh(n1, 'app', img('4.2.0'), { atAgo: 18, bytes: 71433812, seconds: 4.104 }),
      ...restartedAgain(n1, 'app', img('4.2.0'), { count: 9, firstAgo: 17.9, lastAgo: 2.42 }),
      backOff(n1, 'app', { count: 79, firstAgo: 17.8, lastAgo: 0.3 }),
      ...pulledFresh(n2, 'app', img('4.2.0'), { atAgo: 17.95, bytes: 71433812, seconds: 3.871 }),
      ...restartedAgain(n2, 'app', img('4.2.0'), { count: 9, firstAgo: 17.85, lastAgo: 2.52 }),
      backOff(n2, 'app', { count: 77, firstAgo: 17.75, lastAgo: 0.4 }),
      event({ on: { kind: 'Deployment', metadata: dep.metadata ?? {} }, reason: 'ProgressDeadlineExceeded', type: 'Normal', message: `ReplicaSet "${rsOf(app, 12)}" has timed out progressing.`, firstAgo: 8, lastAgo: 8, component: 'deployment-controller' }),
    ],
    logs: [
      logsFor(n1, 'app', { previous: crash(n1, 2.42) }),
      logsFor(n2, 'app', { previous: crash(n2, 2.52) }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', {
        current: lines(
          `{"level":40,"time":${epochMs(20 * 60 + i)},"pid":1,"hostname":"${host(p)}","msg":"osrm request timed out after 2000ms, retrying","attempt":1,"profile":"van"}`,
          `{"level":30,"time":${epochMs(1.2)},"pid":1,"hostname":"${host(p)}","req":{"method":"POST","url":"/v2/routes/optimize"},"res":{"statusCode":200},"responseTime":184,"msg":"request completed"}`,
          `{"level":30,"time":${epochMs(0.3)},"pid":1,"hostname":"${host(p)}","req":{"method":"GET","url":"/v2/routes/r_8Kq2/eta"},"res":{"statusCode":200},"responseTime":12,"msg":"request completed"}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bZONE\b/, /topology\.kubernetes\.io\/zone|fieldRef|downward|metadata\.labels|label/i],
      facts: [lit('ZONE must be set'), /revision 12|rev(ision)?\.? ?12\b/i, /4\.2\.0/],
      never: [/\bOOM/, /config ?map[^\n]{0,40}(missing|not found|deleted|changed)/i, /(failed|failing) liveness|liveness probe (kill|fail)/i, /osrm[^\n]{0,40}(unreachable|down|refused|timed? ?out)/i],
    },
  };
}

// ---- 4. a NetworkPolicy admitting ingress-nginx by a namespace label the reinstall dropped ---

function networkPolicyNamespaceLabelAfterReinstall(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.72', ['41', '133', '219']);
  const img = (v: string) => `${ECR}/storefront/catalog-web:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], memory: '256Mi', cpu: '200m', env: [{ name: 'GOMAXPROCS', value: '2' }, { name: 'SEARCH_URL', value: 'http://search-api.storefront.svc.cluster.local' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] });
  const reinstalledAgo = 184;
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-web',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-web 7.3.0', template: tpl('7.3.0') },
      { revision: 23, createdAgo: 20 * 60, changeCause: 'argocd: catalog-web 7.3.1', template: tpl('7.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 20 * 60 - k * 0.8 })),
  });
  const bff = bystander(ns, 'storefront-bff', names, 35, { revisions: [51, 52], versions: ['12.0.4', '12.1.0'], olderAgo: 9 * DAYS });
  const ing = ingressNginx(names, reinstalledAgo - 1);
  const [c0, c1] = [podOf(ing.app, 0), podOf(ing.app, 1)];
  const ips = app.pods.map((p) => `${p.status?.podIP ?? ''}:8080`);
  const bffIps = bff.pods.map((p) => `${p.status?.podIP ?? ''}:8080`);
  const paths = ['/catalog/v2/products?category=shoes', '/catalog/v2/products/8812734', '/catalog/v2/search?q=rain+jacket', '/catalog/v2/products?page=2&category=outdoor'];
  const clients = ['10.0.72.18', '10.0.72.201', '10.0.72.96'];
  const controllerLog = (pod: k8s.V1Pod, seed: number) => nginxBanner(reinstalledAgo - 1.1, pod.status?.podIP ?? '') + '\n' + [
    ...Array.from({ length: 10 }, (_, i) => {
      const m = reinstalledAgo - 4 - i * 19 - seed;
      const path = paths[(i + seed) % paths.length] ?? '/';
      const client = clients[i % clients.length] ?? '';
      const up = [0, 1, 2].map((k) => ips[(i + k) % ips.length]).join(', ');
      return [
        ...[0, 1, 2].map((k) => `${ngxTime(m - 0.25 + (2 - k) / 12)} [error] ${31 + seed}#${31 + seed}: *${140000 + i * 8123 + seed} upstream timed out (110: Operation timed out) while connecting to upstream, client: ${client}, server: shop.example.com, request: "GET ${path} HTTP/2.0", upstream: "http://${ips[(i + k) % ips.length]}${path}", host: "shop.example.com"`),
        `${client} - - [${clf(m - 0.25)}] "GET /api/cart HTTP/2.0" 200 812 "https://shop.example.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" 44 0.021 [storefront-storefront-bff-80] [] ${bffIps[i % bffIps.length]} 812 0.021 200 ${reqId(`bff${i}${seed}`)}`,
        `${client} - - [${clf(m - 0.25)}] "GET ${path} HTTP/2.0" 504 160 "https://shop.example.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" 61 15.003 [storefront-catalog-web-80] [] ${up} 0, 0, 0 5.001, 5.001, 5.000 504, 504, 504 ${reqId(`cat${i}${seed}`)}`,
      ].join('\n');
    }),
  ].join('\n') + '\n';
  const allowIngress = networkPolicy({
    namespace: ns,
    name: 'catalog-web-allow-ingress',
    createdAgo: 212 * DAYS,
    podSelector: { app: 'catalog-web' },
    policyTypes: ['Ingress'],
    ingress: [
      { from: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }, { podSelector: { matchLabels: { app: 'storefront-bff' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
      { from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }], ports: [{ protocol: 'TCP', port: 9090 }] },
    ],
  });
  const bffPolicy = networkPolicy({
    namespace: ns,
    name: 'storefront-bff-allow-ingress',
    createdAgo: 58 * DAYS,
    podSelector: { app: 'storefront-bff' },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  });
  const denyAll = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 212 * DAYS, podSelector: {}, policyTypes: ['Ingress'] });
  const appLog = (p: k8s.V1Pod, i: number) => lines(
    `{"time":"${at(reinstalledAgo + 9 + i)}","level":"INFO","msg":"request","method":"GET","path":"/catalog/v2/products","status":200,"dur_ms":23,"remote":"10.0.72.${60 + i}","x_forwarded_for":"88.153.20.${11 + i}"}`,
    `{"time":"${at(reinstalledAgo + 7.5 + i)}","level":"INFO","msg":"request","method":"GET","path":"/catalog/v2/products/5512093","status":200,"dur_ms":9,"remote":"10.0.72.${61 + i}","x_forwarded_for":"81.2.69.${140 + i}"}`,
    `{"time":"${at(reinstalledAgo + 6.2 + i)}","level":"INFO","msg":"request","method":"GET","path":"/catalog/v2/search","status":200,"dur_ms":41,"remote":"10.0.72.${60 + i}","x_forwarded_for":"90.187.4.${3 + i}"}`,
    `{"time":"${at(61 + i)}","level":"INFO","msg":"request","method":"POST","path":"/catalog/v2/products/batch","status":200,"dur_ms":17,"remote":"${bff.pods[0]?.status?.podIP ?? ''}"}`,
    `{"time":"${at(2 + i)}","level":"INFO","msg":"request","method":"POST","path":"/catalog/v2/products/batch","status":200,"dur_ms":15,"remote":"${bff.pods[1]?.status?.podIP ?? ''}"}`,
    `{"time":"${at(0.4 + i * 0.1)}","level":"INFO","msg":"cache stats","hit_ratio":0.91,"entries":48211}`,
  );
  return {
    id: 'heldout30-netpol-namespace-label-lost-on-reinstall',
    class: 'network',
    truth: 'The ingress-nginx Namespace was deleted and re-created by a Helm reinstall (--create-namespace) 3 hours ago (00:10 UTC). The old Namespace carried a hand-added label name=ingress-nginx; the new one carries only kubernetes.io/metadata.name=ingress-nginx. The NetworkPolicy storefront/catalog-web-allow-ingress admits the controller with namespaceSelector {name: ingress-nginx}, which now matches nothing, and default-deny-ingress drops the rest: the controller\'s connections to the catalog-web pods time out (upstream timed out … while connecting to upstream, 504 after three 5 s tries) while every catalog-web pod is Ready and still serves the in-namespace storefront-bff. storefront-bff\'s own policy selects kubernetes.io/metadata.name and is unaffected. Fix: select the ingress namespace by kubernetes.io/metadata.name (or restore the label). catalog-web revision 23 (yesterday) is not the cause.',
    ask: { service: 'catalog-web', namespace: ns },
    objects: [
      ...nodes,
      namespace({ name: 'storefront', createdAgo: 400 * DAYS, labels: { name: 'storefront', 'pod-security.kubernetes.io/enforce': 'baseline' } }),
      namespace({ name: 'monitoring', createdAgo: 400 * DAYS, labels: { name: 'monitoring' } }),
      namespace({ name: 'ingress-nginx', createdAgo: reinstalledAgo }),
      ...app.objects, ...bff.objects, ...ing.objects,
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods }),
      denyAll, allowIngress, bffPolicy,
      ...startedNormally(podOf(bff, 0), 'app', `${ECR}/storefront/storefront-bff:12.1.0`, 35),
      ...startedNormally(podOf(bff, 1), 'app', `${ECR}/storefront/storefront-bff:12.1.0`, 34),
    ],
    logs: [
      logsFor(c0, 'controller', { current: controllerLog(c0, 0) }),
      logsFor(c1, 'controller', { current: controllerLog(c1, 3) }),
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLog(p, i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('catalog-web-allow-ingress'), /name[=:]\s*"?ingress-nginx|namespaceSelector|(namespace|ns)\b[^\n]{0,60}label|label[^\n]{0,60}namespace/i],
      facts: [/upstream timed out|\b504\b/, /re-?created|re-?install|2026-11-21T00:1|created (about )?3 ?h|18\d ?m(in)?/i, /kubernetes\.io\/metadata\.name/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /readiness probe (is )?fail/i, /storefront-bff[^\n]{0,40}(caus|broke|fail)/i],
    },
  };
}

// ---- 5. the application's own etcd at its backend quota: NOSPACE ----------------------------

function appEtcdNospaceQuota(): CorpusScenario {
  const ns = 'platform-config';
  const { nodes, names } = threeEksNodes('10.0.164', ['27', '118', '240']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const peers = [0, 1, 2].map((i) => `toggle-etcd-${i}=http://toggle-etcd-${i}.toggle-etcd-headless.${ns}.svc.cluster.local:2380`).join(',');
  const etcdImage = 'quay.io/coreos/etcd:v3.5.17';
  const etcdTpl = {
    containers: [
      container({
        name: 'etcd',
        image: etcdImage,
        command: [
          '/usr/local/bin/etcd',
          '--name=$(POD_NAME)',
          '--data-dir=/var/run/etcd/default.etcd',
          '--listen-client-urls=http://0.0.0.0:2379',
          `--advertise-client-urls=http://$(POD_NAME).toggle-etcd-headless.${ns}.svc.cluster.local:2379`,
          '--listen-peer-urls=http://0.0.0.0:2380',
          `--initial-advertise-peer-urls=http://$(POD_NAME).toggle-etcd-headless.${ns}.svc.cluster.local:2380`,
          `--initial-cluster=${peers}`,
          '--initial-cluster-state=new',
          '--initial-cluster-token=toggle-etcd',
          '--listen-metrics-urls=http://0.0.0.0:2381',
          '--quota-backend-bytes=268435456',
          '--snapshot-count=10000',
          '--logger=zap',
          '--log-outputs=stderr',
        ],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
        ports: [{ name: 'client', containerPort: 2379 }, { name: 'peer', containerPort: 2380 }, { name: 'metrics', containerPort: 2381 }],
        cpu: '200m',
        memory: '512Mi',
        readiness: httpProbe('/readyz', 2381, { timeoutSeconds: 5 }),
        liveness: httpProbe('/livez', 2381, { initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 8 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/run/etcd' }],
      }),
    ],
  };
  const etcdStartedAgo = 41 * DAYS;
  const etcd = statefulSetApp({
    namespace: ns,
    name: 'toggle-etcd',
    replicas: 3,
    serviceName: 'toggle-etcd-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 230 * DAYS,
    revisions: [{ revision: 3, createdAgo: etcdStartedAgo, template: etcdTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 3, ordinal: i, node: names[i] ?? '', createdAgo: etcdStartedAgo - i * 0.5 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-toggle-etcd-${i}`, storage: '8Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 230 * DAYS, labels: { app: 'toggle-etcd' } }));

  const img = (v: string) => `${ECR}/platform/toggle-service:${v}`;
  const appTpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080], memory: '256Mi', cpu: '250m', env: [{ name: 'ETCD_ENDPOINTS', value: `http://toggle-etcd.${ns}.svc.cluster.local:2379` }, { name: 'ETCD_PREFIX', value: '/toggles/' }, { name: 'SESSION_HEARTBEAT', value: '15s' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'toggle-service',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, changeCause: 'argocd: toggle-service 2.6.0', template: appTpl('2.6.0') },
      { revision: 8, createdAgo: 2 * DAYS, changeCause: 'argocd: toggle-service 2.6.1', template: appTpl('2.6.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const ui = bystander(ns, 'flag-admin-ui', names, 80, { revisions: [14, 15], versions: ['1.22.0', '1.22.1'], olderAgo: 11 * DAYS });
  const alarmAgo = 97;
  const memberIds = ['8e2e1b6c0a7f4d31', '3a91c7d25e0b6f48', 'c47d08e1f9a2b563'];
  const zts = (m: number) => at(m).replace('Z', `${String(Math.round(m * 7919) % 1000).padStart(3, '0')}Z`);
  const etcdLog = (i: number) => lines(
    `{"level":"info","ts":"${zts(etcdStartedAgo - i * 0.5 - 0.02)}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["/usr/local/bin/etcd","--name=toggle-etcd-${i}","--data-dir=/var/run/etcd/default.etcd","--listen-client-urls=http://0.0.0.0:2379","--quota-backend-bytes=268435456","--snapshot-count=10000","--logger=zap","--log-outputs=stderr"]}`,
    `{"level":"info","ts":"${zts(etcdStartedAgo - i * 0.5 - 0.03)}","caller":"embed/etcd.go:310","msg":"starting an etcd server","etcd-version":"3.5.17","git-sha":"507c0de","go-version":"go1.22.9","go-os":"linux","go-arch":"amd64","max-cpu-set":4,"max-cpu-available":4,"member-initialized":true,"name":"toggle-etcd-${i}","data-dir":"/var/run/etcd/default.etcd","snapshot-count":10000,"quota-backend-bytes":268435456,"max-request-bytes":1572864,"auto-compaction-mode":"periodic","auto-compaction-retention":"0s","auto-compaction-interval":"0s"}`,
    `{"level":"info","ts":"${zts(etcdStartedAgo - i * 0.5 - 0.04)}","caller":"etcdserver/quota.go:117","msg":"enabled backend quota","quota-name":"v3-applier","quota-size-bytes":268435456,"quota-size":"268 MB"}`,
    `{"level":"info","ts":"${zts(etcdStartedAgo - i * 0.5 - 0.1)}","caller":"etcdserver/server.go:2068","msg":"published local member to cluster through raft","local-member-id":"${memberIds[i]}","local-member-attributes":"{Name:toggle-etcd-${i} ClientURLs:[http://toggle-etcd-${i}.toggle-etcd-headless.${ns}.svc.cluster.local:2379]}","cluster-id":"5d1f0b7a92c3e814","publish-timeout":"7s"}`,
    `{"level":"info","ts":"${zts(420 + i)}","caller":"etcdserver/server.go:1413","msg":"triggering snapshot","local-member-id":"${memberIds[i]}","local-member-applied-index":48310288,"local-member-snapshot-index":48300287,"local-member-snapshot-count":10000}`,
    `{"level":"info","ts":"${zts(420 + i - 0.01)}","caller":"etcdserver/server.go:2432","msg":"saved snapshot","snapshot-index":48310288}`,
    `{"level":"info","ts":"${zts(420 + i - 0.01)}","caller":"etcdserver/server.go:2462","msg":"compacted Raft logs","compact-index":48305288}`,
    `{"level":"warn","ts":"${zts(alarmAgo - i * 0.001)}","caller":"etcdserver/server.go:2281","msg":"alarm raised","alarm":"NOSPACE","from":"${memberIds[0]}"}`,
    ...(i === 0
      ? [
          `{"level":"warn","ts":"${zts(alarmAgo - 0.01)}","caller":"etcdserver/util.go:170","msg":"failed to apply request","took":"11.204µs","request":"header:<ID:7587883390120044815 > put:<key:\\"/toggles/sessions/checkout-6f9c7d5b8-k2x7w\\" value_size:214 lease:7587883390120031990 >","response":"","error":"etcdserver: no space"}`,
          `{"level":"warn","ts":"${zts(40.2)}","caller":"etcdserver/util.go:170","msg":"failed to apply request","took":"9.876µs","request":"header:<ID:7587883390120051207 > txn:<compare:<target:MOD key:\\"/toggles/flags/prod/checkout.apple-pay-v2\\" mod_revision:18231044 > success:<request_put:<key:\\"/toggles/flags/prod/checkout.apple-pay-v2\\" value_size:388 >> failure:<>>","response":"","error":"etcdserver: no space"}`,
          `{"level":"warn","ts":"${zts(1.1)}","caller":"etcdserver/util.go:170","msg":"failed to apply request","took":"10.331µs","request":"header:<ID:7587883390120058852 > put:<key:\\"/toggles/sessions/search-api-5c8b9f7d6-p4q9z\\" value_size:209 lease:7587883390120058830 >","response":"","error":"etcdserver: no space"}`,
        ]
      : []),
  );
  const svcLog = (p: k8s.V1Pod, i: number) => lines(
    `{"time":"${at(alarmAgo + 2 + i)}","level":"INFO","msg":"request","method":"PUT","path":"/v1/sessions/heartbeat","status":204,"dur_ms":3}`,
    `{"time":"${at(alarmAgo - 0.02 - i * 0.1)}","level":"WARN","msg":"session heartbeat failed","client":"checkout-6f9c7d5b8-k2x7w","err":"etcdserver: mvcc: database space exceeded"}`,
    `{"time":"${at(40.2 + i * 0.05)}","level":"ERROR","msg":"persist flag","flag":"checkout.apple-pay-v2","env":"prod","actor":"ci-release-bot","err":"etcdserver: mvcc: database space exceeded"}`,
    `{"time":"${at(40.2 + i * 0.05)}","level":"INFO","msg":"request","method":"PUT","path":"/v1/flags/prod/checkout.apple-pay-v2","status":503,"dur_ms":8}`,
    `{"time":"${at(3.4 + i)}","level":"INFO","msg":"request","method":"GET","path":"/v1/flags","env":"prod","status":200,"dur_ms":2}`,
    `{"time":"${at(1.1 + i * 0.2)}","level":"WARN","msg":"session heartbeat failed","client":"search-api-5c8b9f7d6-p4q9z","err":"etcdserver: mvcc: database space exceeded"}`,
    `{"time":"${at(0.6 + i * 0.1)}","level":"INFO","msg":"request","method":"GET","path":"/v1/flags/evaluate","env":"prod","status":200,"dur_ms":1}`,
  );
  return {
    id: 'heldout30-app-etcd-nospace-quota',
    class: 'capacity',
    truth: 'toggle-service (the feature-flag API) stores flags and SDK client sessions in its own three-member etcd, the StatefulSet platform-config/toggle-etcd, started with --quota-backend-bytes=268435456 (256 MiB) and no --auto-compaction-retention. Session heartbeats rewrite keys every 15 s and nothing ever compacts the MVCC history, so at 01:37 UTC the backend reached the quota and etcd raised the cluster-wide NOSPACE alarm: every write (flag changes, session heartbeats) now fails with "etcdserver: mvcc: database space exceeded" (503 on PUT), while reads still work, so every pod stays Ready. The 8Gi volumes are nearly empty; this is the quota, not the disk. Fix: compact to the current revision, defragment each member, `etcdctl alarm disarm`, then enable auto-compaction (and size the quota).',
    ask: { service: 'toggle-service', namespace: ns },
    objects: [
      ...nodes, ...etcd.objects, ...claims, ...app.objects, ...ui.objects,
      ...exposed({ namespace: ns, name: 'toggle-etcd-headless', selector: { app: 'toggle-etcd' }, headless: true, ports: [{ name: 'client', port: 2379, targetPort: 2379 }, { name: 'peer', port: 2380, targetPort: 2380 }], pods: etcd.pods, endpointPort: 2379 }),
      ...exposed({ namespace: ns, name: 'toggle-etcd', selector: { app: 'toggle-etcd' }, ports: [{ name: 'client', port: 2379, targetPort: 2379 }], pods: etcd.pods, endpointPort: 2379 }),
      ...exposed({ namespace: ns, name: 'toggle-service', selector: { app: 'toggle-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'flag-admin-ui', selector: { app: 'flag-admin-ui' }, pods: ui.pods }),
      probeFailed(podOf(etcd, 2), 'etcd', 'Readiness', `Get "http://${podOf(etcd, 2).status?.podIP ?? ''}:2381/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 52, lastAgo: 52 }),
    ],
    logs: [
      ...etcd.pods.map((p, i) => logsFor(p, 'etcd', { current: etcdLog(i) })),
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: svcLog(p, i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOSPACE|database space exceeded|(space|backend|storage) quota|quota/i, /etcd/i],
      facts: [/268435456|256 ?Mi|268 ?MB|quota-backend-bytes/i, /auto-compaction|compaction|compact/i, /toggle-etcd/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(volume|disk|PVC|filesystem)[^\n]{0,30}\bfull\b/i, /toggle-etcd-\d[^\n]{0,30}(not ready|crash)/i],
    },
  };
}

// ---- 6. 502s on every rollout: the app dies on SIGTERM and there is no preStop ---------------

function sigtermNoPreStop502DuringRollout(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '121', '230']);
  const img = (v: string) => `${ECR}/accounts/profile-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ name: 'api', image: img(v), command: ['node', 'dist/server.js'], ports: [3000], memory: '384Mi', cpu: '300m', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'REDIS_URL', value: 'redis://profile-cache.accounts.svc.cluster.local:6379' }], readiness: httpProbe('/ready', 3000, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }) })],
    terminationGracePeriodSeconds: 30,
  });
  const prevRollout = 792; // yesterday 14:02 UTC
  const n = (k: number) => names[k % 3] ?? '';
  const sigterm = (at: number) => ({ api: { state: { terminated: { exitCode: 143, reason: 'Error', startedAt: ago(prevRollout - 1), finishedAt: ago(at), containerID: `containerd://${templateHash(`sig${at}`)}${templateHash(`sig2${at}`)}` } }, ready: false, restartCount: 0, started: false } });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 6,
    revisions: [
      { revision: 56, createdAgo: 5 * DAYS, changeCause: 'argocd: profile-api 3.20.3', template: tpl('3.20.3') },
      { revision: 57, createdAgo: prevRollout, changeCause: 'argocd: profile-api 3.20.4', template: tpl('3.20.4') },
      { revision: 58, createdAgo: 4, changeCause: 'argocd: profile-api 3.21.0', template: tpl('3.21.0') },
    ],
    pods: [
      { revision: 57, node: n(0), createdAgo: prevRollout - 1 },
      // Deleted 6 s ago; their deletionTimestamp is 24 s ahead, but the containers already exited (143) at once.
      { revision: 57, node: n(1), createdAgo: prevRollout - 1.5, deletingAgo: -0.4, containers: sigterm(0.1) },
      { revision: 57, node: n(2), createdAgo: prevRollout - 2, deletingAgo: -0.4, containers: sigterm(0.09) },
      { revision: 58, node: n(0), createdAgo: 4 },
      { revision: 58, node: n(1), createdAgo: 4 },
      { revision: 58, node: n(2), createdAgo: 3.1 },
      { revision: 58, node: n(0), createdAgo: 3.1 },
      { revision: 58, node: n(1), createdAgo: 0.1, containers: { api: running({ sinceAgo: 0.05, ready: false }) } },
      { revision: 58, node: n(2), createdAgo: 0.1, containers: { api: running({ sinceAgo: 0.04, ready: false }) } },
    ],
  });
  const dep = deploymentOf(app);
  const [old0, term1, term2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const fresh = app.pods.slice(3);
  const rs57 = rsOf(app, 57);
  const rs58 = rsOf(app, 58);
  const gone = [0, 1, 2].map((k) => `${rs57}-${nameSuffix(`${rs57}/gone${k}`)}`);
  const goneIps = ['10.0.41.77', '10.0.17.203', '10.0.58.12'];
  const yIps = ['10.0.33.146', '10.0.9.58', '10.0.44.201', '10.0.26.19', '10.0.61.90', '10.0.12.134'];
  const ip = (p: k8s.V1Pod) => p.status?.podIP ?? '';
  const killing = (on: k8s.V1Pod | string, m: number) => event({ on: typeof on === 'string' ? { kind: 'Pod', name: on, namespace: ns } : on, type: 'Normal', reason: 'Killing', message: 'Stopping container api', firstAgo: m, lastAgo: m, fieldPath: 'spec.containers{api}' });
  const ing = ingressNginx(names, 9 * DAYS);
  const [c0, c1] = [podOf(ing.app, 0), podOf(ing.app, 1)];
  const up = '[accounts-profile-api-80]';
  let conn = 48210000;
  const burst = (m: number, deadIp: string, liveIp: string, seed: string, w: number) => [
    `${ngxTime(m)} [error] ${w}#${w}: *${(conn += 3917)} upstream prematurely closed connection while reading response header from upstream, client: 10.0.52.14, server: api.example.com, request: "PATCH /v1/profiles/me/preferences HTTP/2.0", upstream: "http://${deadIp}:3000/v1/profiles/me/preferences", host: "api.example.com"`,
    `10.0.52.14 - - [${clf(m)}] "PATCH /v1/profiles/me/preferences HTTP/2.0" 502 150 "https://app.example.com/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15" 93 0.012 ${up} [] ${deadIp}:3000 0 0.011 502 ${reqId(`p${seed}`)}`,
    `${ngxTime(m - 0.005)} [error] ${w}#${w}: *${(conn += 3917)} connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.52.201, server: api.example.com, request: "GET /v1/profiles/me HTTP/2.0", upstream: "http://${deadIp}:3000/v1/profiles/me", host: "api.example.com"`,
    `10.0.52.201 - - [${clf(m - 0.005)}] "GET /v1/profiles/me HTTP/2.0" 200 1893 "https://app.example.com/" "okhttp/4.12.0" 58 0.019 ${up} [] ${deadIp}:3000, ${liveIp}:3000 0, 1893 0.000, 0.018 502, 200 ${reqId(`g${seed}`)}`,
    `${ngxTime(m - 0.01)} [error] ${w}#${w}: *${(conn += 3917)} connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.52.96, server: api.example.com, request: "POST /v1/profiles/me/avatar HTTP/2.0", upstream: "http://${deadIp}:3000/v1/profiles/me/avatar", host: "api.example.com"`,
    `10.0.52.96 - - [${clf(m - 0.01)}] "POST /v1/profiles/me/avatar HTTP/2.0" 502 150 "https://app.example.com/" "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36" 48211 0.002 ${up} [] ${deadIp}:3000, ${deadIp}:3000 0, 0 0.000, 0.001 502, 502 ${reqId(`a${seed}`)}`,
  ];
  const ok = (m: number, ipAddr: string, seed: string) => `10.0.52.${(seed.length * 37) % 250} - - [${clf(m)}] "GET /v1/profiles/me HTTP/2.0" 200 1893 "https://app.example.com/" "okhttp/4.12.0" 58 0.014 ${up} [] ${ipAddr}:3000 1893 0.014 200 ${reqId(`ok${seed}`)}`;
  const controllerLog = (w: number, shift: number) => lines(
    ok(prevRollout + 3, yIps[0] ?? '', `y0${w}`),
    ...burst(prevRollout - 0.02 - shift, yIps[1] ?? '', yIps[0] ?? '', `y1${w}`, w),
    ...burst(prevRollout - 1.52 - shift, yIps[2] ?? '', yIps[3] ?? '', `y2${w}`, w),
    ...burst(prevRollout - 2.03 - shift, yIps[4] ?? '', yIps[5] ?? '', `y3${w}`, w),
    `${klogTime(prevRollout - 2.5)}       7 controller.go:193] "Configuration changes detected, backend reload required"`,
    ok(prevRollout - 30, ip(old0), `y4${w}`),
    ok(360, ip(old0), `y5${w}`),
    ok(4.2, ip(term1), `t0${w}`),
    ...burst(3.99 - shift, goneIps[0] ?? '', ip(old0), `t1${w}`, w),
    ok(3.5, ip(podOf(app, 3)), `t2${w}`),
    ...burst(3.09 - shift, goneIps[1] ?? '', ip(podOf(app, 4)), `t3${w}`, w),
    ...burst(3.08 - shift, goneIps[2] ?? '', ip(podOf(app, 3)), `t4${w}`, w),
    ok(1.2, ip(podOf(app, 5)), `t5${w}`),
    ...burst(0.09 - shift, ip(term1), ip(podOf(app, 6)), `t6${w}`, w),
    ...burst(0.08 - shift, ip(term2), ip(podOf(app, 3)), `t7${w}`, w),
  );
  const apiLog = (p: k8s.V1Pod, started: number, v: string, lastAgo: number) => lines(
    `{"level":30,"time":${epochMs(started)},"pid":1,"hostname":"${nameOf(p)}","msg":"profile-api ${v} listening on :3000"}`,
    `{"level":30,"time":${epochMs(started - 0.01)},"pid":1,"hostname":"${nameOf(p)}","msg":"redis connected","url":"redis://profile-cache.accounts.svc.cluster.local:6379"}`,
    ...(lastAgo < started - 0.3 ? [`{"level":30,"time":${epochMs(started - 0.3)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/profiles/me"},"res":{"statusCode":200},"responseTime":11,"msg":"request completed"}`] : []),
    ...(lastAgo < started ? [`{"level":30,"time":${epochMs(lastAgo)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"PATCH","url":"/v1/profiles/me/preferences"},"res":{"statusCode":200},"responseTime":27,"msg":"request completed"}`] : []),
  );
  return {
    id: 'heldout30-sigterm-no-prestop-502-on-rollout',
    class: 'rollout',
    truth: 'accounts/profile-api (Node.js, `node dist/server.js`) installs no SIGTERM handler and its pods have no preStop hook, so when a pod is deleted the process dies at once (exit 143) while the ingress-nginx controller still has the pod\'s IP in its upstreams for a moment: in-flight requests get "upstream prematurely closed connection" and new ones "connect() failed (111: Connection refused)", and those that cannot be retried (PATCH/POST, or all tries on dying pods) return 502. Revision 58 (3.21.0) is rolling out now: two revision-57 pods are Terminating, their containers already exited 143 with 24 s of grace left, and the controller logs show the 502 bursts at each scale-down of this rollout, exactly as at yesterday\'s rollout of revision 57 (14:02 UTC). 3.21.0 itself is healthy. Fix: a preStop sleep (e.g. 10–15 s) and graceful shutdown (stop accepting, drain, then exit) within terminationGracePeriodSeconds.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ing.objects,
      namespace({ name: 'ingress-nginx', createdAgo: 300 * DAYS, labels: { name: 'ingress-nginx' } }),
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, endpointPort: 3000, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      scaledReplicaSet(dep, rs58, 2, 0, 4),
      scaledReplicaSet(dep, rs57, 5, 6, 4),
      scaledReplicaSet(dep, rs57, 3, 5, 3.1),
      scaledReplicaSet(dep, rs58, 4, 2, 3.1),
      scaledReplicaSet(dep, rs57, 1, 3, 0.1),
      scaledReplicaSet(dep, rs58, 6, 4, 0.1),
      killing(gone[0] ?? '', 4),
      killing(gone[1] ?? '', 3.1),
      killing(gone[2] ?? '', 3.1),
      killing(term1, 0.1),
      killing(term2, 0.1),
      ...fresh.flatMap((p, i) => [
        ...pulledFresh(p, 'api', img('3.21.0'), { atAgo: i < 2 ? 4 : i < 4 ? 3.1 : 0.1, bytes: 48822190, seconds: 2.6 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container api', firstAgo: (i < 2 ? 4 : i < 4 ? 3.1 : 0.1) - 0.05, lastAgo: (i < 2 ? 4 : i < 4 ? 3.1 : 0.1) - 0.05, fieldPath: 'spec.containers{api}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container api', firstAgo: (i < 2 ? 4 : i < 4 ? 3.1 : 0.1) - 0.05, lastAgo: (i < 2 ? 4 : i < 4 ? 3.1 : 0.1) - 0.05, fieldPath: 'spec.containers{api}' }),
      ]),
      probeFailed(podOf(app, 3), 'api', 'Readiness', `Get "http://${ip(podOf(app, 3))}:3000/ready": dial tcp ${ip(podOf(app, 3))}:3000: connect: connection refused`, { count: 2, firstAgo: 3.9, lastAgo: 3.85 }),
    ],
    logs: [
      logsFor(c0, 'controller', { current: nginxBanner(9 * DAYS - 0.3, ip(c0)) + '\n' + controllerLog(33, 0) }),
      logsFor(c1, 'controller', { current: nginxBanner(9 * DAYS - 0.3, ip(c1)) + '\n' + controllerLog(36, 0.001) }),
      logsFor(old0, 'api', { current: apiLog(old0, prevRollout - 1.5, '3.20.4', 0.2) }),
      logsFor(term1, 'api', { current: apiLog(term1, prevRollout - 2, '3.20.4', 0.11) }),
      logsFor(term2, 'api', { current: apiLog(term2, prevRollout - 2.5, '3.20.4', 0.1) }),
      ...fresh.map((p, i) => logsFor(p, 'api', { current: apiLog(p, (i < 2 ? 4 : i < 4 ? 3.1 : 0.1) - 0.06, '3.21.0', i < 4 ? 0.25 + i * 0.1 : 1) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SIGTERM|\b143\b/i, /pre-?Stop|graceful|drain/i],
      facts: [/upstream prematurely closed connection|Connection refused/, /\b502\b/, /yesterday|revision 57|previous rollout|14:0\d|every rollout/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /3\.21\.0[^\n]{0,40}(broken|bad|faulty|caus)/i],
    },
  };
}

// ---- 7. healthy control: restarts from a database maintenance window hours ago -------------

function healthyAfterDbMaintenance(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.120', ['44', '156', '7']);
  const img = (v: string) => `${ECR}/commerce/orders-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080], memory: '1536Mi', cpu: '500m', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.cluster-c8x2k1pq7m3n.eu-west-1.rds.amazonaws.com:5432/orders' }], readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 10, failureThreshold: 3 }) })] });
  const recovered = [191.2, 190.6, 191.8];
  const restarts = [10, 10, 11];
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 15 * DAYS, changeCause: 'argocd: orders-api 5.12.1', template: tpl('5.12.1') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.12.2', template: tpl('5.12.2') },
    ],
    settled: { available: true, availableSince: recovered[1] ?? 190 - 0.5, progressingSince: 6 * DAYS - 3 },
    pods: [0, 1, 2].map((k) => ({
      revision: 41,
      node: names[k] ?? '',
      createdAgo: 6 * DAYS - k * 1.2,
      containers: { app: running({ sinceAgo: recovered[k] ?? 191, restarts: restarts[k] ?? 10, last: { exitCode: 1, finishedAgo: (recovered[k] ?? 191) + 0.3, ranSeconds: 24 } }) },
    })),
  });
  const other = bystander(ns, 'cart-api', names, 26 * 60, { revisions: [88, 89], versions: ['9.3.0', '9.3.1'], olderAgo: 10 * DAYS });
  const isoS = (m: number) => at(m);
  const spring = (m: number, level: string, thread: string, logger: string, msg: string) => `${isoS(m)}  ${level.padStart(5)} 1 --- [orders-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const events = app.pods.flatMap((p, k) => {
    const r = recovered[k] ?? 191;
    return [
      probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 14 + k, firstAgo: 224 - k * 0.2, lastAgo: r + 0.2 }),
      probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 3, firstAgo: 222.8 - k * 0.2, lastAgo: 222.4 - k * 0.2 }),
      probeKilling(p, 'app', 'liveness', { count: 1, firstAgo: 222.4 - k * 0.2, lastAgo: 222.4 - k * 0.2 }),
      ...restartedAgain(p, 'app', img('5.12.2'), { count: restarts[k] ?? 10, firstAgo: 222.3 - k * 0.2, lastAgo: r + 0.02 }),
      backOff(p, 'app', { count: 104 + k * 7, firstAgo: 221.8 - k * 0.2, lastAgo: r + 0.1 }),
    ];
  });
  const current = (p: k8s.V1Pod, k: number) => {
    const r = recovered[k] ?? 191;
    return lines(
      '',
      '  .   ____          _            __ _ _',
      " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
      "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
      " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
      "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
      ' =========|_|==============|___/=/_/_/_/',
      '',
      ' :: Spring Boot ::                (v3.3.5)',
      '',
      spring(r - 0.01, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', `Starting OrdersApiApplication v5.12.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`),
      spring(r - 0.15, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      spring(r - 0.16, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5c1bd44c'),
      spring(r - 0.16, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(r - 0.34, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(r - 0.35, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', `Started OrdersApiApplication in 21.4${k} seconds (process running for 22.9)`),
      spring(95 + k, 'INFO', 'scheduling-1', 'c.a.orders.outbox.OutboxRelay', 'relayed 412 outbox events to orders-events (lag 0.8s)'),
      spring(2.1 + k * 0.3, 'INFO', 'http-nio-8080-exec-7', 'c.a.orders.api.RequestLogFilter', 'POST /v2/orders 201 38ms'),
      spring(0.4 + k * 0.1, 'INFO', 'http-nio-8080-exec-3', 'c.a.orders.api.RequestLogFilter', 'GET /v2/orders/ord_7Hk2q9 200 6ms'),
    );
  };
  const previous = (k: number) => {
    const r = (recovered[k] ?? 191) + 0.3;
    return lines(
      spring(r + 0.4, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', 'Starting OrdersApiApplication v5.12.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      spring(r + 0.2, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      spring(r + 0.01, 'ERROR', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Exception during pool initialization.'),
      '',
      'org.postgresql.util.PSQLException: Connection to orders-db.cluster-c8x2k1pq7m3n.eu-west-1.rds.amazonaws.com:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
      '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
      '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:562)',
      'Caused by: java.net.ConnectException: Connection refused',
      '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
      '',
      spring(r, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    );
  };
  return {
    id: 'heldout30-healthy-after-db-maintenance',
    class: 'healthy',
    truth: 'commerce/orders-api had a bad half-hour 3¾ to 3 hours ago: the orders-db (RDS) maintenance window made Postgres refuse connections, the liveness endpoint (which includes the db) returned 503, the kubelet restarted each pod, and the restarted containers failed to start (HikariPool: connection refused, exit 1) under back-off until the database came back at about 00:03 UTC. Every pod has run steadily since (3/3 Ready, 10–11 restarts each, the last over three hours ago), and the recent logs are clean. Nothing is wrong now.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...events,
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: current(p, k), previous: previous(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current |ongoing )?(problems?|issues?)|recovered|steady|stable|running normally/i],
      facts: [/restart/i, /3\/3|3 of 3|all (3|three)/i],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /liveness probe (is )?failing|is restarting/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  cronScheduleDayOfMonthSlip(),
  tzdataMissingNoHistory(),
  downwardApiNodeLabelEmptyEnv(),
  networkPolicyNamespaceLabelAfterReinstall(),
  appEtcdNospaceQuota(),
  sigtermNoPreStop502DuringRollout(),
  healthyAfterDbMaintenance(),
];
