// Held-out stories, round 31, part two: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// A Cassandra ring (RF=3) with two of its three nodes down (cassandra-1 on a node that stopped
// posting status, cassandra-2 crash-looping on a torn commit log after its node rebooted), so the
// Ready app's QUORUM reads and writes fail; Prometheus OOMKilled on every start while replaying a
// WAL that a high-cardinality label blew up hours ago; a new image with too many layers whose
// every pull fails with containerd's `max depth exceeded`; Kafka producers refused with
// NOT_ENOUGH_REPLICAS because kafka-2 cannot schedule (its volume is in a zone no node is left in)
// and kafka-1 crash-loops on a full disk; a Service still selecting version=v1 after the
// Deployment's pods became version=v2, leaving it without endpoints; a node-local egress proxy
// (DaemonSet) crash-looping on the one node its stalled rollout reached, so only the app's pods on
// that node fail their outbound calls; and a healthy control whose cloud-sql-proxy sidecar logs
// routine hourly refresh and reconnection warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, epochMs, backOff, boundClaim, clfTime, configMap, container, crashLoop, daemonSetApp, deploymentApp, event, execProbe,
  exposed, failedScheduling, httpProbe, nameOf, networkPolicy, node, nodeEvent, notTriggerScaleUp, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, uidOf, waiting, endpointSliceFor, hpa,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

/** The Deployment object of a built app. */
const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

/** The node controller's view of a pod on a node that stopped posting status: Ready False, no reason, and the taint manager's deletion. */
function markedNotReadyByNodeController(p: k8s.V1Pod, sinceAgo: number): void {
  for (const c of p.status?.conditions ?? []) {
    if (c.type === 'Ready') {
      c.status = 'False';
      c.lastTransitionTime = ago(sinceAgo);
      delete c.reason;
      delete c.message;
    }
    if (c.type === 'ContainersReady') {
      c.status = 'True';
      c.lastTransitionTime = new Date((p.metadata?.creationTimestamp ?? ago(0)).getTime() + 40_000);
      delete c.reason;
      delete c.message;
    }
  }
}

/** Envoy's / Java's `2026-11-21 03:11:02.118`. */
const dotTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. Cassandra: two of three nodes down, QUORUM unavailable ----------------------------------

function cassandraQuorumTwoNodesDown(): CorpusScenario {
  const ns = 'orders';
  const [nA, nB, nC] = ['10.0.144.23', '10.0.161.152', '10.0.178.77'].map(eksNodeName) as [string, string, string];
  const nodes = [
    node({ name: nA, zone: 'eu-west-1a', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63035900Ki', pods: '58' } }),
    node({ name: nB, zone: 'eu-west-1b', instanceType: 'r6i.2xlarge', ready: 'Unknown', readySince: 52, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63035900Ki', pods: '58' } }),
    node({ name: nC, zone: 'eu-west-1c', instanceType: 'r6i.2xlarge', readySince: 31.6, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63035900Ki', pods: '58' } }),
  ];
  const cImage = 'docker.io/library/cassandra:4.1.7';
  const seeds = 'cassandra-0.cassandra.orders.svc.cluster.local,cassandra-1.cassandra.orders.svc.cluster.local';
  const ctpl = {
    containers: [
      container({
        name: 'cassandra',
        image: cImage,
        ports: [{ name: 'intra-node', containerPort: 7000 }, { name: 'cql', containerPort: 9042 }, { name: 'jmx', containerPort: 7199 }],
        cpu: '2',
        memory: '12Gi',
        env: [
          { name: 'CASSANDRA_CLUSTER_NAME', value: 'orders-prod' },
          { name: 'CASSANDRA_DC', value: 'eu-west-1' },
          { name: 'CASSANDRA_ENDPOINT_SNITCH', value: 'GossipingPropertyFileSnitch' },
          { name: 'CASSANDRA_SEEDS', value: seeds },
          { name: 'MAX_HEAP_SIZE', value: '6G' },
          { name: 'HEAP_NEWSIZE', value: '1200M' },
        ],
        readiness: execProbe(['/bin/bash', '-c', 'nodetool info | grep -q "Native Transport active: true"'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 10 }),
        liveness: tcpProbe(7000, { initialDelaySeconds: 120, periodSeconds: 20, timeoutSeconds: 5 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
      }),
    ],
    terminationGracePeriodSeconds: 180,
  };
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 6, createdAgo: 9 * DAYS, template: ctpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: nA, createdAgo: 9 * DAYS },
      { revision: 6, ordinal: 1, node: nB, createdAgo: 9 * DAYS - 6, ready: false, deletingAgo: 46.8, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(46.8) }] },
      { revision: 6, ordinal: 2, node: nC, createdAgo: 9 * DAYS - 12, containers: { cassandra: crashLoop({ exitCode: 100, finishedAgo: 2.4, ranSeconds: 31 }, 9) } },
    ],
  });
  const [c0, c1, c2] = [podOf(cass, 0), podOf(cass, 1), podOf(cass, 2)];
  markedNotReadyByNodeController(c1, 51.7);
  const claims = [nA, nB, nC].flatMap((_, i) => boundClaim({ namespace: ns, name: `data-cassandra-${i}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, labels: { app: 'cassandra' } }));

  const appImage = (v: string) => `${ECR}/orders/order-history:${v}`;
  const appTpl = (v: string) => ({
    containers: [
      container({
        image: appImage(v),
        memory: '1536Mi',
        cpu: '500m',
        env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: '/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
        readiness: httpProbe('/actuator/health/readiness', 8080),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
        volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'order-history-config' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-history',
    replicas: 3,
    revisions: [
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: order-history 3.4.0', template: appTpl('3.4.0') },
      { revision: 13, createdAgo: 176, changeCause: 'argocd: order-history 3.4.1', template: appTpl('3.4.1') },
    ],
    pods: [
      { revision: 13, node: nA, createdAgo: 176 },
      { revision: 13, node: nB, createdAgo: 175, ready: false, deletingAgo: 46.8, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(46.8) }] },
      { revision: 13, node: nC, createdAgo: 174, containers: { app: running({ sinceAgo: 31.2, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 33.4, ranSeconds: 140 * 60 } }) } },
      { revision: 13, node: nA, createdAgo: 46.7 },
    ],
    settled: { available: true, availableSince: 172, progressingSince: 176, progressingUpdatedAgo: 172 },
  });
  const [a0, a1, a2, a3] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  markedNotReadyByNodeController(a1, 51.7);
  const ipB = ipOfPod(c1);
  const ipC = ipOfPod(c2);
  const ip0 = ipOfPod(c0);
  const other = bystander(ns, 'order-notifier', [nA, nC], 95, { revisions: [21, 22], versions: ['2.8.3', '2.9.0'], olderAgo: 16 * DAYS });
  const bootId = uidOf(`boot/${nC}/after`);

  const unavailable = 'Not enough replicas available for query at consistency QUORUM (2 required but only 1 alive)';
  const springErr = (t: number, thread: string, cql: string): string[] => [
    `${at(t)} ERROR 1 --- [order-history] [${thread}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.data.cassandra.CassandraInsufficientReplicasAvailableException: Query; CQL [${cql}]; ${unavailable}] with root cause`,
    '',
    `com.datastax.oss.driver.api.core.servererrors.UnavailableException: ${unavailable}`,
    '\tat com.datastax.oss.driver.api.core.servererrors.UnavailableException.copy(UnavailableException.java:99)',
    '\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)',
    '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)',
    '\tat org.springframework.data.cassandra.core.cql.CqlTemplate.query(CqlTemplate.java:470)',
    '\tat com.acme.orders.history.OrderHistoryRepository.findByCustomer(OrderHistoryRepository.java:61)',
  ];
  const insert = 'INSERT INTO order_history.orders_by_customer (customer_id,order_id,placed_at,status,total_cents) VALUES (?,?,?,?,?)';
  const select = 'SELECT order_id,placed_at,status,total_cents FROM order_history.orders_by_customer WHERE customer_id=? LIMIT 50';
  const appLog = (p: k8s.V1Pod, startedAgo: number) => logsFor(p, 'app', {
    current: lines(
      `${at(startedAgo)}  INFO 1 --- [order-history] [           main] c.a.orders.history.OrderHistoryApplication : Started OrderHistoryApplication in 21.448 seconds (process running for 23.02)`,
      ...(startedAgo > 52 ? [`${at(51.5)}  WARN 1 --- [order-history] [        s0-io-2] c.d.o.d.i.core.pool.ChannelPool          : [s0|cassandra-1.cassandra.orders.svc.cluster.local/${ipB}:9042]  Error while opening new channel (ConnectionInitException: [s0|connecting...] Protocol initialization request, step 1 (OPTIONS): failed to send request (io.netty.channel.ConnectTimeoutException: connection timed out: cassandra-1.cassandra.orders.svc.cluster.local/${ipB}:9042))`] : []),
      ...(startedAgo > 33.3 ? [`${at(33.3)}  WARN 1 --- [order-history] [        s0-io-3] c.d.o.d.i.core.pool.ChannelPool          : [s0|cassandra-2.cassandra.orders.svc.cluster.local/${ipC}:9042]  Error while opening new channel (ConnectionInitException: [s0|connecting...] Protocol initialization request, step 1 (OPTIONS): failed to send request (io.netty.channel.StacklessClosedChannelException))`] : []),
      ...springErr(2.3, 'nio-8080-exec-4', insert),
      ...springErr(1.1, 'nio-8080-exec-9', select),
      ...springErr(0.4, 'nio-8080-exec-2', insert),
    ),
  });

  const cassLog = (t: number): string => pyTime(t);
  const seg = epochMs(35.5) + 447;
  const fp = 'spec.containers{cassandra}';
  return {
    id: 'heldout31-cassandra-quorum-two-nodes-down',
    class: 'nodes',
    truth: `order-history reads and writes the order_history keyspace (NetworkTopologyStrategy, 3 replicas in eu-west-1) at QUORUM. 52 minutes ago the node ${nB} stopped posting status (the instance failed): cassandra-1 on it is unreachable, marked not ready and stuck Terminating. 33 minutes ago ${nC} rebooted abruptly; cassandra-2 comes back with a torn commit log segment and exits (code 100) at every start with "Mutation checksum failure" while replaying CommitLog-7-${seg}.log, crash-looping. Only cassandra-0 is alive, so every QUORUM request fails with "${unavailable}"; order-history's pods are Ready (their readiness does not check Cassandra) and its revision 13 from three hours ago is not involved. Fix: bring cassandra-2 back (move the corrupt segment aside or start it with -Dcassandra.commitlog.ignorereplayerrors=true, then repair) and replace the lost node.`,
    ask: { service: 'order-history', namespace: ns },
    objects: [
      ...nodes, ...cass.objects, ...claims, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, pods: cass.pods, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 9042 }, { name: 'intra-node', port: 7000, targetPort: 7000 }], endpointPort: 9042 }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-notifier', selector: { app: 'order-notifier' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'order-history-config', createdAgo: 200 * DAYS, updatedAgo: 40 * DAYS, data: {
        'application.yaml': lines(
          'spring:',
          '  cassandra:',
          '    keyspace-name: order_history',
          '    contact-points: cassandra-0.cassandra.orders.svc.cluster.local:9042,cassandra-1.cassandra.orders.svc.cluster.local:9042,cassandra-2.cassandra.orders.svc.cluster.local:9042',
          '    local-datacenter: eu-west-1',
          '    request:',
          '      consistency: quorum',
          '      serial-consistency: local-serial',
          '      timeout: 2s',
        ),
      } }),
      configMap({ namespace: ns, name: 'cassandra-schema', createdAgo: 210 * DAYS, data: {
        'order_history.cql': lines(
          "CREATE KEYSPACE IF NOT EXISTS order_history WITH replication = {'class': 'NetworkTopologyStrategy', 'eu-west-1': 3};",
          'CREATE TABLE IF NOT EXISTS order_history.orders_by_customer (customer_id uuid, placed_at timestamp, order_id uuid, status text, total_cents bigint, PRIMARY KEY ((customer_id), placed_at, order_id)) WITH CLUSTERING ORDER BY (placed_at DESC, order_id ASC);',
        ),
      } }),
      nodeEvent(nB, 'NodeNotReady', `Node ${nB} status is now: NodeNotReady`, { firstAgo: 51.8, component: 'node-controller' }),
      event({ on: c1, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 51.7, lastAgo: 51.7, component: 'node-controller' }),
      event({ on: a1, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 51.7, lastAgo: 51.7, component: 'node-controller' }),
      event({ on: c1, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/cassandra-1`, firstAgo: 46.8, lastAgo: 46.8, component: 'taint-eviction-controller' }),
      event({ on: a1, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(a1)}`, firstAgo: 46.8, lastAgo: 46.8, component: 'taint-eviction-controller' }),
      ...startedAt(a3, 'app', appImage('3.4.1'), 46.7),
      nodeEvent(nC, 'NodeNotReady', `Node ${nC} status is now: NodeNotReady`, { firstAgo: 33.6, component: 'node-controller' }),
      nodeEvent(nC, 'Starting', 'Starting kubelet.', { firstAgo: 32.4 }),
      nodeEvent(nC, 'Rebooted', `Node ${nC} has been rebooted, boot id: ${bootId}`, { type: 'Warning', firstAgo: 32.4 }),
      nodeEvent(nC, 'NodeReady', `Node ${nC} status is now: NodeReady`, { firstAgo: 31.6 }),
      ...restartedAgain(a2, 'app', appImage('3.4.1'), { count: 1, firstAgo: 31.3, lastAgo: 31.3 }),
      ...restartedAgain(c2, 'cassandra', cImage, { count: 10, firstAgo: 31.3, lastAgo: 2.9 }),
      backOff(c2, 'cassandra', { count: 121, firstAgo: 30.5, lastAgo: 0.3 }),
      event({ on: c2, reason: 'Unhealthy', message: `Readiness probe failed: nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused'.`, count: 14, firstAgo: 31, lastAgo: 3, fieldPath: fp }),
    ],
    logs: [
      logsFor(c0, 'cassandra', { current: lines(
        `INFO  [GossipTasks:1] ${cassLog(51.6)} Gossiper.java:1363 - InetAddress /${ipB}:7000 is now DOWN`,
        `INFO  [Messaging-EventLoop-3-2] ${cassLog(51.6)} OutboundConnection.java:1183 - /${ip0}:7000(/${ip0}:51324)->/${ipB}:7000-URGENT_MESSAGES-[no-channel] failed to connect`,
        `INFO  [GossipTasks:1] ${cassLog(33.3)} Gossiper.java:1363 - InetAddress /${ipC}:7000 is now DOWN`,
        `INFO  [HANDSHAKE-/${ipC}] ${cassLog(30.9)} OutboundConnectionInitiator.java:390 - /${ip0}:7000(/${ip0}:40188)->/${ipC}:7000-URGENT_MESSAGES-[no-channel] failed to connect`,
      ) }),
      logsFor(c2, 'cassandra', { previous: lines(
        `INFO  [main] ${cassLog(2.9)} CassandraDaemon.java:624 - JVM Arguments: [-Xms6G, -Xmx6G, -Xmn1200M, -XX:+UseG1GC, -Dcassandra.config=file:///etc/cassandra/cassandra.yaml]`,
        `INFO  [main] ${cassLog(2.8)} ColumnFamilyStore.java:496 - Initializing order_history.orders_by_customer`,
        `INFO  [main] ${cassLog(2.6)} CommitLog.java:195 - Replaying /var/lib/cassandra/commitlog/CommitLog-7-${seg - 1}.log, /var/lib/cassandra/commitlog/CommitLog-7-${seg}.log`,
        `INFO  [main] ${cassLog(2.5)} CommitLogReader.java:257 - Finished reading /var/lib/cassandra/commitlog/CommitLog-7-${seg - 1}.log`,
        `ERROR [main] ${cassLog(2.4)} JVMStabilityInspector.java:196 - Exiting due to error while processing commit log during initialization.`,
        `org.apache.cassandra.db.commitlog.CommitLogReadHandler$CommitLogReadException: Mutation checksum failure at 28611094 in Next section at 28442373 in CommitLog-7-${seg}.log`,
        '\tat org.apache.cassandra.db.commitlog.CommitLogReplayer.handleUnrecoverableError(CommitLogReplayer.java:522)',
        '\tat org.apache.cassandra.db.commitlog.CommitLogReader.readMutation(CommitLogReader.java:414)',
        '\tat org.apache.cassandra.db.commitlog.CommitLogReader.readSection(CommitLogReader.java:371)',
        '\tat org.apache.cassandra.db.commitlog.CommitLogReader.readCommitLogSegment(CommitLogReader.java:243)',
        '\tat org.apache.cassandra.db.commitlog.CommitLogReplayer.replayFiles(CommitLogReplayer.java:191)',
        '\tat org.apache.cassandra.db.commitlog.CommitLog.recoverFiles(CommitLog.java:223)',
        '\tat org.apache.cassandra.service.CassandraDaemon.setup(CassandraDaemon.java:360)',
      ) }),
      appLog(a0, 175.5), appLog(a2, 31), appLog(a3, 46.3),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quorum/i, /cassandra-[12]\b/],
      facts: [lit('2 required but only 1 alive'), lit(nB), /commit ?log|CommitLog/i, /\b100\b/],
      never: [ADVISES_ROLLBACK, /order-history[^\n]*(crash|OOM|out of memory)/i, /\bOOM/, /order-notifier/],
    },
  };
}

// ---- 2. Prometheus OOMKilled while replaying its WAL ---------------------------------------------

function prometheusOomWalReplay(): CorpusScenario {
  const ns = 'monitoring';
  const [nA, nB, nC] = ['10.0.96.41', '10.0.112.9', '10.0.121.188'].map(eksNodeName) as [string, string, string];
  const nodes = [
    node({ name: nA, zone: 'eu-west-1a', instanceType: 'r6i.xlarge', pool: 'observability', allocatable: { cpu: '3920m', 'ephemeral-storage': '76224326324', memory: '31320236Ki', pods: '58' } }),
    node({ name: nB, zone: 'eu-west-1b', instanceType: 'r6i.xlarge', pool: 'observability', allocatable: { cpu: '3920m', 'ephemeral-storage': '76224326324', memory: '31320236Ki', pods: '58' } }),
    node({ name: nC, zone: 'eu-west-1c' }),
  ];
  const image = 'quay.io/prometheus/prometheus:v2.54.1';
  const tpl = {
    containers: [
      container({
        name: 'prometheus',
        image,
        args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=15d', '--web.enable-lifecycle', '--web.route-prefix=/'],
        ports: [{ name: 'web', containerPort: 9090 }],
        cpu: '1',
        memory: '8Gi',
        cpuLimit: '2',
        readiness: httpProbe('/-/ready', 'web', { timeoutSeconds: 3, periodSeconds: 5 }),
        liveness: httpProbe('/-/healthy', 'web', { timeoutSeconds: 3, periodSeconds: 5, failureThreshold: 6 }),
        startup: httpProbe('/-/ready', 'web', { timeoutSeconds: 3, periodSeconds: 15, failureThreshold: 60 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus', readOnly: true }, { name: 'prometheus-db', mountPath: '/prometheus' }],
      }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'prometheus-config' } }],
    serviceAccountName: 'prometheus',
    securityContext: { runAsUser: 65534, runAsNonRoot: true, fsGroup: 65534 },
    terminationGracePeriodSeconds: 600,
    priorityClassName: 'monitoring-critical',
  };
  const oom = (restarts: number, finishedAgo: number, ranSeconds: number) => crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds }, restarts);
  const prom = statefulSetApp({
    namespace: ns,
    name: 'prometheus',
    replicas: 2,
    serviceName: 'prometheus-operated',
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 19 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'prometheus-db', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: nA, createdAgo: 19 * DAYS, containers: { prometheus: oom(17, 2.5, 86) } },
      { revision: 4, ordinal: 1, node: nB, createdAgo: 19 * DAYS - 4, containers: { prometheus: oom(16, 0.9, 91) } },
    ],
  });
  const [p0, p1] = [podOf(prom, 0), podOf(prom, 1)];
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `prometheus-db-prometheus-${i}`, storage: '200Gi', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 300 * DAYS, labels: { app: 'prometheus' } }));

  const grafana = bystander(ns, 'grafana', [nC, nA], 48, { revisions: [14, 15], versions: ['11.2.2', '11.3.0'], olderAgo: 30 * DAYS });
  const ksmImage = 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0';
  const ksm = deploymentApp({
    namespace: ns,
    name: 'kube-state-metrics',
    replicas: 1,
    revisions: [{ revision: 7, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'kube-state-metrics', image: ksmImage, ports: [{ name: 'http-metrics', containerPort: 8080 }, { name: 'telemetry', containerPort: 8081 }], memory: '256Mi', cpu: '100m', readiness: httpProbe('/', 8081), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] } }],
    pods: [{ revision: 7, node: nC, createdAgo: 45 * DAYS }],
  });

  // The other team's deploy that added a per-request label to a histogram, six and a half hours ago.
  const searchImage = (v: string) => `${ECR}/search/search-api:${v}`;
  const searchTpl = (v: string) => ({ containers: [container({ image: searchImage(v), memory: '1Gi', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9102 }] })], annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102' } });
  const search = deploymentApp({
    namespace: 'search',
    name: 'search-api',
    replicas: 6,
    revisions: [
      { revision: 57, createdAgo: 11 * DAYS, changeCause: 'argocd: search-api 4.1.7', template: searchTpl('4.1.7') },
      { revision: 58, createdAgo: 6.5 * HOURS, changeCause: 'argocd: search-api 4.2.0 (metrics: add query and session_id labels to search_request_duration_seconds)', template: searchTpl('4.2.0') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((i) => ({ revision: 58, node: [nA, nB, nC][i % 3] ?? nA, createdAgo: 6.5 * HOURS - i })),
  });

  const prev = (startAgo: number, lastSegment: number): string => lines(
    `ts=${at(startAgo)} caller=main.go:645 level=info msg="Starting Prometheus Server" mode=server version="(version=2.54.1, branch=HEAD, revision=e6cfa720fbe6280153fab13090a483dbd40bece3)"`,
    `ts=${at(startAgo)} caller=main.go:650 level=info build_context="(go=go1.22.6, platform=linux/amd64, user=root@812ffd741951, date=20240827-10:56:41, tags=netgo,builtinassets,stringlabels)"`,
    `ts=${at(startAgo)} caller=main.go:652 level=info fd_limits="(soft=1048576, hard=1048576)"`,
    `ts=${at(startAgo - 0.01)} caller=web.go:571 level=info component=web msg="Start listening for connections" address=0.0.0.0:9090`,
    `ts=${at(startAgo - 0.01)} caller=main.go:1160 level=info msg="Starting TSDB ..."`,
    `ts=${at(startAgo - 0.02)} caller=head.go:626 level=info component=tsdb msg="Replaying on-disk memory mappable chunks if any"`,
    `ts=${at(startAgo - 0.2)} caller=head.go:713 level=info component=tsdb msg="On-disk memory mappable chunks replay completed" duration=11.287s`,
    `ts=${at(startAgo - 0.2)} caller=head.go:721 level=info component=tsdb msg="Replaying WAL, this may take a while"`,
    `ts=${at(startAgo - 0.45)} caller=head.go:758 level=info component=tsdb msg="WAL checkpoint loaded"`,
    ...Array.from({ length: lastSegment - 4412 + 1 }, (_, i) => `ts=${at(startAgo - 0.5 - i * 0.025)} caller=head.go:793 level=info component=tsdb msg="WAL segment loaded" segment=${4412 + i} maxSegment=4597`).filter((_, i, all) => i < 4 || i % 8 === 0 || i === all.length - 1),
  );

  const fp = 'spec.containers{prometheus}';
  return {
    id: 'heldout31-prometheus-oom-wal-replay',
    class: 'containers',
    truth: 'Six and a half hours ago search-api 4.2.0 (namespace search) added query and session_id labels to a histogram, multiplying the active series Prometheus holds in its head block. Both Prometheus replicas (8Gi memory limit) were OOMKilled, and since then every start dies the same way: the TSDB replays the write-ahead log (segments 4412 to 4597) to rebuild the head, memory climbs past 8Gi before the replay finishes, and the kernel kills the container (OOMKilled, exit 137) about 90 seconds in, before it ever becomes ready: a crash loop with 17 and 16 restarts. Neither the Prometheus StatefulSet (revision 4, 19 days old) nor its config changed; the probes are not what kills it (the startup probe allows 15 minutes). Fix: raise the memory limit enough to finish the replay (or move the WAL aside, losing the last hours), then drop the offending labels with a metric_relabel_configs rule or fix search-api.',
    ask: { service: 'prometheus', namespace: ns },
    objects: [
      ...nodes, ...prom.objects, ...claims, ...grafana.objects, ...ksm.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'prometheus-operated', selector: { app: 'prometheus' }, pods: prom.pods, headless: true, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'prometheus', selector: { app: 'prometheus' }, pods: prom.pods, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'grafana', selector: { app: 'grafana' }, pods: grafana.pods }),
      ...exposed({ namespace: ns, name: 'kube-state-metrics', selector: { app: 'kube-state-metrics' }, pods: ksm.pods, ports: [{ name: 'http-metrics', port: 8080, targetPort: 'http-metrics' }] }),
      ...exposed({ namespace: 'search', name: 'search-api', selector: { app: 'search-api' }, pods: search.pods }),
      configMap({ namespace: ns, name: 'prometheus-config', createdAgo: 300 * DAYS, updatedAgo: 26 * DAYS, data: {
        'prometheus.yml': lines(
          'global:',
          '  scrape_interval: 30s',
          '  evaluation_interval: 30s',
          '  external_labels:',
          '    cluster: prod-eu-west-1',
          'scrape_configs:',
          '  - job_name: kubernetes-pods',
          '    kubernetes_sd_configs:',
          '      - role: pod',
          '    relabel_configs:',
          '      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]',
          '        action: keep',
          '        regex: "true"',
          '  - job_name: kube-state-metrics',
          '    static_configs:',
          '      - targets: [kube-state-metrics.monitoring.svc:8080]',
        ),
      } }),
      ...restartedAgain(p0, 'prometheus', image, { count: 17, firstAgo: 3.2 * HOURS, lastAgo: 3.9 }),
      ...restartedAgain(p1, 'prometheus', image, { count: 16, firstAgo: 3.1 * HOURS, lastAgo: 2.4 }),
      backOff(p0, 'prometheus', { count: 214, firstAgo: 3.1 * HOURS, lastAgo: 0.2 }),
      backOff(p1, 'prometheus', { count: 201, firstAgo: 3.0 * HOURS, lastAgo: 0.4 }),
      event({ on: p0, reason: 'Unhealthy', message: 'Startup probe failed: HTTP probe failed with statuscode: 503', count: 88, firstAgo: 3.2 * HOURS, lastAgo: 2.7, fieldPath: fp }),
      event({ on: p1, reason: 'Unhealthy', message: 'Startup probe failed: HTTP probe failed with statuscode: 503', count: 83, firstAgo: 3.1 * HOURS, lastAgo: 1.1, fieldPath: fp }),
      nodeEvent(nA, 'OOMKilling', 'Memory cgroup out of memory: Killed process 2817331 (prometheus) total-vm:11839212kB, anon-rss:8371040kB, file-rss:18244kB, shmem-rss:0kB, UID:65534 pgtables:17012kB oom_score_adj:-997', { type: 'Warning', count: 18, firstAgo: 3.3 * HOURS, lastAgo: 2.5, component: 'kernel-monitor' }),
      nodeEvent(nB, 'OOMKilling', 'Memory cgroup out of memory: Killed process 1933820 (prometheus) total-vm:11902344kB, anon-rss:8369652kB, file-rss:17920kB, shmem-rss:0kB, UID:65534 pgtables:16988kB oom_score_adj:-997', { type: 'Warning', count: 17, firstAgo: 3.2 * HOURS, lastAgo: 0.9, component: 'kernel-monitor' }),
      ...startedAt(podOf(grafana, 0), 'app', `${ECR}/${ns}/grafana:11.3.0`, 48),
      event({ on: podOf(grafana, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(grafana, 0))}:8080/ready": dial tcp ${ipOfPod(podOf(grafana, 0))}:8080: connect: connection refused`, count: 2, firstAgo: 47.8, lastAgo: 47.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p0, 'prometheus', { previous: prev(3.93, 4523) }),
      logsFor(p1, 'prometheus', { previous: prev(2.42, 4531) }),
      logsFor(podOf(ksm, 0), 'kube-state-metrics', { current: lines(`I1121 02:58:12.118224       1 server.go:199] "Started metrics server" metricsServerAddress="[::]:8080"`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bOOM|out of memory|memory limit/i, /WAL|replay/i],
      facts: [/\b137\b/, /Replaying WAL|WAL segment loaded/, /8Gi/],
      never: [ADVISES_ROLLBACK, /(liveness|startup) probe[^\n]*(kill|restart)/i, /killed by (the )?(liveness|startup)/i, /grafana/i, /memory pressure|evicted/i],
    },
  };
}

// ---- 3. A new image with too many layers: max depth exceeded on every pull -----------------------

function imageMaxDepthExceeded(): CorpusScenario {
  const ns = 'catalog';
  const [nA, nB, nC] = ['10.0.64.31', '10.0.81.152', '10.0.90.77'].map(eksNodeName) as [string, string, string];
  const nodes = [node({ name: nA, zone: 'eu-west-1a' }), node({ name: nB, zone: 'eu-west-1b' }), node({ name: nC, zone: 'eu-west-1c' })];
  const image = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        command: ['gunicorn', 'catalog.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8080'],
        memory: '1Gi',
        cpu: '500m',
        env: [{ name: 'CATALOG_DB_HOST', value: 'catalog-pg.catalog.svc.cluster.local' }],
        readiness: httpProbe('/health/ready', 8080),
        liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }),
      }),
    ],
  });
  const newer = image('2.19.0');
  const digest = 'sha256:9b3e6c2f0a7d41e85f1c2b4d6a8e0f13c5d7e9a1b3c5d7e9f1a3b5c7d9e1f3a5';
  const pullErr = `rpc error: code = Unknown desc = failed to pull and unpack image "${newer}": failed to extract layer ${digest}: max depth exceeded`;
  const stuck = waiting('ImagePullBackOff', `Back-off pulling image "${newer}": ErrImagePull: ${pullErr}`);
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 2.18.3', template: tpl('2.18.3') },
      { revision: 41, createdAgo: 26, changeCause: 'argocd: catalog-api 2.19.0 (build: one pip install layer per requirement for better cache reuse)', template: tpl('2.19.0') },
    ],
    pods: [
      { revision: 40, node: nA, createdAgo: 6 * DAYS },
      { revision: 40, node: nB, createdAgo: 6 * DAYS - 1 },
      { revision: 40, node: nC, createdAgo: 6 * DAYS - 2 },
      { revision: 41, node: nA, createdAgo: 25.9, containers: { app: stuck } },
      { revision: 41, node: nC, createdAgo: 25.9, containers: { app: stuck } },
    ],
  });
  const [n0, n1] = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'catalog-indexer', [nB, nC], 39, { revisions: [11, 12], versions: ['1.6.0', '1.6.1'], olderAgo: 20 * DAYS });
  const fp = 'spec.containers{app}';
  const pullEvents = (p: k8s.V1Pod, shift: number): k8s.CoreV1Event[] => [
    scheduled(p, 25.9),
    event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${newer}"`, count: 7, firstAgo: 25.8, lastAgo: 4.4 - shift, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: `Failed to pull image "${newer}": ${pullErr}`, count: 7, firstAgo: 25.1, lastAgo: 3.7 - shift, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 7, firstAgo: 25.1, lastAgo: 3.7 - shift, fieldPath: fp }),
    event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${newer}"`, count: 96, firstAgo: 25, lastAgo: 0.3, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 96, firstAgo: 25, lastAgo: 0.3, fieldPath: fp }),
  ];
  const access = (t: number, path: string, ms: number) => `10.0.${Math.round(t * 7) % 60}.${Math.round(t * 13) % 250} - "GET ${path} HTTP/1.1" 200 ${ms}ms`;
  return {
    id: 'heldout31-image-max-depth-exceeded',
    class: 'rollout',
    truth: 'catalog-api revision 41 (2.19.0, 26 minutes ago) ships an image built by a new Dockerfile that runs one pip install per requirement, which stacks more layers than the nodes\' containerd overlay snapshotter can mount: every pull downloads the layers, then fails to unpack with "failed to extract layer sha256:…: max depth exceeded". The two new pods sit in ImagePullBackOff, the rollout stopped (ProgressDeadlineExceeded) and three revision-40 pods (2.18.3) keep serving. The registry, the tag and the pull credentials are fine. Fix: rebuild 2.19.0 with the installs squashed into a few layers (multi-stage build), or roll back to revision 40 meanwhile.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 3, 4, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 2, 1, 26),
      ...pullEvents(n0, 0), ...pullEvents(n1, 0.6),
      ...startedAt(podOf(other, 0), 'app', `${ECR}/${ns}/catalog-indexer:1.6.1`, 39),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        `[${pyTime(6 * DAYS - 1).replace(',', '.')} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
        `[${pyTime(6 * DAYS - 1).replace(',', '.')} +0000] [1] [INFO] Listening at: http://0.0.0.0:8080 (1)`,
        `INFO:     ${access(1.4, '/v2/products?category=garden&page=2', 23)}`,
        `INFO:     ${access(0.7, '/v2/products/sku-88213', 9)}`,
        `INFO:     ${access(0.2, '/health/ready', 1)}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max depth exceeded|too many (image )?layers|layer (limit|depth|count)/i, /2\.19\.0|revision 41/],
      facts: [lit('failed to extract layer'), /ImagePullBackOff|ErrImagePull/, /revision 40|2\.18\.3/],
      never: [/(tag|image|manifest)[^\n]*(not found|does not exist|doesn't exist|missing)/i, /unauthori[sz]ed|pull secret|credential|403 Forbidden/i, /disk (pressure|full)|no space left/i, /\bOOM/, /catalog-indexer/],
    },
  };
}

// ---- 4. Kafka NOT_ENOUGH_REPLICAS: kafka-2 has no node in its volume's zone, kafka-1's disk is full --

function kafkaNotEnoughReplicas(): CorpusScenario {
  const kns = 'kafka';
  const ns = 'payments';
  const gone = eksNodeName('10.0.101.9');
  const hosts: [string, string][] = [['10.0.33.41', 'eu-west-1a'], ['10.0.37.118', 'eu-west-1a'], ['10.0.70.12', 'eu-west-1b'], ['10.0.75.203', 'eu-west-1b']];
  const nodes = hosts.map(([ip, zone], i) => node({ name: eksNodeName(ip), zone, instanceType: 'm6i.2xlarge', pool: 'general-v2', createdAgo: i < 2 ? 64 * DAYS : 50, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '31320236Ki', pods: '58' } }));
  const [nA1, nA2, nB1, nB2] = nodes.map(nameOf) as [string, string, string, string];
  const kImage = 'docker.io/apache/kafka:3.8.1';
  const kafkaTpl = (role: 'broker' | 'controller') => ({
    containers: [
      container({
        name: 'kafka',
        image: kImage,
        command: ['/bin/bash', '-c', `export KAFKA_NODE_ID=$((\${HOSTNAME##*-}${role === 'controller' ? ' + 100' : ''})); exec /etc/kafka/docker/run`],
        ports: role === 'broker' ? [{ name: 'client', containerPort: 9092 }, { name: 'internal', containerPort: 9094 }] : [{ name: 'controller', containerPort: 9093 }],
        cpu: role === 'broker' ? '2' : '500m',
        memory: role === 'broker' ? '8Gi' : '2Gi',
        env: [
          { name: 'KAFKA_PROCESS_ROLES', value: role },
          { name: 'KAFKA_CONTROLLER_QUORUM_VOTERS', value: '100@kafka-controller-0.kafka-controller-headless.kafka.svc.cluster.local:9093,101@kafka-controller-1.kafka-controller-headless.kafka.svc.cluster.local:9093,102@kafka-controller-2.kafka-controller-headless.kafka.svc.cluster.local:9093' },
          { name: 'KAFKA_LOG_DIRS', value: '/var/lib/kafka/data' },
          { name: 'KAFKA_HEAP_OPTS', value: role === 'broker' ? '-Xms4g -Xmx4g' : '-Xms1g -Xmx1g' },
        ],
        envFrom: [{ configMapRef: { name: 'kafka-broker-config' } }],
        readiness: tcpProbe(role === 'broker' ? 9092 : 9093, { initialDelaySeconds: 15, periodSeconds: 10 }),
        liveness: tcpProbe(role === 'broker' ? 9092 : 9093, { initialDelaySeconds: 60, periodSeconds: 20, failureThreshold: 6 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
      }),
    ],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: role === 'broker' ? 'kafka' : 'kafka-controller' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    terminationGracePeriodSeconds: 120,
  });
  const noNode = '0/4 nodes are available: 4 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  const brokers = statefulSetApp({
    namespace: kns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 260 * DAYS,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, template: kafkaTpl('broker') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: nA1, createdAgo: 33 * DAYS },
      { revision: 9, ordinal: 1, node: nB1, createdAgo: 33 * DAYS - 3, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 1.7, ranSeconds: 24 }, 7) } },
      { revision: 9, ordinal: 2, node: null, createdAgo: 47.5, unschedulable: noNode },
    ],
  });
  const controllers = statefulSetApp({
    namespace: kns,
    name: 'kafka-controller',
    replicas: 3,
    serviceName: 'kafka-controller-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 260 * DAYS,
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: kafkaTpl('controller') }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: nA2, createdAgo: 33 * DAYS },
      { revision: 4, ordinal: 1, node: nB2, createdAgo: 33 * DAYS - 2 },
      { revision: 4, ordinal: 2, node: null, createdAgo: 47.4, unschedulable: noNode },
    ],
  });
  const [k0, k1, k2] = [podOf(brokers, 0), podOf(brokers, 1), podOf(brokers, 2)];
  const kc2 = podOf(controllers, 2);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [
    ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: kns, name: `data-kafka-${i}`, storage: '200Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 260 * DAYS, labels: { app: 'kafka' } })),
    ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: kns, name: `data-kafka-controller-${i}`, storage: '20Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 260 * DAYS, labels: { app: 'kafka-controller' } })),
  ];

  const appImage = (v: string) => `${ECR}/payments/ledger-writer:${v}`;
  const appTpl = (v: string) => ({
    containers: [
      container({
        image: appImage(v),
        memory: '1Gi',
        env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
        envFrom: [{ configMapRef: { name: 'ledger-writer-config' } }],
        readiness: httpProbe('/actuator/health/readiness', 8080),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-writer',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 8 * DAYS, changeCause: 'argocd: ledger-writer 5.2.0', template: appTpl('5.2.0') },
      { revision: 34, createdAgo: 118, changeCause: 'argocd: ledger-writer 5.2.1', template: appTpl('5.2.1') },
    ],
    pods: [{ revision: 34, node: nA1, createdAgo: 117 }, { revision: 34, node: nB2, createdAgo: 116 }, { revision: 34, node: nA2, createdAgo: 115 }],
  });
  const other = bystander(ns, 'ledger-api', [nA2, nB1], 70, { revisions: [61, 62], versions: ['3.30.1', '3.31.0'], olderAgo: 12 * DAYS });
  const ipK1 = ipOfPod(k1);

  const kt = (m: number) => `[${pyTime(m)}]`;
  const partitions = [0, 3, 4];
  const k0Log = lines(
    `${kt(47.9)} INFO [Partition payments.ledger-0 broker=0] Shrinking ISR from 0,1,2 to 0,1. Leader: (highWatermark: 88412093, endOffset: 88412101). Out of sync replicas: (brokerId: 2, endOffset: 88411988, lastCaughtUpTimeMs: ${epochMs(48.3)}, lastFetchTimeMs: ${epochMs(48.3)}). (kafka.cluster.Partition)`,
    `${kt(47.9)} INFO [Partition payments.ledger-3 broker=0] Shrinking ISR from 0,2,1 to 0,1. Leader: (highWatermark: 87990411, endOffset: 87990415). Out of sync replicas: (brokerId: 2, endOffset: 87990377, lastCaughtUpTimeMs: ${epochMs(48.3)}, lastFetchTimeMs: ${epochMs(48.3)}). (kafka.cluster.Partition)`,
    `${kt(19.6)} INFO [Partition payments.ledger-0 broker=0] Shrinking ISR from 0,1 to 0. Leader: (highWatermark: 88901744, endOffset: 88901750). Out of sync replicas: (brokerId: 1, endOffset: 88901744, lastCaughtUpTimeMs: ${epochMs(19.9)}, lastFetchTimeMs: ${epochMs(19.9)}). (kafka.cluster.Partition)`,
    `${kt(19.6)} INFO [Partition payments.ledger-3 broker=0] Shrinking ISR from 0,1 to 0. Leader: (highWatermark: 88477102, endOffset: 88477102). Out of sync replicas: (brokerId: 1, endOffset: 88477090, lastCaughtUpTimeMs: ${epochMs(19.9)}, lastFetchTimeMs: ${epochMs(19.9)}). (kafka.cluster.Partition)`,
    `${kt(19.5)} INFO [ReplicaFetcherManager on broker 0] Removed fetcher for partitions Set(payments.ledger-1, payments.ledger-2, payments.ledger-4, payments.ledger-5) (kafka.server.ReplicaFetcherManager)`,
    ...partitions.flatMap((p, i) => [
      `${kt(2.2 - i * 0.6)} ERROR [ReplicaManager broker=0] Error processing append operation on partition payments.ledger-${p} (kafka.server.ReplicaManager)`,
      `org.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR Set(0) is insufficient to satisfy the min.isr requirement of 2 for partition payments.ledger-${p}`,
    ]),
  );
  const k1Prev = lines(
    `${kt(2.1)} INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
    `${kt(2.1)} INFO [BrokerServer id=1] Transition from SHUTDOWN to STARTING (kafka.server.BrokerServer)`,
    `${kt(2.0)} INFO Loading logs from log dirs ArraySeq(/var/lib/kafka/data) (kafka.log.LogManager)`,
    `${kt(1.9)} INFO [LogLoader partition=payments.ledger-4, dir=/var/lib/kafka/data] Loading producer state till offset 87755210 with message format version 2 (kafka.log.UnifiedLog$)`,
    `${kt(1.8)} ERROR Error while writing to checkpoint file /var/lib/kafka/data/payments.ledger-4/leader-epoch-checkpoint (org.apache.kafka.storage.internals.log.LogDirFailureChannel)`,
    'java.io.IOException: No space left on device',
    '\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)',
    '\tat java.base/java.io.FileOutputStream.write(FileOutputStream.java:367)',
    '\tat org.apache.kafka.server.common.CheckpointFile.write(CheckpointFile.java:89)',
    `${kt(1.7)} ERROR Shutdown broker because all log dirs in /var/lib/kafka/data have failed (kafka.log.LogManager)`,
  );
  const producer = (p: k8s.V1Pod, seed: number) => logsFor(p, 'app', { current: lines(
    `${at(3.1)}  WARN 1 --- [ledger-writer] [ad | producer-1] o.a.k.c.p.internals.Sender              : [Producer clientId=producer-1, transactionalId=ledger-writer-${seed}] Got error produce response with correlation id ${48213 + seed * 7} on topic-partition payments.ledger-3, retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS`,
    `${at(2.4)}  WARN 1 --- [ledger-writer] [ad | producer-1] o.a.k.c.p.internals.Sender              : [Producer clientId=producer-1, transactionalId=ledger-writer-${seed}] Got error produce response with correlation id ${48290 + seed * 7} on topic-partition payments.ledger-0, retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS`,
    `${at(1.3)} ERROR 1 --- [ledger-writer] [ad | producer-1] o.s.k.support.LoggingProducerListener    : Exception thrown when sending a message with key='acct-${4411 + seed}' and payload='LedgerEntry[id=le_${88210 + seed}, amount=-1250, currency=EUR]' to topic payments.ledger:`,
    'org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.',
    `${at(1.3)} ERROR 1 --- [ledger-writer] [nio-8080-exec-${3 + seed}] c.a.p.ledger.web.LedgerEntryController  : append failed, returning 503 to caller: org.springframework.kafka.KafkaException: Send failed`,
    `${at(0.6)}  WARN 1 --- [ledger-writer] [ad | producer-1] o.a.k.c.p.internals.Sender              : [Producer clientId=producer-1, transactionalId=ledger-writer-${seed}] Got error produce response with correlation id ${48377 + seed * 7} on topic-partition payments.ledger-4, retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS`,
  ) });
  return {
    id: 'heldout31-kafka-not-enough-replicas',
    class: 'storage',
    truth: `ledger-writer produces to payments.ledger (replication factor 3, min.insync.replicas=2, acks=all). 48 minutes ago the general node group was moved to eu-west-1a and eu-west-1b only and its eu-west-1c node ${gone} was removed: kafka-2 (and kafka-controller-2) were recreated but stay Pending because their EBS volumes live in eu-west-1c, where no node is left (volume node affinity conflict; the autoscaler cannot add one). 20 minutes ago kafka-1's 200Gi data volume filled up: it shuts down at every start with "No space left on device" / "all log dirs … have failed" (exit 1) and crash-loops. Only kafka-0 is in sync (ISR Set(0)), so every produce is refused with NOT_ENOUGH_REPLICAS; ledger-writer's pods stay Ready and answer 503. Its revision 34 (two hours ago) is not the cause. Fix: give eu-west-1c a node again (or move kafka-2's data), and grow kafka-1's volume / free space so it rejoins the ISR.`,
    ask: { service: 'ledger-writer', namespace: ns },
    objects: [
      ...nodes, ...brokers.objects, ...controllers.objects, ...claims, ...app.objects, ...other.objects,
      ...exposed({ namespace: kns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: brokers.pods, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      ...exposed({ namespace: kns, name: 'kafka-controller-headless', selector: { app: 'kafka-controller' }, pods: controllers.pods, headless: true, ports: [{ name: 'controller', port: 9093, targetPort: 9093 }], endpointPort: 9093 }),
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: other.pods }),
      configMap({ namespace: kns, name: 'kafka-broker-config', createdAgo: 260 * DAYS, updatedAgo: 33 * DAYS, data: {
        KAFKA_LISTENERS: 'CLIENT://:9092,INTERNAL://:9094',
        KAFKA_ADVERTISED_LISTENERS: 'CLIENT://$(HOSTNAME).kafka-headless.kafka.svc.cluster.local:9092,INTERNAL://$(HOSTNAME).kafka-headless.kafka.svc.cluster.local:9094',
        KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
        KAFKA_DEFAULT_REPLICATION_FACTOR: '3',
        KAFKA_MIN_INSYNC_REPLICAS: '2',
        KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: 'false',
        KAFKA_LOG_RETENTION_HOURS: '336',
        KAFKA_NUM_PARTITIONS: '6',
      } }),
      configMap({ namespace: ns, name: 'ledger-writer-config', createdAgo: 150 * DAYS, updatedAgo: 8 * DAYS, data: {
        SPRING_KAFKA_BOOTSTRAP_SERVERS: 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092,kafka-2.kafka-headless.kafka.svc.cluster.local:9092',
        SPRING_KAFKA_PRODUCER_ACKS: 'all',
        SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: 'true',
        SPRING_KAFKA_PRODUCER_PROPERTIES_DELIVERY_TIMEOUT_MS: '30000',
        LEDGER_TOPIC: 'payments.ledger',
      } }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 48.2, component: 'node-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: kns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-2 in StatefulSet kafka successful', firstAgo: 47.5, lastAgo: 47.5, component: 'statefulset-controller' }),
      failedScheduling(k2, noNode, { count: 19, firstAgo: 47.5, lastAgo: 1.5 }),
      failedScheduling(kc2, noNode, { count: 19, firstAgo: 47.4, lastAgo: 1.6 }),
      notTriggerScaleUp(k2, '1 node(s) had volume node affinity conflict', { count: 284, firstAgo: 47.2, lastAgo: 0.3 }),
      notTriggerScaleUp(kc2, '1 node(s) had volume node affinity conflict', { count: 283, firstAgo: 47.1, lastAgo: 0.4 }),
      ...restartedAgain(k1, 'kafka', kImage, { count: 8, firstAgo: 19.8, lastAgo: 2.1 }),
      backOff(k1, 'kafka', { count: 86, firstAgo: 19.2, lastAgo: 0.2 }),
      event({ on: k1, reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${ipK1}:9092: connect: connection refused`, count: 9, firstAgo: 19.8, lastAgo: 2, fieldPath: 'spec.containers{kafka}' }),
      ...startedAt(podOf(other, 0), 'app', `${ECR}/${ns}/ledger-api:3.31.0`, 70),
    ],
    logs: [
      logsFor(k0, 'kafka', { current: k0Log }),
      logsFor(k1, 'kafka', { previous: k1Prev }),
      ...app.pods.map((p, i) => producer(p, i)),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOT_ENOUGH_REPLICAS|not enough (in-sync )?replicas|fewer in-sync replicas|in-sync replicas|min\.?insync|min\.isr|\bISR\b/i, /kafka-[12]\b/],
      facts: [/volume node affinity conflict|eu-west-1c/, /No space left on device|log dirs[^\n]*failed/i, /min\.?insync|min\.isr|MIN_INSYNC/i],
      never: [ADVISES_ROLLBACK, /ledger-writer[^\n]*(crash|OOM|restart)/i, /network ?polic/i, /ledger-api/],
    },
  };
}

// ---- 5. Service selector version=v1, pods now version=v2: no endpoints -----------------------------

function serviceSelectorVersionMismatch(): CorpusScenario {
  const ns = 'shop';
  const [nA, nB, nC] = ['10.0.48.31', '10.0.57.152', '10.0.61.77'].map(eksNodeName) as [string, string, string];
  const nodes = [node({ name: nA, zone: 'eu-west-1a' }), node({ name: nB, zone: 'eu-west-1b' }), node({ name: nC, zone: 'eu-west-1c' })];
  const image = (v: string) => `${ECR}/shop/checkout:${v}`;
  const tpl = (v: string, version: string) => ({
    containers: [container({ image: image(v), memory: '512Mi', env: [{ name: 'PORT', value: '8080' }, { name: 'PAYMENTS_URL', value: 'http://payments-gateway.payments.svc.cluster.local' }], readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 10 }) })],
    labels: { version },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout',
    replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 12 * DAYS, changeCause: 'argocd: checkout 7.3.0', template: tpl('7.3.0', 'v1') },
      { revision: 17, createdAgo: 34, changeCause: 'argocd: checkout 7.4.0', template: tpl('7.4.0', 'v2') },
    ],
    pods: [{ revision: 17, node: nA, createdAgo: 33.9 }, { revision: 17, node: nB, createdAgo: 33.1 }, { revision: 17, node: nC, createdAgo: 32.4 }],
  });
  const svc = service({ namespace: ns, name: 'checkout', selector: { app: 'checkout', version: 'v1' }, createdAgo: 300 * DAYS });
  const slice = endpointSliceFor(svc, app.pods);
  const checkoutIp = svc.spec?.clusterIP ?? '';

  const sfImage = `${ECR}/shop/storefront:12.8.2`;
  const storefront = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 12.8.2', template: { containers: [container({ image: sfImage, memory: '768Mi', env: [{ name: 'CHECKOUT_URL', value: 'http://checkout.shop.svc.cluster.local' }] })] } }],
    pods: [{ revision: 88, node: nA, createdAgo: 5 * DAYS }, { revision: 88, node: nC, createdAgo: 5 * DAYS - 1 }],
  });
  const ingImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
  const ingress = deploymentApp({
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    replicas: 2,
    selector: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    revisions: [{ revision: 9, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'controller', image: ingImage, args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx'], ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }], memory: '512Mi', readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 9, node: nB, createdAgo: 40 * DAYS }, { revision: 9, node: nC, createdAgo: 40 * DAYS }],
  });
  const hpaObj = hpa({ namespace: ns, name: 'checkout', target: { kind: 'Deployment', name: 'checkout' }, min: 3, max: 12, current: 3, desired: 3, cpu: { current: 4, target: 65, averageValue: '9m' } });
  const fp = 'spec.containers{app}';
  const sfLog = (p: k8s.V1Pod, seed: number) => logsFor(p, 'app', { current: lines(
    `{"level":30,"time":${ago(36).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/api/cart/checkout"},"res":{"statusCode":200},"responseTime":212,"msg":"request completed"}`,
    ...[2.6, 1.4, 0.3].map((t, i) => `{"level":50,"time":${ago(t - seed * 0.05).getTime()},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"Error","message":"connect ECONNREFUSED ${checkoutIp}:80","stack":"Error: connect ECONNREFUSED ${checkoutIp}:80\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"${checkoutIp}","port":80},"cartId":"c_${9100 + i + seed * 10}","msg":"checkout call failed"}`),
  ) });
  const ingLog = (p: k8s.V1Pod) => logsFor(p, 'controller', { current: lines(
    `10.0.3.14 - - [${clfTime(36)}] "POST /api/checkout HTTP/2.0" 200 311 "https://shop.acme.io/cart" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" 512 0.187 [shop-checkout-80] [] ${ipOfPod(podOf(app, 0))}:8080 311 0.187 200 0d3c1e9a7f2b4c6d8e0f1a2b3c4d5e6f`,
    `W1121 ${ago(31.9).toISOString().slice(11, 23)}000       7 controller.go:1214] Service "shop/checkout" does not have any active Endpoint.`,
    `10.0.3.14 - - [${clfTime(2.2)}] "POST /api/checkout HTTP/2.0" 503 190 "https://shop.acme.io/cart" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" 498 0.000 [shop-checkout-80] [] - - - - 6a1f0c2e9b8d4a7c5e3f1b0d9c8a7e6f`,
    `10.0.5.201 - - [${clfTime(0.8)}] "POST /api/checkout HTTP/2.0" 503 190 "https://shop.acme.io/cart" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)" 505 0.000 [shop-checkout-80] [] - - - - 2b7e9d1c3a5f4e8b6d0c2a4f6e8b0d1c`,
  ) });
  return {
    id: 'heldout31-service-selector-version-mismatch',
    class: 'network',
    truth: 'The checkout Service selects app=checkout,version=v1. Revision 17 of the checkout Deployment (7.4.0, 34 minutes ago) bumped the pod template label version from v1 to v2 (the Deployment itself selects only app=checkout, so the rollout went through). As the new pods became Ready the revision-16 pods were scaled away, and once the last one went (about 32 minutes ago) the Service had no endpoints left: its EndpointSlice is empty, ingress-nginx answers 503 ("Service shop/checkout does not have any active Endpoint") and storefront gets ECONNREFUSED from the cluster IP, while the three version=v2 pods run Ready and idle. Fix: change the Service selector (drop version, or use v2), or restore the label.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...storefront.objects, ...ingress.objects, svc, slice, hpaObj,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods }),
      ...exposed({ namespace: 'ingress-nginx', name: 'ingress-nginx-controller', selector: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }, pods: ingress.pods, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], endpointPort: 80 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 2, 3, 33.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 2, 1, 33.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 1, 2, 32.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 2, 32.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 0, 1, 32),
      ...app.pods.flatMap((p, i) => startedAt(p, 'app', image('7.4.0'), [33.9, 33.1, 32.4][i] ?? 33)),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/healthz/ready": dial tcp ${ipOfPod(podOf(app, 0))}:8080: connect: connection refused`, count: 1, firstAgo: 33.8, lastAgo: 33.8, fieldPath: fp }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":30,"time":${ago(33).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"checkout 7.4.0 listening on :8080"}`,
        `{"level":30,"time":${ago(0.5).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/healthz/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`,
      ) })),
      ...storefront.pods.map((p, i) => sfLog(p, i)),
      ...ingress.pods.map(ingLog),
    ],
    expect: {
      verdict: 'problems',
      headline: [/selector|selects/i, /version\W{0,3}v1\b/, /\bv2\b/],
      facts: [/no (ready |active |healthy )?endpoints?|0 (ready )?endpoints|zero endpoints|empty endpoint/i, /revision 17/, /ECONNREFUSED|connection refused|\b503\b/],
      never: [/readiness probe[^\n]*fail/i, /\bOOM/, /crash ?loop/i, /network ?polic/i],
    },
  };
}

// ---- 6. A node-local egress proxy crash-looping on one node only ----------------------------------

function egressProxyOneNode(): CorpusScenario {
  const ns = 'payouts';
  const pns = 'egress';
  const [nA, nB, nC] = ['10.0.112.31', '10.0.129.152', '10.0.140.77'].map(eksNodeName) as [string, string, string];
  const nodes = [node({ name: nA, zone: 'eu-west-1a' }), node({ name: nB, zone: 'eu-west-1b' }), node({ name: nC, zone: 'eu-west-1c' })];
  const envoy = 'docker.io/envoyproxy/envoy:v1.31.3';
  const proxyTpl = (rev: number) => ({
    containers: [container({
      name: 'envoy',
      image: envoy,
      args: ['-c', '/etc/envoy/envoy.yaml', '--service-node', '$(NODE_NAME)', '--log-level', 'info'],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      ports: [{ name: 'proxy', containerPort: 3128, hostPort: 3128 }, { name: 'admin', containerPort: 9901 }],
      cpu: '200m',
      memory: '256Mi',
      readiness: httpProbe('/ready', 9901),
      liveness: tcpProbe(3128, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/envoy', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: `egress-proxy-v${rev}` } }],
    priorityClassName: 'system-node-critical',
    tolerations: [{ operator: 'Exists' }],
  });
  const ds = daemonSetApp({
    namespace: pns,
    name: 'egress-proxy',
    revisions: [
      { revision: 8, createdAgo: 58 * DAYS, template: proxyTpl(8) },
      { revision: 9, createdAgo: 41, template: proxyTpl(9) },
    ],
    pods: [
      { revision: 8, node: nA, createdAgo: 58 * DAYS },
      { revision: 9, node: nB, createdAgo: 40.6, containers: { envoy: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 0.4 }, 14) } },
      { revision: 8, node: nC, createdAgo: 58 * DAYS },
    ],
    pinnedToNodes: true,
  });
  // hostNetwork: the proxy listens on the node's own address; pods find it through status.hostIP.
  for (const o of ds.objects) {
    const spec = (o as { spec?: { template?: k8s.V1PodTemplateSpec } }).spec?.template?.spec ?? (o as { data?: { spec?: { template?: k8s.V1PodTemplateSpec } } }).data?.spec?.template?.spec;
    if (spec) { spec.hostNetwork = true; spec.dnsPolicy = 'ClusterFirstWithHostNet'; }
  }
  for (const p of ds.pods) {
    if (p.spec) { p.spec.hostNetwork = true; p.spec.dnsPolicy = 'ClusterFirstWithHostNet'; }
    if (p.status?.hostIP) { p.status.podIP = p.status.hostIP; p.status.podIPs = [{ ip: p.status.hostIP }]; }
  }
  const bad = podOf(ds, 1);

  const image = (v: string) => `${ECR}/payouts/payout-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn', 'payouts.wsgi:application', '-w', '4', '-b', '0.0.0.0:8080', '--access-logfile', '-'],
      memory: '768Mi',
      env: [
        { name: 'NODE_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        { name: 'HTTPS_PROXY', value: 'http://$(NODE_IP):3128' },
        { name: 'HTTP_PROXY', value: 'http://$(NODE_IP):3128' },
        { name: 'NO_PROXY', value: '.svc,.cluster.local,10.0.0.0/8,172.20.0.0/16,169.254.169.254' },
        { name: 'STRIPE_API_BASE', value: 'https://api.stripe.com' },
      ],
      readiness: httpProbe('/healthz', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-service',
    replicas: 5,
    revisions: [
      { revision: 22, createdAgo: 15 * DAYS, changeCause: 'argocd: payout-service 1.41.0', template: tpl('1.41.0') },
      { revision: 23, createdAgo: 2 * DAYS, changeCause: 'argocd: payout-service 1.42.0', template: tpl('1.42.0') },
    ],
    pods: [nA, nB, nC, nA, nB].map((n, i) => ({ revision: 23, node: n, createdAgo: 2 * DAYS - i })),
  });
  const other = bystander(ns, 'payout-scheduler', [nA, nC], 66, { revisions: [7, 8], versions: ['0.9.4', '0.9.5'], olderAgo: 30 * DAYS });
  const netpol = networkPolicy({
    namespace: ns,
    name: 'payout-service-egress',
    createdAgo: 90 * DAYS,
    podSelector: { app: 'payout-service' },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 3128 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payouts' } } }] },
    ] as k8s.V1NetworkPolicyEgressRule[],
  });
  const envoyConf = (timeout: string) => lines(
    'admin:',
    '  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }',
    'static_resources:',
    '  listeners:',
    '    - name: forward_proxy',
    '      address: { socket_address: { address: 0.0.0.0, port_value: 3128 } }',
    '      filter_chains:',
    '        - filters:',
    '            - name: envoy.filters.network.http_connection_manager',
    '              typed_config:',
    '                "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
    '                stat_prefix: egress',
    '                route_config: { name: allowlist, virtual_hosts: [ { name: allowed, domains: ["api.stripe.com:443", "api.adyen.com:443", "sqs.eu-west-1.amazonaws.com:443", "hooks.slack.com:443"], routes: [ { match: { connect_matcher: {} }, route: { cluster: dynamic_forward_proxy, upgrade_configs: [ { upgrade_type: CONNECT, connect_config: {} } ] } } ] } ] }',
    '                http_filters:',
    '                  - name: envoy.filters.http.dynamic_forward_proxy',
    '                  - name: envoy.filters.http.router',
    '  clusters:',
    '    - name: dynamic_forward_proxy',
    `      connect_timeout: ${timeout}`,
    '      lb_policy: CLUSTER_PROVIDED',
    '      cluster_type: { name: envoy.clusters.dynamic_forward_proxy }',
  );
  const hostIp = (p: k8s.V1Pod) => p.status?.hostIP ?? '';
  const badPods = app.pods.filter((p) => p.spec?.nodeName === nB);
  const goodPods = app.pods.filter((p) => p.spec?.nodeName !== nB);
  const failing = (p: k8s.V1Pod, seed: number) => logsFor(p, 'app', { current: lines(
    `10.0.${20 + seed}.17 - - [${clfTime(44)}] "POST /v1/payouts HTTP/1.1" 201 184 "-" "ledger-api/3.31"`,
    ...[3.1, 1.6, 0.4].flatMap((t, i) => [
      `${pyTime(t)} ERROR payouts.providers.stripe: payout po_${7781 + i + seed * 10} failed: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/payouts (Caused by ProxyError('Unable to connect to proxy', NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a2c1e${(0x5d90 + i * 0x60).toString(16)}>: Failed to establish a new connection: [Errno 111] Connection refused')))`,
      `10.0.${20 + seed}.17 - - [${clfTime(t)}] "POST /v1/payouts HTTP/1.1" 502 87 "-" "ledger-api/3.31"`,
    ]),
    `${pyTime(0.2)} WARNING payouts.providers.stripe: proxy http://${hostIp(p)}:3128 unreachable, 3 payouts queued for retry`,
  ) });
  const healthy = (p: k8s.V1Pod) => logsFor(p, 'app', { current: lines(
    `10.0.22.17 - - [${clfTime(2.7)}] "POST /v1/payouts HTTP/1.1" 201 184 "-" "ledger-api/3.31"`,
    `${pyTime(1.2)} INFO payouts.providers.stripe: payout po_7790 created (tr_3QmX21) in 412ms`,
    `10.0.22.17 - - [${clfTime(1.2)}] "POST /v1/payouts HTTP/1.1" 201 184 "-" "ledger-api/3.31"`,
  ) });
  const envoyPrev = lines(
    `[${dotTime(1.21)}][1][info][main] [source/server/server.cc:426] initializing epoch 0 (base id=0, hot restart version=11.104)`,
    `[${dotTime(1.21)}][1][info][main] [source/server/server.cc:428] statically linked extensions:`,
    `[${dotTime(1.205)}][1][info][main] [source/server/server.cc:893] runtime: {}`,
    `[${dotTime(1.2)}][1][critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Unable to parse JSON as proto (INVALID_ARGUMENT:(static_resources.clusters[0].connect_timeout): Illegal duration format; duration must end with letter 's'): {"static_resources":{"clusters":[{"connect_timeout":5,"lb_policy":"CLUSTER_PROVIDED","name":"dynamic_forward_proxy"}]}}`,
    `[${dotTime(1.2)}][1][info][main] [source/server/server.cc:1001] exiting`,
  );
  return {
    id: 'heldout31-egress-proxy-one-node',
    class: 'network',
    truth: `payout-service reaches api.stripe.com through the node-local egress proxy (DaemonSet egress-proxy in namespace egress, Envoy on hostNetwork port 3128; the pods use HTTPS_PROXY=http://$(NODE_IP):3128 from status.hostIP). Revision 9 of the DaemonSet (41 minutes ago) switched to ConfigMap egress-proxy-v9, whose cluster has connect_timeout: 5 instead of 5s; the rolling update (maxUnavailable 1) replaced only the proxy on ${nB}, where Envoy now exits 1 at every start ("Illegal duration format; duration must end with letter 's'") and crash-loops, so the rollout stalled there and the other two nodes still run revision 8. The two payout-service pods on ${nB} fail every payout with ProxyError … [Errno 111] Connection refused and answer 502; the three on the other nodes are fine; all five are Ready. Fix: correct the duration (5s) in egress-proxy-v9 or roll the DaemonSet back to revision 8.`,
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...app.objects, ...other.objects, netpol,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payout-scheduler', selector: { app: 'payout-scheduler' }, pods: other.pods }),
      configMap({ namespace: pns, name: 'egress-proxy-v8', createdAgo: 58 * DAYS, data: { 'envoy.yaml': envoyConf('5s') } }),
      configMap({ namespace: pns, name: 'egress-proxy-v9', createdAgo: 41, data: { 'envoy.yaml': envoyConf('5') } }),
      event({ on: { kind: 'DaemonSet', name: 'egress-proxy', namespace: pns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: egress-proxy-${uidOf('old-proxy').slice(0, 5)}`, firstAgo: 40.7, lastAgo: 40.7, component: 'daemonset-controller' }),
      event({ on: { kind: 'DaemonSet', name: 'egress-proxy', namespace: pns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(bad)}`, firstAgo: 40.6, lastAgo: 40.6, component: 'daemonset-controller' }),
      scheduled(bad, 40.6),
      ...restartedAgain(bad, 'envoy', envoy, { count: 15, firstAgo: 40.5, lastAgo: 1.2 }),
      backOff(bad, 'envoy', { count: 187, firstAgo: 40.3, lastAgo: 0.1 }),
      ...startedAt(podOf(other, 0), 'app', `${ECR}/${ns}/payout-scheduler:0.9.5`, 66),
    ],
    logs: [
      logsFor(bad, 'envoy', { previous: envoyPrev }),
      ...badPods.map((p, i) => failing(p, i)),
      ...goodPods.map(healthy),
    ],
    expect: {
      verdict: 'problems',
      headline: [/egress-proxy/, lit(nB.split('.')[0] ?? nB)],
      facts: [/3128/, /ProxyError|Connection refused/i, /connect_timeout|Illegal duration|must end with letter/, /revision 9|egress-proxy-v9/],
      never: [/payout-service[^\n]*(crash|OOM|restart)/i, /network ?polic/i, /\bDNS\b/, /stripe[^\n]*(outage|is down)/i, /payout-scheduler/],
    },
  };
}

// ---- 7. Healthy control: cloud-sql-proxy sidecar's hourly refresh warnings -------------------------

function gkeNode(name: string, zone: string): k8s.V1Node {
  const n = node({ name, zone, instanceType: 'e2-standard-4', createdAgo: 21 * DAYS });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  n.metadata = { ...n.metadata, labels: { ...labels, 'cloud.google.com/gke-nodepool': 'default-pool', 'cloud.google.com/gke-os-distribution': 'cos', 'cloud.google.com/machine-family': 'e2' } };
  if (n.spec) n.spec.providerID = `gce://acme-prod/${zone}/${name}`;
  if (n.status?.nodeInfo) {
    n.status.nodeInfo = { ...n.status.nodeInfo, containerRuntimeVersion: 'containerd://1.7.23', kernelVersion: '6.1.112+', kubeProxyVersion: 'v1.31.3-gke.1006000', kubeletVersion: 'v1.31.3-gke.1006000', osImage: 'Container-Optimized OS from Google' };
  }
  return n;
}

function cloudSqlProxyHourlyWarnings(): CorpusScenario {
  const ns = 'billing';
  const names = ['gke-prod-ew1-default-pool-8c1f2e3a-4k2m', 'gke-prod-ew1-default-pool-8c1f2e3a-9xqz', 'gke-prod-ew1-default-pool-8c1f2e3a-h7tb'];
  const nodes = names.map((n, i) => gkeNode(n, ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'][i] ?? 'europe-west1-b'));
  const reg = 'europe-west1-docker.pkg.dev/acme-prod/billing';
  const instance = 'acme-prod:europe-west1:billing-pg';
  const proxyImage = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1';
  const tpl = (v: string) => ({
    containers: [
      container({
        image: `${reg}/invoice-api:${v}`,
        memory: '256Mi',
        env: [{ name: 'DATABASE_URL', value: 'postgres://invoice_api@127.0.0.1:5432/billing?sslmode=disable' }, { name: 'GOMEMLIMIT', value: '230MiB' }],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
      container({
        name: 'cloud-sql-proxy',
        image: proxyImage,
        args: ['--structured-logs', '--auto-iam-authn', '--port=5432', '--health-check', '--http-address=0.0.0.0', '--http-port=9801', instance],
        ports: [{ name: 'proxy-health', containerPort: 9801 }],
        cpu: '50m',
        memory: '64Mi',
        securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
        readiness: httpProbe('/readiness', 9801, { periodSeconds: 10, timeoutSeconds: 5 }),
        liveness: httpProbe('/liveness', 9801, { periodSeconds: 30, timeoutSeconds: 5, initialDelaySeconds: 10 }),
        startup: httpProbe('/startup', 9801, { periodSeconds: 1, failureThreshold: 20 }),
      }),
    ],
    serviceAccountName: 'invoice-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 31, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 2.7.3', template: tpl('2.7.3') },
      { revision: 32, createdAgo: 2 * DAYS + 190, changeCause: 'argocd: invoice-api 2.8.0', template: tpl('2.8.0') },
    ],
    pods: names.map((n, i) => ({ revision: 32, node: n, createdAgo: 2 * DAYS + 189 - i })),
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-mailer',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${reg}/invoice-mailer:1.3.2`, ports: [], readiness: null, liveness: null, memory: '128Mi' })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  const hpaObj = hpa({ namespace: ns, name: 'invoice-api', target: { kind: 'Deployment', name: 'invoice-api' }, min: 3, max: 8, current: 3, desired: 3, cpu: { current: 22, target: 70, averageValue: '55m' } });
  const json = (t: number, severity: string, message: string) => JSON.stringify({ severity, timestamp: at(t), message });
  const proxyLog = (p: k8s.V1Pod, seed: number) => {
    const out: string[] = [];
    for (const hourAgo of [3, 2, 1]) {
      const t = hourAgo * 60 - 1.5 - seed * 0.2;
      out.push(json(t, 'WARNING', `[${instance}] refreshing ephemeral certificate and IAM authn token: certificate expires in 4m59s`));
      out.push(json(t - 0.01, 'INFO', `[${instance}] ephemeral certificate refreshed, next refresh in 55m0s`));
      out.push(json(t - 0.05, 'WARNING', `[${instance}] instance closed the connection from 127.0.0.1:${41000 + seed * 100 + hourAgo}; client will reconnect`));
      out.push(json(t - 0.06, 'INFO', `[${instance}] Accepted connection from 127.0.0.1:${41050 + seed * 100 + hourAgo}`));
    }
    out.push(json(0.3, 'INFO', `[${instance}] Accepted connection from 127.0.0.1:${41990 + seed}`));
    return logsFor(p, 'cloud-sql-proxy', { current: lines(...out) });
  };
  const appLog = (p: k8s.V1Pod, seed: number) => logsFor(p, 'app', { current: lines(
    `{"time":"${at(61.6 + seed * 0.2)}","level":"INFO","msg":"pgxpool: connection closed by server, replaced","conns_total":8}`,
    ...[2.4, 1.7, 1.1, 0.5].map((t, i) => `{"time":"${at(t - seed * 0.03)}","level":"INFO","msg":"request","method":"${i % 2 ? 'POST' : 'GET'}","path":"${i % 2 ? '/v1/invoices' : `/v1/invoices/inv_${20441 + i}`}","status":${i % 2 ? 201 : 200},"dur_ms":${11 + i * 3}}`),
  ) });
  return {
    id: 'heldout31-cloud-sql-proxy-hourly-warnings',
    class: 'healthy',
    truth: 'invoice-api (revision 32, two days old) runs three Ready pods with a cloud-sql-proxy sidecar and has not restarted. Every hour the proxy refreshes its ephemeral certificate and IAM authn token, logging WARNING lines ("refreshing ephemeral certificate…", "instance closed the connection…; client will reconnect") that are routine: the connection pool reconnects at once and every request in the logs succeeds (200/201). Nothing is wrong.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
    ],
    logs: [
      ...app.pods.map((p, i) => proxyLog(p, i)),
      ...app.pods.map((p, i) => appLog(p, i)),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/invoice-api|healthy|ready/i],
      facts: [/invoice-api/, /revision 32|2\.8\.0|ready/i],
      never: [ADVISES_ROLLBACK, /(cloud-sql-proxy|sidecar|token|certificate)[^\n]*(failing|broken|problem|unstable|flapping)/i, /crash ?loop|\bOOM/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  cassandraQuorumTwoNodesDown(),
  prometheusOomWalReplay(),
  imageMaxDepthExceeded(),
  kafkaNotEnoughReplicas(),
  serviceSelectorVersionMismatch(),
  egressProxyOneNode(),
  cloudSqlProxyHourlyWarnings(),
];
