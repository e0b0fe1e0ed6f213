// Held-out stories, round 104, part 1: failures whose cause lies outside the failing workload.
//
// 1. heldout104-table-swap-drops-relation-under-cached-plans — a nightly CronJob rebuilt a table (CREATE new, DROP old, RENAME) under an API's long-lived connections: "could not open relation with OID".
// 2. heldout104-gke-pool-without-metadata-server — pods on a new GKE node pool without the GKE metadata server get the node's service account: GCS 403 only on that pool.
// 3. heldout104-hpa-custom-metrics-adapter-down — an HPA on a custom metric stuck at minReplicas (ScalingActive False, FailedGetPodsMetric) because prometheus-adapter in monitoring crash-loops.
// 4. heldout104-poststart-hook-register-fails — a revision added a postStart hook that registers with an agent that does not answer: FailedPostStartHook kills a healthy app in a loop.
// 5. heldout104-egress-proxy-417-expect-continue — a client's large uploads with Expect: 100-continue get 417 Expectation Failed since the egress proxy's revision swapped its image.
// 6. heldout104-foreign-pods-in-service-selector — a data team's one-off Deployment reused the label app=orders-api: the orders-api Service sends ~40% of requests to its pods, which answer 404.
// 7. heldout104-healthy-hpa-new-pod-no-metrics-yet — healthy control: an HPA scale-up whose new pod had no metrics for a minute (FailedGetResourceMetric), all Ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, container, crashLoop, cronJob, deploymentApp, event, exposed, hpa, httpProbe,
  jobEvent, cronJobEvent, node, nameOf, pyTime, restartedAgain, rsOf, running, scheduled, scaledReplicaSet, configMap,
  terminated,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

// ---- 1. a nightly table swap under long-lived connections ------------------------------------------

function tableSwapUnderCachedPlans(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.44');
  const image = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'PGHOST', value: 'catalog-pg.catalog.svc' }, { name: 'PG_POOL_MAX', value: '20' }, { name: 'PG_STATEMENT_CACHE', value: 'true' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: catalog-api 4.7.0', template: tpl('4.7.0') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-api 4.7.1', template: tpl('4.7.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const jobImage = `${ECR}/catalog/search-rebuild:1.3.0`;
  const cron = cronJob({
    namespace: ns, name: 'search-rebuild', schedule: '50 2 * * *', createdAgo: 60 * DAYS, lastSuccessfulAgo: 7,
    template: { containers: [batchContainer({ name: 'rebuild', image: jobImage, memory: '256Mi', command: ['python', '-m', 'rebuild.search_index'] })] },
    jobs: [
      { createdAgo: 2 * DAYS + 24, pods: [{ node: names[2] ?? '', createdAgo: 2 * DAYS + 24, phase: 'Succeeded', containers: { rebuild: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 16, ranSeconds: 470 }) } }], outcome: { complete: true, ago: 2 * DAYS + 16 } },
      { createdAgo: DAYS + 24, pods: [{ node: names[0] ?? '', createdAgo: DAYS + 24, phase: 'Succeeded', containers: { rebuild: terminated({ exitCode: 0, finishedAgo: DAYS + 16, ranSeconds: 465 }) } }], outcome: { complete: true, ago: DAYS + 16 } },
      { createdAgo: 24, pods: [{ node: names[1] ?? '', createdAgo: 24, phase: 'Succeeded', containers: { rebuild: terminated({ exitCode: 0, finishedAgo: 7, ranSeconds: 1010 }) } }], outcome: { complete: true, ago: 7 } },
    ],
  });
  const lastJob = cron.jobs[2];
  const jobPod = lastJob?.pods[0];
  const cronObj = cron.objects[0];
  const oid = '1884213';
  const errLine = (t: number, route: string) => `{"level":"error","time":${Math.floor(new Date(at(t)).getTime())},"pid":1,"msg":"query failed","route":"${route}","err":{"type":"DatabaseError","message":"could not open relation with OID ${oid}","code":"XX000","severity":"ERROR","routine":"relation_open"}}`;
  const okLine = (t: number) => `{"level":"info","time":${Math.floor(new Date(at(t)).getTime())},"pid":1,"msg":"request completed","route":"GET /v2/products/:id","statusCode":200,"responseTime":11}`;
  return {
    id: 'heldout104-table-swap-drops-relation-under-cached-plans',
    class: 'config',
    truth: 'The nightly CronJob search-rebuild (its Job started 24 minutes ago and completed 7 minutes ago) rebuilds product_search as product_search_new, then DROPs product_search and RENAMEs the new table into place. catalog-api (revision 12, unchanged for 9 days) keeps long-lived pooled connections with prepared statements whose cached plans still reference the dropped table\'s OID, so every search query since the swap fails "ERROR: could not open relation with OID 1884213" (XX000); product lookups and /healthz do not touch the table, so pods stay Ready. Fix: recycle the API\'s connections (rollout restart / DISCARD ALL, deallocate prepared statements), and make the job swap atomically in one transaction or stop caching plans across it. Rolling back catalog-api would not help.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cron.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(lastJob?.objects[0])}`, 24),
      jobEvent(lastJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(jobPod)}`, 24),
      ...(jobPod ? [scheduled(jobPod, 24), ...restartedAgain(jobPod, 'rebuild', jobImage, { count: 1, firstAgo: 23.9, lastAgo: 23.9 })] : []),
      jobEvent(lastJob?.objects[0], 'Completed', 'Job completed', 7),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob?.objects[0])}, condition: Complete`, 7),
    ],
    logs: [
      logsFor(jobPod, 'rebuild', { current: lines(
        `${pyTime(23.8)} INFO rebuild.search_index: connecting to catalog-pg.catalog.svc:5432/catalog as search_rebuild`,
        `${pyTime(23.7)} INFO rebuild.search_index: CREATE TABLE product_search_new (LIKE product_search INCLUDING ALL)`,
        `${pyTime(8.2)} INFO rebuild.search_index: inserted 2841107 rows into product_search_new in 932.4s`,
        `${pyTime(7.4)} INFO rebuild.search_index: indexes built on product_search_new`,
        `${pyTime(7.1)} INFO rebuild.search_index: DROP TABLE product_search`,
        `${pyTime(7.1)} INFO rebuild.search_index: ALTER TABLE product_search_new RENAME TO product_search`,
        `${pyTime(7.0)} INFO rebuild.search_index: done, swap committed`,
      ) }),
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: lines(okLine(9 - i * 0.1), okLine(7.3), errLine(6.9 - i * 0.05, 'GET /v2/search'), okLine(5.2), errLine(4.1, 'GET /v2/search'), errLine(2.6 - i * 0.1, 'GET /v2/search'), `{"level":"info","time":${Math.floor(new Date(at(2.5)).getTime())},"pid":1,"msg":"request completed","route":"GET /v2/search","statusCode":500,"responseTime":3}`, okLine(0.8), errLine(0.3, 'GET /v2/search')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OID|could not open relation|dropp?ed table|table (swap|rebuild)|search-rebuild/i],
      facts: [/search-rebuild/, /could not open relation|OID 1884213/i, /DROP|RENAME|prepared|cached plan|connection/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /roll(ing)? ?back catalog-api|undo catalog-api/i],
    },
  };
}

// ---- 2. a GKE node pool without the GKE metadata server -------------------------------------------

function gkePoolWithoutMetadataServer(): CorpusScenario {
  const ns = 'media';
  const gke = (pool: string, id: string, zone: string, createdAgo: number, wi: boolean): k8s.V1Node => {
    const n = node({ name: `gke-prod-eu-${pool}-${id}`, zone, instanceType: pool.startsWith('n2d') ? 'n2d-standard-8' : 'e2-standard-8', createdAgo, readySince: createdAgo - 2, labels: { 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': pool.startsWith('n2d') ? 'n2d' : 'e2', ...(wi ? { 'iam.gke.io/gke-metadata-server-enabled': 'true' } : {}) } });
    if (n.metadata?.labels) {
      delete n.metadata.labels['eks.amazonaws.com/nodegroup'];
      n.metadata.labels['topology.kubernetes.io/region'] = 'europe-west1';
    }
    if (n.spec) n.spec.providerID = `gce://acme-prod/${zone}/gke-prod-eu-${pool}-${id}`;
    return n;
  };
  const nodes = [
    gke('default-pool', '7f3a1c2e-k9xq', 'europe-west1-b', 90 * DAYS, true),
    gke('default-pool', '7f3a1c2e-p2mw', 'europe-west1-c', 90 * DAYS, true),
    gke('n2d-pool', 'b81e04d9-4tzl', 'europe-west1-b', 150, false),
    gke('n2d-pool', 'b81e04d9-vq7n', 'europe-west1-d', 148, false),
  ];
  const names = nodes.map(nameOf);
  const image = `europe-west1-docker.pkg.dev/acme-prod/media/thumbnailer:3.2.4`;
  const tpl = { serviceAccountName: 'thumbnailer', containers: [container({ image, ports: [8080], memory: '1Gi', cpu: '500m', env: [{ name: 'GCS_BUCKET', value: 'acme-prod-media-originals' }, { name: 'PUBSUB_SUBSCRIPTION', value: 'projects/acme-prod/subscriptions/thumbnail-requests' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 15 }) })] };
  const last = { exitCode: 1, finishedAgo: 3.5, ranSeconds: 6 };
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: thumbnailer 3.2.3', template: { ...tpl, containers: [container({ ...tpl.containers[0], image: image.replace('3.2.4', '3.2.3') } as never)] } },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnailer 3.2.4', template: tpl },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 19, node: names[2] ?? '', createdAgo: 131, containers: { app: crashLoop(last, 29) } },
      { revision: 19, node: names[3] ?? '', createdAgo: 130, containers: { app: crashLoop({ ...last, finishedAgo: 1.2 }, 29) } },
    ],
  });
  const bad = [podOf(app, 2), podOf(app, 3)];
  const crash = (t: number) => lines(
    `${pyTime(t)} INFO thumbnailer.main: starting thumbnailer 3.2.4, bucket=acme-prod-media-originals`,
    `${pyTime(t - 0.02)} INFO google.auth._default: credentials from metadata server, service account email: 604118230317-compute@developer.gserviceaccount.com`,
    `${pyTime(t - 0.05)} ERROR thumbnailer.main: startup check failed`,
    'Traceback (most recent call last):',
    '  File "/app/thumbnailer/main.py", line 61, in <module>',
    '    bucket.reload()',
    '  File "/usr/local/lib/python3.12/site-packages/google/cloud/storage/bucket.py", line 1167, in reload',
    '    super(Bucket, self).reload(',
    'google.api_core.exceptions.Forbidden: 403 GET https://storage.googleapis.com/storage/v1/b/acme-prod-media-originals?projection=noAcl&prettyPrint=false: 604118230317-compute@developer.gserviceaccount.com does not have storage.buckets.get access to the Google Cloud Storage bucket. Permission \'storage.buckets.get\' denied on resource (or it may not exist).',
  );
  return {
    id: 'heldout104-gke-pool-without-metadata-server',
    class: 'nodes',
    truth: 'The platform team added the n2d-pool node pool about 2.5 hours ago without the GKE metadata server (Workload Identity, workloadMetadataConfig GKE_METADATA) enabled: its nodes lack iam.gke.io/gke-metadata-server-enabled. Two thumbnailer pods landed there; their calls to metadata.google.internal get the node\'s default compute service account (604118230317-compute@developer.gserviceaccount.com) instead of the Workload Identity one, so GCS answers 403 and the app exits 1 at startup in a loop. The same revision 19 runs fine on default-pool. Fix: enable GKE_METADATA on n2d-pool (or keep the pods off it with a nodeSelector on the label); not a rollback.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...bad.flatMap((p) => [scheduled(p, 131), ...restartedAgain(p, 'app', image, { count: 29, firstAgo: 130, lastAgo: 1.2 }), backOff(p, 'app', { count: 560, firstAgo: 129, lastAgo: 0.3 })]),
    ],
    logs: [
      ...bad.map((p, i) => logsFor(p, 'app', { previous: crash(i === 0 ? 3.6 : 1.3) })),
      ...[podOf(app, 0), podOf(app, 1)].map((p) => logsFor(p, 'app', { current: lines(`${pyTime(2.2)} INFO google.auth._default: credentials from metadata server, service account email: thumbnailer@acme-prod.iam.gserviceaccount.com`, `${pyTime(1.1)} INFO thumbnailer.worker: message 9182736455 done: gs://acme-prod-media-originals/u/88213/IMG_2231.jpg -> 4 sizes in 0.84s`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/n2d-pool|node pool|metadata|workload identity|node'?s? service account|compute@developer/i],
      facts: [/403|Forbidden|Permission/i, /compute@developer\.gserviceaccount\.com|node'?s? (default )?service account/i, /n2d-pool/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /thumbnailer:3\.2\.4[^\n]*(bug|broken)/i],
    },
  };
}

// ---- 3. an HPA on a custom metric while the metrics adapter is down ----------------------------------

function hpaCustomMetricsAdapterDown(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.90');
  const image = `${ECR}/pricing/quote-api:2.19.0`;
  const app = deploymentApp({
    namespace: ns, name: 'quote-api', replicas: 2,
    revisions: [{ revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-api 2.19.0', template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1 }), liveness: httpProbe('/live', 8080, { timeoutSeconds: 3, failureThreshold: 5 }) })] } }],
    pods: [
      { revision: 27, node: names[0] ?? '', createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, ready: false }) } },
      { revision: 27, node: names[1] ?? '', createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS }) } },
    ],
  });
  const h = hpa({
    namespace: ns, name: 'quote-api', target: { kind: 'Deployment', name: 'quote-api' }, min: 2, max: 12, current: 2, desired: 2, metricsUnavailable: true, lastScaleAgo: 3 * DAYS,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: new Date(at(3 * DAYS)) },
      { type: 'ScalingActive', status: 'False', reason: 'FailedGetPodsMetric', message: 'the HPA was unable to compute the replica count: unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)', lastTransitionTime: new Date(at(52)) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: new Date(at(3 * DAYS)) },
    ],
  });
  if (h.spec) h.spec.metrics = [{ type: 'Pods', pods: { metric: { name: 'http_requests_per_second' }, target: { type: 'AverageValue', averageValue: '40' } } }];
  const adapterImage = 'registry.k8s.io/prometheus-adapter/prometheus-adapter:v0.12.0';
  const adTpl = (args: string[]) => ({ serviceAccountName: 'prometheus-adapter', containers: [container({ name: 'prometheus-adapter', image: adapterImage, ports: [{ name: 'https', containerPort: 6443 }], memory: '256Mi', args, readiness: httpProbe('/readyz', 'https'), liveness: httpProbe('/livez', 'https') })] });
  const adapter = deploymentApp({
    namespace: 'monitoring', name: 'prometheus-adapter', replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 40 * DAYS, template: adTpl(['--prometheus-url=http://prometheus-k8s.monitoring.svc:9090/', '--config=/etc/adapter/config.yaml', '--secure-port=6443']) },
      { revision: 7, createdAgo: 55, changeCause: 'helm upgrade prometheus-adapter 4.11.0 -> 4.12.0 (custom rules values)', template: adTpl(['--prometheus-url=http://prometheus-k8s.monitoring.svc:9090/', '--config=/etc/adapter/config.yaml', '--secure-port=6443', '--metrics-relist-interval=1m']) },
    ],
    pods: [
      { revision: 7, node: names[2] ?? '', createdAgo: 54, containers: { 'prometheus-adapter': crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 1 }, 15) } },
      { revision: 7, node: names[0] ?? '', createdAgo: 54, containers: { 'prometheus-adapter': crashLoop({ exitCode: 1, finishedAgo: 4, ranSeconds: 1 }, 15) } },
    ],
  });
  const adCm = configMap({ namespace: 'monitoring', name: 'prometheus-adapter', createdAgo: 40 * DAYS, updatedAgo: 55, data: { 'config.yaml': 'rules:\n- seriesQuery: \'http_requests_total{namespace!="",pod!=""}\'\n  resources:\n    overrides:\n      namespace: {resource: "namespace"}\n      pod: {resource: "pod"}\n  name:\n    matches: "^(.*)_total$"\n    as: "${1}_per_second"\n   metricsQuery: \'sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)\'\n  resource:\n    template: <<.Resource>>\n' } });
  const slow = podOf(app, 0);
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'quote-api', namespace: ns };
  return {
    id: 'heldout104-hpa-custom-metrics-adapter-down',
    class: 'capacity',
    truth: 'quote-api\'s HPA scales on the custom metric http_requests_per_second served by prometheus-adapter in the monitoring namespace. The adapter\'s helm upgrade 55 minutes ago (revision 7, with a re-rendered prometheus-adapter ConfigMap whose rules YAML is mis-indented) left it crash-looping (its config fails to parse), so the custom.metrics.k8s.io API is unavailable: the HPA reports ScalingActive False / FailedGetPodsMetric and cannot scale. The evening traffic rise hit quote-api at minReplicas 2; its pods are saturated (slow requests, readiness timeouts). quote-api itself did not change. Fix: repair or roll back prometheus-adapter, and meanwhile scale quote-api by hand.',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, h, ...adapter.objects, adCm,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods }),
      event({ on: hpaRef, reason: 'FailedGetPodsMetric', message: 'unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)', count: 204, firstAgo: 52, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: 'invalid metrics (1 invalid out of 1), first error is: failed to get pods metric value: unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)', count: 204, firstAgo: 52, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: slow, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${slow.status?.podIP}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 41, firstAgo: 19, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
      ...adapter.pods.flatMap((p) => [backOff(p, 'prometheus-adapter', { count: 230, firstAgo: 53, lastAgo: 0.5 })]),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3)} WARN  [http] slow request method=POST path=/v1/quotes dur_ms=4210 inflight=512`, `${at(1.5)} WARN  [pool] worker queue full (512/512), rejecting with 503`, `${at(0.4)} WARN  [http] slow request method=POST path=/v1/quotes dur_ms=5877 inflight=512`) })),
      ...adapter.pods.map((p) => logsFor(p, 'prometheus-adapter', { previous: lines(`I1121 ${at(2).slice(11, 23)}       1 adapter.go:98] successfully using in-cluster auth`, `F1121 ${at(2).slice(11, 23)}       1 adapter.go:286] unable to load metrics discovery config: unable to parse metrics discovery config: error converting YAML to JSON: yaml: line 10: did not find expected key`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/custom metric|metrics (API|adapter)|prometheus-adapter|FailedGetPodsMetric|ScalingActive|HPA|autoscal/i],
      facts: [/prometheus-adapter/, /custom\.metrics|custom metrics API/i, /min(imum)? ?replicas|2 replicas|cannot scale|unable to (scale|compute)/i],
      never: [/roll(ing)? ?back (quote-api|to revision 26)|undo quote-api/i, /\bOOM/, /quote-api[^\n]*(memory leak|deadlock)/i],
    },
  };
}

// ---- 4. a postStart hook that registers with an agent that does not answer ----------------------------

function postStartHookRegisterFails(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.71');
  const image = (v: string) => `${ECR}/warehouse/inventory-svc:${v}`;
  const hookCmd = ['/bin/sh', '-c', 'curl -sf --max-time 5 -X PUT http://localhost:8500/v1/agent/service/register -d @/etc/consul/service.json'];
  const base = (v: string) => container({ image: image(v), ports: [8080], memory: '768Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) });
  const withHook = { ...base('5.4.0'), lifecycle: { postStart: { exec: { command: hookCmd } } } } as k8s.V1Container;
  const app = deploymentApp({
    namespace: ns, name: 'inventory-svc', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 18 * DAYS, changeCause: 'argocd: inventory-svc 5.3.2', template: { containers: [base('5.3.2')] } },
      { revision: 8, createdAgo: 33, changeCause: 'argocd: inventory-svc 5.4.0 (consul service registration)', template: { containers: [withHook] } },
    ],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 18 * DAYS },
      { revision: 7, node: names[1] ?? '', createdAgo: 18 * DAYS },
      { revision: 7, node: names[2] ?? '', createdAgo: 18 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 32, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.8, ranSeconds: 36 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const hookMsg = `Exec lifecycle hook ([${hookCmd.join(' ')}]) for Container "app" in Pod "${nameOf(fresh)}_${ns}(${fresh.metadata?.uid})" failed - error: command '${hookCmd.join(' ')}' exited with 7: , message: ""`;
  return {
    id: 'heldout104-poststart-hook-register-fails',
    class: 'containers',
    truth: 'Revision 8 of inventory-svc (33 minutes ago) added a postStart exec hook that registers the service with a Consul agent on localhost:8500, but no Consul agent runs on these nodes/pods. curl exits 7 (connection refused), the kubelet records FailedPostStartHook and kills the container, which restarts in a loop although the Spring Boot app itself starts fine; the rollout is stuck behind three healthy revision-7 pods. Fix: drop the hook (or make it tolerate failure / deploy the agent) — rolling back to revision 7 is the quick fix.',
    ask: { service: 'inventory-svc', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'inventory-svc', selector: { app: 'inventory-svc' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] as never, rsOf(app, 8), 1, 0, 33),
      scheduled(fresh, 32),
      ...restartedAgain(fresh, 'app', image('5.4.0'), { count: 10, firstAgo: 31.8, lastAgo: 1.7 }),
      event({ on: fresh, reason: 'FailedPostStartHook', message: hookMsg, count: 10, firstAgo: 31.7, lastAgo: 1.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Killing', message: 'FailedPostStartHook', count: 10, firstAgo: 31.7, lastAgo: 1.7, fieldPath: 'spec.containers{app}' }),
      backOff(fresh, 'app', { count: 120, firstAgo: 30, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines(
        `${at(2.4).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] c.a.w.inventory.InventoryApplication     : Starting InventoryApplication v5.4.0 using Java 21.0.5 with PID 1`,
        `${at(2.3).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
        `${at(2.0).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] c.a.w.inventory.InventoryApplication     : Started InventoryApplication in 14.211 seconds (process running for 15.02)`,
        `${at(1.85).replace('T', ' ').replace('Z', '')}  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/post ?start|lifecycle hook|FailedPostStartHook/i],
      facts: [/exited with 7|localhost:8500|consul|register/i, /revision 8|5\.4\.0/i],
      never: [/\bOOM/, /Liveness probe failed|failed liveness probe/i],
    },
  };
}

// ---- 5. an egress proxy that answers 417 to Expect: 100-continue since its own revision --------------------

function egressProxy417(): CorpusScenario {
  const ns = 'ingest';
  const { nodes, names } = threeEksNodes('10.0.12');
  const clientImage = `${ECR}/ingest/archive-uploader:1.8.2`;
  const client = deploymentApp({
    namespace: ns, name: 'archive-uploader', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: archive-uploader 1.8.2', template: { containers: [container({ image: clientImage, ports: [8080], memory: '512Mi', env: [{ name: 'HTTPS_PROXY', value: 'http://egress-proxy.ingest.svc:3128' }, { name: 'HTTP_PROXY', value: 'http://egress-proxy.ingest.svc:3128' }, { name: 'UPLOAD_ENDPOINT', value: 'http://archive.partner-vault.example.net/v2/objects' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const proxyTpl = (img: string) => ({ containers: [container({ name: 'proxy', image: img, ports: [{ name: 'proxy', containerPort: 3128 }], memory: '256Mi', readiness: { tcpSocket: { port: 3128 }, periodSeconds: 10 } as k8s.V1Probe, liveness: null, volumeMounts: [{ name: 'conf', mountPath: '/etc/squid' }] })], volumes: [{ name: 'conf', configMap: { name: 'egress-proxy-conf' } }] });
  const proxy = deploymentApp({
    namespace: ns, name: 'egress-proxy', replicas: 2,
    revisions: [
      { revision: 5, createdAgo: 70 * DAYS, changeCause: 'kubectl apply: squid 6.6', template: proxyTpl('docker.io/ubuntu/squid:6.6-24.04_edge') },
      { revision: 6, createdAgo: 41, changeCause: 'platform: swap to hardened proxy image (CVE remediation)', template: proxyTpl('registry.platform.acme.internal/net/squid-hardened:2.7.9-acme4') },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 40 }, { revision: 6, node: names[2] ?? '', createdAgo: 39 }],
  });
  const conf = configMap({ namespace: ns, name: 'egress-proxy-conf', createdAgo: 70 * DAYS, updatedAgo: 41, data: { 'squid.conf': 'http_port 3128\nacl localnet src 10.0.0.0/8\nacl SSL_ports port 443\nacl CONNECT method CONNECT\nhttp_access deny CONNECT !SSL_ports\nhttp_access allow localnet\nhttp_access deny all\ncache deny all\nforwarded_for delete\nvia off\n' } });
  const cl = (t: number, size: number) => `time=${at(t)} level=ERROR msg="upload failed" object=batch-${Math.floor(t * 97)}.tar.zst size=${size} method=PUT url=http://archive.partner-vault.example.net/v2/objects status="417 Expectation Failed" attempt=3`;
  return {
    id: 'heldout104-egress-proxy-417-expect-continue',
    class: 'network',
    truth: 'archive-uploader (unchanged for 20 days) PUTs large archives through the in-cluster egress-proxy with "Expect: 100-continue". egress-proxy revision 6 (41 minutes ago) swapped the squid 6.6 image for the platform\'s hardened build of the old squid 2.7 branch, an HTTP/1.0 proxy that (ignore_expect_100 off by default) answers Expect: 100-continue with 417 Expectation Failed. Every large upload has failed since (small requests without a body pass). Fix: roll egress-proxy back to revision 5 (or set ignore_expect_100 on / stop sending Expect from the client); archive-uploader is not at fault.',
    ask: { service: 'archive-uploader', namespace: ns },
    objects: [
      ...nodes, ...client.objects, ...proxy.objects, conf,
      ...exposed({ namespace: ns, name: 'archive-uploader', selector: { app: 'archive-uploader' }, pods: client.pods }),
      ...exposed({ namespace: ns, name: 'egress-proxy', selector: { app: 'egress-proxy' }, pods: proxy.pods, ports: [{ name: 'proxy', port: 3128, targetPort: 'proxy' }], endpointPort: 3128 }),
      scaledReplicaSet(proxy.objects[0] as never, rsOf(proxy, 6), 2, 0, 39),
      ...proxy.pods.flatMap((p, i) => [scheduled(p, 40 - i), event({ on: p, type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "registry.platform.acme.internal/net/squid-hardened:2.7.9-acme4" in 3.1s (3.1s including waiting). Image size: 41822310 bytes.', firstAgo: 40 - i, lastAgo: 40 - i, fieldPath: 'spec.containers{proxy}' })]),
    ],
    logs: [
      ...client.pods.map((p, i) => logsFor(p, 'app', { current: lines(`time=${at(44 - i)} level=INFO msg="upload ok" object=batch-4410${i}.tar.zst size=734003200 status=201 dur=18.2s`, cl(38 - i, 612368384), cl(21 - i, 811597824), `time=${at(12)} level=INFO msg="GET manifest ok" status=200`, cl(4 - i, 701235200), `time=${at(3.9 - i)} level=WARN msg="retry queue" pending=${37 + i * 4}`) })),
      ...proxy.pods.map((p) => logsFor(p, 'proxy', { current: lines(`${(new Date(at(39)).getTime() / 1000).toFixed(3)}      0 10.0.12.44 TCP_MISS/200 1342 GET http://archive.partner-vault.example.net/v2/manifest - HIER_DIRECT/203.0.113.40 application/json`, `${(new Date(at(21)).getTime() / 1000).toFixed(3)}      0 10.0.12.44 NONE_NONE/417 4112 PUT http://archive.partner-vault.example.net/v2/objects - HIER_NONE/- text/html`, `${(new Date(at(4)).getTime() / 1000).toFixed(3)}      0 10.0.12.81 NONE_NONE/417 4112 PUT http://archive.partner-vault.example.net/v2/objects - HIER_NONE/- text/html`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/417|Expectation Failed|100-continue|egress-proxy/i],
      facts: [/egress-proxy/, /revision 6|squid-hardened|2\.7/i, /417|Expectation Failed/i],
      never: [/\bOOM/, /roll(ing)? ?back (archive-uploader|to revision 13)|undo archive-uploader/i, /partner-vault[^\n]*(down|outage)/i],
    },
  };
}


// ---- 6. another team's Deployment whose pods carry the Service's selector label -------------------------

function foreignPodsInServiceSelector(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58');
  const image = `${ECR}/orders/orders-api:9.3.1`;
  const app = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3, selector: { app: 'orders-api', tier: 'api' },
    revisions: [{ revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: orders-api 9.3.1', template: { containers: [container({ image, ports: [8080], memory: '768Mi', readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const replayImage = `${ECR}/data/event-replayer:0.4.0`;
  const replay = deploymentApp({
    namespace: ns, name: 'orders-event-replayer', replicas: 2, selector: { app: 'orders-api', component: 'replayer' },
    revisions: [{ revision: 1, createdAgo: 27, changeCause: 'kubectl apply -f replayer/deploy.yaml (data-eng, backfill ORD-7731)', template: { containers: [container({ name: 'replayer', image: replayImage, ports: [8080], memory: '512Mi', readiness: httpProbe('/healthz', 8080), liveness: null })] } }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 27 }, { revision: 1, node: names[2] ?? '', createdAgo: 27 }],
  });
  // The Service selects app=orders-api only: the replayer's pods match it too.
  const svc = exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: [...app.pods, ...replay.pods], createdAgo: 300 * DAYS });
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout-bff', replicas: 2,
    revisions: [{ revision: 61, createdAgo: 3 * DAYS, changeCause: 'argocd: checkout-bff 12.0.4', template: { containers: [container({ image: `${ECR}/orders/checkout-bff:12.0.4`, ports: [8080], env: [{ name: 'ORDERS_URL', value: 'http://orders-api.orders.svc' }], readiness: httpProbe('/ready', 8080) })] } }],
    pods: [{ revision: 61, node: names[0] ?? '', createdAgo: 3 * DAYS }, { revision: 61, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  const ip = (i: number) => replay.pods[i]?.status?.podIP ?? '';
  return {
    id: 'heldout104-foreign-pods-in-service-selector',
    class: 'network',
    truth: 'Data engineering applied a one-off Deployment, orders-event-replayer, 27 minutes ago to backfill events; its pod template reused the label app=orders-api (plus component=replayer). The orders-api Service selects only app=orders-api, so its EndpointSlice now lists the two replayer pods next to the three orders-api pods, and about 40% of requests to orders-api land on the replayer, which answers 404 for /v1/orders/…. orders-api itself (revision 22, 11 days) is healthy. Fix: relabel or remove the replayer (or tighten the Service selector with tier=api); no rollback of orders-api.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...replay.objects, ...checkout.objects, ...svc,
      ...exposed({ namespace: ns, name: 'checkout-bff', selector: { app: 'checkout-bff' }, pods: checkout.pods }),
      scaledReplicaSet(replay.objects[0] as never, rsOf(replay, 1), 2, 0, 27),
      ...replay.pods.flatMap((p) => [scheduled(p, 27), ...restartedAgain(p, 'replayer', replayImage, { count: 1, firstAgo: 26.8, lastAgo: 26.8 })]),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO  [http-nio-8080-exec-4] o.a.orders.web.OrderController : GET /v1/orders/ORD-88213410 200 12ms`, `${at(1)} INFO  [http-nio-8080-exec-9] o.a.orders.web.OrderController : POST /v1/orders 201 48ms`) })),
      ...replay.pods.map((p, i) => logsFor(p, 'replayer', { current: lines(`{"ts":"${at(26.5)}","level":"info","msg":"replayer listening","addr":":8080","topic":"orders.events.v3","from_offset":118230012}`, `{"ts":"${at(3.1)}","level":"info","msg":"replayed batch","count":5000,"offset":${118400012 + i * 5000}}`, `{"ts":"${at(2.2)}","level":"warn","msg":"http request","method":"GET","path":"/v1/orders/ORD-8821${i}977","status":404,"remote":"10.0.58.1${i}4"}`, `{"ts":"${at(0.9)}","level":"warn","msg":"http request","method":"POST","path":"/v1/orders","status":404,"remote":"10.0.58.2${i}1"}`) })),
      ...checkout.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(4)}","level":"ERROR","msg":"orders-api call failed","url":"http://orders-api.orders.svc/v1/orders/ORD-88213391","status":404,"upstream":"${ip(0)}:8080"}`, `{"time":"${at(1.3)}","level":"ERROR","msg":"orders-api call failed","url":"http://orders-api.orders.svc/v1/orders","status":404,"upstream":"${ip(1)}:8080"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders-event-replayer|selector|label|endpoint/i],
      facts: [/orders-event-replayer/, /app=orders-api|app: ?orders-api|selector/i, /404/],
      never: [/roll(ing)? ?back (orders-api|to revision 21)|undo orders-api/i, /\bOOM/],
    },
  };
}

// ---- 7. healthy control: an HPA scale-up whose new pod had no metrics for a minute ----------------------

function healthyHpaNewPod(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.33');
  const image = `${ECR}/storefront/web:7.12.1`;
  const app = deploymentApp({
    namespace: ns, name: 'web', replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: web 7.12.0', template: { containers: [container({ image: image.replace('7.12.1', '7.12.0'), ports: [3000], cpu: '500m', memory: '512Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000) })] } },
      { revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: web 7.12.1', template: { containers: [container({ image, ports: [3000], cpu: '500m', memory: '512Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000) })] } },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 4 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 4 * DAYS },
      { revision: 41, node: names[2] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS, ranSeconds: 170000 } }) } },
      { revision: 41, node: names[1] ?? '', createdAgo: 6, containers: { app: running({ sinceAgo: 5.8 }) } },
    ],
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 4 * DAYS },
  });
  const h = hpa({ namespace: ns, name: 'web', target: { kind: 'Deployment', name: 'web' }, min: 3, max: 10, current: 4, desired: 4, cpu: { current: 58, target: 70, averageValue: '290m' }, lastScaleAgo: 6 });
  const fresh = podOf(app, 3);
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'web', namespace: ns };
  return {
    id: 'heldout104-healthy-hpa-new-pod-no-metrics-yet',
    class: 'healthy',
    truth: 'Nothing is wrong: the morning traffic in APAC raised web\'s CPU, the HPA scaled it from 3 to 4 six minutes ago; for the first minute the new pod had no metrics yet, so the HPA logged the usual FailedGetResourceMetric / FailedComputeMetricsReplicas, then it read 58% of a 70% target. All four pods are Ready; an OOMKill two days ago on one pod is old noise.',
    ask: { service: 'web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, h,
      ...exposed({ namespace: ns, name: 'web', selector: { app: 'web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      event({ on: hpaRef, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 6, lastAgo: 6, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(app.objects[0] as never, rsOf(app, 41), 4, 3, 6),
      scheduled(fresh, 6),
      ...restartedAgain(fresh, 'app', image, { count: 1, firstAgo: 5.9, lastAgo: 5.9 }),
      event({ on: hpaRef, reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)', count: 2, firstAgo: 5.5, lastAgo: 5.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: 'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)', count: 2, firstAgo: 5.5, lastAgo: 5.2, component: 'horizontal-pod-autoscaler' }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${new Date(at(1)).getTime()},"msg":"request completed","req":{"method":"GET","url":"/api/products?page=2"},"res":{"statusCode":200},"responseTime":42}`, `{"level":30,"time":${new Date(at(0.5)).getTime()},"msg":"request completed","req":{"method":"GET","url":"/api/cart"},"res":{"statusCode":200},"responseTime":18}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ready|running/i],
      facts: [/web/],
      never: [/roll ?back/i, /FailedGetResourceMetric[^\n]*(cause|broke|root)/i, /metrics[- ]server[^\n]*(down|broken|unavailable)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  tableSwapUnderCachedPlans(),
  gkePoolWithoutMetadataServer(),
  hpaCustomMetricsAdapterDown(),
  postStartHookRegisterFails(),
  egressProxy417(),
  foreignPodsInServiceSelector(),
  healthyHpaNewPod(),
];
