// Held-out stories, round 103, part two (jobs, applications and data):
// 1. invoice-api (Node, Prisma) whose revision 15 moved the image to node:20-alpine3.19 (OpenSSL 3): Prisma finds no query engine for "linux-musl-openssl-3.0.x" and every new pod crash-loops.
// 2. audit-api (Go, MySQL) whose INSERTs fail with "Duplicate entry '2147483647' for key 'audit_events.PRIMARY'": the INT auto-increment id is exhausted; reads work, no rollout explains it.
// 3. fulfillment-worker (Node consumer) answering "order not found" since order-service revision 22 switched to 64-bit snowflake ids, which JSON.parse rounds above 2^53.
// 4. shipment-store (Python, Postgres) whose inserts fail "value too long for type character varying(32)" since carrier-gateway revision 9 sends 44-character tracking refs.
// 5. orders-db-backup CronJob whose pg_dump 15.8 aborts on "server version mismatch" since the orders-db StatefulSet moved to postgres 16.4.
// 6. accounts-api (Java, Flyway, MySQL) whose revision 41 adds a unique index on customers.email that existing duplicate rows break: V43 failed half-way and every start now fails validation.
// 7. Healthy control: the report-rollup CronJob whose run failed once two days ago (an S3 reset) and has succeeded every run since.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event, exposed,
  httpProbe, jobEvent, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe, terminated, ago,
  startedNormally, epochMs, execProbe, nameOf, cronJobEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. Prisma query engine missing for linux-musl-openssl-3.0.x after a base-image bump ----------------

function prismaOpenssl3(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '120', '233']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, base: string) => ({
    annotations: { 'build.acme.io/base-image': base, 'build.acme.io/version': v },
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'url' } } },
      ],
      readiness: httpProbe('/health/ready', 'http'),
      liveness: httpProbe('/health/live', 'http', { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    revisions: [
      { revision: 13, createdAgo: 23 * DAYS, changeCause: 'argocd: invoice-api 3.7.4', template: tpl('3.7.4', 'node:18.19-alpine3.17') },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-api 3.8.2', template: tpl('3.8.2', 'node:18.19-alpine3.17') },
      { revision: 15, createdAgo: 47, changeCause: 'argocd: invoice-api 3.9.0 (chore: bump base image to node:20-alpine3.19)', template: tpl('3.9.0', 'node:20.11-alpine3.19') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 14, node: names[1] ?? '', createdAgo: 9 * DAYS - 4 },
      { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS - 5, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 4 * DAYS, ranSeconds: 5 * DAYS } }) } },
      { revision: 15, node: names[1] ?? '', createdAgo: 47, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 }, 14) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 47, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 1 }, 14) } },
    ],
  });
  const other = bystander(ns, 'invoice-pdf-renderer', names, 3 * HOURS, { revisions: [21, 22], versions: ['1.14.0', '1.14.1'], olderAgo: 12 * DAYS });
  const bad = [podOf(app, 3), podOf(app, 4)];
  const crash = (t: number) => lines(
    `> invoice-api@3.9.0 start`,
    `> node dist/main.js`,
    ``,
    `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(bad[0])}","msg":"invoice-api 3.9.0 starting (node v20.11.1)"}`,
    `/app/node_modules/@prisma/client/runtime/library.js:123`,
    `PrismaClientInitializationError: Query engine library for current platform "linux-musl-openssl-3.0.x" could not be found.`,
    `You incorrectly pinned it to linux-musl-openssl-3.0.x`,
    ``,
    `This probably happens, because you built Prisma Client on a different platform.`,
    `(Prisma Client looked in "/app/node_modules/@prisma/client/runtime/libquery_engine-linux-musl-openssl-3.0.x.so.node")`,
    ``,
    `Searched Locations:`,
    ``,
    `  /app/node_modules/.prisma/client`,
    `  /app/node_modules/@prisma/client`,
    `  /app/node_modules/.prisma/client`,
    `  /tmp/prisma-engines`,
    `  /app/prisma`,
    ``,
    ``,
    `To solve this problem, add the platform "linux-musl-openssl-3.0.x" to the "binaryTargets" attribute in the "generator" block in the "schema.prisma" file:`,
    `generator client {`,
    `  provider      = "prisma-client-js"`,
    `  binaryTargets = ["native", "linux-musl-openssl-3.0.x"]`,
    `}`,
    ``,
    `Then run "prisma generate" for your changes to take effect.`,
    `Read more about deploying Prisma Client: https://pris.ly/d/client-generator`,
    `    at Ra (/app/node_modules/@prisma/client/runtime/library.js:123:1002)`,
    `    at async Object.loadLibrary (/app/node_modules/@prisma/client/runtime/library.js:124:10298)`,
    `    at async Ut.loadEngine (/app/node_modules/@prisma/client/runtime/library.js:125:448)`,
    `    at async Ut.instantiateLibrary (/app/node_modules/@prisma/client/runtime/library.js:124:12605) {`,
    `  clientVersion: '5.10.2',`,
    `  errorCode: undefined`,
    `}`,
    ``,
    `Node.js v20.11.1`,
  );
  const healthy = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${epochMs(3.2)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/invoices?customer=cus_8f2k1"},"res":{"statusCode":200},"responseTime":41,"msg":"request completed"}`,
    `{"level":30,"time":${epochMs(1.1)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/invoices"},"res":{"statusCode":201},"responseTime":88,"msg":"request completed"}`,
  );
  return {
    id: 'heldout103-prisma-musl-openssl3-engine',
    class: 'containers',
    truth: 'invoice-api 3.9.0 (revision 15, rolled out 47 minutes ago) only bumped the base image from node:18-alpine3.17 to node:20-alpine3.19, whose Alpine ships OpenSSL 3; the Prisma client was generated for the old platform, so at start it throws "Query engine library for current platform \\"linux-musl-openssl-3.0.x\\" could not be found" and exits 1. The two new pods crash-loop and the rollout is stuck; the three revision-14 pods still serve. Fix: add "linux-musl-openssl-3.0.x" to binaryTargets, run prisma generate and rebuild — or roll back to revision 14 meanwhile.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 3, 4, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 2, 1, 47),
      ...bad.flatMap((p, i) => [
        ...startedNormally(p, 'app', image('3.9.0'), 47).slice(0, 1),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.9.0')}" in 7.412s (7.412s including waiting). Image size: 61873402 bytes.`, firstAgo: 46.8, lastAgo: 46.8, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image('3.9.0'), { count: 14, firstAgo: 46.7, lastAgo: i === 0 ? 2.1 : 3.4 }),
        backOff(p, 'app', { count: 205, firstAgo: 46.5, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      logsFor(bad[0], 'app', { current: '', previous: crash(2.1) }),
      logsFor(bad[1], 'app', { current: '', previous: crash(3.4) }),
      logsFor(podOf(app, 0), 'app', { current: healthy(podOf(app, 0)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prisma|query engine|binaryTargets?|openssl/i],
      facts: [/linux-musl-openssl-3\.0\.x/, /revision 15|3\.9\.0/, /binaryTargets|prisma generate|roll(ing)? ?back|rollout undo/i],
      never: [/\bOOM/, /liveness probe (killed|kills|failures? (caused|restart))/i, /secret[^\n]{0,30}(missing|not found)/i],
    },
  };
}

// ---- 2. MySQL INT auto-increment exhausted: inserts fail, reads work -------------------------------------

function mysqlIntExhausted(): CorpusScenario {
  const ns = 'compliance';
  const { nodes, names } = threeEksNodes('10.0.54', ['21', '140', '77']);
  const image = (v: string) => `${ECR}/compliance/audit-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'audit-api-config' } }],
      env: [{ name: 'MYSQL_PASSWORD', valueFrom: { secretKeyRef: { name: 'audit-api-mysql', key: 'password' } } }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'audit-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 31 * DAYS, changeCause: 'argocd: audit-api 2.17.0', template: tpl('2.17.0') },
      { revision: 27, createdAgo: 11 * DAYS, changeCause: 'argocd: audit-api 2.17.1', template: tpl('2.17.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
    settled: { available: true, availableSince: 11 * DAYS - 3, progressingSince: 11 * DAYS, progressingUpdatedAgo: 11 * DAYS - 3 },
  });
  const other = bystander(ns, 'retention-sweeper', names, 38, { revisions: [8, 9], versions: ['0.9.3', '0.10.0'], olderAgo: 40 * DAYS });
  const cfg = configMap({
    namespace: ns, name: 'audit-api-config', createdAgo: 200 * DAYS, updatedAgo: 31 * DAYS,
    data: { MYSQL_HOST: 'audit-db.cluster-cq81zk2m0f.eu-west-1.rds.amazonaws.com', MYSQL_DATABASE: 'audit', MYSQL_USER: 'audit_app', MYSQL_MAX_OPEN_CONNS: '25', LOG_LEVEL: 'info' },
  });
  const actors = ['svc:payments-api', 'svc:accounts-api', 'user:7731', 'svc:kyc-worker', 'user:10294', 'svc:payouts'];
  const log = (k: number) => {
    const out: string[] = [`time=${at(11 * DAYS - k - 0.2)} level=INFO msg="audit-api starting" version=2.17.1 addr=:8080`];
    out.push(`time=${at(3 * HOURS + 40)} level=INFO msg=request method=POST path=/v1/events status=201 duration=4.1ms actor=svc:payments-api`);
    for (let i = 0; i < 14; i++) {
      const t = 3 * HOURS + 22 - i * 14 - k * 0.3;
      const actor = actors[(i + k) % actors.length] ?? 'svc:x';
      out.push(`time=${at(t)} level=ERROR msg="insert audit event failed" actor=${actor} action=${i % 2 === 0 ? 'payment.captured' : 'login.succeeded'} err="Error 1062 (23000): Duplicate entry '2147483647' for key 'audit_events.PRIMARY'"`);
      out.push(`time=${at(t - 0.001)} level=INFO msg=request method=POST path=/v1/events status=500 duration=3.${i}ms actor=${actor}`);
      if (i % 3 === 1) out.push(`time=${at(t - 0.3)} level=INFO msg=request method=GET path=/v1/events status=200 duration=${18 + i}ms query="actor=user:7731&since=2026-11-01"`);
    }
    out.push(`time=${at(0.6)} level=INFO msg=request method=GET path=/v1/events/export status=200 duration=212ms`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout103-mysql-int-autoincrement-exhausted',
    class: 'capacity',
    truth: 'The audit_events table of audit-api has a signed INT AUTO_INCREMENT id that reached 2147483647 about 3h20m ago; every INSERT since fails with "Duplicate entry \'2147483647\' for key \'audit_events.PRIMARY\'" (POST /v1/events answers 500) while reads still work and the pods stay Ready. Nothing was rolled out: audit-api last changed 11 days ago and the retention-sweeper rollout 38 minutes ago is unrelated. Fix: ALTER the id column to BIGINT (UNSIGNED) with an online schema change.',
    ask: { service: 'audit-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'audit-api', selector: { app: 'audit-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'retention-sweeper', selector: { app: 'retention-sweeper' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 0, 2, 36),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/2147483647|auto.?increment|\bINT\b|exhaust|max(imum)? (value|id)|overflow/i],
      facts: [/Duplicate entry '2147483647'/, /audit_events/, /BIGINT/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /retention-sweeper[^\n]{0,80}(caused|broke|introduced)/i],
    },
  };
}

// ---- 3. snowflake ids above 2^53 rounded by JSON.parse in a Node consumer -----------------------------

function snowflakePrecision(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.36', ['9', '161', '212']);
  const wImage = (v: string) => `${ECR}/orders/fulfillment-worker:${v}`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'fulfillment-worker',
    replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: fulfillment-worker 5.3.0', template: {
        containers: [container({
          image: wImage('5.3.0'), ports: [9464], cpu: '200m', memory: '256Mi',
          env: [
            { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.data.svc:9092,kafka-1.kafka-headless.data.svc:9092,kafka-2.kafka-headless.data.svc:9092' },
            { name: 'KAFKA_TOPIC', value: 'orders.created' },
            { name: 'KAFKA_GROUP_ID', value: 'fulfillment-worker' },
            { name: 'ORDER_SERVICE_URL', value: 'http://order-service.orders.svc.cluster.local' },
          ],
          readiness: httpProbe('/metrics', 'http'), liveness: tcpProbe('http', { initialDelaySeconds: 10 }),
        })],
      } },
    ],
    pods: [0, 1].map((k) => ({ revision: 18, node: names[k + 1] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const oImage = (v: string) => `${ECR}/orders/order-service:${v}`;
  const oTpl = (v: string, idgen?: string) => ({
    containers: [container({
      image: oImage(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        ...(idgen === undefined ? [] : [{ name: 'ORDER_ID_GENERATOR', value: idgen }, { name: 'SNOWFLAKE_WORKER_ID_FROM', value: 'pod-ordinal-hash' }]),
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const orders = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 15 * DAYS, changeCause: 'argocd: order-service 8.4.2', template: oTpl('8.4.2') },
      { revision: 22, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: order-service 8.5.0 (order ids: snowflake, 64-bit)', template: oTpl('8.5.0', 'snowflake') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
  });
  // Real ids and how Number() rounds them (doubles near 1.87e18 are 256 apart).
  const ids: [string, string][] = [
    ['1866041518836469761', '1866041518836469800'],
    ['1866041520412549122', '1866041520412549000'],
    ['1866041523987603459', '1866041523987603500'],
    ['1866041527331045380', '1866041527331045400'],
    ['1866041530182615045', '1866041530182615000'],
    ['1866041533601927174', '1866041533601927200'],
  ];
  const wlog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${epochMs(12 * DAYS - k - 0.3)},"pid":1,"hostname":"${nameOf(podOf(worker, k))}","msg":"consumer joined group fulfillment-worker","topic":"orders.created","partitions":[${k * 3},${k * 3 + 1},${k * 3 + 2}]}`,
      `{"level":30,"time":${epochMs(2 * HOURS + 20 - k)},"pid":1,"hostname":"${nameOf(podOf(worker, k))}","msg":"order reserved for picking","orderId":48213377,"warehouse":"DUB-2","items":3}`,
      `{"level":30,"time":${epochMs(2 * HOURS + 12 - k)},"pid":1,"hostname":"${nameOf(podOf(worker, k))}","msg":"order reserved for picking","orderId":48213391,"warehouse":"DUB-1","items":1}`,
    ];
    for (let i = 0; i < 12; i++) {
      const [, rounded] = ids[(i + k) % ids.length] ?? ['', ''];
      const t = 115 - i * 9.5 - k * 0.7;
      out.push(`{"level":40,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(podOf(worker, k))}","msg":"order lookup failed","orderId":${rounded},"status":404,"body":"{\\"error\\":\\"order_not_found\\",\\"id\\":\\"${rounded}\\"}","attempt":3}`);
      out.push(`{"level":50,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(podOf(worker, k))}","msg":"order not found, message sent to dead-letter topic","orderId":${rounded},"topic":"orders.created","dlq":"orders.created.dlq","offset":${9_331_200 + i * 37 + k}}`);
    }
    return out.join('\n') + '\n';
  };
  const olog = (k: number) => {
    const out: string[] = [`${at(2 * HOURS + 3 - k).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 21.8 seconds (process running for 23.1)`];
    for (let i = 0; i < 6; i++) {
      const [real, rounded] = ids[(i + k) % ids.length] ?? ['', ''];
      const t = 116 - i * 17 - k;
      out.push(`${at(t).replace('T', ' ').replace('Z', '')}  INFO 1 --- [nio-8080-exec-${i + 2}] c.a.orders.api.OrderController           : order created id=${real} customer=cus_${4410 + i} total=${(37.5 + i * 11).toFixed(2)} EUR, event published to orders.created`);
      out.push(`${at(t - 0.05).replace('T', ' ').replace('Z', '')}  WARN 1 --- [nio-8080-exec-${i + 4}] c.a.orders.api.OrderController           : GET /orders/${rounded} -> 404 order_not_found (user-agent=fulfillment-worker/5.3.0)`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout103-snowflake-id-precision-loss',
    class: 'config',
    truth: 'order-service 8.5.0 (revision 22, rolled out 2h05m ago) switched order ids from a 32-bit sequence to 64-bit snowflake ids (~1.87e18) and publishes them as JSON numbers; fulfillment-worker (unchanged for 12 days) parses the Kafka message with JSON.parse, so ids above Number.MAX_SAFE_INTEGER (2^53) are rounded (1866041518836469761 becomes 1866041518836469800), its lookups GET /orders/<rounded id> answer 404 and every new order goes to the dead-letter topic. Fix: emit ids as strings (or parse them as BigInt/json-bigint in the worker); rolling order-service back stops new ids but the already-issued ones need replaying from the DLQ.',
    ask: { service: 'fulfillment-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...orders.objects,
      ...exposed({ namespace: ns, name: 'fulfillment-worker', selector: { app: 'fulfillment-worker' }, pods: worker.pods, ports: [{ name: 'http', port: 9464, targetPort: 'http' }], endpointPort: 9464 }),
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: orders.pods }),
      scaledReplicaSet(deploymentOf(orders), rsOf(orders, 22), 3, 0, 2 * HOURS + 4),
      scaledReplicaSet(deploymentOf(orders), rsOf(orders, 21), 0, 3, 2 * HOURS + 1),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(worker, k), 'app', { current: wlog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(orders, k), 'app', { current: olog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/precision|2\^53|MAX_SAFE_INTEGER|snowflake|64.?bit|round(ed|ing)|JSON number|BigInt/i],
      facts: [/order-service/, /revision 22|8\.5\.0|snowflake/i, /not.?found|404/i],
      never: [/\bOOM/, /fulfillment-worker[^\n]{0,60}(revision 18|5\.3\.0)[^\n]{0,60}(caused|broke|introduced)/i, /network ?policy|DNS/i],
    },
  };
}

// ---- 4. varchar(32) overflow in shipment-store since carrier-gateway's new tracking refs ---------------

function varcharTooLong(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.112', ['30', '141', '205']);
  const sImage = (v: string) => `${ECR}/logistics/shipment-store:${v}`;
  const store = deploymentApp({
    namespace: ns,
    name: 'shipment-store',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 17 * DAYS, changeCause: 'argocd: shipment-store 1.22.0', template: {
        containers: [container({
          image: sImage('1.22.0'), ports: [8000], cpu: '300m', memory: '512Mi',
          command: ['gunicorn'], args: ['-k', 'uvicorn.workers.UvicornWorker', '-w', '3', '-b', '0.0.0.0:8000', 'shipment_store.app:app'],
          env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'shipment-store-db', key: 'url' } } }],
          readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
        })],
      } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 17 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 6 * DAYS, ranSeconds: 11 * DAYS } }) } } : {}) })),
  });
  const gImage = (v: string) => `${ECR}/logistics/carrier-gateway:${v}`;
  const gTpl = (v: string) => ({ containers: [container({ image: gImage(v), ports: [8080], cpu: '250m', memory: '384Mi', env: [{ name: 'SHIPMENT_STORE_URL', value: 'http://shipment-store.logistics.svc.cluster.local' }, { name: 'DHL_API_BASE', value: 'https://api-eu.dhl.com/parcel/de/shipping/v2' }] })] });
  const gateway = deploymentApp({
    namespace: ns,
    name: 'carrier-gateway',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 26 * DAYS, changeCause: 'argocd: carrier-gateway 3.1.4', template: gTpl('3.1.4') },
      { revision: 9, createdAgo: 1 * HOURS + 42, changeCause: 'argocd: carrier-gateway 3.2.0 (DHL parcel API v2, new tracking references)', template: gTpl('3.2.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k + 1] ?? '', createdAgo: 1 * HOURS + 41 - k })),
  });
  const refs = ['DHLP-EU-7f3c9a12-4e81-4b0d-9a55-0c2e81d7b6f4', 'DHLP-EU-1b44e0d7-93aa-4c1f-8d02-6b9e3f51a7c0', 'DHLP-EU-c09e5b38-2f6d-4a77-b1e4-95d0a3c8e212', 'DHLP-EU-5ad81f60-7c2b-4e39-a6f0-3e7b1d49c58d'];
  const slog = (k: number) => {
    const out: string[] = [`[${pyTime(17 * DAYS - k - 0.2)} +0000] [1] [INFO] Starting gunicorn 22.0.0`, `[${pyTime(17 * DAYS - k - 0.2)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`];
    out.push(`${pyTime(1 * HOURS + 55)} INFO uvicorn.access: 10.0.31.${40 + k}:50122 - "POST /v1/shipments HTTP/1.1" 201`);
    for (let i = 0; i < 8; i++) {
      const t = 95 - i * 11 - k * 0.4;
      const ref = refs[(i + k) % refs.length] ?? '';
      out.push(
        `${pyTime(t)} ERROR shipment_store.api: failed to store shipment order_id=ORD-${77120 + i * 3 + k} carrier=dhl`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context`,
        `    self.dialect.do_execute(`,
        `  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 924, in do_execute`,
        `    cursor.execute(statement, parameters)`,
        `psycopg2.errors.StringDataRightTruncation: value too long for type character varying(32)`,
        ``,
        `The above exception was the direct cause of the following exception:`,
        ``,
        `Traceback (most recent call last):`,
        `  File "/app/shipment_store/api.py", line 88, in create_shipment`,
        `    session.commit()`,
        `sqlalchemy.exc.DataError: (psycopg2.errors.StringDataRightTruncation) value too long for type character varying(32)`,
        ``,
        `[SQL: INSERT INTO shipments (order_id, carrier, tracking_ref, label_url, status, created_at) VALUES (%(order_id)s, %(carrier)s, %(tracking_ref)s, %(label_url)s, %(status)s, now()) RETURNING shipments.id]`,
        `[parameters: {'order_id': 'ORD-${77120 + i * 3 + k}', 'carrier': 'dhl', 'tracking_ref': '${ref}', 'label_url': 'https://labels.acme-logistics.eu/dhl/${ref}.pdf', 'status': 'label_created'}]`,
        `(Background on this error at: https://sqlalche.me/e/20/9h9h)`,
        `${pyTime(t - 0.001)} INFO uvicorn.access: 10.0.31.${40 + k}:5${1000 + i} - "POST /v1/shipments HTTP/1.1" 500`,
      );
      if (i % 3 === 0) out.push(`${pyTime(t - 0.2)} INFO uvicorn.access: 10.0.31.${40 + k}:5${2000 + i} - "GET /v1/shipments?order_id=ORD-7630${i} HTTP/1.1" 200`);
    }
    return out.join('\n') + '\n';
  };
  const glog = (k: number) => {
    const out: string[] = [`{"level":"info","ts":"${at(1 * HOURS + 40 - k)}","msg":"carrier-gateway 3.2.0 started","dhl_api":"parcel/de/shipping/v2"}`];
    for (let i = 0; i < 5; i++) {
      const t = 94 - i * 17 - k * 0.5;
      out.push(`{"level":"info","ts":"${at(t + 0.02)}","msg":"label created","carrier":"dhl","order_id":"ORD-${77120 + i * 3 + k}","tracking_ref":"${refs[(i + k) % refs.length] ?? ''}"}`);
      out.push(`{"level":"error","ts":"${at(t)}","msg":"store shipment failed","order_id":"ORD-${77120 + i * 3 + k}","status":500,"url":"http://shipment-store.logistics.svc.cluster.local/v1/shipments","retry_in":"30s"}`);
    }
    return out.join('\n') + '\n';
  };
  const pgPod = statefulSetApp({
    namespace: ns, name: 'shipment-db', replicas: 1, serviceName: 'shipment-db',
    revisions: [{ revision: 1, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '500m', memory: '1Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS }],
  });
  const dblog = lines(...[0, 1, 2, 3].map((i) => `${pgTime(90 - i * 22)} [${81234 + i}] shipment_app@shipments ERROR:  value too long for type character varying(32)\n${pgTime(90 - i * 22)} [${81234 + i}] shipment_app@shipments STATEMENT:  INSERT INTO shipments (order_id, carrier, tracking_ref, label_url, status, created_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING shipments.id`));
  return {
    id: 'heldout103-varchar32-longer-tracking-refs',
    class: 'config',
    truth: 'carrier-gateway 3.2.0 (revision 9, rolled out 1h42m ago) moved to DHL\'s parcel API v2, whose tracking references are 44 characters ("DHLP-EU-<uuid>"); shipment-store\'s shipments.tracking_ref column is varchar(32), so every POST /v1/shipments for DHL fails in Postgres with "value too long for type character varying(32)" and answers 500. shipment-store itself has not changed for 17 days and its pods are healthy. Fix: widen tracking_ref (ALTER TABLE … TYPE varchar(64)/text), or roll carrier-gateway back to revision 8 until then.',
    ask: { service: 'shipment-store', namespace: ns },
    objects: [
      ...nodes, ...store.objects, ...gateway.objects, ...pgPod.objects,
      ...exposed({ namespace: ns, name: 'shipment-store', selector: { app: 'shipment-store' }, pods: store.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: gateway.pods }),
      ...exposed({ namespace: ns, name: 'shipment-db', selector: { app: 'shipment-db' }, pods: pgPod.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(gateway), rsOf(gateway, 9), 2, 0, 1 * HOURS + 41),
      scaledReplicaSet(deploymentOf(gateway), rsOf(gateway, 8), 0, 2, 1 * HOURS + 39),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(store, k), 'app', { current: slog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(gateway, k), 'app', { current: glog(k) })),
      logsFor(podOf(pgPod, 0), 'postgres', { current: dblog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/character varying\(32\)|varchar\(32\)|value too long|StringDataRightTruncation|truncat/i],
      facts: [/carrier-gateway/, /tracking_ref/, /revision 9|3\.2\.0/],
      never: [/\bOOM/, /shipment-store[^\n]{0,60}(revision 33|1\.22\.0)[^\n]{0,60}(caused|broke|introduced)/i],
    },
  };
}

// ---- 5. pg_dump 15 against a postgres upgraded to 16 ----------------------------------------------------

function pgDumpVersionMismatch(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.40', ['12', '99', '180']);
  const pgTpl = (img: string) => ({
    containers: [container({
      name: 'postgres', image: img, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1, serviceName: 'orders-db',
    revisions: [
      { revision: 4, createdAgo: 210 * DAYS, template: pgTpl('docker.io/library/postgres:15.8') },
      { revision: 5, createdAgo: 40 * HOURS, template: pgTpl('docker.io/library/postgres:16.4') },
    ],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 40 * HOURS - 25 }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const backupImage = 'docker.io/library/postgres:15.8';
  const tpl = {
    containers: [batchContainer({
      name: 'backup', image: backupImage, cpu: '250m', memory: '512Mi',
      command: ['/bin/sh', '-c'],
      args: ['set -euo pipefail; f=/backup/orders-$(date -u +%Y%m%dT%H%M).dump; echo "[backup] dumping orders from $PGHOST to $f"; pg_dump -Fc -d orders -f "$f"; aws s3 cp "$f" s3://acme-db-backups/orders/'],
      env: [{ name: 'PGHOST', value: 'orders-db-0.orders-db.orders.svc.cluster.local' }, { name: 'PGUSER', value: 'backup' }, { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-backup', key: 'password' } } }],
    })],
    serviceAccountName: 'orders-db-backup',
  };
  const last = 1 * HOURS + 44; // 01:30 tonight
  const dayAgo = (d: number) => last + d * DAYS;
  const okPod = (d: number) => ({ node: names[d % 3] ?? '', createdAgo: dayAgo(d), phase: 'Succeeded' as const, containers: { backup: terminated({ exitCode: 0, finishedAgo: dayAgo(d) - 6, ranSeconds: 352 }) } });
  const cron = cronJob({
    namespace: ns, name: 'orders-db-backup', schedule: '30 1 * * *', backoffLimit: 2, template: tpl,
    lastSuccessfulAgo: dayAgo(2) - 6,
    jobs: [
      { createdAgo: dayAgo(4), pods: [okPod(4)], outcome: { complete: true, ago: dayAgo(4) - 6 } },
      { createdAgo: dayAgo(3), pods: [okPod(3)], outcome: { complete: true, ago: dayAgo(3) - 6 } },
      { createdAgo: dayAgo(2), pods: [okPod(2)], outcome: { complete: true, ago: dayAgo(2) - 6 } },
      {
        createdAgo: last,
        pods: [0, 1, 2].map((k) => ({ node: names[k] ?? '', createdAgo: last - [0, 0.3, 0.9][k]!, phase: 'Failed' as const, containers: { backup: terminated({ exitCode: 1, finishedAgo: last - [0.1, 0.4, 1.0][k]!, ranSeconds: 2 }) } })),
        outcome: { failed: 'BackoffLimitExceeded', ago: last - 1.05 },
      },
    ],
  });
  const failedJob = cron.jobs[3];
  const failedPods = failedJob?.pods ?? [];
  const dumpLog = (t: number) => lines(
    `[backup] dumping orders from orders-db-0.orders-db.orders.svc.cluster.local to /backup/orders-${ago(t).toISOString().slice(0, 16).replace(/[-:]/g, '')}.dump`,
    `pg_dump: error: aborting because of server version mismatch`,
    `pg_dump: detail: server version: 16.4 (Debian 16.4-1.pgdg120+2); pg_dump version: 15.8 (Debian 15.8-1.pgdg120+1)`,
  );
  const okLog = (t: number) => lines(
    `[backup] dumping orders from orders-db-0.orders-db.orders.svc.cluster.local to /backup/orders-${ago(t).toISOString().slice(0, 16).replace(/[-:]/g, '')}.dump`,
    `upload: ../backup/orders-${ago(t).toISOString().slice(0, 16).replace(/[-:]/g, '')}.dump to s3://acme-db-backups/orders/orders-${ago(t).toISOString().slice(0, 16).replace(/[-:]/g, '')}.dump`,
  );
  const api = bystander(ns, 'orders-api', names, 5 * HOURS, { revisions: [61, 62], versions: ['12.0.3', '12.0.4'], olderAgo: 6 * DAYS });
  const dbLog = lines(
    `${pgTime(40 * HOURS - 26)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(40 * HOURS - 26)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(last - 0.01)} [48810] backup@orders LOG:  could not receive data from client: Connection reset by peer`,
    `${pgTime(12)} [92] LOG:  checkpoint complete: wrote 2231 buffers (13.6%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.8 s, sync=0.004 s, total=269.9 s`,
  );
  return {
    id: 'heldout103-pgdump-server-version-mismatch',
    class: 'jobs',
    truth: 'The orders-db StatefulSet was upgraded from postgres:15.8 to postgres:16.4 (revision 5, 40 hours ago, pg_upgrade), but the orders-db-backup CronJob still runs pg_dump from the postgres:15.8 image; pg_dump refuses a newer server ("aborting because of server version mismatch … server version: 16.4; pg_dump version: 15.8") and exits 1, so last night\'s and tonight\'s backups failed (BackoffLimitExceeded) and the last good backup is two days old. Fix: run the backup with a postgres:16 client image and re-run the job now.',
    ask: { service: 'orders-db-backup', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432, headless: true }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...failedPods.map((p, k) => jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, last - [0, 0.3, 0.9][k]!)),
      jobEvent(failedJob?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', last - 1.05, 'Warning'),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(failedJob?.objects[0])}`, last),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob?.objects[0])}, status: Failed`, last - 1.05),
    ],
    logs: [
      ...failedPods.map((p, k) => logsFor(p, 'backup', { current: dumpLog(last - [0, 0.3, 0.9][k]!) })),
      ...(cron.jobs[2]?.pods ?? []).map((p) => logsFor(p, 'backup', { current: okLog(dayAgo(2)) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/version mismatch|pg_dump[^\n]{0,40}(15|version)|16\.4|postgres(ql)? ?16/i],
      facts: [/15\.8/, /16\.4/, /orders-db/],
      never: [/\bOOM/, /password authentication failed|wrong password/i, /deadline exceeded|activeDeadline/i],
    },
  };
}

// ---- 6. Flyway V43 unique index broken by duplicate data: failed migration blocks every start ---------

function flywayFailedMigration(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.60', ['44', '151', '219']);
  const image = (v: string) => `${ECR}/accounts/accounts-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://accounts-db.cluster-ab81kq0x3e.eu-west-1.rds.amazonaws.com:3306/accounts' },
        { name: 'SPRING_FLYWAY_ENABLED', value: 'true' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: accounts-api 7.19.1', template: tpl('7.19.1') },
      { revision: 41, createdAgo: 36, changeCause: 'argocd: accounts-api 7.20.0 (V43: unique customer email)', template: tpl('7.20.0') },
    ],
    pods: [
      { revision: 40, node: names[0] ?? '', createdAgo: 8 * DAYS - 2 },
      { revision: 40, node: names[1] ?? '', createdAgo: 8 * DAYS - 3 },
      { revision: 41, node: names[2] ?? '', createdAgo: 36, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 14 }, 9) } },
    ],
  });
  const bad = podOf(app, 2);
  const ts = (t: number) => at(t).replace('Z', '+00:00');
  const first = lines(
    `${ts(35.6)}  INFO 1 --- [accounts-api] [           main] c.a.accounts.AccountsApiApplication      : Starting AccountsApiApplication v7.20.0 using Java 21.0.4 with PID 1`,
    `${ts(35.5)}  INFO 1 --- [accounts-api] [           main] o.f.c.i.database.base.BaseDatabaseType   : Database: jdbc:mysql://accounts-db.cluster-ab81kq0x3e.eu-west-1.rds.amazonaws.com:3306/accounts (MySQL 8.0)`,
    `${ts(35.5)}  INFO 1 --- [accounts-api] [           main] o.f.core.internal.command.DbMigrate      : Current version of schema \`accounts\`: 42`,
    `${ts(35.5)}  INFO 1 --- [accounts-api] [           main] o.f.core.internal.command.DbMigrate      : Migrating schema \`accounts\` to version "43 - unique customer email"`,
    `${ts(35.3)} ERROR 1 --- [accounts-api] [           main] o.f.core.internal.command.DbMigrate      : Migration of schema \`accounts\` to version "43 - unique customer email" failed! Please restore backups and roll back database and code!`,
    `${ts(35.3)}  WARN 1 --- [accounts-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer': Migration V43__unique_customer_email.sql failed`,
    `-----------------------------------------------`,
    `SQL State  : 23000`,
    `Error Code : 1062`,
    `Message    : Duplicate entry 'm.okafor@example.org' for key 'customers.uq_customers_email'`,
    `Location   : db/migration/V43__unique_customer_email.sql (/app/BOOT-INF/classes/db/migration/V43__unique_customer_email.sql)`,
    `Line       : 3`,
    `Statement  : ALTER TABLE customers ADD CONSTRAINT uq_customers_email UNIQUE (email)`,
  );
  const later = (t: number) => lines(
    `${ts(t)}  INFO 1 --- [accounts-api] [           main] c.a.accounts.AccountsApiApplication      : Starting AccountsApiApplication v7.20.0 using Java 21.0.4 with PID 1`,
    `${ts(t - 0.1)}  INFO 1 --- [accounts-api] [           main] o.f.c.i.database.base.BaseDatabaseType   : Database: jdbc:mysql://accounts-db.cluster-ab81kq0x3e.eu-west-1.rds.amazonaws.com:3306/accounts (MySQL 8.0)`,
    `${ts(t - 0.15)}  WARN 1 --- [accounts-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource [org/springframework/boot/autoconfigure/flyway/FlywayAutoConfiguration$FlywayConfiguration.class]: Validate failed: Migrations have failed validation`,
    `Detected failed migration to version 43 (unique customer email).`,
    `Please remove any half-completed changes then run repair to fix the schema history.`,
    `Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE`,
    `${ts(t - 0.16)} ERROR 1 --- [accounts-api] [           main] o.s.boot.SpringApplication               : Application run failed`,
    ``,
    `org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation`,
    `Detected failed migration to version 43 (unique customer email).`,
    `Please remove any half-completed changes then run repair to fix the schema history.`,
    `\tat org.flywaydb.core.Flyway.lambda$migrate$0(Flyway.java:160)`,
    `\tat org.flywaydb.core.FlywayExecutor.execute(FlywayExecutor.java:205)`,
    `\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)`,
  );
  const ok = lines(
    `${ts(4.2)}  INFO 1 --- [accounts-api] [nio-8080-exec-7] c.a.accounts.web.RequestLog              : GET /v2/customers/cus_19a2 200 12ms`,
    `${ts(1.3)}  INFO 1 --- [accounts-api] [nio-8080-exec-2] c.a.accounts.web.RequestLog              : POST /v2/customers 201 31ms`,
  );
  return {
    id: 'heldout103-flyway-failed-migration-duplicates',
    class: 'rollout',
    truth: 'accounts-api 7.20.0 (revision 41, 36 minutes ago) ships Flyway migration V43 adding a UNIQUE constraint on customers.email, but production already holds duplicate emails; on MySQL (no transactional DDL) the first pod\'s migration failed with "Duplicate entry … for key \'customers.uq_customers_email\'" and left a failed V43 row in flyway_schema_history, so every restart now fails validation ("Detected failed migration to version 43") and exits 1. The new pod crash-loops, the rollout is stuck, the two revision-40 pods still serve. Fix: roll back to revision 40 (or pause), deduplicate the customers\' emails, run flyway repair, then roll forward.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 2, 3, 36),
      ...startedNormally(bad, 'app', image('7.20.0'), 36).slice(0, 1),
      ...restartedAgain(bad, 'app', image('7.20.0'), { count: 10, firstAgo: 35.8, lastAgo: 1.5 }),
      backOff(bad, 'app', { count: 128, firstAgo: 33, lastAgo: 0.4 }),
      event({ on: bad, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${bad.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${bad.status?.podIP ?? ''}:8080: connect: connection refused`, count: 11, firstAgo: 35.4, lastAgo: 1.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(bad, 'app', { current: '', previous: later(1.45) }),
      logsFor(podOf(app, 0), 'app', { current: ok }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/flyway|migration|V43|version 43|schema history/i],
      facts: [/Detected failed migration to version 43|V43/, /Duplicate|uq_customers_email|duplicate emails?/i, /repair|revision 40|roll(ing)? ?back/i],
      never: [/\bOOM/, /liveness probe (killed|kills)/i, /readiness probe[^\n]{0,40}(misconfigured|too short|wrong port)/i],
    },
  };
}

// ---- 7. Healthy control: a CronJob that failed once two days ago and has succeeded since --------------

function cronJobOldFailure(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.24', ['5', '130', '201']);
  const image = `${ECR}/analytics/report-rollup:2.6.1`;
  const tpl = {
    containers: [batchContainer({
      name: 'rollup', image, cpu: '500m', memory: '1Gi',
      args: ['rollup', '--window=6h', '--dest=s3://acme-analytics-rollups/hourly/'],
      env: [{ name: 'WAREHOUSE_DSN', valueFrom: { secretKeyRef: { name: 'report-rollup', key: 'dsn' } } }],
    })],
  };
  // Every six hours at :05 — runs at 03:05 tonight, 21:05, 15:05 yesterday, … The 03:05 run of two days ago failed.
  const runAgo = (n: number) => 9 + n * 6 * HOURS;
  const ok = (n: number, secs: number) => ({ createdAgo: runAgo(n), pods: [{ node: names[n % 3] ?? '', createdAgo: runAgo(n), phase: 'Succeeded' as const, containers: { rollup: terminated({ exitCode: 0, finishedAgo: runAgo(n) - secs / 60, ranSeconds: secs }) } }], outcome: { complete: true as const, ago: runAgo(n) - secs / 60 - 0.05 } });
  const failedN = 8; // 48 h ago
  const cron = cronJob({
    namespace: ns, name: 'report-rollup', schedule: '5 */6 * * *', backoffLimit: 0, template: tpl,
    lastSuccessfulAgo: runAgo(0) - 3.1,
    jobs: [
      { createdAgo: runAgo(failedN), pods: [{ node: names[2] ?? '', createdAgo: runAgo(failedN), phase: 'Failed', containers: { rollup: terminated({ exitCode: 1, finishedAgo: runAgo(failedN) - 2.4, ranSeconds: 142 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: runAgo(failedN) - 2.45 } },
      ok(2, 176), ok(1, 191), ok(0, 186),
    ],
  });
  const failedPod = cron.jobs[0]?.pods[0];
  const okPods = cron.jobs.slice(1).flatMap((j) => j.pods);
  const failLog = lines(
    `${pyTime(runAgo(failedN) - 0.05)} INFO report_rollup: window 2026-11-18T21:00Z..2026-11-19T03:00Z, 14 tables`,
    `${pyTime(runAgo(failedN) - 1.9)} INFO report_rollup: aggregated orders_hourly (61,204 rows)`,
    `${pyTime(runAgo(failedN) - 2.39)} ERROR report_rollup: upload failed: s3://acme-analytics-rollups/hourly/2026/11/19/03/sessions_hourly.parquet`,
    `Traceback (most recent call last):`,
    `  File "/app/report_rollup/upload.py", line 41, in put`,
    `    self.s3.upload_file(path, bucket, key)`,
    `botocore.exceptions.ConnectionClosedError: Connection was closed before we received a valid response from endpoint URL: "https://acme-analytics-rollups.s3.eu-west-1.amazonaws.com/hourly/2026/11/19/03/sessions_hourly.parquet?uploadId=2~kq0Zr1v&partNumber=3"`,
  );
  const okLog = (n: number) => lines(
    `${pyTime(runAgo(n) - 0.05)} INFO report_rollup: window of 6h, 14 tables`,
    `${pyTime(runAgo(n) - 2.9)} INFO report_rollup: uploaded 14 parquet files to s3://acme-analytics-rollups/hourly/`,
    `${pyTime(runAgo(n) - 3.0)} INFO report_rollup: done in ${170 + n * 7}s`,
  );
  const dash = bystander(ns, 'metrics-dashboard', names, 2 * DAYS + 5 * HOURS, { revisions: [14, 15], versions: ['4.2.0', '4.3.0'], olderAgo: 30 * DAYS });
  const lastJob = cron.jobs[3]?.objects[0];
  return {
    id: 'heldout103-healthy-cronjob-old-failure',
    class: 'healthy',
    truth: 'The report-rollup CronJob (every six hours) failed once, 48 hours ago, on a transient S3 "Connection was closed before we received a valid response" during an upload; the kept failed Job (failedJobsHistoryLimit 1) still shows its pod exited 1, but all eight runs since have succeeded, the last one 6 minutes ago. Nothing is wrong now.',
    ask: { service: 'report-rollup', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...dash.objects,
      ...exposed({ namespace: ns, name: 'metrics-dashboard', selector: { app: 'metrics-dashboard' }, pods: dash.pods }),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(lastJob)}`, runAgo(0)),
      jobEvent(lastJob, 'SuccessfulCreate', `Created pod: ${nameOf(cron.jobs[3]?.pods[0])}`, runAgo(0)),
      jobEvent(lastJob, 'Completed', 'Job completed', runAgo(0) - 3.15),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob)}, status: Complete`, runAgo(0) - 3.15),
      cronJobEvent(cron.objects[0], 'SuccessfulDelete', `Deleted job report-rollup-${Math.floor(ago(runAgo(3)).getTime() / 60_000)}`, runAgo(0) - 3.15),
    ],
    logs: [
      ...(failedPod === undefined ? [] : [logsFor(failedPod, 'rollup', { current: failLog })]),
      ...okPods.map((p, i) => logsFor(p, 'rollup', { current: okLog(2 - i) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|succeed|no (current )?problem|nothing (is )?wrong|OK/i],
      facts: [/report-rollup/],
      never: [/\bOOM/, /backoff limit[^\n]{0,40}(now|currently)|failing now|keeps failing/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  prismaOpenssl3(),
  mysqlIntExhausted(),
  snowflakePrecision(),
  varcharTooLong(),
  pgDumpVersionMismatch(),
  flywayFailedMigration(),
  cronJobOldFailure(),
];
