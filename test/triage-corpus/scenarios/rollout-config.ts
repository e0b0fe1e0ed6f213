// Corpus stories: rollouts and configuration. A new revision that references what is not there
// (a Secret key, a ConfigMap, an image tag, a pull secret), a ConfigMap edited under a running
// revision, and a migration init container that fails after a rollout.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, NODE_A, NODE_B, NODE_C, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, epochMs, event, exposed,
  healthyLogs, httpProbe, ipOf, nameOf, node, pulledFresh, restartedAgain, rsOf, scaledReplicaSet, scheduled, threeNodes, waiting,
} from '../kit/index.js';
import type { Exit } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- small local helpers ------------------------------------------------------------------

/** The kubelet's retries of a container it cannot create: Pulled + Failed, again and again. */
function configErrorLoop(pod: k8s.V1Pod, c: string, image: string, error: string, o: { count: number; firstAgo: number; lastAgo?: number }): k8s.CoreV1Event[] {
  const fieldPath = `spec.containers{${c}}`;
  const lastAgo = o.lastAgo ?? 0.3;
  return [
    event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: o.count, firstAgo: o.firstAgo, lastAgo, fieldPath }),
    event({ on: pod, reason: 'Failed', message: `Error: ${error}`, count: o.count, firstAgo: o.firstAgo, lastAgo, fieldPath }),
  ];
}

/** The kubelet's events of an image it cannot pull. */
function pullFailing(pod: k8s.V1Pod, c: string, image: string, failure: string, o: { attempts: number; backoffs: number; firstAgo: number; lastAgo?: number }): k8s.CoreV1Event[] {
  const fieldPath = `spec.containers{${c}}`;
  const lastAgo = o.lastAgo ?? 0.4;
  return [
    event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: o.attempts, firstAgo: o.firstAgo, lastAgo: lastAgo + 0.1, fieldPath }),
    event({ on: pod, reason: 'Failed', message: `Failed to pull image "${image}": ${failure}`, count: o.attempts, firstAgo: o.firstAgo, lastAgo: lastAgo + 0.1, fieldPath }),
    event({ on: pod, reason: 'Failed', message: 'Error: ErrImagePull', count: o.attempts, firstAgo: o.firstAgo, lastAgo: lastAgo + 0.1, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: o.backoffs, firstAgo: o.firstAgo - 0.1, lastAgo, fieldPath }),
    event({ on: pod, reason: 'Failed', message: 'Error: ImagePullBackOff', count: o.backoffs, firstAgo: o.firstAgo - 0.1, lastAgo, fieldPath }),
  ];
}

// ---- 13. A new env var from a Secret key that does not exist ---------------------------------------

/** Revision 19 of checkout-api reads STRIPE_API_KEY from Secret checkout-env, which has no such key. */
function missingSecretKey(): CorpusScenario {
  const image = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/checkout-api:${v}`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'checkout-env', key: 'DATABASE_URL' } } },
    { name: 'ADYEN_API_KEY', valueFrom: { secretKeyRef: { name: 'checkout-env', key: 'ADYEN_API_KEY' } } },
    { name: 'PAYMENT_PROVIDERS', value: 'adyen' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), env, cpu: '500m', memory: '768Mi', readiness: httpProbe('/internal/ready', 8080) })] });
  const configError = 'couldn\'t find key STRIPE_API_KEY in Secret shop/checkout-env';
  const app = deploymentApp({
    namespace: 'shop',
    name: 'checkout-api',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'checkout-api 8.1.4', template: tpl('8.1.4', baseEnv) },
      {
        revision: 19,
        createdAgo: 24,
        changeCause: 'checkout-api 8.2.0: add Stripe as payment provider',
        template: tpl('8.2.0', [
          ...baseEnv.slice(0, 2),
          { name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'checkout-env', key: 'STRIPE_API_KEY' } } },
          { name: 'PAYMENT_PROVIDERS', value: 'adyen,stripe' },
        ]),
      },
    ],
    pods: [
      { revision: 19, node: NODE_A, createdAgo: 23.5, containers: { app: waiting('CreateContainerConfigError', configError) } },
      { revision: 19, node: NODE_C, createdAgo: 23.5, containers: { app: waiting('CreateContainerConfigError', configError) } },
      { revision: 18, node: NODE_A, createdAgo: 12 * DAYS },
      { revision: 18, node: NODE_B, createdAgo: 12 * DAYS },
      { revision: 18, node: NODE_C, createdAgo: 12 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const fresh = (p: k8s.V1Pod) => [
    ...pulledFresh(p, 'app', image('8.2.0'), { atAgo: 23.5, bytes: 98304112, seconds: 3.918 }),
    ...configErrorLoop(p, 'app', image('8.2.0'), configError, { count: 113, firstAgo: 23.4 }),
  ];
  return {
    id: 'missing-secret-key-stripe-api-key',
    class: 'config',
    truth: 'Revision 19 (checkout-api 8.2.0) added STRIPE_API_KEY from Secret shop/checkout-env, which has no such key; the new pods never start (CreateContainerConfigError: couldn\'t find key STRIPE_API_KEY in Secret shop/checkout-env). Revision 18 keeps serving on 3 pods.',
    ask: { service: 'checkout-api' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'shop', name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 19), 1, 0, 24),
      scaledReplicaSet(deploy, rsOf(app, 18), 3, 4, 24),
      scaledReplicaSet(deploy, rsOf(app, 19), 2, 1, 23.6),
      ...fresh(n0),
      ...fresh(n1),
    ],
    logs: healthyLogs(app.pods.slice(2), 'app', () => [
      `{"ts":"${at(0.7)}","level":"info","msg":"payment authorised","provider":"adyen","order":"ord_5Yf2","amount_minor":4599,"currency":"EUR","took_ms":312}`,
      `{"ts":"${at(0.2)}","level":"info","msg":"POST /v2/checkout/sessions","status":201,"took_ms":41}`,
    ]),
    expect: {
      verdict: 'problems',
      headline: [/STRIPE_API_KEY/, /checkout-env/],
      facts: [/CreateContainerConfigError/, /revision 19/i, /revision 18/i],
      never: [/CrashLoopBackOff/, /\bOOM/i],
    },
  };
}

// ---- 14. A ConfigMap that was never created ------------------------------------------------------

/** Revision 33 of checkout-web switched envFrom to checkout-config-v2, which was never applied; Recreate took everything down. */
function missingConfigMap(): CorpusScenario {
  const image = (v: string) => `ghcr.io/fjordmart/checkout-web:${v}`;
  const tpl = (v: string, cm: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '250m', memory: '384Mi', envFrom: [{ configMapRef: { name: cm } }], readiness: httpProbe('/api/health', 3000) })] });
  const configError = 'configmap "checkout-config-v2" not found';
  const app = deploymentApp({
    namespace: 'storefront',
    name: 'checkout-web',
    replicas: 2,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 32, createdAgo: 9 * DAYS, changeCause: 'checkout-web 14.3.1', template: tpl('14.3.1', 'checkout-config') },
      { revision: 33, createdAgo: 8, changeCause: 'checkout-web 14.4.0: move config to checkout-config-v2', template: tpl('14.4.0', 'checkout-config-v2') },
    ],
    pods: [
      { revision: 33, node: NODE_B, createdAgo: 7.6, containers: { app: waiting('CreateContainerConfigError', configError) } },
      { revision: 33, node: NODE_C, createdAgo: 7.6, containers: { app: waiting('CreateContainerConfigError', configError) } },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const web = deploymentApp({
    namespace: 'storefront',
    name: 'storefront-web',
    replicas: 3,
    revisions: [{ revision: 71, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'ghcr.io/fjordmart/storefront-web:22.0.3', ports: [3000], readiness: httpProbe('/api/health', 3000) })] } }],
    pods: [
      { revision: 71, node: NODE_A, createdAgo: 2 * DAYS },
      { revision: 71, node: NODE_B, createdAgo: 2 * DAYS },
      { revision: 71, node: NODE_C, createdAgo: 2 * DAYS },
    ],
  });
  const fresh = (p: k8s.V1Pod) => [
    ...pulledFresh(p, 'app', image('14.4.0'), { atAgo: 7.6, bytes: 74410022, seconds: 2.204, pulledAgo: 7.55 }),
    ...configErrorLoop(p, 'app', image('14.4.0'), configError, { count: 37, firstAgo: 7.5 }),
  ];
  return {
    id: 'missing-configmap-checkout-config-v2',
    class: 'config',
    truth: 'Revision 33 (checkout-web 14.4.0) loads its environment from ConfigMap checkout-config-v2, which was never created (only checkout-config exists); with the Recreate strategy the old pods were stopped first and both new pods are stuck in CreateContainerConfigError: checkout is down.',
    ask: { service: 'checkout-web', namespace: 'storefront' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...web.objects,
      ...exposed({ namespace: 'storefront', name: 'checkout-web', selector: { app: 'checkout-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: 'storefront', name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, endpointPort: 3000 }),
      configMap({ namespace: 'storefront', name: 'checkout-config', createdAgo: 140 * DAYS, updatedAgo: 9 * DAYS, data: { NEXT_PUBLIC_API_ORIGIN: 'https://api.fjordmart.no', CHECKOUT_CURRENCY: 'NOK', FEATURE_KLARNA: 'true' } }),
      scaledReplicaSet(deploy, rsOf(app, 32), 0, 2, 8.1),
      scaledReplicaSet(deploy, rsOf(app, 33), 2, 0, 7.7),
      ...fresh(n0),
      ...fresh(n1),
    ],
    logs: healthyLogs(web.pods, 'app', () => [
      `{"level":30,"time":${epochMs(0.4)},"msg":"GET /no/kategori/sko 200 in 84ms"}`,
      `{"level":40,"time":${epochMs(0.3)},"msg":"checkout-web.storefront.svc: upstream returned 503 for POST /api/cart/checkout"}`,
    ]),
    expect: {
      verdict: 'problems',
      headline: [/checkout-config-v2/, /not found|missing|does(n't| not) exist/i],
      facts: [/CreateContainerConfigError/, /revision 33/i, /0\/2|no ready|0 ready|none ready/i],
      never: [/CrashLoopBackOff/, /\bOOM/i],
    },
  };
}

// ---- 15. An image tag that does not exist -----------------------------------------------------------

/** CI pushes `2.14.0`; the release PR set the tag to `v2.14.0`. */
function imageTagNotFound(): CorpusScenario {
  const repo = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/discovery/search-api';
  const tpl = (tag: string) => ({ containers: [container({ image: `${repo}:${tag}`, cpu: '1', memory: '1536Mi', readiness: httpProbe('/readyz', 8080) })] });
  const bad = `${repo}:v2.14.0`;
  const notFound = `rpc error: code = NotFound desc = failed to pull and unpack image "${bad}": failed to resolve reference "${bad}": ${bad}: not found`;
  const extra = 'ip-10-0-3-92.eu-west-1.compute.internal';
  const app = deploymentApp({
    namespace: 'discovery',
    name: 'search-api',
    replicas: 6,
    revisions: [
      { revision: 63, createdAgo: 6 * DAYS, changeCause: 'release search-api 2.13.2', template: tpl('2.13.2') },
      { revision: 64, createdAgo: 20, changeCause: 'release search-api v2.14.0', template: tpl('v2.14.0') },
    ],
    pods: [
      { revision: 64, node: NODE_A, createdAgo: 19.6, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${bad}": ErrImagePull: ${notFound}`) } },
      { revision: 64, node: NODE_B, createdAgo: 19.6, containers: { app: waiting('ErrImagePull', notFound) } },
      { revision: 64, node: extra, createdAgo: 19.6, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${bad}": ErrImagePull: ${notFound}`) } },
      { revision: 63, node: NODE_A, createdAgo: 6 * DAYS },
      { revision: 63, node: NODE_B, createdAgo: 6 * DAYS },
      { revision: 63, node: NODE_C, createdAgo: 6 * DAYS },
      { revision: 63, node: extra, createdAgo: 6 * DAYS },
      { revision: 63, node: NODE_C, createdAgo: 6 * DAYS },
    ],
  });
  const newPods = app.pods.slice(0, 3);
  const deploy = app.objects[0] ?? {};
  return {
    id: 'image-tag-not-found-v-prefix',
    class: 'rollout',
    truth: 'Revision 64 points search-api at tag v2.14.0, but CI pushed 2.14.0: the registry answers not found, the three new pods sit in ErrImagePull/ImagePullBackOff and the rollout is stuck; revision 63 (2.13.2) keeps serving on 5 pods.',
    ask: { service: 'search-api' },
    objects: [
      ...threeNodes(),
      node({ name: extra, zone: 'eu-west-1c', instanceType: 'r6i.xlarge', pool: 'memory' }),
      ...app.objects,
      ...exposed({ namespace: 'discovery', name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 64), 2, 0, 20),
      scaledReplicaSet(deploy, rsOf(app, 63), 5, 6, 20),
      scaledReplicaSet(deploy, rsOf(app, 64), 3, 2, 19.7),
      ...newPods.flatMap((p) => [scheduled(p, 19.6), ...pullFailing(p, 'app', bad, notFound, { attempts: 8, backoffs: 83, firstAgo: 19.5 })]),
      // Noise: a slow-query warning on a healthy pod from this morning.
      event({ on: app.pods[5] as k8s.V1Pod, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOf(app.pods[5])}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 7 * HOURS, lastAgo: 7 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: healthyLogs(app.pods.slice(3), 'app', () => [
      `time=${at(0.5)} level=INFO msg="query served" index=products-v41 q_len=14 hits=1288 took=23ms`,
      `time=${at(0.1)} level=INFO msg="query served" index=products-v41 q_len=6 hits=40211 took=61ms`,
    ]),
    expect: {
      verdict: 'problems',
      headline: [/ImagePullBackOff|ErrImagePull|pull/i, /v2\.14\.0/, /not found|does(n't| not) exist|no such|missing/i],
      facts: [/revision 64/i, /2\.13\.2/, /not found/],
      never: [/unauthori[sz]ed|auth(entication|orization)? (fail|error|denied)|(bad|wrong|missing|expired|invalid) (registry )?credentials|pull secret|imagePullSecret/i, /\bOOM/i],
    },
  };
}

// ---- 16. A pull secret that does not exist ------------------------------------------------------

/** Revision 11 moved invoice-api to the new Harbor and named the pull secret regcred-new; the Secret is regcred-harbor. */
function pullSecretMissing(): CorpusScenario {
  const oldImage = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing/invoice-api:3.9.7';
  const newImage = 'harbor.acme-internal.net/billing/invoice-api:4.0.0';
  const unauthorized = `rpc error: code = Unknown desc = failed to pull and unpack image "${newImage}": failed to resolve reference "${newImage}": unexpected status from HEAD request to https://harbor.acme-internal.net/v2/billing/invoice-api/manifests/4.0.0: 401 Unauthorized`;
  const app = deploymentApp({
    namespace: 'billing',
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 10, createdAgo: 33 * DAYS, changeCause: 'invoice-api 3.9.7', template: { containers: [container({ image: oldImage, cpu: '300m', memory: '512Mi' })] } },
      {
        revision: 11,
        createdAgo: 16,
        changeCause: 'invoice-api 4.0.0 from harbor.acme-internal.net',
        template: { containers: [container({ image: newImage, cpu: '300m', memory: '512Mi' })], imagePullSecrets: ['regcred-new'] },
      },
    ],
    pods: [
      { revision: 11, node: NODE_B, createdAgo: 15.8, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${newImage}": ErrImagePull: ${unauthorized}`) } },
      { revision: 10, node: NODE_A, createdAgo: 33 * DAYS },
      { revision: 10, node: NODE_B, createdAgo: 33 * DAYS },
      { revision: 10, node: NODE_C, createdAgo: 33 * DAYS },
    ],
  });
  const [bad] = app.pods as [k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  return {
    id: 'image-pull-secret-missing-401',
    class: 'rollout',
    truth: 'Revision 11 pulls invoice-api 4.0.0 from the new private Harbor with imagePullSecrets regcred-new, but no Secret of that name exists (it was created as regcred-harbor); the kubelet pulls without credentials, Harbor answers 401 Unauthorized, and the new pod sits in ImagePullBackOff. Revision 10 keeps serving.',
    ask: { service: 'invoice-api', namespace: 'billing' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'billing', name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 11), 1, 0, 16),
      scheduled(bad, 15.8),
      event({ on: bad, reason: 'FailedToRetrieveImagePullSecret', message: 'Unable to retrieve some image pull secrets (regcred-new); attempting to pull the image may not succeed.', count: 71, firstAgo: 15.8, lastAgo: 0.4 }),
      ...pullFailing(bad, 'app', newImage, unauthorized, { attempts: 7, backoffs: 66, firstAgo: 15.7 }),
    ],
    logs: healthyLogs(app.pods.slice(1), 'app', () => [
      `${at(0.6)} INFO  [invoice-api] GET /v1/invoices?customer=cus_81723 200 18ms`,
      `${at(0.2)} INFO  [invoice-api] POST /v1/invoices/inv_2Qz9/finalize 200 96ms`,
    ]),
    expect: {
      verdict: 'problems',
      headline: [/pull/i, /401|unauthori[sz]ed|authori[sz]ation|authenticat|credential|pull secret|regcred-new/i],
      facts: [/regcred-new/, /revision 11/i, /\b401\b/],
      never: [/tag .{0,30}(not found|does(n't| not) exist)|image (tag )?not found|NotFound/i, /\bOOM/i],
    },
  };
}

// ---- 17. A ConfigMap edited under a running revision -----------------------------------------------

/** Someone `kubectl edit`ed ratelimit-rules 15 minutes ago and broke its YAML; the service reloads it and exits. */
function configMapEditedBadYaml(): CorpusScenario {
  const image = 'ghcr.io/hearth-net/ratelimit:1.19.2';
  const rules = [
    'domain: edge',
    'descriptors:',
    '  - key: api_key',
    '    descriptors:',
    '      - key: path',
    '        value: /v1/search',
    '        rate_limit:',
    '          unit: second',
    '          requests_per_unit: 50',
    '      - key: path',
    '        value: /v1/suggest',
    '        rate_limit:',
    '          unit: second',
    '          requests_per_unit: 120',
    '      - key: path',
    '        value: /v1/checkout',
    '        rate_limit:',
    '          unit: minute',
    '          requests_per_unit: 600',
    '      - key: path',
    '        value: /v1/export',
    '        rate_limit:',
    '       shadow_mode: true',
    '          unit: hour',
    '          requests_per_unit: 20',
    '  - key: remote_address',
    '    rate_limit:',
    '      unit: second',
    '      requests_per_unit: 200',
    '',
  ].join('\n');
  const fail = (finishedAgo: number): Exit => ({ exitCode: 1, reason: 'Error', finishedAgo, ranSeconds: 0.2 });
  const app = deploymentApp({
    namespace: 'edge',
    name: 'ratelimit',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 40 * DAYS, template: { containers: [container({ image: 'ghcr.io/hearth-net/ratelimit:1.18.0' })] } },
      {
        revision: 9,
        createdAgo: 12 * DAYS,
        changeCause: 'ratelimit 1.19.2',
        template: {
          containers: [
            container({
              image,
              args: ['--rules=/etc/ratelimit/rules.yaml', '--redis=redis-ratelimit.edge.svc:6379', '--watch-rules'],
              ports: [8081, { name: 'grpc', containerPort: 8082 }],
              cpu: '250m',
              memory: '256Mi',
              readiness: httpProbe('/ready', 8081),
              volumeMounts: [{ name: 'rules', mountPath: '/etc/ratelimit', readOnly: true }],
            }),
          ],
          volumes: [{ name: 'rules', configMap: { name: 'ratelimit-rules' } }],
        },
      },
    ],
    pods: [
      { revision: 9, node: NODE_A, createdAgo: 12 * DAYS, containers: { app: crashLoop(fail(0.6), 7) } },
      { revision: 9, node: NODE_B, createdAgo: 12 * DAYS, containers: { app: crashLoop(fail(2.3), 7) } },
      { revision: 9, node: NODE_C, createdAgo: 12 * DAYS, containers: { app: crashLoop(fail(4.1), 6) } },
    ],
    // Rolled out 12 days ago; unavailable since the edit made every pod crash.
    settled: { available: false, availableSince: 13.4, progressingSince: 12 * DAYS - 2 },
  });
  const pods = app.pods;
  const zap = (level: string, m: number, caller: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(m)}","caller":"${caller}","msg":"${msg}"${extra}}`;
  const restartRun = (died: number) =>
    [
      zap('info', died + 0.003, 'cmd/ratelimit/main.go:54', 'starting ratelimit', ',"version":"1.19.2","commit":"4be1a9e"'),
      zap('info', died + 0.002, 'rules/loader.go:41', 'loading rules', ',"path":"/etc/ratelimit/rules.yaml"'),
      zap('fatal', died, 'cmd/ratelimit/main.go:71', 'invalid rules file', ',"path":"/etc/ratelimit/rules.yaml","error":"yaml: line 23: did not find expected key","stacktrace":"main.main\\n\\t/src/cmd/ratelimit/main.go:71\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"'),
    ].join('\n') + '\n';
  const deadline = (p: k8s.V1Pod) => `Get "http://${ipOf(p)}:8081/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'configmap-edited-bad-yaml-crashloop',
    class: 'config',
    truth: 'ConfigMap ratelimit-rules was edited by hand 15 minutes ago and its rules.yaml no longer parses (yaml: line 23: did not find expected key); ratelimit reloads the file, exits 1, and every restart fails the same way on all 3 pods. Revision 9 is 12 days old; rolling back would mount the same ConfigMap.',
    ask: { service: 'ratelimit', namespace: 'edge' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'edge', name: 'ratelimit', selector: { app: 'ratelimit' }, pods, ports: [{ name: 'http', port: 8081, targetPort: 8081 }], endpointPort: 8081 }),
      configMap({ namespace: 'edge', name: 'ratelimit-rules', createdAgo: 180 * DAYS, updatedAgo: 15, data: { 'rules.yaml': rules } }),
      ...pods.flatMap((p, i) => [
        backOff(p, 'app', { count: 52 - i * 4, firstAgo: 13.2 }),
        ...restartedAgain(p, 'app', image, { count: i === 2 ? 6 : 7, firstAgo: 13.4, lastAgo: [0.6, 2.3, 4.1][i] ?? 1 }),
      ]),
      // Noise: a readiness blip yesterday evening.
      event({ on: pods[1] as k8s.V1Pod, reason: 'Unhealthy', message: `Readiness probe failed: ${deadline(pods[1] as k8s.V1Pod)}`, count: 3, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: pods.map((p, i) => ({ namespace: 'edge', pod: nameOf(p), container: 'app', previous: restartRun([0.6, 2.3, 4.1][i] ?? 1) })),
    expect: {
      verdict: 'problems',
      headline: [/yaml|pars(e|ing)|invalid rules|exit(s|ed)? (with )?(code )?1\b|exit code 1/i, /rules\.yaml|did not find expected key|line 23/i],
      facts: [/ratelimit-rules/, /exit(s|ed)? (with )?(code )?1\b|exit code 1/i, /(changed|edited|modified|updated).{0,40}1[45] ?m|1[45] ?m(in(utes)?)? ago/i],
      never: [/roll ?back/i, /\bOOM/i],
    },
  };
}

// ---- 18. The migration init container fails after a rollout ----------------------------------------

/** Revision 88 ships Flyway V58, which adds orders.tenant_id — a column a hotfix already added by hand. */
function initMigrationFails(): CorpusScenario {
  const registry = 'registry.gitlab.com/parcelwave/fulfillment';
  const tpl = (v: string) => ({
    initContainers: [
      batchContainer({
        name: 'db-migrate',
        image: `${registry}/order-service-migrations:${v}`,
        args: ['migrate'],
        env: [
          { name: 'FLYWAY_URL', value: 'jdbc:postgresql://orders-db.fulfillment.svc:5432/orders' },
          { name: 'FLYWAY_USER', value: 'order_service' },
          { name: 'FLYWAY_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } },
        ],
        cpu: '100m',
        memory: '256Mi',
      }),
    ],
    containers: [container({ image: `${registry}/order-service:${v}`, cpu: '500m', memory: '1Gi', readiness: httpProbe('/health/ready', 8080) })],
  });
  const fail: Exit = { exitCode: 1, reason: 'Error', finishedAgo: 1.8, ranSeconds: 6 };
  const app = deploymentApp({
    namespace: 'fulfillment',
    name: 'order-service',
    replicas: 4,
    revisions: [
      { revision: 87, createdAgo: 8 * DAYS, changeCause: 'order-service 6.2.5', template: tpl('6.2.5') },
      { revision: 88, createdAgo: 26, changeCause: 'order-service 6.3.0: multi-tenant orders', template: tpl('6.3.0') },
    ],
    pods: [
      { revision: 88, node: NODE_A, createdAgo: 25.5, initContainers: { 'db-migrate': crashLoop(fail, 9) }, containers: { app: waiting('PodInitializing') } },
      { revision: 88, node: NODE_C, createdAgo: 25.5, initContainers: { 'db-migrate': crashLoop({ ...fail, finishedAgo: 4.4 }, 9) }, containers: { app: waiting('PodInitializing') } },
      { revision: 87, node: NODE_A, createdAgo: 8 * DAYS },
      { revision: 87, node: NODE_B, createdAgo: 8 * DAYS },
      { revision: 87, node: NODE_C, createdAgo: 8 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const flyway = [
    'Flyway OSS Edition 10.20.1 by Redgate',
    '',
    'Database: jdbc:postgresql://orders-db.fulfillment.svc:5432/orders (PostgreSQL 16.4)',
    'Successfully validated 58 migrations (execution time 00:00.091s)',
    'Current version of schema "public": 57',
    'Migrating schema "public" to version "58 - add tenant id to orders"',
    'ERROR: Migration of schema "public" to version "58 - add tenant id to orders" failed! Changes successfully rolled back.',
    'ERROR: Migration V58__add_tenant_id_to_orders.sql failed',
    '-------------------------------------------------------',
    'SQL State  : 42701',
    'Error Code : 0',
    'Message    : ERROR: column "tenant_id" of relation "orders" already exists',
    'Location   : /flyway/sql/V58__add_tenant_id_to_orders.sql (/flyway/sql/V58__add_tenant_id_to_orders.sql)',
    'Line       : 1',
    'Statement  : ALTER TABLE orders ADD COLUMN tenant_id uuid',
    '',
  ].join('\n');
  const initEvents = (p: k8s.V1Pod, lastAgo: number) => {
    const fieldPath = 'spec.initContainers{db-migrate}';
    const image = `${registry}/order-service-migrations:6.3.0`;
    return [
      ...pulledFresh(p, 'db-migrate', image, { atAgo: 25.5, bytes: 143720993, seconds: 5.377, init: true }),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 9, firstAgo: 25.2, lastAgo, fieldPath }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container db-migrate', count: 10, firstAgo: 25.4, lastAgo, fieldPath }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container db-migrate', count: 10, firstAgo: 25.4, lastAgo, fieldPath }),
      backOff(p, 'db-migrate', { count: 108, firstAgo: 25, lastAgo: 0.3, init: true }),
    ];
  };
  return {
    id: 'init-container-db-migrate-column-exists',
    class: 'rollout',
    truth: 'Revision 88 (order-service 6.3.0) runs Flyway migration V58, which adds orders.tenant_id; the column already exists (added by hand in a hotfix), so the db-migrate init container exits 1 with ERROR: column "tenant_id" of relation "orders" already exists and the new pods stay in Init:CrashLoopBackOff. Revision 87 keeps serving on 3 pods.',
    ask: { service: 'order-service', namespace: 'fulfillment' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'fulfillment', name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 88), 1, 0, 26),
      scaledReplicaSet(deploy, rsOf(app, 87), 3, 4, 26),
      scaledReplicaSet(deploy, rsOf(app, 88), 2, 1, 25.6),
      ...initEvents(n0, 1.9),
      ...initEvents(n1, 4.5),
    ],
    logs: [
      { namespace: 'fulfillment', pod: nameOf(n0), container: 'db-migrate', previous: flyway },
      { namespace: 'fulfillment', pod: nameOf(n1), container: 'db-migrate', previous: flyway },
      ...healthyLogs(app.pods.slice(2), 'app', () => [
        `${at(0.5)} INFO  o.p.f.orders.OrderController - POST /v2/orders 201 (tenant=-, items=3) 48ms`,
        `${at(0.1)} INFO  o.p.f.orders.ShipmentListener - shipment shp_77QK3 labelled, carrier=postnord`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/db-migrate/, /tenant_id|already exists|exit(s|ed)? (with )?(code )?1\b|exit code 1|migration/i],
      facts: [/Init:CrashLoopBackOff|init container/i, /revision 88/i, /already exists/],
      never: [/\bOOM/i, /container app\b.{0,40}(crash|exit|CrashLoopBackOff)/i],
    },
  };
}

export const ROLLOUT_CONFIG_SCENARIOS: CorpusScenario[] = [
  missingSecretKey(),
  missingConfigMap(),
  imageTagNotFound(),
  pullSecretMissing(),
  configMapEditedBadYaml(),
  initMigrationFails(),
];
