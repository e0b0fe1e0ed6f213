// Held-out stories, sixteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A revision capping the JVM's metaspace at 64m (OutOfMemoryError: Metaspace, exit 1, far from
// the memory limit), a revision turning hostNetwork on so pods collide on :8080 with a host agent
// on one node pool only, an optional Secret key renamed by a rotation (empty DB password), an EBS
// CSI driver whose IAM role lost ec2:CreateVolume (a new Kafka broker's claim stays Pending), a
// rotated TLS Secret without the key a volume's items list, a migration Job whose entrypoint has
// CRLF line endings (StartError 128), an app whose PgBouncer is OOMKilled, then (part2.ts) a node
// whose disk went read-only, an HPA blind for lack of a CPU request, a CronJob whose 10-second
// starting deadline a slow controller keeps missing, a distroless image without the curl its
// readiness probe execs, a NetworkPolicy that lets only the gateway namespace in, and two healthy
// controls: a CronJob with one old failed run, a StatefulSet pod moved by a node upgrade.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, clfTime, configMap, container, crashLoop, daemonSetApp,
  deploymentApp, event, exposed, httpProbe, job, jobEvent, nameOf, probeFailed, pulledFresh, pvc, pyTime, replicaSetOf,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, terminated, volumeOf, waiting,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';
import { PART_TWO, aksNode, bystander, deploymentOf, gkeNode, lines } from './part2.js';

/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [app] [main] logger : msg`. */
const spring = (app: string) => (t: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. a revision caps the JVM's metaspace at 64m -------------------------------------------------

function jvmMetaspaceCapped(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.42');
  const image = `${ECR}/claims/claims-api:6.18.2`;
  const tpl = (opts: string) => ({ containers: [container({
    image, ports: [8080], cpu: '500m', memory: '2Gi',
    env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: opts }],
    readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
    liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 90 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 36, createdAgo: 9 * DAYS, changeCause: 'argocd: claims-api 6.18.2', template: tpl('-XX:MaxRAMPercentage=75.0') },
      { revision: 37, createdAgo: 31, changeCause: 'argocd: claims-api 6.18.2 (platform jvm-defaults v3: cap metaspace)', template: tpl('-XX:MaxRAMPercentage=75.0 -XX:MaxMetaspaceSize=64m') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 36, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 37, node: names[2] ?? '', createdAgo: 30.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 14 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const portal = bystander(ns, 'claims-portal', names, 48);
  const log = spring('claims-api');
  const t0 = 2.45;
  const crash = lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -XX:MaxMetaspaceSize=64m',
    log(t0, 'INFO', 'main', 'c.a.claims.ClaimsApplication', 'Starting ClaimsApplication v6.18.2 using Java 21.0.5 with PID 1 (/app/claims-api.jar started by app in /app)'),
    log(t0 - 0.01, 'INFO', 'main', 'c.a.claims.ClaimsApplication', 'The following 1 profile is active: "prod"'),
    log(t0 - 0.05, 'INFO', 'main', '.s.d.r.c.RepositoryConfigurationDelegate', 'Finished Spring Data repository scanning in 231 ms. Found 38 JPA repository interfaces.'),
    log(t0 - 0.08, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    log(t0 - 0.1, 'INFO', 'main', 'o.hibernate.jpa.internal.util.LogHelper', 'HHH000204: Processing PersistenceUnitInfo [name: default]'),
    log(t0 - 0.11, 'INFO', 'main', 'org.hibernate.Version', 'HHH000412: Hibernate ORM core version 6.5.3.Final'),
    log(t0 - 0.2, 'WARN', 'main', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'entityManagerFactory\' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: Metaspace'),
    log(t0 - 0.21, 'INFO', 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    log(t0 - 0.22, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    '',
    'java.lang.OutOfMemoryError: Metaspace',
    '\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)',
    '\tat java.base/java.lang.ClassLoader.defineClass(ClassLoader.java:1027)',
    '\tat java.base/java.security.SecureClassLoader.defineClass(SecureClassLoader.java:150)',
    '\tat org.springframework.boot.loader.net.protocol.jar.JarUrlClassLoader.defineClass(JarUrlClassLoader.java:171)',
    '\tat org.springframework.boot.loader.launch.LaunchedClassLoader.loadClass(LaunchedClassLoader.java:91)',
    '\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:526)',
    '\tat org.hibernate.bytecode.internal.bytebuddy.ByteBuddyState.load(ByteBuddyState.java:163)',
    '\tat org.hibernate.bytecode.internal.bytebuddy.BasicProxyFactoryImpl.<init>(BasicProxyFactoryImpl.java:44)',
    '\tat org.hibernate.metamodel.internal.EntityRepresentationStrategyPojoStandard.createProxyFactory(EntityRepresentationStrategyPojoStandard.java:202)',
    '\t... 41 common frames omitted',
  );
  return {
    id: 'heldout16-jvm-metaspace-capped-64m',
    class: 'config',
    truth: 'Revision 37 of claims-api (31 minutes ago, same image 6.18.2) took the platform\'s new JVM defaults, which add -XX:MaxMetaspaceSize=64m to JAVA_TOOL_OPTIONS. Spring Boot with Hibernate and 38 JPA repositories needs far more class metadata than 64 MB, so the JVM throws java.lang.OutOfMemoryError: Metaspace while Hibernate generates its proxies, "Application run failed", and the container exits 1 after 14 seconds. It is not an OOM kill: the heap and the container are far from the 2Gi limit. The new pod crash-loops; with maxUnavailable 0 the three revision-36 pods keep serving and the rollout is stuck. Fix: drop the MaxMetaspaceSize cap (or set it to 256m+), i.e. roll back to revision 36 until the defaults are fixed.',
    ask: { service: 'claims-api' },
    objects: [
      ...nodes, ...app.objects, ...portal.objects,
      ...exposed({ namespace: ns, name: 'claims-api', selector: { app: 'claims-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-portal', selector: { app: 'claims-portal' }, pods: portal.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 37), 1, 0, 31),
      scaledReplicaSet(deploymentOf(portal), rsOf(portal, 23), 2, 0, 48),
      ...startedAt(fresh, 'app', image, 30.5),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 30, lastAgo: 2.5 }),
      backOff(fresh, 'app', { count: 131, firstAgo: 29.8 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(log(2, 'INFO', 'nio-8080-exec-4', 'c.a.claims.web.AccessLog', `POST /api/claims 201 38ms (${nameOf(p)})`), log(1, 'INFO', 'nio-8080-exec-9', 'c.a.claims.web.AccessLog', 'GET /api/claims/CLM-2026-118233 200 9ms')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Metaspace/i, /MaxMetaspaceSize|64m/i],
      facts: [/revision 37/, /JAVA_TOOL_OPTIONS/, /exit(ed)?( with)?( code)?:? ?1\b/i],
      never: [/OOMKilled|OOM[- ]?kill/i, /\b137\b/, /(raise|increase|bump) (the )?(container'?s? )?memory (limit|request)/i, /claims-portal/],
    },
  };
}

// ---- 2. hostNetwork: true collides with a host agent on :8080, on one node pool -----------------------

function hostNetworkPortConflict(): CorpusScenario {
  const ns = 'ingest';
  const legacy = ['7kqd', 'mw2z'].map((id, i) => gkeNode({ name: `gke-prod-ew1-default-pool-3f9a1c2e-${id}`, zone: i === 0 ? 'europe-west1-b' : 'europe-west1-c', pool: 'default-pool', createdAgo: 80 * DAYS }));
  const n2d = ['5xhl', 'q9tr'].map((id, i) => gkeNode({ name: `gke-prod-ew1-pool-n2d-6b1d04f7-${id}`, zone: i === 0 ? 'europe-west1-b' : 'europe-west1-d', pool: 'pool-n2d', machine: 'n2d-standard-4', createdAgo: 12 * DAYS }));
  const [l0, l1] = legacy.map(nameOf);
  const [f0, f1] = n2d.map(nameOf);
  const image = 'europe-west1-docker.pkg.dev/acme-prod/ingest/event-collector:5.2.4';
  const tpl = (hostNet: boolean) => ({ containers: [container({
    image, cpu: '500m', memory: '512Mi',
    ports: [hostNet ? { name: 'http', containerPort: 8080, hostPort: 8080 } : 8080],
    env: [{ name: 'PORT', value: '8080' }, { name: 'STATSD_HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } }],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  })] });
  const crash = { app: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 1 }, 10) };
  const app = deploymentApp({
    namespace: ns,
    name: 'event-collector',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 14 * DAYS, changeCause: 'argocd: event-collector 5.2.4', template: tpl(false) },
      { revision: 58, createdAgo: 26, changeCause: 'argocd: event-collector 5.2.4 (hostNetwork: true so the node-local StatsD agent attributes metrics to the node)', template: tpl(true) },
    ],
    pods: [
      { revision: 57, node: l0 ?? '', createdAgo: 14 * DAYS },
      { revision: 58, node: f0 ?? '', createdAgo: 25.8 },
      { revision: 58, node: l1 ?? '', createdAgo: 25.8, containers: crash },
      { revision: 58, node: f1 ?? '', createdAgo: 24.6 },
      { revision: 58, node: l0 ?? '', createdAgo: 24.3, containers: crash },
    ],
  });
  // Revision 58 runs in the node's network namespace: the template says so and the pods' IP is the node's.
  const onHost = (spec: k8s.V1PodSpec | undefined) => { if (spec) Object.assign(spec, { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }); };
  onHost((replicaSetOf(app, 58) as k8s.V1ReplicaSet).spec?.template?.spec);
  onHost((deploymentOf(app) as k8s.V1Deployment).spec?.template?.spec);
  const agent = daemonSetApp({
    namespace: 'monitoring',
    name: 'host-metrics',
    selector: { app: 'host-metrics' },
    pinnedToNodes: true,
    revisions: [{ revision: 3, createdAgo: 200 * DAYS, template: {
      containers: [container({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', args: ['--web.listen-address=:8080', '--path.rootfs=/host', '--collector.textfile.directory=/var/lib/node-exporter'], ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'root', mountPath: '/host', readOnly: true }] })],
      volumes: [{ name: 'root', hostPath: { path: '/', type: '' } }],
      nodeSelector: { 'cloud.google.com/gke-nodepool': 'default-pool' },
    } }],
    pods: legacy.map((n) => ({ revision: 3, node: nameOf(n), createdAgo: 80 * DAYS })),
  });
  const ds = agent.objects[0] as k8s.V1DaemonSet;
  onHost(ds.spec?.template?.spec);
  const hostPods = [...app.pods.slice(1), ...agent.pods];
  for (const p of hostPods) {
    onHost(p.spec);
    if (p.status?.hostIP) Object.assign(p.status, { podIP: p.status.hostIP, podIPs: [{ ip: p.status.hostIP }] });
  }
  // The nodes' InternalIP is what the host-network pods report as theirs.
  for (const n of [...legacy, ...n2d]) {
    const ip = app.pods.find((p) => p.spec?.nodeName === nameOf(n))?.status?.hostIP;
    const addr = n.status?.addresses?.find((a) => a.type === 'InternalIP');
    if (ip && addr) addr.address = ip;
  }
  const crashed = [podOf(app, 2), podOf(app, 4)];
  const pino = (t: number, host: string, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ level: 30, time: Date.parse(at(t)), pid: 1, hostname: host, msg, ...extra });
  const trace = (host: string, t: number) => lines(
    pino(t, host, 'event-collector 5.2.4 starting', { env: 'production', port: 8080 }),
    'node:events:497',
    '      throw er; // Unhandled \'error\' event',
    '      ^',
    '',
    'Error: listen EADDRINUSE: address already in use :::8080',
    '    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
    '    at listenInCluster (node:net:1965:12)',
    '    at Server.listen (node:net:2067:7)',
    '    at Function.listen (/app/node_modules/express/lib/application.js:635:24)',
    '    at Object.<anonymous> (/app/dist/server.js:58:5)',
    '    at Module._compile (node:internal/modules/cjs/loader:1469:14)',
    'Emitted \'error\' event on Server instance at:',
    '    at emitErrorNT (node:net:1944:8)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {',
    '  code: \'EADDRINUSE\',',
    '  errno: -98,',
    '  syscall: \'listen\',',
    '  address: \'::\',',
    '  port: 8080',
    '}',
    '',
    'Node.js v20.18.0',
  );
  return {
    id: 'heldout16-hostnetwork-port-8080-taken-by-host-agent',
    class: 'config',
    truth: `Revision 58 of event-collector (26 minutes ago, same image) set hostNetwork: true so the node-local StatsD agent would attribute its metrics to the node. In the host's network namespace the app binds :8080 on the node itself. On the default-pool nodes (${l0}, ${l1}) the host-metrics DaemonSet (namespace monitoring, a node-exporter run with hostNetwork and --web.listen-address=:8080, no declared port, so the scheduler cannot see the conflict) already listens there: the Node.js process dies at once with "Error: listen EADDRINUSE: address already in use :::8080", exit 1, crash loop. The two revision-58 pods on pool-n2d, where host-metrics does not run, are fine. event-collector serves with 3 of 4 (one revision-57 pod left) and the rollout is stuck. Fix: drop hostNetwork (send StatsD to status.hostIP instead, which already works from the pod network), or move the app or the agent to another port; roll back to revision 57 meanwhile.`,
    ask: { service: 'event-collector' },
    objects: [
      ...legacy, ...n2d, ...app.objects, ...agent.objects,
      ...exposed({ namespace: ns, name: 'event-collector', selector: { app: 'event-collector' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 4, 25.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 1, 25.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 2, 24.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 4, 3, 24.3),
      ...[podOf(app, 1), podOf(app, 3)].flatMap((p, i) => startedAt(p, 'app', image, i === 0 ? 25.8 : 24.6)),
      ...crashed.flatMap((p, k) => [
        ...startedAt(p, 'app', image, k === 0 ? 25.8 : 24.3),
        ...restartedAgain(p, 'app', image, { count: 10, firstAgo: k === 0 ? 25.6 : 24.1, lastAgo: 1.6 }),
        backOff(p, 'app', { count: 118 - 6 * k, firstAgo: k === 0 ? 25.5 : 24 }),
      ]),
    ],
    logs: [
      ...crashed.map((p) => logsFor(p, 'app', { previous: trace(p.spec?.nodeName ?? '', 1.62), current: trace(p.spec?.nodeName ?? '', 1.62) })),
      ...[podOf(app, 0), podOf(app, 1), podOf(app, 3)].map((p) => logsFor(p, 'app', { current: lines(pino(2, p.spec?.hostNetwork ? (p.spec?.nodeName ?? '') : nameOf(p), 'batch accepted', { events: 500, ms: 12 }), pino(0.5, p.spec?.hostNetwork ? (p.spec?.nodeName ?? '') : nameOf(p), 'batch accepted', { events: 500, ms: 9 })) })),
      ...agent.pods.map((p) => logsFor(p, 'node-exporter', { current: lines(`ts=${at(80 * DAYS - 0.1)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`, `ts=${at(80 * DAYS - 0.1)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:8080`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/hostNetwork|host network/i, /8080/],
      facts: [/EADDRINUSE|address already in use/, /host-metrics|node-exporter/, /default-pool/, /revision 58/],
      never: [/\bOOM/, /ImagePull/, /node[^\n]*(NotReady|unreachable|pressure)/i, /liveness probe fail/i],
    },
  };
}

// ---- 3. an optional Secret key renamed by a rotation: the app starts with an empty DB password ---------

function optionalSecretKeyRenamed(): CorpusScenario {
  const ns = 'billing';
  const nodes = [3, 4, 7].map((i, k) => aksNode({ pool: 'apps', vmss: '31826402', index: i, zone: `westeurope-${k + 1}` }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `acmebilling.azurecr.io/billing/billing-api:${v}`;
  const env: k8s.V1EnvVar[] = [
    { name: 'DB_HOST', value: 'billing-pg.postgres.database.azure.com' },
    { name: 'DB_NAME', value: 'billing' },
    { name: 'DB_USER', value: 'billing' },
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-postgres', key: 'password', optional: true } } },
    { name: 'DB_SSLMODE', value: 'require' },
  ];
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '256Mi', env, readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 89, createdAgo: 3 * DAYS, changeCause: 'argocd: billing-api 2.13.1', template: tpl('2.13.1') },
      { revision: 90, createdAgo: 34, changeCause: 'argocd: billing-api 2.14.0', template: tpl('2.14.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
      { revision: 90, node: names[1] ?? '', createdAgo: 33.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 3 }, 11) } },
    ],
  });
  const fresh = podOf(app, 3);
  const renderer = bystander(ns, 'invoice-renderer', names, 20);
  const eso = event({ on: { kind: 'ExternalSecret', name: 'billing-postgres', namespace: ns }, type: 'Normal', reason: 'Updated', message: 'Updated Secret', firstAgo: 52, lastAgo: 52, component: 'external-secrets' });
  eso.involvedObject.apiVersion = 'external-secrets.io/v1beta1';
  const slog = (t: number, level: string, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ time: at(t), level, msg, ...extra });
  const pgErr = 'failed to connect to `user=billing database=billing`: 10.40.2.4:5432 (billing-pg.postgres.database.azure.com): failed SASL auth: FATAL: password authentication failed for user "billing" (SQLSTATE 28P01)';
  const crash = lines(
    slog(1.35, 'INFO', 'starting billing-api', { version: '2.14.0', commit: '9f2c1ab' }),
    slog(1.35, 'WARN', 'DB_PASSWORD is empty'),
    slog(1.33, 'ERROR', 'connect to database', { host: 'billing-pg.postgres.database.azure.com', error: pgErr }),
    slog(1.3, 'ERROR', 'exiting', { error: `database: ping: ${pgErr}` }),
  );
  return {
    id: 'heldout16-optional-secret-key-renamed-empty-db-password',
    class: 'config',
    truth: 'Fifty-two minutes ago the billing-postgres Secret was re-created by its new ExternalSecret template, which names the password key DB_PASSWORD instead of password (same password value). billing-api reads DB_PASSWORD from secretKeyRef billing-postgres/password with optional: true, so for every container started since, the kubelet silently leaves the variable unset instead of failing: the app starts with an empty password ("DB_PASSWORD is empty") and PostgreSQL rejects it (FATAL: password authentication failed for user "billing", SQLSTATE 28P01), exit 1, crash loop. The three revision-89 pods started three days ago still hold the password in their environment and serve; the revision-90 rollout (billing-api 2.14.0, same env) only created the first new pod, and rolling back would not help: any new pod of either revision fails the same way. The database is fine. Fix: point the secretKeyRef at key DB_PASSWORD (or restore the key password), and drop optional: true so a missing key fails loudly (CreateContainerConfigError).',
    ask: { service: 'billing-api' },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      eso,
      scaledReplicaSet(deploymentOf(app), rsOf(app, 90), 1, 0, 34),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 23), 2, 0, 20),
      ...pulledFresh(fresh, 'app', image('2.14.0'), { atAgo: 33.5, bytes: 24117802, seconds: 1.7 }),
      ...restartedAgain(fresh, 'app', image('2.14.0'), { count: 11, firstAgo: 33.3, lastAgo: 1.35 }),
      backOff(fresh, 'app', { count: 148, firstAgo: 33 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(slog(2, 'INFO', 'request', { method: 'POST', path: '/v1/invoices', status: 201, ms: 23, pod: nameOf(p) }), slog(0.7, 'INFO', 'request', { method: 'GET', path: '/v1/accounts/ACC-55120/balance', status: 200, ms: 6 })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing-postgres/, /password/i],
      facts: [/optional/i, /DB_PASSWORD/, /28P01|password authentication failed/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(postgres(ql)?|database|billing-pg)[^\n]*\b(down|unreachable|outage)\b/i, /secret[^\n]*not found/i, /invoice-renderer/],
    },
  };
}

// ---- 4. the EBS CSI driver's IAM role lost ec2:CreateVolume: a new broker's claim stays Pending -----------

function ebsCsiUnauthorizedPvcPending(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.93', ['24', '140', '201']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = 'docker.io/bitnami/kafka:3.8.1';
  const claim = 'data-kafka-3';
  const volume = volumeOf(ns, claim);
  const bindMsg = `running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "${claim}"`;
  const app = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 4,
    serviceName: 'kafka-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 7, createdAgo: 40 * DAYS, template: { containers: [container({
      name: 'kafka', image, cpu: '2', memory: '8Gi',
      ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }],
      env: [{ name: 'KAFKA_CFG_PROCESS_ROLES', value: 'controller,broker' }, { name: 'KAFKA_HEAP_OPTS', value: '-Xmx4g -Xms4g' }],
      readiness: tcpProbe(9092, { initialDelaySeconds: 10 }), liveness: tcpProbe(9092, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })] } }],
    pods: [
      ...[0, 1, 2].map((i) => ({ revision: 7, ordinal: i, node: names[i] ?? '', createdAgo: 40 * DAYS - i })),
      { revision: 7, ordinal: 3, createdAgo: 38, unschedulable: bindMsg },
    ],
  });
  const pending = podOf(app, 3);
  const cond = pending.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (cond) cond.reason = 'SchedulerError';
  const sts = app.objects[0] ?? {};
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 40 * DAYS - i, labels: { app: 'kafka' } }));
  const pendingClaim = pvc({
    namespace: ns, name: claim, storage: '500Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 38, labels: { app: 'kafka' },
    annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/selected-node': names[0] ?? '' },
  });
  const provisioner = 'ebs.csi.aws.com_ebs-csi-controller-6f8d9b7c4-x2x9l_5b0e7d1a-93c2-4f7e-a0b1-c6d8e2f41a77';
  const denied = `failed to provision volume with StorageClass "gp3": rpc error: code = Internal desc = Could not create volume "${volume}": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 403, RequestID: 8f1c2d4e-7a9b-4c3d-b5e6-0f1a2b3c4d5e, api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/eks-prod-ebs-csi-driver/1732151640117982381 is not authorized to perform: ec2:CreateVolume on resource: arn:aws:ec2:eu-west-1:123456789012:volume/* because no identity-based policy allows the ec2:CreateVolume action. Encoded authorization failure message: 9Kq1vX3-b7mFZr0c…`;
  const csi = deploymentApp({
    namespace: 'kube-system',
    name: 'ebs-csi-controller',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { serviceAccountName: 'ebs-csi-controller-sa', containers: [
      container({ name: 'ebs-plugin', image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.37.0', args: ['controller', '--endpoint=$(CSI_ENDPOINT)', '--batching=true', '--logging-format=text', '--v=2'], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 10, timeoutSeconds: 3, failureThreshold: 5 }) }),
      container({ name: 'csi-provisioner', image: 'public.ecr.aws/eks-distro/kubernetes-csi/external-provisioner:v5.1.0-eks-1-31-7', args: ['--timeout=60s', '--csi-address=$(ADDRESS)', '--v=2', '--feature-gates=Topology=true', '--extra-create-metadata', '--leader-election=true', '--default-fstype=ext4'], ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: null }),
    ] } }],
    pods: [{ revision: 4, node: names[1] ?? '', createdAgo: 21 * DAYS }, { revision: 4, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const klog = (t: number, sev: 'I' | 'W' | 'E', src: string, msg: string) => `${sev}${at(t).slice(5, 7)}${at(t).slice(8, 10)} ${at(t).slice(11, 23)}000       1 ${src}] ${msg}`;
  const kafka = (t: number, msg: string) => `[${pyTime(t)}] ${msg}`;
  return {
    id: 'heldout16-ebs-csi-unauthorized-kafka-claim-pending',
    class: 'storage',
    truth: `Thirty-eight minutes ago the platform team scaled the kafka StatefulSet from 3 to 4 brokers. The new broker's claim ${claim} (StorageClass gp3, WaitForFirstConsumer) cannot be provisioned: the EBS CSI driver's IAM role (eks-prod-ebs-csi-driver) no longer allows ec2:CreateVolume since a Terraform change replaced its managed policy, so every attempt fails with ProvisioningFailed "… UnauthorizedOperation: You are not authorized to perform this operation …". The claim stays Pending and kafka-3 stays Pending (the scheduler's PreBind: "provisioning failed for PVC ${claim}"). kafka-0..2 and their existing volumes are fine: 3/4 brokers serve. Not a capacity, zone or quota problem. Fix: restore ec2:CreateVolume (and the rest of AmazonEBSCSIDriverPolicy) on the driver's role; the provisioner retries by itself.`,
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...claims, pendingClaim, ...csi.objects,
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: app.pods, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: app.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim ${claim} Pod kafka-3 in StatefulSet kafka success`, firstAgo: 38, component: 'statefulset-controller' }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-3 in StatefulSet kafka successful', firstAgo: 38, component: 'statefulset-controller' }),
      event({ on: pendingClaim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 38, component: 'persistentvolume-controller' }),
      event({ on: pendingClaim, type: 'Normal', reason: 'ExternalProvisioning', message: 'Waiting for a volume to be created either by the external provisioner \'ebs.csi.aws.com\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.', count: 153, firstAgo: 37.9, lastAgo: 0.1, component: 'persistentvolume-controller' }),
      event({ on: pendingClaim, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claim}"`, count: 15, firstAgo: 37.9, lastAgo: 2.4, component: provisioner }),
      event({ on: pendingClaim, reason: 'ProvisioningFailed', message: denied, count: 15, firstAgo: 37.8, lastAgo: 2.4, component: provisioner }),
      event({ on: pending, reason: 'FailedScheduling', message: bindMsg, count: 15, firstAgo: 37.8, lastAgo: 2.3, component: 'default-scheduler' }),
    ],
    logs: [
      logsFor(podOf(csi, 0), 'csi-provisioner', { current: lines(
        klog(2.45, 'I', 'controller.go:1366', `provision "${ns}/${claim}" class "gp3": started`),
        klog(2.4, 'W', 'controller.go:989', `Retrying syncing claim "${pendingClaim.metadata?.uid ?? ''}", failure 14`),
        klog(2.4, 'E', 'controller.go:1007', `error syncing claim "${pendingClaim.metadata?.uid ?? ''}": ${denied}`),
      ) }),
      logsFor(podOf(csi, 0), 'ebs-plugin', { current: lines(klog(2.41, 'E', 'driver.go:108', `"GRPC error" err="rpc error: code = Internal desc = Could not create volume \\"${volume}\\": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 403, api error UnauthorizedOperation: You are not authorized to perform this operation."`)) }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'kafka', { current: lines(kafka(3, `INFO [ReplicaManager broker=${i}] Partition orders.v1-${i * 4} ISR is [0,1,2] (kafka.cluster.Partition)`), kafka(1, `INFO [BrokerLifecycleManager id=${i}] Broker ${i} is heartbeating, epoch 1184 (kafka.server.BrokerLifecycleManager)`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnauthorizedOperation|not authori[sz]ed|ec2:CreateVolume|IAM|permission/i, /data-kafka-3|kafka-3/],
      facts: [/gp3/, /ebs\.csi\.aws\.com|EBS CSI/i, /ProvisioningFailed|provision/i, /3\/4|3 of (the )?4|three of (the )?four/i],
      never: [/Insufficient (cpu|memory)|add (more )?nodes|scale (up )?the node ?group/i, /Multi-Attach/i, /\bOOM/, /VolumeLimitExceeded|volume (limit|quota) exceeded/i, /volume node affinity conflict|zone[^\n]*(mismatch|conflict)/i],
    },
  };
}

// ---- 5. a rotated TLS Secret no longer has the key a Secret volume's items list ------------------------

function tlsSecretItemsMissingKey(): CorpusScenario {
  const ns = 'partners';
  const nodes = ['zt8c', 'f2kd', 'n5rw'].map((id, i) => gkeNode({ name: `gke-partners-prod-pool-1-9e3b7a21-${id}`, zone: `europe-west4-${['a', 'b', 'c'][i] ?? 'a'}`, pool: 'pool-1', machine: 'e2-standard-8' }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-partners/gateway/partner-gateway:${v}`;
  const https = (path: string, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe => ({ httpGet: { path, port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3, ...extra });
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'https', containerPort: 8443 }], memory: '768Mi',
      command: ['bundle', 'exec', 'puma', '-b', 'ssl://0.0.0.0:8443?key=/etc/partner-tls/tls.key&cert=/etc/partner-tls/tls.crt&verify_mode=peer&ca=/etc/partner-tls/ca.crt'],
      readiness: https('/up'), liveness: https('/up', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'tls', mountPath: '/etc/partner-tls', readOnly: true }, { name: 'partner-ca', mountPath: '/etc/partner-tls/ca.crt', subPath: 'ca.crt', readOnly: true }],
    })],
    volumes: [
      { name: 'tls', secret: { secretName: 'partner-gateway-tls', defaultMode: 288, items: [{ key: 'tls.crt', path: 'tls.crt' }, { key: 'tls.key', path: 'tls.key' }] } },
      { name: 'partner-ca', configMap: { name: 'partner-ca-bundle', defaultMode: 420 } },
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-gateway',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 211, createdAgo: 8 * DAYS, changeCause: 'argocd: partner-gateway 4.7.2', template: tpl('4.7.2') },
      { revision: 212, createdAgo: 24, changeCause: 'argocd: partner-gateway 4.8.0', template: tpl('4.8.0') },
    ],
    pods: [
      ...[0, 1, 2, 0].map((k, i) => ({ revision: 211, node: names[k] ?? '', createdAgo: 8 * DAYS - i })),
      { revision: 212, node: names[1] ?? '', createdAgo: 23.5, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const fresh = podOf(app, 4);
  const mount = 'MountVolume.SetUp failed for volume "tls" : references non-existent secret key: tls.key';
  const sla = deploymentApp({ namespace: ns, name: 'partner-sla-monitor', replicas: 1, revisions: [{ revision: 12, createdAgo: 30 * DAYS, template: { containers: [container({ image: image('0.9.1').replace('partner-gateway', 'partner-sla-monitor'), ports: [9090] })] } }], pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 30 * DAYS }] });
  const puma = (p: k8s.V1Pod, t: number) => `${ipOfPod(p).replace(/\.\d+$/, '.1')} - - [${clfTime(t)}] "POST /v2/partner/orders HTTP/1.1" 201 312 0.0412`;
  return {
    id: 'heldout16-tls-secret-rotated-items-key-missing',
    class: 'storage',
    truth: 'About an hour ago the partner-gateway-tls Secret was rotated with a new certificate by a script that stored the private key under tls-key.pem instead of tls.key. partner-gateway mounts that Secret through a volume whose items list tls.crt and tls.key, so the kubelet cannot set the volume up: "MountVolume.SetUp failed for volume "tls" : references non-existent secret key: tls.key". The revision-212 pod (partner-gateway 4.8.0, an unrelated release) has been stuck in ContainerCreating for 23 minutes; the four revision-211 pods started days ago keep serving with the files they already have (their remounts fail the same way) and the rollout is stuck. Any new pod of either revision would hang the same way, so rolling back does not help. Fix: put the key back under tls.key (re-run the rotation with the right key name, or kubectl create secret tls), then the pod starts by itself.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sla.objects,
      configMap({ namespace: ns, name: 'partner-ca-bundle', createdAgo: 200 * DAYS, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIUd3… (Acme Partner Root CA 2024)\n-----END CERTIFICATE-----\n' } }),
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 212), 1, 0, 24),
      scheduled(fresh, 23.5),
      event({ on: fresh, reason: 'FailedMount', message: mount, count: 19, firstAgo: 23.4, lastAgo: 0.9 }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[tls], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 10, firstAgo: 21.4, lastAgo: 1.3 }),
      ...app.pods.slice(0, 4).map((p, i) => event({ on: p, reason: 'FailedMount', message: mount, count: 41 - i, firstAgo: 58 - i * 0.3, lastAgo: 0.6 + i * 0.2 })),
    ],
    logs: app.pods.slice(0, 4).map((p) => logsFor(p, 'app', { current: lines(puma(p, 2), puma(p, 0.8)) })),
    expect: {
      verdict: 'problems',
      headline: [/tls\.key/, /partner-gateway-tls|secret/i],
      facts: [/partner-gateway-tls/, /FailedMount|MountVolume\.SetUp|ContainerCreating/, /items/i],
      never: [ADVISES_ROLLBACK, /secret "?partner-gateway-tls"? (is )?(not found|does not exist)/i, /\bOOM/, /ImagePull/, /certificate[^\n]*expired/i],
    },
  };
}

// ---- 6. a migration Job whose entrypoint was committed with CRLF line endings ----------------------------

function jobEntrypointCrlf(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.66');
  const image = `${ECR}/catalog/catalog-migrations:5.2.0`;
  const runc = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /app/run.sh: no such file or directory: unknown';
  const starts = [19, 18.8, 18.4, 17.7];
  const migrate = job({
    namespace: ns,
    name: 'catalog-db-migrate',
    backoffLimit: 3,
    createdAgo: 19,
    template: { containers: [batchContainer({ name: 'migrate', image, command: ['/app/run.sh'], args: ['up'], cpu: '200m', memory: '256Mi', env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'catalog-db', key: 'url' } } }] })] },
    pods: starts.map((s, i) => ({ node: names[i % 3] ?? '', phase: 'Failed' as const, createdAgo: s, containers: { migrate: terminated({ exitCode: 128, reason: 'StartError', message: runc, finishedAgo: s - 0.05, ranSeconds: 0 }) } })),
    outcome: { failed: 'BackoffLimitExceeded', ago: 17.6 },
  });
  const jobObj = migrate.objects[0] as k8s.V1Job;
  jobObj.metadata = {
    ...jobObj.metadata,
    labels: { ...jobObj.metadata?.labels, 'app.kubernetes.io/instance': 'catalog', 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/version': '5.2.0', 'helm.sh/chart': 'catalog-5.2.0' },
    annotations: { 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation', 'helm.sh/hook-weight': '-5' },
  };
  // A container that never started: the runtime reports the epoch as its start.
  for (const p of migrate.pods) {
    const t = p.status?.containerStatuses?.[0]?.state?.terminated;
    if (t) t.startedAt = new Date(0);
  }
  const catalog = deploymentApp({
    namespace: ns,
    name: 'catalog',
    replicas: 3,
    revisions: [{ revision: 31, createdAgo: 6 * DAYS, changeCause: 'helm upgrade catalog 5.1.3', template: { containers: [container({ image: `${ECR}/catalog/catalog:5.1.3`, ports: [8080], memory: '1Gi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 6 * DAYS })),
  });
  const search = bystander(ns, 'catalog-search', names, 35);
  return {
    id: 'heldout16-job-entrypoint-crlf-shebang-starterror',
    class: 'jobs',
    truth: 'The pre-upgrade hook Job catalog-db-migrate of the catalog 5.2.0 Helm release runs /app/run.sh from the new migrations image. That script was re-saved on Windows with CRLF line endings, so its first line is "#!/bin/sh\\r": the kernel looks for an interpreter called "/bin/sh\\r", execve fails with ENOENT and runc reports "exec /app/run.sh: no such file or directory" although /app/run.sh is in the image (runc found it: a missing file reads `exec: "/app/run.sh": stat … no such file or directory`). Each of the four attempts failed at start (StartError, exit 128, no output), the Job hit backoffLimit 3 (BackoffLimitExceeded) and the Helm upgrade is blocked; catalog keeps running 5.1.3, the database was never touched. Fix: convert run.sh to LF (dos2unix, .gitattributes `*.sh text eol=lf`), rebuild the image and re-run the upgrade.',
    ask: { service: 'catalog-db-migrate', namespace: ns },
    objects: [
      ...nodes, ...migrate.objects, ...catalog.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'catalog', selector: { app: 'catalog' }, pods: catalog.pods }),
      ...migrate.pods.map((p, i) => jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, starts[i] ?? 19)),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 17.6, 'Warning'),
      ...migrate.pods.flatMap((p, i) => {
        const s = starts[i] ?? 19;
        const fieldPath = 'spec.containers{migrate}';
        return [
          ...(i === 0 ? pulledFresh(p, 'migrate', image, { atAgo: s, bytes: 38211047, seconds: 2.4 }) : [scheduled(p, s), event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: s - 0.02, fieldPath })]),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container migrate', firstAgo: s - 0.04, fieldPath }),
          event({ on: p, reason: 'Failed', message: `Error: ${runc}`, firstAgo: s - 0.05, fieldPath }),
        ];
      }),
    ],
    logs: migrate.pods.map((p) => logsFor(p, 'migrate', { current: '' })),
    expect: {
      verdict: 'problems',
      headline: [/run\.sh/, /CRLF|line.?endings?|\\r|carriage return|shebang|interpreter/i],
      facts: [/StartError|\b128\b/, /no such file or directory/, /BackoffLimitExceeded|backoff ?limit/i],
      never: [/\bOOM/, /ImagePull/, /(missing|absent) (from|in) the image|not (in|present in|included in) the image/i, /activeDeadlineSeconds|DeadlineExceeded/, /database[^\n]*(down|unreachable|refus)/i],
    },
  };
}

// ---- 7. the app's PgBouncer is OOMKilled again and again ------------------------------------------------

function pgbouncerOomKilled(): CorpusScenario {
  const ns = 'fulfillment';
  const nodes = [0, 1, 2].map((i) => aksNode({ pool: 'general', vmss: '27041855', index: i, zone: `westeurope-${i + 1}` }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `acmefulfil.azurecr.io/fulfillment/shipment-api:${v}`;
  const dbUrl = 'postgres://shipment_api@pgbouncer.fulfillment.svc.cluster.local:6432/shipments?sslmode=disable';
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8000], memory: '1Gi',
    command: ['gunicorn'], args: ['shipments.wsgi', '--bind', '0.0.0.0:8000', '--workers', '4', '--access-logfile', '-'],
    env: [{ name: 'DATABASE_URL', value: dbUrl }, { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'shipment-api-db', key: 'password' } } }, { name: 'DJANGO_SETTINGS_MODULE', value: 'shipments.settings.prod' }],
    readiness: httpProbe('/healthz/', 8000), liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 15 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 5 * DAYS, changeCause: 'argocd: shipment-api 7.3.2', template: tpl('7.3.2') },
      { revision: 64, createdAgo: 58, changeCause: 'argocd: shipment-api 7.4.0', template: tpl('7.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 57.5 - k * 0.6 })),
  });
  const bouncerImage = 'docker.io/bitnami/pgbouncer:1.23.1';
  const bouncerTpl = (memory: string) => ({ containers: [container({ name: 'pgbouncer', image: bouncerImage, ports: [{ name: 'pgbouncer', containerPort: 6432 }], cpu: '100m', memory, readiness: tcpProbe(6432), liveness: tcpProbe(6432, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'config', mountPath: '/bitnami/pgbouncer/conf' }] })], volumes: [{ name: 'config', configMap: { name: 'pgbouncer-config' } }] });
  const bouncer = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 30 * DAYS, changeCause: 'argocd: pgbouncer 1.23.1', template: bouncerTpl('256Mi') },
      { revision: 9, createdAgo: 4 * HOURS + 5, changeCause: 'argocd: pgbouncer resources right-sized from VPA recommendation (memory 256Mi -> 48Mi)', template: bouncerTpl('48Mi') },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 4 * HOURS + 4, containers: { pgbouncer: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.1, ranSeconds: 420 }, 12) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 4 * HOURS + 3, containers: { pgbouncer: running({ sinceAgo: 3.2, restarts: 10, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3.25, ranSeconds: 610 } }) } },
    ],
    settled: { available: true, availableSince: 4 * HOURS, progressingSince: 4 * HOURS + 4 },
  });
  const [b0, b1] = [podOf(bouncer, 0), podOf(bouncer, 1)];
  const pgb = (t: number, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')} UTC [1] LOG ${msg}`;
  const boot = (t: number) => [
    pgb(t, 'kernel file descriptor limit: 1048576 (hard: 1048576); max_client_conn: 2000, max expected fd use: 2052'),
    pgb(t, 'listening on 0.0.0.0:6432'),
    pgb(t, 'listening on unix:/tmp/.s.PGSQL.6432'),
    pgb(t, 'process up: PgBouncer 1.23.1, libevent 2.1.12-stable (epoll), adns: c-ares 1.19.1, tls: OpenSSL 3.0.15 3 Sep 2024'),
  ];
  const stats = (t: number, xacts: number) => pgb(t, `stats: ${xacts} xacts/s, ${xacts * 4} queries/s, 0 client parallelism, in 498211 B/s, out 2318840 B/s, xact 3311 us, query 702 us, wait 51230 us`);
  const closed = [
    'psycopg2.OperationalError: server closed the connection unexpectedly',
    '\tThis probably means the server terminated abnormally',
    '\tbefore or while processing the request.',
  ];
  const djangoErr = (t: number, path: string, tail: string[]) => [
    `${pyTime(t)} ERROR django.request: Internal Server Error: ${path}`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
    '    return self.cursor.execute(sql, params)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    ...tail,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    `django.db.utils.${(tail[0] ?? '').replace('psycopg2.', '')}`,
    ...tail.slice(1),
  ];
  const refused = [
    'psycopg2.OperationalError: connection to server at "pgbouncer.fulfillment.svc.cluster.local" (172.20.41.9), port 6432 failed: Connection refused',
    '\tIs the server running on that host and accepting TCP/IP connections?',
  ];
  const access = (p: k8s.V1Pod, t: number, path: string, status: number) => `10.0.${nameOf(p).length}.17 - - [${clfTime(t)}] "GET ${path} HTTP/1.1" ${status} ${status === 200 ? 2211 : 145} "-" "carrier-sync/2.1"`;
  const appLog = (p: k8s.V1Pod) => lines(
    ...djangoErr(3.26, '/api/v2/shipments/SHP-88412/labels', closed),
    access(p, 3.26, '/api/v2/shipments/SHP-88412/labels', 500),
    ...djangoErr(1.12, '/api/v2/shipments?status=in_transit', refused),
    access(p, 1.12, '/api/v2/shipments?status=in_transit', 500),
    access(p, 0.5, '/api/v2/shipments/SHP-88419', 200),
  );
  const ini = [
    '[databases]', 'shipments = host=fulfillment-pg.postgres.database.azure.com port=5432 dbname=shipments', '',
    '[pgbouncer]', 'listen_addr = 0.0.0.0', 'listen_port = 6432', 'auth_type = scram-sha-256', 'pool_mode = transaction',
    'max_client_conn = 2000', 'default_pool_size = 40', 'pkt_buf = 8192', 'stats_period = 60', '',
  ].join('\n');
  return {
    id: 'heldout16-pgbouncer-oomkilled-app-db-errors',
    class: 'containers',
    truth: 'shipment-api\'s DATABASE_URL points at pgbouncer:6432, the PgBouncer Deployment of the same namespace. Revision 9 of pgbouncer (four hours ago) lowered its memory limit from 256Mi to 48Mi on a VPA recommendation taken at a quiet time; since the nightly carrier-sync traffic started 95 minutes ago, with up to 2000 client connections and 8 KB packet buffers each, both pgbouncer pods are OOMKilled (exit 137) every few minutes (12 and 10 restarts, one in CrashLoopBackOff). Each kill cuts every pooled connection: shipment-api\'s pods stay Running and Ready but log "server closed the connection unexpectedly" and, while no pgbouncer is up, "Connection refused" on port 6432, and answer 500. shipment-api\'s own rollout (revision 64, 58 minutes ago) came after the first kills and is not the cause; PostgreSQL itself is fine. Fix: give pgbouncer its memory back (256Mi, i.e. roll pgbouncer back to revision 8) and keep the VPA in recommendation mode.',
    ask: { service: 'shipment-api' },
    objects: [
      ...nodes, ...app.objects, ...bouncer.objects,
      configMap({ namespace: ns, name: 'pgbouncer-config', createdAgo: 30 * DAYS, data: { 'pgbouncer.ini': ini } }),
      ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, pods: bouncer.pods, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 6432 }], endpointPort: 6432, clusterIP: '172.20.41.9' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 64), 3, 0, 58),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 0, 3, 56.2),
      ...app.pods.flatMap((p, k) => pulledFresh(p, 'app', image('7.4.0'), { atAgo: 57.5 - k * 0.6, bytes: 212334871, seconds: 4.8 })),
      ...restartedAgain(b0, 'pgbouncer', bouncerImage, { count: 12, firstAgo: 95, lastAgo: 8.1 }),
      backOff(b0, 'pgbouncer', { count: 37, firstAgo: 71, lastAgo: 0.4 }),
      ...restartedAgain(b1, 'pgbouncer', bouncerImage, { count: 10, firstAgo: 93, lastAgo: 3.2 }),
      backOff(b1, 'pgbouncer', { count: 19, firstAgo: 68, lastAgo: 3.3 }),
      probeFailed(b1, 'pgbouncer', 'Readiness', `dial tcp ${ipOfPod(b1)}:6432: connect: connection refused`, { count: 6, firstAgo: 40, lastAgo: 3.2 }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: appLog(p) })),
      logsFor(b0, 'pgbouncer', { previous: lines(...boot(8.1), stats(7.1, 402), stats(6.1, 417), stats(2.1, 431)), current: lines(...boot(8.1), stats(7.1, 402), stats(6.1, 417), stats(2.1, 431)) }),
      logsFor(b1, 'pgbouncer', { current: lines(...boot(3.18), stats(2.18, 388), stats(1.18, 409), stats(0.18, 426)), previous: lines(...boot(13.4), stats(12.4, 396), stats(5.4, 428), stats(4.4, 433)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pgbouncer/i, /OOMKilled|\bOOM|\b137\b|out of memory/i],
      facts: [/48Mi/, /6432/, /server closed the connection unexpectedly|Connection refused/i],
      never: [/roll(ing)? ?back (shipment-api|to revision 63)|shipment-api[^\n]*(rollout undo|undo the rollout)|revision 64[^\n]*(caused|broke|introduced)/i, /(postgres(ql)?|azure database)[^\n]*\b(down|outage|crashed)\b/i, /shipment-api (pods )?(is |are )?(OOMKilled|crash-?looping)/i],
    },
  };
}

export const HOLDOUT_16_SCENARIOS: CorpusScenario[] = [
  jvmMetaspaceCapped(),
  hostNetworkPortConflict(),
  optionalSecretKeyRenamed(),
  ebsCsiUnauthorizedPvcPending(),
  tlsSecretItemsMissingKey(),
  jobEntrypointCrlf(),
  pgbouncerOomKilled(),
  ...PART_TWO,
];

