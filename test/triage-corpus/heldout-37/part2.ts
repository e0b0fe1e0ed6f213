// Held-out stories, thirty-seventh round, part two:
//  1. an Envoy sidecar (plain Envoy, envoy.yaml from a ConfigMap) whose new ConfigMap, rolled out
//     by revision 15, added circuit breakers of max_pending_requests 8 / max_requests 16 on the
//     local_app cluster: callers get 503 "reset reason: overflow", Envoy logs response flag UO,
//     the Go app behind it is healthy and idle;
//  2. a gRPC client whose revision 22 cut RATES_RPC_TIMEOUT from 2s to 150ms, below the normal
//     400–600 ms of GetRateQuotes: DeadlineExceeded on that call only, the server is fine;
//  3. a DBA's idle_in_transaction_session_timeout = 30s on the billing Postgres (ConfigMap, reload)
//     against an invoice worker that holds its transaction open across a 35–50 s tax API call:
//     "terminating connection due to idle-in-transaction timeout" / "server closed the connection
//     unexpectedly";
//  4. a MongoDB find of a new trending endpoint (revision 41) sorting posts by engagementScore with
//     no index: "Sort exceeded memory limit of 104857600 bytes" (code 292), that endpoint 500s;
//  5. a Deployment whose template hard-pins spec.nodeName to a node the cluster autoscaler removed:
//     every new pod is bound to a node that does not exist, sits Pending, is garbage-collected by
//     PodGC, and is re-created — no FailedScheduling anywhere;
//  6. a chart upgrade (revision 18) that added `prefix: APP_` to the envFrom configMapRef, so the Go
//     service finds no DB_HOST and exits 1 in a crash loop;
//  7. healthy control: an SSE notification stream (Spring Boot) whose logs are full of
//     ClientAbortException / Broken pipe stack traces from mobile clients going away.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, epochMs, event, exposed, hpa,
  httpProbe, nameOf, probeFailed, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, statefulSetApp, tcpProbe, execProbe, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Envoy's own log time: `2026-11-21 02:36:12.481`. */
const envoyTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
const reqId = (i: number): string => {
  const h = (n: number) => ((n * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${h(i + 1)}-${h(i + 7).slice(0, 4)}-4${h(i + 3).slice(0, 3)}-a${h(i + 5).slice(0, 3)}-${h(i + 11)}${h(i + 13).slice(0, 4)}`;
};

// ---- 1. Envoy sidecar circuit breaker overflow -------------------------------------------------

function envoyCircuitBreakerOverflow(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '157', '91']);
  const image = (v: string) => `${ECR}/pricing/quote-api:${v}`;
  const envoyImage = 'docker.io/envoyproxy/envoy:v1.31.2';
  const oldCm = 'quote-api-envoy-7d9f6';
  const newCm = 'quote-api-envoy-c58k2';
  const envoyYaml = (breakers: boolean) => [
    'admin:',
    '  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }',
    'static_resources:',
    '  listeners:',
    '  - name: ingress',
    '    address: { socket_address: { address: 0.0.0.0, port_value: 10000 } }',
    '    filter_chains:',
    '    - filters:',
    '      - name: envoy.filters.network.http_connection_manager',
    '        typed_config:',
    '          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
    '          stat_prefix: ingress_http',
    '          access_log:',
    '          - name: envoy.access_loggers.stdout',
    '            typed_config: { "@type": type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog }',
    '          route_config:',
    '            virtual_hosts:',
    '            - name: local',
    '              domains: ["*"]',
    '              routes:',
    '              - match: { prefix: "/" }',
    '                route: { cluster: local_app, timeout: 5s }',
    '          http_filters:',
    '          - name: envoy.filters.http.router',
    '            typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router }',
    '  clusters:',
    '  - name: local_app',
    '    connect_timeout: 0.25s',
    '    type: STATIC',
    ...(breakers
      ? [
          '    circuit_breakers:',
          '      thresholds:',
          '      - priority: DEFAULT',
          '        max_connections: 64',
          '        max_pending_requests: 8',
          '        max_requests: 16',
          '        max_retries: 3',
        ]
      : []),
    '    load_assignment:',
    '      cluster_name: local_app',
    '      endpoints:',
    '      - lb_endpoints:',
    '        - endpoint: { address: { socket_address: { address: 127.0.0.1, port_value: 8080 } } }',
    '',
  ].join('\n');
  const tpl = (v: string, cm: string) => ({
    containers: [
      container({
        image: image(v), ports: [{ name: 'app', containerPort: 8080 }], cpu: '500m', memory: '512Mi',
        env: [{ name: 'LISTEN_ADDR', value: '127.0.0.1:8080' }, { name: 'GOMAXPROCS', value: '2' }, { name: 'RATES_DB_DSN', value: 'postgres://quote@pricing-db.pricing.svc:5432/pricing' }],
        readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
      }),
      container({
        name: 'envoy', image: envoyImage, args: ['-c', '/etc/envoy/envoy.yaml', '--service-cluster', 'quote-api', '--log-level', 'info'],
        ports: [{ name: 'envoy', containerPort: 10000 }, { name: 'envoy-admin', containerPort: 9901 }], cpu: '100m', memory: '128Mi',
        readiness: httpProbe('/ready', 9901), liveness: null,
        volumeMounts: [{ name: 'envoy-config', mountPath: '/etc/envoy', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'envoy-config', configMap: { name: cm, defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'helm upgrade quote-api 3.6.2', template: tpl('3.6.2', oldCm) },
      { revision: 15, createdAgo: 38, changeCause: 'helm upgrade quote-api 3.7.0 (envoy: add circuit breakers to local_app)', template: tpl('3.6.2', newCm) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 37 - k * 1.2 })),
  });
  const basket = bystander(ns, 'basket-service', names, 3 * DAYS, { revisions: [52, 53], versions: ['7.2.0', '7.2.1'], olderAgo: 20 * DAYS });
  const d = deploymentOf(app);
  const overflow = 'upstream connect error or disconnect/reset before headers. reset reason: overflow';
  const callers = ['10.0.33.18', '10.0.41.207', '10.0.12.66'];
  const envoyLog = (k: number) => {
    const out = [
      `[${envoyTime(36.8 - k * 1.2)}][1][info][main] [source/server/server.cc:426] initializing epoch 0 (base id=0, hot restart version=11.104)`,
      `[${envoyTime(36.8 - k * 1.2)}][1][info][main] [source/server/server.cc:938] runtime: {}`,
      `[${envoyTime(36.8 - k * 1.2)}][1][info][config] [source/common/upstream/cluster_manager_impl.cc:245] cm init: all clusters initialized`,
      `[${envoyTime(36.8 - k * 1.2)}][1][info][main] [source/server/server.cc:1007] all clusters initialized. initializing init manager`,
      `[${envoyTime(36.7 - k * 1.2)}][1][info][config] [source/common/listener_manager/listener_manager_impl.cc:930] all dependencies initialized. starting workers`,
      `[${envoyTime(36.7 - k * 1.2)}][1][info][main] [source/server/server.cc:1041] starting main dispatch loop`,
    ];
    for (let i = 0; i < 30; i++) {
      const t = 6 - i * 0.19 - k * 0.03;
      const ip = callers[(i + k) % 3] ?? '10.0.33.18';
      const ts = at(t);
      if (i % 3 === 1) out.push(`[${ts}] "POST /v2/quotes HTTP/1.1" 200 - 412 1893 ${171 + ((i * 37) % 90)} ${170 + ((i * 37) % 90)} "${ip}" "Go-http-client/1.1" "${reqId(i + k * 100)}" "quote-api.pricing.svc.cluster.local:80" "127.0.0.1:8080"`);
      else out.push(`[${ts}] "POST /v2/quotes HTTP/1.1" 503 UO 0 ${overflow.length} 0 - "${ip}" "Go-http-client/1.1" "${reqId(i + k * 100)}" "quote-api.pricing.svc.cluster.local:80" "-"`);
    }
    out.push(`[${at(0.3)}] "GET /v2/quotes/health HTTP/1.1" 200 - 0 15 1 1 "10.0.12.66" "kube-probe/1.31" "${reqId(999 + k)}" "10.0.140.22:10000" "127.0.0.1:8080"`);
    return lines(...out);
  };
  const appLog = (k: number) => lines(
    `{"time":"${at(36.9 - k * 1.2)}","level":"INFO","msg":"quote-api starting","version":"3.6.2","listen":"127.0.0.1:8080","gomaxprocs":2}`,
    `{"time":"${at(36.8 - k * 1.2)}","level":"INFO","msg":"rates cache warmed","entries":48211,"took_ms":612}`,
    ...[0, 1, 2, 3, 4].map((i) => `{"time":"${at(5 - i)}","level":"INFO","msg":"stats","window":"60s","requests":${410 + i * 13 + k * 7},"inflight_max":16,"p50_ms":${88 + i},"p99_ms":${241 + i * 4},"errors":0}`),
  );
  const basketLog = (k: number) => lines(
    ...[0, 1, 2, 3, 4, 5].map((i) => `{"level":"error","ts":"${at(5.5 - i * 0.8 - k * 0.1)}","caller":"quotes/client.go:112","msg":"quote request failed","basket_id":"bsk_${81230 + i * 17 + k}","status":503,"body":"${overflow}","attempt":${(i % 3) + 1}}`),
    `{"level":"warn","ts":"${at(0.6)}","caller":"checkout/handler.go:77","msg":"serving basket without live quote, falling back to list price","basket_id":"bsk_81377"}`,
  );
  return {
    id: 'heldout37-envoy-sidecar-circuit-breaker-overflow',
    class: 'config',
    truth: `quote-api runs a plain Envoy sidecar configured from a ConfigMap. Revision 15 (38 minutes ago, chart 3.7.0, same app image 3.6.2) switched the sidecar to a new ConfigMap ${newCm} that added circuit breakers to the local_app cluster with max_pending_requests: 8 and max_requests: 16 — far below the ~16 concurrent requests each pod normally serves. Envoy now sheds most requests locally: callers get 503 "upstream connect error or disconnect/reset before headers. reset reason: overflow" and the access log shows response flag UO with no upstream host, while the Go app behind it is healthy and lightly loaded. Fix: raise the thresholds (or drop them back to Envoy's 1024 defaults) in the ConfigMap, or roll back to revision 14 which mounts ${oldCm}.`,
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...basket.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, ports: [{ name: 'http', port: 80, targetPort: 'envoy' }], pods: app.pods, endpointPort: 10000 }),
      ...exposed({ namespace: ns, name: 'basket-service', selector: { app: 'basket-service' }, pods: basket.pods }),
      configMap({ namespace: ns, name: oldCm, createdAgo: 9 * DAYS, data: { 'envoy.yaml': envoyYaml(false) } }),
      configMap({ namespace: ns, name: newCm, createdAgo: 38, data: { 'envoy.yaml': envoyYaml(true) } }),
      scaledReplicaSet(d, rsOf(app, 15), 1, 0, 38),
      scaledReplicaSet(d, rsOf(app, 14), 2, 3, 36.9),
      scaledReplicaSet(d, rsOf(app, 15), 3, 2, 35.7),
      scaledReplicaSet(d, rsOf(app, 14), 0, 1, 35.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'envoy', envoyImage, 37 - k * 1.2)),
      probeFailed(podOf(app, 1), 'envoy', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:9901/ready": dial tcp ${podOf(app, 1).status?.podIP ?? ''}:9901: connect: connection refused`, { count: 1, firstAgo: 35.8, lastAgo: 35.8 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'envoy', { current: envoyLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...basket.pods.map((p, k) => logsFor(p, 'app', { current: basketLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/circuit.?breaker|max_pending_requests|max_requests|overflow/i],
      facts: [/\bUO\b|reset reason: overflow/, /max_pending_requests[^\n]{0,20}\b8\b|max_requests[^\n]{0,20}\b16\b/, lit(newCm)],
      never: [/\bOOM/, /crash ?loop/i, /basket-service[^\n]*(cause|broke)/i, /NetworkPolicy/],
    },
  };
}

// ---- 2. gRPC client deadline shortened to 150ms ------------------------------------------------

function grpcDeadlineTooShort(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.88', ['40', '173', '219']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-planner:${v}`;
  const tpl = (v: string, timeout: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'CARRIER_RATES_ADDR', value: 'dns:///carrier-rates.fulfilment.svc.cluster.local:50051' },
        { name: 'RATES_RPC_TIMEOUT', value: timeout },
        { name: 'ZONES_RPC_TIMEOUT', value: '150ms' },
        { name: 'GOMEMLIMIT', value: '230MiB' },
      ],
    })],
  });
  const planner = deploymentApp({
    namespace: ns,
    name: 'shipment-planner',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 11 * DAYS, changeCause: 'argocd: shipment-planner 5.2.4', template: tpl('5.2.4', '2s') },
      { revision: 22, createdAgo: 47, changeCause: 'argocd: shipment-planner 5.3.0 (tighten rpc timeouts per SLO review)', template: tpl('5.3.0', '150ms') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 46 - k * 0.8 })),
  });
  const ratesImage = `${ECR}/fulfilment/carrier-rates:2.14.1`;
  const rates = deploymentApp({
    namespace: ns,
    name: 'carrier-rates',
    replicas: 2,
    revisions: [{
      revision: 9, createdAgo: 16 * DAYS, changeCause: 'argocd: carrier-rates 2.14.1',
      template: { containers: [container({ image: ratesImage, ports: [{ name: 'grpc', containerPort: 50051 }], cpu: '1', memory: '1536Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: { grpc: { port: 50051, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe(50051, { initialDelaySeconds: 30 }) })] },
    }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 16 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 16 * DAYS - 2 }],
  });
  const d = deploymentOf(planner);
  const plannerLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(45.8 - k * 0.8)}","caller":"cmd/planner/main.go:61","msg":"starting shipment-planner","version":"5.3.0","commit":"b41e07a"}`,
      `{"level":"info","ts":"${at(45.8 - k * 0.8)}","caller":"rates/client.go:44","msg":"carrier-rates client configured","target":"dns:///carrier-rates.fulfilment.svc.cluster.local:50051","rates_timeout":"150ms","zones_timeout":"150ms"}`,
      `{"level":"info","ts":"${at(45.7 - k * 0.8)}","caller":"http/server.go:38","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 8 - i * 0.5 - k * 0.07;
      const shp = `SHP-${4410200 + i * 31 + k * 7}`;
      out.push(`{"level":"debug","ts":"${at(t + 0.01)}","caller":"rates/client.go:71","msg":"QuoteZone ok","shipment_id":"${shp}","elapsed":"${6 + (i % 5)}.${i}ms"}`);
      out.push(`{"level":"error","ts":"${at(t)}","caller":"rates/client.go:92","msg":"GetRateQuotes failed","shipment_id":"${shp}","method":"/carrierrates.v1.CarrierRates/GetRateQuotes","elapsed":"150.${(i * 7) % 10}ms","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.002)}","caller":"http/middleware.go:52","msg":"request","method":"POST","path":"/v1/plans","status":502,"duration_ms":${158 + (i % 4)}}`);
    }
    out.push(`{"level":"info","ts":"${at(0.5)}","caller":"http/middleware.go:52","msg":"request","method":"GET","path":"/v1/plans/SHP-4410117","status":200,"duration_ms":4}`);
    return lines(...out);
  };
  const ratesLog = (k: number) => {
    const out = [
      `${at(16 * DAYS - 1 - k).replace('Z', '')}  INFO 1 --- [           main] c.a.f.rates.CarrierRatesServer           : gRPC server started, listening on 50051`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 7.5 - i * 0.55 - k * 0.1;
      const peer = `10.0.${(i * 11) % 60}.${40 + ((i * 17 + k) % 200)}`;
      out.push(`${at(t).replace('Z', '')}  INFO 1 --- [ault-executor-${i % 8}] c.a.f.rates.grpc.AccessLogInterceptor      : /carrierrates.v1.CarrierRates/QuoteZone status=OK elapsed_ms=${5 + (i % 4)} peer=${peer}`);
      out.push(`${at(t - 0.005).replace('Z', '')}  WARN 1 --- [ault-executor-${(i + 3) % 8}] c.a.f.rates.grpc.AccessLogInterceptor      : /carrierrates.v1.CarrierRates/GetRateQuotes status=CANCELLED elapsed_ms=${150 + (i % 3)} peer=${peer} carriers=7 desc="context cancelled"`);
      if (i % 4 === 0) out.push(`${at(t - 0.008).replace('Z', '')}  INFO 1 --- [ault-executor-${(i + 5) % 8}] c.a.f.rates.service.RateQuoteService      : quoted 7 carriers for lane DE-FR in ${412 + i * 9} ms (result discarded: call cancelled)`);
    }
    out.push(`${at(0.7).replace('Z', '')}  INFO 1 --- [   scheduling-1] c.a.f.rates.tariffs.TariffRefresher       : tariff tables up to date (dhl=2026-11-20, ups=2026-11-19, dpd=2026-11-20)`);
    return lines(...out);
  };
  return {
    id: 'heldout37-grpc-client-deadline-150ms',
    class: 'config',
    truth: 'Revision 22 of shipment-planner (5.3.0, 47 minutes ago, "tighten rpc timeouts per SLO review") lowered RATES_RPC_TIMEOUT from 2s to 150ms. GetRateQuotes on carrier-rates normally takes 400–600 ms (it fans out to seven carriers), so every call now fails with "rpc error: code = DeadlineExceeded desc = context deadline exceeded" at 150 ms and /v1/plans answers 502; QuoteZone (a few ms) still succeeds and carrier-rates is healthy — it logs the calls as CANCELLED by the client. Fix: set RATES_RPC_TIMEOUT back to about 2s (or roll back to revision 21).',
    ask: { service: 'shipment-planner', namespace: ns },
    objects: [
      ...nodes, ...planner.objects, ...rates.objects,
      ...exposed({ namespace: ns, name: 'shipment-planner', selector: { app: 'shipment-planner' }, pods: planner.pods }),
      ...exposed({ namespace: ns, name: 'carrier-rates', selector: { app: 'carrier-rates' }, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }], pods: rates.pods, endpointPort: 50051 }),
      scaledReplicaSet(d, rsOf(planner, 22), 1, 0, 47),
      scaledReplicaSet(d, rsOf(planner, 21), 2, 3, 45.9),
      scaledReplicaSet(d, rsOf(planner, 22), 3, 1, 45.1),
      scaledReplicaSet(d, rsOf(planner, 21), 0, 1, 44.9),
      ...planner.pods.flatMap((p, k) => startedNormally(p, 'app', image('5.3.0'), 46 - k * 0.8)),
    ],
    logs: [
      ...planner.pods.map((p, k) => logsFor(p, 'app', { current: plannerLog(k) })),
      ...rates.pods.map((p, k) => logsFor(p, 'app', { current: ratesLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/150 ?ms|RATES_RPC_TIMEOUT/],
      facts: [/DeadlineExceeded|DEADLINE_EXCEEDED|deadline exceeded/i, lit('GetRateQuotes'), /revision 22/],
      never: [/carrier-rates[^\n]*(down|unhealthy|crash|overload|not ready)/i, /\bOOM/, /NetworkPolicy/, /\bDNS\b/],
    },
  };
}

// ---- 3. Postgres idle_in_transaction_session_timeout vs. a worker holding its transaction ---------

function postgresIdleInTransactionTimeout(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['14', '120', '233']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const conf = [
    "listen_addresses = '*'",
    'max_connections = 200',
    'shared_buffers = 2GB',
    'effective_cache_size = 6GB',
    'work_mem = 16MB',
    'maintenance_work_mem = 512MB',
    'wal_level = replica',
    'max_wal_size = 4GB',
    "log_line_prefix = '%m [%p] %q%u@%d '",
    'log_min_duration_statement = 2000',
    'statement_timeout = 0',
    "idle_in_transaction_session_timeout = '30s'   # DBA-2291: kill sessions left idle in a transaction holding locks",
    "lock_timeout = '10s'",
    '',
  ].join('\n');
  const pg = statefulSetApp({
    namespace: ns,
    name: 'billing-pg',
    replicas: 1,
    serviceName: 'billing-pg',
    revisions: [{
      revision: 1, createdAgo: 200 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'billing' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-d', 'billing'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'billing-pg-config', defaultMode: 420 } }],
        securityContext: { fsGroup: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 23 * DAYS }],
  });
  const image = (v: string) => `${ECR}/billing/invoice-runner:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['python', '-m', 'invoice_runner.worker'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgresql+psycopg2://invoice_runner@billing-pg.billing.svc.cluster.local:5432/billing' },
        { name: 'TAX_API_URL', value: 'https://rest.avatax.com/api/v2' },
        { name: 'TAX_API_TIMEOUT_SECONDS', value: '90' },
        { name: 'WORKER_CONCURRENCY', value: '4' },
      ],
      readiness: null, liveness: httpProbe('/healthz', 9100, { initialDelaySeconds: 10 }),
    })],
  });
  const runner = deploymentApp({
    namespace: ns,
    name: 'invoice-runner',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 30 * DAYS, changeCause: 'argocd: invoice-runner 3.4.0', template: tpl('3.4.0') },
      { revision: 9, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: invoice-runner 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - 1 - k })),
  });
  const pgPod = podOf(pg, 0);
  const pgLog = (): string => {
    const out = [
      `${pgTime(23 * DAYS - 0.5)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(23 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
      `${pgTime(3 * HOURS + 6)} [1] LOG:  received SIGHUP, reloading configuration files`,
      `${pgTime(3 * HOURS + 6)} [1] LOG:  parameter "idle_in_transaction_session_timeout" changed to "30s"`,
      `${pgTime(3 * HOURS + 6)} [1] LOG:  parameter "lock_timeout" changed to "10s"`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 3 * HOURS - i * 11 - 2;
      const pid = 48211 + i * 37;
      out.push(`${pgTime(t)} [${pid}] invoice_runner@billing FATAL:  terminating connection due to idle-in-transaction timeout`);
      if (i % 4 === 1) out.push(`${pgTime(t - 0.3)} [${pid + 3}] invoice_runner@billing LOG:  could not receive data from client: Connection reset by peer`);
      if (i % 5 === 0) out.push(`${pgTime(t - 1)} [${57 + i}] LOG:  checkpoint starting: time`, `${pgTime(t - 5.5)} [${57 + i}] LOG:  checkpoint complete: wrote 4121 buffers (1.6%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.814 s, sync=0.011 s, total=269.902 s; sync files=61, longest=0.004 s, average=0.001 s; distance=38113 kB, estimate=41220 kB; lsn=1A/7E3B2C10, redo lsn=1A/7C1F0E88`);
    }
    for (let i = 0; i < 4; i++) out.push(`${pgTime(6 - i * 1.5)} [${49900 + i * 41}] invoice_runner@billing FATAL:  terminating connection due to idle-in-transaction timeout`);
    return lines(...out);
  };
  const runnerLog = (k: number): string => {
    const out = [`${pyTime(2 * DAYS + 5 * HOURS - 1.5 - k)} INFO invoice_runner.worker: invoice-runner 3.4.1 starting, concurrency=4, db=billing-pg.billing.svc.cluster.local:5432/billing`];
    for (let i = 0; i < 5; i++) {
      const t = 9 - i * 2 - k * 0.4;
      const inv = `INV-2026-${118842 + i * 13 + k * 5}`;
      const took = 34 + ((i * 7 + k * 3) % 17);
      out.push(
        `${pyTime(t)} INFO invoice_runner.worker: finalizing ${inv} (customer cus_${88120 + i * 9}): locked invoice row, 14 lines`,
        `${pyTime(t - 0.001)} INFO invoice_runner.tax: POST https://rest.avatax.com/api/v2/transactions/create (${inv}, 14 lines)`,
        `${pyTime(t - took / 60)} INFO invoice_runner.tax: tax calculated for ${inv} in ${took}.${(i * 3) % 10}s: total_tax=${(180 + i * 23.4).toFixed(2)} EUR`,
        `${pyTime(t - took / 60 - 0.001)} ERROR invoice_runner.worker: finalizing ${inv} failed, will retry in 300s`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
        '    self.dialect.do_execute(',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
        '    cursor.execute(statement, parameters)',
        'psycopg2.OperationalError: server closed the connection unexpectedly',
        '\tThis probably means the server terminated abnormally',
        '\tbefore or while processing the request.',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "/app/invoice_runner/worker.py", line 118, in finalize',
        '    session.execute(update(Invoice).where(Invoice.id == invoice.id).values(status="finalized", tax_amount=tax.total))',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/orm/session.py", line 2362, in execute',
        '    return self._execute_internal(',
        'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly',
        '\tThis probably means the server terminated abnormally',
        '\tbefore or while processing the request.',
        '',
        '[SQL: UPDATE invoices SET status=%(status)s, tax_amount=%(tax_amount)s, updated_at=now() WHERE invoices.id = %(id_1)s]',
        `[parameters: {'status': 'finalized', 'tax_amount': Decimal('${(180 + i * 23.4).toFixed(2)}'), 'id_1': ${918233 + i * 13 + k * 5}}]`,
        '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
        `${pyTime(t - took / 60 - 0.002)} WARNING sqlalchemy.pool.impl.QueuePool: Exception during reset or similar`,
        'sqlalchemy.exc.ResourceClosedError: This Connection is closed',
      );
    }
    out.push(`${pyTime(0.4)} INFO invoice_runner.worker: queue depth: 1,284 invoices pending finalization (oldest 3h02m)`);
    return lines(...out);
  };
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-billing-pg-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS });
  const other = bystander(ns, 'billing-portal', names, 3 * HOURS + 40, { revisions: [33, 34], versions: ['9.1.0', '9.2.0'], olderAgo: 12 * DAYS });
  return {
    id: 'heldout37-postgres-idle-in-transaction-timeout',
    class: 'config',
    truth: 'About three hours ago a DBA set idle_in_transaction_session_timeout = 30s in the billing-pg ConfigMap (billing-pg-config, DBA-2291) and reloaded Postgres ("parameter idle_in_transaction_session_timeout changed to 30s"). invoice-runner locks the invoice row in a transaction and then calls the external tax API, which takes 35–50 s, before updating and committing; Postgres now kills those sessions ("FATAL: terminating connection due to idle-in-transaction timeout") and the worker fails with "server closed the connection unexpectedly", so invoices pile up unfinalized. Neither invoice-runner\'s revision 9 (two days ago) nor the billing-portal rollout is the cause. Fix: stop holding the transaction across the external call (compute the tax first, then open a short transaction), and meanwhile raise the timeout for the invoice_runner role (ALTER ROLE … SET idle_in_transaction_session_timeout) or in the ConfigMap.',
    ask: { service: 'invoice-runner', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, ...runner.objects, ...other.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'billing-pg', selector: { app: 'billing-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: pg.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'billing-portal', selector: { app: 'billing-portal' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'billing-pg-config', createdAgo: 200 * DAYS, updatedAgo: 3 * HOURS + 7, data: { 'postgresql.conf': conf } }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 34), 2, 0, 3 * HOURS + 40),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog() }),
      ...runner.pods.map((p, k) => logsFor(p, 'app', { current: runnerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/idle.in.transaction/i],
      facts: [/\b30 ?s\b|30 seconds/, /billing-pg/, /server closed the connection unexpectedly|terminating connection/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /max_connections|too many (clients|connections)/i, /billing-pg[^\n]*(crash|restarted|down|not ready)/i, /billing-portal[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 4. MongoDB sort without an index over the in-memory sort limit ----------------------------------

function mongoSortExceededMemoryLimit(): CorpusScenario {
  const ns = 'social';
  const { nodes, names } = threeEksNodes('10.0.201', ['9', '118', '64']);
  const image = (v: string) => `${ECR}/social/feed-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['node', '--enable-source-maps', 'dist/server.js'], ports: [3000], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', value: 'mongodb+srv://feed-api@feed-prod.x7k2p.mongodb.net/feed?retryWrites=true&w=majority&maxPoolSize=50' },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=576' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'feed-api',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: feed-api 2.18.4', template: tpl('2.18.4') },
      { revision: 41, createdAgo: 34, changeCause: 'argocd: feed-api 2.19.0 (trending feed)', template: tpl('2.19.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 33 - k * 0.9 })),
  });
  const d = deploymentOf(api);
  const errMsg = 'Executor error during find command :: caused by :: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting.';
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const out = [
      `{"level":30,"time":${epochMs(32.8 - k * 0.9)},"pid":1,"hostname":"${host}","version":"2.19.0","msg":"feed-api listening on :3000"}`,
      `{"level":30,"time":${epochMs(32.8 - k * 0.9)},"pid":1,"hostname":"${host}","db":"feed","msg":"connected to MongoDB (feed-prod.x7k2p.mongodb.net)"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.8 - k * 0.11;
      const id = `req-${(k + 1) * 1000 + i * 7}`;
      out.push(`{"level":30,"time":${epochMs(t + 0.02)},"pid":1,"hostname":"${host}","req":{"id":"${id}a","method":"GET","url":"/v3/feed/home?cursor=${(88123 + i * 41).toString(36)}"},"res":{"statusCode":200},"responseTime":${42 + (i % 6) * 5},"msg":"request completed"}`);
      out.push(`{"level":40,"time":${epochMs(t + 0.001)},"pid":1,"hostname":"${host}","commandName":"find","collection":"posts","filter":{"createdAt":{"$gte":"${at(t + 24 * HOURS)}"},"visibility":"public"},"sort":{"engagementScore":-1},"limit":50,"durationMS":${2400 + i * 73},"msg":"mongodb command failed"}`);
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${host}","req":{"id":"${id}","method":"GET","url":"/v3/feed/trending?window=24h"},"err":{"type":"MongoServerError","message":"${errMsg}","stack":"MongoServerError: ${errMsg}\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:296:27)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)\\n    at async Connection.command (/app/node_modules/mongodb/lib/cmap/connection.js:324:26)\\n    at async FindCursor.getMore (/app/node_modules/mongodb/lib/cursor/abstract_cursor.js:420:22)\\n    at async TrendingRepository.top (/app/dist/feed/trending.repository.js:38:23)","errorLabelSet":{},"errorResponse":{"ok":0,"errmsg":"${errMsg}","code":292,"codeName":"QueryExceededMemoryLimitNoDiskUseAllowed"},"ok":0,"code":292,"codeName":"QueryExceededMemoryLimitNoDiskUseAllowed"},"msg":"request errored"}`);
      out.push(`{"level":50,"time":${epochMs(t - 0.001)},"pid":1,"hostname":"${host}","req":{"id":"${id}","method":"GET","url":"/v3/feed/trending?window=24h"},"res":{"statusCode":500},"responseTime":${2410 + i * 73},"msg":"request errored"}`);
    }
    out.push(`{"level":30,"time":${epochMs(0.3)},"pid":1,"hostname":"${host}","req":{"id":"req-probe","method":"GET","url":"/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`);
    return lines(...out);
  };
  const other = bystander(ns, 'media-resizer', names, 2 * HOURS + 10, { revisions: [17, 18], versions: ['1.9.3', '1.10.0'], olderAgo: 21 * DAYS });
  return {
    id: 'heldout37-mongo-sort-exceeded-memory-no-index',
    class: 'rollout',
    truth: 'Revision 41 of feed-api (2.19.0, 34 minutes ago) added GET /v3/feed/trending, which runs find on posts filtered by createdAt (last 24h) and sorted by engagementScore descending. There is no index that serves that sort, so MongoDB sorts in memory, exceeds its 100 MB blocking-sort limit and fails: "Executor error during find command :: caused by :: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting." (code 292, QueryExceededMemoryLimitNoDiskUseAllowed). That endpoint returns 500 on every call; the rest of the API and the pods are healthy. Fix: create an index that supports the sort (e.g. { visibility: 1, createdAt: -1, engagementScore: -1 } or a precomputed trending collection), or disable the endpoint / roll back to revision 40 until it exists; allowDiskUse is only a stopgap.',
    ask: { service: 'feed-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'feed-api', selector: { app: 'feed-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'media-resizer', selector: { app: 'media-resizer' }, pods: other.pods }),
      scaledReplicaSet(d, rsOf(api, 41), 1, 0, 34),
      scaledReplicaSet(d, rsOf(api, 40), 3, 4, 33),
      scaledReplicaSet(d, rsOf(api, 41), 4, 1, 32.2),
      scaledReplicaSet(d, rsOf(api, 40), 0, 3, 31.9),
      hpa({ namespace: ns, name: 'feed-api', target: { kind: 'Deployment', name: 'feed-api' }, min: 4, max: 12, current: 4, desired: 4, cpu: { current: 38, target: 65, averageValue: '190m' } }),
    ],
    logs: api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/\bsort\b|292|QueryExceededMemoryLimit/i],
      facts: [/104857600|100 ?MB/, lit('/v3/feed/trending'), /\bindex/i, /revision 41|2\.19\.0/],
      never: [/\bOOM/, /crash ?loop/i, /(increase|raise)[^\n]*(container|pod)[^\n]*memory/i, /media-resizer[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 5. spec.nodeName hard-pinned to a node the autoscaler removed ------------------------------------

function nodeNamePinnedToRemovedNode(): CorpusScenario {
  const ns = 'eng-tools';
  const { nodes, names } = threeEksNodes('10.0.96', ['37', '150', '88']);
  const gone = 'ip-10-0-96-214.eu-west-1.compute.internal';
  const image = (v: string) => `${ECR}/eng-tools/license-proxy:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'lmgrd', containerPort: 27000 }, { name: 'vendor', containerPort: 27001 }], cpu: '200m', memory: '256Mi',
      env: [{ name: 'LM_LICENSE_FILE', value: '/licenses/cad.lic' }, { name: 'LICENSE_CACHE_DIR', value: '/var/cache/license-proxy' }],
      readiness: tcpProbe('lmgrd'), liveness: tcpProbe('lmgrd', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'cache', mountPath: '/var/cache/license-proxy' }],
    })],
    volumes: [{ name: 'cache', hostPath: { path: '/var/cache/license-proxy', type: 'DirectoryOrCreate' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'license-proxy',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 6, createdAgo: 41 * DAYS, changeCause: `kubectl patch: pin to ${gone} (license cache is on that host, INFRA-3812)`, template: tpl('11.19.2') },
      { revision: 7, createdAgo: 9 * DAYS, changeCause: 'kubectl set image license-proxy app=license-proxy:11.19.4', template: tpl('11.19.4') },
    ],
    pods: [
      { revision: 7, node: gone, createdAgo: 1.5, deletingAgo: 0.7 },
      { revision: 7, node: gone, createdAgo: 0.6 },
    ],
    settled: { available: false, availableSince: 52, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 1 },
  });
  // The template itself binds every pod: spec.nodeName, which bypasses the scheduler.
  const pin = (t: k8s.V1PodTemplateSpec | undefined) => { if (t?.spec) t.spec = { ...t.spec, nodeName: gone }; };
  for (const o of app.objects) {
    if (o.kind === 'Deployment') pin((o as k8s.V1Deployment).spec?.template);
    if (o.kind === 'ReplicaSet') pin((o as k8s.V1ReplicaSet).spec?.template);
  }
  // No kubelet ever picks them up: no conditions, no container statuses, no IP. PodGC marks the
  // older one Failed and deletes it, the ReplicaSet makes another.
  const [dying, pending] = [podOf(app, 0), podOf(app, 1)];
  pending.status = { phase: 'Pending', qosClass: 'Guaranteed' };
  dying.status = {
    phase: 'Failed',
    qosClass: 'Guaranteed',
    conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: new Date(Date.parse(at(0.7))) }],
  };
  const rs7 = replicaSetOf(app, 7) as k8s.V1ReplicaSet;
  if (rs7.spec) rs7.spec.replicas = 1;
  if (rs7.status) rs7.status = { ...rs7.status, replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 0, availableReplicas: 0 };
  const oldPod = `license-proxy-${rsOf(app, 7).split('-').pop() ?? ''}-q7x2n`;
  const other = bystander(ns, 'build-cache', names, 4 * HOURS, { revisions: [11, 12], versions: ['3.2.0', '3.3.0'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout37-nodename-pinned-to-removed-node',
    class: 'scheduling',
    truth: `license-proxy's pod template has been hard-pinned with spec.nodeName: ${gone} since revision 6 (41 days ago, to keep its hostPath license cache). 55 minutes ago the cluster autoscaler found that node underutilised, drained it and removed it. Every pod the ReplicaSet creates since is bound directly to a node that no longer exists — the scheduler never sees it, so there is no FailedScheduling — and sits Pending with no status until PodGC deletes it ("PodGC: node no longer exists") and the ReplicaSet creates the next one; license-proxy has had 0 available replicas for 52 minutes. Rolling back does not help (revision 6 is pinned too). Fix: remove spec.nodeName from the template (use a nodeSelector/affinity on a label, and a PVC instead of the hostPath cache), and if it must stay on one node, protect it from scale-down.`,
    ask: { service: 'license-proxy', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'license-proxy', selector: { app: 'license-proxy' }, ports: [{ name: 'lmgrd', port: 27000, targetPort: 'lmgrd' }, { name: 'vendor', port: 27001, targetPort: 'vendor' }], pods: app.pods, endpointPort: 27000 }),
      ...exposed({ namespace: ns, name: 'build-cache', selector: { app: 'build-cache' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 4 * HOURS),
      event({ on: { kind: 'Pod', name: oldPod, namespace: ns }, type: 'Normal', reason: 'ScaleDown', message: 'deleting pod for node scale down', firstAgo: 55, lastAgo: 55, component: 'cluster-autoscaler' }),
      event({ on: { kind: 'Pod', name: oldPod, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 55, lastAgo: 55, fieldPath: 'spec.containers{app}' }),
      event({ on: { kind: 'Node', name: gone }, type: 'Normal', reason: 'ScaleDown', message: 'marked the node as toBeDeleted/unschedulable', firstAgo: 56, lastAgo: 56, component: 'cluster-autoscaler' }),
      event({ on: { kind: 'Node', name: gone }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${gone} status is now: NodeNotSchedulable`, firstAgo: 56, lastAgo: 56 }),
      event({ on: { kind: 'Node', name: gone }, type: 'Normal', reason: 'RemovingNode', message: `Node ${gone} event: Removing Node ${gone} from Controller`, firstAgo: 52, lastAgo: 52, component: 'node-controller' }),
      event({ on: rs7, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending)}`, firstAgo: 0.6, lastAgo: 0.6, component: 'replicaset-controller' }),
      event({ on: rs7, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(dying)}`, firstAgo: 1.5, lastAgo: 1.5, component: 'replicaset-controller' }),
      event({ on: rs7, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: license-proxy-${rsOf(app, 7).split('-').pop() ?? ''}-m4b8k`, firstAgo: 2.4, lastAgo: 2.4, component: 'replicaset-controller' }),
      event({ on: rs7, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: license-proxy-${rsOf(app, 7).split('-').pop() ?? ''}-v9t5c`, firstAgo: 54.9, lastAgo: 54.9, component: 'replicaset-controller' }),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('ip-10-0-96-214'), /nodeName/],
      facts: [/no longer exists|does not exist|doesn't exist|not found|removed|scaled? (in|down)/i, /Pending/],
      never: [ADVISES_ROLLBACK, /Insufficient (cpu|memory)/, /\bOOM/, /image/i, /build-cache[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 6. envFrom prefix APP_ hides DB_HOST ----------------------------------------------------

function envFromPrefixHidesVariables(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.61', ['12', '145', '203']);
  const image = (v: string) => `${ECR}/orders/order-history:${v}`;
  const tpl = (v: string, prefixed: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      envFrom: prefixed
        ? [{ prefix: 'APP_', configMapRef: { name: 'order-history-config' } }, { configMapRef: { name: 'platform-observability' } }]
        : [{ configMapRef: { name: 'order-history-config' } }],
      env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'order-history-db', key: 'password' } } }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-history',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 17, createdAgo: 12 * DAYS, changeCause: 'helm upgrade order-history charts/go-service 3.8.1, app 1.30.2', template: tpl('1.30.2', false) },
      { revision: 18, createdAgo: 16, changeCause: 'helm upgrade order-history charts/go-service 4.0.0, app 1.31.0', template: tpl('1.31.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 18, node: names[1] ?? '', createdAgo: 15.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 0.04 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const d = deploymentOf(app);
  const crashRun = (t: number) => lines(
    `{"level":"info","time":"${at(t)}","caller":"cmd/order-history/main.go:34","msg":"order-history starting","version":"1.31.0","commit":"e5a19c0","go":"go1.23.3"}`,
    `{"level":"info","time":"${at(t)}","caller":"internal/telemetry/otel.go:51","msg":"otel exporter configured","endpoint":"http://otel-collector.observability.svc:4317","service":"order-history"}`,
    `{"level":"fatal","time":"${at(t)}","caller":"cmd/order-history/main.go:41","msg":"invalid configuration","error":"DB_HOST is not set; DB_NAME is not set"}`,
  );
  const other = bystander(ns, 'order-api', names, 95, { revisions: [64, 65], versions: ['5.11.0', '5.11.1'], olderAgo: 9 * DAYS });
  return {
    id: 'heldout37-envfrom-prefix-hides-db-host',
    class: 'config',
    truth: 'Revision 18 of order-history (16 minutes ago) came with the go-service chart 4.0.0, which added `prefix: APP_` to the envFrom configMapRef of order-history-config (to keep app settings apart from the new platform-observability variables). The ConfigMap is unchanged and still holds DB_HOST, DB_NAME, …, but the container now sees them as APP_DB_HOST, APP_DB_NAME, so the service exits 1 at start with "DB_HOST is not set" and the new pod crash-loops; the rollout is stuck with the three revision-17 pods serving. Fix: drop the prefix (or rename the keys / make the app read APP_*), or roll back to revision 17.',
    ask: { service: 'order-history', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'order-history-config', createdAgo: 300 * DAYS, updatedAgo: 40 * DAYS, data: { DB_HOST: 'orders-db.cluster-cq81xv2d7p4n.eu-west-1.rds.amazonaws.com', DB_PORT: '5432', DB_NAME: 'orders', DB_USER: 'order_history', DB_MAX_CONNS: '15', CACHE_URL: 'redis://orders-cache.orders.svc:6379/2', LOG_LEVEL: 'info' } }),
      configMap({ namespace: ns, name: 'platform-observability', createdAgo: 20 * DAYS, data: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc:4317', OTEL_SERVICE_NAME: 'order-history', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.05' } }),
      scaledReplicaSet(d, rsOf(app, 18), 1, 0, 16),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 65), 2, 0, 95),
      scheduled(fresh, 15.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('1.31.0')}"`, firstAgo: 15.7, lastAgo: 15.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('1.31.0')}" in 1.872s (1.872s including waiting). Image size: 14203311 bytes.`, firstAgo: 15.6, lastAgo: 15.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('1.31.0'), { count: 8, firstAgo: 15.6, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 67, firstAgo: 15.5 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashRun(1.9), current: '' }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(1.1)}","caller":"internal/http/log.go:22","msg":"request","method":"GET","path":"/v1/customers/c_81923/orders","status":200,"duration_ms":12}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/APP_/, /DB_HOST/],
      facts: [/prefix/i, lit('order-history-config'), /revision 18/, /exit(ed)?( with)?( code)? 1\b/i],
      never: [/\bOOM/, /order-history-config[^\n]*(missing|not found|does not exist)/i, /liveness/i, /order-api[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 7. healthy control: an SSE stream whose logs are full of client-abort stack traces ------------------

function healthySseClientAborts(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.117', ['25', '160', '238']);
  const image = `${ECR}/messaging/notification-stream:4.7.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-stream',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 19 * DAYS, changeCause: 'argocd: notification-stream 4.7.1', template: { containers: [container({ image: image.replace('4.7.2', '4.7.1'), cpu: '1', memory: '1Gi' })] } },
      {
        revision: 12, createdAgo: 4 * DAYS, changeCause: 'argocd: notification-stream 4.7.2',
        template: { containers: [container({ image, cpu: '1', memory: '1Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40, timeoutSeconds: 2 }) })] },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 4 * DAYS - k * 1.5 })),
  });
  const ts = (m: number) => at(m).replace('Z', '+00:00');
  const abort = (t: number, thread: number) => [
    `${ts(t)}  WARN 1 --- [notification-stream] [nio-8080-exec-${thread}] o.s.w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.context.request.async.AsyncRequestNotUsableException: ServletOutputStream failed to flush: java.io.IOException: Broken pipe]`,
    `${ts(t - 0.001)} ERROR 1 --- [notification-stream] [nio-8080-exec-${thread}] c.a.m.stream.SseFanout                   : failed to deliver event to subscriber; removing emitter`,
    '',
    'org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe',
    '\tat org.apache.catalina.connector.OutputBuffer.realWriteBytes(OutputBuffer.java:342) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.connector.OutputBuffer.flushByteBuffer(OutputBuffer.java:776) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.connector.OutputBuffer.doFlush(OutputBuffer.java:297) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitterReturnValueHandler$HttpMessageConvertingHandler.sendInternal(ResponseBodyEmitterReturnValueHandler.java:239) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat com.acme.messaging.stream.SseFanout.deliver(SseFanout.java:88) ~[!/:4.7.2]',
    '\t... 12 common frames omitted',
    'Caused by: java.io.IOException: Broken pipe',
    '\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method) ~[na:na]',
    '\tat java.base/sun.nio.ch.SocketChannelImpl.write(SocketChannelImpl.java:580) ~[na:na]',
    '\tat org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper.doWrite(NioEndpoint.java:1432) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\t... 38 common frames omitted',
  ];
  const streamLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 9 - i - k * 0.13;
      out.push(...abort(t, (i * 3 + k) % 10 + 1));
      if (i % 3 === 0) out.push(`${ts(t - 0.3)}  INFO 1 --- [notification-stream] [   scheduling-1] c.a.m.stream.SubscriberStats             : subscribers=${6120 + k * 211 + i * 7} connected_last_min=${402 + i} disconnected_last_min=${398 + i} delivered_last_min=${51882 + i * 120} p99_delivery_ms=${38 + (i % 5)}`);
    }
    return lines(...out);
  };
  const flaky = podOf(app, 2);
  return {
    id: 'heldout37-healthy-sse-client-abort-stacktraces',
    class: 'healthy',
    truth: 'notification-stream is healthy: three ready pods of revision 12 (four days old), connects and disconnects balance (~400 a minute each way), events are delivered with a 40 ms p99. The ERROR-level ClientAbortException / "Broken pipe" stack traces are mobile clients dropping their server-sent-event streams when the app goes to the background — Tomcat only finds out on the next write. The two readiness-probe timeouts five hours ago were a brief GC pause and did not recur. Nothing to fix (at most, log client aborts at DEBUG).',
    ask: { service: 'notification-stream', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'notification-stream', selector: { app: 'notification-stream' }, pods: app.pods }),
      hpa({ namespace: ns, name: 'notification-stream', target: { kind: 'Deployment', name: 'notification-stream' }, min: 3, max: 10, current: 3, desired: 3, cpu: { current: 41, target: 70, averageValue: '410m' } }),
      probeFailed(flaky, 'app', 'Readiness', `Get "http://${flaky.status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 5 * HOURS + 12, lastAgo: 5 * HOURS + 11 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: streamLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/notification-stream/],
      facts: [/3\/3|3 of 3|three/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /restart (the )?(pods?|deployment)/i, /(Broken pipe|ClientAbortException)[^\n]*(cause|root)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  envoyCircuitBreakerOverflow(),
  grpcDeadlineTooShort(),
  postgresIdleInTransactionTimeout(),
  mongoSortExceededMemoryLimit(),
  nodeNamePinnedToRemovedNode(),
  envFromPrefixHidesVariables(),
  healthySseClientAborts(),
];
