// Held-out stories, twenty-ninth round, part two: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// Pooled Postgres connections silently dropped by a NAT gateway's 350 s idle timeout after the
// database moved, an API caching its identity provider's JWKS for 24 h across a key rotation, a
// new node pool whose image lacks the NFS client, an operator throttled server-side by API
// Priority and Fairness (429) while another tenant's controller hammers the API server, an
// Elasticsearch index with no replicas whose primary lived on a lost local volume, a Recreate
// strategy on a JVM service with a 3-minute cache warm-up, and a healthy control: a gRPC service
// whose load balancer's HTTP health checks produce harmless transport warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, configMap, container, deploymentApp, epochMs, event, execProbe, exposed, httpProbe, nameOf, node,
  nodeEvent, probeFailed, pulledFresh, pv, pvc, pyTime, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe,
  uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers ----------------------------------------------------------------------------

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
}

/** klog's header: `W1121 03:05:41.118230       1 reflector.go:561] `. */
function klog(level: 'I' | 'W' | 'E', minutes: number, file: string): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + 417).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${file}] `;
}

/** Go's log package default: `2026/11/21 03:12:04`. */
function goLogTime(minutes: number): string {
  return at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}

const secretEnv = (name: string, secret: string, key: string): k8s.V1EnvVar => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

// ---- 1. pooled Postgres connections dropped by a NAT gateway's idle timeout -----------------------

function pooledConnectionsResetByNatIdleTimeout(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = `${ECR}/pricing/quote-service:2.14.1`;
  const oldHost = 'pricing-pg.cx1vq8a2lk3d.eu-west-1.rds.amazonaws.com';
  const newHost = 'pricing-pg.shared-data.acme.internal';
  const env = (host: string): k8s.V1EnvVar[] => [
    { name: 'DATABASE_HOST', value: host },
    { name: 'DATABASE_PORT', value: '5432' },
    { name: 'DATABASE_NAME', value: 'pricing' },
    { name: 'DATABASE_USER', value: 'quote_service' },
    secretEnv('DATABASE_PASSWORD', 'quote-service-db', 'password'),
    { name: 'DATABASE_SSLMODE', value: 'require' },
    { name: 'DB_POOL_SIZE', value: '10' },
    { name: 'DB_MAX_OVERFLOW', value: '5' },
    { name: 'DB_POOL_RECYCLE', value: '1800' },
    { name: 'DB_POOL_PRE_PING', value: 'false' },
    { name: 'WEB_CONCURRENCY', value: '2' },
  ];
  const tpl = (host: string) => ({
    containers: [container({ image, ports: [8000], cpu: '500m', memory: '768Mi', env: env(host), readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })],
    serviceAccountName: 'quote-service',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-service 2.14.1', template: tpl(oldHost) },
      { revision: 24, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: `CHG-8812: DATABASE_HOST -> ${newHost} (pricing DB moved to shared-data account)`, template: tpl(newHost) },
    ],
    pods: [
      { revision: 24, node: names[0] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 1 },
      // Old noise: an OOM kill a day ago during the monthly rate-card import, long since recovered.
      { revision: 24, node: names[1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 2, containers: { app: running({ sinceAgo: 26 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 26 * HOURS, ranSeconds: 21 * 3600 } }) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 3 },
    ],
  });
  const other = bystander(ns, 'pricing-rules', names, 35, { revisions: [61, 62], versions: ['4.0.7', '4.0.8'], olderAgo: 6 * DAYS });
  const sql = 'SELECT rate_cards.id, rate_cards.region, rate_cards.currency, rate_cards.valid_from FROM rate_cards WHERE rate_cards.region = %(region_1)s AND rate_cards.valid_from <= %(valid_from_1)s ORDER BY rate_cards.valid_from DESC \n LIMIT %(param_1)s';
  const errors = ['could not receive data from server: Connection reset by peer', 'SSL SYSCALL error: Connection reset by peer', 'SSL SYSCALL error: EOF detected'];
  // Night traffic: a few requests every 6–14 minutes per pod; the first queries after each lull fail, the retries succeed.
  const bursts: number[][] = [[63, 51, 38.5, 24, 9.5, 1.5], [66, 57, 44, 30.5, 17, 4], [61, 49, 35, 21.5, 12, 2.5]];
  const podLog = (pod: number): string => {
    const out: string[] = [`${pyTime(2 * DAYS)} INFO [uvicorn.error] Application startup complete.`];
    let rid = 4100 + pod * 977;
    for (const t of bursts[pod] ?? []) {
      const client = `10.0.${97 + pod}.${41 + (rid % 60)}`;
      const failed = 1 + (rid % 3);
      for (let k = 0; k < failed; k++) {
        const tt = t - k * 0.02;
        rid += 1;
        out.push(
          `${pyTime(tt)} ERROR [quote_service.api.quotes] request_id=q-${rid.toString(16)} POST /v2/quotes failed: (psycopg2.OperationalError) ${errors[(rid + k) % errors.length] ?? ''}`,
          '',
          `[SQL: ${sql}]`,
          "[parameters: {'region_1': 'eu-central', 'valid_from_1': '2026-11-21', 'param_1': 1}]",
          '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
          `INFO:     ${client}:${39000 + rid % 20000} - "POST /v2/quotes HTTP/1.1" 500 Internal Server Error`,
        );
      }
      for (let k = 0; k < failed + 3; k++) out.push(`INFO:     ${client}:${40000 + (rid + k) % 20000} - "POST /v2/quotes HTTP/1.1" 200 OK`);
      out.push(`INFO:     10.0.${97 + pod}.12:52210 - "GET /v2/rate-cards/eu-central HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout29-pooled-db-connections-reset-after-idle',
    class: 'network',
    truth: `Two days ago (revision 24, CHG-8812) quote-service was pointed at the pricing database's new home, ${newHost}, in the shared-data account, reached through a NAT gateway whose idle timeout is 350 s. The SQLAlchemy pool keeps up to 10 idle connections per worker and recycles them only after 1800 s, with no pre-ping and no TCP keepalive short enough to keep the NAT flow alive; at night, after every lull of more than ~6 minutes the gateway has already dropped the flows, so the first queries on each pod fail with "Connection reset by peer" / "SSL SYSCALL error: EOF detected" and succeed on retry with fresh connections. The database is healthy. Fix: pool_pre_ping=True and a pool_recycle below 350 s (or TCP keepalives under 350 s).`,
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'pricing-rules', selector: { app: 'pricing-rules' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 62), 2, 0, 35),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 61), 0, 2, 34),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: podLog(i) })),
      logsFor(podOf(other, 0), 'app', { current: lines(`{"time":"${at(34)}","level":"INFO","msg":"pricing-rules 4.0.8 listening","addr":":8080"}`, `{"time":"${at(3)}","level":"INFO","msg":"GET /v1/rules/eu-central","status":200,"dur_ms":3}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/idle|reset|stale|NAT/i, /pool|connection|database|postgres|\bDB\b|pricing-pg/i],
      facts: [lit(newHost), /1800/, /reset by peer/i],
      never: [/\bOOM/, /pricing-rules/, /password|credential|authentication fail/i, /crash ?loop/i],
    },
  };
}

// ---- 2. an API caching the identity provider's JWKS for 24 h across a key rotation ----------------

function jwksCachedAcrossKeyRotation(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '87', '201']);
  const image = (v: string) => `${ECR}/commerce/orders-api:${v}`;
  const jwksUrl = 'http://auth-server.identity.svc.cluster.local:8080/oauth2/jwks';
  const env: k8s.V1EnvVar[] = [
    { name: 'HTTP_ADDR', value: ':8080' },
    { name: 'OIDC_ISSUER', value: 'https://auth.acme.io' },
    { name: 'OIDC_AUDIENCE', value: 'orders-api' },
    { name: 'JWKS_URL', value: jwksUrl },
    { name: 'JWKS_CACHE_TTL', value: '24h' },
    secretEnv('DATABASE_URL', 'orders-api-db', 'url'),
  ];
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '256Mi', env, readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 20 * DAYS, changeCause: 'argocd: orders-api 5.2.9', template: tpl('5.2.9') },
      { revision: 88, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 5.3.0', template: tpl('5.3.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  // The identity provider, in its own namespace: it rotated its signing key 40 minutes ago.
  const idNs = 'identity';
  const authImage = `${ECR}/identity/auth-server:3.7.4`;
  const auth = deploymentApp({
    namespace: idNs,
    name: 'auth-server',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 16 * DAYS, changeCause: 'argocd: auth-server 3.7.4', template: { containers: [container({ image: authImage, ports: [8080], memory: '384Mi', env: [{ name: 'KEY_ROTATION_CRON', value: '34 2 21 * *' }, { name: 'PREVIOUS_KEY_GRACE', value: '168h' }] })] } }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 16 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 16 * DAYS - 1 }],
  });
  const other = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 2,
    revisions: [{ revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 2.8.1', template: { containers: [container({ image: `${ECR}/commerce/cart-api:2.8.1`, ports: [8080], memory: '256Mi' })] } }],
    pods: [{ revision: 41, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 41, node: names[2] ?? '', createdAgo: 4 * DAYS - 1, containers: { app: running({ sinceAgo: 19 * HOURS, restarts: 1, last: { exitCode: 2, finishedAgo: 19 * HOURS, ranSeconds: 3 * DAYS * 60 } }) } }],
  });
  const zap = (t: number, level: string, caller: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(t)}","caller":"${caller}","msg":"${msg}"${extra}}`;
  const ordersLog = (i: number): string => {
    const out: string[] = [
      zap(14.5 * HOURS + i * 0.3, 'info', 'auth/jwks.go:74', 'jwks refreshed', `,"url":"${jwksUrl}","keys":1,"kids":["2026-11-key-a"],"next_refresh":"24h0m0s"`),
      zap(58, 'info', 'httpx/log.go:31', 'request', ',"method":"GET","path":"/v1/orders","status":200,"duration_ms":14'),
      zap(47, 'info', 'httpx/log.go:31', 'request', ',"method":"POST","path":"/v1/orders","status":201,"duration_ms":38'),
    ];
    // New tokens (kid 2026-12-key-b) appear as clients log in again; old tokens keep passing.
    for (let t = 39.2 - i * 0.4; t > 0.3; t -= 2.6) {
      const port = 40000 + Math.round(t * 97) + i;
      out.push(
        zap(t, 'warn', 'auth/middleware.go:61', 'token validation failed', `,"error":"no key found for kid \\"2026-12-key-b\\"","path":"/v1/orders","remote":"10.0.141.${17 + i}:${port}"`),
        zap(t - 0.001, 'info', 'httpx/log.go:31', 'request', ',"method":"GET","path":"/v1/orders","status":401,"duration_ms":0'),
        zap(t - 0.3, 'info', 'httpx/log.go:31', 'request', ',"method":"GET","path":"/v1/orders/ord_7Qm2","status":200,"duration_ms":11'),
      );
      if (t < 20) out.push(zap(t - 0.6, 'warn', 'auth/middleware.go:61', 'token validation failed', `,"error":"no key found for kid \\"2026-12-key-b\\"","path":"/v1/orders","remote":"10.0.141.${40 + i}:${port + 7}"`), zap(t - 0.601, 'info', 'httpx/log.go:31', 'request', ',"method":"POST","path":"/v1/orders","status":401,"duration_ms":0'));
    }
    return lines(...out);
  };
  const pino = (t: number, host: string, msg: string, extra: string) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${host}","msg":"${msg}"${extra}}`;
  const authHost = nameOf(podOf(auth, 0));
  return {
    id: 'heldout29-jwks-cache-stale-after-key-rotation',
    class: 'config',
    truth: 'The in-cluster identity provider (identity/auth-server) ran its monthly signing-key rotation 40 minutes ago: new tokens are signed with kid 2026-12-key-b, the old key 2026-11-key-a stays published for a week. orders-api caches the JWKS for 24 h (JWKS_CACHE_TTL=24h) and does not refetch on an unknown kid; its cache was filled 14.5 h ago with only 2026-11-key-a, so every new token is rejected with 401 "no key found for kid" while old tokens still pass. orders-api did not change (revision 88, 9 days old). Fix: force a JWKS refresh now (restart orders-api) and make it refetch on an unknown kid with a short TTL.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...auth.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...exposed({ namespace: idNs, name: 'auth-server', selector: { app: 'auth-server' }, pods: auth.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: ordersLog(i) })),
      logsFor(podOf(auth, 0), 'app', {
        current: lines(
          pino(40.3, authHost, 'key rotation started', ',"trigger":"cron","schedule":"34 2 21 * *"'),
          pino(40.2, authHost, 'signing key activated', ',"activeKid":"2026-12-key-b","alg":"RS256","previousKid":"2026-11-key-a","previousKeyPublishedUntil":"2026-11-28T02:34:00.000Z"'),
          pino(40.2, authHost, 'jwks published', ',"kids":["2026-12-key-b","2026-11-key-a"]'),
          pino(31, authHost, 'token issued', ',"client_id":"web-storefront","grant_type":"refresh_token","kid":"2026-12-key-b","expires_in":900'),
          pino(12, authHost, 'token issued', ',"client_id":"mobile-app","grant_type":"authorization_code","kid":"2026-12-key-b","expires_in":900'),
          pino(2, authHost, 'token issued', ',"client_id":"web-storefront","grant_type":"refresh_token","kid":"2026-12-key-b","expires_in":900'),
        ),
      }),
      logsFor(podOf(other, 0), 'app', {
        current: lines(
          `{"level":"info","ts":"${at(33)}","msg":"jwks refreshed (unknown kid)","kid":"2026-12-key-b","keys":2}`,
          `{"level":"info","ts":"${at(5)}","msg":"request","method":"GET","path":"/v1/carts/c_82x","status":200,"duration_ms":7}`,
        ),
      }),
      logsFor(podOf(other, 1), 'app', {
        previous: lines(`panic: runtime error: invalid memory address or nil pointer dereference`, `[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9c2f41]`, '', 'goroutine 8812 [running]:', 'github.com/acme/cart-api/internal/promo.(*Engine).Apply(...)'),
        current: lines(`{"level":"info","ts":"${at(19 * HOURS)}","msg":"cart-api 2.8.1 listening","addr":":8080"}`, `{"level":"info","ts":"${at(6)}","msg":"request","method":"POST","path":"/v1/carts","status":201,"duration_ms":12}`),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kid|JWKS|signing key/i],
      facts: [lit('2026-12-key-b'), /24h|24 ?hours/i, /401/],
      never: [ADVISES_ROLLBACK, /cart-api/, /clock skew|token(s)? (have |has )?expired/i, /\bOOM/],
    },
  };
}

// ---- 3. a new node pool whose image lacks the NFS client ------------------------------------------

function newNodePoolWithoutNfsClient(): CorpusScenario {
  const ns = 'media';
  const oldPool = 'general';
  const newPool = 'general-ubuntu-2211';
  const oldNodes = ['44', '118', '203'].map((h, i) => node({ name: eksNodeName(`10.0.72.${h}`), zone: `eu-west-1${'abc'[i] ?? 'a'}`, pool: oldPool, createdAgo: 60 * DAYS, ...(i < 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(31) }] } : {}) }));
  const newNodes = ['19', '150', '236'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.73.${h}`), zone: `eu-west-1${'abc'[i] ?? 'a'}`, pool: newPool, instanceType: 'm7i.xlarge', createdAgo: 3 * HOURS + i * 2 });
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '6.8.0-1019-aws', containerRuntimeVersion: 'containerd://1.7.24' });
    return n;
  });
  const o = oldNodes.map(nameOf);
  const n = newNodes.map(nameOf);
  const image = `${ECR}/media/thumbnailer:3.8.2`;
  const tpl = {
    containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', env: [{ name: 'ASSETS_DIR', value: '/mnt/assets' }, { name: 'WORKERS', value: '4' }], volumeMounts: [{ name: 'assets', mountPath: '/mnt/assets' }] })],
    volumes: [{ name: 'assets', persistentVolumeClaim: { claimName: 'media-assets' } }],
  };
  const stuck = waiting('ContainerCreating');
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 30 * DAYS, changeCause: 'argocd: thumbnailer 3.8.1', template: tpl },
      { revision: 19, createdAgo: 12 * DAYS, changeCause: 'argocd: thumbnailer 3.8.2', template: tpl },
    ],
    pods: [
      { revision: 19, node: o[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 19, node: o[2] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 19, node: n[0] ?? '', createdAgo: 28, containers: { app: stuck } },
      { revision: 19, node: n[1] ?? '', createdAgo: 27.5, containers: { app: stuck } },
    ],
  });
  const nfsPv = pv({ name: 'media-assets-nfs', storage: '2Ti', claim: { namespace: ns, name: 'media-assets' }, storageClass: 'nfs-static', accessModes: ['ReadWriteMany'], reclaimPolicy: 'Retain', static: true, createdAgo: 400 * DAYS });
  if (nfsPv.spec) {
    delete nfsPv.spec.csi;
    nfsPv.spec.nfs = { server: '10.40.12.15', path: '/exports/media-assets' };
    nfsPv.spec.mountOptions = ['nfsvers=4.1', 'hard', 'noatime'];
  }
  const claim = pvc({ namespace: ns, name: 'media-assets', storage: '2Ti', storageClass: 'nfs-static', phase: 'Bound', volumeName: 'media-assets-nfs', accessModes: ['ReadWriteMany'], createdAgo: 400 * DAYS });
  // media-api runs on the new pool and mounts nothing: the new nodes are otherwise fine.
  const other = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [{ revision: 52, createdAgo: 5 * DAYS, changeCause: 'argocd: media-api 1.22.0', template: { containers: [container({ image: `${ECR}/media/media-api:1.22.0`, ports: [8080] })] } }],
    pods: [{ revision: 52, node: n[1] ?? '', createdAgo: 29 }, { revision: 52, node: n[2] ?? '', createdAgo: 28.5 }],
  });
  const mountFailed = (p: k8s.V1Pod) => {
    const dir = `/var/lib/kubelet/pods/${p.metadata?.uid ?? ''}/volumes/kubernetes.io~nfs/media-assets-nfs`;
    return `MountVolume.SetUp failed for volume "media-assets-nfs" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o hard,noatime,nfsvers=4.1 10.40.12.15:/exports/media-assets ${dir}\nOutput: mount: ${dir}: bad option; for several filesystems (e.g. nfs, cifs) you might need a /sbin/mount.<type> helper program.\n`;
  };
  const stuckPods = [podOf(app, 2), podOf(app, 3)];
  const rs = { kind: 'ReplicaSet', name: rsOf(app, 19), namespace: ns };
  return {
    id: 'heldout29-new-node-pool-without-nfs-client',
    class: 'storage',
    truth: `The platform team is moving workloads to a new node group, ${newPool} (Ubuntu 22.04 minimal image), created 3 hours ago, and cordoned and drained two nodes of the old ${oldPool} pool 30 minutes ago. The new image ships without the NFS client utilities (no /sbin/mount.nfs), so the two thumbnailer pods rescheduled onto the new nodes cannot mount the NFS volume media-assets-nfs (10.40.12.15:/exports/media-assets): the kubelet's mount fails with exit status 32 and the pods sit in ContainerCreating, while the pods still on the old pool mount it fine. The NFS server and thumbnailer itself are fine. Fix: add nfs-common to the new node image (or keep NFS consumers on the old pool until it is rebuilt).`,
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects, nfsPv, claim,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      ...[0, 1].map((i) => nodeEvent(o[i] ?? '', 'NodeNotSchedulable', `Node ${o[i] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 31 - i * 0.5 })),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(stuckPods[0])}`, firstAgo: 28, lastAgo: 28, component: 'replicaset-controller' }),
      event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(stuckPods[1])}`, firstAgo: 27.5, lastAgo: 27.5, component: 'replicaset-controller' }),
      ...stuckPods.flatMap((p, i) => [
        scheduled(p, 28 - i * 0.5),
        event({ on: p, reason: 'FailedMount', message: mountFailed(p), count: 21 - i, firstAgo: 27.9 - i * 0.5, lastAgo: 0.8 + i * 0.4 }),
        event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[assets], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 12 - i, firstAgo: 25.8 - i * 0.5, lastAgo: 1.6 + i * 0.3 }),
      ]),
      ...other.pods.flatMap((p, i) => startedAt(p, 'app', `${ECR}/media/media-api:1.22.0`, 29 - i * 0.5)),
    ],
    logs: [
      ...[0, 1].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`${pyTime(12 * DAYS - i - 0.3)} INFO thumbnailer: serving on :8080, assets=/mnt/assets, workers=4`, `${pyTime(2.2)} INFO thumbnailer: rendered 1280x720 for asset a/9f/2c1e.jpg in 212ms`, `${pyTime(0.7)} INFO thumbnailer: rendered 320x180 for asset v/41/88d0.mp4 in 431ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/nfs|mount/i],
      facts: [/exit status 32/, /helper program|mount\.nfs|mount\.<type>|nfs-common|nfs-utils|nfs client/i, lit(newPool)],
      never: [/\bOOM/, /media-api/, ADVISES_ROLLBACK, /NFS server[^\n]*(down|unreachable|not respond)|10\.40\.12\.15[^\n]*(down|unreachable|not respond)/i],
    },
  };
}

// ---- 4. an operator throttled server-side by API Priority and Fairness ----------------------------

function operatorThrottledByApf(): CorpusScenario {
  const ns = 'db-operator-system';
  const { nodes, names } = threeEksNodes('10.0.160', ['14', '99', '182']);
  const image = (v: string) => `ghcr.io/acme/db-operator:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ name: 'manager', image: image(v), command: ['/manager'], args: ['--leader-elect', '--health-probe-bind-address=:8081', '--metrics-bind-address=:8443', '--zap-log-level=info', '--v=4'], ports: [{ name: 'metrics', containerPort: 8443 }], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }) })],
    serviceAccountName: 'db-operator-controller-manager',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'db-operator',
    replicas: 1,
    selector: { 'control-plane': 'controller-manager', 'app.kubernetes.io/name': 'db-operator' },
    revisions: [
      { revision: 6, createdAgo: 41 * DAYS, changeCause: 'helm: db-operator 0.18.2', template: tpl('v0.18.2') },
      { revision: 7, createdAgo: 18 * DAYS, changeCause: 'helm: db-operator 0.19.0', template: tpl('v0.19.0') },
    ],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 3 * DAYS }],
  });
  // Another tenant's controller: a new version 31 minutes ago lists every pod of the cluster each culling pass.
  const mlNs = 'team-ml';
  const cullerTpl = (v: string) => ({ containers: [container({ name: 'culler', image: `ghcr.io/acme-ml/notebook-culler:${v}`, ports: [], cpu: '100m', memory: '512Mi', readiness: null, liveness: null, env: [{ name: 'CULL_IDLE_AFTER', value: '2h' }] })], serviceAccountName: 'notebook-culler' });
  const culler = deploymentApp({
    namespace: mlNs,
    name: 'notebook-culler',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 25 * DAYS, changeCause: 'argocd: notebook-culler 1.4.3', template: cullerTpl('1.4.3') },
      { revision: 12, createdAgo: 31, changeCause: 'argocd: notebook-culler 2.0.0', template: cullerTpl('2.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 30.5 - k * 0.3 })),
  });
  const pod = podOf(app, 0);
  const tooMany = 'the server has received too many requests and has asked us to try again later';
  const cr = (name: string, nsName: string) => `"PostgresCluster":{"name":"${name}","namespace":"${nsName}"},"namespace":"${nsName}","name":"${name}"`;
  const crs: [string, string][] = [['orders-pg', 'orders'], ['billing-pg', 'billing'], ['catalog-pg', 'catalog'], ['search-meta', 'search']];
  const zap = (t: number, level: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(t)}","msg":"${msg}"${extra}}`;
  const out: string[] = [
    zap(3 * DAYS - 0.05, 'info', 'starting manager', ''),
    `${klog('I', 3 * DAYS - 0.06, 'leaderelection.go:254')}attempting to acquire leader lease db-operator-system/db-operator.acme.io...`,
    `${klog('I', 3 * DAYS - 0.1, 'leaderelection.go:268')}successfully acquired lease db-operator-system/db-operator.acme.io`,
    zap(3 * DAYS - 0.11, 'info', 'Starting workers', ',"controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster","worker count":4'),
    // Yesterday's noise: client-go's own limiter during a burst of events, not the server.
    `${klog('I', 22 * HOURS, 'request.go:697')}Waited for 1.048213177s due to client-side throttling, not priority and fairness, request: GET:https://172.20.0.1:443/apis/apps/v1/namespaces/billing/statefulsets/billing-pg`,
    zap(45, 'info', 'reconcile finished', `,"controller":"postgrescluster",${cr('orders-pg', 'orders')},"duration":"212ms"`),
    zap(38, 'info', 'reconcile finished', `,"controller":"postgrescluster",${cr('billing-pg', 'billing')},"duration":"188ms"`),
  ];
  for (let t = 29.4, i = 0; t > 0.2; t -= 1.9, i++) {
    const [name, nsName] = crs[i % crs.length] ?? ['orders-pg', 'orders'];
    const kinds = ['Secret', 'StatefulSet', 'Service', 'PodDisruptionBudget'];
    const kind = kinds[i % kinds.length] ?? 'Secret';
    const res = { Secret: 'secrets', StatefulSet: 'statefulsets.apps', Service: 'services', PodDisruptionBudget: 'poddisruptionbudgets.policy' }[kind] ?? 'secrets';
    out.push(
      `${klog('I', t + 0.02, 'request.go:1067')}Got a Retry-After 1s response for attempt ${1 + (i % 9)} to https://172.20.0.1:443/apis/db.acme.io/v1/namespaces/${nsName}/postgresclusters/${name}/status`,
      zap(t, 'error', 'Reconciler error', `,"controller":"postgrescluster","controllerGroup":"db.acme.io","controllerKind":"PostgresCluster",${cr(name, nsName)},"reconcileID":"${uidOf(`rid/${i}`)}","error":"failed to update status: ${tooMany} (put postgresclusters.db.acme.io ${name})"`),
      `${klog('W', t - 0.3, 'reflector.go:561')}k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.${kind}: ${tooMany} (get ${res})`,
      `${klog('E', t - 0.3, 'reflector.go:158')}"Unhandled Error" err="k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.${kind}: failed to list *v1.${kind}: ${tooMany} (get ${res})" logger="UnhandledError"`,
    );
    if (i % 4 === 3) out.push(zap(t - 0.5, 'info', 'reconcile finished', `,"controller":"postgrescluster",${cr(name, nsName)},"duration":"${(3 + (i % 3)).toString()}m${(10 + i).toString()}.4s"`));
  }
  const crEvents = crs.map(([name, nsName], i) => event({ on: { kind: 'PostgresCluster', name, namespace: nsName }, reason: 'ReconcileError', message: `failed to update status: ${tooMany} (put postgresclusters.db.acme.io ${name})`, count: 9 + i, firstAgo: 29 - i, lastAgo: 1 + i * 0.5, component: 'db-operator' }));
  return {
    id: 'heldout29-operator-throttled-by-api-priority-and-fairness',
    class: 'capacity',
    truth: 'The API server is throttling db-operator server-side (API Priority and Fairness): for 30 minutes its list/watch/update calls get HTTP 429 "the server has received too many requests and has asked us to try again later" with Retry-After, so reconciles fail and retry, and PostgresCluster changes lag by minutes. The trigger is another tenant: team-ml rolled out notebook-culler 2.0.0 31 minutes ago, whose three replicas list every pod of the cluster on every pass and exhaust the shared priority level. db-operator itself did not change (revision 7, 18 days old) and raising its client QPS would not help. Fix: roll back or fix notebook-culler (informers instead of full lists), and give the operators their own FlowSchema/priority level.',
    ask: { service: 'db-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...culler.objects, ...crEvents,
      event({ on: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(pod)} to ${names[0] ?? ''}`, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, component: 'default-scheduler' }),
      scaledReplicaSet(deploymentOf(culler), rsOf(culler, 12), 3, 0, 31),
      scaledReplicaSet(deploymentOf(culler), rsOf(culler, 11), 0, 1, 30),
    ],
    logs: [
      logsFor(pod, 'manager', { current: lines(...out) }),
      ...culler.pods.map((p, k) => logsFor(p, 'culler', {
        current: lines(
          `{"level":"info","ts":"${at(30.4 - k * 0.3)}","msg":"notebook-culler 2.0.0 starting","idleAfter":"2h","interval":"1s"}`,
          ...[28, 20, 12, 4, 1].map((t) => `{"level":"info","ts":"${at(t - k * 0.1)}","msg":"culling pass","namespaces":412,"podsListed":38117,"notebooksIdle":0,"duration":"2.31s"}`),
          `{"level":"warn","ts":"${at(0.6 - k * 0.1)}","msg":"list pods failed, retrying","error":"${tooMany} (get pods)"}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|too many requests|throttl|priority and fairness|\bAPF\b/i],
      facts: [/too many requests/i, /server.?side|priority and fairness|\bAPF\b|API server|apiserver|Retry-After/i],
      never: [/client.side (rate.?limit|throttl)/i, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. an Elasticsearch index with no replicas loses the primary that lived on a lost volume -----

function elasticsearchPrimaryLostNoReplicas(): CorpusScenario {
  const ns = 'search';
  const general = threeEksNodes('10.0.48');
  const searchNode = (h: string, zone: string, createdAgo: number) => node({ name: eksNodeName(`10.0.49.${h}`), zone, pool: 'search-nvme', instanceType: 'i4i.2xlarge', createdAgo });
  const s0 = searchNode('21', 'eu-west-1a', 70 * DAYS);
  const s1 = searchNode('133', 'eu-west-1b', 70 * DAYS);
  const s2 = searchNode('245', 'eu-west-1c', 52);
  const lostNode = eksNodeName('10.0.49.87');
  const sn = [s0, s1, s2].map(nameOf);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const tpl = {
    containers: [container({
      name: 'elasticsearch', image,
      ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      cpu: '6', memory: '48Gi',
      env: [{ name: 'cluster.name', value: 'search-prod' }, { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'discovery.seed_hosts', value: 'elasticsearch-headless' }, { name: 'ES_JAVA_OPTS', value: '-Xms24g -Xmx24g' }, secretEnv('ELASTIC_PASSWORD', 'elasticsearch-credentials', 'elastic')],
      readiness: execProbe(['/bin/bash', '-c', 'curl -fsk -u "elastic:${ELASTIC_PASSWORD}" "https://127.0.0.1:9200/_cluster/health?local=true"'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe(9300, { initialDelaySeconds: 90, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    terminationGracePeriodSeconds: 120,
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'elasticsearch',
    replicas: 3,
    serviceName: 'elasticsearch-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 34 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '1700Gi', storageClass: 'local-nvme' }],
    pods: [
      { revision: 4, ordinal: 0, node: sn[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 1, node: sn[1] ?? '', createdAgo: 34 * DAYS - 3 },
      { revision: 4, ordinal: 2, node: sn[2] ?? '', createdAgo: 46.5 },
    ],
  });
  const localPv = (name: string, host: string, claim: string, createdAgo: number) => {
    const v = pv({ name, storage: '1700Gi', claim: { namespace: ns, name: claim }, storageClass: 'local-nvme', static: true, createdAgo });
    if (v.spec) {
      delete v.spec.csi;
      v.spec.local = { path: '/mnt/fast-disks/nvme1n1' };
      v.spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } };
    }
    v.metadata = { ...v.metadata, annotations: { 'pv.kubernetes.io/provisioned-by': 'local-volume-provisioner-' + host } };
    return v;
  };
  const claims = [0, 1, 2].map((i) => pvc({ namespace: ns, name: `data-elasticsearch-${i}`, storage: '1700Gi', storageClass: 'local-nvme', phase: 'Bound', volumeName: `local-pv-${uidOf(`lpv/${i}`).slice(0, 8)}`, createdAgo: i === 2 ? 47 : 34 * DAYS, labels: { app: 'elasticsearch' } }));
  const vols = [0, 1, 2].map((i) => localPv(`local-pv-${uidOf(`lpv/${i}`).slice(0, 8)}`, sn[i] ?? '', `data-elasticsearch-${i}`, i === 2 ? 51 : 70 * DAYS));
  const es2 = podOf(sts, 2);
  // The writer: order-indexer, consuming the orders topic into the monthly index.
  const indexer = deploymentApp({
    namespace: ns,
    name: 'order-indexer',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 8 * DAYS, changeCause: 'argocd: order-indexer 1.6.0', template: { containers: [container({ image: `${ECR}/search/order-indexer:1.6.0`, ports: [8080], memory: '512Mi', env: [{ name: 'ES_URL', value: 'https://elasticsearch.search.svc:9200' }, { name: 'INDEX_PATTERN', value: 'orders-%Y.%m' }, { name: 'KAFKA_TOPIC', value: 'orders.v3' }] })] } }],
    pods: [{ revision: 9, node: general.names[0] ?? '', createdAgo: 8 * DAYS }, { revision: 9, node: general.names[1] ?? '', createdAgo: 8 * DAYS - 1 }],
  });
  const kibana = bystander(ns, 'kibana', general.names, 26 * HOURS, { revisions: [5, 6], versions: ['8.15.2', '8.15.3'], olderAgo: 40 * DAYS });
  const ecs = (t: number, level: string, logger: string, nodeName: string, msg: string, thread = 'elasticsearch[' + nodeName + '][masterService#updateTask][T#1]') =>
    `{"@timestamp":"${at(t)}", "log.level":"${level}", "message":"${msg}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"${thread}","log.logger":"${logger}","elasticsearch.cluster.uuid":"pQ3mZr0xT2uJ0b1Lk4Wc9A","elasticsearch.node.id":"${nodeName === 'elasticsearch-0' ? 'f1Yc8bWzQhKk0n2m3v4x5A' : 'Zp7vXq2sRk6w8e9t1y3u4I'}","elasticsearch.node.name":"${nodeName}","elasticsearch.cluster.name":"search-prod"}`;
  const oldEs2 = '{elasticsearch-2}{kQ3rT5yU7iO9pA1sD3fG5h}{Lm2Nb4Vc6Xz8}{elasticsearch-2}{10.0.33.207}{10.0.33.207:9300}{cdfhilmrstw}{8.15.3}';
  const ip0 = ipOfPod(podOf(sts, 0));
  const ip1 = ipOfPod(podOf(sts, 1));
  const newEs2 = `{elasticsearch-2}{Zp7vXq2sRk6w8e9t1y3u4I}{Rt5Yu7Io9Pa1}{elasticsearch-2}{${ipOfPod(es2)}}{${ipOfPod(es2)}:9300}{cdfhilmrstw}{8.15.3}`;
  const master = 'elasticsearch-0';
  const masterLog = lines(
    ecs(20 * DAYS, 'INFO', 'org.elasticsearch.cluster.metadata.MetadataCreateIndexService', master, '[orders-2026.11] creating index, cause [auto(bulk api)], templates [orders], shards [3]/[0]'),
    ecs(20 * DAYS - 0.1, 'INFO', 'org.elasticsearch.cluster.routing.allocation.AllocationService', master, 'current.health=\\"GREEN\\" message=\\"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[orders-2026.11][2]]]).\\" previous.health=\\"YELLOW\\" reason=\\"shards started [[orders-2026.11][2]]\\"'),
    ecs(58.5, 'INFO', 'org.elasticsearch.cluster.service.MasterService', master, `node-left[${oldEs2} reason: disconnected], term: 7, version: 48211, delta: removed {${oldEs2}}`),
    ecs(58.5, 'WARN', 'org.elasticsearch.cluster.routing.allocation.AllocationService', master, 'current.health=\\"RED\\" message=\\"Cluster health status changed from [GREEN] to [RED] (reason: [{elasticsearch-2}{kQ3rT5yU7iO9pA1sD3fG5h} reason: disconnected]).\\" previous.health=\\"GREEN\\" reason=\\"{elasticsearch-2}{kQ3rT5yU7iO9pA1sD3fG5h} reason: disconnected\\"'),
    ecs(57.4, 'INFO', 'org.elasticsearch.cluster.routing.allocation.allocator.DesiredBalanceShardsAllocator', master, 'Computed new desired balance [2184] with 1 unassigned shard that cannot be allocated'),
    ecs(46, 'INFO', 'org.elasticsearch.cluster.service.MasterService', master, `node-join[${newEs2} joining], term: 7, version: 48240, delta: added {${newEs2}}`),
    ecs(44.8, 'INFO', 'org.elasticsearch.cluster.routing.allocation.AllocationService', master, 'current.health=\\"RED\\" message=\\"Cluster health status changed from [RED] to [RED] (reason: [shards started [[products-v7][1], [customers-v3][0]]]).\\" previous.health=\\"RED\\" reason=\\"shards started [[products-v7][1], [customers-v3][0]]\\"'),
    ecs(5, 'INFO', 'org.elasticsearch.cluster.routing.allocation.allocator.DesiredBalanceShardsAllocator', master, 'Computed new desired balance [2201] with 1 unassigned shard that cannot be allocated'),
  );
  const es2Log = lines(
    ecs(46.3, 'INFO', 'org.elasticsearch.env.NodeEnvironment', 'elasticsearch-2', 'using [1] data paths, mounts [[/usr/share/elasticsearch/data (/dev/nvme1n1)]], net usable_space [1.6tb], net total_space [1.6tb], types [xfs]', 'main'),
    ecs(46.3, 'INFO', 'org.elasticsearch.node.Node', 'elasticsearch-2', 'node name [elasticsearch-2], node ID [Zp7vXq2sRk6w8e9t1y3u4I], cluster name [search-prod], roles [data_hot, ml, data_frozen, ingest, data_cold, data, remote_cluster_client, master, data_warm, data_content, transform]', 'main'),
    ecs(46, 'INFO', 'org.elasticsearch.cluster.service.ClusterApplierService', 'elasticsearch-2', `master node changed {previous [], current [{elasticsearch-0}{f1Yc8bWzQhKk0n2m3v4x5A}{Hq1Wj3Ek5Rl7}{elasticsearch-0}{${ip0}}{${ip0}:9300}{cdfhilmrstw}{8.15.3}]}, added {{elasticsearch-1}{Tg6Bn8Mm0Qa2Ws4Ed6Rf8t}{Pz9Ox7Iy5Uc3}{elasticsearch-1}{${ip1}}{${ip1}:9300}{cdfhilmrstw}{8.15.3}, {elasticsearch-0}{f1Yc8bWzQhKk0n2m3v4x5A}{Hq1Wj3Ek5Rl7}{elasticsearch-0}{${ip0}}{${ip0}:9300}{cdfhilmrstw}{8.15.3}}, term: 7, version: 48240, reason: ApplyCommitRequest{term=7, version=48240, sourceNode={elasticsearch-0}{f1Yc8bWzQhKk0n2m3v4x5A}}`, 'elasticsearch[elasticsearch-2][clusterApplierService#updateTask][T#1]'),
    ecs(45.9, 'INFO', 'org.elasticsearch.node.Node', 'elasticsearch-2', 'started {elasticsearch-2}{Zp7vXq2sRk6w8e9t1y3u4I}{Rt5Yu7Io9Pa1}{elasticsearch-2}', 'main'),
  );
  const bulkErr = (n: number) => `[orders-2026.11][1] primary shard is not active Timeout: [1m], request: [BulkShardRequest [[orders-2026.11][1]] containing [${n}] requests]`;
  const indexerLog = (k: number) => lines(
    `${pyTime(62)} INFO order_indexer.sink: flushed 500 docs to orders-2026.11 in 184ms`,
    ...[56, 44, 31, 18, 6, 1].flatMap((t) => [
      `${pyTime(t - k * 0.2)} ERROR order_indexer.sink: bulk request had ${31 + k * 4 + Math.round(t) % 7} failed items; first: {'index': {'_index': 'orders-2026.11', '_id': 'ord_${uidOf(`doc/${t}/${k}`).slice(0, 10)}', 'status': 503, 'error': {'type': 'unavailable_shards_exception', 'reason': '${bulkErr(37 + k)}'}}}`,
      `${pyTime(t - k * 0.2 - 0.01)} WARNING order_indexer.consumer: pausing partition orders.v3-${k * 3 + 1} after 3 failed flushes; lag=${(12000 + Math.round((60 - t) * 430)).toString()}`,
    ]),
  );
  const es = ['elasticsearch-headless', 'elasticsearch'];
  return {
    id: 'heldout29-elasticsearch-primary-lost-no-replicas',
    class: 'storage',
    truth: 'The orders-* indices are created by the "orders" template with number_of_replicas: 0 (shards [3]/[0]). 58 minutes ago the node hosting elasticsearch-2 was retired by EC2; its local NVMe PersistentVolume went with it, and elasticsearch-2 came back on a new node with a new, empty claim (data-elasticsearch-2, 47 minutes ago) and a new node ID. Shard [orders-2026.11][1] had its only copy on the lost disk, so the primary stays unassigned, the cluster is RED, and every bulk write routed to that shard fails after 1m with unavailable_shards_exception "primary shard is not active", while all ES pods are Ready. Fix: restore the shard from snapshot (or allocate an empty primary and re-index from Kafka), and give the orders template at least one replica.',
    ask: { service: 'elasticsearch', namespace: ns },
    objects: [
      ...general.nodes, s0, s1, s2, ...sts.objects, ...claims, ...vols, ...indexer.objects, ...kibana.objects,
      ...exposed({ namespace: ns, name: es[0] ?? '', selector: { app: 'elasticsearch' }, pods: sts.pods, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: es[1] ?? '', selector: { app: 'elasticsearch' }, pods: sts.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'kibana', selector: { app: 'kibana' }, pods: kibana.pods }),
      configMap({ namespace: ns, name: 'es-index-templates', createdAgo: 200 * DAYS, data: { 'orders.json': JSON.stringify({ index_patterns: ['orders-*'], template: { settings: { number_of_shards: 3, number_of_replicas: 0, refresh_interval: '30s' }, mappings: { dynamic: 'strict' } }, priority: 200 }, null, 2), 'products.json': JSON.stringify({ index_patterns: ['products-*'], template: { settings: { number_of_shards: 2, number_of_replicas: 1 } } }, null, 2) } }),
      nodeEvent(lostNode, 'NodeNotReady', `Node ${lostNode} status is now: NodeNotReady`, { firstAgo: 58.6, component: 'node-controller' }),
      nodeEvent(lostNode, 'RemovingNode', `Node ${lostNode} event: Removing Node ${lostNode} from Controller`, { firstAgo: 55, component: 'node-controller' }),
      nodeEvent(sn[2] ?? '', 'Starting', 'Starting kubelet.', { firstAgo: 52 }),
      nodeEvent(sn[2] ?? '', 'RegisteredNode', `Node ${sn[2] ?? ''} event: Registered Node ${sn[2] ?? ''} in Controller`, { firstAgo: 51.8, component: 'node-controller' }),
      event({ on: es2, reason: 'FailedScheduling', message: '0/6 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) didn\'t match Pod\'s node affinity/selector, 3 node(s) had volume node affinity conflict. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.', count: 7, firstAgo: 53, lastAgo: 47.5, component: 'default-scheduler' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-elasticsearch-2', namespace: ns }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 47, lastAgo: 47, component: 'persistentvolume-controller' }),
      ...pulledFresh(es2, 'elasticsearch', image, { atAgo: 46.5, bytes: 744021853, seconds: 9.8 }),
      event({ on: es2, type: 'Normal', reason: 'Created', message: 'Created container elasticsearch', firstAgo: 46.3, lastAgo: 46.3, fieldPath: 'spec.containers{elasticsearch}' }),
      event({ on: es2, type: 'Normal', reason: 'Started', message: 'Started container elasticsearch', firstAgo: 46.3, lastAgo: 46.3, fieldPath: 'spec.containers{elasticsearch}' }),
      probeFailed(es2, 'elasticsearch', 'Readiness', 'curl: (7) Failed to connect to 127.0.0.1 port 9200 after 0 ms: Couldn\'t connect to server', { count: 3, firstAgo: 46.3, lastAgo: 46 }),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'elasticsearch', { current: masterLog }),
      logsFor(podOf(sts, 1), 'elasticsearch', { current: lines(ecs(46, 'INFO', 'org.elasticsearch.cluster.service.ClusterApplierService', 'elasticsearch-1', `added {${newEs2}}, term: 7, version: 48240, reason: ApplyCommitRequest{term=7, version=48240, sourceNode={elasticsearch-0}{f1Yc8bWzQhKk0n2m3v4x5A}}`, 'elasticsearch[elasticsearch-1][clusterApplierService#updateTask][T#1]')) }),
      logsFor(es2, 'elasticsearch', { current: es2Log }),
      ...indexer.pods.map((p, k) => logsFor(p, 'app', { current: indexerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/primary|unassigned|shard|orders-2026\.11/i],
      facts: [/number_of_replicas|\[3\]\/\[0\]|no replicas?|0 replicas|zero replicas/i, /primary shard is not active|unavailable_shards/i, /elasticsearch-2/, /\bRED\b/],
      never: [/\bOOM/, /watermark|disk (is )?full/i, /kibana/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. a Recreate strategy on a JVM service with a 3-minute cache warm-up -------------------------

function recreateStrategyWarmupOutage(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.112', ['40', '161', '228']);
  const image = (v: string) => `${ECR}/catalog/product-catalog:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '2', memory: '6Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'CATALOG_CACHE_WARMUP', value: 'true' }], readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 20, failureThreshold: 6 }) })],
    terminationGracePeriodSeconds: 45,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'product-catalog',
    replicas: 4,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 111, createdAgo: 13 * DAYS, changeCause: 'helm: product-catalog chart 3.9.4 (app 7.4.0)', template: tpl('7.4.0') },
      { revision: 112, createdAgo: 6 * DAYS, changeCause: 'helm: product-catalog chart 4.0.0 (app 7.4.1) PLAT-2231: rollout strategy Recreate', template: tpl('7.4.1') },
      { revision: 113, createdAgo: 3 * DAYS, changeCause: 'helm: product-catalog chart 4.0.1 (app 7.5.0)', template: tpl('7.5.0') },
      { revision: 114, createdAgo: 1 * DAYS, changeCause: 'helm: product-catalog chart 4.0.1 (app 7.5.1)', template: tpl('7.5.1') },
      { revision: 115, createdAgo: 10, changeCause: 'helm: product-catalog chart 4.0.2 (app 7.5.2)', template: tpl('7.5.2') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 115, node: names[k % 3] ?? '', createdAgo: 9.8 - k * 0.02 })),
    settled: { available: true, availableSince: 6.5, progressingSince: 9.8, progressingUpdatedAgo: 6.4 },
  });
  // The pods turned ready only when the warm-up finished, about 3 minutes after they started.
  const readyAt = [6.6, 6.5, 6.8, 6.45];
  app.pods.forEach((p, i) => {
    for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(readyAt[i] ?? 6.5);
  });
  const caller = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 2,
    revisions: [{ revision: 66, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-bff 9.12.0', template: { containers: [container({ image: `${ECR}/catalog/storefront-bff:9.12.0`, ports: [3000], memory: '512Mi', env: [{ name: 'CATALOG_URL', value: 'http://product-catalog.catalog.svc.cluster.local' }] })] } }],
    pods: [{ revision: 66, node: names[0] ?? '', createdAgo: 2 * DAYS }, { revision: 66, node: names[2] ?? '', createdAgo: 2 * DAYS - 1 }],
  });
  const other = bystander(ns, 'catalog-search', names, 35, { revisions: [28, 29], versions: ['2.3.0', '2.3.1'], olderAgo: 9 * DAYS });
  const svc = exposed({ namespace: ns, name: 'product-catalog', selector: { app: 'product-catalog' }, pods: app.pods });
  const vip = (svc[0] as k8s.V1Service).spec?.clusterIP ?? '';
  const dep = deploymentOf(app);
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)}  ${level.padStart(5)} 1 --- [product-catalog] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const catalogLog = (i: number) => {
    const start = 9.7 - i * 0.02;
    const done = readyAt[i] ?? 6.5;
    return lines(
      spring(start - 0.25, 'INFO', 'main', 'c.a.catalog.ProductCatalogApplication', 'Started ProductCatalogApplication in 14.912 seconds (process running for 16.105)'),
      spring(start - 0.26, 'INFO', 'cache-warmer-1', 'c.a.catalog.cache.CatalogCacheWarmer', 'Warming product cache: 1842311 SKUs in 212 partitions'),
      spring(start - 1.2, 'INFO', 'cache-warmer-1', 'c.a.catalog.cache.CatalogCacheWarmer', 'Warm-up progress 31% (66/212 partitions)'),
      spring(start - 2.1, 'INFO', 'cache-warmer-1', 'c.a.catalog.cache.CatalogCacheWarmer', 'Warm-up progress 68% (144/212 partitions)'),
      spring(done + 0.1, 'INFO', 'cache-warmer-1', 'c.a.catalog.cache.CatalogCacheWarmer', `Cache warm-up complete in ${Math.round((start - 0.26 - done - 0.1) * 60)}.4 s (1842311 entries, 3.1 GiB)`),
      spring(done + 0.1, 'INFO', 'cache-warmer-1', 'o.s.b.a.ApplicationAvailabilityBean', 'Application availability state ReadinessState changed from REFUSING_TRAFFIC to ACCEPTING_TRAFFIC'),
      spring(2, 'INFO', 'http-nio-8080-exec-7', 'c.a.catalog.web.RequestLogFilter', 'GET /api/products/sku-88213 200 4ms'),
    );
  };
  const pino = (t: number, host: string, level: number, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}",${rest}}`;
  const bffLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const out: string[] = [];
    const burst = (from: number, to: number) => {
      for (let t = from, i = 0; t >= to; t -= 0.35, i++) {
        const req = `req-${(k * 4096 + Math.round(t * 131)).toString(36)}`;
        out.push(
          pino(t, host, 50, `"reqId":"${req}","upstream":"product-catalog","err":{"type":"Error","message":"connect ECONNREFUSED ${vip}:80","code":"ECONNREFUSED"},"msg":"upstream request failed"`),
          pino(t - 0.001, host, 30, `"reqId":"${req}","req":{"method":"GET","url":"/api/pdp/sku-${7000 + i * 13}"},"res":{"statusCode":503},"responseTime":3.8,"msg":"request completed"`),
        );
      }
    };
    out.push(pino(1 * DAYS + 5, host, 30, '"reqId":"req-a1","req":{"method":"GET","url":"/api/pdp/sku-1201"},"res":{"statusCode":200},"responseTime":22.1,"msg":"request completed"'));
    burst(1 * DAYS - 0.1, 1 * DAYS - 3.4);
    out.push(pino(1 * DAYS - 3.6, host, 30, '"reqId":"req-b7","req":{"method":"GET","url":"/api/pdp/sku-4410"},"res":{"statusCode":200},"responseTime":19.4,"msg":"request completed"'));
    out.push(pino(12, host, 30, '"reqId":"req-c3","req":{"method":"GET","url":"/api/pdp/sku-2210"},"res":{"statusCode":200},"responseTime":18.0,"msg":"request completed"'));
    burst(9.9, 6.6);
    out.push(pino(6.3, host, 30, '"reqId":"req-d9","req":{"method":"GET","url":"/api/pdp/sku-9071"},"res":{"statusCode":200},"responseTime":21.7,"msg":"request completed"'));
    out.push(pino(1, host, 30, '"reqId":"req-e2","req":{"method":"GET","url":"/api/pdp/sku-3318"},"res":{"statusCode":200},"responseTime":17.2,"msg":"request completed"'));
    return lines(...out);
  };
  return {
    id: 'heldout29-recreate-strategy-warmup-outage',
    class: 'rollout',
    truth: 'Revision 112 (chart 4.0.0, PLAT-2231) switched product-catalog\'s Deployment strategy to Recreate. Every rollout since scales the old ReplicaSet to 0 before the new pods start, and each new pod needs about 3 minutes of cache warm-up before its readiness probe passes, so for 3–4 minutes there is no ready endpoint and callers (storefront-bff) get connection refused and answer 503. The rollout of revision 115 ten minutes ago did it again (as did revision 114 yesterday). The new version is fine: the pods are ready now. Fix: go back to RollingUpdate (maxUnavailable 0, maxSurge 1) — keeping schema migrations in a separate step — so old pods serve until new ones finish warming.',
    ask: { service: 'product-catalog', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...caller.objects, ...other.objects, ...svc,
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: caller.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 114), 0, 4, 10),
      scaledReplicaSet(dep, rsOf(app, 115), 4, 0, 9.8),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 29), 2, 0, 35),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 28), 0, 2, 34),
      ...app.pods.flatMap((p, i) => [
        ...startedAt(p, 'app', image('7.5.2'), 9.8 - i * 0.02),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 16 + (i % 3), firstAgo: 9.4, lastAgo: (readyAt[i] ?? 6.5) + 0.15 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: catalogLog(i) })),
      ...caller.pods.map((p, k) => logsFor(p, 'app', { current: bffLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Recreate|all (pods|replicas) at once|maxUnavailable/i],
      facts: [/warm/i, /503|ECONNREFUSED|connection refused/i, /from 4 to 0|to 0|no (ready|available) (pods|endpoints|replicas)|0 ready/i],
      never: [/\bOOM/, /crash ?loop/i, /catalog-search/, /roll(ing)? ?back to|undo the rollout|rollout undo/i],
    },
  };
}

// ---- 7. healthy control: a gRPC service and its load balancer's HTTP health checks ---------------

function grpcLoadBalancerHealthCheckNoise(): CorpusScenario {
  const ns = 'routing';
  const { nodes, names } = threeEksNodes('10.0.200', ['11', '104', '219']);
  const image = `${ECR}/routing/eta-grpc:1.31.0`;
  const tpl = {
    containers: [container({
      image,
      ports: [{ name: 'grpc', containerPort: 50051 }, { name: 'metrics', containerPort: 9090 }],
      cpu: '500m', memory: '512Mi',
      env: [{ name: 'GRPC_GO_LOG_SEVERITY_LEVEL', value: 'info' }, { name: 'GRPC_GO_LOG_VERBOSITY_LEVEL', value: '2' }, { name: 'ETA_MODEL_PATH', value: '/models/eta-v14.onnx' }],
      readiness: { grpc: { port: 50051, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { grpc: { port: 50051, service: '' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'eta-grpc',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: eta-grpc 1.30.2', template: { containers: [{ ...tpl.containers[0], name: 'app', image: `${ECR}/routing/eta-grpc:1.30.2` }] } },
      { revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: eta-grpc 1.31.0', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const svc = exposed({ namespace: ns, name: 'eta-grpc', selector: { app: 'eta-grpc' }, type: 'LoadBalancer', pods: app.pods, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }], endpointPort: 50051 });
  const s = svc[0] as k8s.V1Service;
  s.metadata = {
    ...s.metadata,
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'HTTP',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-success-codes': '200-499',
    },
  };
  s.status = { loadBalancer: { ingress: [{ hostname: 'k8s-routing-etagrpc-6c1f0e2a9b-4d1e8f7a2c3b5d60.elb.eu-west-1.amazonaws.com' }] } };
  // A bystander with an old restart, and yesterday's stale warning a careless reader would blame.
  const other = deploymentApp({
    namespace: ns,
    name: 'traffic-ingest',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: traffic-ingest 0.9.4', template: { containers: [container({ image: `${ECR}/routing/traffic-ingest:0.9.4`, ports: [8080], memory: '384Mi' })] } }],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 21 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 21 * HOURS, ranSeconds: 5 * 24 * 3600 } }) } },
      { revision: 17, node: names[1] ?? '', createdAgo: 6 * DAYS },
    ],
  });
  const lbIps = ['10.0.200.57', '10.0.201.143', '10.0.202.88'];
  const podLog = (p: k8s.V1Pod, k: number): string => {
    const ip = ipOfPod(p);
    const out: string[] = [`${goLogTime(4 * DAYS - k - 0.2)} INFO: [core] [Server #1 ListenSocket #2]ListenSocket created`, `{"level":"info","time":"${at(4 * DAYS - k - 0.2)}","msg":"eta-grpc 1.31.0 serving","addr":":50051","model":"eta-v14"}`];
    for (let t = 3, i = 0; t > 0.05; t -= 0.17, i++) {
      const lb = lbIps[i % lbIps.length] ?? '10.0.200.57';
      const port = 20000 + ((i * 7919 + k * 131) % 40000);
      if (i % 2 === 0) out.push(`${goLogTime(t)} WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET / HTTP/1.1\\\\r\\\\nHost: 10\\""`);
      else out.push(`${goLogTime(t)} WARNING: [transport] transport: http2Server.HandleStreams failed to read frame: read tcp ${ip}:50051->${lb}:${port}: read: connection reset by peer`);
      out.push(`{"level":"info","time":"${at(t - 0.05)}","msg":"finished call","protocol":"grpc","grpc.component":"server","grpc.service":"routing.eta.v2.EtaService","grpc.method":"EstimateArrival","grpc.method_type":"unary","peer.address":"10.0.${112 + (i % 3)}.${20 + (i % 50)}:${port + 3}","grpc.code":"OK","grpc.time_ms":"${(3 + (i % 5) * 0.7).toFixed(2)}"}`);
      if (i % 3 === 0) out.push(`{"level":"info","time":"${at(t - 0.09)}","msg":"finished call","protocol":"grpc","grpc.component":"server","grpc.service":"routing.eta.v2.EtaService","grpc.method":"BatchEstimate","grpc.method_type":"unary","peer.address":"10.0.113.${30 + (i % 40)}:${port + 9}","grpc.code":"OK","grpc.time_ms":"${(11 + (i % 7)).toFixed(2)}"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout29-grpc-lb-health-check-noise-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong with eta-grpc: all three pods are Ready with no restarts and real RPCs (EstimateArrival, BatchEstimate) complete with code OK. The steady WARNING lines ("bogus greeting from client: GET / HTTP/1.1", "HandleStreams failed to read frame: … connection reset by peer") come from the internal NLB\'s HTTP health checks hitting the gRPC port and then closing the connection; gRPC-go logs them because GRPC_GO_LOG_VERBOSITY_LEVEL=2 is set. They are harmless noise (the health check counts 200-499 as healthy); at most, point the health check at a proper port or lower the gRPC log verbosity.',
    ask: { service: 'eta-grpc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...svc, ...other.objects,
      ...exposed({ namespace: ns, name: 'traffic-ingest', selector: { app: 'traffic-ingest' }, pods: other.pods }),
      event({ on: { kind: 'Service', name: 'eta-grpc', namespace: ns }, type: 'Normal', reason: 'SuccessfullyReconciled', message: 'Successfully reconciled', firstAgo: 4 * DAYS, lastAgo: 40, count: 9, component: 'service' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
      logsFor(podOf(other, 0), 'app', {
        previous: lines(`{"level":"error","time":"${at(21 * HOURS + 0.1)}","msg":"kafka: client has run out of available brokers to talk to: EOF"}`, `{"level":"fatal","time":"${at(21 * HOURS)}","msg":"producer closed, exiting"}`),
        current: lines(`{"level":"info","time":"${at(21 * HOURS - 0.2)}","msg":"connected to kafka","brokers":3}`, `{"level":"info","time":"${at(1)}","msg":"ingested batch","records":512}`),
      }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|no (problems?|issues?)|running|serving|OK/i],
      facts: [/eta-grpc/],
      never: [/\bOOM/, /crash ?loop/i, /(reset by peer|connection resets?|bogus greeting|ServerTransport)[^\n]*(caus|fail(ing|ure|s)\b|outage|broken|degrad)/i, /traffic-ingest/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  pooledConnectionsResetByNatIdleTimeout(),
  jwksCachedAcrossKeyRotation(),
  newNodePoolWithoutNfsClient(),
  operatorThrottledByApf(),
  elasticsearchPrimaryLostNoReplicas(),
  recreateStrategyWarmupOutage(),
  grpcLoadBalancerHealthCheckNoise(),
];
