// Held-out stories, fifty-second round, part one: a server whose certificate cert-manager
// re-issued with an ECDSA key while an old Java client offers only RSA key-exchange suites; an
// HTTP/1.1 client whose ConfigMap now points it at a gRPC (h2c-only) port; a fluentd aggregator
// whose Elasticsearch bulk writes are refused after a role sync narrowed its role's indices; a
// small pod stuck Pulling behind a multi-GB image on a kubelet that pulls one image at a time;
// a new node group whose containerd still names the frozen k8s.gcr.io pause image; an nginx
// that resolved an ELB's hostname once at start and keeps dialing its old IPs; and a healthy
// control: a Python service with urllib3 "Connection pool is full" and SQLAlchemy SAWarnings.
import {
  DAYS, ECR, at, configMap, container, deploymentApp, event, exposed, httpProbe, job, nameOf, node, pyTime,
  rsOf, scaledReplicaSet, scheduled, startedNormally, tcpProbe, waiting, batchContainer, terminated, jobEvent,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Logback's default time: `2026-11-21 03:12:41.563`. */
const lbTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** fluentd's time: `2026-11-21 03:12:41 +0000`. */
const fdTime = (minutes: number): string => `${at(minutes).slice(0, 19).replace('T', ' ')} +0000`;
/** Common log format time: `21/Nov/2026:03:12:41 +0000`. */
const clf = (minutes: number): string => {
  const d = new Date(at(minutes));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
};

// ---- 1. certificate re-issued with an ECDSA key; the old client offers only TLS_RSA_* suites -------

function ecdsaCertRsaOnlyClient(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.54', ['12', '140', '203']);
  const srvImage = `${ECR}/billing/invoice-api:3.8.1`;
  const srvTpl = (reloaded?: string) => ({
    containers: [container({
      image: srvImage, ports: [{ name: 'https', containerPort: 8443 }], memory: '1Gi', cpu: '500m',
      env: [{ name: 'SERVER_SSL_KEY_STORE', value: '/etc/tls/keystore.p12' }, { name: 'SERVER_SSL_ENABLED_PROTOCOLS', value: 'TLSv1.2,TLSv1.3' }],
      readiness: { httpGet: { path: '/actuator/health/readiness', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
      liveness: { httpGet: { path: '/actuator/health/liveness', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 40, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
    })],
    volumes: [{ name: 'tls', secret: { secretName: 'invoice-api-tls', defaultMode: 420 } }],
    ...(reloaded === undefined ? {} : { annotations: { 'reloader.stakater.com/last-reloaded-from': reloaded } }),
  });
  const server = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 3.8.1', template: srvTpl() },
      { revision: 15, createdAgo: 41, template: srvTpl('{"type":"SECRET","name":"invoice-api-tls","hash":"5c1e0d8a4f7b2e91c3d6a0b8e4f1725d9a3c6e08"}') },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 41 }, { revision: 15, node: names[2] ?? '', createdAgo: 40 }],
    settled: { available: true, availableSince: 39, progressingSince: 41, progressingUpdatedAgo: 39 },
  });
  const cliImage = `${ECR}/billing/settlement-worker:1.22.4`;
  const cli = deploymentApp({
    namespace: ns, name: 'settlement-worker', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 63 * DAYS, changeCause: 'jenkins: settlement-worker 1.22.4', template: {
      containers: [container({
        image: cliImage, ports: [8080], memory: '768Mi',
        env: [
          { name: 'INVOICE_API_URL', value: 'https://invoice-api.billing.svc.cluster.local:8443' },
          { name: 'JAVA_TOOL_OPTIONS', value: '-Dhttps.cipherSuites=TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256,TLS_RSA_WITH_AES_128_GCM_SHA256 -Dhttps.protocols=TLSv1.2' },
        ],
        readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080, { initialDelaySeconds: 30 }),
      })],
    } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 }],
  });
  const other = bystander(ns, 'billing-notifier', names, 95, { revisions: [21, 22], versions: ['2.0.7', '2.0.8'], olderAgo: 20 * DAYS });
  const cert = { kind: 'Certificate', name: 'invoice-api-tls', namespace: ns };
  const cliLog = (k: number) => {
    const out = [
      `${lbTime(9 * DAYS - 1 - k)} INFO  [main] c.a.s.SettlementWorkerApplication - Started SettlementWorkerApplication in 14.882 seconds (JVM running for 16.204)`,
      `${lbTime(44 - k)} INFO  [scheduling-1] c.a.s.batch.SettlementJob - batch 88139 settled in 3.114s`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 36 - i * 3.4 - k * 0.3;
      const batch = 88140 + i * 3 + k;
      out.push(
        `${lbTime(t)} INFO  [scheduling-1] c.a.s.batch.SettlementJob - settling batch ${batch} (412 invoices)`,
        `${lbTime(t - 0.01)} ERROR [scheduling-1] c.a.s.batch.SettlementJob - batch ${batch} failed, will retry next cycle`,
        'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://invoice-api.billing.svc.cluster.local:8443/v2/invoices/settle": Received fatal alert: handshake_failure; nested exception is javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
        '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:785)',
        '\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:711)',
        'Caused by: javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
        '\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:192)',
        '\tat sun.security.ssl.SSLSocketImpl.recvAlert(SSLSocketImpl.java:2023)',
        '\tat sun.security.ssl.Handshaker.processLoop(Handshaker.java:1108)',
        '\t... 23 common frames omitted',
      );
    }
    return out.join('\n') + '\n';
  };
  const srvLog = (k: number) => {
    const out = [
      `${lbTime(40.5 - k)} INFO 1 --- [           main] o.a.t.util.net.NioEndpoint.certificate   : Connector [https-jsse-nio-8443], TLS virtual host [_default_], certificate type [EC] configured from keystore [/etc/tls/keystore.p12] using alias [certificate] with trust store [null]`,
      `${lbTime(40.4 - k)} INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8443 (https) with context path ''`,
      `${lbTime(40.4 - k)} INFO 1 --- [           main] c.a.b.invoice.InvoiceApiApplication      : Started InvoiceApiApplication in 11.207 seconds (process running for 12.011)`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 35.9 - i * 4.1 - k * 0.5;
      out.push(`${lbTime(t)} DEBUG 1 --- [nio-8443-exec-${(i % 9) + 1}] o.apache.tomcat.util.net.NioEndpoint     : Handshake failed for client connection from IP address [10.0.54.${k === 0 ? 163 : 219}] and port [${40112 + i * 37}]`);
      out.push(`javax.net.ssl.SSLHandshakeException: no cipher suites in common\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)\n\tat java.base/sun.security.ssl.ServerHello$T12ServerHelloProducer.chooseCipherSuite(ServerHello.java:467)`);
      out.push(`${lbTime(t - 0.2)} INFO 1 --- [nio-8443-exec-3] c.a.b.invoice.web.AccessLog              : GET /v2/invoices/INV-2026-${48810 + i} 200 18ms client=10.0.54.77`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout52-ecdsa-cert-rsa-only-client',
    class: 'network',
    truth: 'cert-manager re-issued invoice-api\'s certificate 41 minutes ago after the platform team changed the Certificate invoice-api-tls to privateKey algorithm ECDSA (P-256); Reloader restarted invoice-api (revision 15, same image) onto the new keystore. settlement-worker, an old Java 8 client pinned by JAVA_TOOL_OPTIONS to TLS_RSA_WITH_* cipher suites only, can no longer negotiate with a server holding an EC key: every call fails the handshake (handshake_failure on the client, "no cipher suites in common" on the server), so no settlement batch has gone through since. Newer clients (ECDHE-ECDSA suites) are fine. Fix: re-issue the certificate with an RSA key (or serve both), then widen the client\'s suite list to ECDHE suites. invoice-api\'s restart is not the cause and rolling it back keeps the same secret.',
    ask: { service: 'settlement-worker', namespace: ns },
    objects: [
      ...nodes, ...server.objects, ...cli.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: server.pods, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'settlement-worker', selector: { app: 'settlement-worker' }, pods: cli.pods }),
      event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'Issuing certificate as Secret was previously issued by Issuer.cert-manager.io/billing-ca', firstAgo: 42, lastAgo: 42, component: 'cert-manager-certificates-trigger' }),
      event({ on: cert, type: 'Normal', reason: 'Generated', message: 'Stored new private key in temporary Secret resource "invoice-api-tls-8kq2v"', firstAgo: 42, lastAgo: 42, component: 'cert-manager-certificates-key-manager' }),
      event({ on: cert, type: 'Normal', reason: 'Requested', message: 'Created new CertificateRequest resource "invoice-api-tls-4"', firstAgo: 42, lastAgo: 42, component: 'cert-manager-certificates-request-manager' }),
      event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstAgo: 41.8, lastAgo: 41.8, component: 'cert-manager-certificates-issuing' }),
      scaledReplicaSet(deploymentOf(server), rsOf(server, 15), 2, 0, 41),
      scaledReplicaSet(deploymentOf(server), rsOf(server, 14), 0, 2, 39.5),
      ...server.pods.flatMap((p, i) => startedAt(p, 'app', srvImage, 41 - i)),
    ],
    logs: [
      ...cli.pods.map((p, k) => logsFor(p, 'app', { current: cliLog(k) })),
      ...server.pods.map((p, k) => logsFor(p, 'app', { current: srvLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ECDSA|\bEC\b|cipher|handshake/i],
      facts: [/invoice-api/, /TLS_RSA|RSA[- ]only|RSA (cipher|suite)|no cipher suites in common/i, /re-?issu|cert-manager|invoice-api-tls|certificate/i],
      never: [ADVISES_ROLLBACK, /expired/i, /\bOOM/, /billing-notifier/, /crash ?loop/i],
    },
  };
}

// ---- 2. an HTTP/1.1 client pointed at a gRPC (h2c-only) port ---------------------------------------

function http1ClientOnH2cPort(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.88', ['21', '97', '180']);
  const invImage = `${ECR}/commerce/inventory:5.3.0`;
  const inv = deploymentApp({
    namespace: ns, name: 'inventory', replicas: 3,
    revisions: [{ revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: inventory 5.3.0', template: {
      containers: [container({ image: invImage, ports: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9090 }], memory: '512Mi', readiness: httpProbe('/readyz', 8080), liveness: { grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const image = `${ECR}/commerce/pricing-sync:2.9.2`;
  const tpl = (hash: string) => ({
    containers: [container({ image, ports: [8080], memory: '256Mi', envFrom: [{ configMapRef: { name: 'pricing-sync-config' } }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })],
    annotations: { 'checksum/config': hash },
  });
  const app = deploymentApp({
    namespace: ns, name: 'pricing-sync', replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 18 * DAYS, changeCause: 'argocd: pricing-sync 2.9.2', template: tpl('a1f04c9e27b3d8e5f60c11b2a97d4e3c8f5b0a6d1e2c7f39b84d05ae6c1f2b7d') },
      { revision: 18, createdAgo: 27, changeCause: 'argocd: pricing-sync config', template: tpl('7c2e9b04d1f83a6e5b27c0d94f1a8e3b6d05c29f7a14e8b3c6d92f0a5e71b4c8') },
    ],
    pods: [{ revision: 18, node: names[0] ?? '', createdAgo: 27 }, { revision: 18, node: names[1] ?? '', createdAgo: 26 }],
    settled: { available: true, availableSince: 25.5, progressingSince: 27, progressingUpdatedAgo: 25.5 },
  });
  const other = bystander(ns, 'cart-events', names, 70, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 9 * DAYS });
  const skus = ['88213', '10452', '77310', '23018', '55402', '90117'];
  const malformed = 'net/http: HTTP/1.x transport connection broken: malformed HTTP response \\"\\\\x00\\\\x00\\\\x06\\\\x04\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x05\\\\x00\\\\x00@\\\\x00\\"';
  const log = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(26.5 - k)}","caller":"cmd/main.go:61","msg":"pricing-sync starting","version":"2.9.2","inventory_url":"http://inventory.commerce.svc.cluster.local:9090","interval":"30s"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 26 - i * 1.8 - k * 0.2;
      const sku = skus[(i + k) % skus.length] ?? '1';
      out.push(`{"level":"error","ts":"${at(t)}","caller":"sync/inventory.go:118","msg":"stock lookup failed","sku":"SKU-${sku}","error":"Get \\"http://inventory.commerce.svc.cluster.local:9090/v1/stock/SKU-${sku}\\": ${malformed}"}`);
      if (i % 4 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.05)}","caller":"sync/loop.go:77","msg":"sync cycle finished with errors","updated":0,"failed":500,"duration":"4.82s"}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout52-http1-client-on-h2c-grpc-port',
    class: 'config',
    truth: 'A config change 27 minutes ago (ConfigMap pricing-sync-config, rolled out as revision 18) set INVENTORY_URL to http://inventory…:9090 — the inventory Service\'s grpc port, served by a gRPC server that speaks only HTTP/2 cleartext (h2c) — instead of the REST port 8080. pricing-sync\'s Go HTTP/1.1 client reads the server\'s HTTP/2 SETTINGS frame as a response line, so every stock lookup fails with "net/http: HTTP/1.x transport connection broken: malformed HTTP response \\x00\\x00\\x06\\x04…" and no price has synced since. inventory is healthy. Fix: point INVENTORY_URL back at port 8080 (http), i.e. revert the ConfigMap.',
    ask: { service: 'pricing-sync', namespace: ns },
    objects: [
      ...nodes, ...inv.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inv.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }, { name: 'grpc', port: 9090, targetPort: 'grpc' }] }),
      configMap({ namespace: ns, name: 'pricing-sync-config', createdAgo: 90 * DAYS, updatedAgo: 28, data: { INVENTORY_URL: 'http://inventory.commerce.svc.cluster.local:9090', SYNC_INTERVAL: '30s', PRICE_FEED_TOPIC: 'pricing.updates.v2', LOG_LEVEL: 'info' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 0, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 0, 2, 25.5),
      ...app.pods.flatMap((p, i) => startedAt(p, 'app', image, 27 - i)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...inv.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(6 * DAYS - k - 0.5)}","msg":"grpc server listening","addr":":9090"}`,
        `{"level":"info","ts":"${at(6 * DAYS - k - 0.5)}","msg":"http gateway listening","addr":":8080"}`,
        `{"level":"info","ts":"${at(1.1)}","msg":"finished unary call","grpc.method":"/inventory.v1.Inventory/Reserve","grpc.code":"OK","grpc.time_ms":3.2}`,
        `{"level":"info","ts":"${at(0.6)}","msg":"http request","method":"GET","path":"/v1/stock/SKU-4410${k}","status":200,"dur_ms":4}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/9090|h2c|HTTP\/2|gRPC|malformed HTTP response|INVENTORY_URL/i],
      facts: [/malformed HTTP response/i, /pricing-sync-config|INVENTORY_URL|config ?map/i, /8080|http port|REST/i],
      never: [/inventory[^\n]*(down|crash|unhealthy|not ready)/i, /\bOOM/, /cart-events/, /NetworkPolicy/i],
    },
  };
}

// ---- 3. Elasticsearch refuses the shipper's bulk writes after a role change ------------------------

function esBulkUnauthorized(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.120', ['8', '66', '231']);
  const image = 'docker.io/fluent/fluentd-kubernetes-daemonset:v1.17.1-debian-elasticsearch8-1.0';
  const agg = deploymentApp({
    namespace: ns, name: 'log-aggregator', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 34 * DAYS, changeCause: 'helm: log-aggregator 0.5.3', template: {
      containers: [container({
        name: 'fluentd', image, ports: [{ name: 'forward', containerPort: 24224 }, { name: 'metrics', containerPort: 24231 }], memory: '1Gi',
        env: [{ name: 'FLUENT_ELASTICSEARCH_HOST', value: 'es-logs-es-http.logging.svc' }, { name: 'FLUENT_ELASTICSEARCH_USER', value: 'logs_writer' }],
        readiness: tcpProbe('forward'), liveness: tcpProbe('forward', { initialDelaySeconds: 20 }),
        volumeMounts: [{ name: 'buffer', mountPath: '/var/log/fluentd-buffers' }, { name: 'config', mountPath: '/fluentd/etc' }],
      })],
      volumes: [{ name: 'buffer', emptyDir: { sizeLimit: '8Gi' } }, { name: 'config', configMap: { name: 'log-aggregator-config' } }],
    } }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 11 * DAYS }, { revision: 12, node: names[1] ?? '', createdAgo: 11 * DAYS - 3 }],
  });
  const roleJob = job({
    namespace: ns, name: 'es-role-sync-29384750', createdAgo: 52,
    template: { containers: [batchContainer({ name: 'sync', image: `${ECR}/platform/es-role-sync:1.3.0` })] },
    pods: [{ node: names[2] ?? '', createdAgo: 52, phase: 'Succeeded', containers: { sync: terminated({ exitCode: 0, finishedAgo: 51, ranSeconds: 14 }) } }],
    outcome: { complete: true, ago: 51 },
  });
  const jobPod = roleJob.pods[0];
  const idx = 'logs-app-2026.11.21';
  const deny = (user: string) => `[403] {\\"error\\":{\\"root_cause\\":[{\\"type\\":\\"security_exception\\",\\"reason\\":\\"action [indices:data/write/bulk[s]] is unauthorized for user [${user}] with effective roles [logs_writer_role] on indices [${idx}], this action is granted by the index privileges [create_doc,create,index,write,all]\\"}],\\"type\\":\\"security_exception\\",\\"reason\\":\\"action [indices:data/write/bulk[s]] is unauthorized for user [${user}] with effective roles [logs_writer_role] on indices [${idx}], this action is granted by the index privileges [create_doc,create,index,write,all]\\"},\\"status\\":403}`;
  const log = (k: number) => {
    const out = [`${fdTime(11 * DAYS - 3 * k - 0.5)} [info]: #0 fluentd worker is now running worker=0`];
    for (let i = 0; i < 9; i++) {
      const t = 50 - i * 5.5 - k * 0.4;
      out.push(`${fdTime(t)} [warn]: #0 failed to flush the buffer. retry_times=${i} next_retry_time=${fdTime(t - Math.min(2 ** i, 60) / 60).slice(0, 19)} +0000 chunk="6269b1${(4000 + i * 17 + k).toString(16)}e8a0f3c2d71b54a96e" error_class=Fluent::Plugin::ElasticsearchOutput::RecoverableRequestFailure error="could not push logs to Elasticsearch cluster ({:host=>\\"es-logs-es-http.logging.svc\\", :port=>9200, :scheme=>\\"https\\", :user=>\\"logs_writer\\", :password=>\\"obfuscated\\"}): ${deny('logs_writer')}"`);
      out.push(`${fdTime(t)} [warn]: #0 suppressed same stacktrace`);
      if (i > 5) out.push(`${fdTime(t - 0.1)} [warn]: #0 [out_es] buffer space has too many data: queued=${180 + i * 20} total_size=${(5.1 + i * 0.3).toFixed(1)}GB`);
    }
    out.push(`${fdTime(0.3)} [warn]: #0 emit transaction failed: error_class=Fluent::Plugin::Buffer::BufferOverflowError error="buffer space has too many data" location="/fluentd/vendor/bundle/ruby/3.2.0/gems/fluentd-1.17.1/lib/fluent/plugin/buffer.rb:330:in \`write'" tag="kube.var.log.containers"`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout52-es-bulk-unauthorized-after-role-sync',
    class: 'config',
    truth: 'The es-role-sync Job 52 minutes ago pushed the platform repo\'s roles to Elasticsearch; its logs_writer_role now grants write only on indices "logs-k8s-*" (renamed in a refactor), while the log-aggregator (fluentd, user logs_writer) writes to the daily index logs-app-YYYY.MM.DD. Since then every bulk request is refused with 403 security_exception "action [indices:data/write/bulk[s]] is unauthorized for user [logs_writer]": no logs have been indexed for ~50 minutes and fluentd\'s file buffer is filling toward overflow. Elasticsearch itself is healthy. Fix: restore logs-app-* to logs_writer_role\'s index privileges (create_doc/index), after which the buffered chunks flush.',
    ask: { service: 'log-aggregator', namespace: ns },
    objects: [
      ...nodes, ...agg.objects, ...roleJob.objects,
      ...exposed({ namespace: ns, name: 'log-aggregator', selector: { app: 'log-aggregator' }, pods: agg.pods, ports: [{ name: 'forward', port: 24224, targetPort: 'forward' }], endpointPort: 24224 }),
      configMap({ namespace: ns, name: 'es-roles', createdAgo: 200 * DAYS, updatedAgo: 53, data: {
        'logs_writer_role.json': '{\n  "cluster": ["monitor"],\n  "indices": [\n    {"names": ["logs-k8s-*"], "privileges": ["create_doc", "create_index", "view_index_metadata"]}\n  ]\n}\n',
        'logs_reader_role.json': '{\n  "indices": [\n    {"names": ["logs-*"], "privileges": ["read", "view_index_metadata"]}\n  ]\n}\n',
      } }),
      configMap({ namespace: ns, name: 'log-aggregator-config', createdAgo: 34 * DAYS, data: {
        'fluent.conf': '<match kube.**>\n  @type elasticsearch\n  @id out_es\n  host "#{ENV[\'FLUENT_ELASTICSEARCH_HOST\']}"\n  port 9200\n  scheme https\n  user "#{ENV[\'FLUENT_ELASTICSEARCH_USER\']}"\n  password "#{ENV[\'FLUENT_ELASTICSEARCH_PASSWORD\']}"\n  logstash_format true\n  logstash_prefix logs-app\n  logstash_dateformat %Y.%m.%d\n  <buffer>\n    @type file\n    path /var/log/fluentd-buffers/kubernetes.system.buffer\n    total_limit_size 8G\n    flush_interval 5s\n    retry_max_interval 60\n  </buffer>\n</match>\n',
      } }),
      jobEvent(deploymentOf(roleJob), 'SuccessfulCreate', `Created pod: ${nameOf(jobPod)}`, 52),
      jobEvent(deploymentOf(roleJob), 'Completed', 'Job completed', 51),
    ],
    logs: [
      ...agg.pods.map((p, k) => logsFor(p, 'fluentd', { current: log(k) })),
      logsFor(jobPod, 'sync', { current: lines(
        `${pyTime(51.9)} INFO es_role_sync: loaded 6 roles from /roles`,
        `${pyTime(51.8)} INFO es_role_sync: PUT _security/role/logs_reader_role -> 200 {"role":{"created":false}}`,
        `${pyTime(51.8)} INFO es_role_sync: PUT _security/role/logs_writer_role -> 200 {"role":{"created":false}}`,
        `${pyTime(51.7)} INFO es_role_sync: PUT _security/role/metrics_writer_role -> 200 {"role":{"created":false}}`,
        `${pyTime(51.7)} INFO es_role_sync: done, 6 roles applied, 0 deleted`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/security_exception|unauthori[sz]ed|403|logs_writer|privilege|role/i],
      facts: [/logs_writer_role|logs-k8s-\*|es-role-sync|es-roles/i, /bulk/i],
      never: [/watermark|read[-_ ]only|disk (full|pressure)/i, /\bOOM/, ADVISES_ROLLBACK, /expired/i],
    },
  };
}

// ---- 4. a small image queued behind a multi-GB pull (serializeImagePulls) ------------------------

function serialPullBehindHugeImage(): CorpusScenario {
  const ns = 'recs';
  const { nodes: base, names } = threeEksNodes('10.0.140', ['19', '102', '244']);
  const gpuName = eksNodeName('10.0.141.57');
  const gpu = node({ name: gpuName, zone: 'eu-west-1b', pool: 'gpu-inference', instanceType: 'g5.2xlarge', createdAgo: 19, readySince: 18, labels: { 'nvidia.com/gpu.present': 'true' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '189858304Ki', memory: '31391420Ki', pods: '58', 'nvidia.com/gpu': '1' } });
  const nodes = [...base, gpu];
  const ffImage = (v: string) => `${ECR}/recs/feature-flags:${v}`;
  const ffTpl = (v: string) => ({ containers: [container({ image: ffImage(v), ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const ff = deploymentApp({
    namespace: ns, name: 'feature-flags', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: feature-flags 0.19.4', template: ffTpl('0.19.4') },
      { revision: 34, createdAgo: 18, changeCause: 'argocd: feature-flags 0.19.5', template: ffTpl('0.19.5') },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    pods: [
      { revision: 34, node: names[0] ?? '', createdAgo: 18 },
      { revision: 34, node: names[1] ?? '', createdAgo: 17.5 },
      { revision: 34, node: gpuName, createdAgo: 16.9, containers: { app: waiting('ContainerCreating') }, sandbox: true },
      { revision: 33, node: names[2] ?? '', createdAgo: 6 * DAYS },
    ],
  });
  const tritonImage = 'nvcr.io/nvidia/tritonserver:24.08-py3';
  const ranker = deploymentApp({
    namespace: ns, name: 'ranker-triton', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 8 * DAYS, changeCause: 'argocd: ranker-triton 24.08', template: {
      containers: [container({ name: 'triton', image: tritonImage, args: ['tritonserver', '--model-repository=s3://acme-models/ranker/v41'], ports: [{ name: 'http', containerPort: 8000 }, { name: 'grpc', containerPort: 8001 }, { name: 'metrics', containerPort: 8002 }], cpu: '3', memory: '14Gi', readiness: httpProbe('/v2/health/ready', 8000), liveness: httpProbe('/v2/health/live', 8000, { initialDelaySeconds: 60 }) })],
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-inference' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    } }],
    pods: [
      { revision: 6, node: eksNodeName('10.0.141.12'), createdAgo: 8 * DAYS },
      { revision: 6, node: gpuName, createdAgo: 17.2, containers: { triton: waiting('ContainerCreating') }, sandbox: true },
    ],
  });
  const other = gpuNodeOld();
  const slow = podOf(ff, 2);
  const big = podOf(ranker, 1);
  const fresh0 = podOf(ff, 0);
  const fresh1 = podOf(ff, 1);
  return {
    id: 'heldout52-serial-image-pull-behind-triton',
    class: 'containers',
    truth: `The kubelet on the new GPU node ${gpuName} (node group gpu-inference, up 18 minutes) runs with the default serializeImagePulls=true, so it pulls one image at a time. The cluster autoscaler added it for a second ranker-triton replica, whose ~11 GB nvcr.io/nvidia/tritonserver:24.08-py3 image has been pulling for 17 minutes; the feature-flags 0.19.5 pod the scheduler also placed there (revision 34, rolled out 18 minutes ago) asked for its 40 MB image a few seconds later and has sat in ContainerCreating ("Pulling") ever since, queued behind triton — its siblings on other nodes pulled the same image in under 2 s. The rollout is stuck at 2/3 new pods. feature-flags 0.19.5 is innocent. Fix: let the pull finish or delete the stuck pod so it lands elsewhere; longer term set serializeImagePulls: false (with maxParallelImagePulls) on the GPU node group and pre-pull the triton image.`,
    ask: { service: 'feature-flags', namespace: ns },
    objects: [
      ...nodes, ...ff.objects, ...ranker.objects, ...other,
      ...exposed({ namespace: ns, name: 'feature-flags', selector: { app: 'feature-flags' }, pods: ff.pods }),
      ...exposed({ namespace: ns, name: 'ranker-triton', selector: { app: 'ranker-triton' }, pods: ranker.pods, ports: [{ name: 'http', port: 8000, targetPort: 'http' }, { name: 'grpc', port: 8001, targetPort: 'grpc' }], endpointPort: 8000 }),
      event({ on: { kind: 'Node', name: gpuName }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${gpuName} event: Registered Node ${gpuName} in Controller`, firstAgo: 18.6, lastAgo: 18.6, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: gpuName }, type: 'Normal', reason: 'NodeReady', message: `Node ${gpuName} status is now: NodeReady`, firstAgo: 18, lastAgo: 18 }),
      event({ on: big, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-gpu-inference-7ac8f1d2-2b9e-4c1a-9e0f-55d1a3b7c604 1->2 (max: 4)}]', firstAgo: 21, lastAgo: 21, component: 'cluster-autoscaler' }),
      scheduled(big, 17.3),
      event({ on: big, type: 'Normal', reason: 'Pulling', message: `Pulling image "${tritonImage}"`, firstAgo: 17.1, lastAgo: 17.1, fieldPath: 'spec.containers{triton}' }),
      scaledReplicaSet(deploymentOf(ff), rsOf(ff, 34), 1, 0, 18),
      ...startedAt(fresh0, 'app', ffImage('0.19.5'), 18).slice(0, 1),
      event({ on: fresh0, type: 'Normal', reason: 'Pulling', message: `Pulling image "${ffImage('0.19.5')}"`, firstAgo: 17.9, lastAgo: 17.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh0, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${ffImage('0.19.5')}" in 1.412s (1.412s including waiting). Image size: 41822316 bytes.`, firstAgo: 17.9, lastAgo: 17.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh0, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 17.8, lastAgo: 17.8, fieldPath: 'spec.containers{app}' }),
      scaledReplicaSet(deploymentOf(ff), rsOf(ff, 33), 2, 3, 17.6),
      scaledReplicaSet(deploymentOf(ff), rsOf(ff, 34), 2, 1, 17.6),
      scheduled(fresh1, 17.5),
      event({ on: fresh1, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${ffImage('0.19.5')}" in 1.688s (1.688s including waiting). Image size: 41822316 bytes.`, firstAgo: 17.4, lastAgo: 17.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh1, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 17.3, lastAgo: 17.3, fieldPath: 'spec.containers{app}' }),
      scaledReplicaSet(deploymentOf(ff), rsOf(ff, 33), 1, 2, 17),
      scaledReplicaSet(deploymentOf(ff), rsOf(ff, 34), 3, 2, 17),
      scheduled(slow, 16.9),
      event({ on: slow, type: 'Normal', reason: 'Pulling', message: `Pulling image "${ffImage('0.19.5')}"`, firstAgo: 16.8, lastAgo: 16.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh0, 'app', { current: lines(`{"level":"info","time":"${at(17.8)}","message":"feature-flags 0.19.5 listening on :8080","flags_loaded":212}`, `{"level":"info","time":"${at(0.5)}","message":"GET /v1/flags","status":200,"ms":2}`) }),
      logsFor(fresh1, 'app', { current: lines(`{"level":"info","time":"${at(17.3)}","message":"feature-flags 0.19.5 listening on :8080","flags_loaded":212}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/serial|one (image )?at a time|queued|behind|waiting (for|on)[^\n]*pull|tritonserver|ranker-triton|still pulling|slow (image )?pull/i],
      facts: [lit(gpuName), /tritonserver|ranker-triton/i, /serializeImagePulls|maxParallelImagePulls|one (image )?at a time|serial/i],
      never: [ADVISES_ROLLBACK, /ImagePullBackOff|ErrImagePull|not found|unauthori[sz]ed|denied/i, /Insufficient|unschedulable/i, /\bOOM/],
    },
  };
}

/** The older GPU node, where the first ranker-triton replica has run for a week. */
function gpuNodeOld(): KubeJson[] {
  return [node({ name: eksNodeName('10.0.141.12'), zone: 'eu-west-1a', pool: 'gpu-inference', instanceType: 'g5.2xlarge', createdAgo: 20 * DAYS, labels: { 'nvidia.com/gpu.present': 'true' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '189858304Ki', memory: '31391420Ki', pods: '58', 'nvidia.com/gpu': '1' } })];
}

// ---- 5. a new node group's containerd still names k8s.gcr.io/pause -----------------------------

function sandboxImageFrozenRegistry(): CorpusScenario {
  const ns = 'checkout';
  const { nodes: old, names } = threeEksNodes('10.0.60', ['14', '119', '230']);
  const newNames = [eksNodeName('10.0.62.41'), eksNodeName('10.0.63.188')];
  const fresh = newNames.map((n, i) => node({ name: n, zone: i === 0 ? 'eu-west-1b' : 'eu-west-1c', pool: 'general-al2023-v2', instanceType: 'm7i.xlarge', createdAgo: 47, readySince: 46 }));
  const image = (v: string) => `${ECR}/checkout/cart-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '512Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 4,
    revisions: [
      { revision: 52, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 7.2.0', template: tpl('7.2.0') },
      { revision: 53, createdAgo: 31, changeCause: 'argocd: cart-api 7.2.1', template: tpl('7.2.1') },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    pods: [
      { revision: 53, node: names[0] ?? '', createdAgo: 31 },
      { revision: 53, node: newNames[0] ?? '', createdAgo: 30.5, containers: { app: waiting('ContainerCreating') }, sandbox: false },
      { revision: 53, node: newNames[1] ?? '', createdAgo: 30.4, containers: { app: waiting('ContainerCreating') }, sandbox: false },
      { revision: 52, node: names[1] ?? '', createdAgo: 4 * DAYS },
      { revision: 52, node: names[2] ?? '', createdAgo: 4 * DAYS },
    ],
  });
  const other = deploymentApp({
    namespace: ns, name: 'promo-engine', replicas: 2,
    revisions: [{ revision: 8, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/checkout/promo-engine:3.1.0` })] } }],
    pods: [{ revision: 8, node: names[2] ?? '', createdAgo: 15 * DAYS }, { revision: 8, node: newNames[1] ?? '', createdAgo: 44, containers: { app: waiting('ContainerCreating') }, sandbox: false }],
  });
  const pause = 'k8s.gcr.io/pause:3.5';
  const sandboxErr = (ip: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "${pause}": failed to pull image "${pause}": failed to pull and unpack image "${pause}": failed to resolve reference "${pause}": failed to do request: Head "https://k8s.gcr.io/v2/pause/manifests/3.5": dial tcp ${ip}:443: i/o timeout`;
  const stuck = [podOf(app, 1), podOf(app, 2), podOf(other, 1)];
  return {
    id: 'heldout52-sandbox-image-on-frozen-k8s-gcr-io',
    class: 'nodes',
    truth: 'The node group general-al2023-v2, added 47 minutes ago from a custom launch template, carries a containerd config whose sandbox_image is still k8s.gcr.io/pause:3.5; the frozen k8s.gcr.io registry no longer answers from the VPC, so containerd cannot get the pause image and every pod scheduled to those two nodes fails FailedCreatePodSandBox and stays ContainerCreating (two new cart-api pods and a promo-engine replica). Pods on the old node group are fine. cart-api 7.2.1 (rolled out 31 minutes ago) is innocent: its pods on old nodes run. Fix: cordon the new nodes, point sandbox_image at registry.k8s.io/pause (or the ECR-mirrored pause the EKS AMI uses), and replace the node group.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...newNames.map((n) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'NodeReady', message: `Node ${n} status is now: NodeReady`, firstAgo: 46, lastAgo: 46 })),
      ...newNames.map((n) => event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'Starting', message: 'Starting kubelet.', firstAgo: 46.5, lastAgo: 46.5 })),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 53), 1, 0, 31),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 52), 3, 4, 31),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 53), 2, 1, 30.6),
      ...startedAt(podOf(app, 0), 'app', image('7.2.1'), 31),
      ...stuck.flatMap((p, i) => [
        scheduled(p, i === 2 ? 44 : 30.5),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: sandboxErr(i % 2 === 0 ? '64.233.166.82' : '74.125.193.82'), count: i === 2 ? 19 : 14, firstAgo: i === 2 ? 43.4 : 30, lastAgo: 0.8 + i * 0.4 }),
      ]),
    ],
    logs: [logsFor(podOf(app, 0), 'app', { current: lines(`{"level":"info","ts":"${at(30.8)}","msg":"cart-api 7.2.1 ready","port":8080}`, `{"level":"info","ts":"${at(0.7)}","msg":"POST /v1/carts/c_81f2/items","status":201,"ms":12}`) })],
    expect: {
      verdict: 'problems',
      headline: [/k8s\.gcr\.io|pause|sandbox/i],
      facts: [/general-al2023-v2|10-0-62-41|10-0-63-188|new node/i, /FailedCreatePodSandBox|sandbox image/i, /registry\.k8s\.io|sandbox_image|containerd|mirror/i],
      never: [ADVISES_ROLLBACK, /cart-api:7\.2\.1[^\n]*(pull|not found)/i, /\bCNI\b|ip address(es)? (exhaust|available)/i, /\bOOM/],
    },
  };
}

// ---- 6. nginx resolved the ELB's hostname once; the ELB's IPs moved --------------------------------

function nginxStaleElbIps(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.30', ['25', '130', '212']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const elb = 'internal-orders-alb-1428763301.eu-west-1.elb.amazonaws.com';
  const gw = deploymentApp({
    namespace: ns, name: 'partner-gateway', replicas: 3,
    revisions: [{ revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: partner-gateway config', template: {
      containers: [container({ name: 'nginx', image, ports: [{ name: 'http', containerPort: 8080 }], cpu: '200m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] })],
      volumes: [{ name: 'conf', configMap: { name: 'partner-gateway-conf' } }],
    } }],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 3 * DAYS - 1 },
      { revision: 19, node: names[2] ?? '', createdAgo: 14 },
    ],
  });
  const other = bystander(ns, 'partner-auth', names, 120, { revisions: [30, 31], versions: ['4.2.2', '4.3.0'], olderAgo: 11 * DAYS });
  const oldIps = ['10.1.44.18', '10.1.45.203'];
  const newIps = ['10.1.46.77', '10.1.44.231'];
  const paths = ['/v1/orders', '/v1/orders/ORD-7731/status', '/v1/shipments', '/v1/orders/ORD-7729'];
  const stale = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 38 - i * 3.1 - k * 0.2;
      const ip = oldIps[(i + k) % 2] ?? '';
      const path = paths[i % paths.length] ?? '/';
      const method = path === '/v1/orders' ? 'POST' : 'GET';
      out.push(`${ngxTime(t)} [error] 29#29: *${48121 + i * 211 + k * 7} upstream timed out (110: Operation timed out) while connecting to upstream, client: 10.0.30.${40 + i}, server: partners.acme.com, request: "${method} ${path} HTTP/1.1", upstream: "https://${ip}:443${path}", host: "partners.acme.com"`);
      out.push(`10.0.30.${40 + i} - - [${clf(t - 0.01)}] "${method} ${path} HTTP/1.1" 504 167 "-" "acme-partner-sdk/3.4 (java 17)" rt=60.001 uct="-" urt="60.000, 0.000"`);
      if (i % 4 === 3) out.push(`${ngxTime(t - 0.02)} [warn] 29#29: *${48122 + i * 211} upstream server temporarily disabled while connecting to upstream, client: 10.0.30.${41 + i}, server: partners.acme.com, request: "GET /v1/shipments HTTP/1.1", upstream: "https://${ip}:443/v1/shipments", host: "partners.acme.com"`);
    }
    out.push(`10.0.30.9 - - [${clf(0.2)}] "GET /nginx-health HTTP/1.1" 200 2 "-" "kube-probe/1.31" rt=0.000 uct="-" urt="-"`);
    return out.join('\n') + '\n';
  };
  const fresh = (k: number) => {
    const out: string[] = [`/docker-entrypoint.sh: Configuration complete; ready for start up`, `${ngxTime(13.9)} [notice] 1#1: nginx/1.27.2`, `${ngxTime(13.9)} [notice] 1#1: start worker processes`];
    for (let i = 0; i < 6; i++) {
      const t = 12 - i * 2;
      const path = paths[(i + k) % paths.length] ?? '/';
      out.push(`10.0.30.${60 + i} - - [${clf(t)}] "${path === '/v1/orders' ? 'POST' : 'GET'} ${path} HTTP/1.1" ${path === '/v1/orders' ? 201 : 200} ${312 + i * 41} "-" "acme-partner-sdk/3.4 (java 17)" rt=0.04${i} uct="0.00${i + 1}" urt="0.04${i}" upstream=${newIps[i % 2]}:443`);
    }
    return out.join('\n') + '\n';
  };
  const moved = podOf(gw, 2);
  return {
    id: 'heldout52-nginx-static-proxy-pass-stale-elb-ips',
    class: 'network',
    truth: `partner-gateway\'s nginx proxies with a static "proxy_pass https://${elb}", so nginx resolved the internal ALB's name once at startup (three days ago) and never again. About 40 minutes ago AWS replaced the ALB's nodes and its IPs changed (${oldIps.join(', ')} → ${newIps.join(', ')}); the two long-running gateway pods keep dialing the old addresses, every connect times out after 60 s and partners get 504s. The one pod that started 14 minutes ago (rescheduled after a node drain) resolved the new IPs and serves fine. The orders service behind the ALB is healthy. Fix now: rollout restart partner-gateway; durably: use a resolver plus a variable in proxy_pass (or an upstream with resolve) so nginx re-resolves within the record's TTL.`,
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: gw.pods }),
      configMap({ namespace: ns, name: 'partner-gateway-conf', createdAgo: 9 * DAYS, data: {
        'default.conf': `server {\n    listen 8080;\n    server_name partners.acme.com;\n\n    location = /nginx-health { access_log off; return 200 "ok"; }\n\n    location /v1/ {\n        proxy_pass https://${elb};\n        proxy_ssl_server_name on;\n        proxy_connect_timeout 60s;\n        proxy_read_timeout 30s;\n        proxy_set_header Host orders.internal.acme.com;\n        proxy_set_header X-Request-Id $request_id;\n    }\n}\n`,
      } }),
      scheduled(moved, 14),
      event({ on: moved, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: 13.95, lastAgo: 13.95, fieldPath: 'spec.containers{nginx}' }),
      event({ on: moved, type: 'Normal', reason: 'Started', message: 'Started container nginx', firstAgo: 13.9, lastAgo: 13.9, fieldPath: 'spec.containers{nginx}' }),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, type: 'Normal', reason: 'NodeSchedulable', message: `Node ${names[2]} status is now: NodeSchedulable`, firstAgo: 9, lastAgo: 9 }),
    ],
    logs: [
      logsFor(podOf(gw, 0), 'nginx', { current: stale(0) }),
      logsFor(podOf(gw, 1), 'nginx', { current: stale(1) }),
      logsFor(moved, 'nginx', { current: fresh(0) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/resolv|DNS|stale|cached|old (IP|address)|IPs? (changed|moved)|restart/i],
      facts: [/internal-orders-alb|ELB|ALB|load balancer/i, /resolver|re-?resolv|rollout restart|restart/i, /10\.1\.44\.18|10\.1\.45\.203|timed out|504/i],
      never: [ADVISES_ROLLBACK, /orders[^\n]*(down|crash)/i, /NetworkPolicy/i, /partner-auth/, /\bOOM/],
    },
  };
}

// ---- 7. healthy: urllib3 pool-full WARNs under bursts and an SQLAlchemy SAWarning ------------------

function healthyPoolFullAndSaWarning(): CorpusScenario {
  const ns = 'growth';
  const { nodes, names } = threeEksNodes('10.0.97', ['33', '148', '209']);
  const image = `${ECR}/growth/recommendations-api:2.14.0`;
  const app = deploymentApp({
    namespace: ns, name: 'recommendations-api', replicas: 3,
    revisions: [{ revision: 27, createdAgo: 5 * DAYS, changeCause: 'argocd: recommendations-api 2.14.0', template: {
      containers: [container({ image, ports: [8000], memory: '768Mi', env: [{ name: 'CATALOG_URL', value: 'http://catalog.growth.svc.cluster.local' }, { name: 'WEB_CONCURRENCY', value: '4' }], readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }) })],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const other = bystander(ns, 'email-digest', names, 60, { revisions: [4, 5], versions: ['0.9.1', '0.9.2'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out = [
      `${pyTime(5 * DAYS - k - 0.4)} WARNING py.warnings /app/recs/models.py:88: SAWarning: relationship 'Recommendation.product' will copy column products.id to column recommendations.product_id, which conflicts with relationship(s): 'Product.recommendations' (copies products.id to recommendations.product_id). If this is not the intention, consider if these relationships should be linked with back_populates, or if viewonly=True should be applied to one or more if they are read-only. To silence this warning, add the parameter 'overlaps="recommendations"' to the 'Recommendation.product' relationship. (Background on this warning at: https://sqlalche.me/e/20/qzyx)`,
      `${pyTime(5 * DAYS - k - 0.4)} INFO uvicorn.error Application startup complete.`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 45 - i * 3.2 - k * 0.1;
      out.push(`${pyTime(t)} INFO uvicorn.access 10.0.97.${20 + i}:${51200 + i} - "GET /v1/recommendations?user_id=u_${(8812 + i * 13 + k).toString(36)}&limit=20 HTTP/1.1" 200`);
      if (i % 3 === 0) {
        for (let j = 0; j < 3; j++) out.push(`${pyTime(t - 0.001 * j)} WARNING urllib3.connectionpool Connection pool is full, discarding connection: catalog.growth.svc.cluster.local. Connection pool size: 10`);
      }
    }
    out.push(`${pyTime(0.2)} INFO uvicorn.access 10.0.97.9:40112 - "GET /health/ready HTTP/1.1" 200`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout52-healthy-urllib3-pool-full-sawarning',
    class: 'healthy',
    truth: 'recommendations-api is healthy: three replicas running for five days, no restarts, every request 200. Under traffic bursts its requests Session opens more than its pool size (10) of concurrent connections to the catalog Service and urllib3 logs "Connection pool is full, discarding connection" — the extra connections are simply closed after use, nothing fails. The SQLAlchemy SAWarning about overlapping relationships is a one-off import-time warning about mapper configuration. Nothing to fix now (optionally raise pool_maxsize and add overlaps=).',
    ask: { service: 'recommendations-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recommendations-api', selector: { app: 'recommendations-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...startedNormally(podOf(app, 0), 'app', image, 5 * DAYS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|fine|ok\b|nothing/i],
      facts: [/recommendations-api/],
      never: [/connection pool (is )?(full|exhaust)[^\n]*(cause|fail|outage|degrad)/i, /SAWarning[^\n]*(cause|fail)/i, ADVISES_ROLLBACK, /email-digest/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  ecdsaCertRsaOnlyClient(),
  http1ClientOnH2cPort(),
  esBulkUnauthorized(),
  serialPullBehindHugeImage(),
  sandboxImageFrozenRegistry(),
  nginxStaleElbIps(),
  healthyPoolFullAndSaWarning(),
];
