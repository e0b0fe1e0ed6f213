// Held-out stories, eighty-ninth round, part two:
// 1. (network) an in-cluster Elasticsearch StatefulSet upgraded from 7.17 to 8.15 (revision 6):
//    security is on by default in 8.x, so the catalog search API, which sends no credentials, gets
//    401 security_exception "missing authentication credentials for REST request" on every query;
// 2. (config) an SQS invoice worker whose ConfigMap was edited to a queue URL in eu-central-1 (the
//    queue lives in eu-west-1); the restart that picked it up crash-loops on
//    AWS.SimpleQueueService.NonExistentQueue;
// 3. (network) a Python recommendations API logging JSONDecodeError on every call to the feature
//    store: ingress-nginx answers with its HTML 503 page because every feature-store pod is
//    OOMKilled loading its grown feature table;
// 4. (rollout) a thumbnailer whose revision 19 moved the base image from node:18 to node:20 while
//    node_modules (the canvas native addon) was copied from an old build stage: NODE_MODULE_VERSION
//    108 vs 115, the new pods crash-loop;
// 5. (scheduling) the node group moved from m6i.xlarge to t3.medium (17 pods per node): the HPA's
//    scale-out leaves four collector pods Pending with "Too many pods";
// 6. (config) an upload gateway's nginx ConfigMap edited to client_max_body_size 1m, reloaded by a
//    rollout restart: uploads fail 413 Request Entity Too Large;
// and a healthy control: a storefront nginx that warns at start that "listen ... http2" is
// deprecated, otherwise serving.
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, deploymentApp, event,
  exposed, failedScheduling, hpa, httpProbe, nameOf, probeFailed, pyTime, restartedAgain, rsOf, running, clusterIpOf,
  scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, daemonSetApp, createdPod, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import { node } from '../kit/nodes.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. Elasticsearch 8 turns security on; the client sends no credentials -------------------------

function elasticsearchSecurityOn(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '150', '203']);
  const esImage = (v: string) => `docker.elastic.co/elasticsearch/elasticsearch:${v}`;
  const esTpl = (v: string) => ({
    containers: [container({
      name: 'elasticsearch', image: esImage(v),
      env: [
        { name: 'discovery.type', value: 'single-node' },
        { name: 'cluster.name', value: 'catalog-search' },
        { name: 'ES_JAVA_OPTS', value: '-Xms2g -Xmx2g' },
        { name: 'bootstrap.memory_lock', value: 'false' },
      ],
      ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      cpu: '1', memory: '4Gi',
      readiness: tcpProbe('http', { periodSeconds: 10 }), liveness: tcpProbe('transport', { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    securityContext: { fsGroup: 1000 },
  });
  const es = statefulSetApp({
    namespace: ns,
    name: 'catalog-es',
    replicas: 1,
    revisions: [
      { revision: 5, createdAgo: 74 * DAYS, template: esTpl('7.17.24') },
      { revision: 6, createdAgo: 52, template: esTpl('8.15.3') },
    ],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 51 }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
  });
  const esPod = podOf(es, 0);
  const esSvc = exposed({ namespace: ns, name: 'catalog-es', selector: { app: 'catalog-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 });
  const esIp = esPod.status?.podIP ?? '';
  const apiImage = `${ECR}/search/catalog-search-api:3.9.2`;
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-search-api',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 11 * DAYS, changeCause: 'argocd: catalog-search-api 3.9.2', template: { containers: [container({
        image: apiImage, ports: [3000], cpu: '300m', memory: '384Mi',
        env: [
          { name: 'ELASTICSEARCH_NODE', value: 'http://catalog-es.search.svc.cluster.local:9200' },
          { name: 'ELASTICSEARCH_INDEX', value: 'products-v14' },
          { name: 'NODE_ENV', value: 'production' },
        ],
        readiness: httpProbe('/ready', 3000, { timeoutSeconds: 2 }),
        liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }),
      })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 11 * DAYS - 3 - k, containers: { app: running({ sinceAgo: 11 * DAYS - 3.5 - k, ready: false }) } })),
    settled: { available: false, availableSince: 49, progressingSince: 11 * DAYS - 1, progressingUpdatedAgo: 11 * DAYS - 1 },
  });
  const apiPods = api.pods;
  const other = bystander(ns, 'search-suggest', names, 6 * HOURS, { revisions: [11, 12], versions: ['1.6.0', '1.6.1'], olderAgo: 20 * DAYS });
  const queries = ['winter jacket', 'running shoes', 'usb-c hub', 'desk lamp', 'merino socks', 'backpack 30l'];
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(70 + k))},"pid":1,"hostname":"${nameOf(api.pods[k])}","req":{"method":"GET","url":"/v1/search?q=desk%20lamp"},"res":{"statusCode":200},"responseTime":${41 + k},"msg":"request completed"}`,
      `{"level":30,"time":${Date.parse(at(58 + k))},"pid":1,"hostname":"${nameOf(api.pods[k])}","req":{"method":"GET","url":"/v1/search?q=raincoat"},"res":{"statusCode":200},"responseTime":${38 + k},"msg":"request completed"}`,
      `{"level":40,"time":${Date.parse(at(52.4))},"pid":1,"hostname":"${nameOf(api.pods[k])}","err":{"type":"ConnectionError","message":"connect ECONNREFUSED ${clusterIpOf(esSvc, 'catalog-es')}:9200"},"msg":"elasticsearch request failed, retrying"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 50 - i * 3.6 - k * 0.2;
      const q = queries[(i + k) % queries.length] ?? 'lamp';
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(api.pods[k])}","err":{"type":"ResponseError","message":"security_exception\\n\\tRoot causes:\\n\\t\\tsecurity_exception: missing authentication credentials for REST request [/products-v14/_search]","stack":"ResponseError: security_exception\\n    at SniffingTransport._request (/app/node_modules/@elastic/transport/lib/Transport.js:543:27)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n    at async Client.SearchApi [as search] (/app/node_modules/@elastic/elasticsearch/lib/api/api/search.js:66:12)\\n    at async searchProducts (/app/dist/search/products.js:48:21)","meta":{"statusCode":401,"headers":{"www-authenticate":"Basic realm=\\"security\\", charset=\\"UTF-8\\", ApiKey"}}},"msg":"search failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${nameOf(api.pods[k])}","req":{"method":"GET","url":"/v1/search?q=${encodeURIComponent(q)}"},"res":{"statusCode":502},"responseTime":${9 + i % 4},"msg":"request completed"}`);
      if (i % 4 === 1) out.push(`{"level":40,"time":${Date.parse(at(t - 0.05))},"pid":1,"hostname":"${nameOf(api.pods[k])}","check":"elasticsearch","statusCode":401,"msg":"readiness check failed"}`);
    }
    return lines(...out);
  };
  const esLog = lines(
    `{"@timestamp":"${at(50.9)}", "log.level": "INFO", "message":"version[8.15.3], pid[87], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9-70]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"catalog-es-0","elasticsearch.cluster.name":"catalog-search"}`,
    `{"@timestamp":"${at(50.8)}", "log.level": "INFO", "message":"loaded module [x-pack-security]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.plugins.PluginsService","elasticsearch.node.name":"catalog-es-0","elasticsearch.cluster.name":"catalog-search"}`,
    `{"@timestamp":"${at(50.3)}", "log.level": "INFO", "message":"publish_address {${esIp}:9200}, bound_addresses {0.0.0.0:9200}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.http.AbstractHttpServerTransport","elasticsearch.node.name":"catalog-es-0","elasticsearch.cluster.name":"catalog-search"}`,
    `{"@timestamp":"${at(50.3)}", "log.level": "INFO", "message":"started {catalog-es-0}{pQ2sVx7aTgWZk1m3cR0p4w}{jH1uE6s0RrS9bqk0Z3o1Lg}{catalog-es-0}{${esIp}}{${esIp}:9300}{cdfhilmrstw}{8.15.3}{7000099-8512000}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"catalog-es-0","elasticsearch.cluster.name":"catalog-search"}`,
    `{"@timestamp":"${at(49.9)}", "log.level": "INFO", "message":"Cluster health status changed from [RED] to [GREEN] (reason: [shards started [[products-v14][0]]]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[catalog-es-0][masterService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"catalog-es-0","elasticsearch.cluster.name":"catalog-search"}`,
  );
  return {
    id: 'heldout89-elasticsearch-8-security-default',
    class: 'network',
    truth:
      'The catalog-es StatefulSet was upgraded from Elasticsearch 7.17.24 to 8.15.3 (revision 6, 52 minutes ago). Security is enabled by default in 8.x, so the catalog-search-api, which connects over plain HTTP without credentials, gets 401 security_exception "missing authentication credentials for REST request" on every search and its pods went unready.',
    ask: { service: 'catalog-search-api' },
    objects: [
      ...nodes,
      ...es.objects,
      ...esSvc,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'catalog-search-api', selector: { app: 'catalog-search-api' }, pods: apiPods, endpointPort: 3000 }),
      ...other.objects,
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'catalog-es', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod catalog-es-0 in StatefulSet catalog-es successful', firstAgo: 52, lastAgo: 52, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'catalog-es', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod catalog-es-0 in StatefulSet catalog-es successful', firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      ...startedNormally(esPod, 'elasticsearch', esImage('8.15.3'), 51),
      ...apiPods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 290 + apiPods.indexOf(p), firstAgo: 50, lastAgo: 0.2 })),
    ],
    logs: [
      logsFor(esPod, 'elasticsearch', { current: esLog }),
      ...apiPods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/401|security_exception|missing authentication credentials|authenticat|credential|xpack|security/i, /catalog-es|elasticsearch|8\.15|revision 6/i],
      facts: [/catalog-es/, /8\.15\.3|revision 6/, /missing authentication credentials|security_exception|401/],
      never: [/catalog-search-api[^\n]*(roll ?back|undo)/i, /\bOOM/, /DNS|NXDOMAIN/],
    },
  };
}

// ---- 2. SQS queue URL edited to the wrong region in the worker's ConfigMap -------------------------

function sqsQueueWrongRegion(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.36', ['22', '141', '219']);
  const image = `${ECR}/billing/invoice-worker:5.3.1`;
  const tpl = (restartedAt?: string) => ({
    containers: [batchContainer({
      image, command: ['python', '-m', 'invoice_worker'], cpu: '200m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'invoice-worker-config' } }],
    })],
    serviceAccountName: 'invoice-worker',
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-worker 5.3.1', template: tpl() },
      { revision: 22, createdAgo: 37, template: tpl(at(37)) },
    ],
    pods: [
      { revision: 21, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[1] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[2] ?? '', createdAgo: 9 * DAYS },
      { revision: 22, node: names[2] ?? '', createdAgo: 36.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 3 }, 11) } },
    ],
  });
  // The old pods read the old value at their start, nine days ago; maxUnavailable 0 keeps all three
  // while the surge pod of revision 22 crash-loops.
  const broken = podOf(worker, 3);
  const cm = configMap({
    namespace: ns, name: 'invoice-worker-config', createdAgo: 210 * DAYS, updatedAgo: 39,
    data: {
      SQS_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/invoice-events',
      AWS_REGION: 'eu-central-1',
      SQS_WAIT_TIME_SECONDS: '20',
      SQS_MAX_MESSAGES: '10',
      SQS_VISIBILITY_TIMEOUT: '120',
      LEDGER_API_URL: 'http://ledger-api.billing.svc.cluster.local:8080',
      LOG_LEVEL: 'INFO',
    },
  });
  const api = bystander(ns, 'ledger-api', names, 5 * HOURS, { revisions: [40, 41], versions: ['7.2.0', '7.2.1'], olderAgo: 15 * DAYS });
  const crash = (t: number) => [
    `${pyTime(t)} INFO invoice_worker.main: starting invoice-worker 5.3.1 (pid 1)`,
    `${pyTime(t - 0.006)} INFO invoice_worker.main: polling https://sqs.eu-central-1.amazonaws.com/123456789012/invoice-events (region eu-central-1, wait 20s, batch 10)`,
    `${pyTime(t - 0.012)} ERROR invoice_worker.main: could not read queue attributes, exiting`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/runpy.py", line 198, in _run_module_as_main',
    '    return _run_code(code, main_globals, None,',
    '  File "/app/invoice_worker/__main__.py", line 4, in <module>',
    '    main()',
    '  File "/app/invoice_worker/main.py", line 57, in main',
    '    attrs = sqs.get_queue_attributes(QueueUrl=settings.queue_url, AttributeNames=["ApproximateNumberOfMessages", "RedrivePolicy"])',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
    '    return self._make_api_call(operation_name, kwargs)',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
    '    raise error_class(parsed_response, operation_name)',
    'botocore.errorfactory.QueueDoesNotExist: An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueAttributes operation: The specified queue does not exist or you do not have access to it.',
  ];
  const oldLog = lines(
    `${pyTime(9 * DAYS - 0.5)} INFO invoice_worker.main: starting invoice-worker 5.3.1 (pid 1)`,
    `${pyTime(9 * DAYS - 0.51)} INFO invoice_worker.main: polling https://sqs.eu-west-1.amazonaws.com/123456789012/invoice-events (region eu-west-1, wait 20s, batch 10)`,
    ...[44, 31, 18, 9, 3, 0.6].map((t, i) => `${pyTime(t)} INFO invoice_worker.handler: processed batch of ${3 + (i % 4)} messages (invoice.finalized) in ${210 + i * 17}ms`),
  );
  return {
    id: 'heldout89-sqs-queue-url-wrong-region',
    class: 'config',
    truth:
      'Someone edited the invoice-worker-config ConfigMap 39 minutes ago, moving SQS_QUEUE_URL and AWS_REGION to eu-central-1 ahead of a planned migration, while the invoice-events queue still lives in eu-west-1; the rollout restart that picked it up (revision 22) crash-loops on AWS.SimpleQueueService.NonExistentQueue. The queue and the image are fine.',
    ask: { service: 'invoice-worker' },
    objects: [
      ...nodes, ...worker.objects, cm, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 22), 1, 0, 37),
      ...restartedAgain(broken, 'app', image, { count: 12, firstAgo: 36.7, lastAgo: 2.2 }),
      backOff(broken, 'app', { count: 160, firstAgo: 36.5, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(broken, 'app', { current: lines(...crash(2.15)), previous: lines(...crash(7.3)) }),
      logsFor(podOf(worker, 0), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NonExistentQueue|QueueDoesNotExist|queue does not exist|SQS/i, /invoice-worker-config|SQS_QUEUE_URL|AWS_REGION|eu-central-1|ConfigMap/i],
      facts: [/invoice-worker-config/, /eu-central-1/, /NonExistentQueue|QueueDoesNotExist|does not exist/],
      never: [ADVISES_ROLLBACK, /AccessDenied/, /image[^\n]*(bad|broken|wrong)/i],
    },
  };
}

// ---- 3. JSONDecodeError in the client: the feature store behind ingress-nginx is OOMKilled ------------

function jsonDecodeUpstreamDown(): CorpusScenario {
  const ns = 'reco';
  const { nodes, names } = threeEksNodes('10.0.51', ['40', '166', '230']);
  const fsImage = `${ECR}/reco/feature-store:2.8.4`;
  const fs = deploymentApp({
    namespace: ns,
    name: 'feature-store',
    replicas: 2,
    revisions: [{ revision: 16, createdAgo: 19 * DAYS, changeCause: 'argocd: feature-store 2.8.4', template: { containers: [container({
      image: fsImage, command: ['java', '-XX:MaxRAMPercentage=85', '-jar', '/app/feature-store.jar'], ports: [8080], cpu: '1', memory: '2Gi',
      env: [{ name: 'FEATURE_TABLE', value: 's3://shopco-reco-features/tables/user_item_v7/' }, { name: 'PRELOAD', value: 'true' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 90 }),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 16, node: names[k + 1] ?? '', createdAgo: 19 * DAYS - k, containers: { app: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.5 + k * 2, ranSeconds: 48 }, 14 + k) } })),
    settled: { available: false, availableSince: 68, progressingSince: 19 * DAYS, progressingUpdatedAgo: 19 * DAYS },
  });
  const clientImage = `${ECR}/reco/reco-api:1.22.0`;
  const client = deploymentApp({
    namespace: ns,
    name: 'reco-api',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: reco-api 1.22.0', template: { containers: [container({
      image: clientImage, command: ['gunicorn', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000', 'reco_api.app:app'], ports: [8000], cpu: '500m', memory: '512Mi',
      env: [{ name: 'FEATURE_STORE_URL', value: 'https://features.internal.shopco.net' }, { name: 'FEATURE_TIMEOUT_S', value: '0.8' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'reco-trainer-ui', names, 3 * HOURS, { revisions: [4, 5], versions: ['0.9.1', '0.9.2'], olderAgo: 30 * DAYS });
  const clientLog = (k: number) => {
    const out: string[] = [
      `${pyTime(80 + k)} INFO uvicorn.access: 10.0.51.${12 + k}:50122 - "GET /v1/recommendations?user=u_88213&slot=home HTTP/1.1" 200`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 60 - i * 6 - k * 0.3;
      out.push(
        `${pyTime(t)} INFO httpx: HTTP Request: POST https://features.internal.shopco.net/v1/features/batch "HTTP/1.1 503 Service Temporarily Unavailable"`,
        `${pyTime(t - 0.001)} ERROR reco_api.routes: recommendation request failed (user=u_${40000 + i * 713 + k}, slot=home), serving fallback`,
        'Traceback (most recent call last):',
        '  File "/app/reco_api/routes.py", line 74, in recommend',
        '    feats = await features.fetch_batch(user_id, candidates)',
        '  File "/app/reco_api/features.py", line 39, in fetch_batch',
        '    return resp.json()["features"]',
        '  File "/usr/local/lib/python3.11/site-packages/httpx/_models.py", line 766, in json',
        '    return jsonlib.loads(self.content, **kwargs)',
        '  File "/usr/local/lib/python3.11/json/__init__.py", line 346, in loads',
        '    return _default_decoder.decode(s)',
        '  File "/usr/local/lib/python3.11/json/decoder.py", line 337, in decode',
        '    obj, end = self.raw_decode(s, idx=_w(s, 0).end())',
        '  File "/usr/local/lib/python3.11/json/decoder.py", line 355, in raw_decode',
        '    raise JSONDecodeError("Expecting value", s, err.value) from None',
        'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
        `${pyTime(t - 0.002)} INFO uvicorn.access: 10.0.51.${12 + k}:5${1000 + i} - "GET /v1/recommendations?user=u_${40000 + i * 713 + k}&slot=home HTTP/1.1" 200`,
      );
    }
    return lines(...out);
  };
  const oom = (t: number) => lines(
    `${at(t)}  INFO 1 --- [           main] c.s.reco.FeatureStoreApplication         : Starting FeatureStoreApplication v2.8.4 using Java 21.0.5 with PID 1`,
    `${at(t - 0.05)}  INFO 1 --- [           main] c.s.reco.preload.TablePreloader          : Preloading feature table s3://shopco-reco-features/tables/user_item_v7/ (412 parquet files, 2.9 GiB compressed)`,
    `${at(t - 0.5)}  INFO 1 --- [           main] c.s.reco.preload.TablePreloader          : Preloaded 268/412 files, 31,904,112 rows, heap used 1598 MiB`,
  );
  const fsPods = fs.pods;
  return {
    id: 'heldout89-json-decode-upstream-503-html',
    class: 'network',
    truth:
      'reco-api logs json.decoder.JSONDecodeError on every feature fetch because features.internal.shopco.net (ingress-nginx in front of the feature-store Service) answers with its HTML 503 page: the feature-store Service has no ready endpoints, since both feature-store pods are OOMKilled (exit 137, 2Gi limit) while preloading the grown user_item_v7 feature table. reco-api itself is healthy.',
    ask: { service: 'reco-api' },
    objects: [
      ...nodes, ...fs.objects, ...client.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'feature-store', selector: { app: 'feature-store' }, pods: fsPods }),
      ...exposed({ namespace: ns, name: 'reco-api', selector: { app: 'reco-api' }, pods: client.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reco-trainer-ui', selector: { app: 'reco-trainer-ui' }, pods: other.pods }),
      ...fsPods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', fsImage, { count: 15 + k, firstAgo: 70, lastAgo: 2.3 + k * 2 }),
        backOff(p, 'app', { count: 210 + k, firstAgo: 66, lastAgo: 0.3 }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, { count: 90 + k, firstAgo: 69, lastAgo: 2.5 }),
      ]),
    ],
    logs: [
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: clientLog(k) })),
      ...fsPods.map((p, k) => logsFor(p, 'app', { current: oom(0.9 + k), previous: oom(2.4 + k * 2) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/feature-store/i, /OOM|out of memory|memory|137|no (ready )?endpoints|503|unavailable|down/i],
      facts: [/feature-store/, /OOMKilled|137/, /JSONDecodeError|503/],
      never: [ADVISES_ROLLBACK, /reco-api[^\n]*(bug|malformed JSON|serializ)/i],
    },
  };
}

// ---- 4. Node 20 base image, native addon built for Node 18 -------------------------------------------

function nativeAddonNodeAbi(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.64', ['9', '121', '240']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), command: ['node', 'dist/server.js'], ports: [3000], cpu: '500m', memory: '1Gi',
    env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=768' }, { name: 'ORIGIN_BUCKET', value: 'shopco-media-originals' }],
    readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'argocd: thumbnailer 4.6.0 (node:18-bookworm-slim)', template: tpl('4.6.0') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: thumbnailer 4.6.1 (base image node:20-bookworm-slim)', template: tpl('4.6.1') },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 18, node: names[1] ?? '', createdAgo: 23 * DAYS },
      { revision: 18, node: names[2] ?? '', createdAgo: 23 * DAYS },
      { revision: 19, node: names[0] ?? '', createdAgo: 25.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 1 }, 9) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 25.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 1 }, 9) } },
    ],
  });
  const crash = lines(
    'node:internal/modules/cjs/loader:1586',
    '  return process.dlopen(module, path.toNamespacedPath(filename));',
    '                 ^',
    '',
    "Error: The module '/app/node_modules/canvas/build/Release/canvas.node'",
    'was compiled against a different Node.js version using',
    'NODE_MODULE_VERSION 108. This version of Node.js requires',
    'NODE_MODULE_VERSION 115. Please try re-compiling or re-installing',
    'the module (for instance, using `npm rebuild` or `npm install`).',
    '    at Module._extensions..node (node:internal/modules/cjs/loader:1586:18)',
    '    at Module.load (node:internal/modules/cjs/loader:1288:32)',
    '    at Module._load (node:internal/modules/cjs/loader:1104:12)',
    '    at TracingChannel.traceSync (node:diagnostics_channel:315:14)',
    '    at wrapModuleLoad (node:internal/modules/cjs/loader:218:24)',
    '    at Module.require (node:internal/modules/cjs/loader:1310:12)',
    '    at require (node:internal/modules/helpers:179:18)',
    '    at Object.<anonymous> (/app/node_modules/canvas/lib/bindings.js:3:18)',
    '    at Module._compile (node:internal/modules/cjs/loader:1469:14)',
    '    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10) {',
    "  code: 'ERR_DLOPEN_FAILED'",
    '}',
    '',
    'Node.js v20.18.1',
  );
  const healthy = (k: number) => lines(
    ...[40, 22, 11, 4, 0.7].map((t, i) => `{"level":"info","time":"${at(t + k * 0.1)}","msg":"thumbnail rendered","src":"originals/p/${88213 + i * 17}.jpg","w":${[320, 640, 1280][i % 3]},"ms":${84 + i * 9 + k}}`),
  );
  const p3 = podOf(app, 3);
  const p4 = podOf(app, 4);
  const other = bystander(ns, 'media-cdn-purger', names, 4 * DAYS, { revisions: [2, 3], versions: ['1.1.0', '1.2.0'], olderAgo: 60 * DAYS });
  return {
    id: 'heldout89-node20-native-addon-abi',
    class: 'rollout',
    truth:
      'Revision 19 (thumbnailer 4.6.1) moved the runtime base image from node:18 to node:20-bookworm-slim, but the Dockerfile still copies node_modules from a node:18 build stage, so the canvas native addon was built for NODE_MODULE_VERSION 108 and Node 20 (115) refuses to load it: the new pods crash at start; the three revision-18 pods still serve.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 4, 26),
      ...[p3, p4].flatMap((p) => [
        ...restartedAgain(p, 'app', image('4.6.1'), { count: 10, firstAgo: 25.6, lastAgo: 1.3 }),
        backOff(p, 'app', { count: 118, firstAgo: 25.4, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      logsFor(p3, 'app', { current: crash, previous: crash }),
      logsFor(p4, 'app', { current: crash, previous: crash }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: healthy(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NODE_MODULE_VERSION|canvas\.node|compiled against a different|ERR_DLOPEN_FAILED|native (addon|module)|ABI/i, /revision 19|4\.6\.1|node:?20|Node\.js v?20/i],
      facts: [/NODE_MODULE_VERSION 108|108/, /115/, /revision 19|4\.6\.1/],
      never: [/\bOOM/, /liveness|readiness probe/i],
    },
  };
}

// ---- 5. t3.medium nodes cap pods at 17: the scale-out stays Pending -------------------------------

function tooManyPods(): CorpusScenario {
  const ns = 'ingest';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const alloc = { cpu: '1930m', 'ephemeral-storage': '18242267924', memory: '3388328Ki', pods: '17' };
  const nodes = ['57', '142', '208'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.92.${h}`), zone: zones[i] ?? 'eu-west-1a', instanceType: 't3.medium', pool: 'general', allocatable: alloc, createdAgo: 2 * DAYS + 3 * HOURS + i * 4, readySince: 2 * DAYS + 3 * HOURS + i * 4 - 1 });
    if (n.status) n.status.capacity = { cpu: '2', 'ephemeral-storage': '20959212Ki', memory: '3943368Ki', pods: '17' };
    return n;
  });
  const names = nodes.map(nameOf);
  const ds = (name: string, image: string, c: string, m: string) => daemonSetApp({
    namespace: 'kube-system', name, selector: { 'k8s-app': name },
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name, image, ports: [], cpu: c, memory: m, memoryLimit: null, readiness: null, liveness: null })], priorityClassName: 'system-node-critical' } }],
    pods: names.map((n) => ({ revision: 1, node: n, createdAgo: 2 * DAYS + 3 * HOURS })),
  });
  const proxy = ds('kube-proxy', '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.2-minimal-eksbuild.3', '100m', '64Mi');
  const awsNode = ds('aws-node', '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0-eksbuild.1', '25m', '64Mi');
  const ebs = ds('ebs-csi-node', '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.37.0', '10m', '40Mi');
  // Per node: 3 DaemonSet pods; 14 more fill it to its 17.
  const filler = (name: string, perNode: readonly number[], cpu: string, rev: number) => {
    const pods: { revision: number; node: string; createdAgo: number }[] = [];
    perNode.forEach((n, i) => { for (let j = 0; j < n; j++) pods.push({ revision: rev, node: names[i] ?? '', createdAgo: 2 * DAYS + 2 * HOURS - j }); });
    return deploymentApp({
      namespace: ns, name, replicas: pods.length,
      revisions: [{ revision: rev, createdAgo: 9 * DAYS, changeCause: `argocd: ${name}`, template: { containers: [container({ image: `${ECR}/ingest/${name}:3.${rev}.0`, cpu, memory: '96Mi' })] } }],
      pods,
    });
  };
  const collectorImage = `${ECR}/ingest/event-collector:6.2.3`;
  const collectorPods: { revision: number; node: string | null; createdAgo: number; unschedulable?: string }[] = [];
  const msg = '0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  [4, 3, 3].forEach((n, i) => { for (let j = 0; j < n; j++) collectorPods.push({ revision: 12, node: names[i] ?? '', createdAgo: 2 * DAYS + 2 * HOURS - j }); });
  for (let j = 0; j < 4; j++) collectorPods.push({ revision: 12, node: null, createdAgo: 24 - j * 0.1, unschedulable: msg });
  const collector = deploymentApp({
    namespace: ns, name: 'event-collector', replicas: 14,
    revisions: [{ revision: 12, createdAgo: 12 * DAYS, changeCause: 'argocd: event-collector 6.2.3', template: { containers: [container({ image: collectorImage, ports: [8080], cpu: '100m', memory: '128Mi' })] } }],
    pods: collectorPods,
    settled: { available: false, availableSince: 23, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS },
  });
  // 10 collectors + 3 DS pods per node... fill the rest: node a 17-3-4=10, b 17-3-3=11, c 11.
  const router = filler('event-router', [5, 5, 5], '100m', 8);
  const enricher = filler('event-enricher', [4, 4, 4], '100m', 21);
  const archiver = filler('event-archiver', [1, 2, 2], '50m', 5);
  const pending = collector.pods.slice(10);
  const h = hpa({ namespace: ns, name: 'event-collector', target: { kind: 'Deployment', name: 'event-collector' }, min: 6, max: 24, current: 10, desired: 14, cpu: { current: 96, target: 65 }, lastScaleAgo: 24 });
  return {
    id: 'heldout89-t3medium-too-many-pods',
    class: 'scheduling',
    truth:
      'Two days ago the general node group was moved from m6i.xlarge (58 pods per node) to t3.medium, whose ENI limits cap each node at 17 pods; all three nodes now hold 17 pods, so when the HPA scaled event-collector from 10 to 14 during the morning peak, the four new pods stay Pending with "0/3 nodes are available: 3 Too many pods".',
    ask: { service: 'event-collector' },
    objects: [
      ...nodes, ...proxy.objects, ...awsNode.objects, ...ebs.objects,
      ...collector.objects, ...router.objects, ...enricher.objects, ...archiver.objects, h,
      ...exposed({ namespace: ns, name: 'event-collector', selector: { app: 'event-collector' }, pods: collector.pods }),
      ...exposed({ namespace: ns, name: 'event-router', selector: { app: 'event-router' }, pods: router.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'event-collector', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(collector), rsOf(collector, 12), 14, 10, 24),
      ...pending.flatMap((p) => [
        createdPod(replicaSetOf(collector, 12), p, 24),
        failedScheduling(p, msg, { count: 9, firstAgo: 24, lastAgo: 1.5 }),
      ]),
      ...names.map((n, i) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${n} event: Registered Node ${n} in Controller`, firstAgo: 2 * DAYS + 3 * HOURS + i * 4, lastAgo: 2 * DAYS + 3 * HOURS + i * 4, component: 'node-controller' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Too many pods|pods? (limit|capacity|cap)|max(imum)?[ -]?pods|allocatable pods|17 pods/i, /t3\.medium|instance[ -]type|\b17\b|node ?group|event-collector/i],
      facts: [/Too many pods/, /t3\.medium|17/],
      never: [/Insufficient (cpu|memory)/i, ADVISES_ROLLBACK, /quota/i],
    },
  };
}

// ---- 6. nginx client_max_body_size lowered in its ConfigMap: uploads get 413 ------------------------

function nginxBodySize(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.47', ['19', '133', '250']);
  const image = 'docker.io/library/nginx:1.27.3-alpine';
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi',
      readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
    })],
    volumes: [{ name: 'conf', configMap: { name: 'upload-gateway-conf', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const gw = deploymentApp({
    namespace: ns, name: 'upload-gateway', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 34 * DAYS, changeCause: 'helm upgrade docs-platform 2.4.0', template: tpl() },
      { revision: 9, createdAgo: 53, template: tpl(at(53)) },
    ],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 53 }, { revision: 9, node: names[2] ?? '', createdAgo: 52.5 }],
    settled: { available: true, availableSince: 52, progressingSince: 53, progressingUpdatedAgo: 52 },
  });
  const conf = [
    'upstream docs_api { server docs-api.docs.svc.cluster.local:8080; keepalive 32; }',
    '',
    'server {',
    '    listen 8080;',
    '    server_name _;',
    '',
    '    # was 50m; lowered to match the WAF limit (CHG-4471)',
    '    client_max_body_size 1m;',
    '    client_body_buffer_size 128k;',
    '    proxy_read_timeout 120s;',
    '',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '',
    '    location /api/ {',
    '        proxy_pass http://docs_api;',
    '        proxy_http_version 1.1;',
    '        proxy_set_header Connection "";',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '    }',
    '}',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'upload-gateway-conf', createdAgo: 210 * DAYS, updatedAgo: 55, data: { 'default.conf': conf } });
  const api = bystander(ns, 'docs-api', names, 3 * DAYS, { revisions: [61, 62], versions: ['9.4.0', '9.4.1'], olderAgo: 12 * DAYS });
  const gwLog = (k: number) => {
    const out: string[] = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ngxTime(53 - k * 0.5)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(53 - k * 0.5)} [notice] 1#1: nginx/1.27.3`,
      `${ngxTime(53 - k * 0.5)} [notice] 1#1: start worker processes`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 50 - i * 4 - k * 0.7;
      const ip = `10.0.${12 + k}.${40 + i * 3}`;
      const bytes = 1_572_864 + ((i * 7919 + k * 104729) % 9_000_000);
      out.push(`${ip} - - [${clfTime(t)}] "GET /api/v1/documents?folder=${300 + i} HTTP/1.1" 200 ${4100 + i * 37} "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "203.0.113.${20 + i}"`);
      out.push(`${ngxTime(t - 0.01)} [error] 2${k}#2${k}: *${1840 + i * 13} client intended to send too large body: ${bytes} bytes, client: ${ip}, server: _, request: "POST /api/v1/documents/upload HTTP/1.1", host: "docs.shopco.net"`);
      out.push(`${ip} - - [${clfTime(t - 0.01)}] "POST /api/v1/documents/upload HTTP/1.1" 413 183 "https://docs.shopco.net/folders/${300 + i}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "203.0.113.${20 + i}"`);
      if (i % 3 === 0) out.push(`${ip} - - [${clfTime(t - 0.02)}] "POST /api/v1/documents/upload HTTP/1.1" 201 512 "https://docs.shopco.net/folders/${300 + i}" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "203.0.113.${60 + i}"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout89-nginx-client-max-body-size-413',
    class: 'config',
    truth:
      'The upload-gateway-conf ConfigMap was edited 55 minutes ago to lower client_max_body_size from 50m to 1m, and the rollout restart that reloaded it (revision 9) put it in force: every document upload over 1 MB is rejected by nginx with 413 Request Entity Too Large ("client intended to send too large body"). The pods are healthy.',
    ask: { service: 'upload-gateway' },
    objects: [
      ...nodes, ...gw.objects, cm, ...api.objects,
      ...exposed({ namespace: ns, name: 'upload-gateway', selector: { app: 'upload-gateway' }, pods: gw.pods, endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'docs-api', selector: { app: 'docs-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 9), 2, 1, 52.5),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 8), 0, 1, 52),
      ...gw.pods.flatMap((p, k) => startedNormally(p, 'nginx', image, 53 - k * 0.5)),
    ],
    logs: gw.pods.map((p, k) => logsFor(p, 'nginx', { current: gwLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/client_max_body_size|413|too large body|Entity Too Large|body size/i, /upload-gateway-conf|ConfigMap|1m\b/i],
      facts: [/upload-gateway-conf/, /client_max_body_size|1m/, /413|too large body/],
      never: [/\bOOM/, /docs-api[^\n]*(caused|broke|failing)/i],
    },
  };
}

// ---- healthy control: nginx warns that "listen ... http2" is deprecated --------------------------

function healthyNginxHttp2Warn(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.18', ['33', '145', '222']);
  const image = 'docker.io/library/nginx:1.27.3';
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 20 * DAYS, changeCause: 'argocd: storefront-web 2026.11.1', template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.25.3', ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] })], volumes: [{ name: 'conf', configMap: { name: 'storefront-web-nginx' } }] } },
      { revision: 41, createdAgo: 5 * HOURS, changeCause: 'argocd: storefront-web 2026.11.3 (nginx 1.27.3)', template: { containers: [container({ name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] })], volumes: [{ name: 'conf', configMap: { name: 'storefront-web-nginx' } }] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 5 * HOURS - k })),
    settled: { available: true, availableSince: 5 * HOURS - 3, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 3 },
  });
  const cm = configMap({
    namespace: ns, name: 'storefront-web-nginx', createdAgo: 300 * DAYS,
    data: { 'default.conf': 'server {\n    listen 8080 http2;\n    server_name _;\n    root /usr/share/nginx/html;\n    location = /healthz { access_log off; return 200; }\n    location / { try_files $uri $uri/ /index.html; expires 10m; }\n}\n' },
  });
  const other = bystander(ns, 'storefront-bff', names, 2 * DAYS, { revisions: [88, 89], versions: ['5.1.0', '5.1.1'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const start = 5 * HOURS - k - 0.2;
    const out: string[] = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ngxTime(start)} [warn] 1#1: the "listen ... http2" directive is deprecated, use the "http2" directive instead in /etc/nginx/conf.d/default.conf:2`,
      `nginx: [warn] the "listen ... http2" directive is deprecated, use the "http2" directive instead in /etc/nginx/conf.d/default.conf:2`,
      `${ngxTime(start)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(start)} [notice] 1#1: nginx/1.27.3`,
      `${ngxTime(start)} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)`,
      `${ngxTime(start)} [notice] 1#1: OS: Linux 6.1.112-124.190.amzn2023.x86_64`,
      `${ngxTime(start)} [notice] 1#1: start worker processes`,
      `${ngxTime(start)} [notice] 1#1: start worker process 29`,
      `${ngxTime(start)} [notice] 1#1: start worker process 30`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.9 - k * 0.05;
      out.push(`10.0.${20 + k}.${90 + i} - - [${clfTime(t)}] "GET ${['/', '/assets/app.7f3c2e.js', '/assets/app.1b9d.css', '/products/winter-jacket', '/favicon.ico'][i % 5]} HTTP/2.0" 200 ${[1843, 412877, 58211, 1843, 4286][i % 5]} "https://shop.example.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" "198.51.100.${30 + i}"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout89-healthy-nginx-http2-deprecated',
    class: 'healthy',
    truth:
      'storefront-web is healthy: revision 41 moved to nginx 1.27.3, which warns at start that "listen ... http2" is deprecated in favour of the "http2" directive; the warning is cosmetic, all three pods are ready and serving 200s.',
    ask: { service: 'storefront-web' },
    objects: [
      ...nodes, ...web.objects, cm, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: other.pods }),
    ],
    logs: web.pods.map((p, k) => logsFor(p, 'nginx', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running|ready|serving|ok\b/i],
      facts: [/storefront-web/],
      never: [/http2[^\n]*(caus|broke|fail)/i, ADVISES_ROLLBACK, /deprecat[^\n]*(caus|broke|fail)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  elasticsearchSecurityOn(),
  sqsQueueWrongRegion(),
  jsonDecodeUpstreamDown(),
  nativeAddonNodeAbi(),
  tooManyPods(),
  nginxBodySize(),
  healthyNginxHttp2Warn(),
];
