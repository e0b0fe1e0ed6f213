// Held-out stories, eightieth round, part one (written blind):
// 1. crm/contacts-api: Postgres rejects inserts with "value too long for type character varying(64)"
//    since lead-importer 3.2.0 started sending full, untruncated UTM campaign strings.
// 2. billing/invoice-service: its `migrate` init container fails `alembic upgrade head` with
//    "Multiple head revisions are present" after two branches each added a migration on one parent.
// 3. storefront/checkout-bff: PRICING_API_URL moved to an oauth2-proxy-fronted host that answers with
//    a sign-in page, so JSON.parse fails with "Unexpected token '<'".
// 4. notifications/mailer-worker: SMTP_PORT moved 465 → 587 with SMTP_USE_SSL still true, so
//    smtplib.SMTP_SSL fails with "[SSL: WRONG_VERSION_NUMBER] wrong version number".
// 5. inventory/stock-api: MySQL ERROR 1213 deadlocks since the new stock-rebalancer worker updates the
//    same stock_levels rows in the opposite order.
// 6. search/catalog-search: the search-es cluster upgraded 7.17 → 8.15 under an unchanged app with a
//    7.17 client; requests fail with media_type_header_exception.
// 7. Healthy control: reports/report-api logging SQLAlchemy MovedIn20Warning at start.
import {
  DAYS, ECR, HOURS, at, backOff, container, crashLoop, deploymentApp, event, exposed, httpProbe, pyTime,
  restartedAgain, rsOf, boundClaim, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, configMap, running,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const sb = (m: number): string => at(m);

// ---- 1. varchar(64) overflow from an upstream's change ---------------------------------------------

function varcharTooLong(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '140', '203']);
  const image = (v: string) => `${ECR}/crm/contacts-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://crm-db.cluster-cq81mz0.eu-west-1.rds.amazonaws.com:5432/crm' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'contacts-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: contacts-api 5.4.1', template: tpl('5.4.1') },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: contacts-api 5.4.2', template: tpl('5.4.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 2 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS, ranSeconds: 4 * 86400 } }) } } : {}) })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const impImage = (v: string) => `${ECR}/crm/lead-importer:${v}`;
  const impTpl = (v: string) => ({ containers: [container({ image: impImage(v), ports: [8081], memory: '256Mi', env: [{ name: 'CONTACTS_API_URL', value: 'http://contacts-api.crm.svc.cluster.local' }, { name: 'UTM_TRUNCATE', value: v === '3.1.4' ? '64' : '0' }], readiness: httpProbe('/healthz', 8081), liveness: httpProbe('/healthz', 8081) })] });
  const imp = deploymentApp({
    namespace: ns, name: 'lead-importer', replicas: 1,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: lead-importer 3.1.4', template: impTpl('3.1.4') },
      { revision: 12, createdAgo: 48, changeCause: 'argocd: lead-importer 3.2.0 (full UTM attribution)', template: impTpl('3.2.0') },
    ],
    pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 47 }],
  });
  const other = bystander(ns, 'crm-web', names, 3 * HOURS, { revisions: [40, 41], versions: ['8.0.2', '8.0.3'], olderAgo: 12 * DAYS });
  const campaigns = ['black_friday_2026_email_retargeting_segment_b_high_intent_cart_abandoners_eu', 'bf26_paid_social_lookalike_1pct_purchasers_last_180d_excl_subscribers_de_at_ch', 'partner_newsletter_cyber_week_early_access_vip_loyalty_tier_gold_platinum_2026'];
  const apiLog = (k: number) => {
    const out = [`${sb(6 * DAYS - 1 - k)}  INFO 1 --- [contacts-api] [           main] c.a.crm.ContactsApiApplication           : Started ContactsApiApplication in 21.873 seconds (process running for 23.11)`];
    for (let i = 0; i < 8; i++) {
      const t = 44 - i * 5.5 - k * 0.3;
      const c = campaigns[(i + k) % 3] ?? '';
      out.push(
        `${sb(t)}  WARN 1 --- [contacts-api] [nio-8080-exec-${3 + i}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 22001`,
        `${sb(t)} ERROR 1 --- [contacts-api] [nio-8080-exec-${3 + i}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: value too long for type character varying(64)`,
        `${sb(t)} ERROR 1 --- [contacts-api] [nio-8080-exec-${3 + i}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: value too long for type character varying(64)] [insert into lead_attribution (contact_id,created_at,utm_campaign,utm_medium,utm_source,id) values (?,?,?,?,?,?)]; SQL [insert into lead_attribution (contact_id,created_at,utm_campaign,utm_medium,utm_source,id) values (?,?,?,?,?,?)]] with root cause`,
        `org.postgresql.util.PSQLException: ERROR: value too long for type character varying(64)`,
        `\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)`,
        `\tat org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152)`,
        `\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)`,
        `${sb(t - 0.1)}  INFO 1 --- [contacts-api] [nio-8080-exec-${4 + i}] c.a.crm.web.AccessLog                     : POST /v1/leads 500 38ms ua=lead-importer/3.2.0 utm_campaign_len=${c.length}`,
        `${sb(t - 0.2)}  INFO 1 --- [contacts-api] [nio-8080-exec-${5 + i}] c.a.crm.web.AccessLog                     : GET /v1/contacts/${48210 + i * 7 + k} 200 9ms ua=crm-web/8.0.3`,
      );
    }
    return lines(...out);
  };
  const impPod = podOf(imp, 0);
  const impLog = lines(
    `{"level":"info","time":"${at(46.8)}","msg":"lead-importer 3.2.0 starting","utm_truncate":0,"source":"s3://acme-marketing-exports/leads/"}`,
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => [
      `{"level":"info","time":"${at(45 - i * 7)}","msg":"batch read","file":"leads-2026-11-21T0${1 + (i >> 2)}-${String(i * 7).padStart(2, '0')}.csv","rows":${380 + i * 23}}`,
      `{"level":"error","time":"${at(44.9 - i * 7)}","msg":"contacts-api rejected lead","status":500,"utm_campaign":"${campaigns[i % 3]}","attempt":3,"error":"POST http://contacts-api.crm.svc.cluster.local/v1/leads: 500 Internal Server Error"}`,
      `{"level":"warn","time":"${at(44.8 - i * 7)}","msg":"batch partially failed","ok":${120 + i * 4},"failed":${260 + i * 19},"dead_lettered":true}`,
    ]),
  );
  return {
    id: 'heldout80-varchar-too-long-upstream-utm',
    class: 'config',
    truth: 'lead-importer 3.2.0 (revision 12, rolled out 48 minutes ago) stopped truncating UTM values (UTM_TRUNCATE 64 → 0) to keep full campaign attribution. The lead_attribution.utm_campaign column in Postgres is character varying(64), so every lead with a longer campaign name makes contacts-api\'s insert fail with "ERROR: value too long for type character varying(64)" (SQLState 22001) and POST /v1/leads returns 500. contacts-api itself is unchanged for 6 days. Fix: widen the column (ALTER TABLE lead_attribution ALTER COLUMN utm_campaign TYPE varchar(255)/text) or restore truncation in lead-importer.',
    ask: { service: 'contacts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...imp.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'contacts-api', selector: { app: 'contacts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(imp), rsOf(imp, 12), 1, 0, 48),
      scaledReplicaSet(deploymentOf(imp), rsOf(imp, 11), 0, 1, 46),
      scheduled(impPod, 47),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(impPod, 'app', { current: impLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/value too long|character varying|varchar|22001/i],
      facts: [/lead-importer/, /\(64\)|\b64\b/, /utm_campaign|lead_attribution|UTM/i],
      never: [/contacts-api[^\n]*(roll(ing)? ?back|revision 58[^\n]*(caused|broke))/i, /lead-importer[^\n]*(crash|not ready|down\b)/i, /connection (refused|pool exhausted)/i],
    },
  };
}

// ---- 2. Alembic: two heads after two branches each added a migration ------------------------------

function alembicMultipleHeads(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['21', '117', '230']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({
    initContainers: [container({ name: 'migrate', image: image(v), command: ['alembic', 'upgrade', 'head'], ports: [], memory: '256Mi', readiness: null, liveness: null, env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://invoice@billing-db.billing.svc.cluster.local:5432/invoices' }] })],
    containers: [container({ image: image(v), command: ['gunicorn', 'invoice_service.wsgi:app', '-k', 'uvicorn.workers.UvicornWorker', '-b', '0.0.0.0:8000'], ports: [8000], memory: '512Mi', readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000) })],
  });
  const stuckFor = 26;
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 33, createdAgo: 4 * DAYS, changeCause: 'argocd: invoice-service 2.19.0', template: tpl('2.19.0') },
      { revision: 34, createdAgo: stuckFor, changeCause: 'argocd: invoice-service 2.20.0', template: tpl('2.20.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 34, node: names[0] ?? '', createdAgo: stuckFor - 0.3, phase: 'Pending' as const, ready: false, initContainers: { migrate: crashLoop({ exitCode: 255, finishedAgo: 2.1, ranSeconds: 3 }, 9) }, containers: { app: { state: { waiting: { reason: 'PodInitializing' } }, ready: false, restartCount: 0, started: false } } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'payment-webhooks', names, 70, { revisions: [18, 19], versions: ['1.6.0', '1.6.1'], olderAgo: 20 * DAYS });
  const migLog = lines(
    `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.`,
    `INFO  [alembic.runtime.migration] Will assume transactional DDL.`,
    `ERROR [alembic.util.messaging] Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads`,
    `  FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads`,
  );
  const oldLog = (k: number) => lines(
    `[${pyTime(4 * DAYS - 1 - k)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(4 * DAYS - 1 - k)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `INFO:     10.0.96.${40 + k}:51822 - "GET /health/ready HTTP/1.1" 200 OK`,
    `INFO:     10.0.96.${88 + k}:40110 - "POST /v1/invoices HTTP/1.1" 201 Created`,
    `INFO:     10.0.96.${88 + k}:40112 - "GET /v1/invoices/INV-2026-118${20 + k} HTTP/1.1" 200 OK`,
  );
  return {
    id: 'heldout80-alembic-multiple-heads-init',
    class: 'rollout',
    truth: 'invoice-service 2.20.0 (revision 34) merged two feature branches that each added an Alembic migration with the same down_revision (a3f9c1d2e7b4): 7c1e0b5a9d21_add_invoice_tax_region and e48d2f6c0a13_add_credit_note_reason. The migration history now has two heads, so the new pod\'s `migrate` init container fails `alembic upgrade head` with "Multiple head revisions are present for given argument \'head\'" (exit 255) and crash-loops; the rollout is stuck while the three revision-33 pods keep serving. Fix: add a merge migration (`alembic merge heads`) and release 2.20.1.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, stuckFor),
      scheduled(fresh, stuckFor - 0.3),
      ...restartedAgain(fresh, 'migrate', image('2.20.0'), { count: 10, firstAgo: stuckFor - 0.2, lastAgo: 2.2 }),
      backOff(fresh, 'migrate', { count: 112, firstAgo: stuckFor - 0.1, lastAgo: 0.3, init: true }),
      event({ on: other.pods[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'migrate', { current: migLog, previous: migLog }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/multiple head|heads|alembic/i],
      facts: [/migrate/, /Multiple head revisions/i, /merge|34|2\.20\.0/i],
      never: [/\bOOM/, /ImagePull|image (not found|pull)/i, /(database|postgres)[^\n]*(unreachable|down|refus)/i],
    },
  };
}

// ---- 3. HTML login page parsed as JSON --------------------------------------------------------------

function htmlLoginPageAsJson(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.128', ['9', '77', '180']);
  const image = (v: string) => `${ECR}/storefront/checkout-bff:${v}`;
  const tpl = (url: string) => ({ containers: [container({ image: image('4.8.2'), ports: [3000], memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PRICING_API_URL', value: url }, { name: 'CART_API_URL', value: 'http://cart-api.storefront.svc.cluster.local' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'checkout-bff', replicas: 2,
    revisions: [
      { revision: 71, createdAgo: 5 * DAYS, changeCause: 'argocd: checkout-bff 4.8.2', template: tpl('http://pricing-api.storefront.svc.cluster.local') },
      { revision: 72, createdAgo: 34, changeCause: 'argocd: checkout-bff config: pricing via internal gateway', template: tpl('https://pricing.internal.acme-shop.io') },
    ],
    pods: [0, 1].map((k) => ({ revision: 72, node: names[k] ?? '', createdAgo: 33.5 - k })),
  });
  const pricing = deploymentApp({
    namespace: ns, name: 'pricing-api', replicas: 2,
    revisions: [{ revision: 15, createdAgo: 11 * DAYS, changeCause: 'argocd: pricing-api 7.2.0', template: { containers: [container({ image: `${ECR}/storefront/pricing-api:7.2.0`, ports: [8080], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 15, node: names[k + 1] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const bffLog = (k: number) => {
    const out = [
      `{"level":30,"time":${Date.parse(at(33 - k))},"pid":1,"hostname":"${app.pods[k]?.metadata?.name}","msg":"checkout-bff 4.8.2 listening on :3000","pricingApiUrl":"https://pricing.internal.acme-shop.io"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 31 - i * 3 - k * 0.2;
      out.push(
        `{"level":40,"time":${Date.parse(at(t))},"pid":1,"hostname":"${app.pods[k]?.metadata?.name}","msg":"upstream response","upstream":"pricing","url":"https://pricing.internal.acme-shop.io/v3/quotes","status":200,"contentType":"text/html; charset=utf-8","redirectedFrom":"https://pricing.internal.acme-shop.io/oauth2/start?rd=%2Fv3%2Fquotes"}`,
        `{"level":50,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${app.pods[k]?.metadata?.name}","req":{"method":"POST","url":"/api/checkout/quote"},"err":{"type":"SyntaxError","message":"Unexpected token '<', \\"<!DOCTYPE \\"... is not valid JSON","stack":"SyntaxError: Unexpected token '<', \\"<!DOCTYPE \\"... is not valid JSON\\n    at JSON.parse (<anonymous>)\\n    at parseJSONFromBytes (node:internal/deps/undici/undici:5584:19)\\n    at successSteps (node:internal/deps/undici/undici:5555:27)\\n    at async PricingClient.quote (/app/dist/clients/pricing.js:41:22)\\n    at async /app/dist/routes/checkout.js:58:23"},"msg":"quote failed"}`,
        `{"level":30,"time":${Date.parse(at(t - 0.02))},"pid":1,"hostname":"${app.pods[k]?.metadata?.name}","req":{"method":"POST","url":"/api/checkout/quote"},"res":{"statusCode":502},"responseTime":${140 + i * 9},"msg":"request completed"}`,
      );
    }
    return lines(...out);
  };
  const other = bystander(ns, 'product-images', names, 4 * HOURS, { revisions: [9, 10], versions: ['1.3.0', '1.3.1'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout80-html-login-page-parsed-as-json',
    class: 'config',
    truth: 'Revision 72 of checkout-bff (34 minutes ago, a config-only change) pointed PRICING_API_URL from the in-cluster http://pricing-api.storefront.svc.cluster.local to https://pricing.internal.acme-shop.io, a host fronted by an oauth2-proxy that redirects unauthenticated service calls to its sign-in page. The BFF follows the redirect, gets 200 text/html, and JSON.parse throws "Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON", so every checkout quote returns 502. pricing-api itself is healthy. Fix: point PRICING_API_URL back at the in-cluster Service (or give the BFF a token the proxy accepts).',
    ask: { service: 'checkout-bff', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pricing.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-bff', selector: { app: 'checkout-bff' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: pricing.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 72), 2, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 71), 0, 2, 32),
      ...app.pods.map((p, k) => scheduled(p, 33.5 - k)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: bffLog(k) })),
      ...pricing.pods.map((p) => logsFor(p, 'app', { current: lines(`time=${at(2)} level=INFO msg="GET /v3/quotes" status=200 dur=4ms client=10.0.128.55`, `time=${at(1)} level=INFO msg="GET /healthz" status=200 dur=0ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PRICING_API_URL|pricing\.internal|oauth2|sign.?in|login|text\/html|HTML|Unexpected token|not valid JSON/i],
      facts: [/PRICING_API_URL|pricing\.internal\.acme-shop\.io/, /Unexpected token|not valid JSON|text\/html/i, /\b72\b/],
      never: [/pricing-api[^\n]*(down|crash|unhealthy|not ready)/i, /\bOOM/, /DNS|NXDOMAIN/],
    },
  };
}

// ---- 4. SMTP port moved to 587 with implicit TLS still on -------------------------------------------

function smtpImplicitTlsOnStarttlsPort(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.210', ['14', '66', '191']);
  const image = `${ECR}/notifications/mailer-worker:3.5.1`;
  const tpl = (port: string) => ({ containers: [container({ image, command: ['python', '-m', 'mailer.worker'], ports: [9102], memory: '256Mi', env: [{ name: 'SMTP_HOST', value: 'smtp.mailrelay.acme-corp.net' }, { name: 'SMTP_PORT', value: port }, { name: 'SMTP_USE_SSL', value: 'true' }, { name: 'SMTP_USER', value: 'notifications@acme-corp.net' }, { name: 'QUEUE_URL', value: 'redis://mail-queue.notifications.svc.cluster.local:6379/0' }], readiness: httpProbe('/metrics', 9102), liveness: null })] });
  const app = deploymentApp({
    namespace: ns, name: 'mailer-worker', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 40 * DAYS, changeCause: 'argocd: mailer-worker 3.5.1', template: tpl('465') },
      { revision: 9, createdAgo: 29, changeCause: 'argocd: mailer-worker values: relay migration (port 587)', template: tpl('587') },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 28.5 - k })),
  });
  const other = bystander(ns, 'push-gateway', names, 90, { revisions: [22, 23], versions: ['2.1.7', '2.1.8'], olderAgo: 9 * DAYS });
  const ids = ['order-confirmation', 'password-reset', 'shipping-update', 'invoice-ready'];
  const wLog = (k: number) => {
    const out = [
      `${pyTime(28 - k)} INFO mailer.worker: mailer-worker 3.5.1 starting, smtp=smtp.mailrelay.acme-corp.net:587 ssl=True concurrency=4`,
      `${pyTime(28 - k)} INFO mailer.queue: connected to redis://mail-queue.notifications.svc.cluster.local:6379/0`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 26 - i * 4 - k * 0.3;
      out.push(
        `${pyTime(t)} ERROR mailer.worker: send failed template=${ids[(i + k) % 4]} msg_id=${90311 + i * 17 + k} attempt=${1 + (i % 3)}/5, requeued`,
        `Traceback (most recent call last):`,
        `  File "/app/mailer/smtp.py", line 38, in send`,
        `    with smtplib.SMTP_SSL(self.host, self.port, context=self.ctx, timeout=15) as s:`,
        `         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^`,
        `  File "/usr/local/lib/python3.12/smtplib.py", line 1022, in __init__`,
        `    SMTP.__init__(self, host, port, local_hostname, timeout,`,
        `  File "/usr/local/lib/python3.12/smtplib.py", line 255, in __init__`,
        `    (code, msg) = self.connect(host, port)`,
        `  File "/usr/local/lib/python3.12/smtplib.py", line 341, in connect`,
        `    self.sock = self._get_socket(host, port, self.timeout)`,
        `  File "/usr/local/lib/python3.12/smtplib.py", line 1029, in _get_socket`,
        `    new_socket = self.context.wrap_socket(new_socket,`,
        `  File "/usr/local/lib/python3.12/ssl.py", line 455, in wrap_socket`,
        `    return self.sslsocket_class._create(`,
        `  File "/usr/local/lib/python3.12/ssl.py", line 1042, in _create`,
        `    self.do_handshake()`,
        `  File "/usr/local/lib/python3.12/ssl.py", line 1320, in do_handshake`,
        `    self._sslobj.do_handshake()`,
        `ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)`,
      );
    }
    out.push(`${pyTime(1)} WARNING mailer.queue: backlog 1843 messages, oldest 27m`);
    return lines(...out);
  };
  return {
    id: 'heldout80-smtp-implicit-tls-on-starttls-port',
    class: 'config',
    truth: 'For the mail relay migration, revision 9 of mailer-worker (29 minutes ago) changed SMTP_PORT from 465 (implicit TLS, SMTPS) to 587 (submission with STARTTLS) but left SMTP_USE_SSL=true, so the worker still opens smtplib.SMTP_SSL and starts a TLS handshake against a plaintext SMTP greeting: "[SSL: WRONG_VERSION_NUMBER] wrong version number". No mail has been sent since; the queue backlog grows. Fix: set SMTP_USE_SSL=false with STARTTLS (SMTP_STARTTLS=true) on 587, or go back to port 465.',
    ask: { service: 'mailer-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 2, 0, 29),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 2, 27),
      ...app.pods.map((p, k) => scheduled(p, 28.5 - k)),
      event({ on: other.pods[0] ?? {}, reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: Get "http://10.0.210.40:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 89, lastAgo: 89, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: wLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/wrong version number|WRONG_VERSION_NUMBER|STARTTLS|SMTP_USE_SSL|implicit TLS|SMTP_PORT|\b587\b/i],
      facts: [/\b587\b/, /\b465\b/, /STARTTLS|SMTP_USE_SSL|implicit/i],
      never: [/CERTIFICATE_VERIFY_FAILED|certificate (has )?expired|self.signed/i, /\bOOM/, /push-gateway/],
    },
  };
}

// ---- 5. MySQL deadlocks from a new batch worker's opposite lock order -------------------------------

function mysqlDeadlockNewBatch(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.57', ['30', '101', '222']);
  const image = (v: string) => `${ECR}/inventory/stock-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://inventory-db.cluster-c0qk2.eu-west-1.rds.amazonaws.com:3306/inventory' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'stock-api', replicas: 3,
    revisions: [
      { revision: 90, createdAgo: 3 * DAYS, changeCause: 'argocd: stock-api 6.1.0', template: tpl('6.1.0') },
      { revision: 91, createdAgo: 26 * HOURS, changeCause: 'argocd: stock-api 6.1.1', template: tpl('6.1.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 91, node: names[k] ?? '', createdAgo: 26 * HOURS - k })),
    settled: { available: true, availableSince: 26 * HOURS - 3, progressingSince: 26 * HOURS, progressingUpdatedAgo: 26 * HOURS - 3 },
  });
  const bImage = `${ECR}/inventory/stock-rebalancer:1.0.0`;
  const batch = deploymentApp({
    namespace: ns, name: 'stock-rebalancer', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 95, changeCause: 'argocd: stock-rebalancer 1.0.0 (new)', template: { containers: [container({ image: bImage, command: ['python', '-m', 'rebalancer'], ports: [9100], memory: '256Mi', env: [{ name: 'MYSQL_HOST', value: 'inventory-db.cluster-c0qk2.eu-west-1.rds.amazonaws.com' }, { name: 'REBALANCE_INTERVAL_SECONDS', value: '120' }], readiness: null, liveness: null })] } }],
    pods: [{ revision: 1, node: names[2] ?? '', createdAgo: 94 }],
    createdAgo: 95,
  });
  const skus = ['WH-DUB-000482', 'WH-DUB-000517', 'WH-AMS-001204', 'WH-AMS-001377'];
  const apiLog = (k: number) => {
    const out = [`${at(26 * HOURS - 2 - k)}  INFO 1 --- [stock-api] [           main] c.a.inventory.StockApiApplication        : Started StockApiApplication in 18.204 seconds (process running for 19.7)`];
    for (let i = 0; i < 9; i++) {
      const t = 88 - i * 9.5 - k * 0.4;
      out.push(
        `${at(t)}  WARN 1 --- [stock-api] [nio-8080-exec-${2 + i}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 1213, SQLState: 40001`,
        `${at(t)} ERROR 1 --- [stock-api] [nio-8080-exec-${2 + i}] o.h.engine.jdbc.spi.SqlExceptionHelper   : Deadlock found when trying to get lock; try restarting transaction`,
        `${at(t)} ERROR 1 --- [stock-api] [nio-8080-exec-${2 + i}] c.a.inventory.web.ErrorHandler           : POST /v2/reservations failed order=ORD-${771200 + i * 13 + k}: org.springframework.dao.CannotAcquireLockException: could not execute statement [Deadlock found when trying to get lock; try restarting transaction] [update stock_levels set reserved=?,version=? where sku=? and warehouse_id=? and version=?]`,
        `Caused by: com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Deadlock found when trying to get lock; try restarting transaction`,
        `\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)`,
        `\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdateInternal(ClientPreparedStatement.java:1061)`,
        `${at(t - 0.05)}  INFO 1 --- [stock-api] [nio-8080-exec-${3 + i}] c.a.inventory.web.AccessLog              : POST /v2/reservations 409 ${60 + i * 7}ms`,
        `${at(t - 0.1)}  INFO 1 --- [stock-api] [nio-8080-exec-${4 + i}] c.a.inventory.web.AccessLog              : GET /v2/stock/${skus[(i + k) % 4]} 200 7ms`,
      );
    }
    return lines(...out);
  };
  const bPod = podOf(batch, 0);
  const bLog = lines(
    `${pyTime(93.8)} INFO rebalancer: stock-rebalancer 1.0.0 starting; interval=120s, ordering=sku DESC, warehouse_id DESC`,
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => [
      `${pyTime(90 - i * 11)} INFO rebalancer: pass ${i + 1}: moving surplus for 412 SKUs (AMS → DUB), one transaction`,
      `${pyTime(89.7 - i * 11)} WARNING rebalancer: pass ${i + 1}: (1213, 'Deadlock found when trying to get lock; try restarting transaction') — retrying in 2s`,
      `${pyTime(89.5 - i * 11)} INFO rebalancer: pass ${i + 1}: committed 412 rows in ${9 + (i % 4)}.${i}s`,
    ]),
  );
  const other = bystander(ns, 'warehouse-sync', names, 5 * HOURS, { revisions: [12, 13], versions: ['0.9.4', '0.9.5'], olderAgo: 25 * DAYS });
  return {
    id: 'heldout80-mysql-deadlock-new-rebalancer',
    class: 'config',
    truth: 'stock-rebalancer 1.0.0, a new batch worker deployed 95 minutes ago, moves surplus stock between warehouses in one large transaction that updates stock_levels rows ordered by sku DESC, warehouse_id DESC, while stock-api\'s reservations update the same rows in ascending order. The opposite lock order makes InnoDB detect deadlocks (ERROR 1213, SQLState 40001) and roll back stock-api\'s reservation transactions, which return 409; stock-api is unchanged for 26 hours. Fix: make the rebalancer lock rows in the same order (ascending) and in small batches, or pause it.',
    ask: { service: 'stock-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...batch.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-api', selector: { app: 'stock-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'warehouse-sync', selector: { app: 'warehouse-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(batch), rsOf(batch, 1), 1, 0, 95),
      scheduled(bPod, 94),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(bPod, 'app', { current: bLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/deadlock|1213|40001/i, /stock-rebalancer|rebalancer/i],
      facts: [/1213|40001|Deadlock found/i, /stock-rebalancer/, /order|stock_levels/i],
      never: [/stock-api[^\n]*(roll(ing)? ?back|revision 91[^\n]*(caused|broke))/i, /\bOOM/, /max_connections|too many connections/i],
    },
  };
}

// ---- 6. Elasticsearch upgraded to 8.x under a 7.x client ---------------------------------------------

function elasticsearch8Under7Client(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.160', ['25', '88', '199']);
  const esTpl = (v: string) => ({ containers: [container({ name: 'elasticsearch', image: `docker.elastic.co/elasticsearch/elasticsearch:${v}`, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '1', memory: '4Gi', readiness: tcpProbe('http', { periodSeconds: 5 }), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] });
  const es = statefulSetApp({
    namespace: ns, name: 'search-es', replicas: 3, serviceName: 'search-es-headless',
    revisions: [
      { revision: 4, createdAgo: 200 * DAYS, template: esTpl('7.17.24') },
      { revision: 5, createdAgo: 58, template: esTpl('8.15.3') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 5, ordinal: k, node: names[k] ?? '', createdAgo: 56 - k * 8 })),
    createdAgo: 200 * DAYS,
  });
  const image = `${ECR}/search/catalog-search:2.14.0`;
  const app = deploymentApp({
    namespace: ns, name: 'catalog-search', replicas: 3,
    revisions: [{ revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: catalog-search 2.14.0', template: { containers: [container({ image, ports: [8080], memory: '1Gi', env: [{ name: 'ES_HOSTS', value: 'http://search-es.search.svc.cluster.local:9200' }, { name: 'ELASTIC_CLIENT_APIVERSIONING', value: 'true' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
    settled: { available: true, availableSince: 12 * DAYS - 3, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 3 },
  });
  const mte = `Elasticsearch exception [type=media_type_header_exception, reason=Invalid media-type value on headers [Content-Type, Accept]]`;
  const appLog = (k: number) => {
    const out = [`${at(12 * DAYS - 2 - k)}  INFO 1 --- [catalog-search] [           main] o.e.client.RestHighLevelClient           : Elasticsearch client 7.17.18 initialised (api compatibility mode: true)`];
    for (let i = 0; i < 8; i++) {
      const t = 50 - i * 6 - k * 0.3;
      out.push(
        `${at(t)} ERROR 1 --- [catalog-search] [nio-8080-exec-${1 + i}] c.a.search.web.SearchController          : search failed q="${['winter jacket', 'running shoes', 'usb-c hub', 'desk lamp'][(i + k) % 4]}"`,
        `org.elasticsearch.ElasticsearchStatusException: ${mte}`,
        `\tat org.elasticsearch.rest.BytesRestResponse.errorFromXContent(BytesRestResponse.java:178)`,
        `\tat org.elasticsearch.client.RestHighLevelClient.parseEntity(RestHighLevelClient.java:2484)`,
        `\tat org.elasticsearch.client.RestHighLevelClient.search(RestHighLevelClient.java:1272)`,
        `\tSuppressed: org.elasticsearch.client.ResponseException: method [POST], host [http://search-es.search.svc.cluster.local:9200], URI [/products/_search?typed_keys=true&max_concurrent_shard_requests=5&search_type=query_then_fetch&batched_reduce_size=512], status line [HTTP/1.1 400 Bad Request]`,
        `{"error":{"root_cause":[{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Content-Type, Accept]"}],"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Content-Type, Accept]","caused_by":{"type":"status_exception","reason":"A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version and the compatible versions must match. Accept=null, Content-Type=7"}},"status":400}`,
        `${at(t - 0.05)}  INFO 1 --- [catalog-search] [nio-8080-exec-${2 + i}] c.a.search.web.AccessLog                 : GET /v1/search 502 ${22 + i}ms`,
      );
    }
    return lines(...out);
  };
  const esLog = (k: number) => lines(
    `{"@timestamp":"${at(55 - k * 8)}", "log.level": "INFO", "message":"version[8.15.3], pid[7], build[docker/8.15.3], OS[Linux/6.1.112-122.189.amzn2023.x86_64/amd64], JVM[Eclipse Adoptium/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"search-es-${k}","elasticsearch.cluster.name":"search-es"}`,
    `{"@timestamp":"${at(30)}", "log.level": "INFO", "message":"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products][2]]]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[search-es-${k}][masterService#updateTask][T#3]","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"search-es-${k}","elasticsearch.cluster.name":"search-es"}`,
  );
  const other = bystander(ns, 'catalog-indexer', names, 3 * HOURS, { revisions: [30, 31], versions: ['5.2.0', '5.2.1'], olderAgo: 10 * DAYS });
  return {
    id: 'heldout80-elasticsearch-8-under-7x-client',
    class: 'config',
    truth: 'The platform team upgraded the search-es StatefulSet from Elasticsearch 7.17.24 to 8.15.3 (revision 5, 58 minutes ago; the cluster is green). catalog-search is unchanged for 12 days and still uses the 7.17 RestHighLevelClient in compatibility mode, which sends Content-Type compatible-with=7 without a matching Accept header on searches, so ES 8 rejects every request with 400 media_type_header_exception ("A compatible version is required on both Content-Type and Accept headers ... Accept=null, Content-Type=7") and /v1/search returns 502. Fix: move catalog-search to the 8.x Java API client (or send matching compatible-with=7 Accept headers); the app\'s own rollout is not the cause.',
    ask: { service: 'catalog-search', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-es', selector: { app: 'search-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...[0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-search-es-${k}`, storage: '100Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 200 * DAYS, storageClass: 'gp3' })),
      ...es.pods.map((p, k) => scheduled(p, 56 - k * 8)),
      ...es.pods.map((p, k) => event({ on: p, type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "docker.elastic.co/elasticsearch/elasticsearch:8.15.3" in 14.1s (14.1s including waiting). Image size: 741283744 bytes.', firstAgo: 55.8 - k * 8, lastAgo: 55.8 - k * 8, fieldPath: 'spec.containers{elasticsearch}' })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...es.pods.map((p, k) => logsFor(p, 'elasticsearch', { current: esLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/search-es|Elasticsearch|\b8\.15|media_type_header|compatib/i],
      facts: [/8\.15\.3|8\.x|\b8\b/, /7\.17/, /media_type_header_exception|Content-Type|Accept/],
      never: [/catalog-search[^\n]*(roll(ing)? ?back|revision 27[^\n]*(caused|broke))/i, /\bOOM/, /(search-es|elasticsearch)[^\n]*(red|down|unreachable|not ready)/i],
    },
  };
}

// ---- 7. Healthy control: SQLAlchemy 2.0 migration warnings at start ----------------------------------

function healthySqlalchemyWarnings(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.240', ['17', '93', '150']);
  const image = (v: string) => `${ECR}/reports/report-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://reports@reports-db.reports.svc.cluster.local:5432/reports' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 2,
    revisions: [
      { revision: 44, createdAgo: 8 * DAYS, changeCause: 'argocd: report-api 3.9.0', template: tpl('3.9.0') },
      { revision: 45, createdAgo: 5 * HOURS, changeCause: 'argocd: report-api 3.9.1', template: tpl('3.9.1') },
    ],
    pods: [0, 1].map((k) => ({ revision: 45, node: names[k] ?? '', createdAgo: 5 * HOURS - k, ...(k === 0 ? { containers: { app: running({ sinceAgo: 4 * HOURS, last: { exitCode: 143, finishedAgo: 4 * HOURS, ranSeconds: 3400 } }) } } : {}) })),
    settled: { available: true, availableSince: 5 * HOURS - 2, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 2 },
  });
  const start = (m: number) => [
    `/app/report_api/models.py:14: MovedIn20Warning: Deprecated API features detected! These feature(s) are not compatible with SQLAlchemy 2.0. To prevent incompatible upgrades prior to updating applications, ensure requirements files are pinned to "sqlalchemy<2.0". Set environment variable SQLALCHEMY_WARN_20=1 to show all deprecation warnings.  Set environment variable SQLALCHEMY_SILENCE_UBER_WARNING=1 to silence this message. (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)`,
    `  Base = declarative_base()`,
    `INFO:     Started server process [1]`,
    `INFO:     Waiting for application startup.`,
    `${pyTime(m)} INFO report_api.app: report-api 3.9.1 ready, db pool size=10`,
    `INFO:     Application startup complete.`,
    `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
  ];
  const traffic = (k: number) => [
    `INFO:     10.0.240.${31 + k}:40222 - "GET /healthz HTTP/1.1" 200 OK`,
    `INFO:     10.0.240.${88 + k}:51310 - "GET /v1/reports/monthly?month=2026-10 HTTP/1.1" 200 OK`,
    `INFO:     10.0.240.${88 + k}:51314 - "POST /v1/exports HTTP/1.1" 202 Accepted`,
    `INFO:     10.0.240.${31 + k}:40230 - "GET /healthz HTTP/1.1" 200 OK`,
  ];
  const p0 = podOf(app, 0);
  return {
    id: 'heldout80-healthy-sqlalchemy-movedin20-warning',
    class: 'healthy',
    truth: 'report-api 3.9.1 (revision 45, 5 hours ago) runs two ready pods serving 200s. Each start logs SQLAlchemy 1.4\'s MovedIn20Warning "Deprecated API features detected!" uber-warning for declarative_base(), a harmless notice about the future 2.0 upgrade. One pod restarted once 4 hours ago with exit 143 during a node drain (SIGTERM), not a fault. Nothing to fix.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      configMap({ namespace: ns, name: 'report-api-config', createdAgo: 60 * DAYS, updatedAgo: 8 * DAYS, data: { LOG_LEVEL: 'INFO', EXPORT_BUCKET: 's3://acme-reports-exports' } }),
    ],
    logs: [
      logsFor(p0, 'app', { current: lines(...start(4 * HOURS - 0.2), ...traffic(0)), previous: lines(...start(5 * HOURS - 0.5), ...traffic(0), `INFO:     Shutting down`, `INFO:     Waiting for application shutdown.`, `INFO:     Application shutdown complete.`, `INFO:     Finished server process [1]`) }),
      logsFor(podOf(app, 1), 'app', { current: lines(...start(5 * HOURS - 1.5), ...traffic(1)) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|fine/i],
      facts: [/report-api/],
      never: [/MovedIn20Warning[^\n]*(cause|fail|break)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  varcharTooLong(),
  alembicMultipleHeads(),
  htmlLoginPageAsJson(),
  smtpImplicitTlsOnStarttlsPort(),
  mysqlDeadlockNewBatch(),
  elasticsearch8Under7Client(),
  healthySqlalchemyWarnings(),
];
void lit; void DAYS;
