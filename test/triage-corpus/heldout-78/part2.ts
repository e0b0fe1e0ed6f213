// Held-out stories, round 78, part 2 — written blind to the analysis code.
//
// 1. invoice-api: the injected Vault Agent's token is capped at the role's new 1h max TTL, renewal
//    fails with 403, the dynamic Postgres credential it rendered goes stale and the app's logins
//    fail with "password authentication failed" about an hour after the pods started.
// 2. kafka: scaled 3 → 4, but the namespace's ResourceQuota on requests.storage refuses the new
//    ordinal's 500Gi claim, so kafka-3 is never created.
// 3. node-exporter: its pods on the new analytics node pool stay Pending because another team's
//    DaemonSet already holds hostPort 9100 there ("didn't have free ports for the requested pod ports").
// 4. order-scheduler: a ZooKeeper znode's children list passed jute.maxbuffer (1 MB); the Curator
//    client gets "Packet len … is out of range!" and loses / re-establishes its session in a loop.
// 5. cart-api: revision 23 raised REDIS_POOL_SIZE 40 → 200; 6 replicas × 200 exceed Redis's
//    maxclients 1000 and new connections get "ERR max number of clients reached".
// 6. thumbnailer-worker: a memory limit cut to 768Mi makes the kernel's cgroup OOM killer SIGKILL
//    Celery's prefork children (PID 1 survives, no OOMKilled status): WorkerLostError signal 9.
// 7. Healthy control: catalog-api under gunicorn with --max-requests, whose workers log
//    "Autorestarting worker after current request." and "Worker exiting" by design.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, batchContainer, configMap, container, containerStatus, daemonSetApp, deploymentApp, event, exposed,
  failedScheduling, httpProbe, nameOf, node, probeFailed, pyTime, resourceQuota, running, scaledReplicaSet, rsOf, service,
  statefulSetApp, terminated, boundClaim, nodeEvent, clfTime, tcpProbe, execProbe,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** Vault Agent's hclog time: `2026-11-21T02:03:10.112Z`. */
const hc = (m: number): string => at(m);

// ---- 1. Vault Agent token capped at the role's new max TTL, DB credential file goes stale ------

function vaultAgentStaleDbCreds(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.64');
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const agentImage = 'hashicorp/vault:1.17.6';
  const tpl = (v: string) => ({
    serviceAccountName: 'invoice-api',
    annotations: {
      'vault.hashicorp.com/agent-inject': 'true',
      'vault.hashicorp.com/role': 'invoice-api',
      'vault.hashicorp.com/agent-inject-secret-db-creds': 'database/creds/invoice-api',
      'vault.hashicorp.com/agent-inject-template-db-creds': '{{- with secret "database/creds/invoice-api" -}}\nspring.datasource.username={{ .Data.username }}\nspring.datasource.password={{ .Data.password }}\n{{- end }}',
    },
    containers: [container({ image: image(v), memory: '768Mi', env: [{ name: 'SPRING_CONFIG_IMPORT', value: 'optional:file:/vault/secrets/db-creds[.properties]' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })],
  });
  const started = 71;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 3.8.0', template: tpl('3.8.0') },
      { revision: 42, createdAgo: started + 1, changeCause: 'argocd: invoice-api 3.8.1', template: tpl('3.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: started - k * 0.5, ready: false, containers: { app: running({ sinceAgo: started - k * 0.5 - 0.3, ready: false }) } })),
  });
  const agentInit = batchContainer({ name: 'vault-agent-init', image: agentImage, command: ['/bin/sh', '-ec'], args: ['echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json'], cpu: '250m', memory: '64Mi', volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }] });
  const agent = batchContainer({ name: 'vault-agent', image: agentImage, command: ['/bin/sh', '-ec'], args: ['echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json'], cpu: '250m', memory: '128Mi', volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }] });
  app.pods.forEach((p, i) => {
    const since = started - i * 0.5;
    if (p.spec) p.spec = { ...p.spec, initContainers: [agentInit], containers: [...p.spec.containers.map((c) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: 'vault-secrets', mountPath: '/vault/secrets' }] })), agent], volumes: [...(p.spec.volumes ?? []), { name: 'vault-secrets', emptyDir: { medium: 'Memory' } }] };
    p.status?.containerStatuses?.push(containerStatus(agent, running({ sinceAgo: since - 0.2 }), `${ns}/${nameOf(p)}`));
    if (p.status) p.status.initContainerStatuses = [containerStatus(agentInit, terminated({ exitCode: 0, finishedAgo: since - 0.2, ranSeconds: 3 }), `${ns}/${nameOf(p)}/init`)];
  });
  const other = deploymentApp({
    namespace: ns,
    name: 'invoice-pdf',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, template: { containers: [container({ image: `${ECR}/billing/invoice-pdf:1.4.2` })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  const dbUser = `v-kubernet-invoice--8fQ2xWmTz1KcE3aLr9Vb-${Math.floor(ago(started).getTime() / 1000)}`;
  const agentLog = (p: k8s.V1Pod, i: number) => {
    const s = started - i * 0.5 - 0.2;
    return lines(
      `==> Vault Agent started! Log data will stream in below:`,
      ``,
      `==> Vault Agent configuration:`,
      ``,
      `           Api Address 1: http://bufconn`,
      `                     Cgo: disabled`,
      `               Log Level: info`,
      `                 Version: Vault v1.17.6, built 2024-09-24T19:48:40Z`,
      ``,
      `${hc(s)} [INFO]  agent.sink.inmem: creating inmem sink`,
      `${hc(s)} [INFO]  agent.template.server: starting template server`,
      `${hc(s)} [INFO]  agent.auth.handler: starting auth handler`,
      `${hc(s)} [INFO]  agent.auth.handler: authenticating`,
      `${hc(s - 0.01)} [INFO]  agent.auth.handler: authentication successful, sending token to sinks`,
      `${hc(s - 0.01)} [INFO]  agent.auth.handler: starting renewal process`,
      `${hc(s - 0.01)} [WARN]  agent.auth.handler: TTL of "24h0m0s" exceeded the effective max_ttl of "1h0m0s"; TTL value is capped accordingly`,
      `${hc(s - 0.01)} [INFO]  agent.template.server: template server received new token`,
      `${hc(s - 0.02)} [INFO]  agent: (runner) rendered "(dynamic)" => "/vault/secrets/db-creds"`,
      `${hc(s - 0.02)} [INFO]  agent.auth.handler: renewed auth token`,
      `${hc(s - 40)} [INFO]  agent.auth.handler: renewed auth token`,
      `${hc(s - 60.01)} [ERROR] agent.auth.handler: error renewing token: error="Error making API request.\n\nURL: PUT http://vault.vault.svc:8200/v1/auth/token/renew-self\nCode: 403. Errors:\n\n* permission denied" backoff=1s`,
      `${hc(s - 60.02)} [INFO]  agent.auth.handler: lifetime watcher done channel triggered, re-authenticating`,
      `${hc(s - 60.05)} [ERROR] agent.auth.handler: error authenticating: error="context deadline exceeded" backoff=2.41s`,
      `${hc(s - 60.3)} [ERROR] agent.auth.handler: error authenticating: error="Error making API request.\n\nURL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login\nCode: 403. Errors:\n\n* permission denied" backoff=5.03s`,
      `${hc(s - 61)} [WARN]  agent: (view) vault.read(database/creds/invoice-api): vault.read(database/creds/invoice-api): Error making API request.\n\nURL: GET http://vault.vault.svc:8200/v1/database/creds/invoice-api\nCode: 403. Errors:\n\n* permission denied (retry attempt 1 after "250ms")`,
      `${hc(s - 64)} [ERROR] agent.auth.handler: error authenticating: error="Error making API request.\n\nURL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login\nCode: 403. Errors:\n\n* permission denied" backoff=4m20s`,
    );
  };
  const appLog = (p: k8s.V1Pod, i: number) => {
    const s = started - i * 0.5 - 0.3;
    return lines(
      `${pyTime(s).replace(',', '.')}  INFO 1 --- [invoice-api] [           main] c.a.billing.InvoiceApiApplication       : Starting InvoiceApiApplication v3.8.1 using Java 21.0.5 with PID 1`,
      `${pyTime(s - 0.1).replace(',', '.')}  INFO 1 --- [invoice-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
      `${pyTime(s - 0.2).replace(',', '.')}  WARN 1 --- [invoice-api] [           main] o.s.b.a.e.EndpointId                     : Endpoint ID 'service-registry' contains invalid characters, please migrate to a valid format.`,
      `${pyTime(s - 0.3).replace(',', '.')}  INFO 1 --- [invoice-api] [           main] c.a.billing.InvoiceApiApplication       : Started InvoiceApiApplication in 14.882 seconds (process running for 15.61)`,
      `${pyTime(s - 60.4).replace(',', '.')}  WARN 1 --- [invoice-api] [onnection adder] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@5b1e7a2f (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
      `${pyTime(s - 60.5).replace(',', '.')} ERROR 1 --- [invoice-api] [onnection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Error thrown while acquiring connection from data source`,
      `org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbUser}"`,
      `\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)`,
      `\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:203)`,
      `\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:258)`,
      `${pyTime(Math.max(0.3, 2 - i)).replace(',', '.')} ERROR 1 --- [invoice-api] [nio-8080-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception`,
      `org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=12).`,
      `Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbUser}"`,
    );
  };
  return {
    id: 'heldout78-vault-agent-token-max-ttl-stale-db-creds',
    class: 'config',
    truth: 'The Vault role invoice-api was re-applied two days ago with token_max_ttl 1h (it was 24h). The injected vault-agent sidecar\'s token is capped at 1h; when it expired the Postgres lease it held (a child of the token) was revoked, the agent\'s renew and re-login fail with 403 permission denied, and /vault/secrets/db-creds keeps the dropped user, so about an hour after start every DB login fails with "password authentication failed". Release 3.8.1 (revision 42) only restarted the pods.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'vault-role-invoice-api', createdAgo: 200 * DAYS, updatedAgo: 2 * DAYS, data: { 'role.json': JSON.stringify({ bound_service_account_names: ['invoice-api'], bound_service_account_namespaces: ['billing'], policies: ['invoice-api-db'], token_ttl: '1h', token_max_ttl: '1h' }, null, 2), 'CHANGELOG': '2 days ago: token_ttl 24h -> 1h, token_max_ttl 24h -> 1h (PLAT-2291 shorten token lifetimes)' } }),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 42), 3, 0, started + 1),
      ...app.pods.flatMap((p) => [probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 62, firstAgo: 10, lastAgo: 0.2 })]),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'vault-agent', { current: agentLog(p, i) })),
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLog(p, i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vault/i, /ttl|renew|expired|stale|credential/i],
      facts: [/password authentication failed/i, /max_ttl|1h0m0s|token_max_ttl|\b1h\b/i, /403|permission denied/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /wrong password in (the )?secret/i],
    },
  };
}

// ---- 2. StatefulSet scale-up blocked by a ResourceQuota on requests.storage ----------------------

function statefulSetStorageQuota(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '201', '88']);
  const image = 'docker.io/bitnami/kafka:3.8.1-debian-12-r2';
  const tpl = { containers: [container({ name: 'kafka', image, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '6Gi', readiness: tcpProbe('client', { initialDelaySeconds: 5 }), liveness: tcpProbe('controller', { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }] })] };
  const sts = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 4, serviceName: 'kafka-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 7, createdAgo: 40 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 7, ordinal: k, node: names[k] ?? '', createdAgo: 40 * DAYS - k * 5 })),
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-kafka-${k}`, storage: '500Gi', zone: `eu-west-1${'abc'[k]}`, createdAgo: 300 * DAYS, labels: { app: 'kafka' } }));
  const quota = resourceQuota({ namespace: ns, name: 'storage', createdAgo: 90 * DAYS, hard: { 'requests.storage': '1800Gi', persistentvolumeclaims: '10' }, used: { 'requests.storage': '1550Gi', persistentvolumeclaims: '4' } });
  const compute = resourceQuota({ namespace: ns, name: 'compute', createdAgo: 90 * DAYS, hard: { 'requests.cpu': '24', 'requests.memory': '96Gi' }, used: { 'requests.cpu': '4250m', 'requests.memory': '19Gi' } });
  const ui = deploymentApp({ namespace: ns, name: 'kafka-ui', replicas: 1, revisions: [{ revision: 3, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'provectuslabs/kafka-ui:v0.7.2', memory: '512Mi' })] } }], pods: [{ revision: 3, node: names[1] ?? '', createdAgo: 20 * DAYS }] });
  const s = { kind: 'StatefulSet', name: 'kafka', namespace: ns };
  const forbidden = 'persistentvolumeclaims "data-kafka-3" is forbidden: exceeded quota: storage, requested: requests.storage=500Gi, used: requests.storage=1550Gi, limited: requests.storage=1800Gi';
  const brokerLog = (k: number) => lines(
    `[${pyTime(26 * HOURS)}] WARN [RaftManager id=${k}] Connection to node 2 (kafka-2.kafka-headless.streaming.svc.cluster.local/${ipOfPod(podOf(sts, 2))}:9093) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`,
    `[${pyTime(30)}] INFO [GroupCoordinator ${k}]: Preparing to rebalance group orders-enricher in state PreparingRebalance with old generation 1182 (__consumer_offsets-17) (reason: Leaving group) (kafka.coordinator.group.GroupCoordinator)`,
    `[${pyTime(29.9)}] INFO [GroupCoordinator ${k}]: Stabilized group orders-enricher generation 1183 (__consumer_offsets-17) with 6 members (kafka.coordinator.group.GroupCoordinator)`,
    `[${pyTime(3)}] INFO [LogLoader partition=orders-41, dir=/bitnami/kafka/data] Deleted log segment 00000000000184112345.log (kafka.log.LocalLog$)`,
  );
  return {
    id: 'heldout78-statefulset-scaleup-storage-quota',
    class: 'storage',
    truth: 'kafka was scaled from 3 to 4 brokers 25 minutes ago, but the namespace ResourceQuota "storage" allows requests.storage=1800Gi and 1550Gi are used; the new ordinal\'s 500Gi claim data-kafka-3 is refused (exceeded quota), so the StatefulSet controller cannot create kafka-3 and the scale-up never progresses. Raise the quota (or shrink the claim template).',
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, quota, compute, ...ui.objects,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }] }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: sts.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka-ui', selector: { app: 'kafka-ui' }, pods: ui.pods }),
      event({ on: s, reason: 'FailedCreate', message: `create Claim data-kafka-3 for Pod kafka-3 in StatefulSet kafka failed error: ${forbidden}`, count: 17, firstAgo: 25, lastAgo: 0.8, component: 'statefulset-controller' }),
      event({ on: s, reason: 'FailedCreate', message: `create Pod kafka-3 in StatefulSet kafka failed error: failed to create PVC data-kafka-3: ${forbidden}`, count: 17, firstAgo: 25, lastAgo: 0.8, component: 'statefulset-controller' }),
      event({ on: podOf(sts, 2), reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${ipOfPod(podOf(sts, 2))}:9092: connect: connection refused`, count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS - 0.2, fieldPath: 'spec.containers{kafka}' }),
    ],
    logs: sts.pods.map((p, k) => logsFor(p, 'kafka', { current: brokerLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/quota/i, /storage|data-kafka-3|kafka-3/i],
      facts: [/requests\.storage/, /1800Gi|1550Gi|500Gi/, /data-kafka-3|kafka-3/],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/, /(kafka-2|readiness)[^\n]*(cause|root)/i],
    },
  };
}

// ---- 3. DaemonSet Pending on a new node pool: hostPort 9100 already taken -----------------------

function daemonSetHostPortTaken(): CorpusScenario {
  const ns = 'monitoring';
  const general = threeEksNodes('10.0.32', ['12', '140', '66']);
  const analytics = [node({ name: 'ip-10-0-48-21.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'analytics', instanceType: 'r6i.2xlarge', createdAgo: 3 * HOURS, labels: { 'team': 'analytics' } }), node({ name: 'ip-10-0-48-177.eu-west-1.compute.internal', zone: 'eu-west-1b', pool: 'analytics', instanceType: 'r6i.2xlarge', createdAgo: 3 * HOURS - 2, labels: { 'team': 'analytics' } })];
  const all = [...general.names, ...analytics.map(nameOf)];
  const image = 'quay.io/prometheus/node-exporter:v1.8.2';
  const tpl = { tolerations: [{ operator: 'Exists' }], containers: [container({ name: 'node-exporter', image, args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root', '--web.listen-address=:9100'], ports: [{ name: 'http-metrics', containerPort: 9100, hostPort: 9100 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100) })] };
  const ds = daemonSetApp({
    namespace: ns, name: 'prometheus-node-exporter', pinnedToNodes: true, createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: tpl }],
    pods: [
      ...general.names.map((n) => ({ revision: 4, node: n, createdAgo: 30 * DAYS })),
      ...analytics.map((n, k) => ({ revision: 4, node: nameOf(n), createdAgo: 3 * HOURS - 2 * k - 1, unschedulable: '0/5 nodes are available: 1 node(s) didn\'t have free ports for the requested pod ports, 4 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 1 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.' })),
    ],
  });
  // The analytics team's own exporter, shipped with their node pool's Helm chart.
  const theirs = daemonSetApp({
    namespace: 'analytics-platform', name: 'node-exporter', createdAgo: 3 * HOURS + 5,
    revisions: [{ revision: 1, createdAgo: 3 * HOURS + 5, template: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'analytics' }, containers: [container({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.7.0', ports: [{ name: 'metrics', containerPort: 9100, hostPort: 9100 }], cpu: '100m', memory: '128Mi', readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100) })] } }],
    pods: analytics.map((n, k) => ({ revision: 1, node: nameOf(n), createdAgo: 3 * HOURS - 2 * k - 0.5 })),
  });
  const pending = ds.pods.slice(3);
  return {
    id: 'heldout78-daemonset-hostport-9100-taken-new-pool',
    class: 'scheduling',
    truth: 'The new analytics node pool (created 3h ago) runs the analytics team\'s own node-exporter DaemonSet (namespace analytics-platform) with hostPort 9100; prometheus-node-exporter also asks for hostPort 9100, so its pods for the two analytics nodes stay Pending ("didn\'t have free ports for the requested pod ports"). Remove the duplicate exporter or move one of them to another port.',
    ask: { service: 'prometheus-node-exporter', namespace: ns },
    objects: [
      ...general.nodes, ...analytics, ...ds.objects, ...theirs.objects,
      ...exposed({ namespace: ns, name: 'prometheus-node-exporter', selector: { app: 'prometheus-node-exporter' }, pods: ds.pods, ports: [{ name: 'http-metrics', port: 9100, targetPort: 'http-metrics' }], endpointPort: 9100 }),
      ...pending.map((p) => failedScheduling(p, '0/5 nodes are available: 1 node(s) didn\'t have free ports for the requested pod ports, 4 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 1 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.', { count: 38, firstAgo: 3 * HOURS - 1, lastAgo: 2 })),
      ...analytics.map((n) => nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 3 * HOURS - 1, component: 'node-controller' })),
      nodeEvent(general.names[1] ?? '', 'Rebooted', `Node ${general.names[1] ?? ''} has been rebooted, boot id: 4c1f0d9e-2b7a-4f55-9a3e-61b0c2d8e7f4`, { type: 'Warning', firstAgo: 20 * HOURS }),
    ],
    logs: ds.pods.slice(0, 3).map((p) => logsFor(p, 'node-exporter', { current: lines(
      `ts=${at(30 * DAYS)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`,
      `ts=${at(30 * DAYS)} caller=diskstats_common.go:111 level=info collector=diskstats msg="Parsed flag --collector.diskstats.device-exclude" flag=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$`,
      `ts=${at(30 * DAYS)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`,
      `ts=${at(20 * HOURS)} caller=collector.go:169 level=error msg="collector failed" name=hwmon duration_seconds=0.0021 err="hwmon_temp1_input: read /host/sys/class/hwmon/hwmon1/temp1_input: no data available"`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/port|9100/i],
      facts: [/free ports|hostPort|9100/i, /analytics/i, /node-exporter/],
      never: [/Insufficient (cpu|memory)/i, /taint/i, /hwmon/i],
    },
  };
}

// ---- 4. ZooKeeper children list past jute.maxbuffer: Packet len out of range -------------------

function zookeeperJuteMaxbuffer(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '133', '71']);
  const zkImage = 'docker.io/library/zookeeper:3.8.4';
  const zk = statefulSetApp({
    namespace: ns, name: 'zk', replicas: 3, serviceName: 'zk-headless', createdAgo: 400 * DAYS,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'zookeeper', image: zkImage, ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], memory: '2Gi', readiness: execProbe(['sh', '-c', 'echo ruok | nc 127.0.0.1 2181 | grep imok']), liveness: null, env: [{ name: 'JVMFLAGS', value: '-Xmx1536m' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 3, ordinal: k, node: names[k] ?? '', createdAgo: 60 * DAYS - k })),
  });
  const image = (v: string) => `${ECR}/fulfilment/order-scheduler:${v}`;
  const app = deploymentApp({
    namespace: ns, name: 'order-scheduler', replicas: 3,
    revisions: [{ revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: order-scheduler 2.31.0', template: { containers: [container({ image: image('2.31.0'), memory: '1Gi', env: [{ name: 'ZK_CONNECT', value: 'zk-0.zk-headless:2181,zk-1.zk-headless:2181,zk-2.zk-headless:2181' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - k, ready: k === 1, containers: { app: running({ sinceAgo: 9 * DAYS - k, ready: k === 1 }) } })),
  });
  const sid = (k: number) => `0x${k + 1}0000a4f1c2a8${k}1e`;
  const sendThread = (k: number) => `main-SendThread(zk-${k}.zk-headless:2181)`.slice(-15);
  const t = (m: number) => pyTime(m).replace(',', '.');
  const appLog = (k: number) => lines(
    `${t(2 * DAYS)}  WARN 1 --- [main-EventThread] o.a.c.framework.imps.EnsembleTracker     : Invalid config event received: {server.1=zk-0.zk-headless:2888:3888:participant, version=0}`,
    `${t(45)}  INFO 1 --- [   scheduler-1] c.a.f.scheduler.TaskQueue                : pending tasks under /order-scheduler/tasks: 38112`,
    ...[38, 27, 16, 5].flatMap((m, j) => [
      `${t(m)}  INFO 1 --- [   scheduler-1] c.a.f.scheduler.TaskQueue                : pending tasks under /order-scheduler/tasks: ${41860 + j * 31}`,
      `${t(m - 0.02)}  WARN 1 --- [${sendThread((k + j) % 3)}] org.apache.zookeeper.ClientCnxn           : Session ${sid(k)} for server zk-${(k + j) % 3}.zk-headless.fulfilment.svc.cluster.local/10.0.112.${[9, 133, 71][(k + j) % 3]}:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException.`,
      `java.io.IOException: Packet len ${1309184 + j * 1013} is out of range!`,
      `\tat org.apache.zookeeper.ClientCnxnSocket.readLength(ClientCnxnSocket.java:121)`,
      `\tat org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:84)`,
      `\tat org.apache.zookeeper.ClientCnxnSocketNIO.doTransport(ClientCnxnSocketNIO.java:289)`,
      `\tat org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1289)`,
      `${t(m - 0.03)}  INFO 1 --- [ain-EventThread] o.a.c.f.state.ConnectionStateManager     : State change: SUSPENDED`,
      `${t(m - 0.3)} ERROR 1 --- [   scheduler-1] c.a.f.scheduler.TaskQueue                : poll failed`,
      `org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /order-scheduler/tasks`,
      `${t(m - 0.4)}  INFO 1 --- [ain-EventThread] o.a.c.f.state.ConnectionStateManager     : State change: RECONNECTED`,
    ]),
  );
  const zkLog = (k: number) => lines(
    `${pyTime(3 * DAYS)} [myid:${k + 1}] - INFO  [SyncThread:${k + 1}:o.a.z.s.p.FileTxnLog@284] - Creating new log file: log.9a0001f3c2`,
    ...[38, 27, 16, 5].map((m, j) => `${pyTime(m - 0.02)} [myid:${k + 1}] - WARN  [NIOWorkerThread-${j + 1}:o.a.z.s.NIOServerCnxn@380] - Unexpected exception\norg.apache.zookeeper.server.ServerCnxn$EndOfStreamException: Unable to read additional data from client, it probably closed the socket: address = /10.0.112.${40 + j}:5${1220 + j}, session = ${sid(j % 3)}`),
    `${pyTime(1)} [myid:${k + 1}] - INFO  [NIOWorkerThread-2:o.a.z.s.ZooKeeperServer@1434] - Processing ruok command from /127.0.0.1:48812`,
  );
  return {
    id: 'heldout78-zookeeper-jute-maxbuffer-children-list',
    class: 'network',
    truth: 'order-scheduler keeps one znode per pending task under /order-scheduler/tasks; the backlog grew past ~41,000 children, so the getChildren response (about 1.3 MB) exceeds the client\'s jute.maxbuffer (1 MB default). The ZooKeeper client drops the connection with "Packet len … is out of range!", Curator suspends and reconnects in a loop, and the pods go unready. ZooKeeper itself is healthy. Fix: raise -Djute.maxbuffer on the client (and server) and drain/shard the task queue.',
    ask: { service: 'order-scheduler', namespace: ns },
    objects: [
      ...nodes, ...zk.objects, ...app.objects,
      service({ namespace: ns, name: 'zk-headless', selector: { app: 'zk' }, headless: true, ports: [{ name: 'client', port: 2181, targetPort: 'client' }] }),
      ...exposed({ namespace: ns, name: 'order-scheduler', selector: { app: 'order-scheduler' }, pods: app.pods }),
      configMap({ namespace: ns, name: 'zk-config', createdAgo: 400 * DAYS, data: { 'zoo.cfg': 'tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/data\nclientPort=2181\nmaxClientCnxns=120\nautopurge.snapRetainCount=5\nautopurge.purgeInterval=12\n4lw.commands.whitelist=ruok,mntr,srvr\nserver.1=zk-0.zk-headless:2888:3888\nserver.2=zk-1.zk-headless:2888:3888\nserver.3=zk-2.zk-headless:2888:3888\n' } }),
      ...[0, 2].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 140, firstAgo: 40, lastAgo: 0.3 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...zk.pods.map((p, k) => logsFor(p, 'zookeeper', { current: zkLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/jute\.maxbuffer|Packet len|out of range|1 ?MB|children|znode/i],
      facts: [/Packet len \d+ is out of range/i, /\/order-scheduler\/tasks|jute\.maxbuffer/i],
      never: [/zk-\d[^\n]*(down|crash|unhealthy|not ready)/i, /NetworkPolicy/, /\bOOM/],
    },
  };
}

// ---- 5. Redis maxclients exceeded after a pool size bump ---------------------------------------

function redisMaxClients(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.160', ['25', '190', '54']);
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = (v: string, pool: string) => ({ containers: [container({ image: image(v), memory: '256Mi', env: [{ name: 'REDIS_ADDR', value: 'redis-master.shop.svc:6379' }, { name: 'REDIS_POOL_SIZE', value: pool }, { name: 'REDIS_MIN_IDLE_CONNS', value: pool === '200' ? '50' : '10' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 6,
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: cart-api 4.2.0', template: tpl('4.2.0', '40') },
      { revision: 23, createdAgo: 34, changeCause: 'argocd: cart-api 4.3.0 (REDIS_POOL_SIZE 40 -> 200 for black-friday)', template: tpl('4.3.0', '200') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 23, node: names[k % 3] ?? '', createdAgo: 33 - k * 1.2, ready: k < 4, containers: { app: running({ sinceAgo: 33 - k * 1.2, ready: k < 4 }) } })),
    settled: { available: false, availableSince: 12, progressingSince: 27 },
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'redis-master', replicas: 1, serviceName: 'redis-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.4.1-debian-12-r0', ports: [{ name: 'redis', containerPort: 6379 }], memory: '4Gi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1']), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5']), volumeMounts: [{ name: 'config', mountPath: '/opt/bitnami/redis/mounted-etc' }] })], volumes: [{ name: 'config', configMap: { name: 'redis-configuration' } }] } }],
    pods: [{ revision: 5, ordinal: 0, node: names[2] ?? '', createdAgo: 60 * DAYS }],
  });
  const worker = deploymentApp({ namespace: ns, name: 'cart-expiry-worker', replicas: 2, revisions: [{ revision: 8, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/shop/cart-expiry-worker:1.9.0`, memory: '128Mi', env: [{ name: 'REDIS_POOL_SIZE', value: '40' }] })] } }], pods: [{ revision: 8, node: names[0] ?? '', createdAgo: 30 * DAYS }, { revision: 8, node: names[1] ?? '', createdAgo: 30 * DAYS }] });
  const log = (k: number) => lines(
    `{"level":"info","ts":"${at(33 - k * 1.2)}","caller":"cmd/main.go:71","msg":"cart-api starting","version":"4.3.0","redis_pool_size":200,"redis_min_idle_conns":50}`,
    `{"level":"warn","ts":"${at(33 - k * 1.2 - 0.01)}","caller":"cmd/main.go:88","msg":"OTEL_EXPORTER_OTLP_ENDPOINT not set, tracing disabled"}`,
    ...(k < 4
      ? [`{"level":"info","ts":"${at(1)}","caller":"http/log.go:40","msg":"request","method":"GET","path":"/v1/carts/8f21c","status":200,"dur_ms":4}`,
        `{"level":"error","ts":"${at(0.6)}","caller":"http/log.go:44","msg":"request","method":"POST","path":"/v1/carts/71ab0/items","status":503,"dur_ms":2,"error":"redis: ERR max number of clients reached"}`]
      : [`{"level":"error","ts":"${at(12)}","caller":"store/redis.go:57","msg":"redis ping failed","error":"ERR max number of clients reached"}`,
        `{"level":"error","ts":"${at(6)}","caller":"http/log.go:44","msg":"request","method":"GET","path":"/v1/carts/19e7d","status":503,"dur_ms":1,"error":"ERR max number of clients reached"}`,
        `{"level":"error","ts":"${at(0.4)}","caller":"http/health.go:31","msg":"readiness check failed","error":"ERR max number of clients reached"}`]),
  );
  const redisLog = lines(
    `1:M 22 Sep 2026 08:02:11.403 * Ready to accept connections tcp`,
    `1:M 21 Nov 2026 01:58:14.002 * 100 changes in 300 seconds. Saving...`,
    `1:M 21 Nov 2026 01:58:14.118 * Background saving started by pid 48117`,
    `48117:C 21 Nov 2026 01:58:16.904 * DB saved on disk`,
    `1:M 21 Nov 2026 01:58:17.012 * Background saving terminated with success`,
    `1:M 21 Nov 2026 03:03:14.090 * 100 changes in 300 seconds. Saving...`,
    `1:M 21 Nov 2026 03:03:14.201 * Background saving started by pid 51902`,
    `51902:C 21 Nov 2026 03:03:17.315 * DB saved on disk`,
  );
  return {
    id: 'heldout78-redis-maxclients-pool-size-bump',
    class: 'capacity',
    truth: 'Revision 23 (cart-api 4.3.0, 34 minutes ago) raised REDIS_POOL_SIZE from 40 to 200: 6 replicas × 200 = 1200 connections (plus cart-expiry-worker\'s) exceed Redis\'s maxclients 1000 (ConfigMap redis-configuration), so new connections are refused with "ERR max number of clients reached" and the pods that started last turned unready 12 minutes ago, once traffic grew their pools. Lower the pool size (or roll back revision 23) or raise maxclients.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'redis-master', selector: { app: 'redis-master' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      configMap({ namespace: ns, name: 'redis-configuration', createdAgo: 300 * DAYS, data: { 'redis.conf': '# User-supplied common configuration:\nmaxclients 1000\nmaxmemory 3gb\nmaxmemory-policy volatile-lru\nappendonly no\nsave 300 100\ntimeout 0\ntcp-keepalive 300\n', 'master.conf': 'dir /data\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n' } }),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 22), 0, 6, 27),
      ...[4, 5].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 70, firstAgo: 12, lastAgo: 0.2 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      logsFor(redis.pods[0], 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max(imum)? number of clients|maxclients|connection/i, /pool|REDIS_POOL_SIZE|200|revision 23|redis/i],
      facts: [/ERR max number of clients reached/, /maxclients 1000|\b1000\b/, /REDIS_POOL_SIZE|\b200\b/],
      never: [/\bOOM/, /maxmemory[^\n]*(reached|exceeded|full)/i, /OTEL/],
    },
  };
}

// ---- 6. Celery prefork children killed by the cgroup OOM killer ---------------------------------

function celeryChildOomKilled(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.208', ['33', '119', '60']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string, mem: string) => ({ containers: [batchContainer({ name: 'worker', image: image(v), command: ['celery', '-A', 'thumbnailer', 'worker', '--loglevel=INFO', '--concurrency=4', '-Q', 'thumbnails'], cpu: '1', memory: mem, env: [{ name: 'CELERY_BROKER_URL', value: 'amqp://thumbnailer@rabbitmq.media.svc:5672//' }] })] });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer-worker', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, changeCause: 'argocd: thumbnailer 5.0.3', template: tpl('5.0.3', '2Gi') },
      { revision: 19, createdAgo: 2 * DAYS, changeCause: 'argocd: thumbnailer 5.0.3 (rightsizing: memory 2Gi -> 768Mi per FinOps report)', template: tpl('5.0.3', '768Mi') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const rabbit = statefulSetApp({ namespace: ns, name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-headless', revisions: [{ revision: 2, createdAgo: 100 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', ports: [{ name: 'amqp', containerPort: 5672 }], memory: '1Gi', readiness: tcpProbe('amqp'), liveness: tcpProbe('amqp') })] } }], pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 100 * DAYS }] });
  const ct = (m: number) => pyTime(m);
  const log = (k: number) => lines(
    `[${ct(2 * DAYS - k)}: INFO/MainProcess] Connected to amqp://thumbnailer:**@rabbitmq.media.svc:5672//`,
    `[${ct(2 * DAYS - k)}: INFO/MainProcess] celery@${nameOf(podOf(app, k))} ready.`,
    `[${ct(20 * HOURS)}: WARNING/MainProcess] consumer: Connection to broker lost. Trying to re-establish the connection...`,
    `ConnectionResetError: [Errno 104] Connection reset by peer`,
    `[${ct(20 * HOURS - 0.1)}: INFO/MainProcess] Connected to amqp://thumbnailer:**@rabbitmq.media.svc:5672//`,
    ...[41, 23, 9, 2].flatMap((m, j) => {
      const pid = 2210 + j * 37 + k;
      const job = 88410 + j * 13 + k;
      return [
        `[${ct(m + 0.5)}: INFO/MainProcess] Task thumbnailer.tasks.render_variants[${`3f${j}${k}a9c2-71de-4b1e-9a0c-5c2e8d1f${40 + j}${k}0`.slice(0, 36)}] received`,
        `[${ct(m + 0.4)}: INFO/ForkPoolWorker-${(j % 4) + 1}] render_variants: source=s3://media-originals/2026/11/${j}${k}81.tiff size=412.6MB variants=12`,
        `[${ct(m)}: ERROR/MainProcess] Process 'ForkPoolWorker-${(j % 4) + 1}' pid:${pid} exited with 'signal 9 (SIGKILL)'`,
        `[${ct(m - 0.01)}: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.')`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/billiard/pool.py", line 1265, in mark_as_worker_lost`,
        `    raise WorkerLostError(`,
        `billiard.einfo.ExceptionWithTraceback: `,
        `"""`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/billiard/pool.py", line 1265, in mark_as_worker_lost`,
        `    raise WorkerLostError(`,
        `billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: ${job}.`,
        `"""`,
      ];
    }),
  );
  return {
    id: 'heldout78-celery-worker-child-cgroup-oom-sigkill',
    class: 'containers',
    truth: 'Revision 19 (2 days ago) cut thumbnailer-worker\'s memory limit from 2Gi to 768Mi. Rendering large TIFFs in Celery\'s prefork children pushes the container\'s cgroup over 768Mi, and the kernel OOM killer SIGKILLs the biggest child (not PID 1), so the container never restarts and shows no OOMKilled status, but tasks fail with WorkerLostError "signal 9 (SIGKILL)". Restore the limit (or lower concurrency).',
    ask: { service: 'thumbnailer-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rabbit.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672 }),
      ...names.flatMap((n, k) => [41, 23, 9, 2].map((m, j) => nodeEvent(n, 'SystemOOM', `System OOM encountered, victim process: celery, pid: ${2210 + j * 37 + k}`, { type: 'Warning', firstAgo: m }))),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SIGKILL|signal 9|WorkerLostError|OOM|memory/i, /768Mi|memory limit|limit/i],
      facts: [/WorkerLostError|SIGKILL|signal 9/i, /768Mi/, /2Gi|revision 19/i],
      never: [/CrashLoopBackOff/, /(broker|rabbitmq)[^\n]*(down|unreachable|lost|cause)/i, /liveness/i],
    },
  };
}

// ---- 7. Healthy control: gunicorn --max-requests recycling workers ------------------------------

function healthyGunicornMaxRequests(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.224', ['17', '98', '203']);
  const image = `${ECR}/catalog/catalog-api:7.12.0`;
  const app = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 16 * DAYS, changeCause: 'argocd: catalog-api 7.11.4', template: { containers: [container({ image: `${ECR}/catalog/catalog-api:7.11.4`, memory: '512Mi' })] } },
      { revision: 64, createdAgo: 4 * DAYS, changeCause: 'argocd: catalog-api 7.12.0', template: { containers: [container({ image, memory: '512Mi', command: ['gunicorn', 'catalog.wsgi', '--bind=0.0.0.0:8080', '--workers=4', '--max-requests=2000', '--max-requests-jitter=200', '--access-logfile=-'] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 4 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 3600 } }) } } : {}) })),
  });
  const g = (m: number) => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
  const log = (k: number) => lines(
    `${g(4 * DAYS - k)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${g(4 * DAYS - k)} [1] [INFO] Listening at: http://0.0.0.0:8080 (1)`,
    `${g(4 * DAYS - k)} [1] [INFO] Using worker: sync`,
    ...[47, 31, 12, 3].flatMap((m, j) => [
      `${g(m)} [${300 + j * 11 + k}] [INFO] Autorestarting worker after current request.`,
      `${g(m - 0.01)} [${300 + j * 11 + k}] [INFO] Worker exiting (pid: ${300 + j * 11 + k})`,
      `${g(m - 0.02)} [${311 + j * 11 + k}] [INFO] Booting worker with pid: ${311 + j * 11 + k}`,
    ]),
    `10.0.224.${40 + k} - - [${clfTime(0.5)}] "GET /v2/products?category=garden HTTP/1.1" 200 18211 "-" "checkout/3.1"`,
    `10.0.224.${41 + k} - - [${clfTime(0.3)}] "GET /ready HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
  );
  return {
    id: 'heldout78-healthy-gunicorn-max-requests-recycling',
    class: 'healthy',
    truth: 'catalog-api is healthy: gunicorn runs with --max-requests=2000, so every worker is recycled on purpose after about 2000 requests ("Autorestarting worker after current request", "Worker exiting", "Booting worker"); the master (PID 1) never restarts, all three pods are ready and the single restart (exit 143) is three days old, a liveness timeout during a database maintenance window, with none since.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (wrong|to fix)/i],
      facts: [/catalog-api/],
      never: [/worker[^\n]*(crash|killed|dying|failing)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  vaultAgentStaleDbCreds(),
  statefulSetStorageQuota(),
  daemonSetHostPortTaken(),
  zookeeperJuteMaxbuffer(),
  redisMaxClients(),
  celeryChildOomKilled(),
  healthyGunicornMaxRequests(),
];
