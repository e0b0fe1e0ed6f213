// Held-out stories, sixty-third round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// 1. a Node.js relay whose revision 19 moved from node-fetch to the built-in fetch (undici), which
//    ignores HTTPS_PROXY, in a namespace whose egress only goes through the proxy;
// 2. a RabbitMQ StatefulSet with podManagementPolicy Parallel that bootstrapped as two clusters;
// 3. a node image rotation that raised the kubelet's reserved memory, so the same instance type
//    now fits one ranker pod per node instead of two;
// 4. a GPU node pool switched to MIG (all-1g.10gb), leaving pods that ask nvidia.com/gpu Pending;
// 5. a ConfigMap edit that put the database's IP in a sslmode=verify-full connection string;
// 6. a failed maintenance Job that left default_transaction_read_only = on on the orders database;
// 7. a healthy control: a Go service with topology-aware-hints warnings on its Service and
//    superfluous WriteHeader log lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, epochMs, event,
  every, exposed, failedScheduling, httpProbe, job, kubeProxy, nameOf, networkPolicy, node, nodeEvent, notTriggerScaleUp,
  pyTime, restartedAgain, rsOf, running, scaledReplicaSet, service, endpointSliceFor, statefulSetApp, boundClaim, execProbe,
  terminated, daemonSetApp, createdPod,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

function deploymentRef(ns: string, name: string): { kind: string; metadata: k8s.V1ObjectMeta } {
  return { kind: 'Deployment', metadata: { name, namespace: ns } };
}

// ---- 1. built-in fetch ignores HTTPS_PROXY; egress only through the proxy ----------------------------

function builtinFetchIgnoresProxy(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.142');
  const image = (v: string) => `${ECR}/integrations/webhook-relay:${v}`;
  const tpl = (v: string): { containers: k8s.V1Container[] } => ({
    containers: [container({
      image: image(v),
      ports: [3000],
      cpu: '200m',
      memory: '256Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=192' }],
      envFrom: [{ configMapRef: { name: 'egress-proxy-env' } }, { configMapRef: { name: 'webhook-relay-config' } }],
      readiness: httpProbe('/readyz', 3000),
      liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'webhook-relay',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 23 * DAYS, changeCause: 'argocd: webhook-relay 3.7.1', template: tpl('3.7.1') },
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: webhook-relay 3.7.4', template: tpl('3.7.4') },
      { revision: 19, createdAgo: 52, changeCause: 'argocd: webhook-relay 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 51.5 - k * 0.7 })),
  });
  const expImage = (v: string) => `${ECR}/integrations/statement-exporter:${v}`;
  const exporter = deploymentApp({
    namespace: ns,
    name: 'statement-exporter',
    replicas: 1,
    revisions: [{ revision: 7, createdAgo: 20 * DAYS, changeCause: 'argocd: statement-exporter 1.12.0', template: { containers: [container({ image: expImage('1.12.0'), ports: [3000], cpu: '100m', memory: '256Mi', envFrom: [{ configMapRef: { name: 'egress-proxy-env' } }], readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000) })] } }],
    pods: [{ revision: 7, node: names[2] ?? '', createdAgo: 20 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS + 130, restarts: 1, last: { exitCode: 1, finishedAgo: 4 * DAYS + 131, ranSeconds: 16 * DAYS } }) } }],
  });
  const dnsPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
  const proxyPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'netops' } }, podSelector: { matchLabels: { app: 'egress-proxy' } } };
  const egress = networkPolicy({
    namespace: ns,
    name: 'egress-via-proxy',
    createdAgo: 210 * DAYS,
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      { to: [dnsPeer], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [proxyPeer], ports: [{ protocol: 'TCP', port: 3128 }] },
      { to: [{ podSelector: {} }] },
    ],
  });
  const ingress = networkPolicy({
    namespace: ns,
    name: 'allow-from-ingress-gateway',
    createdAgo: 210 * DAYS,
    podSelector: { app: 'webhook-relay' },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 3000 }] }],
  });
  const proxyEnv = configMap({
    namespace: ns,
    name: 'egress-proxy-env',
    createdAgo: 210 * DAYS,
    data: {
      HTTP_PROXY: 'http://egress-proxy.netops.svc.cluster.local:3128',
      HTTPS_PROXY: 'http://egress-proxy.netops.svc.cluster.local:3128',
      NO_PROXY: '.svc,.svc.cluster.local,.cluster.local,10.0.0.0/8,172.20.0.0/16,169.254.169.254,localhost,127.0.0.1',
    },
  });
  const relayConfig = configMap({
    namespace: ns,
    name: 'webhook-relay-config',
    createdAgo: 120 * DAYS,
    data: { CARRIER_API_BASE: 'https://api.carrierhub.io/v2', CARRIER_TIMEOUT_MS: '10000', DELIVERY_MAX_ATTEMPTS: '8', QUEUE_URL: 'redis://relay-queue.integrations.svc.cluster.local:6379/0' },
  });
  const depl = deploymentRef(ns, 'webhook-relay');
  const fail = (p: k8s.V1Pod, t: number, i: number): string => {
    const ev = `evt_${(7731 + i * 13).toString(36)}${nameOf(p).slice(-3)}`;
    const stack = 'TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13\\n    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)\\n    at async CarrierClient.postShipmentEvent (/app/dist/clients/carrier.js:58:21)\\n    at async Relay.deliver (/app/dist/relay.js:112:9)\\n    at async Worker.run (/app/dist/worker.js:41:7)';
    const cstack = 'ConnectTimeoutError: Connect Timeout Error (attempted address: api.carrierhub.io:443, timeout: 10000ms)\\n    at onConnectTimeout (node:internal/deps/undici/undici:2602:28)\\n    at node:internal/deps/undici/undici:2554:50\\n    at Immediate._onImmediate (node:internal/deps/undici/undici:2583:13)\\n    at process.processImmediate (node:internal/timers:491:21)';
    return [
      `{"level":30,"time":${epochMs(t + 0.17)},"pid":1,"hostname":"${nameOf(p)}","event_id":"${ev}","attempt":${(i % 8) + 1},"msg":"delivering shipment event"}`,
      `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","event_id":"${ev}","attempt":${(i % 8) + 1},"err":{"type":"TypeError","message":"fetch failed","stack":"${stack}","cause":{"type":"ConnectTimeoutError","message":"Connect Timeout Error (attempted address: api.carrierhub.io:443, timeout: 10000ms)","stack":"${cstack}","name":"ConnectTimeoutError","code":"UND_ERR_CONNECT_TIMEOUT"}},"msg":"delivery failed"}`,
      `{"level":40,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(p)}","event_id":"${ev}","next_attempt_in_s":${30 * 2 ** (i % 5)},"msg":"delivery retry scheduled"}`,
    ].join('\n') + '\n';
  };
  const relayLogs = app.pods.map((p, k) => logsFor(p, 'app', {
    current:
      lines(
        `{"level":30,"time":${epochMs(51 - k * 0.7)},"pid":1,"hostname":"${nameOf(p)}","msg":"webhook-relay 3.8.0 (node v22.11.0) starting"}`,
        `{"level":30,"time":${epochMs(50.98 - k * 0.7)},"pid":1,"hostname":"${nameOf(p)}","msg":"connected to relay-queue","url":"redis://relay-queue.integrations.svc.cluster.local:6379/0"}`,
        `{"level":30,"time":${epochMs(50.97 - k * 0.7)},"pid":1,"hostname":"${nameOf(p)}","msg":"server listening","port":3000}`,
        `{"level":30,"time":${epochMs(50.5 - k * 0.7)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/hooks/inbound"},"res":{"statusCode":202},"responseTime":4,"msg":"request completed"}`,
      ) +
      every(49 - k * 0.3, 0.4, 95, (t, i) => fail(p, t, i + k * 40)) +
      lines(`{"level":30,"time":${epochMs(0.3)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/hooks/inbound"},"res":{"statusCode":202},"responseTime":3,"msg":"request completed"}`),
  }));
  const exp = podOf(exporter, 0);
  return {
    id: 'heldout63-builtin-fetch-ignores-https-proxy',
    class: 'network',
    truth: 'webhook-relay revision 19 (3.8.0, 52 minutes ago) replaced node-fetch + https-proxy-agent with Node 22\'s built-in fetch (undici), which does not honour the HTTPS_PROXY/HTTP_PROXY variables the namespace injects from egress-proxy-env. The relay now dials api.carrierhub.io:443 directly, which the egress-via-proxy NetworkPolicy drops (egress is only allowed to DNS, the netops egress proxy on 3128 and in-namespace pods), so every delivery fails with "TypeError: fetch failed" caused by ConnectTimeoutError (UND_ERR_CONNECT_TIMEOUT). Fix: use an undici ProxyAgent/EnvHttpProxyAgent (or NODE_USE_ENV_PROXY on a Node that supports it), or roll back to 3.7.4.',
    ask: { service: 'webhook-relay', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...exporter.objects, egress, ingress, proxyEnv, relayConfig,
      ...exposed({ namespace: ns, name: 'webhook-relay', selector: { app: 'webhook-relay' }, pods: app.pods, endpointPort: 3000, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'statement-exporter', selector: { app: 'statement-exporter' }, pods: exporter.pods, endpointPort: 3000 }),
      scaledReplicaSet(depl, rsOf(app, 19), 1, 0, 52),
      scaledReplicaSet(depl, rsOf(app, 18), 2, 3, 51.3),
      scaledReplicaSet(depl, rsOf(app, 19), 2, 1, 51.3),
      scaledReplicaSet(depl, rsOf(app, 18), 1, 2, 50.8),
      scaledReplicaSet(depl, rsOf(app, 19), 3, 2, 50.8),
      scaledReplicaSet(depl, rsOf(app, 18), 0, 1, 50.1),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('3.8.0'), 51.5 - k * 0.7)),
      event({ on: exp, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(exp)}:3000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...relayLogs,
      logsFor(exp, 'app', {
        current: lines(
          `{"level":30,"time":${epochMs(62)},"pid":1,"hostname":"${nameOf(exp)}","msg":"statement batch uploaded","target":"https://sftp-gw.bankpartner.example/api/v1/statements","count":412,"proxy":"egress-proxy.netops.svc.cluster.local:3128","duration_ms":1841}`,
          `{"level":40,"time":${epochMs(31)},"pid":1,"hostname":"${nameOf(exp)}","msg":"statement row skipped: currency missing","account":"acc_81k2"}`,
          `{"level":30,"time":${epochMs(2)},"pid":1,"hostname":"${nameOf(exp)}","msg":"statement batch uploaded","target":"https://sftp-gw.bankpartner.example/api/v1/statements","count":398,"proxy":"egress-proxy.netops.svc.cluster.local:3128","duration_ms":1710}`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy/i, /fetch|undici|3\.8\.0|revision 19/i],
      facts: [/ConnectTimeoutError|UND_ERR_CONNECT_TIMEOUT|Connect Timeout/i, /egress-via-proxy|NetworkPolicy|egress/i],
      never: [/\bDNS\b[^\n]*(fail|broken|cannot resolve)/i, /api\.carrierhub\.io[^\n]*\b(is )?(down|outage)/i, /\bOOM/, /crash ?loop/i, /statement-exporter/],
    },
  };
}

// ---- 2. RabbitMQ, podManagementPolicy Parallel: two clusters at bootstrap ----------------------------

function rabbitParallelBootstrapSplit(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.97', ['40', '118', '203']);
  const image = 'docker.io/library/rabbitmq:3.13.7-management';
  const fqdn = (i: number) => `rabbit@rabbitmq-${i}.rabbitmq-nodes.${ns}.svc.cluster.local`;
  const tpl = {
    containers: [container({
      name: 'rabbitmq',
      image,
      ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'cluster-links', containerPort: 25672 }, { name: 'prometheus', containerPort: 15692 }],
      cpu: '1',
      memory: '2Gi',
      env: [
        { name: 'MY_POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'K8S_SERVICE_NAME', value: 'rabbitmq-nodes' },
        { name: 'RABBITMQ_USE_LONGNAME', value: 'true' },
        { name: 'RABBITMQ_NODENAME', value: `rabbit@$(MY_POD_NAME).rabbitmq-nodes.${ns}.svc.cluster.local` },
        { name: 'K8S_HOSTNAME_SUFFIX', value: `.rabbitmq-nodes.${ns}.svc.cluster.local` },
      ],
      readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { initialDelaySeconds: 10, timeoutSeconds: 10, periodSeconds: 30 }),
      liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { initialDelaySeconds: 60, timeoutSeconds: 15, periodSeconds: 30, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }, { name: 'config', mountPath: '/etc/rabbitmq/conf.d' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config', defaultMode: 420 } }],
    serviceAccountName: 'rabbitmq',
    terminationGracePeriodSeconds: 120,
  };
  const created = 6 * HOURS + 12;
  const sts = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-nodes',
    podManagementPolicy: 'Parallel',
    createdAgo: created,
    revisions: [{ revision: 1, createdAgo: created, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '30Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 1, ordinal: i, node: names[i] ?? '', createdAgo: created - 0.02 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-rabbitmq-${i}`, storage: '30Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: created - 0.02, labels: { app: 'rabbitmq' } }));
  const rmqConfig = configMap({
    namespace: ns,
    name: 'rabbitmq-config',
    createdAgo: created + 1,
    data: {
      '10-cluster.conf': [
        'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s',
        'cluster_formation.k8s.host = kubernetes.default.svc.cluster.local',
        'cluster_formation.k8s.address_type = hostname',
        `cluster_formation.k8s.service_name = rabbitmq-nodes`,
        `cluster_formation.k8s.hostname_suffix = .rabbitmq-nodes.${ns}.svc.cluster.local`,
        'cluster_formation.node_cleanup.interval = 30',
        'cluster_formation.node_cleanup.only_log_warning = true',
        'cluster_partition_handling = pause_minority',
        'queue_master_locator = min-masters',
        'vm_memory_high_watermark.relative = 0.6',
        '',
      ].join('\n'),
      'enabled_plugins': '[rabbitmq_management,rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n',
    },
  });
  const [p0, p1, p2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const ts = (m: number) => `${at(m).replace('T', ' ').replace('Z', '')}000+00:00`;
  const boot = (i: number, tail: string[]) => lines(
    `${ts(created - 0.3)} [notice] <0.44.0> Application syslog exited with reason: stopped`,
    `${ts(created - 0.3)} [notice] <0.254.0> Logging: switching to configured handler(s); following messages may not be visible in this log output`,
    `${ts(created - 0.31)} [info] <0.254.0> Starting RabbitMQ 3.13.7 on Erlang 26.2.5.4 [jit]`,
    `${ts(created - 0.31)} [info] <0.254.0>  node           : ${fqdn(i)}`,
    `${ts(created - 0.31)} [info] <0.254.0>  home dir       : /var/lib/rabbitmq`,
    `${ts(created - 0.31)} [info] <0.254.0>  config file(s) : /etc/rabbitmq/conf.d/10-cluster.conf`,
    `${ts(created - 0.32)} [info] <0.254.0> Node database directory at /var/lib/rabbitmq/mnesia/${fqdn(i)} is empty. Assuming we need to join an existing cluster or initialise from scratch...`,
    `${ts(created - 0.32)} [info] <0.254.0> Configured peer discovery backend: rabbit_peer_discovery_k8s`,
    `${ts(created - 0.32)} [info] <0.254.0> Will try to lock with peer discovery backend rabbit_peer_discovery_k8s`,
    ...tail,
  );
  const listeners = (t: number) => [
    `${ts(t)} [info] <0.742.0> Ready to start client connection listeners`,
    `${ts(t)} [info] <0.889.0> started TCP listener on [::]:5672`,
    `${ts(t - 0.01)} [info] <0.742.0> Server startup complete; 5 plugins started.`,
    `${ts(t - 0.01)} [info] <0.742.0>  * rabbitmq_prometheus`,
    `${ts(t - 0.01)} [info] <0.742.0>  * rabbitmq_peer_discovery_k8s`,
    `${ts(t - 0.01)} [info] <0.742.0>  * rabbitmq_management`,
  ];
  const ip = (p: k8s.V1Pod) => ipOfPod(p);
  const logs = [
    logsFor(p0, 'rabbitmq', {
      current: boot(0, [
        `${ts(created - 0.36)} [info] <0.254.0> All discovered existing cluster peers: `,
        `${ts(created - 0.36)} [info] <0.254.0> Discovered no peer nodes to cluster with. Some discovery backends can filter nodes out based on a readiness criteria. Enabling debug logging might help troubleshoot.`,
        `${ts(created - 0.37)} [notice] <0.254.0> Starting as a blank standalone node...`,
        `${ts(created - 0.38)} [info] <0.254.0> Waiting for Mnesia tables for 30000 ms, 9 retries left`,
        `${ts(created - 0.38)} [info] <0.254.0> Successfully synced tables from a peer`,
        ...listeners(created - 0.6),
        `${ts(created - 1.9)} [info] <0.1213.0> node '${fqdn(1)}' up`,
        `${ts(created - 1.95)} [info] <0.1213.0> rabbit on node '${fqdn(1)}' up`,
        `${ts(created - 14)} [info] <0.1402.0> accepting AMQP connection ${ip(p0)}:41822 -> ${ip(p0)}:5672`,
        `${ts(created - 14)} [info] <0.1402.0> connection 10.0.113.28:41822 -> ${ip(p0)}:5672 - fulfilment-worker: user 'fulfilment' authenticated and granted access to vhost '/'`,
        `${ts(created - 14.1)} [info] <0.1441.0> queue 'fulfilment.orders' in vhost '/': leader is ${fqdn(0)}, members ${fqdn(0)}, ${fqdn(1)}`,
        `${ts(2 * HOURS)} [info] <0.612.0> Peer discovery: checking for partitioned nodes to clean up.`,
        `${ts(2 * HOURS)} [info] <0.612.0> Peer discovery: all known cluster nodes are up.`,
        `${ts(41)} [warning] <0.2077.0> closing AMQP connection <0.2077.0> (10.0.113.28:50214 -> ${ip(p0)}:5672, vhost: '/', user: 'fulfilment'):`,
        `${ts(41)} [warning] <0.2077.0> client unexpectedly closed TCP connection`,
        `${ts(2.5)} [info] <0.612.0> Peer discovery: checking for partitioned nodes to clean up.`,
        `${ts(2.5)} [info] <0.612.0> Peer discovery: all known cluster nodes are up.`,
      ]),
    }),
    logsFor(p1, 'rabbitmq', {
      current: boot(1, [
        `${ts(created - 0.36)} [info] <0.254.0> All discovered existing cluster peers: `,
        `${ts(created - 0.36)} [info] <0.254.0> Discovered no peer nodes to cluster with. Some discovery backends can filter nodes out based on a readiness criteria. Enabling debug logging might help troubleshoot.`,
        `${ts(created - 1.7)} [info] <0.254.0> Will try to lock with peer discovery backend rabbit_peer_discovery_k8s`,
        `${ts(created - 1.72)} [info] <0.254.0> All discovered existing cluster peers: ${fqdn(0)}`,
        `${ts(created - 1.72)} [info] <0.254.0> Peer nodes we can cluster with: ${fqdn(0)}`,
        `${ts(created - 1.73)} [info] <0.254.0> Node '${fqdn(0)}' selected for auto-clustering`,
        `${ts(created - 1.8)} [info] <0.254.0> Waiting for Mnesia tables for 30000 ms, 9 retries left`,
        `${ts(created - 1.8)} [info] <0.254.0> Successfully synced tables from a peer`,
        ...listeners(created - 1.95),
        `${ts(3 * HOURS)} [info] <0.1588.0> accepting AMQP connection 10.0.121.9:38810 -> ${ip(p1)}:5672`,
        `${ts(3 * HOURS)} [info] <0.1588.0> connection 10.0.121.9:38810 -> ${ip(p1)}:5672 - order-api: user 'order-api' authenticated and granted access to vhost '/'`,
      ]),
    }),
    logsFor(p2, 'rabbitmq', {
      current: boot(2, [
        `${ts(created - 0.36)} [info] <0.254.0> All discovered existing cluster peers: `,
        `${ts(created - 0.36)} [info] <0.254.0> Discovered no peer nodes to cluster with. Some discovery backends can filter nodes out based on a readiness criteria. Enabling debug logging might help troubleshoot.`,
        `${ts(created - 0.37)} [notice] <0.254.0> Starting as a blank standalone node...`,
        `${ts(created - 0.38)} [info] <0.254.0> Waiting for Mnesia tables for 30000 ms, 9 retries left`,
        `${ts(created - 0.38)} [info] <0.254.0> Successfully synced tables from a peer`,
        ...listeners(created - 0.62),
        `${ts(created - 12)} [info] <0.1377.0> accepting AMQP connection 10.0.121.9:36002 -> ${ip(p2)}:5672`,
        `${ts(created - 12)} [info] <0.1377.0> connection 10.0.121.9:36002 -> ${ip(p2)}:5672 - order-api: user 'order-api' authenticated and granted access to vhost '/'`,
        `${ts(41)} [info] <0.2090.0> accepting AMQP connection 10.0.113.28:50390 -> ${ip(p2)}:5672`,
        `${ts(41)} [info] <0.2090.0> connection 10.0.113.28:50390 -> ${ip(p2)}:5672 - fulfilment-worker: user 'fulfilment' authenticated and granted access to vhost '/'`,
        `${ts(40.9)} [error] <0.2101.0> Channel error on connection <0.2090.0> (10.0.113.28:50390 -> ${ip(p2)}:5672, vhost: '/', user: 'fulfilment'), channel 1:`,
        `${ts(40.9)} [error] <0.2101.0> operation basic.consume caused a channel exception not_found: no queue 'fulfilment.orders' in vhost '/'`,
        `${ts(2.5)} [info] <0.612.0> Peer discovery: checking for partitioned nodes to clean up.`,
        `${ts(2.5)} [info] <0.612.0> Peer discovery: all known cluster nodes are up.`,
      ]),
    }),
  ];
  // The application side: a publisher and a consumer, through the rabbitmq ClusterIP Service.
  const wimg = `${ECR}/orders/fulfilment-worker:2.4.0`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'fulfilment-worker',
    replicas: 1,
    revisions: [{ revision: 11, createdAgo: 6 * DAYS, changeCause: 'argocd: fulfilment-worker 2.4.0', template: { containers: [container({ image: wimg, ports: [], cpu: '200m', memory: '384Mi', env: [{ name: 'AMQP_URL', value: `amqp://fulfilment@rabbitmq.${ns}.svc.cluster.local:5672/%2F` }], readiness: null, liveness: execProbe(['python', '-m', 'worker.health']) })] } }],
    pods: [{ revision: 11, node: names[1] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 41.2, restarts: 3, last: { exitCode: 1, finishedAgo: 41.3, ranSeconds: 5 * HOURS } }) } }],
  });
  const w = podOf(worker, 0);
  const orderApi = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 2,
    revisions: [{ revision: 42, createdAgo: 4 * DAYS, changeCause: 'argocd: order-api 7.2.3', template: { containers: [container({ image: `${ECR}/orders/order-api:7.2.3`, ports: [8080], cpu: '300m', memory: '512Mi', env: [{ name: 'AMQP_URL', value: `amqp://order-api@rabbitmq.${ns}.svc.cluster.local:5672/%2F` }] })] } }],
    pods: [{ revision: 42, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 42, node: names[2] ?? '', createdAgo: 4 * DAYS }],
  });
  const wlog = lines(
    `${pyTime(41.1)} INFO worker.main: connecting to amqp://fulfilment@rabbitmq.${ns}.svc.cluster.local:5672/%2F`,
    `${pyTime(41.0)} INFO pika.adapters.utils.connection_workflow: AMQPConnector - reporting success: <SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncPlaintextTransport object at 0x7f3a41c2e150> params=<URLParameters host=rabbitmq.${ns}.svc.cluster.local port=5672 virtual_host=/ ssl=False>>`,
    `${pyTime(40.9)} WARNING pika.channel: Received remote Channel.Close (404): "NOT_FOUND - no queue 'fulfilment.orders' in vhost '/'" on <Channel number=1 OPEN conn=<SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncPlaintextTransport object at 0x7f3a41c2e150> params=<URLParameters host=rabbitmq.${ns}.svc.cluster.local port=5672 virtual_host=/ ssl=False>>>`,
    `${pyTime(40.9)} INFO worker.main: queue fulfilment.orders not declared by consumer (passive=True); retrying in 30s`,
    ...Array.from({ length: 6 }, (_, i) => `${pyTime(40 - i * 6.5)} WARNING pika.channel: Received remote Channel.Close (404): "NOT_FOUND - no queue 'fulfilment.orders' in vhost '/'" on <Channel number=${i + 2} OPEN conn=<SelectConnection OPEN ...>>`),
    `${pyTime(0.6)} INFO worker.main: consumed 0 messages in the last 600s`,
  );
  const wprev = lines(
    `${pyTime(5 * HOURS + 41)} INFO worker.main: consuming from fulfilment.orders (prefetch=20)`,
    `${pyTime(3 * HOURS)} INFO worker.main: consumed 1288 messages in the last 600s`,
    `${pyTime(60)} INFO worker.main: consumed 0 messages in the last 600s`,
    `${pyTime(50)} INFO worker.main: consumed 0 messages in the last 600s`,
    `${pyTime(41.35)} ERROR worker.main: no message received for 20 minutes, exiting so the pod restarts`,
  );
  const stsRef = { kind: 'StatefulSet', metadata: sts.objects[0]?.metadata ?? {} };
  return {
    id: 'heldout63-rabbitmq-parallel-bootstrap-two-clusters',
    class: 'config',
    truth: 'The new rabbitmq StatefulSet (created 6 hours ago for the migration) uses podManagementPolicy: Parallel, so all three pods started at once on empty volumes; rabbitmq-0 and rabbitmq-2 each found no peer through the k8s peer discovery and started as blank standalone nodes, and rabbitmq-1 joined rabbitmq-0. There are two RabbitMQ clusters behind one Service: clients land on either at random, so fulfilment-worker, reconnected to rabbitmq-2, gets NOT_FOUND for fulfilment.orders while order-api publishes into the other cluster. Fix: reset rabbitmq-2 and join it to rabbitmq-0 (and use OrderedReady, or a seed node, for first bootstrap).',
    ask: { service: 'rabbitmq', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, rmqConfig, ...worker.objects, ...orderApi.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: sts.pods, endpointPort: 5672, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], createdAgo: created + 1 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, pods: sts.pods, endpointPort: 4369, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'cluster-links', port: 25672, targetPort: 25672 }], createdAgo: created + 1 }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: orderApi.pods }),
      ...[p0, p1, p2].map((p) => event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(p)} in StatefulSet rabbitmq successful`, firstAgo: created - 0.02, lastAgo: created - 0.02, component: 'statefulset-controller' })),
      ...[0, 1, 2].map((i) => event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-rabbitmq-${i} Pod rabbitmq-${i} in StatefulSet rabbitmq success`, firstAgo: created - 0.02, lastAgo: created - 0.02, component: 'statefulset-controller' })),
      event({ on: w, type: 'Normal', reason: 'Pulled', message: `Container image "${wimg}" already present on machine`, count: 4, firstAgo: 6 * DAYS, lastAgo: 41.25, fieldPath: 'spec.containers{app}' }),
      event({ on: w, type: 'Normal', reason: 'Started', message: 'Started container app', count: 4, firstAgo: 6 * DAYS, lastAgo: 41.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...logs,
      logsFor(w, 'app', { current: wlog, previous: wprev }),
      ...orderApi.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(3)}","level":"info","msg":"order published","exchange":"orders","routing_key":"order.created","confirm":"ack"}`, `{"ts":"${at(0.7)}","level":"info","msg":"order published","exchange":"orders","routing_key":"order.created","confirm":"ack"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rabbitmq-2|split.?brain|two (separate |independent |different )?(rabbitmq )?clusters|separate cluster/i],
      facts: [/Parallel|podManagementPolicy/i, /standalone|NOT_FOUND|no queue/i],
      never: [/\bOOM/, /authenticat\w* fail|access refused|password/i, /memory (high )?watermark|memory alarm/i, /network partition[^\n]*(pause_minority|caused by (the )?network)/i],
    },
  };
}

// ---- 3. node image rotation raised system/kube-reserved: smaller allocatable, ranker Pending ---------

function rotatedNodesLessAllocatable(): CorpusScenario {
  const ns = 'search';
  const general = threeEksNodes('10.0.64', ['12', '139', '201']);
  const rotatedAgo = 3 * HOURS + 10;
  const big = (name: string, zone: string, o: { allocMem: string; createdAgo: number; ami: string; osImage: string; kubelet: string; cordoned?: boolean }): k8s.V1Node => {
    const n = node({
      name,
      zone,
      instanceType: 'm6i.2xlarge',
      pool: 'search-mem',
      labels: { 'eks.amazonaws.com/nodegroup-image': o.ami, 'eks.amazonaws.com/capacityType': 'ON_DEMAND', workload: 'search' },
      allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: o.allocMem, pods: '58' },
      createdAgo: o.createdAgo,
      readySince: o.createdAgo - 1,
      ...(o.cordoned ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(rotatedAgo - 40) }] } : {}),
    });
    if (n.status) {
      n.status.capacity = { cpu: '8', 'ephemeral-storage': '104845292Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32386544Ki', pods: '58' };
      if (n.status.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: o.osImage, kubeletVersion: o.kubelet, kubeProxyVersion: o.kubelet });
    }
    return n;
  };
  const newNodes = [['10.0.88.21', 'eu-west-1a'], ['10.0.89.160', 'eu-west-1b'], ['10.0.90.74', 'eu-west-1c']].map(([ip, z], i) =>
    big(eksNodeName(ip ?? ''), z ?? '', { allocMem: '28766992Ki', createdAgo: rotatedAgo - i * 14, ami: 'ami-0c4f1d2e3a5b6c7d8', osImage: 'Amazon Linux 2023.6.20261110', kubelet: 'v1.31.13-eks-6c1b4ad' }));
  const oldNode = big(eksNodeName('10.0.89.47'), 'eu-west-1b', { allocMem: '31388080Ki', createdAgo: 64 * DAYS, ami: 'ami-07a9e3b1c2d4f5e60', osImage: 'Amazon Linux 2023.6.20240913', kubelet: 'v1.31.2-eks-94953ac', cordoned: true });
  const nn = newNodes.map(nameOf);
  const image = `${ECR}/search/ranker:5.2.1`;
  const tpl = {
    containers: [container({
      image,
      ports: [8080, { name: 'grpc', containerPort: 9090 }],
      cpu: '1500m',
      memory: '14Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError' }, { name: 'RANKER_INDEX_PATH', value: '/index' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 120 }),
      volumeMounts: [{ name: 'index', mountPath: '/index' }],
    })],
    volumes: [{ name: 'index', emptyDir: { sizeLimit: '20Gi' } }],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'search-mem' },
    terminationGracePeriodSeconds: 60,
  };
  const msg = '0/7 nodes are available: 1 node(s) were unschedulable, 3 Insufficient memory, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/7 nodes are available: 3 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.';
  const started = [rotatedAgo - 8, rotatedAgo - 22, rotatedAgo - 36];
  const app = deploymentApp({
    namespace: ns,
    name: 'ranker',
    replicas: 6,
    revisions: [
      { revision: 26, createdAgo: 31 * DAYS, changeCause: 'argocd: ranker 5.1.9', template: { ...tpl, containers: [{ ...tpl.containers[0] as k8s.V1Container, image: `${ECR}/search/ranker:5.1.9` }] } },
      { revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: ranker 5.2.1', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 27, node: nn[k] ?? '', createdAgo: started[k] ?? 0 })),
      ...[0, 1, 2].map((k) => ({ revision: 27, node: null, createdAgo: (started[k] ?? 0) - 0.5, unschedulable: msg })),
    ],
    settled: { available: false, availableSince: rotatedAgo - 8, progressingSince: 12 * DAYS - 15 },
  });
  const gw = deploymentApp({
    namespace: ns,
    name: 'query-gateway',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 5 * DAYS, changeCause: 'argocd: query-gateway 2.9.0', template: { containers: [container({ image: `${ECR}/search/query-gateway:2.9.0`, ports: [8080], memory: '512Mi' })] } }],
    pods: [{ revision: 14, node: general.names[0] ?? '', createdAgo: 5 * DAYS }, { revision: 14, node: general.names[1] ?? '', createdAgo: 5 * DAYS }],
  });
  const proxy = kubeProxy([...general.names, ...nn, nameOf(oldNode)].map((n) => ({ node: n })));
  const pending = app.pods.slice(3);
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '27') ?? {};
  return {
    id: 'heldout63-node-rotation-raised-kube-reserved',
    class: 'capacity',
    truth: 'The search-mem node group was rotated 3 hours ago to a new AMI (ami-0c4f1d2e3a5b6c7d8) whose bootstrap sets larger systemReserved/kubeReserved memory: the same m6i.2xlarge now reports 28766992Ki allocatable instead of 31388080Ki (capacity unchanged at 32386544Ki). Two ranker pods (14Gi requests each) used to fit per node; now only one does, so three of six ranker replicas stay Pending with "Insufficient memory" and the group is at its max size. Fix: lower the reservations in the launch template (or the ranker request), or add nodes.',
    ask: { service: 'ranker', namespace: ns },
    objects: [
      ...general.nodes, ...newNodes, oldNode, ...app.objects, ...gw.objects, ...proxy.objects,
      ...exposed({ namespace: ns, name: 'ranker', selector: { app: 'ranker' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'grpc', port: 9090, targetPort: 'grpc' }] }),
      ...exposed({ namespace: ns, name: 'query-gateway', selector: { app: 'query-gateway' }, pods: gw.pods }),
      ...newNodes.flatMap((n, i) => [
        nodeEvent(nameOf(n), 'Starting', 'Starting kubelet.', { firstAgo: rotatedAgo - i * 14 - 0.5 }),
        nodeEvent(nameOf(n), 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: rotatedAgo - i * 14 - 0.5 }),
        nodeEvent(nameOf(n), 'NodeReady', `Node ${nameOf(n)} status is now: NodeReady`, { firstAgo: rotatedAgo - i * 14 - 1 }),
        nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: rotatedAgo - i * 14 - 0.6, component: 'node-controller' }),
      ]),
      nodeEvent(nameOf(oldNode), 'NodeNotSchedulable', `Node ${nameOf(oldNode)} status is now: NodeNotSchedulable`, { firstAgo: rotatedAgo - 40 }),
      ...app.pods.slice(0, 3).flatMap((p, k) => startedAt(p, 'app', image, started[k] ?? 0)),
      ...app.pods.map((p, k) => createdPod(rs, p, (started[k % 3] ?? 0) - (k >= 3 ? 0.5 : 0))),
      ...pending.map((p, k) => failedScheduling(p, msg, { count: 38 - k * 4, firstAgo: (started[k] ?? 0) - 0.5, lastAgo: 2.5 + k })),
      ...pending.map((p, k) => notTriggerScaleUp(p, '1 max node group size reached, 3 node(s) didn\'t match Pod\'s node affinity/selector', { count: 19 - k * 2, firstAgo: (started[k] ?? 0) - 0.6, lastAgo: 1.5 + k })),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 0))}:8080: connect: connection refused`, count: 7, firstAgo: started[0] ?? 0, lastAgo: (started[0] ?? 0) - 1.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', {
      current: lines(
        `${at((started[k] ?? 0) - 0.2)}  INFO 1 --- [ranker] [           main] c.a.search.ranker.RankerApplication     : Starting RankerApplication v5.2.1 using Java 21.0.5 with PID 1`,
        `${at((started[k] ?? 0) - 0.3)}  INFO 1 --- [ranker] [           main] c.a.s.ranker.index.IndexLoader          : loading index shard set 2026-11-20T22 (9.8 GiB) from s3://acme-search-index/prod`,
        `${at((started[k] ?? 0) - 1.4)}  INFO 1 --- [ranker] [           main] c.a.s.ranker.index.IndexLoader          : index loaded in 66.1s, heap used 8.9 GiB / max 10.5 GiB`,
        `${at((started[k] ?? 0) - 1.5)}  INFO 1 --- [ranker] [           main] c.a.search.ranker.RankerApplication     : Started RankerApplication in 71.842 seconds (process running for 72.61)`,
        `${at(9)}  WARN 1 --- [ranker] [grpc-default-executor-3] c.a.s.ranker.api.RankService            : deadline exceeded for request q=4c1e9 after 250ms (queue depth 61)`,
        `${at(1)}  INFO 1 --- [ranker] [      scheduler-1] c.a.s.ranker.metrics.Throughput         : served 18233 rank requests in 60s, p99 212ms`,
      ),
    })),
    expect: {
      verdict: 'problems',
      headline: [/allocatable|reserved|kube-?reserved|system-?reserved/i],
      facts: [/Insufficient memory/i, /search-mem|m6i\.2xlarge|ami-0c4f1d2e3a5b6c7d8/i],
      never: [/\bOOM/, /memory leak/i, ADVISES_ROLLBACK, /ResourceQuota|exceeded quota/i, /instance type (was )?changed/i],
    },
  };
}

// ---- 4. GPU pool switched to MIG: nvidia.com/gpu is 0, pods Pending ------------------------------------

function migPoolNoFullGpus(): CorpusScenario {
  const ns = 'ml-serving';
  const general = threeEksNodes('10.0.32', ['18', '144', '230']);
  const switchedAgo = 58;
  const gpuNode = (ip: string, zone: string, i: number): k8s.V1Node => {
    const n = node({
      name: eksNodeName(ip),
      zone,
      instanceType: 'p4de.24xlarge',
      pool: 'gpu-a100',
      labels: {
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
        'nvidia.com/gpu.count': '8',
        'nvidia.com/gpu.memory': '81920',
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': 'all-1g.10gb',
        'nvidia.com/mig.config.state': 'success',
        'nvidia.com/mig-1g.10gb.count': '56',
        'nvidia.com/mig-1g.10gb.product': 'NVIDIA-A100-SXM4-80GB-MIG-1g.10gb',
        'nvidia.com/cuda.driver.major': '550',
      },
      taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
      allocatable: { cpu: '95690m', 'ephemeral-storage': '1898695094942', memory: '1157313260Ki', pods: '250', 'nvidia.com/gpu': '0', 'nvidia.com/mig-1g.10gb': '56', 'vpc.amazonaws.com/efa': '4' },
      createdAgo: 47 * DAYS + i * 60,
    });
    if (n.status) n.status.capacity = { cpu: '96', 'ephemeral-storage': '2060300644Ki', memory: '1176492644Ki', pods: '250', 'nvidia.com/gpu': '0', 'nvidia.com/mig-1g.10gb': '56', 'vpc.amazonaws.com/efa': '4' };
    return n;
  };
  const gpus = [gpuNode('10.0.40.17', 'eu-west-1a', 0), gpuNode('10.0.41.92', 'eu-west-1b', 1)];
  const gn = gpus.map(nameOf);
  const tol: k8s.V1Toleration[] = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
  const withGpu = (c: k8s.V1Container, res: string): k8s.V1Container => ({ ...c, resources: { requests: { ...c.resources?.requests, [res]: '1' }, limits: { ...c.resources?.limits, [res]: '1' } } });
  const embImage = (v: string) => `${ECR}/ml/embedder:${v}`;
  const embTpl = (v: string) => ({
    containers: [withGpu(container({ image: embImage(v), ports: [8000, { name: 'metrics', containerPort: 8002 }], cpu: '4', memory: '24Gi', env: [{ name: 'MODEL_NAME', value: 'e5-large-v2' }, { name: 'MAX_BATCH_SIZE', value: '64' }], readiness: httpProbe('/v2/health/ready', 8000), liveness: httpProbe('/v2/health/live', 8000, { initialDelaySeconds: 90 }) }), 'nvidia.com/gpu')],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' },
    tolerations: tol,
  });
  const pendingSince = switchedAgo + 6;
  const msg = '0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const emb = deploymentApp({
    namespace: ns,
    name: 'embedder',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 26 * DAYS, changeCause: 'argocd: embedder 0.14.2', template: embTpl('0.14.2') },
      { revision: 9, createdAgo: 10 * DAYS, changeCause: 'argocd: embedder 0.15.0', template: embTpl('0.15.0') },
    ],
    pods: [
      { revision: 9, node: null, createdAgo: pendingSince, unschedulable: msg },
      { revision: 9, node: null, createdAgo: pendingSince - 0.1, unschedulable: msg },
    ],
    settled: { available: false, availableSince: pendingSince, progressingSince: 10 * DAYS - 8 },
  });
  const rrImage = (v: string) => `${ECR}/ml/reranker:${v}`;
  const rrTpl = (v: string, res: string) => ({
    containers: [withGpu(container({ image: rrImage(v), ports: [8000], cpu: '2', memory: '12Gi', readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 60 }) }), res)],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' },
    tolerations: tol,
  });
  const rr = deploymentApp({
    namespace: ns,
    name: 'reranker',
    replicas: 3,
    revisions: [
      { revision: 5, createdAgo: 18 * DAYS, changeCause: 'argocd: reranker 1.3.0', template: rrTpl('1.3.0', 'nvidia.com/gpu') },
      { revision: 6, createdAgo: switchedAgo + 9, changeCause: 'argocd: reranker 1.3.0 (mig-1g.10gb)', template: rrTpl('1.3.0', 'nvidia.com/mig-1g.10gb') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 6, node: gn[k % 2] ?? '', createdAgo: switchedAgo - 3 - k })),
  });
  const embRs = app0Rs(emb);
  const devicePlugin = daemonSetApp({
    namespace: 'gpu-operator',
    name: 'nvidia-device-plugin-daemonset',
    selector: { app: 'nvidia-device-plugin-daemonset' },
    revisions: [{ revision: 3, createdAgo: 47 * DAYS, template: { containers: [container({ name: 'nvidia-device-plugin', image: 'nvcr.io/nvidia/k8s-device-plugin:v0.16.2', ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, env: [{ name: 'MIG_STRATEGY', value: 'mixed' }] })], nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: tol } }],
    pods: gn.map((n) => ({ revision: 3, node: n, createdAgo: switchedAgo - 1, containers: { 'nvidia-device-plugin': running({ sinceAgo: switchedAgo - 1.5 }) } })),
  });
  const migManager = daemonSetApp({
    namespace: 'gpu-operator',
    name: 'nvidia-mig-manager',
    selector: { app: 'nvidia-mig-manager' },
    revisions: [{ revision: 2, createdAgo: 47 * DAYS, template: { containers: [container({ name: 'nvidia-mig-manager', image: 'nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.8.0-ubuntu20.04', ports: [], cpu: '50m', memory: '128Mi', readiness: null, liveness: null, env: [{ name: 'CONFIG_FILE', value: '/mig-parted-config/config.yaml' }, { name: 'WITH_REBOOT', value: 'false' }] })], nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: tol } }],
    pods: gn.map((n) => ({ revision: 2, node: n, createdAgo: 47 * DAYS })),
  });
  const embCfg = configMap({ namespace: ns, name: 'embedder-config', createdAgo: 40 * DAYS, updatedAgo: 10 * DAYS, data: { 'config.pbtxt': 'name: "e5-large-v2"\nbackend: "onnxruntime"\nmax_batch_size: 64\ninstance_group [ { count: 1 kind: KIND_GPU } ]\ndynamic_batching { max_queue_delay_microseconds: 2000 }\n' } });
  const rrPod = podOf(rr, 0);
  return {
    id: 'heldout63-gpu-pool-switched-to-mig',
    class: 'scheduling',
    truth: 'About an hour ago the platform team relabelled the gpu-a100 node pool with nvidia.com/mig.config=all-1g.10gb; the MIG manager carved every A100 into seven 1g.10gb instances and, with the mixed strategy, the device plugin now advertises nvidia.com/mig-1g.10gb: 56 and nvidia.com/gpu: 0 on both nodes. embedder (revision 9, unchanged) still requests nvidia.com/gpu: 1, so both replicas, recreated when the nodes were drained for the change, stay Pending with "Insufficient nvidia.com/gpu"; reranker, moved to nvidia.com/mig-1g.10gb, runs. Fix: request a MIG profile (or a larger one) in embedder, or give back full GPUs on part of the pool.',
    ask: { service: 'embedder', namespace: ns },
    objects: [
      ...general.nodes, ...gpus, ...emb.objects, ...rr.objects, ...devicePlugin.objects, ...migManager.objects, embCfg,
      ...exposed({ namespace: ns, name: 'embedder', selector: { app: 'embedder' }, pods: emb.pods, endpointPort: 8000, ports: [{ name: 'http', port: 8000, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: rr.pods, endpointPort: 8000, ports: [{ name: 'http', port: 8000, targetPort: 'http' }] }),
      ...emb.pods.map((p) => createdPod(embRs, p, pendingSince)),
      ...emb.pods.map((p, k) => failedScheduling(p, msg, { count: 17 - k, firstAgo: pendingSince, lastAgo: 3 + k })),
      ...gn.map((n) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: switchedAgo + 7 })),
      ...gn.map((n) => nodeEvent(n, 'NodeSchedulable', `Node ${n} status is now: NodeSchedulable`, { firstAgo: switchedAgo - 2 })),
      scaledReplicaSet(deploymentRef(ns, 'reranker'), rsOf(rr, 6), 3, 0, switchedAgo + 9),
      scaledReplicaSet(deploymentRef(ns, 'reranker'), rsOf(rr, 5), 0, 3, switchedAgo - 6),
      ...rr.pods.flatMap((p, k) => startedAt(p, 'app', rrImage('1.3.0'), switchedAgo - 3 - k)),
      event({ on: rrPod, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(rrPod)}:8000/health": dial tcp ${ipOfPod(rrPod)}:8000: connect: connection refused`, count: 5, firstAgo: switchedAgo - 3.1, lastAgo: switchedAgo - 3.9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...rr.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(switchedAgo - 3.2)} INFO reranker.server: CUDA device 0: NVIDIA A100-SXM4-80GB MIG 1g.10gb (9.75 GiB)`, `${pyTime(switchedAgo - 4)} INFO reranker.server: model bge-reranker-base loaded in 41.3s`, `${pyTime(1)} INFO reranker.server: 1832 requests in 60s, p95 38ms`) })),
      ...migManager.pods.map((p) => logsFor(p, 'nvidia-mig-manager', {
        current: lines(
          `time="${at(switchedAgo + 7.5).replace(/\.\d+Z$/, 'Z')}" level=info msg="Updating to MIG config: all-1g.10gb"`,
          `time="${at(switchedAgo + 7.4).replace(/\.\d+Z$/, 'Z')}" level=info msg="Shutting down all GPU clients in Kubernetes by disabling their component-specific nodeSelector labels"`,
          `time="${at(switchedAgo + 5).replace(/\.\d+Z$/, 'Z')}" level=info msg="Applying the selected MIG config to the node"`,
          `time="${at(switchedAgo + 2).replace(/\.\d+Z$/, 'Z')}" level=info msg="Restarting all GPU clients previously shutdown in Kubernetes by reenabling their component-specific nodeSelector labels"`,
          `time="${at(switchedAgo + 1.5).replace(/\.\d+Z$/, 'Z')}" level=info msg="Successfully updated to MIG config: all-1g.10gb"`,
          `time="${at(switchedAgo + 1.5).replace(/\.\d+Z$/, 'Z')}" level=info msg="Waiting for change to 'nvidia.com/mig.config' label"`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MIG|mig-1g|1g\.10gb|mig\.config/i],
      facts: [/Insufficient nvidia\.com\/gpu/, /mig-1g\.10gb/],
      never: [/device plugin[^\n]*(crash|down|not running|missing)/i, /driver (upgrade|mismatch|crash)/i, /\bOOM/, /untolerated taint|add (a )?toleration/i, /quota/i],
    },
  };
}

function app0Rs(app: { objects: { kind?: string; metadata?: k8s.V1ObjectMeta }[] }): { kind?: string; metadata?: k8s.V1ObjectMeta } {
  const rss = app.objects.filter((o) => o.kind === 'ReplicaSet');
  return rss[rss.length - 1] ?? {};
}

// ---- 5. ConfigMap edit: DB IP instead of host name with sslmode=verify-full ------------------------

function verifyFullWithIp(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.53', ['9', '131', '220']);
  const image = `${ECR}/billing/invoice-api:2.31.0`;
  const editedAgo = 37;
  const restartedAgo = 34;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image,
      ports: [8000],
      cpu: '300m',
      memory: '512Mi',
      command: ['uvicorn', 'invoice_api.main:app', '--host', '0.0.0.0', '--port', '8000', '--proxy-headers'],
      envFrom: [{ configMapRef: { name: 'invoice-api-config' } }],
      env: [{ name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'password' } } }],
      readiness: httpProbe('/healthz/ready', 8000),
      liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'internal-ca', mountPath: '/etc/pki/acme', readOnly: true }],
    })],
    volumes: [{ name: 'internal-ca', configMap: { name: 'acme-internal-ca', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 43, createdAgo: 19 * DAYS, changeCause: 'argocd: invoice-api 2.30.4', template: { ...tpl(), containers: [{ ...(tpl().containers[0] as k8s.V1Container), image: `${ECR}/billing/invoice-api:2.30.4` }] } },
      { revision: 44, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 2.31.0', template: tpl() },
      { revision: 45, createdAgo: restartedAgo, template: tpl(ago(restartedAgo).toISOString().replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 45, node: names[1] ?? '', createdAgo: restartedAgo - 0.1, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.9, ranSeconds: 2 }, 11) } },
    ],
  });
  const cm = configMap({
    namespace: ns,
    name: 'invoice-api-config',
    createdAgo: 300 * DAYS,
    updatedAgo: editedAgo,
    data: {
      DATABASE_URL: 'postgresql://invoice_app@10.20.3.14:5432/billing?sslmode=verify-full&sslrootcert=/etc/pki/acme/ca.pem&connect_timeout=5&application_name=invoice-api',
      DB_POOL_SIZE: '10',
      DB_POOL_MAX_OVERFLOW: '5',
      PDF_RENDERER_URL: 'http://invoice-pdf-renderer.billing.svc.cluster.local',
      LOG_LEVEL: 'INFO',
      TAX_SERVICE_URL: 'http://tax-engine.tax.svc.cluster.local:8080',
    },
  });
  const ca = configMap({ namespace: ns, name: 'acme-internal-ca', createdAgo: 300 * DAYS, data: { 'ca.pem': '-----BEGIN CERTIFICATE-----\nMIIDxTCCAq2gAwIBAgIUV3b8k2Yh0mR1c9Qx...\n-----END CERTIFICATE-----\n' } });
  const renderer = deploymentApp({
    namespace: ns,
    name: 'invoice-pdf-renderer',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 30 * DAYS, changeCause: 'argocd: invoice-pdf-renderer 1.6.2', template: { containers: [container({ image: `${ECR}/billing/invoice-pdf-renderer:1.6.2`, ports: [3000], memory: '768Mi' })] } }],
    pods: [{ revision: 8, node: names[0] ?? '', createdAgo: 30 * DAYS }, { revision: 8, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const fresh = podOf(app, 3);
  const depl = deploymentRef(ns, 'invoice-api');
  const crash = lines(
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    'ERROR:    Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 693, in lifespan',
    '    async with self.lifespan_context(app) as maybe_state:',
    '  File "/usr/local/lib/python3.12/contextlib.py", line 210, in __aenter__',
    '    return await anext(self.gen)',
    '           ^^^^^^^^^^^^^^^^^^^^^',
    '  File "/app/invoice_api/main.py", line 38, in lifespan',
    '    await db.ping()',
    '  File "/app/invoice_api/db.py", line 57, in ping',
    '    async with self.pool.connection(timeout=10) as conn:',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg_pool/pool_async.py", line 195, in getconn',
    '    raise PoolTimeout(',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg/connection_async.py", line 123, in connect',
    '    raise last_ex.with_traceback(None)',
    'psycopg.OperationalError: connection failed: connection to server at "10.20.3.14", port 5432 failed: server certificate for "billing-db.prod.acme.internal" does not match host name "10.20.3.14"',
    '',
    'ERROR:    Application startup failed. Exiting.',
  );
  const oldLogs = (p: k8s.V1Pod) => lines(
    `${pyTime(20 * HOURS + 12)} WARNING invoice_api.db: connection attempt failed: connection failed: [Errno -3] Temporary failure in name resolution (host=billing-db.prod.acme.internal)`,
    `${pyTime(20 * HOURS + 11.5)} WARNING invoice_api.db: connection attempt failed: connection failed: [Errno -3] Temporary failure in name resolution (host=billing-db.prod.acme.internal)`,
    `${pyTime(20 * HOURS + 10)} INFO invoice_api.db: pool healthy again (10 connections)`,
    `INFO:     ${ipOfPod(p).replace(/\.\d+$/, '.1')}:51234 - "GET /v1/invoices/inv_8Hk2 HTTP/1.1" 200 OK`,
    `INFO:     10.0.53.77:40112 - "POST /v1/invoices HTTP/1.1" 201 Created`,
    `INFO:     10.0.53.77:40188 - "GET /v1/invoices?customer=cus_91x HTTP/1.1" 200 OK`,
  );
  return {
    id: 'heldout63-verify-full-db-host-replaced-by-ip',
    class: 'config',
    truth: 'After yesterday\'s DNS blip someone edited the invoice-api-config ConfigMap 37 minutes ago and replaced billing-db.prod.acme.internal with its IP 10.20.3.14 in DATABASE_URL, keeping sslmode=verify-full; the rollout restart that followed (revision 45) starts pods whose every connection fails hostname verification (server certificate for "billing-db.prod.acme.internal" does not match host name "10.20.3.14"), so uvicorn exits 3 at startup and the pod crash-loops. The three revision-44 pods still run with the old value. Fix: put the host name back (rolling back the Deployment would not help: any new pod reads the same ConfigMap).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects, cm, ca,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: renderer.pods, endpointPort: 3000 }),
      scaledReplicaSet(depl, rsOf(app, 45), 1, 0, restartedAgo),
      ...startedAt(fresh, 'app', image, restartedAgo - 0.1),
      ...restartedAgain(fresh, 'app', image, { count: 11, firstAgo: restartedAgo - 0.5, lastAgo: 1.95 }),
      backOff(fresh, 'app', { count: 143, firstAgo: restartedAgo - 0.4 }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(fresh)}:8000/healthz/ready": dial tcp ${ipOfPod(fresh)}:8000: connect: connection refused`, count: 4, firstAgo: restartedAgo - 0.2, lastAgo: 6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash, previous: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLogs(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/10\.20\.3\.14|IP address/i, /verify-full|host ?name|certificate|TLS|SSL/i],
      facts: [/does not match host ?name|does not match/i, /invoice-api-config|DATABASE_URL/],
      never: [/name resolution|DNS (is )?(fail|broken|down)/i, ADVISES_ROLLBACK, /expired/i, /password authentication|authentication failed/i, /\bOOM/],
    },
  };
}

// ---- 6. maintenance Job left default_transaction_read_only = on ----------------------------------------

function maintenanceLeftDbReadOnly(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.71', ['26', '148', '233']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgTpl = {
    containers: [container({
      name: 'postgres',
      image: pgImage,
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '2',
      memory: '8Gi',
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1']),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'pg-config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'pg-config', configMap: { name: 'orders-pg-config', defaultMode: 420 } }],
    terminationGracePeriodSeconds: 120,
  };
  const pg = statefulSetApp({
    namespace: ns,
    name: 'orders-pg',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 44 * DAYS, template: pgTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 44 * DAYS }, { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 44 * DAYS }],
  });
  const pgClaims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-orders-pg-${i}`, storage: '500Gi', zone: `eu-west-1${'ab'[i]}`, createdAgo: 300 * DAYS }));
  const pgConf = configMap({
    namespace: ns,
    name: 'orders-pg-config',
    createdAgo: 300 * DAYS,
    updatedAgo: 44 * DAYS,
    data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 300\nshared_buffers = 2GB\nwal_level = replica\nhot_standby = on\nlog_line_prefix = '%m [%p] %q%u@%d '\nlog_statement = 'ddl'\nlog_min_duration_statement = 2000\nlog_checkpoints = on\n" },
  });
  const appImage = (v: string) => `${ECR}/orders/order-service:${v}`;
  const appTpl = (v: string) => ({
    containers: [container({
      image: appImage(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      envFrom: [{ configMapRef: { name: 'order-service-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const rolledAgo = 48;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 8 * DAYS, changeCause: 'argocd: order-service 4.19.2', template: appTpl('4.19.2') },
      { revision: 61, createdAgo: rolledAgo, changeCause: 'argocd: order-service 4.19.3', template: appTpl('4.19.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: rolledAgo - 0.5 - k * 1.4 })),
  });
  const appCfg = configMap({
    namespace: ns,
    name: 'order-service-config',
    createdAgo: 200 * DAYS,
    data: { SPRING_DATASOURCE_URL: `jdbc:postgresql://orders-pg-primary.${ns}.svc.cluster.local:5432/orders`, SPRING_DATASOURCE_USERNAME: 'order_app', SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE: '12', SPRING_PROFILES_ACTIVE: 'prod' },
  });
  const script = [
    'set -euo pipefail',
    'echo "[archive-move] freezing writes on ${PGDATABASE}"',
    'psql -v ON_ERROR_STOP=1 -c "ALTER DATABASE ${PGDATABASE} SET default_transaction_read_only = on;"',
    'psql -v ON_ERROR_STOP=1 -tAc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = \'${PGDATABASE}\' AND usename = \'order_app\';"',
    'PGOPTIONS="-c default_transaction_read_only=off" pg_dump --format=custom --table="public.orders_${PERIOD}" --table="public.order_lines_${PERIOD}" --file="/work/archive-${PERIOD}.dump"',
    'ls -lh "/work/archive-${PERIOD}.dump"',
    'aws s3 cp "/work/archive-${PERIOD}.dump" "s3://acme-orders-archive/${PERIOD}/" --sse aws:kms --sse-kms-key-id alias/orders-archive',
    'PGOPTIONS="-c default_transaction_read_only=off" psql -v ON_ERROR_STOP=1 -c "DROP TABLE public.order_lines_${PERIOD}, public.orders_${PERIOD};"',
    'psql -v ON_ERROR_STOP=1 -c "ALTER DATABASE ${PGDATABASE} RESET default_transaction_read_only;"',
    'echo "[archive-move] done"',
  ].join('\n');
  const maintTpl = {
    containers: [batchContainer({
      name: 'archive-move',
      image: `${ECR}/platform/pg-tools:16-2.3`,
      command: ['/bin/bash', '-xc', script],
      env: [{ name: 'PGHOST', value: `orders-pg-primary.${ns}.svc.cluster.local` }, { name: 'PGDATABASE', value: 'orders' }, { name: 'PGUSER', value: 'postgres' }, { name: 'PERIOD', value: '2025_h1' }],
      cpu: '1',
      memory: '2Gi',
      volumeMounts: [{ name: 'work', mountPath: '/work' }],
    })],
    volumes: [{ name: 'work', emptyDir: { sizeLimit: '20Gi' } }],
    serviceAccountName: 'orders-maintenance',
  };
  const cron = cronJob({ namespace: ns, name: 'orders-archive-move', schedule: '0 2 1 */6 *', suspend: true, template: maintTpl, backoffLimit: 0, jobs: [], createdAgo: 90 * DAYS });
  const jobStart = 158;
  const jobEnd = 151.5;
  const maint = job({
    namespace: ns,
    name: 'orders-archive-move-manual-7xq2n',
    template: maintTpl,
    backoffLimit: 0,
    createdAgo: jobStart,
    owner: { name: 'orders-archive-move', uid: cron.uid },
    pods: [{ node: names[2] ?? '', createdAgo: jobStart, phase: 'Failed', containers: { 'archive-move': terminated({ exitCode: 1, finishedAgo: jobEnd, ranSeconds: 385 }) } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: jobEnd },
  });
  const jobObj = maint.objects[0];
  if (jobObj?.metadata) jobObj.metadata.annotations = { 'cronjob.kubernetes.io/instantiate': 'manual' };
  const jp = podOf(maint, 0);
  const hhmm = (m: number) => at(m).slice(11, 16);
  const jobLog = lines(
    '+ echo \'[archive-move] freezing writes on orders\'',
    '[archive-move] freezing writes on orders',
    '+ psql -v ON_ERROR_STOP=1 -c \'ALTER DATABASE orders SET default_transaction_read_only = on;\'',
    'ALTER DATABASE',
    '+ psql -v ON_ERROR_STOP=1 -tAc \'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = \'\\\'\'orders\'\\\'\' AND usename = \'\\\'\'order_app\'\\\'\';\'',
    '36',
    '+ PGOPTIONS=\'-c default_transaction_read_only=off\'',
    '+ pg_dump --format=custom --table=public.orders_2025_h1 --table=public.order_lines_2025_h1 --file=/work/archive-2025_h1.dump',
    '+ ls -lh /work/archive-2025_h1.dump',
    `-rw-r--r-- 1 root root 3.1G Nov 21 ${hhmm(153)} /work/archive-2025_h1.dump`,
    '+ aws s3 cp /work/archive-2025_h1.dump s3://acme-orders-archive/2025_h1/ --sse aws:kms --sse-kms-key-id alias/orders-archive',
    'upload failed: ../work/archive-2025_h1.dump to s3://acme-orders-archive/2025_h1/archive-2025_h1.dump An error occurred (AccessDenied) when calling the CreateMultipartUpload operation: User: arn:aws:sts::123456789012:assumed-role/orders-maintenance/botocore-session-1763688912 is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:123456789012:key/5f0c9a1e-7b2d-4c61-9e3f-2a8d4b6c1e07 because no identity-based policy allows the kms:GenerateDataKey action',
  );
  const pgTs = (m: number) => `${at(m).replace('T', ' ').replace('Z', '')} UTC`;
  const insert = 'insert into orders (created_at,currency,customer_id,status,total_cents,id) values ($1,$2,$3,$4,$5,$6)';
  const p0 = podOf(pg, 0);
  const p1 = podOf(pg, 1);
  const pgLog = lines(
    `${pgTs(5 * HOURS)} [61] LOG:  checkpoint starting: time`,
    `${pgTs(5 * HOURS - 4.5)} [61] LOG:  checkpoint complete: wrote 18341 buffers (7.0%); 0 WAL file(s) added, 0 removed, 11 recycled; write=269.812 s, sync=0.021 s, total=269.874 s; sync files=211, longest=0.004 s, average=0.001 s; distance=187422 kB, estimate=201877 kB; lsn=3A/1E44C2D8, redo lsn=3A/1C0D1A60`,
    `${pgTs(jobStart - 0.3)} [48211] postgres@orders LOG:  statement: ALTER DATABASE orders SET default_transaction_read_only = on;`,
    ...Array.from({ length: 4 }, (_, i) => `${pgTs(jobStart - 0.32)} [${47102 + i * 17}] order_app@orders FATAL:  terminating connection due to administrator command`),
    `${pgTs(jobStart - 0.4)} [48260] order_app@orders ERROR:  cannot execute INSERT in a read-only transaction`,
    `${pgTs(jobStart - 0.4)} [48260] order_app@orders STATEMENT:  ${insert}`,
    `${pgTs(jobStart - 0.45)} [48263] order_app@orders ERROR:  cannot execute UPDATE in a read-only transaction`,
    `${pgTs(jobStart - 0.45)} [48263] order_app@orders STATEMENT:  update order_lines set quantity=$1,status=$2 where id=$3`,
    `${pgTs(jobStart - 1.2)} [48219] postgres@orders LOG:  duration: 324112.448 ms  statement: COPY public.order_lines_2025_h1 (id, order_id, sku, quantity, unit_cents, status) TO stdout;`,
    ...Array.from({ length: 6 }, (_, i) => {
      const t = 120 - i * 22;
      return `${pgTs(t)} [${49000 + i * 311}] order_app@orders ERROR:  cannot execute INSERT in a read-only transaction\n${pgTs(t)} [${49000 + i * 311}] order_app@orders STATEMENT:  ${insert}`;
    }),
    `${pgTs(30)} [61] LOG:  checkpoint starting: time`,
    `${pgTs(25.5)} [61] LOG:  checkpoint complete: wrote 2210 buffers (0.8%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.511 s, sync=0.008 s, total=269.560 s; sync files=64, longest=0.002 s, average=0.001 s; distance=21877 kB, estimate=180321 kB; lsn=3A/2A0C5E10, redo lsn=3A/29F1B2C8`,
    `${pgTs(0.8)} [51877] order_app@orders ERROR:  cannot execute INSERT in a read-only transaction`,
    `${pgTs(0.8)} [51877] order_app@orders STATEMENT:  ${insert}`,
  );
  const replicaLog = lines(
    `${pgTs(44 * DAYS - 0.5)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTs(44 * DAYS - 0.55)} [27] LOG:  entering standby mode`,
    `${pgTs(44 * DAYS - 0.6)} [27] LOG:  consistent recovery state reached at 31/9C0004F8`,
    `${pgTs(44 * DAYS - 0.6)} [1] LOG:  database system is ready to accept read-only connections`,
    `${pgTs(44 * DAYS - 0.61)} [33] LOG:  started streaming WAL from primary at 31/9D000000 on timeline 1`,
    `${pgTs(30)} [29] LOG:  restartpoint starting: time`,
    `${pgTs(25.4)} [29] LOG:  restartpoint complete: wrote 2198 buffers (0.8%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.402 s, sync=0.011 s, total=269.455 s`,
  );
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [order-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const appLogs = app.pods.map((p, k) => logsFor(p, 'app', {
    current:
      lines(
        spring(rolledAgo - 0.6 - k * 1.4, 'INFO', 'main', 'c.a.orders.OrderServiceApplication', 'Starting OrderServiceApplication v4.19.3 using Java 21.0.5 with PID 1'),
        spring(rolledAgo - 0.7 - k * 1.4, 'WARN', 'main', 'JpaBaseConfiguration$JpaWebConfiguration', 'spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning'),
        spring(rolledAgo - 0.75 - k * 1.4, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
        spring(rolledAgo - 0.8 - k * 1.4, 'INFO', 'main', 'c.a.orders.OrderServiceApplication', 'Started OrderServiceApplication in 14.207 seconds (process running for 15.01)'),
      ) +
      every(rolledAgo - 3 - k, 0.5, 420, (t, i) => lines(
        spring(t, 'INFO', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.orders.api.OrderController', `GET /v1/orders/ord_${(91000 + i * 7 + k).toString(36)} 200 (11 ms)`),
        spring(t - 0.02, 'WARN', `nio-8080-exec-${(i % 9) + 2}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 25006'),
        spring(t - 0.02, 'ERROR', `nio-8080-exec-${(i % 9) + 2}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'ERROR: cannot execute INSERT in a read-only transaction'),
        spring(t - 0.021, 'ERROR', `nio-8080-exec-${(i % 9) + 2}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: could not execute statement [ERROR: cannot execute INSERT in a read-only transaction] [insert into orders (created_at,currency,customer_id,status,total_cents,id) values (?,?,?,?,?,?)]] with root cause'),
        '',
        'org.postgresql.util.PSQLException: ERROR: cannot execute INSERT in a read-only transaction',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733) ~[postgresql-42.7.4.jar!/:42.7.4]',
        '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420) ~[postgresql-42.7.4.jar!/:42.7.4]',
        '\tat org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152) ~[postgresql-42.7.4.jar!/:42.7.4]',
        '\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java) ~[HikariCP-5.1.0.jar!/:na]',
        '\tat org.hibernate.engine.jdbc.internal.ResultSetReturnImpl.executeUpdate(ResultSetReturnImpl.java:194) ~[hibernate-core-6.5.3.Final.jar!/:6.5.3.Final]',
        '\tat com.acme.orders.service.OrderService.placeOrder(OrderService.java:88) ~[!/:4.19.3]',
        '\t... 58 common frames omitted',
      )),
  }));
  return {
    id: 'heldout63-maintenance-job-left-db-read-only',
    class: 'config',
    truth: 'The manual run of the orders-archive-move maintenance Job (2.6 hours ago) set ALTER DATABASE orders SET default_transaction_read_only = on to freeze writes, terminated order_app\'s sessions, dumped the 2025_h1 partitions, then failed on the S3 upload (AccessDenied on kms:GenerateDataKey); with set -e it exited before the final RESET, so every new session on the primary orders-pg-0 is read-only: reads work, every INSERT/UPDATE from order-service fails with "cannot execute INSERT in a read-only transaction" (SQLSTATE 25006). Neither the order-service 4.19.3 rollout 48 minutes ago nor a failover is involved. Fix: ALTER DATABASE orders RESET default_transaction_read_only (and terminate sessions so pools reconnect).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, ...pgClaims, pgConf, ...app.objects, appCfg, ...cron.objects, ...maint.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-pg-primary', selector: { app: 'orders-pg', 'statefulset.kubernetes.io/pod-name': 'orders-pg-0' }, pods: [p0], endpointPort: 5432, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      ...exposed({ namespace: ns, name: 'orders-pg-replica', selector: { app: 'orders-pg', 'statefulset.kubernetes.io/pod-name': 'orders-pg-1' }, pods: [p1], endpointPort: 5432, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      ...exposed({ namespace: ns, name: 'orders-pg', selector: { app: 'orders-pg' }, pods: pg.pods, endpointPort: 5432, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      jobEventOn(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(jp)}`, jobStart, 'Normal'),
      jobEventOn(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', jobEnd, 'Warning'),
      ...startedAt(jp, 'archive-move', `${ECR}/platform/pg-tools:16-2.3`, jobStart),
      scaledReplicaSet(deploymentRef(ns, 'order-service'), rsOf(app, 61), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentRef(ns, 'order-service'), rsOf(app, 60), 0, 1, rolledAgo - 3.5),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', appImage('4.19.3'), rolledAgo - 0.5 - k * 1.4)),
    ],
    logs: [
      ...appLogs,
      logsFor(p0, 'postgres', { current: pgLog }),
      logsFor(p1, 'postgres', { current: replicaLog }),
      logsFor(jp, 'archive-move', { current: jobLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/default_transaction_read_only|orders-archive-move|ALTER DATABASE/i],
      facts: [/cannot execute INSERT in a read-only transaction|25006/i, /orders-archive-move/],
      never: [ADVISES_ROLLBACK, /(connect\w*|pointed|routed|talking|sent) to (the |a )?(read )?(replica|standby)/i, /failover|promot/i, /\bOOM/, /disk (is )?full|No space left/i],
    },
  };
}

function jobEventOn(jobObj: { kind?: string; metadata?: k8s.V1ObjectMeta } | undefined, reason: string, message: string, atAgo: number, type: 'Normal' | 'Warning'): k8s.CoreV1Event {
  return event({ on: { kind: 'Job', metadata: jobObj?.metadata ?? {} }, type, reason, message, firstAgo: atAgo, lastAgo: atAgo, component: 'job-controller' });
}

// ---- 7. healthy control: topology-aware hints disabled on the Service, superfluous WriteHeader -------

function healthyGeoLookup(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.120', ['14', '150', '236']);
  const image = `${ECR}/maps/geo-lookup:1.22.4`;
  const tpl = { containers: [container({ image, ports: [8080, { name: 'metrics', containerPort: 9102 }], cpu: '2', cpuLimit: '2', memory: '1Gi', env: [{ name: 'GEOIP_DB', value: '/data/GeoIP2-City.mmdb' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-lookup',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 33 * DAYS, changeCause: 'argocd: geo-lookup 1.22.1', template: { containers: [{ ...(tpl.containers[0] as k8s.V1Container), image: `${ECR}/maps/geo-lookup:1.22.1` }] } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: geo-lookup 1.22.4', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k * 0.8 })),
  });
  const tiles = deploymentApp({
    namespace: ns,
    name: 'tile-renderer',
    replicas: 2,
    revisions: [{ revision: 30, createdAgo: 4 * DAYS, changeCause: 'argocd: tile-renderer 3.4.0', template: { containers: [container({ image: `${ECR}/maps/tile-renderer:3.4.0`, ports: [8080], cpu: '1', memory: '2Gi' })] } }],
    pods: [{ revision: 30, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 30, node: names[2] ?? '', createdAgo: 4 * DAYS }],
  });
  const svc = service({ namespace: ns, name: 'geo-lookup', selector: { app: 'geo-lookup' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
  svc.metadata = { ...svc.metadata, annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } };
  const slice = endpointSliceFor(svc, app.pods, 8080);
  const rr = (p: k8s.V1Pod) => lines(
    `${at(9 * DAYS - 0.45).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} maxprocs: Updating GOMAXPROCS=2: determined from CPU quota`,
    `{"time":"${at(9 * DAYS - 0.5)}","level":"INFO","msg":"geoip database loaded","path":"/data/GeoIP2-City.mmdb","build_epoch":"2026-11-11T00:00:00Z","records":3811092}`,
    `{"time":"${at(9 * DAYS - 0.5)}","level":"INFO","msg":"listening","addr":":8080","metrics":":9102"}`,
    `${at(3 * DAYS).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} http: superfluous response.WriteHeader call from main.(*server).writeJSON (handlers.go:88)`,
    `${at(26 * HOURS).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} http: superfluous response.WriteHeader call from main.(*server).writeJSON (handlers.go:88)`,
    `{"time":"${at(6)}","level":"INFO","msg":"stats","pod":"${nameOf(p)}","requests":58211,"p99_ms":3.1,"cache_hit_ratio":0.94}`,
    `${at(4.2).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} http: superfluous response.WriteHeader call from main.(*server).writeJSON (handlers.go:88)`,
    `{"time":"${at(1)}","level":"INFO","msg":"stats","pod":"${nameOf(p)}","requests":57930,"p99_ms":3.0,"cache_hit_ratio":0.94}`,
  );
  return {
    id: 'heldout63-healthy-geo-lookup-topology-hints-disabled',
    class: 'healthy',
    truth: 'geo-lookup is healthy: three ready replicas of revision 12 (9 days old), serving with low latency. The endpoint-slice controller\'s TopologyAwareHintsDisabled warnings only mean that topology-mode Auto cannot allocate hints with three endpoints over three zones, so traffic is routed cluster-wide as before; the "http: superfluous response.WriteHeader" lines are a harmless double WriteHeader in an error path. Nothing needs fixing.',
    ask: { service: 'geo-lookup', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...tiles.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'tile-renderer', selector: { app: 'tile-renderer' }, pods: tiles.pods }),
      event({ on: { kind: 'Service', metadata: svc.metadata ?? {} }, reason: 'TopologyAwareHintsDisabled', message: 'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold (3 endpoints, 3 zones), addressType: IPv4', count: 14, firstAgo: 9 * DAYS, lastAgo: 7.5 * HOURS, component: 'endpoint-slice-controller' }),
      event({ on: { kind: 'Service', metadata: svc.metadata ?? {} }, reason: 'TopologyAwareHintsDisabled', message: 'Insufficient number of endpoints (2 endpoints, 3 zones), addressType: IPv4', count: 2, firstAgo: 9 * DAYS - 0.3, lastAgo: 9 * DAYS - 1.5, component: 'endpoint-slice-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: rr(p) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue|failure)s?|nothing (is )?(wrong|failing)|running normally|all (\d+|three) (pods|replicas)/i],
      facts: [/geo-lookup/],
      never: [/topology[- ]aware[^\n]*(broken|fail|cause|misrout)/i, /superfluous[^\n]*(cause|fail|crash)/i, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  builtinFetchIgnoresProxy(),
  rabbitParallelBootstrapSplit(),
  rotatedNodesLessAllocatable(),
  migPoolNoFullGpus(),
  verifyFullWithIp(),
  maintenanceLeftDbReadOnly(),
  healthyGeoLookup(),
];
