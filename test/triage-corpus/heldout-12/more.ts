// Held-out stories, twelfth round, second part (see ./stories.ts for the round's header): seccomp
// RuntimeDefault blocking io_uring, a native Vault agent sidecar that never starts, a node without a
// pod route, a JVM caching a database's old address after a failover, a RuntimeClass that does not
// exist, and the two healthy controls.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, cronJob, cronJobEvent, crashLoop,
  daemonSetApp, deploymentApp, event, execProbe, exposed, httpProbe, jobEvent, nameOf, node, nodeEvent, pyTime,
  replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp, terminated, waiting, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { eksNodeName as nodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes as threeNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

const date = (minutesAgo: number): Date => new Date(Date.parse(at(minutesAgo)));

/** The conditions a Deployment shows while its new ReplicaSet cannot create pods. */
function replicaFailure(newRs: string, message: string, since: number): k8s.V1DeploymentCondition[] {
  return [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: date(10 * DAYS), lastTransitionTime: date(10 * DAYS) },
    { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastUpdateTime: date(since), lastTransitionTime: date(since) },
    { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: date(since - 10), lastTransitionTime: date(since - 10) },
  ];
}

/** klog's header: `I1121 03:10:02.114203       1 main.go:88] `. */
const klog = (sev: string, ago: number, src: string, msg: string): string => {
  const d = at(ago);
  return `${sev}${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}000       1 ${src}] ${msg}`;
};

// ---- 8. seccomp RuntimeDefault (hardening) blocks TigerBeetle's io_uring --------------------------

function seccompRuntimeDefaultBlocksIoUring(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeNodes('10.0.141');
  const image = 'ghcr.io/tigerbeetle/tigerbeetle:0.16.11';
  const tb = (hardened: boolean) => ({
    containers: [container({
      name: 'tigerbeetle', image, cpu: '2', memory: '8Gi', ports: [{ name: 'tb', containerPort: 3000 }],
      command: ['/bin/sh', '-c', 'exec /tigerbeetle start --addresses=tigerbeetle-0.tigerbeetle:3000,tigerbeetle-1.tigerbeetle:3000,tigerbeetle-2.tigerbeetle:3000 --cache-grid=4GiB /data/0_${HOSTNAME##*-}.tigerbeetle'],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      readiness: { tcpSocket: { port: 3000 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null,
      ...(hardened ? { securityContext: { allowPrivilegeEscalation: false } } : {}),
    })],
    ...(hardened ? { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } } : {}),
  });
  const app = statefulSetApp({
    namespace: ns,
    name: 'tigerbeetle',
    replicas: 3,
    serviceName: 'tigerbeetle',
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 8, createdAgo: 34 * DAYS, template: tb(false) },
      { revision: 9, createdAgo: 17, template: tb(true) },
    ],
    pods: [
      { revision: 8, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 8, ordinal: 1, node: names[1] ?? '', createdAgo: 34 * DAYS },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 16.5, containers: { tigerbeetle: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 0.4 }, 8) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-tigerbeetle-${k}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 34 * DAYS, storageClass: 'gp3', labels: { app: 'tigerbeetle' } }));
  const sick = podOf(app, 2);
  const tt = (ago: number) => at(ago).replace('T', ' ');
  const crash = lines(
    `${tt(1.81)} info(main): 2: cluster=0: starting replica (release 0.16.11)`,
    `${tt(1.8)} error(io): io_uring is not available`,
    `${tt(1.8)} error(io): likely cause: the syscall is disabled by sysctl, try 'sysctl -w kernel.io_uring_disabled=0'`,
    `${tt(1.8)} error: PermissionDenied`,
  );
  return {
    id: 'heldout12-seccomp-runtimedefault-blocks-io-uring',
    class: 'containers',
    truth: 'Revision 9 of the tigerbeetle StatefulSet (17 minutes ago, a hardening change ahead of Pod Security "restricted") set seccompProfile RuntimeDefault on the pod. containerd\'s default seccomp profile no longer allows the io_uring syscalls, and TigerBeetle does all its I/O through io_uring: the replica exits at once ("io_uring is not available", "error: PermissionDenied", exit 1). The rolling update started with tigerbeetle-2, which now crash-loops; tigerbeetle-0 and -1 (revision 8) still run, so the cluster keeps quorum but has no fault tolerance left, and the update is halted. The sysctl hint in the log is a red herring (the node allows io_uring; the unconfined pods use it), and the volumes are fine. Fix: give tigerbeetle a Localhost seccomp profile that allows io_uring_setup/enter/register (or Unconfined), then let the update continue.',
    ask: { service: 'tigerbeetle' },
    objects: [
      ...nodes, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'tigerbeetle', selector: { app: 'tigerbeetle' }, pods: app.pods, headless: true, ports: [{ name: 'tb', port: 3000, targetPort: 3000 }], endpointPort: 3000 }),
      event({ on: { kind: 'StatefulSet', name: 'tigerbeetle', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod tigerbeetle-2 in StatefulSet tigerbeetle successful', firstAgo: 16.6, lastAgo: 16.6, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'tigerbeetle', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod tigerbeetle-2 in StatefulSet tigerbeetle successful', firstAgo: 16.5, lastAgo: 16.5, component: 'statefulset-controller' }),
      ...startedAt(sick, 'tigerbeetle', image, 16.5).slice(0, 1),
      ...restartedAgain(sick, 'tigerbeetle', image, { count: 9, firstAgo: 16.4, lastAgo: 1.8 }),
      backOff(sick, 'tigerbeetle', { count: 71, firstAgo: 16 }),
    ],
    logs: [
      logsFor(sick, 'tigerbeetle', { previous: crash, current: crash }),
      ...app.pods.slice(0, 2).map((p, k) => logsFor(p, 'tigerbeetle', { current: lines(`${tt(16.4)} warning(message_bus): ${k}: on_connect: error to replica 2: error.ConnectionRefused`, `${tt(2)} info(replica): ${k}: view=1882 primary=${k === 0 ? 'true' : 'false'} commit=918220413`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/seccomp|RuntimeDefault/i, /io_uring|tigerbeetle-2|revision 9/i],
      facts: [/revision 9/, /io_uring/, /tigerbeetle-2/, /PermissionDenied|not permitted|EPERM/i],
      never: [/sysctl|io_uring_disabled/i, /\bOOM/, /liveness/i],
    },
  };
}

// ---- 9. a native Vault agent sidecar whose startup probe never passes: the app never starts -------

function vaultSidecarWrongRoleStuckInit(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.152');
  const appC = (v: string) => container({ image: `${ECR}/orders/orders-api:${v}`, ports: [8080], env: [{ name: 'CONFIG_FILE', value: '/vault/secrets/config.env' }], volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets', readOnly: true }] });
  const agent = container({
    name: 'vault-agent', image: 'hashicorp/vault:1.17.6', args: ['agent', '-config=/etc/vault/agent.hcl'], ports: [], cpu: '50m', memory: '64Mi', restartPolicy: 'Always',
    readiness: null, liveness: null, startup: execProbe(['sh', '-c', 'test -s /vault/secrets/config.env'], { periodSeconds: 5, failureThreshold: 24 }),
    volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }, { name: 'vault-agent-config', mountPath: '/etc/vault' }],
  });
  const revisions = [
    { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-api 5.3.0', template: { containers: [appC('5.3.0')], annotations: { 'vault.hashicorp.com/agent-inject': 'true', 'vault.hashicorp.com/role': 'orders', 'vault.hashicorp.com/agent-inject-template-config.env': '{{ with secret "kv/data/orders/api" }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\n{{ end }}{{ end }}' }, serviceAccountName: 'orders-api' } },
    { revision: 19, createdAgo: 35, changeCause: 'argocd: orders-api 5.4.0 (vault agent as native sidecar, injector retired)', template: { initContainers: [agent], containers: [appC('5.4.0')], volumes: [{ name: 'vault-secrets', emptyDir: { medium: 'Memory' } }, { name: 'vault-agent-config', configMap: { name: 'orders-api-vault-agent' } }], serviceAccountName: 'orders-api' } },
  ];
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions,
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 12 * DAYS })),
      { revision: 19, node: names[0] ?? '', createdAgo: 34.5, phase: 'Pending' as const, initContainers: { 'vault-agent': { ...running({ sinceAgo: 1.6, ready: false, restarts: 7, last: { exitCode: 0, reason: 'Completed', finishedAgo: 1.7, ranSeconds: 120 } }), started: false } }, containers: { app: waiting('PodInitializing') } },
    ],
  });
  const stuck = podOf(app, 3);
  // The kubelet keeps the pod un-initialized while its sidecar has not started.
  stuck.status = { ...stuck.status, conditions: (stuck.status?.conditions ?? []).map((c) => (c.type === 'Initialized' ? { ...c, status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [vault-agent]' } : c)) };
  const fp = 'spec.initContainers{vault-agent}';
  const authErr = (ago: number) => [
    `${at(ago)} [INFO]  agent.auth.handler: authenticating`,
    `${at(ago)} [ERROR] agent.auth.handler: error authenticating:`,
    '  error=',
    '  | Error making API request.',
    '  | ',
    '  | URL: PUT https://vault.vault.svc:8200/v1/auth/kubernetes/login',
    '  | Code: 400. Errors:',
    '  | ',
    '  | * invalid role name "orders-api"',
    '   backoff=2.31s',
  ];
  return {
    id: 'heldout12-vault-native-sidecar-wrong-role-stuck-init',
    class: 'config',
    truth: 'Revision 19 (orders-api 5.4.0, 35 minutes ago) replaced the Vault injector annotations with an explicit native sidecar: an init container vault-agent with restartPolicy Always and a startup probe that waits for /vault/secrets/config.env. Its agent.hcl (ConfigMap orders-api-vault-agent) logs in with role "orders-api", but the Vault Kubernetes auth role is "orders" (as revision 18\'s vault.hashicorp.com/role annotation said): every login fails with "invalid role name", the file is never rendered, the startup probe never passes and the kubelet restarts the sidecar every two minutes. Until the sidecar has started the app container is not even created (PodInitializing, Init:0/1), so the new pod never serves; the three revision-18 pods keep serving. Vault itself is fine. Fix: set role = "orders" in orders-api-vault-agent (or create the role), then the rollout proceeds.',
    ask: { service: 'orders-api' },
    objects: [
      ...nodes, ...app.objects,
      configMap({ namespace: ns, name: 'orders-api-vault-agent', createdAgo: 36, data: { 'agent.hcl': 'exit_after_auth = false\npid_file = "/tmp/agent.pid"\nauto_auth {\n  method "kubernetes" {\n    mount_path = "auth/kubernetes"\n    config = { role = "orders-api" }\n  }\n}\nvault { address = "https://vault.vault.svc:8200" }\ntemplate {\n  destination = "/vault/secrets/config.env"\n  contents = "{{ with secret \\"kv/data/orders/api\\" }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\\n{{ end }}{{ end }}"\n}\n' } }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 19), 1, 0, 35),
      event({ on: stuck, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(stuck)} to ${names[0] ?? ''}`, firstAgo: 34.5, lastAgo: 34.5, component: 'default-scheduler' }),
      event({ on: stuck, type: 'Normal', reason: 'Pulled', message: 'Container image "hashicorp/vault:1.17.6" already present on machine', count: 8, firstAgo: 34.4, lastAgo: 1.6, fieldPath: fp }),
      event({ on: stuck, type: 'Normal', reason: 'Started', message: 'Started container vault-agent', count: 8, firstAgo: 34.4, lastAgo: 1.6, fieldPath: fp }),
      event({ on: stuck, reason: 'Unhealthy', message: 'Startup probe failed: ', count: 170, firstAgo: 34.3, lastAgo: 0.1, fieldPath: fp }),
      event({ on: stuck, type: 'Normal', reason: 'Killing', message: 'Container vault-agent failed startup probe, will be restarted', count: 7, firstAgo: 32.4, lastAgo: 1.7, fieldPath: fp }),
    ],
    logs: [
      logsFor(stuck, 'vault-agent', {
        current: lines('==> Vault Agent started! Log data will stream in below:', '', ...authErr(1.5), ...authErr(1.1), ...authErr(0.4)),
        previous: lines(...authErr(3.5), `${at(1.7)} [INFO]  agent: shutdown triggered, stopping lifecycle`, `${at(1.7)} [INFO]  agent: (runner) stopping`),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"order placed","order_id":"o_91${nameOf(p).slice(-3)}","ms":38}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vault/i, /role|auth|startup probe|sidecar/i],
      facts: [/invalid role name|role[^\n]{0,40}orders/i, /revision 19/, /Init|initiali[sz]|PodInitializing|never (start|creat)/i],
      never: [/\bOOM/, /ImagePull|pull(ing)? (the )?image/i, /crash-?loop/i],
    },
  };
}

// ---- 10. a new node without a pod route: only the DaemonSet's pod there fails ---------------------

function nodeNoRouteDaemonSetPodFails(): CorpusScenario {
  const ns = 'observability';
  const ips = ['10.0.161.20', '10.0.162.33', '10.0.163.47', '10.0.161.88', '10.0.162.140'];
  const freshName = nodeName('10.0.77.203');
  const routed = (n: k8s.V1Node): k8s.V1Node => {
    const labels: Record<string, string> = { ...n.metadata?.labels, 'kops.k8s.io/instancegroup': `nodes-${n.metadata?.labels?.['topology.kubernetes.io/zone'] ?? 'eu-west-1a'}`, 'node-role.kubernetes.io/node': '' };
    delete labels['eks.amazonaws.com/nodegroup'];
    const ok = n.status?.conditions?.some((c) => c.type === 'NetworkUnavailable') ? [] : [{ type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated', message: 'RouteController created a route', lastHeartbeatTime: date(30 * DAYS), lastTransitionTime: date(30 * DAYS) }];
    return { ...n, metadata: { ...n.metadata, labels }, status: { ...n.status, conditions: [...ok, ...(n.status?.conditions ?? [])] } };
  };
  const old = ips.map((ip, k) => routed(node({ name: nodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k % 3] ?? 'eu-west-1a' })));
  const fresh = routed(node({ name: freshName, zone: 'eu-west-1b', createdAgo: 27, readySince: 26, pressure: { network: 27 }, taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule', timeAdded: date(27) }] }));
  const image = `${ECR}/platform/log-shipper:2.3.1`;
  const ds = daemonSetApp({
    namespace: ns,
    name: 'log-shipper',
    revisions: [{ revision: 11, createdAgo: 19 * DAYS, template: { containers: [container({ image, ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '100m', memory: '200Mi', readiness: null, liveness: httpProbe('/healthz', 9102, { initialDelaySeconds: 90 }) })], tolerations: [{ operator: 'Exists' }], serviceAccountName: 'log-shipper' } }],
    pods: [
      ...old.map((n) => ({ revision: 11, node: nameOf(n), createdAgo: 19 * DAYS })),
      { revision: 11, node: freshName, createdAgo: 26, containers: { app: crashLoop({ exitCode: 255, finishedAgo: 2.2, ranSeconds: 61 }, 7) } },
    ],
  });
  const sick = podOf(ds, 5);
  const list = `https://172.20.0.1:443/api/v1/pods?fieldSelector=spec.nodeName%3D${freshName}&limit=500&resourceVersion=0`;
  const run = (end: number) => [
    klog('I', end + 1.02, 'main.go:88', `log-shipper v2.3.1 starting on node ${freshName}`),
    klog('W', end + 0.52, 'reflector.go:561', `k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.Pod: Get "${list}": dial tcp 172.20.0.1:443: i/o timeout`),
    klog('E', end + 0.52, 'reflector.go:158', `"Unhandled Error" err="k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.Pod: failed to list *v1.Pod: Get \\"${list}\\": dial tcp 172.20.0.1:443: i/o timeout" logger="UnhandledError"`),
    klog('W', end + 0.3, 'loki.go:114', 'push to http://loki-gateway.observability.svc:80/loki/api/v1/push failed: dial tcp: lookup loki-gateway.observability.svc on 172.20.0.10:53: read udp 10.0.51.4:41822->172.20.0.10:53: i/o timeout'),
    klog('F', end, 'main.go:131', 'timed out waiting for caches to sync'),
  ];
  return {
    id: 'heldout12-node-no-route-daemonset-pod-fails',
    class: 'nodes',
    truth: `Node ${freshName} joined 27 minutes ago, but this kOps cluster uses kubenet routes in the VPC route table, which is at its route limit: the route controller cannot create the route for the node's pod CIDR ("Could not create route … RouteLimitExceeded"), so the node keeps NetworkUnavailable=True (NoRouteCreated) and its pods can reach nothing off the node. Ordinary pods stay off it (network-unavailable taint), but log-shipper tolerates every taint: its pod there cannot reach the API server or DNS (dial tcp 172.20.0.1:443: i/o timeout), exits 255 after "timed out waiting for caches to sync" and crash-loops, so nothing ships that node's logs. The five other log-shipper pods are fine; the DaemonSet did not change, and RBAC and CoreDNS are fine. Fix: raise the route table's limit (or free routes / move to a CNI without routes), then delete the pod; cordon the node meanwhile.`,
    ask: { service: 'log-shipper', namespace: ns },
    objects: [
      ...old, fresh, ...ds.objects,
      nodeEvent(freshName, 'RegisteredNode', `Node ${freshName} event: Registered Node ${freshName} in Controller`, { firstAgo: 27, component: 'node-controller' }),
      nodeEvent(freshName, 'FailedToCreateRoute', `Could not create route ${fresh.metadata?.uid ?? ''} 10.0.51.0/24 for node ${freshName} after 1.204357s: RouteLimitExceeded: The maximum number of routes has been reached.\n\tstatus code: 400, request id: 5f0c2a8e-91d4-4c1b-8d7e-2b6a0f3e9c17`, { type: 'Warning', count: 16, firstAgo: 27, lastAgo: 1, component: 'route_controller' }),
      ...restartedAgain(sick, 'app', image, { count: 8, firstAgo: 26, lastAgo: 2.2 - 61 / 60 }),
      backOff(sick, 'app', { count: 95, firstAgo: 22 }),
    ],
    logs: [
      logsFor(sick, 'app', { previous: lines(...run(2.2)), current: lines(...run(-0.9).slice(0, 3)) }),
      ...ds.pods.slice(0, 5).map((p) => logsFor(p, 'app', { current: lines(klog('I', 1, 'loki.go:96', `pushed batch entries=812 bytes=402113 node=${p.spec?.nodeName ?? ''}`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-77-203/, /NetworkUnavailable|route|network/i],
      facts: [/NoRouteCreated|RouteLimitExceeded|no route|route/i, /i\/o timeout/, /5\/6|1\/6|one (node|pod)|only (on )?(one|this|that|the new)/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /RBAC|forbidden|unauthori[sz]ed/i, /CoreDNS (is )?(down|crash|unhealthy)/i, /exec format/i],
    },
  };
}

// ---- 11. a JVM caches the database's old address forever after a Patroni failover ---------------

function jvmDnsCacheStaleAfterFailover(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeNodes('10.0.174');
  const pg = statefulSetApp({
    namespace: ns,
    name: 'claims-pg',
    replicas: 2,
    selector: { application: 'spilo', 'cluster-name': 'claims-pg' },
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'postgres', image: 'ghcr.io/zalando/spilo-16:3.3-p1', ports: [{ name: 'postgresql', containerPort: 5432 }, { name: 'patroni', containerPort: 8008 }], cpu: '2', memory: '8Gi', readiness: httpProbe('/readiness', 8008), liveness: null })], serviceAccountName: 'postgres-pod' } }],
    pods: [0, 1].map((k) => ({ revision: 3, ordinal: k, node: names[k + 1] ?? '', createdAgo: 23 * DAYS })),
  });
  const [pg0, pg1] = [podOf(pg, 0), podOf(pg, 1)];
  // Patroni moves the role label on failover: claims-pg-1 is the leader since 39 minutes.
  pg0.metadata = { ...pg0.metadata, labels: { ...pg0.metadata?.labels, 'spilo-role': 'replica' } };
  pg1.metadata = { ...pg1.metadata, labels: { ...pg1.metadata?.labels, 'spilo-role': 'master' } };
  const oldIp = ipOfPod(pg0);
  const tpl = (v: string) => ({ containers: [container({
    image: `${ECR}/insurance/claims-service:${v}`, ports: [8080], cpu: '1', memory: '2Gi',
    env: [
      { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=-1' },
      { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://claims-db.insurance.svc.cluster.local:5432/claims' },
    ],
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 19 * DAYS, changeCause: 'argocd: claims-service 7.11.0', template: tpl('7.11.0') },
      { revision: 41, createdAgo: 5 * DAYS, changeCause: 'argocd: claims-service 7.12.0', template: tpl('7.12.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
    settled: { available: true, availableSince: 5 * DAYS, progressingSince: 5 * DAYS },
  });
  const sp = (ago: number, level: string, thread: string, logger: string, msg: string) => `${at(ago)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const log = (k: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=-1',
    sp(5 * DAYS - k - 0.4, 'INFO', 'main', 'c.a.claims.ClaimsServiceApplication', 'Started ClaimsServiceApplication in 18.2 seconds (process running for 19.6)'),
    sp(39, 'WARN', `io-8080-exec-${k + 2}`, 'com.zaxxer.hikari.pool.PoolBase', 'HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@5e1d1a2b (This connection has been closed.). Possible consider using a shorter maxLifetime value.'),
    sp(38, 'WARN', `io-8080-exec-${k + 4}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 25006'),
    sp(38, 'ERROR', `io-8080-exec-${k + 4}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'ERROR: cannot execute INSERT in a read-only transaction'),
    sp(30, 'WARN', '   scheduling-1', 'c.a.claims.db.PrimaryWatchdog', `primary check: claims-db.insurance.svc.cluster.local/${oldIp}:5432 reports pg_is_in_recovery=true (expected false)`),
    sp(1, 'ERROR', `io-8080-exec-${k + 7}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: could not execute statement [ERROR: cannot execute UPDATE in a read-only transaction] [update claims set status=?,updated_at=? where id=?]] with root cause'),
    sp(0.5, 'WARN', '   scheduling-1', 'c.a.claims.db.PrimaryWatchdog', `primary check: claims-db.insurance.svc.cluster.local/${oldIp}:5432 reports pg_is_in_recovery=true (expected false)`),
  );
  const pt = (ago: number) => pyTime(ago);
  return {
    id: 'heldout12-jvm-dns-cache-stale-db-after-failover',
    class: 'network',
    truth: `Patroni failed claims-pg over 39 minutes ago: claims-pg-1 is the new leader and the headless Service claims-db (selector spilo-role=master) now resolves to it, while claims-pg-0 (${oldIp}) was demoted to a read-only replica. claims-service runs with -Dsun.net.inetaddr.ttl=-1, so each JVM cached claims-db's address forever: when Hikari reconnected after the failover it went back to ${oldIp}, the replica, and every write fails with "cannot execute INSERT/UPDATE in a read-only transaction" while reads and the readiness check still pass, so all 3 pods are Ready. The database is up and the Service is right; nothing in claims-service changed (revision 41, five days ago). Fix: restart the claims-service pods (kubectl rollout restart deployment/claims-service) to re-resolve, and drop inetaddr.ttl=-1 (use a short TTL).`,
    ask: { service: 'claims-service' },
    objects: [
      ...nodes, ...pg.objects, ...app.objects,
      ...exposed({ namespace: ns, name: 'claims-service', selector: { app: 'claims-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-db', selector: { application: 'spilo', 'cluster-name': 'claims-pg', 'spilo-role': 'master' }, pods: pg.pods, headless: true, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'claims-pg-repl', selector: { application: 'spilo', 'cluster-name': 'claims-pg', 'spilo-role': 'replica' }, pods: pg.pods, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      logsFor(pg1, 'postgres', { current: lines(`${pt(39.2)} WARNING: Request failed to claims-pg-0: GET http://${oldIp}:8008/patroni (HTTPConnectionPool(host='${oldIp}', port=8008): Read timed out. (read timeout=2))`, `${pt(39)} INFO: promoted self to leader by acquiring session lock`, `${pt(1)} INFO: no action. I am (claims-pg-1), the leader with the lock`) }),
      logsFor(pg0, 'postgres', { current: lines(`${pt(39.1)} INFO: demoted self because failed to update leader lock in DCS`, `${pt(38.5)} INFO: Lock owner: claims-pg-1; I am claims-pg-0`, `${pt(1)} INFO: no action. I am (claims-pg-0), a secondary, and following a leader (claims-pg-1)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DNS|cach|stale|old (IP|address)|inetaddr|ttl/i, /read-only|claims-pg|failover|replica/i],
      facts: [/inetaddr\.ttl|ttl ?=? ?-1|cach(e|es|ed|ing)/i, /claims-pg-1/, /read-only transaction/i, /restart/i],
      never: [/\bOOM/, /network ?policy/i, BLAMES_ROLLOUT, /(database|postgres|claims-pg)[^\n]{0,15}(is )?(down|unreachable)/i],
    },
  };
}

// ---- 12. a revision names a RuntimeClass the cluster does not have ------------------------------

function runtimeClassNotFound(): CorpusScenario {
  const ns = 'playground';
  const { nodes, names } = threeNodes('10.0.185');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/playground/code-runner:${v}`, ports: [8000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000) })] });
  const revisions = [
    { revision: 7, createdAgo: 10 * DAYS, changeCause: 'argocd: code-runner 1.8.2', template: tpl('1.8.2') },
    { revision: 8, createdAgo: 24, changeCause: 'argocd: code-runner 1.9.0 (run user code under gVisor)', template: tpl('1.9.0') },
  ];
  const pods = [0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 10 * DAYS }));
  const base = deploymentApp({ namespace: ns, name: 'code-runner', replicas: 3, revisions, pods });
  const newRs = rsOf(base, 8);
  const message = `pods "${newRs}-t8q2m" is forbidden: pod rejected: RuntimeClass "gvisor" not found`;
  const app = deploymentApp({ namespace: ns, name: 'code-runner', replicas: 3, revisions, pods, conditions: replicaFailure(newRs, message, 23) });
  // The kit's template has no runtimeClassName: put it where the API shows it, on revision 8.
  const rs8 = replicaSetOf(app, 8) as k8s.V1ReplicaSet;
  const withRuntime = (t: k8s.V1PodTemplateSpec | undefined): k8s.V1PodTemplateSpec => ({ ...t, spec: { ...(t?.spec ?? { containers: [] }), runtimeClassName: 'gvisor' } });
  if (rs8.spec !== undefined) rs8.spec.template = withRuntime(rs8.spec.template);
  const deployment = app.objects[0] as k8s.V1Deployment;
  if (deployment.spec !== undefined) deployment.spec.template = withRuntime(deployment.spec.template);
  return {
    id: 'heldout12-runtimeclass-gvisor-not-found',
    class: 'rollout',
    truth: 'Revision 8 (code-runner 1.9.0, 24 minutes ago) sets runtimeClassName: gvisor to sandbox user code, but no RuntimeClass "gvisor" exists in this cluster (it was only set up in staging, with its gVisor node pool). The RuntimeClass admission plugin rejects every pod of the new ReplicaSet ("pod rejected: RuntimeClass \\"gvisor\\" not found", FailedCreate), so the rollout never starts and times out; the three revision-7 pods keep serving. Not a quota, a LimitRange or node capacity, and the image is fine. Fix: create the RuntimeClass (and the gVisor nodes) first, or remove runtimeClassName / roll back to revision 7.',
    ask: { service: 'code-runner' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'code-runner', selector: { app: 'code-runner' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deployment, newRs, 1, 0, 24),
      event({ on: rs8, reason: 'FailedCreate', message: `Error creating: ${message}`, count: 16, firstAgo: 24, lastAgo: 0.9, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(2)} INFO code_runner.api: run id=r_${nameOf(p).slice(-4)} lang=python3.12 exit=0 ms=412`) })),
    expect: {
      verdict: 'problems',
      headline: [/RuntimeClass|runtimeClassName/i, /gvisor/i],
      facts: [/revision 8/, /FailedCreate|forbidden|rejected/i, /revision 7/],
      never: [/quota/i, /insufficient/i, /ImagePull|pull(ing)? (the )?image/i, /\bOOM/, /LimitRange/i],
    },
  };
}

// ---- 13. healthy: an hourly CronJob whose failed run five hours ago has been followed by successes ----

function healthyCronJobRecoveredHoursAgo(): CorpusScenario {
  const ns = 'merch';
  const { nodes, names } = threeNodes('10.0.196');
  const image = `${ECR}/merch/price-feed-import:3.2.0`;
  const failedAt = 5 * HOURS + 9;
  const ok = (createdAgo: number, k: number) => ({
    createdAgo,
    pods: [{ node: names[k % 3] ?? '', phase: 'Succeeded' as const, createdAgo, containers: { import: terminated({ exitCode: 0, finishedAgo: createdAgo - 2.3, ranSeconds: 131 }) } }],
    outcome: { complete: true as const, ago: createdAgo - 2.3 },
  });
  const cron = cronJob({
    namespace: ns,
    name: 'price-feed-import',
    schedule: '5 * * * *',
    backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'import', image, cpu: '500m', memory: '512Mi', command: ['python', '-m', 'price_feed.import_latest'] })] },
    lastSuccessfulAgo: 9 - 2.3,
    jobs: [
      {
        createdAgo: failedAt,
        pods: [0, 1, 2].map((k) => ({ node: names[k] ?? '', phase: 'Failed' as const, createdAgo: failedAt - 0.2 - 0.6 * k, containers: { import: terminated({ exitCode: 1, finishedAgo: failedAt - 0.5 - 0.6 * k, ranSeconds: 14 }) } })),
        outcome: { failed: 'BackoffLimitExceeded', ago: failedAt - 1.9 },
      },
      ok(2 * HOURS + 9, 0),
      ok(1 * HOURS + 9, 1),
      ok(9, 2),
    ],
  });
  const latest = cron.jobs[3];
  const failed = cron.jobs[0];
  const failedLog = lines(
    `${pyTime(failedAt - 0.3)} INFO price_feed: fetching https://feeds.supplier-hub.example.com/v2/prices?since=2026-11-20T21:05:00Z`,
    `${pyTime(failedAt - 0.5)} ERROR price_feed: psycopg2.OperationalError: connection to server at "merch-db.cluster-c7q1.eu-west-1.rds.amazonaws.com" (10.0.99.14), port 5432 failed: FATAL:  the database system is shutting down`,
  );
  return {
    id: 'heldout12-healthy-cronjob-recovered-hours-ago',
    class: 'healthy',
    truth: 'Nothing needs doing: the 22:05 run of the hourly price-feed-import CronJob failed five hours ago (BackoffLimitExceeded, three pods exited 1 with "the database system is shutting down") during the RDS maintenance window of merch-db. Every run since has completed, the latest (03:05, nine minutes ago) in about two minutes; the failed Job is only kept by failedJobsHistoryLimit. The CronJob is not suspended and nothing is running late.',
    ask: { service: 'price-feed-import' },
    objects: [
      ...nodes, ...cron.objects,
      jobEvent(latest?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(latest?.pods[0])}`, 9),
      jobEvent(latest?.objects[0], 'Completed', 'Job completed', 6.7),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(latest?.objects[0])}`, 9),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(latest?.objects[0])}, condition: Complete`, 6.6),
    ],
    logs: [
      ...(failed?.pods ?? []).map((p) => logsFor(p, 'import', { current: failedLog })),
      ...cron.jobs.slice(1).map((j) => logsFor(j.pods[0], 'import', { current: lines(`${pyTime(8)} INFO price_feed: imported 48211 prices (3 suppliers), 0 rejected`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?(problem|issue)|recovered|succe(ss|ed)|complet/i],
      facts: [],
      never: [/\bOOM/, /deadline/i, /suspend/i, /(is|keeps|still) failing/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 14. healthy: a steady Sidekiq fleet with old noise around it --------------------------------

function healthySidekiqWithOldNoise(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeNodes('10.0.207');
  const image = `${ECR}/crm/crm-app:14.2.1`;
  const kicked = names[1] ?? '';
  const app = deploymentApp({
    namespace: ns,
    name: 'crm-sidekiq',
    replicas: 4,
    revisions: [
      { revision: 88, createdAgo: 16 * DAYS, changeCause: 'argocd: crm-app 14.2.0', template: { containers: [container({ image: `${ECR}/crm/crm-app:14.2.0`, command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'], ports: [7433], readiness: null, liveness: httpProbe('/', 7433, { initialDelaySeconds: 30 }) })] } },
      { revision: 89, createdAgo: 7 * DAYS, changeCause: 'argocd: crm-app 14.2.1', template: { containers: [container({ image, command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'], ports: [7433], readiness: null, liveness: httpProbe('/', 7433, { initialDelaySeconds: 30 }) })] } },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 89, node: names[k % 3] ?? '', createdAgo: 7 * DAYS - k,
      ...(k === 2 ? { containers: { app: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 6 * DAYS + 0.1, ranSeconds: 23 * 60 * 60 } }) } } : {}),
    })),
    settled: { available: true, availableSince: 7 * DAYS, progressingSince: 7 * DAYS },
  });
  const onKicked = podOf(app, 1);
  const redis = deploymentApp({
    namespace: ns, name: 'crm-web', replicas: 2,
    revisions: [{ revision: 89, createdAgo: 7 * DAYS, changeCause: 'argocd: crm-app 14.2.1', template: { containers: [container({ image, ports: [3000] })] } }],
    pods: [0, 1].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 7 * DAYS })),
  });
  const sk = (ago: number, level: string, tid: string, msg: string) => `${at(ago)} pid=1 tid=${tid} ${level}: ${msg}`;
  return {
    id: 'heldout12-healthy-sidekiq-steady-with-old-noise',
    class: 'healthy',
    truth: `Nothing is wrong with crm-sidekiq: its four revision-89 pods (a week old) are running and processing jobs. The FailedMount warnings ("object \\"crm\\"/\\"kube-root-ca.crt\\" not registered") are the usual transient noise of the kubelet restart on ${kicked} 47 minutes ago; the pod there never stopped. The one restart (exit 1) was six days ago, during a Redis failover, and has not recurred; the Net::ReadTimeout warnings are jobs that Sidekiq retried and completed. Nothing changed recently.`,
    ask: { service: 'crm-sidekiq' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: redis.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      nodeEvent(kicked, 'Starting', 'Starting kubelet.', { firstAgo: 47 }),
      nodeEvent(kicked, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 47 }),
      event({ on: onKicked, reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "kube-api-access-8xk2p" : object "${ns}"/"kube-root-ca.crt" not registered`, count: 4, firstAgo: 47, lastAgo: 46.2 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', {
      current: lines(
        sk(40, 'INFO', `ox${k}q3`, 'class=SyncContactJob jid=4f1a2b9c8d7e6f5a4b3c2d1e elapsed=0.412 done'),
        sk(22, 'WARN', `ox${k}q9`, 'class=EnrichCompanyJob jid=9e8d7c6b5a4f3e2d1c0b9a8f Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)> (retry 1 of 25)'),
        sk(17, 'INFO', `ox${k}q9`, 'class=EnrichCompanyJob jid=9e8d7c6b5a4f3e2d1c0b9a8f elapsed=2.07 done'),
        sk(1, 'INFO', `ox${k}q3`, 'class=SyncContactJob jid=7a6b5c4d3e2f1a0b9c8d7e6f elapsed=0.388 done'),
      ),
      ...(k === 2 ? { previous: lines(sk(6 * DAYS + 0.2, 'ERROR', 'ox2q1', 'Redis::CannotConnectError: Error connecting to Redis on crm-redis:6379 (Errno::ECONNREFUSED)'), sk(6 * DAYS + 0.1, 'FATAL', 'ox2q1', 'Sidekiq is shutting down after repeated Redis connection failures')) } : {}),
    })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?(problem|issue)|running normally/i],
      facts: [],
      never: [BLAMES_ROLLOUT, /kube-root-ca|FailedMount|mount/i, /redis/i, /crash-?loop/i, /\bOOM/],
    },
  };
}

export const MORE_HOLDOUT_12_SCENARIOS: CorpusScenario[] = [
  seccompRuntimeDefaultBlocksIoUring(),
  vaultSidecarWrongRoleStuckInit(),
  nodeNoRouteDaemonSetPodFails(),
  jvmDnsCacheStaleAfterFailover(),
  runtimeClassNotFound(),
  healthyCronJobRecoveredHoursAgo(),
  healthySidekiqWithOldNoise(),
];
