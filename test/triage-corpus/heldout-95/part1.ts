// Held-out stories, ninety-fifth round, part one: a Node.js points service whose ConfigMap edit
// pointed MONGODB_URI at a standalone dev mongod, so every transaction fails with code 20
// (IllegalOperation); a gRPC client failing "Unimplemented: unknown service acme.billing.v1.Invoices"
// since the SERVER's revision renamed its proto package to v2; a thumbnailer whose ConfigMap edit
// switched its bucket to one in another region (S3 PermanentRedirect); a Go route cache crash-looping
// on "fatal error: concurrent map writes" under load since a revision (exit 2); a .NET claims intake
// crash-looping on the inotify instance limit (128) since a revision added many reloadOnChange config
// files; Kafka consumers kicked out of their group in a loop since a revision raised max.poll.records
// (CommitFailedException, lag grows); and a healthy control: a Python exporter that logs boto3's
// Python 3.8 deprecation warning once at start.
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, pyTime,
  restartedAgain, running, tcpProbe,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const restartAnno = (minutes: number) => ({ 'kubectl.kubernetes.io/restartedAt': at(minutes) });

// ---- 1. MongoDB URI pointed at a standalone dev mongod -----------------------------------------------

function mongoStandaloneTransactions(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.44');
  const image = `${ECR}/loyalty/points-api:3.8.1`;
  const tpl = (anno?: Record<string, string>) => ({
    ...(anno ? { annotations: anno } : {}),
    containers: [container({
      image, ports: [3000], memory: '512Mi', envFrom: [{ configMapRef: { name: 'points-api-config' } }],
      readiness: httpProbe('/healthz/ready', 3000), liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'points-api', replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: points-api 3.8.1', template: tpl() },
      { revision: 18, createdAgo: 36, template: tpl(restartAnno(36)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 35.5 - k * 0.7 })),
    settled: { available: true, availableSince: 33, progressingSince: 36, progressingUpdatedAgo: 33 },
  });
  const cm = configMap({
    namespace: ns, name: 'points-api-config', createdAgo: 120 * DAYS, updatedAgo: 38,
    data: {
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://points-dev-mongo.loyalty-dev.svc.cluster.local:27017/points?retryWrites=true',
      MONGODB_POOL_SIZE: '30',
      REDEEM_TXN_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'info',
    },
  });
  const other = bystander(ns, 'points-expiry-worker', names, 3 * DAYS, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out = [
      `{"level":30,"time":"${at(35 - k)}","pid":1,"hostname":"${podOf(app, k).metadata?.name}","msg":"connected to MongoDB","host":"points-dev-mongo.loyalty-dev.svc.cluster.local:27017","db":"points"}`,
      `{"level":30,"time":"${at(35 - k)}","pid":1,"msg":"points-api 3.8.1 listening on :3000"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 33 - i * 3.2 - k * 0.3;
      out.push(`{"level":30,"time":"${at(t + 0.05)}","pid":1,"req":{"method":"GET","url":"/v1/members/M-${40210 + i * 37 + k}/balance"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`);
      out.push(`{"level":50,"time":"${at(t)}","pid":1,"req":{"method":"POST","url":"/v1/redemptions"},"err":{"type":"MongoServerError","message":"Transaction numbers are only allowed on a replica set member or mongos","stack":"MongoServerError: Transaction numbers are only allowed on a replica set member or mongos\\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:30)\\n    at RedemptionService.redeem (/app/dist/redemptions/service.js:58:13)","ok":0,"code":20,"codeName":"IllegalOperation"},"msg":"redemption failed"}`);
      out.push(`{"level":30,"time":"${at(t - 0.01)}","pid":1,"req":{"method":"POST","url":"/v1/redemptions"},"res":{"statusCode":500},"responseTime":14,"msg":"request errored"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout95-mongo-uri-standalone-dev-instance',
    class: 'config',
    truth: 'Someone edited ConfigMap points-api-config 38 minutes ago (kubectl edit) and set MONGODB_URI to mongodb://points-dev-mongo.loyalty-dev.svc.cluster.local:27017 — a standalone dev mongod — instead of the production replica set; a rollout restart two minutes later (revision 18, only the restartedAt annotation changed) loaded it. Reads work, but every redemption runs in a multi-document transaction, and a standalone mongod refuses them: MongoServerError "Transaction numbers are only allowed on a replica set member or mongos" (code 20, IllegalOperation), so POST /v1/redemptions returns 500. Revision 18 itself changed nothing; fix the URI in the ConfigMap and restart.',
    ask: { service: 'points-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/Transaction numbers|replica set|IllegalOperation|code 20|standalone/i, /points-api-config|MONGODB_URI|points-dev-mongo|ConfigMap/i],
      facts: [/points-dev-mongo/, /IllegalOperation|code 20|Transaction numbers/i, /points-api-config/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /points-expiry-worker/],
    },
  };
}

// ---- 2. gRPC server renamed its proto package; the client gets Unimplemented ------------------------

function grpcServerProtoPackageRenamed(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['12', '140', '225']);
  const srvImage = (v: string) => `${ECR}/billing/invoices-grpc:${v}`;
  const cliImage = `${ECR}/billing/checkout-api:5.2.0`;
  const grpcPort = { name: 'grpc', containerPort: 9090 };
  const srvTpl = (v: string) => ({ containers: [container({ image: srvImage(v), ports: [grpcPort, { name: 'metrics', containerPort: 9102 }], memory: '256Mi', readiness: tcpProbe('grpc'), liveness: tcpProbe('grpc', { initialDelaySeconds: 10 }) })] });
  const server = deploymentApp({
    namespace: ns, name: 'invoices-grpc', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: invoices-grpc 2.9.4', template: srvTpl('2.9.4') },
      { revision: 15, createdAgo: 27, changeCause: 'argocd: invoices-grpc 3.0.0', template: srvTpl('3.0.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 26.5 - k })),
    settled: { available: true, availableSince: 25, progressingSince: 27, progressingUpdatedAgo: 25 },
  });
  const client = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [{ revision: 52, createdAgo: 4 * DAYS, changeCause: 'argocd: checkout-api 5.2.0', template: { containers: [container({ image: cliImage, memory: '384Mi', env: [{ name: 'INVOICES_ADDR', value: 'dns:///invoices-grpc.billing.svc.cluster.local:9090' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const srvLog = (k: number) => lines(
    `{"level":"info","ts":"${at(26 - k)}","caller":"cmd/server/main.go:61","msg":"starting invoices-grpc","version":"3.0.0"}`,
    `{"level":"info","ts":"${at(26 - k)}","caller":"cmd/server/main.go:88","msg":"registered gRPC services","services":["acme.billing.v2.Invoices","grpc.health.v1.Health","grpc.reflection.v1.ServerReflection"]}`,
    `{"level":"info","ts":"${at(26 - k)}","caller":"cmd/server/main.go:97","msg":"serving","addr":":9090"}`,
    `{"level":"info","ts":"${at(2 - k * 0.3)}","caller":"grpclog/interceptor.go:40","msg":"finished call","grpc.service":"grpc.health.v1.Health","grpc.method":"Check","grpc.code":"OK","grpc.time_ms":0.1}`,
  );
  const cliLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(30 - k)}","caller":"http/middleware.go:51","msg":"request","method":"POST","path":"/v1/checkout","status":200,"duration_ms":88}`];
    for (let i = 0; i < 12; i++) {
      const t = 25 - i * 2 - k * 0.2;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"invoices/client.go:74","msg":"create invoice failed","order_id":"ORD-${771200 + i * 13 + k}","error":"rpc error: code = Unimplemented desc = unknown service acme.billing.v1.Invoices"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/middleware.go:51","msg":"request","method":"POST","path":"/v1/checkout","status":502,"duration_ms":23}`);
      out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"http/middleware.go:51","msg":"request","method":"GET","path":"/v1/cart","status":200,"duration_ms":7}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout95-grpc-server-proto-package-renamed',
    class: 'rollout',
    truth: 'invoices-grpc revision 15 (3.0.0, 27 minutes ago) renamed its proto package from acme.billing.v1 to acme.billing.v2; the server now registers only acme.billing.v2.Invoices. checkout-api (unchanged for four days) still calls /acme.billing.v1.Invoices/CreateInvoice and every call fails with "rpc error: code = Unimplemented desc = unknown service acme.billing.v1.Invoices", so checkout returns 502. The server pods are healthy; the break is the server rollout, not the client. Fix: roll invoices-grpc back to revision 14 or serve v1 alongside v2 until clients migrate.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...server.objects, ...client.objects,
      ...exposed({ namespace: ns, name: 'invoices-grpc', selector: { app: 'invoices-grpc' }, pods: server.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: client.pods }),
      event({ on: { kind: 'Deployment', name: 'invoices-grpc', namespace: ns }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${server.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '15')?.metadata?.name ?? 'invoices-grpc'} to 2 from 0`, firstAgo: 27, lastAgo: 27, component: 'deployment-controller' }),
    ],
    logs: [
      ...server.pods.map((p, k) => logsFor(p, 'app', { current: srvLog(k) })),
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: cliLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Unimplemented|unknown service|acme\.billing\.v1/i, /invoices-grpc/],
      facts: [/acme\.billing\.v1\.Invoices/, /revision 15|3\.0\.0|acme\.billing\.v2/],
      never: [/checkout-api[^\n]*revision 52[^\n]*(caused|broke|introduced)/i, /\bOOM/, /crash ?loop/i, /network ?polic/i],
    },
  };
}

// ---- 3. S3 bucket switched to one in another region ---------------------------------------------

function s3BucketOtherRegion(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.58', ['20', '117', '243']);
  const image = `${ECR}/media/thumbnailer:2.4.7`;
  const tpl = (anno?: Record<string, string>) => ({
    ...(anno ? { annotations: anno } : {}),
    containers: [container({ image, memory: '1Gi', cpu: '500m', envFrom: [{ configMapRef: { name: 'thumbnailer-config' } }], readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080, { initialDelaySeconds: 20 }) })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 2,
    revisions: [
      { revision: 26, createdAgo: 15 * DAYS, changeCause: 'argocd: thumbnailer 2.4.7', template: tpl() },
      { revision: 27, createdAgo: 49, template: tpl(restartAnno(49)) },
    ],
    pods: [0, 1].map((k) => ({ revision: 27, node: names[k + 1] ?? '', createdAgo: 48.5 - k })),
    settled: { available: true, availableSince: 46, progressingSince: 49, progressingUpdatedAgo: 46 },
  });
  const cm = configMap({
    namespace: ns, name: 'thumbnailer-config', createdAgo: 200 * DAYS, updatedAgo: 51,
    data: { AWS_REGION: 'eu-west-1', S3_BUCKET: 'acme-media-thumbs-prod-us-east-1', S3_PREFIX: 'thumbs/', SIZES: '128,512,1024', WORKERS: '8' },
  });
  const other = bystander(ns, 'media-upload-api', names, 5 * HOURS, { revisions: [60, 61], versions: ['8.1.2', '8.1.3'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const out = [
      `${pyTime(48 - k)} INFO [thumbnailer.main] starting thumbnailer 2.4.7 region=eu-west-1 bucket=acme-media-thumbs-prod-us-east-1 workers=8`,
      `${pyTime(48 - k)} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 45 - i * 4 - k * 0.4;
      out.push(`${pyTime(t)} INFO [thumbnailer.jobs] rendering asset_id=a-${90311 + i * 7 + k} sizes=128,512,1024`);
      out.push(`${pyTime(t - 0.02)} ERROR [thumbnailer.jobs] upload failed asset_id=a-${90311 + i * 7 + k} key=thumbs/a-${90311 + i * 7 + k}/512.webp`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/thumbnailer/jobs.py", line 88, in upload');
      out.push('    self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType="image/webp")');
      out.push('  File "/usr/local/lib/python3.11/site-packages/botocore/client.py", line 1023, in _make_api_call');
      out.push('    raise error_class(parsed_response, operation_name)');
      out.push('botocore.exceptions.ClientError: An error occurred (PermanentRedirect) when calling the PutObject operation: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.');
      out.push(`${pyTime(t - 0.05)} INFO [uvicorn.access] 10.0.58.9:41822 - "GET /health HTTP/1.1" 200`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout95-s3-bucket-in-another-region',
    class: 'config',
    truth: 'ConfigMap thumbnailer-config was edited 51 minutes ago (kubectl edit): S3_BUCKET now names acme-media-thumbs-prod-us-east-1, a bucket in us-east-1, while AWS_REGION stays eu-west-1. The rollout restart two minutes later (revision 27, only the restartedAt annotation) loaded it, and every PutObject now fails with S3 PermanentRedirect ("The bucket you are attempting to access must be addressed using the specified endpoint"): the client addresses the eu-west-1 endpoint for a bucket in another region. Pods are healthy; thumbnails are not written. Fix: restore the eu-west-1 bucket in the ConfigMap (or set the region to match) and restart.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-upload-api', selector: { app: 'media-upload-api' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/PermanentRedirect|specified endpoint|region/i, /thumbnailer-config|S3_BUCKET|us-east-1|ConfigMap/i],
      facts: [/acme-media-thumbs-prod-us-east-1/, /thumbnailer-config/, /PermanentRedirect/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /media-upload-api/, /AccessDenied|credential|IAM/i],
    },
  };
}

// ---- 4. Go: fatal error: concurrent map writes under load ----------------------------------------

function goConcurrentMapWrites(): CorpusScenario {
  const ns = 'geo';
  const { nodes, names } = threeEksNodes('10.0.130', ['14', '88', '199']);
  const image = (v: string) => `${ECR}/geo/route-cache:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '512Mi', cpu: '1', env: [{ name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] });
  const exit2 = (finishedAgo: number, ran: number) => ({ exitCode: 2, finishedAgo, ranSeconds: ran });
  const app = deploymentApp({
    namespace: ns, name: 'route-cache', replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, changeCause: 'argocd: route-cache 1.19.0', template: tpl('1.19.0') },
      { revision: 9, createdAgo: 58, changeCause: 'argocd: route-cache 1.20.0', template: tpl('1.20.0') },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 57.5, containers: { app: crashLoop(exit2(2.5, 214), 9) }, ready: false },
      { revision: 9, node: names[1] ?? '', createdAgo: 56.5, containers: { app: running({ sinceAgo: 1.2, restarts: 11, last: exit2(1.3, 171) }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 55.5, containers: { app: crashLoop(exit2(0.8, 305), 8) }, ready: false },
    ],
  });
  const other = bystander(ns, 'geocoder', names, 2 * DAYS, { revisions: [33, 34], versions: ['4.0.1', '4.0.2'], olderAgo: 25 * DAYS });
  const dump = (k: number, ranAgo: number) => lines(
    `{"time":"${at(ranAgo + 3.5)}","level":"INFO","msg":"route-cache starting","version":"1.20.0","addr":":8080"}`,
    `{"time":"${at(ranAgo + 3.4)}","level":"INFO","msg":"warmup complete","routes":184233}`,
    `{"time":"${at(ranAgo + 0.5)}","level":"INFO","msg":"GET /v1/routes/eta","status":200,"dur_ms":3}`,
    `{"time":"${at(ranAgo + 0.1)}","level":"INFO","msg":"stats","rps":${2400 + k * 130},"hit_ratio":0.93}`,
    'fatal error: concurrent map writes',
    '',
    `goroutine ${18422 + k * 311} [running]:`,
    'internal/runtime/maps.fatal({0xb1e3c2?, 0x0?})',
    '\t/usr/local/go/src/runtime/panic.go:1058 +0x18',
    'github.com/acme/route-cache/internal/cache.(*Store).recordHit(0xc000212000, {0xc004a1e0c0, 0x1c})',
    '\t/src/internal/cache/store.go:142 +0x8c',
    'github.com/acme/route-cache/internal/cache.(*Store).Get(0xc000212000, {0xc004a1e0c0, 0x1c})',
    '\t/src/internal/cache/store.go:97 +0x1f4',
    'github.com/acme/route-cache/internal/api.(*Handler).eta(0xc00019c150, {0xc4e1a8, 0xc0061c2a80}, 0xc0059e3b00)',
    '\t/src/internal/api/eta.go:58 +0x2a5',
    'net/http.HandlerFunc.ServeHTTP(0xc000b2e000?, {0xc4e1a8?, 0xc0061c2a80?}, 0x0?)',
    '\t/usr/local/go/src/net/http/server.go:2220 +0x29',
    'net/http.serverHandler.ServeHTTP({0xc0002a6000?}, {0xc4e1a8?, 0xc0061c2a80?}, 0x6?)',
    '\t/usr/local/go/src/net/http/server.go:3210 +0x8e',
    'created by net/http.(*Server).Serve in goroutine 1',
    '\t/usr/local/go/src/net/http/server.go:3360 +0x485',
    '',
    `goroutine 1 [IO wait]:`,
    'internal/poll.runtime_pollWait(0x7f1c2a1e9e48, 0x72)',
    '\t/usr/local/go/src/runtime/netpoll.go:351 +0x85',
  );
  const p = (i: number) => podOf(app, i);
  const img = image('1.20.0');
  return {
    id: 'heldout95-go-concurrent-map-writes',
    class: 'containers',
    truth: 'route-cache revision 9 (1.20.0, 58 minutes ago) added per-key hit counters to its cache: Store.recordHit writes a plain Go map from every HTTP handler goroutine without a lock. Under production load (~2,400 rps) two writers collide within minutes and the Go runtime aborts with "fatal error: concurrent map writes" and a goroutine dump, exit code 2 — not a panic that can be recovered, not OOM, not a probe kill. Each pod runs 3–5 minutes, dies, and backs off (CrashLoopBackOff). Revision 8 ran for weeks; roll back to it and fix the locking (sync.Mutex or sync.Map).',
    ask: { service: 'route-cache', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'route-cache', selector: { app: 'route-cache' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'geocoder', selector: { app: 'geocoder' }, pods: other.pods }),
      ...[0, 1, 2].flatMap((i) => restartedAgain(p(i), 'app', img, { count: 9 + (i % 2) * 2, firstAgo: 53 - i, lastAgo: 1 + i * 0.3 })),
      backOff(p(0), 'app', { count: 31, firstAgo: 50, lastAgo: 0.4 }),
      backOff(p(2), 'app', { count: 27, firstAgo: 49, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(p(0), 'app', { previous: dump(0, 2.5) }),
      logsFor(p(1), 'app', { previous: dump(1, 1.3), current: lines(`{"time":"${at(1.2)}","level":"INFO","msg":"route-cache starting","version":"1.20.0","addr":":8080"}`, `{"time":"${at(1.1)}","level":"INFO","msg":"warmup complete","routes":184233}`) }),
      logsFor(p(2), 'app', { previous: dump(2, 0.8) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/concurrent map (writes|write)/i],
      facts: [/revision 9|1\.20\.0/, /exit(ed)?( with)?( code)? 2\b|code 2\b/i],
      never: [/\bOOM/, /liveness[^\n]*(kill|fail)/i, /geocoder/],
    },
  };
}

// ---- 5. .NET: inotify instances limit reached (reloadOnChange on many files) -----------------------

function dotnetInotifyLimit(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.204', ['33', '101', '176']);
  const image = (v: string) => `${ECR}/claims/claims-intake:${v}`;
  const rules = ['auto', 'home', 'travel', 'pet', 'health', 'life', 'marine', 'cyber', 'liability', 'property', 'fraud', 'routing'];
  const tpl = (v: string, perFile: boolean) => ({
    containers: [container({
      image: image(v), memory: '768Mi', cpu: '500m',
      env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'DOTNET_ENVIRONMENT', value: 'Production' }, ...(perFile ? [{ name: 'RULES__DIRECTORY', value: '/etc/claims/rules' }, { name: 'RULES__RELOADONCHANGE', value: 'true' }] : [])],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }),
      volumeMounts: perFile ? [{ name: 'rules', mountPath: '/etc/claims/rules', readOnly: true }] : [],
    })],
    ...(perFile ? { volumes: [{ name: 'rules', configMap: { name: 'claims-intake-rules', defaultMode: 420 } }] } : {}),
  });
  const exit = (finishedAgo: number) => ({ exitCode: 134, finishedAgo, ranSeconds: 4 });
  const app = deploymentApp({
    namespace: ns, name: 'claims-intake', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 11 * DAYS, changeCause: 'argocd: claims-intake 7.3.0', template: tpl('7.3.0', false) },
      { revision: 22, createdAgo: 24, changeCause: 'argocd: claims-intake 7.4.0', template: tpl('7.4.0', true) },
    ],
    pods: [
      { revision: 21, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 21, node: names[1] ?? '', createdAgo: 11 * DAYS - 1 },
      { revision: 22, node: names[2] ?? '', createdAgo: 23.5, containers: { app: crashLoop(exit(1.4), 9) }, ready: false },
    ],
  });
  const cm = configMap({ namespace: ns, name: 'claims-intake-rules', createdAgo: 24, data: Object.fromEntries(rules.map((r) => [`rules.${r}.json`, `{"Rules":{"${r}":{"Enabled":true,"MaxAutoApprove":2500}}}`])) });
  const other = bystander(ns, 'claims-documents', names, 6 * HOURS, { revisions: [8, 9], versions: ['2.2.0', '2.2.1'], olderAgo: 14 * DAYS });
  const fresh = podOf(app, 2);
  const crash = lines(
    `Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.`,
    '   at System.IO.FileSystemWatcher.StartRaisingEvents()',
    '   at System.IO.FileSystemWatcher.StartRaisingEventsIfNotDisposed()',
    '   at System.IO.FileSystemWatcher.set_EnableRaisingEvents(Boolean value)',
    '   at Microsoft.Extensions.FileProviders.Physical.PhysicalFilesWatcher.TryEnableFileSystemWatcher()',
    '   at Microsoft.Extensions.FileProviders.Physical.PhysicalFilesWatcher.CreateFileChangeToken(String filter)',
    '   at Microsoft.Extensions.FileProviders.PhysicalFileProvider.Watch(String filter)',
    '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.<.ctor>b__1_0()',
    '   at Microsoft.Extensions.Primitives.ChangeToken.OnChange(Func`1 changeTokenProducer, Action changeTokenConsumer)',
    '   at Microsoft.Extensions.Configuration.FileConfigurationProvider..ctor(FileConfigurationSource source)',
    '   at Microsoft.Extensions.Configuration.Json.JsonConfigurationSource.Build(IConfigurationBuilder builder)',
    '   at Microsoft.Extensions.Configuration.ConfigurationManager.AddSource(IConfigurationSource source)',
    '   at Acme.Claims.Intake.RulesConfiguration.AddRuleFiles(IConfigurationBuilder builder, String directory, Boolean reloadOnChange) in /src/Claims.Intake/RulesConfiguration.cs:line 31',
    '   at Program.<Main>$(String[] args) in /src/Claims.Intake/Program.cs:line 22',
  );
  return {
    id: 'heldout95-dotnet-inotify-instances-limit',
    class: 'containers',
    truth: 'claims-intake revision 22 (7.4.0, 24 minutes ago) mounts the new ConfigMap claims-intake-rules (12 rules.*.json files) and adds each file with AddJsonFile(reloadOnChange: true) from a per-file PhysicalFileProvider, so every file creates its own FileSystemWatcher — its own inotify instance. On these nodes fs.inotify.max_user_instances is 128, shared by all containers of the same uid on the node, and the new pod hits it at startup: "System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached", an unhandled exception, exit code 134 (abort), CrashLoopBackOff. The two revision-21 pods keep serving and the rollout is stuck. Fix: one shared file provider / reloadOnChange false (or DOTNET_USE_POLLING_FILE_WATCHER=true), or roll back to revision 21.',
    ask: { service: 'claims-intake', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'claims-intake', selector: { app: 'claims-intake' }, pods: app.pods }),
      ...restartedAgain(fresh, 'app', image('7.4.0'), { count: 10, firstAgo: 23.3, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 23, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines('info: Microsoft.AspNetCore.Hosting.Diagnostics[2]', `      Request finished HTTP/1.1 POST http://claims-intake.claims.svc/v1/claims - 202 - application/json 41.2871ms`, 'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]', '      Request finished HTTP/1.1 GET http://10.0.204.33:8080/health/ready - 200 - text/plain 0.9120ms') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/inotify/i],
      facts: [/\(128\)|128|max_user_instances/, /revision 22|7\.4\.0/, /claims-intake-rules|reloadOnChange|FileSystemWatcher/i],
      never: [/\bOOM/, /liveness[^\n]*(kill|fail)/i, /claims-documents/],
    },
  };
}

// ---- 6. Kafka: max.poll.records raised, consumers kicked out of the group in a loop -----------------

function kafkaMaxPollRecordsRebalance(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.162', ['41', '97', '230']);
  const image = `${ECR}/fulfilment/shipment-events-consumer:6.1.3`;
  const tpl = (records: string) => ({
    containers: [container({
      image, memory: '1Gi', cpu: '1',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka.messaging.svc:9092,kafka-1.kafka.messaging.svc:9092,kafka-2.kafka.messaging.svc:9092' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'shipment-events' },
        { name: 'SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS', value: records },
        { name: 'SPRING_KAFKA_CONSUMER_PROPERTIES_MAX_POLL_INTERVAL_MS', value: '300000' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'shipment-events-consumer', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 16 * DAYS, changeCause: 'argocd: shipment-events-consumer 6.1.3 max.poll.records=500', template: tpl('500') },
      { revision: 41, createdAgo: 72, changeCause: 'argocd: shipment-events-consumer 6.1.3 max.poll.records=5000', template: tpl('5000') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 71 - k })),
    settled: { available: true, availableSince: 68, progressingSince: 72, progressingUpdatedAgo: 68 },
  });
  const other = bystander(ns, 'shipment-api', names, 9 * HOURS, { revisions: [88, 89], versions: ['12.4.0', '12.4.1'], olderAgo: 6 * DAYS });
  const jt = (m: number) => at(m).replace('Z', '+00:00');
  const log = (k: number) => {
    const pod = podOf(app, k).metadata?.name ?? 'pod';
    const cid = `consumer-shipment-events-${k + 1}`;
    const pre = (m: number, lvl: string, thread: string, logger: string, msg: string) => `${jt(m)} ${lvl.padStart(5)} 1 --- [shipment-events] [${thread}] ${logger} : ${msg}`;
    const out = [
      pre(69 - k, 'INFO', 'main', 'o.a.k.clients.consumer.ConsumerConfig', `ConsumerConfig values: ... max.poll.interval.ms = 300000 max.poll.records = 5000 ...`),
      pre(69 - k, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', 'shipment-events: partitions assigned: [shipment-events-2, shipment-events-3]'),
    ];
    for (let i = 0; i < 9; i++) {
      const t = 62 - i * 6.5 - k * 0.4;
      out.push(pre(t + 5, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.s.ShipmentEventsListener', `processed batch records=5000 took_ms=${298000 + i * 1700 + k * 900} lag=${182000 + i * 41000 + k * 3000}`));
      out.push(pre(t, 'WARN', `kafka-coordinator-heartbeat-thread | shipment-events`, 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-events] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`));
      out.push(pre(t, 'INFO', `kafka-coordinator-heartbeat-thread | shipment-events`, 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-events] Member ${cid}-${pod}-7c1e sending LeaveGroup request to coordinator kafka-1.kafka.messaging.svc:9092 (id: 2147483646 rack: null) due to consumer poll timeout has expired.`));
      out.push(pre(t - 0.4, 'ERROR', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', 'Consumer exception'));
      out.push('org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member. This means that the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time message processing. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.');
      out.push('\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1351)');
      out.push('\tat org.apache.kafka.clients.consumer.KafkaConsumer.commitSync(KafkaConsumer.java:1459)');
      out.push(pre(t - 0.5, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=${cid}, groupId=shipment-events] (Re-)joining group`));
      out.push(pre(t - 0.6, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `shipment-events: partitions assigned: [shipment-events-${(i + k) % 6}, shipment-events-${(i + k + 3) % 6}]`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout95-kafka-max-poll-records-rebalance-loop',
    class: 'capacity',
    truth: 'shipment-events-consumer revision 41 (72 minutes ago, same image) raised SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS from 500 to 5000 while max.poll.interval.ms stays 300000. Each batch of 5000 shipment events now takes about 300 s to process, longer than the poll interval, so the heartbeat thread reports "consumer poll timeout has expired", the member leaves the group, and the commit after the batch fails with CommitFailedException ("the group has already rebalanced"); the partitions are reprocessed by another member that suffers the same fate. The pods stay Running and ready, but the group rebalances in a loop and lag climbs past 500k. Fix: go back to 500 records (revision 40) or raise max.poll.interval.ms.',
    ask: { service: 'shipment-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/max\.poll|CommitFailed|rebalanc|poll timeout|MAX_POLL/i, /revision 41|max\.poll\.records|MAX_POLL_RECORDS|5000/i],
      facts: [/5000/, /max\.poll\.interval\.ms|300000/i, /revision 41/],
      never: [/\bOOM/, /crash ?loop/i, /shipment-api/, /broker[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. healthy control: boto3's Python 3.8 deprecation warning at start ---------------------------

function healthyBoto3DeprecationWarning(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.87', ['19', '144', '212']);
  const image = `${ECR}/reporting/report-exporter:1.9.2`;
  const app = deploymentApp({
    namespace: ns, name: 'report-exporter', replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 30 * DAYS, changeCause: 'argocd: report-exporter 1.9.1', template: { containers: [container({ image: `${ECR}/reporting/report-exporter:1.9.1`, memory: '512Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } },
      { revision: 14, createdAgo: 3 * DAYS, changeCause: 'argocd: report-exporter 1.9.2', template: { containers: [container({ image, memory: '512Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
    settled: { available: true, availableSince: 3 * DAYS - 2, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 2 },
  });
  const log = (k: number) => {
    const out = [
      `${pyTime(3 * DAYS - 1 - k)} INFO [exporter.main] report-exporter 1.9.2 starting (python 3.8.18)`,
      `/usr/local/lib/python3.8/site-packages/boto3/compat.py:89: PythonDeprecationWarning: Boto3 will no longer support Python 3.8 starting April 22, 2025. To continue receiving service updates, bug fixes, and security updates please upgrade to Python 3.9 or later. More information can be found here: https://aws.amazon.com/blogs/developer/python-support-policy-updates-for-aws-sdks-and-tools/`,
      '  warnings.warn(warning, PythonDeprecationWarning)',
      `${pyTime(3 * DAYS - 1 - k)} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 40 - i * 5 - k;
      out.push(`${pyTime(t)} INFO [exporter.jobs] exported report=daily-sales-${i % 3} rows=${18000 + i * 911} s3://acme-reports-prod-eu-west-1/exports/ duration=${(2.1 + i * 0.3).toFixed(1)}s`);
      out.push(`${pyTime(t - 0.1)} INFO [uvicorn.access] 10.0.87.5:52114 - "GET /healthz HTTP/1.1" 200`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout95-healthy-boto3-python38-deprecation-warning',
    class: 'healthy',
    truth: 'report-exporter runs on Python 3.8; boto3 prints its PythonDeprecationWarning about dropping Python 3.8 once at import when each pod starts. It is a notice, not an error: both pods have been Running and ready for three days without restarts, exports succeed and health checks answer 200. Nothing to fix tonight (upgrading Python is backlog work).',
    ask: { service: 'report-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'report-exporter', selector: { app: 'report-exporter' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ready|running/i],
      facts: [/report-exporter/],
      never: [/crash ?loop/i, /\bOOM/, /(deprecat|Python 3\.8)[^\n]*(root cause|caus|broke|fail)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mongoStandaloneTransactions(),
  grpcServerProtoPackageRenamed(),
  s3BucketOtherRegion(),
  goConcurrentMapWrites(),
  dotnetInotifyLimit(),
  kafkaMaxPollRecordsRebalance(),
  healthyBoto3DeprecationWarning(),
];
