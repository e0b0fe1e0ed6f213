// Held-out stories, eighty-sixth round, part one (written blind):
// 1. claims-api revision 42 moved its base image from a Java 11.0.10 JRE to Java 17, which disables
//    TLS 1.0/1.1 in java.security; the legacy SQL Server only speaks TLS 1.0, so mssql-jdbc fails the
//    handshake ("TLS10 is not accepted by client preferences [TLS13, TLS12]") and new pods crash-loop.
// 2. pricing-engine reads its config from Consul KV at start; its ACL token was deleted in Consul, so
//    the two pods recreated after a node scale-down crash-loop on 403 "ACL not found"; older pods run.
// 3. A new node group (general-v2, subnet 10.0.96.0/20) is not in the NFS server's export list: the
//    media-renderer pods scheduled there sit in ContainerCreating on "access denied by server".
// 4. report-gateway forks one cluster worker per os.cpus(); on the new 96-vCPU m6i.24xlarge nodes its
//    pods (memory limit 1Gi) fork 96 workers and are OOMKilled at start; pods on m6i.2xlarge run.
// 5. The HPA scaled orders-api 6 → 40; each replica opens a MongoDB pool of 100, so mongod (maxConns
//    2000) refuses with "too many open connections" and the API's requests fail.
// 6. ProxySQL's only hostgroup-10 writer (the old primary 10.30.1.11) was shunned after a MySQL
//    failover it did not follow; invoice-service's writes fail "Max connect timeout … hostgroup 10".
// 7. Healthy control: hr-portal on Tomcat logs the slow SHA1PRNG SecureRandom warning at start-up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, hpa, httpProbe, nameOf,
  node, probeFailed, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, waiting,
  execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot / logback time: `2026-11-21T03:12:41.563Z`. */
const sb = (m: number): string => at(m);
/** `2026-11-21 03:12:41` */
const plain = (m: number): string => at(m).slice(0, 19).replace('T', ' ');
/** Tomcat's JUL time: `21-Nov-2026 03:12:41.563`. */
const tomcatTime = (m: number): string => {
  const d = new Date(at(m));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')}-${mon}-${d.getUTCFullYear()} ${at(m).slice(11, 23)}`;
};

function sizedNode(ip: string, zone: string, instanceType: string, pool: string, cpu: string, allocCpu: string, mem: string, allocMem: string, pods: string, createdAgo: number): k8s.V1Node {
  const n = node({ name: eksNodeName(ip), zone, instanceType, pool, createdAgo, allocatable: { cpu: allocCpu, 'ephemeral-storage': '76224326324', memory: allocMem, pods } });
  if (n.status) {
    n.status.capacity = { cpu, 'ephemeral-storage': '83873772Ki', memory: mem, pods };
    n.status.addresses = [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: nameOf(n) }];
  }
  return n;
}

// ---- 1. Java 17 base image vs a TLS 1.0-only SQL Server ---------------------------------------------

function jdkTls10SqlServer(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '87', '203']);
  const image = (v: string) => `${ECR}/claims/claims-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:sqlserver://sqlclaims01.corp.acme.internal:1433;databaseName=Claims;encrypt=true;trustServerCertificate=true' },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'claims_app' },
        { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'claims-db', key: 'password' } } },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: claims-api 3.7.2', template: tpl('3.7.2') },
      { revision: 42, createdAgo: 34, changeCause: 'argocd: claims-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 42, node: names[2] ?? '', createdAgo: 33.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 14 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'claims-notifier', names, 70, { revisions: [15, 16], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const cid = '7F1C2A9E-3B44-4D0A-9C61-5E2B8D0F4A13';
  const crash = lines(
    `  .   ____          _            __ _ _`,
    ` /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\`,
    `${sb(2.35)}  INFO 1 --- [claims-api] [           main] c.a.claims.ClaimsApiApplication          : Starting ClaimsApiApplication v3.8.0 using Java 17.0.13 with PID 1 (/app/claims-api.jar started by app in /app)`,
    `${sb(2.35)}  INFO 1 --- [claims-api] [           main] c.a.claims.ClaimsApiApplication          : The following 1 profile is active: "prod"`,
    `${sb(2.3)}  INFO 1 --- [claims-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${sb(2.28)}  INFO 1 --- [claims-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${sb(2.26)} ERROR 1 --- [claims-api] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.`,
    '',
    `com.microsoft.sqlserver.jdbc.SQLServerException: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]". ClientConnectionId:${cid}`,
    `\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4026) ~[mssql-jdbc-12.4.2.jre11.jar!/:na]`,
    `\tat com.microsoft.sqlserver.jdbc.TDSChannel.enableSSL(IOBuffer.java:1970) ~[mssql-jdbc-12.4.2.jre11.jar!/:na]`,
    `\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.connectHelper(SQLServerConnection.java:3552) ~[mssql-jdbc-12.4.2.jre11.jar!/:na]`,
    `\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:561) ~[HikariCP-5.0.1.jar!/:na]`,
    `Caused by: javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]`,
    `\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130) ~[na:na]`,
    `\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378) ~[na:na]`,
    `\tat java.base/sun.security.ssl.ServerHello$ServerHelloConsumer.onServerHello(ServerHello.java:985) ~[na:na]`,
    `\t... 58 common frames omitted`,
    '',
    `${sb(2.2)}  WARN 1 --- [claims-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: Failed to initialize dependency 'flywayInitializer'`,
    `${sb(2.15)} ERROR 1 --- [claims-api] [           main] o.s.boot.SpringApplication               : Application run failed`,
  );
  const oldLog = (k: number) => lines(
    `${sb(12 * DAYS - k - 0.5)}  INFO 1 --- [claims-api] [           main] c.a.claims.ClaimsApiApplication          : Starting ClaimsApiApplication v3.7.2 using Java 11.0.10 with PID 1 (/app/claims-api.jar started by app in /app)`,
    `${sb(12 * DAYS - k - 0.55)}  INFO 1 --- [claims-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${sb(12 * DAYS - k - 0.6)}  INFO 1 --- [claims-api] [           main] c.a.claims.ClaimsApiApplication          : Started ClaimsApiApplication in 21.384 seconds (process running for 22.911)`,
    `${sb(1.4 + k * 0.1)}  INFO 1 --- [claims-api] [nio-8080-exec-4] c.a.claims.web.ClaimController           : GET /v2/claims/CLM-2026-118${40 + k} 200 (38 ms)`,
  );
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout86-jdk17-tls10-sqlserver-handshake',
    class: 'config',
    truth: 'claims-api revision 42 (3.8.0, 34 minutes ago) rebuilt the service on a Java 17 base image (the old one ran Java 11.0.10). Since JDK 11.0.11 / 17, java.security disables TLSv1 and TLSv1.1 (jdk.tls.disabledAlgorithms), and the legacy SQL Server sqlclaims01 only speaks TLS 1.0, so mssql-jdbc cannot complete the handshake ("The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]"), Hikari fails at start and the new pod crash-loops; the three revision-41 pods (Java 11.0.10) still connect and serve, and the rollout is stuck. Fix: roll back to 41 now, then re-enable TLS 1.0 for this client or (better) upgrade the SQL Server\'s TLS.',
    ask: { service: 'claims-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-api', selector: { app: 'claims-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 70),
      scheduled(fresh, 33.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.0')}"`, firstAgo: 33.4, lastAgo: 33.4, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.0')}" in 6.215s (6.215s including waiting). Image size: 187342118 bytes.`, firstAgo: 33.3, lastAgo: 33.3, fieldPath: fp }),
      ...restartedAgain(fresh, 'app', image('3.8.0'), { count: 8, firstAgo: 33.3, lastAgo: 2.4 }),
      backOff(fresh, 'app', { count: 131, firstAgo: 32 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/TLS ?1\.?0|TLS10|TLS|SSL ?Handshake|handshake/i],
      facts: [/TLS10 is not accepted|not accepted by client preferences/i, /revision 42|3\.8\.0/i, /Java 17|JDK|java\.security|disabled ?Algorithms/i],
      never: [/\bOOM/, /password|credentials?|login failed/i, /claims-notifier/],
    },
  };
}

// ---- 2. Consul ACL token deleted: new pods cannot read their config -------------------------------

function consulAclTokenDeleted(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.52', ['14', '119', '230']);
  const image = `${ECR}/pricing/pricing-engine:5.2.1`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'CONSUL_HTTP_ADDR', value: 'http://consul-server.consul.svc.cluster.local:8500' },
        { name: 'CONSUL_HTTP_TOKEN', valueFrom: { secretKeyRef: { name: 'pricing-engine-consul-token', key: 'token' } } },
        { name: 'CONFIG_PREFIX', value: 'config/pricing-engine/prod/' },
      ],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 40 * DAYS, changeCause: 'argocd: pricing-engine 5.1.4', template: { containers: [container({ image: `${ECR}/pricing/pricing-engine:5.1.4`, ports: [8080], cpu: '300m', memory: '256Mi' })] } },
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 5.2.1', template: tpl },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 18, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 18, node: names[1] ?? '', createdAgo: 41, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 1 }, 12) } },
      { revision: 18, node: names[2] ?? '', createdAgo: 41, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.2, ranSeconds: 1 }, 12) } },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 2, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 2 },
  });
  const other = bystander(ns, 'pricing-rules-ui', names, 55, { revisions: [30, 31], versions: ['0.44.0', '0.45.0'], olderAgo: 14 * DAYS });
  const crashing = [podOf(app, 2), podOf(app, 3)];
  const crashLog = (m: number) => lines(
    `{"level":"info","ts":"${at(m)}","caller":"cmd/pricing/main.go:57","msg":"starting pricing-engine","version":"5.2.1","commit":"c41a7be"}`,
    `{"level":"info","ts":"${at(m)}","caller":"config/consul.go:38","msg":"loading configuration from consul","addr":"http://consul-server.consul.svc.cluster.local:8500","prefix":"config/pricing-engine/prod/"}`,
    `{"level":"error","ts":"${at(m - 0.005)}","caller":"config/consul.go:61","msg":"consul kv list failed","prefix":"config/pricing-engine/prod/","error":"Unexpected response code: 403 (ACL not found)"}`,
    `{"level":"fatal","ts":"${at(m - 0.006)}","caller":"cmd/pricing/main.go:71","msg":"cannot load configuration","error":"consul: list config/pricing-engine/prod/: Unexpected response code: 403 (ACL not found)"}`,
  );
  const okLog = (k: number) => lines(
    `{"level":"info","ts":"${at(9 * DAYS - k - 0.4)}","caller":"config/consul.go:74","msg":"configuration loaded","keys":23,"modify_index":884213}`,
    `{"level":"warn","ts":"${at(44 + k)}","caller":"config/consul.go:112","msg":"config watch failed, keeping current configuration","error":"Unexpected response code: 403 (ACL not found)","retry_in":"30s"}`,
    `{"level":"info","ts":"${at(0.7 + k * 0.2)}","caller":"http/server.go:88","msg":"request","method":"POST","path":"/v1/quotes","status":200,"duration_ms":${11 + k}}`,
  );
  return {
    id: 'heldout86-consul-acl-token-deleted',
    class: 'config',
    truth: 'pricing-engine loads its configuration from Consul KV at start with the ACL token in Secret pricing-engine-consul-token. That token was deleted in Consul (outside the cluster), so every KV read answers 403 "ACL not found". The two pods recreated 41 minutes ago (after their node was scaled down) exit at start and crash-loop; the two 9-day-old pods loaded their config before and keep serving (their config watch warns with the same 403). Revision 18 is 9 days old and innocent. Fix: issue a new Consul token with the service\'s policy and update the Secret.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 55),
      ...crashing.flatMap((p, i) => [
        scheduled(p, 41),
        ...restartedAgain(p, 'app', image, { count: 13, firstAgo: 40.9, lastAgo: i === 0 ? 1.8 : 3.2 }),
        backOff(p, 'app', { count: 178 - i * 3, firstAgo: 40.5 }),
      ]),
    ],
    logs: [
      logsFor(crashing[0], 'app', { previous: crashLog(1.82) }),
      logsFor(crashing[1], 'app', { previous: crashLog(3.22) }),
      logsFor(podOf(app, 0), 'app', { current: okLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: okLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ACL|consul|403/i],
      facts: [/ACL not found/i, /pricing-engine-consul-token|token/i, /403/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /pricing-rules-ui/],
    },
  };
}

// ---- 3. NFS export list does not allow the new node group's subnet -------------------------------

function nfsExportDeniesNewSubnet(): CorpusScenario {
  const ns = 'media';
  const oldNodes = [
    sizedNode('10.0.181.31', 'eu-west-1a', 'm6i.xlarge', 'general', '4', '3920m', '15944268Ki', '15136204Ki', '58', 200 * DAYS),
    sizedNode('10.0.182.152', 'eu-west-1b', 'm6i.xlarge', 'general', '4', '3920m', '15944268Ki', '15136204Ki', '58', 200 * DAYS),
    sizedNode('10.0.183.77', 'eu-west-1c', 'm6i.xlarge', 'general', '4', '3920m', '15944268Ki', '15136204Ki', '58', 200 * DAYS),
  ];
  const newNodes = [
    sizedNode('10.0.97.44', 'eu-west-1a', 'm7i.xlarge', 'general-v2', '4', '3920m', '15944268Ki', '15136204Ki', '58', 3 * HOURS),
    sizedNode('10.0.98.201', 'eu-west-1b', 'm7i.xlarge', 'general-v2', '4', '3920m', '15944268Ki', '15136204Ki', '58', 3 * HOURS),
  ];
  const o = oldNodes.map(nameOf);
  const n = newNodes.map(nameOf);
  const image = `${ECR}/media/media-renderer:2.14.0`;
  const tpl = {
    containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', volumeMounts: [{ name: 'media', mountPath: '/srv/media' }] })],
    volumes: [{ name: 'media', nfs: { server: '10.20.4.15', path: '/exports/media' } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'media-renderer',
    replicas: 5,
    revisions: [{ revision: 9, createdAgo: 23 * DAYS, changeCause: 'argocd: media-renderer 2.14.0', template: tpl }],
    pods: [
      { revision: 9, node: o[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 9, node: o[1] ?? '', createdAgo: 23 * DAYS },
      { revision: 9, node: o[2] ?? '', createdAgo: 23 * DAYS },
      { revision: 9, node: n[0] ?? '', createdAgo: 96, containers: { app: waiting('ContainerCreating') } },
      { revision: 9, node: n[1] ?? '', createdAgo: 95, containers: { app: waiting('ContainerCreating') } },
    ],
    settled: { available: true, availableSince: 96, progressingSince: 23 * DAYS },
  });
  const other = bystander(ns, 'media-thumbnailer', [n[0] ?? '', o[1] ?? ''], 100, { revisions: [22, 23], versions: ['3.0.7', '3.1.0'], olderAgo: 30 * DAYS });
  const stuck = [podOf(app, 3), podOf(app, 4)];
  const mountMsg = (p: k8s.V1Pod) => `MountVolume.SetUp failed for volume "media" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs 10.20.4.15:/exports/media /var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~nfs/media\nOutput: mount.nfs: access denied by server while mounting 10.20.4.15:/exports/media\n`;
  const apiLog = (k: number) => lines(
    `${plain(0.9 + k * 0.1)} INFO  renderer: job=rnd-88${k}12 asset=/srv/media/catalog/2026/11/aw26-lookbook-${k}.psd pages=14 done in 7.3s`,
    `${plain(0.5 + k * 0.1)} INFO  http: GET /healthz 200 0.4ms`,
  );
  return {
    id: 'heldout86-nfs-export-denies-new-node-subnet',
    class: 'storage',
    truth: 'A new EKS node group general-v2 (m7i.xlarge, subnets 10.0.96.0/20) joined 3 hours ago, but the NFS server 10.20.4.15 only exports /exports/media to the old nodes\' subnets. The two media-renderer pods scheduled onto the new nodes stay in ContainerCreating: the kubelet\'s NFS mount fails with "mount.nfs: access denied by server while mounting 10.20.4.15:/exports/media". The three pods on the old general nodes mount fine and serve. Nothing in the app changed. Fix: add the new subnets to the NFS export list (or keep the pods off general-v2 until then).',
    ask: { service: 'media-renderer', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-renderer', selector: { app: 'media-renderer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 23), 2, 0, 100),
      ...stuck.flatMap((p, i) => [
        scheduled(p, 96 - i),
        event({ on: p, reason: 'FailedMount', message: mountMsg(p), count: 52 - i, firstAgo: 95.9 - i, lastAgo: 0.6 + i }),
        event({ on: p, reason: 'FailedMount', message: `Unable to attach or mount volumes: unmounted volumes=[media], unattached volumes=[media kube-api-access-${i ? 'q8vzt' : 'm4x7k'}]: timed out waiting for the condition`, count: 42 - i, firstAgo: 94 - i, lastAgo: 1.9 + i }),
      ]),
      ...newNodes.map((nn) => event({ on: { kind: 'Node', name: nameOf(nn) }, type: 'Normal', reason: 'NodeReady', message: `Node ${nameOf(nn)} status is now: NodeReady`, firstAgo: 3 * HOURS - 1, lastAgo: 3 * HOURS - 1, component: 'kubelet' })),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: apiLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/access denied|NFS|mount/i],
      facts: [/access denied by server/i, /10\.20\.4\.15|\/exports\/media/, /general-v2|new node|10\.0\.9[78]/i],
      never: [ADVISES_ROLLBACK, /media-thumbnailer/, /\bOOM/],
    },
  };
}

// ---- 4. Node.js cluster forks one worker per host CPU on 96-vCPU nodes ----------------------------

function nodeClusterWorkersPerHostCpu(): CorpusScenario {
  const ns = 'reporting';
  const small = [
    sizedNode('10.0.60.18', 'eu-west-1a', 'm6i.2xlarge', 'general', '8', '7910m', '32386340Ki', '31376164Ki', '58', 120 * DAYS),
    sizedNode('10.0.61.140', 'eu-west-1b', 'm6i.2xlarge', 'general', '8', '7910m', '32386340Ki', '31376164Ki', '58', 120 * DAYS),
  ];
  const big = [
    sizedNode('10.0.62.9', 'eu-west-1c', 'm6i.24xlarge', 'batch-large', '96', '95690m', '390724108Ki', '381425900Ki', '737', 2 * DAYS),
    sizedNode('10.0.60.233', 'eu-west-1a', 'm6i.24xlarge', 'batch-large', '96', '95690m', '390724108Ki', '381425900Ki', '737', 2 * DAYS),
  ];
  const s = small.map(nameOf);
  const b = big.map(nameOf);
  const image = `${ECR}/reporting/report-gateway:1.22.3`;
  const tpl = { containers: [container({ image, ports: [3000], cpu: '1', cpuLimit: '1', memory: '1Gi', env: [{ name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }) })] };
  const oom = (restarts: number, finishedAgo: number) => crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds: 4 }, restarts);
  const app = deploymentApp({
    namespace: ns,
    name: 'report-gateway',
    replicas: 4,
    revisions: [{ revision: 27, createdAgo: 16 * DAYS, changeCause: 'argocd: report-gateway 1.22.3', template: tpl }],
    pods: [
      { revision: 27, node: s[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 27, node: s[1] ?? '', createdAgo: 16 * DAYS },
      { revision: 27, node: b[0] ?? '', createdAgo: 47, containers: { app: oom(14, 0.9) } },
      { revision: 27, node: b[1] ?? '', createdAgo: 46, containers: { app: oom(14, 2.6) } },
    ],
    settled: { available: true, availableSince: 47, progressingSince: 16 * DAYS },
  });
  const other = bystander(ns, 'report-scheduler', s, 58, { revisions: [11, 12], versions: ['0.9.3', '0.9.4'], olderAgo: 25 * DAYS });
  const bad = [podOf(app, 2), podOf(app, 3)];
  const workerPids = (m: number, n: number) => Array.from({ length: n }, (_, i) => `${at(m - i * 0.0006)} [worker ${31 + i}] listening on :3000`);
  const previous = (m: number) => lines(
    `${at(m)} [primary 1] report-gateway 1.22.3 (node v20.18.0) starting`,
    `${at(m)} [primary 1] forking 96 workers`,
    ...workerPids(m - 0.001, 22),
  );
  const good = (k: number) => lines(
    `${at(16 * DAYS - 0.3)} [primary 1] report-gateway 1.22.3 (node v20.18.0) starting`,
    `${at(16 * DAYS - 0.3)} [primary 1] forking 8 workers`,
    ...workerPids(16 * DAYS - 0.31, 8),
    `${at(0.8 + k * 0.1)} [worker ${33 + k}] GET /v1/reports/weekly-sales?region=emea 200 412ms`,
  );
  return {
    id: 'heldout86-node-cluster-forks-per-host-cpu',
    class: 'containers',
    truth: 'report-gateway\'s primary process forks one Node.js cluster worker per os.cpus(), which reports the host\'s CPUs, not the pod\'s 1-CPU limit. Two days ago a batch-large node group of m6i.24xlarge (96 vCPU) joined; the two pods scheduled there 47 minutes ago fork 96 workers and exceed their 1Gi memory limit within seconds (OOMKilled, exit 137, crash loop), while the pods on the 8-vCPU m6i.2xlarge nodes fork 8 workers and run fine. Nothing in the app changed. Fix: size the worker count from the cgroup CPU limit (or an env var), or keep the pods off the large nodes.',
    ask: { service: 'report-gateway', namespace: ns },
    objects: [
      ...small, ...big, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-gateway', selector: { app: 'report-gateway' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 58),
      ...bad.flatMap((p, i) => [
        ...startedNormally(p, 'app', image, 47 - i),
        ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 46 - i, lastAgo: i ? 2.7 : 1.0 }),
        backOff(p, 'app', { count: 190 - i * 4, firstAgo: 45 - i }),
      ]),
    ],
    logs: [
      logsFor(bad[0], 'app', { previous: previous(0.97) }),
      logsFor(bad[1], 'app', { previous: previous(2.67) }),
      logsFor(podOf(app, 0), 'app', { current: good(0) }),
      logsFor(podOf(app, 1), 'app', { current: good(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|memory/i, /96|worker|cpus|24xlarge/i],
      facts: [/m6i\.24xlarge|96/, /OOMKilled|137/, /8 workers|m6i\.2xlarge|8[- ]vCPU/i],
      never: [ADVISES_ROLLBACK, /report-scheduler/, /memory leak/i],
    },
  };
}

// ---- 5. HPA scale-out exhausts MongoDB's maxIncomingConnections -----------------------------------

function hpaExhaustsMongoConnections(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '161', '212']);
  for (const nd of nodes) if (nd.status) nd.status.allocatable = { cpu: '15890m', 'ephemeral-storage': '76224326324', memory: '63193428Ki', pods: '234' };
  const image = `${ECR}/shop/orders-api:6.3.0`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '200m', memory: '384Mi',
      env: [
        { name: 'MONGODB_URI', value: 'mongodb://orders-mongodb-0.orders-mongodb.shop.svc.cluster.local:27017/orders?maxPoolSize=100&minPoolSize=100' },
        { name: 'PORT', value: '8080' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  };
  const oldPods = [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 52, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k }));
  const newPods = Array.from({ length: 34 }, (_, k) => {
    const failing = k >= 14;
    return {
      revision: 52,
      node: names[k % 3] ?? '',
      createdAgo: 24 - Math.floor(k / 5),
      ...(failing ? { containers: { app: running({ sinceAgo: 23 - Math.floor(k / 5), ready: false }) } } : {}),
    };
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 40,
    revisions: [
      { revision: 51, createdAgo: 20 * DAYS, changeCause: 'argocd: orders-api 6.2.4', template: { ...tpl, containers: [container({ image: `${ECR}/shop/orders-api:6.2.4`, ports: [8080], cpu: '200m', memory: '384Mi' })] } },
      { revision: 52, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 6.3.0', template: tpl },
    ],
    pods: [...oldPods, ...newPods],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'orders-mongodb',
    replicas: 1,
    serviceName: 'orders-mongodb',
    revisions: [{ revision: 1, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'mongod', image: mongoImage, args: ['--bind_ip_all', '--maxConns', '2000', '--wiredTigerCacheSizeGB', '4'], ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '2', memory: '8Gi', readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping")']), liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/data/db' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 31 * DAYS }],
  });
  const scaler = hpa({ namespace: ns, name: 'orders-api', target: { kind: 'Deployment', name: 'orders-api' }, min: 6, max: 40, current: 40, desired: 40, cpu: { current: 64, target: 60, averageValue: '128m' }, lastScaleAgo: 19, conditions: [
    { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: at(18) as never },
    { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: at(30 * DAYS) as never },
    { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: at(19) as never },
  ] });
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'orders-api', namespace: ns };
  const other = bystander(ns, 'cart-api', names, 90, { revisions: [70, 71], versions: ['9.1.2', '9.1.3'], olderAgo: 11 * DAYS });
  const mongoPod = podOf(mongo, 0);
  const mt = (m: number) => at(m).replace('Z', '+00:00');
  const refused = Array.from({ length: 14 }, (_, i) => `{"t":{"$date":"${mt(9 - i * 0.6)}"},"s":"I",  "c":"NETWORK",  "id":22942,   "ctx":"listener","msg":"Connection refused because there are too many open connections","attr":{"remote":"10.0.33.${60 + i * 7}:${41000 + i * 313}","isLoadBalanced":false,"connectionCount":2001}}`);
  const mongoLog = lines(
    `{"t":{"$date":"${mt(20)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.33.88:52114","uuid":{"uuid":{"$uuid":"5f0c2d1e-8a44-4e1f-9b2c-0c7e1d3a6b90"}},"connectionId":918244,"connectionCount":1874}}`,
    `{"t":{"$date":"${mt(19.5)}"},"s":"I",  "c":"NETWORK",  "id":51800,   "ctx":"conn918244","msg":"client metadata","attr":{"remote":"10.0.33.88:52114","client":"conn918244","doc":{"driver":{"name":"nodejs","version":"6.10.0"},"platform":"Node.js v20.18.0, LE"}}}`,
    ...refused,
    `{"t":{"$date":"${mt(0.6)}"},"s":"I",  "c":"NETWORK",  "id":22942,   "ctx":"listener","msg":"Connection refused because there are too many open connections","attr":{"remote":"10.0.33.131:39920","isLoadBalanced":false,"connectionCount":2001}}`,
  );
  const failing = app.pods.slice(20);
  const apiFailLog = (k: number) => lines(
    `{"level":30,"time":${Date.parse(at(23 - k * 0.1))},"msg":"orders-api 6.3.0 listening","port":8080}`,
    `{"level":50,"time":${Date.parse(at(22.8 - k * 0.1))},"msg":"mongodb connection check failed","err":{"type":"MongoServerSelectionError","message":"connection <monitor> to 10.0.33.212:27017 closed"}}`,
    `{"level":50,"time":${Date.parse(at(3.1))},"msg":"request failed","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":503},"err":{"type":"MongoNetworkError","message":"connection 7 to 10.0.33.212:27017 closed"}}`,
    `{"level":50,"time":${Date.parse(at(1.2))},"msg":"request failed","req":{"method":"GET","url":"/v1/orders/ORD-7731902"},"res":{"statusCode":503},"err":{"type":"MongoWaitQueueTimeoutError","message":"Timed out while checking out a connection from connection pool"}}`,
  );
  const apiOkLog = lines(
    `{"level":30,"time":${Date.parse(at(2))},"msg":"request completed","req":{"method":"GET","url":"/v1/orders?customer=C-11802"},"res":{"statusCode":200},"responseTime":18}`,
    `{"level":30,"time":${Date.parse(at(1))},"msg":"request completed","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":201},"responseTime":41}`,
  );
  return {
    id: 'heldout86-hpa-scaleout-exhausts-mongodb-connections',
    class: 'capacity',
    truth: 'A traffic spike made the orders-api HPA scale the Deployment from 6 to its maximum of 40 replicas 19-24 minutes ago. Every replica opens a MongoDB pool of 100 (maxPoolSize=100&minPoolSize=100), 4,000 connections against orders-mongodb\'s --maxConns 2000: mongod logs "Connection refused because there are too many open connections" and the newer replicas\' requests fail with MongoNetworkError / pool checkout timeouts and they never turn ready. The 6.3.0 revision (6 days old) is innocent. Fix: shrink the per-replica pool (and/or cap the HPA) so replicas × pool stays under maxConns, or raise maxConns.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-mongodb', selector: { app: 'orders-mongodb' }, pods: mongo.pods, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 71), 2, 0, 90),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 24; reason: cpu resource utilization (percentage of request) above target', firstAgo: 21.5, lastAgo: 21.5, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 40; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19, lastAgo: 19, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'Deployment', metadata: (deploymentOf(app) as k8s.V1Deployment).metadata ?? {} }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 52)} from 24 to 40`, firstAgo: 19, lastAgo: 19, component: 'deployment-controller' }),
      ...failing.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 100 + i, firstAgo: 22 - Math.floor(i / 5) })),
    ],
    logs: [
      logsFor(mongoPod, 'mongod', { current: mongoLog }),
      ...failing.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: apiFailLog(k) })),
      logsFor(podOf(app, 0), 'app', { current: apiOkLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/connection|mongo/i],
      facts: [/too many open connections/i, /maxConns|2000|maxPoolSize|pool/i, /40 replicas|\b40\b|HPA|autoscal/i],
      never: [ADVISES_ROLLBACK, /cart-api/, /\bOOM/],
    },
  };
}

// ---- 6. ProxySQL keeps the old primary as its only writer after a failover -------------------------

function proxysqlWriterOfflineAfterFailover(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.120', ['5', '66', '190']);
  const proxyImage = 'docker.io/proxysql/proxysql:2.6.5';
  const cnf = `datadir="/var/lib/proxysql"

admin_variables=
{
    admin_credentials="admin:\${PROXYSQL_ADMIN_PASSWORD}"
    mysql_ifaces="0.0.0.0:6032"
}

mysql_variables=
{
    threads=4
    max_connections=2048
    interfaces="0.0.0.0:6033"
    connect_timeout_server_max=10000
    monitor_username="proxysql_monitor"
    monitor_ping_interval=2000
    monitor_read_only_interval=1500
    server_version="8.0.36"
}

mysql_servers =
(
    { address="10.30.1.11", port=3306, hostgroup=10, max_connections=500, comment="billing-db-a" },
    { address="10.30.1.12", port=3306, hostgroup=20, max_connections=500, comment="billing-db-b" }
)

mysql_users =
(
    { username="invoice_svc", default_hostgroup=10, transaction_persistent=1 }
)

mysql_query_rules =
(
    { rule_id=100, active=1, match_digest="^SELECT .* FOR UPDATE$", destination_hostgroup=10, apply=1 },
    { rule_id=200, active=1, match_digest="^SELECT", destination_hostgroup=20, apply=1 }
)
`;
  const proxy = deploymentApp({
    namespace: ns,
    name: 'proxysql',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 75 * DAYS, template: { containers: [container({ name: 'proxysql', image: proxyImage, ports: [{ name: 'mysql', containerPort: 6033 }, { name: 'admin', containerPort: 6032 }], cpu: '500m', memory: '512Mi', readiness: tcpProbe('mysql'), liveness: tcpProbe('admin', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'config', mountPath: '/etc/proxysql.cnf', subPath: 'proxysql.cnf' } as never] })], volumes: [{ name: 'config', configMap: { name: 'proxysql-config' } }] } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 30 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const image = `${ECR}/billing/invoice-service:4.0.9`;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-service 4.0.8', template: { containers: [container({ image: `${ECR}/billing/invoice-service:4.0.8`, ports: [8080] })] } },
      { revision: 34, createdAgo: 3 * HOURS, changeCause: 'argocd: invoice-service 4.0.9', template: { containers: [container({ image, ports: [8080], env: [{ name: 'DB_DSN', value: 'invoice_svc@tcp(proxysql.billing.svc.cluster.local:6033)/billing?parseTime=true&timeout=5s' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 3 * HOURS - k })),
    settled: { available: true, availableSince: 3 * HOURS - 3, progressingSince: 3 * HOURS, progressingUpdatedAgo: 3 * HOURS - 3 },
  });
  const other = bystander(ns, 'billing-export', names, 40, { revisions: [12, 13], versions: ['2.2.0', '2.2.1'], olderAgo: 18 * DAYS });
  const proxyPod = podOf(proxy, 0);
  const proxyLog = lines(
    `${plain(30 * DAYS - 0.5)} [INFO] ProxySQL version 2.6.5-percona-1.2`,
    `${plain(30 * DAYS - 0.5)} [INFO] Detected OS: Linux proxysql-7d9c 6.1.112-122.189.amzn2023.x86_64`,
    `${plain(52)} MySQL_Monitor.cpp:1853:monitor_ping(): [ERROR] Error after 1ms on server 10.30.1.11:3306 : Can't connect to MySQL server on '10.30.1.11' (111)`,
    `${plain(52)} MySQL_HostGroups_Manager.cpp:3498:shun_and_killall(): [ERROR] Shunning server 10.30.1.11:3306 with 5 errors/sec. Shunning for 10 seconds`,
    `${plain(51.9)} MySQL_Monitor.cpp:2570:monitor_ping(): [ERROR] Server 10.30.1.11:3306 missed 3 heartbeats, shunning it and killing all the connections. Disabling other checks until the node comes back online.`,
    ...Array.from({ length: 6 }, (_, i) => `${plain(45 - i * 8)} MySQL_Monitor.cpp:1853:monitor_ping(): [ERROR] Error after 10001ms on server 10.30.1.11:3306 : timeout on creating new connection: Can't connect to MySQL server on '10.30.1.11' (110)`),
    `${plain(0.8)} MySQL_Session.cpp:7423:handler_again___status_CONNECTING_SERVER(): [ERROR] Max connect timeout reached while reaching hostgroup 10 after 10000ms . HG status: [{"Bytes_recv":"0","Bytes_sent":"0","ConnERR":"3","ConnFree":"0","ConnOK":"0","ConnUsed":"0","Latency_us":"0","MaxConnUsed":"0","Queries":"0","Queries_GTID_sync":"0","host":"10.30.1.11","hostgroup":"10","port":"3306","status":"SHUNNED"}]`,
  );
  const appLog = (k: number) => lines(
    `{"time":"${at(3 * HOURS - k - 0.3)}","level":"INFO","msg":"invoice-service starting","version":"4.0.9"}`,
    `{"time":"${at(4.2 + k * 0.1)}","level":"INFO","msg":"GET /v1/invoices","status":200,"dur_ms":9}`,
    `{"time":"${at(3.1 + k * 0.1)}","level":"ERROR","msg":"POST /v1/invoices","status":500,"dur_ms":10012,"error":"create invoice: Error 9001 (HY000): Max connect timeout reached while reaching hostgroup 10 after 10000ms"}`,
    `{"time":"${at(1.9 + k * 0.1)}","level":"ERROR","msg":"PATCH /v1/invoices/INV-2026-0488${k}1/status","status":500,"dur_ms":10009,"error":"mark paid: Error 9001 (HY000): Max connect timeout reached while reaching hostgroup 10 after 10000ms"}`,
    `{"time":"${at(0.6 + k * 0.1)}","level":"INFO","msg":"GET /v1/invoices/INV-2026-044817","status":200,"dur_ms":6}`,
  );
  return {
    id: 'heldout86-proxysql-writer-shunned-after-failover',
    class: 'network',
    truth: 'About 52 minutes ago the MySQL primary billing-db-a (10.30.1.11) failed and billing-db-b (10.30.1.12) was promoted. ProxySQL (Deployment proxysql, static mysql_servers in ConfigMap proxysql-config, no replication hostgroups) still has 10.30.1.11 as the only server of writer hostgroup 10 and shunned it as unreachable; the new primary is only in reader hostgroup 20. Every write from invoice-service fails with "Max connect timeout reached while reaching hostgroup 10 after 10000ms" while reads still work. invoice-service 4.0.9 (3 hours ago) is innocent. Fix: point hostgroup 10 at 10.30.1.12 in ProxySQL (or configure mysql_replication_hostgroups so it follows read_only).',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...proxy.objects, ...other.objects,
      configMap({ namespace: ns, name: 'proxysql-config', createdAgo: 75 * DAYS, data: { 'proxysql.cnf': cnf } }),
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'proxysql', selector: { app: 'proxysql' }, pods: proxy.pods, ports: [{ name: 'mysql', port: 6033, targetPort: 'mysql' }], endpointPort: 6033 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 3 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 40),
    ],
    logs: [
      logsFor(proxyPod, 'proxysql', { current: proxyLog }),
      logsFor(podOf(proxy, 1), 'proxysql', { current: proxyLog }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxysql|hostgroup|writer|Max connect timeout/i],
      facts: [/Max connect timeout reached while reaching hostgroup 10/i, /10\.30\.1\.11|shun|SHUNNED|OFFLINE/i, /failover|10\.30\.1\.12|primary/i],
      never: [ADVISES_ROLLBACK, /billing-export/, /\bOOM/],
    },
  };
}

// ---- 7. Healthy control: Tomcat's slow SHA1PRNG warning ----------------------------------------------

function tomcatSecureRandomWarning(): CorpusScenario {
  const ns = 'intranet';
  const { nodes, names } = threeEksNodes('10.0.75', ['12', '140', '221']);
  const image = (v: string) => `${ECR}/intranet/hr-portal:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/hr/health', 8080, { initialDelaySeconds: 20 }), liveness: httpProbe('/hr/health', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'hr-portal',
    replicas: 2,
    revisions: [
      { revision: 58, createdAgo: 15 * DAYS, changeCause: 'argocd: hr-portal 7.3.1', template: tpl('7.3.1') },
      { revision: 59, createdAgo: 26, changeCause: 'argocd: hr-portal 7.3.2', template: tpl('7.3.2') },
    ],
    pods: [
      { revision: 59, node: names[0] ?? '', createdAgo: 26, containers: { app: running({ sinceAgo: 25.9 }) } },
      { revision: 59, node: names[1] ?? '', createdAgo: 24.5, containers: { app: running({ sinceAgo: 24.4 }) } },
    ],
  });
  const other = bystander(ns, 'hr-directory', names, 6 * DAYS, { revisions: [4, 5], versions: ['1.2.0', '1.3.0'], olderAgo: 60 * DAYS });
  const o0 = other.pods[0];
  if (o0?.status?.containerStatuses?.[0]) {
    o0.status.containerStatuses[0].restartCount = 1;
    o0.status.containerStatuses[0].lastState = { terminated: { exitCode: 143, reason: 'Error', startedAt: new Date(at(6 * DAYS)), finishedAt: new Date(at(3 * DAYS)), containerID: 'containerd://5c0d2a9e71f4b3c8a1d0e6f2b7c9a4d1e3f5b8c0a2d4e6f8b1c3d5e7f9a0b2c4' } };
  }
  const startLog = (m: number, ms: string, total: string) => lines(
    `${tomcatTime(m)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.96`,
    `${tomcatTime(m)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log JVM Version:           17.0.13+11`,
    `${tomcatTime(m - 0.02)} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]`,
    `${tomcatTime(m - 0.03)} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]`,
    `${tomcatTime(m - 0.03)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/usr/local/tomcat/webapps/hr.war]`,
    `${tomcatTime(m - 0.1)} INFO [main] org.apache.jasper.servlet.TldScanner.scanJars At least one JAR was scanned for TLDs yet contained no TLDs. Enable debug logging for this logger for a complete list of JARs that were scanned but no TLDs were found in them. Skipping unneeded JARs during scanning can improve startup time and JSP compilation time.`,
    `${tomcatTime(m - 0.19)} WARNING [main] org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [${ms}] milliseconds.`,
    `${tomcatTime(m - 0.2)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deployment of web application archive [/usr/local/tomcat/webapps/hr.war] has finished in [11,904] ms`,
    `${tomcatTime(m - 0.2)} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]`,
    `${tomcatTime(m - 0.2)} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [${total}] milliseconds`,
    `${tomcatTime(1.1)} INFO [http-nio-8080-exec-3] com.acme.hr.web.AccessLogFilter.doFilter GET /hr/leave/requests 200 52ms`,
  );
  return {
    id: 'heldout86-tomcat-sha1prng-slow-startup-warning',
    class: 'healthy',
    truth: 'hr-portal rolled out 7.3.2 (revision 59) 26 minutes ago and both pods run and are ready. Tomcat\'s start-up log carries the routine WARNING that creating the SHA1PRNG SecureRandom for session IDs took about 5 seconds (entropy at boot); it is harmless and start-up completed. The neighbour hr-directory had one restart three days ago. Nothing is wrong.',
    ask: { service: 'hr-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'hr-portal', selector: { app: 'hr-portal' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 59), 2, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 0, 2, 24),
      ...startedNormally(podOf(app, 0), 'app', image('7.3.2'), 26),
      ...startedNormally(podOf(app, 1), 'app', image('7.3.2'), 24.5),
      probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 0))}:8080/hr/health": dial tcp ${ipOfPod(podOf(app, 0))}:8080: connect: connection refused`, { count: 1, firstAgo: 25.5, lastAgo: 25.5 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: startLog(25.8, '5,172', '17,486') }),
      logsFor(podOf(app, 1), 'app', { current: startLog(24.3, '4,861', '16,930') }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally|no issues|fine/i],
      facts: [/hr-portal/],
      never: [/SecureRandom[^\n]*(cause|fail|problem)/i, /SHA1PRNG[^\n]*(cause|fail|problem)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  jdkTls10SqlServer(),
  consulAclTokenDeleted(),
  nfsExportDeniesNewSubnet(),
  nodeClusterWorkersPerHostCpu(),
  hpaExhaustsMongoConnections(),
  proxysqlWriterOfflineAfterFailover(),
  tomcatSecureRandomWarning(),
];
