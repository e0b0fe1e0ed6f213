// Held-out stories, twenty-third round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// A fluent-bit sidecar OOMKilled while its Loki backend answers 503, a topology spread with
// minDomains 3 on a two-zone pool, gunicorn --preload sharing one Postgres TLS connection across
// workers, readiness flapping under GC pauses with failureThreshold 1, an nginx image that cannot
// chown its cache once every capability is dropped, a RabbitMQ queue redeclared as quorum, and a
// healthy control: a DaemonSet rolling node by node.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, configMap, container, crashLoop, daemonSetApp, deploymentApp, event, exposed,
  failedScheduling, hpa, httpProbe, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pyTime, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, clfTime, ago,
} from '../kit/index.js';
import type { Built } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { BystanderLook } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const HOURS_MIN = 60;
const LOOK: BystanderLook = { revisions: [11, 12], versions: ['4.2.0', '4.2.1'], olderAgo: 9 * DAYS };
const deploymentOf = (app: Built) => app.objects[0] ?? {};

/** fluent-bit's `[2026/11/21 03:10:12]`. */
const fbTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}]`;
/** gunicorn's `[2026-11-21 03:10:12 +0000]`. */
const gunicornTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
/** PostgreSQL's log_line_prefix time: `2026-11-21 03:10:12.412 UTC`. */
const pgTime = (m: number): string => `${at(m).slice(0, 23).replace('T', ' ')} UTC`;
/** JVM unified logging: `[2026-11-21T03:10:12.412+0000]`. */
const jvmTime = (m: number): string => `[${at(m).replace('Z', '+0000')}]`;
/** nginx error log: `2026/11/21 03:10:12`. */
const nginxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** RabbitMQ 3.13: `2026-11-21 03:10:12.412518+00:00`. */
const rabbitTime = (m: number): string => `${at(m).slice(0, 23).replace('T', ' ')}518+00:00`;
/** klog: `W1121 03:10:12.412518`. */
const klog = (sev: string, m: number): string => `${sev}${at(m).slice(5, 7)}${at(m).slice(8, 10)} ${at(m).slice(11, 23)}518`;

// ---- 1. fluent-bit sidecar OOMKilled: Loki answers 503, fluent-bit buffers without a limit -------

function fluentBitSidecarOomBackend503(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.74');
  const image = (v: string) => `${ECR}/storefront/catalog-web:${v}`;
  const fbImage = 'cr.fluentbit.io/fluent/fluent-bit:3.1.9';
  const fbConf = [
    '[SERVICE]', '    Flush        1', '    Log_Level    info', '    HTTP_Server  On', '    HTTP_Port    2020', '',
    '[INPUT]', '    Name         tail', '    Path         /var/log/app/*.log', '    Tag          app.*', '    storage.type memory', '    Refresh_Interval 5', '',
    '[OUTPUT]', '    Name         loki', '    Match        app.*', '    Host         loki-gateway.logging.svc.cluster.local', '    Port         80',
    '    Labels       job=catalog-web, namespace=storefront', '    Retry_Limit  False', '',
  ].join('\n');
  const tpl = (v: string) => ({
    containers: [
      container({ image: image(v), ports: [8080], memory: '768Mi', cpu: '500m', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'app-logs', mountPath: '/var/log/app' }] }),
      container({ name: 'fluent-bit', image: fbImage, ports: [{ name: 'fb-metrics', containerPort: 2020 }], cpu: '20m', memory: '64Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'app-logs', mountPath: '/var/log/app', readOnly: true }, { name: 'fluent-bit-config', mountPath: '/fluent-bit/etc/' }] }),
    ],
    volumes: [{ name: 'app-logs', emptyDir: {} }, { name: 'fluent-bit-config', configMap: { name: 'catalog-web-fluent-bit', defaultMode: 420 } }],
  });
  const oom = (restarts: number, finishedAgo: number, ranSeconds: number) => running({ sinceAgo: finishedAgo - 0.02, restarts, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds } });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-web',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 16 * DAYS, changeCause: 'argocd: catalog-web 7.3.0', template: tpl('7.3.0') },
      { revision: 58, createdAgo: 3 * DAYS, changeCause: 'argocd: catalog-web 7.3.1', template: tpl('7.3.1') },
    ],
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS },
    pods: [
      // Old noise: the app container restarted once two days ago (SIGTERM during a node drain's retry).
      { revision: 58, node: names[0] ?? '', createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 86000 } }), 'fluent-bit': oom(9, 2.1, 190) } },
      { revision: 58, node: names[1] ?? '', createdAgo: 3 * DAYS - 1, containers: { 'fluent-bit': oom(8, 0.7, 205) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 3 * DAYS - 2, containers: { 'fluent-bit': oom(10, 3.4, 176) } },
    ],
  });
  const other = bystander(ns, 'catalog-search', names, 26 * HOURS_MIN, LOOK);
  const fp = 'spec.containers{fluent-bit}';
  const podEvents = app.pods.flatMap((p, i) => [
    ...restartedAgain(p, 'fluent-bit', fbImage, { count: [9, 8, 10][i] ?? 9, firstAgo: 31 - i, lastAgo: [2.1, 0.7, 3.4][i] ?? 1 }),
    backOff(p, 'fluent-bit', { count: [14, 11, 17][i] ?? 12, firstAgo: 22 - i, lastAgo: [2.2, 0.8, 3.5][i] ?? 1 }),
  ]);
  const nodeOom = names.map((n, i) => nodeEvent(n, 'SystemOOM', `System OOM encountered, victim process: fluent-bit, pid: ${[418223, 402917, 431058][i]}`, { type: 'Warning', count: [9, 8, 10][i] ?? 9, firstAgo: 27 - i, lastAgo: [2.1, 0.7, 3.4][i] ?? 1 }));
  // The backend: Loki's write path lost two of three ingesters (restarted 33 minutes ago on a node
  // replacement, still replaying their WAL), so pushes with replication factor 3 are refused.
  const lokiImage = 'docker.io/grafana/loki:3.2.1';
  const loki = statefulSetApp({
    namespace: 'logging',
    name: 'loki-write',
    replicas: 3,
    serviceName: 'loki-write-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'loki', image: lokiImage, args: ['-config.file=/etc/loki/config/config.yaml', '-target=write'], ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'grpc', containerPort: 9095 }], memory: '4Gi', cpu: '1', readiness: httpProbe('/ready', 'http-metrics', { initialDelaySeconds: 30 }), liveness: null })] } }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 33, ready: false, containers: { loki: running({ sinceAgo: 32.5, ready: false }) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 33, ready: false, containers: { loki: running({ sinceAgo: 32.5, ready: false }) } },
    ],
  });
  const [w0, w1, w2] = [podOf(loki, 0), podOf(loki, 1), podOf(loki, 2)];
  const unhealthy = `${ipOfPod(w1)}:9095,${ipOfPod(w2)}:9095`;
  const fbPrevious = (p: k8s.V1Pod, end: number, ran: number) => {
    const start = end + ran / 60;
    const out = [
      'Fluent Bit v3.1.9',
      '* Copyright (C) 2015-2024 The Fluent Bit Authors',
      '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd',
      '* https://fluentbit.io',
      '',
      `${fbTime(start)} [ info] [fluent bit] version=3.1.9, commit=431fa79ae2, pid=1`,
      `${fbTime(start)} [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
      `${fbTime(start)} [ info] [cmetrics] version=0.9.6`,
      `${fbTime(start)} [ info] [input:tail:tail.0] initializing`,
      `${fbTime(start)} [ info] [input:tail:tail.0] storage_strategy='memory' (memory only)`,
      `${fbTime(start)} [ info] [output:loki:loki.0] configured, hostname=loki-gateway.logging.svc.cluster.local:80`,
      `${fbTime(start)} [ info] [http_server] listen iface=0.0.0.0 tcp_port=2020`,
      `${fbTime(start)} [ info] [sp] stream processor started`,
    ];
    let task = 0;
    for (let t = start - 0.05; t > end + 0.05; t -= 0.35) {
      const chunk = `1-${Math.floor(ago(t).getTime() / 1000)}.${String(148210382 + task * 7919).padStart(9, '0')}.flb`;
      out.push(
        `${fbTime(t)} [error] [output:loki:loki.0] loki-gateway.logging.svc.cluster.local:80, HTTP status=503`,
        `at least 2 live replicas required, could only find 1 - unhealthy instances: ${unhealthy}`,
        `${fbTime(t)} [ warn] [engine] failed to flush chunk '${chunk}', retry in ${7 + (task % 5) * 4} seconds: task_id=${task}, input=tail.0 > output=loki.0 (out_id=0)`,
      );
      if (task % 4 === 3) out.push(`${fbTime(t - 0.02)} [ warn] [engine] chunk '1-${Math.floor(ago(start).getTime() / 1000)}.148210382.flb' cannot be retried: task_id=${task - 3}, input=tail.0 > output=loki.0`);
      task++;
    }
    return lines(...out);
  };
  const ends = [2.1, 0.7, 3.4];
  const rans = [190, 205, 176];
  return {
    id: 'heldout23-fluent-bit-sidecar-oom-loki-503',
    class: 'containers',
    truth: 'Loki\'s write path (logging/loki-write) has refused pushes with HTTP 503 for about 30 minutes ("at least 2 live replicas required, could only find 1") since two of its three ingesters restarted. The fluent-bit log-shipper sidecar in every catalog-web pod retries forever (Retry_Limit False) and buffers the unsent chunks in memory (storage.type memory, no Mem_Buf_Limit), so it grows until its 64Mi limit OOMKills it every three minutes or so; the app container is fine and keeps serving. Fix: bound fluent-bit\'s buffer (Mem_Buf_Limit / filesystem storage) and restore the Loki ingesters; catalog-web 7.3.1 (three days old) is not the cause.',
    ask: { service: 'catalog-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...loki.objects,
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      ...exposed({ namespace: 'logging', name: 'loki-write', selector: { app: 'loki-write' }, pods: loki.pods, ports: [{ name: 'http-metrics', port: 3100, targetPort: 'http-metrics' }], endpointPort: 3100 }),
      configMap({ namespace: ns, name: 'catalog-web-fluent-bit', createdAgo: 200 * DAYS, data: { 'fluent-bit.conf': fbConf } }),
      ...podEvents,
      ...nodeOom,
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 26 * HOURS_MIN),
      // Yesterday's noise: a slow readiness check during the catalog-search deploy.
      probeFailed(podOf(other, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(other, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 26 * HOURS_MIN - 1, lastAgo: 26 * HOURS_MIN - 1.5 }),
      ...[w1, w2].flatMap((p) => [
        ...startedAt(p, 'loki', lokiImage, 33),
        probeFailed(p, 'loki', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 185, firstAgo: 32, lastAgo: 0.2 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'fluent-bit', {
        previous: fbPrevious(p, ends[i] ?? 1, rans[i] ?? 180),
        current: lines(
          `${fbTime(ends[i] ?? 1)} [ info] [fluent bit] version=3.1.9, commit=431fa79ae2, pid=1`,
          `${fbTime(ends[i] ?? 1)} [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
          `${fbTime((ends[i] ?? 1) - 0.3)} [error] [output:loki:loki.0] loki-gateway.logging.svc.cluster.local:80, HTTP status=503`,
          `at least 2 live replicas required, could only find 1 - unhealthy instances: ${unhealthy}`,
          `${fbTime((ends[i] ?? 1) - 0.3)} [ warn] [engine] failed to flush chunk '1-${Math.floor(ago(0.4).getTime() / 1000)}.301774612.flb', retry in 10 seconds: task_id=0, input=tail.0 > output=loki.0 (out_id=0)`,
        ),
      })),
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":"info","time":"${at(1.3)}","msg":"GET /api/products?category=shoes","status":200,"duration_ms":18}`,
        `{"level":"info","time":"${at(0.6)}","msg":"GET /api/products/SKU-88231","status":200,"duration_ms":7}`,
        `{"level":"info","time":"${at(0.1)}","msg":"GET /ready","status":200,"duration_ms":1}`,
      ) })),
      logsFor(w0, 'loki', { current: lines(
        `level=warn ts=${at(1.2)} caller=logging.go:128 orgID=fake msg="POST /loki/api/v1/push (503) 1.204ms Response: \\"at least 2 live replicas required, could only find 1 - unhealthy instances: ${unhealthy}\\\\n\\" ws: false; Content-Length: 48211; Content-Type: application/x-protobuf; User-Agent: Fluent-Bit; "`,
        `level=warn ts=${at(0.4)} caller=logging.go:128 orgID=fake msg="POST /loki/api/v1/push (503) 0.981ms Response: \\"at least 2 live replicas required, could only find 1 - unhealthy instances: ${unhealthy}\\\\n\\" ws: false; Content-Length: 51377; Content-Type: application/x-protobuf; User-Agent: Fluent-Bit; "`,
      ) }),
      ...[w1, w2].map((p) => logsFor(p, 'loki', { current: lines(
        `level=info ts=${at(32.4)} caller=main.go:126 msg="Starting Loki" version="(version=3.2.1, branch=HEAD, revision=3c386cc5)"`,
        `level=info ts=${at(32.3)} caller=ingester.go:484 component=ingester msg="recovering from checkpoint"`,
        `level=info ts=${at(2.5)} caller=recovery.go:181 component=ingester msg="recovered WAL checkpoint recovery finished" elapsed=29m49.13s errors=false`,
        `level=info ts=${at(0.5)} caller=ingester.go:508 component=ingester msg="recovering from WAL"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fluent-bit/, /OOM|out of memory|memory limit|64Mi/i],
      facts: [/fluent-bit/, /OOMKilled/, /64Mi/, /503/, /loki/i, /buffer|retr(y|ies)|Mem_Buf_Limit|storage\.type/i],
      never: [ADVISES_ROLLBACK, /catalog-web:7\.3\.1[^\n]*(caused|broke)/i, /container app[^\n]*(OOM|out of memory)/i, /liveness/i, /catalog-search/],
    },
  };
}


// ---- 2. topology spread with minDomains 3 on a node pool of two zones ------------------------------

function topologySpreadMinDomainsTwoZones(): CorpusScenario {
  const ns = 'pricing';
  const mk = (ip: string, zone: string) => node({ name: eksNodeName(ip), zone, pool: 'pricing-m6i', instanceType: 'm6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '31369448Ki', pods: '58' }, createdAgo: 21 * DAYS });
  const nodes = [mk('10.0.16.40', 'eu-west-1a'), mk('10.0.17.212', 'eu-west-1a'), mk('10.0.32.9', 'eu-west-1b'), mk('10.0.33.151', 'eu-west-1b')];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const spread: k8s.V1TopologySpreadConstraint[] = [{ maxSkew: 2, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 3, labelSelector: { matchLabels: { app: 'quote-engine' } } }];
  const tpl = (v: string, withSpread: boolean) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })],
    ...(withSpread ? { topologySpreadConstraints: spread } : {}),
  });
  const unsched = '0/4 nodes are available: 4 node(s) didn\'t match pod topology spread constraints. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 8,
    revisions: [
      { revision: 22, createdAgo: 30 * DAYS, changeCause: 'argocd: quote-engine 5.11.0', template: tpl('5.11.0', false) },
      { revision: 23, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-engine 5.12.0 (platform chart 2.0: zone spread)', template: tpl('5.12.0', true) },
    ],
    settled: { available: true, availableSince: 9, progressingSince: 12 * DAYS, progressingUpdatedAgo: 9 },
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 23, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 23, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 23, node: names[3] ?? '', createdAgo: 12 * DAYS - 3, containers: { app: running({ sinceAgo: 5 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS, ranSeconds: 600000 } }) } },
      ...[0, 1, 2, 3].map(() => ({ revision: 23, node: null, createdAgo: 9, unschedulable: unsched })),
    ],
  });
  const pending = app.pods.slice(4);
  const other = bystander(ns, 'fx-rates', names, 50, LOOK);
  const dep = deploymentOf(app);
  return {
    id: 'heldout23-topology-spread-mindomains-two-zones',
    class: 'scheduling',
    truth: 'quote-engine\'s pod template (revision 23, twelve days ago, from the platform chart 2.0) spreads pods over topology.kubernetes.io/zone with maxSkew 2, whenUnsatisfiable DoNotSchedule and minDomains 3, but its node pool spans only two zones (eu-west-1a and eu-west-1b). With fewer eligible zones than minDomains the scheduler takes the global minimum as 0, so each zone can hold at most 2 pods: the four running pods fill both zones, and when the HPA scaled 4 → 8 nine minutes ago the four new pods stayed Pending ("didn\'t match pod topology spread constraints") though the nodes have plenty of CPU and memory. Fix: set minDomains to 2 (or drop it / use ScheduleAnyway), or add a third zone to the pool.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'quote-engine', target: { kind: 'Deployment', name: 'quote-engine' }, min: 4, max: 12, current: 8, desired: 8, cpu: { current: 91, target: 65, averageValue: '910m' }, lastScaleAgo: 9 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'quote-engine', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 9, lastAgo: 9, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 23), 8, 4, 9),
      ...pending.flatMap((p) => [
        failedScheduling(p, unsched, { count: 11, firstAgo: 9, lastAgo: 0.6 }),
        notTriggerScaleUp(p, '1 node(s) didn\'t match pod topology spread constraints', { count: 50, firstAgo: 8.8, lastAgo: 0.4 }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 50),
    ],
    logs: app.pods.slice(0, 4).map((p) => logsFor(p, 'app', { current: lines(
      `${at(1.1)}  INFO 1 --- [quote-engine] [nio-8080-exec-7] c.a.p.quote.QuoteController            : quote computed id=q-88123 products=3 tookMs=412`,
      `${at(0.5)}  WARN 1 --- [quote-engine] [nio-8080-exec-2] c.a.p.quote.QuoteController            : quote slow id=q-88190 tookMs=1830`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/topology spread|topologySpread|spread constraint|minDomains/i],
      facts: [/minDomains/, /zone/i, /didn't match pod topology spread constraints/, /Pending|unschedul/i],
      never: [/Insufficient (cpu|memory)/i, /quota/i, /\bOOM/, ADVISES_ROLLBACK, /fx-rates/, /taint/i],
    },
  };
}

// ---- 3. gunicorn --preload: workers share the parent's Postgres TLS connection ----------------------

function gunicornPreloadSharedTlsConnection(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeEksNodes('10.0.122');
  const image = `${ECR}/insurance/claims-api:2.41.0`;
  const base = ['gunicorn', 'claims.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--timeout', '30', '--access-logfile', '-'];
  const tpl = (preload: boolean) => ({
    containers: [container({
      image,
      command: preload ? [...base, '--preload'] : base,
      ports: [8000],
      cpu: '500m',
      memory: '1Gi',
      env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://claims@claims-db.insurance.svc.cluster.local:5432/claims?sslmode=require' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'claims-db', key: 'password' } } }],
      readiness: httpProbe('/healthz', 8000),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 8 * DAYS, changeCause: 'argocd: claims-api 2.41.0', template: tpl(false) },
      { revision: 18, createdAgo: 95, changeCause: 'argocd: claims-api gunicorn --preload (cut worker memory)', template: tpl(true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 94 - k * 1.5 })),
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'claims-db',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 40 * DAYS }],
  });
  const dbPod = podOf(db, 0);
  const other = bystander(ns, 'policy-api', names, 70, LOOK);
  const sql = 'SELECT claims.id AS claims_id, claims.policy_id AS claims_policy_id, claims.status AS claims_status \nFROM claims \nWHERE claims.id = %(pk_1)s';
  const trace = (m: number, worker: number, err: string[]) => [
    `${pyTime(m)} ERROR [claims.api] [pid ${worker}] Exception on /v1/claims/CLM-${40000 + worker} [GET]`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
    '    self.dialect.do_execute(',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
    '    cursor.execute(statement, parameters)',
    `psycopg2.OperationalError: ${err.join('\n')}`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app',
    '    response = self.full_dispatch_request()',
    '  File "/app/claims/api/claims.py", line 58, in get_claim',
    '    claim = db.session.get(Claim, claim_id)',
    `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) ${err.join('\n')}`,
    `[SQL: ${sql}]`,
    `[parameters: {'pk_1': 'CLM-${40000 + worker}'}]`,
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  ];
  const badMac = ['SSL error: decryption failed or bad record mac'];
  const closed = ['server closed the connection unexpectedly', '\tThis probably means the server terminated abnormally', '\tbefore or while processing the request.'];
  const appLogs = (p: k8s.V1Pod, i: number) => {
    const start = 94 - i * 1.5 - 0.3;
    const ip = (n: number) => `10.0.${40 + n}.${17 + i * 9}`;
    return lines(
      `${gunicornTime(start)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${pyTime(start)} INFO [claims.db] engine created pool_size=5 max_overflow=10 url=postgresql+psycopg2://claims:***@claims-db.insurance.svc.cluster.local:5432/claims?sslmode=require`,
      `${pyTime(start)} INFO [claims.db] warmed reference cache: 212 claim types, 48 adjusters`,
      `${gunicornTime(start)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(start)} [1] [INFO] Using worker: sync`,
      ...[8, 9, 10, 11].map((w) => `${gunicornTime(start)} [${w}] [INFO] Booting worker with pid: ${w}`),
      `${ip(1)} - - [${clfTime(6.2)}] "GET /v1/claims/CLM-39812 HTTP/1.1" 200 1843 "-" "python-httpx/0.27.2"`,
      ...trace(5.9, 9, badMac),
      `${ip(2)} - - [${clfTime(5.9)}] "GET /v1/claims/CLM-40009 HTTP/1.1" 500 265 "-" "python-httpx/0.27.2"`,
      `${ip(1)} - - [${clfTime(4.7)}] "POST /v1/claims HTTP/1.1" 201 912 "-" "python-httpx/0.27.2"`,
      ...trace(3.1, 11, closed),
      `${ip(3)} - - [${clfTime(3.1)}] "GET /v1/claims/CLM-40011 HTTP/1.1" 500 265 "-" "python-httpx/0.27.2"`,
      `${pyTime(2.4)} ERROR [claims.api] [pid 10] Exception on /v1/claims/CLM-40010 [GET]: sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) SSL SYSCALL error: EOF detected`,
      `${ip(2)} - - [${clfTime(2.4)}] "GET /v1/claims/CLM-40010 HTTP/1.1" 500 265 "-" "python-httpx/0.27.2"`,
      `${ip(1)} - - [${clfTime(1.2)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
      ...trace(0.6, 8, badMac),
      `${ip(3)} - - [${clfTime(0.6)}] "GET /v1/claims/CLM-40008 HTTP/1.1" 500 265 "-" "python-httpx/0.27.2"`,
    );
  };
  return {
    id: 'heldout23-gunicorn-preload-shared-tls-connection',
    class: 'rollout',
    truth: 'claims-api revision 18 (95 minutes ago) only added --preload to the gunicorn command. The app creates its SQLAlchemy engine and opens a psycopg2 connection (warming a cache) at import time, so with --preload that TLS connection is opened in the master before fork and the four sync workers inherit and use the same socket and SSL state: their records interleave, so requests fail intermittently with "SSL error: decryption failed or bad record mac", "SSL SYSCALL error: EOF detected" and "server closed the connection unexpectedly" (500s) while the pods stay ready. The database is fine. Fix: roll back to revision 17 or dispose the engine after fork (post_fork hook / engine.dispose()).',
    ask: { service: 'claims-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-api', selector: { app: 'claims-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'claims-db', selector: { app: 'claims-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'policy-api', selector: { app: 'policy-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 0, 95),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 0, 3, 91),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 70),
      // Yesterday's noise: the database's nightly vacuum made pg_isready slow once.
      probeFailed(dbPod, 'postgres', 'Readiness', 'command timed out: "pg_isready -U postgres" timed out after 5s', { count: 1, firstAgo: 22 * HOURS_MIN, lastAgo: 22 * HOURS_MIN }),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLogs(p, i) })),
      logsFor(dbPod, 'postgres', { current: lines(
        `${pgTime(30)} [27] LOG:  checkpoint starting: time`,
        `${pgTime(28.5)} [27] LOG:  checkpoint complete: wrote 8122 buffers (6.2%); 0 WAL file(s) added, 0 removed, 3 recycled; write=89.912 s, sync=0.012 s, total=89.951 s`,
        `${pgTime(5.9)} [41877] LOG:  SSL error: decryption failed or bad record mac`,
        `${pgTime(5.9)} [41877] LOG:  could not receive data from client: Connection reset by peer`,
        `${pgTime(3.1)} [41877] LOG:  could not send data to client: Broken pipe`,
        `${pgTime(3.1)} [41877] FATAL:  connection to client lost`,
        `${pgTime(0.6)} [42290] LOG:  SSL error: decryption failed or bad record mac`,
        `${pgTime(0.6)} [42290] LOG:  could not receive data from client: Connection reset by peer`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/preload/i],
      facts: [/--preload/, /decryption failed or bad record mac/, /fork|worker/i, /revision 18/],
      never: [/\bOOM/, /certificate|cert(ificate)? (expir|rotat)/i, /claims-db[^\n]*(down|crash|restart)/i, /crash ?loop/i, /policy-api/],
    },
  };
}

// ---- 4. readiness flapping: failureThreshold 1 / timeout 1s against ~1.5 s GC pauses ---------------

function readinessFlapGcPauses(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.201');
  const image = `${ECR}/warehouse/inventory-service:9.4.2`;
  const tpl = (tight: boolean) => ({
    containers: [container({
      image,
      ports: [8080],
      cpu: '2',
      memory: '5Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=80 -XX:+UseG1GC -Xlog:gc:stdout:time,level,tags' }],
      envFrom: [{ configMapRef: { name: 'inventory-service-config' } }],
      readiness: tight ? httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 1 }) : httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-service',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 24 * DAYS, changeCause: 'argocd: inventory-service 9.4.2', template: tpl(false) },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: readiness probe every 2s, fail fast (faster failover)', template: tpl(true) },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 2.5, ready: false }) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 4 },
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 6, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 6.5, ready: false }) } },
    ],
  });
  // The Ready condition flips every few seconds; at NOW two pods happen to be out.
  for (const p of app.pods) for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(0.05);
  const other = bystander(ns, 'stock-sync', names, 3 * HOURS_MIN, LOOK);
  const cm = configMap({ namespace: ns, name: 'inventory-service-config', createdAgo: 200 * DAYS, updatedAgo: 48, data: { FEATURE_BULK_RESERVE: 'true', RESERVATION_TTL_SECONDS: '900', LOG_LEVEL: 'INFO' } });
  const ingressImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
  const ingress = deploymentApp({
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    replicas: 1,
    revisions: [{ revision: 6, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'controller', image: ingressImage, ports: [80, { name: 'https', containerPort: 443 }], readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254) })] } }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 50 * DAYS }],
  });
  const ip = (i: number) => ipOfPod(podOf(app, i));
  const probe = (i: number) => `Get "http://${ip(i)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const gcLog = (i: number) => {
    const out: string[] = [
      `${at(13)}  WARN 1 --- [inventory-service] [io-8080-exec-${i + 3}] c.a.w.inventory.ReservationController    : request rate high: 1840 req/min (p99 2210 ms)`,
    ];
    let n = 48210 + i * 311;
    for (let t = 12; t > 0; t -= 0.9) {
      const pause = t < 40 ? 1180 + ((n * 37) % 520) : 180;
      out.push(`${jvmTime(t)}[info][gc] GC(${n}) Pause Young (Normal) (G1 Evacuation Pause) ${3890 - (n % 90)}M->${2410 + (n % 130)}M(4096M) ${pause}.${(n * 13) % 1000}ms`);
      out.push(`${at(t - 0.05)}  INFO 1 --- [inventory-service] [io-8080-exec-${(n % 50) + 1}] c.a.w.inventory.ReservationController    : reserved sku=SKU-${(n * 7) % 99999} qty=${(n % 4) + 1} tookMs=${pause + 40}`);
      n++;
    }
    return lines(...out);
  };
  return {
    id: 'heldout23-readiness-flap-gc-pause-failure-threshold-1',
    class: 'probes',
    truth: 'Revision 41 (six days ago) tightened inventory-service\'s readiness probe to periodSeconds 2, timeoutSeconds 1, failureThreshold 1. Under today\'s higher load (4 replicas, no autoscaler) G1 young-GC pauses reach ~1.2–1.7 s, so a single probe that lands in a pause times out ("context deadline exceeded (Client.Timeout exceeded while awaiting headers)") and the pod is pulled from the Service\'s endpoints until the next success 2 s later. Pods flap in and out continuously (no restarts: liveness is lenient), and when several are out at once ingress-nginx has no endpoint and returns 503. The ConfigMap change 48 minutes ago is unrelated. Fix: relax the readiness probe (timeout ≥ 3 s, failureThreshold ≥ 3) and tune the heap/GC.',
    ask: { service: 'inventory-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...ingress.objects, cm,
      ...exposed({ namespace: ns, name: 'inventory-service', selector: { app: 'inventory-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'stock-sync', selector: { app: 'stock-sync' }, pods: other.pods }),
      ...app.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', probe(i), { count: [212, 247, 198, 231][i] ?? 200, firstAgo: 44 - i, lastAgo: [0.3, 0.05, 0.6, 0.1][i] ?? 0.2 })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 3 * HOURS_MIN),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: gcLog(i) })),
      logsFor(podOf(ingress, 0), 'controller', { current: lines(
        `${klog('W', 3.4)}       7 controller.go:1214] Service "warehouse/inventory-service" does not have any active Endpoint.`,
        `10.0.7.14 - - [${clfTime(3.4)}] "POST /api/inventory/reservations HTTP/1.1" 503 190 "-" "okhttp/4.12.0" 412 0.000 [warehouse-inventory-service-80] [] - - - - 6c1f0a9e2d7b4c13a8e5f0b2d9c6e471`,
        `10.0.7.14 - - [${clfTime(2.2)}] "GET /api/inventory/SKU-44120 HTTP/1.1" 200 311 "-" "okhttp/4.12.0" 298 1.612 [warehouse-inventory-service-80] [] ${ip(0)}:8080 311 1.612 200 0b4e7d21c9a84f6e9d3a5c7b1e2f8a40`,
        `${klog('W', 1.1)}       7 controller.go:1214] Service "warehouse/inventory-service" does not have any active Endpoint.`,
        `10.0.7.14 - - [${clfTime(1.1)}] "POST /api/inventory/reservations HTTP/1.1" 503 190 "-" "okhttp/4.12.0" 405 0.000 [warehouse-inventory-service-80] [] - - - - 91ad3e5c0f7b4d28b6e1c4a9f3d20e57`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/readiness/i, /timeout|timed out|deadline|timeoutSeconds|failureThreshold|flap/i],
      facts: [/failureThreshold/, /\bGC\b|garbage collect|pause/i, /context deadline exceeded|Client\.Timeout/, /endpoint/i],
      never: [/\bOOM/, /crash ?loop/i, /inventory-service-config[^\n]*(caused|broke|trigger)/i, /liveness probe[^\n]*(kill|restart)/i, /stock-sync/],
    },
  };
}

// ---- 5. capabilities drop ALL on an nginx image that chowns its cache at start ---------------------

function nginxDropAllChownCache(): CorpusScenario {
  const ns = 'marketing';
  const { nodes, names } = threeEksNodes('10.0.58');
  const image = `${ECR}/marketing/landing-web:3.8.0`;
  const hardened: k8s.V1SecurityContext = { capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, runAsNonRoot: false, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } };
  const tpl = (sc?: k8s.V1SecurityContext) => ({ containers: [container({ image, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/', 8080), liveness: httpProbe('/', 8080, { initialDelaySeconds: 5 }), ...(sc === undefined ? {} : { securityContext: sc }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'landing-web',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: landing-web 3.8.0', template: tpl() },
      { revision: 15, createdAgo: 24, changeCause: 'argocd: security baseline — drop all capabilities', template: tpl(hardened) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 15, node: names[2] ?? '', createdAgo: 23.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 0.4 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'newsletter-api', names, 5 * HOURS_MIN, LOOK);
  const emerg = 'chown("/var/cache/nginx/client_temp", 101) failed (1: Operation not permitted)';
  return {
    id: 'heldout23-nginx-drop-all-capabilities-chown',
    class: 'config',
    truth: 'landing-web revision 15 (24 minutes ago, a security-baseline change) set securityContext.capabilities.drop ["ALL"] while the nginx-based image still runs its master as root (runAsNonRoot false, runAsUser 0). At start nginx creates its temp dirs and chowns them to the nginx user (uid 101), which needs CAP_CHOWN: `[emerg] chown("/var/cache/nginx/client_temp", 101) failed (1: Operation not permitted)`, exit 1, CrashLoopBackOff on the new ReplicaSet\'s pod; the three revision-14 pods keep serving. Fix: roll back / add CAP_CHOWN (and SETUID/SETGID) back, or use the unprivileged nginx image running as uid 101 with its temp paths in an emptyDir.',
    ask: { service: 'landing-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'landing-web', selector: { app: 'landing-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'newsletter-api', selector: { app: 'newsletter-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 5 * HOURS_MIN),
      scheduled(fresh, 23.5),
      ...restartedAgain(fresh, 'app', image, { count: 10, firstAgo: 23.4, lastAgo: 2.3 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 23, lastAgo: 0.2 }),
      // Yesterday's noise: an old readiness blip on a revision-14 pod.
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/": dial tcp ${ipOfPod(podOf(app, 1))}:8080: connect: connection refused`, { count: 2, firstAgo: 19 * HOURS_MIN, lastAgo: 19 * HOURS_MIN }),
    ],
    logs: [
      logsFor(fresh, 'app', {
        previous: lines(
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          `${nginxTime(2.3)} [emerg] 1#1: ${emerg}`,
          `nginx: [emerg] ${emerg}`,
        ),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        `10.0.7.31 - - [${clfTime(1.4)}] "GET /spring-sale HTTP/1.1" 200 48211 "https://www.google.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" "203.0.113.77"`,
        `10.0.7.31 - - [${clfTime(0.3)}] "GET / HTTP/1.1" 200 31877 "-" "kube-probe/1.31" "-"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/chown|CAP_CHOWN|capabilit|Operation not permitted/i],
      facts: [/client_temp/, /Operation not permitted/, /drop/i, /revision 15/, /exit(ed)?( with)?( code)? 1\b|exit code 1/i],
      never: [/\bOOM/, /image[^\n]*(not found|pull)/i, /readOnlyRootFilesystem|read-only (root )?file ?system/i, /liveness/i, /newsletter-api/],
    },
  };
}

// ---- 6. RabbitMQ: the new revision declares 'orders' as a quorum queue over a classic one ----------

function rabbitQuorumInequivalentArg(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.143');
  const image = (v: string) => `${ECR}/fulfilment/order-worker:${v}`;
  const tpl = (v: string, quorum: boolean) => ({
    containers: [batchContainer({
      image: image(v),
      command: ['python', '-m', 'order_worker'],
      cpu: '250m',
      memory: '384Mi',
      env: [
        { name: 'AMQP_URL', value: 'amqp://order-worker@rabbitmq.messaging.svc.cluster.local:5672/%2F' },
        { name: 'ORDERS_QUEUE', value: 'orders' },
        ...(quorum ? [{ name: 'ORDERS_QUEUE_TYPE', value: 'quorum' }] : []),
        { name: 'PREFETCH', value: '20' },
      ],
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-worker',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'argocd: order-worker 2.8.4', template: tpl('2.8.4', false) },
      { revision: 27, createdAgo: 18, changeCause: 'argocd: order-worker 2.9.0 (quorum queues for HA)', template: tpl('2.9.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 26, node: names[k] ?? '', createdAgo: 13 * DAYS - k })),
      { revision: 27, node: names[0] ?? '', createdAgo: 17.6, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 2 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: 'messaging',
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-nodes',
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '1', memory: '2Gi', readiness: { tcpSocket: { port: 'amqp' }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 2, ordinal: k, node: names[k] ?? '', createdAgo: 60 * DAYS - k })),
  });
  const broker = podOf(rmq, 0);
  const other = bystander(ns, 'shipping-label', names, 4 * HOURS_MIN, LOOK);
  const refusal = 'inequivalent arg \'x-queue-type\' for queue \'orders\' in vhost \'/\': received the value \'quorum\' of type \'longstr\' but current is none';
  const crashLog = (m: number) => lines(
    `${pyTime(m + 0.03)} INFO [order_worker] starting order-worker 2.9.0 queue=orders type=quorum prefetch=20`,
    `${pyTime(m + 0.03)} INFO [pika.adapters.utils.connection_workflow] Pika version 1.3.2 connecting to ('172.20.88.14', 5672)`,
    `${pyTime(m + 0.025)} INFO [pika.adapters.utils.io_services_utils] Socket connected: <socket.socket fd=6, family=2, type=1, proto=6, laddr=('${ipOfPod(fresh)}', 51344), raddr=('172.20.88.14', 5672)>`,
    `${pyTime(m + 0.02)} INFO [pika.adapters.blocking_connection] Created channel=1`,
    `${pyTime(m + 0.01)} WARNING [pika.channel] Received remote Channel.Close (406): "PRECONDITION_FAILED - ${refusal}" on <Channel number=1 OPEN conn=<SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncPlaintextTransport object at 0x7f3a1c2b9d10> params=<URLParameters host=rabbitmq.messaging.svc.cluster.local port=5672 virtual_host=/ ssl=False>>>`,
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/order_worker/__main__.py", line 4, in <module>',
    '    main()',
    '  File "/app/order_worker/worker.py", line 61, in main',
    '    channel.queue_declare(queue=settings.orders_queue, durable=True, arguments={"x-queue-type": settings.orders_queue_type})',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 2521, in queue_declare',
    '    self._flush_output(declare_ok_result.is_ready)',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 1339, in _flush_output',
    '    raise self._closing_reason  # pylint: disable=E0702',
    '    ^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `pika.exceptions.ChannelClosedByBroker: (406, "PRECONDITION_FAILED - ${refusal}")`,
  );
  return {
    id: 'heldout23-rabbitmq-quorum-queue-inequivalent-arg',
    class: 'config',
    truth: 'order-worker revision 27 (2.9.0, 18 minutes ago) declares its queue "orders" with x-queue-type=quorum, but the queue already exists on the broker as a classic queue. RabbitMQ refuses the redeclaration with 406 PRECONDITION_FAILED ("inequivalent arg \'x-queue-type\' for queue \'orders\' in vhost \'/\': received the value \'quorum\' of type \'longstr\' but current is none") and closes the channel; the worker\'s queue_declare raises ChannelClosedByBroker and the process exits 1, so the new pod crash-loops while the three revision-26 pods keep consuming from the classic queue. The broker is healthy. Fix: roll back, or migrate the queue (new quorum queue under another name / shovel) before deploying.',
    ask: { service: 'order-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rmq.objects, ...other.objects,
      ...exposed({ namespace: 'messaging', name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672, clusterIP: '172.20.88.14' }),
      ...exposed({ namespace: ns, name: 'shipping-label', selector: { app: 'shipping-label' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 18),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 4 * HOURS_MIN),
      scheduled(fresh, 17.6),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.9.0')}"`, firstAgo: 17.5, lastAgo: 17.5, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.9.0')}" in 3.108s (3.108s including waiting). Image size: 61822410 bytes.`, firstAgo: 17.4, lastAgo: 17.4, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2.9.0'), { count: 9, firstAgo: 17.3, lastAgo: 1.8 }),
      backOff(fresh, 'app', { count: 77, firstAgo: 17, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashLog(1.8) }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(
        `${pyTime(1.5 - i * 0.1)} INFO [order_worker] order ORD-${771230 + i} picked, 3 lines, warehouse=DUB2`,
        `${pyTime(0.7 - i * 0.1)} INFO [order_worker] order ORD-${771290 + i} picked, 1 lines, warehouse=DUB2`,
      ) })),
      logsFor(broker, 'rabbitmq', { current: lines(
        `${rabbitTime(1.82)} [info] <0.31822.12> accepting AMQP connection <0.31822.12> (${ipOfPod(fresh)}:51344 -> ${ipOfPod(broker)}:5672)`,
        `${rabbitTime(1.82)} [info] <0.31822.12> connection <0.31822.12> (${ipOfPod(fresh)}:51344 -> ${ipOfPod(broker)}:5672): user 'order-worker' authenticated and granted access to vhost '/'`,
        `${rabbitTime(1.81)} [error] <0.31840.12> Channel error on connection <0.31822.12> (${ipOfPod(fresh)}:51344 -> ${ipOfPod(broker)}:5672, vhost: '/', user: 'order-worker'), channel 1:`,
        `${rabbitTime(1.81)} [error] <0.31840.12> operation queue.declare caused a channel exception precondition_failed: ${refusal}`,
        `${rabbitTime(1.8)} [warning] <0.31822.12> closing AMQP connection <0.31822.12> (${ipOfPod(fresh)}:51344 -> ${ipOfPod(broker)}:5672, vhost: '/', user: 'order-worker'):`,
        `${rabbitTime(1.8)} [warning] <0.31822.12> client unexpectedly closed TCP connection`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PRECONDITION_FAILED|inequivalent arg|x-queue-type|quorum/i],
      facts: [/orders/, /quorum/, /PRECONDITION_FAILED|406/, /x-queue-type/, /revision 27|2\.9\.0/],
      never: [/\bOOM/, /rabbitmq[^\n]*(down|unreachable|crash|unavailable)/i, /ACCESS_REFUSED|credential|password/i, /liveness/i, /shipping-label/],
    },
  };
}

// ---- 7. healthy control: a DaemonSet rolling node by node (maxUnavailable 1) -----------------------

function daemonSetRollingNodeByNode(): CorpusScenario {
  const ns = 'monitoring';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [11, 12, 13, 14, 15, 16].map((h, i) => node({ name: eksNodeName(`10.0.${60 + i}.${h * 3}`), zone: zones[i % 3] ?? 'eu-west-1a' }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `quay.io/prometheus/node-exporter:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ name: 'node-exporter', image: image(v), args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '50m', memory: '64Mi', memoryLimit: '128Mi', readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100) })],
    tolerations: [{ operator: 'Exists' }],
    priorityClassName: 'system-node-critical',
  });
  const ds = daemonSetApp({
    namespace: ns,
    name: 'node-exporter',
    revisions: [
      { revision: 8, createdAgo: 45 * DAYS, template: tpl('v1.8.2') },
      { revision: 9, createdAgo: 7, template: tpl('v1.9.0') },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 6.8 },
      { revision: 9, node: names[1] ?? '', createdAgo: 5.1 },
      { revision: 9, node: names[2] ?? '', createdAgo: 3.3 },
      { revision: 8, node: names[3] ?? '', createdAgo: 45 * DAYS, deletingAgo: 0.15 },
      { revision: 8, node: names[4] ?? '', createdAgo: 45 * DAYS, containers: { 'node-exporter': running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 2, reason: 'Error', finishedAgo: 9 * DAYS, ranSeconds: 3000000 } }) } },
      { revision: 8, node: names[5] ?? '', createdAgo: 45 * DAYS },
    ],
    desired: 6,
    pinnedToNodes: true,
  });
  const terminating = podOf(ds, 3);
  const dsRef = { kind: 'DaemonSet', name: 'node-exporter', namespace: ns };
  const oldNames = ['node-exporter-q7w2k', 'node-exporter-b9x4m', 'node-exporter-t5n8h'];
  const prom = statefulSetApp({
    namespace: ns,
    name: 'prometheus-k8s',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.55.1', ports: [9090], cpu: '1', memory: '8Gi', readiness: httpProbe('/-/ready', 9090), liveness: httpProbe('/-/healthy', 9090) })] } }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  return {
    id: 'heldout23-healthy-daemonset-rolling-node-by-node',
    class: 'healthy',
    truth: 'Nothing is broken: node-exporter revision 9 (v1.9.0, seven minutes ago) is rolling out with RollingUpdate maxUnavailable 1, one node at a time. Three nodes already run ready v1.9.0 pods, the v1.8.2 pod on the fourth node is terminating right now (its replacement comes once it is gone), and the last two still run v1.8.2. The one unavailable pod is the rollout\'s allowance; the old restart nine days ago and the terminating pod are expected.',
    ask: { service: 'node-exporter', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...prom.objects,
      ...exposed({ namespace: ns, name: 'node-exporter', selector: { app: 'node-exporter' }, pods: ds.pods, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], endpointPort: 9100, headless: false }),
      ...[0, 1, 2].flatMap((i) => [
        event({ on: dsRef, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${oldNames[i] ?? ''}`, firstAgo: [6.9, 5.2, 3.4][i] ?? 1, lastAgo: [6.9, 5.2, 3.4][i] ?? 1, component: 'daemonset-controller' }),
        event({ on: dsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(ds, i))}`, firstAgo: [6.8, 5.1, 3.3][i] ?? 1, lastAgo: [6.8, 5.1, 3.3][i] ?? 1, component: 'daemonset-controller' }),
        ...startedAt(podOf(ds, i), 'node-exporter', image('v1.9.0'), [6.8, 5.1, 3.3][i] ?? 1),
      ]),
      event({ on: dsRef, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${nameOf(terminating)}`, firstAgo: 0.15, lastAgo: 0.15, component: 'daemonset-controller' }),
      event({ on: terminating, type: 'Normal', reason: 'Killing', message: 'Stopping container node-exporter', firstAgo: 0.15, lastAgo: 0.15, fieldPath: 'spec.containers{node-exporter}' }),
      // Yesterday's noise: a scrape-time readiness blip on an old pod.
      probeFailed(podOf(ds, 5), 'node-exporter', 'Readiness', `Get "http://${ipOfPod(podOf(ds, 5))}:9100/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 20 * HOURS_MIN, lastAgo: 20 * HOURS_MIN }),
    ],
    logs: [
      ...ds.pods.slice(0, 3).map((p) => logsFor(p, 'node-exporter', { current: lines(
        `time=${at(3)} level=INFO source=node_exporter.go:216 msg="Starting node_exporter" version="(version=1.9.0, branch=HEAD, revision=f2ec547b49af53815038a50265aa2adcd1275959)"`,
        `time=${at(3)} level=INFO source=node_exporter.go:135 msg="Enabled collectors"`,
        `time=${at(3)} level=INFO source=tls_config.go:347 msg="Listening on" address=[::]:9100`,
      ) })),
      ...ds.pods.slice(4).map((p) => logsFor(p, 'node-exporter', { current: lines(
        `ts=${at(45 * DAYS - 0.2)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`,
        `ts=${at(45 * DAYS - 0.2)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`,
      ) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|roll|updat|progress|revision 9|v1\.9\.0/i],
      facts: [/v1\.9\.0|revision 9/, /roll|updat|terminat|replac/i],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /stuck|stalled/i, /prometheus-k8s/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  fluentBitSidecarOomBackend503(),
  topologySpreadMinDomainsTwoZones(),
  gunicornPreloadSharedTlsConnection(),
  readinessFlapGcPauses(),
  nginxDropAllChownCache(),
  rabbitQuorumInequivalentArg(),
  daemonSetRollingNodeByNode(),
];
