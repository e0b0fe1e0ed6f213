// Held-out stories, seventy-seventh round, part one, written without reading the analysis code:
// 1. a Spring WebFlux upload gateway whose revision 18 put -XX:MaxDirectMemorySize=16m in
//    JAVA_TOOL_OPTIONS, so large uploads fail with "OutOfMemoryError: Direct buffer memory" (500s,
//    pods Running and Ready, no restarts);
// 2. one node whose time sync stopped and whose clock runs ~20 minutes ahead, so the exporter pod on
//    it gets S3 RequestTimeTooSkewed 403s while the same revision on the other nodes is fine;
// 3. a Helm values change renaming the KSA to invoice-api-sa on GKE, whose Google service account
//    has no roles/iam.workloadIdentityUser binding for it: getAccessToken denied, pods crash-loop;
// 4. a Postgres int4 id sequence exhausted (2147483647): every INSERT of the ingest API fails while
//    reads work and nothing changed in the cluster;
// 5. a rate-limit ConfigMap edited by hand from 1000 to 10 requests/s per client and hot-reloaded:
//    the API answers most requests with 429 itself;
// 6. an Indexed Job with backoffLimitPerIndex 2 whose index 5 keeps failing on a corrupt Parquet
//    shard while the other seven indexes completed: the Job ends Failed (FailedIndexes);
// 7. healthy control: a Go TLS service behind an NLB whose TCP health checks fill the log with
//    "http: TLS handshake error from …: EOF", plus an old restart from a node drain.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed,
  httpProbe, job, jobEvent, nameOf, node, nodeEvent, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  statefulSetApp, terminated, tcpProbe, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const boot = (m: number): string => at(m);
/** Postgres' log_line_prefix time. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. Netty direct memory capped at 16m by revision 18 ------------------------------------------

function nettyDirectMemoryCapped(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '213']);
  const image = (v: string) => `${ECR}/media/upload-gateway:${v}`;
  const tpl = (v: string, opts: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: opts },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CODEC_MAX_IN_MEMORY_SIZE', value: '64MB' },
        { name: 'MEDIA_BUCKET', value: 'acme-media-originals-prod' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-gateway',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: upload-gateway 2.8.4', template: tpl('2.8.4', '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError') },
      { revision: 18, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: upload-gateway 2.8.4 (jvm tuning)', template: tpl('2.8.4', '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:MaxDirectMemorySize=16m -Xss512k') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 2 * HOURS + 39 - k * 1.5 })),
    settled: { available: true, availableSince: 2 * HOURS + 35, progressingSince: 2 * HOURS + 40, progressingUpdatedAgo: 2 * HOURS + 35 },
  });
  const other = bystander(ns, 'thumbnail-worker', names, 35, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const log = (k: number) => {
    const start = 2 * HOURS + 38.8 - k * 1.5;
    const out = [
      'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:MaxDirectMemorySize=16m -Xss512k',
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
      `${boot(start)}  INFO 1 --- [upload-gateway] [           main] c.a.m.u.UploadGatewayApplication         : Starting UploadGatewayApplication v2.8.4 using Java 21.0.5 with PID 1 (/app/upload-gateway.jar started by app in /app)`,
      `${boot(start - 0.3)}  INFO 1 --- [upload-gateway] [           main] o.s.b.web.embedded.netty.NettyWebServer  : Netty started on port 8080 (http)`,
      `${boot(start - 0.3)}  INFO 1 --- [upload-gateway] [           main] c.a.m.u.UploadGatewayApplication         : Started UploadGatewayApplication in 11.482 seconds (process running for 12.913)`,
      `${boot(start - 50)}  WARN 1 --- [upload-gateway] [or-http-epoll-2] r.netty.http.client.HttpClientConnect    : [4c1e9a0f-1, L:/10.0.96.${40 + k}:41822 ! R:s3.eu-west-1.amazonaws.com/52.218.61.24:443] The connection observed an error`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 95 - i * 10.5 - k * 0.7;
      const rid = `${(0x3a7f10 + i * 977 + k * 131).toString(16)}-${200 + i}`;
      out.push(`10.0.${31 + k}.${17 + i} - - [${clfTime(t + 0.02)}] "GET /v1/uploads/${88120 + i}/status HTTP/1.1" 200 211 8080 4 ms`);
      out.push(`${boot(t)} ERROR 1 --- [upload-gateway] [or-http-epoll-${(i % 4) + 1}] a.w.r.e.AbstractErrorWebExceptionHandler : [${rid}]  500 Server Error for HTTP POST "/v1/uploads"`);
      out.push('');
      out.push('java.lang.OutOfMemoryError: Direct buffer memory');
      out.push('\tat java.base/java.nio.Bits.reserveMemory(Bits.java:175)');
      out.push('\tat java.base/java.nio.DirectByteBuffer.<init>(DirectByteBuffer.java:118)');
      out.push('\tat java.base/java.nio.ByteBuffer.allocateDirect(ByteBuffer.java:332)');
      out.push('\tat io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:718)');
      out.push('\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:693)');
      out.push('\tat io.netty.buffer.PoolArena.allocateNormal(PoolArena.java:213)');
      out.push('\tat io.netty.buffer.PoolArena.tcacheAllocateNormal(PoolArena.java:195)');
      out.push('\tat io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:402)');
      out.push('\tat io.netty.buffer.CompositeByteBuf.allocBuffer(CompositeByteBuf.java:1878)');
      out.push('\tat io.netty.handler.codec.ByteToMessageDecoder.expandCumulation(ByteToMessageDecoder.java:547)');
      out.push('\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ');
      out.push('Error has been observed at the following site(s):');
      out.push('\t*__checkpoint ⇢ org.springframework.web.filter.reactive.ServerHttpObservationFilter [DefaultWebFilterChain]');
      out.push('\t*__checkpoint ⇢ HTTP POST "/v1/uploads" [ExceptionHandlingWebHandler]');
      out.push(`10.0.${31 + k}.${40 + i} - - [${clfTime(t - 0.01)}] "POST /v1/uploads HTTP/1.1" 500 142 8080 ${310 + i * 17} ms`);
    }
    out.push(`10.0.${31 + k}.9 - - [${clfTime(0.3)}] "GET /v1/uploads/88321/status HTTP/1.1" 200 211 8080 3 ms`);
    return lines(...out);
  };
  return {
    id: 'heldout77-netty-direct-buffer-memory-16m',
    class: 'config',
    truth: 'Revision 18 of upload-gateway (2h40m ago, same image 2.8.4, "jvm tuning") added -XX:MaxDirectMemorySize=16m to JAVA_TOOL_OPTIONS. Reactor Netty buffers request bodies in direct memory, so every large POST /v1/uploads fails with java.lang.OutOfMemoryError: Direct buffer memory, which the WebFlux error handler turns into a 500; the JVM and the pods stay up, Running and Ready, with no restarts. Fix: drop the 16m cap (or raise it well above the upload size) — rolling back to revision 17 also fixes it.',
    ask: { service: 'upload-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'upload-gateway', selector: { app: 'upload-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnail-worker', selector: { app: 'thumbnail-worker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 0, 2 * HOURS + 40),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 0, 3, 2 * HOURS + 36),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 35),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 34.5, lastAgo: 34.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"thumbnail rendered","upload_id":88317,"sizes":[128,512,1024],"ms":412}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Direct buffer memory|direct memory/i, /MaxDirectMemorySize|16m|revision 18/i],
      facts: [/MaxDirectMemorySize=16m|16m/, /\b500\b/, /JAVA_TOOL_OPTIONS|revision 18/],
      never: [/\bOOMKilled\b/, /(raise|increase) the (container'?s? |pod'?s? )?memory limit/i, /thumbnail-worker/],
    },
  };
}

// ---- 2. a node whose clock runs 20 minutes ahead: S3 RequestTimeTooSkewed ---------------------------

function nodeClockSkewS3(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.44', ['9', '118', '203']);
  const skewed = names[2] ?? '';
  // The kubelet writes its heartbeats with its own clock: 20 minutes in the future.
  for (const c of nodes[2]?.status?.conditions ?? []) c.lastHeartbeatTime = ago(-19.9);
  const image = (v: string) => `${ECR}/reports/report-exporter:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], cpu: '250m', memory: '512Mi', env: [{ name: 'EXPORT_BUCKET', value: 'acme-reports-exports-prod' }, { name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/report-exporter' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })], serviceAccountName: 'report-exporter' });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-exporter',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 15 * DAYS, changeCause: 'argocd: report-exporter 3.4.0', template: tpl('3.4.0') },
      { revision: 9, createdAgo: 19 * HOURS, changeCause: 'argocd: report-exporter 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 19 * HOURS - k })),
  });
  const okLog = (k: number) => lines(
    `${pyTime(19 * HOURS - k - 0.2)} INFO [exporter.main] report-exporter 3.4.1 starting, bucket=acme-reports-exports-prod`,
    ...[40, 28, 16, 4].map((t, i) => `${pyTime(t - k * 0.3)} INFO [exporter.s3] uploaded s3://acme-reports-exports-prod/daily/2026-11-21/tenant-${410 + i * 7 + k}.csv.gz bytes=${180_000 + i * 9_311} ms=${140 + i * 11}`),
    `${pyTime(2)} INFO [uvicorn.access] 10.0.44.${20 + k}:51234 - "GET /healthz HTTP/1.1" 200`,
  );
  // The pod on the skewed node writes its own (wrong) clock: 20 minutes ahead of the others.
  const skew = -20.2;
  const badLog = lines(
    `${pyTime(19 * HOURS - 2.2 + skew)} INFO [exporter.main] report-exporter 3.4.1 starting, bucket=acme-reports-exports-prod`,
    `${pyTime(18 * HOURS + skew)} INFO [exporter.s3] uploaded s3://acme-reports-exports-prod/daily/2026-11-20/tenant-388.csv.gz bytes=171022 ms=151`,
    ...[52, 41, 30, 19, 8, 1].flatMap((t, i) => [
      `${pyTime(t + skew)} ERROR [exporter.s3] upload failed key=daily/2026-11-21/tenant-${402 + i * 5}.csv.gz code=RequestTimeTooSkewed status=403 request_time=${at(t + skew).slice(0, 19).replace(/[-:]/g, '')}Z server_time=${at(t).slice(0, 19)}Z max_allowed_skew_ms=900000`,
      'Traceback (most recent call last):',
      '  File "/app/exporter/s3.py", line 61, in upload',
      '    self._client.upload_fileobj(buf, self._bucket, key, ExtraArgs={"ContentType": "text/csv", "ContentEncoding": "gzip"})',
      '  File "/usr/local/lib/python3.12/site-packages/boto3/s3/inject.py", line 642, in upload_fileobj',
      '    return future.result()',
      '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
      '    raise error_class(parsed_response, operation_name)',
      'botocore.exceptions.ClientError: An error occurred (RequestTimeTooSkewed) when calling the PutObject operation: The difference between the request time and the current time is too large.',
    ]),
    `${pyTime(0.5 + skew)} INFO [uvicorn.access] 10.0.44.77:40112 - "GET /healthz HTTP/1.1" 200`,
  );
  const bad = podOf(app, 2);
  return {
    id: 'heldout77-node-clock-skew-s3-request-time-too-skewed',
    class: 'nodes',
    truth: `Time sync (chrony) stopped on node ${skewed} and its clock drifted about 20 minutes ahead. The report-exporter pod running there signs its S3 requests with that clock, so every PutObject is refused with 403 RequestTimeTooSkewed (more than the 15 minutes S3 allows); the two pods of the same revision 9 on the other nodes upload fine. Yesterday's rollout (3.4.1) is not the cause. Fix: restore time sync on the node (or cordon/replace it).`,
    ask: { service: 'report-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'report-exporter', selector: { app: 'report-exporter' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 3, 0, 19 * HOURS),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP ?? ''}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 19 * HOURS - 0.5, lastAgo: 19 * HOURS - 0.5, fieldPath: 'spec.containers{app}' }),
      nodeEvent(skewed, 'NodeHasSufficientMemory', `Node ${skewed} status is now: NodeHasSufficientMemory`, { firstAgo: 40 * DAYS }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: okLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: okLog(1) }),
      logsFor(bad, 'app', { current: badLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RequestTimeTooSkewed|clock|skew|time sync|NTP|chrony/i, lit(skewed)],
      facts: [/RequestTimeTooSkewed/, lit(skewed), /20 ?min|ahead|too large/i],
      never: [ADVISES_ROLLBACK, /AccessDenied|IAM (role|policy)|credentials (expired|invalid)/i],
    },
  };
}

// ---- 3. GKE Workload Identity: KSA renamed, no workloadIdentityUser binding ----------------------

function gkeWorkloadIdentityKsaRenamed(): CorpusScenario {
  const ns = 'billing';
  const gke = (pool: string, i: number, zone: string) => node({ name: `gke-prod-eu-${pool}-${['4f2a9c1d', '7b3e0d55', 'c91a6e02'][i] ?? 'x'}-${['h2kq', 'm8zt', 'x5rw'][i] ?? 'a'}`, zone, pool, instanceType: 'e2-standard-4', labels: { 'cloud.google.com/gke-nodepool': pool, 'iam.gke.io/gke-metadata-server-enabled': 'true' } });
  const nodes = [gke('apps', 0, 'europe-west1-b'), gke('apps', 1, 'europe-west1-c'), gke('apps', 2, 'europe-west1-d')];
  for (const n of nodes) {
    delete n.metadata?.labels?.['eks.amazonaws.com/nodegroup'];
    if (n.spec) n.spec.providerID = `gce://acme-billing-prod/${n.metadata?.labels?.['topology.kubernetes.io/zone'] ?? ''}/${nameOf(n)}`;
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.31.3-gke.1146000', kubeProxyVersion: 'v1.31.3-gke.1146000', osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.112+', containerRuntimeVersion: 'containerd://1.7.23' });
  }
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-billing-prod/apps/invoice-api:${v}`;
  const tpl = (v: string, sa: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '250m', memory: '256Mi', env: [{ name: 'GOOGLE_CLOUD_PROJECT', value: 'acme-billing-prod' }, { name: 'DB_PASSWORD_SECRET', value: 'projects/acme-billing-prod/secrets/invoice-db-password/versions/latest' }, { name: 'STRIPE_KEY_SECRET', value: 'projects/acme-billing-prod/secrets/stripe-api-key/versions/latest' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }) })],
    serviceAccountName: sa,
    nodeSelector: { 'iam.gke.io/gke-metadata-server-enabled': 'true' },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'helm upgrade invoice-api billing-charts/invoice-api 2.9.1', template: tpl('1.22.0', 'invoice-api') },
      { revision: 42, createdAgo: 26, changeCause: 'helm upgrade invoice-api billing-charts/invoice-api 3.0.0', template: tpl('1.22.0', 'invoice-api-sa') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 42, node: names[1] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 3 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const denied = 'rpc error: code = Unauthenticated desc = transport: per-RPC creds failed due to error: compute: Received 403 `Unable to generate access token; IAM returned 403 Forbidden: Permission \'iam.serviceAccounts.getAccessToken\' denied on resource (or it may not exist).\\nThis error could be caused by a missing IAM policy binding on the target IAM service account.\\nFor more information, refer to the Workload Identity documentation:\\n\\thttps://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#authenticating_to\\n\\n`';
  const crashRun = (t: number) => [
    `{"time":"${at(t)}","level":"INFO","msg":"invoice-api starting","version":"1.22.0","project":"acme-billing-prod"}`,
    `{"time":"${at(t - 0.02)}","level":"INFO","msg":"loading secrets from Secret Manager","count":2}`,
    `{"time":"${at(t - 0.04)}","level":"ERROR","msg":"access secret version","name":"projects/acme-billing-prod/secrets/invoice-db-password/versions/latest","error":"${denied}"}`,
    `{"time":"${at(t - 0.04)}","level":"ERROR","msg":"startup failed","error":"load secrets: invoice-db-password: ${denied}"}`,
  ];
  const pdfImage = (v: string) => `europe-west1-docker.pkg.dev/acme-billing-prod/apps/invoice-pdf-renderer:${v}`;
  const other = deploymentApp({
    namespace: ns,
    name: 'invoice-pdf-renderer',
    replicas: 2,
    revisions: [
      { revision: 12, createdAgo: 20 * DAYS, template: { containers: [container({ image: pdfImage('0.9.3') })], serviceAccountName: 'invoice-pdf-renderer' } },
      { revision: 13, createdAgo: 3 * HOURS, changeCause: 'helm upgrade invoice-pdf-renderer billing-charts/invoice-pdf-renderer 1.4.2', template: { containers: [container({ image: pdfImage('0.9.4') })], serviceAccountName: 'invoice-pdf-renderer' } },
    ],
    pods: [{ revision: 13, node: names[0] ?? '', createdAgo: 3 * HOURS }, { revision: 13, node: names[2] ?? '', createdAgo: 3 * HOURS - 1 }],
  });
  return {
    id: 'heldout77-gke-workload-identity-ksa-renamed',
    class: 'config',
    truth: 'The invoice-api Helm chart 3.0.0 (revision 42, 26 minutes ago) renamed the pod\'s Kubernetes service account from invoice-api to invoice-api-sa while still mapping it (iam.gke.io/gcp-service-account) to invoice-api@acme-billing-prod.iam.gserviceaccount.com, whose roles/iam.workloadIdentityUser binding names only serviceAccount:acme-billing-prod.svc.id.goog[billing/invoice-api]. The GKE metadata server cannot mint a token for the new KSA, so the startup read from Secret Manager fails with "Permission \'iam.serviceAccounts.getAccessToken\' denied" and the new pod crash-loops; the three revision-41 pods keep serving. Fix: add the binding for billing/invoice-api-sa (or keep the old KSA name).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 3 * HOURS),
      scheduled(fresh, 25.5),
      ...restartedAgain(fresh, 'app', image('1.22.0'), { count: 10, firstAgo: 25.4, lastAgo: 1.3 }),
      backOff(fresh, 'app', { count: 112, firstAgo: 25, lastAgo: 0.2 }),
      configMap({ namespace: ns, name: 'invoice-api-config', createdAgo: 200 * DAYS, updatedAgo: 26, data: { 'app.yaml': 'http:\n  addr: ":8080"\nsecrets:\n  provider: gcp-secret-manager\n  project: acme-billing-prod\nworkloadIdentity:\n  gcpServiceAccount: invoice-api@acme-billing-prod.iam.gserviceaccount.com\n  kubernetesServiceAccount: invoice-api-sa\n' } }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(...crashRun(1.25)), previous: lines(...crashRun(6.4)) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(`{"time":"${at(6 * DAYS - k - 0.2)}","level":"INFO","msg":"secrets loaded","count":2}`, `{"time":"${at(0.7)}","level":"INFO","msg":"POST /v1/invoices","status":201,"dur_ms":${38 + k}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/getAccessToken|workloadIdentityUser|Workload Identity|IAM/i, /invoice-api-sa|service ?account|revision 42/i],
      facts: [/invoice-api-sa/, /getAccessToken|403/, /revision 42|3\.0\.0/],
      never: [/\bOOM/, /secret "?[\w-]+"? not found/i, /invoice-pdf-renderer/],
    },
  };
}

// ---- 4. Postgres int4 sequence exhausted --------------------------------------------------------

function postgresSequenceExhausted(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.150', ['22', '87', '190']);
  const image = (v: string) => `${ECR}/telemetry/events-ingest:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'events-ingest',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: events-ingest 7.3.0', template: { containers: [container({ image: image('7.3.0'), ports: [3000], cpu: '300m', memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PGHOST', value: 'events-db.telemetry.svc.cluster.local' }, { name: 'PGDATABASE', value: 'events' }, { name: 'PG_POOL_MAX', value: '15' }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 5 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const dbImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns,
    name: 'events-db',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 210 * DAYS, template: { containers: [container({ name: 'postgres', image: dbImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe(5432, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = bystander(ns, 'events-dashboard', names, 41, { revisions: [30, 31], versions: ['1.18.2', '1.19.0'], olderAgo: 9 * DAYS });
  const seqErr = 'nextval: reached maximum value of sequence "device_events_id_seq" (2147483647)';
  const appLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(12 * DAYS - k - 0.2))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"events-ingest 7.3.0 listening on :3000"}`,
      `{"level":40,"time":${Date.parse(at(22 * HOURS + k))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"slow query","query":"SELECT device_id, max(recorded_at) FROM device_events GROUP BY device_id","ms":2310}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 17 - i * 1.7 - k * 0.1;
      out.push(`{"level":30,"time":${Date.parse(at(t + 0.01))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"GET","url":"/v1/devices/d-${4410 + i}/events?limit=50"},"res":{"statusCode":200},"responseTime":${12 + i},"msg":"request completed"}`);
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","err":{"type":"DatabaseError","message":"${seqErr.replace(/"/g, '\\"')}","stack":"error: ${seqErr.replace(/"/g, '\\"')}\\n    at /app/node_modules/pg/lib/client.js:535:17\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n    at async EventStore.insertBatch (/app/dist/store/events.js:48:9)","length":148,"name":"error","severity":"ERROR","code":"2200H","file":"sequence.c","line":"762","routine":"nextval_internal"},"batch":${200 + i},"msg":"insert batch failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/events"},"res":{"statusCode":500},"responseTime":${4 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(33 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(3 * HOURS)} [38112] LOG:  automatic vacuum of table "events.public.device_events": index scans: 1`,
    ...[17.9, 12.4, 6.1, 0.6].flatMap((t, i) => [
      `${pgTime(t)} [${41822 + i * 13}] ERROR:  ${seqErr}`,
      `${pgTime(t)} [${41822 + i * 13}] STATEMENT:  INSERT INTO device_events (device_id, kind, payload, recorded_at) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8) RETURNING id`,
    ]),
  );
  return {
    id: 'heldout77-postgres-int4-sequence-exhausted',
    class: 'config',
    truth: 'The device_events table\'s id is an int4 serial, and about 18 minutes ago its sequence device_events_id_seq reached 2147483647: every INSERT now fails with "nextval: reached maximum value of sequence" (SQLSTATE 2200H), so POST /v1/events answers 500 while reads keep working and the pods stay Ready. Nothing changed in the cluster (events-ingest revision 22 is 12 days old; events-dashboard\'s rollout is unrelated). Fix: migrate the column and sequence to bigint.',
    ask: { service: 'events-ingest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'events-db', selector: { app: 'events-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'events-dashboard', selector: { app: 'events-dashboard' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 41),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 39),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/device_events_id_seq|maximum value of sequence|2147483647|integer out of range|sequence/i],
      facts: [/2147483647/, /device_events/, /INSERT|POST \/v1\/events|500/],
      never: [ADVISES_ROLLBACK, /No space left|disk (is )?full/i, /events-dashboard/],
    },
  };
}

// ---- 5. rate-limit ConfigMap edited 1000 → 10 rps and hot-reloaded ------------------------------

function rateLimitConfigMapEdited(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.61', ['33', '129', '240']);
  const image = (v: string) => `${ECR}/storefront/catalog-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '512Mi', args: ['--config=/etc/catalog/ratelimit.yaml'], volumeMounts: [{ name: 'ratelimit', mountPath: '/etc/catalog', readOnly: true }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
    volumes: [{ name: 'ratelimit', configMap: { name: 'catalog-api-ratelimit', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 10 * DAYS, changeCause: 'argocd: catalog-api 6.1.2', template: tpl('6.1.2') },
      { revision: 58, createdAgo: 3 * DAYS, changeCause: 'argocd: catalog-api 6.2.0', template: tpl('6.2.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const other = bystander(ns, 'cart-api', names, 55, { revisions: [88, 89], versions: ['3.0.7', '3.0.8'], olderAgo: 6 * DAYS });
  const cm = configMap({
    namespace: ns, name: 'catalog-api-ratelimit', createdAgo: 140 * DAYS, updatedAgo: 31,
    data: { 'ratelimit.yaml': 'ratelimit:\n  key: client_id\n  per_client_rps: 10\n  burst: 20\n  exempt_clients:\n    - internal-search-indexer\n' },
  });
  const clients = ['web-storefront', 'ios-app', 'android-app', 'partner-feed-eu'];
  const appLog = (k: number) => {
    const out: string[] = [
      `{"time":"${at(3 * DAYS - k - 0.2)}","level":"INFO","msg":"catalog-api starting","version":"6.2.0"}`,
      `{"time":"${at(3 * DAYS - k - 0.2)}","level":"INFO","msg":"rate limiter configured","file":"/etc/catalog/ratelimit.yaml","per_client_rps":1000,"burst":2000}`,
      `{"time":"${at(14 * HOURS + k)}","level":"WARN","msg":"upstream slow","upstream":"pricing-api","dur_ms":1870}`,
      `{"time":"${at(60)}","level":"INFO","msg":"request","method":"GET","path":"/v2/products","client_id":"web-storefront","status":200,"dur_ms":22}`,
      `{"time":"${at(29.6 - k * 0.05)}","level":"INFO","msg":"config file changed, reloading","file":"/etc/catalog/ratelimit.yaml","event":"CREATE ..2026_11_21_02_44_${String(20 + k).padStart(2, '0')}.0918273645"}`,
      `{"time":"${at(29.6 - k * 0.05)}","level":"INFO","msg":"rate limiter reconfigured","per_client_rps":10,"burst":20,"previous_per_client_rps":1000,"previous_burst":2000}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 28 - i * 2 - k * 0.07;
      const c = clients[(i + k) % clients.length] ?? 'web-storefront';
      out.push(`{"time":"${at(t)}","level":"WARN","msg":"rate limited","client_id":"${c}","limit_rps":10,"burst":20,"path":"/v2/products/${1200 + i * 7}"}`);
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v2/products/${1200 + i * 7}","client_id":"${c}","status":429,"dur_ms":0}`);
      if (i % 4 === 0) out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"GET","path":"/v2/categories","client_id":"internal-search-indexer","status":200,"dur_ms":17}`);
    }
    out.push(`{"time":"${at(0.3)}","level":"INFO","msg":"rate limiter stats","window":"60s","allowed":${610 + k * 12},"rejected":${48211 + k * 903}}`);
    return lines(...out);
  };
  return {
    id: 'heldout77-ratelimit-configmap-1000-to-10',
    class: 'config',
    truth: 'Someone edited the ConfigMap catalog-api-ratelimit by hand (kubectl edit, 31 minutes ago), changing per_client_rps from 1000 to 10 (burst 2000 → 20). catalog-api watches the mounted file and hot-reloaded it, so it now rejects most requests of every client with 429 Too Many Requests itself; pods are Running and Ready, and no rollout happened (revision 58 is 3 days old). Fix: restore per_client_rps 1000 in the ConfigMap.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 55),
      configMap({ namespace: ns, name: 'catalog-api-features', createdAgo: 90 * DAYS, data: { 'features.yaml': 'new_search_ranking: true\nshow_stock_badges: false\n' } }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"request","method":"POST","path":"/v1/cart/items","status":201,"dur_ms":19}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|rate.?limit|Too Many Requests/i, /catalog-api-ratelimit|per_client_rps|\b10\b|ConfigMap/i],
      facts: [/catalog-api-ratelimit/, /429/, /1000/],
      never: [ADVISES_ROLLBACK, /scale (up|out)|add (more )?replicas/i, /cart-api/],
    },
  };
}

// ---- 6. Indexed Job: index 5 fails on a corrupt Parquet shard -----------------------------------

function indexedJobCorruptShard(): CorpusScenario {
  const ns = 'search-data';
  const { nodes, names } = threeEksNodes('10.0.210', ['12', '99', '171']);
  const image = `${ECR}/search-data/shard-reindexer:2.4.0`;
  const name = 'catalog-reindex-20261121';
  const tpl = { containers: [batchContainer({ name: 'reindex', image, command: ['python', '-m', 'reindex'], args: ['--input=s3://acme-search-snapshots/catalog/2026-11-21/', '--shards=8'], cpu: '1', memory: '2Gi' })] };
  const ok = (idx: number) => ({ node: names[idx % 3] ?? '', createdAgo: 95 - Math.floor(idx / 4) * 30, phase: 'Succeeded' as const, containers: { reindex: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: 95 - Math.floor(idx / 4) * 30 - 24 - idx, ranSeconds: 1500 }) } });
  const fail = (attempt: number) => ({ node: names[(attempt + 1) % 3] ?? '', createdAgo: 65 - attempt * 8, phase: 'Failed' as const, containers: { reindex: terminated({ exitCode: 1, finishedAgo: 64 - attempt * 8, ranSeconds: 24 }) } });
  const order = [0, 1, 2, 3, 4, 6, 7, 5, 5, 5];
  const createdAgo = [95, 95, 95, 95, 65, 65, 65, 65, 57, 49];
  const built = job({
    namespace: ns, name, template: tpl, completions: 8, parallelism: 4, backoffLimit: 2147483647, createdAgo: 95,
    pods: [...[0, 1, 2, 3, 4, 6, 7].map(ok), fail(0), fail(1), fail(2)],
  });
  // Indexed mode: the Job controller names pods <job>-<index>-<suffix> and labels them with their index.
  built.pods.forEach((p, i) => {
    const idx = order[i] ?? 0;
    const suffix = nameOf(p).split('-').pop() ?? 'x';
    p.metadata = { ...p.metadata, name: `${name}-${idx}-${suffix}`, generateName: `${name}-${idx}-`, labels: { ...p.metadata?.labels, 'batch.kubernetes.io/job-completion-index': String(idx) }, annotations: { 'batch.kubernetes.io/job-completion-index': String(idx) } };
    if (p.spec) p.spec = { ...p.spec, hostname: `${name}-${idx}`, subdomain: '' };
  });
  const j = built.objects[0] as k8s.V1Job;
  if (j.spec) { j.spec.completionMode = 'Indexed'; j.spec.backoffLimitPerIndex = 2; }
  if (j.status) {
    j.status.conditions = [
      { type: 'FailureTarget', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: ago(33.6), lastTransitionTime: ago(33.6) },
      { type: 'Failed', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: ago(33.6), lastTransitionTime: ago(33.6) },
    ];
    j.status.completedIndexes = '0-4,6-7';
    j.status.failedIndexes = '5';
    j.status.succeeded = 7;
    j.status.failed = 3;
    delete j.status.active;
  }
  const failed = built.pods.slice(7);
  const okLog = (idx: number) => lines(
    `${pyTime(95 - Math.floor(idx / 4) * 30 - 0.3)} INFO reindex: shard ${idx}/8 input=s3://acme-search-snapshots/catalog/2026-11-21/part-0000${idx}.parquet`,
    `${pyTime(95 - Math.floor(idx / 4) * 30 - 3)} WARNING elasticsearch: PUT http://search-es.search-data.svc:9200/_bulk [status:429 request:0.412s] retrying (1/5)`,
    `${pyTime(95 - Math.floor(idx / 4) * 30 - 24 - idx)} INFO reindex: shard ${idx} done, ${412_000 + idx * 1_733} documents indexed`,
  );
  const failLog = (attempt: number) => lines(
    `${pyTime(65 - attempt * 8 - 0.2)} INFO reindex: shard 5/8 input=s3://acme-search-snapshots/catalog/2026-11-21/part-00005.parquet`,
    `${pyTime(64 - attempt * 8)} ERROR reindex: cannot read shard 5`,
    'Traceback (most recent call last):',
    '  File "/app/reindex/__main__.py", line 88, in main',
    '    table = pq.read_table(src, filesystem=s3)',
    '  File "/usr/local/lib/python3.11/site-packages/pyarrow/parquet/core.py", line 1793, in read_table',
    '    dataset = ParquetDataset(',
    '  File "pyarrow/error.pxi", line 92, in pyarrow.lib.check_status',
    'pyarrow.lib.ArrowInvalid: Could not open Parquet input source \'acme-search-snapshots/catalog/2026-11-21/part-00005.parquet\': Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file.',
  );
  return {
    id: 'heldout77-indexed-job-corrupt-shard-5',
    class: 'jobs',
    truth: 'The Indexed Job catalog-reindex-20261121 (8 completions, backoffLimitPerIndex 2) reads one Parquet shard per index; shard part-00005.parquet of today\'s snapshot is corrupt (truncated upload: "Parquet magic bytes not found in footer"), so index 5 failed three times and was marked failed while indexes 0-4 and 6-7 completed, and the Job ended Failed with reason FailedIndexes. Fix: regenerate/re-upload shard 5 and rerun that index; nothing in the cluster is wrong.',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...built.objects,
      ...built.pods.map((p, i) => jobEvent(j, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, createdAgo[i] ?? 95)),
      jobEvent(j, 'FailedIndexes', 'Job has failed indexes', 33.6, 'Warning'),
    ],
    logs: [
      ...built.pods.slice(0, 7).map((p, i) => logsFor(p, 'reindex', { current: okLog(order[i] ?? 0) })),
      ...failed.map((p, a) => logsFor(p, 'reindex', { current: failLog(a) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index 5|shard 5|part-00005|failed ?indexes|FailedIndexes/i],
      facts: [/part-00005|shard 5/i, /Parquet magic bytes|corrupt/i, /0-4,6-7|7 (of 8|\/8)|seven/i],
      never: [/\bOOM/, /backoff ?limit[^\n]*(raise|increase)/i, /elasticsearch[^\n]*(cause|reject)/i],
    },
  };
}

// ---- 7. healthy control: TLS handshake EOFs from NLB health checks ------------------------------

function healthyTlsHandshakeNoise(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.12', ['40', '101', '222']);
  const image = (v: string) => `${ECR}/identity/token-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [{ name: 'https', containerPort: 8443 }], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 8443, { httpGet: { path: '/readyz', port: 8443, scheme: 'HTTPS' } }), liveness: httpProbe('/livez', 8443, { httpGet: { path: '/livez', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 5 }), volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }] })], volumes: [{ name: 'tls', secret: { secretName: 'token-service-tls', defaultMode: 420 } }] });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-service',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: token-service 4.0.9', template: tpl('4.0.9') },
      { revision: 15, createdAgo: 8 * DAYS, changeCause: 'argocd: token-service 4.1.0', template: tpl('4.1.0') },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 8 * DAYS },
      { revision: 15, node: names[1] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS - 0.5, restarts: 1, last: { exitCode: 1, reason: 'Error', finishedAgo: 6 * DAYS - 0.4, ranSeconds: 6 } }) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 8 * DAYS - 2 },
    ],
  });
  const nlb = ['10.0.12.7', '10.0.44.19', '10.0.76.201'];
  const appLog = (k: number) => {
    const out: string[] = [`time=${at(8 * DAYS - k)} level=INFO msg="token-service listening" addr=:8443 version=4.1.0 tls_min=1.2`];
    for (let i = 0; i < 18; i++) {
      const t = 9 - i * 0.5 - k * 0.03;
      out.push(`${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} http: TLS handshake error from ${nlb[i % 3]}:${31000 + i * 37 + k}: EOF`);
      if (i % 3 === 1) out.push(`time=${at(t - 0.05)} level=INFO msg=request method=POST path=/oauth2/token client_id=web-storefront status=200 dur=${7 + i}ms`);
      if (i % 6 === 4) out.push(`time=${at(t - 0.1)} level=INFO msg=request method=GET path=/.well-known/jwks.json status=200 dur=1ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout77-healthy-tls-handshake-eof-noise',
    class: 'healthy',
    truth: 'token-service is healthy: its three pods of revision 15 (8 days old) are Ready and answer /oauth2/token with 200s. The steady "http: TLS handshake error from …: EOF" lines are the NLB\'s TCP health checks opening and closing connections without a handshake, and the single restart six days ago was a DNS timeout at startup that the second start got past; nothing needs doing.',
    ask: { service: 'token-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'token-service', selector: { app: 'token-service' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 8 * DAYS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 8 * DAYS - 3),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "https://${podOf(app, 0).status?.podIP ?? ''}:8443/readyz": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k), ...(k === 1 ? { previous: lines(`time=${at(6 * DAYS - 0.5)} level=INFO msg="loading signing keys" source=keys-db.identity.svc.cluster.local:5432`, `time=${at(6 * DAYS - 0.4)} level=ERROR msg="startup failed" err="load signing keys: dial tcp: lookup keys-db.identity.svc.cluster.local on 172.20.0.10:53: read udp 10.0.12.88:41233->172.20.0.10:53: i/o timeout"`) } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (wrong|to do)/i],
      facts: [/token-service/],
      never: [/TLS[^\n]*(is|are) the (root )?cause|TLS (is )?broken/i, /certificate (expired|invalid)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  nettyDirectMemoryCapped(),
  nodeClockSkewS3(),
  gkeWorkloadIdentityKsaRenamed(),
  postgresSequenceExhausted(),
  rateLimitConfigMapEdited(),
  indexedJobCorruptShard(),
  healthyTlsHandshakeNoise(),
];
