// Held-out stories, hundred-and-eighth round, part one: written without reading the analysis code.
//
// 1. (config) a Go service whose revision 18 moved its image to a `scratch` base: the CA bundle is
//    gone, every outbound TLS call fails with "x509: failed to load system roots and no roots
//    provided", and the new pods exit at startup fetching their JWKS;
// 2. (containers) a two-replica controller with Lease leader election whose revision 10 cut its CPU
//    limit from 1 to 100m: throttled, the leader misses renewals ("failed to renew lease …: timed
//    out waiting for the condition", "leaderelection lost") and exits, over and over;
// 3. (config) nginx crash-looping with "could not build server_names_hash, you should increase
//    server_names_hash_bucket_size" after a long server_name was added to its ConfigMap (the
//    `rollout restart` that picked it up changed nothing else; the image is unchanged);
// 4. (nodes) a legacy binary linked against glibc 2.12 segfaulting (exit 139) only on the new
//    general-al2023 node pool, whose kernel boots with vsyscall=none; the same revision runs fine
//    on the old pool;
// 5. (storage, my choice) a revision that added `fsGroup` to the pod securityContext: the kubelet
//    recursively chowns a 9-million-file volume on every mount (fsGroupChangePolicy defaults to
//    Always), so the only pod of a Recreate Deployment sits in ContainerCreating for 40 minutes
//    with "timed out waiting for the condition" and VolumePermissionChangeInProgress;
// 6. (jobs, my choice) a CronJob with concurrencyPolicy Forbid whose run of yesterday 07:30 hangs on
//    an SFTP upload without a timeout: every later run is skipped (JobAlreadyActive), no export for
//    20 hours, no failure anywhere;
// 7. (healthy control) a StatefulSet scaled 3 → 4 an hour ago whose new replica waited for the
//    cluster autoscaler's node (old FailedScheduling / TriggeredScaleUp); every replica ready now.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, clfTime, configMap, container, crashLoop, createdPod, cronJob,
  deploymentApp, event, exposed, failedScheduling, httpProbe, nameOf, node, nodeEvent, pyTime, replicaSetOf,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, terminated, volumeOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** klog's header time: `I1121 03:12:41.563000`. */
const klog = (level: string, minutes: number, file: string, msg: string): string => {
  const t = at(minutes);
  return `${level}${t.slice(5, 7)}${t.slice(8, 10)} ${t.slice(11, 23)}000       1 ${file}] ${msg}`;
};

// ---- 1. a scratch base image without the CA bundle --------------------------------------------------

function scratchImageNoCaBundle(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '220']);
  const image = (v: string) => `${ECR}/identity/token-broker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'JWKS_URL', value: 'https://login.acme-auth.com/.well-known/jwks.json' },
        { name: 'UPSTREAM_IDP', value: 'https://login.acme-auth.com' },
        { name: 'REDIS_ADDR', value: 'token-cache.identity.svc.cluster.local:6379' },
        { name: 'GOMEMLIMIT', value: '220MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-broker',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: token-broker 3.6.1', template: tpl('3.6.1') },
      { revision: 18, createdAgo: 31, changeCause: 'argocd: token-broker 3.7.0 (image slimmed: FROM scratch, CGO_ENABLED=0)', template: tpl('3.7.0') },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 9 * DAYS - 1, containers: { app: running({ sinceAgo: 20 * HOURS, restarts: 1, last: { exitCode: 2, finishedAgo: 20 * HOURS, ranSeconds: 7 * DAYS } }) } },
      { revision: 17, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 17, node: names[2] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 18, node: names[1] ?? '', createdAgo: 30.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 1 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cache = bystander(ns, 'session-audit', names, 70, { revisions: [5, 6], versions: ['1.2.0', '1.3.0'], olderAgo: 30 * DAYS });
  const crashRun = (m: number) => lines(
    `{"time":"${at(m)}","level":"INFO","msg":"token-broker starting","version":"3.7.0","commit":"b71e0c4","go":"go1.23.3"}`,
    `{"time":"${at(m)}","level":"INFO","msg":"redis connected","addr":"token-cache.identity.svc.cluster.local:6379"}`,
    `{"time":"${at(m - 0.01)}","level":"ERROR","msg":"fetching signing keys","url":"https://login.acme-auth.com/.well-known/jwks.json","attempt":1,"error":"Get \\"https://login.acme-auth.com/.well-known/jwks.json\\": tls: failed to verify certificate: x509: failed to load system roots and no roots provided"}`,
    `{"time":"${at(m - 0.01)}","level":"ERROR","msg":"fetching signing keys","url":"https://login.acme-auth.com/.well-known/jwks.json","attempt":2,"error":"Get \\"https://login.acme-auth.com/.well-known/jwks.json\\": tls: failed to verify certificate: x509: failed to load system roots and no roots provided"}`,
    `{"time":"${at(m - 0.015)}","level":"ERROR","msg":"fetching signing keys","url":"https://login.acme-auth.com/.well-known/jwks.json","attempt":3,"error":"Get \\"https://login.acme-auth.com/.well-known/jwks.json\\": tls: failed to verify certificate: x509: failed to load system roots and no roots provided"}`,
    `{"time":"${at(m - 0.015)}","level":"ERROR","msg":"startup failed","error":"jwks: initial fetch: Get \\"https://login.acme-auth.com/.well-known/jwks.json\\": tls: failed to verify certificate: x509: failed to load system roots and no roots provided"}`,
  );
  const oldLog = (k: number) => lines(
    `{"time":"${at(3.1 - k * 0.2)}","level":"INFO","msg":"token issued","client_id":"mobile-app","grant":"refresh_token","dur_ms":${21 + k}}`,
    `{"time":"${at(1.4 - k * 0.2)}","level":"INFO","msg":"jwks refreshed","keys":3,"dur_ms":${88 + k * 5}}`,
    `{"time":"${at(0.5 - k * 0.1)}","level":"INFO","msg":"token issued","client_id":"web-spa","grant":"authorization_code","dur_ms":${34 + k}}`,
  );
  return {
    id: 'heldout108-scratch-image-no-ca-bundle',
    class: 'config',
    truth: 'Revision 18 of token-broker (3.7.0, 31 minutes ago) slimmed the image to a `FROM scratch` base with a static Go binary, and the image no longer carries /etc/ssl/certs/ca-certificates.crt: every outbound TLS call fails with "x509: failed to load system roots and no roots provided", so the new pod cannot fetch the IdP\'s JWKS at startup, exits 1 and crash-loops, and the rollout is stuck with the three revision-17 pods serving. Fix: copy the CA bundle into the image (or base it on distroless/static) — or roll back to revision 17 until then.',
    ask: { service: 'token-broker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'token-broker', selector: { app: 'token-broker' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'session-audit', selector: { app: 'session-audit' }, pods: cache.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 31),
      scaledReplicaSet(deploymentOf(cache), rsOf(cache, 6), 2, 0, 70),
      scheduled(fresh, 30.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.7.0')}"`, firstAgo: 30.4, lastAgo: 30.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.7.0')}" in 1.204s (1.204s including waiting). Image size: 9318220 bytes.`, firstAgo: 30.4, lastAgo: 30.4, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.7.0'), { count: 11, firstAgo: 30.3, lastAgo: 2.6 }),
      backOff(fresh, 'app', { count: 131, firstAgo: 30.2, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashRun(2.6) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
      logsFor(podOf(app, 0), 'app', { previous: lines(`{"time":"${at(20 * HOURS + 0.2)}","level":"INFO","msg":"token issued","client_id":"mobile-app","grant":"refresh_token","dur_ms":19}`, 'fatal error: concurrent map writes', '', 'goroutine 4117 [running]:', 'github.com/acme/token-broker/internal/ratelimit.(*Limiter).Allow(...)') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x509|system roots|CA (bundle|certificates?)|ca-certificates|root certificates?/i],
      facts: [/revision 18|3\.7\.0/, /scratch|ca-certificates|CA bundle|roots/i, /exit(ed)? (code )?1\b|crash ?loop/i],
      never: [/(certificate|cert) (has |is )?expired|expired (certificate|cert)/i, /\bOOM/, /concurrent map writes/i],
    },
  };
}

// ---- 2. leader election lost under a 100m CPU limit ---------------------------------------------------

function leaseRenewalCpuThrottled(): CorpusScenario {
  const ns = 'platform-controllers';
  const { nodes, names } = threeEksNodes('10.0.40', ['9', '133', '204']);
  const image = `${ECR}/platform/tenant-operator:2.14.0`;
  const tpl = (cpuLimit: string, cpu: string) => ({
    serviceAccountName: 'tenant-operator',
    containers: [container({
      name: 'manager', image, command: ['/manager'],
      args: ['--leader-elect', '--leader-election-id=tenant-operator.platform.acme.io', '--metrics-bind-address=:8443', '--health-probe-bind-address=:8081', '--max-concurrent-reconciles=8'],
      ports: [{ name: 'metrics', containerPort: 8443 }, { name: 'probes', containerPort: 8081 }],
      cpu, cpuLimit, memory: '512Mi',
      readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 23 * DAYS, changeCause: 'helm upgrade tenant-operator 2.14.0', template: tpl('1', '200m') },
      { revision: 10, createdAgo: 52, changeCause: 'right-sizing: apply Goldilocks recommendation (cpu request 50m, limit 100m)', template: tpl('100m', '50m') },
    ],
    pods: [
      { revision: 10, node: names[0] ?? '', createdAgo: 51.5, containers: { manager: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 236 }, 7) } },
      { revision: 10, node: names[2] ?? '', createdAgo: 50.5, containers: { manager: running({ sinceAgo: 1.7, restarts: 6, last: { exitCode: 1, finishedAgo: 6.7, ranSeconds: 212 } }) } },
    ],
    settled: { available: false, availableSince: 1.9, progressingSince: 52, progressingUpdatedAgo: 50 },
  });
  const [a, b] = [podOf(app, 0), podOf(app, 1)];
  const lease = `${ns}/tenant-operator.platform.acme.io`;
  const leaseUrl = `https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/tenant-operator.platform.acme.io`;
  const run = (start: number, end: number, who: string) => lines(
    klog('I', start, 'main.go:118', `"starting tenant-operator" version="2.14.0" gitCommit="4c9e2a1"`),
    klog('I', start - 0.05, 'server.go:83', `"starting server" name="health probe" addr="[::]:8081"`),
    klog('I', start - 0.06, 'leaderelection.go:257', `attempting to acquire leader lease ${lease}...`),
    klog('I', start - 0.5, 'leaderelection.go:271', `successfully acquired lease ${lease}`),
    klog('I', start - 0.52, 'recorder.go:104', `"${who}_8b0f2 became leader" logger="events" type="Normal" object={"kind":"Lease","namespace":"${ns}","name":"tenant-operator.platform.acme.io"} reason="LeaderElection"`),
    klog('I', start - 0.6, 'controller.go:178', `"Starting EventSource" controller="tenant" source="kind source: *v1alpha1.Tenant"`),
    klog('I', start - 1.4, 'request.go:700', `Waited for 1.189s due to client-side throttling, not priority and fairness, request: GET:https://172.20.0.1:443/api/v1/namespaces?labelSelector=tenant.acme.io%2Fmanaged%3Dtrue`),
    klog('I', start - 1.9, 'controller.go:255', `"Starting workers" controller="tenant" worker count=8`),
    klog('E', end + 0.35, 'leaderelection.go:436', `error retrieving resource lock ${lease}: Get "${leaseUrl}": context deadline exceeded`),
    klog('E', end + 0.2, 'leaderelection.go:429', `Failed to update lock optimitically: Put "${leaseUrl}": context deadline exceeded (Client.Timeout exceeded while awaiting headers), falling back to slow path`),
    klog('I', end + 0.01, 'leaderelection.go:297', `failed to renew lease ${lease}: timed out waiting for the condition`),
    klog('E', end, 'main.go:161', `"problem running manager" err="leader election lost"`),
    klog('F', end, 'main.go:162', 'leaderelection lost'),
  );
  const noisy = bystander(ns, 'quota-webhook', names, 6 * HOURS, { revisions: [3, 4], versions: ['0.9.2', '0.9.3'], olderAgo: 40 * DAYS });
  return {
    id: 'heldout108-lease-renewal-cpu-throttled',
    class: 'containers',
    truth: 'Revision 10 of tenant-operator (52 minutes ago, a right-sizing change) cut the manager\'s CPU limit from 1 to 100m. Under CFS throttling the leader cannot renew its Lease within the renew deadline ("failed to renew lease …: timed out waiting for the condition"), logs "leaderelection lost" and exits 1; the standby takes over and the same happens, so both replicas have restarted 6–7 times and reconciles keep stopping. Fix: restore the CPU limit (or drop it) — the client-side throttling lines are noise.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...noisy.objects,
      service({ namespace: ns, name: 'tenant-operator-metrics', selector: { app: 'tenant-operator' }, ports: [{ name: 'https', port: 8443, targetPort: 'metrics' }] }),
      ...exposed({ namespace: ns, name: 'quota-webhook', selector: { app: 'quota-webhook' }, pods: noisy.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 10), 2, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 0, 2, 50),
      ...restartedAgain(a, 'manager', image, { count: 8, firstAgo: 51.4, lastAgo: 5.9 }),
      backOff(a, 'manager', { count: 22, firstAgo: 40, lastAgo: 0.4 }),
      ...restartedAgain(b, 'manager', image, { count: 7, firstAgo: 50.4, lastAgo: 1.7 }),
      backOff(b, 'manager', { count: 15, firstAgo: 36, lastAgo: 2 }),
      event({ on: { kind: 'Lease', name: 'tenant-operator.platform.acme.io', namespace: ns }, type: 'Normal', reason: 'LeaderElection', message: `${nameOf(b)}_8b0f2 became leader`, count: 7, firstAgo: 50, lastAgo: 1.6, component: 'tenant-operator' }),
      event({ on: { kind: 'Lease', name: 'tenant-operator.platform.acme.io', namespace: ns }, type: 'Normal', reason: 'LeaderElection', message: `${nameOf(a)}_8b0f2 became leader`, count: 7, firstAgo: 51, lastAgo: 5.4, component: 'tenant-operator' }),
    ],
    logs: [
      logsFor(a, 'manager', { previous: run(5.9, 1.9, nameOf(a)) }),
      logsFor(b, 'manager', {
        previous: run(10.2, 6.7, nameOf(b)),
        current: lines(
          klog('I', 1.7, 'main.go:118', `"starting tenant-operator" version="2.14.0" gitCommit="4c9e2a1"`),
          klog('I', 1.69, 'leaderelection.go:257', `attempting to acquire leader lease ${lease}...`),
          klog('I', 1.6, 'leaderelection.go:271', `successfully acquired lease ${lease}`),
          klog('I', 0.5, 'tenant_controller.go:212', `"Reconciling" controller="tenant" namespace="" name="t-4812"`),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lease|leader/i, /cpu|throttl|100m/i],
      facts: [/100m/, /revision 10/, /leaderelection lost|leader election lost|failed to renew lease/i],
      never: [/\bOOM/, /liveness probe (failed|kill)|killed by (the )?liveness/i, /RBAC|forbidden|permission/i],
    },
  };
}

// ---- 3. nginx: server_names_hash after a long server_name in its ConfigMap ---------------------------

function nginxServerNamesHash(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.12', ['7', '118', '230']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (annotations?: Record<string, string>) => ({
    ...(annotations === undefined ? {} : { annotations }),
    containers: [container({
      name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi',
      readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
    })],
    volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'edge-proxy',
    replicas: 4,
    revisions: [
      { revision: 5, createdAgo: 20 * DAYS, changeCause: 'helm upgrade edge-proxy 0.8.3', template: tpl() },
      { revision: 6, createdAgo: 17, template: tpl({ 'kubectl.kubernetes.io/restartedAt': at(17) }) },
    ],
    pods: [
      { revision: 5, node: names[0] ?? '', createdAgo: 20 * DAYS - 1 },
      { revision: 5, node: names[1] ?? '', createdAgo: 20 * DAYS - 2 },
      { revision: 5, node: names[2] ?? '', createdAgo: 20 * DAYS - 3 },
      { revision: 6, node: names[2] ?? '', createdAgo: 16.9, containers: { nginx: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 0 }, 8) } },
      { revision: 6, node: names[0] ?? '', createdAgo: 16.9, containers: { nginx: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 0 }, 8) } },
    ],
  });
  const longName = 'checkout-preview-blue.eu-west-1.internal-staging-gateway.retail-platform.acme-commerce.com';
  const conf = [
    'map $http_upgrade $connection_upgrade { default upgrade; \'\' close; }',
    '',
    'server {',
    '  listen 8080 default_server;',
    '  location = /nginx-health { access_log off; return 200 "ok\\n"; }',
    '}',
    '',
    'server {',
    '  listen 8080;',
    '  server_name shop.acme-commerce.com www.acme-commerce.com;',
    '  location / { proxy_pass http://storefront.web.svc.cluster.local; }',
    '}',
    '',
    'server {',
    '  listen 8080;',
    '  server_name api.acme-commerce.com;',
    '  location / { proxy_pass http://api-gateway.web.svc.cluster.local; }',
    '}',
    '',
    'server {',
    '  listen 8080;',
    `  server_name ${longName};`,
    '  location / { proxy_pass http://checkout-preview.web.svc.cluster.local; proxy_set_header Host $host; }',
    '}',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'edge-proxy-conf', createdAgo: 200 * DAYS, updatedAgo: 19, data: { 'default.conf': conf } });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const storefront = bystander(ns, 'storefront', names, 4 * HOURS, { revisions: [41, 42], versions: ['5.2.0', '5.3.0'], olderAgo: 6 * DAYS });
  const crash = (m: number) => lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngxTime(m)} [emerg] 1#1: could not build server_names_hash, you should increase server_names_hash_bucket_size: 64`,
  );
  const access = (k: number) => lines(
    `10.0.12.${40 + k} - - [${clfTime(1.2)}] "GET /api/v1/cart HTTP/1.1" 200 512 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" "203.0.113.${10 + k}"`,
    `${ngxTime(0.9)} [warn] 2${k}#2${k}: *88123 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/3/41/0000004413 while reading upstream, client: 10.0.12.${40 + k}, server: shop.acme-commerce.com, request: "GET /assets/catalog.json HTTP/1.1"`,
  );
  return {
    id: 'heldout108-nginx-server-names-hash-bucket',
    class: 'config',
    truth: 'Someone added a server block with an 87-character server_name (checkout-preview-blue…acme-commerce.com) to the edge-proxy-conf ConfigMap 19 minutes ago and ran `kubectl rollout restart`. nginx cannot fit that name in the default 64-byte server_names_hash bucket: every new pod exits 1 at startup with "[emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64" and crash-loops, while the three old pods keep serving with the config they loaded 20 days ago. Revision 6 only added the restartedAt annotation and the image is unchanged, so a rollback would not help. Fix: set server_names_hash_bucket_size 128 in the http context (or shorten the name).',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...storefront.objects, cm,
      ...exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, pods: app.pods, type: 'LoadBalancer' }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 1, 0, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 5), 3, 4, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 2, 1, 17),
      ...fresh.flatMap((p, i) => [
        scheduled(p, 16.9),
        ...restartedAgain(p, 'nginx', image, { count: 9, firstAgo: 16.8, lastAgo: i === 0 ? 1.8 : 2.1 }),
        backOff(p, 'nginx', { count: 74 - i * 3, firstAgo: 16.7, lastAgo: 0.2 + i * 0.1 }),
      ]),
    ],
    logs: [
      logsFor(fresh[0], 'nginx', { previous: crash(1.8) }),
      logsFor(fresh[1], 'nginx', { previous: crash(2.1) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'nginx', { current: access(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/server_names_hash/i],
      facts: [/edge-proxy-conf/, /server_names_hash_bucket_size/, /ConfigMap/i],
      never: [ADVISES_ROLLBACK, /image (tag )?(was )?(changed|bumped|broken)|bad image/i, /\bOOM/],
    },
  };
}

// ---- 4. glibc 2.12 binary segfaulting on a vsyscall=none node pool ------------------------------------

function vsyscallNoneNodePool(): CorpusScenario {
  const ns = 'underwriting';
  const oldPool = ['10.0.55.21', '10.0.55.140', '10.0.55.203'].map((ip, i) => node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general', createdAgo: 140 * DAYS, ...(i === 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(48) }] } : {}) }));
  const newPool = ['10.0.57.33', '10.0.57.162'].map((ip, i) => node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general-al2023', instanceType: 'm7i.xlarge', createdAgo: 3 * HOURS + i * 4, labels: { 'acme.io/ami-profile': 'cis-hardened-2026.11' } }));
  for (const n of oldPool) if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kernelVersion: '5.10.228-219.884.amzn2.x86_64', osImage: 'Amazon Linux 2', kubeletVersion: 'v1.31.2-eks-7f9249a', kubeProxyVersion: 'v1.31.2-eks-7f9249a' });
  for (const n of newPool) {
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kernelVersion: '6.1.115-126.197.amzn2023.x86_64', osImage: 'Amazon Linux 2023.6.20241121' });
    n.metadata = { ...n.metadata, annotations: { ...n.metadata?.annotations, 'acme.io/kernel-cmdline-extra': 'vsyscall=none slab_nomerge init_on_alloc=1 page_alloc.shuffle=1 randomize_kstack_offset=on' } };
  }
  const [o0, o1, o2] = oldPool.map(nameOf);
  const [n0, n1] = newPool.map(nameOf);
  const image = (v: string) => `${ECR}/underwriting/rating-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['/opt/rating/bin/start.sh'], ports: [9000], cpu: '1', memory: '2Gi',
      env: [{ name: 'RATING_HOME', value: '/opt/rating' }, { name: 'RATING_TABLES', value: v === '7.4.2' ? '/opt/rating/tables/2026Q4' : '/opt/rating/tables/2026Q3' }],
      readiness: tcpProbe(9000, { periodSeconds: 10 }), liveness: tcpProbe(9000, { initialDelaySeconds: 20, periodSeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'rating-engine',
    replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 90 * DAYS, changeCause: 'rating-engine 7.4.1', template: tpl('7.4.1') },
      { revision: 22, createdAgo: 41 * DAYS, changeCause: 'rating-engine 7.4.2 (2026Q4 tables)', template: tpl('7.4.2') },
    ],
    pods: [
      { revision: 22, node: o0 ?? '', createdAgo: 41 * DAYS },
      { revision: 22, node: o1 ?? '', createdAgo: 41 * DAYS - 1 },
      { revision: 22, node: n0 ?? '', createdAgo: 47.5, containers: { app: crashLoop({ exitCode: 139, finishedAgo: 2.4, ranSeconds: 0 }, 14) } },
      { revision: 22, node: n1 ?? '', createdAgo: 47.4, containers: { app: crashLoop({ exitCode: 139, finishedAgo: 4.1, ranSeconds: 0 }, 13) } },
    ],
    settled: { available: false, availableSince: 47, progressingSince: 41 * DAYS, progressingUpdatedAgo: 41 * DAYS - 2 },
  });
  const bad = [podOf(app, 2), podOf(app, 3)];
  const other = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 2,
    revisions: [{ revision: 63, createdAgo: 4 * DAYS, changeCause: 'argocd: quote-api 12.8.0', template: { containers: [container({ image: `${ECR}/underwriting/quote-api:12.8.0`, ports: [8080] })] } }],
    pods: [{ revision: 63, node: n0 ?? '', createdAgo: 47.6 }, { revision: 63, node: o1 ?? '', createdAgo: 4 * DAYS }],
  });
  const crashLog = (m: number) => lines(
    `[${at(m).slice(0, 19)}] start.sh: rating-engine 7.4.2 (build 2014-03-11, el6 x86_64)`,
    `[${at(m).slice(0, 19)}] start.sh: RATING_HOME=/opt/rating tables=/opt/rating/tables/2026Q4 port=9000`,
    `/opt/rating/bin/start.sh: line 38:     7 Segmentation fault      (core dumped) "$RATING_HOME/bin/ratingd" --port 9000 --tables "$RATING_TABLES"`,
  );
  return {
    id: 'heldout108-legacy-glibc-vsyscall-none-pool',
    class: 'nodes',
    truth: 'rating-engine\'s ratingd is a 2014 binary linked against glibc 2.12, which still calls time()/gettimeofday() through the legacy vsyscall page. The new general-al2023 node pool (CIS-hardened AMI, added 3 hours ago) boots its kernel with vsyscall=none, so on those nodes the process dies with SIGSEGV on its first call: the two pods rescheduled there when the old node was cordoned and drained 48 minutes ago exit 139 and crash-loop, while the same revision 22 runs fine on the two pods left on the old general pool (Amazon Linux 2). Fix: keep the workload on the old pool (nodeSelector) or boot the new pool with vsyscall=xonly/emulate, and rebuild the binary against a modern glibc.',
    ask: { service: 'rating-engine', namespace: ns },
    objects: [
      ...oldPool, ...newPool, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rating-engine', selector: { app: 'rating-engine' }, pods: app.pods, ports: [{ name: 'http', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: other.pods }),
      nodeEvent(o2 ?? '', 'NodeNotSchedulable', `Node ${o2 ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 48 }),
      nodeEvent(n1 ?? '', 'RegisteredNode', `Node ${n1 ?? ''} event: Registered Node ${n1 ?? ''} in Controller`, { firstAgo: 3 * HOURS + 4, component: 'node-controller' }),
      ...bad.map((p, i) => createdPod(replicaSetOf(app, 22), p, 47.5 - i * 0.1)),
      ...bad.flatMap((p, i) => [
        scheduled(p, 47.5 - i * 0.1),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('7.4.2')}"`, firstAgo: 47.4 - i * 0.1, lastAgo: 47.4 - i * 0.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('7.4.2')}" in 14.882s (14.882s including waiting). Image size: 612044318 bytes.`, firstAgo: 47.1 - i * 0.1, lastAgo: 47.1 - i * 0.1, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image('7.4.2'), { count: 15 - i, firstAgo: 47 - i * 0.1, lastAgo: i === 0 ? 2.4 : 4.1 }),
        backOff(p, 'app', { count: 208 - i * 9, firstAgo: 46.9, lastAgo: 0.3 + i * 0.2 }),
      ]),
    ],
    logs: [
      logsFor(bad[0], 'app', { previous: crashLog(2.4) }),
      logsFor(bad[1], 'app', { previous: crashLog(4.1) }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`[${at(3 - k).slice(0, 19)}] ratingd: rated quote Q-88${k}1273 product=HOME-STD premium=812.40 in 41ms`, `[${at(0.6).slice(0, 19)}] ratingd: rated quote Q-88${k}1301 product=MOTOR-PLUS premium=1290.05 in 38ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/139|SIGSEGV|segfault|segmentation/i, /general-al2023|al2023|vsyscall|node ?(pool|group)|kernel/i],
      facts: [/general-al2023/, /vsyscall|glibc|kernel/i, /general\b(?!-)|Amazon Linux 2\b|old (node )?pool|other nodes|runs? fine/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness probe (failed|kill)|killed by (the )?liveness/i],
    },
  };
}

// ---- 5. fsGroup added: recursive chown of a 9-million-file volume ------------------------------------

function fsGroupRecursiveChown(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '150', '227']);
  for (const n of nodes) if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.33.5-eks-3025e55', kubeProxyVersion: 'v1.33.5-eks-3025e55' });
  const image = (v: string) => `${ECR}/media/asset-store:${v}`;
  const tpl = (v: string, hardened: boolean) => ({
    ...(hardened ? { securityContext: { runAsUser: 10001, runAsGroup: 10001, runAsNonRoot: true, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } } } : {}),
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'ASSET_ROOT', value: '/data/assets' }, { name: 'THUMB_CACHE', value: '/data/thumbs' }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'asset-store-data' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'asset-store',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 12, createdAgo: 33 * DAYS, changeCause: 'argocd: asset-store 4.2.0', template: tpl('4.2.0', false) },
      { revision: 13, createdAgo: 43, changeCause: 'argocd: asset-store 4.2.1 (security: run as non-root, PSS restricted)', template: tpl('4.2.1', true) },
    ],
    pods: [{ revision: 13, node: names[1] ?? '', createdAgo: 42.5, containers: { app: waiting('ContainerCreating') } }],
  });
  const p = podOf(app, 0);
  const vol = volumeOf(ns, 'asset-store-data');
  const [claim, volume] = boundClaim({ namespace: ns, name: 'asset-store-data', storage: '1500Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const mountPath = `/var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/${vol}/mount`;
  const other = bystander(ns, 'transcoder', names, 26 * HOURS, { revisions: [18, 19], versions: ['2.0.4', '2.1.0'], olderAgo: 12 * DAYS });
  const progress = [38.5, 32.5, 26.5, 20.5, 14.5, 8.5, 2.5].map((m, i) =>
    event({ on: p, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${mountPath}, processed ${(1_188_402 * (i + 1) + 37 * i).toString()} files.`, firstAgo: m, lastAgo: m }),
  );
  return {
    id: 'heldout108-fsgroup-recursive-chown-slow-mount',
    class: 'storage',
    truth: 'Revision 13 of asset-store (43 minutes ago, "run as non-root") added fsGroup 10001 to the pod securityContext without fsGroupChangePolicy: OnRootMismatch, so on mount the kubelet recursively chowns the 1.5 TiB asset-store-data volume (about 9 million files) before starting the container. The volume attached fine, but the only pod (Recreate strategy, so the old one is gone) has sat in ContainerCreating for 42 minutes with "timed out waiting for the condition" and VolumePermissionChangeInProgress events, and the service has no endpoints. Fix: set fsGroupChangePolicy: OnRootMismatch (or chown the volume once offline).',
    ask: { service: 'asset-store', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, claim, volume,
      ...exposed({ namespace: ns, name: 'asset-store', selector: { app: 'asset-store' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'transcoder', selector: { app: 'transcoder' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 0, 1, 43),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 42.6),
      scheduled(p, 42.5),
      event({ on: p, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}"`, firstAgo: 41.9, lastAgo: 41.9, component: 'attachdetach-controller' }),
      event({ on: p, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${mountPath} is taking longer than expected, consider using OnRootMismatch - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods`, firstAgo: 40.5, lastAgo: 40.5 }),
      ...progress,
      event({ on: p, reason: 'FailedMount', message: `Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`, count: 19, firstAgo: 40.4, lastAgo: 0.4 }),
    ],
    logs: [
      ...other.pods.map((q) => logsFor(q, 'app', { current: lines(`${pyTime(2)} INFO transcoder.worker job=tx-77120 preset=h264-720p done in 41.2s`, `${pyTime(0.7)} INFO transcoder.worker job=tx-77124 preset=webp-thumbs done in 3.9s`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|ownership|OnRootMismatch|chown|permission change/i],
      facts: [/asset-store-data|pvc-/, /revision 13/, /OnRootMismatch|fsGroupChangePolicy/],
      never: [/Multi-Attach/i, /unschedul|Insufficient/i, /\bquota/i],
    },
  };
}

// ---- 6. CronJob Forbid behind a run hung on an SFTP upload --------------------------------------------

function cronForbidHungRun(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.130', ['5', '99', '241']);
  const image = `${ECR}/billing/invoice-export:1.9.4`;
  const hungAgo = 19 * HOURS + 44; // 2026-11-20 07:30
  const runOk = (createdAgo: number) => ({
    createdAgo,
    pods: [{ node: names[createdAgo % 3] ?? '', createdAgo, phase: 'Succeeded' as const, containers: { export: terminated({ exitCode: 0, finishedAgo: createdAgo - 2.4, ranSeconds: 141 }) } }],
    outcome: { complete: true as const, ago: createdAgo - 2.5 },
  });
  const cron = cronJob({
    namespace: ns,
    name: 'invoice-export',
    schedule: '0,30 * * * *',
    template: {
      containers: [batchContainer({
        name: 'export', image, command: ['python', '-m', 'invoice_export'], cpu: '250m', memory: '512Mi',
        env: [{ name: 'SFTP_HOST', value: 'sftp.partner-bank.example' }, { name: 'SFTP_DIR', value: '/inbound/acme' }, { name: 'EXPORT_WINDOW', value: '30m' }],
      })],
    },
    backoffLimit: 2,
    jobs: [
      runOk(hungAgo + 90), runOk(hungAgo + 60), runOk(hungAgo + 30),
      { createdAgo: hungAgo, pods: [{ node: names[2] ?? '', createdAgo: hungAgo, containers: { export: running({ sinceAgo: hungAgo - 0.1 }) } }] },
    ],
    lastSuccessfulAgo: hungAgo + 27.5,
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const hung = cron.jobs[3];
  const hungPod = hung?.pods[0];
  const hungName = nameOf(hung?.objects[0]);
  const api = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: billing-api 9.1.0', template: { containers: [container({ image: `${ECR}/billing/billing-api:9.1.0`, ports: [8080] })] } }],
    pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 2 * DAYS }, { revision: 88, node: names[1] ?? '', createdAgo: 2 * DAYS }],
  });
  const log = lines(
    `${pyTime(hungAgo - 0.05)} INFO invoice_export: run started window=2026-11-20T07:00:00Z..2026-11-20T07:30:00Z`,
    `${pyTime(hungAgo - 0.3)} INFO invoice_export.db: 18412 invoices selected (status=FINAL, exported_at IS NULL)`,
    `${pyTime(hungAgo - 0.9)} INFO invoice_export.render: wrote /tmp/invoices-20261120T0730.csv.gz (48.2 MB)`,
    `${pyTime(hungAgo - 0.95)} INFO paramiko.transport: Connected (version 2.0, client OpenSSH_8.4p1)`,
    `${pyTime(hungAgo - 0.96)} INFO paramiko.transport: Authentication (publickey) successful!`,
    `${pyTime(hungAgo - 0.97)} INFO paramiko.transport.sftp: [chan 0] Opened sftp connection (server version 3)`,
    `${pyTime(hungAgo - 0.98)} INFO invoice_export.upload: uploading invoices-20261120T0730.csv.gz to sftp.partner-bank.example:/inbound/acme`,
  );
  return {
    id: 'heldout108-cronjob-forbid-hung-run',
    class: 'jobs',
    truth: 'The invoice-export run of yesterday 07:30 has hung for almost 20 hours in its SFTP upload to sftp.partner-bank.example (paramiko with no timeout after the partner\'s connection stalled; the pod is still Running with no log since). The CronJob uses concurrencyPolicy Forbid and the Job has no activeDeadlineSeconds, so every later run (39 of them) was skipped with JobAlreadyActive: no invoice export since 07:00 yesterday, and nothing failed. Fix: delete the hung Job so the next run starts, and add activeDeadlineSeconds and a socket timeout to the upload.',
    ask: { service: 'invoice-export', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      event({ on: cronObj, type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid', count: 39, firstAgo: hungAgo - 30, lastAgo: 14, component: 'cronjob-controller' }),
    ],
    logs: [
      ...(hungPod === undefined ? [] : [logsFor(hungPod, 'export', { current: log })]),
      ...api.pods.map((q) => logsFor(q, 'app', { current: lines(`{"ts":"${at(1.1)}","level":"info","msg":"GET /v1/invoices?customer=C-20931","status":200,"ms":23}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [new RegExp(`${hungName}|Forbid|still (running|active)|hung|stuck|JobAlreadyActive|skipp`, 'i')],
      facts: [/JobAlreadyActive|Forbid/, lit(hungName), /activeDeadlineSeconds|deadline|timeout|20 ?h|19 ?h|hours/i],
      never: [/BackoffLimitExceeded|backoff limit/i, /\bOOM/, /cron ?job (is )?suspended/i],
    },
  };
}

// ---- 7. healthy control: StatefulSet scale-up that waited for the cluster autoscaler ------------------

function statefulSetScaleUpWaitedForNode(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.61', ['12', '109', '233']);
  const added = node({ name: eksNodeName('10.0.62.77'), zone: 'eu-west-1b', createdAgo: 53 });
  if (added.status?.conditions) for (const c of added.status.conditions) c.lastTransitionTime = ago(52.5);
  const image = 'docker.io/bitnami/redis:7.4.1-debian-12-r2';
  const tpl = {
    containers: [container({
      name: 'redis', image, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '6Gi',
      readiness: { exec: { command: ['sh', '-c', 'redis-cli -h localhost ping | grep PONG'] }, periodSeconds: 5, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 5 },
      liveness: tcpProbe('redis', { initialDelaySeconds: 20, periodSeconds: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'session-store',
    replicas: 4,
    serviceName: 'session-store-headless',
    revisions: [{ revision: 3, createdAgo: 26 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 26 * DAYS },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 26 * DAYS - 2 },
      { revision: 3, ordinal: 2, node: names[2] ?? '', createdAgo: 26 * DAYS - 4 },
      { revision: 3, ordinal: 3, node: nameOf(added), createdAgo: 58.6, containers: { redis: running({ sinceAgo: 50.8 }) } },
    ],
  });
  const claims = [0, 1, 2, 3].flatMap((i) => boundClaim({ namespace: ns, name: `data-session-store-${i}`, storage: '50Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1b'][i] ?? 'eu-west-1a', createdAgo: i === 3 ? 58.6 : 120 * DAYS, labels: { app: 'session-store' } }));
  const p3 = podOf(sts, 3);
  const stsRef = { kind: 'StatefulSet', name: 'session-store', namespace: ns };
  const pods = sts.pods;
  return {
    id: 'heldout108-statefulset-scaleup-waited-for-node',
    class: 'healthy',
    truth: 'session-store was scaled from 3 to 4 replicas 59 minutes ago; session-store-3 (6Gi of memory) fit on no node, so it stayed Pending for about seven minutes until the cluster autoscaler added a node to the general group, then scheduled, bound its new claim and became ready 50 minutes ago. All four replicas are ready and nothing needs doing; the FailedScheduling events are history.',
    ask: { service: 'session-store', namespace: ns },
    objects: [
      ...nodes, added, ...sts.objects, ...claims,
      ...exposed({ namespace: ns, name: 'session-store-headless', selector: { app: 'session-store' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-store', selector: { app: 'session-store' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods, endpointPort: 6379 }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-session-store-3 Pod session-store-3 in StatefulSet session-store success`, firstAgo: 58.6, lastAgo: 58.6, component: 'statefulset-controller' }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod session-store-3 in StatefulSet session-store successful`, firstAgo: 58.6, lastAgo: 58.6, component: 'statefulset-controller' }),
      failedScheduling(p3, '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 4, firstAgo: 58.5, lastAgo: 53.2 }),
      event({ on: p3, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: [{eks-general-20260901-4ec8b1a2-9d7e-3f10-a5c4-1b2e6f7d8c90 3->4 (max: 8)}]`, firstAgo: 58.2, lastAgo: 58.2, component: 'cluster-autoscaler' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-session-store-3', namespace: ns }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 9, firstAgo: 58.6, lastAgo: 52.4, component: 'persistentvolume-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-session-store-3', namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volumeOf(ns, 'data-session-store-3')}`, firstAgo: 52.2, lastAgo: 52.2, component: 'ebs.csi.aws.com_ebs-csi-controller-6f9c7b8d4-kq2vx_1c6f0e2a-8d3b-4a51-9f7e-2b0c4d6e8a13' }),
      nodeEvent(nameOf(added), 'RegisteredNode', `Node ${nameOf(added)} event: Registered Node ${nameOf(added)} in Controller`, { firstAgo: 53, component: 'node-controller' }),
      nodeEvent(nameOf(added), 'NodeReady', `Node ${nameOf(added)} status is now: NodeReady`, { firstAgo: 52.5 }),
      event({ on: p3, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/session-store-3 to ${nameOf(added)}`, firstAgo: 52.4, lastAgo: 52.4, component: 'default-scheduler' }),
      event({ on: p3, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-session-store-3')}"`, firstAgo: 51.95, lastAgo: 51.95, component: 'attachdetach-controller' }),
      event({ on: p3, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 51.8, lastAgo: 51.8, fieldPath: 'spec.containers{redis}' }),
      event({ on: p3, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.311s (6.311s including waiting). Image size: 45872113 bytes.`, firstAgo: 51.7, lastAgo: 51.7, fieldPath: 'spec.containers{redis}' }),
      event({ on: p3, type: 'Normal', reason: 'Created', message: 'Created container redis', firstAgo: 51.7, lastAgo: 51.7, fieldPath: 'spec.containers{redis}' }),
      event({ on: p3, type: 'Normal', reason: 'Started', message: 'Started container redis', firstAgo: 51.6, lastAgo: 51.6, fieldPath: 'spec.containers{redis}' }),
      event({ on: p3, reason: 'Unhealthy', message: 'Readiness probe failed: Could not connect to Redis at localhost:6379: Connection refused', count: 2, firstAgo: 51.5, lastAgo: 51.4, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: [
      logsFor(p3, 'redis', {
        current: lines(
          `1:C ${redisTime(51.6)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${redisTime(51.6)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
          `1:M ${redisTime(51.55)} * Running mode=standalone, port=6379.`,
          `1:M ${redisTime(51.55)} * Server initialized`,
          `1:M ${redisTime(51.5)} * Ready to accept connections tcp`,
          `1:M ${redisTime(11.5)} * 10000 changes in 60 seconds. Saving...`,
          `1:M ${redisTime(11.5)} * Background saving started by pid 214`,
          `214:C ${redisTime(11.45)} * DB saved on disk`,
          `1:M ${redisTime(11.4)} * Background saving terminated with success`,
        ),
      }),
      ...[0, 1, 2].map((k) => logsFor(podOf(sts, k), 'redis', { current: lines(`1:M ${redisTime(6 + k)} * 10000 changes in 60 seconds. Saving...`, `1:M ${redisTime(5.9 + k)} * Background saving terminated with success`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|running|no (problems|issues)|4\/4/i],
      facts: [/session-store/],
      never: [/\bOOM/, /crash ?loop/i, /Insufficient memory[^\n]*(now|still|currently)|still pending|cannot be scheduled/i],
    },
  };
}

/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = new Date(at(minutes));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${at(minutes).slice(11, 23)}`;
}

export const PART_ONE: CorpusScenario[] = [
  scratchImageNoCaBundle(),
  leaseRenewalCpuThrottled(),
  nginxServerNamesHash(),
  vsyscallNoneNodePool(),
  fsGroupRecursiveChown(),
  cronForbidHungRun(),
  statefulSetScaleUpWaitedForNode(),
];
