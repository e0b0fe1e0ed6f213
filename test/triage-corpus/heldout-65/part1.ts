// Held-out stories, sixty-fifth round, part one: an order-export service whose revision 18 stopped
// clearing its Elasticsearch scrolls, so the cluster refuses every new scroll ("Trying to create
// too many scroll contexts", search.max_open_scroll_context 500) and the exporter and the invoice
// archiver fail; a RabbitMQ 3.13 → 4.0 upgrade after which quorum queues carry the default
// delivery-limit of 20, so invoices a worker keeps nack-requeueing on a transient renderer error
// are dropped (no dead-letter exchange) and silently lost; a ZooKeeper ensemble refusing an app's
// pods with "Too many connections from /10.x - max is 60" after its revision 42 builds a Curator
// client per request and never closes it; a Go service rebuilt with Go 1.23 (go directive 1.22)
// whose ServeMux patterns now conflict, so revision 57 panics at start; a Rails app whose base
// image moved to Ruby 3.2 where File.exists? is gone, so an initializer crashes boot; a kustomize
// configMapGenerator ConfigMap that an Argo CD prune deleted while the paused rollout's older
// ReplicaSet still references it, so its pods recreated by a node drain fail with
// CreateContainerConfigError; and a healthy control: a Go API that warns a few times an hour that
// it could not refresh the identity provider's JWKS and keeps using its valid cached keys.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, cronJob, deploymentApp, epochMs, event, exposed,
  httpProbe, nameOf, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, statefulSetApp, tcpProbe, waiting, execProbe, terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** logback / log4j time: `2026-11-21 03:12:41,563`. */
const jTime = (m: number): string => pyTime(m);
/** RabbitMQ's (Erlang logger) time: `2026-11-21 03:12:41.563412+00:00`. */
const rmqTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '412+00:00');

// ---- 1. Elasticsearch scroll contexts leaked by the exporter's revision 18 ---------------------------

function esScrollContextsExhausted(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '210']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'es-search',
    replicas: 3,
    serviceName: 'es-search-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 6, createdAgo: 34 * DAYS, template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, cpu: '2', memory: '8Gi',
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          env: [{ name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }, { name: 'cluster.name', value: 'reporting-search' }, { name: 'discovery.seed_hosts', value: 'es-search-headless' }],
          readiness: execProbe(['bash', '-c', 'curl -s -k "http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s"'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('transport', { initialDelaySeconds: 90 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 34 * DAYS - k * 4 })),
  });
  const exImage = (v: string) => `${ECR}/reporting/order-export:${v}`;
  const exTpl = (v: string) => ({
    containers: [container({
      image: exImage(v), cpu: '500m', memory: '1Gi',
      env: [
        { name: 'ES_URL', value: 'http://es-search.reporting.svc.cluster.local:9200' },
        { name: 'EXPORT_SCROLL_KEEPALIVE', value: '30m' },
        { name: 'EXPORT_SCROLL_SLICES', value: '4' },
        { name: 'EXPORT_WORKERS', value: '8' },
      ],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const exporter = deploymentApp({
    namespace: ns,
    name: 'order-export',
    replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: order-export 2.6.1', template: exTpl('2.6.1') },
      { revision: 18, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: order-export 2.7.0', template: exTpl('2.7.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 2 * HOURS + 39 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 37, progressingSince: 2 * HOURS + 40, progressingUpdatedAgo: 2 * HOURS + 37 },
  });
  const archImage = `${ECR}/reporting/invoice-archiver:1.12.4`;
  const archiver = deploymentApp({
    namespace: ns,
    name: 'invoice-archiver',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 23 * DAYS, changeCause: 'argocd: invoice-archiver 1.12.4', template: { containers: [container({ image: archImage, memory: '512Mi', env: [{ name: 'ES_URL', value: 'http://es-search.reporting.svc.cluster.local:9200' }] })] } }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 23 * DAYS }],
  });
  const search = bystander(ns, 'report-search-api', names, 3 * DAYS, { revisions: [30, 31], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const limitMsg = 'Trying to create too many scroll contexts. Must be less than or equal to: [500]. This limit can be set by changing the [search.max_open_scroll_context] setting.';
  const exLog = (k: number) => {
    const out: string[] = [
      `${pyTime(2 * HOURS + 38 - k)} INFO [order_export.app] starting order-export 2.7.0 workers=8 es=http://es-search.reporting.svc.cluster.local:9200`,
      `${pyTime(2 * HOURS + 38 - k)} INFO [order_export.es] elasticsearch-py 8.15.1, cluster reporting-search 8.15.3, scroll keep_alive=30m slices=4`,
    ];
    for (let i = 0; i < 5; i++) out.push(`${pyTime(2 * HOURS + 20 - i * 17 - k)} INFO [order_export.jobs] export exp-${88100 + i * 7 + k} done: tenant=t-${2200 + i * 13} rows=${41200 + i * 977} files=1 took=${38 + i}s`);
    for (let i = 0; i < 9; i++) {
      const t = 48 - i * 5.3 - k * 0.7;
      const id = 88310 + i * 3 + k;
      out.push(
        `${pyTime(t)} ERROR [order_export.jobs] export exp-${id} failed (tenant=t-${2300 + i * 11}, slice 0/4): ApiError(500, 'search_phase_execution_exception', '${limitMsg}')`,
        'Traceback (most recent call last):',
        '  File "/app/order_export/jobs.py", line 142, in run_export',
        '    for hit in scan_slices(self.es, index=index, query=query, scroll=self.keep_alive, slices=self.slices):',
        '  File "/app/order_export/es.py", line 61, in scan_slices',
        '    resp = es.search(index=index, query=query, slice={"id": sid, "max": slices}, scroll=scroll, size=5000)',
        '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/_sync/client/__init__.py", line 4119, in search',
        '    return self.perform_request(  # type: ignore[return-value]',
        `elasticsearch.ApiError: ApiError(500, 'search_phase_execution_exception', '${limitMsg}')`,
      );
    }
    out.push(`${pyTime(0.6)} WARNING [order_export.jobs] 23 exports queued, 0 running, retrying in 60s`);
    return out.join('\n') + '\n';
  };
  const esLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 40 - i * 7 - k;
      out.push(`{"@timestamp":"${at(t)}", "log.level": "WARN", "message":"path: /orders-*/_search, params: {scroll=30m, size=5000, index=orders-*}, status: 500", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es-search-${k}][search][T#${3 + i}]","log.logger":"rest.suppressed","elasticsearch.cluster.uuid":"q2b8Jx0pR1yWcV5mN3tHkA","elasticsearch.node.id":"Zp${k}Xc8f2QmGtLk9aR4nWv","elasticsearch.node.name":"es-search-${k}","elasticsearch.cluster.name":"reporting-search","error.type":"org.elasticsearch.action.search.SearchPhaseExecutionException","error.message":"all shards failed","error.stack_trace":"Failed to execute phase [query], all shards failed; shardFailures {[Zp${k}Xc8f2QmGtLk9aR4nWv][orders-2026.11][0]: org.elasticsearch.ElasticsearchException: ${limitMsg}\\n"}`);
    }
    out.push(`{"@timestamp":"${at(0.7)}", "log.level": "INFO", "message":"[gc][young][4412][1187] duration [38ms], collections [1]/[1s], total [38ms]/[1.1m], memory [2.9gb]->[2.1gb]/[4gb]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[scheduler][T#1]","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"es-search-${k}","elasticsearch.cluster.name":"reporting-search"}`);
    return out.join('\n') + '\n';
  };
  const arch = podOf(archiver, 0);
  return {
    id: 'heldout65-es-scroll-contexts-exhausted',
    class: 'rollout',
    truth: 'order-export revision 18 (2.7.0, rolled out 2h40m ago) replaced its export loop with a sliced scan helper that never calls clear_scroll: every export opens 4 scroll contexts kept alive 30 minutes. Within about two hours the Elasticsearch cluster reporting-search reached search.max_open_scroll_context (500) and now refuses every new scroll search with "Trying to create too many scroll contexts. Must be less than or equal to: [500]" (HTTP 500). Exports fail and queue up, and the invoice-archiver, another scroll user, fails too; plain searches (report-search-api) are unaffected and Elasticsearch itself is healthy. Fix: roll order-export back to revision 17 (or clear scrolls / use PIT) — the leaked contexts expire within 30 minutes; raising the limit only buys time.',
    ask: { service: 'order-export', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...exporter.objects, ...archiver.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'es-search', selector: { app: 'es-search' }, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], pods: es.pods, endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'es-search-headless', headless: true, selector: { app: 'es-search' }, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], pods: es.pods, endpointPort: 9300 }),
      ...exposed({ namespace: ns, name: 'order-export', selector: { app: 'order-export' }, pods: exporter.pods }),
      ...exposed({ namespace: ns, name: 'report-search-api', selector: { app: 'report-search-api' }, pods: search.pods }),
    ],
    logs: [
      ...exporter.pods.map((p, k) => logsFor(p, 'app', { current: exLog(k) })),
      ...es.pods.map((p, k) => logsFor(p, 'elasticsearch', { current: esLog(k) })),
      logsFor(arch, 'app', { current: lines(
        `{"time":"${at(95)}","level":"INFO","msg":"archived invoices","index":"invoices-2026.10","docs":18233,"took_ms":41120}`,
        `{"time":"${at(35)}","level":"ERROR","msg":"archive run failed","index":"invoices-2026.11","error":"elasticsearch: search_phase_execution_exception (500): ${limitMsg}"}`,
        `{"time":"${at(5)}","level":"ERROR","msg":"archive run failed","index":"invoices-2026.11","error":"elasticsearch: search_phase_execution_exception (500): ${limitMsg}"}`,
      ) }),
      ...search.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.1)}","level":"INFO","msg":"GET /v1/reports/search","status":200,"dur_ms":42}`, `{"time":"${at(0.3)}","level":"INFO","msg":"GET /v1/reports/search","status":200,"dur_ms":37}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/scroll/i, /revision 18|2\.7\.0|order-export/i],
      facts: [/max_open_scroll_context|too many scroll contexts/i, /\b500\b/, /revision 18|2\.7\.0/],
      never: [/\bOOM/, /heap|circuit.?break/i, /crash ?loop/i, /report-search-api/, /(disk|storage|shard)[^\n]*(full|unassigned|red)/i],
    },
  };
}

// ---- 2. RabbitMQ 4.0 upgrade: quorum queue default delivery-limit 20 drops requeued work ------------

function rabbitDeliveryLimitDropsWork(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.118', ['22', '147', '203']);
  const rmqImage = (v: string) => `docker.io/library/rabbitmq:${v}-management`;
  const rmqTpl = (v: string) => ({
    containers: [container({
      name: 'rabbitmq', image: rmqImage(v), cpu: '1', memory: '2Gi',
      ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'cluster-rpc', containerPort: 25672 }],
      env: [{ name: 'RABBITMQ_USE_LONGNAME', value: 'true' }, { name: 'K8S_SERVICE_NAME', value: 'rabbitmq-headless' }, { name: 'RABBITMQ_NODENAME', value: 'rabbit@$(MY_POD_NAME).rabbitmq-headless.billing.svc.cluster.local' }],
      readiness: tcpProbe('amqp', { initialDelaySeconds: 10 }),
      liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { initialDelaySeconds: 60, timeoutSeconds: 15, periodSeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }],
    })],
  });
  const mq = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    revisions: [
      { revision: 4, createdAgo: 71 * DAYS, template: rmqTpl('3.13.7') },
      { revision: 5, createdAgo: 9 * HOURS + 12, template: rmqTpl('4.0.5') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [2, 1, 0].map((o, i) => ({ revision: 5, ordinal: o, node: names[o] ?? '', createdAgo: 9 * HOURS + 11 - i * 3 })),
  });
  const wImage = `${ECR}/billing/invoice-renderer-worker:2.14.1`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer-worker',
    replicas: 3,
    revisions: [{
      revision: 23, createdAgo: 19 * DAYS, changeCause: 'argocd: invoice-renderer-worker 2.14.1',
      template: { containers: [container({ image: wImage, ports: [{ name: 'metrics', containerPort: 9464 }], cpu: '300m', memory: '384Mi', env: [{ name: 'AMQP_URL', value: 'amqp://invoice-worker@rabbitmq.billing.svc.cluster.local:5672/billing' }, { name: 'QUEUE', value: 'invoices.render' }, { name: 'PREFETCH', value: '10' }, { name: 'PDF_RENDERER_URL', value: 'http://pdf-renderer.billing.svc.cluster.local' }], readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }) })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 11 * DAYS - k * 2 })),
  });
  const pdf = bystander(ns, 'pdf-renderer', names, 4 * DAYS, { revisions: [11, 12], versions: ['3.2.0', '3.2.1'], olderAgo: 30 * DAYS });
  const recon = cronJob({
    namespace: ns,
    name: 'invoice-reconciler',
    schedule: '*/30 * * * *',
    template: { containers: [container({ name: 'reconciler', image: `${ECR}/billing/invoice-reconciler:1.4.0`, ports: [], readiness: null, liveness: null, memory: '128Mi' })] },
    jobs: [
      { createdAgo: 74, pods: [{ createdAgo: 74, phase: 'Succeeded', containers: { reconciler: terminated({ exitCode: 0, finishedAgo: 73, ranSeconds: 21 }) } }], outcome: { complete: true, ago: 73 } },
      { createdAgo: 44, pods: [{ createdAgo: 44, phase: 'Succeeded', containers: { reconciler: terminated({ exitCode: 0, finishedAgo: 43, ranSeconds: 24 }) } }], outcome: { complete: true, ago: 43 } },
      { createdAgo: 14, pods: [{ createdAgo: 14, phase: 'Succeeded', containers: { reconciler: terminated({ exitCode: 0, finishedAgo: 13, ranSeconds: 22 }) } }], outcome: { complete: true, ago: 13 } },
    ],
    lastSuccessfulAgo: 13,
  });
  for (const j of recon.jobs) for (const p of j.pods) if (p.spec) p.spec.nodeName = names[1] ?? '';
  const lastRecon = recon.jobs[2]?.pods[0];
  const wLog = (k: number, p: k8s.V1Pod) => {
    const out: string[] = [
      JSON.stringify({ level: 30, time: epochMs(11 * DAYS - k * 2 - 0.3), pid: 1, hostname: nameOf(p), msg: 'connected to rabbitmq', vhost: 'billing', queue: 'invoices.render', prefetch: 10, server: 'RabbitMQ 3.13.7' }),
      JSON.stringify({ level: 30, time: epochMs(9 * HOURS + 11.4), pid: 1, hostname: nameOf(p), msg: 'connection closed by server, reconnecting', code: 320, reason: 'CONNECTION_FORCED - broker forced connection closure with reason \'shutdown\'' }),
      JSON.stringify({ level: 30, time: epochMs(9 * HOURS + 11.3 - k * 0.05), pid: 1, hostname: nameOf(p), msg: 'connected to rabbitmq', vhost: 'billing', queue: 'invoices.render', prefetch: 10, server: 'RabbitMQ 4.0.5' }),
    ];
    for (let i = 0; i < 14; i++) {
      const t = 55 - i * 3.9 - k * 0.4;
      const inv = `INV-2026-${118700 + i * 3 + k}`;
      const dc = 14 + ((i + k) % 6);
      out.push(JSON.stringify({ level: 40, time: epochMs(t), pid: 1, hostname: nameOf(p), msg: 'render failed, nack requeue=true', invoiceId: inv, redelivered: true, deliveryCount: dc, err: 'pdf-renderer POST /render: 503 Service Unavailable (upstream busy, retry later)' }));
      if (i % 3 === 0) out.push(JSON.stringify({ level: 30, time: epochMs(t - 0.05), pid: 1, hostname: nameOf(p), msg: 'invoice rendered', invoiceId: `INV-2026-${118900 + i + k * 20}`, pages: 2, ms: 1840 + i * 37, deliveryCount: 0 }));
    }
    return out.join('\n') + '\n';
  };
  const rmqLog = (o: number, startedAgo: number) => lines(
    `${rmqTime(startedAgo)} [notice] <0.44.0> Application syslog exited with reason: stopped`,
    `${rmqTime(startedAgo)} [info] <0.254.0> Starting RabbitMQ 4.0.5 on Erlang 26.2.5.6 [jit]`,
    `${rmqTime(startedAgo)} [info] <0.254.0> Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries`,
    `${rmqTime(startedAgo - 0.1)} [info] <0.254.0> node           : rabbit@rabbitmq-${o}.rabbitmq-headless.billing.svc.cluster.local`,
    `${rmqTime(startedAgo - 0.3)} [info] <0.612.0> ra: starting system quorum_queues`,
    `${rmqTime(startedAgo - 0.4)} [info] <0.811.0> queue 'invoices.render' in vhost 'billing': ra: log recovery complete, recovered 0 segments`,
    `${rmqTime(startedAgo - 0.6)} [info] <0.254.0> Server startup complete; 5 plugins started.`,
    `${rmqTime(startedAgo - 0.6)} [info] <0.254.0>  * rabbitmq_prometheus`,
    `${rmqTime(startedAgo - 0.6)} [info] <0.254.0>  * rabbitmq_peer_discovery_k8s`,
    `${rmqTime(startedAgo - 0.6)} [info] <0.254.0>  * rabbitmq_management`,
    ...(o === 0 ? [`${rmqTime(8 * HOURS + 40)} [info] <0.1921.0> Feature flags: enabling feature flag 'rabbitmq_4.0.0'`, `${rmqTime(8 * HOURS + 40)} [info] <0.1921.0> Feature flags: \`rabbitmq_4.0.0\`: mark as enabled=true`] : []),
    `${rmqTime(2.4)} [info] <0.10412.0> accepting AMQP connection 10.0.31.77:48122 -> 10.0.12.9:5672`,
    `${rmqTime(2.4)} [info] <0.10412.0> connection 10.0.31.77:48122 -> 10.0.12.9:5672: user 'billing-api' authenticated and granted access to vhost 'billing'`,
  );
  return {
    id: 'heldout65-rabbitmq-4-quorum-delivery-limit-drops',
    class: 'config',
    truth: 'The RabbitMQ StatefulSet was upgraded from 3.13.7 to 4.0.5 nine hours ago (revision 5). Since RabbitMQ 4.0 quorum queues have a default delivery-limit of 20. invoice-renderer-worker (unchanged for 19 days) nacks with requeue=true whenever pdf-renderer answers 503, relying on endless redelivery; invoices.render has no dead-letter exchange, so every message redelivered more than 20 times is now dropped by the broker. Nothing crashes and every pod is ready, but the reconciler finds hundreds of invoices stuck in PENDING whose messages are gone. Fix: set a delivery-limit policy (-1 or higher) or a dead-letter exchange on invoices.render and republish the lost invoices; the worker should retry with backoff instead of hot requeueing. Rolling back the worker changes nothing.',
    ask: { service: 'invoice-renderer-worker', namespace: ns },
    objects: [
      ...nodes, ...mq.objects, ...worker.objects, ...pdf.objects, ...recon.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], pods: mq.pods, endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-headless', headless: true, selector: { app: 'rabbitmq' }, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }], pods: mq.pods, endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: pdf.pods }),
      configMap({ namespace: ns, name: 'rabbitmq-config', createdAgo: 200 * DAYS, updatedAgo: 71 * DAYS, data: { 'rabbitmq.conf': 'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s\ncluster_formation.k8s.host = kubernetes.default.svc.cluster.local\ncluster_formation.k8s.address_type = hostname\ncluster_partition_handling = pause_minority\nqueue_master_locator = min-masters\nvm_memory_high_watermark.relative = 0.6\ndisk_free_limit.absolute = 2GB\nloopback_users.guest = false\n', enabled_plugins: '[rabbitmq_management,rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n', 'definitions.json': '{"queues":[{"name":"invoices.render","vhost":"billing","durable":true,"auto_delete":false,"arguments":{"x-queue-type":"quorum"}}],"policies":[]}\n' } }),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: wLog(k, p) })),
      ...mq.pods.map((p, i) => logsFor(p, 'rabbitmq', { current: rmqLog([2, 1, 0][i] ?? 0, 9 * HOURS + 10.7 - i * 3) })),
      logsFor(lastRecon, 'reconciler', { current: lines(
        `${pyTime(14)} INFO reconciler: scanning invoices in status PENDING older than 45m`,
        `${pyTime(13.8)} WARNING reconciler: 418 invoices PENDING > 45m (oldest 8h31m, INV-2026-112044); 0 of them have a message in invoices.render (queue depth 37, unacked 29)`,
        `${pyTime(13.7)} WARNING reconciler: auto-republish disabled (RECONCILER_REPUBLISH=false); listing ids in s3://acme-billing-ops/reconcile/2026-11-21T03-00.csv`,
        `${pyTime(13.6)} INFO reconciler: done in 21.4s`,
      ) }),
      ...pdf.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(3.2)}","level":"WARN","msg":"render queue full, shedding","status":503,"inflight":16}`, `{"time":"${at(0.8)}","level":"INFO","msg":"POST /render","status":200,"dur_ms":1712}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/delivery.?limit|redeliver|dropp|discard/i, /rabbit ?mq|4\.0|upgrade/i],
      facts: [/\b20\b/, /4\.0\.5/, /dead.?letter|DLX|requeue/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /pdf-renderer[^\n]*(root cause|caused)/i, /memory (alarm|watermark)/i],
    },
  };
}

// ---- 3. ZooKeeper maxClientCnxns: revision 42 leaks a Curator client per request ----------------

function zookeeperTooManyConnections(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '121', '236']);
  const zkImage = 'docker.io/library/zookeeper:3.9.3';
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zk',
    replicas: 3,
    serviceName: 'zk-headless',
    revisions: [{
      revision: 2, createdAgo: 88 * DAYS, template: {
        containers: [container({
          name: 'zookeeper', image: zkImage, cpu: '500m', memory: '2Gi',
          ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }],
          env: [{ name: 'ZOO_SERVERS', value: 'server.1=zk-0.zk-headless.platform.svc.cluster.local:2888:3888;2181 server.2=zk-1.zk-headless.platform.svc.cluster.local:2888:3888;2181 server.3=zk-2.zk-headless.platform.svc.cluster.local:2888:3888;2181' }, { name: 'ZOO_MAX_CLIENT_CNXNS', value: '60' }, { name: 'ZOO_4LW_COMMANDS_WHITELIST', value: 'ruok,srvr,mntr,cons' }],
          readiness: execProbe(['sh', '-c', 'echo ruok | nc 127.0.0.1 2181 | grep imok'], { timeoutSeconds: 5 }),
          liveness: execProbe(['sh', '-c', 'echo ruok | nc 127.0.0.1 2181 | grep imok'], { timeoutSeconds: 5, initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 2, ordinal: k, node: names[k] ?? '', createdAgo: 88 * DAYS - k * 3 })),
  });
  const image = (v: string) => `${ECR}/platform/entitlements-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), cpu: '500m', memory: '1Gi',
      env: [{ name: 'ZK_CONNECT', value: 'zk-0.zk-headless.platform.svc.cluster.local:2181,zk-1.zk-headless.platform.svc.cluster.local:2181,zk-2.zk-headless.platform.svc.cluster.local:2181' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40, timeoutSeconds: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'entitlements-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: entitlements-api 5.3.2', template: tpl('5.3.2') },
      { revision: 42, createdAgo: 47, changeCause: 'argocd: entitlements-api 5.4.0', template: tpl('5.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 46 - k * 1.5, ...(k < 2 ? { containers: { app: running({ sinceAgo: 45.5 - k * 1.5, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 43, progressingSince: 47, progressingUpdatedAgo: 43 },
  });
  const locks = bystander(ns, 'job-scheduler', names, 6 * DAYS, { revisions: [14, 15], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const ips = app.pods.map(ipOfPod);
  const zkLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 24 - i * 2 - k * 0.3;
      const ip = ips[i % 2] ?? '10.0.0.1';
      out.push(`${jTime(t)} [myid:${k + 1}] - WARN  [NIOServerCxnFactory.AcceptThread:0.0.0.0/0.0.0.0:2181:o.a.z.s.NIOServerCnxnFactory$AcceptThread@312] - Too many connections from /${ip} - max is 60`);
      if (i % 4 === 1) out.push(`${jTime(t - 0.1)} [myid:${k + 1}] - INFO  [NIOWorkerThread-${3 + i}:o.a.z.s.NIOServerCnxn@523] - Processing srvr command from /127.0.0.1:${41200 + i}`);
    }
    out.push(`${jTime(0.5)} [myid:${k + 1}] - INFO  [NIOWorkerThread-2:o.a.z.s.NIOServerCnxn@580] - Processing mntr command from /127.0.0.1:40112`);
    return out.join('\n') + '\n';
  };
  const appLog = (k: number) => {
    const th = (n: number) => `http-nio-8080-exec-${n}`;
    const out: string[] = [
      `${jTime(45.3 - k * 1.5).replace(',', '.')}  INFO 1 --- [entitlements-api] [           main] c.a.e.EntitlementsApplication            : Started EntitlementsApplication in 11.84 seconds (process running for 13.02)`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 44 - i * 6;
      out.push(
        `${jTime(t).replace(',', '.')}  INFO 1 --- [entitlements-api] [${th(i + 1).padStart(15)}] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
        `${jTime(t).replace(',', '.')}  INFO 1 --- [entitlements-api] [${th(i + 1).padStart(15)}] org.apache.zookeeper.ZooKeeper           : Initiating client connection, connectString=zk-0.zk-headless.platform.svc.cluster.local:2181,zk-1.zk-headless.platform.svc.cluster.local:2181,zk-2.zk-headless.platform.svc.cluster.local:2181 sessionTimeout=60000 watcher=org.apache.curator.ConnectionState@${(0x3a1f0 + i * 17 + k).toString(16)}`,
        `${jTime(t - 0.01).replace(',', '.')}  INFO 1 --- [entitlements-api] [${th(i + 1).padStart(15)}] o.a.c.f.imps.CuratorFrameworkImpl        : Default schema`,
      );
    }
    for (let i = 0; i < 8; i++) {
      const t = 21 - i * 2.4;
      const s = i % 3;
      out.push(
        `${jTime(t).replace(',', '.')}  WARN 1 --- [entitlements-api] [-SendThread(zk-${s}.zk-headless.platform.svc.cluster.local:2181)] org.apache.zookeeper.ClientCnxn          : Session 0x0 for server zk-${s}.zk-headless.platform.svc.cluster.local/${ipOfPod(zk.pods[s])}:2181, Closing socket connection. Attempting reconnect except it is a SessionExpiredException or SessionTimeoutException.`,
        '',
        'org.apache.zookeeper.ClientCnxn$EndOfStreamException: Unable to read additional data from server sessionid 0x0, likely server has closed socket',
        '\tat org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:77)',
        '\tat org.apache.zookeeper.ClientCnxnSocketNIO.doTransport(ClientCnxnSocketNIO.java:350)',
        '\tat org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1289)',
      );
      if (i % 2 === 0) out.push(
        `${jTime(t - 0.25).replace(',', '.')} ERROR 1 --- [entitlements-api] [${th(20 + i).padStart(15)}] c.a.e.web.ApiExceptionHandler           : GET /v2/entitlements/acct-${40812 + i * 7} failed`,
        '',
        'org.apache.curator.CuratorConnectionLossException: KeeperErrorCode = ConnectionLoss',
        '\tat org.apache.curator.ConnectionState.checkTimeouts(ConnectionState.java:232)',
        '\tat org.apache.curator.ConnectionState.getZooKeeper(ConnectionState.java:94)',
        '\tat org.apache.curator.CuratorZookeeperClient.getZooKeeper(CuratorZookeeperClient.java:117)',
        '\tat com.acme.entitlements.flags.ZkFlagStore.read(ZkFlagStore.java:58)',
        '\tat com.acme.entitlements.flags.ZkFlagStore.isEnabled(ZkFlagStore.java:41)',
      );
    }
    out.push(`${jTime(1).replace(',', '.')}  WARN 1 --- [entitlements-api] [nio-8080-exec-3] o.s.b.a.health.HealthEndpointSupport     : Health contributor zookeeper (zookeeper) took 3012ms to respond`);
    return out.join('\n') + '\n';
  };
  const healthyAppLog = lines(
    `${jTime(42.1).replace(',', '.')}  INFO 1 --- [entitlements-api] [           main] c.a.e.EntitlementsApplication            : Started EntitlementsApplication in 12.02 seconds (process running for 13.3)`,
    `${jTime(38).replace(',', '.')}  INFO 1 --- [entitlements-api] [nio-8080-exec-1] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
    `${jTime(31).replace(',', '.')}  INFO 1 --- [entitlements-api] [nio-8080-exec-4] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
    `${jTime(22).replace(',', '.')}  INFO 1 --- [entitlements-api] [nio-8080-exec-2] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
    `${jTime(9).replace(',', '.')}  INFO 1 --- [entitlements-api] [nio-8080-exec-7] o.a.c.f.imps.CuratorFrameworkImpl        : Starting`,
  );
  const zkSvc = exposed({ namespace: ns, name: 'zk-headless', headless: true, selector: { app: 'zk' }, ports: [{ name: 'client', port: 2181, targetPort: 2181 }, { name: 'quorum', port: 2888, targetPort: 2888 }, { name: 'election', port: 3888, targetPort: 3888 }], pods: zk.pods, endpointPort: 2181 });
  return {
    id: 'heldout65-zookeeper-max-client-cnxns-leak',
    class: 'rollout',
    truth: 'entitlements-api revision 42 (5.4.0, 47 minutes ago) moved feature-flag reads to a ZkFlagStore that builds a new CuratorFramework client on every request and never closes it. Each pod piles up ZooKeeper sessions until it hits the ensemble\'s per-IP limit maxClientCnxns=60 (ZOO_MAX_CLIENT_CNXNS), after which every ZooKeeper server refuses its new connections ("Too many connections from /<pod IP> - max is 60"): flag reads fail with ConnectionLoss, two of the three pods fail readiness and requests fail. ZooKeeper itself is healthy and other clients (job-scheduler) are unaffected. Fix: roll back to revision 41, then make the Curator client a singleton; raising maxClientCnxns would only delay it.',
    ask: { service: 'entitlements-api', namespace: ns },
    objects: [
      ...nodes, ...zk.objects, ...app.objects, ...locks.objects, ...zkSvc,
      ...exposed({ namespace: ns, name: 'entitlements-api', selector: { app: 'entitlements-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'job-scheduler', selector: { app: 'job-scheduler' }, pods: locks.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 3, 43),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 97, firstAgo: 22, lastAgo: 0.2 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 84, firstAgo: 19, lastAgo: 0.3 }),
    ],
    logs: [
      ...zk.pods.map((p, k) => logsFor(p, 'zookeeper', { current: zkLog(k) })),
      logsFor(podOf(app, 0), 'app', { current: appLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: appLog(1) }),
      logsFor(podOf(app, 2), 'app', { current: healthyAppLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many connections|maxClientCnxns|connection limit|(connection|client|session)s? (leak|per request)|leak/i, /revision 42|5\.4\.0|zoo ?keeper/i],
      facts: [/max is 60|maxClientCnxns|ZOO_MAX_CLIENT_CNXNS/i, /revision 42|5\.4\.0/, /curator|zoo ?keeper/i],
      never: [/\bOOM/, /zoo ?keeper[^\n]*(down|crash|quorum (lost|loss)|leader election)/i, /job-scheduler/, /liveness/i],
    },
  };
}

// ---- 4. Go 1.22 ServeMux pattern conflict after the go directive bump --------------------------------

function goServeMuxPatternConflict(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.54', ['40', '171', '222']);
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), cpu: '250m', memory: '256Mi',
      env: [{ name: 'GOMEMLIMIT', value: '230MiB' }, { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.cluster-c1x9kq2r7m.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 56, createdAgo: 5 * DAYS, changeCause: 'argocd: orders-api 3.3.2', template: tpl('3.3.2') },
      { revision: 57, createdAgo: 18, changeCause: 'argocd: orders-api 3.4.0', template: tpl('3.4.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      ...[0, 1].map((k) => ({ revision: 57, node: names[k + 1] ?? '', createdAgo: 17.8 - k * 0.1, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 1.2 + k, ranSeconds: 0.04 }, 8 - k) } })),
    ],
  });
  const worker = bystander(ns, 'orders-outbox-relay', names, 2 * DAYS, { revisions: [8, 9], versions: ['1.1.0', '1.1.1'], olderAgo: 40 * DAYS });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const panicLog = lines(
    `{"time":"${at(1.2)}","level":"INFO","msg":"starting orders-api","version":"3.4.0","commit":"b41e9d0","go":"go1.23.4"}`,
    `{"time":"${at(1.2)}","level":"INFO","msg":"config loaded","addr":":8080","db_max_conns":20}`,
    'panic: pattern "GET /v1/orders/{id}" (registered at /src/internal/httpapi/routes.go:47) conflicts with pattern "/v1/orders/export" (registered at /src/internal/httpapi/routes.go:39):',
    'GET /v1/orders/{id} matches fewer methods than /v1/orders/export, but has a more general path pattern',
    '',
    'goroutine 1 [running]:',
    'net/http.(*ServeMux).register(...)',
    '\t/usr/local/go/src/net/http/server.go:2805',
    'net/http.(*ServeMux).HandleFunc(0xc000182e40, {0xb8e7c1, 0x12}, 0xc0001b6a80)',
    '\t/usr/local/go/src/net/http/server.go:2768 +0x7d',
    'github.com/acme/orders-api/internal/httpapi.Routes(0xc0001a4000)',
    '\t/src/internal/httpapi/routes.go:47 +0x3a5',
    'main.run({0xc3a4d8, 0xc0000c6e10})',
    '\t/src/cmd/orders-api/main.go:72 +0x45e',
    'main.main()',
    '\t/src/cmd/orders-api/main.go:31 +0x25',
  );
  return {
    id: 'heldout65-go122-servemux-pattern-conflict',
    class: 'rollout',
    truth: 'orders-api 3.4.0 (revision 57, 18 minutes ago) bumped go.mod\'s go directive to 1.22 (built with go1.23.4) and added method-and-wildcard routes; with the new ServeMux pattern rules "GET /v1/orders/{id}" conflicts with the older "/v1/orders/export", so http.ServeMux.HandleFunc panics at startup ("panic: pattern ... conflicts with pattern ...", exit 2). Both new pods crash-loop, the rollout is stuck with three revision-56 pods serving at reduced capacity. Fix: roll back to revision 56, then make the routes unambiguous (e.g. "GET /v1/orders/export") — not a probe, memory or dependency problem.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 3, 4, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 1, 18),
      ...fresh.flatMap((p, k) => [
        scheduled(p, 17.8 - k * 0.1),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.4.0')}"`, firstAgo: 17.7 - k * 0.1, lastAgo: 17.7 - k * 0.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.4.0')}" in 1.874s (1.874s including waiting). Image size: 14120331 bytes.`, firstAgo: 17.6 - k * 0.1, lastAgo: 17.6 - k * 0.1, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image('3.4.0'), { count: 9 - k, firstAgo: 17.6 - k * 0.1, lastAgo: 1.2 + k }),
        backOff(p, 'app', { count: 78 - k * 5, firstAgo: 17.5 - k * 0.1, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'app', { previous: panicLog, current: '' })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"time":"${at(0.9)}","level":"INFO","msg":"request","method":"GET","path":"/v1/orders/ord_8812${k}","status":200,"dur_ms":12}`, `{"time":"${at(0.4)}","level":"INFO","msg":"request","method":"POST","path":"/v1/orders","status":201,"dur_ms":31}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pattern|ServeMux|route|panic/i, /revision 57|3\.4\.0/],
      facts: [/conflicts with pattern/i, /go ?1\.2[23]|go1\.23/i, /exit(ed)?( with)?( code)? 2|crash ?loop/i],
      never: [/\bOOM/, /liveness|readiness/i, /database|postgres/i, /orders-outbox-relay/],
    },
  };
}

// ---- 5. Ruby 3.2 base image: File.exists? removed --------------------------------------------------

function rubyFileExistsRemoved(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.87', ['12', '165', '240']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'web', image: image(v), command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], cpu: '500m', memory: '1Gi',
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'WEB_CONCURRENCY', value: '2' }, { name: 'RAILS_MAX_THREADS', value: '5' }],
      ports: [3000], readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 87, createdAgo: 4 * DAYS, changeCause: 'argocd: storefront-web 4.17.3-ruby3.1', template: tpl('4.17.3-ruby3.1') },
      { revision: 88, createdAgo: 26, changeCause: 'argocd: storefront-web 4.18.0-ruby3.2 (base image ruby:3.2.6-slim-bookworm)', template: tpl('4.18.0-ruby3.2') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 87, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      ...[0, 1].map((k) => ({ revision: 88, node: names[2 - k] ?? '', createdAgo: 25.6 - k * 0.2, containers: { web: crashLoop({ exitCode: 1, finishedAgo: 2.1 + k, ranSeconds: 4 }, 10 - k) } })),
    ],
  });
  const sync = bystander(ns, 'storefront-search-sync', names, 50, { revisions: [20, 21], versions: ['2.0.4', '2.0.5'], olderAgo: 15 * DAYS });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const crash = lines(
    '[1] Puma starting in cluster mode...',
    '[1] * Puma version: 6.4.3 (ruby 3.2.6-p234) ("The Eagle of Durango")',
    '[1] *  Min threads: 5',
    '[1] *  Max threads: 5',
    '[1] *  Environment: production',
    '[1] *   Master PID: 1',
    '[1] *      Workers: 2',
    '[1] *     Restarts: (✔) hot (✖) phased',
    '[1] * Preloading application',
    "[1] ! Unable to load application: NoMethodError: undefined method `exists?' for File:Class",
    'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
    "/app/config/initializers/feature_settings.rb:4:in `<main>': undefined method `exists?' for File:Class (NoMethodError)",
    '',
    'settings_path = File.exists?(local_path) ? local_path : Rails.root.join("config", "features.yml")',
    '                    ^^^^^^^^',
    'Did you mean?  exist?',
    "\tfrom /usr/local/bundle/gems/railties-7.0.8.6/lib/rails/engine.rb:667:in `load'",
    "\tfrom /usr/local/bundle/gems/railties-7.0.8.6/lib/rails/engine.rb:667:in `block in load_config_initializer'",
    "\tfrom /usr/local/bundle/gems/activesupport-7.0.8.6/lib/active_support/notifications.rb:208:in `instrument'",
    "\tfrom /usr/local/bundle/gems/railties-7.0.8.6/lib/rails/engine.rb:666:in `load_config_initializer'",
    "\tfrom /usr/local/bundle/gems/railties-7.0.8.6/lib/rails/initializable.rb:32:in `run'",
    "\tfrom /usr/local/bundle/gems/railties-7.0.8.6/lib/rails/application.rb:372:in `initialize!'",
    "\tfrom /app/config/environment.rb:5:in `<main>'",
    "\tfrom config.ru:3:in `require_relative'",
    "\tfrom /usr/local/bundle/gems/puma-6.4.3/lib/puma/launcher.rb:427:in `run'",
    "\tfrom /usr/local/bundle/gems/puma-6.4.3/lib/puma/cli.rb:230:in `run'",
    "\tfrom /usr/local/bundle/gems/puma-6.4.3/bin/puma:10:in `<top (required)>'",
    "\tfrom /usr/local/bundle/bin/puma:25:in `load'",
    "\tfrom /usr/local/bundle/bin/puma:25:in `<top (required)>'",
  );
  return {
    id: 'heldout65-ruby32-file-exists-removed',
    class: 'rollout',
    truth: 'storefront-web 4.18.0 (revision 88, 26 minutes ago) only moved the base image from ruby 3.1 to ruby:3.2.6-slim; Ruby 3.2 removed the deprecated File.exists? alias, and config/initializers/feature_settings.rb still calls it, so Rails boot raises "undefined method `exists?\' for File:Class (NoMethodError)" and puma exits 1 before listening. Both new pods crash-loop; three revision-87 pods still serve. Fix: roll back to revision 87, then replace File.exists? with File.exist? (and audit gems for the same call) before re-shipping on Ruby 3.2.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sync.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 87), 3, 4, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 2, 1, 26),
      ...fresh.flatMap((p, k) => [
        scheduled(p, 25.6 - k * 0.2),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('4.18.0-ruby3.2')}"`, firstAgo: 25.5 - k * 0.2, lastAgo: 25.5 - k * 0.2, fieldPath: 'spec.containers{web}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.18.0-ruby3.2')}" in 9.207s (9.207s including waiting). Image size: 298114310 bytes.`, firstAgo: 25.3 - k * 0.2, lastAgo: 25.3 - k * 0.2, fieldPath: 'spec.containers{web}' }),
        ...restartedAgain(p, 'web', image('4.18.0-ruby3.2'), { count: 11 - k, firstAgo: 25.3 - k * 0.2, lastAgo: 2.2 + k }),
        backOff(p, 'web', { count: 112 - k * 6, firstAgo: 25 - k * 0.2, lastAgo: 0.4 }),
      ]),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'web', { previous: crash, current: '' })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'web', { current: lines(
        `I, [${at(1.3).replace('Z', '')} #${14 + k}]  INFO -- : [c2f1e8a${k}-3b7d-4e1a-9d0c-5f2a8b1e77c${k}] Started GET "/products/wool-overshirt" for 10.0.87.33 at ${at(1.3).replace('T', ' ').slice(0, 19)} +0000`,
        `I, [${at(1.3).replace('Z', '')} #${14 + k}]  INFO -- : [c2f1e8a${k}-3b7d-4e1a-9d0c-5f2a8b1e77c${k}] Completed 200 OK in 48ms (Views: 31.2ms | ActiveRecord: 9.8ms | Allocations: 18233)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exists\?|NoMethodError|undefined method/i, /revision 88|4\.18\.0|ruby ?3\.2/i],
      facts: [/File\.exists\?|exists\?' for File/, /ruby ?3\.2|ruby3\.2/i, /revision 88|4\.18\.0/],
      never: [/\bOOM/, /liveness|readiness/i, /storefront-search-sync/, /(database|postgres|redis)[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 6. kustomize-generated ConfigMap pruned while the old ReplicaSet still needs it ----------------

function prunedGeneratedConfigMap(): CorpusScenario {
  const ns = 'pricing';
  const { nodes: baseNodes, names } = threeEksNodes('10.0.62', ['19', '128', '230']);
  const drained = names[1] ?? '';
  const nodes = baseNodes.map((n) => {
    if (nameOf(n) !== drained || !n.spec) return n;
    n.spec.unschedulable = true;
    n.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(21) }];
    return n;
  });
  const oldCm = 'pricing-api-config-7g8h9k2m4t';
  const newCm = 'pricing-api-config-b5k2f9c8hd';
  const image = (v: string) => `${ECR}/pricing/pricing-api:${v}`;
  const tpl = (v: string, cm: string) => ({
    containers: [container({ image: image(v), cpu: '300m', memory: '512Mi', envFrom: [{ configMapRef: { name: cm } }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })],
    labels: { 'app.kubernetes.io/instance': 'pricing-api' },
  });
  const cfgError = (cm: string) => waiting('CreateContainerConfigError', `configmap "${cm}" not found`);
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 11 * DAYS, template: tpl('7.2.0', oldCm) },
      { revision: 13, createdAgo: 41, template: tpl('7.2.0', newCm) },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 12, node: names[2] ?? '', createdAgo: 11 * DAYS - 1 },
      { revision: 12, node: names[0] ?? '', createdAgo: 20.6, containers: { app: cfgError(oldCm) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 20.5, containers: { app: cfgError(oldCm) } },
      { revision: 13, node: names[2] ?? '', createdAgo: 20.5 },
    ],
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(20.6), lastTransitionTime: ago(20.6) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(38), lastTransitionTime: ago(38) },
    ],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec) dep.spec.paused = true;
  if (dep.metadata) dep.metadata.labels = { ...dep.metadata.labels, 'app.kubernetes.io/managed-by': 'argocd', 'app.kubernetes.io/instance': 'pricing-api' };
  if (dep.status) { dep.status.replicas = 5; dep.status.updatedReplicas = 1; dep.status.availableReplicas = 3; dep.status.readyReplicas = 3; dep.status.unavailableReplicas = 1; }
  const quotes = bystander(ns, 'quote-cache-warmer', names, 3 * DAYS, { revisions: [5, 6], versions: ['0.9.2', '0.9.3'], olderAgo: 25 * DAYS });
  const cm = configMap({ namespace: ns, name: newCm, createdAgo: 41, data: { PRICE_RULES_URL: 's3://acme-pricing-rules/prod/v2026-11-20.json', FX_PROVIDER: 'ecb', FX_REFRESH: '15m', DISCOUNT_ENGINE: 'v3', CACHE_TTL: '120s' } });
  cm.metadata = {
    ...cm.metadata,
    labels: { 'app.kubernetes.io/instance': 'pricing-api', app: 'pricing-api' },
    annotations: { 'argocd.argoproj.io/tracking-id': `pricing-api:/ConfigMap:pricing/${newCm}` },
    managedFields: [{ manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(41), fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }],
  };
  const evicted = [podOf(app, 2), podOf(app, 3)];
  const oldRs = rsOf(app, 12);
  const rsRef = { kind: 'ReplicaSet', name: oldRs, namespace: ns };
  return {
    id: 'heldout65-kustomize-configmap-pruned-old-replicaset',
    class: 'config',
    truth: 'pricing-api\'s config comes from a kustomize configMapGenerator, so each config change makes a new hash-suffixed ConfigMap. 41 minutes ago Argo CD synced a config change: it created pricing-api-config-b5k2f9c8hd, moved the Deployment to revision 13, and pruned the no-longer-rendered pricing-api-config-7g8h9k2m4t. The rollout was paused as soon as its first pod came up (the team\'s manual canary step), so revision 12\'s ReplicaSet still owns four pods and still references the pruned ConfigMap. 21 minutes ago a node-group upgrade drained a node; the two revision-12 pods recreated from it fail with CreateContainerConfigError: configmap "pricing-api-config-7g8h9k2m4t" not found. Only 3 pods (2 old, 1 canary) serve; the Deployment is below its minimum availability. Rolling back to revision 12 would break every pod; fix by resuming the rollout to revision 13 (or restoring the old ConfigMap), and mark generated ConfigMaps Prune=false/keep old ones.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...quotes.objects, cm,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 41),
      nodeEvent(drained, 'NodeNotSchedulable', `Node ${drained} status is now: NodeNotSchedulable`, { firstAgo: 21 }),
      event({ on: rsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(evicted[0])}`, firstAgo: 20.6, lastAgo: 20.6, component: 'replicaset-controller' }),
      event({ on: rsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(evicted[1])}`, firstAgo: 20.5, lastAgo: 20.5, component: 'replicaset-controller' }),
      ...startedNormally(podOf(app, 4), 'app', image('7.2.0'), 20.5),
      ...evicted.flatMap((p, k) => [
        scheduled(p, 20.6 - k * 0.1),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('7.2.0')}" already present on machine`, count: 98 - k * 2, firstAgo: 20.5 - k * 0.1, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Error: configmap "${oldCm}" not found`, count: 98 - k * 2, firstAgo: 20.5 - k * 0.1, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: [
      ...[0, 1, 4].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`{"ts":"${at(0.8)}","level":"info","msg":"quote","sku_count":3,"currency":"EUR","ms":19}`, `{"ts":"${at(0.2)}","level":"info","msg":"quote","sku_count":1,"currency":"GBP","ms":11}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/7g8h9k2m4t|config ?map/i, /not found|missing|prun|delet|no longer exists/i],
      facts: [lit(oldCm), /revision 12|7g8h9k2m4t|old(er)? replica ?set/i, /CreateContainerConfigError/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /image/i, /secret/i, /quote-cache-warmer/],
    },
  };
}

// ---- 7. healthy control: JWKS refresh warnings while cached keys stay valid ------------------------

function healthyJwksRefreshWarnings(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.33', ['27', '144', '219']);
  const image = `${ECR}/accounts/account-api:2.31.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'account-api',
    replicas: 3,
    revisions: [
      { revision: 64, createdAgo: 12 * DAYS, changeCause: 'argocd: account-api 2.30.2', template: { containers: [container({ image: `${ECR}/accounts/account-api:2.30.2`, env: [{ name: 'OIDC_ISSUER', value: 'https://login.acme-id.com/' }, { name: 'JWKS_REFRESH', value: '10m' }] })] } },
      { revision: 65, createdAgo: 3 * DAYS, changeCause: 'argocd: account-api 2.31.0', template: { containers: [container({ image, env: [{ name: 'OIDC_ISSUER', value: 'https://login.acme-id.com/' }, { name: 'JWKS_REFRESH', value: '10m' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 65, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const prefs = bystander(ns, 'account-preferences', names, 5 * DAYS, { revisions: [17, 18], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out: string[] = [];
    const warnAt = [52 - k * 3, 31 - k * 2, 9 - k];
    for (let t = 58; t >= 0.3; t -= 1.7) {
      const m = Math.round(t * 10) / 10;
      out.push(`ts=${at(m)} caller=http.go:112 level=info msg="request" method=GET path=/v1/accounts/me status=200 dur=${(8 + ((m * 7) % 9)).toFixed(0)}ms`);
      for (const w of warnAt) if (w <= m && w > m - 1.7) out.push(`ts=${at(w)} caller=jwks.go:88 level=warn msg="failed to refresh JWKS, using cached keys" issuer=https://login.acme-id.com/ err="Get \\"https://login.acme-id.com/.well-known/jwks.json\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" cached_keys=3 cache_age=${20 + ((w * 3) % 30) | 0}m0s`);
    }
    out.push(`ts=${at(0.2)} caller=jwks.go:71 level=info msg="JWKS refreshed" issuer=https://login.acme-id.com/ keys=3 kids="k-2026-10,k-2026-11,k-2026-11b"`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout65-healthy-jwks-refresh-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong. account-api refreshes the identity provider\'s JWKS every 10 minutes; when login.acme-id.com is slow the refresh times out a few times an hour and the service logs "failed to refresh JWKS, using cached keys" while its three cached keys are still the ones tokens are signed with. Every request succeeds (200s), all three pods of revision 65 (three days old) are ready with no restarts, and there are no warning events.',
    ask: { service: 'account-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...prefs.objects,
      ...exposed({ namespace: ns, name: 'account-api', selector: { app: 'account-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'account-preferences', selector: { app: 'account-preferences' }, pods: prefs.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|running normally|all .*ready|nothing/i],
      facts: [],
      never: [/\bOOM/, ADVISES_ROLLBACK, /JWKS[^\n]*(caus|outage|broken|fail(s|ing) (auth|requests))/i, /(auth|authentication|token)[^\n]*(outage|broken|failing)/i, /crash ?loop/i],
    },
  };
}

export const PART_ONE: readonly CorpusScenario[] = [
  esScrollContextsExhausted(),
  rabbitDeliveryLimitDropsWork(),
  zookeeperTooManyConnections(),
  goServeMuxPatternConflict(),
  rubyFileExistsRemoved(),
  prunedGeneratedConfigMap(),
  healthyJwksRefreshWarnings(),
];
