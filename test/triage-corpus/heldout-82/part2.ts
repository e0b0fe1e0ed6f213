// Held-out stories, eighty-second round, part two:
// 1. storefront-web (Node): the LaunchDarkly SDK key was rotated with immediate expiry of the old key;
//    the SDK's stream gets 401 "invalid SDK key", gives up, and every flag serves its default, so
//    express checkout silently switched off for all users while the pods stay healthy.
// 2. orders-api (Node, jsonwebtoken): identity-service 5.0.0 now signs access tokens RS256 while
//    orders-api only accepts HS256 → "JsonWebTokenError: invalid algorithm" and 401 on every call.
// 3. ledger-writer (Spring Kafka): the new fraud-scorer copied its group.id "payments-events-consumer",
//    so the group's 12 partitions are split across both services and ledger-writer misses payments.
// 4. quote-service (OkHttp): stock-api 3.8.0 lowered its HTTP idle timeout to 2s, under OkHttp's 5-minute
//    pool keep-alive, so reused pooled connections die with "unexpected end of stream".
// 5. billing-sync (Java): tax-gateway's renewed certificate is served without its intermediate, so the
//    JVM fails "PKIX path building failed: unable to find valid certification path to requested target".
// 6. span-aggregator (Go): revision 23 set GOGC=off in the env; the heap never shrinks and the container
//    is OOMKilled every ~20 minutes.
// 7. Healthy control: a FastAPI auth service whose startup logs passlib's harmless
//    "(trapped) error reading bcrypt version" trace.
import {
  DAYS, ECR, HOURS, at, configMap, container, deploymentApp, event, exposed, httpProbe, pyTime, running, scaledReplicaSet, rsOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const ipOf = (app: Built, i: number): string => podOf(app, i).status?.podIP ?? '10.0.0.1';
/** Spring Boot / logback console time: `2026-11-21T03:12:41.563Z`. */
const springTime = (m: number): string => at(m);

// ---- 1. LaunchDarkly SDK key revoked by a rotation ----------------------------------------------

function launchDarklyKeyRevoked(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.81', ['14', '122', '209']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'LD_SDK_KEY', valueFrom: { secretKeyRef: { name: 'launchdarkly', key: 'sdk-key' } } },
        { name: 'LD_STREAM_URI', value: 'https://stream.launchdarkly.com' },
        { name: 'CHECKOUT_API_URL', value: 'http://checkout-api.storefront.svc.cluster.local:8080' },
      ],
      readiness: httpProbe('/healthz/ready', 3000), liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const web = deploymentApp3(ns, 'storefront-web', [
    { revision: 88, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront-web 12.4.0', template: tpl('12.4.0') },
    { revision: 89, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-web 12.4.1', template: tpl('12.4.1') },
    { revision: 90, createdAgo: 85, changeCause: 'kubectl rollout restart', template: { ...tpl('12.4.1'), annotations: { 'kubectl.kubernetes.io/restartedAt': at(85) } } },
  ], [0, 1, 2].map((k) => ({ revision: 90, node: names[k] ?? '', createdAgo: 85 - k })));
  const other = bystander(ns, 'checkout-api', names, 75, { revisions: [41, 42], versions: ['7.2.0', '7.3.0'], olderAgo: 12 * DAYS });
  const log = (k: number) => {
    const host = podOf(web, k).metadata?.name ?? '';
    const out = [
      `{"level":30,"time":"${at(84.8 - k)}","pid":1,"hostname":"${host}","msg":"storefront-web 12.4.1 listening on :3000"}`,
      `info: [LaunchDarkly] Opened LaunchDarkly stream connection`,
      `error: [LaunchDarkly] Received error 401 (invalid SDK key) for streaming request - giving up permanently`,
      `{"level":40,"time":"${at(84.7 - k)}","pid":1,"hostname":"${host}","msg":"LaunchDarkly client failed to initialize, serving flag defaults","err":{"type":"LDInvalidSDKKeyError","message":"Received error 401 (invalid SDK key) for streaming request - giving up permanently"}}`,
      `warn: [LaunchDarkly] Variation called before LaunchDarkly client initialization completed (did you wait for the 'ready' event?) - using default value`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 80 - i * 10 - k;
      out.push(`{"level":30,"time":"${at(t)}","pid":1,"hostname":"${host}","msg":"flag evaluation","flag":"express-checkout","value":false,"reason":{"kind":"ERROR","errorKind":"CLIENT_NOT_READY"},"count":${1700 + i * 37}}`);
      out.push(`{"level":30,"time":"${at(t - 0.2)}","pid":1,"hostname":"${host}","req":{"method":"GET","url":"/checkout"},"res":{"statusCode":200},"responseTime":${48 + i},"msg":"request completed","checkoutFlow":"classic"}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout82-launchdarkly-sdk-key-revoked',
    class: 'config',
    truth: 'About 90 minutes ago the platform team rotated the LaunchDarkly server-side SDK key for production with "expire old key immediately", updated the key in the wrong environment\'s secret store path, and ran `kubectl rollout restart` (revision 90, same image 12.4.1) to pick it up. The launchdarkly Secret still holds the revoked key, so every new pod\'s SDK gets 401 "invalid SDK key", gives up permanently and never initializes; every variation returns the code default (express-checkout=false), so express checkout is silently off for all users while the pods are Running and ready. Rolling back to revision 89 would not help (same Secret). Fix: put the new SDK key into the launchdarkly Secret and restart storefront-web.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...web.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 42), 2, 0, 75),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 0, 2, 73),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(web, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/LaunchDarkly|SDK key|feature flag|\bflags?\b/i, /401|invalid SDK key|rotat|revoked|unauthori[sz]ed|default/i],
      facts: [/invalid SDK key/i, /express-checkout|default value|defaults?/i, /launchdarkly|LD_SDK_KEY/i],
      never: [ADVISES_ROLLBACK, /checkout-api[^\n]*(cause|broke|fail)/i, /\bOOM/],
    },
  };
}

/** deploymentApp with pods whose stories are optional. */
function deploymentApp3(ns: string, name: string, revisions: Parameters<typeof deploymentApp>[0]['revisions'], pods: (Parameters<typeof deploymentApp>[0]['pods'][number] & { containers?: Record<string, ReturnType<typeof running>> | undefined })[], settledAgo?: number): Built {
  const last = revisions[revisions.length - 1]?.createdAgo ?? 60;
  const s = settledAgo ?? last - 3;
  return deploymentApp({
    namespace: ns, name, replicas: pods.length, revisions,
    pods: pods.map((p) => { const { containers, ...rest } = p; return containers === undefined ? rest : { ...rest, containers }; }),
    settled: { available: true, availableSince: s, progressingSince: last, progressingUpdatedAgo: s },
  });
}

// ---- 2. JWT algorithm mismatch RS256 vs HS256 ------------------------------------------------------

function jwtAlgorithmMismatch(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.82', ['27', '140', '233']);
  const idImage = (v: string) => `${ECR}/identity/identity-service:${v}`;
  const idTpl = (v: string, alg: string, extra: { name: string; value: string }[]) => ({
    containers: [container({
      image: idImage(v), ports: [8080], cpu: '250m', memory: '384Mi',
      env: [{ name: 'JWT_ISSUER', value: 'https://id.acme-shop.io' }, { name: 'JWT_SIGNING_ALG', value: alg }, ...extra, { name: 'TOKEN_TTL', value: '15m' }],
    })],
  });
  const identity = deploymentApp3(ns, 'identity-service', [
    { revision: 17, createdAgo: 20 * DAYS, changeCause: 'argocd: identity-service 4.9.2', template: idTpl('4.9.2', 'HS256', [{ name: 'JWT_SECRET_FILE', value: '/var/run/secrets/jwt/hmac.key' }]) },
    { revision: 18, createdAgo: 52, changeCause: 'argocd: identity-service 5.0.0 (asymmetric signing, JWKS)', template: idTpl('5.0.0', 'RS256', [{ name: 'JWT_PRIVATE_KEY_FILE', value: '/var/run/secrets/jwt/rs256.pem' }, { name: 'JWT_KID', value: 'id-2026-11' }]) },
  ], [0, 1].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 51 - k })));
  const image = `${ECR}/commerce/orders-api:3.14.2`;
  const orders = deploymentApp3(ns, 'orders-api', [
    { revision: 63, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 3.14.2', template: { containers: [container({ image, ports: [8080], cpu: '400m', memory: '512Mi', env: [
      { name: 'JWT_ISSUER', value: 'https://id.acme-shop.io' },
      { name: 'JWT_ALGORITHMS', value: 'HS256' },
      { name: 'JWT_SECRET', valueFrom: { secretKeyRef: { name: 'jwt-hmac', key: 'key' } } },
      { name: 'PG_HOST', value: 'orders-db.cluster-cq1x8.eu-west-1.rds.amazonaws.com' },
    ] })] } },
  ], [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 6 * DAYS - k })));
  const log = (k: number) => {
    const out = [
      `{"level":30,"time":${Date.parse(at(6 * DAYS - k))},"msg":"orders-api 3.14.2 listening","port":8080}`,
      `{"level":40,"time":${Date.parse(at(2 * DAYS + 100))},"msg":"slow query","durationMs":1830,"query":"select * from orders where customer_id = $1 order by created_at desc"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 50 - i * 5 - k * 0.3;
      out.push(`{"level":40,"time":${Date.parse(at(t))},"reqId":"req-${(k * 97 + i * 13).toString(36)}","msg":"token verification failed","err":{"type":"JsonWebTokenError","message":"invalid algorithm","stack":"JsonWebTokenError: invalid algorithm\\n    at /app/node_modules/jsonwebtoken/verify.js:155:19\\n    at getSecret (/app/node_modules/jsonwebtoken/verify.js:97:14)\\n    at module.exports [as verify] (/app/node_modules/jsonwebtoken/verify.js:101:10)\\n    at authenticate (/app/dist/middleware/auth.js:22:31)"},"tokenHeader":{"alg":"RS256","typ":"JWT","kid":"id-2026-11"},"allowed":["HS256"]}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"reqId":"req-${(k * 97 + i * 13).toString(36)}","req":{"method":"${i % 2 ? 'POST' : 'GET'}","url":"/v1/orders${i % 2 ? '' : '?limit=20'}"},"res":{"statusCode":401},"responseTime":${2 + (i % 3)},"msg":"request completed"}`);
    }
    out.push(`{"level":30,"time":${Date.parse(at(0.5))},"req":{"method":"GET","url":"/healthz"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`);
    return out.join('\n') + '\n';
  };
  const idLog = (k: number) => [
    `{"ts":"${at(51 - k)}","level":"INFO","logger":"identity","msg":"starting identity-service 5.0.0"}`,
    `{"ts":"${at(51 - k)}","level":"INFO","logger":"identity.keys","msg":"loaded signing key","alg":"RS256","kid":"id-2026-11","jwks":"/.well-known/jwks.json"}`,
    `{"ts":"${at(40 - k)}","level":"INFO","logger":"identity.token","msg":"issued access token","alg":"RS256","client_id":"web-spa","sub":"u_81734"}`,
  ].join('\n') + '\n';
  return {
    id: 'heldout82-jwt-rs256-vs-hs256',
    class: 'config',
    truth: 'identity-service 5.0.0 (revision 18, rolled out 52 minutes ago) switched access-token signing from HS256 to RS256 (JWT_SIGNING_ALG=RS256, kid id-2026-11, JWKS). orders-api was not migrated: its verifier only allows HS256 (JWT_ALGORITHMS=HS256 with the shared HMAC secret), so jsonwebtoken rejects every new token with "invalid algorithm" and orders-api returns 401 for all authenticated calls; its pods are healthy and unchanged for 6 days. Fix: configure orders-api to verify RS256 against identity-service\'s JWKS (or temporarily roll identity-service back to 4.9.2 / HS256).',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...identity.objects, ...orders.objects,
      ...exposed({ namespace: ns, name: 'identity-service', selector: { app: 'identity-service' }, pods: identity.pods }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: orders.pods }),
      scaledReplicaSet(deploymentOf(identity), rsOf(identity, 18), 2, 0, 52),
      scaledReplicaSet(deploymentOf(identity), rsOf(identity, 17), 0, 2, 50),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(orders, k), 'app', { current: log(k) })),
      ...[0, 1].map((k) => logsFor(podOf(identity, k), 'app', { current: idLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RS256|HS256|invalid algorithm|\balg(orithm)?\b/i],
      facts: [/identity-service/, /RS256/, /HS256/, /401|invalid algorithm/i],
      never: [/jwt expired|token expired|expired token/i, /clock skew/i, /orders-api[^\n]*(roll ?back|rollout undo)/i],
    },
  };
}

// ---- 3. two services sharing one Kafka consumer group --------------------------------------------------

function sharedConsumerGroup(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.83', ['33', '151', '218']);
  const kafkaProps = (group: string) => [
    'spring.kafka.bootstrap-servers=b-1.payments-msk.k3x9qa.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.payments-msk.k3x9qa.c4.kafka.eu-west-1.amazonaws.com:9098',
    `spring.kafka.consumer.group-id=${group}`,
    'spring.kafka.consumer.auto-offset-reset=earliest',
    'spring.kafka.consumer.enable-auto-commit=false',
    'app.topics.payments=payment-events',
  ].join('\n');
  const ledgerCm = configMap({ namespace: ns, name: 'ledger-writer-config', createdAgo: 200 * DAYS, updatedAgo: 30 * DAYS, data: { 'application.properties': kafkaProps('payments-events-consumer') } });
  const fraudCm = configMap({ namespace: ns, name: 'fraud-scorer-config', createdAgo: 2 * HOURS + 30, data: { 'application.properties': kafkaProps('payments-events-consumer') + '\nfraud.model.path=/models/gbm-2026-11.onnx' } });
  const tpl = (name: string, v: string) => ({
    containers: [container({
      image: `${ECR}/payments/${name}:${v}`, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: '/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: `${name}-config`, defaultMode: 420 } }],
  });
  const ledger = deploymentApp3(ns, 'ledger-writer', [
    { revision: 21, createdAgo: 30 * DAYS, changeCause: 'argocd: ledger-writer 2.7.0', template: tpl('ledger-writer', '2.7.0') },
  ], [0, 1].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 4 * DAYS - k })));
  const fraud = deploymentApp3(ns, 'fraud-scorer', [
    { revision: 1, createdAgo: 2 * HOURS + 28, changeCause: 'argocd: fraud-scorer 0.1.0 (initial)', template: tpl('fraud-scorer', '0.1.0') },
  ], [1, 2].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 2 * HOURS + 28 - k })));
  const coord = (client: string) => `[Consumer clientId=${client}, groupId=payments-events-consumer]`;
  const ledgerParts = [['0', '1', '2'], ['3', '4', '5']];
  const ledgerLog = (k: number) => {
    const client = `consumer-payments-events-consumer-${k + 1}`;
    const parts = (ledgerParts[k] ?? []).map((p) => `payment-events-${p}`).join(', ');
    const pod = podOf(ledger, k).metadata?.name ?? '';
    return [
      `${springTime(4 * DAYS - k)}  INFO 1 --- [ledger-writer] [           main] c.a.p.ledger.LedgerWriterApplication     : Started LedgerWriterApplication in 14.382 seconds (process running for 15.9)`,
      `${springTime(4 * DAYS - k - 0.2)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : payments-events-consumer: partitions assigned: [payment-events-${k * 6}, payment-events-${k * 6 + 1}, payment-events-${k * 6 + 2}, payment-events-${k * 6 + 3}, payment-events-${k * 6 + 4}, payment-events-${k * 6 + 5}]`,
      `${springTime(26 * HOURS)}  WARN 1 --- [ledger-writer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Offset commit failed on partition payment-events-${k * 6} at offset 88213: The coordinator is loading and hence can't process requests.`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Request joining group due to: group is already rebalancing`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Revoke previously assigned partitions payment-events-${k * 6}, payment-events-${k * 6 + 1}, payment-events-${k * 6 + 2}, payment-events-${k * 6 + 3}, payment-events-${k * 6 + 4}, payment-events-${k * 6 + 5}`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Successfully joined group with generation Generation{generationId=214, memberId='${client}-6f0c2a1e-${pod.slice(-5)}', protocol='range'}`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Notifying assignor about the new Assignment(partitions=[${parts}])`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : payments-events-consumer: partitions assigned: [${parts}]`,
      `${springTime(40 + k)}  WARN 1 --- [ledger-writer] [   scheduling-1] c.a.p.ledger.ReconciliationJob           : Reconciliation: 1834 captured payments in the last 2h have no ledger entry (e.g. pay_9KfA21x, pay_9KfB07q, pay_9KfC88d); first missing at ${at(2 * HOURS + 25)}`,
      `${springTime(10 + k)}  WARN 1 --- [ledger-writer] [   scheduling-1] c.a.p.ledger.ReconciliationJob           : Reconciliation: 2291 captured payments in the last 2h have no ledger entry (e.g. pay_9KgQ310, pay_9KgR7a2)`,
      `${springTime(1 + k * 0.1)}  INFO 1 --- [ledger-writer] [ntainer#0-0-C-1] c.a.p.ledger.PaymentEventListener        : ledger entry written payment=pay_9Kh${k}Z1 partition=${ledgerParts[k]?.[0] ?? '0'} offset=${91002 + k}`,
    ].join('\n') + '\n';
  };
  const fraudLog = (k: number) => {
    const client = `consumer-payments-events-consumer-${k + 1}`;
    const parts = (k === 0 ? ['6', '7', '8'] : ['9', '10', '11']).map((p) => `payment-events-${p}`).join(', ');
    return [
      `${springTime(2 * HOURS + 27 - k)}  INFO 1 --- [fraud-scorer] [           main] c.a.p.fraud.FraudScorerApplication       : Started FraudScorerApplication in 11.027 seconds (process running for 12.4)`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [fraud-scorer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${coord(client)} Successfully joined group with generation Generation{generationId=214, memberId='${client}-b1d9e3c4', protocol='range'}`,
      `${springTime(2 * HOURS + 26 - k)}  INFO 1 --- [fraud-scorer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : payments-events-consumer: partitions assigned: [${parts}]`,
      `${springTime(3)}  INFO 1 --- [fraud-scorer] [ntainer#0-0-C-1] c.a.p.fraud.ScoringListener              : scored payment=pay_9Kh${k}Q8 score=0.031 decision=ALLOW`,
    ].join('\n') + '\n';
  };
  return {
    id: 'heldout82-kafka-shared-consumer-group',
    class: 'config',
    truth: 'fraud-scorer, a new service deployed 2h28m ago, was bootstrapped by copying ledger-writer\'s application.properties including spring.kafka.consumer.group-id=payments-events-consumer. Both services now join the same consumer group on topic payment-events, so its 12 partitions are split across the four members and ledger-writer only consumes 6 of them (0–2, 3–5); payments on partitions 6–11 are consumed and committed by fraud-scorer and never reach the ledger (reconciliation reports ~2,300 missing entries). Nothing crashes. Fix: give fraud-scorer its own group id (e.g. fraud-scorer) and replay the missed offsets for ledger-writer.',
    ask: { service: 'ledger-writer', namespace: ns },
    objects: [
      ...nodes, ledgerCm, fraudCm, ...ledger.objects, ...fraud.objects,
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: ledger.pods }),
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: fraud.pods }),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(ledger, k), 'app', { current: ledgerLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(fraud, k), 'app', { current: fraudLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/consumer group|group[ ._-]?id|payments-events-consumer|fraud-scorer/i],
      facts: [/payments-events-consumer/, /fraud-scorer/, /partition/i],
      never: [/broker[^\n]*(down|unreachable|unavailable)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. OkHttp "unexpected end of stream" after upstream idle timeout cut ---------------------------------

function okHttpUnexpectedEndOfStream(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.84', ['19', '137', '226']);
  const stockTpl = (v: string, idle: string) => ({
    containers: [container({ image: `${ECR}/inventory/stock-api:${v}`, ports: [8080], cpu: '300m', memory: '256Mi', env: [
      { name: 'HTTP_READ_TIMEOUT', value: '10s' }, { name: 'HTTP_WRITE_TIMEOUT', value: '10s' }, { name: 'HTTP_IDLE_TIMEOUT', value: idle },
      { name: 'REDIS_ADDR', value: 'stock-cache.pricing.svc.cluster.local:6379' },
    ] })],
  });
  const stock = deploymentApp3(ns, 'stock-api', [
    { revision: 14, createdAgo: 15 * DAYS, changeCause: 'argocd: stock-api 3.7.4', template: stockTpl('3.7.4', '120s') },
    { revision: 15, createdAgo: 5 * HOURS + 40, changeCause: 'argocd: stock-api 3.8.0 (tune http server timeouts)', template: stockTpl('3.8.0', '2s') },
  ], [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 5 * HOURS + 39 - k })));
  const quote = deploymentApp3(ns, 'quote-service', [
    { revision: 32, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-service 6.1.0', template: { containers: [container({ image: `${ECR}/pricing/quote-service:6.1.0`, ports: [8080], cpu: '500m', memory: '1Gi', env: [
      { name: 'STOCK_API_URL', value: 'http://stock-api.pricing.svc.cluster.local:8080' },
      { name: 'HTTP_CLIENT_POOL_MAX_IDLE', value: '20' }, { name: 'HTTP_CLIENT_KEEP_ALIVE', value: '5m' },
      { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
    ], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } },
  ], [0, 1, 2].map((k) => ({ revision: 32, node: names[k] ?? '', createdAgo: 9 * DAYS - k, containers: k === 1 ? { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 500000 } }) } : undefined })));
  const skus = ['SKU-44120', 'SKU-10773-B', 'SKU-90210', 'SKU-33018', 'SKU-72001-XL'];
  const quoteLog = (k: number) => {
    const out = [
      `${springTime(9 * DAYS - k)}  INFO 1 --- [quote-service] [           main] c.a.pricing.QuoteServiceApplication      : Started QuoteServiceApplication in 9.114 seconds (process running for 10.2)`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 5 * HOURS + 20 - i * 50 - k;
      const sku = skus[(i + k) % skus.length] ?? 'SKU-1';
      out.push(
        `${springTime(t)} ERROR 1 --- [quote-service] [nio-8080-exec-${i + 3}] c.a.pricing.stock.StockClient           : stock lookup failed for ${sku}, returning 503 to caller`,
        `java.io.IOException: unexpected end of stream on http://stock-api.pricing.svc.cluster.local:8080/...`,
        `\tat okhttp3.internal.http1.Http1ExchangeCodec.readResponseHeaders(Http1ExchangeCodec.kt:210)`,
        `\tat okhttp3.internal.connection.Exchange.readResponseHeaders(Exchange.kt:110)`,
        `\tat okhttp3.internal.http.CallServerInterceptor.intercept(CallServerInterceptor.kt:93)`,
        `\tat okhttp3.internal.http.RealInterceptorChain.proceed(RealInterceptorChain.kt:109)`,
        `\tat okhttp3.internal.connection.ConnectInterceptor.intercept(ConnectInterceptor.kt:34)`,
        `\tat okhttp3.internal.connection.RealCall.getResponseWithInterceptorChain$okhttp(RealCall.kt:201)`,
        `\tat okhttp3.internal.connection.RealCall.execute(RealCall.kt:154)`,
        `\tat com.acme.pricing.stock.StockClient.availability(StockClient.java:71)`,
        `Caused by: java.io.EOFException: \\n not found: limit=0 content=…`,
        `\tat okio.RealBufferedSource.readUtf8LineStrict(RealBufferedSource.kt:335)`,
        `\tat okhttp3.internal.http1.HeadersReader.readLine(HeadersReader.kt:29)`,
        `\tat okhttp3.internal.http1.Http1ExchangeCodec.readResponseHeaders(Http1ExchangeCodec.kt:180)`,
        `\t... 42 common frames omitted`,
        `${springTime(t - 0.5)}  INFO 1 --- [quote-service] [nio-8080-exec-${i + 4}] c.a.pricing.stock.StockClient           : stock lookup ok sku=${sku} available=14 tookMs=9 connection=reused`,
      );
    }
    return out.join('\n') + '\n';
  };
  const stockLog = (k: number) => [
    `{"time":"${at(5 * HOURS + 39 - k)}","level":"INFO","msg":"starting stock-api","version":"3.8.0"}`,
    `{"time":"${at(5 * HOURS + 39 - k)}","level":"INFO","msg":"http server listening","addr":":8080","read_timeout":"10s","write_timeout":"10s","idle_timeout":"2s"}`,
    `{"time":"${at(2 - k * 0.1)}","level":"INFO","msg":"request","method":"GET","path":"/v1/stock/SKU-44120","status":200,"dur_ms":4}`,
  ].join('\n') + '\n';
  return {
    id: 'heldout82-okhttp-unexpected-end-of-stream',
    class: 'network',
    truth: 'stock-api 3.8.0 (revision 15, 5h40m ago) "tuned" its Go http.Server timeouts and cut IdleTimeout (HTTP_IDLE_TIMEOUT) from 120s to 2s. quote-service\'s OkHttp client keeps idle pooled connections for 5 minutes, so whenever it reuses a connection that stock-api already closed after 2 s idle, the request fails with "java.io.IOException: unexpected end of stream" (EOFException reading the status line) and quote-service returns 503 for that quote. Both services are healthy and unchanged otherwise. Fix: raise stock-api\'s idle timeout above the client\'s keep-alive (or lower OkHttp\'s ConnectionPool keepAlive below 2 s / enable retryOnConnectionFailure for idempotent GETs).',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...stock.objects, ...quote.objects,
      ...exposed({ namespace: ns, name: 'stock-api', selector: { app: 'stock-api' }, pods: stock.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: quote.pods }),
      scaledReplicaSet(deploymentOf(stock), rsOf(stock, 15), 3, 0, 5 * HOURS + 40),
      scaledReplicaSet(deploymentOf(stock), rsOf(stock, 14), 0, 3, 5 * HOURS + 37),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(quote, k), 'app', { current: quoteLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(stock, k), 'app', { current: stockLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unexpected end of stream|keep-?alive|idle[ _-]?timeout|stale|pooled|connection reuse/i, /stock-api|idle|keep-?alive/i],
      facts: [/unexpected end of stream/i, /HTTP_IDLE_TIMEOUT|idle[ _]timeout|\b2s\b/i, /stock-api/, /OkHttp|connection pool|pooled|keep-?alive/i],
      never: [/\bOOM/, /quote-service[^\n]*(roll ?back|rollout undo)/i, /\bDNS\b/],
    },
  };
}

// ---- 5. renewed certificate served without its intermediate ----------------------------------------

function pkixMissingIntermediate(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.85', ['22', '146', '240']);
  const nginxConf = (crt: string) => [
    'events { worker_connections 1024; }',
    'http {',
    '  server {',
    '    listen 8443 ssl;',
    '    server_name tax-gateway.finance.svc.cluster.local tax.acme-fin.io;',
    `    ssl_certificate     /etc/nginx/tls/${crt};`,
    '    ssl_certificate_key /etc/nginx/tls/tax.acme-fin.io.key;',
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '    location / { proxy_pass http://127.0.0.1:9000; }',
    '  }',
    '}',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'tax-gateway-nginx', createdAgo: 370 * DAYS, updatedAgo: 72, data: {
    'nginx.conf': nginxConf('tax.acme-fin.io.crt'),
    'CERT_INFO': 'subject=CN=tax.acme-fin.io\nissuer=C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1\nnotBefore=Nov 20 00:00:00 2026 GMT\nnotAfter=Nov 19 23:59:59 2027 GMT\nfile=tax.acme-fin.io.crt (leaf only, 1 certificate; previous file was fullchain.pem)\n',
  } });
  const gwTpl = (tag: string) => ({
    containers: [
      container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.3-alpine', ports: [{ name: 'https', containerPort: 8443 }], cpu: '100m', memory: '128Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }, { name: 'tls', mountPath: '/etc/nginx/tls', readOnly: true }] }),
      container({ name: 'app', image: `${ECR}/finance/tax-gateway:${tag}`, ports: [9000], cpu: '250m', memory: '384Mi' }),
    ],
    volumes: [{ name: 'conf', configMap: { name: 'tax-gateway-nginx', defaultMode: 420 } }, { name: 'tls', secret: { secretName: 'tax-gateway-tls-2026', defaultMode: 420 } }],
  });
  const gw = deploymentApp3(ns, 'tax-gateway', [
    { revision: 9, createdAgo: 40 * DAYS, changeCause: 'argocd: tax-gateway 2.2.1', template: gwTpl('2.2.1') },
    { revision: 10, createdAgo: 70, changeCause: 'renew TLS certificate tax.acme-fin.io (DigiCert order 48213377)', template: gwTpl('2.2.1') },
  ], [0, 1].map((k) => ({ revision: 10, node: names[k] ?? '', createdAgo: 69 - k })));
  const billing = deploymentApp3(ns, 'billing-sync', [
    { revision: 44, createdAgo: 11 * DAYS, changeCause: 'argocd: billing-sync 8.3.0', template: { containers: [container({ image: `${ECR}/finance/billing-sync:8.3.0`, ports: [8080], cpu: '500m', memory: '1Gi', env: [
      { name: 'TAX_GATEWAY_URL', value: 'https://tax-gateway.finance.svc.cluster.local:8443' },
      { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
    ] })] } },
  ], [0, 1].map((k) => ({ revision: 44, node: names[k + 1] ?? '', createdAgo: 11 * DAYS - k })));
  const other = bystander(ns, 'invoice-renderer', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.9.0', '1.10.0'], olderAgo: 30 * DAYS });
  const billingLog = (k: number) => {
    const out = [
      `${springTime(11 * DAYS - k)}  INFO 1 --- [billing-sync] [           main] c.a.f.billing.BillingSyncApplication     : Started BillingSyncApplication in 12.660 seconds (process running for 13.8)`,
      `${springTime(20 * HOURS)}  WARN 1 --- [billing-sync] [   scheduling-1] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@5b1e2c7f (This connection has been closed.). Possible consider using a shorter maxLifetime value.`,
      `${springTime(80 + k)}  INFO 1 --- [billing-sync] [   scheduling-1] c.a.f.billing.TaxSyncJob                 : tax sync batch ok invoices=214 tookMs=1840`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 66 - i * 13 - k;
      out.push(
        `${springTime(t)} ERROR 1 --- [billing-sync] [   scheduling-1] c.a.f.billing.TaxSyncJob                 : tax sync batch failed, will retry in 10m`,
        `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://tax-gateway.finance.svc.cluster.local:8443/v2/quotes": PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
        `\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)`,
        `\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:906)`,
        `\tat com.acme.finance.billing.TaxClient.quote(TaxClient.java:58)`,
        `Caused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
        `\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)`,
        `\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1304)`,
        `Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
        `\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:388)`,
        `Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
        `\tat java.base/sun.security.provider.certpath.SunCertPathBuilder.build(SunCertPathBuilder.java:148)`,
        `\t... 61 common frames omitted`,
      );
    }
    return out.join('\n') + '\n';
  };
  const rendererLog = [
    `${pyTime(3 * HOURS - 1)} INFO [invoice_renderer] started version=1.10.0`,
    `${pyTime(55)} ERROR [invoice_renderer.tax] tax lookup failed: HTTPSConnectionPool(host='tax-gateway.finance.svc.cluster.local', port=8443): Max retries exceeded with url: /v2/rates?country=DE (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))`,
    `${pyTime(2)} INFO [invoice_renderer] rendered invoice INV-2026-118823 (tax cached)`,
  ].join('\n') + '\n';
  return {
    id: 'heldout82-pkix-missing-intermediate',
    class: 'network',
    truth: 'tax-gateway\'s TLS certificate for tax.acme-fin.io was renewed 70 minutes ago (revision 10, ConfigMap tax-gateway-nginx updated): the new nginx ssl_certificate points at the leaf-only file tax.acme-fin.io.crt instead of a full chain, so nginx no longer sends the DigiCert Global G2 TLS RSA SHA256 2020 CA1 intermediate. Clients that do not fetch intermediates fail: billing-sync\'s JVM with "PKIX path building failed ... unable to find valid certification path to requested target" (and invoice-renderer\'s Python with "unable to get local issuer certificate"). The certificate is valid and not expired. Fix: serve the full chain (leaf + intermediate) in ssl_certificate and reload nginx; do not import the cert into billing-sync\'s truststore.',
    ask: { service: 'billing-sync', namespace: ns },
    objects: [
      ...nodes, cm, ...gw.objects, ...billing.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tax-gateway', selector: { app: 'tax-gateway' }, pods: gw.pods, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'billing-sync', selector: { app: 'billing-sync' }, pods: billing.pods }),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 10), 2, 0, 70),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 9), 0, 2, 68),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(billing, k), 'app', { current: billingLog(k) })),
      logsFor(podOf(other, 0), 'app', { current: rendererLog }),
      ...[0, 1].map((k) => logsFor(podOf(gw, k), 'nginx', { current: `/docker-entrypoint.sh: Configuration complete; ready for start up\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PKIX|certification path|cert(ificate)? chain|intermediate|TLS|certificate/i, /tax-gateway|PKIX|certification path|intermediate|chain/i],
      facts: [/unable to find valid certification path|PKIX/i, /intermediate|chain/i, /tax-gateway/],
      never: [/certificate (has )?expired|expired certificate|cert(ificate)? is expired/i, /billing-sync[^\n]*(roll ?back|rollout undo)/i, /invoice-renderer[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 6. Go service with GOGC=off OOMKilled --------------------------------------------------------

function goGcOffOomKilled(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.86', ['31', '158', '244']);
  const tpl = (v: string, env: { name: string; value: string }[]) => ({
    containers: [container({ image: `${ECR}/telemetry/span-aggregator:${v}`, ports: [8080, { name: 'otlp-grpc', containerPort: 4317 }], cpu: '1', memory: '1Gi', env: [
      { name: 'KAFKA_BROKERS', value: 'telemetry-kafka.telemetry.svc.cluster.local:9092' }, { name: 'FLUSH_INTERVAL', value: '10s' }, ...env,
    ] })],
  });
  const restarts = [5, 4, 5];
  const agg = deploymentApp3(ns, 'span-aggregator', [
    { revision: 22, createdAgo: 18 * DAYS, changeCause: 'argocd: span-aggregator 1.8.3', template: tpl('1.8.3', [{ name: 'GOMAXPROCS', value: '1' }]) },
    { revision: 23, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: span-aggregator 1.8.3 (perf: reduce GC CPU)', template: tpl('1.8.3', [{ name: 'GOMAXPROCS', value: '1' }, { name: 'GOGC', value: 'off' }]) },
  ], [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k, containers: { app: running({ sinceAgo: 6 + k * 5, restarts: restarts[k] ?? 4, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 + k * 5, ranSeconds: 1260 + k * 40 } }) } })));
  const other = bystander(ns, 'trace-query', names, 26 * HOURS, { revisions: [30, 31], versions: ['0.44.0', '0.45.1'], olderAgo: 20 * DAYS });
  const log = (k: number, sinceAgo: number, grown: boolean) => {
    const out = [`{"level":"info","ts":"${at(sinceAgo)}","caller":"cmd/aggregator/main.go:61","msg":"starting span-aggregator","version":"1.8.3","gomaxprocs":1}`];
    const steps = grown ? 6 : Math.max(1, Math.floor(sinceAgo / 4));
    for (let i = 0; i < steps; i++) {
      const heap = 110 + i * 150 + k * 7;
      out.push(`{"level":"info","ts":"${at(sinceAgo - (i + 1) * 3.4)}","caller":"internal/stats/report.go:38","msg":"runtime stats","heap_alloc_mb":${heap},"heap_sys_mb":${heap + 40},"num_gc":0,"goroutines":${212 + i},"spans_per_sec":${41000 + i * 300}}`);
    }
    return out.join('\n') + '\n';
  };
  const events = agg.pods.flatMap((p, k) => [
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${ECR}/telemetry/span-aggregator:1.8.3" already present on machine`, count: restarts[k] ?? 4, firstAgo: 100, lastAgo: 6 + k * 5, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', count: (restarts[k] ?? 4) + 1, firstAgo: 2 * HOURS + 3, lastAgo: 6 + k * 5, fieldPath: 'spec.containers{app}' }),
  ]);
  return {
    id: 'heldout82-go-gogc-off-oom',
    class: 'containers',
    truth: 'Revision 23 of span-aggregator (same image 1.8.3, rolled out 2h05m ago to "reduce GC CPU") added GOGC=off to the container env. With the garbage collector disabled and no GOMEMLIMIT, the Go heap only grows (num_gc stays 0, ~150 MB per 3 min) until it reaches the 1Gi limit and the kernel OOM-kills the container (exit 137, OOMKilled) every ~21 minutes; each kill loses in-flight spans. Not a leak in the code and not the node. Fix: remove GOGC=off (or set GOGC=100 with GOMEMLIMIT≈900MiB), i.e. go back to revision 22\'s env.',
    ask: { service: 'span-aggregator', namespace: ns },
    objects: [
      ...nodes, ...agg.objects, ...other.objects, ...events,
      ...exposed({ namespace: ns, name: 'span-aggregator', selector: { app: 'span-aggregator' }, pods: agg.pods }),
      ...exposed({ namespace: ns, name: 'trace-query', selector: { app: 'trace-query' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(agg), rsOf(agg, 23), 3, 0, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(agg), rsOf(agg, 22), 0, 3, 2 * HOURS + 2),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(agg, k), 'app', { current: log(k, 6 + k * 5, false), previous: log(k, 27 + k * 5, true) })),
    expect: {
      verdict: 'problems',
      headline: [/GOGC|garbage collect|\bGC\b/i, /OOM|memory/i],
      facts: [/GOGC=?\s*"?off|GOGC/i, /OOMKilled|137/, /revision 23|1Gi/i],
      never: [/killed by (the )?liveness|liveness probe fail/i, /node[^\n]*memory pressure/i, /trace-query/],
    },
  };
}

// ---- 7. healthy control: passlib's bcrypt version trace --------------------------------------------

function healthyPasslibBcryptNoise(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.87', ['16', '129', '250']);
  const tpl = (v: string) => ({
    containers: [container({ image: `${ECR}/identity/auth-api:${v}`, ports: [8000], cpu: '250m', memory: '384Mi', env: [
      { name: 'WEB_CONCURRENCY', value: '2' }, { name: 'DATABASE_URL', value: 'postgresql+asyncpg://auth@auth-db.cluster-b81x.eu-west-1.rds.amazonaws.com:5432/auth' },
    ], readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 10 }) })],
  });
  const auth = deploymentApp3(ns, 'auth-api', [
    { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: auth-api 2.20.0', template: tpl('2.20.0') },
    { revision: 57, createdAgo: 3 * DAYS, changeCause: 'argocd: auth-api 2.21.0', template: tpl('2.21.0') },
  ], [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 3 * DAYS - k })));
  const other = bystander(ns, 'session-store-exporter', names, 9 * DAYS, { revisions: [4, 5], versions: ['0.9.1', '0.9.2'], olderAgo: 50 * DAYS });
  const log = (k: number) => {
    const t0 = 3 * DAYS - k;
    const out = [
      `[${pyTime(t0).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${pyTime(t0).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${pyTime(t0).slice(0, 19)} +0000] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
      `[${pyTime(t0).slice(0, 19)} +0000] [7] [INFO] Booting worker with pid: 7`,
      `[${pyTime(t0).slice(0, 19)} +0000] [8] [INFO] Booting worker with pid: 8`,
      `(trapped) error reading bcrypt version`,
      `Traceback (most recent call last):`,
      `  File "/usr/local/lib/python3.12/site-packages/passlib/handlers/bcrypt.py", line 620, in _load_backend_mixin`,
      `    version = _bcrypt.__about__.__version__`,
      `              ^^^^^^^^^^^^^^^^^`,
      `AttributeError: module 'bcrypt' has no attribute '__about__'`,
      `[${pyTime(t0 - 0.05).slice(0, 19)} +0000] [7] [INFO] Started server process [7]`,
      `[${pyTime(t0 - 0.05).slice(0, 19)} +0000] [7] [INFO] Waiting for application startup.`,
      `[${pyTime(t0 - 0.05).slice(0, 19)} +0000] [7] [INFO] Application startup complete.`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 40 - i * 5 - k * 0.2;
      out.push(`INFO:     10.0.${40 + k}.${17 + i}:5${1000 + i * 7} - "POST /v1/token HTTP/1.1" 200 OK`);
      if (i % 3 === 0) out.push(`INFO:     10.0.${40 + k}.${9 + i}:4${2000 + i} - "GET /v1/users/me HTTP/1.1" 200 OK`);
      if (i === 5) out.push(`INFO:     10.0.${40 + k}.77:38${100 + i} - "POST /v1/token HTTP/1.1" 401 Unauthorized`);
      void t;
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout82-healthy-passlib-bcrypt-trace',
    class: 'healthy',
    truth: 'auth-api 2.21.0 (revision 57, 3 days old) is healthy: 3/3 pods Running and ready with no restarts, tokens are issued with 200s (an occasional 401 is a wrong password). At every worker boot passlib 1.7.4 prints "(trapped) error reading bcrypt version" with an AttributeError traceback because bcrypt ≥4.1 removed __about__; passlib traps it and hashing works. Nothing to fix (pin bcrypt or move off passlib to silence it).',
    ask: { service: 'auth-api', namespace: ns },
    objects: [
      ...nodes, ...auth.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'auth-api', selector: { app: 'auth-api' }, pods: auth.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(auth, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|running normally/i],
      facts: [/auth-api/],
      never: [/AttributeError[^\n]*(cause|broke|crash)/i, /bcrypt[^\n]*(fail|broken|crash)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  launchDarklyKeyRevoked(),
  jwtAlgorithmMismatch(),
  sharedConsumerGroup(),
  okHttpUnexpectedEndOfStream(),
  pkixMissingIntermediate(),
  goGcOffOomKilled(),
  healthyPasslibBcryptNoise(),
];
