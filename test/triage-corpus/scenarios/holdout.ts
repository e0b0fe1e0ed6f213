// Corpus stories: the holdout. Fourteen failures written without looking at the bot's code, to
// measure how it does on stories its authors have not seen: a Go panic, a mesh sidecar without
// its control plane, pod security (runAsNonRoot, read-only root, PodSecurity admission), an
// admission webhook, a missing ServiceAccount, ephemeral-storage evictions, a StatefulSet asking
// for more memory than any node has, a broker down behind Ready pods, a Deployment scaled to 0,
// a full node disk, a kernel module missing on a new AMI, and a healthy control.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, ago, backOff, container, coreDns, crashLoop, daemonSetApp, deploymentApp, event, exposed, httpProbe, kubeProxy, node,
  probeFailed, pv, pvc, running, scaledReplicaSet, service, statefulSetApp, terminated, uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const nameOf = (o: { metadata?: k8s.V1ObjectMeta }): string => o.metadata?.name ?? '';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

/** Blames a rollout (or advises undoing one) where the rollout is not the cause. */
// (Not `before the failures`: the bot's neutral timeline titles say that even when it exonerates the rollout.)
const BLAMES_ROLLOUT = /roll(ing)? ?back to|undo the rollout|rollout undo|revision \d+[^\n]*(caused|broke|introduced)/i;

const EXIT_1 = /\bexit(s|ed)?( with)?( code)? 1\b|exit code 1\b|exitCode:? 1\b|\b1 \(exit/i;

function replicaSetOf(app: Built, revision: number): k8s.V1ReplicaSet {
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision));
  if (rs === undefined) throw new Error(`no ReplicaSet for revision ${revision}`);
  return rs as k8s.V1ReplicaSet;
}

function deploymentOf(app: Built): k8s.V1Deployment {
  return app.objects[0] as k8s.V1Deployment;
}

/** The ReplicaSet controller cannot create pods: FailedCreate copied into ReplicaFailure conditions. */
function replicaFailure(app: Built, rs: k8s.V1ReplicaSet, desired: number, message: string, sinceAgo: number): void {
  const failure = { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: ago(sinceAgo) };
  if (rs.spec !== undefined) rs.spec.replicas = desired;
  if (rs.status !== undefined) rs.status.conditions = [failure];
  deploymentOf(app).status?.conditions?.push({ ...failure, lastUpdateTime: ago(sinceAgo) });
}

function nodeEvent(name: string, reason: string, message: string, o: { type?: 'Normal' | 'Warning'; count?: number; firstAgo: number; lastAgo?: number; component?: string }): k8s.CoreV1Event {
  return event({ on: { kind: 'Node', name }, reason, message, type: o.type ?? 'Normal', count: o.count ?? 1, firstAgo: o.firstAgo, lastAgo: o.lastAgo ?? o.firstAgo, component: o.component ?? 'kubelet' });
}

function createdPod(rs: KubeJson, pod: k8s.V1Pod, atAgo: number): k8s.CoreV1Event {
  return event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pod)}`, firstAgo: atAgo, lastAgo: atAgo, component: 'replicaset-controller' });
}

function podIp(p: k8s.V1Pod): string {
  return p.status?.podIP ?? '10.0.0.1';
}

/** A headless Service (clusterIP None) and its slice listing every pod, as StatefulSets use. */
function headless(o: { namespace: string; name: string; selector: Record<string, string>; pods: readonly k8s.V1Pod[]; port: number; portName: string }): (k8s.V1Service | k8s.V1EndpointSlice)[] {
  const objs = exposed({ namespace: o.namespace, name: o.name, selector: o.selector, pods: o.pods, ports: [{ name: o.portName, port: o.port, targetPort: o.port }], endpointPort: o.port });
  for (const x of objs) {
    if (x.kind === 'Service') {
      const svc = x as k8s.V1Service;
      if (svc.spec !== undefined) {
        svc.spec.clusterIP = 'None';
        svc.spec.clusterIPs = ['None'];
        svc.spec.publishNotReadyAddresses = true;
      }
    } else {
      const slice = x as k8s.V1EndpointSlice;
      if (slice.metadata?.labels !== undefined) slice.metadata.labels['service.kubernetes.io/headless'] = '';
      for (const e of slice.endpoints) if (e.conditions !== undefined) e.conditions.ready = true;
    }
  }
  return objs;
}

function nodeName(ip: string): string {
  return `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`;
}

// ---- H1. a Go nil pointer panic after a rollout -----------------------------------------------

/**
 * shipping-rates 4.8.0 (revision 24) refactored the carrier clients; the warm-up at start calls
 * Rates on a carrier client that is never constructed when a carrier has no sandbox URL, and the
 * Go runtime panics (nil pointer dereference, exit 2) one second after start. Revision 23 serves.
 */
function goNilPointerPanic(): CorpusScenario {
  const ns = 'fulfillment';
  const nodes = [
    node({ name: nodeName('10.0.14.201'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.15.37'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.16.92'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/fulfillment/shipping-rates:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), cpu: '200m', memory: '256Mi', env: [{ name: 'CARRIERS', value: 'dhl,ups,gls' }, { name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
  });
  const panic = { exitCode: 2, reason: 'Error', ranSeconds: 1 };
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-rates',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 19 * DAYS, template: tpl('4.6.5') },
      { revision: 23, createdAgo: 6 * DAYS, template: tpl('4.7.2') },
      { revision: 24, createdAgo: 14, changeCause: 'argocd: shipping-rates 4.8.0', template: tpl('4.8.0') },
    ],
    pods: [
      { revision: 24, node: names[0] ?? '', createdAgo: 13.8, containers: { app: crashLoop({ ...panic, finishedAgo: 1.6 }, 7) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 13.7, containers: { app: crashLoop({ ...panic, finishedAgo: 0.9 }, 7) } },
      { revision: 23, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 23, node: names[1] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 4 * DAYS, ranSeconds: 2 * 24 * 3600 } }) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 6 * DAYS },
    ],
  });
  const printer = deploymentApp({
    namespace: ns,
    name: 'label-printer',
    replicas: 2,
    revisions: [{ revision: 11, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/fulfillment/label-printer:2.3.0`, cpu: '100m', memory: '128Mi' })] } }],
    pods: [{ revision: 11, node: names[1] ?? '', createdAgo: 30 * DAYS }, { revision: 11, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const deployment = deploymentOf(app);
  const newRs = nameOf(replicaSetOf(app, 24));
  const oldRs = nameOf(replicaSetOf(app, 23));
  const crashing = app.pods.slice(0, 2);
  const previous = [
    '{"level":"info","ts":"2026-11-21T03:12:22.402Z","caller":"cmd/main.go:41","msg":"starting shipping-rates","version":"4.8.0","commit":"9f3c2ab","go":"go1.23.3"}',
    '{"level":"info","ts":"2026-11-21T03:12:22.419Z","caller":"config/load.go:77","msg":"loaded carrier config","carriers":["dhl","ups","gls"]}',
    '{"level":"info","ts":"2026-11-21T03:12:22.431Z","caller":"quote/warmer.go:29","msg":"warming rate cache","lanes":412}',
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8f2a4c]',
    '',
    'goroutine 1 [running]:',
    'github.com/acme/shipping-rates/internal/carrier.(*Client).Rates(0x0, {0xc3e0a0, 0xc0001a2000}, 0xc00024e1e0)',
    '\t/src/internal/carrier/client.go:88 +0x2c',
    'github.com/acme/shipping-rates/internal/quote.(*Warmer).Warm(0xc000132480, {0xc3e0a0, 0xc0001a2000})',
    '\t/src/internal/quote/warmer.go:41 +0x1b5',
    'main.main()',
    '\t/src/cmd/shipping-rates/main.go:67 +0x6a5',
    '',
  ].join('\n');
  const healthyLog = '{"level":"info","ts":"2026-11-21T03:13:48.113Z","caller":"http/access.go:52","msg":"request","method":"POST","path":"/v1/rates","status":200,"duration_ms":23}\n{"level":"info","ts":"2026-11-21T03:13:51.870Z","caller":"http/access.go:52","msg":"request","method":"POST","path":"/v1/rates","status":200,"duration_ms":31}\n';
  return {
    id: 'holdout-go-nil-pointer-panic-exit-2',
    class: 'containers',
    truth: 'Revision 24 (shipping-rates 4.8.0) panics at start with "invalid memory address or nil pointer dereference" in carrier.(*Client).Rates (client.go:88) during the cache warm-up; the Go runtime exits 2 and both new pods crash-loop. Revision 23 (4.7.2) still serves on 3 pods; roll back to 23.',
    ask: { service: 'shipping-rates' },
    objects: [
      ...nodes,
      ...app.objects,
      ...printer.objects,
      ...exposed({ namespace: ns, name: 'shipping-rates', selector: { app: 'shipping-rates' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: printer.pods }),
      scaledReplicaSet(deployment, newRs, 1, 0, 14),
      scaledReplicaSet(deployment, oldRs, 3, 4, 14),
      scaledReplicaSet(deployment, newRs, 2, 1, 14),
      ...crashing.map((p) => backOff(p, 'app', { count: 58, firstAgo: 13 })),
      ...crashing.map((p) => event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.8.0')}" already present on machine`, count: 8, firstAgo: 13.5, lastAgo: 1.7, fieldPath: 'spec.containers{app}' })),
      probeFailed(app.pods[3] ?? {}, 'app', 'Readiness', `Get "http://${podIp(app.pods[3] ?? {})}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS }),
    ],
    logs: [
      ...crashing.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: previous.split('\n').slice(0, 3).join('\n') + '\n', previous })),
      ...app.pods.slice(2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: healthyLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/nil pointer|panic/i, /revision 24|4\.8\.0/i],
      facts: [/\bexit(s|ed)?( with)?( code)? 2\b|exit code 2\b|exitCode:? 2\b|\b2 \(exit/i, /revision 23/i, /client\.go:88|\(\*Client\)\.Rates/],
      never: [/\bOOM/, /\b139\b|segfault|segmentation fault/i],
    },
  };
}

// ---- H2. the mesh sidecar never gets its configuration --------------------------------------

/**
 * The general node group was rotated to general-v2 half an hour ago. istiod is pinned to
 * nodegroup=general with a nodeSelector, so its one replica is Pending since, and any sidecar
 * that starts now gets no configuration (XDS on istiod:15012 refused). The two ledger-sync pods
 * recreated on the new nodes: istio-proxy never turns ready, the app's start-up call to
 * accounts-api is redirected into a proxy without listeners and refused, the app exits 1. The
 * third pod, started days ago, keeps working on its cached config. No rollout of ledger-sync.
 */
function meshSidecarWithoutControlPlane(): CorpusScenario {
  const ns = 'payments';
  const oldNode = nodeName('10.0.21.140');
  const newNodes = [nodeName('10.0.24.18'), nodeName('10.0.25.77'), nodeName('10.0.26.203')];
  const nodes = [
    node({ name: oldNode, zone: 'eu-west-1a', pool: 'general', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(27) }] }),
    ...newNodes.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-v2', createdAgo: 31 })),
  ];
  const proxyImage = 'docker.io/istio/proxyv2:1.22.6';
  const istioInit = container({
    name: 'istio-init',
    image: proxyImage,
    args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'],
    ports: [],
    cpu: '100m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    cpuLimit: '2',
    readiness: null,
    liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 },
  });
  const istioProxy = container({
    name: 'istio-proxy',
    image: proxyImage,
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
    env: [
      { name: 'PILOT_CERT_PROVIDER', value: 'istiod' },
      { name: 'CA_ADDR', value: 'istiod.istio-system.svc:15012' },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'PROXY_CONFIG', value: '{"discoveryAddress":"istiod.istio-system.svc:15012"}\n' },
    ],
    cpu: '100m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    cpuLimit: '2',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }),
    liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, runAsGroup: 1337, runAsNonRoot: true, runAsUser: 1337 },
  });
  const appContainer = container({
    image: `${ECR}/payments/ledger-sync:2.9.3`,
    cpu: '250m',
    memory: '384Mi',
    env: [{ name: 'ACCOUNTS_API_URL', value: 'http://accounts-api.payments.svc.cluster.local:8080' }, { name: 'SYNC_INTERVAL_SECONDS', value: '30' }],
  });
  const tpl = { containers: [appContainer, istioProxy], initContainers: [istioInit], annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"revision":"default"}' }, labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'ledger-sync' } };
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-sync',
    replicas: 3,
    revisions: [{ revision: 11, createdAgo: 11 * DAYS, template: tpl }],
    pods: [
      { revision: 11, node: oldNode, createdAgo: 11 * DAYS },
      { revision: 11, node: newNodes[0] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 3 }, 9), 'istio-proxy': running({ sinceAgo: 25.8, ready: false }) } },
      { revision: 11, node: newNodes[2] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.6, ranSeconds: 3 }, 9), 'istio-proxy': running({ sinceAgo: 25.8, ready: false }) } },
    ],
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(25), lastTransitionTime: ago(25) },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${'ledger-sync'}" has successfully progressed.`, lastUpdateTime: ago(11 * DAYS), lastTransitionTime: ago(11 * DAYS) },
    ],
  });
  // The sidecar and its init container are injected at pod creation: the Deployment's and the
  // ReplicaSet's templates hold only the app container.
  for (const o of app.objects) {
    if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
      const spec = (o as k8s.V1Deployment).spec?.template.spec;
      if (spec !== undefined) {
        spec.containers = [appContainer];
        delete spec.initContainers;
      }
      const meta = (o as k8s.V1Deployment).spec?.template.metadata;
      if (meta !== undefined) delete meta.annotations;
    }
  }
  const rs = replicaSetOf(app, 11);
  const progressing = deploymentOf(app).status?.conditions?.find((c) => c.type === 'Progressing');
  if (progressing !== undefined) progressing.message = `ReplicaSet "${nameOf(rs)}" has successfully progressed.`;
  const accounts = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [{ revision: 58, createdAgo: 4 * DAYS, template: { containers: [container({ image: `${ECR}/payments/accounts-api:7.1.0`, cpu: '300m', memory: '512Mi' }), istioProxy], initContainers: [istioInit] } }],
    pods: [
      { revision: 58, node: oldNode, createdAgo: 4 * DAYS },
      { revision: 58, node: oldNode, createdAgo: 4 * DAYS },
      { revision: 58, node: newNodes[1] ?? '', createdAgo: 4 * DAYS },
    ],
  });
  const istiod = deploymentApp({
    namespace: 'istio-system',
    name: 'istiod',
    replicas: 1,
    selector: { app: 'istiod', 'istio.io/rev': 'default' },
    revisions: [{
      revision: 4,
      createdAgo: 63 * DAYS,
      template: {
        containers: [container({ name: 'discovery', image: 'docker.io/istio/pilot:1.22.6', args: ['discovery', '--monitoringAddr=:15014', '--log_output_level=default:info', '--domain', 'cluster.local', '--keepaliveMaxServerConnectionAge', '30m'], ports: [8080, { name: 'grpc-xds', containerPort: 15010 }, { name: 'https-dns', containerPort: 15012 }, { name: 'https-webhooks', containerPort: 15017 }], cpu: '500m', memory: '2Gi', memoryLimit: null, readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 1, periodSeconds: 3, timeoutSeconds: 5 }), liveness: null })],
        nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general' },
        serviceAccountName: 'istiod',
      },
    }],
    pods: [{ revision: 4, createdAgo: 27, unschedulable: '0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.' }],
  });
  const broken = app.pods.slice(1);
  const appPrevious = [
    '2026-11-21 03:12:44,108 INFO ledger_sync.main: ledger-sync 2.9.3 starting (pid 1)',
    '2026-11-21 03:12:44,311 INFO ledger_sync.config: fetching ledger config from http://accounts-api.payments.svc.cluster.local:8080/v1/ledger-config',
    '2026-11-21 03:12:44,322 ERROR ledger_sync.main: cannot start without ledger config',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/connection.py", line 198, in _new_conn',
    '    sock = connection.create_connection(',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/util/connection.py", line 73, in create_connection',
    '    sock.connect(sa)',
    'ConnectionRefusedError: [Errno 111] Connection refused',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/ledger_sync/main.py", line 34, in main',
    '    cfg = fetch_config(settings.accounts_api_url)',
    '  File "/app/ledger_sync/config.py", line 21, in fetch_config',
    '    resp = session.get(f"{base}/v1/ledger-config", timeout=5)',
    'requests.exceptions.ConnectionError: HTTPConnectionPool(host=\'accounts-api.payments.svc.cluster.local\', port=8080): Max retries exceeded with url: /v1/ledger-config (Caused by NewConnectionError(\'<urllib3.connection.HTTPConnection object at 0x7f3b2c1d5e10>: Failed to establish a new connection: [Errno 111] Connection refused\'))',
    '',
  ].join('\n');
  const proxyLog = [
    '2026-11-21T03:13:31.514920Z\tinfo\txdsproxy\tconnecting to upstream XDS server: istiod.istio-system.svc:15012',
    '2026-11-21T03:13:31.516233Z\twarn\txdsproxy\tupstream [412] terminated with unexpected error rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 172.20.118.40:15012: connect: connection refused"',
    '2026-11-21T03:13:33.061872Z\twarn\tEnvoy proxy is NOT ready: config not received from XDS server (is Istiod running?): cds updates: 0 successful, 0 rejected; lds updates: 0 successful, 0 rejected',
    '2026-11-21T03:13:41.402117Z\twarn\tca\tca request failed, starting attempt 1 in 91.03ms',
    '2026-11-21T03:13:41.493881Z\twarn\tsds\tfailed to warm certificate: failed to generate workload certificate: create certificate: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 172.20.118.40:15012: connect: connection refused"',
    '2026-11-21T03:13:48.062410Z\twarn\tEnvoy proxy is NOT ready: config not received from XDS server (is Istiod running?): cds updates: 0 successful, 0 rejected; lds updates: 0 successful, 0 rejected',
    '',
  ].join('\n');
  const istiodSvc = service({ namespace: 'istio-system', name: 'istiod', selector: { app: 'istiod', 'istio.io/rev': 'default' }, clusterIP: '172.20.118.40', ports: [{ name: 'grpc-xds', port: 15010, targetPort: 15010 }, { name: 'https-dns', port: 15012, targetPort: 15012 }, { name: 'https-webhook', port: 443, targetPort: 15017 }, { name: 'http-monitoring', port: 15014, targetPort: 15014 }] });
  return {
    id: 'holdout-istio-proxy-unready-istiod-pending',
    class: 'network',
    truth: 'After the node-group rotation, istiod (1 replica, nodeSelector nodegroup=general) is Pending, so the istio-proxy sidecars of the two ledger-sync pods recreated on general-v2 nodes get no XDS config (istiod:15012 connection refused, readiness 503 on :15021/healthz/ready); the app\'s start-up call to accounts-api goes into the unready proxy and is refused ([Errno 111]), so the app exits 1 and crash-loops. The old pod serves on cached config; accounts-api is healthy; no rollout.',
    ask: { service: 'ledger-sync' },
    objects: [
      ...nodes,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: uidOf(`namespace/${ns}`), creationTimestamp: ago(400 * DAYS), labels: { 'istio-injection': 'enabled', 'kubernetes.io/metadata.name': ns } } } as KubeJson,
      ...app.objects,
      ...accounts.objects,
      ...istiod.objects,
      istiodSvc,
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'istiod-x8k2p', namespace: 'istio-system', uid: uidOf('endpointslice/istio-system/istiod'), creationTimestamp: ago(63 * DAYS), labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'istiod' } }, addressType: 'IPv4', endpoints: [], ports: [{ name: 'https-dns', port: 15012, protocol: 'TCP' }] } as KubeJson,
      ...exposed({ namespace: ns, name: 'ledger-sync', selector: { app: 'ledger-sync' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: accounts.pods }),
      ...broken.flatMap((p) => [
        backOff(p, 'app', { count: 104, firstAgo: 24 }),
        probeFailed(p, 'istio-proxy', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 101, firstAgo: 25.5 }),
        createdPod(rs, p, 26),
      ]),
      event({ on: istiod.pods[0] ?? {}, reason: 'FailedScheduling', message: '0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.', count: 7, firstAgo: 27, lastAgo: 2, component: 'default-scheduler' }),
      nodeEvent(oldNode, 'NodeNotSchedulable', `Node ${oldNode} status is now: NodeNotSchedulable`, { firstAgo: 27 }),
      ...newNodes.map((n) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 30 })),
    ],
    logs: [
      ...broken.flatMap((p) => [
        { namespace: ns, pod: nameOf(p), container: 'app', current: appPrevious.split('\n').slice(0, 2).join('\n') + '\n', previous: appPrevious },
        { namespace: ns, pod: nameOf(p), container: 'istio-proxy', current: proxyLog },
      ]),
      { namespace: ns, pod: nameOf(app.pods[0] ?? {}), container: 'app', current: '2026-11-21 03:13:40,021 INFO ledger_sync.sync: synced 118 ledger entries in 412ms\n' },
      { namespace: ns, pod: nameOf(app.pods[0] ?? {}), container: 'istio-proxy', current: '2026-11-21T03:13:12.118402Z\twarn\txdsproxy\tupstream [88] terminated with unexpected error rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 172.20.118.40:15012: connect: connection refused"\n' },
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio-proxy|sidecar|envoy|istiod/i, /istiod|XDS|15012|not ready|unready/i],
      facts: [/Errno 111|Connection refused/i, /15021|healthz\/ready|statuscode: 503/i, /istiod/],
      never: [BLAMES_ROLLOUT, /\bOOM/, /accounts-api (is )?(down|unavailable|crash|not ready)/i],
    },
  };
}

// ---- H3. runAsNonRoot and an image that now runs as root ------------------------------------

/**
 * image-resizer 2.0.0 (revision 15) was rebuilt on debian bookworm-slim for a newer libvips and
 * lost the `USER node` line of the old alpine image. The pod keeps runAsNonRoot: true, so the
 * kubelet refuses to create the container: CreateContainerConfigError. Revision 14 serves.
 */
function runAsNonRootImageRunsAsRoot(): CorpusScenario {
  const ns = 'media';
  const nodes = [
    node({ name: nodeName('10.0.33.12'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.34.150'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.35.61'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/media/image-resizer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), cpu: '500m', memory: '768Mi', env: [{ name: 'VIPS_CONCURRENCY', value: '2' }] })], securityContext: { runAsNonRoot: true, fsGroup: 2000 } });
  const app = deploymentApp({
    namespace: ns,
    name: 'image-resizer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 17 * DAYS, template: tpl('1.14.2') },
      { revision: 15, createdAgo: 17, changeCause: 'ci: image-resizer 2.0.0 (bookworm-slim base, libvips 8.15)', template: tpl('2.0.0') },
    ],
    pods: [
      { revision: 15, node: names[1] ?? '', createdAgo: 16.8, containers: { app: waiting('CreateContainerConfigError') } },
      { revision: 14, node: names[0] ?? '', createdAgo: 17 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 17 * DAYS },
      { revision: 14, node: names[2] ?? '', createdAgo: 17 * DAYS },
    ],
  });
  const [stuck] = app.pods;
  const refused = `container has runAsNonRoot and image will run as root (pod: "${nameOf(stuck ?? {})}_${ns}(${stuck?.metadata?.uid ?? ''})", container: app)`;
  const waitingState = stuck?.status?.containerStatuses?.[0]?.state?.waiting;
  if (waitingState !== undefined) waitingState.message = refused;
  const cache = deploymentApp({
    namespace: ns,
    name: 'thumbnail-cache',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.4.1', ports: [6379], cpu: '100m', memory: '512Mi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 90 * DAYS }],
  });
  const deployment = deploymentOf(app);
  const newRs = replicaSetOf(app, 15);
  return {
    id: 'holdout-runasnonroot-image-runs-as-root',
    class: 'config',
    truth: 'Revision 15 (image-resizer 2.0.0, rebuilt on bookworm-slim) has no non-root USER, while the pod sets runAsNonRoot: true; the kubelet refuses to start the container ("container has runAsNonRoot and image will run as root"), the new pod sits in CreateContainerConfigError and the rollout is stuck. Revision 14 (1.14.2) serves on 3 pods. Set runAsUser or restore USER in the image, or roll back.',
    ask: { service: 'image-resizer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...cache.objects,
      ...exposed({ namespace: ns, name: 'image-resizer', selector: { app: 'image-resizer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnail-cache', selector: { app: 'thumbnail-cache' }, pods: cache.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 17),
      createdPod(newRs, stuck ?? {}, 16.8),
      ...(stuck ? [
        event({ on: stuck, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(stuck)} to ${names[1] ?? ''}`, firstAgo: 16.8, lastAgo: 16.8, component: 'default-scheduler' }),
        event({ on: stuck, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.0.0')}"`, firstAgo: 16.7, lastAgo: 16.7, fieldPath: 'spec.containers{app}' }),
        event({ on: stuck, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.0.0')}" in 6.412s (6.412s including waiting). Image size: 187203318 bytes.`, firstAgo: 16.6, lastAgo: 16.6, fieldPath: 'spec.containers{app}' }),
        event({ on: stuck, reason: 'Failed', message: `Error: ${refused}`, count: 79, firstAgo: 16.6, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
        event({ on: stuck, type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.0.0')}" already present on machine`, count: 78, firstAgo: 16.4, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
      ] : []),
      event({ on: cache.pods[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: dial tcp 10.0.35.61:6379: i/o timeout', count: 1, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: app.pods.slice(1).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:44.512Z info resize src=s3://media-originals/p/88/12/a91f.jpg 2400x1600 -> 800x533 webp 38ms\n' })),
    expect: {
      verdict: 'problems',
      headline: [/runAsNonRoot|runs? as root|as root|non-?root/i, /revision 15|2\.0\.0/i],
      facts: [/CreateContainerConfigError/, /revision 14/i, /2\.0\.0/],
      never: [/\bOOM/, /(secret|config ?map)[^\n]{0,40}(missing|not found|does not exist)|(missing|not found)[^\n]{0,40}(secret|config ?map)/i],
    },
  };
}

// ---- H4. readOnlyRootFilesystem and a cache in /tmp -----------------------------------------

/**
 * Chart 4.0.0 (revision 31) hardened email-renderer: readOnlyRootFilesystem, drop ALL. The
 * image is unchanged (7.3.2), but at start it creates its template cache in /tmp, which is now
 * read-only: EROFS, exit 1. No emptyDir was mounted at /tmp. Revision 30 serves.
 */
function readOnlyRootFsTmp(): CorpusScenario {
  const ns = 'notifications';
  const nodes = [
    node({ name: nodeName('10.0.41.9'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.42.117'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.43.230'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/notifications/email-renderer:7.3.2`;
  const base = { image, cpu: '300m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'TEMPLATE_BUCKET', value: 's3://acme-email-templates/prod' }] };
  const app = deploymentApp({
    namespace: ns,
    name: 'email-renderer',
    replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 9 * DAYS, template: { containers: [container(base)] } },
      {
        revision: 31,
        createdAgo: 16,
        changeCause: 'helm upgrade email-renderer chart 4.0.0 (container hardening)',
        template: { containers: [container({ ...base, securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 1000, capabilities: { drop: ['ALL'] } } })], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      },
    ],
    pods: [
      { revision: 31, node: names[0] ?? '', createdAgo: 15.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 1 }, 8) } },
      { revision: 31, node: names[1] ?? '', createdAgo: 15.7, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 1 }, 8) } },
      { revision: 30, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 30, node: names[1] ?? '', createdAgo: 9 * DAYS },
      { revision: 30, node: names[2] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const mailer = deploymentApp({
    namespace: ns,
    name: 'smtp-relay',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'postfix', image: `${ECR}/notifications/smtp-relay:3.8.1`, ports: [{ name: 'smtp', containerPort: 2525 }], readiness: null, liveness: null })] } }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 45 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 45 * DAYS }],
  });
  const deployment = deploymentOf(app);
  const newRs = nameOf(replicaSetOf(app, 31));
  const oldRs = nameOf(replicaSetOf(app, 30));
  const crashing = app.pods.slice(0, 2);
  const previous = [
    '{"level":30,"time":1795230740112,"pid":1,"hostname":"email-renderer","msg":"email-renderer 7.3.2 starting"}',
    '{"level":30,"time":1795230740188,"pid":1,"hostname":"email-renderer","msg":"loading 64 templates from s3://acme-email-templates/prod"}',
    'node:fs:1372',
    '  const result = binding.mkdir(',
    '                         ^',
    '',
    "Error: EROFS: read-only file system, mkdir '/tmp/mjml-cache'",
    '    at Object.mkdirSync (node:fs:1372:26)',
    '    at TemplateCache.init (/app/dist/cache/template-cache.js:22:12)',
    '    at bootstrap (/app/dist/server.js:41:17)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {',
    '  errno: -30,',
    "  code: 'EROFS',",
    "  syscall: 'mkdir',",
    "  path: '/tmp/mjml-cache'",
    '}',
    '',
    'Node.js v20.18.1',
    '',
  ].join('\n');
  return {
    id: 'holdout-readonly-rootfs-erofs-tmp',
    class: 'rollout',
    truth: 'Revision 31 (chart 4.0.0 hardening) set readOnlyRootFilesystem: true without mounting an emptyDir at /tmp; email-renderer 7.3.2 (same image) creates /tmp/mjml-cache at start, gets EROFS: read-only file system and exits 1, so both new pods crash-loop and the rollout is stuck. Revision 30 serves on 3 pods. Mount an emptyDir at /tmp (or roll back).',
    ask: { service: 'email-renderer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...mailer.objects,
      ...exposed({ namespace: ns, name: 'email-renderer', selector: { app: 'email-renderer' }, pods: app.pods }),
      scaledReplicaSet(deployment, newRs, 1, 0, 16),
      scaledReplicaSet(deployment, oldRs, 3, 4, 16),
      scaledReplicaSet(deployment, newRs, 2, 1, 16),
      ...crashing.map((p) => backOff(p, 'app', { count: 66, firstAgo: 15 })),
      event({ on: mailer.pods[0] ?? {}, reason: 'BackOff', message: `Back-off restarting failed container postfix in pod ${nameOf(mailer.pods[0] ?? {})}_${ns}(${mailer.pods[0]?.metadata?.uid ?? ''})`, count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{postfix}' }),
    ],
    logs: [
      ...crashing.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: previous.split('\n').slice(0, 2).join('\n') + '\n', previous })),
      ...app.pods.slice(2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '{"level":30,"time":1795230830021,"pid":1,"msg":"rendered order-confirmation for tenant 4411 in 37ms"}\n' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/EROFS|read-only|readOnlyRootFilesystem/i, /revision 31|4\.0\.0/i],
      facts: [/\/tmp/, /revision 30/i, EXIT_1],
      never: [/\bOOM/, /no space left|disk (is )?full|disk ?pressure/i],
    },
  };
}

// ---- H5. PodSecurity admission after the namespace went restricted --------------------------

/**
 * The platform team relabelled namespace reporting to enforce the restricted Pod Security
 * Standard 41 minutes ago. Running pods were not touched; when a node was drained 19 minutes
 * ago, report-api's two pods there were evicted and the ReplicaSet cannot create replacements:
 * the pod template violates restricted (no allowPrivilegeEscalation=false, capabilities,
 * runAsNonRoot, seccomp). 2/4 pods serve. No rollout (revision 12 is 25 days old).
 */
function podSecurityRestrictedNamespace(): CorpusScenario {
  const ns = 'reporting';
  const drained = nodeName('10.0.51.88');
  const others = [nodeName('10.0.52.14'), nodeName('10.0.53.201'), nodeName('10.0.51.160')];
  const nodes = [
    node({ name: drained, zone: 'eu-west-1a', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(20) }] }),
    node({ name: others[0] ?? '', zone: 'eu-west-1b' }),
    node({ name: others[1] ?? '', zone: 'eu-west-1c' }),
    node({ name: others[2] ?? '', zone: 'eu-west-1a', createdAgo: 18 }),
  ];
  const image = `${ECR}/reporting/report-api:3.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 47 * DAYS, template: { containers: [container({ image: `${ECR}/reporting/report-api:3.3.0`, cpu: '500m', memory: '1Gi' })] } },
      { revision: 12, createdAgo: 25 * DAYS, template: { containers: [container({ image, cpu: '500m', memory: '1Gi' })] } },
    ],
    pods: [
      { revision: 12, node: others[0] ?? '', createdAgo: 25 * DAYS },
      { revision: 12, node: others[1] ?? '', createdAgo: 25 * DAYS },
    ],
    conditions: [
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'placeholder', lastUpdateTime: ago(25 * DAYS), lastTransitionTime: ago(25 * DAYS) },
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(19), lastTransitionTime: ago(19) },
    ],
  });
  const rs = replicaSetOf(app, 12);
  const progressing = deploymentOf(app).status?.conditions?.find((c) => c.type === 'Progressing');
  if (progressing !== undefined) progressing.message = `ReplicaSet "${nameOf(rs)}" has successfully progressed.`;
  const violation = (suffix: string) => `pods "${nameOf(rs)}-${suffix}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;
  replicaFailure(app, rs, 4, violation('q8r2w'), 19);
  const deployment = deploymentOf(app);
  if (deployment.status !== undefined) deployment.status.unavailableReplicas = 2;
  const scheduler = deploymentApp({
    namespace: ns,
    name: 'report-scheduler',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ image: `${ECR}/reporting/report-scheduler:1.9.0`, cpu: '100m', memory: '256Mi' })] } }],
    pods: [{ revision: 5, node: others[1] ?? '', createdAgo: 60 * DAYS }],
  });
  const namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns,
      uid: uidOf(`namespace/${ns}`),
      creationTimestamp: ago(300 * DAYS),
      labels: { 'kubernetes.io/metadata.name': ns, 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'latest', 'pod-security.kubernetes.io/warn': 'restricted' },
      managedFields: [
        { manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: ago(300 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } } },
        { manager: 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: ago(41), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:pod-security.kubernetes.io/enforce': {}, 'f:pod-security.kubernetes.io/enforce-version': {}, 'f:pod-security.kubernetes.io/warn': {} } } } },
      ],
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as KubeJson;
  const gonePods = [`${nameOf(rs)}-h7tkq`, `${nameOf(rs)}-x4wmz`];
  return {
    id: 'holdout-podsecurity-restricted-blocks-replacements',
    class: 'config',
    truth: 'Namespace reporting was relabelled pod-security.kubernetes.io/enforce=restricted 41 minutes ago; when node ip-10-0-51-88 was drained 19 minutes ago its two report-api pods were evicted and every replacement is rejected at admission (violates PodSecurity "restricted:latest": allowPrivilegeEscalation, capabilities, runAsNonRoot, seccompProfile). 2/4 pods serve. Fix the securityContext or relax the namespace label; no rollout involved.',
    ask: { service: 'report-api' },
    objects: [
      ...nodes,
      namespace,
      ...app.objects,
      ...scheduler.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods }),
      nodeEvent(drained, 'NodeNotSchedulable', `Node ${drained} status is now: NodeNotSchedulable`, { firstAgo: 20 }),
      ...gonePods.map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 19, lastAgo: 19, fieldPath: 'spec.containers{app}' })),
      event({ on: rs, reason: 'FailedCreate', message: `Error creating: ${violation('q8r2w')}`, firstAgo: 19, lastAgo: 19, component: 'replicaset-controller' }),
      event({ on: rs, reason: 'FailedCreate', message: `Error creating: ${violation('m2nzd')}`, firstAgo: 19, lastAgo: 19, component: 'replicaset-controller' }),
      event({ on: rs, reason: 'FailedCreate', message: `(combined from similar events): Error creating: ${violation('7fjvc')}`, count: 23, firstAgo: 18.9, lastAgo: 0.6, component: 'replicaset-controller' }),
      event({ on: scheduler.pods[0] ?? {}, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podIp(scheduler.pods[0] ?? {})}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 30 * HOURS, lastAgo: 30 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:02.771Z INFO  [http-nio-8080-exec-4] c.a.reporting.api.ReportController - GET /v2/reports/monthly?tenant=77 200 212ms\n' })),
    expect: {
      verdict: 'problems',
      headline: [/PodSecurity|pod-security|pod security/i, /restricted/i],
      facts: [/allowPrivilegeEscalation/, /\b2\/4\b|2 of 4/i, /namespace[^\n]{0,60}label|label[^\n]{0,60}namespace|pod-security\.kubernetes\.io\/enforce/i],
      never: [BLAMES_ROLLOUT, /exceeded quota|resource ?quota/i, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- H6. an admission webhook denies the new ReplicaSet's pods ------------------------------

/**
 * Revision 52 moved order-events to the shared library chart 2.0.0, whose pod labels no longer
 * carry `team`. Gatekeeper's K8sRequiredLabels constraint pods-must-have-team denies every pod
 * of the new ReplicaSet; the rollout is stuck at 3/4 with revision 51.
 */
function gatekeeperDeniesNewPods(): CorpusScenario {
  const ns = 'orders';
  const nodes = [
    node({ name: nodeName('10.0.61.44'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.62.190'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.63.7'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/orders/order-events:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events',
    replicas: 4,
    revisions: [
      { revision: 51, createdAgo: 8 * DAYS, template: { containers: [container({ image: image('5.20.1'), cpu: '250m', memory: '512Mi' })], labels: { team: 'orders-platform', 'cost-center': 'cc-4410' } } },
      { revision: 52, createdAgo: 15, changeCause: 'argocd: order-events chart 2.0.0 (acme-service library chart)', template: { containers: [container({ image: image('5.21.0'), cpu: '250m', memory: '512Mi' })], labels: { 'app.kubernetes.io/name': 'order-events', 'app.kubernetes.io/part-of': 'orders', 'cost-center': 'cc-4410' } } },
    ],
    pods: [
      { revision: 51, node: names[0] ?? '', createdAgo: 8 * DAYS },
      { revision: 51, node: names[1] ?? '', createdAgo: 8 * DAYS },
      { revision: 51, node: names[2] ?? '', createdAgo: 8 * DAYS },
    ],
  });
  const deployment = deploymentOf(app);
  const newRs = replicaSetOf(app, 52);
  const oldRs = replicaSetOf(app, 51);
  const message = 'admission webhook "validation.gatekeeper.sh" denied the request: [pods-must-have-team] you must provide labels: {"team"}';
  replicaFailure(app, newRs, 2, message, 15);
  const api = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 3,
    revisions: [{ revision: 77, createdAgo: 3 * DAYS, template: { containers: [container({ image: `${ECR}/orders/order-api:9.2.0`, cpu: '500m', memory: '1Gi' })], labels: { team: 'orders-platform', 'cost-center': 'cc-4410' } } }],
    pods: [0, 1, 2].map((i) => ({ revision: 77, node: names[i] ?? '', createdAgo: 3 * DAYS })),
  });
  return {
    id: 'holdout-gatekeeper-required-labels-denies-pods',
    class: 'rollout',
    truth: 'Revision 52 (order-events on library chart 2.0.0) dropped the pod label team; Gatekeeper\'s constraint pods-must-have-team (validation.gatekeeper.sh) denies every pod of the new ReplicaSet ("you must provide labels: {"team"}"), so no new pod exists and the rollout is stuck with 3/4 pods of revision 51 serving. Add the team label to the pod template.',
    ask: { service: 'order-events' },
    objects: [
      ...nodes,
      ...app.objects,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 15),
      scaledReplicaSet(deployment, nameOf(oldRs), 3, 4, 15),
      scaledReplicaSet(deployment, nameOf(newRs), 2, 1, 15),
      event({ on: app.pods[2] ?? {}, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 15, lastAgo: 15, fieldPath: 'spec.containers{app}' }),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${message}`, count: 2, firstAgo: 15, lastAgo: 15, component: 'replicaset-controller' }),
      event({ on: newRs, reason: 'FailedCreate', message: `(combined from similar events): Error creating: ${message}`, count: 29, firstAgo: 14.9, lastAgo: 0.7, component: 'replicaset-controller' }),
      event({ on: api.pods[1] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podIp(api.pods[1] ?? {})}:8080/ready": dial tcp ${podIp(api.pods[1] ?? {})}:8080: connect: connection refused`, count: 3, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:37.402Z INFO  o.e.OutboxRelay - relayed 42 events to orders.events (last offset 9912044)\n' })),
    expect: {
      verdict: 'problems',
      headline: [/gatekeeper|admission webhook|validation\.gatekeeper\.sh/i, /\bteam\b|required.?labels|pods-must-have-team/i, /revision 52|2\.0\.0/i],
      facts: [/you must provide labels/, /revision 51/i, /\b3\/4\b|3 of 4/i],
      never: [/exceeded quota|resource ?quota/i, /PodSecurity/i, /\bOOM/],
    },
  };
}

// ---- H7. a ServiceAccount the new template names does not exist -----------------------------

/**
 * Chart 5.0.0 of payment-gateway (revision 9) switched to IRSA with serviceAccountName
 * payment-gateway-sa, but the values keep serviceAccount.create=false and nobody created it:
 * the ServiceAccount admission refuses every pod of the new ReplicaSet. Revision 8 serves.
 */
function serviceAccountNotFound(): CorpusScenario {
  const ns = 'shop';
  const nodes = [
    node({ name: nodeName('10.0.71.25'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.72.118'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.73.240'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/shop/payment-gateway:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'payment-gateway',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, template: { containers: [container({ image: image('6.4.3'), cpu: '300m', memory: '512Mi', envFrom: [{ secretRef: { name: 'payment-gateway-env' } }] })] } },
      { revision: 9, createdAgo: 14, changeCause: 'helm upgrade payment-gateway chart 5.0.0 (IRSA)', template: { containers: [container({ image: image('6.5.0'), cpu: '300m', memory: '512Mi', env: [{ name: 'AWS_REGION', value: 'eu-west-1' }] })], serviceAccountName: 'payment-gateway-sa' } },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 8, node: names[i] ?? '', createdAgo: 21 * DAYS })),
  });
  const deployment = deploymentOf(app);
  const newRs = replicaSetOf(app, 9);
  const refused = `pods "${nameOf(newRs)}-" is forbidden: error looking up service account shop/payment-gateway-sa: serviceaccount "payment-gateway-sa" not found`;
  replicaFailure(app, newRs, 1, refused, 14);
  const cart = deploymentApp({
    namespace: ns,
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 5 * DAYS, template: { containers: [container({ image: `${ECR}/shop/cart:12.0.4`, cpu: '200m', memory: '384Mi' })], serviceAccountName: 'cart' } }],
    pods: [{ revision: 40, node: names[0] ?? '', createdAgo: 5 * DAYS }, { revision: 40, node: names[2] ?? '', createdAgo: 5 * DAYS }],
  });
  return {
    id: 'holdout-serviceaccount-not-found',
    class: 'config',
    truth: 'Revision 9 (payment-gateway chart 5.0.0, IRSA) sets serviceAccountName payment-gateway-sa, which was never created (serviceAccount.create=false); every pod of the new ReplicaSet is refused ("error looking up service account shop/payment-gateway-sa: serviceaccount "payment-gateway-sa" not found"), so the rollout is stuck and revision 8 keeps serving on 3 pods. Create the ServiceAccount (with its IAM role annotation).',
    ask: { service: 'payment-gateway' },
    objects: [
      ...nodes,
      ...app.objects,
      ...cart.objects,
      ...exposed({ namespace: ns, name: 'payment-gateway', selector: { app: 'payment-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: cart.pods }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 14),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${refused}`, count: 3, firstAgo: 14, lastAgo: 14, component: 'replicaset-controller' }),
      event({ on: newRs, reason: 'FailedCreate', message: `(combined from similar events): Error creating: ${refused}`, count: 26, firstAgo: 13.9, lastAgo: 0.3, component: 'replicaset-controller' }),
      event({ on: cart.pods[0] ?? {}, type: 'Normal', reason: 'Pulled', message: `Container image "${ECR}/shop/cart:12.0.4" already present on machine`, firstAgo: 5 * DAYS, lastAgo: 5 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:55.018Z INFO  authorize order=ORD-7781204 psp=adyen amount=84.90 EUR result=Authorised 312ms\n' })),
    expect: {
      verdict: 'problems',
      headline: [/service ?account/i, /payment-gateway-sa/, /revision 9|5\.0\.0/i],
      facts: [/not found/, /revision 8/i],
      never: [/exceeded quota|resource ?quota/i, /PodSecurity/i, /RBAC|role ?binding/i],
    },
  };
}

// ---- H8. ephemeral-storage limit exceeded by debug logging ----------------------------------

/**
 * Someone ran `kubectl set env LOG_LEVEL=debug` on clickstream-collector two hours ago
 * (revision 17) to chase a bug. The collector also writes its log to a file in the container's
 * writable layer (/var/log/collector/collector.log, no rotation); at debug it grows ~30 MiB a
 * minute, each pod passes its 1Gi ephemeral-storage limit within ~40 minutes and is evicted.
 * The replacements repeat it. The nodes have plenty of disk.
 */
function ephemeralStorageLogSpam(): CorpusScenario {
  const ns = 'ingest';
  const nodes = [
    node({ name: nodeName('10.0.81.33'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.82.171'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.83.96'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/ingest/clickstream-collector:2.17.0`;
  const withStorage = (c: k8s.V1Container): k8s.V1Container => {
    c.resources = {
      requests: { ...(c.resources?.requests ?? {}), 'ephemeral-storage': '256Mi' },
      limits: { ...(c.resources?.limits ?? {}), 'ephemeral-storage': '1Gi' },
    };
    return c;
  };
  const tpl = (level: string) => ({
    containers: [withStorage(container({ name: 'collector', image, cpu: '500m', memory: '768Mi', env: [{ name: 'LOG_LEVEL', value: level }, { name: 'LOG_FILE', value: '/var/log/collector/collector.log' }, { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.data.svc:9092,kafka-1.kafka-headless.data.svc:9092,kafka-2.kafka-headless.data.svc:9092' }] }))],
  });
  const message = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';
  // Pods of revision 17: [createdAgo, evictedAgo | undefined]
  const lives: [number, number | undefined][] = [
    [129, 92], [128, 88], [127.5, 83], [127, 80],
    [92, 51], [88, 47], [83, 43], [80, 40],
    [51, 9], [47, 6],
    [43, undefined], [40, undefined], [9, undefined], [6, undefined],
  ];
  const app = deploymentApp({
    namespace: ns,
    name: 'clickstream-collector',
    replicas: 4,
    revisions: [
      { revision: 16, createdAgo: 12 * DAYS, template: tpl('info') },
      { revision: 17, createdAgo: 130, template: tpl('debug') },
    ],
    pods: lives.map(([created, evicted], i) => evicted === undefined
      ? { revision: 17, node: names[i % 3] ?? '', createdAgo: created, containers: { collector: running({ sinceAgo: created - 0.3 }) } }
      : {
          revision: 17,
          node: names[i % 3] ?? '',
          createdAgo: created,
          phase: 'Failed' as const,
          reason: 'Evicted',
          message,
          containers: { collector: terminated({ exitCode: 137, reason: 'Error', finishedAgo: evicted - 0.1, ranSeconds: Math.round((created - evicted) * 60) }) },
        }),
  });
  app.pods.forEach((p, i) => {
    const evicted = lives[i]?.[1];
    if (evicted !== undefined) p.status?.conditions?.push({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastTransitionTime: ago(evicted) });
  });
  const rs = replicaSetOf(app, 17);
  // Events live an hour: only the evictions of the last hour are still there.
  const recent = app.pods.filter((_, i) => (lives[i]?.[1] ?? 999) < 60);
  const replacements = app.pods.filter((_, i) => lives[i]?.[1] === undefined);
  const debugLog = [
    '2026-11-21T03:13:58.811Z DEBUG http.ingest POST /v1/events 202 events=37 payload_bytes=18231 session=9f1c2e77 ua="Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)"',
    '2026-11-21T03:13:58.812Z DEBUG enrich.geo ip=84.17.x.x country=DE region=BE asn=3320',
    '2026-11-21T03:13:58.813Z DEBUG kafka.producer batch appended topic=clickstream.raw partition=7 records=37 bytes=19004',
    '2026-11-21T03:13:58.840Z DEBUG kafka.producer batch flushed topic=clickstream.raw partition=7 records=512 bytes=398211 latency_ms=11',
    '',
  ].join('\n');
  return {
    id: 'holdout-ephemeral-storage-limit-debug-logs',
    class: 'capacity',
    truth: 'Revision 17 (kubectl set env LOG_LEVEL=debug, 2 hours ago) makes clickstream-collector write debug logs to /var/log/collector/collector.log in its writable layer; each pod exceeds its 1Gi ephemeral-storage limit within ~40 minutes and the kubelet evicts it ("Pod ephemeral local storage usage exceeds the total limit of containers 1Gi."), 10 evictions so far. The nodes are fine. Set LOG_LEVEL back to info (revision 16) or log to stdout only.',
    ask: { service: 'clickstream-collector' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'clickstream-collector', selector: { app: 'clickstream-collector' }, pods: app.pods }),
      ...recent.flatMap((p) => {
        const i = app.pods.indexOf(p);
        const at = lives[i]?.[1] ?? 1;
        return [
          event({ on: p, reason: 'Evicted', message, firstAgo: at, lastAgo: at }),
          event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container collector', firstAgo: at, lastAgo: at, fieldPath: 'spec.containers{collector}' }),
        ];
      }),
      ...replacements.map((p) => createdPod(rs, p, lives[app.pods.indexOf(p)]?.[0] ?? 1)),
    ],
    logs: replacements.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'collector', current: `${ago((lives[app.pods.indexOf(p)]?.[0] ?? 1) - 0.2).toISOString()} INFO  clickstream-collector 2.17.0 starting, log level debug, logging to stdout and /var/log/collector/collector.log\n${debugLog}` })),
    expect: {
      verdict: 'problems',
      headline: [/ephemeral/i, /evict/i, /LOG_LEVEL|debug|revision 17|log/i],
      facts: [/1Gi/, /\/var\/log\/collector|collector\.log/, /revision 16|LOG_LEVEL=info/i],
      never: [/(has|under|with) disk ?pressure|disk ?pressure on|node[^\n]{0,40}(low on|out of) (disk|ephemeral)/i, /\bOOM/],
    },
  };
}

// ---- H9. a StatefulSet asks for more memory than any node has -------------------------------

/**
 * Revision 5 of the elasticsearch StatefulSet raised the data nodes' memory from 4Gi to 16Gi
 * (heap 8g). Every node is an m6i.xlarge with ~14.4Gi allocatable, so elasticsearch-2, the
 * first pod the rolling update recreated, fits on no node at all and stays Pending; the cluster
 * autoscaler cannot help either (same instance type). 0 and 1 run revision 4.
 */
function statefulSetRequestLargerThanAnyNode(): CorpusScenario {
  const ns = 'logging';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodeNames = ['10.0.91.12', '10.0.91.140', '10.0.92.33', '10.0.92.201', '10.0.93.58', '10.0.93.177'].map(nodeName);
  const nodes = nodeNames.map((n, i) => node({ name: n, zone: zones[Math.floor(i / 2)] ?? 'eu-west-1a', pool: 'logging' }));
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const tpl = (mem: string, heap: string) => ({
    containers: [container({
      name: 'elasticsearch',
      image,
      ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      cpu: '1',
      memory: mem,
      env: [{ name: 'ES_JAVA_OPTS', value: `-Xms${heap} -Xmx${heap}` }, { name: 'node.roles', value: 'data,ingest' }, { name: 'cluster.name', value: 'logs' }],
      readiness: { exec: { command: ['bash', '-c', 'curl -s -k https://localhost:9200/_cluster/health?local=true | grep -vq \'"status":"red"\''] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: null,
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    securityContext: { fsGroup: 1000, runAsUser: 1000 },
    terminationGracePeriodSeconds: 120,
  });
  const unschedulable = '0/6 nodes are available: 6 Insufficient memory. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.';
  const app = statefulSetApp({
    namespace: ns,
    name: 'elasticsearch',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'elasticsearch-headless',
    revisions: [
      { revision: 4, createdAgo: 40 * DAYS, template: tpl('4Gi', '2g') },
      { revision: 5, createdAgo: 22, template: tpl('16Gi', '8g') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: nodeNames[0] ?? '', createdAgo: 40 * DAYS },
      { revision: 4, ordinal: 1, node: nodeNames[2] ?? '', createdAgo: 40 * DAYS },
      { revision: 5, ordinal: 2, createdAgo: 21, unschedulable },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => {
    const claim = `data-elasticsearch-${i}`;
    const volume = `pvc-${uidOf(`pvc/${ns}/${claim}`)}`;
    const zone = zones[i] ?? 'eu-west-1a';
    return [
      pvc({ namespace: ns, name: claim, storage: '500Gi', phase: 'Bound', volumeName: volume, createdAgo: 90 * DAYS, labels: { app: 'elasticsearch' } }),
      pv({ name: volume, storage: '500Gi', zone, claim: { namespace: ns, name: claim }, createdAgo: 90 * DAYS }),
    ];
  });
  const pending = app.pods[2] ?? {};
  const kibana = deploymentApp({
    namespace: ns,
    name: 'kibana',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 40 * DAYS, template: { containers: [container({ image: 'docker.elastic.co/kibana/kibana:8.15.3', ports: [5601], cpu: '500m', memory: '1Gi' })] } }],
    pods: [{ revision: 12, node: nodeNames[4] ?? '', createdAgo: 40 * DAYS }],
  });
  const esLog = [
    '{"@timestamp":"2026-11-21T02:53:04.411Z", "log.level": "INFO", "message":"removed {{elasticsearch-2}{Qz4-7f1rS0yZx3l0v1m3Ww}{10.0.93.140}{10.0.93.140:9300}{di}}, term: 31, version: 88213, reason: Publication{term=31, version=88213}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[elasticsearch-0][clusterApplierService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.service.ClusterApplierService","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logs"}',
    '{"@timestamp":"2026-11-21T02:53:04.982Z", "log.level": "INFO", "message":"Cluster health status changed from [GREEN] to [YELLOW] (reason: [{elasticsearch-2}{Qz4-7f1rS0yZx3l0v1m3Ww} reason: disconnected]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logs"}',
    '{"@timestamp":"2026-11-21T03:13:31.201Z", "log.level": "WARN", "message":"flood stage disk watermark [95%] not exceeded; high disk watermark [90%] exceeded on [elasticsearch-1] free: 46.2gb[9.2%], shards will be relocated away from this node", "ecs.version": "1.2.0","log.logger":"org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor","elasticsearch.node.name":"elasticsearch-0","elasticsearch.cluster.name":"logs"}',
    '',
  ].join('\n');
  return {
    id: 'holdout-statefulset-16gi-request-fits-no-node',
    class: 'scheduling',
    truth: 'Revision 5 of StatefulSet elasticsearch raised the memory request from 4Gi to 16Gi; every node (m6i.xlarge) has only ~14.4Gi allocatable, so elasticsearch-2, recreated by the rolling update, fits on no node ("0/6 nodes are available: 6 Insufficient memory") and the cluster autoscaler cannot add a node that would fit. The cluster is yellow on 2 of 3 data nodes. Lower the request below the allocatable or add a larger node group.',
    ask: { service: 'elasticsearch' },
    objects: [
      ...nodes,
      ...app.objects,
      ...claims,
      ...kibana.objects,
      ...headless({ namespace: ns, name: 'elasticsearch-headless', selector: { app: 'elasticsearch' }, pods: app.pods, port: 9300, portName: 'transport' }),
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'elasticsearch' }, pods: app.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      event({ on: { kind: 'StatefulSet', name: 'elasticsearch', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod elasticsearch-2 in StatefulSet elasticsearch successful', firstAgo: 21.5, lastAgo: 21.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'elasticsearch', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod elasticsearch-2 in StatefulSet elasticsearch successful', firstAgo: 21, lastAgo: 21, component: 'statefulset-controller' }),
      event({ on: pending, reason: 'FailedScheduling', message: unschedulable, count: 9, firstAgo: 21, lastAgo: 1.5, component: 'default-scheduler' }),
      event({ on: pending, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 1 Insufficient memory", count: 118, firstAgo: 20.5, lastAgo: 0.2, component: 'cluster-autoscaler' }),
    ],
    logs: [
      { namespace: ns, pod: 'elasticsearch-0', container: 'elasticsearch', current: esLog },
      { namespace: ns, pod: 'elasticsearch-1', container: 'elasticsearch', current: '{"@timestamp":"2026-11-21T03:13:50.007Z", "log.level": "INFO", "message":"[logs-app-2026.11.21][3] primary-replica resync completed with 0 operations", "elasticsearch.node.name":"elasticsearch-1","elasticsearch.cluster.name":"logs"}\n' },
    ],
    expect: {
      verdict: 'problems',
      headline: [/16Gi/, /elasticsearch-2|Pending|unschedulable|Insufficient memory|fits? (on )?no node/i, /revision 5|4Gi/i],
      facts: [/14\.4|14\.43|15136204Ki|allocatable/i, /elasticsearch-2/, /6 Insufficient memory/],
      never: [/\bOOM/, /add more nodes|scale up the node ?group|max(imum)? (node ?group )?size/i, /volume node affinity|zone conflict/i],
    },
  };
}

// ---- H10. a Kafka broker down behind Ready consumers ----------------------------------------

/**
 * kafka-2's data volume filled up 24 minutes ago; the broker shuts down on its failed log dir
 * and crash-loops. The partitions it alone led are offline. order-projector stays 3/3 Ready
 * (its readiness is HTTP only), but its logs are full of "Connection to node 2 ... could not
 * be established" and LEADER_NOT_AVAILABLE, and its lag on those partitions grows.
 */
function kafkaBrokerDownConsumersReady(): CorpusScenario {
  const ns = 'orders';
  const nodes = [
    node({ name: nodeName('10.0.101.20'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.102.145'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.103.9'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const app = deploymentApp({
    namespace: ns,
    name: 'order-projector',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/orders/order-projector:3.10.2`, cpu: '500m', memory: '1Gi' })] } },
      { revision: 19, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/orders/order-projector:3.11.0`, cpu: '500m', memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] } },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 19, node: names[i] ?? '', createdAgo: 6 * DAYS - i })),
  });
  const kafka = statefulSetApp({
    namespace: 'data',
    name: 'kafka',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'kafka-headless',
    revisions: [{ revision: 7, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'kafka', image: 'docker.io/bitnami/kafka:3.8.1', ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '4Gi', readiness: { tcpSocket: { port: 9092 }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [
      { revision: 7, ordinal: 0, node: names[0] ?? '', createdAgo: 50 * DAYS },
      { revision: 7, ordinal: 1, node: names[1] ?? '', createdAgo: 50 * DAYS },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 50 * DAYS, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 41 }, 6) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => {
    const claim = `data-kafka-${i}`;
    const volume = `pvc-${uidOf(`pvc/data/${claim}`)}`;
    return [
      pvc({ namespace: 'data', name: claim, storage: '200Gi', phase: 'Bound', volumeName: volume, createdAgo: 50 * DAYS }),
      pv({ name: volume, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', claim: { namespace: 'data', name: claim }, createdAgo: 50 * DAYS }),
    ];
  });
  const broker = kafka.pods[2] ?? {};
  const consumerLog = (n: number) => [
    `2026-11-21T03:13:40.117Z  WARN 1 --- [order-projector] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-order-projector-${n}, groupId=order-projector] Connection to node 2 (kafka-2.kafka-headless.data.svc.cluster.local/${podIp(broker)}:9092) could not be established. Broker may not be available.`,
    `2026-11-21T03:13:40.118Z  WARN 1 --- [order-projector] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-order-projector-${n}, groupId=order-projector] Error while fetching metadata with correlation id 48213 : {orders.events=LEADER_NOT_AVAILABLE}`,
    `2026-11-21T03:13:41.204Z  INFO 1 --- [order-projector] [ntainer#0-0-C-1] c.a.orders.projector.OrderProjector      : projected 214 events (partitions orders.events-0, orders.events-3)`,
    `2026-11-21T03:13:43.361Z  WARN 1 --- [order-projector] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-order-projector-${n}, groupId=order-projector] Connection to node 2 (kafka-2.kafka-headless.data.svc.cluster.local/${podIp(broker)}:9092) could not be established. Broker may not be available.`,
    `2026-11-21T03:13:45.000Z  WARN 1 --- [order-projector] [   lag-monitor-1] c.a.orders.projector.LagMonitor          : partitions [orders.events-2, orders.events-5, orders.events-8] not consumed for 1380s (lag 48211 records)`,
    `2026-11-21T03:13:46.622Z  WARN 1 --- [order-projector] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-order-projector-${n}, groupId=order-projector] Connection to node 2 (kafka-2.kafka-headless.data.svc.cluster.local/${podIp(broker)}:9092) could not be established. Broker may not be available.`,
    '',
  ].join('\n');
  const brokerLog = [
    '[2026-11-21 03:11:11,402] INFO [KafkaRaftServer nodeId=2] Starting (kafka.server.KafkaRaftServer)',
    '[2026-11-21 03:11:47,981] ERROR Error while writing to checkpoint file /bitnami/kafka/data/replication-offset-checkpoint (kafka.server.LogDirFailureChannel)',
    'java.io.IOException: No space left on device',
    '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
    '\tat org.apache.kafka.server.common.CheckpointFile.write(CheckpointFile.java:97)',
    '[2026-11-21 03:11:47,990] ERROR Shutdown broker because all log dirs in /bitnami/kafka/data have failed (kafka.log.LogManager)',
    '',
  ].join('\n');
  return {
    id: 'holdout-kafka-broker-2-down-consumers-ready',
    class: 'network',
    truth: 'Kafka broker kafka-2 (namespace data) crash-loops since its data volume filled ("all log dirs ... have failed", No space left on device); order-projector is 3/3 Ready with no restarts, but its consumers cannot reach node 2 (kafka-2.kafka-headless.data.svc.cluster.local:9092, "Broker may not be available"), get LEADER_NOT_AVAILABLE, and partitions 2, 5, 8 have not been consumed for 23 minutes. Not healthy: fix kafka-2 (disk); order-projector itself is fine.',
    ask: { service: 'order-projector' },
    objects: [
      ...nodes,
      ...app.objects,
      ...kafka.objects,
      ...claims,
      ...exposed({ namespace: ns, name: 'order-projector', selector: { app: 'order-projector' }, pods: app.pods }),
      ...headless({ namespace: 'data', name: 'kafka-headless', selector: { app: 'kafka' }, pods: kafka.pods, port: 9092, portName: 'tcp-client' }),
      backOff(broker, 'kafka', { count: 71, firstAgo: 23 }),
      probeFailed(broker, 'kafka', 'Readiness', `dial tcp ${podIp(broker)}:9092: connect: connection refused`, { count: 40, firstAgo: 24 }),
      probeFailed(app.pods[1] ?? {}, 'app', 'Readiness', `Get "http://${podIp(app.pods[1] ?? {})}:8080/actuator/health/readiness": dial tcp ${podIp(app.pods[1] ?? {})}:8080: connect: connection refused`, { count: 3, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS }),
    ],
    logs: [
      ...app.pods.map((p, i) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: consumerLog(i + 1) })),
      { namespace: 'data', pod: 'kafka-2', container: 'kafka', previous: brokerLog, current: '[2026-11-21 03:13:42,011] INFO [KafkaRaftServer nodeId=2] Starting (kafka.server.KafkaRaftServer)\n' },
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-2|broker 2|node 2/i, /could not be established|not available|unreachable|\bdown\b|crash|LEADER_NOT_AVAILABLE|can(no|')t (reach|connect)|connection/i],
      facts: [/9092/, /3\/3/, /LEADER_NOT_AVAILABLE|not consumed|\blag\b/i],
      never: [BLAMES_ROLLOUT, /order-projector[^\n]{0,40}(crash|OOM)/i, /\bOOM/],
    },
  };
}

// ---- H11. a Deployment scaled to zero -------------------------------------------------------

/**
 * Ten minutes ago someone ran `kubectl scale deployment recommendations --replicas=0` (wrong
 * context during a staging clean-up). No pod is left, the Service has no endpoints, the
 * storefront's recommendation widget errors. Nothing crashed; scale back to 3.
 */
function scaledToZero(): CorpusScenario {
  const ns = 'catalog';
  const nodes = [
    node({ name: nodeName('10.0.111.42'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.112.7'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.113.164'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const app = deploymentApp({
    namespace: ns,
    name: 'recommendations',
    replicas: 0,
    revisions: [
      { revision: 26, createdAgo: 23 * DAYS, template: { containers: [container({ image: `${ECR}/catalog/recommendations:4.1.0`, cpu: '1', memory: '2Gi' })] } },
      { revision: 27, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${ECR}/catalog/recommendations:4.2.1`, cpu: '1', memory: '2Gi' })] } },
    ],
    pods: [],
  });
  const deployment = deploymentOf(app);
  deployment.metadata = {
    ...deployment.metadata,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(9 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: ago(10), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(10), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ],
  };
  const rs = replicaSetOf(app, 27);
  const goneNames = ['k2x9v', 'p7mzq', 'w4d8t'].map((s) => `${nameOf(rs)}-${s}`);
  const storefront = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 3,
    revisions: [{ revision: 140, createdAgo: 2 * DAYS, template: { containers: [container({ image: `${ECR}/catalog/storefront:31.7.0`, cpu: '500m', memory: '1Gi', env: [{ name: 'RECOMMENDATIONS_URL', value: 'http://recommendations.catalog.svc.cluster.local' }] })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 140, node: names[i] ?? '', createdAgo: 2 * DAYS })),
  });
  const svc = service({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' } });
  return {
    id: 'holdout-deployment-scaled-to-zero',
    class: 'capacity',
    truth: 'Deployment recommendations was scaled from 3 to 0 replicas 10 minutes ago by hand (kubectl, scale subresource); no pod exists and Service recommendations has no endpoints, so its callers (storefront) get errors. Nothing crashed and no rollout happened (revision 27 is 9 days old). Scale it back to 3.',
    ask: { service: 'recommendations' },
    objects: [
      ...nodes,
      ...app.objects,
      ...storefront.objects,
      svc,
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'recommendations-6h2tz', namespace: ns, uid: uidOf(`endpointslice/${ns}/recommendations`), creationTimestamp: ago(120 * DAYS), labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'recommendations' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'recommendations', uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }] }, addressType: 'IPv4', endpoints: [], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] } as KubeJson,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods }),
      scaledReplicaSet(deployment, nameOf(rs), 0, 3, 10),
      ...goneNames.map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 10, lastAgo: 10, fieldPath: 'spec.containers{app}' })),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${goneNames[0] ?? ''}`, firstAgo: 10, lastAgo: 10, component: 'replicaset-controller' }),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${goneNames[1] ?? ''}`, firstAgo: 10, lastAgo: 10, component: 'replicaset-controller' }),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${goneNames[2] ?? ''}`, firstAgo: 10, lastAgo: 10, component: 'replicaset-controller' }),
    ],
    logs: storefront.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `2026-11-21T03:13:51.442Z WARN  [recs-widget] GET http://recommendations.catalog.svc.cluster.local/v1/recs?sku=88213 failed: connect ECONNREFUSED ${svc.spec?.clusterIP ?? ''}:80 (fallback: bestsellers)\n` })),
    expect: {
      verdict: 'problems',
      headline: [/\b0 replicas|replicas:? ?0\b|replicas (is |set to |= ?)?0\b|scaled (down )?to (0|zero)|zero replicas|0 desired|desired:? 0\b/i],
      facts: [/no endpoints|0 endpoints|no (ready )?(pods|endpoints)|without endpoints/i, /from 3 to 0|3 to 0|3 → 0|3 -> 0|was 3|previously 3|from 3/i],
      never: [/crash/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

// ---- H12. a full node disk breaks one image pull --------------------------------------------

/**
 * Revision 40 (event-enricher 3.2.0, a 2.1 GB image with a new GeoIP database) rolled out 12
 * minutes ago. Five new pods pulled it and run; the sixth landed on ip-10-0-44-210, whose root
 * volume was nearly full (a log-spamming batch pod), and containerd runs out of space unpacking
 * a layer: no space left on device, ImagePullBackOff. The node now reports DiskPressure. The
 * image is fine.
 */
function nodeDiskFullImagePull(): CorpusScenario {
  const ns = 'analytics';
  const full = nodeName('10.0.44.210');
  const good = [nodeName('10.0.41.77'), nodeName('10.0.42.19'), nodeName('10.0.43.150')];
  const nodes = [
    node({ name: good[0] ?? '', zone: 'eu-west-1a' }),
    node({ name: good[1] ?? '', zone: 'eu-west-1b' }),
    node({ name: good[2] ?? '', zone: 'eu-west-1c' }),
    node({ name: full, zone: 'eu-west-1b', pressure: { disk: 9 }, taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: ago(9) }] }),
  ];
  const image = (v: string) => `${ECR}/analytics/event-enricher:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), cpu: '500m', memory: '1536Mi' })] });
  const layer = 'sha256:4f1c6e2b9a0d7e35c8b1f4a6d2e9c07b5a3f8e1d6c4b2a9078e5d3c1b0a9f7e6';
  const pullError = `Failed to pull image "${image('3.2.0')}": rpc error: code = Unknown desc = failed to pull and unpack image "${image('3.2.0')}": failed to extract layer ${layer}: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2291/fs/opt/enricher/data/GeoIP2-City.mmdb: no space left on device: unknown`;
  const app = deploymentApp({
    namespace: ns,
    name: 'event-enricher',
    replicas: 6,
    revisions: [
      { revision: 39, createdAgo: 14 * DAYS, template: tpl('3.1.4') },
      { revision: 40, createdAgo: 12, changeCause: 'argocd: event-enricher 3.2.0', template: tpl('3.2.0') },
    ],
    pods: [
      { revision: 40, node: good[0] ?? '', createdAgo: 11.8 },
      { revision: 40, node: good[1] ?? '', createdAgo: 11.8 },
      { revision: 40, node: full, createdAgo: 11.8, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image('3.2.0')}"`) } },
      { revision: 40, node: good[2] ?? '', createdAgo: 9.5 },
      { revision: 40, node: good[0] ?? '', createdAgo: 9.4 },
      { revision: 40, node: good[2] ?? '', createdAgo: 7.1 },
    ],
  });
  const deployment = deploymentOf(app);
  const newRs = replicaSetOf(app, 40);
  const oldRs = replicaSetOf(app, 39);
  const stuck = app.pods[2] ?? {};
  const spark = deploymentApp({
    namespace: ns,
    name: 'spark-history',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'docker.io/apache/spark:3.5.3', ports: [18080], cpu: '500m', memory: '2Gi' })] } }],
    pods: [{ revision: 3, node: full, createdAgo: 30 * DAYS }],
  });
  return {
    id: 'holdout-node-disk-full-image-pull-no-space',
    class: 'nodes',
    truth: 'Node ip-10-0-44-210\'s disk is full: containerd cannot unpack event-enricher 3.2.0 there ("no space left on device"), so the one revision-40 pod scheduled on it sits in ImagePullBackOff and the node now has DiskPressure; the same image runs on the 5 pods on the other three nodes. Not the image and not the rollout: free the node\'s disk or cordon/drain it and delete the stuck pod.',
    ask: { service: 'event-enricher' },
    objects: [
      ...nodes,
      ...app.objects,
      ...spark.objects,
      ...exposed({ namespace: ns, name: 'event-enricher', selector: { app: 'event-enricher' }, pods: app.pods }),
      scaledReplicaSet(deployment, nameOf(newRs), 2, 0, 12),
      scaledReplicaSet(deployment, nameOf(oldRs), 5, 6, 12),
      scaledReplicaSet(deployment, nameOf(newRs), 3, 2, 9.6),
      scaledReplicaSet(deployment, nameOf(oldRs), 3, 5, 9.5),
      scaledReplicaSet(deployment, nameOf(newRs), 5, 3, 9.4),
      scaledReplicaSet(deployment, nameOf(oldRs), 1, 3, 7.2),
      scaledReplicaSet(deployment, nameOf(newRs), 6, 5, 7.1),
      scaledReplicaSet(deployment, nameOf(oldRs), 0, 1, 6.5),
      event({ on: stuck, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(stuck)} to ${full}`, firstAgo: 11.8, lastAgo: 11.8, component: 'default-scheduler' }),
      event({ on: stuck, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.2.0')}"`, count: 5, firstAgo: 11.7, lastAgo: 2.1, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: pullError, count: 5, firstAgo: 10.2, lastAgo: 1.9, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: 'Error: ErrImagePull', count: 5, firstAgo: 10.2, lastAgo: 1.9, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image('3.2.0')}"`, count: 38, firstAgo: 10.1, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 38, firstAgo: 10.1, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      ...app.pods.filter((p) => p !== stuck).flatMap((p) => [
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.2.0')}" in 41.207s (41.207s including waiting). Image size: 2143870112 bytes.`, firstAgo: 10.5, lastAgo: 10.5, fieldPath: 'spec.containers{app}' }),
      ]),
      nodeEvent(full, 'NodeHasDiskPressure', `Node ${full} status is now: NodeHasDiskPressure`, { firstAgo: 9 }),
      nodeEvent(full, 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 6442450944 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', count: 4, firstAgo: 9, lastAgo: 1 }),
      nodeEvent(full, 'EvictionThresholdMet', 'Attempting to reclaim ephemeral-storage', { type: 'Warning', count: 3, firstAgo: 8.8, lastAgo: 1.2 }),
    ],
    logs: app.pods.filter((p) => p !== stuck).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: '2026-11-21T03:13:40.512Z INFO  enricher: batch 771204 enriched 5000 events (geo 4981, ua 5000) in 212ms\n' })),
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-44-210/, /no space|disk|DiskPressure/i],
      facts: [/ImagePullBackOff|ErrImagePull/, /\b5\/6\b|5 of 6/i, /no space left on device/],
      never: [BLAMES_ROLLOUT, /(image|tag)[^\n]{0,30}(not found|does not exist|missing)/i, /\bOOM/],
    },
  };
}

// ---- H13. a DaemonSet crash-loops on the one node with a new AMI ----------------------------

/**
 * A node of the new general-v3 group (hardened CIS AMI, kernel 6.12) joined 36 minutes ago.
 * Its kernel has no `dummy` module, so node-local-dns cannot create its nodelocaldns interface
 * ("operation not supported"), cannot bind 169.254.20.10 and exits 1, in a crash loop. On the
 * four older nodes node-local-dns runs fine; no change to the DaemonSet in 30 days.
 */
function daemonSetKernelModuleMissing(): CorpusScenario {
  const ns = 'kube-system';
  const oldNodes = [nodeName('10.0.121.30'), nodeName('10.0.122.88'), nodeName('10.0.123.145'), nodeName('10.0.121.201')];
  const fresh = nodeName('10.0.122.54');
  const nodes = [
    ...oldNodes.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a'][i] ?? 'eu-west-1a' })),
    node({ name: fresh, zone: 'eu-west-1b', pool: 'general-v3', createdAgo: 36, readySince: 35, labels: { 'acme.io/ami': 'al2023-cis-2026.11.1' } }),
  ];
  const newNode = nodes[4];
  if (newNode?.status?.nodeInfo !== undefined) {
    newNode.status.nodeInfo.kernelVersion = '6.12.46-66.121.amzn2023.x86_64';
    newNode.status.nodeInfo.osImage = 'Amazon Linux 2023.9.20261117';
  }
  const image = 'registry.k8s.io/dns/k8s-dns-node-cache:1.23.1';
  const app = daemonSetApp({
    namespace: ns,
    name: 'node-local-dns',
    selector: { 'k8s-app': 'node-local-dns' },
    revisions: [
      { revision: 8, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'node-cache', image: 'registry.k8s.io/dns/k8s-dns-node-cache:1.22.28' })] } },
      {
        revision: 9,
        createdAgo: 30 * DAYS,
        template: {
          containers: [container({
            name: 'node-cache',
            image,
            args: ['-localip', '169.254.20.10,172.20.0.10', '-conf', '/etc/Corefile', '-upstreamsvc', 'kube-dns-upstream'],
            ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9253, protocol: 'TCP' }],
            cpu: '25m',
            memory: '5Mi',
            memoryLimit: null,
            readiness: null,
            liveness: { httpGet: { host: '169.254.20.10', path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
            securityContext: { capabilities: { add: ['NET_ADMIN'] } },
            volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
          })],
          volumes: [{ name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } }, { name: 'config-volume', configMap: { name: 'node-local-dns', items: [{ key: 'Corefile', path: 'Corefile.base' }] } }],
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'node-local-dns',
          tolerations: [{ operator: 'Exists' }],
        },
      },
    ],
    pods: [
      ...oldNodes.map((n, i) => ({ revision: 9, node: n, createdAgo: 30 * DAYS, ...(i === 1 ? { containers: { 'node-cache': running({ sinceAgo: 12 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 12 * DAYS, ranSeconds: 18 * 24 * 3600 } }) } } : {}) })),
      { revision: 9, node: fresh, createdAgo: 35, containers: { 'node-cache': crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 1 }, 11) } },
    ],
  });
  const broken = app.pods[4] ?? {};
  const dns = coreDns([{ node: oldNodes[0] ?? '' }, { node: oldNodes[2] ?? '' }]);
  const proxy = kubeProxy([...oldNodes, fresh].map((n) => ({ node: n })));
  const previous = [
    '2026/11/21 03:12:53 [INFO] Starting node-cache image: 1.23.1',
    '2026/11/21 03:12:53 [INFO] Using Corefile /etc/Corefile',
    '2026/11/21 03:12:53 [INFO] Using Pidfile ',
    '2026/11/21 03:12:53 [INFO] Skipping kube-dns configmap sync as no directory was specified',
    '2026/11/21 03:12:53 [ERROR] Failed to add non-existent interface nodelocaldns: operation not supported',
    '2026/11/21 03:12:53 [INFO] Added interface - nodelocaldns',
    '2026/11/21 03:12:53 [ERROR] Error checking dummy device nodelocaldns - operation not supported',
    'listen udp 169.254.20.10:53: bind: cannot assign requested address',
    '',
  ].join('\n');
  return {
    id: 'holdout-daemonset-dummy-module-missing-new-ami',
    class: 'nodes',
    truth: 'node-local-dns crash-loops (exit 1) only on ip-10-0-122-54, the node of the new general-v3 group (hardened AL2023 AMI, kernel 6.12) that joined 36 minutes ago: its kernel lacks the dummy module, so the nodelocaldns interface cannot be created ("operation not supported") and 169.254.20.10 cannot be bound. The 4 other nodes run it fine; the DaemonSet has not changed in 30 days. Fix the AMI (load the dummy module) or keep node-local-dns off that group.',
    ask: { service: 'node-local-dns', namespace: ns },
    objects: [
      ...nodes,
      ...app.objects,
      ...dns.objects,
      ...proxy.objects,
      service({ namespace: ns, name: 'kube-dns-upstream', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }] }),
      backOff(broken, 'node-cache', { count: 139, firstAgo: 34 }),
      nodeEvent(fresh, 'Starting', 'Starting kubelet.', { firstAgo: 36 }),
      nodeEvent(fresh, 'RegisteredNode', `Node ${fresh} event: Registered Node ${fresh} in Controller`, { firstAgo: 35.8, component: 'node-controller' }),
      nodeEvent(fresh, 'NodeReady', `Node ${fresh} status is now: NodeReady`, { firstAgo: 35 }),
      event({ on: { kind: 'DaemonSet', name: 'node-local-dns', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(broken)}`, firstAgo: 35, lastAgo: 35, component: 'daemonset-controller' }),
    ],
    logs: [
      { namespace: ns, pod: nameOf(broken), container: 'node-cache', previous, current: previous.split('\n').slice(0, 2).join('\n') + '\n' },
      ...app.pods.slice(0, 4).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'node-cache', current: '[INFO] Updated Corefile with 0 custom stubdomains and upstream servers 172.20.55.12\n[INFO] Using config file:\ncluster.local:53 {\n    errors\n    cache {\n            success 9984 30\n            denial 9984 5\n    }\n    reload\n    loop\n    bind 169.254.20.10 172.20.0.10\n    forward . 172.20.55.12 {\n            force_tcp\n    }\n    prometheus :9253\n    health 169.254.20.10:8080\n    }\n' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-122-54/, /dummy|kernel|module|AMI|operation not supported|general-v3|new node/i],
      facts: [/operation not supported/, /4\/5|4 of 5|1\/5|1 of 5|other (4|four) nodes/i, /general-v3|6\.12|kernel/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /core-?dns[^\n]{0,30}(down|crash|fail)/i],
    },
  };
}

// ---- H14. healthy control: old restarts, an old FailedScheduling, slow-query warnings -----------

/**
 * invoice-api is fine: 4/4 Ready. One pod restarted twice three days ago during an RDS failover
 * (exit 1), a scale-up two days ago waited a minute for a node (FailedScheduling, then the
 * autoscaler added one), and the logs carry routine WARN lines about queries slower than 1 s.
 */
function healthyOldNoiseSlowQueries(): CorpusScenario {
  const ns = 'billing';
  const nodes = [
    node({ name: nodeName('10.0.131.17'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.132.99'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.133.240'), zone: 'eu-west-1c' }),
    node({ name: nodeName('10.0.131.203'), zone: 'eu-west-1a', createdAgo: 2 * DAYS }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), cpu: '1', memory: '1536Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    revisions: [
      { revision: 32, createdAgo: 26 * DAYS, template: tpl('11.3.0') },
      { revision: 33, createdAgo: 8 * DAYS, changeCause: 'argocd: invoice-api 11.4.2', template: tpl('11.4.2') },
    ],
    pods: [
      { revision: 33, node: names[0] ?? '', createdAgo: 8 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 8 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 2, last: { exitCode: 1, finishedAgo: 3 * DAYS, ranSeconds: 40 } }) } },
      { revision: 33, node: names[2] ?? '', createdAgo: 8 * DAYS },
      { revision: 33, node: names[3] ?? '', createdAgo: 2 * DAYS },
    ],
  });
  const scaled = app.pods[3] ?? {};
  const restarted = app.pods[1] ?? {};
  const logs = [
    '2026-11-21T03:12:44.118Z  INFO 1 --- [invoice-api] [nio-8080-exec-7] c.a.billing.web.InvoiceController        : GET /v1/invoices?customer=C-88213 200 41ms',
    '2026-11-21T03:12:51.730Z  WARN 1 --- [invoice-api] [nio-8080-exec-3] c.a.billing.db.SlowQueryInterceptor      : slow query 1412ms (threshold 1000ms): select i.id, i.total, i.currency, i.issued_at from invoices i where i.customer_id=? and i.issued_at>=? order by i.issued_at desc limit ?',
    '2026-11-21T03:13:02.004Z  INFO 1 --- [invoice-api] [nio-8080-exec-1] c.a.billing.web.InvoiceController        : POST /v1/invoices 201 88ms',
    '2026-11-21T03:13:20.402Z  WARN 1 --- [invoice-api] [nio-8080-exec-9] c.a.billing.db.SlowQueryInterceptor      : slow query 1087ms (threshold 1000ms): select count(*) from invoice_lines where invoice_id in (?, ?, ?, ?)',
    '2026-11-21T03:13:31.015Z  INFO 1 --- [invoice-api] [ool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Pool stats (total=20, active=3, idle=17, waiting=0)',
    '',
  ].join('\n');
  return {
    id: 'holdout-healthy-old-restarts-slow-query-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong: invoice-api is 4/4 Ready on revision 33 (8 days old); the 2 restarts are from an RDS failover 3 days ago, the FailedScheduling warning is from a scale-up 2 days ago that the autoscaler resolved, and the WARN lines are routine slow-query notices.',
    ask: { service: 'invoice-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      event({ on: scaled, reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', count: 3, firstAgo: 2 * DAYS + 2, lastAgo: 2 * DAYS + 1, component: 'default-scheduler' }),
      event({ on: scaled, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-5ec8a6e2-1c2f-4e1f-9c1e-3a7b9d0e2f41 3->4 (max: 8)}]', firstAgo: 2 * DAYS + 2, lastAgo: 2 * DAYS + 2, component: 'cluster-autoscaler' }),
      event({ on: scaled, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(scaled)} to ${names[3] ?? ''}`, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, component: 'default-scheduler' }),
      event({ on: restarted, type: 'Normal', reason: 'Pulled', message: `Container image "${image('11.4.2')}" already present on machine`, count: 2, firstAgo: 3 * DAYS + 1, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{app}' }),
      event({ on: restarted, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(restarted)}_${ns}(${restarted.metadata?.uid ?? ''})`, count: 1, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: logs, ...(p === restarted ? { previous: '2026-11-18T03:13:20.118Z ERROR 1 --- [invoice-api] [           main] o.s.boot.SpringApplication               : Application run failed\norg.postgresql.util.PSQLException: Connection to billing-db.cluster-c8x2.eu-west-1.rds.amazonaws.com:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n' } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /4\/4/],
      facts: [/revision 33/i],
      never: [/roll ?back/i, /crash-?loop/i, /(is|are|stuck|remains?) (pending|unschedulable)|cannot be scheduled|can't be scheduled/i, /slow quer[^\n]{0,60}(cause|outage|failing)|database (is )?(down|failing|unavailable)/i],
    },
  };
}

export const HOLDOUT_SCENARIOS: CorpusScenario[] = [
  goNilPointerPanic(),
  meshSidecarWithoutControlPlane(),
  runAsNonRootImageRunsAsRoot(),
  readOnlyRootFsTmp(),
  podSecurityRestrictedNamespace(),
  gatekeeperDeniesNewPods(),
  serviceAccountNotFound(),
  ephemeralStorageLogSpam(),
  statefulSetRequestLargerThanAnyNode(),
  kafkaBrokerDownConsumersReady(),
  scaledToZero(),
  nodeDiskFullImagePull(),
  daemonSetKernelModuleMissing(),
  healthyOldNoiseSlowQueries(),
];
