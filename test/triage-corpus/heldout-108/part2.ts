// Held-out stories, round 108, part two (written blind, without reading the analysis code):
// (containers) a review-apps namespace that crossed ~4,000 Services, so the service-link env
// vars the kubelet injects (enableServiceLinks left on) push the router's environment past the
// kernel's limit and every new container fails to start with "argument list too long" — it began
// when the namespace grew and the HPA scaled up, not with a rollout; (rollout) a legacy Python 3.6
// invoice worker whose revision 23 moved to an in-house UBI base image and dropped LANG/LC_ALL
// (C.UTF-8), so it dies on the first non-ASCII customer name with "UnicodeEncodeError: 'ascii'
// codec can't encode character"; (config) an Elasticsearch StatefulSet re-created as logging-es
// whose cluster.initial_master_nodes still lists the old es-logs-N pods, so its nodes stay
// Running but unready with "master not discovered yet"; (scheduling) a revision that sets the
// unsafe sysctl net.core.somaxconn the kubelets do not allow, so its pods are rejected with
// SysctlForbidden; (network, my choice) an egress-hardening NetworkPolicy whose DNS rule selects
// kube-dns pods without a namespaceSelector (so only in its own namespace): every lookup times
// out while CoreDNS is healthy; (capacity, my choice) a report exporter whose emptyDir scratch
// volume has sizeLimit 2Gi, evicted again and again since a tenant's year-long export started;
// and a healthy control: a Deployment paused mid-rollout on purpose, both revisions ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, coreDns, crashLoop, deploymentApp, event, exposed,
  execProbe, hpa, httpProbe, kubeletEviction, nameOf, networkPolicy, pvc, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, waiting, ago, uidOf, volumeOf, pv,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. thousands of Services: service-link env vars past ARG_MAX ------------------------------

function serviceLinksArgumentListTooLong(): CorpusScenario {
  const ns = 'review-apps';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const image = `${ECR}/platform/preview-router:3.4.1`;
  const tplOf = (img: string) => ({ containers: [container({ image: img, command: ['/usr/local/bin/docker-entrypoint.sh'], args: ['preview-router', '--listen=:8080'], ports: [8080], cpu: '200m', memory: '256Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const startErr = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/usr/local/bin/docker-entrypoint.sh": argument list too long: unknown';
  const app = deploymentApp({
    namespace: ns,
    name: 'preview-router',
    replicas: 5,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: preview-router 3.4.0', template: tplOf(`${ECR}/platform/preview-router:3.4.0`) },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: preview-router 3.4.1', template: tplOf(image) },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 12, node: names[2] ?? '', createdAgo: 3 * DAYS + 40, containers: { app: running({ sinceAgo: 3 * DAYS + 39, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS + 39.5, ranSeconds: 6 * 3600 } }) } },
      { revision: 12, node: names[0] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startErr, finishedAgo: 1.4, ranSeconds: 0 }, 9) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startErr, finishedAgo: 3.1, ranSeconds: 0 }, 9) } },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  // The namespace: one preview environment per open pull request, six Services each, created by CI.
  const components = ['web', 'api', 'worker-metrics', 'postgres', 'redis', 'mailhog'];
  const previews: KubeJson[] = [];
  for (let pr = 0; pr < 684; pr++) {
    const n = 18_200 + pr * 3;
    const createdAgo = 40 * DAYS - pr * 84.3;
    for (const c of components) {
      const port = c === 'postgres' ? 5432 : c === 'redis' ? 6379 : c === 'mailhog' ? 8025 : 80;
      previews.push(service({ namespace: ns, name: `pr-${n}-${c}`, selector: { 'preview/pr': String(n), 'app.kubernetes.io/component': c }, ports: [{ name: 'tcp', port, targetPort: port }], createdAgo: Math.max(31, createdAgo) }));
    }
  }
  const hpaObj = hpa({ namespace: ns, name: 'preview-router', target: { kind: 'Deployment', name: 'preview-router' }, min: 3, max: 8, current: 5, desired: 5, cpu: { current: 74, target: 70 }, lastScaleAgo: 26 });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'preview-janitor', names, 4 * DAYS, { revisions: [4, 5], versions: ['1.2.0', '1.3.0'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout108-service-links-argument-list-too-long',
    class: 'containers',
    truth: 'The review-apps namespace holds one preview environment per open pull request, six Services each; it passed ~4,100 Services today. preview-router leaves enableServiceLinks at its default (true), so the kubelet injects ~7 *_SERVICE_HOST/_PORT variables per Service into every container it starts, and the environment now exceeds the kernel\'s argument/environment size limit: the two pods the HPA added 26 minutes ago fail at exec with "argument list too long" (StartError, exit 128) and back off, while the three older pods, started when the namespace was smaller, keep serving. Nothing in preview-router changed (revision 12 is 9 days old). Fix: set enableServiceLinks: false on the pod template (and prune stale preview environments).',
    ask: { service: 'preview-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'preview-router', selector: { app: 'preview-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'preview-janitor', selector: { app: 'preview-janitor' }, pods: other.pods }),
      ...previews,
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'preview-router', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 26, lastAgo: 26, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 5, 3, 26),
      ...fresh.flatMap((p, i) => [
        scheduled(p, 26),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 10, firstAgo: 25.9, lastAgo: i === 0 ? 1.4 : 3.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: 10, firstAgo: 25.9, lastAgo: i === 0 ? 1.4 : 3.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Error: ${startErr}`, count: 10, firstAgo: 25.9, lastAgo: i === 0 ? 1.4 : 3.1, fieldPath: 'spec.containers{app}' }),
        backOff(p, 'app', { count: 112, firstAgo: 25.8, lastAgo: 0.3 }),
      ]),
      event({ on: podOf(app, 2), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(app, 2))}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 3 * DAYS + 40, lastAgo: 3 * DAYS + 39.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(
        `{"level":"info","ts":"${at(2.2 + k * 0.1)}","msg":"proxy","host":"pr-20211-web.preview.acme.dev","upstream":"pr-20211-web.review-apps.svc:80","status":200,"ms":${14 + k}}`,
        `{"level":"info","ts":"${at(1.1 + k * 0.1)}","msg":"routes reloaded","previews":684,"took_ms":${212 + k * 9}}`,
        `{"level":"info","ts":"${at(0.4 + k * 0.1)}","msg":"proxy","host":"pr-20246-api.preview.acme.dev","upstream":"pr-20246-api.review-apps.svc:80","status":200,"ms":${22 + k}}`,
      ) })),
      ...fresh.map((p) => logsFor(p, 'app', { current: '', previous: '' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/argument list too long|enableServiceLinks|service ?links|environment variables/i],
      facts: [/argument list too long/i, /enableServiceLinks|service links/i, /review-apps|\d,?\d{3} Services|thousands of Services|number of Services/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /exec format|wrong (cpu )?arch/i],
    },
  };
}

// ---- 2. a base-image change that dropped LANG/LC_ALL: UnicodeEncodeError ------------------------

function baseImageLostUtf8Locale(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.44', ['21', '167', '90']);
  const oldImage = `${ECR}/billing/invoice-renderer:2.19.4`;
  const newImage = `${ECR}/billing/invoice-renderer:2.20.0-ubi8`;
  const baseEnv = [
    { name: 'AMQP_URL', value: 'amqp://invoice-renderer@rabbitmq.billing.svc:5672/billing' },
    { name: 'QUEUE', value: 'invoices.render' },
    { name: 'OUTPUT_DIR', value: '/var/spool/invoices' },
  ];
  const worker = (img: string, env: k8s.V1EnvVar[]) => container({ name: 'worker', image: img, command: ['python3', '-m', 'renderer.worker'], ports: [], cpu: '300m', memory: '512Mi', env, readiness: null, liveness: null, volumeMounts: [{ name: 'spool', mountPath: '/var/spool/invoices' }] });
  const volumes = [{ name: 'spool', emptyDir: {} }];
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 17 * DAYS, changeCause: 'argocd: invoice-renderer 2.19.4', template: { containers: [worker(oldImage, [...baseEnv, { name: 'LANG', value: 'C.UTF-8' }, { name: 'LC_ALL', value: 'C.UTF-8' }, { name: 'PYTHONUNBUFFERED', value: '1' }])], volumes } },
      { revision: 23, createdAgo: 34, changeCause: 'argocd: invoice-renderer 2.20.0-ubi8 (base image python:3.6-slim-buster -> internal ubi8/python-36)', template: { containers: [worker(newImage, [...baseEnv, { name: 'PYTHONUNBUFFERED', value: '1' }])], volumes } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 33.5 - k * 0.4, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 0.8 + k * 1.3, ranSeconds: 4 + k }, 9 - (k === 2 ? 1 : 0)) } })),
    // No readiness probe: each new pod counted available while its first run lasted, so the rollout went through.
    settled: { available: false, availableSince: 32, progressingSince: 34, progressingUpdatedAgo: 32.8 },
  });
  const pods = app.pods;
  const crash = (k: number, t: number) => lines(
    `${pyTime(t + 0.07)} INFO renderer.worker: connected to amqp://rabbitmq.billing.svc:5672/billing, consuming invoices.render (prefetch=4)`,
    `${pyTime(t + 0.06)} INFO renderer.worker: rendering invoice INV-2026-${88412 + k * 37} (lang=en)`,
    `${pyTime(t + 0.05)} INFO renderer.worker: wrote /var/spool/invoices/INV-2026-${88412 + k * 37}.pdf (48211 bytes)`,
    `${pyTime(t + 0.03)} INFO renderer.worker: rendering invoice INV-2026-${88419 + k * 37} (lang=fr)`,
    `${pyTime(t + 0.02)} ERROR renderer.worker: unhandled error, exiting`,
    'Traceback (most recent call last):',
    '  File "/usr/lib64/python3.6/runpy.py", line 193, in _run_module_as_main',
    '    "__main__", mod_spec)',
    '  File "/opt/app-root/src/renderer/worker.py", line 141, in <module>',
    '    main()',
    '  File "/opt/app-root/src/renderer/worker.py", line 97, in on_message',
    '    path = render_pdf(invoice, out_dir=OUTPUT_DIR)',
    '  File "/opt/app-root/src/renderer/pdf.py", line 63, in render_pdf',
    `    with open(os.path.join(out_dir, f"{invoice.number}-{slug(invoice.customer)}.pdf"), "wb") as fh:`,
    `UnicodeEncodeError: 'ascii' codec can't encode character '${k === 1 ? '\\xfc' : k === 2 ? '\\xd8' : '\\xe9'}' in position ${k === 2 ? 37 : 38}: ordinal not in range(128)`,
  );
  const rabbit = deploymentApp({
    namespace: ns, name: 'rabbitmq', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13-management', ports: [{ name: 'amqp', containerPort: 5672 }], readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity']), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { timeoutSeconds: 15 }), memory: '1Gi' })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  return {
    id: 'heldout108-base-image-lost-utf8-locale',
    class: 'rollout',
    truth: 'Revision 23 of invoice-renderer (2.20.0-ubi8, 34 minutes ago) moved the legacy Python 3.6 worker from python:3.6-slim-buster (which sets LANG=C.UTF-8) to an internal UBI8 base, and the chart dropped the LANG/LC_ALL=C.UTF-8 env of revision 22. Python 3.6 now runs with the ASCII locale, so the first invoice whose customer name has a non-ASCII character (Société, Müller, Ørsted) raises "UnicodeEncodeError: \'ascii\' codec can\'t encode character" when writing the PDF file, the worker exits 1 and every pod crash-loops. Fix: set LANG/LC_ALL=C.UTF-8 (or PYTHONIOENCODING/UTF-8 mode) in the new base, or roll back to revision 22.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rabbit.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 3, 33.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 1, 33.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 2, 33.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 2, 33.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, 32.8),
      ...pods.flatMap((p, k) => [
        scheduled(p, 33.5 - k * 0.4),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${newImage}"`, firstAgo: 33.4 - k * 0.4, lastAgo: 33.4 - k * 0.4, fieldPath: 'spec.containers{worker}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${newImage}" in 7.204s (7.204s including waiting). Image size: 311408220 bytes.`, firstAgo: 33.3 - k * 0.4, lastAgo: 33.3 - k * 0.4, fieldPath: 'spec.containers{worker}' }),
        ...restartedAgain(p, 'worker', newImage, { count: k === 2 ? 9 : 10, firstAgo: 33.2 - k * 0.4, lastAgo: 0.9 + k * 1.3 }),
        backOff(p, 'worker', { count: 141 - k * 9, firstAgo: 33 - k * 0.4, lastAgo: 0.2 }),
      ]),
      event({ on: podOf(rabbit, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Error:\nunable to perform an operation on node \'rabbit@rabbitmq-0\'. Please see diagnostics information and suggestions below.', count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 1, fieldPath: 'spec.containers{rabbitmq}' }),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'worker', { previous: crash(k, 0.8 + k * 1.3), current: lines(`${pyTime(0.7 + k * 1.3)} INFO renderer.worker: connected to amqp://rabbitmq.billing.svc:5672/billing, consuming invoices.render (prefetch=4)`) })),
      logsFor(podOf(rabbit, 0), 'rabbitmq', { current: lines(`${at(2).replace('T', ' ').replace('Z', '+00:00')} [info] <0.28391.0> accepting AMQP connection <0.28391.0> (10.0.44.17:51204 -> 10.0.44.90:5672)`, `${at(1.9).replace('T', ' ').replace('Z', '+00:00')} [warning] <0.28391.0> closing AMQP connection <0.28391.0> (10.0.44.17:51204 -> 10.0.44.90:5672, vhost: 'billing', user: 'invoice-renderer'):`, 'client unexpectedly closed TCP connection') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnicodeEncodeError|'?ascii'? codec|LANG|LC_ALL|locale|encod/i, /revision 23|2\.20\.0|ubi8|base image/i],
      facts: [/UnicodeEncodeError|'ascii' codec/i, /LANG|LC_ALL|C\.UTF-8|locale/i],
      never: [/\bOOM/, /rabbitmq[^\n]*(is down|unreachable|unavailable)/i, /liveness probe (fail|kill)/i],
    },
  };
}

// ---- 3. Elasticsearch re-created under a new name: stale cluster.initial_master_nodes ----------

function elasticsearchStaleInitialMasters(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.130', ['33', '158', '229']);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const esYml = [
    'cluster.name: logging',
    'network.host: 0.0.0.0',
    'node.roles: [ master, data, ingest ]',
    'discovery.seed_hosts: logging-es-headless',
    'cluster.initial_master_nodes: es-logs-0,es-logs-1,es-logs-2',
    'xpack.security.enabled: false',
    'path.data: /usr/share/elasticsearch/data',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'logging-es-config', createdAgo: 52, data: { 'elasticsearch.yml': esYml } });
  const readinessCmd = ['bash', '-c', 'set -e\nhttp () { curl -s -XGET "http://127.0.0.1:9200$1" -m 1; }\nif [ -f /tmp/.es_start_file ]; then http "/_cluster/health?timeout=0s" >/dev/null; else echo \'Waiting for elasticsearch cluster to become ready (request params: "wait_for_status=green&timeout=1s" )\'; if http "/_cluster/health?wait_for_status=green&timeout=1s"; then touch /tmp/.es_start_file; exit 0; else echo \'Cluster is not yet ready (request params: "wait_for_status=green&timeout=1s" )\'; exit 1; fi; fi'];
  const es = container({
    name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '1', memory: '4Gi',
    env: [{ name: 'node.name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'ES_JAVA_OPTS', value: '-Xms2g -Xmx2g' }],
    readiness: execProbe(readinessCmd, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }), liveness: null,
    volumeMounts: [{ name: 'esconfig', mountPath: '/usr/share/elasticsearch/config/elasticsearch.yml', subPath: 'elasticsearch.yml' }, { name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'logging-es', replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'logging-es-headless', createdAgo: 52,
    revisions: [{ revision: 1, createdAgo: 52, template: { containers: [es], volumes: [{ name: 'esconfig', configMap: { name: 'logging-es-config', defaultMode: 420 } }], securityContext: { fsGroup: 1000, runAsUser: 1000 } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 1, ordinal: i, node: names[i] ?? '', createdAgo: 51.5, ready: false, containers: { elasticsearch: running({ sinceAgo: 50.8, ready: false }) } })),
  });
  const claims: KubeJson[] = [];
  for (let i = 0; i < 3; i++) {
    const zone = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a';
    for (const [sts0, age] of [['logging-es', 52], ['es-logs', 210 * DAYS]] as const) {
      const claim = `data-${sts0}-${i}`;
      claims.push(pvc({ namespace: ns, name: claim, storage: '100Gi', storageClass: 'gp3', phase: 'Bound', volumeName: volumeOf(ns, claim), createdAgo: age }));
      claims.push(pv({ name: volumeOf(ns, claim), storage: '100Gi', zone, claim: { namespace: ns, name: claim }, storageClass: 'gp3', createdAgo: age }));
    }
  }
  const pods = sts.pods;
  const ip = (i: number) => ipOfPod(pods[i]);
  const disc = pods.map((p, i) => `{${nameOf(p)}}{${uidOf(`esnode/${i}`).slice(0, 22)}}{${uidOf(`eseph/${i}`).slice(0, 22)}}{${nameOf(p)}}{${ip(i)}}{${ip(i)}:9300}{dim}{8.15.3}{7000099-8512000}`).join(', ');
  const esLog = (i: number) => {
    const node = nameOf(pods[i]);
    const out = [
      `{"@timestamp":"${at(50.6)}", "log.level": "INFO", "message":"version[8.15.3], pid[7], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9-70]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"logging"}`,
      `{"@timestamp":"${at(50.1)}", "log.level": "INFO", "message":"publish_address {${ip(i)}:9300}, bound_addresses {[::]:9300}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.transport.TransportService","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"logging"}`,
      `{"@timestamp":"${at(50)}", "log.level": "INFO", "message":"this node is locked into cluster UUID [_na_] and will not attempt further cluster bootstrapping", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.cluster.coordination.ClusterBootstrapService","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"logging"}`,
    ];
    for (let m = 0; m < 12; m++) {
      const t = 4.5 - m * 0.33 - i * 0.02;
      out.push(`{"@timestamp":"${at(t)}", "log.level": "WARN", "message":"master not discovered yet, this node has not previously joined a bootstrapped cluster, and this node must discover master-eligible nodes [es-logs-0, es-logs-1, es-logs-2] to bootstrap a cluster: have discovered [${disc}]; discovery will continue using [${[0, 1, 2].filter((j) => j !== i).map((j) => `${ip(j)}:9300`).join(', ')}] from hosts providers and [{${node}}] from last-known cluster state; node term 0, last-accepted version 0 in term 0; for troubleshooting guidance, see https://www.elastic.co/guide/en/elasticsearch/reference/8.15/discovery-troubleshooting.html", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${node}][cluster_coordination][T#1]","log.logger":"org.elasticsearch.cluster.coordination.ClusterFormationFailureHelper","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"logging"}`);
    }
    return lines(...out);
  };
  const kibanaImage = 'docker.elastic.co/kibana/kibana:8.15.3';
  const kibana = deploymentApp({
    namespace: ns, name: 'kibana', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 52, template: { containers: [container({ name: 'kibana', image: kibanaImage, ports: [{ name: 'http', containerPort: 5601 }], env: [{ name: 'ELASTICSEARCH_HOSTS', value: 'http://logging-es:9200' }], readiness: httpProbe('/app/kibana', 5601), liveness: null, memory: '1Gi' })] } }],
    pods: [{ revision: 2, node: names[1] ?? '', createdAgo: 51, ready: false, containers: { kibana: running({ sinceAgo: 50.5, ready: false }) } }],
  });
  return {
    id: 'heldout108-elasticsearch-stale-initial-master-nodes',
    class: 'config',
    truth: 'The Elasticsearch cluster was re-installed 52 minutes ago as StatefulSet logging-es (it was es-logs), with values copied from the old release: the ConfigMap logging-es-config still sets cluster.initial_master_nodes to es-logs-0,es-logs-1,es-logs-2. The new pods logging-es-0/1/2 find each other but none is named in the bootstrap list, so the cluster never bootstraps: they stay Running but unready, logging "master not discovered yet … must discover master-eligible nodes [es-logs-0, es-logs-1, es-logs-2]". Fix: set cluster.initial_master_nodes to logging-es-0,logging-es-1,logging-es-2 (fresh data volumes, so bootstrapping is safe) and restart the pods.',
    ask: { service: 'logging-es', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, cm, ...claims, ...kibana.objects,
      service({ namespace: ns, name: 'logging-es-headless', selector: { app: 'logging-es' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 'http' }, { name: 'transport', port: 9300, targetPort: 'transport' }], createdAgo: 52 }),
      ...exposed({ namespace: ns, name: 'logging-es', selector: { app: 'logging-es' }, pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200, createdAgo: 52 }),
      ...exposed({ namespace: ns, name: 'kibana', selector: { app: 'kibana' }, pods: kibana.pods, ports: [{ name: 'http', port: 5601, targetPort: 'http' }], endpointPort: 5601, createdAgo: 52 }),
      event({ on: { kind: 'StatefulSet', name: 'logging-es', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod logging-es-0 in StatefulSet logging-es successful', firstAgo: 51.5, lastAgo: 51.5, component: 'statefulset-controller' }),
      ...pods.flatMap((p) => [
        ...startedNormally(p, 'elasticsearch', image, 51.5).slice(0, 1),
        event({ on: p, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, `data-${nameOf(p)}`)}" `, firstAgo: 51.2, lastAgo: 51.2, component: 'attachdetach-controller' }),
        ...startedNormally(p, 'elasticsearch', image, 50.8).slice(1),
        event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: Waiting for elasticsearch cluster to become ready (request params: "wait_for_status=green&timeout=1s" )\nCluster is not yet ready (request params: "wait_for_status=green&timeout=1s" )', count: 298, firstAgo: 50.5, lastAgo: 0.1, fieldPath: 'spec.containers{elasticsearch}' }),
      ]),
      event({ on: podOf(kibana, 0), reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 290, firstAgo: 50, lastAgo: 0.2, fieldPath: 'spec.containers{kibana}' }),
    ],
    logs: [
      ...pods.map((p, i) => logsFor(p, 'elasticsearch', { current: esLog(i) })),
      logsFor(podOf(kibana, 0), 'kibana', { current: lines(`[${at(3).replace('Z', '+00:00')}][ERROR][elasticsearch-service] Unable to retrieve version information from Elasticsearch nodes. master_not_discovered_exception\n\tRoot causes:\n\t\tmaster_not_discovered_exception: null`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/initial_master_nodes|es-logs|master not discovered|bootstrap/i],
      facts: [/master not discovered/i, /es-logs-0/, /initial_master_nodes/],
      never: [/\bOOM/, /max_map_count/i, /disk (is )?full|(flood[- ]stage|high) (disk )?watermark (exceeded|reached)/i],
    },
  };
}

// ---- 4. an unsafe sysctl the kubelets do not allow: SysctlForbidden ---------------------------

function unsafeSysctlForbidden(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.212', ['8', '119', '240']);
  const image = (v: string) => `${ECR}/edge/ws-gateway:${v}`;
  const c = (v: string) => container({ image: image(v), ports: [8080], cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) });
  const sysctlMsg = 'Pod forbidden sysctl: "net.core.somaxconn" not allowlisted';
  const rejected = Array.from({ length: 24 }, (_, j) => ({ revision: 15, node: names[j % 3] ?? '', createdAgo: 31 - j * 1.3, phase: 'Failed' as const, reason: 'SysctlForbidden', message: sysctlMsg, ready: false, sandbox: false, containers: { app: waiting('ContainerCreating') } }));
  const app = deploymentApp({
    namespace: ns, name: 'ws-gateway', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: ws-gateway 5.8.2', template: { containers: [c('5.8.2')], securityContext: { runAsNonRoot: true, runAsUser: 10001 } } },
      { revision: 15, createdAgo: 31, changeCause: 'argocd: ws-gateway 5.9.0 (tune listen backlog)', template: { containers: [c('5.9.0')], securityContext: { runAsNonRoot: true, runAsUser: 10001, sysctls: [{ name: 'net.core.somaxconn', value: '4096' }] } } },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 12 * DAYS - k })),
      ...rejected,
    ],
  });
  // A pod the kubelet rejects at admission never gets containers: no statuses, no IP.
  const failed = app.pods.slice(4);
  for (const p of failed) if (p.status) { delete p.status.containerStatuses; p.status.conditions = (p.status.conditions ?? []).filter((x) => x.type === 'PodScheduled'); }
  const other = bystander(ns, 'ws-presence', names, 3 * HOURS, { revisions: [30, 31], versions: ['2.0.7', '2.0.8'], olderAgo: 20 * DAYS });
  return {
    id: 'heldout108-unsafe-sysctl-forbidden',
    class: 'scheduling',
    truth: 'Revision 15 of ws-gateway (5.9.0, 31 minutes ago) added securityContext.sysctls net.core.somaxconn=4096 to raise the listen backlog. net.core.somaxconn is not in the kubelet\'s safe sysctl set and the node groups do not pass --allowed-unsafe-sysctls, so every kubelet rejects the new pods at admission (SysctlForbidden, phase Failed) and the ReplicaSet keeps creating replacements; the rollout is stuck with the four revision-14 pods serving. Fix: drop the sysctl (or allow net.core.somaxconn on a dedicated node group via allowedUnsafeSysctls and schedule there).',
    ask: { service: 'ws-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ws-gateway', selector: { app: 'ws-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ws-presence', selector: { app: 'ws-presence' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 31),
      ...failed.flatMap((p, j) => [
        scheduled(p, 31 - j * 1.3),
        event({ on: p, reason: 'SysctlForbidden', message: 'forbidden sysctl: "net.core.somaxconn" not allowlisted', firstAgo: 31 - j * 1.3 - 0.01, lastAgo: 31 - j * 1.3 - 0.01 }),
        event({ on: { kind: 'ReplicaSet', name: rsOf(app, 15), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 31 - j * 1.3, lastAgo: 31 - j * 1.3, component: 'replicaset-controller' }),
      ]),
    ],
    logs: [0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: lines(
      `time=${at(1.5 + k * 0.1)} level=INFO msg="ws session closed" conn_id=c-${81230 + k} duration=4m12s reason=client_close`,
      `time=${at(0.6 + k * 0.1)} level=INFO msg="ws upgrade" path=/v1/stream remote=10.0.212.${30 + k} conns=${1800 + k * 41}`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/sysctl|SysctlForbidden/i, /somaxconn|revision 15|sysctl/i],
      facts: [/net\.core\.somaxconn/, /not allowlisted|allowed-unsafe-sysctls|allowedUnsafeSysctls|unsafe/i, /revision 15|5\.9\.0/],
      never: [/\bOOM/, /Insufficient (cpu|memory)/i, /quota/i],
    },
  };
}

// ---- 5. (network, my choice) a DNS egress rule that only selects kube-dns in its own namespace --

function dnsEgressRuleWithoutNamespaceSelector(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58', ['12', '171', '236']);
  const image = (v: string) => `${ECR}/orders/order-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '384Mi', env: [{ name: 'DB_HOST', value: 'orders-db.orders.svc.cluster.local' }, { name: 'PAYMENTS_URL', value: 'http://payments-api.payments.svc.cluster.local' }], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: order-api 7.3.0', template: tpl('7.3.0') },
      { revision: 58, createdAgo: 2 * DAYS, changeCause: 'argocd: order-api 7.3.1', template: tpl('7.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 2 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 44, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1, serviceName: 'orders-db',
    revisions: [{ revision: 2, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: null, memory: '2Gi' })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const policies = [
    networkPolicy({ namespace: ns, name: 'default-deny-egress', createdAgo: 45, podSelector: {}, policyTypes: ['Egress'] }),
    networkPolicy({ namespace: ns, name: 'allow-dns', createdAgo: 45, podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }] }),
    networkPolicy({ namespace: ns, name: 'allow-orders-db', createdAgo: 45, podSelector: { app: 'order-api' }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'orders-db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] }),
    networkPolicy({ namespace: ns, name: 'allow-payments-egress', createdAgo: 45, podSelector: { app: 'order-api' }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } }, podSelector: { matchLabels: { app: 'payments-api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] }),
    networkPolicy({ namespace: ns, name: 'allow-ingress-from-gateway', createdAgo: 200 * DAYS, podSelector: { app: 'order-api' }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] }),
  ];
  const dns = coreDns(names.slice(0, 2).map((n) => ({ node: n, createdAgo: 20 * DAYS })));
  const pods = app.pods;
  const apiLog = (k: number) => {
    const ip = ipOfPod(pods[k]);
    const out: string[] = [`{"level":"info","ts":"${at(2 * DAYS - k - 0.2)}","msg":"order-api listening","addr":":8080","version":"7.3.1"}`];
    for (let i = 0; i < 10; i++) {
      const t = 44 - i * 4.3 - k * 0.1;
      const port = 40000 + ((i * 7919 + k * 313) % 20000);
      out.push(`{"level":"error","ts":"${at(t)}","msg":"readiness check failed","check":"postgres","error":"failed to connect to \`host=orders-db.orders.svc.cluster.local user=orders database=orders\`: hostname resolving error (lookup orders-db.orders.svc.cluster.local on 172.20.0.10:53: read udp ${ip}:${port}->172.20.0.10:53: i/o timeout)"}`);
      if (i % 3 === 1) out.push(`{"level":"error","ts":"${at(t - 0.1)}","msg":"POST /v1/orders","status":503,"error":"Post \\"http://payments-api.payments.svc.cluster.local/v1/authorize\\": dial tcp: lookup payments-api.payments.svc.cluster.local on 172.20.0.10:53: read udp ${ip}:${port + 1}->172.20.0.10:53: i/o timeout","dur_ms":10004}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout108-dns-egress-without-namespace-selector',
    class: 'network',
    truth: 'An egress-hardening change 45 minutes ago added default-deny-egress and allow-dns to the orders namespace. allow-dns lets pods reach pods labelled k8s-app=kube-dns with a podSelector but no namespaceSelector, which only selects such pods in orders itself; CoreDNS runs in kube-system, so every DNS query from order-api times out ("lookup … on 172.20.0.10:53: i/o timeout"), its readiness check cannot reach orders-db by name, and all three pods went unready, leaving the Service without endpoints. CoreDNS and the app (revision 58, two days old) are fine. Fix: add namespaceSelector kubernetes.io/metadata.name=kube-system to the allow-dns peer.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...policies, ...dns.objects,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...pods.map((p) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 262, firstAgo: 44, lastAgo: 0.1, fieldPath: 'spec.containers{app}' })),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/allow-dns|NetworkPolicy|egress|DNS|:53|kube-dns/i],
      facts: [/allow-dns|default-deny-egress/, /i\/o timeout|172\.20\.0\.10/, /namespaceSelector|kube-system/],
      never: [/NXDOMAIN|no such host/i, /coredns[^\n]*(down|crash|unhealthy|overloaded)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. (capacity, my choice) an emptyDir sizeLimit that a big export outgrows: evictions ------

function emptyDirSizeLimitEvictions(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.150', ['27', '94', '222']);
  const image = `${ECR}/analytics/report-exporter:4.2.2`;
  const tplOf = (img: string) => ({ containers: [container({ image: img, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'SCRATCH_DIR', value: '/scratch' }, { name: 'S3_BUCKET', value: 'acme-analytics-exports' }], volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] })], volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '2Gi' } }] });
  const evictMsg = 'Usage of EmptyDir volume "scratch" exceeds the limit "2Gi". ';
  const evictedAt = [61, 47, 33, 19, 6];
  const app = deploymentApp({
    namespace: ns, name: 'report-exporter', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 30 * DAYS, changeCause: 'argocd: report-exporter 4.2.1', template: tplOf(`${ECR}/analytics/report-exporter:4.2.1`) },
      { revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: report-exporter 4.2.2', template: tplOf(image) },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 6 * DAYS },
      ...evictedAt.map((t, j) => ({ revision: 9, node: names[(j + 1) % 3] ?? '', createdAgo: j === 0 ? 6 * DAYS - 1 : evictedAt[j - 1] ?? 0, ...kubeletEviction(evictMsg, t), ready: false, sandbox: false, containers: { app: { state: { terminated: { exitCode: 137, reason: 'Error', startedAt: ago(j === 0 ? 6 * DAYS - 1 : (evictedAt[j - 1] ?? 0) - 0.1), finishedAt: ago(t - 0.5), containerID: `containerd://${uidOf(`ev/${j}`).replace(/-/g, '')}` } }, ready: false, restartCount: 0, started: false } } })),
      { revision: 9, node: names[2] ?? '', createdAgo: 6, containers: { app: running({ sinceAgo: 5.9 }) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const evicted = app.pods.slice(1, 1 + evictedAt.length);
  const live = [podOf(app, 0), podOf(app, 1 + evictedAt.length)];
  const other = bystander(ns, 'dashboards-api', names, 50, { revisions: [19, 20], versions: ['3.0.4', '3.1.0'], olderAgo: 12 * DAYS });
  const exportLog = (from: number, to: number, part0: number) => {
    const out: string[] = [`${pyTime(from)} INFO exporter.jobs: starting export job exp-7f3a1c tenant=acme-retail range=2025-11-01..2026-10-31 format=csv.gz rows=48112930 attempt=6 (previous attempt did not finish; scratch parts lost)`];
    let part = part0;
    for (let t = from - 1.5; t > to; t -= 2.2) {
      part += 1;
      out.push(`${pyTime(t)} INFO exporter.writer: spooled part ${part} to /scratch/exp-7f3a1c/part-${String(part).padStart(5, '0')}.csv (rows=1000000, 212.4 MiB); scratch usage ${(Math.min(2.04, 0.2 + (part - part0) * 0.207)).toFixed(2)} GiB`);
      if ((part - part0) % 4 === 0) out.push(`${pyTime(t - 0.3)} INFO exporter.merge: waiting for all parts before compress+upload to s3://acme-analytics-exports/acme-retail/exp-7f3a1c.csv.gz`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout108-emptydir-size-limit-evictions',
    class: 'capacity',
    truth: 'report-exporter spools export parts to an emptyDir "scratch" with sizeLimit 2Gi and only compresses and uploads once all parts are written. A year-long export for tenant acme-retail (48M rows, ~10 GiB of parts) started about 75 minutes ago; each pod that picks it up fills /scratch past 2Gi within ~15 minutes and the kubelet evicts it ("Usage of EmptyDir volume \\"scratch\\" exceeds the limit \\"2Gi\\""); the replacement resumes the same job and is evicted again (five evictions so far). The nodes have no disk pressure and revision 9 is six days old. Fix: raise the sizeLimit / use a PVC for scratch, or stream parts to S3 (multipart) instead of spooling them.',
    ask: { service: 'report-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-exporter', selector: { app: 'report-exporter' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dashboards-api', selector: { app: 'dashboards-api' }, pods: other.pods }),
      ...evicted.flatMap((p, j) => [
        event({ on: p, reason: 'Evicted', message: evictMsg, firstAgo: evictedAt[j] ?? 0, lastAgo: evictedAt[j] ?? 0 }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: evictedAt[j] ?? 0, lastAgo: evictedAt[j] ?? 0, fieldPath: 'spec.containers{app}' }),
        event({ on: { kind: 'ReplicaSet', name: rsOf(app, 9), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(app.pods[j + 2])}`, firstAgo: evictedAt[j] ?? 0, lastAgo: evictedAt[j] ?? 0, component: 'replicaset-controller' }),
      ]),
      ...startedNormally(podOf(app, 1 + evictedAt.length), 'app', image, 6),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(live[0], 'app', { current: lines(`${pyTime(3)} INFO exporter.jobs: export job exp-7f29d0 tenant=nordlicht range=2026-10-01..2026-10-31 rows=812044 uploaded s3://acme-analytics-exports/nordlicht/exp-7f29d0.csv.gz`, `${pyTime(0.5)} INFO exporter.http: GET /ready 200`) }),
      logsFor(live[1], 'app', { current: exportLog(5.8, 0.2, 0) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/emptyDir|scratch|sizeLimit|ephemeral|2Gi|evict/i],
      facts: [/Evicted|evict/i, /exceeds the limit|2Gi|sizeLimit/],
      never: [/(under|has|have|with) (DiskPressure|disk pressure)|DiskPressure=True/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. healthy control: a Deployment paused mid-rollout on purpose ---------------------------

function pausedMidRollout(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.20', ['40', '118', '199']);
  const image = (v: string) => `${ECR}/storefront/web-frontend:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '250m', memory: '384Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'web-frontend', replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 8 * DAYS, changeCause: 'argocd: web-frontend 1.7.6', template: tpl('1.7.6') },
      { revision: 42, createdAgo: 95, changeCause: 'web-frontend 1.8.0 canary: paused after 2 pods for observation (CHG-4412)', template: tpl('1.8.0') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 42, node: names[1] ?? '', createdAgo: 95 },
      { revision: 42, node: names[2] ?? '', createdAgo: 93.5 },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(8 * DAYS), lastTransitionTime: ago(8 * DAYS) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(92), lastTransitionTime: ago(92) },
    ],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec) dep.spec.paused = true;
  const pods = app.pods;
  const other = bystander(ns, 'cart-api', names, 5 * DAYS, { revisions: [64, 65], versions: ['9.1.2', '9.2.0'], olderAgo: 18 * DAYS });
  const ngLog = (p: k8s.V1Pod, v: string) => lines(
    `{"level":30,"time":${ago(1.4).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"GET /products/trail-runner-2 200 84ms","version":"${v}"}`,
    `{"level":30,"time":${ago(0.7).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"GET /cart 200 41ms","version":"${v}"}`,
    `{"level":30,"time":${ago(0.2).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"GET /api/health 200 2ms","version":"${v}"}`,
  );
  return {
    id: 'heldout108-paused-mid-rollout-control',
    class: 'healthy',
    truth: 'Healthy. web-frontend 1.8.0 (revision 42) was started as a manual canary 95 minutes ago and paused on purpose (spec.paused: true, CHG-4412) after two new pods: two revision-42 pods and four revision-41 pods are all ready and in the Service, traffic is served normally. Progressing=Unknown/DeploymentPaused is the expected state of a paused Deployment, not a stuck rollout.',
    ask: { service: 'web-frontend', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'web-frontend', selector: { app: 'web-frontend' }, pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 95),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 5, 6, 94.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 2, 1, 93.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 4, 5, 92.6),
      ...startedNormally(podOf(app, 4), 'app', image('1.8.0'), 95),
      ...startedNormally(podOf(app, 5), 'app', image('1.8.0'), 93.5),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:3000/api/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', { current: ngLog(p, k >= 4 ? '1.8.0' : '1.7.6') })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|paused|no (problems|issues)|serving|ready/i],
      facts: [/paused/i],
      never: [/ProgressDeadlineExceeded|(rollout|deployment) (is )?(stuck|stalled)|failed rollout/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  serviceLinksArgumentListTooLong(),
  baseImageLostUtf8Locale(),
  elasticsearchStaleInitialMasters(),
  unsafeSysctlForbidden(),
  dnsEgressRuleWithoutNamespaceSelector(),
  emptyDirSizeLimitEvictions(),
  pausedMidRollout(),
];
