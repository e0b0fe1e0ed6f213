// Held-out stories, fifty-fifth round, part one: an API moved behind PgBouncer in transaction
// pooling mode that still runs `SET search_path` once per session at connect, so queries landing on
// other server connections fail with `relation "invoices" does not exist`; an mTLS client
// certificate (mounted from a Secret) to a partner bank that expired at midnight; a Celery worker
// switched to `--pool=solo` by a chart change, so its queue backs up; a managed MySQL upgrade that
// turned on sql_require_primary_key, so a migration Job's CREATE TABLE without a primary key is
// refused and the new app revision finds no table; node-local-dns not tolerating the taint of a new
// node pool, so pods there time out on 169.254.20.10; a JetStream stream at max_bytes with discard
// new after its consumer was scaled down; and a healthy control: feature-flag evaluations falling
// back to their default for a flag archived after its rollout.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, daemonSetApp, deploymentApp, event,
  exposed, hpa, httpProbe, job, jobEvent, nameOf, node, pyTime, restartedAgain, scheduled, service, statefulSetApp,
  tcpProbe, terminated, ago,
} from '../kit/index.js';
import type { Built } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

// ---- 1. PgBouncer transaction pooling, search_path set once per session --------------------------

function pgbouncerTransactionPoolSearchPath(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '233']);
  const rds = 'billing-db.cluster-c3k9v2xq7m1p.eu-west-1.rds.amazonaws.com';
  const bouncerImage = 'docker.io/bitnami/pgbouncer:1.23.1-debian-12-r5';
  const bouncer = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [{
      revision: 1,
      createdAgo: 6 * HOURS,
      changeCause: 'argocd: pgbouncer 1.23.1 (new)',
      template: {
        containers: [container({
          name: 'pgbouncer', image: bouncerImage, ports: [{ name: 'pgbouncer', containerPort: 6432 }], cpu: '200m', memory: '128Mi',
          readiness: tcpProbe('pgbouncer', { periodSeconds: 5 }), liveness: tcpProbe('pgbouncer', { initialDelaySeconds: 10 }),
          volumeMounts: [{ name: 'config', mountPath: '/bitnami/pgbouncer/conf', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'pgbouncer-ini', defaultMode: 420 } }],
      },
    }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 6 * HOURS - 1 }, { revision: 1, node: names[2] ?? '', createdAgo: 6 * HOURS - 1 }],
  });
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, dsn: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'DATABASE_URL', value: dsn },
        { name: 'DB_SCHEMA', value: 'billing' },
        { name: 'DB_MAX_CONNS', value: '16' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const direct = `postgres://invoice_app@${rds}:5432/billing?sslmode=require`;
  const pooled = 'postgres://invoice_app@pgbouncer.billing.svc.cluster.local:6432/billing?sslmode=disable';
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 8 * DAYS, changeCause: 'argocd: invoice-api 3.8.2', template: tpl('3.8.2', direct) },
      { revision: 58, createdAgo: 5 * HOURS, changeCause: 'argocd: invoice-api 3.8.2 via pgbouncer (DATABASE_URL)', template: tpl('3.8.2', pooled) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 5 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 5 * HOURS - 4, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 4 },
  });
  const dunning = cronJob({
    namespace: ns,
    name: 'invoice-dunning',
    schedule: '0 * * * *',
    template: { containers: [batchContainer({ name: 'dunning', image: image('3.8.2'), command: ['/app/invoice-api', 'dunning'], env: [{ name: 'DATABASE_URL', value: direct }, { name: 'DB_SCHEMA', value: 'billing' }], memory: '128Mi' })] },
    jobs: [
      { createdAgo: 134, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 134, containers: { dunning: terminated({ exitCode: 0, finishedAgo: 133.2, ranSeconds: 41 }) } }], outcome: { complete: true, ago: 133.2 } },
      { createdAgo: 74, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 74, containers: { dunning: terminated({ exitCode: 0, finishedAgo: 73.3, ranSeconds: 38 }) } }], outcome: { complete: true, ago: 73.3 } },
      { createdAgo: 14, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 14, containers: { dunning: terminated({ exitCode: 0, finishedAgo: 13.3, ranSeconds: 40 }) } }], outcome: { complete: true, ago: 13.3 } },
    ],
    lastSuccessfulAgo: 13.3,
  });
  const ini = [
    '[databases]',
    `billing = host=${rds} port=5432 dbname=billing`,
    '',
    '[pgbouncer]',
    'listen_addr = 0.0.0.0',
    'listen_port = 6432',
    'auth_type = scram-sha-256',
    'auth_file = /etc/pgbouncer/userlist.txt',
    'pool_mode = transaction',
    'max_client_conn = 2000',
    'default_pool_size = 20',
    'reserve_pool_size = 5',
    'server_reset_query = DISCARD ALL',
    'server_tls_sslmode = require',
    'ignore_startup_parameters = extra_float_digits',
    'stats_period = 60',
    '',
  ].join('\n');
  const pods = app.pods;
  const invoiceIds = ['inv_9Qk2', 'inv_7Hx1', 'inv_3Lm8', 'inv_5Tz4', 'inv_1Rv6', 'inv_8Pw0', 'inv_2Yc3'];
  const appLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${at(5 * HOURS - 1.5 - k)}","msg":"invoice-api starting","version":"3.8.2","commit":"b81c0d4"}`,
      `{"level":"info","time":"${at(5 * HOURS - 1.5 - k)}","msg":"db pool configured","host":"pgbouncer.billing.svc.cluster.local:6432","max_conns":16,"after_connect":"SET search_path TO billing"}`,
      `{"level":"info","time":"${at(5 * HOURS - 1.4 - k)}","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 9 - i * 0.6 - k * 0.07;
      const id = invoiceIds[(i + k) % invoiceIds.length] ?? 'inv_1';
      if ((i + k) % 3 === 1) {
        out.push(`{"level":"error","time":"${at(t)}","msg":"query failed","route":"GET /v1/invoices/{id}","invoice_id":"${id}","error":"ERROR: relation \\"invoices\\" does not exist (SQLSTATE 42P01)"}`);
        out.push(`{"level":"info","time":"${at(t - 0.001)}","msg":"request","method":"GET","path":"/v1/invoices/${id}","status":500,"duration_ms":${3 + (i % 4)}}`);
      } else if ((i + k) % 5 === 2) {
        out.push(`{"level":"error","time":"${at(t)}","msg":"query failed","route":"POST /v1/invoices/{id}/payments","invoice_id":"${id}","error":"ERROR: relation \\"payment_allocations\\" does not exist (SQLSTATE 42P01)"}`);
        out.push(`{"level":"info","time":"${at(t - 0.001)}","msg":"request","method":"POST","path":"/v1/invoices/${id}/payments","status":500,"duration_ms":${5 + (i % 3)}}`);
      } else {
        out.push(`{"level":"info","time":"${at(t)}","msg":"request","method":"GET","path":"/v1/invoices/${id}","status":200,"duration_ms":${7 + ((i * 3) % 9)}}`);
      }
      if (i % 6 === 0) out.push(`{"level":"info","time":"${at(t - 0.002)}","msg":"request","method":"GET","path":"/readyz","status":200,"duration_ms":1}`);
    }
    return lines(...out);
  };
  const bouncerLog = (k: number) => {
    const out = [
      `pgbouncer ${at(6 * HOURS - 1.3 - k * 0.01).slice(11, 22)} INFO  ==> ** Starting PgBouncer **`,
      `${at(6 * HOURS - 1.2).replace('T', ' ').replace('Z', ' UTC')} [1] LOG kernel file descriptor limit: 1048576 (hard: 1048576); max_client_conn: 2000, max expected fd use: 2052`,
      `${at(6 * HOURS - 1.2).replace('T', ' ').replace('Z', ' UTC')} [1] LOG listening on 0.0.0.0:6432`,
      `${at(6 * HOURS - 1.2).replace('T', ' ').replace('Z', ' UTC')} [1] LOG process up: PgBouncer 1.23.1, libevent 2.1.12-stable (epoll), adns: evdns2, tls: OpenSSL 3.0.14 4 Jun 2024`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 6 - i;
      out.push(`${at(t).replace('T', ' ').replace('Z', ' UTC')} [1] LOG stats: ${210 + i * 7 + k * 13} xacts/s, ${214 + i * 7 + k * 13} queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, in ${41000 + i * 900} B/s, out ${188000 + i * 2100} B/s, xact ${1400 + i * 30} us, query ${1310 + i * 28} us, wait ${12 + i} us`);
    }
    out.push(`${at(2.4).replace('T', ' ').replace('Z', ' UTC')} [1] LOG S-0x55d3c2a41e30: billing/invoice_app@10.0.120.18:5432 closing because: server idle timeout (age=600s)`);
    return lines(...out);
  };
  const dunningPod = dunning.jobs[2]?.pods[0];
  return {
    id: 'heldout55-pgbouncer-transaction-pool-session-search-path',
    class: 'config',
    truth: 'Five hours ago invoice-api (revision 58) was pointed at a new PgBouncer whose pgbouncer.ini sets pool_mode = transaction. The app sets its schema with `SET search_path TO billing` once per connection in its pool\'s after-connect hook: a session-level setting that in transaction pooling stays on whichever server connection ran it, while later transactions of the same client land on other server connections with the default search_path ("$user", public). Queries on unqualified tables therefore fail intermittently with relation "invoices" does not exist (42P01) — about a third of requests return 500 — while the dunning CronJob, which still connects directly to the RDS cluster, succeeds. The tables were not dropped. Fix: schema-qualify, set search_path per role (ALTER ROLE invoice_app SET search_path) or per transaction (SET LOCAL), or use session pooling for this app.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...bouncer.objects, ...dunning.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer' }], pods: bouncer.pods, endpointPort: 6432, createdAgo: 6 * HOURS }),
      configMap({ namespace: ns, name: 'pgbouncer-ini', createdAgo: 6 * HOURS, data: { 'pgbouncer.ini': ini } }),
      event({ on: { kind: 'CronJob', name: 'invoice-dunning', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(dunning.jobs[2]?.objects[0])}`, firstAgo: 14, lastAgo: 14, component: 'cronjob-controller' }),
      event({ on: { kind: 'CronJob', name: 'invoice-dunning', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(dunning.jobs[2]?.objects[0])}, condition: Complete`, firstAgo: 13.3, lastAgo: 13.3, component: 'cronjob-controller' }),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...bouncer.pods.map((p, k) => logsFor(p, 'pgbouncer', { current: bouncerLog(k) })),
      ...(dunningPod === undefined ? [] : [logsFor(dunningPod, 'dunning', { current: lines(
        `{"level":"info","time":"${at(13.9)}","msg":"dunning run starting","db_host":"${rds}","schema":"billing"}`,
        `{"level":"info","time":"${at(13.6)}","msg":"overdue invoices selected","count":214}`,
        `{"level":"info","time":"${at(13.35)}","msg":"dunning notices queued","sent":37,"skipped_grace_period":177}`,
        `{"level":"info","time":"${at(13.3)}","msg":"dunning run finished","duration_ms":39804}`,
      ) })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pgbouncer|search_path|transaction[- ]?(pool|mode)/i],
      facts: [/search_path/i, /pool_mode|transaction (pool|mode)|transaction-level|per transaction/i, /relation "?(invoices|payment_allocations)"? does not exist|42P01/i],
      never: [/\bOOM/, /crash ?loop/i, /(table|relation)s?[^\n]*(was |were |been )?(dropped|deleted)/i, /migration[^\n]*(missing|not (been )?(run|applied))/i, /invoice-dunning[^\n]*(fail|broke)/i],
    },
  };
}

// ---- 2. mTLS client certificate to a partner bank expired --------------------------------------

function partnerMtlsClientCertExpired(): CorpusScenario {
  const ns = 'payments-out';
  const { nodes, names } = threeEksNodes('10.0.161', ['22', '97', '204']);
  const image = (v: string) => `${ECR}/payments/sepa-connector:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'PARTNER_BASE_URL', value: 'https://api.partner.nordbank.eu/sepa/v3' },
        { name: 'MTLS_CERT_FILE', value: '/etc/nordbank-mtls/tls.crt' },
        { name: 'MTLS_KEY_FILE', value: '/etc/nordbank-mtls/tls.key' },
        { name: 'PARTNER_CA_FILE', value: '/etc/nordbank-mtls/ca.crt' },
        { name: 'SUBMIT_WORKERS', value: '4' },
      ],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'nordbank-mtls', mountPath: '/etc/nordbank-mtls', readOnly: true }],
    })],
    volumes: [{ name: 'nordbank-mtls', secret: { secretName: 'nordbank-mtls-client', defaultMode: 256 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'sepa-connector',
    replicas: 2,
    revisions: [
      { revision: 19, createdAgo: 24 * DAYS, changeCause: 'argocd: sepa-connector 2.6.0', template: tpl('2.6.0') },
      { revision: 20, createdAgo: 3 * DAYS, changeCause: 'argocd: sepa-connector 2.6.1', template: tpl('2.6.1') },
    ],
    pods: [{ revision: 20, node: names[0] ?? '', createdAgo: 3 * DAYS - 1 }, { revision: 20, node: names[2] ?? '', createdAgo: 3 * DAYS - 2 }],
    settled: { available: true, availableSince: 3 * DAYS - 2, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 2 },
  });
  const other = bystander(ns, 'sepa-statement-importer', names, 41, { revisions: [11, 12], versions: ['1.9.4', '1.10.0'], olderAgo: 15 * DAYS });
  // Expired at 00:00:00Z today; NOW is 03:14, so 194 minutes ago.
  const expiredAgo = 194;
  const log = (k: number) => {
    const start = 3 * DAYS - 1.5 - k;
    const out = [
      `{"level":"info","ts":"${at(start)}","msg":"sepa-connector starting","version":"2.6.1","workers":4}`,
      `{"level":"info","ts":"${at(start)}","msg":"loaded mTLS client certificate","path":"/etc/nordbank-mtls/tls.crt","subject":"CN=sepa-connector.prod.acmepay.eu,O=Acme Pay GmbH,C=DE","issuer":"CN=Nordbank Partner Issuing CA 2,O=Nordbank AB,C=SE","serial":"4f1a09c2e77d3b15","not_before":"2025-11-21T00:00:00Z","not_after":"2026-11-21T00:00:00Z"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","msg":"partner CA bundle loaded","path":"/etc/nordbank-mtls/ca.crt","certs":2}`,
      `{"level":"info","ts":"${at(start - 0.02)}","msg":"http server listening","addr":":8080"}`,
      `{"level":"info","ts":"${at(expiredAgo + 9)}","msg":"credit transfer submitted","batch":"CT-20261120-2341-${k}","tx":118,"partner_status":"ACCP","duration_ms":612}`,
      `{"level":"info","ts":"${at(expiredAgo + 1)}","msg":"credit transfer submitted","batch":"CT-20261120-2349-${k}","tx":64,"partner_status":"ACCP","duration_ms":588}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = expiredAgo - 4 - i * 15 - k * 0.3;
      const batch = `CT-20261121-${ago(t).toISOString().slice(11, 16).replace(':', '')}-${k}`;
      out.push(`{"level":"error","ts":"${at(t)}","msg":"submit credit transfer failed","batch":"${batch}","attempt":${(i % 3) + 1},"error":"Post \\"https://api.partner.nordbank.eu/sepa/v3/credit-transfers\\": remote error: tls: expired certificate"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.01)}","msg":"retry scheduled","batch":"${batch}","backoff":"${[30, 60, 120][i % 3]}s"}`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.02)}","msg":"GET /ready","status":200}`);
      if (i % 5 === 3) out.push(`{"level":"error","ts":"${at(t - 0.03)}","msg":"status poll failed","endpoint":"/sepa/v3/status-reports","error":"Get \\"https://api.partner.nordbank.eu/sepa/v3/status-reports?since=2026-11-20T23%3A55%3A00Z\\": remote error: tls: expired certificate"}`);
    }
    out.push(`{"level":"warn","ts":"${at(0.8)}","msg":"outbound queue growing","pending_batches":${31 + k * 2},"oldest_pending_s":${expiredAgo * 60 - 240}}`);
    return lines(...out);
  };
  return {
    id: 'heldout55-partner-mtls-client-cert-expired',
    class: 'config',
    truth: 'sepa-connector authenticates to Nordbank\'s SEPA API with an mTLS client certificate (CN=sepa-connector.prod.acmepay.eu, issued by Nordbank Partner Issuing CA 2) mounted from the Secret nordbank-mtls-client. Its notAfter was 2026-11-21T00:00:00Z — printed in the app\'s startup log and recorded in the partner-certs ConfigMap, renewal manual via the partner portal. Since midnight every call fails the handshake with the partner\'s alert "remote error: tls: expired certificate", so no credit transfers are submitted and batches pile up. Pods are running and ready; the unrelated sepa-statement-importer rollout 41 minutes ago is not involved. Fix: obtain a renewed client certificate from Nordbank, update the Secret and restart.',
    ask: { service: 'sepa-connector', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'sepa-connector', selector: { app: 'sepa-connector' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'sepa-statement-importer', selector: { app: 'sepa-statement-importer' }, pods: other.pods }),
      configMap({
        namespace: ns, name: 'partner-certs', createdAgo: 370 * DAYS, updatedAgo: 364 * DAYS,
        data: {
          'nordbank-mtls-client.yaml': 'secret: nordbank-mtls-client\nsubject: CN=sepa-connector.prod.acmepay.eu,O=Acme Pay GmbH,C=DE\nissuer: CN=Nordbank Partner Issuing CA 2\nserial: 4f1a09c2e77d3b15\nnotBefore: 2025-11-21T00:00:00Z\nnotAfter: 2026-11-21T00:00:00Z\nrenewal: manual (Nordbank partner portal, CSR signed by partner CA, ~5 business days)\nowner: payments-platform\n',
          'swiftnet-gw-client.yaml': 'secret: swiftnet-gw-client\nsubject: CN=gw01.prod.acmepay.eu\nissuer: CN=SWIFTNet PKI CA\nnotBefore: 2026-03-02T00:00:00Z\nnotAfter: 2028-03-02T00:00:00Z\nrenewal: manual\nowner: payments-platform\n',
        },
      }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(40)}","msg":"statement importer 1.10.0 started"}`, `{"level":"info","ts":"${at(10)}","msg":"camt.053 imported","account":"DE89...3000","entries":412}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/(client )?cert(ificate)?[^\n]*expir|expired[^\n]*cert|mTLS|nordbank-mtls-client/i],
      facts: [/nordbank-mtls-client/, /2026-11-21T00:00:00Z|not_?after|midnight|00:00 ?UTC/i, /expired certificate|certificate_expired|certificate (has )?expired/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /DNS|NXDOMAIN/i, /sepa-statement-importer/, /swiftnet-gw-client[^\n]*expir/i],
    },
  };
}

// ---- 3. Celery worker switched to --pool=solo ---------------------------------------------------

function celeryWorkerSoloPool(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.205', ['41', '118', '7']);
  const image = (v: string) => `${ECR}/media/media-platform:${v}`;
  const workerTpl = (v: string, args: string[]) => ({
    containers: [batchContainer({
      name: 'worker', image: image(v), command: ['celery'], args, cpu: '2', memory: '3Gi',
      env: [{ name: 'CELERY_BROKER_URL', value: 'redis://media-redis.media.svc.cluster.local:6379/0' }, { name: 'CELERY_RESULT_BACKEND', value: 'redis://media-redis.media.svc.cluster.local:6379/1' }, { name: 'DJANGO_SETTINGS_MODULE', value: 'media.settings.prod' }],
    })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'thumbnail-worker',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'helm: media-workers 3.1.4', template: workerTpl('2024.11.3', ['-A', 'media', 'worker', '-Q', 'thumbnails', '--pool=prefork', '--concurrency=8', '--max-tasks-per-child=200', '--loglevel=INFO']) },
      { revision: 15, createdAgo: 2 * HOURS + 10, changeCause: 'helm: media-workers 3.2.0 (celery 5.4, worker args from values)', template: workerTpl('2024.11.3', ['-A', 'media', 'worker', '-Q', 'thumbnails', '--pool=solo', '--loglevel=INFO']) },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 2 * HOURS + 9 }, { revision: 15, node: names[1] ?? '', createdAgo: 2 * HOURS + 8 }],
    settled: { available: true, availableSince: 2 * HOURS + 8, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 8 },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: media-api 2024.11.3', template: { containers: [container({ image: image('2024.11.3'), command: ['gunicorn'], args: ['media.wsgi', '-b', '0.0.0.0:8000', '-w', '4'], ports: [8000], memory: '512Mi', readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'media-redis',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const tid = (i: number, k: number) => `${(0x3a1f0000 + i * 7919 + k * 104729).toString(16)}-5c2e-4b7a-9d1e-${(0x80a1c3e50000 + i * 31 + k).toString(16)}`;
  const workerLog = (p: k8s.V1Pod, k: number) => {
    const start = 2 * HOURS + 8.5 - k;
    const out = [
      ' ',
      ` -------------- celery@${nameOf(p)} v5.4.0 (opalescent)`,
      '--- ***** ----- ',
      `-- ******* ---- Linux-6.1.112-122.189.amzn2023.x86_64-x86_64-with-glibc2.36 ${pyTime(start).slice(0, 19)}`,
      '- *** --- * --- ',
      '- ** ---------- [config]',
      '- ** ---------- .> app:         media:0x7f3c2a1d4e50',
      '- ** ---------- .> transport:   redis://media-redis.media.svc.cluster.local:6379/0',
      '- ** ---------- .> results:     redis://media-redis.media.svc.cluster.local:6379/1',
      '- *** --- * --- .> concurrency: 1 (solo)',
      '-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)',
      '--- ***** ----- ',
      ' -------------- [queues]',
      '                .> thumbnails       exchange=thumbnails(direct) key=thumbnails',
      '',
      `[${pyTime(start - 0.02)}: INFO/MainProcess] Connected to redis://media-redis.media.svc.cluster.local:6379/0`,
      `[${pyTime(start - 0.03)}: INFO/MainProcess] mingle: searching for neighbors`,
      `[${pyTime(start - 0.05)}: INFO/MainProcess] mingle: all alone`,
      `[${pyTime(start - 0.06)}: INFO/MainProcess] celery@${nameOf(p)} ready.`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 8 - i * 0.55 - k * 0.1;
      out.push(`[${pyTime(t)}: INFO/MainProcess] Task media.tasks.render_thumbnail[${tid(i, k)}] received`);
      if (i % 6 === 4) {
        out.push(`[${pyTime(t - 0.01)}: WARNING/MainProcess] Soft time limit (120s) exceeded for media.tasks.render_video_preview[${tid(i + 50, k)}]`);
        out.push(`[${pyTime(t - 0.011)}: WARNING/MainProcess] media.tasks.render_video_preview: preview for asset ast_${81230 + i} abandoned after soft limit, will be retried`);
      } else {
        out.push(`[${pyTime(t - 0.02)}: INFO/MainProcess] Task media.tasks.render_thumbnail[${tid(i, k)}] succeeded in ${(2.8 + ((i * 37 + k * 11) % 31) / 10).toFixed(3)}s: {'asset_id': 'ast_${80411 + i * 3 + k}', 'variants': 4}`);
      }
      if (i === 7) out.push(`[${pyTime(t - 0.03)}: INFO/MainProcess] missed heartbeat from celery@${nameOf(worker.pods[1 - k])}`);
    }
    return lines(...out);
  };
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 9 - i * 1.1 - k * 0.2;
      out.push(`[${pyTime(t)}] INFO media.uploads: enqueued render_thumbnail asset_id=ast_${91020 + i * 5 + k} queue=thumbnails queue_depth=${16200 + i * 241 + k * 37}`);
      if (i % 2 === 0) out.push(`[${pyTime(t - 0.01)}] WARNING media.assets: thumbnails for asset_id=ast_${79004 + i + k} still pending after ${3400 + i * 66 + k * 9}s, serving placeholder`);
      out.push(`10.0.${12 + k}.${40 + i} - - "GET /api/assets/ast_${79004 + i + k} HTTP/1.1" 200 1843 "-" "media-web/2024.11"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout55-celery-worker-solo-pool',
    class: 'capacity',
    truth: 'Two hours ago the media-workers chart 3.2.0 (revision 15 of thumbnail-worker) rendered the worker args from new values that dropped `--pool=prefork --concurrency=8` for `--pool=solo`: each of the two worker pods now runs one task at a time (the banner says "concurrency: 1 (solo)", tasks log from MainProcess instead of ForkPoolWorker-N) — 2 concurrent tasks instead of 16. The thumbnails queue grows past 16,000 and media-api serves placeholders for assets pending close to an hour; nothing fails beyond soft time limits on long previews. Redis and media-api are healthy. Fix: restore prefork with concurrency 8 (or scale the workers).',
    ask: { service: 'thumbnail-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...api.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'media-redis', selector: { app: 'media-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(p, k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M 21 Nov 2026 02:51:07.112 * 10000 changes in 60 seconds. Saving...`, `1:M 21 Nov 2026 02:51:07.140 * Background saving started by pid 4410`, `4410:C 21 Nov 2026 02:51:08.912 * DB saved on disk`, `1:M 21 Nov 2026 02:51:09.003 * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/solo|concurrency|one task at a time|single[- ](thread|process)|prefork/i],
      facts: [/--pool=solo|\bsolo\b/i, /queue|backlog|pending/i, /revision 15|3\.2\.0|prefork|concurrency[ =]8/i],
      never: [/\bOOM/, /crash ?loop/i, /redis[^\n]*(down|unreachable|refused|unavailable)/i, /media-api[^\n]*(caus|broke|fail)/i],
    },
  };
}

// ---- 4. sql_require_primary_key after a managed MySQL upgrade --------------------------------------

function mysqlRequirePrimaryKeyMigration(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '164', '250']);
  const image = (v: string) => `${ECR}/orders/order-api:${v}`;
  const jdbc = 'jdbc:mysql://orders-mysql.c8q2wz1kx4na.eu-west-1.rds.amazonaws.com:3306/orders?sslMode=REQUIRED';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_DATASOURCE_URL', value: jdbc }, { name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'validate' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 47, createdAgo: 6 * DAYS, changeCause: 'argocd: order-api 2.18.4', template: tpl('2.18.4') },
      { revision: 48, createdAgo: 30, changeCause: 'argocd: order-api 2.19.0', template: tpl('2.19.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 47, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 48, node: names[1] ?? '', createdAgo: 29.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 19 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const migrateImage = `${ECR}/orders/order-api-migrations:2.19.0`;
  const mig = job({
    namespace: ns,
    name: 'order-api-migrate-48',
    backoffLimit: 2,
    createdAgo: 36,
    template: { containers: [batchContainer({ name: 'flyway', image: migrateImage, command: ['flyway'], args: ['-url=' + jdbc, '-user=${FLYWAY_USER}', '-locations=filesystem:/flyway/sql/db/migration', 'migrate'], memory: '256Mi' })] },
    pods: [
      { node: names[0] ?? '', phase: 'Failed', createdAgo: 36, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 35.6, ranSeconds: 9 }) } },
      { node: names[2] ?? '', phase: 'Failed', createdAgo: 35.4, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 35.1, ranSeconds: 8 }) } },
      { node: names[1] ?? '', phase: 'Failed', createdAgo: 34.5, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 34.2, ranSeconds: 9 }) } },
    ],
    outcome: { failed: 'BackoffLimitExceeded', ago: 34.2 },
  });
  const jobObj = mig.objects[0];
  const flywayLog = (t: number) => lines(
    'Flyway OSS Edition 10.17.3 by Redgate',
    '',
    `Database: ${jdbc.replace('?sslMode=REQUIRED', '')} (MySQL 8.0)`,
    'Successfully validated 48 migrations (execution time 00:00.094s)',
    'Current version of schema `orders`: 47',
    'Migrating schema `orders` to version "48 - create order tag links"',
    'ERROR: Migration of schema `orders` to version "48 - create order tag links" failed! Changes successfully rolled back.',
    'ERROR: ',
    'Migration V48__create_order_tag_links.sql failed',
    '------------------------------------------------',
    'SQL State  : HY000',
    'Error Code : 3750',
    "Message    : Unable to create or change a table without a primary key, when the system variable 'sql_require_primary_key' is set. Add a primary key to the table or unset this variable to avoid this error.",
    'Location   : db/migration/V48__create_order_tag_links.sql (/flyway/sql/db/migration/V48__create_order_tag_links.sql)',
    'Line       : 1',
    'Statement  : CREATE TABLE order_tag_links (',
    '  order_id   BIGINT       NOT NULL,',
    '  tag_id     INT          NOT NULL,',
    '  created_at DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),',
    '  KEY idx_otl_order (order_id),',
    '  KEY idx_otl_tag (tag_id),',
    '  CONSTRAINT fk_otl_order FOREIGN KEY (order_id) REFERENCES orders (id)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    '',
    `(run finished ${at(t)})`,
  );
  const appPrev = lines(
    `${at(2.4)}  INFO 1 --- [order-api] [           main] c.a.orders.OrderApiApplication           : Starting OrderApiApplication v2.19.0 using Java 21.0.5 with PID 1`,
    `${at(2.4)}  INFO 1 --- [order-api] [           main] c.a.orders.OrderApiApplication           : The following 1 profile is active: "prod"`,
    `${at(2.3)}  INFO 1 --- [order-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${at(2.3)}  INFO 1 --- [order-api] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Added connection com.mysql.cj.jdbc.ConnectionImpl@5d9b7a8a`,
    `${at(2.3)}  INFO 1 --- [order-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${at(2.25)}  WARN 1 --- [order-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [order_tag_links]`,
    `${at(2.25)}  INFO 1 --- [order-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...`,
    `${at(2.24)}  INFO 1 --- [order-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.`,
    `${at(2.23)} ERROR 1 --- [order-api] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [order_tag_links]",
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.orders.OrderApiApplication.main(OrderApiApplication.java:14)',
    'Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [order_tag_links]',
    '\tat org.hibernate.tool.schema.internal.AbstractSchemaValidator.validateTable(AbstractSchemaValidator.java:143)',
    '\t... 22 common frames omitted',
  );
  return {
    id: 'heldout55-mysql-require-primary-key-migration-job',
    class: 'jobs',
    truth: 'The orders RDS MySQL was upgraded in the weekend maintenance window with a new parameter group that sets sql_require_primary_key = 1. The release 2.19.0 of order-api ships Flyway migration V48, which creates the link table order_tag_links with only secondary keys and no primary key; MySQL refuses it with ERROR 3750 (HY000) "Unable to create or change a table without a primary key, when the system variable \'sql_require_primary_key\' is set", so the migration Job order-api-migrate-48 failed three times and stopped with BackoffLimitExceeded. The new order-api pod (revision 48) then fails Hibernate schema validation (missing table [order_tag_links]) and crash-loops; the three revision-47 pods keep serving. Fix: add a primary key (order_id, tag_id) to the migration, or turn the variable off in the parameter group.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: app.pods }),
      configMap({ namespace: ns, name: 'orders-db', createdAgo: 400 * DAYS, updatedAgo: 2 * DAYS + 5 * HOURS, data: { host: 'orders-mysql.c8q2wz1kx4na.eu-west-1.rds.amazonaws.com', port: '3306', database: 'orders', engine: 'mysql 8.0.40', 'parameter-group': 'orders-mysql80-2026q4', 'maintenance-note': 'engine 8.0.35 -> 8.0.40 and parameter group orders-mysql80-2026q4 applied in the 2026-11-19 maintenance window (DBA-1182)' } }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[0])}`, 36),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[1])}`, 35.4),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[2])}`, 34.5),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 34.2, 'Warning'),
      scheduled(fresh, 29.5),
      ...restartedAgain(fresh, 'app', image('2.19.0'), { count: 9, firstAgo: 29.4, lastAgo: 2.7 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 27 }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${fresh.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${fresh.status?.podIP ?? ''}:8080: connect: connection refused`, count: 9, firstAgo: 29, lastAgo: 2.2, fieldPath: 'spec.containers{app}' }),
      event({ on: { kind: 'Deployment', name: 'order-api', namespace: ns }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${nameOf(app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '48'))} from 0 to 1`, firstAgo: 30, lastAgo: 30, component: 'deployment-controller' }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: appPrev, current: lines(`${at(0.3)}  INFO 1 --- [order-api] [           main] c.a.orders.OrderApiApplication           : Starting OrderApiApplication v2.19.0 using Java 21.0.5 with PID 1`) }),
      ...mig.pods.map((p, i) => logsFor(p, 'flyway', { current: flywayLog([35.6, 35.1, 34.2][i] ?? 34.2) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`${at(1.1)}  INFO 1 --- [order-api] [nio-8080-exec-${k + 3}] c.a.orders.web.OrderController          : POST /v1/orders 201 (41 ms)`, `${at(0.6)}  INFO 1 --- [order-api] [nio-8080-exec-${k + 1}] c.a.orders.web.OrderController          : GET /v1/orders/ord_88${k}1 200 (9 ms)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sql_require_primary_key|primary key|migrat|order-api-migrate-48/i],
      facts: [/sql_require_primary_key|3750|without a primary key/i, /order-api-migrate-48/, /BackoffLimitExceeded|backoff limit/i, /order_tag_links/],
      never: [/\bOOM/, /access denied|password|credential/i, /image[^\n]*(pull|not found)/i, /liveness probe[^\n]*(cause|too short|kill)/i],
    },
  };
}

// ---- 5. node-local-dns does not tolerate the new pool's taint ------------------------------------

function nodeLocalDnsMissingOnTaintedPool(): CorpusScenario {
  const ns = 'pricing';
  const { nodes: general, names } = threeEksNodes('10.0.40', ['11', '139', '212']);
  const taint: k8s.V1Taint = { key: 'dedicated', value: 'pricing', effect: 'NoSchedule' };
  const compute = ['10.0.52.87', '10.0.53.140'].map((ip, i) => node({
    name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'compute-c7i', instanceType: 'c7i.2xlarge',
    labels: { 'acme.io/pool': 'compute-c7i' }, taints: [taint], createdAgo: 5 * HOURS + 20,
    allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14918820Ki', pods: '58' },
  }));
  const computeNames = compute.map(nameOf);
  const image = (v: string) => `${ECR}/pricing/pricing-engine:${v}`;
  const tpl = (v: string, dedicated: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: dedicated ? '3' : '1', memory: '2Gi',
      env: [{ name: 'REDIS_ADDR', value: 'pricing-cache.pricing.svc.cluster.local:6379' }, { name: 'PG_HOST', value: 'pricing-db.cluster-r7m2k1q8x3vb.eu-west-1.rds.amazonaws.com' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    })],
    ...(dedicated ? { nodeSelector: { 'acme.io/pool': 'compute-c7i' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'pricing', effect: 'NoSchedule' }] } : {}),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 12 * DAYS, changeCause: 'argocd: pricing-engine 5.2.7', template: tpl('5.2.7', false) },
      { revision: 22, createdAgo: 4 * HOURS, changeCause: 'argocd: pricing-engine 5.2.7 on dedicated compute-c7i pool', template: tpl('5.2.7', true) },
    ],
    pods: [
      ...[0, 1, 2, 0].map((n, k) => ({ revision: 21, node: names[n] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 22, node: computeNames[0] ?? '', createdAgo: 4 * HOURS - 0.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 52 }, 41) } },
      { revision: 22, node: computeNames[1] ?? '', createdAgo: 4 * HOURS - 0.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 51 }, 40) } },
    ],
  });
  const cache = statefulSetApp({
    namespace: ns,
    name: 'pricing-cache',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis') })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 30 * DAYS }],
  });
  const localDnsImage = 'registry.k8s.io/dns/k8s-dns-node-cache:1.23.1';
  const localDns = daemonSetApp({
    namespace: 'kube-system',
    name: 'node-local-dns',
    selector: { 'k8s-app': 'node-local-dns' },
    revisions: [{
      revision: 3,
      createdAgo: 150 * DAYS,
      template: {
        containers: [container({
          name: 'node-cache', image: localDnsImage, args: ['-localip', '169.254.20.10,172.20.0.10', '-conf', '/etc/Corefile', '-upstreamsvc', 'kube-dns-upstream'],
          ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9253, protocol: 'TCP' }],
          cpu: '25m', memory: '20Mi', memoryLimit: '64Mi', readiness: null,
          liveness: { httpGet: { host: '169.254.20.10', path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          securityContext: { capabilities: { add: ['NET_ADMIN'] } },
          volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
        })],
        volumes: [{ name: 'config-volume', configMap: { name: 'node-local-dns', items: [{ key: 'Corefile', path: 'Corefile.base' }] } }, { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } }],
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'node-local-dns',
      },
    }],
    pods: names.map((n) => ({ revision: 3, node: n, createdAgo: 40 * DAYS })),
    pinnedToNodes: true,
  });
  const proxy = daemonSetApp({
    namespace: 'kube-system',
    name: 'kube-proxy',
    selector: { 'k8s-app': 'kube-proxy' },
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'kube-proxy', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.2-minimal-eksbuild.3', command: ['kube-proxy', '--v=2', '--config=/var/lib/kube-proxy-config/config'], ports: [], cpu: '100m', memory: '64Mi', memoryLimit: null, readiness: null, liveness: null })], tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' } }],
    pods: [...names, ...computeNames].map((n, i) => ({ revision: 2, node: n, createdAgo: i >= 3 ? 5 * HOURS + 18 : 40 * DAYS })),
    pinnedToNodes: true,
  });
  const corefile = [
    'cluster.local:53 {',
    '    errors',
    '    cache {',
    '            success 9984 30',
    '            denial 9984 5',
    '    }',
    '    reload',
    '    loop',
    '    bind 169.254.20.10 172.20.0.10',
    '    forward . __PILLAR__CLUSTER__DNS__ {',
    '            force_tcp',
    '    }',
    '    prometheus :9253',
    '    health 169.254.20.10:8080',
    '    }',
    '.:53 {',
    '    errors',
    '    cache 30',
    '    reload',
    '    loop',
    '    bind 169.254.20.10 172.20.0.10',
    '    forward . __PILLAR__UPSTREAM__SERVERS__',
    '    prometheus :9253',
    '    }',
    '',
  ].join('\n');
  const crashed = app.pods.slice(4);
  const crashLog = (p: k8s.V1Pod, end: number) => {
    const ip = p.status?.podIP ?? '10.0.52.90';
    const start = end + 52 / 60;
    const to = (host: string, port: number, t: number) => `lookup ${host} on 169.254.20.10:53: read udp ${ip}:${41000 + port + Math.round(t * 10)}->169.254.20.10:53: i/o timeout`;
    const out = [
      `{"level":"info","ts":"${at(start)}","msg":"pricing-engine starting","version":"5.2.7","gomaxprocs":3}`,
      `{"level":"info","ts":"${at(start - 0.01)}","msg":"loaded price rules","rules":18211,"source":"embedded"}`,
    ];
    for (let a = 1; a <= 5; a++) out.push(`{"level":"warn","ts":"${at(start - a * 0.15)}","msg":"redis dial failed, retrying","addr":"pricing-cache.pricing.svc.cluster.local:6379","attempt":${a},"error":"dial tcp: ${to('pricing-cache.pricing.svc.cluster.local', a, start)}"}`);
    out.push(`{"level":"error","ts":"${at(end + 0.02)}","msg":"postgres connect failed","error":"failed to connect to \`user=pricing database=pricing\`: hostname resolving error: ${to('pricing-db.cluster-r7m2k1q8x3vb.eu-west-1.rds.amazonaws.com', 9, end)}"}`);
    out.push(`{"level":"fatal","ts":"${at(end)}","msg":"startup failed","error":"dependencies not reachable after 45s"}`);
    return lines(...out);
  };
  return {
    id: 'heldout55-node-local-dns-missing-on-tainted-pool',
    class: 'network',
    truth: 'The platform team added the node pool compute-c7i five hours ago with the taint dedicated=pricing:NoSchedule, and pricing-engine revision 22 moved onto it (nodeSelector + toleration). The node-local-dns DaemonSet only tolerates CriticalAddonsOnly, so it runs no pod on the two new nodes (desired 3, while kube-proxy, which tolerates everything, runs on all five), yet their kubelets hand pods 169.254.20.10 as nameserver. Every lookup from pods there times out ("lookup … on 169.254.20.10:53: … i/o timeout"): both revision-22 pods fail to reach Redis and Postgres by name and crash-loop, stalling the rollout, while the revision-21 pods on the general nodes resolve fine. CoreDNS is healthy. Fix: add a toleration for the pool\'s taint (or operator Exists) to node-local-dns.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...general, ...compute, ...app.objects, ...cache.objects, ...localDns.objects, ...proxy.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-cache', selector: { app: 'pricing-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: cache.pods, endpointPort: 6379 }),
      service({ namespace: 'kube-system', name: 'kube-dns-upstream', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }] }),
      configMap({ namespace: 'kube-system', name: 'node-local-dns', createdAgo: 150 * DAYS, data: { Corefile: corefile } }),
      ...crashed.flatMap((p, i) => [
        scheduled(p, 4 * HOURS - 0.5),
        ...restartedAgain(p, 'app', image('5.2.7'), { count: 41 - i, firstAgo: 4 * HOURS - 0.6, lastAgo: 4.1 - i * 1.5 }),
        backOff(p, 'app', { count: 930 - i * 11, firstAgo: 3 * HOURS + 40 }),
        event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${p.status?.podIP ?? ''}:8080/ready": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, count: 160 - i * 3, firstAgo: 4 * HOURS - 0.5, lastAgo: 2.5 - i, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: [
      ...crashed.map((p, i) => logsFor(p, 'app', { previous: crashLog(p, i === 0 ? 3.1 : 1.4), current: lines(`{"level":"info","ts":"${at(0.5)}","msg":"pricing-engine starting","version":"5.2.7","gomaxprocs":3}`) })),
      ...app.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1.3)}","msg":"quote computed","sku_count":${12 + k},"cache":"hit","duration_ms":${4 + k}}`, `{"level":"info","ts":"${at(0.4)}","msg":"price rules refreshed","rules":18211}`) })),
      ...localDns.pods.map((p) => logsFor(p, 'node-cache', { current: lines('2026/11/21 02:40:11 [INFO] Using Corefile /etc/Corefile', '[INFO] plugin/reload: Running configuration SHA512 = 9c1f7e…', 'CoreDNS-1.11.3', 'linux/amd64, go1.22.8, ') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node-?local-?dns|node ?local ?dns|nodelocal|169\.254\.20\.10|local DNS cache/i],
      facts: [/taint|toleration|tolerat/i, /compute-c7i|dedicated=pricing|dedicated:|dedicated pool/i, /169\.254\.20\.10|i\/o timeout/i],
      never: [/\bOOM/, /coredns[^\n]*(down|crash|unavailable|failing)/i, /pricing-db[^\n]*(down|unavailable)/i, /pricing-cache[^\n]*(down|unavailable)/i, /network ?polic/i],
    },
  };
}

// ---- 6. JetStream stream at max_bytes (discard new), consumer scaled down ----------------------------

function jetstreamStreamFullDiscardNew(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.130', ['26', '91', '188']);
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const nats = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 3,
    serviceName: 'nats-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'], ports: [{ name: 'client', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }], cpu: '500m', memory: '2Gi', readiness: httpProbe('/healthz?js-enabled-only=true', 'monitor'), liveness: httpProbe('/healthz?js-enabled-only=true', 'monitor', { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'js', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'js', storage: '20Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 21 * DAYS - i * 2 })),
  });
  const image = (n: string, v: string) => `${ECR}/commerce/${n}:${v}`;
  const natsEnv = [{ name: 'NATS_URL', value: 'nats://nats.commerce.svc.cluster.local:4222' }];
  const intake = deploymentApp({
    namespace: ns,
    name: 'order-intake',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 9 * DAYS, changeCause: 'argocd: order-intake 1.31.0', template: { containers: [container({ image: image('order-intake', '1.31.0'), env: natsEnv })] } },
      { revision: 27, createdAgo: 2 * DAYS, changeCause: 'argocd: order-intake 1.31.1', template: { containers: [container({ image: image('order-intake', '1.31.1'), env: natsEnv })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const processor = deploymentApp({
    namespace: ns,
    name: 'order-processor',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, changeCause: 'argocd: order-processor 4.4.2', template: { containers: [container({ image: image('order-processor', '4.4.2'), env: [...natsEnv, { name: 'JS_STREAM', value: 'ORDERS' }, { name: 'JS_DURABLE', value: 'order-processor' }, { name: 'FETCH_BATCH', value: '50' }], cpu: '500m', memory: '512Mi' })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const other = bystander(ns, 'storefront-bff', names, 46, { revisions: [40, 41], versions: ['8.2.0', '8.3.0'], olderAgo: 12 * DAYS });
  const fullAgo = 38;
  const streamJson = JSON.stringify({
    name: 'ORDERS', subjects: ['orders.>'], retention: 'workqueue', max_consumers: -1, max_msgs: -1, max_bytes: 2147483648, max_age: 0, max_msg_size: 1048576,
    storage: 'file', discard: 'new', num_replicas: 3, duplicate_window: 120000000000, allow_direct: true,
  }, null, 2);
  const intakeLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${at(fullAgo + 3)}","msg":"order accepted","order_id":"ord_7Kq${k}81","subject":"orders.created.eu","seq":48122903,"duration_ms":11}`,
      `{"level":"info","time":"${at(fullAgo + 1)}","msg":"order accepted","order_id":"ord_7Kr${k}02","subject":"orders.created.eu","seq":48123377,"duration_ms":14}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = fullAgo - 0.5 - i * 2.6 - k * 0.2;
      const id = `ord_${(0x7b000 + i * 97 + k * 13).toString(36)}`;
      if (i % 4 === 3) {
        out.push(`{"level":"info","time":"${at(t)}","msg":"order accepted","order_id":"${id}","subject":"orders.created.eu","seq":${48131000 + i * 17},"duration_ms":12}`);
      } else {
        out.push(`{"level":"error","time":"${at(t)}","msg":"publish order failed","order_id":"${id}","subject":"orders.created.eu","stream":"ORDERS","error":"nats: maximum bytes exceeded"}`);
        out.push(`{"level":"info","time":"${at(t - 0.001)}","msg":"request","method":"POST","path":"/v1/orders","status":503,"duration_ms":${4 + (i % 5)}}`);
      }
      if (i % 5 === 1) out.push(`{"level":"info","time":"${at(t - 0.002)}","msg":"request","method":"GET","path":"/v1/orders/${id}","status":200,"duration_ms":6}`);
    }
    return lines(...out);
  };
  const procLog = lines(
    ...Array.from({ length: 10 }, (_, i) => {
      const t = 9 - i * 0.9;
      return `{"level":"info","time":"${at(t)}","msg":"batch processed","stream":"ORDERS","consumer":"order-processor","fetched":50,"acked":50,"duration_ms":${2100 + ((i * 173) % 600)},"num_pending":${1902114 - i * 1210}}`;
    }),
    `{"level":"warn","time":"${at(0.7)}","msg":"consumer lagging","stream":"ORDERS","consumer":"order-processor","num_pending":1891233,"oldest_pending_age":"7h02m"}`,
  );
  const natsLog = (i: number) => lines(
    `[1] ${at(21 * DAYS - i * 2).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF] Starting nats-server`,
    `[1] ${at(21 * DAYS - i * 2).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF]   Version:  2.10.22`,
    `[1] ${at(21 * DAYS - i * 2).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF] Starting JetStream`,
    `[1] ${at(21 * DAYS - i * 2).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF]   Max Storage:     18.00 GB`,
    `[1] ${at(5 * HOURS).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF] 10.0.${40 + i}.17:51022 - cid:${8800 + i} - "v1.37.0:go:order-processor" - Client connection closed: Client Closed`,
    `[1] ${at(0.9).slice(0, 23).replace('T', ' ').replace(/-/g, '/')} [INF] 10.0.${40 + i}.33:40188 - cid:${9912 + i} - "v1.37.0:go:storefront-bff" - Client connection created`,
  );
  return {
    id: 'heldout55-jetstream-stream-max-bytes-discard-new',
    class: 'capacity',
    truth: 'The JetStream stream ORDERS (workqueue retention, max_bytes 2 GiB, discard: new) is full. Its only consumer, order-processor, was scaled down to one replica by its HPA seven hours ago (CPU-based, 22% of request while the consumer is I/O bound), so it acknowledges orders far slower than they arrive (~1.9M pending, oldest 7h). Since about 38 minutes ago the stream has reached max_bytes and, with discard new, the server rejects new messages: order-intake\'s publishes fail with "nats: maximum bytes exceeded" and it returns 503, so most orders are not accepted. The NATS servers and their volumes are healthy; storefront-bff\'s rollout is unrelated. Fix: scale order-processor up (and set the HPA on consumer lag), then revisit the stream limits.',
    ask: { service: 'order-intake', namespace: ns },
    objects: [
      ...nodes, ...nats.objects, ...intake.objects, ...processor.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-intake', selector: { app: 'order-intake' }, pods: intake.pods }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: other.pods }),
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, ports: [{ name: 'client', port: 4222, targetPort: 'client' }], pods: nats.pods, endpointPort: 4222 }),
      service({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, headless: true, ports: [{ name: 'client', port: 4222, targetPort: 'client' }, { name: 'cluster', port: 6222, targetPort: 'cluster' }] }),
      hpa({
        namespace: ns, name: 'order-processor', target: { kind: 'Deployment', name: 'order-processor' }, min: 1, max: 6, current: 1, desired: 1, cpu: { current: 22, target: 70, averageValue: '110m' }, lastScaleAgo: 7 * HOURS,
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(7 * HOURS) },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
          { type: 'ScalingLimited', status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count', lastTransitionTime: ago(7 * HOURS) },
        ],
      }),
      configMap({ namespace: ns, name: 'jetstream-streams', createdAgo: 70 * DAYS, updatedAgo: 44 * DAYS, data: { 'ORDERS.json': streamJson } }),
    ],
    logs: [
      ...intake.pods.map((p, k) => logsFor(p, 'app', { current: intakeLog(k) })),
      logsFor(podOf(processor, 0), 'app', { current: procLog }),
      ...nats.pods.map((p, i) => logsFor(p, 'nats', { current: natsLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/jetstream|ORDERS|stream[^\n]*(full|limit|max)|max_bytes|maximum bytes/i],
      facts: [/maximum bytes exceeded|max_bytes|2 ?GiB|2147483648/i, /order-processor/, /discard[^\n]*new|pending|behind|lag|backlog|1 replica|scaled down/i],
      never: [/\bOOM/, /DiskPressure|disk (is )?full|volume (is )?full|PVC[^\n]*full/i, /crash ?loop/i, ADVISES_ROLLBACK, /storefront-bff/],
    },
  };
}

// ---- 7. healthy: flag evaluations falling back to default for an archived flag --------------------

function healthyArchivedFeatureFlagDefaults(): CorpusScenario {
  const ns = 'discovery';
  const { nodes, names } = threeEksNodes('10.0.67', ['35', '102', '219']);
  const image = (v: string) => `${ECR}/discovery/recs-api:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'recs-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 14 * DAYS, changeCause: 'argocd: recs-api 7.4.0', template: { containers: [container({ image: image('7.4.0'), env: [{ name: 'FLAGD_HOST', value: 'flagd.discovery.svc.cluster.local' }, { name: 'FLAGD_PORT', value: '8013' }], memory: '768Mi' })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 14 * DAYS - k })),
  });
  const flagd = deploymentApp({
    namespace: ns,
    name: 'flagd',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'flagd', image: 'ghcr.io/open-feature/flagd:v0.11.4', args: ['start', '--uri', 'file:/etc/flagd/flags.json'], ports: [{ name: 'grpc', containerPort: 8013 }, { name: 'mgmt', containerPort: 8014 }], memory: '64Mi', cpu: '50m', readiness: httpProbe('/readyz', 'mgmt'), liveness: httpProbe('/healthz', 'mgmt'), volumeMounts: [{ name: 'flags', mountPath: '/etc/flagd' }] })], volumes: [{ name: 'flags', configMap: { name: 'feature-flags' } }] } }],
    pods: [0, 1].map((k) => ({ revision: 5, node: names[k + 1] ?? '', createdAgo: 50 * DAYS - k })),
  });
  const flags = JSON.stringify({
    $schema: 'https://flagd.dev/schema/v0/flags.json',
    flags: {
      'recs.diversity-boost': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
      'recs.cold-start-popular': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
      'recs.explain-panel': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { if: [{ in: ['beta', { var: 'segments' }] }, 'on', 'off'] } },
    },
  }, null, 2);
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 16; i++) {
      const t = 8 - i * 0.45 - k * 0.05;
      out.push(`{"level":"warn","time":"${at(t)}","logger":"openfeature","msg":"flag evaluation returned default","flag":"recs.ranker-v3","reason":"ERROR","error_code":"FLAG_NOT_FOUND","error_message":"flag: recs.ranker-v3 not found","default":true}`);
      out.push(`{"level":"info","time":"${at(t - 0.001)}","msg":"request","method":"GET","path":"/v2/recommendations","user_segment":"${['default', 'beta', 'new'][i % 3]}","items":24,"ranker":"v3","status":200,"duration_ms":${23 + ((i * 7 + k * 5) % 19)}}`);
      if (i % 5 === 2) out.push(`{"level":"info","time":"${at(t - 0.002)}","msg":"request","method":"GET","path":"/healthz","status":200,"duration_ms":0}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout55-healthy-archived-feature-flag-defaults',
    class: 'healthy',
    truth: 'recs-api evaluates the feature flag recs.ranker-v3 on every request through flagd (OpenFeature). The ranker-v3 rollout finished weeks ago and the flag was archived from the feature-flags ConfigMap 9 days ago, so each evaluation logs a warning FLAG_NOT_FOUND and returns the code default (true), which is exactly the rolled-out behaviour: ranker v3 serves every request with 200s in 20–40 ms. The warnings are cleanup noise (the flag check should be removed from the code); pods, flagd and the Service are healthy. Nothing is wrong.',
    ask: { service: 'recs-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...flagd.objects,
      ...exposed({ namespace: ns, name: 'recs-api', selector: { app: 'recs-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'flagd', selector: { app: 'flagd' }, ports: [{ name: 'grpc', port: 8013, targetPort: 'grpc' }], pods: flagd.pods, endpointPort: 8013 }),
      configMap({ namespace: ns, name: 'feature-flags', createdAgo: 200 * DAYS, updatedAgo: 9 * DAYS, data: { 'flags.json': flags } }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...flagd.pods.map((p) => logsFor(p, 'flagd', { current: lines(`{"level":"info","ts":"${at(50 * DAYS)}","caller":"flag-evaluation/connect_service.go:247","msg":"metrics and probes listening at 8014","component":"service"}`, `{"level":"info","ts":"${at(9 * DAYS)}","caller":"file/filepath_sync.go:91","msg":"data sync received","component":"sync","sync":"filepath"}`, `{"level":"info","ts":"${at(9 * DAYS)}","caller":"store/flags.go:196","msg":"configuration change (remove) for flagKey recs.ranker-v3 (source: /etc/flagd/flags.json)","component":"store"}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problems?|issues?|faults?)|running normally|nothing (is )?(wrong|broken|actionable)|all (pods|replicas)[^\n]*ready/i],
      facts: [/recs-api/],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /flag[^\n]*(not found|missing)[^\n]*(caus|broke|fail|outage)/i, /flagd[^\n]*(down|unreachable|failing)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  pgbouncerTransactionPoolSearchPath(),
  partnerMtlsClientCertExpired(),
  celeryWorkerSoloPool(),
  mysqlRequirePrimaryKeyMigration(),
  nodeLocalDnsMissingOnTaintedPool(),
  jetstreamStreamFullDiscardNew(),
  healthyArchivedFeatureFlagDefaults(),
];
