// Held-out stories, fifty-ninth round, part one: a Tomcat service whose new JDK 8 base image no
// longer passes -Djava.security.egd=file:/dev/./urandom, so session-ID SecureRandom seeding blocks
// on /dev/random for minutes on entropy-starved nodes and the startup probe kills the pods; an
// nginx proxy in front of payments whose ConfigMap edit added `proxy_next_upstream error timeout
// non_idempotent`, so timed-out POSTs are replayed to another pod and customers are charged twice;
// a Spring Boot service whose ConfigMap switched `spring.jpa.hibernate.ddl-auto` from validate to
// create-drop, so the last old pod's shutdown dropped the tables the new pods use; an Express API
// put behind a new load balancer without `trust proxy`, so express-rate-limit keys every client by
// the balancer's address and answers 429 to everyone; a Redis cache with maxmemory-policy
// volatile-lru filled by a revision that writes its keys without a TTL, so writes fail with "OOM
// command not allowed"; a Redis with RDB snapshots moved to a node pool with
// vm.overcommit_memory=2, so BGSAVE cannot fork and Redis refuses writes with MISCONF; and a
// healthy control: Tomcat's "failed to stop thread … memory leak" SEVERE lines from a context
// reload three hours ago, the pods ready and serving since.
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, nameOf,
  node, probeFailed, probeKilling, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe,
  execProbe, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Tomcat's JULI time: `21-Nov-2026 03:02:11.412`. */
const catTime = (m: number): string => {
  const s = at(m);
  return `${s.slice(8, 10)}-${MONTHS[Number(s.slice(5, 7)) - 1]}-${s.slice(0, 4)} ${s.slice(11, 23)}`;
};
/** nginx error-log time. */
const ngxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Redis log time: `21 Nov 2026 03:02:11.412`. */
const redisTime = (m: number): string => {
  const s = at(m);
  return `${s.slice(8, 10)} ${MONTHS[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)} ${s.slice(11, 23)}`;
};
/** Spring Boot's console time: `2026-11-21T03:02:11.412Z`. */
const sbTime = (m: number): string => at(m);

// ---- 1. Tomcat blocked on /dev/random after a base-image change --------------------------------------

function tomcatSecureRandomEntropy(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '120', '203']);
  const image = (v: string) => `${ECR}/claims/claims-portal:${v}`;
  const tpl = (v: string, javaOpts: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'JAVA_OPTS', value: javaOpts },
        { name: 'CATALINA_OPTS', value: '-Dclaims.env=prod -Dfile.encoding=UTF-8' },
        { name: 'DB_URL', value: 'jdbc:oracle:thin:@//claims-db.internal.acme.net:1521/CLAIMS' },
      ],
      startup: httpProbe('/claims/health', 8080, { periodSeconds: 10, failureThreshold: 24, timeoutSeconds: 2 }),
      readiness: httpProbe('/claims/health', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/claims/health', 8080, { timeoutSeconds: 2, failureThreshold: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-portal',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'jenkins: claims-portal 5.1.7 (base tomcat:8.5-jre8)', template: tpl('5.1.7', '-Xms512m -Xmx1024m -Djava.security.egd=file:/dev/./urandom -Duser.timezone=UTC') },
      { revision: 19, createdAgo: 41, changeCause: 'jenkins: claims-portal 5.2.0 (base acme/java8-tomcat:9.0.96)', template: tpl('5.2.0', '-Xms512m -Xmx1024m -Duser.timezone=UTC -XX:+UseG1GC') },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 18, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 19, node: names[1] ?? '', createdAgo: 40, containers: { app: running({ sinceAgo: 36.5, ready: true }) } },
      { revision: 19, node: names[0] ?? '', createdAgo: 33, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 3.1, ranSeconds: 246 }, 5) } },
    ],
  });
  const okPod = podOf(app, 2);
  const bad = podOf(app, 3);
  const killedRun = (start: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70',
    `${catTime(start)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.96`,
    `${catTime(start)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log JVM Version:           1.8.0_432-b06`,
    `${catTime(start)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Xms512m`,
    `${catTime(start)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Xmx1024m`,
    `${catTime(start)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Duser.timezone=UTC`,
    `${catTime(start - 0.01)} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]`,
    `${catTime(start - 0.02)} INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [743] milliseconds`,
    `${catTime(start - 0.02)} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]`,
    `${catTime(start - 0.02)} INFO [main] org.apache.catalina.core.StandardEngine.startInternal Starting Servlet engine: [Apache Tomcat/9.0.96]`,
    `${catTime(start - 0.03)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/usr/local/tomcat/webapps/claims.war]`,
    `${catTime(start - 0.2)} INFO [main] org.springframework.web.context.ContextLoader.initWebApplicationContext Root WebApplicationContext: initialization completed in 9412 ms`,
    `${catTime(start - 4.1)} INFO [Thread-4] org.apache.coyote.AbstractProtocol.pause Pausing ProtocolHandler ["http-nio-8080"]`,
    `${catTime(start - 4.1)} INFO [Thread-4] org.apache.catalina.core.StandardService.stopInternal Stopping service [Catalina]`,
  );
  const okStart = 36.5;
  const other = bystander(ns, 'claims-document-store', names, 58, { revisions: [11, 12], versions: ['2.0.4', '2.0.5'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout59-tomcat-securerandom-dev-random-startup-probe',
    class: 'probes',
    truth: 'claims-portal 5.2.0 (revision 19) moved to a new internal JDK 8 / Tomcat 9 base image whose JAVA_OPTS no longer carry -Djava.security.egd=file:/dev/./urandom. On these entropy-starved VM nodes the SHA1PRNG SecureRandom Tomcat seeds for session IDs blocks reading /dev/random for minutes ("took [183,442] milliseconds"), so startup outlasts the 240-second startup probe, the kubelet kills the container (exit 143) and the new pods crash-loop; one pod got lucky and came up after 3 minutes. Fix: restore the egd flag (or securerandom.source) in the new image or JAVA_OPTS.',
    ask: { service: 'claims-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-portal', selector: { app: 'claims-portal' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 3, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 1, 33),
      ...restartedAgain(bad, 'app', image('5.2.0'), { count: 6, firstAgo: 32.8, lastAgo: 7.2 }),
      probeFailed(bad, 'app', 'Startup', `Get "http://${bad.status?.podIP}:8080/claims/health": dial tcp ${bad.status?.podIP}:8080: connect: connection refused`, { count: 139, firstAgo: 32.6, lastAgo: 3.2 }),
      probeKilling(bad, 'app', 'startup', { count: 5, firstAgo: 28.7, lastAgo: 3.2 }),
      backOff(bad, 'app', { count: 21, firstAgo: 28.6, lastAgo: 0.4 }),
      probeFailed(okPod, 'app', 'Startup', `Get "http://${okPod.status?.podIP}:8080/claims/health": dial tcp ${okPod.status?.podIP}:8080: connect: connection refused`, { count: 18, firstAgo: 39.6, lastAgo: 36.8 }),
    ],
    logs: [
      logsFor(bad, 'app', { previous: killedRun(7.2), current: '' }),
      logsFor(okPod, 'app', {
        current: lines(
          `${catTime(39.8)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.96`,
          `${catTime(39.8)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log JVM Version:           1.8.0_432-b06`,
          `${catTime(39.79)} INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [761] milliseconds`,
          `${catTime(39.78)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/usr/local/tomcat/webapps/claims.war]`,
          `${catTime(39.6)} INFO [main] org.springframework.web.context.ContextLoader.initWebApplicationContext Root WebApplicationContext: initialization completed in 9877 ms`,
          `${catTime(36.7)} WARNING [main] org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [183,442] milliseconds.`,
          `${catTime(36.7)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deployment of web application archive [/usr/local/tomcat/webapps/claims.war] has finished in [185,012] ms`,
          `${catTime(36.6)} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]`,
          `${catTime(36.6)} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [185,903] milliseconds`,
          `${catTime(2)} INFO [http-nio-8080-exec-7] com.acme.claims.web.ClaimController.submit claim CLM-2026-118842 accepted`,
        ),
      }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${catTime(1.4)} INFO [http-nio-8080-exec-3] com.acme.claims.web.ClaimController.get claim CLM-2026-118790 200`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SecureRandom|entropy|\/dev\/(\.\/u)?random|egd|urandom|SHA1PRNG/i],
      facts: [/183,?442|SHA1PRNG|SecureRandom/, /startup probe/i],
      never: [/\bOOM/, /memory limit/i, /claims-document-store/, /(oracle|database|claims-db)[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 2. nginx replays timed-out POSTs: proxy_next_upstream … non_idempotent ----------------------------

function nginxNonIdempotentReplay(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '97', '181']);
  const confOld = [
    'upstream payments_api {',
    '    server payments-api-0.payments-api.payments.svc.cluster.local:8080 max_fails=0;',
    '    server payments-api-1.payments-api.payments.svc.cluster.local:8080 max_fails=0;',
    '    server payments-api-2.payments-api.payments.svc.cluster.local:8080 max_fails=0;',
    '    keepalive 64;',
    '}',
    'server {',
    '    listen 8080;',
    '    server_name payments-edge;',
    '    location /v1/ {',
    '        proxy_pass http://payments_api;',
    '        proxy_http_version 1.1;',
    '        proxy_set_header Connection "";',
    '        proxy_set_header X-Request-Id $request_id;',
    '        proxy_connect_timeout 1s;',
    '        proxy_read_timeout 4s;',
    '        proxy_next_upstream error timeout;',
    '        proxy_next_upstream_tries 3;',
    '    }',
    '    location = /healthz { return 200 "ok"; }',
    '}',
    '',
  ].join('\n');
  const confNew = confOld.replace('proxy_next_upstream error timeout;', 'proxy_next_upstream error timeout non_idempotent;');
  const edgeImage = 'docker.io/library/nginx:1.27.2-alpine';
  const edgeTpl = (checksum: string) => ({
    annotations: { 'checksum/config': checksum },
    containers: [container({ name: 'nginx', image: edgeImage, ports: [8080], cpu: '200m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] })],
    volumes: [{ name: 'conf', configMap: { name: 'payments-edge-conf' } }],
  });
  const edge = deploymentApp({
    namespace: ns,
    name: 'payments-edge',
    replicas: 2,
    revisions: [
      { revision: 12, createdAgo: 23 * DAYS, template: edgeTpl('5c1e0a9f3b7d2e6c8a4f1b0d9e7c3a2f5b8d6e1c0a9f4b3e2d7c6a5f1e0b9d8c') },
      { revision: 13, createdAgo: 2 * HOURS + 5, changeCause: 'PAY-2291: retry upstream timeouts on another pod (checkout 504s)', template: edgeTpl('e3b7a1c9d05f2e48b6a3c7d1f9e02b5a8c4d6f1e3a7b9c0d2e5f8a1b4c7d0e3f') },
    ],
    pods: [0, 1].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
  });
  const apiImage = `${ECR}/payments/payments-api:3.31.2`;
  const api = statefulSetApp({
    namespace: ns,
    name: 'payments-api',
    replicas: 3,
    serviceName: 'payments-api',
    revisions: [{ revision: 1, createdAgo: 9 * DAYS, template: { containers: [container({ image: apiImage, ports: [8080], cpu: '1', memory: '1Gi', readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, ordinal: k, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const edgePods = edge.pods;
  const apiIp = (k: number) => api.pods[k]?.status?.podIP ?? '10.0.140.50';
  const orders = ['ord_8K2mQ1', 'ord_8K2nV7', 'ord_8K2pA3', 'ord_8K2rT9', 'ord_8K2sB4', 'ord_8K2uX0', 'ord_8K2wE6'];
  const edgeLog = (k: number) => {
    const out: string[] = [];
    orders.forEach((o, i) => {
      if ((i + k) % 2 !== 0) return;
      const t = 95 - i * 13;
      const a = (i + k) % 3;
      const b = (a + 1) % 3;
      out.push(`${ngxTime(t)} [error] 31#31: *${48211 + i * 977} upstream timed out (110: Operation timed out) while reading response header from upstream, client: 10.0.140.${61 + i}, server: payments-edge, request: "POST /v1/charges HTTP/1.1", upstream: "http://${apiIp(a)}:8080/v1/charges", host: "payments.internal.acme.net"`);
      out.push(`10.0.140.${61 + i} - - [21/Nov/2026:${at(t - 0.08).slice(11, 19)} +0000] "POST /v1/charges HTTP/1.1" 201 412 "-" "checkout-svc/7.4.1" rt=4.612 uct="0.001, 0.000" urt="4.001, 0.611" us="504, 201" ua="${apiIp(a)}:8080, ${apiIp(b)}:8080" order=${o}`);
    });
    out.push(`10.0.140.77 - - [21/Nov/2026:${at(0.5).slice(11, 19)} +0000] "GET /v1/charges/ch_3QxY81 HTTP/1.1" 200 388 "-" "ops-console/2.2" rt=0.021 uct="0.000" urt="0.021" us="200" ua="${apiIp(k)}:8080"`);
    return lines(...out);
  };
  const apiLog = (k: number) => {
    const out: string[] = [];
    orders.forEach((o, i) => {
      const a = i % 3;
      const b = (a + 1) % 3;
      const t = 95 - i * 13;
      if (a === k) out.push(`{"@timestamp":"${at(t - 0.02)}","level":"INFO","logger":"c.a.p.charge.ChargeService","message":"charge captured","order_id":"${o}","charge_id":"ch_3Qx${i}A${k}","amount_minor":${4990 + i * 1310},"psp_latency_ms":${4410 + i * 37}}`);
      if (b === k) {
        out.push(`{"@timestamp":"${at(t - 0.07)}","level":"INFO","logger":"c.a.p.charge.ChargeService","message":"charge captured","order_id":"${o}","charge_id":"ch_3Qx${i}B${k}","amount_minor":${4990 + i * 1310},"psp_latency_ms":${560 + i * 11}}`);
        out.push(`{"@timestamp":"${at(t - 0.09)}","level":"ERROR","logger":"c.a.p.ledger.LedgerWriter","message":"duplicate charge: order already has a captured charge","order_id":"${o}","existing":"ch_3Qx${i}A${a}","new":"ch_3Qx${i}B${k}","idempotency_key":"chk-${o}","x_request_id":"${(0x5f3a1c + i * 7919).toString(16)}e2b9d4c7a8f1"}`);
      }
    });
    return lines(...out);
  };
  const checkout = bystander(ns, 'checkout-svc', names, 3 * HOURS + 40, { revisions: [55, 56], versions: ['7.4.0', '7.4.1'], olderAgo: 6 * DAYS });
  return {
    id: 'heldout59-nginx-proxy-next-upstream-non-idempotent-double-charge',
    class: 'config',
    truth: 'To hide checkout 504s, someone edited the payments-edge-conf ConfigMap two hours ago (PAY-2291) and restarted payments-edge (revision 13), adding non_idempotent to `proxy_next_upstream error timeout`. When the payment provider is slow, payments-api takes longer than proxy_read_timeout 4s to answer a POST /v1/charges; nginx now replays the same POST to the next payments-api pod, which captures the charge a second time (upstream statuses "504, 201", ledger "duplicate charge" errors). payments-api is healthy; the cause is the proxy retry of non-idempotent requests. Fix: remove non_idempotent (and raise the read timeout above the provider latency), refund the duplicates.',
    ask: { service: 'payments-api', namespace: ns },
    objects: [
      ...nodes, ...edge.objects, ...api.objects, ...checkout.objects,
      configMap({ namespace: ns, name: 'payments-edge-conf', createdAgo: 23 * DAYS, updatedAgo: 2 * HOURS + 6, data: { 'default.conf': confNew } }),
      ...exposed({ namespace: ns, name: 'payments-edge', selector: { app: 'payments-edge' }, pods: edgePods }),
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: api.pods, headless: true }),
      scaledReplicaSet(deploymentOf(edge), rsOf(edge, 12), 0, 2, 2 * HOURS + 3),
    ],
    logs: [
      ...edgePods.map((p, k) => logsFor(p, 'nginx', { current: edgeLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/non_idempotent|proxy_next_upstream|(replay|retr)\w*[^\n]*POST|POST[^\n]*(replay|retr)/i],
      facts: [/payments-edge(-conf)?/, /duplicate|twice|double/i],
      never: [/\bOOM/, /checkout-svc/, /payments-api[^\n]*(crash|restart)/i],
    },
  };
}

// ---- 3. Spring Boot with ddl-auto=create-drop: shutdowns drop the schema -----------------------------

function springCreateDropSchema(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '118', '229']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const props = (ddl: string) => [
    'spring.datasource.url=jdbc:postgresql://orders-db.cluster-cq81zt0k2v.eu-west-1.rds.amazonaws.com:5432/orders',
    'spring.datasource.username=order_service',
    'spring.datasource.hikari.maximum-pool-size=15',
    `spring.jpa.hibernate.ddl-auto=${ddl}`,
    'spring.jpa.open-in-view=false',
    'spring.jpa.properties.hibernate.jdbc.time_zone=UTC',
    'spring.flyway.enabled=false',
    'management.endpoints.web.exposure.include=health,info,prometheus',
    'server.shutdown=graceful',
    '',
  ].join('\n');
  const tpl = (v: string, checksum: string) => ({
    annotations: { 'checksum/config': checksum },
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'order-service-config' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 2.19.0', template: tpl('2.19.0', '0f4c2a7e91b3d5c6') },
      { revision: 27, createdAgo: 38, changeCause: 'argocd: order-service 2.19.1', template: tpl('2.19.1', '9a7d3e1b0c5f2a84') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 37 - k * 2.5 })),
  });
  const lastUp = 32;
  const startLog = (t: number) => [
    `${sbTime(t)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Starting OrderServiceApplication v2.19.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${sbTime(t)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : The following 1 profile is active: "prod"`,
    `${sbTime(t - 0.05)}  INFO 1 --- [order-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${sbTime(t - 0.06)}  INFO 1 --- [order-service] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b7a8434`,
    `${sbTime(t - 0.06)}  INFO 1 --- [order-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${sbTime(t - 0.1)}  INFO 1 --- [order-service] [           main] o.h.e.t.j.p.i.JtaPlatformInitiator       : HHH000489: No JTA platform available (set 'hibernate.transaction.jta.platform' to enable JTA platform integration)`,
    `${sbTime(t - 0.11)}  INFO 1 --- [order-service] [           main] j.LocalContainerEntityManagerFactoryBean : Initialized JPA EntityManagerFactory for persistence unit 'default'`,
    `${sbTime(t - 0.2)}  INFO 1 --- [order-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    `${sbTime(t - 0.2)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 11.942 seconds (process running for 12.811)`,
  ];
  const failing = (k: number) => {
    const out = startLog(37 - k * 2.5 - 0.3);
    for (let i = 0; i < 6; i++) {
      const t = 31 - i * 5 - k * 0.7;
      out.push(`${sbTime(t)}  WARN 1 --- [order-service] [nio-8080-exec-${i + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 42P01`);
      out.push(`${sbTime(t)} ERROR 1 --- [order-service] [nio-8080-exec-${i + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: relation "orders" does not exist\n  Position: 13`);
      out.push(`${sbTime(t)} ERROR 1 --- [order-service] [nio-8080-exec-${i + 2}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessResourceUsageException: JDBC exception executing SQL [insert into orders (created_at,customer_id,status,total_minor,id) values (?,?,?,?,?)] [ERROR: relation "orders" does not exist\n  Position: 13] [n/a]; SQL [n/a]] with root cause\n\norg.postgresql.util.PSQLException: ERROR: relation "orders" does not exist\n  Position: 13\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)\n\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)`);
    }
    out.push(`${sbTime(0.6)}  WARN 1 --- [order-service] [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 42P01`);
    out.push(`${sbTime(0.6)} ERROR 1 --- [order-service] [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: relation "order_lines" does not exist\n  Position: 81`);
    return lines(...out);
  };
  const other = bystander(ns, 'order-notifier', names, 26, { revisions: [40, 41], versions: ['1.8.2', '1.8.3'], olderAgo: 12 * DAYS });
  return {
    id: 'heldout59-spring-ddl-auto-create-drop-dropped-tables',
    class: 'config',
    truth: 'An edit of the order-service-config ConfigMap (picked up by the order-service 2.19.1 rollout, revision 27, 38 minutes ago) set spring.jpa.hibernate.ddl-auto=create-drop instead of validate. Every new pod recreated the schema empty at startup, and every old pod dropped the tables when its EntityManagerFactory closed on shutdown; the last revision-26 pod shut down after the new pods were up, so the orders tables are gone: every request now fails with relation "orders" does not exist (SQLState 42P01) and all order data in the database was lost. Fix: set ddl-auto back to validate (never create-drop in prod) and restore the database from backup.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      configMap({ namespace: ns, name: 'order-service-config', createdAgo: 200 * DAYS, updatedAgo: 41, data: { 'application.properties': props('create-drop') } }),
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 2, 3, 36.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 2, 1, 36.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 1, 2, 34.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 2, 34.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, lastUp),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: failing(k) })),
    expect: {
      verdict: 'problems',
      headline: [/create-drop|ddl-auto/i],
      facts: [/order-service-config/, /relation "?orders"? does not exist|42P01/],
      never: [/\bOOM/, /order-notifier/, /(database|postgres|rds)[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 4. Express behind a new load balancer without `trust proxy`: 429 for everyone --------------------

function expressRateLimitBehindProxy(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '141', '66']);
  const image = (v: string) => `${ECR}/accounts/accounts-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'RATE_LIMIT_WINDOW_MS', value: '60000' },
        { name: 'RATE_LIMIT_MAX', value: '300' },
        { name: 'SESSION_REDIS_URL', value: 'redis://accounts-sessions:6379/0' },
      ],
      readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [{ revision: 64, createdAgo: 9 * DAYS, changeCause: 'argocd: accounts-api 5.6.2', template: tpl('5.6.2') }],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const lbIps = ['10.0.212.187', '10.0.212.187', '10.0.212.187'];
  const reqLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(9 * DAYS - k - 0.2))},"pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"accounts-api 5.6.2 listening on :3000"}`,
      `{"level":50,"time":${Date.parse(at(47.8 - k * 0.3))},"pid":1,"hostname":"${nameOf(app.pods[k])}","err":{"type":"ValidationError","message":"The 'X-Forwarded-For' header is set but the Express 'trust proxy' setting is false (default). This could indicate a misconfiguration which would prevent express-rate-limit from accurately identifying users. See https://express-rate-limit.github.io/ERR_ERL_UNEXPECTED_X_FORWARDED_FOR/ for more information.","stack":"ValidationError: The 'X-Forwarded-For' header is set but the Express 'trust proxy' setting is false (default). This could indicate a misconfiguration which would prevent express-rate-limit from accurately identifying users. See https://express-rate-limit.github.io/ERR_ERL_UNEXPECTED_X_FORWARDED_FOR/ for more information.\\n    at Object.xForwardedForHeader (/app/node_modules/express-rate-limit/dist/index.cjs:187:13)\\n    at wrappedValidations.<computed> [as xForwardedForHeader] (/app/node_modules/express-rate-limit/dist/index.cjs:398:22)\\n    at Object.keyGenerator (/app/node_modules/express-rate-limit/dist/index.cjs:671:20)","code":"ERR_ERL_UNEXPECTED_X_FORWARDED_FOR","help":"https://express-rate-limit.github.io/ERR_ERL_UNEXPECTED_X_FORWARDED_FOR/"},"msg":"ValidationError"}`,
    ];
    const paths = ['/v2/session', '/v2/me', '/v2/login', '/v2/me/preferences', '/v2/token/refresh'];
    for (let i = 0; i < 18; i++) {
      const t = 46 - i * 2.5 - k * 0.2;
      const status = i < 2 ? 200 : 429;
      const xff = `${[81, 92, 176, 203, 94][i % 5]}.${(i * 37 + k * 11) % 250}.${(i * 53) % 250}.${(i * 17 + 3) % 250}`;
      out.push(`{"level":${status === 429 ? 40 : 30},"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"${i % 5 === 2 ? 'POST' : 'GET'}","url":"${paths[i % 5]}","ip":"${lbIps[k]}","xff":"${xff}"},"res":{"statusCode":${status}},"responseTime":${status === 429 ? 1 : 23 + i},"msg":"${status === 429 ? 'Too many requests, please try again later.' : 'request completed'}"}`);
    }
    return lines(...out);
  };
  const sessions = deploymentApp({
    namespace: ns,
    name: 'accounts-sessions',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '100m', memory: '256Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis') })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const svc = exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 });
  const first = svc[0];
  if (first?.kind === 'Service') {
    first.metadata = { ...first.metadata, annotations: { 'alb.ingress.kubernetes.io/target-type': 'ip', 'alb.ingress.kubernetes.io/healthcheck-path': '/healthz', 'meta.helm.sh/release-name': 'accounts-api' } };
    first.metadata.managedFields = [{ manager: 'kubectl-edit', operation: 'Update', apiVersion: 'v1', time: new Date(at(49)), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {} }, 'f:spec': { 'f:type': {} } } }];
  }
  return {
    id: 'heldout59-express-trust-proxy-rate-limit-429',
    class: 'network',
    truth: 'Fifty minutes ago accounts-api was moved from a network load balancer (client IP preserved) to a new internal application load balancer / proxy tier in front of the Service. The Express app never set app.set(\'trust proxy\', …), so req.ip is now the balancer\'s address 10.0.212.187 for every request, and express-rate-limit (300 requests per minute per IP) counts all users as one client: after the first second of each window everyone gets 429 "Too many requests". express-rate-limit itself logs ERR_ERL_UNEXPECTED_X_FORWARDED_FOR. The pods and the rollout are fine. Fix: set trust proxy to the balancer hop (or key the limiter on X-Forwarded-For).',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sessions.objects, ...svc,
      ...exposed({ namespace: ns, name: 'accounts-sessions', selector: { app: 'accounts-sessions' }, pods: sessions.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: reqLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/trust ?proxy|X-Forwarded-For|ERR_ERL_UNEXPECTED_X_FORWARDED_FOR|rate[- ]?limit\w*[^\n]*(proxy|load balancer|\bLB\b|10\.0\.212\.187|one (client|ip))/i],
      facts: [/429|too many requests/i, /10\.0\.212\.187|X-Forwarded-For|trust proxy/i],
      never: [/\bOOM/, /accounts-sessions/, /(scale|add) (up|out|replicas)|more replicas/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. Redis volatile-lru full of keys written without a TTL -----------------------------------------

function redisVolatileLruNoTtl(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['12', '150', '248']);
  const redisConf = [
    'bind 0.0.0.0',
    'port 6379',
    'maxmemory 1gb',
    'maxmemory-policy volatile-lru',
    'maxmemory-samples 5',
    'save ""',
    'appendonly no',
    'tcp-keepalive 60',
    '',
  ].join('\n');
  const cache = deploymentApp({
    namespace: ns,
    name: 'cart-cache',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{ revision: 5, createdAgo: 64 * DAYS, template: {
      containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6', command: ['redis-server', '/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1536Mi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis'), volumeMounts: [{ name: 'conf', mountPath: '/etc/redis' }] })],
      volumes: [{ name: 'conf', configMap: { name: 'cart-cache-conf' } }],
    } }],
    pods: [{ revision: 5, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = (v: string, ttlVar: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '400m', memory: '512Mi',
      env: [
        { name: 'REDIS_URL', value: 'redis://cart-cache:6379/0' },
        { name: ttlVar, value: '3600' },
        { name: 'PRICE_SERVICE_URL', value: 'http://pricing.shop.svc.cluster.local' },
      ],
      readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 15 * DAYS, changeCause: 'argocd: cart-api 8.3.4', template: tpl('8.3.4', 'CART_TTL_SECONDS') },
      { revision: 42, createdAgo: 19 * HOURS, changeCause: 'argocd: cart-api 8.4.0 (ioredis 5, cache module rewrite)', template: tpl('8.4.0', 'CART_TTL_SECONDS') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 19 * HOURS - k })),
  });
  const cachePod = podOf(cache, 0);
  const appLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${at(19 * HOURS - k - 0.2)}","msg":"cart-api 8.4.0 starting","node":"v20.18.1"}`,
      `{"level":"info","time":"${at(19 * HOURS - k - 0.21)}","msg":"cache config","redis":"redis://cart-cache:6379/0","ttlSeconds":null,"source":"env CACHE_TTL_SECONDS (unset)"}`,
      `{"level":"info","time":"${at(19 * HOURS - k - 0.22)}","msg":"redis connected","role":"master","version":"7.2.6"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 52 - i * 3.7 - k * 0.3;
      const cart = `cart:v3:${(0x4c21a + i * 811 + k * 97).toString(16)}`;
      out.push(`{"level":"error","time":"${at(t)}","msg":"cache write failed","op":"set","key":"${cart}","err":"ReplyError: OOM command not allowed when used memory > 'maxmemory'.","command":{"name":"set","args":["${cart}","<1873 bytes>"]}}`);
      if (i % 3 === 0) out.push(`{"level":"warn","time":"${at(t - 0.01)}","msg":"request failed","method":"POST","path":"/v3/carts/${cart.slice(8)}/items","status":503,"duration_ms":${12 + i}}`);
    }
    return lines(...out);
  };
  const redisLog = lines(
    `1:C ${redisTime(21 * DAYS - 0.1)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(21 * DAYS - 0.1)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(21 * DAYS - 0.1)} * Configuration loaded`,
    `1:M ${redisTime(21 * DAYS - 0.1)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(21 * DAYS - 0.1)} * Server initialized`,
    `1:M ${redisTime(21 * DAYS - 0.1)} * Ready to accept connections tcp`,
  );
  const pricing = bystander(ns, 'pricing', names, 70, { revisions: [19, 20], versions: ['4.2.0', '4.2.1'], olderAgo: 20 * DAYS });
  return {
    id: 'heldout59-redis-volatile-lru-keys-without-ttl',
    class: 'capacity',
    truth: 'cart-cache runs Redis with maxmemory 1gb and maxmemory-policy volatile-lru (cart-cache-conf), which only evicts keys that have an expiry. cart-api 8.4.0 (revision 42, 19 hours ago) rewrote its cache module: it now reads CACHE_TTL_SECONDS, but the template still sets CART_TTL_SECONDS, so it writes every cart with a plain SET and no TTL. Over the day the non-expiring keys filled maxmemory, volatile-lru has nothing to evict, and Redis answers every write with "OOM command not allowed when used memory > \'maxmemory\'", so cart writes fail with 503. Redis and its pod are fine (no container OOM). Fix: set the TTL variable the new code reads (or allkeys-lru), and expire the existing keys.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...cache.objects, ...app.objects, ...pricing.objects,
      configMap({ namespace: ns, name: 'cart-cache-conf', createdAgo: 64 * DAYS, data: { 'redis.conf': redisConf } }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-cache', selector: { app: 'cart-cache' }, pods: cache.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    ],
    logs: [
      logsFor(cachePod, 'redis', { current: redisLog }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maxmemory|OOM command not allowed/i, /volatile-lru|TTL|expir|evict/i],
      facts: [/cart-cache/, /volatile-lru|CACHE_TTL_SECONDS|TTL/],
      never: [/OOMKilled|exit code 137|memory limit/i, /pricing/],
    },
  };
}

// ---- 6. Redis RDB on nodes with vm.overcommit_memory=2: fork fails, MISCONF --------------------------

function redisBgsaveForkOvercommit(): CorpusScenario {
  const ns = 'jobs';
  const oldPool = [0, 1, 2].map((i) => node({ name: eksNodeName(`10.0.77.${[18, 131, 202][i]}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general', createdAgo: 40 * DAYS }));
  const newPool = [0, 1, 2].map((i) => node({
    name: eksNodeName(`10.0.78.${[44, 160, 233][i]}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'mem-dense-v2', instanceType: 'r7i.2xlarge',
    labels: { 'node.acme.io/ami-profile': 'cis-hardened-l2', 'node.acme.io/sysctl-vm.overcommit_memory': '2', 'node.acme.io/sysctl-vm.overcommit_ratio': '80' },
    allocatable: { cpu: '7910m', memory: '63369524Ki', pods: '58' }, createdAgo: 2 * DAYS,
  }));
  const names = newPool.map(nameOf);
  const image = 'docker.io/library/redis:7.2.6';
  const tpl = (pool: string) => ({
    nodeSelector: { 'eks.amazonaws.com/nodegroup': pool },
    containers: [container({
      name: 'redis', image, args: ['--save', '300 100', '--dir', '/data', '--maxmemory', '20gb', '--maxmemory-policy', 'noeviction', '--appendonly', 'no'],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '28Gi',
      readiness: execProbe(['redis-cli', 'ping'], { timeoutSeconds: 2 }), liveness: tcpProbe('redis', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })],
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'queue-redis',
    replicas: 1,
    serviceName: 'queue-redis',
    revisions: [
      { revision: 4, createdAgo: 40 * DAYS, template: tpl('general') },
      { revision: 5, createdAgo: 7 * HOURS, template: tpl('mem-dense-v2') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 7 * HOURS - 1 }],
  });
  const rp = podOf(redis, 0);
  const bgFails: string[] = [];
  for (let m = 6 * HOURS + 50; m > 0; m -= 5) bgFails.push(`1:M ${redisTime(m)} * 100 changes in 300 seconds. Saving...`, `1:M ${redisTime(m)} # Can't save in background: fork: Cannot allocate memory`);
  const redisLog = lines(
    `1:C ${redisTime(7 * HOURS - 1.5)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${redisTime(7 * HOURS - 1.5)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(7 * HOURS - 1.5)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M ${redisTime(7 * HOURS - 1.5)} * Server initialized`,
    `1:M ${redisTime(7 * HOURS - 1.45)} * Loading RDB produced by version 7.2.6`,
    `1:M ${redisTime(7 * HOURS - 1.2)} * Done loading RDB, keys loaded: 4182231, keys expired: 0.`,
    `1:M ${redisTime(7 * HOURS - 1.2)} * DB loaded from disk: 15.021 seconds`,
    `1:M ${redisTime(7 * HOURS - 1.2)} * Ready to accept connections tcp`,
    ...bgFails,
  );
  const workerImage = `${ECR}/jobs/job-worker:11.2.0`;
  const workers = deploymentApp({
    namespace: ns,
    name: 'job-worker',
    replicas: 3,
    revisions: [{ revision: 88, createdAgo: 5 * DAYS, changeCause: 'argocd: job-worker 11.2.0', template: { containers: [container({ name: 'worker', image: workerImage, ports: [9102], cpu: '500m', memory: '768Mi', env: [{ name: 'CELERY_BROKER_URL', value: 'redis://queue-redis-0.queue-redis:6379/0' }], readiness: null, liveness: execProbe(['celery', 'inspect', 'ping', '-d', 'celery@$HOSTNAME'], { periodSeconds: 60, timeoutSeconds: 20 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 7 * HOURS - 3 - k })),
  });
  const misconf = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";
  const workerLog = (k: number) => {
    const out: string[] = [`[${at(7 * HOURS - 3 - k).replace('T', ' ').slice(0, 23).replace('.', ',')}: INFO/MainProcess] Connected to redis://queue-redis-0.queue-redis:6379/0`];
    for (let i = 0; i < 8; i++) {
      const t = 6 * HOURS + 48 - i * 50 - k * 3;
      out.push(`[${at(t).replace('T', ' ').slice(0, 23).replace('.', ',')}: ERROR/MainProcess] consumer: Cannot connect to redis://queue-redis-0.queue-redis:6379/0: ${misconf}.\nTrying again in ${Math.min(32, 2 ** (i % 6))}.00 seconds... (${(i % 6) + 1}/100)`);
    }
    out.push(`[${at(0.3 + k * 0.1).replace('T', ' ').slice(0, 23).replace('.', ',')}: ERROR/ForkPoolWorker-2] Task invoices.render_pdf[${(0x9a3e1f + k).toString(16)}-7c41-4e0a-b5d2-1f8e6c3a9b70] raised unexpected: ResponseError('${misconf}')`);
    return lines(...out);
  };
  const claims = [boundClaim({ namespace: ns, name: 'data-queue-redis-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 40 * DAYS, storageClass: 'gp3' })].flat();
  return {
    id: 'heldout59-redis-bgsave-fork-overcommit-misconf',
    class: 'nodes',
    truth: 'Seven hours ago queue-redis (revision 5) was moved to the new mem-dense-v2 node group, whose CIS-hardened nodes set vm.overcommit_memory=2 (strict accounting, ratio 80). Redis holds ~15 GB; every BGSAVE must fork, and under strict overcommit the kernel refuses the fork ("Can\'t save in background: fork: Cannot allocate memory"). With stop-writes-on-bgsave-error on, Redis then rejects every write with MISCONF, so job-worker cannot enqueue or ack tasks. The pod is Running and ready, the disk is fine. Fix: vm.overcommit_memory=1 on that pool (or move Redis back), or disable RDB / stop-writes-on-bgsave-error meanwhile.',
    ask: { service: 'queue-redis', namespace: ns },
    objects: [
      ...oldPool, ...newPool, ...redis.objects, ...workers.objects, ...claims,
      ...exposed({ namespace: ns, name: 'queue-redis', selector: { app: 'queue-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379, headless: true }),
      event({ on: rp, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(rp)} to ${names[1]}`, firstAgo: 7 * HOURS - 1, lastAgo: 7 * HOURS - 1, component: 'default-scheduler' }),
    ],
    logs: [
      logsFor(rp, 'redis', { current: redisLog }),
      ...workers.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/overcommit|fork|Cannot allocate memory/i],
      facts: [/overcommit|mem-dense-v2/i, /MISCONF|stop-writes-on-bgsave-error|unable to persist/i],
      never: [/OOMKilled|exit code 137/i, /(disk|volume|pvc|data-queue-redis-0)[^\n]*(full|space)/i],
    },
  };
}

// ---- 7. healthy: Tomcat's thread-leak SEVERE lines from a context reload three hours ago -------------

function healthyTomcatReloadLeakWarnings(): CorpusScenario {
  const ns = 'underwriting';
  const { nodes, names } = threeEksNodes('10.0.121', ['35', '102', '219']);
  const image = `${ECR}/underwriting/quote-engine:7.12.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 3,
    revisions: [
      { revision: 51, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-engine 7.12.2', template: { containers: [container({ image: image.replace('7.12.3', '7.12.2'), ports: [8080], cpu: '750m', memory: '2Gi', readiness: httpProbe('/quote/health', 8080), liveness: httpProbe('/quote/health', 8080, { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'rates', mountPath: '/usr/local/tomcat/conf/rates' }] })], volumes: [{ name: 'rates', configMap: { name: 'quote-engine-rates' } }] } },
      { revision: 52, createdAgo: 2 * DAYS, changeCause: 'argocd: quote-engine 7.12.3', template: { containers: [container({ image, ports: [8080], cpu: '750m', memory: '2Gi', readiness: httpProbe('/quote/health', 8080), liveness: httpProbe('/quote/health', 8080, { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'rates', mountPath: '/usr/local/tomcat/conf/rates' }] })], volumes: [{ name: 'rates', configMap: { name: 'quote-engine-rates' } }] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const reload = 3 * HOURS + 2;
  const podLog = (k: number) => {
    const r = reload - k * 0.02;
    return lines(
      `${catTime(2 * DAYS - k - 1.5)} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [48,112] milliseconds`,
      `${catTime(r)} INFO [Catalina-utility-2] org.apache.catalina.core.StandardContext.reload Reloading Context with name [/quote] has started`,
      `${catTime(r - 0.01)} INFO [Catalina-utility-2] org.springframework.scheduling.concurrent.ExecutorConfigurationSupport.shutdown Shutting down ExecutorService 'rateRefreshScheduler'`,
      `${catTime(r - 0.02)} SEVERE [Catalina-utility-2] org.apache.catalina.loader.WebappClassLoaderBase.clearReferencesThreads The web application [quote] appears to have started a thread named [rate-cache-refresher-1] but has failed to stop it. This is very likely to create a memory leak. Stack trace of thread:\n java.lang.Thread.sleep(Native Method)\n com.acme.uw.rates.RateCache$Refresher.run(RateCache.java:88)\n java.lang.Thread.run(Thread.java:750)`,
      `${catTime(r - 0.02)} SEVERE [Catalina-utility-2] org.apache.catalina.loader.WebappClassLoaderBase.clearReferencesThreads The web application [quote] appears to have started a thread named [mysql-cj-abandoned-connection-cleanup] but has failed to stop it. This is very likely to create a memory leak. Stack trace of thread:\n java.lang.Object.wait(Native Method)\n java.lang.ref.ReferenceQueue.remove(ReferenceQueue.java:144)\n com.mysql.cj.jdbc.AbandonedConnectionCleanupThread.run(AbandonedConnectionCleanupThread.java:91)`,
      `${catTime(r - 0.02)} SEVERE [Catalina-utility-2] org.apache.catalina.loader.WebappClassLoaderBase.checkThreadLocalMapForLeaks The web application [quote] created a ThreadLocal with key of type [java.lang.ThreadLocal] (value [java.lang.ThreadLocal@3f1c2a4e]) and a value of type [com.fasterxml.jackson.databind.util.LRUMap] but failed to remove it when the web application was stopped. Threads are going to be renewed over time to try and avoid a probable memory leak.`,
      `${catTime(r - 0.3)} INFO [Catalina-utility-2] org.springframework.web.context.ContextLoader.initWebApplicationContext Root WebApplicationContext: initialization completed in 14210 ms`,
      `${catTime(r - 0.32)} INFO [Catalina-utility-2] org.apache.catalina.core.StandardContext.reload Reloading Context with name [/quote] is completed`,
      `${catTime(1.8 + k * 0.2)} INFO [http-nio-8080-exec-${4 + k}] com.acme.uw.quote.QuoteController.quote quote Q-26-${448120 + k * 17} priced in 212 ms`,
      `${catTime(0.5 + k * 0.1)} INFO [http-nio-8080-exec-${2 + k}] com.acme.uw.quote.QuoteController.quote quote Q-26-${448188 + k * 13} priced in 187 ms`,
    );
  };
  const other = bystander(ns, 'policy-docs', names, 5 * HOURS, { revisions: [14, 15], versions: ['3.0.1', '3.0.2'], olderAgo: 18 * DAYS });
  return {
    id: 'heldout59-healthy-tomcat-reload-thread-leak-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong. Three hours ago the routine monthly rates update rolled out through the quote-engine-rates ConfigMap; Tomcat watches that file and reloaded the /quote context in place, and while stopping the old context it logged its usual SEVERE "appears to have started a thread … but has failed to stop it. This is very likely to create a memory leak" and ThreadLocal warnings about threads of the previous context. The context came back in 14 s, all three pods have been ready since and are pricing quotes; the warnings are shutdown-time housekeeping, not a current leak.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      configMap({ namespace: ns, name: 'quote-engine-rates', createdAgo: 300 * DAYS, updatedAgo: reload + 1, data: { 'rates.properties': 'rates.version=2026-12\nrates.base.motor=412.50\nrates.base.home=288.00\nrates.loading.young_driver=1.35\n' } }),
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current )?(problem|issue)|ready|serving|fine/i],
      facts: [/quote-engine/],
      never: [/memory leak/i, /\bOOM/, /restart the pods|roll(ing)? ?back/i, /quote-engine-rates[^\n]*(broke|caused)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  tomcatSecureRandomEntropy(),
  nginxNonIdempotentReplay(),
  springCreateDropSchema(),
  expressRateLimitBehindProxy(),
  redisVolatileLruNoTtl(),
  redisBgsaveForkOvercommit(),
  healthyTomcatReloadLeakWarnings(),
];
