// Held-out stories, fifty-eighth round, part one: a gunicorn/gevent notification API whose new
// gunicorn.conf.py imports sentry_sdk (and with it ssl and urllib3) in the master before the gevent
// worker monkey-patches, so every outbound HTTPS call dies with "RecursionError: maximum recursion
// depth exceeded" in ssl.py; a NATS JetStream pull worker whose new release stops acking (or
// nak'ing) messages that fail validation, so 1000 unacked messages hit the consumer's
// max_ack_pending and the server stops delivering while the workers idle on fetch timeouts; a
// Redis Streams consumer group keyed by pod name whose replaced pods left their delivered entries
// in the Pending Entries List forever because nothing XAUTOCLAIMs them, so orders sit in
// "processing" for hours; an Elasticsearch products index left at refresh_interval -1 by a reindex
// Job that was OOMKilled before its final step, so new documents are accepted but never become
// searchable; a Redis Cluster StatefulSet with persistentVolumeClaimRetentionPolicy whenScaled
// Delete that was scaled 3→2→3, so ordinal 2 came back on a fresh empty claim with a new node id and
// a third of the hash slots are unserved (CLUSTERDOWN); a Celery render worker whose CPU limit a
// revision removed while its concurrency still comes from the Downward API's limits.cpu, so pods on
// the 48-core nodes fork 48 workers and are OOMKilled while pods on the 8-core nodes are fine; and a
// healthy control: a Kafka clickstream sink catching up after the nightly batch export, its lag
// exporter warning "consumer lag above threshold" with numbers that fall run after run.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, ipOf, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, job, jobEvent, nameOf, node, probeFailed, pyTime, pvc, pv, volumeOf,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp,
  tcpProbe, ago, boundClaim, every,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's zap/JSON-ish `ts` in seconds since the epoch with fractions. */
const epochS = (minutes: number): string => (ago(minutes).getTime() / 1000).toFixed(6);
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${d.getUTCDate()} ${M} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};
/** Elasticsearch's ISO time with a comma: `2026-11-21T03:12:41,563`. */
const esTime = (minutes: number): string => at(minutes).replace('Z', '').replace('.', ',');
/** gunicorn's `[2026-11-21 03:12:41 +0000]`. */
const gunicornTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. sentry_sdk imported before gevent's monkey-patching -------------------------------------

function geventSslRecursion(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '150', '203']);
  const image = (v: string) => `${ECR}/notifications/notify-api:${v}`;
  const tpl = (v: string, conf: string, extraEnv: k8s.V1EnvVar[]) => ({
    annotations: { 'checksum/gunicorn-conf': conf },
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn'], args: ['-c', '/etc/gunicorn/gunicorn.conf.py', 'notify.wsgi:application'],
      env: [
        { name: 'TWILIO_API_BASE', value: 'https://api.twilio.com/2010-04-01' },
        { name: 'SENDGRID_API_BASE', value: 'https://api.sendgrid.com/v3' },
        { name: 'DJANGO_SETTINGS_MODULE', value: 'notify.settings.production' },
        ...extraEnv,
      ],
      volumeMounts: [{ name: 'gunicorn-conf', mountPath: '/etc/gunicorn', readOnly: true }],
      readiness: httpProbe('/healthz/ready', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 20 }),
    })],
    volumes: [{ name: 'gunicorn-conf', configMap: { name: 'notify-api-gunicorn', defaultMode: 420 } }],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'notify-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: notify-api 3.8.2', template: tpl('3.8.2', '5b1e0c7d', []) },
      {
        revision: 58, createdAgo: 47, changeCause: 'argocd: notify-api 3.9.0 (error tracking)',
        template: tpl('3.9.0', 'c44a91f2', [
          { name: 'SENTRY_DSN', value: 'https://3f1c9e2ab7d44c0f@o118211.ingest.sentry.io/4506612' },
          { name: 'SENTRY_TRACES_SAMPLE_RATE', value: '0.05' },
        ]),
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 46 - k })),
    settled: { available: true, availableSince: 43, progressingSince: 47, progressingUpdatedAgo: 43 },
  });
  const conf = configMap({
    namespace: ns, name: 'notify-api-gunicorn', createdAgo: 210 * DAYS, updatedAgo: 47,
    data: {
      'gunicorn.conf.py': lines(
        'import multiprocessing',
        'import os',
        '',
        'import sentry_sdk',
        'from sentry_sdk.integrations.django import DjangoIntegration',
        '',
        'bind = "0.0.0.0:8000"',
        'worker_class = "gevent"',
        'workers = int(os.environ.get("GUNICORN_WORKERS", "3"))',
        'worker_connections = 500',
        'timeout = 60',
        'graceful_timeout = 30',
        'accesslog = "-"',
        'errorlog = "-"',
        '',
        '',
        'def when_ready(server):',
        '    sentry_sdk.init(',
        '        dsn=os.environ.get("SENTRY_DSN"),',
        '        integrations=[DjangoIntegration()],',
        '        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),',
        '        release=os.environ.get("APP_VERSION"),',
        '    )',
        '    server.log.info("sentry initialised")',
      ),
    },
  });
  const other = bystander(ns, 'notify-scheduler', names, 3 * HOURS + 5, { revisions: [21, 22], versions: ['1.14.0', '1.15.0'], olderAgo: 30 * DAYS });
  const pods = api.pods;
  const log = (k: number) => {
    const start = 46 - k;
    const pid = 7 + k;
    const out: string[] = [
      `${gunicornTime(start)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gunicornTime(start)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(start)} [1] [INFO] Using worker: gevent`,
      `${gunicornTime(start)} [1] [INFO] sentry initialised`,
      `${gunicornTime(start)} [${pid}] [INFO] Booting worker with pid: ${pid}`,
      `/usr/local/lib/python3.11/site-packages/gunicorn/workers/ggevent.py:38: MonkeyPatchWarning: Monkey-patching ssl after ssl has already been imported may lead to errors, including RecursionError on Python 3.6. It may also silently lead to incorrect behaviour on Python 3.7. Please monkey-patch earlier. See https://github.com/gevent/gevent/issues/1016. Modules that had direct imports (NOT patched): ['urllib3.util.ssl_ (/usr/local/lib/python3.11/site-packages/urllib3/util/ssl_.py)', 'urllib3.util (/usr/local/lib/python3.11/site-packages/urllib3/util/__init__.py)'].`,
      '  monkey.patch_all()',
      `${gunicornTime(start)} [${pid + 1}] [INFO] Booting worker with pid: ${pid + 1}`,
      `${gunicornTime(start)} [${pid + 2}] [INFO] Booting worker with pid: ${pid + 2}`,
    ];
    for (let i = 0; i < 7; i++) {
      const t = 30 - i * 4 - k * 0.3;
      const sms = i % 2 === 0;
      out.push(
        `10.0.${40 + k}.${17 + i} - - [${clfTime(t + 0.01)}] "GET /healthz/ready HTTP/1.1" 200 15 "-" "kube-probe/1.30"`,
        `${pyTime(t)} ERROR [notify.dispatch] delivery failed notification_id=ntf_${(8812301 + i * 37 + k * 1001).toString(36)} channel=${sms ? 'sms' : 'email'} attempt=${1 + (i % 3)}`,
        'Traceback (most recent call last):',
        `  File "/app/notify/providers/${sms ? 'twilio' : 'sendgrid'}.py", line ${sms ? 48 : 61}, in send`,
        '    resp = self.session.post(url, data=payload, timeout=10)',
        '  File "/usr/local/lib/python3.11/site-packages/requests/sessions.py", line 637, in post',
        '    return self.request("POST", url, data=data, json=json, **kwargs)',
        '  File "/usr/local/lib/python3.11/site-packages/requests/adapters.py", line 486, in send',
        '    resp = conn.urlopen(',
        '  File "/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", line 1058, in _validate_conn',
        '    conn.connect()',
        '  File "/usr/local/lib/python3.11/site-packages/urllib3/connection.py", line 419, in connect',
        '    self.sock = ssl_wrap_socket(',
        '  File "/usr/local/lib/python3.11/site-packages/urllib3/util/ssl_.py", line 402, in ssl_wrap_socket',
        '    context = create_urllib3_context(ssl_version, cert_reqs, ciphers=ciphers)',
        '  File "/usr/local/lib/python3.11/site-packages/urllib3/util/ssl_.py", line 301, in create_urllib3_context',
        '    context.minimum_version = TLSVersion.TLSv1_2',
        '  File "/usr/local/lib/python3.11/ssl.py", line 604, in minimum_version',
        '    super(SSLContext, SSLContext).minimum_version.__set__(self, value)',
        '  File "/usr/local/lib/python3.11/ssl.py", line 604, in minimum_version',
        '    super(SSLContext, SSLContext).minimum_version.__set__(self, value)',
        '  File "/usr/local/lib/python3.11/ssl.py", line 604, in minimum_version',
        '    super(SSLContext, SSLContext).minimum_version.__set__(self, value)',
        '  [Previous line repeated 476 more times]',
        'RecursionError: maximum recursion depth exceeded while calling a Python object',
        `10.0.${12 + k}.${90 + i} - - [${clfTime(t)}] "POST /v1/notifications HTTP/1.1" 502 87 "-" "orders-service/7.2.1"`,
      );
    }
    out.push(`10.0.${40 + k}.23 - - [${clfTime(0.2)}] "GET /healthz/ready HTTP/1.1" 200 15 "-" "kube-probe/1.30"`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout58-gevent-ssl-recursion-sentry-import',
    class: 'config',
    truth:
      'notify-api 3.9.0 (revision 58) added sentry_sdk to gunicorn.conf.py in ConfigMap notify-api-gunicorn; the config file is imported by the gunicorn master before the gevent workers run monkey.patch_all(), so ssl/urllib3 were imported unpatched and every outbound HTTPS call (Twilio, SendGrid) fails with RecursionError in ssl.py; health probes pass and the pods look fine.',
    ask: { service: 'notify-api' },
    objects: [
      ...nodes, ...api.objects, conf, ...other.objects,
      ...exposed({ namespace: ns, name: 'notify-api', selector: { app: 'notify-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 58), 3, 0, 47),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 57), 0, 3, 43),
      ...pods.flatMap((p, k) => [scheduled(p, 46 - k), ...restartedAgain(p, 'app', image('3.9.0'), { count: 1, firstAgo: 45.8 - k, lastAgo: 45.8 - k })]),
      probeFailed(podOf(api, 1), 'app', 'Readiness', `Get "http://${ipOf(podOf(api, 1))}:8000/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 44, lastAgo: 44 }),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"scheduled batch","due":14}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RecursionError|recursion|monkey.?patch|gevent/i, /sentry|ssl|import|gunicorn\.conf|notify-api-gunicorn|revision 58|3\.9\.0/i],
      facts: [/notify-api-gunicorn|gunicorn\.conf/i, /RecursionError|MonkeyPatchWarning/],
      never: [/\bOOM/, /readiness probe (is )?(misconfigured|too strict)/i, /(Twilio|SendGrid)[^\n]*(outage|down)/i],
    },
  };
}

// ---- 2. JetStream max_ack_pending exhausted by unacked invalid messages ---------------------------

function jetstreamAckPending(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.104', ['22', '131', '240']);
  const image = (v: string) => `${ECR}/ledger/ledger-ingest:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '250m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'ledger-ingest-config' } }],
      readiness: httpProbe('/readyz', 'metrics'), liveness: httpProbe('/livez', 'metrics', { initialDelaySeconds: 10 }),
    })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'ledger-ingest',
    replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 20 * DAYS, changeCause: 'argocd: ledger-ingest 2.6.4', template: tpl('2.6.4') },
      { revision: 42, createdAgo: 9 * HOURS + 12, changeCause: 'argocd: ledger-ingest 2.7.0 (schema v3 validation)', template: tpl('2.7.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 42, node: names[k % 3] ?? '', createdAgo: 9 * HOURS + 11 - k })),
    settled: { available: true, availableSince: 9 * HOURS + 6, progressingSince: 9 * HOURS + 12, progressingUpdatedAgo: 9 * HOURS + 6 },
  });
  const cfg = configMap({
    namespace: ns, name: 'ledger-ingest-config', createdAgo: 180 * DAYS, updatedAgo: 64 * DAYS,
    data: {
      NATS_URL: 'nats://nats.messaging.svc.cluster.local:4222',
      JS_STREAM: 'LEDGER',
      JS_CONSUMER: 'ledger-ingest',
      JS_FILTER_SUBJECT: 'ledger.entries.>',
      JS_MAX_ACK_PENDING: '1000',
      JS_ACK_WAIT: '2h',
      JS_MAX_DELIVER: '-1',
      FETCH_BATCH: '50',
      FETCH_MAX_WAIT: '5s',
    },
  });
  const other = bystander(ns, 'ledger-api', names, 2 * HOURS + 40, { revisions: [88, 89], versions: ['5.30.1', '5.31.0'], olderAgo: 6 * DAYS });
  const log = (k: number) => {
    const start = 9 * HOURS + 10 - k;
    const out: string[] = [
      `{"level":"info","ts":${epochS(start)},"caller":"cmd/ingest/main.go:61","msg":"starting ledger-ingest","version":"2.7.0","commit":"e41b07a"}`,
      `{"level":"info","ts":${epochS(start)},"caller":"natsx/consumer.go:44","msg":"bound to durable pull consumer","stream":"LEDGER","consumer":"ledger-ingest","ack_policy":"explicit","max_ack_pending":1000,"ack_wait":"2h0m0s"}`,
    ];
    // The first hours: work, with some entries failing schema v3 validation.
    for (let i = 0; i < 10; i++) {
      const t = 9 * HOURS - i * 22 - k * 2;
      out.push(`{"level":"info","ts":${epochS(t)},"caller":"ingest/worker.go:88","msg":"batch processed","fetched":50,"ok":${46 - (i % 4)},"invalid":${4 + (i % 4)},"duration_ms":${380 + i * 11}}`);
      out.push(`{"level":"warn","ts":${epochS(t - 0.01)},"caller":"ingest/worker.go:112","msg":"entry rejected","subject":"ledger.entries.eu.settlement","seq":${48_211_904 + i * 997 + k * 131},"error":"schema v3: field \\"counterparty.lei\\" is required","redelivered":false}`);
    }
    // Then nothing is delivered any more.
    out.push(`{"level":"info","ts":${epochS(5 * HOURS + 47 - k)},"caller":"ingest/worker.go:88","msg":"batch processed","fetched":3,"ok":0,"invalid":3,"duration_ms":41}`);
    // Every ack_wait (2h) the server redelivers the outstanding ones; they fail validation again.
    for (const r of [3 * HOURS + 47, 1 * HOURS + 47]) {
      out.push(`{"level":"info","ts":${epochS(r - k * 0.1)},"caller":"ingest/worker.go:88","msg":"batch processed","fetched":50,"ok":0,"invalid":50,"duration_ms":37}`);
      out.push(`{"level":"warn","ts":${epochS(r - k * 0.1 - 0.01)},"caller":"ingest/worker.go:112","msg":"entry rejected","subject":"ledger.entries.eu.settlement","seq":${48_213_010 + k * 17},"error":"schema v3: field \\"counterparty.lei\\" is required","redelivered":true}`);
      out.push(`{"level":"debug","ts":${epochS(r - k * 0.1 - 0.1)},"caller":"ingest/worker.go:71","msg":"no messages","err":"nats: timeout","batch":50,"max_wait":"5s"}`);
    }
    for (let i = 0; i < 14; i++) {
      const t = 60 - i * 4 - k * 0.2;
      out.push(`{"level":"debug","ts":${epochS(t)},"caller":"ingest/worker.go:71","msg":"no messages","err":"nats: timeout","batch":50,"max_wait":"5s"}`);
      if (i % 5 === 0) out.push(`{"level":"info","ts":${epochS(t - 0.05)},"caller":"natsx/stats.go:30","msg":"consumer info","num_pending":${1_184_220 + i * 4100},"num_ack_pending":1000,"num_redelivered":1000,"num_waiting":${4 - (i % 2)},"delivered_stream_seq":${48_642_117}}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout58-jetstream-max-ack-pending-unacked-invalid',
    class: 'config',
    truth:
      'ledger-ingest 2.7.0 (revision 42) returns from its handler without Ack or Nak when an entry fails the new schema v3 validation; with ack_wait 2h those messages stay outstanding, and once 1000 were unacked the JetStream consumer hit max_ack_pending 1000 and the server stopped delivering, so the workers idle on fetch timeouts while the LEDGER backlog grows.',
    ask: { service: 'ledger-ingest' },
    objects: [
      ...nodes, ...worker.objects, cfg, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-ingest-metrics', selector: { app: 'ledger-ingest' }, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], pods: worker.pods, endpointPort: 9102 }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 42), 4, 0, 9 * HOURS + 12),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 41), 0, 4, 9 * HOURS + 6),
      ...worker.pods.flatMap((p, k) => [scheduled(p, 9 * HOURS + 11 - k), ...restartedAgain(p, 'app', image('2.7.0'), { count: 1, firstAgo: 9 * HOURS + 10.8 - k, lastAgo: 9 * HOURS + 10.8 - k })]),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":${epochS(1)},"msg":"GET /v1/balances 200","duration_ms":12}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max.?ack.?pending|ack.?pending|unack|not (being )?ack|never ack|nak/i],
      facts: [/\b1000\b|1,000/, /ledger-ingest/],
      never: [/\bOOM/, /NATS[^\n]*(down|unreachable|outage)/i, /(crash|CrashLoop)/i],
    },
  };
}

// ---- 3. Redis Streams entries stuck in the PEL of consumers that no longer exist ------------------

function redisStreamsOrphanPel(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.56', ['9', '118', '230']);
  const image = (v: string) => `${ECR}/orders/fulfillment-worker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9464 }], cpu: '200m', memory: '384Mi',
      env: [
        { name: 'REDIS_URL', value: 'rediss://orders-redis.abc123.ng.0001.euw1.cache.amazonaws.com:6379/0' },
        { name: 'STREAM_KEY', value: 'orders:placed' },
        { name: 'CONSUMER_GROUP', value: 'fulfillment' },
        { name: 'CONSUMER_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'READ_BLOCK_MS', value: '5000' },
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/live', 'metrics'),
    })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'fulfillment-worker',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 40 * DAYS, changeCause: 'argocd: fulfillment-worker 1.22.0', template: tpl('1.22.0') },
      { revision: 18, createdAgo: 5 * HOURS + 3, changeCause: 'argocd: fulfillment-worker 1.22.1', template: tpl('1.22.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 5 * HOURS + 2 - k })),
    settled: { available: true, availableSince: 4 * HOURS + 58, progressingSince: 5 * HOURS + 3, progressingUpdatedAgo: 4 * HOURS + 58 },
  });
  const apiImage = `${ECR}/orders/orders-api:9.4.2`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 2,
    revisions: [{ revision: 63, createdAgo: 11 * DAYS, changeCause: 'argocd: orders-api 9.4.2', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '300m', memory: '512Mi', readiness: httpProbe('/health/ready', 8080) })] } }],
    pods: [{ revision: 63, node: names[0] ?? '', createdAgo: 11 * DAYS }, { revision: 63, node: names[2] ?? '', createdAgo: 11 * DAYS - 1 }],
  });
  // The consumers of the replaced pods (revision 17), which no longer exist.
  const gone = ['fulfillment-worker-6c8b5d9f47-2qkzt', 'fulfillment-worker-6c8b5d9f47-w7hfn', 'fulfillment-worker-6c8b5d9f47-lq4sd'];
  const log = (p: k8s.V1Pod, k: number) => {
    const start = 5 * HOURS + 1 - k;
    const out: string[] = [
      `${pyTime(start)} INFO [worker] fulfillment-worker 1.22.1 starting`,
      `${pyTime(start)} INFO [streams] XGROUP CREATE orders:placed fulfillment $ MKSTREAM -> BUSYGROUP Consumer Group name already exists (ok)`,
      `${pyTime(start)} INFO [streams] consuming orders:placed as group=fulfillment consumer=${nameOf(p)} (XREADGROUP >, block=5000ms, count=10)`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 4 * HOURS - i * 20 - k * 3;
      out.push(`${pyTime(t)} INFO [fulfil] order ORD-${2_611_400 + i * 17 + k * 5} reserved at warehouse=${['DUB1', 'AMS2', 'FRA1'][i % 3]} shipped_label=ok entry=${ago(t).getTime() - 310}-0 took=${180 + i * 9}ms`);
    }
    out.push(`${pyTime(0.3)} INFO [streams] heartbeat consumer=${nameOf(p)} processed_total=${1410 + k * 37} last_entry=${ago(0.4).getTime()}-0`);
    return out.join('\n') + '\n';
  };
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 55 - i * 6 - k;
      const ageMin = 5 * HOURS + 6 - t;
      out.push(`{"timestamp":"${at(t)}","level":"WARN","logger":"orders.watchdog.StaleOrderCheck","message":"order still processing past SLA","order_id":"ORD-${2_609_880 + i * 23 + k}","status":"processing","age":"${Math.floor(ageMin / 60)}h${ageMin % 60}m","sla":"15m","stream":"orders:placed","entry":"${ago(5 * HOURS + 6).getTime() + i * 1117}-0","pending_consumer":"${gone[i % 3]}","idle_ms":${Math.round(ageMin * 60_000)},"delivery_count":1}`);
      out.push(`{"timestamp":"${at(t - 0.2)}","level":"INFO","logger":"orders.http","message":"GET /v2/orders/ORD-${2_609_880 + i * 23 + k} 200","duration_ms":${14 + i}}`);
    }
    out.push(`{"timestamp":"${at(3)}","level":"INFO","logger":"orders.watchdog.StaleOrderCheck","message":"stale order summary","stale":412,"oldest_age":"5h07m","group":"fulfillment","pending_total":412}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout58-redis-streams-pel-orphaned-consumers',
    class: 'config',
    truth:
      'fulfillment-worker names its Redis Streams consumer after its pod (metadata.name); when revision 18 replaced the pods five hours ago, the entries already delivered to the old consumers (fulfillment-worker-6c8b5d9f47-*) stayed in the fulfillment group\'s Pending Entries List, and since the worker only reads ">" and never XAUTOCLAIMs/XCLAIMs idle entries, 412 orders are stuck in "processing" while the new pods handle new orders fine.',
    ask: { service: 'fulfillment-worker' },
    objects: [
      ...nodes, ...worker.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 18), 3, 0, 5 * HOURS + 3),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 17), 0, 3, 4 * HOURS + 58),
      ...worker.pods.flatMap((p, k) => [scheduled(p, 5 * HOURS + 2 - k), ...restartedAgain(p, 'app', image('1.22.1'), { count: 1, firstAgo: 5 * HOURS + 1.8 - k, lastAgo: 5 * HOURS + 1.8 - k })]),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pending|PEL|XPENDING|XAUTOCLAIM|XCLAIM|claim|unacknowledged|stuck/i, /consumer|stream|fulfillment/i],
      facts: [/XAUTOCLAIM|XCLAIM|claim/i, /fulfillment-worker/],
      never: [/\bOOM/, /Redis[^\n]*(down|unreachable|outage)/i, /CrashLoop/i],
    },
  };
}

// ---- 4. Elasticsearch index left at refresh_interval -1 by a crashed reindex Job --------------------

function esRefreshDisabled(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.120', ['33', '141', '212']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'es-products',
    replicas: 3,
    serviceName: 'es-products-headless',
    revisions: [{
      revision: 4, createdAgo: 60 * DAYS,
      template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', readiness: execProbe(['bash', '-c', 'curl -sf localhost:9200/_cluster/health?local=true']), volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] },
    }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 60 * DAYS - o * 3 })),
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-es-products-${o}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 60 * DAYS - o * 3, storageClass: 'gp3' }));
  const apiImage = `${ECR}/search/search-api:6.3.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 6.2.4', template: { containers: [container({ image: `${ECR}/search/search-api:6.2.4`, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8080) })] } },
      { revision: 34, createdAgo: 26 * HOURS, changeCause: 'argocd: search-api 6.3.0', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 26 * HOURS - k })),
  });
  const indexerImage = `${ECR}/search/catalog-indexer:3.1.7`;
  const indexer = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 30 * DAYS, changeCause: 'argocd: catalog-indexer 3.1.7', template: { containers: [container({ image: indexerImage, ports: [9090], cpu: '200m', memory: '512Mi' })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 30 * DAYS }],
  });
  const reindexImage = `${ECR}/search/products-reindex:1.9.0`;
  const reindex = job({
    namespace: ns,
    name: 'products-reindex-manual-20261120',
    createdAgo: 9 * HOURS + 40,
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'reindex', image: reindexImage, cpu: '1', memory: '2Gi', args: ['--index', 'products_v7', '--source', 'pim', '--bulk-size', '5000'] })] },
    pods: [{
      node: names[2] ?? '', createdAgo: 9 * HOURS + 40, phase: 'Failed',
      containers: { reindex: { state: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(9 * HOURS + 39), finishedAt: ago(8 * HOURS + 52), containerID: 'containerd://7d1e0ab3c2f4' } }, ready: false, restartCount: 0, started: false } },
    }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 8 * HOURS + 52 },
  });
  const reindexPod = podOf(reindex, 0);
  const reindexLog = lines(
    `${pyTime(9 * HOURS + 39)} INFO products_reindex: starting full reindex of products_v7 from PIM (bulk_size=5000)`,
    `${pyTime(9 * HOURS + 39)} INFO products_reindex: step 1/4 tuning index for bulk load: PUT /products_v7/_settings {"index":{"refresh_interval":"-1","number_of_replicas":0}} -> 200 {"acknowledged":true}`,
    `${pyTime(9 * HOURS + 38)} INFO products_reindex: step 2/4 streaming products from PIM export s3://acme-pim-exports/2026-11-20/products.ndjson.gz`,
    ...[1, 2, 3, 4, 5, 6, 7].map((i) => `${pyTime(9 * HOURS + 38 - i * 6)} INFO products_reindex: bulk ${i * 40}/412 indexed=${i * 200_000} errors=0 rss=${(0.42 + i * 0.22).toFixed(2)}GiB`),
    `${pyTime(8 * HOURS + 53)} INFO products_reindex: bulk 300/412 indexed=1500000 errors=0 rss=1.97GiB`,
  );
  const esLog = (o: number) => lines(
    `{"@timestamp":"${at(9 * HOURS + 39)}", "log.level": "INFO", "message":"updating [index.refresh_interval] from [1s] to [-1]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es-products-${o}][clusterApplierService#updateTask][T#1]","log.logger":"org.elasticsearch.common.settings.IndexScopedSettings","elasticsearch.node.name":"es-products-${o}","elasticsearch.cluster.name":"es-products"}`,
    `{"@timestamp":"${at(9 * HOURS + 39)}", "log.level": "INFO", "message":"updating number_of_replicas to [0] for indices [products_v7]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.metadata.MetadataUpdateSettingsService","elasticsearch.node.name":"es-products-${o}","elasticsearch.cluster.name":"es-products"}`,
    `{"@timestamp":"${at(6 * HOURS)}", "log.level": "INFO", "message":"[gc][4412209] overhead, spent [312ms] collecting in the last [1s]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"es-products-${o}","elasticsearch.cluster.name":"es-products"}`,
    `{"@timestamp":"${at(2 * HOURS)}", "log.level": "INFO", "message":"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[logs-search-2026.11.21][0]]]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"es-products-${o}","elasticsearch.cluster.name":"es-products"}`,
  );
  const indexerLog = every(50, 1, 300, (t, i) =>
    `{"ts":"${at(t)}","level":"info","msg":"indexed product","index":"products_v7","id":"SKU-${771_200 + i * 13}","result":"${i % 3 === 0 ? 'created' : 'updated'}","status":${i % 3 === 0 ? 201 : 200},"version":${i % 3 === 0 ? 1 : 4 + i},"took_ms":${6 + (i % 5)}}\n`);
  const apiLog = (k: number) => every(40, 1, 240, (t, i) =>
    `{"ts":"${at(t - k * 0.1)}","level":"info","msg":"search","q":"${['winter parka', 'trail runner gtx', 'merino base layer', 'SKU-771239', 'down vest'][i % 5]}","index":"products","hits":${i % 5 === 3 ? 0 : 40 + i * 3},"took_ms":${18 + i},"status":200}\n` +
    (i % 4 === 1 ? `{"ts":"${at(t - k * 0.1 - 0.05)}","level":"warn","msg":"no search hit for sku","sku":"SKU-${771_200 + i * 39}","query":"sku:SKU-${771_200 + i * 39}","index":"products","caller":"pdp-search","status":404}\n` : ''));
  return {
    id: 'heldout58-elasticsearch-refresh-interval-disabled',
    class: 'config',
    truth:
      'The manual Job products-reindex-manual-20261120 set products_v7 to refresh_interval -1 (and 0 replicas) for its bulk load, then was OOMKilled at bulk 300/412 before its final step restoring the settings; since then catalog-indexer\'s writes are acknowledged (201/200) but never refreshed, so search-api cannot find new or changed products.',
    ask: { service: 'search-api' },
    objects: [
      ...nodes, ...es.objects, ...claims, ...api.objects, ...indexer.objects, ...reindex.objects,
      service({ namespace: ns, name: 'es-products-headless', selector: { app: 'es-products' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: api.pods }),
      jobEvent(reindex.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(reindexPod)}`, 9 * HOURS + 40),
      jobEvent(reindex.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 8 * HOURS + 52, 'Warning'),
    ],
    logs: [
      ...es.pods.map((p, o) => logsFor(p, 'elasticsearch', { current: esLog(o) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(indexer, 0), 'app', { current: indexerLog }),
      logsFor(reindexPod, 'reindex', { current: reindexLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/refresh.?interval|refresh/i],
      facts: [/products-reindex/, /-1\b/],
      never: [/search-api[^\n]*(\bOOM|crash|memory)/i, /(cluster|Elasticsearch)[^\n]*\b(red|down|unreachable)\b/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. StatefulSet whenScaled: Delete wiped redis-cluster-2 -------------------------------------

function statefulSetScaleDownWipedMember(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.36', ['40', '172', '219']);
  const image = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r4';
  const rc = statefulSetApp({
    namespace: ns,
    name: 'redis-cluster',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'redis-cluster-headless',
    revisions: [{
      revision: 6, createdAgo: 140 * DAYS,
      template: {
        containers: [container({
          name: 'redis-cluster', image, cpu: '500m', memory: '3Gi',
          ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }],
          env: [
            { name: 'REDIS_NODES', value: 'redis-cluster-0.redis-cluster-headless redis-cluster-1.redis-cluster-headless redis-cluster-2.redis-cluster-headless' },
            { name: 'REDIS_CLUSTER_REPLICAS', value: '0' },
            { name: 'REDIS_AOF_ENABLED', value: 'yes' },
          ],
          readiness: execProbe(['sh', '-c', '/scripts/ping_readiness_local.sh 1'], { periodSeconds: 5 }),
          liveness: execProbe(['sh', '-c', '/scripts/ping_liveness_local.sh 5'], { periodSeconds: 5, initialDelaySeconds: 5 }),
          volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }],
        })],
      },
    }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 33 * DAYS },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 41 },
    ],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '20Gi', storageClass: 'gp3' }],
  });
  const sts = rc.objects[0] as k8s.V1StatefulSet;
  (sts.spec as k8s.V1StatefulSetSpec).persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Delete' };
  (sts.metadata as k8s.V1ObjectMeta).annotations = { 'argocd.argoproj.io/tracking-id': 'sessions:apps/StatefulSet:sessions/redis-cluster' };
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [
    ...boundClaim({ namespace: ns, name: 'redis-data-redis-cluster-0', storage: '20Gi', zone: zones[0] ?? '', createdAgo: 140 * DAYS, storageClass: 'gp3', labels: { app: 'redis-cluster' } }),
    ...boundClaim({ namespace: ns, name: 'redis-data-redis-cluster-1', storage: '20Gi', zone: zones[1] ?? '', createdAgo: 140 * DAYS, storageClass: 'gp3', labels: { app: 'redis-cluster' } }),
    ...boundClaim({ namespace: ns, name: 'redis-data-redis-cluster-2', storage: '20Gi', zone: zones[2] ?? '', createdAgo: 41, storageClass: 'gp3', labels: { app: 'redis-cluster' } }),
  ];
  const rc2 = podOf(rc, 2);
  const apiImage = (v: string) => `${ECR}/sessions/session-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '300m', memory: '512Mi', env: [{ name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster-headless.sessions.svc.cluster.local:6379' }], readiness: httpProbe('/health/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/health/live', 8080) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 90, createdAgo: 15 * DAYS, changeCause: 'argocd: session-api 4.7.0', template: apiTpl('4.7.0') },
      { revision: 91, createdAgo: 2 * DAYS, changeCause: 'argocd: session-api 4.7.1', template: apiTpl('4.7.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 91, node: names[k] ?? '', createdAgo: 2 * DAYS - k, containers: { app: running({ sinceAgo: 2 * DAYS - k, ready: false }) } })),
  });
  const newId = 'c1e7a0f94b2d83a6e5f1d0c9b8a7e6f5d4c3b2a1';
  const oldId = '8f3d2b1e0c9a7f6e5d4c3b2a19f8e7d6c5b4a392';
  const rc2Log = lines(
    `redis-cluster ${at(40.85).slice(11, 22)} INFO  ==> ** Starting Redis setup **`,
    `redis-cluster ${at(40.85).slice(11, 22)} INFO  ==> Initializing Redis`,
    `redis-cluster ${at(40.84).slice(11, 22)} INFO  ==> Setting Redis config file`,
    `redis-cluster ${at(40.84).slice(11, 22)} INFO  ==> Nodes.conf not found, this is a fresh node`,
    `redis-cluster ${at(40.83).slice(11, 22)} INFO  ==> ** Redis setup finished! **`,
    `1:C ${redisTime(40.8)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(40.8)} * No cluster configuration found, I'm ${newId}`,
    `1:M ${redisTime(40.8)} * Server initialized`,
    `1:M ${redisTime(40.8)} * Creating AOF base file appendonly.aof.1.base.rdb on server start`,
    `1:M ${redisTime(40.8)} * Ready to accept connections tcp`,
    `1:M ${redisTime(40.7)} # Cluster state changed: fail`,
    `1:M ${redisTime(10)} * 1 changes in 3600 seconds. Saving...`,
  );
  const rc0Log = lines(
    `1:M ${redisTime(33 * DAYS)} * Ready to accept connections tcp`,
    `1:M ${redisTime(58.1)} * FAIL message received from 2b7e1c0d9a8f7e6d5c4b3a29180f7e6d5c4b3a21 about ${oldId}`,
    `1:M ${redisTime(58)} * Marking node ${oldId} as failing (quorum reached).`,
    `1:M ${redisTime(58)} # Cluster state changed: fail`,
    `1:M ${redisTime(58)} * Background append only file rewriting started by pid 4411`,
    `1:M ${redisTime(57.9)} * Background AOF rewrite terminated with success`,
    `1:M ${redisTime(57.9)} * Background AOF rewrite finished successfully`,
    `1:M ${redisTime(2)} * 10 changes in 60 seconds. Saving...`,
  );
  const apiLog = (k: number) => every(30, 0.5, 150, (t, i) =>
    `{"level":"error","ts":"${at(t - k * 0.05)}","msg":"session lookup failed","session":"s:${(0x1f2e3d + i * 977 + k).toString(16)}","err":"CLUSTERDOWN The cluster is down","slot":${(i * 4099) % 16384}}\n` +
    (i % 3 === 0 ? `{"level":"info","ts":"${at(t - k * 0.05 - 0.02)}","msg":"GET /v1/sessions/current 503","duration_ms":${3 + i}}\n` : ''));
  return {
    id: 'heldout58-statefulset-whenscaled-delete-redis-cluster',
    class: 'storage',
    truth:
      'The redis-cluster StatefulSet has persistentVolumeClaimRetentionPolicy whenScaled: Delete; a cost-cutting change scaled it 3→2 (deleting claim redis-data-redis-cluster-2 and its volume) and then back to 3, so redis-cluster-2 started on an empty claim with no nodes.conf, a new node id and none of hash slots 10923-16383; with no replicas the cluster is in state fail and session-api gets CLUSTERDOWN Hash slot not served.',
    ask: { service: 'session-api' },
    objects: [
      ...nodes, ...rc.objects, ...claims, ...api.objects,
      service({ namespace: ns, name: 'redis-cluster-headless', selector: { app: 'redis-cluster' }, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }] }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
      event({ on: sts, reason: 'SuccessfulDelete', message: 'delete Pod redis-cluster-2 in StatefulSet redis-cluster successful', component: 'statefulset-controller', firstAgo: 58, lastAgo: 58 }),
      event({ on: sts, reason: 'SuccessfulCreate', message: 'create Claim redis-data-redis-cluster-2 Pod redis-cluster-2 in StatefulSet redis-cluster success', component: 'statefulset-controller', firstAgo: 41, lastAgo: 41 }),
      event({ on: sts, reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-2 in StatefulSet redis-cluster successful', component: 'statefulset-controller', firstAgo: 41, lastAgo: 41 }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'redis-data-redis-cluster-2', namespace: ns }, reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volumeOf(ns, 'redis-data-redis-cluster-2')}`, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7c8b5-k2xqz_5c1b8a2e', firstAgo: 40.9, lastAgo: 40.9 }),
      scheduled(rc2, 40.9),
      ...restartedAgain(rc2, 'redis-cluster', image, { count: 1, firstAgo: 40.8, lastAgo: 40.8 }),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 468, firstAgo: 57, lastAgo: 0.1 })),
    ],
    logs: [
      logsFor(rc2, 'redis-cluster', { current: rc2Log }),
      logsFor(podOf(rc, 0), 'redis-cluster', { current: rc0Log }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/whenScaled|retention|PVC|claim|volume|empty|wiped|data (was )?(lost|deleted)|scal(ed|e-?down)|CLUSTERDOWN|slot/i, /redis-cluster/i],
      facts: [/whenScaled|persistentVolumeClaimRetentionPolicy|retention/i, /redis-data-redis-cluster-2|redis-cluster-2/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /session-api[^\n]*(image|4\.7\.1)/i],
    },
  };
}

// ---- 6. CPU limit removed, worker count from limits.cpu via the Downward API --------------------------

function downwardCpuLimitWorkers(): CorpusScenario {
  const ns = 'media';
  const small = [
    node({ name: eksNodeName('10.0.64.21'), zone: 'eu-west-1a', instanceType: 'm6i.2xlarge', pool: 'general', allocatable: { cpu: '7910m', memory: '31482236Ki', pods: '58' } }),
    node({ name: eksNodeName('10.0.65.140'), zone: 'eu-west-1b', instanceType: 'm6i.2xlarge', pool: 'general', allocatable: { cpu: '7910m', memory: '31482236Ki', pods: '58' } }),
  ];
  const big = [
    node({ name: eksNodeName('10.0.66.19'), zone: 'eu-west-1c', instanceType: 'c6i.12xlarge', pool: 'compute', allocatable: { cpu: '47810m', memory: '94332788Ki', pods: '234' } }),
    node({ name: eksNodeName('10.0.64.233'), zone: 'eu-west-1a', instanceType: 'c6i.12xlarge', pool: 'compute', allocatable: { cpu: '47810m', memory: '94332788Ki', pods: '234' } }),
  ];
  const smallN = small.map(nameOf);
  const bigN = big.map(nameOf);
  const image = (v: string) => `${ECR}/media/render-worker:${v}`;
  const tpl = (v: string, cpuLimit?: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9808 }], cpu: '2', memory: '3Gi', ...(cpuLimit === undefined ? {} : { cpuLimit }),
      command: ['sh', '-c'],
      args: ['exec celery -A render.app worker -Q render --loglevel=INFO --concurrency="${CELERY_CONCURRENCY}" --max-tasks-per-child=200'],
      env: [
        { name: 'CELERY_CONCURRENCY', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1' } } },
        { name: 'CELERY_BROKER_URL', value: 'amqp://render@rabbitmq.messaging.svc.cluster.local:5672/media' },
      ],
      readiness: execProbe(['sh', '-c', 'celery -A render.app inspect ping -d celery@$HOSTNAME --timeout 5'], { periodSeconds: 30, timeoutSeconds: 10 }),
    })],
  });
  const nodeOf = [smallN[0], bigN[0], smallN[1], bigN[1]];
  const worker = deploymentApp({
    namespace: ns,
    name: 'render-worker',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 34 * DAYS, changeCause: 'argocd: render-worker 8.4.0', template: tpl('8.4.0', '4') },
      { revision: 27, createdAgo: 2 * HOURS + 18, changeCause: 'argocd: render-worker 8.4.0 (remove CPU limits, avoid CFS throttling)', template: tpl('8.4.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => {
      const isBig = k % 2 === 1;
      return {
        revision: 27, node: nodeOf[k] ?? '', createdAgo: 2 * HOURS + 17 - k * 3,
        containers: { app: isBig ? crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 + k, ranSeconds: 71 }, 23 + k) : running({ sinceAgo: 2 * HOURS + 16 - k * 3 }) },
      };
    }),
    settled: { available: true, availableSince: 2 * HOURS + 5, progressingSince: 2 * HOURS + 18, progressingUpdatedAgo: 2 * HOURS + 5 },
  });
  const other = bystander(ns, 'thumbnailer', smallN, 5 * HOURS + 30, { revisions: [14, 15], versions: ['2.9.3', '2.10.0'], olderAgo: 21 * DAYS });
  const banner = (conc: number, t: number, host: string) => [
    ' ',
    ' -------------- celery@' + host + ' v5.4.0 (opalescent)',
    '--- ***** ----- ',
    '-- ******* ---- Linux-6.1.112-124.190.amzn2023.x86_64-x86_64-with-glibc2.36 ' + at(t).slice(0, 19).replace('T', ' '),
    '- *** --- * --- ',
    '- ** ---------- [config]',
    '- ** ---------- .> app:         render:0x7f3a1c2e9d50',
    '- ** ---------- .> transport:   amqp://render:**@rabbitmq.messaging.svc.cluster.local:5672/media',
    '- ** ---------- .> results:     disabled://',
    `- *** --- * --- .> concurrency: ${conc} (prefork)`,
    '-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)',
    '--- ***** ----- ',
    ' -------------- [queues]',
    '                .> render           exchange=render(direct) key=render',
    '',
  ];
  const bigLog = (p: k8s.V1Pod, k: number) => {
    const t = 2 + k + 71 / 60;
    return [
      ...banner(48, t, nameOf(p)),
      `[${pyTime(t - 0.05)}: INFO/MainProcess] Connected to amqp://render:**@rabbitmq.messaging.svc.cluster.local:5672/media`,
      `[${pyTime(t - 0.1)}: INFO/MainProcess] celery@${nameOf(p)} ready.`,
      ...[0, 1, 2, 3, 4, 5].map((i) => `[${pyTime(t - 0.2 - i * 0.1)}: INFO/MainProcess] Task render.tasks.render_page[${(0x3a9f10 + i * 4097 + k).toString(16)}-0c4e-4b1a-9f7e-2d61c0a8b${(100 + i).toString()}] received`),
      `[${pyTime(t - 0.9)}: INFO/ForkPoolWorker-${37 + k}] loading font cache and page templates (resident ~61 MiB)`,
      '',
    ].join('\n');
  };
  const smallLog = (p: k8s.V1Pod, k: number) => {
    const t = 2 * HOURS + 16 - k * 3;
    return [
      ...banner(8, t, nameOf(p)),
      `[${pyTime(t - 0.05)}: INFO/MainProcess] celery@${nameOf(p)} ready.`,
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `[${pyTime(30 - i * 4)}: INFO/ForkPoolWorker-${1 + (i % 8)}] Task render.tasks.render_page[${(0x5b1c00 + i * 331 + k).toString(16)}-77aa-4f0e-8d21-a94c13e0f${(200 + i).toString()}] succeeded in ${(2.1 + i * 0.37).toFixed(2)}s: {'pages': ${3 + i}}`),
      '',
    ].join('\n');
  };
  const pods = worker.pods;
  return {
    id: 'heldout58-downward-limits-cpu-removed-worker-oom',
    class: 'containers',
    truth:
      'Revision 27 of render-worker removed the container\'s CPU limit (keeping the 2-CPU request) while CELERY_CONCURRENCY still comes from the Downward API resourceFieldRef limits.cpu, which without a limit reports the node\'s allocatable CPU: pods on the c6i.12xlarge nodes start 48 prefork workers and are OOMKilled at the 3Gi limit, pods on the m6i.2xlarge nodes start 8 and are fine.',
    ask: { service: 'render-worker' },
    objects: [
      ...small, ...big, ...worker.objects, ...other.objects,
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 27), 4, 0, 2 * HOURS + 18),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 26), 0, 4, 2 * HOURS + 5),
      ...pods.flatMap((p, k) => k % 2 === 1
        ? [scheduled(p, 2 * HOURS + 17 - k * 3), ...restartedAgain(p, 'app', image('8.4.0'), { count: 24 + k, firstAgo: 2 * HOURS + 16 - k * 3, lastAgo: 2 + k + 71 / 60 }), backOff(p, 'app', { count: 410 + k * 7, firstAgo: 2 * HOURS + 10 - k * 3 })]
        : [scheduled(p, 2 * HOURS + 17 - k * 3), ...restartedAgain(p, 'app', image('8.4.0'), { count: 1, firstAgo: 2 * HOURS + 16.8 - k * 3, lastAgo: 2 * HOURS + 16.8 - k * 3 })]),
    ],
    logs: [
      ...pods.map((p, k) => (k % 2 === 1 ? logsFor(p, 'app', { previous: bigLog(p, k) }) : logsFor(p, 'app', { current: smallLog(p, k) }))),
    ],
    expect: {
      verdict: 'problems',
      headline: [/limits?\.cpu|cpu limit|resourceFieldRef|downward|concurrency|CELERY_CONCURRENCY|48 workers/i],
      facts: [/\b48\b/, /render-worker/],
      never: [/memory leak/i, /rabbitmq[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. healthy: Kafka consumer draining the nightly batch's lag -------------------------------------

function healthyKafkaLagDraining(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '99', '201']);
  const image = (v: string) => `${ECR}/analytics/clickstream-sink:${v}`;
  const tpl = {
    containers: [
      container({
        image: image('5.2.3'), ports: [{ name: 'metrics', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
        env: [{ name: 'KAFKA_BOOTSTRAP', value: 'b-1.analytics-msk.x7k2q1.c4.kafka.eu-west-1.amazonaws.com:9098' }, { name: 'KAFKA_TOPIC', value: 'clickstream.events.v2' }, { name: 'KAFKA_GROUP', value: 'clickstream-sink' }, { name: 'MAX_POLL_RECORDS', value: '2000' }],
        readiness: httpProbe('/actuator/health/readiness', 'metrics'), liveness: httpProbe('/actuator/health/liveness', 'metrics', { initialDelaySeconds: 30 }),
      }),
      container({ name: 'lag-watch', image: `${ECR}/platform/lag-watch:0.6.1`, ports: [{ name: 'lag-metrics', containerPort: 9308 }], cpu: '20m', memory: '64Mi', env: [{ name: 'GROUP', value: 'clickstream-sink' }, { name: 'LAG_WARN_THRESHOLD', value: '50000' }, { name: 'INTERVAL', value: '60s' }], readiness: null, liveness: null }),
    ],
  };
  const sink = deploymentApp({
    namespace: ns,
    name: 'clickstream-sink',
    replicas: 6,
    revisions: [{ revision: 44, createdAgo: 16 * DAYS, changeCause: 'argocd: clickstream-sink 5.2.3', template: tpl }],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: 16 * DAYS - k })),
  });
  const batch = cronJob({
    namespace: ns,
    name: 'crm-export-backfill',
    schedule: '30 1 * * *',
    template: { containers: [batchContainer({ name: 'export', image: `${ECR}/analytics/crm-export:2.0.8`, cpu: '2', memory: '4Gi' })] },
    jobs: [{ createdAgo: 1 * HOURS + 44, pods: [{ node: names[2] ?? '', createdAgo: 1 * HOURS + 44, phase: 'Succeeded', containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(1 * HOURS + 43), finishedAt: ago(1 * HOURS + 2), containerID: 'containerd://51ac0e9d7b2f' } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 1 * HOURS + 2 } }],
    lastSuccessfulAgo: 1 * HOURS + 2,
  });
  const batchPod = batch.jobs[0]?.pods[0];
  // Lag drains from ~1.5M to ~30k over the last hour, checked every minute; shown every 5 minutes.
  const lagAt = (t: number) => Math.round(64_000 + (t / 62) * 1_450_000);
  const lagLog = (k: number) => every(62, 0.5, 300, (t) => {
    const lag = lagAt(t);
    const own = Math.round(lag / 6) + ((k * 311) % 900) - 450;
    return `${at(t - k * 0.01)} WARN  lag-watch group=clickstream-sink topic=clickstream.events.v2 consumer lag ${lag} above threshold 50000 (own partitions ${k * 4}-${k * 4 + 3}: ${own}, trend -${23_400 + ((k * 97) % 400)}/min)\n`;
  });
  const appLog = (k: number) => every(60, 1, 600, (t, i) =>
    `${at(t).replace('T', ' ').replace('Z', '')}  INFO 1 --- [sink-consumer-${k}] c.a.c.sink.BatchWriter                   : flushed batch to s3://acme-clickstream-raw/dt=2026-11-21/hour=0${t < 14 ? 3 : 2}/ records=2000 bytes=${3_812_004 + i * 1331} took=${410 + i * 7}ms\n` +
    `${at(t - 0.05).replace('T', ' ').replace('Z', '')}  INFO 1 --- [sink-consumer-${k}] c.a.c.sink.ThroughputReporter            : consumed ${3980 + (i % 3) * 9} rec/s (ceiling ~4000 rec/s per pod), commit ok\n`);
  return {
    id: 'heldout58-healthy-kafka-lag-draining',
    class: 'healthy',
    truth:
      'Healthy: the nightly crm-export-backfill CronJob produced a burst into clickstream.events.v2, and clickstream-sink is catching up at its normal per-pod ceiling; its lag-watch sidecar warns "consumer lag above threshold" with numbers that fall every run and will drop under the threshold shortly. All pods are ready, nothing restarts.',
    ask: { service: 'clickstream-sink' },
    objects: [
      ...nodes, ...sink.objects, ...batch.objects,
      ...exposed({ namespace: ns, name: 'clickstream-sink-metrics', selector: { app: 'clickstream-sink' }, ports: [{ name: 'metrics', port: 8081, targetPort: 'metrics' }], pods: sink.pods, endpointPort: 8081 }),
      ...(batchPod === undefined ? [] : [scheduled(batchPod, 1 * HOURS + 44), ...restartedAgain(batchPod, 'export', `${ECR}/analytics/crm-export:2.0.8`, { count: 1, firstAgo: 1 * HOURS + 43, lastAgo: 1 * HOURS + 43 })]),
      event({ on: batch.objects[0] ?? { kind: 'CronJob', name: 'crm-export-backfill', namespace: ns }, reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(batch.jobs[0]?.objects[0])}, condition: Complete`, component: 'cronjob-controller', firstAgo: 1 * HOURS + 2, lastAgo: 1 * HOURS + 2 }),
    ],
    logs: [
      ...sink.pods.map((p, k) => logsFor(p, 'lag-watch', { current: lagLog(k) })),
      ...sink.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...(batchPod === undefined ? [] : [logsFor(batchPod, 'export', { current: lines(`${pyTime(63)} INFO crm_export: produced 1,512,044 records to clickstream.events.v2 in 2460s`, `${pyTime(62.9)} INFO crm_export: done`) })]),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current )?(problems?|issues?|failures?)|nothing (wrong|failing)|all .*ready|running normally|\bOK\b/i],
      facts: [/clickstream-sink/],
      never: [/lag[^\n]*(stuck|stall|growing|not (draining|decreasing))/i, /\bOOM/, /(scale up|increase (the )?replicas)/i, /crm-export-backfill[^\n]*(fail|broke)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  geventSslRecursion(),
  jetstreamAckPending(),
  redisStreamsOrphanPel(),
  esRefreshDisabled(),
  statefulSetScaleDownWipedMember(),
  downwardCpuLimitWorkers(),
  healthyKafkaLagDraining(),
];
