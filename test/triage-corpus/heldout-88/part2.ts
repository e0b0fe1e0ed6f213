// Held-out stories, eighty-eighth round, part two (written blind):
// 1. reporting-api revision 19 added a monthly revenue report whose sort/hash spills past Postgres'
//    temp_file_limit (1 GB): "temporary file size exceeds temp_file_limit (1048576kB)"; pods Ready.
// 2. status-api revision 8 rewrites one shared GCS object (status/current.json) on every request;
//    GCS answers 429 rateLimitExceeded for that object; requests fail, pods Ready.
// 3. media-sync's Azure SAS URL in ConfigMap media-sync-storage expired (se= an hour ago); every blob
//    call is 403 AuthenticationFailed "Signature not valid in the specified time frame"; nothing changed.
// 4. A new node pool (general-v2) runs a chrony config without a time source, its clocks run ahead:
//    auth-gateway pods on those nodes reject fresh tokens "iat is in the future"; old-pool pods fine.
// 5. ledger-db's PVC was expanded 50Gi→100Gi, but the file system resize waits for a pod restart
//    (FileSystemResizePending); Postgres still logs "No space left on device".
// 6. orders-api revision 42 moved reads to the MySQL read replica; GETs right after POSTs 404
//    (read-after-write on a lagging replica, Seconds_Behind_Master in the hundreds); pods Ready.
// 7. Healthy control: a Tomcat service with the harmless "At least one JAR was scanned for TLDs yet
//    contained no TLDs" start-up line.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, configMap, container, deploymentApp, event, exposed, httpProbe, nameOf, node, pvc, pv,
  running, statefulSetApp, volumeOf, tcpProbe, execProbe, pyTime,
} from '../kit/index.js';
import type { Built } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

/** A Deployment of `replicas` pods that rolled from `prev` to `cur` `rolledAgo` minutes ago. */
function rolled(ns: string, name: string, names: readonly string[], o: {
  prev: [number, string]; cur: [number, string]; rolledAgo: number; replicas?: number;
  env: (v: string) => k8s.V1EnvVar[]; ports?: number;
}): Built {
  const image = (v: string) => `${ECR}/${ns}/${name}:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [o.ports ?? 8080], cpu: '250m', memory: '512Mi', env: o.env(v),
      readiness: httpProbe('/ready', o.ports ?? 8080), liveness: httpProbe('/healthz', o.ports ?? 8080, { initialDelaySeconds: 20 }),
    })],
  });
  const n = o.replicas ?? 3;
  return deploymentApp({
    namespace: ns, name, replicas: n,
    revisions: [
      { revision: o.prev[0], createdAgo: 12 * DAYS, changeCause: `argocd: ${name} ${o.prev[1]}`, template: tpl(o.prev[1]) },
      { revision: o.cur[0], createdAgo: o.rolledAgo, changeCause: `argocd: ${name} ${o.cur[1]}`, template: tpl(o.cur[1]) },
    ],
    pods: Array.from({ length: n }, (_, k) => ({ revision: o.cur[0], node: names[k % names.length] ?? '', createdAgo: o.rolledAgo - 1 - k })),
    settled: { available: true, availableSince: o.rolledAgo - 4, progressingSince: o.rolledAgo, progressingUpdatedAgo: o.rolledAgo - 4 },
  });
}

// ---- 1. Postgres temp_file_limit refuses the new report query ---------------------------------------

function tempFileLimit(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.41', ['12', '140', '219']);
  const api = rolled(ns, 'reporting-api', names, {
    prev: [18, '3.7.2'], cur: [19, '3.8.0'], rolledAgo: 5 * HOURS, replicas: 2,
    env: () => [{ name: 'DATABASE_URL', value: 'postgres://reporting@finance-db.cluster-ro-c4k2x8.eu-west-1.rds.amazonaws.com:5432/finance' }, { name: 'STATEMENT_TIMEOUT', value: '300s' }],
  });
  const other = bystander(ns, 'invoice-mailer', names, 70, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const log = (k: number) => {
    const out: string[] = [
      `${pyTime(5 * HOURS - 2 - k)} INFO  [main] reporting.app: reporting-api 3.8.0 started on :8080`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 200 - i * 37 - k * 5;
      out.push(`${pyTime(t + 0.5)} INFO  [http-7] reporting.http: GET /v1/reports/daily-summary?date=2026-11-20 200 212ms`);
      out.push(`${pyTime(t)} INFO  [worker-2] reporting.reports: running report monthly_revenue_by_sku period=2026-10 tenant=${['acme', 'globex', 'initech'][i % 3]}`);
      out.push(`${pyTime(t - 3.1)} ERROR [worker-2] reporting.reports: report monthly_revenue_by_sku failed: psycopg2.errors.ConfigurationLimitExceeded: temporary file size exceeds temp_file_limit (1048576kB)`);
      out.push(`${pyTime(t - 3.1)} INFO  [http-4] reporting.http: GET /v1/reports/monthly-revenue?period=2026-10 500 186233ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout88-postgres-temp-file-limit',
    class: 'config',
    truth: 'reporting-api revision 19 (3.8.0) added the monthly_revenue_by_sku report whose sort spills more than the database\'s temp_file_limit of 1 GB; Postgres cancels it with "temporary file size exceeds temp_file_limit (1048576kB)" and the report endpoint returns 500. Pods are Ready.',
    ask: { service: 'reporting-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'reporting-api', selector: { app: 'reporting-api' }, pods: api.pods }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(api, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/temp_file_limit|temporary file size/i],
      facts: [lit('1048576kB'), /monthly[_-]revenue/i],
      never: [/\bOOM/, /invoice-mailer[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 2. GCS per-object mutation rate limit -----------------------------------------------------------

function gcsObjectRateLimit(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeEksNodes('10.0.88', ['21', '105', '230']);
  const api = rolled(ns, 'status-api', names, {
    prev: [7, '2.0.4'], cur: [8, '2.1.0'], rolledAgo: 2 * HOURS,
    env: () => [{ name: 'STATUS_BUCKET', value: 'acme-status-prod' }, { name: 'STATUS_OBJECT', value: 'status/current.json' }, { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/gcp/key.json' }],
  });
  const other = bystander(ns, 'feature-flags', names, 35, { revisions: [21, 22], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const out: string[] = [`{"severity":"INFO","time":"${at(2 * HOURS - 2 - k)}","message":"status-api 2.1.0 listening on :8080"}`];
    for (let i = 0; i < 12; i++) {
      const t = 40 - i * 3.2 - k * 0.3;
      out.push(`{"severity":"INFO","time":"${at(t + 0.02)}","message":"request","method":"POST","path":"/v1/heartbeat","status":200,"latency_ms":${90 + i * 3}}`);
      out.push(`{"severity":"ERROR","time":"${at(t)}","message":"update status object failed","object":"gs://acme-status-prod/status/current.json","error":"googleapi: Error 429: The object acme-status-prod/status/current.json exceeds the rate limit. Please reduce the rate of create, update, and delete requests., rateLimitExceeded"}`);
      out.push(`{"severity":"INFO","time":"${at(t - 0.01)}","message":"request","method":"POST","path":"/v1/heartbeat","status":503,"latency_ms":${2100 + i * 40}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout88-gcs-object-rate-limit',
    class: 'rollout',
    truth: 'status-api revision 8 (2.1.0) rewrites the single shared object gs://acme-status-prod/status/current.json on every request; GCS limits mutations of one object to about one per second and answers 429 rateLimitExceeded, so heartbeats fail with 503. Pods are Ready.',
    ask: { service: 'status-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'status-api', selector: { app: 'status-api' }, pods: api.pods }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/rate ?limit|429/i],
      facts: [/current\.json/i, /revision 8|2\.1\.0/i],
      never: [/feature-flags[^\n]*(cause|broke)/i, /quota of the project|billing/i],
    },
  };
}

// ---- 3. Expired Azure SAS in a ConfigMap -------------------------------------------------------------

function expiredSas(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.57', ['9', '117', '204']);
  const sas = 'sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-11-21T02:10:00Z&st=2026-08-21T02:10:00Z&spr=https&sig=3kq9Zr%2F7xV0bLw1mQe5yT8uH2nJd4pC6aS1fG0hK%2Bo%3D';
  const cm = configMap({ namespace: ns, name: 'media-sync-storage', createdAgo: 92 * DAYS, data: {
    AZURE_BLOB_URL: `https://acmemediaprod.blob.core.windows.net/renditions?${sas}`,
    SYNC_INTERVAL: '30s',
  } });
  const image = `${ECR}/media/media-sync:1.14.2`;
  const app = deploymentApp({
    namespace: ns, name: 'media-sync', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 23 * DAYS, changeCause: 'argocd: media-sync 1.14.2', template: { containers: [container({
      image, ports: [8080], envFrom: [{ configMapRef: { name: 'media-sync-storage' } }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
    })] } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 6 * DAYS }],
  });
  const other = bystander(ns, 'thumbnailer', names, 95, { revisions: [30, 31], versions: ['4.0.1', '4.1.0'], olderAgo: 14 * DAYS });
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 4; i++) out.push(`${at(90 - i * 5 - k)} INFO sync: uploaded 14 renditions to renditions/2026/11/21 in 2.3s`);
    for (let i = 0; i < 12; i++) {
      const t = 62 - i * 5 - k * 0.4;
      const blob = `renditions/2026/11/21/${8812 + i * 7 + k}-720p.mp4`;
      out.push(`${at(t)} ERROR sync: upload ${blob} failed: PUT https://acmemediaprod.blob.core.windows.net/${blob}\n--------------------------------------------------------------------------------\nRESPONSE 403: 403 Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nERROR CODE: AuthenticationFailed\n--------------------------------------------------------------------------------\n<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:${(9000 + i).toString(16)}a1c2-601e-0047-3b1f-3c8d2e000000\nTime:${at(t)}</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [${new Date('2026-08-21T02:10:00Z').toUTCString()}] - Expiry [${new Date('2026-11-21T02:10:00Z').toUTCString()}] - Current [${new Date(Date.parse(at(t))).toUTCString()}]</AuthenticationErrorDetail></Error>`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout88-azure-sas-expired',
    class: 'config',
    truth: 'The SAS token in ConfigMap media-sync-storage (AZURE_BLOB_URL) expired at 02:10 UTC (se=2026-11-21T02:10:00Z); since then every blob upload fails 403 AuthenticationFailed. Pods are Ready and nothing in the cluster changed; the SAS must be renewed.',
    ask: { service: 'media-sync', namespace: ns },
    objects: [...nodes, cm, ...app.objects, ...other.objects],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SAS|expir|time frame|AuthenticationFailed|403/i],
      facts: [/media-sync-storage/, /AuthenticationFailed|not valid in the specified time frame/i],
      never: [ADVISES_ROLLBACK, /thumbnailer[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 4. New node pool with a skewed clock ------------------------------------------------------------

function clockSkewPool(): CorpusScenario {
  const ns = 'identity';
  const oldNodes = ['10.0.20.14', '10.0.21.77'].map((ip, i) => node({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general', createdAgo: 80 * DAYS }));
  const newNodes = ['10.0.22.31', '10.0.23.102'].map((ip, i) => node({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 9 * HOURS, readySince: 9 * HOURS }));
  const all = [...oldNodes, ...newNodes].map(nameOf);
  const image = `${ECR}/identity/auth-gateway:2.9.4`;
  const app = deploymentApp({
    namespace: ns, name: 'auth-gateway', replicas: 4,
    revisions: [{ revision: 14, createdAgo: 18 * DAYS, changeCause: 'argocd: auth-gateway 2.9.4', template: { containers: [container({
      image, ports: [8080], env: [{ name: 'JWKS_URL', value: 'https://login.acme.example/.well-known/jwks.json' }, { name: 'JWT_LEEWAY', value: '0s' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
    })] } }],
    pods: [
      { revision: 14, node: all[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 14, node: all[1] ?? '', createdAgo: 11 * DAYS },
      { revision: 14, node: all[2] ?? '', createdAgo: 8 * HOURS },
      { revision: 14, node: all[3] ?? '', createdAgo: 8 * HOURS - 3 },
    ],
  });
  const drained = event({ on: { kind: 'Node', name: eksNodeName('10.0.19.200') }, reason: 'NodeNotSchedulable', message: `Node ${eksNodeName('10.0.19.200')} status is now: NodeNotSchedulable`, type: 'Normal', firstAgo: 8 * HOURS + 10, component: 'kubelet' });
  const okLog = (k: number) => lines(...Array.from({ length: 8 }, (_, i) => `${at(40 - i * 5 - k)} level=info msg="request" method=GET path=/v1/session status=200 sub=u-${40211 + i * 13} dur=4ms`));
  const badLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 55 - i * 4 - k * 0.3;
      out.push(`${at(t)} level=warn msg="token rejected" error="token has invalid claims: token used before issued" iss=https://login.acme.example sub=u-${51020 + i * 17}`);
      out.push(`${at(t - 0.01)} level=info msg="request" method=GET path=/v1/session status=401 dur=1ms`);
      if (i % 4 === 0) out.push(`${at(t - 0.02)} level=info msg="request" method=GET path=/healthz status=200 dur=0ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout88-node-pool-clock-skew',
    class: 'nodes',
    truth: 'The new node pool general-v2 (two nodes added 9 hours ago) runs a chrony config without a working time source, so their clocks drift minutes ahead; auth-gateway pods on those nodes reject fresh tokens with "token used before issued" (401), pods on the old general pool are fine.',
    ask: { service: 'auth-gateway', namespace: ns },
    objects: [...oldNodes, ...newNodes, drained, ...app.objects, ...exposed({ namespace: ns, name: 'auth-gateway', selector: { app: 'auth-gateway' }, pods: app.pods })],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: okLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: okLog(1) }),
      logsFor(podOf(app, 2), 'app', { current: badLog(0) }),
      logsFor(podOf(app, 3), 'app', { current: badLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/clock|skew|used before issued|time/i],
      facts: [/general-v2/, /used before issued/i],
      never: [ADVISES_ROLLBACK, /JWKS[^\n]*(cause|rotat)/i],
    },
  };
}

// ---- 5. PVC expanded but file system resize pending --------------------------------------------------

function fsResizePending(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.63', ['44', '158', '211']);
  const image = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db',
    revisions: [{ revision: 3, createdAgo: 120 * DAYS, template: { containers: [container({
      name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 17 * DAYS, containers: { postgres: running({ sinceAgo: 17 * DAYS }) } }],
  });
  const claim = 'data-ledger-db-0';
  const vol = volumeOf(ns, claim);
  const base = pvc({ namespace: ns, name: claim, storage: '100Gi', phase: 'Bound', volumeName: vol, createdAgo: 120 * DAYS, labels: { app: 'ledger-db' } });
  const claimObj: k8s.V1PersistentVolumeClaim = {
    ...base,
    status: {
      ...base.status,
      capacity: { storage: '50Gi' },
      allocatedResources: { storage: '100Gi' },
      conditions: [{ type: 'FileSystemResizePending', status: 'True', lastProbeTime: null as unknown as Date, lastTransitionTime: new Date(at(44)), message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }],
    },
  };
  const volObj = pv({ name: vol, storage: '100Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: claim }, createdAgo: 120 * DAYS });
  const pvcRef = { kind: 'PersistentVolumeClaim', name: claim, namespace: ns };
  const events = [
    event({ on: pvcRef, reason: 'ExternalExpanding', message: 'waiting for an external controller to expand this PVC', type: 'Normal', firstAgo: 46, component: 'volume_expand' }),
    event({ on: pvcRef, reason: 'Resizing', message: `External resizer is resizing volume ${vol}`, type: 'Normal', firstAgo: 46, component: 'external-resizer ebs.csi.aws.com' }),
    event({ on: pvcRef, reason: 'FileSystemResizeRequired', message: 'Require file system resize of volume on node', type: 'Normal', firstAgo: 44, component: 'external-resizer ebs.csi.aws.com' }),
  ];
  const app = rolled(ns, 'ledger-api', names, {
    prev: [25, '6.3.0'], cur: [26, '6.3.1'], rolledAgo: 50, replicas: 2,
    env: () => [{ name: 'DATABASE_URL', value: 'postgres://ledger@ledger-db.ledger.svc.cluster.local:5432/ledger' }],
  });
  const pgLog = lines(
    ...Array.from({ length: 10 }, (_, i) => [
      `${pgTime(70 - i * 6)} [${31200 + i}] ERROR:  could not extend file "base/16384/24719.37": No space left on device`,
      `${pgTime(70 - i * 6)} [${31200 + i}] HINT:  Check free disk space.`,
      `${pgTime(70 - i * 6)} [${31200 + i}] STATEMENT:  INSERT INTO journal_entries (id, account_id, amount, posted_at) VALUES ($1, $2, $3, $4)`,
      `${pgTime(69 - i * 6)} [88] LOG:  checkpoint starting: time`,
      `${pgTime(68.9 - i * 6)} [88] ERROR:  could not write to file "pg_wal/xlogtemp.88": No space left on device`,
    ]).flat(),
  );
  return {
    id: 'heldout88-pvc-fs-resize-pending',
    class: 'storage',
    truth: 'The claim data-ledger-db-0 was expanded from 50Gi to 100Gi to fix a full disk; the EBS volume was resized but the file system resize is pending until the pod restarts (FileSystemResizePending), so ledger-db-0 still sees 50Gi and Postgres logs "No space left on device". Restart ledger-db-0.',
    ask: { service: 'ledger-db', namespace: ns },
    objects: [...nodes, ...db.objects, claimObj, volObj, ...events, ...app.objects,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: db.pods, endpointPort: 5432, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] })],
    logs: [logsFor(podOf(db, 0), 'postgres', { current: pgLog })],
    expect: {
      verdict: 'problems',
      headline: [/resize|FileSystemResizePending|restart|no space|disk/i],
      facts: [/FileSystemResizePending|file system resize/i, /data-ledger-db-0/],
      never: [ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 6. Reads moved to a lagging MySQL replica -------------------------------------------------------

function replicaLag(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.35', ['16', '121', '240']);
  const api = rolled(ns, 'orders-api', names, {
    prev: [41, '7.4.1'], cur: [42, '7.5.0'], rolledAgo: 3 * HOURS,
    env: (v) => [
      { name: 'DB_WRITER_HOST', value: 'orders-db.cluster-c9r2.eu-west-1.rds.amazonaws.com' },
      ...(v === '7.5.0' ? [{ name: 'DB_READER_HOST', value: 'orders-db.cluster-ro-c9r2.eu-west-1.rds.amazonaws.com' }] : []),
      { name: 'DB_NAME', value: 'orders' },
    ],
  });
  const lagCheck = configMap({ namespace: ns, name: 'orders-db-replica-status', createdAgo: 50 * DAYS, updatedAgo: 2, data: {
    'last-check.txt': `checked_at=${at(2)}\nreader=orders-db.cluster-ro-c9r2.eu-west-1.rds.amazonaws.com\nSlave_IO_Running: Yes\nSlave_SQL_Running: Yes\nSeconds_Behind_Master: 214\n`,
  } });
  const other = bystander(ns, 'cart-api', names, 45, { revisions: [63, 64], versions: ['3.3.0', '3.3.1'], olderAgo: 6 * DAYS });
  const log = (k: number) => {
    const out: string[] = [`${at(3 * HOURS - 2 - k)} INFO  orders-api 7.5.0 started; writer=orders-db.cluster-c9r2 reader=orders-db.cluster-ro-c9r2`];
    for (let i = 0; i < 10; i++) {
      const t = 30 - i * 2.7 - k * 0.2;
      const id = `ord_${(7310455 + i * 31 + k * 7).toString(36)}`;
      out.push(`${at(t)} INFO  POST /v1/orders 201 38ms order_id=${id}`);
      out.push(`${at(t - 0.01)} INFO  GET /v1/orders/${id} 404 6ms error="order not found"`);
      if (i % 3 === 0) out.push(`${at(t - 0.3)} INFO  GET /v1/orders?customer=c_${9912 + i} 200 21ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout88-mysql-replica-read-after-write',
    class: 'rollout',
    truth: 'orders-api revision 42 (7.5.0) sends reads to the MySQL read-replica endpoint (DB_READER_HOST); the replica lags minutes behind (Seconds_Behind_Master 214), so a GET right after a POST returns 404 "order not found". Pods are Ready.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [...nodes, lagCheck, ...api.objects, ...other.objects, ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods })],
    logs: [0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/replica|lag|read.after.write|DB_READER_HOST|revision 42|7\.5\.0/i],
      facts: [/404|not found/i, /replica|cluster-ro|Seconds_Behind_Master/i],
      never: [/cart-api[^\n]*(cause|broke)/i, /\bOOM/],
    },
  };
}

// ---- 7. Healthy Tomcat with the TLD-scan notice ------------------------------------------------------

function healthyTomcat(): CorpusScenario {
  const ns = 'legacy';
  const { nodes, names } = threeEksNodes('10.0.91', ['10', '130', '250']);
  const app = rolled(ns, 'claims-portal', names, {
    prev: [12, '9.0.3'], cur: [13, '9.0.4'], rolledAgo: 6 * HOURS, replicas: 2,
    env: () => [{ name: 'CATALINA_OPTS', value: '-Xms512m -Xmx768m' }],
  });
  const tcTime = (m: number): string => {
    const d = new Date(Date.parse(at(m)));
    const mon = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    return `${String(d.getUTCDate()).padStart(2, '0')}-${mon}-${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  };
  const log = (k: number) => {
    const s = 6 * HOURS - 2 - k;
    return lines(
      `${tcTime(s)} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.93`,
      `${tcTime(s)} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]`,
      `${tcTime(s - 0.01)} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]`,
      `${tcTime(s - 0.01)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/usr/local/tomcat/webapps/ROOT.war]`,
      `${tcTime(s - 0.15)} INFO [main] org.apache.jasper.servlet.TldScanner.scanJars At least one JAR was scanned for TLDs yet contained no TLDs. Enable debug logging for this logger for a complete list of JARs that were scanned but no TLDs were found in them. Skipping unneeded JARs during scanning can improve startup time and JSP compilation time.`,
      `${tcTime(s - 0.2)} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deployment of web application archive [/usr/local/tomcat/webapps/ROOT.war] has finished in [9,214] ms`,
      `${tcTime(s - 0.2)} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]`,
      `${tcTime(s - 0.2)} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [9612] milliseconds`,
    );
  };
  return {
    id: 'heldout88-healthy-tomcat-tld-scan',
    class: 'healthy',
    truth: 'claims-portal (Tomcat 9) rolled out revision 13 six hours ago and serves normally; the "At least one JAR was scanned for TLDs yet contained no TLDs" line is Jasper\'s routine start-up notice.',
    ask: { service: 'claims-portal', namespace: ns },
    objects: [...nodes, ...app.objects, ...exposed({ namespace: ns, name: 'claims-portal', selector: { app: 'claims-portal' }, pods: app.pods })],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally/i],
      facts: [/claims-portal/],
      never: [/TLD[^\n]*(cause|fail|broke)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  tempFileLimit(), gcsObjectRateLimit(), expiredSas(), clockSkewPool(), fsResizePending(), replicaLag(), healthyTomcat(),
];
