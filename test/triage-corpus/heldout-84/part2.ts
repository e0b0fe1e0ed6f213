// Held-out stories, eighty-fourth round, part two (written blind):
// 1. A RabbitMQ consumer whose revision 14 raised PREFETCH_COUNT (basic.qos) from 1 to 400: buffered
//    deliveries wait unacked past the broker's 30-minute consumer_timeout, the broker closes channel 1
//    with PRECONDITION_FAILED (406) and requeues them, so shipments are processed twice.
// 2. A nightly partner-import CronJob whose last run failed (BackoffLimitExceeded) because the
//    partner's CSV is now Latin-1: Postgres COPY rejects it with `invalid byte sequence for encoding
//    "UTF8": 0xe9 0x20 0x4c`; nothing changed in the cluster.
// 3. A new bulk-reprice CronJob whose multi-document transactions rewrite the same hot product
//    documents the API writes: the API's MongoDB updates fail with WriteConflict (code 112) and it
//    answers 500s while its pods stay Ready.
// 4. An OIDC login portal whose revision 22 set SESSION_COOKIE_SAMESITE=Strict: the cross-site
//    redirect back from the IdP comes without the session cookie, so every callback fails with
//    authlib's "mismatching_state: CSRF Warning! State not equal in request and response."; pods Ready.
// 5. A Kafka StatefulSet whose revision 3 turned the readiness probe into an httpGet on the broker
//    port 9092: the broker reads "GET " as a 1195725856-byte size (InvalidReceiveException), the probe
//    gets EOF, kafka-2 is never Ready and the OrderedReady rollout is stuck with two ready brokers.
// 6. An nginx gateway that resolved cart-api's Service name once at start; the Service was deleted and
//    re-created with a new ClusterIP, so nginx still dials 172.20.91.14 ("upstream timed out", then "no
//    live upstreams") while the cart-api pods are healthy.
// 7. Healthy control: a Python 3.12 exporter that prints "DeprecationWarning: datetime.datetime.utcnow()
//    is deprecated" at start and otherwise serves normally.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, configMap, container, cronJob, cronJobEvent, deploymentApp, event, exposed,
  httpProbe, jobEvent, nameOf, probeFailed, pyTime, rsOf, running, scaledReplicaSet, service, endpointSliceFor,
  startedNormally, statefulSetApp, tcpProbe, terminated, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Kafka's log4j time: `2026-11-21 03:12:41,563`. */
const log4jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '').replace('.', ',');
/** Combined log format time: `21/Nov/2026:03:12:41 +0000`. */
function clf(minutes: number): string {
  const d = new Date(at(minutes));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
const podIp = (p: k8s.V1Pod): string => p.status?.podIP ?? '10.0.0.1';

// ---- 1. RabbitMQ consumer: prefetch raised to 400, deliveries outlive consumer_timeout ------------

function rabbitPrefetchAckTimeout(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.84', ['21', '140', '233']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-worker:${v}`;
  const tpl = (v: string, prefetch: string) => ({
    containers: [container({
      image: image(v), command: ['python', '-m', 'shipment_worker'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '300m', memory: '384Mi',
      env: [
        { name: 'AMQP_URL', value: 'amqps://shipment-worker@b-7f3c1e2a-9d41-4c55-8a0e-61f2b7c9d013.mq.eu-west-1.amazonaws.com:5671/fulfilment' },
        { name: 'QUEUE', value: 'shipments.create' },
        { name: 'PREFETCH_COUNT', value: prefetch },
        { name: 'CARRIER_API_TIMEOUT_SECONDS', value: '20' },
        { name: 'LOG_LEVEL', value: 'INFO' },
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 15 }),
    })],
  });
  const worker = deploymentApp({
    namespace: ns, name: 'shipment-worker', replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 23 * DAYS, changeCause: 'argocd: shipment-worker 2.6.1', template: tpl('2.6.1', '1') },
      { revision: 14, createdAgo: 5 * HOURS + 40, changeCause: 'argocd: shipment-worker 2.7.0', template: tpl('2.7.0', '400') },
    ],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 5 * HOURS + 39 }, { revision: 14, node: names[2] ?? '', createdAgo: 5 * HOURS + 38 }],
    settled: { available: true, availableSince: 5 * HOURS + 37, progressingSince: 5 * HOURS + 40, progressingUpdatedAgo: 5 * HOURS + 37 },
  });
  const other = bystander(ns, 'label-printer', names, 47, { revisions: [9, 10], versions: ['1.12.0', '1.12.1'], olderAgo: 30 * DAYS });
  const orders = ['SO-4481207', 'SO-4481213', 'SO-4481229', 'SO-4481230', 'SO-4481244', 'SO-4481251', 'SO-4481266', 'SO-4481270'];
  const log = (k: number) => {
    const out: string[] = [
      `${pyTime(5 * HOURS + 38 - k)} INFO shipment_worker.main: starting shipment-worker 2.7.0 (python 3.11.9, pika 1.3.2)`,
      `${pyTime(5 * HOURS + 37.9 - k)} INFO pika.adapters.utils.connection_workflow: Pika version 1.3.2 connecting to ('10.0.131.58', 5671)`,
      `${pyTime(5 * HOURS + 37.9 - k)} INFO pika.adapters.blocking_connection: Created channel=1`,
      `${pyTime(5 * HOURS + 37.9 - k)} INFO shipment_worker.consumer: consuming queue=shipments.create prefetch_count=400`,
    ];
    for (let c = 0; c < 3; c++) {
      const base = 4 * HOURS + 10 - c * 75 - k * 3;
      for (let i = 0; i < 4; i++) {
        const o = orders[(i + c * 3 + k) % orders.length] ?? 'SO-1';
        out.push(`${pyTime(base - i * 0.7)} INFO shipment_worker.handlers: shipment created order=${o} carrier=dhl-express tracking=JD0146${(c * 37 + i * 11 + k * 5) % 90 + 10}${8800 + i} duration_ms=${6400 + i * 910 + k * 130}`);
      }
      out.push(
        `${pyTime(base - 31)} WARNING pika.channel: Received remote Channel.Close (406): 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more' on <Channel number=1 OPEN conn=<SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncSSLTransport object at 0x7f3a5c1e2b90> params=<URLParameters host=b-7f3c1e2a-9d41-4c55-8a0e-61f2b7c9d013.mq.eu-west-1.amazonaws.com port=5671 virtual_host=fulfilment ssl=True>>>`,
        `${pyTime(base - 31)} ERROR shipment_worker.consumer: channel closed: (406, 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more'); reopening in 5s`,
        `${pyTime(base - 31.1)} INFO pika.adapters.blocking_connection: Created channel=1`,
        `${pyTime(base - 31.1)} INFO shipment_worker.consumer: consuming queue=shipments.create prefetch_count=400`,
      );
      for (let i = 0; i < 3; i++) {
        const o = orders[(i + c * 3 + k) % orders.length] ?? 'SO-1';
        out.push(`${pyTime(base - 31.5 - i * 0.6)} WARNING shipment_worker.handlers: carrier returned existing shipment for order=${o} redelivered=True; creating second label`);
        out.push(`${pyTime(base - 31.6 - i * 0.6)} INFO shipment_worker.handlers: shipment created order=${o} carrier=dhl-express tracking=JD0147${(c * 13 + i * 7 + k) % 90 + 10}${4100 + i} duration_ms=${7100 + i * 640}`);
      }
    }
    out.push(`${pyTime(1.2 - k * 0.1)} INFO shipment_worker.handlers: shipment created order=SO-4482019 carrier=ups tracking=1Z4F82E90341${k}77120 duration_ms=${5900 + k * 211}`);
    return lines(...out);
  };
  return {
    id: 'heldout84-rabbitmq-prefetch-ack-timeout',
    class: 'config',
    truth: 'Revision 14 of shipment-worker raised PREFETCH_COUNT (basic.qos) from 1 to 400; with ~7 s per message the buffered deliveries stay unacknowledged longer than RabbitMQ\'s 30-minute consumer_timeout, so the broker closes channel 1 with PRECONDITION_FAILED (406) and requeues them, and shipments are processed twice.',
    ask: { service: 'shipment-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-worker-metrics', selector: { app: 'shipment-worker' }, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], pods: worker.pods, endpointPort: 9100 }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 14), 2, 0, 5 * HOURS + 39),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 13), 0, 2, 5 * HOURS + 37),
      ...worker.pods.flatMap((p, i) => startedNormally(p, 'app', image('2.7.0'), 5 * HOURS + 39 - i)),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/label-printer:1.12.1`, 47 - i)),
    ],
    logs: [
      logsFor(podOf(worker, 0), 'app', { current: log(0) }),
      logsFor(podOf(worker, 1), 'app', { current: log(1) }),
      logsFor(podOf(other, 0), 'app', { current: lines(`${pyTime(46)} INFO label_printer: ready on :8080`, `${pyTime(3)} INFO label_printer: printed 14 labels batch=zpl-20261121-0311`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /acknowledg\w*[^\n]*tim(ed|e) ?out|ack(nowledg\w*)? ?timeout|consumer_timeout|PRECONDITION_FAILED|channel[^\n]*clos/i,
        /prefetch|qos|revision 14|2\.7\.0/i,
      ],
      facts: [/1800000|30[- ]?min/i, /PREFETCH_COUNT|prefetch/i, /redeliver|twice|duplicat|requeue/i],
      never: [/\bOOM|out of memory/i, /broker[^\n]*\b(down|unreachable|outage)\b|connection refused/i],
    },
  };
}

// ---- 2. partner-import CronJob: the partner's file is now Latin-1 -------------------------------

function partnerImportLatin1(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.96', ['12', '150', '204']);
  const image = `${ECR}/partners/partner-import:1.9.4`;
  const cron = cronJob({
    namespace: ns, name: 'partner-import', schedule: '0 2 * * *', backoffLimit: 2, createdAgo: 140 * DAYS,
    template: {
      containers: [batchContainer({
        name: 'import', image, command: ['python', '-m', 'partner_import', '--source', 's3://acme-partner-drop/brightwave/offers/latest.csv', '--table', 'staging_offers'],
        cpu: '500m', memory: '512Mi',
        env: [
          { name: 'DATABASE_URL', value: 'postgresql://partner_import@partners-db.cluster-c1k9zq3v7p.eu-west-1.rds.amazonaws.com:5432/partners?sslmode=require' },
          { name: 'PARTNER', value: 'brightwave' },
        ],
      })],
    },
    jobs: [
      ...[4, 3, 2].map((d) => ({ createdAgo: d * DAYS + 74, pods: [{ node: names[d % 3] ?? '', phase: 'Succeeded' as const, createdAgo: d * DAYS + 74, containers: { import: terminated({ exitCode: 0, finishedAgo: d * DAYS + 70, ranSeconds: 230 }) } }], outcome: { complete: true as const, ago: d * DAYS + 70 } })),
      {
        createdAgo: 74,
        pods: [0, 1, 2].map((i) => ({ node: names[i] ?? '', phase: 'Failed' as const, createdAgo: 74 - [0, 1.2, 3.6][i]!, containers: { import: terminated({ exitCode: 1, finishedAgo: 73.2 - [0, 1.2, 3.6][i]!, ranSeconds: 46 }) } })),
        outcome: { failed: 'BackoffLimitExceeded' as const, ago: 69.5 },
      },
    ],
    lastSuccessfulAgo: 2 * DAYS + 70,
  });
  const cronObj = cron.objects[0];
  const failed = cron.jobs[3]!;
  const failedJob = failed.objects[0];
  const portal = bystander(ns, 'partner-portal', names, 3 * HOURS, { revisions: [31, 32], versions: ['5.2.0', '5.3.0'], olderAgo: 12 * DAYS });
  const runLog = (i: number) => {
    const t = 74 - [0, 1.2, 3.6][i]!;
    return lines(
      `${pyTime(t - 0.1)} INFO partner_import: run started partner=brightwave source=s3://acme-partner-drop/brightwave/offers/latest.csv`,
      `${pyTime(t - 0.3)} INFO partner_import.s3: downloaded latest.csv (18.4 MiB, last-modified 2026-11-21T01:37:12Z)`,
      `${pyTime(t - 0.4)} INFO partner_import.db: connected to partners-db (PostgreSQL 16.4), server_encoding=UTF8 client_encoding=UTF8`,
      `${pyTime(t - 0.4)} INFO partner_import.load: TRUNCATE staging_offers`,
      `${pyTime(t - 0.4)} INFO partner_import.load: COPY staging_offers FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')`,
      `${pyTime(t - 0.75)} ERROR partner_import: run failed`,
      'Traceback (most recent call last):',
      '  File "/app/partner_import/__main__.py", line 41, in <module>',
      '    sys.exit(main())',
      '  File "/app/partner_import/__main__.py", line 35, in main',
      '    load.copy_csv(conn, args.table, path)',
      '  File "/app/partner_import/load.py", line 58, in copy_csv',
      '    cur.copy_expert(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER \';\')", fh)',
      'psycopg2.errors.CharacterNotInRepertoire: invalid byte sequence for encoding "UTF8": 0xe9 0x20 0x4c',
      'CONTEXT:  COPY staging_offers, line 213',
      '',
    );
  };
  return {
    id: 'heldout84-partner-import-latin1-utf8',
    class: 'jobs',
    truth: 'The partner switched its nightly offers CSV to Latin-1 (ISO-8859-1); the partner-import CronJob\'s COPY into the UTF8 Postgres database fails with `invalid byte sequence for encoding "UTF8": 0xe9 0x20 0x4c`, so the runs since two nights ago fail (the kept Job hit BackoffLimitExceeded; last success two days ago). Nothing changed in the cluster.',
    ask: { service: 'partner-import', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...portal.objects,
      ...[4, 3, 2].map((d, i) => cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(cron.jobs[i]?.objects[0])}, condition: Complete`, d * DAYS + 70)),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(failedJob)}`, 74),
      ...failed.pods.map((p) => jobEvent(failedJob, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 74 - failed.pods.indexOf(p) * 1.2)),
      jobEvent(failedJob, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 69.5, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob)}, condition: Failed`, 69.5),
      ...failed.pods.flatMap((p, i) => startedNormally(p, 'import', image, 74 - [0, 1.2, 3.6][i]!)),
      ...portal.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/partner-portal:5.3.0`, 3 * HOURS - i)),
    ],
    logs: failed.pods.map((p, i) => logsFor(p, 'import', { current: runLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [/invalid byte sequence|encoding|UTF-?8|Latin-?1|ISO-?8859|0xe9/i],
      facts: [/0xe9/i, /partner-import/, /BackoffLimitExceeded|backoff limit/i],
      never: [/\bOOM|out of memory/i, /database[^\n]*\b(down|unreachable)\b|connection refused/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. bulk-reprice CronJob's transactions vs the API's writes: WriteConflict -------------------

function mongoWriteConflictReprice(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.108', ['40', '161', '219']);
  const mongoUri = 'mongodb+srv://pricing-api@pricing-prod.x7k2q.mongodb.net/pricing?retryWrites=true&w=majority';
  const apiImage = (v: string) => `${ECR}/pricing/price-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [3000], cpu: '400m', memory: '512Mi',
      env: [{ name: 'MONGODB_URI', value: mongoUri }, { name: 'NODE_ENV', value: 'production' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'price-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 15 * DAYS, changeCause: 'argocd: price-api 3.21.0', template: apiTpl('3.21.0') },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: price-api 3.21.1', template: apiTpl('3.21.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const repriceImage = `${ECR}/pricing/bulk-reprice:0.4.0`;
  const reprice = cronJob({
    namespace: ns, name: 'bulk-reprice', schedule: '*/30 * * * *', createdAgo: 2 * DAYS + 5 * HOURS,
    template: {
      containers: [batchContainer({
        name: 'reprice', image: repriceImage, command: ['node', 'dist/reprice.js'], cpu: '500m', memory: '512Mi',
        env: [{ name: 'MONGODB_URI', value: 'mongodb+srv://bulk-reprice@pricing-prod.x7k2q.mongodb.net/pricing?retryWrites=true&w=majority' }, { name: 'BATCH_SIZE', value: '500' }, { name: 'RULESET', value: 'black-friday-2026' }],
      })],
    },
    jobs: [
      { createdAgo: 74, pods: [{ node: names[1] ?? '', phase: 'Succeeded' as const, createdAgo: 74, containers: { reprice: terminated({ exitCode: 0, finishedAgo: 53, ranSeconds: 1250 }) } }], outcome: { complete: true as const, ago: 53 } },
      { createdAgo: 44, pods: [{ node: names[2] ?? '', phase: 'Succeeded' as const, createdAgo: 44, containers: { reprice: terminated({ exitCode: 0, finishedAgo: 22, ranSeconds: 1310 }) } }], outcome: { complete: true as const, ago: 22 } },
      { createdAgo: 14, pods: [{ node: names[0] ?? '', phase: 'Running' as const, createdAgo: 14, containers: { reprice: running({ sinceAgo: 13.9 }) } }] },
    ],
    lastSuccessfulAgo: 22,
  });
  const other = bystander(ns, 'promo-rules', names, 95, { revisions: [12, 13], versions: ['2.2.0', '2.3.0'], olderAgo: 20 * DAYS });
  const skus = ['BF-TV-55Q80', 'BF-LAP-14X', 'BF-HP-NC700', 'BF-TAB-11P', 'BF-CAM-Z50'];
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(40))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/prices/BF-TV-55Q80"},"res":{"statusCode":200},"responseTime":11,"msg":"request completed"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 13 - i * 0.8 - k * 0.11;
      const sku = skus[(i + k) % skus.length] ?? 'BF-1';
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","err":{"type":"MongoServerError","message":"WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.","stack":"MongoServerError: WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:297:27)\\n    at async Connection.command (/app/node_modules/mongodb/lib/cmap/connection.js:325:26)\\n    at async UpdateOneOperation.execute (/app/node_modules/mongodb/lib/operations/update.js:75:24)\\n    at async PriceService.setStock (/app/dist/services/price.js:88:9)","code":112,"codeName":"WriteConflict","errorLabelSet":{}},"msg":"failed to update product ${sku}"}`);
      out.push(`{"level":50,"time":${Date.parse(at(t - 0.001))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"PATCH","url":"/v1/products/${sku}/stock"},"res":{"statusCode":500},"responseTime":${40 + i * 3},"msg":"request errored"}`);
      if (i % 4 === 1) out.push(`{"level":30,"time":${Date.parse(at(t - 0.2))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/prices/${sku}"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const repriceLog = lines(
    `{"level":30,"time":${Date.parse(at(13.8))},"msg":"bulk-reprice 0.4.0 starting","ruleset":"black-friday-2026","batchSize":500}`,
    ...[0, 1, 2, 3, 4, 5].map((b) => `{"level":30,"time":${Date.parse(at(13.5 - b * 2))},"msg":"committed batch","batch":${b + 1},"of":38,"docs":500,"txnMs":${58000 + b * 3100},"collection":"products"}`),
    `{"level":40,"time":${Date.parse(at(1.2))},"msg":"TransientTransactionError, retrying withTransaction","batch":7,"attempt":2}`,
  );
  const cronObj = reprice.objects[0];
  return {
    id: 'heldout84-mongo-writeconflict-reprice-cronjob',
    class: 'jobs',
    truth: 'A new bulk-reprice CronJob (every 30 minutes since two days ago) rewrites 500 hot product documents per multi-document transaction; the price-api\'s concurrent updates of those documents fail with MongoDB WriteConflict (code 112) and it answers 500s, while its pods stay Ready. price-api\'s own rollout is six days old and innocent.',
    ask: { service: 'price-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...reprice.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'price-api', selector: { app: 'price-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods, endpointPort: 3000 }),
      ...reprice.jobs.map((j) => cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, [74, 44, 14][reprice.jobs.indexOf(j)]!)),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(reprice.jobs[1]?.objects[0])}, condition: Complete`, 22),
      ...startedNormally(podOf(reprice.jobs[2]!, 0), 'reprice', repriceImage, 14),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/promo-rules:2.3.0`, 95 - i)),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(podOf(reprice.jobs[2]!, 0), 'reprice', { current: repriceLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/WriteConflict|write conflict/i, /reprice|cron ?job|\bjob\b|transaction/i],
      facts: [/WriteConflict/i, /\b500\b/, /bulk-reprice/],
      never: [ADVISES_ROLLBACK, /\bOOM|out of memory/i, /mongo\w*[^\n]*\b(down|unreachable|outage)\b/i],
    },
  };
}

// ---- 4. SameSite=Strict session cookie breaks the OIDC callback ------------------------------------

function sameSiteStrictOidc(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '137', '245']);
  const image = (v: string) => `${ECR}/accounts/account-portal:${v}`;
  const tpl = (v: string, sameSite: string) => ({
    containers: [container({
      image: image(v), command: ['gunicorn', '-w', '4', '-b', '0.0.0.0:8000', 'portal.wsgi:app'], ports: [8000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'OIDC_ISSUER', value: 'https://login.acme-id.com/oauth2/default' },
        { name: 'OIDC_CLIENT_ID', value: 'account-portal-prod' },
        { name: 'OIDC_REDIRECT_URI', value: 'https://account.acme.com/auth/callback' },
        { name: 'SESSION_COOKIE_NAME', value: 'portal_session' },
        { name: 'SESSION_COOKIE_SECURE', value: 'true' },
        { name: 'SESSION_COOKIE_SAMESITE', value: sameSite },
      ],
      envFrom: [{ configMapRef: { name: 'account-portal-config' } }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const portal = deploymentApp({
    namespace: ns, name: 'account-portal', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 17 * DAYS, changeCause: 'argocd: account-portal 3.7.4', template: tpl('3.7.4', 'Lax') },
      { revision: 22, createdAgo: 2 * HOURS + 25, changeCause: 'argocd: account-portal 3.8.0', template: tpl('3.8.0', 'Strict') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * HOURS + 24 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 20, progressingSince: 2 * HOURS + 25, progressingUpdatedAgo: 2 * HOURS + 20 },
  });
  const cfg = configMap({ namespace: ns, name: 'account-portal-config', createdAgo: 210 * DAYS, updatedAgo: 17 * DAYS, data: { OIDC_SCOPES: 'openid profile email', PERMANENT_SESSION_LIFETIME: '28800', LOG_LEVEL: 'INFO', FEATURE_MFA_ENROLL: 'true' } });
  const other = bystander(ns, 'profile-api', names, 50, { revisions: [44, 45], versions: ['7.1.2', '7.1.3'], olderAgo: 9 * DAYS });
  const guni = (m: number) => at(m).slice(0, 19).replace('T', ' ') + ' +0000';
  const log = (k: number) => {
    const out: string[] = [
      `[${guni(2 * HOURS + 23 - k)}] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${guni(2 * HOURS + 23 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${guni(2 * HOURS + 23 - k)}] [1] [INFO] Using worker: sync`,
      `[${guni(2 * HOURS + 23 - k)}] [8] [INFO] Booting worker with pid: 8`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 20 - i * 3 - k * 0.4;
      const ip = `10.0.${120 + ((i + k) % 3)}.${30 + i * 17}`;
      out.push(`${ip} - - [${clf(t + 0.3)}] "GET /login?next=%2Fsettings HTTP/1.1" 302 0 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"`);
      out.push(
        `[${guni(t)}] [8] [ERROR] portal.app: Exception on /auth/callback [GET]`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app',
        '    response = self.full_dispatch_request()',
        '  File "/app/portal/auth.py", line 47, in callback',
        '    token = oauth.acme.authorize_access_token()',
        '  File "/usr/local/lib/python3.12/site-packages/authlib/integrations/flask_client/apps.py", line 100, in authorize_access_token',
        '    params = self._format_state_params(state_data, params)',
        '  File "/usr/local/lib/python3.12/site-packages/authlib/integrations/base_client/sync_app.py", line 234, in _format_state_params',
        '    raise MismatchingStateError()',
        'authlib.integrations.base_client.errors.MismatchingStateError: mismatching_state: CSRF Warning! State not equal in request and response.',
        `${ip} - - [${clf(t)}] "GET /auth/callback?code=st2.s.AcbH${(i * 7919 + k) % 100000}kQ&state=Xk${(i * 104729 + k * 31) % 1000000}Lr HTTP/1.1" 500 265 "https://login.acme-id.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`,
      );
    }
    out.push(`10.0.120.9 - - [${clf(0.5)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`);
    return lines(...out);
  };
  return {
    id: 'heldout84-samesite-strict-oidc-state',
    class: 'config',
    truth: 'Revision 22 (account-portal 3.8.0) set SESSION_COOKIE_SAMESITE from Lax to Strict; the OIDC callback is a cross-site redirect from login.acme-id.com, so the browser drops the session cookie and authlib cannot find the saved state: every login fails with "mismatching_state: CSRF Warning! State not equal in request and response." while pods stay Ready.',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...nodes, ...portal.objects, cfg, ...other.objects,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: portal.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(portal), rsOf(portal, 22), 3, 0, 2 * HOURS + 24),
      scaledReplicaSet(deploymentOf(portal), rsOf(portal, 21), 0, 3, 2 * HOURS + 20),
      ...portal.pods.flatMap((p, i) => startedNormally(p, 'app', image('3.8.0'), 2 * HOURS + 24 - i)),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/profile-api:7.1.3`, 50 - i)),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(portal, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SameSite|same-site|session cookie|cookie/i, /mismatching.?state|state (mismatch|not equal)|CSRF|login|callback|Strict/i],
      facts: [/mismatching_state|State not equal/i, /SESSION_COOKIE_SAMESITE|SameSite\W*Strict/i, /revision 22|3\.8\.0/i],
      never: [/\bOOM|out of memory/i, /(IdP|identity provider|acme-id)[^\n]*(down|outage|unreachable)/i, /clock skew/i],
    },
  };
}

// ---- 5. Kafka readiness probe as httpGet on 9092 ----------------------------------------------------

function kafkaHttpProbeOnBrokerPort(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.140', ['17', '129', '222']);
  const image = 'docker.io/apache/kafka:3.8.0';
  const tpl = (readiness: k8s.V1Probe) => ({
    containers: [container({
      name: 'kafka', image, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '4Gi',
      env: [
        { name: 'KAFKA_PROCESS_ROLES', value: 'broker,controller' },
        { name: 'KAFKA_CONTROLLER_QUORUM_VOTERS', value: '0@kafka-0.kafka-headless.streaming.svc.cluster.local:9093,1@kafka-1.kafka-headless.streaming.svc.cluster.local:9093,2@kafka-2.kafka-headless.streaming.svc.cluster.local:9093' },
        { name: 'KAFKA_LISTENERS', value: 'PLAINTEXT://:9092,CONTROLLER://:9093' },
        { name: 'KAFKA_HEAP_OPTS', value: '-Xms2g -Xmx2g' },
      ],
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
      readiness, liveness: tcpProbe('client', { initialDelaySeconds: 60, periodSeconds: 20 }),
    })],
    terminationGracePeriodSeconds: 120,
  });
  const probeRev2 = tcpProbe('client', { initialDelaySeconds: 20, periodSeconds: 10 });
  const probeRev3 = httpProbe('/', 9092, { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 3 });
  const sts = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', createdAgo: 160 * DAYS,
    revisions: [
      { revision: 2, createdAgo: 64 * DAYS, template: tpl(probeRev2) },
      { revision: 3, createdAgo: 52, template: tpl(probeRev3) },
    ],
    pods: [
      { ordinal: 0, revision: 2, node: names[0] ?? '', createdAgo: 33 * DAYS },
      { ordinal: 1, revision: 2, node: names[1] ?? '', createdAgo: 33 * DAYS },
      { ordinal: 2, revision: 3, node: names[2] ?? '', createdAgo: 51, containers: { kafka: running({ sinceAgo: 50.9, ready: false }) }, ready: false },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const kafka2 = podOf(sts, 2);
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 160 * DAYS, storageClass: 'gp3' }));
  const headless = service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 9092 }, { name: 'controller', port: 9093, targetPort: 9093 }] });
  const bootstrap = service({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }] });
  const nodeIp = '10.0.140.222';
  const brokerLog = (() => {
    const out: string[] = [
      `[${log4jTime(50.8)}] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
      `[${log4jTime(50.5)}] INFO [KafkaRaftServer nodeId=2] Kafka Server started (kafka.server.KafkaRaftServer)`,
      `[${log4jTime(50.4)}] INFO [BrokerServer id=2] Transition from STARTING to STARTED (kafka.server.BrokerServer)`,
      `[${log4jTime(50.3)}] INFO [Partition orders-7 broker=2] Log loaded for partition orders-7 with initial high watermark 18822417 (kafka.cluster.Partition)`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 50 - i * 9.5;
      const port = 40000 + ((i * 7331) % 20000);
      out.push(
        `[${log4jTime(t)}] WARN [SocketServer listenerType=BROKER, nodeId=2] Unexpected error from /${nodeIp} (channelId=${podIp(kafka2)}:9092-${nodeIp}:${port}-${i}); closing connection (org.apache.kafka.common.network.Selector)`,
        'org.apache.kafka.common.network.InvalidReceiveException: Invalid receive (size = 1195725856 larger than 104857600)',
        '\tat org.apache.kafka.common.network.NetworkReceive.readFrom(NetworkReceive.java:94)',
        '\tat org.apache.kafka.common.network.KafkaChannel.receive(KafkaChannel.java:462)',
        '\tat org.apache.kafka.common.network.KafkaChannel.read(KafkaChannel.java:412)',
        '\tat org.apache.kafka.common.network.Selector.attemptRead(Selector.java:694)',
        '\tat org.apache.kafka.common.network.Selector.pollSelectionKeys(Selector.java:596)',
        '\tat org.apache.kafka.common.network.Selector.poll(Selector.java:501)',
        '\tat kafka.network.Processor.poll(SocketServer.scala:1070)',
        '\tat kafka.network.Processor.run(SocketServer.scala:974)',
        '\tat java.base/java.lang.Thread.run(Unknown Source)',
      );
      if (i === 2) out.push(`[${log4jTime(t - 1)}] INFO [LocalLog partition=payments-3, dir=/var/lib/kafka/data] Rolled new log segment at offset 991204 in 2 ms. (kafka.log.LocalLog)`);
    }
    return lines(...out);
  })();
  const okLog = (n: number) => lines(
    `[${log4jTime(40)}] INFO [LocalLog partition=orders-${n + 1}, dir=/var/lib/kafka/data] Rolled new log segment at offset 18830112 in 3 ms. (kafka.log.LocalLog)`,
    `[${log4jTime(12)}] INFO [GroupCoordinator ${n}]: Stabilized group inventory-sync generation 412 (__consumer_offsets-17) with 3 members (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout84-kafka-http-readiness-on-broker-port',
    class: 'probes',
    truth: 'Revision 3 of the kafka StatefulSet changed the readiness probe from tcpSocket to httpGet / on the broker port 9092; the broker reads "GET " as a 1195725856-byte request size (InvalidReceiveException) and closes the connection, the probe fails with EOF, kafka-2 is never Ready and the OrderedReady rolling update is stuck with only two ready brokers.',
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, headless, endpointSliceFor(headless, sts.pods, 9092), bootstrap, endpointSliceFor(bootstrap, sts.pods, 9092),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-2 in StatefulSet kafka successful', firstAgo: 51.5, lastAgo: 51.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-2 in StatefulSet kafka successful', firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      ...startedNormally(kafka2, 'kafka', image, 51),
      probeFailed(kafka2, 'kafka', 'Readiness', `Get "http://${podIp(kafka2)}:9092/": EOF`, { count: 287, firstAgo: 50.4, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(kafka2, 'kafka', { current: brokerLog }),
      logsFor(podOf(sts, 0), 'kafka', { current: okLog(0) }),
      logsFor(podOf(sts, 1), 'kafka', { current: okLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/readiness|probe|not ready|never ready/i, /9092|http ?get|HTTP|InvalidReceive|Invalid receive|revision 3|kafka-2/i],
      facts: [/1195725856|InvalidReceiveException|Invalid receive/i, /kafka-2/, /revision|updateRevision|rolling update|rollout/i],
      never: [/\bOOM|out of memory/i, /(disk|volume|PVC)\w*\s+(is\s+)?(full|lost|failed)/i, /crash ?loop/i],
    },
  };
}

// ---- 6. nginx gateway keeps the deleted Service's ClusterIP ---------------------------------------

function nginxStaleUpstreamIp(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.152', ['33', '170', '208']);
  const oldIp = '172.20.91.14';
  const newIp = '172.20.148.37';
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const conf = configMap({
    namespace: ns, name: 'edge-gateway-conf', createdAgo: 180 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      'default.conf': [
        'upstream cart {',
        '    server cart-api.storefront.svc.cluster.local:8080 max_fails=3 fail_timeout=10s;',
        '    keepalive 32;',
        '}',
        'upstream catalog {',
        '    server catalog-api.storefront.svc.cluster.local:8080 max_fails=3 fail_timeout=10s;',
        '    keepalive 32;',
        '}',
        'server {',
        '    listen 8080;',
        '    server_name _;',
        '    proxy_connect_timeout 5s;',
        '    proxy_read_timeout 30s;',
        '    location /api/cart/ { proxy_pass http://cart; proxy_http_version 1.1; proxy_set_header Connection ""; }',
        '    location /api/catalog/ { proxy_pass http://catalog; proxy_http_version 1.1; proxy_set_header Connection ""; }',
        '    location = /nginx-health { access_log off; return 200 "ok"; }',
        '}',
      ].join('\n'),
    },
  });
  const gw = deploymentApp({
    namespace: ns, name: 'edge-gateway', replicas: 2,
    revisions: [{ revision: 8, createdAgo: 9 * DAYS, template: {
      containers: [container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '200m', memory: '128Mi', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }], readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }) })],
      volumes: [{ name: 'conf', configMap: { name: 'edge-gateway-conf' } }],
    } }],
    pods: [{ revision: 8, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 8, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 }],
    settled: { available: true, availableSince: 9 * DAYS - 2, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 2 },
  });
  const cartImage = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const cart = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 1, createdAgo: 97, changeCause: 'helm: cart-api 6.4.2', template: { containers: [container({ image: cartImage('6.4.2'), ports: [8080] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 97 - k * 0.3 })),
    settled: { available: true, availableSince: 95, progressingSince: 97, progressingUpdatedAgo: 95 },
    createdAgo: 97,
  });
  const catalog = bystander(ns, 'catalog-api', names, 38, { revisions: [70, 71], versions: ['9.3.0', '9.4.0'], olderAgo: 11 * DAYS });
  const gwLog = (k: number) => {
    const out: string[] = [
      `10.0.152.${11 + k} - - [${clf(120)}] "POST /api/cart/items HTTP/1.1" 201 412 "https://shop.acme.com/p/BF-TV-55Q80" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" "203.0.113.${40 + k}"`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 90 - i * 11 - k * 0.7;
      const cid = 1_884_210 + i * 377 + k * 91;
      const cl = `10.0.152.${11 + ((i + k) % 3)}`;
      out.push(
        `${ngxTime(t)} [error] 29#29: *${cid} upstream timed out (110: Connection timed out) while connecting to upstream, client: ${cl}, server: _, request: "GET /api/cart/ HTTP/1.1", upstream: "http://${oldIp}:8080/api/cart/", host: "shop.acme.com"`,
        `${cl} - - [${clf(t)}] "GET /api/cart/ HTTP/1.1" 504 167 "https://shop.acme.com/cart" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "198.51.100.${20 + i}"`,
        `${ngxTime(t - 0.2)} [error] 30#30: *${cid + 12} no live upstreams while connecting to upstream, client: ${cl}, server: _, request: "POST /api/cart/items HTTP/1.1", upstream: "http://cart/api/cart/items", host: "shop.acme.com"`,
        `${cl} - - [${clf(t - 0.2)}] "POST /api/cart/items HTTP/1.1" 502 157 "https://shop.acme.com/p/BF-LAP-14X" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "198.51.100.${60 + i}"`,
        `${cl} - - [${clf(t - 0.3)}] "GET /api/catalog/products?category=tv HTTP/1.1" 200 18220 "https://shop.acme.com/c/tv" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "198.51.100.${90 + i}"`,
      );
    }
    return lines(...out);
  };
  const cartLog = (k: number) => lines(
    `{"time":"${at(96.5 - k * 0.3)}","level":"INFO","msg":"cart-api 6.4.2 listening","addr":":8080"}`,
    `{"time":"${at(96.4 - k * 0.3)}","level":"INFO","msg":"redis connected","addr":"cart-cache.storefront.svc.cluster.local:6379"}`,
    ...[60, 30, 1].map((m) => `{"time":"${at(m - k * 0.1)}","level":"INFO","msg":"request","method":"GET","path":"/ready","status":200,"duration_ms":1,"remote":"${nodes[k]?.status?.addresses?.[0]?.address ?? '10.0.152.33'}"}`),
  );
  return {
    id: 'heldout84-nginx-stale-upstream-clusterip',
    class: 'network',
    truth: `edge-gateway's nginx resolved cart-api.storefront.svc.cluster.local once at startup (a static upstream server, no resolver) to ${oldIp}; the cart-api Service was deleted and re-created 97 minutes ago with ClusterIP ${newIp}, so nginx still dials the old IP: "upstream timed out (110: Connection timed out)" then "no live upstreams", 502/504 on /api/cart, while the cart-api pods are healthy.`,
    ask: { service: 'edge-gateway', namespace: ns },
    objects: [
      ...nodes, conf, ...gw.objects, ...cart.objects, ...catalog.objects,
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: gw.pods, type: 'LoadBalancer', createdAgo: 180 * DAYS }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: cart.pods, clusterIP: newIp, createdAgo: 97 }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: catalog.pods, createdAgo: 300 * DAYS }),
      scaledReplicaSet(deploymentOf(cart), rsOf(cart, 1), 3, 0, 97),
      ...cart.pods.flatMap((p, i) => startedNormally(p, 'app', cartImage('6.4.2'), 97 - i * 0.3)),
      ...catalog.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/catalog-api:9.4.0`, 38 - i)),
    ],
    logs: [
      logsFor(podOf(gw, 0), 'nginx', { current: gwLog(0) }),
      logsFor(podOf(gw, 1), 'nginx', { current: gwLog(1) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(cart, k), 'app', { current: cartLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DNS|resolv|stale|cached|old (cluster ?)?IP|172\.20\.91\.14|ClusterIP|re-?created/i],
      facts: [lit(oldIp), /upstream timed out|no live upstreams/i, /cart-api/],
      never: [ADVISES_ROLLBACK, /cart-api[^\n]*\b(is|are) (down|crash\w*|unhealthy|not ready)/i, /network ?polic/i],
    },
  };
}

// ---- 7. Healthy control: Python 3.12 utcnow() DeprecationWarning at start -------------------------

function healthyUtcnowDeprecation(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.164', ['26', '118', '241']);
  const image = (v: string) => `${ECR}/analytics/usage-exporter:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['uvicorn', 'usage_exporter.app:app', '--host', '0.0.0.0', '--port', '8000'], ports: [8000], cpu: '200m', memory: '256Mi',
      env: [{ name: 'WAREHOUSE_DSN', value: 'postgresql://usage_ro@analytics-db.cluster-r4m1x8c2q0.eu-west-1.rds.amazonaws.com:5432/usage' }, { name: 'SCRAPE_INTERVAL_SECONDS', value: '60' }],
      readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'usage-exporter', replicas: 2,
    revisions: [
      { revision: 5, createdAgo: 26 * DAYS, changeCause: 'argocd: usage-exporter 1.8.0', template: tpl('1.8.0') },
      { revision: 6, createdAgo: 4 * HOURS + 10, changeCause: 'argocd: usage-exporter 1.9.0', template: tpl('1.9.0') },
    ],
    pods: [
      { revision: 6, node: names[1] ?? '', createdAgo: 4 * HOURS + 9 },
      { revision: 6, node: names[2] ?? '', createdAgo: 4 * HOURS + 8 },
    ],
    settled: { available: true, availableSince: 4 * HOURS + 7, progressingSince: 4 * HOURS + 10, progressingUpdatedAgo: 4 * HOURS + 7 },
  });
  const other = bystander(ns, 'dashboard-api', names, 70, { revisions: [18, 19], versions: ['4.0.3', '4.1.0'], olderAgo: 14 * DAYS });
  const uvi = (m: number, s: string) => `${pyTime(m)} INFO ${s}`;
  const log = (k: number) => lines(
    `${uvi(4 * HOURS + 9 - k, 'uvicorn.error: Started server process [1]')}`,
    `${uvi(4 * HOURS + 9 - k, 'uvicorn.error: Waiting for application startup.')}`,
    '/app/usage_exporter/clock.py:12: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).',
    '  STARTED_AT = datetime.utcnow()',
    `${uvi(4 * HOURS + 8.9 - k, 'usage_exporter.app: connected to warehouse, 14 metric families registered')}`,
    `${uvi(4 * HOURS + 8.9 - k, 'uvicorn.error: Application startup complete.')}`,
    `${uvi(4 * HOURS + 8.9 - k, 'uvicorn.error: Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)')}`,
    ...[90, 45, 12, 2].flatMap((m) => [
      `${uvi(m - k * 0.2, `usage_exporter.collect: refreshed usage metrics rows=${18_204 + m * 3 + k} in ${410 + m}ms`)}`,
      `${uvi(m - k * 0.2 - 0.1, `uvicorn.access: 10.0.164.${80 + k}:4${(m * 37) % 9000 + 1000} - "GET /metrics HTTP/1.1" 200`)}`,
    ]),
  );
  return {
    id: 'heldout84-healthy-python-utcnow-deprecation',
    class: 'healthy',
    truth: 'usage-exporter (Python 3.12) rolled out revision 6 four hours ago and runs normally: both pods Ready, no restarts, metrics served; the "DeprecationWarning: datetime.datetime.utcnow() is deprecated" printed at start is a harmless Python 3.12 warning.',
    ask: { service: 'usage-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'usage-exporter', selector: { app: 'usage-exporter' }, ports: [{ name: 'http', port: 8000, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 2, 0, 4 * HOURS + 9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 5), 0, 2, 4 * HOURS + 7),
      ...app.pods.flatMap((p, i) => startedNormally(p, 'app', image('1.9.0'), 4 * HOURS + 9 - i)),
      ...other.pods.flatMap((p, i) => startedNormally(p, 'app', `${ECR}/${ns}/dashboard-api:4.1.0`, 70 - i)),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?problem|running normally|no issues?/i],
      facts: [/usage-exporter/],
      never: [/(DeprecationWarning|utcnow)[^\n]*(caus(es|ed|ing)|fail(s|ed|ing|ure)|break|crash)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  rabbitPrefetchAckTimeout(),
  partnerImportLatin1(),
  mongoWriteConflictReprice(),
  sameSiteStrictOidc(),
  kafkaHttpProbeOnBrokerPort(),
  nginxStaleUpstreamIp(),
  healthyUtcnowDeprecation(),
];
