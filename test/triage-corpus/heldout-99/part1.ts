// Held-out stories, ninety-ninth round, part one: a Go exporter moved to IRSA whose aws-sdk-go
// predates web identity (NoCredentialProviders) while the node role was narrowed the same day; a
// Java TLS server whose certificate cert-manager re-issued from a new internal CA its clients do
// not trust yet; a Node 18 upgrade whose strict llhttp rejects a legacy vendor's header
// (HPE_INVALID_HEADER_TOKEN); a Puppeteer renderer whose image lost tini, so orphaned Chromium
// processes pile up as zombies until spawn EAGAIN at the pids limit; a Rust ranker built with
// target-cpu=native that dies with SIGILL (exit 132) on the older n2d pool only; an Express API
// answering 413 since a caller's revision sends bodies over body-parser's 100kb default; and a
// healthy control: an nginx docs portal with its harmless "user directive" and buffering warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, container, crashLoop, deploymentApp, event, exposed, httpProbe, nameOf, node, probeFailed,
  pulledFresh, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, configMap, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Advising a rollback: wrong where the old revision would fail the same way (the revision is still the trigger). */
const ADVISES_UNDO = /roll(ing)? ?back to|undo the rollout|rollout undo/i;
/** Go's standard log time: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** nginx's error-log time, same shape. */
const ngxTime = goTime;
/** Chromium's log prefix time: `1121/031241.512`. */
const chromeTime = (minutes: number): string => {
  const s = at(minutes);
  return `${s.slice(5, 7)}${s.slice(8, 10)}/${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}.${s.slice(20, 23)}`;
};

// ---- 1. IRSA with an aws-sdk-go too old for web identity ------------------------------------------

function irsaOldGoSdk(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-exporter:${v}`;
  const roleArn = 'arn:aws:iam::123456789012:role/billing-invoice-exporter';
  const tokenFile = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token';
  const tpl = (v: string, sa?: string) => ({
    ...(sa === undefined ? {} : { serviceAccountName: sa }),
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '100m', memory: '256Mi',
      env: [
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'EXPORT_BUCKET', value: 'acme-billing-invoice-exports-prod' },
        { name: 'INVOICE_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/invoice-finalized' },
      ],
      readiness: httpProbe('/healthz', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-exporter',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'helm upgrade invoice-exporter 0.14.1', template: tpl('2.7.3') },
      { revision: 19, createdAgo: 47, changeCause: 'helm upgrade invoice-exporter 0.15.0 (serviceAccount: IRSA)', template: tpl('2.7.3', 'invoice-exporter') },
    ],
    pods: [{ revision: 19, node: names[2] ?? '', createdAgo: 46.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 3 }, 14) } }],
  });
  // What the EKS pod identity webhook adds at admission for a service account annotated eks.amazonaws.com/role-arn.
  for (const p of app.pods) {
    if (p.spec === undefined) continue;
    const c = p.spec.containers[0];
    if (c !== undefined) {
      p.spec.containers = [{
        ...c,
        env: [...(c.env ?? []), { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, { name: 'AWS_DEFAULT_REGION', value: 'eu-west-1' }, { name: 'AWS_ROLE_ARN', value: roleArn }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: tokenFile }],
        volumeMounts: [...(c.volumeMounts ?? []), { name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }],
      }];
    }
    p.spec.volumes = [...(p.spec.volumes ?? []), { name: 'aws-iam-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }] } }];
  }
  const pod = podOf(app, 0);
  const other = bystander(ns, 'invoice-api', names, 3 * DAYS, { revisions: [61, 62], versions: ['5.2.0', '5.2.1'], olderAgo: 20 * DAYS });
  const run = (t: number) => [
    `${goTime(t)} invoice-exporter 2.7.3 (go1.12.17, aws-sdk-go/1.19.49) starting`,
    `${goTime(t)} metrics listening on :9102`,
    `${goTime(t - 0.02)} checking access to s3://acme-billing-invoice-exports-prod`,
    `${goTime(t - 0.05)} fatal: s3 HeadBucket acme-billing-invoice-exports-prod: NoCredentialProviders: no valid providers in chain. Deprecated.`,
    '\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors',
  ];
  return {
    id: 'heldout99-irsa-go-sdk-too-old-for-web-identity',
    class: 'config',
    truth: 'Revision 19 of invoice-exporter (47 minutes ago) moved it from the node instance role to IRSA: the pod now runs as service account invoice-exporter (annotated eks.amazonaws.com/role-arn, so the webhook injects AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE and the projected token). The image was not rebuilt: it still ships aws-sdk-go 1.19.49, older than web identity support (1.23.13), so its credential chain ignores the token file; and the same day the platform team narrowed the node role and required IMDSv2 for pods, so no provider works: every AWS call fails with NoCredentialProviders and the exporter exits 1 on its startup S3 check. Rolling back would not help (the node role no longer grants the bucket); fix: rebuild with a current aws-sdk-go (or SDK v2).',
    ask: { service: 'invoice-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-exporter', selector: { app: 'invoice-exporter' }, pods: app.pods, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], endpointPort: 9102 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 46.6),
      scheduled(pod, 46.5),
      ...restartedAgain(pod, 'app', image('2.7.3'), { count: 15, firstAgo: 46.4, lastAgo: 2.2 }),
      backOff(pod, 'app', { count: 201, firstAgo: 46, lastAgo: 0.4 }),
      event({ on: nodes[1] ?? { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'NodeReady', message: `Node ${names[1]} status is now: NodeReady`, firstAgo: 9 * DAYS, lastAgo: 9 * DAYS }),
    ],
    logs: [
      logsFor(pod, 'app', { previous: lines(...run(2.15)), current: lines(`${goTime(0.3)} invoice-exporter 2.7.3 (go1.12.17, aws-sdk-go/1.19.49) starting`) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.8)}","msg":"GET /v2/invoices","status":200,"ms":21}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NoCredentialProviders|credential|web.?identity|IRSA|aws-sdk|SDK/i],
      facts: [/aws-sdk-go|1\.19\.49|SDK/i, /AWS_WEB_IDENTITY_TOKEN_FILE|web.?identity|IRSA|role-arn|service ?account/i, /NoCredentialProviders|no valid providers/i],
      never: [ADVISES_UNDO, /\bOOM/, /invoice-api/, /(image|tag)[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 2. a TLS certificate re-issued by a new internal CA the clients do not trust yet ------------

function certRotatedToUntrustedCa(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.131', ['22', '97', '188']);
  const image = `${ECR}/ledger/ledger-api:7.3.2`;
  const tpl = (hash: string) => ({
    annotations: { 'reloader.stakater.com/auto': 'true' },
    volumes: [{ name: 'tls', secret: { secretName: 'ledger-api-tls', defaultMode: 420 } }],
    containers: [container({
      image, ports: [{ name: 'https', containerPort: 8443 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SERVER_SSL_CERTIFICATE', value: '/etc/tls/tls.crt' },
        { name: 'SERVER_SSL_CERTIFICATE_PRIVATE_KEY', value: '/etc/tls/tls.key' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        { name: 'STAKATER_LEDGER_API_TLS_SECRET', value: hash },
      ],
      readiness: { httpGet: { path: '/actuator/health/readiness', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { httpGet: { path: '/actuator/health/liveness', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 40, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 31 * DAYS, template: tpl('5b1f0c8e9a7d2e44c61f03b8a9d7e2c1f0a4b6d3') },
      { revision: 41, createdAgo: 52, template: tpl('e0a93c41d7b25f8860c2a1b94e7d3f5a2c18b07e') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 51.5 - k * 1.2 })),
  });
  const clientImage = `${ECR}/ledger/settlement-worker:3.9.0`;
  const client = deploymentApp({
    namespace: ns,
    name: 'settlement-worker',
    replicas: 2,
    revisions: [{
      revision: 12, createdAgo: 9 * DAYS, template: {
        volumes: [{ name: 'ca', configMap: { name: 'internal-ca-bundle', defaultMode: 420 } }],
        containers: [container({ image: clientImage, ports: [{ name: 'metrics', containerPort: 9090 }], env: [{ name: 'LEDGER_URL', value: 'https://ledger-api.ledger.svc:443' }, { name: 'SSL_CERT_FILE', value: '/etc/ssl/internal/ca-bundle.pem' }], readiness: httpProbe('/healthz', 'metrics'), liveness: null, volumeMounts: [{ name: 'ca', mountPath: '/etc/ssl/internal', readOnly: true }] })],
      },
    }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[(k + 1) % 3] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const bundle = configMap({ namespace: ns, name: 'internal-ca-bundle', createdAgo: 290 * DAYS, data: { 'ca-bundle.pem': '# Acme Internal Root CA 2023\n-----BEGIN CERTIFICATE-----\nMIIFrzCCA5egAwIBAgIUGq3r0yR1x9b0b2m3k0x6yQ3p2ZcwDQYJKoZIhvcNAQEL\n...\n-----END CERTIFICATE-----\n' } });
  const cert = { kind: 'Certificate', name: 'ledger-api-tls', namespace: ns };
  const srvLog = (k: number) => {
    const out = [
      `${at(51.3 - k * 1.2).replace('Z', '+00:00')}  INFO 1 --- [ledger-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8443 (https) with context path '/'`,
      `${at(51.3 - k * 1.2).replace('Z', '+00:00')}  INFO 1 --- [ledger-api] [           main] com.acme.ledger.LedgerApplication        : Started LedgerApplication in 21.84 seconds (process running for 23.1)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 49 - i * 4.8 - k * 0.3;
      out.push(`${at(t).replace('Z', '+00:00')} DEBUG 1 --- [ledger-api] [o-8443-exec-${(i % 9) + 1}] o.a.tomcat.util.net.NioEndpoint         : Error during SSL handshake`);
      out.push('javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown');
      out.push('\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)');
      out.push('\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:365)');
      out.push('\tat java.base/sun.security.ssl.Alert$AlertConsumer.consume(Alert.java:287)');
    }
    out.push(`${at(0.6).replace('Z', '+00:00')}  INFO 1 --- [ledger-api] [o-8443-exec-4] c.a.ledger.web.RequestLoggingFilter      : GET /actuator/health/readiness 200 2ms`);
    return out;
  };
  const cliLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) out.push(`{"level":"error","ts":"${at(49.5 - i * 4 - k * 0.2)}","caller":"ledger/client.go:118","msg":"post settlement batch failed","batch":"stl-20261121-${String(400 + i * 3 + k).padStart(5, '0')}","attempt":${(i % 5) + 1},"error":"Post \\"https://ledger-api.ledger.svc:443/v1/settlements\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"crypto/rsa: verification error\\" while trying to verify candidate authority certificate \\"Acme Internal Issuing CA 2026\\")"}`);
    return out;
  };
  return {
    id: 'heldout99-tls-cert-reissued-by-untrusted-ca',
    class: 'network',
    truth: 'Last night the platform team moved cert-manager\'s Certificate ledger-api-tls to the new ClusterIssuer internal-ca-2026; cert-manager re-issued the Secret ledger-api-tls about 55 minutes ago with a certificate from "Acme Internal Issuing CA 2026", and Reloader rolled ledger-api (revision 41, only its secret-hash env changed) to load it. Its clients still trust only the 2023 root in the ConfigMap internal-ca-bundle (unchanged for 290 days), so their handshakes fail (x509: certificate signed by unknown authority) and ledger-api logs "Received fatal alert: certificate_unknown". ledger-api itself is healthy; the fix is to add the new CA to internal-ca-bundle (or re-issue from the old issuer until clients trust it).',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...client.objects, bundle,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'settlement-worker', selector: { app: 'settlement-worker' }, pods: client.pods, ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }], endpointPort: 9090 }),
      event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'Issuing certificate as Secret was previously issued by "ClusterIssuer.cert-manager.io/internal-ca-2023"', firstAgo: 55, lastAgo: 55, component: 'cert-manager-certificates-trigger' }),
      event({ on: cert, type: 'Normal', reason: 'Generated', message: 'Stored new private key in temporary Secret resource "ledger-api-tls-8k2wq"', firstAgo: 55, lastAgo: 55, component: 'cert-manager-certificates-key-manager' }),
      event({ on: cert, type: 'Normal', reason: 'Requested', message: 'Created new CertificateRequest resource "ledger-api-tls-3"', firstAgo: 55, lastAgo: 55, component: 'cert-manager-certificates-request-manager' }),
      event({ on: cert, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstAgo: 54.8, lastAgo: 54.8, component: 'cert-manager-certificates-issuing' }),
      event({ on: deploymentOf(app), type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 41)} to 1`, firstAgo: 52, lastAgo: 52, component: 'deployment-controller' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 49),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 51.5 - k * 1.2)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "https://${podOf(app, 0).status?.podIP ?? ''}:8443/actuator/health/readiness": dial tcp ${podOf(app, 0).status?.podIP ?? ''}:8443: connect: connection refused`, { count: 2, firstAgo: 51.2, lastAgo: 51 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...srvLog(k)) })),
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: lines(...cliLog(k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/certificate|\bCA\b|trust|x509|TLS|issuer/i],
      facts: [/ledger-api-tls/, /internal-ca-2026|Issuing CA 2026|new (internal )?CA|issuer/i, /internal-ca-bundle|CA bundle|trust/i],
      never: [ADVISES_UNDO, /expired|expiry/i, /\bOOM/, /private key[^\n]*(mismatch|wrong)/i],
    },
  };
}

// ---- 3. Node 18's strict llhttp rejects a legacy vendor's header -------------------------------

function node18InvalidHeaderChar(): CorpusScenario {
  const ns = 'shipping';
  const { nodes, names } = threeEksNodes('10.0.58', ['9', '121', '240']);
  const image = (v: string) => `${ECR}/shipping/carrier-rates:${v}`;
  const tpl = (v: string, nodeVersion: string) => ({
    labels: { 'app.kubernetes.io/version': v },
    containers: [container({ image: image(v), ports: [3000], cpu: '200m', memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'RUNTIME', value: `node${nodeVersion}` }, { name: 'FREIGHTLINK_URL', value: 'https://api.freightlink-legacy.example.net/RateService/v2' }], readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 10 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'carrier-rates',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: carrier-rates 3.11.4 (node:16.13.2-alpine)', template: tpl('3.11.4', '16.13.2') },
      { revision: 27, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: carrier-rates 3.12.0 (node:18.20.4-alpine)', template: tpl('3.12.0', '18.20.4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const other = bystander(ns, 'label-printer', names, 25, { revisions: [8, 9], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const appLog = (k: number) => {
    const out = [
      `{"level":30,"time":${Date.parse(at(2 * HOURS + 3.8 - k))},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"carrier-rates 3.12.0 listening on :3000 (node v18.20.4)"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 118 - i * 8.3 - k * 0.4;
      const ms = Date.parse(at(t));
      out.push(`{"level":50,"time":${ms},"pid":1,"hostname":"${nameOf(podOf(app, k))}","carrier":"freightlink","err":{"type":"Error","message":"Parse Error: Invalid header value char","stack":"Error: Parse Error: Invalid header value char\\n    at TLSSocket.socketOnData (node:_http_client:540:22)\\n    at TLSSocket.emit (node:events:519:28)\\n    at addChunk (node:internal/streams/readable:559:12)","bytesParsed":212,"code":"HPE_INVALID_HEADER_TOKEN","reason":"Invalid header value char","rawPacket":{"type":"Buffer"}},"msg":"freightlink quote request failed"}`);
      out.push(`{"level":30,"time":${ms + 4},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/quotes"},"res":{"statusCode":502},"responseTime":${140 + i * 3},"msg":"request completed"}`);
      if (i % 3 === 0) out.push(`{"level":30,"time":${ms + 90},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/quotes"},"res":{"statusCode":200},"responseTime":${88 + i},"carrier":"dhl","msg":"request completed"}`);
    }
    return out;
  };
  return {
    id: 'heldout99-node18-llhttp-invalid-header-char',
    class: 'rollout',
    truth: 'Revision 27 of carrier-rates (about two hours ago) moved its base image from node:16.13.2 to node:18.20.4. Node 18\'s llhttp parser is strict: the legacy vendor API FreightLink (unchanged) sends a response header with a control character in its value, which Node 16.13 tolerated, so every FreightLink quote now fails with "Parse Error: Invalid header value char" (HPE_INVALID_HEADER_TOKEN) and carrier-rates answers 502 for that carrier; other carriers work and the pods are healthy. Fix: roll back to revision 26 or run with --insecure-http-parser for that client (insecureHTTPParser) until the vendor fixes its header.',
    ask: { service: 'carrier-rates', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'carrier-rates', selector: { app: 'carrier-rates' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, 2 * HOURS + 1),
      ...app.pods.flatMap((p, k) => pulledFresh(p, 'app', image('3.12.0'), { atAgo: 2 * HOURS + 4 - k, bytes: 61_884_212, seconds: 3.1 })),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + (podOf(other, 0).status?.podIP ?? '') + ':8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 24.5, lastAgo: 24.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...appLog(k)) })),
    expect: {
      verdict: 'problems',
      headline: [/HPE_INVALID_HEADER|invalid header|header value|llhttp|Node(\.js)? ?(v)?18|insecure.?http.?parser/i],
      facts: [/Node(\.js)?:? ?v?18|node:18|18\.20/i, /HPE_INVALID_HEADER_TOKEN|Invalid header value char/i, /freightlink|vendor|upstream/i],
      never: [/\bOOM/, /ECONNREFUSED|connection refused|DNS|ENOTFOUND/i, /label-printer/, /(certificate|TLS handshake)/i],
    },
  };
}

// ---- 4. tini dropped: Chromium zombies pile up until the pids limit -----------------------------

function zombiesWithoutInit(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.204', ['35', '110', '166']);
  const image = (v: string) => `${ECR}/docs/pdf-renderer:${v}`;
  const tpl = (v: string, withInit: boolean) => ({
    containers: [container({
      image: image(v),
      ...(withInit ? { command: ['/sbin/tini', '--'], args: ['node', 'dist/server.js'] } : { command: ['node', 'dist/server.js'] }),
      ports: [8080], cpu: '1', memory: '2Gi',
      env: [{ name: 'PUPPETEER_EXECUTABLE_PATH', value: '/usr/bin/chromium' }, { name: 'BROWSER_POOL_SIZE', value: '4' }],
      readiness: httpProbe('/ready', 8080, { periodSeconds: 10, timeoutSeconds: 3 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    })],
  });
  const failing = running({ sinceAgo: 9 * HOURS + 40, ready: false });
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 17 * DAYS, changeCause: 'argocd: pdf-renderer 4.2.1', template: tpl('4.2.1', true) },
      { revision: 12, createdAgo: 9 * HOURS + 42, changeCause: 'argocd: pdf-renderer 4.3.0 (base image node:20-bookworm-slim)', template: tpl('4.3.0', false) },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * HOURS + 41, containers: { app: failing } },
      { revision: 12, node: names[2] ?? '', createdAgo: 9 * HOURS + 40, containers: { app: { ...failing, state: { running: { startedAt: new Date(Date.parse(at(9 * HOURS + 39))) } } } } },
    ],
    settled: { available: false, availableSince: 38, progressingSince: 9 * HOURS + 42, progressingUpdatedAgo: 9 * HOURS + 38 },
  });
  const other = bystander(ns, 'docs-search', names, 6 * HOURS, { revisions: [30, 31], versions: ['8.0.2', '8.0.3'], olderAgo: 14 * DAYS });
  const appLog = (k: number) => {
    const pod = nameOf(podOf(app, k));
    const out = [
      `${at(9 * HOURS + 39 - k)} info: pdf-renderer 4.3.0 listening on 0.0.0.0:8080 (pid 1, node v20.18.0)`,
      `${at(9 * HOURS + 39 - k)} info: browser pool started (size 4, executable /usr/bin/chromium)`,
    ];
    for (let i = 0; i < 6; i++) out.push(`${at(6 * HOURS - i * 40 - k)} info: rendered invoice-${88_120 + i * 17 + k}.pdf in ${900 + i * 37}ms (browser recycled after 50 pages)`);
    for (let i = 0; i < 8; i++) {
      const t = 44 - i * 5.5 - k * 0.3;
      out.push(`${at(t)} error: browser launch failed for job render-${71_400 + i * 9 + k}: Error: Failed to launch the browser process!`);
      out.push(`[${chromeTime(t)}:ERROR:platform_thread_posix.cc(155)] pthread_create: Resource temporarily unavailable (11)`);
      out.push(`[${chromeTime(t)}:FATAL:zygote_host_impl_linux.cc(201)] Check failed: . : Resource temporarily unavailable (11)`);
      out.push(`${at(t - 0.01)} error: Error: spawn EAGAIN\n    at ChildProcess.spawn (node:internal/child_process:421:11)\n    at spawn (node:child_process:761:9)\n    at ProcessLauncher.launch (/app/node_modules/@puppeteer/browsers/lib/cjs/launch.js:139:40) {\n  errno: -11,\n  code: 'EAGAIN',\n  syscall: 'spawn /usr/bin/chromium',\n  path: '/usr/bin/chromium'\n}`);
      out.push(`${at(t - 0.02)} warn: GET /ready 503 browser pool empty (0/4 healthy) pod=${pod}`);
    }
    return out;
  };
  return {
    id: 'heldout99-tini-removed-zombies-hit-pids-limit',
    class: 'containers',
    truth: 'Revision 12 of pdf-renderer (4.3.0, about 9h40m ago) moved to a new base image and dropped tini: the container command went from `/sbin/tini -- node dist/server.js` to `node dist/server.js`, so Node is PID 1. Chromium processes that Puppeteer orphans when it recycles a browser are re-parented to PID 1, which never reaps them; <defunct> zombies accumulated for hours until the pod hit its pids limit (kubelet podPidsLimit 1024), and now every browser launch fails with spawn EAGAIN / pthread_create: Resource temporarily unavailable, so readiness answers 503 and both pods are out of the Service. Fix: restore tini (or shareProcessNamespace / --init) and restart the pods.',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'docs-search', selector: { app: 'docs-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 0, 1, 9 * HOURS + 38),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('4.3.0'), 9 * HOURS + 41 - k)),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 214 - k * 9, firstAgo: 41 - k * 2, lastAgo: 0.2 })),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://' + (podOf(app, 0).status?.podIP ?? '') + ':8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 7 * HOURS, lastAgo: 7 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...appLog(k)) })),
    expect: {
      verdict: 'problems',
      headline: [/zombie|defunct|reap|tini|--init|\binit\b|PID ?1\b|pids?.?limit/i],
      facts: [/tini|init process|--init/i, /EAGAIN|Resource temporarily unavailable/i, /zombie|defunct|reap|pids?.?limit|PID 1/i],
      never: [/\bOOM/, /out of memory|memory limit/i, /nofile|file descriptors|ulimit -n/i, /docs-search/],
    },
  };
}

// ---- 5. built with target-cpu=native: SIGILL on the older node pool -----------------------------

function gkeNode(pool: string, machine: string, suffix: string, zone: string, createdAgo: number): k8s.V1Node {
  const name = `gke-prod-euw4-${pool}-${suffix}`;
  const n = node({ name, zone, instanceType: machine, createdAgo });
  const labels = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  labels['cloud.google.com/gke-nodepool'] = pool;
  labels['cloud.google.com/machine-family'] = machine.split('-')[0] ?? machine;
  labels['node.kubernetes.io/instance-type'] = machine;
  labels['beta.kubernetes.io/instance-type'] = machine;
  if (n.metadata) n.metadata.labels = labels;
  if (n.spec) n.spec.providerID = `gce://acme-prod-search/${zone}/${name}`;
  return n;
}

function avx512Sigill(): CorpusScenario {
  const ns = 'search';
  const old = [gkeNode('n2d-pool', 'n2d-standard-8', '7c1e2a90-k4mz', 'europe-west4-a', 210 * DAYS), gkeNode('n2d-pool', 'n2d-standard-8', '7c1e2a90-q9tx', 'europe-west4-b', 210 * DAYS)];
  const neu = [gkeNode('c3-pool', 'c3-standard-8', '1b84d0f3-2hjw', 'europe-west4-a', 20 * DAYS), gkeNode('c3-pool', 'c3-standard-8', '1b84d0f3-v7rc', 'europe-west4-c', 20 * DAYS)];
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-prod-search/services/vector-ranker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), command: ['/entrypoint.sh'], ports: [{ name: 'grpc', containerPort: 7070 }, { name: 'http', containerPort: 8080 }], cpu: '2', memory: '3Gi', env: [{ name: 'RUST_LOG', value: 'info' }, { name: 'INDEX_PATH', value: '/data/index' }], readiness: httpProbe('/ready', 'http'), liveness: httpProbe('/live', 'http', { initialDelaySeconds: 15 }) })],
  });
  const sigill = { exitCode: 132, finishedAgo: 1.4, ranSeconds: 1 };
  const app = deploymentApp({
    namespace: ns,
    name: 'vector-ranker',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } },
    revisions: [
      { revision: 8, createdAgo: 19 * DAYS, changeCause: 'ci: vector-ranker 2.5.3', template: tpl('2.5.3') },
      { revision: 9, createdAgo: 36, changeCause: 'ci: vector-ranker 2.6.0', template: tpl('2.6.0') },
    ],
    pods: [
      { revision: 8, node: nameOf(old[0]), createdAgo: 19 * DAYS },
      { revision: 8, node: nameOf(old[1]), createdAgo: 19 * DAYS - 2 },
      { revision: 9, node: nameOf(neu[0]), createdAgo: 35.5 },
      { revision: 9, node: nameOf(neu[1]), createdAgo: 35.4 },
      { revision: 9, node: nameOf(old[0]), createdAgo: 34, containers: { app: crashLoop(sigill, 11) } },
      { revision: 9, node: nameOf(old[1]), createdAgo: 34, containers: { app: crashLoop({ ...sigill, finishedAgo: 3.2 }, 11) } },
    ],
  });
  const crashers = [podOf(app, 4), podOf(app, 5)];
  const other = deploymentApp({
    namespace: ns, name: 'query-suggest', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 11 * DAYS, template: { containers: [container({ image: image('x').replace('vector-ranker:x', 'query-suggest:1.9.2') })] } }],
    pods: [{ revision: 14, node: nameOf(old[0]), createdAgo: 11 * DAYS }, { revision: 14, node: nameOf(neu[1]), createdAgo: 11 * DAYS }],
  });
  const start = (t: number) => [
    `${at(t)}  INFO vector_ranker: vector-ranker 2.6.0 (rustc 1.82.0, build profile release) starting`,
    `${at(t)}  INFO vector_ranker::index: loading index from /data/index (shards=16)`,
  ];
  return {
    id: 'heldout99-target-cpu-native-sigill-old-pool',
    class: 'containers',
    truth: 'vector-ranker 2.6.0 (revision 9, 36 minutes ago) was the first build on the new c3 CI runners with RUSTFLAGS="-C target-cpu=native", so the binary uses AVX-512 instructions. Its pods on the c3-pool nodes (Sapphire Rapids) run fine, but those scheduled on the older n2d-pool nodes (AMD Milan, no AVX-512) die with SIGILL, "Illegal instruction (core dumped)", exit code 132, and crash-loop; the rollout is stuck with the two revision-8 pods on n2d still serving. Fix: build for a portable target (x86-64-v3 or no target-cpu=native), or pin the pods to c3-pool.',
    ask: { service: 'vector-ranker', namespace: ns },
    objects: [
      ...old, ...neu, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'vector-ranker', selector: { app: 'vector-ranker' }, pods: app.pods, ports: [{ name: 'grpc', port: 7070, targetPort: 'grpc' }, { name: 'http', port: 80, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'query-suggest', selector: { app: 'query-suggest' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 2, 0, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 2, 4, 34.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 4, 2, 34.1),
      ...[podOf(app, 2), podOf(app, 3)].flatMap((p) => pulledFresh(p, 'app', image('2.6.0'), { atAgo: 35.5, bytes: 48_221_904, seconds: 2.7 })),
      ...crashers.flatMap((p) => [
        ...pulledFresh(p, 'app', image('2.6.0'), { atAgo: 34, bytes: 48_221_904, seconds: 2.9 }),
        ...restartedAgain(p, 'app', image('2.6.0'), { count: 11, firstAgo: 33.8, lastAgo: 3.3 }),
        backOff(p, 'app', { count: 150, firstAgo: 33.5, lastAgo: 0.3 }),
      ]),
      event({ on: { kind: 'Node', name: nameOf(old[1]) }, type: 'Normal', reason: 'NodeHasNoDiskPressure', message: `Node ${nameOf(old[1])} status is now: NodeHasNoDiskPressure`, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS }),
    ],
    logs: [
      ...crashers.map((p, k) => logsFor(p, 'app', { previous: lines(...start(1.42 + k * 1.8), `/entrypoint.sh: line 9:     7 Illegal instruction     (core dumped) /usr/local/bin/vector-ranker --config /etc/vector-ranker/config.toml "$@"`) })),
      ...[podOf(app, 2), podOf(app, 3)].map((p) => logsFor(p, 'app', { current: lines(...start(35.3), `${at(35.1)}  INFO vector_ranker::index: index loaded in 11.4s (vectors=18204113, dim=768)`, `${at(35.1)}  INFO vector_ranker::server: gRPC on 0.0.0.0:7070, HTTP on 0.0.0.0:8080`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/illegal instruction|SIGILL|\b132\b|AVX|instruction set|target-cpu|CPU (feature|architecture|model)/i],
      facts: [/\b132\b|SIGILL|Illegal instruction/i, /n2d/i, /AVX|target-cpu|march|instruction set|CPU/i],
      never: [/\bOOM/, /segfault|SIGSEGV|\b139\b/i, /arm64|exec format error/i, /query-suggest/],
    },
  };
}

// ---- 6. Express 413: a caller's revision sends bodies over body-parser's 100kb ------------------

function express413BodyLimit(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.77', ['41', '129', '230']);
  const apiImage = `${ECR}/orders/orders-api:6.4.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [{ revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-api 6.4.1', template: { containers: [container({ image: apiImage, ports: [3000], cpu: '300m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 12 * DAYS - k, containers: k === 1 ? { app: running({ sinceAgo: 4 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS } }) } : undefined })),
  });
  const bffImage = (v: string) => `${ECR}/orders/storefront-bff:${v}`;
  const bff = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-bff 9.20.0', template: { containers: [container({ image: bffImage('9.20.0') })] } },
      { revision: 58, createdAgo: 58, changeCause: 'argocd: storefront-bff 9.21.0 (checkout: send full cart snapshot)', template: { containers: [container({ image: bffImage('9.21.0'), env: [{ name: 'ORDERS_API_URL', value: 'http://orders-api.orders.svc.cluster.local' }, { name: 'CHECKOUT_CART_SNAPSHOT', value: 'full' }] })] } },
    ],
    pods: [{ revision: 58, node: names[0] ?? '', createdAgo: 57.5 }, { revision: 58, node: names[2] ?? '', createdAgo: 56.8 }],
  });
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 55 - i * 3.9 - k * 0.2;
      const len = 131_000 + ((i * 7919 + k * 3571) % 160_000);
      if (i % 2 === 0) out.push(`${at(t + 0.05)} info: POST /v1/orders 201 ${40 + i}ms - 2.1kb (bytes_in=${8_000 + i * 310})`);
      out.push(`${at(t)} error: PayloadTooLargeError: request entity too large\n    at readStream (/app/node_modules/raw-body/index.js:163:17)\n    at getRawBody (/app/node_modules/raw-body/index.js:116:12)\n    at read (/app/node_modules/body-parser/lib/read.js:79:3)\n    at jsonParser (/app/node_modules/body-parser/lib/types/json.js:138:5)\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\n    at trim_prefix (/app/node_modules/express/lib/router/index.js:328:13)\n    at /app/node_modules/express/lib/router/index.js:286:9 {\n  expected: ${len},\n  length: ${len},\n  limit: 102400,\n  type: 'entity.too.large'\n}`);
      out.push(`${at(t - 0.01)} info: POST /v1/orders 413 1ms - 1.2kb`);
    }
    out.push(`${at(0.5)} info: GET /v1/orders/ord_8HcK2wQ 200 9ms - 3.4kb`);
    return out;
  };
  const bffLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) out.push(`{"level":"error","time":"${at(54 - i * 5 - k * 0.4)}","service":"storefront-bff","msg":"checkout failed","cartId":"cart_${(7_100_000 + i * 977 + k * 13).toString(36)}","upstream":"orders-api","status":413,"body":"<!DOCTYPE html>\\n<html lang=\\"en\\">\\n<head>\\n<meta charset=\\"utf-8\\">\\n<title>Error</title>\\n</head>\\n<body>\\n<pre>PayloadTooLargeError: request entity too large</pre>\\n</body>\\n</html>\\n"}`);
    return out;
  };
  return {
    id: 'heldout99-express-413-body-parser-100kb',
    class: 'config',
    truth: 'orders-api (unchanged for 12 days, healthy pods) parses JSON with express.json() and its default body limit of 100kb. Revision 58 of the caller storefront-bff (9.21.0, 58 minutes ago) started sending the full cart snapshot in POST /v1/orders, so large carts exceed 102400 bytes and orders-api answers 413 "PayloadTooLargeError: request entity too large"; small orders still go through. Fix: raise the limit (express.json({ limit: "1mb" })) in orders-api or slim the payload (or roll storefront-bff back to 9.20.0). The OOMKilled restart four days ago is unrelated.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...bff.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods }),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 57), 0, 1, 56.5),
      ...bff.pods.flatMap((p, k) => pulledFresh(p, 'app', bffImage('9.21.0'), { atAgo: 57.5 - k * 0.7, bytes: 88_314_020, seconds: 4.2 })),
      event({ on: podOf(api, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(api, 1).status?.podIP ?? ''}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 4 * DAYS + 2, lastAgo: 4 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(...apiLog(k)) })),
      ...bff.pods.map((p, k) => logsFor(p, 'app', { current: lines(...bffLog(k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b413\b|PayloadTooLarge|entity too large|body.?(size|limit)|100 ?kb|too large/i],
      facts: [/100 ?kb|102400/i, /storefront-bff/, /413|PayloadTooLarge|entity too large/i],
      never: [/memory (limit|pressure)|\bOOM[^\n]*(caus|led to|result)/i, /client_max_body_size|ingress|nginx/i, /orders-api[^\n]*(revision|rollout)[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 7. healthy control: an nginx docs portal with its harmless warnings -------------------------

function healthyNginxWarnings(): CorpusScenario {
  const ns = 'devportal';
  const { nodes, names } = threeEksNodes('10.0.12', ['66', '143', '219']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-portal',
    replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 15 * DAYS, template: { volumes: [{ name: 'conf', configMap: { name: 'docs-portal-nginx', defaultMode: 420 } }], containers: [container({ name: 'nginx', image, ports: [8080], cpu: '50m', memory: '64Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }], securityContext: { runAsUser: 101, runAsNonRoot: true } })] } },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 15 * DAYS, containers: { nginx: running({ sinceAgo: 6 * DAYS, last: { exitCode: 0, reason: 'Completed', finishedAgo: 6 * DAYS } }) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 15 * DAYS - 1 },
    ],
  });
  const conf = configMap({ namespace: ns, name: 'docs-portal-nginx', createdAgo: 15 * DAYS, data: { 'default.conf': 'server {\n  listen 8080;\n  root /usr/share/nginx/html;\n  location /healthz { return 200 "ok"; }\n  location /api/ { proxy_pass http://docs-search.devportal.svc.cluster.local; }\n}\n' } });
  const search = bystander(ns, 'docs-search', names, 9 * DAYS, { revisions: [17, 18], versions: ['3.0.4', '3.0.5'], olderAgo: 40 * DAYS });
  const log = (k: number) => [
    `${ngxTime(6 * DAYS - k)} [warn] 1#1: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`,
    `nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`,
    `${ngxTime(6 * DAYS - k)} [notice] 1#1: using the "epoll" event method`,
    `${ngxTime(6 * DAYS - k)} [notice] 1#1: nginx/1.27.2`,
    `${ngxTime(6 * DAYS - k)} [notice] 1#1: start worker processes`,
    `${ngxTime(42 - k)} [warn] 29#29: *18231 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/3/41/0000000413 while reading upstream, client: 10.0.143.12, server: , request: "GET /api/export?format=json HTTP/1.1", upstream: "http://172.20.88.14:80/api/export?format=json", host: "docs.acme.dev"`,
    `10.0.143.12 - - [${clfTime(42 - k)}] "GET /api/export?format=json HTTP/1.1" 200 2841191 "-" "python-requests/2.32.3" "203.0.113.77"`,
    `10.0.66.1 - - [${clfTime(0.4)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31" "-"`,
    `10.0.12.8 - - [${clfTime(0.3)}] "GET /guides/getting-started/ HTTP/1.1" 200 18422 "https://docs.acme.dev/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36" "198.51.100.23"`,
  ];
  return {
    id: 'heldout99-healthy-nginx-user-directive-warnings',
    class: 'healthy',
    truth: 'docs-portal is healthy: both nginx pods are Ready and serving 200s. The "user" directive warning is printed because the container runs as non-root (uid 101) and is harmless; the "upstream response is buffered to a temporary file" warning only says a large export response spilled to disk; the restart six days ago was a clean exit 0 during a node maintenance. Nothing to fix.',
    ask: { service: 'docs-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...search.objects, conf,
      ...exposed({ namespace: ns, name: 'docs-portal', selector: { app: 'docs-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'docs-search', selector: { app: 'docs-search' }, pods: search.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'nginx', { current: lines(...log(k)) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|running|ready/i],
      facts: [/docs-portal/],
      never: [/user.? directive[^\n]*(cause|problem|fail)/i, /buffered|temporary file/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  irsaOldGoSdk(),
  certRotatedToUntrustedCa(),
  node18InvalidHeaderChar(),
  zombiesWithoutInit(),
  avx512Sigill(),
  express413BodyLimit(),
  healthyNginxWarnings(),
];
