// Held-out stories, forty-fourth round, part one: Temporal workers whose new revision changed
// OrderFulfillmentWorkflow without versioning, so every in-flight workflow fails replay with
// [TMPRL1100] nondeterminism and is stuck; Stripe webhooks all failing signature verification
// after a chart bump pointed STRIPE_WEBHOOK_SECRET at a new endpoint's secret; an old Node client
// (mysqljs) that cannot speak caching_sha2_password after the in-cluster MySQL went 5.7 → 8.0 and
// its users-sync Job re-created the accounts; Kafka brokers that now advertise per-pod names under
// the ClusterIP Service, which do not resolve; an OPA sidecar that lost its cached bundle when the
// pods rolled, because the bundle server moved namespaces, so it denies everything; CockroachDB
// 40001 retry errors the service never retries after a release added a hot per-merchant totals
// row; and a healthy control: a long-poll sync service whose "slow request" warnings are its
// 25-second poll window.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, clfTime, boundClaim, configMap, container, coreDns, deploymentApp, epochMs, event, execProbe,
  exposed, httpProbe, job, namespace, nameOf, probeFailed, pyTime, rsOf, running, scaledReplicaSet, scheduled, service,
  statefulSetApp, tcpProbe, terminated, uidOf, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Go's log package time (Temporal SDK default logger): `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** RFC 3339 to the second, as OPA and Go's slog write it. */
const secTime = (minutes: number): string => at(minutes).replace(/\.\d+Z$/, 'Z');
/** CockroachDB's log header time: `I261121 03:12:41.563411`. */
const crdbTime = (minutes: number): string => {
  const s = at(minutes);
  return `${s.slice(2, 4)}${s.slice(5, 7)}${s.slice(8, 10)} ${s.slice(11, 23)}${String(Math.round(minutes * 977) % 1000).padStart(3, '0')}`;
};
/** A hex id derived from a seed (decision ids, transaction ids). */
const hexOf = (seed: string, n: number): string => uidOf(seed).replace(/-/g, '').slice(0, n);

/** The ScalingReplicaSet events of a rolling update from `oldRs` to `newRs`, one pod at a time. */
function rolling(dep: KubeJson, oldRs: string, newRs: string, replicas: number, startAgo: number, stepMin: number): k8s.CoreV1Event[] {
  const out: k8s.CoreV1Event[] = [];
  for (let i = 1; i <= replicas; i++) {
    const t = startAgo - (i - 1) * stepMin;
    out.push(scaledReplicaSet(dep, newRs, i, i - 1, t));
    out.push(scaledReplicaSet(dep, oldRs, replicas - i, replicas - i + 1, t - stepMin / 2));
  }
  return out;
}

/** Scheduled, then each container pulled (fresh when `bytes` is given) / Created / Started. */
function startEvents(p: k8s.V1Pod, atAgo: number, cs: { name: string; image: string; bytes?: number; seconds?: number }[]): k8s.CoreV1Event[] {
  const out: k8s.CoreV1Event[] = [scheduled(p, atAgo)];
  cs.forEach((c, i) => {
    const fieldPath = `spec.containers{${c.name}}`;
    const t = atAgo - 0.05 - i * 0.05;
    if (c.bytes !== undefined) {
      const s = c.seconds ?? 3.1;
      out.push(event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"`, firstAgo: t, lastAgo: t, fieldPath }));
      out.push(event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${c.image}" in ${s}s (${s}s including waiting). Image size: ${c.bytes} bytes.`, firstAgo: t - s / 60, lastAgo: t - s / 60, fieldPath }));
    } else {
      out.push(event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${c.image}" already present on machine`, firstAgo: t, lastAgo: t, fieldPath }));
    }
    out.push(event({ on: p, type: 'Normal', reason: 'Created', message: `Created container ${c.name}`, firstAgo: t - 0.1, lastAgo: t - 0.1, fieldPath }));
    out.push(event({ on: p, type: 'Normal', reason: 'Started', message: `Started container ${c.name}`, firstAgo: t - 0.1, lastAgo: t - 0.1, fieldPath }));
  });
  return out;
}

/** The Ready / ContainersReady conditions of an unready pod, false since `minutes` ago. */
function unreadySince(p: k8s.V1Pod, minutes: number): void {
  for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(minutes);
}

// ---- 1. Temporal: workflow code changed without versioning, in-flight workflows fail replay ----------

function temporalNondeterminism(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = (v: string) => `${ECR}/fulfillment/fulfillment-worker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [{ name: 'metrics', containerPort: 9090 }],
      cpu: '500m',
      memory: '768Mi',
      env: [
        { name: 'TEMPORAL_HOSTPORT', value: 'temporal-frontend.temporal.svc.cluster.local:7233' },
        { name: 'TEMPORAL_NAMESPACE', value: 'fulfillment-prod' },
        { name: 'TEMPORAL_TASK_QUEUE', value: 'order-fulfillment' },
        { name: 'MAX_CONCURRENT_WORKFLOW_TASKS', value: '50' },
        { name: 'CARRIER_GATEWAY_URL', value: 'http://carrier-gateway.fulfillment.svc.cluster.local' },
      ],
      readiness: httpProbe('/readyz', 'metrics'),
      liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'fulfillment-worker',
    terminationGracePeriodSeconds: 60,
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'fulfillment-worker',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 19 * DAYS, changeCause: 'argocd: fulfillment-worker 2.30.3', template: tpl('2.30.3') },
      { revision: 57, createdAgo: 6 * DAYS + 3 * HOURS, changeCause: 'argocd: fulfillment-worker 2.30.4', template: tpl('2.30.4') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: fulfillment-worker 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 47 - k * 0.9 })),
    settled: { available: true, availableSince: 45, progressingSince: 47, progressingUpdatedAgo: 45 },
  });
  const temporalImage = 'docker.io/temporalio/server:1.25.2';
  const frontend = deploymentApp({
    namespace: 'temporal',
    name: 'temporal-frontend',
    replicas: 2,
    selector: { app: 'temporal', 'app.kubernetes.io/component': 'frontend' },
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, changeCause: 'helm upgrade temporal 0.52.0', template: { containers: [container({ name: 'temporal-frontend', image: temporalImage, ports: [{ name: 'rpc', containerPort: 7233 }, { name: 'membership', containerPort: 6933 }], cpu: '500m', memory: '1Gi', readiness: tcpProbe('rpc'), liveness: tcpProbe('rpc', { initialDelaySeconds: 150 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k + 1] ?? '', createdAgo: 34 * DAYS - k })),
  });
  const api = bystander(ns, 'fulfillment-api', names, 3 * DAYS + 70, { revisions: [21, 22], versions: ['1.18.0', '1.18.1'], olderAgo: 12 * DAYS });
  const carrier = bystander(ns, 'carrier-gateway', names, 9 * DAYS, { revisions: [7, 8], versions: ['0.9.2', '0.9.3'], olderAgo: 40 * DAYS });
  const wfs = ['order-4419872', 'order-4420013', 'order-4420391', 'order-4418840', 'order-4420577', 'order-4419205', 'order-4420702', 'order-4419998'];
  const workerLog = (p: k8s.V1Pod, k: number): string => {
    const id = `1@${nameOf(p)}@`;
    const head = `Namespace fulfillment-prod TaskQueue order-fulfillment WorkerID ${id}`;
    const startAgo = 46.8 - k * 0.9;
    const out: string[] = [
      `${goTime(startAgo)} INFO  fulfillment-worker starting version 2.31.0 commit 4be1f07 go1.23.3`,
      `${goTime(startAgo)} INFO  registered workflows [OrderFulfillmentWorkflow ReturnWorkflow ReplenishmentWorkflow] activities 17`,
      `${goTime(startAgo - 0.01)} INFO  Started Worker ${head}`,
    ];
    for (let i = 0; i < 22; i++) {
      const t = startAgo - 1.2 - i * 2.0 - k * 0.31;
      if (t < 0.2) break;
      const wf = wfs[(i + k * 3) % wfs.length] ?? 'order-1';
      const run = uidOf(`run/${wf}`);
      const attempt = 2 + Math.floor(i / 2) + k;
      out.push(
        `${goTime(t)} WARN  Failed to process workflow task. ${head} WorkflowType OrderFulfillmentWorkflow WorkflowID ${wf} RunID ${run} Attempt ${attempt} Error [TMPRL1100] nondeterministic workflow: history event is ActivityTaskScheduled: (ActivityId:7, ActivityType:(Name:CapturePayment), TaskQueue:(Name:order-fulfillment, Kind:TASK_QUEUE_KIND_NORMAL), Input:[...], ScheduleToCloseTimeout:10m0s, StartToCloseTimeout:1m0s), replay command is ScheduleActivityTask: (ActivityId:7, ActivityType:(Name:ScreenOrderForFraud), TaskQueue:(Name:order-fulfillment, Kind:TASK_QUEUE_KIND_NORMAL), Input:[...], StartToCloseTimeout:30s)`,
      );
      if (i % 4 === 1) out.push(`${goTime(t - 0.3)} INFO  fraud screening order order-${4421100 + i * 7 + k} score 0.0${(i + k) % 9} decision approve`);
      if (i % 5 === 2) out.push(`${goTime(t - 0.5)} INFO  order fulfilled WorkflowID order-${4421090 + i * 7 + k} duration 41.${i}s`);
      if (i === 6 && k === 1) {
        out.push(`${goTime(t - 0.6)} WARN  Activity error. ${head} WorkflowID order-4421131 RunID ${uidOf('run/order-4421131')} ActivityType BookCarrierPickup Attempt 1 Error carrier-gateway: POST /v1/pickups: 503 Service Unavailable`);
        out.push(`${goTime(t - 0.4)} INFO  carrier pickup booked order order-4421131 carrier dhl-express slot 2026-11-21T09:00Z`);
      }
    }
    return lines(...out);
  };
  const pods = worker.pods;
  return {
    id: 'heldout44-temporal-workflow-nondeterminism',
    class: 'rollout',
    truth: 'fulfillment-worker revision 58 (2.31.0, 47 minutes ago) inserted a new ScreenOrderForFraud activity before CapturePayment in OrderFulfillmentWorkflow without workflow.GetVersion. Every workflow started before the deploy fails replay on the new workers with [TMPRL1100] nondeterministic workflow (history has CapturePayment where the code now schedules ScreenOrderForFraud); the SDK fails the workflow task and Temporal retries it forever, so those orders are stuck while the pods stay Ready and new orders complete. Fix: roll the workers back to revision 57 (2.30.4) and re-ship the change behind workflow.GetVersion (or worker versioning).',
    ask: { service: 'fulfillment-worker', namespace: ns },
    objects: [
      ...nodes,
      ...worker.objects, ...frontend.objects, ...api.objects, ...carrier.objects,
      ...exposed({ namespace: 'temporal', name: 'temporal-frontend', selector: { app: 'temporal', 'app.kubernetes.io/component': 'frontend' }, ports: [{ name: 'grpc-rpc', port: 7233, targetPort: 'rpc' }], pods: frontend.pods, endpointPort: 7233 }),
      ...exposed({ namespace: ns, name: 'fulfillment-api', selector: { app: 'fulfillment-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: carrier.pods }),
      ...rolling(deploymentOf(worker), rsOf(worker, 57), rsOf(worker, 58), 3, 47, 0.9),
      ...pods.flatMap((p, k) => startEvents(p, 47 - k * 0.9, [{ name: 'app', image: image('2.31.0'), ...(k === 0 ? { bytes: 38112977, seconds: 2.804 } : {}) }])),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: workerLog(p, k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(6.2 - k)}","msg":"started workflow","workflow_type":"OrderFulfillmentWorkflow","workflow_id":"order-${4421190 + k}","task_queue":"order-fulfillment"}`,
        `{"level":"info","ts":"${at(2.1 - k * 0.5)}","msg":"GET /v1/orders/order-4419872/status","status":200,"dur_ms":9,"workflow_status":"Running"}`,
        `{"level":"info","ts":"${at(0.8)}","msg":"POST /v1/orders","status":202,"dur_ms":31}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/nondetermin|TMPRL1100/i, /revision 58|2\.31\.0/],
      facts: [/OrderFulfillmentWorkflow/, /TMPRL1100|nondeterministic workflow/, /GetVersion|patch(ing|ed)? the workflow|workflow versioning|worker versioning|roll(ing)? ?back|rollout undo|revision 57|2\.30\.4/i],
      never: [/\bOOM/, /crash ?loop/i, /temporal-frontend[^\n]*(down|unreachable|unavailable|failing)|Temporal (server|cluster|frontend) (is )?(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 2. Stripe webhooks: the service verifies with the wrong endpoint's signing secret ---------------

function stripeWebhookSecret(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.148', ['23', '90', '177']);
  const image = `${ECR}/billing/billing-webhooks:4.7.2`;
  const tpl = (secretName: string) => ({
    containers: [container({
      image,
      ports: [3000],
      cpu: '200m',
      memory: '256Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'stripe-credentials', key: 'api-key' } } },
        { name: 'STRIPE_WEBHOOK_SECRET', valueFrom: { secretKeyRef: { name: secretName, key: 'signing-secret' } } },
        { name: 'EVENTS_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/billing-stripe-events' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/healthz', 3000),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'billing-webhooks',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-webhooks',
    replicas: 3,
    revisions: [
      { revision: 111, createdAgo: 11 * DAYS, changeCause: 'argocd: billing-webhooks chart 3.1.4 (app 4.7.2)', template: tpl('stripe-webhook') },
      { revision: 112, createdAgo: 38, changeCause: 'argocd: billing-webhooks chart 3.2.0 (app 4.7.2)', template: tpl('stripe-webhook-v2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 112, node: names[k] ?? '', createdAgo: 38 - k * 0.6 })),
    settled: { available: true, availableSince: 36.6, progressingSince: 38, progressingUpdatedAgo: 36.6 },
  });
  const ledger = bystander(ns, 'billing-ledger-worker', names, 4 * DAYS, { revisions: [63, 64], versions: ['2.12.0', '2.12.1'], olderAgo: 20 * DAYS });
  const invoices = bystander(ns, 'invoice-api', names, 26 * HOURS, { revisions: [88, 89], versions: ['6.3.0', '6.4.0'], olderAgo: 9 * DAYS });
  const signatureError = 'No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \\n Learn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing';
  const stack = `StripeSignatureVerificationError: ${signatureError}\\n    at validateComputedSignature (/app/node_modules/stripe/cjs/Webhooks.js:153:19)\\n    at Object.verifyHeader (/app/node_modules/stripe/cjs/Webhooks.js:79:20)\\n    at Object.constructEvent (/app/node_modules/stripe/cjs/Webhooks.js:16:32)\\n    at handleStripeWebhook (/app/dist/routes/stripe.js:41:38)`;
  const types = ['invoice.paid', 'payment_intent.succeeded', 'customer.subscription.updated', 'charge.refunded', 'invoice.payment_failed', 'payment_intent.succeeded'];
  const webhookLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const startAgo = 37.9 - k * 0.6;
    const out: string[] = [
      `{"level":30,"time":${epochMs(startAgo)},"pid":1,"hostname":"${host}","msg":"billing-webhooks 4.7.2 listening on :3000","node":"v20.18.1"}`,
      `{"level":30,"time":${epochMs(startAgo - 0.01)},"pid":1,"hostname":"${host}","queue":"billing-stripe-events","msg":"sqs producer ready"}`,
    ];
    let req = 1;
    for (let i = 0; i < 26; i++) {
      const t = startAgo - 0.4 - i * 1.4 - k * 0.13;
      if (t < 0.1) break;
      const ts = Math.floor(epochMs(t) / 1000);
      const sig = hexOf(`sig/${k}/${i}`, 32);
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${host}","reqId":"req-${(req).toString(36)}","stripeSignature":"t=${ts},v1=${sig}…","contentLength":${2100 + ((i * 977 + k * 131) % 3400)},"err":{"type":"StripeSignatureVerificationError","message":"${signatureError}","stack":"${stack}"},"msg":"stripe webhook rejected: signature verification failed"}`);
      out.push(`{"level":30,"time":${epochMs(t) + 3},"pid":1,"hostname":"${host}","req":{"id":"req-${(req).toString(36)}","method":"POST","url":"/webhooks/stripe","headers":{"user-agent":"Stripe/1.0 (+https://stripe.com/docs/webhooks)","content-type":"application/json; charset=utf-8"}},"res":{"statusCode":400},"responseTime":${3 + (i % 4)},"msg":"request completed"}`);
      req += 1;
      if (i % 6 === 3) {
        out.push(`{"level":30,"time":${epochMs(t - 0.2)},"pid":1,"hostname":"${host}","req":{"id":"req-${(req).toString(36)}","method":"GET","url":"/internal/events?type=${types[i % types.length] ?? 'invoice.paid'}&limit=20","headers":{"user-agent":"billing-ops/1.4"}},"res":{"statusCode":200},"responseTime":18,"msg":"request completed"}`);
        req += 1;
      }
    }
    return lines(...out);
  };
  const pods = app.pods;
  return {
    id: 'heldout44-stripe-webhook-signing-secret-changed',
    class: 'config',
    truth: 'billing-webhooks revision 112 (chart 3.2.0, 38 minutes ago, same 4.7.2 image) switched STRIPE_WEBHOOK_SECRET from Secret stripe-webhook to stripe-webhook-v2, the signing secret of a new Stripe endpoint that is not live yet, while Stripe still delivers to the existing endpoint signed with its own secret. Since then every webhook fails stripe.webhooks.constructEvent with StripeSignatureVerificationError and is answered 400, so no payment or invoice event is processed; Stripe keeps retrying. Fix: point STRIPE_WEBHOOK_SECRET back at stripe-webhook (roll back to revision 111); the retried events then arrive and are processed.',
    ask: { service: 'billing-webhooks', namespace: ns },
    objects: [
      ...nodes,
      ...app.objects, ...ledger.objects, ...invoices.objects,
      ...exposed({ namespace: ns, name: 'billing-webhooks', selector: { app: 'billing-webhooks' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: invoices.pods }),
      ...rolling(deploymentOf(app), rsOf(app, 111), rsOf(app, 112), 3, 38, 0.6),
      ...pods.flatMap((p, k) => startEvents(p, 38 - k * 0.6, [{ name: 'app', image }])),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: webhookLog(p, k) })),
      ...ledger.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":"info","time":"${at(31.5)}","msg":"batch committed","source":"billing-stripe-events","events":4,"ledger_entries":9}`,
        `{"level":"info","time":"${at(12)}","msg":"queue idle","source":"billing-stripe-events","wait_s":20}`,
        `{"level":"info","time":"${at(0.7)}","msg":"queue idle","source":"billing-stripe-events","wait_s":20}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/signature/i, /revision 112|STRIPE_WEBHOOK_SECRET|signing secret|webhook secret|stripe-webhook-v2/i],
      facts: [/\b400\b/, /StripeSignatureVerificationError|No signatures found matching/, /stripe-webhook-v2/, /roll(ing)? ?back|rollout undo|revision 111/i],
      never: [/raw (request )?body|body[- ]?pars(er|ing)|express\.json/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 3. MySQL 5.7 → 8.0: an old mysqljs client cannot do caching_sha2_password -----------------------

function mysql8CachingSha2(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.211', ['40', '118', '251']);
  const mysqlImage = (v: string) => `docker.io/library/mysql:${v}`;
  const mysqlTpl = (v: string) => ({
    containers: [container({
      name: 'mysql',
      image: mysqlImage(v),
      args: ['--defaults-extra-file=/etc/mysql/conf.d/reporting.cnf'],
      env: [
        { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-root', key: 'password' } } },
        { name: 'TZ', value: 'UTC' },
      ],
      ports: [{ name: 'mysql', containerPort: 3306 }],
      cpu: '1',
      memory: '4Gi',
      readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD" --silent'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD" --silent'], { initialDelaySeconds: 120, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'conf', configMap: { name: 'mysql-conf' } }],
    terminationGracePeriodSeconds: 120,
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'mysql',
    replicas: 1,
    serviceName: 'mysql-headless',
    createdAgo: 410 * DAYS,
    revisions: [
      { revision: 4, createdAgo: 160 * DAYS, template: mysqlTpl('5.7.44') },
      { revision: 5, createdAgo: 68, template: mysqlTpl('8.0.40') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 67.2 }],
  });
  const dbPod = podOf(db, 0);
  const [claim, volume] = boundClaim({ namespace: ns, name: 'data-mysql-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 410 * DAYS });
  const conf = configMap({
    namespace: ns,
    name: 'mysql-conf',
    createdAgo: 410 * DAYS,
    updatedAgo: 69,
    data: {
      'reporting.cnf': '[mysqld]\ncharacter-set-server = utf8mb4\ncollation-server = utf8mb4_0900_ai_ci\nmax_connections = 400\ninnodb_buffer_pool_size = 2G\ninnodb_log_file_size = 512M\nslow_query_log = 1\nlong_query_time = 2\nsql_mode = STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION\n# query_cache_* removed for 8.0 (no longer supported)\nskip-name-resolve\n',
    },
  });
  const syncScript = configMap({
    namespace: ns,
    name: 'mysql-users-sync',
    createdAgo: 300 * DAYS,
    data: {
      'sync-users.sh': '#!/bin/bash\nset -euo pipefail\nMYSQL="mysql -h mysql-0.mysql-headless -uroot -p${MYSQL_ROOT_PASSWORD}"\necho "syncing $(wc -l < /users/users.txt) application users"\nwhile read -r user grants; do\n  pw=$(cat /passwords/${user})\n  $MYSQL -e "DROP USER IF EXISTS \'${user}\'@\'%\'; CREATE USER \'${user}\'@\'%\' IDENTIFIED BY \'${pw}\'; GRANT ${grants} ON reporting.* TO \'${user}\'@\'%\';"\n  echo "user ${user}@%: recreated"\ndone < /users/users.txt\n$MYSQL -t -e "SELECT user, host, plugin FROM mysql.user WHERE host = \'%\' ORDER BY user"\n',
    },
  });
  const syncJob = job({
    namespace: ns,
    name: 'mysql-users-sync-5',
    createdAgo: 65.9,
    backoffLimit: 2,
    template: {
      containers: [batchContainer({ name: 'users-sync', image: mysqlImage('8.0.40'), command: ['/bin/bash', '/scripts/sync-users.sh'], env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-root', key: 'password' } } }], volumeMounts: [{ name: 'scripts', mountPath: '/scripts' }], cpu: '50m', memory: '64Mi' })],
      volumes: [{ name: 'scripts', configMap: { name: 'mysql-users-sync' } }],
    },
    pods: [{ node: names[2] ?? '', createdAgo: 65.9, phase: 'Succeeded', containers: { 'users-sync': terminated({ exitCode: 0, finishedAgo: 65.6, ranSeconds: 11 }) } }],
    outcome: { complete: true, ago: 65.55 },
  });
  const syncPod = syncJob.pods[0];
  const clientImage = `${ECR}/reporting/legacy-reports:2.9.14`;
  const legacy = deploymentApp({
    namespace: ns,
    name: 'legacy-reports',
    replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 140 * DAYS, changeCause: 'jenkins: legacy-reports 2.9.14', template: { containers: [container({
        image: clientImage,
        ports: [8080],
        cpu: '200m',
        memory: '384Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'DB_HOST', value: 'mysql.reporting.svc.cluster.local' },
          { name: 'DB_USER', value: 'reports' },
          { name: 'DB_NAME', value: 'reporting' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-app-users', key: 'reports' } } },
        ],
        readiness: httpProbe('/health', 8080, { periodSeconds: 10, timeoutSeconds: 3 }),
        liveness: httpProbe('/live', 8080, { initialDelaySeconds: 20 }),
      })] } },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 21 * DAYS, containers: { app: running({ sinceAgo: 12 * DAYS, ready: false, restarts: 1, last: { exitCode: 1, finishedAgo: 12 * DAYS + 0.05, ranSeconds: 9 * DAYS } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 21 * DAYS - 3, containers: { app: running({ sinceAgo: 21 * DAYS - 3.5, ready: false }) } },
    ],
    settled: { available: false, availableSince: 65.2, progressingSince: 140 * DAYS, progressingUpdatedAgo: 140 * DAYS },
  });
  for (const p of legacy.pods) unreadySince(p, 65.2);
  const scheduler = deploymentApp({
    namespace: ns,
    name: 'report-scheduler',
    replicas: 1,
    revisions: [{ revision: 31, createdAgo: 8 * DAYS, changeCause: 'argocd: report-scheduler 5.2.0', template: { containers: [container({ image: `${ECR}/reporting/report-scheduler:5.2.0`, ports: [8080], memory: '768Mi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://mysql.reporting.svc.cluster.local:3306/reporting?sslMode=PREFERRED' }, { name: 'SPRING_DATASOURCE_USERNAME', value: 'scheduler' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } }],
    pods: [{ revision: 31, node: names[1] ?? '', createdAgo: 8 * DAYS }],
  });
  const mysqlLog = lines(
    `${pyTime(67.1).replace(',', '.').slice(0, 19)}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.`,
    `${pyTime(67.1).replace(',', '.').slice(0, 19)}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
    `${pyTime(67.05).replace(',', '.').slice(0, 19)}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.`,
    `${at(67.0).replace('Z', '118Z')} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
    `${at(67.0).replace('Z', '402Z')} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${at(66.98).replace('Z', '771Z')} 1 [System] [MY-011012] [Server] Starting upgrade of data directory.`,
    `${at(66.98).replace('Z', '904Z')} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${at(66.7).replace('Z', '230Z')} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${at(66.2).replace('Z', '518Z')} 2 [System] [MY-011003] [Server] Finished populating Data Dictionary tables with data.`,
    `${at(66.1).replace('Z', '007Z')} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' started.`,
    `${at(65.95).replace('Z', '660Z')} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`,
    `${at(65.94).replace('Z', '115Z')} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${at(65.94).replace('Z', '120Z')} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${at(65.94).replace('Z', '166Z')} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${at(65.93).replace('Z', '301Z')} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
    `${at(65.93).replace('Z', '302Z')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${at(65.8).replace('Z', '551Z')} 14 [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'`,
    `${at(65.75).replace('Z', '093Z')} 17 [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'`,
  );
  const nodeStack = [
    '    at Handshake.Sequence._packetToError (/app/node_modules/mysql/lib/protocol/sequences/Sequence.js:47:14)',
    '    at Handshake.ErrorPacket (/app/node_modules/mysql/lib/protocol/sequences/Handshake.js:123:18)',
    '    at Protocol._parsePacket (/app/node_modules/mysql/lib/protocol/Protocol.js:291:23)',
    '    at Parser._parsePacket (/app/node_modules/mysql/lib/protocol/Parser.js:433:10)',
    '    at Parser.write (/app/node_modules/mysql/lib/protocol/Parser.js:43:10)',
    '    at Protocol.write (/app/node_modules/mysql/lib/protocol/Protocol.js:38:16)',
    '    at Socket.<anonymous> (/app/node_modules/mysql/lib/Connection.js:88:28)',
    '    --------------------',
    '    at Protocol._enqueue (/app/node_modules/mysql/lib/protocol/Protocol.js:144:48)',
    '    at Protocol.handshake (/app/node_modules/mysql/lib/protocol/Protocol.js:51:23)',
    '    at Connection.connect (/app/node_modules/mysql/lib/Connection.js:116:18)',
    '    at checkDatabase (/app/src/health.js:14:8)',
  ];
  const authError = 'ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client';
  const legacyLog = (p: k8s.V1Pod, k: number): string => {
    const ip = ipOfPod(p);
    const out: string[] = [
      `${at(71 - k)} info: GET /reports/daily-sales?date=2026-11-20 200 412ms`,
      `${at(67.85 - k * 0.02)} warn: mysql pool: connection lost: Connection lost: The server closed the connection. (PROTOCOL_CONNECTION_LOST)`,
      `${at(67.0 - k * 0.02)} error: health check failed: connect ECONNREFUSED 172.20.61.14:3306`,
      `${at(66.3 - k * 0.02)} error: health check failed: connect ECONNREFUSED 172.20.61.14:3306`,
      `${at(65.85 - k * 0.02)} info: mysql pool: reconnected to mysql.reporting.svc.cluster.local (server 8.0.40)`,
      `${at(65.7 - k * 0.02)} error: health check failed: ER_ACCESS_DENIED_ERROR: Access denied for user 'reports'@'${ip}' (using password: YES)`,
      `${at(65.4 - k * 0.02)} error: health check failed: ${authError}`,
      ...nodeStack,
    ];
    for (let i = 0; i < 20; i++) {
      const t = 64.9 - i * 3.3 - k * 0.2;
      if (t < 0.1) break;
      out.push(`${at(t)} error: health check failed: ${authError}`);
      if (i % 3 === 1) out.push(`${at(t - 0.4)} error: GET /reports/${['daily-sales', 'stock-aging', 'margin-by-store'][i % 3] ?? 'daily-sales'} 500 ${3 + (i % 5)}ms - ${authError}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout44-mysql8-caching-sha2-old-client',
    class: 'config',
    truth: 'The in-cluster MySQL StatefulSet was upgraded from 5.7.44 to 8.0.40 (revision 5, 68 minutes ago) and its users-sync Job then dropped and re-created the application accounts, which MySQL 8.0 creates with its default caching_sha2_password plugin. legacy-reports uses the old mysqljs driver (mysql 2.x), which cannot do caching_sha2_password, so every connection fails with ER_NOT_SUPPORTED_AUTH_MODE "Client does not support authentication protocol requested by server"; its /health readiness fails and both pods are out of the Service. Fix: ALTER USER \'reports\'@\'%\' IDENTIFIED WITH mysql_native_password (stop-gap), then move the service to a driver that supports it (mysql2); MySQL itself is healthy and cannot be downgraded in place.',
    ask: { service: 'legacy-reports', namespace: ns },
    objects: [
      ...nodes,
      ...db.objects, claim, volume, conf, syncScript, ...syncJob.objects,
      ...legacy.objects, ...scheduler.objects,
      service({ namespace: ns, name: 'mysql-headless', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], headless: true }),
      ...exposed({ namespace: ns, name: 'mysql', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], clusterIP: '172.20.61.14', pods: db.pods, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'legacy-reports', selector: { app: 'legacy-reports' }, pods: legacy.pods }),
      event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod mysql-0 in StatefulSet mysql successful', firstAgo: 67.9, lastAgo: 67.9, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod mysql-0 in StatefulSet mysql successful', firstAgo: 67.2, lastAgo: 67.2, component: 'statefulset-controller' }),
      ...startEvents(dbPod, 67.2, [{ name: 'mysql', image: mysqlImage('8.0.40'), bytes: 172305518, seconds: 6.912 }]),
      probeFailed(dbPod, 'mysql', 'Readiness', 'mysqladmin: connect to server at \'127.0.0.1\' failed\nerror: \'Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)\'\nCheck that mysqld is running on 127.0.0.1 and that the port 3306 is open.', { count: 7, firstAgo: 67.0, lastAgo: 66.0 }),
      event({ on: { kind: 'Job', name: 'mysql-users-sync-5', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(syncPod)}`, firstAgo: 65.9, lastAgo: 65.9, component: 'job-controller' }),
      event({ on: { kind: 'Job', name: 'mysql-users-sync-5', namespace: ns }, type: 'Normal', reason: 'Completed', message: 'Job completed', firstAgo: 65.55, lastAgo: 65.55, component: 'job-controller' }),
      ...legacy.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 391, firstAgo: 67.0, lastAgo: 0.1 })),
    ],
    logs: [
      logsFor(dbPod, 'mysql', { current: mysqlLog }),
      ...(syncPod === undefined ? [] : [logsFor(syncPod, 'users-sync', { current: lines(
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        'syncing 4 application users',
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        'user etl@%: recreated',
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        'user grafana_ro@%: recreated',
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        'user reports@%: recreated',
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        'user scheduler@%: recreated',
        'mysql: [Warning] Using a password on the command line interface can be insecure.',
        '+------------+------+-----------------------+',
        '| user       | host | plugin                |',
        '+------------+------+-----------------------+',
        '| etl        | %    | caching_sha2_password |',
        '| grafana_ro | %    | caching_sha2_password |',
        '| reports    | %    | caching_sha2_password |',
        '| scheduler  | %    | caching_sha2_password |',
        '+------------+------+-----------------------+',
      ) })]),
      ...legacy.pods.map((p, k) => logsFor(p, 'app', { current: legacyLog(p, k) })),
      logsFor(podOf(scheduler, 0), 'app', { current: lines(
        `${at(66.4)}  WARN 1 --- [report-scheduler] [   scheduling-1] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection com.mysql.cj.jdbc.ConnectionImpl@5b1f29fa (Communications link failure). Possibly consider using a shorter maxLifetime value.`,
        `${at(65.3)}  INFO 1 --- [report-scheduler] [   scheduling-1] c.a.reporting.jobs.ExportJob             : export stock-aging finished rows=18422 in 2.1s`,
        `${at(5.3)}  INFO 1 --- [report-scheduler] [   scheduling-1] c.a.reporting.jobs.ExportJob             : export margin-by-store finished rows=3310 in 0.9s`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/caching_sha2|auth(entication)? (protocol|plugin|method)|ER_NOT_SUPPORTED_AUTH_MODE/i, /mysql/i],
      facts: [/8\.0/, /ER_NOT_SUPPORTED_AUTH_MODE|Client does not support authentication protocol/, /mysql_native_password|mysql2|upgrad(e|ing) (the )?(mysql |node |database )?(client|driver|library)/i],
      never: [/downgrad(e|ing) (mysql|to 5\.7)|roll(ing)? ?back (the )?(mysql|statefulset)|back to (mysql )?5\.7/i, /access denied|(wrong|incorrect|bad) password|password (was )?(changed|rotated|wrong)/i, /\bOOM/],
    },
  };
}

// ---- 4. Kafka: brokers advertise per-pod names under the ClusterIP Service, which do not resolve ----

function kafkaAdvertisedListeners(): CorpusScenario {
  const ns = 'streaming';
  const clientNs = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.33', ['61', '145', '208']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const kafkaImage = 'docker.io/apache/kafka:3.8.1';
  const voters = [0, 1, 2].map((i) => `${i}@kafka-${i}.kafka-headless.streaming.svc.cluster.local:9093`).join(',');
  const kafkaTpl = (clientHost: string) => ({
    containers: [container({
      name: 'kafka',
      image: kafkaImage,
      command: ['sh', '-c', 'export KAFKA_NODE_ID=${HOSTNAME##*-}; exec /etc/kafka/docker/run'],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'CLUSTER_ID', value: 'q1Sh-9_ISia_zwGINzRvyQ' },
        { name: 'KAFKA_PROCESS_ROLES', value: 'broker,controller' },
        { name: 'KAFKA_LISTENERS', value: 'CLIENT://:9092,INTERNAL://:9094,CONTROLLER://:9093' },
        { name: 'KAFKA_ADVERTISED_LISTENERS', value: `CLIENT://$(POD_NAME).${clientHost}:9092,INTERNAL://$(POD_NAME).kafka-headless.streaming.svc.cluster.local:9094` },
        { name: 'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP', value: 'CLIENT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT' },
        { name: 'KAFKA_INTER_BROKER_LISTENER_NAME', value: 'INTERNAL' },
        { name: 'KAFKA_CONTROLLER_LISTENER_NAMES', value: 'CONTROLLER' },
        { name: 'KAFKA_CONTROLLER_QUORUM_VOTERS', value: voters },
        { name: 'KAFKA_DEFAULT_REPLICATION_FACTOR', value: '3' },
        { name: 'KAFKA_MIN_INSYNC_REPLICAS', value: '2' },
        { name: 'KAFKA_LOG_DIRS', value: '/var/lib/kafka/data' },
        { name: 'KAFKA_HEAP_OPTS', value: '-Xms3g -Xmx3g' },
      ],
      ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }, { name: 'internal', containerPort: 9094 }],
      cpu: '1500m',
      memory: '6Gi',
      readiness: tcpProbe('client', { initialDelaySeconds: 15 }),
      liveness: tcpProbe('controller', { initialDelaySeconds: 60, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
    })],
    terminationGracePeriodSeconds: 120,
  });
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 230 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 44 * DAYS, template: kafkaTpl('kafka-headless.streaming.svc.cluster.local') },
      { revision: 7, createdAgo: 52, template: kafkaTpl('kafka.streaming.svc.cluster.local') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 7, ordinal: i, node: names[i] ?? '', createdAgo: 47.5 + (2 - i) * 2 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 230 * DAYS }));
  const stsRef = { kind: 'StatefulSet', name: 'kafka', namespace: ns };
  const stsEvents = [2, 1, 0].flatMap((i) => {
    const t = 47.5 + i * 2;
    return [
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod kafka-${i} in StatefulSet kafka successful`, firstAgo: t + 0.6, lastAgo: t + 0.6, component: 'statefulset-controller' }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod kafka-${i} in StatefulSet kafka successful`, firstAgo: t, lastAgo: t, component: 'statefulset-controller' }),
    ];
  });
  const consumerImage = (v: string) => `${ECR}/logistics/shipment-events:${v}`;
  const consumerTpl = (v: string) => ({
    containers: [container({
      image: consumerImage(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.streaming.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'shipment-events' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const consumer = deploymentApp({
    namespace: clientNs,
    name: 'shipment-events',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: shipment-events 3.4.0', template: consumerTpl('3.4.0') },
      { revision: 19, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: shipment-events 3.4.1', template: consumerTpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k })),
  });
  const carrier = bystander(clientNs, 'carrier-rates', names, 6 * DAYS, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 30 * DAYS });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const host = (i: number) => `kafka-${i}.kafka.streaming.svc.cluster.local`;
  const unknownHost = (i: number) => [
    `java.net.UnknownHostException: ${host(i)}`,
    '\tat java.base/java.net.InetAddress$CachedLookup.get(InetAddress.java:988)',
    '\tat java.base/java.net.InetAddress.getAllByName0(InetAddress.java:1818)',
    '\tat java.base/java.net.InetAddress.getAllByName(InetAddress.java:1688)',
    '\tat org.apache.kafka.clients.DefaultHostResolver.resolve(DefaultHostResolver.java:27)',
    '\tat org.apache.kafka.clients.ClientUtils.resolve(ClientUtils.java:124)',
    '\tat org.apache.kafka.clients.ClusterConnectionStates$NodeConnectionState.currentAddress(ClusterConnectionStates.java:536)',
    '\tat org.apache.kafka.clients.ClusterConnectionStates.currentAddress(ClusterConnectionStates.java:173)',
    '\tat org.apache.kafka.clients.NetworkClient.initiateConnect(NetworkClient.java:1075)',
    '\tat org.apache.kafka.clients.NetworkClient.ready(NetworkClient.java:321)',
    '\tat org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient.trySend(ConsumerNetworkClient.java:509)',
    '\tat org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient.poll(ConsumerNetworkClient.java:272)',
  ];
  const jl = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [shipment-events] [${thread}] ${logger.padEnd(40)} : ${msg}`;
  const consumerLog = (k: number): string => {
    const cid = `[Consumer clientId=consumer-shipment-events-${k + 1}, groupId=shipment-events]`;
    const th = 'ntainer#0-0-C-1';
    const out: string[] = [
      jl(58 - k * 0.3, 'INFO', th, 'c.a.logistics.events.ShipmentListener', `processed ShipmentDispatched shp_${8821000 + k * 17} partition=${k * 4} offset=${99120311 + k}`),
      jl(55 - k * 0.3, 'INFO', th, 'c.a.logistics.events.ShipmentListener', `processed ShipmentDelivered shp_${8820977 + k * 13} partition=${k * 4 + 1} offset=${99120874 + k}`),
      jl(51.4, 'INFO', th, 'org.apache.kafka.clients.NetworkClient', `${cid} Node 2 disconnected.`),
      jl(51.3, ' WARN', th, 'org.apache.kafka.clients.NetworkClient', `${cid} Connection to node 2 (kafka-2.kafka-headless.streaming.svc.cluster.local/10.0.47.19:9092) could not be established. Node may not be available.`),
    ];
    for (let i = 0; i < 24; i++) {
      const t = 50.2 - i * 2.05 - k * 0.17;
      if (t < 0.1) break;
      const node = t > 49.5 ? 2 : t > 47.5 ? [1, 2][i % 2] ?? 2 : i % 3;
      out.push(jl(t, 'WARN', th, 'org.apache.kafka.clients.NetworkClient', `${cid} Error connecting to node ${host(node)}:9092 (id: ${node} rack: null)`));
      out.push(...unknownHost(node));
      if (i % 4 === 1) {
        out.push(jl(t - 0.2, 'INFO', th, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cid} Group coordinator ${host(1)}:9092 (id: 2147483646 rack: null) is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.`));
        out.push(jl(t - 0.3, 'INFO', th, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cid} Discovered group coordinator ${host(1)}:9092 (id: 2147483646 rack: null)`));
      }
      if (i % 7 === 3) out.push(jl(t - 0.5, 'INFO', 'ad | shipment-events', 'org.apache.kafka.clients.Metadata', `${cid} Cluster ID: q1Sh-9_ISia_zwGINzRvyQ`));
    }
    out.push(jl(0.4, 'INFO', 'ctor-http-nio-3', 'c.a.logistics.web.ActuatorLogger', 'GET /actuator/health/readiness 200 UP'));
    return lines(...out);
  };
  const brokerLog = (i: number): string => {
    const start = 47.5 + (2 - i) * 2 - 0.2;
    return lines(
      `[${pyTime(start)}] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
      `[${pyTime(start - 0.05)}] INFO KafkaConfig values: `,
      `\tadvertised.listeners = CLIENT://${host(i)}:9092,INTERNAL://kafka-${i}.kafka-headless.streaming.svc.cluster.local:9094`,
      '\tauto.create.topics.enable = true',
      `\tcontroller.quorum.voters = [${voters}]`,
      '\tinter.broker.listener.name = INTERNAL',
      '\tlisteners = CLIENT://:9092,INTERNAL://:9094,CONTROLLER://:9093',
      `\tnode.id = ${i}`,
      '\tprocess.roles = [broker, controller]',
      ` (kafka.server.KafkaConfig)`,
      `[${pyTime(start - 0.3)}] WARN [RaftManager id=${i}] Connection to node ${(i + 1) % 3} (kafka-${(i + 1) % 3}.kafka-headless.streaming.svc.cluster.local/10.0.47.${19 + i}:9093) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`,
      `[${pyTime(start - 0.5)}] INFO [KafkaRaftServer nodeId=${i}] Kafka Server started (kafka.server.KafkaRaftServer)`,
      `[${pyTime(start - 1.1)}] INFO [Partition shipments.v2-${i * 4} broker=${i}] ISR updated to ${i},${(i + 1) % 3},${(i + 2) % 3} and version updated to 212 (kafka.cluster.Partition)`,
      `[${pyTime(30 - i)}] INFO [GroupCoordinator ${i}]: Member consumer-shipment-events-2-4f1c0e7a-b2d9-4a8e-9d0f-5e1b0a6f7c21 in group shipment-events has failed, removing it from the group (kafka.coordinator.group.GroupCoordinator)`,
      `[${pyTime(29.9 - i)}] INFO [GroupCoordinator ${i}]: Preparing to rebalance group shipment-events in state PreparingRebalance with old generation 1184 (__consumer_offsets-17) (reason: removing member consumer-shipment-events-2-4f1c0e7a-b2d9-4a8e-9d0f-5e1b0a6f7c21 on heartbeat expiration) (kafka.coordinator.group.GroupCoordinator)`,
      `[${pyTime(3 - i * 0.5)}] INFO [LogLoader partition=__cluster_metadata-0, dir=/var/lib/kafka/data] Deleted log segment 00000000000004819254 (kafka.log.LocalLog$)`,
    );
  };
  return {
    id: 'heldout44-kafka-advertised-listener-unresolvable',
    class: 'network',
    truth: 'The kafka StatefulSet\'s revision 7 (52 minutes ago) changed the CLIENT advertised listener from $(POD_NAME).kafka-headless.streaming.svc.cluster.local to $(POD_NAME).kafka.streaming.svc.cluster.local; kafka is a ClusterIP Service, so per-pod names under it do not exist in DNS. Bootstrap through kafka.streaming.svc:9092 still works, but the metadata hands clients kafka-N.kafka.streaming.svc.cluster.local, and every connection to a broker (fetch, coordinator) fails with UnknownHostException, so shipment-events has consumed nothing since the brokers rolled. Fix: advertise the headless names again (kafka-headless), i.e. roll the StatefulSet back to revision 6; shipment-events and CoreDNS are fine.',
    ask: { service: 'shipment-events', namespace: clientNs },
    objects: [
      ...nodes,
      namespace({ name: ns, createdAgo: 230 * DAYS }), namespace({ name: clientNs, createdAgo: 300 * DAYS }),
      ...kafka.objects, ...claims, ...consumer.objects, ...carrier.objects, ...dns.objects,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }, { name: 'internal', port: 9094, targetPort: 'internal' }], headless: true, createdAgo: 230 * DAYS }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], pods: kafka.pods, endpointPort: 9092, createdAgo: 230 * DAYS }),
      ...exposed({ namespace: clientNs, name: 'shipment-events', selector: { app: 'shipment-events' }, pods: consumer.pods }),
      ...exposed({ namespace: clientNs, name: 'carrier-rates', selector: { app: 'carrier-rates' }, pods: carrier.pods }),
      ...stsEvents,
      ...kafka.pods.flatMap((p, i) => startEvents(p, 47.5 + (2 - i) * 2, [{ name: 'kafka', image: kafkaImage }])),
    ],
    logs: [
      ...consumer.pods.map((p, k) => logsFor(p, 'app', { current: consumerLog(k) })),
      ...kafka.pods.map((p, i) => logsFor(p, 'kafka', { current: brokerLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/advertis|unresolvable|can(no|')t (be )?resolv|not resolv|UnknownHost|NXDOMAIN|no such host/i, /kafka/i],
      facts: [lit('kafka-headless'), /UnknownHostException/, /advertised\.?listeners|KAFKA_ADVERTISED_LISTENERS/i, /kafka[^\n]*(StatefulSet|revision 7|rollout|rolled)|(StatefulSet|revision 7|rollout)[^\n]*kafka/i],
      never: [/CoreDNS[^\n]*(down|fail|broken|unhealthy|overload)|DNS outage/i, /roll(ing)? ?back[^\n]*shipment-events|shipment-events[^\n]*revision \d+[^\n]*(caused|broke|introduced)/i, /\bOOM/],
    },
  };
}

// ---- 5. OPA sidecar: its bundle server moved, new pods start without a policy and deny everything ----

function opaBundleUnreachable(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '101', '187']);
  const image = (v: string) => `${ECR}/inventory/inventory-api:${v}`;
  const opaImage = 'docker.io/openpolicyagent/opa:0.70.0-static';
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080],
        cpu: '300m',
        memory: '384Mi',
        env: [
          { name: 'OPA_URL', value: 'http://127.0.0.1:8181/v1/data/inventory/authz/allow' },
          { name: 'DATABASE_URL', value: 'postgres://inventory@inventory-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com:5432/inventory?sslmode=require' },
        ],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      }),
      container({
        name: 'opa',
        image: opaImage,
        args: ['run', '--server', '--addr=127.0.0.1:8181', '--diagnostic-addr=0.0.0.0:8282', '--config-file=/config/opa.yaml', '--log-format=json', '--log-level=info'],
        ports: [{ name: 'diag', containerPort: 8282 }],
        cpu: '100m',
        memory: '128Mi',
        readiness: httpProbe('/health', 8282),
        liveness: httpProbe('/health', 8282, { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'opa-config', mountPath: '/config', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'opa-config', configMap: { name: 'inventory-opa-config' } }],
    serviceAccountName: 'inventory-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory-api 3.8.1', template: tpl('3.8.1') },
      { revision: 41, createdAgo: 44, changeCause: 'argocd: inventory-api 3.8.2', template: tpl('3.8.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 44 - k * 0.7 })),
    settled: { available: true, availableSince: 42.5, progressingSince: 44, progressingUpdatedAgo: 42.5 },
  });
  const opaConfig = configMap({
    namespace: ns,
    name: 'inventory-opa-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 63 * DAYS,
    data: {
      'opa.yaml': 'services:\n  bundle-registry:\n    url: http://opa-bundles.platform.svc.cluster.local\n    response_header_timeout_seconds: 5\nbundles:\n  authz:\n    service: bundle-registry\n    resource: bundles/inventory/authz.tar.gz\n    persist: false\n    polling:\n      min_delay_seconds: 60\n      max_delay_seconds: 120\ndecision_logs:\n  console: true\nstatus:\n  console: false\n',
    },
  });
  const bundleServer = deploymentApp({
    namespace: 'policy-system',
    name: 'opa-bundle-server',
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 9 * HOURS + 12, changeCause: 'argocd: platform-policy bundle-server (moved from platform)', template: { containers: [container({ name: 'nginx', image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine', ports: [8080], cpu: '50m', memory: '64Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 1, node: names[k + 1] ?? '', createdAgo: 9 * HOURS + 11 - k })),
  });
  const sync = bystander(ns, 'inventory-sync', names, 5 * DAYS, { revisions: [17, 18], versions: ['1.6.0', '1.6.1'], olderAgo: 26 * DAYS });
  const bundleUrl = 'http://opa-bundles.platform.svc.cluster.local/bundles/inventory/authz.tar.gz';
  const paths = [['v1', 'stock', 'SKU-1182'], ['v1', 'reservations'], ['v1', 'stock', 'SKU-90117-RED'], ['v1', 'stock', 'batch'], ['v1', 'warehouses', 'dub-2', 'levels']];
  const subjects = ['svc:storefront', 'svc:checkout', 'svc:storefront', 'svc:replenishment', 'svc:storefront'];
  const opaLog = (p: k8s.V1Pod, k: number): string => {
    const start = 43.9 - k * 0.7;
    const out: string[] = [
      `{"addrs":["127.0.0.1:8181"],"diagnostic-addrs":["0.0.0.0:8282"],"level":"info","msg":"Initializing server.","time":"${secTime(start)}"}`,
      `{"level":"info","msg":"Starting bundle loader.","name":"authz","plugin":"bundle","time":"${secTime(start)}"}`,
      `{"level":"info","msg":"Starting decision logger.","plugin":"decision_logs","time":"${secTime(start)}"}`,
    ];
    let req = 1;
    for (let i = 0; i < 30; i++) {
      const t = start - 0.05 - i * 1.45;
      if (t < 0.1) break;
      out.push(`{"level":"error","msg":"Bundle load failed: request failed: Get \\"${bundleUrl}\\": dial tcp: lookup opa-bundles.platform.svc.cluster.local on 172.20.0.10:53: no such host","name":"authz","plugin":"bundle","time":"${secTime(t)}"}`);
      for (let j = 0; j < 2; j++) {
        const path = paths[(i + j + k) % paths.length] ?? ['v1'];
        const subject = subjects[(i + j) % subjects.length] ?? 'svc:storefront';
        const method = path[1] === 'reservations' ? 'POST' : 'GET';
        out.push(`{"decision_id":"${uidOf(`dec/${k}/${i}/${j}`)}","input":{"method":"${method}","path":${JSON.stringify(path)},"subject":{"sub":"${subject}","scopes":["inventory:read"${method === 'POST' ? ',"inventory:write"' : ''}]}},"labels":{"id":"${uidOf(`opa/${k}`)}","version":"0.70.0"},"level":"info","metrics":{"counter_server_query_cache_hit":1,"timer_rego_input_parse_ns":${8000 + j * 311},"timer_rego_query_eval_ns":${11000 + i * 17},"timer_server_handler_ns":${52000 + i * 91}},"msg":"Decision Log","path":"inventory/authz/allow","req_id":${req},"requested_by":"127.0.0.1:${41000 + req}","time":"${secTime(t - 0.1 - j * 0.2)}","timestamp":"${at(t - 0.1 - j * 0.2)}"}`);
        req += 1;
      }
    }
    return lines(...out);
  };
  const appLog = (p: k8s.V1Pod, k: number): string => {
    const start = 43.85 - k * 0.7;
    const out: string[] = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/inventory-api/main.go:71","msg":"starting inventory-api","version":"3.8.2","commit":"a41d9e0"}`,
      `{"level":"warn","ts":"${at(start - 0.01)}","caller":"authz/opa.go:52","msg":"opa not reachable yet, retrying","attempt":1,"error":"Post \\"http://127.0.0.1:8181/v1/data/inventory/authz/allow\\": dial tcp 127.0.0.1:8181: connect: connection refused"}`,
      `{"level":"info","ts":"${at(start - 0.02)}","caller":"authz/opa.go:58","msg":"opa reachable","url":"http://127.0.0.1:8181/v1/data/inventory/authz/allow"}`,
      `{"level":"info","ts":"${at(start - 0.03)}","caller":"http/server.go:44","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 30; i++) {
      const t = start - 0.15 - i * 1.45;
      if (t < 0.1) break;
      for (let j = 0; j < 2; j++) {
        const path = paths[(i + j + k) % paths.length] ?? ['v1'];
        const subject = subjects[(i + j) % subjects.length] ?? 'svc:storefront';
        const method = path[1] === 'reservations' ? 'POST' : 'GET';
        const url = `/${path.join('/')}`;
        out.push(`{"level":"warn","ts":"${at(t - j * 0.2)}","caller":"authz/middleware.go:88","msg":"request denied by policy","method":"${method}","path":"${url}","subject":"${subject}","decision_id":"${uidOf(`dec/${k}/${i}/${j}`)}","reason":"decision undefined, default deny"}`);
        out.push(`{"level":"info","ts":"${at(t - j * 0.2 - 0.001)}","caller":"http/log.go:31","msg":"request","method":"${method}","path":"${url}","status":403,"bytes":52,"duration_ms":${2 + (i % 3)}}`);
      }
      if (i % 6 === 2) out.push(`{"level":"info","ts":"${at(t - 0.5)}","caller":"http/log.go:31","msg":"request","method":"GET","path":"/readyz","status":200,"bytes":2,"duration_ms":0}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout44-opa-bundle-server-moved-default-deny',
    class: 'config',
    truth: 'The platform team moved the OPA bundle server from the platform namespace to policy-system 9 hours ago (Service opa-bundles.policy-system), but inventory-api\'s inventory-opa-config still points the opa sidecar at http://opa-bundles.platform.svc.cluster.local, which no longer resolves. Old pods kept their in-memory bundle; the routine 3.8.2 rollout (revision 41, 44 minutes ago) started fresh OPA sidecars that never loaded a policy (Bundle load failed: no such host, persist: false), so data.inventory.authz.allow is undefined and the app default-denies every request with 403 while all pods stay Ready. Fix: point the bundle service URL at opa-bundles.policy-system; a rollback would start the same empty sidecars.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes,
      namespace({ name: 'policy-system', createdAgo: 9 * HOURS + 15 }), namespace({ name: ns, createdAgo: 400 * DAYS }),
      ...app.objects, opaConfig, ...bundleServer.objects, ...sync.objects,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: app.pods }),
      ...exposed({ namespace: 'policy-system', name: 'opa-bundles', selector: { app: 'opa-bundle-server' }, pods: bundleServer.pods, createdAgo: 9 * HOURS + 12 }),
      ...rolling(deploymentOf(app), rsOf(app, 40), rsOf(app, 41), 3, 44, 0.7),
      ...app.pods.flatMap((p, k) => startEvents(p, 44 - k * 0.7, [{ name: 'app', image: image('3.8.2'), ...(k === 0 ? { bytes: 21904431, seconds: 1.733 } : {}) }, { name: 'opa', image: opaImage }])),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'opa', { current: opaLog(p, k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      ...bundleServer.pods.map((p) => logsFor(p, 'nginx', { current: lines(
        `10.0.77.14 - - [${clfTime(6)}] "GET /bundles/checkout/authz.tar.gz HTTP/1.1" 304 0 "-" "Open Policy Agent/0.70.0 (linux, amd64)"`,
        `10.0.31.202 - - [${clfTime(2)}] "GET /bundles/orders/authz.tar.gz HTTP/1.1" 304 0 "-" "Open Policy Agent/0.70.0 (linux, amd64)"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/bundle/i, /opa-bundles|no such host|den(y|ies|ied)|\b403\b|download|unreachable|moved/i],
      facts: [lit('opa-bundles.platform.svc.cluster.local'), /\b403\b|default[- ]?deny/i, /policy-system|inventory-opa-config/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /\bJWT\b|token (is )?(expired|invalid)|expired token/i],
    },
  };
}

// ---- 6. CockroachDB 40001 on a new hot row, and the service does not retry --------------------------

function cockroachUnretried40001(): CorpusScenario {
  const ns = 'wallet';
  const { nodes, names } = threeEksNodes('10.0.164', ['12', '96', '240']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = (v: string) => `${ECR}/wallet/wallet-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '512Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgresql://wallet_api@cockroachdb-public.crdb.svc.cluster.local:26257/wallet?sslmode=verify-full&sslrootcert=/certs/ca.crt' },
        { name: 'DB_MAX_CONNS', value: '40' },
        { name: 'GOMEMLIMIT', value: '460MiB' },
      ],
      readiness: httpProbe('/ready', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'wallet-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'wallet-api',
    replicas: 4,
    revisions: [
      { revision: 71, createdAgo: 13 * DAYS, changeCause: 'argocd: wallet-api 5.3.8', template: tpl('5.3.8') },
      { revision: 72, createdAgo: 5 * DAYS + 2 * HOURS, changeCause: 'argocd: wallet-api 5.3.9', template: tpl('5.3.9') },
      { revision: 73, createdAgo: 35, changeCause: 'argocd: wallet-api 5.4.0', template: tpl('5.4.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 73, node: names[k % 3] ?? '', createdAgo: 35 - k * 0.6 })),
    settled: { available: true, availableSince: 32.8, progressingSince: 35, progressingUpdatedAgo: 32.8 },
  });
  const crdbImage = 'docker.io/cockroachdb/cockroach:v24.2.5';
  const crdb = statefulSetApp({
    namespace: 'crdb',
    name: 'cockroachdb',
    replicas: 3,
    serviceName: 'cockroachdb',
    podManagementPolicy: 'Parallel',
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 11, createdAgo: 21 * DAYS, template: { containers: [container({
      name: 'db',
      image: crdbImage,
      command: ['/bin/bash', '-ecx', 'exec /cockroach/cockroach start --join=cockroachdb-0.cockroachdb.crdb.svc.cluster.local:26257,cockroachdb-1.cockroachdb.crdb.svc.cluster.local:26257,cockroachdb-2.cockroachdb.crdb.svc.cluster.local:26257 --advertise-host=$(hostname).cockroachdb.crdb.svc.cluster.local --certs-dir=/cockroach/cockroach-certs --http-port=8080 --port=26257 --cache=25% --max-sql-memory=25% --logtostderr=INFO'],
      ports: [{ name: 'grpc', containerPort: 26257 }, { name: 'http', containerPort: 8080 }],
      cpu: '2',
      memory: '8Gi',
      readiness: { ...httpProbe('/health?ready=1', 'http'), httpGet: { path: '/health?ready=1', port: 'http', scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 2 },
      liveness: { ...httpProbe('/health', 'http'), httpGet: { path: '/health', port: 'http', scheme: 'HTTPS' }, initialDelaySeconds: 30, periodSeconds: 5 },
      volumeMounts: [{ name: 'datadir', mountPath: '/cockroach/cockroach-data' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'datadir', storage: '300Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 11, ordinal: i, node: names[i] ?? '', createdAgo: 21 * DAYS - i * 3 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: 'crdb', name: `datadir-cockroachdb-${i}`, storage: '300Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS }));
  const notifier = bystander(ns, 'wallet-notifier', names, 2 * DAYS, { revisions: [29, 30], versions: ['2.0.4', '2.0.5'], olderAgo: 18 * DAYS });
  const merchants = ['m_7731', 'm_7731', 'm_7731', 'm_1042', 'm_7731', 'm_5530', 'm_7731'];
  const retryError = (i: number, k: number, m: string): string => {
    const ts = Math.floor(epochMs(10) / 1000);
    const txn = hexOf(`txn/${k}/${i}`, 8);
    return i % 3 === 2
      ? `commit transfer: ERROR: restart transaction: TransactionRetryWithProtoRefreshError: WriteTooOldError: write for key /Table/131/1/\\"${m}\\"/\\"2026-11-21\\"/0 at timestamp ${ts}.${412003911 + i * 7919},0 too old; must write at or above ${ts}.${412119204 + i * 7919},1: \\"sql txn\\" meta={id=${txn} key=/Table/118/1/\\"tr_${hexOf(`tr/${k}/${i}`, 12)}\\"/0 iso=Serializable pri=0.0${1823443 + i} epo=0 ts=${ts}.${412119204 + i * 7919},1 min=${ts}.${401287311 + i * 7919},0 seq=5} lock=true stat=PENDING rts=${ts}.${401287311 + i * 7919},0 wto=true gul=0.00s (SQLSTATE 40001)`
      : `commit transfer: ERROR: restart transaction: TransactionRetryWithProtoRefreshError: TransactionRetryError: retry txn (RETRY_SERIALIZABLE - failed preemptive refresh due to encountered recently written committed value /Table/131/1/\\"${m}\\"/\\"2026-11-21\\"/0/1 @${ts}.${301142887 + i * 6007},0): \\"sql txn\\" meta={id=${txn} key=/Table/118/1/\\"tr_${hexOf(`tr/${k}/${i}`, 12)}\\"/0 iso=Serializable pri=0.0${1324532 + i} epo=0 ts=${ts}.${301142887 + i * 6007},1 min=${ts}.${287201311 + i * 6007},0 seq=6} lock=true stat=PENDING rts=${ts}.${287201311 + i * 6007},0 wto=false gul=0.00s (SQLSTATE 40001)`;
  };
  const appLog = (p: k8s.V1Pod, k: number): string => {
    const start = 34.9 - k * 0.6;
    const out: string[] = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/wallet-api/main.go:54","msg":"starting wallet-api","version":"5.4.0","commit":"e7c02b9"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"store/migrate.go:40","msg":"migrations up to date","version":"0047_merchant_daily_totals"}`,
      `{"level":"info","ts":"${at(start - 0.02)}","caller":"store/pool.go:29","msg":"pgx pool ready","host":"cockroachdb-public.crdb.svc.cluster.local:26257","max_conns":40,"server_version":"13.0.0 (CockroachDB CCL v24.2.5)"}`,
    ];
    for (let i = 0; i < 40; i++) {
      const t = start - 0.3 - i * 0.82 - k * 0.07;
      if (t < 0.1) break;
      const m = merchants[(i + k) % merchants.length] ?? 'm_7731';
      const tr = `tr_${hexOf(`tr/${k}/${i}`, 12)}`;
      if (m === 'm_7731' && (i + k) % 5 !== 0) {
        out.push(`{"level":"error","ts":"${at(t)}","caller":"transfer/handler.go:97","msg":"transfer failed","transfer_id":"${tr}","merchant_id":"${m}","amount_minor":${1200 + ((i * 613 + k * 97) % 40000)},"currency":"EUR","error":"${retryError(i, k, m)}"}`);
        out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:27","msg":"request","method":"POST","path":"/v1/transfers","status":500,"duration_ms":${31 + ((i * 7) % 60)}}`);
      } else {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"http/log.go:27","msg":"request","method":"POST","path":"/v1/transfers","status":201,"duration_ms":${18 + ((i * 5) % 30)}}`);
      }
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.2)}","caller":"http/log.go:27","msg":"request","method":"GET","path":"/v1/wallets/w_${hexOf(`w/${i}`, 8)}/balance","status":200,"duration_ms":${4 + (i % 6)}}`);
      if (i === 17 && k === 2) out.push(`{"level":"warn","ts":"${at(t - 0.3)}","caller":"fx/rates.go:61","msg":"fx rate cache stale, refreshing","pair":"EUR/GBP","age":"6m2s"}`);
    }
    return lines(...out);
  };
  const crdbLog = (i: number): string => {
    const out: string[] = [];
    for (let j = 0; j < 6; j++) {
      const t = 58 - j * 10 - i * 0.4;
      out.push(`I${crdbTime(t)} ${4412 + j * 31} server/status/runtime_log.go:48 ⋮ [T1,Vsystem,n${i + 1}] ${8812 + j}  runtime stats: 3.${4 + i} GiB RSS, ${612 + j * 7} goroutines (stacks: 9.${j} MiB), 1.${8 + (j % 2)} GiB/2.4 GiB Go alloc/total (heap fragmentation: 41 MiB, heap reserved: 212 MiB, heap released: 318 MiB), 1.2 GiB/1.9 GiB CGO alloc/total (${(3.1 + j * 0.4).toFixed(1)} CGO/sec), ${(38.2 + j * 4).toFixed(1)}/${(7.9 + j).toFixed(1)} %(u/s)time, 0.0 %gc (0x), ${512 + j * 40} KiB/${498 + j * 37} KiB (r/w)net`);
    }
    if (i === 1) {
      out.push(`I${crdbTime(29.4)} 5120 kv/kvserver/replica_command.go:429 ⋮ [T1,Vsystem,n2,split,s2,r988/2:‹/Table/131/1/"m_{7…-8…}›] 9014  initiating a split of this range at key /Table/131/1/‹"m_7731"›/‹"2026-11-21"› [r1022] (load at key /Table/131/1/‹"m_7731"›/‹"2026-11-21"› (2104.12 batches/sec, 0.73 request cpu-sec/sec))`);
      out.push(`I${crdbTime(12.1)} 5988 kv/kvserver/split/decider.go:281 ⋮ [T1,Vsystem,n2,s2,r1022/2:‹/Table/131/1/"m_7731"/"2026-11-21…›] 9166  no split key found: insufficient counters = 0, imbalance = 0, most popular key occurs in 100% of samples`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout44-cockroach-40001-not-retried',
    class: 'rollout',
    truth: 'wallet-api revision 73 (5.4.0, 35 minutes ago) added migration 0047_merchant_daily_totals and now updates one merchant_daily_totals row per merchant and day inside every transfer transaction; for the marketplace merchant m_7731 that single row is written by most transfers, so concurrent SERIALIZABLE transactions collide and CockroachDB answers "restart transaction ... (SQLSTATE 40001)" (RETRY_SERIALIZABLE, WriteTooOld). wallet-api has no client-side retry loop (crdb.ExecuteTx or equivalent), so each one becomes a 500 on POST /v1/transfers. CockroachDB itself is healthy. Fix: roll back to revision 72 (5.3.9), then reintroduce the totals with a retry loop and without the hot row (aggregate asynchronously or shard the counter).',
    ask: { service: 'wallet-api', namespace: ns },
    objects: [
      ...nodes,
      ...app.objects, ...crdb.objects, ...claims, ...notifier.objects,
      ...exposed({ namespace: ns, name: 'wallet-api', selector: { app: 'wallet-api' }, pods: app.pods }),
      service({ namespace: 'crdb', name: 'cockroachdb', selector: { app: 'cockroachdb' }, ports: [{ name: 'grpc', port: 26257, targetPort: 26257 }, { name: 'http', port: 8080, targetPort: 8080 }], headless: true, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: 'crdb', name: 'cockroachdb-public', selector: { app: 'cockroachdb' }, ports: [{ name: 'grpc', port: 26257, targetPort: 26257 }, { name: 'http', port: 8080, targetPort: 8080 }], pods: crdb.pods, endpointPort: 26257, createdAgo: 300 * DAYS }),
      ...rolling(deploymentOf(app), rsOf(app, 72), rsOf(app, 73), 4, 35, 0.6),
      ...app.pods.flatMap((p, k) => startEvents(p, 35 - k * 0.6, [{ name: 'app', image: image('5.4.0'), ...(k < 3 ? { bytes: 19877310, seconds: 1.92 } : {}) }])),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      ...crdb.pods.map((p, i) => logsFor(p, 'db', { current: crdbLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/40001|restart transaction|serializ(able|ation)|transaction retry|retry error|contention|hot row/i, /revision 73|5\.4\.0/],
      facts: [/\b500\b/, /merchant_daily_totals|m_7731|hot (row|key)|contention/i, /ExecuteTx|retry loop|not retried|without retr|does(n't| not) retry|no (client[- ]side )?retr|roll(ing)? ?back|rollout undo|revision 72/i],
      never: [/cockroach(db)?[^\n]*(down|unavailable|unhealthy|crash|not ready|overload)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 7. healthy: a long-poll sync service whose "slow request" warnings are its poll window ----------

function healthyLongPollSlowWarnings(): CorpusScenario {
  const ns = 'mobile';
  const { nodes, names } = threeEksNodes('10.0.58', ['27', '133', '199']);
  const image = (v: string) => `${ECR}/mobile/device-sync:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '250m',
      memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'device-sync-config' } }],
      readiness: httpProbe('/ready', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: 'device-sync',
    terminationGracePeriodSeconds: 40,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'device-sync',
    replicas: 3,
    revisions: [
      { revision: 25, createdAgo: 17 * DAYS, changeCause: 'argocd: device-sync 1.31.0', template: tpl('1.31.0') },
      { revision: 26, createdAgo: 2 * DAYS + 7 * HOURS, changeCause: 'argocd: device-sync 1.31.1', template: tpl('1.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 26, node: names[k] ?? '', createdAgo: 2 * DAYS + 7 * HOURS - k * 0.7 })),
  });
  const conf = configMap({
    namespace: ns,
    name: 'device-sync-config',
    createdAgo: 200 * DAYS,
    updatedAgo: 17 * DAYS,
    data: {
      POLL_TIMEOUT: '25s',
      SLOW_REQUEST_THRESHOLD: '2s',
      REDIS_ADDR: 'device-sync-redis.mobile.svc.cluster.local:6379',
      MAX_POLLERS_PER_POD: '20000',
      LOG_FORMAT: 'text',
    },
  });
  const registry = bystander(ns, 'device-registry', names, 9 * DAYS, { revisions: [50, 51], versions: ['4.2.0', '4.2.1'], olderAgo: 33 * DAYS });
  const clients = ['ios/7.41.0', 'android/7.41.2', 'ios/7.40.3', 'android/7.41.2', 'ios/7.41.0'];
  const syncLog = (k: number): string => {
    const start = 2 * DAYS + 7 * HOURS - k * 0.7 - 0.3;
    const out: string[] = [
      `time=${secTime(start)} level=INFO msg="device-sync starting" version=1.31.1 poll_timeout=25s slow_request_threshold=2s max_pollers=20000`,
      `time=${secTime(start - 0.01)} level=INFO msg="redis connected" addr=device-sync-redis.mobile.svc.cluster.local:6379`,
      `time=${secTime(start - 0.02)} level=INFO msg=listening addr=:8080`,
    ];
    for (let i = 0; i < 36; i++) {
      const t = 15 - i * 0.41 - k * 0.05;
      if (t < 0.05) break;
      const client = clients[(i + k) % clients.length] ?? 'ios/7.41.0';
      const device = `d_${hexOf(`dev/${k}/${i}`, 10)}`;
      if (i % 3 !== 2) {
        out.push(`time=${secTime(t)} level=WARN msg="slow request" method=GET path=/v2/sync/poll status=204 duration=25.0${String(10 + ((i * 37 + k * 11) % 89)).padStart(2, '0')}s threshold=2s client=${client} device=${device}`);
      } else {
        out.push(`time=${secTime(t)} level=WARN msg="slow request" method=GET path=/v2/sync/poll status=200 duration=${(3 + ((i * 7 + k) % 19)).toFixed(0)}.${(i * 131) % 1000}s threshold=2s client=${client} device=${device} changes=${1 + (i % 4)}`);
        out.push(`time=${secTime(t - 0.01)} level=INFO msg=request method=POST path=/v2/sync/push status=200 duration=${18 + (i % 23)}ms client=${client} device=${device} ops=${2 + (i % 5)}`);
      }
      if (i % 9 === 4) out.push(`time=${secTime(t - 0.02)} level=INFO msg="pollers active" count=${3120 + k * 211 + i * 3} pod_limit=20000`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout44-healthy-long-poll-slow-warnings',
    class: 'healthy',
    truth: 'device-sync is healthy: all three pods of revision 26 (two days old) are Ready with no restarts and no warning events. Its "slow request" warnings are GET /v2/sync/poll long-polls, which by design hold the connection for the 25-second POLL_TIMEOUT and answer 204 when nothing changed (or earlier with 200 when changes arrive), well above the generic 2s slow-request threshold; pushes answer in milliseconds.',
    ask: { service: 'device-sync', namespace: ns },
    objects: [
      ...nodes,
      ...app.objects, conf, ...registry.objects,
      ...exposed({ namespace: ns, name: 'device-sync', selector: { app: 'device-sync' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'device-registry', selector: { app: 'device-registry' }, pods: registry.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: syncLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|running normally|all (3 )?(pods|replicas) (are )?ready/i],
      facts: [/device-sync/],
      never: [/(high|elevated|degraded|increased) latency|latency (regression|spike|degrad)|slow (requests?|responses?) (are|is|indicate|point)/i, ADVISES_ROLLBACK, /\b(degraded|overloaded|saturated)\b/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  temporalNondeterminism(),
  stripeWebhookSecret(),
  mysql8CachingSha2(),
  kafkaAdvertisedListeners(),
  opaBundleUnreachable(),
  cockroachUnretried40001(),
  healthyLongPollSlowWarnings(),
];
