// Held-out stories, sixty-eighth round, part two: a JDK 11 → 17 base-image bump whose strong
// encapsulation breaks Kryo's reflection at start-up (InaccessibleObjectException); a Go 1.24
// rebuild that drops the x509sha1 GODEBUG, so a partner's SHA-1-signed chain no longer verifies;
// one replica still serving the certificate it loaded before cert-manager renewed it; a JVM with
// networkaddress.cache.ttl=-1 keeping the database's old address after an RDS failover; a bucket
// recreated in eu-central-1 while AWS_REGION still says eu-west-1 (PermanentRedirect); a
// memory-based HPA on a JVM neighbour holding the namespace quota so the triaged service's fix
// cannot roll out; and a healthy control: gunicorn recycling its workers with --max-requests.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, hpa, httpProbe,
  pyTime, resourceQuota, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback's default pattern time: `2026-11-21 03:12:41.563`. */
const lbTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. JDK 11 → 17 base image: Kryo reflection on java.lang fails at start-up ------------------

function jdk17InaccessibleObject(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '121', '203']);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'QUOTE_CACHE_DIR', value: '/var/cache/quotes' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 13, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-engine 5.3.2 (base eclipse-temurin:11.0.25_9-jre-jammy)', template: tpl('5.3.2') },
      { revision: 14, createdAgo: 38, changeCause: 'argocd: quote-engine 5.3.3 (base eclipse-temurin:17.0.13_11-jre-jammy)', template: tpl('5.3.3-jre17') },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 13, node: names[1] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 13, node: names[2] ?? '', createdAgo: 12 * DAYS - 4 },
      { revision: 14, node: names[1] ?? '', createdAgo: 37, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 9 }, 11) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 37, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 9 }, 11) } },
    ],
  });
  const other = bystander(ns, 'pricing-rules-admin', names, 3 * HOURS, { revisions: [40, 41], versions: ['1.19.0', '1.19.1'], olderAgo: 9 * DAYS });
  const [o1, o2, o3, n1, n2] = [0, 1, 2, 3, 4].map((i) => podOf(app, i));
  const crash = (p: k8s.V1Pod, end: number) => lines(
    `Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError`,
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    ' :: Spring Boot ::                (v2.7.18)',
    '',
    `${lbTime(end + 0.15)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : Starting QuoteEngineApplication v5.3.3 using Java 17.0.13 on ${p.metadata?.name ?? ''} with PID 1 (/app/quote-engine.jar started by app in /app)`,
    `${lbTime(end + 0.14)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : The following 1 profile is active: "prod"`,
    `${lbTime(end + 0.08)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port(s): 8080 (http)`,
    `${lbTime(end + 0.05)}  INFO 1 --- [           main] c.a.p.cache.QuoteSnapshotStore           : Loading quote snapshots from /var/cache/quotes (kryo 4.0.2)`,
    `${lbTime(end + 0.02)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'quoteSnapshotStore' defined in URL [jar:file:/app/quote-engine.jar!/BOOT-INF/classes!/com/acme/pricing/cache/QuoteSnapshotStore.class]: Bean instantiation via constructor failed; nested exception is java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @5a2e4553`,
    `${lbTime(end + 0.01)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${lbTime(end + 0)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'quoteSnapshotStore' defined in URL [jar:file:/app/quote-engine.jar!/BOOT-INF/classes!/com/acme/pricing/cache/QuoteSnapshotStore.class]: Bean instantiation via constructor failed; nested exception is java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @5a2e4553`,
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:315)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1306)',
    '\tat com.acme.pricing.QuoteEngineApplication.main(QuoteEngineApplication.java:21)',
    'Caused by: java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @5a2e4553',
    '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:354)',
    '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:297)',
    '\tat java.base/java.lang.reflect.Field.checkCanSetAccessible(Field.java:178)',
    '\tat java.base/java.lang.reflect.Field.setAccessible(Field.java:172)',
    '\tat com.esotericsoftware.kryo.serializers.FieldSerializer.buildValidFields(FieldSerializer.java:283)',
    '\tat com.esotericsoftware.kryo.serializers.FieldSerializer.rebuildCachedFields(FieldSerializer.java:216)',
    '\tat com.esotericsoftware.kryo.serializers.FieldSerializer.<init>(FieldSerializer.java:157)',
    '\tat com.esotericsoftware.kryo.Kryo.register(Kryo.java:432)',
    '\tat com.acme.pricing.cache.QuoteSnapshotStore.<init>(QuoteSnapshotStore.java:58)',
    '\t... 18 common frames omitted',
  );
  const healthy = (p: k8s.V1Pod, k: number) => lines(
    `${lbTime(12 * DAYS - 2 * k)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : Starting QuoteEngineApplication v5.3.2 using Java 11.0.25 on ${p.metadata?.name ?? ''} with PID 1 (/app/quote-engine.jar started by app in /app)`,
    `${lbTime(12 * DAYS - 2 * k - 0.5)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : Started QuoteEngineApplication in 24.311 seconds (JVM running for 25.902)`,
    `${lbTime(2.1)}  INFO 1 --- [nio-8080-exec-4] c.a.pricing.api.QuoteController          : quote computed sku=PRD-44120 region=EU lines=3 took=41ms`,
    `${lbTime(0.6)}  INFO 1 --- [nio-8080-exec-9] c.a.pricing.api.QuoteController          : quote computed sku=PRD-10872 region=UK lines=1 took=18ms`,
  );
  const img = image('5.3.3-jre17');
  return {
    id: 'heldout68-jdk17-kryo-inaccessible-object',
    class: 'rollout',
    truth: 'Revision 14 of quote-engine (5.3.3) only changed the base image from eclipse-temurin 11 to 17. Java 17 enforces strong encapsulation of the JDK internals, so Kryo 4.0.2, which the QuoteSnapshotStore uses, fails at start-up when it calls setAccessible on java.lang.String.value: java.lang.reflect.InaccessibleObjectException … module java.base does not "opens java.lang" to unnamed module. Both new pods crash-loop with exit 1 and the rollout is stuck; the three revision-13 pods (Java 11) still serve. Fix: upgrade Kryo (5.x) or add --add-opens java.base/java.lang=ALL-UNNAMED to the JVM options, or roll back to revision 13 until then.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 3, 4, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
      ...[n1, n2].flatMap((p) => p === undefined ? [] : [
        scheduled(p, 37),
        ...restartedAgain(p, 'app', img, { count: 12, firstAgo: 36.8, lastAgo: 1.5 }),
        backOff(p, 'app', { count: 160, firstAgo: 36, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      logsFor(n1, 'app', { previous: crash(n1 as k8s.V1Pod, 2.5) }),
      logsFor(n2, 'app', { previous: crash(n2 as k8s.V1Pod, 1.2) }),
      ...[o1, o2, o3].map((p, k) => logsFor(p, 'app', { current: healthy(p as k8s.V1Pod, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InaccessibleObjectException|opens java\.lang|add-opens|Java 17|JDK ?17|temurin:17/i, /revision 14|5\.3\.3/i],
      facts: [/InaccessibleObjectException/, /revision 14/i, /add-opens|kryo/i],
      never: [/\bOOM/, /pricing-rules-admin/, /liveness probe[^\n]*(fail|kill)/i],
    },
  };
}

// ---- 2. Go 1.24 rebuild: x509sha1 GODEBUG gone, partner's SHA-1 chain rejected ------------------

function go124Sha1Partner(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.104', ['22', '140', '219']);
  const image = (v: string) => `${ECR}/payments/settlement-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'PARTNER_BASE_URL', value: 'https://api.clearing.nordbank-partner.example:8443' },
        { name: 'PARTNER_TIMEOUT', value: '10s' },
        { name: 'GODEBUG', value: 'x509sha1=1' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'settlement-gateway',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, changeCause: 'argocd: settlement-gateway 3.8.1 (go1.23.6)', template: tpl('3.8.1') },
      { revision: 22, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: settlement-gateway 3.8.2 (go1.24.1, deps bump)', template: tpl('3.8.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
  });
  const other = bystander(ns, 'payout-scheduler', names, 40, { revisions: [15, 16], versions: ['0.14.2', '0.15.0'], olderAgo: 30 * DAYS });
  const err = 'Post \\"https://api.clearing.nordbank-partner.example:8443/v2/settlements\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)\\" while trying to verify candidate authority certificate \\"Nordbank Partner Issuing CA G1\\")';
  const log = (k: number) => {
    const out = [
      `{"time":"${at(2 * HOURS + 8.8 - k)}","level":"INFO","msg":"settlement-gateway starting","version":"3.8.2","go_version":"go1.24.1","addr":":8080"}`,
      `{"time":"${at(2 * HOURS + 8.7 - k)}","level":"INFO","msg":"partner client configured","base_url":"https://api.clearing.nordbank-partner.example:8443","timeout":"10s"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 2 * HOURS + 6 - i * 12 - k * 0.3;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"submit settlement batch failed","batch_id":"stl-20261121-${String(1400 + i * 3 + k).padStart(5, '0')}","attempt":${1 + (i % 3)},"error":"${err}"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/settlements","status":502,"duration_ms":${22 + i}}`);
    }
    out.push(`{"time":"${at(0.5)}","level":"INFO","msg":"request","method":"GET","path":"/v1/settlements/stl-20261120-01388","status":200,"duration_ms":4}`);
    return lines(...out);
  };
  return {
    id: 'heldout68-go124-sha1-partner-cert',
    class: 'rollout',
    truth: 'Revision 22 of settlement-gateway (3.8.2) was rebuilt with Go 1.24.1. Go 1.24 removed the x509sha1 GODEBUG setting, so the GODEBUG=x509sha1=1 the Deployment has carried since Go 1.18 no longer re-enables SHA-1 signatures, and the partner\'s chain (issued by the SHA-1-signed "Nordbank Partner Issuing CA G1") fails verification: every settlement call fails with "x509: cannot verify signature: insecure algorithm SHA1-RSA" and the API answers 502. Pods are healthy. Fix: roll back to revision 21 (Go 1.23) until the partner reissues SHA-256 certificates (or trust the partner\'s leaf explicitly).',
    ask: { service: 'settlement-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'settlement-gateway', selector: { app: 'settlement-gateway' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 0, 3, 2 * HOURS + 7),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 40),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SHA1|SHA-1|x509sha1|insecure algorithm/i, /revision 22|1\.24|3\.8\.2/i],
      facts: [/insecure algorithm SHA1-RSA/, /revision 22|go ?1\.24/i],
      never: [/\bOOM/, /payout-scheduler/, /crash ?loop/i, /expired/i],
    },
  };
}

// ---- 3. one replica still serving the certificate it loaded before cert-manager renewed it ------

function staleCertOneReplica(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.56', ['9', '117', '240']);
  const image = `${ECR}/treasury/fx-rates:2.4.7`;
  const tpl = {
    containers: [container({
      image, ports: [{ name: 'https', containerPort: 8443 }], cpu: '200m', memory: '256Mi',
      args: ['--listen=:8443', '--tls-cert=/etc/fx-rates/tls/tls.crt', '--tls-key=/etc/fx-rates/tls/tls.key'],
      readiness: tcpProbe('https', { periodSeconds: 5 }), liveness: tcpProbe('https', { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'tls', mountPath: '/etc/fx-rates/tls', readOnly: true }],
    })],
    volumes: [{ name: 'tls', secret: { secretName: 'fx-rates-tls', defaultMode: 420 } }],
    annotations: { 'cert-manager.io/certificate-name': 'fx-rates-tls' },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [{ revision: 7, createdAgo: 26 * DAYS, changeCause: 'argocd: fx-rates 2.4.7', template: tpl }],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 26 * DAYS - 1 },
      { revision: 7, node: names[1] ?? '', createdAgo: 4 * DAYS + 3 * HOURS },
      { revision: 7, node: names[2] ?? '', createdAgo: 4 * DAYS + 3 * HOURS - 2 },
    ],
  });
  const clientImage = `${ECR}/treasury/hedging-engine:1.31.0`;
  const client = deploymentApp({
    namespace: ns,
    name: 'hedging-engine',
    replicas: 2,
    revisions: [{ revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: hedging-engine 1.31.0', template: { containers: [container({ image: clientImage, env: [{ name: 'FX_RATES_URL', value: 'https://fx-rates.treasury.svc:8443' }] })] } }],
    pods: [{ revision: 18, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 18, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const [stale, fresh1, fresh2] = [0, 1, 2].map((i) => podOf(app, i));
  const clientIp = (i: number) => podOf(client, i).status?.podIP ?? '';
  const expiredAt = '2026-11-21T02:31:44Z';
  const serverLog = (p: k8s.V1Pod | undefined, startedAgo: number, bad: boolean) => {
    const out = [
      `{"time":"${at(startedAgo)}","level":"INFO","msg":"loaded TLS certificate","file":"/etc/fx-rates/tls/tls.crt","subject":"CN=fx-rates.treasury.svc","not_after":"${bad ? expiredAt : '2026-12-11T02:29:51Z'}"}`,
      `{"time":"${at(startedAgo - 0.01)}","level":"INFO","msg":"listening","addr":":8443","tls":true}`,
    ];
    if (bad) {
      for (let i = 0; i < 14; i++) out.push(`{"time":"${at(40 - i * 2.8)}","level":"WARN","msg":"http: TLS handshake error from ${clientIp(i % 2)}:${41000 + i * 37}: remote error: tls: bad certificate"}`);
    }
    out.push(`{"time":"${at(0.7)}","level":"INFO","msg":"request","method":"GET","path":"/v1/rates","query":"base=EUR","status":200,"duration_ms":3}`);
    return lines(...out);
  };
  const clientLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      out.push(`{"time":"${at(39 - i * 3.1 - k * 0.4)}","level":"ERROR","msg":"fetch rates failed","pair":"EUR/${['USD', 'GBP', 'CHF', 'JPY'][i % 4]}","error":"Get \\"https://fx-rates.treasury.svc:8443/v1/rates?base=EUR\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${at(39 - i * 3.1 - k * 0.4).slice(0, 19)}Z is after ${expiredAt}"}`);
      out.push(`{"time":"${at(38.9 - i * 3.1 - k * 0.4)}","level":"INFO","msg":"rates refreshed","pairs":42,"source":"fx-rates"}`);
      out.push(`{"time":"${at(38.8 - i * 3.1 - k * 0.4)}","level":"INFO","msg":"rates refreshed","pairs":42,"source":"fx-rates"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout68-stale-cert-one-replica',
    class: 'config',
    truth: `fx-rates reads its TLS certificate from the mounted fx-rates-tls Secret only at start-up. cert-manager renewed the certificate ten days ago (30-day certificates, renewed 10 days before expiry) and the kubelet updated the mounted files, but pod ${stale?.metadata?.name ?? ''} (started 26 days ago) never reloaded it and still serves the old certificate, which expired at 02:31 today; the two pods recreated four days ago load the renewed one. About a third of hedging-engine's calls land on that pod and fail with "x509: certificate has expired or is not yet valid". Fix: restart that pod (rollout restart) and make the server reload its certificate (or add a reloader).`,
    ask: { service: 'fx-rates', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...client.objects,
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: app.pods, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'hedging-engine', selector: { app: 'hedging-engine' }, pods: client.pods }),
      ...[fresh1, fresh2].flatMap((p) => p === undefined ? [] : startedNormally(p, 'app', image, 4 * DAYS + 3 * HOURS)),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${names[1] ?? ''} event: Registered Node ${names[1] ?? ''} in Controller`, firstAgo: 4 * DAYS + 3 * HOURS + 4, lastAgo: 4 * DAYS + 3 * HOURS + 4, component: 'node-controller' }),
    ],
    logs: [
      logsFor(stale, 'app', { current: serverLog(stale, 26 * DAYS - 1.2, true) }),
      logsFor(fresh1, 'app', { current: serverLog(fresh1, 4 * DAYS + 3 * HOURS - 0.2, false) }),
      logsFor(fresh2, 'app', { current: serverLog(fresh2, 4 * DAYS + 3 * HOURS - 2.2, false) }),
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: clientLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(stale?.metadata?.name ?? 'fx-rates'), /expired|certificate|cert/i],
      facts: [/certificate has expired/, /restart|reload/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /hedging-engine[^\n]*(crash|broke|caused)/i],
    },
  };
}

// ---- 4. networkaddress.cache.ttl=-1 keeps the database's pre-failover address -------------------

function jvmDnsCacheForever(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.120', ['33', '96', '177']);
  const image = `${ECR}/orders/order-service:7.2.0`;
  const dbHost = 'orders-db.c9akciq32x1b.eu-west-1.rds.amazonaws.com';
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-Djava.security.properties=/opt/app/security/java.security.override -XX:MaxRAMPercentage=70' },
        { name: 'SPRING_DATASOURCE_URL', value: `jdbc:postgresql://${dbHost}:5432/orders?connectTimeout=10` },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '15' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
      volumeMounts: [{ name: 'java-security', mountPath: '/opt/app/security', readOnly: true }],
    })],
    volumes: [{ name: 'java-security', configMap: { name: 'order-service-java-security', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 5,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 7.2.0', template: tpl }],
    pods: [
      { revision: 33, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 33, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 33, node: names[0] ?? '', createdAgo: 22 },
      { revision: 33, node: names[1] ?? '', createdAgo: 22 },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const oldIp = '10.0.41.17';
  const newIp = '10.0.43.112';
  const secCm = configMap({
    namespace: ns, name: 'order-service-java-security', createdAgo: 210 * DAYS,
    data: { 'java.security.override': '# Pin resolved addresses (audit finding SEC-2231, DNS spoofing hardening)\nnetworkaddress.cache.ttl=-1\nnetworkaddress.cache.negative.ttl=10\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n' },
  });
  const [a, b, c, d, e] = [0, 1, 2, 3, 4].map((i) => podOf(app, i));
  const oldLog = (p: k8s.V1Pod | undefined) => {
    const out = [
      `${lbTime(6 * DAYS - 0.5)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
      `${lbTime(6 * DAYS - 0.6)}  INFO 1 --- [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@1b2c3d4e`,
      `${lbTime(6 * DAYS - 0.7)}  INFO 1 --- [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 31.882 seconds (JVM running for 33.417)`,
      `${lbTime(52)}  WARN 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 08006`,
      `${lbTime(52)} ERROR 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : An I/O error occurred while sending to the backend.`,
      `${lbTime(51.8)}  WARN 1 --- [nio-8080-exec-3] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@1b2c3d4e (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 50 - i * 5.3;
      out.push(`${lbTime(t)}  WARN 1 --- [l-1 housekeeper] c.a.orders.db.ConnectDiagnostics         : connect to ${dbHost}/${oldIp}:5432 failed after 10001 ms`);
      out.push(`${lbTime(t - 0.01)} ERROR 1 --- [nio-8080-exec-${(i % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection] with root cause`);
      out.push('org.postgresql.util.PSQLException: The connection attempt failed.');
      out.push('\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)');
      out.push('Caused by: java.net.SocketTimeoutException: Connect timed out');
      out.push('\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:546)');
      out.push(`${lbTime(t - 0.02)} ERROR 1 --- [nio-8080-exec-${(i % 9) + 1}] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Connection is not available, request timed out after 30000ms.`);
    }
    void p;
    return lines(...out);
  };
  const newLog = (k: number) => lines(
    `${lbTime(21.5 - k * 0.1)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${lbTime(21.4 - k * 0.1)}  INFO 1 --- [           main] c.a.orders.db.ConnectDiagnostics         : connected to ${dbHost}/${newIp}:5432 in 14 ms`,
    `${lbTime(21.4 - k * 0.1)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${lbTime(21 - k * 0.1)}  INFO 1 --- [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 30.514 seconds (JVM running for 32.006)`,
    `${lbTime(1.1)}  INFO 1 --- [nio-8080-exec-6] c.a.orders.api.OrderController           : POST /v2/orders 201 took=38ms`,
  );
  const hpaObj = hpa({ namespace: ns, name: 'order-service', target: { kind: 'Deployment', name: 'order-service' }, min: 3, max: 8, current: 5, desired: 5, cpu: { current: 58, target: 65, averageValue: '290m' }, lastScaleAgo: 22 });
  return {
    id: 'heldout68-jvm-dns-cache-after-db-failover',
    class: 'network',
    truth: 'order-service runs with java.security.override from ConfigMap order-service-java-security, which sets networkaddress.cache.ttl=-1: the JVM caches every DNS answer forever. The RDS Multi-AZ failover of orders-db 53 minutes ago moved the endpoint\'s DNS name from 10.0.41.17 to 10.0.43.112; the three pods started six days ago still connect to the old address and time out (HikariPool "Connection is not available", SocketTimeoutException: Connect timed out), while the two pods the HPA added 22 minutes ago resolved the new address and work. Fix: restart the old pods and set networkaddress.cache.ttl to a short value (e.g. 30).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, secCm, hpaObj,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 5, 3, 22),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-service', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 22, lastAgo: 22, component: 'horizontal-pod-autoscaler' }),
      ...[d, e].flatMap((p) => p === undefined ? [] : startedNormally(p, 'app', image, 22)),
    ],
    logs: [
      logsFor(a, 'app', { current: oldLog(a) }),
      logsFor(b, 'app', { current: oldLog(b) }),
      logsFor(c, 'app', { current: oldLog(c) }),
      logsFor(d, 'app', { current: newLog(0) }),
      logsFor(e, 'app', { current: newLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/networkaddress\.cache\.ttl|DNS|10\.0\.41\.17|stale address|cach/i],
      facts: [/networkaddress\.cache\.ttl|order-service-java-security/, /10\.0\.41\.17|failover/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /HPA[^\n]*(caused|cause)/i],
    },
  };
}

// ---- 5. bucket recreated in eu-central-1, AWS_REGION still eu-west-1: PermanentRedirect ---------

function s3PermanentRedirect(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.140', ['45', '102', '230']);
  const image = `${ECR}/reporting/report-exporter:4.6.1`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/report-exporter' },
        { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
      ],
      envFrom: [{ configMapRef: { name: 'report-exporter-config' } }],
    })],
    serviceAccountName: 'report-exporter',
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-exporter',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 17 * DAYS, changeCause: 'argocd: report-exporter 4.6.1', template: tpl() },
      { revision: 12, createdAgo: 2 * HOURS + 5, template: tpl(at(2 * HOURS + 5).slice(0, 19) + 'Z') },
    ],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 2 * HOURS + 5 }, { revision: 12, node: names[2] ?? '', createdAgo: 2 * HOURS + 4 }],
  });
  const cm = configMap({
    namespace: ns, name: 'report-exporter-config', createdAgo: 300 * DAYS, updatedAgo: 2 * HOURS + 12,
    data: { EXPORT_BUCKET: 'acme-report-exports-prod', EXPORT_PREFIX: 'daily/', EXPORT_FORMAT: 'csv', EXPORT_CONCURRENCY: '4', PRESIGN_TTL: '24h' },
  });
  const other = bystander(ns, 'report-scheduler', names, 5 * HOURS, { revisions: [8, 9], versions: ['2.0.4', '2.1.0'], olderAgo: 40 * DAYS });
  const err = (op: string, i: number) => `operation error S3: ${op}, https response error StatusCode: 301, RequestID: ${['8R4KQ2M9XW1TBZ7C', 'J3N6VQ8H2PD5RK4A', 'T7W2CX9M4LB8QZ1E'][i % 3]}, HostID: ${['Xk3vQ0r9pZb1YyL2mN4oP6qR8sT0uV2wX4yZ6aB8cD0eF2gH4iJ6kL8mN0oP2qR', 'aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4'][i % 2]}=, api error PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.`;
  const log = (k: number) => {
    const out = [
      `{"time":"${at(2 * HOURS + 4.8 - k)}","level":"INFO","msg":"report-exporter starting","version":"4.6.1","region":"eu-west-1","bucket":"acme-report-exports-prod","prefix":"daily/"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 2 * HOURS - i * 10 - k * 2;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"upload export failed","report":"rpt-${51230 + i * 7 + k}","key":"daily/2026-11-21/rpt-${51230 + i * 7 + k}.csv","bytes":${184000 + i * 1311},"error":"${err('PutObject', i + k)}"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/exports","status":500,"duration_ms":${96 + i}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout68-s3-bucket-other-region',
    class: 'config',
    truth: 'The data team recreated the export bucket as acme-report-exports-prod in eu-central-1 and someone edited ConfigMap report-exporter-config 2 hours ago to point EXPORT_BUCKET at it (then restarted the Deployment, revision 12). The Deployment still sets AWS_REGION=eu-west-1, so the Go SDK addresses the bucket through the eu-west-1 endpoint and S3 answers 301 PermanentRedirect ("must be addressed using the specified endpoint") for every upload. Fix: set AWS_REGION (or the S3 client\'s region) to eu-central-1 for this bucket.',
    ask: { service: 'report-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'report-exporter', selector: { app: 'report-exporter' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 2, 0, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 0, 2, 2 * HOURS + 3),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 5 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/PermanentRedirect|301|region|eu-central-1|AWS_REGION/i],
      facts: [/PermanentRedirect/, /AWS_REGION|eu-west-1|region/i],
      never: [/\bOOM/, /report-scheduler/, /access denied|AccessDenied|credentials/i],
    },
  };
}

// ---- 6. memory-based HPA on a JVM neighbour holds the namespace's quota ------------------------

function memoryHpaHoldsQuota(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.150', ['12', '99', '208']);
  const qImage = (v: string) => `${ECR}/search/query-api:${v}`;
  const qTpl = (v: string) => ({ containers: [container({ image: qImage(v), ports: [8080], cpu: '500m', memory: '2Gi' })] });
  const query = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 11 * DAYS, changeCause: 'argocd: query-api 3.14.0', template: qTpl('3.14.0') },
      { revision: 9, createdAgo: 26, changeCause: 'argocd: query-api 3.14.1 (fix facet count overflow)', template: qTpl('3.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const quotaMsg = (suffix: string) => `pods "${rsOf(query, 9)}-${suffix}" is forbidden: exceeded quota: search-compute, requested: limits.memory=2Gi,requests.memory=2Gi, used: limits.memory=43Gi,requests.memory=43Gi, limited: limits.memory=44Gi,requests.memory=44Gi`;
  // The Deployment's conditions as the controller writes them when its new ReplicaSet cannot create pods.
  const dep = deploymentOf(query) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(11 * DAYS), lastTransitionTime: ago(11 * DAYS) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg('q8m2x'), lastUpdateTime: ago(25.9), lastTransitionTime: ago(25.9) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsOf(query, 9)}" has timed out progressing.`, lastUpdateTime: ago(16), lastTransitionTime: ago(16) },
    ];
  }
  const newRs = query.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.name === rsOf(query, 9)) as k8s.V1ReplicaSet | undefined;
  if (newRs?.spec && newRs.status) {
    newRs.spec.replicas = 1;
    newRs.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg('q8m2x'), lastTransitionTime: ago(25.9) }];
  }
  const iImage = `${ECR}/search/search-indexer:6.2.3`;
  const indexer = deploymentApp({
    namespace: ns,
    name: 'search-indexer',
    replicas: 12,
    revisions: [{ revision: 27, createdAgo: 15 * DAYS, changeCause: 'argocd: search-indexer 6.2.3', template: { containers: [container({
      image: iImage, ports: [8080], cpu: '500m', memory: '3Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=80 -XX:+UseG1GC -Xlog:gc:stdout' }],
    })] } }],
    pods: Array.from({ length: 12 }, (_, k) => ({ revision: 27, node: names[k % 3] ?? '', createdAgo: k < 3 ? 15 * DAYS - k : 2 * DAYS + 5 * HOURS + (11 - k) * 90 })),
  });
  const other = bystander(ns, 'synonyms-sync', names, 7 * HOURS, { revisions: [4, 5], versions: ['1.2.0', '1.2.1'], olderAgo: 60 * DAYS });
  const memHpa = hpa({
    namespace: ns, name: 'search-indexer', target: { kind: 'Deployment', name: 'search-indexer' }, min: 3, max: 12, current: 12, desired: 12, lastScaleAgo: 2 * DAYS + 5 * HOURS,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(2 * DAYS) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from memory resource utilization (percentage of request)', lastTransitionTime: ago(15 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(2 * DAYS + 5 * HOURS) },
    ],
  });
  if (memHpa.spec) memHpa.spec.metrics = [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } }];
  if (memHpa.status) memHpa.status.currentMetrics = [{ type: 'Resource', resource: { name: 'memory', current: { averageUtilization: 91, averageValue: '2931315179' } } }];
  const quota = resourceQuota({
    namespace: ns, name: 'search-compute', createdAgo: 200 * DAYS,
    hard: { 'requests.cpu': '16', 'limits.memory': '44Gi', 'requests.memory': '44Gi', pods: '30' },
    used: { 'requests.cpu': '8', 'limits.memory': '43Gi', 'requests.memory': '43Gi', pods: '17' },
  });
  const gcLog = (k: number) => {
    const out = [`[${(259200 + k * 97).toFixed(3)}s][info][gc] Using G1`];
    for (let i = 0; i < 6; i++) {
      const before = 1900 + ((i * 131 + k * 17) % 400);
      out.push(`[${(259200 + k * 97 + 3600 * (i + 1)).toFixed(3)}s][info][gc] GC(${1400 + i * 9 + k}) Pause Young (Normal) (G1 Evacuation Pause) ${before}M->${380 + ((i * 23 + k) % 60)}M(2662M) ${(9 + (i % 4) * 1.7).toFixed(3)}ms`);
      out.push(`{"time":"${at(40 - i * 6)}","level":"INFO","logger":"c.a.search.indexer.BatchIndexer","msg":"indexed batch","docs":${5000 + i * 11},"took_ms":${820 + i * 13}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout68-memory-hpa-holds-quota',
    class: 'capacity',
    truth: 'query-api\'s fix (revision 9, 26 minutes ago) cannot roll out: its new ReplicaSet gets FailedCreate "exceeded quota: search-compute" (requests.memory 43Gi of 44Gi used, the pod needs 2Gi). The quota is held by the neighbour search-indexer, whose HorizontalPodAutoscaler scales on memory utilization: the JVM (G1) keeps its committed heap (2662M) even after GC brings usage to ~400M, so memory never drops below the 70% target, and the HPA has sat at maxReplicas 12 (12 × 3Gi) for two days. Fix: scale search-indexer on CPU or a work metric instead of memory (or lower its replicas), then query-api\'s rollout proceeds; query-api itself is fine.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...query.objects, ...indexer.objects, ...other.objects, memHpa, quota,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: query.pods }),
      scaledReplicaSet(deploymentOf(query), rsOf(query, 9), 1, 0, 26),
      event({ on: newRs ?? { kind: 'ReplicaSet', name: rsOf(query, 9), namespace: ns }, reason: 'FailedCreate', message: `Error creating: ${quotaMsg('q8m2x')}`, firstAgo: 25.9, lastAgo: 25.9, component: 'replicaset-controller' }),
      event({ on: newRs ?? { kind: 'ReplicaSet', name: rsOf(query, 9), namespace: ns }, reason: 'FailedCreate', message: `Error creating: ${quotaMsg('w4c7n')}`, count: 17, firstAgo: 25.8, lastAgo: 0.8, component: 'replicaset-controller' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-indexer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: memory resource utilization (percentage of request) above target', firstAgo: 2 * DAYS + 5 * HOURS, lastAgo: 2 * DAYS + 5 * HOURS, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 5), 2, 0, 7 * HOURS),
    ],
    logs: [
      ...query.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.5)}","level":"INFO","msg":"GET /v1/search","q_len":14,"hits":212,"status":200,"dur_ms":33}`, `{"time":"${at(0.7)}","level":"WARN","msg":"facet count overflow, clamped","facet":"brand","count":2147483647}`) })),
      ...indexer.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: gcLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quota|search-compute/i],
      facts: [/exceeded quota/, /search-indexer/, /memory/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /synonyms-sync/],
    },
  };
}

// ---- 7. healthy control: gunicorn recycling workers with --max-requests ------------------------

function healthyGunicornMaxRequests(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.162', ['7', '131', '222']);
  const image = (v: string) => `${ECR}/accounts/profile-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '300m', memory: '512Mi',
      command: ['gunicorn'],
      args: ['profile.wsgi:application', '--bind=0.0.0.0:8000', '--workers=4', '--max-requests=1000', '--max-requests-jitter=100', '--access-logfile=-'],
      readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 9 * DAYS, changeCause: 'argocd: profile-api 2026.11.2', template: tpl('2026.11.2') },
      { revision: 57, createdAgo: 5 * HOURS, changeCause: 'argocd: profile-api 2026.11.3', template: tpl('2026.11.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 5 * HOURS - k })),
  });
  const other = bystander(ns, 'avatar-resizer', names, 2 * DAYS, { revisions: [12, 13], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const gTime = (m: number) => `[${at(m).replace('T', ' ').slice(0, 19)} +0000]`;
  const log = (k: number) => {
    const out = [
      `${gTime(5 * HOURS - k - 0.1)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gTime(5 * HOURS - k - 0.1)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(5 * HOURS - k - 0.1)} [1] [INFO] Using worker: sync`,
      `${gTime(5 * HOURS - k - 0.1)} [7] [INFO] Booting worker with pid: 7`,
      `${gTime(5 * HOURS - k - 0.1)} [8] [INFO] Booting worker with pid: 8`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 50 - i * 11 - k;
      const old = 7 + i * 31 + k;
      const fresh = old + 29;
      out.push(`${gTime(t)} [${old}] [INFO] Autorestarting worker after current request.`);
      out.push(`10.0.${150 + k}.${30 + i} - - [${clfTime(t)}] "GET /v1/profiles/${88120 + i * 13} HTTP/1.1" 200 1432 "-" "python-httpx/0.27.2"`);
      out.push(`${gTime(t)} [${old}] [INFO] Worker exiting (pid: ${old})`);
      out.push(`${gTime(t - 0.01)} [${fresh}] [INFO] Booting worker with pid: ${fresh}`);
      out.push(`10.0.${150 + k}.${40 + i} - - [${clfTime(t - 0.3)}] "PATCH /v1/profiles/${88120 + i * 13}/preferences HTTP/1.1" 204 0 "-" "okhttp/4.12.0"`);
    }
    out.push(`${pyTime(0.4)} INFO profile.views request_id=8c1f2a status=200 path=/v1/profiles/88197 duration_ms=12`);
    return lines(...out);
  };
  return {
    id: 'heldout68-healthy-gunicorn-max-requests',
    class: 'healthy',
    truth: 'profile-api is healthy: revision 57 rolled out five hours ago and all three pods are ready with no restarts. gunicorn runs with --max-requests=1000, so each worker is recycled after about a thousand requests ("Autorestarting worker after current request", "Worker exiting", "Booting worker with pid") — routine, by design, and requests keep succeeding.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 3, 5 * HOURS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|nothing wrong|running normally|ok\b/i],
      facts: [/profile-api/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /worker[^\n]*(crash|killed|leak)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  jdk17InaccessibleObject(),
  go124Sha1Partner(),
  staleCertOneReplica(),
  jvmDnsCacheForever(),
  s3PermanentRedirect(),
  memoryHpaHoldsQuota(),
  healthyGunicornMaxRequests(),
];
