// Held-out stories, sixty-second round, part two:
// 1. a MongoDB 4.4 StatefulSet moved to 64 GiB nodes: WiredTiger sizes its cache from the host's
//    RAM (cache_size=31232M), not the 4Gi limit, and mongod is OOMKilled (137) under load;
// 2. a Java client with revocation checking on, behind a new egress NetworkPolicy that allows only
//    the partner's addresses: the OCSP/CRL fetch is blocked, "Could not determine revocation status";
// 3. a projected volume whose second ConfigMap (added by a revision) carries application.yaml too,
//    so the shared defaults replace the service's own config and the DataSource has no url;
// 4. a model server that downloads its model from the Hugging Face Hub at startup: after the HPA
//    went to 12 replicas the hub answers 429 and the new pods crash-loop, the old ones serve;
// 5. a node pool on AL2023 (cgroup v2): a runtime-limits library reading cgroup v1 files throws
//    NoSuchFileException, only on pods drained onto the new pool;
// 6. an API revision that changed the expected JWT audience (OIDC_AUDIENCE) ahead of its callers:
//    every request is 401 "invalid audience claim (aud)";
// 7. healthy control: a Spring service whose Service asks for topology-aware routing the endpoint
//    controller keeps refusing (TopologyAwareHintsDisabled), and the JVM's CDS warning under the
//    OpenTelemetry agent.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, execProbe, exposed, hpa, httpProbe,
  nameOf, networkPolicy, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service,
  endpointSliceFor, statefulSetApp, tcpProbe, boundClaim, nodeEvent, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [app] [main] logger : msg`. */
function sb(t: number, level: string, app: string, thread: string, logger: string, msg: string): string {
  return `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
}

/** MongoDB 4.4's structured log line. */
function mongo(t: number, s: string, c: string, id: number, ctx: string, msg: string, attr?: Record<string, unknown>): string {
  const date = at(t).replace('Z', '+00:00');
  return JSON.stringify({ t: { $date: date }, s, c, id, ctx, msg, ...(attr === undefined ? {} : { attr }) });
}

/** Patches a built node's capacity/allocatable and OS, as a different instance type or AMI reports them. */
function resize(n: k8s.V1Node, capacity: Record<string, string>, allocatable: Record<string, string>, info?: Partial<k8s.V1NodeSystemInfo>): k8s.V1Node {
  if (n.status) {
    n.status.capacity = capacity;
    n.status.allocatable = allocatable;
    if (info && n.status.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, ...info };
  }
  return n;
}

// ---- 1. MongoDB 4.4 on 64 GiB nodes: WiredTiger cache from host RAM, OOMKilled at the 4Gi limit --------

function mongoWiredTigerCacheFromHost(): CorpusScenario {
  const ns = 'inventory';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const large = ['10.0.96.14', '10.0.97.203', '10.0.98.61'].map((ip, i) =>
    resize(
      node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: 'db-r6i-2xl', instanceType: 'r6i.2xlarge', createdAgo: 3 * DAYS, labels: { workload: 'database' } }),
      { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '65049472Ki', pods: '58' },
      { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '64034688Ki', pods: '58' },
    ),
  );
  const { nodes: general, names: gen } = threeEksNodes('10.0.90', ['37', '118', '242']);
  const big = large.map(nameOf);
  const image = 'docker.io/library/mongo:4.4.29';
  const tpl = (pool: string) => ({
    containers: [container({
      name: 'mongod', image, command: ['mongod'],
      args: ['--replSet', 'rs0', '--bind_ip_all', '--dbpath', '/data/db'],
      ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongo', '--quiet', '--eval', "db.adminCommand('ping').ok"], { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
      liveness: tcpProbe('mongodb', { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': pool },
    tolerations: [{ key: 'workload', operator: 'Equal', value: 'database', effect: 'NoSchedule' }],
    securityContext: { fsGroup: 999, runAsUser: 999 },
    terminationGracePeriodSeconds: 60,
  });
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'inventory-mongo',
    replicas: 3,
    serviceName: 'inventory-mongo-headless',
    createdAgo: 410 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 160 * DAYS, template: tpl('db-m6i-large') },
      { revision: 7, createdAgo: 2 * DAYS + 5 * HOURS, template: tpl('db-r6i-2xl') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 7, ordinal: 0, node: big[0] ?? '', createdAgo: 2 * DAYS + 4 * HOURS, containers: { mongod: running({ sinceAgo: 6.2, restarts: 4, last: oom(6.3, 1510) }) } },
      { revision: 7, ordinal: 1, node: big[1] ?? '', createdAgo: 2 * DAYS + 4 * HOURS + 9, containers: { mongod: running({ sinceAgo: 21.5, restarts: 3, last: oom(21.6, 2240) }) } },
      { revision: 7, ordinal: 2, node: big[2] ?? '', createdAgo: 2 * DAYS + 4 * HOURS + 17, containers: { mongod: running({ sinceAgo: 1.4, restarts: 5, ready: false, last: oom(1.5, 840) }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-inventory-mongo-${i}`, storage: '200Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 2 * DAYS + 4 * HOURS + 20, labels: { app: 'inventory-mongo' } }));
  const apiImage = `${ECR}/inventory/inventory-api:6.3.2`;
  const api = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 4,
    revisions: [
      { revision: 52, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory-api 6.3.1', template: { containers: [container({ image: `${ECR}/inventory/inventory-api:6.3.1`, memory: '512Mi' })] } },
      {
        revision: 53, createdAgo: 4 * DAYS, changeCause: 'argocd: inventory-api 6.3.2',
        template: { containers: [container({ image: apiImage, memory: '512Mi', env: [{ name: 'MONGO_URI', value: 'mongodb://inventory-mongo-0.inventory-mongo-headless,inventory-mongo-1.inventory-mongo-headless,inventory-mongo-2.inventory-mongo-headless/inventory?replicaSet=rs0&retryWrites=true' }, { name: 'NODE_ENV', value: 'production' }] })] },
      },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 53, node: gen[k % 3] ?? '', createdAgo: 4 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS, ranSeconds: 600 } }) } } : {}) })),
  });
  const other = bystander(ns, 'stock-events-consumer', gen, 95, { revisions: [18, 19], versions: ['2.9.0', '2.9.1'], olderAgo: 20 * DAYS });
  const [m0, m1, m2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const startup = (t: number, host: string, unclean: boolean) => [
    mongo(t, 'I', 'CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\''),
    mongo(t, 'W', 'ASIO', 22601, 'main', 'No TransportLayer configured during NetworkInterface startup'),
    mongo(t - 0.001, 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: 1, port: 27017, dbPath: '/data/db', architecture: '64-bit', host }),
    mongo(t - 0.001, 'I', 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version: '4.4.29', gitVersion: 'f4dda329a99811c707eb06d05ad023599f9be263', openSSLVersion: 'OpenSSL 1.1.1f  31 Mar 2020', modules: [], allocator: 'tcmalloc', environment: { distmod: 'ubuntu2004', distarch: 'x86_64', target_arch: 'x86_64' } } }),
    mongo(t - 0.001, 'I', 'CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: '20.04' } }),
    mongo(t - 0.001, 'I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options: { net: { bindIp: '*' }, replication: { replSet: 'rs0' }, storage: { dbPath: '/data/db' } } }),
    ...(unclean ? [mongo(t - 0.002, 'W', 'STORAGE', 22271, 'initandlisten', 'Detected unclean shutdown - Lock file is not empty', { lockFile: '/data/db/mongod.lock' })] : []),
    mongo(t - 0.002, 'I', 'STORAGE', 22297, 'initandlisten', 'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem', {}),
    mongo(t - 0.002, 'I', 'STORAGE', 22315, 'initandlisten', 'Opening WiredTiger', { config: 'create,cache_size=31232M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,archive=true,path=journal,compressor=snappy),file_manager=(close_idle_time=100000,close_scan_interval=10,close_handle_minimum=250),statistics_log=(wait=0),verbose=[recovery_progress,checkpoint_progress,compact_progress],' }),
    ...(unclean ? [mongo(t - 0.01, 'I', 'STORAGE', 22430, 'initandlisten', 'WiredTiger message', { message: '[1763694000:412312][1:0x7f2c1e4b1c80], txn-recover: [WT_VERB_RECOVERY_PROGRESS] Recovering log 2211 through 2212' }), mongo(t - 0.03, 'I', 'STORAGE', 22430, 'initandlisten', 'WiredTiger message', { message: '[1763694001:905117][1:0x7f2c1e4b1c80], txn-recover: [WT_VERB_RECOVERY | WT_VERB_RECOVERY_PROGRESS] Set global recovery timestamp: (1763693990, 41)' })] : []),
    mongo(t - 0.04, 'I', 'STORAGE', 4795906, 'initandlisten', 'WiredTiger opened', { durationMillis: unclean ? 2418 : 612 }),
    mongo(t - 0.05, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: '0.0.0.0' }),
    mongo(t - 0.05, 'I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' }),
  ];
  const slow = (t: number, ms: number, n: number) => mongo(t, 'I', 'COMMAND', 51803, 'conn' + (200 + n), 'Slow query', { type: 'command', ns: 'inventory.stock_levels', command: { aggregate: 'stock_levels', pipeline: [{ $match: { warehouseId: { $in: ['DUB-2', 'AMS-1', 'WAW-3'] } } }, { $group: { _id: '$sku', onHand: { $sum: '$qty' } } }] }, planSummary: 'COLLSCAN', keysExamined: 0, docsExamined: 4_812_301 + n * 977, numYields: 4_711, nreturned: 101, reslen: 9_120, protocol: 'op_msg', durationMillis: ms });
  const mongoPrev = (p: k8s.V1Pod, started: number, ended: number, unclean: boolean) => lines(
    ...startup(started, nameOf(p), unclean),
    mongo(started - 0.3, 'I', 'REPL', 21358, 'ReplCoord-0', 'Replica set state transition', { newState: 'SECONDARY', oldState: 'STARTUP2' }),
    mongo(started - 0.5, 'I', 'NETWORK', 51800, 'conn12', 'client metadata', { remote: '10.0.90.141:51622', client: 'conn12', doc: { driver: { name: 'nodejs', version: '6.10.0' }, os: { type: 'Linux', name: 'linux', architecture: 'x64', version: '6.1.112-122.189.amzn2023.x86_64' }, platform: 'Node.js v20.18.0, LE' } }),
    slow(ended + 6, 2411, 1),
    slow(ended + 3.2, 5180, 2),
    mongo(ended + 1.1, 'I', 'STORAGE', 22430, 'WTCheckpointThread', 'WiredTiger message', { message: `[${Math.floor(Date.parse(at(ended + 1.1)) / 1000)}:118230][1:0x7f2c17c9f700], WT_SESSION.checkpoint: [WT_VERB_CHECKPOINT_PROGRESS] saving checkpoint snapshot min: 918233, snapshot max: 918233 snapshot count: 0, oldest timestamp: (1763693890, 12) , meta checkpoint timestamp: (1763693990, 12)` }),
    slow(ended + 0.4, 9114, 3),
    mongo(ended + 0.1, 'I', 'NETWORK', 22943, 'listener', 'Connection accepted', { remote: '10.0.91.77:40214', connectionId: 1893, connectionCount: 412 }),
  );
  const apiLog = (k: number) => lines(
    `{"level":30,"time":${Date.parse(at(40 - k))},"pid":1,"hostname":"inventory-api","msg":"GET /v1/stock/SKU-4410-BLU 200","responseTime":18}`,
    `{"level":50,"time":${Date.parse(at(21.6 - k * 0.1))},"pid":1,"hostname":"inventory-api","err":{"type":"MongoNetworkError","message":"connection 31 to 10.0.97.88:27017 closed","stack":"MongoNetworkError: connection 31 to 10.0.97.88:27017 closed\\n    at Connection.onClose (/app/node_modules/mongodb/lib/cmap/connection.js:134:19)"},"msg":"stock lookup failed"}`,
    `{"level":40,"time":${Date.parse(at(12 - k))},"pid":1,"hostname":"inventory-api","msg":"GET /v1/stock/SKU-1120-RED 200","responseTime":4810}`,
    `{"level":50,"time":${Date.parse(at(6.2 - k * 0.1))},"pid":1,"hostname":"inventory-api","err":{"type":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","stack":"MongoServerSelectionError: Server selection timed out after 30000 ms\\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:292:38)"},"msg":"reservation failed","route":"POST /v1/reservations"}`,
    `{"level":50,"time":${Date.parse(at(1.4 - k * 0.1))},"pid":1,"hostname":"inventory-api","err":{"type":"MongoNetworkError","message":"connection 88 to 10.0.98.140:27017 closed","stack":"MongoNetworkError: connection 88 to 10.0.98.140:27017 closed\\n    at Connection.onClose (/app/node_modules/mongodb/lib/cmap/connection.js:134:19)"},"msg":"stock lookup failed"}`,
    `{"level":30,"time":${Date.parse(at(0.3))},"pid":1,"hostname":"inventory-api","msg":"GET /v1/stock/SKU-7781-GRN 200","responseTime":${40 + k}}`,
  );
  return {
    id: 'heldout62-mongo-wiredtiger-cache-host-ram-oomkilled',
    class: 'containers',
    truth: 'Revision 7 of the inventory-mongo StatefulSet (two days ago) moved MongoDB 4.4 from 8 GiB m6i.large nodes to 64 GiB r6i.2xlarge nodes without setting --wiredTigerCacheSizeGB. mongod sizes the WiredTiger cache from the host RAM it sees, not from the 4Gi container limit (cache_size=31232M in "Opening WiredTiger"), so under tonight\'s load the cache grows past the limit and the kernel OOM-kills mongod (exit 137) on every member in turn; inventory-api sees closed connections and server selection timeouts. Fix: set --wiredTigerCacheSizeGB (about 1.5 for a 4Gi limit) or raise the limit.',
    ask: { service: 'inventory-mongo', namespace: ns },
    objects: [
      ...large, ...general, ...sts.objects, ...claims, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'inventory-mongo-headless', selector: { app: 'inventory-mongo' }, pods: sts.pods, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'stock-events-consumer', selector: { app: 'stock-events-consumer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 95),
      ...restartedAgain(m0, 'mongod', image, { count: 4, firstAgo: 2 * HOURS + 40, lastAgo: 6.2 }),
      ...restartedAgain(m1, 'mongod', image, { count: 3, firstAgo: 2 * HOURS + 5, lastAgo: 21.5 }),
      ...restartedAgain(m2, 'mongod', image, { count: 5, firstAgo: 2 * HOURS + 52, lastAgo: 1.4 }),
      probeFailed(m2, 'mongod', 'Readiness', 'MongoDB shell version v4.4.29\nconnecting to: mongodb://127.0.0.1:27017/?compressors=disabled&gssapiServiceName=mongodb\nError: couldn\'t connect to server 127.0.0.1:27017, connection attempt failed: SocketException: Error connecting to 127.0.0.1:27017 :: caused by :: Connection refused', { count: 9, firstAgo: 44, lastAgo: 1.2 }),
      probeFailed(m0, 'mongod', 'Readiness', 'MongoDB shell version v4.4.29\nconnecting to: mongodb://127.0.0.1:27017/?compressors=disabled&gssapiServiceName=mongodb\nError: couldn\'t connect to server 127.0.0.1:27017, connection attempt failed: SocketException: Error connecting to 127.0.0.1:27017 :: caused by :: Connection refused', { count: 3, firstAgo: 31, lastAgo: 6.1 }),
      event({ on: { kind: 'StatefulSet', name: 'inventory-mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod inventory-mongo-0 in StatefulSet inventory-mongo successful', firstAgo: 2 * DAYS + 4 * HOURS, lastAgo: 2 * DAYS + 4 * HOURS, component: 'statefulset-controller' }),
      nodeEvent(big[0] ?? '', 'RegisteredNode', `Node ${big[0] ?? ''} event: Registered Node ${big[0] ?? ''} in Controller`, { firstAgo: 3 * DAYS, component: 'node-controller' }),
    ],
    logs: [
      logsFor(m0, 'mongod', { previous: mongoPrev(m0, 31.5, 6.3, true), current: lines(...startup(6.2, nameOf(m0), true), mongo(5.6, 'I', 'REPL', 21358, 'ReplCoord-0', 'Replica set state transition', { newState: 'SECONDARY', oldState: 'STARTUP2' }), slow(0.8, 3022, 7)) }),
      logsFor(m1, 'mongod', { previous: mongoPrev(m1, 58.9, 21.6, false), current: lines(...startup(21.5, nameOf(m1), true), mongo(20.9, 'I', 'REPL', 21358, 'ReplCoord-0', 'Replica set state transition', { newState: 'PRIMARY', oldState: 'SECONDARY' }), slow(2.2, 6120, 9)) }),
      logsFor(m2, 'mongod', { previous: mongoPrev(m2, 15.5, 1.5, true), current: lines(...startup(1.4, nameOf(m2), true).slice(0, 9)) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bOOM|137|memory limit|4Gi/i, /WiredTiger|cache/i],
      facts: [/cache_size=31232M|31 ?G|wiredTigerCacheSizeGB|cacheSizeGB/i, /r6i\.2xlarge|64 ?Gi|db-r6i-2xl|host (RAM|memory)|node('s)? memory/i],
      never: [/liveness probe[^\n]*(kill|restart)|failed liveness/i, /memory leak/i, /inventory-api[^\n]*(caus|broke|introduc)/i, /stock-events-consumer/],
    },
  };
}

// ---- 2. revocation checking behind an egress policy that allows only the partner -------------------

function revocationCheckBlockedByEgressPolicy(): CorpusScenario {
  const ns = 'settlement';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '97', '188']);
  const image = (v: string) => `${ECR}/settlement/clearing-gateway:${v}`;
  const javaOpts = '-XX:MaxRAMPercentage=70 -Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true -Djava.security.properties=/opt/app/security/java.security.override';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: javaOpts },
        { name: 'PARTNER_BASE_URL', value: 'https://api.clearing.nordbank-partner.com' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
    })],
    labels: { 'app.kubernetes.io/part-of': 'settlement', 'egress-profile': 'partner-only' },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'clearing-gateway',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 19 * DAYS, changeCause: 'argocd: clearing-gateway 3.8.0', template: tpl('3.8.0') },
      { revision: 19, createdAgo: 2 * DAYS + 2 * HOURS, changeCause: 'argocd: clearing-gateway 3.8.1', template: tpl('3.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * DAYS + 2 * HOURS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 26 * HOURS, restarts: 1, last: { exitCode: 143, finishedAgo: 26 * HOURS, ranSeconds: 20 * HOURS } }) } } : {}) })),
  });
  const ui = bystander(ns, 'settlement-console', names, 3 * HOURS, { revisions: [40, 41], versions: ['1.22.4', '1.23.0'], olderAgo: 12 * DAYS });
  const policy = networkPolicy({
    namespace: ns,
    name: 'clearing-gateway-egress-partner-only',
    createdAgo: 47,
    podSelector: { 'egress-profile': 'partner-only' },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ ipBlock: { cidr: '185.46.212.0/27' } }, { ipBlock: { cidr: '185.46.214.128/28' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'settlement' } }, podSelector: { matchLabels: { app: 'settlement-db-proxy' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    ] as unknown as k8s.V1NetworkPolicyEgressRule[],
  });
  (policy.metadata ?? {}).annotations = { 'policy.acme.io/ticket': 'SEC-2291', 'policy.acme.io/owner': 'security-platform' };
  const defaultDeny = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 300 * DAYS, podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
  const allowIngress = networkPolicy({ namespace: ns, name: 'allow-ingress-nginx', createdAgo: 300 * DAYS, podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }] });
  const A = 'clearing-gateway';
  const pkix = 'PKIX path validation failed: java.security.cert.CertPathValidatorException: Could not determine revocation status';
  const gwLog = (k: number) => lines(
    sb(2 * DAYS + 2 * HOURS - k - 0.6, 'INFO', A, 'main', 'c.a.s.clearing.ClearingGatewayApplication', 'Started ClearingGatewayApplication in 14.882 seconds (process running for 16.31)'),
    sb(3 * HOURS, 'WARN', A, 'scheduling-1', 'c.a.s.clearing.batch.CutoffScheduler', 'Cut-off window for SEPA_INST closes in 00:15, 3 batches still open'),
    sb(55 - k, 'INFO', A, 'scheduling-1', 'c.a.s.clearing.batch.SubmissionJob', 'Submitted batch CLR-20261121-0212 (412 items) to partner, ack=ACK-88123' + k),
    ...[44, 33, 22, 11, 3].map((t, i) => [
      sb(t - k * 0.2, 'ERROR', A, 'scheduling-1', 'c.a.s.clearing.batch.SubmissionJob', `Submission of batch CLR-20261121-02${(30 + i * 3).toString()} failed, will retry (attempt ${i + 1}/∞)`),
      `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://api.clearing.nordbank-partner.com/v2/batches": ${pkix}`,
      '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)',
      '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)',
      '\tat com.acme.settlement.clearing.partner.PartnerClient.submit(PartnerClient.java:88)',
      `Caused by: javax.net.ssl.SSLHandshakeException: ${pkix}`,
      '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)',
      '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)',
      '\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1307)',
      `Caused by: sun.security.validator.ValidatorException: ${pkix}`,
      '\tat java.base/sun.security.validator.PKIXValidator.doValidate(PKIXValidator.java:369)',
      'Caused by: java.security.cert.CertPathValidatorException: Could not determine revocation status',
      '\tat java.base/sun.security.provider.certpath.PKIXMasterCertPathValidator.validate(PKIXMasterCertPathValidator.java:135)',
      '\tat java.base/sun.security.provider.certpath.RevocationChecker.buildToNewKey(RevocationChecker.java:1126)',
      '\t... 41 common frames omitted',
    ].join('\n')),
    sb(2, 'WARN', A, 'http-nio-8080-exec-7', 'c.a.s.clearing.api.BatchController', 'Outbound queue depth 1840 exceeds warning threshold 500'),
    sb(0.4, 'INFO', A, 'http-nio-8080-exec-2', 'c.a.s.clearing.api.BatchController', 'Accepted 38 instructions for batch CLR-20261121-0314 (queued)'),
  );
  return {
    id: 'heldout62-revocation-check-blocked-by-egress-policy',
    class: 'network',
    truth: 'clearing-gateway runs with certificate revocation checking enabled (-Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true). 47 minutes ago the security team applied the NetworkPolicy clearing-gateway-egress-partner-only, which allows egress only to the partner\'s IP ranges on 443 plus DNS and the DB proxy; the JVM can no longer reach the certificate authority\'s OCSP responder / CRL distribution point, so every TLS handshake to the partner fails with "PKIX path validation failed: Could not determine revocation status" and settlement batches pile up. Fix: allow egress to the CA\'s OCSP/CRL endpoints (or through the egress proxy), not a rollback.',
    ask: { service: 'clearing-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ui.objects, policy, defaultDeny, allowIngress,
      ...exposed({ namespace: ns, name: 'clearing-gateway', selector: { app: 'clearing-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'settlement-console', selector: { app: 'settlement-console' }, pods: ui.pods }),
      scaledReplicaSet(deploymentOf(ui), rsOf(ui, 41), 2, 0, 3 * HOURS),
      event({ on: podOf(app, 1), type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/revocation|OCSP|CRL/i, /clearing-gateway-egress-partner-only|NetworkPolicy|egress/i],
      facts: [lit('Could not determine revocation status'), /checkRevocation|enableCRLDP/],
      never: [ADVISES_ROLLBACK, /certificate (has )?expired|expired certificate/i, /(missing|unknown|untrusted) (root )?CA|truststore/i, /settlement-console/],
    },
  };
}

// ---- 3. a projected volume whose later ConfigMap overrides application.yaml -----------------------

function projectedConfigMapKeyCollision(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.212', ['40', '129', '233']);
  const image = (v: string) => `${ECR}/loyalty/points-ledger:${v}`;
  const sources = (withDefaults: boolean): k8s.V1VolumeProjection[] => [
    { configMap: { name: 'points-ledger-config', items: [{ key: 'application.yaml', path: 'application.yaml' }, { key: 'logback-spring.xml', path: 'logback-spring.xml' }] } },
    ...(withDefaults ? [{ configMap: { name: 'platform-spring-defaults' } }] : []),
  ];
  const tpl = (v: string, withDefaults: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', projected: { defaultMode: 420, sources: sources(withDefaults) } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'points-ledger',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: points-ledger 5.2.0', template: tpl('5.2.0', false) },
      { revision: 15, createdAgo: 24, changeCause: 'argocd: points-ledger 5.2.0 (chart 2.4.0: platform defaults)', template: tpl('5.2.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 23.6, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 9 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ownYaml = [
    'server:', '  port: 8080', 'management:', '  server:', '    port: 8081', '  endpoints:', '    web:', '      exposure:', '        include: health,prometheus',
    'spring:', '  application:', '    name: points-ledger', '  datasource:', '    url: jdbc:postgresql://loyalty-pg.cluster-cq81mzk2x1.eu-west-1.rds.amazonaws.com:5432/points',
    '    username: points_app', '    hikari:', '      maximum-pool-size: 15', '  jpa:', '    open-in-view: false', '    hibernate:', '      ddl-auto: validate',
    'ledger:', '  expiry-sweep-cron: "0 15 2 * * *"', '  max-accrual-per-order: 5000', '',
  ].join('\n');
  const defaultsYaml = [
    'server:', '  port: 8080', '  shutdown: graceful', 'management:', '  server:', '    port: 8081', '  endpoints:', '    web:', '      exposure:', '        include: health,info,prometheus',
    '  tracing:', '    sampling:', '      probability: 0.05', '  otlp:', '    tracing:', '      endpoint: http://otel-collector.observability:4318/v1/traces',
    'spring:', '  lifecycle:', '    timeout-per-shutdown-phase: 25s', 'logging:', '  level:', '    root: INFO', '',
  ].join('\n');
  const own = configMap({ namespace: ns, name: 'points-ledger-config', createdAgo: 200 * DAYS, updatedAgo: 11 * DAYS, data: { 'application.yaml': ownYaml, 'logback-spring.xml': '<configuration>\n  <include resource="org/springframework/boot/logging/logback/base.xml"/>\n</configuration>\n' } });
  const defaults = configMap({ namespace: ns, name: 'platform-spring-defaults', createdAgo: 25, data: { 'application.yaml': defaultsYaml } });
  (defaults.metadata ?? {}).labels = { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'acme-spring-service-2.4.0' };
  const L = 'points-ledger';
  const crash = lines(
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    sb(2.25, 'INFO', L, 'main', 'c.a.loyalty.ledger.PointsLedgerApplication', 'Starting PointsLedgerApplication v5.2.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    sb(2.25, 'INFO', L, 'main', 'c.a.loyalty.ledger.PointsLedgerApplication', 'No active profile set, falling back to 1 default profile: "default"'),
    sb(2.22, 'INFO', L, 'main', '.s.d.r.c.RepositoryConfigurationDelegate', 'Bootstrapping Spring Data JPA repositories in DEFAULT mode.'),
    sb(2.21, 'INFO', L, 'main', '.s.d.r.c.RepositoryConfigurationDelegate', 'Finished Spring Data repository scanning in 142 ms. Found 6 JPA repository interfaces.'),
    sb(2.19, 'INFO', L, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    sb(2.18, 'WARN', L, 'main', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name \'ledgerRepository\' defined in com.acme.loyalty.ledger.store.LedgerRepository defined in @EnableJpaRepositories declared on JpaRepositoriesRegistrar.EnableJpaRepositoriesConfiguration: Cannot resolve reference to bean \'jpaSharedEM_entityManagerFactory\' while setting bean property \'entityManager\'; nested exception is org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\' defined in class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method \'dataSource\' threw exception with message: Failed to determine a suitable driver class'),
    sb(2.17, 'INFO', L, 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    sb(2.16, 'INFO', L, 'main', '.s.b.a.l.ConditionEvaluationReportLogger', '\n\nError starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.'),
    sb(2.16, 'ERROR', L, 'main', 'o.s.b.d.LoggingFailureAnalysisReporter', ''),
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    'Failed to configure a DataSource: \'url\' attribute is not specified and no embedded datasource could be configured.',
    '',
    'Reason: Failed to determine a suitable driver class',
    '',
    '',
    'Action:',
    '',
    'Consider the following:',
    '\tIf you want an embedded database (H2, HSQL or Derby), please put it on the classpath.',
    '\tIf you have database settings to be loaded from a particular profile you may need to activate it (no profiles are currently active).',
  );
  const okLog = (k: number) => lines(
    sb(40 - k, 'INFO', L, 'http-nio-8080-exec-4', 'c.a.loyalty.ledger.api.AccrualController', `Accrued 120 points for member M-${40_112 + k} order O-88${k}1203`),
    sb(9, 'WARN', L, 'http-nio-8080-exec-9', 'c.a.loyalty.ledger.api.AccrualController', 'Accrual for order O-8871022 capped at max-accrual-per-order=5000 (requested 7420)'),
    sb(0.6, 'INFO', L, 'http-nio-8080-exec-1', 'c.a.loyalty.ledger.api.BalanceController', `GET /v1/members/M-${51_020 + k}/balance 200 (11 ms)`),
  );
  return {
    id: 'heldout62-projected-configmap-application-yaml-collision',
    class: 'config',
    truth: 'Revision 15 of points-ledger (chart 2.4.0, 24 minutes ago) added the platform ConfigMap platform-spring-defaults as a second source of the projected /config volume. Both ConfigMaps carry the key application.yaml, the later source wins, so the pod\'s /config/application.yaml is the platform defaults — without spring.datasource — and Spring Boot fails at startup ("Failed to configure a DataSource: \'url\' attribute is not specified"), exit 1 in a crash loop; the three revision-14 pods still serve. Fix: project the defaults under another path (items/path) or roll back to revision 14.',
    ask: { service: 'points-ledger', namespace: ns },
    objects: [
      ...nodes, ...app.objects, own, defaults,
      configMap({ namespace: ns, name: 'kube-root-ca.crt', createdAgo: 400 * DAYS, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n' } }),
      ...exposed({ namespace: ns, name: 'points-ledger', selector: { app: 'points-ledger' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 24),
      scheduled(fresh, 23.6),
      ...restartedAgain(fresh, 'app', image('5.2.0'), { count: 9, firstAgo: 23.5, lastAgo: 2.3 }),
      backOff(fresh, 'app', { count: 96, firstAgo: 22.8, lastAgo: 0.3 }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${fresh.status?.podIP ?? ''}:8081/actuator/health/readiness": dial tcp ${fresh.status?.podIP ?? ''}:8081: connect: connection refused`, count: 4, firstAgo: 23.3, lastAgo: 9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/platform-spring-defaults|application\.yaml|projected/i],
      facts: [/'url' attribute is not specified|DataSource|datasource/, /revision 15|platform-spring-defaults/],
      never: [/\bOOM/, /database[^\n]*(down|unreachable|refus)/i, /secret/i, /liveness/i],
    },
  };
}

// ---- 4. Hugging Face Hub 429 to the shared NAT after a scale-out to 12 ------------------------------

function huggingFaceHub429AfterScaleOut(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes, names } = threeEksNodes('10.0.160', ['12', '91', '204']);
  const image = `${ECR}/ml/intent-router:2.7.1`;
  const tpl = {
    containers: [container({
      image, ports: [8000], cpu: '2', memory: '6Gi',
      env: [
        { name: 'MODEL_ID', value: 'acme-nlp/intent-deberta-v3-base' },
        { name: 'MODEL_REVISION', value: 'main' },
        { name: 'HF_HOME', value: '/tmp/hf' },
        { name: 'TOKENIZERS_PARALLELISM', value: 'false' },
        { name: 'WEB_CONCURRENCY', value: '1' },
      ],
      readiness: httpProbe('/v1/ready', 8000, { periodSeconds: 5 }), liveness: httpProbe('/v1/health', 8000, { initialDelaySeconds: 120, periodSeconds: 15 }),
    })],
  };
  const oldPods = [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 2 * DAYS + 4 * HOURS - k }));
  const newPods = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ revision: 9, node: names[k % 3] ?? '', createdAgo: 19 - (k % 4) * 0.2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1 + (k % 5) * 0.6, ranSeconds: 11 }, 6 + (k % 3)) } }));
  const app = deploymentApp({
    namespace: ns,
    name: 'intent-router',
    replicas: 12,
    revisions: [
      { revision: 8, createdAgo: 23 * DAYS, changeCause: 'argocd: intent-router 2.7.0', template: tpl },
      { revision: 9, createdAgo: 2 * DAYS + 4 * HOURS, changeCause: 'argocd: intent-router 2.7.1', template: tpl },
    ],
    pods: [...oldPods, ...newPods],
    settled: { available: false, availableSince: 18, progressingSince: 2 * DAYS + 4 * HOURS },
  });
  const scaler = hpa({
    namespace: ns, name: 'intent-router', target: { kind: 'Deployment', name: 'intent-router' }, min: 3, max: 12, current: 12, desired: 12, lastScaleAgo: 19,
    cpu: { current: 96, target: 60, averageValue: '1920m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(19) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(3 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(19) },
    ],
  });
  const other = bystander(ns, 'embedding-cache', names, 5 * HOURS, { revisions: [3, 4], versions: ['0.9.2', '0.9.3'], olderAgo: 30 * DAYS });
  const url = 'https://huggingface.co/acme-nlp/intent-deberta-v3-base/resolve/main/config.json';
  const crashLog = (t: number) => lines(
    `INFO:     Started server process [1]`,
    `INFO:     Waiting for application startup.`,
    `${pyTime(t)} INFO intent_router.model: loading model acme-nlp/intent-deberta-v3-base@main (cache_dir=/tmp/hf/hub)`,
    `${pyTime(t - 0.01)} WARNING huggingface_hub.utils._http: HTTP Error 429 thrown while requesting HEAD ${url}`,
    `${pyTime(t - 0.03)} WARNING huggingface_hub.utils._http: Retrying in 1s [Retry 1/5].`,
    `${pyTime(t - 0.05)} WARNING huggingface_hub.utils._http: HTTP Error 429 thrown while requesting HEAD ${url}`,
    `${pyTime(t - 0.06)} WARNING huggingface_hub.utils._http: Retrying in 2s [Retry 2/5].`,
    `${pyTime(t - 0.1)} WARNING huggingface_hub.utils._http: HTTP Error 429 thrown while requesting HEAD ${url}`,
    'ERROR:    Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/huggingface_hub/utils/_http.py", line 406, in hf_raise_for_status',
    '    response.raise_for_status()',
    '  File "/usr/local/lib/python3.11/site-packages/requests/models.py", line 1024, in raise_for_status',
    '    raise HTTPError(http_error_msg, response=self)',
    `requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: ${url}`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/transformers/utils/hub.py", line 403, in cached_file',
    '    resolved_file = hf_hub_download(',
    '  File "/usr/local/lib/python3.11/site-packages/huggingface_hub/file_download.py", line 1232, in _hf_hub_download_to_cache_dir',
    '    _raise_on_head_call_error(head_call_error, force_download, local_files_only)',
    '  File "/usr/local/lib/python3.11/site-packages/huggingface_hub/file_download.py", line 1647, in _raise_on_head_call_error',
    '    raise LocalEntryNotFoundError(',
    'huggingface_hub.errors.LocalEntryNotFoundError: An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again or make sure your Internet connection is on.',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/starlette/routing.py", line 693, in lifespan',
    '    async with self.lifespan_context(app) as maybe_state:',
    '  File "/app/intent_router/main.py", line 41, in lifespan',
    '    state.model = load_model(settings.model_id, settings.model_revision)',
    '  File "/app/intent_router/model.py", line 27, in load_model',
    '    tokenizer = AutoTokenizer.from_pretrained(model_id, revision=revision)',
    '  File "/usr/local/lib/python3.11/site-packages/transformers/models/auto/tokenization_auto.py", line 857, in from_pretrained',
    '    config = AutoConfig.from_pretrained(',
    '  File "/usr/local/lib/python3.11/site-packages/transformers/utils/hub.py", line 446, in cached_file',
    '    raise EnvironmentError(',
    "OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like acme-nlp/intent-deberta-v3-base is not the path to a directory containing a file named config.json.",
    "Checkout your internet connection or see how to run the library in offline mode at 'https://huggingface.co/docs/transformers/installation#offline-mode'.",
    '',
    'ERROR:    Application startup failed. Exiting.',
  );
  const okLog = (k: number) => lines(
    `${pyTime(2 * DAYS + 4 * HOURS - k - 0.5)} INFO intent_router.model: loading model acme-nlp/intent-deberta-v3-base@main (cache_dir=/tmp/hf/hub)`,
    `${pyTime(2 * DAYS + 4 * HOURS - k - 0.9)} WARNING transformers.modeling_utils: Some weights of the model checkpoint at acme-nlp/intent-deberta-v3-base were not used when initializing DebertaV2ForSequenceClassification: ['lm_predictions.lm_head.bias', 'lm_predictions.lm_head.dense.weight']`,
    `${pyTime(2 * DAYS + 4 * HOURS - k - 1)} INFO intent_router.model: model ready in 41.8s (device=cpu, labels=214)`,
    `INFO:     10.0.161.${20 + k}:40122 - "POST /v1/classify HTTP/1.1" 200 OK`,
    `INFO:     10.0.162.${77 + k}:51840 - "POST /v1/classify HTTP/1.1" 200 OK`,
    `INFO:     10.0.160.${9 + k}:33016 - "GET /v1/ready HTTP/1.1" 200 OK`,
  );
  const crashing = app.pods.slice(3);
  return {
    id: 'heldout62-huggingface-hub-429-after-scale-out',
    class: 'containers',
    truth: 'intent-router downloads its model (acme-nlp/intent-deberta-v3-base) from the Hugging Face Hub at every start into an ephemeral HF_HOME, with no persistent cache or pre-baked model. When the HPA scaled it from 3 to 12 replicas 19 minutes ago, nine pods asked the hub at once from the cluster\'s shared NAT IP and the hub answered 429 Too Many Requests; transformers then fails ("We couldn\'t connect to \'https://huggingface.co\'"), startup aborts and the new pods crash-loop while the three old pods, which loaded the model two days ago, keep serving. Fix: serve the model from a cache volume/image or mirror (offline mode), not a rollback.',
    ask: { service: 'intent-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'intent-router', selector: { app: 'intent-router' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'embedding-cache', selector: { app: 'embedding-cache' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'intent-router', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19, lastAgo: 19, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 12, 3, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 4), 2, 0, 5 * HOURS),
      ...crashing.flatMap((p, k) => [
        scheduled(p, 19 - (k % 4) * 0.2),
        ...restartedAgain(p, 'app', image, { count: 7 + (k % 3), firstAgo: 18.9 - (k % 4) * 0.2, lastAgo: 1.2 + (k % 5) * 0.6 }),
        backOff(p, 'app', { count: 60 + k * 3, firstAgo: 18, lastAgo: 0.2 + (k % 3) * 0.1 }),
      ]),
      probeFailed(podOf(app, 3), 'app', 'Readiness', `Get "http://${podOf(app, 3).status?.podIP ?? ''}:8000/v1/ready": dial tcp ${podOf(app, 3).status?.podIP ?? ''}:8000: connect: connection refused`, { count: 5, firstAgo: 18.8, lastAgo: 3 }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
      ...crashing.map((p, k) => logsFor(p, 'app', { previous: crashLog(1.2 + (k % 5) * 0.6), current: crashLog(0.1) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|Too Many Requests|rate.?limit/i, /hugging ?face|hub|model download/i],
      facts: [/huggingface\.co/, /12/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /NetworkPolicy|DNS/i, /embedding-cache/],
    },
  };
}

// ---- 5. cgroup v2 on the new node pool, a library reading cgroup v1 files ---------------------------

function cgroupV1PathsOnV2Pool(): CorpusScenario {
  const ns = 'fulfilment';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const al2 = { osImage: 'Amazon Linux 2', kernelVersion: '5.10.228-219.884.amzn2.x86_64', kubeletVersion: 'v1.30.6-eks-94953ac', kubeProxyVersion: 'v1.30.6-eks-94953ac' };
  const oldNodes = ['10.0.50.18', '10.0.51.140', '10.0.52.77'].map((ip, i) => {
    const n = node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: 'general-al2', createdAgo: 120 * DAYS, ...(i === 0 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(42) }] } : {}) });
    if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, ...al2 };
    if (n.metadata?.labels) n.metadata.labels['eks.amazonaws.com/nodegroup-image'] = 'ami-0a7c2e1f3b4d5e6f7';
    return n;
  });
  const newNodes = ['10.0.53.29', '10.0.54.211', '10.0.55.96'].map((ip, i) => {
    const n = node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: 'general-al2023', createdAgo: 26 * HOURS });
    if (n.metadata?.labels) n.metadata.labels['eks.amazonaws.com/nodegroup-image'] = 'ami-03f91b7c2a6d8e410';
    return n;
  });
  const oldN = oldNodes.map(nameOf);
  const newN = newNodes.map(nameOf);
  const image = `${ECR}/fulfilment/wave-planner:4.18.2`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', cpuLimit: '2', memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'RUNTIME_AUTOTUNE', value: 'true' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  };
  const exit1 = (k: number) => crashLoop({ exitCode: 1, finishedAgo: 1.5 + k * 0.7, ranSeconds: 6 }, 10 + k);
  const app = deploymentApp({
    namespace: ns,
    name: 'wave-planner',
    replicas: 5,
    revisions: [
      { revision: 40, createdAgo: 21 * DAYS, changeCause: 'argocd: wave-planner 4.18.1', template: { containers: [container({ image: `${ECR}/fulfilment/wave-planner:4.18.1`, ports: [8080], cpu: '1', cpuLimit: '2', memory: '1536Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'RUNTIME_AUTOTUNE', value: 'true' }] })] } },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: wave-planner 4.18.2', template: tpl },
    ],
    pods: [
      { revision: 41, node: oldN[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 41, node: oldN[2] ?? '', createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 2 * DAYS } }) } },
      { revision: 41, node: newN[0] ?? '', createdAgo: 41.5, containers: { app: exit1(0) } },
      { revision: 41, node: newN[1] ?? '', createdAgo: 41.4, containers: { app: exit1(1) } },
      { revision: 41, node: newN[2] ?? '', createdAgo: 41.3, containers: { app: exit1(2) } },
    ],
    settled: { available: false, availableSince: 40, progressingSince: 6 * DAYS },
  });
  const other = bystander(ns, 'dock-scheduler', newN, 41, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 9 * DAYS });
  const W = 'wave-planner';
  const crash = (t: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70',
    sb(t, 'INFO', W, 'main', 'c.a.f.wave.WavePlannerApplication', 'Starting WavePlannerApplication v4.18.2 using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)'),
    sb(t, 'INFO', W, 'main', 'c.a.f.wave.WavePlannerApplication', 'The following 1 profile is active: "prod"'),
    sb(t - 0.02, 'INFO', W, 'main', 'c.a.platform.runtime.RuntimeAutotune', 'Autotuning runtime from container limits (RUNTIME_AUTOTUNE=true)'),
    sb(t - 0.03, 'WARN', W, 'main', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'runtimeAutotune\' defined in class path resource [com/acme/platform/runtime/RuntimeAutoConfiguration.class]: Failed to instantiate [com.acme.platform.runtime.RuntimeAutotune]: Factory method \'runtimeAutotune\' threw exception with message: /sys/fs/cgroup/memory/memory.limit_in_bytes'),
    sb(t - 0.04, 'ERROR', W, 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'runtimeAutotune\' defined in class path resource [com/acme/platform/runtime/RuntimeAutoConfiguration.class]: Failed to instantiate [com.acme.platform.runtime.RuntimeAutotune]: Factory method \'runtimeAutotune\' threw exception with message: /sys/fs/cgroup/memory/memory.limit_in_bytes',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.fulfilment.wave.WavePlannerApplication.main(WavePlannerApplication.java:14)',
    'Caused by: java.io.UncheckedIOException: java.nio.file.NoSuchFileException: /sys/fs/cgroup/memory/memory.limit_in_bytes',
    '\tat com.acme.platform.runtime.CgroupLimits.readLong(CgroupLimits.java:61)',
    '\tat com.acme.platform.runtime.CgroupLimits.memoryLimitBytes(CgroupLimits.java:33)',
    '\tat com.acme.platform.runtime.RuntimeAutotune.<init>(RuntimeAutotune.java:28)',
    '\t... 21 common frames omitted',
    'Caused by: java.nio.file.NoSuchFileException: /sys/fs/cgroup/memory/memory.limit_in_bytes',
    '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
    '\tat java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:218)',
    '\tat java.base/java.nio.file.Files.readAllBytes(Files.java:3226)',
    '\tat com.acme.platform.runtime.CgroupLimits.readLong(CgroupLimits.java:57)',
    '\t... 23 common frames omitted',
  );
  const okLog = (k: number) => lines(
    sb(6 * DAYS - k - 0.5, 'INFO', W, 'main', 'c.a.platform.runtime.RuntimeAutotune', 'Container limits: memory=1610612736 cpu.cfs_quota_us=200000 cpu.cfs_period_us=100000 -> planner.threads=4 cache.maxBytes=268435456'),
    sb(6 * DAYS - k - 0.6, 'INFO', W, 'main', 'c.a.f.wave.WavePlannerApplication', 'Started WavePlannerApplication in 19.204 seconds (process running for 20.77)'),
    sb(3, 'INFO', W, 'planner-2', 'c.a.f.wave.plan.WaveBuilder', `Planned wave W-20261121-03${10 + k} for DC DUB-2: 184 picks, 12 totes, 3 zones`),
    sb(0.8, 'INFO', W, 'http-nio-8080-exec-5', 'c.a.f.wave.api.WaveController', 'GET /v1/waves/open 200 (23 ms)'),
  );
  const [old0, old1] = [podOf(app, 0), podOf(app, 1)];
  const crashing = app.pods.slice(2);
  return {
    id: 'heldout62-cgroup-v1-paths-on-al2023-pool',
    class: 'nodes',
    truth: 'The platform team is moving fulfilment onto the new AL2023 node group general-al2023, which runs cgroup v2, and drained node ip-10-0-50-18 of the old AL2 group 42 minutes ago. wave-planner 4.18.2 (revision 41, unchanged for six days) uses the platform runtime-autotune library, which reads cgroup v1 files (/sys/fs/cgroup/memory/memory.limit_in_bytes, cpu.cfs_quota_us); on cgroup v2 those files do not exist, so every pod rescheduled onto the new pool dies at startup with NoSuchFileException (exit 1) while the two pods still on AL2 nodes run fine. Fix: make the library read cgroup v2 (memory.max, cpu.max) or keep the service on the AL2 pool until then; not a rollback.',
    ask: { service: 'wave-planner', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'wave-planner', selector: { app: 'wave-planner' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dock-scheduler', selector: { app: 'dock-scheduler' }, pods: other.pods }),
      nodeEvent(oldN[0] ?? '', 'NodeNotSchedulable', `Node ${oldN[0] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 42 }),
      ...newN.map((n) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 26 * HOURS - 1 })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 41),
      ...crashing.flatMap((p, k) => [
        scheduled(p, 41.5 - k * 0.1),
        ...restartedAgain(p, 'app', image, { count: 11 + k, firstAgo: 41.4 - k * 0.1, lastAgo: 1.6 + k * 0.7 }),
        backOff(p, 'app', { count: 170 + k * 5, firstAgo: 40.5, lastAgo: 0.3 }),
      ]),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 41), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(crashing[0])}`, firstAgo: 41.5, lastAgo: 41.5, component: 'replicaset-controller' }),
    ],
    logs: [
      logsFor(old0, 'app', { current: okLog(0) }),
      logsFor(old1, 'app', { current: okLog(1), previous: lines(sb(3 * DAYS, 'INFO', W, 'SpringApplicationShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'), sb(3 * DAYS, 'INFO', W, 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete')) }),
      ...crashing.map((p, k) => logsFor(p, 'app', { previous: crash(1.6 + k * 0.7), current: crash(0.2) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cgroup|memory\.limit_in_bytes|NoSuchFileException/i, /al2023|node ?(group|pool)|cgroup ?v2|new nodes/i],
      facts: [/memory\.limit_in_bytes/, /general-al2023|AL2023|Amazon Linux 2023/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /permission denied/i, /dock-scheduler/],
    },
  };
}

// ---- 6. a revision that changed the expected JWT audience ahead of its callers ---------------------

function jwtAudienceChangedByRevision(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.24', ['66', '143', '219']);
  const image = (v: string) => `${ECR}/commerce/orders-api:${v}`;
  const tpl = (v: string, audience: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'OIDC_ISSUER', value: 'https://login.acme-id.com/realms/commerce' },
        { name: 'OIDC_JWKS_URL', value: 'https://login.acme-id.com/realms/commerce/protocol/openid-connect/certs' },
        { name: 'OIDC_AUDIENCE', value: audience },
        { name: 'DATABASE_URL', value: 'postgres://orders@orders-db.commerce.svc:5432/orders?sslmode=disable' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 8 * DAYS, changeCause: 'argocd: orders-api 2.31.0', template: tpl('2.31.0', 'orders-api') },
      { revision: 27, createdAgo: 36, changeCause: 'argocd: orders-api 2.31.1', template: tpl('2.31.1', 'api://orders-api') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 35.5 - k * 0.7 })),
    settled: { available: true, availableSince: 34, progressingSince: 36, progressingUpdatedAgo: 34 },
  });
  const bffImage = `${ECR}/commerce/storefront-bff:7.4.0`;
  const bff = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 2,
    revisions: [{ revision: 64, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront-bff 7.4.0', template: { containers: [container({ image: bffImage, ports: [3000], env: [{ name: 'ORDERS_API_URL', value: 'http://orders-api.commerce.svc' }, { name: 'OIDC_CLIENT_ID', value: 'storefront-bff' }, { name: 'OIDC_TOKEN_AUDIENCE', value: 'orders-api' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 64, node: names[k + 1] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const other = bystander(ns, 'cart-service', names, 2 * HOURS + 10, { revisions: [90, 91], versions: ['3.2.7', '3.2.8'], olderAgo: 6 * DAYS });
  const callers = ['storefront-bff', 'returns-portal', 'ops-console'];
  const goLog = (k: number) => {
    const out: string[] = [
      `{"time":"${at(35.4 - k * 0.7)}","level":"INFO","msg":"starting orders-api","version":"2.31.1","commit":"4be01c9","addr":":8080"}`,
      `{"time":"${at(35.4 - k * 0.7)}","level":"INFO","msg":"oidc verifier configured","issuer":"https://login.acme-id.com/realms/commerce","jwks_keys":3}`,
      `{"time":"${at(35.3 - k * 0.7)}","level":"INFO","msg":"db pool ready","max_conns":25}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 33 - i * 2.3 - k * 0.1;
      const caller = callers[(i + k) % callers.length] ?? 'storefront-bff';
      out.push(`{"time":"${at(t)}","level":"WARN","msg":"token rejected","path":"/v1/orders","method":"${i % 3 === 0 ? 'POST' : 'GET'}","azp":"${caller}","error":"go-jose/go-jose/jwt: validation failed, invalid audience claim (aud)","remote":"10.0.2${k}.${40 + i}:5${1000 + i * 37}"}`);
      out.push(`{"time":"${at(t - 0.001)}","level":"INFO","msg":"request","method":"${i % 3 === 0 ? 'POST' : 'GET'}","path":"/v1/orders","status":401,"duration_ms":0.4}`);
      if (i % 6 === 0) out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"GET","path":"/readyz","status":200,"duration_ms":0.2}`);
      if (i === 5 && k === 0) out.push(`{"time":"${at(t - 0.02)}","level":"WARN","msg":"token rejected","path":"/v1/orders/ORD-771203","method":"GET","azp":"ops-console","error":"go-jose/go-jose/jwt: validation failed, token is expired (exp)","remote":"10.0.22.19:50114"}`);
    }
    return lines(...out);
  };
  const bffLog = (k: number) => lines(
    `{"level":"info","time":"${at(38 - k)}","msg":"POST /api/checkout 201","orderId":"ORD-77${1400 + k}","ms":212}`,
    ...[31, 24, 17, 9, 2].map((t) => `{"level":"error","time":"${at(t - k * 0.3)}","msg":"orders-api call failed","status":401,"body":"{\\"error\\":\\"invalid_token\\",\\"error_description\\":\\"token audience is not accepted\\"}","route":"POST /api/checkout"}`),
    `{"level":"warn","time":"${at(1)}","msg":"token cache: refreshed client_credentials token","client_id":"storefront-bff","aud":"orders-api","expires_in":300}`,
  );
  return {
    id: 'heldout62-jwt-audience-changed-by-revision',
    class: 'config',
    truth: 'Revision 27 of orders-api (2.31.1, 36 minutes ago) changed OIDC_AUDIENCE from "orders-api" to "api://orders-api", ahead of the identity-provider migration; the callers (storefront-bff, returns-portal, ops-console) still get tokens whose aud is "orders-api", so every request fails validation with "invalid audience claim (aud)" and is answered 401 while the pods stay healthy. Fix: accept both audiences (or roll back OIDC_AUDIENCE) until the callers request the new audience.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...bff.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 0, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 3, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 91), 2, 0, 2 * HOURS + 10),
      ...app.pods.map((p, k) => scheduled(p, 35.5 - k * 0.7)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: goLog(k) })),
      ...bff.pods.map((p, k) => logsFor(p, 'app', { current: bffLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/aud(ience)?\b|OIDC_AUDIENCE/i],
      facts: [/invalid audience|audience claim|\baud\b/i, /api:\/\/orders-api|OIDC_AUDIENCE/],
      never: [/token[^\n]*expired|expired token/i, /clock skew/i, /JWKS|signing key|signature/i, /cart-service/],
    },
  };
}

// ---- 7. healthy control: topology-aware routing refused, CDS warning under the OTel agent ----------

function healthyTopologyHintsRefused(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.118', ['25', '137', '210']);
  const image = `${ECR}/pricing/fx-quote:1.44.0`;
  const tpl = {
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-javaagent:/otel/opentelemetry-javaagent.jar -XX:MaxRAMPercentage=70' }, { name: 'OTEL_SERVICE_NAME', value: 'fx-quote' }, { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability:4317' }],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-quote',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 17 * DAYS, changeCause: 'argocd: fx-quote 1.43.2', template: { containers: [container({ image: `${ECR}/pricing/fx-quote:1.43.2`, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi' })] } },
      { revision: 23, createdAgo: 4 * DAYS, changeCause: 'argocd: fx-quote 1.44.0', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 4 * DAYS - k * 0.8 })),
  });
  const svc = service({ namespace: ns, name: 'fx-quote', selector: { app: 'fx-quote' }, createdAgo: 300 * DAYS });
  (svc.metadata ?? {}).annotations = { 'service.kubernetes.io/topology-mode': 'Auto' };
  const slice = endpointSliceFor(svc, app.pods);
  const other = bystander(ns, 'rate-ingestor', names, 6 * DAYS, { revisions: [30, 31], versions: ['0.18.0', '0.18.1'], olderAgo: 25 * DAYS });
  const F = 'fx-quote';
  const log = (k: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -javaagent:/otel/opentelemetry-javaagent.jar -XX:MaxRAMPercentage=70',
    'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
    `[otel.javaagent ${at(4 * DAYS - k * 0.8 - 0.1).replace('T', ' ').replace('Z', '').slice(0, 23)}:000 +0000] [main] INFO io.opentelemetry.javaagent.tooling.VersionLogger - opentelemetry-javaagent - version: 2.10.0`,
    sb(4 * DAYS - k * 0.8 - 0.4, 'INFO', F, 'main', 'c.a.pricing.fxquote.FxQuoteApplication', 'Started FxQuoteApplication in 17.311 seconds (process running for 19.02)'),
    sb(50 - k, 'INFO', F, 'scheduling-1', 'c.a.p.fxquote.rates.RateSnapshotLoader', 'Loaded rate snapshot 20261121T0300Z: 164 pairs, max age 2.1s'),
    sb(20 - k, 'INFO', F, 'scheduling-1', 'c.a.p.fxquote.rates.RateSnapshotLoader', 'Loaded rate snapshot 20261121T0305Z: 164 pairs, max age 1.8s'),
    sb(1.5 - k * 0.1, 'INFO', F, 'http-nio-8080-exec-3', 'c.a.p.fxquote.api.QuoteController', `GET /v2/quotes?pair=EURGBP 200 (${4 + k} ms)`),
    sb(0.4, 'INFO', F, 'http-nio-8080-exec-8', 'c.a.p.fxquote.api.QuoteController', `GET /v2/quotes?pair=USDPLN 200 (${6 + k} ms)`),
  );
  return {
    id: 'heldout62-healthy-topology-hints-refused',
    class: 'healthy',
    truth: 'fx-quote is healthy: three ready pods of revision 23 (four days old) answer quotes in a few milliseconds. The Service asks for topology-aware routing (topology-mode Auto), which the EndpointSlice controller refuses with a recurring TopologyAwareHintsDisabled warning because three endpoints over three zones are too few — traffic simply stays zone-agnostic — and each JVM prints a harmless CDS "Sharing is only supported for boot loader classes" warning because the OpenTelemetry agent appends to the bootstrap classpath.',
    ask: { service: 'fx-quote', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'rate-ingestor', selector: { app: 'rate-ingestor' }, pods: other.pods }),
      event({ on: { kind: 'Service', name: 'fx-quote', namespace: ns }, reason: 'TopologyAwareHintsDisabled', message: 'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold (3 endpoints, 3 zones), addressType: IPv4', count: 23, firstAgo: 4 * DAYS, lastAgo: 37, component: 'endpoint-slice-controller' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 0, 4 * DAYS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 3, 4 * DAYS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/fx-quote|healthy|ready|running/i],
      facts: [/fx-quote/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /rate-ingestor/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongoWiredTigerCacheFromHost(),
  revocationCheckBlockedByEgressPolicy(),
  projectedConfigMapKeyCollision(),
  huggingFaceHub429AfterScaleOut(),
  cgroupV1PathsOnV2Pool(),
  jwtAudienceChangedByRevision(),
  healthyTopologyHintsRefused(),
];

