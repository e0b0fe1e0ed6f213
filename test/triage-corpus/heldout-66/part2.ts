// Held-out stories, sixty-sixth round, part two: a Go settlement gateway rebuilt with Go 1.23,
// whose TLS client no longer offers RSA key-exchange cipher suites, so handshakes to one legacy
// bank fail while every other partner works; a JVM invoice service whose base image moved from
// JDK 11 to JDK 21 while JAVA_OPTS still carry -XX:+UseConcMarkSweepGC, so the JVM refuses to
// start; a Node.js service whose new image installs with `npm ci --omit=dev` while it still starts
// through ts-node; a Kafka Streams app on an emptyDir state.dir that restores its stores from the
// changelogs for ~40 minutes after a rollout restarted every pod; an in-cluster Postfix relay
// whose ConfigMap edit set smtpd_tls_security_level = encrypt, so the app's plain-SMTP mailer is
// refused with "530 5.7.0 Must issue a STARTTLS command first"; an app moved from static AWS keys
// to IRSA whose 7-day S3 presigned links die with the session credentials after an hour; and a
// healthy control: an nginx download front whose large responses are buffered to temp files.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event,
  exposed, httpProbe, nameOf, probeFailed, restartedAgain, rsOf, running, scaledReplicaSet, startedNormally, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postfix's syslog time: `Nov 21 03:12:41`. */
const syslogTime = (minutes: number): string => {
  const d = at(minutes);
  return `Nov ${d.slice(8, 10)} ${d.slice(11, 19)}`;
};

// ---- 1. Go 1.23 rebuild drops RSA key exchange: one legacy partner's handshakes fail ----------------

function goRsaKexRemoved(): CorpusScenario {
  const ns = 'settlement';
  const { nodes, names } = threeEksNodes('10.0.88', ['21', '140', '233']);
  const image = (v: string) => `${ECR}/settlement/settlement-gateway:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'settlement-gateway',
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'PARTNERS_CONFIG', value: '/etc/gateway/partners.yaml' },
        { name: 'GOMEMLIMIT', value: '220MiB' },
      ],
      volumeMounts: [{ name: 'partners', mountPath: '/etc/gateway', readOnly: true }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'partners', configMap: { name: 'settlement-partners' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'settlement-gateway', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'argocd: settlement-gateway 2.8.3', template: tpl('2.8.3') },
      { revision: 19, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: settlement-gateway 2.9.0', template: tpl('2.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 1, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS + 1 },
  });
  const other = bystander(ns, 'settlement-reporter', names, 5 * HOURS, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const partners = configMap({
    namespace: ns, name: 'settlement-partners', createdAgo: 200 * DAYS,
    data: {
      'partners.yaml': [
        'partners:',
        '  - id: westbank', '    endpoint: https://api.westbank.example.com/settlement/v3', '    mtls: true',
        '  - id: hanse-clearing', '    endpoint: https://clearing.hanse-clearing.example.de/api/v2', '    mtls: true',
        '  - id: nordfjord-sparebank', '    endpoint: https://sftp-gw.nordfjord-sparebank.example.no:8443/settle', '    mtls: true',
        '  - id: lusopay', '    endpoint: https://gw.lusopay.example.pt/v1/settlements', '    mtls: false',
        '',
      ].join('\n'),
    },
  });
  const logOf = (k: number): string => {
    const out = [
      `{"time":"${at(2 * HOURS + 3.8 - k)}","level":"INFO","msg":"settlement-gateway starting","version":"2.9.0","commit":"4be1a07","go_version":"go1.23.4"}`,
      `{"time":"${at(2 * HOURS + 3.8 - k)}","level":"INFO","msg":"loaded partners","count":4,"file":"/etc/gateway/partners.yaml"}`,
      `{"time":"${at(2 * HOURS + 3.7 - k)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 110 - i * 9 - k * 0.7;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"settlement batch sent","partner":"westbank","batch_id":"STL-${20261121}-${4100 + i * 3 + k}","items":${180 + i * 7},"status":202,"duration_ms":${240 + i * 11}}`);
      out.push(`{"time":"${at(t - 0.3)}","level":"ERROR","msg":"settlement batch failed","partner":"nordfjord-sparebank","batch_id":"STL-${20261121}-${4101 + i * 3 + k}","attempt":${(i % 5) + 1},"error":"Post \\"https://sftp-gw.nordfjord-sparebank.example.no:8443/settle\\": remote error: tls: handshake failure"}`);
      if (i % 2 === 0) out.push(`{"time":"${at(t - 0.5)}","level":"INFO","msg":"settlement batch sent","partner":"hanse-clearing","batch_id":"STL-${20261121}-${4102 + i * 3 + k}","items":${90 + i},"status":200,"duration_ms":${180 + i * 5}}`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.6)}","level":"INFO","msg":"settlement batch sent","partner":"lusopay","batch_id":"STL-${20261121}-${4103 + i * 3 + k}","items":${40 + i},"status":201,"duration_ms":${310 + i * 4}}`);
      if (i % 4 === 3) out.push(`{"time":"${at(t - 0.7)}","level":"WARN","msg":"partner queue backlog","partner":"nordfjord-sparebank","pending_batches":${14 + i * 3 + k},"oldest_age":"${Math.round(2 * HOURS + 3 - t)}m"}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout66-go-tls-rsa-kex-legacy-partner',
    class: 'network',
    truth: 'settlement-gateway 2.9.0 (revision 19, two hours ago) was the first build with Go 1.23 (2.8.3 was built with Go 1.21). Since Go 1.22, crypto/tls no longer offers RSA key-exchange cipher suites by default; the legacy gateway of nordfjord-sparebank only accepts TLS_RSA_WITH_AES_*, so every handshake to it ends in "remote error: tls: handshake failure" while westbank, hanse-clearing and lusopay work. Pods are healthy. Fix: set GODEBUG=tlsrsakex=1 (or configure those cipher suites for that partner) while the bank upgrades its endpoint; rolling back to 2.8.3 would also work.',
    ask: { service: 'settlement-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, partners,
      ...exposed({ namespace: ns, name: 'settlement-gateway', selector: { app: 'settlement-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'settlement-reporter', selector: { app: 'settlement-reporter' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 2 * HOURS + 4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 2 * HOURS + 1),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/tls|handshake/i, /nordfjord|partner|cipher|rsa|key.?exchange|go ?1\.2[2-4]|2\.9\.0|revision 19/i],
      facts: [/handshake failure/i, /nordfjord/i, /tlsrsakex|rsa key.?exchange|cipher suite|go ?1\.2[2-4]/i],
      never: [/certificate (has )?expired|unknown authority|x509/i, /\bOOM/i, /crash ?loop/i, /settlement-reporter/, /DNS|no such host/i],
    },
  };
}

// ---- 2. JDK 21 base image with -XX:+UseConcMarkSweepGC in JAVA_OPTS ---------------------------------

function jvmCmsOptionJdk21(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.54', ['12', '97', '186']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const javaOpts = '-Xms768m -Xmx768m -XX:+UseConcMarkSweepGC -XX:CMSInitiatingOccupancyFraction=70 -XX:+UseCMSInitiatingOccupancyOnly -Dfile.encoding=UTF-8';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'JAVA_OPTS', value: javaOpts },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-c4k2mq8w1x.eu-west-1.rds.amazonaws.com:5432/billing' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-service 5.3.2 (eclipse-temurin:11-jre)', template: tpl('5.3.2') },
      { revision: 42, createdAgo: 26, changeCause: 'argocd: invoice-service 5.4.0 (eclipse-temurin:21-jre)', template: tpl('5.4.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 42, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 0.4 }, 9) } },
      { revision: 42, node: names[0] ?? '', createdAgo: 25.4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.7, ranSeconds: 0.4 }, 9) } },
    ],
  });
  const other = bystander(ns, 'payment-reminders', names, 3 * HOURS, { revisions: [6, 7], versions: ['2.0.4', '2.1.0'], olderAgo: 40 * DAYS });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const crashed = lines(
    "Unrecognized VM option 'UseConcMarkSweepGC'",
    'Error: Could not create the Java Virtual Machine.',
    'Error: A fatal exception has occurred. Program will exit.',
  );
  const oldLog = lines(
    `${at(3.2).replace('T', ' ').slice(0, 23)}  INFO 1 --- [nio-8080-exec-4] c.a.b.invoice.InvoiceController          : POST /v2/invoices tenant=acme-gmbh status=201 took=48ms`,
    `${at(1.1).replace('T', ' ').slice(0, 23)}  INFO 1 --- [nio-8080-exec-7] c.a.b.invoice.InvoiceController          : GET /v2/invoices/INV-2026-118204 status=200 took=12ms`,
  );
  return {
    id: 'heldout66-jvm-cms-flag-jdk21-base-image',
    class: 'containers',
    truth: 'invoice-service 5.4.0 (revision 42, 26 minutes ago) moved the base image from eclipse-temurin:11-jre to 21-jre; the Deployment\'s JAVA_OPTS still pass -XX:+UseConcMarkSweepGC (and the CMS tuning flags). CMS was removed in JDK 14 and the flag is unrecognized on 21, so the JVM exits 1 at once ("Unrecognized VM option \'UseConcMarkSweepGC\'", "Could not create the Java Virtual Machine") and both new pods crash-loop; the rollout is stuck with three 5.3.2 pods serving. Fix: drop the CMS flags from JAVA_OPTS (use G1, the default) or roll back.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 4, 25.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 2, 1, 25.5),
      ...fresh.flatMap((p, i) => [
        ...startedNormally(p, 'app', image('5.4.0'), 25.5 - i * 0.1),
        ...restartedAgain(p, 'app', image('5.4.0'), { count: 9, firstAgo: 25 - i * 0.1, lastAgo: 2.1 - i * 0.4 }),
        backOff(p, 'app', { count: 110 + i * 3, firstAgo: 25 - i * 0.1 }),
      ]),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'app', { current: '', previous: crashed })),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UseConcMarkSweepGC|CMS|concurrent mark|VM option|JVM option|java virtual machine/i],
      facts: [/UseConcMarkSweepGC/, /JAVA_OPTS/, /21|temurin|jdk|5\.4\.0|revision 42/i],
      never: [/\bOOM/i, /liveness/i, /payment-reminders/, /image ?pull/i, /database|postgres/i],
    },
  };
}

// ---- 3. npm ci --omit=dev, but the service still starts through ts-node ----------------------------

function nodeOmitDevTsNode(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.61', ['44', '118', '209']);
  const image = (v: string) => `${ECR}/notifications/notify-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['node'], args: ['-r', 'ts-node/register/transpile-only', 'src/server.ts'], ports: [3000], cpu: '200m', memory: '384Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'REDIS_URL', value: 'redis://notify-redis:6379/0' }],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'notify-api', replicas: 4,
    revisions: [
      { revision: 63, createdAgo: 6 * DAYS, changeCause: 'argocd: notify-api 3.17.1', template: tpl('3.17.1') },
      { revision: 64, createdAgo: 18, changeCause: 'argocd: notify-api 3.18.0 (slim image: npm ci --omit=dev)', template: tpl('3.18.0') },
    ],
    pods: [
      { revision: 63, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 63, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 63, node: names[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 64, node: names[2] ?? '', createdAgo: 17.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 0.3 }, 8) } },
      { revision: 64, node: names[1] ?? '', createdAgo: 17.4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 0.3 }, 8) } },
    ],
  });
  const redis = deploymentApp({
    namespace: ns, name: 'notify-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis'), memory: '256Mi' })] } }],
    pods: [{ revision: 2, node: names[0] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = bystander(ns, 'notify-digest', names, 50, { revisions: [12, 13], versions: ['1.9.2', '1.9.3'], olderAgo: 15 * DAYS });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const crashed = lines(
    'node:internal/modules/cjs/loader:1228',
    '  throw err;',
    '  ^',
    '',
    "Error: Cannot find module 'ts-node/register/transpile-only'",
    'Require stack:',
    '- internal/preload',
    '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
    '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
    '    at internalRequire (node:internal/modules/cjs/loader:216:19)',
    '    at Module._preloadModules (node:internal/modules/cjs/loader:1780:5)',
    '    at loadPreloadModules (node:internal/process/pre_execution:747:5)',
    '    at setupUserModules (node:internal/process/pre_execution:208:5)',
    '    at prepareExecution (node:internal/process/pre_execution:161:5)',
    '    at prepareMainThreadExecution (node:internal/process/pre_execution:55:10)',
    '    at node:internal/main/run_main_module:30:49 {',
    "  code: 'MODULE_NOT_FOUND',",
    "  requireStack: [ 'internal/preload' ]",
    '}',
    '',
    'Node.js v20.18.0',
  );
  return {
    id: 'heldout66-node-omit-dev-ts-node-missing',
    class: 'containers',
    truth: 'notify-api 3.18.0 (revision 64, 18 minutes ago) switched its Dockerfile to a slim image installed with `npm ci --omit=dev`, but the service still starts with `node -r ts-node/register/transpile-only src/server.ts` and ts-node is a devDependency. It is no longer in node_modules, so node exits 1 at once with "Cannot find module \'ts-node/register/transpile-only\'" (MODULE_NOT_FOUND) and the new pods crash-loop; three 3.17.1 pods still serve. Fix: compile to JS at build time and start with node dist/server.js (or move ts-node to dependencies), or roll back.',
    ask: { service: 'notify-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notify-api', selector: { app: 'notify-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'notify-redis', selector: { app: 'notify-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 64), 1, 0, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 3, 4, 17.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 64), 2, 1, 17.5),
      ...fresh.flatMap((p, i) => [
        ...startedNormally(p, 'app', image('3.18.0'), 17.5 - i * 0.1),
        ...restartedAgain(p, 'app', image('3.18.0'), { count: 8, firstAgo: 17 - i * 0.1, lastAgo: 1.9 - i * 1.1 }),
        backOff(p, 'app', { count: 74 + i * 2, firstAgo: 17 - i * 0.1 }),
      ]),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'app', { current: '', previous: crashed })),
      logsFor(podOf(app, 0), 'app', { current: lines(`{"level":30,"time":${Date.parse(at(1.4))},"pid":1,"hostname":"${nameOf(podOf(app, 0))}","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":23,"msg":"request completed"}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ts-node|cannot find module|module_not_found|missing module|dev ?dependenc/i],
      facts: [/ts-node/, /omit=dev|devDependenc|dev dependenc|3\.18\.0|revision 64/i],
      never: [/\bOOM/i, /liveness/i, /redis/i, /notify-digest/, /image ?pull/i],
    },
  };
}

// ---- 4. Kafka Streams on an emptyDir state.dir: a Recreate rollout restores every store from scratch --

function kafkaStreamsEmptyDirRestore(): CorpusScenario {
  const ns = 'fraud';
  const { nodes, names } = threeEksNodes('10.0.93', ['17', '150', '222']);
  const image = (v: string) => `${ECR}/fraud/fraud-scorer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '3Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.fraud-msk.x7q2ab.c3.kafka.eu-west-1.amazonaws.com:9094,b-2.fraud-msk.x7q2ab.c3.kafka.eu-west-1.amazonaws.com:9094,b-3.fraud-msk.x7q2ab.c3.kafka.eu-west-1.amazonaws.com:9094' },
        { name: 'STREAMS_APPLICATION_ID', value: 'fraud-scorer' },
        { name: 'STREAMS_STATE_DIR', value: '/var/lib/kafka-streams' },
        { name: 'STREAMS_NUM_STANDBY_REPLICAS', value: '0' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=60' },
      ],
      volumeMounts: [{ name: 'state', mountPath: '/var/lib/kafka-streams' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'state', emptyDir: { sizeLimit: '40Gi' } }],
    terminationGracePeriodSeconds: 60,
  });
  const app = deploymentApp({
    namespace: ns, name: 'fraud-scorer', replicas: 3,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 27, createdAgo: 9 * DAYS, changeCause: 'argocd: fraud-scorer 4.2.0', template: tpl('4.2.0') },
      { revision: 28, createdAgo: 34, changeCause: 'argocd: fraud-scorer 4.2.1', template: tpl('4.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 33 - k * 0.1, containers: { app: running({ sinceAgo: 32.8 - k * 0.1, ready: false }) } })),
  });
  const other = bystander(ns, 'fraud-rules-admin', names, 6 * HOURS, { revisions: [14, 15], versions: ['1.12.0', '1.12.1'], olderAgo: 21 * DAYS });
  const stores = ['txn-aggregates-store', 'card-velocity-store', 'merchant-profile-store'];
  const logOf = (p: k8s.V1Pod, k: number): string => {
    const pod = nameOf(p);
    const client = `fraud-scorer-${['8f1c2a4e', '3b7d90c1', 'c52e7a18'][k] ?? '0'}-5d1e-4c7a-9b0e-2f6a1c8d3e4${k}`;
    const thread = `${client}-StreamThread-1`;
    const ts = (m: number) => at(m).replace('T', ' ').slice(0, 23);
    const out = [
      `${ts(32.7)}  INFO 1 --- [           main] c.a.fraud.FraudScorerApplication         : Starting FraudScorerApplication v4.2.1 using Java 21.0.5 with PID 1`,
      `${ts(32.5)}  INFO 1 --- [           main] o.a.k.s.p.internals.StateDirectory       : stream-client [${client}] Creating local state directory /var/lib/kafka-streams/fraud-scorer`,
      `${ts(32.4)}  INFO 1 --- [           main] org.apache.kafka.streams.KafkaStreams    : stream-client [${client}] State transition from CREATED to REBALANCING`,
      `${ts(32.1)}  INFO 1 --- [-StreamThread-1] o.a.k.s.p.internals.StreamThread         : stream-thread [${thread}] State transition from STARTING to PARTITIONS_ASSIGNED`,
    ];
    for (const [j, store] of stores.entries()) {
      for (const part of [k, k + 3, k + 6]) {
        out.push(`${ts(32 - j * 0.01)}  INFO 1 --- [-StreamThread-1] o.a.k.s.p.i.ProcessorStateManager        : stream-thread [${thread}] task [${j}_${part}] State store ${store} did not find checkpoint offset, hence would default to the starting offset at changelog fraud-scorer-${store}-changelog-${part}`);
      }
    }
    const ends = [61_203_311, 48_977_102, 12_480_550];
    for (let m = 31; m >= 0.5; m -= 3) {
      const frac = (31.5 - m) / 42;
      const parts = stores.map((s, j) => `fraud-scorer-${s}-changelog-${k + 3 * (j % 3)}: position=${Math.round((ends[j] ?? 1) * frac)}, end=${ends[j] ?? 1}, totalRestored=${Math.round((ends[j] ?? 1) * frac)}`);
      out.push(`${ts(m)}  INFO 1 --- [-StreamThread-1] o.a.k.s.p.i.StoreChangelogReader         : stream-thread [${thread}] Restoration in progress for 9 partitions. {${parts.join(', ')}}`);
      out.push(`${ts(m - 0.2)}  INFO 1 --- [-StreamThread-1] o.a.k.s.p.internals.StreamThread         : stream-thread [${thread}] Processed 0 total records, ran 0 punctuators, and committed 0 total tasks since the last update`);
    }
    out.push(`${ts(0.3)}  WARN 1 --- [nio-8080-exec-3] c.a.fraud.health.StreamsHealthIndicator  : readiness DOWN: KafkaStreams state is REBALANCING (pod ${pod})`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout66-kafka-streams-emptydir-full-restore',
    class: 'rollout',
    truth: 'fraud-scorer keeps its Kafka Streams state.dir (/var/lib/kafka-streams) on an emptyDir and runs with a Recreate strategy and no standby replicas. The rollout of 4.2.1 (revision 28, 34 minutes ago; a minor fix, not the cause) replaced all three pods at once, so every new pod starts with an empty state directory ("did not find checkpoint offset") and restores all its stores from the changelog topics from offset 0 — about 40 minutes at this volume. Meanwhile the client stays REBALANCING, readiness returns 503 and the service has no ready endpoint. It will recover when restoration ends; rolling back would restore again. Fix: a persistent state dir (StatefulSet with volumeClaimTemplates), standby replicas, and rolling one pod at a time.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 0, 3, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 0, 33.1),
      ...app.pods.flatMap((p, k) => [
        ...startedNormally(p, 'app', image('4.2.1'), 33 - k * 0.1),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 190 + k * 2, firstAgo: 32.6 - k * 0.1, lastAgo: 0.2 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/restor|changelog|state.?(dir|store)|emptyDir|rebalanc/i],
      facts: [/emptyDir/i, /state\.?dir|\/var\/lib\/kafka-streams|checkpoint/i, /recreate|all (three|3) pods|at once|revision 28|4\.2\.1/i],
      never: [ADVISES_ROLLBACK, /\bOOM/i, /crash ?loop/i, /broker[^\n]*(down|unreachable)/i, /fraud-rules-admin/],
    },
  };
}

// ---- 5. Postfix relay now requires STARTTLS; the app's mailer speaks plain SMTP --------------------

function postfixRequiresStarttls(): CorpusScenario {
  const ns = 'members';
  const { nodes, names } = threeEksNodes('10.0.47', ['30', '161', '244']);
  const relayImage = 'docker.io/boky/postfix:v4.3.0';
  const relayTpl = (checksum: string) => ({
    annotations: { 'checksum/config': checksum },
    containers: [container({
      name: 'postfix', image: relayImage, ports: [{ name: 'smtp', containerPort: 587 }], cpu: '50m', memory: '128Mi',
      env: [{ name: 'ALLOWED_SENDER_DOMAINS', value: 'members.example.com' }, { name: 'RELAYHOST', value: '[email-smtp.eu-west-1.amazonaws.com]:587' }],
      volumeMounts: [{ name: 'config', mountPath: '/etc/postfix/main.cf.d', readOnly: true }, { name: 'tls', mountPath: '/etc/postfix/tls', readOnly: true }],
      readiness: tcpProbe('smtp'), liveness: tcpProbe('smtp', { initialDelaySeconds: 10 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'smtp-relay-config' } }, { name: 'tls', secret: { secretName: 'smtp-relay-tls' } }],
  });
  const relay = deploymentApp({
    namespace: ns, name: 'smtp-relay', replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 64 * DAYS, template: relayTpl('6f0a1c93b2e4d5a7c8b9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5') },
      { revision: 10, createdAgo: 46, template: relayTpl('b81d2e7c4a9f03e6d5c1b8a7f2e9d0c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f809') },
    ],
    pods: [0, 1].map((k) => ({ revision: 10, node: names[k + 1] ?? '', createdAgo: 45.5 - k * 0.6 })),
    settled: { available: true, availableSince: 44.5, progressingSince: 46, progressingUpdatedAgo: 44.5 },
  });
  const relayConfig = configMap({
    namespace: ns, name: 'smtp-relay-config', createdAgo: 64 * DAYS, updatedAgo: 47,
    data: {
      'tls.cf': [
        '# hardening: CIS 4.2 / SEC-1187',
        'smtpd_tls_cert_file = /etc/postfix/tls/tls.crt',
        'smtpd_tls_key_file = /etc/postfix/tls/tls.key',
        'smtpd_tls_security_level = encrypt',
        'smtpd_tls_auth_only = yes',
        'smtpd_tls_mandatory_protocols = >=TLSv1.2',
        'smtp_tls_security_level = encrypt',
        '',
      ].join('\n'),
      'limits.cf': 'message_size_limit = 26214400\nsmtpd_client_connection_rate_limit = 120\n',
    },
  });
  const appImage = (v: string) => `${ECR}/members/member-portal:${v}`;
  const appTpl = (v: string) => ({
    containers: [container({
      image: appImage(v), ports: [8000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'DJANGO_SETTINGS_MODULE', value: 'portal.settings.prod' },
        { name: 'EMAIL_HOST', value: 'smtp-relay.members.svc.cluster.local' },
        { name: 'EMAIL_PORT', value: '587' },
        { name: 'EMAIL_USE_TLS', value: 'false' },
        { name: 'DEFAULT_FROM_EMAIL', value: 'no-reply@members.example.com' },
      ],
      readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'member-portal', replicas: 3,
    revisions: [
      { revision: 117, createdAgo: 9 * DAYS, changeCause: 'argocd: member-portal 2026.11.3', template: appTpl('2026.11.3') },
      { revision: 118, createdAgo: 4 * DAYS, changeCause: 'argocd: member-portal 2026.11.4', template: appTpl('2026.11.4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 118, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 4, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 4 },
  });
  const other = bystander(ns, 'member-search', names, 2 * HOURS, { revisions: [31, 32], versions: ['0.18.2', '0.19.0'], olderAgo: 12 * DAYS });
  const py = (m: number) => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
  const appLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 7; i++) {
      const t = 44 - i * 6.3 - k * 1.1;
      const path = i % 3 === 0 ? '/accounts/signup/' : '/accounts/password/reset/';
      out.push(`10.0.39.${11 + k} - - [${clfTime(t + 0.02)}] "GET /members/dashboard/ HTTP/1.1" 200 18342 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"`);
      out.push(`${py(t)} ERROR django.request Internal Server Error: ${path}`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/.venv/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner');
      out.push('    response = get_response(request)');
      out.push(`  File "/app/portal/accounts/views.py", line ${i % 3 === 0 ? 142 : 211}, in ${i % 3 === 0 ? 'signup' : 'password_reset'}`);
      out.push(`    ${i % 3 === 0 ? 'send_verification_email(user)' : 'form.save(request=request, use_https=True, from_email=settings.DEFAULT_FROM_EMAIL)'}`);
      out.push('  File "/app/.venv/lib/python3.12/site-packages/django/core/mail/backends/smtp.py", line 149, in _send');
      out.push('    self.connection.sendmail(');
      out.push('  File "/usr/local/lib/python3.12/smtplib.py", line 886, in sendmail');
      out.push('    raise SMTPSenderRefused(code, resp, from_addr)');
      out.push("smtplib.SMTPSenderRefused: (530, b'5.7.0 Must issue a STARTTLS command first', 'no-reply@members.example.com')");
      out.push(`10.0.39.${11 + k} - - [${clfTime(t - 0.01)}] "POST ${path} HTTP/1.1" 500 145 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
    }
    return out.join('\n') + '\n';
  };
  const relayLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const out = [
      `${syslogTime(45 - k * 0.6)} ${host} postfix/master[1]: daemon started -- version 3.8.6, configuration /etc/postfix`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 43 - i * 4.2 - k * 0.9;
      const ip = `10.0.47.${90 + ((i + k) % 3) * 17}`;
      const pid = 1200 + i * 37 + k * 11;
      out.push(`${syslogTime(t)} ${host} postfix/smtpd[${pid}]: connect from ${ip.replace(/\./g, '-')}.member-portal.members.svc.cluster.local[${ip}]`);
      out.push(`${syslogTime(t - 0.01)} ${host} postfix/smtpd[${pid}]: disconnect from ${ip.replace(/\./g, '-')}.member-portal.members.svc.cluster.local[${ip}] ehlo=1 mail=0/1 rset=1 quit=1 commands=3/4`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout66-postfix-relay-requires-starttls',
    class: 'network',
    truth: 'The smtp-relay ConfigMap was edited 47 minutes ago (security hardening: smtpd_tls_security_level = encrypt), and the relay rolled to revision 10 a minute later. The relay now refuses MAIL FROM before STARTTLS with "530 5.7.0 Must issue a STARTTLS command first"; member-portal\'s Django mailer connects with EMAIL_USE_TLS=false (plain SMTP), so every signup and password-reset mail fails and those requests return 500. member-portal did not change (revision 118 is four days old). Fix: enable STARTTLS in the app (EMAIL_USE_TLS=true, trusting the relay\'s certificate) or set the relay back to smtpd_tls_security_level = may.',
    ask: { service: 'member-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...relay.objects, ...other.objects, relayConfig,
      ...exposed({ namespace: ns, name: 'member-portal', selector: { app: 'member-portal' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'smtp-relay', selector: { app: 'smtp-relay' }, pods: relay.pods, ports: [{ name: 'smtp', port: 587, targetPort: 'smtp' }], endpointPort: 587 }),
      scaledReplicaSet(deploymentOf(relay), rsOf(relay, 10), 1, 0, 46),
      scaledReplicaSet(deploymentOf(relay), rsOf(relay, 9), 1, 2, 45.3),
      scaledReplicaSet(deploymentOf(relay), rsOf(relay, 10), 2, 1, 45.3),
      scaledReplicaSet(deploymentOf(relay), rsOf(relay, 9), 0, 1, 44.6),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...relay.pods.map((p, k) => logsFor(p, 'postfix', { current: relayLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/STARTTLS|TLS|encrypt/i, /smtp|relay|postfix|mail/i],
      facts: [/smtpd_tls_security_level|encrypt/i, /530|Must issue a STARTTLS/i, /smtp-relay-config|revision 10|EMAIL_USE_TLS/i],
      never: [/member-portal[^\n]*(roll ?back|revision 118)/i, ADVISES_ROLLBACK, /\bOOM/i, /crash ?loop/i, /smtp auth|authentication fail|wrong credentials/i, /member-search/],
    },
  };
}

// ---- 6. IRSA session credentials cap 7-day presigned S3 links at an hour ---------------------------

function irsaPresignedUrlExpiry(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.76', ['25', '131', '240']);
  const image = (v: string) => `${ECR}/media/asset-service:${v}`;
  const common = [
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'ASSET_BUCKET', value: 'acme-prod-customer-exports' },
    { name: 'DOWNLOAD_LINK_TTL', value: '168h' },
  ];
  const staticKeys = [
    { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'asset-service-aws', key: 'access_key_id' } } },
    { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'asset-service-aws', key: 'secret_access_key' } } },
  ];
  const tpl = (v: string, irsa: boolean) => ({
    ...(irsa ? { serviceAccountName: 'asset-service' } : {}),
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: irsa ? common : [...common, ...staticKeys],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'asset-service', replicas: 3,
    revisions: [
      { revision: 55, createdAgo: 19 * DAYS, changeCause: 'argocd: asset-service 1.31.0', template: tpl('1.31.0', false) },
      { revision: 56, createdAgo: 3 * DAYS + 2 * HOURS, changeCause: 'argocd: asset-service 1.31.0 — SEC-2210: IRSA instead of static IAM user keys', template: tpl('1.31.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 3 * DAYS + 2 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 3 * DAYS + 2 * HOURS - 4, progressingSince: 3 * DAYS + 2 * HOURS, progressingUpdatedAgo: 3 * DAYS + 2 * HOURS - 4 },
  });
  const other = bystander(ns, 'thumbnailer', names, 9 * HOURS, { revisions: [22, 23], versions: ['3.0.7', '3.0.8'], olderAgo: 25 * DAYS });
  const credsExpiry = (m: number) => at(m - 60).slice(0, 19) + 'Z';
  const logOf = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 58 - i * 4 - k * 0.9;
      const exp = `EXP-${88000 + i * 13 + k}`;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"presigned download url issued","export_id":"${exp}","bucket":"acme-prod-customer-exports","key":"exports/tenant-${4100 + i}/${exp}.zip","expires_in":"168h0m0s","credential_source":"WebIdentityCredentials","credentials_expire_at":"${credsExpiry(t)}"}`);
      if (i % 2 === 0) {
        out.push(`{"time":"${at(t - 0.4)}","level":"WARN","msg":"download proxy: upstream refused","export_id":"EXP-${87100 + i * 29 + k}","s3_status":400,"s3_code":"ExpiredToken","s3_message":"The provided token has expired.","link_issued_at":"${at(t + 3 * HOURS + i * 17).slice(0, 19)}Z","link_expires_at":"${at(t + 3 * HOURS + i * 17 - 7 * DAYS).slice(0, 19)}Z","client":"203.0.113.${40 + i}"}`);
      }
      if (i % 4 === 1) out.push(`{"time":"${at(t - 0.6)}","level":"WARN","msg":"customer report: download link failed","ticket":"CS-${51200 + i * 3 + k}","export_id":"EXP-${86950 + i * 7}","reported_error":"Request has expired","link_age":"${(2 + i * 0.7).toFixed(1)}h"}`);
      if (i % 3 === 2) out.push(`{"time":"${at(t - 0.8)}","level":"INFO","msg":"download proxy: served","export_id":"EXP-${88000 + (i - 1) * 13 + k}","bytes":${48_000_000 + i * 1_300_000},"link_age":"${(8 + i)}m"}`);
    }
    out.push(`{"time":"${at(14.2 - k)}","level":"INFO","msg":"aws credentials refreshed","credential_source":"WebIdentityCredentials","role_arn":"arn:aws:iam::123456789012:role/prod-asset-service","expires_at":"${credsExpiry(14.2 - k)}"}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout66-irsa-presigned-url-expires-with-session',
    class: 'config',
    truth: 'Three days ago revision 56 of asset-service (SEC-2210) replaced the static IAM user keys with IRSA (serviceAccountName asset-service, web-identity role credentials). S3 presigned URLs signed with temporary credentials stop working when those credentials expire, whatever X-Amz-Expires says; the web-identity session lasts one hour, so the 7-day (168h) export download links die within about an hour and customers get "ExpiredToken"/"Request has expired". Pods are healthy. Fix: sign long-lived links with a long-term credential (a dedicated IAM user kept for signing), or serve downloads through the proxy/CloudFront signed URLs, or shorten the promised link lifetime; reverting to the static keys restores the 7-day links.',
    ask: { service: 'asset-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'asset-service', selector: { app: 'asset-service' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/expir/i, /IRSA|web ?identity|session|temporary (credential|token)|STS|role credential|presign/i],
      facts: [/168h|7 ?days?|X-Amz-Expires|604800/i, /ExpiredToken|token has expired|Request has expired/i, /revision 56|IRSA|web ?identity|static (IAM )?(user )?keys/i],
      never: [/clock (skew|drift)|NTP|time sync/i, /\bOOM/i, /AccessDenied|bucket policy/i, /crash ?loop/i, /thumbnailer/],
    },
  };
}

// ---- 7. Healthy control: nginx buffering large downloads to temp files ---------------------------

function nginxBufferedToTempFileHealthy(): CorpusScenario {
  const ns = 'downloads';
  const { nodes, names } = threeEksNodes('10.0.39', ['14', '128', '203']);
  const nginxImage = 'docker.io/library/nginx:1.27.3-alpine';
  const front = deploymentApp({
    namespace: ns, name: 'dl-frontend', replicas: 3,
    revisions: [{
      revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: dl-frontend nginx 1.27.3',
      template: {
        containers: [container({
          name: 'nginx', image: nginxImage, ports: [8080], cpu: '200m', memory: '256Mi',
          volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }, { name: 'cache', mountPath: '/var/cache/nginx' }],
          readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }),
        })],
        volumes: [{ name: 'conf', configMap: { name: 'dl-frontend-conf' } }, { name: 'cache', emptyDir: { sizeLimit: '20Gi' } }],
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const store = deploymentApp({
    namespace: ns, name: 'release-store', replicas: 2,
    revisions: [{ revision: 8, createdAgo: 26 * DAYS, changeCause: 'argocd: release-store 0.9.4', template: { containers: [container({ image: `${ECR}/downloads/release-store:0.9.4`, ports: [8080], memory: '384Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 8, node: names[k + 1] ?? '', createdAgo: 26 * DAYS - k })),
  });
  const conf = configMap({
    namespace: ns, name: 'dl-frontend-conf', createdAgo: 11 * DAYS,
    data: {
      'default.conf': [
        'upstream release_store { server release-store.downloads.svc.cluster.local:80; keepalive 32; }',
        'server {',
        '  listen 8080;',
        '  server_name downloads.example.com;',
        '  location = /nginx-health { access_log off; return 200 "ok"; }',
        '  location /releases/ {',
        '    proxy_pass http://release_store;',
        '    proxy_http_version 1.1;',
        '    proxy_set_header Connection "";',
        '    proxy_buffers 16 64k;',
        '    proxy_max_temp_file_size 4096m;',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
  });
  const files = ['agent-installer-7.4.2-x86_64.msi', 'agent-7.4.2-linux-amd64.tar.gz', 'sdk-bundle-2026.11.zip', 'agent-7.4.2-arm64.deb', 'offline-docs-2026.11.tar.gz'];
  const storeIp = '172.20.61.118';
  const logOf = (k: number): string => {
    const out: string[] = [];
    let conn = 118_200 + k * 4_001;
    for (let i = 0; i < 18; i++) {
      const t = 30 - i * 1.6 - k * 0.2;
      const f = files[(i + k) % files.length] ?? 'x';
      const client = `10.0.${(i * 7) % 3 === 0 ? 39 : 40}.${20 + ((i * 13 + k) % 200)}`;
      conn += 3 + (i % 5);
      if (i % 2 === 0) {
        out.push(`${ngxTime(t)} [warn] 29#29: *${conn} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${conn % 10}/${(conn >> 4) % 100}/000000${conn} while reading upstream, client: ${client}, server: downloads.example.com, request: "GET /releases/${f} HTTP/1.1", upstream: "http://${storeIp}:80/releases/${f}", host: "downloads.example.com"`);
      }
      out.push(`${client} - - [${clfTime(t - 0.4)}] "GET /releases/${f} HTTP/1.1" 200 ${180_000_000 + ((i * 7_919_111 + k * 104_729) % 900_000_000)} "-" "${i % 3 === 0 ? 'curl/8.5.0' : 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'}" "-"`);
      if (i % 4 === 1) out.push(`${client} - - [${clfTime(t - 0.5)}] "GET /releases/SHA256SUMS HTTP/1.1" 200 612 "-" "curl/8.5.0" "-"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout66-nginx-buffered-temp-file-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong. dl-frontend (nginx 1.27.3, revision 14, eleven days old) proxies large release downloads from release-store; responses bigger than its proxy buffers spill to /var/cache/nginx/proxy_temp, which nginx reports as "[warn] an upstream response is buffered to a temporary file" on every big download. All downloads return 200, all pods are ready and there are no warning events; the warning is expected noise for this workload (tunable with proxy_buffering/proxy_max_temp_file_size if desired).',
    ask: { service: 'dl-frontend', namespace: ns },
    objects: [
      ...nodes, ...front.objects, ...store.objects, conf,
      ...exposed({ namespace: ns, name: 'dl-frontend', selector: { app: 'dl-frontend' }, pods: front.pods }),
      ...exposed({ namespace: ns, name: 'release-store', selector: { app: 'release-store' }, pods: store.pods, clusterIP: storeIp }),
    ],
    logs: [
      ...front.pods.map((p, k) => logsFor(p, 'nginx', { current: logOf(k) })),
      ...store.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(2.1)}","level":"INFO","msg":"GET /releases/agent-7.4.2-linux-amd64.tar.gz","status":200,"bytes":412877312,"dur_ms":9412}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|nothing (wrong|to fix)|all .*ready/i],
      facts: [],
      never: [/temporary file[^\n]*(cause|fail|problem|disk)/i, /disk (full|pressure)|ephemeral.storage/i, ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/i, /release-store[^\n]*(down|fail)/i],
    },
  };
}

export const PART_TWO: readonly CorpusScenario[] = [
  goRsaKexRemoved(),
  jvmCmsOptionJdk21(),
  nodeOmitDevTsNode(),
  kafkaStreamsEmptyDirRestore(),
  postfixRequiresStarttls(),
  irsaPresignedUrlExpiry(),
  nginxBufferedToTempFileHealthy(),
];
