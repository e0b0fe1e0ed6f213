// Held-out stories, eighty-first round, part two:
// 1. (capacity) promo-engine 3.4.0 rebuilds its index with `KEYS *` on the shared Redis (5M keys):
//    Redis blocks for seconds and cart-api, unchanged, times out on every call.
// 2. (config) notification-service's MAIL_FROM changed in its ConfigMap to an address SES never
//    verified: "MessageRejected: Email address is not verified".
// 3. (config) a new marketing CronJob newsletter-blast sends through the same Google Workspace
//    account as transactional-mailer, which now gets "550 5.4.5 Daily user sending quota exceeded".
// 4. (network) payout-service moved to a python:3.12-alpine base (OpenSSL 3): the
//    partner bank's SHA-1-signed CA fails "CA signature digest algorithm too weak"; pods stay Ready.
// 5. (probes) DEBUG logging switched on in order-service's log4j2 ConfigMap fills the async
//    ring buffer; request threads block in the Disruptor, liveness probes time out.
// 6. (network) ranker's Service port renamed grpc → http2 by a chart upgrade: search-api's DNS SRV
//    lookup of _grpc._tcp.ranker fails.
// 7. (healthy) a Node.js webhook relay that prints the DEP0005 Buffer() deprecation warning at boot.
import {
  DAYS, ECR, HOURS, at, batchContainer, configMap, terminated, container, cronJob, deploymentApp, exposed, httpProbe, execProbe,
  probeFailed, probeKilling, pyTime, running, scaledReplicaSet, rsOf, tcpProbe, service, endpointSliceFor,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback/Spring time: `2026-11-21T03:12:41.563Z`. */
const springTime = (m: number): string => at(m);
/** Tomcat JUL time: `21-Nov-2026 03:12:41.563`. */
const julTime = (m: number): string => {
  const iso = at(m);
  return `${iso.slice(8, 10)}-Nov-${iso.slice(0, 4)} ${iso.slice(11, 23)}`;
};

// ---- 1. KEYS * on a shared Redis -------------------------------------------------------------------

function redisKeysStarBlocks(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.84', ['12', '140', '233']);
  const redis = deploymentApp({
    namespace: ns, name: 'shop-redis', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 63 * DAYS, template: { containers: [container({
      name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', args: ['--maxmemory', '3gb', '--maxmemory-policy', 'allkeys-lru', '--save', ''],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '4Gi',
      readiness: execProbe(['redis-cli', 'ping'], { timeoutSeconds: 1, periodSeconds: 10 }), liveness: tcpProbe('redis', { periodSeconds: 15 }),
    })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 22 * DAYS }],
  });
  const cartTpl = { containers: [container({ image: `${ECR}/shop/cart-api:2.19.3`, ports: [8080], cpu: '300m', memory: '256Mi',
    env: [{ name: 'REDIS_ADDR', value: 'shop-redis.shop.svc.cluster.local:6379' }, { name: 'REDIS_READ_TIMEOUT', value: '500ms' }, { name: 'REDIS_POOL_SIZE', value: '40' }],
    readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] };
  const cart = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [{ revision: 52, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 2.19.3', template: cartTpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 9 * DAYS - k,
      ...(k === 1 ? { containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 2 * DAYS, ranSeconds: 6 * 86400 } }) } } : {}) })),
  });
  const promoImg = (v: string) => `${ECR}/shop/promo-engine:${v}`;
  const promoTpl = (v: string) => ({ containers: [container({ image: promoImg(v), ports: [8080], cpu: '250m', memory: '512Mi',
    env: [{ name: 'REDIS_URL', value: 'redis://shop-redis.shop.svc.cluster.local:6379/0' }, { name: 'INDEX_REFRESH_SECONDS', value: '60' }] })] });
  const promo = deploymentApp({
    namespace: ns, name: 'promo-engine', replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 12 * DAYS, changeCause: 'argocd: promo-engine 3.3.2', template: promoTpl('3.3.2') },
      { revision: 18, createdAgo: 47, changeCause: 'argocd: promo-engine 3.4.0', template: promoTpl('3.4.0') },
    ],
    pods: [{ revision: 18, node: names[0] ?? '', createdAgo: 47 }, { revision: 18, node: names[1] ?? '', createdAgo: 46 }],
    settled: { available: true, availableSince: 45, progressingSince: 47, progressingUpdatedAgo: 45 },
  });
  const web = bystander(ns, 'shop-web', names, 3 * HOURS, { revisions: [88, 89], versions: ['2026.11.20-3', '2026.11.21-1'], olderAgo: DAYS });
  const redisIp = '172.20.61.38';
  const cartLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(9 * DAYS - k)}","msg":"cart-api starting","version":"2.19.3"}`, `{"level":"info","ts":"${at(9 * DAYS - k)}","msg":"redis pool ready","addr":"shop-redis.shop.svc.cluster.local:6379","pool_size":40}`];
    for (let i = 0; i < 40; i++) {
      const t = 44 - i * 1.1 - k * 0.07;
      const port = 40000 + ((i * 733 + k * 97) % 20000);
      if (i % 4 === 3) out.push(`{"level":"info","ts":"${at(t)}","msg":"request","method":"GET","path":"/v1/carts/c_${81230 + i}","status":200,"duration_ms":${12 + i % 7}}`);
      else if (i % 4 === 1) out.push(`{"level":"error","ts":"${at(t)}","msg":"request failed","method":"POST","path":"/v1/carts/c_${81230 + i}/items","status":503,"duration_ms":${3010 + i * 3},"error":"redis: connection pool timeout"}`);
      else out.push(`{"level":"error","ts":"${at(t)}","msg":"request failed","method":"GET","path":"/v1/carts/c_${81230 + i}","status":504,"duration_ms":${501 + i},"error":"read tcp ${ipOfPod(podOf(cart, k))}:${port}->${redisIp}:6379: i/o timeout"}`);
    }
    return out.join('\n') + '\n';
  };
  const promoLog = (k: number) => {
    const out = [`[${pyTime(47 - k)}] INFO promo_engine.app: starting promo-engine 3.4.0`, `[${pyTime(47 - k)}] INFO promo_engine.index: index refresh every 60s, pattern='*'`];
    for (let i = 0; i < 22; i++) {
      const t = 45 - k * 0.5 - i * 2;
      out.push(`[${pyTime(t)}] INFO promo_engine.index: refreshing promo index: KEYS * on redis://shop-redis.shop.svc.cluster.local:6379/0`);
      out.push(`[${pyTime(t - 0.12)}] INFO promo_engine.index: KEYS * returned ${5_212_000 + i * 911} keys in ${(6.4 + (i % 5) * 0.37).toFixed(2)}s; kept ${1180 + i} promo:* keys`);
    }
    return out.join('\n') + '\n';
  };
  const redisLog = [
    `1:C 02 Nov 2026 03:22:07.114 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C 02 Nov 2026 03:22:07.114 * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M 02 Nov 2026 03:22:07.116 * Server initialized`,
    `1:M 02 Nov 2026 03:22:07.116 * Ready to accept connections tcp`,
  ].join('\n') + '\n';
  const redisPod = podOf(redis, 0);
  return {
    id: 'heldout81-redis-keys-star-blocks-shared-cache',
    class: 'capacity',
    truth: 'promo-engine 3.4.0 (revision 18, rolled out 47 min ago) refreshes its promo index every minute with `KEYS *` against the shared shop-redis, which holds ~5.2M keys; each KEYS takes 6–7 s and Redis, single-threaded, serves nothing else meanwhile. cart-api (unchanged for 9 days) hits its 500 ms read timeout ("i/o timeout") and "redis: connection pool timeout", returning 503/504, and shop-redis readiness probes time out. Fix: roll back promo-engine or replace KEYS with SCAN on a prefix (or a set of promo ids); rename-command KEYS on the shared Redis.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...cart.objects, ...promo.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'shop-redis', selector: { app: 'shop-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, clusterIP: redisIp }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: promo.pods }),
      scaledReplicaSet(deploymentOf(promo), rsOf(promo, 18), 2, 0, 47),
      scaledReplicaSet(deploymentOf(promo), rsOf(promo, 17), 0, 2, 45),
      probeFailed(redisPod, 'redis', 'Readiness', 'command "redis-cli ping" timed out', { count: 19, firstAgo: 44, lastAgo: 1.5 }),
      probeFailed(podOf(cart, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(cart, 1))}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 2 * DAYS + 5, lastAgo: 2 * DAYS + 2 }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(cart, k), 'app', { current: cartLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(promo, k), 'app', { current: promoLog(k) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/KEYS|promo-engine/i, /redis/i],
      facts: [/KEYS \*/, /promo-engine/, /i\/o timeout|pool timeout/i, /3\.4\.0|revision 18|SCAN/i],
      never: [/cart-api[^\n]*(roll ?back|undo)/i, /\bOOM/, /NetworkPolicy/i],
    },
  };
}

// ---- 2. SES MessageRejected after MAIL_FROM change --------------------------------------------------

function sesSenderNotVerified(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.52', ['20', '118', '204']);
  const cm = configMap({ namespace: ns, name: 'notification-service-config', createdAgo: 210 * DAYS, updatedAgo: 38, data: {
    AWS_REGION: 'eu-west-1', MAIL_FROM: 'Acme Shop <notifications@acme-shop.com>', MAIL_REPLY_TO: 'support@acme-shop.com',
    SES_CONFIGURATION_SET: 'transactional', QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/notify-email', WORKER_CONCURRENCY: '8',
  } });
  const tpl = (v: string, restartedAt?: string) => ({
    containers: [container({ image: `${ECR}/notify/notification-service:${v}`, ports: [8000], cpu: '200m', memory: '384Mi',
      envFrom: [{ configMapRef: { name: 'notification-service-config' } }], readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000) })],
    serviceAccountName: 'notification-service',
    ...(restartedAt ? { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } : {}),
  });
  const app = deploymentApp({
    namespace: ns, name: 'notification-service', replicas: 2,
    revisions: [
      { revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: notification-service 1.41.0', template: tpl('1.41.0') },
      { revision: 34, createdAgo: 36, template: tpl('1.41.0', at(36)) },
    ],
    pods: [{ revision: 34, node: names[0] ?? '', createdAgo: 36 }, { revision: 34, node: names[2] ?? '', createdAgo: 35 }],
    settled: { available: true, availableSince: 35, progressingSince: 36, progressingUpdatedAgo: 35 },
  });
  const other = bystander(ns, 'notify-preferences', names, 4 * HOURS, { revisions: [11, 12], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  const users = ['u_88123', 'u_10452', 'u_77310', 'u_23018', 'u_55402', 'u_90117'];
  const tplNames = ['order_confirmation', 'password_reset', 'shipping_update'];
  const log = (k: number) => {
    const out = [
      `[${pyTime(36 - k)}] INFO notify.worker: starting notification-service 1.41.0, concurrency=8, from='Acme Shop <notifications@acme-shop.com>'`,
      `[${pyTime(36 - k)}] INFO botocore.credentials: Found credentials from IAM Role: notification-service`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 34 - i * 2.3 - k * 0.4;
      out.push(`[${pyTime(t)}] ERROR notify.worker: send failed template=${tplNames[i % 3]} user=${users[(i + k) % 6]} message_id=m-${7731000 + i * 17 + k}`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/notify/worker.py", line 142, in deliver');
      out.push('    resp = self.ses.send_email(**params)');
      out.push('  File "/usr/local/lib/python3.11/site-packages/botocore/client.py", line 1023, in _make_api_call');
      out.push('    raise error_class(parsed_response, operation_name)');
      out.push('botocore.errorfactory.MessageRejected: An error occurred (MessageRejected) when calling the SendEmail operation: Email address is not verified. The following identities failed the check in region EU-WEST-1: notifications@acme-shop.com');
      out.push(`[${pyTime(t - 0.01)}] WARNING notify.worker: message m-${7731000 + i * 17 + k} returned to queue (receive count ${1 + (i % 4)})`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout81-ses-sender-address-not-verified',
    class: 'config',
    truth: 'MAIL_FROM in the notification-service-config ConfigMap was changed 38 min ago from no-reply@mail.acme-shop.io (a verified SES identity) to notifications@acme-shop.com, and the Deployment was restarted to pick it up (revision 34). acme-shop.com is not a verified identity in SES eu-west-1, so every SendEmail fails with "MessageRejected: Email address is not verified" and messages go back to the queue. Fix: verify the acme-shop.com domain/address in SES or set MAIL_FROM back to the verified sender.',
    ask: { service: 'notification-service', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notification-service', selector: { app: 'notification-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'notify-preferences', selector: { app: 'notify-preferences' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 2, 0, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 2, 35),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/MessageRejected|not verified|unverified/i, /notifications@acme-shop\.com|MAIL_FROM|sender|from address|SES/i],
      facts: [/Email address is not verified/i, /notifications@acme-shop\.com/, /notification-service-config|MAIL_FROM/],
      never: [/AccessDenied|credentials? (expired|invalid|missing)/i, /\bOOM/, /notify-preferences/],
    },
  };
}

// ---- 3. SMTP daily quota exhausted by a marketing CronJob -------------------------------------------

function smtpQuotaSharedAccount(): CorpusScenario {
  const ns = 'mail';
  const { nodes, names } = threeEksNodes('10.0.66', ['33', '171', '219']);
  const cm = configMap({ namespace: ns, name: 'smtp-settings', createdAgo: 300 * DAYS, updatedAgo: 3 * DAYS, data: {
    SMTP_HOST: 'smtp.gmail.com', SMTP_PORT: '587', SMTP_USER: 'mailer@acme-shop.io', SMTP_STARTTLS: 'true',
  } });
  const mailer = deploymentApp({
    namespace: ns, name: 'transactional-mailer', replicas: 2,
    revisions: [{ revision: 21, createdAgo: 15 * DAYS, changeCause: 'argocd: transactional-mailer 3.2.1', template: { containers: [container({
      image: `${ECR}/mail/transactional-mailer:3.2.1`, ports: [3000], cpu: '150m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'smtp-settings' } }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000) })] } }],
    pods: [{ revision: 21, node: names[0] ?? '', createdAgo: 15 * DAYS }, { revision: 21, node: names[1] ?? '', createdAgo: 15 * DAYS - 1 }],
  });
  const cron = cronJob({
    namespace: ns, name: 'newsletter-blast', schedule: '0 1 * * *', createdAgo: 20 * HOURS,
    template: { containers: [batchContainer({ name: 'sender', image: `${ECR}/marketing/newsletter-sender:0.4.0`, cpu: '200m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'smtp-settings' } }], env: [{ name: 'CAMPAIGN', value: 'black-friday-early-access' }, { name: 'BATCH_SIZE', value: '100' }] })] },
    jobs: [{ createdAgo: 2 * HOURS + 14, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 2 * HOURS + 14, containers: { sender: terminated({ exitCode: 0, finishedAgo: 73, ranSeconds: 60 * 60 }) } }], outcome: { complete: true, ago: 73 } }],
    lastSuccessfulAgo: 73,
  });
  const other = bystander(ns, 'bounce-processor', names, 5 * HOURS, { revisions: [6, 7], versions: ['1.8.0', '1.8.1'], olderAgo: 30 * DAYS });
  const mailerLog = (k: number) => {
    const out = [`{"level":30,"time":${Date.parse(at(15 * DAYS - k))},"pid":1,"hostname":"${podOf(mailer, k).metadata?.name}","msg":"transactional-mailer 3.2.1 listening on :3000"}`];
    for (let i = 0; i < 8; i++) out.push(`{"level":30,"time":${Date.parse(at(3 * HOURS - i * 9 - k))},"pid":1,"msg":"sent","template":"order_confirmation","messageId":"<${8812 + i}.${k}@acme-shop.io>","response":"250 2.0.0 OK  1732158${100 + i} d9443c01a7336-21f7e6a1b2csm${30 + i}-gsmtp"}`);
    for (let i = 0; i < 18; i++) {
      const t = 68 - i * 3.5 - k * 0.3;
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"msg":"send failed","template":"${['order_confirmation', 'password_reset', 'receipt'][i % 3]}","err":{"type":"Error","message":"Mail command failed: 550-5.4.5 Daily user sending quota exceeded. For more information on Gmail\\n550-5.4.5 sending limits go to\\n550 5.4.5  https://support.google.com/a/answer/166852 d9443c01a7336-21f7e6a${i}csm${k}-gsmtp","code":"EENVELOPE","response":"550-5.4.5 Daily user sending quota exceeded.","responseCode":550,"command":"MAIL FROM"}}`);
    }
    return out.join('\n') + '\n';
  };
  const jobPod = cron.jobs[0]?.pods[0];
  const cronLog = [
    `${at(2 * HOURS + 13)} INFO campaign black-friday-early-access: 41,870 recipients, batch 100, via smtp.gmail.com:587 as mailer@acme-shop.io`,
    ...[1, 50, 100, 150, 200].map((b, i) => `${at(2 * HOURS + 10 - i * 13)} INFO batch ${b}/419 sent (${b * 100} messages)`),
    `${at(74)} WARN batch 201/419: 550-5.4.5 Daily user sending quota exceeded.`,
    `${at(73)} INFO stopping: SMTP quota reached after 20,000 messages; 21,870 remaining will be retried tomorrow`,
  ].join('\n') + '\n';
  return {
    id: 'heldout81-smtp-daily-quota-shared-with-cronjob',
    class: 'config',
    truth: 'A new marketing CronJob newsletter-blast (created 20 h ago, schedule 0 1 * * *; tonight was its first run) uses the same smtp-settings ConfigMap, i.e. the same Google Workspace account mailer@acme-shop.io, as transactional-mailer. Tonight\'s run sent 20,000 campaign messages and exhausted the account\'s daily sending limit; since ~02:06 UTC every transactional mail fails with "550 5.4.5 Daily user sending quota exceeded" on MAIL FROM. transactional-mailer is unchanged and healthy. Fix: give the newsletter its own account/ESP (or a relay with a higher limit), pause the CronJob; the quota resets after 24 h.',
    ask: { service: 'transactional-mailer', namespace: ns },
    objects: [
      ...nodes, cm, ...mailer.objects, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'transactional-mailer', selector: { app: 'transactional-mailer' }, pods: mailer.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(mailer, k), 'app', { current: mailerLog(k) })),
      ...(jobPod ? [logsFor(jobPod, 'sender', { current: cronLog })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/5\.4\.5|sending (quota|limit)|quota|limit exceeded/i],
      facts: [/newsletter-blast/, /mailer@acme-shop\.io|smtp-settings|same (SMTP |mail )?account|shared/i, /550/],
      never: [/\b535\b|authentication fail|invalid credentials/i, /\bOOM/, /bounce-processor/],
    },
  };
}

// ---- 4. OpenSSL 3 rejects a partner's SHA-1-signed certificate after a base image upgrade ----------

function opensslRejectsWeakPartnerCert(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.90', ['15', '122', '240']);
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/payments/payout-service:${v}`, ports: [8000], cpu: '250m', memory: '384Mi',
    env: [{ name: 'PARTNER_API_URL', value: 'https://api.northbank-partners.com/v2' }, { name: 'PARTNER_TIMEOUT_SECONDS', value: '10' }, { name: 'GUNICORN_CMD_ARGS', value: '--workers 3 --bind 0.0.0.0:8000' }],
    readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'payout-service', replicas: 3,
    revisions: [
      { revision: 43, createdAgo: 11 * DAYS, changeCause: 'argocd: payout-service 2.6.4 (python:3.9-alpine3.13)', template: tpl('2.6.4') },
      { revision: 44, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: payout-service 2.7.0 (base image python:3.12-alpine3.20)', template: tpl('2.7.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const other = bystander(ns, 'ledger-api', names, 6 * HOURS, { revisions: [70, 71], versions: ['5.1.0', '5.1.1'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const out = [
      `[${pyTime(2 * HOURS + 9 - k)}] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${pyTime(2 * HOURS + 9 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${pyTime(2 * HOURS + 9 - k)}] [7] [INFO] Booting worker with pid: 7`,
      `[${pyTime(2 * HOURS + 8.9 - k)}] INFO payouts.app: payout-service 2.7.0 up (Python 3.12.7, OpenSSL 3.3.2 3 Sep 2024)`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 2 * HOURS + 2 - i * 7.5 - k;
      const id = `po_${4410 + i * 3 + k}`;
      out.push(`[${pyTime(t)}] ERROR payouts.partner: payout ${id} submit failed, will retry`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 464, in _make_request');
      out.push('    self._validate_conn(conn)');
      out.push('  File "/usr/local/lib/python3.12/ssl.py", line 1346, in do_handshake');
      out.push('    self._sslobj.do_handshake()');
      out.push('ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: CA signature digest algorithm too weak (_ssl.c:1000)');
      out.push('');
      out.push('During handling of the above exception, another exception occurred:');
      out.push('');
      out.push(`requests.exceptions.SSLError: HTTPSConnectionPool(host='api.northbank-partners.com', port=443): Max retries exceeded with url: /v2/payouts (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: CA signature digest algorithm too weak (_ssl.c:1000)')))`);
      out.push(`[${pyTime(t - 0.05)}] INFO gunicorn.access: 10.0.${30 + k}.${11 + i} - - "POST /v1/payouts HTTP/1.1" 202 61 "-" "ledger-api/5.1.1"`);
      out.push(`[${pyTime(t - 0.07)}] INFO gunicorn.access: 10.0.90.15 - - "GET /health/ready HTTP/1.1" 200 15 "-" "kube-probe/1.30"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout81-openssl3-rejects-sha1-partner-cert',
    class: 'network',
    truth: 'payout-service 2.7.0 (revision 44, 2h10m ago) moved its base image from python:3.9-alpine3.13 (OpenSSL 1.1.1) to python:3.12-alpine3.20 (OpenSSL 3.3). OpenSSL 3 rates SHA-1 signatures below security level 1, and the partner bank api.northbank-partners.com still serves a chain whose intermediate CA certificate is SHA-1-signed, so every outbound call fails "CERTIFICATE_VERIFY_FAILED: CA signature digest algorithm too weak" (CA_MD_TOO_WEAK). Pods are Running and Ready, accept payouts (202) and queue them, but none is submitted. Fix: partner must reissue with SHA-256; interim: an SSLContext with @SECLEVEL=0 for that host only, or roll back to 2.6.4.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 44), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 43), 0, 3, 2 * HOURS + 6),
      probeFailed(podOf(other, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(other, 0))}:8080/ready": dial tcp ${ipOfPod(podOf(other, 0))}:8080: connect: connection refused`, { count: 2, firstAgo: 6 * HOURS - 0.5, lastAgo: 6 * HOURS - 0.8 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/digest algorithm too weak|CA_MD_TOO_WEAK|SHA-?1|security level|SECLEVEL|CERTIFICATE_VERIFY_FAILED|certificate/i, /OpenSSL|alpine|base image|python:?3\.12|2\.7\.0|revision 44|northbank/i],
      facts: [/too weak/i, /api\.northbank-partners\.com|northbank/, /alpine3\.20|OpenSSL 3|python:3\.12|base image/i],
      never: [/certificate[^\n]*expired|hostname mismatch/i, /\bDNS\b/, /\bOOM/],
    },
  };
}

// ---- 5. log4j2 async ring buffer full after DEBUG was switched on ------------------------------------

function log4jRingBufferFullDebug(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.44', ['27', '161', '208']);
  const xml = (level: string) => [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Configuration status="WARN" monitorInterval="30">',
    '  <Appenders>',
    '    <Console name="Console" target="SYSTEM_OUT">',
    '      <PatternLayout pattern="%d{ISO8601}{UTC}Z %5p 1 --- [%15.15t] %-40.40c{1.} : %m%n%xwEx"/>',
    '    </Console>',
    '  </Appenders>',
    '  <Loggers>',
    `    <Root level="${level}"><AppenderRef ref="Console"/></Root>`,
    '    <Logger name="org.apache.http.wire" level="INFO"/>',
    '  </Loggers>',
    '</Configuration>',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'order-service-logging', createdAgo: 140 * DAYS, updatedAgo: 54, data: { 'log4j2-spring.xml': xml('DEBUG') } });
  const tpl = { containers: [container({ image: `${ECR}/orders/order-service:7.3.2`, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
    env: [
      { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector -Dlog4j2.asyncLoggerRingBufferSize=262144' },
      { name: 'LOGGING_CONFIG', value: '/etc/order-service/log4j2-spring.xml' },
    ],
    volumeMounts: [{ name: 'logging', mountPath: '/etc/order-service', readOnly: true }],
    readiness: httpProbe('/actuator/health/readiness', 'management', { timeoutSeconds: 2 }),
    liveness: httpProbe('/actuator/health/liveness', 'management', { timeoutSeconds: 2, periodSeconds: 10, failureThreshold: 3 }) })],
    volumes: [{ name: 'logging', configMap: { name: 'order-service-logging', defaultMode: 420 } }] };
  const restarts = [4, 3, 5];
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [{ revision: 58, createdAgo: 5 * DAYS, changeCause: 'argocd: order-service 7.3.2', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 5 * DAYS - k,
      containers: { app: running({ sinceAgo: 3 + k * 2, ready: k !== 0, restarts: restarts[k] ?? 3, last: { exitCode: 143, finishedAgo: 3 + k * 2, ranSeconds: 540 } }) } })),
    settled: { available: true, availableSince: 5 * DAYS - 3, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 3 },
  });
  const other = bystander(ns, 'order-events', names, 20 * HOURS, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 15 * DAYS });
  const th = (n: number) => `http-nio-8080-exec-${n}`.slice(-15).padStart(15);
  const debugBurst = (t: number, k: number, n: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const tt = t - i * 0.02;
      const e = (i * 7 + k) % 200 + 1;
      out.push(`${at(tt)} DEBUG 1 --- [${th(e)}] o.s.w.s.DispatcherServlet                : POST "/api/v3/orders", parameters={}`);
      out.push(`${at(tt)} DEBUG 1 --- [${th(e)}] org.hibernate.SQL                        : select o1_0.id,o1_0.customer_id,o1_0.status,o1_0.total from orders o1_0 where o1_0.id=?`);
      out.push(`${at(tt)} DEBUG 1 --- [${th(e)}] o.h.e.t.i.TransactionImpl                : committing`);
      out.push(`${at(tt)} DEBUG 1 --- [${th(e)}] o.s.o.j.JpaTransactionManager            : Committing JPA transaction on EntityManager [SessionImpl(${1842000 + i})]`);
      out.push(`${at(tt)} DEBUG 1 --- [${th(e)}] o.s.w.s.DispatcherServlet                : Completed 201 CREATED`);
    }
    return out;
  };
  const prev = (k: number) => {
    const out = [
      `${at(12 + k * 2)}  INFO 1 --- [           main] c.a.o.OrderServiceApplication            : Started OrderServiceApplication in 21.7 seconds (process running for 23.4)`,
      ...debugBurst(11 + k * 2, k, 12),
      `WATCHDOG ${at(4 + k * 2)} 200/200 Tomcat worker threads busy for more than 10000 ms; stack of http-nio-8080-exec-${37 + k}:`,
      `"http-nio-8080-exec-${37 + k}" #91 daemon prio=5 os_prio=0 cpu=10312.44ms elapsed=512.03s tid=0x00007f3c2c0a1800 nid=0x7b waiting on condition`,
      '   java.lang.Thread.State: TIMED_WAITING (parking)',
      '\tat jdk.internal.misc.Unsafe.park(java.base@17.0.13/Native Method)',
      '\tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@17.0.13/LockSupport.java:410)',
      '\tat com.lmax.disruptor.MultiProducerSequencer.next(MultiProducerSequencer.java:136)',
      '\tat com.lmax.disruptor.MultiProducerSequencer.next(MultiProducerSequencer.java:105)',
      '\tat com.lmax.disruptor.RingBuffer.publishEvent(RingBuffer.java:524)',
      '\tat org.apache.logging.log4j.core.async.AsyncLoggerDisruptor.enqueueLogMessageWhenQueueFull(AsyncLoggerDisruptor.java:247)',
      '\tat org.apache.logging.log4j.core.async.AsyncLogger.handleRingBufferFull(AsyncLogger.java:246)',
      '\tat org.apache.logging.log4j.core.async.AsyncLogger.publish(AsyncLogger.java:230)',
      '\tat org.apache.logging.log4j.core.async.AsyncLogger.logWithThreadLocalTranslator(AsyncLogger.java:225)',
      '\tat org.apache.logging.log4j.spi.AbstractLogger.logIfEnabled(AbstractLogger.java:1906)',
      '\tat org.apache.logging.slf4j.Log4jLogger.debug(Log4jLogger.java:136)',
      '\tat org.hibernate.engine.jdbc.spi.SqlStatementLogger.logStatement(SqlStatementLogger.java:135)',
      '\tat com.acme.orders.api.OrderController.create(OrderController.java:88)',
      `WATCHDOG ${at(4 + k * 2)} log4j2 async queue: remainingCapacity=0 of 262144 (queue full policy: Default = block)`,
      ...debugBurst(3.2 + k * 2, k, 3),
    ];
    return out.join('\n') + '\n';
  };
  const cur = (k: number) => [
    `${at(3 + k * 2)}  INFO 1 --- [           main] c.a.o.OrderServiceApplication            : Starting OrderServiceApplication v7.3.2 using Java 17.0.13 with PID 1`,
    `${at(2.7 + k * 2)}  INFO 1 --- [           main] c.a.o.OrderServiceApplication            : Started OrderServiceApplication in 20.9 seconds (process running for 22.6)`,
    ...debugBurst(2.5 + k * 2, k, 10),
  ].join('\n') + '\n';
  const liveDetail = (k: number) => `Get "http://${ipOfPod(podOf(app, k))}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout81-log4j2-ring-buffer-full-debug',
    class: 'probes',
    truth: 'The root logger in the order-service-logging ConfigMap was switched from INFO to DEBUG 54 min ago; log4j2 (monitorInterval=30) reloaded it in place without a rollout. With all-async loggers (AsyncLoggerContextSelector) the DEBUG volume (Hibernate SQL, DispatcherServlet, transaction logs) outruns the console appender, the 262144-slot ring buffer fills, and with the default queue-full policy every request thread blocks in MultiProducerSequencer.next. Tomcat workers are exhausted, the liveness endpoint times out and the kubelet restarts the pods (exit 143) every ~9 min. Fix: set the level back to INFO (or DEBUG only for one logger), and set log4j2.asyncQueueFullPolicy=Discard.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: other.pods }),
      ...[0, 1, 2].flatMap((k) => [
        probeFailed(podOf(app, k), 'app', 'Liveness', liveDetail(k), { count: 3 * (restarts[k] ?? 3) + 1, firstAgo: 46 - k, lastAgo: 0.5 + k * 0.3 }),
        probeFailed(podOf(app, k), 'app', 'Readiness', liveDetail(k).replace('liveness', 'readiness'), { count: 4 * (restarts[k] ?? 3), firstAgo: 46.2 - k, lastAgo: 0.6 + k * 0.3 }),
        probeKilling(podOf(app, k), 'app', 'liveness', { count: restarts[k] ?? 3, firstAgo: 44 - k, lastAgo: 3 + k * 2 }),
      ]),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: cur(k), previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/DEBUG|log4j|logging|log level|ring ?buffer|async ?logg|Disruptor/i],
      facts: [/order-service-logging|log4j2-spring\.xml/, /ring ?buffer|Disruptor|AsyncLogger|queue full|remainingCapacity/i, /liveness/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /CPU (limit|throttl)/i],
    },
  };
}

// ---- 6. Service port renamed grpc → http2 breaks DNS SRV discovery ----------------------------------

function servicePortRenamedSrv(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.58', ['19', '126', '231']);
  const rankerTpl = (portName: string, v: string) => ({ containers: [container({ image: `${ECR}/search/ranker:${v}`, ports: [{ name: portName, containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }], cpu: '1', memory: '2Gi',
    readiness: { grpc: { port: 9090 }, periodSeconds: 10 }, liveness: tcpProbe(9090) })], labels: { 'helm.sh/chart': `ranker-${v.startsWith('4') ? '4.0.0' : '3.9.2'}` } });
  const ranker = deploymentApp({
    namespace: ns, name: 'ranker', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 17 * DAYS, changeCause: 'helm upgrade ranker 3.9.2', template: rankerTpl('grpc', '3.9.2') },
      { revision: 27, createdAgo: 72, changeCause: 'helm upgrade ranker 4.0.0', template: rankerTpl('http2', '4.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 72 - k })),
    settled: { available: true, availableSince: 69, progressingSince: 72, progressingUpdatedAgo: 69 },
  });
  const rankerSvc = service({ namespace: ns, name: 'ranker', selector: { app: 'ranker' }, ports: [{ name: 'http2', port: 9090, targetPort: 'http2' }, { name: 'metrics', port: 9102, targetPort: 'metrics' }], createdAgo: 400 * DAYS, clusterIP: '172.20.77.14' });
  rankerSvc.metadata = { ...rankerSvc.metadata, labels: { ...(rankerSvc.metadata?.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'ranker-4.0.0' }, annotations: { ...(rankerSvc.metadata?.annotations ?? {}), 'meta.helm.sh/release-name': 'ranker', 'meta.helm.sh/release-namespace': ns } };
  const rankerSlice = endpointSliceFor(rankerSvc, ranker.pods, 9090);
  const api = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 3,
    revisions: [{ revision: 88, createdAgo: 8 * DAYS, changeCause: 'argocd: search-api 6.14.1', template: { containers: [container({ image: `${ECR}/search/search-api:6.14.1`, ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'RANKER_SRV', value: '_grpc._tcp.ranker.search.svc.cluster.local' }, { name: 'RANKER_RESOLVE_INTERVAL', value: '30s' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const other = bystander(ns, 'search-indexer', names, 3 * HOURS, { revisions: [40, 41], versions: ['2.2.0', '2.2.1'], olderAgo: 12 * DAYS });
  const log = (k: number) => {
    const out = [
      `time=${at(8 * DAYS - k)} level=INFO msg="search-api starting" version=6.14.1`,
      `time=${at(8 * DAYS - k)} level=INFO msg="ranker backends resolved" srv=_grpc._tcp.ranker.search.svc.cluster.local targets=3 port=9090`,
      `time=${at(2 * HOURS - k)} level=INFO msg=request method=GET path=/v1/search q_len=14 status=200 ranking=model duration_ms=84`,
    ];
    for (let i = 0; i < 30; i++) {
      const t = 69 - i * 2.2 - k * 0.3;
      if (i % 3 === 0) out.push(`time=${at(t)} level=WARN msg="ranker SRV lookup failed; keeping no backends" srv=_grpc._tcp.ranker.search.svc.cluster.local err="lookup _grpc._tcp.ranker.search.svc.cluster.local on 172.20.0.10:53: no such host"`);
      else if (i % 3 === 1) out.push(`time=${at(t)} level=ERROR msg="rank call failed" err="rpc error: code = Unavailable desc = ranker: no backends resolved" request_id=req-${90210 + i * 13 + k}`);
      else out.push(`time=${at(t)} level=INFO msg=request method=GET path=/v1/search q_len=${8 + i % 11} status=200 ranking=fallback_bm25 duration_ms=${31 + i % 9}`);
    }
    return out.join('\n') + '\n';
  };
  const rankerLog = (k: number) => [
    `{"level":"info","ts":"${at(72 - k)}","msg":"ranker 4.0.0 starting","model":"ltr-2026-11-18"}`,
    `{"level":"info","ts":"${at(71 - k)}","msg":"gRPC server listening","addr":":9090","h2c":true}`,
    `{"level":"info","ts":"${at(40 - k)}","msg":"stats","rpc_total_1m":0,"model_loaded":true}`,
    `{"level":"info","ts":"${at(2 - k * 0.2)}","msg":"stats","rpc_total_1m":0,"model_loaded":true}`,
  ].join('\n') + '\n';
  return {
    id: 'heldout81-service-port-renamed-breaks-srv',
    class: 'network',
    truth: 'The ranker Helm chart 4.0.0 (revision 27, 72 min ago) renamed the ranker Service\'s and container\'s port from "grpc" to "http2". Kubernetes DNS publishes SRV records per named port, so _grpc._tcp.ranker.search.svc.cluster.local no longer exists; search-api (unchanged, RANKER_SRV=_grpc._tcp.ranker…) gets "no such host", resolves no backends and serves unranked fallback results. ranker itself is healthy but receives no RPCs. Fix: name the port grpc again (or point search-api at _http2._tcp.ranker / the ClusterIP).',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...ranker.objects, rankerSvc, rankerSlice, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(ranker), rsOf(ranker, 27), 3, 0, 72),
      scaledReplicaSet(deploymentOf(ranker), rsOf(ranker, 26), 0, 3, 69),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: log(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(ranker, k), 'app', { current: rankerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/_grpc\._tcp|SRV|port name|http2|renam/i],
      facts: [/ranker/, /_grpc\._tcp\.ranker/, /http2/, /no such host|NXDOMAIN/i],
      never: [/CoreDNS[^\n]*(down|crash|unhealthy|not ready)/i, /NetworkPolicy/i, /ranker[^\n]*(not ready|unready|crash)/i],
    },
  };
}

// ---- 7. Healthy control: a Node.js relay with the DEP0005 Buffer() warning -------------------------

function healthyWebhookRelay(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.76', ['24', '147', '212']);
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/integrations/webhook-relay:${v}`, ports: [3000], cpu: '200m', memory: '256Mi',
    env: [{ name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'webhook-relay', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 21 * DAYS, changeCause: 'argocd: webhook-relay 1.9.2', template: tpl('1.9.2') },
      { revision: 15, createdAgo: 4 * DAYS, changeCause: 'argocd: webhook-relay 1.9.3', template: tpl('1.9.3') },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 15, node: names[2] ?? '', createdAgo: 4 * DAYS - 1,
      containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 2 * 86400 } }) } }],
  });
  const other = bystander(ns, 'partner-sync', names, 7 * HOURS, { revisions: [30, 31], versions: ['3.0.4', '3.0.5'], olderAgo: 10 * DAYS });
  const log = (k: number) => {
    const start = k === 0 ? 4 * DAYS : 2 * DAYS;
    const out = [
      `{"level":30,"time":${Date.parse(at(start))},"pid":1,"msg":"webhook-relay 1.9.3 listening on :3000"}`,
      '(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
    ];
    for (let i = 0; i < 20; i++) out.push(`{"level":30,"time":${Date.parse(at(30 - i * 1.5 - k * 0.2))},"pid":1,"msg":"delivered","source":"${['stripe', 'github', 'shopify'][i % 3]}","target":"https://hooks.partner-${i % 4}.example.com/in","status":${i % 7 === 0 ? 202 : 200},"ms":${40 + (i * 13) % 70}}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout81-healthy-webhook-relay-buffer-deprecation',
    class: 'healthy',
    truth: 'webhook-relay 1.9.3 has been running for 4 days; both pods are Ready and deliver webhooks with 200/202. Each boot prints Node\'s "[DEP0005] DeprecationWarning: Buffer() is deprecated" from an old dependency, which is harmless. The one restart two days ago was a node drain (exit 137 during a cluster upgrade) and has not recurred. Nothing to fix.',
    ask: { service: 'webhook-relay', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'webhook-relay', selector: { app: 'webhook-relay' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'partner-sync', selector: { app: 'partner-sync' }, pods: other.pods }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problems?|ready|running normally/i],
      facts: [/webhook-relay/],
      never: [/crash ?loop/i, /\bOOM/, /roll ?back/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  redisKeysStarBlocks(),
  sesSenderNotVerified(),
  smtpQuotaSharedAccount(),
  opensslRejectsWeakPartnerCert(),
  log4jRingBufferFullDebug(),
  servicePortRenamedSrv(),
  healthyWebhookRelay(),
];
