// Held-out stories, seventy-fourth round, part two: a Neo4j whose global transaction memory limit
// (dbms.memory.transaction.total.max) was lowered in its config, so the calling API's queries fail
// with MemoryPoolOutOfMemoryError; a gunicorn service given --preload while a gRPC channel is built
// at import time, so forked workers hang on gRPC calls; a tokio service that panics at start with
// "Cannot start a runtime from within a runtime"; a native worker whose core dumps fill the
// container's writable layer until the kubelet evicts it for ephemeral storage; a Traefik whose
// router references a Middleware that no longer exists, so the route 404s; a Django app behind a
// TLS-terminating ingress given SECURE_SSL_REDIRECT without SECURE_PROXY_SSL_HEADER (redirect
// loop); and a healthy control: nginx warning about types_hash at each start.
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed,
  httpProbe, kubeletEviction, probeFailed, restartedAgain, rsOf, running, scaledReplicaSet,
  startedNormally, statefulSetApp, tcpProbe, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Neo4j's log time: `2026-11-21 03:12:41.563+0000`. */
const neoTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '+0000');
/** gunicorn's error-log time: `[2026-11-21 03:12:41 +0000]`. */
const gTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;
/** Traefik v3 console time: `2026-11-21T03:12:41Z`. */
const trTime = (minutes: number): string => at(minutes).slice(0, 19) + 'Z';

// ---- 1. Neo4j transaction memory pool lowered ------------------------------------------------------

function neo4jTransactionMemoryLimit(): CorpusScenario {
  const ns = 'graph';
  const { nodes, names } = threeEksNodes('10.0.81', ['24', '140', '219']);
  const neoImage = 'docker.io/library/neo4j:5.24.2-enterprise';
  const conf = (limit: string) => [
    'server.default_listen_address=0.0.0.0',
    'server.memory.heap.initial_size=6g',
    'server.memory.heap.max_size=6g',
    'server.memory.pagecache.size=8g',
    `dbms.memory.transaction.total.max=${limit}`,
    'db.memory.transaction.max=0',
    'db.transaction.timeout=60s',
    'server.metrics.prometheus.enabled=true',
    'server.metrics.prometheus.endpoint=0.0.0.0:2004',
    'dbms.security.auth_enabled=true',
  ].join('\n') + '\n';
  const cm = configMap({ namespace: ns, name: 'neo4j-conf', createdAgo: 210 * DAYS, updatedAgo: 2 * HOURS + 12, data: { 'neo4j.conf': conf('256m') } });
  const neoTpl = (confHash: string) => ({
    annotations: { 'checksum/config': confHash },
    containers: [container({
      name: 'neo4j', image: neoImage, cpu: '4', memory: '20Gi',
      ports: [{ name: 'bolt', containerPort: 7687 }, { name: 'http', containerPort: 7474 }, { name: 'metrics', containerPort: 2004 }],
      env: [{ name: 'NEO4J_ACCEPT_LICENSE_AGREEMENT', value: 'yes' }, { name: 'NEO4J_CONF', value: '/config' }],
      readiness: tcpProbe('bolt', { periodSeconds: 5 }), liveness: tcpProbe('bolt', { initialDelaySeconds: 60, periodSeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'conf', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'conf', configMap: { name: 'neo4j-conf', defaultMode: 420 } }],
    securityContext: { runAsUser: 7474, runAsGroup: 7474, fsGroup: 7474 },
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'neo4j',
    replicas: 1,
    serviceName: 'neo4j',
    revisions: [
      { revision: 6, createdAgo: 47 * DAYS, template: neoTpl('9c1e0a7d4b2f6e8a') },
      { revision: 7, createdAgo: 2 * HOURS + 10, template: neoTpl('e4f7b21a90c3d5f1') },
    ],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 2 * HOURS + 9 }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    createdAgo: 210 * DAYS,
  });
  const apiImage = `${ECR}/graph/recommendations-api:3.8.4`;
  const api = deploymentApp({
    namespace: ns,
    name: 'recommendations-api',
    replicas: 3,
    revisions: [{
      revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: recommendations-api 3.8.4',
      template: { containers: [container({ image: apiImage, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'NEO4J_URI', value: 'neo4j://neo4j.graph.svc.cluster.local:7687' }, { name: 'NEO4J_MAX_POOL', value: '50' }] })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'graph-ingest', names, 70, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const neoPod = podOf(db, 0);
  const users = ['u_81231', 'u_10077', 'u_55210', 'u_90412', 'u_31877', 'u_66003'];
  const apiLog = (k: number) => {
    const out: string[] = [];
    out.push(`{"timestamp":"${at(3 * HOURS - k)}","level":"INFO","logger":"c.a.r.http.AccessLog","message":"GET /v1/recommendations/u_71002 200 84ms"}`);
    for (let i = 0; i < 14; i++) {
      const t = 2 * HOURS - i * 8.3 - k * 0.7;
      const u = users[(i + k) % users.length] ?? 'u_1';
      const extra = 2.0 + ((i + k) % 4) * 2;
      const used = 250 + ((i * 3 + k) % 6);
      out.push(`{"timestamp":"${at(t)}","level":"ERROR","logger":"c.a.r.graph.RecoQueries","message":"Cypher query failed","query":"similar-users-2hop","user":"${u}","exception":"org.neo4j.driver.exceptions.TransientException: The allocation of an extra ${extra.toFixed(1)} MiB would use more than the limit 256.0 MiB. Currently using ${used}.0 MiB. dbms.memory.transaction.total.max threshold reached","code":"Neo.TransientError.General.MemoryPoolOutOfMemoryError"}`);
      out.push(`{"timestamp":"${at(t - 0.01)}","level":"WARN","logger":"o.n.d.i.r.ExponentialBackoffRetryLogic","message":"Transaction failed and will be retried in ${900 + i * 37}ms","exception":"Neo.TransientError.General.MemoryPoolOutOfMemoryError"}`);
      out.push(`{"timestamp":"${at(t - 0.05)}","level":"INFO","logger":"c.a.r.http.AccessLog","message":"GET /v1/recommendations/${u} 503 ${4100 + i * 77}ms"}`);
      if (i % 4 === 1) out.push(`{"timestamp":"${at(t - 0.1)}","level":"INFO","logger":"c.a.r.http.AccessLog","message":"GET /v1/trending 200 ${31 + i}ms"}`);
    }
    return out.join('\n') + '\n';
  };
  const neoLog = lines(
    `${neoTime(2 * HOURS + 8.5)} INFO  Logging config in use: File '/var/lib/neo4j/conf/user-logs.xml'`,
    `${neoTime(2 * HOURS + 8.5)} INFO  Starting...`,
    `${neoTime(2 * HOURS + 8.4)} INFO  This instance is ServerId{3f1c8a2e} (3f1c8a2e-6b0d-4f2a-9c11-7d8e5a4b2c90)`,
    `${neoTime(2 * HOURS + 8.1)} INFO  ======== Neo4j 5.24.2 ========`,
    `${neoTime(2 * HOURS + 7.6)} INFO  Bolt enabled on 0.0.0.0:7687.`,
    `${neoTime(2 * HOURS + 7.6)} INFO  HTTP enabled on 0.0.0.0:7474.`,
    `${neoTime(2 * HOURS + 7.5)} INFO  Remote interface available at http://localhost:7474/`,
    `${neoTime(2 * HOURS + 7.5)} INFO  Started.`,
  );
  const [pvcObj, pvObj] = boundClaim({ namespace: ns, name: 'data-neo4j-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  return {
    id: 'heldout74-neo4j-transaction-memory-limit',
    class: 'config',
    truth: 'Two hours ago the neo4j-conf ConfigMap was edited to set dbms.memory.transaction.total.max=256m (the global transaction memory pool) and the neo4j StatefulSet rolled to pick it up. recommendations-api\'s two-hop similarity queries need more than that, so Neo4j refuses allocations with Neo.TransientError.General.MemoryPoolOutOfMemoryError ("dbms.memory.transaction.total.max threshold reached"); the driver retries and the API returns 503s. Neo4j itself is Running and ready, nothing is OOMKilled. Fix: raise (or unset) dbms.memory.transaction.total.max back to its former value and restart Neo4j.',
    ask: { service: 'recommendations-api', namespace: ns },
    objects: [
      ...nodes, cm, ...db.objects, pvcObj, pvObj, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'neo4j', selector: { app: 'neo4j' }, pods: db.pods, ports: [{ name: 'bolt', port: 7687, targetPort: 'bolt' }, { name: 'http', port: 7474, targetPort: 'http' }], endpointPort: 7687 }),
      ...exposed({ namespace: ns, name: 'recommendations-api', selector: { app: 'recommendations-api' }, pods: api.pods }),
      ...startedNormally(neoPod, 'neo4j', neoImage, 2 * HOURS + 9),
      event({ on: { kind: 'StatefulSet', name: 'neo4j', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod neo4j-0 in StatefulSet neo4j successful', firstAgo: 2 * HOURS + 9.5, lastAgo: 2 * HOURS + 9.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'neo4j', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod neo4j-0 in StatefulSet neo4j successful', firstAgo: 2 * HOURS + 9, lastAgo: 2 * HOURS + 9, component: 'statefulset-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 70),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 68),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(neoPod, 'neo4j', { current: neoLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/neo4j|graph (db|database)/i, /memory|MemoryPool|transaction (memory|limit|pool)|total\.max/i],
      facts: [/MemoryPoolOutOfMemoryError|dbms\.memory\.transaction\.total\.max/i, /256 ?m(i?b)?/i, /neo4j-conf|config(uration)? (change|edit)|ConfigMap/i],
      never: [/OOM ?Kill/i, /graph-ingest/, /crash ?loop/i, /neo4j[^\n]*(not ready|unready|down|unreachable)/i],
    },
  };
}

// ---- 2. gunicorn --preload with a gRPC channel created at import ---------------------------------

function gunicornPreloadGrpcFork(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.53', ['12', '98', '203']);
  const image = `${ECR}/pricing/quote-api:2026.11.20-3`;
  const tpl = (preload: boolean) => ({
    containers: [container({
      image, ports: [8000], cpu: '1', memory: '1Gi',
      command: ['gunicorn'],
      args: ['quote_api.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--timeout', '30', '--access-logfile', '-', ...(preload ? ['--preload'] : [])],
      env: [{ name: 'RATES_GRPC_TARGET', value: 'rates-engine.pricing.svc.cluster.local:50051' }, { name: 'GRPC_ENABLE_FORK_SUPPORT', value: '1' }],
      readiness: httpProbe('/ready', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20, timeoutSeconds: 5, failureThreshold: 5 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-api 2026.11.09-1', template: tpl(false) },
      { revision: 41, createdAgo: 52, changeCause: 'argocd: quote-api 2026.11.20-3 (gunicorn: preload app to cut memory)', template: tpl(true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 51 - k, ready: k === 2, containers: { app: running({ sinceAgo: 51 - k, ready: k === 2, restarts: 0 }) } })),
    settled: { available: false, availableSince: 38, progressingSince: 52, progressingUpdatedAgo: 48 },
  });
  const rates = deploymentApp({
    namespace: ns,
    name: 'rates-engine',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, changeCause: 'argocd: rates-engine 4.2.0', template: { containers: [container({ image: `${ECR}/pricing/rates-engine:4.2.0`, ports: [{ name: 'grpc', containerPort: 50051 }], readiness: tcpProbe('grpc'), liveness: tcpProbe('grpc', { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k + 1] ?? '', createdAgo: 30 * DAYS - k })),
  });
  const apiLog = (k: number) => {
    const start = 51 - k;
    const fork = (t: number): string[] => [
      `I1121 ${at(t).slice(11, 23)}000       1 fork_posix.cc:71] Other threads are currently calling into gRPC, skipping fork() handlers`,
      `E1121 ${at(t).slice(11, 23)}000       1 fork_posix.cc:63] Fork support is only compatible with the epoll1 and poll polling strategies`,
    ];
    const out: string[] = [
      `{"ts":"${at(start - 0.1)}","level":"info","logger":"quote_api.clients.rates","msg":"rates gRPC channel created","target":"rates-engine.pricing.svc.cluster.local:50051","grpcio":"1.44.0"}`,
      `${gTime(start - 0.1)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gTime(start - 0.1)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(start - 0.1)} [1] [INFO] Using worker: sync`,
    ];
    for (let w = 0; w < 4; w++) {
      out.push(...fork(start - 0.1));
      out.push(`${gTime(start - 0.1)} [${7 + w}] [INFO] Booting worker with pid: ${7 + w}`);
    }
    let pid = 20;
    for (let i = 0; i < 9; i++) {
      const t = start - 2 - i * 5.1;
      const victim = i < 4 ? 7 + i : pid - 1;
      out.push(`{"ts":"${at(t + 0.5)}","level":"warning","logger":"quote_api.views","msg":"rates lookup still waiting","rpc":"/rates.v1.Rates/GetQuote","elapsed_s":25.0,"pid":${victim}}`);
      out.push(`${gTime(t)} [1] [CRITICAL] WORKER TIMEOUT (pid:${victim})`);
      out.push(`${gTime(t - 0.01)} [1] [ERROR] Worker (pid:${victim}) was sent SIGKILL! Perhaps out of memory?`);
      out.push(...fork(t - 0.02));
      out.push(`${gTime(t - 0.02)} [${pid}] [INFO] Booting worker with pid: ${pid}`);
      out.push(`10.0.5.${40 + i} - - [${clfTime(t + 0.6)}] "POST /v1/quotes HTTP/1.1" 504 0 "-" "checkout-svc/5.1 python-requests/2.32.3"`);
      pid += 1;
    }
    return out.join('\n') + '\n';
  };
  const ratesLog = lines(
    `{"time":"${at(40)}","level":"INFO","msg":"GetQuote served","peer":"10.0.21.77:51234","dur_ms":3}`,
    `{"time":"${at(2)}","level":"INFO","msg":"GetQuote served","peer":"10.0.21.77:51234","dur_ms":4}`,
  );
  return {
    id: 'heldout74-gunicorn-preload-grpc-fork',
    class: 'rollout',
    truth: 'quote-api revision 41 (52 min ago) added gunicorn --preload. The app creates its gRPC channel to rates-engine at import time, so with --preload the channel (and gRPC\'s background threads) is created in the gunicorn master before fork; grpcio 1.44, built from source in the Alpine image (epollex poller), cannot support that fork ("Fork support is only compatible with the epoll1 and poll polling strategies", "Other threads are currently calling into gRPC, skipping fork() handlers") and the forked workers hang on every gRPC call until gunicorn\'s 30 s WORKER TIMEOUT kills them; requests return 504 and readiness probes time out. rates-engine is healthy. Fix: drop --preload (roll back to revision 40) or create the gRPC channel lazily after fork (post_fork hook).',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...rates.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'rates-engine', selector: { app: 'rates-engine' }, pods: rates.pods, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }], endpointPort: 50051 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 41), 3, 0, 52),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 40), 0, 3, 48),
      ...[0, 1].map((k) => probeFailed(podOf(api, k), 'app', 'Readiness', `Get "http://${podOf(api, k).status?.podIP ?? ''}:8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61 - k * 7, firstAgo: 47 - k, lastAgo: 0.3 })),
      probeFailed(podOf(api, 2), 'app', 'Readiness', `Get "http://${podOf(api, 2).status?.podIP ?? ''}:8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 19, firstAgo: 44, lastAgo: 4 }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(rates, k), 'app', { current: ratesLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/preload|fork/i, /grpc|worker(s)? (hang|timeout|time out|stuck)|WORKER TIMEOUT/i],
      facts: [/--preload/i, /Fork support is only compatible|fork_posix|skipping fork\(\) handlers/i, /WORKER TIMEOUT|SIGKILL/i],
      never: [/OOM ?Kill|out of memory[^\n]*(cause|root)|memory limit/i, /rates-engine[^\n]*(down|unready|not ready|crash|failing)/i, /crash ?loop/i],
    },
  };
}

// ---- 3. tokio runtime started from within a runtime -------------------------------------------------

function tokioNestedRuntime(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.64', ['31', '117', '240']);
  const img = (v: string) => `${ECR}/payments/ledger-sync:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: img(v), ports: [9090], cpu: '250m', memory: '256Mi', env: [{ name: 'RUST_LOG', value: 'info,ledger_sync=debug' }, { name: 'LEDGER_DB_URL', value: 'postgres://ledger@ledger-db.payments.svc:5432/ledger' }], readiness: httpProbe('/readyz', 9090), liveness: httpProbe('/livez', 9090, { initialDelaySeconds: 5 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-sync',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 15 * DAYS, changeCause: 'argocd: ledger-sync v0.31.2', template: tpl('v0.31.2') },
      { revision: 18, createdAgo: 26, changeCause: 'argocd: ledger-sync v0.32.0', template: tpl('v0.32.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      { revision: 18, node: names[2] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 101, finishedAgo: 1.7, ranSeconds: 0.2 }, 9) } },
    ],
  });
  const other = bystander(ns, 'payout-scheduler', names, 95, { revisions: [5, 6], versions: ['1.4.0', '1.4.1'], olderAgo: 40 * DAYS });
  const newPod = podOf(app, 3);
  const prev = lines(
    `2026-11-21T03:12:18.204913Z  INFO ledger_sync: starting ledger-sync version="0.32.0" git_sha="b71e0c4"`,
    `2026-11-21T03:12:18.205377Z DEBUG ledger_sync::config: loaded config source="env" poll_interval_ms=500`,
    `thread 'main' panicked at /usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.41.1/src/runtime/scheduler/multi_thread/mod.rs:86:9:`,
    'Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks.',
    'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
  );
  const oldLog = lines(
    `${at(3)}  INFO ledger_sync::sync: batch committed entries=412 lag_ms=220`,
    `${at(1)}  INFO ledger_sync::sync: batch committed entries=388 lag_ms=198`,
  );
  return {
    id: 'heldout74-tokio-runtime-within-runtime',
    class: 'containers',
    truth: 'ledger-sync v0.32.0 (revision 18, 26 min ago) builds a tokio Runtime and calls block_on inside code already running under #[tokio::main], so every start panics with "Cannot start a runtime from within a runtime" and exits 101; the new pod is in CrashLoopBackOff and the rollout is stuck while the three v0.31.2 pods keep serving. Fix: roll back to revision 17 and make the startup code await the future (or use spawn_blocking / Handle) instead of creating a nested runtime.',
    ask: { service: 'ledger-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-sync', selector: { app: 'ledger-sync' }, pods: app.pods, ports: [{ name: 'http', port: 9090, targetPort: 'http' }], endpointPort: 9090 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 26),
      ...restartedAgain(newPod, 'app', img('v0.32.0'), { count: 10, firstAgo: 25.9, lastAgo: 1.8 }),
      backOff(newPod, 'app', { count: 112, firstAgo: 25.5 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 95),
    ],
    logs: [
      logsFor(newPod, 'app', { previous: prev, current: '' }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/runtime (from )?within a runtime|nested (tokio )?runtime|block_on|panic/i],
      facts: [/Cannot start a runtime from within a runtime/i, /\b101\b/, /v0\.32\.0|revision 18/i],
      never: [/OOM ?Kill/i, /payout-scheduler/, /(liveness|readiness) probe[^\n]*(cause|kill)/i, /image ?pull/i],
    },
  };
}

// ---- 4. core dumps filling the writable layer ------------------------------------------------------

function coreDumpsEphemeralStorage(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.47', ['19', '86', '172']);
  const image = `${ECR}/media/thumbnailer:7.3.0`;
  const c = container({
    name: 'worker', image, ports: [9100], cpu: '1', memory: '2Gi',
    command: ['/bin/sh', '-c'],
    args: ['ulimit -c unlimited; cd /srv/thumbnailer; while true; do ./thumbd --queue thumbs --concurrency 4; echo "thumbd exited rc=$?, restarting in 1s"; sleep 1; done'],
    readiness: httpProbe('/metrics', 9100), liveness: null,
  });
  c.workingDir = '/srv/thumbnailer';
  c.resources = { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '1Gi' }, limits: { memory: '2Gi', 'ephemeral-storage': '4Gi' } };
  const tpl = { containers: [c] };
  const evictMsg = 'Pod ephemeral local storage usage exceeds the total limit of containers 4Gi. ';
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnailer 7.3.0', template: tpl }],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 5 * HOURS, ...kubeletEviction(evictMsg, 3 * HOURS + 40), containers: { worker: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 3 * HOURS + 40, ranSeconds: 4800 }) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 4 * HOURS + 30, ...kubeletEviction(evictMsg, 2 * HOURS + 5), containers: { worker: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 2 * HOURS + 5, ranSeconds: 8700 }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 3 * HOURS + 39, ...kubeletEviction(evictMsg, 58), containers: { worker: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 58, ranSeconds: 9600 }) } },
      { revision: 12, node: names[0] ?? '', createdAgo: 2 * HOURS + 4 },
      { revision: 12, node: names[2] ?? '', createdAgo: 57 },
      { revision: 12, node: names[1] ?? '', createdAgo: 6 * HOURS + 10 },
    ],
  });
  const evicted = [0, 1, 2].map((k) => podOf(app, k));
  const workerLog = (startAgo: number, crashes: number) => {
    const out: string[] = [`{"ts":"${at(startAgo - 0.05)}","level":"info","msg":"thumbd 7.3.0 starting","libvips":"8.15.3","concurrency":4,"cwd":"/srv/thumbnailer"}`];
    let pid = 14;
    for (let i = 0; i < crashes; i++) {
      const t = startAgo - 6 - i * ((startAgo - 8) / crashes);
      out.push(`{"ts":"${at(t + 0.2)}","level":"info","msg":"job done","job":"th_${88120 + i * 13}","src":"s3://acme-media-uploads/2026/11/${(20 + (i % 2)).toString()}/IMG_${4012 + i}.HEIC","ms":${180 + i * 7}}`);
      out.push(`{"ts":"${at(t + 0.01)}","level":"info","msg":"decoding","job":"th_${88121 + i * 13}","format":"heif","width":8064,"height":6048}`);
      out.push(`/bin/sh: line 1:    ${pid} Segmentation fault      (core dumped) ./thumbd --queue thumbs --concurrency 4`);
      out.push(`thumbd exited rc=139, restarting in 1s`);
      out.push(`{"ts":"${at(t - 0.02)}","level":"info","msg":"thumbd 7.3.0 starting","libvips":"8.15.3","concurrency":4,"cwd":"/srv/thumbnailer"}`);
      out.push(`{"ts":"${at(t - 0.03)}","level":"warn","msg":"found stale files in working directory","files":${i + 1},"pattern":"core.*","total_mb":${(i + 1) * 1270}}`);
      pid += 37 + i;
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout74-core-dumps-ephemeral-storage',
    class: 'capacity',
    truth: 'thumbnailer\'s native thumbd segfaults now and then on some HEIC images; its entrypoint runs `ulimit -c unlimited` and restarts it in a shell loop from its working directory /srv/thumbnailer, which is in the container\'s writable layer (no volume), so every crash writes a ~1.2 GB core.<pid> file there. After a few crashes the pod passes its 4Gi ephemeral-storage limit and the kubelet evicts it ("Pod ephemeral local storage usage exceeds the total limit of containers 4Gi"); replacements follow the same path. Fix: stop writing cores into the writable layer (ulimit -c 0, or a bounded emptyDir/volume for cores, clean them up) and fix the segfault.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer-metrics', selector: { app: 'thumbnailer' }, pods: app.pods, ports: [{ name: 'metrics', port: 9100, targetPort: 'http' }], endpointPort: 9100 }),
      ...evicted.flatMap((p, k) => [
        event({ on: p, reason: 'Evicted', message: evictMsg, firstAgo: [3 * HOURS + 40, 2 * HOURS + 5, 58][k] ?? 58, lastAgo: [3 * HOURS + 40, 2 * HOURS + 5, 58][k] ?? 58 }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container worker', firstAgo: [3 * HOURS + 40, 2 * HOURS + 5, 58][k] ?? 58, lastAgo: [3 * HOURS + 40, 2 * HOURS + 5, 58][k] ?? 58, fieldPath: 'spec.containers{worker}' }),
      ]),
      ...startedNormally(podOf(app, 4), 'worker', image, 57),
      ...startedNormally(podOf(app, 3), 'worker', image, 2 * HOURS + 4),
    ],
    logs: [
      logsFor(podOf(app, 3), 'worker', { current: workerLog(2 * HOURS + 4, 3) }),
      logsFor(podOf(app, 4), 'worker', { current: workerLog(57, 2) }),
      logsFor(podOf(app, 5), 'worker', { current: workerLog(6 * HOURS + 10, 2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/core ?(dump|file)s?|core\.\d*|segfault|segmentation/i, /ephemeral|storage|disk|evict/i],
      facts: [/ephemeral[- ]storage|ephemeral local storage/i, /4Gi/, /ulimit -c|core dumped|working dir(ectory)?|writable layer|\/srv\/thumbnailer/i],
      never: [/OOM ?Kill/i, /image ?pull/i, /node[^\n]*(not ready|NotReady)/i],
    },
  };
}

// ---- 5. Traefik router referencing a missing Middleware ----------------------------------------------

function traefikMissingMiddleware(): CorpusScenario {
  const ns = 'traefik';
  const { nodes, names } = threeEksNodes('10.0.90', ['15', '122', '207']);
  const image = 'docker.io/library/traefik:v3.2.1';
  const tpl = {
    serviceAccountName: 'traefik',
    containers: [container({
      name: 'traefik', image, cpu: '300m', memory: '256Mi',
      ports: [{ name: 'web', containerPort: 8000 }, { name: 'websecure', containerPort: 8443 }, { name: 'traefik', containerPort: 9000 }, { name: 'metrics', containerPort: 9100 }],
      args: ['--entryPoints.web.address=:8000/tcp', '--entryPoints.websecure.address=:8443/tcp', '--entryPoints.traefik.address=:9000/tcp', '--entryPoints.metrics.address=:9100/tcp', '--api.dashboard=true', '--ping=true', '--metrics.prometheus=true', '--metrics.prometheus.entrypoint=metrics', '--providers.kubernetescrd', '--providers.kubernetescrd.allowCrossNamespace=true', '--providers.kubernetesingress', '--accesslog=true', '--log.level=INFO'],
      readiness: httpProbe('/ping', 9000, { periodSeconds: 10, timeoutSeconds: 2 }),
      liveness: httpProbe('/ping', 9000, { periodSeconds: 10, timeoutSeconds: 2 }),
    })],
  };
  const tr = deploymentApp({
    namespace: ns,
    name: 'traefik',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 23 * DAYS, changeCause: 'helm upgrade traefik 33.1.0', template: tpl }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 23 * DAYS - k })),
  });
  const router = 'storefront-web-storefront-8c2f41d7e6a09b35@kubernetescrd';
  const trLog = (k: number) => {
    const out: string[] = [
      `${trTime(23 * DAYS - k - 0.1)} INF Traefik version 3.2.1 built on 2024-11-20T15:12:04Z version=3.2.1`,
      `${trTime(23 * DAYS - k - 0.1)} INF Starting provider *crd.Provider`,
      `${trTime(23 * DAYS - k - 0.1)} INF Starting provider *ingress.Provider`,
      `${trTime(23 * DAYS - k - 0.2)} INF label selector is: "" providerName=kubernetescrd`,
      `${trTime(23 * DAYS - k - 0.2)} INF Creating in-cluster Provider client providerName=kubernetescrd`,
    ];
    out.push(`${trTime(34 - k * 0.01)} ERR github.com/traefik/traefik/v3/pkg/server/router/router.go:136 > error="middleware \\"storefront-strip-locale@kubernetescrd\\" does not exist" entryPointName=websecure routerName=${router}`);
    out.push(`${trTime(34 - k * 0.01)} ERR github.com/traefik/traefik/v3/pkg/server/router/router.go:136 > error="middleware \\"storefront-strip-locale@kubernetescrd\\" does not exist" entryPointName=web routerName=storefront-web-storefront-http-1a7d30c94f5e2b68@kubernetescrd`);
    const paths = ['/', '/en/products/rain-jacket', '/en/cart', '/de/products/wool-hat', '/', '/en/checkout'];
    for (let i = 0; i < 14; i++) {
      const t = 33 - i * 2.3 - k * 0.17;
      const p = paths[(i + k) % paths.length] ?? '/';
      out.push(`10.0.${12 + (i % 3) * 16}.${40 + i} - - [${clfTime(t)}] "GET ${p} HTTP/2.0" 404 19 "-" "-" ${90211 + i * 13 + k * 1000} "-" "-" 0ms`);
      if (i % 4 === 0) out.push(`10.0.28.${9 + i} - - [${clfTime(t - 0.1)}] "GET /api/v2/session HTTP/2.0" 200 311 "-" "-" ${90212 + i * 13 + k * 1000} "accounts-api-accounts-api-5b0f2e9a1c7d4e63@kubernetescrd" "http://10.0.33.${20 + i}:8080" 12ms`);
      if (i % 5 === 2) out.push(`${trTime(t - 0.2)} ERR github.com/traefik/traefik/v3/pkg/server/router/router.go:136 > error="middleware \\"storefront-strip-locale@kubernetescrd\\" does not exist" entryPointName=websecure routerName=${router}`);
    }
    return out.join('\n') + '\n';
  };
  const web = bystander('storefront', 'storefront-web', names, 36, { revisions: [88, 89], versions: ['2026.11.20-4', '2026.11.21-1'], olderAgo: 3 * DAYS });
  return {
    id: 'heldout74-traefik-missing-middleware',
    class: 'config',
    truth: 'About 35 minutes ago the storefront Middleware "strip-locale" was renamed as part of the storefront-web 2026.11.21-1 release, but the storefront IngressRoute still references "storefront-strip-locale@kubernetescrd". Traefik drops any router whose middleware does not exist ("middleware \\"storefront-strip-locale@kubernetescrd\\" does not exist"), so no router matches the storefront host and every request gets Traefik\'s 404 page not found (19 bytes, no router/backend in the access log). Traefik pods and storefront-web pods are healthy. Fix: point the IngressRoute at the renamed Middleware (or recreate the old one).',
    ask: { service: 'traefik', namespace: ns },
    objects: [
      ...nodes, ...tr.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'traefik', selector: { app: 'traefik' }, pods: tr.pods, type: 'LoadBalancer', ports: [{ name: 'web', port: 80, targetPort: 'web' }, { name: 'websecure', port: 443, targetPort: 'websecure' }], endpointPort: 8000 }),
      ...exposed({ namespace: 'storefront', name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 89), 2, 0, 36),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(tr, k), 'traefik', { current: trLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/middleware/i, /does not exist|not exist|missing|non-?existent|not found|renamed|deleted|undefined/i],
      facts: [/storefront-strip-locale/i, /404/],
      never: [/OOM ?Kill/i, /crash ?loop/i, /certificate|TLS (error|handshake)/i, /traefik[^\n]*(not ready|unready|down)/i],
    },
  };
}

// ---- 6. Django SECURE_SSL_REDIRECT behind a TLS-terminating ingress ---------------------------------

function djangoSslRedirectLoop(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.26', ['33', '151', '228']);
  const image = `${ECR}/accounts/account-portal:5.4.1`;
  const env = configMap({
    namespace: ns, name: 'account-portal-env', createdAgo: 140 * DAYS, updatedAgo: 44,
    data: {
      DJANGO_SETTINGS_MODULE: 'portal.settings.production',
      DJANGO_ALLOWED_HOSTS: 'accounts.acme.io',
      DJANGO_SECURE_SSL_REDIRECT: 'True',
      DJANGO_SECURE_REDIRECT_EXEMPT: '^healthz/$,^readyz/$',
      DJANGO_SESSION_COOKIE_SECURE: 'True',
      DJANGO_CSRF_TRUSTED_ORIGINS: 'https://accounts.acme.io',
      DJANGO_USE_X_FORWARDED_HOST: 'False',
      GUNICORN_CMD_ARGS: '--workers 3 --access-logfile - --access-logformat \'%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" xfp=%({x-forwarded-proto}i)s loc=%({location}o)s\'',
    },
  });
  const tpl = (hash: string) => ({
    annotations: { 'checksum/env': hash },
    containers: [container({ image, ports: [8000], cpu: '500m', memory: '768Mi', envFrom: [{ configMapRef: { name: 'account-portal-env' } }], readiness: httpProbe('/readyz/', 8000), liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 15 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'account-portal',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 10 * DAYS, changeCause: 'argocd: account-portal 5.4.1', template: tpl('5e0b19c2a7') },
      { revision: 34, createdAgo: 43, changeCause: 'argocd: account-portal env (security hardening)', template: tpl('b83d4f61e0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 42 - k })),
  });
  const paths = ['/accounts/login/', '/accounts/profile/', '/', '/accounts/password/reset/'];
  const uas = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'];
  const log = (k: number) => {
    const start = 42 - k;
    const out: string[] = [
      `${gTime(start - 0.05)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gTime(start - 0.05)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(start - 0.05)} [1] [INFO] Using worker: sync`,
      `${gTime(start - 0.05)} [8] [INFO] Booting worker with pid: 8`,
      `${gTime(start - 0.05)} [9] [INFO] Booting worker with pid: 9`,
      `${gTime(start - 0.05)} [10] [INFO] Booting worker with pid: 10`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 30 - i * 4.7 - k * 0.3;
      const p = paths[(i + k) % paths.length] ?? '/';
      const ua = uas[(i + k) % uas.length] ?? '';
      const client = `10.0.${40 + k}.${100 + i}`;
      for (let r = 0; r < 4; r++) {
        out.push(`${client} - - [${clfTime(t - r * 0.004)}] "GET ${p} HTTP/1.1" 301 0 "-" "${ua}" xfp=https loc=https://accounts.acme.io${p}`);
      }
      if (i % 2 === 0) out.push(`10.0.${40 + k}.1 - - [${clfTime(t - 0.2)}] "GET /readyz/ HTTP/1.1" 200 2 "-" "kube-probe/1.31" xfp=- loc=-`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout74-django-ssl-redirect-loop',
    class: 'config',
    truth: '44 minutes ago the account-portal-env ConfigMap gained DJANGO_SECURE_SSL_REDIRECT=True (revision 34) without SECURE_PROXY_SSL_HEADER. TLS ends at the ingress, which forwards plain HTTP with X-Forwarded-Proto: https; Django, not trusting that header, sees every request as insecure and answers 301 to the same https URL, so browsers loop until "too many redirects" (ERR_TOO_MANY_REDIRECTS). The probes pass because /healthz/ and /readyz/ are exempt. Fix: set SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") (or turn the redirect off and let the ingress do it).',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...nodes, env, ...app.objects,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 43),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 40),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/redirect/i, /SSL_REDIRECT|SECURE_PROXY_SSL_HEADER|X-Forwarded-Proto|loop|https|TLS/i],
      facts: [/SECURE_SSL_REDIRECT/i, /SECURE_PROXY_SSL_HEADER|X-Forwarded-Proto|xfp/i, /\b301\b/],
      never: [/certificate (expired|invalid)|cert-manager/i, /crash ?loop/i, /OOM ?Kill/i, /(readiness|liveness) probe[^\n]*fail/i],
    },
  };
}

// ---- 7. Healthy control: nginx types_hash warning at each start -------------------------------------

function nginxTypesHashHealthy(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.19', ['27', '144', '236']);
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-site',
    replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: docs-site 2026.11.12', template: { containers: [container({ name: 'nginx', image: `${ECR}/docs/docs-site:2026.11.12`, ports: [8080], cpu: '100m', memory: '64Mi', readiness: httpProbe('/', 8080), liveness: httpProbe('/', 8080, { initialDelaySeconds: 5 }) })] } },
      { revision: 58, createdAgo: 5 * HOURS, changeCause: 'argocd: docs-site 2026.11.20', template: { containers: [container({ name: 'nginx', image: `${ECR}/docs/docs-site:2026.11.20`, ports: [8080], cpu: '100m', memory: '64Mi', readiness: httpProbe('/', 8080), liveness: httpProbe('/', 8080, { initialDelaySeconds: 5 }) })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 5 * HOURS - k })),
  });
  const log = (k: number) => {
    const s = 5 * HOURS - k - 0.05;
    const out: string[] = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ngxTime(s)} [warn] 1#1: could not build optimal types_hash, you should increase either types_hash_max_size: 1024 or types_hash_bucket_size: 64; ignoring types_hash_bucket_size`,
      `${ngxTime(s)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(s)} [notice] 1#1: nginx/1.27.3`,
      `${ngxTime(s)} [notice] 1#1: start worker processes`,
    ];
    const pages = ['/guides/getting-started/', '/api/v3/orders/', '/guides/webhooks/', '/assets/app.4f1c2e.css', '/search/index.json', '/changelog/'];
    for (let i = 0; i < 16; i++) {
      const t = 4 * HOURS - i * 14.5 - k * 1.3;
      const p = pages[(i + k) % pages.length] ?? '/';
      out.push(`10.0.${30 + (i % 3)}.${11 + i} - - [${clfTime(t)}] "GET ${p} HTTP/1.1" ${i % 3 === 2 ? 304 : 200} ${i % 3 === 2 ? 0 : 8200 + i * 311} "https://docs.acme.io/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "-"`);
      if (i === 7) out.push(`10.0.31.90 - - [${clfTime(t - 0.3)}] "GET /wp-login.php HTTP/1.1" 404 153 "-" "Mozilla/5.0 (compatible; scanner)" "-"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout74-nginx-types-hash-healthy',
    class: 'healthy',
    truth: 'docs-site (nginx serving the static documentation) rolled out 2026.11.20 five hours ago and is healthy: both pods Running and ready, no restarts, 200/304 responses. At each start nginx warns "could not build optimal types_hash, you should increase either types_hash_max_size: 1024 or types_hash_bucket_size: 64", a harmless startup tuning hint about the MIME types table; the entrypoint\'s "differs from the packaged version" note and a scanner\'s 404 for /wp-login.php are benign too.',
    ask: { service: 'docs-site', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'docs-site', selector: { app: 'docs-site' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 2, 5 * HOURS - 2),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'nginx', `${ECR}/docs/docs-site:2026.11.20`, 5 * HOURS - k)),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'nginx', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running|ok\b/i],
      facts: [/docs-site/],
      never: [/types_hash|hash_(max|bucket)_size/i, /crash ?loop|OOM ?Kill|evict/i, /wp-login[^\n]*(attack|breach|compromis)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  neo4jTransactionMemoryLimit(),
  gunicornPreloadGrpcFork(),
  tokioNestedRuntime(),
  coreDumpsEphemeralStorage(),
  traefikMissingMiddleware(),
  djangoSslRedirectLoop(),
  nginxTypesHashHealthy(),
];
