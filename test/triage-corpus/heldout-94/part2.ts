// Held-out stories, ninety-fourth round, part two:
// 1. (containers) a Node.js webhook notifier whose revision 19 bumped node-fetch 2 → 3 (ESM-only), so
//    every new pod dies with ERR_REQUIRE_ESM; the rollout is stuck behind the old pods.
// 2. (nodes) one node's conntrack table is full (node-problem-detector ConntrackFull), so only the
//    pods on that node time out connecting to Postgres.
// 3. (network) an edge gateway's ConfigMap raised its upstream idle-connection timeout from 4s to 90s,
//    beyond the Node.js upstream's 5s keepAliveTimeout: "http: server closed idle connection" 502s.
// 4. (capacity) a PDF renderer whose month-end statements outgrow its 1Gi ephemeral-storage limit:
//    pods are evicted by the kubelet mid-job.
// 5. (config) a ConfigMap edit set PRICING_TIMEOUT_MS to "5" (meant 5s) so every pricing call aborts
//    with axios "timeout of 5ms exceeded".
// 6. (probes) revision 23 tightened the liveness probe to timeoutSeconds 1 / failureThreshold 1, so any
//    slow /healthz answer gets the container killed (exit 137, not OOM).
// 7. (healthy) a Node.js API that prints the punycode DEP0040 DeprecationWarning at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  nodeEvent, probeFailed, probeKilling, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** pino's epoch-millisecond time. */
const ms = (minutes: number): number => Date.parse(at(minutes));
const pino = (minutes: number, level: number, msg: string, extra = ''): string =>
  `{"level":${level},"time":${ms(minutes)},"pid":1${extra},"msg":${JSON.stringify(msg)}}`;

// ---- 1. node-fetch 3 is ESM-only: ERR_REQUIRE_ESM at start ---------------------------------------------

function esmOnlyDependency(): CorpusScenario {
  const ns = 'payments-notify';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '121', '230']);
  const image = (v: string) => `${ECR}/payments/webhook-notifier:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '200m', memory: '256Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'KAFKA_BROKERS', value: 'b-1.payments-msk.eu-west-1.amazonaws.com:9098' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'webhook-notifier',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: webhook-notifier 2.14.0', template: tpl('2.14.0') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: webhook-notifier 2.15.0 (renovate: bump node-fetch to v3)', template: tpl('2.15.0') },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 18, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 19, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 1 }, 9) } },
      { revision: 19, node: names[0] ?? '', createdAgo: 25.4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 1 }, 9) } },
    ],
  });
  const other = bystander(ns, 'refund-scheduler', names, 3 * HOURS, { revisions: [40, 41], versions: ['1.9.2', '1.9.3'], olderAgo: 20 * DAYS });
  const bad = [podOf(app, 2), podOf(app, 3)];
  const crash = () => lines(
    '/app/dist/clients/webhook-client.js:7',
    'const node_fetch_1 = __importDefault(require("node-fetch"));',
    '                                     ^',
    '',
    'Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/node-fetch/src/index.js from /app/dist/clients/webhook-client.js not supported.',
    'Instead change the require of index.js in /app/dist/clients/webhook-client.js to a dynamic import() which is available in all CommonJS modules.',
    '    at Object.<anonymous> (/app/dist/clients/webhook-client.js:7:38)',
    '    at Object.<anonymous> (/app/dist/server.js:12:27) {',
    "  code: 'ERR_REQUIRE_ESM'",
    '}',
    '',
    'Node.js v20.18.1',
  );
  const ok = (k: number) => lines(
    pino(40 + k, 30, 'webhook delivered', ',"merchantId":"m_81723","event":"payment.captured","status":200,"durationMs":212'),
    pino(3 + k, 30, 'webhook delivered', ',"merchantId":"m_10442","event":"refund.created","status":200,"durationMs":187'),
    pino(0.5, 30, 'webhook delivered', ',"merchantId":"m_55310","event":"payment.captured","status":204,"durationMs":96'),
  );
  return {
    id: 'heldout94-webhook-notifier-node-fetch-esm',
    class: 'containers',
    truth: 'Revision 19 of webhook-notifier (2.15.0, a Renovate bump of node-fetch from v2 to v3) ships node-fetch 3, which is ESM-only, while the service is compiled to CommonJS and require()s it. Every new pod exits 1 at start with "Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/node-fetch/src/index.js from /app/dist/clients/webhook-client.js not supported" and crash-loops; the rollout is stuck with two revision-18 pods serving. Fix: roll back to revision 18 and pin node-fetch ^2 (or switch to dynamic import()/native fetch).',
    ask: { service: 'webhook-notifier', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'webhook-notifier', selector: { app: 'webhook-notifier' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 3, 26),
      ...bad.flatMap((p) => [scheduled(p, 25.5), ...restartedAgain(p, 'app', image('2.15.0'), { count: 10, firstAgo: 25.4, lastAgo: 2 }), backOff(p, 'app', { count: 112, firstAgo: 25 })]),
    ],
    logs: [
      ...bad.map((p) => logsFor(p, 'app', { previous: crash(), current: '' })),
      logsFor(podOf(app, 0), 'app', { current: ok(0) }),
      logsFor(podOf(app, 1), 'app', { current: ok(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ERR_REQUIRE_ESM|ES ?Module|ESM/i],
      facts: [/node-fetch/, /revision 19|2\.15\.0/],
      never: [/\bOOM/, /liveness[^\n]*(fail|kill)/i, /refund-scheduler/],
    },
  };
}

// ---- 2. conntrack table full on one node ----------------------------------------------------------------

function conntrackFullNode(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.104', ['37', '142', '219']);
  const sick = names[1] ?? '';
  const image = `${ECR}/loyalty/points-api:3.6.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'points-api',
    replicas: 3,
    revisions: [{ revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: points-api 3.6.4', template: { containers: [container({ image, ports: [8080], cpu: '300m', memory: '512Mi', readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }) })] } }],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 57, node: sick, createdAgo: 6 * DAYS, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 6 * DAYS },
    ],
  });
  const other = bystander(ns, 'points-expiry-worker', names, 9 * HOURS, { revisions: [12, 13], versions: ['0.8.0', '0.8.1'], olderAgo: 30 * DAYS });
  const sickPod = podOf(app, 1);
  const slog = (t: number, level: string, msg: string, extra = '') => `time=${at(t)} level=${level} msg="${msg}"${extra}`;
  const sickLog = lines(
    slog(30, 'INFO', 'request', ' method=GET path=/v1/members/88172/points status=200 dur=14ms'),
    ...[22, 18, 14, 11, 8, 6, 4, 2.5, 1.2, 0.4].map((t, i) => slog(t, 'ERROR', 'db query failed', ` err="failed to connect to \`host=loyalty-db.cluster-cq81xk2m.eu-west-1.rds.amazonaws.com user=points_app database=loyalty\`: dial error (dial tcp 10.0.131.${40 + i % 3}:5432: connect: connection timed out)"`)),
    slog(0.3, 'WARN', 'readiness check failed', ' check=postgres err="context deadline exceeded"'),
  );
  const okLog = lines(slog(2, 'INFO', 'request', ' method=GET path=/v1/members/10442/points status=200 dur=11ms'), slog(0.6, 'INFO', 'request', ' method=POST path=/v1/members/55310/redeem status=201 dur=38ms'));
  return {
    id: 'heldout94-points-api-node-conntrack-full',
    class: 'nodes',
    truth: `The conntrack table of node ${sick} is full (node-problem-detector's network plugin reports ConntrackFull "Conntrack table full" every few minutes since 24 minutes ago; the kernel logs "nf_conntrack: table full, dropping packet"), so new connections from pods on that node are dropped: the points-api pod there times out dialing Postgres and is unready, while the identical pods on the other two nodes are fine. Not the app, not the database. Fix: cordon/drain the node (or raise nf_conntrack_max) and find the connection churn.`,
    ask: { service: 'points-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods }),
      nodeEvent(sick, 'ConntrackFull', 'Conntrack table full', { type: 'Warning', count: 46, firstAgo: 24, lastAgo: 0.5, component: 'custom-plugin-monitor' }),
      probeFailed(sickPod, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 120, firstAgo: 22 }),
    ],
    logs: [
      logsFor(sickPod, 'app', { current: sickLog }),
      logsFor(podOf(app, 0), 'app', { current: okLog }),
      logsFor(podOf(app, 2), 'app', { current: okLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/conntrack|nf_conntrack/i, new RegExp(`${sick.replace(/\./g, '\\.')}|10-0-104-142|node`, 'i')],
      facts: [/conntrack/i, lit('ip-10-0-104-142')],
      never: [ADVISES_ROLLBACK, /\bOOM/, /password|credential|authentication/i, /points-expiry-worker/],
    },
  };
}

// ---- 3. keep-alive race: gateway idle timeout 90s > upstream keepAliveTimeout 5s ---------------------

function keepAliveRace(): CorpusScenario {
  const ns = 'storefront-edge';
  const { nodes, names } = threeEksNodes('10.0.56', ['22', '160', '243']);
  const gwImage = `${ECR}/edge/edge-gateway:5.2.0`;
  const gwCm = configMap({
    namespace: ns, name: 'edge-gateway-upstreams', createdAgo: 200 * DAYS, updatedAgo: 44,
    data: {
      'upstreams.yaml': [
        'upstreams:',
        '  - name: pricing',
        '    url: http://pricing-svc.storefront-edge.svc.cluster.local',
        '    max_idle_conns_per_host: 256',
        '    idle_conn_timeout: 90s   # was 4s; raised to cut TLS/handshake churn (CHG-3318)',
        '    response_header_timeout: 3s',
        '  - name: catalog',
        '    url: http://catalog-api.catalog.svc.cluster.local',
        '    idle_conn_timeout: 4s',
        '',
      ].join('\n'),
    },
  });
  const gw = deploymentApp({
    namespace: ns,
    name: 'edge-gateway',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 9 * DAYS, template: {
      containers: [container({ image: gwImage, ports: [8080], cpu: '500m', memory: '256Mi', volumeMounts: [{ name: 'upstreams', mountPath: '/etc/gateway' }] })],
      volumes: [{ name: 'upstreams', configMap: { name: 'edge-gateway-upstreams' } }],
    } }],
    pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 88, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const pricingImage = `${ECR}/edge/pricing-svc:7.3.1`;
  const pricing = deploymentApp({
    namespace: ns,
    name: 'pricing-svc',
    replicas: 3,
    revisions: [{ revision: 31, createdAgo: 15 * DAYS, template: { containers: [container({ image: pricingImage, ports: [3000], env: [{ name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS', value: '5000' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 15 * DAYS })),
  });
  const gwLog = (k: number) => lines(
    `{"time":"${at(44 - k * 0.01)}","level":"INFO","msg":"config reloaded","file":"/etc/gateway/upstreams.yaml","upstreams":2}`,
    ...[38, 31, 25, 19, 14, 9, 6, 3.5, 1.8, 0.7].flatMap((t, i) => [
      `{"time":"${at(t - k * 0.1)}","level":"INFO","msg":"proxied","upstream":"pricing","path":"/v2/prices/batch","status":200,"dur_ms":${22 + i}}`,
      `{"time":"${at(t - 0.05 - k * 0.1)}","level":"ERROR","msg":"upstream request failed","upstream":"pricing","path":"/v2/prices/batch","status":502,"err":"Post \\"http://pricing-svc.storefront-edge.svc.cluster.local/v2/prices/batch\\": http: server closed idle connection","conn_idle_ms":${5004 + i * 911}}`,
    ]),
  );
  const pLog = lines(
    pino(15 * DAYS - 1, 30, 'server listening', ',"port":3000,"keepAliveTimeout":5000,"headersTimeout":6000'),
    pino(1.1, 30, 'request completed', ',"req":{"method":"POST","url":"/v2/prices/batch"},"res":{"statusCode":200},"responseTime":18'),
  );
  return {
    id: 'heldout94-edge-gateway-idle-timeout-keepalive-race',
    class: 'network',
    truth: 'A change (CHG-3318) to ConfigMap edge-gateway-upstreams 44 minutes ago raised the pricing upstream\'s idle_conn_timeout from 4s to 90s. pricing-svc is a Node.js server whose keepAliveTimeout is 5000 ms, so it closes idle keep-alive connections after 5s while the gateway keeps reusing them up to 90s: requests sent on a connection the server is closing fail with Go\'s "http: server closed idle connection" and the gateway returns 502s. Fix: set the gateway idle timeout below 5s (or raise keepAliveTimeout on pricing-svc above it).',
    ask: { service: 'edge-gateway', namespace: ns },
    objects: [
      ...nodes, gwCm, ...gw.objects, ...pricing.objects,
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'pricing-svc', selector: { app: 'pricing-svc' }, pods: pricing.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
    ],
    logs: [
      logsFor(podOf(gw, 0), 'app', { current: gwLog(0) }),
      logsFor(podOf(gw, 1), 'app', { current: gwLog(1) }),
      ...pricing.pods.map((p) => logsFor(p, 'app', { current: pLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/idle|keep-?alive|server closed idle connection/i],
      facts: [/edge-gateway-upstreams|idle_conn_timeout|90s/i, /5000|5s|keepAliveTimeout/i],
      never: [/NetworkPolicy[^\n]*(block|den|drop)/i, /\bDNS (failure|error|resolution fail)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 4. ephemeral-storage limit evictions -----------------------------------------------------------------

function ephemeralStorageEvictions(): CorpusScenario {
  const ns = 'statements';
  const { nodes, names } = threeEksNodes('10.0.140', ['11', '97', '205']);
  const image = `${ECR}/statements/pdf-renderer:4.0.7`;
  const evictMsg = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';
  const c = container({ image, ports: [8080], cpu: '1', memory: '1536Mi' });
  c.resources = { requests: { cpu: '1', memory: '1536Mi', 'ephemeral-storage': '512Mi' }, limits: { memory: '1536Mi', 'ephemeral-storage': '1Gi' } };
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 3,
    revisions: [{ revision: 14, createdAgo: 33 * DAYS, changeCause: 'argocd: pdf-renderer 4.0.7', template: { containers: [c] } }],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 7 },
      { revision: 14, node: names[1] ?? '', createdAgo: 4 },
      { revision: 14, node: names[2] ?? '', createdAgo: 1.5, ready: false, containers: { app: running({ sinceAgo: 1.3, ready: false }) } },
      { revision: 14, node: names[0] ?? '', createdAgo: 52, phase: 'Failed', reason: 'Evicted', message: evictMsg, containers: { app: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 8 }) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 49, phase: 'Failed', reason: 'Evicted', message: evictMsg, containers: { app: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 4.5 }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 47, phase: 'Failed', reason: 'Evicted', message: evictMsg, containers: { app: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 2 }) } },
    ],
  });
  const other = bystander(ns, 'statement-scheduler', names, 5 * HOURS, { revisions: [21, 22], versions: ['2.1.0', '2.1.1'], olderAgo: 40 * DAYS });
  const evicted = [podOf(app, 3), podOf(app, 4), podOf(app, 5)];
  const rlog = (t: number, level: string, msg: string) => `${at(t)} ${level} [renderer] ${msg}`;
  return {
    id: 'heldout94-pdf-renderer-ephemeral-storage-evicted',
    class: 'capacity',
    truth: 'The month-end statement run (started ~55 minutes ago) renders multi-hundred-page PDFs whose temporary files in /tmp (container writable layer) exceed the pdf-renderer container\'s ephemeral-storage limit of 1Gi; the kubelet evicts each pod ("Pod ephemeral local storage usage exceeds the total limit of containers 1Gi"), killing jobs mid-render, and replacements are evicted in turn. Nodes have plenty of disk: no DiskPressure. Fix: raise the ephemeral-storage limit or render to a sized emptyDir and stream/clean temp files.',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods }),
      ...evicted.flatMap((p, i) => [
        event({ on: p, reason: 'Evicted', message: evictMsg, firstAgo: [8, 4.5, 2][i] ?? 2, lastAgo: [8, 4.5, 2][i] ?? 2 }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: [8, 4.5, 2][i] ?? 2, lastAgo: [8, 4.5, 2][i] ?? 2, fieldPath: 'spec.containers{app}' }),
      ]),
      ...startedNormally(podOf(app, 2), 'app', image, 1.5),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
        rlog(1.2 + k, 'INFO', 'job stmt-2026-11-000' + (4100 + k) + ' started: account=ACC-' + (88120 + k) + ' pages=' + (612 + k * 37)),
        rlog(0.9 + k * 0.5, 'INFO', `spooling page images to /tmp/render-${4100 + k} (${410 + k * 90} MB so far)`),
        rlog(0.4, 'INFO', 'GET /healthz 200 1ms'),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ephemeral|local storage/i],
      facts: [/Evicted|evict/i, /1Gi/],
      never: [/\bOOM/, /DiskPressure|disk pressure/i, ADVISES_ROLLBACK, /statement-scheduler/],
    },
  };
}

// ---- 5. a timeout set in milliseconds: "5" ---------------------------------------------------------------

function timeoutUnitConfig(): CorpusScenario {
  const ns = 'cart';
  const { nodes, names } = threeEksNodes('10.0.36', ['45', '128', '211']);
  const image = `${ECR}/cart/cart-api:9.2.3`;
  const cm = configMap({
    namespace: ns, name: 'cart-api-config', createdAgo: 300 * DAYS, updatedAgo: 34,
    data: { PRICING_URL: 'http://pricing.pricing.svc.cluster.local', PRICING_TIMEOUT_MS: '5', INVENTORY_URL: 'http://inventory.inventory.svc.cluster.local', INVENTORY_TIMEOUT_MS: '2500', CART_TTL_HOURS: '72' },
  });
  const tpl = (cs: string) => ({
    containers: [container({ image, ports: [3000], envFrom: [{ configMapRef: { name: 'cart-api-config' } }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })],
    annotations: { 'checksum/config': cs },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 66, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 9.2.3', template: tpl('5b1f0c2e9a') },
      { revision: 67, createdAgo: 33, changeCause: 'argocd: cart-api config change (PRICING_TIMEOUT_MS)', template: tpl('e94d71a03c') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 67, node: names[k] ?? '', createdAgo: 33 - k })),
  });
  const other = bystander(ns, 'cart-abandonment-mailer', names, 2 * HOURS, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 25 * DAYS });
  const log = (k: number) => lines(
    pino(32 - k, 30, 'cart-api listening', ',"port":3000,"pricingTimeoutMs":5,"inventoryTimeoutMs":2500'),
    ...[28, 21, 15, 10, 6, 3, 1.5, 0.6].flatMap((t, i) => [
      pino(t - k * 0.1, 50, 'pricing call failed', `,"cartId":"c_${7710 + i * 13 + k}","err":{"type":"AxiosError","message":"timeout of 5ms exceeded","code":"ECONNABORTED"}`),
      pino(t - 0.01 - k * 0.1, 40, 'request completed', `,"req":{"method":"POST","url":"/v1/carts/c_${7710 + i * 13 + k}/items"},"res":{"statusCode":503},"responseTime":${6 + i % 3}`),
    ]),
    pino(0.4, 30, 'request completed', ',"req":{"method":"GET","url":"/healthz"},"res":{"statusCode":200},"responseTime":1'),
  );
  return {
    id: 'heldout94-cart-api-pricing-timeout-5ms',
    class: 'config',
    truth: 'An edit to ConfigMap cart-api-config 34 minutes ago set PRICING_TIMEOUT_MS to "5" (the author meant 5 seconds; the value is milliseconds), rolled out as revision 67 via the config checksum. Every call to the pricing service now aborts after 5 ms ("AxiosError: timeout of 5ms exceeded", ECONNABORTED) and adding items to carts returns 503. The image is unchanged; pricing is healthy. Fix: set PRICING_TIMEOUT_MS to 5000.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 67), 3, 0, 33),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 66), 0, 3, 30),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/PRICING_TIMEOUT_MS|5 ?ms|timeout/i],
      facts: [/cart-api-config|PRICING_TIMEOUT_MS/, /timeout of 5ms|ECONNABORTED|\b5\b/],
      never: [/\bOOM/, /crash ?loop/i, /cart-abandonment-mailer/, /\bpricing( service| svc)? (is )?(down|unavailable|unreachable)/i],
    },
  };
}

// ---- 6. liveness probe tightened to timeoutSeconds 1 / failureThreshold 1 ----------------------------

function tightLiveness(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.12', ['66', '149', '238']);
  const image = `${ECR}/search/query-api:6.1.0`;
  const tpl = (live: k8s.V1Probe) => ({ containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/ready', 8080, { timeoutSeconds: 3 }), liveness: live })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 10 * DAYS, changeCause: 'argocd: query-api 6.1.0', template: tpl(httpProbe('/healthz', 8080, { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 })) },
      { revision: 23, createdAgo: 95, changeCause: 'argocd: query-api probes: faster failure detection (PLAT-912)', template: tpl(httpProbe('/healthz', 8080, { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 1 })) },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 23, node: names[k] ?? '', createdAgo: 94 - k,
      containers: { app: running({ sinceAgo: [3, 11, 6][k] ?? 3, restarts: [7, 5, 6][k] ?? 5, last: { exitCode: 137, reason: 'Error', finishedAgo: [3, 11, 6][k] ?? 3, ranSeconds: 600 } }) },
    })),
  });
  const other = bystander(ns, 'index-builder', names, 6 * HOURS, { revisions: [30, 31], versions: ['3.3.0', '3.3.1'], olderAgo: 14 * DAYS });
  const log = (k: number) => lines(
    `${at(10 + k)} INFO  [main] query-api 6.1.0 started on :8080 (index segments=412)`,
    `${at(6 + k)} INFO  [http] GET /v1/search?q=running+shoes 200 84ms`,
    `${at(4 + k * 0.5)} WARN  [http] GET /v1/search?q=*&facets=brand,size,color 200 2431ms (slow query)`,
    `${at(4 + k * 0.5)} INFO  [http] GET /healthz 200 1380ms`,
    `${at(1)} INFO  [http] GET /v1/search?q=rain+jacket 200 61ms`,
  );
  return {
    id: 'heldout94-query-api-liveness-timeout-1s',
    class: 'probes',
    truth: 'Revision 23 of query-api (95 minutes ago, "faster failure detection") changed only the liveness probe: periodSeconds 5, timeoutSeconds 1, failureThreshold 1 (was 10/5/3). Whenever a heavy faceted query keeps the service busy and /healthz takes over a second once, the kubelet kills the container (exit 137 after "Liveness probe failed: … context deadline exceeded"): every pod restarted 5–7 times since. Not OOM: memory is fine. Fix: restore a tolerant liveness probe (timeoutSeconds ≥ 3, failureThreshold ≥ 3) — reverting revision 23\'s probe is correct.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', `Get "http://${p.status?.podIP ?? '10.0.12.9'}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: [7, 5, 6][k] ?? 5, firstAgo: 80, lastAgo: [3, 11, 6][k] ?? 3 }),
        probeKilling(p, 'app', 'liveness', { count: [7, 5, 6][k] ?? 5, firstAgo: 80, lastAgo: [3, 11, 6][k] ?? 3 }),
      ]),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 0, 95),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k), previous: log(k + 4) })),
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /timeout|timeoutSeconds|failureThreshold|revision 23|1s|deadline/i],
      facts: [/timeoutSeconds|failureThreshold|timeout.{0,10}1\b/i, /revision 23|PLAT-912/i],
      never: [/\bOOM/, /memory limit/i, /index-builder/],
    },
  };
}

// ---- 7. healthy control: punycode DEP0040 deprecation warning ------------------------------------------

function healthyPunycodeWarning(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.200', ['19', '101', '177']);
  const image = `${ECR}/accounts/profile-api:2.7.5`;
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 18 * DAYS, changeCause: 'argocd: profile-api 2.7.4', template: { containers: [container({ image: `${ECR}/accounts/profile-api:2.7.4`, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] } },
      { revision: 41, createdAgo: 70, changeCause: 'argocd: profile-api 2.7.5 (node 22 base image)', template: { containers: [container({ image, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 69 - k })),
  });
  const other = bystander(ns, 'profile-export-worker', names, 4 * HOURS, { revisions: [15, 16], versions: ['1.2.0', '1.2.1'], olderAgo: 22 * DAYS });
  const log = (k: number) => lines(
    pino(68.5 - k, 30, 'profile-api starting', ',"version":"2.7.5","node":"v22.11.0"'),
    '(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.',
    '(Use `node --trace-deprecation ...` to show where the warning was created)',
    pino(68.4 - k, 30, 'connected to mongodb', ',"db":"accounts","poolSize":20'),
    pino(68.4 - k, 30, 'server listening', ',"port":3000'),
    ...[20, 9, 4, 1.2, 0.3].map((t, i) => pino(t, 30, 'request completed', `,"req":{"method":"GET","url":"/v1/profiles/u_${4410 + i * 7 + k}"},"res":{"statusCode":200},"responseTime":${9 + i + k}`)),
  );
  return {
    id: 'heldout94-profile-api-healthy-punycode-deprecation',
    class: 'healthy',
    truth: 'profile-api revision 41 (2.7.5, Node 22 base image) rolled out 70 minutes ago and is healthy: three ready pods, no restarts, 200s. At start Node 22 prints "[DEP0040] DeprecationWarning: The `punycode` module is deprecated" (pulled in by a transitive dependency); it is harmless noise.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, 70),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, 67),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 69 - k)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running|ready/i],
      facts: [/profile-api/],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/, /punycode[^\n]*(caus|broke|fail)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  esmOnlyDependency(),
  conntrackFullNode(),
  keepAliveRace(),
  ephemeralStorageEvictions(),
  timeoutUnitConfig(),
  tightLiveness(),
  healthyPunycodeWarning(),
];
