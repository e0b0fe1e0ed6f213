// Held-out stories, fifty-fifth round, part two: a partner that began redirecting http:// to
// https:// with a 301, so the payout client (base URL in a ConfigMap) follows it as a GET and gets
// 405 on every call; a reindex CronJob without timeZone whose edited schedule now fires in the
// business's morning peak and saturates the database; a Tomcat service whose 200 request threads
// all hang on socket reads to a slow partner (no client timeout); a new Bottlerocket node pool with
// SELinux enforcing where a hostPath cache gets EACCES; a producer revision enqueueing mailer jobs
// into `mailers_v2`, a queue no Sidekiq worker listens to; a 3×3×3 retry storm on an inventory
// service; and a healthy control: pgbouncer closing idle server connections as configured.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback's default pattern time: `2026-11-21 03:12:41.563`. */
const jTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Postgres' log_line_prefix time. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** Rails' logger time: `2026-11-21T03:12:41.563412`. */
const rbTime = (m: number): string => at(m).replace('Z', '412');
/** Splits a log at a restart `m` minutes ago: lines (with their continuation lines) before and after. */
function splitAt(log: string, m: number): { before: string; after: string } {
  const cut = Date.parse(at(m));
  const before: string[] = [];
  const after: string[] = [];
  let into = before;
  for (const l of log.split('\n').filter((x) => x !== '')) {
    const ts = /(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(l);
    if (ts) into = Date.parse(`${ts[1]}T${ts[2]}Z`) < cut ? before : after;
    into.push(l);
  }
  return { before: lines(...before), after: after.length > 0 ? lines(...after) : '' };
}

// ---- 1. partner enforces HTTPS with a 301; the POST is replayed as a GET and gets 405 ------------

function httpsRedirectTurnsPostIntoGet(): CorpusScenario {
  const ns = 'payouts';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '222']);
  const image = (v: string) => `${ECR}/payouts/payout-dispatcher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '250m', memory: '384Mi',
      envFrom: [{ configMapRef: { name: 'payout-dispatcher-config' } }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'payout-dispatcher', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 34 * DAYS, changeCause: 'argocd: payout-dispatcher 3.8.1', template: tpl('3.8.1') },
      { revision: 19, createdAgo: 12 * DAYS, changeCause: 'argocd: payout-dispatcher 3.8.2', template: tpl('3.8.2') },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 19, node: names[2] ?? '', createdAgo: 12 * DAYS - 1 }],
  });
  const cm = configMap({
    namespace: ns, name: 'payout-dispatcher-config', createdAgo: 210 * DAYS,
    data: {
      SETTLEPAY_BASE_URL: 'http://api.settlepay.eu/v2',
      SETTLEPAY_TIMEOUT_SECONDS: '10',
      PAYOUT_BATCH_SIZE: '50',
      LOG_LEVEL: 'INFO',
      URLLIB3_LOG_LEVEL: 'DEBUG',
    },
  });
  const other = bystander(ns, 'payout-reconciler', names, 95, { revisions: [40, 41], versions: ['1.14.0', '1.15.0'], olderAgo: 20 * DAYS });
  const log = (k: number) => {
    const out: string[] = [
      `${pyTime(70 - k)} INFO [payouts.worker] picked batch id=b-${88120 + k} size=50`,
      `${pyTime(70 - k)} DEBUG [urllib3.connectionpool] Resetting dropped connection: api.settlepay.eu`,
      `${pyTime(70 - k)} DEBUG [urllib3.connectionpool] http://api.settlepay.eu:80 "POST /v2/payouts HTTP/1.1" 201 412`,
      `${pyTime(69.9 - k)} INFO [payouts.client] payout created payout_id=po_7Hq${k}2LmX amount=1250.00 EUR status=201`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 48 - i * 4.5 - k * 0.3;
      const id = 55_310 + i * 7 + k;
      out.push(
        `${pyTime(t)} INFO [payouts.worker] picked batch id=b-${88200 + i * 2 + k} size=50`,
        `${pyTime(t)} DEBUG [urllib3.connectionpool] http://api.settlepay.eu:80 "POST /v2/payouts HTTP/1.1" 301 162`,
        `${pyTime(t - 0.002)} DEBUG [urllib3.connectionpool] Starting new HTTPS connection (1): api.settlepay.eu:443`,
        `${pyTime(t - 0.005)} DEBUG [urllib3.connectionpool] https://api.settlepay.eu:443 "GET /v2/payouts HTTP/1.1" 405 74`,
        `${pyTime(t - 0.006)} ERROR [payouts.client] payout request failed payout_ref=PR-${id} status=405 body={"error":"method_not_allowed","message":"GET is not allowed on /v2/payouts; allowed: POST"}`,
        `${pyTime(t - 0.007)} WARNING [payouts.worker] batch b-${88200 + i * 2 + k}: 50/50 payouts failed, leaving them PENDING for the next run`,
      );
      if (i % 4 === 1) out.push(`${pyTime(t - 0.01)} INFO [gunicorn.access] 10.0.${40 + k}.17 - - "GET /healthz HTTP/1.1" 200 15 "-" "kube-probe/1.31"`);
    }
    return lines(...out);
  };
  const pods = app.pods;
  return {
    id: 'heldout55-https-redirect-post-becomes-get-405',
    class: 'config',
    truth: 'SettlePay began enforcing HTTPS about 50 minutes ago with a 301 from http:// to https://; payout-dispatcher\'s base URL in the payout-dispatcher-config ConfigMap is still http://api.settlepay.eu, and python-requests follows the 301 by replaying the POST as a GET, so every payout call gets 405 Method Not Allowed. The fix is to set the base URL to https://.',
    ask: { service: 'payout-dispatcher' },
    objects: [
      ...nodes, ...app.objects, cm, ...other.objects,
      ...exposed({ namespace: ns, name: 'payout-dispatcher', selector: { app: 'payout-dispatcher' }, pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 95),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/\b301\b|redirect|https|http:\/\//i, /405|method not allowed|\bPOST\b[^\n]*\bGET\b|\bGET\b[^\n]*\bPOST\b|SETTLEPAY_BASE_URL|base URL|settlepay/i],
      facts: [/405|Method Not Allowed/i, /\b301\b/, /http:\/\/api\.settlepay\.eu|SETTLEPAY_BASE_URL|payout-dispatcher-config/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /payout-reconciler[^\n]*(caus|broke)/i, /NetworkPolicy/],
    },
  };
}

// ---- 2. reindex CronJob without timeZone now fires in the morning peak ------------------------------

function reindexCronInMorningPeak(): CorpusScenario {
  const ns = 'grocer';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '88', '203']);
  const apiImage = `${ECR}/grocer/catalog-api:5.3.0`;
  const api = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 3,
    revisions: [{ revision: 61, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 5.3.0', template: {
      containers: [container({
        image: apiImage, ports: [8080], cpu: '500m', memory: '512Mi',
        env: [{ name: 'DATABASE_URL', value: 'postgres://catalog@grocer-prod.cluster-cq8vx1.ap-south-1.rds.amazonaws.com:5432/catalog' }, { name: 'DB_STATEMENT_TIMEOUT', value: '3s' }],
        readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
      })],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ready: k === 1, containers: k === 1 ? undefined : { app: running({ sinceAgo: 6 * DAYS - k, ready: false }) } })),
  });
  const reindexImage = `${ECR}/grocer/search-reindex:2.1.4`;
  const cron = cronJob({
    namespace: ns, name: 'catalog-reindex', schedule: '0 3 * * *',
    template: { containers: [batchContainer({ name: 'reindex', image: reindexImage, cpu: '1', memory: '2Gi', args: ['--full', '--concurrency=16', '--rebuild-materialized-views'] })] },
    jobs: [
      { createdAgo: 2 * DAYS + 5 * HOURS + 44, pods: [{ node: names[2] ?? '', createdAgo: 2 * DAYS + 5 * HOURS + 44, phase: 'Succeeded', containers: { reindex: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(2 * DAYS + 5 * HOURS + 44))), finishedAt: new Date(Date.parse(at(2 * DAYS + 5 * HOURS - 8))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS + 5 * HOURS - 8 } },
      { createdAgo: DAYS + 5 * HOURS + 44, pods: [{ node: names[0] ?? '', createdAgo: DAYS + 5 * HOURS + 44, phase: 'Succeeded', containers: { reindex: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(DAYS + 5 * HOURS + 44))), finishedAt: new Date(Date.parse(at(DAYS + 5 * HOURS - 5))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS + 5 * HOURS - 5 } },
      { createdAgo: 14, pods: [{ node: names[1] ?? '', createdAgo: 14 }] },
    ],
    lastSuccessfulAgo: DAYS + 5 * HOURS - 5,
  });
  // The schedule was `30 21 * * *` (03:00 IST written in UTC); yesterday someone "fixed" it to `0 3 * * *`.
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  cronObj.metadata = {
    ...cronObj.metadata, generation: 2,
    annotations: { 'grocer.in/owner': 'search-team', 'grocer.in/description': 'Full catalog reindex + materialized view refresh. Must run off-peak (03:00 IST).' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'batch/v1', time: new Date(Date.parse(at(120 * DAYS))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:jobTemplate': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'batch/v1', time: new Date(Date.parse(at(14 * HOURS + 20))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {} } } },
    ],
  };
  const runningJob = cron.jobs[2];
  const reindexPod = runningJob?.pods[0];
  const apiPods = api.pods;
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(30 - k)}","msg":"request","method":"GET","path":"/v1/stores/blr-214/catalog","status":200,"duration_ms":${41 + k}}`,
      `{"level":"info","ts":"${at(20 - k)}","msg":"request","method":"GET","path":"/v1/search","q":"milk","status":200,"duration_ms":${63 + k}}`,
      `{"level":"info","ts":"${at(15.2)}","msg":"db pool stats","in_use":${6 + k},"idle":14,"max":20}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 12.5 - i * 0.85 - k * 0.07;
      out.push(`{"level":"error","ts":"${at(t)}","msg":"request failed","method":"GET","path":"/v1/search","status":504,"duration_ms":${3000 + i * 11},"error":"pq: canceling statement due to statement timeout"}`);
      if (i % 3 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.01)}","msg":"db pool stats","in_use":20,"idle":0,"max":20,"wait_count":${310 + i * 97},"wait_ms_p99":${1800 + i * 140}}`);
      if (i % 4 === 2) out.push(`{"level":"info","ts":"${at(t - 0.02)}","msg":"request","method":"GET","path":"/v1/banners","status":200,"duration_ms":${880 + i * 40}}`);
    }
    return lines(...out);
  };
  const reindexLog = lines(
    `${pyTime(13.9)} INFO reindex starting: mode=full concurrency=16 rebuild_materialized_views=True`,
    `${pyTime(13.9)} INFO connected to grocer-prod.cluster-cq8vx1.ap-south-1.rds.amazonaws.com:5432/catalog as reindex`,
    `${pyTime(13.8)} INFO REFRESH MATERIALIZED VIEW CONCURRENTLY store_product_availability ...`,
    `${pyTime(9.1)} INFO refreshed store_product_availability in 281.4s`,
    `${pyTime(9.1)} INFO REINDEX INDEX CONCURRENTLY idx_products_search_tsv ...`,
    `${pyTime(6.0)} INFO scanned 1,200,000/4,812,330 products (24.9%) rate=6.4k/s`,
    `${pyTime(3.0)} INFO scanned 2,150,000/4,812,330 products (44.7%) rate=5.3k/s`,
    `${pyTime(0.5)} INFO scanned 2,900,000/4,812,330 products (60.3%) rate=5.0k/s eta=6m22s`,
  );
  const events = [
    cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(runningJob?.objects[0])}`, 14),
    jobEvent(runningJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(reindexPod)}`, 14),
    ...(reindexPod === undefined ? [] : startedNormally(reindexPod, 'reindex', reindexImage, 14)),
    ...[0, 2].map((k) => probeFailed(podOf(api, k), 'app', 'Readiness', `Get "http://${podOf(api, k).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41 + k, firstAgo: 11, lastAgo: 0.3 })),
  ];
  return {
    id: 'heldout55-reindex-cronjob-utc-in-morning-peak',
    class: 'jobs',
    truth: 'The catalog-reindex CronJob has no timeZone, so its schedule is read in UTC; yesterday its schedule was edited from "30 21 * * *" to "0 3 * * *" (meant as 03:00 IST), so the heavy full reindex started at 03:00 UTC = 08:30 IST, the morning ordering peak, saturating the shared database; catalog-api queries hit their 3 s statement timeout and its pods go unready while the job runs.',
    ask: { service: 'catalog-api' },
    objects: [
      ...nodes, ...api.objects, ...cron.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: apiPods }),
      ...events,
    ],
    logs: [
      ...apiPods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...(reindexPod === undefined ? [] : [logsFor(reindexPod, 'reindex', { current: reindexLog })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/catalog-reindex|reindex|cron ?job/i],
      facts: [/catalog-reindex/, /statement timeout|timed? ?out|504/i, /0 3 \* \* \*|03:00|timeZone|time zone|UTC/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /catalog-api[^\n]*revision 61[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 3. Tomcat's 200 threads all stuck reading from a slow partner, no client timeout ---------------

function tomcatThreadsStuckOnPartner(): CorpusScenario {
  const ns = 'travel';
  const { nodes, names } = threeEksNodes('10.0.33', ['61', '130', '244']);
  const image = `${ECR}/travel/fare-quote-service:2.19.0`;
  const app = deploymentApp({
    namespace: ns, name: 'fare-quote', replicas: 3,
    revisions: [{ revision: 27, createdAgo: 9 * DAYS, changeCause: 'argocd: fare-quote 2.19.0', template: {
      containers: [container({
        image, ports: [8080], cpu: '1', memory: '1536Mi',
        env: [
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
          { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' },
          { name: 'AIRLINK_BASE_URL', value: 'https://gds.airlink-partner.com/api/v3' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 2, failureThreshold: 6 }),
      })],
    } }],
    pods: [0, 1, 2].map((k) => ({
      revision: 27, node: names[k] ?? '', createdAgo: 9 * DAYS - k,
      containers: { app: k === 1 ? running({ sinceAgo: 6, ready: false, restarts: 2, last: { exitCode: 143, finishedAgo: 6.1, ranSeconds: 590 } }) : running({ sinceAgo: 9 * DAYS - k, ready: false }) },
    })),
  });
  const other = bystander(ns, 'fare-rules-admin', names, 160, { revisions: [12, 13], versions: ['0.9.4', '0.9.5'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out = [
      `${jTime(80 - k)}  INFO 1 --- [nio-8080-exec-12] c.t.f.quote.QuoteController             : quote LON-JFK pax=2 cabin=Y took 412 ms (airlink 371 ms)`,
      `${jTime(60 - k)}  INFO 1 --- [nio-8080-exec-40] c.t.f.quote.QuoteController             : quote MAD-CDG pax=1 cabin=Y took 538 ms (airlink 497 ms)`,
      `${jTime(41 - k)}  INFO 1 --- [nio-8080-exec-77] c.t.f.quote.QuoteController             : quote FRA-SIN pax=1 cabin=J took 9874 ms (airlink 9811 ms)`,
      `${jTime(36 - k)}  INFO 1 --- [nio-8080-exec-91] c.t.f.quote.QuoteController             : quote LHR-DXB pax=3 cabin=Y took 48213 ms (airlink 48160 ms)`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 24 - i * 4 - k * 0.2;
      const th = 12 + i * 31 + k;
      out.push(
        `${jTime(t)}  WARN 1 --- [alina-utility-2] o.a.c.valves.StuckThreadDetectionValve  : Thread [http-nio-8080-exec-${th}] (id=[${60 + th}]) has been active for [${61_000 + i * 30_517}] milliseconds (since [${at(t + 1 + i * 0.5)}]) to serve the same request for [http://fare-quote.travel.svc.cluster.local/v1/quotes?from=LHR&to=JFK&pax=2] and may be stuck (configured threshold for this StuckThreadDetectionValve is [60] seconds). There is/are [${170 + i * 7 > 200 ? 200 : 170 + i * 7}] thread(s) in total that are monitored by this Valve and may be stuck.`,
        'java.lang.Throwable: null',
        '\tat java.base/sun.nio.ch.NioSocketImpl.park(NioSocketImpl.java:191)',
        '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:280)',
        '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)',
        '\tat java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:346)',
        '\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
        '\tat java.base/sun.security.ssl.SSLSocketInputRecord.read(SSLSocketInputRecord.java:489)',
        '\tat java.base/sun.security.ssl.SSLSocketImpl.readApplicationRecord(SSLSocketImpl.java:1509)',
        '\tat org.apache.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:153)',
        '\tat org.apache.http.impl.conn.DefaultHttpResponseParserFactory$1.parseHead(DefaultHttpResponseParser.java:140)',
        '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:878)',
        '\tat com.travel.fare.airlink.AirlinkClient.search(AirlinkClient.java:88)',
        '\tat com.travel.fare.quote.QuoteService.quote(QuoteService.java:54)',
        `${jTime(t - 0.3)}  INFO 1 --- [   scheduling-1] c.t.f.metrics.PoolReporter               : tomcat.threads.busy=200 tomcat.threads.config.max=200 airlink.inflight=${196 + (i % 3)} airlink.p50_ms=${71_000 + i * 9_000}`,
      );
      if (i === 2) out.push(`${jTime(t - 0.4)}  INFO 1 --- [nio-8080-exec-${th + 3}] c.t.f.quote.QuoteController             : quote BCN-FCO pax=2 cabin=Y took 131402 ms (airlink 131355 ms)`);
    }
    return lines(...out);
  };
  const pods = app.pods;
  const events = [
    ...pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 118 + k * 9, firstAgo: 33, lastAgo: 0.2 })),
    probeFailed(podOf(app, 1), 'app', 'Liveness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 14, firstAgo: 20, lastAgo: 0.4 }),
    probeKilling(podOf(app, 1), 'app', 'liveness', { count: 2, firstAgo: 16, lastAgo: 6.2 }),
    ...restartedAgain(podOf(app, 1), 'app', image, { count: 2, firstAgo: 16, lastAgo: 6 }),
  ];
  return {
    id: 'heldout55-tomcat-threads-stuck-slow-partner',
    class: 'capacity',
    truth: 'The Airlink partner API has slowed from ~0.5 s to over a minute per call since about 40 minutes ago; fare-quote\'s RestTemplate has no connect/read timeout, so all 200 Tomcat request threads (maxThreads 200) are blocked in socket reads to the partner, new requests and the health probes queue and time out, and the pods go unready (one was restarted by its liveness probe). Fix: a client read timeout and a bulkhead/circuit breaker on the partner call.',
    ask: { service: 'fare-quote' },
    objects: [...nodes, ...app.objects, ...other.objects, ...exposed({ namespace: ns, name: 'fare-quote', selector: { app: 'fare-quote' }, pods }), ...events],
    logs: pods.map((p, k) => k !== 1 ? logsFor(p, 'app', { current: log(k) }) : logsFor(p, 'app', {
      previous: splitAt(splitAt(log(k), 16).after, 6.1).before,
      current: lines(
        `${jTime(5.9)}  INFO 1 --- [           main] c.t.f.FareQuoteApplication               : Starting FareQuoteApplication v2.19.0 using Java 21.0.5 with PID 1`,
        `${jTime(5.2)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
        `${jTime(5.2)}  INFO 1 --- [           main] c.t.f.FareQuoteApplication               : Started FareQuoteApplication in 41.772 seconds (process running for 42.9)`,
        `${jTime(3.1)}  INFO 1 --- [   scheduling-1] c.t.f.metrics.PoolReporter               : tomcat.threads.busy=143 tomcat.threads.config.max=200 airlink.inflight=141 airlink.p50_ms=88000`,
        `${jTime(1.1)}  WARN 1 --- [alina-utility-1] o.a.c.valves.StuckThreadDetectionValve  : Thread [http-nio-8080-exec-3] (id=[54]) has been active for [60,412] milliseconds (since [${at(2.1)}]) to serve the same request for [http://fare-quote.travel.svc.cluster.local/v1/quotes?from=CDG&to=YUL&pax=1] and may be stuck (configured threshold for this StuckThreadDetectionValve is [60] seconds). There is/are [188] thread(s) in total that are monitored by this Valve and may be stuck.`,
        '\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
        '\tat com.travel.fare.airlink.AirlinkClient.search(AirlinkClient.java:88)',
        `${jTime(0.2)}  INFO 1 --- [   scheduling-1] c.t.f.metrics.PoolReporter               : tomcat.threads.busy=200 tomcat.threads.config.max=200 airlink.inflight=199 airlink.p50_ms=91000`,
      ),
    })),
    expect: {
      verdict: 'problems',
      headline: [/thread|maxThreads|\b200\b|timeout|airlink|partner|stuck|slow/i],
      facts: [/airlink|partner/i, /StuckThread|thread|maxThreads|busy=200/i, /readiness|Readiness probe/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /memory limit/i, /fare-rules-admin[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 4. SELinux enforcing on a new Bottlerocket pool: hostPath cache gets EACCES ---------------------

function selinuxBottlerocketHostPath(): CorpusScenario {
  const ns = 'imaging';
  const old = threeEksNodes('10.0.52', ['20', '117', '199']);
  const brNames = ['10.0.53.41', '10.0.53.166'].map(eksNodeName);
  const brNodes = brNames.map((name, i) => {
    const n = node({ name, zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general-br', instanceType: 'm6i.2xlarge', createdAgo: 3 * HOURS });
    const info = n.status?.nodeInfo;
    if (info !== undefined) {
      info.osImage = 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)';
      info.kernelVersion = '6.1.112';
      info.containerRuntimeVersion = 'containerd://1.7.22+bottlerocket';
    }
    return n;
  });
  const image = `${ECR}/imaging/thumbnailer:4.2.7`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'MODEL_CACHE_DIR', value: '/var/cache/thumbnailer' }],
      volumeMounts: [{ name: 'model-cache', mountPath: '/var/cache/thumbnailer' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    })],
    volumes: [{ name: 'model-cache', hostPath: { path: '/mnt/thumbnailer-cache', type: 'DirectoryOrCreate' } }],
    securityContext: { runAsUser: 0 },
  };
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 4,
    revisions: [{ revision: 9, createdAgo: 23 * DAYS, changeCause: 'argocd: thumbnailer 4.2.7', template: tpl }],
    pods: [
      { revision: 9, node: old.names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 9, node: old.names[2] ?? '', createdAgo: 23 * DAYS - 1 },
      { revision: 9, node: brNames[0] ?? '', createdAgo: 2 * HOURS + 40, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 3 }, 31) } },
      { revision: 9, node: brNames[1] ?? '', createdAgo: 2 * HOURS + 38, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 3 }, 31) } },
    ],
  });
  // The old pool's first node is cordoned: the migration to the Bottlerocket pool is under way.
  const cordoned = old.nodes[1];
  if (cordoned?.spec !== undefined) {
    cordoned.spec.unschedulable = true;
    cordoned.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(2 * HOURS + 42))) }];
  }
  const healthy = (k: number) => lines(
    `${pyTime(2 * DAYS - k)} INFO thumbnailer 4.2.7 starting, uid=0(root) gid=0(root)`,
    `${pyTime(2 * DAYS - k)} INFO model cache /var/cache/thumbnailer: 3 models present (1.9 GB)`,
    `${pyTime(2.0 - k * 0.1)} INFO rendered asset=img_${81233 + k} sizes=[128,512,1024] in 212ms`,
    `${pyTime(0.6 - k * 0.1)} INFO rendered asset=img_${81290 + k} sizes=[128,512] in 188ms`,
  );
  const crashed = (m: number) => lines(
    `${pyTime(m)} INFO thumbnailer 4.2.7 starting, uid=0(root) gid=0(root)`,
    `${pyTime(m)} INFO model cache /var/cache/thumbnailer: 0 models present, downloading s3://acme-ml-artifacts/thumbnailer/models/ ...`,
    `${pyTime(m - 0.01)} ERROR cannot prepare model cache`,
    'Traceback (most recent call last):',
    '  File "/app/thumbnailer/cache.py", line 41, in ensure_models',
    '    tmp = tempfile.NamedTemporaryFile(dir=self.root, delete=False)',
    '  File "/usr/local/lib/python3.12/tempfile.py", line 582, in NamedTemporaryFile',
    '    file = _io.open(dir, mode, buffering=buffering,',
    "PermissionError: [Errno 13] Permission denied: '/var/cache/thumbnailer/tmpk2v9q1xd'",
  );
  const brPods = [podOf(app, 2), podOf(app, 3)];
  const events = [
    ...brPods.map((p, k) => backOff(p, 'app', { count: 690 - k * 4, firstAgo: 2 * HOURS + 36 - k, lastAgo: 0.3 + k * 0.2 })),
    ...brPods.flatMap((p, k) => restartedAgain(p, 'app', image, { count: 31, firstAgo: 2 * HOURS + 39 - k, lastAgo: 2.6 - k * 1.3 })),
    ...brNames.map((n) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'NodeReady', message: `Node ${n} status is now: NodeReady`, firstAgo: 3 * HOURS - 1, lastAgo: 3 * HOURS - 1 })),
    event({ on: { kind: 'Node', name: old.names[1] ?? '' }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${old.names[1] ?? ''} status is now: NodeNotSchedulable`, firstAgo: 2 * HOURS + 42, lastAgo: 2 * HOURS + 42 }),
  ];
  return {
    id: 'heldout55-selinux-bottlerocket-hostpath-eacces',
    class: 'nodes',
    truth: 'The new general-br node pool runs Bottlerocket, which enforces SELinux; the thumbnailer pods scheduled there run as root but the hostPath /mnt/thumbnailer-cache is not labelled for container access, so writing the model cache fails with EACCES (PermissionError Errno 13) and they crash-loop, while the same pods on the old Amazon Linux nodes work. Fix: give the pod seLinuxOptions (e.g. type spc_t or a matching level) or move the cache to a relabelled volume.',
    ask: { service: 'thumbnailer' },
    objects: [...old.nodes, ...brNodes, ...app.objects, ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }), ...events],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: healthy(0) }),
      logsFor(podOf(app, 1), 'app', { current: healthy(1) }),
      ...brPods.map((p, k) => logsFor(p, 'app', { current: crashed(k === 0 ? 2.55 : 1.25), previous: crashed(k === 0 ? 7.6 : 6.3) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SELinux|Bottlerocket|general-br|Permission denied|EACCES|Errno 13|hostPath/i],
      facts: [/Permission denied|Errno 13|EACCES/i, /Bottlerocket|general-br|10-0-53-(41|166)/i, /thumbnailer-cache|\/var\/cache\/thumbnailer|hostPath/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /runAsNonRoot|run as non-?root/i, /image[^\n]*(missing|not found)/i],
    },
  };
}

// ---- 5. mailer jobs enqueued to `mailers_v2`, a queue no Sidekiq worker reads -----------------------

function sidekiqRenamedQueue(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '97', '230']);
  const webImage = (v: string) => `${ECR}/storefront/storefront:${v}`;
  const env = (queue?: string): k8s.V1EnvVar[] => [
    { name: 'RAILS_ENV', value: 'production' },
    { name: 'REDIS_URL', value: 'redis://storefront-redis.storefront.svc.cluster.local:6379/0' },
    ...(queue === undefined ? [] : [{ name: 'MAILER_QUEUE', value: queue }]),
  ];
  const webTpl = (v: string, queue?: string) => ({
    containers: [container({ image: webImage(v), ports: [3000], cpu: '500m', memory: '1Gi', env: env(queue), readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }) })],
  });
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 2,
    revisions: [
      { revision: 212, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 2026.11.16-1', template: webTpl('2026.11.16-1') },
      { revision: 213, createdAgo: 4 * HOURS + 5, changeCause: 'argocd: storefront 2026.11.20-3', template: webTpl('2026.11.20-3', 'mailers_v2') },
    ],
    pods: [{ revision: 213, node: names[0] ?? '', createdAgo: 4 * HOURS + 4 }, { revision: 213, node: names[1] ?? '', createdAgo: 4 * HOURS + 3 }],
    settled: { available: true, availableSince: 4 * HOURS, progressingSince: 4 * HOURS + 5, progressingUpdatedAgo: 4 * HOURS },
  });
  const workerImage = webImage('2026.11.16-1');
  const worker = deploymentApp({
    namespace: ns, name: 'storefront-sidekiq', replicas: 2,
    revisions: [{ revision: 88, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 2026.11.16-1', template: {
      containers: [container({
        name: 'sidekiq', image: workerImage, command: ['bundle', 'exec', 'sidekiq'], args: ['-c', '10', '-q', 'critical,4', '-q', 'default,2', '-q', 'mailers,2', '-q', 'low'],
        ports: [{ name: 'metrics', containerPort: 7433 }], cpu: '500m', memory: '1Gi', env: env(),
        readiness: null, liveness: httpProbe('/', 7433, { initialDelaySeconds: 30 }),
      })],
    } }],
    pods: [{ revision: 88, node: names[1] ?? '', createdAgo: 5 * DAYS }, { revision: 88, node: names[2] ?? '', createdAgo: 5 * DAYS - 1 }],
  });
  const webLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 40 - i * 4.4 - k * 0.3;
      const order = 4_418_200 + i * 13 + k;
      out.push(
        `I, [${rbTime(t)} #1]  INFO -- : [req-${(order * 7919).toString(16).slice(0, 8)}] Started POST "/checkout/complete" for 10.0.140.${20 + k} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`,
        `I, [${rbTime(t - 0.005)} #1]  INFO -- : [req-${(order * 7919).toString(16).slice(0, 8)}] [ActiveJob] Enqueued ActionMailer::MailDeliveryJob (Job ID: ${(order * 104729).toString(16)}-8c1e-4f0a) to Sidekiq(mailers_v2) with arguments: "OrderMailer", "confirmation", "deliver_now", {:args=>[#<GlobalID:0x00007f gid://storefront/Order/${order}>]}`,
        `I, [${rbTime(t - 0.006)} #1]  INFO -- : [req-${(order * 7919).toString(16).slice(0, 8)}] [ActiveJob] Enqueued OrderFulfillmentJob (Job ID: ${(order * 15485863).toString(16)}-2d9b) to Sidekiq(default) with arguments: ${order}`,
        `I, [${rbTime(t - 0.007)} #1]  INFO -- : [req-${(order * 7919).toString(16).slice(0, 8)}] Completed 302 Found in ${180 + i * 9}ms (ActiveRecord: 41.2ms | Allocations: 48211)`,
      );
      if (i % 3 === 0) out.push(`W, [${rbTime(t - 0.01)} #1]  WARN -- : [req-aa${i}${k}] Rack::Attack throttled 10.0.7.${90 + i} for login/ip`);
    }
    return lines(...out);
  };
  const workerLog = (k: number) => {
    const out = [
      `${at(5 * DAYS - k)} pid=1 tid=ow INFO: Booting Sidekiq 7.2.4 with Sidekiq::RedisConnection::RedisClientAdapter options {:url=>"redis://storefront-redis.storefront.svc.cluster.local:6379/0"}`,
      `${at(5 * DAYS - k)} pid=1 tid=ow INFO: Starting processing, hit Ctrl-C to stop`,
      `${at(4 * HOURS + 30 - k)} pid=1 tid=2kx class=ActionMailer::MailDeliveryJob jid=9f3c0a${k}1 INFO: start`,
      `${at(4 * HOURS + 30 - k)} pid=1 tid=2kx class=ActionMailer::MailDeliveryJob jid=9f3c0a${k}1 elapsed=0.412 INFO: done`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 45 - i * 4.3 - k * 0.2;
      out.push(
        `${at(t)} pid=1 tid=3${i}b${k} class=OrderFulfillmentJob jid=b1${i}${k}e7a2 INFO: start`,
        `${at(t - 0.01)} pid=1 tid=3${i}b${k} class=OrderFulfillmentJob jid=b1${i}${k}e7a2 elapsed=${(0.3 + i * 0.02).toFixed(3)} INFO: done`,
      );
      if (i % 4 === 1) out.push(`${at(t - 0.02)} pid=1 tid=5q${i} class=SearchIndexSyncJob jid=c7${i}${k}0f INFO: start`, `${at(t - 0.03)} pid=1 tid=5q${i} class=SearchIndexSyncJob jid=c7${i}${k}0f elapsed=1.204 INFO: done`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout55-sidekiq-mailers-v2-no-worker',
    class: 'config',
    truth: 'storefront-web revision 213 (about 4 hours ago) set MAILER_QUEUE=mailers_v2, so order-confirmation MailDeliveryJobs are enqueued to Sidekiq queue "mailers_v2"; storefront-sidekiq workers only listen to critical, default, mailers and low (-q mailers), so the jobs pile up unprocessed with no error anywhere and emails stopped. Fix: add -q mailers_v2 to the workers or revert the queue name.',
    ask: { service: 'storefront-sidekiq' },
    objects: [
      ...nodes, ...web.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 213), 2, 0, 4 * HOURS + 5),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 212), 0, 2, 4 * HOURS),
    ],
    logs: [
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'sidekiq', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mailers_v2|MAILER_QUEUE/],
      facts: [/mailers_v2/, /-q mailers|mailers,2|listen|queue/i, /storefront-web|revision 213/],
      never: [/\bOOM/, /redis[^\n]*(down|unreachable|refused)/i, /storefront-sidekiq[^\n]*(crash|restart)/i],
    },
  };
}

// ---- 6. retry storm: edge ×3, api ×3, inventory's database sees 27× ---------------------------------

function retryStormInventory(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.160', ['23', '111', '240']);
  const mk = (name: string, version: string, rev: number, replicas: number, env: k8s.V1EnvVar[], unready: number[] = []) => deploymentApp({
    namespace: ns, name, replicas,
    revisions: [{ revision: rev, createdAgo: 11 * DAYS, changeCause: `argocd: ${name} ${version}`, template: {
      containers: [container({ image: `${ECR}/commerce/${name}:${version}`, ports: [8080], cpu: '500m', memory: '512Mi', env, readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15, timeoutSeconds: 2, failureThreshold: 5 }) })],
    } }],
    pods: Array.from({ length: replicas }, (_, k) => ({ revision: rev, node: names[k % 3] ?? '', createdAgo: 11 * DAYS - k, ...(unready.includes(k) ? { containers: { app: running({ sinceAgo: k === 1 ? 4 : 11 * DAYS - k, ready: false, ...(k === 1 ? { restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 4.1, ranSeconds: 11 * 86400 } } : {}) }) } } : {}) })),
  });
  const edge = mk('edge-gateway', '3.4.0', 51, 2, [{ name: 'UPSTREAM_API', value: 'http://shop-api.commerce.svc:8080' }, { name: 'UPSTREAM_TIMEOUT', value: '3s' }, { name: 'UPSTREAM_RETRIES', value: '3' }]);
  const api = mk('shop-api', '8.1.2', 140, 3, [{ name: 'INVENTORY_URL', value: 'http://inventory.commerce.svc:8080' }, { name: 'INVENTORY_TIMEOUT', value: '1s' }, { name: 'INVENTORY_MAX_RETRIES', value: '3' }]);
  const inv = mk('inventory', '2.7.5', 66, 3, [{ name: 'DATABASE_URL', value: 'postgres://inventory@inventory-db.commerce.svc:5432/inventory' }, { name: 'DB_POOL_MAX', value: '40' }, { name: 'DB_CALL_RETRIES', value: '3' }], [0, 1, 2]);
  const dbImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'inventory-db', replicas: 1, serviceName: 'inventory-db',
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: dbImage, ports: [{ name: 'pg', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: tcpProbe('pg'), liveness: tcpProbe('pg', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const edgeLog = (k: number) => {
    const out = [`{"ts":"${at(40 - k)}","level":"info","msg":"access","method":"GET","path":"/api/products/88213","status":200,"upstream_ms":${64 + k},"attempts":1}`];
    for (let i = 0; i < 8; i++) {
      const t = 22 - i * 2.6 - k * 0.2;
      out.push(
        `{"ts":"${at(t)}","level":"warn","msg":"upstream timeout, retrying","upstream":"shop-api.commerce.svc:8080","path":"/api/cart/items","attempt":1,"max_attempts":3,"timeout":"3s"}`,
        `{"ts":"${at(t - 0.05)}","level":"warn","msg":"upstream timeout, retrying","upstream":"shop-api.commerce.svc:8080","path":"/api/cart/items","attempt":2,"max_attempts":3,"timeout":"3s"}`,
        `{"ts":"${at(t - 0.1)}","level":"error","msg":"access","method":"POST","path":"/api/cart/items","status":504,"upstream_ms":9004,"attempts":3,"error":"upstream request timeout"}`,
      );
      if (i % 3 === 0) out.push(`{"ts":"${at(t - 0.12)}","level":"info","msg":"access","method":"GET","path":"/static/app.3f9a.js","status":200,"upstream_ms":2,"attempts":1}`);
    }
    return lines(...out);
  };
  const apiLog = (k: number) => {
    const out = [`${jTime(45 - k)}  INFO 1 --- [nio-8080-exec-3] c.s.api.cart.CartController : add item sku=SKU-1002 qty=1 took 83 ms`];
    for (let i = 0; i < 8; i++) {
      const t = 21.5 - i * 2.6 - k * 0.15;
      for (let a = 1; a <= 3; a++) out.push(`${jTime(t - a * 0.018)}  WARN 1 --- [nio-8080-exec-${40 + i}] c.s.api.inventory.InventoryClient : GET http://inventory.commerce.svc:8080/v1/stock/SKU-${31876 + i} timed out after 1000 ms, retry ${a}/3`);
      out.push(`${jTime(t - 0.06)} ERROR 1 --- [nio-8080-exec-${40 + i}] c.s.api.cart.CartController : add item failed: InventoryUnavailableException: inventory did not answer after 4 attempts`);
    }
    return lines(...out);
  };
  const invLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(60 - k)}","msg":"stats","rps":${410 + k * 9},"db_pool_in_use":${7 + k},"db_pool_max":40,"p99_ms":38}`,
      `{"level":"warn","ts":"${at(27 - k * 0.1)}","msg":"slow query","query":"SELECT qty, reserved FROM stock WHERE sku = $1 FOR UPDATE","duration_ms":${740 + k * 30}}`,
      `{"level":"info","ts":"${at(25)}","msg":"stats","rps":${2900 + k * 41},"db_pool_in_use":40,"db_pool_max":40,"p99_ms":2960}`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 22 - i * 2.4 - k * 0.1;
      out.push(
        `{"level":"warn","ts":"${at(t)}","msg":"db call failed, retrying","attempt":${(i % 3) + 1},"max":3,"error":"timeout: context deadline exceeded while acquiring connection from pool (40/40 in use, ${1200 + i * 310} waiting)"}`,
        `{"level":"error","ts":"${at(t - 0.02)}","msg":"request failed","path":"/v1/stock/SKU-${31876 + i}","status":503,"duration_ms":${1003 + i}}`,
      );
      if (i % 3 === 1) out.push(`{"level":"info","ts":"${at(t - 0.03)}","msg":"stats","rps":${10_800 + i * 350 + k * 50},"db_pool_in_use":40,"db_pool_max":40,"p99_ms":${5000 + i * 120},"client_retries_seen":${(0.83 + i * 0.01).toFixed(2)}}`);
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(33)} [61] LOG:  checkpoint complete: wrote 18210 buffers (13.9%); 0 WAL file(s) added, 0 removed, 12 recycled; write=269.811 s, sync=0.004 s, total=269.840 s`,
    `${pgTime(28)} [48120] LOG:  duration: 1412.556 ms  statement: SELECT qty, reserved FROM stock WHERE sku = 'SKU-31901' FOR UPDATE`,
    `${pgTime(26)} [48177] LOG:  process 48177 still waiting for ShareLock on transaction 91827734 after 1000.081 ms`,
    `${pgTime(23)} [48810] FATAL:  sorry, too many clients already`,
    `${pgTime(18)} [49950] FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute`,
    `${pgTime(14)} [50203] LOG:  duration: 8211.940 ms  statement: SELECT qty, reserved FROM stock WHERE sku = 'SKU-31877' FOR UPDATE`,
    `${pgTime(9)} [51118] FATAL:  sorry, too many clients already`,
    `${pgTime(4)} [52960] LOG:  could not send data to client: Connection reset by peer`,
    `${pgTime(1)} [53402] FATAL:  sorry, too many clients already`,
  );
  const invPods = inv.pods;
  const events = [
    ...invPods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 90 + k * 7, firstAgo: 21, lastAgo: 0.2 })),
    probeFailed(podOf(inv, 1), 'app', 'Liveness', `Get "http://${podOf(inv, 1).status?.podIP ?? ''}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 5, firstAgo: 5, lastAgo: 4.2 }),
    probeKilling(podOf(inv, 1), 'app', 'liveness', { count: 1, firstAgo: 4.2 }),
    ...restartedAgain(podOf(inv, 1), 'app', `${ECR}/commerce/inventory:2.7.5`, { count: 1, firstAgo: 4, lastAgo: 4 }),
  ];
  return {
    id: 'heldout55-retry-storm-inventory-27x',
    class: 'capacity',
    truth: 'inventory-db slowed down (lock waits on stock rows) about 28 minutes ago; edge-gateway retries shop-api 3 times, shop-api retries inventory 3 times, and inventory retries its database calls 3 times, so each user request became up to 27 attempts: inventory\'s rate went from ~400 to ~11,000 rps, its 40-connection pool and Postgres\' max_connections were exhausted ("too many clients") and the slowdown became an outage. Fix: retry at one layer only, with budgets/backoff and circuit breaking.',
    ask: { service: 'inventory' },
    objects: [
      ...nodes, ...edge.objects, ...api.objects, ...inv.objects, ...db.objects,
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: invPods }),
      ...exposed({ namespace: ns, name: 'shop-api', selector: { app: 'shop-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'inventory-db', selector: { app: 'inventory-db' }, pods: db.pods, ports: [{ name: 'pg', port: 5432, targetPort: 'pg' }], endpointPort: 5432 }),
      ...events,
    ],
    logs: [
      ...invPods.map((p, k) => k !== 1 ? logsFor(p, 'app', { current: invLog(k) }) : logsFor(p, 'app', { previous: splitAt(invLog(k), 4.1).before, current: lines(`{"level":"info","ts":"${at(3.9)}","msg":"starting inventory","version":"2.7.5","db_pool_max":40}`, splitAt(invLog(k), 3.9).after) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...edge.pods.map((p, k) => logsFor(p, 'app', { current: edgeLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/retr(y|ies)|amplif|storm|27/i],
      facts: [/retr(y|ies)/i, /too many clients|40\/40|pool/i, /inventory-db|database|postgres/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(scale|add) (up )?(more )?(inventory )?replicas/i],
    },
  };
}

// ---- healthy control: pgbouncer closing idle server connections, as configured ----------------------

function healthyPgbouncerIdleCloses(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.188', ['7', '134', '219']);
  const image = 'docker.io/bitnami/pgbouncer:1.23.1';
  const cm = configMap({
    namespace: ns, name: 'pgbouncer-config', createdAgo: 140 * DAYS,
    data: { 'pgbouncer.ini': '[databases]\nbilling = host=billing-prod.cluster-ro-h71q.eu-west-1.rds.amazonaws.com port=5432\n[pgbouncer]\npool_mode = transaction\nmax_client_conn = 2000\ndefault_pool_size = 30\nserver_idle_timeout = 600\nserver_lifetime = 3600\nclient_idle_timeout = 0\nstats_period = 60\n' },
  });
  const app = deploymentApp({
    namespace: ns, name: 'pgbouncer', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 40 * DAYS, changeCause: 'helm: pgbouncer 1.23.1', template: {
      containers: [container({ name: 'pgbouncer', image, ports: [{ name: 'pgbouncer', containerPort: 6432 }], cpu: '250m', memory: '128Mi', readiness: tcpProbe('pgbouncer'), liveness: tcpProbe('pgbouncer', { initialDelaySeconds: 15 }) })],
      volumes: [{ name: 'config', configMap: { name: 'pgbouncer-config' } }],
    } }],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 17 * DAYS }, { revision: 7, node: names[1] ?? '', createdAgo: 17 * DAYS - 2 }],
  });
  const other = bystander(ns, 'invoice-api', names, 3 * DAYS, { revisions: [92, 93], versions: ['6.2.0', '6.2.1'], olderAgo: 12 * DAYS });
  const pgb = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 24 - i * 2 - k * 0.1;
      out.push(`${pgb(t)} [1] LOG stats: ${310 + ((i * 37 + k * 11) % 90)} xacts/s, ${1240 + ((i * 53) % 300)} queries/s, ${0 + (i % 2)} client parses/s, 0 server parses/s, 0 binds/s, in ${412_000 + i * 1100} B/s, out ${1_930_000 + i * 4200} B/s, xact ${1800 + i * 30} us, query ${420 + i * 7} us, wait ${12 + (i % 5)} us`);
      if (i % 2 === 0) out.push(`${pgb(t - 0.3)} [1] LOG S-0x55d${k}a${i}e0: billing/billing_app@10.0.41.${88 + i}:5432 closing because: server idle timeout (age=${601 + i}s)`);
      if (i % 3 === 1) out.push(`${pgb(t - 0.5)} [1] LOG S-0x55d${k}b${i}f8: billing/billing_app@10.0.41.${90 + i}:5432 closing because: server lifetime over (age=${3601 + i * 2}s)`);
      if (i % 4 === 2) out.push(`${pgb(t - 0.6)} [1] LOG C-0x55d${k}c${i}10: billing/billing_app@10.0.12.${30 + i}:${40112 + i} closing because: client close request (age=${220 + i * 17}s)`);
      if (i % 5 === 3) out.push(`${pgb(t - 0.7)} [1] LOG S-0x55d${k}d${i}40: billing/billing_app@10.0.41.${92 + i}:5432 new connection to server (from 10.0.188.${30 + k}:${51000 + i})`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout55-healthy-pgbouncer-idle-closes',
    class: 'healthy',
    truth: 'pgbouncer is healthy: its "closing because: server idle timeout / server lifetime over / client close request" lines are the routine recycling its config asks for (server_idle_timeout 600, server_lifetime 3600), the stats show steady transactions with microsecond waits, both pods are ready with no restarts; invoice-api\'s rollout three days ago is unrelated.',
    ask: { service: 'pgbouncer' },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, pods: app.pods, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer' }], endpointPort: 6432 }),
      ...app.pods.flatMap((p) => [scheduled(p, 17 * DAYS)]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'pgbouncer', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|nothing wrong|running normally|fine/i],
      facts: [/pgbouncer/],
      never: [/idle timeout[^\n]*(caus|problem|fail)/i, /connection (leak|exhaust)/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  httpsRedirectTurnsPostIntoGet(),
  reindexCronInMorningPeak(),
  tomcatThreadsStuckOnPartner(),
  selinuxBottlerocketHostPath(),
  sidekiqRenamedQueue(),
  retryStormInventory(),
  healthyPgbouncerIdleCloses(),
];
