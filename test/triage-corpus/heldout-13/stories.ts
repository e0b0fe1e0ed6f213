// Held-out stories, thirteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// ConfigMap keys starting with a digit skipped by the kubelet when consumed with envFrom (the
// Python service dies on KeyError), a Redis moved to the shared `cache` namespace while the app
// still dials the short name `redis`, an Elasticsearch full restart deadlocked because the
// discovery headless Service lost publishNotReadyAddresses, two HPAs claiming the same Deployment
// (AmbiguousSelector) so nothing scales under load, a packed node out of inotify instances where
// .NET services crash, an OpenSearch pod rescheduled to a new node pool without the
// vm.max_map_count sysctl, an image that switched to a non-root USER against a root-owned volume
// (no fsGroup) (this file); an Istio AuthorizationPolicy denying the caller's service account
// (403 "RBAC: access denied"), CoreDNS scaled down to one CPU-limited replica by an edited
// autoscaler ConfigMap, a Job failed at once by its podFailurePolicy FailJob rule on exit 42, a
// DaemonSet rolling update held by a pod on a NotReady node, GOGC=off OOM-killing a Go service
// every twenty minutes, and two healthy controls: a Rails service that recovered from a database
// failover hours ago, and a steady NATS cluster with old noise (./more.ts).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, container, crashLoop, deploymentApp, daemonSetApp, event, execProbe,
  endpointSliceFor, exposed, hpa, httpProbe, nameOf, node, nodeEvent, probeFailed, pulledFresh, pyTime, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';
import { MORE_SCENARIOS } from './more.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [130, 131], versions: ['5.0.2', '5.1.0'], olderAgo: 11 * DAYS });

/** An Elasticsearch/OpenSearch style log time: `2026-11-21T03:12:41,563`. */
const esTime = (minutes: number): string => at(minutes).replace('Z', '').replace('.', ',');

/** Ruby's Logger: `I, [2026-11-21T03:12:41.563104 #1]  INFO -- : message`. */
const rubyLog = (minutes: number, level: 'INFO' | 'WARN' | 'ERROR', msg: string): string =>
  `${level[0]}, [${at(minutes).replace('Z', '')}104 #1] ${level.padStart(5)} -- : ${msg}`;

// ---- 1. ConfigMap keys starting with a digit, skipped by envFrom -------------------------------

function envFromKeysSkipped(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.21');
  const image = `${ECR}/identity/otp-sender:1.9.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'otp-sender',
    replicas: 2,
    createdAgo: 39,
    revisions: [{
      revision: 1, createdAgo: 39, changeCause: 'argocd: otp-sender 1.9.2 (migrated from ECS)',
      template: { containers: [container({
        image, ports: [8000], command: ['python', '-m', 'otp_sender'],
        envFrom: [{ configMapRef: { name: 'otp-sender-env' } }, { secretRef: { name: 'otp-sender-secrets' } }],
        readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
      })] },
    }],
    pods: [0, 1].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 38.5 - k * 0.2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2 + k, ranSeconds: 2 }, 12 - k) } })),
  });
  const other = bystander(ns, 'login-api', names, 18);
  const cm = {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: 'otp-sender-env', namespace: ns, creationTimestamp: ago(40), labels: { 'app.kubernetes.io/name': 'otp-sender', 'app.kubernetes.io/managed-by': 'Helm' } },
    data: { '2FA_ISSUER': 'Acme Corp', '2FA_CODE_TTL_SECONDS': '300', SMS_PROVIDER: 'twilio', LOG_LEVEL: 'INFO', REDIS_URL: 'redis://otp-redis.identity.svc.cluster.local:6379/0' },
  };
  const skipped = 'Keys [2FA_CODE_TTL_SECONDS, 2FA_ISSUER] from the EnvFrom configMap identity/otp-sender-env were skipped since they are considered invalid environment variable names.';
  const prev = (p: k8s.V1Pod) => lines(
    `${pyTime(1.3)} INFO otp_sender: starting otp-sender 1.9.2 (python 3.12.7) pod=${nameOf(p)}`,
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/otp_sender/__main__.py", line 3, in <module>',
    '    from otp_sender.app import main',
    '  File "/app/otp_sender/app.py", line 9, in <module>',
    '    from otp_sender import settings',
    '  File "/app/otp_sender/settings.py", line 14, in <module>',
    '    ISSUER = os.environ["2FA_ISSUER"]',
    '             ~~~~~~~~~~^^^^^^^^^^^^^^',
    '  File "<frozen os>", line 714, in __getitem__',
    "KeyError: '2FA_ISSUER'",
  );
  return {
    id: 'heldout13-envfrom-configmap-keys-start-with-digit',
    class: 'config',
    truth: 'otp-sender was migrated from ECS 39 minutes ago; its Helm chart turned the ECS task\'s environment into the ConfigMap otp-sender-env, consumed with envFrom. Two keys, 2FA_ISSUER and 2FA_CODE_TTL_SECONDS, start with a digit, which is not a valid environment variable name on these v1.31 nodes: the kubelet skips them (InvalidEnvironmentVariableNames) and starts the container without them, so settings.py dies on KeyError: \'2FA_ISSUER\' (exit 1) and both pods crash-loop. The ConfigMap exists and the other keys arrive; the login-api rollout 18 minutes ago is unrelated. Fix: rename the keys (e.g. TWOFA_ISSUER, TWOFA_CODE_TTL_SECONDS) in the ConfigMap and in settings.py, or map them explicitly with env[].valueFrom.configMapKeyRef under valid names.',
    ask: { service: 'otp-sender' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'otp-sender', selector: { app: 'otp-sender' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'login-api', selector: { app: 'login-api' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 131), 2, 0, 18),
      ...app.pods.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image, { atAgo: 38.5 - k * 0.2, bytes: 61823412, seconds: 2.871 }),
        event({ on: p, reason: 'InvalidEnvironmentVariableNames', message: skipped, count: 13 - k, firstAgo: 38.3 - k * 0.2, lastAgo: 1.25 + k, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image, { count: 12 - k, firstAgo: 38 - k * 0.2, lastAgo: 1.25 + k }),
        backOff(p, 'app', { count: 160 - 10 * k, firstAgo: 37.5 - k * 0.2 }),
      ]),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { previous: prev(p), current: prev(p) })),
    expect: {
      verdict: 'problems',
      headline: [/2FA_ISSUER|InvalidEnvironmentVariableNames|invalid environment variable|skipped/i],
      facts: [/otp-sender-env/, /2FA_ISSUER/, /KeyError/, /2\/2|both|all 2|two/i],
      never: [/otp-sender-env[^\n]*not found|configmap[^\n]*(not found|missing|does not exist)/i, BLAMES_ROLLOUT, /login-api/, /\bOOM/],
    },
  };
}

// ---- 2. Redis moved to the `cache` namespace; the app still dials `redis` ------------------------

function redisMovedNamespace(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.22');
  const image = `${ECR}/shop/session-api:7.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 30 * DAYS, changeCause: 'argocd: session-api 7.3.0', template: { containers: [container({ image: `${ECR}/shop/session-api:7.3.0`, ports: [3000], env: [{ name: 'REDIS_HOST', value: 'redis' }, { name: 'REDIS_PORT', value: '6379' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] } },
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: session-api 7.4.1', template: { containers: [container({ image, ports: [3000], env: [{ name: 'REDIS_HOST', value: 'redis' }, { name: 'REDIS_PORT', value: '6379' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 12 * DAYS - k, containers: { app: running({ sinceAgo: 12 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 23, progressingSince: 12 * DAYS },
  });
  const other = bystander(ns, 'cart-web', names, 15);
  const redis = statefulSetApp({
    namespace: 'cache', name: 'redis', replicas: 1, serviceName: 'redis-headless', createdAgo: 70,
    revisions: [{ revision: 1, createdAgo: 70, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.4.1', ports: [{ name: 'redis', containerPort: 6379 }], memory: '2Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: null })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 69 }],
  });
  const cacheNs = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'cache', creationTimestamp: ago(75), labels: { 'kubernetes.io/metadata.name': 'cache', team: 'platform' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
  const log = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":"${at(27)}","pod":"${nameOf(p)}","msg":"GET /v1/session 200","ms":3}`,
    `{"level":40,"time":"${at(24.8)}","msg":"redis connection closed, reconnecting in 50ms"}`,
    `[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis`,
    '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)',
    `{"level":50,"time":"${at(23)}","msg":"readiness: redis unavailable","err":"getaddrinfo ENOTFOUND redis"}`,
    `{"level":50,"time":"${at(3)}","msg":"POST /v1/session 503","err":"Connection is closed.","ms":1}`,
    `[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis`,
    '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)',
  );
  return {
    id: 'heldout13-redis-moved-to-cache-namespace',
    class: 'network',
    truth: 'The platform team moved Redis into a shared namespace: a new StatefulSet and Service redis in namespace cache came up 70 minutes ago, and the old redis StatefulSet and Service in shop were deleted 25 minutes ago. session-api still has REDIS_HOST=redis, a short name that only resolves inside its own namespace (redis.shop.svc.cluster.local, now gone), so every reconnect fails with "getaddrinfo ENOTFOUND redis" and all three pods are unready. CoreDNS is fine, Redis is healthy at redis.cache.svc.cluster.local, and neither session-api (unchanged for 12 days) nor the cart-web rollout 15 minutes ago is at fault. Fix: set REDIS_HOST=redis.cache.svc.cluster.local (or add an ExternalName Service redis in shop pointing there).',
    ask: { service: 'session-api' },
    objects: [
      ...nodes, cacheNs, ...app.objects, ...other.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-web', selector: { app: 'cart-web' }, pods: other.pods }),
      ...exposed({ namespace: 'cache', name: 'redis', selector: { app: 'redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379, createdAgo: 70 }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 131), 2, 0, 15),
      event({ on: { kind: 'StatefulSet', name: 'redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod redis-0 in StatefulSet redis successful', firstAgo: 25, lastAgo: 25, component: 'statefulset-controller' }),
      event({ on: { kind: 'Pod', name: 'redis-0', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 25, lastAgo: 25, fieldPath: 'spec.containers{redis}' }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 138, firstAgo: 23.5 })),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
      logsFor(redis.pods[0], 'redis', { current: lines(`1:M 21 Nov 2026 02:05:12.004 * Ready to accept connections tcp`, `1:M 21 Nov 2026 03:05:13.112 * 100 changes in 300 seconds. Saving...`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/redis/i, /ENOTFOUND|resolv|namespace|cache|not found/i],
      facts: [/redis\.cache|cache namespace|namespace (`|")?cache/i, /3\/3|all 3|three|all pods/i],
      never: [/CoreDNS (is )?(down|crash|unhealthy|failing)/i, /network ?policy/i, BLAMES_ROLLOUT, /cart-web/, /\bOOM/],
    },
  };
}

// ---- 3. Elasticsearch full restart: the discovery Service lost publishNotReadyAddresses ----------

function esDiscoveryNotReadyAddresses(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.23');
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const readyScript = ['bash', '-c', 'set -e\n# Exit if ES is not yet green\ncurl -sS --fail -k "https://127.0.0.1:9200/_cluster/health?wait_for_status=green&timeout=1s"\n'];
  const es = statefulSetApp({
    namespace: ns, name: 'elasticsearch-master', replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'elasticsearch-master-headless',
    volumeClaimTemplates: [{ name: 'elasticsearch-master', storage: '200Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 11, createdAgo: 26 * DAYS, template: { containers: [container({
      name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'discovery.seed_hosts', value: 'elasticsearch-master-headless' }, { name: 'cluster.name', value: 'search' }, { name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }],
      readiness: execProbe(readyScript, { periodSeconds: 5, timeoutSeconds: 5, initialDelaySeconds: 10 }), liveness: null,
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 11, ordinal: k, node: names[k] ?? '', createdAgo: 38 - 0.1 * k, containers: { elasticsearch: running({ sinceAgo: 37.5 - 0.1 * k, ready: false }) } })),
  });
  const headless = service({ namespace: ns, name: 'elasticsearch-master-headless', selector: { app: 'elasticsearch-master' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], createdAgo: 300 * DAYS });
  // The new chart's template has no publishNotReadyAddresses (it was true under the elastic chart).
  delete headless.spec?.publishNotReadyAddresses;
  headless.metadata = {
    ...headless.metadata,
    labels: { app: 'elasticsearch-master', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'search-platform-2.0.0' },
    annotations: { 'meta.helm.sh/release-name': 'search', 'meta.helm.sh/release-namespace': ns },
    managedFields: [{ manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(3 * DAYS + 2 * HOURS), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} }, 'f:spec': {} } }],
  };
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `elasticsearch-master-elasticsearch-master-${k}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'elasticsearch-master' } }));
  const ids = ['kYpQ2vRzTnW0c1bAqL9e4g', '9fXhM3sUQ7K2pVb0aZr1Jw', 'Tz4mN8cLr0WqY5xH2dE7oA'];
  const log = (p: k8s.V1Pod, k: number) => lines(
    `{"@timestamp":"${at(37)}", "log.level": "INFO", "message":"initialized", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"${nameOf(p)}","elasticsearch.cluster.name":"search"}`,
    `{"@timestamp":"${at(36.8)}", "log.level": "WARN", "message":"failed to resolve host [elasticsearch-master-headless]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${nameOf(p)}][generic][T#2]","log.logger":"org.elasticsearch.discovery.SeedHostsResolver","elasticsearch.node.name":"${nameOf(p)}","elasticsearch.cluster.name":"search","error.type":"java.net.UnknownHostException","error.message":"elasticsearch-master-headless: Name or service not known"}`,
    `{"@timestamp":"${at(1)}", "log.level": "WARN", "message":"master not discovered or elected yet, an election requires at least 2 nodes with ids from [${ids.join(', ')}], have only discovered non-quorum [{${nameOf(p)}}{${ids[k] ?? ''}}{${ipOfPod(p)}}{${ipOfPod(p)}:9300}{cdfhilmrstw}]; discovery will continue using [] from hosts providers and [{elasticsearch-master-${(k + 1) % 3}}{${ids[(k + 1) % 3] ?? ''}}{10.0.19.${40 + k}:9300}, {elasticsearch-master-${(k + 2) % 3}}{${ids[(k + 2) % 3] ?? ''}}{10.0.27.${80 + k}:9300}] from last-known cluster state; node term 14, last-accepted version 88213 in term 14; for troubleshooting guidance, see https://www.elastic.co/guide/en/elasticsearch/reference/8.15/discovery-troubleshooting.html", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${nameOf(p)}][cluster_coordination][T#1]","log.logger":"org.elasticsearch.cluster.coordination.ClusterFormationFailureHelper","elasticsearch.node.name":"${nameOf(p)}","elasticsearch.cluster.name":"search"}`,
  );
  return {
    id: 'heldout13-es-discovery-service-lost-publish-not-ready',
    class: 'network',
    truth: 'Three days ago the search release moved from the elastic Helm chart to the in-house search-platform 2.0.0 chart, whose headless Service elasticsearch-master-headless (used by discovery.seed_hosts) no longer sets publishNotReadyAddresses: true. Nobody noticed while the cluster was formed. 38 minutes ago the StatefulSet was scaled to 0 and back to 3 for a full-cluster restart (keystore change); all three pods came up at once with new IPs, none is Ready, so the headless Service publishes no address, "elasticsearch-master-headless" does not resolve, each node discovers only itself (non-quorum, last-known peer IPs are stale) and no master is elected; the readiness probe (cluster health) never passes, so none ever becomes ready: a bootstrap deadlock, 0/3 ready. Not the image, not memory, not storage. Fix: set publishNotReadyAddresses: true on elasticsearch-master-headless (fix the chart).',
    ask: { service: 'elasticsearch-master' },
    objects: [
      ...nodes, ...es.objects, ...claims, headless, endpointSliceFor(headless, es.pods, 9200),
      ...exposed({ namespace: ns, name: 'elasticsearch-master', selector: { app: 'elasticsearch-master' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200, createdAgo: 300 * DAYS }),
      ...[0, 1, 2].map((k) => event({ on: { kind: 'StatefulSet', name: 'elasticsearch-master', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod elasticsearch-master-${k} in StatefulSet elasticsearch-master successful`, firstAgo: 40, lastAgo: 40, component: 'statefulset-controller' })),
      ...es.pods.flatMap((p, k) => [
        event({ on: { kind: 'StatefulSet', name: 'elasticsearch-master', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(p)} in StatefulSet elasticsearch-master successful`, firstAgo: 38 - 0.1 * k, lastAgo: 38 - 0.1 * k, component: 'statefulset-controller' }),
        ...startedAt(p, 'elasticsearch', image, 38 - 0.1 * k),
        probeFailed(p, 'elasticsearch', 'Readiness', 'Waiting for elasticsearch cluster to become ready (request params: "wait_for_status=green&timeout=1s" )\nCluster is not yet ready (request params: "wait_for_status=green&timeout=1s" )', { count: 410, firstAgo: 37 }),
      ]),
    ],
    logs: es.pods.map((p, k) => logsFor(p, 'elasticsearch', { current: log(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/publishNotReadyAddresses|not.?ready addresses|headless|discover|master not (discovered|elected)|quorum/i],
      facts: [/elasticsearch-master-headless/, /publishNotReadyAddresses/, /0\/3|none of|no (pod|member|node)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /max_map_count/i, /ImagePull/i],
    },
  };
}

// ---- 4. two HPAs target the same Deployment: AmbiguousSelector, nothing scales ---------------------

function twoHpasAmbiguousSelector(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.24');
  const image = `${ECR}/storefront/product-api:3.22.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'product-api',
    replicas: 3,
    revisions: [{ revision: 64, createdAgo: 6 * DAYS, changeCause: 'argocd: product-api 3.22.0', template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { timeoutSeconds: 3 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 6 * DAYS, ...(k > 0 ? { containers: { app: running({ sinceAgo: 6 * DAYS, ready: k === 1 }) } } : {}) })),
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const message = `pods by selector app=product-api are controlled by multiple HPAs: [${ns}/product-api ${ns}/product-api-default]`;
  const conditions = (since: number): k8s.V2HorizontalPodAutoscalerCondition[] => [
    { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(since) },
    { type: 'ScalingActive', status: 'False', reason: 'AmbiguousSelector', message, lastTransitionTime: ago(since) },
    { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
  ];
  const teamHpa = hpa({ namespace: ns, name: 'product-api', target: { kind: 'Deployment', name: 'product-api' }, min: 3, max: 20, current: 3, desired: 3, cpu: { current: 0, target: 70 }, metricsUnavailable: true, lastScaleAgo: 2 * DAYS, conditions: conditions(118) });
  const platformHpa = hpa({ namespace: ns, name: 'product-api-default', target: { kind: 'Deployment', name: 'product-api' }, min: 2, max: 10, current: 3, desired: 3, cpu: { current: 0, target: 80 }, metricsUnavailable: true, conditions: conditions(118) });
  platformHpa.metadata = { ...platformHpa.metadata, creationTimestamp: ago(119), labels: { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'platform-defaults-0.9.0', 'platform.acme.io/default-autoscaling': 'true' }, annotations: { 'meta.helm.sh/release-name': 'platform-defaults', 'meta.helm.sh/release-namespace': 'platform-system' } };
  const log = (p: k8s.V1Pod, k: number) => lines(
    `{"time":"${at(25)}","level":"INFO","msg":"request","path":"/v1/products","status":200,"duration_ms":38,"pod":"${nameOf(p)}"}`,
    `{"time":"${at(14)}","level":"WARN","msg":"request slow","path":"/v1/products/search","status":200,"duration_ms":2840,"inflight":${350 + k * 20}}`,
    `{"time":"${at(6)}","level":"WARN","msg":"shedding load","reason":"inflight limit 400 reached","status":503}`,
    `{"time":"${at(1)}","level":"WARN","msg":"request slow","path":"/v1/products","status":200,"duration_ms":4120,"inflight":399}`,
  );
  return {
    id: 'heldout13-two-hpas-same-deployment-ambiguous',
    class: 'capacity',
    truth: 'Two hours ago the platform team\'s platform-defaults chart added an HPA, product-api-default, to every Deployment without one it knew of; product-api already had its own HPA product-api (3-20 replicas, 70% CPU). Both target Deployment product-api, so the HPA controller refuses to act on either: ScalingActive=False, reason AmbiguousSelector ("pods by selector app=product-api are controlled by multiple HPAs"). Tonight\'s promotion traffic arrived 20 minutes ago and product-api stayed at 3 replicas: requests queue, it sheds load with 503, and two pods fail readiness on timeouts. Not the metrics server, not the maximum, not the code (6 days old). Fix: delete product-api-default (and exclude workloads with an HPA from the platform chart); the remaining HPA scales at once.',
    ask: { service: 'product-api' },
    objects: [
      ...nodes, ...app.objects, teamHpa, platformHpa,
      ...exposed({ namespace: ns, name: 'product-api', selector: { app: 'product-api' }, pods: app.pods }),
      event({ on: teamHpa, reason: 'AmbiguousSelector', message, count: 472, firstAgo: 118, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: platformHpa, reason: 'AmbiguousSelector', message, count: 472, firstAgo: 118, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.slice(1).map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 40 - 15 * k, firstAgo: 17 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/HPA|autoscal/i, /AmbiguousSelector|multiple|two|both|product-api-default/i],
      facts: [/product-api-default/, /AmbiguousSelector|multiple HPAs/i],
      never: [/metrics-server|metrics API/i, /maxReplicas|at (its )?max(imum)?\b/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 5. a packed node out of inotify instances: .NET services crash only there --------------------

function inotifyInstancesPackedNode(): CorpusScenario {
  const ns = 'pricing';
  const { nodes: small, names } = threeEksNodes('10.0.25');
  const packed = eksNodeName('10.0.71.200');
  const nodes = [...small, node({ name: packed, zone: 'eu-west-1b', instanceType: 'm6i.4xlarge', pool: 'general', createdAgo: 6 * HOURS, allocatable: { cpu: '15890m', 'ephemeral-storage': '95551679124', memory: '62922620Ki', pods: '234' } })];
  const qeImage = `${ECR}/pricing/quote-engine:8.3.1`;
  const trImage = `${ECR}/pricing/tax-rules:2.6.0`;
  const dotnet = (image: string) => ({ containers: [container({ image, ports: [8080], memory: '768Mi', env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'DOTNET_gcServer', value: '0' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] });
  const app = deploymentApp({
    namespace: ns, name: 'quote-engine', replicas: 4,
    revisions: [{ revision: 27, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-engine 8.3.1', template: dotnet(qeImage) }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 27, node: packed, createdAgo: 52, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 2.5, ranSeconds: 1 }, 15) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const tax = deploymentApp({
    namespace: ns, name: 'tax-rules', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: tax-rules 2.6.0', template: dotnet(trImage) }],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 9, node: packed, createdAgo: 51, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 4, ranSeconds: 1 }, 14) } },
    ],
    settled: { available: true, availableSince: 20 * DAYS, progressingSince: 6 * DAYS },
  });
  const sick = podOf(app, 3);
  const taxSick = podOf(tax, 1);
  const crash = (svc: string) => lines(
    `Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.`,
    '   at System.IO.FileSystemWatcher.StartRaisingEvents()',
    '   at System.IO.FileSystemWatcher.StartRaisingEventsIfNotDisposed()',
    '   at System.IO.FileSystemWatcher.set_EnableRaisingEvents(Boolean value)',
    '   at Microsoft.Extensions.FileProviders.Physical.PhysicalFilesWatcher.TryEnableFileSystemWatcher()',
    '   at Microsoft.Extensions.FileProviders.Physical.PhysicalFilesWatcher.CreateFileChangeToken(String filter)',
    '   at Microsoft.Extensions.FileProviders.PhysicalFileProvider.Watch(String filter)',
    '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.<.ctor>b__1_0()',
    '   at Microsoft.Extensions.Primitives.ChangeToken.OnChange(Func`1 changeTokenProducer, Action changeTokenConsumer)',
    '   at Microsoft.Extensions.Configuration.Json.JsonConfigurationSource.Build(IConfigurationBuilder builder)',
    '   at Microsoft.Extensions.Configuration.ConfigurationManager.AddSource(IConfigurationSource source)',
    '   at Microsoft.AspNetCore.Builder.WebApplicationBuilder..ctor(WebApplicationOptions options, Action`1 configureDefaults)',
    `   at Program.<Main>$(String[] args) in /src/${svc}/Program.cs:line 12`,
  );
  const ok = (p: k8s.V1Pod) => lines(
    `info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080`,
    `info: QuoteEngine.Quotes.QuoteController[0]\n      Quote q-${nameOf(p).slice(-4)} priced in 41 ms (${at(1)})`,
  );
  return {
    id: 'heldout13-inotify-instances-exhausted-packed-node',
    class: 'nodes',
    truth: `Karpenter consolidated the pricing pods onto a new m6i.4xlarge, ${packed}, 55 minutes ago; it now runs about 110 pods, and every ASP.NET Core process takes several inotify instances for its configuration file watchers (reloadOnChange). The node keeps the kernel default fs.inotify.max_user_instances=128 (shared by all containers running as the same uid), so new .NET processes there die at startup with "The configured user limit (128) on the number of inotify instances has been reached" (unhandled IOException, exit 134): the quote-engine pod on that node (1 of 4) and the tax-rules pod on it crash-loop, while the same images run fine on the other nodes. Not the code, not memory, not a file-descriptor ulimit. Fix: raise fs.inotify.max_user_instances on that node pool (node user-data or a sysctl DaemonSet), or set DOTNET_USE_POLLING_FILE_WATCHER=true / reloadOnChange false, and move the pod off ${packed} meanwhile.`,
    ask: { service: 'quote-engine' },
    objects: [
      ...nodes, ...app.objects, ...tax.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tax-rules', selector: { app: 'tax-rules' }, pods: tax.pods }),
      nodeEvent(packed, 'Ready', `Node ${packed} status is now: NodeReady`, { firstAgo: 6 * HOURS }),
      ...[sick, taxSick].flatMap((p, k) => [
        scheduled(p, 52 - k),
        ...restartedAgain(p, 'app', k === 0 ? qeImage : trImage, { count: 16 - k, firstAgo: 51.8 - k, lastAgo: 2.6 + 1.5 * k }),
        backOff(p, 'app', { count: 220 - 10 * k, firstAgo: 50 - k }),
      ]),
      event({ on: { kind: 'Node', name: eksNodeName('10.0.70.14') }, type: 'Normal', reason: 'DisruptionTerminating', message: 'Disrupting Node: Consolidation/Delete', firstAgo: 55, lastAgo: 55, component: 'karpenter' }),
    ],
    logs: [
      logsFor(sick, 'app', { previous: crash('QuoteEngine'), current: crash('QuoteEngine') }),
      logsFor(taxSick, 'app', { previous: crash('TaxRules') }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: ok(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/inotify/i, lit('ip-10-0-71-200')],
      facts: [/max_user_instances|\(128\)|128/, /1\/4|one of (its |the )?(4|four)|only (one|1)|other (3|three)/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /(raise|increase)[^\n]*(ulimit|nofile)/i],
    },
  };
}

// ---- 6. OpenSearch on a new node pool without the vm.max_map_count sysctl -------------------------

function opensearchMaxMapCountNewPool(): CorpusScenario {
  const ns = 'logging';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const oldPool = [0, 1].map((k) => node({ name: eksNodeName(`10.0.81.${31 + k * 60}`), zone: zones[k] ?? 'eu-west-1a', instanceType: 'r6i.2xlarge', pool: 'data-al2', createdAgo: 80 * DAYS }));
  const newPool = [0, 1, 2].map((k) => node({ name: eksNodeName(`10.0.86.${12 + k * 40}`), zone: zones[k] ?? 'eu-west-1a', instanceType: 'r7i.2xlarge', pool: 'data-al2023', createdAgo: 2 * HOURS + k }));
  const removed = eksNodeName('10.0.81.211');
  const image = 'public.ecr.aws/opensearchproject/opensearch:2.17.1';
  const os = statefulSetApp({
    namespace: ns, name: 'opensearch', replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'opensearch-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 8, createdAgo: 34 * DAYS, template: { containers: [container({
      name: 'opensearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '16Gi',
      env: [{ name: 'OPENSEARCH_JAVA_OPTS', value: '-Xms8g -Xmx8g' }, { name: 'discovery.seed_hosts', value: 'opensearch-headless' }],
      readiness: tcpReadiness(9200), liveness: null,
    })], nodeSelector: { 'workload-type': 'data' } } }],
    pods: [
      { revision: 8, ordinal: 0, node: nameOf(oldPool[0]), createdAgo: 34 * DAYS },
      { revision: 8, ordinal: 1, node: nameOf(oldPool[1]), createdAgo: 34 * DAYS },
      { revision: 8, ordinal: 2, node: nameOf(newPool[2]), createdAgo: 33, containers: { opensearch: crashLoop({ exitCode: 78, finishedAgo: 3, ranSeconds: 14 }, 9) } },
    ],
  });
  for (const n of [...oldPool, ...newPool]) n.metadata = { ...n.metadata, labels: { ...n.metadata?.labels, 'workload-type': 'data' } };
  const tuner = daemonSetApp({
    namespace: 'kube-system', name: 'sysctl-tuner',
    revisions: [{ revision: 2, createdAgo: 200 * DAYS, template: {
      containers: [container({ name: 'sysctl', image: 'public.ecr.aws/docker/library/busybox:1.36.1', command: ['sh', '-c', 'sysctl -w vm.max_map_count=262144 && sleep infinity'], ports: [], cpu: '10m', memory: '16Mi', readiness: null, liveness: null, securityContext: { privileged: true } })],
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'data-al2' },
    } }],
    pods: oldPool.map((n) => ({ revision: 2, node: nameOf(n), createdAgo: 80 * DAYS })),
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-opensearch-${k}`, storage: '500Gi', zone: zones[k] ?? 'eu-west-1a', createdAgo: 200 * DAYS, labels: { app: 'opensearch' } }));
  const sick = podOf(os, 2);
  const crash = lines(
    `[${esTime(3.25)}][INFO ][o.o.n.Node               ] [opensearch-2] version[2.17.1], pid[1], build[tar/1893d20797e30110e5877170e44d42275ce5951e/2024-09-26T21:59:52.691008096Z], OS[Linux/6.1.112-122.189.amzn2023.x86_64/amd64], JVM[Eclipse Adoptium/OpenJDK 64-Bit Server VM/21.0.4/21.0.4+7-LTS]`,
    `[${esTime(3.1)}][INFO ][o.o.t.TransportService   ] [opensearch-2] publish_address {${ipOfPod(sick)}:9300}, bound_addresses {[::]:9300}`,
    `[${esTime(3.05)}][ERROR][o.o.b.OpenSearchBootstrap] [opensearch-2] node validation exception`,
    '[1] bootstrap checks failed',
    '[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
    `[${esTime(3.02)}][INFO ][o.o.n.Node               ] [opensearch-2] stopping ...`,
    `[${esTime(3)}][INFO ][o.o.n.Node               ] [opensearch-2] closed`,
  );
  return {
    id: 'heldout13-opensearch-max-map-count-new-node-pool',
    class: 'nodes',
    truth: `The data node group is being migrated from data-al2 to data-al2023 (created 2 hours ago). The old pool's third node ${removed} was drained and removed 35 minutes ago, so opensearch-2 was rescheduled onto ${nameOf(newPool[2])} in the new pool. On the old pool, the sysctl-tuner DaemonSet (nodeSelector eks.amazonaws.com/nodegroup=data-al2) set vm.max_map_count=262144; nothing sets it on data-al2023, whose nodes keep the default 65530, so OpenSearch fails its bootstrap check ("max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]") and exits 78: opensearch-2 crash-loops (9 restarts) while opensearch-0 and -1 on the old pool are fine and the cluster is yellow. Not the image or the StatefulSet (unchanged for 34 days), not memory. Fix: run the sysctl on the new pool (widen the DaemonSet's nodeSelector or set it in the node template's user data).`,
    ask: { service: 'opensearch', namespace: ns },
    objects: [
      ...oldPool, ...newPool, ...os.objects, ...tuner.objects, ...claims,
      ...exposed({ namespace: ns, name: 'opensearch-headless', selector: { app: 'opensearch' }, pods: os.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9300, createdAgo: 200 * DAYS }),
      ...exposed({ namespace: ns, name: 'opensearch', selector: { app: 'opensearch' }, pods: os.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200, createdAgo: 200 * DAYS }),
      nodeEvent(removed, 'NodeNotSchedulable', `Node ${removed} status is now: NodeNotSchedulable`, { firstAgo: 38 }),
      nodeEvent(removed, 'RemovingNode', `Node ${removed} event: Removing Node ${removed} from Controller`, { firstAgo: 35, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: 'opensearch-2', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container opensearch', firstAgo: 36, lastAgo: 36, fieldPath: 'spec.containers{opensearch}' }),
      event({ on: { kind: 'StatefulSet', name: 'opensearch', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod opensearch-2 in StatefulSet opensearch successful', firstAgo: 33, lastAgo: 33, component: 'statefulset-controller' }),
      scheduled(sick, 33),
      event({ on: sick, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${claims[5]?.metadata?.name ?? ''}"`, firstAgo: 32.5, lastAgo: 32.5, component: 'attachdetach-controller' }),
      ...restartedAgain(sick, 'opensearch', image, { count: 10, firstAgo: 31.5, lastAgo: 3.3 }),
      backOff(sick, 'opensearch', { count: 120, firstAgo: 30 }),
    ],
    logs: [
      logsFor(sick, 'opensearch', { previous: crash, current: crash }),
      ...os.pods.slice(0, 2).map((p) => logsFor(p, 'opensearch', { current: lines(`[${esTime(34)}][INFO ][o.o.c.r.a.AllocationService] [${nameOf(p)}] Cluster health status changed from [GREEN] to [YELLOW] (reason: [{opensearch-2}{Yw3...} reason: disconnected]).`, `[${esTime(1)}][WARN ][o.o.c.r.a.DiskThresholdMonitor] [${nameOf(p)}] high disk watermark [90%] not exceeded on [${nameOf(p)}], 61% used`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_map_count/i, /opensearch-2|data-al2023|new (node )?pool|ip-10-0-86-92/i],
      facts: [/262144|65530/, /sysctl-tuner|data-al2\b|sysctl/i, /\b78\b/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(increase|raise)[^\n]*(heap|Xmx)/i, /disk (watermark|full)/i],
    },
  };
}

function tcpReadiness(port: number): k8s.V1Probe {
  return { tcpSocket: { port }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 20 };
}

// ---- 7. the image switched to a non-root USER; the volume is owned by root, no fsGroup -------------

function nonRootImageRootOwnedVolume(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.27');
  const tpl = (v: string) => ({ containers: [container({ name: 'archiver', image: `${ECR}/finance/ledger-archiver:${v}`, ports: [9292], memory: '1Gi', volumeMounts: [{ name: 'data', mountPath: '/var/lib/archiver' }], readiness: httpProbe('/ready', 9292), liveness: httpProbe('/healthz', 9292, { initialDelaySeconds: 20 }) })] });
  const app = statefulSetApp({
    namespace: ns, name: 'ledger-archiver', replicas: 3, serviceName: 'ledger-archiver',
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 4, createdAgo: 30 * DAYS, template: tpl('2.8.1') },
      { revision: 5, createdAgo: 28, template: tpl('3.0.0') },
    ],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 30 * DAYS },
      { revision: 5, ordinal: 2, node: names[2] ?? '', createdAgo: 27.5, containers: { archiver: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 3 }, 10) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-ledger-archiver-${k}`, storage: '100Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 400 * DAYS, labels: { app: 'ledger-archiver' } }));
  const sick = podOf(app, 2);
  const image = `${ECR}/finance/ledger-archiver:3.0.0`;
  const crash = lines(
    rubyLog(1.9, 'INFO', 'ledger-archiver 3.0.0 starting (ruby 3.3.6, uid=10001 gid=10001)'),
    rubyLog(1.88, 'INFO', 'opening segment store at /var/lib/archiver/segments'),
    rubyLog(1.85, 'ERROR', 'Errno::EACCES: Permission denied @ rb_sysopen - /var/lib/archiver/segments/.lock'),
    "/app/lib/ledger_archiver/segment_store.rb:41:in `initialize'",
    "/app/lib/ledger_archiver/segment_store.rb:41:in `open'",
    "/app/lib/ledger_archiver/segment_store.rb:41:in `acquire_lock!'",
    "/app/lib/ledger_archiver/boot.rb:18:in `start'",
    "bin/archiver:6:in `<main>'",
  );
  return {
    id: 'heldout13-nonroot-image-root-owned-volume',
    class: 'storage',
    truth: 'Revision 5 of the ledger-archiver StatefulSet (image 3.0.0, 28 minutes ago) is the first built on a hardened base image whose Dockerfile ends with USER 10001; earlier images ran as root. The data on the volumes (/var/lib/archiver, created by root over the last year) is owned by root, and the pod sets no securityContext.fsGroup, so the new process cannot open /var/lib/archiver/segments/.lock ("Errno::EACCES: Permission denied", exit 1). The rolling update replaced ledger-archiver-2 first, which crash-loops; ledger-archiver-0 and -1 still run revision 4 and are fine, and the update is held there. The volume is neither full nor read-only. Fix: set fsGroup: 10001 (fsGroupChangePolicy OnRootMismatch) or chown the data with an init container, or roll back to revision 4 meanwhile.',
    ask: { service: 'ledger-archiver' },
    objects: [
      ...nodes, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'ledger-archiver', selector: { app: 'ledger-archiver' }, pods: app.pods, ports: [{ name: 'http', port: 9292, targetPort: 9292 }], endpointPort: 9292, createdAgo: 400 * DAYS }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-archiver', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod ledger-archiver-2 in StatefulSet ledger-archiver successful', firstAgo: 28, lastAgo: 28, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-archiver', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-archiver-2 in StatefulSet ledger-archiver successful', firstAgo: 27.5, lastAgo: 27.5, component: 'statefulset-controller' }),
      ...pulledFresh(sick, 'archiver', image, { atAgo: 27.5, bytes: 88213004, seconds: 4.102 }),
      ...restartedAgain(sick, 'archiver', image, { count: 11, firstAgo: 27.3, lastAgo: 1.9 }),
      backOff(sick, 'archiver', { count: 130, firstAgo: 26 }),
    ],
    logs: [
      logsFor(sick, 'archiver', { previous: crash, current: crash }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'archiver', { current: lines(rubyLog(4, 'INFO', `sealed segment seg-00041${nameOf(p).slice(-1)} (12044 entries)`), rubyLog(1, 'INFO', 'GET /ready 200 0.4ms')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied|EACCES/i, /fsGroup|uid|10001|non-?root|owner|revision 5|3\.0\.0|\/var\/lib\/archiver/i],
      facts: [/\/var\/lib\/archiver/, /fsGroup|chown/i, /revision 5|3\.0\.0/],
      never: [/read-?only (file ?system|volume)/i, /\bOOM/, /no space|disk (is )?full/i],
    },
  };
}

export const HOLDOUT_13_SCENARIOS: CorpusScenario[] = [
  envFromKeysSkipped(),
  redisMovedNamespace(),
  esDiscoveryNotReadyAddresses(),
  twoHpasAmbiguousSelector(),
  inotifyInstancesPackedNode(),
  opensearchMaxMapCountNewPool(),
  nonRootImageRootOwnedVolume(),
  ...MORE_SCENARIOS,
];
