// Held-out stories, twenty-second round, part two: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// An operator whose CRD conversion webhook was scaled to zero, a CoreDNS edit that dropped the
// Consul stub domain, one availability zone cut off from the database, a Recreate rollout waiting
// on 900-second drains, a SealedSecret the re-installed controller cannot decrypt, MySQL's 4M
// max_allowed_packet against bigger rows, and a healthy control: an Indexed Job halfway through.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, clusterIpOf, configMap, container, coreDns, crashLoop, createdPod, replicaSetOf,
  deploymentApp, epochMs, event, exposed, httpProbe, job, jobEvent, nameOf, node, probeFailed, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, statefulSetApp, terminated, waiting, nodeEvent, exited, every, NOW,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { BystanderLook } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const LOOK: BystanderLook = { revisions: [8, 9], versions: ['1.6.0', '1.6.1'], olderAgo: 21 * DAYS };

/** klog's header: `W1121 03:12:41.563210       1 `. */
function klog(level: 'I' | 'W' | 'E', minutes: number, micros = '412337'): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 `;
}

/** Go's log.Printf default: `2026/11/21 02:55:03`. */
function goLogTime(minutes: number): string {
  return at(minutes).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

/** gunicorn's `[2026-11-21 03:03:00 +0000]`. */
function gunicornTime(minutes: number): string {
  return `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;
}

/** Spring Boot 3's console line prefix. */
function spring(minutes: number, level: 'INFO' | 'WARN' | 'ERROR', app: string, thread: string, logger: string): string {
  return `${at(minutes)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : `;
}

function deploymentOf(app: { objects: KubeJson[] }): k8s.V1Deployment {
  return app.objects.find((o) => o.kind === 'Deployment') as k8s.V1Deployment;
}

// ---- 1. an operator whose CRD conversion webhook was scaled to zero --------------------------

function operatorConversionWebhookScaledToZero(): CorpusScenario {
  const ns = 'db-operators';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = (v: string) => `${ECR}/platform/pg-operator:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'pg-operator',
    containers: [container({
      name: 'manager',
      image: image(v),
      command: ['/manager'],
      args: ['--leader-elect', '--health-probe-bind-address=:8081', '--metrics-bind-address=:8080'],
      ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'health', containerPort: 8081 }],
      cpu: '100m',
      memory: '256Mi',
      readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 5 }),
      liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }),
    })],
  });
  const restarts = 9;
  const op = deploymentApp({
    namespace: ns,
    name: 'pg-operator',
    replicas: 1,
    revisions: [
      { revision: 6, createdAgo: 34 * DAYS, changeCause: 'argocd: pg-operator v0.14.1', template: tpl('v0.14.1') },
      { revision: 7, createdAgo: 3 * DAYS, changeCause: 'argocd: pg-operator v0.14.2', template: tpl('v0.14.2') },
    ],
    pods: [{ revision: 7, node: names[2] ?? '', createdAgo: 41, containers: { manager: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 125 }, restarts) } }],
    settled: { available: false, availableSince: 40, progressingSince: 3 * DAYS },
  });
  const pod = podOf(op, 0);
  // The conversion webhook, in another namespace, scaled to 0 by hand during a cost clean-up.
  const whNs = 'db-system';
  const wh = deploymentApp({
    namespace: whNs,
    name: 'pgcluster-conversion-webhook',
    replicas: 0,
    revisions: [{ revision: 4, createdAgo: 20 * DAYS, changeCause: 'argocd: pg-operator-webhooks v0.14.0', template: { containers: [container({ name: 'webhook', image: image('webhook-v0.14.0'), args: ['--port=9443', '--tls-cert-file=/certs/tls.crt', '--tls-private-key-file=/certs/tls.key'], ports: [{ name: 'https', containerPort: 9443 }], cpu: '50m', memory: '64Mi', readiness: { httpGet: { path: '/readyz', port: 9443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'certs', mountPath: '/certs', readOnly: true }] })], volumes: [{ name: 'certs', secret: { secretName: 'pgcluster-conversion-webhook-tls', defaultMode: 420 } }] } }],
    pods: [],
  });
  const whDep = deploymentOf(wh);
  whDep.metadata = {
    ...whDep.metadata,
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(20 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(47), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ],
  };
  const dash = bystander(ns, 'pg-operator-dashboard', names, 3 * DAYS, LOOK);
  const url = 'https://pgcluster-conversion-webhook.db-system.svc:443/convert?timeout=30s';
  const convErr = `conversion webhook for db.acme.io/v1beta1, Kind=PostgresCluster failed: Post "${url}": no endpoints available for service "pgcluster-conversion-webhook"`;
  const esc = convErr.replace(/"/g, '\\"');
  const start = 1.5 + 125 / 60;
  const ts = (m: number) => at(m);
  const reflector = (m: number, us: string) => [
    `${klog('W', m, us)}reflector.go:561] pkg/mod/k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.PostgresCluster: ${convErr}`,
    `${klog('E', m, us.replace(/.$/, '9'))}reflector.go:158] "Unhandled Error" err="pkg/mod/k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.PostgresCluster: failed to list *v1.PostgresCluster: ${esc}" logger="UnhandledError"`,
  ];
  const crashRun = lines(
    `{"level":"info","ts":"${ts(start)}","logger":"setup","msg":"starting manager","version":"v0.14.2","gitCommit":"4be19a2"}`,
    `{"level":"info","ts":"${ts(start - 0.01)}","logger":"controller-runtime.metrics","msg":"Starting metrics server"}`,
    `{"level":"info","ts":"${ts(start - 0.01)}","msg":"starting server","name":"health probe","addr":"[::]:8081"}`,
    `${klog('I', start - 0.02, '118204')}leaderelection.go:254] attempting to acquire leader lease db-operators/pg-operator.db.acme.io...`,
    `${klog('I', start - 0.3, '552871')}leaderelection.go:268] successfully acquired lease db-operators/pg-operator.db.acme.io`,
    `{"level":"info","ts":"${ts(start - 0.3)}","msg":"Starting EventSource","controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster","source":"kind source: *v1.PostgresCluster"}`,
    `{"level":"info","ts":"${ts(start - 0.3)}","msg":"Starting EventSource","controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster","source":"kind source: *v1.StatefulSet"}`,
    `{"level":"info","ts":"${ts(start - 0.3)}","msg":"Starting Controller","controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster"}`,
    ...reflector(start - 0.31, '391847'),
    ...reflector(start - 0.33, '402113'),
    ...reflector(start - 0.38, '455980'),
    ...reflector(start - 0.52, '617324'),
    ...reflector(start - 0.8, '201556'),
    ...reflector(start - 1.3, '774019'),
    `{"level":"error","ts":"${ts(1.52)}","msg":"Could not wait for Cache to sync","controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster","error":"failed to wait for postgrescluster caches to sync: timed out waiting for cache to be synced for Kind *v1.PostgresCluster","stacktrace":"sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Start.func2\\n\\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.19.1/pkg/internal/controller/controller.go:223"}`,
    `{"level":"info","ts":"${ts(1.52)}","msg":"Stopping and waiting for non leader election runnables"}`,
    `{"level":"info","ts":"${ts(1.51)}","msg":"Stopping and waiting for leader election runnables"}`,
    `{"level":"info","ts":"${ts(1.51)}","msg":"Stopping and waiting for caches"}`,
    `{"level":"info","ts":"${ts(1.5)}","msg":"Wait completed, proceeding to shutdown the manager"}`,
    `{"level":"error","ts":"${ts(1.5)}","logger":"setup","msg":"problem running manager","error":"failed to wait for postgrescluster caches to sync: timed out waiting for cache to be synced for Kind *v1.PostgresCluster","stacktrace":"main.main\\n\\t/workspace/cmd/main.go:142\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"}`,
  );
  const goneNode = 'ip-10-0-96-204.eu-west-1.compute.internal';
  const fp = 'spec.containers{manager}';
  return {
    id: 'heldout22-operator-conversion-webhook-scaled-to-zero',
    class: 'config',
    truth: 'The PostgresCluster CRD (db.acme.io) converts between v1beta1 and v1 through a conversion webhook served by the Deployment db-system/pgcluster-conversion-webhook. During a cost clean-up 47 minutes ago an engineer scaled that Deployment to 0 with kubectl scale, believing it unused. Its Service has no endpoints, so the API server fails every list of PostgresClusters ("conversion webhook ... failed: Post https://pgcluster-conversion-webhook.db-system.svc:443/convert: no endpoints available for service"). When Karpenter consolidated the operator\'s node 41 minutes ago, the new pg-operator pod could not sync its informer cache, timed out and exits 1 every run (CrashLoopBackOff). Neither the operator\'s v0.14.2 rollout three days ago nor the node consolidation is the cause. Fix: scale the webhook back to 2 replicas (and exclude it from clean-ups).',
    ask: { service: 'pg-operator', namespace: ns },
    objects: [
      ...nodes, ...op.objects, ...wh.objects, ...dash.objects,
      ...exposed({ namespace: ns, name: 'pg-operator-metrics', selector: { app: 'pg-operator' }, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }], pods: op.pods }),
      ...exposed({ namespace: whNs, name: 'pgcluster-conversion-webhook', selector: { app: 'pgcluster-conversion-webhook' }, ports: [{ name: 'https', port: 443, targetPort: 9443 }], pods: [], endpointPort: 9443 }),
      ...exposed({ namespace: ns, name: 'pg-operator-dashboard', selector: { app: 'pg-operator-dashboard' }, pods: dash.pods }),
      scaledReplicaSet(whDep, rsOf(wh, 4), 0, 2, 47),
      nodeEvent(goneNode, 'DisruptionTerminating', 'Disrupting NodeClaim: Underutilized/Delete', { firstAgo: 42, component: 'karpenter' }),
      createdPod(replicaSetOf(op, 7), pod, 41),
      scheduled(pod, 41),
      ...restartedAgain(pod, 'manager', image('v0.14.2'), { count: restarts + 1, firstAgo: 40.8, lastAgo: start }),
      backOff(pod, 'manager', { count: 112, firstAgo: 37 }),
      probeFailed(pod, 'manager', 'Readiness', `Get "http://${ipOfPod(pod)}:8081/readyz": dial tcp ${ipOfPod(pod)}:8081: connect: connection refused`, { count: 3, firstAgo: 30, lastAgo: 12 }),
      event({ on: pod, type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(pod)}:8081/readyz": dial tcp ${ipOfPod(pod)}:8081: connect: connection refused`, count: 1, firstAgo: 22 * 60, lastAgo: 22 * 60, fieldPath: fp }),
    ],
    logs: [
      logsFor(pod, 'manager', { current: crashRun, previous: crashRun }),
      ...dash.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3)} INFO GET /api/clusters 200 14ms`, `${at(0.6)} INFO GET /healthz 200 0ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/conversion webhook|pgcluster-conversion-webhook/i],
      facts: [/pgcluster-conversion-webhook/, /no endpoints|scaled (down )?to (0|zero)|0 replicas|replicas:? ?0|from 2 to 0/i, /db-system/, /exit(ed)?( code)? 1\b|exit 1\b/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness/i, /karpenter|consolidat/i, /pg-operator-dashboard/],
    },
  };
}

// ---- 2. a CoreDNS edit dropped the service.consul stub domain ---------------------------------

function corednsConsulStubDomainRemoved(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.72');
  const image = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'billing-api',
    containers: [container({
      image: image(v),
      ports: [8080],
      memory: '256Mi',
      env: [
        { name: 'VAULT_ADDR', value: 'https://vault.service.consul:8200' },
        { name: 'VAULT_ROLE', value: 'billing-api' },
        { name: 'DB_HOST', value: 'billing-db.cluster-c1x8ab2kq9.eu-west-1.rds.amazonaws.com' },
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const restarts = [6, 6, 5];
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-api 2.30.4', template: tpl('2.30.4') },
      { revision: 12, createdAgo: 2 * DAYS, changeCause: 'argocd: billing-api 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 2 * DAYS - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.8 + k * 0.7, ranSeconds: 2 }, restarts[k] ?? 5) } })),
    settled: { available: false, availableSince: 15, progressingSince: 2 * DAYS },
  });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[1] ?? '' }]);
  const corefile = [
    '.:53 {',
    '    errors',
    '    health {',
    '        lameduck 5s',
    '      }',
    '    ready',
    '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
    '      pods insecure',
    '      fallthrough in-addr.arpa ip6.arpa',
    '    }',
    '    rewrite name exact ledger.internal.acme.io ledger-api.payments.svc.cluster.local',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf',
    '    cache 30',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
    '',
  ].join('\n');
  const cm = configMap({ namespace: 'kube-system', name: 'coredns', createdAgo: 400 * DAYS, updatedAgo: 17, data: { Corefile: corefile } });
  const other = bystander(ns, 'invoice-renderer', names, 6 * 60, LOOK);
  const lookup = 'dial tcp: lookup vault.service.consul on 172.20.0.10:53: no such host';
  const runLog = (m: number) => lines(
    `{"time":"${at(m)}","level":"INFO","msg":"starting billing-api","version":"2.31.0","go":"go1.23.3"}`,
    `{"time":"${at(m - 0.002)}","level":"INFO","msg":"vault: logging in","addr":"https://vault.service.consul:8200","method":"kubernetes","role":"billing-api"}`,
    `{"time":"${at(m - 0.01)}","level":"ERROR","msg":"vault login failed","error":"Put \\"https://vault.service.consul:8200/v1/auth/kubernetes/login\\": ${lookup}"}`,
    `{"time":"${at(m - 0.01)}","level":"ERROR","msg":"fatal: cannot load database credentials from vault","path":"database/creds/billing-api","error":"Put \\"https://vault.service.consul:8200/v1/auth/kubernetes/login\\": ${lookup}"}`,
  );
  const sha = (s: string) => s.repeat(16).slice(0, 128);
  const dnsLog = lines(
    'service.consul.:53',
    '.:53',
    `[INFO] plugin/reload: Running configuration SHA512 = ${sha('8d1c0f7a3b6e2945')}`,
    'CoreDNS-1.11.3',
    'linux/amd64, go1.22.7, a6338e9',
    '[INFO] Reloading',
    `[INFO] plugin/reload: Running configuration SHA512 = ${sha('c47a90e15b2d8f63')}`,
    '[INFO] Reloading complete',
  );
  return {
    id: 'heldout22-coredns-consul-stub-domain-removed',
    class: 'network',
    truth: 'Seventeen minutes ago an engineer ran kubectl edit on kube-system/coredns to add a rewrite rule for ledger.internal.acme.io and, in the same edit, deleted the service.consul server block that forwarded *.service.consul to the Consul DNS servers (10.0.40.10:8600, 10.0.41.10:8600). CoreDNS reloaded ("[INFO] Reloading complete") and now sends service.consul to the VPC resolver, which answers NXDOMAIN. billing-api resolves Vault at vault.service.consul: its database-credential lease renewal failed, the process exited, and every restart fails the Vault login with "lookup vault.service.consul on 172.20.0.10:53: no such host", so all three pods crash-loop (exit 1). Vault, the 2.31.0 rollout two days ago and the nodes are fine. Fix: restore the service.consul block in the Corefile.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...dns.objects, cm, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image('2.31.0'), { count: restarts[k] ?? 5, firstAgo: 15.6 - k * 0.2, lastAgo: 0.8 + k * 0.7 + 2 / 60 }),
        backOff(p, 'app', { count: 70 - k * 5, firstAgo: 15.3 - k * 0.2 }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: 15.7, lastAgo: 15.6 }),
      ]),
      // Yesterday's noise: a slow readiness check during the nightly DB maintenance window.
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4, firstAgo: 23 * 60, lastAgo: 23 * 60 - 2 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: runLog(0.8 + k * 0.7 + 2 / 60), previous: runLog(0.8 + k * 0.7 + 2 / 60) })),
      ...dns.pods.map((p) => logsFor(p, 'coredns', { current: dnsLog })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(2)}","level":"INFO","msg":"rendered invoice","id":"inv_88213","pages":3}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/consul|no such host|NXDOMAIN|DNS|resolv/i],
      facts: [lit('vault.service.consul'), /no such host/, /coredns|Corefile/i, /exit(ed)?( code)? 1\b|exit 1\b/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /vault (is |was )?(down|sealed)/i, /liveness/i, /invoice-renderer/],
    },
  };
}

// ---- 3. one availability zone cut off from the database ----------------------------------------

function zonePartitionToDatabase(): CorpusScenario {
  const ns = 'orders';
  const zones = ['eu-west-1a', 'eu-west-1a', 'eu-west-1b', 'eu-west-1b', 'eu-west-1c', 'eu-west-1c'];
  const ips = ['10.0.16.41', '10.0.17.202', '10.0.48.19', '10.0.49.133', '10.0.80.57', '10.0.81.240'];
  const nodes = ips.map((ip, i) => node({ name: `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`, zone: zones[i] ?? 'eu-west-1a', instanceType: 'm6i.2xlarge' }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const db = 'orders-db.cluster-c9x2kq8w1z3v.eu-west-1.rds.amazonaws.com';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '1536Mi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: `jdbc:postgresql://${db}:5432/orders` },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
    })],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'orders-api' } } }],
  });
  const inB = (k: number) => k === 2 || k === 3;
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 6,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 4.18.2', template: tpl('4.18.2') },
      { revision: 41, createdAgo: 2 * DAYS, changeCause: 'argocd: orders-api 4.19.0', template: tpl('4.19.0') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({
      revision: 41,
      node: names[k] ?? '',
      createdAgo: 2 * DAYS - k,
      containers: {
        app: inB(k)
          ? running({ sinceAgo: 2 * DAYS - k - 0.2, ready: false })
          : k === 0
            ? running({ sinceAgo: 26 * 60, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 26 * 60, ranSeconds: 20 * 3600 } })
            : running({ sinceAgo: 2 * DAYS - k - 0.2 }),
      },
    })),
    settled: { available: false, availableSince: 12, progressingSince: 2 * DAYS },
  });
  for (const [k, p] of app.pods.entries()) {
    if (!inB(k)) continue;
    for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(12.5 - k * 0.2);
  }
  const recImage = `${ECR}/orders/orders-reconciler:2.4.1`;
  const rec = deploymentApp({
    namespace: ns,
    name: 'orders-reconciler',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-reconciler 2.4.1', template: { containers: [container({ image: recImage, ports: [], readiness: null, liveness: null, memory: '768Mi', env: [{ name: 'DATABASE_URL', value: `postgres://${db}:5432/orders` }] })] } }],
    pods: [{ revision: 17, node: names[1] ?? '', createdAgo: 12 * DAYS }, { revision: 17, node: names[3] ?? '', createdAgo: 12 * DAYS - 2 }],
  });
  const other = bystander(ns, 'orders-notifier', [names[0] ?? '', names[4] ?? ''], 5 * 60, LOOK);
  const bPods = app.pods.filter((_, k) => inB(k));
  const okPods = app.pods.filter((_, k) => !inB(k));
  const S = 'orders-api';
  const timeoutRun = (m: number) => [
    `${spring(m, 'ERROR', S, 'nio-8080-exec-4', 'o.h.engine.jdbc.spi.SqlExceptionHelper')}HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=9)`,
    `${spring(m, 'ERROR', S, 'nio-8080-exec-4', 'o.h.engine.jdbc.spi.SqlExceptionHelper')}The connection attempt failed.`,
    `${spring(m, 'ERROR', S, 'nio-8080-exec-4', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]')}Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: Unable to acquire JDBC Connection [HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=9)] [n/a]] with root cause`,
    '',
    'java.net.SocketTimeoutException: Connect timed out',
    '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:551)',
    '\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)',
    '\tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)',
    '\tat java.base/java.net.Socket.connect(Socket.java:751)',
    '\tat org.postgresql.core.PGStream.createSocket(PGStream.java:260)',
    '\tat org.postgresql.core.PGStream.<init>(PGStream.java:121)',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:140)',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:268)',
    '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:488)',
    '\tat com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:752)',
    '',
    `${spring(m - 0.2, 'WARN', S, 'alth-checker-1', 'o.s.b.a.jdbc.DataSourceHealthIndicator')}DataSource health check failed`,
    `${spring(m - 0.2, 'WARN', S, 'l-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool')}HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).`,
  ];
  const bLog = lines(
    `${spring(13.4, 'INFO', S, 'nio-8080-exec-2', 'c.a.orders.api.OrderController')}POST /v2/orders 201 38ms`,
    `${spring(12.9, 'WARN', S, 'nio-8080-exec-7', 'com.zaxxer.hikari.pool.PoolBase')}HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@3b7e1f2a (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
    ...timeoutRun(12.4),
    ...timeoutRun(6.1),
    ...timeoutRun(0.7),
  );
  const okLog = lines(
    `${spring(1.1, 'INFO', S, 'nio-8080-exec-3', 'c.a.orders.api.OrderController')}POST /v2/orders 201 31ms`,
    `${spring(0.6, 'INFO', S, 'nio-8080-exec-9', 'c.a.orders.api.OrderController')}GET /v2/orders/ord_7Kq2 200 9ms`,
  );
  const recB = podOf(rec, 1);
  return {
    id: 'heldout22-zone-partition-to-database',
    class: 'network',
    truth: 'About thirteen minutes ago an AWS network impairment in eu-west-1b cut connectivity from that zone to the RDS writer orders-db (in eu-west-1a). The two orders-api pods on the eu-west-1b nodes (ip-10-0-48-19, ip-10-0-49-133) time out connecting to orders-db:5432 (HikariPool "Connection is not available", SocketTimeoutException: Connect timed out), so their readiness (which includes the DataSource) fails and they left the Service; the four pods in eu-west-1a and eu-west-1c, on the same revision 41, are ready and serve. orders-reconciler\'s pod in eu-west-1b times out too. Nothing in the cluster changed: not the 4.19.0 rollout two days ago, not yesterday\'s OOMKilled restart. Mitigation: cordon the eu-west-1b nodes / shift traffic out of the zone until AWS recovers.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rec.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-notifier', selector: { app: 'orders-notifier' }, pods: other.pods }),
      ...bPods.flatMap((p, i) => [
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61 - i * 3, firstAgo: 12.6, lastAgo: 0.3 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 14 + i, firstAgo: 12.2, lastAgo: 1.4 }),
      ]),
      // Yesterday's noise: the OOMKilled restart of one pod in eu-west-1a.
      event({ on: podOf(app, 0), type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.19.0')}" already present on machine`, firstAgo: 26 * 60, lastAgo: 26 * 60, fieldPath: 'spec.containers{app}' }),
      event({ on: podOf(app, 0), type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 26 * 60, lastAgo: 26 * 60, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...bPods.map((p) => logsFor(p, 'app', { current: bLog })),
      ...okPods.map((p) => logsFor(p, 'app', { current: okLog })),
      logsFor(podOf(rec, 0), 'app', { current: lines(`${pyTime(2.1)} INFO reconciler: batch 88231 settled 412 orders in 1.8s`, `${pyTime(0.9)} INFO reconciler: batch 88232 settled 397 orders in 1.7s`) }),
      logsFor(recB, 'app', { current: lines(
        `${pyTime(12.8)} INFO reconciler: batch 41502 settled 405 orders in 1.9s`,
        `${pyTime(11.7)} ERROR reconciler: database error, retrying in 30s`,
        'Traceback (most recent call last):',
        '  File "/app/reconciler/db.py", line 58, in connect',
        '    return psycopg.connect(self.dsn, connect_timeout=10)',
        '  File "/usr/local/lib/python3.12/site-packages/psycopg/connection.py", line 119, in connect',
        '    raise last_ex.with_traceback(None)',
        `psycopg.errors.ConnectionTimeout: connection timeout expired`,
        `${pyTime(0.4)} ERROR reconciler: database error, retrying in 30s (attempt 23): connection to server at "${db}" (10.0.21.88), port 5432 failed: timeout expired`,
      ) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(1.5)} INFO sent 12 notifications`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/eu-west-1b|zone/i],
      facts: [/eu-west-1b/, /orders-db|5432/, /time(d)? ?out|timeout/i, /readiness/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /liveness/i, /node[^\n]{0,40}NotReady/i],
    },
  };
}

// ---- 4. a Recreate rollout waiting on 900-second drains ----------------------------------------

function recreateRolloutWaitsForLongDrain(): CorpusScenario {
  const ns = 'statements';
  const { nodes, names } = threeEksNodes('10.0.133');
  const image = (v: string) => `${ECR}/statements/statement-export:${v}`;
  const tpl = (v: string) => ({
    terminationGracePeriodSeconds: 900,
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['statement_export.wsgi:app', '--bind=0.0.0.0:8000', '--worker-class=gthread', '--workers=4', '--threads=8', '--timeout=0', '--graceful-timeout=880'],
      ports: [8000],
      cpu: '1',
      memory: '2Gi',
      readiness: httpProbe('/healthz', 8000, { periodSeconds: 5 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20, periodSeconds: 20, failureThreshold: 6 }),
      volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }],
    })],
    volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '20Gi' } }],
  });
  const rolled = 11;
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-export',
    replicas: 3,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 15, createdAgo: 6 * DAYS, changeCause: 'argocd: statement-export 3.7.4', template: tpl('3.7.4') },
      { revision: 16, createdAgo: rolled, changeCause: 'argocd: statement-export 3.8.0', template: tpl('3.8.0') },
    ],
    // Graceful deletion: deletionTimestamp is when the grace period ends (requested 11 min ago + 900 s).
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 6 * DAYS - k, deletingAgo: rolled - 15, containers: { app: running({ sinceAgo: 6 * DAYS - k - 0.3, ready: false }) } })),
  });
  const dep = deploymentOf(app);
  if (dep.status) dep.status.unavailableReplicas = 3;
  for (const p of app.pods) for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(rolled - 0.1);
  const webImage = `${ECR}/statements/statements-web:9.2.0`;
  const web = deploymentApp({
    namespace: ns,
    name: 'statements-web',
    replicas: 2,
    revisions: [{ revision: 33, createdAgo: 4 * DAYS, changeCause: 'argocd: statements-web 9.2.0', template: { containers: [container({ image: webImage, ports: [3000], memory: '384Mi', env: [{ name: 'EXPORT_URL', value: 'http://statement-export.statements.svc' }] })] } }],
    pods: [{ revision: 33, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 33, node: names[2] ?? '', createdAgo: 4 * DAYS - 1 }],
  });
  const svcObjs = exposed({ namespace: ns, name: 'statement-export', selector: { app: 'statement-export' }, pods: app.pods, endpointPort: 8000 });
  const webObjs = exposed({ namespace: ns, name: 'statements-web', selector: { app: 'statements-web' }, pods: web.pods, endpointPort: 3000 });
  const vip = clusterIpOf(svcObjs, 'statement-export');
  const jobs = ['exp_7Qm2Lx', 'exp_9Hd4Rw', 'exp_2Kp8Zc'];
  const oldLog = (k: number) => lines(
    `${gunicornTime(6 * DAYS - k - 0.3)} [1] [INFO] Starting gunicorn 22.0.0`,
    `${gunicornTime(6 * DAYS - k - 0.3)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gunicornTime(6 * DAYS - k - 0.3)} [1] [INFO] Using worker: gthread`,
    `${gunicornTime(6 * DAYS - k - 0.3)} [7] [INFO] Booting worker with pid: 7`,
    `${gunicornTime(6 * DAYS - k - 0.3)} [8] [INFO] Booting worker with pid: 8`,
    `${pyTime(13.2)} INFO statement_export.render: export ${jobs[k] ?? ''} account=acc_${4410 + k} period=2019-01..2026-10 pages 1210/5120`,
    `${gunicornTime(rolled)} [1] [INFO] Handling signal: term`,
    `${gunicornTime(rolled - 0.05)} [8] [INFO] Worker exiting (pid: 8)`,
    `${pyTime(7.9)} INFO statement_export.render: export ${jobs[k] ?? ''} account=acc_${4410 + k} period=2019-01..2026-10 pages 2460/5120`,
    `${pyTime(2.6)} INFO statement_export.render: export ${jobs[k] ?? ''} account=acc_${4410 + k} period=2019-01..2026-10 pages 3690/5120`,
  );
  const webLog = lines(
    `{"level":30,"time":${epochMs(12)},"pid":1,"hostname":"statements-web","req":{"method":"POST","url":"/api/exports"},"res":{"statusCode":202},"responseTime":88,"msg":"request completed"}`,
    `{"level":50,"time":${epochMs(9.5)},"pid":1,"hostname":"statements-web","err":{"type":"Error","message":"connect ECONNREFUSED ${vip}:80","stack":"Error: connect ECONNREFUSED ${vip}:80\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"${vip}","port":80},"msg":"export service call failed"}`,
    `{"level":30,"time":${epochMs(9.5)},"pid":1,"hostname":"statements-web","req":{"method":"POST","url":"/api/exports"},"res":{"statusCode":502},"responseTime":3,"msg":"request completed"}`,
    `{"level":50,"time":${epochMs(0.8)},"pid":1,"hostname":"statements-web","err":{"type":"Error","message":"connect ECONNREFUSED ${vip}:80","stack":"Error: connect ECONNREFUSED ${vip}:80\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"${vip}","port":80},"msg":"export service call failed"}`,
  );
  return {
    id: 'heldout22-recreate-rollout-waits-for-long-drain',
    class: 'rollout',
    truth: 'statement-export uses strategy Recreate and terminationGracePeriodSeconds 900 so that long PDF exports can finish on shutdown. Argo CD synced revision 16 (3.8.0) 11 minutes ago: the deployment controller scaled the revision-15 ReplicaSet from 3 to 0, and all three old pods are Terminating, gunicorn draining long export requests for up to 15 minutes. Recreate creates no new pod until every old one is gone, so for the whole drain the Service statement-export has zero ready endpoints and statements-web gets ECONNREFUSED. Nothing is crashing and 3.8.0 itself is not faulty; the outage is the Recreate strategy combined with the 900 s grace period. (Recreate was chosen years ago so two versions never consume the export queue at once.) Fix: switch to RollingUpdate with a queue-version guard, or move long exports to Jobs so pods can drain quickly.',
    ask: { service: 'statement-export', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, ...svcObjs, ...webObjs,
      scaledReplicaSet(dep, rsOf(app, 15), 0, 3, rolled),
      ...app.pods.flatMap((p, k) => [
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: rolled, lastAgo: rolled, fieldPath: 'spec.containers{app}' }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8000/healthz": dial tcp ${ipOfPod(p)}:8000: connect: connection refused`, { count: 128 - k * 2, firstAgo: rolled - 0.05 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
      ...web.pods.map((p) => logsFor(p, 'app', { current: webLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Recreate|terminat/i],
      facts: [/Recreate/, /900|15 ?min/i, /terminat/i, /statement-export/],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /crash ?loop/i, /ImagePull|ErrImage/i, /liveness/i],
    },
  };
}

// ---- 5. a SealedSecret the re-installed controller cannot decrypt -----------------------------

function sealedSecretNoKeyCouldDecrypt(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.208');
  const image = (v: string) => `${ECR}/payments/payout-service:${v}`;
  const key = (k: string) => ({ name: k, valueFrom: { secretKeyRef: { name: 'payout-service', key: k } } });
  const tpl = (v: string, keys: string[]) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, ...keys.map(key)],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  });
  const rolled = 19;
  const cfgErr = 'couldn\'t find key ADYEN_API_KEY in Secret payments/payout-service';
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 4 * DAYS, changeCause: 'argocd: payout-service 7.3.1', template: tpl('7.3.1', ['DB_PASSWORD', 'JWT_SIGNING_KEY']) },
      { revision: 58, createdAgo: rolled, changeCause: 'argocd: payout-service 7.4.0', template: tpl('7.4.0', ['DB_PASSWORD', 'JWT_SIGNING_KEY', 'ADYEN_API_KEY']) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 58, node: names[1] ?? '', createdAgo: rolled - 0.1, containers: { app: waiting('CreateContainerConfigError', cfgErr) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ctlImage = 'docker.io/bitnami/sealed-secrets-controller:0.23.1';
  const ctl = deploymentApp({
    namespace: 'kube-system',
    name: 'sealed-secrets-controller',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'sealed-secrets' },
    createdAgo: 3 * DAYS,
    revisions: [{ revision: 1, createdAgo: 3 * DAYS, changeCause: 'helm: sealed-secrets 2.13.2', template: { serviceAccountName: 'sealed-secrets-controller', containers: [container({ name: 'controller', image: ctlImage, command: ['controller'], args: ['--update-status', '--key-prefix', 'sealed-secrets-key'], ports: [{ name: 'http', containerPort: 8080 }], cpu: '50m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 3 * DAYS }],
  });
  const ctlPod = podOf(ctl, 0);
  const reinstall = 3 * DAYS - 0.5;
  const decryptAll = 'no key could decrypt secret (ADYEN_API_KEY, DB_PASSWORD, JWT_SIGNING_KEY)';
  const ctlLog = lines(
    `${goLogTime(reinstall)} Starting sealed-secrets controller version: 0.23.1`,
    `${goLogTime(reinstall)} Searching for existing private keys`,
    `${goLogTime(reinstall)} New key written to kube-system/sealed-secrets-key7xk2p`,
    `${goLogTime(reinstall)} Certificate is `,
    '-----BEGIN CERTIFICATE-----',
    'MIIEzTCCArWgAwIBAgIRAPq1k4X0dZ2b8vN3Tq7m5cEwDQYJKoZIhvcNAQELBQAw',
    'ADAeFw0yNjExMTgwMzE0MDBaFw0zNjExMTYwMzE0MDBaMAAwggIiMA0GCSqGSIb3',
    '-----END CERTIFICATE-----',
    '',
    `${goLogTime(reinstall)} HTTP server serving on :8080`,
    `${goLogTime(reinstall - 0.02)} Updating payments/payout-service`,
    `${goLogTime(reinstall - 0.02)} Error updating payments/payout-service, will retry: no key could decrypt secret (DB_PASSWORD, JWT_SIGNING_KEY)`,
    `${goLogTime(reinstall - 0.02)} Updating checkout/checkout-api`,
    `${goLogTime(reinstall - 0.02)} Error updating checkout/checkout-api, will retry: no key could decrypt secret (STRIPE_SECRET_KEY)`,
    `${goLogTime(reinstall - 0.1)} Error updating payments/payout-service, giving up: no key could decrypt secret (DB_PASSWORD, JWT_SIGNING_KEY)`,
    `${goLogTime(reinstall - 0.1)} Error updating checkout/checkout-api, giving up: no key could decrypt secret (STRIPE_SECRET_KEY)`,
    `${goLogTime(rolled + 0.3)} Updating payments/payout-service`,
    `${goLogTime(rolled + 0.3)} Error updating payments/payout-service, will retry: ${decryptAll}`,
    `${goLogTime(rolled + 0.29)} Error updating payments/payout-service, will retry: ${decryptAll}`,
    `${goLogTime(rolled + 0.28)} Error updating payments/payout-service, will retry: ${decryptAll}`,
    `${goLogTime(rolled + 0.26)} Error updating payments/payout-service, will retry: ${decryptAll}`,
    `${goLogTime(rolled + 0.2)} Error updating payments/payout-service, will retry: ${decryptAll}`,
    `${goLogTime(rolled + 0.1)} Error updating payments/payout-service, giving up: ${decryptAll}`,
  );
  const sealedEvent = event({ on: { kind: 'SealedSecret', name: 'payout-service', namespace: ns }, reason: 'ErrUnsealFailed', message: `Failed to unseal: ${decryptAll}`, count: 6, firstAgo: rolled + 0.3, lastAgo: rolled + 0.1, component: 'sealed-secrets-controller' });
  sealedEvent.involvedObject.apiVersion = 'bitnami.com/v1alpha1';
  const other = bystander(ns, 'payout-scheduler', names, 26 * 60, LOOK);
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout22-sealedsecret-no-key-could-decrypt',
    class: 'config',
    truth: 'Three days ago the sealed-secrets controller was re-installed in kube-system without restoring its sealing key; it generated a new one (sealed-secrets-key7xk2p), so it can no longer decrypt SealedSecrets sealed with the old public certificate. 19 minutes ago Argo CD synced payout-service 7.4.0 together with an updated SealedSecret payout-service that adds ADYEN_API_KEY, sealed by the developer with the old certificate kept in the repository. The controller fails with ErrUnsealFailed "no key could decrypt secret (ADYEN_API_KEY, DB_PASSWORD, JWT_SIGNING_KEY)" and leaves the existing Secret payout-service untouched, without ADYEN_API_KEY. The revision-58 pod sits in CreateContainerConfigError ("couldn\'t find key ADYEN_API_KEY in Secret payments/payout-service"), the rollout is stuck, and the three revision-57 pods keep serving. Fix: re-seal the secret with the controller\'s current certificate (kubeseal --fetch-cert) or restore the old key.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ctl.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
      ...exposed({ namespace: 'kube-system', name: 'sealed-secrets-controller', selector: { 'app.kubernetes.io/name': 'sealed-secrets' }, pods: ctl.pods }),
      sealedEvent,
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, rolled),
      scheduled(fresh, rolled - 0.1),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('7.4.0')}"`, firstAgo: rolled - 0.15, lastAgo: rolled - 0.15, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('7.4.0')}" in 6.204s (6.204s including waiting). Image size: 212448310 bytes.`, firstAgo: rolled - 0.25, lastAgo: rolled - 0.25, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('7.4.0')}" already present on machine`, count: 87, firstAgo: rolled - 0.4, lastAgo: 0.3, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: `Error: ${cfgErr}`, count: 88, firstAgo: rolled - 0.25, lastAgo: 0.3, fieldPath: fp }),
    ],
    logs: [
      logsFor(ctlPod, 'controller', { current: ctlLog }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(1.4)}  INFO 1 --- [payout-service] [nio-8080-exec-5] c.a.payments.payout.PayoutController     : POST /v1/payouts 202 57ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ADYEN_API_KEY|CreateContainerConfigError|payout-service/, /seal|decrypt/i],
      facts: [/no key could decrypt/i, /ErrUnsealFailed|unseal/i, lit('ADYEN_API_KEY'), /sealed-secrets/i],
      never: [/\bOOM/, /crash ?loop/i, /secret "payout-service" not found/i, /ImagePull|ErrImage/i, /payout-scheduler/],
    },
  };
}

// ---- 6. MySQL's 4M max_allowed_packet against bigger rows --------------------------------------

function mysqlMaxAllowedPacket(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.164');
  const image = (v: string) => `${ECR}/catalog/catalog-ingest:${v}`;
  const jdbc = 'jdbc:mysql://catalog-mysql.catalog.svc:3306/catalog?useSSL=false&rewriteBatchedStatements=true';
  const tpl = (v: string, batch: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '1536Mi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: jdbc },
        { name: 'INGEST_BATCH_SIZE', value: batch },
        { name: 'INGEST_INLINE_MEDIA_MANIFEST', value: v === '5.2.0' ? 'true' : 'false' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const rolled = 35;
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-ingest',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: catalog-ingest 5.1.3', template: tpl('5.1.3', '50') },
      { revision: 23, createdAgo: rolled, changeCause: 'argocd: catalog-ingest 5.2.0', template: tpl('5.2.0', '500') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: rolled - 0.5 - k * 1.2 })),
  });
  const cnf = [
    '[mysqld]',
    'character-set-server = utf8mb4',
    'collation-server = utf8mb4_0900_ai_ci',
    'max_connections = 500',
    'max_allowed_packet = 4M',
    'innodb_buffer_pool_size = 3G',
    'innodb_log_file_size = 512M',
    'slow_query_log = 1',
    'long_query_time = 2',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'catalog-mysql-config', createdAgo: 420 * DAYS, data: { 'my.cnf': cnf } });
  const mysqlImage = 'docker.io/library/mysql:8.0.40';
  const mysqlTpl = {
    containers: [container({
      name: 'mysql',
      image: mysqlImage,
      ports: [{ name: 'mysql', containerPort: 3306 }],
      cpu: '2',
      memory: '6Gi',
      readiness: { exec: { command: ['mysqladmin', 'ping', '-h', '127.0.0.1'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: { exec: { command: ['mysqladmin', 'ping', '-h', '127.0.0.1'] }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'config', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'catalog-mysql-config', defaultMode: 420 } }],
  };
  const mysql = statefulSetApp({
    namespace: ns,
    name: 'catalog-mysql',
    replicas: 1,
    serviceName: 'catalog-mysql-headless',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: mysqlTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 40 * DAYS, containers: { mysql: running({ sinceAgo: 6 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS, ranSeconds: 34 * 86400 } }) } }],
  });
  const [dataPvc, dataPv] = boundClaim({ namespace: ns, name: 'data-catalog-mysql-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 400 * DAYS });
  const search = bystander(ns, 'catalog-search', names, 8 * 60, LOOK);
  const S = 'catalog-ingest';
  const tooBig = (n: string) => `Packet for query is too large (${n} > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.`;
  const failure = (m: number, feed: string, sku: string, size: string) => [
    `${spring(m, 'INFO', S, 'scheduling-1', 'c.a.catalog.ingest.FeedPoller')}feed ${feed}: 12,480 variants changed, writing in batches of 500`,
    `${spring(m - 0.03, 'ERROR', S, 'scheduling-1', 'c.a.catalog.ingest.VariantBatchWriter')}upsert failed (feed=${feed}, batch=3/25, sku=${sku})`,
    '',
    `org.springframework.dao.TransientDataAccessResourceException: PreparedStatementCallback; SQL [INSERT INTO product_variant (sku, product_id, attributes, media_manifest, updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE attributes = VALUES(attributes), media_manifest = VALUES(media_manifest), updated_at = VALUES(updated_at)]; ${tooBig(size)}`,
    '\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:121)',
    '\tat org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:107)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.translateException(JdbcTemplate.java:1548)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:677)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.batchUpdate(JdbcTemplate.java:1004)',
    '\tat com.acme.catalog.ingest.VariantBatchWriter.write(VariantBatchWriter.java:88)',
    `Caused by: com.mysql.cj.jdbc.exceptions.PacketTooBigException: ${tooBig(size)}`,
    '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:110)',
    '\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:113)',
    '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:916)',
    '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatchWithMultiValuesClause(ClientPreparedStatement.java:716)',
    '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeBatchInternal(ClientPreparedStatement.java:409)',
    '\tat com.mysql.cj.jdbc.StatementImpl.executeBatch(StatementImpl.java:795)',
    '\tat com.zaxxer.hikari.pool.ProxyStatement.executeBatch(ProxyStatement.java:127)',
    '\t... 14 common frames omitted',
    '',
    `${spring(m - 0.05, 'WARN', S, 'scheduling-1', 'c.a.catalog.ingest.FeedPoller')}feed ${feed}: 1 of 25 batches failed, 500 variants left stale; will retry next poll`,
  ];
  const ingestLog = (k: number) => lines(
    `${spring(rolled - 1 - k * 1.2, 'INFO', S, 'main', 'c.a.catalog.CatalogIngestApplication')}Started CatalogIngestApplication in 14.882 seconds (process running for 16.104)`,
    `${spring(22 - k, 'INFO', S, 'scheduling-1', 'c.a.catalog.ingest.FeedPoller')}feed supplier-2210: 310 variants changed, writing in batches of 500`,
    `${spring(22 - k - 0.02, 'INFO', S, 'scheduling-1', 'c.a.catalog.ingest.FeedPoller')}feed supplier-2210: done in 1.9s`,
    ...failure(16 - k, 'supplier-4471', 'SUP4471-88120-BLK', '6,817,245'),
    ...failure(6 - k, 'supplier-5190', 'SUP5190-00412-XL', '9,102,388'),
  );
  const mysqlLog = lines(
    `${at(6 * DAYS)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${at(6 * DAYS - 0.1)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${at(6 * DAYS - 0.5)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${at(6 * DAYS - 0.6)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${at(6 * DAYS - 0.6)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
  );
  return {
    id: 'heldout22-mysql-max-allowed-packet',
    class: 'config',
    truth: 'catalog-ingest revision 23 (5.2.0, 35 minutes ago) started writing each variant\'s inlined media_manifest and batching 500 rows with rewriteBatchedStatements. Rows of large suppliers now exceed 4 MB, but the catalog-mysql server still runs with max_allowed_packet = 4M from the ConfigMap catalog-mysql-config (a leftover of the MySQL 5.7 days). Connector/J rejects those statements with PacketTooBigException "Packet for query is too large (6,817,245 > 4,194,304) ... max_allowed_packet", so those upserts fail and the variants go stale. The pods stay Ready and never restart; MySQL is healthy (its OOMKilled restart six days ago is unrelated). Fix: raise max_allowed_packet (e.g. 64M) in catalog-mysql-config, or revert to 5.1.3 until then.',
    ask: { service: 'catalog-ingest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mysql.objects, cm, dataPvc, dataPv, ...search.objects,
      ...exposed({ namespace: ns, name: 'catalog-ingest', selector: { app: 'catalog-ingest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-mysql', selector: { app: 'catalog-mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], pods: mysql.pods, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'catalog-mysql-headless', selector: { app: 'catalog-mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], headless: true, pods: mysql.pods, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: search.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, rolled - 0.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 3, rolled - 1.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 1, rolled - 1.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 2, rolled - 2.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 2, rolled - 2.9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, rolled - 4),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('5.2.0'), rolled - 0.5 - k * 1.2)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: ingestLog(k) })),
      logsFor(podOf(mysql, 0), 'mysql', { current: mysqlLog }),
      ...search.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(0.7)} INFO query took 12ms hits=48`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_allowed_packet|Packet for query is too large|PacketTooBig/i],
      facts: [/4,?194,?304|4M\b/, /catalog-mysql/, /max_allowed_packet/],
      never: [/\bOOM/, /crash ?loop/i, /readiness probe (is )?fail/i, /catalog-search/, /liveness/i],
    },
  };
}

// ---- 7. healthy: an Indexed Job halfway through its backfill -----------------------------------

function indexedJobHalfwayHealthy(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.240');
  const image = `${ECR}/ledger/ledger-backfill:2026.11.3`;
  const created = 100;
  const tpl = {
    containers: [batchContainer({
      name: 'backfill',
      image,
      command: ['python', '-m', 'backfill'],
      args: ['--shards=20', '--shard=$(JOB_COMPLETION_INDEX)', '--since=2019-01-01'],
      env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }],
      cpu: '1',
      memory: '2Gi',
    })],
    serviceAccountName: 'ledger-backfill',
  };
  // index -> [startedAgo, finishedAgo | undefined (running)]
  type Run = { index: number; start: number; end?: number; failed?: boolean };
  const runs: Run[] = [
    { index: 0, start: 99.8, end: 64 }, { index: 1, start: 99.8, end: 61.5 }, { index: 2, start: 99.7, end: 66 }, { index: 3, start: 99.7, end: 63 }, { index: 4, start: 99.6, end: 60.2 },
    { index: 5, start: 65.9, end: 31 }, { index: 6, start: 63.9, end: 52.4, failed: true }, { index: 7, start: 62.9, end: 29.5 }, { index: 8, start: 61.4, end: 27.8 }, { index: 9, start: 60.1, end: 25.4 },
    { index: 6, start: 52.2, end: 17.9 },
    { index: 10, start: 30.9 }, { index: 11, start: 29.4 }, { index: 12, start: 27.7 }, { index: 13, start: 25.3 }, { index: 14, start: 17.8 },
  ];
  const built = job({
    namespace: ns,
    name: 'ledger-backfill',
    template: tpl,
    completions: 20,
    parallelism: 5,
    backoffLimit: 6,
    createdAgo: created,
    pods: runs.map((r, i) => ({
      name: `ledger-backfill-${r.index}-${['x7k2q', 'b9mzt', 'r4wdn', 'h2c8p', 'q5vjl', 'n8fks', 'd3tgw', 'z6plm', 'c2xbr', 'w9hqd', 'k4nzv', 'j7rfc', 's2lwm', 'p8gtx', 'f5kdz', 'v3mqc'][i] ?? 'zzzzz'}`,
      node: names[i % 3] ?? '',
      createdAgo: r.start + 0.1,
      phase: r.end === undefined ? 'Running' as const : r.failed ? 'Failed' as const : 'Succeeded' as const,
      containers: { backfill: r.end === undefined ? running({ sinceAgo: r.start }) : terminated({ exitCode: r.failed ? 1 : 0, finishedAgo: r.end, ranSeconds: Math.round((r.start - r.end) * 60) }) },
    })),
  });
  const jobObj = built.objects[0] as k8s.V1Job;
  if (jobObj.spec) jobObj.spec.completionMode = 'Indexed';
  if (jobObj.status) Object.assign(jobObj.status, { completedIndexes: '0-9', ready: 5, active: 5, succeeded: 10, failed: 1 });
  built.pods.forEach((p, i) => {
    const idx = String(runs[i]?.index ?? 0);
    p.metadata = {
      ...p.metadata,
      labels: { ...p.metadata?.labels, 'batch.kubernetes.io/job-completion-index': idx },
      annotations: { ...p.metadata?.annotations, 'batch.kubernetes.io/job-completion-index': idx },
    };
    if (p.spec) p.spec = { ...p.spec, hostname: `ledger-backfill-${idx}` };
  });
  const pod = (idx: number, failed = false) => built.pods.find((_, i) => runs[i]?.index === idx && (runs[i]?.failed ?? false) === failed);
  const failedPod = pod(6, true);
  const api = bystander(ns, 'ledger-api', names, 3 * DAYS, LOOK);
  const apiPod = podOf(api, 0);
  if (apiPod.status?.containerStatuses?.[0]) {
    apiPod.status.containerStatuses[0].restartCount = 1;
    apiPod.status.containerStatuses[0].lastState = exited({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS, ranSeconds: 86400 }, 'old');
  }
  const progress = (idx: number, start: number) => every(start - 0.5, 0.4, 300, (t) => `${pyTime(t)} INFO backfill: shard ${idx}/20 rows ${Math.round((start - t) * 83_000).toLocaleString('en-US')}/2,900,000 (${(((start - t) * 83_000) / 29_000).toFixed(1)}%)\n`);
  const runningPods = built.pods.filter((p) => p.status?.phase === 'Running');
  const jobRef = built.objects[0];
  return {
    id: 'heldout22-indexed-job-halfway-healthy',
    class: 'healthy',
    truth: 'ledger-backfill is an Indexed Job (completions 20, parallelism 5) re-deriving ledger balances since 2019, shard per index. 100 minutes in, indexes 0-9 have completed, indexes 10-14 are running with steady progress, and 15-19 will start as slots free up. Index 6 failed once 52 minutes ago (exit 1, a Postgres connection reset during a failover drill) and its retry succeeded; 1 failure of a backoff limit of 6. Nothing is wrong: the Job is on schedule to finish in roughly an hour. The old OOMKilled restart of ledger-api two days ago is unrelated.',
    ask: { service: 'ledger-backfill', namespace: ns },
    objects: [
      ...nodes, ...built.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      ...(failedPod === undefined ? [] : [jobEvent(jobRef, 'SuccessfulCreate', 'Created pod: ' + nameOf(pod(6)), 52.3)]),
      ...runningPods.map((p) => jobEvent(jobRef, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, (NOW.getTime() - (p.metadata?.creationTimestamp?.getTime() ?? 0)) / 60000)),
      ...runningPods.map((p) => scheduled(p, (NOW.getTime() - (p.metadata?.creationTimestamp?.getTime() ?? 0)) / 60000 - 0.02)),
    ],
    logs: [
      ...runningPods.map((p) => {
        const idx = Number(p.metadata?.annotations?.['batch.kubernetes.io/job-completion-index'] ?? 0);
        const start = runs.find((r) => r.index === idx && r.end === undefined)?.start ?? 10;
        return logsFor(p, 'backfill', { current: `${pyTime(start)} INFO backfill: shard ${idx}/20 starting, 2,900,000 rows since 2019-01-01\n` + progress(idx, start) });
      }),
      ...(failedPod === undefined ? [] : [logsFor(failedPod, 'backfill', { current: lines(
        `${pyTime(63.9)} INFO backfill: shard 6/20 starting, 2,900,000 rows since 2019-01-01`,
        `${pyTime(55)} INFO backfill: shard 6/20 rows 431,000/2,900,000 (14.9%)`,
        `${pyTime(52.4)} ERROR backfill: shard 6/20 aborted`,
        'Traceback (most recent call last):',
        '  File "/app/backfill/__main__.py", line 71, in <module>',
        '    run(shard=args.shard, shards=args.shards, since=args.since)',
        '  File "/app/backfill/runner.py", line 133, in run',
        '    cur.execute(UPSERT_BALANCES, batch)',
        'psycopg.OperationalError: consuming input failed: server closed the connection unexpectedly',
        '\tThis probably means the server terminated abnormally',
        '\tbefore or while processing the request.',
      ) })]),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(1)} INFO GET /v1/balances 200 7ms`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|progress|running|on track|normal|10\/20|10 of 20|OK\b/i],
      facts: [/ledger-backfill/, /10\/20|10 of 20|10 (succeeded|completed)|succeeded:? ?10|completed:? ?10|0-9/i],
      never: [/BackoffLimitExceeded|reached the (specified )?backoff limit/i, /\bOOM/, /crash ?loop/i, /job (has )?failed/i, /ledger-api/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  operatorConversionWebhookScaledToZero(),
  corednsConsulStubDomainRemoved(),
  zonePartitionToDatabase(),
  recreateRolloutWaitsForLongDrain(),
  sealedSecretNoKeyCouldDecrypt(),
  mysqlMaxAllowedPacket(),
  indexedJobHalfwayHealthy(),
];
