// Held-out stories, fifty-eighth round, part two: an SQS worker whose revision set botocore's
// read_timeout to 10 s while ReceiveMessage long-polls for 20 s, so every receive on a quiet queue
// ends in ReadTimeoutError and the backlog ages; a Go gateway leaking file descriptors with no
// change at all, so only its pods older than about five days fail with "too many open files"; a
// chart change that moved the Cloud SQL Auth Proxy sidecar from v1 to v2 but kept the v1
// `-instances=` argument, so v2 rejects the flag, crash-loops and the app gets connection refused
// on 127.0.0.1:5432; an entrypoint script switched to `set -euo pipefail` whose `grep -c` of an
// absent flag exits 1 right after the start banner; a cert-manager Certificate whose commonName
// moved to "orders-api.orders.svc", so Postgres' `cert` authentication refuses user "orders"; a
// Java release that creates a thread pool per request and never shuts it down, so the JVM dies
// every ~2 h on "unable to create native thread"; and a healthy control: an ASP.NET Core service
// whose Data Protection keys live in Redis and which logs only "No XML encryptor configured".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event,
  exposed, httpProbe, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Go's log package time: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
const ip = (p: k8s.V1Pod): string => p.status?.podIP ?? '10.0.0.1';

// ---- 1. SQS worker: read_timeout 10 s under a 20 s long poll -----------------------------------------

function sqsReadTimeoutUnderLongPoll(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.48', ['22', '141', '230']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-worker:${v}`;
  const queue = 'https://sqs.eu-west-1.amazonaws.com/123456789012/shipment-requests';
  const env = (extra: k8s.V1EnvVar[]): k8s.V1EnvVar[] => [
    { name: 'QUEUE_URL', value: queue },
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'SQS_WAIT_TIME_SECONDS', value: '20' },
    { name: 'SQS_MAX_MESSAGES', value: '10' },
    { name: 'SQS_VISIBILITY_TIMEOUT', value: '120' },
    ...extra,
    { name: 'CARRIER_API_URL', value: 'https://carrier-gw.fulfilment.svc.cluster.local:8443' },
  ];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({
    serviceAccountName: 'shipment-worker',
    containers: [batchContainer({ name: 'worker', image: image(v), command: ['python', '-m', 'shipment_worker'], env: env(extra), cpu: '200m', memory: '384Mi' })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'shipment-worker',
    replicas: 3,
    revisions: [
      { revision: 44, createdAgo: 13 * DAYS, changeCause: 'argocd: shipment-worker 2.9.1', template: tpl('2.9.1', []) },
      {
        revision: 45, createdAgo: 2 * HOURS + 35, changeCause: 'argocd: shipment-worker 2.9.1 (tune aws client timeouts, OPS-2291)',
        template: tpl('2.9.1', [{ name: 'AWS_CONNECT_TIMEOUT', value: '3' }, { name: 'AWS_READ_TIMEOUT', value: '10' }, { name: 'AWS_MAX_ATTEMPTS', value: '3' }]),
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 45, node: names[k] ?? '', createdAgo: 2 * HOURS + 34 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 31, progressingSince: 2 * HOURS + 35, progressingUpdatedAgo: 2 * HOURS + 31 },
  });
  const gw = bystander(ns, 'carrier-gw', names, 47, { revisions: [18, 19], versions: ['1.14.0', '1.14.1'], olderAgo: 20 * DAYS });
  const workerLog = (k: number) => {
    const out: string[] = [
      `${pyTime(2 * HOURS + 33.9 - k)} INFO shipment_worker.main starting shipment-worker 2.9.1 (pid 1, python 3.12.7, boto3 1.35.54, botocore 1.35.54)`,
      `${pyTime(2 * HOURS + 33.9 - k)} INFO shipment_worker.consumer queue=${queue} wait_time_seconds=20 max_messages=10 visibility_timeout=120`,
      `${pyTime(2 * HOURS + 33.8 - k)} INFO shipment_worker.aws botocore config: connect_timeout=3 read_timeout=10 retries={'max_attempts': 3, 'mode': 'standard'}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 11.5 - i * 0.8 - k * 0.07;
      out.push(`${pyTime(t)} WARNING shipment_worker.consumer receive_message failed (attempt 3/3), backing off 5.0s: Read timeout on endpoint URL: "https://sqs.eu-west-1.amazonaws.com/"`);
      if (i % 4 === 1) {
        out.push(
          `${pyTime(t - 0.01)} ERROR shipment_worker.consumer poll loop error`,
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 536, in _make_request',
          '    response = conn.getresponse()',
          '  File "/usr/local/lib/python3.12/site-packages/urllib3/connection.py", line 507, in getresponse',
          '    httplib_response = super().getresponse()',
          '  File "/usr/local/lib/python3.12/ssl.py", line 1232, in recv_into',
          '    return self.read(nbytes, buffer)',
          'TimeoutError: The read operation timed out',
          '',
          'During handling of the above exception, another exception occurred:',
          '',
          'Traceback (most recent call last):',
          '  File "/app/shipment_worker/consumer.py", line 88, in poll',
          '    resp = self.sqs.receive_message(QueueUrl=self.queue_url, WaitTimeSeconds=self.wait, MaxNumberOfMessages=self.batch, AttributeNames=["ApproximateReceiveCount", "SentTimestamp"])',
          '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
          '    return self._make_api_call(operation_name, kwargs)',
          '  File "/usr/local/lib/python3.12/site-packages/botocore/httpsession.py", line 501, in send',
          '    raise ReadTimeoutError(endpoint_url=request.url, error=e)',
          'botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: "https://sqs.eu-west-1.amazonaws.com/"',
        );
      }
      if (i % 5 === 3) {
        out.push(`${pyTime(t - 0.2)} INFO shipment_worker.handler processed shipment request order=ORD-${88120 + i * 17 + k} carrier=dhl-express attempts=1 message_age_s=${420 + i * 31 + k * 12} duration_ms=${310 + i * 9}`);
      }
    }
    out.push(`${pyTime(0.9 - k * 0.1)} INFO shipment_worker.metrics backlog: ApproximateNumberOfMessages=${1840 + k * 3} ApproximateAgeOfOldestMessage=${1310 + k * 4}s processed_last_5m=${12 - k}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout58-sqs-read-timeout-under-long-poll',
    class: 'config',
    truth: 'Revision 45 of shipment-worker (2h35m ago, "tune aws client timeouts") set AWS_READ_TIMEOUT=10, i.e. botocore read_timeout 10 s, while the consumer long-polls ReceiveMessage with WaitTimeSeconds=20. On a quiet moment SQS holds the request up to 20 s, so botocore gives up at 10 s with "ReadTimeoutError: Read timeout on endpoint URL", retries three times and backs off; the workers spend most of their time timing out instead of receiving, and messages wait 7–20 minutes (ApproximateAgeOfOldestMessage ~1300 s). Pods are Running; nothing crashes. Fix: read_timeout greater than WaitTimeSeconds (e.g. 25–30 s) or revert revision 45.',
    ask: { service: 'shipment-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...gw.objects,
      ...exposed({ namespace: ns, name: 'carrier-gw', selector: { app: 'carrier-gw' }, pods: gw.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 45), 3, 0, 2 * HOURS + 35),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 44), 0, 3, 2 * HOURS + 31),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 19), 2, 0, 47),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 18), 0, 2, 45),
      probeFailed(podOf(gw, 1), 'app', 'Readiness', `Get "http://${ip(podOf(gw, 1))}:8080/ready": dial tcp ${ip(podOf(gw, 1))}:8080: connect: connection refused`, { count: 2, firstAgo: 46.5, lastAgo: 46.3 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(worker, k), 'worker', { current: workerLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/read[_ ]?timeout|ReadTimeout|timed? ?out/i, /WaitTimeSeconds|long[- ]?poll|receive_?message|AWS_READ_TIMEOUT|10 ?s|revision 45|SQS/i],
      facts: [/AWS_READ_TIMEOUT|read_timeout=10|10 ?s/i, /WaitTimeSeconds|wait_time_seconds|20 ?s|long[- ]?poll/i, /revision 45|shipment-worker/i],
      never: [/carrier-gw/, /\bOOM/, /crash ?loop/i, /credential|AccessDenied|permission/i, /DNS/],
    },
  };
}

// ---- 2. file-descriptor leak: only the old pods fail ------------------------------------------------

function fdLeakOldPodsOnly(): CorpusScenario {
  const ns = 'ingest';
  const { nodes, names } = threeEksNodes('10.0.90', ['17', '108', '244']);
  const image = `${ECR}/ingest/event-gateway:5.2.3`;
  const gw = deploymentApp({
    namespace: ns,
    name: 'event-gateway',
    replicas: 6,
    revisions: [
      { revision: 20, createdAgo: 23 * DAYS, changeCause: 'argocd: event-gateway 5.2.3', template: {
        containers: [container({
          image, ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
          env: [{ name: 'KAFKA_BROKERS', value: 'ingest-kafka-0.ingest-kafka-headless:9092,ingest-kafka-1.ingest-kafka-headless:9092' }, { name: 'SCHEMA_REGISTRY_URL', value: 'http://schema-registry.ingest.svc:8081' }],
          readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 9090, { initialDelaySeconds: 10, failureThreshold: 6 }),
        })],
      } },
    ],
    pods: [
      { revision: 20, node: names[0] ?? '', createdAgo: 7 * DAYS + 5 * HOURS, ready: false, containers: { app: running({ sinceAgo: 7 * DAYS + 5 * HOURS, ready: false }) } },
      { revision: 20, node: names[1] ?? '', createdAgo: 6 * DAYS + 22 * HOURS, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS + 22 * HOURS, ready: false }) } },
      { revision: 20, node: names[2] ?? '', createdAgo: 5 * DAYS + 19 * HOURS, containers: { app: running({ sinceAgo: 5 * DAYS + 19 * HOURS }) } },
      { revision: 20, node: names[0] ?? '', createdAgo: 2 * DAYS + 3 * HOURS },
      { revision: 20, node: names[1] ?? '', createdAgo: 31 * HOURS },
      { revision: 20, node: names[2] ?? '', createdAgo: 9 * HOURS },
    ],
  });
  const reg = bystander(ns, 'schema-registry', names, 19 * HOURS, { revisions: [6, 7], versions: ['7.6.1', '7.7.1'], olderAgo: 40 * DAYS });
  const oldLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 18; i++) {
      const t = 14 - i * 0.75 - k * 0.03;
      out.push(`${goTime(t)} http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 1s`);
      if (i % 3 === 0) out.push(`{"level":"error","ts":"${at(t - 0.01)}","caller":"sink/kafka.go:141","msg":"produce failed","topic":"clickstream.v3","error":"kafka: client has run out of available brokers to talk to: dial tcp 10.0.90.61:9092: socket: too many open files"}`);
      if (i % 4 === 2) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","caller":"schema/cache.go:77","msg":"schema lookup failed, serving cached id","subject":"clickstream-value","error":"Get \\"http://schema-registry.ingest.svc:8081/subjects/clickstream-value/versions/latest\\": dial tcp: lookup schema-registry.ingest.svc on 172.20.0.10:53: dial udp 172.20.0.10:53: socket: too many open files"}`);
    }
    return out.join('\n') + '\n';
  };
  const youngLog = (k: number) => lines(
    ...Array.from({ length: 6 }, (_, i) => `{"level":"info","ts":"${at(5 - i * 0.8 - k * 0.05)}","caller":"http/handler.go:93","msg":"batch accepted","events":${180 + i * 7 + k},"bytes":${412_000 + i * 1311},"duration_ms":${9 + (i % 3)}}`),
    `{"level":"info","ts":"${at(0.6)}","caller":"stats/reporter.go:40","msg":"runtime","goroutines":${310 + k * 40},"open_fds":${k === 0 ? 9812 : k === 1 ? 4410 : 1570},"heap_mb":${88 + k}}`,
  );
  return {
    id: 'heldout58-fd-leak-only-old-pods',
    class: 'containers',
    truth: 'event-gateway 5.2.3 (unchanged for 23 days) leaks file descriptors (upstream HTTP response bodies never closed on one error path); each pod accumulates descriptors over days until it hits the container\'s nofile limit (~5 days). The two pods older than ~6.9 days now fail with "accept4: too many open files" on the listener and "socket: too many open files" on every outbound dial (Kafka, DNS, schema-registry), so their readiness fails; the 5.8-day pod is close (9.8k fds), younger pods restarted or rescheduled in the last 2 days are fine. Nothing changed: the differential is pod age. Mitigation: restart the old pods (rolling restart); fix: close the leaked descriptors.',
    ask: { service: 'event-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...reg.objects,
      ...exposed({ namespace: ns, name: 'event-gateway', selector: { app: 'event-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'schema-registry', selector: { app: 'schema-registry' }, pods: reg.pods, ports: [{ name: 'http', port: 8081, targetPort: 'http' }] }),
      scaledReplicaSet(deploymentOf(reg), rsOf(reg, 7), 2, 0, 19 * HOURS),
      scaledReplicaSet(deploymentOf(reg), rsOf(reg, 6), 0, 2, 19 * HOURS - 2),
      probeFailed(podOf(gw, 0), 'app', 'Readiness', `Get "http://${ip(podOf(gw, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 212, firstAgo: 3 * HOURS + 40, lastAgo: 0.2 }),
      probeFailed(podOf(gw, 1), 'app', 'Readiness', `Get "http://${ip(podOf(gw, 1))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 97, firstAgo: 1 * HOURS + 42, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(podOf(gw, 0), 'app', { current: oldLog(0) }),
      logsFor(podOf(gw, 1), 'app', { current: oldLog(1) }),
      ...[2, 3, 4, 5].map((k) => logsFor(podOf(gw, k), 'app', { current: youngLog(k - 2) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many open files|EMFILE|file descriptors?|\bfds?\b|nofile|ulimit/i],
      facts: [/accept4|too many open files/i, /\b(age|older|oldest|[5-7] ?d(ays)?|uptime|long[- ]running)\b/i],
      never: [ADVISES_ROLLBACK, /schema-registry[^\n]*(caus|broke|down)/i, /\bOOM/, /DNS (outage|failure|is down)|CoreDNS/i, /kafka[^\n]*(down|outage)/i],
    },
  };
}

// ---- 3. Cloud SQL Auth Proxy v2 with v1 arguments ----------------------------------------------------

function cloudSqlProxyV2WithV1Args(): CorpusScenario {
  const ns = 'billing';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const nodes = ['4f1c', '9b2e', 'c7d0'].map((h, i) => node({ name: `gke-prod-ew1-general-pool-${h}a8e2-${['x2kq', 'm7tz', 'p9wd'][i]}`, zone: zones[i] ?? 'europe-west1-b', instanceType: 'e2-standard-8', pool: 'general-pool' }));
  const names = nodes.map((n) => n.metadata?.name ?? '');
  const appImage = 'europe-west1-docker.pkg.dev/acme-prod/apps/invoice-api:7.3.2';
  const instance = 'acme-prod:europe-west1:billing-pg';
  const appC = container({
    image: appImage, ports: [8080], cpu: '500m', memory: '1Gi',
    env: [
      { name: 'DB_HOST', value: '127.0.0.1' }, { name: 'DB_PORT', value: '5432' }, { name: 'DB_NAME', value: 'billing' }, { name: 'DB_USER', value: 'invoice_api' },
      { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    ],
    readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
    liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  });
  const v1 = container({
    name: 'cloud-sql-proxy', image: 'gcr.io/cloudsql-docker/gce-proxy:1.33.16', command: ['/cloud_sql_proxy'],
    args: [`-instances=${instance}=tcp:5432`, '-credential_file=/secrets/service_account.json', '-term_timeout=30s'],
    ports: [], cpu: '100m', memory: '128Mi', readiness: null, liveness: null,
    volumeMounts: [{ name: 'cloudsql-sa', mountPath: '/secrets', readOnly: true }],
    securityContext: { runAsNonRoot: true },
  });
  const v2 = container({
    name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1',
    args: [`-instances=${instance}=tcp:5432`, '-credential_file=/secrets/service_account.json', '-term_timeout=30s'],
    ports: [], cpu: '100m', memory: '128Mi', readiness: null, liveness: null,
    volumeMounts: [{ name: 'cloudsql-sa', mountPath: '/secrets', readOnly: true }],
    securityContext: { runAsNonRoot: true },
  });
  const volumes = [{ name: 'cloudsql-sa', secret: { secretName: 'invoice-api-cloudsql-sa' } }];
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    revisions: [
      { revision: 27, createdAgo: 9 * DAYS, changeCause: 'helm upgrade invoice-api billing-charts/java-service 3.4.0', template: { containers: [appC, v1], volumes } },
      { revision: 28, createdAgo: 38, changeCause: 'helm upgrade invoice-api billing-charts/java-service 4.0.0', template: { containers: [appC, v2], volumes } },
    ],
    pods: [
      { revision: 27, node: names[0] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 27, node: names[1] ?? '', createdAgo: 9 * DAYS - 4 },
      { revision: 27, node: names[2] ?? '', createdAgo: 9 * DAYS - 5 },
      ...[0, 1].map((k) => ({
        revision: 28, node: names[(k + 1) % 3] ?? '', createdAgo: 37.5 - k * 0.2, ready: false,
        containers: {
          app: running({ sinceAgo: 37.4 - k * 0.2, ready: false }),
          'cloud-sql-proxy': crashLoop({ exitCode: 1, finishedAgo: 2.1 + k * 1.3, ranSeconds: 0 }, 11),
        },
      })),
    ],
  });
  const newPods = [podOf(app, 3), podOf(app, 4)];
  const proxyLog = lines(
    `Error: unknown shorthand flag: 'i' in -instances=${instance}=tcp:5432`,
    'Usage:',
    '  cloud-sql-proxy INSTANCE_CONNECTION_NAME... [flags]',
    '',
    'Flags:',
    '      --address string                   (*) Address to bind Cloud SQL instance listeners. (default "127.0.0.1")',
    '  -i, --auto-iam-authn                   (*) Enables Automatic IAM Authentication for all instances',
    '  -c, --credentials-file string          Use service account key file as a source of IAM credentials.',
    '  -h, --help                             Display help information for cloud-sql-proxy',
    '  -p, --port int                         (*) Initial port for listeners. Subsequent listeners increment from this value.',
    '      --private-ip                       (*) Connect to the private ip address for all instances',
    '      --max-sigterm-delay duration       Maximum number of seconds to wait for connections to close after receiving a TERM signal.',
    '  -v, --version                          Print the cloud-sql-proxy version',
    '',
  );
  const appLog = (k: number) => lines(
    `${at(37.3 - k * 0.2).replace('Z', '+00:00')}  INFO 1 --- [invoice-api] [           main] c.a.billing.InvoiceApiApplication        : Starting InvoiceApiApplication v7.3.2 using Java 21.0.5 with PID 1`,
    `${at(37.1 - k * 0.2).replace('Z', '+00:00')}  INFO 1 --- [invoice-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    ...Array.from({ length: 9 }, (_, i) => `${at(30 - i * 3.3 - k * 0.4).replace('Z', '+00:00')}  WARN 1 --- [invoice-api] [onnection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Pool is empty, failed to create/setup connection (${['a1f', '3c9', '77e'][i % 3]}${i}d${k}e2-…)\norg.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)\nCaused by: java.net.ConnectException: Connection refused`),
    `${at(0.8).replace('Z', '+00:00')}  WARN 1 --- [invoice-api] [nio-8080-exec-4] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
  );
  const oldProxyLog = lines(
    `${goTime(9 * DAYS - 3.1)} current FDs rlimit set to 1048576, wanted limit is 8500. Nothing to do here.`,
    `${goTime(9 * DAYS - 3.1)} using credential file for authentication; email=invoice-api@acme-prod.iam.gserviceaccount.com`,
    `${goTime(9 * DAYS - 3.1)} Listening on 127.0.0.1:5432 for ${instance}`,
    `${goTime(9 * DAYS - 3.1)} Ready for new connections`,
    `${goTime(9 * DAYS - 3.1)} Generated RSA key in 118.114971ms`,
  );
  return {
    id: 'heldout58-cloudsql-proxy-v2-rejects-v1-flags',
    class: 'config',
    truth: 'The java-service chart 4.0.0 (invoice-api revision 28, 38 min ago) switched the sidecar image from gcr.io/cloudsql-docker/gce-proxy:1.33 (v1) to gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1 (v2) but kept the v1 arguments (`-instances=acme-prod:europe-west1:billing-pg=tcp:5432`, `-credential_file=`). v2 takes the instance as a positional argument and rejects the old flags ("unknown shorthand flag: \'i\' in -instances=…"), so the cloud-sql-proxy container exits 1 and crash-loops and the app in the new pods gets "Connection to 127.0.0.1:5432 refused". The rollout is stuck with the three revision-27 pods still serving. Fix: v2 syntax (`acme-prod:europe-west1:billing-pg --port 5432 --credentials-file …`) or roll back to revision 27.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 4, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 2, 1, 38),
      ...newPods.flatMap((p, k) => [
        ...startedNormally(p, 'app', appImage, 37.5 - k * 0.2),
        ...restartedAgain(p, 'cloud-sql-proxy', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1', { count: 12, firstAgo: 37.4 - k * 0.2, lastAgo: 2.1 + k * 1.3 }),
        backOff(p, 'cloud-sql-proxy', { count: 168, firstAgo: 37.3 - k * 0.2, lastAgo: 0.3 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 220, firstAgo: 36.5, lastAgo: 0.1 }),
      ]),
    ],
    logs: [
      ...newPods.map((p) => logsFor(p, 'cloud-sql-proxy', { current: '', previous: proxyLog })),
      ...newPods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(app, 0), 'cloud-sql-proxy', { current: oldProxyLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cloud-?sql-?proxy|proxy|sidecar/i, /-instances|flag|arg(ument)?s?|v2|2\.14|gce-proxy|revision 28|chart/i],
      facts: [/unknown shorthand flag|-instances/i, /cloud-sql-connectors\/cloud-sql-proxy|2\.14\.1|gce-proxy:1\.33/i, /revision 28|4\.0\.0/i],
      never: [/\bOOM/, /postgres(ql)?[^\n]*(down|outage|unavailable)|Cloud SQL instance[^\n]*down/i, /credential[^\n]*(expired|invalid|missing)|permission denied/i],
    },
  };
}

// ---- 4. entrypoint `set -euo pipefail` and a grep -c that finds nothing -----------------------------

function entrypointPipefailGrep(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.114', ['9', '130', '201']);
  const image = `${ECR}/reporting/report-renderer:3.6.0`;
  const scriptV7 = [
    '#!/bin/bash',
    'echo "report-renderer entrypoint (v7) starting: $(date -u +%FT%TZ) host=$(hostname)"',
    'CONFIG=/etc/app/renderer.yaml',
    'EXTRA=$(grep -c FEATURE_PDF_V2 /etc/app/flags)',
    'if [ "$EXTRA" -gt 0 ]; then',
    '  export RENDER_ENGINE=chromium-v2',
    'fi',
    'WORKERS=$(nproc)',
    'exec node /app/dist/server.js --config "$CONFIG" --workers "$WORKERS"',
    '',
  ].join('\n');
  const scriptV8 = [
    '#!/bin/bash',
    'set -euo pipefail',
    'echo "report-renderer entrypoint (v8) starting: $(date -u +%FT%TZ) host=$(hostname)"',
    'CONFIG=/etc/app/renderer.yaml',
    ': "${RENDER_TMP:=/tmp/render}"',
    'mkdir -p "$RENDER_TMP"',
    'EXTRA=$(grep -c FEATURE_PDF_V2 /etc/app/flags)',
    'if [ "$EXTRA" -gt 0 ]; then',
    '  export RENDER_ENGINE=chromium-v2',
    'fi',
    'WORKERS=$(nproc)',
    'exec node /app/dist/server.js --config "$CONFIG" --workers "$WORKERS"',
    '',
  ].join('\n');
  const flags = configMap({ namespace: ns, name: 'report-renderer-flags', createdAgo: 61 * DAYS, updatedAgo: 9 * DAYS, data: { flags: 'FEATURE_WATERMARK=on\nFEATURE_XLSX_STREAMING=on\nFEATURE_CSV_BOM=off\n' } });
  const ep7 = configMap({ namespace: ns, name: 'report-renderer-entrypoint-v7', createdAgo: 34 * DAYS, data: { 'entrypoint.sh': scriptV7 } });
  const ep8 = configMap({ namespace: ns, name: 'report-renderer-entrypoint-v8', createdAgo: 52, data: { 'entrypoint.sh': scriptV8 } });
  const tpl = (cm: string) => ({
    containers: [container({
      image, command: ['/bin/bash', '/opt/entrypoint/entrypoint.sh'], ports: [3000], cpu: '500m', memory: '1Gi',
      readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'entrypoint', mountPath: '/opt/entrypoint', readOnly: true }, { name: 'flags', mountPath: '/etc/app/flags', subPath: 'flags', readOnly: true }, { name: 'config', mountPath: '/etc/app/renderer.yaml', subPath: 'renderer.yaml', readOnly: true }],
    })],
    volumes: [
      { name: 'entrypoint', configMap: { name: cm, defaultMode: 0o755 } },
      { name: 'flags', configMap: { name: 'report-renderer-flags' } },
      { name: 'config', configMap: { name: 'report-renderer-config' } },
    ],
  });
  const cfg = configMap({ namespace: ns, name: 'report-renderer-config', createdAgo: 61 * DAYS, data: { 'renderer.yaml': 'listen: 3000\nqueue: redis://report-queue.reporting.svc:6379/2\nmax_pages: 400\ntimeout_s: 90\n' } });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-renderer',
    replicas: 3,
    revisions: [
      { revision: 15, createdAgo: 34 * DAYS, changeCause: 'argocd: report-renderer entrypoint v7', template: tpl('report-renderer-entrypoint-v7') },
      { revision: 16, createdAgo: 51, changeCause: 'argocd: report-renderer entrypoint v8 (harden shell, PLAT-877)', template: tpl('report-renderer-entrypoint-v8') },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 15, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 16, node: names[2] ?? '', createdAgo: 50.5, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 0 }, 14) } },
    ],
  });
  const bad = podOf(app, 2);
  const queue = bystander(ns, 'report-scheduler', names, 3 * HOURS, { revisions: [40, 41], versions: ['1.19.2', '1.20.0'], olderAgo: 18 * DAYS });
  const banner = (m: number) => `report-renderer entrypoint (v8) starting: ${at(m).slice(0, 19)}Z host=${bad.metadata?.name ?? ''}\n`;
  return {
    id: 'heldout58-entrypoint-pipefail-grep-count',
    class: 'containers',
    truth: 'Revision 16 of report-renderer (51 min ago) mounts the new entrypoint ConfigMap report-renderer-entrypoint-v8, which adds `set -euo pipefail`. Its line `EXTRA=$(grep -c FEATURE_PDF_V2 /etc/app/flags)` makes grep exit 1 because the flags file has no FEATURE_PDF_V2 line (grep -c prints 0 and still returns 1), and errexit aborts the script right after the start banner with exit code 1 and no error message; the new pod crash-loops while the two revision-15 pods (entrypoint v7, no errexit) keep serving. Fix: `grep -c … || true` (or drop -e around it), or roll back to revision 15.',
    ask: { service: 'report-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...queue.objects, flags, ep7, ep8, cfg,
      ...exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 1, 0, 51),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 2, 3, 51),
      scaledReplicaSet(deploymentOf(queue), rsOf(queue, 41), 2, 0, 3 * HOURS),
      scaledReplicaSet(deploymentOf(queue), rsOf(queue, 40), 0, 2, 3 * HOURS - 2),
      ...startedNormally(bad, 'app', image, 50.5),
      ...restartedAgain(bad, 'app', image, { count: 14, firstAgo: 50.4, lastAgo: 1.6 }),
      backOff(bad, 'app', { count: 231, firstAgo: 50.3, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(bad, 'app', { current: '', previous: banner(1.6) }),
      logsFor(podOf(app, 0), 'app', { current: lines(
        `{"level":30,"time":${Date.parse(at(11.2))},"pid":1,"hostname":"${podOf(app, 0).metadata?.name ?? ''}","msg":"render done","report":"monthly-ar-aging","pages":37,"ms":4120}`,
        `{"level":30,"time":${Date.parse(at(4.7))},"pid":1,"hostname":"${podOf(app, 0).metadata?.name ?? ''}","msg":"render done","report":"daily-settlements","pages":12,"ms":1730}`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/set -e|pipefail|errexit|grep|entrypoint|exit(s|ed)?( code)? 1/i],
      facts: [/report-renderer-entrypoint-v8|entrypoint/i, /grep -c|FEATURE_PDF_V2|pipefail|set -e/i, /revision 16/i],
      never: [/\bOOM/, /report-scheduler/, /image pull|ImagePull/i, /liveness/i, /permission denied|defaultMode/i],
    },
  };
}

// ---- 5. Postgres `cert` auth after a commonName change ----------------------------------------------

function pgCertAuthCommonNameChanged(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.66', ['40', '151', '212']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const hba = [
    '# TYPE  DATABASE  USER      ADDRESS        METHOD',
    'local   all       all                      peer',
    'hostssl all       postgres  10.0.0.0/8     scram-sha-256',
    'hostssl orders    orders    10.0.0.0/8     cert',
    'hostssl orders    reporting 10.0.0.0/8     scram-sha-256',
    'host    all       all       0.0.0.0/0      reject',
    '',
  ].join('\n');
  const pgConf = configMap({ namespace: ns, name: 'orders-db-config', createdAgo: 210 * DAYS, updatedAgo: 60 * DAYS, data: {
    'pg_hba.conf': hba,
    'postgresql.conf': "listen_addresses = '*'\nssl = on\nssl_cert_file = '/tls/tls.crt'\nssl_key_file = '/tls/tls.key'\nssl_ca_file = '/tls/ca.crt'\nmax_connections = 200\nlog_connections = on\n",
  } });
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db',
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf', '-c', 'hba_file=/etc/postgresql/pg_hba.conf'],
      readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }, { name: 'tls', mountPath: '/tls', readOnly: true }],
    })], volumes: [{ name: 'config', configMap: { name: 'orders-db-config' } }, { name: 'tls', secret: { secretName: 'orders-db-server-tls', defaultMode: 0o600 } }] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 17 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const apiImage = `${ECR}/orders/orders-api:12.4.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [{ revision: 61, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 12.4.1', template: {
      containers: [container({
        image: apiImage, ports: [8080], cpu: '1', memory: '1536Mi',
        env: [
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.orders.svc:5432/orders?sslmode=verify-full&sslcert=/tls/client/tls.crt&sslkey=/work/key.pk8&sslrootcert=/tls/client/ca.crt' },
          { name: 'SPRING_DATASOURCE_USERNAME', value: 'orders' },
          { name: 'SPRING_DATASOURCE_HIKARI_MAX_LIFETIME', value: '1800000' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
        volumeMounts: [{ name: 'client-tls', mountPath: '/tls/client', readOnly: true }, { name: 'pk8', mountPath: '/work', readOnly: true }],
      })],
      initContainers: [batchContainer({ name: 'pk8', image: 'docker.io/alpine/openssl:3.3.2', command: ['sh', '-c', 'openssl pkcs8 -topk8 -inform PEM -outform DER -nocrypt -in /tls/src/tls.key -out /work/key.pk8'], cpu: '10m', memory: '32Mi', volumeMounts: [{ name: 'client-tls', mountPath: '/tls/src', readOnly: true }, { name: 'pk8', mountPath: '/work' }] })],
      volumes: [{ name: 'client-tls', secret: { secretName: 'orders-api-pg-client' } }, { name: 'pk8', emptyDir: { medium: 'Memory' } }],
    } }],
    pods: [
      { revision: 61, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 2, ready: false }) } },
      { revision: 61, node: names[2] ?? '', createdAgo: 6 * DAYS - 3, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 3, ready: false }) } },
      { revision: 61, node: names[0] ?? '', createdAgo: 6 * DAYS - 4, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 4, ready: false }) } },
    ],
  });
  const cert = { kind: 'Certificate', name: 'orders-api-pg-client', namespace: ns };
  const cmEvents = [
    event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'Existing issued Secret is not up to date with spec: [spec.commonName]', firstAgo: 44, lastAgo: 44, component: 'cert-manager-certificates-trigger' }),
    event({ on: cert, type: 'Normal', reason: 'Reused', message: 'Reusing private key stored in existing Secret resource "orders-api-pg-client"', firstAgo: 44, lastAgo: 44, component: 'cert-manager-certificates-key-manager' }),
    event({ on: cert, type: 'Normal', reason: 'Requested', message: 'Created new CertificateRequest resource "orders-api-pg-client-7"', firstAgo: 44, lastAgo: 44, component: 'cert-manager-certificates-request-manager' }),
    event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstAgo: 43.9, lastAgo: 43.9, component: 'cert-manager-certificates-issuing' }),
    event({ on: { kind: 'CertificateRequest', name: 'orders-api-pg-client-7', namespace: ns }, type: 'Normal', reason: 'CertificateIssued', message: 'Certificate fetched from issuer successfully', firstAgo: 43.9, lastAgo: 43.9, component: 'cert-manager-certificaterequests-issuer-ca' }),
  ];
  const dbPod = podOf(db, 0);
  const pgLog = (() => {
    const out: string[] = [
      `${pgTime(3 * HOURS)} [1] LOG:  checkpoint starting: time`,
      `${pgTime(3 * HOURS - 2)} [1] LOG:  checkpoint complete: wrote 2211 buffers (1.7%); 0 WAL file(s) added, 0 removed, 1 recycled; write=119.911 s, sync=0.012 s, total=119.948 s`,
    ];
    let pid = 48113;
    for (let i = 0; i < 12; i++) {
      const t = 41 - i * 3.4;
      const src = ['10.0.66.151', '10.0.66.212', '10.0.66.40'][i % 3] ?? '';
      pid += 7 + i;
      out.push(
        `${pgTime(t)} [${pid}] LOG:  connection received: host=${src.replace(/\d+$/, String(90 + i))} port=${41000 + i * 131}`,
        `${pgTime(t)} [${pid}] LOG:  provided user name (orders) and authenticated user name (orders-api.orders.svc) do not match`,
        `${pgTime(t)} [${pid}] FATAL:  certificate authentication failed for user "orders"`,
        `${pgTime(t)} [${pid}] DETAIL:  Connection matched file "/etc/postgresql/pg_hba.conf" line 4: "hostssl orders    orders    10.0.0.0/8     cert"`,
      );
      if (i % 4 === 0) out.push(`${pgTime(t - 0.5)} [${pid + 3}] LOG:  connection authorized: user=reporting database=orders SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)`);
    }
    return out.join('\n') + '\n';
  })();
  const jTime = (m: number) => at(m).replace('Z', '+00:00');
  const apiLog = (k: number) => lines(
    `${jTime(45 - k)}  INFO 1 --- [orders-api] [nio-8080-exec-7] c.a.orders.web.OrderController           : POST /v1/orders 201 (42 ms)`,
    ...Array.from({ length: 8 }, (_, i) => [
      `${jTime(40 - i * 4.6 - k * 0.3)}  WARN 1 --- [orders-api] [onnection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Pool is empty, failed to create/setup connection (f${k}${i}c2d1a-…)`,
      'org.postgresql.util.PSQLException: FATAL: certificate authentication failed for user "orders"',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:698)',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:207)',
      '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:477)',
      `${jTime(39.8 - i * 4.6 - k * 0.3)} ERROR 1 --- [orders-api] [nio-8080-exec-${2 + i}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection`,
    ].join('\n')),
  );
  return {
    id: 'heldout58-pg-cert-auth-commonname-changed',
    class: 'config',
    truth: 'orders-db authenticates the orders-api with client certificates (pg_hba `hostssl orders orders 10.0.0.0/8 cert`), which requires the certificate\'s CN to equal the database user "orders". 44 minutes ago cert-manager re-issued the Certificate orders-api-pg-client because its spec.commonName changed (the chart template now sets "orders-api.orders.svc"); kubelet refreshed the mounted Secret and every new connection is refused: "provided user name (orders) and authenticated user name (orders-api.orders.svc) do not match" / FATAL: certificate authentication failed for user "orders". As Hikari recycles connections the pool empties and all three orders-api pods turn unready. Postgres is up; the key was reused, nothing expired. Fix: restore commonName "orders" (or add a pg_ident map and `cert map=…`).',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, pgConf, ...cmEvents,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 150 - k * 20, firstAgo: 31 - k * 4, lastAgo: 0.2 })),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: pgLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cert(ificate)?|\bCN\b|common ?name/i, /orders-api\.orders\.svc|user ?name|do not match|mismatch|common ?name|\bCN\b|orders-api-pg-client|authentication/i],
      facts: [/orders-api\.orders\.svc/, /certificate authentication failed|do not match/i, /orders-api-pg-client|commonName|cert-manager/i],
      never: [/password/i, /expir/i, /\bOOM/, /orders-db[^\n]*(down|crash|not ready|unavailable)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. a thread pool per request: the JVM runs out of native threads every ~2 h -------------------

function threadLeakPerRequestPool(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.102', ['33', '160', '219']);
  const image = (v: string) => `${ECR}/pricing/quote-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -Xss1m' },
        { name: 'RATES_URL', value: 'http://fx-rates.pricing.svc:8080' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
    })],
  });
  const restarts = [4, 4, 3];
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    revisions: [
      { revision: 51, createdAgo: 15 * DAYS, changeCause: 'argocd: quote-service 3.7.4', template: tpl('3.7.4') },
      { revision: 52, createdAgo: 9 * HOURS + 10, changeCause: 'argocd: quote-service 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 52, node: names[k] ?? '', createdAgo: 9 * HOURS + 8 - k,
      containers: { app: running({ sinceAgo: [44, 71, 102][k] ?? 44, restarts: restarts[k] ?? 3, last: { exitCode: 3, finishedAgo: ([44, 71, 102][k] ?? 44) + 0.2, ranSeconds: (118 + k * 6) * 60 } }) },
    })),
    settled: { available: true, availableSince: 9 * HOURS + 4, progressingSince: 9 * HOURS + 10, progressingUpdatedAgo: 9 * HOURS + 4 },
  });
  const fx = bystander(ns, 'fx-rates', names, 5 * HOURS, { revisions: [22, 23], versions: ['2.1.0', '2.1.1'], olderAgo: 30 * DAYS });
  const jTime = (m: number) => at(m).replace('Z', '+00:00');
  const prev = (k: number) => {
    const end = ([44, 71, 102][k] ?? 44) + 0.2;
    const start = end + 118 + k * 6;
    const out: string[] = [
      `${jTime(start)}  INFO 1 --- [quote-service] [           main] c.a.pricing.QuoteServiceApplication      : Starting QuoteServiceApplication v3.8.0 using Java 21.0.5 with PID 1`,
      `${jTime(start - 0.4)}  INFO 1 --- [quote-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = start - 10 - i * 20;
      out.push(`${jTime(t)}  INFO 1 --- [quote-service] [   scheduling-1] c.a.pricing.ops.RuntimeStatsLogger       : jvm threads live=${420 + i * 640 + k * 11} daemon=${38 + i} peak=${420 + i * 640 + k * 11} heap_used=${610 + i * 18}MB rss=${980 + i * 95}MB`);
    }
    out.push(
      `${jTime(end + 0.4)}  INFO 1 --- [quote-service] [   scheduling-1] c.a.pricing.ops.RuntimeStatsLogger       : jvm threads live=${4031 + k} daemon=44 peak=${4031 + k} heap_used=738MB rss=1544MB`,
      `[${(start - end) * 60}s][warning][os,thread] Failed to start thread "Unknown thread" - pthread_create failed (EAGAIN) for attributes: stacksize: 1024k, guardsize: 0k, detached.`,
      `[${(start - end) * 60}s][warning][os,thread] Failed to start the native thread for java.lang.Thread "pool-${4017 + k * 3}-thread-1"`,
      `${jTime(end + 0.05)} ERROR 1 --- [quote-service] [nio-8080-exec-${12 + k}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached] with root cause`,
      '',
      'java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
      '\tat java.base/java.lang.Thread.start0(Native Method)',
      '\tat java.base/java.lang.Thread.start(Thread.java:1526)',
      '\tat java.base/java.util.concurrent.ThreadPoolExecutor.addWorker(ThreadPoolExecutor.java:945)',
      '\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1364)',
      '\tat java.base/java.util.concurrent.AbstractExecutorService.submit(AbstractExecutorService.java:145)',
      '\tat com.acme.pricing.quote.QuoteFanout.quote(QuoteFanout.java:58)',
      '\tat com.acme.pricing.quote.QuoteController.quote(QuoteController.java:41)',
      'Terminating due to java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
    );
    return out.join('\n') + '\n';
  };
  const cur = (k: number) => lines(
    `${jTime(([44, 71, 102][k] ?? 44) - 0.1)}  INFO 1 --- [quote-service] [           main] c.a.pricing.QuoteServiceApplication      : Started QuoteServiceApplication in 14.212 seconds (process running for 15.03)`,
    `${jTime(([44, 71, 102][k] ?? 44) - 12)}  INFO 1 --- [quote-service] [   scheduling-1] c.a.pricing.ops.RuntimeStatsLogger       : jvm threads live=${(([44, 71, 102][k] ?? 44) - 12) * 32} daemon=39 peak=${(([44, 71, 102][k] ?? 44) - 12) * 32} heap_used=622MB rss=1011MB`,
  );
  return {
    id: 'heldout58-thread-leak-executor-per-request',
    class: 'containers',
    truth: 'quote-service 3.8.0 (revision 52, 9 h ago) creates a new fixed thread pool (Executors.newFixedThreadPool in QuoteFanout.quote) on every request and never shuts it down; idle pool threads accumulate (~32 per minute) until, after about two hours and ~4000 threads, pthread_create fails (EAGAIN, the pod\'s pids limit) and the JVM throws "OutOfMemoryError: unable to create native thread" and, with -XX:+ExitOnOutOfMemoryError, exits with code 3. Every pod restarts roughly every 2 h (3–4 restarts since the rollout); heap (~740 MB) and RSS (~1.5 GB) stay below the 2Gi limit, so it is not a memory OOM kill. Fix: roll back to 3.7.4 / reuse one shared executor.',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 52), 3, 0, 9 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 51), 0, 3, 9 * HOURS + 4),
      scaledReplicaSet(deploymentOf(fx), rsOf(fx, 23), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(fx), rsOf(fx, 22), 0, 2, 5 * HOURS - 2),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image('3.8.0'), { count: restarts[k] ?? 3, firstAgo: 7 * HOURS, lastAgo: [44, 71, 102][k] ?? 44 }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ip(p)}:8081/actuator/health/readiness": dial tcp ${ip(p)}:8081: connect: connection refused`, { count: 2 * (restarts[k] ?? 3), firstAgo: 7 * HOURS, lastAgo: ([44, 71, 102][k] ?? 44) - 0.2 }),
      ]),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: cur(k), previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/thread/i, /native thread|thread (leak|pool|count|exhaust)|pthread|Executor|unable to create|3\.8\.0|revision 52/i],
      facts: [/unable to create native thread/i, /3\.8\.0|revision 52/i, /QuoteFanout|newFixedThreadPool|ExecutorService|threads live|\b40\d\d\b/i],
      never: [/\bOOM ?Kill|OOMKilled|memory limit|exit(ed)?( code)? 137/i, /heap (exhaust|too small|space)|increase (the )?memory|-Xmx/i, /fx-rates/, /liveness/i],
    },
  };
}

// ---- 7. healthy: ASP.NET Core Data Protection keys in Redis, no XML encryptor -----------------------

function healthyAspNetDataProtectionNoEncryptor(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.126', ['12', '99', '187']);
  const image = `${ECR}/identity/account-portal:4.2.0`;
  const redis = deploymentApp({
    namespace: ns,
    name: 'portal-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({
      name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '100m', memory: '256Mi',
      readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('redis', { initialDelaySeconds: 10 }),
    })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 26 * DAYS }],
  });
  const tpl = (v: string) => ({
    containers: [container({
      image: image.replace('4.2.0', v), ports: [8080], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' },
        { name: 'DataProtection__Redis', value: 'portal-redis.identity.svc:6379' },
        { name: 'DataProtection__ApplicationName', value: 'account-portal' },
      ],
      readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'account-portal',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 12 * DAYS, changeCause: 'argocd: account-portal 4.1.3', template: tpl('4.1.3') },
      { revision: 34, createdAgo: 26 * HOURS, changeCause: 'argocd: account-portal 4.2.0', template: tpl('4.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 26 * HOURS - k })),
    settled: { available: true, availableSince: 26 * HOURS - 3, progressingSince: 26 * HOURS, progressingUpdatedAgo: 26 * HOURS - 3 },
  });
  const keyId = 'b7e2c1d4-3f6a-4e8b-9c01-5a2d7f3e9b64';
  const appLog = (k: number) => {
    const name = podOf(app, k).metadata?.name ?? '';
    return lines(
      'info: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[63]',
      "      Using key repository 'StackExchange.Redis (DataProtection-Keys)' for persistence.",
      'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
      `      No XML encryptor configured. Key {${keyId}} may be persisted to storage in unencrypted form.`,
      'info: Microsoft.Hosting.Lifetime[14]',
      '      Now listening on: http://[::]:8080',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Hosting environment: Production',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Content root path: /app',
      ...Array.from({ length: 6 }, (_, i) => [
        'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
        `      Request finished HTTP/1.1 ${['GET /account/profile', 'POST /account/login', 'GET /account/orders'][i % 3]} - ${i % 3 === 1 ? 302 : 200} - - ${(12.4 + i * 3.1 + k).toFixed(4)}ms`,
      ].join('\n')),
      `info: AccountPortal.Health[0]\n      pod=${name} keyring keys=3 default={${keyId}} source=redis`,
    );
  };
  return {
    id: 'heldout58-healthy-aspnet-dataprotection-no-encryptor',
    class: 'healthy',
    truth: 'account-portal 4.2.0 (rolled out 26 h ago) is healthy: three ready pods serving logins and profile pages. At startup ASP.NET Core warns "No XML encryptor configured. Key {…} may be persisted to storage in unencrypted form." because the Data Protection key ring is stored in the portal-redis instance without ProtectKeysWith…; the keys are shared and persisted (all pods use the same default key, antiforgery and auth cookies work across replicas). The warning is an at-rest-encryption hardening note, not a failure.',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'portal-redis', selector: { app: 'portal-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 26 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 26 * HOURS - 3),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: appLog(k) })),
      logsFor(podOf(redis, 0), 'redis', { current: lines('1:M 21 Nov 2026 02:41:07.118 * 100 changes in 300 seconds. Saving...', '1:M 21 Nov 2026 02:41:07.121 * Background saving started by pid 2208', '2208:C 21 Nov 2026 02:41:07.163 * DB saved on disk', '1:M 21 Nov 2026 02:41:07.222 * Background saving terminated with success') }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|ready|running|fine|ok\b/i],
      facts: [/account-portal/],
      never: [/encryptor|unencrypted|data ?protection|key ?ring/i, /portal-redis[^\n]*(down|fail|unavailable)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  sqsReadTimeoutUnderLongPoll(),
  fdLeakOldPodsOnly(),
  cloudSqlProxyV2WithV1Args(),
  entrypointPipefailGrep(),
  pgCertAuthCommonNameChanged(),
  threadLeakPerRequestPool(),
  healthyAspNetDataProtectionNoEncryptor(),
];
