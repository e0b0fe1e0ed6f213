// Held-out stories, forty-third round, part two: an order-history API whose release switched its
// CSV export from search_after to from/size paging with bigger pages, so Elasticsearch refuses
// every page past the 10 000th hit ("Result window is too large"); PgBouncer refusing billing-api
// ("no more connections allowed (max_client_conn)") since invoice-worker was scaled from 6 to 20
// replicas with 36 connections each; a RabbitMQ whose definitions ConfigMap rotated the password
// of notification-dispatcher's user, re-imported by every broker node during the rolling restart
// it caused, so the dispatcher's logins are refused (ACCESS_REFUSED) and it crash-loops; a Spring
// Boot 2.5 → 2.7 upgrade that turns a long-standing field-injection cycle into a start-up failure;
// a media-ingest release that rewrites one shared GCS manifest object on every upload, so GCS
// answers 429 rateLimitExceeded for object mutations; ClickHouse replicated tables read-only
// because two of three Keeper pods are stuck Terminating on a node that stopped answering; and a
// healthy control: an nginx docs portal whose events warn about a missing image pull secret and
// whose error log warns about upstream responses buffered to temporary files.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, boundClaim, clfTime, configMap, container, createdPod, crashLoop, cronJob,
  deploymentApp, event, execProbe, exposed, httpProbe, node, probeFailed, pyTime, replicaSetOf, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe, terminated, ago, epochMs,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const statefulSetOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** PgBouncer's and Postgres' log time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** RabbitMQ 3.13's log time: `2026-11-21 03:12:41.563218+00:00`. */
const rmqTime = (minutes: number, micro = 0): string => `${at(minutes).replace('T', ' ').replace('Z', '')}${String(micro % 1000).padStart(3, '0')}+00:00`;
/** ClickHouse's log time: `2026.11.21 03:12:41.563218`. */
const chTime = (minutes: number, micro = 0): string => `${at(minutes).slice(0, 23).replace('T', ' ').replace(/-/g, '.')}${String(micro % 1000).padStart(3, '0')}`;
/** Spring Boot 2.x's default console time: `2026-11-21 03:12:41.563`. */
const bootTime = (minutes: number): string => at(minutes).slice(0, 23).replace('T', ' ');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. Elasticsearch refuses deep pages after a release switched the export to from/size paging --------

function elasticsearchResultWindow(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '222']);
  const image = (v: string) => `${ECR}/orders/order-history-api:${v}`;
  const tpl = (v: string, mode: string, size: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'ES_URL', value: 'http://orders-es.orders.svc.cluster.local:9200' },
        { name: 'ES_INDEX', value: 'orders-v7' },
        { name: 'EXPORT_PAGINATION', value: mode },
        { name: 'EXPORT_PAGE_SIZE', value: size },
        { name: 'GOMEMLIMIT', value: '450MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'order-history-api',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 23 * DAYS, changeCause: 'argocd: order-history-api 2.18.1', template: tpl('2.18.1', 'search_after', '200') },
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: order-history-api 2.18.4', template: tpl('2.18.4', 'search_after', '200') },
      { revision: 58, createdAgo: 38, changeCause: 'argocd: order-history-api 2.19.0', template: tpl('2.19.0', 'offset', '500') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 37.6 - k * 0.7 })),
    settled: { available: true, availableSince: 36, progressingSince: 38, progressingUpdatedAgo: 36 },
  });
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'orders-es',
    replicas: 3,
    serviceName: 'orders-es-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 47 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, cpu: '2', memory: '8Gi',
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          env: [
            { name: 'cluster.name', value: 'orders' },
            { name: 'discovery.seed_hosts', value: 'orders-es-headless' },
            { name: 'cluster.initial_master_nodes', value: 'orders-es-0,orders-es-1,orders-es-2' },
            { name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' },
            { name: 'xpack.security.enabled', value: 'false' },
          ],
          readiness: execProbe(['bash', '-c', 'curl -sf "http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s"'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('transport', { initialDelaySeconds: 90, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
        securityContext: { fsGroup: 1000, runAsUser: 1000 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 47 * DAYS - 4 },
      // A red herring: orders-es-1 was OOM-killed six days ago during a reindex, and has been fine since.
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 47 * DAYS - 4, containers: { elasticsearch: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS + 0.2, ranSeconds: 41 * 24 * 3600 } }) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 47 * DAYS - 4 },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-orders-es-${i}`, storage: '200Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'orders-es' } }));
  const consumer = deploymentApp({
    namespace: ns,
    name: 'order-indexer',
    replicas: 2,
    revisions: [{ revision: 31, createdAgo: 16 * DAYS, changeCause: 'argocd: order-indexer 1.9.2', template: { containers: [container({ image: `${ECR}/orders/order-indexer:1.9.2`, ports: [9090], readiness: httpProbe('/healthz', 9090), liveness: httpProbe('/healthz', 9090, { initialDelaySeconds: 5 }) })] } }],
    pods: [{ revision: 31, node: names[1] ?? '', createdAgo: 16 * DAYS }, { revision: 31, node: names[2] ?? '', createdAgo: 16 * DAYS }],
  });

  const customers = ['C-884120', 'C-310077', 'C-552901', 'C-107733'];
  const apiLog = (k: number) => {
    const start = 37.4 - k * 0.7;
    const out: string[] = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/server/main.go:64","msg":"starting order-history-api","version":"2.19.0","commit":"4be1a9d","go":"go1.23.3"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"search/client.go:48","msg":"elasticsearch client ready","addresses":["http://orders-es.orders.svc.cluster.local:9200"],"cluster":"orders","server_version":"8.15.3"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"search/orders.go:71","msg":"export pagination configured","mode":"offset","page_size":500}`,
      `{"level":"info","ts":"${at(start - 0.02)}","caller":"http/server.go:39","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 33 - i * 2.3 - k * 0.4;
      const small = 20_000 + ((i * 7919 + k * 1299) % 70_000);
      out.push(`{"level":"info","ts":"${at(t)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v2/customers/C-${small}/orders?page=1&per_page=50","status":200,"duration_ms":${18 + ((i * 13 + k) % 40)}}`);
      if (i % 2 === 0) out.push(`{"level":"info","ts":"${at(t - 0.05)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v2/orders/O-${4_410_000 + i * 37 + k}","status":200,"duration_ms":${7 + (i % 5)}}`);
      if (i % 3 === 1) {
        const c = customers[(i + k) % customers.length] ?? 'C-884120';
        const deep = i % 2 === 1;
        const from = deep ? 10_500 : 10_000;
        const page = from / 500 + 1;
        const reason = `Result window is too large, from + size must be less than or equal to: [10000] but was [${from + 500}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`;
        out.push(`{"level":"error","ts":"${at(t - 0.3)}","caller":"search/orders.go:212","msg":"elasticsearch search failed","index":"orders-v7","customer_id":"${c}","from":${from},"size":500,"status":400,"type":"search_phase_execution_exception","root_cause":"illegal_argument_exception","reason":"${reason}"}`);
        if (deep) {
          out.push(`{"level":"warn","ts":"${at(t - 0.3)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v2/customers/${c}/orders?page=${page}&per_page=500","status":500,"duration_ms":${41 + i}}`);
        } else {
          out.push(`{"level":"error","ts":"${at(t - 0.3)}","caller":"http/export.go:133","msg":"export aborted","customer_id":"${c}","format":"csv","pages_written":20,"rows_written":10000,"error":"search page ${page}: elasticsearch: 400 search_phase_execution_exception"}`);
          out.push(`{"level":"warn","ts":"${at(t - 0.3)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v2/customers/${c}/orders/export?format=csv","status":500,"duration_ms":${8_400 + i * 211},"bytes_sent":${3_811_200 + i * 977}}`);
        }
      }
    }
    out.push(`{"level":"info","ts":"${at(0.4)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v2/customers/C-41822/orders?page=2&per_page=50","status":200,"duration_ms":26}`);
    return out.join('\n') + '\n';
  };
  const esLog = (i: number) => lines(
    `{"@timestamp":"${at(58 - i)}", "log.level": "INFO", "message":"rolling index [orders-v7-write] to [orders-v7-000043]: ILM policy [orders-rollover] conditions met", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[orders-es-${i}][management][T#2]","log.logger":"org.elasticsearch.xpack.core.ilm.RolloverStep","elasticsearch.node.name":"orders-es-${i}","elasticsearch.cluster.name":"orders"}`,
    `{"@timestamp":"${at(21 - i)}", "log.level": "INFO", "message":"[gc][2411${i}] overhead, spent [312ms] collecting in the last [1s]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[orders-es-${i}][scheduler][T#1]","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"orders-es-${i}","elasticsearch.cluster.name":"orders"}`,
    `{"@timestamp":"${at(3 + i)}", "log.level": "INFO", "message":"snapshot [nightly-orders:orders-2026.11.21-0300/Xk2qf3TqQ0m3] started", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[orders-es-${i}][snapshot][T#1]","log.logger":"org.elasticsearch.snapshots.SnapshotsService","elasticsearch.node.name":"orders-es-${i}","elasticsearch.cluster.name":"orders"}`,
  );
  const dep = deploymentOf(api);
  return {
    id: 'heldout43-elasticsearch-result-window-deep-paging',
    class: 'rollout',
    truth: 'order-history-api revision 58 (2.19.0, 38 minutes ago) switched the CSV export and the "all orders" listing from search_after to from/size paging (EXPORT_PAGINATION=offset) with 500-hit pages. Elasticsearch refuses any search whose from + size exceeds index.max_result_window (10 000), so every export and listing of a customer with more than 10 000 orders now fails at page 21 with a 400 "Result window is too large" and the API answers 500; the pods and the orders-es cluster are healthy. Fix: roll back to revision 57 (search_after), then page with search_after/point-in-time instead of raising the window.',
    ask: { service: 'order-history-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...es.objects, ...claims, ...consumer.objects,
      ...exposed({ namespace: ns, name: 'order-history-api', selector: { app: 'order-history-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'orders-es', selector: { app: 'orders-es' }, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], pods: es.pods, endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'orders-es-headless', headless: true, selector: { app: 'orders-es' }, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], pods: es.pods, endpointPort: 9300 }),
      scaledReplicaSet(dep, rsOf(api, 58), 1, 0, 38),
      scaledReplicaSet(dep, rsOf(api, 57), 2, 3, 37.3),
      scaledReplicaSet(dep, rsOf(api, 58), 2, 1, 37.3),
      scaledReplicaSet(dep, rsOf(api, 57), 1, 2, 36.6),
      scaledReplicaSet(dep, rsOf(api, 58), 3, 2, 36.6),
      scaledReplicaSet(dep, rsOf(api, 57), 0, 1, 35.9),
      ...api.pods.flatMap((p, k) => startedAt(p, 'app', image('2.19.0'), 37.6 - k * 0.7)),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...es.pods.map((p, i) => logsFor(p, 'elasticsearch', { current: esLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/result window|max_result_window|from ?\+ ?size|10,?000/i, /revision 58|2\.19\.0|offset|pagina/i],
      facts: [/Result window is too large/i, /search_after|scroll|point.in.time|max_result_window/i, /revision 58|2\.19\.0/],
      never: [/\bOOM/, /orders-es[^\n]*(down|unavailable|unreachable|unhealthy|red\b)/i, /crash ?loop/i],
    },
  };
}

// ---- 2. PgBouncer refuses clients (max_client_conn) after invoice-worker was scaled 6 → 20 --------------

function pgbouncerMaxClientConn(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.40', ['9', '118', '203']);
  const pgbImage = 'docker.io/edoburu/pgbouncer:v1.23.1-p2';
  const ini = [
    '[databases]',
    'billing = host=billing-db.cluster-cq81xk2mzt0p.eu-west-1.rds.amazonaws.com port=5432 dbname=billing',
    '',
    '[pgbouncer]',
    'listen_addr = 0.0.0.0',
    'listen_port = 6432',
    'auth_type = scram-sha-256',
    'auth_file = /etc/pgbouncer/userlist.txt',
    'pool_mode = transaction',
    'max_client_conn = 400',
    'default_pool_size = 40',
    'reserve_pool_size = 5',
    'max_db_connections = 90',
    'server_idle_timeout = 300',
    'log_connections = 0',
    'log_disconnections = 0',
    'stats_period = 60',
    'ignore_startup_parameters = extra_float_digits,options',
    '',
  ].join('\n');
  const pgb = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [{
      revision: 6, createdAgo: 33 * DAYS, changeCause: 'helm: pgbouncer 1.23.1',
      template: {
        containers: [container({
          name: 'pgbouncer', image: pgbImage, command: ['/usr/bin/pgbouncer', '/etc/pgbouncer/pgbouncer.ini'], ports: [{ name: 'pgbouncer', containerPort: 6432 }],
          cpu: '500m', memory: '256Mi', readiness: tcpProbe('pgbouncer', { periodSeconds: 5 }), liveness: tcpProbe('pgbouncer', { initialDelaySeconds: 10 }),
          volumeMounts: [{ name: 'config', mountPath: '/etc/pgbouncer/pgbouncer.ini', subPath: 'pgbouncer.ini', readOnly: true }, { name: 'userlist', mountPath: '/etc/pgbouncer/userlist.txt', subPath: 'userlist.txt', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'pgbouncer-config' } }, { name: 'userlist', secret: { secretName: 'pgbouncer-userlist' } }],
      },
    }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 33 * DAYS - 1 }, { revision: 6, node: names[2] ?? '', createdAgo: 33 * DAYS - 2 }],
  });
  const dsn = (user: string) => `postgres://${user}@pgbouncer.billing.svc.cluster.local:6432/billing?sslmode=disable`;
  const workerImage = `${ECR}/billing/invoice-worker:3.4.1`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 20,
    revisions: [{
      revision: 12, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-worker 3.4.1',
      template: { containers: [container({ image: workerImage, ports: [9102], cpu: '250m', memory: '256Mi', env: [{ name: 'DATABASE_URL', value: dsn('invoice_worker') }, { name: 'DB_MAX_CONNS', value: '36' }, { name: 'WORKER_CONCURRENCY', value: '32' }], readiness: httpProbe('/healthz', 9102), liveness: httpProbe('/healthz', 9102, { initialDelaySeconds: 5 }) })] },
    }],
    pods: [
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ revision: 12, node: names[k % 3] ?? '', createdAgo: 12 * DAYS - k })),
      ...Array.from({ length: 14 }, (_, k) => ({ revision: 12, node: names[k % 3] ?? '', createdAgo: 31 - k * 0.02 })),
    ],
    settled: { available: true, availableSince: 30, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 2 },
  });
  // `kubectl scale deployment/invoice-worker --replicas=20` for the month-end invoice run: the scale subresource's write.
  const workerDep = deploymentOf(worker);
  if (workerDep.metadata) {
    workerDep.metadata.managedFields = [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(12 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale', time: ago(31), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', time: ago(30), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
    ];
  }
  const apiImage = `${ECR}/billing/billing-api:7.21.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 4,
    revisions: [
      { revision: 43, createdAgo: 15 * DAYS, changeCause: 'argocd: billing-api 7.20.2', template: { containers: [container({ image: `${ECR}/billing/billing-api:7.20.2`, ports: [8000], memory: '768Mi', cpu: '500m' })] } },
      {
        revision: 44, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-api 7.21.0',
        template: {
          containers: [container({
            image: apiImage, ports: [8000], memory: '768Mi', cpu: '500m',
            command: ['gunicorn', 'billing.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '1', '-b', '0.0.0.0:8000'],
            env: [{ name: 'DATABASE_URL', value: dsn('billing_app') }, { name: 'DB_POOL_SIZE', value: '15' }, { name: 'DB_MAX_OVERFLOW', value: '5' }, { name: 'DB_POOL_RECYCLE', value: '300' }],
            readiness: httpProbe('/ready', 8000, { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
          })],
        },
      },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 44, node: names[k % 3] ?? '', createdAgo: 4 * DAYS - k,
      ...(k % 2 === 1 ? { ready: false, containers: { app: running({ sinceAgo: 4 * DAYS - k - 0.3, ready: false }) } } : {}),
    })),
    settled: { available: true, availableSince: 4 * DAYS - 5, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 5 },
  });
  const reports = deploymentApp({
    namespace: ns,
    name: 'billing-reports',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 21 * DAYS, changeCause: 'argocd: billing-reports 1.6.0', template: { containers: [container({ image: `${ECR}/billing/billing-reports:1.6.0`, ports: [8080], env: [{ name: 'DATABASE_URL', value: dsn('billing_reports') }, { name: 'DB_POOL_SIZE', value: '10' }] })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 21 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const pgbConfig = configMap({ namespace: ns, name: 'pgbouncer-config', createdAgo: 33 * DAYS, data: { 'pgbouncer.ini': ini } });
  const pgbSvc = exposed({ namespace: ns, name: 'pgbouncer', clusterIP: '172.20.31.118', selector: { app: 'pgbouncer' }, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 6432 }], pods: pgb.pods, endpointPort: 6432 });

  const newWorkers = worker.pods.slice(6);
  const refused = 'FATAL:  no more connections allowed (max_client_conn)';
  const pgbLog = (i: number) => {
    const out: string[] = [];
    for (let m = 44; m >= 32; m -= 1) out.push(`${pgTime(m + i * 0.01)} [1] LOG stats: ${380 + ((m * 7) % 40)} xacts/s, ${2500 + ((m * 31) % 300)} queries/s, client parse 0/s, server parse 0/s, bind 0/s, in ${498_000 + m * 311} B/s, out ${1_690_000 + m * 977} B/s, xact ${3700 + m * 3} us, query ${590 + m} us, wait ${1100 + m * 9} us`);
    for (let j = 0; j < 22; j++) {
      const t = 30.6 - j * 1.35 - i * 0.07;
      const fromWorker = j % 3 !== 2;
      const src = fromWorker ? newWorkers[(j + i * 5) % newWorkers.length] : api.pods[(j + i) % 4];
      const who = fromWorker ? 'invoice_worker' : 'billing_app';
      out.push(`${pgTime(t)} [1] WARNING C-0x55f1c3a${(0x0e8b0 + j * 0x1a8 + i * 0x40).toString(16)}: billing/${who}@${ipOfPod(src)}:${40_000 + ((j * 977 + i * 131) % 20_000)} pooler error: no more connections allowed (max_client_conn)`);
      if (j % 6 === 0) out.push(`${pgTime(t - 0.2)} [1] LOG stats: ${450 + j} xacts/s, ${3100 + j * 17} queries/s, client parse 0/s, server parse 0/s, bind 0/s, in ${610_000 + j * 401} B/s, out ${2_040_000 + j * 1201} B/s, xact ${9800 + j * 210} us, query ${640 + j} us, wait ${38_000 + j * 1900} us`);
    }
    return out.join('\n') + '\n';
  };
  const trace = (t: number) => [
    `${pyTime(t)} ERROR [uvicorn.error] Exception in ASGI application`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 145, in __init__',
    '    self._dbapi_connection = engine.raw_connection()',
    '                             ^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/pool/base.py", line 674, in __connect',
    '    self.dbapi_connection = connection = pool._invoke_creator(self)',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    `psycopg2.OperationalError: connection to server at "pgbouncer.billing.svc.cluster.local" (172.20.31.118), port 6432 failed: ${refused}`,
    '',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/billing/api/invoices.py", line 88, in get_invoice',
    '    invoice = await run_in_threadpool(repo.get_invoice, invoice_id)',
    `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "pgbouncer.billing.svc.cluster.local" (172.20.31.118), port 6432 failed: ${refused}`,
    '',
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  ];
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let j = 0; j < 12; j++) {
      const t = 29 - j * 2.4 - k * 0.3;
      const bad = (j + k) % 3 !== 0;
      out.push(`${pyTime(t + 0.1)} INFO [billing.api] GET /v1/customers/CUS-${88_100 + j * 7 + k}/balance 200 in 31ms`);
      out.push(`INFO:     10.0.40.${20 + k}:${51_000 + j * 13} - "GET /v1/customers/CUS-${88_100 + j * 7 + k}/balance HTTP/1.1" 200 OK`);
      if (bad) {
        out.push(...trace(t));
        out.push(`INFO:     10.0.40.${20 + k}:${52_000 + j * 17} - "GET /v1/invoices/INV-2026-${118_200 + j * 3 + k} HTTP/1.1" 500 Internal Server Error`);
        if (k % 2 === 1) out.push(`INFO:     ${ipOfPod(api.pods[k])}:0 - "GET /ready HTTP/1.1" 503 Service Unavailable`, `${pyTime(t - 0.01)} WARNING [billing.health] readiness check failed: database unavailable (OperationalError)`);
      } else {
        out.push(`INFO:     10.0.40.${20 + k}:${52_000 + j * 17} - "POST /v1/invoices/INV-2026-${118_200 + j * 3 + k}/payments HTTP/1.1" 201 Created`);
      }
    }
    return out.join('\n') + '\n';
  };
  const workerLog = (k: number) => lines(
    `{"level":"info","time":"${at(30.8 - k * 0.02)}","msg":"invoice-worker starting","version":"3.4.1","concurrency":32,"db_max_conns":36}`,
    `{"level":"info","time":"${at(30.7 - k * 0.02)}","msg":"claimed batch","run":"month-end-2026-11","batch":${1400 + k},"invoices":250}`,
    ...[0, 1, 2, 3].map((j) => `{"level":"error","time":"${at(28 - j * 6 - k * 0.1)}","msg":"render invoice failed, will retry","invoice":"INV-2026-${120_000 + k * 250 + j}","error":"failed to connect to \`user=invoice_worker database=billing\`: 172.20.31.118:6432 (pgbouncer.billing.svc.cluster.local): server error: FATAL: no more connections allowed (max_client_conn) (SQLSTATE 08P01)"}`),
    `{"level":"info","time":"${at(1.1 + k * 0.02)}","msg":"batch progress","run":"month-end-2026-11","batch":${1400 + k},"done":${130 + k},"failed":${22 + k},"retrying":${14 + (k % 5)}}`,
  );
  const dep = deploymentOf(worker);
  const rs = replicaSetOf(worker, 12);
  return {
    id: 'heldout43-pgbouncer-max-client-conn-after-scale-up',
    class: 'capacity',
    truth: 'For the month-end run, invoice-worker was scaled by hand from 6 to 20 replicas 31 minutes ago (kubectl scale). Each worker opens up to 36 connections through PgBouncer, so its client connections went from ~216 to ~720 and, with billing-api and billing-reports, exceed the 2 × 400 max_client_conn of the pgbouncer Deployment. PgBouncer now refuses new client connections ("no more connections allowed (max_client_conn)"): billing-api, whose pool recycles connections every 5 minutes, fails requests with 500s and its readiness check flaps. Fix: scale invoice-worker back (or cut DB_MAX_CONNS), then size max_client_conn / pgbouncer replicas for the worker count.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...pgb.objects, ...worker.objects, ...api.objects, ...reports.objects, pgbConfig, ...pgbSvc,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'billing-reports', selector: { app: 'billing-reports' }, pods: reports.pods }),
      scaledReplicaSet(dep, rsOf(worker, 12), 20, 6, 31),
      ...newWorkers.map((p) => createdPod(rs, p, 31)),
      ...newWorkers.map((p) => scheduled(p, 31)),
      probeFailed(podOf(api, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 74, firstAgo: 27.6, lastAgo: 0.2 }),
      probeFailed(podOf(api, 3), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 69, firstAgo: 26.9, lastAgo: 0.4 }),
      probeFailed(podOf(api, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 17, firstAgo: 25.2, lastAgo: 6.3 }),
      probeFailed(podOf(api, 2), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 12, firstAgo: 22.8, lastAgo: 9.1 }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...pgb.pods.map((p, i) => logsFor(p, 'pgbouncer', { current: pgbLog(i) })),
      ...newWorkers.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_client_conn|no more connections allowed/i, /invoice-worker|scal(ed|e-?up|ing)/i],
      facts: [/pgbouncer/i, /from 6 to 20|6 ?(→|->|to) ?20|20 replicas/i, /max_client_conn/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /too many clients already|billing-db[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 3. RabbitMQ refuses notification-dispatcher's login after its definitions were re-imported ---------

function rabbitmqDefinitionsAccessRefused(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.66', ['25', '131', '240']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmqTpl = (checksum: string) => ({
    containers: [container({
      name: 'rabbitmq', image: rmqImage, cpu: '1', memory: '4Gi',
      ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }],
      env: [{ name: 'RABBITMQ_USE_LONGNAME', value: 'true' }, { name: 'RABBITMQ_NODENAME', value: 'rabbit@$(MY_POD_NAME).rabbitmq-nodes.notifications.svc.cluster.local' }],
      readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { periodSeconds: 15, timeoutSeconds: 10 }),
      liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }, { name: 'config', mountPath: '/etc/rabbitmq/conf.d' }, { name: 'definitions', mountPath: '/etc/rabbitmq/definitions' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config' } }, { name: 'definitions', configMap: { name: 'rabbitmq-definitions' } }],
    annotations: { 'checksum/definitions': checksum },
    serviceAccountName: 'rabbitmq',
  });
  const broker = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-nodes',
    createdAgo: 410 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 61 * DAYS, template: rmqTpl('9d1f0c6a7e3b2a54c8e1f0d9b7a6c5e4d3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8') },
      { revision: 4, createdAgo: 47, template: rmqTpl('3c7e19b2f4a8d6e0c1b3a5f7e9d2c4b6a8f0e1d3c5b7a9f2e4d6c8b0a1f3e5d7') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 42.1 },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 44.3 },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 46.6 },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-rabbitmq-${i}`, storage: '20Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 410 * DAYS, labels: { app: 'rabbitmq' } }));
  const user = (name: string, hash: string, tags: string[] = []) => ({ name, password_hash: hash, hashing_algorithm: 'rabbit_password_hashing_sha256', tags, limits: {} });
  const definitions = {
    rabbit_version: '3.13.7',
    rabbitmq_version: '3.13.7',
    product_name: 'RabbitMQ',
    product_version: '3.13.7',
    users: [
      user('ops-admin', 'oJ3k2l1Qw0mNfX9yT7bV5cR3eU1aS8dF6gH4jK2lZ0xC9vB7', ['administrator']),
      user('notification-dispatcher', 'Wm1c8Zr4TtQ2yXv9LpK3nB7hG5fD1sA0qE6wR8tY2uI4oP6a'),
      user('email-sender', 'b2Jk7Lm9Np1Qr3St5Uv7Wx9Yz1Ab3Cd5Ef7Gh9Ij1Kl3Mn5O'),
      user('sms-gateway', 'r9Qw7Er5Ty3Ui1Op9As7Df5Gh3Jk1Lz9Xc7Vb5Nm3Qw1Er9T'),
    ],
    vhosts: [{ name: '/notifications', description: 'notification fan-out', tags: [], default_queue_type: 'quorum', metadata: { description: 'notification fan-out', tags: [] } }],
    permissions: ['notification-dispatcher', 'email-sender', 'sms-gateway'].map((u) => ({ user: u, vhost: '/notifications', configure: '^$', write: '.*', read: '.*' })),
    topic_permissions: [],
    parameters: [],
    global_parameters: [{ name: 'cluster_name', value: 'rabbit@rabbitmq-0.rabbitmq-nodes.notifications.svc.cluster.local' }],
    policies: [{ vhost: '/notifications', name: 'dlx', pattern: '^notify\\.', 'apply-to': 'queues', definition: { 'dead-letter-exchange': 'notify.dlx', 'delivery-limit': 20 }, priority: 0 }],
    queues: ['notify.email', 'notify.sms', 'notify.push', 'notify.dispatch'].map((q) => ({ name: q, vhost: '/notifications', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } })),
    exchanges: [{ name: 'notify', vhost: '/notifications', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} }],
    bindings: ['email', 'sms', 'push', 'dispatch'].map((q) => ({ source: 'notify', vhost: '/notifications', destination: `notify.${q}`, destination_type: 'queue', routing_key: `${q}.#`, arguments: {} })),
  };
  const defsCm = configMap({ namespace: ns, name: 'rabbitmq-definitions', createdAgo: 410 * DAYS, data: { 'definitions.json': JSON.stringify(definitions, null, 2) + '\n' } });
  defsCm.metadata = {
    ...defsCm.metadata,
    labels: { 'app.kubernetes.io/name': 'rabbitmq', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'rabbitmq-cluster-2.8.0' },
    annotations: { 'meta.helm.sh/release-name': 'rabbitmq', 'meta.helm.sh/release-namespace': ns },
    managedFields: [{ manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(48), fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:definitions.json': {} } } }],
  };
  const rmqConf = configMap({
    namespace: ns, name: 'rabbitmq-config', createdAgo: 410 * DAYS, updatedAgo: 61 * DAYS,
    data: {
      '10-defaults.conf': [
        'cluster_formation.peer_discovery_backend = k8s',
        'cluster_formation.k8s.host = kubernetes.default.svc.cluster.local',
        'cluster_formation.k8s.address_type = hostname',
        'cluster_formation.k8s.service_name = rabbitmq-nodes',
        'definitions.import_backend = local_filesystem',
        'definitions.local.path = /etc/rabbitmq/definitions/definitions.json',
        'definitions.skip_if_unchanged = true',
        'vm_memory_high_watermark.relative = 0.4',
        'disk_free_limit.absolute = 2GB',
        'loopback_users.guest = true',
        '',
      ].join('\n'),
    },
  });

  const image = (v: string) => `${ECR}/notifications/notification-dispatcher:${v}`;
  const dTpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'AMQP_HOST', value: 'rabbitmq.notifications.svc.cluster.local' },
        { name: 'AMQP_VHOST', value: '/notifications' },
        { name: 'AMQP_USER', value: 'notification-dispatcher' },
        { name: 'AMQP_PASSWORD', valueFrom: { secretKeyRef: { name: 'notification-dispatcher-amqp', key: 'password' } } },
        { name: 'NODE_ENV', value: 'production' },
      ],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const firstFail = [46.4, 44.1, 41.9];
  const restarts = [12, 11, 11];
  const dispatcher = deploymentApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 19 * DAYS, changeCause: 'argocd: notification-dispatcher 5.8.1', template: dTpl('5.8.1') },
      { revision: 14, createdAgo: 5 * DAYS, changeCause: 'argocd: notification-dispatcher 5.8.2', template: dTpl('5.8.2') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 14, node: names[k] ?? '', createdAgo: 5 * DAYS - k, ready: false,
      containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2 + k * 1.4, ranSeconds: 2 }, restarts[k] ?? 11) },
    })),
    settled: { available: false, availableSince: 42, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 3 },
  });
  const sender = deploymentApp({
    namespace: ns,
    name: 'email-sender',
    replicas: 2,
    revisions: [{ revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: email-sender 2.13.0', template: { containers: [container({ image: `${ECR}/notifications/email-sender:2.13.0`, ports: [8080], env: [{ name: 'AMQP_USER', value: 'email-sender' }] })] } }],
    pods: [{ revision: 27, node: names[1] ?? '', createdAgo: 8 * DAYS }, { revision: 27, node: names[2] ?? '', createdAgo: 8 * DAYS - 1 }],
  });

  const refusedMsg = 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.';
  const previous = (p: k8s.V1Pod, k: number) => {
    const t = 1.2 + k * 1.4 + 2 / 60;
    const base = `"pid":1,"hostname":"${p.metadata?.name ?? ''}"`;
    const err = `Handshake terminated by server: 403 (ACCESS-REFUSED) with message \\"${refusedMsg}\\"`;
    return lines(
      `{"level":30,"time":${epochMs(t)},${base},"msg":"notification-dispatcher 5.8.2 starting","node":"v20.18.0"}`,
      `{"level":30,"time":${epochMs(t - 0.005)},${base},"msg":"connecting to amqp","host":"rabbitmq.notifications.svc.cluster.local","vhost":"/notifications","user":"notification-dispatcher"}`,
      `{"level":50,"time":${epochMs(t - 0.01)},${base},"err":{"type":"Error","message":"${err}","stack":"Error: ${err}\\n    at afterStartOk (/app/node_modules/amqplib/lib/connection.js:225:12)\\n    at /app/node_modules/amqplib/lib/connection.js:162:12\\n    at Socket.recv (/app/node_modules/amqplib/lib/connection.js:499:12)\\n    at Object.onceWrapper (node:events:634:28)\\n    at Socket.emit (node:events:520:28)"},"msg":"amqp connection failed"}`,
      `{"level":60,"time":${epochMs(t - 0.011)},${base},"msg":"cannot start without a broker connection, exiting","exitCode":1}`,
    );
  };
  const brokerLog = (i: number) => {
    const boot = [42.1, 44.3, 46.6][i] ?? 42.1;
    const host = `rabbit@rabbitmq-${i}.rabbitmq-nodes.notifications.svc.cluster.local`;
    const out: string[] = [
      `${rmqTime(boot - 0.1, 118)} [notice] <0.44.0> Application syslog exited with reason: stopped`,
      `${rmqTime(boot - 0.11, 402)} [info] <0.254.0> Starting RabbitMQ 3.13.7 on Erlang 26.2.5.4 [jit]`,
      `${rmqTime(boot - 0.11, 733)} [info] <0.254.0> Memory high watermark set to 1638 MiB (1717986918 bytes) of 4096 MiB total`,
      `${rmqTime(boot - 0.13, 11)} [info] <0.254.0> Running boot step database defined by app rabbit`,
      `${rmqTime(boot - 0.15, 560)} [warning] <0.254.0> Deprecated features: \`transient_nonexcl_queues\`: Feature \`transient_nonexcl_queues\` is deprecated.`,
      `${rmqTime(boot - 0.2, 902)} [info] <0.721.0> Applying definitions from file at '/etc/rabbitmq/definitions/definitions.json'`,
      `${rmqTime(boot - 0.2, 903)} [info] <0.721.0> Asked to import definitions. Acting user: rmq-internal`,
      `${rmqTime(boot - 0.2, 911)} [info] <0.721.0> Importing concurrently 4 users...`,
      `${rmqTime(boot - 0.2, 944)} [info] <0.721.0> Importing concurrently 1 virtual hosts...`,
      `${rmqTime(boot - 0.2, 971)} [info] <0.721.0> Importing sequentially 1 global runtime parameters...`,
      `${rmqTime(boot - 0.2, 980)} [info] <0.721.0> Importing concurrently 1 policies...`,
      `${rmqTime(boot - 0.2, 991)} [info] <0.721.0> Importing concurrently 3 permissions...`,
      `${rmqTime(boot - 0.21, 20)} [info] <0.721.0> Importing concurrently 4 queues...`,
      `${rmqTime(boot - 0.21, 88)} [info] <0.721.0> Importing concurrently 1 exchanges...`,
      `${rmqTime(boot - 0.21, 131)} [info] <0.721.0> Importing concurrently 4 bindings...`,
      `${rmqTime(boot - 0.24, 512)} [info] <0.254.0> Ready to start client connection listeners`,
      `${rmqTime(boot - 0.24, 530)} [info] <0.1181.0> started TCP listener on [::]:5672`,
      `${rmqTime(boot - 0.26, 14)} [info] <0.254.0> Server startup complete; 5 plugins started.`,
      `${rmqTime(boot - 0.26, 15)} [info] <0.254.0> Node ${host} is now running`,
    ];
    const senderIp = ipOfPod(sender.pods[i % 2]);
    out.push(`${rmqTime(boot - 0.5, 1)} [info] <0.1502.0> accepting AMQP connection ${senderIp}:${43_100 + i} -> ${ipOfPod(broker.pods[i])}:5672`);
    out.push(`${rmqTime(boot - 0.5, 9)} [info] <0.1502.0> connection ${senderIp}:${43_100 + i} -> ${ipOfPod(broker.pods[i])}:5672: user 'email-sender' authenticated and granted access to vhost '/notifications'`);
    for (let j = 0; j < 10; j++) {
      const t = boot - 1 - j * ((boot - 1) / 10);
      const src = dispatcher.pods[(j + i) % 3];
      const pid = `<0.${24_000 + j * 311 + i * 7}.0>`;
      const peer = `${ipOfPod(src)}:${50_200 + j * 41 + i} -> ${ipOfPod(broker.pods[i])}:5672`;
      out.push(
        `${rmqTime(t, 100 + j)} [info] ${pid} accepting AMQP connection ${peer}`,
        `${rmqTime(t - 0.0005, 200 + j)} [error] ${pid} Error on AMQP connection ${pid} (${peer}, state: starting):`,
        `${rmqTime(t - 0.0005, 200 + j)} [error] ${pid} PLAIN login refused: user 'notification-dispatcher' - invalid credentials`,
        `${rmqTime(t - 0.0006, 300 + j)} [info] ${pid} closing AMQP connection ${pid} (${peer})`,
      );
    }
    return out.join('\n') + '\n';
  };
  const senderLog = (k: number) => lines(
    `{"level":"info","time":"${at(46.5 - k * 2.2)}","msg":"amqp connection closed","reason":"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'"}`,
    `{"level":"info","time":"${at(46.4 - k * 2.2)}","msg":"reconnecting to amqp","attempt":1,"delay_ms":1000}`,
    `{"level":"info","time":"${at(46.3 - k * 2.2)}","msg":"amqp connected","host":"rabbitmq.notifications.svc.cluster.local","vhost":"/notifications"}`,
    `{"level":"info","time":"${at(3.1)}","msg":"delivered","queue":"notify.email","count":${118 + k},"window_s":60}`,
  );
  const sts = statefulSetOf(broker);
  return {
    id: 'heldout43-rabbitmq-definitions-access-refused',
    class: 'config',
    truth: 'A Helm upgrade 48 minutes ago changed the rabbitmq-definitions ConfigMap (it rotated the password hash of the notification-dispatcher user before the dispatcher\'s own credentials were updated) and, through the checksum annotation, rolled the rabbitmq StatefulSet (revision 4); each broker node re-imported the definitions at boot. From then on the broker refuses the dispatcher\'s login ("PLAIN login refused: user \'notification-dispatcher\' - invalid credentials", ACCESS_REFUSED on the client), and each dispatcher pod, which exits when it cannot connect, has crash-looped since its connection was dropped by the restart. The broker and other users (email-sender) are fine; notification-dispatcher revision 14 (5 days old) is not the cause. Fix: restore the user\'s previous hash in the definitions (or give the dispatcher the rotated password).',
    ask: { service: 'notification-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...broker.objects, ...claims, defsCm, rmqConf, ...dispatcher.objects, ...sender.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], pods: broker.pods, endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', headless: true, selector: { app: 'rabbitmq' }, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'dist', port: 25672, targetPort: 25672 }], pods: broker.pods, endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: dispatcher.pods }),
      ...[2, 1, 0].flatMap((i) => {
        const when = [42.1, 44.3, 46.6][i] ?? 42;
        return [
          event({ on: sts, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod rabbitmq-${i} in StatefulSet rabbitmq successful`, firstAgo: when + 0.4, lastAgo: when + 0.4, component: 'statefulset-controller' }),
          event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod rabbitmq-${i} in StatefulSet rabbitmq successful`, firstAgo: when, lastAgo: when, component: 'statefulset-controller' }),
          ...startedAt(podOf(broker, i), 'rabbitmq', rmqImage, when),
        ];
      }),
      ...dispatcher.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image('5.8.2'), { count: (restarts[k] ?? 11) + 1, firstAgo: firstFail[k] ?? 44, lastAgo: 1.2 + k * 1.4 + 2 / 60 }),
        backOff(p, 'app', { count: 170 - k * 9, firstAgo: (firstFail[k] ?? 44) - 0.1 }),
      ]),
    ],
    logs: [
      ...dispatcher.pods.map((p, k) => logsFor(p, 'app', { current: '', previous: previous(p, k) })),
      ...broker.pods.map((p, i) => logsFor(p, 'rabbitmq', { current: brokerLog(i) })),
      ...sender.pods.map((p, k) => logsFor(p, 'app', { current: senderLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ACCESS[_-]REFUSED|login (was )?refused|invalid credentials|authenticat/i, /definitions|rabbitmq[^\n]*(restart|rollout|revision|re-?import|rolled)/i],
      facts: [/invalid credentials|ACCESS[_-]REFUSED/, lit('rabbitmq-definitions'), /password|credential/i],
      never: [/(roll ?back|undo)[^\n]*notification-dispatcher|notification-dispatcher[^\n]*(roll ?back|rollout undo)|revision 14[^\n]*(caused|broke|introduced)/i, /\bOOM/, /rabbitmq[^\n]*(is down|unreachable|not running|unavailable)/i],
    },
  };
}

// ---- 4. Spring Boot 2.5 → 2.7 upgrade: a bean cycle that 2.6+ prohibits by default -----------------------

function springBootCircularReferences(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.150', ['21', '99', '180']);
  const image = (v: string) => `${ECR}/pricing/pricing-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      startup: httpProbe('/actuator/health/liveness', 8081, { periodSeconds: 5, failureThreshold: 36 }),
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-service',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: pricing-service 5.2.3', template: tpl('5.2.3') },
      { revision: 23, createdAgo: 26, changeCause: 'argocd: pricing-service 5.3.0', template: tpl('5.3.0') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 22, node: names[k % 3] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 25.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 9 }, 8) } },
    ],
  });
  const fresh = podOf(app, 4);
  const banner = String.raw`
  .   ____          _            __ _ _
 /\\ / ___'_ __ _ _(_)_ __  __ _ \ \ \ \
( ( )\___ | '_ | '_| | '_ \/ _${'`'} | \ \ \ \
 \\/  ___)| |_)| | | | | || (_| |  ) ) ) )
  '  |____| .__|_| |_|_| |_\__, | / / / /
 =========|_|==============|___/=/_/_/_/`;
  const host = fresh.metadata?.name ?? 'pricing-service';
  const t0 = 2.6 + 9 / 60;
  const bt = (s: number) => bootTime(t0 - s / 60);
  const cls = 'jar:file:/app/app.jar!/BOOT-INF/classes!/com/acme/pricing';
  const previous = [
    banner,
    ' :: Spring Boot ::               (v2.7.18)',
    '',
    `${bt(0.9)}  INFO 1 --- [           main] c.a.pricing.PricingServiceApplication    : Starting PricingServiceApplication v5.3.0 using Java 17.0.9 on ${host} with PID 1 (/app/app.jar started by app in /app)`,
    `${bt(0.9)}  INFO 1 --- [           main] c.a.pricing.PricingServiceApplication    : The following 1 profile is active: "prod"`,
    `${bt(2.4)}  INFO 1 --- [           main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories in DEFAULT mode.`,
    `${bt(2.6)}  INFO 1 --- [           main] .s.d.r.c.RepositoryConfigurationDelegate : Finished Spring Data repository scanning in 196 ms. Found 6 JPA repository interfaces.`,
    `${bt(3.9)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port(s): 8080 (http)`,
    `${bt(3.9)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Starting service [Tomcat]`,
    `${bt(3.9)}  INFO 1 --- [           main] org.apache.catalina.core.StandardEngine  : Starting Servlet engine: [Apache Tomcat/9.0.83]`,
    `${bt(4.0)}  INFO 1 --- [           main] o.a.c.c.C.[Tomcat].[localhost].[/]       : Initializing Spring embedded WebApplicationContext`,
    `${bt(4.0)}  INFO 1 --- [           main] w.s.c.ServletWebServerApplicationContext : Root WebApplicationContext: initialization completed in 2986 ms`,
    `${bt(4.5)}  INFO 1 --- [           main] o.hibernate.jpa.internal.util.LogHelper  : HHH000204: Processing PersistenceUnitInfo [name: default]`,
    `${bt(4.6)}  INFO 1 --- [           main] org.hibernate.Version                    : HHH000412: Hibernate ORM core version 5.6.15.Final`,
    `${bt(5.1)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${bt(5.4)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${bt(5.5)}  INFO 1 --- [           main] org.hibernate.dialect.Dialect            : HHH000400: Using dialect: org.hibernate.dialect.PostgreSQL10Dialect`,
    `${bt(6.7)}  INFO 1 --- [           main] j.LocalContainerEntityManagerFactoryBean : Initialized JPA EntityManagerFactory for persistence unit 'default'`,
    `${bt(7.3)}  WARN 1 --- [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
    `${bt(7.9)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'quoteController' defined in URL [${cls}/web/QuoteController.class]: Unsatisfied dependency expressed through constructor parameter 0; nested exception is org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'pricingService': Unsatisfied dependency expressed through field 'discountEngine'; nested exception is org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'discountEngine': Unsatisfied dependency expressed through field 'pricingService'; nested exception is org.springframework.beans.factory.BeanCurrentlyInCreationException: Error creating bean with name 'pricingService': Requested bean is currently in creation: Is there an unresolvable circular reference?`,
    `${bt(7.9)}  INFO 1 --- [           main] j.LocalContainerEntityManagerFactoryBean : Closing JPA EntityManagerFactory for persistence unit 'default'`,
    `${bt(7.9)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...`,
    `${bt(8.0)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.`,
    `${bt(8.0)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${bt(8.1)}  INFO 1 --- [           main] ConditionEvaluationReportLoggingListener : `,
    '',
    "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.",
    `${bt(8.1)} ERROR 1 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : `,
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    'The dependencies of some of the beans in the application context form a cycle:',
    '',
    `   quoteController defined in URL [${cls}/web/QuoteController.class]`,
    '┌─────┐',
    '|  pricingService (field private com.acme.pricing.discount.DiscountEngine com.acme.pricing.service.PricingService.discountEngine)',
    '↑     ↓',
    '|  discountEngine (field private com.acme.pricing.service.PricingService com.acme.pricing.discount.DiscountEngine.pricingService)',
    '└─────┘',
    '',
    '',
    'Action:',
    '',
    'Relying upon circular references is discouraged and they are prohibited by default. Update your application to remove the dependency cycle between beans. As a last resort, it may be possible to break the cycle automatically by setting spring.main.allow-circular-references to true.',
    '',
  ].join('\n');
  const oldLog = (k: number) => lines(
    `${bootTime(11 * DAYS - k - 0.5)}  INFO 1 --- [           main] c.a.pricing.PricingServiceApplication    : Started PricingServiceApplication in 21.418 seconds (JVM running for 23.02)`,
    ...[0, 1, 2, 3, 4].map((j) => `${bootTime(12 - j * 2.5 - k * 0.2)}  INFO 1 --- [nio-8080-exec-${(j % 9) + 1}] c.a.pricing.web.QuoteController          : quote sku=SKU-${40_211 + j * 17 + k} region=EU price=${(18.4 + j * 3.1).toFixed(2)} rules=${7 + (j % 3)} took=${14 + j}ms`),
  );
  const dep = deploymentOf(app);
  const rev23 = image('5.3.0');
  return {
    id: 'heldout43-spring-boot-circular-references-prohibited',
    class: 'rollout',
    truth: 'pricing-service revision 23 (5.3.0, 26 minutes ago) upgraded Spring Boot from 2.5 to 2.7. Since 2.6, circular bean references are prohibited by default, and pricingService and discountEngine inject each other through fields, so the new pod fails at start-up ("The dependencies of some of the beans in the application context form a cycle", APPLICATION FAILED TO START, exit 1) and crash-loops; the rollout is stuck with the four revision-22 pods serving. Fix: roll back to revision 22, then break the cycle (or, as a stopgap, set spring.main.allow-circular-references=true).',
    ask: { service: 'pricing-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'pricing-service', selector: { app: 'pricing-service' }, pods: app.pods }),
      scaledReplicaSet(dep, rsOf(app, 23), 1, 0, 26),
      ...startedAt(fresh, 'app', rev23, 25.8),
      ...restartedAgain(fresh, 'app', rev23, { count: 8, firstAgo: 25, lastAgo: 2.75 }),
      backOff(fresh, 'app', { count: 109, firstAgo: 24.8 }),
      probeFailed(fresh, 'app', 'Startup', `Get "http://${ipOfPod(fresh)}:8081/actuator/health/liveness": dial tcp ${ipOfPod(fresh)}:8081: connect: connection refused`, { count: 9, firstAgo: 25.7, lastAgo: 2.7 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous }),
      ...app.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/circular|cycle/i, /revision 23|5\.3\.0|spring boot|2\.7/i],
      facts: [/allow-circular-references|circular reference|form a cycle/i, /pricingService|discountEngine/, /revision 22|roll(ing)? ?back|rollout undo/i],
      never: [/\bOOM/, /startup probe[^\n]*(too (short|low|strict)|increase|raise|caus)/i, /\bliveness\b[^\n]*(caus|kill)/i],
    },
  };
}

// ---- 5. GCS rate-limits mutations of one shared manifest object rewritten on every upload ---------------

function gkeNode(name: string, zone: string): k8s.V1Node {
  const n = node({ name, zone, instanceType: 'n2-standard-8', labels: { 'cloud.google.com/gke-nodepool': 'default-pool', 'cloud.google.com/machine-family': 'n2', 'cloud.google.com/gke-os-distribution': 'cos', 'topology.gke.io/zone': zone } });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  labels['topology.kubernetes.io/region'] = 'europe-west4';
  labels['failure-domain.beta.kubernetes.io/region'] = 'europe-west4';
  n.metadata = { ...n.metadata, labels };
  n.spec = { ...n.spec, providerID: `gce://acme-media-prod/${zone}/${name}`, podCIDR: '10.64.3.0/24' };
  if (n.status?.nodeInfo) {
    n.status.nodeInfo = { ...n.status.nodeInfo, osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', kubeletVersion: 'v1.30.5-gke.1443001', kubeProxyVersion: 'v1.30.5-gke.1443001', containerRuntimeVersion: 'containerd://1.7.22' };
  }
  return n;
}

function gcsObjectMutationRateLimit(): CorpusScenario {
  const ns = 'media';
  const gke = [
    gkeNode('gke-prod-euw4-default-pool-7c1e2f9a-k2xq', 'europe-west4-a'),
    gkeNode('gke-prod-euw4-default-pool-7c1e2f9a-p8mz', 'europe-west4-a'),
    gkeNode('gke-prod-euw4-default-pool-b30d54e1-w4ht', 'europe-west4-b'),
  ];
  const names = gke.map((n) => n.metadata?.name ?? '');
  const registry = 'europe-west4-docker.pkg.dev/acme-media-prod/services';
  const image = (v: string) => `${registry}/media-ingest:${v}`;
  const tpl = (v: string, sync: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'GCS_BUCKET', value: 'acme-media-prod' },
        { name: 'ASSET_PREFIX', value: 'assets/' },
        { name: 'CATALOG_MANIFEST_OBJECT', value: 'catalog/manifest.json' },
        { name: 'CATALOG_MANIFEST_SYNC', value: sync },
        { name: 'GOMAXPROCS', value: '1' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: 'media-ingest',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'media-ingest',
    replicas: 6,
    revisions: [
      { revision: 40, createdAgo: 10 * DAYS, changeCause: 'argocd: media-ingest 3.5.2', template: tpl('3.5.2', 'batch') },
      { revision: 41, createdAgo: 52, changeCause: 'argocd: media-ingest 3.6.0', template: tpl('3.6.0', 'inline') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 51.6 - k * 0.5 })),
    settled: { available: true, availableSince: 48.5, progressingSince: 52, progressingUpdatedAgo: 48.5 },
  });
  const thumbs = deploymentApp({
    namespace: ns,
    name: 'media-thumbnailer',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: media-thumbnailer 2.2.4', template: { containers: [container({ image: `${registry}/media-thumbnailer:2.2.4`, ports: [8080], cpu: '1', memory: '1Gi' })], serviceAccountName: 'media-thumbnailer' } }],
    pods: [{ revision: 17, node: names[2] ?? '', createdAgo: 6 * DAYS }, { revision: 17, node: names[0] ?? '', createdAgo: 6 * DAYS }],
  });
  const compactorTpl = { containers: [batchContainer({ name: 'compactor', image: `${registry}/manifest-compactor:1.4.0`, env: [{ name: 'GCS_BUCKET', value: 'acme-media-prod' }, { name: 'CATALOG_MANIFEST_OBJECT', value: 'catalog/manifest.json' }] })], serviceAccountName: 'media-ingest' };
  const compactor = cronJob({
    namespace: ns,
    name: 'manifest-compactor',
    schedule: '*/5 * * * *',
    template: compactorTpl,
    lastSuccessfulAgo: 14 - 0.6,
    jobs: [24, 19, 14].map((m) => ({
      createdAgo: m,
      pods: [{ node: names[m % 3] ?? '', phase: 'Succeeded' as const, createdAgo: m, containers: { compactor: terminated({ exitCode: 0, finishedAgo: m - 0.6, ranSeconds: 31 }) } }],
      outcome: { complete: true as const, ago: m - 0.6 },
    })),
  });
  const object = 'acme-media-prod/catalog/manifest.json';
  const rateLimited = `googleapi: Error 429: The object ${object} exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate. See https://cloud.google.com/storage/docs/gcs429., rateLimitExceeded`;
  const ids = ['a_8f3k2q', 'a_x7m1zt', 'a_b22wqp', 'a_k9d0re', 'a_m4hh7c', 'a_t1q8nv', 'a_zz30lp', 'a_c6e2sy'];
  const appLog = (k: number) => {
    const start = 51.4 - k * 0.5;
    const out: string[] = [
      `{"time":"${at(start)}","level":"INFO","msg":"media-ingest starting","version":"3.6.0","bucket":"acme-media-prod","manifest_sync":"inline"}`,
      `{"time":"${at(start - 0.01)}","level":"INFO","msg":"listening","addr":":8080"}`,
    ];
    for (let j = 0; j < 18; j++) {
      const t = 47 - j * 2.6 - k * 0.11;
      const id = `${ids[(j + k) % ids.length] ?? 'a_0'}${j}${k}`;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"asset stored","asset_id":"${id}","object":"assets/2026/11/21/${id}.jpg","bytes":${1_200_000 + ((j * 7919 + k * 104_729) % 3_000_000)},"dur_ms":${180 + ((j * 31) % 240)}}`);
      if ((j + k) % 4 === 3) {
        out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"manifest updated","object":"catalog/manifest.json","generation":${1_763_690_000_000_000 + j * 977 + k},"entries":${481_200 + j * 3 + k}}`);
        out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/assets","status":201,"dur_ms":${420 + j * 7}}`);
      } else {
        out.push(`{"time":"${at(t - 0.01)}","level":"ERROR","msg":"manifest update failed","asset_id":"${id}","object":"catalog/manifest.json","err":"${rateLimited}"}`);
        out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"request","method":"POST","path":"/v1/assets","status":503,"dur_ms":${260 + j * 5},"err":"catalog manifest update failed"}`);
      }
      if (j % 5 === 2) out.push(`{"time":"${at(t - 0.02)}","level":"INFO","msg":"request","method":"GET","path":"/v1/assets/${id}","status":200,"dur_ms":${12 + j}}`);
    }
    return out.join('\n') + '\n';
  };
  const compactorPod = compactor.jobs[2]?.pods[0];
  const compactorLog = lines(
    `${pyTime(14)} INFO manifest-compactor 1.4.0 starting bucket=acme-media-prod object=catalog/manifest.json`,
    `${pyTime(13.9)} INFO pending manifest entries in queue: 0`,
    `${pyTime(13.5)} INFO nothing to compact; manifest generation 1763690000017012 already current`,
  );
  const dep = deploymentOf(app);
  return {
    id: 'heldout43-gcs-object-mutation-rate-limit-shared-manifest',
    class: 'rollout',
    truth: 'media-ingest revision 41 (3.6.0, 52 minutes ago) switched CATALOG_MANIFEST_SYNC from batch (the manifest-compactor CronJob rewrote catalog/manifest.json every 5 minutes) to inline, so every upload on six pods now rewrites the same GCS object. GCS allows about one mutation per second per object, so most of those writes fail with 429 rateLimitExceeded ("The object acme-media-prod/catalog/manifest.json exceeded the rate limit for object mutation operations") and the API answers 503 to most uploads, though the assets themselves are stored. Fix: roll back to revision 40 (batch), and never write a shared object per request.',
    ask: { service: 'media-ingest', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...thumbs.objects, ...compactor.objects,
      ...exposed({ namespace: ns, name: 'media-ingest', selector: { app: 'media-ingest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-thumbnailer', selector: { app: 'media-thumbnailer' }, pods: thumbs.pods }),
      scaledReplicaSet(dep, rsOf(app, 41), 2, 0, 52),
      scaledReplicaSet(dep, rsOf(app, 40), 4, 6, 51),
      scaledReplicaSet(dep, rsOf(app, 41), 4, 2, 50.5),
      scaledReplicaSet(dep, rsOf(app, 40), 2, 4, 49.6),
      scaledReplicaSet(dep, rsOf(app, 41), 6, 4, 49.5),
      scaledReplicaSet(dep, rsOf(app, 40), 0, 2, 48.6),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('3.6.0'), 51.6 - k * 0.5)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...(compactorPod === undefined ? [] : [logsFor(compactorPod, 'compactor', { current: compactorLog })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|rate.?limit/i, /manifest\.json|same object|single object|one object|shared object|per.object/i, /revision 41|3\.6\.0|CATALOG_MANIFEST_SYNC|inline/i],
      facts: [lit('catalog/manifest.json'), /rateLimitExceeded|object mutation/i, /revision 40|roll(ing)? ?back|batch/i],
      never: [/\bOOM/, /\b403\b|forbidden|permission denied|workload identity/i, /project[^\n]*quota|quota[^\n]*project/i],
    },
  };
}

// ---- 6. ClickHouse tables read-only: Keeper lost quorum (two of three Keeper pods on a dead node) ------

function clickhouseKeeperQuorumLost(): CorpusScenario {
  const ns = 'analytics';
  const ips = ['10.0.210.12', '10.0.210.87', '10.0.210.164'];
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const names = ips.map(eksNodeName);
  const deadSince = 25.8;
  const nodes = [
    node({ name: names[0] ?? '', zone: 'eu-west-1a', instanceType: 'r6i.2xlarge', pool: 'analytics' }),
    node({ name: names[1] ?? '', zone: 'eu-west-1b', instanceType: 'r6i.2xlarge', pool: 'analytics', ready: 'Unknown', readySince: deadSince }),
    node({ name: names[2] ?? '', zone: 'eu-west-1c', instanceType: 'r6i.2xlarge', pool: 'analytics' }),
  ];
  const dead = names[1] ?? '';
  const keeperImage = 'docker.io/clickhouse/clickhouse-keeper:24.8.6.70';
  const keeper = statefulSetApp({
    namespace: ns,
    name: 'clickhouse-keeper',
    replicas: 3,
    serviceName: 'clickhouse-keeper-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 190 * DAYS,
    revisions: [{
      revision: 5,
      createdAgo: 37 * DAYS,
      template: {
        containers: [container({
          name: 'clickhouse-keeper', image: keeperImage, cpu: '500m', memory: '2Gi',
          ports: [{ name: 'client', containerPort: 9181 }, { name: 'raft', containerPort: 9234 }, { name: 'http-control', containerPort: 9182 }],
          readiness: httpProbe('/ready', 9182, { periodSeconds: 5 }), liveness: tcpProbe('client', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }, { name: 'config', mountPath: '/etc/clickhouse-keeper/keeper_config.d' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'clickhouse-keeper-config' } }],
        // Only preferred: after last week's node-group upgrade, keeper-1 and keeper-2 landed on the same node.
        affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'clickhouse-keeper' } }, topologyKey: 'kubernetes.io/hostname' } }] } },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 6 * DAYS + 40, ready: false, containers: { 'clickhouse-keeper': running({ sinceAgo: 6 * DAYS + 39, ready: false }) } },
      { revision: 5, ordinal: 1, node: dead, createdAgo: 6 * DAYS + 38, ready: false, deletingAgo: deadSince - 5.05 },
      { revision: 5, ordinal: 2, node: dead, createdAgo: 6 * DAYS + 36, ready: false, deletingAgo: deadSince - 5.05 },
    ],
  });
  // The node lifecycle controller marked the pods on the silent node not ready (no reason, as it writes it).
  for (const p of keeper.pods.slice(1)) {
    for (const c of p.status?.conditions ?? []) {
      if (c.type === 'Ready') { delete c.reason; delete c.message; c.lastTransitionTime = ago(deadSince - 0.7); }
    }
  }
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const ch = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 2,
    serviceName: 'clickhouse-headless',
    createdAgo: 190 * DAYS,
    revisions: [{
      revision: 11,
      createdAgo: 37 * DAYS,
      template: {
        containers: [container({
          name: 'clickhouse', image: chImage, cpu: '4', memory: '24Gi',
          ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
          readiness: httpProbe('/ping', 8123), liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 60, failureThreshold: 10 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }, { name: 'config', mountPath: '/etc/clickhouse-server/config.d' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'clickhouse-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [
      { revision: 11, ordinal: 0, node: names[0] ?? '', createdAgo: 6 * DAYS + 30 },
      { revision: 11, ordinal: 1, node: names[2] ?? '', createdAgo: 6 * DAYS + 28 },
    ],
  });
  const claims = [
    ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-clickhouse-keeper-${i}`, storage: '50Gi', zone: zones[i === 2 ? 1 : i] ?? 'eu-west-1a', createdAgo: 190 * DAYS, labels: { app: 'clickhouse-keeper' } })),
    ...boundClaim({ namespace: ns, name: 'data-clickhouse-0', storage: '1Ti', zone: 'eu-west-1a', createdAgo: 190 * DAYS, labels: { app: 'clickhouse' } }),
    ...boundClaim({ namespace: ns, name: 'data-clickhouse-1', storage: '1Ti', zone: 'eu-west-1c', createdAgo: 190 * DAYS, labels: { app: 'clickhouse' } }),
  ];
  const keeperConfig = configMap({
    namespace: ns, name: 'clickhouse-keeper-config', createdAgo: 190 * DAYS, updatedAgo: 37 * DAYS,
    data: {
      'keeper.xml': [
        '<clickhouse>',
        '  <keeper_server>',
        '    <tcp_port>9181</tcp_port>',
        '    <server_id from_env="KEEPER_SERVER_ID" />',
        '    <log_storage_path>/var/lib/clickhouse/coordination/log</log_storage_path>',
        '    <snapshot_storage_path>/var/lib/clickhouse/coordination/snapshots</snapshot_storage_path>',
        '    <coordination_settings><operation_timeout_ms>10000</operation_timeout_ms><session_timeout_ms>30000</session_timeout_ms></coordination_settings>',
        '    <raft_configuration>',
        ...[0, 1, 2].map((i) => `      <server><id>${i + 1}</id><hostname>clickhouse-keeper-${i}.clickhouse-keeper-headless.analytics.svc.cluster.local</hostname><port>9234</port></server>`),
        '    </raft_configuration>',
        '  </keeper_server>',
        '  <http_control><port>9182</port><readiness><endpoint>/ready</endpoint></readiness></http_control>',
        '</clickhouse>',
        '',
      ].join('\n'),
    },
  });
  const ingestImage = `${ECR}/analytics/events-ingest:2.7.3`;
  const ingest = deploymentApp({
    namespace: ns,
    name: 'events-ingest',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: events-ingest 2.7.2', template: { containers: [container({ image: `${ECR}/analytics/events-ingest:2.7.2`, ports: [8080] })] } },
      {
        revision: 19, createdAgo: 2 * DAYS, changeCause: 'argocd: events-ingest 2.7.3',
        template: {
          containers: [container({
            image: ingestImage, ports: [8080], cpu: '500m', memory: '1Gi',
            env: [{ name: 'CLICKHOUSE_ADDR', value: 'clickhouse.analytics.svc.cluster.local:9000' }, { name: 'CLICKHOUSE_TABLE', value: 'analytics.events_local' }, { name: 'BATCH_ROWS', value: '5000' }, { name: 'SPOOL_DIR', value: '/spool' }, { name: 'SPOOL_MAX_BYTES', value: '2147483648' }],
            readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
            volumeMounts: [{ name: 'spool', mountPath: '/spool' }],
          })],
          volumes: [{ name: 'spool', emptyDir: { sizeLimit: '4Gi' } }],
        },
      },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 2 * DAYS, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS - 0.3, ready: false }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 2 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS - 1.3, ready: false }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 2 * DAYS - 2 },
    ],
    settled: { available: false, availableSince: 9, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const keeperHosts = [0, 1, 2].map((i) => `clickhouse-keeper-${i}.clickhouse-keeper-headless.analytics.svc.cluster.local:9181`);
  const keeperLog = lines(
    `${chTime(26.2, 112)} [ 41 ] {} <Information> KeeperStateMachine: Created persistent snapshot 88400000 with path /var/lib/clickhouse/coordination/snapshots/snapshot_88400000.bin.zstd`,
    `${chTime(25.6, 331)} [ 38 ] {} <Warning> RaftInstance: Election timeout, initiate leader election`,
    `${chTime(25.6, 332)} [ 38 ] {} <Information> RaftInstance: [PRE-VOTE INIT] my id 1, my role follower, term 14, log idx 88421733, log term 14, priority (target 1 / mine 1)`,
    ...[0, 1, 2, 3, 4, 5].flatMap((j) => [
      `${chTime(24.9 - j * 4, 10 + j)} [ 38 ] {} <Warning> RaftInstance: total 1 nodes (including this node) responded for pre-vote (term 14, live 0, dead 2, abandoned 0)`,
      `${chTime(24.9 - j * 4, 40 + j)} [ 52 ] {} <Error> RaftInstance: failed to send request to peer 2: asio error: Host is unreachable (clickhouse-keeper-1.clickhouse-keeper-headless.analytics.svc.cluster.local:9234)`,
      `${chTime(24.9 - j * 4, 41 + j)} [ 52 ] {} <Error> RaftInstance: failed to send request to peer 3: asio error: Host is unreachable (clickhouse-keeper-2.clickhouse-keeper-headless.analytics.svc.cluster.local:9234)`,
      `${chTime(24.8 - j * 4, 77 + j)} [ 61 ] {} <Warning> KeeperTCPHandler: Ignoring user request, because the server is not active yet`,
    ]),
    `${chTime(0.6, 902)} [ 38 ] {} <Warning> RaftInstance: Election timeout, initiate leader election`,
  );
  const chLog = (i: number) => {
    const replica = `clickhouse-${i}`;
    const out: string[] = [
      `${chTime(25.5, 201 + i)} [ 712 ] {} <Warning> ZooKeeperClient: Session expired, waiting for the session to be re-established`,
      `${chTime(25.4, 11 + i)} [ 719 ] {} <Warning> analytics.events_local (ReplicatedMergeTreeRestartingThread): ZooKeeper session has expired. Switching to a new session.`,
    ];
    for (let j = 0; j < 8; j++) {
      const t = 24.5 - j * 3;
      out.push(
        `${chTime(t, 300 + j)} [ 719 ] {} <Error> analytics.events_local (ReplicatedMergeTreeRestartingThread): Failed to restart the table. Will try again: Code: 999. Coordination::Exception: All connection tries failed while connecting to ZooKeeper. nodes: ${keeper.pods.map((p) => `${ipOfPod(p)}:9181`).join(', ')}`,
        `Code: 999. Coordination::Exception: Keeper server rejected the connection during the handshake. Possibly it's overloaded, doesn't see leader or stale: while receiving handshake from ZooKeeper. (KEEPER_EXCEPTION) (version 24.8.6.70 (official build)), ${keeperHosts[0]}`,
        `Poco::Exception. Code: 1000, e.code() = 0, Timeout: connect timed out: ${keeperHosts[1]} (version 24.8.6.70 (official build)), ${keeperHosts[1]}`,
        `Poco::Exception. Code: 1000, e.code() = 0, Timeout: connect timed out: ${keeperHosts[2]} (version 24.8.6.70 (official build)), ${keeperHosts[2]}. (KEEPER_EXCEPTION), Stack trace (when copying this message, always include the lines below):`,
        `${chTime(t - 0.5, 500 + j)} [ 1881 ] {b1d3${j}${i}f0-77a2-4c1e-9a0b-2f6c8e41d5${j}${i}} <Error> executeQuery: Code: 242. DB::Exception: Table is in readonly mode: replica_path=/clickhouse/tables/0/analytics/events_local/replicas/${replica}. (TABLE_IS_READ_ONLY) (version 24.8.6.70 (official build)) (from ${ipOfPod(ingest.pods[(i + j) % 3])}:${51_200 + j * 7}) (in query: INSERT INTO analytics.events_local (event_time, event_type, user_id, session_id, properties) FORMAT Native), Stack trace (when copying this message, always include the lines below):`,
        `${chTime(t - 0.9, 700 + j)} [ 1904 ] {} <Information> executeQuery: Read 1203311 rows, 38.41 MiB in 0.188 sec., 6400590 rows/sec., 204.31 MiB/sec.`,
      );
    }
    return out.join('\n') + '\n';
  };
  const ingestLog = (k: number) => {
    const out: string[] = [];
    for (let j = 0; j < 12; j++) {
      const t = 24 - j * 2 - k * 0.2;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"sink/clickhouse.go:141","msg":"batch insert failed","table":"analytics.events_local","rows":5000,"attempt":${(j % 5) + 1},"error":"code: 242, message: Table is in readonly mode: replica_path=/clickhouse/tables/0/analytics/events_local/replicas/clickhouse-${(j + k) % 2}"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.05)}","caller":"spool/spool.go:61","msg":"batch spooled","bytes":${3_900_000 + j * 1_211},"spool_used_bytes":${(2 * j + 4 + k) * 82_000_000},"spool_max_bytes":2147483648}`);
    }
    if (k < 2) {
      out.push(`{"level":"warn","ts":"${at(8.8)}","caller":"spool/spool.go:88","msg":"spool above high watermark; refusing new events","spool_used_bytes":1965031424,"spool_max_bytes":2147483648,"pct":91.5}`);
      out.push(`{"level":"warn","ts":"${at(0.5)}","caller":"http/handler.go:74","msg":"request","method":"POST","path":"/v1/events","status":503,"dur_ms":1,"reason":"spool full"}`);
    } else {
      out.push(`{"level":"info","ts":"${at(0.5)}","caller":"http/handler.go:74","msg":"request","method":"POST","path":"/v1/events","status":202,"dur_ms":3}`);
    }
    return out.join('\n') + '\n';
  };
  const k1 = podOf(keeper, 1);
  const k2 = podOf(keeper, 2);
  return {
    id: 'heldout43-clickhouse-readonly-keeper-quorum-lost',
    class: 'nodes',
    truth: 'Node ip-10-0-210-87 stopped posting status 26 minutes ago. Two of the three ClickHouse Keeper pods (clickhouse-keeper-1 and -2, which its only-preferred anti-affinity had let land on that node) are stuck Terminating there, and a StatefulSet does not replace them until the node confirms, so the lone clickhouse-keeper-0 has no Raft quorum and serves no sessions. Both ClickHouse replicas lost their Keeper session and put analytics.events_local in read-only mode, so every insert from events-ingest fails with "Table is in readonly mode" (TABLE_IS_READ_ONLY) and its spool fills. Fix: recover or delete the dead node (or force-delete the two Keeper pods) so Keeper regains quorum; events-ingest itself is fine.',
    ask: { service: 'events-ingest', namespace: ns },
    objects: [
      ...nodes, ...keeper.objects, ...ch.objects, ...claims, keeperConfig, ...ingest.objects,
      ...exposed({ namespace: ns, name: 'clickhouse-keeper-headless', headless: true, selector: { app: 'clickhouse-keeper' }, ports: [{ name: 'client', port: 9181, targetPort: 9181 }, { name: 'raft', port: 9234, targetPort: 9234 }], pods: keeper.pods, endpointPort: 9181 }),
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, ports: [{ name: 'native', port: 9000, targetPort: 9000 }, { name: 'http', port: 8123, targetPort: 8123 }], pods: ch.pods, endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: ingest.pods }),
      event({ on: { kind: 'Node', name: dead }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${dead} status is now: NodeNotReady`, firstAgo: deadSince - 0.7, lastAgo: deadSince - 0.7, component: 'node-controller' }),
      ...[k1, k2].flatMap((p) => [
        event({ on: p, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: deadSince - 0.7, lastAgo: deadSince - 0.7, component: 'node-controller' }),
        event({ on: p, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${p.metadata?.name ?? ''}`, firstAgo: deadSince - 5.05, lastAgo: deadSince - 5.05, component: 'taint-eviction-controller' }),
      ]),
      probeFailed(podOf(keeper, 0), 'clickhouse-keeper', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 298, firstAgo: 25.5, lastAgo: 0.1 }),
      probeFailed(podOf(ingest, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 104, firstAgo: 8.8, lastAgo: 0.1 }),
      probeFailed(podOf(ingest, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 97, firstAgo: 8.2, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(podOf(keeper, 0), 'clickhouse-keeper', { current: keeperLog }),
      ...ch.pods.map((p, i) => logsFor(p, 'clickhouse', { current: chLog(i) })),
      ...ingest.pods.map((p, k) => logsFor(p, 'app', { current: ingestLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-?only|TABLE_IS_READ_ONLY/i, /keeper|zookeeper|quorum/i],
      facts: [/clickhouse-keeper-[12]/, /ip-10-0-210-87|NotReady|not ready|unreachable/i, /quorum|1 of 3|2 of 3|leader/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /disk (full|pressure)|no space left/i],
    },
  };
}

// ---- 7. healthy control: a missing pull secret warning and nginx temp-file buffering ---------------------

function healthyDocsPortalNoisyWarnings(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.122', ['40', '101', '250']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const nginxConf = [
    'upstream renderer { server docs-renderer.docs.svc.cluster.local:8080; keepalive 32; }',
    'server {',
    '  listen 8080;',
    '  server_name docs.acme.io;',
    '  root /usr/share/nginx/html;',
    '  location /healthz { access_log off; return 200 "ok"; }',
    '  location /api/ {',
    '    proxy_pass http://renderer;',
    '    proxy_http_version 1.1;',
    '    proxy_set_header Connection "";',
    '    proxy_buffers 8 16k;',
    '    proxy_max_temp_file_size 1024m;',
    '  }',
    '  location / { try_files $uri $uri/ /index.html; }',
    '}',
    '',
  ].join('\n');
  const portal = deploymentApp({
    namespace: ns,
    name: 'docs-portal',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 34 * DAYS, changeCause: 'argocd: docs-portal 2026.10.17', template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.1-alpine', ports: [8080] })], imagePullSecrets: ['dockerhub-mirror'] } },
      {
        revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: docs-portal 2026.11.15',
        template: {
          containers: [container({
            name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi',
            readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
            volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }, { name: 'site', mountPath: '/usr/share/nginx/html' }],
          })],
          volumes: [{ name: 'conf', configMap: { name: 'docs-portal-nginx' } }, { name: 'site', emptyDir: {} }],
          imagePullSecrets: ['dockerhub-mirror'],
        },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 6 * DAYS - k * 0.6 })),
    settled: { available: true, availableSince: 6 * DAYS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const renderer = deploymentApp({
    namespace: ns,
    name: 'docs-renderer',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 13 * DAYS, changeCause: 'argocd: docs-renderer 4.1.0', template: { containers: [container({ image: `${ECR}/docs/docs-renderer:4.1.0`, ports: [8080], memory: '1Gi' })] } }],
    pods: [{ revision: 22, node: names[1] ?? '', createdAgo: 13 * DAYS }, { revision: 22, node: names[2] ?? '', createdAgo: 13 * DAYS }],
  });
  const conf = configMap({ namespace: ns, name: 'docs-portal-nginx', createdAgo: 120 * DAYS, updatedAgo: 34 * DAYS, data: { 'default.conf': nginxConf } });
  const rendererSvc = service({ namespace: ns, name: 'docs-renderer', clusterIP: '172.20.88.41', selector: { app: 'docs-renderer' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] });
  const paths = ['/handbook/onboarding', '/api/v2/search?q=vpn', '/handbook/expenses', '/assets/app.3f9c1e.js', '/api/v2/pages/security-policy', '/runbooks/payments'];
  const portalLog = (k: number) => {
    const out: string[] = [];
    for (let j = 0; j < 16; j++) {
      const t = 30 - j * 1.8 - k * 0.13;
      const path = paths[(j + k) % paths.length] ?? '/';
      const client = `10.0.122.${(j * 37 + k * 11) % 200 + 20}`;
      out.push(`${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 200 ${8_000 + ((j * 977 + k * 131) % 90_000)} "https://docs.acme.io/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15" rt=0.0${10 + j} uct=0.001 urt=0.0${9 + j}`);
      if (j % 4 === 1) {
        const doc = ['handbook', 'security-policy', 'platform-guide'][(j + k) % 3] ?? 'handbook';
        out.push(`${ngxTime(t - 0.02)} [warn] 29#29: *${18_000 + j * 131 + k} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${(j + k) % 10}/${10 + j}/00000${1500 + j * 7 + k} while reading upstream, client: ${client}, server: docs.acme.io, request: "GET /api/v2/export/pdf/${doc} HTTP/1.1", upstream: "http://172.20.88.41:8080/api/v2/export/pdf/${doc}", host: "docs.acme.io", referrer: "https://docs.acme.io/${doc}"`);
        out.push(`${client} - - [${clfTime(t - 0.03)}] "GET /api/v2/export/pdf/${doc} HTTP/1.1" 200 ${18_300_000 + j * 4_001} "https://docs.acme.io/${doc}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" rt=1.${200 + j} uct=0.001 urt=1.${180 + j}`);
      }
    }
    return out.join('\n') + '\n';
  };
  const dep = deploymentOf(portal);
  return {
    id: 'heldout43-healthy-docs-portal-pull-secret-and-temp-file-warnings',
    class: 'healthy',
    truth: 'docs-portal is healthy: three nginx pods of revision 9, six days old, ready, no restarts, all in the Service\'s endpoints, serving 200s. Two kinds of noise look alarming but are harmless: kubelet warnings (FailedToRetrieveImagePullSecret) that the imagePullSecret dockerhub-mirror, deleted in a cleanup, cannot be found, while the public nginx image is already on the nodes and nothing needs pulling; and nginx [warn] lines saying large PDF export responses are buffered to temporary files, which is how nginx handles responses bigger than its proxy buffers.',
    ask: { service: 'docs-portal', namespace: ns },
    objects: [
      ...nodes, ...portal.objects, ...renderer.objects, conf,
      ...exposed({ namespace: ns, name: 'docs-portal', selector: { app: 'docs-portal' }, pods: portal.pods }),
      rendererSvc, endpointSliceFor(rendererSvc, renderer.pods),
      scaledReplicaSet(dep, rsOf(portal, 9), 3, 0, 6 * DAYS),
      ...portal.pods.map((p, k) => event({
        on: p, reason: 'FailedToRetrieveImagePullSecret',
        message: 'Unable to retrieve some image pull secrets (dockerhub-mirror); attempting to pull the image may not succeed.',
        count: 1_412 - k * 37, firstAgo: 6 * DAYS - k * 0.6, lastAgo: 1.4 + k * 0.9,
      })),
    ],
    logs: portal.pods.map((p, k) => logsFor(p, 'nginx', { current: portalLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|3\/3|3 of 3|all (3|three)/i],
      facts: [/docs-portal/, /3\/3|3 of 3|all (3|three)|3 (pods|replicas)|three (pods|replicas)/i],
      never: [/ImagePull|pull secret[^\n]*(fail|broken|cause|missing)|cannot pull|can't pull|dockerhub-mirror/i, /temporary file|proxy_temp|buffer(ed|ing)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  elasticsearchResultWindow(),
  pgbouncerMaxClientConn(),
  rabbitmqDefinitionsAccessRefused(),
  springBootCircularReferences(),
  gcsObjectMutationRateLimit(),
  clickhouseKeeperQuorumLost(),
  healthyDocsPortalNoisyWarnings(),
];
