// Held-out stories, round 33, part one: a MySQL writer Service pinned to the demoted primary after a
// failover, a required node affinity on the deprecated failure-domain zone label, Elasticsearch's
// memory-lock bootstrap check on a node group with a low memlock limit, Postgres' WAL volume filled
// by an abandoned Debezium replication slot, nginx out of worker_connections, a slim base image
// without libpq, and a healthy control after a planned Patroni switchover.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling,
  hpa, httpProbe, nameOf, node, notTriggerScaleUp, pvc, pv, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, service,
  endpointSliceFor, statefulSetApp, tcpProbe, execProbe, volumeOf,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const depOf = (objs: { kind?: string }[]): k8s.V1Deployment => objs.find((o) => o.kind === 'Deployment') as k8s.V1Deployment;

// ---- 1. MySQL failover: the writer Service still selects the old primary, now read-only -----------

function mysqlWriterServiceOnOldPrimary(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '133', '201']);
  const mysqlImage = 'docker.io/library/mysql:8.0.39';
  const mysqlTpl = {
    containers: [container({ name: 'mysql', image: mysqlImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 5 }), liveness: tcpProbe(3306, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] }),
      container({ name: 'orchestrator-agent', image: 'ghcr.io/acme-platform/mysql-topology-agent:0.9.4', ports: [], cpu: '20m', memory: '32Mi', readiness: null, liveness: null })],
  };
  const mysql = statefulSetApp({
    namespace: ns, name: 'mysql', replicas: 3, serviceName: 'mysql-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 62 * DAYS, template: mysqlTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 62 * DAYS, containers: { mysql: running({ sinceAgo: 46, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 46.2, ranSeconds: 62 * 24 * 3600 } }) } },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 62 * DAYS },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 62 * DAYS },
    ],
  });
  // The topology agent relabels the pods on a promotion.
  const roles = ['replica', 'primary', 'replica'];
  mysql.pods.forEach((p, i) => { p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'mysql.acme.io/role': roles[i] ?? 'replica' } }; });
  const m0 = podOf(mysql, 0);
  const m1 = podOf(mysql, 1);
  // The writer Service was pinned to ordinal 0 by hand when it was created.
  const writer = service({ namespace: ns, name: 'mysql-primary', selector: { app: 'mysql', 'statefulset.kubernetes.io/pod-name': 'mysql-0' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], createdAgo: 300 * DAYS });
  const reader = service({ namespace: ns, name: 'mysql-read', selector: { app: 'mysql', 'mysql.acme.io/role': 'replica' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], createdAgo: 300 * DAYS });
  const headless = service({ namespace: ns, name: 'mysql-headless', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], headless: true, createdAgo: 300 * DAYS });
  const apiImage = (v: string) => `${ECR}/orders/order-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], memory: '256Mi', env: [{ name: 'DB_WRITE_DSN', value: 'orders_app@tcp(mysql-primary.orders.svc.cluster.local:3306)/orders?parseTime=true' }, { name: 'DB_READ_DSN', value: 'orders_app@tcp(mysql-read.orders.svc.cluster.local:3306)/orders?parseTime=true' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const api = deploymentApp({
    namespace: ns, name: 'order-api', replicas: 3,
    revisions: [{ revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: order-api 4.22.0', template: apiTpl('4.22.0') }],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'order-notifier', names, 28, { revisions: [11, 12], versions: ['1.3.0', '1.3.1'], olderAgo: 20 * DAYS });
  const host0 = 'mysql-0.mysql-headless.orders.svc.cluster.local';
  const host1 = 'mysql-1.mysql-headless.orders.svc.cluster.local';
  const err1290 = 'Error 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this statement';
  const apiLog = (k: number) => lines(
    `{"level":"info","ts":"${at(52)}","msg":"POST /v1/orders","status":201,"dur_ms":18}`,
    `{"level":"warn","ts":"${at(46.6)}","msg":"db ping failed","db":"write","error":"driver: bad connection"}`,
    `{"level":"error","ts":"${at(46.4)}","msg":"create order failed","order_ref":"ORD-88${k}1934","error":"dial tcp ${writer.spec?.clusterIP ?? ''}:3306: connect: connection refused"}`,
    `{"level":"error","ts":"${at(44.9)}","msg":"create order failed","order_ref":"ORD-88${k}1990","error":"${err1290}"}`,
    `{"level":"info","ts":"${at(30)}","msg":"GET /v1/orders/ORD-881${k}022","status":200,"dur_ms":4}`,
    `{"level":"error","ts":"${at(12.3)}","msg":"update order status failed","order_ref":"ORD-88${k}2107","error":"${err1290}"}`,
    `{"level":"error","ts":"${at(2.1)}","msg":"POST /v1/orders","status":500,"dur_ms":7,"error":"${err1290}"}`,
    `{"level":"info","ts":"${at(1.4)}","msg":"GET /v1/orders","status":200,"dur_ms":9}`,
    `{"level":"error","ts":"${at(0.4)}","msg":"POST /v1/orders","status":500,"dur_ms":6,"error":"${err1290}"}`,
  );
  const myTs = (m: number) => at(m).replace('Z', '000Z');
  return {
    id: 'heldout33-mysql-writer-service-on-demoted-primary',
    class: 'network',
    truth: 'mysql-0, the MySQL primary, hung and was restarted by its liveness probe 46 minutes ago; the topology manager promoted mysql-1 to primary (relabelled mysql.acme.io/role=primary) and mysql-0 came back as a read-only replica of mysql-1 (super_read_only). The writer Service mysql-primary was created with a selector pinned to statefulset.kubernetes.io/pod-name=mysql-0 instead of the role label, so its EndpointSlice still sends order-api\'s writes to mysql-0, which refuses them with ERROR 1290 (--read-only); reads through mysql-read work. order-api is not at fault. Fix: select mysql.acme.io/role=primary in mysql-primary (it then points at mysql-1).',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...mysql.objects, ...api.objects, ...other.objects,
      writer, endpointSliceFor(writer, mysql.pods, 3306), reader, endpointSliceFor(reader, mysql.pods, 3306), headless, endpointSliceFor(headless, mysql.pods, 3306),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'order-notifier', selector: { app: 'order-notifier' }, pods: other.pods }),
      ...[0, 1, 2].map((i) => pvc({ namespace: ns, name: `data-mysql-${i}`, storage: '200Gi', phase: 'Bound', volumeName: volumeOf(ns, `data-mysql-${i}`), createdAgo: 300 * DAYS })),
      event({ on: m0, reason: 'Unhealthy', message: `Liveness probe failed: dial tcp ${m0.status?.podIP ?? ''}:3306: i/o timeout`, count: 3, firstAgo: 47, lastAgo: 46.4, fieldPath: 'spec.containers{mysql}' }),
      event({ on: m0, type: 'Normal', reason: 'Killing', message: 'Container mysql failed liveness probe, will be restarted', firstAgo: 46.3, lastAgo: 46.3, fieldPath: 'spec.containers{mysql}' }),
      ...restartedAgain(m0, 'mysql', mysqlImage, { count: 1, firstAgo: 46, lastAgo: 46 }),
      scaledReplicaSet(depOf(other.objects), rsOf(other, 12), 2, 0, 28),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(m0, 'mysql', { current: lines(
        `${myTs(45.8)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.39) starting as process 1`,
        `${myTs(45.6)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
        `${myTs(45.1)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
        `${myTs(44.9)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${myTs(44.2)} 18 [System] [MY-010597] [Repl] 'CHANGE REPLICATION SOURCE TO FOR CHANNEL '' executed'. Previous state source_host='', source_port= 3306, source_log_file='', source_log_pos= 4, source_bind=''. New state source_host='${host1}', source_port= 3306, source_log_file='', source_log_pos= 4, source_bind=''.`,
        `${myTs(44.1)} 20 [System] [MY-014001] [Repl] Replica receiver thread for channel '': connected to source 'repl@${host1}:3306',replication started in log 'FIRST' at position 4`,
      ) }),
      logsFor(m1, 'mysql', { current: lines(
        `${myTs(46.1)} 412 [Warning] [MY-010956] [Server] Invalid replication timestamps: cannot compute replication lag.`,
        `${myTs(45.9)} 413 [System] [MY-010597] [Repl] 'RESET REPLICA ALL FOR CHANNEL '' executed'. Previous state source_host='${host0}', source_port= 3306. New state source_host='', source_port= 0.`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mysql-primary|mysql-0|selector|endpoint/i, /read.?only|1290|replica|failover|primary/i],
      facts: [lit('mysql-primary'), /mysql-0/, /mysql-1/, /selector|EndpointSlice|endpoints?/i, /1290|--read-only/],
      never: [ADVISES_ROLLBACK, /order-notifier/, /\bOOM/i, /order-api[^\n]*(crash ?loop|image)/i],
    },
  };
}

// ---- 2. required node affinity on the deprecated failure-domain zone label ------------------------

function deprecatedZoneLabelAffinity(): CorpusScenario {
  const ns = 'search';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const fresh = ['10.0.140.12', '10.0.151.87', '10.0.163.40'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: 'general-2024-11', instanceType: 'm7i.xlarge', createdAgo: 3 * HOURS }));
  const names = fresh.map(nameOf);
  // The last old node, cordoned and drained, waiting for the autoscaler to remove it.
  const old = node({ name: eksNodeName('10.0.33.9'), zone: 'eu-west-1a', pool: 'general', createdAgo: 410 * DAYS, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(41) }], labels: { 'failure-domain.beta.kubernetes.io/zone': 'eu-west-1a', 'failure-domain.beta.kubernetes.io/region': 'eu-west-1' } });
  if (old.status?.nodeInfo) { old.status.nodeInfo.kubeletVersion = 'v1.21.14-eks-48e63af'; old.status.nodeInfo.kubeProxyVersion = 'v1.21.14-eks-48e63af'; old.status.nodeInfo.osImage = 'Amazon Linux 2'; old.status.nodeInfo.containerRuntimeVersion = 'docker://20.10.17'; }
  const image = `${ECR}/search/catalog-search:3.7.2`;
  const affinity: k8s.V1Affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }] }] } } };
  const msg = '0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns, name: 'catalog-search', replicas: 3,
    revisions: [{ revision: 19, createdAgo: 230 * DAYS, changeCause: 'helm upgrade catalog-search 3.7.2', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })], affinity } }],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: null, createdAgo: 40 - k * 2.5, unschedulable: msg })),
    settled: { available: false, availableSince: 38, progressingSince: 230 * DAYS },
  });
  const other = bystander(ns, 'catalog-indexer', names, 75, { revisions: [40, 41], versions: ['2.11.0', '2.12.0'], olderAgo: 12 * DAYS });
  return {
    id: 'heldout33-node-affinity-deprecated-zone-label',
    class: 'scheduling',
    truth: 'The cluster was moved to a new node group (general-2024-11, kubelet v1.31) and the old v1.21 nodes were drained 40 minutes ago. catalog-search\'s Deployment has a required node affinity on failure-domain.beta.kubernetes.io/zone, a label deprecated since 1.17 that the new nodes no longer carry (they have topology.kubernetes.io/zone), so its evicted pods match no node and stay Pending; the last old node, which still has the label, is cordoned. Nothing in catalog-search changed. Fix: change the affinity key to topology.kubernetes.io/zone (or drop the affinity).',
    ask: { service: 'catalog-search', namespace: ns },
    objects: [
      ...fresh, old, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: other.pods }),
      ...app.pods.map((p, k) => failedScheduling(p, msg, { count: 9 - k, firstAgo: 40 - k * 2.5, lastAgo: 1.5 + k })),
      ...app.pods.map((p, k) => notTriggerScaleUp(p, '1 max node group size reached, 1 node(s) didn\'t match Node affinity', { count: 20 - k, firstAgo: 39.5 - k * 2.5, lastAgo: 0.8 + k })),
      event({ on: { kind: 'Node', name: nameOf(old) }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${nameOf(old)} status is now: NodeNotSchedulable`, firstAgo: 41, lastAgo: 41 }),
      scaledReplicaSet(depOf(other.objects), rsOf(other, 41), 2, 0, 75),
    ],
    logs: [
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(3)} INFO indexer: batch 88121 indexed 500 docs in 1.92s`, `${pyTime(1)} INFO indexer: batch 88122 indexed 500 docs in 2.04s`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/failure-domain|deprecated|affinity/i, /zone|label|affinity/i],
      facts: [lit('failure-domain.beta.kubernetes.io/zone'), lit('topology.kubernetes.io/zone'), /affinity/i, /didn't match|no (node|matching)/i],
      never: [ADVISES_ROLLBACK, /Insufficient (cpu|memory)/i, /quota/i, /catalog-indexer/],
    },
  };
}

// ---- 3. Elasticsearch's memory-lock bootstrap check on a node group with a low memlock limit ------

function esMemlockOnNewNodeGroup(): CorpusScenario {
  const ns = 'logging';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const mk = (pool: string, ips: string[], createdAgo: number) => ips.map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool, instanceType: 'r6i.2xlarge', createdAgo, labels: { 'workload': 'elasticsearch' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63367584Ki', pods: '58' } }));
  const oldNodes = mk('es-v1', ['10.0.72.18', '10.0.85.204', '10.0.91.66'], 380 * DAYS);
  const newNodes = mk('es-v2', ['10.0.72.140', '10.0.85.9', '10.0.91.231'], 5 * HOURS);
  for (const n of [...oldNodes, ...newNodes]) if (n.status?.capacity) n.status.capacity = { ...n.status.capacity, cpu: '8', memory: '64929012Ki' };
  for (const n of newNodes) if (n.status?.nodeInfo) { n.status.nodeInfo.osImage = 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)'; n.status.nodeInfo.containerRuntimeVersion = 'containerd://1.7.22+bottlerocket'; n.status.nodeInfo.kernelVersion = '6.1.112'; }
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const tpl = (pool: string) => ({
    initContainers: [container({ name: 'sysctl', image: 'docker.io/library/busybox:1.36', command: ['sysctl', '-w', 'vm.max_map_count=262144'], ports: [], cpu: '10m', memory: '16Mi', readiness: null, liveness: null, securityContext: { privileged: true, runAsUser: 0 } })],
    containers: [container({
      name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '32Gi',
      env: [
        { name: 'node.name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'cluster.name', value: 'logs-prod' },
        { name: 'node.roles', value: 'data,ingest' },
        { name: 'discovery.seed_hosts', value: 'es-master-headless' },
        { name: 'bootstrap.memory_lock', value: 'true' },
        { name: 'ES_JAVA_OPTS', value: '-Xms16g -Xmx16g' },
      ],
      readiness: { exec: { command: ['bash', '-c', 'curl -sf http://127.0.0.1:9200/_cluster/health?local=true'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 10 },
      liveness: null,
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': pool },
    securityContext: { fsGroup: 1000, runAsUser: 1000 },
    terminationGracePeriodSeconds: 120,
  });
  const crash = crashLoop({ exitCode: 78, finishedAgo: 2.2, ranSeconds: 19 }, 13);
  const sts = statefulSetApp({
    namespace: ns, name: 'es-data', replicas: 3, serviceName: 'es-data-headless', createdAgo: 380 * DAYS,
    revisions: [{ revision: 7, createdAgo: 95 * DAYS, template: tpl('es-v1') }, { revision: 8, createdAgo: 52, template: tpl('es-v2') }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [
      { revision: 7, ordinal: 0, node: nameOf(oldNodes[0]), createdAgo: 95 * DAYS },
      { revision: 7, ordinal: 1, node: nameOf(oldNodes[1]), createdAgo: 95 * DAYS },
      { revision: 8, ordinal: 2, node: nameOf(newNodes[2]), createdAgo: 50, containers: { elasticsearch: crash } },
    ],
  });
  const p2 = podOf(sts, 2);
  const master = statefulSetApp({
    namespace: ns, name: 'es-master', replicas: 3, serviceName: 'es-master-headless', createdAgo: 380 * DAYS,
    revisions: [{ revision: 5, createdAgo: 95 * DAYS, template: { containers: [container({ name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '500m', memory: '4Gi', readiness: null, liveness: null })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'es-v1' } } }],
    pods: [0, 1, 2].map((i) => ({ revision: 5, ordinal: i, node: nameOf(oldNodes[i]), createdAgo: 95 * DAYS })),
  });
  const esTs = (m: number) => at(m);
  const j = (m: number, level: string, logger: string, message: string) => `{"@timestamp":"${esTs(m)}", "log.level":"${level}", "message":${JSON.stringify(message)}, "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"${logger}","elasticsearch.node.name":"es-data-2","elasticsearch.cluster.name":"logs-prod"}`;
  const run = (m: number) => lines(
    j(m, 'WARN', 'org.elasticsearch.nativeaccess.PosixNativeAccess', 'Unable to lock JVM Memory: error=12, reason=Cannot allocate memory'),
    j(m, 'WARN', 'org.elasticsearch.nativeaccess.PosixNativeAccess', 'This can result in part of the JVM being swapped out.'),
    j(m, 'WARN', 'org.elasticsearch.nativeaccess.PosixNativeAccess', 'Increase RLIMIT_MEMLOCK, soft limit: 8388608, hard limit: 8388608'),
    j(m, 'WARN', 'org.elasticsearch.nativeaccess.PosixNativeAccess', 'These can be adjusted by modifying /etc/security/limits.conf, for example: \n\t# allow user \'elasticsearch\' mlockall\n\telasticsearch soft memlock unlimited\n\telasticsearch hard memlock unlimited'),
    j(m, 'WARN', 'org.elasticsearch.nativeaccess.PosixNativeAccess', 'If you are logged in interactively, you will have to re-login for the new limits to take effect.'),
    j(m - 0.05, 'INFO', 'org.elasticsearch.node.Node', 'version[8.15.3], pid[78], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.1/22.0.1+8-16]'),
    j(m - 0.2, 'INFO', 'org.elasticsearch.transport.TransportService', `publish_address {${p2.status?.podIP ?? ''}:9300}, bound_addresses {0.0.0.0:9300}`),
    j(m - 0.2, 'ERROR', 'org.elasticsearch.bootstrap.Elasticsearch', 'node validation exception\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch. For more information see [https://www.elastic.co/guide/en/elasticsearch/reference/8.15/bootstrap-checks.html]\nbootstrap check failure [1] of [1]: memory locking requested for elasticsearch process but memory is not locked; for more information see [https://www.elastic.co/guide/en/elasticsearch/reference/8.15/_memory_lock_check.html]'),
    j(m - 0.21, 'INFO', 'org.elasticsearch.node.Node', 'stopping ...'),
    j(m - 0.22, 'INFO', 'org.elasticsearch.node.Node', 'stopped'),
    j(m - 0.22, 'INFO', 'org.elasticsearch.node.Node', 'closing ...'),
    j(m - 0.23, 'INFO', 'org.elasticsearch.node.Node', 'closed'),
    'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/logs-prod.log',
    '',
    'ERROR: Elasticsearch exited unexpectedly, with exit code 78',
  );
  return {
    id: 'heldout33-elasticsearch-memlock-new-node-group',
    class: 'nodes',
    truth: 'es-data was moved from node group es-v1 (Amazon Linux) to es-v2 (Bottlerocket) by changing its nodeSelector (revision 8, 52 minutes ago). es-data-2, the first pod moved, crash-loops with exit 78: bootstrap.memory_lock is true, but containerd on the es-v2 nodes applies its default RLIMIT_MEMLOCK of 8 MiB, so mlockall fails (error=12) and the memory-lock bootstrap check stops Elasticsearch. The new nodes\' runtime limit, not the Elasticsearch config or the heap, is at fault; the rolling update stalls with es-data-0/1 still on es-v1. Fix: raise the memlock limit on the es-v2 nodes (Bottlerocket settings.oci-defaults.resource-limits.max-locked-memory = unlimited) or, as a stopgap, set bootstrap.memory_lock=false.',
    ask: { service: 'es-data', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...sts.objects, ...master.objects,
      service({ namespace: ns, name: 'es-data-headless', selector: { app: 'es-data' }, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }] }),
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'es-data' }, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], pods: sts.pods, endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'es-master-headless', selector: { app: 'es-master' }, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], pods: master.pods, endpointPort: 9300 }),
      ...[0, 1, 2].map((i) => pvc({ namespace: ns, name: `data-es-data-${i}`, storage: '1Ti', phase: 'Bound', volumeName: volumeOf(ns, `data-es-data-${i}`), createdAgo: 380 * DAYS })),
      event({ on: { kind: 'StatefulSet', name: 'es-data', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod es-data-2 in StatefulSet es-data successful', firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'es-data', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod es-data-2 in StatefulSet es-data successful', firstAgo: 50, lastAgo: 50, component: 'statefulset-controller' }),
      event({ on: p2, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-es-data-2')}" `, firstAgo: 49.5, lastAgo: 49.5, component: 'attachdetach-controller' }),
      ...restartedAgain(p2, 'elasticsearch', image, { count: 14, firstAgo: 49, lastAgo: 2.5 }),
      backOff(p2, 'elasticsearch', { count: 201, firstAgo: 47, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(p2, 'elasticsearch', { previous: run(2.55) }),
      ...sts.pods.slice(0, 2).map((p) => logsFor(p, 'elasticsearch', { current: lines(j(8, 'WARN', 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor', `high disk watermark [90%] exceeded on [${nameOf(p)}][/usr/share/elasticsearch/data] free: 94.1gb[9.2%], shards will be relocated away from this node; currently relocating away shards totalling [0b]`).replace('"es-data-2"', `"${nameOf(p)}"`), j(1, 'INFO', 'org.elasticsearch.cluster.metadata.MetadataMappingService', '[logs-2026.11.21/3nTQf1xHRcO8m0iAe6JxGw] update_mapping [_doc]').replace('"es-data-2"', `"${nameOf(p)}"`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/memory.?lock|memlock|mlock/i, /es-data/],
      facts: [lit('bootstrap.memory_lock'), /RLIMIT_MEMLOCK|memlock|ulimit/i, /es-v2|Bottlerocket|new node/i, /\b78\b/],
      never: [/max_map_count/i, /\bOOM/i, /heap|Xmx/i, /es-master/, /disk watermark/i],
    },
  };
}

// ---- 4. Postgres WAL volume filled by an abandoned Debezium replication slot ---------------------

function postgresWalFullInactiveSlot(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.204', ['22', '117', '58']);
  const image = 'docker.io/library/postgres:16.4-bookworm';
  const tpl = {
    containers: [container({
      name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'inventory' }],
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'inventory-pg-config', defaultMode: 420 } }],
    securityContext: { fsGroup: 999 },
  };
  const sts = statefulSetApp({
    namespace: ns, name: 'inventory-pg', replicas: 1, serviceName: 'inventory-pg', createdAgo: 500 * DAYS,
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 40 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 4 }, 7) } }],
  });
  const pg = podOf(sts, 0);
  const apiImage = `${ECR}/inventory/stock-service:5.3.1`;
  const api = deploymentApp({
    namespace: ns, name: 'stock-service', replicas: 2,
    revisions: [{ revision: 88, createdAgo: 9 * DAYS, changeCause: 'argocd: stock-service 5.3.1', template: { containers: [container({ image: apiImage, ports: [8080], memory: '768Mi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://inventory-pg:5432/inventory' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } }],
    pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 9 * DAYS, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS, ready: false }) } }, { revision: 88, node: names[2] ?? '', createdAgo: 9 * DAYS, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS, ready: false }) } }],
  });
  // Kafka Connect, scaled to zero when the CDC pipeline was retired three days ago.
  const connect = deploymentApp({
    namespace: ns, name: 'inventory-cdc-connect', replicas: 0,
    revisions: [{ revision: 3, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'connect', image: 'quay.io/debezium/connect:2.7.3.Final', ports: [8083], memory: '2Gi', env: [{ name: 'BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka:9092' }, { name: 'GROUP_ID', value: 'inventory-cdc' }] })] } }],
    pods: [],
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 140 * DAYS },
  });
  const [claim] = [pvc({ namespace: ns, name: 'data-inventory-pg-0', storage: '100Gi', phase: 'Bound', volumeName: volumeOf(ns, 'data-inventory-pg-0'), createdAgo: 500 * DAYS })];
  const vol = pv({ name: volumeOf(ns, 'data-inventory-pg-0'), storage: '100Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: 'data-inventory-pg-0' }, createdAgo: 500 * DAYS });
  const pgT = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const prev = lines(
    `${pgT(2.0)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgT(2.0)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgT(2.0)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${pgT(2.0)} [29] LOG:  database system was interrupted while in recovery at ${pgT(7.1)}`,
    `${pgT(2.0)} [29] HINT:  This probably means that some data is corrupted and you will have to use the last backup for recovery.`,
    `${pgT(2.0)} [29] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${pgT(1.99)} [29] LOG:  redo starts at 4C/1A0000D8`,
    `${pgT(1.95)} [29] LOG:  redo done at 4C/1AFFFF60 system usage: CPU: user: 0.21 s, system: 0.09 s, elapsed: 1.62 s`,
    `${pgT(1.94)} [29] PANIC:  could not write to file "pg_wal/xlogtemp.29": No space left on device`,
    `${pgT(1.93)} [1] LOG:  startup process (PID 29) was terminated by signal 6: Aborted`,
    `${pgT(1.92)} [1] LOG:  aborting startup due to startup process failure`,
    `${pgT(1.91)} [1] LOG:  database system is shut down`,
  );
  const springLog = (k: number) => lines(
    `${at(34).replace('T', ' ').replace('Z', '')}  WARN 1 --- [stock-service] [nio-8080-exec-${k + 3}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 53100`,
    `${at(34).replace('T', ' ').replace('Z', '')} ERROR 1 --- [stock-service] [nio-8080-exec-${k + 3}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: could not extend file "base/16384/24611.12": No space left on device`,
    `  Hint: Check free disk space.`,
    `${at(31).replace('T', ' ').replace('Z', '')}  WARN 1 --- [stock-service] [nio-8080-exec-${k + 7}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 57P02`,
    `${at(31).replace('T', ' ').replace('Z', '')} ERROR 1 --- [stock-service] [nio-8080-exec-${k + 7}] o.h.engine.jdbc.spi.SqlExceptionHelper   : FATAL: terminating connection because of crash of another server process`,
    `${at(1).replace('T', ' ').replace('Z', '')}  WARN 1 --- [stock-service] [onnection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=4)`,
    `${at(0.6).replace('T', ' ').replace('Z', '')} ERROR 1 --- [stock-service] [onnection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.`,
    `org.postgresql.util.PSQLException: Connection to inventory-pg:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
  );
  return {
    id: 'heldout33-postgres-wal-full-abandoned-debezium-slot',
    class: 'storage',
    truth: 'The Debezium CDC pipeline (Kafka Connect inventory-cdc-connect, scaled to 0 three days ago) was retired without dropping its logical replication slot debezium_inventory on inventory-pg. With max_slot_wal_keep_size = -1 the inactive slot retains every WAL segment since (checkpoints removed no WAL file), so pg_wal grew until the 100Gi volume data-inventory-pg-0 filled: writes failed with "No space left on device", Postgres PANICked writing pg_wal and now cannot finish crash recovery, crash-looping; stock-service loses its database. Fix: grow the volume (or free space) to start Postgres, drop the slot (pg_drop_replication_slot(\'debezium_inventory\')), and set max_slot_wal_keep_size.',
    ask: { service: 'inventory-pg', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...api.objects, ...connect.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'inventory-pg', selector: { app: 'inventory-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: sts.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'stock-service', selector: { app: 'stock-service' }, pods: api.pods }),
      configMap({ namespace: ns, name: 'inventory-pg-config', createdAgo: 500 * DAYS, updatedAgo: 140 * DAYS, data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 1GB\nwal_level = logical\nmax_wal_size = 4GB\nmin_wal_size = 1GB\nmax_replication_slots = 10\nmax_wal_senders = 10\nmax_slot_wal_keep_size = -1\nwal_keep_size = 0\nlog_checkpoints = on\nlog_line_prefix = '%m [%p] '\n" } }),
      configMap({ namespace: ns, name: 'inventory-cdc-connector', createdAgo: 140 * DAYS, data: { 'connector.json': JSON.stringify({ name: 'inventory-cdc', config: { 'connector.class': 'io.debezium.connector.postgresql.PostgresConnector', 'plugin.name': 'pgoutput', 'database.hostname': 'inventory-pg', 'database.port': '5432', 'database.dbname': 'inventory', 'slot.name': 'debezium_inventory', 'publication.name': 'dbz_publication', 'topic.prefix': 'inventory' } }, null, 2) } }),
      ...restartedAgain(pg, 'postgres', image, { count: 8, firstAgo: 31, lastAgo: 2.1 }),
      backOff(pg, 'postgres', { count: 131, firstAgo: 30, lastAgo: 0.4 }),
      event({ on: pg, reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - no response', count: 40, firstAgo: 31, lastAgo: 2 , fieldPath: 'spec.containers{postgres}' }),
      ...api.pods.map((p) => event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 180, firstAgo: 30, lastAgo: 0.2, fieldPath: 'spec.containers{app}' })),
    ],
    logs: [
      logsFor(pg, 'postgres', { previous: prev }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: springLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/no space|disk (is )?full|pg_wal|WAL|out of (disk )?space|volume (is )?full/i, /inventory-pg|postgres/i],
      facts: [/No space left on device/, /pg_wal|WAL/, /data-inventory-pg-0|100Gi/, /replication slot|debezium/i],
      never: [ADVISES_ROLLBACK, /stock-service[^\n]*(caused|cause|bug|roll)/i, /\bOOM/i, /corrupt/i],
    },
  };
}

// ---- 5. nginx reverse proxy out of worker_connections ---------------------------------------------

function nginxWorkerConnections(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.60', ['45', '172', '219']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const conf = [
    'user  nginx;',
    'worker_processes  2;',
    'error_log  /dev/stderr warn;',
    'pid        /var/run/nginx.pid;',
    '',
    'events {',
    '    worker_connections  512;',
    '}',
    '',
    'http {',
    '    log_format  main  \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time uct=$upstream_connect_time\';',
    '    access_log  /dev/stdout  main;',
    '    keepalive_timeout  65;',
    '    upstream storefront_web { server storefront-web.storefront.svc.cluster.local:80; keepalive 32; }',
    '    server {',
    '        listen 8080;',
    '        server_name shop.acme.io;',
    '        location = /nginx-health { access_log off; return 200 "ok"; }',
    '        location / { proxy_pass http://storefront_web; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; proxy_read_timeout 30s; }',
    '    }',
    '}',
    '',
  ].join('\n');
  const proxy = deploymentApp({
    namespace: ns, name: 'edge-proxy', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 75 * DAYS, changeCause: 'helm upgrade edge-proxy 0.14.0', template: { containers: [container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '200m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] })], volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 75 * DAYS - k })),
  });
  const webImage = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const webTpl = (v: string) => ({ containers: [container({ image: webImage(v), ports: [3000], cpu: '500m', memory: '512Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000) })] });
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 10,
    revisions: [{ revision: 211, createdAgo: 4 * DAYS, changeCause: 'argocd: storefront-web 9.40.0', template: webTpl('9.40.0') }, { revision: 212, createdAgo: 95, changeCause: 'argocd: storefront-web 9.41.0', template: webTpl('9.41.0') }],
    pods: Array.from({ length: 10 }, (_, k) => ({ revision: 212, node: names[k % 3] ?? '', createdAgo: k < 4 ? 94 - k : 30.8 - (k - 4) * 0.1 })),
  });
  const webHpa = hpa({ namespace: ns, name: 'storefront-web', target: { kind: 'Deployment', name: 'storefront-web' }, min: 4, max: 20, current: 10, desired: 10, cpu: { current: 58, target: 60, averageValue: '290m' }, lastScaleAgo: 31 });
  const ips = ['10.0.14.22', '10.0.27.191', '10.0.9.73'];
  const alert = (m: number, w: number, id: number, path: string) => `${at(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ')} [alert] ${w}#${w}: *${id} 512 worker_connections are not enough while connecting to upstream, client: ${ips[id % 3]}, server: shop.acme.io, request: "GET ${path} HTTP/1.1", upstream: "http://172.20.88.14:80${path}", host: "shop.acme.io"`;
  const access = (m: number, ip: string, path: string, status: number, bytes: number, rt: string) => `${ip} - - [${clfTime(m)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "https://shop.acme.io/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" rt=${rt} uct=${status === 500 ? '-' : '0.001'}`;
  const proxyLog = (k: number) => lines(
    access(26, ips[0] ?? '', '/products/trail-runner-3', 200, 48213, '0.084'),
    `${at(24).slice(0, 19).replace(/-/g, '/').replace('T', ' ')} [alert] ${29 + k}#${29 + k}: 512 worker_connections are not enough`,
    alert(22.5, 29 + k, 1882301 + k, '/api/cart'),
    access(22.5, ips[1] ?? '', '/api/cart', 500, 579, '0.000'),
    alert(9.1, 30 + k, 2011488 + k, '/products/sale'),
    access(9.1, ips[2] ?? '', '/products/sale', 500, 579, '0.000'),
    access(9.0, ips[0] ?? '', '/api/recommendations', 200, 3120, '0.142'),
    alert(1.2, 29 + k, 2240917 + k, '/api/search?q=jacket'),
    access(1.2, ips[1] ?? '', '/api/search?q=jacket', 500, 579, '0.000'),
    access(0.6, ips[2] ?? '', '/api/cart', 200, 911, '0.051'),
    alert(0.3, 30 + k, 2251006 + k, '/checkout'),
    access(0.3, ips[0] ?? '', '/checkout', 500, 579, '0.000'),
  );
  const webLog = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${Date.parse(at(1.1))},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/api/cart"},"res":{"statusCode":200},"responseTime":38,"msg":"request completed"}`,
    `{"level":30,"time":${Date.parse(at(0.5))},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/products/sale"},"res":{"statusCode":200},"responseTime":61,"msg":"request completed"}`,
  );
  return {
    id: 'heldout33-nginx-worker-connections-exhausted',
    class: 'capacity',
    truth: 'A Black-Friday traffic rise (storefront-web scaled by its HPA from 4 to 10 pods 31 minutes ago) exhausted the edge-proxy nginx: its ConfigMap edge-proxy-conf sets worker_processes 2 and worker_connections 512, and every proxied request holds a client and an upstream connection, so each worker runs out and nginx answers 500 with "512 worker_connections are not enough while connecting to upstream". storefront-web itself answers fine (200s, ready, its 9.41.0 rollout is not involved). Fix: raise worker_connections (e.g. 4096, with worker_rlimit_nofile) in edge-proxy-conf and roll edge-proxy, and/or scale it out.',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, ...proxy.objects, ...web.objects, webHpa,
      configMap({ namespace: ns, name: 'edge-proxy-conf', createdAgo: 75 * DAYS, data: { 'nginx.conf': conf } }),
      ...exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 8080 }], pods: proxy.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, clusterIP: '172.20.88.14', ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: web.pods, endpointPort: 3000 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront-web', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: 31, lastAgo: 31, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(depOf(web.objects), rsOf(web, 212), 10, 4, 31),
      ...proxy.pods.map((p) => event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + (p.status?.podIP ?? '') + ':8080/nginx-health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 4, firstAgo: 21, lastAgo: 6, fieldPath: 'spec.containers{nginx}' })),
    ],
    logs: [
      ...proxy.pods.map((p, k) => logsFor(p, 'nginx', { current: proxyLog(k) })),
      ...web.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: webLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/worker_connections|worker connections|connection limit/i],
      facts: [/worker_connections/, /\b512\b/, /edge-proxy-conf/, /\b500\b/],
      never: [ADVISES_ROLLBACK, /storefront-web[^\n]*(fail|crash|unhealthy|broken|caused)/i, /\bOOM/i, /9\.41\.0/],
    },
  };
}

// ---- 6. a slim base image without libpq for psycopg2 ----------------------------------------------

function slimImageWithoutLibpq(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.118', ['7', '164', '93']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['gunicorn', '-c', 'gunicorn.conf.py', 'invoice.wsgi:application'], ports: [8000], cpu: '300m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice@billing-pg:5432/invoice' }, { name: 'DJANGO_SETTINGS_MODULE', value: 'invoice.settings.prod' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 63, createdAgo: 8 * DAYS, changeCause: 'ci: invoice-api 2.7.4 (python:3.12-bookworm)', template: tpl('2.7.4') },
      { revision: 64, createdAgo: 27, changeCause: 'ci: invoice-api 2.8.0 (python:3.12-slim-bookworm)', template: tpl('2.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 64, node: names[2] ?? '', createdAgo: 26.5, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.4, ranSeconds: 2 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const gt = (m: number) => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
  const crash = lines(
    `${gt(1.45)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${gt(1.45)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gt(1.45)} [1] [INFO] Using worker: gthread`,
    `${gt(1.44)} [7] [INFO] Booting worker with pid: 7`,
    `${gt(1.43)} [7] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/gthread.py", line 94, in init_process',
    '    super().init_process()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process',
    '    self.load_wsgi()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi',
    '    self.wsgi = self.app.wsgi()',
    '  File "/app/invoice/wsgi.py", line 16, in <module>',
    '    application = get_wsgi_application()',
    '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/postgresql/base.py", line 25, in <module>',
    '    import psycopg2 as Database',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 51, in <module>',
    '    from psycopg2._psycopg import (                     # noqa',
    'ImportError: libpq.so.5: cannot open shared object file: No such file or directory',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'django.core.exceptions.ImproperlyConfigured: Error loading psycopg2 or psycopg module',
    `${gt(1.42)} [7] [INFO] Worker exiting (pid: 7)`,
    `${gt(1.41)} [1] [ERROR] Worker (pid:7) exited with code 3`,
    `${gt(1.41)} [1] [ERROR] Shutting down: Master`,
    `${gt(1.41)} [1] [ERROR] Reason: Worker failed to boot.`,
  );
  const other = bystander(ns, 'payment-webhooks', names, 55, { revisions: [30, 31], versions: ['1.9.2', '1.10.0'], olderAgo: 16 * DAYS });
  return {
    id: 'heldout33-slim-base-image-missing-libpq',
    class: 'rollout',
    truth: 'invoice-api 2.8.0 (revision 64, 27 minutes ago) moved its Dockerfile to python:3.12-slim-bookworm. psycopg2 is built from source against libpq in the build stage, but the slim runtime stage lacks the libpq5 package, so importing psycopg2 fails (ImportError: libpq.so.5: cannot open shared object file) and gunicorn\'s worker fails to boot (exit 3); the new pod crash-loops and the rollout is stuck with three 2.7.4 pods serving. Fix: roll back to revision 63 and add libpq5 to the runtime stage (apt-get install libpq5) or use psycopg2-binary.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: other.pods }),
      scaledReplicaSet(depOf(app.objects), rsOf(app, 64), 1, 0, 27),
      scaledReplicaSet(depOf(other.objects), rsOf(other, 31), 2, 0, 55),
      event({ on: fresh, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(fresh)} to ${names[2] ?? ''}`, firstAgo: 26.5, lastAgo: 26.5, component: 'default-scheduler' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.8.0')}"`, firstAgo: 26.4, lastAgo: 26.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.8.0')}" in 3.104s (3.104s including waiting). Image size: 61822190 bytes.`, firstAgo: 26.3, lastAgo: 26.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2.8.0'), { count: 10, firstAgo: 26.3, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 25.8, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`10.0.7.31 - - [${clfTime(1.1)}] "POST /v1/invoices HTTP/1.1" 201 412 "-" "billing-scheduler/3.2"`, `10.0.7.31 - - [${clfTime(0.4)}] "GET /v1/invoices/INV-2026-118204 HTTP/1.1" 200 1377 "-" "billing-portal/5.0"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/libpq/i, /invoice-api|2\.8\.0|revision 64|image/i],
      facts: [lit('libpq.so.5'), /psycopg2?/, /slim|base image/i, /2\.8\.0|revision 64/],
      never: [/\bOOM/i, /billing-pg[^\n]*(down|unreachable|refus)/i, /payment-webhooks/, /liveness/i],
    },
  };
}

// ---- 7. healthy control: Postgres after a planned Patroni switchover -----------------------------

function healthyAfterPlannedSwitchover(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.230', ['19', '142', '88']);
  const image = 'ghcr.io/zalando/spilo-16:3.3-p2';
  const tpl = { containers: [container({ name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }, { name: 'patroni', containerPort: 8008 }], cpu: '1', memory: '4Gi', readiness: httpProbe('/readiness', 8008), liveness: null, volumeMounts: [{ name: 'pgdata', mountPath: '/home/postgres/pgdata' }] })], serviceAccountName: 'accounts-pg' };
  const sts = statefulSetApp({
    namespace: ns, name: 'accounts-pg', replicas: 2, serviceName: 'accounts-pg-config', createdAgo: 400 * DAYS,
    selector: { application: 'spilo', 'cluster-name': 'accounts-pg' },
    revisions: [{ revision: 12, createdAgo: 30 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'pgdata', storage: '200Gi' }],
    pods: [
      { revision: 12, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS },
      { revision: 12, ordinal: 1, node: names[1] ?? '', createdAgo: 30 * DAYS },
    ],
  });
  const roles = ['replica', 'master'];
  sts.pods.forEach((p, i) => { p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'spilo-role': roles[i] ?? 'replica' } }; });
  const [pg0, pg1] = [podOf(sts, 0), podOf(sts, 1)];
  const svcPrimary = service({ namespace: ns, name: 'accounts-pg', selector: { application: 'spilo', 'cluster-name': 'accounts-pg', 'spilo-role': 'master' }, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], createdAgo: 400 * DAYS });
  const svcRepl = service({ namespace: ns, name: 'accounts-pg-repl', selector: { application: 'spilo', 'cluster-name': 'accounts-pg', 'spilo-role': 'replica' }, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], createdAgo: 400 * DAYS });
  const apiImage = `${ECR}/accounts/accounts-api:6.2.0`;
  const api = deploymentApp({
    namespace: ns, name: 'accounts-api', replicas: 3,
    revisions: [{ revision: 140, createdAgo: 3 * DAYS, changeCause: 'argocd: accounts-api 6.2.0', template: { containers: [container({ image: apiImage, ports: [8080], memory: '384Mi', env: [{ name: 'PGHOST', value: 'accounts-pg.accounts.svc.cluster.local' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 140, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const other = bystander(ns, 'accounts-mailer', names, 42, { revisions: [17, 18], versions: ['3.0.1', '3.0.2'], olderAgo: 21 * DAYS });
  const pt = (m: number) => at(m).replace('T', ' ').replace('Z', '').slice(0, 23).replace('.', ',');
  const patroni0 = lines(
    `${pt(91)} INFO: received switchover request with leader=accounts-pg-0 candidate=accounts-pg-1 scheduled_at=None`,
    `${pt(90.9)} INFO: Got response from accounts-pg-1 http://10.0.41.77:8008/patroni: {"state": "running", "role": "replica", "server_version": 160004, "xlog": {"received_location": 98846723432, "replayed_location": 98846723432, "paused": false}}`,
    `${pt(90.8)} INFO: Lock owner: accounts-pg-0; I am accounts-pg-0`,
    `${pt(90.8)} INFO: manual failover: demoting myself`,
    `${pt(90.7)} INFO: Demoting self (graceful)`,
    `${pt(90.5)} INFO: Leader key released`,
    `${pt(90.4)} INFO: Lock owner: accounts-pg-1; I am accounts-pg-0`,
    `${pt(90.4)} INFO: manual failover: demote in progress`,
    `${pt(90.1)} INFO: Local timeline=7 lsn=17/3A0000A0`,
    `${pt(90.0)} INFO: primary_timeline=8`,
    `${pt(89.9)} INFO: no action. I am (accounts-pg-0), a secondary, and following a leader (accounts-pg-1)`,
    `${pt(1.2)} INFO: no action. I am (accounts-pg-0), a secondary, and following a leader (accounts-pg-1)`,
    `${pt(0.2)} INFO: no action. I am (accounts-pg-0), a secondary, and following a leader (accounts-pg-1)`,
  );
  const patroni1 = lines(
    `${pt(90.6)} INFO: Cleaning up failover key after acquiring leader lock...`,
    `${pt(90.6)} INFO: promoted self to leader by acquiring session lock`,
    `${pt(90.5)} INFO: Lock owner: accounts-pg-1; I am accounts-pg-1`,
    `${pt(90.3)} INFO: updated leader lock during promote`,
    `${pt(1.1)} INFO: no action. I am (accounts-pg-1), the leader with the lock`,
    `${pt(0.1)} INFO: no action. I am (accounts-pg-1), the leader with the lock`,
  );
  const apiLog = (k: number) => lines(
    `{"level":"info","time":"${at(92)}","msg":"GET /v1/accounts/me","status":200,"duration_ms":7}`,
    `{"level":"error","time":"${at(90.6)}","msg":"query failed","error":"FATAL: terminating connection due to administrator command (SQLSTATE 57P01)","route":"/v1/accounts/me"}`,
    `{"level":"error","time":"${at(90.6)}","msg":"query failed","error":"FATAL: terminating connection due to administrator command (SQLSTATE 57P01)","route":"/v1/sessions"}`,
    `{"level":"warn","time":"${at(90.5)}","msg":"pgxpool: connection lost, reconnecting","host":"accounts-pg.accounts.svc.cluster.local"}`,
    `{"level":"error","time":"${at(90.4)}","msg":"query failed","error":"ERROR: cannot execute UPDATE in a read-only transaction (SQLSTATE 25006)","route":"/v1/sessions"}`,
    `{"level":"info","time":"${at(90.1)}","msg":"pgxpool: connected","host":"accounts-pg.accounts.svc.cluster.local","conns":${8 + k}}`,
    `{"level":"info","time":"${at(45)}","msg":"POST /v1/sessions","status":201,"duration_ms":12}`,
    `{"level":"info","time":"${at(0.7)}","msg":"GET /v1/accounts/me","status":200,"duration_ms":6}`,
    `{"level":"info","time":"${at(0.2)}","msg":"POST /v1/sessions","status":201,"duration_ms":11}`,
  );
  return {
    id: 'heldout33-healthy-after-planned-patroni-switchover',
    class: 'healthy',
    truth: 'A planned Patroni switchover (maintenance ticket) moved the accounts-pg leader from accounts-pg-0 to accounts-pg-1 90 minutes ago; Patroni relabelled the pods (spilo-role), so the accounts-pg Service followed the new primary. accounts-api logged a burst of "terminating connection due to administrator command" and one read-only error while its pool reconnected, then has served normally for 90 minutes. Every pod is Ready with no restarts; the accounts-mailer rollout 42 minutes ago is fine. Nothing to do.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...api.objects, ...other.objects,
      svcPrimary, endpointSliceFor(svcPrimary, sts.pods, 5432), svcRepl, endpointSliceFor(svcRepl, sts.pods, 5432),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'accounts-mailer', selector: { app: 'accounts-mailer' }, pods: other.pods }),
      ...[0, 1].map((i) => pvc({ namespace: ns, name: `pgdata-accounts-pg-${i}`, storage: '200Gi', phase: 'Bound', volumeName: volumeOf(ns, `pgdata-accounts-pg-${i}`), createdAgo: 400 * DAYS })),
      scaledReplicaSet(depOf(other.objects), rsOf(other, 18), 2, 0, 42),
    ],
    logs: [
      logsFor(pg0, 'postgres', { current: patroni0 }),
      logsFor(pg1, 'postgres', { current: patroni1 }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue|incident|failure)s?|nothing (to do|wrong|needed)|running normally|all .*ready|recovered/i],
      facts: [/accounts-api/, /ready/i],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /administrator command[^\n]*(caus|fail|outage|ongoing)/i, /accounts-mailer[^\n]*(caus|fail|broke)/i, /read-only[^\n]*(cause|ongoing)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mysqlWriterServiceOnOldPrimary(),
  deprecatedZoneLabelAffinity(),
  esMemlockOnNewNodeGroup(),
  postgresWalFullInactiveSlot(),
  nginxWorkerConnections(),
  slimImageWithoutLibpq(),
  healthyAfterPlannedSwitchover(),
];
