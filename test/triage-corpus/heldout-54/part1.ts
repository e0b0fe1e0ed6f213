// Held-out stories, fifty-fourth round, part one: a ZooKeeper ensemble re-created under a new
// StatefulSet name whose ConfigMap numbers its servers 0–2 while the start script writes
// myid = ordinal + 1, so zookeeper-2 exits "My id 3 not in the peer list" and the other two never
// form a quorum; a KRaft Kafka whose controllers were scaled 3 → 1 while controller.quorum.voters
// still lists three voters, so no controller is elected and a restarted broker cannot register;
// an OpenTelemetry gateway collector whose memory_limiter refuses data since a search-api release
// put raw request paths into http.route (a spanmetrics dimension); a checkout service whose Unleash
// SDK cannot resolve the feature-flag Service the Unleash chart renamed, so new pods serve the
// default (off) for klarna-pay-later and only log WARN; a second Postgres read replica whose
// pg_basebackup is refused because max_wal_senders is used up; a Kafka consumer group with one
// hot partition since the producer keyed events by tenant; and a healthy control: a Node 18
// service with Fetch API ExperimentalWarnings, event-loop-delay debug lines and a completed
// migration Job.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, daemonSetApp, deploymentApp,
  epochMs, event, every, execProbe, exposed, hpa, httpProbe, job, jobEvent, probeFailed, pulledFresh, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe,
  clusterIpOf, endpointSliceFor, volumeOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const stsRef = (ns: string, name: string) => ({ kind: 'StatefulSet', name, namespace: ns });

/** Kafka's log4j time: `[2026-11-21 03:12:41,563]`. */
const kTime = (m: number): string => `[${pyTime(m)}]`;
/** Postgres' log_line_prefix time as the Bitnami image sets it: `2026-11-21 03:12:41.563 GMT`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' GMT');
/** The Bitnami scripts' time: `03:12:41.56`. */
const bnTime = (m: number): string => at(m).slice(11, 22);
/** Go's standard logger: `2026/11/21 03:12:41`. */
const goTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. ZooKeeper re-created as `zookeeper`: 0-based server list, myid = ordinal + 1 --------------

function zookeeperServerListOffByOne(): CorpusScenario {
  const ns = 'coordination';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '212']);
  const image = 'docker.io/library/zookeeper:3.9.3';
  const headless = 'zookeeper-headless';
  const fqdn = (i: number) => `zookeeper-${i}.${headless}.${ns}.svc.cluster.local`;
  const zk = container({
    name: 'zookeeper',
    image,
    command: ['/bin/bash', '/scripts/start.sh'],
    env: [{ name: 'ZOOCFGDIR', value: '/conf' }, { name: 'JVMFLAGS', value: '-Xms512m -Xmx1g -XX:+UseG1GC' }, { name: 'ZOO_LOG_DIR', value: '/logs' }],
    ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }, { name: 'metrics', containerPort: 7000 }],
    cpu: '500m',
    memory: '1536Mi',
    readiness: execProbe(['/bin/bash', '-c', 'zkServer.sh status'], { timeoutSeconds: 5 }),
    liveness: execProbe(['/bin/bash', '-c', 'echo ruok | nc -w 2 127.0.0.1 2181 | grep imok'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
    volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/conf' }, { name: 'scripts', mountPath: '/scripts' }],
  });
  const tpl = {
    containers: [zk],
    volumes: [{ name: 'config', configMap: { name: 'zookeeper-config' } }, { name: 'scripts', configMap: { name: 'zookeeper-scripts', defaultMode: 0o755 } }],
    securityContext: { fsGroup: 1000, runAsUser: 1000, runAsNonRoot: true },
    terminationGracePeriodSeconds: 60,
    labels: { 'app.kubernetes.io/name': 'zookeeper', 'app.kubernetes.io/instance': 'zookeeper' },
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'zookeeper',
    replicas: 3,
    serviceName: headless,
    podManagementPolicy: 'Parallel',
    createdAgo: 44,
    revisions: [{ revision: 1, createdAgo: 44, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 44, containers: { zookeeper: running({ sinceAgo: 43.6, ready: false }) } },
      { revision: 1, ordinal: 1, node: names[1] ?? '', createdAgo: 44, containers: { zookeeper: running({ sinceAgo: 43.6, ready: false }) } },
      { revision: 1, ordinal: 2, node: names[2] ?? '', createdAgo: 44, containers: { zookeeper: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 3 }, 13) } },
    ],
  });
  const [zk0, zk1, zk2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const zk2Ip = ipOfPod(zk2);
  const zooCfg = [
    'dataDir=/data',
    'dataLogDir=/data/txnlog',
    'tickTime=2000',
    'initLimit=10',
    'syncLimit=5',
    'maxClientCnxns=60',
    'standaloneEnabled=false',
    'reconfigEnabled=false',
    'quorumListenOnAllIPs=true',
    'admin.enableServer=false',
    '4lw.commands.whitelist=srvr,ruok,mntr,conf',
    'autopurge.snapRetainCount=3',
    'autopurge.purgeInterval=24',
    'metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider',
    'metricsProvider.httpPort=7000',
    `server.0=${fqdn(0)}:2888:3888;2181`,
    `server.1=${fqdn(1)}:2888:3888;2181`,
    `server.2=${fqdn(2)}:2888:3888;2181`,
  ].join('\n') + '\n';
  const startSh = [
    '#!/bin/bash',
    'set -euo pipefail',
    'HOST=$(hostname -s)',
    'if [[ $HOST =~ (.*)-([0-9]+)$ ]]; then',
    '  ORD=${BASH_REMATCH[2]}',
    'else',
    '  echo "cannot derive ordinal from hostname $HOST" >&2; exit 1',
    'fi',
    '# ZooKeeper server ids start at 1',
    'MY_ID=$((ORD + 1))',
    'mkdir -p /data/txnlog',
    'echo "$MY_ID" > /data/myid',
    'echo "start.sh: host $HOST, ordinal $ORD, myid $MY_ID"',
    'exec zkServer.sh start-foreground',
  ].join('\n') + '\n';
  const claims = [0, 1, 2].flatMap((i) => [
    ...boundClaim({ namespace: ns, name: `data-zookeeper-${i}`, storage: '10Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 44, labels: { app: 'zookeeper' } }),
    // The volumes of the StatefulSet the migration replaced (`zk`): claims outlive their StatefulSet.
    ...boundClaim({ namespace: ns, name: `data-zk-${i}`, storage: '10Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 412 * DAYS, labels: { app: 'zk' } }),
  ]);
  const other = bystander(ns, 'lock-broker', names, 26, { revisions: [14, 15], versions: ['2.7.0', '2.7.1'], olderAgo: 23 * DAYS });
  const zt = (m: number) => pyTime(m);
  const banner = (id: number, t: number) => [
    `start.sh: host zookeeper-${id - 1}, ordinal ${id - 1}, myid ${id}`,
    'ZooKeeper JMX enabled by default',
    'Using config: /conf/zoo.cfg',
    `${zt(t)} [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@177] - Reading configuration from: /conf/zoo.cfg`,
    `${zt(t)} [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@440] - clientPortAddress is 0.0.0.0:2181`,
    `${zt(t)} [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@444] - secureClientPort is not set`,
    `${zt(t)} [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@460] - observerMasterPort is not set`,
    `${zt(t)} [myid:${id}] - INFO  [main:o.a.z.s.DatadirCleanupManager@78] - autopurge.snapRetainCount set to 3`,
    `${zt(t)} [myid:${id}] - INFO  [main:o.a.z.s.DatadirCleanupManager@79] - autopurge.purgeInterval set to 24`,
    `${zt(t - 0.002)} [myid:${id}] - INFO  [main:o.a.z.m.p.PrometheusMetricsProvider@174] - Initializing Prometheus metrics with Jetty, host: 0.0.0.0, port: 7000`,
    `${zt(t - 0.003)} [myid:${id}] - INFO  [main:o.a.z.s.q.QuorumPeerMain@149] - Starting quorum peer, myid=${id}`,
    `${zt(t - 0.003)} [myid:${id}] - INFO  [main:o.a.z.s.ServerCnxnFactory@169] - Using org.apache.zookeeper.server.NIOServerCnxnFactory as server connection factory`,
    `${zt(t - 0.004)} [myid:${id}] - INFO  [main:o.a.z.s.q.QuorumPeer@1805] - initLimit set to 10`,
    `${zt(t - 0.004)} [myid:${id}] - INFO  [main:o.a.z.s.q.QuorumPeer@1992] - syncLimit set to 5`,
  ];
  const crashRun = (t: number) => [
    ...banner(3, t),
    `${zt(t - 0.005)} [myid:3] - INFO  [main:o.a.z.s.p.FileTxnSnapLog@124] - zookeeper.snapshot.trust.empty : false`,
    `${zt(t - 0.006)} [myid:3] - ERROR [main:o.a.z.s.q.QuorumPeerMain@114] - Unexpected exception, exiting abnormally`,
    'java.lang.RuntimeException: My id 3 not in the peer list',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeer.start(QuorumPeer.java:1141)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeerMain.runFromConfig(QuorumPeerMain.java:229)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeerMain.initializeAndRun(QuorumPeerMain.java:137)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeerMain.main(QuorumPeerMain.java:91)',
    `${zt(t - 0.006)} [myid:3] - INFO  [main:o.a.z.a.ZKAuditProvider@42] - ZooKeeper audit is disabled.`,
    `${zt(t - 0.007)} [myid:3] - ERROR [main:o.a.z.u.ServiceUtils@48] - Exiting JVM with code 1`,
  ];
  const qp = (id: number) => `QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled)`;
  const follower = (t: number, i: number) => lines(
    `${zt(t)} [myid:1] - INFO  [${qp(1)}:o.a.z.s.q.QuorumPeer@1520] - LOOKING`,
    `${zt(t)} [myid:1] - INFO  [${qp(1)}:o.a.z.s.q.FastLeaderElection@946] - New election. My id = 1, proposed zxid=0x0`,
    `${zt(t - 0.004)} [myid:1] - WARN  [QuorumConnectionThread-[myid=1]-${i + 3}:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 2 at election address ${fqdn(2)}/${zk2Ip}:3888`,
    'java.net.ConnectException: Connection refused',
    `${zt(t - 0.006)} [myid:1] - INFO  [WorkerReceiver[myid=1]:o.a.z.s.q.FastLeaderElection$Messenger$WorkerReceiver@390] - Notification: my state:LOOKING; n.sid:2, n.state:LOOKING, n.leader:2, n.round:0x${(i + 2).toString(16)}, n.peerEpoch:0x0, n.zxid:0x0, message format version:0x2, n.config version:0x0`,
    `${zt(t - 0.01)} [myid:1] - INFO  [${qp(1)}:o.a.z.s.q.QuorumPeer@1532] - FOLLOWING`,
    `${zt(t - 0.35)} [myid:1] - WARN  [${qp(1)}:o.a.z.s.q.Learner@313] - Unexpected exception, tries=4, remaining init limit=0, connecting to ${fqdn(2)}/${zk2Ip}:2888`,
    'java.net.ConnectException: Connection refused',
    `${zt(t - 0.35)} [myid:1] - WARN  [${qp(1)}:o.a.z.s.q.Follower@133] - Exception when following the leader`,
    'java.net.ConnectException: Connection refused',
    `${zt(t - 0.35)} [myid:1] - INFO  [${qp(1)}:o.a.z.s.q.Follower@291] - shutdown Follower`,
    `${zt(t - 0.36)} [myid:1] - INFO  [${qp(1)}:o.a.z.s.q.QuorumPeer@916] - Peer state changed: looking`,
  );
  const leader = (t: number, i: number) => lines(
    `${zt(t)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.QuorumPeer@1520] - LOOKING`,
    `${zt(t)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.FastLeaderElection@946] - New election. My id = 2, proposed zxid=0x0`,
    `${zt(t - 0.004)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.QuorumPeer@1544] - LEADING`,
    `${zt(t - 0.004)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.Leader@581] - LEADING - LEADER ELECTION TOOK - ${180 + (i * 37) % 90} MS`,
    `${zt(t - 0.005)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.QuorumPeer@916] - Peer state changed: leading - discovery`,
    `${zt(t - 0.34)} [myid:2] - WARN  [${qp(2)}:o.a.z.s.q.QuorumPeer@1576] - Unexpected exception`,
    'java.lang.InterruptedException: Timeout while waiting for epoch from quorum',
    '\tat org.apache.zookeeper.server.quorum.Leader.getEpochToPropose(Leader.java:1543)',
    '\tat org.apache.zookeeper.server.quorum.Leader.lead(Leader.java:612)',
    '\tat org.apache.zookeeper.server.quorum.QuorumPeer.run(QuorumPeer.java:1578)',
    `${zt(t - 0.34)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.Leader@835] - Shutting down`,
    `${zt(t - 0.35)} [myid:2] - INFO  [${qp(2)}:o.a.z.s.q.QuorumPeer@916] - Peer state changed: looking`,
  );
  const statusOut = 'ZooKeeper JMX enabled by default\nUsing config: /conf/zoo.cfg\nClient port found: 2181. Client address: localhost. Client SSL: false.\nError contacting service. It is probably not running.';
  const createdBy = (i: number) => [
    event({ on: stsRef(ns, 'zookeeper'), type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-zookeeper-${i} Pod zookeeper-${i} in StatefulSet zookeeper success`, firstAgo: 44, lastAgo: 44, component: 'statefulset-controller' }),
    event({ on: stsRef(ns, 'zookeeper'), type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod zookeeper-${i} in StatefulSet zookeeper successful`, firstAgo: 44, lastAgo: 44, component: 'statefulset-controller' }),
  ];
  return {
    id: 'heldout54-zookeeper-server-list-myid-mismatch',
    class: 'config',
    truth: 'The ZooKeeper ensemble was migrated 44 minutes ago from the old `zk` StatefulSet to a new `zookeeper` StatefulSet (new chart, Parallel pod management, new claims). The new ConfigMap zookeeper-config numbers the servers server.0–server.2 after the pod ordinals, but the start script writes myid = ordinal + 1. zookeeper-2 gets myid 3, which is not in the server list: ZooKeeper exits "My id 3 not in the peer list" (exit 1, CrashLoopBackOff). zookeeper-0 and zookeeper-1 (myid 1 and 2) take the addresses of their neighbours, elect server 2 whose quorum address is the crash-looping zookeeper-2, and never form a quorum, so no member serves clients. Fix: number the server list 1–3 (or the script from the ordinal) and restart the ensemble.',
    ask: { service: 'zookeeper', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...other.objects, ...claims,
      ...exposed({ namespace: ns, name: headless, selector: { app: 'zookeeper' }, headless: true, createdAgo: 44, ports: [{ name: 'client', port: 2181, targetPort: 2181 }, { name: 'quorum', port: 2888, targetPort: 2888 }, { name: 'election', port: 3888, targetPort: 3888 }], pods: sts.pods, endpointPort: 2181 }),
      ...exposed({ namespace: ns, name: 'zookeeper', selector: { app: 'zookeeper' }, createdAgo: 44, ports: [{ name: 'client', port: 2181, targetPort: 'client' }], pods: sts.pods, endpointPort: 2181 }),
      ...exposed({ namespace: ns, name: 'lock-broker', selector: { app: 'lock-broker' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'zookeeper-config', createdAgo: 44, data: { 'zoo.cfg': zooCfg, 'java.env': 'SERVER_JVMFLAGS="-Xms512m -Xmx1g"\n' } }),
      configMap({ namespace: ns, name: 'zookeeper-scripts', createdAgo: 44, data: { 'start.sh': startSh } }),
      ...createdBy(0), ...createdBy(1), ...createdBy(2),
      ...pulledFresh(zk0, 'zookeeper', image, { atAgo: 44, bytes: 147_812_331, seconds: 6.418 }),
      ...pulledFresh(zk1, 'zookeeper', image, { atAgo: 44, bytes: 147_812_331, seconds: 5.902 }),
      ...pulledFresh(zk2, 'zookeeper', image, { atAgo: 44, bytes: 147_812_331, seconds: 6.77 }),
      ...[zk0, zk1].flatMap((p) => restartedAgain(p, 'zookeeper', image, { count: 1, firstAgo: 43.6, lastAgo: 43.6 }).slice(1)),
      ...restartedAgain(zk2, 'zookeeper', image, { count: 13, firstAgo: 43.6, lastAgo: 1.95 }),
      backOff(zk2, 'zookeeper', { count: 181, firstAgo: 43.3, lastAgo: 0.3 }),
      probeFailed(zk0, 'zookeeper', 'Readiness', statusOut, { count: 259, firstAgo: 43.2, lastAgo: 0.1 }),
      probeFailed(zk1, 'zookeeper', 'Readiness', statusOut, { count: 258, firstAgo: 43.2, lastAgo: 0.2 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 26),
    ],
    logs: [
      logsFor(zk2, 'zookeeper', { previous: lines(...crashRun(1.95)) }),
      logsFor(zk0, 'zookeeper', { current: lines(...banner(1, 43.55), `${zt(43.54)} [myid:1] - INFO  [main:o.a.z.s.p.FileTxnSnapLog@124] - zookeeper.snapshot.trust.empty : false`, `${zt(43.53)} [myid:1] - INFO  [ListenerHandler-0.0.0.0/0.0.0.0:3888:o.a.z.s.q.QuorumCnxManager$Listener$ListenerHandler@1078] - 1 is accepting connections now, my election bind port: 0.0.0.0/0.0.0.0:3888`) + every(43.5, 0.45, 70, follower) }),
      logsFor(zk1, 'zookeeper', { current: lines(...banner(2, 43.55), `${zt(43.54)} [myid:2] - INFO  [main:o.a.z.s.p.FileTxnSnapLog@124] - zookeeper.snapshot.trust.empty : false`, `${zt(43.53)} [myid:2] - INFO  [ListenerHandler-0.0.0.0/0.0.0.0:3888:o.a.z.s.q.QuorumCnxManager$Listener$ListenerHandler@1078] - 2 is accepting connections now, my election bind port: 0.0.0.0/0.0.0.0:3888`) + every(43.45, 0.45, 70, leader) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(24)}","level":"INFO","msg":"lock-broker 2.7.1 listening","addr":":8080"}`, `{"time":"${at(1.1)}","level":"WARN","msg":"zookeeper session not established, serving from local lease cache","connect_string":"zookeeper.coordination.svc.cluster.local:2181","state":"CONNECTING"}`, `{"time":"${at(0.6)}","level":"INFO","msg":"GET /healthz","status":200}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/my ?id|peer list|server list|server\.[0-2]|zoo\.cfg|zookeeper-config/i],
      facts: [lit('My id 3 not in the peer list'), /zookeeper-config/, /quorum/i, /zookeeper-2/],
      never: [/\bOOM/, /ImagePull|image pull/i, /Insufficient (cpu|memory)/, /(increase|raise|lengthen)[^\n]*(probe|initialDelay|timeoutSeconds)/i, /lock-broker[^\n]*(caus|broke|introduc)/i],
    },
  };
}

// ---- 2. KRaft controllers scaled 3 → 1, controller.quorum.voters still lists three ---------------

function kraftVotersAfterControllerScaleDown(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '167', '91']);
  const image = 'docker.io/apache/kafka:3.9.1';
  const ctlHost = (i: number) => `kafka-controller-${i}.kafka-controller-headless.${ns}.svc.cluster.local`;
  const brkHost = (i: number) => `kafka-broker-${i}.kafka-broker-headless.${ns}.svc.cluster.local`;
  const voters = [0, 1, 2].map((i) => `${i}@${ctlHost(i)}:9093`).join(',');
  const kafkaContainer = (role: 'controller' | 'broker') => container({
    name: 'kafka',
    image,
    command: ['/bin/bash', '/opt/scripts/run.sh', role],
    env: [
      { name: 'KAFKA_HEAP_OPTS', value: role === 'controller' ? '-Xms1g -Xmx1g' : '-Xms4g -Xmx4g' },
      { name: 'CLUSTER_ID', value: 'q7Vt2mXbRk6F1sJ0cW9hNA' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    ],
    ports: role === 'controller' ? [{ name: 'controller', containerPort: 9093 }] : [{ name: 'kafka', containerPort: 9092 }, { name: 'metrics', containerPort: 9404 }],
    cpu: role === 'controller' ? '500m' : '2',
    memory: role === 'controller' ? '2Gi' : '8Gi',
    readiness: tcpProbe(role === 'controller' ? 'controller' : 'kafka', { initialDelaySeconds: 10 }),
    liveness: tcpProbe(role === 'controller' ? 'controller' : 'kafka', { initialDelaySeconds: 120, failureThreshold: 6 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }, { name: 'config', mountPath: '/opt/kafka/config/k8s' }, { name: 'scripts', mountPath: '/opt/scripts' }],
  });
  const volumes = [{ name: 'config', configMap: { name: 'kafka-config' } }, { name: 'scripts', configMap: { name: 'kafka-scripts', defaultMode: 0o755 } }];
  const ctl = statefulSetApp({
    namespace: ns,
    name: 'kafka-controller',
    replicas: 1,
    serviceName: 'kafka-controller-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 214 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: { containers: [kafkaContainer('controller')], volumes, terminationGracePeriodSeconds: 60 } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 6 * DAYS }],
  });
  const brokerTpl = (checksum: string) => ({ containers: [kafkaContainer('broker')], volumes, terminationGracePeriodSeconds: 120, annotations: { 'checksum/config': checksum } });
  const brk = statefulSetApp({
    namespace: ns,
    name: 'kafka-broker',
    replicas: 3,
    serviceName: 'kafka-broker-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 214 * DAYS,
    revisions: [
      { revision: 11, createdAgo: 61 * DAYS, template: brokerTpl('5b1f0c7e2d9a4f3b8e6c1a7d0f2e9b4c3a8d7e6f5b4c3d2e1f0a9b8c7d6e5f4a') },
      { revision: 12, createdAgo: 38, template: brokerTpl('9e2d4c1b0a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 11, ordinal: 0, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 11, ordinal: 1, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 12, ordinal: 2, node: names[2] ?? '', createdAgo: 37.6, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 64 }, 9) } },
    ],
  });
  const ctl0 = podOf(ctl, 0);
  const [b0, b1, b2] = [podOf(brk, 0), podOf(brk, 1), podOf(brk, 2)];
  const relayImage = `${ECR}/streaming/order-outbox-relay:1.19.4`;
  const relay = deploymentApp({
    namespace: ns,
    name: 'order-outbox-relay',
    replicas: 2,
    revisions: [{ revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: order-outbox-relay 1.19.4', template: { containers: [container({ image: relayImage, env: [{ name: 'KAFKA_BOOTSTRAP', value: `kafka-broker-headless.${ns}.svc.cluster.local:9092` }, { name: 'KAFKA_ACKS', value: 'all' }], memory: '768Mi' })] } }],
    pods: [{ revision: 23, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 23, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const controllerProps = [
    'process.roles=controller',
    'controller.listener.names=CONTROLLER',
    'listeners=CONTROLLER://:9093',
    `controller.quorum.voters=${voters}`,
    'log.dirs=/var/lib/kafka/data',
    'metadata.log.max.record.bytes.between.snapshots=20971520',
  ].join('\n') + '\n';
  const brokerProps = [
    'process.roles=broker',
    'controller.listener.names=CONTROLLER',
    'listeners=PLAINTEXT://:9092',
    'advertised.listeners=PLAINTEXT://${POD_NAME}.kafka-broker-headless.streaming.svc.cluster.local:9092',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `controller.quorum.voters=${voters}`,
    'log.dirs=/var/lib/kafka/data',
    'num.partitions=12',
    'default.replication.factor=3',
    'min.insync.replicas=2',
    'num.network.threads=6',
    'num.io.threads=16',
    'log.retention.hours=168',
    'initial.broker.registration.timeout.ms=60000',
  ].join('\n') + '\n';
  const runSh = [
    '#!/bin/bash',
    'set -euo pipefail',
    'ROLE=$1',
    'ORD=${HOSTNAME##*-}',
    'if [[ $ROLE == controller ]]; then NODE_ID=$ORD; else NODE_ID=$((100 + ORD)); fi',
    'cp /opt/kafka/config/k8s/${ROLE}.properties /tmp/server.properties',
    'echo "node.id=${NODE_ID}" >> /tmp/server.properties',
    'sed -i "s/\\${POD_NAME}/${HOSTNAME}/" /tmp/server.properties',
    '/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c /tmp/server.properties',
    'exec /opt/kafka/bin/kafka-server-start.sh /tmp/server.properties',
  ].join('\n') + '\n';
  const unknownHost = (who: string, i: number) => [
    `WARN [${who}] Error connecting to node ${ctlHost(i)}:9093 (id: ${i} rack: null) (org.apache.kafka.clients.NetworkClient)`,
    `java.net.UnknownHostException: ${ctlHost(i)}: Name or service not known`,
    '\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)',
    '\tat java.base/java.net.InetAddress$PlatformResolver.lookupByName(InetAddress.java:1211)',
    '\tat org.apache.kafka.clients.DefaultHostResolver.resolve(DefaultHostResolver.java:27)',
  ];
  const brokerRun = (t: number) => [
    `${kTime(t)} INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
    `${kTime(t - 0.008)} INFO [BrokerServer id=102] Transition from SHUTDOWN to STARTING (kafka.server.BrokerServer)`,
    `${kTime(t - 0.009)} INFO [SharedServer id=102] Starting SharedServer (kafka.server.SharedServer)`,
    `${kTime(t - 0.011)} INFO [RaftManager id=102] Reading KRaft snapshot and log as part of the initialization (org.apache.kafka.raft.KafkaRaftClient)`,
    `${kTime(t - 0.012)} INFO [RaftManager id=102] Starting voters are VoterSet(voters={0=VoterNode(voterKey=ReplicaKey(id=0, directoryId=<undefined>), listeners=Endpoints(endpoints={ListenerName(CONTROLLER)=${ctlHost(0)}/<unresolved>:9093}), supportedKRaftVersion=SupportedVersionRange[min_version:0, max_version:0]), 1=VoterNode(voterKey=ReplicaKey(id=1, directoryId=<undefined>), listeners=Endpoints(endpoints={ListenerName(CONTROLLER)=${ctlHost(1)}/<unresolved>:9093}), supportedKRaftVersion=SupportedVersionRange[min_version:0, max_version:0]), 2=VoterNode(voterKey=ReplicaKey(id=2, directoryId=<undefined>), listeners=Endpoints(endpoints={ListenerName(CONTROLLER)=${ctlHost(2)}/<unresolved>:9093}), supportedKRaftVersion=SupportedVersionRange[min_version:0, max_version:0])}) (org.apache.kafka.raft.KafkaRaftClient)`,
    `${kTime(t - 0.013)} INFO [RaftManager id=102] Completed transition to UnattachedState(epoch=211, leaderId=OptionalInt.empty, votedKey=Optional.empty, voters=[0, 1, 2], electionTimeoutMs=1741, highWatermark=Optional.empty) from null (org.apache.kafka.raft.QuorumState)`,
    `${kTime(t - 0.015)} INFO [kafka-102-raft-outbound-request-thread]: Starting (org.apache.kafka.raft.KafkaNetworkChannel$SendThread)`,
    `${kTime(t - 0.015)} INFO [kafka-102-raft-io-thread]: Starting (org.apache.kafka.raft.KafkaRaftClientDriver)`,
    `${kTime(t - 0.018)} INFO [MetadataLoader id=102] initializeNewPublishers: the loader is still catching up because we still don't know the high water mark yet. (org.apache.kafka.image.loader.MetadataLoader)`,
    `${kTime(t - 0.02)} INFO [BrokerServer id=102] Starting broker (kafka.server.BrokerServer)`,
    `${kTime(t - 0.024)} ${unknownHost('RaftManager id=102', 2)[0] ?? ''}`,
    ...unknownHost('RaftManager id=102', 2).slice(1),
    `${kTime(t - 0.03)} INFO [BrokerLifecycleManager id=102] Incarnation 7hFJq0XGQzS2c1vKkPqW8g of broker 102 in cluster q7Vt2mXbRk6F1sJ0cW9hNA is now STARTING. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 0.05)} ${unknownHost('RaftManager id=102', 1)[0] ?? ''}`,
    ...unknownHost('RaftManager id=102', 1).slice(1),
    `${kTime(t - 0.09)} INFO [MetadataLoader id=102] initializeNewPublishers: the loader is still catching up because we still don't know the high water mark yet. (org.apache.kafka.image.loader.MetadataLoader)`,
    `${kTime(t - 0.1)} INFO [BrokerLifecycleManager id=102] Unable to register the broker because the RPC got timed out before it could be sent. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 0.4)} INFO [BrokerLifecycleManager id=102] Unable to register the broker because the RPC got timed out before it could be sent. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 0.6)} INFO [MetadataLoader id=102] initializeNewPublishers: the loader is still catching up because we still don't know the high water mark yet. (org.apache.kafka.image.loader.MetadataLoader)`,
    `${kTime(t - 0.8)} INFO [BrokerLifecycleManager id=102] Unable to register the broker because the RPC got timed out before it could be sent. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 1.01)} ERROR [BrokerLifecycleManager id=102] Shutting down because we were unable to register with the controller quorum. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 1.01)} INFO [BrokerLifecycleManager id=102] Transitioning from STARTING to SHUTTING_DOWN. (kafka.server.BrokerLifecycleManager)`,
    `${kTime(t - 1.012)} ERROR [BrokerServer id=102] Received a fatal error while waiting for the controller to acknowledge that we are caught up (kafka.server.BrokerServer)`,
    'java.util.concurrent.CancellationException',
    `${kTime(t - 1.016)} ERROR [BrokerServer id=102] Fatal error during broker startup. Prepare to shutdown (kafka.server.BrokerServer)`,
    'java.lang.RuntimeException: Received a fatal error while waiting for the controller to acknowledge that we are caught up',
    '\tat org.apache.kafka.server.util.FutureUtils.waitWithLogging(FutureUtils.java:73)',
    '\tat kafka.server.BrokerServer.startup(BrokerServer.scala:498)',
    '\tat kafka.server.KafkaRaftServer.$anonfun$startup$2(KafkaRaftServer.scala:99)',
    `${kTime(t - 1.05)} INFO [BrokerServer id=102] shut down completed (kafka.server.BrokerServer)`,
    `${kTime(t - 1.06)} ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)`,
  ];
  const election = (t: number, i: number) => lines(
    `${kTime(t)} INFO [RaftManager id=0] Election has timed out, backing off for ${900 + (i * 131) % 400}ms before becoming a candidate again (org.apache.kafka.raft.KafkaRaftClient)`,
    `${kTime(t - 0.018)} INFO [RaftManager id=0] Re-elect as candidate after election backoff has completed (org.apache.kafka.raft.KafkaRaftClient)`,
    `${kTime(t - 0.018)} INFO [RaftManager id=0] Completed transition to CandidateState(localId=0, localDirectoryId=Yq3cW8ZpT0G1nH5vK2dJrA, epoch=${233 + i}, retries=${58 + i}, voteStates={0=GRANTED, 1=UNRECORDED, 2=UNRECORDED}, highWatermark=Optional[LogOffsetMetadata(offset=48211907, metadata=Optional.empty)], electionTimeoutMs=${1100 + (i * 97) % 800}) from CandidateState(localId=0, localDirectoryId=Yq3cW8ZpT0G1nH5vK2dJrA, epoch=${232 + i}, retries=${57 + i}, voteStates={0=GRANTED, 1=UNRECORDED, 2=UNRECORDED}, highWatermark=Optional[LogOffsetMetadata(offset=48211907, metadata=Optional.empty)], electionTimeoutMs=1526) (org.apache.kafka.raft.QuorumState)`,
    `${kTime(t - 0.02)} ${unknownHost('RaftManager id=0', 1)[0] ?? ''}`,
    ...unknownHost('RaftManager id=0', 1).slice(1),
    `${kTime(t - 0.021)} ${unknownHost('RaftManager id=0', 2)[0] ?? ''}`,
    ...unknownHost('RaftManager id=0', 2).slice(1),
  );
  const oldBroker = (id: number) => (t: number, i: number) => lines(
    `${kTime(t)} INFO [BrokerLifecycleManager id=${id}] Unable to send a heartbeat because the RPC got timed out before it could be sent. (kafka.server.BrokerLifecycleManager)`,
    ...(i % 3 === 0 ? [`${kTime(t - 0.01)} ${unknownHost(`RaftManager id=${id}`, 1 + (i % 2))[0] ?? ''}`, ...unknownHost(`RaftManager id=${id}`, 1 + (i % 2)).slice(1)] : []),
    ...(i % 4 === 1 ? [`${kTime(t - 0.02)} INFO [Partition orders-${(i * 5) % 12} broker=${id}] Shrinking ISR from 100,101,102 to ${id === 100 ? '100,101' : '101,100'}. Leader: (highWatermark: ${88_120_000 + i * 311}, endOffset: ${88_120_940 + i * 317}). Out of sync replicas: (brokerId: 102, endOffset: ${88_120_000 + i * 311}, lastCaughtUpTimeMs: ${epochMs(37.7)}). (kafka.cluster.Partition)`] : []),
  );
  const relayLog = (t: number, i: number) => lines(
    `${pyTime(t)} WARN  [kafka-producer-network-thread | order-outbox-relay-1] o.a.k.c.p.i.Sender : [Producer clientId=order-outbox-relay-1] Got error produce response with correlation id ${812_400 + i * 7} on topic-partition orders-${(i * 7) % 12}, retrying (2147483646 attempts left). Error: REQUEST_TIMED_OUT. Error Message: Disconnected from node 102 due to timeout`,
    `${pyTime(t - 0.01)} ERROR [outbox-poller-1] c.a.o.relay.OutboxPublisher : publish failed for outbox batch ${44_120 + i}, will retry: org.apache.kafka.common.errors.TimeoutException: Expiring ${30 + (i * 7) % 25} record(s) for orders-${(i * 7 + 2) % 12}:120001 ms has passed since batch creation`,
  );
  return {
    id: 'heldout54-kraft-controllers-scaled-below-voters',
    class: 'config',
    truth: 'A right-sizing change 38 minutes ago scaled the KRaft controller StatefulSet kafka-controller from 3 replicas to 1 ("controllers are idle") and, in the same sync, bumped num.network.threads in kafka-config, which rolls the brokers. controller.quorum.voters (ConfigMap kafka-config) still lists three voters, 0–2: kafka-controller-1 and -2 no longer exist (UnknownHostException), so kafka-controller-0 stays a candidate with one vote of three and the cluster has no active controller. kafka-broker-2, the first broker the rollout restarted, cannot register with the controller quorum and exits after 60 s (CrashLoopBackOff), the rollout is stuck, and the two old brokers cannot shrink ISRs or elect leaders without a controller, so acks=all producers (order-outbox-relay) time out. Fix: scale kafka-controller back to 3 (the voter set is static); the broker revision is not the cause.',
    ask: { service: 'kafka-broker', namespace: ns },
    objects: [
      ...nodes, ...ctl.objects, ...brk.objects, ...relay.objects,
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-controller-${i}`, storage: '20Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 214 * DAYS, labels: { app: 'kafka-controller' } })),
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-broker-${i}`, storage: '500Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 214 * DAYS, labels: { app: 'kafka-broker' } })),
      ...exposed({ namespace: ns, name: 'kafka-controller-headless', selector: { app: 'kafka-controller' }, headless: true, ports: [{ name: 'controller', port: 9093, targetPort: 9093 }], pods: ctl.pods, endpointPort: 9093 }),
      ...exposed({ namespace: ns, name: 'kafka-broker-headless', selector: { app: 'kafka-broker' }, headless: true, ports: [{ name: 'kafka', port: 9092, targetPort: 9092 }], pods: brk.pods, endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka-broker' }, ports: [{ name: 'kafka', port: 9092, targetPort: 'kafka' }], pods: brk.pods, endpointPort: 9092 }),
      configMap({ namespace: ns, name: 'kafka-config', createdAgo: 214 * DAYS, updatedAgo: 38, data: { 'controller.properties': controllerProps, 'broker.properties': brokerProps } }),
      configMap({ namespace: ns, name: 'kafka-scripts', createdAgo: 214 * DAYS, data: { 'run.sh': runSh } }),
      event({ on: stsRef(ns, 'kafka-controller'), type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-controller-2 in StatefulSet kafka-controller successful', firstAgo: 38.2, lastAgo: 38.2, component: 'statefulset-controller' }),
      event({ on: stsRef(ns, 'kafka-controller'), type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-controller-1 in StatefulSet kafka-controller successful', firstAgo: 38.2, lastAgo: 38.2, component: 'statefulset-controller' }),
      event({ on: stsRef(ns, 'kafka-broker'), type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-broker-2 in StatefulSet kafka-broker successful', firstAgo: 38, lastAgo: 38, component: 'statefulset-controller' }),
      event({ on: stsRef(ns, 'kafka-broker'), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-broker-2 in StatefulSet kafka-broker successful', firstAgo: 37.6, lastAgo: 37.6, component: 'statefulset-controller' }),
      scheduled(b2, 37.6),
      ...restartedAgain(b2, 'kafka', image, { count: 10, firstAgo: 37.5, lastAgo: 3.5 }),
      probeFailed(b2, 'kafka', 'Readiness', `dial tcp ${ipOfPod(b2)}:9092: connect: connection refused`, { count: 58, firstAgo: 37.3, lastAgo: 2.6 }),
      backOff(b2, 'kafka', { count: 121, firstAgo: 35, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(b2, 'kafka', { previous: lines(...brokerRun(3.45)) }),
      logsFor(ctl0, 'kafka', { current: every(12, 0.1, 55, election) }),
      logsFor(b0, 'kafka', { current: every(14, 0.1, 40, oldBroker(100)) }),
      logsFor(b1, 'kafka', { current: every(14, 0.2, 40, oldBroker(101)) }),
      ...relay.pods.map((p) => logsFor(p, 'app', { current: every(10, 0.2, 45, relayLog) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-controller|quorum\.voters|voters?\b|no (active )?(controller|leader)|(controller )?quorum (lost|has no leader|without a leader)|scaled (down )?to 1/i],
      facts: [/controller\.quorum\.voters|voters/i, /kafka-controller-[12]|3 ?(→|->|to) ?1|replicas:? ?1|scaled/i, /kafka-broker-2/, /unable to register/i],
      never: [/\bOOM/, /ImagePull|image pull/i, /(rollout undo|roll(ing)? ?back)[^\n]*kafka-broker|revision 12[^\n]*(caused|broke|introduced)/i, /disk (is )?full|no space left/i],
    },
  };
}

// ---- 3. OTel gateway memory_limiter refusing data after high-cardinality http.route -------------

function otelCollectorMemoryLimiterRefusing(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.204', ['37', '118', '250']);
  const image = 'docker.io/otel/opentelemetry-collector-contrib:0.128.0';
  const tpl = {
    containers: [container({
      name: 'otel-collector',
      image,
      args: ['--config=/conf/collector.yaml'],
      env: [{ name: 'GOMEMLIMIT', value: '1640MiB' }, { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      ports: [{ name: 'otlp-grpc', containerPort: 4317 }, { name: 'otlp-http', containerPort: 4318 }, { name: 'metrics', containerPort: 8888 }],
      cpu: '1',
      memory: '2Gi',
      readiness: httpProbe('/', 13133),
      liveness: httpProbe('/', 13133, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'config', mountPath: '/conf' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'otel-collector-config' } }],
    serviceAccountName: 'otel-collector',
  };
  const gw = deploymentApp({
    namespace: ns,
    name: 'otel-collector',
    replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 34 * DAYS, changeCause: 'argocd: otel-collector 0.124.0', template: tpl },
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: otel-collector 0.128.0', template: tpl },
    ],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 22, node: names[2] ?? '', createdAgo: 12 * DAYS - 1 }],
  });
  const agentTpl = {
    containers: [container({
      name: 'otel-agent', image, args: ['--config=/conf/agent.yaml'], ports: [{ name: 'otlp-grpc', containerPort: 4317 }, { name: 'otlp-http', containerPort: 4318 }],
      cpu: '200m', memory: '512Mi', readiness: httpProbe('/', 13133), liveness: httpProbe('/', 13133, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'config', mountPath: '/conf' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'otel-agent-config' } }],
  };
  const agent = daemonSetApp({
    namespace: ns, name: 'otel-agent',
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, template: agentTpl }],
    pods: names.map((n) => ({ revision: 9, node: n, createdAgo: 12 * DAYS })),
  });
  const searchImage = (v: string) => `${ECR}/search/search-api:${v}`;
  const searchTpl = (v: string) => ({
    containers: [container({
      image: searchImage(v),
      env: [
        { name: 'NODE_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://$(NODE_IP):4317' },
        { name: 'OTEL_SERVICE_NAME', value: 'search-api' },
        { name: 'OTEL_TRACES_SAMPLER', value: 'parentbased_always_on' },
      ],
      cpu: '500m', memory: '512Mi',
    })],
  });
  const search = deploymentApp({
    namespace: 'search',
    name: 'search-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 5.1.4', template: searchTpl('5.1.4') },
      { revision: 58, createdAgo: 96, changeCause: 'argocd: search-api 5.2.0 (custom tracing middleware replaces otelhttp)', template: searchTpl('5.2.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 95 - k })),
    settled: { available: true, availableSince: 92, progressingSince: 96, progressingUpdatedAgo: 92 },
  });
  const collectorYaml = `extensions:
  health_check:
    endpoint: 0.0.0.0:13133
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318
processors:
  memory_limiter:
    check_interval: 1s
    limit_mib: 1600
    spike_limit_mib: 320
  k8sattributes:
    extract:
      metadata: [k8s.namespace.name, k8s.deployment.name, k8s.pod.name]
  batch:
    send_batch_size: 8192
    timeout: 2s
connectors:
  spanmetrics:
    histogram:
      explicit:
        buckets: [5ms, 10ms, 25ms, 50ms, 100ms, 250ms, 500ms, 1s, 2s, 5s]
    dimensions:
      - name: http.request.method
      - name: http.route
      - name: http.response.status_code
    metrics_flush_interval: 30s
exporters:
  otlp/tempo:
    endpoint: tempo-distributor.observability.svc.cluster.local:4317
    tls:
      insecure: true
    sending_queue:
      queue_size: 5000
  prometheusremotewrite:
    endpoint: http://mimir-distributor.observability.svc.cluster.local:8080/api/v1/push
service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, k8sattributes, batch]
      exporters: [otlp/tempo, spanmetrics]
    metrics/spanmetrics:
      receivers: [spanmetrics]
      processors: [memory_limiter, batch]
      exporters: [prometheusremotewrite]
`;
  const ml = (pipeline: string) => `{"resource": {"service.instance.id": "b7e9c2a4-31f0-4c8e-9d1a-6f2b0e8c5a71", "service.name": "otelcol-contrib", "service.version": "0.128.0"}, "otelcol.component.id": "memory_limiter", "otelcol.component.kind": "processor", "otelcol.pipeline.id": "${pipeline}", "otelcol.signal": "${pipeline === 'traces' ? 'traces' : 'metrics'}"`;
  const gwLog = (k: number) => {
    const out: string[] = [];
    // The series cache grows since search-api 5.2.0 (96 min ago): GCs first free enough, then not.
    for (let t = 88 - k; t > 44; t -= 6) {
      const cur = Math.round(1180 + (88 - t) * 3.1 + k * 7);
      out.push(`${at(t)}\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:212\tMemory usage is above soft limit. Forcing a GC.\t${ml('traces')}, "cur_mem_mib": ${cur + 30}}`);
      out.push(`${at(t - 0.02)}\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:181\tMemory usage after GC.\t${ml('traces')}, "cur_mem_mib": ${cur - 60}}`);
      if (t > 60) out.push(`${at(t - 0.03)}\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:225\tMemory usage back within limits. Resuming normal operation.\t${ml('traces')}, "cur_mem_mib": ${cur - 60}}`);
      if ((Math.round(t) + k) % 3 === 0) out.push(`${at(t - 1.1)}\terror\tinternal/queue_sender.go:57\tExporting failed. Dropping data.\t{"otelcol.component.id": "prometheusremotewrite", "otelcol.component.kind": "exporter", "otelcol.signal": "metrics", "error": "Permanent error: Permanent error: remote write returned HTTP status 400 Bad Request; err = %!w(<nil>): send data to ingesters: failed pushing to ingester mimir-ingester-zone-b-1: user=anonymous: per-metric series limit of 200000 exceeded (err-mimir-max-series-per-metric). To adjust the related per-tenant limit, configure -ingester.max-global-series-per-metric, or contact your service administrator.\\n", "dropped_items": 8192}`);
    }
    for (let t = 43 - k * 0.3, i = 0; t > 0.5; t -= 1.7, i++) {
      const cur = 1292 + ((i * 37 + k * 11) % 70);
      out.push(`${at(t)}\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:205\tMemory usage is above soft limit. Refusing data.\t${ml('traces')}, "cur_mem_mib": ${cur}}`);
      if (i % 3 === 0) out.push(`${at(t - 0.01)}\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:205\tMemory usage is above soft limit. Refusing data.\t${ml('metrics/spanmetrics')}, "cur_mem_mib": ${cur + 2}}`);
      if (i % 4 === 1) out.push(`${at(t - 0.4)}\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:195\tMemory usage is above hard limit. Forcing a GC.\t${ml('traces')}, "cur_mem_mib": ${1604 + (i % 9)}}`, `${at(t - 0.42)}\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:181\tMemory usage after GC.\t${ml('traces')}, "cur_mem_mib": ${cur - 4}}`);
    }
    return out.join('\n') + '\n';
  };
  const agentLog = (t: number, i: number) => lines(
    `${at(t)}\tinfo\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t{"otelcol.component.id": "otlp", "otelcol.component.kind": "exporter", "otelcol.signal": "traces", "error": "rpc error: code = Unavailable desc = data refused due to high memory usage", "interval": "${(3 + (i % 5) * 1.7).toFixed(6)}s"}`,
    ...(i % 2 === 0 ? [`${at(t - 0.2)}\terror\tinternal/base_exporter.go:114\tExporting failed. Rejecting data.\t{"otelcol.component.id": "otlp", "otelcol.component.kind": "exporter", "otelcol.signal": "traces", "error": "sending queue is full", "rejected_items": ${400 + (i * 53) % 700}}`] : []),
  );
  const searchLog = (t: number, i: number) => lines(
    `{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v2/search/${['red-wool-coat', 'trail-running-shoes-44', 'usb-c-hub-7-port', 'linen-shirt-xl', 'cast-iron-pan-28cm'][i % 5]}","status":200,"dur_ms":${40 + (i * 13) % 90}}`,
    ...(i % 4 === 0 ? [`${goTime(t - 0.01)} traces export: context deadline exceeded: rpc error: code = Unavailable desc = data refused due to high memory usage`] : []),
  );
  const gwPods = gw.pods;
  return {
    id: 'heldout54-otel-collector-memory-limiter-refusing',
    class: 'capacity',
    truth: 'search-api 5.2.0 (revision 58, 96 minutes ago) replaced otelhttp with a custom tracing middleware that sets http.route to the raw request path (/v2/search/red-wool-coat …). http.route is a dimension of the gateway collector\'s spanmetrics connector, so every search term became a new series held in the collector\'s memory (Mimir also rejects the series count). The gateway otel-collector\'s memory climbed to its memory_limiter soft limit (limit_mib 1600, spike 320): for the last ~43 minutes it logs "Memory usage is above soft limit. Refusing data." and refuses spans, the node agents get "data refused due to high memory usage" and drop data, and traces of every service are missing. The collector pods run and are ready (no OOM, no restart). Fix: drop or normalise http.route for search-api (or revert 5.2.0), cap spanmetrics cardinality, then give the gateway room.',
    ask: { service: 'otel-collector', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...agent.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'otel-collector', selector: { app: 'otel-collector' }, ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 4317 }, { name: 'otlp-http', port: 4318, targetPort: 4318 }], pods: gw.pods, endpointPort: 4317 }),
      ...exposed({ namespace: 'search', name: 'search-api', selector: { app: 'search-api' }, pods: search.pods }),
      configMap({ namespace: ns, name: 'otel-collector-config', createdAgo: 140 * DAYS, updatedAgo: 34 * DAYS, data: { 'collector.yaml': collectorYaml } }),
      configMap({ namespace: ns, name: 'otel-agent-config', createdAgo: 140 * DAYS, data: { 'agent.yaml': 'receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nprocessors:\n  memory_limiter:\n    check_interval: 1s\n    limit_percentage: 80\n  batch: {}\nexporters:\n  otlp:\n    endpoint: otel-collector.observability.svc.cluster.local:4317\n    tls:\n      insecure: true\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [memory_limiter, batch]\n      exporters: [otlp]\n' } }),
      scaledReplicaSet(deploymentOf(search), rsOf(search, 58), 4, 0, 96),
      scaledReplicaSet(deploymentOf(search), rsOf(search, 57), 0, 4, 92),
    ],
    logs: [
      ...gwPods.map((p, k) => logsFor(p, 'otel-collector', { current: gwLog(k) })),
      ...agent.pods.map((p) => logsFor(p, 'otel-agent', { current: every(40, 0.3, 50, agentLog) })),
      ...search.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(94)}","level":"INFO","msg":"search-api 5.2.0 starting","addr":":8080"}`, `{"time":"${at(94)}","level":"INFO","msg":"tracing middleware installed","span_name":"{method} {path}","route_attribute":"http.route=request.path"}`) + every(12, 0.2, 30, searchLog) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/memory.?limiter|refus(ing|es|ed) (data|spans)|data refused|high memory usage|soft limit/i],
      facts: [/refus/i, /search-api/, /cardinality|http\.route|spanmetrics|series/i],
      never: [/\bOOM/, /crash ?loop/i, /(tempo|mimir)[^\n]*(down|unreachable|outage|not responding)/i, /otel-collector[^\n]*(roll ?back|rollout undo)/i],
    },
  };
}

// ---- 4. Unleash behind a renamed Service: checkout serves default (off) flags, WARN only ----------

function unleashServiceRenamedFlagsDefaultOff(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '171', '203']);
  const image = (v: string) => `${ECR}/shop/checkout:${v}`;
  const unleashHost = 'unleash.feature-flags.svc.cluster.local';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'UNLEASH_URL', value: `http://${unleashHost}:4242/api/` },
        { name: 'UNLEASH_APP_NAME', value: 'checkout' },
        { name: 'UNLEASH_API_TOKEN', valueFrom: { secretKeyRef: { name: 'checkout-unleash', key: 'token' } } },
        { name: 'PAYMENTS_URL', value: 'http://payments.payments.svc.cluster.local' },
      ],
      cpu: '500m', memory: '768Mi',
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const checkout = deploymentApp({
    namespace: ns,
    name: 'checkout',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout 2.40.3', template: tpl('2.40.3') },
      { revision: 88, createdAgo: 52, changeCause: 'argocd: checkout 2.41.0 (order summary copy)', template: tpl('2.41.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 51.5 - k * 1.2 })),
    settled: { available: true, availableSince: 48, progressingSince: 52, progressingUpdatedAgo: 48 },
  });
  const ff = 'feature-flags';
  const unleashTpl = (v: string) => ({ containers: [container({ name: 'unleash', image: `docker.io/unleashorg/unleash-server:${v}`, ports: [{ name: 'http', containerPort: 4242 }], readiness: httpProbe('/health', 4242), liveness: httpProbe('/health', 4242, { initialDelaySeconds: 30 }), env: [{ name: 'DATABASE_HOST', value: 'unleash-db.feature-flags.svc.cluster.local' }] })] });
  const unleash = deploymentApp({
    namespace: ff,
    name: 'unleash',
    replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 47 * DAYS, changeCause: 'helm: unleash chart 4.7.2 (unleash 5.12.6)', template: unleashTpl('5.12.6') },
      { revision: 14, createdAgo: 190, changeCause: 'helm: unleash chart 5.4.0 (unleash 6.3.0)', template: unleashTpl('6.3.0') },
    ],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 189 }, { revision: 14, node: names[2] ?? '', createdAgo: 188 }],
    settled: { available: true, availableSince: 186, progressingSince: 190, progressingUpdatedAgo: 186 },
  });
  const other = bystander(ns, 'cart', names, 3 * HOURS + 40, { revisions: [61, 62], versions: ['5.8.0', '5.8.1'], olderAgo: 12 * DAYS });
  const enotfound = `request to http://${unleashHost}:4242/api/client/features failed, reason: getaddrinfo ENOTFOUND ${unleashHost}`;
  const pino = (level: number, t: number, pod: k8s.V1Pod, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${pod.metadata?.name ?? ''}",${rest}}`;
  const checkoutLog = (pod: k8s.V1Pod, k: number) => {
    const start = 51.3 - k * 1.2;
    const out = [
      pino(30, start, pod, '"msg":"checkout 2.41.0 starting","node":"v20.18.1"'),
      pino(30, start - 0.01, pod, '"msg":"unleash client initialising","url":"http://unleash.feature-flags.svc.cluster.local:4242/api/","appName":"checkout","refreshInterval":15000'),
      pino(30, start - 0.02, pod, '"msg":"listening","port":8080'),
      pino(40, start - 0.03, pod, `"err":{"type":"Error","message":"Unleash Repository error: ${enotfound}","code":"ENOTFOUND"},"msg":"unable to fetch feature toggles, using bootstrap/default values"`),
      pino(40, start - 0.09, pod, '"flags":["klarna-pay-later","express-checkout-v2","address-autocomplete"],"timeoutMs":5000,"msg":"feature flags not ready, serving defaults"'),
    ];
    for (let t = 14 - k * 0.05, i = 0; t > 0.15; t -= 0.25, i++) {
      out.push(pino(40, t, pod, `"err":{"type":"Error","message":"Unleash Repository error: ${enotfound}","code":"ENOTFOUND"},"msg":"unable to fetch feature toggles, using bootstrap/default values"`));
      if (i % 4 === 1) out.push(pino(30, t - 0.05, pod, `"cartId":"c_${(918_211 + i * 37 + k).toString(36)}","methods":["card","paypal"],"klarnaPayLater":false,"flagSource":"default","msg":"payment methods resolved"`));
      if (i % 4 === 2) out.push(pino(30, t - 0.07, pod, `"req":{"method":"POST","url":"/api/checkout/sessions"},"res":{"statusCode":201},"responseTime":${120 + (i * 17) % 90},"msg":"request completed"`));
      if (i % 20 === 5) out.push(pino(40, t - 0.1, pod, `"err":{"type":"Error","message":"request to http://${unleashHost}:4242/api/client/metrics failed, reason: getaddrinfo ENOTFOUND ${unleashHost}"},"msg":"unleash: unable to send client metrics"`));
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout54-unleash-service-renamed-flags-default-off',
    class: 'network',
    truth: 'The Unleash chart upgrade 3 h 10 min ago (chart 5.4.0) renamed the Service in feature-flags from `unleash` to `unleash-api`. checkout still points its Unleash SDK at unleash.feature-flags.svc.cluster.local:4242, which no longer resolves (getaddrinfo ENOTFOUND). The old checkout pods kept their in-memory toggles, but the pods of checkout 2.41.0 (52 min ago, an unrelated copy change) started with no toggles and serve the SDK defaults: klarna-pay-later is off, so customers cannot pay with Klarna. Everything is Running and Ready and the SDK only logs WARN. Fix: point UNLEASH_URL at unleash-api (or restore the old Service name); rolling checkout back would not help.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...checkout.objects, ...unleash.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods }),
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: other.pods }),
      ...exposed({ namespace: ff, name: 'unleash-api', selector: { app: 'unleash' }, createdAgo: 190, ports: [{ name: 'http', port: 4242, targetPort: 'http' }], pods: unleash.pods, endpointPort: 4242 }),
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 88), 3, 0, 52),
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 87), 0, 3, 48),
      scaledReplicaSet(deploymentOf(unleash), rsOf(unleash, 14), 2, 0, 190),
      ...checkout.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.41.0'), 51.5 - k * 1.2)),
    ],
    logs: [
      ...checkout.pods.map((p, k) => logsFor(p, 'app', { current: checkoutLog(p, k) })),
      ...unleash.pods.map((p) => logsFor(p, 'unleash', { current: lines(`[${at(187)}] [INFO] server-impl.js - Unleash has started. { port: 4242 }`, `[${at(2)}] [INFO] metrics-gateway - registered 4 client applications`, `[${at(0.5)}] [INFO] client-api - served features to storefront (etag "76d8-3f1a")`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unleash|feature.?(flags?|toggles?)/i, /ENOTFOUND|resolv|DNS|renamed|unleash-api|no longer exists|does(n't| not) exist|not found|default|klarna/i],
      facts: [/unleash\.feature-flags/, /ENOTFOUND/, /klarna|bootstrap|default/i, /unleash-api/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /rollout restart/i, /payments[^\n]*(down|failing|unreachable)/i],
    },
  };
}

// ---- 5. A second read replica cannot base-backup: max_wal_senders used up -----------------------

function postgresReplicaMaxWalSenders(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.33', ['29', '146', '83']);
  const image = 'registry.acme.internal/mirror/bitnami/postgresql:16.4.0-debian-12-r14';
  const pgContainer = (role: 'primary' | 'read') => container({
    name: 'postgresql',
    image,
    env: [
      { name: 'POSTGRESQL_PORT_NUMBER', value: '5432' },
      { name: 'POSTGRESQL_REPLICATION_MODE', value: role === 'primary' ? 'master' : 'slave' },
      { name: 'POSTGRESQL_REPLICATION_USER', value: 'repl_user' },
      { name: 'POSTGRESQL_REPLICATION_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'replication-password' } } },
      ...(role === 'read' ? [{ name: 'POSTGRESQL_MASTER_HOST', value: 'orders-db-primary' }, { name: 'POSTGRESQL_MASTER_PORT_NUMBER', value: '5432' }] : [{ name: 'POSTGRESQL_DATABASE', value: 'orders' }]),
      { name: 'POSTGRESQL_LOG_CONNECTIONS', value: 'yes' },
    ],
    ports: [{ name: 'tcp-postgresql', containerPort: 5432 }],
    cpu: role === 'primary' ? '2' : '1',
    memory: role === 'primary' ? '8Gi' : '4Gi',
    readiness: execProbe(['/bin/sh', '-c', '-e', 'exec pg_isready -U "postgres" -h 127.0.0.1 -p 5432'], { initialDelaySeconds: 5, timeoutSeconds: 5 }),
    liveness: execProbe(['/bin/sh', '-c', 'exec pg_isready -U "postgres" -h 127.0.0.1 -p 5432'], { initialDelaySeconds: 30, timeoutSeconds: 5, failureThreshold: 6 }),
    volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }, ...(role === 'primary' ? [{ name: 'postgresql-extended-config', mountPath: '/bitnami/postgresql/conf/conf.d/' }] : [])],
    securityContext: { runAsUser: 1001, runAsNonRoot: true, allowPrivilegeEscalation: false },
  });
  const primary = statefulSetApp({
    namespace: ns, name: 'orders-db-primary', replicas: 1, serviceName: 'orders-db-primary-hl', createdAgo: 230 * DAYS,
    revisions: [{ revision: 6, createdAgo: 41 * DAYS, template: { containers: [pgContainer('primary')], volumes: [{ name: 'postgresql-extended-config', configMap: { name: 'orders-db-primary-extended-configuration' } }], securityContext: { fsGroup: 1001 } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS }],
  });
  const read = statefulSetApp({
    namespace: ns, name: 'orders-db-read', replicas: 2, serviceName: 'orders-db-read-hl', createdAgo: 230 * DAYS,
    revisions: [{ revision: 6, createdAgo: 41 * DAYS, template: { containers: [pgContainer('read')], securityContext: { fsGroup: 1001 } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 19 * DAYS },
      { revision: 6, ordinal: 1, node: names[2] ?? '', createdAgo: 36, containers: { postgresql: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 67 }, 8) } },
    ],
  });
  const prim0 = podOf(primary, 0);
  const [read0, read1] = [podOf(read, 0), podOf(read, 1)];
  const cdcImage = `${ECR}/data/orders-cdc:2.7.3`;
  const cdc = deploymentApp({
    namespace: ns, name: 'orders-cdc', replicas: 1,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, changeCause: 'argocd: orders-cdc (debezium 2.7.3)', template: { containers: [container({ name: 'connect', image: cdcImage, ports: [8083], readiness: httpProbe('/connectors', 8083), memory: '2Gi' })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 33 * DAYS }],
  });
  const barman = deploymentApp({
    namespace: ns, name: 'orders-db-barman', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 120 * DAYS, template: { containers: [batchContainer({ name: 'barman', image: 'registry.acme.internal/platform/barman:3.11.1', memory: '256Mi' })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 19 * DAYS }],
  });
  const api = bystander(ns, 'orders-api', names, 5 * HOURS, { revisions: [140, 141], versions: ['8.2.0', '8.2.1'], olderAgo: 4 * DAYS });
  const objects: KubeJson[] = [...nodes, ...primary.objects, ...read.objects, ...cdc.objects, ...barman.objects, ...api.objects];
  const svcPrimary = service({ namespace: ns, name: 'orders-db-primary', selector: { app: 'orders-db-primary' }, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], createdAgo: 230 * DAYS });
  objects.push(svcPrimary, endpointSliceFor(svcPrimary, primary.pods, 5432));
  const primaryIp = clusterIpOf(objects, 'orders-db-primary');
  const extended = [
    'listen_addresses = \'*\'',
    'max_connections = 400',
    'shared_buffers = 2GB',
    'wal_level = logical',
    'max_wal_senders = 4',
    'max_replication_slots = 4',
    'wal_keep_size = 2GB',
    'hot_standby = on',
    'log_connections = on',
    'log_min_duration_statement = 500',
  ].join('\n') + '\n';
  const read1Ip = ipOfPod(read1);
  const baseBackupAttempt = (t: number) => [
    'pg_basebackup: initiating base backup, waiting for checkpoint to complete',
    'pg_basebackup: checkpoint completed',
    `pg_basebackup: write-ahead log start point: 1A4/C${(2 + Math.round(t * 7) % 9).toString(16)}000028 on timeline 3`,
    'pg_basebackup: starting background WAL receiver',
    `pg_basebackup: error: connection to server at "orders-db-primary" (${primaryIp}), port 5432 failed: FATAL:  number of requested standby connections exceeds max_wal_senders (currently 4)`,
    'pg_basebackup: error: could not create background process: could not connect to server',
    'pg_basebackup: removing contents of data directory "/bitnami/postgresql/data"',
  ];
  const readRun = (end: number) => {
    const start = end + 67 / 60;
    const out = [
      `postgresql ${bnTime(start)} INFO  ==> `,
      `postgresql ${bnTime(start)} INFO  ==> Welcome to the Bitnami postgresql container`,
      `postgresql ${bnTime(start)} INFO  ==> Subscribe to project updates by watching https://github.com/bitnami/containers`,
      `postgresql ${bnTime(start)} INFO  ==> `,
      `postgresql ${bnTime(start - 0.002)} INFO  ==> ** Starting PostgreSQL setup **`,
      `postgresql ${bnTime(start - 0.003)} INFO  ==> Validating settings in POSTGRESQL_* env vars..`,
      `postgresql ${bnTime(start - 0.003)} INFO  ==> Loading custom pre-init scripts...`,
      `postgresql ${bnTime(start - 0.004)} INFO  ==> Initializing PostgreSQL database...`,
      `postgresql ${bnTime(start - 0.004)} INFO  ==> Waiting for replication master to accept connections (60 timeout)...`,
      'orders-db-primary:5432 - accepting connections',
      `postgresql ${bnTime(start - 0.02)} INFO  ==> Replicating the initial database`,
    ];
    for (let i = 0; i < 12; i++) out.push(...baseBackupAttempt(start - 0.03 - i * 0.09));
    out.push(`postgresql ${bnTime(end + 0.003)} ERROR ==> Unable to replicate initial database`);
    return out.join('\n') + '\n';
  };
  const primaryLog = (t: number, i: number) => lines(
    `${pgTime(t)} [${31_877 + i * 3}] LOG:  connection received: host=${read1Ip} port=${40_100 + (i * 97) % 9000}`,
    `${pgTime(t - 0.001)} [${31_877 + i * 3}] LOG:  replication connection authorized: user=repl_user application_name=pg_basebackup`,
    `${pgTime(t - 0.004)} [${31_878 + i * 3}] LOG:  connection received: host=${read1Ip} port=${40_150 + (i * 97) % 9000}`,
    `${pgTime(t - 0.005)} [${31_878 + i * 3}] FATAL:  number of requested standby connections exceeds max_wal_senders (currently 4)`,
    ...(i % 5 === 0 ? [`${pgTime(t - 0.3)} [${29_004 + i}] LOG:  duration: ${512 + (i * 61) % 700}.${(i * 7) % 1000} ms  execute <unnamed>: SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 50`] : []),
  );
  const primaryStart = lines(
    `${pgTime(19 * DAYS - 0.3)} [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(19 * DAYS - 0.3)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(19 * DAYS - 0.31)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(19 * DAYS - 0.6)} [211] LOG:  replication connection authorized: user=repl_user application_name=orders-db-read-0`,
    `${pgTime(19 * DAYS - 0.8)} [233] LOG:  replication connection authorized: user=streaming_barman application_name=barman_receive_wal`,
    `${pgTime(19 * DAYS - 1.2)} [260] LOG:  logical decoding found consistent point at 19F/3A0012D8`,
    `${pgTime(19 * DAYS - 1.2)} [260] LOG:  starting logical decoding for slot "debezium_orders"`,
  );
  return {
    id: 'heldout54-postgres-replica-max-wal-senders',
    class: 'capacity',
    truth: 'For the Black Friday read load the read-replica StatefulSet orders-db-read was scaled from 1 to 2 replicas 36 minutes ago. The primary runs with max_wal_senders = 4 (ConfigMap orders-db-primary-extended-configuration), and three WAL senders are already in use: orders-db-read-0\'s streaming replication, Barman\'s pg_receivewal and the Debezium CDC connector\'s logical slot. pg_basebackup on the new orders-db-read-1 needs two (the backup and its WAL stream); the second is refused with "number of requested standby connections exceeds max_wal_senders (currently 4)", so the initial copy never completes, the Bitnami setup gives up ("Unable to replicate initial database", exit 1) and the pod crash-loops; the new replica never serves. Fix: raise max_wal_senders (needs a primary restart) or free a sender.',
    ask: { service: 'orders-db-read', namespace: ns },
    objects: [
      ...objects,
      ...exposed({ namespace: ns, name: 'orders-db-read', selector: { app: 'orders-db-read' }, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], pods: read.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'orders-db-read-hl', selector: { app: 'orders-db-read' }, headless: true, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 5432 }], pods: read.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...boundClaim({ namespace: ns, name: 'data-orders-db-primary-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 230 * DAYS, labels: { app: 'orders-db-primary' } }),
      ...boundClaim({ namespace: ns, name: 'data-orders-db-read-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 230 * DAYS, labels: { app: 'orders-db-read' } }),
      ...boundClaim({ namespace: ns, name: 'data-orders-db-read-1', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 36, labels: { app: 'orders-db-read' } }),
      configMap({ namespace: ns, name: 'orders-db-primary-extended-configuration', createdAgo: 230 * DAYS, updatedAgo: 41 * DAYS, data: { 'override.conf': extended } }),
      event({ on: stsRef(ns, 'orders-db-read'), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-orders-db-read-1 Pod orders-db-read-1 in StatefulSet orders-db-read success', firstAgo: 36, lastAgo: 36, component: 'statefulset-controller' }),
      event({ on: stsRef(ns, 'orders-db-read'), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod orders-db-read-1 in StatefulSet orders-db-read successful', firstAgo: 36, lastAgo: 36, component: 'statefulset-controller' }),
      scheduled(read1, 35.9),
      event({ on: read1, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-orders-db-read-1')}"`, firstAgo: 35.7, lastAgo: 35.7, component: 'attachdetach-controller' }),
      ...restartedAgain(read1, 'postgresql', image, { count: 9, firstAgo: 35.5, lastAgo: 2.6 }),
      probeFailed(read1, 'postgresql', 'Readiness', '127.0.0.1:5432 - no response', { count: 64, firstAgo: 35.4, lastAgo: 1.6 }),
      backOff(read1, 'postgresql', { count: 97, firstAgo: 33, lastAgo: 0.5 }),
    ],
    logs: [
      logsFor(read1, 'postgresql', { previous: readRun(1.4) }),
      logsFor(prim0, 'postgresql', { current: primaryStart + every(12, 1.4, 16, primaryLog) }),
      logsFor(read0, 'postgresql', { current: lines(`${pgTime(19 * DAYS - 0.4)} [88] LOG:  started streaming WAL from primary at 19F/3A000000 on timeline 3`, `${pgTime(3)} [97] LOG:  restartpoint complete: wrote 18211 buffers (7.0%); 0 WAL file(s) added, 2 removed, 1 recycled; write=269.901 s, sync=0.022 s, total=269.944 s`) }),
      logsFor(podOf(cdc, 0), 'connect', { current: lines(`${pyTime(6)} INFO   ||  [Postgres|orders|streaming]  Searching for WAL resume position   [io.debezium.connector.postgresql.PostgresStreamingChangeEventSource]`, `${pyTime(0.5)} INFO   ||  WorkerSourceTask{id=orders-cdc-0} Committing offsets for 4812 acknowledged messages   [org.apache.kafka.connect.runtime.WorkerSourceTask]`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_wal_senders|wal senders?|standby connections/i],
      facts: [/orders-db-read-1/, /currently 4|max_wal_senders\s*=\s*4/i, /pg_basebackup|replicat/i],
      never: [/\bOOM/, /too many clients|(raise|increase) max_connections/i, /password authentication|pg_hba/i, /disk (is )?full|no space left/i, /orders-api[^\n]*(caus|broke|introduc)/i],
    },
  };
}

// ---- 6. One hot partition: the producer keys order events by tenant --------------------------------

function kafkaHotPartitionTenantKey(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.117', ['45', '160', '9']);
  const image = `${ECR}/fulfillment/shipment-projector:3.3.2`;
  const projector = deploymentApp({
    namespace: ns,
    name: 'shipment-projector',
    replicas: 6,
    revisions: [{ revision: 44, createdAgo: 8 * DAYS, changeCause: 'argocd: shipment-projector 3.3.2', template: { containers: [container({
      image,
      env: [{ name: 'KAFKA_BROKERS', value: 'kafka.streaming.svc.cluster.local:9092' }, { name: 'KAFKA_TOPIC', value: 'order-events' }, { name: 'KAFKA_GROUP', value: 'shipment-projector' }, { name: 'MAX_POLL_RECORDS', value: '500' }],
      cpu: '500m', cpuLimit: '1', memory: '512Mi',
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10, timeoutSeconds: 2 }),
    })] } }],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const intakeImage = (v: string) => `${ECR}/fulfillment/order-intake:${v}`;
  const intakeTpl = (v: string, key: string) => ({ containers: [container({
    image: intakeImage(v),
    env: [{ name: 'KAFKA_BROKERS', value: 'kafka.streaming.svc.cluster.local:9092' }, { name: 'ORDER_EVENTS_TOPIC', value: 'order-events' }, { name: 'ORDER_EVENTS_PARTITION_KEY', value: key }],
    memory: '512Mi',
  })] });
  const intake = deploymentApp({
    namespace: ns,
    name: 'order-intake',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 15 * DAYS, changeCause: 'argocd: order-intake 7.4.1', template: intakeTpl('7.4.1', 'order_id') },
      { revision: 27, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: order-intake 7.5.0 (per-tenant ordering of order events)', template: intakeTpl('7.5.0', 'tenant_id') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 5, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 5 },
  });
  const hot = podOf(projector, 1);
  const zap = (t: number, level: string, msg: string, rest: string) => `{"level":"${level}","ts":"${at(t)}","logger":"consumer","msg":"${msg}",${rest}}`;
  const assigned = (k: number) => [k, k + 6];
  const projectorLog = (p: k8s.V1Pod, k: number) => {
    const parts = assigned(k);
    const out = [zap(3 * HOURS, 'info', 'partitions assigned', `"group":"shipment-projector","topic":"order-events","partitions":[${parts.join(',')}],"generation":412,"member":"${p.metadata?.name ?? ''}"`)];
    for (let t = 2 * HOURS + 40, i = 0; t > 0.6; t -= k === 1 ? 0.75 : 5, i++) {
      if (k === 1 && t < 2 * HOURS + 8) {
        const lag = Math.round(4200 + (2 * HOURS + 8 - t) * 1370);
        out.push(zap(t, 'info', 'batch processed', `"topic":"order-events","partition":7,"records":500,"duration_ms":${4700 + (i * 97) % 600},"tenants":{"t_4412":${470 + (i % 20)},"other":${30 - (i % 20)}},"lag":${lag}`));
        if (i % 4 === 0) out.push(zap(t - 0.01, 'warn', 'consumer lag above threshold', `"topic":"order-events","partition":7,"lag":${lag},"threshold":10000,"oldest_record_age_s":${Math.round(lag / 105)}`));
        if (i % 9 === 0) out.push(zap(t - 0.02, 'info', 'batch processed', `"topic":"order-events","partition":1,"records":${3 + (i % 5)},"duration_ms":${30 + (i % 20)},"lag":0`));
      } else {
        out.push(zap(t, 'info', 'batch processed', `"topic":"order-events","partition":${parts[i % 2] ?? k},"records":${t < 2 * HOURS + 8 ? 2 + ((i + k) % 6) : 40 + ((i * 7 + k) % 30)},"duration_ms":${25 + ((i + k) % 40)},"lag":0`));
        if (t < 2 * HOURS + 8 && i % 3 === 0) out.push(zap(t - 0.5, 'info', 'idle', `"topic":"order-events","partitions":[${parts.join(',')}],"no_records_for_s":30`));
      }
    }
    return out.join('\n') + '\n';
  };
  const intakeLog = (k: number) => (t: number, i: number) => lines(
    `{"level":"info","ts":"${at(t)}","logger":"http","msg":"order accepted","tenant_id":"${i % 10 < 9 ? 't_4412' : ['t_0093', 't_1187', 't_2750'][(i + k) % 3]}","order_id":"o_${(7_221_400 + i * 13 + k).toString(36)}","status":201,"duration_ms":${18 + (i * 7) % 40}}`,
    ...(i % 10 === 0 ? [`{"level":"info","ts":"${at(t - 0.01)}","logger":"kafka","msg":"produced","topic":"order-events","key":"t_4412","partition":7,"batch":${180 + (i % 50)}}`] : []),
  );
  const hpaObj = hpa({ namespace: ns, name: 'shipment-projector', target: { kind: 'Deployment', name: 'shipment-projector' }, min: 6, max: 12, current: 6, desired: 6, cpu: { current: 27, target: 70, averageValue: '164m' } });
  return {
    id: 'heldout54-kafka-hot-partition-tenant-key',
    class: 'capacity',
    truth: 'order-intake 7.5.0 (revision 27, 2 h 10 min ago) changed the partition key of order-events from order_id to tenant_id "for per-tenant ordering". One tenant (t_4412, a wholesale customer) sends ~90% of orders, so murmur2 puts most traffic on one partition, order-events-7. In the shipment-projector group only the pod that owns partition 7 works: it processes full 500-record batches at ~100 records/s, its lag grows (≈170k, oldest record ~27 min), and shipments of that tenant are late, while the other five pods are idle. The HPA sees 27% average CPU and never scales, and more consumers could not help: a partition has one consumer. Fix: key by order_id again (or a tenant+order composite) and drain the backlog.',
    ask: { service: 'shipment-projector', namespace: ns },
    objects: [
      ...nodes, ...projector.objects, ...intake.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'shipment-projector', selector: { app: 'shipment-projector' }, pods: projector.pods }),
      ...exposed({ namespace: ns, name: 'order-intake', selector: { app: 'order-intake' }, pods: intake.pods }),
      scaledReplicaSet(deploymentOf(intake), rsOf(intake, 27), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(intake), rsOf(intake, 26), 0, 3, 2 * HOURS + 5),
      probeFailed(hot, 'app', 'Readiness', `Get "http://${ipOfPod(hot)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 7, firstAgo: 74, lastAgo: 9 }),
    ],
    logs: [
      ...projector.pods.map((p, k) => logsFor(p, 'app', { current: projectorLog(p, k) })),
      ...intake.pods.map((p, k) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2 * HOURS + 8 - k)}","logger":"kafka","msg":"producer ready","topic":"order-events","partitioner":"murmur2","key":"tenant_id","partitions":12}`) + every(6, 0.1, 12, intakeLog(k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/order-events-7|partition 7|hot partition|(one|single) partition|partition (skew|imbalance)|skewed|uneven(ly)? (partition|distribut)/i],
      facts: [/tenant_id|tenant|partition key|keyed/i, /order-intake/, /lag/i],
      never: [/\bOOM/, /rebalanc/i, /(scale|scaling) (up |out )?(the )?shipment-projector|add(ing)? (more )?(consumers|replicas)|increase (the )?replicas/i, /crash ?loop/i],
    },
  };
}

// ---- 7. Healthy control: Node 18 ExperimentalWarning, event-loop-delay debug lines, a done Job ----

function healthyNodeServiceExperimentalWarnings(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.75', ['12', '190', '66']);
  const image = (v: string) => `${ECR}/notifications/notification-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v),
    command: ['npm', 'start'],
    env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'LOG_LEVEL', value: 'debug' }, { name: 'EVENT_LOOP_MONITOR_INTERVAL_MS', value: '60000' }, { name: 'PUSH_PROVIDER_URL', value: 'https://fcm.googleapis.com' }],
    cpu: '250m', memory: '384Mi',
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-gateway',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: notification-gateway 3.4.0', template: tpl('3.4.0') },
      { revision: 19, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'argocd: notification-gateway 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 2 * DAYS + 3 * HOURS - 4, progressingSince: 2 * DAYS + 3 * HOURS, progressingUpdatedAgo: 2 * DAYS + 3 * HOURS - 4 },
  });
  const migrate = job({
    namespace: ns,
    name: 'notification-gateway-db-migrate-19',
    createdAgo: 2 * DAYS + 3 * HOURS + 2,
    backoffLimit: 1,
    template: { containers: [batchContainer({ name: 'migrate', image: image('3.4.1'), command: ['npm', 'run', 'migrate'], memory: '256Mi' })] },
    pods: [{ node: names[1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS + 2, phase: 'Succeeded', containers: { migrate: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(epochMs(2 * DAYS + 3 * HOURS + 1.9)), finishedAt: new Date(epochMs(2 * DAYS + 3 * HOURS + 1.5)), containerID: 'containerd://4e1f0b7c2d9a8e6f5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a' } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { complete: true, ago: 2 * DAYS + 3 * HOURS + 1.5 },
  });
  const pino = (level: number, t: number, pod: k8s.V1Pod, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":19,"hostname":"${pod.metadata?.name ?? ''}",${rest}}`;
  const appLog = (pod: k8s.V1Pod, k: number) => {
    const start = 2 * DAYS + 3 * HOURS - 1.2 - k;
    const out = [
      '',
      '> notification-gateway@3.4.1 start',
      '> node --enable-source-maps dist/server.js',
      '',
      pino(30, start, pod, '"msg":"notification-gateway 3.4.1 starting","node":"v18.20.5"'),
      pino(30, start - 0.01, pod, '"msg":"redis connected","url":"redis://notifications-redis:6379/0"'),
      pino(30, start - 0.02, pod, '"msg":"listening","port":8080'),
      '(node:19) ExperimentalWarning: The Fetch API is an experimental feature. This feature could change at any time',
      '(Use `node --trace-warnings ...` to show where the warning was created)',
    ];
    for (let t = 40 - k * 0.2, i = 0; t > 0.6; t -= 1, i++) {
      out.push(pino(20, t, pod, `"msg":"event loop delay","min_ms":10.01,"p50_ms":${(10.1 + ((i + k) % 4) * 0.05).toFixed(2)},"p99_ms":${(12.3 + ((i * 7 + k) % 30) / 10).toFixed(2)},"max_ms":${(14 + ((i * 13 + k) % 90) / 10).toFixed(1)},"elu":${(0.07 + ((i + k) % 6) / 100).toFixed(2)}`));
      out.push(pino(30, t - 0.3, pod, `"req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":${14 + (i * 11 + k) % 30},"msg":"request completed"`));
      if (i % 3 === 0) out.push(pino(30, t - 0.5, pod, `"provider":"fcm","sent":${40 + (i * 17 + k) % 60},"failed":0,"msg":"push batch delivered"`));
    }
    return out.join('\n') + '\n';
  };
  const migPod = migrate.pods[0];
  return {
    id: 'heldout54-healthy-node-experimental-warnings',
    class: 'healthy',
    truth: 'notification-gateway (3 replicas of 3.4.1, rolled out two days ago) is healthy: every pod is Running and Ready with no restarts, the Service has three ready endpoints, and requests return 202. The stderr line "ExperimentalWarning: The Fetch API is an experimental feature" is what Node 18 prints the first time fetch() is used; the "event loop delay" lines are debug-level metrics (p50 ≈ 10 ms is the monitor\'s resolution); the npm banner comes from `npm start`; and the Succeeded pod belongs to the release\'s completed db-migrate Job. Nothing needs doing.',
    ask: { service: 'notification-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...migrate.objects,
      ...exposed({ namespace: ns, name: 'notification-gateway', selector: { app: 'notification-gateway' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 2 * DAYS + 3 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 2 * DAYS + 3 * HOURS - 4),
      jobEvent(migrate.objects[0], 'SuccessfulCreate', `Created pod: ${migPod?.metadata?.name ?? ''}`, 2 * DAYS + 3 * HOURS + 2),
      jobEvent(migrate.objects[0], 'Completed', 'Job completed', 2 * DAYS + 3 * HOURS + 1.5),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      ...(migPod === undefined ? [] : [logsFor(migPod, 'migrate', { current: lines('', '> notification-gateway@3.4.1 migrate', '> node dist/migrate.js', '', 'migrations: 41 applied, 1 pending', 'applying 0042_add_device_locale ... done (212 ms)', 'migrations: up to date') })]),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|all clear|no (problems?|issues?|failures?)|nothing (wrong|to do)|\b3\/3\b/i],
      facts: [/notification-gateway/],
      never: [/\bOOM/, /crash ?loop/i, /ExperimentalWarning[^\n]*(cause|problem|fail)/i, /event loop (delay|lag)[^\n]*(high|block|saturat|problem)/i, /db-migrate[^\n]*(fail|stuck)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  zookeeperServerListOffByOne(),
  kraftVotersAfterControllerScaleDown(),
  otelCollectorMemoryLimiterRefusing(),
  unleashServiceRenamedFlagsDefaultOff(),
  postgresReplicaMaxWalSenders(),
  kafkaHotPartitionTenantKey(),
  healthyNodeServiceExperimentalWarnings(),
];
