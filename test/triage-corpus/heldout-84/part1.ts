// Held-out stories, eighty-fourth round, part one (written blind):
// 1. pricing-api revision 58: CI templated the image from the branch name "Hotfix-PRC-2291", so the
//    repository path has uppercase letters; the new pod sits in InvalidImageName, revision 57 serves.
// 2. geo-router revision 15 switched the runtime base image to Alpine (musl); the glibc-linked Go
//    binary fails with "exec /app/geo-router: no such file or directory" (no ld-linux interpreter).
// 3. notify-gateway's ConfigMap was edited in place with a YAML syntax error (unquoted colon); pods
//    re-created after a node drain crash-loop on "yaml: line 14: mapping values are not allowed".
// 4. A new es-index-cleanup CronJob (month cutoff pattern) deleted the live catalog-products-2026.11
//    index at 03:00; catalog-search is Ready but answers index_not_found_exception.
// 5. The Helm pre-upgrade Flyway Job orders-db-migrate now runs as the least-privilege orders_app
//    role: "must be owner of table orders", BackoffLimitExceeded.
// 6. invoice-exporter revision 10 dropped the AWS_REGION env var (moved to a ConfigMap the template
//    does not reference); the SDK v2 S3 client fails "Unable to load region from any of the providers".
// 7. Healthy control: rate-card-service prints SLF4J's harmless "No SLF4J providers were found" at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, epochMs,
  event, exposed, httpProbe, job, jobEvent, nameOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, statefulSetApp, terminated, waiting, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console time: `2026-11-21T02:52:11.402Z`. */
const sb = (minutes: number): string => at(minutes);

// ---- 1. an image reference with uppercase letters from a branch name ----------------------------

function invalidImageNameFromBranch(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.44', ['19', '140', '87']);
  const good = `${ECR}/pricing/pricing-api:1.31.0`;
  const bad = `${ECR}/pricing/pricing-api-Hotfix-PRC-2291:4c1e9a7f`;
  const tpl = (image: string) => ({ containers: [container({ image, ports: [8080], cpu: '300m', memory: '512Mi', env: [{ name: 'PRICING_DB_URL', value: 'postgres://pricing_app@pricing-db.pricing.svc.cluster.local:5432/pricing' }, { name: 'LOG_LEVEL', value: 'info' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const message = `Failed to apply default image tag "${bad}": couldn't parse image reference "${bad}": invalid reference format: repository name must be lowercase`;
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 56, createdAgo: 9 * DAYS, changeCause: 'gitlab-ci: pricing-api 1.30.2 (main)', template: tpl(`${ECR}/pricing/pricing-api:1.30.2`) },
      { revision: 57, createdAgo: 3 * DAYS, changeCause: 'gitlab-ci: pricing-api 1.31.0 (main)', template: tpl(good) },
      { revision: 58, createdAgo: 18, changeCause: 'gitlab-ci: pricing-api 4c1e9a7f (Hotfix-PRC-2291)', template: tpl(bad) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
      { revision: 58, node: names[2] ?? '', createdAgo: 17.9, containers: { app: waiting('InvalidImageName', message) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'pricing-rules-sync', names, 36, { revisions: [11, 12], versions: ['0.9.4', '0.9.5'], olderAgo: 20 * DAYS });
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout84-image-name-uppercase-branch',
    class: 'containers',
    truth: 'The CI job of the hotfix branch "Hotfix-PRC-2291" templated the image reference from the branch name, so revision 58 of pricing-api (18 minutes ago) points at pricing/pricing-api-Hotfix-PRC-2291:4c1e9a7f, whose repository path has uppercase letters. The kubelet cannot even parse it (InvalidImageName: invalid reference format: repository name must be lowercase), so the new pod never starts; with maxUnavailable 0 the three revision-57 pods keep serving. Fix: lowercase the branch slug in the pipeline (or roll back to revision 57).',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-rules-sync', selector: { app: 'pricing-rules-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 18),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 36),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 35),
      scheduled(fresh, 17.9),
      event({ on: fresh, reason: 'InspectFailed', message, count: 84, firstAgo: 17.8, lastAgo: 0.3, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: 'Error: InvalidImageName', count: 84, firstAgo: 17.8, lastAgo: 0.3, fieldPath: fp }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(
        `time=${at(2.1 + i * 0.1)} level=INFO msg="quote computed" sku_count=14 currency=EUR duration_ms=${11 + i}`,
        `time=${at(1.2 + i * 0.1)} level=INFO msg="GET /v2/prices" status=200 duration_ms=${7 + i}`,
        `time=${at(0.4)} level=INFO msg="GET /ready" status=200 duration_ms=0`,
      ) })),
      logsFor(podOf(other, 0), 'app', { current: lines(`time=${at(35)} level=INFO msg="rules sync started" version=0.9.5`, `time=${at(5)} level=INFO msg="synced rules" count=412`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/invalid ?image ?name|invalid reference|must be lowercase|upper-?case|lower-?case/i],
      facts: [/must be lowercase|upper-?case|lower-?case/i, lit('Hotfix-PRC-2291'), /InvalidImageName|invalid reference format/i],
      never: [/\bOOM/, /pull ?secret|credential|unauthori[sz]ed|access denied/i, /pricing-rules-sync/],
    },
  };
}

// ---- 2. a glibc binary on an Alpine (musl) base image -------------------------------------------

function glibcBinaryOnAlpine(): CorpusScenario {
  const ns = 'geo';
  const { nodes, names } = threeEksNodes('10.0.96', ['12', '171', '233']);
  const image = (v: string) => `${ECR}/geo/geo-router:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['/app/geo-router'], args: ['--config=/etc/geo/router.toml'], ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '500m', memory: '256Mi', env: [{ name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-router',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'ci: geo-router 2.8.3 (#806)', template: tpl('2.8.3') },
      { revision: 15, createdAgo: 26, changeCause: 'ci: geo-router 2.9.0 — runtime image alpine:3.20 to shrink size (#812)', template: tpl('2.9.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 15, node: names[0] ?? '', createdAgo: 25.8, containers: { app: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 1.9, ranSeconds: 0 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'geo-tiles', names, 58, { revisions: [30, 31], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const pulled = `Successfully pulled image "${image('2.9.0')}" in 1.804s (1.804s including waiting). Image size: 9214876 bytes.`;
  return {
    id: 'heldout84-glibc-binary-on-alpine-base',
    class: 'containers',
    truth: 'Revision 15 of geo-router (2.9.0, 26 minutes ago) moved the runtime stage of the Dockerfile to alpine:3.20 while the Go binary is still built with cgo on a glibc builder, so it is dynamically linked against /lib64/ld-linux-x86-64.so.2, which musl-based Alpine lacks. The kernel returns ENOENT for the missing interpreter, so the container dies at once with "exec /app/geo-router: no such file or directory" although the file exists; the new pod crash-loops while the three revision-14 pods serve. Fix: build static (CGO_ENABLED=0) or go back to a glibc base (roll back to revision 14 meanwhile).',
    ask: { service: 'geo-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'geo-router', selector: { app: 'geo-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'geo-tiles', selector: { app: 'geo-tiles' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 58),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 57),
      scheduled(fresh, 25.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.9.0')}"`, firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: pulled, firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2.9.0'), { count: 9, firstAgo: 25.2, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 112, firstAgo: 25.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines('exec /app/geo-router: no such file or directory') }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(
        `{"time":"${at(3.4 + i * 0.2)}","level":"INFO","msg":"route computed","from":"DE-BER","to":"DE-HAM","legs":3,"dur_ms":${18 + i}}`,
        `{"time":"${at(0.8 + i * 0.1)}","level":"INFO","msg":"GET /v1/route","status":200,"dur_ms":${21 + i}}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/no such file|interpreter|ld-linux|musl|glibc|alpine|dynamic(ally)?[ -]link/i],
      facts: [lit('exec /app/geo-router: no such file or directory'), /alpine|musl|glibc|ld-linux|interpreter|dynamic(ally)?[ -]link|static/i, /revision 15|2\.9\.0/i],
      never: [/\bOOM/, /probe[^\n]*(kill|restart|fail)/i, /geo-tiles/],
    },
  };
}

// ---- 3. a ConfigMap edited in place with a YAML syntax error ------------------------------------

function configMapYamlSyntaxAfterDrain(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.130', ['24', '66', '205']);
  const image = `${ECR}/notify/notify-gateway:3.4.1`;
  const config = [
    'server:',
    '  listen: ":8080"',
    '  read_timeout: 5s',
    '  write_timeout: 10s',
    'queue:',
    '  url: amqp://notify@rabbitmq.notify.svc.cluster.local:5672/',
    '  prefetch: 50',
    'providers:',
    '  sms:',
    '    vendor: twilio',
    '    from: "+4915735982200"',
    '    rate_limit_per_sec: 30',
    '  email:',
    '    sender: Acme Orders: no-reply@acme.example',
    '    smtp_host: email-smtp.eu-west-1.amazonaws.com',
    '    smtp_port: 587',
    'templates_dir: /etc/notify/templates',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'notify-gateway-config', createdAgo: 64 * DAYS, updatedAgo: 71, data: { 'config.yaml': config } });
  const tpl = {
    containers: [container({ image, args: ['--config=/etc/notify/config.yaml'], ports: [8080], cpu: '200m', memory: '256Mi', volumeMounts: [{ name: 'config', mountPath: '/etc/notify/config.yaml', subPath: 'config.yaml', readOnly: true }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })],
    volumes: [{ name: 'config', configMap: { name: 'notify-gateway-config', defaultMode: 420 } }],
  };
  const crash = (restarts: number) => crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 2.6, ranSeconds: 0.2 }, restarts);
  const app = deploymentApp({
    namespace: ns,
    name: 'notify-gateway',
    replicas: 4,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: notify-gateway 3.4.1', template: tpl }],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 12, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 12, node: names[0] ?? '', createdAgo: 41, containers: { app: crash(13) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 41, containers: { app: crash(13) } },
    ],
    settled: { available: false, availableSince: 40, progressingSince: 6 * DAYS },
  });
  const broken = [podOf(app, 2), podOf(app, 3)];
  const other = bystander(ns, 'notify-scheduler', names, 49, { revisions: [7, 8], versions: ['1.6.0', '1.6.1'], olderAgo: 15 * DAYS });
  const rs = replicaSetOf(app, 12);
  const fatal = (t: number) => `{"level":"fatal","ts":${(epochMs(t) / 1000).toFixed(3)},"caller":"gateway/main.go:58","msg":"cannot load config","path":"/etc/notify/config.yaml","error":"yaml: line 14: mapping values are not allowed in this context"}`;
  const start = (t: number) => `{"level":"info","ts":${(epochMs(t) / 1000).toFixed(3)},"caller":"gateway/main.go:41","msg":"starting notify-gateway","version":"3.4.1","commit":"a81c0de"}`;
  return {
    id: 'heldout84-configmap-yaml-mapping-values-error',
    class: 'config',
    truth: 'Someone ran kubectl edit on the ConfigMap notify-gateway-config 71 minutes ago and added an unquoted "sender: Acme Orders: no-reply@acme.example" (line 14 of config.yaml), a YAML syntax error; no rollout followed. The two pods started six days ago still run with the config they loaded, but the two pods re-created 41 minutes ago when a node was drained (and replaced) read the broken file and exit at once with "yaml: line 14: mapping values are not allowed in this context", crash-looping. Fix: quote the value in the ConfigMap; the revision is not the cause.',
    ask: { service: 'notify-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'notify-gateway', selector: { app: 'notify-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'notify-scheduler', selector: { app: 'notify-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 2, 0, 49),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 7), 0, 2, 48),
      ...broken.flatMap((p) => [
        event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 41, lastAgo: 41, component: 'replicaset-controller' }),
        scheduled(p, 41),
        ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 40.8, lastAgo: 2.6 }),
        backOff(p, 'app', { count: 180, firstAgo: 40.7 }),
      ]),
    ],
    logs: [
      ...broken.map((p) => logsFor(p, 'app', { previous: lines(start(2.7), `{"level":"info","ts":${(epochMs(2.7) / 1000).toFixed(3)},"caller":"config/load.go:22","msg":"loading config","path":"/etc/notify/config.yaml"}`, fatal(2.6)) })),
      ...[podOf(app, 0), podOf(app, 1)].map((p, i) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":${(epochMs(3.1 + i) / 1000).toFixed(3)},"caller":"email/sender.go:77","msg":"email sent","template":"order-shipped","dur_ms":${212 + i * 9}}`,
        `{"level":"info","ts":${(epochMs(1.4 + i) / 1000).toFixed(3)},"caller":"sms/twilio.go:64","msg":"sms sent","template":"otp","dur_ms":${340 + i * 17}}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mapping values|yaml|config\.yaml|notify-gateway-config|configmap/i],
      facts: [/mapping values are not allowed/i, lit('notify-gateway-config'), /line 14/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /notify-scheduler/],
    },
  };
}

// ---- 4. a new index-cleanup CronJob deleted the live Elasticsearch index -------------------------

function cleanupCronJobDeletedLiveIndex(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.210', ['33', '118', '9']);
  const apiImage = (v: string) => `${ECR}/search/catalog-search:${v}`;
  const esUrl = 'http://search-es.search.svc.cluster.local:9200';
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [3000], cpu: '300m', memory: '384Mi', env: [{ name: 'ES_NODE', value: esUrl }, { name: 'ES_INDEX_PREFIX', value: 'catalog-products-' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-search',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-search 2.14.0', template: apiTpl('2.14.0') },
      { revision: 22, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: catalog-search 2.14.1', template: apiTpl('2.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'search-es',
    replicas: 3,
    serviceName: 'search-es-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 1, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '1', memory: '4Gi', readiness: httpProbe('/_cluster/health?local=true', 9200), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, ordinal: k, node: names[k] ?? '', createdAgo: 23 * DAYS - k * 5 })),
  });
  const script = [
    'set -eu',
    'CUTOFF=$(date -u -d "@$(( $(date +%s) - RETENTION_DAYS * 86400 ))" +%Y.%m)',
    'echo "retention ${RETENTION_DAYS}d, deleting ${INDEX_PREFIX}* up to ${CUTOFF}"',
    'for idx in $(curl -sf "${ES_URL}/_cat/indices/${INDEX_PREFIX}*?h=index" | sort); do',
    '  d="${idx#${INDEX_PREFIX}}"',
    '  if [ "$d" \\< "$CUTOFF" ] || [ "$d" = "$CUTOFF" ]; then',
    '    echo "deleting $idx"; curl -sf -XDELETE "${ES_URL}/${idx}"; echo',
    '  else echo "keeping $idx"; fi',
    'done',
  ].join('\n');
  const cleanupContainer = batchContainer({ name: 'cleanup', image: 'docker.io/curlimages/curl:8.10.1', command: ['/bin/sh', '-c', script], cpu: '50m', memory: '64Mi', env: [{ name: 'ES_URL', value: esUrl }, { name: 'INDEX_PREFIX', value: 'catalog-products-' }, { name: 'RETENTION_DAYS', value: '7' }] });
  const cron = cronJob({
    namespace: ns,
    name: 'es-index-cleanup',
    schedule: '0 3 * * *',
    createdAgo: 13 * HOURS + 22,
    template: { containers: [cleanupContainer] },
    backoffLimit: 1,
    jobs: [{ createdAgo: 14, pods: [{ node: names[1] ?? '', createdAgo: 14, phase: 'Succeeded', containers: { cleanup: terminated({ exitCode: 0, finishedAgo: 13.9, ranSeconds: 3 }) } }], outcome: { complete: true, ago: 13.8 } }],
    lastSuccessfulAgo: 13.8,
  });
  const cronObj = cron.objects[0];
  const theJob = cron.jobs[0];
  const jobPod = theJob?.pods[0];
  const missing = 'catalog-products-2026.11';
  const esErr = (t: number, q: string, i: number) => `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(api.pods[i])}","reqId":"req-${(9000 + Math.round(t * 37)).toString(36)}","err":{"type":"ResponseError","message":"index_not_found_exception\\n\\tRoot causes:\\n\\t\\tindex_not_found_exception: no such index [${missing}]","statusCode":404},"msg":"search failed","query":"${q}"}`;
  const res = (t: number, q: string, i: number) => `{"level":30,"time":${epochMs(t - 0.005)},"pid":1,"hostname":"${nameOf(api.pods[i])}","req":{"method":"GET","url":"/v1/search?q=${q}"},"res":{"statusCode":500},"responseTime":${9 + i},"msg":"request completed"}`;
  const queries = ['rain+jacket', 'usb-c+hub', 'trail+shoes', 'desk+lamp', 'wool+socks'];
  const apiLog = (i: number) => {
    const out = [
      `{"level":30,"time":${epochMs(2 * HOURS + 8 - i)},"pid":1,"hostname":"${nameOf(api.pods[i])}","msg":"catalog-search 2.14.1 listening on :3000"}`,
      `{"level":30,"time":${epochMs(2 * HOURS + 8 - i)},"pid":1,"hostname":"${nameOf(api.pods[i])}","msg":"elasticsearch reachable","cluster":"search-es","version":"8.15.3"}`,
      `{"level":30,"time":${epochMs(15.5)},"pid":1,"hostname":"${nameOf(api.pods[i])}","req":{"method":"GET","url":"/v1/search?q=winter+boots"},"res":{"statusCode":200},"responseTime":${31 + i},"msg":"request completed"}`,
    ];
    for (let k = 0; k < 8; k++) {
      const t = 13.5 - k * 1.6 - i * 0.1;
      const q = queries[(k + i) % queries.length] ?? 'x';
      out.push(esErr(t, q, i), res(t, q, i));
    }
    return lines(...out);
  };
  const esMaster = podOf(es, 0);
  const esLog = lines(
    `{"@timestamp":"${at(3 * HOURS)}", "log.level": "INFO", "message":"[gc][1987344] overhead, spent [311ms] collecting in the last [1s]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[search-es-0][scheduler][T#1]","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"search-es-0","elasticsearch.cluster.name":"search-es"}`,
    `{"@timestamp":"${at(13.9)}", "log.level": "INFO", "message":"[catalog-products-2026.09/q3Lk0x2ZTe6bJ1vA9mR4sg] deleting index", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[search-es-0][masterService#updateTask][T#4]","log.logger":"org.elasticsearch.cluster.metadata.MetadataDeleteIndexService","elasticsearch.node.name":"search-es-0","elasticsearch.cluster.name":"search-es"}`,
    `{"@timestamp":"${at(13.9)}", "log.level": "INFO", "message":"[catalog-products-2026.10/Hn7c2WfKQy-8d0tZpE3u1A] deleting index", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[search-es-0][masterService#updateTask][T#4]","log.logger":"org.elasticsearch.cluster.metadata.MetadataDeleteIndexService","elasticsearch.node.name":"search-es-0","elasticsearch.cluster.name":"search-es"}`,
    `{"@timestamp":"${at(13.9)}", "log.level": "INFO", "message":"[catalog-products-2026.11/Zr5mYv0cS2a4pXkq7NbT3w] deleting index", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[search-es-0][masterService#updateTask][T#4]","log.logger":"org.elasticsearch.cluster.metadata.MetadataDeleteIndexService","elasticsearch.node.name":"search-es-0","elasticsearch.cluster.name":"search-es"}`,
  );
  return {
    id: 'heldout84-cleanup-cronjob-deleted-live-es-index',
    class: 'jobs',
    truth: 'An es-index-cleanup CronJob created yesterday afternoon ran for the first time at 03:00 UTC. Its cutoff is the month ("%Y.%m") of seven days ago, compared with "<=", so it deleted the live monthly index catalog-products-2026.11 along with the old ones. Since then every search of catalog-search (Running and Ready, its readiness does not touch the index) fails with index_not_found_exception "no such index [catalog-products-2026.11]". The 2.14.1 rollout two hours ago is not the cause. Fix: suspend the CronJob, fix its cutoff, recreate/reindex the index.',
    ask: { service: 'catalog-search', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...es.objects, ...cron.objects,
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'search-es', selector: { app: 'search-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 22), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 21), 0, 3, 2 * HOURS + 6),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(theJob?.objects[0])}`, 14),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(theJob?.objects[0])}, condition: Complete`, 13.8),
      jobEvent(theJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(jobPod)}`, 14),
      jobEvent(theJob?.objects[0], 'Completed', 'Job completed', 13.8),
      ...(jobPod ? startedNormally(jobPod, 'cleanup', 'docker.io/curlimages/curl:8.10.1', 14) : []),
    ],
    logs: [
      ...[0, 1, 2].map((i) => logsFor(podOf(api, i), 'app', { current: apiLog(i) })),
      logsFor(jobPod, 'cleanup', { current: lines(
        'retention 7d, deleting catalog-products-* up to 2026.11',
        'deleting catalog-products-2026.09', '{"acknowledged":true}',
        'deleting catalog-products-2026.10', '{"acknowledged":true}',
        'deleting catalog-products-2026.11', '{"acknowledged":true}',
      ) }),
      logsFor(esMaster, 'elasticsearch', { current: esLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index_not_found|no such index|index[^\n]*(deleted|missing|gone)|catalog-products-2026\.11/i, /es-index-cleanup|index-cleanup|cleanup|cron ?job/i],
      facts: [lit(missing), /index_not_found_exception|no such index/i, /es-index-cleanup/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /elasticsearch[^\n]*(down|unreachable|not running|crash)/i],
    },
  };
}

// ---- 5. a Flyway hook Job now runs as the least-privilege role -----------------------------------

function migrationMustBeOwner(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '161', '222']);
  const dbUrl = 'jdbc:postgresql://orders-db.cluster-c9k2xq1w7v.eu-west-1.rds.amazonaws.com:5432/orders';
  const settings = configMap({ namespace: ns, name: 'orders-db-settings', createdAgo: 210 * DAYS, updatedAgo: 3 * HOURS + 5, data: { DB_HOST: 'orders-db.cluster-c9k2xq1w7v.eu-west-1.rds.amazonaws.com', DB_NAME: 'orders', APP_DB_USER: 'orders_app', MIGRATION_DB_USER: 'orders_app' } });
  const flyway = 'docker.io/flyway/flyway:10.20.1';
  const migrate = batchContainer({
    name: 'flyway', image: flyway, args: ['-locations=filesystem:/flyway/sql/db/migration', '-connectRetries=10', 'migrate'], cpu: '200m', memory: '512Mi',
    env: [
      { name: 'FLYWAY_URL', value: dbUrl },
      { name: 'FLYWAY_USER', valueFrom: { configMapKeyRef: { name: 'orders-db-settings', key: 'MIGRATION_DB_USER' } } },
      { name: 'FLYWAY_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'migration-password' } } },
    ],
    volumeMounts: [{ name: 'migrations', mountPath: '/flyway/sql/db/migration', readOnly: true }],
  });
  const failedRun = (ago: number) => ({ node: names[ago > 6 ? 0 : 1] ?? '', createdAgo: ago, phase: 'Failed' as const, containers: { flyway: terminated({ exitCode: 1, reason: 'Error', finishedAgo: ago - 0.1, ranSeconds: 4 }) } });
  const j = job({
    namespace: ns,
    name: 'orders-db-migrate',
    template: { containers: [migrate], volumes: [{ name: 'migrations', configMap: { name: 'orders-db-migrations', defaultMode: 420 } }] },
    backoffLimit: 2,
    createdAgo: 9,
    pods: [failedRun(9), failedRun(8.7), failedRun(8)],
    outcome: { failed: 'BackoffLimitExceeded', ago: 7.8 },
  });
  const jobObj = j.objects[0] as k8s.V1Job;
  jobObj.metadata = { ...jobObj.metadata, annotations: { 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-weight': '-5', 'helm.sh/hook-delete-policy': 'before-hook-creation' }, labels: { ...jobObj.metadata?.labels, 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': 'orders', 'helm.sh/chart': 'orders-4.18.0' } };
  const migrations = configMap({ namespace: ns, name: 'orders-db-migrations', createdAgo: 9.5, data: {
    'V42__orders_status_index.sql': 'CREATE INDEX IF NOT EXISTS orders_status_created_idx ON orders (status, created_at);\n',
    'V43__add_fulfilment_sla_to_orders.sql': 'ALTER TABLE orders ADD COLUMN fulfilment_sla_hours integer;\nUPDATE orders SET fulfilment_sla_hours = 48 WHERE fulfilment_sla_hours IS NULL;\n',
  } });
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], memory: '768Mi', env: [{ name: 'DB_USER', valueFrom: { configMapKeyRef: { name: 'orders-db-settings', key: 'APP_DB_USER' } } }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'app-password' } } }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 15 * DAYS, template: apiTpl('4.16.2') },
      { revision: 41, createdAgo: 4 * DAYS, template: apiTpl('4.17.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const fly = () => lines(
    'Flyway OSS Edition 10.20.1 by Redgate',
    '',
    'See release notes here: https://rd.gt/416ObMi',
    `Database: ${dbUrl} (PostgreSQL 16.4)`,
    'Successfully validated 43 migrations (execution time 00:00.091s)',
    'Current version of schema "public": 42',
    'Migrating schema "public" to version "43 - add fulfilment sla to orders"',
    'ERROR: Migration of schema "public" to version "43 - add fulfilment sla to orders" failed! Changes successfully rolled back.',
    'ERROR: Migration V43__add_fulfilment_sla_to_orders.sql failed',
    '-------------------------------------------------------',
    'SQL State  : 42501',
    'Error Code : 0',
    'Message    : ERROR: must be owner of table orders',
    'Location   : db/migration/V43__add_fulfilment_sla_to_orders.sql (/flyway/sql/db/migration/V43__add_fulfilment_sla_to_orders.sql)',
    'Line       : 1',
    'Statement  : ALTER TABLE orders ADD COLUMN fulfilment_sla_hours integer',
  );
  return {
    id: 'heldout84-flyway-hook-must-be-owner',
    class: 'jobs',
    truth: 'Three hours ago the security hardening changed MIGRATION_DB_USER in the ConfigMap orders-db-settings from the schema owner to orders_app, the application\'s least-privilege role. The Helm pre-upgrade hook Job orders-db-migrate (Flyway 10.20.1) now connects as orders_app, and migration V43 (ALTER TABLE orders ADD COLUMN) fails with "ERROR: must be owner of table orders" (SQL state 42501); the three attempts fail and the Job stops with BackoffLimitExceeded, blocking the upgrade (orders-api stays on 4.17.0, healthy). Fix: run migrations as the owner role (or grant ownership), then re-run the upgrade.',
    ask: { service: 'orders-db-migrate', namespace: ns },
    objects: [
      ...nodes, ...j.objects, ...api.objects, settings, migrations,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...j.pods.map((p, i) => jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, [9, 8.7, 8][i] ?? 9)),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 7.8, 'Warning'),
      ...j.pods.flatMap((p, i) => startedNormally(p, 'flyway', flyway, [9, 8.7, 8][i] ?? 9)),
    ],
    logs: j.pods.map((p) => logsFor(p, 'flyway', { current: fly() })),
    expect: {
      verdict: 'problems',
      headline: [/must be owner|owner of (the )?table|privilege|permission|42501|orders_app/i],
      facts: [/must be owner of table orders/i, /orders_app/, /BackoffLimitExceeded|backoff limit/i],
      never: [/\bOOM/, /connection refused|timed? ?out|unreachable|password authentication failed/i, /checksum mismatch/i],
    },
  };
}

// ---- 6. AWS_REGION removed from the template --------------------------------------------------------

function awsRegionEnvRemoved(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.12', ['51', '190', '73']);
  const image = (v: string) => `${ECR}/billing/invoice-exporter:${v}`;
  const baseEnv = [
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    { name: 'EXPORT_BUCKET', value: 'acme-prod-invoice-exports' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({ serviceAccountName: 'invoice-exporter', containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', env, readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-exporter',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 9, createdAgo: 11 * DAYS, changeCause: 'argocd: invoice-exporter 3.3.2', template: tpl('3.3.2', [{ name: 'AWS_REGION', value: 'eu-west-1' }, ...baseEnv]) },
      { revision: 10, createdAgo: 24, changeCause: 'argocd: invoice-exporter 3.4.0', template: tpl('3.4.0', baseEnv) },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 11 * DAYS - 1 },
      { revision: 10, node: names[2] ?? '', createdAgo: 23.8, containers: { app: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 1.2, ranSeconds: 6 }, 8) } },
    ],
  });
  const fresh = podOf(app, 2);
  const envCm = configMap({ namespace: ns, name: 'invoice-exporter-env', createdAgo: 24.5, data: { AWS_REGION: 'eu-west-1', EXPORT_PREFIX: 'invoices/' } });
  const other = bystander(ns, 'billing-ledger', names, 44, { revisions: [18, 19], versions: ['7.1.0', '7.1.1'], olderAgo: 21 * DAYS });
  const region = 'Unable to load region from any of the providers in the chain software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain@6b5176f2: [software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider@5e0f2c82: Unable to load region from system settings. Region must be specified either via environment variable (AWS_REGION) or  system property (aws.region)., software.amazon.awssdk.regions.providers.AwsProfileRegionProvider@2f1f9515: No region provided in profile: default, software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider@4a8ab068: Unable to contact EC2 metadata service.]';
  const t = 1.3;
  const p = (s: string, lvl: string, thread: string, logger: string, msg: string) => `${sb(t)}  ${lvl} 1 --- [invoice-exporter] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const crashLog = lines(
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    p('', ' INFO', 'main', 'c.a.b.i.InvoiceExporterApplication', 'Starting InvoiceExporterApplication v3.4.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    p('', ' INFO', 'main', 'c.a.b.i.InvoiceExporterApplication', 'The following 1 profile is active: "prod"'),
    p('', ' INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    p('', ' INFO', 'main', 'w.s.c.ServletWebServerApplicationContext', 'Root WebApplicationContext: initialization completed in 1214 ms'),
    p('', ' WARN', 'main', 'ConfigServletWebServerApplicationContext', `Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'invoiceUploader' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/billing/invoice/export/InvoiceUploader.class]: Unsatisfied dependency expressed through constructor parameter 0: Error creating bean with name 's3Client' defined in class path resource [com/acme/billing/invoice/config/AwsConfig.class]: Failed to instantiate [software.amazon.awssdk.services.s3.S3Client]: Factory method 's3Client' threw exception with message: ${region}`),
    p('', ' INFO', 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    p('', ' INFO', 'main', '.s.b.a.l.ConditionEvaluationReportLogger', ''),
    '',
    'Error starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.',
    p('', 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    '',
    `org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'invoiceUploader': Unsatisfied dependency expressed through constructor parameter 0: Error creating bean with name 's3Client' defined in class path resource [com/acme/billing/invoice/config/AwsConfig.class]: Failed to instantiate [software.amazon.awssdk.services.s3.S3Client]: Factory method 's3Client' threw exception with message: ${region}`,
    '\tat org.springframework.beans.factory.support.ConstructorResolver.createArgumentArray(ConstructorResolver.java:795) ~[spring-beans-6.1.14.jar!/:6.1.14]',
    'Caused by: org.springframework.beans.BeanInstantiationException: Failed to instantiate [software.amazon.awssdk.services.s3.S3Client]: Factory method \'s3Client\' threw exception with message: Unable to load region from any of the providers in the chain',
    `Caused by: software.amazon.awssdk.core.exception.SdkClientException: ${region}`,
    '\tat software.amazon.awssdk.core.exception.SdkClientException$BuilderImpl.build(SdkClientException.java:111) ~[sdk-core-2.28.29.jar!/:na]',
    '\tat software.amazon.awssdk.regions.providers.AwsRegionProviderChain.getRegion(AwsRegionProviderChain.java:70) ~[regions-2.28.29.jar!/:na]',
    '\tat software.amazon.awssdk.awscore.client.builder.AwsDefaultClientBuilder.resolveRegion(AwsDefaultClientBuilder.java:296) ~[aws-core-2.28.29.jar!/:na]',
    '\tat com.acme.billing.invoice.config.AwsConfig.s3Client(AwsConfig.java:24) ~[!/:3.4.0]',
  );
  return {
    id: 'heldout84-aws-region-env-removed',
    class: 'config',
    truth: 'Revision 10 of invoice-exporter (3.4.0, 24 minutes ago) removed the AWS_REGION env var from the pod template; the value was moved into a new ConfigMap invoice-exporter-env that the template never references (no envFrom). The AWS SDK v2 S3 client finds no region in env, system properties or profile, and IMDS is not reachable from the pod, so Spring fails at startup with "Unable to load region from any of the providers in the chain" and the new pod crash-loops; the two revision-9 pods keep serving. Fix: reference the ConfigMap (envFrom) or restore AWS_REGION; roll back to revision 9 meanwhile.',
    ask: { service: 'invoice-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, envCm,
      ...exposed({ namespace: ns, name: 'invoice-exporter', selector: { app: 'invoice-exporter' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-ledger', selector: { app: 'billing-ledger' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 10), 1, 0, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 44),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 0, 2, 43),
      scheduled(fresh, 23.8),
      ...restartedAgain(fresh, 'app', image('3.4.0'), { count: 9, firstAgo: 23.6, lastAgo: 1.3 }),
      backOff(fresh, 'app', { count: 97, firstAgo: 23 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashLog }),
      ...[podOf(app, 0), podOf(app, 1)].map((q, i) => logsFor(q, 'app', { current: lines(
        `${sb(6 + i)}  INFO 1 --- [invoice-exporter] [   scheduling-1] c.a.b.i.export.InvoiceExportJob         : exported ${118 + i * 7} invoices to s3://acme-prod-invoice-exports/invoices/2026-11-21/`,
        `${sb(1 + i)}  INFO 1 --- [invoice-exporter] [   scheduling-1] c.a.b.i.export.InvoiceExportJob         : no pending invoices`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/region|AWS_REGION/i],
      facts: [/Unable to load region/i, /AWS_REGION/, /invoice-exporter-env|revision 10|3\.4\.0/i],
      never: [/\bOOM/, /IAM|access ?denied|credential|IRSA/i, /billing-ledger/],
    },
  };
}

// ---- 7. healthy control: SLF4J's "no providers" warning at start-up ---------------------------------

function healthySlf4jNoProviders(): CorpusScenario {
  const ns = 'rates';
  const { nodes, names } = threeEksNodes('10.0.150', ['27', '99', '241']);
  const image = (v: string) => `${ECR}/rates/rate-card-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [7070], cpu: '300m', memory: '640Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], readiness: httpProbe('/health', 7070), liveness: httpProbe('/health', 7070, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'rate-card-service',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'argocd: rate-card-service 4.2.0', template: tpl('4.2.0') },
      { revision: 27, createdAgo: 3 * HOURS + 40, changeCause: 'argocd: rate-card-service 4.2.1', template: tpl('4.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 3 * HOURS + 39 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 36, progressingSince: 3 * HOURS + 40, progressingUpdatedAgo: 3 * HOURS + 36 },
  });
  const other = bystander(ns, 'fx-feed', names, 5 * HOURS, { revisions: [3, 4], versions: ['1.0.7', '1.0.8'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const st = 3 * HOURS + 39 - k;
    return lines(
      'SLF4J(W): No SLF4J providers were found.',
      'SLF4J(W): Defaulting to no-operation (NOP) logger implementation',
      'SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details.',
      `${at(st - 0.05)} [main] rate-card-service 4.2.1 starting (Java 21.0.5, 2 CPUs)`,
      `${at(st - 0.04)} [main] loaded 1834 rate cards from rates-db in 812 ms`,
      `${at(st - 0.03)} [main] HTTP server listening on :7070`,
      `${at(12 + k)} [worker-3] GET /v1/rates/DE-PARCEL-S 200 4ms`,
      `${at(6 + k)} [worker-1] POST /v1/quotes 200 11ms`,
      `${at(0.5 + k * 0.1)} [worker-2] GET /v1/rates/FR-PALLET 200 5ms`,
    );
  };
  return {
    id: 'heldout84-healthy-slf4j-no-providers-warning',
    class: 'healthy',
    truth: 'rate-card-service (revision 27, 4.2.1, rolled out three hours ago) runs three ready pods without restarts and serves requests. Each start prints SLF4J\'s "No SLF4J providers were found / Defaulting to no-operation (NOP) logger implementation" warning because a library pulls slf4j-api without a binding; it only silences that library\'s logging and is harmless. Nothing is wrong.',
    ask: { service: 'rate-card-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rate-card-service', selector: { app: 'rate-card-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 7070 }], endpointPort: 7070 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 0, 3 * HOURS + 40),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 3, 3 * HOURS + 36),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('4.2.1'), 3 * HOURS + 39 - k)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally|no issues?|all .*ready/i],
      facts: [/rate-card-service/],
      never: [/slf4j[^\n]*(cause|fail|broke|problem|missing)/i, /\bNOP\b[^\n]*(cause|fail|problem)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  invalidImageNameFromBranch(),
  glibcBinaryOnAlpine(),
  configMapYamlSyntaxAfterDrain(),
  cleanupCronJobDeletedLiveIndex(),
  migrationMustBeOwner(),
  awsRegionEnvRemoved(),
  healthySlf4jNoProviders(),
];
