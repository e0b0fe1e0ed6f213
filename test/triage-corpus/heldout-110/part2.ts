// Held-out stories, round 110, part two: (network) a Calico-to-VXLAN overlay change on two nodes
// left their pod MTU at 1500 over a 1450 underlay, so small requests work but large responses
// between pods on different nodes hang until timeout; (rollout) a Rails app whose revision 19
// needs a migration whose Job failed, so every request raises ActiveRecord::PendingMigrationError;
// (config) a PostgreSQL StatefulSet that stopped accepting writes to avoid transaction ID
// wraparound because autovacuum could not keep up; (rollout) a Go service rebuilt with a newer Go
// toolchain that now refuses a backend certificate with only a Common Name; (storage, my choice)
// an ext4 volume out of inodes — "No space left on device" while df shows 60% of bytes free;
// (scheduling, my choice) a topologySpreadConstraint with DoNotSchedule over zones where one
// zone has no usable node, so new replicas stay Pending; and a healthy control: a Postgres
// StatefulSet whose replica lagged and caught up forty minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling, httpProbe, job,
  jobEvent, nameOf, node, probeFailed, pyTime, running, service, statefulSetApp, tcpProbe, execProbe,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. MTU mismatch after an overlay change on two nodes ----------------------------------------

function mtuMismatch(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '102', '219']);
  const img = (v: string) => `${ECR}/reports/report-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080], cpu: '250m', memory: '512Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const api = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 3,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: report-api 3.8.2', template: tpl('3.8.2') }],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const store = deploymentApp({
    namespace: ns, name: 'report-store', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/reports/report-store:1.4.0`, ports: [8080], readiness: httpProbe('/ready', 8080) })] } }],
    pods: [{ revision: 5, node: names[1] ?? '', createdAgo: 20 * DAYS }, { revision: 5, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const cni = configMap({ namespace: 'kube-system', name: 'cni-overlay-config', createdAgo: 300 * DAYS, updatedAgo: 95, data: { veth_mtu: '1500', backend: 'vxlan', underlay_mtu: '1450', note: 'rolled to ip-10-0-88-102 and ip-10-0-88-219 first' } });
  const apiLog = (k: number) => lines(
    `{"level":"info","ts":"${at(40 - k)}","msg":"GET /v1/reports/summary?account=88120","status":200,"bytes":812,"duration_ms":14,"upstream":"report-store"}`,
    `{"level":"error","ts":"${at(30 - k)}","msg":"upstream read failed","upstream":"http://report-store.reports.svc:80/v1/blobs/rpt-2026-11-20-88120","error":"context deadline exceeded (Client.Timeout or context cancellation while reading body)","bytes_read":1388,"content_length":284113,"duration_ms":30001}`,
    `{"level":"info","ts":"${at(20 - k)}","msg":"GET /v1/reports/summary?account=10452","status":200,"bytes":640,"duration_ms":11,"upstream":"report-store"}`,
    `{"level":"error","ts":"${at(8 - k)}","msg":"upstream read failed","upstream":"http://report-store.reports.svc:80/v1/blobs/rpt-2026-11-20-10452","error":"context deadline exceeded (Client.Timeout or context cancellation while reading body)","bytes_read":1388,"content_length":196540,"duration_ms":30002}`,
    `{"level":"error","ts":"${at(2 - k * 0.3)}","msg":"GET /v1/reports/rpt-2026-11-20-77310/pdf","status":504,"duration_ms":30004,"error":"upstream timeout"}`,
  );
  return {
    id: 'heldout110-mtu-mismatch-large-responses-hang',
    class: 'network',
    truth: 'An overlay change (Calico IPIP to VXLAN) rolled to ip-10-0-88-102 and ip-10-0-88-219 left the pod veth MTU at 1500 over a 1450-byte VXLAN path, so small responses work but any response larger than one packet between pods on different nodes is black-holed and times out; set the pod MTU to 1450 (or fix PMTU) on those nodes.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...store.objects, cni,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'report-store', selector: { app: 'report-store' }, pods: store.pods }),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, reason: 'NodeNotReady', type: 'Normal', message: `Node ${names[1]} status is now: NodeNotReady`, firstAgo: 2 * DAYS, component: 'node-controller' }),
      ...[1, 2].map((i) => event({ on: { kind: 'Node', name: names[i] ?? '' }, reason: 'CNIConfigChanged', type: 'Normal', message: 'calico-node: VXLAN tunnel device vxlan.calico created with MTU 1450; workload interface MTU 1500 (veth_mtu from cni-overlay-config)', firstAgo: 95 - i, component: 'calico-node' })),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3 + k, firstAgo: 80, lastAgo: 30 })),
    ],
    logs: api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/MTU|packet size|fragment|large (responses|payloads)/i],
      facts: [/1450|1500/, /report-store/, /deadline exceeded|time(d)? ?out/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /NetworkPolicy (blocks|denies)/i],
    },
  };
}

// ---- 2. Rails pending migration ------------------------------------------------------------------

function railsPendingMigration(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.41', ['22', '140', '203']);
  const img = (v: string) => `${ECR}/storefront/web:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [3000], cpu: '500m', memory: '1Gi', env: [{ name: 'RAILS_ENV', value: 'production' }], readiness: httpProbe('/up', 3000), liveness: httpProbe('/livez', 3000) })] });
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-web 2024.11.3', template: tpl('2024.11.3') },
      { revision: 19, createdAgo: 52, changeCause: 'argocd: storefront-web 2024.11.4', template: tpl('2024.11.4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 50 - k, ready: false, containers: { app: running({ sinceAgo: 50 - k, ready: false }) } })),
  });
  const mig = job({
    namespace: ns, name: 'storefront-migrate-2024-11-4', createdAgo: 53, backoffLimit: 1,
    template: { containers: [container({ name: 'migrate', image: img('2024.11.4'), command: ['bin/rails', 'db:migrate'], readiness: null, liveness: null })] },
    pods: [
      { node: names[0] ?? '', createdAgo: 53, phase: 'Failed', containers: { migrate: { state: { terminated: { exitCode: 1, reason: 'Error', startedAt: new Date(at(53)), finishedAt: new Date(at(52.5)) } }, ready: false, restartCount: 0 } } },
      { node: names[1] ?? '', createdAgo: 52, phase: 'Failed', containers: { migrate: { state: { terminated: { exitCode: 1, reason: 'Error', startedAt: new Date(at(52)), finishedAt: new Date(at(51.6)) } }, ready: false, restartCount: 0 } } },
    ],
    outcome: { failed: 'BackoffLimitExceeded', ago: 51.5 },
  });
  const other = bystander(ns, 'storefront-sidekiq', names, 50, { revisions: [40, 41], versions: ['2024.11.3', '2024.11.4'], olderAgo: 6 * DAYS });
  const webLog = (k: number) => lines(
    `I, [${at(49 - k)} #1]  INFO -- : Puma starting in single mode...`,
    `I, [${at(49 - k)} #1]  INFO -- : * Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`,
    `I, [${at(49 - k)} #1]  INFO -- : * Listening on http://0.0.0.0:3000`,
    ...[30, 12, 3, 1].map((t) => `F, [${at(t - k * 0.1)} #1] FATAL -- : [req-${k}${t}a7] ActiveRecord::PendingMigrationError (\n\nMigrations are pending. To resolve this issue, run:\n\n        bin/rails db:migrate RAILS_ENV=production\n\nYou have 1 pending migration:\n\n20261120153012_add_gift_wrap_to_orders.rb\n\n):\n[req-${k}${t}a7] activerecord (7.2.1) lib/active_record/migration.rb:758:in \`check_pending_migrations'`),
  );
  const migLog = lines(
    `I, [${at(52.8)} #1]  INFO -- : Migrating to AddGiftWrapToOrders (20261120153012)`,
    `== 20261120153012 AddGiftWrapToOrders: migrating =============================`,
    `-- add_column(:orders, :gift_wrap, :boolean, {:default=>false, :null=>false})`,
    `bin/rails aborted!`,
    `StandardError: An error has occurred, this and all later migrations canceled:`,
    ``,
    `PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout`,
    `/app/db/migrate/20261120153012_add_gift_wrap_to_orders.rb:3:in \`change'`,
  );
  return {
    id: 'heldout110-rails-pending-migration',
    class: 'rollout',
    truth: 'Revision 19 (storefront-web 2024.11.4) needs migration 20261120153012_add_gift_wrap_to_orders, but the migration Job storefront-migrate-2024-11-4 failed (lock timeout, BackoffLimitExceeded), so every request raises ActiveRecord::PendingMigrationError and no pod is ready; rerun the migration, then the pods recover.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...web.objects, ...mig.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      jobEvent(mig.objects[0] as never, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 51.5, 'Warning'),
      ...web.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 500', { count: 290, firstAgo: 48, lastAgo: 0.2 })),
    ],
    logs: [
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
      ...mig.pods.map((p) => logsFor(p, 'migrate', { current: migLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PendingMigration|migration/i],
      facts: [/storefront-migrate-2024-11-4|BackoffLimitExceeded|backoff limit/i, /20261120153012|db:migrate/i],
      never: [/\bOOM/, /image pull/i],
    },
  };
}

// ---- 3. Postgres wraparound protection -----------------------------------------------------------

function pgWraparound(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.63', ['31', '117', '240']);
  const pgImg = 'docker.io/library/postgres:15.8';
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db',
    revisions: [{ revision: 3, createdAgo: 210 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImg, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres'), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '500Gi', zone: 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const img = (v: string) => `${ECR}/ledger/ledger-writer:${v}`;
  const writer = deploymentApp({
    namespace: ns, name: 'ledger-writer', replicas: 2,
    revisions: [{ revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: ledger-writer 5.2.0', template: { containers: [container({ image: img('5.2.0'), ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 27, node: names[1 + k] ?? '', createdAgo: 12 * DAYS, ready: false, containers: { app: running({ sinceAgo: 12 * DAYS, ready: false, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS } }) } })),
  });
  const dbPod = podOf(db, 0);
  const pgLog = lines(
    `${pgTime(26 * HOURS)} [4121] WARNING:  database "ledger" must be vacuumed within 9802113 transactions`,
    `${pgTime(26 * HOURS)} [4121] HINT:  To avoid a database shutdown, execute a database-wide VACUUM in that database.`,
    `${pgTime(8 * HOURS)} [88] LOG:  automatic vacuum of table "ledger.public.journal_entries": could not (fully) vacuum: oldest xmin is far in the past`,
    `${pgTime(8 * HOURS)} [88] HINT:  Close open transactions soon to avoid wraparound problems. You might also need to commit or roll back old prepared transactions, or drop stale replication slots.`,
    `${pgTime(2 * HOURS)} [5521] WARNING:  database "ledger" must be vacuumed within 1180455 transactions`,
    ...[45, 20, 5, 1].map((t) => `${pgTime(t)} [${6000 + t}] ERROR:  database is not accepting commands to avoid wraparound data loss in database "ledger"\n${pgTime(t)} [${6000 + t}] HINT:  Stop the postmaster and vacuum that database in single-user mode.\n\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.\n${pgTime(t)} [${6000 + t}] STATEMENT:  INSERT INTO journal_entries (account_id, amount_cents, posted_at) VALUES ($1, $2, $3)`),
  );
  const wLog = (k: number) => lines(
    `{"level":"error","ts":"${at(44 - k)}","msg":"post entry failed","error":"ERROR: database is not accepting commands to avoid wraparound data loss in database \\"ledger\\" (SQLSTATE 54000)"}`,
    `{"level":"error","ts":"${at(2 - k * 0.5)}","msg":"post entry failed","error":"ERROR: database is not accepting commands to avoid wraparound data loss in database \\"ledger\\" (SQLSTATE 54000)"}`,
  );
  return {
    id: 'heldout110-postgres-xid-wraparound-stop',
    class: 'config',
    truth: 'Autovacuum on ledger-db could not freeze journal_entries (an old open transaction / stale slot held xmin), so PostgreSQL hit its wraparound safety limit and refuses all writes ("database is not accepting commands to avoid wraparound data loss"); ledger-writer fails every insert. Clear the old xmin holder and run VACUUM (FREEZE) on ledger.',
    ask: { service: 'ledger-writer', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, ...writer.objects,
      service({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true }),
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: writer.pods }),
      ...writer.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 260, firstAgo: 45, lastAgo: 0.3 })),
    ],
    logs: [logsFor(dbPod, 'postgres', { current: pgLog }), ...writer.pods.map((p, k) => logsFor(p, 'app', { current: wLog(k) }))],
    expect: {
      verdict: 'problems',
      headline: [/wraparound|vacuum|ledger-db/i],
      facts: [/not accepting commands|wraparound/i, /VACUUM/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /disk (is )?full|no space/i],
    },
  };
}

// ---- 4. Go 1.15+ refuses CN-only certificate -----------------------------------------------------

function goLegacyCommonName(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.54', ['19', '131', '222']);
  const img = (v: string) => `${ECR}/payments/fx-quoter:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080], env: [{ name: 'RATES_URL', value: 'https://rates.internal.corp:8443' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const app = deploymentApp({
    namespace: ns, name: 'fx-quoter', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 30 * DAYS, changeCause: 'ci: fx-quoter 1.9.4 (go1.14.15)', template: tpl('1.9.4') },
      { revision: 9, createdAgo: 35, changeCause: 'ci: fx-quoter 1.10.0 (go1.22.5)', template: tpl('1.10.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 34 - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2 + k, ranSeconds: 3 }, 11 - k) } })),
  });
  const log = lines(
    `${goTime(3)} fx-quoter 1.10.0 (go1.22.5) starting`,
    `${goTime(3)} loading rates from https://rates.internal.corp:8443/v2/snapshot`,
    `${goTime(3)} fatal: initial rates fetch: Get "https://rates.internal.corp:8443/v2/snapshot": tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead`,
  );
  return {
    id: 'heldout110-go-cn-only-certificate',
    class: 'rollout',
    truth: 'Revision 9 (fx-quoter 1.10.0) was rebuilt with Go 1.22, which no longer accepts a certificate whose host name is only in the Common Name; the rates backend\'s certificate has no SAN, so the startup fetch fails and the pods crash-loop. Reissue the backend certificate with a SAN (or roll back to revision 8 meanwhile).',
    ask: { service: 'fx-quoter', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'fx-quoter', selector: { app: 'fx-quoter' }, pods: app.pods }),
      ...app.pods.map((p) => backOff(p, 'app', { count: 140, firstAgo: 32 })),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log, previous: log })),
    expect: {
      verdict: 'problems',
      headline: [/legacy Common Name|SAN|x509/i],
      facts: [/revision 9|1\.10\.0/i, /rates\.internal\.corp/],
      never: [/\bOOM/, /expired/i],
    },
  };
}

// ---- 5. storage (my choice): ext4 out of inodes ----------------------------------------------------

function inodeExhaustion(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.29', ['44', '160', '233']);
  const img = `${ECR}/media/thumbnailer:2.6.1`;
  const app = statefulSetApp({
    namespace: ns, name: 'thumb-cache', replicas: 1, serviceName: 'thumb-cache',
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ image: img, ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'cache', mountPath: '/var/cache/thumbs' }] })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 20 * DAYS, ready: false, containers: { app: running({ sinceAgo: 20 * DAYS, ready: false }) } }],
    volumeClaimTemplates: [{ name: 'cache', storage: '200Gi', storageClass: 'gp3' }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'cache-thumb-cache-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 90 * DAYS, storageClass: 'gp3' });
  const p = podOf(app, 0);
  const log = lines(
    `${pyTime(6 * HOURS)} INFO thumbs.gc: cache usage 118.4 GiB of 196.7 GiB (60.2%), inodes 13107180 of 13107200 used; nothing to evict (ttl 30d)`,
    ...[40, 25, 9, 2].map((t) => `${pyTime(t)} ERROR thumbs.store: write /var/cache/thumbs/3f/a9/3fa9c1e2_320x320.webp failed: [Errno 28] No space left on device`),
    `${pyTime(1)} INFO thumbs.gc: cache usage 118.4 GiB of 196.7 GiB (60.2%), inodes 13107200 of 13107200 used; nothing to evict (ttl 30d)`,
  );
  return {
    id: 'heldout110-volume-out-of-inodes',
    class: 'storage',
    truth: 'The thumb-cache volume cache-thumb-cache-0 ran out of inodes (13.1 M tiny files on ext4) while 40% of its bytes are still free, so every write fails with ENOSPC "No space left on device" and readiness fails; evict old thumbnails or recreate the filesystem with more inodes.',
    ask: { service: 'thumb-cache', namespace: ns },
    objects: [
      ...nodes, ...app.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'thumb-cache', selector: { app: 'thumb-cache' }, pods: app.pods }),
      probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 240, firstAgo: 40, lastAgo: 0.2 }),
    ],
    logs: [logsFor(p, 'app', { current: log })],
    expect: {
      verdict: 'problems',
      headline: [/inode|No space left|ENOSPC|Errno 28/i],
      facts: [/cache-thumb-cache-0|\/var\/cache\/thumbs/, /inode/i],
      never: [/\bOOM/, /(expand|resize|increase) the (volume|claim|PVC)/i],
    },
  };
}

// ---- 6. scheduling (my choice): zone spread DoNotSchedule with a zone without room -------------------

function zoneSpreadStuck(): CorpusScenario {
  const ns = 'search';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [
    node({ name: eksNodeName('10.0.90.11'), zone: zones[0] ?? '' }),
    node({ name: eksNodeName('10.0.90.12'), zone: zones[0] ?? '' }),
    node({ name: eksNodeName('10.0.91.40'), zone: zones[1] ?? '' }),
    node({ name: eksNodeName('10.0.91.41'), zone: zones[1] ?? '' }),
    node({ name: eksNodeName('10.0.92.77'), zone: zones[2] ?? '', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date('2026-11-21T00:02:00Z') }] }),
  ];
  const names = nodes.map(nameOf);
  const img = `${ECR}/search/query-api:7.3.0`;
  const spread: k8s.V1TopologySpreadConstraint[] = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'query-api' } } }];
  const app = deploymentApp({
    namespace: ns, name: 'query-api', replicas: 6,
    revisions: [{ revision: 14, createdAgo: 15 * DAYS, template: { containers: [container({ image: img, ports: [8080], readiness: httpProbe('/ready', 8080) })], topologySpreadConstraints: spread } }],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 15 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 15 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 15 * DAYS }, { revision: 14, node: names[3] ?? '', createdAgo: 15 * DAYS },
      { revision: 14, createdAgo: 38, unschedulable: '0/5 nodes are available: 1 node(s) were unschedulable, 4 node(s) didn\'t match pod topology spread constraints. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.' },
      { revision: 14, createdAgo: 38, unschedulable: '0/5 nodes are available: 1 node(s) were unschedulable, 4 node(s) didn\'t match pod topology spread constraints. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.' },
    ],
  });
  const msg = '0/5 nodes are available: 1 node(s) were unschedulable, 4 node(s) didn\'t match pod topology spread constraints. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.';
  return {
    id: 'heldout110-zone-spread-donotschedule',
    class: 'scheduling',
    truth: 'query-api spreads over topology.kubernetes.io/zone with maxSkew 1 and whenUnsatisfiable DoNotSchedule; the only eu-west-1c node, ip-10-0-92-77, was cordoned for an AMI upgrade three hours ago but still counts as a zone domain (nodeTaintsPolicy Ignore) with zero replicas, so the two scaled-up replicas cannot go to 1a or 1b without exceeding the skew and stay Pending. Uncordon or replace the 1c node, or relax the constraint to ScheduleAnyway.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...app.pods.slice(4).map((p) => failedScheduling(p, msg, { count: 12, firstAgo: 38, lastAgo: 3 })),
      event({ on: { kind: 'Node', name: eksNodeName('10.0.92.77') }, reason: 'NodeNotSchedulable', type: 'Normal', message: `Node ${eksNodeName('10.0.92.77')} status is now: NodeNotSchedulable`, firstAgo: 3 * HOURS + 12 }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/topology spread|spread constraint|DoNotSchedule|skew|ip-10-0-92-77/i],
      facts: [/Pending|FailedScheduling|unschedul/i, /ip-10-0-92-77|eu-west-1c|cordon/i],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. healthy control: replica lagged and caught up ---------------------------------------------------

function pgReplicaCaughtUp(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.70', ['12', '98', '201']);
  const pgImg = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'accounts-db', replicas: 2, serviceName: 'accounts-db',
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImg, ports: [{ name: 'postgres', containerPort: 5432 }], readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres') })] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 25 * DAYS }, { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 25 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-accounts-db-${i}`, storage: '100Gi', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 60 * DAYS, storageClass: 'gp3' }));
  const primary = podOf(db, 0);
  const replica = podOf(db, 1);
  const repLog = lines(
    `${pgTime(75)} [61] LOG:  restartpoint starting: time`,
    `${pgTime(70)} [812] WARNING:  replication lag 412 MB behind primary (replay_lag 00:03:41), apply falling behind during bulk reindex`,
    `${pgTime(55)} [61] LOG:  restartpoint complete: wrote 88213 buffers (33.6%); 0 WAL file(s) added, 41 removed, 0 recycled`,
    `${pgTime(41)} [812] LOG:  replication lag back to 0 bytes; replay caught up with primary at 0/9C3F2A10`,
    `${pgTime(10)} [61] LOG:  restartpoint complete: wrote 1021 buffers (0.4%); 0 WAL file(s) added, 1 removed, 2 recycled`,
  );
  const priLog = lines(
    `${pgTime(72)} [5510] LOG:  duration: 1843112.441 ms  statement: REINDEX INDEX CONCURRENTLY accounts_email_idx`,
    `${pgTime(9)} [60] LOG:  checkpoint complete: wrote 2201 buffers (0.8%); 0 WAL file(s) added, 0 removed, 3 recycled`,
  );
  return {
    id: 'heldout110-pg-replica-caught-up',
    class: 'healthy',
    truth: 'accounts-db-1 fell about 400 MB behind the primary during a REINDEX an hour ago and caught up forty minutes ago; both pods are Running and Ready and nothing needs doing.',
    ask: { service: 'accounts-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims,
      service({ namespace: ns, name: 'accounts-db', selector: { app: 'accounts-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true }),
      probeFailed(replica, 'postgres', 'Readiness', 'command timed out: "pg_isready -U postgres" timed out after 1s', { count: 2, firstAgo: 69, lastAgo: 66 }),
    ],
    logs: [logsFor(primary, 'postgres', { current: priLog }), logsFor(replica, 'postgres', { current: repLog })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|running|ready/i],
      facts: [/accounts-db/],
      never: [/replica(tion)? (is )?(lagging|behind)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mtuMismatch(), railsPendingMigration(), pgWraparound(), goLegacyCommonName(), inodeExhaustion(), zoneSpreadStuck(), pgReplicaCaughtUp(),
];
