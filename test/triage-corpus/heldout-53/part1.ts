// Held-out stories, fifty-third round, part one: a GKE node pool added with its own pod range
// (10.66.0.0/21) that overlaps the on-prem database subnet reached over Cloud VPN, so only the
// pods on the new pool time out to the database; an ASP.NET Core portal scaled from 1 to 3
// replicas whose Data Protection key ring lives in each container, so antiforgery tokens and auth
// cookies issued by one pod cannot be decrypted by another; an image bump that built hnswlib from
// source with -march=native on an AVX-512 CI runner, so the service dies with SIGILL (exit 132)
// only on the older m5a nodes; a Node.js service moved to an Alpine base while its node_modules
// (sharp's glibc binaries) were installed on Debian; a base-image bump from ODBC Driver 17 to 18,
// which encrypts and verifies by default, against a SQL Server with a self-signed certificate; a
// shared Redis with allkeys-lru that evicts session keys since a new feature cache filled it; and
// a healthy control: Elasticsearch search slowlog WARN lines and a cluster that went yellow and
// back to green after a node replacement hours ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, createdPod, crashLoop, deploymentApp, event, execProbe,
  exposed, httpProbe, nameOf, networkPolicy, node, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. a new GKE node pool whose pod range overlaps the on-prem database subnet ----------------

/** A GKE node: the kit's node relabelled the way GKE labels it, with the podCIDR the pool's range gave it. */
function gkeNode(o: { name: string; pool: string; zone: string; machine: string; podCIDR: string; internalIP: string; createdAgo: number }): k8s.V1Node {
  const n = node({ name: o.name, zone: o.zone, instanceType: o.machine, createdAgo: o.createdAgo });
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': o.machine,
    'beta.kubernetes.io/os': 'linux',
    'cloud.google.com/gke-boot-disk': 'pd-balanced',
    'cloud.google.com/gke-container-runtime': 'containerd',
    'cloud.google.com/gke-nodepool': o.pool,
    'cloud.google.com/gke-os-distribution': 'cos',
    'cloud.google.com/machine-family': o.machine.split('-')[0] ?? 'e2',
    'cloud.google.com/private-node': 'true',
    'failure-domain.beta.kubernetes.io/region': 'europe-west1',
    'failure-domain.beta.kubernetes.io/zone': o.zone,
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': o.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': o.machine,
    'topology.gke.io/zone': o.zone,
    'topology.kubernetes.io/region': 'europe-west1',
    'topology.kubernetes.io/zone': o.zone,
  };
  n.metadata = { ...n.metadata, labels, annotations: { 'container.googleapis.com/instance_id': String(4_100_000_000_000_000 + o.name.length * 7919), 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } };
  n.spec = { ...n.spec, podCIDR: o.podCIDR, podCIDRs: [o.podCIDR], providerID: `gce://acme-prod-eu/${o.zone}/${o.name}` };
  if (n.status) {
    n.status.addresses = [{ type: 'InternalIP', address: o.internalIP }, { type: 'Hostname', address: o.name }];
    if (n.status.nodeInfo) {
      n.status.nodeInfo = { ...n.status.nodeInfo, kernelVersion: '6.1.100+', osImage: 'Container-Optimized OS from Google', containerRuntimeVersion: 'containerd://1.7.22', kubeletVersion: 'v1.31.2-gke.1115000', kubeProxyVersion: 'v1.31.2-gke.1115000' };
    }
  }
  return n;
}

/** Gives a pod the address the CNI would give it on its node (the kit derives one from the name). */
function placePod(p: k8s.V1Pod, podIP: string, hostIP: string): void {
  if (p.status === undefined) return;
  p.status.podIP = podIP;
  p.status.podIPs = [{ ip: podIP }];
  p.status.hostIP = hostIP;
  p.status.hostIPs = [{ ip: hostIP }];
}

function podCidrOverlapsOnPremDb(): CorpusScenario {
  const ns = 'billing';
  const old = [
    gkeNode({ name: 'gke-prod-euw1-default-pool-7c1e9a42-2hkd', pool: 'default-pool', zone: 'europe-west1-b', machine: 'e2-standard-8', podCIDR: '10.48.0.0/24', internalIP: '10.132.0.14', createdAgo: 61 * DAYS }),
    gkeNode({ name: 'gke-prod-euw1-default-pool-7c1e9a42-9qzt', pool: 'default-pool', zone: 'europe-west1-c', machine: 'e2-standard-8', podCIDR: '10.48.1.0/24', internalIP: '10.132.0.15', createdAgo: 61 * DAYS }),
    gkeNode({ name: 'gke-prod-euw1-default-pool-7c1e9a42-xv4m', pool: 'default-pool', zone: 'europe-west1-d', machine: 'e2-standard-8', podCIDR: '10.48.3.0/24', internalIP: '10.132.0.19', createdAgo: 23 * DAYS }),
  ];
  const fresh = [
    gkeNode({ name: 'gke-prod-euw1-highmem-pool-3b8f0d15-5mrn', pool: 'highmem-pool', zone: 'europe-west1-b', machine: 'n2-highmem-8', podCIDR: '10.66.0.0/24', internalIP: '10.132.0.41', createdAgo: 4 * HOURS + 6 }),
    gkeNode({ name: 'gke-prod-euw1-highmem-pool-3b8f0d15-c8wj', pool: 'highmem-pool', zone: 'europe-west1-c', machine: 'n2-highmem-8', podCIDR: '10.66.1.0/24', internalIP: '10.132.0.42', createdAgo: 4 * HOURS + 6 }),
    gkeNode({ name: 'gke-prod-euw1-highmem-pool-3b8f0d15-lq7p', pool: 'highmem-pool', zone: 'europe-west1-d', machine: 'n2-highmem-8', podCIDR: '10.66.2.0/24', internalIP: '10.132.0.43', createdAgo: 4 * HOURS + 5 }),
  ];
  const [o0, o1, o2] = old.map(nameOf);
  const [f0, f1] = fresh.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod-eu/services/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '384Mi',
      envFrom: [{ configMapRef: { name: 'invoice-api-config' } }, { secretRef: { name: 'invoice-api-db' } }],
      readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'invoice-api',
  });
  const moved = 126;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 17 * DAYS, changeCause: 'argocd: invoice-api 3.9.1', template: tpl('3.9.1') },
      { revision: 27, createdAgo: 3 * DAYS + 140, changeCause: 'argocd: invoice-api 3.9.2', template: tpl('3.9.2') },
    ],
    pods: [
      { revision: 27, node: o0 ?? '', createdAgo: 3 * DAYS + 138 },
      { revision: 27, node: o1 ?? '', createdAgo: 3 * DAYS + 137 },
      { revision: 27, node: f0 ?? '', createdAgo: moved, ready: false, containers: { app: running({ sinceAgo: moved - 0.4, ready: false }) } },
      { revision: 27, node: f1 ?? '', createdAgo: moved, ready: false, containers: { app: running({ sinceAgo: moved - 0.4, ready: false }) } },
    ],
    settled: { available: false, availableSince: moved - 1, progressingSince: 3 * DAYS + 140, progressingUpdatedAgo: 3 * DAYS + 136 },
  });
  const [a0, a1, b0, b1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  placePod(a0, '10.48.0.37', '10.132.0.14');
  placePod(a1, '10.48.1.22', '10.132.0.15');
  placePod(b0, '10.66.0.9', '10.132.0.41');
  placePod(b1, '10.66.1.6', '10.132.0.42');
  const other = bystander(ns, 'invoice-pdf-renderer', [o2 ?? '', o0 ?? ''], 35, { revisions: [11, 12], versions: ['1.7.4', '1.8.0'], olderAgo: 21 * DAYS });
  other.pods.forEach((p, i) => placePod(p, i === 0 ? '10.48.3.51' : '10.48.0.44', i === 0 ? '10.132.0.19' : '10.132.0.14'));
  const cfg = configMap({
    namespace: ns,
    name: 'invoice-api-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 17 * DAYS,
    data: { DB_HOST: 'ledgerdb01.corp.acme.internal', DB_PORT: '5432', DB_NAME: 'ledger', DB_USER: 'invoice_app', DB_CONNECT_TIMEOUT: '10s', DB_MAX_CONNS: '16', LOG_LEVEL: 'info' },
  });
  const masq = configMap({
    namespace: 'kube-system',
    name: 'ip-masq-agent',
    createdAgo: 300 * DAYS,
    data: { config: 'nonMasqueradeCIDRs:\n  - 10.0.0.0/8\n  - 172.16.0.0/12\n  - 192.168.0.0/16\nmasqLinkLocal: false\nresyncInterval: 60s\n' },
  });
  const egress = networkPolicy({
    namespace: ns,
    name: 'invoice-api-egress',
    createdAgo: 190 * DAYS,
    podSelector: { app: 'invoice-api' },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ ipBlock: { cidr: '10.66.0.0/20' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ],
  }) as unknown as KubeJson;
  const dbErr = 'failed to connect to `user=invoice_app database=ledger`: 10.66.12.25:5432 (ledgerdb01.corp.acme.internal): dial error: dial tcp 10.66.12.25:5432: i/o timeout';
  const stuckLog = (k: number): string => {
    const out = [
      `{"time":"${at(moved - 0.5)}","level":"INFO","msg":"starting invoice-api","version":"3.9.2","commit":"c41e7d0","addr":":8080"}`,
      `{"time":"${at(moved - 0.5)}","level":"INFO","msg":"connecting to ledger database","host":"ledgerdb01.corp.acme.internal","port":5432,"db":"ledger","connect_timeout":"10s"}`,
      `{"time":"${at(moved - 0.66)}","level":"ERROR","msg":"database ping failed, retrying","attempt":1,"backoff":"2s","error":"${dbErr}"}`,
      `{"time":"${at(moved - 0.9)}","level":"ERROR","msg":"database ping failed, retrying","attempt":2,"backoff":"4s","error":"${dbErr}"}`,
      `{"time":"${at(moved - 1.2)}","level":"WARN","msg":"serving without database; readiness will fail until it answers","retry_every":"30s"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9.5 - i - k * 0.07;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"database ping failed","attempt":${230 + i * 2 + k},"error":"${dbErr}"}`);
      out.push(`{"time":"${at(t - 0.2)}","level":"WARN","msg":"GET /readyz","status":503,"check":"postgres","error":"database unreachable","dur_ms":2001}`);
      if (i % 4 === 1) out.push(`{"time":"${at(t - 0.3)}","level":"INFO","msg":"GET /livez","status":200,"dur_ms":0}`);
    }
    return lines(...out);
  };
  const okLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 9.2 - i * 0.9 - k * 0.11;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices","status":201,"dur_ms":${31 + ((i * 13 + k * 7) % 40)}}`);
      out.push(`{"time":"${at(t - 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/INV-2026-${418220 + i * 17 + k}","status":200,"dur_ms":${9 + (i % 5)}}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.3)}","level":"INFO","msg":"db pool","host":"ledgerdb01.corp.acme.internal","total_conns":${8 + k},"idle_conns":${6 + k},"acquired_conns":2}`);
      if (i === 4) out.push(`{"time":"${at(t - 0.4)}","level":"WARN","msg":"request","method":"GET","path":"/v1/invoices/INV-2026-000000","status":404,"dur_ms":4}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout53-gke-pod-range-overlaps-onprem-db-subnet',
    class: 'network',
    truth: 'The platform team added the GKE node pool highmem-pool 4 hours ago with its own additional pod range (10.66.0.0/21; its nodes got podCIDR 10.66.0.0/24, 10.66.1.0/24, 10.66.2.0/24). That range overlaps the on-prem database subnet 10.66.0.0/20 reached over Cloud VPN, where ledgerdb01 (10.66.12.25) lives. Pod traffic to 10.0.0.0/8 is not masqueraded (ip-masq-agent), so the database sees source addresses inside its own subnet and its answers never leave its LAN back through the VPN: the two invoice-api pods the cluster autoscaler moved onto highmem-pool two hours ago (10.66.0.9, 10.66.1.6) time out dialing 10.66.12.25:5432 and stay unready, while the two pods on default-pool (10.48.x) reach the same database fine. Not the database, DNS, the NetworkPolicy (it allows 10.66.0.0/20:5432) nor a rollout. Fix: re-create the pool with a pod range that does not overlap on-prem networks (or masquerade traffic to 10.66.0.0/20); meanwhile keep invoice-api off highmem-pool.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...other.objects, cfg, masq, egress,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 35),
      probeFailed(b0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 748, firstAgo: moved - 0.5, lastAgo: 0.2 }),
      probeFailed(b1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 751, firstAgo: moved - 0.5, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(a0, 'app', { current: okLog(0) }),
      logsFor(a1, 'app', { current: okLog(1) }),
      logsFor(b0, 'app', { current: stuckLog(0) }),
      logsFor(b1, 'app', { current: stuckLog(1) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(3)}","level":"INFO","msg":"rendered invoice pdf","pages":2,"dur_ms":412}`, `{"time":"${at(1)}","level":"INFO","msg":"rendered invoice pdf","pages":1,"dur_ms":288}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /highmem|new (node )?pool|node ?pool|pod (CIDR|IP range|range)|podCIDR|10\.66\.[0-2]\.0\/24|10\.66\.0\.0\/2[01]/i,
        /overlap|collid|clash|conflict|10\.66\.12\.25|ledgerdb|database|\bDB\b|postgres|5432/i,
      ],
      facts: [lit('10.66.12.25'), /10\.66\.[0-2]\.\d+|10\.66\.0\.0\/2[01]/, /time(d)? ?out|i\/o timeout/i, /default-pool/],
      never: [
        /\bOOM/,
        ADVISES_ROLLBACK,
        /NetworkPolicy[^\n]*(block|den(y|ies)|drop|forbid)/i,
        /(database|ledgerdb\S*|postgres)( server)? (is|was) (down|unavailable|crashed)|database outage/i,
        /invoice-pdf-renderer/,
      ],
    },
  };
}

// ---- 2. ASP.NET Core scaled 1 → 3 with a Data Protection key ring per pod -------------------------

/** The .NET console logger with `TimestampFormat` set: `2026-11-21T03:12:41.563Z info: Category[id]`, message indented. */
const dotnet = (minutes: number, level: 'info' | 'warn' | 'fail' | 'dbug', category: string, ...message: string[]): string =>
  [`${at(minutes)} ${level}: ${category}`, ...message.map((m) => `      ${m}`)].join('\n');

function dataProtectionKeyRingPerPod(): CorpusScenario {
  const ns = 'portal';
  const names = [eksNodeName('10.0.140.18'), eksNodeName('10.0.141.203'), eksNodeName('10.0.142.77')];
  const nodes = names.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a' }));
  const image = (v: string) => `${ECR}/portal/customer-portal:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' },
        { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' },
        { name: 'ConnectionStrings__Portal', valueFrom: { secretKeyRef: { name: 'customer-portal-db', key: 'connection-string' } } },
      ],
      readiness: httpProbe('/health/ready', 8080),
      liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const scaledAgo = 38;
  const app = deploymentApp({
    namespace: ns,
    name: 'customer-portal',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: customer-portal 8.4.0', template: tpl('8.4.0') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: customer-portal 8.4.1', template: tpl('8.4.1') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 41, node: names[1] ?? '', createdAgo: scaledAgo },
      { revision: 41, node: names[2] ?? '', createdAgo: scaledAgo },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const pods = [p0, p1, p2];
  const keys = ['5d1e0a73-2c4b-4f0e-9b1a-7e3c9d2f6a18', 'c8b24f19-7a3e-4d61-8f02-1b9e5a7c3d44', '0f6a9c2e-b3d8-4e17-a5c4-92d1e8f7b603'];
  const startup = (t: number, key: string): string[] => [
    dotnet(t, 'warn', 'Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]', "Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning"),
    dotnet(t, 'warn', 'Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]', `No XML encryptor configured. Key {${key}} may be persisted to storage in unencrypted form.`),
    dotnet(t - 0.01, 'info', 'Microsoft.Hosting.Lifetime[14]', 'Now listening on: http://[::]:8080'),
    dotnet(t - 0.01, 'info', 'Microsoft.Hosting.Lifetime[0]', 'Application started. Press Ctrl+C to shut down.'),
    dotnet(t - 0.01, 'info', 'Microsoft.Hosting.Lifetime[0]', 'Hosting environment: Production'),
    dotnet(t - 0.01, 'info', 'Microsoft.Hosting.Lifetime[0]', 'Content root path: /app'),
  ];
  const antiforgery = (t: number, key: string, path: string): string[] => [
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[1]', `Request starting HTTP/1.1 POST http://portal.acme.com${path} - application/x-www-form-urlencoded 612`),
    dotnet(t, 'fail', 'Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery[7]', 'An exception was thrown while deserializing the token.',
      'Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException: The antiforgery token could not be decrypted.',
      ` ---> System.Security.Cryptography.CryptographicException: The key {${key}} was not found in the key ring. For more information go to https://aka.ms/aspnet/dataprotectionwarning`,
      '   at Microsoft.AspNetCore.DataProtection.KeyManagement.KeyRingBasedDataProtector.UnprotectCore(Byte[] protectedData, Boolean allowOperationsOnRevokedKeys, UnprotectStatus& status)',
      '   at Microsoft.AspNetCore.DataProtection.KeyManagement.KeyRingBasedDataProtector.Unprotect(Byte[] protectedData)',
      '   at Microsoft.AspNetCore.Antiforgery.DefaultAntiforgeryTokenSerializer.Deserialize(String serializedToken)',
      '   --- End of inner exception stack trace ---',
      '   at Microsoft.AspNetCore.Antiforgery.DefaultAntiforgeryTokenSerializer.Deserialize(String serializedToken)',
      '   at Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery.GetCookieTokenDoesNotThrow(HttpContext httpContext)'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Mvc.ViewFeatures.Filters.AutoValidateAntiforgeryTokenAuthorizationFilter[1]', 'Antiforgery token validation failed. The antiforgery token could not be decrypted.'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Mvc.StatusCodeResult[1]', 'Executing StatusCodeResult, setting HTTP status code 400'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[2]', `Request finished HTTP/1.1 POST http://portal.acme.com${path} - 400 0 - 4.1187ms`),
  ];
  const loggedOut = (t: number, path: string): string[] => [
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[1]', `Request starting HTTP/1.1 GET http://portal.acme.com${path} - - -`),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler[7]', 'Identity.Application was not authenticated. Failure message: Unprotect ticket failed'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Authorization.DefaultAuthorizationService[2]', 'Authorization failed. These requirements were not met:', 'DenyAnonymousAuthorizationRequirement: Requires an authenticated user.'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler[12]', 'AuthenticationScheme: Identity.Application was challenged.'),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[2]', `Request finished HTTP/1.1 GET http://portal.acme.com${path} - 302 0 - 1.9034ms`),
  ];
  const ok = (t: number, path: string, ms: string): string[] => [
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[1]', `Request starting HTTP/1.1 GET http://portal.acme.com${path} - - -`),
    dotnet(t, 'info', 'Microsoft.AspNetCore.Hosting.Diagnostics[2]', `Request finished HTTP/1.1 GET http://portal.acme.com${path} - 200 - text/html;+charset=utf-8 ${ms}ms`),
  ];
  const podLog = (i: number): string => {
    const others = keys.filter((_, j) => j !== i);
    const mine = keys[i] ?? '';
    const out: string[] = i === 0
      ? [...startup(6 * DAYS - 1.5, mine), dotnet(6 * DAYS - 1.6, 'warn', 'Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware[3]', 'Failed to determine the https port for redirect.'), ...ok(45, '/orders', '38.2201'), ...ok(41, '/account/profile', '22.0145')]
      : [...startup(scaledAgo - 0.6, mine), dotnet(scaledAgo - 0.7, 'warn', 'Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware[3]', 'Failed to determine the https port for redirect.')];
    for (let r = 0; r < 8; r++) {
      const t = 30 - r * 3.6 - i * 0.3;
      const foreign = others[r % 2] ?? '';
      if (r % 3 === 0) out.push(...loggedOut(t, r % 2 === 0 ? '/orders' : '/account/addresses'));
      out.push(...antiforgery(t - 0.4, foreign, r % 2 === 0 ? '/account/profile' : '/checkout/confirm'));
      out.push(...ok(t - 0.9, '/catalog/winter-sale', `${(17 + r * 3.1 + i).toFixed(4)}`));
    }
    out.push(...ok(0.3, '/health/ready', '0.8812'));
    return out.join('\n') + '\n';
  };
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.name === rsOf(app, 41)) ?? {};
  return {
    id: 'heldout53-aspnet-data-protection-key-ring-per-pod',
    class: 'config',
    truth: 'customer-portal (ASP.NET Core 8) was scaled from 1 to 3 replicas 38 minutes ago ahead of a sale. Its Data Protection key ring is not shared: each pod generates its own key in /home/app/.aspnet/DataProtection-Keys inside its container (no PersistKeysTo… store, no shared volume), which the startup warning says. With requests spread across three pods, antiforgery tokens and the Identity.Application auth cookie issued by one pod cannot be decrypted by the others ("The key {…} was not found in the key ring", "Unprotect ticket failed"): users are logged out at random and form posts fail with 400. Every pod is running and ready; the rollout of 8.4.1 six days ago is not the cause. Fix: persist the key ring to a shared store (Redis, blob storage, a shared volume) with one application name, or scale back to 1 meanwhile.',
    ask: { service: 'customer-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'customer-portal', selector: { app: 'customer-portal' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 1, scaledAgo),
      createdPod(rs, p1, scaledAgo),
      createdPod(rs, p2, scaledAgo),
      ...startedNormally(p1, 'app', image('8.4.1'), scaledAgo),
      ...startedNormally(p2, 'app', image('8.4.1'), scaledAgo),
    ],
    logs: pods.map((p, i) => logsFor(p, 'app', { current: podLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [
        /data ?protection|key ?ring|antiforgery|could not be decrypted|unprotect/i,
        /replica|scal|per[- ]pod|each pod|not shared|shared|persist|1 to 3|1 → 3|three pods|3 pods/i,
      ],
      facts: [/key ring|DataProtection-Keys|data ?protection/i, /antiforgery|Unprotect ticket failed|could not be decrypted/i, /from 1 to 3|1 → 3|1->3|scaled[^\n]*\b3\b/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i, /(certificate|cert|token)s? (has |have |had )?expired/i, /probe (is )?fail/i],
    },
  };
}

// ---- 3. hnswlib built with -march=native on an AVX-512 runner: SIGILL on the m5a nodes ------------

function sigillOnOlderInstanceType(): CorpusScenario {
  const ns = 'recs';
  const amd = (i: number, ip: string) => node({
    name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'm5a.2xlarge', pool: 'general', createdAgo: 290 * DAYS,
    allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', memory: '31482476Ki', pods: '58' },
    labels: { 'feature.node.kubernetes.io/cpu-model.vendor_id': 'AMD', 'feature.node.kubernetes.io/cpu-cpuid.AVX2': 'true', 'feature.node.kubernetes.io/cpu-cpuid.FMA3': 'true' },
  });
  const intel = (i: number, ip: string) => node({
    name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', instanceType: 'm7i.2xlarge', pool: 'general-m7i', createdAgo: 26 * DAYS,
    allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', memory: '31482476Ki', pods: '58' },
    labels: {
      'feature.node.kubernetes.io/cpu-model.vendor_id': 'Intel', 'feature.node.kubernetes.io/cpu-cpuid.AVX2': 'true', 'feature.node.kubernetes.io/cpu-cpuid.FMA3': 'true',
      'feature.node.kubernetes.io/cpu-cpuid.AVX512F': 'true', 'feature.node.kubernetes.io/cpu-cpuid.AVX512BW': 'true', 'feature.node.kubernetes.io/cpu-cpuid.AVX512VNNI': 'true', 'feature.node.kubernetes.io/cpu-cpuid.AMXTILE': 'true',
    },
  });
  const nodes = [amd(0, '10.0.96.14'), amd(1, '10.0.97.201'), intel(0, '10.0.96.88'), intel(1, '10.0.98.45')];
  const [m5a0, m5a1, m7i0, m7i1] = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/recs/recs-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '1', memory: '6Gi',
      command: ['uvicorn', 'recs.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '1'],
      env: [{ name: 'PYTHONFAULTHANDLER', value: '1' }, { name: 'RECS_EMBEDDINGS_URI', value: 's3://acme-recs-models/items/2026-11-20/embeddings.npy' }, { name: 'OMP_NUM_THREADS', value: '4' }],
      readiness: httpProbe('/ready', 8000, { periodSeconds: 5 }),
      liveness: httpProbe('/health', 8000, { initialDelaySeconds: 60 }),
    })],
    serviceAccountName: 'recs-api',
  });
  const rolled = 48;
  const crashed = (p: number) => crashLoop({ exitCode: 132, finishedAgo: 2.2 + p * 0.9, ranSeconds: 9 }, 12 + p);
  const app = deploymentApp({
    namespace: ns,
    name: 'recs-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: recs-api 2.14.0', template: tpl('2.14.0') },
      { revision: 20, createdAgo: rolled, changeCause: 'argocd: recs-api 2.15.0', template: tpl('2.15.0') },
    ],
    pods: [
      { revision: 19, node: m5a1 ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 20, node: m7i0 ?? '', createdAgo: rolled - 0.5 },
      { revision: 20, node: m5a0 ?? '', createdAgo: rolled - 0.5, containers: { app: crashed(0) } },
      { revision: 20, node: m7i1 ?? '', createdAgo: rolled - 3 },
      { revision: 20, node: m5a1 ?? '', createdAgo: rolled - 3, containers: { app: crashed(1) } },
    ],
  });
  const oldPod = podOf(app, 0);
  const good = [podOf(app, 1), podOf(app, 3)];
  const bad = [podOf(app, 2), podOf(app, 4)];
  const other = bystander(ns, 'recs-feedback-consumer', [m7i0 ?? '', m5a0 ?? ''], 6 * HOURS, { revisions: [30, 31], versions: ['1.22.0', '1.22.1'], olderAgo: 15 * DAYS });
  const boot = (t: number): string[] => [
    `INFO:     Started server process [1]`,
    `INFO:     Waiting for application startup.`,
    `${pyTime(t)} INFO recs.main: recs-api 2.15.0 starting (python 3.12.7, numpy 2.1.3, hnswlib 0.8.0, faiss disabled)`,
    `${pyTime(t - 0.01)} INFO recs.store: loaded item embeddings s3://acme-recs-models/items/2026-11-20/embeddings.npy shape=(412338, 256) dtype=float32 in 2.41s`,
    `${pyTime(t - 0.06)} INFO recs.index: building HNSW index space=ip dim=256 M=32 ef_construction=200 threads=4`,
  ];
  const sigill = (t: number): string => lines(
    ...boot(t),
    'Fatal Python error: Illegal instruction',
    '',
    'Thread 0x00007f6a2cbff6c0 (most recent call first):',
    '  File "/usr/local/lib/python3.12/threading.py", line 355 in wait',
    '  File "/usr/local/lib/python3.12/concurrent/futures/thread.py", line 89 in _worker',
    '  File "/usr/local/lib/python3.12/threading.py", line 1012 in run',
    '  File "/usr/local/lib/python3.12/threading.py", line 1075 in _bootstrap_inner',
    '  File "/usr/local/lib/python3.12/threading.py", line 1032 in _bootstrap',
    '',
    'Current thread 0x00007f6a3b0e9740 (most recent call first):',
    '  File "/app/recs/index.py", line 58 in build',
    '  File "/app/recs/main.py", line 41 in lifespan',
    '  File "/usr/local/lib/python3.12/contextlib.py", line 210 in __aenter__',
    '  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 693 in lifespan',
    '  File "/usr/local/lib/python3.12/site-packages/uvicorn/lifespan/on.py", line 86 in main',
    '  File "/usr/local/lib/python3.12/asyncio/events.py", line 88 in _run',
    '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 1987 in _run_once',
    '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 641 in run_forever',
    '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 674 in run_until_complete',
    '  File "/usr/local/lib/python3.12/asyncio/runners.py", line 118 in run',
    '  File "/usr/local/lib/python3.12/site-packages/uvicorn/server.py", line 66 in run',
    '  File "/usr/local/lib/python3.12/site-packages/uvicorn/main.py", line 579 in run',
    '',
    'Extension modules: numpy._core._multiarray_umath, numpy.linalg._umath_linalg, numpy.random._common, numpy.random.bit_generator, numpy.random._bounded_integers, numpy.random._mt19937, numpy.random.mtrand, numpy.random._philox, numpy.random._pcg64, numpy.random._sfc64, numpy.random._generator, hnswlib, uvloop.loop, httptools.parser.parser, httptools.parser.url_parser, pydantic_core._pydantic_core, yaml._yaml, orjson (total: 18)',
  );
  const healthy = (k: number): string => {
    const out = [
      ...boot(rolled - 0.8 - k * 2.5),
      `${pyTime(rolled - 1.0 - k * 2.5)} INFO recs.index: HNSW index ready: 412338 items, dim=256 (11.8s)`,
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    ];
    for (let i = 0; i < 8; i++) out.push(`INFO:     10.0.${96 + k}.${40 + i}:5${1200 + i * 7} - "POST /v2/recommendations HTTP/1.1" 200 OK`);
    out.push(`${pyTime(3.1)} WARNING recs.api: user u_99120311 has no interaction history; serving popular items`);
    out.push('INFO:     10.0.96.11:49812 - "GET /ready HTTP/1.1" 200 OK');
    return lines(...out);
  };
  return {
    id: 'heldout53-sigill-avx512-wheel-on-m5a-nodes',
    class: 'nodes',
    truth: 'recs-api 2.15.0 (revision 20, 48 minutes ago) added semantic search with hnswlib 0.8.0, which the Dockerfile builds from source; its build defaults to -march=native, and the CI runner is an AVX-512 machine, so the compiled extension uses AVX-512 instructions. On the older m5a.2xlarge nodes (AMD EPYC, AVX2 only; pool general) the process dies with SIGILL ("Fatal Python error: Illegal instruction", exit code 132) while building the index at startup; the same revision runs fine on the m7i.2xlarge nodes (general-m7i, AVX-512). Not memory, not a probe: mitigate by keeping recs-api on m7i nodes (node affinity) or rolling back; fix the build (HNSWLIB_NO_NATIVE=1 / a portable -march).',
    ask: { service: 'recs-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recs-api', selector: { app: 'recs-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 20), 2, 0, rolled),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 4, rolled - 0.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 20), 4, 2, rolled - 3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 2, rolled - 3),
      ...bad.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image('2.15.0'), { count: 13 + k, firstAgo: rolled - 0.6 - k * 2.5, lastAgo: 2.4 + k * 0.9 }),
        backOff(p, 'app', { count: 190 - k * 12, firstAgo: rolled - 1 - k * 2.5 }),
      ]),
    ],
    logs: [
      ...bad.map((p, k) => logsFor(p, 'app', { previous: sigill(2.4 + k * 0.9 + 0.15), current: sigill(2.4 + k * 0.9 + 0.15) })),
      ...good.map((p, k) => logsFor(p, 'app', { current: healthy(k) })),
      logsFor(oldPod, 'app', { current: lines('INFO:     10.0.97.12:40122 - "POST /v2/recommendations HTTP/1.1" 200 OK', `${pyTime(2)} INFO recs.main: recs-api 2.14.0 serving (index: annoy, 412338 items)`, 'INFO:     10.0.97.12:40188 - "POST /v2/recommendations HTTP/1.1" 200 OK') }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(1.5)} INFO feedback.consumer: committed offsets partition=3 offset=88123410`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b132\b|SIGILL|illegal instruction/i, /m5a|AVX|instruction set|CPU|older (node|instance|hardware)|instance[- ]type|general-m7i|m7i/i],
      facts: [/m5a/, /hnswlib|-march=native|AVX|instruction set|CPU (feature|flag|instruction)/i, /2\.15\.0|revision 20/],
      never: [/\bOOM/, /out of memory/i, /liveness/i, /exit(ed)? (with )?(code )?137/i, /recs-feedback-consumer/],
    },
  };
}

// ---- 4. Debian-built node_modules (sharp for glibc) on a node:20-alpine base ------------------------

function sharpGlibcBinariesOnAlpine(): CorpusScenario {
  const ns = 'media';
  const names = [eksNodeName('10.0.160.33'), eksNodeName('10.0.161.90'), eksNodeName('10.0.162.148')];
  const nodes = names.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a' }));
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '768Mi', command: ['node', 'dist/server.js'],
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'UV_THREADPOOL_SIZE', value: '8' }, { name: 'ASSET_BUCKET', value: 'acme-media-originals' }],
      readiness: httpProbe('/ready', 3000),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const rolled = 14;
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 12 * DAYS, changeCause: 'argocd: thumbnailer 4.8.2', template: tpl('4.8.2') },
      { revision: 34, createdAgo: rolled, changeCause: 'argocd: thumbnailer 4.9.0 (base image node:20-alpine)', template: tpl('4.9.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 34, node: names[1] ?? '', createdAgo: rolled - 0.2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 1 }, 7) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'media-uploader', names, 3 * HOURS, { revisions: [52, 53], versions: ['2.31.0', '2.31.1'], olderAgo: 8 * DAYS });
  const crash = lines(
    '/app/node_modules/sharp/lib/sharp.js:114',
    "  throw new Error(help.join('\\n'));",
    '  ^',
    '',
    'Error: Could not load the "sharp" module using the linuxmusl-x64 runtime',
    'Possible solutions:',
    '- Ensure optional dependencies can be installed:',
    '    npm install --include=optional sharp',
    '- Ensure your package manager supports multi-platform installation:',
    '    See https://sharp.pixelplumbing.com/install#cross-platform',
    '- Add platform-specific dependencies:',
    '    npm install --os=linux --libc=musl --cpu=x64 sharp',
    '- Consult the installation documentation:',
    '    See https://sharp.pixelplumbing.com/install',
    '    at Object.<anonymous> (/app/node_modules/sharp/lib/sharp.js:114:9)',
    '    at Module._compile (node:internal/modules/cjs/loader:1504:14)',
    '    at Module._extensions..js (node:internal/modules/cjs/loader:1588:10)',
    '    at Module.load (node:internal/modules/cjs/loader:1282:32)',
    '    at Module._load (node:internal/modules/cjs/loader:1098:12)',
    '    at TracingChannel.traceSync (node:diagnostics_channel:315:14)',
    '    at wrapModuleLoad (node:internal/modules/cjs/loader:215:24)',
    '    at Module.require (node:internal/modules/cjs/loader:1304:12)',
    '    at require (node:internal/modules/helpers:123:16)',
    '    at Object.<anonymous> (/app/node_modules/sharp/lib/constructor.js:10:1)',
    '',
    'Node.js v20.18.1',
  );
  const pino = (t: number, msg: string, extra: string) => `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"%HOST%","msg":"${msg}"${extra}}`;
  const oldLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 8.5 - i * 0.9 - k * 0.13;
      out.push(pino(t, 'thumbnail rendered', `,"src":"originals/2026/11/${20 + (i % 2)}/IMG_${40312 + i * 17 + k}.jpg","width":${[320, 640, 1280][i % 3]},"format":"webp","ms":${48 + ((i * 29 + k * 11) % 90)}`));
      if (i % 4 === 2) out.push(pino(t - 0.1, 'request completed', `,"req":{"method":"GET","url":"/t/640/IMG_${40312 + i}.webp"},"res":{"statusCode":304},"responseTime":2`));
    }
    out.push(`{"level":40,"time":${ago(3.3).getTime()},"pid":1,"hostname":"%HOST%","msg":"source image not found","src":"originals/2026/11/19/IMG_0000.jpg","statusCode":404}`);
    return lines(...out).replace(/%HOST%/g, nameOf(p));
  };
  return {
    id: 'heldout53-sharp-glibc-node-modules-on-alpine',
    class: 'containers',
    truth: 'thumbnailer 4.9.0 (revision 34, 14 minutes ago) moved the runtime stage of its image from node:20-bookworm-slim to node:20-alpine, but node_modules is still installed by `npm ci` in the Debian build stage and copied over, so sharp has only its glibc binaries (@img/sharp-linux-x64), not the musl ones. On Alpine every new container exits with code 1 at startup: Could not load the "sharp" module using the linuxmusl-x64 runtime. The new pod crash-loops and the rollout is stuck; the three 4.8.2 pods keep serving. Fix: install dependencies on the Alpine stage (or add @img/sharp-linuxmusl-x64), or go back to the Debian base; rolling back to revision 33 mitigates.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, rolled),
      ...pulledFresh(fresh, 'app', image('4.9.0'), { atAgo: rolled - 0.2, bytes: 61_884_203, seconds: 3.914 }),
      ...restartedAgain(fresh, 'app', image('4.9.0'), { count: 8, firstAgo: rolled - 0.25, lastAgo: 1.4 }),
      backOff(fresh, 'app', { count: 61, firstAgo: rolled - 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(p, k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(2).getTime()},"msg":"upload stored","bytes":2841120,"key":"originals/2026/11/21/IMG_40871.jpg"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sharp/i, /musl|alpine|glibc/i],
      facts: [lit('linuxmusl-x64'), /alpine|musl/i, /4\.9\.0|revision 34/],
      never: [/\bOOM/, /(liveness|readiness) probe/i, /image ?pull|ErrImagePull|pull (back ?off|error)/i, /exit(ed)? (with )?(code )?137/i, /media-uploader/],
    },
  };
}

// ---- 5. ODBC Driver 18 (Encrypt=yes by default) against a SQL Server with a self-signed cert ------

function odbc18SelfSignedSqlServer(): CorpusScenario {
  const ns = 'reporting';
  const names = [eksNodeName('10.0.52.19'), eksNodeName('10.0.53.141'), eksNodeName('10.0.54.66')];
  const nodes = names.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a' }));
  const image = (v: string) => `${ECR}/reporting/ledger-export:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'health', containerPort: 8081 }], cpu: '250m', memory: '512Mi',
      command: ['python', '-m', 'ledger_export'],
      envFrom: [{ configMapRef: { name: 'ledger-export-config' } }],
      env: [{ name: 'MSSQL_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-export-mssql', key: 'password' } } }],
      readiness: httpProbe('/ready', 'health'),
      liveness: httpProbe('/live', 'health', { initialDelaySeconds: 15 }),
    })],
  });
  const rolled = 25;
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-export',
    replicas: 2,
    revisions: [
      { revision: 12, createdAgo: 20 * DAYS, changeCause: 'argocd: ledger-export 5.3.0', template: tpl('5.3.0') },
      { revision: 13, createdAgo: rolled, changeCause: 'argocd: ledger-export 5.3.1 (base platform/python-mssql:3.12-2026.11)', template: tpl('5.3.1') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 20 * DAYS - 1 },
      { revision: 12, node: names[2] ?? '', createdAgo: 20 * DAYS - 2 },
      { revision: 13, node: names[1] ?? '', createdAgo: rolled - 0.3, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 2 }, 9) } },
    ],
  });
  const fresh = podOf(app, 2);
  const cfg = configMap({
    namespace: ns,
    name: 'ledger-export-config',
    createdAgo: 400 * DAYS,
    updatedAgo: 62 * DAYS,
    data: { MSSQL_SERVER: 'sqlprod03.corp.acme.internal,1433', MSSQL_DATABASE: 'Ledger', MSSQL_USER: 'svc_ledger_export', MSSQL_APPLICATION_INTENT: 'ReadOnly', EXPORT_BUCKET: 's3://acme-finance-exports/ledger', EXPORT_INTERVAL: '5m' },
  });
  const odbcErr = "('08001', '[08001] [Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: [error:0A000086:SSL routines::certificate verify failed:self-signed certificate] (-1) (SQLDriverConnect); [08001] [Microsoft][ODBC Driver 18 for SQL Server]Client unable to establish connection. For solutions related to encryption errors, see https://go.microsoft.com/fwlink/?linkid=2226722 (-1)')";
  const crash = (t: number) => lines(
    `${pyTime(t)} INFO ledger_export: ledger-export 5.3.1 starting (python 3.12.7, pyodbc 5.2.0, SQLAlchemy 2.0.36, unixODBC 2.3.12)`,
    `${pyTime(t - 0.001)} INFO ledger_export.db: using ODBC driver 'ODBC Driver 18 for SQL Server' (installed: ['ODBC Driver 18 for SQL Server'])`,
    `${pyTime(t - 0.001)} INFO ledger_export.db: connecting to sqlprod03.corp.acme.internal,1433 database=Ledger user=svc_ledger_export intent=ReadOnly`,
    `${pyTime(t - 0.002)} ERROR ledger_export: startup failed: cannot connect to SQL Server`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 146, in __init__',
    '    self._dbapi_connection = engine.raw_connection()',
    '                             ^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/pool/base.py", line 896, in __connect',
    '    self.dbapi_connection = connection = pool._invoke_creator(self)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 629, in connect',
    '    return self.loaded_dbapi.connect(*cargs, **cparams)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `pyodbc.OperationalError: ${odbcErr}`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/ledger_export/__main__.py", line 34, in main',
    '    db.ping()',
    '  File "/app/ledger_export/db.py", line 61, in ping',
    '    with self.engine.connect() as conn:',
    '         ^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 3278, in connect',
    '    return self._connection_cls(self)',
    `sqlalchemy.exc.OperationalError: (pyodbc.OperationalError) ${odbcErr}`,
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  );
  const oldLog = (k: number): string => {
    const out = [`${pyTime(20 * DAYS - 1.5 - k)} INFO ledger_export.db: using ODBC driver 'ODBC Driver 17 for SQL Server' (installed: ['ODBC Driver 17 for SQL Server'])`];
    for (let i = 0; i < 6; i++) {
      const t = 29 - i * 5 - k * 0.4;
      out.push(`${pyTime(t)} INFO ledger_export.job: exporting journal entries batch=${88120 + i * 2 + k} since=${at(t + 5).slice(0, 19)}Z`);
      out.push(`${pyTime(t - 0.3)} INFO ledger_export.job: wrote s3://acme-finance-exports/ledger/2026/11/21/journal-${88120 + i * 2 + k}.parquet rows=${1800 + ((i * 311 + k * 97) % 900)} in 1.${4 + i}s`);
      if (i === 3) out.push(`${pyTime(t - 0.35)} WARNING ledger_export.job: 3 entries with currency XXX skipped (see ledger rule LR-114)`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout53-odbc18-encrypt-default-self-signed-sql-server',
    class: 'config',
    truth: 'ledger-export 5.3.1 (revision 13, 25 minutes ago) only bumped its base image to platform/python-mssql:3.12-2026.11, which replaced Microsoft ODBC Driver 17 with ODBC Driver 18 (the app picks the installed one). Driver 18 defaults to Encrypt=yes and TrustServerCertificate=no, and the on-prem SQL Server sqlprod03 presents a self-signed certificate, so every connection fails ("SSL Provider: … certificate verify failed: self-signed certificate", SQLSTATE 08001); the new pod exits 1 at startup and crash-loops, the rollout is stuck, and the two revision-12 pods (Driver 17) keep exporting. Not credentials, DNS or the network. Fix: give SQL Server a certificate from a trusted CA (or trust its CA in the image), or set TrustServerCertificate=yes / Encrypt explicitly; rolling back mitigates.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cfg,
      ...exposed({ namespace: ns, name: 'ledger-export', selector: { app: 'ledger-export' }, pods: app.pods, ports: [{ name: 'health', port: 8081, targetPort: 'health' }], endpointPort: 8081 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, rolled),
      ...pulledFresh(fresh, 'app', image('5.3.1'), { atAgo: rolled - 0.3, bytes: 298_113_524, seconds: 9.87 }),
      ...restartedAgain(fresh, 'app', image('5.3.1'), { count: 10, firstAgo: rolled - 0.45, lastAgo: 2.65 }),
      backOff(fresh, 'app', { count: 104, firstAgo: rolled - 0.6 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(2.62), current: crash(2.62) }),
      logsFor(podOf(app, 0), 'app', { current: oldLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: oldLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/self[- ]signed|certificate verify failed|TrustServerCertificate|Encrypt|TLS|SSL|certificate/i, /ODBC|SQL ?Server|sqlprod03|mssql|08001/i],
      facts: [/ODBC Driver 18/, /self[- ]signed|certificate verify failed/i, /TrustServerCertificate|Encrypt|encrypt(s|ion)? by default|Driver 17/i],
      never: [/\bOOM/, /(password|login|credential)s?[^\n]*(wrong|invalid|rejected|failed)|login failed/i, /\bDNS\b/, /NetworkPolicy/, /(liveness|readiness) probe/i],
    },
  };
}

// ---- 6. a shared Redis (allkeys-lru) evicting session keys since a new feature cache filled it -------

/** Redis's log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Jan';
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

function sharedRedisEvictsSessions(): CorpusScenario {
  const ns = 'identity';
  const names = [eksNodeName('10.0.24.61'), eksNodeName('10.0.25.180'), eksNodeName('10.0.26.12')];
  const nodes = names.map((n, i) => node({ name: n, zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a' }));
  const redisImage = 'docker.io/library/redis:7.2.5';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'shared-redis',
    replicas: 1,
    serviceName: 'shared-redis-headless',
    createdAgo: 410 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 41 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: redisImage, command: ['redis-server', '/etc/redis/redis.conf'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '2560Mi',
          readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
          volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'shared-redis-config' } }],
      },
    }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 41 * DAYS - 1 }],
  });
  const redisConf = configMap({
    namespace: ns,
    name: 'shared-redis-config',
    createdAgo: 410 * DAYS,
    updatedAgo: 41 * DAYS,
    data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\nprotected-mode no\nmaxmemory 2gb\nmaxmemory-policy allkeys-lru\nmaxmemory-samples 5\nsave ""\nappendonly no\ntimeout 0\ntcp-keepalive 300\nlatency-monitor-threshold 100\n' },
  });
  const sessImage = (v: string) => `${ECR}/identity/session-service:${v}`;
  const sessTpl = (v: string) => ({
    containers: [container({
      image: sessImage(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [{ name: 'REDIS_ADDR', value: 'shared-redis.identity.svc.cluster.local:6379' }, { name: 'SESSION_TTL', value: '12h' }, { name: 'SESSION_KEY_PREFIX', value: 'sess:' }, { name: 'REDIS_STATS_INTERVAL', value: '5m' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const sess = deploymentApp({
    namespace: ns,
    name: 'session-service',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 44 * DAYS, changeCause: 'argocd: session-service 3.4.0', template: sessTpl('3.4.0') },
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: session-service 3.4.1', template: sessTpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 16 * DAYS - k })),
  });
  const started = 3 * HOURS + 5;
  const riskImage = `${ECR}/identity/login-risk:0.9.0`;
  const risk = deploymentApp({
    namespace: ns,
    name: 'login-risk',
    replicas: 2,
    createdAgo: started,
    revisions: [{
      revision: 1,
      createdAgo: started,
      changeCause: 'argocd: login-risk 0.9.0 (new service)',
      template: {
        containers: [container({
          image: riskImage, ports: [8080], cpu: '500m', memory: '1Gi',
          env: [{ name: 'FEATURE_CACHE_URL', value: 'redis://shared-redis.identity.svc.cluster.local:6379/0' }, { name: 'FEATURE_CACHE_TTL', value: '24h' }, { name: 'FEATURE_CACHE_PREFIX', value: 'risk:feat:' }],
        })],
      },
    }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: started - 0.5 }, { revision: 1, node: names[1] ?? '', createdAgo: started - 0.5 }],
  });
  const redisPod = podOf(redis, 0);
  // What the stats line reports: memory at the ceiling since the feature cache arrived, evictions climbing.
  const stat = (t: number, k: number): string => {
    const before = t > started;
    const evicted = before ? 0 : Math.round(Math.max(0, (started - 40 - t)) * 1180);
    const used = before ? 912_331_008 + k * 4096 : t > started - 40 ? Math.round(912_331_008 + (started - t) * 30_500_000) : 2_147_301_112 - (k * 9_311) % 180_000;
    return `{"level":"info","ts":"${at(t)}","caller":"store/redis.go:212","msg":"redis stats","addr":"shared-redis.identity.svc.cluster.local:6379","used_memory":${Math.min(used, 2_147_390_000)},"maxmemory":2147483648,"maxmemory_policy":"allkeys-lru","evicted_keys":${evicted},"expired_keys":${81_220 + Math.round((started + 30 - t) * 37)},"keyspace_misses":${412_000 + Math.round((started + 30 - t) * (before ? 210 : 1900))},"connected_clients":${before ? 61 : 93}}`;
  };
  const sessLog = (k: number): string => {
    const out: string[] = [];
    for (let t = started + 12 - k * 0.1, i = 0; t > 0.5; t -= 5, i++) {
      out.push(stat(t, k));
      out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"http/log.go:41","msg":"request","method":"GET","path":"/v1/sessions/validate","status":200,"dur_ms":${1 + (i % 3)}}`);
      if (t > 46) continue;
      out.push(`{"level":"warn","ts":"${at(t - 0.6)}","caller":"session/store.go:88","msg":"session not found","key":"sess:${(0x5c1f00 + i * 4093 + k * 991).toString(16)}…","user_id":"u_${8_812_734 + i * 313 + k * 41}","issued_at":"${at(t + 40 + (i % 9) * 7).slice(0, 19)}Z","ttl_configured":"12h","path":"/v1/sessions/validate","result":"401 re-login"}`);
      out.push(`{"level":"warn","ts":"${at(t - 1.9)}","caller":"session/store.go:88","msg":"session not found","key":"sess:${(0x9a2e00 + i * 7919 + k * 113).toString(16)}…","user_id":"u_${3_310_092 + i * 97 + k}","issued_at":"${at(t + 18 + (i % 7) * 3).slice(0, 19)}Z","ttl_configured":"12h","path":"/v1/sessions/refresh","result":"401 re-login"}`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 2.2)}","caller":"http/log.go:41","msg":"request","method":"POST","path":"/v1/sessions","status":201,"dur_ms":3}`);
    }
    return lines(...out);
  };
  const riskLog = (k: number): string => {
    const out = [
      `{"level":"INFO","time":"${at(started - 0.7)}","logger":"login_risk","msg":"login-risk 0.9.0 starting","feature_cache":"redis://shared-redis.identity.svc.cluster.local:6379/0","ttl":"24h"}`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 40 - i * 5 - k * 0.3;
      out.push(`{"level":"INFO","time":"${at(t)}","logger":"login_risk.cache","msg":"feature cache flush","keys_written":${1700 + ((i * 131 + k * 53) % 400)},"avg_value_bytes":${208_000 + ((i * 977) % 20_000)},"ttl_s":86400}`);
      out.push(`{"level":"INFO","time":"${at(t - 0.4)}","logger":"login_risk.api","msg":"scored login","user_id":"u_${5_100_233 + i * 17}","risk":0.0${3 + (i % 6)},"dur_ms":${18 + i}}`);
    }
    return lines(...out);
  };
  const redisLog = lines(
    `1:C ${redisTime(41 * DAYS - 1.4)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(41 * DAYS - 1.4)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(41 * DAYS - 1.4)} * Configuration loaded`,
    `1:M ${redisTime(41 * DAYS - 1.4)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(41 * DAYS - 1.4)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(41 * DAYS - 1.4)} * Server initialized`,
    `1:M ${redisTime(41 * DAYS - 1.4)} * Ready to accept connections tcp`,
  );
  return {
    id: 'heldout53-shared-redis-allkeys-lru-evicts-sessions',
    class: 'capacity',
    truth: 'session-service keeps user sessions (12h TTL) in shared-redis, a Redis with maxmemory 2gb and maxmemory-policy allkeys-lru. Three hours ago the new login-risk service started caching ~200 KB feature blobs (risk:feat:*, 24h TTL) in the same Redis; it filled maxmemory within about 40 minutes and since then Redis evicts the least recently used keys of any kind, including live sessions (evicted_keys climbing, "session not found" for sessions issued an hour earlier), so users are logged out at random. session-service and the Redis pod are healthy and nothing crashed. Fix: move the feature cache to its own Redis (or give sessions a Redis with noeviction / volatile-* and enough memory), and cap or shorten the feature cache.',
    ask: { service: 'session-service', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, redisConf, ...sess.objects, ...risk.objects,
      ...exposed({ namespace: ns, name: 'shared-redis', selector: { app: 'shared-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'shared-redis-headless', selector: { app: 'shared-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, headless: true }),
      ...exposed({ namespace: ns, name: 'session-service', selector: { app: 'session-service' }, pods: sess.pods }),
      ...exposed({ namespace: ns, name: 'login-risk', selector: { app: 'login-risk' }, pods: risk.pods }),
    ],
    logs: [
      ...sess.pods.map((p, k) => logsFor(p, 'app', { current: sessLog(k) })),
      ...risk.pods.map((p, k) => logsFor(p, 'app', { current: riskLog(k) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/evict|allkeys-lru|maxmemory|memory (is )?full/i, /redis/i],
      facts: [lit('allkeys-lru'), /login-risk/, /evicted_keys|evict/i, /session not found|sessions?[^\n]*(evicted|lost|missing|not found)/i],
      never: [
        /\bOOM/,
        /session-service[^\n]*(crash|restart|unhealthy)/i,
        /session-service[^\n]*roll(ing)? ?back|roll(ing)? ?back[^\n]*session-service/i,
        /sessions?[^\n]* expired|TTL (is )?too short/i,
        /redis[^\n]*(is |was )?(down|crash(ed|ing)?|restart(ed|ing)|unreachable)/i,
      ],
    },
  };
}

// ---- 7. healthy control: Elasticsearch slowlog WARNs, green again after a node replacement ---------

function elasticsearchSlowlogAfterNodeReplacement(): CorpusScenario {
  const ns = 'search';
  const zoneOf = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const replaced = 5 * HOURS + 12;
  const nodes = [
    node({ name: eksNodeName('10.0.112.40'), zone: 'eu-west-1a', instanceType: 'r6i.2xlarge', pool: 'search', createdAgo: 47 * DAYS }),
    node({ name: eksNodeName('10.0.113.9'), zone: 'eu-west-1b', instanceType: 'r6i.2xlarge', pool: 'search', createdAgo: 47 * DAYS }),
    node({ name: eksNodeName('10.0.114.231'), zone: 'eu-west-1c', instanceType: 'r6i.2xlarge', pool: 'search', createdAgo: replaced }),
  ];
  const names = nodes.map(nameOf);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'logs-es',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'logs-es-headless',
    createdAgo: 300 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    revisions: [{
      revision: 9,
      createdAgo: 47 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image, cpu: '2', memory: '16Gi',
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          env: [{ name: 'ES_JAVA_OPTS', value: '-Xms8g -Xmx8g' }, { name: 'cluster.name', value: 'logs' }, { name: 'discovery.seed_hosts', value: 'logs-es-headless' }, { name: 'cluster.initial_master_nodes', value: 'logs-es-0,logs-es-1,logs-es-2' }],
          readiness: execProbe(['bash', '-c', 'curl -s -k --fail -u "elastic:${ELASTIC_PASSWORD}" "https://127.0.0.1:9200/_cluster/health?local=true&timeout=1s"'], { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
          liveness: null,
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
        securityContext: { fsGroup: 1000, runAsUser: 1000 },
        terminationGracePeriodSeconds: 120,
      },
    }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 47 * DAYS - 3 },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 47 * DAYS - 6 },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: replaced - 3 },
    ],
  });
  const esPods = [podOf(es, 0), podOf(es, 1), podOf(es, 2)];
  ['10.0.112.71', '10.0.113.52', '10.0.114.88'].forEach((ip, i) => { const p = esPods[i]; if (p) placePod(p, ip, ['10.0.112.40', '10.0.113.9', '10.0.114.231'][i] ?? ''); });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-logs-es-${i}`, storage: '500Gi', zone: zoneOf[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'logs-es' } }));
  const kibana = deploymentApp({
    namespace: ns,
    name: 'kibana',
    replicas: 1,
    revisions: [{ revision: 6, createdAgo: 47 * DAYS, changeCause: 'helm: kibana 8.15.3', template: { containers: [container({ name: 'kibana', image: 'docker.elastic.co/kibana/kibana:8.15.3', ports: [5601], cpu: '500m', memory: '2Gi', readiness: httpProbe('/api/status', 5601), liveness: null })] } }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 47 * DAYS - 8 }],
  });
  const ids = ['q2VZk1mTQ6mUuXk1cE4B2w', 'Hc8r0pTtSZeH3h0tO1u9Aw', 'dL6mZ3xFRnqY0cB8a2WkPg'];
  const esLog = (t: number, level: string, logger: string, nodeIdx: number, message: string, thread: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      '@timestamp': at(t), 'log.level': level, message, 'ecs.version': '1.2.0', 'service.name': 'ES_ECS', 'event.dataset': 'elasticsearch.server',
      'process.thread.name': `elasticsearch[logs-es-${nodeIdx}][${thread}]`, 'log.logger': logger,
      'elasticsearch.cluster.uuid': 'mN2pPq8YQJ2c7m0H1yq3ZQ', 'elasticsearch.node.id': ids[nodeIdx], 'elasticsearch.node.name': `logs-es-${nodeIdx}`, 'elasticsearch.cluster.name': 'logs', ...extra,
    });
  const slow = (t: number, nodeIdx: number, index: string, shard: number, tookMs: number, source: string, opaque: string): string =>
    JSON.stringify({
      '@timestamp': at(t), 'log.level': 'WARN', 'ecs.version': '1.2.0', 'service.name': 'ES_ECS', 'event.dataset': 'elasticsearch.index_search_slowlog',
      'log.logger': 'index.search.slowlog.query', 'process.thread.name': `elasticsearch[logs-es-${nodeIdx}][search][T#${3 + (tookMs % 5)}]`,
      'elasticsearch.cluster.uuid': 'mN2pPq8YQJ2c7m0H1yq3ZQ', 'elasticsearch.node.id': ids[nodeIdx], 'elasticsearch.node.name': `logs-es-${nodeIdx}`, 'elasticsearch.cluster.name': 'logs',
      'elasticsearch.slowlog.id': opaque, 'elasticsearch.slowlog.message': `[${index}][${shard}]`, 'elasticsearch.slowlog.search_type': 'QUERY_THEN_FETCH',
      'elasticsearch.slowlog.source': source, 'elasticsearch.slowlog.stats': '[]', 'elasticsearch.slowlog.took': `${(tookMs / 1000).toFixed(1)}s`, 'elasticsearch.slowlog.took_millis': tookMs,
      'elasticsearch.slowlog.total_hits': `${10000 + (tookMs % 7919)}+ hits`, 'elasticsearch.slowlog.total_shards': 6,
    });
  const aggQuery = '{"size":0,"query":{"bool":{"filter":[{"range":{"@timestamp":{"gte":"now-30d"}}}]}},"aggregations":{"by_service":{"terms":{"field":"service.name","size":500},"aggregations":{"p99":{"percentiles":{"field":"http.duration_ms","percents":[99.0]}}}}}}';
  const wildcard = '{"size":100,"query":{"bool":{"must":[{"wildcard":{"message":{"wildcard":"*timeout*","case_insensitive":true}}}],"filter":[{"range":{"@timestamp":{"gte":"now-7d"}}}]}},"sort":[{"@timestamp":{"order":"desc"}}]}';
  const left = '{logs-es-2}{dL6mZ3xFRnqY0cB8a2WkPg}{S1hYb0r9Tcu0mI3a9fG2yQ}{logs-es-2}{10.0.114.57}{10.0.114.57:9300}{cdfhilmrstw}{8.15.3}{7000099-8512000}';
  const joined = '{logs-es-2}{dL6mZ3xFRnqY0cB8a2WkPg}{k3Fq0WmXQ3O5p1nV8rB6Jg}{logs-es-2}{10.0.114.88}{10.0.114.88:9300}{cdfhilmrstw}{8.15.3}{7000099-8512000}';
  const masterLog = lines(
    esLog(replaced + 1, 'INFO', 'org.elasticsearch.cluster.service.MasterService', 0, `node-left[${left} reason: disconnected], term: 14, version: 88213, delta: removed {${left}}`, 'masterService#updateTask][T#1'),
    esLog(replaced + 0.9, 'WARN', 'org.elasticsearch.cluster.routing.allocation.AllocationService', 0, 'Cluster health status changed from [GREEN] to [YELLOW] (reason: [{logs-es-2}{dL6mZ3xFRnqY0cB8a2WkPg} reason: disconnected]).', 'masterService#updateTask][T#1', { 'current.health': 'YELLOW', 'previous.health': 'GREEN' }),
    esLog(replaced - 0.5, 'INFO', 'org.elasticsearch.cluster.routing.DelayedAllocationService', 0, 'scheduling reroute for delayed shards in [58.4s] (31 delayed shards)', 'masterService#updateTask][T#1'),
    esLog(replaced - 4, 'INFO', 'org.elasticsearch.cluster.service.MasterService', 0, `node-join[${joined} joining, removed [4.9m/296112ms] ago with reason [disconnected]], term: 14, version: 88240, delta: added {${joined}}`, 'masterService#updateTask][T#1'),
    esLog(replaced - 58, 'INFO', 'org.elasticsearch.cluster.routing.allocation.AllocationService', 0, 'Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[logs-app-2026.11.20][4]]]).', 'masterService#updateTask][T#1', { 'current.health': 'GREEN', 'previous.health': 'YELLOW' }),
    esLog(4 * HOURS - 20, 'INFO', 'org.elasticsearch.cluster.metadata.MetadataCreateIndexService', 0, '[logs-app-2026.11.21] creating index, cause [auto(bulk api)], templates [logs-app], shards [6]/[1]', 'masterService#updateTask][T#1'),
    slow(52, 0, 'logs-app-2026.11.20', 1, 11_482, aggQuery, 'kibana:dashboard:p99-by-service'),
    slow(36, 0, 'logs-app-2026.11.21', 3, 10_207, wildcard, 'grafana-explore-4f1c'),
    slow(12, 0, 'logs-app-2026.11.20', 4, 12_930, aggQuery, 'kibana:dashboard:p99-by-service'),
    esLog(2, 'INFO', 'org.elasticsearch.cluster.metadata.MetadataMappingService', 0, '[logs-app-2026.11.21/Xc1lWq0hQxC3u8vV1pD2dA] update_mapping [_doc]', 'masterService#updateTask][T#1'),
  );
  const dataLog = (nodeIdx: number): string => lines(
    ...(nodeIdx === 2
      ? [
          esLog(replaced - 3.6, 'INFO', 'org.elasticsearch.node.Node', 2, 'version[8.15.3], pid[7], build[docker/f2b9e4c1a0d7b5e6c3a9d8e7f6b5a4c3d2e1f0a9/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-122.189.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9-70]', 'main'),
          esLog(replaced - 3.9, 'INFO', 'org.elasticsearch.cluster.service.ClusterApplierService', 2, `master node changed {previous [], current [{logs-es-0}{q2VZk1mTQ6mUuXk1cE4B2w}{9sJ0b2XhR2u1v5W8eA3KQw}{logs-es-0}{10.0.112.71}{10.0.112.71:9300}{cdfhilmrstw}{8.15.3}{7000099-8512000}]}, added {{logs-es-1}{Hc8r0pTtSZeH3h0tO1u9Aw}}, term: 14, version: 88240, reason: ApplyCommitRequest{term=14, version=88240}`, 'clusterApplierService#updateTask][T#1'),
          esLog(replaced - 4.1, 'INFO', 'org.elasticsearch.node.Node', 2, 'started {logs-es-2}{dL6mZ3xFRnqY0cB8a2WkPg}{k3Fq0WmXQ3O5p1nV8rB6Jg}{logs-es-2}{10.0.114.88}{10.0.114.88:9300}{cdfhilmrstw}{8.15.3}{7000099-8512000}{xpack.installed=true, transform.config_version=10.0.0, ml.config_version=12.0.0}', 'main'),
        ]
      : []),
    slow(47 - nodeIdx * 3, nodeIdx, 'logs-app-2026.11.20', nodeIdx === 1 ? 2 : 5, 10_644 + nodeIdx * 317, aggQuery, 'kibana:dashboard:p99-by-service'),
    slow(29 - nodeIdx * 2, nodeIdx, 'logs-app-2026.11.21', nodeIdx === 1 ? 0 : 2, 10_118 + nodeIdx * 89, wildcard, 'grafana-explore-4f1c'),
    slow(8 - nodeIdx, nodeIdx, 'logs-app-2026.11.20', nodeIdx === 1 ? 2 : 5, 13_052 - nodeIdx * 211, aggQuery, 'kibana:dashboard:p99-by-service'),
  );
  return {
    id: 'heldout53-elasticsearch-slowlog-green-after-node-replacement',
    class: 'healthy',
    truth: 'Nothing is wrong with the logs-es Elasticsearch cluster: all three pods are running and ready, and the cluster is green. Its node in eu-west-1c was replaced by an AMI rotation about five hours ago; logs-es-2 was rescheduled onto the new node with its volume, the cluster went yellow while the node was away, and shard recovery brought it back to green within the hour. The WARN lines since are search slowlog entries for a few expensive queries (a 30-day p99 aggregation from a Kibana dashboard and a leading-wildcard search from Grafana) crossing the 10 s warn threshold: worth tuning, not an incident.',
    ask: { service: 'logs-es', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims, ...kibana.objects,
      ...exposed({ namespace: ns, name: 'logs-es', selector: { app: 'logs-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'logs-es-headless', selector: { app: 'logs-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9200, headless: true }),
      ...exposed({ namespace: ns, name: 'kibana', selector: { app: 'kibana' }, pods: kibana.pods, ports: [{ name: 'http', port: 5601, targetPort: 5601 }], endpointPort: 5601 }),
    ],
    logs: [
      logsFor(esPods[0], 'elasticsearch', { current: masterLog }),
      logsFor(esPods[1], 'elasticsearch', { current: dataLog(1) }),
      logsFor(esPods[2], 'elasticsearch', { current: dataLog(2) }),
      logsFor(podOf(kibana, 0), 'kibana', { current: lines(`{"@timestamp":"${at(20)}","log.level":"info","message":"Kibana is now available","service.node.roles":["background_tasks","ui"],"log.logger":"status"}`, `{"@timestamp":"${at(3)}","log.level":"info","message":"Task ML:saved-objects-sync-task: run completed","log.logger":"plugins.taskManager"}`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue|fault|failure)s?|nothing (is )?wrong|all \d+[^\n]*(ready|running)|running normally|serving normally/i],
      facts: [/logs-es/],
      never: [
        /\bOOM/,
        /slow ?log[^\n]*(caus|problem|incident|outage|degrad)/i,
        /relocat[^\n]*(stuck|fail|pending|in progress)/i,
        /(is|status|health) (now )?(yellow|red)\b/i,
        /logs-es-2[^\n]*(crash|restart|unhealthy|not ready)/i,
        /roll(ing)? ?back|undo the rollout/i,
      ],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  podCidrOverlapsOnPremDb(),
  dataProtectionKeyRingPerPod(),
  sigillOnOlderInstanceType(),
  sharpGlibcBinariesOnAlpine(),
  odbc18SelfSignedSqlServer(),
  sharedRedisEvictsSessions(),
  elasticsearchSlowlogAfterNodeReplacement(),
];
