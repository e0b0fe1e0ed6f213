// Held-out stories, sixty-first round, part one:
//  1. a NetworkPolicy whose DNS egress rule allows only UDP 53: the peer list of a 36-pod headless
//     Service no longer fits a UDP answer, the resolver's TCP retry is dropped, only that lookup fails;
//  2. a ConfigMap edit that wrote `api_version: 1.10` unquoted, which PyYAML reads as the float 1.1,
//     so every partner call is rejected with 400 "unsupported api version 1.1";
//  3. `:latest` with imagePullPolicy IfNotPresent: old nodes run a cached old build, two new nodes
//     pulled last night's build (alpine base, sharp cannot load) and only those pods crash;
//  4. a revision that renamed a Kafka consumer's group.id with auto.offset.reset=earliest: the new
//     group re-reads six days of notifications and re-sends them;
//  5. an S3 lifecycle expiration rule added outside the cluster: only keys older than ~24 hours are
//     NoSuchKey;
//  6. a Laravel queue worker whose --timeout=120 outlives the connection's retry_after of 90: long
//     export jobs run twice and end in MaxAttemptsExceededException;
//  7. healthy control: a Kafka Streams app that rebalanced on a scale-up three hours ago, with
//     InsecureRequestWarning lines from its metrics-push sidecar.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, coreDns, crashLoop, deploymentApp, event, exposed,
  httpProbe, imageDigest, nameOf, networkPolicy, node, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, startedNormally, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Laravel's and PHP's `2026-11-21 03:12:41`. */
const sqlTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ');
/** A UTC instant `minutes` before NOW, for data inside logs (`2026-11-19T18-02-11Z` style when `dashed`). */
const stamp = (minutes: number, dashed = false): string => {
  const s = at(minutes).slice(0, 19) + 'Z';
  return dashed ? s.replace(/:/g, '-') : s;
};
const hex = (seed: string, n: number): string => imageDigest(`x:${seed}`).split('sha256:')[1]?.slice(0, n) ?? '';

// ---- 1. NetworkPolicy DNS egress: UDP 53 only, the big headless answer needs TCP ------------------

function dnsEgressUdpOnly(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.64', ['23', '141', '88']);
  const cacheImage = 'docker.io/library/memcached:1.6.31-alpine';
  const cache = deploymentApp({
    namespace: ns,
    name: 'tile-cache',
    replicas: 36,
    revisions: [{
      revision: 6, createdAgo: 34 * DAYS,
      template: { containers: [container({ name: 'memcached', image: cacheImage, args: ['-m', '900', '-c', '4096', '-t', '4'], ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('memcache'), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }) })] },
    }],
    pods: Array.from({ length: 36 }, (_, k) => ({ revision: 6, node: names[k % 3] ?? '', createdAgo: 11 * DAYS - k * 3 })),
  });
  const image = (v: string) => `${ECR}/maps/route-planner:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'TILE_PEERS_DNS', value: 'tile-cache-peers.maps.svc.cluster.local' },
        { name: 'PEER_REFRESH_SECONDS', value: '30' },
        { name: 'PEER_RING_MAX_AGE_SECONDS', value: '900' },
        { name: 'DATABASE_HOST', value: 'maps-db.cluster-c2k8wq1x7f.eu-west-1.rds.amazonaws.com' },
        { name: 'GUNICORN_CMD_ARGS', value: '--workers=4 --worker-class=aiohttp.GunicornWebWorker --bind=0.0.0.0:8080' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'route-planner',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 23 * DAYS, changeCause: 'argocd: route-planner 5.3.0', template: tpl('5.3.0') },
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: route-planner 5.3.1', template: tpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 22, node: names[k] ?? '', createdAgo: 9 * DAYS - k,
      containers: { app: k === 1
        ? running({ sinceAgo: 3 * DAYS + 200, ready: false, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS + 200, ranSeconds: 5 * DAYS } })
        : running({ sinceAgo: 9 * DAYS - k - 0.5, ready: false }) },
    })),
    settled: { available: false, availableSince: 84, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const eta = bystander(ns, 'eta-service', names, 6 * HOURS, { revisions: [14, 15], versions: ['1.9.4', '1.10.0'], olderAgo: 19 * DAYS });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const kubeDnsPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
  const policies = [
    networkPolicy({ namespace: ns, name: 'default-deny-egress', createdAgo: 101, podSelector: {}, policyTypes: ['Egress'] }),
    networkPolicy({
      namespace: ns, name: 'route-planner-egress', createdAgo: 100, podSelector: { app: 'route-planner' }, policyTypes: ['Egress'],
      egress: [
        { to: [kubeDnsPeer], ports: [{ protocol: 'UDP', port: 53 }] },
        { to: [{ podSelector: { matchLabels: { app: 'tile-cache' } } }], ports: [{ protocol: 'TCP', port: 11211 }] },
        { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      ],
    }),
    networkPolicy({
      namespace: ns, name: 'eta-service-egress', createdAgo: 100, podSelector: { app: 'eta-service' }, policyTypes: ['Egress'],
      egress: [
        { to: [kubeDnsPeer], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      ],
    }),
    networkPolicy({ namespace: ns, name: 'allow-ingress-from-gateway', createdAgo: 200 * DAYS, podSelector: { tier: 'api' }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } }] }] }),
  ];
  const peers = 'tile-cache-peers.maps.svc.cluster.local';
  const log = (k: number) => {
    const out: string[] = [];
    for (let t = 112; t > 101; t -= 0.5) out.push(`${pyTime(t - k * 0.07)} INFO route_planner.peers: refreshed peer ring: 36 peers from ${peers} in ${3 + ((k + Math.round(t)) % 4)} ms`);
    out.push(`${pyTime(100.8)} INFO route_planner.db: pool healthy host=maps-db.cluster-c2k8wq1x7f.eu-west-1.rds.amazonaws.com size=10 idle=7`);
    for (let t = 100.5 - k * 0.07, i = 0; t > 0.3; t -= 0.67, i++) {
      if (t > 85) out.push(`${pyTime(t)} WARNING route_planner.peers: peer refresh failed for ${peers}: [Errno -3] Temporary failure in name resolution (after 10012 ms); keeping 36 peers from ${Math.round((101 - t) * 60)} s ago`);
      else if (t > 84.3) out.push(`${pyTime(t)} ERROR route_planner.peers: peer ring expired (last refresh 901 s ago), dropping 36 peers; tile lookups go to origin until the next refresh`);
      else out.push(`${pyTime(t)} WARNING route_planner.peers: peer refresh failed for ${peers}: [Errno -3] Temporary failure in name resolution (after 10009 ms); ring is empty`);
      if (i % 6 === 2) out.push(`${pyTime(t - 0.05)} INFO route_planner.geocode: POST https://geocode.search.hereapi.com/v1/geocode 200 (${140 + i % 40} ms)`);
      if (i % 9 === 4) out.push(`${pyTime(t - 0.1)} INFO route_planner.db: pool healthy host=maps-db.cluster-c2k8wq1x7f.eu-west-1.rds.amazonaws.com size=10 idle=${6 + (i % 3)}`);
      if (t < 84 && i % 4 === 1) out.push(`${pyTime(t - 0.12)} INFO aiohttp.access: 10.0.64.${23 + k * 60} [${clfTime(t - 0.12)}] "GET /ready HTTP/1.1" 503 187 "-" "kube-probe/1.30"`);
    }
    return out.join('\n') + '\n';
  };
  const podEvents = app.pods.flatMap((p) => [
    probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 503, firstAgo: 84, lastAgo: 0.2 }),
  ]);
  return {
    id: 'heldout61-dns-egress-udp-only-truncated-answer',
    class: 'network',
    truth: 'A default-deny egress rollout 100 minutes ago added NetworkPolicy route-planner-egress, whose DNS rule allows only UDP 53 to kube-dns, not TCP 53. The A-record answer for the 36-pod headless Service tile-cache-peers is larger than 512 bytes, so CoreDNS truncates it (TC bit), glibc retries over TCP 53, which the policy drops, and that one lookup times out (EAI_AGAIN) while every other name resolves; after 15 minutes the peer ring expired and route-planner\'s readiness fails. Fix: allow TCP 53 as well in the policy (as eta-service-egress does).',
    ask: { service: 'route-planner', namespace: ns },
    objects: [
      ...nodes, ...dns.objects, ...cache.objects, ...app.objects, ...eta.objects, ...policies,
      ...exposed({ namespace: ns, name: 'route-planner', selector: { app: 'route-planner' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tile-cache-peers', selector: { app: 'tile-cache' }, headless: true, ports: [{ name: 'memcache', port: 11211, targetPort: 11211 }], pods: cache.pods, endpointPort: 11211 }),
      ...exposed({ namespace: ns, name: 'eta-service', selector: { app: 'eta-service' }, pods: eta.pods }),
      scaledReplicaSet(deploymentOf(eta), rsOf(eta, 15), 2, 0, 6 * HOURS),
      ...podEvents,
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      logsFor(podOf(eta, 0), 'app', { current: lines(`{"ts":"${at(2)}","level":"info","msg":"eta computed","route_id":"r_88213","eta_s":1432,"peers":36}`, `{"ts":"${at(0.5)}","level":"info","msg":"GET /v1/eta","status":200,"ms":21}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/route-planner-egress|TCP[ /:]*(port )?53|53\/TCP|DNS over TCP|NetworkPolicy/i],
      facts: [/route-planner-egress/, /tile-cache-peers/, /TCP/],
      never: [/\bOOM/, /CoreDNS[^\n]*(down|crash|fail|overload)/i, /tile-cache[^\n]*(crash|down|unhealthy)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 2. `api_version: 1.10` unquoted in a ConfigMap: YAML reads 1.1 ------------------------------

function yamlFloatApiVersion(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.90', ['14', '162', '205']);
  const image = `${ECR}/billing/tax-gateway:3.4.2`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8000], cpu: '250m', memory: '384Mi',
      env: [{ name: 'TAXGW_SETTINGS', value: '/etc/tax-gateway/settings.yaml' }, { name: 'WEB_CONCURRENCY', value: '2' }],
      volumeMounts: [{ name: 'settings', mountPath: '/etc/tax-gateway', readOnly: true }],
      readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 10 }),
    })],
    volumes: [{ name: 'settings', configMap: { name: 'tax-gateway-config', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'tax-gateway',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: tax-gateway 3.4.2', template: tpl() },
      { revision: 41, createdAgo: 38, template: tpl(stamp(38).replace('Z', '+00:00')) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 38 - k * 0.6 })),
  });
  const cm = configMap({
    namespace: ns, name: 'tax-gateway-config', createdAgo: 210 * DAYS, updatedAgo: 41,
    data: {
      'settings.yaml': [
        'service:',
        '  name: tax-gateway',
        '  log_level: INFO',
        'partner:',
        '  name: taxbridge',
        '  base_url: https://api.taxbridge.io',
        '  # BILL-4411: exemption codes need the newer API',
        '  api_version: 1.10',
        '  timeout_seconds: 5',
        '  retries: 2',
        'cache:',
        '  rates_ttl_seconds: 600',
        '  redis_url: redis://billing-redis:6379/3',
        '',
      ].join('\n'),
    },
  });
  const renderer = bystander(ns, 'invoice-renderer', names, 3 * HOURS, { revisions: [27, 28], versions: ['2.8.0', '2.8.1'], olderAgo: 15 * DAYS });
  const carts = ['c_88213', 'c_10452', 'c_77310', 'c_23018', 'c_55402', 'c_90117', 'c_31876'];
  const log = (k: number) => {
    const t0 = 37.6 - k * 0.6;
    const out = [
      `INFO:     Started server process [1]`,
      `INFO:     Waiting for application startup.`,
      `${pyTime(t0)} INFO taxgw.config: loaded /etc/tax-gateway/settings.yaml: partner=taxbridge base_url=https://api.taxbridge.io api_version=1.1 timeout=5 retries=2`,
      `${pyTime(t0 - 0.01)} INFO taxgw.cache: connected to redis://billing-redis:6379/3`,
      `INFO:     Application startup complete.`,
      `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    ];
    for (let t = t0 - 0.4, i = 0; t > 0.2; t -= 0.9, i++) {
      const cart = carts[(i + k) % carts.length] ?? 'c_1';
      out.push(`${pyTime(t)} WARNING taxgw.partner: POST https://api.taxbridge.io/quotes -> 400 in ${70 + ((i * 13) % 40)} ms: {"error":"unsupported api version 1.1","code":"API_VERSION_UNSUPPORTED","supported_versions":["1.8","1.9","1.10","2.0"]}`);
      out.push(`${pyTime(t - 0.01)} ERROR taxgw.api: tax quote failed for cart ${cart}: PartnerRequestError(status=400, code='API_VERSION_UNSUPPORTED')`);
      out.push(`INFO:     10.0.90.${30 + i % 50}:${41000 + i * 7} - "POST /v1/tax/quote HTTP/1.1" 502 Bad Gateway`);
      if (i % 5 === 3) out.push(`INFO:     10.0.90.${14 + k}:${52000 + i} - "GET /healthz/ready HTTP/1.1" 200 OK`);
      if (i % 11 === 6) out.push(`${pyTime(t - 0.02)} INFO taxgw.cache: rates cache hit ratio 0.94 (last 5m)`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout61-yaml-float-api-version',
    class: 'config',
    truth: 'Forty-one minutes ago someone edited ConfigMap tax-gateway-config to set partner api_version: 1.10 without quotes; YAML reads an unquoted 1.10 as the float 1.1, so after the rollout restart (revision 41) tax-gateway calls TaxBridge with api version 1.1, which the partner rejects with 400 "unsupported api version 1.1" on every quote. Fix: quote the value ("1.10") and restart.',
    ask: { service: 'tax-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects, cm,
      ...exposed({ namespace: ns, name: 'tax-gateway', selector: { app: 'tax-gateway' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: renderer.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 2, 3, 37.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 2, 37.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 36.7),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 28), 2, 0, 3 * HOURS),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 38 - k * 0.6)),
      probeFailed(podOf(renderer, 1), 'app', 'Readiness', `Get "http://${podOf(renderer, 1).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 1 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/api_version|1\.10|tax-gateway-config/],
      facts: [/unsupported api version 1\.1/, /1\.10/],
      never: [/taxbridge[^\n]*(outage|down|unavailable)/i, /\bOOM/, /invoice-renderer/, /crash ?loop/i],
    },
  };
}

// ---- 3. `:latest` + IfNotPresent: two builds in the fleet, only the new one crashes -------------

function latestTagTwoBuilds(): CorpusScenario {
  const ns = 'media';
  const old = threeEksNodes('10.0.55', ['19', '140', '212']);
  const fresh = [
    node({ name: eksNodeName('10.0.55.61'), zone: 'eu-west-1a', createdAgo: 3 * HOURS + 12 }),
    node({ name: eksNodeName('10.0.55.177'), zone: 'eu-west-1b', createdAgo: 3 * HOURS + 9 }),
  ];
  const names = [...old.names, ...fresh.map(nameOf)];
  const image = `${ECR}/media/thumbnailer:latest`;
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 5,
    revisions: [
      { revision: 11, createdAgo: 64 * DAYS, template: { containers: [container({ image, ports: [3000], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 15 }) })] } },
      { revision: 12, createdAgo: 31 * DAYS, template: { containers: [container({ image, ports: [3000], cpu: '500m', memory: '1Gi', env: [{ name: 'MAX_INPUT_PIXELS', value: '100000000' }, { name: 'S3_BUCKET', value: 'acme-media-originals' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 15 }) })] } },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 17 * DAYS },
      { revision: 12, node: names[1] ?? '', createdAgo: 17 * DAYS - 2 },
      { revision: 12, node: names[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 12, node: names[3] ?? '', createdAgo: 3 * HOURS + 5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 }, 39) } },
      { revision: 12, node: names[4] ?? '', createdAgo: 3 * HOURS + 4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 1 }, 38) } },
    ],
    settled: { available: true, availableSince: 31 * DAYS, progressingSince: 31 * DAYS },
  });
  // The kubelet records the digest it resolved `:latest` to when it pulled it on that node.
  const oldDigest = imageDigest(`${image}#build-2211`);
  const newDigest = imageDigest(`${image}#build-2274`);
  app.pods.forEach((p, i) => {
    const s = p.status?.containerStatuses?.[0];
    if (s) s.imageID = i >= 3 ? newDigest : oldDigest;
  });
  const gateway = bystander(ns, 'media-gateway', old.names, 26 * HOURS, { revisions: [40, 41], versions: ['7.2.0', '7.2.1'], olderAgo: 12 * DAYS });
  const crashing = app.pods.slice(3);
  const sharpError = lines(
    '/app/node_modules/sharp/lib/sharp.js:114',
    '  throw new Error(help.join(\'\\n\'));',
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
    '    at Module._compile (node:internal/modules/cjs/loader:1546:14)',
    '    at Object..js (node:internal/modules/cjs/loader:1689:10)',
    '    at Module.load (node:internal/modules/cjs/loader:1318:32)',
    '    at Function._load (node:internal/modules/cjs/loader:1128:12)',
    '    at TracingChannel.traceSync (node:diagnostics_channel:315:14)',
    '    at wrapModuleLoad (node:internal/modules/cjs/loader:218:24)',
    '    at Module.require (node:internal/modules/cjs/loader:1340:12)',
    '    at require (node:internal/modules/helpers:138:16)',
    '    at Object.<anonymous> (/app/node_modules/sharp/lib/constructor.js:10:1)',
    '',
    'Node.js v22.11.0',
  ).replace(/\n$/, '');
  const okLog = (k: number) => {
    const out = [`{"level":30,"time":${Date.parse(at((k < 2 ? 17 * DAYS - k * 2 : 6 * DAYS) - 0.3))},"pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"thumbnailer 4.2.0 listening on :3000 (node v20.18.0, sharp 0.33.5, libvips 8.15.3)"}`];
    for (let i = 0; i < 10; i++) out.push(`{"level":30,"time":${Date.parse(at(9 - i * 0.9 - k * 0.1))},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"POST","url":"/v1/thumbnails"},"res":{"statusCode":201},"responseTime":${180 + ((i * 37 + k * 11) % 260)},"key":"originals/2026/11/21/${hex(`img${k}${i}`, 12)}.jpg","sizes":[160,480,1080],"msg":"request completed"}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout61-latest-tag-ifnotpresent-two-builds',
    class: 'containers',
    truth: 'thumbnailer runs image thumbnailer:latest with imagePullPolicy IfNotPresent. CI pushed a new :latest last night (node:22-alpine base, whose sharp has no linuxmusl-x64 binary); the three older nodes still run the build they pulled weeks ago (imageID ...' + oldDigest.slice(-12) + '), while the two nodes added three hours ago pulled the new build (imageID ...' + newDigest.slice(-12) + ') and its pods crash at start with "Could not load the sharp module using the linuxmusl-x64 runtime". The Deployment did not change; the nodes are fine. Fix: pin an immutable tag or digest (the old build) and fix the image.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...old.nodes, ...fresh, ...app.objects, ...gateway.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'media-gateway', selector: { app: 'media-gateway' }, pods: gateway.pods }),
      event({ on: { kind: 'Node', name: nameOf(fresh[0]) }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(fresh[0])} event: Registered Node ${nameOf(fresh[0])} in Controller`, firstAgo: 3 * HOURS + 11, lastAgo: 3 * HOURS + 11, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: nameOf(fresh[1]) }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(fresh[1])} event: Registered Node ${nameOf(fresh[1])} in Controller`, firstAgo: 3 * HOURS + 8, lastAgo: 3 * HOURS + 8, component: 'node-controller' }),
      ...crashing.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image, { atAgo: 3 * HOURS + 5 - k, bytes: 168_410_223, seconds: 7.912 }),
        ...restartedAgain(p, 'app', image, { count: 40 - k, firstAgo: 3 * HOURS + 4.8 - k, lastAgo: k === 0 ? 2.1 : 3.4 }),
        backOff(p, 'app', { count: 842 - k * 9, firstAgo: 3 * HOURS + 4 - k }),
      ]),
      probeFailed(podOf(gateway, 0), 'app', 'Liveness', `Get "http://${podOf(gateway, 0).status?.podIP ?? ''}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2 }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
      ...crashing.map((p) => logsFor(p, 'app', { current: sharpError + '\n', previous: sharpError + '\n' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/:latest|latest tag|IfNotPresent|digest|imageID|sha256|(different|new|newer|two) (image )?builds?/i],
      facts: [/sharp/, /latest/],
      never: [/\bOOM/, /ip-10-0-55-(61|177)[^\n]*(faulty|broken|bad|NotReady|pressure|cordon|drain)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. Kafka consumer group.id renamed with auto.offset.reset=earliest ---------------------------

function kafkaGroupIdRenamed(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.120', ['31', '96', '240']);
  const image = (v: string) => `${ECR}/notify/push-notifier:${v}`;
  const brokers = 'b-1.notify-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9092,b-2.notify-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9092,b-3.notify-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9092';
  const tpl = (v: string, group: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: brokers },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: group },
        { name: 'SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET', value: 'earliest' },
        { name: 'SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS', value: '500' },
        { name: 'NOTIFY_TOPIC', value: 'notifications.outbound.v3' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'push-notifier',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: push-notifier 2.30.4', template: tpl('2.30.4', 'push-notifier') },
      { revision: 57, createdAgo: 52, changeCause: 'argocd: push-notifier 2.31.0', template: tpl('2.31.0', 'push-notifier-v2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 52 - k * 0.9 })),
  });
  const email = bystander(ns, 'email-notifier', names, 5 * DAYS, { revisions: [18, 19], versions: ['1.22.0', '1.22.1'], olderAgo: 30 * DAYS });
  const topic = 'notifications.outbound.v3';
  const types = ['order_shipped', 'order_delivered', 'price_drop', 'back_in_stock', 'cart_reminder'];
  const sp = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)}  ${level.padStart(5)} 1 --- [push-notifier] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const log = (k: number) => {
    const t0 = 51.4 - k * 0.9;
    const client = `[Consumer clientId=consumer-push-notifier-v2-${k + 1}, groupId=push-notifier-v2]`;
    const parts = [k * 4, k * 4 + 1, k * 4 + 2, k * 4 + 3];
    const out = [
      sp(t0, 'INFO', 'main', 'c.a.notify.PushNotifierApplication', 'Started PushNotifierApplication in 11.482 seconds (process running for 12.301)'),
      sp(t0 - 0.05, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client} Successfully joined group with generation Generation{generationId=${k + 1}, memberId='consumer-push-notifier-v2-${k + 1}-${hex(`m${k}`, 8)}-${hex(`n${k}`, 4)}', protocol='range'}`),
      sp(t0 - 0.06, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client} Adding newly assigned partitions: ${parts.map((p) => `${topic}-${p}`).join(', ')}`),
      ...parts.map((p) => sp(t0 - 0.07, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client} Found no committed offset for partition ${topic}-${p}`)),
      ...parts.map((p) => sp(t0 - 0.08, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.SubscriptionState', `${client} Resetting offset for partition ${topic}-${p} to position FetchPosition{offset=0, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[b-${(p % 3) + 1}.notify-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9092 (id: ${(p % 3) + 1} rack: euw1-az${(p % 3) + 1})], epoch=4}}.`)),
      sp(t0 - 0.09, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `push-notifier-v2: partitions assigned: [${parts.map((p) => `${topic}-${p}`).join(', ')}]`),
    ];
    for (let t = t0 - 0.2, i = 0; t > 0.2; t -= 0.7, i++) {
      const createdAt = stamp(6 * DAYS - 40 - (51 - t) * 150 - k * 7);
      out.push(sp(t, 'INFO', 'ntainer#0-0-C-1', 'c.a.notify.push.PushDispatcher', `sent push notification_id=ntf_${hex(`n${k}${i}`, 10)} user=u_${100000 + ((i * 7919 + k * 131) % 899999)} type=${types[(i + k) % types.length]} created_at=${createdAt} partition=${parts[i % 4]} via=${i % 3 === 0 ? 'apns' : 'fcm'}`));
      if (i % 7 === 3) out.push(sp(t - 0.02, 'WARN', 'ntainer#0-0-C-1', 'c.a.notify.push.FcmSender', `FCM rejected token for user=u_${200000 + i * 13}: UNREGISTERED (404); token removed`));
      if (i % 10 === 5) out.push(sp(t - 0.03, 'INFO', 'lag-reporter', 'c.a.notify.metrics.LagReporter', `consumer lag group=push-notifier-v2 topic=${topic} assigned=${parts.join(',')} total_lag=${4_120_000 - i * 9_800 - k * 31_000} max_partition_lag=${1_090_000 - i * 2_600}`));
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout61-kafka-group-id-renamed-earliest',
    class: 'config',
    truth: 'Revision 57 of push-notifier (2.31.0, 52 minutes ago) changed SPRING_KAFKA_CONSUMER_GROUP_ID from push-notifier to push-notifier-v2. The new group has no committed offsets and auto.offset.reset is earliest, so every partition was reset to offset 0 of notifications.outbound.v3 (six days of data under a seven-day retention): the service is re-sending a week of push notifications to users, with millions of records of lag. Fix: restore the old group.id (or set the new group\'s offsets to the old group\'s / to latest) before resuming.',
    ask: { service: 'push-notifier', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...email.objects,
      ...exposed({ namespace: ns, name: 'push-notifier', selector: { app: 'push-notifier' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'email-notifier', selector: { app: 'email-notifier' }, pods: email.pods }),
      configMap({ namespace: ns, name: 'kafka-topics', createdAgo: 6 * DAYS + 60, data: { 'topics.yaml': `- name: ${topic}\n  partitions: 12\n  replication_factor: 3\n  retention_ms: 604800000\n- name: notifications.dlq.v3\n  partitions: 3\n  retention_ms: 1209600000\n` } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 2, 3, 51.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 1, 50.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 2, 50),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.31.0'), 52 - k * 0.9)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: 51.8, lastAgo: 51.6 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/group\.id|group[ -]?id|GROUP_ID|push-notifier-v2|consumer group/i],
      facts: [/earliest/i, /offset=0|lag|beginning/i],
      never: [/\bOOM/, /crash ?loop/i, /(kafka|broker|msk)[^\n]*(down|unavailable|outage|unreachable)/i, /email-notifier/],
    },
  };
}

// ---- 5. S3 lifecycle expiration: only keys older than a day are gone ------------------------------

function s3LifecycleExpiration(): CorpusScenario {
  const ns = 'statements';
  const { nodes, names } = threeEksNodes('10.0.33', ['12', '150', '74']);
  const image = `${ECR}/statements/statement-service:1.17.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-service',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 26 * DAYS, changeCause: 'argocd: statement-service 1.17.2', template: { containers: [container({ image: `${ECR}/statements/statement-service:1.17.2`, envFrom: [{ configMapRef: { name: 'statement-service-config' } }], ports: [8080], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })], serviceAccountName: 'statement-service' } },
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: statement-service 1.17.3', template: { containers: [container({ image, envFrom: [{ configMapRef: { name: 'statement-service-config' } }], ports: [8080], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })], serviceAccountName: 'statement-service' } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const renderer = bystander(ns, 'statement-renderer', names, 3 * HOURS + 10, { revisions: [33, 34], versions: ['3.0.8', '3.1.0'], olderAgo: 20 * DAYS });
  const cm = configMap({ namespace: ns, name: 'statement-service-config', createdAgo: 140 * DAYS, data: { S3_BUCKET: 'acme-statements-prod-euw1', S3_PREFIX: 'statements/', AWS_REGION: 'eu-west-1', PRESIGN_TTL: '15m', LOG_LEVEL: 'info' } });
  // Statements requested, with how long ago each was rendered (minutes): beyond ~24 h they are gone.
  const ages = [3 * DAYS + 100, 50, 26 * HOURS + 12, 7 * HOURS, 2 * DAYS + 300, 23 * HOURS + 20, 25 * HOURS + 5, 40, 9 * DAYS, 14 * HOURS, 30 * HOURS, 2 * HOURS, 4 * DAYS, 24 * HOURS + 30, 22 * HOURS, 11 * DAYS];
  const log = (k: number) => {
    const out = [`{"level":"info","ts":"${at(9 * DAYS - k - 0.4)}","caller":"cmd/server/main.go:61","msg":"statement-service starting","version":"1.17.3","bucket":"acme-statements-prod-euw1","region":"eu-west-1"}`];
    ages.forEach((age, i) => {
      const t = 30 - i * 1.8 - k * 0.3;
      const made = stamp(t + age);
      const acct = `acct-${40000 + ((i * 7919 + k * 613) % 59999)}`;
      const key = `statements/${made.slice(0, 10).replace(/-/g, '/')}/${acct}/stmt-${made.replace(/:/g, '-')}.pdf`;
      const rid = hex(`rid${k}${i}`, 16).toUpperCase();
      if (age > 24 * HOURS + 2) {
        out.push(`{"level":"error","ts":"${at(t)}","caller":"store/s3.go:118","msg":"get statement object","bucket":"acme-statements-prod-euw1","key":"${key}","error":"operation error S3: GetObject, https response error StatusCode: 404, RequestID: ${rid}, HostID: ${hex(`h${k}${i}`, 40)}=, api error NoSuchKey: The specified key does not exist."}`);
        out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/log.go:40","msg":"request","method":"GET","path":"/v1/accounts/${acct}/statements/latest/download","status":500,"duration_ms":${38 + i}}`);
      } else {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"http/log.go:40","msg":"request","method":"GET","path":"/v1/accounts/${acct}/statements/latest/download","status":302,"duration_ms":${21 + i},"key":"${key}"}`);
      }
      if (i === 6 && k === 1) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","caller":"http/log.go:52","msg":"client went away","path":"/v1/accounts/${acct}/statements","error":"context canceled"}`);
    });
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout61-s3-lifecycle-expired-old-keys',
    class: 'config',
    truth: 'The storage team added an S3 lifecycle rule to bucket acme-statements-prod-euw1 (outside the cluster) that expires objects after one day. statement-service itself is unchanged for nine days: downloads of statements rendered within the last ~24 hours work (302), every key whose date is older than a day gets NoSuchKey and a 500. Fix: remove or scope the expiration rule and restore the objects from versioning/backup.',
    ask: { service: 'statement-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects, cm,
      ...exposed({ namespace: ns, name: 'statement-service', selector: { app: 'statement-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'statement-renderer', selector: { app: 'statement-renderer' }, pods: renderer.pods }),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 34), 2, 0, 3 * HOURS + 10),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 33), 0, 2, 3 * HOURS + 8),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      logsFor(podOf(renderer, 0), 'app', { current: lines(`{"level":"info","ts":"${at(12)}","msg":"rendered statement","key":"statements/${stamp(12).slice(0, 10).replace(/-/g, '/')}/acct-51207/stmt-${stamp(12, true)}.pdf","pages":4,"ms":812}`, `{"level":"info","ts":"${at(4)}","msg":"uploaded","bucket":"acme-statements-prod-euw1","bytes":188213}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lifecycle|expir|older than|24 ?h|a day|one day|retention/i],
      facts: [/NoSuchKey/, /acme-statements-prod-euw1|statements\/2026\/11\/(1[0-9])/],
      never: [ADVISES_ROLLBACK, /statement-renderer/, /AccessDenied|IAM|permission|credential/i, /\bOOM/],
    },
  };
}

// ---- 6. Laravel queue worker --timeout 120 > retry_after 90 ---------------------------------------

function laravelTimeoutOverRetryAfter(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.47', ['20', '119', '233']);
  const image = `${ECR}/shop/orders-app:2025.11.3`;
  const worker = (timeout: number) => ({
    containers: [batchContainer({
      name: 'worker', image, command: ['php', 'artisan', 'queue:work', 'redis'],
      args: ['--queue=exports,default', `--timeout=${timeout}`, '--tries=2', '--sleep=3', '--max-jobs=500'],
      envFrom: [{ configMapRef: { name: 'orders-app-env' } }], cpu: '250m', memory: '512Mi',
    })],
    terminationGracePeriodSeconds: timeout + 10,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-worker',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: orders-app 2025.11.1', template: worker(60) },
      { revision: 14, createdAgo: 2 * DAYS + 130, changeCause: 'argocd: orders-worker timeout 120 (OPS-2291 exports timing out)', template: worker(120) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 2 * DAYS + 129 - k, containers: { worker: running({ sinceAgo: k === 2 ? 7 * HOURS : 2 * DAYS + 128 - k, restarts: k === 2 ? 1 : 0, ...(k === 2 ? { last: { exitCode: 0, reason: 'Completed', finishedAgo: 7 * HOURS, ranSeconds: 41 * HOURS } } : {}) }) } })),
  });
  const web = bystander(ns, 'orders-web', names, 5 * HOURS, { revisions: [61, 62], versions: ['2025.11.2', '2025.11.3'], olderAgo: 6 * DAYS });
  const cm = configMap({
    namespace: ns, name: 'orders-app-env', createdAgo: 300 * DAYS, updatedAgo: 6 * DAYS,
    data: { APP_ENV: 'production', APP_DEBUG: 'false', LOG_CHANNEL: 'stderr', LOG_LEVEL: 'info', QUEUE_CONNECTION: 'redis', REDIS_HOST: 'orders-redis-master', REDIS_PORT: '6379', REDIS_QUEUE: 'default', REDIS_QUEUE_RETRY_AFTER: '90', CACHE_DRIVER: 'redis', MAIL_MAILER: 'ses', EXPORTS_DISK: 's3' },
  });
  const dots = (name: string) => `${name} `.padEnd(70, '.');
  // Export jobs take 100–170 s: after 90 s the reserved job is visible again and another worker takes it.
  const exp = [88213, 88217, 88230, 88241, 88252];
  const log = (k: number) => {
    const entries: { t: number; text: string }[] = [];
    let cur = 0;
    // Lines in time order; a stack trace line keeps the time of the line it belongs to.
    const out = {
      push: (text: string) => {
        const m = /^\s*\[?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(text);
        if (m?.[1] !== undefined) cur = Date.parse(`${m[1].replace(' ', 'T')}Z`);
        entries.push({ t: cur, text });
      },
    };
    exp.forEach((id, i) => {
      const start = 48 - i * 9;
      const dur = 100 + ((id * 7) % 70);
      const attempt1 = i % 3 === k;
      const attempt2 = (i + 1) % 3 === k;
      const attempt3 = (i + 2) % 3 === k && dur > 180;
      if (attempt1) {
        out.push(`  ${sqlTime(start)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} RUNNING`);
        out.push(`[${sqlTime(start - 0.01)}] production.INFO: Order export started {"export_id":${id},"merchant_id":${4400 + i},"attempt":1}`);
        out.push(`[${sqlTime(start - dur / 60)}] production.INFO: Export ready mail sent {"export_id":${id},"rows":${180000 + i * 23111}}`);
        out.push(`  ${sqlTime(start - dur / 60)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} ${Math.floor(dur / 60)}m ${dur % 60}s DONE`);
      }
      if (attempt2) {
        const s2 = start - 1.55;
        out.push(`  ${sqlTime(s2)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} RUNNING`);
        out.push(`[${sqlTime(s2 - 0.01)}] production.INFO: Order export started {"export_id":${id},"merchant_id":${4400 + i},"attempt":2}`);
        out.push(`[${sqlTime(s2 - dur / 60)}] production.INFO: Export ready mail sent {"export_id":${id},"rows":${180000 + i * 23111}}`);
        out.push(`  ${sqlTime(s2 - dur / 60)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} ${Math.floor(dur / 60)}m ${dur % 60}s DONE`);
      }
      if ((i + 2) % 3 === k && !attempt3) {
        const s3 = start - 3.1;
        out.push(`  ${sqlTime(s3)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} RUNNING`);
        out.push(`  ${sqlTime(s3)} App\\Jobs\\GenerateOrderExport ${dots('').slice(0, 30)} 4.12ms FAIL`);
        out.push(`[${sqlTime(s3)}] production.ERROR: App\\Jobs\\GenerateOrderExport has been attempted too many times or run too long. The job may have previously timed out. {"exception":"[object] (Illuminate\\\\Queue\\\\MaxAttemptsExceededException(code: 0): App\\\\Jobs\\\\GenerateOrderExport has been attempted too many times or run too long. The job may have previously timed out. at /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/MaxAttemptsExceededException.php:24)`);
        out.push('[stacktrace]');
        out.push('#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(785): Illuminate\\Queue\\MaxAttemptsExceededException::forJob(Object(Illuminate\\Queue\\Jobs\\RedisJob))');
        out.push('#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(519): Illuminate\\Queue\\Worker->markJobAsFailedIfAlreadyExceedsMaxAttempts(\'redis\', Object(Illuminate\\Queue\\Jobs\\RedisJob), 2)');
        out.push('#2 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(428): Illuminate\\Queue\\Worker->process(\'redis\', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))');
        out.push('#3 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(389): Illuminate\\Queue\\Worker->runJob(Object(Illuminate\\Queue\\Jobs\\RedisJob), \'redis\', Object(Illuminate\\Queue\\WorkerOptions))');
        out.push('#4 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(176): Illuminate\\Queue\\Worker->runNextJob(\'redis\', \'exports,default\', Object(Illuminate\\Queue\\WorkerOptions))');
        out.push('#5 {main}');
        out.push('"}');
      }
      out.push(`  ${sqlTime(start - 5 - k * 0.1)} App\\Jobs\\SyncOrderToErp ${dots('').slice(0, 36)} RUNNING`);
      out.push(`  ${sqlTime(start - 5.01 - k * 0.1)} App\\Jobs\\SyncOrderToErp ${dots('').slice(0, 36)} 212.40ms DONE`);
      if (i === 1 && k === 0) out.push(`[${sqlTime(start - 5.005)}] production.WARNING: ERP responded 409 for order already synced {"order_id":1928841}`);
    });
    return entries.map((e, n) => ({ ...e, n })).sort((a, b) => a.t - b.t || a.n - b.n).map((e) => e.text).join('\n') + '\n';
  };
  return {
    id: 'heldout61-laravel-timeout-over-retry-after',
    class: 'config',
    truth: 'Revision 14 of orders-worker raised queue:work --timeout from 60 to 120 seconds for long exports, but the redis queue connection\'s retry_after (REDIS_QUEUE_RETRY_AFTER=90 in ConfigMap orders-app-env) stayed 90: an export that runs longer than 90 s is released back to the queue while still running, another worker runs it again (duplicate exports and mails), and a third pickup fails with MaxAttemptsExceededException. Fix: retry_after must exceed the worker timeout (e.g. 150), or the timeout go back under 90.',
    ask: { service: 'orders-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, cm,
      ...exposed({ namespace: ns, name: 'orders-web', selector: { app: 'orders-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 62), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 61), 0, 2, 5 * HOURS - 2),
      ...restartedAgain(podOf(app, 2), 'worker', image, { count: 1, firstAgo: 7 * HOURS, lastAgo: 7 * HOURS }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: log(k), ...(k === 2 ? { previous: lines(`  ${sqlTime(7 * HOURS + 0.1)} App\\Jobs\\SyncOrderToErp ........................ 188.02ms DONE`, `  INFO  Worker stopped: reached max jobs (500).`) } : {}) })),
    expect: {
      verdict: 'problems',
      headline: [/retry_after|RETRY_AFTER|--timeout|timeout[^\n]*(120|90)|(120|90)[^\n]*timeout/i],
      facts: [/MaxAttemptsExceededException|attempted too many times/, /\b90\b/],
      never: [/\bOOM/, /redis[^\n]*(down|unreachable|unavailable)/i, /crash ?loop/i, /orders-web/],
    },
  };
}

// ---- 7. healthy: Kafka Streams after a scale-up rebalance, InsecureRequestWarning from a sidecar ----

function healthyStreamsAfterScaleUp(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.150', ['27', '98', '201']);
  const image = `${ECR}/risk/fraud-scorer:6.4.1`;
  const pusher = 'python:3.12-slim';
  const tpl = {
    containers: [
      container({
        image, ports: [8080], cpu: '1', memory: '2Gi',
        env: [
          { name: 'KAFKA_BOOTSTRAP', value: 'kafka-risk-bootstrap.kafka.svc:9093' },
          { name: 'APPLICATION_ID', value: 'fraud-scorer' },
          { name: 'NUM_STREAM_THREADS', value: '2' },
          { name: 'STATE_DIR', value: '/var/lib/kafka-streams' },
        ],
        volumeMounts: [{ name: 'state', mountPath: '/var/lib/kafka-streams' }],
        readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 60 }),
      }),
      container({
        name: 'metrics-push', image: pusher, ports: [], cpu: '20m', memory: '64Mi', readiness: null, liveness: null,
        command: ['sh', '-c', 'while true; do python /opt/push/push.py; sleep 60; done'],
        env: [{ name: 'PUSH_URL', value: 'https://metrics-gw.observability.svc:9443/metrics/job/fraud-scorer' }, { name: 'VERIFY_TLS', value: 'false' }],
        volumeMounts: [{ name: 'push-script', mountPath: '/opt/push', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'state', emptyDir: { sizeLimit: '10Gi' } }, { name: 'push-script', configMap: { name: 'fraud-scorer-push', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 5,
    revisions: [
      { revision: 8, createdAgo: 27 * DAYS, changeCause: 'argocd: fraud-scorer 6.3.2', template: tpl },
      { revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: fraud-scorer 6.4.1', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 6 * DAYS - k * 2 })),
      { revision: 9, node: names[0] ?? '', createdAgo: 3 * HOURS + 2 },
      { revision: 9, node: names[1] ?? '', createdAgo: 3 * HOURS + 2 },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const dep = deploymentOf(app);
  const j = (t: number, level: string, thread: string, logger: string, msg: string) => `${pyTime(t)} ${level.padEnd(5)} [${thread}] ${logger} - ${msg}`;
  const clientId = (p: k8s.V1Pod) => `fraud-scorer-${hex(nameOf(p), 8)}-${hex(`${nameOf(p)}b`, 4)}-4${hex(`${nameOf(p)}c`, 3)}-a${hex(`${nameOf(p)}d`, 3)}-${hex(`${nameOf(p)}e`, 12)}`;
  const appLog = (p: k8s.V1Pod, k: number) => {
    const cid = clientId(p);
    const thread = `${cid}-StreamThread-1`;
    const isNew = k >= 3;
    const r = 3 * HOURS + (isNew ? 1.2 : 1.4);
    const out: string[] = [];
    if (isNew) out.push(j(r + 0.3, 'INFO', 'main', 'org.apache.kafka.streams.KafkaStreams', `stream-client [${cid}] State transition from CREATED to REBALANCING`));
    else out.push(j(r, 'INFO', thread, 'org.apache.kafka.streams.KafkaStreams', `stream-client [${cid}] State transition from RUNNING to REBALANCING`));
    out.push(j(r - 0.02, 'INFO', thread, 'org.apache.kafka.streams.processor.internals.StreamThread', `stream-thread [${thread}] State transition from ${isNew ? 'STARTING' : 'RUNNING'} to PARTITIONS_ASSIGNED`));
    if (isNew) {
      out.push(j(r - 0.2, 'INFO', thread, 'org.apache.kafka.streams.processor.internals.StoreChangelogReader', `stream-thread [${thread}] Restoration in progress for 2 partitions. {fraud-scorer-velocity-store-changelog-${k * 2}: position=412885, end=1830112, totalRestored=412885} {fraud-scorer-velocity-store-changelog-${k * 2 + 1}: position=388104, end=1797220, totalRestored=388104}`));
      out.push(j(r - 1.1, 'INFO', thread, 'org.apache.kafka.streams.processor.internals.StoreChangelogReader', `stream-thread [${thread}] Finished restoring changelog fraud-scorer-velocity-store-changelog-${k * 2} to store velocity-store with a total number of 1830112 records`));
    }
    out.push(j(r - 1.2, 'INFO', thread, 'org.apache.kafka.streams.processor.internals.StreamThread', `stream-thread [${thread}] State transition from PARTITIONS_ASSIGNED to RUNNING`));
    out.push(j(r - 1.21, 'INFO', thread, 'org.apache.kafka.streams.KafkaStreams', `stream-client [${cid}] State transition from REBALANCING to RUNNING`));
    for (let t = 10 - k * 0.1, i = 0; t > 0.3; t -= 1, i++) out.push(j(t, 'INFO', 'scoring-stats', 'com.acme.risk.ScoringTopology', `scored ${9800 + ((i * 311 + k * 97) % 1400)} txns in last 60s, p99=${11 + (i % 5)}ms, review_rate=0.${6 + (i % 3)}%`));
    return out.join('\n') + '\n';
  };
  const pushLog = (k: number) => {
    const out: string[] = [];
    for (let t = 6 - k * 0.05; t > 0.2; t -= 1) {
      out.push(`/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py:1099: InsecureRequestWarning: Unverified HTTPS request is being made to host 'metrics-gw.observability.svc'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings`);
      out.push('  warnings.warn(');
      out.push(`${pyTime(t)} INFO push: pushed 214 series to https://metrics-gw.observability.svc:9443/metrics/job/fraud-scorer (HTTP 200, 38 ms)`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout61-healthy-streams-after-scale-up',
    class: 'healthy',
    truth: 'Nothing is wrong: fraud-scorer was scaled from 3 to 5 replicas three hours ago, its Kafka Streams clients rebalanced (RUNNING → REBALANCING → RUNNING, the new members restoring their state stores) and have been steady since. The InsecureRequestWarning lines come from the metrics-push sidecar posting to the internal metrics gateway with verification off, by design, and every push returns 200.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      configMap({ namespace: ns, name: 'fraud-scorer-push', createdAgo: 90 * DAYS, data: { 'push.py': 'import os, requests\nfrom metrics import collect\nr = requests.post(os.environ["PUSH_URL"], data=collect(), verify=os.environ.get("VERIFY_TLS") == "true", timeout=5)\nprint(f"pushed ...")\n' } }),
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      scaledReplicaSet(dep, rsOf(app, 9), 5, 3, 3 * HOURS + 2),
      event({ on: { kind: 'ReplicaSet', metadata: { name: rsOf(app, 9), namespace: ns } }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, 3))}`, firstAgo: 3 * HOURS + 2, lastAgo: 3 * HOURS + 2, component: 'replicaset-controller' }),
      event({ on: { kind: 'ReplicaSet', metadata: { name: rsOf(app, 9), namespace: ns } }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, 4))}`, firstAgo: 3 * HOURS + 2, lastAgo: 3 * HOURS + 2, component: 'replicaset-controller' }),
      ...app.pods.slice(3).flatMap((p) => [...startedNormally(p, 'app', image, 3 * HOURS + 2), ...restartedAgain(p, 'metrics-push', pusher, { count: 1, firstAgo: 3 * HOURS + 1.9, lastAgo: 3 * HOURS + 1.9 })]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      ...app.pods.map((p, k) => logsFor(p, 'metrics-push', { current: pushLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current |ongoing )?(problems?|issues?|failures?|faults?)|nothing (is )?(wrong|failing|broken)|running normally|\bfine\b|\bOK\b/i],
      facts: [/fraud-scorer/],
      never: [/(TLS|certificate|InsecureRequest)[^\n]*(problem|fail|issue|cause|broken)/i, /rebalanc[^\n]*(stuck|loop|storm|fail)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  dnsEgressUdpOnly(),
  yamlFloatApiVersion(),
  latestTagTwoBuilds(),
  kafkaGroupIdRenamed(),
  s3LifecycleExpiration(),
  laravelTimeoutOverRetryAfter(),
  healthyStreamsAfterScaleUp(),
];
