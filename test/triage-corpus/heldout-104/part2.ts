// Held-out stories, round 104, part two (runtimes, libraries and data stores):
// 1. a Netty media-ingest service whose revision 12 set -XX:MaxDirectMemorySize=64m: "OutOfMemoryError: Direct buffer memory" on large uploads, never OOMKilled;
// 2. a Node.js notifier whose base image moved node:14 → node:18: an unhandled promise rejection, once a warning, now kills the process (ERR_UNHANDLED_REJECTION) every few minutes;
// 3. an orders API on Cassandra whose keyspace has replication factor 2, so LOCAL_QUORUM needs both replicas and cassandra-2, Pending behind a cordoned node, breaks every write;
// 4. a Python invoice sync whose rebuild (same app version) pulled urllib3 2.x onto a CentOS 7 base with OpenSSL 1.0.2k: ImportError at start, crash loop;
// 5. a Go service rebuilt with CGO (go-sqlite3) onto distroless/static: "exec /app/server: no such file or directory" (no ld-linux loader), crash loop;
// 6. a Spring 4 / cglib service whose base image moved JDK 11 → 17: InaccessibleObjectException (java.base does not "opens java.lang"), crash loop;
// 7. healthy control: a Cassandra ring with routine compactions and GC-pause INFO lines, all three members UN.
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling, httpProbe,
  nameOf, node, nodeEvent, pyTime, restartedAgain, running, service, statefulSetApp, tcpProbe, execProbe, boundClaim, waiting,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const look = (a: number, va: string, vb: string, olderAgo: number) => ({ revisions: [a, a + 1] as const, versions: [va, vb] as const, olderAgo });
/** Log4j2/Logback-style time: `2026-11-21 03:12:41.563`. */
const jTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Cassandra's system.log time: `2026-11-21 03:12:41,563`. */
const cTime = pyTime;

// ---- 1. Netty: MaxDirectMemorySize=64m ------------------------------------------------------------

function nettyDirectMemory(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '222']);
  const image = (v: string) => `${ECR}/media/media-ingest:${v}`;
  const tpl = (v: string, opts: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'admin', containerPort: 8081 }], cpu: '1', memory: '2Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'INGEST_MAX_CONTENT_LENGTH', value: '64MB' }],
      readiness: httpProbe('/health/ready', 'admin'), liveness: httpProbe('/health/live', 'admin', { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'media-ingest', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 16 * DAYS, changeCause: 'argocd: media-ingest 5.3.0', template: tpl('5.3.0', '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError') },
      { revision: 12, createdAgo: 3 * HOURS + 10, changeCause: 'argocd: media-ingest 5.3.0 (jvm flags: cap direct memory, fix #PLAT-2291)', template: tpl('5.3.0', '-XX:MaxRAMPercentage=70 -XX:MaxDirectMemorySize=64m -Dio.netty.maxDirectMemory=0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 3 * HOURS + 8 - 2 * k })),
  });
  const other = bystander(ns, 'thumbnailer', names, 26 * HOURS, look(40, '2.9.4', '2.9.5', 20 * DAYS));
  const oomLine = (m: number, id: string) => lines(
    `${jTime(m)} WARN  [reactor-http-epoll-3] i.n.c.DefaultChannelPipeline - An exceptionCaught() event was fired, and it reached at the tail of the pipeline. It usually means the last handler in the pipeline did not handle the exception.`,
    'java.lang.OutOfMemoryError: Direct buffer memory',
    '\tat java.base/java.nio.Bits.reserveMemory(Bits.java:175)',
    '\tat java.base/java.nio.DirectByteBuffer.<init>(DirectByteBuffer.java:118)',
    '\tat java.base/java.nio.ByteBuffer.allocateDirect(ByteBuffer.java:317)',
    '\tat io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:710)',
    '\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:685)',
    '\tat io.netty.buffer.PoolArena.allocateNormal(PoolArena.java:212)',
    '\tat io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:403)',
    '\tat io.netty.handler.codec.http.HttpObjectAggregator.beginAggregation(HttpObjectAggregator.java:230)',
    `${jTime(m - 0.01)} ERROR [reactor-http-epoll-3] c.a.m.ingest.UploadHandler - upload ${id} failed: 500 Internal Server Error (java.lang.OutOfMemoryError: Direct buffer memory)`,
  );
  const current = (k: number) => lines(
    `${jTime(188 - 2 * k)} INFO  [main] c.a.m.ingest.Application - Started Application in 7.912 seconds (process running for 8.64)`,
    `${jTime(30)} INFO  [reactor-http-epoll-1] c.a.m.ingest.UploadHandler - POST /v2/uploads 201 size=412KB dur=38ms`,
  ) + oomLine(14 - k, `upl_8f2${k}a1`) + lines(
    `${jTime(9)} INFO  [reactor-http-epoll-2] c.a.m.ingest.UploadHandler - POST /v2/uploads 201 size=96KB dur=21ms`,
  ) + oomLine(3 - k * 0.5, `upl_93c${k}d0`) + lines(
    `${jTime(1)} INFO  [metrics] c.a.m.ingest.JvmStats - heap_used=312MB heap_max=1433MB direct_used=63MB direct_max=64MB rss=701MB`,
  );
  return {
    id: 'heldout104-netty-max-direct-memory-too-low',
    class: 'config',
    truth: 'Revision 12 of media-ingest (3 hours ago, same 5.3.0 image) added -XX:MaxDirectMemorySize=64m to JAVA_TOOL_OPTIONS. Netty\'s pooled allocator and HttpObjectAggregator keep whole uploads in direct buffers, and uploads of several MB now exhaust the 64 MB direct memory cap: "java.lang.OutOfMemoryError: Direct buffer memory", the upload answers 500. The heap and the container are fine (about 700 MB RSS of a 2 GiB limit, no OOMKill, no restart). Fix: remove or raise the direct memory cap (back to revision 11\'s flags).',
    ask: { service: 'media-ingest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-ingest', selector: { app: 'media-ingest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: other.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: current(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"thumbnail rendered","w":320,"ms":44}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/direct (buffer )?memory|MaxDirectMemorySize/i],
      facts: [/MaxDirectMemorySize|64m/i, /revision 12|JAVA_TOOL_OPTIONS/i, /Direct buffer memory/i],
      never: [/OOM ?kill|container (was )?killed|memory limit (is )?(too low|exceeded|reached)/i, /thumbnailer/, /crash ?loop/i],
    },
  };
}

// ---- 2. Node 14 → 18: unhandled rejections now fatal ----------------------------------------------

function nodeUnhandledRejection(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '117', '203']);
  const image = (v: string) => `${ECR}/messaging/push-notifier:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '200m', memory: '256Mi', readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const runs = [{ restarts: 11, since: 1.5 }, { restarts: 10, since: 3.2 }, { restarts: 12, since: 0.4 }];
  const app = deploymentApp({
    namespace: ns, name: 'push-notifier', replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 34 * DAYS, changeCause: 'argocd: push-notifier 4.11.2 (base node:14.21-alpine)', template: tpl('4.11.2-node14') },
      { revision: 8, createdAgo: 52, changeCause: 'argocd: push-notifier 4.11.2 (base node:18.20-alpine, node 14 EOL)', template: tpl('4.11.2-node18') },
    ],
    pods: runs.map((r, k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 50 - k, containers: { app: running({ sinceAgo: r.since, restarts: r.restarts, last: { exitCode: 1, finishedAgo: r.since, ranSeconds: 200 + 40 * k } }) } })),
  });
  const crash = (m: number, k: number) => lines(
    `{"level":30,"time":${Date.parse(at(m + 4))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"push-notifier 4.11.2 listening on :3000 (node v18.20.4)"}`,
    `{"level":30,"time":${Date.parse(at(m + 2))},"pid":1,"msg":"delivered batch","batch":"b-77${k}1","sent":500,"ms":812}`,
    `{"level":40,"time":${Date.parse(at(m + 0.02))},"pid":1,"msg":"apns: provider returned 429 TooManyProviderTokenUpdates, retrying later"}`,
    'node:internal/process/promises:288',
    '            triggerUncaughtException(err, true /* fromPromise */);',
    '            ^',
    '',
    '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "TooManyProviderTokenUpdates".] {',
    "  code: 'ERR_UNHANDLED_REJECTION'",
    '}',
    '',
    'Node.js v18.20.4',
  );
  const other = bystander(ns, 'sms-gateway', names, 8 * DAYS, look(19, '1.6.0', '1.6.1', 30 * DAYS));
  return {
    id: 'heldout104-node18-unhandled-rejection-fatal',
    class: 'containers',
    truth: 'Revision 8 of push-notifier (52 minutes ago) rebuilt the same 4.11.2 code on node:18 instead of node:14. The APNs client rejects a promise nobody awaits when Apple answers 429; on Node 14 that was an UnhandledPromiseRejectionWarning, since Node 15 the default --unhandled-rejections=throw makes it fatal: the process dies with ERR_UNHANDLED_REJECTION (exit 1) every few minutes and every pod restarts about every 4 minutes. Fix: handle the rejection (or run with --unhandled-rejections=warn as a stopgap), or go back to revision 7 meanwhile.',
    ask: { service: 'push-notifier', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'push-notifier', selector: { app: 'push-notifier' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        ...startedAt(p, 'app', image('4.11.2-node18'), 50 - k).slice(0, 1),
        ...restartedAgain(p, 'app', image('4.11.2-node18'), { count: (runs[k]?.restarts ?? 10) + 1, firstAgo: 49.9 - k, lastAgo: runs[k]?.since ?? 1 }),
        backOff(p, 'app', { count: 3, firstAgo: 30, lastAgo: (runs[k]?.since ?? 1) + 0.2 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', {
      previous: crash(runs[k]?.since ?? 1, k),
      current: lines(`{"level":30,"time":${Date.parse(at((runs[k]?.since ?? 1) - 0.05))},"pid":1,"msg":"push-notifier 4.11.2 listening on :3000 (node v18.20.4)"}`),
    })),
    expect: {
      verdict: 'problems',
      headline: [/unhandled ?(promise )?rejection|ERR_UNHANDLED_REJECTION/i],
      facts: [/ERR_UNHANDLED_REJECTION|UnhandledPromiseRejection/, /node ?(:|v)?18|node 14|revision 8/i],
      never: [/\bOOM/, /liveness probe (fail|kill)/i, /sms-gateway/],
    },
  };
}

// ---- 3. Cassandra RF 2 + one member down: LOCAL_QUORUM unavailable --------------------------------

function cassandraQuorumRf2(): CorpusScenario {
  const ns = 'orders';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const dataNodes = ['41', '108', '230'].map((h, i) => node({ name: eksNodeName(`10.0.33.${h}`), zone: zones[i] ?? '', pool: 'cassandra', instanceType: 'r6i.2xlarge', labels: { workload: 'cassandra' }, ...(i === 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(47))) as unknown as Date }] } : {}) }));
  const appNodes = threeEksNodes('10.0.34', ['12', '99', '187']);
  const dn = dataNodes.map(nameOf);
  const cimg = 'docker.io/library/cassandra:4.1.7';
  const ctpl = { nodeSelector: { workload: 'cassandra' }, containers: [container({ name: 'cassandra', image: cimg, ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }], cpu: '2', memory: '16Gi', env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, { name: 'CASSANDRA_CLUSTER_NAME', value: 'orders' }, { name: 'CASSANDRA_DC', value: 'dc1' }, { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.orders.svc.cluster.local' }, { name: 'MAX_HEAP_SIZE', value: '8G' }], readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { timeoutSeconds: 10 }), liveness: tcpProbe('cql', { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }] })] };
  const cass = statefulSetApp({
    namespace: ns, name: 'cassandra', replicas: 3, serviceName: 'cassandra', createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 120 * DAYS, template: ctpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: dn[0] ?? '', createdAgo: 60 * DAYS },
      { revision: 4, ordinal: 1, node: dn[1] ?? '', createdAgo: 60 * DAYS },
      { revision: 4, ordinal: 2, node: null, createdAgo: 46, unschedulable: '0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.', containers: { cassandra: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-cassandra-${i}`, storage: '500Gi', zone: zones[i] ?? '', createdAgo: 300 * DAYS, storageClass: 'gp3' }));
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', env: [{ name: 'CASSANDRA_CONTACT_POINTS', value: 'cassandra.orders.svc.cluster.local:9042' }, { name: 'CASSANDRA_KEYSPACE', value: 'orders' }, { name: 'CASSANDRA_CONSISTENCY', value: 'LOCAL_QUORUM' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 62, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 8.4.0', template: tpl('8.4.0') },
      { revision: 63, createdAgo: 2 * DAYS, changeCause: 'argocd: orders-api 8.4.1', template: tpl('8.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: appNodes.names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const schema = configMap({ namespace: ns, name: 'orders-cql-schema', createdAgo: 300 * DAYS, updatedAgo: 210 * DAYS, data: {
    '001-keyspace.cql': "CREATE KEYSPACE IF NOT EXISTS orders WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2} AND durable_writes = true;\n",
    '002-tables.cql': 'CREATE TABLE IF NOT EXISTS orders.orders_by_id (order_id uuid PRIMARY KEY, customer_id uuid, status text, total_cents bigint, created_at timestamp);\nCREATE TABLE IF NOT EXISTS orders.orders_by_customer (customer_id uuid, created_at timestamp, order_id uuid, PRIMARY KEY (customer_id, created_at)) WITH CLUSTERING ORDER BY (created_at DESC);\n',
  } });
  const unavailable = (m: number, k: number) => lines(
    `${jTime(m)} ERROR 1 --- [nio-8080-exec-${k + 3}] c.a.orders.web.ErrorHandler : POST /v1/orders failed`,
    'com.datastax.oss.driver.api.core.servererrors.UnavailableException: Not enough replicas available for query at consistency LOCAL_QUORUM (2 required but only 1 alive)',
    '\tat com.datastax.oss.driver.api.core.servererrors.UnavailableException.copy(UnavailableException.java:98)',
    '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)',
    '\tat com.acme.orders.store.OrderRepository.insert(OrderRepository.java:77)',
  );
  const apiLog = (k: number) => lines(
    `${jTime(50)} INFO 1 --- [s0-admin-0] c.d.o.d.i.core.metadata.NodeStateManager : [s0] Node /10.0.33.${230}:9042 is down`,
    `${jTime(44)} INFO 1 --- [nio-8080-exec-1] c.a.orders.web.AccessLog : GET /v1/orders/7f1c... 200 12ms`,
  ) + unavailable(20 - k, k) + unavailable(6 - k, k) + unavailable(0.8, k);
  const down = (m: number) => lines(
    `INFO  [GossipStage:1] ${cTime(m)} Gossiper.java:1301 - InetAddress /10.0.33.230:7000 is now DOWN`,
    `INFO  [GossipStage:1] ${cTime(m - 0.01)} StorageService.java:2867 - Node /10.0.33.230:7000 state jump to shutdown`,
    `INFO  [HintsDispatcher:3] ${cTime(30)} HintsStore.java:133 - Deleted hint file 6f0c2d1e-...`,
    `WARN  [Native-Transport-Requests-12] ${cTime(1)} NoSpamLogger.java:95 - Not enough replicas available for query at consistency LOCAL_QUORUM (2 required but only 1 alive) for keyspace orders`,
  );
  const dpl = (n: string, msg: string, m: number) => nodeEvent(n, 'NodeNotSchedulable', msg, { type: 'Normal', firstAgo: m, lastAgo: m });
  const c2 = podOf(cass, 2);
  return {
    id: 'heldout104-cassandra-rf2-local-quorum-unavailable',
    class: 'config',
    truth: 'The orders keyspace was created with replication factor 2 in dc1 (orders-cql-schema), so LOCAL_QUORUM needs both replicas of every partition. 47 minutes ago the node under cassandra-2 was cordoned and drained for maintenance; cassandra-2 is Pending (its gp3 volume lives in eu-west-1c, where the only Cassandra node is unschedulable), and every write whose replicas include cassandra-2 fails with UnavailableException "Not enough replicas available for query at consistency LOCAL_QUORUM (2 required but only 1 alive)". One member down should not break a properly replicated keyspace: uncordon the node to bring cassandra-2 back now, then raise the keyspace to RF 3 (ALTER KEYSPACE + repair). orders-api 8.4.1 is not the cause.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...dataNodes, ...appNodes.nodes, ...cass.objects, ...claims, ...api.objects, schema,
      service({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 'cql' }] }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      dpl(dn[2] ?? '', `Node ${dn[2] ?? ''} status is now: NodeNotSchedulable`, 47),
      event({ on: { kind: 'Pod', name: 'cassandra-2', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container cassandra', firstAgo: 46.5, lastAgo: 46.5, fieldPath: 'spec.containers{cassandra}' }),
      event({ on: { kind: 'StatefulSet', name: 'cassandra', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod cassandra-2 in StatefulSet cassandra successful`, firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
      failedScheduling(c2, '0/6 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.', { count: 14, firstAgo: 46, lastAgo: 2 }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(cass, 0), 'cassandra', { current: down(46.4) }),
      logsFor(podOf(cass, 1), 'cassandra', { current: down(46.3) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quorum|not enough replicas|replication factor|RF ?2|cassandra-2/i],
      facts: [/cassandra-2/, /replication[ _]factor|'dc1': ?2|RF ?=? ?2/i, /unschedulable|cordon|drain/i, /LOCAL_QUORUM/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /8\.4\.1[^\n]*(caused|broke|introduced)/i],
    },
  };
}

// ---- 4. urllib3 2.x on OpenSSL 1.0.2k ---------------------------------------------------------------

function urllib3OldOpenssl(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.118', ['21', '77', '160']);
  const image = (v: string) => `${ECR}/billing/invoice-sync:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['python3.9', '-m', 'invoice_sync.worker'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '100m', memory: '256Mi', readiness: null, liveness: httpProbe('/metrics', 'metrics', { initialDelaySeconds: 20 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-sync', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 23 * DAYS, changeCause: 'jenkins: invoice-sync 3.7.2 build #401', template: tpl('3.7.2-b401') },
      { revision: 15, createdAgo: 38, changeCause: 'jenkins: invoice-sync 3.7.2 build #417 (weekly rebuild, no code change)', template: tpl('3.7.2-b417') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 15, node: names[1] ?? '', createdAgo: 37, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 }, 12) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const fresh = podOf(app, 1);
  const tb = lines(
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.9/runpy.py", line 197, in _run_module_as_main',
    '    "__main__", mod_spec)',
    '  File "/usr/local/lib/python3.9/runpy.py", line 87, in _run_code',
    '    exec(code, run_globals)',
    '  File "/opt/app/invoice_sync/worker.py", line 9, in <module>',
    '    from invoice_sync.erp import ErpClient',
    '  File "/opt/app/invoice_sync/erp.py", line 4, in <module>',
    '    import requests',
    '  File "/usr/local/lib/python3.9/site-packages/requests/__init__.py", line 43, in <module>',
    '    import urllib3',
    '  File "/usr/local/lib/python3.9/site-packages/urllib3/__init__.py", line 42, in <module>',
    '    "urllib3 v2 only supports OpenSSL 1.1.1+, currently "',
    "ImportError: urllib3 v2 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'OpenSSL 1.0.2k-fips  26 Jan 2017'. See: https://github.com/urllib3/urllib3/issues/2168",
  );
  return {
    id: 'heldout104-urllib3-v2-openssl-102',
    class: 'containers',
    truth: 'Revision 15 of invoice-sync (38 minutes ago) is a weekly rebuild of the same 3.7.2 code on the same CentOS 7 base (Python 3.9 built against the system OpenSSL), but requirements do not pin urllib3, so pip resolved requests\' dependency to urllib3 2.x, which refuses to import against the base image\'s OpenSSL 1.0.2k-fips: ImportError at startup, exit 1, the new pod crash-loops while the revision-14 pod keeps working. Fix: pin urllib3<2 (or move to a base with OpenSSL 1.1.1+) and rebuild; roll back to revision 14 meanwhile.',
    ask: { service: 'invoice-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      service({ namespace: ns, name: 'invoice-sync-metrics', selector: { app: 'invoice-sync' }, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }] }),
      ...startedAt(fresh, 'app', image('3.7.2-b417'), 37).slice(0, 1),
      ...restartedAgain(fresh, 'app', image('3.7.2-b417'), { count: 13, firstAgo: 36.8, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 160, firstAgo: 36.5, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: tb, current: tb }),
      logsFor(podOf(app, 0), 'app', { current: lines(`${pyTime(6)} INFO invoice_sync.worker synced 41 invoices to ERP in 2.3s`, `${pyTime(1)} INFO invoice_sync.worker synced 12 invoices to ERP in 0.9s`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/urllib3|OpenSSL/i],
      facts: [/OpenSSL 1\.0\.2|1\.1\.1/i, /urllib3/, /revision 15|b417|rebuil/i],
      never: [/\bOOM/, /liveness/i, /revision 14[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 5. Go with CGO on distroless/static ------------------------------------------------------------

function goCgoOnStatic(): CorpusScenario {
  const ns = 'geo';
  const { nodes, names } = threeEksNodes('10.0.144', ['33', '101', '250']);
  const image = (v: string) => `${ECR}/geo/geo-lookup:${v}`;
  const tpl = (v: string, cause: string) => ({
    annotations: { 'build.acme.io/base-image': 'gcr.io/distroless/static-debian12:nonroot', 'build.acme.io/change': cause },
    containers: [container({ image: image(v), command: ['/app/server'], ports: [8080], cpu: '200m', memory: '256Mi', securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'geo-lookup', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 12 * DAYS, changeCause: 'argocd: geo-lookup 4.2.3', template: tpl('4.2.3', 'bump maxmind reader') },
      { revision: 22, createdAgo: 27, changeCause: 'argocd: geo-lookup 4.3.0', template: tpl('4.3.0', 'embed offline geo index (mattn/go-sqlite3)') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 22, node: names[2] ?? '', createdAgo: 26, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 0 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  return {
    id: 'heldout104-go-cgo-binary-on-distroless-static',
    class: 'containers',
    truth: 'geo-lookup 4.3.0 (revision 22, 27 minutes ago) added mattn/go-sqlite3, which needs cgo, so the build now produces a dynamically linked binary (interpreter /lib64/ld-linux-x86-64.so.2, libc) while the runtime image is still gcr.io/distroless/static, which has no dynamic loader nor libc. The kernel cannot find the interpreter and reports ENOENT: "exec /app/server: no such file or directory" although /app/server is there; exit 1, crash loop, rollout stuck behind three revision-21 pods. Fix: build with CGO_ENABLED=0 (a pure-Go sqlite such as modernc.org/sqlite) or static linking, or use distroless/base; meanwhile roll back to revision 21.',
    ask: { service: 'geo-lookup', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'geo-lookup', selector: { app: 'geo-lookup' }, pods: app.pods }),
      ...startedAt(fresh, 'app', image('4.3.0'), 26).slice(0, 1),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.3.0')}" in 1.804s (1.804s including waiting). Image size: 18442117 bytes.`, firstAgo: 25.9, lastAgo: 25.9, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('4.3.0'), { count: 10, firstAgo: 25.5, lastAgo: 1.4 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 25, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines('exec /app/server: no such file or directory'), current: lines('exec /app/server: no such file or directory') }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.7)}","level":"INFO","msg":"lookup","ip":"203.0.113.x","country":"DE","dur_us":41}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CGO|dynamic(ally)?[- ]?link|ld-linux|loader|interpreter|libc|static/i],
      facts: [/no such file or directory/, /distroless|static-debian12/i, /CGO_ENABLED=0|cgo|static(ally)? link|go-sqlite3/i],
      never: [/\bOOM/, /(binary|\/app\/server|file) (is )?(missing|absent|not (present|copied|in the image))/i, /exec format|architecture|arm64/i],
    },
  };
}

// ---- 6. JDK 11 → 17: strong encapsulation breaks cglib ----------------------------------------------

function jdk17InaccessibleObject(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.61', ['8', '96', '174']);
  const image = (v: string) => `${ECR}/claims/claims-legacy:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi', env: [{ name: 'JAVA_OPTS', value: '-Xmx1g' }], readiness: httpProbe('/claims/health', 8080, { initialDelaySeconds: 40 }), liveness: httpProbe('/claims/health', 8080, { initialDelaySeconds: 90 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'claims-legacy', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 30, createdAgo: 70 * DAYS, changeCause: 'argocd: claims-legacy 2.14.0 (eclipse-temurin:11-jre)', template: tpl('2.14.0') },
      { revision: 31, createdAgo: 44, changeCause: 'argocd: claims-legacy 2.14.0-r1 (base eclipse-temurin:17-jre, CVE remediation)', template: tpl('2.14.0-r1') },
    ],
    pods: [
      { revision: 30, node: names[0] ?? '', createdAgo: 70 * DAYS },
      { revision: 30, node: names[1] ?? '', createdAgo: 70 * DAYS },
      { revision: 31, node: names[2] ?? '', createdAgo: 43, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3, ranSeconds: 11 }, 9) } },
    ],
  });
  const fresh = podOf(app, 2);
  const log = lines(
    `${jTime(3.2)} INFO  [main] o.s.w.c.ContextLoader - Root WebApplicationContext: initialization started`,
    `${jTime(3.1)} INFO  [main] o.s.b.f.xml.XmlBeanDefinitionReader - Loading XML bean definitions from class path resource [applicationContext.xml]`,
    `${jTime(3.02)} ERROR [main] o.s.w.c.ContextLoader - Context initialization failed`,
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'claimService' defined in class path resource [applicationContext.xml]: Initialization of bean failed; nested exception is org.springframework.cglib.core.CodeGenerationException: java.lang.reflect.InaccessibleObjectException-->Unable to make protected final java.lang.Class java.lang.ClassLoader.defineClass(java.lang.String,byte[],int,int,java.security.ProtectionDomain) throws java.lang.ClassFormatError accessible: module java.base does not \"opens java.lang\" to unnamed module @4b85612c",
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:553)',
    'Caused by: java.lang.reflect.InaccessibleObjectException: Unable to make protected final java.lang.Class java.lang.ClassLoader.defineClass(java.lang.String,byte[],int,int,java.security.ProtectionDomain) throws java.lang.ClassFormatError accessible: module java.base does not "opens java.lang" to unnamed module @4b85612c',
    '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:354)',
    '\tat java.base/java.lang.reflect.Method.setAccessible(Method.java:193)',
    '\tat org.springframework.cglib.core.ReflectUtils$1.run(ReflectUtils.java:61)',
    `${jTime(3)} INFO  [main] c.a.claims.Main - shutting down (exit 1)`,
  );
  return {
    id: 'heldout104-jdk17-inaccessible-object-cglib',
    class: 'containers',
    truth: 'Revision 31 of claims-legacy (44 minutes ago) repackaged the same 2.14.0 app (Spring 4.3, cglib proxies) on eclipse-temurin:17-jre instead of 11-jre for a CVE fix. JDK 17 strongly encapsulates java.base, so cglib\'s reflective ClassLoader.defineClass fails with InaccessibleObjectException ("module java.base does not opens java.lang to unnamed module"), the Spring context does not start and the new pod crash-loops; two revision-30 pods still serve. Fix: add --add-opens java.base/java.lang=ALL-UNNAMED or stay on JDK 11 until Spring is upgraded; roll back to revision 30 now.',
    ask: { service: 'claims-legacy', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'claims-legacy', selector: { app: 'claims-legacy' }, pods: app.pods }),
      ...startedAt(fresh, 'app', image('2.14.0-r1'), 43).slice(0, 1),
      ...restartedAgain(fresh, 'app', image('2.14.0-r1'), { count: 10, firstAgo: 42.8, lastAgo: 3.2 }),
      backOff(fresh, 'app', { count: 170, firstAgo: 40, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: log }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${jTime(2)} INFO  [http-nio-8080-exec-4] c.a.claims.web.ClaimController - GET /claims/api/claims/CL-88213 200 31ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InaccessibleObjectException|add-opens|opens java\.lang|JDK ?17|java 17|temurin:17|encapsulat/i],
      facts: [/InaccessibleObjectException/, /17/, /revision 31|add-opens/i],
      never: [/\bOOM/, /liveness|readiness probe (fail|kill)/i],
    },
  };
}

// ---- 7. healthy control: a Cassandra ring compacting --------------------------------------------------

function cassandraHealthyRing(): CorpusScenario {
  const ns = 'events-store';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const ns3 = ['17', '142', '209'].map((h, i) => node({ name: eksNodeName(`10.0.201.${h}`), zone: zones[i] ?? '', pool: 'cassandra', instanceType: 'i4i.2xlarge', labels: { workload: 'cassandra' } }));
  const dn = ns3.map(nameOf);
  const cimg = 'docker.io/library/cassandra:4.1.7';
  const ctpl = { nodeSelector: { workload: 'cassandra' }, containers: [container({ name: 'cassandra', image: cimg, ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }], cpu: '4', memory: '24Gi', env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }], readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { timeoutSeconds: 10 }), liveness: tcpProbe('cql', { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }] })] };
  const cass = statefulSetApp({
    namespace: ns, name: 'cassandra', replicas: 3, serviceName: 'cassandra', createdAgo: 400 * DAYS,
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: ctpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: dn[i] ?? '', createdAgo: 40 * DAYS - 30 * i, ...(i === 1 ? { containers: { cassandra: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 9 * DAYS, ranSeconds: 31 * DAYS } }) } } : {}) })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-cassandra-${i}`, storage: '1Ti', zone: zones[i] ?? '', createdAgo: 400 * DAYS, storageClass: 'gp3' }));
  const clog = (i: number) => lines(
    `INFO  [CompactionExecutor:${41 + i}] ${cTime(28 - i)} CompactionTask.java:253 - Compacted (8c1e2f40-c6a4-11f1-9d${i}1-5b3e7a0c11d2) 4 sstables to [/var/lib/cassandra/data/events/events_by_stream-3f1a9c50a1e211ef9c7c4b2f3e1d0a66/nb-${18220 + i}-big,] to level=0.  2.114GiB to 1.902GiB (~89% of original) in 96,441ms.  Read Throughput = 22.446MiB/s, Write Throughput = 20.196MiB/s, Row Throughput = ~412,118/s.  1,904,221 total partitions merged to 1,711,806.  Partition merge counts were {1:1541203, 2:170603, }`,
    `INFO  [Service Thread] ${cTime(17 - i)} GCInspector.java:294 - G1 Young Generation GC in 231ms.  G1 Eden Space: 2097152000 -> 0; G1 Old Gen: 4123478016 -> 4198012928; G1 Survivor Space: 104857600 -> 115343360;`,
    `INFO  [IndexSummaryManager:1] ${cTime(9)} IndexSummaryRedistribution.java:78 - Redistributing index summaries`,
    `INFO  [Service Thread] ${cTime(3 + i)} GCInspector.java:294 - G1 Young Generation GC in 207ms.  G1 Eden Space: 2097152000 -> 0; G1 Old Gen: 4198012928 -> 4240117760;`,
    `INFO  [CompactionExecutor:${42 + i}] ${cTime(1)} CompactionTask.java:164 - Compacting (a02f7b10-c6a7-11f1-9d${i}1-5b3e7a0c11d2) [/var/lib/cassandra/data/events/events_by_stream-3f1a9c50a1e211ef9c7c4b2f3e1d0a66/nb-${18231 + i}-big-Data.db:level=0, ]`,
  );
  const image = (v: string) => `${ECR}/events-store/event-writer:${v}`;
  const writer = deploymentApp({
    namespace: ns, name: 'event-writer', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: event-writer 1.22.0', template: { containers: [container({ image: image('1.22.0') })] } }],
    pods: [{ revision: 17, node: dn[0] ?? '', createdAgo: 6 * DAYS }, { revision: 17, node: dn[2] ?? '', createdAgo: 6 * DAYS }],
  });
  return {
    id: 'heldout104-cassandra-ring-compacting-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong: the three-member Cassandra ring of events-store is up and ready (all UN), doing its routine size-tiered compactions with G1 young-generation pauses around 200 ms reported by GCInspector at INFO. cassandra-1 restarted once nine days ago (exit 143, a planned nodetool drain and restart during last week\'s JVM patching). Writers succeed.',
    ask: { service: 'cassandra', namespace: ns },
    objects: [
      ...ns3, ...cass.objects, ...claims, ...writer.objects,
      service({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 'cql' }] }),
      ...exposed({ namespace: ns, name: 'event-writer', selector: { app: 'event-writer' }, pods: writer.pods }),
    ],
    logs: [
      ...cass.pods.map((p, i) => logsFor(p, 'cassandra', { current: clog(i) })),
      ...writer.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.5)}","level":"INFO","msg":"batch written","rows":250,"consistency":"LOCAL_QUORUM","dur_ms":18}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|nothing|ok\b|running/i],
      facts: [/cassandra/i],
      never: [/\bOOM/, /GC (pause|thrash|overhead)[^\n]*(cause|problem)|long GC/i, /crash ?loop/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nettyDirectMemory(),
  nodeUnhandledRejection(),
  cassandraQuorumRf2(),
  urllib3OldOpenssl(),
  goCgoOnStatic(),
  jdk17InaccessibleObject(),
  cassandraHealthyRing(),
];
