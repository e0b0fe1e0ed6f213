// Held-out stories, forty-ninth round, part two: a ledger API whose MongoDB URI pins
// directConnection=true to mongo-0's per-pod name, so after a node rotation moved the primary to
// mongo-2 every write fails "not primary" (NotWritablePrimary) while reads still work; an order
// service whose new entity mapping (bidirectional Order <-> OrderLine) makes Jackson recurse
// ("Infinite recursion (StackOverflowError)") on one endpoint while the pods stay Ready; GPU pods
// of a new revision asking for 4 GPUs rejected by the kubelet's single-numa-node topology manager
// (TopologyAffinityError) and piling up as Failed pods; a MySQL upgraded from 5.7 to 8.0 whose new
// my.cnf dropped the legacy sql_mode, so strict NO_ZERO_DATE rejects '0000-00-00 00:00:00'; a
// Next.js standalone server that binds to $HOSTNAME (the pod IP) so its oauth2-proxy sidecar gets
// connection refused on 127.0.0.1:3000; an Elasticsearch data pod stuck ContainerCreating because
// fsck found errors it could not correct after its node crashed; and a healthy control: a Spring
// service an hour after its rollout with Kafka rebalance INFO lines, Hibernate HHH000104 WARNs and
// an hourly RMI-driven "Full GC (System.gc())".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, boundClaim, configMap, container, deploymentApp, endpointSliceFor, event, exposed, httpProbe,
  nameOf, node, nodeEvent, restartedAgain, rsOf, scaledReplicaSet, scheduled, service, startedNormally,
  statefulSetApp, tcpProbe, execProbe, volumeOf, waiting, createdPod, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** mongod's structured log time: `2026-11-21T02:26:13.512+00:00`. */
const mongoTime = (m: number): string => at(m).replace('Z', '+00:00');
/** Spring Boot's default console time: `2026-11-21 03:12:41.563`. */
const springTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Laravel's log time: `2026-11-21 03:12:41`. */
const laravelTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ');
/** oauth2-proxy's / Go log time: `2026/11/21 03:12:41`. */
const goTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. MongoDB directConnection pinned to mongo-0 after a failover -----------------------------

function mongoDirectConnection(): CorpusScenario {
  const ns = 'ledger';
  const { nodes: base, names } = threeEksNodes('10.0.88', ['14', '102', '219']);
  // mongo-0's old node was rotated out (AMI upgrade) 48 minutes ago; its replacement joined in 1a.
  const fresh = node({ name: eksNodeName('10.0.88.61'), zone: 'eu-west-1a', createdAgo: 52, readySince: 51 });
  const nodes = [fresh, base[1], base[2]].filter((n): n is k8s.V1Node => n !== undefined);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongoTpl = {
    containers: [container({
      name: 'mongod', image: mongoImage, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--keyFile', '/etc/mongo-keyfile/keyfile', '--wiredTigerCacheSizeGB', '1.5'],
      ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
    })],
    volumes: [{ name: 'keyfile', secret: { secretName: 'mongo-keyfile', defaultMode: 256 } }],
  };
  const mongo = statefulSetApp({
    namespace: ns, name: 'mongo', replicas: 3, serviceName: 'mongo',
    revisions: [{ revision: 4, createdAgo: 62 * DAYS, template: mongoTpl }],
    pods: [
      { revision: 4, ordinal: 0, node: nameOf(fresh), createdAgo: 47 },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 23 * DAYS },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 23 * DAYS },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-mongo-${i}`, storage: '100Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 62 * DAYS }));
  const apiImage = (v: string) => `${ECR}/ledger/ledger-api:${v}`;
  const uri = 'mongodb://ledger_app@mongo-0.mongo.ledger.svc.cluster.local:27017/ledger?directConnection=true&authSource=admin&retryWrites=true&w=majority';
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [3000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', valueFrom: { configMapKeyRef: { name: 'ledger-api-config', key: 'MONGODB_URI' } } },
        { name: 'MONGODB_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-mongo-credentials', key: 'password' } } },
      ],
      readiness: httpProbe('/healthz/ready', 3000), liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: ledger-api 2.14.1', template: apiTpl('2.14.1') },
      { revision: 19, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'argocd: ledger-api 2.15.0', template: apiTpl('2.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k === 1 ? 2 : 1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - k })),
  });
  const other = bystander(ns, 'ledger-statements', [nameOf(fresh), names[1] ?? ''], 31, { revisions: [11, 12], versions: ['1.8.2', '1.9.0'], olderAgo: 20 * DAYS });
  const cfg = configMap({ namespace: ns, name: 'ledger-api-config', createdAgo: 140 * DAYS, updatedAgo: 63 * DAYS, data: { MONGODB_URI: uri, MONGODB_DB: 'ledger', LOG_LEVEL: 'info' } });
  const m0 = podOf(mongo, 0);
  const accounts = ['acc_7Hq2Lm', 'acc_9Xk1Pe', 'acc_3Rt8Zw', 'acc_5Nb4Yc'];
  const apiLog = (k: number) => {
    const out = [
      `{"level":30,"time":"${at(2 * DAYS + 3 * HOURS - k - 0.2)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"connected to mongodb","host":"mongo-0.mongo.ledger.svc.cluster.local:27017","topology":"Single"}`,
      `{"level":40,"time":"${at(49.2 - k * 0.01)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"mongodb server heartbeat failed","host":"mongo-0.mongo.ledger.svc.cluster.local:27017","err":"connection <monitor> to 10.0.31.18:27017 closed"}`,
      `{"level":30,"time":"${at(46.1 - k * 0.01)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"mongodb server description changed","host":"mongo-0.mongo.ledger.svc.cluster.local:27017","type":"RSSecondary"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 44 - i * 3.1 - k * 0.07;
      const acc = accounts[(i + k) % accounts.length] ?? 'acc_1';
      out.push(`{"level":30,"time":"${at(t + 0.01)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/accounts/${acc}/balance"},"res":{"statusCode":200},"responseTime":${11 + (i % 5)},"msg":"request completed"}`);
      out.push(`{"level":50,"time":"${at(t)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/accounts/${acc}/entries"},"err":{"type":"MongoServerError","message":"not primary","stack":"MongoServerError: not primary\\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:30)\\n    at MessageStream.<anonymous> (/app/node_modules/mongodb/lib/cmap/connection.js:61:60)","code":10107,"codeName":"NotWritablePrimary","errorLabels":["RetryableWriteError"]},"msg":"failed to insert ledger entry"}`);
      out.push(`{"level":30,"time":"${at(t - 0.001)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/accounts/${acc}/entries"},"res":{"statusCode":500},"responseTime":${7 + (i % 4)},"msg":"request errored"}`);
    }
    return out.join('\n') + '\n';
  };
  const mlog = (m: number, s: string, c: string, id: number, ctx: string, msg: string, attr: string) =>
    `{"t":{"$date":"${mongoTime(m)}"},"s":"${s}",  "c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}"id":${id},   "ctx":"${ctx}","msg":"${msg}","attr":${attr}}`;
  const m0Log = lines(
    mlog(46.9, 'I', 'CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\'', '{}'),
    mlog(46.9, 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', `{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"mongo-0"}`),
    mlog(46.8, 'W', 'STORAGE', 22271, 'initandlisten', 'Detected unclean shutdown - Lock file is not empty', '{"lockFile":"/data/db/mongod.lock"}'),
    mlog(46.5, 'I', 'REPL', 21392, 'ReplCoord-0', 'New replica set config in use', '{"config":{"_id":"rs0","version":5,"term":12,"members":[{"_id":0,"host":"mongo-0.mongo.ledger.svc.cluster.local:27017"},{"_id":1,"host":"mongo-1.mongo.ledger.svc.cluster.local:27017"},{"_id":2,"host":"mongo-2.mongo.ledger.svc.cluster.local:27017"}]}}'),
    mlog(46.5, 'I', 'REPL', 21358, 'ReplCoord-0', 'Replica set state transition', '{"newState":"STARTUP2","oldState":"STARTUP"}'),
    mlog(46.4, 'I', 'REPL', 21358, 'ReplCoord-0', 'Replica set state transition', '{"newState":"RECOVERING","oldState":"STARTUP2"}'),
    mlog(46.2, 'I', 'REPL', 21358, 'ReplCoord-2', 'Replica set state transition', '{"newState":"SECONDARY","oldState":"RECOVERING"}'),
    mlog(46.2, 'I', 'REPL', 21799, 'BackgroundSync', 'Sync source candidate chosen', '{"syncSource":"mongo-2.mongo.ledger.svc.cluster.local:27017"}'),
    mlog(30.1, 'I', 'NETWORK', 22943, 'listener', 'Connection accepted', '{"remote":"10.0.14.77:51822","connectionId":2211,"connectionCount":41}'),
    mlog(12.4, 'I', 'COMMAND', 51803, 'conn1893', 'Slow query', '{"type":"command","ns":"ledger.entries","command":{"aggregate":"entries"},"planSummary":"IXSCAN { accountId: 1, bookedAt: -1 }","durationMillis":118}'),
  );
  const m2 = podOf(mongo, 2);
  const m2Log = lines(
    mlog(48.6, 'I', 'REPL_HB', 23974, 'ReplCoord-7', 'Heartbeat failed after max retries', '{"target":"mongo-0.mongo.ledger.svc.cluster.local:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to mongo-0.mongo.ledger.svc.cluster.local:27017 :: caused by :: Connection refused"}}'),
    mlog(48.4, 'I', 'ELECTION', 4615652, 'ReplCoord-7', 'Starting an election, since we\'ve seen no PRIMARY in election timeout period', '{"electionTimeoutPeriodMillis":10000}'),
    mlog(48.4, 'I', 'ELECTION', 21450, 'ReplCoord-8', 'Election succeeded, assuming primary role', '{"term":12}'),
    mlog(48.4, 'I', 'REPL', 21358, 'ReplCoord-8', 'Replica set state transition', '{"newState":"PRIMARY","oldState":"SECONDARY"}'),
    mlog(46.2, 'I', 'REPL', 21216, 'ReplCoord-3', 'Member is in new state', '{"hostAndPort":"mongo-0.mongo.ledger.svc.cluster.local:27017","newState":"SECONDARY"}'),
  );
  const events: k8s.CoreV1Event[] = [
    nodeEvent(names[0] ?? '', 'NodeNotSchedulable', `Node ${names[0] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 50 }),
    event({ on: m0, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/mongo-0 to ${nameOf(fresh)}`, firstAgo: 47.8, lastAgo: 47.8, component: 'default-scheduler' }),
    event({ on: m0, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-mongo-0')}" `, firstAgo: 47.3, lastAgo: 47.3, component: 'attachdetach-controller' }),
    ...restartedAgain(m0, 'mongod', mongoImage, { count: 1, firstAgo: 47, lastAgo: 47 }),
    event({ on: m0, reason: 'Unhealthy', message: 'Readiness probe failed: MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017', count: 2, firstAgo: 46.9, lastAgo: 46.7, fieldPath: 'spec.containers{mongod}' }),
    event({ on: { kind: 'StatefulSet', name: 'mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod mongo-0 in StatefulSet mongo successful`, firstAgo: 47.8, lastAgo: 47.8, component: 'statefulset-controller' }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 1, 31),
  ];
  return {
    id: 'heldout49-mongo-direct-connection-not-primary',
    class: 'config',
    truth: 'ledger-api connects with directConnection=true to mongo-0.mongo.ledger.svc.cluster.local only. When mongo-0 was evicted by the node rotation 48 minutes ago, mongo-2 won the election and stayed PRIMARY; mongo-0 came back as a SECONDARY, and since then every write from ledger-api fails "not primary" (NotWritablePrimary, code 10107) while reads still succeed. Fix: connect with the replica-set seed list (replicaSet=rs0, no directConnection) so the driver follows the primary; stepping mongo-2 down only hides it until the next failover.',
    ask: { service: 'ledger-api' },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...api.objects, ...other.objects, cfg,
      service({ namespace: ns, name: 'mongo', selector: { app: 'mongo' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }] }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...events,
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(m0, 'mongod', { current: m0Log }),
      logsFor(m2, 'mongod', { current: m2Log }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/not ?primary|NotWritablePrimary|directConnection|secondary|mongo-0/i],
      facts: [/directConnection/i, /mongo-0/, /mongo-2|primary/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ledger-statements/, /crash ?loop/i],
    },
  };
}

// ---- 2. Jackson infinite recursion after an entity-mapping change ------------------------------

function jacksonInfiniteRecursion(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.40', ['27', '118', '240']);
  const image = (v: string) => `${ECR}/shop/order-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Xss1m' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.cluster-c9k2mx1r7t.eu-west-1.rds.amazonaws.com:5432/orders' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'management', { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 3.18.4', template: tpl('3.18.4') },
      { revision: 58, createdAgo: 36, changeCause: 'argocd: order-service 3.19.0 (ORD-2291 order lines map back to their order)', template: tpl('3.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 35 - k * 1.2 })),
    settled: { available: true, availableSince: 32, progressingSince: 36, progressingUpdatedAgo: 32 },
  });
  const other = bystander(ns, 'cart-service', names, 12, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 11 * DAYS });
  const chain = 'com.acme.shop.order.domain.Order[\\"lines\\"]->org.hibernate.collection.spi.PersistentBag[0]->com.acme.shop.order.domain.OrderLine[\\"order\\"]->com.acme.shop.order.domain.Order[\\"lines\\"]->org.hibernate.collection.spi.PersistentBag[0]->com.acme.shop.order.domain.OrderLine[\\"order\\"]->com.acme.shop.order.domain.Order[\\"lines\\"]->...';
  const podLog = (k: number) => {
    const start = 35 - k * 1.2;
    const out = [
      `${springTime(start - 0.1)}  INFO 1 --- [order-service] [           main] c.a.shop.order.OrderServiceApplication   : Starting OrderServiceApplication v3.19.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${springTime(start - 0.2)}  INFO 1 --- [order-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
      `${springTime(start - 0.4)}  INFO 1 --- [order-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${springTime(start - 0.4)}  INFO 1 --- [order-service] [           main] c.a.shop.order.OrderServiceApplication   : Started OrderServiceApplication in 21.873 seconds (process running for 23.412)`,
      `${springTime(start - 0.5)}  WARN 1 --- [order-service] [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 31 - i * 2.4 - k * 0.13;
      const id = 4_811_203 + i * 37 + k * 5;
      out.push(`${springTime(t)}  WARN 1 --- [order-service] [nio-8080-exec-${(i % 9) + 1}] .m.m.a.ExceptionHandlerExceptionResolver : Failure in @ExceptionHandler com.acme.shop.web.ApiExceptionHandler#handleAny(Exception)`);
      out.push(`${springTime(t + 0.001)} ERROR 1 --- [order-service] [nio-8080-exec-${(i % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.http.converter.HttpMessageNotWritableException: Could not write JSON: Infinite recursion (StackOverflowError)] with root cause`);
      if (i % 4 === 0) {
        out.push(`\njava.lang.StackOverflowError: null`);
        out.push(`\tat com.fasterxml.jackson.databind.ser.BeanPropertyWriter.serializeAsField(BeanPropertyWriter.java:732) ~[jackson-databind-2.17.2.jar!/:2.17.2]`);
        out.push(`\tat com.fasterxml.jackson.databind.ser.std.BeanSerializerBase.serializeFields(BeanSerializerBase.java:770) ~[jackson-databind-2.17.2.jar!/:2.17.2]`);
        out.push(`\tat com.fasterxml.jackson.databind.ser.BeanSerializer.serialize(BeanSerializer.java:183) ~[jackson-databind-2.17.2.jar!/:2.17.2]`);
        out.push(`\tat com.fasterxml.jackson.databind.ser.std.CollectionSerializer.serializeContents(CollectionSerializer.java:145) ~[jackson-databind-2.17.2.jar!/:2.17.2]`);
        out.push(`\tat com.fasterxml.jackson.databind.ser.BeanPropertyWriter.serializeAsField(BeanPropertyWriter.java:732) ~[jackson-databind-2.17.2.jar!/:2.17.2]`);
        out.push(`\t... 1019 common frames omitted`);
      }
      out.push(`{"ts":"${at(t - 0.002)}","logger":"access","method":"GET","uri":"/api/v1/orders/${id}","status":500,"duration_ms":${180 + i * 11},"remote":"10.0.40.${30 + i}"}`);
      out.push(`{"ts":"${at(t - 0.01)}","logger":"access","method":"GET","uri":"/api/v1/orders?customerId=c-${9921 + i}&page=0","status":200,"duration_ms":${38 + i}}`);
      out.push(`{"ts":"${at(t - 0.02)}","logger":"access","method":"POST","uri":"/api/v1/orders","status":201,"duration_ms":${64 + i * 2}}`);
    }
    return out.join('\n') + '\n';
  };
  const events: k8s.CoreV1Event[] = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 36),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 32),
    ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.19.0'), 35 - k * 1.2)),
    ...app.pods.map((p, k) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8081/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8081: connect: connection refused`, count: 2, firstAgo: 34.9 - k * 1.2, lastAgo: 34.7 - k * 1.2, fieldPath: 'spec.containers{app}' })),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 12),
  ];
  return {
    id: 'heldout49-jackson-infinite-recursion-orders',
    class: 'rollout',
    truth: 'order-service revision 58 (3.19.0, 36 minutes ago) made OrderLine map back to its Order (a bidirectional JPA association without @JsonManagedReference/@JsonBackReference or @JsonIgnore), so serializing an order recurses Order.lines -> OrderLine.order -> Order... until StackOverflowError; every GET /api/v1/orders/{id} returns 500 while the list and create endpoints work and all pods stay Ready. Roll back to revision 57 and break the cycle in the mapping (or return a DTO).',
    ask: { service: 'order-service' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      ...events,
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/infinite recursion|StackOverflow|recurs|circular|cycle/i],
      facts: [/revision 58|3\.19\.0/i, /\/api\/v1\/orders|500/i],
      never: [/\bOOM/, /cart-service/, /crash ?loop|CrashLoopBackOff/i, /readiness probe/i],
    },
  };
}

// ---- 3. GPU pods rejected by the single-numa-node topology manager ---------------------------

/** When the ReplicaSet created each pod the kubelet then rejected (minutes before NOW). */
const REJECTED_AGO = [26.5, 22.4, 18.3, 14.2, 10.1, 6, 1.9, 0.4];

function gpuTopologyAffinity(): CorpusScenario {
  const ns = 'ml-serving';
  const gpuNode = (ip: string, zone: string) => node({
    name: eksNodeName(ip), zone, instanceType: 'g5.48xlarge', pool: 'gpu-g5-48xl',
    labels: { 'nvidia.com/gpu.count': '8', 'nvidia.com/gpu.product': 'NVIDIA-A10G', 'nvidia.com/mig.strategy': 'none', 'platform.acme.io/kubelet-topology-manager-policy': 'single-numa-node', 'platform.acme.io/kubelet-cpu-manager-policy': 'static' },
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    allocatable: { cpu: '191450m', 'ephemeral-storage': '1846217034854', memory: '781912340Ki', 'nvidia.com/gpu': '8', pods: '345' },
    createdAgo: 19 * DAYS,
  });
  const g1 = gpuNode('10.0.96.12', 'eu-west-1a');
  const g2 = gpuNode('10.0.97.140', 'eu-west-1b');
  const { nodes: general, names } = threeEksNodes('10.0.90', ['8', '130', '211']);
  const image = (v: string) => `${ECR}/ml/embedder-triton:${v}`;
  const tpl = (v: string, gpus: string, cpu: string, mem: string) => ({
    containers: [{
      ...container({
        name: 'triton', image: image(v), args: ['tritonserver', '--model-repository=s3://acme-ml-models/embedder', '--strict-readiness=true'],
        ports: [{ name: 'http', containerPort: 8000 }, { name: 'grpc', containerPort: 8001 }, { name: 'metrics', containerPort: 8002 }],
        cpu, cpuLimit: cpu, memory: mem,
        readiness: httpProbe('/v2/health/ready', 'http', { initialDelaySeconds: 30 }), liveness: httpProbe('/v2/health/live', 'http', { initialDelaySeconds: 120 }),
      }),
    }].map((c) => ({ ...c, resources: { requests: { ...c.resources?.requests, 'nvidia.com/gpu': gpus }, limits: { ...c.resources?.limits, 'nvidia.com/gpu': gpus } } })),
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-g5-48xl' },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'embedder', replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 15 * DAYS, changeCause: 'argocd: embedder e5-large-v2 tp=2', template: tpl('24.09-e5l', '2', '16', '64Gi') },
      { revision: 12, createdAgo: 27, changeCause: 'argocd: embedder bge-m3 tp=4', template: tpl('24.10-bgem3', '4', '32', '128Gi') },
    ],
    pods: [
      { revision: 11, node: nameOf(g1), createdAgo: 15 * DAYS },
      { revision: 11, node: nameOf(g2), createdAgo: 15 * DAYS },
      ...REJECTED_AGO.map((a, i) => ({ revision: 12, node: nameOf(i % 2 === 0 ? g1 : g2), createdAgo: a, phase: 'Failed' as const, reason: 'TopologyAffinityError', message: 'Pod was rejected: Resources cannot be allocated with Topology locality', ready: false })),
    ],
  });
  // Rejected at admission: the kubelet never created containers for them.
  for (const p of app.pods.slice(2)) {
    if (p.status !== undefined) {
      delete p.status.containerStatuses;
      delete p.status.podIP;
      delete p.status.podIPs;
    }
  }
  const trainer = deploymentApp({
    namespace: ns, name: 'reranker', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 8 * DAYS, changeCause: 'argocd: reranker 1.4.2', template: tpl('24.09-rerank', '2', '16', '64Gi') }],
    pods: [{ revision: 6, node: nameOf(g1), createdAgo: 8 * DAYS }, { revision: 6, node: nameOf(g2), createdAgo: 8 * DAYS }],
  });
  const other = bystander(ns, 'embedding-gateway', names, 44, { revisions: [21, 22], versions: ['0.31.0', '0.31.1'], olderAgo: 9 * DAYS });
  const rs12 = replicaSetOf(app, 12);
  const events: k8s.CoreV1Event[] = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 27),
    ...app.pods.slice(2).flatMap((p, i) => {
      const a = REJECTED_AGO[i] ?? 1;
      return [
        createdPod(rs12, p, a),
        scheduled(p, a),
        event({ on: p, reason: 'TopologyAffinityError', message: 'Resources cannot be allocated with Topology locality', firstAgo: a - 0.02, lastAgo: a - 0.02 }),
      ];
    }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 44),
  ];
  return {
    id: 'heldout49-gpu-topology-affinity-error',
    class: 'scheduling',
    truth: 'embedder revision 12 (27 minutes ago) asks for 4 GPUs and 32 exclusive CPUs per pod. The g5.48xlarge nodes run the kubelet topology manager with the single-numa-node policy, and on each node the revision-11 embedder pod and reranker hold two GPUs each, one on each NUMA node, so the 4 free GPUs are split 2+2 and no single NUMA node can satisfy the request; so the kubelet rejects every new pod at admission with TopologyAffinityError ("Resources cannot be allocated with Topology locality"). The scheduler is not NUMA-aware, so the ReplicaSet keeps creating pods that land on the same nodes and fail; the rollout is stuck with the two revision-11 pods still serving. Fix: fit the request in one NUMA node (or move reranker / use a restricted policy) before retrying, or roll back to revision 11.',
    ask: { service: 'embedder' },
    objects: [
      g1, g2, ...general, ...app.objects, ...trainer.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'embedder', selector: { app: 'embedder' }, pods: app.pods, ports: [{ name: 'http', port: 8000, targetPort: 'http' }, { name: 'grpc', port: 8001, targetPort: 'grpc' }], endpointPort: 8000 }),
      ...events,
    ],
    logs: [
      logsFor(podOf(app, 0), 'triton', { current: lines(
        `I1121 ${at(15 * DAYS - 2).slice(11, 23)}000 1 server.cc:674] `,
        `+----------+---------+--------+`,
        `| Model    | Version | Status |`,
        `+----------+---------+--------+`,
        `| e5_large | 1       | READY  |`,
        `+----------+---------+--------+`,
        `I1121 ${at(15 * DAYS - 2).slice(11, 23)}000 1 grpc_server.cc:2463] Started GRPCInferenceService at 0.0.0.0:8001`,
        `I1121 ${at(15 * DAYS - 2).slice(11, 23)}000 1 http_server.cc:4692] Started HTTPService at 0.0.0.0:8000`,
        `I1121 ${at(15 * DAYS - 2).slice(11, 23)}000 1 http_server.cc:362] Started Metrics Service at 0.0.0.0:8002`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/TopologyAffinityError|topology (manager|affinity|locality)|single-numa-node|NUMA/i],
      facts: [/GPU|nvidia\.com\/gpu/i, /revision 12|bge-m3|4 GPUs?/i],
      never: [/\bOOM/, /FailedScheduling|unschedulable/i, /embedding-gateway/, /Insufficient nvidia/i],
    },
  };
}


// ---- 4. MySQL 8.0 upgrade with strict sql_mode rejects zero dates ------------------------------

function mysqlZeroDate(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['33', '147', '205']);
  const tpl = (image: string) => ({
    containers: [container({
      name: 'mysql', image, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi',
      env: [
        { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-root', key: 'password' } } },
        { name: 'MYSQL_DATABASE', value: 'billing' },
      ],
      readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD"'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mysql', { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'config', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'mysql-config' } }],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'mysql', replicas: 1,
    revisions: [
      { revision: 3, createdAgo: 210 * DAYS, template: tpl('docker.io/library/mysql:5.7.44') },
      { revision: 4, createdAgo: 82, template: tpl('docker.io/library/mysql:8.0.40') },
    ],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 81 }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    currentRevision: 4,
  });
  const claim = boundClaim({ namespace: ns, name: 'data-mysql-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const cnf = configMap({
    namespace: ns, name: 'mysql-config', createdAgo: 400 * DAYS, updatedAgo: 83,
    data: {
      'my.cnf': [
        '[mysqld]',
        'character-set-server = utf8mb4',
        'collation-server = utf8mb4_0900_ai_ci',
        'max_connections = 400',
        'innodb_buffer_pool_size = 2G',
        'binlog_expire_logs_seconds = 604800',
        'expire_logs_days = 7',
        'slow_query_log = 1',
        'long_query_time = 2',
        'skip-name-resolve',
        '',
      ].join('\n'),
    },
  });
  const apiImage = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [{ name: 'DB_HOST', value: 'mysql.billing.svc.cluster.local' }, { name: 'DB_DATABASE', value: 'billing' }, { name: 'APP_ENV', value: 'production' }, { name: 'LOG_CHANNEL', value: 'stderr' }],
      readiness: httpProbe('/up', 8080), liveness: httpProbe('/up', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'billing-api', replicas: 3,
    revisions: [
      { revision: 73, createdAgo: 12 * DAYS, changeCause: 'argocd: billing-api 7.3.0', template: apiTpl('7.3.0') },
      { revision: 74, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-api 7.3.1', template: apiTpl('7.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 74, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const other = bystander(ns, 'billing-webhooks', names, 19, { revisions: [8, 9], versions: ['3.0.4', '3.1.0'], olderAgo: 30 * DAYS });
  const my = podOf(db, 0);
  const mysqlLog = lines(
    `${at(80.9).replace('Z', '000Z')} 0 [Warning] [MY-011068] [Server] The syntax 'expire-logs-days' is deprecated and will be removed in a future release. Please use binlog_expire_logs_seconds instead.`,
    `${at(80.9).replace('Z', '000Z')} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${at(80.8).replace('Z', '000Z')} 1 [System] [MY-011012] [Server] Starting upgrade of data directory.`,
    `${at(80.8).replace('Z', '000Z')} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${at(80.5).replace('Z', '000Z')} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${at(79.6).replace('Z', '000Z')} 2 [System] [MY-011003] [Server] Finished populating Data Dictionary tables with data.`,
    `${at(79.2).replace('Z', '000Z')} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' started.`,
    `${at(77.9).replace('Z', '000Z')} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`,
    `${at(77.8).replace('Z', '000Z')} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${at(77.8).replace('Z', '000Z')} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${at(77.8).replace('Z', '000Z')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${at(77.8).replace('Z', '000Z')} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
  );
  const apiLog = (k: number) => {
    const out = [
      `[${laravelTime(4 * DAYS - k - 0.2)}] production.INFO: billing-api 7.3.1 booted {"octane":"swoole","workers":8}`,
      `[${laravelTime(80.5 - k * 0.02)}] production.WARNING: Database connection [mysql] lost, reconnecting {"error":"SQLSTATE[HY000] [2002] Connection refused"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 76 - i * 7.3 - k * 0.21;
      const inv = 'INV-2026-' + String(118_402 + i * 13 + k * 3);
      out.push(`[${laravelTime(t)}] production.ERROR: SQLSTATE[22007]: Invalid datetime format: 1292 Incorrect datetime value: '0000-00-00 00:00:00' for column 'paid_at' at row 1 (Connection: mysql, SQL: insert into \`invoices\` (\`number\`, \`customer_id\`, \`amount_cents\`, \`currency\`, \`status\`, \`paid_at\`, \`updated_at\`, \`created_at\`) values (${inv}, ${48_120 + i}, ${1990 + i * 500}, EUR, open, 0000-00-00 00:00:00, ${laravelTime(t)}, ${laravelTime(t)})) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 22007): SQLSTATE[22007]: Invalid datetime format: 1292 Incorrect datetime value: '0000-00-00 00:00:00' for column 'paid_at' at row 1 at /app/vendor/laravel/framework/src/Illuminate/Database/Connection.php:825)"}`);
      if (i % 3 === 1) out.push(`[${laravelTime(t - 0.3)}] production.ERROR: SQLSTATE[22007]: Invalid datetime format: 1292 Incorrect datetime value: '0000-00-00 00:00:00' for column 'cancelled_at' at row 1 (Connection: mysql, SQL: update \`subscriptions\` set \`cancelled_at\` = 0000-00-00 00:00:00, \`updated_at\` = ${laravelTime(t - 0.3)} where \`id\` = ${77_310 + i}) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 22007))"}`);
      out.push(`[${laravelTime(t - 0.5)}] production.INFO: GET /api/invoices?customer=${48_120 + i} 200 41ms`);
    }
    return out.join('\n') + '\n';
  };
  const events: k8s.CoreV1Event[] = [
    event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod mysql-0 in StatefulSet mysql successful', firstAgo: 81.6, lastAgo: 81.6, component: 'statefulset-controller' }),
    event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod mysql-0 in StatefulSet mysql successful', firstAgo: 81, lastAgo: 81, component: 'statefulset-controller' }),
    scheduled(my, 81),
    event({ on: my, type: 'Normal', reason: 'Pulling', message: 'Pulling image "docker.io/library/mysql:8.0.40"', firstAgo: 81, lastAgo: 81, fieldPath: 'spec.containers{mysql}' }),
    event({ on: my, type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "docker.io/library/mysql:8.0.40" in 6.212s (6.212s including waiting). Image size: 170411232 bytes.', firstAgo: 80.95, lastAgo: 80.95, fieldPath: 'spec.containers{mysql}' }),
    event({ on: my, type: 'Normal', reason: 'Created', message: 'Created container mysql', firstAgo: 80.95, lastAgo: 80.95, fieldPath: 'spec.containers{mysql}' }),
    event({ on: my, type: 'Normal', reason: 'Started', message: 'Started container mysql', firstAgo: 80.9, lastAgo: 80.9, fieldPath: 'spec.containers{mysql}' }),
    event({ on: my, reason: 'Unhealthy', message: 'Readiness probe failed: mysqladmin: connect to server at \'127.0.0.1\' failed\nerror: \'Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)\'', count: 17, firstAgo: 80.7, lastAgo: 78, fieldPath: 'spec.containers{mysql}' }),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 19),
  ];
  return {
    id: 'heldout49-mysql8-strict-zero-date',
    class: 'config',
    truth: 'The billing MySQL StatefulSet was upgraded from 5.7.44 to 8.0.40 (revision 4, 82 minutes ago) with a rewritten mysql-config my.cnf that dropped the legacy sql_mode override, so the server now runs 8.0\'s default strict sql_mode (STRICT_TRANS_TABLES, NO_ZERO_IN_DATE, NO_ZERO_DATE). billing-api still writes \'0000-00-00 00:00:00\' as "no date", so invoice inserts and subscription updates fail with error 1292 "Incorrect datetime value" while reads work. Restore the sql_mode without NO_ZERO_DATE in my.cnf (a downgrade to 5.7 is not possible after the data dictionary upgrade), then fix the app to write NULL.',
    ask: { service: 'billing-api' },
    objects: [
      ...nodes, ...db.objects, ...claim, cnf, ...api.objects, ...other.objects,
      service({ namespace: ns, name: 'mysql', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }] }),
      endpointSliceFor(service({ namespace: ns, name: 'mysql', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }] }), db.pods, 3306),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      ...events,
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(my, 'mysql', { current: mysqlLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/0000-00-00|Incorrect datetime|NO_ZERO_DATE|sql_mode|strict|1292|22007/i, /mysql|8\.0/i],
      facts: [/8\.0(\.40)?/, /sql_mode|NO_ZERO_DATE|strict/i, /invoices|paid_at|billing-api/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /billing-webhooks/, /billing-api[^\n]*(7\.3\.1|revision 74)[^\n]*(caused|broke|introduced)/i],
    },
  };
}

// ---- 5. Next.js standalone binds to $HOSTNAME; the sidecar dials localhost ---------------------

function nextjsHostnameBind(): CorpusScenario {
  const ns = 'backoffice';
  const { nodes, names } = threeEksNodes('10.0.60', ['19', '141', '230']);
  const image = (v: string) => `${ECR}/backoffice/backoffice-web:${v}`;
  const proxyImage = 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1';
  const tpl = (v: string, standalone: boolean) => ({
    containers: [
      container({
        name: 'web', image: image(v), ports: [{ name: 'next', containerPort: 3000 }], cpu: '250m', memory: '512Mi',
        ...(standalone ? { command: ['node', 'server.js'] } : { command: ['npx', 'next', 'start', '-p', '3000'] }),
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'NEXT_TELEMETRY_DISABLED', value: '1' }],
        readiness: httpProbe('/api/health', 'next'), liveness: httpProbe('/api/health', 'next', { initialDelaySeconds: 10 }),
      }),
      container({
        name: 'oauth2-proxy', image: proxyImage, ports: [{ name: 'proxy', containerPort: 4180 }], cpu: '50m', memory: '64Mi',
        args: ['--http-address=0.0.0.0:4180', '--upstream=http://127.0.0.1:3000/', '--provider=oidc', '--oidc-issuer-url=https://login.acme.io/realms/staff', '--email-domain=acme.io', '--skip-provider-button=true', '--reverse-proxy=true'],
        readiness: httpProbe('/ready', 'proxy'), liveness: httpProbe('/ping', 'proxy', { initialDelaySeconds: 5 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns, name: 'backoffice-web', replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 13 * DAYS, changeCause: 'argocd: backoffice-web 2.7.3', template: tpl('2.7.3', false) },
      { revision: 23, createdAgo: 26, changeCause: 'argocd: backoffice-web 2.8.0 (next output: standalone, slimmer image)', template: tpl('2.8.0', true) },
    ],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 25.5 - k * 1.1 })),
    settled: { available: true, availableSince: 24, progressingSince: 26, progressingUpdatedAgo: 24 },
  });
  const other = bystander(ns, 'backoffice-reports', names, 58, { revisions: [15, 16], versions: ['1.12.0', '1.12.1'], olderAgo: 22 * DAYS });
  const webLog = (k: number) => {
    const p = podOf(app, k);
    return lines(
      `  ▲ Next.js 14.2.15`,
      `  - Local:        http://${nameOf(p)}:3000`,
      `  - Network:      http://${ipOfPod(p)}:3000`,
      ``,
      ` ✓ Starting...`,
      ` ✓ Ready in 187ms`,
      ` ⚠ Using edge runtime on a page currently disables static generation for that page`,
    );
  };
  const proxyLog = (k: number) => {
    const out = [
      `[${goTime(25.4 - k * 1.1)}] [oauthproxy.go:167] OAuthProxy configured for OpenID Connect Client ID: backoffice`,
      `[${goTime(25.4 - k * 1.1)}] [oauthproxy.go:173] Cookie settings: name:_oauth2_proxy secure(https):true httponly:true expiry:168h0m0s domains: path:/ samesite: refresh:disabled`,
      `[${goTime(25.4 - k * 1.1)}] [proxy.go:89] mapping path "/" => upstream "http://127.0.0.1:3000/"`,
      `[${goTime(25.4 - k * 1.1)}] [server.go:297] HTTP: listening on 0.0.0.0:4180`,
    ];
    const users = ['m.schulz@acme.io', 'j.okafor@acme.io', 'l.moreau@acme.io', 'p.nowak@acme.io'];
    for (let i = 0; i < 12; i++) {
      const t = 23.5 - i * 1.9 - k * 0.09;
      const path = ['/orders', '/customers/88213', '/_next/data/bX2k9/orders.json', '/refunds?status=open'][i % 4] ?? '/';
      out.push(`[${goTime(t)}] [proxy.go:107] Error proxying to upstream server: dial tcp 127.0.0.1:3000: connect: connection refused`);
      out.push(`10.0.60.${11 + i} - ${users[i % users.length]} [${goTime(t)}] backoffice.acme.io GET upstream:"http://127.0.0.1:3000/" "${path}" HTTP/1.1 "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" 502 ${21 + i} 0.00${1 + (i % 3)}`);
    }
    out.push(`10.0.60.77 - - [${goTime(0.6)}] backoffice.acme.io GET - "/favicon.ico" HTTP/1.1 "Mozilla/5.0" 403 2418 0.000`);
    return out.join('\n') + '\n';
  };
  const events: k8s.CoreV1Event[] = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 26),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, 24),
    ...app.pods.flatMap((p, k) => startedNormally(p, 'web', image('2.8.0'), 25.5 - k * 1.1)),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 58),
  ];
  return {
    id: 'heldout49-nextjs-standalone-hostname-bind',
    class: 'network',
    truth: 'backoffice-web revision 23 (2.8.0, 26 minutes ago) switched the image to Next.js output: standalone (`node server.js`). The standalone server listens on process.env.HOSTNAME, which Kubernetes sets to the pod name, so it binds only to the pod IP; the kubelet probes on the pod IP still pass and the pods are Ready, but the oauth2-proxy sidecar dials 127.0.0.1:3000 and gets connection refused, so every user request gets a 502. Set HOSTNAME=0.0.0.0 in the container (or roll back to revision 22).',
    ask: { service: 'backoffice-web' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'backoffice-web', selector: { app: 'backoffice-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'proxy' }], endpointPort: 4180 }),
      ...events,
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'web', { current: webLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'oauth2-proxy', { current: proxyLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HOSTNAME|0\.0\.0\.0|pod IP|binds?|listen|127\.0\.0\.1|localhost|connection refused|oauth2-proxy|sidecar/i],
      facts: [/revision 23|2\.8\.0|standalone/i, /connection refused/i, /127\.0\.0\.1:3000|localhost:3000|:3000/],
      never: [/\bOOM/, /backoffice-reports/, /NetworkPolicy/, /(readiness|liveness) probe[^\n]*fail/i],
    },
  };
}

// ---- 6. fsck cannot repair a data volume after the node crashed -------------------------------

function fsckMountFailed(): CorpusScenario {
  const ns = 'search';
  const { nodes: base, names } = threeEksNodes('10.0.76', ['22', '154', '208']);
  // The node in 1b crashed (kernel panic, EC2 status check failure) and came back 44 minutes ago.
  const crashed = node({ name: names[1] ?? '', zone: 'eu-west-1b', readySince: 44 });
  const nodes = [base[0], crashed, base[2]].filter((n): n is k8s.V1Node => n !== undefined);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const tpl = {
    containers: [container({
      name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }, { name: 'node.roles', value: 'data,ingest' }, { name: 'cluster.name', value: 'search' }, { name: 'discovery.seed_hosts', value: 'search-es-master-headless' }],
      readiness: execProbe(['bash', '-c', 'curl -sf -k -u "elastic:${ELASTIC_PASSWORD}" "https://127.0.0.1:9200/_cluster/health?local=true"'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('transport', { initialDelaySeconds: 90 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    securityContext: { fsGroup: 1000, runAsUser: 1000 },
  };
  const es = statefulSetApp({
    namespace: ns, name: 'search-es-data', replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'search-es-data-headless',
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, template: tpl }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 43, containers: { elasticsearch: waiting('ContainerCreating') } },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 34 * DAYS },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-search-es-data-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 180 * DAYS }));
  const vol = volumeOf(ns, 'data-search-es-data-1');
  const dev = '/dev/nvme2n1';
  const globalmount = `/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/${'4f1c9a2e7b03d58e6a1f0c92b4d7e3a85c16f02d9e8b7a64c3150f2e9d8a7b61'}/globalmount`;
  const fsckOut = `fsck from util-linux 2.37.4\\n${dev} contains a file system with errors, check forced.\\n${dev}: Inodes that were part of a corrupted orphan linked list found.  \\n\\n${dev}: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.\\n\\t(i.e., without -a or -p options)\\n`;
  const mountMsg = `MountVolume.MountDevice failed for volume "${vol}" : rpc error: code = Internal desc = could not format "${dev}" and mount it at "${globalmount}": 'fsck' found errors on device ${dev} but could not correct them: ${fsckOut}`;
  const p1 = podOf(es, 1);
  const healthyEs = (name: string) => lines(
    `{"@timestamp":"${at(49.3)}", "log.level": "INFO", "message":"removed {{search-es-data-1}{Qm3bA1xZTq2w0F9kE7yHvA}{10.0.1.77}{10.0.1.77:9300}{di}}, term: 14, version: 88213, reason: Publication{term=14, version=88213}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${name}][clusterApplierService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.service.ClusterApplierService","elasticsearch.node.name":"${name}","elasticsearch.cluster.name":"search"}`,
    `{"@timestamp":"${at(49.2)}", "log.level": "INFO", "message":"Cluster health status changed from [GREEN] to [YELLOW] (reason: [{search-es-data-1} removed]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"${name}","elasticsearch.cluster.name":"search"}`,
    `{"@timestamp":"${at(48.2)}", "log.level": "WARN", "message":"[gc][young][2948107][18812] duration [1.1s], collections [1]/[1.6s], total [1.1s]/[3.2h], memory [3.1gb]->[1.2gb]/[4gb]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"${name}","elasticsearch.cluster.name":"search"}`,
    `{"@timestamp":"${at(47.2)}", "log.level": "INFO", "message":"delaying allocation for [31] unassigned shards, next check in [1m]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.routing.allocation.DelayedAllocationService","elasticsearch.node.name":"${name}","elasticsearch.cluster.name":"search"}`,
  );
  const events: k8s.CoreV1Event[] = [
    nodeEvent(names[1] ?? '', 'NodeNotReady', `Node ${names[1] ?? ''} status is now: NodeNotReady`, { firstAgo: 49.5, component: 'node-controller' }),
    nodeEvent(names[1] ?? '', 'Rebooted', `Node ${names[1] ?? ''} has been rebooted, boot id: 7c0a61e2-93d4-4b8f-a1c3-5d2e8f90b417`, { type: 'Warning', firstAgo: 44.6 }),
    nodeEvent(names[1] ?? '', 'Starting', 'Starting kubelet.', { firstAgo: 44.7 }),
    nodeEvent(names[1] ?? '', 'NodeReady', `Node ${names[1] ?? ''} status is now: NodeReady`, { firstAgo: 44 }),
    event({ on: p1, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/search-es-data-1`, firstAgo: 44.5, lastAgo: 44.5, component: 'taint-eviction-controller' }),
    event({ on: { kind: 'StatefulSet', name: 'search-es-data', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod search-es-data-1 in StatefulSet search-es-data successful', firstAgo: 43, lastAgo: 43, component: 'statefulset-controller' }),
    scheduled(p1, 43),
    event({ on: p1, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}" `, firstAgo: 42.6, lastAgo: 42.6, component: 'attachdetach-controller' }),
    event({ on: p1, reason: 'FailedMount', message: mountMsg.replace(/\\n/g, '\n').replace(/\\t/g, '\t'), count: 23, firstAgo: 42.4, lastAgo: 1.3 }),
    event({ on: p1, reason: 'FailedMount', message: `Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`, count: 19, firstAgo: 40.4, lastAgo: 0.9 }),
  ];
  const oldProbeNoise = event({ on: podOf(es, 0), reason: 'Unhealthy', message: 'Readiness probe failed: ', count: 1, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS, fieldPath: 'spec.containers{elasticsearch}' });
  return {
    id: 'heldout49-fsck-uncorrectable-data-volume',
    class: 'storage',
    truth: `Node ${names[1] ?? ''} crashed and rebooted about 45 minutes ago; search-es-data-1 was recreated on it, the EBS volume ${vol} (claim data-search-es-data-1) attached, but the ext4 filesystem was left inconsistent and the CSI driver's fsck -a found errors it could not correct ("UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY"), so MountVolume.MountDevice fails and the pod is stuck ContainerCreating; the Elasticsearch cluster is YELLOW with replicas unassigned. Snapshot the volume, run fsck manually (e2fsck -f) from a debug pod or instance, then let the pod mount it.`,
    ask: { service: 'search-es-data', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims,
      service({ namespace: ns, name: 'search-es-data-headless', selector: { app: 'search-es-data' }, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }] }),
      ...exposed({ namespace: ns, name: 'search-es-data', selector: { app: 'search-es-data' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
      ...events, oldProbeNoise,
    ],
    logs: [
      logsFor(podOf(es, 0), 'elasticsearch', { current: healthyEs('search-es-data-0') }),
      logsFor(podOf(es, 2), 'elasticsearch', { current: healthyEs('search-es-data-2') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fsck|file ?system|UNEXPECTED INCONSISTENCY|corrupt|MountDevice|FailedMount|mount/i, /search-es-data-1|data-search-es-data-1|pvc-|volume/i],
      facts: [/fsck|UNEXPECTED INCONSISTENCY/i, /reboot|crash|NotReady/i, /ContainerCreating|search-es-data-1/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /Multi-Attach/i, /FailedScheduling|unschedulable/i],
    },
  };
}

// ---- 7. healthy: Spring service with Kafka rebalances, HHH000104 and RMI's hourly Full GC -------

function springKafkaHealthy(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.84', ['16', '129', '244']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }, { name: 'jmx', containerPort: 9010 }], cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseG1GC -Xmx1024m -XX:+PrintGCDetails -XX:+PrintGCDateStamps -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.rmi.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.fulfilment-msk.x7k2qa.c4.kafka.eu-west-1.amazonaws.com:9096,b-2.fulfilment-msk.x7k2qa.c4.kafka.eu-west-1.amazonaws.com:9096' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'shipment-service' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'management', { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'shipment-service', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: shipment-service 6.4.2', template: tpl('6.4.2') },
      { revision: 41, createdAgo: 63, changeCause: 'argocd: shipment-service 6.5.0', template: tpl('6.5.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 62 - k * 0.6 })),
    settled: { available: true, availableSince: 58, progressingSince: 63, progressingUpdatedAgo: 58 },
  });
  const other = bystander(ns, 'label-printer', names, 7 * DAYS, { revisions: [3, 4], versions: ['0.9.1', '0.9.2'], olderAgo: 40 * DAYS });
  const t = (m: number, level: string, thread: string, logger: string, msg: string) => `${springTime(m)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const podLog = (k: number) => {
    const start = 62 - k * 0.6;
    const cid = `consumer-shipment-service-${k + 1}`;
    const parts = [[0, 1], [2, 3], [4, 5]][k] ?? [0];
    const assigned = parts.map((n) => `shipment-events-${n}`).join(', ');
    // The last pod to start first owned half the topic, until the third member joined.
    const revoked = k === 2 ? 'shipment-events-0, shipment-events-1, shipment-events-2' : assigned;
    const out = [
      t(start - 0.1, 'INFO', 'main', 'c.a.f.ShipmentServiceApplication', 'Starting ShipmentServiceApplication v6.5.0 using Java 1.8.0_422 on ' + nameOf(podOf(app, k)) + ' with PID 1 (/app/app.jar started by app in /app)'),
      t(start - 0.3, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port(s): 8080 (http) with context path \'\''),
      t(start - 0.3, 'INFO', 'main', 'c.a.f.ShipmentServiceApplication', 'Started ShipmentServiceApplication in 18.412 seconds (JVM running for 20.077)'),
      t(start - 0.32, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Request joining group due to: need to re-join with the given member-id: ${cid}-3f2a9c41-7d8e-4b1a-9e55-0c6a2d71b8e${k}`),
      t(start - 0.4, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Successfully joined group with generation Generation{generationId=${212 + k}, memberId='${cid}-3f2a9c41-7d8e-4b1a-9e55-0c6a2d71b8e${k}', protocol='range'}`),
      t(59.5, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Revoke previously assigned partitions ${revoked}`),
      t(59.5, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `shipment-service: partitions revoked: [${revoked}]`),
      t(59.4, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Successfully synced group in generation Generation{generationId=214, memberId='${cid}-3f2a9c41-7d8e-4b1a-9e55-0c6a2d71b8e${k}', protocol='range'}`),
      t(59.4, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Notifying assignor about the new Assignment(partitions=[${assigned}])`),
      t(59.4, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-service] Adding newly assigned partitions: ${assigned}`),
      t(59.4, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `shipment-service: partitions assigned: [${assigned}]`),
    ];
    for (let i = 0; i < 10; i++) {
      const m = 55 - i * 5.3 - k * 0.17;
      out.push(t(m, 'WARN', `nio-8080-exec-${(i % 8) + 1}`, 'o.h.h.internal.ast.QueryTranslatorImpl', 'HHH000104: firstResult/maxResults specified with collection fetch; applying in memory!'));
      out.push(t(m - 0.01, 'INFO', `nio-8080-exec-${(i % 8) + 1}`, 'c.a.f.web.RequestLoggingFilter', `GET /api/shipments?warehouse=DUB-${2 + (i % 3)}&page=${i % 4}&size=50 200 ${61 + i * 3}ms`));
      out.push(t(m - 0.2, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.events.ShipmentEventListener', `processed ShipmentDispatched shipment=SHP-${771_204 + i * 17 + k} partition=${parts[i % parts.length] ?? 0} offset=${1_884_210 + i * 41}`));
    }
    // RMI's distributed GC asks for a full collection every hour (sun.rmi.dgc.server.gcInterval).
    {
      const m = start - 60;
      out.push(`${at(m).replace('Z', '+0000')}: ${(3600 + 0.318 * (k + 1)).toFixed(3)}: [Full GC (System.gc())  ${231 + k * 9}M->${138 + k * 3}M(1024M), 0.${1874 + k * 37}412 secs]`);
      out.push(`   [Eden: ${88 + k}.0M(${412 + k}.0M)->0.0B(${431 + k}.0M) Survivors: 21.0M->0.0B Heap: ${231 + k * 9}.4M(1024.0M)->${138 + k * 3}.9M(1024.0M)], [Metaspace: 118012K->117904K(1159168K)]`);
      out.push(` [Times: user=0.41 sys=0.01, real=0.19 secs] `);
    }
    return out.join('\n') + '\n';
  };
  const events: k8s.CoreV1Event[] = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 63),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 2, 60),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 58),
    ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('6.5.0'), 62 - k * 0.6)),
    ...app.pods.map((p, k) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8081/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8081: connect: connection refused`, count: 1, firstAgo: 61.8 - k * 0.6, lastAgo: 61.8 - k * 0.6, fieldPath: 'spec.containers{app}' })),
  ];
  return {
    id: 'heldout49-spring-kafka-rebalance-healthy',
    class: 'healthy',
    truth: 'shipment-service is healthy: revision 41 (6.5.0) rolled out an hour ago and completed, all 3 pods are Ready with no restarts and serving 200s. The Kafka consumer-group rebalance INFO lines are the expected re-join after its own rollout, the HHH000104 WARNs are a known (paged-fetch-in-memory) inefficiency that predates the release, and the hourly "Full GC (System.gc())" comes from RMI\'s distributed GC because JMX remote is enabled; none needs action now.',
    ask: { service: 'shipment-service' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-service', selector: { app: 'shipment-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      ...events,
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (action|problem|issue)|nothing (wrong|to fix)|fine|no sign/i],
      facts: [/shipment-service/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /rebalanc[^\n]*(fail|storm|loop|problem)/i, /Full GC[^\n]*(problem|cause|memory leak)|memory leak/i, /HHH000104[^\n]*(cause|broke)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongoDirectConnection(),
  jacksonInfiniteRecursion(),
  gpuTopologyAffinity(),
  mysqlZeroDate(),
  nextjsHostnameBind(),
  fsckMountFailed(),
  springKafkaHealthy(),
];
