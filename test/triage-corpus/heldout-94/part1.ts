// Held-out stories, ninety-fourth round, part one: (config) a Rails storefront whose api Deployment
// got a new envFrom Secret with a rotated secret_key_base while web kept the old one, so the api
// rejects every web-issued signed token with ActiveSupport::MessageVerifier::InvalidSignature;
// (config) a billing API rejecting every token with "Invalid token issuer" since the in-cluster
// Keycloak's KC_HOSTNAME (keycloak-env ConfigMap) was changed and Keycloak restarted; (storage/config)
// a Debezium MySQL connector whose schema-history topic was emptied by a retention.ms of one day
// applied by a topic-config change, so the task fails "The db history topic or its content is fully
// or partially missing" after a worker restart; (jobs) Celery report tasks killed by
// SoftTimeLimitExceeded since revision 19 lowered CELERY_TASK_SOFT_TIME_LIMIT from 900 to 120;
// (rollout) a listings indexer whose 3.8.0 (revision 41) sends "N/A" for the long field [bedrooms],
// so Elasticsearch rejects documents with mapper_parsing_exception while searches still work;
// (storage) a Postgres StatefulSet whose revision 6 switched to the alpine image running as uid 70
// without fsGroup, so postgres refuses a data directory owned by uid 999 ("has wrong ownership");
// and a healthy control: a PyTorch batch-inference worker that warns about DataLoader workers.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event,
  execProbe, exposed, httpProbe, pyTime, running, scaledReplicaSet, statefulSetApp, tcpProbe, boundClaim, rsOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Ruby Logger time: `2026-11-21T03:12:41.563000`. */
const rbTime = (m: number): string => at(m).replace('Z', '000');
/** Kafka / log4j time: `2026-11-21 03:12:41,563`. */
const l4jTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. Rails web and api: secret_key_base rotated for the api only --------------------------------

function railsSecretKeyBaseSplit(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '141', '208']);
  const image = (v: string) => `${ECR}/storefront/storefront-rails:${v}`;
  const tpl = (role: string, secret: string, v: string, cmd: string[]) => ({
    containers: [container({
      name: 'rails', image: image(v), command: cmd, ports: [3000], cpu: '500m', memory: '1Gi',
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'APP_ROLE', value: role }, { name: 'SESSION_COOKIE_DOMAIN', value: '.shop.acme.io' }],
      envFrom: [{ configMapRef: { name: 'storefront-env' } }, { secretRef: { name: secret } }],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 3,
    revisions: [{ revision: 57, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront 2026.11.19.1', template: tpl('web', 'storefront-rails-secrets', '2026.11.19.1', ['bundle', 'exec', 'puma', '-C', 'config/puma.rb']) }],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const api = deploymentApp({
    namespace: ns, name: 'storefront-api', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront 2026.11.19.1', template: tpl('api', 'storefront-rails-secrets', '2026.11.19.1', ['bundle', 'exec', 'puma', '-C', 'config/puma.rb']) },
      { revision: 22, createdAgo: 52, changeCause: 'argocd: storefront-api secrets rotation (SEC-412)', template: tpl('api', 'storefront-api-secrets-v2', '2026.11.19.1', ['bundle', 'exec', 'puma', '-C', 'config/puma.rb']) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 51 - k })),
    settled: { available: true, availableSince: 48, progressingSince: 52, progressingUpdatedAgo: 48 },
  });
  const env = configMap({ namespace: ns, name: 'storefront-env', createdAgo: 200 * DAYS, updatedAgo: 30 * DAYS, data: { DATABASE_HOST: 'storefront-db.cluster-cq1x8k2m.eu-west-1.rds.amazonaws.com', REDIS_URL: 'redis://storefront-redis:6379/0', API_BASE_URL: 'http://storefront-api.storefront.svc.cluster.local', WEB_CONCURRENCY: '2', RAILS_MAX_THREADS: '5' } });
  const worker = bystander(ns, 'storefront-mailer', names, 6 * HOURS, { revisions: [12, 13], versions: ['1.8.2', '1.8.3'], olderAgo: 9 * DAYS });
  const paths = ['/api/v1/cart', '/api/v1/account/orders', '/api/v1/cart/items', '/api/v1/account', '/api/v1/wishlist'];
  const apiLog = (k: number) => {
    const out = [
      `=> Booting Puma`, `=> Rails 7.1.4 application starting in production`, `Puma starting in cluster mode...`,
      `* Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`, `*  Min threads: 5`, `*  Max threads: 5`, `*  Environment: production`, `* Listening on http://0.0.0.0:3000`, `Use Ctrl-C to stop`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 45 - i * 3.6 - k * 0.2;
      const rid = `${(0x3fa21c + i * 7717 + k * 131).toString(16)}-${(0x9b1 + i).toString(16)}-4c1e-a0${k}${i % 10}-7d2e41c9${(i * 13 + k).toString(16).padStart(4, '0')}`;
      const p = paths[(i + k) % paths.length] ?? '/api/v1/cart';
      out.push(
        `I, [${rbTime(t)} #${12 + k}]  INFO -- : [${rid}] Started GET "${p}" for 10.0.${52 + k}.${40 + i} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`,
        `I, [${rbTime(t - 0.001)} #${12 + k}]  INFO -- : [${rid}] Processing by Api::V1::BaseController#${p.split('/').pop() ?? 'show'} as JSON`,
        `I, [${rbTime(t - 0.002)} #${12 + k}]  INFO -- : [${rid}] Completed 401 Unauthorized in 4ms (ActiveRecord: 0.0ms | Allocations: 1187)`,
        `F, [${rbTime(t - 0.002)} #${12 + k}] FATAL -- : [${rid}]   `,
        `F, [${rbTime(t - 0.002)} #${12 + k}] FATAL -- : [${rid}] ActiveSupport::MessageVerifier::InvalidSignature (ActiveSupport::MessageVerifier::InvalidSignature):`,
        `F, [${rbTime(t - 0.002)} #${12 + k}] FATAL -- : [${rid}]   `,
        `F, [${rbTime(t - 0.002)} #${12 + k}] FATAL -- : [${rid}] app/controllers/concerns/session_token_auth.rb:18:in \`current_customer'`,
        `F, [${rbTime(t - 0.002)} #${12 + k}] FATAL -- : [${rid}] app/controllers/api/v1/base_controller.rb:9:in \`authenticate_customer!'`,
      );
      if (i % 4 === 1) out.push(`I, [${rbTime(t - 0.5)} #${12 + k}]  INFO -- : [${rid}x] Started GET "/api/v1/products?category=shoes" for 10.0.52.77 at ${at(t - 0.5).slice(0, 19).replace('T', ' ')} +0000`, `I, [${rbTime(t - 0.51)} #${12 + k}]  INFO -- : [${rid}x] Completed 200 OK in 23ms (Views: 9.1ms | ActiveRecord: 6.2ms | Allocations: 9120)`);
    }
    return out.join('\n') + '\n';
  };
  const webLog = (k: number) => lines(
    `I, [${rbTime(30 - k)} #8]  INFO -- : [b71c-${k}] Started POST "/login" for 10.0.0.${17 + k} at ${at(30 - k).slice(0, 19).replace('T', ' ')} +0000`,
    `I, [${rbTime(30 - k - 0.002)} #8]  INFO -- : [b71c-${k}] Redirected to https://shop.acme.io/account`,
    `I, [${rbTime(30 - k - 0.002)} #8]  INFO -- : [b71c-${k}] Completed 302 Found in 88ms (ActiveRecord: 12.4ms | Allocations: 14210)`,
    `W, [${rbTime(12 - k)} #8]  WARN -- : [c09d-${k}] StorefrontApi::Unauthorized: GET http://storefront-api.storefront.svc.cluster.local/api/v1/cart returned 401, signing customer out`,
    `I, [${rbTime(12 - k - 0.003)} #8]  INFO -- : [c09d-${k}] Redirected to https://shop.acme.io/login?expired=1`,
  );
  return {
    id: 'heldout94-rails-secret-key-base-split',
    class: 'config',
    truth: 'storefront-web and storefront-api run the same Rails app and share signed session tokens (Rails.application.message_verifier, keyed by secret_key_base). 52 minutes ago revision 22 of storefront-api changed its envFrom from Secret storefront-rails-secrets to a new Secret storefront-api-secrets-v2 with a rotated SECRET_KEY_BASE, while storefront-web still uses the old one. Every token web signs now fails verification in the api (ActiveSupport::MessageVerifier::InvalidSignature, 401), and web signs the customers out. Fix: point both Deployments at the same secret_key_base (revert the api to storefront-rails-secrets, or rotate web too, ideally with the old key as a rotation fallback).',
    ask: { service: 'storefront-api', namespace: ns },
    objects: [
      ...nodes, env, ...web.objects, ...api.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-api', selector: { app: 'storefront-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 22), 3, 0, 52),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 21), 0, 3, 48),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'rails', { current: apiLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(web, k), 'rails', { current: webLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InvalidSignature|signature|secret_key_base|SECRET_KEY_BASE|secret|signing key|cookie|session/i, /revision 22|storefront-api-secrets-v2|envFrom|rotat|storefront-web|mismatch|differ/i],
      facts: [/ActiveSupport::MessageVerifier::InvalidSignature|InvalidSignature/, /storefront-api-secrets-v2/, /storefront-rails-secrets|storefront-web/],
      never: [/\bOOM/i, /storefront-mailer/, /crash ?loop/i, /storefront-env[^\n]*(changed|caused)/i],
    },
  };
}

// ---- 2. Keycloak KC_HOSTNAME changed: tokens carry a new issuer -------------------------------------

function keycloakHostnameIssuer(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.64', ['11', '129', '240']);
  const kcEnv = configMap({
    namespace: ns, name: 'keycloak-env', createdAgo: 160 * DAYS, updatedAgo: 44,
    data: { KC_HOSTNAME: 'https://auth.acme.io', KC_HOSTNAME_BACKCHANNEL_DYNAMIC: 'false', KC_PROXY_HEADERS: 'xforwarded', KC_HTTP_ENABLED: 'true', KC_HEALTH_ENABLED: 'true', KC_DB: 'postgres', KC_DB_URL: 'jdbc:postgresql://keycloak-db.cluster-cq1x8k2m.eu-west-1.rds.amazonaws.com:5432/keycloak', KC_CACHE: 'ispn', KC_CACHE_STACK: 'kubernetes' },
  });
  const kcImage = 'quay.io/keycloak/keycloak:25.0.6';
  const kcTpl = (restartedAt?: string) => ({
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
    containers: [container({
      name: 'keycloak', image: kcImage, args: ['start', '--optimized'], ports: [8080, { name: 'management', containerPort: 9000 }], cpu: '500m', memory: '1536Mi',
      envFrom: [{ configMapRef: { name: 'keycloak-env' } }, { secretRef: { name: 'keycloak-db-credentials' } }],
      readiness: httpProbe('/health/ready', 'management'), liveness: httpProbe('/health/live', 'management', { initialDelaySeconds: 60 }),
    })],
  });
  const kc = deploymentApp({
    namespace: ns, name: 'keycloak', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 33 * DAYS, changeCause: 'helm upgrade keycloak 25.0.6', template: kcTpl() },
      { revision: 9, createdAgo: 43, template: kcTpl(at(43)) },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 43 - k * 2 })),
    settled: { available: true, availableSince: 39, progressingSince: 43, progressingUpdatedAgo: 38 },
  });
  const apiImage = `${ECR}/billing/billing-api:6.3.2`;
  const api = deploymentApp({
    namespace: ns, name: 'billing-api', replicas: 3,
    revisions: [{ revision: 44, createdAgo: 5 * DAYS, changeCause: 'argocd: billing-api 6.3.2', template: { containers: [container({
      image: apiImage, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'KEYCLOAK_AUTH_SERVER_URL', value: 'https://sso.acme.io' },
        { name: 'KEYCLOAK_REALM', value: 'acme' },
        { name: 'KEYCLOAK_RESOURCE', value: 'billing-api' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const other = bystander(ns, 'invoice-renderer', names, 3 * HOURS, { revisions: [30, 31], versions: ['3.2.0', '3.2.1'], olderAgo: 12 * DAYS });
  const jTime = (m: number) => at(m).replace('Z', '+00:00');
  const apiLog = (k: number) => {
    const out: string[] = [
      `${jTime(90 - k)}  INFO 1 --- [billing-api] [nio-8080-exec-${k + 2}] c.a.billing.web.InvoiceController        : GET /v2/invoices?customer=cus_${4120 + k} 200 in 31 ms`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 40 - i * 3.2 - k * 0.3;
      out.push(
        `${jTime(t)} ERROR 1 --- [billing-api] [nio-8080-exec-${(i % 9) + 1}] o.k.adapters.BearerTokenRequestAuthenticator : Failed to verify token`,
        `org.keycloak.common.VerificationException: Invalid token issuer. Expected 'https://sso.acme.io/realms/acme', got 'https://auth.acme.io/realms/acme'`,
        `\tat org.keycloak.TokenVerifier$RealmUrlCheck.test(TokenVerifier.java:96)`,
        `\tat org.keycloak.TokenVerifier.verify(TokenVerifier.java:482)`,
        `\tat org.keycloak.adapters.rotation.AdapterTokenVerifier.verifyToken(AdapterTokenVerifier.java:46)`,
        `${jTime(t - 0.001)}  WARN 1 --- [billing-api] [nio-8080-exec-${(i % 9) + 1}] c.a.billing.web.AccessLogFilter          : ${i % 2 ? 'POST /v2/payments' : 'GET /v2/invoices'} 401 in 3 ms`,
      );
    }
    out.push(`${jTime(0.5)}  INFO 1 --- [billing-api] [   scheduling-1] c.a.billing.jobs.DunningScheduler        : dunning run finished: 0 reminders queued`);
    return out.join('\n') + '\n';
  };
  const kcLog = (k: number) => lines(
    `Updating the configuration and installing your custom providers, if any. Please wait.`,
    `${l4jTime(42.6 - k * 2)} INFO  [org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider] (main) Hostname settings: Base URL: <unset>, Hostname: auth.acme.io, Strict HTTPS: true, Path: <request>, Strict BackChannel: false, Admin URL: <unset>, Admin: <request>, Port: -1, Proxied: true`,
    `${l4jTime(42.4 - k * 2)} INFO  [org.infinispan.CLUSTER] (jgroups-5,keycloak-${k}) ISPN000094: Received new cluster view for channel ISPN: [keycloak-0, keycloak-1] (2)`,
    `${l4jTime(42.1 - k * 2)} INFO  [io.quarkus] (main) Keycloak 25.0.6 on JVM (powered by Quarkus 3.8.5) started in 17.322s. Listening on: http://0.0.0.0:8080. Management interface listening on http://0.0.0.0:9000.`,
    `${l4jTime(42.1 - k * 2)} INFO  [io.quarkus] (main) Profile prod activated.`,
    `${l4jTime(42.1 - k * 2)} INFO  [io.quarkus] (main) Installed features: [agroal, cdi, hibernate-orm, jdbc-postgresql, keycloak, narayana-jta, reactive-routes, smallrye-context-propagation, smallrye-health, vertx]`,
    `${l4jTime(20 - k)} WARN  [org.keycloak.events] (executor-thread-${3 + k}) type="REFRESH_TOKEN_ERROR", realmId="acme", clientId="billing-web", userId="null", ipAddress="10.0.64.19", error="invalid_token", reason="Invalid token issuer. Expected 'https://auth.acme.io/realms/acme'"`,
  );
  return {
    id: 'heldout94-keycloak-hostname-issuer',
    class: 'config',
    truth: 'The keycloak-env ConfigMap was edited 44 minutes ago to set KC_HOSTNAME to https://auth.acme.io (it was sso.acme.io) and Keycloak was restarted (kubectl rollout restart, revision 9) to pick it up. Keycloak now issues tokens with iss https://auth.acme.io/realms/acme, while billing-api still validates against https://sso.acme.io/realms/acme (KEYCLOAK_AUTH_SERVER_URL), so every request fails "Invalid token issuer" with 401. Keycloak and billing-api pods are healthy. Fix: revert KC_HOSTNAME (and restart Keycloak) or move billing-api\'s issuer to the new host.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, kcEnv, ...kc.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'keycloak', selector: { app: 'keycloak' }, pods: kc.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(kc), rsOf(kc, 9), 2, 0, 43),
      scaledReplicaSet(deploymentOf(kc), rsOf(kc, 8), 0, 2, 39),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(kc, k), 'keycloak', { current: kcLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/issuer|\biss\b|token/i, /KC_HOSTNAME|hostname|keycloak|auth\.acme\.io/i],
      facts: [/Invalid token issuer/i, /KC_HOSTNAME|keycloak-env/, /auth\.acme\.io/],
      never: [/\bOOM/i, /invoice-renderer/, /crash ?loop/i, /certificate|x509|TLS/i, /billing-api[^\n]*revision 44/i],
    },
  };
}

// ---- 3. Debezium schema-history topic deleted by retention.ms ---------------------------------------

function debeziumHistoryRetention(): CorpusScenario {
  const ns = 'cdc';
  const { nodes, names } = threeEksNodes('10.0.76', ['30', '155', '219']);
  const topicCfg = configMap({
    namespace: ns, name: 'kafka-topic-configs', createdAgo: 120 * DAYS, updatedAgo: 27 * HOURS,
    data: {
      'topics.yaml': [
        '# applied with kafka-configs --alter by the platform topic sync',
        'defaults:',
        '  cleanup.policy: delete',
        '  retention.ms: "86400000"   # PLAT-2291: 1 day everywhere to cut broker disk',
        'topics:',
        '  - name: inventory.inventory.orders',
        '    partitions: 6',
        '  - name: inventory.inventory.customers',
        '    partitions: 3',
        '  - name: schema-changes.inventory',
        '    partitions: 1',
        '  - name: connect-offsets',
        '    cleanup.policy: compact',
        '  - name: connect-configs',
        '    cleanup.policy: compact',
      ].join('\n') + '\n',
    },
  });
  const connectorCfg = configMap({
    namespace: ns, name: 'inventory-connector', createdAgo: 120 * DAYS,
    data: {
      'inventory-connector.json': JSON.stringify({
        name: 'inventory-connector',
        config: {
          'connector.class': 'io.debezium.connector.mysql.MySqlConnector', 'tasks.max': '1',
          'database.hostname': 'inventory-mysql.cluster-cq1x8k2m.eu-west-1.rds.amazonaws.com', 'database.port': '3306', 'database.user': 'debezium',
          'database.server.id': '184054', 'topic.prefix': 'inventory', 'database.include.list': 'inventory',
          'schema.history.internal.kafka.bootstrap.servers': 'kafka.cdc.svc.cluster.local:9092', 'schema.history.internal.kafka.topic': 'schema-changes.inventory',
          'snapshot.mode': 'initial',
        },
      }, null, 2),
    },
  });
  const kafkaImage = 'docker.io/bitnami/kafka:3.7.1';
  const kafka = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless',
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({
      name: 'kafka', image: kafkaImage, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '4Gi',
      readiness: tcpProbe('client'), liveness: tcpProbe('client', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 18 * DAYS - o })),
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-kafka-${o}`, storage: '500Gi', storageClass: 'gp3', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 60 * DAYS }));
  const connectImage = 'quay.io/debezium/connect:2.7.3.Final';
  const connect = deploymentApp({
    namespace: ns, name: 'kafka-connect', replicas: 1,
    revisions: [{ revision: 11, createdAgo: 20 * DAYS, changeCause: 'helm upgrade cdc-connect 2.7.3', template: { containers: [container({
      name: 'connect', image: connectImage, ports: [{ name: 'rest', containerPort: 8083 }], cpu: '1', memory: '3Gi',
      env: [
        { name: 'BOOTSTRAP_SERVERS', value: 'kafka.cdc.svc.cluster.local:9092' }, { name: 'GROUP_ID', value: 'cdc-connect' },
        { name: 'CONFIG_STORAGE_TOPIC', value: 'connect-configs' }, { name: 'OFFSET_STORAGE_TOPIC', value: 'connect-offsets' }, { name: 'STATUS_STORAGE_TOPIC', value: 'connect-status' },
      ],
      readiness: httpProbe('/', 'rest'), liveness: httpProbe('/', 'rest', { initialDelaySeconds: 60 }),
    })] } }],
    pods: [{ revision: 11, node: names[1] ?? '', createdAgo: 31 }],
  });
  const sink = bystander(ns, 'orders-projector', names, 5 * HOURS, { revisions: [15, 16], versions: ['1.4.0', '1.4.1'], olderAgo: 11 * DAYS });
  const cpod = podOf(connect, 0);
  const connectLog = lines(
    `${l4jTime(30.2)} INFO   ||  Kafka Connect started   [org.apache.kafka.connect.runtime.Connect]`,
    `${l4jTime(29.8)} INFO   ||  [Worker clientId=connect-1, groupId=cdc-connect] Joined group at generation 212 with protocol version 2 and got assignment: Assignment{error=0, leader='connect-1', leaderUrl='http://${cpod.status?.podIP ?? ''}:8083/', offset=118, connectorIds=[inventory-connector], taskIds=[inventory-connector-0], revokedConnectorIds=[], revokedTaskIds=[], delay=0} with rebalance delay: 0   [org.apache.kafka.connect.runtime.distributed.DistributedHerder]`,
    `${l4jTime(29.7)} INFO   ||  [Worker clientId=connect-1, groupId=cdc-connect] Starting task inventory-connector-0   [org.apache.kafka.connect.runtime.distributed.DistributedHerder]`,
    `${l4jTime(29.6)} INFO   MySQL|inventory|task  Found previous partition offset MySqlPartition [sourcePartition={server=inventory}]: {transaction_id=null, ts_sec=1763687412, file=mysql-bin-changelog.184211, pos=51843921, row=1, server_id=1842718021, event=2}   [io.debezium.connector.common.BaseSourceTask]`,
    `${l4jTime(29.5)} INFO   MySQL|inventory|task  KafkaSchemaHistory Consumer config: {key.deserializer=org.apache.kafka.common.serialization.StringDeserializer, value.deserializer=org.apache.kafka.common.serialization.StringDeserializer, enable.auto.commit=false, group.id=inventory-schemahistory, bootstrap.servers=kafka.cdc.svc.cluster.local:9092, fetch.min.bytes=1, session.timeout.ms=10000, auto.offset.reset=earliest, client.id=inventory-schemahistory}   [io.debezium.storage.kafka.history.KafkaSchemaHistory]`,
    `${l4jTime(29.4)} ERROR  MySQL|inventory|task  WorkerSourceTask{id=inventory-connector-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted   [org.apache.kafka.connect.runtime.WorkerTask]`,
    `io.debezium.DebeziumException: The db history topic or its content is fully or partially missing. Please check database schema history topic configuration and re-execute the snapshot.`,
    `\tat io.debezium.relational.HistorizedRelationalDatabaseSchema.recover(HistorizedRelationalDatabaseSchema.java:59)`,
    `\tat io.debezium.schema.HistorizedDatabaseSchema.recover(HistorizedDatabaseSchema.java:40)`,
    `\tat io.debezium.connector.common.BaseSourceTask.validateAndLoadSchemaHistory(BaseSourceTask.java:148)`,
    `\tat io.debezium.connector.mysql.MySqlConnectorTask.start(MySqlConnectorTask.java:106)`,
    `\tat io.debezium.connector.common.BaseSourceTask.start(BaseSourceTask.java:248)`,
    `\tat org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.initializeAndStart(AbstractWorkerSourceTask.java:280)`,
    `${l4jTime(29.4)} INFO   MySQL|inventory|task  Stopping down connector   [io.debezium.connector.common.BaseSourceTask]`,
    `${l4jTime(15)} INFO   ||  10.0.76.155 - - [${at(15).slice(0, 19)}] "GET /connectors/inventory-connector/status HTTP/1.1" 200 2318 "-" "curl/8.5.0" 3   [org.apache.kafka.connect.runtime.rest.RestServer]`,
    `${l4jTime(2)} INFO   ||  [Worker clientId=connect-1, groupId=cdc-connect] Session key updated   [org.apache.kafka.connect.runtime.distributed.DistributedHerder]`,
  );
  const kafkaLog = (o: number) => o === 0 ? lines(
    `[${l4jTime(27 * HOURS - 2)}] INFO Processing override for entityPath: topics/schema-changes.inventory with config: HashMap(retention.ms -> 86400000) (kafka.server.ConfigAdminManager)`,
    `[${l4jTime(27 * HOURS - 3)}] INFO [UnifiedLog partition=schema-changes.inventory-0, dir=/bitnami/kafka/data] Deleting segment LogSegment(baseOffset=0, size=4127311, lastModifiedTime=1755421800000, largestRecordTimestamp=1755421799871) due to log retention time 86400000ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)`,
    `[${l4jTime(27 * HOURS - 3)}] INFO [UnifiedLog partition=schema-changes.inventory-0, dir=/bitnami/kafka/data] Incremented log start offset to 9214 due to SegmentDeletion (kafka.log.UnifiedLog)`,
    `[${l4jTime(27 * HOURS - 4)}] INFO [LocalLog partition=schema-changes.inventory-0, dir=/bitnami/kafka/data] Deleting segment files LogSegment(baseOffset=0, size=4127311, lastModifiedTime=1755421800000, largestRecordTimestamp=1755421799871) (kafka.log.LocalLog$)`,
    `[${l4jTime(2 * HOURS)}] INFO [GroupCoordinator 0]: Preparing to rebalance group cdc-connect in state PreparingRebalance with old generation 211 (__consumer_offsets-31) (reason: Removing member connect-1-3b0e5d22 on LeaveGroup) (kafka.coordinator.group.GroupCoordinator)`,
    `[${l4jTime(10)}] INFO [LocalLog partition=inventory.inventory.orders-2, dir=/bitnami/kafka/data] Rolled new log segment at offset 8812400 in 1 ms. (kafka.log.LocalLog)`,
  ) : lines(`[${l4jTime(40)}] INFO [ReplicaFetcher replicaId=${o}, leaderId=0, fetcherId=0] Node 0 disconnected. (org.apache.kafka.clients.NetworkClient)`, `[${l4jTime(5)}] INFO [LocalLog partition=inventory.inventory.customers-${o}, dir=/bitnami/kafka/data] Rolled new log segment at offset 120331 in 0 ms. (kafka.log.LocalLog)`);
  return {
    id: 'heldout94-debezium-history-topic-retention',
    class: 'storage',
    truth: 'The Debezium MySQL connector stores its schema history in the topic schema-changes.inventory, which must be kept forever (retention.ms -1). A topic-config change 27 hours ago (kafka-topic-configs, PLAT-2291) set retention.ms=86400000 as a default for every topic including the history topic, and the broker deleted its segments (retention time breach). Nothing noticed until the kafka-connect worker pod was recreated 31 minutes ago (no deploy; same revision 11): on start the task re-reads the history, finds it missing and fails with "The db history topic or its content is fully or partially missing"; the worker stays up but CDC stopped. Fix: set retention.ms=-1 on schema-changes.inventory (exclude it from the default) and recover the history (snapshot.mode schema_only_recovery / recovery), then restart the task.',
    ask: { service: 'kafka-connect', namespace: ns },
    objects: [
      ...nodes, topicCfg, connectorCfg, ...kafka.objects, ...claims, ...connect.objects, ...sink.objects,
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092, headless: true }),
      ...exposed({ namespace: ns, name: 'kafka-connect', selector: { app: 'kafka-connect' }, pods: connect.pods, ports: [{ name: 'rest', port: 8083, targetPort: 'rest' }], endpointPort: 8083 }),
      event({ on: { kind: 'Node', name: names[0] ?? '' }, reason: 'NodeNotSchedulable', message: `Node ${names[0] ?? ''} status is now: NodeNotSchedulable`, firstAgo: 33, lastAgo: 33, component: 'kubelet' }),
    ],
    logs: [
      logsFor(cpod, 'connect', { current: connectLog }),
      ...[0, 1, 2].map((o) => logsFor(podOf(kafka, o), 'kafka', { current: kafkaLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/history topic|schema.?history|schema-changes\.inventory|debezium|inventory-connector/i, /retention|86400000|missing|deleted/i],
      facts: [/schema-changes\.inventory/, /retention\.ms|86400000/, /fully or partially missing|history topic/i],
      never: [/\bOOM/i, /orders-projector/, /disk (is )?full|no space/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. Celery soft time limit lowered below the task's duration -----------------------------------

function celerySoftTimeLimit(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '162', '233']);
  const image = `${ECR}/reports/reports-worker:2.14.0`;
  const tpl = (soft: string, hard: string) => ({ containers: [batchContainer({
    name: 'worker', image, cpu: '1', memory: '2Gi',
    command: ['celery', '-A', 'reports', 'worker', '--loglevel=INFO', '--concurrency=4', '-Q', 'statements,default'],
    env: [
      { name: 'CELERY_BROKER_URL', value: 'redis://reports-redis.reports.svc.cluster.local:6379/0' },
      { name: 'CELERY_TASK_SOFT_TIME_LIMIT', value: soft }, { name: 'CELERY_TASK_TIME_LIMIT', value: hard },
      { name: 'DJANGO_SETTINGS_MODULE', value: 'reports.settings.prod' },
    ],
  })] });
  const worker = deploymentApp({
    namespace: ns, name: 'reports-worker', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: reports-worker 2.14.0', template: tpl('900', '960') },
      { revision: 19, createdAgo: 95, changeCause: 'argocd: reports-worker tune time limits (OPS-1187)', template: tpl('120', '180') },
    ],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 94 - k })),
    settled: { available: true, availableSince: 92, progressingSince: 95, progressingUpdatedAgo: 92 },
  });
  const redis = deploymentApp({
    namespace: ns, name: 'reports-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis') })] } }],
    pods: [{ revision: 2, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const web = bystander(ns, 'reports-web', names, 4 * HOURS, { revisions: [52, 53], versions: ['2.13.9', '2.14.0'], olderAgo: 9 * DAYS });
  const ct = (m: number) => pyTime(m);
  const wlog = (k: number) => {
    const out = [
      `[${ct(93.5 - k)}: INFO/MainProcess] Connected to redis://reports-redis.reports.svc.cluster.local:6379/0`,
      `[${ct(93.5 - k)}: INFO/MainProcess] mingle: searching for neighbors`,
      `[${ct(93.4 - k)}: INFO/MainProcess] celery@reports-worker-${k} ready.`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 88 - i * 10.5 - k * 1.3;
      const id = `${(0x5c1e0a2b + i * 104729 + k * 7919).toString(16)}-2f4d-4b8e-9c1a-${(0x3e71d2c9a0b1 + i * 31 + k).toString(16)}`;
      const acct = 40211 + i * 17 + k * 5;
      out.push(
        `[${ct(t)}: INFO/MainProcess] Task reports.tasks.generate_monthly_statement[${id}] received`,
        `[${ct(t - 2)}: WARNING/MainProcess] Soft time limit (120s) exceeded for reports.tasks.generate_monthly_statement[${id}]`,
        `[${ct(t - 2)}: ERROR/ForkPoolWorker-${(i % 4) + 1}] Task reports.tasks.generate_monthly_statement[${id}] raised unexpected: SoftTimeLimitExceeded()`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task`,
        `    R = retval = fun(*args, **kwargs)`,
        `  File "/app/reports/tasks.py", line 88, in generate_monthly_statement`,
        `    pdf = render_statement(account_id=${acct}, period="2026-10")`,
        `  File "/app/reports/render.py", line 141, in render_statement`,
        `    rows = list(ledger.iter_entries(account_id, period))`,
        `  File "/usr/local/lib/python3.12/site-packages/billiard/pool.py", line 229, in soft_timeout_sighandler`,
        `    raise SoftTimeLimitExceeded()`,
        `celery.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()`,
        `[${ct(t - 3)}: INFO/ForkPoolWorker-${((i + 1) % 4) + 1}] Task reports.tasks.send_statement_ready_email[${id.slice(0, 8)}-aa01-4d2e-8f3a-0c1d2e3f4a5b] succeeded in 0.412s: None`,
      );
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout94-celery-soft-time-limit',
    class: 'jobs',
    truth: 'reports-worker revision 19 (95 minutes ago, "tune time limits") lowered CELERY_TASK_SOFT_TIME_LIMIT from 900 to 120 seconds (and the hard limit from 960 to 180), but reports.tasks.generate_monthly_statement takes several minutes per account during the month-end run. Every statement task now hits the soft limit and fails with celery.exceptions.SoftTimeLimitExceeded; workers themselves stay up and short tasks succeed. Fix: restore the 900 s limit (or set soft_time_limit on that task) — roll back revision 19.',
    ask: { service: 'reports-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...redis.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'reports-redis', selector: { app: 'reports-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'reports-web', selector: { app: 'reports-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 19), 2, 0, 95),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 18), 0, 2, 92),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(worker, k), 'worker', { current: wlog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SoftTimeLimit|soft.?time.?limit|time limit|CELERY_TASK_SOFT_TIME_LIMIT/i, /revision 19|\b120\b|lower|900/i],
      facts: [/SoftTimeLimitExceeded/, /CELERY_TASK_SOFT_TIME_LIMIT|\b120 ?s?\b/, /generate_monthly_statement|revision 19/],
      never: [/\bOOM/i, /reports-web/, /reports-redis[^\n]*(down|unreachable|refused)/i, /crash ?loop/i],
    },
  };
}

// ---- 5. Elasticsearch mapper_parsing_exception after the indexer sends "N/A" ------------------------

function esMapperParsing(): CorpusScenario {
  const ns = 'listings';
  const { nodes, names } = threeEksNodes('10.0.92', ['27', '148', '215']);
  const es = statefulSetApp({
    namespace: ns, name: 'listings-es', replicas: 3, serviceName: 'listings-es-headless', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({
      name: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch:7.17.24', ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
      readiness: execProbe(['bash', '-c', 'curl -fs localhost:9200/_cluster/health?local=true']), liveness: tcpProbe('transport', { initialDelaySeconds: 90 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 3, ordinal: o, node: names[o] ?? '', createdAgo: 25 * DAYS - o })),
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-listings-es-${o}`, storage: '200Gi', storageClass: 'gp3', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 70 * DAYS }));
  const image = (v: string) => `${ECR}/listings/listings-indexer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', env: [{ name: 'ES_URL', value: 'http://listings-es.listings.svc.cluster.local:9200' }, { name: 'ES_INDEX', value: 'listings-v7' }, { name: 'BULK_SIZE', value: '500' }] })] });
  const indexer = deploymentApp({
    namespace: ns, name: 'listings-indexer', replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: listings-indexer 3.7.4', template: tpl('3.7.4') },
      { revision: 41, createdAgo: 72, changeCause: 'argocd: listings-indexer 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 71 - k })),
    settled: { available: true, availableSince: 69, progressingSince: 72, progressingUpdatedAgo: 69 },
  });
  const search = bystander(ns, 'listings-search', names, 9 * HOURS, { revisions: [88, 89], versions: ['5.1.2', '5.1.3'], olderAgo: 8 * DAYS });
  const ilog = (k: number) => {
    const out = [`{"level":"info","time":"${at(70 - k)}","service":"listings-indexer","version":"3.8.0","msg":"consumer started","topic":"listing-updates","group":"listings-indexer"}`];
    for (let i = 0; i < 14; i++) {
      const t = 60 - i * 4.2 - k * 0.4;
      const id = `L-${881200 + i * 37 + k * 11}`;
      out.push(
        `{"level":"error","time":"${at(t)}","service":"listings-indexer","msg":"bulk item failed","index":"listings-v7","_id":"${id}","status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse field [bedrooms] of type [long] in document with id '${id}'. Preview of field's value: 'N/A'","caused_by":{"type":"illegal_argument_exception","reason":"For input string: \\"N/A\\""}}}`,
        `{"level":"warn","time":"${at(t - 0.01)}","service":"listings-indexer","msg":"bulk request finished with errors","took_ms":${180 + i * 7},"items":500,"failed":${140 + ((i * 37 + k * 13) % 90)},"dead_lettered":${140 + ((i * 37 + k * 13) % 90)}}`,
      );
    }
    return out.join('\n') + '\n';
  };
  const eslog = (o: number) => o === 0 ? lines(
    `{"type": "server", "timestamp": "${at(58).replace('Z', '+00:00')}", "level": "DEBUG", "component": "o.e.a.b.TransportShardBulkAction", "cluster.name": "listings", "node.name": "listings-es-0", "message": "[listings-v7][2] failed to execute bulk item (index) index {[listings-v7][_doc][L-881237], source[n/a, actual length: [2.1kb], max length: 2kb]}", "cluster.uuid": "7rZP0x3mQkq1bZcYfXJw2g", "node.id": "b3kq9Z1sT0e7Wl2c6hQ4xA" , "stacktrace": ["org.elasticsearch.index.mapper.MapperParsingException: failed to parse field [bedrooms] of type [long] in document with id 'L-881237'. Preview of field's value: 'N/A'", "at org.elasticsearch.index.mapper.FieldMapper.parse(FieldMapper.java:238) ~[elasticsearch-7.17.24.jar:7.17.24]"] }`,
    `{"type": "server", "timestamp": "${at(12).replace('Z', '+00:00')}", "level": "INFO", "component": "o.e.c.m.MetadataMappingService", "cluster.name": "listings", "node.name": "listings-es-0", "message": "[.ds-ilm-history-5-2026.11.01/Xq2p] update_mapping [_doc]", "cluster.uuid": "7rZP0x3mQkq1bZcYfXJw2g", "node.id": "b3kq9Z1sT0e7Wl2c6hQ4xA"  }`,
  ) : lines(`{"type": "server", "timestamp": "${at(30).replace('Z', '+00:00')}", "level": "INFO", "component": "o.e.m.j.JvmGcMonitorService", "cluster.name": "listings", "node.name": "listings-es-${o}", "message": "[gc][1804522] overhead, spent [263ms] collecting in the last [1s]" }`);
  const slog = (k: number) => lines(
    `{"level":"info","time":"${at(20 - k)}","msg":"search","q":"2 bed flat hackney","hits":412,"took_ms":${31 + k},"status":200}`,
    `{"level":"info","time":"${at(3 - k)}","msg":"search","q":"studio e8","hits":96,"took_ms":${22 + k},"status":200}`,
  );
  return {
    id: 'heldout94-es-mapper-parsing-na',
    class: 'rollout',
    truth: 'listings-indexer 3.8.0 (revision 41, 72 minutes ago) started sending the string "N/A" for bedrooms when a listing has no bedroom count (3.7.4 omitted the field). bedrooms is mapped as long in listings-v7, so Elasticsearch rejects those documents with mapper_parsing_exception ("failed to parse field [bedrooms] of type [long] ... Preview of field\'s value: \'N/A\'") and a large share of each bulk request is dead-lettered; the cluster is healthy and searches still work. Fix: roll back to 3.7.4 (revision 40) or send null / omit the field, then replay the dead letters.',
    ask: { service: 'listings-indexer', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims, ...indexer.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'listings-es', selector: { app: 'listings-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'listings-es-headless', selector: { app: 'listings-es' }, pods: es.pods, ports: [{ name: 'transport', port: 9300, targetPort: 'transport' }], endpointPort: 9300, headless: true }),
      ...exposed({ namespace: ns, name: 'listings-search', selector: { app: 'listings-search' }, pods: search.pods }),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 41), 2, 0, 72),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 40), 0, 2, 69),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(indexer, k), 'app', { current: ilog(k) })),
      ...[0, 1, 2].map((o) => logsFor(podOf(es, o), 'elasticsearch', { current: eslog(o) })),
      ...[0, 1].map((k) => logsFor(podOf(search, k), 'app', { current: slog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mapper_parsing_exception|MapperParsing|failed to parse|mapping|bedrooms/i, /revision 41|3\.8\.0|N\/A|string|listings-indexer/i],
      facts: [/bedrooms/, /N\/A/, /revision 41|3\.8\.0/],
      never: [/\bOOM/i, /listings-search/, /listings-es[^\n]*(down|unavailable|not ready|red)/i, /disk|watermark|read.only/i],
    },
  };
}

// ---- 6. Postgres data directory owned by uid 999, new revision runs as uid 70 ----------------------

function postgresWrongOwnership(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.96', ['19', '137', '226']);
  const tpl = (image: string, sc?: k8s.V1PodSecurityContext) => ({
    ...(sc === undefined ? {} : { securityContext: sc }),
    containers: [container({
      name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }],
      envFrom: [{ secretRef: { name: 'ledger-db-credentials' } }],
      readiness: execProbe(['pg_isready', '-U', 'ledger', '-d', 'ledger'], { periodSeconds: 5 }), liveness: execProbe(['pg_isready', '-U', 'ledger'], { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db-headless',
    revisions: [
      { revision: 5, createdAgo: 140 * DAYS, template: tpl('docker.io/library/postgres:16.4') },
      { revision: 6, createdAgo: 23, template: tpl('docker.io/library/postgres:16.4-alpine', { runAsUser: 70, runAsGroup: 70, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }) },
    ],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 22, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 1 }, 9) } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '100Gi', storageClass: 'gp3', zone: 'eu-west-1b', createdAgo: 140 * DAYS });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 33, createdAgo: 4 * DAYS, changeCause: 'argocd: ledger-api 1.22.0', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:1.22.0`, ports: [8080], env: [{ name: 'DATABASE_URL', value: 'postgres://ledger@ledger-db.ledger.svc.cluster.local:5432/ledger' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 33, node: names[k * 2] ?? '', createdAgo: 4 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 4 * DAYS - k, ready: false }) } })),
  });
  const dbPod = podOf(db, 0);
  const crash = lines(
    `${pgTime(1.52)} [1] FATAL:  data directory "/var/lib/postgresql/data/pgdata" has wrong ownership`,
    `${pgTime(1.52)} [1] HINT:  The server must be started by the user that owns the data directory.`,
  );
  const apiLog = (k: number) => lines(
    `time=${at(24 - k)} level=INFO msg="request" method=POST path=/v1/entries status=201 dur_ms=${18 + k}`,
    `time=${at(21 - k)} level=ERROR msg="db ping failed" err="dial tcp 172.20.40.12:5432: connect: connection refused"`,
    `time=${at(8 - k)} level=ERROR msg="db ping failed" err="failed to connect to \`host=ledger-db.ledger.svc.cluster.local user=ledger database=ledger\`: dial error (dial tcp 172.20.40.12:5432: connect: connection refused)"`,
    `time=${at(1 - k * 0.2)} level=WARN msg="readiness: database unavailable"`,
  );
  return {
    id: 'heldout94-postgres-data-wrong-ownership',
    class: 'storage',
    truth: 'Not a full disk or a mount problem: the ledger-db volume data-ledger-db-0 is bound and mounted, but its files were written by the Debian postgres image as uid 999. StatefulSet revision 6 (23 minutes ago, a Pod Security hardening change) switched to postgres:16.4-alpine with runAsUser 70 / runAsNonRoot and no fsGroup, so the entrypoint cannot chown and postgres refuses to start: "data directory "/var/lib/postgresql/data/pgdata" has wrong ownership". ledger-db-0 crash-loops and ledger-api cannot connect. Fix: run as uid 999 (the Debian image) or chown the data directory to 70 (init container / fsGroup 70 with fsGroupChangePolicy), i.e. revert revision 6.',
    ask: { service: 'ledger-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claim, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432, clusterIP: '172.20.40.12' }),
      ...exposed({ namespace: ns, name: 'ledger-db-headless', selector: { app: 'ledger-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432, headless: true }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      backOff(dbPod, 'postgres', { count: 96, firstAgo: 21, lastAgo: 0.5 }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, reason: 'SuccessfulDelete', message: 'delete Pod ledger-db-0 in StatefulSet ledger-db successful', firstAgo: 22.5, lastAgo: 22.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db', namespace: ns }, reason: 'SuccessfulCreate', message: 'create Pod ledger-db-0 in StatefulSet ledger-db successful', firstAgo: 22, lastAgo: 22, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: crash, previous: crash }),
      ...[0, 1].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ownership|owner|permission|uid|runAsUser|\b70\b|\b999\b|chown|fsGroup/i, /revision 6|runAsUser|alpine|securityContext|fsGroup|ledger-db/i],
      facts: [/wrong ownership/i, /runAsUser|\b70\b|alpine/i, /data-ledger-db-0|revision 6/],
      never: [/\bOOM/i, /disk (is )?full|no space|inode/i, /Multi-Attach|corrupt/i, /ledger-api[^\n]*(revision 33|caused)/i],
    },
  };
}

// ---- control: PyTorch batch inference with a DataLoader worker-count warning -----------------------

function healthyTorchInference(): CorpusScenario {
  const ns = 'ml-batch';
  const { nodes, names } = threeEksNodes('10.0.104', ['22', '150', '201']);
  const image = `${ECR}/ml/embeddings-batch:0.9.3`;
  const app = deploymentApp({
    namespace: ns, name: 'embeddings-batch', replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 15 * DAYS, changeCause: 'argocd: embeddings-batch 0.9.2', template: { containers: [container({ image: `${ECR}/ml/embeddings-batch:0.9.2`, ports: [8080], cpu: '4', memory: '12Gi' })] } },
      { revision: 7, createdAgo: 3 * DAYS, changeCause: 'argocd: embeddings-batch 0.9.3', template: { containers: [container({ image, ports: [8080], cpu: '4', memory: '12Gi', env: [{ name: 'NUM_WORKERS', value: '8' }, { name: 'BATCH_SIZE', value: '256' }, { name: 'RUN_EVERY', value: '30m' }] })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const other = bystander(ns, 'feature-store-api', names, 7 * HOURS, { revisions: [21, 22], versions: ['2.0.4', '2.0.5'], olderAgo: 10 * DAYS });
  const log = (k: number) => {
    const out: string[] = [];
    for (const start of [95, 65, 35, 5]) {
      const s = start - k * 0.5;
      const n = 48000 + ((start * 131 + k * 17) % 4000);
      out.push(
        `${pyTime(s)} INFO embeddings_batch.run: run started shard=${k} pending_items=${n} model=e5-base-v2 device=cpu`,
        `/usr/local/lib/python3.11/site-packages/torch/utils/data/dataloader.py:557: UserWarning: This DataLoader will create 8 worker processes in total. Our suggested max number of worker in current system is 4, which is smaller than what this DataLoader is going to create. Please be aware that excessive worker creation might get DataLoader running slow or even freeze, lower the worker number to avoid potential slowness/freeze if necessary.`,
        `  warnings.warn(_create_warning_msg(`,
        `${pyTime(s - 6)} INFO embeddings_batch.run: progress ${Math.round(n / 2)}/${n} items, 141.2 items/s`,
        `${pyTime(s - 11.5)} INFO embeddings_batch.run: run finished shard=${k} embedded=${n} failed=0 duration=${(690 + k * 11 + start).toFixed(0)}s upserted=${n}`,
      );
      if (s - 12 > 0) out.push(`${pyTime(s - 12)} INFO uvicorn.access: 10.0.104.9:41822 - "GET /healthz HTTP/1.1" 200`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout94-healthy-torch-dataloader-warning',
    class: 'healthy',
    truth: 'Healthy: embeddings-batch runs a PyTorch inference batch every 30 minutes; each run logs torch\'s UserWarning that the DataLoader will create 8 worker processes while 4 are suggested (NUM_WORKERS=8 on a 4-CPU request). It is advisory only: every run finishes with failed=0, pods are ready with no restarts and no warning events.',
    ask: { service: 'embeddings-batch', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'embeddings-batch', selector: { app: 'embeddings-batch' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'feature-store-api', selector: { app: 'feature-store-api' }, pods: other.pods }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|fine|ok\b|running normally/i],
      facts: [/embeddings-batch/],
      never: [/DataLoader|worker process/i, /freeze|slowness/i, /\bOOM/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  railsSecretKeyBaseSplit(),
  keycloakHostnameIssuer(),
  debeziumHistoryRetention(),
  celerySoftTimeLimit(),
  esMapperParsing(),
  postgresWrongOwnership(),
  healthyTorchInference(),
];
