// Corpus stories: probes. The kubelet kills or sidelines containers that are fine: a liveness
// probe on the wrong port, a 1 s timeout under load, a start-up slower than the initial delay,
// a readiness path the framework moved, a startup probe looking for the wrong marker file.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, NODE_A, NODE_B, NODE_C, ago, at, backOff, clfTime, container, crashLoop, deploymentApp, event, execProbe, exposed, healthyLogs,
  hpa, httpProbe, ipOf, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, tcpProbe,
  threeNodes,
} from '../kit/index.js';
import type { ContainerStory, Exit } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- small local helpers ------------------------------------------------------------------

/** A container the kubelet restarted and whose startup probe has not passed yet. */
function startingAgain(o: { sinceAgo: number; restarts: number; last: Exit }): ContainerStory {
  return { ...running({ sinceAgo: o.sinceAgo, ready: false, restarts: o.restarts, last: o.last }), started: false };
}

// ---- 8. Liveness probe on the wrong port since a rollout ------------------------------------------

/**
 * Chart 5.0 (revision 27) moved the liveness probe to :9091, which the app does not listen on
 * (it serves health and metrics on :9090). Readiness on :9090 passes, so the rollout completed;
 * then every pod is killed ~40 s after each start.
 */
function livenessWrongPort(): CorpusScenario {
  const image = (v: string) => `ghcr.io/lumen-data/event-collector:${v}`;
  const tpl = (v: string, livenessPort: number) => ({
    containers: [
      container({
        image: image(v),
        args: ['--config=/etc/collector/config.yaml'],
        ports: [{ name: 'http', containerPort: 9090 }, { name: 'metrics', containerPort: 9091 }],
        cpu: '500m',
        memory: '512Mi',
        readiness: httpProbe('/ready', 9090),
        liveness: httpProbe('/healthz', livenessPort, { initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 }),
      }),
    ],
    terminationGracePeriodSeconds: 10,
  });
  const killed = (finishedAgo: number): Exit => ({ exitCode: 137, reason: 'Error', finishedAgo, ranSeconds: 41 });
  const extra = 'ip-10-0-1-77.eu-west-1.compute.internal';
  const app = deploymentApp({
    namespace: 'ingest',
    name: 'event-collector',
    replicas: 6,
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'helm upgrade event-collector chart 4.8.2', template: tpl('2.17.0', 9090) },
      { revision: 27, createdAgo: 46, changeCause: 'helm upgrade event-collector chart 5.0.0', template: tpl('2.17.0', 9091) },
    ],
    pods: [
      { revision: 27, node: NODE_A, createdAgo: 45.5, containers: { app: crashLoop(killed(1.4), 11) } },
      { revision: 27, node: NODE_B, createdAgo: 45.5, containers: { app: crashLoop(killed(3.1), 11) } },
      { revision: 27, node: NODE_C, createdAgo: 45.5, containers: { app: running({ sinceAgo: 0.4, ready: true, restarts: 11, last: killed(5.8) }) } },
      { revision: 27, node: extra, createdAgo: 44.8, containers: { app: crashLoop(killed(0.6), 10) } },
      { revision: 27, node: NODE_A, createdAgo: 44.8, containers: { app: running({ sinceAgo: 0.2, ready: false, restarts: 10, last: killed(5.2) }) } },
      { revision: 27, node: NODE_B, createdAgo: 44.1, containers: { app: crashLoop(killed(2.2), 10) } },
    ],
    // Readiness on :9090 passed, so the rollout completed before the liveness kills took the pods down.
    settled: { available: false, availableSince: 38, progressingSince: 43.8 },
  });
  const deploy = app.objects[0] ?? {};
  const pods = app.pods;
  const collectorRun = (p: k8s.V1Pod, died: number) =>
    [
      `{"level":"info","ts":"${at(died + 0.68)}","caller":"cmd/collector/main.go:88","msg":"event-collector starting","version":"2.17.0","pod":"${nameOf(p)}"}`,
      `{"level":"info","ts":"${at(died + 0.675)}","caller":"kafka/producer.go:61","msg":"connected to brokers","brokers":["kafka-0.kafka.ingest.svc:9092","kafka-1.kafka.ingest.svc:9092","kafka-2.kafka.ingest.svc:9092"]}`,
      `{"level":"info","ts":"${at(died + 0.67)}","caller":"server/http.go:47","msg":"listening on :9090","routes":["/ingest","/ready","/healthz","/metrics"]}`,
      `{"level":"info","ts":"${at(died + 0.4)}","caller":"pipeline/batcher.go:133","msg":"flushed batch","events":4812,"bytes":2210344,"took":"38ms"}`,
      `{"level":"info","ts":"${at(died + 0.17)}","caller":"cmd/collector/main.go:131","msg":"received terminated, shutting down"}`,
      `{"level":"info","ts":"${at(died + 0.168)}","caller":"pipeline/batcher.go:201","msg":"draining in-flight batches","pending":37}`,
    ].join('\n') + '\n';
  const probeEvents = (p: k8s.V1Pod, count: number) => [
    probeFailed(p, 'app', 'Liveness', `Get "http://${ipOf(p)}:9091/healthz": dial tcp ${ipOf(p)}:9091: connect: connection refused`, { count: count * 3, firstAgo: 45, lastAgo: 0.3 }),
    probeKilling(p, 'app', 'liveness', { count, firstAgo: 44.6, lastAgo: 1.4 }),
    ...restartedAgain(p, 'app', image('2.17.0'), { count, firstAgo: 44.5, lastAgo: 1.3 }),
  ];
  return {
    id: 'liveness-probe-wrong-port-9091',
    class: 'probes',
    truth: 'Since revision 27 (chart 5.0.0) the liveness probe targets :9091 while event-collector listens on :9090; every probe gets connection refused and the kubelet kills each container ~40 s after it starts (exit 137, reason Error — a SIGKILL after the grace period, not an OOM kill).',
    ask: { service: 'event-collector', namespace: 'ingest' },
    objects: [
      ...threeNodes(),
      node({ name: extra, zone: 'eu-west-1a' }),
      ...app.objects,
      ...exposed({ namespace: 'ingest', name: 'event-collector', selector: { app: 'event-collector' }, pods, endpointPort: 9090 }),
      scaledReplicaSet(deploy, rsOf(app, 27), 2, 0, 46),
      scaledReplicaSet(deploy, rsOf(app, 26), 5, 6, 46),
      scaledReplicaSet(deploy, rsOf(app, 27), 4, 2, 45.2),
      scaledReplicaSet(deploy, rsOf(app, 26), 2, 5, 44.9),
      scaledReplicaSet(deploy, rsOf(app, 27), 6, 4, 44.5),
      scaledReplicaSet(deploy, rsOf(app, 26), 0, 2, 43.8),
      ...pods.flatMap((p, i) => probeEvents(p, i < 3 ? 12 : 11)),
      ...pods.filter((_, i) => i !== 2 && i !== 4).map((p) => backOff(p, 'app', { count: 64, firstAgo: 38 })),
      // Noise: during each shutdown the readiness probe on :9090 briefly fails too.
      probeFailed(pods[1] as k8s.V1Pod, 'app', 'Readiness', `Get "http://${ipOf(pods[1] as k8s.V1Pod)}:9090/ready": dial tcp ${ipOf(pods[1] as k8s.V1Pod)}:9090: connect: connection refused`, { count: 4, firstAgo: 40, lastAgo: 3.2 }),
    ],
    logs: pods.map((p, i) => ({
      namespace: 'ingest',
      pod: nameOf(p),
      container: 'app',
      previous: collectorRun(p, [1.4, 3.1, 5.8, 0.6, 5.2, 2.2][i] ?? 1),
      ...(i === 2 || i === 4 ? { current: collectorRun(p, -0.3).split('\n').slice(0, 3).join('\n') + '\n' } : {}),
    })),
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /9091/, /revision 27/i],
      facts: [/9090/, /connection refused/, /\b137\b/],
      never: [/\bOOM/i, /(raise|increase).{0,30}memory/i],
    },
  };
}

// ---- 9. A 1 s liveness timeout under load --------------------------------------------------------

/**
 * autocomplete runs 4 sync gunicorn workers per pod; with the evening peak every worker is busy
 * on slow queries and /healthz waits behind them. The probe's 1 s timeout expires, three misses
 * in a row get the container killed. Nothing was deployed for 9 days; the HPA is at its max.
 */
function livenessTimeoutUnderLoad(): CorpusScenario {
  const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/search/autocomplete:1.42.0';
  const killed = (finishedAgo: number, ranMinutes: number): Exit => ({ exitCode: 137, reason: 'Error', finishedAgo, ranSeconds: ranMinutes * 60 });
  const nodes = [NODE_A, NODE_B, NODE_C];
  const stories: ContainerStory[] = [
    running({ sinceAgo: 2.1, ready: false, restarts: 6, last: killed(2.2, 14) }),
    running({ sinceAgo: 7.4, ready: true, restarts: 4, last: killed(7.5, 19) }),
    running({ sinceAgo: 0.9, ready: false, restarts: 7, last: killed(1, 11) }),
    running({ sinceAgo: 12.6, ready: false, restarts: 3, last: killed(12.7, 22) }),
    running({ sinceAgo: 4.8, ready: true, restarts: 5, last: killed(4.9, 16) }),
    running({ sinceAgo: 0.4, ready: false, restarts: 6, last: killed(0.5, 13) }),
    running({ sinceAgo: 9.3, ready: true, restarts: 2, last: killed(9.4, 31) }),
    running({ sinceAgo: 3.7, ready: false, restarts: 5, last: killed(3.8, 17) }),
  ];
  const app = deploymentApp({
    namespace: 'search',
    name: 'autocomplete',
    replicas: 8,
    revisions: [
      { revision: 14, createdAgo: 23 * DAYS, template: { containers: [container({ image: image.replace('1.42.0', '1.41.3') })] } },
      {
        revision: 15,
        createdAgo: 9 * DAYS,
        changeCause: 'autocomplete 1.42.0',
        template: {
          containers: [
            container({
              image,
              command: ['gunicorn', 'autocomplete.app:app', '--bind=0.0.0.0:8000', '--workers=4', '--timeout=60', '--access-logfile=-'],
              ports: [8000],
              cpu: '1',
              memory: '1Gi',
              readiness: httpProbe('/healthz', 8000, { periodSeconds: 5, timeoutSeconds: 1 }),
              liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }),
            }),
          ],
        },
      },
    ],
    pods: stories.map((s, i) => ({ revision: 15, node: nodes[i % 3] ?? NODE_A, createdAgo: i < 4 ? 9 * DAYS : 3 * HOURS - i, containers: { app: s } })),
    settled: { available: false, availableSince: 24, progressingSince: 9 * DAYS - 2 },
  });
  const pods = app.pods;
  const deadline = (p: k8s.V1Pod) => `Get "http://${ipOf(p)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const gunicornRun = (p: k8s.V1Pod, died: number, ranMinutes: number) => {
    const g = (m: number) => at(m).replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
    const start = died + ranMinutes;
    return [
      `[${g(start)}] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${g(start)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${g(start)}] [1] [INFO] Using worker: sync`,
      `[${g(start - 0.01)}] [7] [INFO] Booting worker with pid: 7`,
      `[${g(start - 0.01)}] [8] [INFO] Booting worker with pid: 8`,
      `[${g(start - 0.01)}] [9] [INFO] Booting worker with pid: 9`,
      `[${g(start - 0.01)}] [10] [INFO] Booting worker with pid: 10`,
      `10.0.17.5 - - "GET /v2/suggest?q=wirel&locale=de-DE HTTP/1.1" 200 1184 "-" "okhttp/4.12.0" 2.874s`,
      `10.0.33.12 - - "GET /v2/suggest?q=iphone%2016%20h&locale=en-GB HTTP/1.1" 200 2211 "-" "okhttp/4.12.0" 3.412s`,
      `${p.status?.hostIP} - - "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31" 1.906s`,
      `10.0.17.5 - - "GET /v2/suggest?q=sams&locale=fr-FR HTTP/1.1" 200 1770 "-" "okhttp/4.12.0" 4.018s`,
      `[${g(died + 0.5)}] [1] [INFO] Handling signal: term`,
      `[${g(died + 0.49)}] [8] [INFO] Worker exiting (pid: 8)`,
    ].join('\n') + '\n';
  };
  const lasts = [[2.2, 14], [7.5, 19], [1, 11], [12.7, 22], [4.9, 16], [0.5, 13], [9.4, 31], [3.8, 17]] as const;
  return {
    id: 'liveness-timeout-1s-under-load',
    class: 'probes',
    truth: 'Under the evening peak every gunicorn sync worker is busy, /healthz waits longer than the liveness probe\'s timeoutSeconds: 1, three misses in a row get the container killed (exit 137, Error), which pushes more load onto the rest. No rollout in 9 days; not an OOM.',
    ask: { service: 'autocomplete', namespace: 'search' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'search', name: 'autocomplete', selector: { app: 'autocomplete' }, pods, endpointPort: 8000 }),
      hpa({
        namespace: 'search',
        name: 'autocomplete',
        target: { kind: 'Deployment', name: 'autocomplete' },
        min: 4,
        max: 8,
        current: 8,
        desired: 8,
        cpu: { current: 94, target: 70 },
        lastScaleAgo: 3 * HOURS - 5,
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(3 * HOURS) },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(3 * DAYS) },
          { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(2 * HOURS) },
        ],
      }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'autocomplete', namespace: 'search' }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 3 * HOURS - 5, lastAgo: 3 * HOURS - 5, component: 'horizontal-pod-autoscaler' }),
      ...pods.flatMap((p, i) => [
        probeFailed(p, 'app', 'Liveness', deadline(p), { count: 3 * ((lasts[i]?.[0] ?? 1) > 10 ? 1 : 2) + 1, firstAgo: 70, lastAgo: (lasts[i]?.[0] ?? 1) + 0.05 }),
        probeFailed(p, 'app', 'Readiness', deadline(p), { count: 40 + i * 3, firstAgo: 75, lastAgo: 0.2 }),
        probeKilling(p, 'app', 'liveness', { count: (lasts[i]?.[0] ?? 1) > 10 ? 1 : 2, firstAgo: 60, lastAgo: lasts[i]?.[0] ?? 1 }),
      ]),
    ],
    logs: pods.map((p, i) => ({ namespace: 'search', pod: nameOf(p), container: 'app', previous: gunicornRun(p, lasts[i]?.[0] ?? 1, lasts[i]?.[1] ?? 10) })),
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /time(d)?[ -]?out|deadline exceeded|timeoutSeconds|\b1 ?s\b/i],
      facts: [/\b137\b/, /context deadline exceeded|Client\.Timeout/, /timeout(Seconds)?[:= ]*1 ?s?\b|1 ?s (probe )?timeout/i],
      never: [/\bOOM/i, /roll ?back/i, /revision 15 .{0,40}(caus|introduc|broke)/i],
    },
  };
}

// ---- 10. Liveness kills a slow JVM start-up -------------------------------------------------------

/**
 * Revision 12 of pricing-service warms a 2.4 M SKU price cache before Tomcat starts; start-up now
 * takes ~94 s (94.2 s in staging), but the liveness probe starts at 30 s and kills the JVM after
 * three refused connections, before it ever finishes. No startupProbe.
 */
function livenessKillsSlowStart(): CorpusScenario {
  const image = (v: string) => `registry.internal.acme.io/catalog/pricing-service:${v}`;
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [
      container({
        image: image(v),
        env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0' }, ...env],
        cpu: '1',
        memory: '2Gi',
        readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30, periodSeconds: 10, failureThreshold: 3 }),
      }),
    ],
  });
  const sigterm = (finishedAgo: number): Exit => ({ exitCode: 143, reason: 'Error', finishedAgo, ranSeconds: 61 });
  const app = deploymentApp({
    namespace: 'catalog',
    name: 'pricing-service',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 16 * DAYS, changeCause: 'pricing-service 5.1.3', template: tpl('5.1.3', []) },
      { revision: 12, createdAgo: 31, changeCause: 'pricing-service 5.2.0: warm price cache at start-up', template: tpl('5.2.0', [{ name: 'PRICING_CACHE_WARMUP', value: 'true' }]) },
    ],
    pods: [
      { revision: 12, node: NODE_B, createdAgo: 30.5, containers: { app: crashLoop(sigterm(1.7), 9) } },
      { revision: 12, node: NODE_C, createdAgo: 30.5, containers: { app: running({ sinceAgo: 0.6, ready: false, restarts: 9, last: sigterm(5.3) }) } },
      { revision: 11, node: NODE_A, createdAgo: 16 * DAYS },
      { revision: 11, node: NODE_B, createdAgo: 16 * DAYS },
      { revision: 11, node: NODE_C, createdAgo: 16 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const spring = (m: number, thread: string, logger: string, msg: string, level = 'INFO') =>
    `${at(m)}  ${level.padStart(5)} 1 --- [pricing-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const slowStart = (p: k8s.V1Pod, died: number) => {
    const s = died + 61 / 60;
    return [
      spring(s, 'main', 'c.a.pricing.PricingServiceApplication', `Starting PricingServiceApplication v5.2.0 using Java 21.0.5 with PID 1 (/app/pricing-service.jar started by app in /app)`),
      spring(s - 0.005, 'main', 'c.a.pricing.PricingServiceApplication', 'The following 1 profile is active: "prod"'),
      spring(s - 0.09, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      spring(s - 0.16, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(s - 0.23, 'main', 'c.a.pricing.cache.PriceCacheWarmer', `Warming price cache: 2,418,330 SKUs in 48 partitions (pod ${nameOf(p)})`),
      spring(s - 0.43, 'cache-warmer-1', 'c.a.pricing.cache.PriceCacheWarmer', 'partition 9/48 loaded (453,102 SKUs, 11.8s)'),
      spring(s - 0.63, 'cache-warmer-1', 'c.a.pricing.cache.PriceCacheWarmer', 'partition 18/48 loaded (906,877 SKUs, 23.9s)'),
      spring(s - 0.83, 'cache-warmer-1', 'c.a.pricing.cache.PriceCacheWarmer', 'partition 27/48 loaded (1,360,514 SKUs, 35.7s)'),
      spring(died + 0.005, 'ionShutdownHook', 'c.a.pricing.cache.PriceCacheWarmer', 'shutdown requested during warm-up, aborting at partition 29/48', 'WARN'),
      spring(died + 0.002, 'ionShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
      spring(died, 'ionShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.'),
    ].join('\n') + '\n';
  };
  const refused = (p: k8s.V1Pod) => `Get "http://${ipOf(p)}:8080/actuator/health/liveness": dial tcp ${ipOf(p)}:8080: connect: connection refused`;
  return {
    id: 'liveness-kills-slow-spring-start',
    class: 'probes',
    truth: 'Revision 12 (pricing-service 5.2.0) warms the price cache before Tomcat listens, so start-up takes ~94 s (94.2 s in staging); the liveness probe (initialDelaySeconds 30, 3 × 10 s, no startupProbe) kills the JVM at ~60 s (exit 143), before "Started PricingServiceApplication" is ever logged. Revision 11 still serves on 3 pods.',
    ask: { service: 'pricing-service', namespace: 'catalog' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'catalog', name: 'pricing-service', selector: { app: 'pricing-service' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 12), 1, 0, 31),
      scaledReplicaSet(deploy, rsOf(app, 11), 3, 4, 31),
      scaledReplicaSet(deploy, rsOf(app, 12), 2, 1, 30.6),
      ...[n0, n1].flatMap((p) => [
        probeFailed(p, 'app', 'Liveness', refused(p), { count: 30, firstAgo: 30, lastAgo: 0.2 }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOf(p)}:8080/actuator/health/readiness": dial tcp ${ipOf(p)}:8080: connect: connection refused`, { count: 110, firstAgo: 30.3, lastAgo: 0.1 }),
        probeKilling(p, 'app', 'liveness', { count: 9, firstAgo: 29.5, lastAgo: p === n0 ? 1.7 : 5.3 }),
        ...restartedAgain(p, 'app', image('5.2.0'), { count: 9, firstAgo: 29.4, lastAgo: p === n0 ? 1.6 : 0.6 }),
      ]),
      backOff(n0, 'app', { count: 44, firstAgo: 25 }),
      backOff(n1, 'app', { count: 41, firstAgo: 25, lastAgo: 0.7 }),
    ],
    logs: [
      { namespace: 'catalog', pod: nameOf(n0), container: 'app', previous: slowStart(n0, 1.7) },
      { namespace: 'catalog', pod: nameOf(n1), container: 'app', previous: slowStart(n1, 5.3), current: slowStart(n1, -0.42).split('\n').slice(0, 6).join('\n') + '\n' },
      ...healthyLogs(app.pods.slice(2), 'app', () => [
        spring(16 * DAYS - 0.7, 'main', 'c.a.pricing.PricingServiceApplication', 'Started PricingServiceApplication in 38.7 seconds (process running for 40.1)'),
        spring(0.3, 'nio-8080-exec-7', 'c.a.pricing.api.PriceController', 'GET /v3/prices?sku=88213-XL 200 4ms'),
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /start(s|ing|-?up)|initialDelaySeconds|initial delay|before .{0,30}(start|ready|listen)|slow/i],
      facts: [/revision 12/i, /\b143\b/, /initialDelaySeconds|initial delay|\b30 ?s\b/i],
      never: [/\bOOM/i, /(wrong|mismatch(ed)?) port|port mismatch/i],
    },
  };
}

// ---- 11. Readiness path moved by a framework upgrade ----------------------------------------------

/** Revision 41 upgraded profile-service to Spring Boot 2 (health at /actuator/health); readiness still asks /health. */
function readinessPathMoved(): CorpusScenario {
  const image = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/accounts/profile-service:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        cpu: '500m',
        memory: '1Gi',
        readiness: httpProbe('/health', 8080, { initialDelaySeconds: 20, periodSeconds: 10 }),
        liveness: tcpProbe(8080, { initialDelaySeconds: 60, periodSeconds: 20 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: 'accounts',
    name: 'profile-service',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 27 * DAYS, changeCause: 'profile-service 3.14.2', template: tpl('3.14.2') },
      { revision: 41, createdAgo: 38, changeCause: 'profile-service 4.0.0 (Spring Boot 1.5 -> 2.7)', template: tpl('4.0.0') },
    ],
    pods: [
      { revision: 41, node: NODE_A, createdAgo: 37.5, containers: { app: running({ sinceAgo: 37.4, ready: false }) } },
      { revision: 41, node: NODE_C, createdAgo: 37.5, containers: { app: running({ sinceAgo: 37.4, ready: false }) } },
      { revision: 40, node: NODE_A, createdAgo: 27 * DAYS },
      { revision: 40, node: NODE_B, createdAgo: 27 * DAYS },
      { revision: 40, node: NODE_C, createdAgo: 27 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const boot = (p: k8s.V1Pod) => {
    const s = 37.3;
    const line = (m: number, logger: string, msg: string) => `${at(m).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] ${logger.padEnd(40)} : ${msg}`;
    return [
      line(s, 'c.a.accounts.ProfileServiceApplication', 'Starting ProfileServiceApplication v4.0.0 using Java 17.0.13 on ' + nameOf(p) + ' with PID 1 (/app/app.jar started by app in /app)'),
      line(s - 0.12, 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port(s): 8080 (http)'),
      line(s - 0.3, 'o.s.b.a.e.web.EndpointLinksResolver', "Exposing 2 endpoint(s) beneath base path '/actuator'"),
      line(s - 0.31, 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port(s): 8080 (http) with context path ''"),
      line(s - 0.32, 'c.a.accounts.ProfileServiceApplication', 'Started ProfileServiceApplication in 19.42 seconds (JVM running for 20.3)'),
      `${p.status?.hostIP} - - [${clfTime(0.5)}] "GET /health HTTP/1.1" 404 - "-" "kube-probe/1.31"`,
      `${p.status?.hostIP} - - [${clfTime(0.33)}] "GET /health HTTP/1.1" 404 - "-" "kube-probe/1.31"`,
      `${p.status?.hostIP} - - [${clfTime(0.17)}] "GET /health HTTP/1.1" 404 - "-" "kube-probe/1.31"`,
    ].join('\n') + '\n';
  };
  return {
    id: 'readiness-404-health-path-moved',
    class: 'probes',
    truth: 'Revision 41 upgraded profile-service to Spring Boot 2.7, which serves health at /actuator/health; the readiness probe still asks /health and gets 404, so the two new pods run 0/1 Ready without ever restarting and the rollout is stuck. Revision 40 serves on 3 pods.',
    ask: { service: 'profile-service', namespace: 'accounts' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'accounts', name: 'profile-service', selector: { app: 'profile-service' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 41), 1, 0, 38),
      scaledReplicaSet(deploy, rsOf(app, 40), 3, 4, 38),
      scaledReplicaSet(deploy, rsOf(app, 41), 2, 1, 37.6),
      ...[n0, n1].flatMap((p) => [
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.0.0')}" in 4.87s (4.87s including waiting). Image size: 201344512 bytes.`, firstAgo: 37.4, lastAgo: 37.4, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 37.4, lastAgo: 37.4, fieldPath: 'spec.containers{app}' }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 404', { count: 222, firstAgo: 37, lastAgo: 0.1 }),
      ]),
    ],
    logs: [
      { namespace: 'accounts', pod: nameOf(n0), container: 'app', current: boot(n0) },
      { namespace: 'accounts', pod: nameOf(n1), container: 'app', current: boot(n1) },
      ...healthyLogs(app.pods.slice(2), 'app', (p) => [
        `${p.status?.hostIP} - - [${clfTime(0.4)}] "GET /health HTTP/1.1" 200 15 "-" "kube-probe/1.31"`,
        `10.0.12.9 - - [${clfTime(0.2)}] "GET /v1/profiles/u_7781 HTTP/1.1" 200 612 "-" "Go-http-client/1.1"`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/readiness/i, /\b404\b/, /\/health\b/],
      facts: [/\/actuator/, /revision 41/i, /0\/1|not ready|unready/i],
      never: [/CrashLoop|\bOOM/i, /liveness probe (is )?(kill|fail)/i],
    },
  };
}

// ---- 12. Startup probe waits for a marker the app no longer writes there --------------------------

/**
 * Revision 8 of embedder made the root filesystem read-only and moved the readiness marker to
 * the writable /var/run/embedder; the startup probe still runs `cat /tmp/ready`, fails for its
 * whole 300 s budget and the kubelet restarts a container that had loaded its model long before.
 */
function startupProbeWrongMarker(): CorpusScenario {
  const image = (v: string) => `ghcr.io/quill-ai/embedder:${v}`;
  const tpl = (v: string, hardened: boolean) => ({
    containers: [
      container({
        image: image(v),
        command: ['tini', '--', 'uvicorn', 'embedder.api:app', '--host', '0.0.0.0', '--port', '8000'],
        ports: [8000],
        cpu: '2',
        memory: '4Gi',
        readiness: httpProbe('/v1/health', 8000),
        liveness: httpProbe('/v1/health', 8000, { periodSeconds: 20, timeoutSeconds: 5 }),
        startup: execProbe(['cat', '/tmp/ready'], { periodSeconds: 10, failureThreshold: 30 }),
        ...(hardened
          ? { securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, allowPrivilegeEscalation: false }, volumeMounts: [{ name: 'run', mountPath: '/var/run/embedder' }] }
          : {}),
      }),
    ],
    ...(hardened ? { volumes: [{ name: 'run', emptyDir: {} }] } : {}),
  });
  const gpuNode = 'ip-10-0-2-230.eu-west-1.compute.internal';
  const killed = (finishedAgo: number): Exit => ({ exitCode: 143, reason: 'Error', finishedAgo, ranSeconds: 301 });
  const app = deploymentApp({
    namespace: 'ml',
    name: 'embedder',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, changeCause: 'embedder 1.9.2', template: tpl('1.9.2', false) },
      { revision: 8, createdAgo: 52, changeCause: 'embedder 2.0.0: read-only root filesystem', template: tpl('2.0.0', true) },
    ],
    pods: [
      { revision: 8, node: NODE_A, createdAgo: 51.5, containers: { app: crashLoop(killed(1.5), 6) } },
      { revision: 8, node: gpuNode, createdAgo: 51.5, containers: { app: startingAgain({ sinceAgo: 3.6, restarts: 6, last: killed(3.7) }) } },
      { revision: 7, node: NODE_B, createdAgo: 20 * DAYS },
      { revision: 7, node: gpuNode, createdAgo: 20 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const run = (died: number, pid: number) => {
    const s = died + 301 / 60;
    return [
      `INFO:     Started server process [${pid}]`,
      'INFO:     Waiting for application startup.',
      `${pyTime(s - 0.01)} INFO embedder.model: loading sentence encoder e5-large-v2 from /models/e5-large-v2 (1.34 GB)`,
      `${pyTime(s - 1.14)} INFO embedder.model: model loaded in 67.6s (device=cpu, threads=2)`,
      `${pyTime(s - 1.141)} INFO embedder.health: readiness marker written to /var/run/embedder/ready`,
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
      'INFO:     Shutting down',
      'INFO:     Waiting for application shutdown.',
      'INFO:     Application shutdown complete.',
      `INFO:     Finished server process [${pid}]`,
    ].join('\n') + '\n';
  };
  const startupFail = (p: k8s.V1Pod) => [
    probeFailed(p, 'app', 'Startup', 'cat: /tmp/ready: No such file or directory', { count: 178, firstAgo: 51, lastAgo: 0.1 }),
    probeKilling(p, 'app', 'startup', { count: 6, firstAgo: 46, lastAgo: p === n0 ? 1.5 : 3.7 }),
    ...restartedAgain(p, 'app', image('2.0.0'), { count: 6, firstAgo: 45.9, lastAgo: p === n0 ? 1.4 : 3.6 }),
  ];
  return {
    id: 'startup-probe-wrong-marker-file',
    class: 'probes',
    truth: 'Revision 8 (embedder 2.0.0, read-only root filesystem) writes its readiness marker to /var/run/embedder/ready; the startup probe still runs `cat /tmp/ready`, fails for its whole 300 s budget and the kubelet restarts containers that had loaded the model after ~68 s (exit 143). Revision 7 serves on 2 pods.',
    ask: { service: 'embedder', namespace: 'ml' },
    objects: [
      ...threeNodes(),
      node({ name: gpuNode, zone: 'eu-west-1b', instanceType: 'c7i.4xlarge', pool: 'inference', allocatable: { cpu: '15890m', 'ephemeral-storage': '76224326324', memory: '31482236Ki', pods: '234' } }),
      ...app.objects,
      ...exposed({ namespace: 'ml', name: 'embedder', selector: { app: 'embedder' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploy, rsOf(app, 8), 1, 0, 52),
      scaledReplicaSet(deploy, rsOf(app, 7), 2, 3, 52),
      scaledReplicaSet(deploy, rsOf(app, 8), 2, 1, 51.6),
      ...startupFail(n0),
      ...startupFail(n1),
      backOff(n0, 'app', { count: 12, firstAgo: 30 }),
    ],
    logs: [
      { namespace: 'ml', pod: nameOf(n0), container: 'app', previous: run(1.5, 7) },
      { namespace: 'ml', pod: nameOf(n1), container: 'app', previous: run(3.7, 7), current: run(-1.3, 7).split('\n').slice(0, 5).join('\n') + '\n' },
      ...healthyLogs(app.pods.slice(2), 'app', () => [
        'INFO:     10.0.7.31:48812 - "POST /v1/embed HTTP/1.1" 200 OK',
        'INFO:     10.0.7.31:48830 - "POST /v1/embed HTTP/1.1" 200 OK',
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/startup probe/i, /\/tmp\/ready/],
      facts: [/revision 8/i, /No such file or directory/, /\/var\/run\/embedder/],
      never: [/\bOOM/i, /liveness probe (is )?(kill|fail)/i],
    },
  };
}

export const PROBE_SCENARIOS: CorpusScenario[] = [
  livenessWrongPort(),
  livenessTimeoutUnderLoad(),
  livenessKillsSlowStart(),
  readinessPathMoved(),
  startupProbeWrongMarker(),
];
