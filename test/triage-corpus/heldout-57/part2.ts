// Held-out stories, fifty-seventh round, part two: a marketing-campaign CronJob whose run started
// twenty minutes ago pushes thousands of mails through the same SMTP relay account as the
// transactional mailer, so the relay answers "421 4.7.0" / "451 4.7.1 Rate limit exceeded" and
// password-reset and receipt mails queue up and fail; a FastAPI/uvicorn service whose new revision
// calls boto3 synchronously inside an `async def` handler, so the event loop blocks, its probes time
// out and the kubelet restarts pods while CPU stays low; an Istio sidecar held to 100m CPU by a
// `sidecar.istio.io/proxyCPULimit` annotation that is throttled since traffic grew, so envoy logs
// 504 upstream_reset_before_response_started while the app's own CPU is idle; reads moved to a
// Postgres read replica (READ_DATABASE_URL in a ConfigMap) that lags ~40 s behind, so an order
// just created answers 404 "order not found"; Redis keyspace notifications (`notify-keyspace-events
// KEA`) switched on in the Redis ConfigMap for a debugging session, driving Redis to 100% CPU and
// the app's Redis calls into timeouts; a revision that dropped OAuth token caching and now asks the
// identity provider for a client-credentials token on every request, so the IdP rate-limits the
// shared client_id (429) and partner calls fail 401; and a healthy control: a Java service whose
// logs carry "Connection reset by peer" WARN lines every 30 s from blackbox TCP probes.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, execProbe, configMap, container, cronJob, cronJobEvent, deploymentApp, event, exposed, httpProbe, jobEvent, nameOf,
  probeFailed, probeKilling, pyTime, restartedAgain, running, scheduled, startedNormally, statefulSetApp, tcpProbe, ipOf, epochMs,
  hpa, rsOf, scaledReplicaSet,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (minutes: number): string => {
  const d = new Date(at(minutes));
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} Nov ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
};
/** Java/logback time: `2026-11-21 03:12:41.563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. marketing CronJob exhausts the shared SMTP relay account ----------------------------------

function campaignSmtpRateLimit(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '121', '230']);
  const mailerImage = `${ECR}/notifications/mailer:3.8.2`;
  const relayEnv = [
    { name: 'SMTP_HOST', value: 'email-smtp.eu-west-1.amazonaws.com' },
    { name: 'SMTP_PORT', value: '587' },
    { name: 'SMTP_USER', valueFrom: { secretKeyRef: { name: 'smtp-relay', key: 'username' } } },
    { name: 'SMTP_PASSWORD', valueFrom: { secretKeyRef: { name: 'smtp-relay', key: 'password' } } },
  ] as k8s.V1EnvVar[];
  const mailer = deploymentApp({
    namespace: ns,
    name: 'mailer',
    replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 23 * DAYS, changeCause: 'argocd: mailer 3.8.2', template: { containers: [container({ image: mailerImage, ports: [8080], env: [...relayEnv, { name: 'QUEUE_URL', value: 'amqp://rabbitmq.notifications.svc:5672/mail' }, { name: 'MAX_ATTEMPTS', value: '5' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080) })] } },
    ],
    pods: [{ revision: 17, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 17, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const campaignImage = `${ECR}/growth/campaign-sender:1.4.0`;
  const campaign = cronJob({
    namespace: ns,
    name: 'newsletter-blast',
    schedule: '50 2 * * 6',
    createdAgo: 34 * DAYS,
    lastSuccessfulAgo: 7 * DAYS - 40,
    template: {
      containers: [container({
        name: 'sender', image: campaignImage, ports: [], readiness: null, liveness: null, cpu: '200m', memory: '256Mi',
        env: [...relayEnv, { name: 'CAMPAIGN_ID', value: 'black-friday-2026-early' }, { name: 'SEND_CONCURRENCY', value: '32' }, { name: 'FROM_ADDRESS', value: 'news@mail.shopwave.eu' }],
      })],
    },
    jobs: [
      { createdAgo: 7 * DAYS + 24, pods: [{ node: names[2] ?? '', createdAgo: 7 * DAYS + 24, phase: 'Succeeded', containers: { sender: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(at(7 * DAYS + 24)), finishedAt: new Date(at(7 * DAYS - 40)) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 7 * DAYS - 40 } },
      { createdAgo: 24, pods: [{ node: names[2] ?? '', createdAgo: 24 }] },
    ],
  });
  const currentJob = campaign.jobs[1];
  const sendPod = currentJob?.pods[0];
  const m = [podOf(mailer, 0), podOf(mailer, 1)];
  const other = bystander(ns, 'preferences-api', names, 95, { revisions: [11, 12], versions: ['2.2.0', '2.3.0'], olderAgo: 30 * DAYS });
  const mailerLog = (k: number) => {
    const out: string[] = [`{"time":"${at(40 + k)}","level":"INFO","logger":"mailer.worker","msg":"delivered","template":"order_receipt","message_id":"0102018f${k}a1c3-8d7e","smtp":"250 Ok"}`];
    const tpl = ['password_reset', 'order_receipt', 'email_verification', 'order_receipt', 'shipping_update'];
    for (let i = 0; i < 18; i++) {
      const t = 19 - i * 1.05 - k * 0.2;
      const template = tpl[(i + k) % tpl.length];
      if (i % 3 === 0) out.push(`{"time":"${at(t)}","level":"WARN","logger":"mailer.smtp","msg":"send failed, will retry","template":"${template}","attempt":${1 + (i % 5)},"error":"SMTPServerDisconnected: 421 4.7.0 Try again later, closing connection."}`);
      else out.push(`{"time":"${at(t)}","level":"WARN","logger":"mailer.smtp","msg":"send failed, will retry","template":"${template}","attempt":${1 + (i % 5)},"error":"SMTPDataError: (451, b'4.7.1 Rate limit exceeded. Try again later.')"}`);
      if (i % 4 === 3) out.push(`{"time":"${at(t - 0.1)}","level":"ERROR","logger":"mailer.worker","msg":"giving up after 5 attempts, message dead-lettered","template":"${template}","queue":"mail.dlq"}`);
    }
    out.push(`{"time":"${at(0.6)}","level":"INFO","logger":"mailer.queue","msg":"backlog","ready":${4120 + k * 37},"unacked":64,"oldest_age_s":${1080 + k * 11}}`);
    return lines(...out);
  };
  const senderLog = lines(
    `2026-11-21T02:50:08Z INFO campaign-sender 1.4.0 starting campaign=black-friday-2026-early`,
    `2026-11-21T02:50:11Z INFO audience loaded: 184213 recipients (segment=all-subscribed-eu)`,
    `2026-11-21T02:50:11Z INFO smtp pool: host=email-smtp.eu-west-1.amazonaws.com:587 user=AKIA4XAMPLESMTPRELAY connections=32`,
    `2026-11-21T02:55:00Z INFO progress sent=21877 failed=12 rate=72.9/s`,
    `2026-11-21T03:00:00Z INFO progress sent=38410 failed=2210 rate=55.1/s`,
    `2026-11-21T03:05:00Z INFO progress sent=47022 failed=9318 rate=28.7/s`,
    `2026-11-21T03:05:02Z WARN 451 4.7.1 Rate limit exceeded, backing off 2s (worker 17)`,
    `2026-11-21T03:10:00Z INFO progress sent=55630 failed=15102 rate=28.6/s`,
    `2026-11-21T03:13:30Z INFO progress sent=61880 failed=18377 rate=29.8/s`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...mailer.objects, ...campaign.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'mailer', selector: { app: 'mailer' }, pods: mailer.pods }),
    ...(sendPod ? [scheduled(sendPod, 24), ...startedNormally(sendPod, 'sender', campaignImage, 23.8)] : []),
    cronJobEvent(campaign.objects[0], 'SuccessfulCreate', `Created job ${nameOf(currentJob?.objects[0])}`, 24),
    jobEvent(currentJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(sendPod)}`, 24),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 95),
  ];
  return {
    id: 'heldout57-campaign-smtp-rate-limit',
    class: 'jobs',
    truth: 'The weekly newsletter-blast CronJob run that started 24 minutes ago sends the Black Friday campaign through the same SES SMTP credentials as the transactional mailer; the relay throttles the shared account (421 4.7.0 / 451 4.7.1 Rate limit exceeded), so password-reset and receipt mails back up and are dead-lettered.',
    ask: { service: 'mailer', namespace: ns },
    objects,
    logs: [
      logsFor(m[0], 'app', { current: mailerLog(0) }),
      logsFor(m[1], 'app', { current: mailerLog(1) }),
      ...(sendPod ? [logsFor(sendPod, 'sender', { current: senderLog })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rate.?limit|4\.7\.[01]|\b4[25]1\b|throttl/i, /newsletter-blast|campaign|cron ?job/i],
      facts: [/newsletter-blast/, /smtp|relay|email-smtp/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /preferences-api[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 2. blocking boto3 call inside an async FastAPI handler --------------------------------------

function asyncHandlerBlocksLoop(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.64', ['22', '140', '205']);
  const image = (v: string) => `${ECR}/media/thumbnail-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['uvicorn'], args: ['app.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '1'], ports: [8000], cpu: '500m', cpuLimit: '1', memory: '512Mi',
      env: [{ name: 'ASSET_BUCKET', value: 'shopwave-media-originals-eu' }, { name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'LOG_LEVEL', value: 'info' }],
      readiness: httpProbe('/health/ready', 8000, { timeoutSeconds: 2, periodSeconds: 5 }),
      liveness: httpProbe('/health/live', 8000, { timeoutSeconds: 2, periodSeconds: 10, failureThreshold: 3 }),
    })],
    serviceAccountName: 'thumbnail-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnail-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: thumbnail-api 2.9.4', template: tpl('2.9.4') },
      { revision: 42, createdAgo: 72, changeCause: 'argocd: thumbnail-api 2.10.0', template: tpl('2.10.0') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 42, node: names[k] ?? '', createdAgo: 71 - k,
      containers: { app: running({ sinceAgo: 3 + k * 2, ready: k === 2, restarts: 6 - k, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 + k * 2, ranSeconds: 540 } }) },
    })),
    settled: { available: true, availableSince: 68, progressingSince: 72, progressingUpdatedAgo: 68 },
  });
  const pods = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const other = bystander(ns, 'image-resizer-worker', names, 45, { revisions: [8, 9], versions: ['1.7.2', '1.8.0'], olderAgo: 20 * DAYS });
  const ev: k8s.CoreV1Event[] = pods.flatMap((p, k) => [
    probeFailed(p, 'app', 'Readiness', `Get "http://${ipOf(p)}:8000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 212 - k * 30, firstAgo: 64 - k, lastAgo: 0.4 }),
    probeFailed(p, 'app', 'Liveness', `Get "http://${ipOf(p)}:8000/health/live": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 19 - k * 3, firstAgo: 63 - k, lastAgo: 3 + k * 2 }),
    probeKilling(p, 'app', 'liveness', { count: 6 - k, firstAgo: 58 - k, lastAgo: 3 + k * 2 }),
    ...restartedAgain(p, 'app', image('2.10.0'), { count: 7 - k, firstAgo: 70 - k, lastAgo: 3 + k * 2 }),
  ]);
  const log = (k: number, prev: boolean) => {
    const base = prev ? 3 + k * 2 + 9 : 3 + k * 2;
    const out = [
      `INFO:     Started server process [1]`,
      `INFO:     Waiting for application startup.`,
      `INFO:     Application startup complete.`,
      `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 10; i++) {
      const id = `a${(k * 37 + i * 13) % 97}f${i}`;
      out.push(`${pyTime(base - i * 0.3 - 0.1)} INFO app.routes.thumbnails fetching original s3://shopwave-media-originals-eu/products/${id}.jpg`);
      out.push(`${pyTime(base - i * 0.3 - 0.2)} WARNING app.middleware.timing slow request GET /v1/thumbnails/${id}?w=480 took ${(4.1 + ((i * 7 + k) % 9) * 0.6).toFixed(3)}s`);
      out.push(`INFO:     10.0.${64 + k}.${40 + i}:${51000 + i * 7} - "GET /v1/thumbnails/${id}?w=480 HTTP/1.1" 200 OK`);
      if (i % 3 === 1) out.push(`INFO:     ${ipOf(pods[k])}:0 - "GET /health/ready HTTP/1.1" 200 OK`);
    }
    if (prev) out.push(`INFO:     Shutting down`, `INFO:     Waiting for connections to close. (CTRL+C to force quit)`);
    return lines(...out);
  };
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...other.objects,
    ...exposed({ namespace: ns, name: 'thumbnail-api', selector: { app: 'thumbnail-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
    hpa({ namespace: ns, name: 'thumbnail-api', target: { kind: 'Deployment', name: 'thumbnail-api' }, min: 3, max: 12, current: 3, desired: 3, cpu: { current: 9, target: 70 } }),
    ...ev,
  ];
  return {
    id: 'heldout57-async-handler-blocking-sdk',
    class: 'probes',
    truth: 'Revision 42 (thumbnail-api 2.10.0) fetches originals from S3 with the synchronous boto3 client inside an `async def` handler; each download blocks uvicorn\'s single event loop for seconds, so the readiness and liveness probes time out (context deadline exceeded) and the kubelet restarts the pods, while CPU stays around 9%.',
    ask: { service: 'thumbnail-api', namespace: ns },
    objects,
    logs: pods.map((p, k) => logsFor(p, 'app', { current: log(k, false), previous: log(k, true) })),
    expect: {
      verdict: 'problems',
      headline: [/event.?loop|blocking|synchronous|async|probe[^\n]*time|timed? ?out|deadline/i, /revision 42|2\.10\.0|rollout|release/i],
      facts: [/thumbnail-api/, /liveness|readiness/i],
      never: [/\bOOM/, /CPU (limit|throttl)/i, /image-resizer-worker[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 3. istio-proxy throttled at a 100m CPU limit ---------------------------------------------------

function sidecarCpuThrottled(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.96', ['31', '150', '212']);
  const image = `${ECR}/checkout/cart-service:5.3.1`;
  const proxyImage = 'docker.io/istio/proxyv2:1.22.3';
  const proxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '50m', cpuLimit: '100m', memory: '128Mi', memoryLimit: '256Mi',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-service',
    replicas: 4,
    revisions: [{
      revision: 23, createdAgo: 16 * DAYS, changeCause: 'argocd: cart-service 5.3.1',
      template: {
        annotations: { 'sidecar.istio.io/proxyCPU': '50m', 'sidecar.istio.io/proxyCPULimit': '100m', 'sidecar.istio.io/proxyMemoryLimit': '256Mi', 'prometheus.io/scrape': 'true' },
        labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'cart-service' },
        containers: [container({ image, ports: [8080], cpu: '1', cpuLimit: '2', memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) }), proxy],
      },
    }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 23, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k * 3 })),
  });
  const pods = app.pods;
  const scaler = hpa({ namespace: ns, name: 'cart-service', target: { kind: 'Deployment', name: 'cart-service' }, min: 4, max: 16, current: 4, desired: 4, cpu: { current: 14, target: 65 } });
  const other = bystander(ns, 'promo-engine', names, 140, { revisions: [30, 31], versions: ['3.0.9', '3.1.0'], olderAgo: 18 * DAYS });
  const envoy = (k: number) => {
    const out: string[] = [`${at(6 * DAYS - k * 3 - 0.5)}\tinfo\tEnvoy proxy is ready`];
    for (let i = 0; i < 22; i++) {
      const t = 38 - i * 1.7 - k * 0.1;
      const slow = i > 4;
      const code = slow && i % 3 === 0 ? 504 : slow && i % 5 === 1 ? 503 : 200;
      const flags = code === 504 ? 'UT' : code === 503 ? 'URX' : '-';
      const detail = code === 504 ? 'response_timeout' : code === 503 ? 'upstream_reset_before_response_started{connection_termination}' : 'via_upstream';
      const dur = code === 200 ? (slow ? 1400 + ((i * 211 + k * 97) % 1900) : 41 + (i % 7) * 6) : code === 504 ? 5000 : 3120 + i * 17;
      const path = i % 2 === 0 ? '/v2/cart/items' : `/v2/cart/${88120 + i * 31 + k}`;
      out.push(`[${at(t)}] "${i % 2 === 0 ? 'POST' : 'GET'} ${path} HTTP/1.1" ${code} ${flags} ${detail} - "-" ${i % 2 === 0 ? 214 : 0} ${code === 200 ? 1287 : 24} ${dur} ${code === 200 ? Math.min(dur, 35 + (i % 9) * 4) : '-'} "-" "okhttp/4.12.0" "${(k * 7919 + i * 104729).toString(16)}-4e1a-9b2c" "cart-service.checkout.svc.cluster.local:80" "${code === 200 ? `${ipOf(pods[k])}:8080` : '-'}" inbound|8080|| 127.0.0.6:${40000 + i * 13} ${ipOf(pods[k])}:8080 10.0.${96 + (i % 3)}.${50 + i}:${50200 + i} outbound_.80_._.cart-service.checkout.svc.cluster.local default`);
    }
    out.push(`${at(2)}\twarning\tenvoy main external/envoy/source/server/server.cc:880\tThere is insufficient CPU: main thread was blocked for 312ms\tthread=14`);
    return lines(...out);
  };
  const appLog = (k: number) => lines(
    `${jTime(6 * DAYS - k * 3 - 1)}  INFO 1 --- [           main] c.s.cart.CartServiceApplication          : Started CartServiceApplication in 21.774 seconds (process running for 23.102)`,
    ...[0, 1, 2, 3, 4, 5].map((i) => `${jTime(9 - i * 1.3)}  INFO 1 --- [nio-8080-exec-${3 + i}] c.s.cart.web.RequestTimingFilter         : ${i % 2 ? 'GET /v2/cart/8812' + i : 'POST /v2/cart/items'} status=200 took=${22 + i * 5}ms`),
    `${jTime(4)}  WARN 1 --- [nio-8080-exec-2] c.s.cart.web.CartController              : client aborted request: org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe`,
  );
  const ev: k8s.CoreV1Event[] = [
    probeFailed(pods[1] as k8s.V1Pod, 'istio-proxy', 'Readiness', `Get "http://${ipOf(pods[1])}:15021/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9, firstAgo: 27, lastAgo: 4 }),
    probeFailed(pods[3] as k8s.V1Pod, 'istio-proxy', 'Readiness', `Get "http://${ipOf(pods[3])}:15021/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 5, firstAgo: 19, lastAgo: 7 }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 140),
  ];
  return {
    id: 'heldout57-istio-sidecar-cpu-throttled',
    class: 'capacity',
    truth: 'The cart-service pods\' istio-proxy sidecars are held to a 100m CPU limit by the sidecar.istio.io/proxyCPULimit annotation; since evening traffic grew, envoy is CFS-throttled, every request waits in the proxy and upstream calls time out (504 UT, upstream_reset_before_response_started), while the app container\'s own CPU sits at ~14%.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [...nodes, ...app.objects, ...other.objects, scaler, ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods }), ...ev],
    logs: [...pods.map((p, k) => logsFor(p, 'istio-proxy', { current: envoy(k) })), ...pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) }))],
    expect: {
      verdict: 'problems',
      headline: [/istio-proxy|sidecar|envoy/i, /cpu|throttl|100m|proxyCPULimit/i],
      facts: [/proxyCPULimit|100m/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /promo-engine[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 4. reads moved to a lagging Postgres replica ------------------------------------------------

function replicaLagReadAfterWrite(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.104', ['17', '133', '219']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const pg = (name: string, role: string, createdAgo: number) => statefulSetApp({
    namespace: ns,
    name,
    replicas: 1,
    revisions: [{ revision: 1, createdAgo, template: { labels: { role }, containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: tcpProbe('postgres', { periodSeconds: 10 }), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[role === 'primary' ? 0 : 2] ?? '', createdAgo: role === 'primary' ? 21 * DAYS : 3 * DAYS - 6 }],
  });
  const primary = pg('orders-db', 'primary', 210 * DAYS);
  const replica = pg('orders-db-replica', 'replica', 3 * DAYS);
  const cfg = configMap({
    namespace: ns, name: 'orders-api-config', createdAgo: 190 * DAYS, updatedAgo: 52,
    data: {
      DATABASE_URL: 'postgres://orders_app@orders-db.orders.svc.cluster.local:5432/orders?sslmode=require',
      READ_DATABASE_URL: 'postgres://orders_ro@orders-db-replica.orders.svc.cluster.local:5432/orders?sslmode=require',
      DB_POOL_MAX: '30',
      READ_POOL_MAX: '30',
      ORDER_EVENTS_TOPIC: 'orders.v1',
    },
  });
  const image = `${ECR}/orders/orders-api:7.2.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 58, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 7.2.0', template: { containers: [container({ image, ports: [8080], envFrom: [{ configMapRef: { name: 'orders-api-config' } }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })], annotations: { 'checksum/config': '9b1f07c4d2' } } },
      { revision: 59, createdAgo: 51, changeCause: 'kubectl rollout restart deployment/orders-api', template: { containers: [container({ image, ports: [8080], envFrom: [{ configMapRef: { name: 'orders-api-config' } }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })], annotations: { 'checksum/config': '9b1f07c4d2', 'kubectl.kubernetes.io/restartedAt': at(51) } } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 59, node: names[k] ?? '', createdAgo: 51 - k })),
    settled: { available: true, availableSince: 48, progressingSince: 51, progressingUpdatedAgo: 48 },
  });
  const pods = app.pods;
  const apiLog = (k: number) => {
    const out: string[] = [`{"level":30,"time":${epochMs(50 - k)},"pid":1,"hostname":"${nameOf(pods[k])}","msg":"db pools ready","write":"orders-db.orders.svc.cluster.local","read":"orders-db-replica.orders.svc.cluster.local"}`];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.4 - k * 0.3;
      const id = `ord_${(7_410_220 + i * 17 + k * 5).toString(36)}`;
      out.push(`{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(pods[k])}","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":201},"responseTime":${48 + i * 3},"orderId":"${id}","msg":"request completed"}`);
      out.push(`{"level":40,"time":${epochMs(t - 0.02)},"pid":1,"hostname":"${nameOf(pods[k])}","req":{"method":"GET","url":"/v1/orders/${id}"},"res":{"statusCode":404},"responseTime":${6 + (i % 4)},"err":{"type":"NotFoundError","message":"order not found","code":"ORDER_NOT_FOUND"},"msg":"request completed"}`);
      if (i % 4 === 2) out.push(`{"level":30,"time":${epochMs(t - 0.7)},"pid":1,"hostname":"${nameOf(pods[k])}","req":{"method":"GET","url":"/v1/orders/${id}"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const replicaLog = lines(
    `${pgTime(3 * DAYS - 5)} [1] LOG:  database system is ready to accept read-only connections`,
    `${pgTime(3 * DAYS - 5)} [31] LOG:  started streaming WAL from primary at 1A/3E000000 on timeline 1`,
    `${pgTime(55)} [88412] LOG:  duration: 612044.113 ms  statement: SELECT date_trunc('day', o.created_at) AS day, c.country, sum(l.amount_cents) FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN customers c ON c.id = o.customer_id WHERE o.created_at > now() - interval '400 days' GROUP BY 1, 2`,
    `${pgTime(38)} [88519] LOG:  duration: 734120.870 ms  statement: SELECT * FROM finance_export_v3 WHERE period = '2026-11'`,
    `${pgTime(21)} [24] LOG:  recovery still waiting after 30012.441 ms: recovery conflict on lock`,
    `${pgTime(21)} [24] DETAIL:  Conflicting process: 88612.`,
    `${pgTime(21)} [24] CONTEXT:  WAL redo at 1B/91A2C0F8 for Heap2/PRUNE: snapshotConflictHorizon: 88317201`,
    `${pgTime(12)} [24] LOG:  recovery still waiting after 30008.127 ms: recovery conflict on snapshot`,
    `${pgTime(12)} [24] DETAIL:  Conflicting process: 90102.`,
    `${pgTime(3)} [24] LOG:  recovery still waiting after 30004.918 ms: recovery conflict on snapshot`,
    `${pgTime(3)} [24] DETAIL:  Conflicting process: 90233.`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...primary.objects, ...replica.objects, ...app.objects, cfg,
    ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods }),
    ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: primary.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
    ...exposed({ namespace: ns, name: 'orders-db-replica', selector: { app: 'orders-db-replica' }, pods: replica.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432, createdAgo: 3 * DAYS }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 59), 3, 0, 51),
  ];
  const config = configMap({ namespace: ns, name: 'orders-db-replica-config', createdAgo: 3 * DAYS, data: { 'postgresql.conf': 'hot_standby = on\nhot_standby_feedback = off\nmax_standby_streaming_delay = -1\nmax_standby_archive_delay = 30s\nwal_receiver_status_interval = 10s\n' } });
  objects.push(config);
  return {
    id: 'heldout57-replica-lag-read-after-write',
    class: 'config',
    truth: 'An edit of ConfigMap orders-api-config 52 minutes ago (applied by a rollout restart) pointed READ_DATABASE_URL at the orders-db-replica Service; the replica runs with max_standby_streaming_delay = -1 and long analytics queries block WAL replay, so it lags ~40 s and GET /v1/orders/{id} right after POST answers 404 "order not found" (read-after-write inconsistency).',
    ask: { service: 'orders-api', namespace: ns },
    objects,
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(replica, 0), 'postgres', { current: replicaLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/replica|replication|replay|lag|stale read|read.after.write/i],
      facts: [/READ_DATABASE_URL|orders-db-replica|orders-api-config/],
      never: [/\bOOM/, /image|crash ?loop/i],
    },
  };
}

// ---- 5. Redis keyspace notifications turned on ---------------------------------------------------

function redisKeyspaceNotifications(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.112', ['40', '161', '238']);
  const redisImage = 'docker.io/library/redis:7.2.5';
  const redisCfg = configMap({
    namespace: ns, name: 'session-redis-config', createdAgo: 140 * DAYS, updatedAgo: 47,
    data: { 'redis.conf': 'maxmemory 3gb\nmaxmemory-policy volatile-lru\nappendonly no\nsave ""\ntcp-keepalive 60\ntimeout 0\nhz 10\nlatency-monitor-threshold 50\n# debugging session expiry (INC-2291) - remove after\nnotify-keyspace-events KEA\n' },
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { annotations: { 'checksum/config': 'c3e19aa07f' }, containers: [container({ name: 'redis', image: redisImage, command: ['redis-server', '/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', cpuLimit: '1', memory: '4Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }] })], volumes: [{ name: 'config', configMap: { name: 'session-redis-config' } }] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 46, containers: { redis: running({ sinceAgo: 46 }) } }],
  });
  const image = `${ECR}/sessions/session-gateway:4.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'session-gateway',
    replicas: 4,
    revisions: [{ revision: 33, createdAgo: 15 * DAYS, changeCause: 'argocd: session-gateway 4.4.1', template: { containers: [container({ image, ports: [8080], env: [{ name: 'REDIS_URL', value: 'redis://session-redis.sessions.svc.cluster.local:6379/0' }, { name: 'REDIS_SOCKET_TIMEOUT', value: '0.25' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/health', 8080) })] } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 33, node: names[k % 3] ?? '', createdAgo: 5 * DAYS, containers: k === 2 ? { app: running({ sinceAgo: 5 * DAYS, ready: false }) } : undefined })),
  });
  const pods = app.pods;
  const rp = podOf(redis, 0);
  const appLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.8 - k * 0.2;
      out.push(`${pyTime(t)} ERROR [gateway.session] load_session failed sid=${(k * 977 + i * 131).toString(16)}a9: redis.exceptions.TimeoutError: Timeout reading from session-redis.sessions.svc.cluster.local:6379`);
      if (i % 3 === 0) out.push(`${pyTime(t - 0.05)} ERROR [gateway.http] 503 POST /api/session/refresh 262ms: redis.exceptions.TimeoutError: Timeout reading from socket`);
      if (i % 4 === 1) out.push(`${pyTime(t - 0.1)} WARNING [gateway.session] write_session slow: SETEX took 0.241s`);
    }
    return lines(...out);
  };
  const redisLog = lines(
    `1:C ${redisTime(46)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(46)} # Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(46)} # Configuration loaded`,
    `1:M ${redisTime(46)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(46)} * Server initialized`,
    `1:M ${redisTime(46)} * Ready to accept connections tcp`,
    `1:M ${redisTime(31)} # Client id=2217 addr=10.0.113.92:50412 laddr=${ipOf(rp)}:6379 fd=51 name=debug-psubscribe age=912 idle=0 flags=P db=0 sub=0 psub=1 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=18231 omem=373465088 tot-mem=373467136 events=rw cmd=psubscribe user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.`,
    `1:M ${redisTime(17)} # Client id=2290 addr=10.0.113.92:50988 laddr=${ipOf(rp)}:6379 fd=57 name=debug-psubscribe age=801 idle=0 flags=P db=0 sub=0 psub=1 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=17904 omem=371208192 tot-mem=371210240 events=rw cmd=psubscribe user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.`,
  );
  const other = bystander(ns, 'session-audit-exporter', names, 110, { revisions: [5, 6], versions: ['0.9.3', '0.9.4'], olderAgo: 40 * DAYS });
  const objects: KubeJson[] = [
    ...nodes, ...redis.objects, ...app.objects, ...other.objects, redisCfg,
    ...exposed({ namespace: ns, name: 'session-gateway', selector: { app: 'session-gateway' }, pods }),
    ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
    scheduled(rp, 46), ...startedNormally(rp, 'redis', redisImage, 45.9),
    event({ on: { kind: 'StatefulSet', name: 'session-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${nameOf(rp)} in StatefulSet session-redis successful`, firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
    event({ on: { kind: 'StatefulSet', name: 'session-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(rp)} in StatefulSet session-redis successful`, firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
    probeFailed(rp, 'redis', 'Readiness', 'command timed out: "redis-cli ping" timed out after 1s', { count: 14, firstAgo: 33, lastAgo: 2 }),
    probeFailed(pods[2] as k8s.V1Pod, 'app', 'Readiness', `Get "http://${ipOf(pods[2])}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61, firstAgo: 29, lastAgo: 0.3 }),
  ];
  return {
    id: 'heldout57-redis-keyspace-notifications',
    class: 'config',
    truth: 'For a debugging session someone added `notify-keyspace-events KEA` to ConfigMap session-redis-config and restarted session-redis 46 minutes ago; Redis now publishes an event for every key operation and expiry, its single thread saturates its 1-CPU limit, and session-gateway\'s Redis calls time out (redis TimeoutError, 503s).',
    ask: { service: 'session-gateway', namespace: ns },
    objects,
    logs: [...pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })), logsFor(rp, 'redis', { current: redisLog })],
    expect: {
      verdict: 'problems',
      headline: [/notify-keyspace-events|keyspace notification|KEA/i],
      facts: [/session-redis-config|session-redis/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /maxmemory|evict/i],
    },
  };
}

// ---- 6. OAuth token cache removed: IdP rate-limits the client_id --------------------------------

function oauthTokenPerRequest(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.120', ['26', '144', '251']);
  const image = (v: string) => `${ECR}/fulfilment/carrier-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '384Mi',
      env: [
        { name: 'OAUTH_TOKEN_URL', value: 'https://login.shopwave-idp.eu/oauth2/v1/token' },
        { name: 'OAUTH_CLIENT_ID', value: 'svc-fulfilment-partners' },
        { name: 'PARTNER_API_BASE', value: 'https://api.parcelnet.example/v3' },
        { name: 'HTTP_TIMEOUT_MS', value: '4000' },
      ],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'carrier-gateway',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: carrier-gateway 1.18.2', template: tpl('1.18.2') },
      { revision: 27, createdAgo: 38, changeCause: 'argocd: carrier-gateway 1.19.0 (http client refactor, drop custom token store)', template: tpl('1.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 37 - k })),
    settled: { available: true, availableSince: 34, progressingSince: 38, progressingUpdatedAgo: 34 },
  });
  const pods = app.pods;
  const log = (k: number) => {
    const out: string[] = [
      `{"@timestamp":"${at(36 - k)}","level":"info","service":"carrier-gateway","version":"1.19.0","msg":"listening on :8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 30 - i * 2 - k * 0.15;
      const ship = `SHP-${884100 + i * 7 + k}`;
      if (i < 3) {
        out.push(`{"@timestamp":"${at(t + 0.01)}","level":"debug","logger":"oauth","msg":"requesting client_credentials token","token_url":"https://login.shopwave-idp.eu/oauth2/v1/token","client_id":"svc-fulfilment-partners"}`);
        out.push(`{"@timestamp":"${at(t)}","level":"info","logger":"http","msg":"POST /v1/shipments/${ship}/label","status":200,"duration_ms":${420 + i * 31}}`);
        continue;
      }
      out.push(`{"@timestamp":"${at(t + 0.02)}","level":"warn","logger":"oauth","msg":"token request failed","client_id":"svc-fulfilment-partners","status":429,"body":"{\\"error\\":\\"rate_limit_exceeded\\",\\"error_description\\":\\"Too Many Requests\\"}","retry_after":"${30 + (i % 3) * 15}"}`);
      out.push(`{"@timestamp":"${at(t + 0.01)}","level":"error","logger":"partner","msg":"parcelnet call failed","shipment":"${ship}","status":401,"www_authenticate":"Bearer error=\\"invalid_token\\", error_description=\\"no access token\\""}`);
      out.push(`{"@timestamp":"${at(t)}","level":"error","logger":"http","msg":"POST /v1/shipments/${ship}/label","status":502,"duration_ms":${88 + i * 5},"error":"upstream unauthorized"}`);
    }
    return lines(...out);
  };
  const other = bystander(ns, 'pick-list-service', names, 20, { revisions: [14, 15], versions: ['6.0.1', '6.1.0'], olderAgo: 25 * DAYS });
  const returns = deploymentApp({
    namespace: ns, name: 'returns-api', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, template: { containers: [container({ image: `${ECR}/fulfilment/returns-api:2.0.4`, ports: [8080], env: [{ name: 'OAUTH_CLIENT_ID', value: 'svc-fulfilment-partners' }] })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 11 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 11 * DAYS }],
  });
  const returnsLog = lines(
    `{"ts":"${at(12)}","level":"ERROR","msg":"token refresh failed: 429 Too Many Requests (rate_limit_exceeded); keeping cached token","expires_in_s":1740}`,
    `{"ts":"${at(2)}","level":"INFO","msg":"GET /v1/returns/RMA-22109 200 54ms"}`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...other.objects, ...returns.objects,
    ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 0, 38),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 3, 34),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 20),
  ];
  return {
    id: 'heldout57-oauth-token-per-request',
    class: 'rollout',
    truth: 'Revision 27 (carrier-gateway 1.19.0) replaced the HTTP client and dropped the OAuth token store, so every request now fetches a client-credentials token from the IdP; the IdP rate-limits the shared client_id svc-fulfilment-partners (429 rate_limit_exceeded), the partner API answers 401 without a token and label requests fail 502.',
    ask: { service: 'carrier-gateway', namespace: ns },
    objects,
    logs: [...pods.map((p, k) => logsFor(p, 'app', { current: log(k) })), logsFor(podOf(returns, 0), 'app', { current: returnsLog })],
    expect: {
      verdict: 'problems',
      headline: [/429|rate.?limit|too many requests|token/i, /revision 27|1\.19\.0|rollout|release/i],
      facts: [/svc-fulfilment-partners|client.?id|oauth|token/i],
      never: [/\bOOM/, /pick-list-service[^\n]*(caused|broke)/i, /(expired|rotate)[^\n]*(secret|credential)/i],
    },
  };
}

// ---- 7. healthy: blackbox TCP probes reset connections on a Java service ------------------------

function healthyBlackboxTcpResets(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.128', ['19', '137', '243']);
  const image = `${ECR}/pricing/price-engine:8.1.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'price-engine',
    replicas: 3,
    revisions: [
      { revision: 64, createdAgo: 21 * DAYS, changeCause: 'argocd: price-engine 8.1.2', template: { containers: [container({ image: `${ECR}/pricing/price-engine:8.1.2`, ports: [8080, { name: 'grpc', containerPort: 9090 }], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } },
      { revision: 65, createdAgo: 4 * DAYS, changeCause: 'argocd: price-engine 8.1.3', template: { containers: [container({ image, ports: [8080, { name: 'grpc', containerPort: 9090 }], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 65, node: names[k] ?? '', createdAgo: 4 * DAYS - k * 2 })),
  });
  const pods = app.pods;
  const log = (k: number) => {
    const out: string[] = [
      `${jTime(4 * DAYS - k * 2 - 1)}  INFO 1 --- [           main] c.s.p.PriceEngineApplication             : Started PriceEngineApplication in 18.412 seconds (process running for 19.877)`,
      `${jTime(4 * DAYS - k * 2 - 1)}  INFO 1 --- [           main] n.d.b.g.s.s.GrpcServerLifecycle          : gRPC Server started, listening on address: *, port: 9090`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 8 - i * 0.5 - k * 0.03;
      out.push(`${jTime(t)}  WARN 1 --- [ntLoopGroup-3-${1 + (i % 4)}] i.g.n.s.i.n.NettyServerTransport         : Transport failed\n\njava.io.IOException: Connection reset by peer\n\tat java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)\n\tat java.base/sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)\n\tat java.base/sun.nio.ch.IOUtil.readIntoNativeBuffer(IOUtil.java:340)\n\tat io.grpc.netty.shaded.io.netty.channel.nio.AbstractNioByteChannel$NioByteUnsafe.read(AbstractNioByteChannel.java:151)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)`);
      if (i % 3 === 0) out.push(`${jTime(t - 0.1)}  INFO 1 --- [io-8080-exec-${2 + (i % 6)}] c.s.p.api.QuoteController                : quote basket=${(k * 131 + i * 17) % 9000} items=${3 + (i % 5)} took=${14 + (i % 9)}ms status=200`);
    }
    return lines(...out);
  };
  const monitoring = deploymentApp({
    namespace: ns, name: 'blackbox-exporter', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ image: 'quay.io/prometheus/blackbox-exporter:v0.25.0', ports: [9115], args: ['--config.file=/config/blackbox.yml'], cpu: '50m', memory: '64Mi' })], volumes: [{ name: 'config', configMap: { name: 'blackbox-exporter-config' } }] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const bbCfg = configMap({
    namespace: ns, name: 'blackbox-exporter-config', createdAgo: 90 * DAYS,
    data: { 'blackbox.yml': 'modules:\n  tcp_connect:\n    prober: tcp\n    timeout: 5s\n  http_2xx:\n    prober: http\n    timeout: 5s\n    http:\n      preferred_ip_protocol: ip4\n', 'targets.txt': '# scraped every 30s by prometheus job blackbox-tcp\nprice-engine.pricing.svc.cluster.local:9090\nprice-engine.pricing.svc.cluster.local:8080\n' },
  });
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...monitoring.objects, bbCfg,
    ...exposed({ namespace: ns, name: 'price-engine', selector: { app: 'price-engine' }, pods, ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'grpc', port: 9090, targetPort: 9090 }] }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 64), 0, 3, 4 * DAYS - 5),
  ];
  return {
    id: 'heldout57-healthy-blackbox-tcp-resets',
    class: 'healthy',
    truth: 'price-engine is healthy: the "java.io.IOException: Connection reset by peer" WARN lines every 30 s come from the blackbox-exporter tcp_connect probe that opens and closes a TCP connection to the gRPC port without a handshake; all pods are ready and real quote traffic answers 200.',
    ask: { service: 'price-engine', namespace: ns },
    objects,
    logs: pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ok\b|fine/i],
      facts: [/price-engine/],
      never: [ADVISES_ROLLBACK, /connection reset[^\n]*(cause|fail)/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  campaignSmtpRateLimit(),
  asyncHandlerBlocksLoop(),
  sidecarCpuThrottled(),
  replicaLagReadAfterWrite(),
  redisKeyspaceNotifications(),
  oauthTokenPerRequest(),
  healthyBlackboxTcpResets(),
];
