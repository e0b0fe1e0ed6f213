// Held-out stories, ninety-first round, part two: (network) a Spring Boot invoice service whose
// ConfigMap edit pointed LEDGER_URL at the new alias `ledger.billing.svc.cluster.local`, a name the
// ledger's certificate does not list, so every call fails with "No subject alternative DNS name
// matching … found."; (storage) a Kafka StatefulSet whose ZooKeeper ensemble was reinstalled with
// fresh claims, so every broker that restarts dies on InconsistentClusterIdException against the
// clusterId kept in its own volume's meta.properties; (config) an orders API whose revision 22
// sorted its env list, so DATABASE_URL now references $(DB_HOST) before DB_HOST is defined and the
// kubelet leaves the literal text, "could not translate host name "$(DB_HOST)""; (capacity) a FastAPI
// recommender whose revision 9 calls the feature store with blocking `requests` inside async
// endpoints, so the event loop stalls under load and liveness probes time out; (nodes) a node whose
// root EBS volume hit I/O errors and was remounted read-only, so every new container on it fails
// with "read-only file system" while the same rollout runs fine elsewhere; (network) a checkout API
// whose revision 14 added HTTP_PROXY/HTTPS_PROXY for a new external call with a NO_PROXY that omits
// the cluster's names, so in-cluster calls to pricing go through the squid egress proxy and get 403
// ERR_ACCESS_DENIED; and a healthy control: a Node.js notification service run via `npm start` that
// prints npm's "New minor version of npm available" notice at every start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  ipOf, nameOf, nodeEvent, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scheduled, service,
  startedNormally, statefulSetApp, tcpProbe, waiting, scaledReplicaSet,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback's default Spring Boot time: `2026-11-21T03:12:41.563Z`. */
const sbTime = (m: number): string => at(m);
/** Kafka's log4j time: `[2026-11-21 03:12:41,563]`. */
const kTime = (m: number): string => `[${pyTime(m)}]`;

// ---- 1. Java client, new host name not in the server certificate's SANs ----------------------------

function sanMismatch(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['21', '140', '233']);
  const ledgerImage = `${ECR}/billing/ledger-api:7.3.2`;
  const ledger = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    revisions: [
      {
        revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: ledger-api 7.3.2',
        template: {
          containers: [container({
            image: ledgerImage, ports: [{ name: 'https', containerPort: 8443 }], cpu: '500m', memory: '1Gi',
            env: [
              { name: 'SERVER_SSL_KEY_STORE', value: '/etc/ledger/tls/keystore.p12' },
              { name: 'SERVER_SSL_KEY_STORE_TYPE', value: 'PKCS12' },
              { name: 'SERVER_PORT', value: '8443' },
            ],
            volumeMounts: [{ name: 'tls', mountPath: '/etc/ledger/tls', readOnly: true }],
            readiness: httpProbe('/actuator/health/readiness', 'https', { scheme: 'HTTPS' } as Partial<k8s.V1Probe>),
            liveness: httpProbe('/actuator/health/liveness', 'https', { scheme: 'HTTPS', initialDelaySeconds: 40 } as Partial<k8s.V1Probe>),
          })],
          volumes: [{ name: 'tls', secret: { secretName: 'ledger-api-tls' } }],
        },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
    settled: { available: true, availableSince: 12 * DAYS - 3, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 3 },
  });
  const ledgerPods = ledger.pods;
  const ledgerSvc = exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: ledgerPods, endpointPort: 8443, createdAgo: 300 * DAYS });
  // The platform team's new short alias, created this week for the "ledger" rename.
  const ledgerAlias = exposed({ namespace: ns, name: 'ledger', selector: { app: 'ledger-api' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: ledgerPods, endpointPort: 8443, createdAgo: 2 * DAYS });
  const invImage = `${ECR}/billing/invoice-service:4.9.1`;
  const invTpl = (restartedAt?: string) => ({
    containers: [container({
      image: invImage, ports: [8080], cpu: '500m', memory: '1Gi',
      envFrom: [{ configMapRef: { name: 'invoice-service-config' } }],
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const inv = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-service 4.9.1', template: invTpl() },
      { revision: 41, createdAgo: 37, template: invTpl(at(37)) },
    ],
    pods: [0, 1].map((k) => ({ revision: 41, node: names[k + 1] ?? '', createdAgo: 37 - k })),
    settled: { available: true, availableSince: 35, progressingSince: 37, progressingUpdatedAgo: 35 },
  });
  const cm = configMap({
    namespace: ns, name: 'invoice-service-config', createdAgo: 200 * DAYS, updatedAgo: 39,
    data: {
      LEDGER_URL: 'https://ledger.billing.svc.cluster.local:8443',
      LEDGER_TIMEOUT_MS: '5000',
      SPRING_PROFILES_ACTIVE: 'prod',
      INVOICE_BATCH_SIZE: '200',
      JAVAX_NET_SSL_TRUSTSTORE: '/etc/pki/billing-ca/truststore.p12',
    },
  });
  const other = bystander(ns, 'dunning-worker', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const invSvc = exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: inv.pods });
  const host = 'ledger.billing.svc.cluster.local';
  const invLog = (k: number) => {
    const out = [
      `${sbTime(36.8 - k)}  INFO 1 --- [invoice-service] [           main] c.a.billing.InvoiceServiceApplication    : Started InvoiceServiceApplication in 21.437 seconds (process running for 23.012)`,
      `${sbTime(36.7 - k)}  INFO 1 --- [invoice-service] [           main] c.a.billing.ledger.LedgerClientConfig    : Ledger client configured: baseUrl=https://${host}:8443 timeout=5000ms`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.4 - k * 0.3;
      const inv = `INV-2026-${String(884120 + i * 17 + k * 3)}`;
      out.push(`${sbTime(t)}  INFO 1 --- [invoice-service] [nio-8080-exec-${(i % 9) + 1}] c.a.billing.api.InvoiceController       : POST /v1/invoices/${inv}/post customer=C-${31200 + i * 7}`);
      out.push(`${sbTime(t - 0.01)} ERROR 1 --- [invoice-service] [nio-8080-exec-${(i % 9) + 1}] c.a.billing.ledger.LedgerClient          : ledger post failed for ${inv}: I/O error on POST request for "https://${host}:8443/v2/entries": No subject alternative DNS name matching ${host} found.`);
      if (i % 4 === 0) {
        out.push(
          `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://${host}:8443/v2/entries": No subject alternative DNS name matching ${host} found.`,
          `\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)`,
          `\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)`,
          `\tat com.acme.billing.ledger.LedgerClient.post(LedgerClient.java:88)`,
          `Caused by: javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching ${host} found.`,
          `\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)`,
          `\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)`,
          `\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1304)`,
          `Caused by: java.security.cert.CertificateException: No subject alternative DNS name matching ${host} found.`,
          `\tat java.base/sun.security.util.HostnameChecker.matchDNS(HostnameChecker.java:212)`,
          `\tat java.base/sun.security.util.HostnameChecker.match(HostnameChecker.java:103)`,
          `\tat java.base/sun.security.ssl.X509TrustManagerImpl.checkIdentity(X509TrustManagerImpl.java:461)`,
          `\t... 52 common frames omitted`,
        );
      }
      if (i % 3 === 1) out.push(`${sbTime(t - 0.02)}  WARN 1 --- [invoice-service] [nio-8080-exec-${(i % 9) + 1}] c.a.billing.api.InvoiceController       : invoice ${inv} left in state PENDING_LEDGER (retry scheduled)`);
    }
    return lines(...out);
  };
  const ledgerLog = (k: number) => lines(
    `${sbTime(12 * DAYS - k - 0.5)}  INFO 1 --- [ledger-api] [           main] c.a.ledger.tls.KeystoreReporter          : TLS keystore /etc/ledger/tls/keystore.p12: subject=CN=ledger-api.billing.svc, SAN=[DNS:ledger-api, DNS:ledger-api.billing, DNS:ledger-api.billing.svc, DNS:ledger-api.billing.svc.cluster.local], issuer=CN=billing-internal-ca, notAfter=2027-08-14T00:00:00Z`,
    `${sbTime(12 * DAYS - k - 0.6)}  INFO 1 --- [ledger-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8443 (https) with context path '/'`,
    `${sbTime(44 + k)}  INFO 1 --- [ledger-api] [nio-8443-exec-3] c.a.ledger.api.EntryController           : POST /v2/entries source=invoice-service status=201 took=41ms`,
    `${sbTime(12 + k)}  INFO 1 --- [ledger-api] [nio-8443-exec-5] c.a.ledger.api.EntryController           : POST /v2/entries source=dunning-worker status=201 took=37ms`,
    `${sbTime(2 + k)}  INFO 1 --- [ledger-api] [nio-8443-exec-1] c.a.ledger.api.BalanceController         : GET /v2/accounts/A-99120/balance source=dunning-worker status=200 took=9ms`,
  );
  return {
    id: 'heldout91-invoice-ledger-san-mismatch',
    class: 'network',
    truth:
      'An edit of ConfigMap invoice-service-config (39 minutes ago, picked up by a rollout restart) pointed LEDGER_URL at the new alias ledger.billing.svc.cluster.local; the ledger-api certificate only lists the ledger-api.* names, so the Java client rejects every handshake with "No subject alternative DNS name matching ledger.billing.svc.cluster.local found." The ledger itself is healthy.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...ledger.objects, ...ledgerSvc, ...ledgerAlias, ...inv.objects, ...invSvc, cm, ...other.objects,
      ...inv.pods.flatMap((p) => startedNormally(p, 'app', invImage, 37)),
      scaledReplicaSet(deploymentOf(inv), rsOf(inv, 41), 2, 0, 37),
      scaledReplicaSet(deploymentOf(inv), rsOf(inv, 40), 0, 2, 35),
    ],
    logs: [
      ...inv.pods.map((p, k) => logsFor(p, 'app', { current: invLog(k) })),
      ...ledgerPods.map((p, k) => logsFor(p, 'app', { current: ledgerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/subject alternative|\bSAN\b|SSLHandshake|hostname|host name|certificate/i, /ledger\.billing|LEDGER_URL|invoice-service-config|ConfigMap/i],
      facts: [lit('ledger.billing.svc.cluster.local'), /invoice-service-config|LEDGER_URL/],
      never: [/expired|expiry|not yet valid/i, /ledger-api[^\n]*(is down|crash|unavailable|not ready)/i, /NetworkPolicy/i, /\bOOM/],
    },
  };
}

// ---- 2. Kafka brokers against a re-created ZooKeeper: InconsistentClusterIdException ------------------

function kafkaClusterId(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.40', ['12', '109', '205']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const zkImage = 'docker.io/library/zookeeper:3.8.4';
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zookeeper',
    replicas: 3,
    serviceName: 'zookeeper-headless',
    createdAgo: 58,
    revisions: [{
      revision: 1, createdAgo: 58,
      template: {
        containers: [container({
          name: 'zookeeper', image: zkImage, cpu: '250m', memory: '1Gi',
          ports: [{ name: 'client', containerPort: 2181 }, { name: 'follower', containerPort: 2888 }, { name: 'election', containerPort: 3888 }],
          env: [{ name: 'ZOO_SERVERS', value: 'server.1=zookeeper-0.zookeeper-headless:2888:3888;2181 server.2=zookeeper-1.zookeeper-headless:2888:3888;2181 server.3=zookeeper-2.zookeeper-headless:2888:3888;2181' }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
          readiness: tcpProbe('client'), liveness: tcpProbe('client', { initialDelaySeconds: 15 }),
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({ revision: 1, ordinal: o, node: names[o] ?? '', createdAgo: 58 - o })),
  });
  const kImage = 'docker.io/confluentinc/cp-kafka:7.6.1';
  const brokerCt = container({
    name: 'kafka', image: kImage, cpu: '1', memory: '4Gi',
    ports: [{ name: 'kafka', containerPort: 9092 }, { name: 'jmx', containerPort: 5556 }],
    env: [
      { name: 'KAFKA_ZOOKEEPER_CONNECT', value: 'zookeeper-0.zookeeper-headless:2181,zookeeper-1.zookeeper-headless:2181,zookeeper-2.zookeeper-headless:2181' },
      { name: 'KAFKA_LOG_DIRS', value: '/var/lib/kafka/data' },
      { name: 'KAFKA_DEFAULT_REPLICATION_FACTOR', value: '3' },
      { name: 'KAFKA_MIN_INSYNC_REPLICAS', value: '2' },
    ],
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
    readiness: tcpProbe('kafka', { initialDelaySeconds: 20 }), liveness: tcpProbe('kafka', { initialDelaySeconds: 60 }),
  });
  const storedId = 'hT3dK9uQQ9GzE1m3fJ2a8w';
  const newId = '4Lq2JrHXS2mYtYH0U8dVbA';
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    createdAgo: 410 * DAYS,
    revisions: [{ revision: 6, createdAgo: 63 * DAYS, template: { containers: [brokerCt] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({
      revision: 6, ordinal: o, node: names[o] ?? '', createdAgo: 54 - o * 2,
      containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 1.5 + o, ranSeconds: 9 }, 14 - o) },
    })),
  });
  const claims = [
    ...[0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-zookeeper-${o}`, storage: '10Gi', zone: zones[o] ?? '', createdAgo: 58 - o, storageClass: 'gp3', labels: { app: 'zookeeper' } })),
    ...[0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-kafka-${o}`, storage: '500Gi', zone: zones[o] ?? '', createdAgo: 410 * DAYS - o, storageClass: 'gp3', labels: { app: 'kafka' } })),
  ];
  const svcs = [
    service({ namespace: ns, name: 'zookeeper-headless', selector: { app: 'zookeeper' }, headless: true, createdAgo: 58, ports: [{ name: 'client', port: 2181, targetPort: 'client' }, { name: 'follower', port: 2888, targetPort: 'follower' }, { name: 'election', port: 3888, targetPort: 'election' }] }),
    ...exposed({ namespace: ns, name: 'zookeeper', selector: { app: 'zookeeper' }, createdAgo: 58, ports: [{ name: 'client', port: 2181, targetPort: 'client' }], pods: zk.pods, endpointPort: 2181 }),
    service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, createdAgo: 410 * DAYS, ports: [{ name: 'kafka', port: 9092, targetPort: 'kafka' }] }),
    ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, createdAgo: 410 * DAYS, ports: [{ name: 'kafka', port: 9092, targetPort: 'kafka' }], pods: kafka.pods, endpointPort: 9092 }),
  ];
  const brokerLog = (o: number) => {
    const t = 1.5 + o + 9 / 60;
    return lines(
      `===> User`, `uid=1000(appuser) gid=1000(appuser) groups=1000(appuser)`, `===> Configuring ...`, `===> Running preflight checks ... `,
      `===> Check if /var/lib/kafka/data is writable ...`, `===> Check if Zookeeper is healthy ...`, `===> Launching ... `, `===> Launching kafka ... `,
      `${kTime(t)} INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
      `${kTime(t - 0.02)} INFO starting (kafka.server.KafkaServer)`,
      `${kTime(t - 0.02)} INFO Connecting to zookeeper on zookeeper-0.zookeeper-headless:2181,zookeeper-1.zookeeper-headless:2181,zookeeper-2.zookeeper-headless:2181 (kafka.server.KafkaServer)`,
      `${kTime(t - 0.03)} INFO [ZooKeeperClient Kafka server] Connected. (kafka.zookeeper.ZooKeeperClient)`,
      `${kTime(t - 0.04)} INFO Cluster ID = ${newId} (kafka.server.KafkaServer)`,
      `${kTime(t - 0.04)} ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)`,
      `kafka.common.InconsistentClusterIdException: The Cluster ID ${newId} doesn't match stored clusterId Some(${storedId}) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.`,
      `\tat kafka.server.KafkaServer.startup(KafkaServer.scala:243)`,
      `\tat kafka.Kafka$.main(Kafka.scala:113)`,
      `\tat kafka.Kafka.main(Kafka.scala)`,
      `${kTime(t - 0.05)} INFO shutting down (kafka.server.KafkaServer)`,
      `${kTime(t - 0.05)} INFO [ZooKeeperClient Kafka server] Closing. (kafka.zookeeper.ZooKeeperClient)`,
      `${kTime(t - 0.05)} INFO shut down completed (kafka.server.KafkaServer)`,
      `${kTime(t - 0.05)} ERROR Exiting Kafka. (kafka.Kafka$)`,
    );
  };
  const zkLog = (o: number) => lines(
    `${pyTime(58 - o)} [myid:${o + 1}] - INFO  [main:o.a.z.s.p.QuorumPeerConfig@177] - Reading configuration from: /conf/zoo.cfg`,
    `${pyTime(58 - o)} [myid:${o + 1}] - INFO  [main:o.a.z.s.p.FileTxnSnapLog@124] - zookeeper.snapshot.trust.empty : false`,
    `${pyTime(58 - o)} [myid:${o + 1}] - INFO  [main:o.a.z.s.p.FileSnap@85] - Reading snapshot /data/version-2/snapshot.0`,
    `${pyTime(57.5 - o)} [myid:${o + 1}] - INFO  [QuorumPeer[myid=${o + 1}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.Learner@${o === 2 ? 'Leader' : 'Follower'}] - ${o === 2 ? 'LEADING - LEADER ELECTION TOOK - 412 MS' : 'FOLLOWING - LEADER ELECTION TOOK - 409 MS'}`,
    `${pyTime(1.6)} [myid:${o + 1}] - INFO  [NIOWorkerThread-2:o.a.z.s.ZooKeeperServer@1098] - Processing ruok command from /10.0.40.${50 + o}:48112`,
  );
  const kafkaEvents = kafka.pods.flatMap((p, o) => [
    backOff(p, 'kafka', { count: 120 - o * 9, firstAgo: 50 - o * 2 }),
    ...restartedAgain(p, 'kafka', kImage, { count: 14 - o, firstAgo: 54 - o * 2, lastAgo: 1.5 + o + 0.2 }),
  ]);
  return {
    id: 'heldout91-kafka-inconsistent-cluster-id',
    class: 'storage',
    truth:
      'The zookeeper StatefulSet was uninstalled and reinstalled with its claims (data-zookeeper-0..2 are 58 minutes old), so ZooKeeper came back empty and handed out a new cluster ID; the kafka brokers kept their 410-day-old data-kafka-N volumes whose meta.properties store the old clusterId, so each broker exits at startup with InconsistentClusterIdException and crash-loops.',
    ask: { service: 'kafka', namespace: ns },
    objects: [...nodes, ...zk.objects, ...kafka.objects, ...claims, ...svcs, ...kafkaEvents],
    logs: [
      ...kafka.pods.map((p, o) => logsFor(p, 'kafka', { current: brokerLog(o), previous: brokerLog(o + 1) })),
      ...zk.pods.map((p, o) => logsFor(p, 'zookeeper', { current: zkLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InconsistentClusterId|cluster ?id/i, /zookeeper|meta\.properties|wrong cluster/i],
      facts: [lit(newId), lit(storedId), /data-zookeeper|zookeeper/i],
      never: [/\bOOM/, /no space|disk full|DiskPressure/i, /zookeeper[^\n]*(is down|not ready|unavailable)/i],
    },
  };
}

// ---- 3. $(DB_HOST) not expanded: env reordered in revision 22 ------------------------------------------

function dependentEnvOrder(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.24', ['30', '118', '219']);
  const image = `${ECR}/orders/orders-api:5.2.0`;
  const oldImage = `${ECR}/orders/orders-api:5.1.4`;
  const pw = { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } };
  const host = { name: 'DB_HOST', value: 'orders-db.cluster-cq81zk2m0v4x.eu-west-1.rds.amazonaws.com' };
  const url = { name: 'DATABASE_URL', value: 'postgresql+psycopg2://orders_app:$(DB_PASSWORD)@$(DB_HOST):5432/orders' };
  const tpl = (img: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({
      image: img, ports: [8000], cpu: '500m', memory: '768Mi', env,
      command: ['/bin/sh', '-c', 'alembic upgrade head && exec gunicorn orders.wsgi:app -k uvicorn.workers.UvicornWorker -b 0.0.0.0:8000 -w 4'],
      readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.1.4', template: tpl(oldImage, [pw, host, url, { name: 'LOG_LEVEL', value: 'info' }, { name: 'WEB_CONCURRENCY', value: '4' }]) },
      { revision: 22, createdAgo: 26, changeCause: 'argocd: orders-api 5.2.0', template: tpl(image, [url, host, pw, { name: 'LOG_LEVEL', value: 'info' }, { name: 'WEB_CONCURRENCY', value: '4' }]) },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    pods: [
      { revision: 21, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 21, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 22, node: names[2] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 4 }, 9) } },
      { revision: 22, node: names[0] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3, ranSeconds: 4 }, 9) } },
    ],
  });
  const svc = exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods, endpointPort: 8000 });
  const other = bystander(ns, 'orders-outbox-relay', names, 5 * HOURS, { revisions: [3, 4], versions: ['0.9.2', '0.9.3'], olderAgo: 30 * DAYS });
  const crashLog = (): string => lines(
    `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.`,
    `INFO  [alembic.runtime.migration] Will assume transactional DDL.`,
    `Traceback (most recent call last):`,
    `  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 145, in __init__`,
    `    self._dbapi_connection = engine.raw_connection()`,
    `  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect`,
    `    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)`,
    `psycopg2.OperationalError: could not translate host name "$(DB_HOST)" to address: Name or service not known`,
    ``,
    `The above exception was the direct cause of the following exception:`,
    ``,
    `Traceback (most recent call last):`,
    `  File "/usr/local/bin/alembic", line 8, in <module>`,
    `    sys.exit(main())`,
    `  File "/app/migrations/env.py", line 61, in run_migrations_online`,
    `    with connectable.connect() as connection:`,
    `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not translate host name "$(DB_HOST)" to address: Name or service not known`,
    ``,
    `(Background on this error at: https://sqlalche.me/e/20/e3q8)`,
  );
  const okLog = (k: number) => lines(
    `[${pyTime(6 * DAYS - k).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(6 * DAYS - k).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    ...[9, 6, 3, 1].map((t) => `${pyTime(t + k * 0.1)} INFO orders.api: POST /v1/orders 201 customer=C-${70210 + t} items=${t % 4 + 1} took=${48 + t}ms`),
  );
  const events = api.pods.slice(2).flatMap((p, i) => [
    scheduled(p, 26),
    backOff(p, 'app', { count: 104 - i * 3, firstAgo: 25 }),
    ...restartedAgain(p, 'app', image, { count: 9, firstAgo: 26, lastAgo: 2 + i }),
  ]);
  return {
    id: 'heldout91-orders-env-dependent-var-order',
    class: 'config',
    truth:
      'Revision 22 of orders-api (5.2.0) sorted the container env list, so DATABASE_URL, which references $(DB_HOST) and $(DB_PASSWORD), now comes before the variables it references; the kubelet only expands references to variables defined earlier, so the app receives the literal "$(DB_HOST)" and its startup migration fails with could not translate host name "$(DB_HOST)". The database and DNS are fine; the rollout is stuck with two revision-21 pods serving.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [...nodes, ...api.objects, ...svc, ...other.objects, ...events, scaledReplicaSet(deploymentOf(api), rsOf(api, 22), 2, 0, 26), scaledReplicaSet(deploymentOf(api), rsOf(api, 21), 2, 3, 26)],
    logs: [
      ...api.pods.slice(2).map((p) => logsFor(p, 'app', { current: crashLog(), previous: crashLog() })),
      ...api.pods.slice(0, 2).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\$\(DB_HOST\)|DB_HOST|DATABASE_URL|dependent (env|variable)|env(ironment)? (var|order)/i, /revision 22|5\.2\.0|\border(ed|ing)?\b|expan|literal|defined (after|before)/i],
      facts: [/\$\(DB_HOST\)/, /DATABASE_URL|DB_HOST/, /revision 22|5\.2\.0/],
      never: [/coredns|kube-dns/i, /rds[^\n]*(down|unavailable)|database (is )?(down|unavailable)/i, /\bOOM/],
    },
  };
}

// ---- 4. FastAPI event loop blocked by sync `requests` calls ------------------------------------------------

function blockedEventLoop(): CorpusScenario {
  const ns = 'recs';
  const { nodes, names } = threeEksNodes('10.0.57', ['44', '161', '242']);
  const image = (v: string) => `${ECR}/recs/recommender:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '1', memory: '1Gi',
      command: ['uvicorn', 'recommender.main:app', '--host', '0.0.0.0', '--port', '8000', '--no-access-log'],
      env: [
        { name: 'FEATURE_STORE_URL', value: 'http://feature-store.recs.svc.cluster.local:8080' },
        { name: 'PYTHONASYNCIODEBUG', value: '1' },
        { name: 'MODEL_PATH', value: '/models/two-tower-v14' },
      ],
      readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 1, periodSeconds: 5 }),
      liveness: httpProbe('/healthz', 8000, { timeoutSeconds: 1, periodSeconds: 10, failureThreshold: 3 }),
    })],
  });
  const rec = deploymentApp({
    namespace: ns,
    name: 'recommender',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 15 * DAYS, changeCause: 'argocd: recommender 2.6.3', template: tpl('2.6.3') },
      { revision: 9, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: recommender 2.7.0', template: tpl('2.7.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 9, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 9 - k,
      containers: { app: running({ sinceAgo: 3 + k * 2, ready: k !== 0, restarts: 7 - k, last: { exitCode: 137, finishedAgo: 3 + k * 2, ranSeconds: 540 } }) },
    })),
    settled: { available: true, availableSince: 4, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 5 },
  });
  const fs = bystander(ns, 'feature-store', names, 9 * DAYS, { revisions: [30, 31], versions: ['1.14.0', '1.14.1'], olderAgo: 40 * DAYS });
  const svc = exposed({ namespace: ns, name: 'recommender', selector: { app: 'recommender' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: rec.pods, endpointPort: 8000 });
  const fsSvc = exposed({ namespace: ns, name: 'feature-store', selector: { app: 'feature-store' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: fs.pods, endpointPort: 8080 });
  const recLog = (k: number) => {
    const since = 3 + k * 2;
    const out = [
      `INFO:     Started server process [1]`, `INFO:     Waiting for application startup.`,
      `${pyTime(since - 0.05)} INFO recommender.model loaded two-tower-v14 (412 MB) in 11.8s`,
      `INFO:     Application startup complete.`, `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = since - 0.3 - i * ((since - 0.5) / 10);
      const secs = (3.1 + ((i * 7 + k * 3) % 11) * 0.23).toFixed(3);
      out.push(`${pyTime(t)} INFO recommender.api GET /v1/recommendations user_id=u-${482910 + i * 13 + k} status=200 took=${Math.round(Number(secs) * 1000 + 140)}ms`);
      out.push(`${pyTime(t - 0.01)} WARNING asyncio Executing <Task pending name='Task-${1840 + i * 37 + k}' coro=<RequestResponseCycle.run_asgi() running at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:409> cb=[set.discard()] created at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:291> took ${secs} seconds`);
      if (i % 3 === 0) out.push(`${pyTime(t - 0.02)} WARNING urllib3.connectionpool Connection pool is full, discarding connection: feature-store.recs.svc.cluster.local. Connection pool size: 10`);
    }
    return lines(...out);
  };
  const prevLog = (k: number) => lines(
    `INFO:     Application startup complete.`,
    `${pyTime(12 + k)} WARNING asyncio Executing <Task pending name='Task-977' coro=<RequestResponseCycle.run_asgi() running at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:409> cb=[set.discard()] created at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:291> took 4.212 seconds`,
    `${pyTime(11.9 + k)} WARNING asyncio Executing <Task pending name='Task-981' coro=<RequestResponseCycle.run_asgi() running at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:409> cb=[set.discard()] created at /usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py:291> took 5.087 seconds`,
    `INFO:     Shutting down`,
    `INFO:     Waiting for connections to close. (CTRL+C to force quit)`,
  );
  const events = rec.pods.flatMap((p, k) => [
    probeFailed(p, 'app', 'Liveness', `Get "http://${ipOf(p)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 31 - k * 3, firstAgo: 2 * HOURS - k * 4, lastAgo: 0.6 + k * 0.3 }),
    probeFailed(p, 'app', 'Readiness', `Get "http://${ipOf(p)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 88 - k * 7, firstAgo: 2 * HOURS - k * 4, lastAgo: 0.4 + k * 0.2 }),
    probeKilling(p, 'app', 'liveness', { count: 7 - k, firstAgo: 2 * HOURS - 10 - k * 4, lastAgo: 3 + k * 2 }),
    ...restartedAgain(p, 'app', image('2.7.0'), { count: 7 - k, firstAgo: 2 * HOURS - 10 - k * 4, lastAgo: 3 + k * 2 }),
  ]);
  const fsLog = lines(...[40, 20, 5, 1].map((t) => `${pyTime(t)} INFO feature_store.api GET /v2/features/user batch=1 status=200 took=${3900 + t * 7}ms backend=dynamodb`));
  return {
    id: 'heldout91-recommender-blocked-event-loop',
    class: 'capacity',
    truth:
      'Revision 9 (recommender 2.7.0) calls the feature store with the blocking requests library inside async FastAPI endpoints; under the evening load each call stalls uvicorn\'s single event loop for 3-5 seconds (asyncio debug logs "Executing <Task …> took 4.2 seconds"), so the 1-second liveness probe times out and the kubelet restarts the pods (exit 137), and readiness flaps.',
    ask: { service: 'recommender', namespace: ns },
    objects: [...nodes, ...rec.objects, ...svc, ...fs.objects, ...fsSvc, ...events],
    logs: [
      ...rec.pods.map((p, k) => logsFor(p, 'app', { current: recLog(k), previous: prevLog(k) })),
      ...fs.pods.map((p) => logsFor(p, 'app', { current: fsLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/event loop|block|synchronous|\bsync\b|took \d|slow callback|asyncio/i],
      facts: [/liveness/i, /took [345]\.\d+ seconds|Executing <Task|event loop/i, /revision 9|2\.7\.0/],
      never: [/\bOOM|out of memory|memory limit/i, /feature-store[^\n]*(is down|crash|unavailable)/i],
    },
  };
}

// ---- 5. Node root filesystem remounted read-only --------------------------------------------------------

function readOnlyNode(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '97', '190']);
  const bad = names[0] ?? '';
  const badNode = nodes[0] as k8s.V1Node;
  badNode.status?.conditions?.push(
    { type: 'ReadonlyFilesystem', status: 'True', reason: 'FilesystemIsReadOnly', message: 'Filesystem is read-only', lastHeartbeatTime: new Date(at(0.3)), lastTransitionTime: new Date(at(47)) } as k8s.V1NodeCondition,
    { type: 'KernelDeadlock', status: 'False', reason: 'KernelHasNoDeadlock', message: 'kernel has no deadlock', lastHeartbeatTime: new Date(at(0.3)), lastTransitionTime: new Date(at(30 * DAYS)) } as k8s.V1NodeCondition,
  );
  for (const n of nodes.slice(1)) {
    n.status?.conditions?.push(
      { type: 'ReadonlyFilesystem', status: 'False', reason: 'FilesystemIsNotReadOnly', message: 'Filesystem is not read-only', lastHeartbeatTime: new Date(at(0.3)), lastTransitionTime: new Date(at(30 * DAYS)) } as k8s.V1NodeCondition,
      { type: 'KernelDeadlock', status: 'False', reason: 'KernelHasNoDeadlock', message: 'kernel has no deadlock', lastHeartbeatTime: new Date(at(0.3)), lastTransitionTime: new Date(at(30 * DAYS)) } as k8s.V1NodeCondition,
    );
  }
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '1536Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })],
  });
  const roErr = (id: number) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd container: mkdir /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${id}: read-only file system`;
  const thumb = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: thumbnailer 3.2.0', template: tpl('3.2.0') },
      { revision: 15, createdAgo: 33, changeCause: 'argocd: thumbnailer 3.2.1', template: tpl('3.2.1') },
    ],
    pods: [
      { revision: 15, node: names[1] ?? '', createdAgo: 33 },
      { revision: 15, node: names[2] ?? '', createdAgo: 32 },
      { revision: 15, node: bad, createdAgo: 31, containers: { app: waiting('ContainerCreating') }, sandbox: false },
      { revision: 14, node: names[1] ?? '', createdAgo: 11 * DAYS },
      { revision: 14, node: names[2] ?? '', createdAgo: 11 * DAYS },
    ],
  });
  const svc = exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: thumb.pods });
  // A bystander running on the bad node since before the remount: its container keeps running.
  const other = bystander(ns, 'upload-gateway', [bad, names[2] ?? ''], 6 * DAYS, { revisions: [21, 22], versions: ['2.0.4', '2.0.5'], olderAgo: 25 * DAYS });
  const stuck = podOf(thumb, 2);
  const events: k8s.CoreV1Event[] = [
    ...startedNormally(podOf(thumb, 0), 'app', image('3.2.1'), 33),
    ...startedNormally(podOf(thumb, 1), 'app', image('3.2.1'), 32),
    scheduled(stuck, 31),
    event({ on: stuck, reason: 'FailedCreatePodSandBox', message: roErr(4817), count: 142, firstAgo: 30.5, lastAgo: 0.3 }),
    nodeEvent(bad, 'FilesystemIsReadOnly', 'Node condition ReadonlyFilesystem is now: True, reason: FilesystemIsReadOnly, message: "Filesystem is read-only"', { type: 'Warning', firstAgo: 47, lastAgo: 47, component: 'kernel-monitor' }),
    nodeEvent(bad, 'Ext4Error', 'EXT4-fs error (device nvme0n1p1): ext4_journal_check_start:83: comm containerd: Detected aborted journal', { type: 'Warning', firstAgo: 47.1, lastAgo: 47.1, component: 'kernel-monitor' }),
    nodeEvent(bad, 'FilesystemIsReadOnly', 'EXT4-fs (nvme0n1p1): Remounting filesystem read-only', { type: 'Warning', firstAgo: 47.1, lastAgo: 47.1, component: 'kernel-monitor' }),
    nodeEvent(bad, 'ImageGCFailed', 'failed to garbage collect required amount of images. Attempted to free 0 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', count: 2, firstAgo: 9 * DAYS, lastAgo: 9 * DAYS - 5 }),
  ];
  const okLog = (k: number) => lines(...[20, 12, 6, 1].map((t) => `{"time":"${at(t + k * 0.2)}","level":"INFO","msg":"thumbnail rendered","asset":"img_${88120 + t * 3 + k}","sizes":[128,512,1024],"ms":${210 + t * 4}}`));
  return {
    id: 'heldout91-thumbnailer-readonly-node-fs',
    class: 'nodes',
    truth:
      `Node ${bad}'s root EBS volume hit I/O errors 47 minutes ago and the kernel remounted its ext4 filesystem read-only (node-problem-detector: ReadonlyFilesystem=True), so containerd cannot create any new sandbox or container there: the thumbnailer pod that revision 15 placed on it is stuck in ContainerCreating with FailedCreatePodSandBox "read-only file system". The rollout itself is fine on the other nodes; the fix is to cordon, drain and replace the node.`,
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [...nodes, ...thumb.objects, ...svc, ...other.objects, ...events, scaledReplicaSet(deploymentOf(thumb), rsOf(thumb, 15), 3, 0, 33), scaledReplicaSet(deploymentOf(thumb), rsOf(thumb, 14), 2, 4, 32)],
    logs: [
      ...[0, 1, 3, 4].map((i, k) => logsFor(podOf(thumb, i), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-only|readonly|ReadonlyFilesystem|remount/i, /ip-10-0-88-14|node/i],
      facts: [/ip-10-0-88-14/, /read-only file system|FailedCreatePodSandBox|ReadonlyFilesystem/i],
      never: [ADVISES_ROLLBACK, /DiskPressure|disk pressure|no space/i, /ImagePull|pull (fail|error)/i],
    },
  };
}

// ---- 6. HTTP_PROXY without NO_PROXY for the cluster's names ----------------------------------------------

function proxyWithoutNoProxy(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '130', '251']);
  const image = (v: string) => `${ECR}/checkout/checkout-api:${v}`;
  const base: k8s.V1EnvVar[] = [
    { name: 'PRICING_URL', value: 'http://pricing.checkout.svc.cluster.local:8080' },
    { name: 'CART_URL', value: 'http://cart.checkout.svc.cluster.local:8080' },
    { name: 'GUNICORN_CMD_ARGS', value: '--workers 4 --timeout 30' },
  ];
  const proxy: k8s.V1EnvVar[] = [
    { name: 'HTTP_PROXY', value: 'http://egress-proxy.network.svc.cluster.local:3128' },
    { name: 'HTTPS_PROXY', value: 'http://egress-proxy.network.svc.cluster.local:3128' },
    { name: 'NO_PROXY', value: 'localhost,127.0.0.1,169.254.169.254' },
    { name: 'FRAUD_SCORE_URL', value: 'https://api.fraudshield.example.com/v3/score' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({ image: image(v), ports: [8000], cpu: '500m', memory: '512Mi', env, readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 15 }) })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 8 * DAYS, changeCause: 'argocd: checkout-api 8.4.2', template: tpl('8.4.2', base) },
      { revision: 14, createdAgo: 44, changeCause: 'argocd: checkout-api 8.5.0', template: tpl('8.5.0', [...base, ...proxy]) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 44 - k })),
    settled: { available: true, availableSince: 41, progressingSince: 44, progressingUpdatedAgo: 41 },
  });
  const pricing = bystander(ns, 'pricing', names, 12 * DAYS, { revisions: [50, 51], versions: ['6.1.0', '6.1.1'], olderAgo: 33 * DAYS });
  const cart = bystander(ns, 'cart', names, 20 * DAYS, { revisions: [19, 20], versions: ['3.3.0', '3.3.1'], olderAgo: 60 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods, endpointPort: 8000 }),
    ...exposed({ namespace: ns, name: 'pricing', selector: { app: 'pricing' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: pricing.pods }),
    ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: cart.pods }),
  ];
  const apiLog = (k: number) => {
    const out = [
      `[${pyTime(43 - k).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(43 - k).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 38 - i * 3.8 - k * 0.2;
      const order = `ck_${(7731200 + i * 41 + k * 7).toString(36)}`;
      out.push(`${pyTime(t)} INFO checkout.fraud score=0.${12 + i} session=${order} provider=fraudshield took=${180 + i * 9}ms`);
      out.push(`${pyTime(t - 0.01)} ERROR checkout.pricing quote failed session=${order} url=http://pricing.checkout.svc.cluster.local:8080/v2/quote status=403 server="squid/6.6" x_squid_error="ERR_ACCESS_DENIED 0" via="1.1 egress-proxy-6c9d7f8b5-q2x7m (squid/6.6)"`);
      if (i % 3 === 0) {
        out.push(
          `Traceback (most recent call last):`,
          `  File "/app/checkout/pricing.py", line 57, in quote`,
          `    resp.raise_for_status()`,
          `  File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status`,
          `    raise HTTPError(http_error_msg, response=self)`,
          `requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: http://pricing.checkout.svc.cluster.local:8080/v2/quote`,
        );
      }
      out.push(`${pyTime(t - 0.02)} INFO checkout.api POST /v1/checkout/${order}/confirm 502 took=${31 + i}ms`);
    }
    return lines(...out);
  };
  const pricingLog = lines(...[50, 46, 30, 12, 2].map((t) => `${pyTime(t)} INFO pricing.api POST /v2/quote 200 caller=${t > 44 ? 'checkout-api' : 'storefront-bff'} items=${t % 5 + 1} took=${14 + t % 7}ms`));
  return {
    id: 'heldout91-checkout-proxy-no-proxy',
    class: 'network',
    truth:
      'Revision 14 (checkout-api 8.5.0) added HTTP_PROXY/HTTPS_PROXY pointing at the squid egress proxy so it can reach the new external fraud-scoring API, but its NO_PROXY only lists localhost, 127.0.0.1 and 169.254.169.254, so requests also sends in-cluster calls to pricing.checkout.svc.cluster.local through the proxy, which denies them (403, ERR_ACCESS_DENIED); every checkout confirm returns 502. Pricing is healthy and never sees the calls.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [...nodes, ...api.objects, ...pricing.objects, ...cart.objects, ...svcs, scaledReplicaSet(deploymentOf(api), rsOf(api, 14), 3, 0, 44), scaledReplicaSet(deploymentOf(api), rsOf(api, 13), 0, 3, 41)],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...pricing.pods.map((p) => logsFor(p, 'app', { current: pricingLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy|squid/i],
      facts: [/NO_PROXY|HTTP_PROXY/, /403|ERR_ACCESS_DENIED/, /revision 14|8\.5\.0/],
      never: [/NetworkPolicy/i, /coredns|kube-dns|dns (failure|resolution)/i, /pricing[^\n]*(is down|crash|unavailable|not ready)/i],
    },
  };
}

// ---- Healthy control: npm's update notice at start ---------------------------------------------------------

function npmNoticeHealthy(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.131', ['16', '88', '203']);
  const image = (v: string) => `${ECR}/notify/notification-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '384Mi', command: ['npm', 'start'],
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'SES_REGION', value: 'eu-west-1' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-service',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 10 * DAYS, changeCause: 'argocd: notification-service 3.4.0', template: tpl('3.4.0') },
      { revision: 27, createdAgo: 3 * HOURS, changeCause: 'argocd: notification-service 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 3 * HOURS - k })),
    settled: { available: true, availableSince: 3 * HOURS - 3, progressingSince: 3 * HOURS, progressingUpdatedAgo: 3 * HOURS - 3 },
  });
  const svc = exposed({ namespace: ns, name: 'notification-service', selector: { app: 'notification-service' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 });
  const other = bystander(ns, 'template-renderer', names, 2 * DAYS, { revisions: [8, 9], versions: ['1.2.0', '1.2.1'], olderAgo: 40 * DAYS });
  const log = (k: number) => {
    const start = 3 * HOURS - k;
    const out = [
      ``, `> notification-service@3.4.1 start`, `> node dist/server.js`, ``,
      `{"level":30,"time":${Date.parse(at(start - 0.05))},"pid":19,"hostname":"${nameOf(app.pods[k])}","msg":"notification-service 3.4.1 starting","node":"v20.17.0"}`,
      `{"level":30,"time":${Date.parse(at(start - 0.08))},"pid":19,"hostname":"${nameOf(app.pods[k])}","msg":"connected to SQS queue notify-outbound","queue":"https://sqs.eu-west-1.amazonaws.com/123456789012/notify-outbound"}`,
      `{"level":30,"time":${Date.parse(at(start - 0.1))},"pid":19,"hostname":"${nameOf(app.pods[k])}","msg":"Server listening at http://0.0.0.0:3000"}`,
      `npm notice`,
      `npm notice New minor version of npm available! 10.8.2 -> 10.9.0`,
      `npm notice Changelog: https://github.com/npm/cli/releases/tag/v10.9.0`,
      `npm notice To update run: npm install -g npm@10.9.0`,
      `npm notice`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 40 - i * 3.3 - k * 0.4;
      out.push(`{"level":30,"time":${Date.parse(at(t))},"pid":19,"hostname":"${nameOf(app.pods[k])}","msg":"notification sent","channel":"${['email', 'push', 'sms'][i % 3]}","template":"order-shipped","messageId":"0102019${(4410 + i * 17 + k).toString(16)}","ms":${60 + i * 5}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout91-notify-npm-notice-healthy',
    class: 'healthy',
    truth:
      'Healthy: notification-service runs through `npm start`, so each container start prints npm\'s "New minor version of npm available! 10.8.2 -> 10.9.0" notice; that is harmless. All three revision-27 pods are ready, have never restarted, and keep sending notifications.',
    ask: { service: 'notification-service', namespace: ns },
    objects: [...nodes, ...app.objects, ...svc, ...other.objects, ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.4.1'), 3 * HOURS - k))],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|ready|serving/i],
      facts: [/notification-service/],
      never: [/npm[^\n]*(outdated|upgrade|update)[^\n]*(cause|fail|broke)/i, ADVISES_ROLLBACK, /CrashLoop|OOM/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  sanMismatch(),
  kafkaClusterId(),
  dependentEnvOrder(),
  blockedEventLoop(),
  readOnlyNode(),
  proxyWithoutNoProxy(),
  npmNoticeHealthy(),
];
