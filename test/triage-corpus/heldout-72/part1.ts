// Held-out stories, seventy-second round, part one: written without reading the analysis code.
//
// An application.properties saved with Windows line endings (a numeric value ending in "\r"), a new
// node image whose containerd points at a dead pull-through mirror, a nightly reconciliation whose
// MongoDB cursor idles out between batches, a service rebuilt on an OpenSSL 3 base image that can no
// longer talk to a legacy bank endpoint, a Longhorn volume whose only replica failed on a full disk,
// a raw Block claim mounted as a filesystem, and a healthy Java 11 service printing the JDK's
// illegal-reflective-access warning at start-up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, ECR, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, daemonSetApp, deploymentApp, event,
  exposed, hpa, httpProbe, jobEvent, cronJobEvent, nameOf, node, pv, pvc, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, statefulSetApp, tcpProbe, terminated, volumeOf, waiting, execProbe,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const look = (older: string, newer: string, olderAgo: number): { revisions: [number, number]; versions: [string, string]; olderAgo: number } => ({ revisions: [7, 8], versions: [older, newer], olderAgo });
const springTime = (m: number): string => at(m).replace('Z', '+00:00');

// ---- 1. application.properties edited on Windows: "30\r" is not an int ---------------------------

function propertiesCrlf(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image: image('3.22.1'), ports: [8080, { name: 'mgmt', containerPort: 8081 }], memory: '1Gi', cpu: '500m',
      env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'invoice-api-config', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 3.22.1', template: tpl() },
      { revision: 18, createdAgo: 37, template: tpl(at(37)) },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 4 * DAYS * 60 } }) } },
      { revision: 17, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 17, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 18, node: names[1] ?? '', createdAgo: 36.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 9 }, 11) } },
    ],
  });
  const fresh = podOf(app, 3);
  const props = [
    '# invoice-api runtime settings',
    'server.shutdown=graceful',
    'spring.lifecycle.timeout-per-shutdown-phase=25s',
    'spring.datasource.url=jdbc:postgresql://billing-pg.billing.svc:5432/invoices',
    'spring.datasource.hikari.maximum-pool-size=12',
    'invoice.pdf.renderer-url=http://pdf-renderer.billing.svc:8080',
    'invoice.http.connect-timeout-seconds=30',
    'invoice.http.read-timeout-seconds=45',
    'invoice.batch.page-size=500',
    'invoice.tax.provider=avalara',
    '',
  ].join('\r\n');
  const cm = configMap({ namespace: ns, name: 'invoice-api-config', createdAgo: 210 * DAYS, updatedAgo: 41, data: { 'application.properties': props } });
  const other = bystander(ns, 'pdf-renderer', names, 3 * HOURS, look('1.9.0', '1.9.1', 12 * DAYS));
  const boot = (m: number) => [
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    `${springTime(m)}  INFO 1 --- [invoice-api] [           main] c.a.billing.invoice.InvoiceApplication   : Starting InvoiceApplication v3.22.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${springTime(m)}  INFO 1 --- [invoice-api] [           main] c.a.billing.invoice.InvoiceApplication   : No active profile set, falling back to 1 default profile: "default"`,
    `${springTime(m - 0.05)}  INFO 1 --- [invoice-api] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories in DEFAULT mode.`,
    `${springTime(m - 0.06)}  INFO 1 --- [invoice-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${springTime(m - 0.1)}  WARN 1 --- [invoice-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'invoiceHttpClient' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/billing/invoice/http/InvoiceHttpClient.class]: Unsatisfied dependency expressed through constructor parameter 0: Error creating bean with name 'invoice-com.acme.billing.invoice.config.InvoiceProperties': Could not bind properties to 'InvoiceProperties' : prefix=invoice, ignoreInvalidFields=false, ignoreUnknownFields=true`,
    `${springTime(m - 0.11)}  INFO 1 --- [invoice-api] [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${springTime(m - 0.12)}  INFO 1 --- [invoice-api] [           main] .s.b.a.l.ConditionEvaluationReportLogger : `,
    '',
    'Error starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.',
    `${springTime(m - 0.12)} ERROR 1 --- [invoice-api] [           main] o.s.b.d.LoggingFailureAnalysisReporter   : `,
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    'Failed to bind properties under \'invoice.http.connect-timeout-seconds\' to int:',
    '',
    '    Property: invoice.http.connect-timeout-seconds',
    '    Value: "30\r"',
    '    Origin: URL [file:/config/application.properties] - 7:38',
    '    Reason: failed to convert java.lang.String to int (caused by java.lang.NumberFormatException: For input string: "30\r")',
    '',
    'Action:',
    '',
    'Update your application\'s configuration',
    '',
  ];
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout72-properties-crlf-number-format',
    class: 'config',
    truth: 'Someone edited the invoice-api-config ConfigMap from a Windows workstation 41 minutes ago (kubectl edit) and saved application.properties with CRLF line endings; every value now ends in a carriage return, and Spring Boot cannot bind invoice.http.connect-timeout-seconds ("30\\r") to int. The rollout restart 37 minutes ago (revision 18, same image) is the first pod to read the file: it crash-loops while the three revision-17 pods, started before the edit, keep serving. Fix: rewrite the ConfigMap with LF line endings; rolling back would not help, any restarted pod reads the same file.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 18), 1, 0, 37),
      scheduled(fresh, 36.8),
      ...restartedAgain(fresh, 'app', image('3.22.1'), { count: 12, firstAgo: 36.6, lastAgo: 2.3 }),
      backOff(fresh, 'app', { count: 160, firstAgo: 36.2, lastAgo: 0.3 }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(app, 0).status?.podIP}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 2 * DAYS + 2, lastAgo: 2 * DAYS + 1, fieldPath: fp }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(...boot(2.25)), previous: lines(...boot(7.6)) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${springTime(1.4)}  INFO 1 --- [invoice-api] [nio-8080-exec-4] c.a.b.invoice.web.InvoiceController      : GET /v2/invoices?customer=C-88213 200 (31 ms)`, `${springTime(0.5)}  INFO 1 --- [invoice-api] [nio-8080-exec-9] c.a.b.invoice.web.InvoiceController      : POST /v2/invoices 201 (142 ms)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CRLF|\\r|carriage[- ]return|line ending|invoice\.http\.connect-timeout-seconds|NumberFormatException|"30/i],
      facts: [lit('invoice-api-config'), /connect-timeout-seconds|NumberFormatException|For input string/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /pdf-renderer/],
    },
  };
}

// ---- 2. new node image: containerd's mirror for the registry is a dead host ----------------------

function registryMirrorDead(): CorpusScenario {
  const ns = 'catalog';
  const oldAmi = 'ami-0c7d1f3a9e2b45816';
  const newAmi = 'ami-04e9b1d7c3a58f260';
  const mk = (ip: string, zone: string, pool: string, ami: string, createdAgo: number, kubelet: string, os: string): k8s.V1Node => {
    const n = node({ name: `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`, zone, pool, createdAgo, labels: { 'eks.amazonaws.com/nodegroup-image': ami, 'eks.amazonaws.com/capacityType': 'ON_DEMAND', 'eks.amazonaws.com/sourceLaunchTemplateVersion': pool === 'general-v2' ? '14' : '13' } });
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: kubelet, kubeProxyVersion: kubelet, osImage: os, containerRuntimeVersion: pool === 'general-v2' ? 'containerd://1.7.23' : 'containerd://1.7.22' });
    if (n.status?.addresses?.[0]) n.status.addresses[0].address = ip;
    return n;
  };
  const oldNodes = [mk('10.0.41.18', 'eu-west-1a', 'general-v1', oldAmi, 34 * DAYS, 'v1.31.2-eks-94953ac', 'Amazon Linux 2023.6.20241031'), mk('10.0.42.77', 'eu-west-1b', 'general-v1', oldAmi, 34 * DAYS, 'v1.31.2-eks-94953ac', 'Amazon Linux 2023.6.20241031'), mk('10.0.43.140', 'eu-west-1c', 'general-v1', oldAmi, 34 * DAYS, 'v1.31.2-eks-94953ac', 'Amazon Linux 2023.6.20241031')];
  const newNodes = [mk('10.0.41.203', 'eu-west-1a', 'general-v2', newAmi, 58, 'v1.31.3-eks-59bf375', 'Amazon Linux 2023.6.20241111'), mk('10.0.42.9', 'eu-west-1b', 'general-v2', newAmi, 57, 'v1.31.3-eks-59bf375', 'Amazon Linux 2023.6.20241111')];
  const [o0, o1, o2] = oldNodes.map(nameOf);
  const [n0, n1] = newNodes.map(nameOf);
  const image = 'registry.acme.io/catalog/catalog-api:5.4.2';
  const app = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 6,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: catalog-api 5.4.1', template: { containers: [container({ image: 'registry.acme.io/catalog/catalog-api:5.4.1', memory: '768Mi' })] } },
      { revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: catalog-api 5.4.2', template: { containers: [container({ image, memory: '768Mi' })], imagePullSecrets: ['acme-registry'] } },
    ],
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 4 * DAYS },
    pods: [
      { revision: 41, node: o0 ?? '', createdAgo: 4 * DAYS },
      { revision: 41, node: o1 ?? '', createdAgo: 4 * DAYS - 1 },
      { revision: 41, node: o2 ?? '', createdAgo: 4 * DAYS - 2, containers: { app: running({ sinceAgo: DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: DAYS, ranSeconds: 3 * DAYS * 60 } }) } },
      { revision: 41, node: n0 ?? '', createdAgo: 44, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image}"`) } },
      { revision: 41, node: n1 ?? '', createdAgo: 44, containers: { app: waiting('ErrImagePull', `failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "http://10.40.12.15:5000/v2/catalog/catalog-api/manifests/5.4.2?ns=registry.acme.io": dial tcp 10.40.12.15:5000: i/o timeout`) } },
      { revision: 41, node: n0 ?? '', createdAgo: 43, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image}"`) } },
    ],
  });
  const hpaObj = hpa({ namespace: ns, name: 'catalog-api', target: { kind: 'Deployment', name: 'catalog-api' }, min: 3, max: 10, current: 6, desired: 6, cpu: { current: 91, target: 65, averageValue: '228m' }, lastScaleAgo: 44 });
  const other = bystander(ns, 'catalog-indexer', [o1 ?? '', o2 ?? ''], 9 * HOURS, look('2.0.3', '2.0.4', 20 * DAYS));
  const pullErr = (p: string) => `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "http://10.40.12.15:5000/v2/catalog/catalog-api/manifests/5.4.2?ns=registry.acme.io": dial tcp 10.40.12.15:5000: i/o timeout${p}`;
  const stuck = [podOf(app, 3), podOf(app, 4), podOf(app, 5)];
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout72-registry-mirror-dead-new-ami',
    class: 'nodes',
    truth: 'The platform team rolled a new node group (general-v2, AMI ami-04e9b1d7c3a58f260, launch template version 14) whose user data writes a containerd hosts.toml sending registry.acme.io pulls through the pull-through mirror 10.40.12.15:5000, a host decommissioned last month. Pods the HPA added 44 minutes ago landed on the two new nodes and cannot pull (dial tcp 10.40.12.15:5000: i/o timeout) while the same image runs on the old general-v1 nodes; the registry and the image are fine. Fix the nodes\' mirror configuration (or cordon general-v2).',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 41), 6, 3, 44),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'catalog-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 44, lastAgo: 44, component: 'horizontal-pod-autoscaler' }),
      ...stuck.flatMap((p, i) => [
        scheduled(p, 44 - (i === 2 ? 1 : 0)),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 10, firstAgo: 43.9 - i, lastAgo: 2 + i, fieldPath: fp }),
        event({ on: p, reason: 'Failed', message: pullErr(''), count: 10, firstAgo: 43.4 - i, lastAgo: 1.6 + i, fieldPath: fp }),
        event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 10, firstAgo: 43.4 - i, lastAgo: 1.6 + i, fieldPath: fp }),
        event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 170, firstAgo: 43 - i, lastAgo: 0.2, fieldPath: fp }),
        event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 170, firstAgo: 43 - i, lastAgo: 0.2, fieldPath: fp }),
      ]),
      event({ on: { kind: 'Node', name: n0 ?? '' }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${n0} event: Registered Node ${n0} in Controller`, firstAgo: 58, lastAgo: 58, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: n1 ?? '' }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${n1} event: Registered Node ${n1} in Controller`, firstAgo: 57, lastAgo: 57, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: n0 ?? '' }, type: 'Normal', reason: 'NodeReady', message: `Node ${n0} status is now: NodeReady`, firstAgo: 57.5, lastAgo: 57.5 }),
      event({ on: { kind: 'Node', name: n1 ?? '' }, type: 'Normal', reason: 'NodeReady', message: `Node ${n1} status is now: NodeReady`, firstAgo: 56.5, lastAgo: 56.5 }),
      event({ on: podOf(app, 2), type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: DAYS, lastAgo: DAYS, fieldPath: fp }),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(1.1)}","level":"info","msg":"request","method":"GET","path":"/v1/products/SKU-20931","status":200,"ms":18}`, `{"ts":"${at(0.4)}","level":"info","msg":"request","method":"GET","path":"/v1/categories","status":200,"ms":7}`) })),
    expect: {
      verdict: 'problems',
      headline: [/mirror|10\.40\.12\.15|general-v2|ami-04e9b1d7c3a58f260|new nodes?/i],
      facts: [lit('10.40.12.15'), /general-v2|ami-04e9b1d7c3a58f260|ip-10-0-41-203|ip-10-0-42-9\b/],
      never: [ADVISES_ROLLBACK, /imagePullSecret|unauthori[sz]ed|credential/i, /(tag|image)[^\n]*(not found|does not exist|missing)/i],
    },
  };
}

// ---- 3. nightly reconciliation: the MongoDB cursor idles out between batches ----------------------

function mongoCursorNotFound(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.120');
  const image = `${ECR}/finance/ledger-reconcile:2.7.0`;
  const tpl = { containers: [batchContainer({ image, command: ['python', '-m', 'reconcile', '--since', '24h'], memory: '512Mi', env: [{ name: 'MONGO_URI', value: 'mongodb://ledger-mongo-0.ledger-mongo,ledger-mongo-1.ledger-mongo,ledger-mongo-2.ledger-mongo/ledger?replicaSet=rs0' }, { name: 'FX_RATES_URL', value: 'http://fx-rates.finance.svc:8080' }] })] };
  const runs = [
    { start: 104, end: 72.5, cursor: '7283947219384721', processed: 38800 },
    { start: 72, end: 40.1, cursor: '2901873390112458', processed: 39500 },
    { start: 39.5, end: 7.8, cursor: '5519027734810036', processed: 38900 },
  ];
  const cron = cronJob({
    namespace: ns, name: 'ledger-reconcile', schedule: '30 1 * * *', template: tpl, backoffLimit: 2, createdAgo: 400 * DAYS, lastSuccessfulAgo: DAYS + 66,
    jobs: [
      { createdAgo: 2 * DAYS + 104, pods: [{ node: names[0] ?? '', createdAgo: 2 * DAYS + 104, phase: 'Succeeded', containers: { app: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 52, ranSeconds: 52 * 60 }) } }], outcome: { complete: true, ago: 2 * DAYS + 52 } },
      { createdAgo: DAYS + 104, pods: [{ node: names[2] ?? '', createdAgo: DAYS + 104, phase: 'Succeeded', containers: { app: terminated({ exitCode: 0, finishedAgo: DAYS + 66, ranSeconds: 38 * 60 }) } }], outcome: { complete: true, ago: DAYS + 66 } },
      { createdAgo: 104, pods: runs.map((r, i) => ({ node: names[i] ?? '', createdAgo: r.start, phase: 'Failed' as const, containers: { app: terminated({ exitCode: 1, finishedAgo: r.end, ranSeconds: Math.round((r.start - r.end) * 60) }) } })), outcome: { failed: 'BackoffLimitExceeded', ago: 7.7 } },
    ],
  });
  const failedJob = cron.jobs[2];
  const jobObj = failedJob?.objects[0];
  const mongo = statefulSetApp({
    namespace: ns, name: 'ledger-mongo', replicas: 3, serviceName: 'ledger-mongo',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'mongod', image: 'docker.io/library/mongo:7.0.14', ports: [{ name: 'mongo', containerPort: 27017 }], memory: '4Gi', cpu: '1', readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping")'], { timeoutSeconds: 5 }), liveness: tcpProbe(27017, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/data/db' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 3, ordinal: i, node: names[i] ?? '', createdAgo: 30 * DAYS - i })),
  });
  const fx = bystander(ns, 'fx-rates', names, 2 * DAYS, look('1.12.0', '1.13.0', 40 * DAYS));
  const pods = failedJob?.pods ?? [];
  const log = (r: (typeof runs)[number]) => {
    const out = [
      `${pyTime(r.start - 0.2)} INFO reconcile: ledger-reconcile 2.7.0 starting, window=24h`,
      `${pyTime(r.start - 0.25)} INFO reconcile: connected to rs0 (primary ledger-mongo-0.ledger-mongo:27017)`,
      `${pyTime(r.start - 0.3)} INFO reconcile: 143812 entries to reconcile (ledger.entries, status=posted, posted_at >= ${at(DAYS + r.start).slice(0, 10)})`,
    ];
    const rate = (r.processed / ((r.start - r.end - 0.5) * 60));
    for (let n = 5000; n < r.processed; n += 5000) out.push(`${pyTime(r.start - 0.3 - n / rate / 60)} INFO reconcile: progress ${n}/143812 (${rate.toFixed(1)} docs/s, fx lookups p50=44ms)`);
    out.push(
      `${pyTime(r.end + 0.01)} ERROR reconcile: reconciliation aborted after ${r.processed} of 143812 entries`,
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.11/runpy.py", line 198, in _run_module_as_main',
      '    return _run_code(code, main_globals, None,',
      '  File "/app/reconcile/__main__.py", line 4, in <module>',
      '    main()',
      '  File "/app/reconcile/cli.py", line 61, in main',
      '    stats = run(window)',
      '  File "/app/reconcile/job.py", line 88, in run',
      '    for entry in cursor:',
      '  File "/usr/local/lib/python3.11/site-packages/pymongo/cursor.py", line 1264, in next',
      '    if len(self.__data) or self._refresh():',
      '  File "/usr/local/lib/python3.11/site-packages/pymongo/cursor.py", line 1201, in _refresh',
      '    self.__send_message(g)',
      '  File "/usr/local/lib/python3.11/site-packages/pymongo/cursor.py", line 1069, in __send_message',
      '    response = client._run_operation(',
      '  File "/usr/local/lib/python3.11/site-packages/pymongo/helpers.py", line 250, in _check_command_response',
      '    raise CursorNotFound(errmsg, code, response, max_wire_version)',
      `pymongo.errors.CursorNotFound: cursor id ${r.cursor} not found, full error: {'ok': 0.0, 'errmsg': 'cursor id ${r.cursor} not found', 'code': 43, 'codeName': 'CursorNotFound', '$clusterTime': {'clusterTime': Timestamp(${Math.floor(Date.parse(at(r.end)) / 1000)}, 3), 'signature': {'hash': b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00', 'keyId': 0}}, 'operationTime': Timestamp(${Math.floor(Date.parse(at(r.end)) / 1000)}, 3)}`,
    );
    return lines(...out);
  };
  const mongoLog = lines(
    ...runs.map((r) => `{"t":{"$date":"${at(r.end + 0.6).replace('Z', '+00:00')}"},"s":"I",  "c":"QUERY",    "id":20529,   "ctx":"clientcursormon","msg":"Cursor timed out","attr":{"cursorId":${r.cursor},"idleSince":{"$date":"${at(r.end + 10.6).replace('Z', '+00:00')}"}}}`),
    `{"t":{"$date":"${at(5).replace('Z', '+00:00')}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.120.88:51422","uuid":{"uuid":{"$uuid":"5d2a9f10-8c41-4b8e-9e0e-2f71a6c3b901"}},"connectionId":88412,"connectionCount":41}}`,
  );
  return {
    id: 'heldout72-mongo-cursor-not-found-batch',
    class: 'jobs',
    truth: 'The nightly ledger-reconcile Job iterates one MongoDB cursor over the day\'s ledger entries and calls fx-rates for each document; the day\'s volume grew to 143,812 entries and each lookup got slower, so consuming one getMore batch now takes longer than the server\'s 10-minute idle cursor timeout. mongod reaps the idle cursor ("Cursor timed out") and the next getMore fails with CursorNotFound after ~39,000 entries; all three attempts died the same way and the Job hit BackoffLimitExceeded. Fix: smaller batch_size or no_cursor_timeout with a session, or page by _id.',
    ask: { service: 'ledger-reconcile', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...mongo.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      ...exposed({ namespace: ns, name: 'ledger-mongo', selector: { app: 'ledger-mongo' }, pods: mongo.pods, headless: true, ports: [{ name: 'mongo', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
      cronJobEvent({ kind: 'CronJob', metadata: { name: 'ledger-reconcile', namespace: ns } }, 'SuccessfulCreate', `Created job ${nameOf(jobObj)}`, 104),
      ...pods.map((p, i) => jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, runs[i]?.start ?? 0)),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 7.7, 'Warning'),
      ...pods.map((p, i) => scheduled(p, runs[i]?.start ?? 0)),
      event({ on: podOf(mongo, 1), reason: 'Unhealthy', message: 'Readiness probe failed: MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017', count: 2, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{mongod}' }),
    ],
    logs: [
      ...pods.map((p, i) => logsFor(p, 'app', { current: log(runs[i] ?? runs[0]!) })),
      logsFor(cron.jobs[1]?.pods[0], 'app', { current: lines(
        `${pyTime(DAYS + 103.8)} INFO reconcile: ledger-reconcile 2.7.0 starting, window=24h`,
        `${pyTime(DAYS + 103.75)} INFO reconcile: connected to rs0 (primary ledger-mongo-0.ledger-mongo:27017)`,
        `${pyTime(DAYS + 103.7)} INFO reconcile: 97461 entries to reconcile (ledger.entries, status=posted, posted_at >= ${at(2 * DAYS + 104).slice(0, 10)})`,
        `${pyTime(DAYS + 84)} INFO reconcile: progress 50000/97461 (42.3 docs/s, fx lookups p50=19ms)`,
        `${pyTime(DAYS + 66.1)} INFO reconcile: done: 97461 reconciled, 212 mismatches written to ledger.recon_exceptions in 37m32s`,
      ) }),
      logsFor(podOf(mongo, 0), 'mongod', { current: mongoLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CursorNotFound|cursor[^\n]*(not found|timed? ?out|timeout|expired|idle)/i],
      facts: [/ledger-reconcile/, /BackoffLimitExceeded|backoff limit/i],
      never: [/\bOOM/, /DeadlineExceeded|activeDeadlineSeconds/, /ledger-mongo[^\n]*(down|unreachable|crash|not ready)/i],
    },
  };
}

// ---- 4. rebuilt on an OpenSSL 3 base image: the bank's endpoint needs legacy renegotiation -------

function opensslLegacyRenegotiation(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.150');
  const image = (v: string) => `${ECR}/payments/settlement-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '384Mi', env: [{ name: 'PARTNER_BASE_URL', value: 'https://h2h.nordlandbank-corporate.example:443' }, { name: 'LEDGER_URL', value: 'http://ledger-api.payments.svc:8080' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'settlement-gateway', replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 16 * DAYS, changeCause: 'argocd: settlement-gateway 4.1.7', template: tpl('4.1.7') },
      { revision: 22, createdAgo: 2 * HOURS + 6, changeCause: 'argocd: settlement-gateway 4.2.0', template: tpl('4.2.0') },
    ],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 2 * HOURS + 5 }, { revision: 22, node: names[2] ?? '', createdAgo: 2 * HOURS + 4 }],
  });
  const ledger = bystander(ns, 'ledger-api', names, 5 * HOURS, look('1.30.0', '1.30.1', 9 * DAYS));
  const host = 'h2h.nordlandbank-corporate.example';
  const sslErr = `HTTPSConnectionPool(host='${host}', port=443): Max retries exceeded with url: /h2h/v1/settlement-files (Caused by SSLError(SSLError(1, '[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled (_ssl.c:1000)')))`;
  const podLog = (p: k8s.V1Pod, k: number) => {
    const start = 2 * HOURS + 4.5 - k;
    const out = [
      `${pyTime(start)} INFO settlement_gateway.app: settlement-gateway 4.2.0 starting (CPython 3.12.7, OpenSSL 3.0.15 3 Sep 2024)`,
      `${pyTime(start - 0.01)} INFO uvicorn.error: Started server process [1]`,
      `${pyTime(start - 0.01)} INFO uvicorn.error: Waiting for application startup.`,
      `${pyTime(start - 0.02)} INFO settlement_gateway.scheduler: settlement push every 15m, status poll every 5m`,
      `${pyTime(start - 0.02)} INFO uvicorn.error: Application startup complete.`,
      `${pyTime(start - 0.02)} INFO uvicorn.error: Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)`,
    ];
    for (let m = start - 5; m > 0; m -= 15) {
      out.push(
        `${pyTime(m)} INFO settlement_gateway.ledger: fetched ${40 + Math.round(m) % 23} pending settlements from ledger-api (200 OK, 38ms)`,
        `${pyTime(m - 0.05)} WARNING urllib3.connectionpool: Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(SSLError(1, '[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled (_ssl.c:1000)'))': /h2h/v1/settlement-files`,
        `${pyTime(m - 0.1)} ERROR settlement_gateway.partner: push to Nordland H2H failed, batch kept for retry: requests.exceptions.SSLError: ${sslErr}`,
        `${pyTime(m - 0.1)} INFO uvicorn.access: 10.0.150.12:40312 - "GET /healthz HTTP/1.1" 200`,
      );
    }
    out.push(`${pyTime(0.4)} WARNING settlement_gateway.partner: ${96 + k * 3} settlement batches waiting for Nordland H2H (oldest ${at(2 * HOURS)})`);
    return lines(...out);
  };
  return {
    id: 'heldout72-openssl3-unsafe-legacy-renegotiation',
    class: 'network',
    truth: 'settlement-gateway 4.2.0 (revision 22, two hours ago) moved the image from a Debian buster / OpenSSL 1.1.1 base to python:3.12-slim (OpenSSL 3.0), which refuses unsafe legacy renegotiation by default. The bank\'s host-to-host endpoint h2h.nordlandbank-corporate.example still runs a TLS stack without RFC 5746 secure renegotiation, so every settlement push fails with [SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] while calls to ledger-api work and the pods stay ready. Fix: allow legacy server connect (OP_LEGACY_SERVER_CONNECT) for that one client, or roll back to 4.1.7 until the bank upgrades.',
    ask: { service: 'settlement-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ledger.objects,
      ...exposed({ namespace: ns, name: 'settlement-gateway', selector: { app: 'settlement-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: ledger.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 22), 2, 0, 2 * HOURS + 6),
      ...app.pods.flatMap((p, i) => startedAt(p, 'app', image('4.2.0'), 2 * HOURS + 5 - i)),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 1).status?.podIP}:8080/healthz": dial tcp ${podOf(app, 1).status?.podIP}:8080: connect: connection refused`, count: 1, firstAgo: 2 * HOURS + 3.9, lastAgo: 2 * HOURS + 3.9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/UNSAFE_LEGACY_RENEGOTIATION|legacy renegotiation|renegotiation/i],
      facts: [/nordlandbank|h2h/i, /OpenSSL 3|revision 22|4\.2\.0/i],
      never: [/certificate (has )?expired|CERTIFICATE_VERIFY_FAILED|self[- ]signed/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 5. Longhorn volume faulted: its only replica sat on a disk that filled -----------------------

function longhornFaulted(): CorpusScenario {
  const ns = 'messaging';
  const mk = (i: number): k8s.V1Node => {
    const name = `k8s-worker-0${i}`;
    const n = node({ name, zone: 'dc1-rack-b', instanceType: 'r650', createdAgo: 400 * DAYS, labels: { 'node.longhorn.io/create-default-disk': 'config', 'node-role.kubernetes.io/worker': 'true' } });
    const labels = n.metadata?.labels ?? {};
    delete labels['eks.amazonaws.com/nodegroup'];
    labels['node.kubernetes.io/instance-type'] = 'rke2';
    delete labels['topology.kubernetes.io/zone'];
    delete labels['topology.kubernetes.io/region'];
    if (n.spec) delete n.spec.providerID;
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.30.6+rke2r1', kubeProxyVersion: 'v1.30.6+rke2r1', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-125-generic', containerRuntimeVersion: 'containerd://1.7.22-k3s1' });
    if (n.status?.addresses?.[0]) n.status.addresses[0].address = `192.168.40.${20 + i}`;
    return n;
  };
  const nodes = [1, 2, 3, 4].map(mk);
  const names = nodes.map(nameOf);
  const image = 'docker.io/library/rabbitmq:3.13.7-management';
  const tpl = { containers: [container({ name: 'rabbitmq', image, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'http', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }], memory: '2Gi', cpu: '500m', readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { timeoutSeconds: 10, periodSeconds: 20 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { timeoutSeconds: 15, periodSeconds: 60, initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }] })] };
  const sts = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-nodes', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 50 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '30Gi', storageClass: 'longhorn-single' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 50 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 50 * DAYS - 2, containers: { rabbitmq: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 137, finishedAgo: 9 * DAYS, ranSeconds: 41 * DAYS * 60 } }) } },
      { revision: 4, ordinal: 2, node: names[3] ?? '', createdAgo: 52, containers: { rabbitmq: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].map((i) => {
    const claim = `data-rabbitmq-${i}`;
    const vol = volumeOf(ns, claim);
    const c = pvc({ namespace: ns, name: claim, storage: '30Gi', storageClass: 'longhorn-single', phase: 'Bound', volumeName: vol, createdAgo: 50 * DAYS, labels: { app: 'rabbitmq' }, annotations: { 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io', 'volume.beta.kubernetes.io/storage-provisioner': 'driver.longhorn.io' } });
    const v = pv({ name: vol, storage: '30Gi', claim: { namespace: ns, name: claim }, storageClass: 'longhorn-single', createdAgo: 50 * DAYS, csi: { driver: 'driver.longhorn.io', volumeHandle: vol } });
    if (v.spec?.csi) Object.assign(v.spec.csi, { fsType: 'ext4', volumeAttributes: { dataLocality: 'best-effort', numberOfReplicas: '1', staleReplicaTimeout: '30', fromBackup: '', fsType: 'ext4', 'storage.kubernetes.io/csiProvisionerIdentity': '1726131045121-8081-driver.longhorn.io' } });
    return [c, v] as const;
  });
  const vol2 = volumeOf(ns, 'data-rabbitmq-2');
  const lhImage = 'docker.io/longhornio/longhorn-manager:v1.7.2';
  const lh = daemonSetApp({
    namespace: 'longhorn-system', name: 'longhorn-manager',
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'longhorn-manager', image: lhImage, ports: [{ name: 'manager', containerPort: 9500 }], memory: '256Mi', memoryLimit: null, readiness: tcpProbe(9501), liveness: null })] } }],
    pods: names.map((n, i) => ({ revision: 6, node: n, createdAgo: 70 * DAYS - i })),
  });
  const lm = (m: number, level: string, msg: string, extra: string) => `time="${at(m).replace(/\.\d+Z$/, 'Z')}" level=${level} msg="${msg}" ${extra}`;
  const replica = `${vol2}-r-6f1c2a9e`;
  const engine = `${vol2}-e-0`;
  const w3 = names[2] ?? '';
  const w3Log = lines(
    lm(190, 'info', 'Disk default-disk-fd0100000000 on node k8s-worker-03 has 2.1Gi available of 300Gi', 'func="controller.(*NodeController).syncDiskStatus" file="node_controller.go:1254" controller=longhorn-node node=k8s-worker-03'),
    lm(96, 'warning', `Replica ${replica} of volume ${vol2} failed`, `func="controller.(*EngineController).ReconcileEngineState" file="engine_controller.go:1041" controller=longhorn-engine engine=${engine} node=k8s-worker-03 volume=${vol2} error="failed to write to /host/var/lib/longhorn/replicas/${vol2}-1c9f0e23/volume-head-004.img: no space left on device"`),
    lm(96, 'warning', 'All replicas are failed, set engine salvageRequested to true', `func="controller.(*VolumeController).ReconcileVolumeState" file="volume_controller.go:1003" accessMode=rwo controller=longhorn-volume frontend=blockdev migratable=false node=k8s-worker-03 owner=k8s-worker-03 shareEndpoint= shareState= state=attached volume=${vol2}`),
    lm(95, 'warning', `Volume ${vol2} is faulted, all replicas are failed and cannot be salvaged`, `func="controller.(*VolumeController).ReconcileVolumeState" file="volume_controller.go:1060" controller=longhorn-volume node=k8s-worker-03 owner=k8s-worker-03 volume=${vol2}`),
    lm(94, 'info', `Event(v1.ObjectReference{Kind:"Volume", Namespace:"longhorn-system", Name:"${vol2}", APIVersion:"longhorn.io/v1beta2"}): type: 'Warning' reason: 'Faulted' volume ${vol2} is faulted`, 'func="record.(*eventBroadcasterImpl).StartLogging.func1" file="event.go:377"'),
    lm(51, 'warning', `Cannot attach volume ${vol2} to k8s-worker-04: volume is faulted`, `func="controller.(*VolumeAttachmentController).handleVolumeAttachment" file="volume_attachment_controller.go:412" controller=longhorn-volume-attachment node=k8s-worker-03 volume=${vol2}`),
    lm(2, 'info', 'Disk default-disk-fd0100000000 on node k8s-worker-03 has 0B available of 300Gi', 'func="controller.(*NodeController).syncDiskStatus" file="node_controller.go:1254" controller=longhorn-node node=k8s-worker-03 diskCondition=Schedulable:False(DiskPressure)'),
  );
  const fresh = podOf(sts, 2);
  const attachMsg = `AttachVolume.Attach failed for volume "${vol2}" : rpc error: code = Aborted desc = volume ${vol2} is not ready for workloads`;
  const loki = bystander(ns, 'event-relay', [names[0] ?? '', names[1] ?? ''], 6 * HOURS, look('0.8.2', '0.8.3', 30 * DAYS));
  return {
    id: 'heldout72-longhorn-volume-faulted',
    class: 'storage',
    truth: 'rabbitmq-2\'s Longhorn volume (data-rabbitmq-2, storage class longhorn-single with one replica) kept its only replica on k8s-worker-03, whose Longhorn disk filled up 96 minutes ago; the replica failed writing (no space left on device), Longhorn could not salvage it and marked the volume faulted. rabbitmq-2, recreated 52 minutes ago, cannot attach it ("is not ready for workloads") and sits in ContainerCreating; rabbitmq-0 and -1 are fine. Fix: free space on worker-03\'s /var/lib/longhorn disk and salvage the replica (or restore from backup).',
    ask: { service: 'rabbitmq', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims.flat(), ...lh.objects, ...loki.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: sts.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 5672 }),
      scheduled(fresh, 52),
      event({ on: fresh, reason: 'FailedAttachVolume', message: attachMsg, count: 27, firstAgo: 51.8, lastAgo: 1.5, component: 'attachdetach-controller' }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data], failed to process volumes=[]: timed out waiting for the condition', count: 23, firstAgo: 49.9, lastAgo: 1.9 }),
      event({ on: { kind: 'StatefulSet', metadata: { name: 'rabbitmq', namespace: ns, uid: sts.uid } }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod rabbitmq-2 in StatefulSet rabbitmq successful`, firstAgo: 52, lastAgo: 52, component: 'statefulset-controller' }),
      event({ on: podOf(sts, 1), reason: 'Unhealthy', message: 'Liveness probe failed: Error: operation status on node rabbit@rabbitmq-1.rabbitmq-nodes.messaging timed out. Timeout value used: 15000', count: 1, firstAgo: 9 * DAYS + 1, lastAgo: 9 * DAYS + 1, fieldPath: 'spec.containers{rabbitmq}' }),
    ],
    logs: [
      logsFor(podOf(lh, 2), 'longhorn-manager', { current: w3Log }),
      logsFor(podOf(lh, 3), 'longhorn-manager', { current: lines(lm(51, 'info', `Volume attachment ticket csi-4b71c0d2e8a9f3b6 requested for volume ${vol2} on node ${names[3]}`, `func="controller.(*VolumeAttachmentController).reconcile" file="volume_attachment_controller.go:288" controller=longhorn-volume-attachment node=${names[3]} volume=${vol2}`)) }),
      logsFor(podOf(sts, 0), 'rabbitmq', { current: lines(`${at(95).replace('T', ' ').replace('Z', '+00:00')} [error] <0.1123.0> ** Node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging' not responding **`, `${at(95).replace('T', ' ').replace('Z', '+00:00')} [error] <0.1123.0> ** Removing (timedout) connection **`, `${at(95).replace('T', ' ').replace('Z', '+00:00')} [info] <0.545.0> rabbit on node 'rabbit@rabbitmq-2.rabbitmq-nodes.messaging' down`, `${at(3).replace('T', ' ').replace('Z', '+00:00')} [info] <0.2291.0> accepting AMQP connection <0.2291.0> (10.0.31.14:40122 -> 10.0.12.9:5672)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/longhorn|faulted|not ready for workloads|data-rabbitmq-2|pvc-/i],
      facts: [lit(vol2), /faulted|not ready for workloads|no space left/i],
      never: [/\bOOM/, /Multi-Attach/i, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 6. a raw Block claim named in volumeMounts -----------------------------------------------------

function blockVolumeAsFilesystem(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.72');
  const image = (v: string) => `docker.io/questdb/questdb:${v}`;
  const base = { image: image('8.1.4'), ports: [{ name: 'http', containerPort: 9000 }, { name: 'pg', containerPort: 8812 }, { name: 'ilp', containerPort: 9009 }], memory: '4Gi', cpu: '1', readiness: httpProbe('/status', 9003), liveness: httpProbe('/status', 9003, { initialDelaySeconds: 30 }) };
  const app = deploymentApp({
    namespace: ns, name: 'metrics-tsdb', replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 5, createdAgo: 24 * DAYS, changeCause: 'helm upgrade metrics-tsdb 0.9.2', template: { containers: [container({ ...base, volumeMounts: [{ name: 'data', mountPath: '/var/lib/questdb' }] })], volumes: [{ name: 'data', emptyDir: {} }] } },
      { revision: 6, createdAgo: 26, changeCause: 'helm upgrade metrics-tsdb 0.10.0', template: { containers: [container({ ...base, volumeMounts: [{ name: 'data', mountPath: '/var/lib/questdb' }] })], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'metrics-tsdb-data' } }] } },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 25.5, containers: { app: waiting('ContainerCreating') } }],
  });
  const fresh = podOf(app, 0);
  const claim = pvc({ namespace: ns, name: 'metrics-tsdb-data', storage: '200Gi', storageClass: 'gp3', phase: 'Bound', volumeName: volumeOf(ns, 'metrics-tsdb-data'), createdAgo: 26.2, labels: { 'app.kubernetes.io/instance': 'metrics-tsdb', 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'metrics-tsdb', 'meta.helm.sh/release-namespace': ns, 'volume.kubernetes.io/selected-node': names[1] ?? '' } });
  if (claim.spec) claim.spec.volumeMode = 'Block';
  const vol = pv({ name: volumeOf(ns, 'metrics-tsdb-data'), storage: '200Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: 'metrics-tsdb-data' }, createdAgo: 26 });
  if (vol.spec) vol.spec.volumeMode = 'Block';
  if (vol.spec?.csi) delete vol.spec.csi.fsType;
  const other = bystander(ns, 'ingest-gateway', names, 26, look('0.9.2', '0.10.0', 24 * DAYS));
  const grafana = bystander(ns, 'dashboards', names, 4 * DAYS, look('11.2.0', '11.3.0', 60 * DAYS));
  const mountErr = 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: volume data has volumeMode Block, but is specified in volumeMounts';
  return {
    id: 'heldout72-block-volume-mounted-as-filesystem',
    class: 'storage',
    truth: 'Chart 0.10.0 (revision 6, 26 minutes ago) gave metrics-tsdb persistent storage, with a claim template copied from a database chart that uses raw devices: metrics-tsdb-data was created with volumeMode: Block, but the Deployment mounts it with volumeMounts at /var/lib/questdb. The volume provisions and attaches, yet the kubelet refuses to mount a Block volume as a filesystem ("volume data has volumeMode Block, but is specified in volumeMounts"); the pod sits in ContainerCreating and, with the Recreate strategy, the service is down. Fix: recreate the claim with volumeMode: Filesystem.',
    ask: { service: 'metrics-tsdb', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...grafana.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'metrics-tsdb', selector: { app: 'metrics-tsdb' }, pods: app.pods, ports: [{ name: 'http', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'dashboards', selector: { app: 'dashboards' }, pods: grafana.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 6), 1, 0, 25.6),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'metrics-tsdb-data', namespace: ns }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 26.2, lastAgo: 26.2, component: 'persistentvolume-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'metrics-tsdb-data', namespace: ns }, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/metrics-tsdb-data"`, firstAgo: 25.5, lastAgo: 25.5, component: 'ebs.csi.aws.com_ebs-csi-controller-7d9f8c6b5-xq2lp_0b9e1f2a-6c1d-4e8f-9a7b-3c2d1e0f9a8b' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'metrics-tsdb-data', namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volumeOf(ns, 'metrics-tsdb-data')}`, firstAgo: 25.3, lastAgo: 25.3, component: 'ebs.csi.aws.com_ebs-csi-controller-7d9f8c6b5-xq2lp_0b9e1f2a-6c1d-4e8f-9a7b-3c2d1e0f9a8b' }),
      scheduled(fresh, 25.2),
      event({ on: fresh, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'metrics-tsdb-data')}"`, firstAgo: 24.9, lastAgo: 24.9, component: 'attachdetach-controller' }),
      event({ on: fresh, reason: 'FailedMount', message: mountErr, count: 13, firstAgo: 23.1, lastAgo: 0.9 }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Block/i],
      facts: [lit('metrics-tsdb-data'), /volumeMounts|volumeDevices|Filesystem/],
      never: [/\bOOM/, /Multi-Attach/i, /unschedulable|Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 7. healthy control: Java 11 prints the illegal-reflective-access warning ---------------------

function healthyJvmIllegalReflectiveAccess(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.210');
  const image = (v: string) => `${ECR}/search/rules-engine:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '1536Mi', cpu: '500m', env: [{ name: 'JAVA_OPTS', value: '-Xms1g -Xmx1g -XX:+UseG1GC' }], readiness: httpProbe('/health/ready', 8080, { initialDelaySeconds: 20 }), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'rules-engine', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 9 * DAYS, changeCause: 'argocd: rules-engine 7.18.0', template: tpl('7.18.0') },
      { revision: 64, createdAgo: 34, changeCause: 'argocd: rules-engine 7.18.1', template: tpl('7.18.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 33.5 - k * 1.5 })),
  });
  const other = bystander(ns, 'query-api', names, 3 * DAYS, look('4.4.0', '4.5.0', 30 * DAYS));
  const logOf = (k: number) => {
    const s = 33.3 - k * 1.5;
    const t = (m: number) => at(m).replace('T', ' ').replace('Z', '');
    return lines(
      'WARNING: An illegal reflective access operation has occurred',
      'WARNING: Illegal reflective access by org.codehaus.groovy.reflection.CachedClass (file:/app/lib/groovy-2.5.14.jar) to method java.lang.Object.finalize()',
      'WARNING: Please consider reporting this to the maintainers of org.codehaus.groovy.reflection.CachedClass',
      'WARNING: Use --illegal-access=warn to enable warnings of further illegal reflective access operations',
      'WARNING: All illegal access operations will be denied in a future release',
      `${t(s - 0.05)} INFO  [main] c.a.search.rules.RulesEngineApp - rules-engine 7.18.1 starting on Java 11.0.25 (Eclipse Adoptium)`,
      `${t(s - 0.1)} INFO  [main] c.a.search.rules.RuleRepository - compiled 412 ranking rules (groovy) in 2841 ms`,
      `${t(s - 0.12)} INFO  [main] io.undertow - starting server: Undertow - 2.2.33.Final`,
      `${t(s - 0.12)} INFO  [main] c.a.search.rules.RulesEngineApp - listening on 0.0.0.0:8080, ready`,
      `${t(5)} INFO  [XNIO-1 task-3] c.a.search.rules.http.Access - POST /v1/rank 200 12ms rules=37`,
      `${t(2)} INFO  [XNIO-1 task-7] c.a.search.rules.http.Access - POST /v1/rank 200 9ms rules=37`,
      `${t(0.5)} INFO  [rules-refresh] c.a.search.rules.RuleRepository - rule set unchanged (etag 9f1c3e7a)`,
    );
  };
  return {
    id: 'heldout72-healthy-jvm-illegal-reflective-access',
    class: 'healthy',
    truth: 'Healthy: rules-engine 7.18.1 (revision 64, 34 minutes ago) rolled out cleanly; its three pods are ready and serving. The "WARNING: An illegal reflective access operation has occurred" block at start-up is the JDK 11 notice about Groovy 2.5 reflecting into java.lang.Object, printed once per JVM and harmless on Java 11.',
    ask: { service: 'rules-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rules-engine', selector: { app: 'rules-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: other.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 64), 3, 0, 34),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('7.18.1'), 33.5 - k * 1.5)),
      ...app.pods.map((p, k) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${p.status?.podIP}:8080/health/ready": dial tcp ${p.status?.podIP}:8080: connect: connection refused`, count: 1, firstAgo: 33.1 - k * 1.5, lastAgo: 33.1 - k * 1.5, fieldPath: 'spec.containers{app}' })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|running|ready/i],
      facts: [/rules-engine/],
      never: [/illegal (reflective )?access[^\n]*(cause|fail|crash|broke)/i, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  propertiesCrlf(),
  registryMirrorDead(),
  mongoCursorNotFound(),
  opensslLegacyRenegotiation(),
  longhornFaulted(),
  blockVolumeAsFilesystem(),
  healthyJvmIllegalReflectiveAccess(),
];
